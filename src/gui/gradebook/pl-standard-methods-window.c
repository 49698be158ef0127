/* pl-standard-methods-window.c — the calculation method of each standard
 * of a class, from the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "pl-standard-methods-window.h"

typedef struct
{
  PlStandardMethodsWindow *self;
  char                    *standard_uuid;
  GtkDropDown             *method;
  GtkSpinButton           *param;
  GtkSpinButton           *level;
  GtkLabel                *summary;
} MethodRow;

static void
method_row_free (gpointer data)
{
  MethodRow *row = data;

  g_free (row->standard_uuid);
  g_free (row);
}

struct _PlStandardMethodsWindow
{
  AdwWindow        parent_instance;

  PlStore         *store;
  char            *classroom_uuid;
  char            *class_method;
  double           class_param;
  double           class_level;
  AdwToastOverlay *toasts;
  GPtrArray       *rows;
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (PlStandardMethodsWindow, pl_standard_methods_window, ADW_TYPE_WINDOW)

static const char *
row_method (MethodRow *row)
{
  const char * const *names = pl_gradebook_method_names ();
  guint selected = gtk_drop_down_get_selected (row->method);

  if (selected == 0 || selected > g_strv_length ((char **) names))
    return NULL;
  return names[selected - 1];
}

/* Which numbers the method takes, their ranges and what they mean. */
static void
update_numbers (MethodRow *row)
{
  const char *method = row_method (row);
  gboolean average = g_strcmp0 (method, "decaying-average") == 0 || g_strcmp0 (method, "weighted-average") == 0;
  gboolean n_mastery = g_strcmp0 (method, "n-mastery") == 0;
  g_autofree char *summary = NULL;

  row->self->updating = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (row->param), average || n_mastery);
  gtk_widget_set_visible (GTK_WIDGET (row->level), n_mastery);
  if (average)
    {
      gtk_spin_button_set_range (row->param, 1, 99);
      gtk_widget_set_tooltip_text (GTK_WIDGET (row->param), _("Weight of the newest score, in percent"));
    }
  else if (n_mastery)
    {
      gtk_spin_button_set_range (row->param, 1, 20);
      gtk_widget_set_tooltip_text (GTK_WIDGET (row->param), _("How many scores must reach the mastery level"));
    }
  row->self->updating = FALSE;
  if (method == NULL)
    {
      g_autofree char *class = pl_gradebook_method_describe (row->self->class_method, row->self->class_param,
                                                             row->self->class_level);

      /* Translators: a standard that uses the class's method, named. */
      summary = g_strdup_printf (_("The class’s method: %s"), class);
    }
  else
    summary = pl_gradebook_method_describe (method, gtk_widget_get_visible (GTK_WIDGET (row->param))
                                                    ? gtk_spin_button_get_value (row->param) : 0,
                                            n_mastery ? gtk_spin_button_get_value (row->level) : 0);
  gtk_label_set_text (row->summary, summary);
}

static void
save_row (MethodRow *row)
{
  PlStandardMethodsWindow *self = row->self;
  g_autoptr(GError) error = NULL;
  const char *method = row_method (row);
  double param = 0, level = 0;

  if (self->updating)
    return;
  update_numbers (row);
  if (gtk_widget_get_visible (GTK_WIDGET (row->param)))
    param = gtk_spin_button_get_value (row->param);
  if (gtk_widget_get_visible (GTK_WIDGET (row->level)))
    level = gtk_spin_button_get_value (row->level);
  if (!pl_store_set_standard_method_full (self->store, self->classroom_uuid, row->standard_uuid,
                                          method, param, level, &error))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

static void
on_method_selected_cb (GtkDropDown *dropdown,
                       GParamSpec  *pspec,
                       MethodRow   *row)
{
  const char *method = row_method (row);

  if (row->self->updating)
    return;
  /* A new method starts from its own defaults. */
  row->self->updating = TRUE;
  gtk_spin_button_set_value (row->param, g_strcmp0 (method, "n-mastery") == 0 ? 3 : 65);
  gtk_spin_button_set_value (row->level, 3);
  row->self->updating = FALSE;
  save_row (row);
}

static void
on_number_changed_cb (GtkSpinButton *spin,
                      MethodRow     *row)
{
  save_row (row);
}

static void
pl_standard_methods_window_dispose (GObject *object)
{
  PlStandardMethodsWindow *self = PL_STANDARD_METHODS_WINDOW (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_pointer (&self->classroom_uuid, g_free);
  g_clear_pointer (&self->class_method, g_free);
  G_OBJECT_CLASS (pl_standard_methods_window_parent_class)->dispose (object);
}

static void
pl_standard_methods_window_class_init (PlStandardMethodsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pl_standard_methods_window_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_standard_methods_window_init (PlStandardMethodsWindow *self)
{
  self->rows = g_ptr_array_new_with_free_func (method_row_free);
}

static GtkSpinButton *
number_spin (const char *accessible_label,
             double      lower,
             double      upper,
             double      step,
             guint       digits)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (lower, upper, step));

  gtk_spin_button_set_digits (spin, digits);
  gtk_widget_set_valign (GTK_WIDGET (spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  return spin;
}

PlStandardMethodsWindow *
pl_standard_methods_window_new (PlStore           *store,
                                const PlGradebook *gb,
                                guint              focus_standard)
{
  PlStandardMethodsWindow *self;
  const char * const *names = pl_gradebook_method_names ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *box, *header, *intro, *scroller, *clamp, *list;
  g_autofree char *title = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (gb != NULL, NULL);

  /* Translators: the window's title; %s is the class. */
  title = g_strdup_printf (_("Methods per Standard — %s"), gb->classroom_name);
  self = g_object_new (PL_TYPE_STANDARD_METHODS_WINDOW, "title", title, "default-width", 900,
                       "default-height", 520, NULL);
  self->store = g_object_ref (store);
  self->classroom_uuid = g_strdup (gb->classroom_uuid);
  self->class_method = g_strdup (gb->class_method);
  self->class_param = gb->class_param;
  self->class_level = gb->class_mastery_level;

  gtk_string_list_append (labels, _("The class’s method"));
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *label = pl_gradebook_method_describe (names[i], 0, 0);
      char *paren = strchr (label, '(');

      /* The list names the method; its numbers have fields of their own. */
      if (paren != NULL && paren > label)
        paren[-1] = '\0';
      gtk_string_list_append (labels, label);
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);
  intro = gtk_label_new (_("Each standard rolls its evidence up with the class’s method unless it has its own "
                           "here. Changes are saved at once; Escape closes."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_widget_add_css_class (intro, "dim-label");
  gtk_widget_set_margin_start (intro, 12);
  gtk_widget_set_margin_end (intro, 12);
  gtk_widget_set_margin_top (intro, 6);
  gtk_widget_set_margin_bottom (intro, 6);
  gtk_box_append (GTK_BOX (box), intro);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Standards and their methods"), -1);
  for (guint j = 0; j < gb->n_standards; j++)
    {
      MethodRow *row = g_new0 (MethodRow, 1);
      GtkWidget *action_row = adw_action_row_new ();
      g_autofree char *method_label = g_strdup_printf (_("Method for %s"), gb->standard_codes[j]);
      g_autofree char *param_label = g_strdup_printf (_("Number for the method of %s"), gb->standard_codes[j]);
      g_autofree char *level_label = g_strdup_printf (_("Mastery level for %s"), gb->standard_codes[j]);
      GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      guint selected = 0;

      row->self = self;
      row->standard_uuid = g_strdup (gb->standard_uuids[j]);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), gb->standard_codes[j]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), gb->standard_statements[j]);
      /* The statement in two lines, with the whole of it as a tooltip,
       * leaves room for the method and its numbers. */
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (action_row), 2);
      gtk_widget_set_tooltip_text (action_row, gb->standard_statements[j]);
      row->summary = GTK_LABEL (gtk_label_new (NULL));
      gtk_widget_add_css_class (GTK_WIDGET (row->summary), "caption");
      gtk_widget_add_css_class (GTK_WIDGET (row->summary), "dim-label");
      gtk_label_set_xalign (row->summary, 1);
      gtk_label_set_wrap (row->summary, TRUE);
      gtk_label_set_width_chars (row->summary, 28);
      gtk_label_set_max_width_chars (row->summary, 36);
      gtk_box_append (GTK_BOX (texts), GTK_WIDGET (row->summary));
      gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);

      if (gb->standard_method_overridden[j])
        for (guint i = 0; names[i] != NULL; i++)
          if (g_strcmp0 (names[i], gb->standard_methods[j]) == 0)
            selected = i + 1;
      row->method = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL));
      gtk_drop_down_set_selected (row->method, selected);
      gtk_widget_set_valign (GTK_WIDGET (row->method), GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->method), GTK_ACCESSIBLE_PROPERTY_LABEL, method_label, -1);
      row->param = number_spin (param_label, 1, 99, 1, 0);
      row->level = number_spin (level_label, 0.5, PL_GRADEBOOK_SCALE, 0.5, 1);
      gtk_widget_set_tooltip_text (GTK_WIDGET (row->level), _("The level a score must reach to count"));
      gtk_spin_button_set_value (row->level, 3);
      if (selected > 0)
        {
          gboolean n_mastery = g_str_equal (gb->standard_methods[j], "n-mastery");
          double param = gb->standard_params[j] > 0 ? gb->standard_params[j] : (n_mastery ? 3 : 65);

          self->updating = TRUE;
          gtk_spin_button_set_range (row->param, 1, n_mastery ? 20 : 99);
          gtk_spin_button_set_value (row->param, param);
          if (gb->standard_mastery_levels[j] > 0)
            gtk_spin_button_set_value (row->level, gb->standard_mastery_levels[j]);
          self->updating = FALSE;
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), texts);
      adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), GTK_WIDGET (row->method));
      adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), GTK_WIDGET (row->param));
      adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), GTK_WIDGET (row->level));
      gtk_list_box_append (GTK_LIST_BOX (list), action_row);
      update_numbers (row);
      g_signal_connect (row->method, "notify::selected", G_CALLBACK (on_method_selected_cb), row);
      g_signal_connect (row->param, "value-changed", G_CALLBACK (on_number_changed_cb), row);
      g_signal_connect (row->level, "value-changed", G_CALLBACK (on_number_changed_cb), row);
      g_ptr_array_add (self->rows, row);
    }
  if (gb->n_standards == 0)
    {
      GtkWidget *empty = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (empty),
                                     _("The class has no standards yet: add them to its unit first."));
      gtk_list_box_append (GTK_LIST_BOX (list), empty);
    }

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 980);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 980);
  gtk_widget_set_margin_start (list, 12);
  gtk_widget_set_margin_end (list, 12);
  gtk_widget_set_margin_bottom (list, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), list);
  scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_box_append (GTK_BOX (box), scroller);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));

  if (focus_standard < self->rows->len)
    gtk_widget_grab_focus (GTK_WIDGET (((MethodRow *) g_ptr_array_index (self->rows, focus_standard))->method));
  return self;
}

GtkDropDown *
pl_standard_methods_window_get_method (PlStandardMethodsWindow *self,
                                       guint                    index)
{
  g_return_val_if_fail (PL_IS_STANDARD_METHODS_WINDOW (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return ((MethodRow *) g_ptr_array_index (self->rows, index))->method;
}

GtkSpinButton *
pl_standard_methods_window_get_param (PlStandardMethodsWindow *self,
                                      guint                    index)
{
  g_return_val_if_fail (PL_IS_STANDARD_METHODS_WINDOW (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return ((MethodRow *) g_ptr_array_index (self->rows, index))->param;
}

GtkSpinButton *
pl_standard_methods_window_get_level (PlStandardMethodsWindow *self,
                                      guint                    index)
{
  g_return_val_if_fail (PL_IS_STANDARD_METHODS_WINDOW (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return ((MethodRow *) g_ptr_array_index (self->rows, index))->level;
}
