/* test-oneroster.c — OneRoster bundles: reading, previewing, importing,
 * and refusing files made to be wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/pl-core.h"
#include "core/pl-store-learners.h"
#include "interop/pl-oneroster.h"
#include "interop/pl-roster-csv.h"
#include "interop/pl-roster-plan.h"
#include "interop/pl-roster-progress.h"

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "oneroster", name, NULL);

  return g_file_new_for_path (path);
}

static char *
make_tmpdir (void)
{
  char *dir = g_dir_make_tmp ("pl-oneroster-XXXXXX", NULL);

  g_assert_nonnull (dir);
  return dir;
}

/* Zips every file of FOLDER under PREFIX inside the archive. */
static char *
zip_folder (const char *folder,
            const char *prefix,
            const char *zip_name)
{
  g_autofree char *dir = make_tmpdir ();
  char *zip_path = g_build_filename (dir, zip_name, NULL);
  struct archive *a = archive_write_new ();
  g_autoptr(GDir) d = g_dir_open (folder, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  archive_write_set_format_zip (a);
  g_assert_cmpint (archive_write_open_filename (a, zip_path), ==, ARCHIVE_OK);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *inner = g_strconcat (prefix, name, NULL);
      g_autofree char *contents = NULL;
      gsize len = 0;
      struct archive_entry *entry = archive_entry_new ();

      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      archive_entry_set_pathname (entry, inner);
      archive_entry_set_size (entry, (la_int64_t) len);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      g_assert_cmpint (archive_write_header (a, entry), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (a, contents, len), ==, (la_ssize_t) len);
      archive_entry_free (entry);
    }
  archive_write_close (a);
  archive_write_free (a);
  return zip_path;
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "oneroster", name, NULL);
}

static PlStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  PlStore *store = pl_store_open (NULL, &error);

  g_assert_no_error (error);
  return store;
}

static char *
dump (PlStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_store_dump (store, out, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static PlRosterPlanClass *
find_class (PlRosterPlan *plan,
            const char   *source_id)
{
  for (guint i = 0; i < pl_roster_plan_get_n_classes (plan); i++)
    if (g_strcmp0 (pl_roster_plan_get_class (plan, i)->source_id, source_id) == 0)
      return pl_roster_plan_get_class (plan, i);
  g_assert_not_reached ();
  return NULL;
}

static PlLearner *
learner_by_source (PlStore    *store,
                   const char *source_id)
{
  g_autoptr(GListModel) list = pl_store_list_where (store, PL_TYPE_LEARNER, "source_id", source_id, NULL);

  g_assert_nonnull (list);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  return g_list_model_get_item (list, 0);
}

static void
import_file (PlStore    *store,
             GFile      *file,
             guint       expect_new,
             guint       expect_updated,
             guint       expect_unchanged,
             guint       expect_archived)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRosterPlan) plan = NULL;
  PlRosterData *data;
  guint n_new, n_updated, n_unchanged, n_archived;

  data = pl_oneroster_read (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (data);
  plan = pl_roster_plan_new (store, data, NULL, &error);
  g_assert_no_error (error);
  pl_roster_plan_get_totals (plan, &n_new, &n_updated, &n_unchanged, &n_archived);
  g_assert_cmpuint (n_new, ==, expect_new);
  g_assert_cmpuint (n_updated, ==, expect_updated);
  g_assert_cmpuint (n_unchanged, ==, expect_unchanged);
  g_assert_cmpuint (n_archived, ==, expect_archived);
  g_assert_true (pl_roster_plan_apply (plan, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* ---- the CSV reader ------------------------------------------------ */

static PlRosterCsv *
csv_for (const char *text,
         gssize      len,
         char        delimiter)
{
  GInputStream *in = g_memory_input_stream_new_from_data (g_memdup2 (text, len < 0 ? strlen (text) : (gsize) len),
                                                          len < 0 ? (gssize) strlen (text) : len, g_free);
  PlRosterCsv *csv = pl_roster_csv_new_for_stream ("t.csv", in, delimiter);

  g_object_unref (in);
  return csv;
}

static void
test_csv_quoting (void)
{
  static const char text[] =
    "\xef\xbb\xbf" "a,b,c\r\n"
    "1,\"two, with comma\",\"say \"\"hi\"\"\"\r\n"
    "\r\n"
    "x,\"line one\nline two\",\"09,10,11\"\n"
    "last,,";
  g_autoptr(PlRosterCsv) csv = csv_for (text, -1, ',');
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;

  g_assert_true (pl_roster_csv_read_header (csv, &error));
  g_assert_cmpint (pl_roster_csv_column (csv, "a"), ==, 0);   /* the BOM is not part of "a" */
  g_assert_cmpint (pl_roster_csv_column (csv, "c"), ==, 2);

  g_assert_true (pl_roster_csv_next (csv, &error));
  g_assert_cmpuint (pl_roster_csv_get_line (csv), ==, 2);
  g_assert_cmpstr (pl_roster_csv_get (csv, 1), ==, "two, with comma");
  g_assert_cmpstr (pl_roster_csv_get (csv, 2), ==, "say \"hi\"");

  g_assert_true (pl_roster_csv_next (csv, &error));
  g_assert_cmpuint (pl_roster_csv_get_line (csv), ==, 4);     /* the blank line is skipped */
  g_assert_cmpstr (pl_roster_csv_get (csv, 1), ==, "line one\nline two");
  parts = pl_roster_csv_split_list (pl_roster_csv_get_by_name (csv, "c"));
  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  g_assert_cmpstr (parts[2], ==, "11");

  g_assert_true (pl_roster_csv_next (csv, &error));
  g_assert_cmpuint (pl_roster_csv_get_line (csv), ==, 6);
  g_assert_cmpstr (pl_roster_csv_get (csv, 0), ==, "last");
  g_assert_null (pl_roster_csv_get_by_name (csv, "b"));
  g_assert_false (pl_roster_csv_next (csv, &error));
  g_assert_no_error (error);
}

static void
test_csv_errors (void)
{
  struct { const char *text; gssize len; int code; const char *where; } cases[] = {
    { "a,b\n1,\"open\n2,3\n", -1, PL_ROSTER_ERROR_SYNTAX, "t.csv: line 2, column 2" },
    { "a,b\n\"x\"y,2\n", -1, PL_ROSTER_ERROR_SYNTAX, "t.csv: line 2, column 1" },
    /* Where a row goes wrong, and by how much. */
    { "a,b\n1,2\n1,2,3\n", -1, PL_ROSTER_ERROR_CELL_COUNT,
      "t.csv: line 3, column 3: expected 2 cells, one for each column of the header, but the row has 3" },
    { "a,b,c\n1\n", -1, PL_ROSTER_ERROR_CELL_COUNT,
      "t.csv: line 2, column 2 (b): expected 3 cells, one for each column of the header, but the row has 1" },
    { "a,b\n1,caf\xe9\n", -1, PL_ROSTER_ERROR_ENCODING, "t.csv: line 2, column 2 (b)" },
    { "\xff\xfe" "a\0,\0b\0", 8, PL_ROSTER_ERROR_ENCODING, "t.csv: line 1" },
    { "", 0, PL_ROSTER_ERROR_EMPTY, "t.csv" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PlRosterCsv) csv = csv_for (cases[i].text, cases[i].len, ',');
      g_autoptr(GError) error = NULL;

      if (pl_roster_csv_read_header (csv, &error))
        while (pl_roster_csv_next (csv, &error))
          ;
      g_assert_error (error, PL_ROSTER_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, cases[i].where));
    }
}

static void
test_csv_delimiter (void)
{
  g_autoptr(PlRosterCsv) csv = csv_for ("Nom;Prénom;\"a,b\"\nOkafor;Amara;1\n", -1, 0);
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_roster_csv_read_header (csv, &error));
  g_assert_cmpint (pl_roster_csv_get_delimiter (csv), ==, ';');
  g_assert_cmpuint (pl_roster_csv_get_n_columns (csv), ==, 3);
  g_assert_true (pl_roster_csv_next (csv, &error));
  g_assert_cmpstr (pl_roster_csv_get_by_name (csv, "Prénom"), ==, "Amara");
}

/* ---- OneRoster 1.1 and 1.2 ----------------------------------------- */

static void
check_v11_import (PlStore *store)
{
  g_autoptr(PlLearner) lu = learner_by_source (store, "s-4");
  g_autoptr(PlLearner) amara = learner_by_source (store, "s-1");
  g_autoptr(GListModel) classes = pl_store_list (store, PL_TYPE_CLASSROOM, NULL);
  g_autoptr(GListModel) makers = pl_store_list_where (store, PL_TYPE_CLASSROOM, "source_id", "cls-makers", NULL);
  g_autoptr(PlRecord) makers_class = NULL;
  g_autoptr(GListModel) in_makers = NULL;
  g_autoptr(GListModel) amara_classes = NULL;

  g_assert_cmpuint (pl_store_count (store, "learner", FALSE), ==, 4);   /* no teacher, no parent */
  g_assert_cmpuint (pl_store_count (store, "enrollment", FALSE), ==, 5);
  g_assert_cmpuint (pl_store_count (store, "school", FALSE), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (classes), ==, 2);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (lu), "given_name"), ==, "Luis \"Lu\"");
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (amara), "email"), ==, "amara@riverside.example");
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (amara), "grade"), ==, "07");

  makers_class = g_list_model_get_item (makers, 0);
  g_assert_cmpstr (pl_record_get_string (makers_class, "name"), ==, "The \"Makers\" club");
  g_assert_cmpstr (pl_record_get_string (makers_class, "period"), ==, "5, 6");
  in_makers = pl_store_list_class_learners (store, pl_record_get_uuid (makers_class), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (in_makers), ==, 2);
  /* A learner can be in several classes. */
  amara_classes = pl_store_list_learner_classes (store, pl_record_get_uuid (PL_RECORD (amara)), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (amara_classes), ==, 2);
}

static void
test_v11_folder (void)
{
  g_autoptr(PlStore) store = new_store ();
  g_autoptr(GFile) folder = fixture ("v11-folder");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRosterPlan) plan = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *hlc_before = NULL;
  g_autofree char *hlc_after = NULL;
  PlRosterApplyResult result;
  PlRosterData *data;
  guint n_new, n_updated, n_unchanged, n_archived;

  data = pl_oneroster_read (folder, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (data->format, ==, "oneroster-1.1");
  g_assert_cmpuint (data->classes->len, ==, 2);
  g_assert_cmpuint (data->learners->len, ==, 4);
  g_assert_cmpuint (data->enrollments->len, ==, 5);

  plan = pl_roster_plan_new (store, data, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pl_roster_plan_get_n_classes (plan), ==, 2);
  g_assert_cmpuint (find_class (plan, "cls-sci7-p2")->n_new, ==, 3);
  g_assert_cmpuint (find_class (plan, "cls-makers")->n_new, ==, 2);
  g_assert_cmpstr (find_class (plan, "cls-sci7-p2")->title, ==, "Science 7, period 2");
  g_assert_false (find_class (plan, "cls-sci7-p2")->exists);
  /* Amara is in both classes: counted in each class, once in the totals. */
  pl_roster_plan_get_totals (plan, &n_new, &n_updated, &n_unchanged, &n_archived);
  g_assert_cmpuint (n_new, ==, 4);
  g_assert_cmpuint (n_updated + n_unchanged + n_archived, ==, 0);
  pl_roster_plan_select (plan, 0, FALSE);
  pl_roster_plan_get_totals (plan, &n_new, NULL, NULL, NULL);
  g_assert_cmpuint (n_new, ==, find_class (plan, "cls-makers")->n_new);
  pl_roster_plan_select (plan, 0, TRUE);
  /* The preview writes nothing. */
  g_assert_cmpuint (pl_store_count (store, "learner", TRUE), ==, 0);
  g_assert_true (pl_roster_plan_apply (plan, NULL, &result, &error));
  g_assert_no_error (error);
  check_v11_import (store);
  /* What was written agrees with what the preview said. */
  g_assert_cmpuint (result.learners_written, ==, 4);
  g_assert_cmpuint (result.learners_new, ==, 4);
  g_assert_cmpuint (result.learners_updated + result.learners_archived, ==, 0);
  g_assert_cmpuint (result.enrollments_written, ==, 5);
  g_assert_cmpuint (result.classes_written, ==, 2);

  /* The same file again: nothing to do, no clock moves. */
  before = dump (store);
  hlc_before = pl_store_get_meta (store, "hlc");
  import_file (store, folder, 0, 0, 4, 0);
  after = dump (store);
  hlc_after = pl_store_get_meta (store, "hlc");
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (hlc_before, ==, hlc_after);
}

static void
test_v11_zip (void)
{
  g_autoptr(PlStore) store = new_store ();
  g_autofree char *folder = fixture_path ("v11-folder");
  g_autofree char *zip = zip_folder (folder, "export/", "roster.zip");
  g_autoptr(GFile) file = g_file_new_for_path (zip);

  g_assert_true (pl_oneroster_looks_like (file));
  import_file (store, file, 4, 0, 0, 0);
  check_v11_import (store);
}

static void
test_class_selection (void)
{
  g_autoptr(PlStore) store = new_store ();
  g_autoptr(GFile) folder = fixture ("v11-folder");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRosterPlan) plan = NULL;
  const char *names[] = { "cls-makers", NULL };
  const char *unknown[] = { "cls-nope", NULL };
  guint n_new;

  plan = pl_roster_plan_new (store, pl_oneroster_read (folder, NULL, &error), NULL, &error);
  g_assert_no_error (error);
  g_assert_false (pl_roster_plan_select_names (plan, unknown, &error));
  g_assert_error (error, PL_ROSTER_ERROR, PL_ROSTER_ERROR_BAD_REFERENCE);
  g_clear_error (&error);
  g_assert_true (pl_roster_plan_select_names (plan, names, &error));
  pl_roster_plan_get_totals (plan, &n_new, NULL, NULL, NULL);
  g_assert_cmpuint (n_new, ==, 2);
  g_assert_true (pl_roster_plan_apply (plan, NULL, NULL, &error));
  g_assert_cmpuint (pl_store_count (store, "classroom", FALSE), ==, 1);
  g_assert_cmpuint (pl_store_count (store, "learner", FALSE), ==, 2);
}

static void
test_v12_roles (void)
{
  g_autoptr(PlStore) store = new_store ();
  g_autoptr(GFile) folder = fixture ("v12-folder");
  g_autoptr(PlLearner) amara = NULL;

  import_file (store, folder, 2, 0, 0, 0);
  g_assert_cmpuint (pl_store_count (store, "learner", FALSE), ==, 2);   /* roles.csv: t-1 teaches */
  amara = learner_by_source (store, "s-1");
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (amara), "given_name"), ==, "Amarachi");
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (amara), "preferred_name"), ==, "Amara");
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (amara), "pronouns"), ==, "she/her");
}

static void
test_delta (void)
{
  g_autoptr(PlStore) store = new_store ();
  g_autoptr(GFile) bulk = fixture ("v11-folder");
  g_autoptr(GFile) delta = fixture ("v11-delta");
  g_autoptr(PlLearner) zoe = NULL;
  g_autoptr(PlLearner) lu = NULL;
  g_autoptr(GListModel) p2 = NULL;
  g_autoptr(PlRecord) p2_class = NULL;
  g_autoptr(GListModel) in_p2 = NULL;

  import_file (store, bulk, 4, 0, 0, 0);
  /* e-2 leaves (archived), s-4 is renamed and joins period 2 (updated in
   * period 2), s-3 is deleted (archived in period 2). */
  import_file (store, delta, 0, 1, 0, 2);

  zoe = learner_by_source (store, "s-3");
  g_assert_true (pl_record_get_boolean (PL_RECORD (zoe), "archived"));
  lu = learner_by_source (store, "s-4");
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (lu), "given_name"), ==, "Luisa");
  p2 = pl_store_list_where (store, PL_TYPE_CLASSROOM, "source_id", "cls-sci7-p2", NULL);
  p2_class = g_list_model_get_item (p2, 0);
  in_p2 = pl_store_list_class_learners (store, pl_record_get_uuid (p2_class), NULL);
  /* s-1, s-3 (archived learner, still listed), s-4; s-2 left. */
  g_assert_cmpuint (g_list_model_get_n_items (in_p2), ==, 3);

  /* The delta again changes nothing. */
  import_file (store, delta, 0, 0, 2, 0);
}

static void
test_bulk_departure (void)
{
  g_autoptr(PlStore) store = new_store ();
  g_autoptr(GFile) bulk = fixture ("v11-folder");
  g_autoptr(GFile) later = fixture ("v11-bulk-departure");

  import_file (store, bulk, 4, 0, 0, 0);
  /* Jun leaves period 2; Amara, in both classes, is one unchanged learner. */
  import_file (store, later, 0, 0, 3, 1);
  g_assert_cmpuint (pl_store_count (store, "enrollment", FALSE), ==, 5);   /* archived, not deleted */
}

/* ---- files made to be wrong ---------------------------------------- */

static void
expect_failure (GFile      *file,
                int         code,
                const char *where)
{
  g_autoptr(PlStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRosterPlan) plan = NULL;
  PlRosterData *data;

  data = pl_oneroster_read (file, NULL, &error);
  if (data != NULL)
    plan = pl_roster_plan_new (store, data, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, PL_ROSTER_ERROR, code);
  if (!g_str_has_prefix (error->message, where))
    g_error ("“%s” does not start with “%s”", error->message, where);
  g_assert_cmpuint (pl_store_count (store, "learner", TRUE), ==, 0);
}

static void
test_bad_files (void)
{
  struct { const char *folder; int code; const char *where; } cases[] = {
    { "bad-no-manifest", PL_ROSTER_ERROR_MISSING_MANIFEST, "bad-no-manifest" },
    { "bad-missing-file", PL_ROSTER_ERROR_MISSING_FILE, "manifest.csv: line 8, column 2 (value): the manifest lists courses.csv" },
    { "bad-missing-column", PL_ROSTER_ERROR_MISSING_COLUMN, "users.csv: line 1" },
    { "bad-version", PL_ROSTER_ERROR_UNKNOWN_VERSION, "manifest.csv: line 3, column 2 (value)" },
    { "bad-cell-count", PL_ROSTER_ERROR_CELL_COUNT, "enrollments.csv: line 5, column 11: expected 10 cells" },
    { "bad-class-reference", PL_ROSTER_ERROR_BAD_REFERENCE, "enrollments.csv: line 7, column 2 (classSourcedId)" },
    { "bad-user-reference", PL_ROSTER_ERROR_BAD_REFERENCE, "enrollments.csv: line 4, column 4 (userSourcedId)" },
    { "bad-utf8", PL_ROSTER_ERROR_ENCODING, "users.csv: line 5, column 10 (familyName)" },
    { "bad-quote", PL_ROSTER_ERROR_SYNTAX, "classes.csv: line 3, column 1" },
    { "bad-duplicate", PL_ROSTER_ERROR_DUPLICATE, "users.csv: line 6, column 1 (sourcedId)" },
    { "bad-demographics-column", PL_ROSTER_ERROR_MISSING_COLUMN, "demographics.csv: line 1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) folder = fixture (cases[i].folder);

      g_test_message ("%s", cases[i].folder);
      expect_failure (folder, cases[i].code, cases[i].where);
    }
}

static void
test_bad_zips (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *empty = g_build_filename (dir, "empty.zip", NULL);
  g_autofree char *good_folder = fixture_path ("v11-folder");
  g_autofree char *no_manifest_folder = fixture_path ("bad-no-manifest");
  g_autofree char *good = zip_folder (good_folder, "", "good.zip");
  g_autofree char *no_manifest = zip_folder (no_manifest_folder, "", "nomanifest.zip");
  g_autofree char *truncated = g_build_filename (dir, "truncated.zip", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *no_entries = g_build_filename (dir, "noentries.zip", NULL);
  static const char eocd[22] = "PK\x05\x06";
  gsize len;
  g_autoptr(GFile) f1 = g_file_new_for_path (empty);
  g_autoptr(GFile) f2 = g_file_new_for_path (truncated);
  g_autoptr(GFile) f3 = g_file_new_for_path (no_manifest);
  g_autoptr(GFile) f4 = g_file_new_for_path (no_entries);
  g_autoptr(GFile) f5 = g_file_new_for_path ("/nonexistent/roster.zip");

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_get_contents (good, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (truncated, contents, len * 2 / 3, NULL));
  g_assert_true (g_file_set_contents (no_entries, eocd, sizeof eocd, NULL));

  expect_failure (f1, PL_ROSTER_ERROR_BAD_ARCHIVE, "empty.zip");
  expect_failure (f2, PL_ROSTER_ERROR_BAD_ARCHIVE, "truncated.zip");
  expect_failure (f3, PL_ROSTER_ERROR_MISSING_MANIFEST, "nomanifest.zip");
  expect_failure (f4, PL_ROSTER_ERROR_BAD_ARCHIVE, "noentries.zip");
  expect_failure (f5, PL_ROSTER_ERROR_NOT_FOUND, "/nonexistent/roster.zip");
}

static void
test_delta_reference_to_nothing (void)
{
  g_autoptr(GFile) delta = fixture ("v11-delta");

  /* The delta names students of a class the database has never seen. */
  expect_failure (delta, PL_ROSTER_ERROR_BAD_REFERENCE,
                  "enrollments.csv: line 2, column 2 (classSourcedId): no class “cls-sci7-p2” in classes.csv or in this database");
}

/* A delta naming a student neither the files nor the database have: the
 * message says the line and the column, and nothing is imported. */
static void
test_delta_unknown_student (void)
{
  g_autoptr(PlStore) store = new_store ();
  g_autoptr(GFile) bulk = fixture ("v11-folder");
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *manifest = g_build_filename (dir, "manifest.csv", NULL);
  g_autofree char *enrollments = g_build_filename (dir, "enrollments.csv", NULL);
  g_autoptr(GFile) delta = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRosterPlan) plan = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  PlRosterData *data;

  import_file (store, bulk, 4, 0, 0, 0);
  before = dump (store);
  g_assert_true (g_file_set_contents (manifest,
                                      "propertyName,value\nmanifest.version,1.0\noneroster.version,1.1\n"
                                      "file.enrollments,delta\nfile.users,absent\nfile.classes,absent\n", -1, NULL));
  g_assert_true (g_file_set_contents (enrollments,
                                      "sourcedId,classSourcedId,role,userSourcedId,status,dateLastModified\n"
                                      "e-7,cls-makers,student,s-2,active,2026-10-01\n"
                                      "e-8,cls-makers,student,s-99,active,2026-10-01\n", -1, NULL));
  data = pl_oneroster_read (delta, NULL, &error);
  g_assert_no_error (error);
  plan = pl_roster_plan_new (store, data, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, PL_ROSTER_ERROR, PL_ROSTER_ERROR_BAD_REFERENCE);
  g_assert_cmpstr (error->message, ==,
                   "enrollments.csv: line 3, column 4 (userSourcedId): no student “s-99” in users.csv or in this database");
  after = dump (store);
  g_assert_cmpstr (before, ==, after);
  g_remove (manifest);
  g_remove (enrollments);
  g_rmdir (dir);
}

static void
test_cancelled_apply (void)
{
  g_autoptr(PlStore) store = new_store ();
  g_autoptr(GFile) folder = fixture ("v11-folder");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRosterPlan) plan = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  plan = pl_roster_plan_new (store, pl_oneroster_read (folder, NULL, NULL), NULL, &error);
  g_cancellable_cancel (cancellable);
  g_assert_false (pl_roster_plan_apply (plan, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (pl_store_count (store, "learner", TRUE), ==, 0);
  g_assert_cmpuint (pl_store_count (store, "school", TRUE), ==, 0);
}

/* How far reading and writing have got, for the import window. */
static void
test_progress (void)
{
  g_autoptr(PlStore) store = new_store ();
  g_autoptr(GFile) folder = fixture ("v11-folder");
  g_autofree char *folder_path = fixture_path ("v11-folder");
  g_autofree char *zip = zip_folder (folder_path, "export/", "roster.zip");
  g_autoptr(GFile) zip_file = g_file_new_for_path (zip);
  g_autoptr(PlRosterProgress) progress = pl_roster_progress_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRosterPlan) plan = NULL;
  PlRosterData *data;
  PlRosterStage stage;
  guint64 done, total, from_folder;

  /* Reading: the bytes of the listed files, all of them by the end. */
  data = pl_oneroster_read_full (folder, progress, NULL, &error);
  g_assert_no_error (error);
  pl_roster_progress_get (progress, &stage, &done, &total);
  g_assert_cmpint (stage, ==, PL_ROSTER_STAGE_READING);
  g_assert_cmpuint (total, >, 1000);
  g_assert_cmpuint (done, ==, total);
  from_folder = total;
  pl_roster_data_free (data);
  /* From the zip the sizes come from the archive: the same files. */
  data = pl_oneroster_read_full (zip_file, progress, NULL, &error);
  g_assert_no_error (error);
  pl_roster_progress_get (progress, &stage, &done, &total);
  g_assert_cmpuint (total, ==, from_folder);
  g_assert_cmpuint (done, ==, total);

  /* Writing: each chosen class, its school, each of its rows. */
  plan = pl_roster_plan_new (store, data, NULL, &error);
  g_assert_no_error (error);
  pl_roster_plan_select (plan, 1, FALSE);
  g_assert_true (pl_roster_plan_apply_full (plan, progress, NULL, NULL, &error));
  pl_roster_progress_get (progress, &stage, &done, &total);
  g_assert_cmpint (stage, ==, PL_ROSTER_STAGE_WRITING);
  g_assert_cmpuint (total, ==, 2 + 3);
  g_assert_cmpuint (done, ==, total);

  /* A NULL progress is fine everywhere. */
  pl_roster_progress_begin (NULL, PL_ROSTER_STAGE_READING, 10);
  pl_roster_progress_add (NULL, 10);
}

/* ---- a large roster ------------------------------------------------ */

static void
test_large_roster (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autoptr(GString) users = g_string_new ("sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,givenName,familyName,email,grades\n");
  g_autoptr(GString) enrollments = g_string_new ("sourcedId,classSourcedId,schoolSourcedId,userSourcedId,role\n");
  g_autoptr(GString) classes = g_string_new ("sourcedId,title,schoolSourcedId\n");
  g_autoptr(PlStore) store = new_store ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *p = NULL;

  for (guint c = 0; c < 400; c++)
    g_string_append_printf (classes, "c%u,Class %u,org\n", c, c);
  for (guint i = 0; i < 10000; i++)
    {
      g_string_append_printf (users, "u%u,,,true,org,student,user%u,Given%u,\"Family, %u\",u%u@example.org,\"07,08\"\n",
                              i, i, i, i, i);
      g_string_append_printf (enrollments, "e%u,c%u,org,u%u,student\n", i, i % 400, i);
    }
#define PUT(name, text) \
  p = g_build_filename (dir, name, NULL); \
  g_assert_true (g_file_set_contents (p, text, -1, NULL)); \
  g_clear_pointer (&p, g_free);
  PUT ("manifest.csv", "propertyName,value\nmanifest.version,1.0\noneroster.version,1.1\nfile.orgs,bulk\nfile.classes,bulk\nfile.users,bulk\nfile.enrollments,bulk\n");
  PUT ("orgs.csv", "sourcedId,name,type\norg,Big School,school\n");
  PUT ("classes.csv", classes->str);
  PUT ("users.csv", users->str);
  PUT ("enrollments.csv", enrollments->str);
#undef PUT

  import_file (store, folder, 10000, 0, 0, 0);
  g_assert_cmpuint (pl_store_count (store, "learner", FALSE), ==, 10000);
  g_assert_cmpuint (pl_store_count (store, "enrollment", FALSE), ==, 10000);
  import_file (store, folder, 0, 0, 10000, 0);
}

/* ---- the command line ---------------------------------------------- */

static int
run_cli (const char *db,
         char      **out,
         char      **err,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("PL_CLI");
  const char *arg;
  int status = -1;
  va_list ap;

  g_ptr_array_add (args, (gpointer) cli);
  g_ptr_array_add (args, (gpointer) "--db");
  g_ptr_array_add (args, (gpointer) db);
  va_start (ap, err);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);
  return status;
}

static void
test_cli (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *good = fixture_path ("v11-folder");
  g_autofree char *bad = fixture_path ("bad-class-reference");
  g_autofree char *csv = fixture_path ("learners-semicolon.csv");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize len_before = 0, len_after = 0;

  if (g_getenv ("PL_CLI") == NULL || !g_file_test (g_getenv ("PL_CLI"), G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("personallearn-cli is not built");
      return;
    }
  dir = make_tmpdir ();
  db = g_build_filename (dir, "cli.db", NULL);

  g_assert_cmpint (run_cli (db, &out, &err, "import-roster", "--classes", "cls-sci7-p2", good, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "learners: 3 new, 0 updated, 0 unchanged, 0 archived"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Bad input: one line naming file, line and column; the database as it was. */
  g_assert_true (g_file_get_contents (db, &before, &len_before, NULL));
  g_assert_cmpint (run_cli (db, &out, &err, "import-roster", bad, NULL), !=, 0);
  g_assert_true (g_str_has_prefix (err, "personallearn-cli: enrollments.csv: line 7, column 2 (classSourcedId)"));
  g_assert_cmpuint (strlen (err), ==, (gsize) (strchr (err, '\n') - err) + 1);
  g_assert_true (g_file_get_contents (db, &after, &len_after, NULL));
  g_assert_cmpmem (before, len_before, after, len_after);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (db, &out, &err, "import-roster", "--class", "7B", "--mapping", "grade=-", csv, NULL), ==, 0);
  /* Amara (by her email) and Zoé (by her name) are found and join 7B. */
  g_assert_nonnull (strstr (out, "learners: 1 new, 2 updated, 0 unchanged, 0 archived"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (db, &out, &err, "import-roster", "--class", "7B", "--mapping", "grade=-", csv, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "learners: 0 new, 0 updated, 3 unchanged, 0 archived"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Both classes into a new database: Amara, in both, is one new learner,
   * and the learners written are the learners announced. */
  g_free (db);
  db = g_build_filename (dir, "cli-both.db", NULL);
  g_assert_cmpint (run_cli (db, &out, &err, "import-roster", good, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "learners: 4 new, 0 updated, 0 unchanged, 0 archived"));
  g_assert_nonnull (strstr (out, "written: 2 classes, 4 learners, 5 enrollments, 1 schools"));
}

/* ---- sample files from other projects ------------------------------ */

static GFile *
shared (const char *name)
{
  const char *dir = g_getenv ("PL_SHARED_DATA_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, "oneroster", name, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  return g_file_new_for_path (path);
}

static void
test_shared_minimal_zip (void)
{
  g_autoptr(GFile) file = shared ("v1p1-minimal.zip");
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRosterPlan) plan = NULL;
  PlRosterApplyResult result;
  PlRosterData *data;
  guint n_new, n_updated, n_unchanged, n_archived;

  if (file == NULL)
    {
      g_test_skip ("the shared sample data (../shared/data/oneroster) is not here");
      return;
    }
  store = new_store ();
  data = pl_oneroster_read (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->classes->len, ==, 2);
  /* A teacher enrolled as a student is reported and left out. */
  g_assert_cmpuint (data->warnings->len, >, 0);
  plan = pl_roster_plan_new (store, data, NULL, &error);
  g_assert_no_error (error);
  /* One student, in both classes: "1 new" in each, one learner in all. */
  g_assert_cmpuint (find_class (plan, "cls-222-123456")->n_new, ==, 1);
  g_assert_cmpuint (find_class (plan, "cls-222-123478")->n_new, ==, 1);
  pl_roster_plan_get_totals (plan, &n_new, &n_updated, &n_unchanged, &n_archived);
  g_assert_cmpuint (n_new, ==, 1);
  g_assert_cmpuint (n_updated + n_unchanged + n_archived, ==, 0);
  g_assert_true (pl_roster_plan_apply (plan, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pl_store_count (store, "classroom", FALSE), ==, 2);
  g_assert_cmpuint (pl_store_count (store, "learner", FALSE), ==, 1);
  g_assert_cmpuint (pl_store_count (store, "enrollment", FALSE), ==, 2);
  g_assert_cmpuint (result.learners_written, ==, 1);
  g_assert_cmpuint (result.learners_new, ==, 1);
}

static void
test_shared_incomplete_folder (void)
{
  g_autoptr(GFile) file = shared ("v1p1-base-incomplete");
  g_autoptr(PlStore) store = NULL;

  if (file == NULL)
    {
      g_test_skip ("the shared sample data (../shared/data/oneroster) is not here");
      return;
    }
  store = new_store ();
  /* ext_ columns, reordered columns and empty optional cells are read. */
  import_file (store, file, 2, 0, 0, 0);
  g_assert_cmpuint (pl_store_count (store, "learner", FALSE), ==, 2);
  g_assert_cmpuint (pl_store_count (store, "classroom", FALSE), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/roster-csv/quoting", test_csv_quoting);
  g_test_add_func ("/roster-csv/errors", test_csv_errors);
  g_test_add_func ("/roster-csv/delimiter", test_csv_delimiter);
  g_test_add_func ("/oneroster/v11-folder", test_v11_folder);
  g_test_add_func ("/oneroster/v11-zip", test_v11_zip);
  g_test_add_func ("/oneroster/class-selection", test_class_selection);
  g_test_add_func ("/oneroster/v12-roles", test_v12_roles);
  g_test_add_func ("/oneroster/delta", test_delta);
  g_test_add_func ("/oneroster/bulk-departure", test_bulk_departure);
  g_test_add_func ("/oneroster/bad-files", test_bad_files);
  g_test_add_func ("/oneroster/bad-zips", test_bad_zips);
  g_test_add_func ("/oneroster/delta-reference-to-nothing", test_delta_reference_to_nothing);
  g_test_add_func ("/oneroster/delta-unknown-student", test_delta_unknown_student);
  g_test_add_func ("/oneroster/cancelled-apply", test_cancelled_apply);
  g_test_add_func ("/oneroster/progress", test_progress);
  g_test_add_func ("/oneroster/large-roster", test_large_roster);
  g_test_add_func ("/oneroster/cli", test_cli);
  g_test_add_func ("/oneroster/shared-minimal-zip", test_shared_minimal_zip);
  g_test_add_func ("/oneroster/shared-incomplete-folder", test_shared_incomplete_folder);

  return g_test_run ();
}
