/* pl-rubric-editor.c — criteria × levels with a descriptor in each cell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>

#include "core/pl-core.h"
#include "core/pl-effort-check.h"
#include "core/pl-store-evidence.h"
#include "core/pl-store-rubrics.h"
#include "pl-gradebook-print.h"
#include "pl-rubric-editor-private.h"


G_DEFINE_FINAL_TYPE (PlRubricEditor, pl_rubric_editor, ADW_TYPE_WINDOW)

static void rebuild_grid (PlRubricEditor *self);

void
_pl_rubric_editor_toast_error (PlRubricEditor *self,
                               GError         *error)
{
  if (error != NULL)
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

/* ---- rubric choice -------------------------------------------------- */

static void
load_rubrics (PlRubricEditor *self,
              const char     *select_uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  guint selected = 0;

  g_clear_object (&self->rubrics);
  self->rubrics = pl_store_list_rubrics (self->store, pl_record_get_uuid (PL_RECORD (self->classroom)), &error);
  if (self->rubrics == NULL)
    {
      _pl_rubric_editor_toast_error (self, error);
      self->rubrics = G_LIST_MODEL (g_list_store_new (PL_TYPE_RUBRIC));
    }
  for (guint i = 0; i < g_list_model_get_n_items (self->rubrics); i++)
    {
      g_autoptr(PlRecord) r = g_list_model_get_item (self->rubrics, i);

      gtk_string_list_append (titles, pl_record_get_string (r, "title"));
      if (g_strcmp0 (pl_record_get_uuid (r), select_uuid) == 0)
        selected = i;
    }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->rubric_dropdown, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->rubric_dropdown, selected);
  self->updating = FALSE;

  g_clear_object (&self->rubric);
  if (g_list_model_get_n_items (self->rubrics) > 0)
    self->rubric = g_list_model_get_item (self->rubrics, selected);
  rebuild_grid (self);
}

static void
on_rubric_selected_cb (PlRubricEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->rubric_dropdown);

  if (self->updating || selected >= g_list_model_get_n_items (self->rubrics))
    return;
  g_clear_object (&self->rubric);
  self->rubric = g_list_model_get_item (self->rubrics, selected);
  rebuild_grid (self);
}

static void
new_rubric_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PlRubricEditor *self = PL_RUBRIC_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRubric) rubric = NULL;

  if (g_str_equal (action_name, "rubric.new"))
    rubric = pl_store_create_rubric (self->store, pl_record_get_uuid (PL_RECORD (self->classroom)),
                                     _("New rubric"), &error);
  else if (g_str_equal (action_name, "rubric.from-template"))
    rubric = pl_store_create_rubric_from_template (self->store, pl_record_get_uuid (PL_RECORD (self->classroom)),
                                                   g_variant_get_string (parameter, NULL), &error);
  else if (self->rubric != NULL)
    rubric = pl_store_duplicate_rubric (self->store, pl_record_get_uuid (PL_RECORD (self->rubric)), NULL, &error);
  if (rubric == NULL)
    {
      _pl_rubric_editor_toast_error (self, error);
      return;
    }
  load_rubrics (self, pl_record_get_uuid (PL_RECORD (rubric)));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
}

static void
on_pdf_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    PlRubricEditor  *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->rubric != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (pl_gradebook_print_rubric_pdf (self->store, pl_record_get_uuid (PL_RECORD (self->rubric)), path, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Saved %s"), path);

          adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
        }
      else
        _pl_rubric_editor_toast_error (self, error);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
pdf_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlRubricEditor *self = PL_RUBRIC_EDITOR (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->rubric == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Save the Rubric as PDF"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_strdup_printf ("%s.pdf", pl_record_get_string (PL_RECORD (self->rubric), "title"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_pdf_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_rubric_text_changed_cb (PlRubricEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (title));

  if (self->updating || self->rubric == NULL)
    return;
  if (*trimmed == '\0')
    return;   /* keep the last non-empty title */
  pl_record_set_string (PL_RECORD (self->rubric), "title", title);
  pl_record_set_string (PL_RECORD (self->rubric), "description",
                        gtk_editable_get_text (GTK_EDITABLE (self->description_entry)));
  if (!pl_store_save (self->store, PL_RECORD (self->rubric), &error))
    _pl_rubric_editor_toast_error (self, error);
  /* The rubric list above shows the new title at once. */
  {
    GListModel *titles = gtk_drop_down_get_model (self->rubric_dropdown);
    guint selected = gtk_drop_down_get_selected (self->rubric_dropdown);

    if (GTK_IS_STRING_LIST (titles) && selected < g_list_model_get_n_items (titles) &&
        g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (titles), selected), title) != 0)
      {
        const char *replacement[] = { title, NULL };

        self->updating = TRUE;
        gtk_string_list_splice (GTK_STRING_LIST (titles), selected, 1, replacement);
        gtk_drop_down_set_selected (self->rubric_dropdown, selected);
        self->updating = FALSE;
      }
  }
}

/* ---- criteria ------------------------------------------------------- */


/* Titles are saved a moment after the last key, not on every key: a
 * title typed in full is one change to sync, not one per letter. */
#define TITLE_SAVE_DELAY_MS 400

static void
save_title_now (Item *item)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&item->save_id, g_source_remove);
  if (item->self->store == NULL)
    return;
  if (!pl_store_save (item->self->store, item->record, &error))
    _pl_rubric_editor_toast_error (item->self, error);
}

static gboolean
save_title_cb (gpointer data)
{
  Item *item = data;

  item->save_id = 0;
  save_title_now (item);
  return G_SOURCE_REMOVE;
}

void
_pl_rubric_editor_queue_title_save (Item *item)
{
  g_clear_handle_id (&item->save_id, g_source_remove);
  item->save_id = g_timeout_add (TITLE_SAVE_DELAY_MS, save_title_cb, item);
}

void
_pl_rubric_editor_item_free (gpointer data)
{
  Item *item = data;

  if (item->save_id != 0)
    save_title_now (item);
  g_object_unref (item->record);
  g_free (item);
}

/* Saves the titles still waiting, before the grid goes or the window closes. */
static void
flush_titles (PlRubricEditor *self)
{
  GPtrArray *lists[] = { self->criterion_entries, self->level_entries };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && i < lists[l]->len; i++)
      {
        Item *item = g_object_get_data (G_OBJECT (g_ptr_array_index (lists[l], i)), "item");

        if (item != NULL && item->save_id != 0)
          save_title_now (item);
      }
}

Item *
_pl_rubric_editor_item_new (PlRubricEditor *self,
                            GListModel     *model,
                            guint           index)
{
  Item *item = g_new0 (Item, 1);

  item->self = self;
  item->record = g_list_model_get_item (model, index);
  item->index = index;
  return item;
}

/* Why criterion INDEX (titled TITLE) may grade effort rather than
 * learning: its title, else the first of its descriptors that does. */
static char *
effort_reason (PlRubricEditor *self,
               guint           index,
               const char     *title)
{
  g_autofree char *reason = NULL;
  g_autoptr(PlRecord) criterion = NULL;

  if (pl_effort_check (title, &reason, NULL) != PL_EFFORT_NONE)
    return g_steal_pointer (&reason);
  if (self->criteria == NULL || self->levels == NULL || index >= g_list_model_get_n_items (self->criteria))
    return NULL;
  criterion = g_list_model_get_item (self->criteria, index);
  for (guint j = 0; j < g_list_model_get_n_items (self->levels); j++)
    {
      g_autoptr(PlRecord) level = g_list_model_get_item (self->levels, j);
      g_autofree char *body = pl_store_get_descriptor (self->store, pl_record_get_uuid (criterion),
                                                       pl_record_get_uuid (level));

      if (pl_effort_check (body, &reason, NULL) != PL_EFFORT_NONE)
        /* Translators: where the effort word was found: a level's descriptor, then why. */
        return g_strdup_printf (_("In the descriptor of %s: %s"), pl_record_get_string (level, "title"), reason);
    }
  return NULL;
}

void
_pl_rubric_editor_update_warning (PlRubricEditor *self,
                                  guint           index,
                                  const char     *title)
{
  GtkLabel *label;
  g_autofree char *reason = NULL;

  if (index >= self->warnings->len)
    return;
  label = g_ptr_array_index (self->warnings, index);
  reason = effort_reason (self, index, title);
  if (reason != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Grades effort, not learning? %s"), reason);

      gtk_label_set_text (label, text);
      gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
    }
  else
    {
      gtk_label_set_text (label, "");
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
    }
  /* A screen reader hears the warning with the title it is about. */
  if (index < self->criterion_entries->len)
    gtk_accessible_update_property (GTK_ACCESSIBLE (g_ptr_array_index (self->criterion_entries, index)),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    *gtk_label_get_text (label) != '\0'
                                    ? gtk_label_get_text (label)
                                    : _("Alt+Up and Alt+Down move the criterion"),
                                    -1);
}

static void
on_criterion_title_changed_cb (GtkEditable *entry,
                               Item        *item)
{
  const char *title = gtk_editable_get_text (entry);

  /* The effort warning follows every key; the store the last one. */
  _pl_rubric_editor_update_warning (item->self, item->index, title);
  if (*title == '\0')
    return;
  pl_record_set_string (item->record, "title", title);
  _pl_rubric_editor_queue_title_save (item);
}

static void
on_criterion_standard_cb (GtkDropDown *dropdown,
                          GParamSpec  *pspec,
                          Item        *item)
{
  PlRubricEditor *self = item->self;
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating)
    return;
  pl_record_set_string (item->record, "standard_uuid",
                        selected >= 1 && self->standard_uuids != NULL &&
                        selected - 1 < g_strv_length (self->standard_uuids)
                        ? self->standard_uuids[selected - 1] : NULL);
  if (!pl_store_save (self->store, item->record, &error))
    _pl_rubric_editor_toast_error (self, error);
}

static void
focus_entry (GPtrArray *entries,
             guint      index)
{
  if (index < entries->len)
    gtk_widget_grab_focus (g_ptr_array_index (entries, index));
}

static void
move_item (PlRubricEditor *self,
           gboolean        criterion,
           guint           index,
           int             delta)
{
  g_autoptr(GError) error = NULL;
  GListModel *model = criterion ? self->criteria : self->levels;
  g_autoptr(PlRecord) record = NULL;
  gboolean ok;
  guint to;

  if (model == NULL || index >= g_list_model_get_n_items (model) ||
      (delta < 0 && index == 0) || (delta > 0 && index + 1 >= g_list_model_get_n_items (model)))
    return;
  to = index + delta;
  record = g_list_model_get_item (model, index);
  ok = criterion ? pl_store_move_criterion (self->store, pl_record_get_uuid (record), to, &error)
                 : pl_store_move_level (self->store, pl_record_get_uuid (record), to, &error);
  if (!ok)
    {
      _pl_rubric_editor_toast_error (self, error);
      return;
    }
  rebuild_grid (self);
  focus_entry (criterion ? self->criterion_entries : self->level_entries, to);
}

static gboolean
move_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   data)
{
  Item *item = g_object_get_data (G_OBJECT (widget), "item");
  gboolean criterion = PL_IS_CRITERION (item->record);
  int delta = g_variant_get_int32 (args);

  move_item (item->self, criterion, item->index, delta);
  return TRUE;
}

void
_pl_rubric_editor_add_move_shortcuts (GtkWidget  *widget,
                                      const char *back,
                                      const char *forward)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  const char *triggers[] = { back, forward };

  for (guint i = 0; i < 2; i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (triggers[i]),
                                                gtk_callback_action_new (move_shortcut_cb, NULL, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (i == 0 ? -1 : 1));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (widget, controller);
}

void
_pl_rubric_editor_on_move_clicked_cb (GtkButton *button,
                                      Item      *item)
{
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));

  move_item (item->self, PL_IS_CRITERION (item->record), item->index, delta);
}

void
_pl_rubric_editor_on_remove_clicked_cb (GtkButton *button,
                                        Item      *item)
{
  PlRubricEditor *self = item->self;
  g_autoptr(GError) error = NULL;
  gboolean ok = PL_IS_CRITERION (item->record)
                ? pl_store_remove_criterion (self->store, PL_CRITERION (item->record), &error)
                : pl_store_remove_level (self->store, PL_RUBRIC_LEVEL (item->record), &error);

  if (!ok)
    _pl_rubric_editor_toast_error (self, error);
  rebuild_grid (self);
}

GtkWidget *
_pl_rubric_editor_icon_button (const char *icon,
                               const char *label,
                               Item       *item,
                               int         delta,
                               GCallback   callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (delta));
  g_signal_connect (button, "clicked", callback, item);
  return button;
}

/* Drag a criterion or level by its handle onto another to put it there. */
static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    Item          *item)
{
  g_autofree char *payload = g_strdup_printf ("%s:%s", PL_IS_CRITERION (item->record) ? "criterion" : "level",
                                              pl_record_get_uuid (item->record));

  return gdk_content_provider_new_typed (G_TYPE_STRING, payload);
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            Item          *item)
{
  PlRubricEditor *self = item->self;
  g_autoptr(GError) error = NULL;
  const char *payload = g_value_get_string (value);
  gboolean criterion = PL_IS_CRITERION (item->record);
  const char *prefix = criterion ? "criterion:" : "level:";
  gboolean ok;

  if (payload == NULL || !g_str_has_prefix (payload, prefix))
    return FALSE;
  payload += strlen (prefix);
  ok = criterion ? pl_store_move_criterion (self->store, payload, item->index, &error)
                 : pl_store_move_level (self->store, payload, item->index, &error);
  if (!ok)
    _pl_rubric_editor_toast_error (self, error);
  rebuild_grid (self);
  return ok;
}

void
_pl_rubric_editor_add_drag_and_drop (GtkWidget *handle,
                                     GtkWidget *target_widget,
                                     Item      *item)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY | GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare_cb), item);
  gtk_widget_add_controller (handle, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), item);
  gtk_widget_add_controller (target_widget, GTK_EVENT_CONTROLLER (target));
}

static GtkWidget *
criterion_header (PlRubricEditor *self,
                  guint           index)
{
  Item *item = _pl_rubric_editor_item_new (self, self->criteria, index);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *dropdown, *warning;
  const char *standard = pl_record_get_string (item->record, "standard_uuid");
  guint selected = 0;
  g_autofree char *entry_label = g_strdup_printf (_("Criterion %u"), index + 1);

  g_object_set_data_full (G_OBJECT (box), "item", item, _pl_rubric_editor_item_free);
  gtk_widget_set_size_request (box, 220, -1);

  gtk_widget_set_tooltip_text (handle, _("Drag to reorder; or Alt+Up and Alt+Down in the title"));
  gtk_box_append (GTK_BOX (row), handle);
  gtk_editable_set_text (GTK_EDITABLE (entry), pl_record_get_string (item->record, "title"));
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, entry_label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Alt+Up and Alt+Down move the criterion"), -1);
  g_object_set_data (G_OBJECT (entry), "item", item);
  _pl_rubric_editor_add_move_shortcuts (entry, "<Alt>Up", "<Alt>Down");
  g_signal_connect (entry, "changed", G_CALLBACK (on_criterion_title_changed_cb), item);
  gtk_box_append (GTK_BOX (row), entry);
  g_ptr_array_add (self->criterion_entries, entry);
  gtk_box_append (GTK_BOX (row), _pl_rubric_editor_icon_button ("go-up-symbolic", _("Move criterion up"), item, -1,
                                                                G_CALLBACK (_pl_rubric_editor_on_move_clicked_cb)));
  gtk_box_append (GTK_BOX (row), _pl_rubric_editor_icon_button ("go-down-symbolic", _("Move criterion down"), item, 1,
                                                                G_CALLBACK (_pl_rubric_editor_on_move_clicked_cb)));
  gtk_box_append (GTK_BOX (row), _pl_rubric_editor_icon_button ("user-trash-symbolic", _("Remove criterion"), item, 0,
                                                                G_CALLBACK (_pl_rubric_editor_on_remove_clicked_cb)));
  gtk_box_append (GTK_BOX (box), row);

  for (guint i = 0; self->standard_uuids != NULL && self->standard_uuids[i] != NULL; i++)
    if (g_strcmp0 (self->standard_uuids[i], standard) == 0)
      selected = i + 1;
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->standard_names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_widget_set_tooltip_text (dropdown, _("The standard this criterion gives evidence for"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Standard of the criterion"), -1);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_criterion_standard_cb), item);
  gtk_box_append (GTK_BOX (box), dropdown);

  warning = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (warning), TRUE);
  gtk_label_set_xalign (GTK_LABEL (warning), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (warning), 30);
  gtk_widget_add_css_class (warning, "warning");
  gtk_widget_add_css_class (warning, "caption");
  gtk_box_append (GTK_BOX (box), warning);
  g_ptr_array_add (self->warnings, warning);
  _pl_rubric_editor_update_warning (self, index, pl_record_get_string (item->record, "title"));

  _pl_rubric_editor_add_drag_and_drop (handle, box, item);
  return box;
}

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlRubricEditor *self = PL_RUBRIC_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  const char *rubric;
  g_autoptr(GObject) made = NULL;

  if (self->rubric == NULL)
    return;
  rubric = pl_record_get_uuid (PL_RECORD (self->rubric));
  if (g_str_equal (action_name, "rubric.add-criterion"))
    made = G_OBJECT (pl_store_add_criterion (self->store, rubric, _("New criterion"), NULL, &error));
  else
    {
      double points = g_list_model_get_n_items (self->levels) + 1;

      made = G_OBJECT (pl_store_add_level (self->store, rubric, _("New level"), points, &error));
    }
  if (made == NULL)
    _pl_rubric_editor_toast_error (self, error);
  rebuild_grid (self);
  if (g_str_equal (action_name, "rubric.add-criterion"))
    focus_entry (self->criterion_entries, self->criterion_entries->len - 1);
  else
    focus_entry (self->level_entries, self->level_entries->len - 1);
}

static void
rebuild_grid (PlRubricEditor *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint n_criteria, n_levels;

  flush_titles (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_ptr_array_set_size (self->warnings, 0);
  g_ptr_array_set_size (self->criterion_entries, 0);
  g_ptr_array_set_size (self->level_entries, 0);
  g_clear_object (&self->criteria);
  g_clear_object (&self->levels);

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry),
                         self->rubric ? pl_record_get_string (PL_RECORD (self->rubric), "title") : "");
  gtk_editable_set_text (GTK_EDITABLE (self->description_entry),
                         self->rubric && pl_record_get_string (PL_RECORD (self->rubric), "description")
                         ? pl_record_get_string (PL_RECORD (self->rubric), "description") : "");
  self->updating = FALSE;
  gtk_widget_set_sensitive (self->content, self->rubric != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rubric.duplicate", self->rubric != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rubric.pdf", self->rubric != NULL);
  if (self->rubric == NULL)
    return;

  self->criteria = pl_store_list_criteria (self->store, pl_record_get_uuid (PL_RECORD (self->rubric)), &error);
  if (self->criteria != NULL)
    self->levels = pl_store_list_levels (self->store, pl_record_get_uuid (PL_RECORD (self->rubric)), &error);
  if (self->levels == NULL)
    {
      _pl_rubric_editor_toast_error (self, error);
      g_clear_object (&self->criteria);
      return;
    }
  n_criteria = g_list_model_get_n_items (self->criteria);
  n_levels = g_list_model_get_n_items (self->levels);

  self->updating = TRUE;
  gtk_grid_attach (self->grid, gtk_label_new (_("Criteria ↓ · Levels →")), 0, 0, 1, 1);
  for (guint j = 0; j < n_levels; j++)
    gtk_grid_attach (self->grid, _pl_rubric_editor_level_header (self, j), j + 1, 0, 1, 1);
  for (guint i = 0; i < n_criteria; i++)
    {
      gtk_grid_attach (self->grid, criterion_header (self, i), 0, i + 1, 1, 1);
      for (guint j = 0; j < n_levels; j++)
        gtk_grid_attach (self->grid, _pl_rubric_editor_descriptor_cell (self, i, j), j + 1, i + 1, 1, 1);
    }
  self->updating = FALSE;
}

/* ---- construction --------------------------------------------------- */

static void
load_standards (PlRubricEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlEvidenceTable) table = pl_store_load_class_evidence (self->store,
                                                                   pl_record_get_uuid (PL_RECORD (self->classroom)),
                                                                   &error);

  self->standard_names = gtk_string_list_new (NULL);
  gtk_string_list_append (self->standard_names, _("No standard"));
  if (table == NULL)
    {
      _pl_rubric_editor_toast_error (self, error);
      return;
    }
  self->standard_uuids = g_strdupv (table->standard_uuids);
  for (guint i = 0; i < table->n_standards; i++)
    {
      g_autoptr(PlRecord) s = pl_store_get (self->store, PL_TYPE_STANDARD, table->standard_uuids[i], NULL);
      const char *statement = s ? pl_record_get_string (s, "statement") : NULL;
      g_autofree char *name = NULL;

      /* Short enough that the criterion column leaves room for the levels. */
      if (s == NULL)
        name = g_strdup (table->standard_uuids[i]);
      else if (statement != NULL && g_utf8_strlen (statement, -1) > 28)
        {
          g_autofree char *start = g_utf8_substring (statement, 0, 27);

          name = g_strdup_printf ("%s %s…", pl_record_get_string (s, "code"), start);
        }
      else
        name = g_strdup_printf ("%s %s", pl_record_get_string (s, "code"), statement ? statement : "");

      gtk_string_list_append (self->standard_names, name);
    }
}

static void
pl_rubric_editor_dispose (GObject *object)
{
  PlRubricEditor *self = PL_RUBRIC_EDITOR (object);

  flush_titles (self);
  g_clear_object (&self->rubrics);
  g_clear_object (&self->rubric);
  g_clear_object (&self->criteria);
  g_clear_object (&self->levels);
  g_clear_object (&self->standard_names);
  g_clear_pointer (&self->standard_uuids, g_strfreev);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->criterion_entries, g_ptr_array_unref);
  g_clear_pointer (&self->level_entries, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->classroom);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (pl_rubric_editor_parent_class)->dispose (object);
}

static void
pl_rubric_editor_class_init (PlRubricEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pl_rubric_editor_dispose;
  gtk_widget_class_install_action (widget_class, "rubric.new", NULL, new_rubric_action_cb);
  gtk_widget_class_install_action (widget_class, "rubric.duplicate", NULL, new_rubric_action_cb);
  gtk_widget_class_install_action (widget_class, "rubric.from-template", "s", new_rubric_action_cb);
  gtk_widget_class_install_action (widget_class, "rubric.add-criterion", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "rubric.add-level", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "rubric.pdf", NULL, pdf_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_rubric_editor_init (PlRubricEditor *self)
{
  self->warnings = g_ptr_array_new ();
  self->criterion_entries = g_ptr_array_new ();
  self->level_entries = g_ptr_array_new ();
}

static GtkWidget *
text_button (const char *label,
             const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

PlRubricEditor *
pl_rubric_editor_new (PlContext   *context,
                      PlClassroom *classroom)
{
  PlRubricEditor *self;
  GtkWidget *box, *header, *scroller, *fields, *bottom, *template_button;
  g_autoptr(GMenu) templates = g_menu_new ();
  g_autofree char *title = NULL;

  g_return_val_if_fail (PL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (PL_IS_CLASSROOM (classroom), NULL);

  title = g_strdup_printf (_("Rubrics — %s"), pl_record_get_string (PL_RECORD (classroom), "name"));
  self = g_object_new (PL_TYPE_RUBRIC_EDITOR, "title", title, "default-width", 1100,
                       "default-height", 680, NULL);
  self->context = g_object_ref (context);
  self->classroom = g_object_ref (classroom);
  self->store = g_object_ref (pl_context_get_store (context));
  load_standards (self);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  self->rubric_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rubric_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Rubric"), -1);
  g_signal_connect_swapped (self->rubric_dropdown, "notify::selected", G_CALLBACK (on_rubric_selected_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->rubric_dropdown));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), text_button (_("_New"), "rubric.new"));
  for (const PlRubricTemplateInfo *t = pl_rubric_templates (); t->id != NULL; t++)
    {
      g_autofree char *action = g_strdup_printf ("rubric.from-template('%s')", t->id);

      g_menu_append (templates, t->title, action);
    }
  template_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (template_button), _("From _Template"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (template_button), TRUE);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (template_button), G_MENU_MODEL (templates));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), template_button);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), text_button (_("_Duplicate"), "rubric.duplicate"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), text_button (_("_PDF…"), "rubric.pdf"));
  gtk_box_append (GTK_BOX (box), header);

  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_vexpand (self->content, TRUE);
  fields = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (fields, 12);
  gtk_widget_set_margin_end (fields, 12);
  gtk_widget_set_margin_top (fields, 6);
  self->title_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->title_entry, _("Rubric title"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Rubric title"), -1);
  self->description_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->description_entry), TRUE);
  gtk_entry_set_placeholder_text (self->description_entry, _("What the rubric assesses"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->description_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Rubric description"), -1);
  g_signal_connect_swapped (self->title_entry, "changed", G_CALLBACK (on_rubric_text_changed_cb), self);
  g_signal_connect_swapped (self->description_entry, "changed", G_CALLBACK (on_rubric_text_changed_cb), self);
  gtk_box_append (GTK_BOX (fields), GTK_WIDGET (self->title_entry));
  gtk_box_append (GTK_BOX (fields), GTK_WIDGET (self->description_entry));
  gtk_box_append (GTK_BOX (self->content), fields);

  scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scroller, TRUE);
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->grid, 6);
  gtk_grid_set_column_spacing (self->grid, 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->grid), 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->grid));
  gtk_box_append (GTK_BOX (self->content), scroller);

  bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (bottom, 12);
  gtk_widget_set_margin_bottom (bottom, 12);
  gtk_box_append (GTK_BOX (bottom), text_button (_("Add _Criterion"), "rubric.add-criterion"));
  gtk_box_append (GTK_BOX (bottom), text_button (_("Add _Level"), "rubric.add-level"));
  gtk_box_append (GTK_BOX (self->content), bottom);
  gtk_box_append (GTK_BOX (box), self->content);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));

  load_rubrics (self, NULL);
  return self;
}

const char *
pl_rubric_editor_get_rubric_uuid (PlRubricEditor *self)
{
  g_return_val_if_fail (PL_IS_RUBRIC_EDITOR (self), NULL);
  return self->rubric != NULL ? pl_record_get_uuid (PL_RECORD (self->rubric)) : NULL;
}

void
pl_rubric_editor_select_rubric (PlRubricEditor *self,
                                const char     *rubric_uuid)
{
  g_return_if_fail (PL_IS_RUBRIC_EDITOR (self));
  load_rubrics (self, rubric_uuid);
}

const char *
pl_rubric_editor_get_warning (PlRubricEditor *self,
                              guint           criterion)
{
  g_return_val_if_fail (PL_IS_RUBRIC_EDITOR (self), NULL);
  g_return_val_if_fail (criterion < self->warnings->len, NULL);
  return gtk_label_get_text (g_ptr_array_index (self->warnings, criterion));
}

void
pl_rubric_editor_move_criterion (PlRubricEditor *self,
                                 guint           index,
                                 int             delta)
{
  g_return_if_fail (PL_IS_RUBRIC_EDITOR (self));
  move_item (self, TRUE, index, delta);
}

GtkWidget *
pl_rubric_editor_get_title_entry (PlRubricEditor *self,
                                  gboolean        criterion,
                                  guint           index)
{
  GPtrArray *entries;

  g_return_val_if_fail (PL_IS_RUBRIC_EDITOR (self), NULL);
  entries = criterion ? self->criterion_entries : self->level_entries;
  g_return_val_if_fail (index < entries->len, NULL);
  return g_ptr_array_index (entries, index);
}

GtkSpinButton *
pl_rubric_editor_get_level_spin (PlRubricEditor *self,
                                 guint           level,
                                 const char     *which)
{
  GtkWidget *row;

  g_return_val_if_fail (PL_IS_RUBRIC_EDITOR (self), NULL);
  g_return_val_if_fail (level < self->level_entries->len, NULL);
  row = g_object_get_data (G_OBJECT (g_ptr_array_index (self->level_entries, level)), "points-row");
  return g_object_get_data (G_OBJECT (row), which);
}

const char *
pl_rubric_editor_get_range_label (PlRubricEditor *self,
                                  guint           level)
{
  GtkWidget *row;

  g_return_val_if_fail (PL_IS_RUBRIC_EDITOR (self), NULL);
  g_return_val_if_fail (level < self->level_entries->len, NULL);
  row = g_object_get_data (G_OBJECT (g_ptr_array_index (self->level_entries, level)), "points-row");
  return gtk_menu_button_get_label (g_object_get_data (G_OBJECT (row), "range-button"));
}

GtkEditable *
pl_rubric_editor_get_rubric_title (PlRubricEditor *self)
{
  g_return_val_if_fail (PL_IS_RUBRIC_EDITOR (self), NULL);
  return GTK_EDITABLE (self->title_entry);
}

GtkDropDown *
pl_rubric_editor_get_rubric_dropdown (PlRubricEditor *self)
{
  g_return_val_if_fail (PL_IS_RUBRIC_EDITOR (self), NULL);
  return self->rubric_dropdown;
}

