/* pl-board-editor.c — build and edit a choice board: its layout and
 * rules, and its options as the grid itself (or the must-do and may-do
 * lists), one option at a time in the side panel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "core/pl-core.h"
#include "core/pl-store-boards.h"
#include "pl-accessible.h"
#include "pl-board-editor.h"

struct _PlBoardEditor
{
  AdwWindow        parent_instance;

  PlContext       *context;
  PlStore         *store;
  PlBoard         *board;
  GListModel      *options;
  GListModel      *standards;     /* what an option can give evidence for */
  GPtrArray       *cells;         /* buttons, one per square or menu option */
  GPtrArray       *format_values; /* per item of the format row; NULL: not set */
  char            *selected;      /* uuid of the option in the side panel */
  gboolean         updating;

  AdwToastOverlay *toasts;
  AdwWindowTitle  *window_title;
  AdwEntryRow     *title_row;
  AdwComboRow     *layout_row;
  AdwActionRow    *rows_row;
  AdwActionRow    *cols_row;
  GtkSpinButton   *rows_spin;
  GtkSpinButton   *cols_spin;
  GtkSpinButton   *picks_spin;
  AdwActionRow    *line_row;
  GtkSwitch       *line_switch;
  AdwActionRow    *row_limit_row;
  AdwActionRow    *col_limit_row;
  GtkSpinButton   *row_limit_spin;
  GtkSpinButton   *col_limit_spin;
  GtkLabel        *error_label;
  GtkLabel        *design_label;
  AdwPreferencesGroup *options_group;
  GtkGrid         *grid;
  GtkBox          *menu_box;
  GtkBox          *must_list;
  GtkBox          *may_list;
  GtkWidget       *option_box;
  AdwPreferencesGroup *option_group;
  AdwEntryRow     *option_title_row;
  AdwEntryRow     *description_row;
  AdwComboRow     *format_row;
  AdwEntryRow     *other_format_row;
  AdwComboRow     *tier_row;
  AdwComboRow     *grouping_row;
  GtkSpinButton   *minutes_spin;
  AdwEntryRow     *tags_row;
  AdwActionRow    *required_row;
  GtkSwitch       *required_switch;
  GtkListBox      *standards_list;
};

G_DEFINE_FINAL_TYPE (PlBoardEditor, pl_board_editor, ADW_TYPE_WINDOW)

static const char * const groupings[] = { "solo", "pair", "group" };

static void rebuild_cells (PlBoardEditor *self);
static void select_option (PlBoardEditor *self,
                           const char    *uuid);

static gboolean
is_menu (PlBoardEditor *self)
{
  return g_strcmp0 (pl_record_get_string (PL_RECORD (self->board), "layout"), "menu") == 0;
}

static void
toast_error (PlBoardEditor *self,
             GError        *error)
{
  if (error != NULL)
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

static PlRecord *
find_option (PlBoardEditor *self,
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

static GtkWidget *
cell_of (PlBoardEditor *self,
         const char    *uuid)
{
  for (guint i = 0; i < self->cells->len; i++)
    if (g_strcmp0 (g_object_get_data (self->cells->pdata[i], "option-uuid"), uuid) == 0)
      return self->cells->pdata[i];
  return NULL;
}

/* ---- design warnings --------------------------------------------------- */

static void
update_design (PlBoardEditor *self)
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
      if (is_menu (self))
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

static void
show_error (PlBoardEditor *self,
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
  gboolean menu = is_menu (self);

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
static void
reload_board (PlBoardEditor *self)
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
  gboolean line = !is_menu (self) && gtk_switch_get_active (self->line_switch);
  gint64 per_row = is_menu (self) ? 0 : gtk_spin_button_get_value_as_int (self->row_limit_spin);
  gint64 per_col = is_menu (self) ? 0 : gtk_spin_button_get_value_as_int (self->col_limit_spin);

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
      show_error (self, error->message);
      reload_board (self);
    }
  else
    show_error (self, NULL);
  update_design (self);
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
      show_error (self, _("board: the title is empty"));
      return;
    }
  pl_record_set_string (PL_RECORD (self->board), "title", title);
  if (!pl_store_save_board (self->store, self->board, &error))
    {
      show_error (self, error->message);
      reload_board (self);
      return;
    }
  show_error (self, NULL);
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
      show_error (self, error->message);
      fill_board_fields (self);
      return;
    }
  show_error (self, NULL);
  rebuild_cells (self);
}

static void
on_layout_changed_cb (PlBoardEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *layout = adw_combo_row_get_selected (self->layout_row) == 1 ? "menu" : "grid";

  if (self->updating)
    return;
  if (!pl_store_set_board_layout (self->store, self->board, layout, &error))
    show_error (self, error->message);
  else
    show_error (self, NULL);
  reload_board (self);
  rebuild_cells (self);
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
    toast_error (self, error);
  rebuild_cells (self);
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

static void
fill_panel (PlBoardEditor *self)
{
  g_autoptr(PlRecord) o = find_option (self, self->selected);
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
  gtk_widget_set_visible (GTK_WIDGET (self->required_row), !is_menu (self));
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

  return g_markup_printf_escaped ("<b>%s</b>%s\n<small>%s%s%s · %" G_GINT64_FORMAT " min</small>\n<small>%s%s</small>",
                                  pl_record_get_string (o, "title"),
                                  pl_record_get_boolean (o, "required") && !is_menu (self) ? _(" · required") : "",
                                  format != NULL ? pl_option_format_label (format) : "",
                                  format != NULL ? " · " : "",
                                  pl_option_grouping_label (pl_record_get_string (o, "grouping")),
                                  pl_record_get_int (o, "minutes"),
                                  n == 0 ? "⚠ " : "", evidence);
}

static void
update_cell (PlBoardEditor *self,
             PlRecord      *o)
{
  GtkWidget *button = cell_of (self, pl_record_get_uuid (o));
  g_autofree char *markup = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GListModel) standards = NULL;

  if (button == NULL)
    return;
  markup = cell_markup (self, o);
  gtk_label_set_markup (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), markup);
  standards = pl_store_list_option_standards (self->store, pl_record_get_uuid (o), NULL);
  if (is_menu (self))
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
  g_autoptr(PlRecord) o = find_option (self, self->selected);
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
  if (!is_menu (self))
    pl_record_set_boolean (o, "required", gtk_switch_get_active (self->required_switch));
  if (!pl_store_save_option (self->store, PL_CHOICE_OPTION (o), &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  update_cell (self, o);
  update_design (self);
}

static void
on_option_changed_cb (PlBoardEditor *self)
{
  save_option (self);
}

/* ---- cells ------------------------------------------------------------- */

static void
select_option (PlBoardEditor *self,
               const char    *uuid)
{
  g_autofree char *keep = g_strdup (uuid);

  g_free (self->selected);
  self->selected = g_steal_pointer (&keep);
  for (guint i = 0; i < self->cells->len; i++)
    {
      GtkWidget *cell = self->cells->pdata[i];
      gboolean on = self->selected != NULL &&
                    g_strcmp0 (g_object_get_data (G_OBJECT (cell), "option-uuid"), self->selected) == 0;

      if (on)
        gtk_widget_add_css_class (cell, "suggested-action");
      else
        gtk_widget_remove_css_class (cell, "suggested-action");
      gtk_accessible_update_state (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_STATE_SELECTED, on, -1);
    }
  fill_panel (self);
}

static void
on_cell_focus_enter_cb (GtkEventControllerFocus *focus,
                        PlBoardEditor           *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));
  const char *uuid = g_object_get_data (G_OBJECT (cell), "option-uuid");

  if (uuid != NULL && g_strcmp0 (uuid, self->selected) != 0)
    select_option (self, uuid);
}

static void
on_cell_clicked_cb (GtkButton     *button,
                    PlBoardEditor *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (button), "option-uuid");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlChoiceOption) made = NULL;

  if (uuid != NULL)
    {
      /* A second press goes on to the option's fields. */
      if (g_strcmp0 (uuid, self->selected) == 0)
        gtk_widget_grab_focus (GTK_WIDGET (self->option_title_row));
      else
        select_option (self, uuid);
      return;
    }
  made = pl_store_add_option (self->store, self->board, NULL,
                              GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "row")) - 1,
                              GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "col")) - 1, &error);
  if (made == NULL)
    {
      toast_error (self, error);
      return;
    }
  g_free (self->selected);
  self->selected = g_strdup (pl_record_get_uuid (PL_RECORD (made)));
  rebuild_cells (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->option_title_row));
}

/* Drag an option onto another square (or list place) to move it there. */
static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    PlBoardEditor *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  return gdk_content_provider_new_typed (G_TYPE_STRING, g_object_get_data (G_OBJECT (cell), "option-uuid"));
}

static void
move_to_cell (PlBoardEditor *self,
              const char    *uuid,
              GtkWidget     *target)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) o = find_option (self, uuid);
  gboolean ok;

  if (o == NULL)
    return;
  if (is_menu (self))
    ok = pl_store_move_menu_option (self->store, PL_CHOICE_OPTION (o), g_object_get_data (G_OBJECT (target), "section"),
                                    GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (target), "index")), &error);
  else
    ok = pl_store_move_option (self->store, PL_CHOICE_OPTION (o),
                               GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (target), "row")) - 1,
                               GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (target), "col")) - 1, &error);
  if (!ok)
    toast_error (self, error);
  g_free (self->selected);
  self->selected = g_strdup (uuid);
  rebuild_cells (self);
  if (cell_of (self, uuid) != NULL)
    gtk_widget_grab_focus (cell_of (self, uuid));
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            PlBoardEditor *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  const char *uuid = g_value_get_string (value);

  if (uuid == NULL || g_strcmp0 (uuid, g_object_get_data (G_OBJECT (cell), "option-uuid")) == 0)
    return FALSE;
  move_to_cell (self, uuid, cell);
  return TRUE;
}

static GtkWidget *
new_cell (PlBoardEditor *self,
          PlRecord      *o,
          guint          row,
          guint          col)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_set_size_request (button, 120, 84);
  /* Stored one up, so that row 0 is not a NULL pointer. */
  g_object_set_data (G_OBJECT (button), "row", GUINT_TO_POINTER (row + 1));
  g_object_set_data (G_OBJECT (button), "col", GUINT_TO_POINTER (col + 1));
  if (o != NULL)
    {
      GtkDragSource *drag = gtk_drag_source_new ();

      g_object_set_data_full (G_OBJECT (button), "option-uuid", g_strdup (pl_record_get_uuid (o)), g_free);
      gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
      g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare_cb), self);
      gtk_widget_add_controller (button, GTK_EVENT_CONTROLLER (drag));
    }
  else
    {
      g_autofree char *name = g_strdup_printf (_("Empty square, row %u, column %u: add an option"), row + 1, col + 1);

      gtk_label_set_label (GTK_LABEL (label), _("Empty square\nAdd an option"));
      gtk_widget_add_css_class (label, "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_set_tooltip_text (button, _("Add an option in this square"));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Alt+arrow keys move the option; Delete removes it"), -1);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (button, GTK_EVENT_CONTROLLER (drop));
  g_signal_connect (focus, "enter", G_CALLBACK (on_cell_focus_enter_cb), self);
  gtk_widget_add_controller (button, focus);
  g_signal_connect (button, "clicked", G_CALLBACK (on_cell_clicked_cb), self);
  g_ptr_array_add (self->cells, button);
  if (o != NULL)
    update_cell (self, o);
  return button;
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_GRID (box))
        gtk_grid_remove (GTK_GRID (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static void
rebuild_cells (PlBoardEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean menu = is_menu (self);
  guint index[2] = { 0, 0 };
  g_autoptr(PlRecord) still = NULL;

  clear_box (GTK_WIDGET (self->grid));
  clear_box (GTK_WIDGET (self->must_list));
  clear_box (GTK_WIDGET (self->may_list));
  g_ptr_array_set_size (self->cells, 0);
  g_clear_object (&self->options);
  self->options = pl_store_list_board_options (self->store, pl_record_get_uuid (PL_RECORD (self->board)), &error);
  if (self->options == NULL)
    {
      toast_error (self, error);
      self->options = G_LIST_MODEL (g_list_store_new (PL_TYPE_CHOICE_OPTION));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->grid), !menu);
  gtk_widget_set_visible (GTK_WIDGET (self->menu_box), menu);

  if (menu)
    for (guint i = 0; i < g_list_model_get_n_items (self->options); i++)
      {
        g_autoptr(PlRecord) o = g_list_model_get_item (self->options, i);
        gboolean must = g_strcmp0 (pl_record_get_string (o, "section"), "must") == 0;
        GtkWidget *cell = new_cell (self, o, (guint) pl_record_get_int (o, "grid-row"), 0);

        g_object_set_data (G_OBJECT (cell), "section", (gpointer) (must ? "must" : "may"));
        g_object_set_data (G_OBJECT (cell), "index", GUINT_TO_POINTER (index[must ? 0 : 1]++));
        gtk_widget_set_size_request (cell, -1, 64);
        gtk_box_append (must ? self->must_list : self->may_list, cell);
      }
  else
    for (guint r = 0; r < (guint) pl_record_get_int (PL_RECORD (self->board), "n-rows"); r++)
      for (guint c = 0; c < (guint) pl_record_get_int (PL_RECORD (self->board), "n-cols"); c++)
        {
          g_autoptr(PlRecord) there = NULL;

          for (guint i = 0; i < g_list_model_get_n_items (self->options) && there == NULL; i++)
            {
              g_autoptr(PlRecord) o = g_list_model_get_item (self->options, i);

              if (pl_record_get_int (o, "grid-row") == r && pl_record_get_int (o, "grid-col") == c)
                there = g_steal_pointer (&o);
            }
          gtk_grid_attach (self->grid, new_cell (self, there, r, c), (int) c, (int) r, 1, 1);
        }

  still = find_option (self, self->selected);
  if (still == NULL && g_list_model_get_n_items (self->options) > 0)
    {
      g_autoptr(PlRecord) first = g_list_model_get_item (self->options, 0);

      select_option (self, pl_record_get_uuid (first));
    }
  else
    select_option (self, still != NULL ? pl_record_get_uuid (still) : NULL);
  update_design (self);
}

/* ---- actions ------------------------------------------------------------ */

static void
move_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PlBoardEditor *self = PL_BOARD_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) o = find_option (self, self->selected);
  int dr, dc;
  gboolean ok;

  if (o == NULL)
    return;
  g_variant_get (parameter, "(ii)", &dr, &dc);
  if (is_menu (self))
    {
      GtkWidget *cell = cell_of (self, self->selected);
      const char *section = g_object_get_data (G_OBJECT (cell), "section");
      guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "index"));

      if (dc != 0)
        section = dc < 0 ? "must" : "may";
      else if (dr < 0 && index == 0)
        return;
      else
        index = dr < 0 ? index - 1 : index + 1;
      ok = pl_store_move_menu_option (self->store, PL_CHOICE_OPTION (o), section, index, &error);
    }
  else
    {
      gint64 row = pl_record_get_int (o, "grid-row") + dr, col = pl_record_get_int (o, "grid-col") + dc;

      if (row < 0 || col < 0 || row >= pl_record_get_int (PL_RECORD (self->board), "n-rows") ||
          col >= pl_record_get_int (PL_RECORD (self->board), "n-cols"))
        {
          gtk_widget_error_bell (widget);
          return;
        }
      ok = pl_store_move_option (self->store, PL_CHOICE_OPTION (o), (guint) row, (guint) col, &error);
    }
  if (!ok)
    {
      toast_error (self, error);
      return;
    }
  reload_board (self);
  rebuild_cells (self);
  if (cell_of (self, self->selected) != NULL)
    gtk_widget_grab_focus (cell_of (self, self->selected));
}

static void
add_option_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PlBoardEditor *self = PL_BOARD_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlChoiceOption) made = pl_store_add_option (self->store, self->board, g_variant_get_string (parameter, NULL),
                                                        0, 0, &error);

  if (made == NULL)
    {
      toast_error (self, error);
      return;
    }
  g_free (self->selected);
  self->selected = g_strdup (pl_record_get_uuid (PL_RECORD (made)));
  reload_board (self);
  rebuild_cells (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->option_title_row));
}

typedef struct
{
  PlBoardEditor *self;
  PlRecord      *option;
} Undo;

static void
undo_free (gpointer data)
{
  Undo *u = data;

  g_object_unref (u->self);
  g_object_unref (u->option);
  g_free (u);
}

static void
on_undo_remove_cb (AdwToast *t,
                   Undo     *u)
{
  g_autoptr(GError) error = NULL;

  if (!pl_store_restore_option (u->self->store, PL_CHOICE_OPTION (u->option), &error))
    {
      toast_error (u->self, error);
      return;
    }
  g_free (u->self->selected);
  u->self->selected = g_strdup (pl_record_get_uuid (u->option));
  reload_board (u->self);
  rebuild_cells (u->self);
}

static void
remove_option_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PlBoardEditor *self = PL_BOARD_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) o = find_option (self, self->selected);
  AdwToast *t;
  Undo *u;

  if (o == NULL)
    return;
  if (!pl_store_remove_option (self->store, PL_CHOICE_OPTION (o), &error))
    {
      toast_error (self, error);
      return;
    }
  t = adw_toast_new_format (_("“%s” removed"), pl_record_get_string (o, "title"));
  adw_toast_set_button_label (t, _("_Undo"));
  u = g_new0 (Undo, 1);
  u->self = g_object_ref (self);
  u->option = g_object_ref (o);
  g_signal_connect_data (t, "button-clicked", G_CALLBACK (on_undo_remove_cb), u,
                         (GClosureNotify) (void (*) (void)) undo_free, 0);
  adw_toast_overlay_add_toast (self->toasts, t);
  g_clear_pointer (&self->selected, g_free);
  reload_board (self);
  rebuild_cells (self);
  if (self->cells->len > 0)
    gtk_widget_grab_focus (self->cells->pdata[0]);
}

/* Delete removes the option of the focused square, not what a text field
 * or a check box would otherwise get. */
static gboolean
delete_key_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  PlBoardEditor *self = PL_BOARD_EDITOR (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (widget));

  if (focus == NULL || !g_ptr_array_find (self->cells, focus, NULL) ||
      g_object_get_data (G_OBJECT (focus), "option-uuid") == NULL)
    return FALSE;
  remove_option_action_cb (widget, "editor.remove-option", NULL);
  return TRUE;
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

  gtk_widget_class_install_action (widget_class, "editor.move", "(ii)", move_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.add-option", "s", add_option_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.remove-option", NULL, remove_option_action_cb);
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    gtk_widget_class_add_binding_action (widget_class, moves[i].key, GDK_ALT_MASK, "editor.move",
                                         "(ii)", moves[i].dr, moves[i].dc);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, delete_key_cb, NULL);
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
    toast_error (self, error);
  fill_board_fields (self);
  rebuild_cells (self);
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
