/* test-checkins-page.c — the Check-ins view in the real window: a round of
 * check-ins for the demo class through its keyboard actions, learner mode
 * that reaches nobody else's data, and the PDF for a family conference
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "core/pl-demo.h"
#include "core/pl-store-goals.h"
#include "core/pl-store-learners.h"
#include "core/pl-teacher-pin.h"
#include "checkins/pl-checkins-page.h"
#include "checkins/pl-checkins-print.h"
#include "checkins/pl-learner-mode-window.h"
#include "pl-application.h"
#include "pl-window.h"

static PlApplication *shared_app;

typedef struct
{
  char          *dir;
  PlApplication *app;
  PlStore       *store;
  PlContext     *context;
  PlWindow      *window;
  PlCheckinsPage *page;
} Fixture;

static void
iterate (void)
{
  for (int i = 0; i < 5; i++)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
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
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new (PL_APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  PlDemoOptions options;

  f->dir = g_dir_make_tmp ("pl-checkins-XXXXXX", NULL);
  path = g_build_filename (f->dir, "test.db", NULL);
  f->store = pl_store_open (path, &error);
  g_assert_no_error (error);
  pl_demo_options_init (&options);
  g_assert_true (pl_demo_generate (f->store, &options, NULL, &error));

  /* One registered application per process: its bus path can be
   * exported only once. */
  if (shared_app == NULL)
    {
      shared_app = pl_application_new ();
      g_application_set_flags (G_APPLICATION (shared_app), G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (shared_app), NULL, &error));
    }
  f->app = g_object_ref (shared_app);
  f->context = pl_context_new (f->store, settings);
  f->window = pl_window_new (GTK_APPLICATION (f->app), f->context);
  gtk_window_present (GTK_WINDOW (f->window));
  pl_window_set_view (f->window, "checkins");
  iterate ();
  f->page = PL_CHECKINS_PAGE (find_type (GTK_WIDGET (f->window), PL_TYPE_CHECKINS_PAGE));
  g_assert_nonnull (f->page);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  g_clear_object (&f->context);
  g_clear_object (&f->store);
  g_clear_object (&f->app);
  g_free (f->dir);
}

static GtkEditable *
first_entry_titled (GtkWidget *root, const char *title)
{
  if (ADW_IS_ENTRY_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return GTK_EDITABLE (root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkEditable *found = first_entry_titled (c, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The round a teacher does on check-in day, moving learner to learner with
 * the view's keyboard actions (Ctrl+3, typing, Ctrl+Return). */
static void
test_round (Fixture *f, gconstpointer data)
{
  guint before = pl_store_count (f->store, "checkin", FALSE);
  GtkEditable *worked = first_entry_titled (GTK_WIDGET (f->page), "What _worked");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) status = NULL;

  g_assert_nonnull (worked);
  for (guint i = 0; i < 24; i++)
    {
      const char *learner = pl_checkins_page_get_learner (f->page);

      g_assert_nonnull (learner);
      g_assert_false (g_hash_table_contains (seen, learner));
      g_hash_table_add (seen, g_strdup (learner));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "checkins.progress", "i", 3));
      gtk_editable_set_text (worked, "Drawing the model first");
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "checkins.save", NULL));
      iterate ();
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 24);
  /* Learners who had already checked in this week edit that check-in. */
  g_assert_cmpuint (pl_store_count (f->store, "checkin", FALSE), >, before);

  status = pl_store_class_checkin_status (f->store, pl_record_get_uuid (PL_RECORD (pl_context_get_classroom (f->context))),
                                          NULL, 1, NULL);
  for (guint i = 0; i < status->len; i++)
    g_assert_cmpint (g_array_index (status, PlCheckinStatus, i).state, ==, PL_CHECKIN_STATE_DONE);
}

/* A goal linked to the unit's first milestone, with SMART hints. */
static void
test_linked_goal (Fixture *f, gconstpointer data)
{
  GtkEditable *goal_entry = first_entry_titled (GTK_WIDGET (f->page), "New _Goal");
  AdwComboRow *link = ADW_COMBO_ROW (find_type (GTK_WIDGET (f->page), ADW_TYPE_COMBO_ROW));
  const char *me = pl_checkins_page_get_learner (f->page);
  g_autoptr(GListModel) goals = NULL;
  g_autoptr(PlRecord) newest = NULL;
  guint before;

  g_assert_nonnull (goal_entry);
  g_assert_nonnull (link);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (link)), ==, 1 + 3 + 6);
  before = g_list_model_get_n_items (pl_store_list_goals (f->store, me, NULL));

  adw_combo_row_set_selected (link, 1);
  gtk_editable_set_text (goal_entry, "Label every particle in my lab report model by the due date");
  g_signal_emit_by_name (goal_entry, "apply");
  iterate ();

  goals = pl_store_list_goals (f->store, me, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (goals), ==, before + 1);
  newest = g_list_model_get_item (goals, 0);
  g_assert_cmpstr (pl_record_get_string (newest, "body"), ==, "Label every particle in my lab report model by the due date");
  g_assert_nonnull (pl_record_get_string (newest, "milestone-uuid"));
  g_assert_cmpstr (gtk_editable_get_text (goal_entry), ==, "");
}

static void
collect_text (GtkWidget *root, GString *out)
{
  if (GTK_IS_LABEL (root))
    g_string_append_printf (out, "%s\n", gtk_label_get_label (GTK_LABEL (root)));
  if (GTK_IS_EDITABLE (root))
    g_string_append_printf (out, "%s\n", gtk_editable_get_text (GTK_EDITABLE (root)));
  if (ADW_IS_PREFERENCES_ROW (root))
    g_string_append_printf (out, "%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)));
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_text (c, out);
}

static PlLearnerModeWindow *
learner_mode_window (void)
{
  GList *windows = gtk_window_list_toplevels ();
  PlLearnerModeWindow *found = NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    if (PL_IS_LEARNER_MODE_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (windows);
  return found;
}

static void
test_learner_mode (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autoptr(GListModel) learners = NULL;
  g_auto(GStrv) actions = NULL;
  g_auto(GStrv) described = NULL;
  PlLearnerModeWindow *mode;
  const char *me;
  guint mine_before, all_before;

  g_assert_true (pl_store_set_teacher_pin (f->store, "4826", &error));
  me = pl_checkins_page_get_learner (f->page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "checkins.learner-mode", NULL));
  iterate ();
  mode = learner_mode_window ();
  g_assert_nonnull (mode);
  g_assert_cmpstr (pl_learner_mode_window_get_learner (mode), ==, me);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));

  /* Every application action is off; no window action of the main window
   * is reachable from learner mode. */
  actions = g_action_group_list_actions (G_ACTION_GROUP (f->app));
  for (guint i = 0; actions[i] != NULL; i++)
    g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (f->app), actions[i]));
  described = gtk_application_list_action_descriptions (GTK_APPLICATION (f->app));
  for (guint i = 0; described[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GVariant) target = NULL;

      g_assert_true (g_action_parse_detailed_name (described[i], &name, &target, NULL));
      if (g_str_has_prefix (name, "app."))
        g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (f->app), name + 4));
      else if (g_strcmp0 (name, "window.close") == 0)
        {
          /* Ctrl+W only asks for the PIN. */
          g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (mode), name, target));
          iterate ();
          g_assert_true (learner_mode_window () == mode);
        }
      else
        {
          g_assert_false (gtk_widget_activate_action_variant (GTK_WIDGET (mode), name, target));
        }
    }
  /* Nor any action of the views: they live in the hidden main window. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (mode), "checkins.next", NULL));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (mode), "learners.add", NULL));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (mode), "insights.refresh", NULL));

  /* What the window shows names nobody else. */
  collect_text (GTK_WIDGET (mode), shown);
  learners = pl_store_list_class_learners (f->store, pl_record_get_uuid (PL_RECORD (pl_context_get_classroom (f->context))), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (learners); i++)
    {
      g_autoptr(PlRecord) l = g_list_model_get_item (learners, i);
      g_autofree char *family = g_strdup_printf (" %s", pl_record_get_string (l, "family-name"));

      if (g_strcmp0 (pl_record_get_uuid (l), me) == 0)
        continue;
      if (strstr (shown->str, pl_record_get_string (l, "given-name")) != NULL)
        {
          /* a shared given name is fine; a full other name is not */
          g_autofree char *full = g_strdup_printf ("%s%s", pl_record_get_string (l, "given-name"), family);
          g_assert_null (strstr (shown->str, full));
        }
    }
  g_assert_null (strstr (shown->str, "Teacher note"));
  g_assert_null (strstr (shown->str, "Score"));

  /* Its own actions save only this learner's check-in. */
  mine_before = g_list_model_get_n_items (pl_store_list_checkins (f->store, me, NULL));
  all_before = pl_store_count (f->store, "checkin", FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (mode), "learner.save", NULL));
  g_assert_cmpuint (pl_store_count (f->store, "checkin", FALSE), ==, all_before + 1);
  {
    g_autoptr(GListModel) mine = pl_store_list_checkins (f->store, me, NULL);
    g_autoptr(PlRecord) latest = g_list_model_get_item (mine, 0);

    g_assert_cmpuint (g_list_model_get_n_items (mine), ==, mine_before + 1);
    g_assert_true (pl_record_get_boolean (latest, "by-learner"));
  }

  /* Closing asks for the PIN and stays; a wrong PIN changes nothing. */
  gtk_window_close (GTK_WINDOW (mode));
  iterate ();
  g_assert_true (learner_mode_window () == mode);
  g_assert_false (pl_learner_mode_window_leave (mode, "0000"));
  g_assert_true (learner_mode_window () == mode);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));

  g_assert_true (pl_learner_mode_window_leave (mode, "4826"));
  iterate ();
  g_assert_null (learner_mode_window ());
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (f->app), "preferences"));
}

static void
test_pdf (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;
  const char *me = pl_checkins_page_get_learner (f->page);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  g_assert_true (pl_checkins_print_pdf (f->store, me, "Test Learner", file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_cmpuint (len, >, 1000);
  if (pdftotext != NULL)
    {
      const char *argv[] = { pdftotext, path, "-", NULL };

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL, NULL, NULL));
      g_assert_nonnull (strstr (text, "Test Learner"));
      g_assert_nonnull (strstr (text, "Goals"));
      g_assert_nonnull (strstr (text, "Week of"));
    }
}

int
main (int argc, char **argv)
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/checkins-page/round", Fixture, NULL, fixture_set_up, test_round, fixture_tear_down);
  g_test_add ("/checkins-page/learner-mode", Fixture, NULL, fixture_set_up, test_learner_mode, fixture_tear_down);
  g_test_add ("/checkins-page/linked-goal", Fixture, NULL, fixture_set_up, test_linked_goal, fixture_tear_down);
  g_test_add ("/checkins-page/pdf", Fixture, NULL, fixture_set_up, test_pdf, fixture_tear_down);
  status = g_test_run ();
  g_clear_object (&shared_app);
  return status;
}
