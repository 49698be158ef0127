/* test-alerts.c — who needs attention, and the reason given
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "engine/pl-alerts.h"

static const PlAlert *
find (GArray *alerts, guint learner, PlAlertKind kind)
{
  for (guint i = 0; i < alerts->len; i++)
    {
      const PlAlert *a = &g_array_index (alerts, PlAlert, i);

      if (a->learner == learner && a->kind == kind)
        return a;
    }
  return NULL;
}

static void
test_each_kind (void)
{
  /* Learner 0 is fine; 1 stalled on standard 1; 2 dropped on standard 0;
   * 3 silent, behind, rushing, with a stale profile. */
  const guint series_learner[] = { 0, 1, 2, 3 };
  const guint series_standard[] = { 0, 1, 0, 0 };
  const double scores[] = {
    2, 3, 3, 4,                                  /* 0: improving */
    1, 2, 2, 1, 2, 2, 2, 1, 2, 2, 2,             /* 1: eleven tries, never 3 */
    3, 4, 3, 4, 2, 2,                            /* 2: from 3.5 down to 2 */
    2, 2,                                        /* 3 */
  };
  const guint offsets[] = { 0, 4, 15, 21, 23 };
  const int days_checkin[] = { 3, 5, 6, -1 };
  const int days_profile[] = { 10, 10, 10, 60 };
  const guint overdue[] = { 0, 0, 0, 2 };
  const guint completions[] = { 2, 1, 2, 5 };
  const guint fast_low[] = { 0, 0, 0, 4 };
  PlAlertInput in = {
    .n_learners = 4, .n_standards = 2, .proficient = 3.0,
    .n_series = 4, .series_learner = series_learner, .series_standard = series_standard,
    .offsets = offsets, .scores = scores,
    .days_since_checkin = days_checkin, .days_since_profile_update = days_profile,
    .milestones_overdue = overdue, .recent_completions = completions, .recent_fast_low = fast_low,
  };
  PlAlertRules rules;
  g_autoptr(GArray) alerts = NULL;
  const PlAlert *a;
  g_autofree char *why = NULL;

  pl_alert_rules_init_default (&rules);
  alerts = pl_alerts_compute (&in, &rules);

  for (PlAlertKind k = 0; k < PL_N_ALERT_KINDS; k++)
    g_assert_null (find (alerts, 0, k));

  a = find (alerts, 1, PL_ALERT_STALLED);
  g_assert_nonnull (a);
  g_assert_cmpint (a->standard, ==, 1);
  g_assert_cmpfloat (a->value, ==, 11);
  why = pl_alert_describe (a, "SCI.7.2");
  g_assert_cmpstr (why, ==, "No mastery of SCI.7.2 after 11 tries.");
  g_clear_pointer (&why, g_free);

  a = find (alerts, 2, PL_ALERT_MASTERY_DROPPED);
  g_assert_nonnull (a);
  g_assert_cmpfloat_with_epsilon (a->value, 3.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->value2, 2.0, 1e-9);
  g_assert_null (find (alerts, 2, PL_ALERT_STALLED));

  g_assert_nonnull (find (alerts, 3, PL_ALERT_NO_CHECKIN));
  why = pl_alert_describe (find (alerts, 3, PL_ALERT_NO_CHECKIN), NULL);
  g_assert_cmpstr (why, ==, "Has not checked in yet.");
  g_clear_pointer (&why, g_free);
  g_assert_cmpfloat (find (alerts, 3, PL_ALERT_BEHIND_MILESTONE)->value, ==, 2);
  g_assert_nonnull (find (alerts, 3, PL_ALERT_GAMING));
  g_assert_nonnull (find (alerts, 3, PL_ALERT_STALE_PROFILE));
  g_assert_cmpuint (alerts->len, ==, 6);
}

static void
test_thresholds (void)
{
  /* Nine low tries are not yet "stalled"; 13 days without a check-in is
   * not yet two weeks; two fast low tasks of five are not gaming. */
  const guint sl[] = { 0 }, ss[] = { 0 };
  const double scores[] = { 1, 1, 1, 1, 1, 1, 1, 1, 1 };
  const guint offsets[] = { 0, 9 };
  const int days[] = { 13 };
  const guint completions[] = { 5 }, fast_low[] = { 2 };
  PlAlertInput in = {
    .n_learners = 1, .n_standards = 1, .proficient = 3.0, .n_series = 1,
    .series_learner = sl, .series_standard = ss, .offsets = offsets, .scores = scores,
    .days_since_checkin = days, .recent_completions = completions, .recent_fast_low = fast_low,
  };
  PlAlertRules rules;
  g_autoptr(GArray) alerts = NULL;

  pl_alert_rules_init_default (&rules);
  alerts = pl_alerts_compute (&in, &rules);
  g_assert_cmpuint (alerts->len, ==, 0);
}

static void
test_stalled_across_standards (void)
{
  /* Four tries on each of three standards, none proficient. */
  const guint sl[] = { 0, 0, 0 }, ss[] = { 0, 1, 2 };
  const double scores[] = { 2, 2, 1, 2, 1, 2, 2, 2, 2, 1, 2, 2 };
  const guint offsets[] = { 0, 4, 8, 12 };
  PlAlertInput in = {
    .n_learners = 1, .n_standards = 3, .proficient = 3.0, .n_series = 3,
    .series_learner = sl, .series_standard = ss, .offsets = offsets, .scores = scores,
  };
  PlAlertRules rules;
  g_autoptr(GArray) alerts = NULL;
  g_autofree char *why = NULL;

  pl_alert_rules_init_default (&rules);
  alerts = pl_alerts_compute (&in, &rules);
  g_assert_cmpuint (alerts->len, ==, 1);
  g_assert_cmpint (g_array_index (alerts, PlAlert, 0).kind, ==, PL_ALERT_STALLED);
  g_assert_cmpint (g_array_index (alerts, PlAlert, 0).standard, ==, -1);
  why = pl_alert_describe (&g_array_index (alerts, PlAlert, 0), NULL);
  g_assert_cmpstr (why, ==, "No standard mastered yet after 12 tries across the unit.");
}

static void
test_bkt_mastery_decides_stalled (void)
{
  const guint sl[] = { 0 }, ss[] = { 0 };
  const double scores[] = { 2, 2, 2, 2, 2, 2, 2, 2, 2, 2 };
  const guint offsets[] = { 0, 10 };
  const double mastery[] = { 0.97 };
  PlAlertInput in = {
    .n_learners = 1, .n_standards = 1, .proficient = 3.0, .n_series = 1,
    .series_learner = sl, .series_standard = ss, .offsets = offsets, .scores = scores,
    .series_mastery = mastery, .mastery_threshold = PL_ALERT_MASTERY_PROBABILITY,
  };
  PlAlertRules rules;
  g_autoptr(GArray) alerts = NULL;

  pl_alert_rules_init_default (&rules);
  alerts = pl_alerts_compute (&in, &rules);
  g_assert_cmpuint (alerts->len, ==, 0);
}

/* With the Check-ins view's weeks, "missing" decides, not the days: a
 * learner who last checked in 9 days ago on the Friday before last has
 * missed last week and this one; one who checked in 13 days ago may
 * still have done so last week. */
static void
test_checkin_weeks (void)
{
  const int days[] = { 9, 13, -1 };
  const guint8 missing[] = { 1, 0, 1 };
  PlAlertInput in = {
    .n_learners = 3, .proficient = 3.0,
    .days_since_checkin = days, .checkin_missing = missing,
  };
  PlAlertRules rules;
  g_autoptr(GArray) alerts = NULL;
  g_autofree char *why = NULL;

  pl_alert_rules_init_default (&rules);
  alerts = pl_alerts_compute (&in, &rules);
  g_assert_cmpuint (alerts->len, ==, 2);
  g_assert_nonnull (find (alerts, 0, PL_ALERT_NO_CHECKIN));
  g_assert_null (find (alerts, 1, PL_ALERT_NO_CHECKIN));
  g_assert_nonnull (find (alerts, 2, PL_ALERT_NO_CHECKIN));
  why = pl_alert_describe (find (alerts, 0, PL_ALERT_NO_CHECKIN), NULL);
  g_assert_cmpstr (why, ==, "No check-in this week or last week: the last was 9 days ago.");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/alerts/each-kind", test_each_kind);
  g_test_add_func ("/alerts/thresholds", test_thresholds);
  g_test_add_func ("/alerts/bkt-mastery", test_bkt_mastery_decides_stalled);
  g_test_add_func ("/alerts/stalled-across-standards", test_stalled_across_standards);
  g_test_add_func ("/alerts/checkin-weeks", test_checkin_weeks);
  return g_test_run ();
}
