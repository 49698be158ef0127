/* test-store-boards.c — the class's board, recording picks through their
 * statuses, rule checks per learner, and milestone progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/pl-core.h"
#include "core/pl-demo.h"
#include "core/pl-store-boards.h"
#include "core/pl-store-learners.h"

#include <string.h>

#define TODAY "2026-10-19"

static PlStore *
demo_store (char **out_class)
{
  g_autoptr(GError) error = NULL;
  PlStore *store = pl_store_open (NULL, &error);
  g_autoptr(GListModel) classes = NULL;
  g_autoptr(PlRecord) c = NULL;
  PlDemoOptions options;

  pl_demo_options_init (&options);
  options.today = TODAY;
  g_assert_true (pl_demo_generate (store, &options, NULL, &error));
  classes = pl_store_list (store, PL_TYPE_CLASSROOM, NULL);
  c = g_list_model_get_item (classes, 0);
  *out_class = g_strdup (pl_record_get_uuid (c));
  return store;
}

static void
test_board_and_picks (void)
{
  g_autofree char *classroom = NULL;
  g_autoptr(PlStore) store = demo_store (&classroom);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlBoard) board = pl_store_class_board (store, classroom, &error);
  g_autoptr(GListModel) options = NULL;
  g_autoptr(GListModel) picks = NULL;
  g_autoptr(PlRecord) centre = NULL;
  g_autoptr(PlPick) pick = NULL;
  g_autoptr(PlPick) again = NULL;
  const char *learner = "a-new-learner";
  guint before;

  g_assert_no_error (error);
  g_assert_nonnull (board);
  options = pl_store_list_board_options (store, pl_record_get_uuid (PL_RECORD (board)), &error);
  g_assert_cmpuint (g_list_model_get_n_items (options), ==, 9);
  centre = g_list_model_get_item (options, 4);
  g_assert_true (pl_record_get_boolean (centre, "required"));
  g_assert_cmpint (pl_store_check_board_design (store, board, NULL), ==, PL_DESIGN_OK);

  picks = pl_store_list_board_picks (store, pl_record_get_uuid (PL_RECORD (board)), NULL);
  before = g_list_model_get_n_items (picks);
  g_assert_cmpuint (before, >, 24);

  /* Recording is idempotent, and statuses move one way. */
  pick = pl_store_record_pick (store, learner, pl_record_get_uuid (centre), &error);
  g_assert_no_error (error);
  again = pl_store_record_pick (store, learner, pl_record_get_uuid (centre), &error);
  g_assert_cmpstr (pl_record_get_uuid (PL_RECORD (pick)), ==, pl_record_get_uuid (PL_RECORD (again)));
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (pick), "status"), ==, "chosen");
  for (int i = 0; i < 4; i++)
    g_assert_true (pl_store_advance_pick (store, pick, &error));
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (pick), "status"), ==, "assessed");
  g_assert_cmpstr (pl_pick_status_label ("in-progress"), ==, "In progress");

  /* One pick of three: still choosing, not a fault. */
  g_assert_cmpint (pl_store_check_learner_picks (store, board, learner, NULL), ==, PL_PICKS_TOO_FEW);
  {
    g_autoptr(PlRecord) left = g_list_model_get_item (options, 3);
    g_autoptr(PlRecord) corner = g_list_model_get_item (options, 0);
    g_autoptr(PlPick) p1 = pl_store_record_pick (store, learner, pl_record_get_uuid (left), NULL);
    g_autoptr(PlPick) p2 = pl_store_record_pick (store, learner, pl_record_get_uuid (corner), NULL);

    /* Centre, left and a corner: no line. */
    g_assert_cmpint (pl_store_check_learner_picks (store, board, learner, NULL), ==, PL_PICKS_NO_LINE);
    g_assert_true (pl_store_remove_pick (store, p2, &error));
    {
      g_autoptr(PlRecord) right = g_list_model_get_item (options, 5);
      g_autoptr(PlPick) p3 = pl_store_record_pick (store, learner, pl_record_get_uuid (right), NULL);

      g_assert_cmpint (pl_store_check_learner_picks (store, board, learner, NULL), ==, PL_PICKS_OK);
    }
  }
}

static void
test_milestones (void)
{
  g_autofree char *classroom = NULL;
  g_autoptr(PlStore) store = demo_store (&classroom);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) milestones = pl_store_class_milestones (store, classroom, TODAY, &error);
  PlMilestoneStatus *first;

  g_assert_no_error (error);
  g_assert_cmpuint (milestones->len, ==, 3);
  first = &g_array_index (milestones, PlMilestoneStatus, 0);
  g_assert_cmpuint (first->n_learners, ==, 24);
  g_assert_cmpuint (first->n_done, >, 12);
  g_assert_cmpuint (first->n_done + first->n_behind, ==, 24);   /* past due */
  g_assert_cmpuint (g_array_index (milestones, PlMilestoneStatus, 2).n_behind, ==, 0);  /* not due yet */
}

static PlRecord *
demo_unit (PlStore *store, const char *classroom)
{
  g_autoptr(GListModel) units = pl_store_list_where (store, PL_TYPE_UNIT, "classroom-uuid", classroom, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (units), ==, 1);
  return g_list_model_get_item (units, 0);
}

/* The demo board taken away, and a new one of LAYOUT made for the unit. */
static PlBoard *
fresh_board (PlStore *store, const char *classroom, const char *layout)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) unit = demo_unit (store, classroom);
  g_autoptr(PlBoard) old = pl_store_unit_board (store, pl_record_get_uuid (unit), &error);
  PlBoard *board;

  g_assert_nonnull (old);
  g_assert_true (pl_store_delete (store, PL_RECORD (old), &error));
  g_assert_null (pl_store_unit_board (store, pl_record_get_uuid (unit), &error));
  g_assert_no_error (error);
  board = pl_store_create_board (store, pl_record_get_uuid (unit), layout, &error);
  g_assert_no_error (error);
  g_assert_nonnull (board);
  return board;
}

static guint
n_options (PlStore *store, PlBoard *board)
{
  g_autoptr(GListModel) options = pl_store_list_board_options (store, pl_record_get_uuid (PL_RECORD (board)), NULL);
  return g_list_model_get_n_items (options);
}

static PlChoiceOption *
option_in (PlStore *store, PlBoard *board, gint64 row, gint64 col)
{
  g_autoptr(GListModel) options = pl_store_list_board_options (store, pl_record_get_uuid (PL_RECORD (board)), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (options); i++)
    {
      g_autoptr(PlRecord) o = g_list_model_get_item (options, i);

      if (pl_record_get_int (o, "grid-row") == row && pl_record_get_int (o, "grid-col") == col)
        return PL_CHOICE_OPTION (g_steal_pointer (&o));
    }
  return NULL;
}

static void
test_create_grid (void)
{
  g_autofree char *classroom = NULL;
  g_autoptr(PlStore) store = demo_store (&classroom);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) unit = demo_unit (store, classroom);
  g_autoptr(PlBoard) demo = pl_store_unit_board (store, pl_record_get_uuid (unit), &error);
  g_autoptr(PlBoard) twice = NULL;
  g_autoptr(PlBoard) board = NULL;
  g_autoptr(PlBoard) shown = NULL;
  g_autoptr(GListModel) options = NULL;
  g_autoptr(PlRecord) first = NULL;
  g_autoptr(PlRecord) centre = NULL;
  g_auto(GStrv) who = NULL;
  gboolean whole = FALSE;

  /* The demo unit has its board; a second one is refused. */
  g_assert_nonnull (demo);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (demo), "unit-uuid"), ==, pl_record_get_uuid (unit));
  twice = pl_store_create_board (store, pl_record_get_uuid (unit), "grid", &error);
  g_assert_null (twice);
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already has the board"));
  g_clear_error (&error);
  g_assert_null (pl_store_create_board (store, pl_record_get_uuid (unit), "spiral", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "layout"));
  g_clear_error (&error);

  board = fresh_board (store, classroom, "grid");
  g_assert_cmpint (pl_record_get_int (PL_RECORD (board), "n-rows"), ==, 3);
  g_assert_cmpint (pl_record_get_int (PL_RECORD (board), "n-cols"), ==, 3);
  g_assert_cmpint (pl_record_get_int (PL_RECORD (board), "picks-required"), ==, 3);
  g_assert_true (pl_record_get_boolean (PL_RECORD (board), "three-in-row"));
  options = pl_store_list_board_options (store, pl_record_get_uuid (PL_RECORD (board)), &error);
  g_assert_cmpuint (g_list_model_get_n_items (options), ==, 9);
  first = g_list_model_get_item (options, 0);
  centre = g_list_model_get_item (options, 4);
  g_assert_cmpstr (pl_record_get_string (first, "title"), ==, "Option 1");
  g_assert_false (pl_record_get_boolean (first, "required"));
  g_assert_cmpstr (pl_record_get_string (centre, "title"), ==, "Option 5");
  g_assert_true (pl_record_get_boolean (centre, "required"));
  g_assert_cmpint (pl_record_get_int (centre, "grid-row"), ==, 1);
  g_assert_cmpint (pl_record_get_int (centre, "grid-col"), ==, 1);
  /* Empty options give evidence for nothing yet. */
  g_assert_cmpint (pl_store_check_board_design (store, board, NULL), ==, PL_DESIGN_NO_STANDARD);

  /* Given to the whole class, and the class's board now. */
  who = pl_store_board_assignees (store, pl_record_get_uuid (PL_RECORD (board)), classroom, &whole, &error);
  g_assert_no_error (error);
  g_assert_true (whole);
  g_assert_cmpuint (g_strv_length (who), ==, 0);
  shown = pl_store_class_board (store, classroom, &error);
  g_assert_cmpstr (pl_record_get_uuid (PL_RECORD (shown)), ==, pl_record_get_uuid (PL_RECORD (board)));
}

static void
expect_refused (PlStore *store, PlBoard *board, const char *column, gint64 value, const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlBoard) saved = NULL;
  gint64 before = pl_record_get_int (PL_RECORD (board), column);

  pl_record_set_int (PL_RECORD (board), column, value);
  g_assert_false (pl_store_save_board (store, board, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
  /* Nothing was written. */
  saved = pl_store_get (store, PL_TYPE_BOARD, pl_record_get_uuid (PL_RECORD (board)), NULL);
  g_assert_cmpint (pl_record_get_int (PL_RECORD (saved), column), ==, before);
  pl_record_set_int (PL_RECORD (board), column, before);
}

static void
test_rules_validation (void)
{
  g_autofree char *classroom = NULL;
  g_autoptr(PlStore) store = demo_store (&classroom);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlBoard) board = pl_store_class_board (store, classroom, &error);
  g_autoptr(PlBoard) saved = NULL;

  expect_refused (store, board, "n-rows", 6, "rows must be between 1 and 5, not 6");
  expect_refused (store, board, "n-cols", 0, "columns must be between 1 and 5, not 0");
  expect_refused (store, board, "picks-required", 0, "picks required must be between 1 and 9");
  expect_refused (store, board, "picks-required", 10, "not 10");
  expect_refused (store, board, "max-per-row", -1, "at most per row");
  expect_refused (store, board, "max-per-col", -2, "at most per column");
  /* Three in a row with two picks on a 3 × 3 grid. */
  expect_refused (store, board, "picks-required", 2, "cannot all be met. Three in a row needs at least 3 picks");
  /* One per row and column leaves the diagonals, which do hold the centre. */
  pl_record_set_int (PL_RECORD (board), "max-per-row", 1);
  pl_record_set_int (PL_RECORD (board), "max-per-col", 1);
  g_assert_true (pl_store_save_board (store, board, &error));
  g_assert_no_error (error);
  expect_refused (store, board, "picks-required", 4, "4 picks do not fit in 3 rows");

  pl_record_set_string (PL_RECORD (board), "title", "  ");
  g_assert_false (pl_store_save_board (store, board, &error));
  g_assert_nonnull (strstr (error->message, "title"));
  g_clear_error (&error);
  pl_record_set_string (PL_RECORD (board), "title", "Matter: tic-tac-toe");
  pl_record_set_boolean (PL_RECORD (board), "three-in-row", FALSE);
  pl_record_set_int (PL_RECORD (board), "picks-required", 2);
  g_assert_true (pl_store_save_board (store, board, &error));
  saved = pl_store_get (store, PL_TYPE_BOARD, pl_record_get_uuid (PL_RECORD (board)), NULL);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (saved), "title"), ==, "Matter: tic-tac-toe");
  g_assert_cmpint (pl_record_get_int (PL_RECORD (saved), "picks-required"), ==, 2);
  g_assert_false (pl_record_get_boolean (PL_RECORD (saved), "three-in-row"));
}

static void
test_resize_and_options (void)
{
  g_autofree char *classroom = NULL;
  g_autoptr(PlStore) store = demo_store (&classroom);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlBoard) board = fresh_board (store, classroom, "grid");
  g_autoptr(PlChoiceOption) corner = option_in (store, board, 0, 0);
  g_autoptr(PlChoiceOption) centre = option_in (store, board, 1, 1);
  g_autoptr(PlChoiceOption) added = NULL;
  g_autoptr(PlChoiceOption) moved = NULL;

  /* Shrinking would drop the bottom row: refused, naming an option there. */
  g_assert_false (pl_store_resize_board (store, board, 2, 3, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Option 7” in row 3, column 1 would fall outside a 2 × 3 grid"));
  g_clear_error (&error);
  g_assert_cmpint (pl_record_get_int (PL_RECORD (board), "n-rows"), ==, 3);

  /* Three in a row on a 4 × 4 grid takes four picks. */
  g_assert_false (pl_store_resize_board (store, board, 4, 4, &error));
  g_assert_nonnull (strstr (error->message, "Three in a row needs at least 4 picks on a 4 × 4 grid"));
  g_clear_error (&error);
  pl_record_set_int (PL_RECORD (board), "picks-required", 4);
  g_assert_true (pl_store_save_board (store, board, &error));

  /* Growing leaves empty squares to fill; until then no line is full. */
  g_assert_true (pl_store_resize_board (store, board, 4, 4, &error));
  g_assert_no_error (error);
  g_assert_true (pl_store_check_board_design (store, board, NULL) & PL_DESIGN_IMPOSSIBLE);
  added = pl_store_add_option (store, board, NULL, 3, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (added), "title"), ==, "Option 10");
  g_assert_null (pl_store_add_option (store, board, NULL, 3, 3, &error));
  g_assert_nonnull (strstr (error->message, "already holds “Option 10”"));
  g_clear_error (&error);
  g_assert_null (pl_store_add_option (store, board, NULL, 4, 0, &error));
  g_assert_nonnull (strstr (error->message, "outside the grid"));
  g_clear_error (&error);
  g_assert_true (pl_store_check_board_design (store, board, NULL) & PL_DESIGN_TOO_MANY);

  /* Moving swaps with the option in the square. */
  g_assert_true (pl_store_move_option (store, corner, 1, 1, &error));
  moved = option_in (store, board, 0, 0);
  g_assert_cmpstr (pl_record_get_uuid (PL_RECORD (moved)), ==, pl_record_get_uuid (PL_RECORD (centre)));
  g_clear_object (&moved);
  moved = option_in (store, board, 1, 1);
  g_assert_cmpstr (pl_record_get_uuid (PL_RECORD (moved)), ==, pl_record_get_uuid (PL_RECORD (corner)));
  g_assert_false (pl_store_move_option (store, corner, 0, 4, &error));
  g_assert_nonnull (strstr (error->message, "row 1, column 5 is outside the grid"));
  g_clear_error (&error);

  /* Removing is a tombstone; Undo puts it back in its square, or in the
   * first free one when that was taken meanwhile. */
  g_assert_true (pl_store_remove_option (store, added, &error));
  g_assert_cmpuint (n_options (store, board), ==, 9);
  g_assert_true (pl_store_restore_option (store, added, &error));
  g_assert_cmpuint (n_options (store, board), ==, 10);
  g_assert_cmpint (pl_record_get_int (PL_RECORD (added), "grid-row"), ==, 3);
  g_assert_true (pl_store_remove_option (store, corner, &error));
  {
    g_autoptr(PlChoiceOption) filler = pl_store_add_option (store, board, NULL, 1, 1, &error);

    g_assert_no_error (error);
    g_assert_true (pl_store_restore_option (store, corner, &error));
    g_assert_no_error (error);
    g_assert_cmpint (pl_record_get_int (PL_RECORD (corner), "grid-row"), ==, 0);
    g_assert_cmpint (pl_record_get_int (PL_RECORD (corner), "grid-col"), ==, 3);
    g_assert_cmpint (pl_store_check_board_design (store, board, NULL) & (PL_DESIGN_SHARED_CELL | PL_DESIGN_OFF_GRID), ==, 0);
  }
}

static void
test_option_fields (void)
{
  g_autofree char *classroom = NULL;
  g_autoptr(PlStore) store = demo_store (&classroom);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlBoard) board = fresh_board (store, classroom, "grid");
  g_autoptr(PlChoiceOption) option = option_in (store, board, 0, 1);
  g_autoptr(PlChoiceOption) saved = NULL;
  struct { const char *column; gint64 value; const char *words; } bad_ints[] = {
    { "tier", 4, "readiness tier must be 1, 2 or 3, not 4" },
    { "tier", 0, "not 0" },
    { "minutes", -5, "minutes must be between 0 and 600, not -5" },
    { "grid-row", 3, "row 4, column 2 is outside the grid" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad_ints); i++)
    {
      gint64 before = pl_record_get_int (PL_RECORD (option), bad_ints[i].column);

      pl_record_set_int (PL_RECORD (option), bad_ints[i].column, bad_ints[i].value);
      g_assert_false (pl_store_save_option (store, option, &error));
      g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
      if (strstr (error->message, bad_ints[i].words) == NULL)
        g_error ("“%s” does not say “%s”", error->message, bad_ints[i].words);
      g_clear_error (&error);
      pl_record_set_int (PL_RECORD (option), bad_ints[i].column, before);
    }
  pl_record_set_string (PL_RECORD (option), "grouping", "crowd");
  g_assert_false (pl_store_save_option (store, option, &error));
  g_assert_nonnull (strstr (error->message, "grouping must be solo, pair or group, not “crowd”"));
  g_clear_error (&error);
  pl_record_set_int (PL_RECORD (option), "grid-col", 1);
  pl_record_set_int (PL_RECORD (option), "grid-row", 1);
  pl_record_set_string (PL_RECORD (option), "grouping", "pair");
  g_assert_false (pl_store_save_option (store, option, &error));
  g_assert_nonnull (strstr (error->message, "already holds “Option 5”"));
  g_clear_error (&error);
  pl_record_set_int (PL_RECORD (option), "grid-row", 0);
  pl_record_set_string (PL_RECORD (option), "title", "");
  g_assert_false (pl_store_save_option (store, option, &error));
  g_assert_nonnull (strstr (error->message, "the title is empty"));
  g_clear_error (&error);

  pl_record_set_string (PL_RECORD (option), "title", "Comic strip");
  pl_record_set_string (PL_RECORD (option), "format", "  comic ");
  pl_record_set_string (PL_RECORD (option), "tags", " drawing, , Reading,drawing ,reading");
  pl_record_set_int (PL_RECORD (option), "tier", 3);
  pl_record_set_int (PL_RECORD (option), "minutes", 45);
  g_assert_true (pl_store_save_option (store, option, &error));
  g_assert_no_error (error);
  saved = pl_store_get (store, PL_TYPE_CHOICE_OPTION, pl_record_get_uuid (PL_RECORD (option)), NULL);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (saved), "title"), ==, "Comic strip");
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (saved), "format"), ==, "comic");
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (saved), "tags"), ==, "drawing,Reading");
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (saved), "grouping"), ==, "pair");
  g_assert_cmpint (pl_record_get_int (PL_RECORD (saved), "tier"), ==, 3);

  /* The vocabulary of formats, and the teacher's own kept as typed. */
  g_assert_cmpuint (g_strv_length ((char **) pl_option_formats ()), ==, 6);
  g_assert_cmpstr (pl_option_formats ()[0], ==, "write");
  g_assert_cmpstr (pl_option_format_label ("present"), ==, "Present");
  g_assert_cmpstr (pl_option_format_label ("comic"), ==, "comic");
}

static void
test_option_standards (void)
{
  g_autofree char *classroom = NULL;
  g_autoptr(PlStore) store = demo_store (&classroom);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlBoard) board = fresh_board (store, classroom, "grid");
  g_autoptr(PlChoiceOption) option = option_in (store, board, 0, 0);
  const char *uuid = pl_record_get_uuid (PL_RECORD (option));
  g_autoptr(GListModel) standards = pl_store_list_board_standards (store, pl_record_get_uuid (PL_RECORD (board)), &error);
  g_autoptr(GListModel) mine = NULL;
  g_autoptr(PlRecord) first = NULL;
  g_autoptr(PlRecord) second = NULL;
  guint links;

  /* The unit's six standards, by code. */
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (standards), ==, 6);
  first = g_list_model_get_item (standards, 0);
  second = g_list_model_get_item (standards, 1);
  g_assert_cmpstr (pl_record_get_string (first, "code"), ==, "SCI.7.1");

  links = pl_store_count (store, "option_standard", TRUE);
  g_assert_true (pl_store_add_option_standard (store, uuid, pl_record_get_uuid (first), &error));
  g_assert_true (pl_store_add_option_standard (store, uuid, pl_record_get_uuid (first), &error));
  g_assert_true (pl_store_add_option_standard (store, uuid, pl_record_get_uuid (second), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pl_store_count (store, "option_standard", TRUE), ==, links + 2);
  mine = pl_store_list_option_standards (store, uuid, &error);
  g_assert_cmpuint (g_list_model_get_n_items (mine), ==, 2);
  g_clear_object (&mine);

  /* Taken off and given again: the same link comes back. */
  g_assert_true (pl_store_remove_option_standard (store, uuid, pl_record_get_uuid (first), &error));
  mine = pl_store_list_option_standards (store, uuid, &error);
  g_assert_cmpuint (g_list_model_get_n_items (mine), ==, 1);
  g_clear_object (&mine);
  g_assert_true (pl_store_add_option_standard (store, uuid, pl_record_get_uuid (first), &error));
  g_assert_cmpuint (pl_store_count (store, "option_standard", TRUE), ==, links + 2);

  g_assert_false (pl_store_add_option_standard (store, uuid, "no-such-standard", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no-such-standard names no standard"));
}

static PlChoiceOption *
menu_item (PlStore *store, PlBoard *board, const char *section, guint index)
{
  g_autoptr(GListModel) options = pl_store_list_board_options (store, pl_record_get_uuid (PL_RECORD (board)), NULL);
  guint seen = 0;

  for (guint i = 0; i < g_list_model_get_n_items (options); i++)
    {
      g_autoptr(PlRecord) o = g_list_model_get_item (options, i);

      if (g_strcmp0 (pl_record_get_string (o, "section"), section) == 0 && seen++ == index)
        return PL_CHOICE_OPTION (g_steal_pointer (&o));
    }
  return NULL;
}

static void
test_menu (void)
{
  g_autofree char *classroom = NULL;
  g_autoptr(PlStore) store = demo_store (&classroom);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlBoard) board = fresh_board (store, classroom, "menu");
  g_autoptr(PlChoiceOption) added = NULL;
  g_autoptr(PlChoiceOption) may0 = NULL;
  g_autoptr(PlChoiceOption) check = NULL;

  g_assert_cmpstr (pl_record_get_string (PL_RECORD (board), "layout"), ==, "menu");
  g_assert_false (pl_record_get_boolean (PL_RECORD (board), "three-in-row"));
  g_assert_cmpuint (n_options (store, board), ==, 5);
  check = menu_item (store, board, "must", 1);
  g_assert_true (pl_record_get_boolean (PL_RECORD (check), "required"));
  g_clear_object (&check);
  check = menu_item (store, board, "may", 2);
  g_assert_false (pl_record_get_boolean (PL_RECORD (check), "required"));
  g_clear_object (&check);

  /* A new must-do goes at the end of the must-do list, before the may-dos. */
  added = pl_store_add_option (store, board, "must", 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_record_get_int (PL_RECORD (added), "grid-row"), ==, 2);
  g_assert_true (pl_record_get_boolean (PL_RECORD (added), "required"));
  g_assert_cmpint (pl_record_get_int (PL_RECORD (board), "n-rows"), ==, 6);
  g_assert_null (pl_store_add_option (store, board, "should", 0, 0, &error));
  g_assert_nonnull (strstr (error->message, "“must” or “may”, not “should”"));
  g_clear_error (&error);
  g_assert_cmpint (pl_store_check_board_design (store, board, NULL) & PL_DESIGN_IMPOSSIBLE, ==, 0);

  /* Three in a row belongs to grids. */
  pl_record_set_boolean (PL_RECORD (board), "three-in-row", TRUE);
  g_assert_false (pl_store_save_board (store, board, &error));
  g_assert_nonnull (strstr (error->message, "three in a row needs a grid"));
  g_clear_error (&error);
  pl_record_set_boolean (PL_RECORD (board), "three-in-row", FALSE);

  /* Moved to the top of the may-do list: no longer required. */
  g_assert_true (pl_store_move_menu_option (store, added, "may", 0, &error));
  may0 = menu_item (store, board, "may", 0);
  g_assert_cmpstr (pl_record_get_uuid (PL_RECORD (may0)), ==, pl_record_get_uuid (PL_RECORD (added)));
  g_assert_false (pl_record_get_boolean (PL_RECORD (may0), "required"));
  g_assert_false (pl_store_move_option (store, added, 0, 0, &error));
  g_clear_error (&error);

  /* Removed and put back in the same place. */
  g_assert_true (pl_store_remove_option (store, added, &error));
  g_clear_object (&board);
  board = pl_store_get (store, PL_TYPE_BOARD, pl_record_get_uuid (PL_RECORD (may0)) != NULL
                        ? pl_record_get_string (PL_RECORD (may0), "board-uuid") : NULL, NULL);
  g_assert_cmpint (pl_record_get_int (PL_RECORD (board), "n-rows"), ==, 5);
  check = menu_item (store, board, "may", 0);
  g_assert_cmpstr (pl_record_get_uuid (PL_RECORD (check)), !=, pl_record_get_uuid (PL_RECORD (added)));
  g_clear_object (&check);
  g_assert_true (pl_store_restore_option (store, added, &error));
  check = menu_item (store, board, "may", 0);
  g_assert_cmpstr (pl_record_get_uuid (PL_RECORD (check)), ==, pl_record_get_uuid (PL_RECORD (added)));
  g_clear_object (&check);
  g_assert_cmpint (pl_store_check_board_design (store, board, NULL) & (PL_DESIGN_SHARED_CELL | PL_DESIGN_OFF_GRID), ==, 0);
  g_clear_object (&board);
  board = pl_store_get (store, PL_TYPE_BOARD, pl_record_get_string (PL_RECORD (added), "board-uuid"), NULL);

  /* Back to a grid three wide, must-do first and still required. */
  g_assert_true (pl_store_set_board_layout (store, board, "grid", &error));
  g_assert_cmpint (pl_record_get_int (PL_RECORD (board), "n-rows"), ==, 2);
  g_assert_cmpint (pl_record_get_int (PL_RECORD (board), "n-cols"), ==, 3);
  check = option_in (store, board, 0, 1);
  g_assert_true (pl_record_get_boolean (PL_RECORD (check), "required"));
  g_clear_object (&check);
  check = option_in (store, board, 0, 2);
  g_assert_cmpstr (pl_record_get_uuid (PL_RECORD (check)), ==, pl_record_get_uuid (PL_RECORD (added)));
  g_clear_object (&check);
  g_assert_true (pl_store_set_board_layout (store, board, "menu", &error));
  check = menu_item (store, board, "must", 1);
  g_assert_nonnull (check);
  g_assert_cmpint (pl_store_check_board_design (store, board, NULL) & (PL_DESIGN_SHARED_CELL | PL_DESIGN_OFF_GRID), ==, 0);
}

static void
test_assignment (void)
{
  g_autofree char *classroom = NULL;
  g_autoptr(PlStore) store = demo_store (&classroom);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlBoard) board = pl_store_class_board (store, classroom, &error);
  g_autoptr(GListModel) learners = pl_store_list_class_learners (store, classroom, &error);
  g_autoptr(PlBoard) shown = NULL;
  g_auto(GStrv) who = NULL;
  const char *pilot[4] = { NULL };
  const char *stranger[] = { "not-a-learner-here", NULL };
  const char *none[] = { NULL };
  gboolean whole = TRUE;
  guint rows;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PlRecord) l = g_list_model_get_item (learners, i * 5);
      pilot[i] = g_intern_string (pl_record_get_uuid (l));
    }
  who = pl_store_board_assignees (store, pl_record_get_uuid (PL_RECORD (board)), classroom, &whole, &error);
  g_assert_true (whole);
  g_clear_pointer (&who, g_strfreev);

  g_assert_true (pl_store_assign_board (store, board, classroom, pilot, &error));
  g_assert_no_error (error);
  who = pl_store_board_assignees (store, pl_record_get_uuid (PL_RECORD (board)), classroom, &whole, &error);
  g_assert_false (whole);
  g_assert_cmpuint (g_strv_length (who), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_true (g_strv_contains ((const char * const *) who, pilot[i]));
  g_clear_pointer (&who, g_strfreev);
  /* Still the class's board, now for its pilot group. */
  shown = pl_store_class_board (store, classroom, &error);
  g_assert_cmpstr (pl_record_get_uuid (PL_RECORD (shown)), ==, pl_record_get_uuid (PL_RECORD (board)));

  /* Back to the whole class and to the pilot again: rows come back rather
   * than pile up. */
  g_assert_true (pl_store_assign_board (store, board, classroom, NULL, &error));
  who = pl_store_board_assignees (store, pl_record_get_uuid (PL_RECORD (board)), classroom, &whole, &error);
  g_assert_true (whole);
  g_clear_pointer (&who, g_strfreev);
  rows = pl_store_count (store, "board_assignment", TRUE);
  g_assert_true (pl_store_assign_board (store, board, classroom, pilot, &error));
  g_assert_true (pl_store_assign_board (store, board, classroom, NULL, &error));
  g_assert_cmpuint (pl_store_count (store, "board_assignment", TRUE), ==, rows);
  g_assert_cmpuint (pl_store_count (store, "board_assignment", FALSE), ==, 1);

  /* Refused: a learner of another class, an empty pilot group. */
  g_assert_false (pl_store_assign_board (store, board, classroom, stranger, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not-a-learner-here is not in this class"));
  g_clear_error (&error);
  g_assert_false (pl_store_assign_board (store, board, classroom, none, &error));
  g_assert_nonnull (strstr (error->message, "at least one learner"));
  g_clear_error (&error);
  who = pl_store_board_assignees (store, pl_record_get_uuid (PL_RECORD (board)), classroom, &whole, &error);
  g_assert_true (whole);

  /* Given to another class only, it is no longer this class's board. */
  {
    g_autoptr(PlClassroom) other = pl_classroom_new ();

    pl_record_set_string (PL_RECORD (other), "name", "Grade 8 Science");
    g_assert_true (pl_store_save (store, PL_RECORD (other), &error));
    g_assert_true (pl_store_assign_board (store, board, pl_record_get_uuid (PL_RECORD (other)), NULL, &error));
    g_clear_object (&shown);
    shown = pl_store_class_board (store, classroom, &error);
    g_assert_nonnull (shown);
    g_clear_object (&shown);
    g_clear_pointer (&who, g_strfreev);
    who = pl_store_board_assignees (store, pl_record_get_uuid (PL_RECORD (board)), classroom, &whole, &error);
    g_assert_true (whole);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/boards/board-and-picks", test_board_and_picks);
  g_test_add_func ("/boards/milestones", test_milestones);
  g_test_add_func ("/boards/create-grid", test_create_grid);
  g_test_add_func ("/boards/rules-validation", test_rules_validation);
  g_test_add_func ("/boards/resize-and-options", test_resize_and_options);
  g_test_add_func ("/boards/option-fields", test_option_fields);
  g_test_add_func ("/boards/option-standards", test_option_standards);
  g_test_add_func ("/boards/menu", test_menu);
  g_test_add_func ("/boards/assignment", test_assignment);
  return g_test_run ();
}
