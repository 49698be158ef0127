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

/* RFC 4180 rows of TEXT: each row a GStrv of its fields, unquoted. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE, any = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
          continue;
        }
      any = TRUE;
      if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        {
          g_strv_builder_add (row, field->str);
          g_string_truncate (field, 0);
        }
      else if (*p == '\r' && p[1] == '\n')
        {
          g_strv_builder_add (row, field->str);
          g_string_truncate (field, 0);
          g_ptr_array_add (rows, g_strv_builder_end (row));
          g_clear_pointer (&row, g_strv_builder_unref);
          row = g_strv_builder_new ();
          any = FALSE;
          p++;
        }
      else
        g_string_append_c (field, *p);
    }
  g_assert_false (quoted);
  g_assert_false (any);   /* every row ends in CRLF */
  return rows;
}

/* The value of COLUMN in ROW of a parsed file whose first row names the
 * columns. */
static const char *
cell (GPtrArray  *rows,
      guint       row,
      const char *column)
{
  GStrv header = g_ptr_array_index (rows, 0);
  GStrv values = g_ptr_array_index (rows, row);

  for (guint c = 0; header[c] != NULL; c++)
    if (g_str_equal (header[c], column))
      {
        g_assert_cmpuint (g_strv_length (values), ==, g_strv_length (header));
        return values[c];
      }
  g_error ("no column %s", column);
}

/* Every row has a value in each column OneRoster 1.1 requires. */
static void
check_required (GPtrArray          *rows,
                const char * const *required)
{
  g_assert_cmpuint (rows->len, >=, 2);
  for (guint r = 1; r < rows->len; r++)
    for (guint i = 0; required[i] != NULL; i++)
      {
        const char *value = cell (rows, r, required[i]);

        if (*value == '\0')
          g_error ("row %u: required column %s is empty", r, required[i]);
      }
}

static gboolean
has_value (GPtrArray  *rows,
           const char *column,
           const char *value)
{
  for (guint r = 1; r < rows->len; r++)
    if (g_strcmp0 (cell (rows, r, column), value) == 0)
      return TRUE;
  return FALSE;
}

static guint
row_with (GPtrArray  *rows,
          const char *column,
          const char *value)
{
  for (guint r = 1; r < rows->len; r++)
    if (g_strcmp0 (cell (rows, r, column), value) == 0)
      return r;
  g_error ("no row with %s = %s", column, value);
}

static void
check_oneroster (Fixture    *f,
                 GHashTable *files)
{
  static const char * const session_required[] = {
    "sourcedId", "title", "type", "startDate", "endDate", "schoolYear", NULL };
  static const char * const category_required[] = { "sourcedId", "title", NULL };
  static const char * const item_required[] = {
    "sourcedId", "title", "assignDate", "dueDate", "classSourcedId", "categorySourcedId",
    "gradingPeriodSourcedId", "resultValueMin", "resultValueMax", NULL };
  static const char * const result_required[] = {
    "sourcedId", "lineItemSourcedId", "studentSourcedId", "scoreStatus", "score", "scoreDate", NULL };
  g_autoptr(GPtrArray) manifest = parse_csv (g_hash_table_lookup (files, "manifest.csv"));
  g_autoptr(GPtrArray) sessions = parse_csv (g_hash_table_lookup (files, "academicSessions.csv"));
  g_autoptr(GPtrArray) categories = parse_csv (g_hash_table_lookup (files, "categories.csv"));
  g_autoptr(GPtrArray) items = parse_csv (g_hash_table_lookup (files, "lineItems.csv"));
  g_autoptr(GPtrArray) results = parse_csv (g_hash_table_lookup (files, "results.csv"));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  guint sci1, sci2, ada, grace;

  /* Every file the manifest says is there is there, and it says so of
   * each file written. */
  g_assert_cmpstr (cell (manifest, row_with (manifest, "propertyName", "oneroster.version"), "value"), ==, "1.1");
  for (guint r = 1; r < manifest->len; r++)
    {
      const char *name = cell (manifest, r, "propertyName");

      if (g_str_has_prefix (name, "file."))
        {
          g_autofree char *file = g_strconcat (name + 5, ".csv", NULL);

          g_assert_cmpint (g_hash_table_contains (files, file), ==,
                           g_str_equal (cell (manifest, r, "value"), "bulk"));
        }
    }
  g_assert_cmpstr (cell (manifest, row_with (manifest, "propertyName", "file.academicSessions"), "value"),
                   ==, "bulk");

  check_required (sessions, session_required);
  check_required (categories, category_required);
  check_required (items, item_required);
  check_required (results, result_required);
  /* Bulk rows leave status and dateLastModified empty. */
  g_assert_cmpstr (cell (items, 1, "status"), ==, "");
  g_assert_cmpstr (cell (items, 1, "dateLastModified"), ==, "");

  /* The grading period: the units have no dates, so the school year of
   * the export date. */
  g_assert_cmpuint (sessions->len, ==, 2);
  g_assert_cmpstr (cell (sessions, 1, "type"), ==, "gradingPeriod");
  g_assert_cmpstr (cell (sessions, 1, "startDate"), ==, "2025-08-01");
  g_assert_cmpstr (cell (sessions, 1, "endDate"), ==, "2026-07-31");
  g_assert_cmpstr (cell (sessions, 1, "schoolYear"), ==, "2026");

  /* Every reference points at a row of the file set. */
  g_assert_cmpuint (items->len, ==, 3);   /* header and 2 standards */
  for (guint r = 1; r < items->len; r++)
    {
      g_assert_true (has_value (sessions, "sourcedId", cell (items, r, "gradingPeriodSourcedId")));
      g_assert_true (has_value (categories, "sourcedId", cell (items, r, "categorySourcedId")));
      g_assert_cmpstr (cell (items, r, "classSourcedId"), ==, "C-7SCI");
      g_assert_cmpstr (cell (items, r, "resultValueMax"), ==, "4.0");
      g_assert_cmpint (strcmp (cell (items, r, "assignDate"), cell (items, r, "dueDate")), <=, 0);
    }
  for (guint r = 1; r < results->len; r++)
    g_assert_true (has_value (items, "sourcedId", cell (results, r, "lineItemSourcedId")));

  /* Dates from the evidence, not from the day of the export. */
  sci1 = row_with (items, "title", "SCI.1");
  sci2 = row_with (items, "title", "SCI.2");
  g_assert_cmpstr (cell (items, sci1, "assignDate"), ==, "2026-03-01");
  g_assert_cmpstr (cell (items, sci1, "dueDate"), ==, "2026-03-08");
  g_assert_cmpstr (cell (items, sci2, "assignDate"), ==, "2026-03-02");

  /* Two cells have a value; the learner without evidence has no result. */
  g_assert_cmpuint (results->len, ==, 3);
  ada = row_with (results, "studentSourcedId", "S-ADA");
  grace = row_with (results, "studentSourcedId", "S-GRACE");
  g_assert_cmpstr (cell (results, ada, "score"), ==, "3.00");
  g_assert_cmpstr (cell (results, ada, "scoreDate"), ==, "2026-03-08");
  g_assert_cmpstr (cell (results, ada, "comment"), ==, "Calculated from the evidence: Latest");
  g_assert_cmpstr (cell (results, ada, "scoreStatus"), ==, "fully graded");
  /* The override: dated the day it was set, with the teacher's reason
   * (a formula neutralised). */
  g_assert_cmpstr (cell (results, grace, "scoreDate"), ==, today);
  g_assert_cmpstr (cell (results, grace, "comment"), ==, "Set by the teacher: =Portfolio, \"oral\" exam");
  g_assert_true (g_str_has_prefix (strstr (g_hash_table_lookup (files, "results.csv"), "Set by the teacher"),
                                   "Set by the teacher: =Portfolio"));
}

/* The class and learners without a roster sourcedId are named. */
static void
test_oneroster_warns_without_ids (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(PlGradebook) gb = scored_gradebook (f);
  g_autofree char *warning = pl_oneroster_results_check (gb);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) classroom = NULL;
  g_autoptr(PlGradebook) again = NULL;
  g_autofree char *second = NULL;

  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "1 learner has no sourcedId"));
  g_assert_nonnull (strstr (warning, "Zed"));
  g_assert_null (strstr (warning, "class"));
  classroom = pl_store_get (f->store, PL_TYPE_CLASSROOM, f->classroom, &error);
  pl_record_set_string (classroom, "source_id", NULL);
  g_assert_true (pl_store_save (f->store, classroom, &error));
  again = pl_store_load_gradebook (f->store, f->classroom, "latest", 0, engine_rollup, NULL, &error);
  second = pl_oneroster_results_check (again);
  g_assert_nonnull (strstr (second, "The class “Grade 7 Science” has no sourcedId"));
}

/* With dated units the grading period is their span, and a milestone due
 * later than the evidence is the line items' due date. */
static void
test_oneroster_unit_dates (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) units = pl_store_list_where (f->store, PL_TYPE_UNIT, "classroom_uuid", f->classroom, &error);
  g_autoptr(PlRecord) unit = g_list_model_get_item (units, 0);
  g_autoptr(PlGradebook) gb = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pl-results-XXXXXX", &error);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *sessions_text = NULL, *items_text = NULL;
  g_autofree char *sessions_path = g_build_filename (dir, "academicSessions.csv", NULL);
  g_autofree char *items_path = g_build_filename (dir, "lineItems.csv", NULL);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) items = NULL;

  pl_record_set_string (unit, "starts_on", "2026-02-23");
  pl_record_set_string (unit, "ends_on", "2026-04-03");
  g_assert_true (pl_store_save (f->store, unit, &error));
  g_free (save_new (f->store, PL_TYPE_MILESTONE, "unit_uuid", pl_record_get_uuid (unit), "title", "Report",
                    "due_on", "2026-03-27", NULL));
  gb = scored_gradebook (f);
  g_assert_true (pl_oneroster_results_write_folder (gb, folder, "2026-05-01", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (sessions_path, &sessions_text, NULL, NULL));
  g_assert_true (g_file_get_contents (items_path, &items_text, NULL, NULL));
  sessions = parse_csv (sessions_text);
  items = parse_csv (items_text);
  g_assert_cmpstr (cell (sessions, 1, "startDate"), ==, "2026-02-23");
  g_assert_cmpstr (cell (sessions, 1, "endDate"), ==, "2026-04-03");
  g_assert_cmpstr (cell (sessions, 1, "schoolYear"), ==, "2026");
  g_assert_cmpstr (cell (items, row_with (items, "title", "SCI.1"), "assignDate"), ==, "2026-03-01");
  g_assert_cmpstr (cell (items, row_with (items, "title", "SCI.1"), "dueDate"), ==, "2026-03-27");
  {
    static const char *names[] = { "manifest.csv", "academicSessions.csv", "categories.csv",
                                   "lineItems.csv", "results.csv" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *path = g_build_filename (dir, names[i], NULL);

        g_unlink (path);
      }
  }
  g_rmdir (dir);
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
  static const char *names[] = { "manifest.csv", "academicSessions.csv", "categories.csv", "lineItems.csv",
                                 "results.csv" };

  g_assert_false (pl_oneroster_results_write_zip (gb, zip_path, "2026-02-31", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (g_file_test (zip_path, G_FILE_TEST_EXISTS));

  g_assert_true (pl_oneroster_results_write_zip (gb, zip_path, "2026-03-20", &error));
  g_assert_no_error (error);
  zipped = read_zip (zip_path);
  g_assert_cmpuint (g_hash_table_size (zipped), ==, 5);
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

static void
on_progress_cb (double fraction, gpointer data)
{
  GArray *seen = data;

  g_array_append_val (seen, fraction);
}

/* Exports tell how far they are, and a cancelled one writes nothing. */
static void
test_progress_and_cancel (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlGradebook) gb = scored_gradebook (f);
  g_autofree char *dir = g_dir_make_tmp ("pl-results-XXXXXX", &error);
  g_autofree char *zip_path = g_build_filename (dir, "results.zip", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "grades.csv", NULL);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));

  g_assert_true (pl_oneroster_results_write_zip_with_progress (gb, zip_path, "2026-03-20", on_progress_cb, seen,
                                                               NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, >=, 2);
  for (guint i = 1; i < seen->len; i++)
    g_assert_cmpfloat (g_array_index (seen, double, i), >=, g_array_index (seen, double, i - 1));
  g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1.0);
  g_unlink (zip_path);

  g_array_set_size (seen, 0);
  g_assert_true (pl_gradebook_csv_export_with_progress (gb, csv, on_progress_cb, seen, NULL, &error));
  g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1.0);
  g_unlink (csv_path);

  g_cancellable_cancel (cancelled);
  g_assert_false (pl_oneroster_results_write_zip_with_progress (gb, zip_path, "2026-03-20", NULL, NULL,
                                                                cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (g_file_test (zip_path, G_FILE_TEST_EXISTS));
  g_assert_false (pl_gradebook_csv_export_with_progress (gb, csv, NULL, NULL, cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (csv_path, G_FILE_TEST_EXISTS));
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
  g_test_add ("/gradebook-export/oneroster-warns-without-ids", Fixture, NULL, fixture_set_up,
              test_oneroster_warns_without_ids, fixture_tear_down);
  g_test_add ("/gradebook-export/progress-and-cancel", Fixture, NULL, fixture_set_up,
              test_progress_and_cancel, fixture_tear_down);
  g_test_add ("/gradebook-export/oneroster-unit-dates", Fixture, NULL, fixture_set_up,
              test_oneroster_unit_dates, fixture_tear_down);

  return g_test_run ();
}
