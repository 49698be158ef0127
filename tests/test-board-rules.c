/* test-board-rules.c — picks against a board's rules, and board design
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/pl-board-rules.h"

/* A 3×3 tic-tac-toe board whose centre is required. */
static const PlBoardRules ttt = { 3, 3, 3, TRUE, 0, 0 };

static void
grid (PlBoardCell cells[9])
{
  for (guint i = 0; i < 9; i++)
    {
      cells[i].row = i / 3;
      cells[i].col = i % 3;
      cells[i].required = i == 4;
      cells[i].n_standards = 1;
    }
}

static PlPickProblems
check (const PlBoardRules *rules, const guint *picks, guint n)
{
  PlBoardCell cells[9];
  gboolean picked[9] = { FALSE };

  grid (cells);
  for (guint i = 0; i < n; i++)
    picked[picks[i]] = TRUE;
  return pl_board_check_picks (rules, cells, 9, picked);
}

static void
test_tic_tac_toe (void)
{
  const guint row[] = { 3, 4, 5 }, diagonal[] = { 0, 4, 8 }, column[] = { 1, 4, 7 };
  const guint bent[] = { 0, 4, 5 }, no_centre[] = { 0, 3, 6 }, two[] = { 4, 8 };
  const guint four[] = { 0, 4, 8, 2 };
  g_autofree char *why = NULL;

  g_assert_cmpint (check (&ttt, row, 3), ==, PL_PICKS_OK);
  g_assert_cmpint (check (&ttt, diagonal, 3), ==, PL_PICKS_OK);
  g_assert_cmpint (check (&ttt, column, 3), ==, PL_PICKS_OK);
  g_assert_cmpint (check (&ttt, bent, 3), ==, PL_PICKS_NO_LINE);
  /* A full column without the centre: a line, but the centre is missing. */
  g_assert_cmpint (check (&ttt, no_centre, 3), ==, PL_PICKS_MISSING_REQUIRED);
  /* Still choosing is not a fault. */
  g_assert_cmpint (check (&ttt, two, 2), ==, PL_PICKS_TOO_FEW);
  g_assert_true (check (&ttt, four, 4) & PL_PICKS_TOO_MANY);

  why = pl_board_describe_picks (PL_PICKS_NO_LINE | PL_PICKS_MISSING_REQUIRED, &ttt);
  g_assert_cmpstr (why, ==, "A required option is not picked. The picks do not make three in a row.");
}

static void
test_row_and_column_limits (void)
{
  const PlBoardRules limited = { 3, 3, 3, FALSE, 1, 2 };
  const guint same_row[] = { 0, 1, 4 }, spread[] = { 0, 4, 8 }, same_col[] = { 1, 4, 7 };

  g_assert_true (check (&limited, same_row, 3) & PL_PICKS_ROW_LIMIT);
  g_assert_cmpint (check (&limited, spread, 3), ==, PL_PICKS_OK);
  g_assert_true (check (&limited, same_col, 3) & PL_PICKS_COL_LIMIT);
}

static void
test_design (void)
{
  PlBoardCell cells[11];
  g_autofree char *why = NULL;

  grid (cells);
  g_assert_cmpint (pl_board_check_design (&ttt, cells, 9), ==, PL_DESIGN_OK);

  cells[2].n_standards = 0;
  g_assert_cmpint (pl_board_check_design (&ttt, cells, 9), ==, PL_DESIGN_NO_STANDARD);
  cells[2].n_standards = 1;

  cells[9] = (PlBoardCell) { 2, 2, FALSE, 1 };    /* shares a square */
  cells[10] = (PlBoardCell) { 3, 0, FALSE, 1 };   /* off the grid */
  g_assert_cmpint (pl_board_check_design (&ttt, cells, 11), ==,
                   PL_DESIGN_TOO_MANY | PL_DESIGN_SHARED_CELL | PL_DESIGN_OFF_GRID);

  {
    const PlBoardRules short_board = { 3, 3, 2, TRUE, 0, 0 };

    g_assert_cmpint (pl_board_check_design (&short_board, cells, 9), ==, PL_DESIGN_IMPOSSIBLE);
  }
  why = pl_board_describe_design (PL_DESIGN_TOO_MANY | PL_DESIGN_NO_STANDARD);
  g_assert_cmpstr (why, ==, "More than nine options can overwhelm learners. An option gives evidence for no standard.");
}

/* Rules that cannot all be met, each with its own reason. */
static void
test_impossible (void)
{
  PlBoardCell cells[9];
  g_autofree char *few = NULL, *required = NULL, *rows = NULL, *req_row = NULL;
  g_autofree char *no_line = NULL, *short_line = NULL;

  grid (cells);
  g_assert_null (pl_board_explain_impossible (&ttt, cells, 9));

  {
    const PlBoardRules many = { 3, 3, 10, FALSE, 0, 0 };

    few = pl_board_explain_impossible (&many, cells, 9);
    g_assert_cmpstr (few, ==, "The board asks for 10 picks but offers 9 options.");
  }
  {
    const PlBoardRules one = { 3, 3, 1, FALSE, 0, 0 };

    cells[0].required = TRUE;
    required = pl_board_explain_impossible (&one, cells, 9);
    g_assert_cmpstr (required, ==, "2 options are required, but the board asks for only 1 pick.");
    /* Two required options in the top row, but one pick per row. */
    cells[4].required = FALSE;
    cells[1].required = TRUE;
    {
      const PlBoardRules per_row = { 3, 3, 3, FALSE, 1, 0 };

      req_row = pl_board_explain_impossible (&per_row, cells, 9);
      g_assert_cmpstr (req_row, ==, "Row 1 has 2 required options, more than the 1 picks a row allows.");
      g_assert_cmpint (pl_board_check_design (&per_row, cells, 9), ==, PL_DESIGN_IMPOSSIBLE);
    }
    grid (cells);
  }
  {
    const PlBoardRules tight = { 3, 3, 4, FALSE, 1, 0 };

    rows = pl_board_explain_impossible (&tight, cells, 9);
    g_assert_cmpstr (rows, ==, "4 picks do not fit in 3 rows with at most 1 per row.");
  }
  {
    /* At most one per row and column leaves only the diagonals, and the
     * required top-middle square is on neither. */
    const PlBoardRules diagonal = { 3, 3, 3, TRUE, 1, 1 };

    g_assert_null (pl_board_explain_impossible (&diagonal, cells, 9));
    cells[4].required = FALSE;
    cells[1].required = TRUE;
    no_line = pl_board_explain_impossible (&diagonal, cells, 9);
    g_assert_nonnull (no_line);
    g_assert_true (g_str_has_prefix (no_line, "No full line"));
    grid (cells);
  }
  {
    /* An empty square breaks every line through it. */
    const PlBoardRules four = { 4, 4, 4, TRUE, 0, 0 };
    PlBoardCell sparse[9];

    grid (sparse);
    short_line = pl_board_explain_impossible (&four, sparse, 9);
    g_assert_true (g_str_has_prefix (short_line, "No full line"));
    g_assert_cmpint (pl_board_check_design (&four, sparse, 9), ==, PL_DESIGN_IMPOSSIBLE);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/board-rules/tic-tac-toe", test_tic_tac_toe);
  g_test_add_func ("/board-rules/limits", test_row_and_column_limits);
  g_test_add_func ("/board-rules/design", test_design);
  g_test_add_func ("/board-rules/impossible", test_impossible);
  return g_test_run ();
}
