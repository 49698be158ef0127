/* test-units-page.c — planning units in the real window: a new unit from
 * the Boards view, its plan edited in the unit editor's widgets, switching
 * units, marking milestone progress, refused dates, deleting with Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "core/pl-demo.h"
#include "core/pl-store-units.h"
#include "boards/pl-boards-page.h"
#include "boards/pl-milestones-view.h"
#include "boards/pl-standards-window.h"
#include "boards/pl-unit-editor.h"
#include "pl-application.h"
#include "pl-window.h"

/* One registered application for the whole run. */
static PlApplication *shared_app;

typedef struct
{
  char      *dir;
  char      *db_path;
  PlStore   *store;
  PlContext *context;
  PlWindow  *window;
  GtkWidget *page;
  char      *classroom;
  char      *demo_unit;
} Fixture;

static void
iterate (void)
{
  for (int i = 0; i < 5; i++)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
}

/* Long enough for the editor's pause before saving and the view's reload. */
static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  iterate ();
}

static GtkWidget *
find_type (GtkWidget *root, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_named (GtkWidget *root, const char *name, GPtrArray *out)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    g_ptr_array_add (out, root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_named (c, name, out);
}

static GtkWidget *
find_named (GtkWidget *root, const char *name)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  collect_named (root, name, all);
  return all->len > 0 ? all->pdata[0] : NULL;
}

static GPtrArray *
all_named (GtkWidget *root, const char *name)
{
  GPtrArray *all = g_ptr_array_new ();

  collect_named (root, name, all);
  return all;
}

static GtkWidget *
find_button_labelled (GtkWidget *root, const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button_labelled (c, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_by_tooltip (GtkWidget *root, const char *tooltip)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_by_tooltip (c, tooltip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_check (GtkWidget *root)
{
  return find_type (root, GTK_TYPE_CHECK_BUTTON);
}

static void
collect_undo (GtkWidget *root, GPtrArray *out)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), "_Undo") == 0)
    g_ptr_array_add (out, root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_undo (c, out);
}

/* The Undo button of the newest toast shown in ROOT: an older toast is
 * still in the tree while it fades out, before the newer one, and a toast
 * that replaces one still sliding in waits for it to settle (pl-toasts.c). */
static void
click_undo (GtkWidget *root)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  wait_ms (1000);
  collect_undo (root, buttons);
  g_assert_cmpuint (buttons->len, >, 0);
  g_signal_emit_by_name (buttons->pdata[buttons->len - 1], "clicked");
  iterate ();
}

static PlUnitEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (PL_IS_UNIT_EDITOR (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return PL_UNIT_EDITOR (w);
    }
  return NULL;
}

/* The stack of the view's board: "board", or "no-board" for a unit
 * without one. */
static GtkWidget *
find_stack_with (GtkWidget *root, const char *page_name)
{
  if (GTK_IS_STACK (root) && gtk_stack_get_child_by_name (GTK_STACK (root), page_name) != NULL)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_stack_with (c, page_name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkStack *
board_stack (GtkWidget *page)
{
  GtkWidget *stack = find_stack_with (page, "no-board");

  g_assert_nonnull (stack);
  return GTK_STACK (stack);
}

static GtkDropDown *
unit_dropdown (GtkWidget *page)
{
  GtkWidget *stack = find_type (page, GTK_TYPE_STACK);
  GtkWidget *main_page = gtk_stack_get_child_by_name (GTK_STACK (stack), "main");

  /* The first drop-down of the view is the unit switcher. */
  return GTK_DROP_DOWN (find_type (main_page, GTK_TYPE_DROP_DOWN));
}

static const char *
selected_title (GtkWidget *page)
{
  GtkDropDown *dropdown = unit_dropdown (page);
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

static PlUnit *
stored_unit (Fixture *f, const char *uuid)
{
  return pl_store_get (f->store, PL_TYPE_UNIT, uuid, NULL);
}

static guint
n_units (Fixture *f)
{
  g_autoptr(GListModel) units = pl_store_list_units (f->store, f->classroom, NULL);

  return g_list_model_get_n_items (units);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (PL_APP_ID);
  g_autoptr(GListModel) units = NULL;
  g_autoptr(PlRecord) unit = NULL;
  PlDemoOptions demo;

  /* A file, as the app has: views that work in a thread of their own
   * (Insights) open it again there. */
  f->dir = g_dir_make_tmp ("pl-units-XXXXXX", NULL);
  f->db_path = g_build_filename (f->dir, "test.db", NULL);
  f->store = pl_store_open (f->db_path, &error);
  g_assert_no_error (error);
  pl_demo_options_init (&demo);
  g_assert_true (pl_demo_generate (f->store, &demo, NULL, &error));
  if (shared_app == NULL)
    {
      shared_app = pl_application_new ();
      g_application_set_flags (G_APPLICATION (shared_app), G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (shared_app), NULL, &error));
    }
  f->context = pl_context_new (f->store, settings);
  f->window = pl_window_new (GTK_APPLICATION (shared_app), f->context);
  gtk_window_present (GTK_WINDOW (f->window));
  pl_window_set_view (f->window, "boards");
  iterate ();
  f->page = find_type (GTK_WIDGET (f->window), PL_TYPE_BOARDS_PAGE);
  f->classroom = g_strdup (pl_record_get_uuid (PL_RECORD (pl_context_get_classroom (f->context))));
  units = pl_store_list_units (f->store, f->classroom, NULL);
  unit = g_list_model_get_item (units, 0);
  f->demo_unit = g_strdup (pl_record_get_uuid (unit));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  static const char * const db_files[] = { "", "-wal", "-shm", "-journal" };
  PlUnitEditor *editor;

  while ((editor = find_editor ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  g_clear_object (&f->context);
  g_clear_object (&f->store);
  for (guint i = 0; i < G_N_ELEMENTS (db_files); i++)
    {
      g_autofree char *path = g_strconcat (f->db_path, db_files[i], NULL);

      g_remove (path);
    }
  g_rmdir (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
  g_free (f->classroom);
  g_free (f->demo_unit);
}

/* ---- planning a new unit ------------------------------------------------- */

static void
set_text (GtkWidget *editable, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  iterate ();
}

static void
test_new_unit_and_editor (Fixture *f, gconstpointer data)
{
  g_autoptr(PlUnit) unit = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_auto(GStrv) stored_goals = NULL;
  g_autofree char *unit_uuid = NULL;
  g_autofree char *starts = NULL;
  PlUnitEditor *editor;
  GtkWidget *title, *idea, *starts_row, *ends_row, *error_label, *warning;
  GtkRoot *root;

  g_assert_cmpstr (selected_title (f->page), ==, "Matter on the Move");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (board_stack (f->page)), ==, "board");

  /* New Unit: a unit with its defaults, shown, and the editor open on its
   * title, all selected so that typing replaces it. */
  g_assert_true (gtk_widget_activate_action (f->page, "boards.new-unit", NULL));
  iterate ();
  g_assert_cmpuint (n_units (f), ==, 2);
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (f->window));
  unit_uuid = g_strdup (pl_unit_editor_get_unit_uuid (editor));
  g_assert_cmpstr (selected_title (f->page), ==, "New unit");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (board_stack (f->page)), ==, "no-board");
  title = find_named (GTK_WIDGET (editor), "unit-title");
  root = GTK_ROOT (editor);
  g_assert_true (gtk_root_get_focus (root) != NULL &&
                 gtk_widget_is_ancestor (gtk_root_get_focus (root), title));

  /* Typed text is saved after the pause, without pressing anything. */
  set_text (title, "Forces and Motion");
  wait_ms (900);
  unit = stored_unit (f, unit_uuid);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (unit), "title"), ==, "Forces and Motion");
  g_clear_object (&unit);

  /* A big idea of two sentences gets a hint; one sentence does not. */
  idea = find_named (GTK_WIDGET (editor), "unit-big-idea");
  g_assert_false (gtk_widget_get_visible (find_named (GTK_WIDGET (editor), "idea-hint")));
  set_text (idea, "Forces change motion. Balanced forces do not.");
  g_assert_true (gtk_widget_get_visible (find_named (GTK_WIDGET (editor), "idea-hint")));
  set_text (idea, "Forces change how things move, e.g. a push or a pull.");
  g_assert_false (gtk_widget_get_visible (find_named (GTK_WIDGET (editor), "idea-hint")));
  g_assert_true (pl_unit_editor_flush (editor));
  unit = stored_unit (f, unit_uuid);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (unit), "big-idea"), ==,
                   "Forces change how things move, e.g. a push or a pull.");
  starts = g_strdup (pl_record_get_string (PL_RECORD (unit), "starts-on"));
  g_clear_object (&unit);

  /* A date that is not one: an error on its row, nothing of it saved,
   * while another field typed at the same time is. */
  starts_row = find_named (GTK_WIDGET (editor), "unit-starts-on");
  ends_row = find_named (GTK_WIDGET (editor), "unit-ends-on");
  error_label = find_named (GTK_WIDGET (editor), "unit-error");
  set_text (starts_row, "2030-02-30");
  set_text (title, "Forces and Motion in Sport");
  g_assert_false (pl_unit_editor_flush (editor));
  g_assert_true (gtk_widget_has_css_class (starts_row, "error"));
  g_assert_false (gtk_widget_has_css_class (ends_row, "error"));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "Start date"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "2030-02-30"));
  unit = stored_unit (f, unit_uuid);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (unit), "starts-on"), ==, starts);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (unit), "title"), ==, "Forces and Motion in Sport");
  g_clear_object (&unit);

  /* A start after the end is the start's fault when only it changed. */
  set_text (starts_row, "2099-01-05");
  g_assert_false (pl_unit_editor_flush (editor));
  g_assert_true (gtk_widget_has_css_class (starts_row, "error"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "after the end date"));
  unit = stored_unit (f, unit_uuid);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (unit), "starts-on"), ==, starts);
  g_clear_object (&unit);

  /* Fixed: saved, and the error goes. */
  set_text (ends_row, "2030-03-29");
  set_text (starts_row, "2030-03-04");
  g_assert_true (pl_unit_editor_flush (editor));
  g_assert_false (gtk_widget_has_css_class (starts_row, "error"));
  g_assert_false (gtk_widget_get_visible (error_label));
  unit = stored_unit (f, unit_uuid);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (unit), "starts-on"), ==, "2030-03-04");
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (unit), "ends-on"), ==, "2030-03-29");
  g_clear_object (&unit);

  /* Goals: fewer than three or more than five are warned about. */
  warning = find_named (GTK_WIDGET (editor), "goals-warning");
  g_assert_true (gtk_widget_get_visible (warning));
  for (guint i = 0; i < 6; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "unit.add-goal", NULL));
  iterate ();
  goals = all_named (GTK_WIDGET (editor), "unit-goal");
  g_assert_cmpuint (goals->len, ==, 6);
  set_text (goals->pdata[0], "By week 2, measure the speed of a rolling ball three times.");
  set_text (goals->pdata[1], "By week 3, explain balanced forces with a diagram.");
  g_assert_true (gtk_widget_get_visible (warning));
  set_text (goals->pdata[2], "By the end of the unit, design a test of friction on four surfaces.");
  g_assert_false (gtk_widget_get_visible (warning));
  set_text (goals->pdata[3], "Every Friday, log one force seen at home.");
  set_text (goals->pdata[4], "By week 4, predict where a ball lands within 20 cm.");
  set_text (goals->pdata[5], "Be better at forces.");
  g_assert_true (gtk_widget_get_visible (warning));
  /* The SMART hints help with the vague one. */
  gtk_widget_grab_focus (goals->pdata[5]);
  iterate ();
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (find_named (GTK_WIDGET (editor), "smart-hints"))),
                            "Measurable"));
  g_assert_true (pl_unit_editor_flush (editor));
  unit = stored_unit (f, unit_uuid);
  stored_goals = pl_unit_get_goals (unit);
  g_assert_cmpuint (g_strv_length (stored_goals), ==, 6);
  g_clear_object (&unit);
  g_clear_pointer (&stored_goals, g_strfreev);

  /* Removing one saves at once; Undo puts it back in its place. */
  g_signal_emit_by_name (g_object_get_data (goals->pdata[5], "pl-remove"), "clicked");
  iterate ();
  g_assert_false (gtk_widget_get_visible (warning));
  unit = stored_unit (f, unit_uuid);
  stored_goals = pl_unit_get_goals (unit);
  g_assert_cmpuint (g_strv_length (stored_goals), ==, 5);
  g_clear_object (&unit);
  g_clear_pointer (&stored_goals, g_strfreev);
  g_signal_emit_by_name (g_object_get_data (goals->pdata[1], "pl-remove"), "clicked");
  iterate ();
  click_undo (GTK_WIDGET (editor));
  unit = stored_unit (f, unit_uuid);
  stored_goals = pl_unit_get_goals (unit);
  g_assert_cmpuint (g_strv_length (stored_goals), ==, 5);
  g_assert_cmpstr (stored_goals[1], ==, "By week 3, explain balanced forces with a diagram.");
  g_clear_object (&unit);

  /* Escape closes the window, after saving what was typed last. */
  set_text (title, "Forces and Motion");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  iterate ();
  g_assert_null (find_editor ());
  unit = stored_unit (f, unit_uuid);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (unit), "title"), ==, "Forces and Motion");

  /* The view shows the new plan. */
  wait_ms (500);
  g_assert_cmpstr (selected_title (f->page), ==, "Forces and Motion");
  g_clear_object (&unit);

  /* Closing with a refused date: the first close keeps the window open and
   * says why; closing again leaves the saved date as it was. */
  g_assert_true (gtk_widget_activate_action (f->page, "boards.edit-unit", NULL));
  iterate ();
  editor = find_editor ();
  g_assert_cmpstr (pl_unit_editor_get_unit_uuid (editor), ==, unit_uuid);
  ends_row = find_named (GTK_WIDGET (editor), "unit-ends-on");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ends_row)), ==, "2030-03-29");
  set_text (ends_row, "29/03/2030");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  iterate ();
  g_assert_true (find_editor () == editor);
  g_assert_true (gtk_widget_has_css_class (ends_row, "error"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  iterate ();
  g_assert_null (find_editor ());
  unit = stored_unit (f, unit_uuid);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (unit), "ends-on"), ==, "2030-03-29");
}

/* ---- standards and milestones ------------------------------------------- */

static guint
unit_standard_count (Fixture *f, const char *unit)
{
  g_autoptr(GListModel) standards = pl_store_list_unit_standards (f->store, unit, NULL);

  return g_list_model_get_n_items (standards);
}

/* The check button of a standard's row, among the rows bound now. */
static GtkWidget *
check_for_code (GtkWidget *root, const char *code)
{
  if (GTK_IS_CHECK_BUTTON (root) && gtk_widget_get_visible (root))
    {
      GtkWidget *label = gtk_widget_get_next_sibling (root);

      if (GTK_IS_LABEL (label) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), code))
        return root;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = check_for_code (c, code);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static PlMilestone *
milestone_at (Fixture *f, const char *unit, guint index)
{
  g_autoptr(GListModel) list = pl_store_list_milestones (f->store, unit, NULL);

  return index < g_list_model_get_n_items (list) ? g_list_model_get_item (list, index) : NULL;
}

static gboolean
run_shortcut (GtkWidget *widget, const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (c))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (c)); k++)
        {
          g_autoptr(GtkShortcut) s = g_list_model_get_item (G_LIST_MODEL (c), k);
          g_autofree char *t = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (s));

          if (g_strcmp0 (t, trigger) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (s), 0, widget,
                                                 gtk_shortcut_get_arguments (s));
        }
    }
  return FALSE;
}

static void
test_standards_and_milestones (Fixture *f, gconstpointer data)
{
  g_autoptr(PlMilestone) m = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *first = NULL;
  PlUnitEditor *editor;
  GtkWidget *view, *check, *search, *due, *title, *must_do, *prompt;

  g_assert_true (gtk_widget_activate_action (f->page, "boards.new-unit", NULL));
  iterate ();
  editor = find_editor ();
  unit = g_strdup (pl_unit_editor_get_unit_uuid (editor));
  g_assert_true (pl_unit_editor_flush (editor));

  /* Standards: the demo framework's six, none chosen yet. */
  view = find_named (GTK_WIDGET (editor), "unit-standards");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)))), ==, 7);
  check = check_for_code (view, "SCI.7.2");
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  iterate ();
  g_assert_cmpuint (unit_standard_count (f, unit), ==, 1);

  /* Searching narrows the list to the framework and its matches; Enter
   * on a row ticks it. */
  /* Standards… opens the Standards window; what is written there shows
   * here once it closes, under its own framework. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "unit.standards", NULL));
  iterate ();
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkWindow *standards = NULL;
    g_autoptr(PlStandard) mine = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

        if (PL_IS_STANDARDS_WINDOW (w))
          standards = GTK_WINDOW (w);
      }
    g_assert_nonnull (standards);
    g_assert_true (gtk_window_get_transient_for (standards) == GTK_WINDOW (editor));
    mine = pl_store_add_standard (f->store, NULL, NULL, "MINE.1", "Explain a force diagram to a partner.", NULL);
    g_assert_nonnull (mine);
    gtk_window_destroy (standards);
    iterate ();
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)))), ==, 9);
  }

  search = find_type (GTK_WIDGET (editor), GTK_TYPE_SEARCH_ENTRY);
  set_text (search, "mass is conserved");
  wait_ms (400);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)))), ==, 2);
  g_signal_emit_by_name (view, "activate", 1);
  iterate ();
  g_assert_cmpuint (unit_standard_count (f, unit), ==, 2);
  set_text (search, "");
  wait_ms (400);
  check = check_for_code (view, "SCI.7.3");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  iterate ();
  g_assert_cmpuint (unit_standard_count (f, unit), ==, 1);

  /* Milestones: added due on the unit's last day, then edited. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "unit.add-milestone", NULL));
  iterate ();
  m = milestone_at (f, unit, 0);
  g_assert_nonnull (m);
  first = g_strdup (pl_record_get_uuid (PL_RECORD (m)));
  title = find_named (GTK_WIDGET (editor), "milestone-title");
  due = find_named (GTK_WIDGET (editor), "milestone-due");
  must_do = find_named (GTK_WIDGET (editor), "milestone-must-do");
  prompt = find_named (GTK_WIDGET (editor), "milestone-prompt");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (editor)), title));
  set_text (title, "Speed lab");
  set_text (prompt, "What slowed your ball down most?");
  gtk_switch_set_active (GTK_SWITCH (must_do), FALSE);
  iterate ();
  g_clear_object (&m);
  m = milestone_at (f, unit, 0);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (m), "title"), ==, "Speed lab");
  g_assert_false (pl_record_get_boolean (PL_RECORD (m), "must-do"));
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (m), "reflection-prompt"), ==, "What slowed your ball down most?");

  /* A due date that is not one, or outside the unit, is refused on its row. */
  set_text (due, "2026-02-30");
  g_assert_false (pl_unit_editor_flush (editor));
  g_assert_true (gtk_widget_has_css_class (due, "error"));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (find_named (GTK_WIDGET (editor), "unit-milestone"))),
                            "Due date"));
  set_text (due, "2199-01-01");
  g_assert_false (pl_unit_editor_flush (editor));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (find_named (GTK_WIDGET (editor), "unit-milestone"))),
                            "after the unit ends"));
  g_clear_object (&m);
  m = milestone_at (f, unit, 0);

  /* Adding another rebuilds the list: the refused date stays on screen,
   * still marked, not silently replaced by the saved one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "unit.add-milestone", NULL));
  iterate ();
  due = find_named (GTK_WIDGET (editor), "milestone-due");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, "2199-01-01");
  g_assert_true (gtk_widget_has_css_class (due, "error"));
  {
    g_autoptr(PlUnit) u = stored_unit (f, unit);

    g_assert_cmpstr (pl_record_get_string (PL_RECORD (m), "due-on"), ==, pl_record_get_string (PL_RECORD (u), "ends-on"));
    set_text (due, pl_record_get_string (PL_RECORD (u), "starts-on"));
    g_assert_true (pl_unit_editor_flush (editor));
    g_assert_false (gtk_widget_has_css_class (due, "error"));
    g_clear_object (&m);
    m = milestone_at (f, unit, 0);
    g_assert_cmpstr (pl_record_get_string (PL_RECORD (m), "due-on"), ==, pl_record_get_string (PL_RECORD (u), "starts-on"));
  }

  /* The second one moves up with Alt+Up, and down with its button. */
  rows = all_named (GTK_WIDGET (editor), "unit-milestone");
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_true (run_shortcut (rows->pdata[1], "<Alt>Up"));
  iterate ();
  g_clear_object (&m);
  m = milestone_at (f, unit, 1);
  g_assert_cmpstr (pl_record_get_uuid (PL_RECORD (m)), ==, first);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = all_named (GTK_WIDGET (editor), "unit-milestone");
  g_assert_false (gtk_widget_get_sensitive (find_by_tooltip (rows->pdata[0], "Move up (Alt+Up)")));
  g_signal_emit_by_name (find_by_tooltip (rows->pdata[0], "Move down (Alt+Down)"), "clicked");
  iterate ();
  g_clear_object (&m);
  m = milestone_at (f, unit, 0);
  g_assert_cmpstr (pl_record_get_uuid (PL_RECORD (m)), ==, first);

  /* Removed with its button; Undo brings it back. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = all_named (GTK_WIDGET (editor), "unit-milestone");
  g_signal_emit_by_name (find_by_tooltip (rows->pdata[0], "Remove this milestone"), "clicked");
  iterate ();
  g_clear_object (&m);
  m = milestone_at (f, unit, 1);
  g_assert_null (m);
  click_undo (GTK_WIDGET (editor));
  m = milestone_at (f, unit, 0);
  g_assert_cmpstr (pl_record_get_uuid (PL_RECORD (m)), ==, first);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = all_named (GTK_WIDGET (editor), "unit-milestone");
  g_assert_cmpuint (rows->len, ==, 2);

  /* Closing keeps everything; the view lists the unit's milestones. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  wait_ms (500);
  g_assert_null (find_editor ());
  {
    g_autoptr(GPtrArray) shown = all_named (f->page, "milestone-progress");

    g_assert_cmpuint (shown->len, ==, 2);
    g_assert_cmpstr (adw_preferences_row_get_title (shown->pdata[0]), ==, "Speed lab");
  }
}

/* ---- switching, remembering, progress, deleting --------------------------- */

static void
test_switch_and_progress (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlUnit) second = pl_store_create_unit (f->store, f->classroom, NULL, &error);
  g_autofree char *key = g_strdup_printf ("boards-unit:%s", f->classroom);
  g_autofree char *remembered = NULL;
  g_autofree char *learner = NULL;
  g_autoptr(GPtrArray) milestones = NULL;
  g_autoptr(GPtrArray) learners = NULL;
  g_autoptr(PlMilestone) first = milestone_at (f, f->demo_unit, 0);
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  GtkDropDown *dropdown;
  GtkWidget *row = NULL, *check;
  guint done_before = 0, done_after = 0;

  wait_ms (500);
  dropdown = unit_dropdown (f->page);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 2);

  /* Switching shows the other unit, without its board. */
  gtk_drop_down_set_selected (dropdown, 1);
  iterate ();
  g_assert_cmpstr (selected_title (f->page), ==, "New unit");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (board_stack (f->page)), ==, "no-board");
  /* Its brief can be printed; there is no board for a handout. */
  g_assert_true (gtk_widget_get_sensitive (find_by_tooltip (f->page, "Print the unit brief, or save it as PDF (Ctrl+P)")));
  g_assert_false (gtk_widget_get_sensitive (find_by_tooltip (f->page, "Print the board as a learner handout, or save it as PDF")));
  remembered = pl_store_get_meta (f->store, key);
  g_assert_cmpstr (remembered, ==, pl_record_get_uuid (PL_RECORD (second)));

  /* Remembered for the class: a new window shows it again. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  f->window = pl_window_new (GTK_APPLICATION (shared_app), f->context);
  gtk_window_present (GTK_WINDOW (f->window));
  pl_window_set_view (f->window, "boards");
  iterate ();
  f->page = find_type (GTK_WIDGET (f->window), PL_TYPE_BOARDS_PAGE);
  g_assert_cmpstr (selected_title (f->page), ==, "New unit");

  /* Back to the demo unit with its board. */
  gtk_drop_down_set_selected (unit_dropdown (f->page), 0);
  iterate ();
  g_assert_cmpstr (selected_title (f->page), ==, "Matter on the Move");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (board_stack (f->page)), ==, "board");
  g_assert_true (gtk_widget_get_sensitive (find_by_tooltip (f->page, "Print the board as a learner handout, or save it as PDF")));

  /* Mark a learner done on the first milestone from its row. */
  milestones = all_named (f->page, "milestone-progress");
  g_assert_cmpuint (milestones->len, ==, 3);
  adw_expander_row_set_expanded (milestones->pdata[0], TRUE);
  iterate ();
  before = pl_store_milestone_learners (f->store, pl_record_get_uuid (PL_RECORD (first)), NULL, NULL);
  for (guint i = 0; i < before->len; i++)
    done_before += g_array_index (before, PlMilestoneLearner, i).state == PL_PROGRESS_DONE;
  learners = all_named (milestones->pdata[0], "milestone-learner");
  g_assert_cmpuint (learners->len, ==, before->len);
  for (guint i = 0; i < learners->len && row == NULL; i++)
    if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (find_check (learners->pdata[i]))))
      row = learners->pdata[i];
  g_assert_nonnull (row);
  learner = g_strdup (g_object_get_data (G_OBJECT (row), "pl-learner"));
  check = find_check (row);
  gtk_widget_grab_focus (check);
  /* Space or Enter on the row ticks its check button. The view reloads a
   * moment after the store changes, rebuilding its rows: look at them
   * before the main loop runs again. */
  g_signal_emit_by_name (row, "activate");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  after = pl_store_milestone_learners (f->store, pl_record_get_uuid (PL_RECORD (first)), NULL, NULL);
  for (guint i = 0; i < after->len; i++)
    {
      const PlMilestoneLearner *l = &g_array_index (after, PlMilestoneLearner, i);

      done_after += l->state == PL_PROGRESS_DONE;
      if (g_strcmp0 (l->learner_uuid, learner) == 0)
        g_assert_cmpint (l->state, ==, PL_PROGRESS_DONE);
    }
  g_assert_cmpuint (done_after, ==, done_before + 1);
  {
    g_autofree char *count = g_strdup_printf ("%u of %u done", done_after, after->len);

    g_assert_nonnull (strstr (adw_expander_row_get_subtitle (milestones->pdata[0]), count));
  }
  row = check = NULL;

  /* After the view reloads, the milestone is still open and the keyboard
   * is still on the learner's row. */
  wait_ms (600);
  g_clear_pointer (&milestones, g_ptr_array_unref);
  milestones = all_named (f->page, "milestone-progress");
  g_assert_true (adw_expander_row_get_expanded (milestones->pdata[0]));
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));
    GtkWidget *focused_row = focus != NULL ? gtk_widget_get_ancestor (focus, ADW_TYPE_ACTION_ROW) : NULL;

    g_assert_nonnull (focused_row);
    g_assert_cmpstr (g_object_get_data (G_OBJECT (focused_row), "pl-learner"), ==, learner);
    /* And back: not done. */
    gtk_check_button_set_active (GTK_CHECK_BUTTON (find_check (focused_row)), FALSE);
    iterate ();
  }
  g_clear_pointer (&after, g_array_unref);
  after = pl_store_milestone_learners (f->store, pl_record_get_uuid (PL_RECORD (first)), NULL, NULL);
  for (guint i = 0; i < after->len; i++)
    if (g_strcmp0 (g_array_index (after, PlMilestoneLearner, i).learner_uuid, learner) == 0)
      g_assert_cmpint (g_array_index (after, PlMilestoneLearner, i).state, !=, PL_PROGRESS_DONE);
}

static void
test_delete_and_empty (Fixture *f, gconstpointer data)
{
  GtkWidget *stack = find_type (f->page, GTK_TYPE_STACK);
  GtkWidget *empty_button;

  /* Ctrl+E opens the editor wherever the focus is in the window. */
  g_assert_true (run_shortcut (f->page, "<Control>e"));
  iterate ();
  g_assert_nonnull (find_editor ());
  g_assert_cmpstr (pl_unit_editor_get_unit_uuid (find_editor ()), ==, f->demo_unit);
  gtk_window_close (GTK_WINDOW (find_editor ()));
  iterate ();
  g_assert_null (find_editor ());

  /* Delete: gone from the class, board and milestones left in place. */
  g_assert_true (gtk_widget_activate_action (f->page, "boards.delete-unit", NULL));
  iterate ();
  g_assert_cmpuint (n_units (f), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  g_assert_false (gtk_widget_activate_action (f->page, "boards.edit-unit", NULL) && find_editor () != NULL);
  {
    g_autoptr(PlMilestone) m = milestone_at (f, f->demo_unit, 0);

    g_assert_nonnull (m);
  }

  /* Undo brings the unit and its board back. */
  click_undo (GTK_WIDGET (f->window));
  g_assert_cmpuint (n_units (f), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "main");
  g_assert_cmpstr (selected_title (f->page), ==, "Matter on the Move");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (board_stack (f->page)), ==, "board");

  /* With no unit, the view says so and offers New Unit. */
  g_assert_true (gtk_widget_activate_action (f->page, "boards.delete-unit", NULL));
  iterate ();
  empty_button = find_button_labelled (gtk_stack_get_child_by_name (GTK_STACK (stack), "empty"), "_New Unit");
  g_assert_nonnull (empty_button);
  g_assert_true (gtk_widget_get_visible (empty_button));
  g_signal_emit_by_name (empty_button, "clicked");
  iterate ();
  g_assert_cmpuint (n_units (f), ==, 1);
  g_assert_nonnull (find_editor ());
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "main");
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/units-page/new-unit-and-editor", Fixture, NULL, fixture_set_up,
              test_new_unit_and_editor, fixture_tear_down);
  g_test_add ("/units-page/standards-and-milestones", Fixture, NULL, fixture_set_up,
              test_standards_and_milestones, fixture_tear_down);
  g_test_add ("/units-page/switch-and-progress", Fixture, NULL, fixture_set_up,
              test_switch_and_progress, fixture_tear_down);
  g_test_add ("/units-page/delete-and-empty", Fixture, NULL, fixture_set_up,
              test_delete_and_empty, fixture_tear_down);
  return g_test_run ();
}
