/* pl-board-print.c — a choice board as a one-page learner handout
 *
 * For a classroom without devices: learners tick their picks on paper.
 * The grid is drawn like a tic-tac-toe board; every square's text
 * shrinks together until the longest one fits, so the page stays one
 * page and the squares look alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include <glib/gi18n.h>

#include "core/pl-board-rules.h"
#include "core/pl-choice-option.h"
#include "core/pl-store-boards.h"
#include "core/pl-store-standards.h"
#include "pl-board-print.h"
#include "pl-print.h"

#define MIN_FONT 5.0
#define BOX 11.0          /* the tick box of a square, in points */

typedef struct
{
  char     *title;
  char     *description;
  char     *meta;          /* format · grouping · minutes */
  char     *standards;     /* codes, comma-separated */
  gboolean  required;
  gboolean  must;          /* a menu's must-do */
  guint     row;
  guint     col;
} Cell;

struct _PlBoardSheet
{
  char         *title;
  char         *rules;
  gboolean      menu;
  PlBoardRules  grid;
  GPtrArray    *cells;
};

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_free (cell->title);
  g_free (cell->description);
  g_free (cell->meta);
  g_free (cell->standards);
  g_free (cell);
}

void
pl_board_sheet_free (PlBoardSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->title);
  g_free (sheet->rules);
  g_ptr_array_unref (sheet->cells);
  g_free (sheet);
}

static const char *
grouping_label (const char *grouping)
{
  if (g_strcmp0 (grouping, "pair") == 0)
    return _("in pairs");
  if (g_strcmp0 (grouping, "group") == 0)
    return _("in a group");
  return _("on your own");
}

static gboolean
is_must (PlRecord *option)
{
  return g_strcmp0 (pl_record_get_string (option, "section"), "must") == 0 ||
         (g_strcmp0 (pl_record_get_string (option, "section"), "may") != 0 && pl_record_get_boolean (option, "required"));
}

char *
pl_board_print_rules (PlStore *store,
                      PlBoard *board)
{
  g_autoptr(GListModel) options = NULL;
  g_autoptr(GString) s = g_string_new (NULL);
  PlBoardRules rules;
  gboolean menu;
  guint n_required = 0, n, required_at = 0;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (PL_IS_BOARD (board), NULL);

  pl_board_get_rules (board, &rules);
  menu = g_strcmp0 (pl_record_get_string (PL_RECORD (board), "layout"), "menu") == 0;
  options = pl_store_list_board_options (store, pl_record_get_uuid (PL_RECORD (board)), NULL);
  n = options != NULL ? g_list_model_get_n_items (options) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) o = g_list_model_get_item (options, i);

      if (menu ? is_must (o) : pl_record_get_boolean (o, "required"))
        {
          n_required++;
          required_at = i;
        }
    }

  if (menu)
    {
      guint more = rules.picks_required > n_required ? rules.picks_required - n_required : 0;

      if (n_required > 0 && more > 0)
        g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE,
                                                "Do every must-do option, then pick %u more from the may-do list.",
                                                "Do every must-do option, then pick %u more from the may-do list.", more),
                                more);
      else if (n_required > 0)
        g_string_append (s, _("Do every must-do option."));
      else
        g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "Pick %u option from the list.",
                                                "Pick %u options from the list.", rules.picks_required),
                                rules.picks_required);
      return g_string_free (g_steal_pointer (&s), FALSE);
    }

  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "Pick %u option", "Pick %u options", rules.picks_required),
                          rules.picks_required);
  if (rules.three_in_row)
    g_string_append (s, rules.n_rows == 3 && rules.n_cols == 3
                        ? _(" that make three in a row")
                        : _(" that make a full line across, down or corner to corner"));
  if (n_required == 1)
    {
      g_autoptr(PlRecord) o = g_list_model_get_item (options, required_at);
      gboolean centre = rules.n_rows % 2 == 1 && rules.n_cols % 2 == 1 &&
                        pl_record_get_int (o, "grid-row") == rules.n_rows / 2 &&
                        pl_record_get_int (o, "grid-col") == rules.n_cols / 2;

      if (centre)
        g_string_append (s, _("; the centre square is required"));
      else
        g_string_append_printf (s, _("; “%s” is required"), pl_record_get_string (o, "title"));
    }
  else if (n_required > 1)
    g_string_append (s, _("; the squares marked Required are required"));
  if (rules.max_per_row > 0)
    g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "; at most %u from one row", "; at most %u from one row",
                                            rules.max_per_row), rules.max_per_row);
  if (rules.max_per_col > 0)
    g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "; at most %u from one column", "; at most %u from one column",
                                            rules.max_per_col), rules.max_per_col);
  /* Translators: the end of the rules sentence on a printed board */
  g_string_append (s, _("."));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

PlBoardSheet *
pl_board_sheet_new (PlStore     *store,
                    const char  *board_uuid,
                    GError     **error)
{
  g_autoptr(PlBoard) board = NULL;
  g_autoptr(GListModel) options = NULL;
  PlBoardSheet *sheet;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (board_uuid != NULL, NULL);

  board = pl_store_get (store, PL_TYPE_BOARD, board_uuid, error);
  if (board == NULL)
    return NULL;
  options = pl_store_list_board_options (store, board_uuid, error);
  if (options == NULL)
    return NULL;

  sheet = g_new0 (PlBoardSheet, 1);
  sheet->title = g_strdup (pl_record_get_string (PL_RECORD (board), "title"));
  sheet->rules = pl_board_print_rules (store, board);
  sheet->menu = g_strcmp0 (pl_record_get_string (PL_RECORD (board), "layout"), "menu") == 0;
  pl_board_get_rules (board, &sheet->grid);
  sheet->cells = g_ptr_array_new_with_free_func (cell_free);
  for (guint i = 0; i < g_list_model_get_n_items (options); i++)
    {
      g_autoptr(PlRecord) o = g_list_model_get_item (options, i);
      g_autoptr(GListModel) standards = pl_store_list_option_standards (store, pl_record_get_uuid (o), NULL);
      g_autoptr(GString) codes = g_string_new (NULL);
      g_autoptr(GString) meta = g_string_new (NULL);
      const char *format = pl_record_get_string (o, "format");
      gint64 minutes = pl_record_get_int (o, "minutes");
      Cell *cell = g_new0 (Cell, 1);

      for (guint k = 0; standards != NULL && k < g_list_model_get_n_items (standards); k++)
        {
          g_autoptr(PlRecord) s = g_list_model_get_item (standards, k);

          if (codes->len > 0)
            g_string_append (codes, ", ");
          g_string_append (codes, pl_record_get_string (s, "code"));
        }
      if (format != NULL && *format != '\0')
        g_string_append_printf (meta, "%s · ", format);
      g_string_append (meta, grouping_label (pl_record_get_string (o, "grouping")));
      if (minutes > 0)
        g_string_append_printf (meta, _(" · %" PRId64 " min"), minutes);

      cell->title = g_strdup (pl_record_get_string (o, "title"));
      cell->description = g_strdup (pl_record_get_string (o, "description"));
      cell->meta = g_string_free (g_steal_pointer (&meta), FALSE);
      cell->standards = codes->len > 0 ? g_string_free (g_steal_pointer (&codes), FALSE) : NULL;
      cell->required = pl_record_get_boolean (o, "required");
      cell->must = is_must (o);
      cell->row = (guint) MAX (pl_record_get_int (o, "grid-row"), 0);
      cell->col = (guint) MAX (pl_record_get_int (o, "grid-col"), 0);
      g_ptr_array_add (sheet->cells, cell);
    }
  return sheet;
}

const char *
pl_board_sheet_get_title (PlBoardSheet *sheet)
{
  return sheet->title;
}

const char *
pl_board_sheet_get_rules (PlBoardSheet *sheet)
{
  return sheet->rules;
}

static char *
cell_markup (Cell     *cell,
             gboolean  compact)
{
  GString *m = g_string_new (NULL);
  g_autofree char *title = g_markup_escape_text (cell->title, -1);

  if (compact)
    {
      g_string_append_printf (m, "%s%s", cell->required ? "★ " : "", title);
      return g_string_free (m, FALSE);
    }
  g_string_append_printf (m, "<b>%s</b>", title);
  if (cell->required)
    g_string_append_printf (m, "\n<b>★ %s</b>", _("Required"));
  if (cell->description != NULL && *cell->description != '\0')
    {
      g_autofree char *d = g_markup_escape_text (cell->description, -1);
      g_string_append_printf (m, "\n%s", d);
    }
  {
    g_autofree char *meta = g_markup_escape_text (cell->meta, -1);
    g_string_append_printf (m, "\n<i>%s</i>", meta);
  }
  if (cell->standards != NULL)
    {
      g_autofree char *codes = g_markup_escape_text (cell->standards, -1);
      g_string_append_printf (m, "\n<span size='smaller'>%s %s</span>", _("Standards:"), codes);
    }
  return g_string_free (m, FALSE);
}

static PangoLayout *
new_layout (PangoContext *context,
            const char   *markup,
            double        size,
            double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
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
draw_box (cairo_t *cr,
          double   x,
          double   y)
{
  cairo_save (cr);
  cairo_set_line_width (cr, 0.8);
  cairo_rectangle (cr, x, y, BOX, BOX);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_grid (PlBoardSheet *sheet,
           cairo_t      *cr,
           PangoContext *context,
           double        x,
           double        y,
           double        w,
           double        h,
           gboolean      compact)
{
  guint rows = MAX (sheet->grid.n_rows, 1), cols = MAX (sheet->grid.n_cols, 1);
  double cw = w / cols, ch = h / rows;
  double pad = compact ? 4 : 8;
  double text_w = cw - 2 * pad - (compact ? 0 : BOX + 4);
  g_autoptr(GPtrArray) markups = g_ptr_array_new_with_free_func (g_free);
  double size;

  for (guint i = 0; i < sheet->cells->len; i++)
    g_ptr_array_add (markups, cell_markup (sheet->cells->pdata[i], compact));

  /* One size for every square: the largest at which all of them fit. */
  for (size = compact ? 9 : 11; size > MIN_FONT; size -= 0.5)
    {
      gboolean fits = TRUE;

      for (guint i = 0; i < markups->len && fits; i++)
        {
          g_autoptr(PangoLayout) l = new_layout (context, markups->pdata[i], size, text_w);
          fits = layout_height (l) <= ch - 2 * pad;
        }
      if (fits)
        break;
    }

  /* Required squares are shaded, so they show at a glance. */
  for (guint i = 0; i < sheet->cells->len; i++)
    {
      Cell *cell = sheet->cells->pdata[i];

      if (!cell->required || cell->row >= rows || cell->col >= cols)
        continue;
      cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
      cairo_rectangle (cr, x + cell->col * cw, y + cell->row * ch, cw, ch);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);

  /* A tic-tac-toe board: heavy lines between the squares. */
  cairo_set_line_width (cr, compact ? 1.2 : 2.5);
  for (guint c = 1; c < cols; c++)
    {
      cairo_move_to (cr, x + c * cw, y);
      cairo_line_to (cr, x + c * cw, y + h);
    }
  for (guint r = 1; r < rows; r++)
    {
      cairo_move_to (cr, x, y + r * ch);
      cairo_line_to (cr, x + w, y + r * ch);
    }
  cairo_stroke (cr);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, x, y, w, h);
  cairo_stroke (cr);

  for (guint i = 0; i < sheet->cells->len; i++)
    {
      Cell *cell = sheet->cells->pdata[i];
      double cx = x + cell->col * cw, cy = y + cell->row * ch;
      g_autoptr(PangoLayout) l = NULL;

      /* Off the grid: the Boards view warns about it; paper cannot show it. */
      if (cell->row >= rows || cell->col >= cols)
        continue;
      l = new_layout (context, markups->pdata[i], size, text_w);
      pango_layout_set_height (l, (int) ((ch - 2 * pad) * PANGO_SCALE));
      pango_layout_set_ellipsize (l, PANGO_ELLIPSIZE_END);
      cairo_move_to (cr, cx + pad, cy + pad);
      pango_cairo_show_layout (cr, l);
      if (!compact)
        draw_box (cr, cx + cw - pad - BOX, cy + pad);
    }
}

static char *
list_markup (PlBoardSheet *sheet,
             gboolean      compact)
{
  GString *m = g_string_new (NULL);

  for (int must = 1; must >= 0; must--)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < sheet->cells->len; i++)
        {
          Cell *cell = sheet->cells->pdata[i];
          g_autofree char *title = NULL;

          if (cell->must != (gboolean) must)
            continue;
          if (!any)
            g_string_append_printf (m, "%s<b>%s</b>\n", m->len > 0 ? "\n" : "",
                                    must ? _("Must do") : _("May do"));
          any = TRUE;
          title = g_markup_escape_text (cell->title, -1);
          if (compact)
            {
              g_string_append_printf (m, "☐ %s\n", title);
              continue;
            }
          g_string_append_printf (m, "☐ <b>%s</b>", title);
          if (cell->description != NULL && *cell->description != '\0')
            {
              g_autofree char *d = g_markup_escape_text (cell->description, -1);
              g_string_append_printf (m, " — %s", d);
            }
          {
            g_autofree char *meta = g_markup_escape_text (cell->meta, -1);
            g_string_append_printf (m, "\n    <i>%s</i>", meta);
          }
          if (cell->standards != NULL)
            {
              g_autofree char *codes = g_markup_escape_text (cell->standards, -1);
              g_string_append_printf (m, "  <span size='smaller'>%s %s</span>", _("Standards:"), codes);
            }
          g_string_append (m, "\n");
        }
    }
  return g_string_free (m, FALSE);
}

void
pl_board_sheet_draw (PlBoardSheet *sheet,
                     cairo_t      *cr,
                     PangoContext *context,
                     double        x,
                     double        y,
                     double        w,
                     double        h,
                     gboolean      compact)
{
  g_return_if_fail (sheet != NULL);

  if (!sheet->menu)
    {
      draw_grid (sheet, cr, context, x, y, w, h, compact);
      return;
    }
  {
    g_autofree char *markup = list_markup (sheet, compact);
    g_autoptr(PangoLayout) l = NULL;
    double size;

    for (size = compact ? 9 : 12; size > MIN_FONT; size -= 0.5)
      {
        g_clear_object (&l);
        l = new_layout (context, markup, size, w);
        if (layout_height (l) <= h)
          break;
      }
    pango_layout_set_height (l, (int) (h * PANGO_SCALE));
    pango_layout_set_ellipsize (l, PANGO_ELLIPSIZE_END);
    cairo_move_to (cr, x, y);
    pango_cairo_show_layout (cr, l);
  }
}

/* ---- the handout page ------------------------------------------------- */

static double
show_text (cairo_t      *cr,
           PangoContext *context,
           const char   *markup,
           double        size,
           double        x,
           double        y,
           double        w)
{
  g_autoptr(PangoLayout) l = new_layout (context, markup, size, w);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, l);
  return layout_height (l);
}

static void
draw_page_cb (GtkPrintOperation *op,
              GtkPrintContext   *context,
              int                page_nr,
              PlBoardSheet      *sheet)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  PangoContext *pango = gtk_print_context_create_pango_context (context);
  g_autoptr(GObject) pango_owner = G_OBJECT (pango);  /* no autoptr for it in Pango 1.50 */
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", sheet->title);
  g_autofree char *name = g_markup_printf_escaped ("%s ______________________________    %s ______________",
                                                   _("Name:"), _("Date:"));
  g_autofree char *rules = g_markup_escape_text (sheet->rules, -1);
  g_autofree char *tick = g_markup_escape_text (sheet->menu ? _("Tick the box of each option you choose.")
                                                            : _("Tick the box in each square you choose."), -1);
  double y = 0;

  cairo_set_source_rgb (cr, 0, 0, 0);
  y += show_text (cr, pango, title, 20, 0, y, width) + 10;
  y += show_text (cr, pango, name, 11, 0, y, width) + 14;
  y += show_text (cr, pango, rules, 13, 0, y, width) + 2;
  y += show_text (cr, pango, tick, 10, 0, y, width) + 14;
  pl_board_sheet_draw (sheet, cr, pango, 0, y, width, MAX (height - y, 72), FALSE);
}

static GtkPrintOperation *
new_operation (PlStore     *store,
               const char  *board_uuid,
               GError     **error)
{
  PlBoardSheet *sheet = pl_board_sheet_new (store, board_uuid, error);

  if (sheet == NULL)
    return NULL;
  return pl_print_one_page_new (sheet->title, G_CALLBACK (draw_page_cb), sheet, (GDestroyNotify) pl_board_sheet_free);
}

gboolean
pl_board_print_run (GtkWindow   *parent,
                    PlStore     *store,
                    const char  *board_uuid,
                    GError     **error)
{
  g_autoptr(GtkPrintOperation) op = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (board_uuid != NULL, FALSE);

  op = new_operation (store, board_uuid, error);
  if (op == NULL)
    return FALSE;
  return pl_print_run (op, parent, NULL, error);
}

gboolean
pl_board_print_to_pdf (PlStore     *store,
                       const char  *board_uuid,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(GtkPrintOperation) op = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (board_uuid != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  op = new_operation (store, board_uuid, error);
  if (op == NULL)
    return FALSE;
  return pl_print_run (op, NULL, path, error);
}
