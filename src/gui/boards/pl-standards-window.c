/* pl-standards-window.c — frameworks and their standards: the tree, search,
 * adding, editing and deleting by hand
 *
 * Frameworks may hold thousands of standards, so the tree is a
 * GtkListView over a GtkTreeListModel whose children are read from the
 * store only when a row is expanded. A search shows a flat list of every
 * standard whose code or statement holds the words typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "core/pl-store-standards.h"
#include "pl-standard-editor.h"
#include "pl-standards-window-private.h"

G_DEFINE_FINAL_TYPE (PlStandardsWindow, pl_standards_window, ADW_TYPE_WINDOW)

static GQuark search_key_quark;

void
_pl_standards_window_toast (PlStandardsWindow *self,
                            AdwToast          *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_pl_standards_window_show_dialog (PlStandardsWindow *self,
                                  AdwMessageDialog  *dialog)
{
  if (self->dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
  self->dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
searching (PlStandardsWindow *self)
{
  return self->needle != NULL;
}

void
_pl_standards_window_update_state (PlStandardsWindow *self)
{
  GListModel *frameworks = gtk_tree_list_model_get_model (self->tree);
  guint n_frameworks = g_list_model_get_n_items (frameworks);
  guint n_standards = pl_store_count (self->store, "standard", FALSE);
  g_autofree char *subtitle = NULL;
  const char *page;

  if (self->cancellable != NULL)
    page = "busy";
  else if (searching (self))
    page = g_list_model_get_n_items (G_LIST_MODEL (self->matches)) > 0 ? "tree" : "no-results";
  else
    page = n_frameworks > 0 ? "tree" : "empty";
  gtk_stack_set_visible_child_name (self->stack, page);

  if (n_frameworks > 0)
    {
      g_autofree char *f = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u framework", "%u frameworks", n_frameworks),
                                            n_frameworks);
      g_autofree char *s = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u standard", "%u standards", n_standards),
                                            n_standards);
      /* Translators: "2 frameworks · 14 standards" under the window title */
      subtitle = g_strdup_printf (_("%s · %s"), f, s);
    }
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
}

/* ---- the tree --------------------------------------------------------- */

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  PlStandardsWindow *self = user_data;
  g_autoptr(GListModel) children = NULL;

  if (PL_IS_FRAMEWORK (item))
    children = pl_store_list_standard_children (self->store, pl_record_get_uuid (item), NULL, NULL);
  else if (PL_IS_STANDARD (item))
    children = pl_store_list_standard_children (self->store, pl_record_get_string (item, "framework-uuid"),
                                                pl_record_get_uuid (item), NULL);
  /* No expander on a leaf; a framework shows its (maybe empty) list. */
  if (children == NULL || (g_list_model_get_n_items (children) == 0 && !PL_IS_FRAMEWORK (item)))
    return NULL;
  return g_steal_pointer (&children);
}

static GListModel *
no_children_cb (gpointer item,
                gpointer user_data)
{
  return NULL;
}

static gpointer
selected_item (PlStandardsWindow *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);

  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
}

static void
update_actions (PlStandardsWindow *self)
{
  g_autoptr(GObject) item = selected_item (self);
  gboolean standard = item != NULL && PL_IS_STANDARD (item);
  gboolean idle = self->cancellable == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "standards.edit", standard && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "standards.delete", standard && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "standards.import", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "standards.add", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "standards.cancel-import", !idle);
}

static void
on_selection_changed_cb (PlStandardsWindow *self)
{
  update_actions (self);
}

/* Expanded rows and the selection survive a reload. */
static GHashTable *
expanded_uuids (GtkTreeListModel *tree)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (tree));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (tree, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (gtk_tree_list_row_get_expanded (row))
        g_hash_table_add (set, g_strdup (pl_record_get_uuid (PL_RECORD (item))));
    }
  return set;
}

static void
expand_uuids (GtkTreeListModel *tree,
              GHashTable       *set)
{
  /* Expanding a row adds rows after it: the length grows as we go. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (tree)); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (tree, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (set == NULL ? PL_IS_FRAMEWORK (item)
                      : g_hash_table_contains (set, pl_record_get_uuid (PL_RECORD (item))))
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
}

static guint
find_row (GtkTreeListModel *tree,
          const char       *uuid)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (tree));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (tree, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (g_strcmp0 (pl_record_get_uuid (PL_RECORD (item)), uuid) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
select_position (PlStandardsWindow *self,
                 guint              position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

gboolean
pl_standards_window_select (PlStandardsWindow *self,
                            const char        *uuid)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PlRecord) record = NULL;
  guint position;

  g_return_val_if_fail (PL_IS_STANDARDS_WINDOW (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (searching (self))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  /* The framework and each ancestor, from the top down. */
  record = pl_store_get (self->store, PL_TYPE_STANDARD, uuid, NULL);
  if (record != NULL)
    {
      g_autoptr(PlRecord) up = g_object_ref (record);

      while (up != NULL && pl_record_get_string (up, "parent-uuid") != NULL && chain->len < 64)
        {
          PlRecord *parent = pl_store_get (self->store, PL_TYPE_STANDARD, pl_record_get_string (up, "parent-uuid"), NULL);

          if (parent == NULL)
            break;
          g_ptr_array_insert (chain, 0, g_strdup (pl_record_get_uuid (parent)));
          g_object_unref (up);
          up = parent;
        }
      g_ptr_array_insert (chain, 0, g_strdup (pl_record_get_string (record, "framework-uuid")));
    }
  for (guint i = 0; i < chain->len; i++)
    {
      guint at = find_row (self->tree, chain->pdata[i]);

      if (at != GTK_INVALID_LIST_POSITION)
        {
          g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, at);
          gtk_tree_list_row_set_expanded (row, TRUE);
        }
    }
  position = find_row (self->tree, uuid);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  select_position (self, position);
  return TRUE;
}

static void
load_search_list (PlStandardsWindow *self)
{
  g_autoptr(GListModel) frameworks = pl_store_list_frameworks (self->store, NULL);
  g_autoptr(GListModel) all = pl_store_list_standards_in_order (self->store, NULL, NULL, NULL);
  guint n = all != NULL ? g_list_model_get_n_items (all) : 0;

  g_hash_table_remove_all (self->framework_titles);
  for (guint i = 0; frameworks != NULL && i < g_list_model_get_n_items (frameworks); i++)
    {
      g_autoptr(PlRecord) f = g_list_model_get_item (frameworks, i);

      g_hash_table_insert (self->framework_titles, g_strdup (pl_record_get_uuid (f)),
                           g_strdup (pl_record_get_string (f, "title")));
    }
  /* Folded once here, not on every key press. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) s = g_list_model_get_item (all, i);
      g_autofree char *text = g_strconcat (pl_record_get_string (s, "code"), "\n",
                                           pl_record_get_string (s, "statement"), NULL);

      g_object_set_qdata_full (G_OBJECT (s), search_key_quark, g_utf8_casefold (text, -1), g_free);
    }
  if (all == NULL)
    all = G_LIST_MODEL (g_list_store_new (PL_TYPE_STANDARD));
  g_set_object (&self->all_standards, all);
  gtk_filter_list_model_set_model (self->matches, self->all_standards);
}

static void
reload (PlStandardsWindow *self)
{
  g_autoptr(GHashTable) expanded = NULL;
  g_autoptr(GListModel) frameworks = NULL;
  g_autoptr(GObject) was_selected = selected_item (self);
  g_autofree char *select = NULL;
  GtkTreeListModel *old = self->tree;
  gboolean first = old == NULL || g_list_model_get_n_items (gtk_tree_list_model_get_model (old)) == 0;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->pending_select != NULL)
    select = g_steal_pointer (&self->pending_select);
  else if (was_selected != NULL)
    select = g_strdup (pl_record_get_uuid (PL_RECORD (was_selected)));

  expanded = old != NULL && !first ? expanded_uuids (old) : NULL;
  frameworks = pl_store_list_frameworks (self->store, NULL);
  if (frameworks == NULL)
    frameworks = G_LIST_MODEL (g_list_store_new (PL_TYPE_FRAMEWORK));
  /* A framework that just arrived opens like the first ones did. */
  if (expanded != NULL)
    {
      GListModel *known = gtk_tree_list_model_get_model (old);
      g_autoptr(GHashTable) had = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < g_list_model_get_n_items (known); i++)
        {
          g_autoptr(PlRecord) f = g_list_model_get_item (known, i);
          g_hash_table_add (had, (gpointer) g_intern_string (pl_record_get_uuid (f)));
        }
      for (guint i = 0; i < g_list_model_get_n_items (frameworks); i++)
        {
          g_autoptr(PlRecord) f = g_list_model_get_item (frameworks, i);

          if (!g_hash_table_contains (had, pl_record_get_uuid (f)))
            g_hash_table_add (expanded, g_strdup (pl_record_get_uuid (f)));
        }
    }
  self->tree = gtk_tree_list_model_new (g_steal_pointer (&frameworks), FALSE, FALSE, create_children_cb, self, NULL);
  /* At first every framework shows its top standards. */
  expand_uuids (self->tree, expanded);
  if (!searching (self))
    gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree));
  g_clear_object (&old);

  /* The flat list is read again only when a search shows it. */
  if (searching (self))
    {
      load_search_list (self);
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
    }
  else
    {
      g_clear_object (&self->all_standards);
      gtk_filter_list_model_set_model (self->matches, NULL);
    }
  if (select != NULL && !searching (self))
    pl_standards_window_select (self, select);
  _pl_standards_window_update_state (self);
  update_actions (self);
}

static gboolean
reload_idle_cb (gpointer data)
{
  PlStandardsWindow *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (PlStore           *store,
                     const char        *table,
                     PlStandardsWindow *self)
{
  /* An import changes many rows at once: one reload. */
  if (g_strcmp0 (table, "standard") == 0 || g_strcmp0 (table, "framework") == 0)
    {
      if (self->reload_id == 0)
        self->reload_id = g_idle_add (reload_idle_cb, self);
    }
}

/* ---- rows ------------------------------------------------------------- */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *code = gtk_label_new (NULL);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *statement = gtk_label_new (NULL);
  GtkWidget *where = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (code), 0);
  gtk_label_set_width_chars (GTK_LABEL (code), 10);
  gtk_widget_set_valign (code, GTK_ALIGN_START);
  gtk_widget_add_css_class (code, "heading");
  gtk_label_set_xalign (GTK_LABEL (statement), 0);
  gtk_label_set_wrap (GTK_LABEL (statement), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (statement), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (statement), 3);
  gtk_label_set_ellipsize (GTK_LABEL (statement), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (statement, TRUE);
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_label_set_ellipsize (GTK_LABEL (where), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (where, "dim-label");
  gtk_widget_add_css_class (where, "caption");
  gtk_box_append (GTK_BOX (text), statement);
  gtk_box_append (GTK_BOX (text), where);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), code);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  g_object_set_data (G_OBJECT (expander), "code", code);
  g_object_set_data (G_OBJECT (expander), "statement", statement);
  g_object_set_data (G_OBJECT (expander), "where", where);
  gtk_list_item_set_child (item, expander);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             PlStandardsWindow        *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkLabel *code = g_object_get_data (G_OBJECT (expander), "code");
  GtkLabel *statement = g_object_get_data (G_OBJECT (expander), "statement");
  GtkLabel *where = g_object_get_data (G_OBJECT (expander), "where");
  g_autoptr(GObject) record = gtk_tree_list_row_get_item (row);
  g_autofree char *name = NULL;
  const char *subtitle = NULL;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  if (PL_IS_FRAMEWORK (record))
    {
      const char *creator = pl_record_get_string (PL_RECORD (record), "creator");
      gboolean local = g_strcmp0 (pl_record_get_uuid (PL_RECORD (record)), pl_store_local_framework_uuid ()) == 0;

      gtk_label_set_label (code, pl_record_get_string (PL_RECORD (record), "title"));
      gtk_label_set_label (statement, local ? _("Standards you wrote")
                                            : creator != NULL ? creator : _("Imported framework"));
      gtk_widget_set_visible (GTK_WIDGET (where), FALSE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (statement), NULL);
      name = g_strdup_printf (_("Framework %s"), pl_record_get_string (PL_RECORD (record), "title"));
    }
  else
    {
      const char *c = pl_record_get_string (PL_RECORD (record), "code");
      const char *s = pl_record_get_string (PL_RECORD (record), "statement");

      gtk_label_set_label (code, c);
      gtk_label_set_label (statement, s);
      gtk_widget_set_tooltip_text (GTK_WIDGET (statement), s);
      /* In search results the framework says where a standard is from. */
      if (searching (self))
        subtitle = g_hash_table_lookup (self->framework_titles,
                                        pl_record_get_string (PL_RECORD (record), "framework-uuid"));
      gtk_label_set_label (where, subtitle != NULL ? subtitle : "");
      gtk_widget_set_visible (GTK_WIDGET (where), subtitle != NULL);
      name = g_strdup_printf ("%s: %s", c, s);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (item)), NULL);
}

/* ---- search ----------------------------------------------------------- */

static gboolean
match_cb (gpointer item,
          gpointer user_data)
{
  PlStandardsWindow *self = user_data;
  const char *key = g_object_get_qdata (item, search_key_quark);

  return self->needle != NULL && key != NULL && strstr (key, self->needle) != NULL;
}

static void
on_search_changed_cb (PlStandardsWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->needle, g_free);
  if (*stripped != '\0')
    {
      self->needle = g_utf8_casefold (stripped, -1);
      if (self->all_standards == NULL)
        load_search_list (self);
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->results));
    }
  else
    gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree));
  _pl_standards_window_update_state (self);
  update_actions (self);
}

static void
on_search_stopped_cb (PlStandardsWindow *self)
{
  /* Escape first clears the search, then closes the window. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlStandardsWindow *self = PL_STANDARDS_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- adding, editing, deleting ---------------------------------------- */

static void
on_editor_saved_cb (PlStandardEditor  *editor,
                    const char        *uuid,
                    PlStandardsWindow *self)
{
  g_free (self->pending_select);
  self->pending_select = g_strdup (uuid);
  /* The store's "changed" reloads the tree and selects it. */
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle_cb, self);
}

static void
open_editor (PlStandardsWindow *self,
             PlStandard        *standard,
             const char        *framework_uuid,
             const char        *parent_uuid)
{
  PlStandardEditor *editor = pl_standard_editor_new (self->store, standard, framework_uuid, parent_uuid);

  if (self->editor != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->editor), (gpointer *) &self->editor);
  self->editor = GTK_WINDOW (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &self->editor);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, 0);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PlStandardsWindow *self = PL_STANDARDS_WINDOW (widget);
  g_autoptr(GObject) item = selected_item (self);

  /* Beside the selected standard, or at the top of the selected framework. */
  if (item != NULL && PL_IS_STANDARD (item))
    open_editor (self, NULL, pl_record_get_string (PL_RECORD (item), "framework-uuid"),
                 pl_record_get_string (PL_RECORD (item), "parent-uuid"));
  else if (item != NULL && PL_IS_FRAMEWORK (item))
    open_editor (self, NULL, pl_record_get_uuid (PL_RECORD (item)), NULL);
  else
    open_editor (self, NULL, NULL, NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlStandardsWindow *self = PL_STANDARDS_WINDOW (widget);
  g_autoptr(GObject) item = selected_item (self);

  if (item != NULL && PL_IS_STANDARD (item))
    open_editor (self, PL_STANDARD (item), NULL, NULL);
}

static void
on_row_activated_cb (PlStandardsWindow *self,
                     guint              position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  g_autoptr(GObject) item = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

  if (item == NULL)
    return;
  if (PL_IS_STANDARD (item))
    open_editor (self, PL_STANDARD (item), NULL, NULL);
  else
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlStandardsWindow *self = PL_STANDARDS_WINDOW (widget);
  g_autoptr(GObject) item = selected_item (self);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  const char *code;
  guint position;

  if (item == NULL || !PL_IS_STANDARD (item))
    return;
  code = pl_record_get_string (PL_RECORD (item), "code");
  position = gtk_single_selection_get_selected (self->selection);
  if (!pl_store_delete_standard (self->store, PL_STANDARD (item), &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Cannot Delete %s"), code);
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      _pl_standards_window_show_dialog (self, ADW_MESSAGE_DIALOG (dialog));
      return;
    }
  /* The row above takes the selection once the tree reloads. */
  if (position > 0 && position != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(GtkTreeListRow) above = g_list_model_get_item (G_LIST_MODEL (self->selection), position - 1);
      g_autoptr(GObject) record = gtk_tree_list_row_get_item (above);

      g_free (self->pending_select);
      self->pending_select = g_strdup (pl_record_get_uuid (PL_RECORD (record)));
    }
  toast = adw_toast_new_format (_("Deleted %s"), code);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "standards.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new_string (pl_record_get_uuid (PL_RECORD (item))));
  _pl_standards_window_toast (self, toast);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlStandardsWindow *self = PL_STANDARDS_WINDOW (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);
  g_autoptr(PlStandard) standard = pl_store_get (self->store, PL_TYPE_STANDARD, uuid, NULL);
  g_autoptr(GError) error = NULL;

  if (standard == NULL)
    return;
  if (!pl_store_undelete_standard (self->store, standard, &error))
    {
      _pl_standards_window_toast (self, adw_toast_new_format (_("Could not bring it back: %s"), error->message));
      return;
    }
  g_free (self->pending_select);
  self->pending_select = g_strdup (uuid);
}

static void
expand_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlStandardsWindow *self = PL_STANDARDS_WINDOW (widget);
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
  gboolean expand = g_strcmp0 (action_name, "standards.expand") == 0;

  if (row == NULL)
    return;
  if (expand || gtk_tree_list_row_get_expanded (row))
    {
      gtk_tree_list_row_set_expanded (row, expand);
      return;
    }
  /* Left on a collapsed row goes up to its parent, as in a file manager. */
  {
    g_autoptr(GtkTreeListRow) parent = gtk_tree_list_row_get_parent (row);

    if (parent != NULL)
      select_position (self, gtk_tree_list_row_get_position (parent));
  }
}

/* ---- GObject ---------------------------------------------------------- */

static void
pl_standards_window_dispose (GObject *object)
{
  PlStandardsWindow *self = PL_STANDARDS_WINDOW (object);

  _pl_standards_window_stop_import (self);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, self->store);
  if (self->dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
      gtk_window_destroy (GTK_WINDOW (self->dialog));
      self->dialog = NULL;
    }
  if (self->editor != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->editor), (gpointer *) &self->editor);
      gtk_window_destroy (self->editor);
      self->editor = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_STANDARDS_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->results);
  g_clear_object (&self->all_standards);
  g_clear_object (&self->import_file);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pl_standards_window_parent_class)->dispose (object);
}

static void
pl_standards_window_finalize (GObject *object)
{
  PlStandardsWindow *self = PL_STANDARDS_WINDOW (object);

  g_clear_pointer (&self->framework_titles, g_hash_table_unref);
  g_free (self->needle);
  g_free (self->pending_select);

  G_OBJECT_CLASS (pl_standards_window_parent_class)->finalize (object);
}

static void
pl_standards_window_class_init (PlStandardsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_standards_window_dispose;
  object_class->finalize = pl_standards_window_finalize;
  search_key_quark = g_quark_from_static_string ("pl-standards-search-key");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/PersonalLearn/boards/pl-standards-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlStandardsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlStandardsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlStandardsWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PlStandardsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PlStandardsWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, PlStandardsWindow, busy_page);
  gtk_widget_class_bind_template_child (widget_class, PlStandardsWindow, progress);
  /* Reached by name only, from tests. */
  gtk_widget_class_bind_template_child_full (widget_class, "delete_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "edit_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "standards.import", NULL, _pl_standards_window_import_action);
  gtk_widget_class_install_action (widget_class, "standards.cancel-import", NULL, _pl_standards_window_cancel_action);
  gtk_widget_class_install_action (widget_class, "standards.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "standards.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "standards.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "standards.undo-delete", "s", undo_delete_action);
  gtk_widget_class_install_action (widget_class, "standards.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "standards.expand", NULL, expand_action);
  gtk_widget_class_install_action (widget_class, "standards.collapse", NULL, expand_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "standards.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "standards.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "standards.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "standards.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "standards.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "standards.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_standards_window_init (PlStandardsWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();
  struct { guint key; const char *action; } arrows[] = {
    { GDK_KEY_Right, "standards.expand" }, { GDK_KEY_plus, "standards.expand" },
    { GDK_KEY_KP_Add, "standards.expand" }, { GDK_KEY_Left, "standards.collapse" },
    { GDK_KEY_minus, "standards.collapse" }, { GDK_KEY_KP_Subtract, "standards.collapse" },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->framework_titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  self->filter = gtk_custom_filter_new (match_cb, self, NULL);
  self->matches = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->results = gtk_tree_list_model_new (G_LIST_MODEL (self->matches), FALSE, FALSE, no_children_cb, NULL, NULL);
  self->selection = gtk_single_selection_new (NULL);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selection_changed_cb), self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));

  /* The tree's own keys: the expander is not focusable in GTK 4.8. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (arrows[i].key, 0),
                                                            gtk_named_action_new (arrows[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);
}

PlStandardsWindow *
pl_standards_window_new (GtkWindow *parent,
                         PlStore   *store)
{
  PlStandardsWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  self = g_object_new (PL_TYPE_STANDARDS_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), self);
  reload (self);
  return self;
}

const char *
pl_standards_window_get_state (PlStandardsWindow *self)
{
  g_return_val_if_fail (PL_IS_STANDARDS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

AdwMessageDialog *
pl_standards_window_get_dialog (PlStandardsWindow *self)
{
  g_return_val_if_fail (PL_IS_STANDARDS_WINDOW (self), NULL);
  return self->dialog;
}

GtkWindow *
pl_standards_window_get_editor (PlStandardsWindow *self)
{
  g_return_val_if_fail (PL_IS_STANDARDS_WINDOW (self), NULL);
  return self->editor;
}

GtkListView *
pl_standards_window_get_list_view (PlStandardsWindow *self)
{
  g_return_val_if_fail (PL_IS_STANDARDS_WINDOW (self), NULL);
  return self->list_view;
}
