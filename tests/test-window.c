/* test-window.c — the real main window under Xvfb: views, shortcuts, classes,
 * first run, the demo classroom, the windows of the main menu, and what the
 * window remembers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "pl-application.h"
#include "pl-context.h"
#include "pl-window.h"
#include "boards/pl-standards-window.h"
#include "core/pl-store-boards.h"
#include "insights/pl-insights-page.h"
#include "learners/pl-learners-page.h"
#include "boards/pl-boards-page.h"
#include "checkins/pl-checkins-page.h"
#include "gradebook/pl-gradebook-page.h"
#include "pl-preferences-window.h"
#include "window-test-util.h"

/* One registered application for the whole run: the bus path of an
 * application id can be exported only once per connection. */
static PlApplication *shared_app;

typedef struct
{
  char          *dir;
  char          *db_path;
  PlApplication *app;
  PlStore       *store;
  PlContext     *context;
  PlWindow      *window;
} Fixture;

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop until CHECK holds or SECONDS pass. */
static gboolean
wait_for (gboolean (*check) (gpointer), gpointer data, guint seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, timeout_cb, &timed_out);

  while (!check (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return check (data);
}

static void
add_classroom (PlStore *store, const char *name)
{
  g_autoptr(PlClassroom) c = pl_classroom_new ();
  g_autoptr(GError) error = NULL;

  pl_record_set_string (PL_RECORD (c), "name", name);
  g_assert_true (pl_store_save (store, PL_RECORD (c), &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new (PL_APP_ID);
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("pl-window-XXXXXX", NULL);
  f->db_path = g_build_filename (f->dir, "test.db", NULL);
  f->store = pl_store_open (f->db_path, &error);
  g_assert_no_error (error);
  if (GPOINTER_TO_INT (data))
    {
      add_classroom (f->store, "7B Science");
      add_classroom (f->store, "8A Science");
    }

  if (shared_app == NULL)
    {
      shared_app = pl_application_new ();
      g_application_set_flags (G_APPLICATION (shared_app), G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (shared_app), NULL, &error));
      g_assert_no_error (error);
    }
  f->app = g_object_ref (shared_app);

  f->context = pl_context_new (f->store, settings);
  f->window = pl_window_new (GTK_APPLICATION (f->app), f->context);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  g_clear_object (&f->context);
  g_clear_object (&f->store);
  g_clear_object (&f->app);
  g_free (f->db_path);
  g_free (f->dir);
}

static const char *
main_page (Fixture *f)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (f->window));
  GtkStack *stack = GTK_STACK (adw_toast_overlay_get_child (ADW_TOAST_OVERLAY (content)));

  return gtk_stack_get_visible_child_name (stack);
}

static void
test_views_by_action_and_shortcut (Fixture *f, gconstpointer data)
{
  const char * const *names = pl_window_get_view_names ();
  const char *keys[] = { "<Alt>1", "<Alt>2", "<Alt>3", "<Alt>4", "<Alt>5" };

  g_assert_cmpstr (main_page (f), ==, "main");
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *action = g_strdup_printf ("win.view('%s')", names[i]);
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (f->app), action);
      g_autofree char *detailed = NULL;

      g_assert_cmpuint (g_strv_length (accels), ==, 1);
      g_assert_cmpstr (accels[0], ==, keys[i]);

      /* The accelerator resolves to this very action and target. */
      g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (f->app), keys[i]);
      detailed = g_action_print_detailed_name ("win.view", g_variant_new_string (names[i]));
      g_assert_cmpuint (g_strv_length (actions), ==, 1);
      g_assert_cmpstr (actions[0], ==, detailed);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", names[i]));
      iterate ();
      g_assert_cmpstr (pl_window_get_view (f->window), ==, names[i]);
    }
}

static PlContext *
context_of (GtkWidget *page)
{
  PlContext *context = NULL;

  g_object_get (page, "context", &context, NULL);
  if (context != NULL)
    g_object_unref (context);   /* the window keeps it */
  return context;
}

/* Every view follows the class, but only the view on show loads at
 * start; another loads the class when it is first shown, by its action
 * or by the view switcher. */
static void
test_views_load_when_shown (Fixture *f, gconstpointer data)
{
  GtkWidget *learners = window_test_find (GTK_WIDGET (f->window), PL_TYPE_LEARNERS_PAGE, NULL, NULL);
  GtkWidget *gradebook = window_test_find (GTK_WIDGET (f->window), PL_TYPE_GRADEBOOK_PAGE, NULL, NULL);
  GtkWidget *insights = window_test_find (GTK_WIDGET (f->window), PL_TYPE_INSIGHTS_PAGE, NULL, NULL);
  AdwViewStack *stack = ADW_VIEW_STACK (window_test_find (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK, NULL, NULL));
  GListModel *classes = pl_context_get_classrooms (f->context);
  g_autoptr(PlClassroom) second = g_list_model_get_item (classes, 1);
  PlClassroom *shown = NULL;

  g_assert_cmpstr (pl_window_get_view (f->window), ==, "learners");
  g_assert_true (context_of (learners) == f->context);
  g_assert_null (context_of (gradebook));
  g_assert_null (context_of (insights));

  /* A class chosen while the Gradebook is hidden is the one it shows. */
  pl_context_set_classroom (f->context, second);
  iterate ();
  g_assert_null (context_of (gradebook));
  g_object_get (gradebook, "classroom", &shown, NULL);
  g_assert_true (shown == second);
  g_clear_object (&shown);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "gradebook"));
  iterate ();
  g_assert_true (context_of (gradebook) == f->context);
  g_object_get (gradebook, "classroom", &shown, NULL);
  g_assert_true (shown == second);
  g_clear_object (&shown);
  g_assert_null (context_of (insights));

  /* What a click in the view switcher does. */
  adw_view_stack_set_visible_child_name (stack, "insights");
  iterate ();
  g_assert_true (context_of (insights) == f->context);
  g_object_get (insights, "classroom", &shown, NULL);
  g_assert_true (shown == second);
  g_clear_object (&shown);
}

static gboolean
is_class_dropdown (GtkWidget     *widget,
                   gconstpointer  data)
{
  return gtk_drop_down_get_model (GTK_DROP_DOWN (widget)) == (GListModel *) data;
}

/* Every view shows the class of the drop-down. */
static void
assert_views_follow (Fixture     *f,
                     PlClassroom *expected)
{
  GType views[] = {
    PL_TYPE_LEARNERS_PAGE, PL_TYPE_BOARDS_PAGE, PL_TYPE_CHECKINS_PAGE,
    PL_TYPE_GRADEBOOK_PAGE, PL_TYPE_INSIGHTS_PAGE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *view = window_test_find (GTK_WIDGET (f->window), views[i], NULL, NULL);
      PlClassroom *shown = NULL;

      g_assert_nonnull (view);
      g_object_get (view, "classroom", &shown, NULL);
      g_assert_true (shown == expected);
      g_clear_object (&shown);
    }
}

static void
test_class_switching (Fixture *f, gconstpointer data)
{
  GListModel *classes = pl_context_get_classrooms (f->context);
  GtkDropDown *dropdown;
  g_autoptr(PlClassroom) first = NULL;
  g_autoptr(PlClassroom) second = NULL;
  g_autoptr(GSettings) settings = g_settings_new (PL_APP_ID);

  g_assert_cmpuint (g_list_model_get_n_items (classes), ==, 2);
  first = g_list_model_get_item (classes, 0);
  second = g_list_model_get_item (classes, 1);
  dropdown = GTK_DROP_DOWN (window_test_find (GTK_WIDGET (f->window), GTK_TYPE_DROP_DOWN,
                                              is_class_dropdown, classes));
  g_assert_nonnull (dropdown);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  assert_views_follow (f, first);

  /* The teacher picks the other class in the drop-down. */
  gtk_drop_down_set_selected (dropdown, 1);
  window_test_iterate ();
  g_assert_true (pl_context_get_classroom (f->context) == second);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (f->window)), "8A Science"));
  assert_views_follow (f, second);
  {
    g_autofree char *last = g_settings_get_string (settings, "last-class");

    g_assert_cmpstr (last, ==, pl_record_get_uuid (PL_RECORD (second)));
  }

  /* And back; a class chosen elsewhere (Ctrl+K, the store) moves the
   * drop-down too. */
  gtk_drop_down_set_selected (dropdown, 0);
  window_test_iterate ();
  assert_views_follow (f, first);
  pl_context_set_classroom (f->context, second);
  window_test_iterate ();
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 1);
  assert_views_follow (f, second);
}

static void
test_first_run_and_create_class (Fixture *f, gconstpointer data)
{
  g_assert_cmpstr (main_page (f), ==, "welcome");
  add_classroom (f->store, "Period 3 Humanities");
  iterate ();
  g_assert_cmpstr (main_page (f), ==, "main");
  g_assert_nonnull (pl_context_get_classroom (f->context));
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (pl_context_get_classroom (f->context)), "name"),
                   ==, "Period 3 Humanities");
}

static gboolean
demo_loaded (gpointer data)
{
  Fixture *f = data;

  return g_strcmp0 (main_page (f), "main") == 0 &&
         pl_store_count (f->store, "learner", FALSE) >= 24;
}

static void
test_demo_classroom (Fixture *f, gconstpointer data)
{
  g_assert_cmpstr (main_page (f), ==, "welcome");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.load-demo", NULL));
  g_assert_true (wait_for (demo_loaded, f, 120));
  g_assert_nonnull (pl_context_get_classroom (f->context));
  g_assert_cmpuint (pl_store_count (f->store, "learner", FALSE), ==, 24);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0 &&
          gtk_widget_is_sensitive (child))
        return child;
      if ((found = find_button (child, tooltip)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
insights_page (Fixture *f)
{
  GtkWidget *page = GTK_WIDGET (f->window);

  while (page != NULL && !PL_IS_INSIGHTS_PAGE (page))
    {
      /* depth-first walk */
      GtkWidget *next = gtk_widget_get_first_child (page);

      while (next == NULL && page != NULL)
        {
          next = gtk_widget_get_next_sibling (page);
          if (next == NULL)
            page = gtk_widget_get_parent (page);
        }
      page = next;
    }
  return page;
}

static gboolean
report_ready (gpointer data)
{
  Fixture *f = data;
  GtkWidget *page = insights_page (f);

  return page != NULL && pl_insights_page_get_report (PL_INSIGHTS_PAGE (page)) != NULL &&
         find_button (page, "Accept: add this pick to the board") != NULL;
}

typedef struct { Fixture *f; guint picks; } PickCheck;

static gboolean
pick_added (gpointer data)
{
  PickCheck *check = data;

  return pl_store_count (check->f->store, "pick", FALSE) > check->picks;
}

/* The dashboard of the demo class, and a suggestion accepted with its
 * button, which puts the pick on the board. */
static void
test_insights_accept (Fixture *f, gconstpointer data)
{
  GtkWidget *page, *accept, *followed;
  PickCheck check = { f, 0 };
  guint decisions;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.load-demo", NULL));
  g_assert_true (wait_for (demo_loaded, f, 120));
  /* The demo's learners have made all their picks: one starts afresh, so
   * that there is something to suggest. */
  {
    g_autoptr(PlBoard) board = pl_store_class_board (f->store, pl_record_get_uuid (PL_RECORD (pl_context_get_classroom (f->context))), NULL);
    g_autoptr(GListModel) picks = pl_store_list_board_picks (f->store, pl_record_get_uuid (PL_RECORD (board)), NULL);
    g_autoptr(PlRecord) first = g_list_model_get_item (picks, 0);
    g_autofree char *learner = g_strdup (pl_record_get_string (first, "learner-uuid"));

    for (guint i = 0; i < g_list_model_get_n_items (picks); i++)
      {
        g_autoptr(PlPick) pick = g_list_model_get_item (picks, i);

        if (g_strcmp0 (pl_record_get_string (PL_RECORD (pick), "learner-uuid"), learner) == 0)
          g_assert_true (pl_store_remove_pick (f->store, pick, NULL));
      }
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "insights"));
  g_assert_true (wait_for (report_ready, f, 60));

  page = insights_page (f);
  g_assert_cmpuint (g_list_model_get_n_items (pl_insights_report_get_alerts (pl_insights_page_get_report (PL_INSIGHTS_PAGE (page)))), >, 0);

  check.picks = pl_store_count (f->store, "pick", FALSE);
  accept = find_button (page, "Accept: add this pick to the board");
  g_signal_emit_by_name (accept, "clicked");
  g_assert_true (wait_for (pick_added, &check, 10));

  decisions = pl_store_count (f->store, "suggestion_decision", FALSE);
  followed = find_button (page, "Mark this alert as followed up");
  g_assert_nonnull (followed);
  g_signal_emit_by_name (followed, "clicked");
  g_assert_cmpuint (pl_store_count (f->store, "suggestion_decision", FALSE), ==, decisions + 1);
}

static gboolean
is_group_titled (GtkWidget     *widget,
                 gconstpointer  title)
{
  return g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
}

/* Preferences, About and Keyboard Shortcuts open from the main menu's
 * actions with their content built (a template that fails to build leaves
 * an empty window, and g_test_init makes its warning fatal). */
static void
test_menu_windows (Fixture *f, gconstpointer data)
{
  GtkWindow *prefs, *about, *shortcuts;
  const char *groups[] = { "Grading", "Check-ins", "School Sync", "Data" };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "app.preferences", NULL));
  prefs = window_test_wait_for_toplevel (PL_TYPE_PREFERENCES_WINDOW, NULL, 10);
  g_assert_nonnull (prefs);
  g_assert_true (gtk_window_get_transient_for (prefs) == GTK_WINDOW (f->window));
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    g_assert_nonnull (window_test_find (GTK_WIDGET (prefs), ADW_TYPE_PREFERENCES_GROUP,
                                        is_group_titled, groups[i]));
  g_assert_nonnull (window_test_find (GTK_WIDGET (prefs), ADW_TYPE_ACTION_ROW,
                                      window_test_title_is, "Data Location"));
  gtk_window_destroy (prefs);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "app.about", NULL));
  about = window_test_wait_for_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL, 10);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "PersonalLearn");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PL_VERSION);
  gtk_window_destroy (about);

  /* Standards, from the main menu whatever view is shown. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "insights"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.standards", NULL));
  {
    GtkWindow *standards = window_test_wait_for_toplevel (PL_TYPE_STANDARDS_WINDOW, NULL, 10);

    g_assert_nonnull (standards);
    g_assert_true (gtk_window_get_transient_for (standards) == GTK_WINDOW (f->window));
    g_assert_cmpstr (pl_standards_window_get_state (PL_STANDARDS_WINDOW (standards)), ==,
                     pl_store_count (f->store, "standard", FALSE) > 0 ? "tree" : "empty");
    gtk_window_destroy (standards);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL));
  shortcuts = window_test_wait_for_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, NULL, 10);
  g_assert_nonnull (shortcuts);
  g_assert_nonnull (window_test_find (GTK_WIDGET (shortcuts), GTK_TYPE_SHORTCUTS_SHORTCUT, NULL, NULL));
  gtk_window_destroy (shortcuts);
  window_test_iterate ();
}

static GtkWidget *
dialog_row (GtkWindow  *dialog,
            const char *title)
{
  GtkWidget *row = window_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, window_test_title_is, title);

  g_assert_nonnull (row);
  return row;
}

static gboolean
dialog_closed (gpointer data)
{
  return window_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "New Class") == NULL;
}

/* "New Class" through its dialog: Enter in the name creates one class and
 * closes the dialog, so a second Enter cannot make a duplicate; an empty
 * name is refused; subject, grade and period are saved with it. */
static void
test_create_class_dialog (Fixture *f, gconstpointer data)
{
  GtkWindow *dialog;
  GtkWidget *name_row;
  PlClassroom *current;

  g_assert_cmpstr (main_page (f), ==, "welcome");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.create-class", NULL));
  dialog = window_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "New Class", 10);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (f->window));
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==, "create");
  name_row = dialog_row (dialog, "_Name");

  /* Nothing typed: Enter does nothing, the dialog stays. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  window_test_press_enter (name_row);
  window_test_iterate ();
  g_assert_cmpuint (pl_store_count (f->store, "classroom", FALSE), ==, 0);
  g_assert_nonnull (window_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "New Class"));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));

  gtk_editable_set_text (GTK_EDITABLE (dialog_row (dialog, "_Subject")), "Science");
  gtk_editable_set_text (GTK_EDITABLE (dialog_row (dialog, "_Grade")), "7");
  gtk_editable_set_text (GTK_EDITABLE (dialog_row (dialog, "_Period")), "2");
  gtk_editable_set_text (GTK_EDITABLE (name_row), " 7B Science ");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  window_test_press_enter (name_row);
  /* Closed at once: there is no dialog left for a second Enter. */
  g_assert_true (dialog_closed (NULL));
  g_assert_true (window_test_wait_for (dialog_closed, NULL, 10));
  window_test_iterate ();

  g_assert_cmpuint (pl_store_count (f->store, "classroom", FALSE), ==, 1);
  current = pl_context_get_classroom (f->context);
  g_assert_nonnull (current);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (current), "name"), ==, "7B Science");
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (current), "subject"), ==, "Science");
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (current), "grade-level"), ==, "7");
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (current), "period"), ==, "2");
  g_assert_cmpstr (main_page (f), ==, "main");

  /* Cancel creates nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.create-class", NULL));
  dialog = window_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "New Class", 10);
  gtk_editable_set_text (GTK_EDITABLE (dialog_row (dialog, "_Name")), "8A Science");
  window_test_respond (dialog, "cancel");
  window_test_iterate ();
  g_assert_cmpuint (pl_store_count (f->store, "classroom", FALSE), ==, 1);
}

/* A window opens at the size it was closed with, on the class shown last. */
static void
test_window_state (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new (PL_APP_ID);
  GListModel *classes = pl_context_get_classrooms (f->context);
  g_autoptr(PlClassroom) second = g_list_model_get_item (classes, 1);
  PlWindow *again;
  int width = 0, height = 0;

  g_settings_set_int (settings, "window-width", 930);
  g_settings_set_int (settings, "window-height", 610);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  g_settings_set_string (settings, "last-class", pl_record_get_uuid (PL_RECORD (second)));

  again = pl_window_new (GTK_APPLICATION (f->app), f->context);
  gtk_window_get_default_size (GTK_WINDOW (again), &width, &height);
  g_assert_cmpint (width, ==, 930);
  g_assert_cmpint (height, ==, 610);
  g_assert_true (pl_context_get_classroom (f->context) == second);

  /* Closing remembers the size of now. */
  gtk_window_set_default_size (GTK_WINDOW (again), 1010, 700);
  gtk_window_present (GTK_WINDOW (again));
  window_test_iterate ();
  gtk_window_close (GTK_WINDOW (again));
  window_test_iterate ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1010);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
}

/* F1 without the Help application installed says so, and where the pages
 * are, instead of "Operation not supported". */
static void
test_help_without_yelp (Fixture *f, gconstpointer data)
{
  g_autoptr(GAppInfo) handler = g_app_info_get_default_for_uri_scheme ("help");
  GtkWindow *dialog;
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (f->app), "app.help");

  g_assert_cmpstr (accels[0], ==, "F1");
  if (handler != NULL)
    {
      g_test_skip ("a help viewer is installed here");
      return;
    }
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "app.help", NULL));
  dialog = window_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Help Cannot Be Shown", 20);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "yelp"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "personallearn"));
  gtk_window_destroy (dialog);
}

int
main (int argc, char **argv)
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/window/views", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_views_by_action_and_shortcut, fixture_tear_down);
  g_test_add ("/window/views-load-when-shown", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_views_load_when_shown, fixture_tear_down);
  g_test_add ("/window/class-switching", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_class_switching, fixture_tear_down);
  g_test_add ("/window/first-run", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up,
              test_first_run_and_create_class, fixture_tear_down);
  g_test_add ("/window/demo", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up,
              test_demo_classroom, fixture_tear_down);
  g_test_add ("/window/insights-accept", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up,
              test_insights_accept, fixture_tear_down);
  g_test_add ("/window/menu-windows", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_menu_windows, fixture_tear_down);
  g_test_add ("/window/create-class-dialog", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up,
              test_create_class_dialog, fixture_tear_down);
  g_test_add ("/window/state-restored", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_window_state, fixture_tear_down);
  g_test_add ("/window/help-without-yelp", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_help_without_yelp, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&shared_app);
  return status;
}
