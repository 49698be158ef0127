/* pl-store-units.c — a class's units: goals, standards, milestones and
 * each learner's progress on them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "pl-learner.h"
#include "pl-milestone-progress.h"
#include "pl-store-learners.h"
#include "pl-store-private.h"
#include "pl-store-units.h"
#include "pl-unit-standard.h"

/* ---- dates -------------------------------------------------------------- */

/* Strict: exactly "YYYY-MM-DD", so that dates sort as text. */
static gboolean
parse_day (const char *day,
           GDate      *out)
{
  guint y, m, d;

  g_date_clear (out, 1);
  if (day == NULL || strlen (day) != 10 || day[4] != '-' || day[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (day[i]))
      return FALSE;
  y = (guint) g_ascii_strtoull (day, NULL, 10);
  m = (guint) g_ascii_strtoull (day + 5, NULL, 10);
  d = (guint) g_ascii_strtoull (day + 8, NULL, 10);
  if (y < 1 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

static char *
format_day (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static char *
today_or (const char *today)
{
  g_autoptr(GDateTime) now = NULL;

  if (today != NULL)
    return g_strdup (today);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
pl_unit_date_is_valid (const char *day)
{
  GDate date;

  return parse_day (day, &date);
}

static gboolean
check_date (const char  *value,
            const char  *field_label,
            GError     **error)
{
  if (value == NULL || value[0] == '\0')
    {
      /* TRANSLATORS: %s is the name of a date field, e.g. "Start date" */
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("%s: a date is needed, written YYYY-MM-DD"), field_label);
      return FALSE;
    }
  if (!pl_unit_date_is_valid (value))
    {
      /* TRANSLATORS: the first %s is the name of a date field, the second what was typed */
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("%s: “%s” is not a date; write it YYYY-MM-DD, e.g. 2025-03-03"), field_label, value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
fail_field (const char  **out_field,
            const char   *field)
{
  if (out_field != NULL)
    *out_field = field;
  return FALSE;
}

/* ---- units ---------------------------------------------------------- */

GListModel *
pl_store_list_units (PlStore     *store,
                     const char  *classroom_uuid,
                     GError     **error)
{
  const char *params[] = { classroom_uuid, NULL };

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (classroom_uuid != NULL, NULL);

  return _pl_store_query (store, PL_TYPE_UNIT,
                          "WHERE t.deleted = 0 AND t.classroom_uuid = ?1"
                          " ORDER BY t.starts_on IS NULL, t.starts_on, t.title COLLATE NOCASE, t.uuid",
                          params, error);
}

PlUnit *
pl_store_create_unit (PlStore     *store,
                      const char  *classroom_uuid,
                      const char  *today,
                      GError     **error)
{
  g_autofree char *day = today_or (today);
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  g_autoptr(PlUnit) unit = NULL;
  GDate date;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (classroom_uuid != NULL, NULL);

  if (!parse_day (day, &date))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)"), day);
      return NULL;
    }
  /* The Monday after today; a Monday moves on a week, since today's
   * lesson has started already. */
  g_date_add_days (&date, 8 - g_date_get_weekday (&date));
  starts = format_day (&date);
  /* Four school weeks: to the Friday of the fourth week. */
  g_date_add_days (&date, 3 * 7 + 4);
  ends = format_day (&date);

  unit = pl_unit_new ();
  pl_record_set_string (PL_RECORD (unit), "classroom-uuid", classroom_uuid);
  pl_record_set_string (PL_RECORD (unit), "title", _("New unit"));
  pl_record_set_string (PL_RECORD (unit), "starts-on", starts);
  pl_record_set_string (PL_RECORD (unit), "ends-on", ends);
  if (!pl_store_save_unit (store, unit, error))
    return NULL;
  return g_steal_pointer (&unit);
}

gboolean
pl_unit_validate (PlUnit       *unit,
                  const char  **out_field,
                  GError      **error)
{
  PlRecord *r = PL_RECORD (unit);
  g_autofree char *title = NULL;
  const char *starts, *ends;

  g_return_val_if_fail (PL_IS_UNIT (unit), FALSE);

  if (out_field != NULL)
    *out_field = NULL;
  title = g_strstrip (g_strdup (pl_record_get_string (r, "title") != NULL ? pl_record_get_string (r, "title") : ""));
  if (title[0] == '\0')
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("Title: a unit needs a title"));
      return fail_field (out_field, "title");
    }
  starts = pl_record_get_string (r, "starts-on");
  ends = pl_record_get_string (r, "ends-on");
  if (!check_date (starts, _("Start date"), error))
    return fail_field (out_field, "starts-on");
  if (!check_date (ends, _("End date"), error))
    return fail_field (out_field, "ends-on");
  if (strcmp (starts, ends) > 0)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("End date: %s is before the start date, %s"), ends, starts);
      return fail_field (out_field, "ends-on");
    }
  return TRUE;
}

gboolean
pl_store_save_unit (PlStore  *store,
                    PlUnit   *unit,
                    GError  **error)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (PL_IS_UNIT (unit), FALSE);

  if (pl_record_get_string (PL_RECORD (unit), "classroom-uuid") == NULL)
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("A unit belongs to a class"));
      return FALSE;
    }
  if (!pl_unit_validate (unit, NULL, error))
    return FALSE;
  title = g_strstrip (g_strdup (pl_record_get_string (PL_RECORD (unit), "title")));
  pl_record_set_string (PL_RECORD (unit), "title", title);
  return pl_store_save (store, PL_RECORD (unit), error);
}

gboolean
pl_store_delete_unit (PlStore  *store,
                      PlUnit   *unit,
                      GError  **error)
{
  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (PL_IS_UNIT (unit), FALSE);

  return pl_store_delete (store, PL_RECORD (unit), error);
}

char **
pl_unit_get_goals (PlUnit *unit)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;
  const char *goals;

  g_return_val_if_fail (PL_IS_UNIT (unit), NULL);

  goals = pl_record_get_string (PL_RECORD (unit), "goals");
  lines = g_strsplit (goals != NULL ? goals : "", "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }
  return g_strv_builder_end (builder);
}

void
pl_unit_set_goals (PlUnit             *unit,
                   const char * const *goals)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  g_return_if_fail (PL_IS_UNIT (unit));

  for (guint i = 0; goals != NULL && goals[i] != NULL; i++)
    {
      g_autofree char *goal = g_strstrip (g_strdelimit (g_strdup (goals[i]), "\r\n", ' '));

      if (goal[0] == '\0')
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, '\n');
      g_string_append (joined, goal);
    }
  pl_record_set_string (PL_RECORD (unit), "goals", joined->len > 0 ? joined->str : NULL);
}

/* ---- standards ------------------------------------------------------ */

static GListModel *
unit_standard_rows (PlStore     *store,
                    const char  *unit_uuid,
                    const char  *standard_uuid,
                    GError     **error)
{
  const char *params[] = { unit_uuid, standard_uuid, NULL };

  return _pl_store_query (store, PL_TYPE_UNIT_STANDARD,
                          "WHERE t.deleted = 0 AND t.unit_uuid = ?1 AND t.standard_uuid = ?2",
                          params, error);
}

gboolean
pl_store_add_unit_standard (PlStore     *store,
                            const char  *unit_uuid,
                            const char  *standard_uuid,
                            GError     **error)
{
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(PlRecord) unit = NULL;
  g_autoptr(PlRecord) standard = NULL;
  g_autoptr(PlUnitStandard) link = NULL;
  g_autofree char *key = NULL;
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (unit_uuid != NULL && standard_uuid != NULL, FALSE);

  unit = pl_store_get (store, PL_TYPE_UNIT, unit_uuid, error);
  if (unit == NULL)
    return FALSE;
  standard = pl_store_get (store, PL_TYPE_STANDARD, standard_uuid, error);
  if (standard == NULL)
    return FALSE;
  if (pl_record_get_deleted (standard))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND,
                   _("Standard %s was deleted"), pl_record_get_string (standard, "code"));
      return FALSE;
    }
  rows = unit_standard_rows (store, unit_uuid, standard_uuid, error);
  if (rows == NULL)
    return FALSE;
  if (g_list_model_get_n_items (rows) > 0)
    return TRUE;

  /* The same link made on two devices is one row once synced, and taking
   * a standard off and on again brings back the same row. */
  key = g_strconcat (unit_uuid, "/", standard_uuid, NULL);
  uuid = pl_store_derive_uuid ("unit-standard", key);
  link = pl_store_get (store, PL_TYPE_UNIT_STANDARD, uuid, NULL);
  if (link == NULL)
    link = g_object_new (PL_TYPE_UNIT_STANDARD, "uuid", uuid, NULL);
  _pl_record_set_deleted (PL_RECORD (link), FALSE);
  pl_record_set_string (PL_RECORD (link), "unit-uuid", unit_uuid);
  pl_record_set_string (PL_RECORD (link), "standard-uuid", standard_uuid);
  return pl_store_save (store, PL_RECORD (link), error);
}

gboolean
pl_store_remove_unit_standard (PlStore     *store,
                               const char  *unit_uuid,
                               const char  *standard_uuid,
                               GError     **error)
{
  g_autoptr(GListModel) rows = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (unit_uuid != NULL && standard_uuid != NULL, FALSE);

  rows = unit_standard_rows (store, unit_uuid, standard_uuid, error);
  if (rows == NULL || !pl_store_begin (store, error))
    return FALSE;
  /* Synced copies of the same link may have left more than one row. */
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PlRecord) row = g_list_model_get_item (rows, i);

      if (!pl_store_delete (store, row, error))
        {
          pl_store_rollback (store);
          return FALSE;
        }
    }
  return pl_store_commit (store, error);
}

/* ---- milestones ----------------------------------------------------- */

GListModel *
pl_store_list_milestones (PlStore     *store,
                          const char  *unit_uuid,
                          GError     **error)
{
  const char *params[] = { unit_uuid, NULL };

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (unit_uuid != NULL, NULL);

  return _pl_store_query (store, PL_TYPE_MILESTONE,
                          "WHERE t.deleted = 0 AND t.unit_uuid = ?1"
                          " ORDER BY t.position, coalesce(t.due_on, ''), t.uuid",
                          params, error);
}

static PlUnit *
live_unit (PlStore     *store,
           const char  *unit_uuid,
           GError     **error)
{
  g_autoptr(PlUnit) unit = NULL;

  if (unit_uuid == NULL)
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("A milestone belongs to a unit"));
      return NULL;
    }
  unit = pl_store_get (store, PL_TYPE_UNIT, unit_uuid, error);
  if (unit == NULL)
    return NULL;
  if (pl_record_get_deleted (PL_RECORD (unit)))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND,
                   _("The unit “%s” was deleted"), pl_record_get_string (PL_RECORD (unit), "title"));
      return NULL;
    }
  return g_steal_pointer (&unit);
}

PlMilestone *
pl_store_add_milestone (PlStore     *store,
                        const char  *unit_uuid,
                        const char  *title,
                        GError     **error)
{
  g_autoptr(PlUnit) unit = NULL;
  g_autoptr(GListModel) siblings = NULL;
  g_autoptr(PlMilestone) milestone = NULL;
  g_autofree char *today = NULL;
  const char *due;
  gint64 position = 0;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  unit = live_unit (store, unit_uuid, error);
  if (unit == NULL)
    return NULL;
  siblings = pl_store_list_milestones (store, unit_uuid, error);
  if (siblings == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (siblings); i++)
    {
      g_autoptr(PlRecord) m = g_list_model_get_item (siblings, i);

      position = MAX (position, pl_record_get_int (m, "position") + 1);
    }
  due = pl_record_get_string (PL_RECORD (unit), "ends-on");
  if (!pl_unit_date_is_valid (due))
    due = pl_record_get_string (PL_RECORD (unit), "starts-on");
  if (!pl_unit_date_is_valid (due))
    due = today = today_or (NULL);

  milestone = pl_milestone_new ();
  pl_record_set_string (PL_RECORD (milestone), "unit-uuid", unit_uuid);
  pl_record_set_string (PL_RECORD (milestone), "title", title != NULL ? title : _("New milestone"));
  pl_record_set_string (PL_RECORD (milestone), "due-on", due);
  pl_record_set_boolean (PL_RECORD (milestone), "must-do", TRUE);
  pl_record_set_int (PL_RECORD (milestone), "position", position);
  if (!pl_store_save_milestone (store, milestone, error))
    return NULL;
  return g_steal_pointer (&milestone);
}

gboolean
pl_milestone_validate (PlMilestone  *milestone,
                       PlUnit       *unit,
                       const char  **out_field,
                       GError      **error)
{
  PlRecord *r = PL_RECORD (milestone);
  g_autofree char *title = NULL;
  const char *due, *starts = NULL, *ends = NULL;

  g_return_val_if_fail (PL_IS_MILESTONE (milestone), FALSE);
  g_return_val_if_fail (unit == NULL || PL_IS_UNIT (unit), FALSE);

  if (out_field != NULL)
    *out_field = NULL;
  title = g_strstrip (g_strdup (pl_record_get_string (r, "title") != NULL ? pl_record_get_string (r, "title") : ""));
  if (title[0] == '\0')
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("Title: a milestone needs a title"));
      return fail_field (out_field, "title");
    }
  due = pl_record_get_string (r, "due-on");
  if (!check_date (due, _("Due date"), error))
    return fail_field (out_field, "due-on");
  if (unit != NULL)
    {
      starts = pl_record_get_string (PL_RECORD (unit), "starts-on");
      ends = pl_record_get_string (PL_RECORD (unit), "ends-on");
    }
  if (pl_unit_date_is_valid (starts) && strcmp (due, starts) < 0)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("Due date: %s is before the unit starts, on %s"), due, starts);
      return fail_field (out_field, "due-on");
    }
  if (pl_unit_date_is_valid (ends) && strcmp (due, ends) > 0)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("Due date: %s is after the unit ends, on %s"), due, ends);
      return fail_field (out_field, "due-on");
    }
  return TRUE;
}

gboolean
pl_store_save_milestone (PlStore      *store,
                         PlMilestone  *milestone,
                         GError      **error)
{
  g_autoptr(PlUnit) unit = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (PL_IS_MILESTONE (milestone), FALSE);

  unit = live_unit (store, pl_record_get_string (PL_RECORD (milestone), "unit-uuid"), error);
  if (unit == NULL || !pl_milestone_validate (milestone, unit, NULL, error))
    return FALSE;
  title = g_strstrip (g_strdup (pl_record_get_string (PL_RECORD (milestone), "title")));
  pl_record_set_string (PL_RECORD (milestone), "title", title);
  return pl_store_save (store, PL_RECORD (milestone), error);
}

gboolean
pl_store_move_milestone (PlStore      *store,
                         PlMilestone  *milestone,
                         int           delta,
                         GError      **error)
{
  g_autoptr(GListModel) siblings = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  guint from = G_MAXUINT;
  int to;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (PL_IS_MILESTONE (milestone), FALSE);

  siblings = pl_store_list_milestones (store, pl_record_get_string (PL_RECORD (milestone), "unit-uuid"), error);
  if (siblings == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (siblings); i++)
    {
      PlRecord *m = g_list_model_get_item (siblings, i);

      if (g_strcmp0 (pl_record_get_uuid (m), pl_record_get_uuid (PL_RECORD (milestone))) == 0)
        from = i;
      g_ptr_array_add (order, m);
    }
  if (from == G_MAXUINT)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND,
                   _("The milestone “%s” is not in its unit any more"),
                   pl_record_get_string (PL_RECORD (milestone), "title"));
      return FALSE;
    }
  to = (int) from + delta;
  if (delta == 0 || to < 0 || to >= (int) order->len)
    return TRUE;

  {
    gpointer moving = g_ptr_array_steal_index (order, from);

    g_ptr_array_insert (order, to, moving);
  }
  if (!pl_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < order->len; i++)
    {
      PlRecord *m = order->pdata[i];

      if (pl_record_get_int (m, "position") == (gint64) i)
        continue;
      pl_record_set_int (m, "position", i);
      if (!pl_store_save (store, m, error))
        {
          pl_store_rollback (store);
          return FALSE;
        }
      if (g_strcmp0 (pl_record_get_uuid (m), pl_record_get_uuid (PL_RECORD (milestone))) == 0)
        pl_record_set_int (PL_RECORD (milestone), "position", i);
    }
  return pl_store_commit (store, error);
}

gboolean
pl_store_remove_milestone (PlStore      *store,
                           PlMilestone  *milestone,
                           GError      **error)
{
  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (PL_IS_MILESTONE (milestone), FALSE);

  /* The others keep their positions, so that Undo puts it back in place. */
  return pl_store_delete (store, PL_RECORD (milestone), error);
}

/* ---- progress --------------------------------------------------------- */

const char *
pl_progress_state_label (PlProgressState state)
{
  switch (state)
    {
    case PL_PROGRESS_DONE:
      return _("Done");
    case PL_PROGRESS_ON_TRACK:
      return _("On track");
    case PL_PROGRESS_BEHIND:
      return _("Behind");
    default:
      return "";
    }
}

void
pl_milestone_learner_clear (PlMilestoneLearner *learner)
{
  g_clear_pointer (&learner->learner_uuid, g_free);
  g_clear_pointer (&learner->name, g_free);
  g_clear_pointer (&learner->done_on, g_free);
}

static GListModel *
progress_rows (PlStore     *store,
               const char  *milestone_uuid,
               const char  *learner_uuid,
               GError     **error)
{
  const char *params[] = { milestone_uuid, learner_uuid, NULL };

  if (learner_uuid == NULL)
    return _pl_store_query (store, PL_TYPE_MILESTONE_PROGRESS,
                            "WHERE t.deleted = 0 AND t.milestone_uuid = ?1", params, error);
  return _pl_store_query (store, PL_TYPE_MILESTONE_PROGRESS,
                          "WHERE t.deleted = 0 AND t.milestone_uuid = ?1 AND t.learner_uuid = ?2"
                          " ORDER BY t.updated_hlc DESC, t.uuid",
                          params, error);
}

GArray *
pl_store_milestone_learners (PlStore     *store,
                             const char  *milestone_uuid,
                             const char  *today,
                             GError     **error)
{
  g_autoptr(PlMilestone) milestone = NULL;
  g_autoptr(PlUnit) unit = NULL;
  g_autoptr(GListModel) learners = NULL;
  g_autoptr(GListModel) progress = NULL;
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GArray) out = g_array_new (FALSE, TRUE, sizeof (PlMilestoneLearner));
  g_autofree char *day = today_or (today);
  const char *due;
  gboolean past_due;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (milestone_uuid != NULL, NULL);

  g_array_set_clear_func (out, (GDestroyNotify) pl_milestone_learner_clear);
  milestone = pl_store_get (store, PL_TYPE_MILESTONE, milestone_uuid, error);
  if (milestone == NULL)
    return NULL;
  unit = pl_store_get (store, PL_TYPE_UNIT, pl_record_get_string (PL_RECORD (milestone), "unit-uuid"), error);
  if (unit == NULL || pl_record_get_string (PL_RECORD (unit), "classroom-uuid") == NULL)
    return unit == NULL ? NULL : g_steal_pointer (&out);
  learners = pl_store_list_class_learners (store, pl_record_get_string (PL_RECORD (unit), "classroom-uuid"), error);
  if (learners == NULL)
    return NULL;
  progress = progress_rows (store, milestone_uuid, NULL, error);
  if (progress == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (progress); i++)
    {
      g_autoptr(PlRecord) p = g_list_model_get_item (progress, i);

      if (g_strcmp0 (pl_record_get_string (p, "status"), "done") == 0)
        g_hash_table_replace (done, g_strdup (pl_record_get_string (p, "learner-uuid")),
                              g_strdup (pl_record_get_string (p, "done-on")));
    }

  due = pl_record_get_string (PL_RECORD (milestone), "due-on");
  past_due = due != NULL && strcmp (due, day) < 0;
  for (guint i = 0; i < g_list_model_get_n_items (learners); i++)
    {
      g_autoptr(PlRecord) l = g_list_model_get_item (learners, i);
      const char *preferred = pl_record_get_string (l, "preferred-name");
      PlMilestoneLearner entry = { 0 };
      gpointer done_on;

      if (pl_record_get_boolean (l, "archived"))
        continue;
      entry.learner_uuid = g_strdup (pl_record_get_uuid (l));
      entry.name = g_strdup_printf ("%s %s",
                                    preferred != NULL && preferred[0] != '\0' ? preferred
                                                                              : pl_record_get_string (l, "given-name"),
                                    pl_record_get_string (l, "family-name"));
      if (g_hash_table_lookup_extended (done, entry.learner_uuid, NULL, &done_on))
        {
          entry.state = PL_PROGRESS_DONE;
          entry.done_on = g_strdup (done_on);
        }
      else
        entry.state = past_due ? PL_PROGRESS_BEHIND : PL_PROGRESS_ON_TRACK;
      g_array_append_val (out, entry);
    }
  return g_steal_pointer (&out);
}

gboolean
pl_store_set_milestone_done (PlStore     *store,
                             const char  *milestone_uuid,
                             const char  *learner_uuid,
                             gboolean     done,
                             const char  *today,
                             GError     **error)
{
  g_autoptr(PlMilestone) milestone = NULL;
  g_autoptr(PlRecord) learner = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autofree char *day = today_or (today);
  guint n;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (milestone_uuid != NULL && learner_uuid != NULL, FALSE);

  if (!pl_unit_date_is_valid (day))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)"), day);
      return FALSE;
    }
  milestone = pl_store_get (store, PL_TYPE_MILESTONE, milestone_uuid, error);
  if (milestone == NULL)
    return FALSE;
  learner = pl_store_get (store, PL_TYPE_LEARNER, learner_uuid, error);
  if (learner == NULL)
    return FALSE;
  rows = progress_rows (store, milestone_uuid, learner_uuid, error);
  if (rows == NULL)
    return FALSE;
  n = g_list_model_get_n_items (rows);

  if (!done)
    {
      if (!pl_store_begin (store, error))
        return FALSE;
      /* Back to work on it: the learner had started, and the reflection
       * they wrote stays with the row. */
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PlRecord) row = g_list_model_get_item (rows, i);

          if (g_strcmp0 (pl_record_get_string (row, "status"), "done") != 0)
            continue;
          pl_record_set_string (row, "status", "in-progress");
          pl_record_set_string (row, "done-on", NULL);
          if (!pl_store_save (store, row, error))
            {
              pl_store_rollback (store);
              return FALSE;
            }
        }
      return pl_store_commit (store, error);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) row = g_list_model_get_item (rows, i);

      if (g_strcmp0 (pl_record_get_string (row, "status"), "done") == 0)
        return TRUE;
    }
  {
    g_autoptr(PlMilestoneProgress) row = n > 0 ? g_list_model_get_item (rows, 0) : NULL;

    if (row == NULL)
      {
        /* Like a rubric's descriptors: one derived uuid per learner and
         * milestone, so the same mark on two devices is one row. */
        g_autofree char *key = g_strconcat (learner_uuid, "/", milestone_uuid, NULL);
        g_autofree char *uuid = pl_store_derive_uuid ("milestone-progress", key);

        row = pl_store_get (store, PL_TYPE_MILESTONE_PROGRESS, uuid, NULL);
        if (row == NULL)
          row = g_object_new (PL_TYPE_MILESTONE_PROGRESS, "uuid", uuid, NULL);
        _pl_record_set_deleted (PL_RECORD (row), FALSE);
        pl_record_set_string (PL_RECORD (row), "learner-uuid", learner_uuid);
        pl_record_set_string (PL_RECORD (row), "milestone-uuid", milestone_uuid);
      }
    pl_record_set_string (PL_RECORD (row), "status", "done");
    pl_record_set_string (PL_RECORD (row), "done-on", day);
    return pl_store_save (store, PL_RECORD (row), error);
  }
}
