/* pl-store-gradebook.c — the standards-based gradebook of a class
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pl-classroom.h"
#include "pl-evidence.h"
#include "pl-learner.h"
#include "pl-standard-method.h"
#include "pl-standard.h"
#include "pl-store-gradebook.h"
#include "pl-store-learners.h"
#include "pl-store-private.h"

static const char * const method_names[] = {
  "latest", "highest", "mean", "mode", "decaying-average", "weighted-average",
  "n-mastery", "power-law", NULL
};

const char * const *
pl_gradebook_method_names (void)
{
  return method_names;
}

gboolean
pl_gradebook_method_is_known (const char *method)
{
  return method != NULL && g_strv_contains (method_names, method);
}

char *
pl_gradebook_method_describe (const char *method,
                              double      param,
                              double      mastery_level)
{
  if (g_strcmp0 (method, "latest") == 0)
    return g_strdup (_("Latest"));
  if (g_strcmp0 (method, "highest") == 0)
    return g_strdup (_("Highest"));
  if (g_strcmp0 (method, "mean") == 0)
    return g_strdup (_("Mean"));
  if (g_strcmp0 (method, "mode") == 0)
    return g_strdup (_("Mode"));
  if (g_strcmp0 (method, "power-law") == 0)
    return g_strdup (_("Power law"));
  if (g_strcmp0 (method, "decaying-average") == 0)
    /* Translators: the decaying average and the weight of the newest score, in percent. */
    return g_strdup_printf (_("Decaying average (newest %g %%)"), param > 0 ? param : 65);
  if (g_strcmp0 (method, "weighted-average") == 0)
    /* Translators: the weighted average and the weight of the latest score, in percent. */
    return g_strdup_printf (_("Weighted average (latest %g %%)"), param > 0 ? param : 65);
  if (g_strcmp0 (method, "n-mastery") == 0)
    {
      double n = param > 0 ? param : 3;

      /* Translators: n-mastery: how many scores must reach which level. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "N-mastery (%g score at %g or above)",
                                           "N-mastery (%g scores at %g or above)", n == 1 ? 1 : 2),
                              n, mastery_level > 0 ? mastery_level : 3);
    }
  return g_strdup (method != NULL ? method : "");
}

static gboolean
check_method (const char  *method,
              double       param,
              double       mastery_level,
              GError     **error)
{
  if (!isfinite (mastery_level) || mastery_level < 0 || mastery_level > PL_GRADEBOOK_SCALE ||
      (mastery_level > 0 && mastery_level < 0.5))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("mastery level: %g is not a level from 0.5 to %g"), mastery_level, PL_GRADEBOOK_SCALE);
      return FALSE;
    }
  if (!pl_gradebook_method_is_known (method))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("method: “%s” is not a calculation method"), method ? method : "");
      return FALSE;
    }
  if (!isfinite (param) || param < 0 ||
      ((g_str_equal (method, "decaying-average") || g_str_equal (method, "weighted-average")) &&
       param > 100))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("param: %g is out of range for %s"), param, method);
      return FALSE;
    }
  return TRUE;
}

static PlClassroom *
get_classroom (PlStore     *self,
               const char  *classroom_uuid,
               GError     **error)
{
  g_autoptr(PlClassroom) classroom = NULL;

  if (classroom_uuid == NULL)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID, _("classroom_uuid is missing"));
      return NULL;
    }
  classroom = pl_store_get (self, PL_TYPE_CLASSROOM, classroom_uuid, error);
  if (classroom != NULL && pl_record_get_deleted (PL_RECORD (classroom)))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND,
                   _("class %s was deleted"), classroom_uuid);
      return NULL;
    }
  return g_steal_pointer (&classroom);
}

gboolean
pl_store_set_class_method (PlStore     *self,
                           const char  *classroom_uuid,
                           const char  *method,
                           double       param,
                           GError     **error)
{
  return pl_store_set_class_method_full (self, classroom_uuid, method, param, 0, error);
}

gboolean
pl_store_set_class_method_full (PlStore     *self,
                                const char  *classroom_uuid,
                                const char  *method,
                                double       param,
                                double       mastery_level,
                                GError     **error)
{
  g_autoptr(PlClassroom) classroom = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);

  if (method != NULL && !check_method (method, param, mastery_level, error))
    return FALSE;
  classroom = get_classroom (self, classroom_uuid, error);
  if (classroom == NULL)
    return FALSE;
  pl_record_set_string (PL_RECORD (classroom), "mastery_method", method);
  pl_record_set_double (PL_RECORD (classroom), "mastery_param", method != NULL ? param : 0);
  pl_record_set_double (PL_RECORD (classroom), "mastery_level", method != NULL ? mastery_level : 0);
  return pl_store_save (self, PL_RECORD (classroom), error);
}

static char *
cell_uuid (const char *scope,
           const char *a,
           const char *b,
           const char *c)
{
  g_autofree char *key = g_strjoin ("/", a, b, c, NULL);

  return pl_store_derive_uuid (scope, key);
}

gboolean
pl_store_set_standard_method (PlStore     *self,
                              const char  *classroom_uuid,
                              const char  *standard_uuid,
                              const char  *method,
                              double       param,
                              GError     **error)
{
  return pl_store_set_standard_method_full (self, classroom_uuid, standard_uuid, method, param, 0, error);
}

gboolean
pl_store_set_standard_method_full (PlStore     *self,
                                   const char  *classroom_uuid,
                                   const char  *standard_uuid,
                                   const char  *method,
                                   double       param,
                                   double       mastery_level,
                                   GError     **error)
{
  g_autoptr(PlClassroom) classroom = NULL;
  g_autoptr(PlStandard) standard = NULL;
  g_autoptr(PlStandardMethod) row = NULL;
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);

  if (method != NULL && !check_method (method, param, mastery_level, error))
    return FALSE;
  classroom = get_classroom (self, classroom_uuid, error);
  if (classroom == NULL)
    return FALSE;
  if (standard_uuid == NULL ||
      (standard = pl_store_get (self, PL_TYPE_STANDARD, standard_uuid, NULL)) == NULL)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("standard_uuid %s names no standard"), standard_uuid ? standard_uuid : "(none)");
      return FALSE;
    }

  uuid = cell_uuid ("standard-method", classroom_uuid, standard_uuid, NULL);
  row = pl_store_get (self, PL_TYPE_STANDARD_METHOD, uuid, NULL);
  if (method == NULL)
    {
      if (row == NULL || pl_record_get_deleted (PL_RECORD (row)))
        return TRUE;
      return pl_store_delete (self, PL_RECORD (row), error);
    }
  if (row == NULL)
    {
      row = g_object_new (PL_TYPE_STANDARD_METHOD, "uuid", uuid, NULL);
      pl_record_set_string (PL_RECORD (row), "classroom_uuid", classroom_uuid);
      pl_record_set_string (PL_RECORD (row), "standard_uuid", standard_uuid);
    }
  _pl_record_set_deleted (PL_RECORD (row), FALSE);
  pl_record_set_string (PL_RECORD (row), "method", method);
  pl_record_set_double (PL_RECORD (row), "param", param);
  pl_record_set_double (PL_RECORD (row), "mastery_level", mastery_level);
  return pl_store_save (self, PL_RECORD (row), error);
}

/* The override in force on one cell: the newest row that no other row
 * supersedes (removed or not), or NULL. */
static PlGradeOverride *
live_override (PlStore     *self,
               const char  *classroom_uuid,
               const char  *learner_uuid,
               const char  *standard_uuid)
{
  const char *params[] = { classroom_uuid, learner_uuid, standard_uuid, NULL };
  g_autoptr(GListModel) rows = NULL;

  rows = _pl_store_query (self, PL_TYPE_GRADE_OVERRIDE,
                          "WHERE t.deleted = 0 AND t.classroom_uuid = ?1 AND t.learner_uuid = ?2"
                          "  AND t.standard_uuid = ?3"
                          "  AND NOT EXISTS (SELECT 1 FROM grade_override f"
                          "                  WHERE f.supersedes_uuid = t.uuid AND f.deleted = 0)"
                          " ORDER BY t.updated_hlc DESC, t.uuid LIMIT 1",
                          params, NULL);
  if (rows == NULL || g_list_model_get_n_items (rows) == 0)
    return NULL;
  return g_list_model_get_item (rows, 0);
}

static char *
now_stamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* A new row for the cell that supersedes PREVIOUS (may be NULL). */
static PlGradeOverride *
new_override (const char      *classroom_uuid,
              const char      *learner_uuid,
              const char      *standard_uuid,
              PlGradeOverride *previous)
{
  PlGradeOverride *row = g_object_new (PL_TYPE_GRADE_OVERRIDE, NULL);
  g_autofree char *stamp = now_stamp ();

  pl_record_set_string (PL_RECORD (row), "classroom_uuid", classroom_uuid);
  pl_record_set_string (PL_RECORD (row), "learner_uuid", learner_uuid);
  pl_record_set_string (PL_RECORD (row), "standard_uuid", standard_uuid);
  pl_record_set_string (PL_RECORD (row), "set_at", stamp);
  if (previous != NULL)
    pl_record_set_string (PL_RECORD (row), "supersedes_uuid", pl_record_get_uuid (PL_RECORD (previous)));
  return row;
}

PlGradeOverride *
pl_store_set_grade_override (PlStore     *self,
                             const char  *classroom_uuid,
                             const char  *learner_uuid,
                             const char  *standard_uuid,
                             double       value,
                             const char  *reason,
                             GError     **error)
{
  g_autoptr(PlGradeOverride) row = NULL;
  g_autoptr(PlGradeOverride) previous = NULL;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), NULL);

  if (learner_uuid == NULL || standard_uuid == NULL || classroom_uuid == NULL)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("override: a class, a learner and a standard are needed"));
      return NULL;
    }
  trimmed = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (*trimmed == '\0')
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("override: reason is empty; say why the cell is overridden"));
      return NULL;
    }
  if (!isfinite (value) || value < 0 || value > PL_GRADEBOOK_SCALE)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("override: value %g is outside 0–%g"), value, PL_GRADEBOOK_SCALE);
      return NULL;
    }

  /* A new override supersedes the one before, which keeps its reason:
   * the cell's history stays readable. */
  previous = live_override (self, classroom_uuid, learner_uuid, standard_uuid);
  row = new_override (classroom_uuid, learner_uuid, standard_uuid, previous);
  pl_record_set_double (PL_RECORD (row), "value", value);
  pl_record_set_string (PL_RECORD (row), "reason", trimmed);
  if (!pl_store_save (self, PL_RECORD (row), error))
    return NULL;
  return g_steal_pointer (&row);
}

gboolean
pl_store_clear_grade_override (PlStore     *self,
                               const char  *classroom_uuid,
                               const char  *learner_uuid,
                               const char  *standard_uuid,
                               GError     **error)
{
  g_autoptr(PlGradeOverride) previous = NULL;
  g_autoptr(PlGradeOverride) row = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  g_return_val_if_fail (classroom_uuid && learner_uuid && standard_uuid, FALSE);

  previous = live_override (self, classroom_uuid, learner_uuid, standard_uuid);
  if (previous == NULL || pl_record_get_boolean (PL_RECORD (previous), "removed"))
    return TRUE;
  /* Taking the override away is recorded too, after the reasons it ends. */
  row = new_override (classroom_uuid, learner_uuid, standard_uuid, previous);
  pl_record_set_boolean (PL_RECORD (row), "removed", TRUE);
  pl_record_set_double (PL_RECORD (row), "value", pl_record_get_double (PL_RECORD (previous), "value"));
  return pl_store_save (self, PL_RECORD (row), error);
}

GListModel *
pl_store_list_cell_overrides (PlStore     *self,
                              const char  *classroom_uuid,
                              const char  *learner_uuid,
                              const char  *standard_uuid,
                              GError     **error)
{
  const char *params[] = { classroom_uuid, learner_uuid, standard_uuid, NULL };

  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  g_return_val_if_fail (classroom_uuid && learner_uuid && standard_uuid, NULL);

  return _pl_store_query (self, PL_TYPE_GRADE_OVERRIDE,
                          "WHERE t.deleted = 0 AND t.classroom_uuid = ?1 AND t.learner_uuid = ?2"
                          "  AND t.standard_uuid = ?3"
                          " ORDER BY coalesce (t.set_at, ''), t.updated_hlc, t.uuid",
                          params, error);
}

GListModel *
pl_store_list_cell_evidence (PlStore     *self,
                             const char  *learner_uuid,
                             const char  *standard_uuid,
                             GError     **error)
{
  const char *params[] = { learner_uuid, standard_uuid, NULL };

  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  g_return_val_if_fail (learner_uuid != NULL && standard_uuid != NULL, NULL);

  return _pl_store_query (self, PL_TYPE_EVIDENCE,
                          "LEFT JOIN criterion c ON t.standard_uuid IS NULL AND c.uuid = t.criterion_uuid"
                          " WHERE t.learner_uuid = ?1 AND t.deleted = 0"
                          "   AND coalesce (t.standard_uuid, c.standard_uuid) = ?2"
                          "   AND NOT EXISTS (SELECT 1 FROM evidence f"
                          "                   WHERE f.supersedes_uuid = t.uuid AND f.deleted = 0)"
                          " ORDER BY substr (t.assessed_at, 1, 10), t.updated_hlc, t.uuid",
                          params, error);
}

GListModel *
pl_store_list_cell_evidence_history (PlStore     *self,
                                     const char  *learner_uuid,
                                     const char  *standard_uuid,
                                     GError     **error)
{
  const char *params[] = { learner_uuid, standard_uuid, NULL };

  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  g_return_val_if_fail (learner_uuid != NULL && standard_uuid != NULL, NULL);

  return _pl_store_query (self, PL_TYPE_EVIDENCE,
                          "LEFT JOIN criterion c ON t.standard_uuid IS NULL AND c.uuid = t.criterion_uuid"
                          " WHERE t.learner_uuid = ?1 AND t.deleted = 0"
                          "   AND coalesce (t.standard_uuid, c.standard_uuid) = ?2"
                          " ORDER BY substr (t.assessed_at, 1, 10), t.updated_hlc, t.uuid",
                          params, error);
}

/* ---- the gradebook ---------------------------------------------- */

void
pl_gradebook_free (PlGradebook *gb)
{
  if (gb == NULL)
    return;
  g_free (gb->classroom_uuid);
  g_free (gb->classroom_name);
  g_free (gb->classroom_source_id);
  g_free (gb->class_method);
  g_free (gb->period_starts_on);
  g_free (gb->period_ends_on);
  g_free (gb->latest_due_on);
  if (gb->learner_names != NULL)
    for (guint i = 0; i < gb->n_learners; i++)
      {
        g_free (gb->learner_names[i]);
        g_free (gb->learner_source_ids[i]);
      }
  g_free (gb->learner_names);
  g_free (gb->learner_source_ids);
  if (gb->standard_codes != NULL)
    for (guint i = 0; i < gb->n_standards; i++)
      {
        g_free (gb->standard_codes[i]);
        g_free (gb->standard_statements[i]);
        g_free (gb->standard_methods[i]);
      }
  g_free (gb->standard_codes);
  g_free (gb->standard_statements);
  g_free (gb->standard_methods);
  g_free (gb->standard_params);
  g_free (gb->standard_mastery_levels);
  g_free (gb->standard_method_overridden);
  g_free (gb->cells);
  g_free (gb->normalized_scores);
  g_free (gb->cell_series);
  g_clear_pointer (&gb->strings, g_ptr_array_unref);
  /* The learner and standard uuid arrays belong to the evidence table. */
  g_clear_pointer (&gb->evidence, pl_evidence_table_free);
  g_free (gb);
}

static char *
display_name (PlRecord *learner)
{
  const char *preferred = pl_record_get_string (learner, "preferred_name");
  const char *given = pl_record_get_string (learner, "given_name");
  const char *family = pl_record_get_string (learner, "family_name");

  if (preferred != NULL && *preferred != '\0')
    given = preferred;
  return g_strstrip (g_strdup_printf ("%s %s", given ? given : "", family ? family : ""));
}

/* The class's calendar, as its units and milestones give it: what an
 * export to the school's system dates its grading period and line items by. */
static gboolean
load_class_dates (PlStore      *self,
                  PlGradebook  *gb,
                  GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _pl_store_prepare (self,
                            "SELECT min (substr (u.starts_on, 1, 10)), max (substr (u.ends_on, 1, 10)),"
                            "  (SELECT max (substr (m.due_on, 1, 10)) FROM milestone m JOIN unit u2"
                            "     ON u2.uuid = m.unit_uuid AND u2.deleted = 0 AND u2.classroom_uuid = ?1"
                            "   WHERE m.deleted = 0)"
                            " FROM unit u WHERE u.classroom_uuid = ?1 AND u.deleted = 0",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, gb->classroom_uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      gb->period_starts_on = pl_evidence_normalize_date ((const char *) sqlite3_column_text (stmt, 0));
      gb->period_ends_on = pl_evidence_normalize_date ((const char *) sqlite3_column_text (stmt, 1));
      gb->latest_due_on = pl_evidence_normalize_date ((const char *) sqlite3_column_text (stmt, 2));
    }
  else if (rc != SQLITE_DONE)
    {
      _pl_store_set_error (self, error, _("cannot read the class’s units"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

PlGradebook *
pl_store_load_gradebook (PlStore                *self,
                         const char             *classroom_uuid,
                         const char             *default_method,
                         double                  default_param,
                         PlGradebookRollupFunc   rollup,
                         gpointer                user_data,
                         GError                **error)
{
  g_autoptr(PlGradebook) gb = NULL;
  g_autoptr(PlClassroom) classroom = NULL;
  g_autoptr(GListModel) learners = NULL;
  g_autoptr(GListModel) methods = NULL;
  g_autoptr(GListModel) overrides = NULL;
  g_autoptr(GHashTable) learner_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) standard_index = g_hash_table_new (g_str_hash, g_str_equal);
  const char *class_method;
  PlEvidenceTable *ev;
  const char *params[] = { classroom_uuid, NULL };

  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  g_return_val_if_fail (rollup != NULL, NULL);

  if (!pl_gradebook_method_is_known (default_method))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("method: “%s” is not a calculation method"), default_method ? default_method : "");
      return NULL;
    }
  classroom = get_classroom (self, classroom_uuid, error);
  if (classroom == NULL)
    return NULL;

  gb = g_new0 (PlGradebook, 1);
  gb->strings = g_ptr_array_new_with_free_func (g_free);
  gb->classroom_uuid = g_strdup (classroom_uuid);
  gb->classroom_name = g_strdup (pl_record_get_string (PL_RECORD (classroom), "name"));
  gb->classroom_source_id = g_strdup (pl_record_get_string (PL_RECORD (classroom), "source_id"));
  class_method = pl_record_get_string (PL_RECORD (classroom), "mastery_method");
  gb->class_method_is_default = !pl_gradebook_method_is_known (class_method);
  gb->class_method = g_strdup (gb->class_method_is_default ? default_method : class_method);
  gb->class_param = gb->class_method_is_default ? default_param
                                                : pl_record_get_double (PL_RECORD (classroom), "mastery_param");
  gb->class_mastery_level = gb->class_method_is_default ? 0
                                                        : pl_record_get_double (PL_RECORD (classroom), "mastery_level");

  if (!load_class_dates (self, gb, error))
    return NULL;
  gb->evidence = pl_store_load_class_evidence (self, classroom_uuid, error);
  if (gb->evidence == NULL)
    return NULL;
  ev = gb->evidence;

  gb->n_learners = ev->n_learners;
  gb->learner_uuids = ev->learner_uuids;
  gb->learner_names = g_new0 (char *, ev->n_learners + 1);
  gb->learner_source_ids = g_new0 (char *, ev->n_learners + 1);
  for (guint i = 0; i < ev->n_learners; i++)
    g_hash_table_insert (learner_index, ev->learner_uuids[i], GUINT_TO_POINTER (i));
  learners = pl_store_list_class_learners (self, classroom_uuid, error);
  if (learners == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (learners); i++)
    {
      g_autoptr(PlRecord) learner = g_list_model_get_item (learners, i);
      gpointer value;

      if (!g_hash_table_lookup_extended (learner_index, pl_record_get_uuid (learner), NULL, &value))
        continue;
      gb->learner_names[GPOINTER_TO_UINT (value)] = display_name (learner);
      gb->learner_source_ids[GPOINTER_TO_UINT (value)] = g_strdup (pl_record_get_string (learner, "source_id"));
    }
  for (guint i = 0; i < ev->n_learners; i++)
    if (gb->learner_names[i] == NULL)
      gb->learner_names[i] = g_strdup ("");

  gb->n_standards = ev->n_standards;
  gb->standard_uuids = ev->standard_uuids;
  gb->standard_codes = g_new0 (char *, ev->n_standards + 1);
  gb->standard_statements = g_new0 (char *, ev->n_standards + 1);
  gb->standard_methods = g_new0 (char *, ev->n_standards + 1);
  gb->standard_params = g_new0 (double, MAX (ev->n_standards, 1));
  gb->standard_mastery_levels = g_new0 (double, MAX (ev->n_standards, 1));
  gb->standard_method_overridden = g_new0 (gboolean, MAX (ev->n_standards, 1));
  for (guint j = 0; j < ev->n_standards; j++)
    {
      g_autoptr(PlRecord) standard = pl_store_get (self, PL_TYPE_STANDARD, ev->standard_uuids[j], NULL);

      g_hash_table_insert (standard_index, ev->standard_uuids[j], GUINT_TO_POINTER (j));
      gb->standard_codes[j] = g_strdup (standard ? pl_record_get_string (standard, "code") : "");
      gb->standard_statements[j] = g_strdup (standard ? pl_record_get_string (standard, "statement") : "");
      gb->standard_methods[j] = g_strdup (gb->class_method);
      gb->standard_params[j] = gb->class_param;
      gb->standard_mastery_levels[j] = gb->class_mastery_level;
    }

  methods = _pl_store_query (self, PL_TYPE_STANDARD_METHOD,
                             "WHERE t.deleted = 0 AND t.classroom_uuid = ?1", params, error);
  if (methods == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (methods); i++)
    {
      g_autoptr(PlRecord) row = g_list_model_get_item (methods, i);
      const char *method = pl_record_get_string (row, "method");
      gpointer value;
      guint j;

      if (!pl_gradebook_method_is_known (method) ||
          !g_hash_table_lookup_extended (standard_index, pl_record_get_string (row, "standard_uuid"),
                                         NULL, &value))
        continue;
      j = GPOINTER_TO_UINT (value);
      g_free (gb->standard_methods[j]);
      gb->standard_methods[j] = g_strdup (method);
      gb->standard_params[j] = pl_record_get_double (row, "param");
      gb->standard_mastery_levels[j] = pl_record_get_double (row, "mastery_level");
      gb->standard_method_overridden[j] = TRUE;
    }

  /* Scores on the gradebook's scale, so that a rubric worth 6 points and
   * a quiz scored 0–4 roll up together. */
  gb->normalized_scores = g_new (double, MAX (ev->n_scores, 1));
  for (guint k = 0; k < ev->n_scores; k++)
    {
      double top = ev->scale_max[k] > 0 ? ev->scale_max[k] : PL_GRADEBOOK_SCALE;

      gb->normalized_scores[k] = ev->scores[k] * PL_GRADEBOOK_SCALE / top;
    }

  gb->cells = g_new0 (PlGradebookCell, MAX ((gsize) gb->n_learners * gb->n_standards, 1));
  gb->cell_series = g_new (int, MAX ((gsize) gb->n_learners * gb->n_standards, 1));
  for (gsize c = 0; c < (gsize) gb->n_learners * gb->n_standards; c++)
    gb->cell_series[c] = -1;
  for (guint s = 0; s < ev->n_series; s++)
    {
      gsize c = (gsize) ev->series_learner[s] * gb->n_standards + ev->series_standard[s];
      PlGradebookCell *cell = &gb->cells[c];
      guint j = ev->series_standard[s];
      guint n = ev->offsets[s + 1] - ev->offsets[s];
      double value = 0;

      gb->cell_series[c] = (int) s;
      cell->n_evidence = n;
      if (rollup (gb->standard_methods[j], gb->standard_params[j], gb->standard_mastery_levels[j],
                  gb->normalized_scores + ev->offsets[s], n, &value, user_data))
        {
          cell->flags |= PL_GRADEBOOK_CELL_HAS_VALUE;
          cell->computed = cell->value = value;
        }
    }

  /* The overrides in force: rows no other row supersedes, oldest first,
   * so that of two made at once on two devices the later wins; a removal
   * gives the cell back to its evidence. */
  overrides = _pl_store_query (self, PL_TYPE_GRADE_OVERRIDE,
                               "WHERE t.deleted = 0 AND t.classroom_uuid = ?1"
                               "  AND NOT EXISTS (SELECT 1 FROM grade_override f"
                               "                  WHERE f.supersedes_uuid = t.uuid AND f.deleted = 0)"
                               " ORDER BY t.updated_hlc, t.uuid",
                               params, error);
  if (overrides == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (overrides); i++)
    {
      g_autoptr(PlRecord) row = g_list_model_get_item (overrides, i);
      gpointer li, sj;
      PlGradebookCell *cell;
      char *reason, *day;

      if (!g_hash_table_lookup_extended (learner_index, pl_record_get_string (row, "learner_uuid"), NULL, &li) ||
          !g_hash_table_lookup_extended (standard_index, pl_record_get_string (row, "standard_uuid"), NULL, &sj))
        continue;
      cell = &gb->cells[(gsize) GPOINTER_TO_UINT (li) * gb->n_standards + GPOINTER_TO_UINT (sj)];
      if (pl_record_get_boolean (row, "removed"))
        {
          cell->flags &= ~PL_GRADEBOOK_CELL_OVERRIDDEN;
          cell->value = cell->computed;
          cell->override_reason = NULL;
          cell->override_set_on = NULL;
          continue;
        }
      reason = g_strdup (pl_record_get_string (row, "reason"));
      g_ptr_array_add (gb->strings, reason);
      day = pl_evidence_normalize_date (pl_record_get_string (row, "set_at"));
      if (day != NULL)
        g_ptr_array_add (gb->strings, day);
      cell->flags |= PL_GRADEBOOK_CELL_OVERRIDDEN;
      cell->value = pl_record_get_double (row, "value");
      cell->override_reason = reason;
      cell->override_set_on = day;
    }

  return g_steal_pointer (&gb);
}

const PlGradebookCell *
pl_gradebook_get_cell (const PlGradebook *gb,
                       guint              learner,
                       guint              standard)
{
  g_return_val_if_fail (gb != NULL, NULL);
  g_return_val_if_fail (learner < gb->n_learners && standard < gb->n_standards, NULL);

  return &gb->cells[(gsize) learner * gb->n_standards + standard];
}

void
pl_gradebook_get_scores (const PlGradebook  *gb,
                         guint               learner,
                         guint               standard,
                         const double      **out_scores,
                         const gint64      **out_dates,
                         gsize              *out_n)
{
  int s;

  g_return_if_fail (gb != NULL && out_n != NULL);
  g_return_if_fail (learner < gb->n_learners && standard < gb->n_standards);

  s = gb->cell_series[(gsize) learner * gb->n_standards + standard];
  if (s < 0)
    {
      *out_n = 0;
      if (out_scores != NULL)
        *out_scores = NULL;
      if (out_dates != NULL)
        *out_dates = NULL;
      return;
    }
  *out_n = gb->evidence->offsets[s + 1] - gb->evidence->offsets[s];
  if (out_scores != NULL)
    *out_scores = gb->normalized_scores + gb->evidence->offsets[s];
  if (out_dates != NULL)
    *out_dates = gb->evidence->assessed_at + gb->evidence->offsets[s];
}

const char *
pl_gradebook_level_name (double value)
{
  /* Half-way between two levels rounds up, as a teacher reads 2.5 as
   * "on the way to Proficient, and there". */
  if (value >= 3.5)
    return _("Exceeding");
  if (value >= 2.5)
    return _("Proficient");
  if (value >= 1.5)
    return _("Developing");
  if (value > 0)
    return _("Beginning");
  return _("No evidence of learning yet");
}

static const struct
{
  const char *grade;
  guint       min_percent;
} grade_bands[] = {
  { "A", 90 }, { "B", 75 }, { "C", 60 }, { "D", 40 }, { "F", 0 },
};

const char *
pl_gradebook_course_grade_rule (void)
{
  return _("Course grade (optional, off by default): the share of the learner’s standards that have a "
           "value and are at Proficient (2.5 or more) or above. 90 % or more is A, 75 % B, 60 % C, "
           "40 % D, below that F. Standards without evidence do not count either way.");
}

char *
pl_gradebook_course_grade (const PlGradebook  *gb,
                           guint               learner,
                           char              **out_explanation)
{
  guint with_value = 0, proficient = 0, percent;

  g_return_val_if_fail (gb != NULL && learner < gb->n_learners, NULL);

  if (out_explanation != NULL)
    *out_explanation = NULL;
  for (guint j = 0; j < gb->n_standards; j++)
    {
      const PlGradebookCell *cell = pl_gradebook_get_cell (gb, learner, j);

      if (!(cell->flags & (PL_GRADEBOOK_CELL_HAS_VALUE | PL_GRADEBOOK_CELL_OVERRIDDEN)))
        continue;
      with_value++;
      if (cell->value >= 2.5)
        proficient++;
    }
  if (with_value == 0)
    return NULL;
  percent = (proficient * 100) / with_value;
  for (guint b = 0; b < G_N_ELEMENTS (grade_bands); b++)
    if (percent >= grade_bands[b].min_percent)
      {
        if (out_explanation != NULL)
          *out_explanation =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u of %u standard with evidence is at Proficient or above "
                                          "(%u %%): %s needs %u %% or more.",
                                          "%u of %u standards with evidence are at Proficient or above "
                                          "(%u %%): %s needs %u %% or more.", with_value),
                             proficient, with_value, percent, grade_bands[b].grade,
                             grade_bands[b].min_percent);
        return g_strdup (grade_bands[b].grade);
      }
  g_assert_not_reached ();
}
