/* test-insights.c — the Insights report: metrics as the other views count
 * them, alerts with reasons and follow-ups, groups with their evidence,
 * and suggestions that keep the board's rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "core/pl-core.h"
#include "core/pl-demo.h"
#include "core/pl-store-boards.h"
#include "core/pl-store-goals.h"
#include "core/pl-store-gradebook.h"
#include "core/pl-store-insights.h"
#include "core/pl-store-learners.h"
#include "core/pl-unit.h"
#include "core/pl-unit-standard.h"
#include "insights/pl-insights-item.h"
#include "insights/pl-insights-report.h"
#include "insights-test-util.h"

#define TODAY "2026-10-19"

static PlStore *
demo_store (void)
{
  g_autoptr(GError) error = NULL;
  PlStore *store = pl_store_open (NULL, &error);
  PlDemoOptions options;

  g_assert_no_error (error);
  pl_demo_options_init (&options);
  options.today = TODAY;
  g_assert_true (pl_demo_generate (store, &options, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static char *
first_class (PlStore *store)
{
  g_autoptr(GListModel) classes = pl_store_list (store, PL_TYPE_CLASSROOM, NULL);
  g_autoptr(PlRecord) c = g_list_model_get_item (classes, 0);

  return g_strdup (pl_record_get_uuid (c));
}

static PlInsightsReport *
report_with (PlStore *store, const char *classroom, const char *as_of, const PlInsightsSettings *settings)
{
  g_autoptr(GError) error = NULL;
  PlInsightsReport *report = pl_insights_report_compute (store, classroom, as_of, settings, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static PlInsightsReport *
report_for (PlStore *store, const char *classroom)
{
  return report_with (store, classroom, TODAY, NULL);
}

static guint
count_suggestions (PlInsightsReport *report, const char *learner, const char *option)
{
  GListModel *list = pl_insights_report_get_suggestions (report);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PlInsightsItem) item = g_list_model_get_item (list, i);

      if ((learner == NULL || g_strcmp0 (pl_insights_item_get_learner_uuid (item), learner) == 0) &&
          (option == NULL || g_strcmp0 (pl_insights_item_get_option_uuid (item), option) == 0))
        n++;
    }
  return n;
}

static PlInsightsItem *
find_alert (PlInsightsReport *report, const char *kind_title, gboolean followed)
{
  GListModel *alerts = pl_insights_report_get_alerts (report);

  for (guint i = 0; i < g_list_model_get_n_items (alerts); i++)
    {
      g_autoptr(PlInsightsItem) item = g_list_model_get_item (alerts, i);

      if (strstr (pl_insights_item_get_title (item), kind_title) != NULL &&
          pl_insights_item_get_followed_up (item) == followed)
        return g_steal_pointer (&item);
    }
  return NULL;
}

/* Takes back every pick of the class's first learner who has some, so
 * that they have a board to choose from again. */
static char *
free_a_learner (PlStore *store, const char *classroom)
{
  g_autoptr(PlBoard) board = pl_store_class_board (store, classroom, NULL);
  g_autoptr(GListModel) picks = pl_store_list_board_picks (store, pl_record_get_uuid (PL_RECORD (board)), NULL);
  g_autoptr(PlRecord) first = g_list_model_get_item (picks, 0);
  char *learner = g_strdup (pl_record_get_string (first, "learner-uuid"));

  for (guint i = 0; i < g_list_model_get_n_items (picks); i++)
    {
      g_autoptr(PlPick) pick = g_list_model_get_item (picks, i);

      if (g_strcmp0 (pl_record_get_string (PL_RECORD (pick), "learner-uuid"), learner) == 0)
        g_assert_true (pl_store_remove_pick (store, pick, NULL));
    }
  return learner;
}

static void
test_snapshot (void)
{
  g_autoptr(PlStore) store = demo_store ();
  g_autofree char *classroom = first_class (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlClassSnapshot) s = pl_store_load_class_snapshot (store, classroom, TODAY, NULL, &error);
  g_autoptr(PlClassSnapshot) early = NULL;
  guint silent = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (s->n_learners, ==, 24);
  g_assert_cmpuint (s->n_standards, ==, 6);
  g_assert_cmpuint (s->n_options, ==, 9);
  g_assert_cmpuint (s->n_boards, ==, 1);
  g_assert_cmpuint (s->board_rules[0].picks_required, ==, 3);
  g_assert_true (s->board_rules[0].three_in_row);
  g_assert_true (s->option_cells[4].required);
  g_assert_cmpuint (s->option_standard_offsets[9], >=, 9);
  g_assert_cmpuint (s->n_prereqs, >=, 1);
  g_assert_cmpstr (s->week_start, ==, TODAY);   /* a Monday, the default check-in day */
  for (guint l = 0; l < s->n_learners; l++)
    {
      g_assert_cmpstr (s->learner_names[l], !=, "");
      silent += s->checkin_missing[l];
      g_assert_cmpfloat (s->profile_completeness[l], >=, 0.0);
      g_assert_cmpfloat (s->profile_completeness[l], <=, 1.0 + 1e-9);
    }
  g_assert_cmpuint (silent, >=, 1);
  /* The demo writes its profile fields now, which is after TODAY: the
   * fields of that day cannot be told. */
  g_assert_false (s->profiles_as_of);

  /* Three weeks earlier there is less evidence. */
  early = pl_store_load_class_snapshot (store, classroom, "2026-09-28", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (early->offsets[early->n_series], <, s->offsets[s->n_series]);

  g_assert_null (pl_store_load_class_snapshot (store, classroom, "19 October", NULL, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
}

/* "Checked in this week" and "no check-in for two weeks" are the Check-ins
 * view's, whatever the check-in day. */
static void
test_checkin_weeks (void)
{
  g_autoptr(PlStore) store = demo_store ();
  g_autofree char *classroom = first_class (store);

  for (guint weekday = 1; weekday <= 7; weekday += 4)
    {
      PlInsightsSettings settings;
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) status = NULL;
      g_autoptr(PlClassSnapshot) s = NULL;
      g_autoptr(PlInsightsReport) report = NULL;
      g_autofree char *start = pl_checkin_week_start ("2026-10-23", weekday);
      guint done = 0, missing = 0, alerts = 0;
      GListModel *list;

      pl_insights_settings_init (&settings);
      settings.checkin_weekday = weekday;
      status = pl_store_class_checkin_status (store, classroom, "2026-10-23", weekday, &error);
      g_assert_no_error (error);
      s = pl_store_load_class_snapshot (store, classroom, "2026-10-23", &settings, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (s->week_start, ==, start);
      g_assert_cmpuint (status->len, ==, s->n_learners);
      for (guint i = 0; i < status->len; i++)
        {
          PlCheckinStatus *st = &g_array_index (status, PlCheckinStatus, i);

          for (guint l = 0; l < s->n_learners; l++)
            if (g_str_equal (s->learner_uuids[l], st->learner_uuid))
              {
                g_assert_cmpint (s->checked_in_this_week[l], ==, st->state == PL_CHECKIN_STATE_DONE);
                g_assert_cmpint (s->checkin_missing[l], ==, st->state == PL_CHECKIN_STATE_MISSING);
                g_assert_cmpint (s->days_since_checkin[l], ==, st->days_since);
              }
          done += st->state == PL_CHECKIN_STATE_DONE;
          missing += st->state == PL_CHECKIN_STATE_MISSING;
        }

      report = report_with (store, classroom, "2026-10-23", &settings);
      g_assert_cmpfloat_with_epsilon (pl_insights_report_get_metric (report, PL_METRIC_CHECKINS, PL_INSIGHTS_WEEKS - 1),
                                      (double) done / s->n_learners, 1e-9);
      list = pl_insights_report_get_alerts (report);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(PlInsightsItem) item = g_list_model_get_item (list, i);

          alerts += strstr (pl_insights_item_get_title (item), "No check-in") != NULL;
        }
      g_assert_cmpuint (alerts, ==, missing);

      /* The week before ends the day before this check-in week starts. */
      {
        GDate d;
        char iso[11];

        g_date_clear (&d, 1);
        g_date_set_parse (&d, start);
        g_date_subtract_days (&d, 1);
        g_snprintf (iso, sizeof iso, "%04u-%02u-%02u", g_date_get_year (&d), g_date_get_month (&d),
                    g_date_get_day (&d));
        g_assert_cmpstr (pl_insights_report_get_week_end (report, PL_INSIGHTS_WEEKS - 2), ==, iso);
      }
    }
}

static void
test_report (void)
{
  g_autoptr(PlStore) store = demo_store ();
  g_autofree char *classroom = first_class (store);
  g_autoptr(PlInsightsReport) report = report_for (store, classroom);
  g_autoptr(GListModel) mixed = pl_insights_report_dup_mixed_groups (report, 4);
  g_autoptr(GListModel) fives = pl_insights_report_dup_mixed_groups (report, 5);
  GListModel *alerts = pl_insights_report_get_alerts (report);
  GListModel *groups = pl_insights_report_get_groups (report, TRUE);
  gboolean saw_stalled = FALSE, saw_checkin = FALSE;
  g_autoptr(GHashTable) standards = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) members = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (pl_insights_report_get_n_learners (report), ==, 24);
  for (PlMetric m = 0; m < PL_N_METRICS; m++)
    {
      g_autofree char *text = pl_insights_report_format_metric (report, m, PL_INSIGHTS_WEEKS - 1);
      g_autofree char *why = pl_insights_report_explain_metric (report, m);
      double low, high;

      g_assert_cmpstr (pl_metric_title (m), !=, "");
      g_assert_true (g_str_has_prefix (why, pl_metric_definition (m)));
      g_assert_nonnull (text);
      pl_insights_report_get_metric_range (report, m, &low, &high);
      g_assert_cmpfloat (low, ==, 0.0);
      g_assert_cmpfloat (high, >, low);
    }
  g_assert_cmpfloat (pl_insights_report_get_metric (report, PL_METRIC_ENGAGEMENT, PL_INSIGHTS_WEEKS - 1), >, 0.0);
  g_assert_cmpfloat (pl_insights_report_get_metric (report, PL_METRIC_ATTENTION, PL_INSIGHTS_WEEKS - 1), <, 24.0);

  /* Profile fields keep no history: only this week has a point, and the
   * tooltip says why. */
  g_assert_false (isnan (pl_insights_report_get_metric (report, PL_METRIC_PROFILES, PL_INSIGHTS_WEEKS - 1)));
  for (guint w = 0; w + 1 < PL_INSIGHTS_WEEKS; w++)
    g_assert_true (isnan (pl_insights_report_get_metric (report, PL_METRIC_PROFILES, w)));
  {
    g_autofree char *why = pl_insights_report_explain_metric (report, PL_METRIC_PROFILES);

    g_assert_nonnull (strstr (why, "keep no history"));
  }

  g_assert_cmpuint (g_list_model_get_n_items (alerts), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (alerts); i++)
    {
      g_autoptr(PlInsightsItem) item = g_list_model_get_item (alerts, i);

      g_assert_nonnull (pl_insights_item_get_learner_uuid (item));
      g_assert_cmpstr (pl_insights_item_get_reason (item), !=, "");
      saw_stalled |= strstr (pl_insights_item_get_title (item), "Stalled") != NULL;
      saw_checkin |= strstr (pl_insights_item_get_title (item), "No check-in") != NULL;
    }
  g_assert_true (saw_checkin);
  g_assert_true (saw_stalled);

  /* Mini-lessons on several standards, 3–6 learners each, each learner in
   * one group, each with the evidence behind it. */
  g_assert_cmpuint (g_list_model_get_n_items (groups), >=, 2);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(PlInsightsItem) item = g_list_model_get_item (groups, i);
      guint n = pl_insights_item_get_n_members (item);

      g_assert_cmpuint (n, >=, 3);
      g_assert_cmpuint (n, <=, 6);
      g_hash_table_add (standards, (gpointer) pl_insights_item_get_title (item));
      for (guint m = 0; m < n; m++)
        {
          g_assert_false (g_hash_table_contains (members, pl_insights_item_get_member_uuid (item, m)));
          g_hash_table_add (members, (gpointer) pl_insights_item_get_member_uuid (item, m));
          g_assert_true (g_str_has_prefix (pl_insights_item_get_member_detail (item, m), "Latest scores "));
          g_assert_nonnull (strstr (pl_insights_item_get_member_detail (item, m), "likely to have mastered it"));
        }
    }
  g_assert_cmpuint (g_hash_table_size (standards), ==, g_list_model_get_n_items (groups));
  g_assert_cmpuint (g_hash_table_size (members), <, 24);

  /* Mixed groups of the size asked for, with their spread. */
  g_assert_cmpuint (g_list_model_get_n_items (mixed), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (fives), ==, 5);
  {
    g_autoptr(PlInsightsItem) first = g_list_model_get_item (mixed, 0);

    g_assert_nonnull (strstr (pl_insights_item_get_reason (first), "a spread of"));
    g_assert_cmpuint (pl_insights_item_get_n_members (first), ==, 4);
  }
}

/* The demo's learners have all made their three picks: another would
 * break the board's rules, so nothing is suggested to them. A learner
 * with a free board gets options; accepting twice makes one pick, and the
 * picks stay within the rules. */
static void
test_suggestions_keep_rules (void)
{
  g_autoptr(PlStore) store = demo_store ();
  g_autofree char *classroom = first_class (store);
  g_autoptr(PlInsightsReport) before = report_for (store, classroom);
  g_autoptr(PlInsightsReport) report = NULL;
  g_autoptr(PlInsightsReport) after = NULL;
  g_autoptr(PlBoard) board = pl_store_class_board (store, classroom, NULL);
  g_autofree char *learner = NULL;
  g_autoptr(PlInsightsItem) accept = NULL;
  g_autoptr(GError) error = NULL;
  guint picks, decisions;

  GListModel *first_suggestions = pl_insights_report_get_suggestions (before);

  /* The demo's stalled and quiet learners have a choice left to make, and
   * only they are offered options. */
  g_assert_cmpuint (pl_insights_report_get_n_complete (before), <, 24);
  g_assert_cmpuint (g_list_model_get_n_items (first_suggestions), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (first_suggestions); i++)
    {
      g_autoptr(PlInsightsItem) item = g_list_model_get_item (first_suggestions, i);

      g_assert_true (pl_store_check_learner_picks (store, board, pl_insights_item_get_learner_uuid (item), NULL) &
                     PL_PICKS_TOO_FEW);
    }
  /* Once they have chosen (today, after the demo's day), nobody is
   * offered anything more. */
  complete_other_learners (store, classroom, NULL, NULL);
  g_clear_object (&before);
  before = report_with (store, classroom, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (pl_insights_report_get_suggestions (before)), ==, 0);
  g_assert_cmpuint (pl_insights_report_get_n_complete (before), ==, 24);

  learner = free_a_learner (store, classroom);
  report = report_with (store, classroom, NULL, NULL);
  g_assert_cmpuint (pl_insights_report_get_n_complete (report), ==, 23);
  g_assert_cmpuint (count_suggestions (report, NULL, NULL), >=, 1);
  g_assert_cmpuint (count_suggestions (report, learner, NULL), ==, count_suggestions (report, NULL, NULL));

  /* The centre square is required and the picks must make a line: from
   * an empty board every suggestion keeps that possible. */
  accept = g_list_model_get_item (pl_insights_report_get_suggestions (report), 0);
  picks = pl_store_count (store, "pick", FALSE);
  decisions = pl_store_count (store, "suggestion_decision", FALSE);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (pl_store_record_decision (store, learner, "option",
                                               pl_insights_item_get_option_uuid (accept), "accepted",
                                               pl_insights_item_get_signature (accept), &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (pl_store_count (store, "pick", FALSE), ==, picks + 1);
  g_assert_cmpuint (pl_store_count (store, "suggestion_decision", FALSE), ==, decisions + 1);
  g_assert_cmpint (pl_store_check_learner_picks (store, board, learner, NULL) & ~PL_PICKS_TOO_FEW, ==, 0);

  /* Accept the top suggestion until the picks are complete: the board's
   * rules hold at every step and nothing is suggested at the end. */
  for (guint step = 0; step < 3; step++)
    {
      g_autoptr(PlInsightsReport) now = pl_insights_report_compute (store, classroom, NULL, NULL, NULL, &error);
      g_autoptr(PlInsightsItem) top = NULL;

      g_assert_no_error (error);
      if (count_suggestions (now, learner, NULL) == 0)
        break;
      top = g_list_model_get_item (pl_insights_report_get_suggestions (now), 0);
      g_assert_true (pl_store_record_decision (store, learner, "option", pl_insights_item_get_option_uuid (top),
                                               "accepted", pl_insights_item_get_signature (top), &error));
      g_assert_cmpint (pl_store_check_learner_picks (store, board, learner, NULL) & ~PL_PICKS_TOO_FEW, ==, 0);
    }
  g_assert_cmpint (pl_store_check_learner_picks (store, board, learner, NULL), ==, PL_PICKS_OK);
  after = pl_insights_report_compute (store, classroom, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_suggestions (after, learner, NULL), ==, 0);
  g_assert_cmpuint (pl_insights_report_get_n_complete (after), ==, 24);
}

static void
test_dismiss (void)
{
  g_autoptr(PlStore) store = demo_store ();
  g_autofree char *classroom = first_class (store);
  g_autofree char *learner = free_a_learner (store, classroom);
  g_autoptr(PlInsightsReport) report = pl_insights_report_compute (store, classroom, NULL, NULL, NULL, NULL);
  g_autoptr(PlInsightsReport) again = NULL;
  g_autoptr(PlInsightsItem) dismiss = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (count_suggestions (report, learner, NULL), >=, 2);
  dismiss = g_list_model_get_item (pl_insights_report_get_suggestions (report), 1);
  g_assert_true (pl_store_record_decision (store, learner, "option", pl_insights_item_get_option_uuid (dismiss),
                                           "dismissed", pl_insights_item_get_signature (dismiss), &error));
  g_assert_no_error (error);
  again = pl_insights_report_compute (store, classroom, NULL, NULL, NULL, &error);
  g_assert_cmpuint (count_suggestions (again, learner, pl_insights_item_get_option_uuid (dismiss)), ==, 0);
  g_assert_cmpuint (count_suggestions (again, learner, NULL), >=, 1);
}

/* A follow-up covers the alert as it was: once its facts change (here
 * another check-in week without a check-in) it stands again. */
static void
test_follow_up_facts (void)
{
  g_autoptr(PlStore) store = demo_store ();
  g_autofree char *classroom = first_class (store);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 7);
  g_autofree char *next_week = g_date_time_format (later, "%Y-%m-%d");
  g_autoptr(PlInsightsReport) report = pl_insights_report_compute (store, classroom, NULL, NULL, NULL, NULL);
  g_autoptr(PlInsightsReport) again = NULL;
  g_autoptr(PlInsightsReport) week_on = NULL;
  g_autoptr(PlInsightsItem) alert = find_alert (report, "No check-in", FALSE);
  g_autoptr(GError) error = NULL;
  guint followed_before;

  g_assert_nonnull (alert);
  followed_before = 0;
  g_assert_true (pl_store_record_decision (store, pl_insights_item_get_learner_uuid (alert), "alert", NULL,
                                           "followed-up", pl_insights_item_get_signature (alert), &error));
  g_assert_no_error (error);

  again = pl_insights_report_compute (store, classroom, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (pl_insights_report_get_metric (again, PL_METRIC_FOLLOW_UP, PL_INSIGHTS_WEEKS - 1), >, 0.0);
  {
    GListModel *alerts = pl_insights_report_get_alerts (again);

    for (guint i = 0; i < g_list_model_get_n_items (alerts); i++)
      {
        g_autoptr(PlInsightsItem) item = g_list_model_get_item (alerts, i);

        if (g_str_equal (pl_insights_item_get_signature (item), pl_insights_item_get_signature (alert)))
          {
            g_assert_true (pl_insights_item_get_followed_up (item));
            followed_before++;
          }
      }
  }
  g_assert_cmpuint (followed_before, ==, 1);

  /* A week on, the same learner's alert is a new one. */
  week_on = pl_insights_report_compute (store, classroom, next_week, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    GListModel *alerts = pl_insights_report_get_alerts (week_on);
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (alerts); i++)
      {
        g_autoptr(PlInsightsItem) item = g_list_model_get_item (alerts, i);

        if (g_strcmp0 (pl_insights_item_get_learner_uuid (item), pl_insights_item_get_learner_uuid (alert)) == 0 &&
            strstr (pl_insights_item_get_title (item), "No check-in") != NULL)
          {
            found = TRUE;
            g_assert_false (pl_insights_item_get_followed_up (item));
            g_assert_cmpstr (pl_insights_item_get_signature (item), !=, pl_insights_item_get_signature (alert));
          }
      }
    g_assert_true (found);
  }
}

/* ---- a hand-made class ------------------------------------------------- */

typedef struct
{
  PlStore *store;
  char    *classroom;
  char    *standard;
  char    *learners[4];
} Small;

static void
small_clear (Small *k)
{
  g_clear_object (&k->store);
  g_free (k->classroom);
  g_free (k->standard);
  for (guint i = 0; i < G_N_ELEMENTS (k->learners); i++)
    g_free (k->learners[i]);
}

static void
save (PlStore *store, gpointer record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_store_save (store, PL_RECORD (record), &error));
  g_assert_no_error (error);
  g_object_unref (record);
}

/* Four learners on one standard: one grows (1, 2, 3), one stays (3, 3),
 * one drops (4, 2), one has a single score and does not count. */
static void
small_class (Small *k)
{
  static const double scores[4][3] = { { 1, 2, 3 }, { 3, 3, NAN }, { 4, 2, NAN }, { 2, NAN, NAN } };
  static const char *names[4] = { "Ada", "Ben", "Cleo", "Dev" };
  g_autoptr(GError) error = NULL;
  PlRecord *classroom = g_object_new (PL_TYPE_CLASSROOM, NULL);
  PlRecord *standard = g_object_new (PL_TYPE_STANDARD, NULL);
  PlRecord *unit = g_object_new (PL_TYPE_UNIT, NULL);
  PlRecord *link = g_object_new (PL_TYPE_UNIT_STANDARD, NULL);

  k->store = pl_store_open (NULL, &error);
  g_assert_no_error (error);
  pl_record_set_string (classroom, "name", "Small class");
  k->classroom = g_strdup (pl_record_get_uuid (classroom));
  save (k->store, classroom);
  pl_record_set_string (standard, "code", "SCI.7.3");
  k->standard = g_strdup (pl_record_get_uuid (standard));
  save (k->store, standard);
  pl_record_set_string (unit, "classroom_uuid", k->classroom);
  pl_record_set_string (link, "unit_uuid", pl_record_get_uuid (unit));
  pl_record_set_string (link, "standard_uuid", k->standard);
  save (k->store, unit);
  save (k->store, link);

  for (guint l = 0; l < 4; l++)
    {
      g_autoptr(PlLearner) learner = pl_store_add_learner (k->store, k->classroom, names[l], "Small", &error);

      g_assert_no_error (error);
      k->learners[l] = g_strdup (pl_record_get_uuid (PL_RECORD (learner)));
      for (guint i = 0; i < 3 && !isnan (scores[l][i]); i++)
        {
          g_autofree char *day = g_strdup_printf ("2026-10-%02u", 5 + 3 * i);
          PlEvidenceRow row = {
            .learner_uuid = k->learners[l], .standard_uuid = k->standard,
            .score = scores[l][i], .assessed_at = day,
          };

          g_assert_true (pl_store_add_evidence (k->store, &row, 1, &error));
          g_assert_no_error (error);
        }
    }
}

static void
test_growth (void)
{
  Small k = { 0 };
  g_autoptr(PlInsightsReport) report = NULL;
  g_autoptr(PlInsightsReport) latest = NULL;
  g_autofree char *text = NULL;
  g_autofree char *why = NULL;
  guint now = PL_INSIGHTS_WEEKS - 1;
  PlInsightsSettings settings;

  small_class (&k);
  report = report_with (k.store, k.classroom, "2026-10-20", NULL);
  g_assert_cmpuint (pl_insights_report_get_growth (report, now, PL_GROWTH_IMPROVED), ==, 1);
  g_assert_cmpuint (pl_insights_report_get_growth (report, now, PL_GROWTH_SAME), ==, 1);
  g_assert_cmpuint (pl_insights_report_get_growth (report, now, PL_GROWTH_DROPPED), ==, 1);
  g_assert_cmpfloat_with_epsilon (pl_insights_report_get_metric (report, PL_METRIC_GROWTH, now), 1.0 / 3.0, 1e-9);
  text = pl_insights_report_format_metric (report, PL_METRIC_GROWTH, now);
  g_assert_cmpstr (text, ==, "1 of 3 learners grew");
  why = pl_insights_report_explain_metric (report, PL_METRIC_GROWTH);
  g_assert_nonnull (strstr (why, "This week: 1 grew, 1 about the same, 1 dropped."));
  /* Before the first scores there is no figure. */
  g_assert_true (isnan (pl_insights_report_get_metric (report, PL_METRIC_GROWTH, now - 3)));

  /* With the class's method "latest", growth is latest minus first: Ada
   * still grows by 2, Cleo still drops by 2. */
  g_assert_true (pl_store_set_class_method (k.store, k.classroom, "latest", 0, NULL));
  pl_insights_settings_init (&settings);
  latest = report_with (k.store, k.classroom, "2026-10-20", &settings);
  g_assert_cmpuint (pl_insights_report_get_growth (latest, now, PL_GROWTH_IMPROVED), ==, 1);
  g_assert_cmpuint (pl_insights_report_get_growth (latest, now, PL_GROWTH_DROPPED), ==, 1);
  small_clear (&k);
}

static gboolean
has_alert (PlInsightsReport *report, const char *name, const char *kind)
{
  GListModel *alerts = pl_insights_report_get_alerts (report);

  for (guint i = 0; i < g_list_model_get_n_items (alerts); i++)
    {
      g_autoptr(PlInsightsItem) item = g_list_model_get_item (alerts, i);
      const char *title = pl_insights_item_get_title (item);

      if (strstr (title, name) != NULL && strstr (title, kind) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Twelve tries on a standard: a learner whose level on it is proficient
 * by the class's method has not stalled, whatever knowledge tracing makes
 * of three late successes; one who never gets there has. */
static void
test_stalled_by_level (void)
{
  Small k = { 0 };
  g_autoptr(PlInsightsReport) report = NULL;
  g_autoptr(GError) error = NULL;

  small_class (&k);
  for (guint l = 0; l < 2; l++)
    for (guint i = 0; i < 12; i++)
      {
        g_autofree char *day = g_strdup_printf ("2026-11-%02u", 1 + 2 * i);
        PlEvidenceRow row = {
          .learner_uuid = k.learners[l], .standard_uuid = k.standard,
          .score = l == 0 && i >= 9 ? 4 : 1, .assessed_at = day,
        };

        g_assert_true (pl_store_add_evidence (k.store, &row, 1, &error));
        g_assert_no_error (error);
      }
  report = report_with (k.store, k.classroom, "2026-11-30", NULL);
  g_assert_false (has_alert (report, "Ada", "Stalled"));
  g_assert_true (has_alert (report, "Ben", "Stalled"));
  small_clear (&k);
}

static gboolean
group_member_detail (PlInsightsReport *report, const char *learner, const char **out_detail)
{
  GListModel *groups = pl_insights_report_get_groups (report, TRUE);

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(PlInsightsItem) item = g_list_model_get_item (groups, i);

      for (guint m = 0; m < pl_insights_item_get_n_members (item); m++)
        if (g_str_equal (pl_insights_item_get_member_uuid (item, m), learner))
          {
            /* The item lives on in the report's list. */
            *out_detail = pl_insights_item_get_member_detail (item, m);
            return TRUE;
          }
    }
  return FALSE;
}

/* Insights uses the Gradebook's level: the class's method, a standard's
 * own method, the teacher's override, and the proficient level. */
static void
test_levels_as_gradebook (void)
{
  Small k = { 0 };
  g_autoptr(PlInsightsReport) decaying = NULL;
  g_autoptr(PlInsightsReport) highest = NULL;
  g_autoptr(PlInsightsReport) overridden = NULL;
  g_autoptr(PlInsightsReport) strict = NULL;
  g_autoptr(PlGradeOverride) o = NULL;
  const char *detail = NULL;
  PlInsightsSettings settings;

  small_class (&k);
  /* Decaying average 65 of 1, 2, 3 is 2.53: Ada, Cleo (4, 2: 2.7) and Dev
   * (2) are below 3 and make the group; Ben (3, 3) is not in it. */
  decaying = report_with (k.store, k.classroom, "2026-10-20", NULL);
  g_assert_true (group_member_detail (decaying, k.learners[0], &detail));
  g_assert_nonnull (strstr (detail, "level 2.5"));
  g_assert_true (g_str_has_prefix (detail, "Latest scores 1, 2, 3"));
  g_assert_false (group_member_detail (decaying, k.learners[1], &detail));

  /* "highest" for this standard: Ada (3) and Cleo (4) leave; too few remain. */
  g_assert_true (pl_store_set_standard_method (k.store, k.classroom, k.standard, "highest", 0, NULL));
  highest = report_with (k.store, k.classroom, "2026-10-20", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (pl_insights_report_get_groups (highest, TRUE)), ==, 0);
  g_assert_true (pl_store_set_standard_method (k.store, k.classroom, k.standard, NULL, 0, NULL));

  /* The teacher overrides Ben down to 2: he joins. */
  o = pl_store_set_grade_override (k.store, k.classroom, k.learners[1], k.standard, 2.0,
                                   "Could not explain the model unaided", NULL);
  g_assert_nonnull (o);
  overridden = report_with (k.store, k.classroom, "2026-10-20", NULL);
  g_assert_true (group_member_detail (overridden, k.learners[1], &detail));
  g_assert_nonnull (strstr (detail, "level 2"));

  /* Proficient at 2.6: Ada (2.53) is still below, Dev (2) too, Ben (2)
   * too; Cleo (2.7) is not. */
  pl_insights_settings_init (&settings);
  settings.proficient = 2.6;
  strict = report_with (k.store, k.classroom, "2026-10-20", &settings);
  g_assert_false (group_member_detail (strict, k.learners[2], &detail));
  g_assert_true (group_member_detail (strict, k.learners[0], &detail));
  small_clear (&k);
}

/* A must-do milestone due within a week needs the unit's standards, for
 * the learners who have not done it yet. */
static void
test_milestones_due_soon (void)
{
  g_autoptr(PlStore) store = demo_store ();
  g_autofree char *classroom = first_class (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) milestones = pl_store_class_milestones (store, classroom, TODAY, &error);
  PlMilestoneStatus *next = NULL;
  g_autoptr(PlClassSnapshot) before = NULL;
  g_autoptr(PlClassSnapshot) after = NULL;
  char day[11];
  GDate d;
  guint all_before = 0, all_after = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < milestones->len && next == NULL; i++)
    if (g_strcmp0 (g_array_index (milestones, PlMilestoneStatus, i).due_on, TODAY) > 0)
      next = &g_array_index (milestones, PlMilestoneStatus, i);
  g_assert_nonnull (next);

  g_date_clear (&d, 1);
  g_date_set_parse (&d, next->due_on);
  g_date_subtract_days (&d, 3);
  g_snprintf (day, sizeof day, "%04u-%02u-%02u", g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d));
  before = pl_store_load_class_snapshot (store, classroom, day, NULL, &error);
  g_assert_no_error (error);
  g_date_add_days (&d, 11);
  g_snprintf (day, sizeof day, "%04u-%02u-%02u", g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d));
  after = pl_store_load_class_snapshot (store, classroom, day, NULL, &error);
  g_assert_no_error (error);

  /* Goals name one standard each: a learner due on all six is the
   * milestone's doing. */
  for (guint l = 0; l < before->n_learners; l++)
    {
      guint n_before = 0, n_after = 0;

      for (guint st = 0; st < before->n_standards; st++)
        {
          n_before += before->due_soon[l * before->n_standards + st];
          n_after += after->due_soon[l * after->n_standards + st];
        }
      all_before += n_before == before->n_standards;
      all_after += n_after == after->n_standards;
    }
  g_assert_cmpuint (all_before, >, 0);
  g_assert_cmpuint (all_after, <, all_before);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/insights/snapshot", test_snapshot);
  g_test_add_func ("/insights/checkin-weeks", test_checkin_weeks);
  g_test_add_func ("/insights/report", test_report);
  g_test_add_func ("/insights/suggestions-keep-rules", test_suggestions_keep_rules);
  g_test_add_func ("/insights/stalled-by-level", test_stalled_by_level);
  g_test_add_func ("/insights/dismiss", test_dismiss);
  g_test_add_func ("/insights/follow-up-facts", test_follow_up_facts);
  g_test_add_func ("/insights/growth", test_growth);
  g_test_add_func ("/insights/levels-as-gradebook", test_levels_as_gradebook);
  g_test_add_func ("/insights/milestones-due-soon", test_milestones_due_soon);
  return g_test_run ();
}
