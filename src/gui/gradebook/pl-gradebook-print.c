/* pl-gradebook-print.c — PDFs of a rubric and of a learner's standards report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "core/pl-core.h"
#include "core/pl-store-rubrics.h"
#include "pl-gradebook-print.h"

#define MM (72.0 / 25.4)
#define MARGIN (15 * MM)

static PangoLayout *
layout_new (cairo_t    *cr,
            const char *markup,
            double      width,
            double      size_pt)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_size (font, (int) (size_pt * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static void
draw_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static gboolean
finish (cairo_surface_t  *surface,
        cairo_t          *cr,
        const char       *path,
        GError          **error)
{
  cairo_status_t status;

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: cannot write the PDF: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* The header row of a rubric: each level with its points or range; the
 * y below it. */
static double
draw_level_header (cairo_t    *cr,
                   GListModel *levels,
                   double      y,
                   double      first_w,
                   double      col_w)
{
  guint n_levels = g_list_model_get_n_items (levels);
  double h = 0;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_object_unref);

  cairo_set_line_width (cr, 0.5);
  for (guint j = 0; j < n_levels; j++)
    {
      g_autoptr(PlRubricLevel) level = g_list_model_get_item (levels, j);
      g_autofree char *markup = NULL;
      double lo, hi;

      if (pl_rubric_level_get_range (level, &lo, &hi))
        markup = g_markup_printf_escaped (_("<b>%s</b>\n%g–%g points"),
                                          pl_record_get_string (PL_RECORD (level), "title"), lo, hi);
      else
        markup = g_markup_printf_escaped (_("<b>%s</b>\n%g points"),
                                          pl_record_get_string (PL_RECORD (level), "title"),
                                          pl_record_get_double (PL_RECORD (level), "points"));
      g_ptr_array_add (cells, layout_new (cr, markup, col_w - 4 * MM, 10));
      h = MAX (h, layout_height (g_ptr_array_index (cells, j)));
    }
  h += 4 * MM;
  for (guint j = 0; j < n_levels; j++)
    {
      draw_layout (cr, g_ptr_array_index (cells, j), MARGIN + first_w + j * col_w + 2 * MM, y + 2 * MM);
      cairo_rectangle (cr, MARGIN + first_w + j * col_w, y, col_w, h);
    }
  cairo_rectangle (cr, MARGIN, y, first_w, h);
  cairo_stroke (cr);
  return y + h;
}

gboolean
pl_gradebook_print_rubric_pdf (PlStore     *store,
                               const char  *rubric_uuid,
                               const char  *path,
                               GError     **error)
{
  const double page_w = 297 * MM, page_h = 210 * MM;
  g_autoptr(PlRubric) rubric = NULL;
  g_autoptr(GListModel) criteria = NULL;
  g_autoptr(GListModel) levels = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_levels;
  double y, col_w, first_w;
  g_autofree char *heading = NULL;
  PangoLayout *layout;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  rubric = pl_store_get (store, PL_TYPE_RUBRIC, rubric_uuid, error);
  if (rubric == NULL)
    return FALSE;
  criteria = pl_store_list_criteria (store, rubric_uuid, error);
  levels = criteria != NULL ? pl_store_list_levels (store, rubric_uuid, error) : NULL;
  if (levels == NULL)
    return FALSE;
  n_levels = g_list_model_get_n_items (levels);

  surface = cairo_pdf_surface_create (path, page_w, page_h);
  cr = cairo_create (surface);

  heading = g_markup_printf_escaped ("<b><big>%s</big></b>\n%s",
                                     pl_record_get_string (PL_RECORD (rubric), "title"),
                                     pl_record_get_string (PL_RECORD (rubric), "description") ?: "");
  layout = layout_new (cr, heading, page_w - 2 * MARGIN, 12);
  draw_layout (cr, layout, MARGIN, MARGIN);
  y = MARGIN + layout_height (layout) + 4 * MM;
  g_object_unref (layout);

  first_w = 55 * MM;
  col_w = n_levels > 0 ? (page_w - 2 * MARGIN - first_w) / n_levels : 0;
  cairo_set_line_width (cr, 0.5);

  y = draw_level_header (cr, levels, y, first_w, col_w);
  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr(PlRecord) criterion = g_list_model_get_item (criteria, i);
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(PlStandard) standard = NULL;
      const char *standard_uuid = pl_record_get_string (criterion, "standard_uuid");
      g_autofree char *markup = NULL;
      double h;

      if (standard_uuid != NULL)
        standard = pl_store_get (store, PL_TYPE_STANDARD, standard_uuid, NULL);
      markup = g_markup_printf_escaped ("<b>%s</b>\n<small>%s</small>",
                                        pl_record_get_string (criterion, "title"),
                                        standard ? pl_record_get_string (PL_RECORD (standard), "code") : "");
      g_ptr_array_add (cells, layout_new (cr, markup, first_w - 4 * MM, 10));
      h = layout_height (g_ptr_array_index (cells, 0));
      for (guint j = 0; j < n_levels; j++)
        {
          g_autoptr(PlRecord) level = g_list_model_get_item (levels, j);
          g_autofree char *body = pl_store_get_descriptor (store, pl_record_get_uuid (criterion),
                                                           pl_record_get_uuid (level));
          g_autofree char *escaped = g_markup_escape_text (body, -1);

          g_ptr_array_add (cells, layout_new (cr, escaped, col_w - 4 * MM, 9));
          h = MAX (h, layout_height (g_ptr_array_index (cells, j + 1)));
        }
      h += 4 * MM;
      if (y + h > page_h - MARGIN)
        {
          /* Each page repeats the levels, so a page read alone makes sense. */
          cairo_show_page (cr);
          y = draw_level_header (cr, levels, MARGIN, first_w, col_w);
        }
      draw_layout (cr, g_ptr_array_index (cells, 0), MARGIN + 2 * MM, y + 2 * MM);
      cairo_rectangle (cr, MARGIN, y, first_w, h);
      for (guint j = 0; j < n_levels; j++)
        {
          draw_layout (cr, g_ptr_array_index (cells, j + 1), MARGIN + first_w + j * col_w + 2 * MM, y + 2 * MM);
          cairo_rectangle (cr, MARGIN + first_w + j * col_w, y, col_w, h);
        }
      cairo_stroke (cr);
      y += h;
    }
  cairo_show_page (cr);
  return finish (surface, cr, path, error);
}

gboolean
pl_gradebook_print_report_pdf (const PlGradebook  *gb,
                               guint               learner,
                               const char         *path,
                               GError            **error)
{
  const double page_w = 210 * MM, page_h = 297 * MM;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autofree char *heading = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%x");
  PangoLayout *layout;
  double y;

  g_return_val_if_fail (gb != NULL && learner < gb->n_learners, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, page_w, page_h);
  cr = cairo_create (surface);

  heading = g_markup_printf_escaped (_("<b><big>Standards report: %s</big></b>\n%s · %s\n"
                                       "<small>Each standard shows the learner’s level (0–4: Beginning 1, "
                                       "Developing 2, Proficient 3, Exceeding 4) rolled up from the "
                                       "evidence with the method named; there is no average of everything.</small>"),
                                     gb->learner_names[learner], gb->classroom_name, today);
  layout = layout_new (cr, heading, page_w - 2 * MARGIN, 11);
  draw_layout (cr, layout, MARGIN, MARGIN);
  y = MARGIN + layout_height (layout) + 6 * MM;
  g_object_unref (layout);

  for (guint j = 0; j < gb->n_standards; j++)
    {
      const PlGradebookCell *cell = pl_gradebook_get_cell (gb, learner, j);
      g_autofree char *level = NULL;
      g_autofree char *markup = NULL;
      g_autofree char *override = NULL;
      double h;

      g_autofree char *method = pl_gradebook_method_describe (gb->standard_methods[j], gb->standard_params[j],
                                                              gb->standard_mastery_levels[j]);

      if (cell->flags & (PL_GRADEBOOK_CELL_HAS_VALUE | PL_GRADEBOOK_CELL_OVERRIDDEN))
        level = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%.2f · %s (%u piece of evidence)",
                                              "%.2f · %s (%u pieces of evidence)", cell->n_evidence),
                                 cell->value, pl_gradebook_level_name (cell->value), cell->n_evidence);
      else if (cell->n_evidence > 0 && g_strcmp0 (gb->standard_methods[j], "n-mastery") == 0)
        /* Evidence, but not yet enough of it at the mastery level. */
        level = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Not yet mastered by the n-mastery rule (%u piece of evidence)",
                                              "Not yet mastered by the n-mastery rule (%u pieces of evidence)",
                                              cell->n_evidence), cell->n_evidence);
      else if (cell->n_evidence > 0)
        level = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "No value yet (%u piece of evidence)",
                                              "No value yet (%u pieces of evidence)", cell->n_evidence),
                                 cell->n_evidence);
      else
        level = g_strdup (_("No evidence yet"));
      if (cell->flags & PL_GRADEBOOK_CELL_OVERRIDDEN)
        override = g_markup_printf_escaped (_("\n<i>Set by the teacher: %s</i>"), cell->override_reason);
      /* Translators: a standard in a learner's report: code, statement, level, method with its numbers. */
      markup = g_markup_printf_escaped (_("<b>%s</b> %s\n%s — method: %s"),
                                        gb->standard_codes[j], gb->standard_statements[j], level, method);
      if (override != NULL)
        {
          char *joined = g_strconcat (markup, override, NULL);

          g_free (markup);
          markup = joined;
        }
      layout = layout_new (cr, markup, page_w - 2 * MARGIN, 10);
      h = layout_height (layout) + 4 * MM;
      if (y + h > page_h - MARGIN)
        {
          cairo_show_page (cr);
          y = MARGIN;
        }
      draw_layout (cr, layout, MARGIN, y);
      g_object_unref (layout);
      y += h;
    }
  cairo_show_page (cr);
  return finish (surface, cr, path, error);
}
