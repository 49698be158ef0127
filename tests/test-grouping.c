/* test-grouping.c — mini-lesson groups by shared need, and mixed groups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "engine/pl-grouping.h"

static void
test_by_need (void)
{
  /* 14 learners × 3 standards. Standard 2 is needed by 8 learners,
   * standard 0 by 4 (two of whom also need standard 2), standard 1 by 2
   * (who also need standard 2). */
  enum { L = 14, S = 3 };
  double levels[L * S];
  g_autoptr(GArray) groups = NULL;
  gboolean seen[L] = { FALSE };

  for (guint l = 0; l < L; l++)
    {
      levels[l * S + 0] = l < 4 ? 1.5 + 0.1 * l : 3.5;
      levels[l * S + 1] = l == 5 || l == 6 ? 2.0 : (l == 13 ? NAN : 3.2);
      levels[l * S + 2] = l >= 2 && l < 11 ? 1.0 + 0.2 * l : 3.0;
    }
  groups = pl_grouping_by_need (L, S, levels, 3.0, 3, 6, 0, TRUE);

  /* Standard 2 first: 8 learners → two groups of 4; then standard 0's two
   * learners left over are too few for a group. */
  g_assert_cmpuint (groups->len, ==, 2);
  for (guint g = 0; g < groups->len; g++)
    {
      PlGroup *group = &g_array_index (groups, PlGroup, g);

      g_assert_cmpint (group->standard, ==, 2);
      g_assert_cmpuint (group->n_members, >=, 3);
      g_assert_cmpuint (group->n_members, <=, 6);
      for (guint m = 0; m < group->n_members; m++)
        {
          g_assert_false (seen[group->members[m]]);
          seen[group->members[m]] = TRUE;
          g_assert_cmpfloat (levels[group->members[m] * S + 2], <, 3.0);
        }
    }
  /* Close levels together: the first group holds the lowest levels. */
  g_assert_cmpfloat (g_array_index (groups, PlGroup, 0).mean_level, <,
                     g_array_index (groups, PlGroup, 1).mean_level);
}

/* Standard 1 is needed by all six learners, standard 0 by four of them.
 * One group per standard: the three lowest on 1 and then, of those left,
 * the learners below proficient on 0 — the mini-lessons spread over both
 * standards. Not exclusive: a learner may sit in a group on each. */
static void
test_spread_over_standards (void)
{
  enum { L = 6, S = 2 };
  const double levels[L * S] = {
    2.0, 1.0,
    2.2, 1.2,
    3.5, 1.4,
    2.4, 2.0,
    1.9, 2.2,
    2.1, 2.6,
  };
  g_autoptr(GArray) one = pl_grouping_by_need (L, S, levels, 3.0, 3, 3, 1, TRUE);
  g_autoptr(GArray) overlap = pl_grouping_by_need (L, S, levels, 3.0, 3, 3, 1, FALSE);
  gboolean seen[L] = { FALSE };
  PlGroup *g;

  g_assert_cmpuint (one->len, ==, 2);
  g = &g_array_index (one, PlGroup, 0);
  g_assert_cmpint (g->standard, ==, 1);
  g_assert_cmpuint (g->n_members, ==, 3);
  g_assert_cmpuint (g->members[0], ==, 0);
  g_assert_cmpuint (g->members[1], ==, 1);
  g_assert_cmpuint (g->members[2], ==, 2);
  g_assert_cmpfloat_with_epsilon (g->min_level, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (g->max_level, 1.4, 1e-9);
  g = &g_array_index (one, PlGroup, 1);
  g_assert_cmpint (g->standard, ==, 0);
  for (guint gi = 0; gi < one->len; gi++)
    for (guint m = 0; m < g_array_index (one, PlGroup, gi).n_members; m++)
      {
        guint l = g_array_index (one, PlGroup, gi).members[m];

        g_assert_false (seen[l]);
        seen[l] = TRUE;
        g_assert_cmpfloat (levels[l * S + g_array_index (one, PlGroup, gi).standard], <, 3.0);
      }

  /* Overlapping: standard 0's group takes the three lowest on it,
   * learner 0 among them though already in the group on standard 1. */
  g_assert_cmpuint (overlap->len, ==, 2);
  g = &g_array_index (overlap, PlGroup, 1);
  g_assert_cmpint (g->standard, ==, 0);
  g_assert_cmpuint (g->members[0], ==, 4);
  g_assert_cmpuint (g->members[1], ==, 0);
  g_assert_cmpuint (g->members[2], ==, 5);
}

static void
test_mixed (void)
{
  double overall[10] = { 4, 3.8, 3.5, 3.1, 3, 2.5, 2.2, 2, 1.5, NAN };
  g_autoptr(GArray) groups = pl_grouping_mixed (10, overall, 4);
  guint total = 0;

  g_assert_cmpuint (groups->len, ==, 3);
  for (guint g = 0; g < groups->len; g++)
    {
      PlGroup *group = &g_array_index (groups, PlGroup, g);

      g_assert_cmpuint (group->n_members, >=, 3);
      g_assert_cmpuint (group->n_members, <=, 4);
      total += group->n_members;
    }
  g_assert_cmpuint (total, ==, 10);
  /* The spread of each group: the strongest group has 4 and 2.2. */
  g_assert_cmpfloat_with_epsilon (g_array_index (groups, PlGroup, 0).max_level, 4.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (groups, PlGroup, 0).min_level, 2.2, 1e-9);
  /* Snake order: the strongest and the third strongest are in different
   * groups, and the first group also gets one of the weakest. */
  g_assert_cmpuint (g_array_index (groups, PlGroup, 0).members[0], ==, 0);
  g_assert_cmpuint (g_array_index (groups, PlGroup, 0).members[1], ==, 5);
  g_assert_cmpuint (g_array_index (groups, PlGroup, 2).members[0], ==, 2);
  g_assert_cmpuint (g_array_index (groups, PlGroup, 2).members[1], ==, 3);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/grouping/by-need", test_by_need);
  g_test_add_func ("/grouping/spread-over-standards", test_spread_over_standards);
  g_test_add_func ("/grouping/mixed", test_mixed);
  return g_test_run ();
}
