/* pl-checkins-print.c — a learner's goals and check-ins as a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "core/pl-store-goals.h"
#include "pl-checkins-print.h"

#define PAGE_W 595.0   /* A4 in points */
#define PAGE_H 842.0
#define MARGIN 56.0

typedef struct
{
  cairo_t *cr;
  double   y;
} Page;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  GOutputStream *out = closure;

  return g_output_stream_write_all (out, data, length, NULL, NULL, NULL)
         ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* Lays out TEXT at the current line, starting a new page when it would not fit. */
static void
paragraph (Page       *page,
           const char *text,
           const char *font,
           double      space_after)
{
  PangoLayout *layout = pango_cairo_create_layout (page->cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  int w, h;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) ((PAGE_W - 2 * MARGIN) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  if (page->y + h / (double) PANGO_SCALE > PAGE_H - MARGIN)
    {
      cairo_show_page (page->cr);
      page->y = MARGIN;
    }
  cairo_move_to (page->cr, MARGIN, page->y);
  pango_cairo_show_layout (page->cr, layout);
  page->y += h / (double) PANGO_SCALE + space_after;
  pango_font_description_free (desc);
  g_object_unref (layout);
}

gboolean
pl_checkins_print_pdf (PlStore     *store,
                       const char  *learner_uuid,
                       const char  *learner_name,
                       GFile       *file,
                       GError     **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GListModel) goals = NULL;
  g_autoptr(GListModel) checkins = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  Page page = { NULL, MARGIN };
  g_autofree char *title = NULL;
  g_autoptr(GArray) weeks = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (learner_uuid != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  goals = pl_store_list_goals (store, learner_uuid, error);
  if (goals == NULL)
    return FALSE;
  checkins = pl_store_list_checkins (store, learner_uuid, error);
  if (checkins == NULL)
    return FALSE;
  weeks = pl_store_marker_weeks (store, learner_uuid, error);
  if (weeks == NULL)
    return FALSE;

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (out == NULL)
    return FALSE;

  surface = cairo_pdf_surface_create_for_stream (write_cb, out, PAGE_W, PAGE_H);
  page.cr = cairo_create (surface);
  cairo_set_source_rgb (page.cr, 0, 0, 0);

  title = g_strdup_printf (_("%s — Goals and Check-ins"), learner_name != NULL ? learner_name : "");
  paragraph (&page, title, "Sans Bold 18", 18);

  paragraph (&page, _("Goals"), "Sans Bold 13", 6);
  if (g_list_model_get_n_items (goals) == 0)
    paragraph (&page, _("No goal yet."), "Sans 10", 6);
  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(PlGoal) g = g_list_model_get_item (goals, i);
      g_autoptr(GListModel) history = pl_store_list_goal_history (store, pl_record_get_uuid (PL_RECORD (g)), NULL);
      g_autofree char *dated = pl_goal_history_describe (g, history);
      const char *target = pl_record_get_string (PL_RECORD (g), "target-on");
      const char *revises = pl_record_get_string (PL_RECORD (g), "revises-uuid");
      g_autoptr(GString) line = g_string_new (pl_record_get_string (PL_RECORD (g), "body"));

      g_string_append_printf (line, "\n%s", dated);
      if (target != NULL)
        {
          g_string_append (line, " · ");
          g_string_append_printf (line, pl_goal_is_past_due (g, NULL) ? _("past due: the target was %s") : _("by %s"),
                                  target);
        }
      for (guint k = 0; revises != NULL && k < g_list_model_get_n_items (goals); k++)
        {
          g_autoptr(PlRecord) other = g_list_model_get_item (goals, k);

          if (g_strcmp0 (pl_record_get_uuid (other), revises) == 0)
            {
              g_string_append_c (line, '\n');
              g_string_append_printf (line, _("Replaces: %s"), pl_record_get_string (other, "body"));
            }
        }
      paragraph (&page, line->str, "Sans 10", 6);
    }
  page.y += 10;

  if (weeks->len > 0)
    {
      g_autofree char *over_time = pl_marker_weeks_describe (weeks);

      paragraph (&page, _("Self-regulation seen in check-ins, week by week"), "Sans Bold 13", 6);
      paragraph (&page, over_time, "Sans 10", 14);
    }

  paragraph (&page, _("Check-ins"), "Sans Bold 13", 6);
  if (g_list_model_get_n_items (checkins) == 0)
    paragraph (&page, _("No check-in yet."), "Sans 10", 6);
  for (guint i = 0; i < g_list_model_get_n_items (checkins); i++)
    {
      g_autoptr(PlRecord) c = g_list_model_get_item (checkins, i);
      g_autoptr(GString) body = g_string_new (NULL);
      g_autofree char *head = pl_record_get_int (c, "progress") > 0
        ? g_strdup_printf (_("Week of %s — progress %d of 4"), pl_record_get_string (c, "week-of"),
                           (int) pl_record_get_int (c, "progress"))
        : g_strdup_printf (_("Week of %s"), pl_record_get_string (c, "week-of"));
      const struct { const char *column; const char *label; } fields[] = {
        { "worked", N_("What worked") }, { "hard", N_("What was hard") },
        { "strategy", N_("Strategy to try next") }, { "help-needed", N_("Help needed") },
        { "next-step", N_("Next step") },
        { "reflection", N_("Reflection") },
      };

      paragraph (&page, head, "Sans Bold 10", 2);
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          const char *v = pl_record_get_string (c, fields[f].column);

          if (v != NULL && v[0] != '\0')
            g_string_append_printf (body, "%s%s: %s", body->len > 0 ? "\n" : "", _(fields[f].label), v);
        }
      {
        g_autofree char *seen = pl_markers_describe (pl_record_get_string (c, "markers"));

        if (seen != NULL)
          {
            g_string_append (body, body->len > 0 ? "\n" : "");
            g_string_append_printf (body, _("Self-regulation seen: %s"), seen);
          }
      }
      if (body->len > 0)
        paragraph (&page, body->str, "Sans 10", 8);
    }

  cairo_destroy (page.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the PDF: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}
