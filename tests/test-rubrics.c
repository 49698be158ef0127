/* test-rubrics.c — rubrics, criteria, levels, descriptors, templates, scoring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "core/pl-core.h"
#include "core/pl-demo.h"
#include "core/pl-store-rubrics.h"
#include "gradebook-test-util.h"

static const char *
title_at (GListModel *model,
          guint       i)
{
  g_autoptr(PlRecord) record = g_list_model_get_item (model, i);

  /* The model keeps the record alive. */
  return pl_record_get_string (record, "title");
}

static void
test_default_levels (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRubric) rubric = NULL;
  g_autoptr(GListModel) levels = NULL;
  static const char *titles[] = { "Beginning", "Developing", "Proficient", "Exceeding" };

  g_assert_null (pl_store_create_rubric (f->store, f->classroom, "  ", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (pl_store_count (f->store, "rubric", TRUE), ==, 0);

  rubric = pl_store_create_rubric (f->store, f->classroom, "Cell model", &error);
  g_assert_no_error (error);
  levels = pl_store_list_levels (f->store, pl_record_get_uuid (PL_RECORD (rubric)), &error);
  g_assert_cmpuint (g_list_model_get_n_items (levels), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(PlRecord) level = g_list_model_get_item (levels, i);

      g_assert_cmpstr (pl_record_get_string (level, "title"), ==, titles[i]);
      g_assert_cmpfloat (pl_record_get_double (level, "points"), ==, i + 1);
      g_assert_false (pl_rubric_level_get_range (PL_RUBRIC_LEVEL (level), NULL, NULL));
    }
}

static void
test_reorder_and_remove (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRubric) rubric = pl_store_create_rubric (f->store, f->classroom, "Lab", &error);
  const char *r = pl_record_get_uuid (PL_RECORD (rubric));
  g_autoptr(PlCriterion) a = pl_store_add_criterion (f->store, r, "Hypothesis", f->standards[0], &error);
  g_autoptr(PlCriterion) b = pl_store_add_criterion (f->store, r, "Method", f->standards[1], &error);
  g_autoptr(PlCriterion) c = pl_store_add_criterion (f->store, r, "Conclusion", NULL, &error);
  g_autoptr(GListModel) criteria = NULL;
  g_autoptr(GListModel) levels = NULL;

  g_assert_no_error (error);
  g_assert_null (pl_store_add_criterion (f->store, r, "Data", "no-such-standard", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The last criterion to the top, as Alt+Up twice would. */
  g_assert_true (pl_store_move_criterion (f->store, pl_record_get_uuid (PL_RECORD (c)), 0, &error));
  g_assert_no_error (error);
  criteria = pl_store_list_criteria (f->store, r, &error);
  g_assert_cmpstr (title_at (criteria, 0), ==, "Conclusion");
  g_assert_cmpstr (title_at (criteria, 1), ==, "Hypothesis");
  g_assert_cmpstr (title_at (criteria, 2), ==, "Method");
  g_clear_object (&criteria);

  /* Beyond the end clamps to the last place. */
  g_assert_true (pl_store_move_criterion (f->store, pl_record_get_uuid (PL_RECORD (c)), 99, &error));
  criteria = pl_store_list_criteria (f->store, r, &error);
  g_assert_cmpstr (title_at (criteria, 2), ==, "Conclusion");
  g_clear_object (&criteria);

  g_assert_true (pl_store_remove_criterion (f->store, a, &error));
  criteria = pl_store_list_criteria (f->store, r, &error);
  g_assert_cmpuint (g_list_model_get_n_items (criteria), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PlRecord) item = g_list_model_get_item (criteria, i);

      g_assert_cmpint (pl_record_get_int (item, "position"), ==, i);
    }

  levels = pl_store_list_levels (f->store, r, &error);
  {
    g_autoptr(PlRecord) exceeding = g_list_model_get_item (levels, 3);

    g_assert_true (pl_store_move_level (f->store, pl_record_get_uuid (exceeding), 0, &error));
  }
  g_clear_object (&levels);
  levels = pl_store_list_levels (f->store, r, &error);
  g_assert_cmpstr (title_at (levels, 0), ==, "Exceeding");
  g_assert_cmpstr (title_at (levels, 1), ==, "Beginning");
  g_assert_false (pl_store_move_level (f->store, "no-such-level", 0, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
}

static void
test_descriptors_ranges_duplicate (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRubric) rubric = pl_store_create_rubric (f->store, f->classroom, "Essay", &error);
  g_autoptr(PlRubric) other = pl_store_create_rubric (f->store, f->classroom, "Other", &error);
  const char *r = pl_record_get_uuid (PL_RECORD (rubric));
  g_autoptr(PlCriterion) claim = pl_store_add_criterion (f->store, r, "Claim", f->standards[0], &error);
  g_autoptr(GListModel) levels = pl_store_list_levels (f->store, r, &error);
  g_autoptr(GListModel) other_levels = pl_store_list_levels (f->store, pl_record_get_uuid (PL_RECORD (other)), &error);
  g_autoptr(PlRubricLevel) proficient = g_list_model_get_item (levels, 2);
  g_autoptr(PlRecord) foreign = g_list_model_get_item (other_levels, 0);
  g_autoptr(PlRubric) copy = NULL;
  g_autoptr(GListModel) copy_criteria = NULL;
  g_autoptr(GListModel) copy_levels = NULL;
  g_autofree char *body = NULL;
  g_autofree char *copied = NULL;
  double lo, hi;
  const char *claim_uuid = pl_record_get_uuid (PL_RECORD (claim));

  g_assert_no_error (error);
  body = pl_store_get_descriptor (f->store, claim_uuid, pl_record_get_uuid (PL_RECORD (proficient)));
  g_assert_cmpstr (body, ==, "");
  g_clear_pointer (&body, g_free);
  g_assert_true (pl_store_set_descriptor (f->store, claim_uuid, pl_record_get_uuid (PL_RECORD (proficient)),
                                          "States a clear, arguable claim", &error));
  body = pl_store_get_descriptor (f->store, claim_uuid, pl_record_get_uuid (PL_RECORD (proficient)));
  g_assert_cmpstr (body, ==, "States a clear, arguable claim");
  /* A level of another rubric has no cell in this one. */
  g_assert_false (pl_store_set_descriptor (f->store, claim_uuid, pl_record_get_uuid (foreign), "x", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A descriptor written elsewhere, under another uuid, is the cell's. */
  {
    g_autoptr(PlRecord) exceeding = g_list_model_get_item (levels, 3);
    g_autoptr(PlRecord) foreign_descriptor = g_object_new (PL_TYPE_DESCRIPTOR, NULL);
    g_autofree char *found = NULL;
    guint n;

    pl_record_set_string (foreign_descriptor, "criterion_uuid", claim_uuid);
    pl_record_set_string (foreign_descriptor, "level_uuid", pl_record_get_uuid (exceeding));
    pl_record_set_string (foreign_descriptor, "body", "Qualifies the claim");
    g_assert_true (pl_store_save (f->store, foreign_descriptor, &error));
    found = pl_store_get_descriptor (f->store, claim_uuid, pl_record_get_uuid (exceeding));
    g_assert_cmpstr (found, ==, "Qualifies the claim");
    n = pl_store_count (f->store, "descriptor", TRUE);
    g_assert_true (pl_store_set_descriptor (f->store, claim_uuid, pl_record_get_uuid (exceeding),
                                            "Qualifies and defends the claim", &error));
    g_assert_cmpuint (pl_store_count (f->store, "descriptor", TRUE), ==, n);
  }

  /* Ranges: points must lie inside, bounds in order. */
  g_assert_false (pl_store_set_level_points (f->store, proficient, 5, 2.5, 3.4, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pl_store_set_level_points (f->store, proficient, 3, 3.4, 2.5, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (pl_store_set_level_points (f->store, proficient, 3, 2.5, 3.4, &error));
  g_assert_true (pl_rubric_level_get_range (proficient, &lo, &hi));
  g_assert_cmpfloat (lo, ==, 2.5);
  g_assert_cmpfloat (hi, ==, 3.4);
  {
    g_autoptr(PlRubricLevel) found = pl_store_level_for_points (f->store, r, 2.7);

    g_assert_nonnull (found);
    g_assert_cmpstr (pl_record_get_uuid (PL_RECORD (found)), ==, pl_record_get_uuid (PL_RECORD (proficient)));
  }

  copy = pl_store_duplicate_rubric (f->store, r, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (copy), "title"), ==, "Copy of Essay");
  g_assert_cmpstr (pl_record_get_uuid (PL_RECORD (copy)), !=, r);
  copy_criteria = pl_store_list_criteria (f->store, pl_record_get_uuid (PL_RECORD (copy)), &error);
  copy_levels = pl_store_list_levels (f->store, pl_record_get_uuid (PL_RECORD (copy)), &error);
  g_assert_cmpuint (g_list_model_get_n_items (copy_criteria), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (copy_levels), ==, 4);
  {
    g_autoptr(PlRecord) cc = g_list_model_get_item (copy_criteria, 0);
    g_autoptr(PlRubricLevel) cl = g_list_model_get_item (copy_levels, 2);

    g_assert_cmpstr (pl_record_get_uuid (cc), !=, claim_uuid);
    g_assert_cmpstr (pl_record_get_string (cc, "standard_uuid"), ==, f->standards[0]);
    copied = pl_store_get_descriptor (f->store, pl_record_get_uuid (cc), pl_record_get_uuid (PL_RECORD (cl)));
    g_assert_cmpstr (copied, ==, "States a clear, arguable claim");
    g_assert_true (pl_rubric_level_get_range (cl, &lo, &hi));
    g_assert_cmpfloat (hi, ==, 3.4);
  }
}

static void
test_templates (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const PlRubricTemplateInfo *templates = pl_rubric_templates ();
  guint n = 0;

  for (; templates[n].id != NULL; n++)
    {
      g_autoptr(PlRubric) rubric = pl_store_create_rubric_from_template (f->store, f->classroom,
                                                                         templates[n].id, &error);
      g_autoptr(GListModel) criteria = NULL;
      g_autoptr(GListModel) levels = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (pl_record_get_string (PL_RECORD (rubric), "title"), ==, templates[n].title);
      criteria = pl_store_list_criteria (f->store, pl_record_get_uuid (PL_RECORD (rubric)), &error);
      levels = pl_store_list_levels (f->store, pl_record_get_uuid (PL_RECORD (rubric)), &error);
      g_assert_cmpuint (g_list_model_get_n_items (criteria), ==, 4);
      for (guint i = 0; i < 4; i++)
        for (guint j = 0; j < 4; j++)
          {
            g_autoptr(PlRecord) c = g_list_model_get_item (criteria, i);
            g_autoptr(PlRecord) l = g_list_model_get_item (levels, j);
            g_autofree char *body = pl_store_get_descriptor (f->store, pl_record_get_uuid (c),
                                                             pl_record_get_uuid (l));

            g_assert_cmpuint (strlen (body), >, 10);
          }
    }
  g_assert_cmpuint (n, >=, 3);

  g_assert_null (pl_store_create_rubric_from_template (f->store, f->classroom, "no-such", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_assert_cmpuint (pl_store_count (f->store, "rubric", TRUE), ==, n);
}

static void
test_scoring_and_corrections (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRubric) rubric = pl_store_create_rubric (f->store, f->classroom, "Lab", &error);
  const char *r = pl_record_get_uuid (PL_RECORD (rubric));
  g_autoptr(PlCriterion) a = pl_store_add_criterion (f->store, r, "Hypothesis", f->standards[0], &error);
  g_autoptr(PlCriterion) b = pl_store_add_criterion (f->store, r, "Method", f->standards[1], &error);
  g_autoptr(GListModel) levels = pl_store_list_levels (f->store, r, &error);
  g_autoptr(PlRecord) developing = g_list_model_get_item (levels, 1);
  g_autoptr(PlRecord) proficient = g_list_model_get_item (levels, 2);
  g_autoptr(PlRecord) exceeding = g_list_model_get_item (levels, 3);
  g_autoptr(GListModel) live = NULL;
  g_auto(GStrv) bank = NULL;
  const char *pick = "pick-1";
  PlRubricScore first[] = {
    { pl_record_get_uuid (PL_RECORD (a)), pl_record_get_uuid (developing), NAN, "Name the variable you test" },
    { pl_record_get_uuid (PL_RECORD (b)), pl_record_get_uuid (proficient), NAN, "Clear steps" },
  };
  PlRubricScore correction[] = {
    { pl_record_get_uuid (PL_RECORD (a)), pl_record_get_uuid (exceeding), NAN, "Clear steps" },
  };
  PlRubricScore bad[] = {
    { pl_record_get_uuid (PL_RECORD (a)), pl_record_get_uuid (proficient), NAN, NULL },
    { pl_record_get_uuid (PL_RECORD (b)), "not-a-level", NAN, NULL },
  };
  PlRubricScore outside[] = {
    { pl_record_get_uuid (PL_RECORD (a)), pl_record_get_uuid (proficient), 3.5, NULL },
  };

  g_assert_no_error (error);
  g_assert_true (pl_store_score_rubric (f->store, r, f->learners[0], "pick", pick, "2026-03-02",
                                        first, G_N_ELEMENTS (first), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pl_store_count (f->store, "evidence", TRUE), ==, 2);

  live = pl_store_list_rubric_evidence (f->store, r, f->learners[0], pick, &error);
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, 2);
  {
    g_autoptr(PlRecord) e = g_list_model_get_item (live, 0);

    /* The criterion and its standard, the level's points on the rubric's scale. */
    g_assert_cmpstr (pl_record_get_string (e, "criterion_uuid"), ==, pl_record_get_uuid (PL_RECORD (a)));
    g_assert_cmpstr (pl_record_get_string (e, "standard_uuid"), ==, f->standards[0]);
    g_assert_cmpfloat (pl_record_get_double (e, "score"), ==, 2);
    g_assert_cmpfloat (pl_record_get_double (e, "scale_max"), ==, 4);
    g_assert_cmpstr (pl_record_get_string (e, "source"), ==, "pick");
    g_assert_cmpstr (pl_record_get_string (e, "assessed_at"), ==, "2026-03-02");
  }
  g_clear_object (&live);

  /* A correction is a new row that supersedes the old one. */
  g_assert_true (pl_store_score_rubric (f->store, r, f->learners[0], "pick", pick, "2026-03-02",
                                        correction, 1, &error));
  g_assert_cmpuint (pl_store_count (f->store, "evidence", TRUE), ==, 3);
  live = pl_store_list_rubric_evidence (f->store, r, f->learners[0], pick, &error);
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, 2);
  {
    g_autoptr(PlRecord) e = g_list_model_get_item (live, 0);

    g_assert_cmpfloat (pl_record_get_double (e, "score"), ==, 4);
    g_assert_nonnull (pl_record_get_string (e, "supersedes_uuid"));
  }

  /* Bad input changes nothing and names the score and field. */
  g_assert_false (pl_store_score_rubric (f->store, r, f->learners[1], "pick", pick, "2026-03-03",
                                         bad, G_N_ELEMENTS (bad), &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "score 2"));
  g_assert_nonnull (strstr (error->message, "level_uuid"));
  g_clear_error (&error);
  g_assert_false (pl_store_score_rubric (f->store, r, f->learners[1], "pick", pick, "2026-02-30",
                                         first, 1, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pl_store_score_rubric (f->store, r, f->learners[1], "homework", pick, NULL,
                                         first, 1, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pl_store_score_rubric (f->store, r, f->learners[1], "pick", pick, NULL,
                                         outside, 1, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (pl_store_count (f->store, "evidence", TRUE), ==, 3);

  /* The comment bank: most frequent first; superseded rows still show
   * what the teacher tends to write. */
  bank = pl_store_comment_bank (f->store, r, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (bank), ==, 2);
  g_assert_cmpstr (bank[0], ==, "Clear steps");
  g_assert_cmpstr (bank[1], ==, "Name the variable you test");
}

/* A level whose range columns are empty (NULL, as the demo's and levels
 * from other devices have them) still takes a range. */
static void
test_range_from_empty_columns (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rubrics = NULL;
  g_autoptr(PlRecord) rubric = NULL;
  g_autoptr(GListModel) levels = NULL;
  g_autoptr(GListModel) again = NULL;
  g_autoptr(PlRubricLevel) level = NULL;
  g_autoptr(PlRubricLevel) reread = NULL;
  g_autoptr(PlStore) demo = pl_store_open (NULL, &error);
  PlDemoOptions options;
  double lo, hi;

  pl_demo_options_init (&options);
  options.n_learners = 3;
  g_assert_true (pl_demo_generate (demo, &options, NULL, &error));
  g_assert_no_error (error);
  rubrics = pl_store_list_rubrics (demo, NULL, &error);
  rubric = g_list_model_get_item (rubrics, 0);
  levels = pl_store_list_levels (demo, pl_record_get_uuid (rubric), &error);
  level = g_list_model_get_item (levels, 2);
  g_assert_true (isnan (pl_record_get_double (PL_RECORD (level), "min_points")));
  g_assert_false (pl_rubric_level_get_range (level, NULL, NULL));
  g_assert_true (pl_store_set_level_points (demo, level, 3, 2.5, 3.4, &error));
  g_assert_no_error (error);
  again = pl_store_list_levels (demo, pl_record_get_uuid (rubric), &error);
  reread = g_list_model_get_item (again, 2);
  g_assert_true (pl_rubric_level_get_range (reread, &lo, &hi));
  g_assert_cmpfloat (lo, ==, 2.5);
  g_assert_cmpfloat (hi, ==, 3.4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/rubrics/default-levels", test_default_levels);
  ADD ("/rubrics/reorder-remove", test_reorder_and_remove);
  ADD ("/rubrics/descriptors-ranges-duplicate", test_descriptors_ranges_duplicate);
  ADD ("/rubrics/templates", test_templates);
  ADD ("/rubrics/scoring", test_scoring_and_corrections);
  ADD ("/rubrics/range-from-empty-columns", test_range_from_empty_columns);
#undef ADD

  return g_test_run ();
}
