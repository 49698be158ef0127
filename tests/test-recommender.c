/* test-recommender.c — next options ranked by need, readiness, interests,
 * with reasons, and dismissals that hold until something changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "engine/pl-recommender.h"

/* Standards: 0 (mastered), 1 (prerequisite 0, not mastered), 2
 * (prerequisite 1, not mastered). Options: 0 on std 0 (tier 3), 1 on std 1
 * (tier 2, tag 1, format 2), 2 on std 2 (tier 2), 3 on std 1 (tier 1,
 * format 5). */
static const guint offsets[] = { 0, 1, 2, 3, 4 };
static const guint option_standards[] = { 0, 1, 2, 1 };
static const int tiers[] = { 3, 2, 2, 1 };
static const guint formats[] = { 1, 2, 3, 5 };
static const guint32 tags[] = { 0, 1u << 1, 0, 0 };
static const guint prereq_from[] = { 0, 1 };
static const guint prereq_to[] = { 1, 2 };

static PlRecommenderBoard
board (void)
{
  PlRecommenderBoard b = {
    .n_standards = 3, .n_options = 4,
    .option_standard_offsets = offsets, .option_standards = option_standards,
    .option_tier = tiers, .option_format = formats, .option_tags = tags,
    .n_prereqs = 2, .prereq_from = prereq_from, .prereq_to = prereq_to,
    .proficient = 3.0,
  };
  return b;
}

static void
test_ranking_and_reason (void)
{
  PlRecommenderBoard b = board ();
  const double levels[] = { 3.5, 2.4, NAN };
  PlRecommenderLearner learner = {
    .levels = levels, .interest_tags = 1u << 1, .preferred_formats = 1u << 2,
    .recent_formats = 1u << 2,
  };
  PlRecommendation out[3];
  g_autofree char *why = NULL;
  guint n = pl_recommend (&b, &learner, 3, out);

  g_assert_cmpuint (n, ==, 3);
  /* Option 1: ready gap on std 1, fitting tier, interest, preferred format. */
  g_assert_cmpuint (out[0].option, ==, 1);
  g_assert_cmpint (out[0].focus_standard, ==, 1);
  g_assert_true (out[0].reasons & PL_REASON_READY);
  g_assert_true (out[0].reasons & PL_REASON_INTEREST);
  /* Option 2 works on std 2, whose prerequisite is not mastered: below
   * option 3 (ready gap, new format) but above option 0 (nothing to learn). */
  g_assert_cmpuint (out[1].option, ==, 3);
  g_assert_cmpuint (out[2].option, ==, 2);
  g_assert_false (out[2].reasons & PL_REASON_READY);

  why = pl_recommendation_describe (&out[0], "SCI.7.2");
  g_assert_true (g_str_has_prefix (why, "Works on SCI.7.2, not yet mastered but ready"));
  g_assert_nonnull (strstr (why, "it matches an interest"));
  g_assert_true (g_str_has_suffix (why, "."));
}

static void
test_picked_and_dismissed (void)
{
  PlRecommenderBoard b = board ();
  double levels[] = { 3.5, 2.4, NAN };
  const guint8 picked[] = { 0, 0, 0, 1 };
  PlRecommenderLearner learner = { .levels = levels, .picked = picked };
  PlRecommendation out[3], again[3];
  guint dismissed_option;
  guint32 dismissed_signature;
  guint n = pl_recommend (&b, &learner, 3, out);

  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (out[i].option, !=, 3);

  /* The teacher dismisses the top suggestion: it stays away … */
  dismissed_option = out[0].option;
  dismissed_signature = out[0].signature;
  learner.n_dismissed = 1;
  learner.dismissed_option = &dismissed_option;
  learner.dismissed_signature = &dismissed_signature;
  n = pl_recommend (&b, &learner, 3, again);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (again[i].option, !=, dismissed_option);

  /* … until the learner's level on its standard changes. */
  levels[1] = 1.5;
  n = pl_recommend (&b, &learner, 3, again);
  g_assert_cmpuint (again[0].option, ==, dismissed_option);
}

static void
test_limit (void)
{
  PlRecommenderBoard b = board ();
  const double levels[] = { NAN, NAN, NAN };
  PlRecommenderLearner learner = { .levels = levels };
  PlRecommendation out[1];

  g_assert_cmpuint (pl_recommend (&b, &learner, 1, out), ==, 1);
  g_assert_cmpuint (pl_recommend (&b, &learner, 0, NULL), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/recommender/ranking-and-reason", test_ranking_and_reason);
  g_test_add_func ("/recommender/picked-and-dismissed", test_picked_and_dismissed);
  g_test_add_func ("/recommender/limit", test_limit);
  return g_test_run ();
}
