/* pl-board-rules.c — what a choice board allows, checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "pl-board-rules.h"

#define MAX_GRID 16

/* A full row, column or (on a square grid) diagonal among the picks. */
static gboolean
has_line (const PlBoardRules *rules,
          gboolean            grid[MAX_GRID][MAX_GRID])
{
  guint r, c;

  for (r = 0; r < rules->n_rows; r++)
    {
      for (c = 0; c < rules->n_cols && grid[r][c]; c++)
        ;
      if (c == rules->n_cols)
        return TRUE;
    }
  for (c = 0; c < rules->n_cols; c++)
    {
      for (r = 0; r < rules->n_rows && grid[r][c]; r++)
        ;
      if (r == rules->n_rows)
        return TRUE;
    }
  if (rules->n_rows == rules->n_cols)
    {
      gboolean down = TRUE, up = TRUE;

      for (guint i = 0; i < rules->n_rows; i++)
        {
          down = down && grid[i][i];
          up = up && grid[i][rules->n_cols - 1 - i];
        }
      return down || up;
    }
  return FALSE;
}

PlPickProblems
pl_board_check_picks (const PlBoardRules *rules,
                      const PlBoardCell  *options,
                      guint               n_options,
                      const gboolean     *picked)
{
  gboolean grid[MAX_GRID][MAX_GRID] = { { FALSE } };
  guint per_row[MAX_GRID] = { 0 }, per_col[MAX_GRID] = { 0 };
  guint n_picked = 0;
  gboolean missing_required = FALSE;
  PlPickProblems problems = PL_PICKS_OK;

  g_return_val_if_fail (rules != NULL, PL_PICKS_OK);
  g_return_val_if_fail (rules->n_rows <= MAX_GRID && rules->n_cols <= MAX_GRID, PL_PICKS_OK);

  for (guint i = 0; i < n_options; i++)
    {
      const PlBoardCell *o = &options[i];

      if (!picked[i])
        {
          missing_required |= o->required;
          continue;
        }
      n_picked++;
      if (o->row < MAX_GRID && o->col < MAX_GRID)
        {
          grid[o->row][o->col] = TRUE;
          per_row[o->row]++;
          per_col[o->col]++;
        }
    }

  if (rules->picks_required > 0 && n_picked > rules->picks_required)
    problems |= PL_PICKS_TOO_MANY;
  for (guint i = 0; i < MAX_GRID; i++)
    {
      if (rules->max_per_row > 0 && per_row[i] > rules->max_per_row)
        problems |= PL_PICKS_ROW_LIMIT;
      if (rules->max_per_col > 0 && per_col[i] > rules->max_per_col)
        problems |= PL_PICKS_COL_LIMIT;
    }
  if (n_picked < rules->picks_required)
    return problems | PL_PICKS_TOO_FEW;

  /* Complete: now what must be there, must be there. */
  if (missing_required)
    problems |= PL_PICKS_MISSING_REQUIRED;
  if (rules->three_in_row && !has_line (rules, grid))
    problems |= PL_PICKS_NO_LINE;
  return problems;
}

PlDesignProblems
pl_board_check_design (const PlBoardRules *rules,
                       const PlBoardCell  *options,
                       guint               n_options)
{
  gboolean used[MAX_GRID][MAX_GRID] = { { FALSE } };
  guint n_required = 0;
  PlDesignProblems problems = PL_DESIGN_OK;

  g_return_val_if_fail (rules != NULL, PL_DESIGN_OK);

  if (n_options > 9)
    problems |= PL_DESIGN_TOO_MANY;
  for (guint i = 0; i < n_options; i++)
    {
      const PlBoardCell *o = &options[i];

      if (o->n_standards == 0)
        problems |= PL_DESIGN_NO_STANDARD;
      n_required += o->required ? 1 : 0;
      if (o->row >= rules->n_rows || o->col >= rules->n_cols || o->row >= MAX_GRID || o->col >= MAX_GRID)
        {
          problems |= PL_DESIGN_OFF_GRID;
          continue;
        }
      if (used[o->row][o->col])
        problems |= PL_DESIGN_SHARED_CELL;
      used[o->row][o->col] = TRUE;
    }
  if (rules->picks_required > n_options || n_required > rules->picks_required ||
      (rules->three_in_row && rules->picks_required < MIN (rules->n_rows, rules->n_cols)))
    problems |= PL_DESIGN_IMPOSSIBLE;
  return problems;
}

static void
add (GString    *s,
     const char *sentence)
{
  if (s->len > 0)
    g_string_append_c (s, ' ');
  g_string_append (s, sentence);
}

char *
pl_board_describe_picks (PlPickProblems      problems,
                         const PlBoardRules *rules)
{
  GString *s = g_string_new (NULL);

  if (problems & PL_PICKS_TOO_MANY)
    {
      g_autofree char *t = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The board asks for %u pick; there are more.",
                                                         "The board asks for %u picks; there are more.",
                                                         rules->picks_required), rules->picks_required);
      add (s, t);
    }
  if (problems & PL_PICKS_MISSING_REQUIRED)
    add (s, _("A required option is not picked."));
  if (problems & PL_PICKS_NO_LINE)
    add (s, _("The picks do not make three in a row."));
  if (problems & PL_PICKS_ROW_LIMIT)
    add (s, _("Too many picks in one row."));
  if (problems & PL_PICKS_COL_LIMIT)
    add (s, _("Too many picks in one column."));
  if (problems & PL_PICKS_TOO_FEW)
    {
      g_autofree char *t = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Still choosing: %u pick in all.",
                                                         "Still choosing: %u picks in all.",
                                                         rules->picks_required), rules->picks_required);
      add (s, t);
    }
  return g_string_free (s, FALSE);
}

char *
pl_board_describe_design (PlDesignProblems problems)
{
  GString *s = g_string_new (NULL);

  if (problems & PL_DESIGN_TOO_MANY)
    add (s, _("More than nine options can overwhelm learners."));
  if (problems & PL_DESIGN_NO_STANDARD)
    add (s, _("An option gives evidence for no standard."));
  if (problems & PL_DESIGN_OFF_GRID)
    add (s, _("An option sits outside the grid."));
  if (problems & PL_DESIGN_SHARED_CELL)
    add (s, _("Two options share a square."));
  if (problems & PL_DESIGN_IMPOSSIBLE)
    add (s, _("The rules cannot all be met with these options."));
  return g_string_free (s, FALSE);
}
