/* test-mastery.c — roll-ups of scores per learner and standard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "engine/pl-mastery.h"

static double
rollup (PlMasteryMethod method,
        const double   *scores,
        gsize           n)
{
  PlMasterySpec spec;
  double value = -1.0;

  pl_mastery_spec_init_default (&spec, method);
  g_assert_true (pl_mastery_rollup (&spec, scores, n, &value));
  return value;
}

static gboolean
rollup_none (const PlMasterySpec *spec,
             const double        *scores,
             gsize                n)
{
  double value = -1.0;
  gboolean ok = pl_mastery_rollup (spec, scores, n, &value);

  /* "No value" also leaves a defined 0 behind. */
  if (!ok)
    g_assert_cmpfloat (value, ==, 0.0);
  return !ok;
}

#define S(...) ((const double[]) { __VA_ARGS__ }), (sizeof ((const double[]) { __VA_ARGS__ }) / sizeof (double))

static void
test_mastery_names (void)
{
  for (guint m = 0; m < PL_MASTERY_N_METHODS; m++)
    {
      PlMasteryMethod back;
      const char *name = pl_mastery_method_to_string (m);

      g_assert_nonnull (name);
      g_assert_true (pl_mastery_method_from_string (name, &back));
      g_assert_cmpint (back, ==, m);
      g_assert_nonnull (pl_mastery_method_describe (m));
      g_assert_cmpuint (strlen (pl_mastery_method_describe (m)), >, 10);
    }

  g_assert_cmpstr (pl_mastery_method_to_string (PL_MASTERY_DECAYING_AVERAGE), ==, "decaying-average");
  g_assert_cmpstr (pl_mastery_method_to_string (PL_MASTERY_POWER_LAW), ==, "power-law");
  {
    PlMasteryMethod m = PL_MASTERY_MEAN;

    g_assert_false (pl_mastery_method_from_string ("average", &m));
    g_assert_false (pl_mastery_method_from_string ("", &m));
    g_assert_false (pl_mastery_method_from_string (NULL, &m));
    g_assert_cmpint (m, ==, PL_MASTERY_MEAN);
  }
}

static void
test_mastery_defaults (void)
{
  PlMasterySpec spec;

  pl_mastery_spec_init_default (&spec, PL_MASTERY_DECAYING_AVERAGE);
  g_assert_cmpfloat (spec.param, ==, 65.0);
  g_assert_cmpfloat (spec.scale_max, ==, 4.0);
  pl_mastery_spec_init_default (&spec, PL_MASTERY_WEIGHTED_AVERAGE);
  g_assert_cmpfloat (spec.param, ==, 65.0);
  pl_mastery_spec_init_default (&spec, PL_MASTERY_N_MASTERY);
  g_assert_cmpfloat (spec.param, ==, 3.0);
  g_assert_cmpfloat (spec.mastery_level, ==, 3.0);
}

static void
test_mastery_simple_methods (void)
{
  g_assert_cmpfloat (rollup (PL_MASTERY_LATEST, S (1, 4, 2)), ==, 2.0);
  g_assert_cmpfloat (rollup (PL_MASTERY_HIGHEST, S (1, 4, 2)), ==, 4.0);
  g_assert_cmpfloat_with_epsilon (rollup (PL_MASTERY_MEAN, S (1, 4, 2)), 7.0 / 3.0, 1e-12);
  g_assert_cmpfloat (rollup (PL_MASTERY_MODE, S (1, 3, 3, 2)), ==, 3.0);
}

static void
test_mastery_mode_ties (void)
{
  /* Equally frequent scores: the highest of them wins, wherever it sits. */
  g_assert_cmpfloat (rollup (PL_MASTERY_MODE, S (3, 3, 1, 1)), ==, 3.0);
  g_assert_cmpfloat (rollup (PL_MASTERY_MODE, S (1, 1, 3, 3)), ==, 3.0);
  g_assert_cmpfloat (rollup (PL_MASTERY_MODE, S (4, 2, 1, 3)), ==, 4.0);
  g_assert_cmpfloat (rollup (PL_MASTERY_MODE, S (2.5, 1, 2.5, 4, 1)), ==, 2.5);
  /* A more frequent lower score beats a rarer higher one. */
  g_assert_cmpfloat (rollup (PL_MASTERY_MODE, S (1, 4, 1)), ==, 1.0);

  /* Long histories take another path through the code: same rules. */
  {
    double many[40];

    for (guint i = 0; i < 40; i++)
      many[i] = i % 8 < 3 ? 2.0 : i % 8 < 6 ? 3.0 : 1.0;  /* 15 x 2, 15 x 3, 10 x 1 */
    g_assert_cmpfloat (rollup (PL_MASTERY_MODE, many, 40), ==, 3.0);
    many[0] = 4.0;                                         /* now 14 x 2, 15 x 3 */
    g_assert_cmpfloat (rollup (PL_MASTERY_MODE, many, 40), ==, 3.0);
    many[3] = 2.0;
    many[4] = 2.0;                                         /* 16 x 2, 13 x 3 */
    g_assert_cmpfloat (rollup (PL_MASTERY_MODE, many, 40), ==, 2.0);
  }
}

static void
test_mastery_decaying_average (void)
{
  PlMasterySpec spec;
  double v;

  /* D1 = 2; D2 = 2 * 0.35 + 4 * 0.65 = 3.3; D3 = 3.3 * 0.35 + 1 * 0.65 = 1.805 */
  g_assert_cmpfloat_with_epsilon (rollup (PL_MASTERY_DECAYING_AVERAGE, S (2, 4, 1)), 1.805, 1e-12);

  pl_mastery_spec_init_default (&spec, PL_MASTERY_DECAYING_AVERAGE);
  spec.param = 100;
  g_assert_true (pl_mastery_rollup (&spec, S (2, 4, 1), &v));
  g_assert_cmpfloat (v, ==, 1.0);
  spec.param = 0;
  g_assert_true (pl_mastery_rollup (&spec, S (2, 4, 1), &v));
  g_assert_cmpfloat (v, ==, 2.0);
}

static void
test_mastery_weighted_average (void)
{
  PlMasterySpec spec;
  double v;

  /* 1 * 0.65 + mean (2, 4) * 0.35 = 0.65 + 1.05 */
  g_assert_cmpfloat_with_epsilon (rollup (PL_MASTERY_WEIGHTED_AVERAGE, S (2, 4, 1)), 1.7, 1e-12);
  g_assert_cmpfloat (rollup (PL_MASTERY_WEIGHTED_AVERAGE, S (3)), ==, 3.0);

  pl_mastery_spec_init_default (&spec, PL_MASTERY_WEIGHTED_AVERAGE);
  spec.param = 50;
  g_assert_true (pl_mastery_rollup (&spec, S (4, 2), &v));
  g_assert_cmpfloat (v, ==, 3.0);
}

static void
test_mastery_n_mastery (void)
{
  PlMasterySpec spec;
  double v;

  pl_mastery_spec_init_default (&spec, PL_MASTERY_N_MASTERY);
  /* Only two scores reach 3: not enough for n = 3. */
  g_assert_true (rollup_none (&spec, S (3, 4, 2, 1)));
  g_assert_true (pl_mastery_rollup (&spec, S (3, 4, 2, 3.5), &v));
  g_assert_cmpfloat_with_epsilon (v, 3.5, 1e-12);

  spec.param = 1;
  spec.mastery_level = 2;
  g_assert_true (pl_mastery_rollup (&spec, S (1, 2), &v));
  g_assert_cmpfloat (v, ==, 2.0);
  g_assert_true (rollup_none (&spec, S (1, 1.5)));
}

static void
test_mastery_power_law_examples (void)
{
  /* The examples in DESIGN.md, to two decimals. */
  g_assert_cmpfloat_with_epsilon (rollup (PL_MASTERY_POWER_LAW, S (1, 2, 3, 4)), 4.00, 0.005);
  g_assert_cmpfloat_with_epsilon (rollup (PL_MASTERY_POWER_LAW, S (1, 3, 2, 4)), 3.66, 0.005);
  g_assert_cmpfloat_with_epsilon (rollup (PL_MASTERY_POWER_LAW, S (2, 4, 1, 3)), 2.16, 0.005);
  g_assert_cmpfloat_with_epsilon (rollup (PL_MASTERY_POWER_LAW, S (4, 3, 2, 1)), 1.28, 0.005);
  /* And more precisely (the least squares solution). */
  g_assert_cmpfloat_with_epsilon (rollup (PL_MASTERY_POWER_LAW, S (1, 3, 2, 4)), 3.6567, 1e-4);
  /* Growth beyond the top of the scale is capped. */
  g_assert_cmpfloat (rollup (PL_MASTERY_POWER_LAW, S (1, 2, 4, 4)), ==, 4.0);
}

static void
test_mastery_power_law_zeros (void)
{
  double v;

  /* Zeros are raised to 1 % of the scale for the fit. */
  v = rollup (PL_MASTERY_POWER_LAW, S (0, 2, 3, 4));
  g_assert_true (isfinite (v));
  g_assert_cmpfloat (v, ==, 4.0);
  v = rollup (PL_MASTERY_POWER_LAW, S (3, 2, 1, 0));
  g_assert_true (isfinite (v));
  g_assert_cmpfloat (v, >=, 0.0);
  g_assert_cmpfloat (v, <, 1.0);
  /* Nothing but zeros: 0, not the floor. */
  g_assert_cmpfloat (rollup (PL_MASTERY_POWER_LAW, S (0, 0, 0)), ==, 0.0);
  g_assert_cmpfloat (rollup (PL_MASTERY_POWER_LAW, S (0)), ==, 0.0);
}

static void
test_mastery_one_score (void)
{
  for (guint m = 0; m < PL_MASTERY_N_METHODS; m++)
    {
      PlMasterySpec spec;
      double v = -1;

      pl_mastery_spec_init_default (&spec, m);
      if (m == PL_MASTERY_N_MASTERY)
        {
          g_assert_true (rollup_none (&spec, S (3.5)));
          spec.param = 1;
        }
      g_assert_true (pl_mastery_rollup (&spec, S (3.5), &v));
      g_assert_cmpfloat_with_epsilon (v, 3.5, 1e-12);
    }
}

static void
test_mastery_empty (void)
{
  for (guint m = 0; m < PL_MASTERY_N_METHODS; m++)
    {
      PlMasterySpec spec;

      pl_mastery_spec_init_default (&spec, m);
      g_assert_true (rollup_none (&spec, NULL, 0));
      /* Only unusable scores count as none too. */
      g_assert_true (rollup_none (&spec, S (NAN, INFINITY)));
    }
}

static void
test_mastery_zeros (void)
{
  for (guint m = 0; m < PL_MASTERY_N_METHODS; m++)
    {
      PlMasterySpec spec;
      double v = -1;

      pl_mastery_spec_init_default (&spec, m);
      if (m == PL_MASTERY_N_MASTERY)
        {
          g_assert_true (rollup_none (&spec, S (0, 0, 0, 0)));
          continue;
        }
      g_assert_true (pl_mastery_rollup (&spec, S (0, 0, 0, 0), &v));
      g_assert_cmpfloat (v, ==, 0.0);
    }
}

static void
test_mastery_above_scale (void)
{
  /* A 6 on a 4-point scale counts as 4; a negative score as 0. */
  g_assert_cmpfloat (rollup (PL_MASTERY_LATEST, S (2, 6)), ==, 4.0);
  g_assert_cmpfloat (rollup (PL_MASTERY_HIGHEST, S (2, 6)), ==, 4.0);
  g_assert_cmpfloat (rollup (PL_MASTERY_MEAN, S (2, 6)), ==, 3.0);
  g_assert_cmpfloat (rollup (PL_MASTERY_MEAN, S (-2, 2)), ==, 1.0);
  g_assert_cmpfloat (rollup (PL_MASTERY_MODE, S (5, 6, 1)), ==, 4.0);
  g_assert_cmpfloat (rollup (PL_MASTERY_POWER_LAW, S (6, 6)), ==, 4.0);

  for (guint m = 0; m < PL_MASTERY_N_METHODS; m++)
    {
      PlMasterySpec spec;
      double v = -1;

      pl_mastery_spec_init_default (&spec, m);
      g_assert_true (pl_mastery_rollup (&spec, S (9, 12, 7, 100), &v));
      g_assert_cmpfloat (v, ==, 4.0);
    }
}

static void
test_mastery_validate (void)
{
  PlMasterySpec spec;
  g_autoptr(GError) error = NULL;

  pl_mastery_spec_init_default (&spec, PL_MASTERY_DECAYING_AVERAGE);
  g_assert_true (pl_mastery_spec_validate (&spec, &error));
  g_assert_no_error (error);

  spec.param = 120;
  g_assert_false (pl_mastery_spec_validate (&spec, &error));
  g_assert_error (error, PL_MASTERY_ERROR, PL_MASTERY_ERROR_PARAM);
  g_clear_error (&error);

  pl_mastery_spec_init_default (&spec, PL_MASTERY_N_MASTERY);
  spec.param = 2.5;
  g_assert_false (pl_mastery_spec_validate (&spec, &error));
  g_assert_error (error, PL_MASTERY_ERROR, PL_MASTERY_ERROR_PARAM);
  g_clear_error (&error);

  pl_mastery_spec_init_default (&spec, PL_MASTERY_MEAN);
  spec.scale_max = 0;
  g_assert_false (pl_mastery_spec_validate (&spec, &error));
  g_assert_error (error, PL_MASTERY_ERROR, PL_MASTERY_ERROR_PARAM);
  g_clear_error (&error);

  spec.method = (PlMasteryMethod) 99;
  spec.scale_max = 4;
  g_assert_false (pl_mastery_spec_validate (&spec, &error));
  g_assert_error (error, PL_MASTERY_ERROR, PL_MASTERY_ERROR_METHOD);
}

static void
test_mastery_many (void)
{
  /* The bulk roll-up agrees with one cell at a time, including empty
   * cells and a cell longer than the stack buffer. */
  g_autofree double *scores = g_new (double, 400);
  guint32 offsets[] = { 0, 4, 4, 5, 9, 209, 400 };
  double values[6];
  guint8 has[6];

  for (guint i = 0; i < 400; i++)
    scores[i] = (i * 7 % 9) / 2.0;

  for (guint m = 0; m < PL_MASTERY_N_METHODS; m++)
    {
      PlMasterySpec spec;

      pl_mastery_spec_init_default (&spec, m);
      pl_mastery_rollup_many (&spec, scores, offsets, 6, values, has);
      for (guint c = 0; c < 6; c++)
        {
          double one = -1;
          gboolean ok = pl_mastery_rollup (&spec, scores + offsets[c],
                                           offsets[c + 1] - offsets[c], &one);

          g_assert_cmpint (has[c], ==, ok);
          g_assert_cmpfloat (values[c], ==, one);
        }
      g_assert_cmpint (has[1], ==, 0);
    }
}

/* By name, as the Gradebook and Insights call it: the parameter and the
 * mastery level apply when above 0, an unknown name gives no value. */
static void
test_mastery_named (void)
{
  const double scores[] = { 1, 3, 2, 4 };
  const double high[] = { 2, 3, 3, 4 };
  double v = -1;

  g_assert_true (pl_mastery_rollup_named ("power-law", 0, 0, scores, 4, &v));
  g_assert_cmpfloat_with_epsilon (v, 3.66, 0.005);
  g_assert_true (pl_mastery_rollup_named ("decaying-average", 0, 0, scores, 4, &v));
  g_assert_cmpfloat_with_epsilon (v, 3.34, 0.005);
  g_assert_true (pl_mastery_rollup_named ("decaying-average", 50, 0, scores, 4, &v));
  g_assert_cmpfloat_with_epsilon (v, 3.0, 0.005);
  /* n = 3 at level 3: three of 2,3,3,4 reach it; at level 4 only one. */
  g_assert_true (pl_mastery_rollup_named ("n-mastery", 3, 3, high, 4, &v));
  g_assert_cmpfloat_with_epsilon (v, 10.0 / 3.0, 0.005);
  g_assert_false (pl_mastery_rollup_named ("n-mastery", 3, 4, high, 4, &v));
  g_assert_false (pl_mastery_rollup_named ("average-of-everything", 0, 0, scores, 4, &v));
  g_assert_false (pl_mastery_rollup_named (NULL, 0, 0, scores, 4, &v));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mastery/names", test_mastery_names);
  g_test_add_func ("/mastery/defaults", test_mastery_defaults);
  g_test_add_func ("/mastery/simple-methods", test_mastery_simple_methods);
  g_test_add_func ("/mastery/mode-ties", test_mastery_mode_ties);
  g_test_add_func ("/mastery/decaying-average", test_mastery_decaying_average);
  g_test_add_func ("/mastery/weighted-average", test_mastery_weighted_average);
  g_test_add_func ("/mastery/n-mastery", test_mastery_n_mastery);
  g_test_add_func ("/mastery/power-law-examples", test_mastery_power_law_examples);
  g_test_add_func ("/mastery/power-law-zeros", test_mastery_power_law_zeros);
  g_test_add_func ("/mastery/one-score", test_mastery_one_score);
  g_test_add_func ("/mastery/empty", test_mastery_empty);
  g_test_add_func ("/mastery/zeros", test_mastery_zeros);
  g_test_add_func ("/mastery/above-scale", test_mastery_above_scale);
  g_test_add_func ("/mastery/validate", test_mastery_validate);
  g_test_add_func ("/mastery/many", test_mastery_many);
  g_test_add_func ("/mastery/named", test_mastery_named);

  return g_test_run ();
}
