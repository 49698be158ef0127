/* test-gradebook.c — cells rolled up per learner × standard with the class's method
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "core/pl-core.h"
#include "core/pl-store-evidence.h"
#include "core/pl-store-gradebook.h"
#include "core/pl-store-rubrics.h"
#include "core/pl-store-scoring.h"
#include "engine/pl-mastery.h"
#include "gradebook-test-util.h"

/* The engine's roll-up, as the window and the command line pass it. */
static gboolean
engine_rollup (const char   *method,
               double        param,
               double        mastery_level,
               const double *scores,
               gsize         n_scores,
               double       *out_value,
               gpointer      user_data)
{
  PlMasteryMethod m;
  PlMasterySpec spec;

  if (!pl_mastery_method_from_string (method, &m))
    return FALSE;
  pl_mastery_spec_init_default (&spec, m);
  if (param > 0)
    spec.param = param;
  if (mastery_level > 0)
    spec.mastery_level = mastery_level;
  return pl_mastery_rollup (&spec, scores, n_scores, out_value);
}

/* Adds evidence for LEARNER on STANDARD: SCORES[i] assessed on day
 * DAYS[i] of March, written in the order given (not the assessed order). */
static void
add_scores (Fixture      *f,
            guint         learner,
            guint         standard,
            const double *scores,
            const guint  *days,
            gsize         n,
            double        scale_max)
{
  g_autoptr(GError) error = NULL;
  g_autofree PlEvidenceRow *rows = g_new0 (PlEvidenceRow, n);
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);

  for (gsize i = 0; i < n; i++)
    {
      char *date = g_strdup_printf ("2026-03-%02uT10:00:00Z", days[i]);

      g_ptr_array_add (dates, date);
      rows[i] = (PlEvidenceRow) {
        .learner_uuid = f->learners[learner], .standard_uuid = f->standards[standard],
        .score = scores[i], .scale_max = scale_max, .assessed_at = date,
        .comment = i == 0 ? "first try" : NULL,
      };
    }
  g_assert_true (pl_store_add_evidence (f->store, rows, n, &error));
  g_assert_no_error (error);
}

static PlGradebook *
load (Fixture    *f,
      const char *default_method)
{
  g_autoptr(GError) error = NULL;
  PlGradebook *gb = pl_store_load_gradebook (f->store, f->classroom, default_method, 0,
                                             engine_rollup, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (gb);
  return gb;
}

static double
cell_value (PlGradebook *gb,
            guint        learner,
            guint        standard)
{
  const PlGradebookCell *cell = pl_gradebook_get_cell (gb, learner, standard);

  g_assert_true (cell->flags & PL_GRADEBOOK_CELL_HAS_VALUE);
  return cell->value;
}

/* Learners sort by family name: Hopper (Grace) 0, Lovelace (Ada) 1,
 * Turing (Alan) 2. */
enum { GRACE_ROW, ADA_ROW, ALAN_ROW };

static void
test_methods_in_assessed_order (Fixture       *f,
                                gconstpointer  data)
{
  static const struct
  {
    double scores[4];   /* in assessed order */
    double power_law;
  } examples[] = {
    { { 1, 2, 3, 4 }, 4.00 },
    { { 1, 3, 2, 4 }, 3.66 },
    { { 2, 4, 1, 3 }, 2.16 },
    { { 4, 3, 2, 1 }, 1.28 },
  };

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(PlGradebook) gb = NULL;
      /* Typed in the reverse of the order they were assessed in. */
      double typed[4];
      guint days[4];

      fixture_tear_down (f, NULL);
      fixture_set_up (f, NULL);
      for (guint i = 0; i < 4; i++)
        {
          typed[i] = examples[e].scores[3 - i];
          days[i] = 20 - i;
        }
      add_scores (f, 0, 0, typed, days, 4, 4);

      gb = load (f, "power-law");
      g_assert_cmpstr (gb->class_method, ==, "power-law");
      g_assert_true (gb->class_method_is_default);
      g_assert_cmpstr (gb->learner_names[ADA_ROW], ==, "Ada Lovelace");
      g_assert_cmpfloat_with_epsilon (cell_value (gb, ADA_ROW, 0), examples[e].power_law, 0.005);
      g_assert_cmpuint (pl_gradebook_get_cell (gb, ADA_ROW, 0)->n_evidence, ==, 4);
      /* No evidence, no value: never a zero that looks like a score. */
      g_assert_false (pl_gradebook_get_cell (gb, GRACE_ROW, 0)->flags & PL_GRADEBOOK_CELL_HAS_VALUE);
      g_assert_false (pl_gradebook_get_cell (gb, ADA_ROW, 1)->flags & PL_GRADEBOOK_CELL_HAS_VALUE);
      {
        const double *scores;
        const gint64 *dates;
        gsize n;

        pl_gradebook_get_scores (gb, ADA_ROW, 0, &scores, &dates, &n);
        g_assert_cmpuint (n, ==, 4);
        for (guint i = 0; i < 4; i++)
          g_assert_cmpfloat (scores[i], ==, examples[e].scores[i]);
        g_assert_cmpint (dates[0], <, dates[3]);
      }
    }
}

static void
test_class_and_standard_methods (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const double scores[] = { 1, 4, 2, 2 };
  const guint days[] = { 1, 2, 3, 4 };
  static const struct
  {
    const char *method;
    double      param;
    double      expected;
  } cases[] = {
    { "latest", 0, 2 },
    { "highest", 0, 4 },
    { "mean", 0, 2.25 },
    { "mode", 0, 2 },
    /* D1 = 1, D2 = 1*.35 + 4*.65 = 2.95, D3 = 2.95*.35 + 2*.65 = 2.3325, D4 = 2.116375 */
    { "decaying-average", 0, 2.116375 },
    /* 2*.65 + mean(1,4,2)*.35 = 1.3 + 0.816667 */
    { "weighted-average", 0, 2.116667 },
    { "weighted-average", 50, 2.166667 },
  };

  add_scores (f, 0, 0, scores, days, 4, 4);
  add_scores (f, 0, 1, scores, days, 4, 4);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PlGradebook) gb = NULL;

      g_assert_true (pl_store_set_class_method (f->store, f->classroom, cases[i].method,
                                                cases[i].param, &error));
      g_assert_no_error (error);
      gb = load (f, "latest");
      g_assert_false (gb->class_method_is_default);
      g_assert_cmpstr (gb->standard_methods[0], ==, cases[i].method);
      g_assert_cmpfloat_with_epsilon (cell_value (gb, ADA_ROW, 0), cases[i].expected, 1e-5);
    }

  /* n-mastery: fewer than 3 scores at or above 3, so no value. */
  g_assert_true (pl_store_set_class_method (f->store, f->classroom, "n-mastery", 0, &error));
  {
    g_autoptr(PlGradebook) gb = load (f, "latest");

    g_assert_false (pl_gradebook_get_cell (gb, ADA_ROW, 0)->flags & PL_GRADEBOOK_CELL_HAS_VALUE);
    g_assert_cmpuint (pl_gradebook_get_cell (gb, ADA_ROW, 0)->n_evidence, ==, 4);
  }

  /* n-mastery with its own mastery level: scores 1, 4, 2, 2 have three
   * at or above 2, whose mean is 8/3; at 3 only one. */
  g_assert_true (pl_store_set_class_method_full (f->store, f->classroom, "n-mastery", 3, 2, &error));
  g_assert_no_error (error);
  {
    g_autoptr(PlGradebook) gb = load (f, "latest");

    g_assert_cmpfloat (gb->class_mastery_level, ==, 2);
    g_assert_cmpfloat_with_epsilon (cell_value (gb, ADA_ROW, 0), 8.0 / 3, 1e-9);
  }
  /* One standard asks for two scores at 4: only one, so no value there. */
  g_assert_true (pl_store_set_standard_method_full (f->store, f->classroom, f->standards[1],
                                                    "n-mastery", 2, 4, &error));
  {
    g_autoptr(PlGradebook) gb = load (f, "latest");

    g_assert_cmpfloat (gb->standard_mastery_levels[1], ==, 4);
    g_assert_cmpfloat (gb->standard_params[1], ==, 2);
    g_assert_false (pl_gradebook_get_cell (gb, ADA_ROW, 1)->flags & PL_GRADEBOOK_CELL_HAS_VALUE);
    g_assert_cmpfloat_with_epsilon (cell_value (gb, ADA_ROW, 0), 8.0 / 3, 1e-9);
  }
  g_assert_true (pl_store_set_standard_method_full (f->store, f->classroom, f->standards[1],
                                                    "n-mastery", 1, 4, &error));
  {
    g_autoptr(PlGradebook) gb = load (f, "latest");

    g_assert_cmpfloat (cell_value (gb, ADA_ROW, 1), ==, 4);
  }
  /* A mastery level off the scale is refused. */
  g_assert_false (pl_store_set_class_method_full (f->store, f->classroom, "n-mastery", 3, 5, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "mastery level"));
  g_clear_error (&error);
  g_assert_true (pl_store_set_standard_method (f->store, f->classroom, f->standards[1], NULL, 0, &error));
  {
    g_autofree char *a = pl_gradebook_method_describe ("n-mastery", 2, 3.5);
    g_autofree char *b = pl_gradebook_method_describe ("decaying-average", 0, 0);
    g_autofree char *c = pl_gradebook_method_describe ("weighted-average", 80, 0);
    g_autofree char *d = pl_gradebook_method_describe ("power-law", 0, 0);

    g_assert_cmpstr (a, ==, "N-mastery (2 scores at 3.5 or above)");
    g_assert_cmpstr (b, ==, "Decaying average (newest 65 %)");
    g_assert_cmpstr (c, ==, "Weighted average (latest 80 %)");
    g_assert_cmpstr (d, ==, "Power law");
  }

  /* One standard follows its own method; the other keeps the class's. */
  g_assert_true (pl_store_set_class_method (f->store, f->classroom, "mean", 0, &error));
  g_assert_true (pl_store_set_standard_method (f->store, f->classroom, f->standards[1],
                                               "highest", 0, &error));
  g_assert_no_error (error);
  {
    g_autoptr(PlGradebook) gb = load (f, "latest");

    g_assert_false (gb->standard_method_overridden[0]);
    g_assert_true (gb->standard_method_overridden[1]);
    g_assert_cmpfloat_with_epsilon (cell_value (gb, ADA_ROW, 0), 2.25, 1e-9);
    g_assert_cmpfloat (cell_value (gb, ADA_ROW, 1), ==, 4);
  }
  g_assert_true (pl_store_set_standard_method (f->store, f->classroom, f->standards[1], NULL, 0, &error));
  {
    g_autoptr(PlGradebook) gb = load (f, "latest");

    g_assert_false (gb->standard_method_overridden[1]);
    g_assert_cmpfloat_with_epsilon (cell_value (gb, ADA_ROW, 1), 2.25, 1e-9);
  }

  /* Unknown methods and out-of-range params change nothing. */
  g_assert_false (pl_store_set_class_method (f->store, f->classroom, "average-of-everything", 0, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pl_store_set_standard_method (f->store, f->classroom, f->standards[0],
                                                "decaying-average", 150, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pl_store_set_standard_method (f->store, f->classroom, "nope", "mean", 0, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(PlGradebook) gb = load (f, "latest");

    g_assert_cmpstr (gb->class_method, ==, "mean");
    g_assert_false (gb->standard_method_overridden[0]);
  }
}

static void
test_edge_cases (Fixture       *f,
                 gconstpointer  data)
{
  const double one[] = { 3 };
  const double zeros[] = { 0, 0 };
  const double above[] = { 9, 2 };   /* above the scale counts as its top */
  const double tie[] = { 1, 1, 3, 3 };
  const double six_point[] = { 3, 6 };
  const guint days[] = { 1, 2, 3, 4 };
  g_autoptr(PlGradebook) gb = NULL;

  add_scores (f, 0, 0, one, days, 1, 4);
  add_scores (f, 1, 0, zeros, days, 2, 4);
  add_scores (f, 2, 0, above, days, 2, 4);
  add_scores (f, 0, 1, tie, days, 4, 4);
  /* A rubric worth 6 points: 3/6 is 2 on the gradebook's scale. */
  add_scores (f, 1, 1, six_point, days, 2, 6);

  gb = load (f, "highest");
  g_assert_cmpfloat (cell_value (gb, ADA_ROW, 0), ==, 3);
  g_assert_cmpfloat (cell_value (gb, GRACE_ROW, 0), ==, 0);
  g_assert_cmpfloat (cell_value (gb, ALAN_ROW, 0), ==, 4);
  g_assert_cmpfloat (cell_value (gb, GRACE_ROW, 1), ==, 4);
  g_clear_pointer (&gb, pl_gradebook_free);

  gb = load (f, "mode");
  /* A tie between 1 and 3: the higher wins. */
  g_assert_cmpfloat (cell_value (gb, ADA_ROW, 1), ==, 3);
  g_clear_pointer (&gb, pl_gradebook_free);

  gb = load (f, "mean");
  g_assert_cmpfloat (cell_value (gb, GRACE_ROW, 1), ==, 3);   /* (2 + 4) / 2 */
  g_assert_cmpfloat (cell_value (gb, ALAN_ROW, 0), ==, 3);    /* (4 + 2) / 2 */
}

static void
test_overrides_are_never_silent (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlGradeOverride) row = NULL;
  const double scores[] = { 1, 2 };
  const guint days[] = { 1, 2 };
  guint before;

  add_scores (f, 0, 0, scores, days, 2, 4);
  before = pl_store_count (f->store, "grade_override", TRUE);

  g_assert_null (pl_store_set_grade_override (f->store, f->classroom, f->learners[0], f->standards[0],
                                              3, "   ", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "reason"));
  g_clear_error (&error);
  g_assert_null (pl_store_set_grade_override (f->store, f->classroom, f->learners[0], f->standards[0],
                                              7, "Oral exam", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (pl_store_count (f->store, "grade_override", TRUE), ==, before);

  row = pl_store_set_grade_override (f->store, f->classroom, f->learners[0], f->standards[0],
                                     3, " Showed it in an oral exam ", &error);
  g_assert_no_error (error);
  {
    g_autoptr(PlGradebook) gb = load (f, "latest");
    const PlGradebookCell *cell = pl_gradebook_get_cell (gb, ADA_ROW, 0);

    g_assert_true (cell->flags & PL_GRADEBOOK_CELL_OVERRIDDEN);
    g_assert_cmpfloat (cell->value, ==, 3);
    /* The evidence's own value stays visible next to the override. */
    g_assert_cmpfloat (cell->computed, ==, 2);
    g_assert_cmpstr (cell->override_reason, ==, "Showed it in an oral exam");
  }

  /* Setting it again supersedes it: the first reason stays on record. */
  {
    g_autofree char *first_uuid = g_strdup (pl_record_get_uuid (PL_RECORD (row)));

    g_clear_object (&row);
    row = pl_store_set_grade_override (f->store, f->classroom, f->learners[0], f->standards[0],
                                       4, "Portfolio", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (pl_store_count (f->store, "grade_override", TRUE), ==, before + 2);
    g_assert_cmpstr (pl_record_get_string (PL_RECORD (row), "supersedes_uuid"), ==, first_uuid);
    g_assert_nonnull (pl_record_get_string (PL_RECORD (row), "set_at"));
  }
  {
    g_autoptr(PlGradebook) gb = load (f, "latest");
    const PlGradebookCell *cell = pl_gradebook_get_cell (gb, ADA_ROW, 0);

    g_assert_cmpfloat (cell->value, ==, 4);
    g_assert_cmpstr (cell->override_reason, ==, "Portfolio");
    g_assert_cmpuint (strlen (cell->override_set_on), ==, 10);
  }

  g_assert_true (pl_store_clear_grade_override (f->store, f->classroom, f->learners[0], f->standards[0], &error));
  {
    g_autoptr(PlGradebook) gb = load (f, "latest");
    const PlGradebookCell *cell = pl_gradebook_get_cell (gb, ADA_ROW, 0);

    g_assert_false (cell->flags & PL_GRADEBOOK_CELL_OVERRIDDEN);
    g_assert_cmpfloat (cell->value, ==, 2);
    g_assert_null (cell->override_reason);
  }
  /* Clearing twice records nothing more. */
  g_assert_true (pl_store_clear_grade_override (f->store, f->classroom, f->learners[0], f->standards[0], &error));
  {
    g_autoptr(GListModel) history = pl_store_list_cell_overrides (f->store, f->classroom, f->learners[0],
                                                                  f->standards[0], &error);
    g_autoptr(PlRecord) a = NULL;
    g_autoptr(PlRecord) b = NULL;
    g_autoptr(PlRecord) c = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (history), ==, 3);
    a = g_list_model_get_item (history, 0);
    b = g_list_model_get_item (history, 1);
    c = g_list_model_get_item (history, 2);
    g_assert_cmpstr (pl_record_get_string (a, "reason"), ==, "Showed it in an oral exam");
    g_assert_cmpstr (pl_record_get_string (b, "reason"), ==, "Portfolio");
    g_assert_true (pl_record_get_boolean (c, "removed"));
    g_assert_false (pl_record_get_boolean (b, "removed"));
  }
  /* A new override after the removal is in force again. */
  g_clear_object (&row);
  row = pl_store_set_grade_override (f->store, f->classroom, f->learners[0], f->standards[0],
                                     1, "Copied work", &error);
  {
    g_autoptr(PlGradebook) gb = load (f, "latest");

    g_assert_cmpfloat (pl_gradebook_get_cell (gb, ADA_ROW, 0)->value, ==, 1);
  }
}

static void
test_rubric_evidence_and_corrections (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRubric) rubric = pl_store_create_rubric (f->store, f->classroom, "Lab", &error);
  const char *r = pl_record_get_uuid (PL_RECORD (rubric));
  g_autoptr(PlCriterion) a = pl_store_add_criterion (f->store, r, "Hypothesis", f->standards[0], &error);
  g_autoptr(GListModel) levels = pl_store_list_levels (f->store, r, &error);
  g_autoptr(PlRecord) beginning = g_list_model_get_item (levels, 0);
  g_autoptr(PlRecord) proficient = g_list_model_get_item (levels, 2);
  g_autoptr(GListModel) evidence = NULL;
  PlRubricScore first = { pl_record_get_uuid (PL_RECORD (a)), pl_record_get_uuid (beginning), NAN, "Mixed up variables" };
  PlRubricScore fixed = { pl_record_get_uuid (PL_RECORD (a)), pl_record_get_uuid (proficient), NAN, "Misread: it is clear" };

  g_assert_true (pl_store_score_rubric (f->store, r, f->learners[0], "milestone", "m-1", "2026-03-05",
                                        &first, 1, &error));
  g_assert_true (pl_store_score_rubric (f->store, r, f->learners[0], "milestone", "m-1", "2026-03-05",
                                        &fixed, 1, &error));
  g_assert_no_error (error);
  {
    g_autoptr(PlGradebook) gb = load (f, "mean");

    /* Only the correction counts. */
    g_assert_cmpuint (pl_gradebook_get_cell (gb, ADA_ROW, 0)->n_evidence, ==, 1);
    g_assert_cmpfloat (cell_value (gb, ADA_ROW, 0), ==, 3);
  }
  evidence = pl_store_list_cell_evidence (f->store, f->learners[0], f->standards[0], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, 1);
  {
    g_autoptr(PlRecord) e = g_list_model_get_item (evidence, 0);

    g_assert_cmpstr (pl_record_get_string (e, "comment"), ==, "Misread: it is clear");
    g_assert_cmpstr (pl_record_get_string (e, "source"), ==, "milestone");
  }
}

static void
test_course_grade (Fixture       *f,
                   gconstpointer  data)
{
  const double high[] = { 3 };
  const double low[] = { 1 };
  const guint days[] = { 1 };
  g_autoptr(PlGradebook) gb = NULL;
  g_autofree char *grade = NULL;
  g_autofree char *why = NULL;

  add_scores (f, 0, 0, high, days, 1, 4);
  add_scores (f, 0, 1, low, days, 1, 4);
  gb = load (f, "latest");
  grade = pl_gradebook_course_grade (gb, ADA_ROW, &why);
  /* 1 of 2 at Proficient: 50 % is a D. */
  g_assert_cmpstr (grade, ==, "D");
  g_assert_nonnull (strstr (why, "1 of 2"));
  g_assert_nonnull (strstr (why, "50 %"));
  g_assert_null (pl_gradebook_course_grade (gb, GRACE_ROW, NULL));
  g_assert_nonnull (strstr (pl_gradebook_course_grade_rule (), "Proficient"));
  g_assert_cmpstr (pl_gradebook_level_name (3.2), ==, "Proficient");
  g_assert_cmpstr (pl_gradebook_level_name (3.5), ==, "Exceeding");
}

static void
test_refuses_bad_arguments (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (pl_store_load_gradebook (f->store, f->classroom, "average", 0, engine_rollup, NULL, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (pl_store_load_gradebook (f->store, "no-such-class", "mean", 0, engine_rollup, NULL, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
}

/* Writes one score of ADA on SCI.1 assessed at AT, as its own write, so
 * each is recorded after the previous one. */
static void
add_one (Fixture    *f,
         double      score,
         const char *at)
{
  g_autoptr(GError) error = NULL;
  PlEvidenceRow row = {
    .learner_uuid = f->learners[0], .standard_uuid = f->standards[0],
    .score = score, .scale_max = 4, .assessed_at = at,
  };

  g_assert_true (pl_store_add_evidence (f->store, &row, 1, &error));
  g_assert_no_error (error);
}

static void
assert_series (Fixture      *f,
               const double *expected,
               gsize         n_expected)
{
  g_autoptr(PlGradebook) gb = load (f, "latest");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) cell = NULL;
  const double *scores;
  gsize n;

  pl_gradebook_get_scores (gb, ADA_ROW, 0, &scores, NULL, &n);
  g_assert_cmpuint (n, ==, n_expected);
  for (gsize i = 0; i < n; i++)
    g_assert_cmpfloat (scores[i], ==, expected[i]);
  g_assert_cmpfloat (cell_value (gb, ADA_ROW, 0), ==, expected[n_expected - 1]);
  /* The cell's popover lists the evidence in the same order. */
  cell = pl_store_list_cell_evidence (f->store, f->learners[0], f->standards[0], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cell), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      g_autoptr(PlRecord) e = g_list_model_get_item (cell, i);

      g_assert_cmpfloat (pl_record_get_double (e, "score"), ==, expected[i]);
    }
}

/* The assessed date orders evidence, whatever order it was typed in and
 * whatever format its date came in; scores of one day count in the order
 * they were recorded, never by their random uuids. */
static void
test_same_day_and_mixed_dates (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = NULL;

  /* Typed last, assessed first: a time of day late in the day must not
   * put it after a later day written without one. */
  add_one (f, 2, "2026-12-02");
  add_one (f, 1, "2026-12-01T23:48:00Z");
  {
    static const double expected[] = { 1, 2 };

    assert_series (f, expected, G_N_ELEMENTS (expected));
  }

  /* Three scores on one day, in three formats: recording order decides,
   * not the time of day one of them carries nor the uuids. */
  add_one (f, 4, "2026-12-03T16:00:00Z");
  add_one (f, 3, "2026-12-03");
  add_one (f, 1, "2026-12-03 08:15:00");
  {
    static const double expected[] = { 1, 2, 4, 3, 1 };

    assert_series (f, expected, G_N_ELEMENTS (expected));
  }

  /* Many same-day scores: any uuid order would show. */
  for (guint i = 0; i < 20; i++)
    add_one (f, (double) (i % 4) + 1, "2026-12-04");
  {
    double expected[25] = { 1, 2, 4, 3, 1 };

    for (guint i = 0; i < 20; i++)
      expected[5 + i] = (double) (i % 4) + 1;
    assert_series (f, expected, G_N_ELEMENTS (expected));
  }

  /* What the store wrote is one format: the date. */
  rows = pl_store_list_where (f->store, PL_TYPE_EVIDENCE, "learner_uuid", f->learners[0], &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PlRecord) e = g_list_model_get_item (rows, i);

      g_assert_cmpuint (strlen (pl_record_get_string (e, "assessed_at")), ==, 10);
    }
}

static void
test_normalize_date (Fixture       *f,
                     gconstpointer  data)
{
  static const struct { const char *in, *out; } cases[] = {
    { "2026-12-01", "2026-12-01" },
    { "2026-12-01T14:48:00Z", "2026-12-01" },
    { "2026-12-01T23:30:00+02:00", "2026-12-01" },
    { "2026-12-01 09:00:00", "2026-12-01" },
    { "2024-02-29", "2024-02-29" },
    { "2026-02-29", NULL },
    { "2026-13-01", NULL },
    { "2026-1-01", NULL },
    { "01/12/2026", NULL },
    { "2026-12-01Tnoon", NULL },
    { "2026-12-01x", NULL },
    { "", NULL },
  };
  g_autoptr(GError) error = NULL;
  PlEvidenceRow row = {
    .learner_uuid = f->learners[0], .standard_uuid = f->standards[0], .score = 3,
    .assessed_at = "2026-02-30",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = pl_evidence_normalize_date (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
  /* A bad date is refused, naming the row and the field; nothing is written. */
  g_assert_false (pl_store_add_evidence (f->store, &row, 1, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "row 1"));
  g_assert_nonnull (strstr (error->message, "assessed_at"));
  g_assert_cmpuint (pl_store_count (f->store, "evidence", TRUE), ==, 0);
}

/* The work the scoring window lists: picks on this class's boards only,
 * then its units' milestones, with the day each was handed in. */
static void
test_scoring_work (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) units = pl_store_list_where (f->store, PL_TYPE_UNIT, "classroom_uuid", f->classroom, &error);
  g_autoptr(PlRecord) unit = g_list_model_get_item (units, 0);
  g_autofree char *other_class = save_new (f->store, PL_TYPE_CLASSROOM, "name", "Art", NULL);
  g_autofree char *board = save_new (f->store, PL_TYPE_BOARD, "unit_uuid", pl_record_get_uuid (unit),
                                     "title", "Cells board", NULL);
  g_autofree char *other_board = save_new (f->store, PL_TYPE_BOARD, "classroom_uuid", other_class,
                                           "title", "Art board", NULL);
  g_autofree char *option = save_new (f->store, PL_TYPE_CHOICE_OPTION, "board_uuid", board,
                                      "title", "Build a model", NULL);
  g_autofree char *other_option = save_new (f->store, PL_TYPE_CHOICE_OPTION, "board_uuid", other_board,
                                            "title", "Paint", NULL);
  g_autofree char *pick = save_new (f->store, PL_TYPE_PICK, "learner_uuid", f->learners[0],
                                    "option_uuid", option, "status", "submitted",
                                    "status_at", "2026-03-04T13:05:00Z", NULL);
  g_autofree char *other_pick = save_new (f->store, PL_TYPE_PICK, "learner_uuid", f->learners[0],
                                          "option_uuid", other_option, "status", "submitted", NULL);
  g_autofree char *milestone = save_new (f->store, PL_TYPE_MILESTONE, "unit_uuid", pl_record_get_uuid (unit),
                                         "title", "Draft", "due_on", "2026-03-10", NULL);
  g_autofree char *progress = save_new (f->store, PL_TYPE_MILESTONE_PROGRESS, "learner_uuid", f->learners[0],
                                        "milestone_uuid", milestone, "status", "done",
                                        "done_on", "2026-03-09", NULL);
  g_autoptr(GArray) works = pl_store_list_scoring_work (f->store, f->classroom, f->learners[0], &error);
  g_autoptr(GArray) grace = pl_store_list_scoring_work (f->store, f->classroom, f->learners[1], &error);
  const PlScoringWork *w;

  g_assert_no_error (error);
  g_assert_cmpuint (works->len, ==, 2);
  w = &g_array_index (works, PlScoringWork, 0);
  g_assert_cmpstr (w->source, ==, "pick");
  g_assert_cmpstr (w->uuid, ==, pick);
  g_assert_cmpstr (w->work_key, ==, option);
  g_assert_cmpstr (w->title, ==, "Build a model");
  g_assert_cmpstr (w->submitted_on, ==, "2026-03-04");
  w = &g_array_index (works, PlScoringWork, 1);
  g_assert_cmpstr (w->source, ==, "milestone");
  g_assert_cmpstr (w->uuid, ==, milestone);
  g_assert_cmpstr (w->work_key, ==, milestone);
  g_assert_cmpstr (w->submitted_on, ==, "2026-03-09");
  g_assert_cmpstr (w->due_on, ==, "2026-03-10");
  /* Another learner: the same milestone, not yet done; no picks. */
  g_assert_cmpuint (grace->len, ==, 1);
  g_assert_cmpstr (g_array_index (grace, PlScoringWork, 0).work_key, ==, milestone);
  g_assert_null (g_array_index (grace, PlScoringWork, 0).submitted_on);
  (void) other_pick;
  (void) progress;
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gradebook/assessed-order", test_methods_in_assessed_order);
  ADD ("/gradebook/same-day-and-mixed-dates", test_same_day_and_mixed_dates);
  ADD ("/gradebook/normalize-date", test_normalize_date);
  ADD ("/gradebook/scoring-work", test_scoring_work);
  ADD ("/gradebook/methods", test_class_and_standard_methods);
  ADD ("/gradebook/edge-cases", test_edge_cases);
  ADD ("/gradebook/overrides", test_overrides_are_never_silent);
  ADD ("/gradebook/rubric-evidence", test_rubric_evidence_and_corrections);
  ADD ("/gradebook/course-grade", test_course_grade);
  ADD ("/gradebook/bad-arguments", test_refuses_bad_arguments);
#undef ADD

  return g_test_run ();
}
