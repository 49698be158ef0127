/* pl-store-goals-checkins.c — weekly check-ins, who has not checked in,
 * milestone reflections and self-regulation markers week by week
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pl-milestone-progress.h"
#include "pl-store-goals.h"
#include "pl-store-goals-private.h"
#include "pl-store-private.h"

char *
pl_checkin_week_start (const char *day,
                       guint       weekday)
{
  char today[11];
  GDate date;
  int back;

  g_return_val_if_fail (weekday >= 1 && weekday <= 7, NULL);
  if (day == NULL)
    {
      _pl_goals_today (today);
      day = today;
    }
  if (!_pl_goals_parse_day (day, &date))
    return NULL;
  back = ((int) g_date_get_weekday (&date) - (int) weekday + 7) % 7;
  g_date_subtract_days (&date, back);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
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
        known = g_strcmp0 (g_strstrip (parts[i]), pl_marker_id (m)) == 0;
      if (!known)
        return FALSE;
    }
  return TRUE;
}

PlCheckin *
pl_store_find_week_checkin (PlStore     *store,
                            const char  *learner_uuid,
                            const char  *today,
                            guint        weekday,
                            GError     **error)
{
  g_autofree char *start = NULL;
  g_autoptr(GListModel) found = NULL;
  char end[11];
  GDate next;
  const char *params[4] = { learner_uuid, NULL, end, NULL };

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (learner_uuid != NULL, NULL);
  g_return_val_if_fail (weekday >= 1 && weekday <= 7, NULL);

  start = pl_checkin_week_start (today, weekday);
  if (start == NULL)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)"), today);
      return NULL;
    }
  _pl_goals_parse_day (start, &next);
  g_date_add_days (&next, 7);
  g_snprintf (end, sizeof end, "%04u-%02u-%02u", g_date_get_year (&next), g_date_get_month (&next),
              g_date_get_day (&next));
  params[1] = start;
  /* By the day it was made: its week_of follows the check-in day of its
   * time, which may have changed since. */
  found = _pl_store_query (store, PL_TYPE_CHECKIN,
                           "WHERE t.deleted = 0 AND t.learner_uuid = ?1"
                           " AND substr(coalesce(t.checked_at, t.week_of), 1, 10) >= ?2"
                           " AND substr(coalesce(t.checked_at, t.week_of), 1, 10) < ?3"
                           " ORDER BY coalesce(t.checked_at, t.week_of) DESC, t.uuid LIMIT 1",
                           params, error);
  if (found == NULL)
    return NULL;
  return g_list_model_get_item (found, 0);
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
                   _("Progress on the goal is 1 to 4 (or 0 when not rated), not %" PRId64),
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
  if (!_pl_goals_parse_day (pl_record_get_string (r, "week-of"), &week) ||
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
    _pl_goals_today (day);
  else
    g_strlcpy (day, today, sizeof day);
  if (!_pl_goals_parse_day (day, &now))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)"), today);
      return NULL;
    }
  g_array_set_clear_func (out, (GDestroyNotify) pl_checkin_status_clear);
  this_week = pl_checkin_week_start (day, weekday);
  {
    GDate w;

    _pl_goals_parse_day (this_week, &w);
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
      status.days_since = last != NULL && _pl_goals_parse_day (last, &then) ? g_date_days_between (&then, &now) : -1;
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

GStrv
pl_store_checked_in_this_week (PlStore     *store,
                               const char  *classroom_uuid,
                               const char  *today,
                               guint        weekday,
                               GError     **error)
{
  g_autoptr(GArray) status = pl_store_class_checkin_status (store, classroom_uuid, today, weekday, error);
  g_autoptr(GStrvBuilder) out = NULL;

  if (status == NULL)
    return NULL;
  out = g_strv_builder_new ();
  for (guint i = 0; i < status->len; i++)
    if (g_array_index (status, PlCheckinStatus, i).state == PL_CHECKIN_STATE_DONE)
      g_strv_builder_add (out, g_array_index (status, PlCheckinStatus, i).learner_uuid);
  return g_strv_builder_end (out);
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
