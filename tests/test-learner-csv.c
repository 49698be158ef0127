/* test-learner-csv.c — plain CSVs of learners from a spreadsheet, and the
 * learner profile queries they feed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/pl-core.h"
#include "core/pl-demo.h"
#include "core/pl-store-learners.h"
#include "interop/pl-learner-csv.h"
#include "interop/pl-roster-plan.h"

static guint64
hlc_of (PlStore *store)
{
  g_autofree char *hlc = pl_store_get_meta (store, "hlc");

  return g_ascii_strtoull (hlc, NULL, 10);
}

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "oneroster", name, NULL);

  return g_file_new_for_path (path);
}

static PlStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  PlStore *store = pl_store_open (NULL, &error);

  g_assert_no_error (error);
  return store;
}

static void
import_csv (PlStore      *store,
            PlLearnerCsv *csv,
            const char   *class_title,
            guint         expect_new,
            guint         expect_unchanged)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRosterPlan) plan = NULL;
  guint n_new, n_unchanged, n_updated;

  plan = pl_roster_plan_new (store, pl_learner_csv_read (csv, class_title, NULL, &error), NULL, &error);
  g_assert_no_error (error);
  pl_roster_plan_get_totals (plan, &n_new, &n_updated, &n_unchanged, NULL);
  g_assert_cmpuint (n_new, ==, expect_new);
  g_assert_cmpuint (n_updated, ==, 0);
  g_assert_cmpuint (n_unchanged, ==, expect_unchanged);
  g_assert_true (pl_roster_plan_apply (plan, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_semicolon_bom (void)
{
  g_autoptr(GFile) file = fixture ("learners-semicolon.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlLearnerCsv) csv = pl_learner_csv_open (file, NULL, &error);
  g_autoptr(PlStore) store = new_store ();
  g_autoptr(GListModel) classes = NULL;
  g_autoptr(GListModel) rivera = NULL;
  g_autofree char *hlc = NULL;
  g_autofree char *hlc_again = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (pl_learner_csv_get_delimiter (csv), ==, ';');
  g_assert_cmpuint (pl_learner_csv_get_n_columns (csv), ==, 4);
  g_assert_cmpint (pl_learner_csv_get_mapping (csv, PL_LEARNER_CSV_FAMILY_NAME), ==, 0);
  g_assert_cmpint (pl_learner_csv_get_mapping (csv, PL_LEARNER_CSV_GIVEN_NAME), ==, 1);
  g_assert_cmpint (pl_learner_csv_get_mapping (csv, PL_LEARNER_CSV_EMAIL), ==, 2);
  g_assert_cmpint (pl_learner_csv_get_mapping (csv, PL_LEARNER_CSV_GRADE), ==, 3);
  g_assert_cmpint (pl_learner_csv_get_mapping (csv, PL_LEARNER_CSV_ID), ==, -1);
  g_assert_cmpuint (pl_learner_csv_get_n_samples (csv), ==, 3);
  g_assert_cmpstr (pl_learner_csv_get_sample (csv, 1)[1], ==, "Zoé");

  import_csv (store, csv, "7B", 3, 0);
  classes = pl_store_list_where (store, PL_TYPE_CLASSROOM, "name", "7B", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (classes), ==, 1);
  rivera = pl_store_list_where (store, PL_TYPE_LEARNER, "family_name", "Rivera; Jr", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (rivera), ==, 1);

  /* Without ids, the learners are found again by email or name. */
  hlc = pl_store_get_meta (store, "hlc");
  import_csv (store, csv, "7B", 0, 3);
  hlc_again = pl_store_get_meta (store, "hlc");
  g_assert_cmpstr (hlc, ==, hlc_again);
  g_assert_cmpuint (pl_store_count (store, "learner", FALSE), ==, 3);
}

static void
test_comma_ids (void)
{
  g_autoptr(GFile) file = fixture ("learners-comma.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlLearnerCsv) csv = pl_learner_csv_open (file, NULL, &error);
  g_autoptr(PlStore) store = new_store ();
  g_autoptr(GListModel) zoe = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (pl_learner_csv_get_mapping (csv, PL_LEARNER_CSV_ID), ==, 0);
  import_csv (store, csv, "Science", 3, 0);
  zoe = pl_store_list_where (store, PL_TYPE_LEARNER, "source_id", "1003", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (zoe), ==, 1);
  {
    g_autoptr(PlRecord) z = g_list_model_get_item (zoe, 0);

    g_assert_cmpstr (pl_record_get_string (z, "given_name"), ==, "Zoé\nMarie");
  }
  import_csv (store, csv, "Science", 0, 3);

  /* Reading tells how many of the file's bytes are read: all by the end. */
  {
    g_autoptr(PlRosterProgress) progress = pl_roster_progress_new ();
    g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
    PlRosterData *data = pl_learner_csv_read_full (csv, "Science", progress, NULL, &error);
    guint64 done, total;

    g_assert_no_error (error);
    pl_roster_progress_get (progress, NULL, &done, &total);
    g_assert_cmpuint (total, ==, (guint64) g_file_info_get_size (info));
    g_assert_cmpuint (done, ==, total);
    pl_roster_data_free (data);
  }
}

static void
test_mapping (void)
{
  g_autoptr(GFile) file = fixture ("learners-no-family.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlLearnerCsv) csv = pl_learner_csv_open (file, NULL, &error);
  PlRosterData *data;

  g_assert_no_error (error);
  data = pl_learner_csv_read (csv, "7B", NULL, &error);
  g_assert_null (data);
  g_assert_error (error, PL_ROSTER_ERROR, PL_ROSTER_ERROR_MISSING_COLUMN);
  g_assert_true (g_str_has_prefix (error->message, "learners-no-family.csv: line 1"));
  g_clear_error (&error);

  g_assert_false (pl_learner_csv_parse_mapping (csv, "family=Surname", &error));
  g_assert_error (error, PL_ROSTER_ERROR, PL_ROSTER_ERROR_MISSING_COLUMN);
  g_clear_error (&error);
  g_assert_false (pl_learner_csv_parse_mapping (csv, "nickname=Email", &error));
  g_assert_error (error, PL_ROSTER_ERROR, PL_ROSTER_ERROR_BAD_VALUE);
  g_clear_error (&error);

  g_assert_true (pl_learner_csv_parse_mapping (csv, "family=Email,email=-", &error));
  g_assert_no_error (error);
  g_assert_cmpint (pl_learner_csv_get_mapping (csv, PL_LEARNER_CSV_EMAIL), ==, -1);
  data = pl_learner_csv_read (csv, "7B", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->learners->len, ==, 1);
  pl_roster_data_free (data);
}

static void
test_empty_rows (void)
{
  g_autoptr(GFile) file = fixture ("learners-empty-row.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlLearnerCsv) csv = pl_learner_csv_open (file, NULL, &error);
  PlRosterData *data;

  data = pl_learner_csv_read (csv, "7B", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->learners->len, ==, 2);
  pl_roster_data_free (data);
}

/* ---- profiles ------------------------------------------------------ */

static void
test_profiles (void)
{
  g_autoptr(PlStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PlClassroom) a = pl_classroom_new ();
  g_autoptr(PlClassroom) b = pl_classroom_new ();
  g_autoptr(PlLearner) zoe = NULL;
  g_autoptr(PlProfile) profile = NULL;
  g_autoptr(GListModel) profiles = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(PlNote) first = NULL;
  g_autoptr(PlNote) second = NULL;
  g_autofree char *query = NULL;
  g_autofree char *field_uuid = NULL;
  const char *uuid;
  guint64 hlc;
  gboolean changed;
  PlProfileQuality quality;
  guint empty[16];

  pl_record_set_string (PL_RECORD (a), "name", "7A");
  pl_record_set_string (PL_RECORD (b), "name", "7B");
  g_assert_true (pl_store_save (store, PL_RECORD (a), NULL));
  g_assert_true (pl_store_save (store, PL_RECORD (b), NULL));
  zoe = pl_store_add_learner (store, pl_record_get_uuid (PL_RECORD (a)), "Zoé", "Müller", &error);
  g_assert_no_error (error);
  uuid = pl_record_get_uuid (PL_RECORD (zoe));

  /* Every real edit advances the clock; an unchanged value writes nothing. */
  g_assert_true (pl_store_set_profile_value (store, uuid, "interests", "volcanoes, chess", &changed, &error));
  g_assert_true (changed);
  hlc = hlc_of (store);
  g_assert_true (pl_store_set_profile_value (store, uuid, "interests", "volcanoes, chess", &changed, &error));
  g_assert_false (changed);
  g_assert_cmpuint (hlc_of (store), ==, hlc);
  g_assert_true (pl_store_set_profile_value (store, uuid, "iep", "true", &changed, &error));
  field_uuid = pl_store_profile_field_uuid (uuid, "interests");
  {
    g_autoptr(PlRecord) field = pl_store_get (store, PL_TYPE_PROFILE_FIELD, field_uuid, &error);
    g_assert_nonnull (field);
  }

  /* Notes are append-only: an edit is a new note that supersedes. */
  first = pl_store_add_note (store, uuid, "conference", "Wants to build a seismograph", "2026-10-01T10:00:00", NULL, &error);
  g_assert_no_error (error);
  second = pl_store_add_note (store, uuid, "conference", "Wants to build a seismometer", "2026-10-01T10:05:00",
                              pl_record_get_uuid (PL_RECORD (first)), &error);
  g_assert_no_error (error);
  g_assert_null (pl_store_add_note (store, uuid, "gossip", "x", NULL, NULL, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  notes = pl_store_list_notes (store, uuid, &error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 2);
  g_assert_true (pl_store_note_is_superseded (store, pl_record_get_uuid (PL_RECORD (first))));
  g_assert_false (pl_store_note_is_superseded (store, pl_record_get_uuid (PL_RECORD (second))));

  profile = pl_store_load_profile (store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_profile_get_value (profile, "interests"), ==, "volcanoes, chess");
  /* An edited note is one note with its history. */
  g_assert_cmpuint (pl_profile_get_n_notes (profile), ==, 1);
  {
    g_autoptr(GPtrArray) threads = pl_store_list_note_threads (store, uuid, &error);
    GPtrArray *thread;

    g_assert_no_error (error);
    g_assert_cmpuint (threads->len, ==, 1);
    thread = threads->pdata[0];
    g_assert_cmpuint (thread->len, ==, 2);
    g_assert_cmpstr (pl_record_get_uuid (thread->pdata[0]), ==, pl_record_get_uuid (PL_RECORD (second)));
    g_assert_cmpstr (pl_record_get_uuid (thread->pdata[1]), ==, pl_record_get_uuid (PL_RECORD (first)));
  }
  g_assert_true (pl_profile_has_accommodations (profile));
  g_assert_true (pl_profile_is_incomplete (profile));
  g_assert_cmpuint (pl_profile_get_n_filled (profile), ==, 1);
  g_assert_false (pl_profile_is_stale (profile, g_get_real_time () / 1000));
  g_assert_true (pl_profile_is_stale (profile, g_get_real_time () / 1000 + (gint64) 43 * 24 * 3600 * 1000));
  query = pl_profile_fold_query ("ZOE volc");
  g_assert_true (pl_profile_matches (profile, query));
  g_clear_pointer (&query, g_free);
  query = pl_profile_fold_query ("zoe painting");
  g_assert_false (pl_profile_matches (profile, query));

  /* Several classes; moving out of one into another. */
  g_assert_true (pl_store_enroll_learner (store, uuid, pl_record_get_uuid (PL_RECORD (b)), &error));
  {
    g_autoptr(GListModel) classes = pl_store_list_learner_classes (store, uuid, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (classes), ==, 2);
  }
  g_assert_true (pl_store_unenroll_learner (store, uuid, pl_record_get_uuid (PL_RECORD (b)), &error));
  g_assert_true (pl_store_move_learner (store, uuid, pl_record_get_uuid (PL_RECORD (a)),
                                        pl_record_get_uuid (PL_RECORD (b)), &error));
  {
    g_autoptr(GListModel) classes = pl_store_list_learner_classes (store, uuid, NULL);
    g_autoptr(PlRecord) only = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (classes), ==, 1);
    only = g_list_model_get_item (classes, 0);
    g_assert_cmpstr (pl_record_get_string (only, "name"), ==, "7B");
  }

  profiles = pl_store_list_profiles (store, pl_record_get_uuid (PL_RECORD (b)), &error);
  g_assert_cmpuint (g_list_model_get_n_items (profiles), ==, 1);
  g_assert_true (pl_store_profile_quality (store, pl_record_get_uuid (PL_RECORD (b)),
                                           g_get_real_time () / 1000, &quality, empty, &error));
  g_assert_cmpuint (quality.n_learners, ==, 1);
  g_assert_cmpuint (quality.n_complete, ==, 0);
  g_assert_cmpuint (quality.n_stale, ==, 0);
  g_assert_cmpuint (quality.n_unnoted, ==, 0);   /* she has notes */
  g_assert_cmpuint (quality.mean_completeness, ==, 100 / pl_profile_n_counted_fields ());
  g_assert_cmpuint (empty[0], ==, 0);   /* interests filled */
  g_assert_cmpuint (empty[1], ==, 1);   /* strengths empty */

  /* Archive and restore. */
  g_assert_true (pl_store_set_learner_archived (store, zoe, TRUE, &error));
  g_assert_true (pl_store_profile_quality (store, pl_record_get_uuid (PL_RECORD (b)),
                                           g_get_real_time () / 1000, &quality, NULL, &error));
  g_assert_cmpuint (quality.n_learners, ==, 0);
  g_assert_true (pl_store_set_learner_archived (store, zoe, FALSE, &error));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/learner-csv/semicolon-bom", test_semicolon_bom);
  g_test_add_func ("/learner-csv/comma-ids", test_comma_ids);
  g_test_add_func ("/learner-csv/mapping", test_mapping);
  g_test_add_func ("/learner-csv/empty-rows", test_empty_rows);
  g_test_add_func ("/learners/profiles", test_profiles);

  return g_test_run ();
}
