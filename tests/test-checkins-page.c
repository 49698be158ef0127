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
#include "checkins/pl-marker-trend.h"
#include "gradebook/pl-gradebook-page.h"
#include "gradebook/pl-rubric-editor.h"
#include "sync/pl-sync-window.h"
#include "key-test-util.h"
#include "pl-application.h"
#include "pl-preferences-window.h"
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
  /* The memory settings outlive the test. */
  g_settings_reset (pl_context_get_settings (f->context), "checkin-day");
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

static GtkWindow *
visible_toplevel (GType type)
{
  GList *windows = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (windows);
  return found;
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

static GtkWidget *
find_with_class (GtkWidget  *root,
                 GType       type,
                 const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_has_css_class (root, css_class))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_with_class (c, type, css_class);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The list of learners (the drop-downs hold list views of their own). */
static GtkListView *
learner_list (PlCheckinsPage *page)
{
  return GTK_LIST_VIEW (find_with_class (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW, "navigation-sidebar"));
}

/* Under "Not checked in this week" each save takes the learner out of the
 * list; the round still goes to the next learner in order, with nobody
 * skipped. Ctrl+3 and Ctrl+Return are real key presses. */
static void
test_round_filtered (Fixture *f, gconstpointer data)
{
  GtkDropDown *filter = GTK_DROP_DOWN (find_type (GTK_WIDGET (f->page), GTK_TYPE_DROP_DOWN));
  GtkEditable *worked = first_entry_titled (GTK_WIDGET (f->page), "What _worked");
  GtkListView *list = learner_list (f->page);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  GListModel *shown;
  g_autoptr(GArray) status = NULL;

  if (!key_test_available ())
    {
      g_test_skip ("needs X11 and xdotool to press real keys");
      return;
    }
  gtk_drop_down_set_selected (filter, 1);
  iterate ();
  shown = G_LIST_MODEL (gtk_list_view_get_model (list));
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (shown, i);

      g_ptr_array_add (expected, g_strdup (gtk_string_object_get_string (item)));
    }
  /* The demo leaves a few learners to check in this week. */
  g_assert_cmpuint (expected->len, >=, 3);
  g_assert_true (pl_checkins_page_select (f->page, expected->pdata[0]));
  gtk_widget_grab_focus (GTK_WIDGET (worked));

  for (guint i = 0; i < expected->len; i++)
    {
      g_assert_cmpstr (pl_checkins_page_get_learner (f->page), ==, expected->pdata[i]);
      key_test_press (GTK_WINDOW (f->window), "ctrl+3");
      key_test_type (GTK_WINDOW (f->window), "Checked the model");
      key_test_press (GTK_WINDOW (f->window), "ctrl+Return");
      g_assert_cmpuint (g_list_model_get_n_items (shown), ==, expected->len - i - 1);
    }

  status = pl_store_class_checkin_status (f->store, pl_record_get_uuid (PL_RECORD (pl_context_get_classroom (f->context))),
                                          NULL, 1, NULL);
  for (guint i = 0; i < status->len; i++)
    g_assert_cmpint (g_array_index (status, PlCheckinStatus, i).state, ==, PL_CHECKIN_STATE_DONE);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(GListModel) mine = pl_store_list_checkins (f->store, expected->pdata[i], NULL);
      g_autoptr(PlRecord) latest = g_list_model_get_item (mine, 0);

      g_assert_cmpint (pl_record_get_int (latest, "progress"), ==, 3);
      g_assert_cmpstr (pl_record_get_string (latest, "worked"), ==, "Checked the model");
    }
}

/* Ctrl+Page Down and Ctrl+Page Up move between learners whether the
 * keyboard is in the form or in the list: real key presses, which the
 * scrolled window and the list would take for themselves. */
static void
test_next_previous_keys (Fixture *f, gconstpointer data)
{
  GtkEditable *worked = first_entry_titled (GTK_WIDGET (f->page), "What _worked");
  GtkListView *list = learner_list (f->page);
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (list));
  g_autoptr(GtkStringObject) first = NULL;
  g_autoptr(GtkStringObject) second = NULL;
  g_autoptr(GtkStringObject) third = NULL;

  if (!key_test_available ())
    {
      g_test_skip ("needs X11 and xdotool to press real keys");
      return;
    }
  first = g_list_model_get_item (shown, 0);
  second = g_list_model_get_item (shown, 1);
  third = g_list_model_get_item (shown, 2);
  g_assert_true (pl_checkins_page_select (f->page, gtk_string_object_get_string (first)));

  gtk_widget_grab_focus (GTK_WIDGET (worked));
  key_test_press (GTK_WINDOW (f->window), "ctrl+Next");
  g_assert_cmpstr (pl_checkins_page_get_learner (f->page), ==, gtk_string_object_get_string (second));
  key_test_press (GTK_WINDOW (f->window), "ctrl+Next");
  g_assert_cmpstr (pl_checkins_page_get_learner (f->page), ==, gtk_string_object_get_string (third));
  key_test_press (GTK_WINDOW (f->window), "ctrl+Prior");
  g_assert_cmpstr (pl_checkins_page_get_learner (f->page), ==, gtk_string_object_get_string (second));

  /* From the list too. */
  gtk_widget_grab_focus (GTK_WIDGET (list));
  key_test_press (GTK_WINDOW (f->window), "ctrl+Prior");
  g_assert_cmpstr (pl_checkins_page_get_learner (f->page), ==, gtk_string_object_get_string (first));
  key_test_press (GTK_WINDOW (f->window), "ctrl+Next");
  g_assert_cmpstr (pl_checkins_page_get_learner (f->page), ==, gtk_string_object_get_string (second));

  /* And from a goal's text, where Page keys would otherwise scroll. */
  gtk_widget_grab_focus (GTK_WIDGET (first_entry_titled (GTK_WIDGET (f->page), "New _Goal")));
  key_test_press (GTK_WINDOW (f->window), "ctrl+Next");
  g_assert_cmpstr (pl_checkins_page_get_learner (f->page), ==, gtk_string_object_get_string (third));
}

static GtkToggleButton *
toggle_labelled (GtkWidget  *root,
                 const char *label)
{
  if (GTK_IS_TOGGLE_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return GTK_TOGGLE_BUTTON (root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkToggleButton *found = toggle_labelled (c, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
today_week (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  return pl_checkin_week_start (today, 1);
}

/* The markers ticked in a check-in show in its history row and in the
 * week-by-week trend, which a screen reader hears as text. */
static void
test_marker_history (Fixture *f, gconstpointer data)
{
  g_autofree char *me = g_strdup (pl_checkins_page_get_learner (f->page));
  g_autofree char *week = today_week ();
  g_autofree char *expected = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GString) shown = g_string_new (NULL);
  PlMarkerTrend *trend;
  g_autoptr(GdkPaintable) paintable = NULL;
  GtkSnapshot *snapshot;
  g_autoptr(GskRenderNode) node = NULL;

  g_assert_nonnull (toggle_labelled (GTK_WIDGET (f->page), "Persists"));
  gtk_toggle_button_set_active (toggle_labelled (GTK_WIDGET (f->page), "Persists"), TRUE);
  gtk_toggle_button_set_active (toggle_labelled (GTK_WIDGET (f->page), "Asks for help"), TRUE);
  gtk_toggle_button_set_active (toggle_labelled (GTK_WIDGET (f->page), "Seeks challenge"), FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "checkins.save", NULL));
  iterate ();
  g_assert_true (pl_checkins_page_select (f->page, me));
  iterate ();

  trend = PL_MARKER_TREND (find_type (GTK_WIDGET (f->page), PL_TYPE_MARKER_TREND));
  g_assert_nonnull (trend);
  weeks = pl_store_marker_weeks (f->store, me, NULL);
  g_assert_cmpstr (g_array_index (weeks, PlMarkerWeek, weeks->len - 1).week_of, ==, week);
  expected = pl_marker_weeks_describe (weeks);
  g_assert_cmpstr (pl_marker_trend_get_text (trend), ==, expected);
  {
    g_auto(GStrv) lines = g_strsplit (pl_marker_trend_get_text (trend), "\n", -1);

    /* "Persists: 3 of 6 weeks — …, 11-30": this week is among them. */
    g_assert_cmpuint (g_strv_length (lines), ==, PL_N_MARKERS);
    g_assert_true (g_str_has_prefix (lines[PL_MARKER_PERSISTENCE], "Persists: "));
    g_assert_true (g_str_has_suffix (lines[PL_MARKER_PERSISTENCE], week + 5));
    g_assert_true (g_str_has_suffix (lines[PL_MARKER_HELP_SEEKING], week + 5));
  }

  collect_text (GTK_WIDGET (f->page), shown);
  g_assert_nonnull (strstr (shown->str, "Seen: Persists, Asks for help"));

  /* It draws: a dot per week and marker. */
  gtk_widget_measure (GTK_WIDGET (trend), GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  paintable = gtk_widget_paintable_new (GTK_WIDGET (trend));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (GTK_WIDGET (trend)), gtk_widget_get_height (GTK_WIDGET (trend)));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (trend)), >, 18 * (int) weeks->len);
}

static AdwActionRow *
row_titled (GtkWidget  *root,
            const char *title)
{
  if (ADW_IS_ACTION_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return ADW_ACTION_ROW (root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      AdwActionRow *found = row_titled (c, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
button_tipped (GtkWidget  *root,
               const char *tooltip)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = button_tipped (c, tooltip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwMessageDialog *
visible_dialog (void)
{
  return (AdwMessageDialog *) visible_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

/* As a click on the dialog's button: the response, then the dialog goes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Waits for the view to follow the store (it reloads a moment later). */
static void
settle (void)
{
  key_test_spin (350);
}

/* A goal with a target date and a link; then met, active again, a new
 * link, revised, dropped: each change dated in the goal's row. */
static void
test_goal_history (Fixture *f, gconstpointer data)
{
  GtkEditable *goal_entry = first_entry_titled (GTK_WIDGET (f->page), "New _Goal");
  GtkEditable *target = first_entry_titled (GTK_WIDGET (f->page), "_Target date (YYYY-MM-DD)");
  AdwComboRow *link = ADW_COMBO_ROW (find_type (GTK_WIDGET (f->page), ADW_TYPE_COMBO_ROW));
  GtkLabel *hints = NULL;
  const char *me = pl_checkins_page_get_learner (f->page);
  const char *body = "Label every particle in two lab models by the due date";
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%m-%d");
  g_autofree char *met = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GListModel) goals = NULL;
  g_autoptr(GListModel) targets = NULL;
  g_autoptr(PlRecord) first_target = NULL;
  g_autoptr(PlRecord) goal = NULL;
  AdwActionRow *row;
  AdwMessageDialog *dialog;
  guint before = pl_store_count (f->store, "goal", FALSE);

  g_assert_nonnull (target);
  /* A target date that is not a date is refused, saying so. */
  gtk_editable_set_text (goal_entry, body);
  gtk_editable_set_text (target, "next week");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (target), "error"));
  g_signal_emit_by_name (goal_entry, "apply");
  settle ();
  g_assert_cmpuint (pl_store_count (f->store, "goal", FALSE), ==, before);
  g_assert_cmpstr (gtk_editable_get_text (goal_entry), ==, body);

  /* With a date and a link the SMART hints are satisfied: the date counts
   * as time-bound, the link as relevant. */
  gtk_editable_set_text (goal_entry, "Label every particle in two lab models");
  gtk_editable_set_text (target, "2020-01-10");
  adw_combo_row_set_selected (link, 1);
  {
    GtkWidget *w = GTK_WIDGET (goal_entry);

    while (w != NULL && hints == NULL)
      {
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && hints == NULL; c = gtk_widget_get_next_sibling (c))
          if (GTK_IS_LABEL (c) && gtk_widget_has_css_class (c, "dim-label"))
            hints = GTK_LABEL (c);
        w = gtk_widget_get_parent (w);
      }
  }
  g_assert_nonnull (hints);
  g_assert_cmpstr (gtk_label_get_label (hints), ==, "Looks like a SMART goal.");
  gtk_editable_set_text (target, "");
  g_assert_nonnull (strstr (gtk_label_get_label (hints), "Time-bound"));
  gtk_editable_set_text (target, "2020-01-10");
  g_signal_emit_by_name (goal_entry, "apply");
  settle ();
  g_assert_cmpuint (pl_store_count (f->store, "goal", FALSE), ==, before + 1);
  goals = pl_store_list_goals (f->store, me, NULL);
  goal = g_list_model_get_item (goals, 0);
  g_assert_cmpstr (pl_record_get_string (goal, "target-on"), ==, "2020-01-10");
  g_assert_nonnull (pl_record_get_string (goal, "milestone-uuid"));

  /* Past due: flagged in the row. */
  row = row_titled (GTK_WIDGET (f->page), "Label every particle in two lab models");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "past due: the target was 2020-01-10"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "Milestone: "));

  /* Met, then active again: both dated. */
  g_signal_emit_by_name (button_tipped (GTK_WIDGET (row), "Mark as met"), "clicked");
  settle ();
  row = row_titled (GTK_WIDGET (f->page), "Label every particle in two lab models");
  met = g_strdup_printf ("Active since %s · met %s", day, day);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), met));
  g_assert_null (strstr (adw_action_row_get_subtitle (row), "past due"));
  g_signal_emit_by_name (button_tipped (GTK_WIDGET (row), "Make the goal active again"), "clicked");
  settle ();
  row = row_titled (GTK_WIDGET (f->page), "Label every particle in two lab models");
  again = g_strdup_printf ("%s · active again %s", met, day);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), again));

  /* A new link, chosen after the goal was set. */
  targets = pl_store_list_goal_targets (f->store, pl_record_get_uuid (PL_RECORD (pl_context_get_classroom (f->context))), NULL);
  first_target = g_list_model_get_item (targets, g_list_model_get_n_items (targets) - 1);
  g_signal_emit_by_name (button_tipped (GTK_WIDGET (row), "Change what the goal is linked to"), "clicked");
  dialog = visible_dialog ();
  g_assert_nonnull (dialog);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_type (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN)),
                              g_list_model_get_n_items (targets));
  respond (dialog, "link");
  settle ();
  {
    g_autoptr(PlRecord) again_goal = pl_store_get (f->store, PL_TYPE_GOAL, pl_record_get_uuid (goal), NULL);

    g_assert_cmpstr (pl_record_get_string (again_goal, "standard-uuid"), ==, pl_record_get_uuid (first_target));
    g_assert_null (pl_record_get_string (again_goal, "milestone-uuid"));
  }
  row = row_titled (GTK_WIDGET (f->page), "Label every particle in two lab models");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "Standard: "));

  /* Revised: the new wording says what it replaced. */
  g_signal_emit_by_name (button_tipped (GTK_WIDGET (row), "Revise the goal"), "clicked");
  dialog = visible_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (find_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY)), "Label every particle in three lab models");
  respond (dialog, "revise");
  settle ();
  row = row_titled (GTK_WIDGET (f->page), "Label every particle in three lab models");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "Replaces: Label every particle in two lab models"));
  row = row_titled (GTK_WIDGET (f->page), "Label every particle in two lab models");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "revised"));
  g_assert_null (button_tipped (GTK_WIDGET (row), "Make the goal active again"));

  /* Dropping asks, and keeps the reason. */
  row = row_titled (GTK_WIDGET (f->page), "Label every particle in three lab models");
  g_signal_emit_by_name (button_tipped (GTK_WIDGET (row), "Drop the goal"), "clicked");
  dialog = visible_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (find_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY)), "moved to a new unit");
  respond (dialog, "drop");
  settle ();
  row = row_titled (GTK_WIDGET (f->page), "Label every particle in three lab models");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "dropped"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "(moved to a new unit)"));
  g_assert_nonnull (button_tipped (GTK_WIDGET (row), "Make the goal active again"));
}

static guint
done_count (Fixture    *f,
            guint       weekday)
{
  g_auto(GStrv) done = pl_store_checked_in_this_week (f->store, pl_record_get_uuid (PL_RECORD (pl_context_get_classroom (f->context))),
                                                      NULL, weekday, NULL);

  return g_strv_length (done);
}

/* The view follows a new check-in day at once, and this week's check-in
 * made under the old day is still the one the form edits. */
static void
test_checkin_day_live (Fixture *f, gconstpointer data)
{
  static const char *days[] = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" };
  GtkEditable *worked = first_entry_titled (GTK_WIDGET (f->page), "What _worked");
  g_autoptr(GString) texts = g_string_new (NULL);
  g_autofree char *expected = NULL;
  guint monday = done_count (f, 1), other = 0, n_before;
  const char *me = NULL;

  /* A day under which a different number of learners checked in this week. */
  for (guint d = 2; d <= 7 && other == 0; d++)
    if (done_count (f, d) != monday)
      other = d;
  if (other == 0)
    {
      g_test_skip ("every check-in day gives the same week today");
      return;
    }
  collect_text (GTK_WIDGET (f->page), texts);
  expected = g_strdup_printf ("%u of 24 checked in this week", monday);
  g_assert_nonnull (strstr (texts->str, expected));

  g_settings_set_string (pl_context_get_settings (f->context), "checkin-day", days[other - 1]);
  iterate ();
  g_string_truncate (texts, 0);
  collect_text (GTK_WIDGET (f->page), texts);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%u of 24 checked in this week", done_count (f, other));
  g_assert_nonnull (strstr (texts->str, expected));

  /* A learner done under some other day whose check-in has the week_of
   * of a Monday week: the form shows it and saving changes it. */
  {
    g_autoptr(PlCheckin) week = NULL;

    for (guint d = 2; d <= 7 && me == NULL; d++)
      {
        g_auto(GStrv) done = pl_store_checked_in_this_week (f->store, pl_record_get_uuid (PL_RECORD (pl_context_get_classroom (f->context))),
                                                            NULL, d, NULL);
        g_autofree char *start = pl_checkin_week_start (NULL, d);

        for (guint i = 0; done[i] != NULL && me == NULL; i++)
          {
            g_clear_object (&week);
            week = pl_store_find_week_checkin (f->store, done[i], NULL, d, NULL);
            if (week != NULL && g_strcmp0 (pl_record_get_string (PL_RECORD (week), "week-of"), start) != 0)
              {
                me = g_intern_string (done[i]);
                g_settings_set_string (pl_context_get_settings (f->context), "checkin-day", days[d - 1]);
                iterate ();
              }
          }
      }
    g_assert_nonnull (me);
    g_assert_true (pl_checkins_page_select (f->page, me));
    g_assert_cmpstr (gtk_editable_get_text (worked), ==, pl_record_get_string (PL_RECORD (week), "worked"));
    n_before = pl_store_count (f->store, "checkin", FALSE);
    gtk_editable_set_text (worked, "Changed on the new day");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "checkins.save", NULL));
    iterate ();
    g_assert_cmpuint (pl_store_count (f->store, "checkin", FALSE), ==, n_before);
    {
      g_autoptr(PlCheckin) again = pl_store_get (f->store, PL_TYPE_CHECKIN, pl_record_get_uuid (PL_RECORD (week)), NULL);

      g_assert_cmpstr (pl_record_get_string (PL_RECORD (again), "worked"), ==, "Changed on the new day");
    }
  }
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



static PlLearnerModeWindow *
learner_mode_window (void)
{
  return (PlLearnerModeWindow *) visible_toplevel (PL_TYPE_LEARNER_MODE_WINDOW);
}

static gboolean
belongs_to (GtkWindow *window,
            GtkWindow *owner)
{
  for (; window != NULL; window = gtk_window_get_transient_for (window))
    if (window == owner)
      return TRUE;
  return FALSE;
}

/* Everything on screen is learner mode or one of its dialogs; returns the
 * text all of it shows. */
static char *
assert_only_learner_mode (PlLearnerModeWindow *mode)
{
  GList *windows = gtk_window_list_toplevels ();
  GString *shown = g_string_new (NULL);

  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (!gtk_widget_get_visible (l->data))
        continue;
      if (!belongs_to (l->data, GTK_WINDOW (mode)))
        g_error ("a %s is on screen in learner mode", G_OBJECT_TYPE_NAME (l->data));
      collect_text (l->data, shown);
    }
  g_list_free (windows);
  return g_string_free (shown, FALSE);
}

/* Nobody but ME is named in SHOWN, and no teacher-only words. */
static void
assert_names_nobody_else (Fixture    *f,
                          const char *me,
                          const char *shown)
{
  g_autoptr(GListModel) learners = pl_store_list_class_learners (f->store, pl_record_get_uuid (PL_RECORD (pl_context_get_classroom (f->context))), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (learners); i++)
    {
      g_autoptr(PlRecord) l = g_list_model_get_item (learners, i);
      g_autofree char *full = g_strdup_printf ("%s %s", pl_record_get_string (l, "given-name"),
                                               pl_record_get_string (l, "family-name"));

      if (g_strcmp0 (pl_record_get_uuid (l), me) != 0)
        g_assert_null (strstr (shown, full));
    }
  g_assert_null (strstr (shown, "Teacher note"));
  g_assert_null (strstr (shown, "Score"));
  g_assert_null (strstr (shown, "Sync"));
}

/* A learner of the class with a milestone reflection still to write. */
static char *
learner_with_pending_reflection (Fixture *f)
{
  g_autoptr(GListModel) learners = pl_store_list_class_learners (f->store, pl_record_get_uuid (PL_RECORD (pl_context_get_classroom (f->context))), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (learners); i++)
    {
      g_autoptr(PlRecord) l = g_list_model_get_item (learners, i);
      g_autofree char *prompt = pl_store_pending_reflection (f->store, pl_record_get_uuid (l), NULL, NULL);

      if (prompt != NULL)
        return g_strdup (pl_record_get_uuid (l));
    }
  return NULL;
}

static GtkWindow *
pin_dialog (PlLearnerModeWindow *mode)
{
  GList *windows = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        gtk_window_get_transient_for (l->data) == GTK_WINDOW (mode))
      found = l->data;
  g_list_free (windows);
  return found;
}

static void
test_learner_mode (Fixture *f, gconstpointer data)
{
  static const char *keys[] = {
    "alt+1", "alt+2", "alt+3", "alt+4", "alt+5", "ctrl+comma", "F1", "ctrl+q", "ctrl+question",
    "ctrl+shift+question", "ctrl+k", "ctrl+shift+n", "ctrl+Next", "ctrl+Prior", "ctrl+f",
    "ctrl+shift+i", "ctrl+shift+d", "F10", "Menu", "alt+Left", "alt+Right", "ctrl+w", "Escape",
  };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) actions = NULL;
  g_auto(GStrv) described = NULL;
  g_autofree char *me = NULL;
  g_autofree char *reflection_progress = NULL;
  g_autofree char *prompt = NULL;
  g_autofree char *this_week = NULL;
  GtkWindow *sync, *editor, *prefs, *about, *late, *dialog;
  GtkWidget *gradebook;
  PlLearnerModeWindow *mode;
  guint all_before;

  if (!key_test_available ())
    {
      g_test_skip ("needs X11 and xdotool to press real keys");
      return;
    }
  g_assert_true (pl_store_set_teacher_pin (f->store, "4826", &error));
  me = learner_with_pending_reflection (f);
  g_assert_nonnull (me);
  g_assert_true (pl_checkins_page_select (f->page, me));
  prompt = pl_store_pending_reflection (f->store, me, &reflection_progress, NULL);

  /* What a teacher may have open when handing over the laptop: Sync (the
   * folder, Export, conflicts with other learners' profiles), a rubric
   * editor, Preferences. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sync", NULL));
  /* The rubric editor opens from the Gradebook view, which loads when
   * first shown. */
  pl_window_set_view (f->window, "gradebook");
  gradebook = find_type (GTK_WIDGET (f->window), PL_TYPE_GRADEBOOK_PAGE);
  g_assert_true (gtk_widget_activate_action (gradebook, "gradebook.edit-rubrics", NULL));
  pl_window_set_view (f->window, "checkins");
  /* The test's context is not the application's: open Preferences as its
   * action would. */
  gtk_window_present (GTK_WINDOW (pl_preferences_window_new (f->context)));
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "about", NULL);
  iterate ();
  sync = visible_toplevel (PL_TYPE_SYNC_WINDOW);
  editor = visible_toplevel (PL_TYPE_RUBRIC_EDITOR);
  prefs = visible_toplevel (PL_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (sync);
  g_assert_nonnull (editor);
  g_assert_nonnull (prefs);
  about = visible_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "checkins.learner-mode", NULL));
  iterate ();
  mode = learner_mode_window ();
  g_assert_nonnull (mode);
  g_assert_cmpstr (pl_learner_mode_window_get_learner (mode), ==, me);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sync)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (prefs)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (about)));
  g_free (assert_only_learner_mode (mode));

  /* Every application action is off, and so is every action of the main
   * window: activating them opens nothing. */
  actions = g_action_group_list_actions (G_ACTION_GROUP (f->app));
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (f->app), actions[i]));
      if (!g_str_equal (actions[i], "help-page"))
        g_action_group_activate_action (G_ACTION_GROUP (f->app), actions[i], NULL);
    }
  g_assert_true (pl_window_get_locked (f->window));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sync", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.create-class", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "learners");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL);
  iterate ();
  g_assert_cmpstr (pl_window_get_view (f->window), ==, "checkins");
  g_free (assert_only_learner_mode (mode));

  /* A window opened anyway (a timer, a second launch) is hidden at once. */
  late = GTK_WINDOW (pl_sync_window_new (f->context));
  gtk_window_present (late);
  iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (late)));
  gtk_widget_set_visible (GTK_WIDGET (f->window), TRUE);
  iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));

  described = gtk_application_list_action_descriptions (GTK_APPLICATION (f->app));
  for (guint i = 0; described[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GVariant) target = NULL;

      g_assert_true (g_action_parse_detailed_name (described[i], &name, &target, NULL));
      if (g_str_has_prefix (name, "app."))
        g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (f->app), name + 4));
      else if (g_strcmp0 (name, "window.close") != 0)
        g_assert_false (gtk_widget_activate_action_variant (GTK_WIDGET (mode), name, target));
    }
  /* Nor any action of the views: they live in the hidden main window. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (mode), "checkins.next", NULL));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (mode), "learners.add", NULL));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (mode), "insights.refresh", NULL));

  /* Real shortcut keys, pressed in learner mode, reach nobody else. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *shown = NULL;

      key_test_press (GTK_WINDOW (mode), keys[i]);
      g_assert_true (learner_mode_window () == mode);
      shown = assert_only_learner_mode (mode);
      assert_names_nobody_else (f, me, shown);
    }
  if (pin_dialog (mode) != NULL)
    key_test_press (pin_dialog (mode), "Escape");
  g_assert_null (pin_dialog (mode));

  /* What learner mode shows of the learner's own check-ins: what they
   * wrote, never the teacher's notes or markers. */
  {
    g_autofree char *shown = assert_only_learner_mode (mode);
    g_autoptr(GListModel) mine = pl_store_list_checkins (f->store, me, NULL);
    guint recent = 0;

    for (guint i = 0; i < g_list_model_get_n_items (mine); i++)
      {
        g_autoptr(PlRecord) c = g_list_model_get_item (mine, i);
        const char *note = pl_record_get_string (c, "teacher-note");
        g_autofree char *week = g_strdup_printf ("Week of %s", pl_record_get_string (c, "week-of"));

        if (note != NULL)
          g_assert_null (strstr (shown, note));
        recent += strstr (shown, week) != NULL;
      }
    g_assert_cmpuint (recent, >=, MIN (g_list_model_get_n_items (mine), 3));
    for (PlMarker m = 0; m < PL_N_MARKERS; m++)
      g_assert_null (strstr (shown, pl_marker_label (m)));
    /* The 1–4 buttons say what they mean. */
    g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (toggle_labelled (GTK_WIDGET (mode), "3"))), ==,
                     "3 — Nearly there");
  }

  /* The learner answers the milestone's reflection prompt, rates the goal
   * and fills in the check-in with the keyboard, and saves with
   * Ctrl+Return — twice, which changes this week's check-in, not adds one. */
  {
    g_autofree char *shown = assert_only_learner_mode (mode);
    GtkEditable *reflection = first_entry_titled (GTK_WIDGET (mode), "_Reflection");
    const char *titles[] = { "What _worked for me", "A _strategy I will try next", "_Help I need" };
    const char *typed[] = { "Drawing it first", "Check each label twice", "A model to compare with" };

    g_assert_nonnull (strstr (shown, prompt));
    g_assert_nonnull (reflection);
    all_before = pl_store_count (f->store, "checkin", FALSE);
    for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
      {
        GtkEditable *entry = first_entry_titled (GTK_WIDGET (mode), titles[i]);

        g_assert_nonnull (entry);
        gtk_widget_grab_focus (GTK_WIDGET (entry));
        key_test_press (GTK_WINDOW (mode), "ctrl+a");
        key_test_type (GTK_WINDOW (mode), typed[i]);
        g_assert_cmpstr (gtk_editable_get_text (entry), ==, typed[i]);
      }
    gtk_widget_grab_focus (GTK_WIDGET (reflection));
    key_test_type (GTK_WINDOW (mode), "I checked my model twice");
    g_assert_cmpstr (gtk_editable_get_text (reflection), ==, "I checked my model twice");
    key_test_press (GTK_WINDOW (mode), "ctrl+3");
    key_test_press (GTK_WINDOW (mode), "ctrl+Return");
    key_test_press (GTK_WINDOW (mode), "ctrl+Return");
    g_assert_cmpuint (pl_store_count (f->store, "checkin", FALSE), <=, all_before + 1);
  }
  {
    g_autofree char *still = pl_store_pending_reflection (f->store, me, NULL, NULL);
    g_autoptr(PlMilestoneProgress) progress = pl_store_get (f->store, PL_TYPE_MILESTONE_PROGRESS,
                                                            reflection_progress, NULL);

    g_assert_cmpstr (pl_record_get_string (PL_RECORD (progress), "reflection"), ==, "I checked my model twice");
    g_assert_true (still == NULL || g_strcmp0 (still, prompt) != 0);
  }
  {
    g_autoptr(GListModel) mine = pl_store_list_checkins (f->store, me, NULL);
    g_autoptr(GListModel) goals = pl_store_list_goals (f->store, me, NULL);
    g_autoptr(PlRecord) latest = g_list_model_get_item (mine, 0);
    g_autoptr(PlRecord) goal = g_list_model_get_item (goals, 0);
    g_autoptr(PlCheckin) week = pl_store_find_week_checkin (f->store, me, NULL, 1, NULL);
    guint this_week = 0;

    for (guint i = 0; i < g_list_model_get_n_items (mine); i++)
      {
        g_autoptr(PlRecord) c = g_list_model_get_item (mine, i);

        this_week += g_strcmp0 (pl_record_get_string (c, "week-of"), pl_record_get_string (PL_RECORD (week), "week-of")) == 0;
      }
    g_assert_cmpuint (this_week, ==, 1);
    g_assert_cmpstr (pl_record_get_uuid (latest), ==, pl_record_get_uuid (PL_RECORD (week)));
    g_assert_true (pl_record_get_boolean (latest, "by-learner"));
    g_assert_cmpint (pl_record_get_int (latest, "progress"), ==, 3);
    g_assert_cmpstr (pl_record_get_string (latest, "worked"), ==, "Drawing it first");
    g_assert_cmpstr (pl_record_get_string (latest, "strategy"), ==, "Check each label twice");
    g_assert_cmpstr (pl_record_get_string (latest, "help-needed"), ==, "A model to compare with");
    g_assert_cmpstr (pl_record_get_string (latest, "reflection"), ==, "I checked my model twice");
    if (g_strcmp0 (pl_record_get_string (goal, "status"), "active") == 0)
      g_assert_cmpstr (pl_record_get_string (latest, "goal-uuid"), ==, pl_record_get_uuid (goal));
    else
      g_assert_nonnull (pl_record_get_string (latest, "goal-uuid"));
  }

  /* Closing asks for the PIN and stays; a wrong PIN changes nothing. */
  gtk_window_close (GTK_WINDOW (mode));
  iterate ();
  g_assert_true (learner_mode_window () == mode);
  g_assert_false (pl_learner_mode_window_leave (mode, "0000"));
  g_assert_true (learner_mode_window () == mode);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  if (pin_dialog (mode) != NULL)
    key_test_press (pin_dialog (mode), "Escape");

  /* The teacher takes the laptop back: Ctrl+W, the PIN, Enter. */
  key_test_press (GTK_WINDOW (mode), "ctrl+w");
  dialog = pin_dialog (mode);
  g_assert_nonnull (dialog);
  key_test_type (dialog, "4826");
  key_test_press (dialog, "Return");
  /* Enter activates the default button, which clicks a moment later. */
  key_test_spin (400);
  g_assert_null (learner_mode_window ());
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sync)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (prefs)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (about)));
  g_assert_false (pl_window_get_locked (f->window));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (f->app), "preferences"));

  /* The teacher's view shows what the learner wrote. */
  key_test_spin (400);
  g_assert_cmpstr (pl_checkins_page_get_learner (f->page), ==, me);
  {
    g_autoptr(GString) page = g_string_new (NULL);

    collect_text (GTK_WIDGET (f->page), page);
    g_assert_nonnull (strstr (page->str, "Drawing it first"));
    g_assert_nonnull (strstr (page->str, "by the learner"));
  }

  gtk_window_destroy (late);
  gtk_window_destroy (sync);
  gtk_window_destroy (editor);
  gtk_window_destroy (prefs);
  gtk_window_destroy (about);
}

/* A first check-in of the week made in learner mode is about the active
 * goal; five wrong PINs make the next one wait, saying so. */
static void
test_learner_mode_lockout (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) status = NULL;
  g_autoptr(PlCheckin) week = NULL;
  g_autoptr(GString) shown = g_string_new (NULL);
  const char *me = NULL;
  PlLearnerModeWindow *mode;
  GtkWindow *dialog;

  if (!key_test_available ())
    {
      g_test_skip ("needs X11 and xdotool to press real keys");
      return;
    }
  g_assert_true (pl_store_set_teacher_pin (f->store, "4826", &error));
  status = pl_store_class_checkin_status (f->store, pl_record_get_uuid (PL_RECORD (pl_context_get_classroom (f->context))),
                                          NULL, 1, NULL);
  for (guint i = 0; i < status->len && me == NULL; i++)
    {
      PlCheckinStatus *s = &g_array_index (status, PlCheckinStatus, i);
      g_autoptr(GListModel) goals = pl_store_list_goals (f->store, s->learner_uuid, NULL);
      g_autoptr(PlRecord) goal = g_list_model_get_item (goals, 0);

      if (s->state != PL_CHECKIN_STATE_DONE && g_strcmp0 (pl_record_get_string (goal, "status"), "active") == 0)
        me = s->learner_uuid;
    }
  g_assert_nonnull (me);
  g_assert_true (pl_checkins_page_select (f->page, me));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "checkins.learner-mode", NULL));
  iterate ();
  mode = learner_mode_window ();
  g_assert_nonnull (mode);

  key_test_press (GTK_WINDOW (mode), "ctrl+2");
  key_test_press (GTK_WINDOW (mode), "ctrl+Return");
  week = pl_store_find_week_checkin (f->store, me, NULL, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (week);
  {
    g_autoptr(GListModel) goals = pl_store_list_goals (f->store, me, NULL);
    g_autoptr(PlRecord) goal = g_list_model_get_item (goals, 0);

    g_assert_cmpstr (pl_record_get_string (PL_RECORD (week), "goal-uuid"), ==, pl_record_get_uuid (goal));
    g_assert_cmpint (pl_record_get_int (PL_RECORD (week), "progress"), ==, 2);
    g_assert_true (pl_record_get_boolean (PL_RECORD (week), "by-learner"));
  }

  for (guint i = 0; i < 4; i++)
    {
      g_assert_false (pl_learner_mode_window_leave (mode, "1111"));
      g_assert_cmpuint (pl_learner_mode_window_get_wait (mode), ==, 0);
    }
  g_assert_false (pl_learner_mode_window_leave (mode, "1111"));
  g_assert_cmpuint (pl_learner_mode_window_get_wait (mode), >, 25);
  g_assert_cmpuint (pl_learner_mode_window_get_wait (mode), <=, 30);
  /* Even the right PIN waits. */
  g_assert_false (pl_learner_mode_window_leave (mode, "4826"));
  g_assert_true (learner_mode_window () == mode);

  key_test_press (GTK_WINDOW (mode), "ctrl+w");
  dialog = pin_dialog (mode);
  g_assert_nonnull (dialog);
  collect_text (GTK_WIDGET (dialog), shown);
  g_assert_nonnull (strstr (shown->str, "Too many wrong PINs: wait"));
  g_string_truncate (shown, 0);
  key_test_type (dialog, "4826");
  key_test_press (dialog, "Return");
  key_test_spin (400);
  g_assert_true (learner_mode_window () == mode);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  collect_text (GTK_WIDGET (mode), shown);
  g_assert_nonnull (strstr (shown->str, "Too many wrong PINs: wait"));

  /* Closing the window for good (the teacher quits) lifts the lock. */
  gtk_window_destroy (GTK_WINDOW (mode));
  iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_false (pl_window_get_locked (f->window));
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
      g_assert_nonnull (strstr (text, "week by week"));
      g_assert_nonnull (strstr (text, "Self-regulation seen:"));
      g_assert_nonnull (strstr (text, "Active since"));
    }
}

int
main (int argc, char **argv)
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/checkins-page/round", Fixture, NULL, fixture_set_up, test_round, fixture_tear_down);
  g_test_add ("/checkins-page/round-filtered", Fixture, NULL, fixture_set_up, test_round_filtered, fixture_tear_down);
  g_test_add ("/checkins-page/next-previous-keys", Fixture, NULL, fixture_set_up, test_next_previous_keys, fixture_tear_down);
  g_test_add ("/checkins-page/marker-history", Fixture, NULL, fixture_set_up, test_marker_history, fixture_tear_down);
  g_test_add ("/checkins-page/goal-history", Fixture, NULL, fixture_set_up, test_goal_history, fixture_tear_down);
  g_test_add ("/checkins-page/checkin-day-live", Fixture, NULL, fixture_set_up, test_checkin_day_live, fixture_tear_down);
  g_test_add ("/checkins-page/learner-mode", Fixture, NULL, fixture_set_up, test_learner_mode, fixture_tear_down);
  g_test_add ("/checkins-page/learner-mode-lockout", Fixture, NULL, fixture_set_up, test_learner_mode_lockout, fixture_tear_down);
  g_test_add ("/checkins-page/linked-goal", Fixture, NULL, fixture_set_up, test_linked_goal, fixture_tear_down);
  g_test_add ("/checkins-page/pdf", Fixture, NULL, fixture_set_up, test_pdf, fixture_tear_down);
  status = g_test_run ();
  g_clear_object (&shared_app);
  return status;
}
