/* pl-store-boards.c — a class's choice board, its picks, and milestones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "pl-board-assignment.h"
#include "pl-choice-option.h"
#include "pl-store-boards.h"
#include "pl-store-private.h"

static const struct
{
  const char *id;
  const char *label;
} statuses[] = {
  { "chosen", N_("Chosen") },
  { "in-progress", N_("In progress") },
  { "submitted", N_("Submitted") },
  { "assessed", N_("Assessed") },
};

const char *
pl_pick_status_next (const char *status)
{
  for (guint i = 0; i + 1 < G_N_ELEMENTS (statuses); i++)
    if (g_strcmp0 (status, statuses[i].id) == 0)
      return statuses[i + 1].id;
  return "assessed";
}

const char *
pl_pick_status_label (const char *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_strcmp0 (status, statuses[i].id) == 0)
      return _(statuses[i].label);
  return status;
}

static char *
now_stamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

PlBoard *
pl_store_class_board (PlStore     *store,
                      const char  *classroom_uuid,
                      GError     **error)
{
  const char *params[] = { classroom_uuid, NULL };
  g_autoptr(GListModel) boards = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (classroom_uuid != NULL, NULL);

  /* A board assigned elsewhere is not this class's even when it sits on
   * one of its units; one assigned to no one yet still shows, so that the
   * teacher can assign it. */
  boards = _pl_store_query (store, PL_TYPE_BOARD,
                            "WHERE t.deleted = 0 AND (t.uuid IN"
                            " (SELECT a.board_uuid FROM board_assignment a WHERE a.deleted = 0 AND a.classroom_uuid = ?1)"
                            " OR ((t.classroom_uuid = ?1 OR t.unit_uuid IN"
                            "   (SELECT uuid FROM unit WHERE classroom_uuid = ?1 AND deleted = 0))"
                            "  AND NOT EXISTS (SELECT 1 FROM board_assignment a WHERE a.board_uuid = t.uuid AND a.deleted = 0)))"
                            " ORDER BY t.updated_hlc DESC LIMIT 1",
                            params, error);
  if (boards == NULL || g_list_model_get_n_items (boards) == 0)
    return NULL;
  return g_list_model_get_item (boards, 0);
}

GListModel *
pl_store_list_board_options (PlStore     *store,
                             const char  *board_uuid,
                             GError     **error)
{
  const char *params[] = { board_uuid, NULL };

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  return _pl_store_query (store, PL_TYPE_CHOICE_OPTION,
                          "WHERE t.deleted = 0 AND t.board_uuid = ?1 ORDER BY t.grid_row, t.grid_col, t.title",
                          params, error);
}

GListModel *
pl_store_list_board_picks (PlStore     *store,
                           const char  *board_uuid,
                           GError     **error)
{
  const char *params[] = { board_uuid, NULL };

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  return _pl_store_query (store, PL_TYPE_PICK,
                          "WHERE t.deleted = 0 AND t.option_uuid IN"
                          " (SELECT uuid FROM choice_option WHERE board_uuid = ?1 AND deleted = 0)"
                          " ORDER BY t.chosen_at",
                          params, error);
}

PlPick *
pl_store_record_pick (PlStore     *store,
                      const char  *learner_uuid,
                      const char  *option_uuid,
                      GError     **error)
{
  const char *params[] = { learner_uuid, option_uuid, NULL };
  g_autoptr(GListModel) existing = NULL;
  g_autoptr(PlPick) pick = NULL;
  g_autofree char *stamp = now_stamp ();

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (learner_uuid != NULL && option_uuid != NULL, NULL);

  existing = _pl_store_query (store, PL_TYPE_PICK,
                              "WHERE t.deleted = 0 AND t.learner_uuid = ?1 AND t.option_uuid = ?2",
                              params, error);
  if (existing == NULL)
    return NULL;
  if (g_list_model_get_n_items (existing) > 0)
    return g_list_model_get_item (existing, 0);

  pick = pl_pick_new ();
  pl_record_set_string (PL_RECORD (pick), "learner-uuid", learner_uuid);
  pl_record_set_string (PL_RECORD (pick), "option-uuid", option_uuid);
  pl_record_set_string (PL_RECORD (pick), "status", "chosen");
  pl_record_set_string (PL_RECORD (pick), "chosen-at", stamp);
  pl_record_set_string (PL_RECORD (pick), "status-at", stamp);
  if (!pl_store_save (store, PL_RECORD (pick), error))
    return NULL;
  return g_steal_pointer (&pick);
}

gboolean
pl_store_advance_pick (PlStore  *store,
                       PlPick   *pick,
                       GError  **error)
{
  const char *now = pl_record_get_string (PL_RECORD (pick), "status");
  const char *next = pl_pick_status_next (now);
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (PL_IS_PICK (pick), FALSE);

  if (g_strcmp0 (now, next) == 0)
    return TRUE;
  stamp = now_stamp ();
  pl_record_set_string (PL_RECORD (pick), "status", next);
  pl_record_set_string (PL_RECORD (pick), "status-at", stamp);
  return pl_store_save (store, PL_RECORD (pick), error);
}

gboolean
pl_store_remove_pick (PlStore  *store,
                      PlPick   *pick,
                      GError  **error)
{
  g_return_val_if_fail (PL_IS_PICK (pick), FALSE);
  return pl_store_delete (store, PL_RECORD (pick), error);
}

void
pl_board_get_rules (PlBoard      *board,
                    PlBoardRules *rules)
{
  PlRecord *b = PL_RECORD (board);
  gboolean menu = g_strcmp0 (pl_record_get_string (b, "layout"), "menu") == 0;

  rules->n_rows = (guint) MAX (pl_record_get_int (b, "n-rows"), 1);
  rules->n_cols = menu ? 1 : (guint) MAX (pl_record_get_int (b, "n-cols"), 1);
  rules->picks_required = (guint) MAX (pl_record_get_int (b, "picks-required"), 0);
  rules->three_in_row = !menu && pl_record_get_boolean (b, "three-in-row");
  rules->max_per_row = (guint) MAX (pl_record_get_int (b, "max-per-row"), 0);
  rules->max_per_col = (guint) MAX (pl_record_get_int (b, "max-per-col"), 0);
}

/* The options as cells, with how many standards each has. */
static PlBoardCell *
board_cells (PlStore     *store,
             PlBoard     *board,
             GListModel **out_options,
             GError     **error)
{
  g_autoptr(GListModel) options = pl_store_list_board_options (store, pl_record_get_uuid (PL_RECORD (board)), error);
  PlBoardCell *cells;
  sqlite3_stmt *stmt;
  guint n;

  if (options == NULL)
    return NULL;
  n = g_list_model_get_n_items (options);
  cells = g_new0 (PlBoardCell, MAX (n, 1));
  stmt = _pl_store_prepare (store, "SELECT count(*) FROM option_standard WHERE option_uuid = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    {
      g_free (cells);
      return NULL;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) o = g_list_model_get_item (options, i);

      cells[i].row = (guint) MAX (pl_record_get_int (o, "grid-row"), 0);
      cells[i].col = (guint) MAX (pl_record_get_int (o, "grid-col"), 0);
      cells[i].required = pl_record_get_boolean (o, "required");
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, pl_record_get_uuid (o), -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        cells[i].n_standards = (guint) sqlite3_column_int (stmt, 0);
    }
  sqlite3_reset (stmt);
  *out_options = g_steal_pointer (&options);
  return cells;
}

PlPickProblems
pl_store_check_learner_picks (PlStore     *store,
                              PlBoard     *board,
                              const char  *learner_uuid,
                              GError     **error)
{
  g_autoptr(GListModel) options = NULL;
  g_autoptr(GListModel) picks = NULL;
  g_autofree PlBoardCell *cells = NULL;
  g_autofree gboolean *picked = NULL;
  PlBoardRules rules;
  guint n;

  g_return_val_if_fail (PL_IS_BOARD (board), PL_PICKS_OK);

  cells = board_cells (store, board, &options, error);
  if (cells == NULL)
    return PL_PICKS_OK;
  picks = pl_store_list_board_picks (store, pl_record_get_uuid (PL_RECORD (board)), error);
  if (picks == NULL)
    return PL_PICKS_OK;
  n = g_list_model_get_n_items (options);
  picked = g_new0 (gboolean, MAX (n, 1));
  for (guint p = 0; p < g_list_model_get_n_items (picks); p++)
    {
      g_autoptr(PlRecord) pick = g_list_model_get_item (picks, p);

      if (g_strcmp0 (pl_record_get_string (pick, "learner-uuid"), learner_uuid) != 0)
        continue;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PlRecord) o = g_list_model_get_item (options, i);

          if (g_strcmp0 (pl_record_get_uuid (o), pl_record_get_string (pick, "option-uuid")) == 0)
            picked[i] = TRUE;
        }
    }
  pl_board_get_rules (board, &rules);
  if (rules.n_cols == 1 && g_strcmp0 (pl_record_get_string (PL_RECORD (board), "layout"), "menu") == 0)
    rules.n_rows = MAX (n, 1);
  return pl_board_check_picks (&rules, cells, n, picked);
}

PlDesignProblems
pl_store_check_board_design (PlStore  *store,
                             PlBoard  *board,
                             GError  **error)
{
  g_autoptr(GListModel) options = NULL;
  g_autofree PlBoardCell *cells = NULL;
  PlBoardRules rules;

  g_return_val_if_fail (PL_IS_BOARD (board), PL_DESIGN_OK);

  cells = board_cells (store, board, &options, error);
  if (cells == NULL)
    return PL_DESIGN_OK;
  pl_board_get_rules (board, &rules);
  /* A menu's rows are its options, whatever an older copy of BOARD says. */
  if (g_strcmp0 (pl_record_get_string (PL_RECORD (board), "layout"), "menu") == 0)
    rules.n_rows = MAX (g_list_model_get_n_items (options), 1);
  return pl_board_check_design (&rules, cells, g_list_model_get_n_items (options));
}

/* ---- assignment ------------------------------------------------------ */

static gboolean
is_enrolled (PlStore     *store,
             const char  *classroom_uuid,
             const char  *learner_uuid,
             gboolean    *out_enrolled,
             GError     **error)
{
  sqlite3_stmt *stmt = _pl_store_prepare (store,
                                          "SELECT 1 FROM enrollment WHERE classroom_uuid = ?1 AND learner_uuid = ?2"
                                          " AND deleted = 0 AND archived = 0 LIMIT 1",
                                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, classroom_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, learner_uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _pl_store_set_error (store, error, _("cannot read enrollments"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  *out_enrolled = rc == SQLITE_ROW;
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
pl_store_assign_board (PlStore            *store,
                       PlBoard            *board,
                       const char         *classroom_uuid,
                       const char * const *learner_uuids,
                       GError            **error)
{
  const char *params[] = { pl_record_get_uuid (PL_RECORD (board)), classroom_uuid, NULL };
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) have = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (PL_IS_BOARD (board), FALSE);
  g_return_val_if_fail (classroom_uuid != NULL, FALSE);

  if (learner_uuids != NULL && learner_uuids[0] == NULL)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("assignment: a pilot group needs at least one learner"));
      return FALSE;
    }
  for (guint i = 0; learner_uuids != NULL && learner_uuids[i] != NULL; i++)
    {
      gboolean enrolled = FALSE;

      if (!is_enrolled (store, classroom_uuid, learner_uuids[i], &enrolled, error))
        return FALSE;
      if (!enrolled)
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                       _("assignment: learner %s is not in this class"), learner_uuids[i]);
          return FALSE;
        }
      g_hash_table_add (wanted, (gpointer) learner_uuids[i]);
    }

  /* Every row there ever was, so that one taken back and given again is
   * the same row brought back rather than a new one. */
  rows = _pl_store_query (store, PL_TYPE_BOARD_ASSIGNMENT,
                          "WHERE t.board_uuid = ?1 AND t.classroom_uuid = ?2 ORDER BY t.deleted, t.updated_hlc DESC",
                          params, error);
  if (rows == NULL)
    return FALSE;
  if (!pl_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PlRecord) row = g_list_model_get_item (rows, i);
      const char *learner = pl_record_get_string (row, "learner-uuid");
      const char *key_of = learner != NULL ? learner : "";
      gboolean keep = learner_uuids == NULL ? learner == NULL : learner != NULL && g_hash_table_contains (wanted, learner);

      if (keep && !g_hash_table_contains (have, key_of))
        {
          if (pl_record_get_deleted (row) && !pl_store_undelete (store, row, error))
            goto fail;
          g_hash_table_insert (have, g_strdup (key_of), g_object_ref (row));
        }
      else if (!pl_record_get_deleted (row) && !pl_store_delete (store, row, error))
        goto fail;
    }
  if (learner_uuids == NULL)
    g_hash_table_add (wanted, (gpointer) "");
  g_hash_table_iter_init (&iter, wanted);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr(PlBoardAssignment) row = NULL;

      if (g_hash_table_contains (have, key))
        continue;
      row = pl_board_assignment_new ();
      pl_record_set_string (PL_RECORD (row), "board-uuid", pl_record_get_uuid (PL_RECORD (board)));
      pl_record_set_string (PL_RECORD (row), "classroom-uuid", classroom_uuid);
      pl_record_set_string (PL_RECORD (row), "learner-uuid", *(const char *) key != '\0' ? key : NULL);
      if (!pl_store_save (store, PL_RECORD (row), error))
        goto fail;
    }
  if (!pl_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  pl_store_rollback (store);
  return FALSE;
}

GStrv
pl_store_board_assignees (PlStore     *store,
                          const char  *board_uuid,
                          const char  *classroom_uuid,
                          gboolean    *out_whole_class,
                          GError     **error)
{
  const char *params[] = { board_uuid, classroom_uuid, NULL };
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GStrvBuilder) learners = g_strv_builder_new ();
  gboolean whole = FALSE;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (board_uuid != NULL && classroom_uuid != NULL, NULL);

  rows = _pl_store_query (store, PL_TYPE_BOARD_ASSIGNMENT,
                          "WHERE t.deleted = 0 AND t.board_uuid = ?1 AND t.classroom_uuid = ?2"
                          " ORDER BY t.learner_uuid",
                          params, error);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PlRecord) row = g_list_model_get_item (rows, i);

      if (pl_record_get_string (row, "learner-uuid") == NULL)
        whole = TRUE;
      else
        g_strv_builder_add (learners, pl_record_get_string (row, "learner-uuid"));
    }
  if (out_whole_class != NULL)
    *out_whole_class = whole;
  if (whole)
    return g_new0 (char *, 1);
  return g_strv_builder_end (learners);
}

void
pl_milestone_status_clear (PlMilestoneStatus *status)
{
  g_clear_pointer (&status->milestone_uuid, g_free);
  g_clear_pointer (&status->title, g_free);
  g_clear_pointer (&status->due_on, g_free);
}

GArray *
pl_store_class_milestones (PlStore     *store,
                           const char  *classroom_uuid,
                           const char  *today,
                           GError     **error)
{
  g_autoptr(GArray) out = g_array_new (FALSE, TRUE, sizeof (PlMilestoneStatus));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = today != NULL ? g_strdup (today) : g_date_time_format (now, "%Y-%m-%d");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (classroom_uuid != NULL, NULL);

  g_array_set_clear_func (out, (GDestroyNotify) pl_milestone_status_clear);
  stmt = _pl_store_prepare (store,
                            "SELECT m.uuid, m.title, m.due_on,"
                            " (SELECT count(*) FROM milestone_progress p JOIN enrollment e ON e.learner_uuid = p.learner_uuid"
                            "   WHERE p.milestone_uuid = m.uuid AND p.deleted = 0 AND p.status = 'done'"
                            "   AND e.classroom_uuid = ?1 AND e.deleted = 0 AND e.archived = 0),"
                            " (SELECT count(*) FROM enrollment e WHERE e.classroom_uuid = ?1 AND e.deleted = 0 AND e.archived = 0)"
                            " FROM milestone m WHERE m.deleted = 0 AND m.unit_uuid IN"
                            " (SELECT uuid FROM unit WHERE classroom_uuid = ?1 AND deleted = 0)"
                            " ORDER BY coalesce(m.due_on, ''), m.position",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, classroom_uuid, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlMilestoneStatus s = { 0 };
      const char *due = (const char *) sqlite3_column_text (stmt, 2);

      s.milestone_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      s.title = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      s.due_on = g_strdup (due);
      s.n_done = (guint) sqlite3_column_int (stmt, 3);
      s.n_learners = (guint) sqlite3_column_int (stmt, 4);
      if (due != NULL && strcmp (due, day) < 0)
        s.n_behind = s.n_learners > s.n_done ? s.n_learners - s.n_done : 0;
      g_array_append_val (out, s);
    }
  if (rc != SQLITE_DONE)
    {
      _pl_store_set_error (store, error, _("cannot read milestones"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&out);
}
