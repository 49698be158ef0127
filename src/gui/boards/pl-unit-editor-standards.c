/* pl-unit-editor-standards.c — the standards a unit targets: a searchable
 * check list of the database's standards, grouped by framework
 *
 * A framework can hold thousands of items, so the list recycles its rows
 * (GtkListView) instead of making one widget per standard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "pl-unit-editor-private.h"

#define MAX_INDENT 5

static const char *
unit_uuid (PlUnitEditor *self)
{
  return pl_record_get_uuid (PL_RECORD (self->unit));
}

guint
_pl_unit_editor_n_standards (PlUnitEditor *self)
{
  return self->chosen != NULL ? g_hash_table_size (self->chosen) : 0;
}

static void
update_description (PlUnitEditor *self)
{
  guint n = _pl_unit_editor_n_standards (self);
  g_autoptr(GString) text = g_string_new (NULL);
  guint listed = 0;

  if (n == 0)
    g_string_append (text, _("None chosen yet: tick the standards this unit gives learners evidence for."));
  else
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u chosen", "%u chosen", n), n);
  /* The codes in list order, so that the chosen ones can be found. */
  for (guint i = 0; n > 0 && i < g_list_model_get_n_items (G_LIST_MODEL (self->choices)); i++)
    {
      g_autoptr(PlRecord) item = g_list_model_get_item (G_LIST_MODEL (self->choices), i);

      if (!PL_IS_STANDARD (item) || !g_hash_table_contains (self->chosen, pl_record_get_uuid (item)))
        continue;
      if (listed == 8)
        {
          g_string_append (text, ", …");
          break;
        }
      g_string_append_printf (text, "%s%s", listed == 0 ? ": " : ", ", pl_record_get_string (item, "code"));
      listed++;
    }
  adw_preferences_group_set_description (self->standards_group, text->str);
}

static char *
searchable_text (PlRecord *standard)
{
  g_autofree char *joined = g_strdup_printf ("%s %s", pl_record_get_string (standard, "code"),
                                             pl_record_get_string (standard, "statement"));

  return g_utf8_casefold (joined, -1);
}

static gboolean
matches (PlUnitEditor *self,
         PlRecord     *standard)
{
  g_autofree char *text = searchable_text (standard);

  return strstr (text, self->search) != NULL;
}

static gboolean
filter_cb (gpointer item,
           gpointer data)
{
  PlUnitEditor *self = data;

  if (self->search == NULL)
    return TRUE;
  if (PL_IS_FRAMEWORK (item))
    return g_hash_table_contains (self->matching, pl_record_get_uuid (item));
  return matches (self, item);
}

static void
on_search_changed_cb (GtkSearchEntry *entry,
                      PlUnitEditor   *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  const char *header = NULL;

  g_clear_pointer (&self->search, g_free);
  g_hash_table_remove_all (self->matching);
  if (text[0] != '\0')
    self->search = g_utf8_casefold (text, -1);
  /* A framework shows while any of its standards does. */
  for (guint i = 0; self->search != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->choices)); i++)
    {
      g_autoptr(PlRecord) item = g_list_model_get_item (G_LIST_MODEL (self->choices), i);

      if (PL_IS_FRAMEWORK (item))
        header = pl_record_get_uuid (item);
      else if (header != NULL && matches (self, item))
        g_hash_table_add (self->matching, g_strdup (header));
    }
  gtk_filter_changed (GTK_FILTER (self->standards_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_check_toggled_cb (GtkCheckButton *check,
                     PlUnitEditor   *self)
{
  const char *standard = g_object_get_data (G_OBJECT (check), "pl-standard");
  gboolean active = gtk_check_button_get_active (check);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_object_get_data (G_OBJECT (check), "pl-binding") != NULL || standard == NULL ||
      active == g_hash_table_contains (self->chosen, standard))
    return;
  ok = active ? pl_store_add_unit_standard (self->store, unit_uuid (self), standard, &error)
              : pl_store_remove_unit_standard (self->store, unit_uuid (self), standard, &error);
  if (!ok)
    {
      _pl_unit_editor_toast (self, adw_toast_new_format (_("Not saved: %s"), error->message));
      g_object_set_data (G_OBJECT (check), "pl-binding", GINT_TO_POINTER (TRUE));
      gtk_check_button_set_active (check, !active);
      g_object_set_data (G_OBJECT (check), "pl-binding", NULL);
      return;
    }
  if (active)
    g_hash_table_add (self->chosen, g_strdup (standard));
  else
    g_hash_table_remove (self->chosen, standard);
  update_description (self);
  _pl_unit_editor_goals_refresh (self);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          PlUnitEditor             *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *header = gtk_label_new (NULL);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *text = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_margin_end (box, 8);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_set_margin_top (header, 6);
  gtk_widget_set_valign (check, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), text);
  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled_cb), self);
  gtk_list_item_set_child (item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         PlUnitEditor             *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *header = gtk_widget_get_first_child (box);
  GtkWidget *check = gtk_widget_get_next_sibling (header);
  GtkWidget *text = gtk_widget_get_next_sibling (check);
  PlRecord *record = gtk_list_item_get_item (item);
  gboolean is_header = PL_IS_FRAMEWORK (record);
  g_autofree char *markup = NULL;
  g_autofree char *name = NULL;
  guint depth;

  gtk_widget_set_visible (header, is_header);
  gtk_widget_set_visible (check, !is_header);
  gtk_widget_set_visible (text, !is_header);
  gtk_list_item_set_activatable (item, !is_header);
  gtk_widget_set_margin_start (box, 8);
  if (is_header)
    {
      gtk_label_set_label (GTK_LABEL (header), pl_record_get_string (record, "title"));
      g_object_set_data (G_OBJECT (check), "pl-standard", NULL);
      return;
    }
  depth = GPOINTER_TO_UINT (g_hash_table_lookup (self->depths, pl_record_get_uuid (record)));
  gtk_widget_set_margin_start (box, 8 + 16 * MIN (depth, MAX_INDENT));
  markup = g_markup_printf_escaped ("<b>%s</b>  %s", pl_record_get_string (record, "code"),
                                    pl_record_get_string (record, "statement"));
  gtk_label_set_markup (GTK_LABEL (text), markup);
  name = g_strdup_printf ("%s %s", pl_record_get_string (record, "code"), pl_record_get_string (record, "statement"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (check), "pl-binding", GINT_TO_POINTER (TRUE));
  g_object_set_data_full (G_OBJECT (check), "pl-standard", g_strdup (pl_record_get_uuid (record)), g_free);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->chosen, pl_record_get_uuid (record)));
  g_object_set_data (G_OBJECT (check), "pl-binding", NULL);
}

static GtkWidget *
find_check (GtkWidget  *root,
            const char *standard)
{
  if (GTK_IS_CHECK_BUTTON (root) && g_strcmp0 (g_object_get_data (G_OBJECT (root), "pl-standard"), standard) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_check (c, standard);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Enter on a row ticks or clears its standard. */
static void
on_standard_activated_cb (GtkListView  *view,
                          guint         position,
                          PlUnitEditor *self)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));
  g_autoptr(PlRecord) item = g_list_model_get_item (model, position);
  GtkWidget *check;

  if (item == NULL || !PL_IS_STANDARD (item))
    return;
  check = find_check (GTK_WIDGET (view), pl_record_get_uuid (item));
  if (check != NULL)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), !gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
}

void
_pl_unit_editor_standards_init (PlUnitEditor *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *filtered;
  GtkNoSelection *selection;

  self->chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->depths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->matching = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->choices = g_list_store_new (PL_TYPE_RECORD);
  self->standards_filter = gtk_custom_filter_new (filter_cb, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->choices)),
                                        GTK_FILTER (g_object_ref (self->standards_filter)));
  selection = gtk_no_selection_new (G_LIST_MODEL (filtered));
  gtk_list_view_set_model (self->standards_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  gtk_list_view_set_factory (self->standards_view, factory);
  g_object_unref (factory);
  g_signal_connect (self->standards_view, "activate", G_CALLBACK (on_standard_activated_cb), self);
  g_signal_connect (self->standards_search, "search-changed", G_CALLBACK (on_search_changed_cb), self);
}

void
_pl_unit_editor_standards_load (PlUnitEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) frameworks = pl_store_list_frameworks (self->store, &error);
  g_autoptr(GListModel) standards = NULL;
  g_autoptr(GListModel) chosen = NULL;
  g_autoptr(GArray) depths = NULL;
  const char *header = NULL;
  guint next_framework = 0, n;

  if (frameworks != NULL)
    standards = pl_store_list_standards_in_order (self->store, NULL, &depths, &error);
  if (standards != NULL)
    chosen = pl_store_list_unit_standards (self->store, unit_uuid (self), &error);
  if (chosen == NULL)
    {
      _pl_unit_editor_toast (self, adw_toast_new_format (_("Could not read the standards: %s"), error->message));
      return;
    }
  g_hash_table_remove_all (self->chosen);
  for (guint i = 0; i < g_list_model_get_n_items (chosen); i++)
    {
      g_autoptr(PlRecord) s = g_list_model_get_item (chosen, i);

      g_hash_table_add (self->chosen, g_strdup (pl_record_get_uuid (s)));
    }

  /* The standards come framework by framework, in the frameworks' order:
   * each framework heads its own. */
  g_list_store_remove_all (self->choices);
  g_hash_table_remove_all (self->depths);
  n = g_list_model_get_n_items (standards);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) item = g_list_model_get_item (standards, i);
      const char *framework = pl_record_get_string (item, "framework-uuid");

      while (g_strcmp0 (framework, header) != 0 && next_framework < g_list_model_get_n_items (frameworks))
        {
          g_autoptr(PlRecord) f = g_list_model_get_item (frameworks, next_framework++);

          if (g_strcmp0 (pl_record_get_uuid (f), framework) != 0)
            continue;
          header = pl_record_get_uuid (f);
          g_list_store_append (self->choices, f);
        }
      g_hash_table_insert (self->depths, g_strdup (pl_record_get_uuid (item)),
                           GUINT_TO_POINTER (depths != NULL && i < depths->len ? g_array_index (depths, guint, i) : 0));
      g_list_store_append (self->choices, item);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->standards_frame), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->standards_search), n > 0);
  gtk_label_set_label (self->standards_empty,
                       _("There are no standards in this database yet. Open the Standards window to import a competency framework or write standards of your own, then choose here the ones this unit targets."));
  gtk_widget_set_visible (GTK_WIDGET (self->standards_empty), n == 0);
  update_description (self);
  _pl_unit_editor_goals_refresh (self);
}
