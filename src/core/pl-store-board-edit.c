/* pl-store-board-edit.c — building a choice board: its layout, rules,
 * options and the standards each option gives evidence for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include <glib/gi18n.h>
#include <string.h>

#include "pl-option-standard.h"
#include "pl-standard.h"
#include "pl-store-boards.h"
#include "pl-store-boards-private.h"
#include "pl-store-private.h"
#include "pl-unit.h"

static const struct
{
  const char *id;
  const char *label;
} formats[] = {
  { "write", N_("Write") },
  { "build", N_("Build") },
  { "perform", N_("Perform") },
  { "record", N_("Record") },
  { "present", N_("Present") },
  { "draw", N_("Draw") },
};

static const char * const format_ids[] = {
  "write", "build", "perform", "record", "present", "draw", NULL
};

const char * const *
pl_option_formats (void)
{
  return format_ids;
}

const char *
pl_option_format_label (const char *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (format, formats[i].id) == 0)
      return _(formats[i].label);
  return format != NULL ? format : "";
}

const char *
pl_option_grouping_label (const char *grouping)
{
  if (g_strcmp0 (grouping, "pair") == 0)
    return _("Pair");
  if (g_strcmp0 (grouping, "group") == 0)
    return _("Group");
  if (g_strcmp0 (grouping, "solo") == 0)
    return _("Solo");
  return grouping != NULL ? grouping : "";
}

gboolean
_pl_board_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

gboolean
_pl_board_is_menu (PlBoard *board)
{
  return g_strcmp0 (pl_record_get_string (PL_RECORD (board), "layout"), "menu") == 0;
}

PlBoard *
_pl_board_of_option (PlStore         *store,
                     PlChoiceOption  *option,
                     GError         **error)
{
  const char *uuid = pl_record_get_string (PL_RECORD (option), "board-uuid");
  g_autoptr(PlBoard) board = NULL;

  if (uuid == NULL)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID, _("option: it belongs to no board"));
      return NULL;
    }
  board = pl_store_get (store, PL_TYPE_BOARD, uuid, error);
  if (board != NULL && pl_record_get_deleted (PL_RECORD (board)))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND, _("option: its board was deleted"));
      return NULL;
    }
  return g_steal_pointer (&board);
}

GListModel *
_pl_board_options (PlStore  *store,
                   PlBoard  *board,
                   GError  **error)
{
  return pl_store_list_board_options (store, pl_record_get_uuid (PL_RECORD (board)), error);
}

/* The live option in ROW, COL of BOARD other than EXCEPT, or NULL. */
PlRecord *
_pl_board_option_at (GListModel *options,
                     guint       row,
                     guint       col,
                     PlRecord   *except)
{
  for (guint i = 0; i < g_list_model_get_n_items (options); i++)
    {
      g_autoptr(PlRecord) o = g_list_model_get_item (options, i);

      if (except != NULL && g_strcmp0 (pl_record_get_uuid (o), pl_record_get_uuid (except)) == 0)
        continue;
      if (pl_record_get_int (o, "grid-row") == row && pl_record_get_int (o, "grid-col") == col)
        return g_steal_pointer (&o);
    }
  return NULL;
}

/* ---- boards ----------------------------------------------------------- */

PlBoard *
pl_store_unit_board (PlStore     *store,
                     const char  *unit_uuid,
                     GError     **error)
{
  const char *params[] = { unit_uuid, NULL };
  g_autoptr(GListModel) boards = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (unit_uuid != NULL, NULL);

  boards = _pl_store_query (store, PL_TYPE_BOARD,
                            "WHERE t.deleted = 0 AND t.unit_uuid = ?1 ORDER BY t.updated_hlc DESC LIMIT 1",
                            params, error);
  if (boards == NULL || g_list_model_get_n_items (boards) == 0)
    return NULL;
  return g_list_model_get_item (boards, 0);
}

PlChoiceOption *
_pl_board_new_option (PlBoard    *board,
                      guint       number,
                      guint       row,
                      guint       col,
                      const char *section)
{
  PlChoiceOption *option = pl_choice_option_new ();
  g_autofree char *title = g_strdup_printf (_("Option %u"), number);

  pl_record_set_string (PL_RECORD (option), "board-uuid", pl_record_get_uuid (PL_RECORD (board)));
  pl_record_set_string (PL_RECORD (option), "title", title);
  pl_record_set_int (PL_RECORD (option), "grid-row", row);
  pl_record_set_int (PL_RECORD (option), "grid-col", col);
  pl_record_set_string (PL_RECORD (option), "section", section);
  pl_record_set_boolean (PL_RECORD (option), "required", g_strcmp0 (section, "must") == 0);
  return option;
}

PlBoard *
pl_store_create_board (PlStore     *store,
                       const char  *unit_uuid,
                       const char  *layout,
                       GError     **error)
{
  g_autoptr(PlUnit) unit = NULL;
  g_autoptr(PlBoard) board = NULL;
  g_autoptr(PlBoard) existing = NULL;
  g_autofree char *title = NULL;
  const char *classroom;
  gboolean menu;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (unit_uuid != NULL, NULL);

  if (g_strcmp0 (layout, "grid") != 0 && g_strcmp0 (layout, "menu") != 0)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("board: layout must be “grid” or “menu”, not “%s”"), layout != NULL ? layout : "");
      return NULL;
    }
  menu = g_str_equal (layout, "menu");
  unit = pl_store_get (store, PL_TYPE_UNIT, unit_uuid, error);
  if (unit == NULL)
    return NULL;
  if (pl_record_get_deleted (PL_RECORD (unit)))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND, _("board: unit %s was deleted"), unit_uuid);
      return NULL;
    }
  existing = pl_store_unit_board (store, unit_uuid, error);
  if (existing != NULL)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("board: the unit “%s” already has the board “%s”"),
                   pl_record_get_string (PL_RECORD (unit), "title"),
                   pl_record_get_string (PL_RECORD (existing), "title"));
      return NULL;
    }

  classroom = pl_record_get_string (PL_RECORD (unit), "classroom-uuid");
  title = g_strdup_printf (menu ? _("%s: must do, may do") : _("%s: choice board"),
                           pl_record_get_string (PL_RECORD (unit), "title"));
  board = pl_board_new ();
  pl_record_set_string (PL_RECORD (board), "unit-uuid", unit_uuid);
  pl_record_set_string (PL_RECORD (board), "classroom-uuid", classroom);
  pl_record_set_string (PL_RECORD (board), "title", title);
  pl_record_set_string (PL_RECORD (board), "layout", layout);
  pl_record_set_int (PL_RECORD (board), "n-rows", menu ? 5 : 3);
  pl_record_set_int (PL_RECORD (board), "n-cols", menu ? 1 : 3);
  pl_record_set_int (PL_RECORD (board), "picks-required", 3);
  pl_record_set_boolean (PL_RECORD (board), "three-in-row", !menu);
  pl_record_set_int (PL_RECORD (board), "max-per-row", 0);
  pl_record_set_int (PL_RECORD (board), "max-per-col", 0);

  if (!pl_store_begin (store, error))
    return NULL;
  if (!pl_store_save (store, PL_RECORD (board), error))
    goto fail;
  for (guint i = 0; i < (menu ? 5u : 9u); i++)
    {
      g_autoptr(PlChoiceOption) option = menu ? _pl_board_new_option (board, i + 1, i, 0, i < 2 ? "must" : "may")
                                              : _pl_board_new_option (board, i + 1, i / 3, i % 3, "grid");

      if (!menu)
        pl_record_set_boolean (PL_RECORD (option), "required", i == 4);
      if (!pl_store_save (store, PL_RECORD (option), error))
        goto fail;
    }
  if (classroom != NULL && !pl_store_assign_board (store, board, classroom, NULL, error))
    goto fail;
  if (!pl_store_commit (store, error))
    goto fail;
  return g_steal_pointer (&board);

fail:
  pl_store_rollback (store);
  return NULL;
}

/* The options of BOARD as cells, for the rule checks. */
static PlBoardCell *
cells_of (PlStore     *store,
          GListModel  *options,
          GError     **error)
{
  guint n = g_list_model_get_n_items (options);
  g_autofree PlBoardCell *cells = g_new0 (PlBoardCell, MAX (n, 1));
  sqlite3_stmt *stmt = _pl_store_prepare (store, "SELECT count(*) FROM option_standard"
                                          " WHERE option_uuid = ?1 AND deleted = 0", error);

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) o = g_list_model_get_item (options, i);

      cells[i].row = (guint) MAX (pl_record_get_int (o, "grid-row"), 0);
      cells[i].col = (guint) MAX (pl_record_get_int (o, "grid-col"), 0);
      cells[i].required = pl_record_get_boolean (o, "required");
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, pl_record_get_uuid (o), -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        cells[i].n_standards = (guint) sqlite3_column_int (stmt, 0);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&cells);
}

static gboolean
check_board (PlStore     *store,
             PlBoard     *board,
             GError     **error)
{
  PlRecord *b = PL_RECORD (board);
  gint64 rows = pl_record_get_int (b, "n-rows");
  gint64 cols = pl_record_get_int (b, "n-cols");
  gint64 picks = pl_record_get_int (b, "picks-required");
  gboolean menu = _pl_board_is_menu (board);
  g_autoptr(GListModel) options = NULL;
  g_autofree PlBoardCell *cells = NULL;
  g_autofree char *why = NULL;
  PlBoardRules rules;
  guint n;

  if (_pl_board_text_is_blank (pl_record_get_string (b, "title")))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID, _("board: the title is empty"));
      return FALSE;
    }
  if (!menu && g_strcmp0 (pl_record_get_string (b, "layout"), "grid") != 0)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("board: layout must be “grid” or “menu”, not “%s”"), pl_record_get_string (b, "layout"));
      return FALSE;
    }
  if (!menu && (rows < 1 || rows > PL_BOARD_MAX_SIZE))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("board: rows must be between 1 and %d, not %" PRId64), PL_BOARD_MAX_SIZE, rows);
      return FALSE;
    }
  if (!menu && (cols < 1 || cols > PL_BOARD_MAX_SIZE))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("board: columns must be between 1 and %d, not %" PRId64), PL_BOARD_MAX_SIZE, cols);
      return FALSE;
    }
  if (pl_record_get_int (b, "max-per-row") < 0 || pl_record_get_int (b, "max-per-col") < 0)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   pl_record_get_int (b, "max-per-row") < 0
                   ? _("board: at most per row must be 0 (no limit) or more")
                   : _("board: at most per column must be 0 (no limit) or more"));
      return FALSE;
    }
  if (menu && pl_record_get_boolean (b, "three-in-row"))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("board: three in a row needs a grid, not a menu"));
      return FALSE;
    }

  options = _pl_board_options (store, board, error);
  if (options == NULL)
    return FALSE;
  n = g_list_model_get_n_items (options);
  /* A menu's rows are its options, whatever an older copy of BOARD says. */
  if (menu)
    {
      pl_record_set_int (b, "n-rows", MAX (n, 1));
      pl_record_set_int (b, "n-cols", 1);
    }
  if (picks < 1 || picks > MAX (n, 1))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "board: picks required must be between 1 and %u (the number of options), not %" PRId64,
                                "board: picks required must be between 1 and %u (the number of options), not %" PRId64,
                                MAX (n, 1)),
                   MAX (n, 1), picks);
      return FALSE;
    }
  if (!menu)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(PlRecord) o = g_list_model_get_item (options, i);

        if (pl_record_get_int (o, "grid-row") >= rows || pl_record_get_int (o, "grid-col") >= cols)
          {
            g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                         _("board: “%s” in row %" PRId64 ", column %" PRId64 " would fall outside a %"
                           PRId64 " × %" PRId64 " grid; move or remove it first"),
                         pl_record_get_string (o, "title"), pl_record_get_int (o, "grid-row") + 1,
                         pl_record_get_int (o, "grid-col") + 1, rows, cols);
            return FALSE;
          }
      }

  cells = cells_of (store, options, error);
  if (cells == NULL)
    return FALSE;
  pl_board_get_rules (board, &rules);
  /* Squares still empty count as options here: rules that only fail for
   * want of an option there are a design warning until the teacher fills
   * them, not a reason to refuse (a grid grows before it is filled). */
  if (!menu)
    {
      guint n_cells = n;

      cells = g_renew (PlBoardCell, cells, n + (gsize) (rows * cols));
      for (gint64 r = 0; r < rows; r++)
        for (gint64 c = 0; c < cols; c++)
          {
            gboolean taken = FALSE;

            for (guint i = 0; i < n && !taken; i++)
              taken = cells[i].row == r && cells[i].col == c;
            if (!taken)
              cells[n_cells++] = (PlBoardCell) { (guint) r, (guint) c, FALSE, 1 };
          }
      /* The number of picks was checked against the real options above. */
      why = pl_board_explain_impossible (&rules, cells, n_cells);
    }
  else
    why = pl_board_explain_impossible (&rules, cells, n);
  if (why != NULL)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID, _("board: the rules cannot all be met. %s"), why);
      return FALSE;
    }
  return TRUE;
}

gboolean
pl_store_save_board (PlStore  *store,
                     PlBoard  *board,
                     GError  **error)
{
  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (PL_IS_BOARD (board), FALSE);

  if (!check_board (store, board, error))
    return FALSE;
  return pl_store_save (store, PL_RECORD (board), error);
}

gboolean
pl_store_resize_board (PlStore  *store,
                       PlBoard  *board,
                       guint     n_rows,
                       guint     n_cols,
                       GError  **error)
{
  gint64 old_rows, old_cols;

  g_return_val_if_fail (PL_IS_BOARD (board), FALSE);

  if (_pl_board_is_menu (board))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID, _("board: a menu has no rows and columns to resize"));
      return FALSE;
    }
  old_rows = pl_record_get_int (PL_RECORD (board), "n-rows");
  old_cols = pl_record_get_int (PL_RECORD (board), "n-cols");
  pl_record_set_int (PL_RECORD (board), "n-rows", n_rows);
  pl_record_set_int (PL_RECORD (board), "n-cols", n_cols);
  if (pl_store_save_board (store, board, error))
    return TRUE;
  pl_record_set_int (PL_RECORD (board), "n-rows", old_rows);
  pl_record_set_int (PL_RECORD (board), "n-cols", old_cols);
  return FALSE;
}

/* A menu's rows are its options, in order: must-do first, then may-do,
 * numbered 0, 1, 2 …; ORDER holds them in the wanted order. */
gboolean
_pl_board_renumber_menu (PlStore    *store,
                         PlBoard    *board,
                         GPtrArray  *order,
                         GError    **error)
{
  for (guint i = 0; i < order->len; i++)
    {
      PlRecord *o = order->pdata[i];
      gboolean must = g_strcmp0 (pl_record_get_string (o, "section"), "must") == 0;

      if (pl_record_get_int (o, "grid-row") == i && pl_record_get_int (o, "grid-col") == 0 &&
          pl_record_get_boolean (o, "required") == must)
        continue;
      pl_record_set_int (o, "grid-row", i);
      pl_record_set_int (o, "grid-col", 0);
      pl_record_set_boolean (o, "required", must);
      if (!pl_store_save (store, o, error))
        return FALSE;
    }
  if (pl_record_get_int (PL_RECORD (board), "n-rows") != MAX (order->len, 1) ||
      pl_record_get_int (PL_RECORD (board), "n-cols") != 1)
    {
      pl_record_set_int (PL_RECORD (board), "n-rows", MAX (order->len, 1));
      pl_record_set_int (PL_RECORD (board), "n-cols", 1);
      if (!pl_store_save (store, PL_RECORD (board), error))
        return FALSE;
    }
  return TRUE;
}

/* The options of a menu, must-do first, each section in its order. */
GPtrArray *
_pl_board_menu_order (GListModel *options)
{
  GPtrArray *order = g_ptr_array_new_with_free_func (g_object_unref);

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (options); i++)
      {
        g_autoptr(PlRecord) o = g_list_model_get_item (options, i);
        gboolean must = g_strcmp0 (pl_record_get_string (o, "section"), "must") == 0;

        if (must == (pass == 0))
          g_ptr_array_add (order, g_steal_pointer (&o));
      }
  return order;
}

gboolean
pl_store_set_board_layout (PlStore     *store,
                           PlBoard     *board,
                           const char  *layout,
                           GError     **error)
{
  g_autoptr(GListModel) options = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean to_menu;
  guint n;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (PL_IS_BOARD (board), FALSE);

  if (g_strcmp0 (layout, "grid") != 0 && g_strcmp0 (layout, "menu") != 0)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("board: layout must be “grid” or “menu”, not “%s”"), layout != NULL ? layout : "");
      return FALSE;
    }
  to_menu = g_str_equal (layout, "menu");
  if (to_menu == _pl_board_is_menu (board))
    return TRUE;
  options = _pl_board_options (store, board, error);
  if (options == NULL)
    return FALSE;
  n = g_list_model_get_n_items (options);
  if (to_menu && n > PL_BOARD_MAX_MENU_OPTIONS)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("board: a menu holds at most %d options, this board has %u"), PL_BOARD_MAX_MENU_OPTIONS, n);
      return FALSE;
    }
  if (!to_menu && n > PL_BOARD_MAX_SIZE * PL_BOARD_MAX_SIZE)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("board: a grid holds at most %d options, this menu has %u"),
                   PL_BOARD_MAX_SIZE * PL_BOARD_MAX_SIZE, n);
      return FALSE;
    }

  if (!pl_store_begin (store, error))
    return FALSE;
  if (to_menu)
    {
      /* The model hands out the same objects each time: menu_order sees
       * the sections set here, and keeps the reading order of the grid. */
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PlRecord) o = g_list_model_get_item (options, i);

          pl_record_set_string (o, "section", pl_record_get_boolean (o, "required") ? "must" : "may");
          if (!pl_store_save (store, o, error))
            goto fail;
        }
      g_ptr_array_unref (order);
      order = _pl_board_menu_order (options);
      pl_record_set_string (PL_RECORD (board), "layout", "menu");
      pl_record_set_boolean (PL_RECORD (board), "three-in-row", FALSE);
      pl_record_set_int (PL_RECORD (board), "max-per-row", 0);
      pl_record_set_int (PL_RECORD (board), "max-per-col", 0);
      if (!_pl_board_renumber_menu (store, board, order, error) || !pl_store_save (store, PL_RECORD (board), error))
        goto fail;
    }
  else
    {
      guint cols = 3, rows = MAX ((n + cols - 1) / cols, 1);

      if (rows > PL_BOARD_MAX_SIZE)
        {
          cols = PL_BOARD_MAX_SIZE;
          rows = (n + cols - 1) / cols;
        }
      g_ptr_array_unref (order);
      order = _pl_board_menu_order (options);
      for (guint i = 0; i < order->len; i++)
        {
          PlRecord *o = order->pdata[i];

          pl_record_set_int (o, "grid-row", i / cols);
          pl_record_set_int (o, "grid-col", i % cols);
          pl_record_set_string (o, "section", "grid");
          if (!pl_store_save (store, o, error))
            goto fail;
        }
      pl_record_set_string (PL_RECORD (board), "layout", "grid");
      pl_record_set_int (PL_RECORD (board), "n-rows", rows);
      pl_record_set_int (PL_RECORD (board), "n-cols", cols);
      if (!pl_store_save (store, PL_RECORD (board), error))
        goto fail;
    }
  if (!pl_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  pl_store_rollback (store);
  return FALSE;
}
