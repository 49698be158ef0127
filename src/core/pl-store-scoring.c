/* pl-store-scoring.c — what a class's learners hand in to be scored, and
 * where a piece of evidence came from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "pl-choice-option.h"
#include "pl-criterion.h"
#include "pl-milestone.h"
#include "pl-pick.h"
#include "pl-rubric.h"
#include "pl-store-evidence.h"
#include "pl-store-private.h"
#include "pl-store-scoring.h"

void
pl_scoring_work_clear (PlScoringWork *work)
{
  g_clear_pointer (&work->source, g_free);
  g_clear_pointer (&work->uuid, g_free);
  g_clear_pointer (&work->work_key, g_free);
  g_clear_pointer (&work->title, g_free);
  g_clear_pointer (&work->submitted_on, g_free);
  g_clear_pointer (&work->due_on, g_free);
}

static char *
column_date (sqlite3_stmt *stmt,
             int           column)
{
  return pl_evidence_normalize_date ((const char *) sqlite3_column_text (stmt, column));
}

GArray *
pl_store_list_scoring_work (PlStore     *store,
                            const char  *classroom_uuid,
                            const char  *learner_uuid,
                            GError     **error)
{
  g_autoptr(GArray) out = g_array_new (FALSE, TRUE, sizeof (PlScoringWork));
  static const char * const queries[] = {
    "SELECT 'pick', p.uuid, o.uuid, o.title,"
    "  CASE WHEN p.status IN ('submitted', 'assessed') THEN p.status_at END, NULL"
    " FROM pick p"
    " JOIN choice_option o ON o.uuid = p.option_uuid AND o.deleted = 0"
    " JOIN board b ON b.uuid = o.board_uuid AND b.deleted = 0"
    " WHERE p.learner_uuid = ?2 AND p.deleted = 0"
    "   AND (b.classroom_uuid = ?1 OR b.unit_uuid IN"
    "        (SELECT u.uuid FROM unit u WHERE u.classroom_uuid = ?1 AND u.deleted = 0))"
    " ORDER BY b.title, b.uuid, o.section, o.grid_row, o.grid_col, o.title, p.uuid",
    "SELECT 'milestone', m.uuid, m.uuid, m.title,"
    "  (SELECT mp.done_on FROM milestone_progress mp"
    "   WHERE mp.milestone_uuid = m.uuid AND mp.learner_uuid = ?2 AND mp.deleted = 0"
    "     AND mp.status = 'done' ORDER BY mp.updated_hlc DESC LIMIT 1),"
    "  m.due_on"
    " FROM milestone m JOIN unit u ON u.uuid = m.unit_uuid AND u.deleted = 0"
    " WHERE m.deleted = 0 AND u.classroom_uuid = ?1"
    " ORDER BY coalesce (m.due_on, ''), u.uuid, m.position, m.uuid",
  };

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (classroom_uuid != NULL && learner_uuid != NULL, NULL);

  g_array_set_clear_func (out, (GDestroyNotify) pl_scoring_work_clear);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = _pl_store_prepare (store, queries[q], error);
      int rc;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, classroom_uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, learner_uuid, -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          PlScoringWork work = {
            .source = g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
            .uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
            .work_key = g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
            .title = g_strdup ((const char *) sqlite3_column_text (stmt, 3)),
            .submitted_on = column_date (stmt, 4),
            .due_on = column_date (stmt, 5),
          };

          g_array_append_val (out, work);
        }
      if (rc != SQLITE_DONE)
        {
          _pl_store_set_error (store, error, _("cannot read the work to score"));
          sqlite3_reset (stmt);
          return NULL;
        }
      sqlite3_reset (stmt);
    }
  return g_steal_pointer (&out);
}

static const char *
source_name (const char *source)
{
  static const struct { const char *id; const char *label; } names[] = {
    { "manual", N_("Entered by hand") },
    { "quiz", N_("Quiz") },
    { "exit-ticket", N_("Exit ticket") },
    { "pick", N_("Choice board pick") },
    { "milestone", N_("Milestone") },
    { "import", N_("Imported") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (names[i].id, source) == 0)
      return _(names[i].label);
  return NULL;
}

char *
pl_store_describe_evidence_source (PlStore    *store,
                                   PlEvidence *evidence)
{
  const char *source, *source_uuid, *criterion_uuid;
  g_autoptr(PlRecord) criterion = NULL;
  g_autoptr(PlRecord) rubric = NULL;
  g_autofree char *work = NULL;
  g_autofree char *prefix = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (PL_IS_EVIDENCE (evidence), NULL);

  source = pl_record_get_string (PL_RECORD (evidence), "source");
  source_uuid = pl_record_get_string (PL_RECORD (evidence), "source_uuid");
  criterion_uuid = pl_record_get_string (PL_RECORD (evidence), "criterion_uuid");

  if (criterion_uuid != NULL)
    criterion = pl_store_get (store, PL_TYPE_CRITERION, criterion_uuid, NULL);
  if (criterion != NULL)
    rubric = pl_store_get (store, PL_TYPE_RUBRIC, pl_record_get_string (criterion, "rubric_uuid"), NULL);
  if (rubric != NULL)
    /* Translators: a rubric's title and one of its criteria. */
    prefix = g_strdup_printf (_("%s, %s"), pl_record_get_string (rubric, "title"),
                              pl_record_get_string (criterion, "title"));

  if (g_strcmp0 (source, "pick") == 0 && source_uuid != NULL)
    {
      g_autoptr(PlRecord) pick = pl_store_get (store, PL_TYPE_PICK, source_uuid, NULL);
      g_autoptr(PlRecord) option = NULL;

      if (pick != NULL)
        option = pl_store_get (store, PL_TYPE_CHOICE_OPTION, pl_record_get_string (pick, "option_uuid"), NULL);
      if (option != NULL)
        /* Translators: the choice-board option a piece of evidence was scored on. */
        work = g_strdup_printf (_("pick: %s"), pl_record_get_string (option, "title"));
    }
  else if (g_strcmp0 (source, "milestone") == 0 && source_uuid != NULL)
    {
      g_autoptr(PlRecord) milestone = pl_store_get (store, PL_TYPE_MILESTONE, source_uuid, NULL);

      if (milestone != NULL)
        /* Translators: the milestone a piece of evidence was scored on. */
        work = g_strdup_printf (_("milestone: %s"), pl_record_get_string (milestone, "title"));
    }
  if (work == NULL)
    {
      const char *name = source_name (source);

      work = g_strdup (name != NULL ? name : (source != NULL ? source : ""));
    }
  if (prefix != NULL)
    return g_strdup_printf ("%s · %s", prefix, work);
  return g_steal_pointer (&work);
}
