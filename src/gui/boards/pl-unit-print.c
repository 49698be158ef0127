/* pl-unit-print.c — a unit's one-page brief, printed or as PDF
 *
 * What a learner, a family or a colleague needs of a unit on one sheet:
 * the big idea, the goals, the standards, the milestones with their
 * reflection prompts, and the choice board in miniature. Long units are
 * set smaller rather than cut.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <stdio.h>

#include "core/pl-core.h"
#include "core/pl-store-standards.h"
#include "pl-board-print.h"
#include "pl-print.h"
#include "pl-unit-print.h"

#define MIN_FONT 6.0

static char *
format_day (const char *iso)
{
  int y, m, d;
  g_autoptr(GDateTime) day = NULL;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3 ||
      (day = g_date_time_new_utc (y, m, d, 12, 0, 0)) == NULL)
    return g_strdup (iso != NULL ? iso : "");
  /* Translators: a date on a printed unit brief (g_date_time_format) */
  return g_date_time_format (day, _("%-d %B %Y"));
}

static int
compare_milestones (gconstpointer a,
                    gconstpointer b)
{
  PlRecord *x = *(PlRecord * const *) a;
  PlRecord *y = *(PlRecord * const *) b;
  gint64 px = pl_record_get_int (x, "position"), py = pl_record_get_int (y, "position");

  if (px != py)
    return px < py ? -1 : 1;
  return g_strcmp0 (pl_record_get_string (x, "due-on"), pl_record_get_string (y, "due-on"));
}

/* The unit's board: the most recently changed when there are several. */
static char *
unit_board (PlStore    *store,
            const char *unit_uuid)
{
  g_autoptr(GListModel) boards = pl_store_list_where (store, PL_TYPE_BOARD, "unit-uuid", unit_uuid, NULL);
  char *best = NULL;
  guint64 best_hlc = 0;

  for (guint i = 0; boards != NULL && i < g_list_model_get_n_items (boards); i++)
    {
      g_autoptr(PlRecord) b = g_list_model_get_item (boards, i);

      if (best == NULL || pl_record_get_updated_hlc (b) > best_hlc)
        {
          g_free (best);
          best = g_strdup (pl_record_get_uuid (b));
          best_hlc = pl_record_get_updated_hlc (b);
        }
    }
  return best;
}

static void
heading (GString    *m,
         const char *text)
{
  g_autofree char *t = g_markup_escape_text (text, -1);

  g_string_append_printf (m, "\n<b>%s</b>\n", t);
}

char *
pl_unit_print_markup (PlStore     *store,
                      const char  *unit_uuid,
                      GError     **error)
{
  g_autoptr(PlUnit) unit = NULL;
  g_autoptr(GListModel) standards = NULL;
  g_autoptr(GListModel) milestones = NULL;
  g_autoptr(GPtrArray) ordered = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  g_autofree char *title = NULL;
  GString *m;
  PlRecord *u;
  const char *idea, *goals;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (unit_uuid != NULL, NULL);

  unit = pl_store_get (store, PL_TYPE_UNIT, unit_uuid, error);
  if (unit == NULL)
    return NULL;
  u = PL_RECORD (unit);
  standards = pl_store_list_unit_standards (store, unit_uuid, error);
  if (standards == NULL)
    return NULL;
  milestones = pl_store_list_where (store, PL_TYPE_MILESTONE, "unit-uuid", unit_uuid, error);
  if (milestones == NULL)
    return NULL;

  m = g_string_new (NULL);
  title = g_markup_escape_text (pl_record_get_string (u, "title"), -1);
  g_string_append_printf (m, "<span size='xx-large' weight='bold'>%s</span>\n", title);
  starts = format_day (pl_record_get_string (u, "starts-on"));
  ends = format_day (pl_record_get_string (u, "ends-on"));
  {
    g_autoptr(PlRecord) classroom = NULL;
    g_autofree char *dates = NULL;
    g_autofree char *line = NULL;

    if (pl_record_get_string (u, "classroom-uuid") != NULL)
      classroom = pl_store_get (store, PL_TYPE_CLASSROOM, pl_record_get_string (u, "classroom-uuid"), NULL);
    /* Translators: the dates of a unit, "9 February 2026 to 22 March 2026" */
    dates = *starts != '\0' || *ends != '\0' ? g_strdup_printf (_("%s to %s"), starts, ends) : g_strdup ("");
    line = classroom != NULL && *dates != '\0'
           ? g_strdup_printf ("%s · %s", pl_record_get_string (classroom, "name"), dates)
           : g_strdup (classroom != NULL ? pl_record_get_string (classroom, "name") : dates);
    if (*line != '\0')
      {
        g_autofree char *l = g_markup_escape_text (line, -1);
        g_string_append_printf (m, "%s\n", l);
      }
  }

  idea = pl_record_get_string (u, "big-idea");
  heading (m, _("Big idea"));
  {
    g_autofree char *i = g_markup_escape_text (idea != NULL && *idea != '\0' ? idea : "—", -1);
    g_string_append_printf (m, "%s\n", i);
  }

  goals = pl_record_get_string (u, "goals");
  heading (m, _("Goals"));
  {
    g_auto(GStrv) lines = g_strsplit (goals != NULL ? goals : "", "\n", -1);
    gboolean any = FALSE;

    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_autofree char *line = NULL;

        g_strstrip (lines[i]);
        if (*lines[i] == '\0')
          continue;
        line = g_markup_escape_text (lines[i], -1);
        g_string_append_printf (m, "• %s\n", line);
        any = TRUE;
      }
    if (!any)
      g_string_append (m, "—\n");
  }

  heading (m, _("Standards"));
  for (guint i = 0; i < g_list_model_get_n_items (standards); i++)
    {
      g_autoptr(PlRecord) s = g_list_model_get_item (standards, i);
      g_autofree char *line = g_markup_printf_escaped ("<b>%s</b>  %s\n", pl_record_get_string (s, "code"),
                                                       pl_record_get_string (s, "statement"));
      g_string_append (m, line);
    }
  if (g_list_model_get_n_items (standards) == 0)
    g_string_append (m, "—\n");

  heading (m, _("Milestones"));
  for (guint i = 0; i < g_list_model_get_n_items (milestones); i++)
    g_ptr_array_add (ordered, g_list_model_get_item (milestones, i));
  g_ptr_array_sort (ordered, compare_milestones);
  for (guint i = 0; i < ordered->len; i++)
    {
      PlRecord *ms = ordered->pdata[i];
      g_autofree char *due = format_day (pl_record_get_string (ms, "due-on"));
      const char *prompt = pl_record_get_string (ms, "reflection-prompt");
      g_autofree char *line = NULL;

      /* Translators: a milestone on a printed brief: title, due date, must do or optional */
      line = g_markup_printf_escaped (_("☐ <b>%s</b> — due %s · %s\n"), pl_record_get_string (ms, "title"), due,
                                      pl_record_get_boolean (ms, "must-do") ? _("must do") : _("optional"));
      g_string_append (m, line);
      if (prompt != NULL && *prompt != '\0')
        {
          g_autofree char *p = g_markup_printf_escaped ("    <i>%s %s</i>\n", _("Reflection:"), prompt);
          g_string_append (m, p);
        }
    }
  if (ordered->len == 0)
    g_string_append (m, "—\n");
  return g_string_free (m, FALSE);
}

typedef struct
{
  char         *markup;
  PlBoardSheet *board;    /* or NULL */
} Brief;

static void
brief_free (gpointer data)
{
  Brief *brief = data;

  g_free (brief->markup);
  g_clear_pointer (&brief->board, pl_board_sheet_free);
  g_free (brief);
}

static PangoLayout *
text_layout (PangoContext *context,
             const char   *markup,
             double        size,
             double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static void
draw_page_cb (GtkPrintOperation *op,
              GtkPrintContext   *context,
              int                page_nr,
              Brief             *brief)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  PangoContext *pango = gtk_print_context_create_pango_context (context);
  g_autoptr(GObject) pango_owner = G_OBJECT (pango);  /* no autoptr for it in Pango 1.50 */
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double grid_h = brief->board != NULL ? MIN (190, height / 4) : 0;
  double scale = 1.0, text_h = 0, y;
  g_autofree char *markup = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  int lw, lh;

  if (brief->board != NULL)
    {
      g_autofree char *t = g_markup_escape_text (pl_board_sheet_get_title (brief->board), -1);
      g_autofree char *r = g_markup_escape_text (pl_board_sheet_get_rules (brief->board), -1);
      g_autofree char *h = g_markup_escape_text (_("Choice board"), -1);

      markup = g_strdup_printf ("%s\n<b>%s: %s</b>\n%s", brief->markup, h, t, r);
    }
  else
    markup = g_strdup (brief->markup);

  /* The largest size at which text and board fit; then, past the
   * smallest readable size, the whole page is scaled down. */
  for (double size = 11; size >= MIN_FONT; size -= 0.5)
    {
      g_clear_object (&layout);
      layout = text_layout (pango, markup, size, width);
      pango_layout_get_size (layout, &lw, &lh);
      text_h = (double) lh / PANGO_SCALE;
      if (text_h + 8 + grid_h <= height)
        break;
    }
  if (text_h + 8 + grid_h > height)
    scale = height / (text_h + 8 + grid_h);

  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
  y = text_h + 8;
  if (brief->board != NULL)
    pl_board_sheet_draw (brief->board, cr, pango, 0, y, width, grid_h, TRUE);
}

static GtkPrintOperation *
new_operation (PlStore     *store,
               const char  *unit_uuid,
               GError     **error)
{
  g_autofree char *markup = pl_unit_print_markup (store, unit_uuid, error);
  g_autofree char *board = NULL;
  g_autoptr(PlRecord) unit = NULL;
  g_autofree char *job = NULL;
  Brief *brief;

  if (markup == NULL)
    return NULL;
  brief = g_new0 (Brief, 1);
  brief->markup = g_steal_pointer (&markup);
  board = unit_board (store, unit_uuid);
  if (board != NULL)
    brief->board = pl_board_sheet_new (store, board, NULL);
  unit = pl_store_get (store, PL_TYPE_UNIT, unit_uuid, NULL);
  job = g_strdup_printf (_("Unit brief: %s"), pl_record_get_string (unit, "title"));

  return pl_print_one_page_new (job, G_CALLBACK (draw_page_cb), brief, brief_free);
}

gboolean
pl_unit_print_run (GtkWindow   *parent,
                   PlStore     *store,
                   const char  *unit_uuid,
                   GError     **error)
{
  g_autoptr(GtkPrintOperation) op = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (unit_uuid != NULL, FALSE);

  op = new_operation (store, unit_uuid, error);
  if (op == NULL)
    return FALSE;
  return pl_print_run (op, parent, NULL, error);
}

gboolean
pl_unit_print_to_pdf (PlStore     *store,
                      const char  *unit_uuid,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(GtkPrintOperation) op = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (unit_uuid != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  op = new_operation (store, unit_uuid, error);
  if (op == NULL)
    return FALSE;
  return pl_print_run (op, NULL, path, error);
}
