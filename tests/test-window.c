/* test-window.c — the real main window under Xvfb: views, shortcuts, classes,
 * first run, the demo classroom, and refusing a bad database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "pl-application.h"
#include "pl-context.h"
#include "pl-window.h"
#include "core/pl-store-boards.h"
#include "gradebook/pl-gradebook-page.h"
#include "learners/pl-learners-page.h"
#include "insights/pl-insights-page.h"

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

static PlContext *
context_of (GtkWidget *page)
{
  PlContext *context = NULL;

  g_object_get (page, "context", &context, NULL);
  if (context != NULL)
    g_object_unref (context);   /* the window keeps it */
  return context;
}

/* Only the view on show loads at start; another loads the current class
 * when it is first shown, by its action or by the view switcher. */
static void
test_views_load_when_shown (Fixture *f, gconstpointer data)
{
  GtkWidget *learners = find_type (GTK_WIDGET (f->window), PL_TYPE_LEARNERS_PAGE);
  GtkWidget *gradebook = find_type (GTK_WIDGET (f->window), PL_TYPE_GRADEBOOK_PAGE);
  GtkWidget *insights = find_type (GTK_WIDGET (f->window), PL_TYPE_INSIGHTS_PAGE);
  AdwViewStack *stack = ADW_VIEW_STACK (find_type (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK));
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

static void
test_class_switching (Fixture *f, gconstpointer data)
{
  GListModel *classes = pl_context_get_classrooms (f->context);
  g_autoptr(PlClassroom) second = NULL;
  GtkWidget *page;
  PlClassroom *page_class = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (classes), ==, 2);
  second = g_list_model_get_item (classes, 1);
  pl_context_set_classroom (f->context, second);
  iterate ();

  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (f->window)), "8A Science"));
  /* Every view follows the class. */
  page = gtk_widget_get_first_child (GTK_WIDGET (f->window));
  (void) page;
  g_object_get (f->context, "classroom", &page_class, NULL);
  g_assert_true (page_class == second);
  g_object_unref (page_class);
  {
    g_autoptr(GSettings) settings = g_settings_new (PL_APP_ID);
    g_autofree char *last = g_settings_get_string (settings, "last-class");

    g_assert_cmpstr (last, ==, pl_record_get_uuid (PL_RECORD (second)));
  }
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
has_window_titled_cb (gpointer data)
{
  GList *windows = gtk_window_list_toplevels ();
  gboolean found = FALSE;

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      found = TRUE;
  g_list_free (windows);
  return found;
}

typedef struct { GApplication *app; gboolean saw_dialog; } OpenCheck;

static gboolean
check_dialog_and_quit_cb (gpointer data)
{
  OpenCheck *check = data;

  check->saw_dialog = has_window_titled_cb (NULL);
  g_application_quit (check->app);
  return G_SOURCE_REMOVE;
}

/* Runs the whole application, as `personallearn --db FILE` would. */
static void
run_app_on_letter (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pl-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "letter.txt", NULL);
  const char *text = "Dear families, this is a letter and not a database.\n";
  g_autofree char *after = NULL;
  g_autoptr(PlApplication) app = pl_application_new ();
  char *argv[] = { "personallearn", "--db", path, NULL };
  OpenCheck check = { G_APPLICATION (app), FALSE };

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_timeout_add (1500, check_dialog_and_quit_cb, &check);
  g_application_run (G_APPLICATION (app), 3, argv);

  g_assert_true (check.saw_dialog);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, text);
}

/* In a process of its own, so that it registers its own application. */
static void
test_refuses_bad_database (void)
{
  if (g_test_subprocess ())
    {
      run_app_on_letter ();
      return;
    }
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
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
  g_test_add_func ("/window/refuses-bad-database", test_refuses_bad_database);

  status = g_test_run ();
  g_clear_object (&shared_app);
  return status;
}
