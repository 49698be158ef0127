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
  g_assert_true (g_str_has_prefix (why, "Works on SCI.7.2, not yet mastered but ready for: its prerequisites are mastered"));
  g_assert_nonnull (strstr (why, "it matches an interest"));
  g_assert_true (g_str_has_suffix (why, "."));
  g_clear_pointer (&why, g_free);
  /* Option 2's standard has a prerequisite not mastered: it says so. */
  g_assert_true (out[2].reasons & PL_REASON_UNREADY);
  why = pl_recommendation_describe (&out[2], "SCI.7.3");
  g_assert_true (g_str_has_prefix (why, "Works on SCI.7.3, not yet mastered, though a prerequisite is not mastered yet"));
}

/* A standard without prerequisites is ready, but the reason does not
 * claim prerequisites; the mastery estimate is quoted. */
static void
test_no_prerequisites (void)
{
  PlRecommenderBoard b = board ();
  const double levels[] = { 2.0, 3.5, 3.5 };
  const double probability[] = { 0.35, 0.99, 0.99 };
  PlRecommenderLearner learner = { .levels = levels, .mastery_probability = probability };
  PlRecommendation out[3];
  g_autofree char *why = NULL;

  g_assert_cmpuint (pl_recommend (&b, &learner, 3, out), ==, 3);
  g_assert_cmpuint (out[0].option, ==, 0);
  g_assert_cmpint (out[0].focus_standard, ==, 0);
  g_assert_true (out[0].reasons & PL_REASON_GAP);
  g_assert_false (out[0].reasons & (PL_REASON_READY | PL_REASON_UNREADY));
  why = pl_recommendation_describe (&out[0], "SCI.7.1");
  g_assert_true (g_str_has_prefix (why, "Works on SCI.7.1, not yet at the proficient level (estimated 35 % likely to have mastered it)"));
  g_assert_null (strstr (why, "prerequisite"));
}

/* Options whose pick would break the board's rules are never suggested. */
static void
test_allowed (void)
{
  PlRecommenderBoard b = board ();
  const double levels[] = { NAN, NAN, NAN };
  const guint8 allowed[] = { 1, 0, 1, 0 };
  const guint8 none[] = { 0, 0, 0, 0 };
  PlRecommenderLearner learner = { .levels = levels, .allowed = allowed };
  PlRecommendation out[3];
  guint n = pl_recommend (&b, &learner, 3, out);

  g_assert_cmpuint (n, ==, 2);
  for (guint i = 0; i < n; i++)
    g_assert_true (out[i].option == 0 || out[i].option == 2);
  learner.allowed = none;
  g_assert_cmpuint (pl_recommend (&b, &learner, 3, out), ==, 0);
}

/* A milestone due soon on the board's standard is a reason. */
static void
test_due_soon (void)
{
  PlRecommenderBoard b = board ();
  const double levels[] = { 3.5, 2.4, NAN };
  const guint8 due[] = { 0, 0, 1 };
  PlRecommenderLearner learner = { .levels = levels };
  PlRecommendation out[3];
  g_autofree char *why = NULL;

  b.standard_due_soon = due;
  g_assert_cmpuint (pl_recommend (&b, &learner, 3, out), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_true (((out[i].reasons & PL_REASON_DUE) != 0) == (out[i].option == 2));
  for (guint i = 0; i < 3; i++)
    if (out[i].option == 2)
      why = pl_recommendation_describe (&out[i], "SCI.7.3");
  g_assert_nonnull (strstr (why, "a milestone due within a week needs it"));
}

/* Reordering the board keeps a dismissal: the signature rests on the
 * option's id and the facts of its reason, not on its place. */
static void
test_signature_survives_reorder (void)
{
  PlRecommenderBoard b = board ();
  /* The same board with options 1 and 3 swapped. */
  static const guint r_standards[] = { 0, 1, 2, 1 };
  static const int r_tiers[] = { 3, 1, 2, 2 };
  static const guint r_formats[] = { 1, 5, 3, 2 };
  static const guint32 r_tags[] = { 0, 0, 0, 1u << 1 };
  static const guint32 ids[] = { 101, 102, 103, 104 };
  static const guint32 r_ids[] = { 101, 104, 103, 102 };
  static const guint32 standard_ids[] = { 7, 8, 9 };
  PlRecommenderBoard r = b;
  const double levels[] = { 3.5, 2.4, NAN };
  PlRecommenderLearner learner = { .levels = levels };
  PlRecommendation out[4], again[4];
  guint n;

  b.option_ids = ids;
  b.standard_ids = standard_ids;
  r.option_standards = r_standards;
  r.option_tier = r_tiers;
  r.option_format = r_formats;
  r.option_tags = r_tags;
  r.option_ids = r_ids;
  r.standard_ids = standard_ids;

  n = pl_recommend (&b, &learner, 4, out);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpuint (pl_recommend (&r, &learner, 4, again), ==, 4);
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      if (ids[out[i].option] == r_ids[again[j].option])
        g_assert_cmpuint (out[i].signature, ==, again[j].signature);

  /* Dismissed on the first board, it stays away on the reordered one. */
  {
    guint option = 3;   /* option 1 of the first board sits at 3 now */
    guint32 signature = 0;

    for (guint i = 0; i < n; i++)
      if (out[i].option == 1)
        signature = out[i].signature;
    learner.n_dismissed = 1;
    learner.dismissed_option = &option;
    learner.dismissed_signature = &signature;
    n = pl_recommend (&r, &learner, 4, again);
    g_assert_cmpuint (n, ==, 3);
    for (guint i = 0; i < n; i++)
      g_assert_cmpuint (again[i].option, !=, 3);
  }
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
  g_test_add_func ("/recommender/no-prerequisites", test_no_prerequisites);
  g_test_add_func ("/recommender/allowed", test_allowed);
  g_test_add_func ("/recommender/due-soon", test_due_soon);
  g_test_add_func ("/recommender/signature-survives-reorder", test_signature_survives_reorder);
  return g_test_run ();
}
