/* pl-store-board-options.c — the options of a choice board and the
 * standards each gives evidence for
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

/* ---- options ------------------------------------------------------------ */

PlChoiceOption *
pl_store_add_option (PlStore     *store,
                     PlBoard     *board,
                     const char  *section,
                     guint        row,
                     guint        col,
                     GError     **error)
{
  g_autoptr(GListModel) options = NULL;
  g_autoptr(PlChoiceOption) option = NULL;
  gboolean menu;
  guint n;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (PL_IS_BOARD (board), NULL);

  menu = _pl_board_is_menu (board);
  options = _pl_board_options (store, board, error);
  if (options == NULL)
    return NULL;
  n = g_list_model_get_n_items (options);
  if (menu)
    {
      g_autoptr(GPtrArray) order = NULL;
      guint at = 0;

      if (g_strcmp0 (section, "must") != 0 && g_strcmp0 (section, "may") != 0)
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                       _("option: the section of a menu must be “must” or “may”, not “%s”"),
                       section != NULL ? section : "");
          return NULL;
        }
      if (n >= PL_BOARD_MAX_MENU_OPTIONS)
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                       _("option: a menu holds at most %d options"), PL_BOARD_MAX_MENU_OPTIONS);
          return NULL;
        }
      option = _pl_board_new_option (board, n + 1, n, 0, section);
      order = _pl_board_menu_order (options);
      /* At the end of its section. */
      for (at = 0; at < order->len; at++)
        if (g_str_equal (section, "must") &&
            g_strcmp0 (pl_record_get_string (order->pdata[at], "section"), "must") != 0)
          break;
      g_ptr_array_insert (order, at, g_object_ref (option));
      if (!pl_store_begin (store, error))
        return NULL;
      if (!pl_store_save (store, PL_RECORD (option), error) || !_pl_board_renumber_menu (store, board, order, error) ||
          !pl_store_commit (store, error))
        {
          pl_store_rollback (store);
          return NULL;
        }
      return g_steal_pointer (&option);
    }

  if (row >= pl_record_get_int (PL_RECORD (board), "n-rows") || col >= pl_record_get_int (PL_RECORD (board), "n-cols"))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("option: row %u, column %u is outside the grid"), row + 1, col + 1);
      return NULL;
    }
  {
    g_autoptr(PlRecord) there = _pl_board_option_at (options, row, col, NULL);

    if (there != NULL)
      {
        g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                     _("option: row %u, column %u already holds “%s”"), row + 1, col + 1,
                     pl_record_get_string (there, "title"));
        return NULL;
      }
  }
  option = _pl_board_new_option (board, n + 1, row, col, "grid");
  if (!pl_store_save (store, PL_RECORD (option), error))
    return NULL;
  return g_steal_pointer (&option);
}

/* "a, b ,, A" → "a,b": trimmed, no empty tags, each once (ignoring case). */
static char *
normalize_tags (const char *tags)
{
  g_auto(GStrv) parts = g_strsplit (tags != NULL ? tags : "", ",", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = g_strstrip (parts[i]);
      char *key;

      if (*tag == '\0')
        continue;
      key = g_utf8_casefold (tag, -1);
      if (!g_hash_table_add (seen, key))
        continue;
      g_ptr_array_add (kept, g_strdup (tag));
    }
  if (kept->len == 0)
    return NULL;
  g_ptr_array_add (kept, NULL);
  return g_strjoinv (",", (char **) kept->pdata);
}

gboolean
pl_store_save_option (PlStore         *store,
                      PlChoiceOption  *option,
                      GError         **error)
{
  PlRecord *o = PL_RECORD (option);
  g_autoptr(PlBoard) board = NULL;
  g_autofree char *format = NULL;
  g_autofree char *tags = NULL;
  const char *title = pl_record_get_string (o, "title");
  const char *grouping = pl_record_get_string (o, "grouping");
  gint64 tier = pl_record_get_int (o, "tier");
  gint64 minutes = pl_record_get_int (o, "minutes");

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (PL_IS_CHOICE_OPTION (option), FALSE);

  if (_pl_board_text_is_blank (title))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID, _("option: the title is empty"));
      return FALSE;
    }
  if (tier < 1 || tier > 3)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("option “%s”: readiness tier must be 1, 2 or 3, not %" PRId64), title, tier);
      return FALSE;
    }
  if (g_strcmp0 (grouping, "solo") != 0 && g_strcmp0 (grouping, "pair") != 0 && g_strcmp0 (grouping, "group") != 0)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("option “%s”: grouping must be solo, pair or group, not “%s”"), title,
                   grouping != NULL ? grouping : "");
      return FALSE;
    }
  if (minutes < 0 || minutes > 600)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("option “%s”: minutes must be between 0 and 600, not %" PRId64), title, minutes);
      return FALSE;
    }
  board = _pl_board_of_option (store, option, error);
  if (board == NULL)
    return FALSE;
  if (_pl_board_is_menu (board))
    {
      const char *section = pl_record_get_string (o, "section");

      if (g_strcmp0 (section, "must") != 0 && g_strcmp0 (section, "may") != 0)
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                       _("option “%s”: the section of a menu must be “must” or “may”, not “%s”"), title,
                       section != NULL ? section : "");
          return FALSE;
        }
      pl_record_set_boolean (o, "required", g_str_equal (section, "must"));
    }
  else
    {
      gint64 row = pl_record_get_int (o, "grid-row"), col = pl_record_get_int (o, "grid-col");
      g_autoptr(GListModel) options = NULL;
      g_autoptr(PlRecord) there = NULL;

      if (row < 0 || col < 0 || row >= pl_record_get_int (PL_RECORD (board), "n-rows") ||
          col >= pl_record_get_int (PL_RECORD (board), "n-cols"))
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                       _("option “%s”: row %" PRId64 ", column %" PRId64 " is outside the grid"),
                       title, row + 1, col + 1);
          return FALSE;
        }
      options = _pl_board_options (store, board, error);
      if (options == NULL)
        return FALSE;
      there = _pl_board_option_at (options, (guint) row, (guint) col, o);
      if (there != NULL)
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                       _("option “%s”: row %" PRId64 ", column %" PRId64 " already holds “%s”"),
                       title, row + 1, col + 1, pl_record_get_string (there, "title"));
          return FALSE;
        }
      pl_record_set_string (o, "section", "grid");
    }

  format = g_strstrip (g_strdup (pl_record_get_string (o, "format") != NULL ? pl_record_get_string (o, "format") : ""));
  pl_record_set_string (o, "format", *format != '\0' ? format : NULL);
  tags = normalize_tags (pl_record_get_string (o, "tags"));
  pl_record_set_string (o, "tags", tags);
  return pl_store_save (store, o, error);
}

gboolean
pl_store_move_option (PlStore         *store,
                      PlChoiceOption  *option,
                      guint            row,
                      guint            col,
                      GError         **error)
{
  g_autoptr(PlBoard) board = NULL;
  g_autoptr(GListModel) options = NULL;
  g_autoptr(PlRecord) there = NULL;
  gint64 from_row, from_col;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (PL_IS_CHOICE_OPTION (option), FALSE);

  board = _pl_board_of_option (store, option, error);
  if (board == NULL)
    return FALSE;
  if (_pl_board_is_menu (board))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("option: a menu has no squares; move the option within its list"));
      return FALSE;
    }
  if (row >= pl_record_get_int (PL_RECORD (board), "n-rows") || col >= pl_record_get_int (PL_RECORD (board), "n-cols"))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("option: row %u, column %u is outside the grid"), row + 1, col + 1);
      return FALSE;
    }
  options = _pl_board_options (store, board, error);
  if (options == NULL)
    return FALSE;
  from_row = pl_record_get_int (PL_RECORD (option), "grid-row");
  from_col = pl_record_get_int (PL_RECORD (option), "grid-col");
  there = _pl_board_option_at (options, row, col, PL_RECORD (option));

  if (!pl_store_begin (store, error))
    return FALSE;
  pl_record_set_int (PL_RECORD (option), "grid-row", row);
  pl_record_set_int (PL_RECORD (option), "grid-col", col);
  if (there != NULL)
    {
      pl_record_set_int (there, "grid-row", from_row);
      pl_record_set_int (there, "grid-col", from_col);
      if (!pl_store_save (store, there, error))
        goto fail;
    }
  if (!pl_store_save (store, PL_RECORD (option), error) || !pl_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  pl_store_rollback (store);
  pl_record_set_int (PL_RECORD (option), "grid-row", from_row);
  pl_record_set_int (PL_RECORD (option), "grid-col", from_col);
  return FALSE;
}

gboolean
pl_store_move_menu_option (PlStore         *store,
                           PlChoiceOption  *option,
                           const char      *section,
                           guint            index,
                           GError         **error)
{
  g_autoptr(PlBoard) board = NULL;
  g_autoptr(GListModel) options = NULL;
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GPtrArray) same = g_ptr_array_new ();
  guint at, first = 0;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (PL_IS_CHOICE_OPTION (option), FALSE);

  board = _pl_board_of_option (store, option, error);
  if (board == NULL)
    return FALSE;
  if (!_pl_board_is_menu (board))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID, _("option: a grid has no must-do and may-do lists"));
      return FALSE;
    }
  if (g_strcmp0 (section, "must") != 0 && g_strcmp0 (section, "may") != 0)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("option: the section of a menu must be “must” or “may”, not “%s”"), section != NULL ? section : "");
      return FALSE;
    }
  options = _pl_board_options (store, board, error);
  if (options == NULL)
    return FALSE;
  order = _pl_board_menu_order (options);
  for (guint i = 0; i < order->len; i++)
    if (g_strcmp0 (pl_record_get_uuid (order->pdata[i]), pl_record_get_uuid (PL_RECORD (option))) == 0)
      {
        g_ptr_array_remove_index (order, i);
        break;
      }
  /* Where SECTION starts and how long it is, without the option. */
  for (first = 0; first < order->len && g_str_equal (section, "may") &&
       g_strcmp0 (pl_record_get_string (order->pdata[first], "section"), "must") == 0; first++)
    ;
  for (guint i = first; i < order->len && g_strcmp0 (pl_record_get_string (order->pdata[i], "section"), section) == 0; i++)
    g_ptr_array_add (same, order->pdata[i]);
  at = first + MIN (index, same->len);
  pl_record_set_string (PL_RECORD (option), "section", section);
  g_ptr_array_insert (order, at, g_object_ref (option));

  if (!pl_store_begin (store, error))
    return FALSE;
  if (!_pl_board_renumber_menu (store, board, order, error) || !pl_store_commit (store, error))
    {
      pl_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

gboolean
pl_store_remove_option (PlStore         *store,
                        PlChoiceOption  *option,
                        GError         **error)
{
  g_autoptr(PlBoard) board = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (PL_IS_CHOICE_OPTION (option), FALSE);

  board = _pl_board_of_option (store, option, error);
  if (board == NULL)
    return FALSE;
  if (!pl_store_begin (store, error))
    return FALSE;
  if (!pl_store_delete (store, PL_RECORD (option), error))
    goto fail;
  if (_pl_board_is_menu (board))
    {
      g_autoptr(GListModel) options = _pl_board_options (store, board, error);
      g_autoptr(GPtrArray) order = options != NULL ? _pl_board_menu_order (options) : NULL;

      if (order == NULL || !_pl_board_renumber_menu (store, board, order, error))
        goto fail;
    }
  if (!pl_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  pl_store_rollback (store);
  return FALSE;
}

gboolean
pl_store_restore_option (PlStore         *store,
                         PlChoiceOption  *option,
                         GError         **error)
{
  g_autoptr(PlBoard) board = NULL;
  g_autoptr(GListModel) options = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (PL_IS_CHOICE_OPTION (option), FALSE);

  board = _pl_board_of_option (store, option, error);
  if (board == NULL)
    return FALSE;
  options = _pl_board_options (store, board, error);
  if (options == NULL)
    return FALSE;
  if (!pl_store_begin (store, error))
    return FALSE;
  if (_pl_board_is_menu (board))
    {
      g_autoptr(GPtrArray) order = _pl_board_menu_order (options);
      const char *section = pl_record_get_string (PL_RECORD (option), "section");
      gint64 was = pl_record_get_int (PL_RECORD (option), "grid-row");
      guint at = 0;

      /* Back where it was in its section: after the options of that
       * section that came before it, or at the start of the section. */
      if (g_strcmp0 (section, "must") != 0)
        while (at < order->len && g_strcmp0 (pl_record_get_string (order->pdata[at], "section"), "must") == 0)
          at++;
      while (at < order->len && g_strcmp0 (pl_record_get_string (order->pdata[at], "section"), section) == 0 &&
             pl_record_get_int (order->pdata[at], "grid-row") < was)
        at++;
      g_ptr_array_insert (order, at, g_object_ref (option));
      if (!pl_store_undelete (store, PL_RECORD (option), error) || !_pl_board_renumber_menu (store, board, order, error))
        goto fail;
    }
  else
    {
      g_autoptr(PlRecord) there = _pl_board_option_at (options, (guint) pl_record_get_int (PL_RECORD (option), "grid-row"),
                                             (guint) pl_record_get_int (PL_RECORD (option), "grid-col"), NULL);
      gint64 rows = pl_record_get_int (PL_RECORD (board), "n-rows"), cols = pl_record_get_int (PL_RECORD (board), "n-cols");
      gboolean placed = there == NULL && pl_record_get_int (PL_RECORD (option), "grid-row") < rows &&
                        pl_record_get_int (PL_RECORD (option), "grid-col") < cols;

      for (gint64 r = 0; r < rows && !placed; r++)
        for (gint64 c = 0; c < cols && !placed; c++)
          {
            g_autoptr(PlRecord) taken = _pl_board_option_at (options, (guint) r, (guint) c, NULL);

            if (taken == NULL)
              {
                pl_record_set_int (PL_RECORD (option), "grid-row", r);
                pl_record_set_int (PL_RECORD (option), "grid-col", c);
                placed = TRUE;
              }
          }
      if (!placed)
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                       _("option “%s”: the grid has no free square; make it bigger or remove an option first"),
                       pl_record_get_string (PL_RECORD (option), "title"));
          goto fail;
        }
      if (!pl_store_undelete (store, PL_RECORD (option), error))
        goto fail;
    }
  if (!pl_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  pl_store_rollback (store);
  return FALSE;
}

/* ---- standards of options --------------------------------------------- */

GListModel *
pl_store_list_option_standards (PlStore     *store,
                                const char  *option_uuid,
                                GError     **error)
{
  const char *params[] = { option_uuid, NULL };

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (option_uuid != NULL, NULL);

  return _pl_store_query (store, PL_TYPE_STANDARD,
                          "WHERE t.deleted = 0 AND t.uuid IN (SELECT standard_uuid FROM option_standard"
                          " WHERE option_uuid = ?1 AND deleted = 0) ORDER BY t.code, t.uuid",
                          params, error);
}

gboolean
pl_store_add_option_standard (PlStore     *store,
                              const char  *option_uuid,
                              const char  *standard_uuid,
                              GError     **error)
{
  g_autoptr(PlStandard) standard = NULL;
  g_autoptr(PlChoiceOption) option = NULL;
  g_autoptr(GListModel) links = NULL;
  g_autoptr(PlOptionStandard) link = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *params[] = { option_uuid, standard_uuid, NULL };

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (option_uuid != NULL && standard_uuid != NULL, FALSE);

  option = pl_store_get (store, PL_TYPE_CHOICE_OPTION, option_uuid, error);
  if (option == NULL)
    return FALSE;
  standard = pl_store_get (store, PL_TYPE_STANDARD, standard_uuid, &local_error);
  if (standard == NULL || pl_record_get_deleted (PL_RECORD (standard)))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("option “%s”: standard %s names no standard"),
                   pl_record_get_string (PL_RECORD (option), "title"), standard_uuid);
      return FALSE;
    }
  /* A live link first, so that an old tombstone is not brought back twice. */
  links = _pl_store_query (store, PL_TYPE_OPTION_STANDARD,
                           "WHERE t.option_uuid = ?1 AND t.standard_uuid = ?2 ORDER BY t.deleted, t.updated_hlc DESC",
                           params, error);
  if (links == NULL)
    return FALSE;
  if (g_list_model_get_n_items (links) > 0)
    {
      link = g_list_model_get_item (links, 0);
      if (!pl_record_get_deleted (PL_RECORD (link)))
        return TRUE;
      return pl_store_undelete (store, PL_RECORD (link), error);
    }
  link = pl_option_standard_new ();
  pl_record_set_string (PL_RECORD (link), "option-uuid", option_uuid);
  pl_record_set_string (PL_RECORD (link), "standard-uuid", standard_uuid);
  return pl_store_save (store, PL_RECORD (link), error);
}

gboolean
pl_store_remove_option_standard (PlStore     *store,
                                 const char  *option_uuid,
                                 const char  *standard_uuid,
                                 GError     **error)
{
  const char *params[] = { option_uuid, standard_uuid, NULL };
  g_autoptr(GListModel) links = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (option_uuid != NULL && standard_uuid != NULL, FALSE);

  links = _pl_store_query (store, PL_TYPE_OPTION_STANDARD,
                           "WHERE t.deleted = 0 AND t.option_uuid = ?1 AND t.standard_uuid = ?2", params, error);
  if (links == NULL)
    return FALSE;
  if (!pl_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(PlRecord) link = g_list_model_get_item (links, i);

      if (!pl_store_delete (store, link, error))
        {
          pl_store_rollback (store);
          return FALSE;
        }
    }
  return pl_store_commit (store, error);
}

GListModel *
pl_store_list_board_standards (PlStore     *store,
                               const char  *board_uuid,
                               GError     **error)
{
  const char *params[] = { board_uuid, NULL };

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (board_uuid != NULL, NULL);

  return _pl_store_query (store, PL_TYPE_STANDARD,
                          "WHERE t.deleted = 0 AND (t.uuid IN (SELECT us.standard_uuid FROM unit_standard us"
                          "   JOIN board b ON b.unit_uuid = us.unit_uuid WHERE b.uuid = ?1 AND us.deleted = 0)"
                          " OR t.uuid IN (SELECT os.standard_uuid FROM option_standard os"
                          "   JOIN choice_option o ON o.uuid = os.option_uuid"
                          "   WHERE o.board_uuid = ?1 AND o.deleted = 0 AND os.deleted = 0))"
                          " ORDER BY t.code, t.uuid",
                          params, error);
}
