/* test-gradebook-export.c — CSV and OneRoster 1.1 results exports of the gradebook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "core/pl-core.h"
#include "core/pl-store-evidence.h"
#include "core/pl-store-gradebook.h"
#include "engine/pl-mastery.h"
#include "interop/pl-gradebook-csv.h"
#include "interop/pl-oneroster-results.h"
#include "gradebook-test-util.h"

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

static void
test_neutralises_formulas (void)
{
  static const struct
  {
    const char *cell;
    const char *field;
  } cases[] = {
    { "Ada", "Ada" },
    { "", "" },
    { "=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"" },
    { "+1", "\"'+1\"" },
    { "-2+3", "\"'-2+3\"" },
    { "@SUM(A1)", "\"'@SUM(A1)\"" },
    { "\t=1", "\"'\t=1\"" },
    { "\r=1", "\"'\r=1\"" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "3.50", "3.50" },
    { "a=b", "a=b" },   /* only a leading sign is a formula */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      pl_csv_append_field (line, cases[i].cell);
      g_assert_cmpstr (line->str, ==, cases[i].field);
    }
}

static PlGradebook *
scored_gradebook (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) learner = NULL;
  g_autoptr(PlGradeOverride) override = NULL;
  PlEvidenceRow rows[] = {
    { .learner_uuid = f->learners[0], .standard_uuid = f->standards[0], .score = 2, .assessed_at = "2026-03-01" },
    { .learner_uuid = f->learners[0], .standard_uuid = f->standards[0], .score = 3, .assessed_at = "2026-03-08" },
    { .learner_uuid = f->learners[1], .standard_uuid = f->standards[1], .score = 1, .assessed_at = "2026-03-02" },
  };
  PlGradebook *gb;

  /* A learner whose name a spreadsheet would run. */
  learner = pl_store_get (f->store, PL_TYPE_LEARNER, f->learners[2], &error);
  pl_record_set_string (learner, "given_name", "=cmd|' /C calc'!A0");
  pl_record_set_string (learner, "family_name", "Zed");
  g_assert_true (pl_store_save (f->store, learner, &error));
  g_assert_true (pl_store_add_evidence (f->store, rows, G_N_ELEMENTS (rows), &error));
  override = pl_store_set_grade_override (f->store, f->classroom, f->learners[1], f->standards[1],
                                          2, "=Portfolio, \"oral\" exam", &error);
  g_assert_no_error (error);
  gb = pl_store_load_gradebook (f->store, f->classroom, "latest", 0, engine_rollup, NULL, &error);
  g_assert_no_error (error);
  return gb;
}

static char *
csv_of (const PlGradebook *gb)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_true (pl_gradebook_csv_write (gb, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(PlGradebook) gb = scored_gradebook (f);
  g_autofree char *csv = csv_of (gb);
  g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);

  g_assert_cmpstr (lines[0], ==, "Learner,Learner ID,SCI.1,SCI.2");
  g_assert_cmpstr (lines[1], ==, "Calculation method,,latest,latest");
  /* Hopper, Lovelace, then the learner named like a formula (family name Zed). */
  g_assert_cmpstr (lines[2], ==, "Grace Hopper,S-GRACE,,2.00");
  g_assert_cmpstr (lines[3], ==, "Ada Lovelace,S-ADA,3.00,");
  g_assert_true (g_str_has_prefix (lines[4], "\"'=cmd|' /C calc'!A0 Zed\","));
  g_assert_cmpstr (lines[5], ==, "");
  g_assert_cmpstr (lines[6], ==, "Overridden cell,Standard,Value,Value from evidence,Reason");
  g_assert_cmpstr (lines[7], ==, "Grace Hopper,SCI.2,2.00,1.00,\"'=Portfolio, \"\"oral\"\" exam\"");
  /* No cell anywhere starts a formula. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], ",", -1);

      for (guint j = 0; cells[j] != NULL; j++)
        g_assert_false (cells[j][0] == '=' || cells[j][0] == '+' || cells[j][0] == '@');
    }
}

static GHashTable *
read_zip (const char *path)
{
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  struct archive *zip = archive_read_new ();
  struct archive_entry *entry;

  archive_read_support_format_zip (zip);
  g_assert_cmpint (archive_read_open_filename (zip, path, 16384), ==, ARCHIVE_OK);
  while (archive_read_next_header (zip, &entry) == ARCHIVE_OK)
    {
      gint64 size = archive_entry_size (entry);
      char *text = g_malloc0 (size + 1);

      g_assert_cmpint (archive_read_data (zip, text, size), ==, size);
      g_hash_table_insert (files, g_strdup (archive_entry_pathname (entry)), text);
    }
  archive_read_free (zip);
  return files;
}

static void
check_oneroster (Fixture    *f,
                 GHashTable *files)
{
  const char *manifest = g_hash_table_lookup (files, "manifest.csv");
  const char *categories = g_hash_table_lookup (files, "categories.csv");
  const char *line_items = g_hash_table_lookup (files, "lineItems.csv");
  const char *results = g_hash_table_lookup (files, "results.csv");
  g_auto(GStrv) item_lines = NULL;
  g_auto(GStrv) result_lines = NULL;
  g_auto(GStrv) first = NULL;

  g_assert_nonnull (manifest);
  g_assert_nonnull (strstr (manifest, "oneroster.version,1.1\r\n"));
  g_assert_nonnull (strstr (manifest, "file.results,bulk\r\n"));
  g_assert_nonnull (strstr (manifest, "file.lineItems,bulk\r\n"));
  g_assert_nonnull (strstr (manifest, "file.categories,bulk\r\n"));
  g_assert_nonnull (strstr (manifest, "file.users,absent\r\n"));
  g_assert_true (g_str_has_prefix (categories, "sourcedId,status,dateLastModified,title\r\n"));

  item_lines = g_strsplit (line_items, "\r\n", -1);
  g_assert_cmpstr (item_lines[0], ==,
                   "sourcedId,status,dateLastModified,title,description,assignDate,dueDate,"
                   "classSourcedId,categorySourcedId,gradingPeriodSourcedId,resultValueMin,resultValueMax");
  g_assert_cmpuint (g_strv_length (item_lines), ==, 4);   /* header, 2 standards, final empty */
  first = g_strsplit (item_lines[1], ",", -1);
  /* Bulk rows leave status and dateLastModified empty. */
  g_assert_cmpstr (first[1], ==, "");
  g_assert_cmpstr (first[2], ==, "");
  g_assert_cmpstr (first[5], ==, "2026-03-20");
  g_assert_cmpstr (first[3], ==, "SCI.1");
  g_assert_cmpstr (first[7], ==, "C-7SCI");
  g_assert_cmpstr (first[11], ==, "4.0");

  result_lines = g_strsplit (results, "\r\n", -1);
  g_assert_cmpstr (result_lines[0], ==,
                   "sourcedId,status,dateLastModified,lineItemSourcedId,studentSourcedId,"
                   "scoreStatus,score,scoreDate,comment");
  /* Two cells have a value; the learner without evidence has no result. */
  g_assert_cmpuint (g_strv_length (result_lines), ==, 4);
  g_assert_nonnull (strstr (results, ",S-GRACE,fully graded,2.00,2026-03-20,"
                                     "\"Set by the teacher: =Portfolio, \"\"oral\"\" exam\"\r\n"));
  g_assert_nonnull (strstr (results, ",S-ADA,fully graded,3.00,2026-03-20,Calculated from the evidence: latest\r\n"));
}

static void
test_oneroster_zip_and_folder (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlGradebook) gb = scored_gradebook (f);
  g_autofree char *dir = g_dir_make_tmp ("pl-results-XXXXXX", &error);
  g_autofree char *zip_path = g_build_filename (dir, "results.zip", NULL);
  g_autofree char *folder_path = g_build_filename (dir, "results", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(GHashTable) zipped = NULL;
  g_autoptr(GHashTable) written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  static const char *names[] = { "manifest.csv", "categories.csv", "lineItems.csv", "results.csv" };

  g_assert_false (pl_oneroster_results_write_zip (gb, zip_path, "2026-02-31", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (g_file_test (zip_path, G_FILE_TEST_EXISTS));

  g_assert_true (pl_oneroster_results_write_zip (gb, zip_path, "2026-03-20", &error));
  g_assert_no_error (error);
  zipped = read_zip (zip_path);
  g_assert_cmpuint (g_hash_table_size (zipped), ==, 4);
  check_oneroster (f, zipped);

  g_assert_true (pl_oneroster_results_write_folder (gb, folder, "2026-03-20", NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (folder_path, names[i], NULL);
      char *text = NULL;

      g_assert_true (g_file_get_contents (path, &text, NULL, &error));
      /* The folder and the zip hold the same bytes. */
      g_assert_cmpstr (text, ==, g_hash_table_lookup (zipped, names[i]));
      g_hash_table_insert (written, g_strdup (names[i]), text);
      g_unlink (path);
    }
  check_oneroster (f, written);

  /* Same class, same ids: a second export updates the same rows. */
  {
    g_autofree char *again = g_build_filename (dir, "again.zip", NULL);
    g_autoptr(GHashTable) second = NULL;

    g_assert_true (pl_oneroster_results_write_zip (gb, again, "2026-03-20", &error));
    second = read_zip (again);
    g_assert_cmpstr (g_hash_table_lookup (second, "results.csv"), ==, g_hash_table_lookup (zipped, "results.csv"));
    g_unlink (again);
  }

  g_rmdir (folder_path);
  g_unlink (zip_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gradebook-export/neutralise", test_neutralises_formulas);
  g_test_add ("/gradebook-export/csv", Fixture, NULL, fixture_set_up, test_csv, fixture_tear_down);
  g_test_add ("/gradebook-export/oneroster", Fixture, NULL, fixture_set_up,
              test_oneroster_zip_and_folder, fixture_tear_down);

  return g_test_run ();
}
