/* pl-store-goals.c — goals, weekly check-ins and who has not checked in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pl-milestone.h"
#include "pl-milestone-progress.h"
#include "pl-standard.h"
#include "pl-store-goals.h"
#include "pl-store-private.h"

static const struct
{
  const char *id;
  const char *label;
} markers[PL_N_MARKERS] = {
  { "challenge-seeking", N_("Seeks challenge") },
  { "persistence", N_("Persists") },
  { "strategy-shifting", N_("Shifts strategy") },
  { "help-seeking", N_("Asks for help") },
  { "setback-response", N_("Bounces back") },
};

static const struct
{
  const char *id;
  const char *label;
} goal_statuses[] = {
  { "active", N_("Active") },
  { "met", N_("Met") },
  { "revised", N_("Revised") },
  { "dropped", N_("Dropped") },
};

const char *
pl_marker_id (PlMarker marker)
{
  g_return_val_if_fail (marker < PL_N_MARKERS, NULL);
  return markers[marker].id;
}

const char *
pl_marker_label (PlMarker marker)
{
  g_return_val_if_fail (marker < PL_N_MARKERS, NULL);
  return _(markers[marker].label);
}

gboolean
pl_markers_contain (const char *list,
                    PlMarker    marker)
{
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (marker < PL_N_MARKERS, FALSE);
  if (list == NULL)
    return FALSE;
  parts = g_strsplit (list, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_strcmp0 (g_strstrip (parts[i]), markers[marker].id) == 0)
      return TRUE;
  return FALSE;
}

gboolean
pl_goal_status_is_valid (const char *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (goal_statuses); i++)
    if (g_strcmp0 (status, goal_statuses[i].id) == 0)
      return TRUE;
  return FALSE;
}

const char *
pl_goal_status_label (const char *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (goal_statuses); i++)
    if (g_strcmp0 (status, goal_statuses[i].id) == 0)
      return _(goal_statuses[i].label);
  return status;
}

static void
today_iso (char out[11])
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_time_get_year (now),
              g_date_time_get_month (now), g_date_time_get_day_of_month (now));
}

static gboolean
parse_day (const char *iso,
           GDate      *out)
{
  guint y, m, d;

  g_date_clear (out, 1);
  if (iso == NULL || sscanf (iso, "%4u-%2u-%2u", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

char *
pl_checkin_week_start (const char *day,
                       guint       weekday)
{
  GDate date;
  int back;

  g_return_val_if_fail (weekday >= 1 && weekday <= 7, NULL);
  if (!parse_day (day, &date))
    return NULL;
  back = ((int) g_date_get_weekday (&date) - (int) weekday + 7) % 7;
  g_date_subtract_days (&date, back);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* ---- goals ------------------------------------------------------------ */

GListModel *
pl_store_list_goals (PlStore     *store,
                     const char  *learner_uuid,
                     GError     **error)
{
  const char *params[] = { learner_uuid, NULL };

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (learner_uuid != NULL, NULL);

  return _pl_store_query (store, PL_TYPE_GOAL,
                          "WHERE t.deleted = 0 AND t.learner_uuid = ?1"
                          " ORDER BY t.status = 'active' DESC, coalesce(t.set_on, '') DESC, t.updated_hlc DESC",
                          params, error);
}

static gboolean
append_status (PlStore     *store,
               const char  *goal_uuid,
               const char  *status,
               const char  *changed_on,
               const char  *note,
               GError     **error)
{
  g_autoptr(PlGoalStatus) change = pl_goal_status_new ();
  g_autofree char *text = note != NULL ? g_strstrip (g_strdup (note)) : NULL;

  pl_record_set_string (PL_RECORD (change), "goal-uuid", goal_uuid);
  pl_record_set_string (PL_RECORD (change), "status", status);
  pl_record_set_string (PL_RECORD (change), "changed-on", changed_on);
  pl_record_set_string (PL_RECORD (change), "note", text != NULL && text[0] != '\0' ? text : NULL);
  return pl_store_save (store, PL_RECORD (change), error);
}

/* A link names a milestone or a standard that is there. */
static gboolean
check_link (PlStore     *store,
            const char  *standard_uuid,
            const char  *milestone_uuid,
            GError     **error)
{
  const struct { GType type; const char *uuid; const char *what; } links[] = {
    { PL_TYPE_STANDARD, standard_uuid, N_("standard") },
    { PL_TYPE_MILESTONE, milestone_uuid, N_("milestone") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      g_autoptr(PlRecord) target = NULL;

      if (links[i].uuid == NULL)
        continue;
      target = pl_store_get (store, links[i].type, links[i].uuid, NULL);
      if (target == NULL || pl_record_get_deleted (target))
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                       /* TRANSLATORS: the first %s is "standard" or "milestone" */
                       _("The goal’s %s %s is not there"), _(links[i].what), links[i].uuid);
          return FALSE;
        }
    }
  return TRUE;
}

PlGoal *
pl_store_add_goal (PlStore     *store,
                   const char  *learner_uuid,
                   const char  *body,
                   const char  *standard_uuid,
                   const char  *milestone_uuid,
                   const char  *target_on,
                   GError     **error)
{
  g_autoptr(PlGoal) goal = NULL;
  g_autofree char *text = NULL;
  char today[11];
  GDate check;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (learner_uuid != NULL, NULL);

  text = g_strstrip (g_strdup (body != NULL ? body : ""));
  if (text[0] == '\0')
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("A goal needs a few words that say what the learner will do"));
      return NULL;
    }
  if (target_on != NULL && target_on[0] != '\0' && !parse_day (target_on, &check))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("The target date “%s” is not a date (YYYY-MM-DD)"), target_on);
      return NULL;
    }
  if (!check_link (store, standard_uuid, milestone_uuid, error))
    return NULL;

  today_iso (today);
  goal = pl_goal_new ();
  pl_record_set_string (PL_RECORD (goal), "learner-uuid", learner_uuid);
  pl_record_set_string (PL_RECORD (goal), "body", text);
  pl_record_set_string (PL_RECORD (goal), "status", "active");
  pl_record_set_string (PL_RECORD (goal), "standard-uuid", standard_uuid);
  pl_record_set_string (PL_RECORD (goal), "milestone-uuid", milestone_uuid);
  pl_record_set_string (PL_RECORD (goal), "set-on", today);
  pl_record_set_string (PL_RECORD (goal), "target-on",
                        target_on != NULL && target_on[0] != '\0' ? target_on : NULL);
  if (!pl_store_begin (store, error))
    return NULL;
  if (!pl_store_save (store, PL_RECORD (goal), error) ||
      !append_status (store, pl_record_get_uuid (PL_RECORD (goal)), "active", today, NULL, error))
    {
      pl_store_rollback (store);
      return NULL;
    }
  if (!pl_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&goal);
}

GListModel *
pl_store_list_goal_targets (PlStore     *store,
                            const char  *classroom_uuid,
                            GError     **error)
{
  const char *params[] = { classroom_uuid, NULL };
  g_autoptr(GListModel) milestones = NULL;
  g_autoptr(GListModel) standards = NULL;
  GListStore *out;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (classroom_uuid != NULL, NULL);

  milestones = _pl_store_query (store, PL_TYPE_MILESTONE,
                                "WHERE t.deleted = 0 AND t.unit_uuid IN"
                                " (SELECT uuid FROM unit WHERE classroom_uuid = ?1 AND deleted = 0)"
                                " ORDER BY coalesce(t.due_on, ''), t.position",
                                params, error);
  if (milestones == NULL)
    return NULL;
  standards = _pl_store_query (store, PL_TYPE_STANDARD,
                               "WHERE t.deleted = 0 AND t.uuid IN"
                               " (SELECT us.standard_uuid FROM unit_standard us JOIN unit u ON u.uuid = us.unit_uuid"
                               "  WHERE u.classroom_uuid = ?1 AND u.deleted = 0 AND us.deleted = 0)"
                               " ORDER BY t.code",
                               params, error);
  if (standards == NULL)
    return NULL;

  out = g_list_store_new (PL_TYPE_RECORD);
  for (guint i = 0; i < g_list_model_get_n_items (milestones); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (milestones, i);
      g_list_store_append (out, item);
    }
  for (guint i = 0; i < g_list_model_get_n_items (standards); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (standards, i);
      g_list_store_append (out, item);
    }
  return G_LIST_MODEL (out);
}

gboolean
pl_store_set_goal_status (PlStore     *store,
                          PlGoal      *goal,
                          const char  *status,
                          const char  *note,
                          GError     **error)
{
  g_autofree char *before = NULL;
  char today[11];

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (PL_IS_GOAL (goal), FALSE);

  if (!pl_goal_status_is_valid (status) || g_strcmp0 (status, "revised") == 0)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("“%s” is not a status a goal can be given (active, met or dropped)"),
                   status != NULL ? status : "");
      return FALSE;
    }
  before = g_strdup (pl_record_get_string (PL_RECORD (goal), "status"));
  if (g_strcmp0 (before, status) == 0)
    return TRUE;
  if (g_strcmp0 (before, "revised") == 0)
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("A revised goal carries on in its new wording; change that one instead"));
      return FALSE;
    }

  today_iso (today);
  if (!pl_store_begin (store, error))
    return FALSE;
  pl_record_set_string (PL_RECORD (goal), "status", status);
  if (!pl_store_save (store, PL_RECORD (goal), error) ||
      !append_status (store, pl_record_get_uuid (PL_RECORD (goal)), status, today, note, error))
    {
      pl_store_rollback (store);
      pl_record_set_string (PL_RECORD (goal), "status", before);
      return FALSE;
    }
  if (!pl_store_commit (store, error))
    {
      pl_record_set_string (PL_RECORD (goal), "status", before);
      return FALSE;
    }
  return TRUE;
}

PlGoal *
pl_store_revise_goal (PlStore     *store,
                      PlGoal      *goal,
                      const char  *body,
                      GError     **error)
{
  g_autoptr(PlGoal) revised = NULL;
  g_autofree char *before = NULL;
  char today[11];

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (PL_IS_GOAL (goal), NULL);

  if (g_strcmp0 (pl_record_get_string (PL_RECORD (goal), "status"), "revised") == 0)
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("This goal was revised already; revise its new wording instead"));
      return NULL;
    }
  before = g_strdup (pl_record_get_string (PL_RECORD (goal), "status"));
  today_iso (today);
  if (!pl_store_begin (store, error))
    return NULL;
  revised = pl_store_add_goal (store, pl_record_get_string (PL_RECORD (goal), "learner-uuid"), body,
                               pl_record_get_string (PL_RECORD (goal), "standard-uuid"),
                               pl_record_get_string (PL_RECORD (goal), "milestone-uuid"),
                               pl_record_get_string (PL_RECORD (goal), "target-on"), error);
  if (revised == NULL)
    goto fail;
  pl_record_set_string (PL_RECORD (revised), "revises-uuid", pl_record_get_uuid (PL_RECORD (goal)));
  if (!pl_store_save (store, PL_RECORD (revised), error))
    goto fail;
  pl_record_set_string (PL_RECORD (goal), "status", "revised");
  if (!pl_store_save (store, PL_RECORD (goal), error) ||
      !append_status (store, pl_record_get_uuid (PL_RECORD (goal)), "revised", today, NULL, error))
    goto fail;
  if (!pl_store_commit (store, error))
    {
      pl_record_set_string (PL_RECORD (goal), "status", before);
      return NULL;
    }
  return g_steal_pointer (&revised);

fail:
  pl_store_rollback (store);
  pl_record_set_string (PL_RECORD (goal), "status", before);
  return NULL;
}

gboolean
pl_store_set_goal_link (PlStore     *store,
                        PlGoal      *goal,
                        const char  *standard_uuid,
                        const char  *milestone_uuid,
                        GError     **error)
{
  g_autofree char *old_standard = NULL;
  g_autofree char *old_milestone = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (PL_IS_GOAL (goal), FALSE);

  if (standard_uuid != NULL && milestone_uuid != NULL)
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("A goal links to one milestone or one standard, not both"));
      return FALSE;
    }
  if (!check_link (store, standard_uuid, milestone_uuid, error))
    return FALSE;
  old_standard = g_strdup (pl_record_get_string (PL_RECORD (goal), "standard-uuid"));
  old_milestone = g_strdup (pl_record_get_string (PL_RECORD (goal), "milestone-uuid"));
  pl_record_set_string (PL_RECORD (goal), "standard-uuid", standard_uuid);
  pl_record_set_string (PL_RECORD (goal), "milestone-uuid", milestone_uuid);
  if (!pl_store_save (store, PL_RECORD (goal), error))
    {
      pl_record_set_string (PL_RECORD (goal), "standard-uuid", old_standard);
      pl_record_set_string (PL_RECORD (goal), "milestone-uuid", old_milestone);
      return FALSE;
    }
  return TRUE;
}

GListModel *
pl_store_list_goal_history (PlStore     *store,
                            const char  *goal_uuid,
                            GError     **error)
{
  const char *params[] = { goal_uuid, NULL };

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (goal_uuid != NULL, NULL);

  return _pl_store_query (store, PL_TYPE_GOAL_STATUS,
                          "WHERE t.deleted = 0 AND t.goal_uuid = ?1"
                          " ORDER BY t.changed_on, t.updated_hlc, t.uuid",
                          params, error);
}

/* "MM-DD": a goal lives within a school year. */
static const char *
short_day (const char *iso)
{
  return iso != NULL && strlen (iso) == 10 ? iso + 5 : iso != NULL ? iso : "";
}

static char *
change_text (const char *status,
             const char *day,
             gboolean    again)
{
  if (g_strcmp0 (status, "met") == 0)
    /* TRANSLATORS: in a goal's history: "Active since 10-30 · met 11-20" */
    return g_strdup_printf (_("met %s"), day);
  if (g_strcmp0 (status, "dropped") == 0)
    return g_strdup_printf (_("dropped %s"), day);
  if (g_strcmp0 (status, "revised") == 0)
    return g_strdup_printf (_("revised %s"), day);
  if (again)
    return g_strdup_printf (_("active again %s"), day);
  return g_strdup_printf (_("Active since %s"), day);
}

char *
pl_goal_history_describe (PlGoal     *goal,
                          GListModel *history)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *status;
  guint n;

  g_return_val_if_fail (PL_IS_GOAL (goal), NULL);

  status = pl_record_get_string (PL_RECORD (goal), "status");
  n = history != NULL ? g_list_model_get_n_items (history) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) change = g_list_model_get_item (history, i);
      const char *note = pl_record_get_string (change, "note");
      g_autofree char *part = change_text (pl_record_get_string (change, "status"),
                                           short_day (pl_record_get_string (change, "changed-on")),
                                           out->len > 0);

      /* A goal from before its history was kept started active on set_on. */
      if (i == 0 && g_strcmp0 (pl_record_get_string (change, "status"), "active") != 0)
        {
          g_autofree char *start = change_text ("active", short_day (pl_record_get_string (PL_RECORD (goal), "set-on")), FALSE);

          g_string_append (out, start);
        }
      g_string_append_printf (out, "%s%s", out->len > 0 ? " · " : "", part);
      if (note != NULL)
        g_string_append_printf (out, " (%s)", note);
    }
  if (n == 0)
    {
      g_autofree char *start = change_text ("active", short_day (pl_record_get_string (PL_RECORD (goal), "set-on")), FALSE);

      g_string_append (out, start);
      if (g_strcmp0 (status, "active") != 0)
        /* TRANSLATORS: a goal's status whose date was not kept: "Active since 10-30 · now Met" */
        g_string_append_printf (out, _(" · now %s"), pl_goal_status_label (status));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
pl_goal_is_past_due (PlGoal     *goal,
                     const char *today)
{
  const char *target;
  char day[11];

  g_return_val_if_fail (PL_IS_GOAL (goal), FALSE);

  target = pl_record_get_string (PL_RECORD (goal), "target-on");
  if (target == NULL || g_strcmp0 (pl_record_get_string (PL_RECORD (goal), "status"), "active") != 0)
    return FALSE;
  if (today == NULL)
    today_iso (day);
  else
    g_strlcpy (day, today, sizeof day);
  return strcmp (target, day) < 0;
}

/* ---- check-ins ---------------------------------------------------------- */

GListModel *
pl_store_list_checkins (PlStore     *store,
                        const char  *learner_uuid,
                        GError     **error)
{
  const char *params[] = { learner_uuid, NULL };

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (learner_uuid != NULL, NULL);

  return _pl_store_query (store, PL_TYPE_CHECKIN,
                          "WHERE t.deleted = 0 AND t.learner_uuid = ?1"
                          " ORDER BY coalesce(t.checked_at, t.week_of) DESC, t.uuid",
                          params, error);
}

static gboolean
parse_moment (const char *iso,
              GDate      *day)
{
  guint y, m, d, hh, mm, ss;
  char z = '\0';

  g_date_clear (day, 1);
  if (iso == NULL || strlen (iso) != 20 ||
      sscanf (iso, "%4u-%2u-%2uT%2u:%2u:%2u%c", &y, &m, &d, &hh, &mm, &ss, &z) != 7 ||
      z != 'Z' || hh > 23 || mm > 59 || ss > 59 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (day, d, m, y);
  return TRUE;
}

static gboolean
markers_are_known (const char *list)
{
  g_auto(GStrv) parts = NULL;

  if (list == NULL)
    return TRUE;
  parts = g_strsplit (list, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gboolean known = FALSE;

      for (PlMarker m = 0; m < PL_N_MARKERS && !known; m++)
        known = g_strcmp0 (g_strstrip (parts[i]), markers[m].id) == 0;
      if (!known)
        return FALSE;
    }
  return TRUE;
}

gboolean
pl_store_check_checkin (PlStore     *store,
                        PlCheckin   *checkin,
                        GError     **error)
{
  PlRecord *r = PL_RECORD (checkin);
  const char *goal_uuid = pl_record_get_string (r, "goal-uuid");
  gint64 progress = pl_record_get_int (r, "progress");
  GDate checked, week;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (PL_IS_CHECKIN (checkin), FALSE);

  if (pl_record_get_string (r, "learner-uuid") == NULL)
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("A check-in belongs to a learner"));
      return FALSE;
    }
  if (progress < 0 || progress > 4)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("Progress on the goal is 1 to 4 (or 0 when not rated), not %" G_GINT64_FORMAT),
                   progress);
      return FALSE;
    }
  if (!parse_moment (pl_record_get_string (r, "checked-at"), &checked))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("The check-in time “%s” is not a moment (YYYY-MM-DDTHH:MM:SSZ)"),
                   pl_record_get_string (r, "checked-at") != NULL ? pl_record_get_string (r, "checked-at") : "");
      return FALSE;
    }
  /* The week is the check-in week the check-in was made in, whatever the
   * check-in day was then. */
  if (!parse_day (pl_record_get_string (r, "week-of"), &week) ||
      g_date_compare (&week, &checked) > 0 || g_date_days_between (&week, &checked) > 6)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("The check-in week “%s” does not hold its day %.10s"),
                   pl_record_get_string (r, "week-of") != NULL ? pl_record_get_string (r, "week-of") : "",
                   pl_record_get_string (r, "checked-at"));
      return FALSE;
    }
  if (!markers_are_known (pl_record_get_string (r, "markers")))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("The self-regulation markers “%s” are not all known ones"),
                   pl_record_get_string (r, "markers"));
      return FALSE;
    }
  if (goal_uuid != NULL)
    {
      g_autoptr(PlGoal) goal = pl_store_get (store, PL_TYPE_GOAL, goal_uuid, NULL);

      if (goal == NULL || g_strcmp0 (pl_record_get_string (PL_RECORD (goal), "learner-uuid"),
                                     pl_record_get_string (r, "learner-uuid")) != 0)
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                       _("The check-in’s goal %s is not a goal of its learner"), goal_uuid);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
pl_store_save_checkin (PlStore     *store,
                       PlCheckin   *checkin,
                       guint        weekday,
                       GError     **error)
{
  PlRecord *r = PL_RECORD (checkin);

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (PL_IS_CHECKIN (checkin), FALSE);
  g_return_val_if_fail (weekday >= 1 && weekday <= 7, FALSE);

  if (pl_record_get_string (r, "checked-at") == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

      pl_record_set_string (r, "checked-at", stamp);
    }
  if (pl_record_get_string (r, "week-of") == NULL)
    {
      char day[11];
      g_autofree char *week = NULL;

      g_strlcpy (day, pl_record_get_string (r, "checked-at"), sizeof day);
      week = pl_checkin_week_start (day, weekday);
      if (week != NULL)
        pl_record_set_string (r, "week-of", week);
    }
  if (!pl_store_check_checkin (store, checkin, error))
    return FALSE;
  return pl_store_save (store, r, error);
}

void
pl_checkin_status_clear (PlCheckinStatus *status)
{
  g_clear_pointer (&status->learner_uuid, g_free);
  g_clear_pointer (&status->last_checked, g_free);
}

GArray *
pl_store_class_checkin_status (PlStore     *store,
                               const char  *classroom_uuid,
                               const char  *today,
                               guint        weekday,
                               GError     **error)
{
  g_autoptr(GArray) out = g_array_new (FALSE, TRUE, sizeof (PlCheckinStatus));
  g_autofree char *this_week = NULL;
  g_autofree char *last_week = NULL;
  char day[11];
  GDate now;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (classroom_uuid != NULL, NULL);
  g_return_val_if_fail (weekday >= 1 && weekday <= 7, NULL);

  if (today == NULL)
    today_iso (day);
  else
    g_strlcpy (day, today, sizeof day);
  if (!parse_day (day, &now))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)"), today);
      return NULL;
    }
  g_array_set_clear_func (out, (GDestroyNotify) pl_checkin_status_clear);
  this_week = pl_checkin_week_start (day, weekday);
  {
    GDate w;

    parse_day (this_week, &w);
    g_date_subtract_days (&w, 7);
    last_week = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&w), g_date_get_month (&w),
                                 g_date_get_day (&w));
  }

  stmt = _pl_store_prepare (store,
                            "SELECT l.uuid, max(substr(coalesce(c.checked_at, c.week_of), 1, 10))"
                            " FROM enrollment e JOIN learner l ON l.uuid = e.learner_uuid"
                            " LEFT JOIN checkin c ON c.learner_uuid = l.uuid AND c.deleted = 0"
                            "   AND substr(coalesce(c.checked_at, c.week_of), 1, 10) <= ?2"
                            " WHERE e.classroom_uuid = ?1 AND e.deleted = 0 AND e.archived = 0"
                            "   AND l.deleted = 0 AND l.archived = 0"
                            " GROUP BY l.uuid ORDER BY l.family_name, l.given_name, l.uuid",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, classroom_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlCheckinStatus status = { 0 };
      const char *last = (const char *) sqlite3_column_text (stmt, 1);
      GDate then;

      status.learner_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      status.last_checked = g_strdup (last);
      status.days_since = last != NULL && parse_day (last, &then) ? g_date_days_between (&then, &now) : -1;
      if (last != NULL && strcmp (last, this_week) >= 0)
        status.state = PL_CHECKIN_STATE_DONE;
      else if (last != NULL && strcmp (last, last_week) >= 0)
        status.state = PL_CHECKIN_STATE_DUE;
      else
        status.state = PL_CHECKIN_STATE_MISSING;
      g_array_append_val (out, status);
    }
  if (rc != SQLITE_DONE)
    {
      _pl_store_set_error (store, error, _("cannot read check-ins"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&out);
}

/* ---- reflections and markers --------------------------------------------- */

char *
pl_store_pending_reflection (PlStore     *store,
                             const char  *learner_uuid,
                             char       **out_progress_uuid,
                             GError     **error)
{
  sqlite3_stmt *stmt;
  char *prompt = NULL;
  int rc;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (learner_uuid != NULL, NULL);

  stmt = _pl_store_prepare (store,
                            "SELECT p.uuid, m.reflection_prompt FROM milestone_progress p"
                            " JOIN milestone m ON m.uuid = p.milestone_uuid"
                            " WHERE p.learner_uuid = ?1 AND p.deleted = 0 AND m.deleted = 0"
                            "   AND p.status = 'done' AND coalesce(p.reflection, '') = ''"
                            "   AND coalesce(m.reflection_prompt, '') <> ''"
                            " ORDER BY p.done_on DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, learner_uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      prompt = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      if (out_progress_uuid != NULL)
        *out_progress_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  else if (rc != SQLITE_DONE)
    _pl_store_set_error (store, error, _("cannot read milestones"));
  sqlite3_reset (stmt);
  return prompt;
}

gboolean
pl_store_save_reflection (PlStore     *store,
                          const char  *progress_uuid,
                          const char  *text,
                          GError     **error)
{
  g_autoptr(PlMilestoneProgress) progress = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (progress_uuid != NULL, FALSE);

  progress = pl_store_get (store, PL_TYPE_MILESTONE_PROGRESS, progress_uuid, error);
  if (progress == NULL)
    return FALSE;
  pl_record_set_string (PL_RECORD (progress), "reflection", text);
  return pl_store_save (store, PL_RECORD (progress), error);
}

GArray *
pl_store_marker_weeks (PlStore     *store,
                       const char  *learner_uuid,
                       GError     **error)
{
  g_autoptr(GListModel) checkins = NULL;
  g_autoptr(GArray) out = g_array_new (FALSE, TRUE, sizeof (PlMarkerWeek));
  guint n;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (learner_uuid != NULL, NULL);

  checkins = pl_store_list_checkins (store, learner_uuid, error);
  if (checkins == NULL)
    return NULL;
  /* Newest first: walk back so the oldest week comes first. */
  n = g_list_model_get_n_items (checkins);
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(PlRecord) c = g_list_model_get_item (checkins, i - 1);
      const char *week = pl_record_get_string (c, "week-of");
      PlMarkerWeek *last = out->len > 0 ? &g_array_index (out, PlMarkerWeek, out->len - 1) : NULL;
      guint bits = 0;

      for (PlMarker m = 0; m < PL_N_MARKERS; m++)
        if (pl_markers_contain (pl_record_get_string (c, "markers"), m))
          bits |= 1u << m;
      if (last != NULL && g_strcmp0 (last->week_of, week) == 0)
        last->markers |= bits;
      else
        {
          PlMarkerWeek w = { "", bits };

          g_strlcpy (w.week_of, week != NULL ? week : "", sizeof w.week_of);
          g_array_append_val (out, w);
        }
    }
  return g_steal_pointer (&out);
}

gboolean
pl_store_marker_totals (PlStore     *store,
                        const char  *learner_uuid,
                        guint        counts[PL_N_MARKERS],
                        guint       *weeks,
                        GError     **error)
{
  g_autoptr(GArray) by_week = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  by_week = pl_store_marker_weeks (store, learner_uuid, error);
  if (by_week == NULL)
    return FALSE;
  memset (counts, 0, sizeof (guint) * PL_N_MARKERS);
  for (guint i = 0; i < by_week->len; i++)
    for (PlMarker m = 0; m < PL_N_MARKERS; m++)
      counts[m] += (g_array_index (by_week, PlMarkerWeek, i).markers >> m) & 1;
  if (weeks != NULL)
    *weeks = by_week->len;
  return TRUE;
}

char *
pl_markers_describe (const char *list)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (PlMarker m = 0; m < PL_N_MARKERS; m++)
    if (pl_markers_contain (list, m))
      g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", pl_marker_label (m));
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

char *
pl_marker_weeks_describe (GArray *weeks)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (weeks != NULL, NULL);

  for (PlMarker m = 0; m < PL_N_MARKERS; m++)
    {
      g_autoptr(GString) days = g_string_new (NULL);
      guint seen = 0;

      for (guint i = 0; i < weeks->len; i++)
        {
          PlMarkerWeek *w = &g_array_index (weeks, PlMarkerWeek, i);

          if (((w->markers >> m) & 1) == 0)
            continue;
          seen++;
          /* "MM-DD": the year is the school year's. */
          g_string_append_printf (days, "%s%s", days->len > 0 ? ", " : "",
                                  strlen (w->week_of) == 10 ? w->week_of + 5 : w->week_of);
        }
      if (out->len > 0)
        g_string_append_c (out, '\n');
      if (seen == 0)
        /* TRANSLATORS: a self-regulation marker, then how many check-in weeks there were */
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s: not yet, in %u week",
                                                  "%s: not yet, in %u weeks", weeks->len),
                                pl_marker_label (m), weeks->len);
      else
        /* TRANSLATORS: a self-regulation marker, in how many of the check-in weeks it was seen, and which (month-day) */
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s: %u of %u week — %s",
                                                  "%s: %u of %u weeks — %s", weeks->len),
                                pl_marker_label (m), seen, weeks->len, days->str);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
