/* pl-board-editor.c — build and edit a choice board: its layout and
 * rules, and its options as the grid itself (or the must-do and may-do
 * lists), one option at a time in the side panel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include <glib/gi18n.h>

#include "core/pl-core.h"
#include "core/pl-store-boards.h"
#include "pl-accessible.h"
#include "pl-board-editor-private.h"



G_DEFINE_FINAL_TYPE (PlBoardEditor, pl_board_editor, ADW_TYPE_WINDOW)

static const char * const groupings[] = { "solo", "pair", "group" };


gboolean
_pl_board_editor_is_menu (PlBoardEditor *self)
{
  return g_strcmp0 (pl_record_get_string (PL_RECORD (self->board), "layout"), "menu") == 0;
}

void
_pl_board_editor_toast_error (PlBoardEditor *self,
                              GError        *error)
{
  if (error != NULL)
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

PlRecord *
_pl_board_editor_find_option (PlBoardEditor *self,
                              const char    *uuid)
{
  for (guint i = 0; self->options != NULL && uuid != NULL && i < g_list_model_get_n_items (self->options); i++)
    {
      g_autoptr(PlRecord) o = g_list_model_get_item (self->options, i);

      if (g_strcmp0 (pl_record_get_uuid (o), uuid) == 0)
        return g_steal_pointer (&o);
    }
  return NULL;
}

GtkWidget *
_pl_board_editor_cell_of (PlBoardEditor *self,
                          const char    *uuid)
{
  for (guint i = 0; i < self->cells->len; i++)
    if (g_strcmp0 (g_object_get_data (self->cells->pdata[i], "option-uuid"), uuid) == 0)
      return self->cells->pdata[i];
  return NULL;
}

/* ---- design warnings --------------------------------------------------- */

void
_pl_board_editor_update_design (PlBoardEditor *self)
{
  PlDesignProblems problems = pl_store_check_board_design (self->store, self->board, NULL);
  g_autofree char *text = pl_board_describe_design (problems);

  if (problems & PL_DESIGN_IMPOSSIBLE)
    {
      g_autoptr(GListModel) options = pl_store_list_board_options (self->store,
                                                                  pl_record_get_uuid (PL_RECORD (self->board)), NULL);
      PlBoardRules rules;
      g_autofree PlBoardCell *cells = NULL;
      g_autofree char *why = NULL;
      guint n = options != NULL ? g_list_model_get_n_items (options) : 0;

      /* Say why, in the words of the rule checks. */
      cells = g_new0 (PlBoardCell, MAX (n, 1));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PlRecord) o = g_list_model_get_item (options, i);
          g_autoptr(GListModel) s = pl_store_list_option_standards (self->store, pl_record_get_uuid (o), NULL);

          cells[i] = (PlBoardCell) { (guint) pl_record_get_int (o, "grid-row"), (guint) pl_record_get_int (o, "grid-col"),
                                     pl_record_get_boolean (o, "required"), s != NULL ? g_list_model_get_n_items (s) : 0 };
        }
      pl_board_get_rules (self->board, &rules);
      if (_pl_board_editor_is_menu (self))
        rules.n_rows = MAX (n, 1);
      why = pl_board_explain_impossible (&rules, cells, n);
      if (why != NULL)
        {
          g_autofree char *both = g_strdup_printf ("%s %s", text, why);

          g_free (text);
          text = g_steal_pointer (&both);
        }
    }
  gtk_label_set_label (self->design_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->design_label), problems != PL_DESIGN_OK);
}

void
_pl_board_editor_show_error (PlBoardEditor *self,
                             const char    *message)
{
  g_autofree char *text = message != NULL ? g_strdup_printf (_("Not saved: %s"), message) : NULL;

  gtk_label_set_label (self->error_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), text != NULL);
}

/* ---- the board's own fields ------------------------------------------- */

static void
fill_board_fields (PlBoardEditor *self)
{
  PlRecord *b = PL_RECORD (self->board);
  gboolean menu = _pl_board_editor_is_menu (self);

  self->updating = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_row)), pl_record_get_string (b, "title")) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), pl_record_get_string (b, "title"));
  adw_window_title_set_subtitle (self->window_title, pl_record_get_string (b, "title"));
  adw_combo_row_set_selected (self->layout_row, menu ? 1 : 0);
  gtk_spin_button_set_value (self->rows_spin, (double) pl_record_get_int (b, "n-rows"));
  gtk_spin_button_set_value (self->cols_spin, (double) pl_record_get_int (b, "n-cols"));
  gtk_spin_button_set_value (self->picks_spin, (double) pl_record_get_int (b, "picks-required"));
  gtk_switch_set_active (self->line_switch, pl_record_get_boolean (b, "three-in-row"));
  gtk_spin_button_set_value (self->row_limit_spin, (double) pl_record_get_int (b, "max-per-row"));
  gtk_spin_button_set_value (self->col_limit_spin, (double) pl_record_get_int (b, "max-per-col"));
  gtk_widget_set_visible (GTK_WIDGET (self->rows_row), !menu);
  gtk_widget_set_visible (GTK_WIDGET (self->cols_row), !menu);
  gtk_widget_set_visible (GTK_WIDGET (self->line_row), !menu);
  gtk_widget_set_visible (GTK_WIDGET (self->row_limit_row), !menu);
  gtk_widget_set_visible (GTK_WIDGET (self->col_limit_row), !menu);
  adw_preferences_group_set_description (self->options_group,
                                         menu ? _("Select an option to edit it. Alt+Up and Alt+Down move it within its "
                                                  "list, Alt+Left and Alt+Right to the other list; dragging works too.")
                                              : _("Select a square to edit its option. Alt+arrow keys move the option "
                                                  "to the next square, swapping the two; dragging works too."));
  self->updating = FALSE;
}

/* Puts the stored board back after a change it refused. */
void
_pl_board_editor_reload_board (PlBoardEditor *self)
{
  g_autoptr(PlBoard) fresh = pl_store_get (self->store, PL_TYPE_BOARD, pl_record_get_uuid (PL_RECORD (self->board)), NULL);

  if (fresh != NULL)
    g_set_object (&self->board, fresh);
  fill_board_fields (self);
}

static void
save_rules (PlBoardEditor *self)
{
  g_autoptr(GError) error = NULL;
  PlRecord *b = PL_RECORD (self->board);

  gint64 picks = gtk_spin_button_get_value_as_int (self->picks_spin);
  gboolean line = !_pl_board_editor_is_menu (self) && gtk_switch_get_active (self->line_switch);
  gint64 per_row = _pl_board_editor_is_menu (self) ? 0 : gtk_spin_button_get_value_as_int (self->row_limit_spin);
  gint64 per_col = _pl_board_editor_is_menu (self) ? 0 : gtk_spin_button_get_value_as_int (self->col_limit_spin);

  if (self->updating)
    return;
  /* A spin button that was put back after a refusal reports it again:
   * nothing changed then, and the refusal stays on screen. */
  if (pl_record_get_int (b, "picks-required") == picks && pl_record_get_boolean (b, "three-in-row") == line &&
      pl_record_get_int (b, "max-per-row") == per_row && pl_record_get_int (b, "max-per-col") == per_col)
    return;
  pl_record_set_int (b, "picks-required", picks);
  pl_record_set_boolean (b, "three-in-row", line);
  pl_record_set_int (b, "max-per-row", per_row);
  pl_record_set_int (b, "max-per-col", per_col);
  if (!pl_store_save_board (self->store, self->board, &error))
    {
      _pl_board_editor_show_error (self, error->message);
      _pl_board_editor_reload_board (self);
    }
  else
    _pl_board_editor_show_error (self, NULL);
  _pl_board_editor_update_design (self);
}

static void
on_rules_changed_cb (PlBoardEditor *self)
{
  save_rules (self);
}

static void
on_title_changed_cb (PlBoardEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  g_autofree char *trimmed = g_strstrip (g_strdup (title));

  if (self->updating)
    return;
  if (*trimmed == '\0')
    {
      _pl_board_editor_show_error (self, _("board: the title is empty"));
      return;
    }
  pl_record_set_string (PL_RECORD (self->board), "title", title);
  if (!pl_store_save_board (self->store, self->board, &error))
    {
      _pl_board_editor_show_error (self, error->message);
      _pl_board_editor_reload_board (self);
      return;
    }
  _pl_board_editor_show_error (self, NULL);
  adw_window_title_set_subtitle (self->window_title, title);
}

static void
on_size_changed_cb (PlBoardEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->updating ||
      (pl_record_get_int (PL_RECORD (self->board), "n-rows") == gtk_spin_button_get_value_as_int (self->rows_spin) &&
       pl_record_get_int (PL_RECORD (self->board), "n-cols") == gtk_spin_button_get_value_as_int (self->cols_spin)))
    return;
  if (!pl_store_resize_board (self->store, self->board,
                              (guint) gtk_spin_button_get_value_as_int (self->rows_spin),
                              (guint) gtk_spin_button_get_value_as_int (self->cols_spin), &error))
    {
      _pl_board_editor_show_error (self, error->message);
      fill_board_fields (self);
      return;
    }
  _pl_board_editor_show_error (self, NULL);
  _pl_board_editor_rebuild_cells (self);
}

static void
on_layout_changed_cb (PlBoardEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *layout = adw_combo_row_get_selected (self->layout_row) == 1 ? "menu" : "grid";

  if (self->updating)
    return;
  if (!pl_store_set_board_layout (self->store, self->board, layout, &error))
    _pl_board_editor_show_error (self, error->message);
  else
    _pl_board_editor_show_error (self, NULL);
  _pl_board_editor_reload_board (self);
  _pl_board_editor_rebuild_cells (self);
}

/* ---- the side panel ---------------------------------------------------- */

static void
fill_formats (PlBoardEditor *self,
              const char    *current)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char * const *vocabulary = pl_option_formats ();
  guint selected = 0;

  g_ptr_array_set_size (self->format_values, 0);
  gtk_string_list_append (labels, _("Not set"));
  g_ptr_array_add (self->format_values, NULL);
  for (guint i = 0; vocabulary[i] != NULL; i++)
    {
      gtk_string_list_append (labels, pl_option_format_label (vocabulary[i]));
      g_ptr_array_add (self->format_values, g_strdup (vocabulary[i]));
    }
  /* The teacher's own formats on this board, so that they can be reused. */
  for (guint i = 0; self->options != NULL && i < g_list_model_get_n_items (self->options); i++)
    {
      g_autoptr(PlRecord) o = g_list_model_get_item (self->options, i);
      const char *format = pl_record_get_string (o, "format");
      gboolean known = FALSE;

      if (format == NULL)
        continue;
      for (guint k = 1; k < self->format_values->len && !known; k++)
        known = g_strcmp0 (self->format_values->pdata[k], format) == 0;
      if (!known)
        {
          gtk_string_list_append (labels, format);
          g_ptr_array_add (self->format_values, g_strdup (format));
        }
    }
  gtk_string_list_append (labels, _("Other…"));
  g_ptr_array_add (self->format_values, g_strdup (""));
  for (guint k = 1; k + 1 < self->format_values->len; k++)
    if (g_strcmp0 (self->format_values->pdata[k], current) == 0)
      selected = k;
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->format_row, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->other_format_row), FALSE);
}

static void
on_standard_toggled_cb (GtkCheckButton *check,
                        PlBoardEditor  *self)
{
  g_autoptr(GError) error = NULL;
  const char *standard = g_object_get_data (G_OBJECT (check), "standard-uuid");
  gboolean ok;

  if (self->updating || self->selected == NULL)
    return;
  ok = gtk_check_button_get_active (check)
       ? pl_store_add_option_standard (self->store, self->selected, standard, &error)
       : pl_store_remove_option_standard (self->store, self->selected, standard, &error);
  if (!ok)
    _pl_board_editor_toast_error (self, error);
  _pl_board_editor_rebuild_cells (self);
}

static void
fill_standards (PlBoardEditor *self)
{
  g_autoptr(GListModel) mine = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->standards_list))) != NULL)
    gtk_list_box_remove (self->standards_list, child);
  if (self->selected == NULL)
    return;
  mine = pl_store_list_option_standards (self->store, self->selected, NULL);
  if (self->standards == NULL || g_list_model_get_n_items (self->standards) == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The unit targets no standard yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Add standards to the unit to link them here."));
      gtk_list_box_append (self->standards_list, row);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (self->standards); i++)
    {
      g_autoptr(PlRecord) s = g_list_model_get_item (self->standards, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      gboolean on = FALSE;
      g_autofree char *name = NULL;

      for (guint k = 0; mine != NULL && k < g_list_model_get_n_items (mine); k++)
        {
          g_autoptr(PlRecord) m = g_list_model_get_item (mine, k);

          on |= g_strcmp0 (pl_record_get_uuid (m), pl_record_get_uuid (s)) == 0;
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pl_record_get_string (s, "code"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), pl_record_get_string (s, "statement"));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), on);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      name = g_strdup_printf ("%s %s", pl_record_get_string (s, "code"), pl_record_get_string (s, "statement"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data_full (G_OBJECT (check), "standard-uuid", g_strdup (pl_record_get_uuid (s)), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (on_standard_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->standards_list, row);
    }
}

void
_pl_board_editor_fill_panel (PlBoardEditor *self)
{
  g_autoptr(PlRecord) o = _pl_board_editor_find_option (self, self->selected);
  const char *grouping;

  self->updating = TRUE;
  gtk_widget_set_sensitive (self->option_box, o != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.remove-option", o != NULL);
  adw_preferences_group_set_title (self->option_group, o != NULL ? _("Option") : _("No Option Selected"));
  adw_preferences_group_set_description (self->option_group,
                                         o == NULL ? _("Select an option of the board, or an empty square to add one.")
                                         : NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->option_title_row), o != NULL ? pl_record_get_string (o, "title") : "");
  gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                         o != NULL && pl_record_get_string (o, "description") != NULL
                         ? pl_record_get_string (o, "description") : "");
  fill_formats (self, o != NULL ? pl_record_get_string (o, "format") : NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->other_format_row), "");
  adw_combo_row_set_selected (self->tier_row, o != NULL ? (guint) CLAMP (pl_record_get_int (o, "tier"), 1, 3) - 1 : 1);
  grouping = o != NULL ? pl_record_get_string (o, "grouping") : "solo";
  adw_combo_row_set_selected (self->grouping_row, 0);
  for (guint i = 0; i < G_N_ELEMENTS (groupings); i++)
    if (g_strcmp0 (grouping, groupings[i]) == 0)
      adw_combo_row_set_selected (self->grouping_row, i);
  gtk_spin_button_set_value (self->minutes_spin, o != NULL ? (double) pl_record_get_int (o, "minutes") : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->tags_row),
                         o != NULL && pl_record_get_string (o, "tags") != NULL ? pl_record_get_string (o, "tags") : "");
  gtk_switch_set_active (self->required_switch, o != NULL && pl_record_get_boolean (o, "required"));
  /* On a menu the list an option is in says whether it is required. */
  gtk_widget_set_visible (GTK_WIDGET (self->required_row), !_pl_board_editor_is_menu (self));
  fill_standards (self);
  self->updating = FALSE;
}

static char *
cell_markup (PlBoardEditor *self,
             PlRecord      *o)
{
  g_autoptr(GListModel) standards = pl_store_list_option_standards (self->store, pl_record_get_uuid (o), NULL);
  guint n = standards != NULL ? g_list_model_get_n_items (standards) : 0;
  g_autofree char *evidence = n == 0 ? g_strdup (_("no standard yet"))
                                     : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u standard", "%u standards", n), n);
  const char *format = pl_record_get_string (o, "format");

  return g_markup_printf_escaped ("<b>%s</b>%s\n<small>%s%s%s · %" PRId64 " min</small>\n<small>%s%s</small>",
                                  pl_record_get_string (o, "title"),
                                  pl_record_get_boolean (o, "required") && !_pl_board_editor_is_menu (self) ? _(" · required") : "",
                                  format != NULL ? pl_option_format_label (format) : "",
                                  format != NULL ? " · " : "",
                                  pl_option_grouping_label (pl_record_get_string (o, "grouping")),
                                  pl_record_get_int (o, "minutes"),
                                  n == 0 ? "⚠ " : "", evidence);
}

void
_pl_board_editor_update_cell (PlBoardEditor *self,
                              PlRecord      *o)
{
  GtkWidget *button = _pl_board_editor_cell_of (self, pl_record_get_uuid (o));
  g_autofree char *markup = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GListModel) standards = NULL;

  if (button == NULL)
    return;
  markup = cell_markup (self, o);
  gtk_label_set_markup (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), markup);
  standards = pl_store_list_option_standards (self->store, pl_record_get_uuid (o), NULL);
  if (_pl_board_editor_is_menu (self))
    name = g_strdup_printf (_("%s, %s option; %u standards"), pl_record_get_string (o, "title"),
                            pl_record_get_boolean (o, "required") ? _("must-do") : _("may-do"),
                            standards != NULL ? g_list_model_get_n_items (standards) : 0);
  else
    name = g_strdup_printf (_("%s, row %d, column %d%s; %u standards"), pl_record_get_string (o, "title"),
                            (int) pl_record_get_int (o, "grid-row") + 1, (int) pl_record_get_int (o, "grid-col") + 1,
                            pl_record_get_boolean (o, "required") ? _(", required") : "",
                            standards != NULL ? g_list_model_get_n_items (standards) : 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
save_option (PlBoardEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) o = _pl_board_editor_find_option (self, self->selected);
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->option_title_row));
  guint format = adw_combo_row_get_selected (self->format_row);
  const char *value = format < self->format_values->len ? self->format_values->pdata[format] : NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (title));

  if (self->updating || o == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->other_format_row), value != NULL && *value == '\0');
  if (*trimmed == '\0')
    return;   /* keep the last title until a new one is typed */
  pl_record_set_string (o, "title", title);
  pl_record_set_string (o, "description", gtk_editable_get_text (GTK_EDITABLE (self->description_row)));
  if (value != NULL && *value == '\0')
    pl_record_set_string (o, "format", gtk_editable_get_text (GTK_EDITABLE (self->other_format_row)));
  else
    pl_record_set_string (o, "format", value);
  pl_record_set_int (o, "tier", adw_combo_row_get_selected (self->tier_row) + 1);
  pl_record_set_string (o, "grouping", groupings[MIN (adw_combo_row_get_selected (self->grouping_row), 2)]);
  pl_record_set_int (o, "minutes", gtk_spin_button_get_value_as_int (self->minutes_spin));
  pl_record_set_string (o, "tags", gtk_editable_get_text (GTK_EDITABLE (self->tags_row)));
  if (!_pl_board_editor_is_menu (self))
    pl_record_set_boolean (o, "required", gtk_switch_get_active (self->required_switch));
  if (!pl_store_save_option (self->store, PL_CHOICE_OPTION (o), &error))
    {
      _pl_board_editor_show_error (self, error->message);
      return;
    }
  _pl_board_editor_show_error (self, NULL);
  _pl_board_editor_update_cell (self, o);
  _pl_board_editor_update_design (self);
}

static void
on_option_changed_cb (PlBoardEditor *self)
{
  save_option (self);
}

/* ---- GObject ------------------------------------------------------------ */

static void
pl_board_editor_dispose (GObject *object)
{
  PlBoardEditor *self = PL_BOARD_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_BOARD_EDITOR);
  g_clear_object (&self->options);
  g_clear_object (&self->standards);
  g_clear_object (&self->board);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->format_values, g_ptr_array_unref);
  g_clear_pointer (&self->selected, g_free);

  G_OBJECT_CLASS (pl_board_editor_parent_class)->dispose (object);
}

static void
pl_board_editor_class_init (PlBoardEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct { guint key; int dr, dc; } moves[] = {
    { GDK_KEY_Up, -1, 0 }, { GDK_KEY_Down, 1, 0 }, { GDK_KEY_Left, 0, -1 }, { GDK_KEY_Right, 0, 1 },
  };

  G_OBJECT_CLASS (klass)->dispose = pl_board_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/PersonalLearn/boards/pl-board-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, toasts);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, layout_row);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, rows_row);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, cols_row);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, rows_spin);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, cols_spin);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, picks_spin);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, line_row);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, line_switch);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, row_limit_row);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, col_limit_row);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, row_limit_spin);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, col_limit_spin);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, design_label);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, options_group);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, grid);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, menu_box);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, must_list);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, may_list);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, option_box);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, option_group);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, option_title_row);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, format_row);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, other_format_row);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, tier_row);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, grouping_row);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, tags_row);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, required_row);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, required_switch);
  gtk_widget_class_bind_template_child (widget_class, PlBoardEditor, standards_list);

  gtk_widget_class_install_action (widget_class, "editor.move", "(ii)", _pl_board_editor_move_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.add-option", "s", _pl_board_editor_add_option_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.remove-option", NULL, _pl_board_editor_remove_option_action_cb);
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    gtk_widget_class_add_binding_action (widget_class, moves[i].key, GDK_ALT_MASK, "editor.move",
                                         "(ii)", moves[i].dr, moves[i].dc);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, _pl_board_editor_delete_key_cb, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_board_editor_init (PlBoardEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cells = g_ptr_array_new ();
  self->format_values = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (on_title_changed_cb), self);
  g_signal_connect_swapped (self->layout_row, "notify::selected", G_CALLBACK (on_layout_changed_cb), self);
  g_signal_connect_swapped (self->rows_spin, "value-changed", G_CALLBACK (on_size_changed_cb), self);
  g_signal_connect_swapped (self->cols_spin, "value-changed", G_CALLBACK (on_size_changed_cb), self);
  g_signal_connect_swapped (self->picks_spin, "value-changed", G_CALLBACK (on_rules_changed_cb), self);
  g_signal_connect_swapped (self->line_switch, "notify::active", G_CALLBACK (on_rules_changed_cb), self);
  g_signal_connect_swapped (self->row_limit_spin, "value-changed", G_CALLBACK (on_rules_changed_cb), self);
  g_signal_connect_swapped (self->col_limit_spin, "value-changed", G_CALLBACK (on_rules_changed_cb), self);

  g_signal_connect_swapped (self->option_title_row, "changed", G_CALLBACK (on_option_changed_cb), self);
  g_signal_connect_swapped (self->description_row, "changed", G_CALLBACK (on_option_changed_cb), self);
  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (on_option_changed_cb), self);
  g_signal_connect_swapped (self->other_format_row, "changed", G_CALLBACK (on_option_changed_cb), self);
  g_signal_connect_swapped (self->tier_row, "notify::selected", G_CALLBACK (on_option_changed_cb), self);
  g_signal_connect_swapped (self->grouping_row, "notify::selected", G_CALLBACK (on_option_changed_cb), self);
  g_signal_connect_swapped (self->minutes_spin, "value-changed", G_CALLBACK (on_option_changed_cb), self);
  g_signal_connect_swapped (self->tags_row, "changed", G_CALLBACK (on_option_changed_cb), self);
  g_signal_connect_swapped (self->required_switch, "notify::active", G_CALLBACK (on_option_changed_cb), self);
}

PlBoardEditor *
pl_board_editor_new (PlContext *context,
                     PlBoard   *board)
{
  PlBoardEditor *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (PL_IS_BOARD (board), NULL);

  self = g_object_new (PL_TYPE_BOARD_EDITOR, "title", _("Edit Board"), NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (pl_context_get_store (context));
  self->board = pl_store_get (self->store, PL_TYPE_BOARD, pl_record_get_uuid (PL_RECORD (board)), NULL);
  if (self->board == NULL)
    self->board = g_object_ref (board);
  self->standards = pl_store_list_board_standards (self->store, pl_record_get_uuid (PL_RECORD (board)), &error);
  if (self->standards == NULL)
    _pl_board_editor_toast_error (self, error);
  fill_board_fields (self);
  _pl_board_editor_rebuild_cells (self);
  if (self->cells->len > 0)
    gtk_window_set_focus (GTK_WINDOW (self), self->cells->pdata[0]);
  return self;
}

const char *
pl_board_editor_get_selected_option (PlBoardEditor *self)
{
  g_return_val_if_fail (PL_IS_BOARD_EDITOR (self), NULL);
  return self->selected;
}
