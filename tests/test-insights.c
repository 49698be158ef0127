/* test-insights.c — the Insights report on the demo class: metrics, alerts
 * with reasons, groups, and suggestions that the teacher accepts or
 * dismisses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "core/pl-core.h"
#include "core/pl-demo.h"
#include "core/pl-store-insights.h"
#include "insights/pl-insights-item.h"
#include "insights/pl-insights-report.h"

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
report_for (PlStore *store, const char *classroom)
{
  g_autoptr(GError) error = NULL;
  PlInsightsReport *report = pl_insights_report_compute (store, classroom, TODAY, 3.0, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
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

static void
test_snapshot (void)
{
  g_autoptr(PlStore) store = demo_store ();
  g_autofree char *classroom = first_class (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlClassSnapshot) s = pl_store_load_class_snapshot (store, classroom, TODAY, 3.0, &error);
  g_autoptr(PlClassSnapshot) early = NULL;
  guint silent = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (s->n_learners, ==, 24);
  g_assert_cmpuint (s->n_standards, ==, 6);
  g_assert_cmpuint (s->n_options, ==, 9);
  g_assert_cmpuint (s->option_standard_offsets[9], >=, 9);
  g_assert_cmpuint (s->n_prereqs, >=, 1);
  for (guint l = 0; l < s->n_learners; l++)
    {
      g_assert_cmpstr (s->learner_names[l], !=, "");
      silent += s->days_since_checkin[l] < 0 || s->days_since_checkin[l] >= 14;
      g_assert_cmpfloat (s->profile_completeness[l], >=, 0.0);
      g_assert_cmpfloat (s->profile_completeness[l], <=, 1.0 + 1e-9);
    }
  g_assert_cmpuint (silent, >=, 1);

  /* Three weeks earlier there is less evidence. */
  early = pl_store_load_class_snapshot (store, classroom, "2026-09-28", 3.0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (early->offsets[early->n_series], <, s->offsets[s->n_series]);

  g_assert_null (pl_store_load_class_snapshot (store, classroom, "19 October", 3.0, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
}

static void
test_report (void)
{
  g_autoptr(PlStore) store = demo_store ();
  g_autofree char *classroom = first_class (store);
  g_autoptr(PlInsightsReport) report = report_for (store, classroom);
  GListModel *alerts = pl_insights_report_get_alerts (report);
  gboolean saw_stalled = FALSE, saw_checkin = FALSE;

  g_assert_cmpuint (pl_insights_report_get_n_learners (report), ==, 24);
  for (PlMetric m = 0; m < PL_N_METRICS; m++)
    {
      g_autofree char *text = pl_metric_format_value (m, pl_insights_report_get_metric (report, m, PL_INSIGHTS_WEEKS - 1));

      g_assert_cmpstr (pl_metric_title (m), !=, "");
      g_assert_cmpstr (pl_metric_definition (m), !=, "");
      g_assert_nonnull (text);
    }
  g_assert_false (isnan (pl_insights_report_get_metric (report, PL_METRIC_GROWTH, PL_INSIGHTS_WEEKS - 1)));
  g_assert_cmpfloat (pl_insights_report_get_metric (report, PL_METRIC_ENGAGEMENT, PL_INSIGHTS_WEEKS - 1), >, 0.0);
  g_assert_cmpfloat (pl_insights_report_get_metric (report, PL_METRIC_ATTENTION, PL_INSIGHTS_WEEKS - 1), <, 24.0);

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

  g_assert_cmpuint (g_list_model_get_n_items (pl_insights_report_get_groups (report)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (pl_insights_report_get_mixed_groups (report)), ==, 6);
}

static void
test_decisions (void)
{
  g_autoptr(PlStore) store = demo_store ();
  g_autofree char *classroom = first_class (store);
  g_autoptr(PlInsightsReport) report = report_for (store, classroom);
  g_autoptr(PlInsightsReport) again = NULL;
  GListModel *suggestions = pl_insights_report_get_suggestions (report);
  g_autoptr(PlInsightsItem) accept = NULL;
  g_autoptr(PlInsightsItem) dismiss = NULL;
  g_autoptr(PlInsightsItem) alert = NULL;
  g_autoptr(GError) error = NULL;
  guint picks_before = pl_store_count (store, "pick", FALSE);

  g_assert_cmpuint (g_list_model_get_n_items (suggestions), >=, 2);
  accept = g_list_model_get_item (suggestions, 0);
  dismiss = g_list_model_get_item (suggestions, g_list_model_get_n_items (suggestions) - 1);
  alert = g_list_model_get_item (pl_insights_report_get_alerts (report), 0);
  g_assert_cmpstr (pl_insights_item_get_learner_uuid (accept), !=, pl_insights_item_get_learner_uuid (dismiss));

  /* Accepting creates the pick on the board. */
  g_assert_true (pl_store_record_decision (store, pl_insights_item_get_learner_uuid (accept), "option",
                                           pl_insights_item_get_option_uuid (accept), "accepted",
                                           pl_insights_item_get_signature (accept), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pl_store_count (store, "pick", FALSE), ==, picks_before + 1);

  g_assert_true (pl_store_record_decision (store, pl_insights_item_get_learner_uuid (dismiss), "option",
                                           pl_insights_item_get_option_uuid (dismiss), "dismissed",
                                           pl_insights_item_get_signature (dismiss), &error));
  g_assert_true (pl_store_record_decision (store, pl_insights_item_get_learner_uuid (alert), "alert", NULL,
                                           "followed-up", pl_insights_item_get_signature (alert), &error));
  g_assert_no_error (error);

  /* Decisions are stamped now; look at the class as of today. */
  again = pl_insights_report_compute (store, classroom, NULL, 3.0, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (has_suggestion (again, pl_insights_item_get_learner_uuid (accept),
                                  pl_insights_item_get_option_uuid (accept)));
  g_assert_false (has_suggestion (again, pl_insights_item_get_learner_uuid (dismiss),
                                  pl_insights_item_get_option_uuid (dismiss)));
  g_assert_cmpfloat (pl_insights_report_get_metric (again, PL_METRIC_FOLLOW_UP, PL_INSIGHTS_WEEKS - 1), >, 0.0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/insights/snapshot", test_snapshot);
  g_test_add_func ("/insights/report", test_report);
  g_test_add_func ("/insights/decisions", test_decisions);
  return g_test_run ();
}
