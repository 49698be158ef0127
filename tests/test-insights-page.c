/* test-insights-page.c — the Insights view in the real window: accepting
 * and dismissing suggestions with its buttons, the view recomputing by
 * itself when evidence or settings change, the group options, and names
 * for screen readers on every card, chart and row button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/pl-demo.h"
#include "core/pl-store-boards.h"
#include "core/pl-store-evidence.h"
#include "core/pl-store-learners.h"
#include "insights/pl-insights-item.h"
#include "insights/pl-insights-page.h"
#include "insights/pl-insights-report.h"
#include "insights/pl-sparkline.h"
#include "pl-application.h"
#include "pl-window.h"
#include "insights-test-util.h"

static PlApplication *shared_app;

typedef struct
{
  char           *dir;
  PlApplication  *app;
  PlStore        *store;
  GSettings      *settings;
  PlContext      *context;
  PlWindow       *window;
  PlInsightsPage *page;
  char           *classroom;
  char           *learner;      /* has no picks: gets suggestions */
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
collect (GtkWidget *root,
         GType      type,
         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (out, root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect (c, type, out);
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

static gboolean
has_label (gpointer widget, const char *text)
{
  g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text);

  return mismatch == NULL;
}

static gboolean
has_report (gpointer data)
{
  Fixture *f = data;

  return pl_insights_page_get_report (f->page) != NULL;
}

typedef struct
{
  Fixture          *f;
  PlInsightsReport *old;
} NewReport;

static gboolean
has_new_report (gpointer data)
{
  NewReport *n = data;
  PlInsightsReport *now = pl_insights_page_get_report (n->f->page);

  return now != NULL && now != n->old;
}

/* Waits until the view shows a report other than the one it had. */
static PlInsightsReport *
wait_for_new_report (Fixture *f, PlInsightsReport *old)
{
  NewReport n = { f, old };

  g_assert_true (wait_for (has_new_report, &n, 60));
  return pl_insights_page_get_report (f->page);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GListModel) classes = NULL;
  g_autoptr(PlRecord) classroom = NULL;
  g_autoptr(PlBoard) board = NULL;
  g_autoptr(GListModel) picks = NULL;
  g_autoptr(PlRecord) first = NULL;
  PlDemoOptions options;

  f->dir = g_dir_make_tmp ("pl-insights-XXXXXX", NULL);
  path = g_build_filename (f->dir, "test.db", NULL);
  f->store = pl_store_open (path, &error);
  g_assert_no_error (error);
  pl_demo_options_init (&options);
  g_assert_true (pl_demo_generate (f->store, &options, NULL, &error));
  g_assert_no_error (error);

  /* One learner gets a free board. */
  classes = pl_store_list (f->store, PL_TYPE_CLASSROOM, NULL);
  classroom = g_list_model_get_item (classes, 0);
  f->classroom = g_strdup (pl_record_get_uuid (classroom));
  board = pl_store_class_board (f->store, f->classroom, NULL);
  picks = pl_store_list_board_picks (f->store, pl_record_get_uuid (PL_RECORD (board)), NULL);
  first = g_list_model_get_item (picks, 0);
  f->learner = g_strdup (pl_record_get_string (first, "learner-uuid"));
  for (guint i = 0; i < g_list_model_get_n_items (picks); i++)
    {
      g_autoptr(PlPick) pick = g_list_model_get_item (picks, i);

      if (g_strcmp0 (pl_record_get_string (PL_RECORD (pick), "learner-uuid"), f->learner) == 0)
        g_assert_true (pl_store_remove_pick (f->store, pick, NULL));
    }
  /* The learners still choosing make their choice, so that every
   * suggestion on the page is for that one learner. */
  complete_other_learners (f->store, f->classroom, NULL, f->learner);

  if (shared_app == NULL)
    {
      shared_app = pl_application_new ();
      g_application_set_flags (G_APPLICATION (shared_app), G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (shared_app), NULL, &error));
    }
  f->app = g_object_ref (shared_app);
  f->settings = g_settings_new (PL_APP_ID);
  g_settings_reset (f->settings, "checkin-day");
  g_settings_reset (f->settings, "proficient-level");
  f->context = pl_context_new (f->store, f->settings);
  f->window = pl_window_new (GTK_APPLICATION (f->app), f->context);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "insights"));
  iterate ();
  f->page = PL_INSIGHTS_PAGE (find_type (GTK_WIDGET (f->window), PL_TYPE_INSIGHTS_PAGE));
  g_assert_nonnull (f->page);
  g_assert_true (wait_for (has_report, f, 60));
  iterate ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  g_settings_reset (f->settings, "checkin-day");
  g_settings_reset (f->settings, "proficient-level");
  g_clear_object (&f->context);
  g_clear_object (&f->settings);
  g_clear_object (&f->store);
  g_clear_object (&f->app);
  g_free (f->classroom);
  g_free (f->learner);
  g_free (f->dir);
}

static gboolean
has_suggestion (PlInsightsReport *report, const char *learner, const char *option)
{
  GListModel *list = pl_insights_report_get_suggestions (report);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PlInsightsItem) item = g_list_model_get_item (list, i);

      if (g_strcmp0 (pl_insights_item_get_learner_uuid (item), learner) == 0 &&
          g_strcmp0 (pl_insights_item_get_option_uuid (item), option) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The first suggestion row's item: rows are in the list's order. */
static PlInsightsItem *
first_suggestion (Fixture *f)
{
  GListModel *list = pl_insights_report_get_suggestions (pl_insights_page_get_report (f->page));

  g_assert_cmpuint (g_list_model_get_n_items (list), >, 0);
  return g_list_model_get_item (list, 0);
}

/* Two quick clicks on Accept make one pick: the button is off at once. */
static void
test_double_accept (Fixture *f, gconstpointer data)
{
  g_autoptr(PlInsightsItem) item = first_suggestion (f);
  GtkWidget *accept = find_button (GTK_WIDGET (f->page), "Accept: add this pick to the board");
  GtkWidget *dismiss = find_button (GTK_WIDGET (f->page), "Dismiss");
  guint picks = pl_store_count (f->store, "pick", FALSE);
  guint decisions = pl_store_count (f->store, "suggestion_decision", FALSE);
  PlInsightsReport *old = pl_insights_page_get_report (f->page);
  PlInsightsReport *now;

  g_assert_nonnull (accept);
  g_assert_cmpstr (pl_insights_item_get_learner_uuid (item), ==, f->learner);
  g_signal_emit_by_name (accept, "clicked");
  g_assert_false (gtk_widget_get_sensitive (accept));
  g_assert_false (gtk_widget_get_sensitive (dismiss));
  /* A second click before the view refreshes, by keyboard and by a
   * click that reaches the button anyway, changes nothing. */
  gtk_widget_activate (accept);
  g_signal_emit_by_name (accept, "clicked");
  {
    gboolean done = FALSE;

    /* GtkButton emits clicked a moment after it is activated. */
    g_timeout_add (400, timeout_cb, &done);
    while (!done)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_cmpuint (pl_store_count (f->store, "pick", FALSE), ==, picks + 1);
  g_assert_cmpuint (pl_store_count (f->store, "suggestion_decision", FALSE), ==, decisions + 1);

  /* The view refreshes by itself: the option is picked, so no longer suggested. */
  now = wait_for_new_report (f, old);
  g_assert_false (has_suggestion (now, f->learner, pl_insights_item_get_option_uuid (item)));
}

static void
test_dismiss (Fixture *f, gconstpointer data)
{
  g_autoptr(PlInsightsItem) item = first_suggestion (f);
  GtkWidget *dismiss = find_button (GTK_WIDGET (f->page), "Dismiss");
  guint picks = pl_store_count (f->store, "pick", FALSE);
  guint decisions = pl_store_count (f->store, "suggestion_decision", FALSE);
  PlInsightsReport *old = pl_insights_page_get_report (f->page);
  PlInsightsReport *now;

  g_assert_nonnull (dismiss);
  g_assert_true (gtk_widget_activate (dismiss));
  /* GtkButton emits clicked a moment after it is activated. */
  while (pl_store_count (f->store, "suggestion_decision", FALSE) == decisions)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gtk_widget_get_sensitive (dismiss));
  g_assert_cmpuint (pl_store_count (f->store, "suggestion_decision", FALSE), ==, decisions + 1);
  g_assert_cmpuint (pl_store_count (f->store, "pick", FALSE), ==, picks);

  now = wait_for_new_report (f, old);
  g_assert_false (has_suggestion (now, f->learner, pl_insights_item_get_option_uuid (item)));
  /* The learner still gets the other options. */
  g_assert_cmpuint (g_list_model_get_n_items (pl_insights_report_get_suggestions (now)), >, 0);
}

/* New evidence comes in (ten low scores of a new learner): the view
 * recomputes on its own and names the learner as stalled. */
static void
test_refresh_on_evidence (Fixture *f, gconstpointer data)
{
  PlInsightsReport *old = pl_insights_page_get_report (f->page);
  PlInsightsReport *now;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlLearner) learner = pl_store_add_learner (f->store, f->classroom, "Zed", "Tester", &error);
  g_autoptr(PlClassSnapshot) s = pl_store_load_class_snapshot (f->store, f->classroom, NULL, NULL, &error);
  PlEvidenceRow rows[10];
  GListModel *alerts;
  gboolean stalled = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      rows[i] = (PlEvidenceRow) {
        .learner_uuid = pl_record_get_uuid (PL_RECORD (learner)),
        .standard_uuid = s->standard_uuids[0],
        .score = 1,
        .assessed_at = "2026-01-05",
      };
    }
  g_assert_true (pl_store_add_evidence (f->store, rows, G_N_ELEMENTS (rows), &error));
  g_assert_no_error (error);

  now = wait_for_new_report (f, old);
  /* Several changes may each start a computation: wait for the last. */
  while (pl_insights_report_get_n_learners (now) != s->n_learners ||
         g_list_model_get_n_items (pl_insights_report_get_alerts (now)) == 0)
    now = wait_for_new_report (f, now);
  alerts = pl_insights_report_get_alerts (now);
  for (guint i = 0; i < g_list_model_get_n_items (alerts); i++)
    {
      g_autoptr(PlInsightsItem) item = g_list_model_get_item (alerts, i);

      stalled |= g_str_equal (pl_insights_item_get_title (item), "Zed Tester — Stalled");
    }
  g_assert_true (stalled);
}

/* The check-in day and the proficient level of Preferences: changing
 * either recomputes the view. */
static void
test_refresh_on_settings (Fixture *f, gconstpointer data)
{
  PlInsightsReport *old = pl_insights_page_get_report (f->page);
  PlInsightsReport *now;
  GDate d;

  g_settings_set_string (f->settings, "checkin-day", "friday");
  now = wait_for_new_report (f, old);
  /* The week before this one ends on a Thursday. */
  g_date_clear (&d, 1);
  g_date_set_parse (&d, pl_insights_report_get_week_end (now, PL_INSIGHTS_WEEKS - 2));
  g_assert_cmpint (g_date_get_weekday (&d), ==, G_DATE_THURSDAY);

  old = now;
  g_settings_set_double (f->settings, "proficient-level", 2.0);
  now = wait_for_new_report (f, old);
  g_assert_nonnull (now);
}

/* Mixed groups of the size chosen; mini-lessons by default exclusive. */
static void
test_group_options (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  GtkWidget *groups = NULL;
  GtkSwitch *mixed = NULL;
  GtkSpinButton *size = NULL;
  g_autoptr(GPtrArray) switches = g_ptr_array_new ();
  guint rows = 0;

  collect (GTK_WIDGET (f->page), GTK_TYPE_LIST_BOX, lists);
  for (guint i = 0; i < lists->len; i++)
    {
      if (has_label (lists->pdata[i], "Suggested groups"))
        groups = lists->pdata[i];
    }
  g_assert_nonnull (groups);
  collect (GTK_WIDGET (f->page), ADW_TYPE_ACTION_ROW, switches);
  for (guint i = 0; i < switches->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (switches->pdata[i]), "_Mixed Groups for Projects") == 0)
      mixed = GTK_SWITCH (adw_action_row_get_activatable_widget (switches->pdata[i]));
  g_assert_nonnull (mixed);
  size = GTK_SPIN_BUTTON (find_type (GTK_WIDGET (f->page), GTK_TYPE_SPIN_BUTTON));
  g_assert_nonnull (size);

  gtk_switch_set_active (mixed, TRUE);
  gtk_spin_button_set_value (size, 6);
  iterate ();
  for (GtkWidget *c = gtk_widget_get_first_child (groups); c != NULL; c = gtk_widget_get_next_sibling (c))
    rows += ADW_IS_EXPANDER_ROW (c);
  g_assert_cmpuint (rows, ==, 4);   /* 24 learners in groups of 6 */
}

static void
assert_named (GtkWidget *widget)
{
  GtkAccessible *a = GTK_ACCESSIBLE (widget);
  const char *label = GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget)) : NULL;

  /* A text button is named by its text; every other needs a label. */
  if (label != NULL && *label != '\0')
    return;
  if (!gtk_test_accessible_has_property (a, GTK_ACCESSIBLE_PROPERTY_LABEL))
    g_error ("%s (tooltip “%s”, in a %s in a %s) has no accessible name", G_OBJECT_TYPE_NAME (widget),
             gtk_widget_get_tooltip_text (widget), G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)),
             G_OBJECT_TYPE_NAME (gtk_widget_get_parent (gtk_widget_get_parent (widget))));
}

/* Without AT-SPI: the accessible properties GTK keeps for each widget. */
static void
test_accessible_names (Fixture *f, gconstpointer data)
{
  PlInsightsReport *report = pl_insights_page_get_report (f->page);
  g_autoptr(GPtrArray) sparks = g_ptr_array_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *metrics = find_type (GTK_WIDGET (f->page), GTK_TYPE_FLOW_BOX);
  guint cards = 0;

  /* Each card: named by its title and figure, described by its definition. */
  for (GtkWidget *child = gtk_widget_get_first_child (metrics); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *card = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      PlMetric m = cards++;
      g_autofree char *value = pl_insights_report_format_metric (report, m, PL_INSIGHTS_WEEKS - 1);
      g_autofree char *label = g_strdup_printf ("%s: %s", pl_metric_title (m), value);
      g_autofree char *why = pl_insights_report_explain_metric (report, m);

      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why);
      g_assert_cmpstr (gtk_widget_get_tooltip_text (card), ==, why);
    }
  g_assert_cmpuint (cards, ==, PL_N_METRICS);

  /* Each chart: an image whose name reads every week's figure. */
  collect (GTK_WIDGET (f->page), PL_TYPE_SPARKLINE, sparks);
  g_assert_cmpuint (sparks->len, ==, PL_N_METRICS);
  for (guint i = 0; i < sparks->len; i++)
    {
      GString *alt = g_string_new (NULL);
      g_autofree char *expected = NULL;

      for (guint w = 0; w < PL_INSIGHTS_WEEKS; w++)
        {
          g_autofree char *v = pl_insights_report_format_metric (report, i, w);

          g_string_append_printf (alt, w == 0 ? "%s" : ", %s", v);
        }
      expected = g_strdup_printf ("%s over the last %d weeks: %s", pl_metric_title (i), PL_INSIGHTS_WEEKS, alt->str);
      g_string_free (alt, TRUE);
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (sparks->pdata[i]), GTK_ACCESSIBLE_ROLE_IMG);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (sparks->pdata[i]), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
    }

  /* Every button of every row: the alerts, the groups' members, the
   * suggestions, and the page's own. */
  collect (GTK_WIDGET (f->page), GTK_TYPE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, >, 20);
  for (guint i = 0; i < buttons->len; i++)
    assert_named (buttons->pdata[i]);

  /* A member's button says whose profile it opens. */
  {
    GListModel *groups = pl_insights_report_get_groups (report, TRUE);
    g_autoptr(PlInsightsItem) group = g_list_model_get_item (groups, 0);
    g_autofree char *open = g_strdup_printf ("Open %s’s profile", pl_insights_item_get_member_name (group, 0));
    gboolean found = FALSE;

    for (guint i = 0; i < buttons->len; i++)
      found |= has_label (buttons->pdata[i], open);
    g_assert_true (found);
  }
}

/* A member's button in a group opens that learner, as the alert rows do. */
static void
test_member_opens_learner (Fixture *f, gconstpointer data)
{
  PlInsightsReport *report = pl_insights_page_get_report (f->page);
  g_autoptr(PlInsightsItem) group = g_list_model_get_item (pl_insights_report_get_groups (report, TRUE), 0);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autofree char *open = g_strdup_printf ("Open %s’s profile", pl_insights_item_get_member_name (group, 0));
  GtkWidget *button = NULL;

  collect (GTK_WIDGET (f->page), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len && button == NULL; i++)
    if (has_label (buttons->pdata[i], open))
      button = buttons->pdata[i];
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  g_assert_cmpstr (pl_window_get_view (f->window), ==, "learners");
}

int
main (int argc, char **argv)
{
  int status;

  /* GTK's own accessibility backend for tests: it keeps every accessible
   * property and role for the checks above, with no AT-SPI bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, fn) \
  g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/insights-page/double-accept", test_double_accept);
  ADD ("/insights-page/dismiss", test_dismiss);
  ADD ("/insights-page/refresh-on-evidence", test_refresh_on_evidence);
  ADD ("/insights-page/refresh-on-settings", test_refresh_on_settings);
  ADD ("/insights-page/group-options", test_group_options);
  ADD ("/insights-page/accessible-names", test_accessible_names);
  ADD ("/insights-page/member-opens-learner", test_member_opens_learner);
#undef ADD

  status = g_test_run ();
  g_clear_object (&shared_app);
  return status;
}
