/* pl-gradebook-csv.c — the gradebook as a CSV file for spreadsheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "pl-gradebook-csv.h"

/* Spreadsheets run a cell that starts with one of these as a formula; the
 * tab and carriage return cases stop formulas hidden after them. */
static gboolean
starts_formula (const char *cell)
{
  return cell[0] != '\0' && strchr ("=+-@\t\r", cell[0]) != NULL;
}

void
pl_csv_append_field (GString    *line,
                     const char *cell)
{
  gboolean formula, quote;

  g_return_if_fail (line != NULL);

  if (cell == NULL)
    cell = "";
  formula = starts_formula (cell);
  quote = formula || strpbrk (cell, ",\"\r\n") != NULL ||
          (cell[0] != '\0' && (cell[0] == ' ' || cell[strlen (cell) - 1] == ' '));
  if (quote)
    g_string_append_c (line, '"');
  /* A leading apostrophe makes spreadsheets read the cell as text. */
  if (formula)
    g_string_append_c (line, '\'');
  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  if (quote)
    g_string_append_c (line, '"');
}

static void
append_row (GString            *out,
            const char * const *cells,
            guint               n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      pl_csv_append_field (out, cells[i]);
    }
  g_string_append (out, "\r\n");
}

static char *
format_value (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

static char *
method_label (const char *method,
              double      param)
{
  if (param > 0)
    return g_strdup_printf ("%s %g", method, param);
  return g_strdup (method);
}

static GString *
build_csv (const PlGradebook     *gb,
           PlExportProgressFunc   progress,
           gpointer               user_data,
           GCancellable          *cancellable,
           GError               **error)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  gboolean any_override = FALSE;

  g_ptr_array_add (row, g_strdup (_("Learner")));
  g_ptr_array_add (row, g_strdup (_("Learner ID")));
  for (guint j = 0; j < gb->n_standards; j++)
    g_ptr_array_add (row, g_strdup (gb->standard_codes[j]));
  append_row (out, (const char * const *) row->pdata, row->len);

  g_ptr_array_set_size (row, 0);
  g_ptr_array_add (row, g_strdup (_("Calculation method")));
  g_ptr_array_add (row, g_strdup (""));
  for (guint j = 0; j < gb->n_standards; j++)
    g_ptr_array_add (row, method_label (gb->standard_methods[j], gb->standard_params[j]));
  append_row (out, (const char * const *) row->pdata, row->len);

  for (guint i = 0; i < gb->n_learners; i++)
    {
      if (i % 64 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              g_string_free (out, TRUE);
              return NULL;
            }
          if (progress != NULL)
            progress ((double) i / MAX (gb->n_learners, 1) * 0.9, user_data);
        }
      g_ptr_array_set_size (row, 0);
      g_ptr_array_add (row, g_strdup (gb->learner_names[i]));
      g_ptr_array_add (row, g_strdup (gb->learner_source_ids[i] != NULL ? gb->learner_source_ids[i]
                                                                        : gb->learner_uuids[i]));
      for (guint j = 0; j < gb->n_standards; j++)
        {
          const PlGradebookCell *cell = pl_gradebook_get_cell (gb, i, j);

          any_override |= (cell->flags & PL_GRADEBOOK_CELL_OVERRIDDEN) != 0;
          if (cell->flags & (PL_GRADEBOOK_CELL_HAS_VALUE | PL_GRADEBOOK_CELL_OVERRIDDEN))
            g_ptr_array_add (row, format_value (cell->value));
          else
            g_ptr_array_add (row, g_strdup (""));
        }
      append_row (out, (const char * const *) row->pdata, row->len);
    }

  if (!any_override)
    return out;

  /* Overrides are never silent: each one with what the evidence says
   * and why the teacher chose otherwise. */
  g_string_append (out, "\r\n");
  {
    const char *header[] = { _("Overridden cell"), _("Standard"), _("Value"),
                             _("Value from evidence"), _("Reason") };

    append_row (out, header, G_N_ELEMENTS (header));
  }
  for (guint i = 0; i < gb->n_learners; i++)
    for (guint j = 0; j < gb->n_standards; j++)
      {
        const PlGradebookCell *cell = pl_gradebook_get_cell (gb, i, j);
        g_autofree char *value = NULL;
        g_autofree char *computed = NULL;
        const char *cells[5];

        if (!(cell->flags & PL_GRADEBOOK_CELL_OVERRIDDEN))
          continue;
        value = format_value (cell->value);
        computed = (cell->flags & PL_GRADEBOOK_CELL_HAS_VALUE) ? format_value (cell->computed) : g_strdup ("");
        cells[0] = gb->learner_names[i];
        cells[1] = gb->standard_codes[j];
        cells[2] = value;
        cells[3] = computed;
        cells[4] = cell->override_reason;
        append_row (out, cells, 5);
      }
  return out;
}

gboolean
pl_gradebook_csv_write (const PlGradebook  *gb,
                        GOutputStream      *out,
                        GCancellable       *cancellable,
                        GError            **error)
{
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (gb != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  text = build_csv (gb, NULL, NULL, cancellable, error);
  if (text == NULL)
    return FALSE;
  return g_output_stream_write_all (out, text->str, text->len, NULL, cancellable, error);
}

gboolean
pl_gradebook_csv_export (const PlGradebook  *gb,
                         GFile              *file,
                         GCancellable       *cancellable,
                         GError            **error)
{
  return pl_gradebook_csv_export_with_progress (gb, file, NULL, NULL, cancellable, error);
}

gboolean
pl_gradebook_csv_export_with_progress (const PlGradebook     *gb,
                                       GFile                 *file,
                                       PlExportProgressFunc   progress,
                                       gpointer               user_data,
                                       GCancellable          *cancellable,
                                       GError               **error)
{
  g_autoptr(GString) text = NULL;
  gboolean ok;

  g_return_val_if_fail (gb != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = build_csv (gb, progress, user_data, cancellable, error);
  if (text == NULL)
    return FALSE;
  /* g_file_replace_contents writes a temporary file and renames it. */
  ok = g_file_replace_contents (file, text->str, text->len, NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error);
  if (ok && progress != NULL)
    progress (1.0, user_data);
  return ok;
}
