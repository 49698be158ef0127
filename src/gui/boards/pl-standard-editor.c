/* pl-standard-editor.c — add or edit one standard: code, statement, parent
 *
 * The store checks what is saved (pl_store_save_standard); the editor
 * only offers parents that could be accepted and shows the store's
 * sentence when it refuses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "core/pl-store-standards.h"
#include "pl-accessible.h"
#include "pl-standard-editor.h"

/* A parent label shows this much of a long statement. */
#define LABEL_STATEMENT_CHARS 60

struct _PlStandardEditor
{
  AdwWindow       parent_instance;

  PlStore        *store;
  PlStandard     *standard;         /* the one edited, or NULL for a new one */
  GPtrArray      *framework_uuids;  /* per row of framework_row */
  GPtrArray      *parent_uuids;     /* per item of parent_dropdown; [0] is NULL */
  char           *error_message;

  AdwComboRow    *framework_row;
  AdwEntryRow    *code_row;
  GtkDropDown    *parent_dropdown;
  GtkTextView    *statement_view;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (PlStandardEditor, pl_standard_editor, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
chosen_framework (PlStandardEditor *self)
{
  guint i = adw_combo_row_get_selected (self->framework_row);

  return i < self->framework_uuids->len ? self->framework_uuids->pdata[i] : NULL;
}

static char *
standard_label (PlRecord *standard,
                guint     depth)
{
  g_autoptr(GString) label = g_string_new (NULL);
  const char *code = pl_record_get_string (standard, "code");
  const char *statement = pl_record_get_string (standard, "statement");
  glong n = g_utf8_strlen (statement, -1);

  /* The indent shows the tree in a flat list. */
  for (guint i = 0; i < depth; i++)
    g_string_append (label, "  ");
  if (code != NULL && *code != '\0')
    g_string_append_printf (label, "%s — ", code);
  if (n > LABEL_STATEMENT_CHARS)
    {
      g_autofree char *start = g_utf8_substring (statement, 0, LABEL_STATEMENT_CHARS);
      g_string_append_printf (label, "%s…", start);
    }
  else
    g_string_append (label, statement);
  g_strdelimit (label->str, "\n\r", ' ');
  return g_string_free (g_steal_pointer (&label), FALSE);
}

/* The framework's standards, less this one and those under it. */
static void
fill_parents (PlStandardEditor *self,
              const char       *select_uuid)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GListModel) ordered = NULL;
  g_autoptr(GArray) depths = NULL;
  const char *framework = chosen_framework (self);
  const char *own = self->standard != NULL ? pl_record_get_uuid (PL_RECORD (self->standard)) : NULL;
  guint selected = 0, skip_below = G_MAXUINT;

  g_ptr_array_set_size (self->parent_uuids, 0);
  gtk_string_list_append (labels, _("None (at the top)"));
  g_ptr_array_add (self->parent_uuids, NULL);
  if (framework != NULL)
    ordered = pl_store_list_standards_in_order (self->store, framework, &depths, NULL);
  for (guint i = 0; ordered != NULL && i < g_list_model_get_n_items (ordered); i++)
    {
      g_autoptr(PlRecord) s = g_list_model_get_item (ordered, i);
      guint depth = g_array_index (depths, guint, i);
      g_autofree char *label = NULL;

      if (depth <= skip_below)
        skip_below = G_MAXUINT;
      if (g_strcmp0 (pl_record_get_uuid (s), own) == 0)
        skip_below = depth;
      if (skip_below != G_MAXUINT)
        continue;
      label = standard_label (s, depth);
      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->parent_uuids, g_strdup (pl_record_get_uuid (s)));
      if (g_strcmp0 (pl_record_get_uuid (s), select_uuid) == 0)
        selected = self->parent_uuids->len - 1;
    }
  gtk_drop_down_set_model (self->parent_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->parent_dropdown, selected);
}

static void
on_framework_selected_cb (PlStandardEditor *self)
{
  fill_parents (self, NULL);
}

static void
show_error (PlStandardEditor *self,
            const char       *message)
{
  g_free (self->error_message);
  self->error_message = g_strdup (message);
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

gboolean
pl_standard_editor_save (PlStandardEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStandard) saved = NULL;
  g_autofree char *statement = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  const char *code;
  const char *parent;
  guint selected;

  g_return_val_if_fail (PL_IS_STANDARD_EDITOR (self), FALSE);

  buffer = gtk_text_view_get_buffer (self->statement_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  statement = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  code = gtk_editable_get_text (GTK_EDITABLE (self->code_row));
  selected = gtk_drop_down_get_selected (self->parent_dropdown);
  parent = selected < self->parent_uuids->len ? self->parent_uuids->pdata[selected] : NULL;

  if (self->standard == NULL)
    saved = pl_store_add_standard (self->store, chosen_framework (self), parent, code, statement, &error);
  else
    {
      /* A copy, so that a refused edit leaves the shown record as stored. */
      saved = pl_store_get (self->store, PL_TYPE_STANDARD, pl_record_get_uuid (PL_RECORD (self->standard)), &error);
      if (saved != NULL)
        {
          pl_record_set_string (PL_RECORD (saved), "code", code);
          pl_record_set_string (PL_RECORD (saved), "statement", statement);
          pl_record_set_string (PL_RECORD (saved), "parent-uuid", parent);
          if (!pl_store_save_standard (self->store, saved, &error))
            g_clear_object (&saved);
        }
    }
  if (saved == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }
  show_error (self, NULL);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, pl_record_get_uuid (PL_RECORD (saved)));
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  pl_standard_editor_save (PL_STANDARD_EDITOR (widget));
}

static void
on_code_activated_cb (PlStandardEditor *self)
{
  pl_standard_editor_save (self);
}

static void
fill_frameworks (PlStandardEditor *self,
                 const char       *framework_uuid)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autoptr(GListModel) frameworks = pl_store_list_frameworks (self->store, NULL);
  const char *local = pl_store_local_framework_uuid ();
  gboolean have_local = FALSE;
  guint selected = 0;

  if (framework_uuid == NULL)
    framework_uuid = local;
  for (guint i = 0; frameworks != NULL && i < g_list_model_get_n_items (frameworks); i++)
    {
      g_autoptr(PlRecord) f = g_list_model_get_item (frameworks, i);

      have_local = have_local || g_strcmp0 (pl_record_get_uuid (f), local) == 0;
      gtk_string_list_append (titles, pl_record_get_string (f, "title"));
      g_ptr_array_add (self->framework_uuids, g_strdup (pl_record_get_uuid (f)));
    }
  /* Made when the first standard is saved in it. */
  if (!have_local)
    {
      gtk_string_list_append (titles, _("My Standards"));
      g_ptr_array_add (self->framework_uuids, g_strdup (local));
    }
  for (guint i = 0; i < self->framework_uuids->len; i++)
    if (g_strcmp0 (self->framework_uuids->pdata[i], framework_uuid) == 0)
      selected = i;
  adw_combo_row_set_model (self->framework_row, G_LIST_MODEL (titles));
  adw_combo_row_set_selected (self->framework_row, selected);
}

static void
pl_standard_editor_dispose (GObject *object)
{
  PlStandardEditor *self = PL_STANDARD_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_STANDARD_EDITOR);
  g_clear_object (&self->standard);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pl_standard_editor_parent_class)->dispose (object);
}

static void
pl_standard_editor_finalize (GObject *object)
{
  PlStandardEditor *self = PL_STANDARD_EDITOR (object);

  g_ptr_array_unref (self->framework_uuids);
  g_ptr_array_unref (self->parent_uuids);
  g_free (self->error_message);

  G_OBJECT_CLASS (pl_standard_editor_parent_class)->finalize (object);
}

static void
pl_standard_editor_class_init (PlStandardEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_standard_editor_dispose;
  object_class->finalize = pl_standard_editor_finalize;

  /**
   * PlStandardEditor::saved:
   * @uuid: the standard that was saved
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/PersonalLearn/boards/pl-standard-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PlStandardEditor, framework_row);
  gtk_widget_class_bind_template_child (widget_class, PlStandardEditor, code_row);
  gtk_widget_class_bind_template_child (widget_class, PlStandardEditor, parent_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlStandardEditor, statement_view);
  gtk_widget_class_bind_template_child (widget_class, PlStandardEditor, error_label);
  gtk_widget_class_bind_template_child_full (widget_class, "save_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_code_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_standard_editor_init (PlStandardEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->framework_uuids = g_ptr_array_new_with_free_func (g_free);
  self->parent_uuids = g_ptr_array_new_with_free_func (g_free);
  gtk_drop_down_set_expression (self->parent_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  pl_accessible_name_button (GTK_WIDGET (self->parent_dropdown), _("Parent standard"));
}

PlStandardEditor *
pl_standard_editor_new (PlStore    *store,
                        PlStandard *standard,
                        const char *framework_uuid,
                        const char *parent_uuid)
{
  PlStandardEditor *self;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (standard == NULL || PL_IS_STANDARD (standard), NULL);

  self = g_object_new (PL_TYPE_STANDARD_EDITOR, NULL);
  self->store = g_object_ref (store);
  g_set_object (&self->standard, standard);
  if (standard != NULL)
    {
      PlRecord *s = PL_RECORD (standard);

      framework_uuid = pl_record_get_string (s, "framework-uuid");
      parent_uuid = pl_record_get_string (s, "parent-uuid");
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Standard"));
      gtk_editable_set_text (GTK_EDITABLE (self->code_row), pl_record_get_string (s, "code"));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->statement_view),
                                pl_record_get_string (s, "statement"), -1);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), _("Add Standard"));

  fill_frameworks (self, framework_uuid);
  /* A standard stays in its framework; a new one may go in any. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->framework_row), standard == NULL);
  fill_parents (self, parent_uuid);
  g_signal_connect_swapped (self->framework_row, "notify::selected", G_CALLBACK (on_framework_selected_cb), self);
  gtk_widget_grab_focus (GTK_WIDGET (self->code_row));
  return self;
}

const char *
pl_standard_editor_get_error (PlStandardEditor *self)
{
  g_return_val_if_fail (PL_IS_STANDARD_EDITOR (self), NULL);
  return self->error_message;
}
