/* pl-gradebook-page.c — the Gradebook view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>

#include "core/pl-store-gradebook.h"
#include "engine/pl-mastery.h"
#include "interop/pl-gradebook-csv.h"
#include "interop/pl-oneroster-results.h"
#include "pl-evidence-popover.h"
#include "pl-gradebook-page-private.h"
#include "pl-gradebook-print.h"
#include "pl-gradebook-row.h"
#include "pl-rubric-editor.h"
#include "pl-scoring-window.h"
#include "pl-standard-methods-window.h"


G_DEFINE_FINAL_TYPE (PlGradebookPage, pl_gradebook_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CLASSROOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The order of the method dropdown after its first entry, "School default". */
static const char * const method_ids[] = {
  "latest", "highest", "mean", "mode", "decaying-average", "weighted-average",
  "n-mastery", "power-law",
};

static const char *
method_label (const char *method)
{
  static const struct { const char *id; const char *label; } labels[] = {
    { "latest", N_("Latest") },
    { "highest", N_("Highest") },
    { "mean", N_("Mean") },
    { "mode", N_("Mode") },
    { "decaying-average", N_("Decaying average") },
    { "weighted-average", N_("Weighted average") },
    { "n-mastery", N_("N-mastery") },
    { "power-law", N_("Power law") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].id, method) == 0)
      return _(labels[i].label);
  return method;
}

/* The engine's roll-up, handed to the store. */
static gboolean
engine_rollup (const char   *method,
               double        param,
               double        mastery_level,
               const double *scores,
               gsize         n_scores,
               double       *out_value,
               gpointer      user_data)
{
  return pl_mastery_rollup_named (method, param, mastery_level, scores, n_scores, out_value);
}

static void
toast (PlGradebookPage *self,
       const char      *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static PlGradebook *
current_gradebook (PlGradebookPage *self)
{
  return self->share != NULL ? pl_gradebook_share_get (self->share) : NULL;
}

void
_pl_gradebook_page_toast (PlGradebookPage *self,
                          const char      *message)
{
  toast (self, message);
}

PlGradebook *
_pl_gradebook_page_current (PlGradebookPage *self)
{
  return current_gradebook (self);
}

/* ---- cells ---------------------------------------------------------- */

typedef struct
{
  PlGradebookPage *page;
  guint            standard;
} ColumnData;

static gboolean
unparent_idle_cb (gpointer data)
{
  if (gtk_widget_get_parent (data) != NULL)
    gtk_widget_unparent (data);
  return G_SOURCE_REMOVE;
}

static void
on_popover_closed_cb (GtkPopover *popover)
{
  GtkWidget *cell = gtk_widget_get_parent (GTK_WIDGET (popover));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (popover));

  /* Focus goes back to the cell, for the keyboard; it also matters for
   * memory: GTK 4.8's window keeps the focused entry inside a closed
   * popover, and with it the popover, alive. */
  if (cell == NULL || !gtk_widget_grab_focus (cell))
    {
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (popover)))
        gtk_root_set_focus (root, NULL);
    }
  /* GTK still uses the popover after "closed": let go of it afterwards. */
  g_idle_add_full (G_PRIORITY_DEFAULT, unparent_idle_cb, g_object_ref (popover), g_object_unref);
}

static void
on_cell_clicked_cb (GtkButton   *button,
                    GtkListItem *item)
{
  ColumnData *data = g_object_get_data (G_OBJECT (button), "column-data");
  PlGradebookRow *row = gtk_list_item_get_item (item);
  GtkWidget *popover;

  if (row == NULL || data->page->context == NULL)
    return;
  popover = pl_evidence_popover_new (pl_context_get_store (data->page->context),
                                     pl_gradebook_row_get_gradebook (row),
                                     pl_gradebook_row_get_learner (row), data->standard);
  gtk_widget_set_parent (popover, GTK_WIDGET (button));
  g_signal_connect (popover, "closed", G_CALLBACK (on_popover_closed_cb), NULL);
  g_set_weak_pointer (&data->page->open_popover, popover);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ColumnData               *data)
{
  GtkWidget *button = gtk_button_new_with_label ("");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "gradebook-cell");
  g_object_set_data (G_OBJECT (button), "column-data", data);
  g_signal_connect (button, "clicked", G_CALLBACK (on_cell_clicked_cb), item);
  gtk_list_item_set_child (item, button);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ColumnData               *data)
{
  GtkWidget *button = gtk_list_item_get_child (item);
  PlGradebookRow *row = gtk_list_item_get_item (item);
  PlGradebook *gb = pl_gradebook_row_get_gradebook (row);
  guint learner = pl_gradebook_row_get_learner (row);
  const PlGradebookCell *cell;
  g_autofree char *text = NULL;
  g_autofree char *spoken = NULL;
  static const char * const level_classes[] = { "level-0", "level-1", "level-2", "level-3", "level-4" };

  if (data->standard >= gb->n_standards)
    return;
  cell = pl_gradebook_get_cell (gb, learner, data->standard);
  for (guint i = 0; i < G_N_ELEMENTS (level_classes); i++)
    gtk_widget_remove_css_class (button, level_classes[i]);
  gtk_widget_remove_css_class (button, "overridden");

  if (cell->flags & (PL_GRADEBOOK_CELL_HAS_VALUE | PL_GRADEBOOK_CELL_OVERRIDDEN))
    {
      int level = (int) CLAMP (floor (cell->value + 0.5), 0, 4);

      gtk_widget_add_css_class (button, level_classes[level]);
      if (cell->flags & PL_GRADEBOOK_CELL_OVERRIDDEN)
        {
          gtk_widget_add_css_class (button, "overridden");
          /* Translators: an overridden gradebook cell; the mark shows it is not calculated. */
          text = g_strdup_printf (_("%.1f ✎"), cell->value);
          spoken = g_strdup_printf (_("%s, %s: %.1f, %s, overridden by the teacher: %s"),
                                    gb->learner_names[learner], gb->standard_codes[data->standard],
                                    cell->value, pl_gradebook_level_name (cell->value), cell->override_reason);
        }
      else
        {
          text = g_strdup_printf ("%.1f", cell->value);
          spoken = g_strdup_printf (_("%s, %s: %.1f, %s"), gb->learner_names[learner],
                                    gb->standard_codes[data->standard], cell->value,
                                    pl_gradebook_level_name (cell->value));
        }
    }
  else if (cell->n_evidence > 0)
    {
      /* Evidence, but the method gives no value yet (n-mastery). */
      text = g_strdup (_("not yet"));
      spoken = g_strdup_printf (_("%s, %s: not yet, %u scores"), gb->learner_names[learner],
                                gb->standard_codes[data->standard], cell->n_evidence);
    }
  else
    {
      text = g_strdup ("–");
      spoken = g_strdup_printf (_("%s, %s: no evidence"), gb->learner_names[learner],
                                gb->standard_codes[data->standard]);
    }
  gtk_button_set_label (GTK_BUTTON (button), text);
  gtk_widget_set_tooltip_text (button, spoken);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}

static void
name_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
name_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  PlGradebookRow *row = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), pl_gradebook_row_get_name (row));
}

static void
grade_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  PlGradebookRow *row = gtk_list_item_get_item (item);
  g_autofree char *why = NULL;
  g_autofree char *grade = pl_gradebook_course_grade (pl_gradebook_row_get_gradebook (row),
                                                      pl_gradebook_row_get_learner (row), &why);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), grade != NULL ? grade : "–");
  gtk_widget_set_tooltip_text (label, why != NULL ? why : _("No standard has a value yet"));
}

static char *
column_title (PlGradebook *gb,
              guint        j)
{
  if (gb->standard_method_overridden[j])
    {
      g_autofree char *method = pl_gradebook_method_describe (gb->standard_methods[j], gb->standard_params[j],
                                                              gb->standard_mastery_levels[j]);

      /* Translators: a gradebook column: standard code and the method it uses instead of the class's. */
      return g_strdup_printf (_("%s · %s"), gb->standard_codes[j], method);
    }
  return g_strdup (gb->standard_codes[j]);
}

static GMenuModel *
column_menu (guint j)
{
  GMenu *menu = g_menu_new ();
  GMenu *section = g_menu_new ();
  g_autofree char *reset = g_strdup_printf ("gradebook.standard-method('%u|')", j);

  g_autofree char *more = g_strdup_printf ("gradebook.standard-methods-for(uint32 %u)", j);

  g_menu_append (menu, _("Use the Class’s Method"), reset);
  g_menu_append (menu, _("Method for This Standard…"), more);
  for (guint i = 0; i < G_N_ELEMENTS (method_ids); i++)
    {
      g_autofree char *action = g_strdup_printf ("gradebook.standard-method('%u|%s')", j, method_ids[i]);

      g_menu_append (section, method_label (method_ids[i]), action);
    }
  g_menu_append_section (menu, _("Method for This Standard"), G_MENU_MODEL (section));
  g_object_unref (section);
  return G_MENU_MODEL (menu);
}

static void
rebuild_columns (PlGradebookPage *self,
                 PlGradebook     *gb)
{
  gboolean same = self->column_standards != NULL &&
                  g_strv_equal ((const char * const *) self->column_standards,
                                (const char * const *) gb->standard_uuids);

  if (!same)
    {
      for (guint i = 0; i < self->standard_columns->len; i++)
        gtk_column_view_remove_column (self->column_view, g_ptr_array_index (self->standard_columns, i));
      g_ptr_array_set_size (self->standard_columns, 0);
      g_strfreev (self->column_standards);
      self->column_standards = g_strdupv (gb->standard_uuids);

      for (guint j = 0; j < gb->n_standards; j++)
        {
          GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
          ColumnData *data = g_new0 (ColumnData, 1);
          GtkColumnViewColumn *column;
          g_autoptr(GMenuModel) menu = column_menu (j);

          data->page = self;
          data->standard = j;
          g_object_set_data_full (G_OBJECT (factory), "column-data", data, g_free);
          g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), data);
          g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), data);
          column = gtk_column_view_column_new (NULL, factory);
          gtk_column_view_column_set_header_menu (column, menu);
          gtk_column_view_column_set_resizable (column, TRUE);
          gtk_column_view_insert_column (self->column_view, j + 1, column);
          g_ptr_array_add (self->standard_columns, column);
        }
    }
  for (guint j = 0; j < self->standard_columns->len; j++)
    {
      g_autofree char *title = column_title (gb, j);

      gtk_column_view_column_set_title (g_ptr_array_index (self->standard_columns, j), title);
    }
}

/* ---- loading ------------------------------------------------------------ */

static void
update_method_controls (PlGradebookPage *self,
                        PlGradebook     *gb)
{
  guint selected = 0;
  const char *method = gb != NULL ? gb->class_method : NULL;
  PlMasteryMethod m;
  g_autofree char *explanation = NULL;
  gboolean has_param;

  self->updating = TRUE;
  if (gb != NULL && !gb->class_method_is_default)
    for (guint i = 0; i < G_N_ELEMENTS (method_ids); i++)
      if (g_strcmp0 (method_ids[i], method) == 0)
        selected = i + 1;
  gtk_drop_down_set_selected (self->method_dropdown, selected);

  has_param = method != NULL && (g_str_equal (method, "decaying-average") ||
                                 g_str_equal (method, "weighted-average") ||
                                 g_str_equal (method, "n-mastery"));
  gtk_widget_set_visible (GTK_WIDGET (self->param_spin), has_param && !gb->class_method_is_default);
  gtk_widget_set_visible (GTK_WIDGET (self->level_spin), method != NULL && g_str_equal (method, "n-mastery") &&
                                                        !gb->class_method_is_default);
  if (gb != NULL)
    gtk_spin_button_set_value (self->level_spin, gb->class_mastery_level > 0 ? gb->class_mastery_level : 3);
  if (has_param)
    {
      gboolean n_mastery = g_str_equal (method, "n-mastery");
      double param = gb->class_param > 0 ? gb->class_param : (n_mastery ? 3 : 65);

      gtk_spin_button_set_range (self->param_spin, 1, n_mastery ? 20 : 100);
      gtk_spin_button_set_value (self->param_spin, param);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->param_spin),
                                   n_mastery ? _("How many scores at Proficient or above are needed")
                                             : _("Weight of the newest score, in percent"));
    }
  self->updating = FALSE;

  if (method != NULL && pl_mastery_method_from_string (method, &m))
    {
      g_autofree char *named = pl_gradebook_method_describe (method, gb->class_param, gb->class_mastery_level);

      explanation = g_strdup_printf (_("%s: %s Each cell is one learner’s level on one standard; "
                                       "there is no average of everything. Evidence counts in the order it was "
                                       "assessed. Click a cell to see why; ✎ marks a cell the teacher set."),
                                     named, pl_mastery_method_describe (m));
    }
  else
    explanation = g_strdup ("");
  gtk_label_set_text (self->explanation_label, explanation);
}

static void
default_method (PlGradebookPage *self,
                char           **out_method,
                double          *out_param)
{
  GSettings *settings = pl_context_get_settings (self->context);
  g_autofree char *method = settings != NULL ? g_settings_get_string (settings, "default-mastery-method") : NULL;

  if (!pl_gradebook_method_is_known (method))
    {
      g_free (method);
      method = g_strdup ("decaying-average");
    }
  *out_param = 0;
  /* The school's weight is for both averages, as Preferences says. */
  if (settings != NULL && (g_str_equal (method, "decaying-average") || g_str_equal (method, "weighted-average")))
    *out_param = g_settings_get_int (settings, "decaying-average-weight");
  *out_method = g_steal_pointer (&method);
}

static void
close_popover (PlGradebookPage *self)
{
  GtkWidget *popover = self->open_popover;

  if (popover == NULL)
    return;
  gtk_popover_popdown (GTK_POPOVER (popover));
  /* Outside its "closed" handler it can go at once, before its cell does. */
  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
}

static void
show_gradebook (PlGradebookPage *self,
                PlGradebook     *gb)
{
  g_autoptr(GListModel) rows = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;

  if (self->selection != NULL)
    selected = gtk_single_selection_get_selected (self->selection);
  /* The cell it hangs from is about to be rebound or dropped. */
  close_popover (self);

  g_clear_pointer (&self->share, pl_gradebook_share_unref);
  self->share = pl_gradebook_share_new (gb);
  rebuild_columns (self, gb);
  rows = pl_gradebook_rows_new (self->share);
  g_clear_object (&self->selection);
  self->selection = gtk_single_selection_new (g_object_ref (rows));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  if (selected < gb->n_learners)
    gtk_single_selection_set_selected (self->selection, selected);
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  update_method_controls (self, gb);
  gtk_stack_set_visible_child_name (self->stack, gb->n_learners > 0 ? "grid" : "empty");
}

static void
show_nothing (PlGradebookPage *self)
{
  close_popover (self);
  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->share, pl_gradebook_share_unref);
  update_method_controls (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

typedef struct
{
  char   *db_path;
  char   *classroom_uuid;
  char   *method;
  double  param;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *d = data;

  g_free (d->db_path);
  g_free (d->classroom_uuid);
  g_free (d->method);
  g_free (d);
}

/* A large class takes a moment to roll up: a connection of its own lets
 * the window stay responsive meanwhile. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *d = task_data;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PlGradebook *gb;

  store = pl_store_open (d->db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  gb = pl_store_load_gradebook (store, d->classroom_uuid, d->method, d->param, engine_rollup, NULL, &error);
  if (gb == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, gb, (GDestroyNotify) pl_gradebook_free);
}

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PlGradebookPage) self = user_data;
  g_autoptr(GError) error = NULL;
  PlGradebook *gb = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      g_clear_pointer (&gb, pl_gradebook_free);
      return;
    }
  g_clear_object (&self->loading);
  if (gb == NULL)
    {
      toast (self, error->message);
      show_nothing (self);
      return;
    }
  show_gradebook (self, gb);
}

static void
load (PlGradebookPage *self,
      gboolean         in_thread)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *method = NULL;
  const char *path;
  PlGradebook *gb;
  double param;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);

  if (self->context == NULL || self->classroom == NULL)
    {
      show_nothing (self);
      return;
    }

  default_method (self, &method, &param);
  path = pl_store_get_path (pl_context_get_store (self->context));
  /* An in-memory database cannot be opened a second time. */
  if (in_thread && path != NULL && g_strcmp0 (path, ":memory:") != 0)
    {
      g_autoptr(GTask) task = NULL;
      LoadData *d = g_new0 (LoadData, 1);

      d->db_path = g_strdup (path);
      d->classroom_uuid = g_strdup (pl_record_get_uuid (PL_RECORD (self->classroom)));
      d->method = g_steal_pointer (&method);
      d->param = param;
      self->loading = g_cancellable_new ();
      task = g_task_new (NULL, self->loading, on_loaded_cb, g_object_ref (self));
      g_task_set_task_data (task, d, load_data_free);
      g_task_run_in_thread (task, load_thread);
      return;
    }

  gb = pl_store_load_gradebook (pl_context_get_store (self->context),
                                pl_record_get_uuid (PL_RECORD (self->classroom)),
                                method, param, engine_rollup, NULL, &error);
  if (gb == NULL)
    {
      toast (self, error->message);
      show_nothing (self);
      return;
    }
  show_gradebook (self, gb);
}

static void
reload (PlGradebookPage *self)
{
  load (self, TRUE);
}

static gboolean
reload_idle_cb (gpointer data)
{
  PlGradebookPage *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
queue_reload (PlGradebookPage *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle_cb, self);
}

static void
on_store_changed_cb (PlStore         *store,
                     const char      *table,
                     PlGradebookPage *self)
{
  static const char * const relevant[] = {
    "evidence", "grade_override", "standard_method", "classroom", "enrollment", "learner",
    "standard", "unit", "unit_standard", "criterion", NULL
  };

  if (table == NULL || g_strv_contains (relevant, table))
    queue_reload (self);
}

static void
on_settings_changed_cb (GSettings       *settings,
                        const char      *key,
                        PlGradebookPage *self)
{
  if (g_strcmp0 (key, "default-mastery-method") == 0 || g_strcmp0 (key, "decaying-average-weight") == 0)
    queue_reload (self);
}

static void
watch_context (PlGradebookPage *self)
{
  if (self->watched_store != NULL)
    {
      g_clear_signal_handler (&self->store_changed_id, self->watched_store);
      g_clear_object (&self->watched_store);
    }
  if (self->watched_settings != NULL)
    {
      g_clear_signal_handler (&self->settings_changed_id, self->watched_settings);
      g_clear_object (&self->watched_settings);
    }
  if (self->context == NULL)
    return;
  self->watched_store = g_object_ref (pl_context_get_store (self->context));
  self->store_changed_id = g_signal_connect (self->watched_store, "changed",
                                             G_CALLBACK (on_store_changed_cb), self);
  if (pl_context_get_settings (self->context) != NULL)
    {
      self->watched_settings = g_object_ref (pl_context_get_settings (self->context));
      self->settings_changed_id = g_signal_connect (self->watched_settings, "changed",
                                                    G_CALLBACK (on_settings_changed_cb), self);
    }
}

/* ---- method choice ------------------------------------------------------ */

static void
save_class_method (PlGradebookPage *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (self->method_dropdown);
  const char *method = selected >= 1 && selected <= G_N_ELEMENTS (method_ids) ? method_ids[selected - 1] : NULL;
  double param = 0, level = 0;

  if (self->updating || self->context == NULL || self->classroom == NULL)
    return;
  if (method != NULL && gtk_widget_get_visible (GTK_WIDGET (self->param_spin)))
    param = gtk_spin_button_get_value (self->param_spin);
  if (method != NULL && gtk_widget_get_visible (GTK_WIDGET (self->level_spin)))
    level = gtk_spin_button_get_value (self->level_spin);
  if (!pl_store_set_class_method_full (pl_context_get_store (self->context),
                                       pl_record_get_uuid (PL_RECORD (self->classroom)), method, param, level,
                                       &error))
    toast (self, error->message);
  /* A new method shows its parameter with the method's default. */
  queue_reload (self);
}

static void
on_method_selected_cb (PlGradebookPage *self)
{
  if (self->updating)
    return;
  /* A different method starts from its own default parameter. */
  self->updating = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->param_spin), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->level_spin), FALSE);
  self->updating = FALSE;
  save_class_method (self);
}

static void
on_param_changed_cb (PlGradebookPage *self)
{
  save_class_method (self);
}

static void
standard_method_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  PlGradebookPage *self = PL_GRADEBOOK_PAGE (widget);
  PlGradebook *gb = current_gradebook (self);
  g_autoptr(GError) error = NULL;
  const char *arg = g_variant_get_string (parameter, NULL);
  g_auto(GStrv) parts = g_strsplit (arg, "|", 2);
  guint64 j;

  if (gb == NULL || g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, G_MAXUINT, &j, NULL) || j >= gb->n_standards)
    return;
  if (!pl_store_set_standard_method (pl_context_get_store (self->context), gb->classroom_uuid,
                                     gb->standard_uuids[j], *parts[1] != '\0' ? parts[1] : NULL, 0, &error))
    toast (self, error->message);
}

static void
standard_methods_action_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  PlGradebookPage *self = PL_GRADEBOOK_PAGE (widget);
  PlGradebook *gb = current_gradebook (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  PlStandardMethodsWindow *window;
  guint focus = parameter != NULL ? g_variant_get_uint32 (parameter) : G_MAXUINT;

  if (gb == NULL)
    {
      toast (self, _("Choose a class first"));
      return;
    }
  window = pl_standard_methods_window_new (pl_context_get_store (self->context), gb,
                                           focus < gb->n_standards ? focus : 0);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_course_grade_toggled_cb (PlGradebookPage *self)
{
  gboolean on = gtk_toggle_button_get_active (self->course_grade_toggle);

  gtk_revealer_set_reveal_child (self->course_grade_revealer, on);
  gtk_column_view_column_set_visible (self->grade_column, on);
}

static void
open_window_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PlGradebookPage *self = PL_GRADEBOOK_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *window;

  if (self->context == NULL || self->classroom == NULL)
    {
      toast (self, _("Choose a class first"));
      return;
    }
  if (g_str_equal (action_name, "gradebook.edit-rubrics"))
    window = GTK_WINDOW (pl_rubric_editor_new (self->context, self->classroom));
  else
    window = GTK_WINDOW (pl_scoring_window_new (self->context, self->classroom));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (window, GTK_WINDOW (root));
  gtk_window_present (window);
}

/* ---- GObject ------------------------------------------------------------ */

static void
pl_gradebook_page_dispose (GObject *object)
{
  PlGradebookPage *self = PL_GRADEBOOK_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (self->exporting != NULL)
    g_cancellable_cancel (self->exporting);
  g_clear_handle_id (&self->export_timer, g_source_remove);
  g_clear_weak_pointer (&self->open_popover);
  g_clear_object (&self->context);
  watch_context (self);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  /* AdwBin keeps its own pointer to the template's root: let it go first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_GRADEBOOK_PAGE);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->share, pl_gradebook_share_unref);
  g_clear_pointer (&self->standard_columns, g_ptr_array_unref);
  g_clear_pointer (&self->column_standards, g_strfreev);
  g_clear_object (&self->classroom);

  G_OBJECT_CLASS (pl_gradebook_page_parent_class)->dispose (object);
}

static void
pl_gradebook_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PlGradebookPage *self = PL_GRADEBOOK_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_CLASSROOM:
      g_value_set_object (value, self->classroom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_gradebook_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PlGradebookPage *self = PL_GRADEBOOK_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      if (g_set_object (&self->context, g_value_get_object (value)))
        {
          watch_context (self);
          reload (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_CLASSROOM:
      if (g_set_object (&self->classroom, g_value_get_object (value)))
        {
          reload (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_gradebook_page_class_init (PlGradebookPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_gradebook_page_dispose;
  object_class->get_property = pl_gradebook_page_get_property;
  object_class->set_property = pl_gradebook_page_set_property;

  /* Set by the window once, right after the template builds the page. */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PL_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLASSROOM] =
    g_param_spec_object ("classroom", NULL, NULL, PL_TYPE_CLASSROOM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/PersonalLearn/gradebook/pl-gradebook-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PlGradebookPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlGradebookPage, method_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlGradebookPage, param_spin);
  gtk_widget_class_bind_template_child (widget_class, PlGradebookPage, level_spin);
  gtk_widget_class_bind_template_child (widget_class, PlGradebookPage, course_grade_toggle);
  gtk_widget_class_bind_template_child (widget_class, PlGradebookPage, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, PlGradebookPage, course_grade_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlGradebookPage, export_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlGradebookPage, export_label);
  gtk_widget_class_bind_template_child (widget_class, PlGradebookPage, export_progress);
  gtk_widget_class_bind_template_child (widget_class, PlGradebookPage, course_grade_label);
  gtk_widget_class_bind_template_child (widget_class, PlGradebookPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PlGradebookPage, column_view);

  gtk_widget_class_install_action (widget_class, "gradebook.standard-method", "s", standard_method_action_cb);
  gtk_widget_class_install_action (widget_class, "gradebook.standard-methods", NULL, standard_methods_action_cb);
  gtk_widget_class_install_action (widget_class, "gradebook.standard-methods-for", "u", standard_methods_action_cb);
  gtk_widget_class_install_action (widget_class, "gradebook.export-csv", NULL, _pl_gradebook_page_export_action_cb);
  gtk_widget_class_install_action (widget_class, "gradebook.cancel-export", NULL,
                                   _pl_gradebook_page_cancel_export_action_cb);
  gtk_widget_class_install_action (widget_class, "gradebook.export-oneroster-zip", NULL, _pl_gradebook_page_export_action_cb);
  gtk_widget_class_install_action (widget_class, "gradebook.export-oneroster-folder", NULL, _pl_gradebook_page_export_action_cb);
  gtk_widget_class_install_action (widget_class, "gradebook.export-report-pdf", NULL, _pl_gradebook_page_export_action_cb);
  gtk_widget_class_install_action (widget_class, "gradebook.edit-rubrics", NULL, open_window_action_cb);
  gtk_widget_class_install_action (widget_class, "gradebook.score", NULL, open_window_action_cb);
}

static void
pl_gradebook_page_init (PlGradebookPage *self)
{
  g_autoptr(GtkStringList) methods = gtk_string_list_new (NULL);
  GtkListItemFactory *factory;
  static gsize css_loaded = 0;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Ctrl+M works wherever the focus is in the window while the view is
   * shown, the class switcher included. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_m, GDK_CONTROL_MASK),
                                                            gtk_named_action_new ("gradebook.standard-methods")));
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  }
  self->standard_columns = g_ptr_array_new_with_free_func (g_object_unref);

  if (g_once_init_enter (&css_loaded))
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/org/example/PersonalLearn/gradebook/gradebook.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&css_loaded, 1);
    }

  gtk_string_list_append (methods, _("School default"));
  for (guint i = 0; i < G_N_ELEMENTS (method_ids); i++)
    gtk_string_list_append (methods, method_label (method_ids[i]));
  gtk_drop_down_set_model (self->method_dropdown, G_LIST_MODEL (methods));
  g_signal_connect_swapped (self->method_dropdown, "notify::selected", G_CALLBACK (on_method_selected_cb), self);
  g_signal_connect_swapped (self->param_spin, "value-changed", G_CALLBACK (on_param_changed_cb), self);
  g_signal_connect_swapped (self->level_spin, "value-changed", G_CALLBACK (on_param_changed_cb), self);
  g_signal_connect_swapped (self->course_grade_toggle, "toggled", G_CALLBACK (on_course_grade_toggled_cb), self);
  gtk_label_set_text (self->course_grade_label, pl_gradebook_course_grade_rule ());

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (name_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (name_bind_cb), NULL);
  self->name_column = gtk_column_view_column_new (_("Learner"), factory);
  gtk_column_view_column_set_resizable (self->name_column, TRUE);
  gtk_column_view_column_set_fixed_width (self->name_column, 200);
  gtk_column_view_append_column (self->column_view, self->name_column);
  g_object_unref (self->name_column);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (name_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (grade_bind_cb), NULL);
  self->grade_column = gtk_column_view_column_new (_("Course grade"), factory);
  gtk_column_view_column_set_visible (self->grade_column, FALSE);
  gtk_column_view_append_column (self->column_view, self->grade_column);
  g_object_unref (self->grade_column);

  update_method_controls (self, NULL);
}

/* For tests: the gradebook the grid shows (NULL when none). */
PlGradebook *
pl_gradebook_page_get_gradebook (PlGradebookPage *self)
{
  g_return_val_if_fail (PL_IS_GRADEBOOK_PAGE (self), NULL);
  return current_gradebook (self);
}

GtkColumnView *
pl_gradebook_page_get_column_view (PlGradebookPage *self)
{
  g_return_val_if_fail (PL_IS_GRADEBOOK_PAGE (self), NULL);
  return self->column_view;
}

void
pl_gradebook_page_reload (PlGradebookPage *self)
{
  g_return_if_fail (PL_IS_GRADEBOOK_PAGE (self));
  load (self, FALSE);
}

gboolean
pl_gradebook_page_is_loading (PlGradebookPage *self)
{
  g_return_val_if_fail (PL_IS_GRADEBOOK_PAGE (self), FALSE);
  return self->loading != NULL || self->reload_id != 0;
}
