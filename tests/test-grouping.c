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
  groups = pl_grouping_by_need (L, S, levels, 3.0, 3, 6);

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
  g_test_add_func ("/grouping/mixed", test_mixed);
  return g_test_run ();
}
