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
  if (rules->n_rows <= MAX_GRID && rules->n_cols <= MAX_GRID)
    {
      g_autofree char *why = pl_board_explain_impossible (rules, options, n_options);

      if (why != NULL)
        problems |= PL_DESIGN_IMPOSSIBLE;
    }
  else
    problems |= PL_DESIGN_IMPOSSIBLE;
  return problems;
}

/* Picks needed to make LINE (cells of the grid, LEN of them) with every
 * required option besides; G_MAXUINT when a cell of the line is empty or
 * the line breaks a per-row or per-column limit. */
static guint
line_cost (const PlBoardRules *rules,
           const PlBoardCell  *options,
           guint               n_options,
           gboolean            used[MAX_GRID][MAX_GRID],
           const guint        *rows,
           const guint        *cols,
           guint               len)
{
  gboolean on_line[MAX_GRID][MAX_GRID] = { { FALSE } };
  guint per_row[MAX_GRID] = { 0 }, per_col[MAX_GRID] = { 0 };
  guint cost = len;

  for (guint i = 0; i < len; i++)
    {
      if (!used[rows[i]][cols[i]])
        return G_MAXUINT;
      on_line[rows[i]][cols[i]] = TRUE;
      per_row[rows[i]]++;
      per_col[cols[i]]++;
    }
  for (guint i = 0; i < n_options; i++)
    {
      const PlBoardCell *o = &options[i];

      if (!o->required || o->row >= MAX_GRID || o->col >= MAX_GRID || on_line[o->row][o->col])
        continue;
      cost++;
      per_row[o->row]++;
      per_col[o->col]++;
    }
  for (guint i = 0; i < MAX_GRID; i++)
    if ((rules->max_per_row > 0 && per_row[i] > rules->max_per_row) ||
        (rules->max_per_col > 0 && per_col[i] > rules->max_per_col))
      return G_MAXUINT;
  return cost;
}

/* Whether some full line can be picked within the rules. */
static gboolean
line_possible (const PlBoardRules *rules,
               const PlBoardCell  *options,
               guint               n_options,
               gboolean            used[MAX_GRID][MAX_GRID])
{
  guint rows[MAX_GRID] = { 0 }, cols[MAX_GRID] = { 0 };

  for (guint r = 0; r < rules->n_rows; r++)
    {
      for (guint c = 0; c < rules->n_cols; c++)
        rows[c] = r, cols[c] = c;
      if (line_cost (rules, options, n_options, used, rows, cols, rules->n_cols) <= rules->picks_required)
        return TRUE;
    }
  for (guint c = 0; c < rules->n_cols; c++)
    {
      for (guint r = 0; r < rules->n_rows; r++)
        rows[r] = r, cols[r] = c;
      if (line_cost (rules, options, n_options, used, rows, cols, rules->n_rows) <= rules->picks_required)
        return TRUE;
    }
  if (rules->n_rows == rules->n_cols)
    {
      for (guint i = 0; i < rules->n_rows; i++)
        rows[i] = i, cols[i] = i;
      if (line_cost (rules, options, n_options, used, rows, cols, rules->n_rows) <= rules->picks_required)
        return TRUE;
      for (guint i = 0; i < rules->n_rows; i++)
        rows[i] = i, cols[i] = rules->n_cols - 1 - i;
      if (line_cost (rules, options, n_options, used, rows, cols, rules->n_rows) <= rules->picks_required)
        return TRUE;
    }
  return FALSE;
}

char *
pl_board_explain_impossible (const PlBoardRules *rules,
                             const PlBoardCell  *options,
                             guint               n_options)
{
  gboolean used[MAX_GRID][MAX_GRID] = { { FALSE } };
  guint req_row[MAX_GRID] = { 0 }, req_col[MAX_GRID] = { 0 };
  guint n_required = 0;

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (rules->n_rows <= MAX_GRID && rules->n_cols <= MAX_GRID, NULL);

  for (guint i = 0; i < n_options; i++)
    {
      const PlBoardCell *o = &options[i];

      if (o->row < MAX_GRID && o->col < MAX_GRID)
        {
          used[o->row][o->col] = TRUE;
          req_row[o->row] += o->required ? 1 : 0;
          req_col[o->col] += o->required ? 1 : 0;
        }
      n_required += o->required ? 1 : 0;
    }

  if (rules->picks_required > n_options)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The board asks for %u picks but offers %u option.",
                                         "The board asks for %u picks but offers %u options.", n_options),
                            rules->picks_required, n_options);
  if (n_required > rules->picks_required)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u options are required, but the board asks for only %u pick.",
                                         "%u options are required, but the board asks for only %u picks.",
                                         rules->picks_required),
                            n_required, rules->picks_required);
  if (rules->max_per_row > 0 && rules->picks_required > rules->n_rows * rules->max_per_row)
    return g_strdup_printf (_("%u picks do not fit in %u rows with at most %u per row."),
                            rules->picks_required, rules->n_rows, rules->max_per_row);
  if (rules->max_per_col > 0 && rules->picks_required > rules->n_cols * rules->max_per_col)
    return g_strdup_printf (_("%u picks do not fit in %u columns with at most %u per column."),
                            rules->picks_required, rules->n_cols, rules->max_per_col);
  for (guint i = 0; i < MAX_GRID; i++)
    {
      if (rules->max_per_row > 0 && req_row[i] > rules->max_per_row)
        return g_strdup_printf (_("Row %u has %u required options, more than the %u picks a row allows."),
                                i + 1, req_row[i], rules->max_per_row);
      if (rules->max_per_col > 0 && req_col[i] > rules->max_per_col)
        return g_strdup_printf (_("Column %u has %u required options, more than the %u picks a column allows."),
                                i + 1, req_col[i], rules->max_per_col);
    }
  if (rules->three_in_row)
    {
      guint shortest = MIN (rules->n_rows, rules->n_cols);

      if (rules->picks_required < shortest)
        return g_strdup_printf (_("Three in a row needs at least %u picks on a %u × %u grid."),
                                shortest, rules->n_rows, rules->n_cols);
      if (!line_possible (rules, options, n_options, used))
        return g_strdup (_("No full line of options can be picked with the required options and the limits per row and column."));
    }
  return NULL;
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
