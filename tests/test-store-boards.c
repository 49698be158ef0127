/* test-store-boards.c — the class's board, recording picks through their
 * statuses, rule checks per learner, and milestone progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/pl-core.h"
#include "core/pl-demo.h"
#include "core/pl-store-boards.h"

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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/boards/board-and-picks", test_board_and_picks);
  g_test_add_func ("/boards/milestones", test_milestones);
  return g_test_run ();
}
