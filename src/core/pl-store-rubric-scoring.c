/* pl-store-rubric-scoring.c — scoring a learner's work on a rubric, the
 * evidence it gave, the level a score falls in and the comment bank
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>

#include "pl-learner.h"
#include "pl-store-evidence.h"
#include "pl-store-private.h"
#include "pl-store-rubrics.h"
#include "pl-store-rubrics-private.h"

static PlRecord *
find_in (GListModel *model,
         const char *uuid)
{
  for (guint i = 0; uuid != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PlRecord) record = g_list_model_get_item (model, i);

      if (g_strcmp0 (pl_record_get_uuid (record), uuid) == 0)
        return record;   /* the model keeps its reference */
    }
  return NULL;
}

/* The live evidence row of LEARNER on CRITERION for the work SOURCE_UUID. */
static char *
live_evidence_uuid (PlStore    *self,
                    const char *learner_uuid,
                    const char *criterion_uuid,
                    const char *source_uuid)
{
  const char *params[] = { learner_uuid, criterion_uuid, source_uuid, NULL };
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(PlRecord) row = NULL;

  rows = _pl_store_query (self, PL_TYPE_EVIDENCE,
                          "WHERE t.deleted = 0 AND t.learner_uuid = ?1 AND t.criterion_uuid = ?2"
                          "  AND t.source_uuid IS ?3"
                          "  AND NOT EXISTS (SELECT 1 FROM evidence f"
                          "                  WHERE f.supersedes_uuid = t.uuid AND f.deleted = 0)"
                          " ORDER BY t.updated_hlc DESC LIMIT 1",
                          params, NULL);
  if (rows == NULL || g_list_model_get_n_items (rows) == 0)
    return NULL;
  row = g_list_model_get_item (rows, 0);
  return g_strdup (pl_record_get_uuid (row));
}

gboolean
pl_store_score_rubric (PlStore              *self,
                       const char           *rubric_uuid,
                       const char           *learner_uuid,
                       const char           *source,
                       const char           *source_uuid,
                       const char           *assessed_at,
                       const PlRubricScore  *scores,
                       gsize                 n_scores,
                       GError              **error)
{
  g_autoptr(PlRubric) rubric = NULL;
  g_autoptr(PlLearner) learner = NULL;
  g_autoptr(GListModel) criteria = NULL;
  g_autoptr(GListModel) levels = NULL;
  g_autofree PlEvidenceRow *rows = NULL;
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *day = NULL;
  double scale_max = 0;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  g_return_val_if_fail (scores != NULL || n_scores == 0, FALSE);

  rubric = _pl_store_get_rubric (self, rubric_uuid, error);
  if (rubric == NULL)
    return FALSE;
  if (learner_uuid == NULL ||
      (learner = pl_store_get (self, PL_TYPE_LEARNER, learner_uuid, NULL)) == NULL)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("score: learner_uuid %s names no learner"), learner_uuid ? learner_uuid : "(none)");
      return FALSE;
    }
  if (g_strcmp0 (source, "pick") != 0 && g_strcmp0 (source, "milestone") != 0)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("score: source must be “pick” or “milestone”, not “%s”"), source ? source : "");
      return FALSE;
    }
  if (source_uuid == NULL)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID, _("score: source_uuid is missing"));
      return FALSE;
    }
  if (assessed_at == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      day = g_date_time_format (now, "%Y-%m-%d");
    }
  else if ((day = pl_evidence_normalize_date (assessed_at)) == NULL)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("score: assessed_at “%s” is not a date (YYYY-MM-DD)"), assessed_at);
      return FALSE;
    }

  criteria = pl_store_list_criteria (self, rubric_uuid, error);
  levels = criteria != NULL ? pl_store_list_levels (self, rubric_uuid, error) : NULL;
  if (levels == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(PlRubricLevel) level = g_list_model_get_item (levels, i);
      double lo, hi;

      scale_max = MAX (scale_max, pl_record_get_double (PL_RECORD (level), "points"));
      if (pl_rubric_level_get_range (level, &lo, &hi))
        scale_max = MAX (scale_max, hi);
    }
  if (scale_max <= 0)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("score: the rubric has no level worth more than 0 points"));
      return FALSE;
    }

  rows = g_new0 (PlEvidenceRow, MAX (n_scores, 1));
  for (gsize i = 0; i < n_scores; i++)
    {
      const PlRubricScore *s = &scores[i];
      PlRecord *criterion = find_in (criteria, s->criterion_uuid);
      PlRecord *level = find_in (levels, s->level_uuid);
      double points, lo, hi;
      char *previous;

      if (criterion == NULL)
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                       _("score %zu: criterion_uuid %s is not a criterion of the rubric"),
                       i + 1, s->criterion_uuid ? s->criterion_uuid : "(none)");
          return FALSE;
        }
      if (level == NULL)
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                       _("score %zu: level_uuid %s is not a level of the rubric"),
                       i + 1, s->level_uuid ? s->level_uuid : "(none)");
          return FALSE;
        }
      for (gsize j = 0; j < i; j++)
        if (g_strcmp0 (scores[j].criterion_uuid, s->criterion_uuid) == 0)
          {
            g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                         _("score %zu: criterion_uuid %s is scored twice"),
                         i + 1, s->criterion_uuid);
            return FALSE;
          }
      points = pl_record_get_double (level, "points");
      if (!isnan (s->points))
        {
          if (!pl_rubric_level_get_range (PL_RUBRIC_LEVEL (level), &lo, &hi))
            lo = hi = points;
          if (!isfinite (s->points) || s->points < lo || s->points > hi)
            {
              g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("score %zu: points %g lie outside the level’s range %g–%g"),
                           i + 1, s->points, lo, hi);
              return FALSE;
            }
          points = s->points;
        }

      previous = live_evidence_uuid (self, learner_uuid, s->criterion_uuid, source_uuid);
      if (previous != NULL)
        g_ptr_array_add (owned, previous);
      rows[i] = (PlEvidenceRow) {
        .learner_uuid = learner_uuid,
        .criterion_uuid = s->criterion_uuid,
        .standard_uuid = pl_record_get_string (criterion, "standard_uuid"),
        .score = points,
        .scale_max = scale_max,
        .assessed_at = day,
        .source = source,
        .source_uuid = source_uuid,
        .comment = (s->comment != NULL && *s->comment != '\0') ? s->comment : NULL,
        .supersedes_uuid = previous,
      };
    }
  return pl_store_add_evidence (self, rows, n_scores, error);
}

GListModel *
pl_store_list_rubric_evidence (PlStore     *self,
                               const char  *rubric_uuid,
                               const char  *learner_uuid,
                               const char  *source_uuid,
                               GError     **error)
{
  const char *params[] = { rubric_uuid, learner_uuid, source_uuid, NULL };

  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  g_return_val_if_fail (rubric_uuid != NULL && learner_uuid != NULL, NULL);

  return _pl_store_query (self, PL_TYPE_EVIDENCE,
                          "JOIN criterion c ON c.uuid = t.criterion_uuid AND c.rubric_uuid = ?1"
                          " WHERE t.deleted = 0 AND t.learner_uuid = ?2"
                          "   AND (?3 IS NULL OR t.source_uuid = ?3)"
                          "   AND NOT EXISTS (SELECT 1 FROM evidence f"
                          "                   WHERE f.supersedes_uuid = t.uuid AND f.deleted = 0)"
                          " ORDER BY c.position, substr (t.assessed_at, 1, 10), t.updated_hlc, t.uuid",
                          params, error);
}

PlRubricLevel *
pl_store_level_for_points (PlStore    *self,
                           const char *rubric_uuid,
                           double      points)
{
  g_autoptr(GListModel) levels = NULL;
  PlRubricLevel *exact = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), NULL);

  levels = pl_store_list_levels (self, rubric_uuid, NULL);
  if (levels == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(PlRubricLevel) level = g_list_model_get_item (levels, i);
      double lo, hi;

      if (pl_rubric_level_get_range (level, &lo, &hi) && points >= lo && points <= hi)
        {
          g_clear_object (&exact);
          return g_steal_pointer (&level);
        }
      if (exact == NULL && pl_record_get_double (PL_RECORD (level), "points") == points)
        exact = g_steal_pointer (&level);
    }
  return exact;
}

GStrv
pl_store_comment_bank (PlStore     *self,
                       const char  *rubric_uuid,
                       guint        limit,
                       GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PL_IS_STORE (self), NULL);

  /* Grouping on the trimmed comment merges "Good claim" and
   * "Good claim "; the newest spelling is the one offered. */
  stmt = _pl_store_prepare (self,
                            "SELECT trim (e.comment) AS c, count (*) AS n, max (e.assessed_at) AS last"
                            " FROM evidence e"
                            " WHERE e.deleted = 0 AND e.comment IS NOT NULL AND trim (e.comment) != ''"
                            "   AND (?1 IS NULL OR e.criterion_uuid IN"
                            "        (SELECT c.uuid FROM criterion c WHERE c.rubric_uuid = ?1))"
                            " GROUP BY c ORDER BY n DESC, last DESC, c LIMIT ?2",
                            error);
  if (stmt == NULL)
    return NULL;
  if (rubric_uuid != NULL)
    sqlite3_bind_text (stmt, 1, rubric_uuid, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, limit == 0 ? -1 : (sqlite3_int64) limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      _pl_store_set_error (self, error, _("cannot read the comment bank"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_strv_builder_end (builder);
}
