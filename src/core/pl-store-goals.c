/* pl-store-goals.c — goals and their dated history, goal statuses and
 * self-regulation markers (check-ins are in pl-store-goals-checkins.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pl-milestone.h"
#include "pl-standard.h"
#include "pl-store-goals.h"
#include "pl-store-goals-private.h"
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

const char *
pl_checkin_progress_label (int progress)
{
  static const char *labels[] = {
    N_("1 — Not started"), N_("2 — Some progress"), N_("3 — Nearly there"), N_("4 — Goal met")
  };

  if (progress < 1 || progress > 4)
    return NULL;
  return _(labels[progress - 1]);
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

void
_pl_goals_today (char out[11])
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_time_get_year (now),
              g_date_time_get_month (now), g_date_time_get_day_of_month (now));
}

gboolean
_pl_goals_parse_day (const char *iso,
                     GDate      *out)
{
  guint y, m, d;

  g_date_clear (out, 1);
  if (iso == NULL || sscanf (iso, "%4u-%2u-%2u", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (out, d, m, y);
  return TRUE;
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
  if (target_on != NULL && target_on[0] != '\0' && !_pl_goals_parse_day (target_on, &check))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("The target date “%s” is not a date (YYYY-MM-DD)"), target_on);
      return NULL;
    }
  if (!check_link (store, standard_uuid, milestone_uuid, error))
    return NULL;

  _pl_goals_today (today);
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

  _pl_goals_today (today);
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
  _pl_goals_today (today);
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
    _pl_goals_today (day);
  else
    g_strlcpy (day, today, sizeof day);
  return strcmp (target, day) < 0;
}
