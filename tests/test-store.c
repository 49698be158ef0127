/* test-store.c — the SQLite store: records, tombstones, refusing bad files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "core/pl-core.h"
#include "core/pl-profile.h"
#include "core/pl-store-sync.h"
#include "damage-test-util.h"

static char *
temp_path (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("pl-store-XXXXXX", NULL);

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static void
test_save_and_get (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (NULL, &error);
  g_autoptr(PlLearner) learner = pl_learner_new ();
  g_autoptr(PlLearner) again = NULL;
  guint64 first_hlc;

  g_assert_no_error (error);
  pl_record_set_string (PL_RECORD (learner), "given-name", "Amara");
  pl_record_set_string (PL_RECORD (learner), "family_name", "Okafor");
  g_assert_true (pl_store_save (store, PL_RECORD (learner), &error));
  g_assert_no_error (error);
  first_hlc = pl_record_get_updated_hlc (PL_RECORD (learner));
  g_assert_cmpuint (first_hlc, >, 0);
  g_assert_cmpstr (pl_record_get_origin (PL_RECORD (learner)), ==, pl_store_get_device_id (store));

  again = pl_store_get (store, PL_TYPE_LEARNER, pl_record_get_uuid (PL_RECORD (learner)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (again), "given_name"), ==, "Amara");
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (again), "preferred-name"), ==, NULL);
  g_assert_false (pl_record_get_boolean (PL_RECORD (again), "archived"));

  /* Every edit advances the record's clock. */
  pl_record_set_string (PL_RECORD (again), "preferred-name", "Mara");
  g_assert_true (pl_store_save (store, PL_RECORD (again), &error));
  g_assert_cmpuint (pl_record_get_updated_hlc (PL_RECORD (again)), >, first_hlc);
  g_assert_cmpuint (pl_store_count (store, "learner", FALSE), ==, 1);
}

static void
test_tombstone (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (NULL, &error);
  g_autoptr(PlClassroom) c = pl_classroom_new ();
  g_autoptr(GListModel) list = NULL;
  g_autoptr(PlClassroom) dead = NULL;

  pl_record_set_string (PL_RECORD (c), "name", "7B Science");
  g_assert_true (pl_store_save (store, PL_RECORD (c), &error));
  g_assert_true (pl_store_delete (store, PL_RECORD (c), &error));
  g_assert_no_error (error);

  list = pl_store_list (store, PL_TYPE_CLASSROOM, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  /* The row stays, as a tombstone that syncs. */
  g_assert_cmpuint (pl_store_count (store, "classroom", TRUE), ==, 1);
  dead = pl_store_get (store, PL_TYPE_CLASSROOM, pl_record_get_uuid (PL_RECORD (c)), &error);
  g_assert_no_error (error);
  g_assert_true (pl_record_get_deleted (PL_RECORD (dead)));
}

static void
test_evidence_immutable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (NULL, &error);
  g_autoptr(PlEvidence) e = pl_evidence_new ();

  pl_record_set_string (PL_RECORD (e), "learner-uuid", "l1");
  pl_record_set_double (PL_RECORD (e), "score", 3);
  pl_record_set_string (PL_RECORD (e), "assessed-at", "2026-10-01");
  g_assert_true (pl_store_save (store, PL_RECORD (e), &error));
  g_assert_no_error (error);

  pl_record_set_double (PL_RECORD (e), "score", 4);
  g_assert_false (pl_store_save (store, PL_RECORD (e), &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_IMMUTABLE);
}

static GBytes *
read_bytes (const char *path)
{
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_bytes_new_take (contents, len);
}

static void
assert_refused_unchanged (const char *path,
                          int         code)
{
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (path, &error);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_null (store);
  g_assert_error (error, PL_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_refuse_foreign (void)
{
  g_autofree char *text = temp_path ("notes.txt");
  g_autofree char *other = temp_path ("other.sqlite");
  sqlite3 *db = NULL;

  g_assert_true (g_file_set_contents (text, "not a database at all, just some words\n", -1, NULL));
  assert_refused_unchanged (text, PL_STORE_ERROR_NOT_A_DATABASE);

  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_unchanged (other, PL_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_refuse_newer_and_corrupt (void)
{
  g_autofree char *path = temp_path ("newer.db");
  g_autofree char *corrupt = temp_path ("corrupt.db");
  g_autoptr(GError) error = NULL;
  PlStore *store;
  sqlite3 *db = NULL;
  char *contents = NULL;
  gsize len = 0;

  store = pl_store_open (path, &error);
  g_assert_no_error (error);
  g_object_unref (store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 999;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_unchanged (path, PL_STORE_ERROR_NEWER_SCHEMA);

  /* A real database with its schema page overwritten. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 1;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 4096);
  memset (contents + 100, 0x5a, 2000);
  g_assert_true (g_file_set_contents (corrupt, contents, len, NULL));
  g_free (contents);
  assert_refused_unchanged (corrupt, PL_STORE_ERROR_CORRUPT);
}

/* A database at schema version 1, made the way that version made it. */
static void
make_version_1 (const char *path)
{
  sqlite3 *db = NULL;
  g_autofree char *app_id = g_strdup_printf ("PRAGMA application_id = %d;", PL_SCHEMA_APPLICATION_ID);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, pl_schema_migration (1), NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 1;", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, app_id, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO meta VALUES ('device_id', 'old-device');"
                                 "INSERT INTO learner (uuid, updated_hlc, origin, given_name, family_name)"
                                 " VALUES ('l1', 5, 'old-device', 'Aiyana', 'Redcloud');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_migration_with_backup (void)
{
  g_autofree char *path = temp_path ("old.db");
  g_autofree char *expected_backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlLearner) kept = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpuint (pl_schema_current_version (), >=, 2);
  make_version_1 (path);

  store = pl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pl_store_get_schema_version (store), ==, pl_schema_current_version ());

  /* The backup is the database as it was before the upgrade: version 1,
   * with its data, and opening it would migrate it again. */
  expected_backup = g_strconcat (path, ".v1.bak", NULL);
  g_assert_cmpstr (pl_store_get_backup_path (store), ==, expected_backup);
  g_assert_cmpint (sqlite3_open (expected_backup, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version),"
                                       " (SELECT given_name FROM learner WHERE uuid = 'l1'),"
                                       " (SELECT count(*) FROM sqlite_schema WHERE name = 'goal_milestone')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "Aiyana");
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* Data and device survive; the new indexes exist. */
  kept = pl_store_get (store, PL_TYPE_LEARNER, "l1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (kept), "given-name"), ==, "Aiyana");
  g_assert_cmpstr (pl_store_get_device_id (store), ==, "old-device");
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'goal_milestone'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* Opening again migrates nothing and takes no new backup. */
  store = pl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (pl_store_get_backup_path (store));
}

/* From every older version, opening migrates to the current one, and a
 * table a later migration adds (goal_status, for one) is no reason to
 * call the older database damaged. */
static void
test_migration_from_each_version (void)
{
  for (guint version = 1; version < pl_schema_current_version (); version++)
    {
      g_autofree char *name = g_strdup_printf ("v%u.db", version);
      g_autofree char *path = temp_path (name);
      g_autofree char *app_id = g_strdup_printf ("PRAGMA application_id = %d;", PL_SCHEMA_APPLICATION_ID);
      g_autofree char *user_version = g_strdup_printf ("PRAGMA user_version = %u;", version);
      g_autoptr(GError) error = NULL;
      g_autoptr(PlStore) store = NULL;
      g_autoptr(GString) report = g_string_new (NULL);
      const char * const *tables = pl_schema_synced_tables ();
      sqlite3 *db = NULL;

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      for (guint v = 1; v <= version; v++)
        g_assert_cmpint (sqlite3_exec (db, pl_schema_migration (v), NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, user_version, NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, app_id, NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db,
                                     "INSERT INTO meta VALUES ('device_id', 'old-device');"
                                     "INSERT INTO goal (uuid, updated_hlc, origin, learner_uuid, body, status, set_on)"
                                     " VALUES ('g1', 5, 'old-device', 'l1', 'Read two articles', 'met', '2026-09-14');",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);

      store = pl_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (pl_store_get_schema_version (store), ==, pl_schema_current_version ());
      g_assert_true (pl_store_check (store, report, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (pl_store_count (store, "goal", FALSE), ==, 1);
      for (guint i = 0; tables[i] != NULL; i++)
        g_assert_cmpuint (pl_store_count (store, tables[i], TRUE), ==, g_str_equal (tables[i], "goal") ? 1 : 0);
    }
}

/* A damaged file opens when nothing checks it (which is why the app and
 * the command-line tool ask for the check), and is refused, unchanged,
 * when it is checked. */
static void
test_quick_check_on_open (void)
{
  g_autofree char *path = temp_path ("damaged.db");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) unchecked = NULL;
  PlStore *store;

  damage_test_make_file (path);
  before = read_bytes (path);

  store = pl_store_open_full (path, G_MAXUINT64, &error);
  g_assert_null (store);
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_clear_error (&error);

  /* Small enough for the check before the window. */
  store = pl_store_open_full (path, PL_STORE_QUICK_CHECK_BEFORE_WINDOW, &error);
  g_assert_null (store);
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));

  /* Larger than the limit: opened unchecked, and the check on its own
   * finds the damage. */
  unchecked = pl_store_open_full (path, 1024, &error);
  g_assert_no_error (error);
  g_assert_false (pl_store_was_checked (unchecked));
  g_assert_cmpuint (pl_store_count (unchecked, "learner", FALSE), ==, 24);
  g_assert_false (pl_store_quick_check (unchecked, NULL, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_clear_object (&unchecked);

  /* A sound file passes and says it was checked. */
  {
    g_autofree char *sound = temp_path ("sound.db");

    store = pl_store_open (sound, &error);
    g_assert_no_error (error);
    g_object_unref (store);
    store = pl_store_open_full (sound, G_MAXUINT64, &error);
    g_assert_no_error (error);
    g_assert_true (pl_store_was_checked (store));
    g_assert_true (pl_store_quick_check (store, NULL, &error));
    g_object_unref (store);
  }
}

/* Version 1 rows get edited_at from the physical time of their clock;
 * every save afterwards stamps it anew. */
static void
test_migration_edited_at (void)
{
  g_autofree char *path = temp_path ("old.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlRecord) learner = NULL;
  g_autoptr(PlRecord) field = NULL;
  g_autofree char *sql = NULL;
  /* 2026-01-01T00:00:00Z, counter 3. */
  guint64 hlc = pl_hlc_pack (G_GINT64_CONSTANT (1767225600000), 3);
  sqlite3 *db = NULL;
  g_autofree char *before = NULL;

  make_version_1 (path);
  sql = g_strdup_printf ("INSERT INTO learner (uuid, updated_hlc, origin, given_name, family_name)"
                         " VALUES ('l2', %" G_GUINT64_FORMAT ", 'old-device', 'Tomás', 'Reyes');"
                         "INSERT INTO profile_field (uuid, updated_hlc, origin, learner_uuid, field, value)"
                         " VALUES ('f2', %" G_GUINT64_FORMAT ", 'old-device', 'l2', 'interests', 'chess');",
                         hlc, hlc);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = pl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pl_store_get_schema_version (store), ==, pl_schema_current_version ());
  learner = pl_store_get (store, PL_TYPE_LEARNER, "l2", &error);
  g_assert_no_error (error);
  field = pl_store_get (store, PL_TYPE_PROFILE_FIELD, "f2", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_record_get_string (learner, "edited-at"), ==, "2026-01-01T00:00:00Z");
  g_assert_cmpstr (pl_record_get_string (field, "edited-at"), ==, "2026-01-01T00:00:00Z");
  /* The clock was not touched by the backfill. */
  g_assert_cmpuint (pl_record_get_updated_hlc (field), ==, hlc);
  g_assert_cmpint (pl_profile_edit_time_ms (pl_record_get_string (field, "edited-at"), 0), ==,
                   pl_hlc_physical_ms (hlc));

  before = g_strdup (pl_record_get_string (field, "edited-at"));
  pl_record_set_string (field, "value", "chess, robotics");
  g_assert_true (pl_store_save (store, field, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pl_record_get_string (field, "edited-at"), >, before);
  g_assert_cmpint (ABS (pl_profile_edit_time_ms (pl_record_get_string (field, "edited-at"), 0) -
                        g_get_real_time () / 1000), <, 5000);
}

static void
test_edit_time_parsing (void)
{
  g_assert_cmpint (pl_profile_edit_time_ms ("1970-01-01T00:00:00Z", 0), ==, 0);
  g_assert_cmpint (pl_profile_edit_time_ms ("2000-03-01", 0), ==, G_GINT64_CONSTANT (951868800000));
  g_assert_cmpint (pl_profile_edit_time_ms ("2024-02-29T12:30:15Z", 0), ==, G_GINT64_CONSTANT (1709209815000));
  /* Not a date: the clock's time. */
  g_assert_cmpint (pl_profile_edit_time_ms ("yesterday", pl_hlc_pack (1234567, 2)), ==, 1234567);
  g_assert_cmpint (pl_profile_edit_time_ms (NULL, pl_hlc_pack (42, 0)), ==, 42);
  g_assert_cmpint (pl_profile_edit_time_ms ("2024-13-01", pl_hlc_pack (7, 0)), ==, 7);
}

static guint64
stored_clock (PlStore *store)
{
  g_autofree char *hlc = pl_store_get_meta (store, "hlc");

  return hlc != NULL ? g_ascii_strtoull (hlc, NULL, 10) : 0;
}

/* Two connections to one file, as the window and an import in a worker
 * thread: the stored clock never goes down, and a write of the first
 * connection after an import by the second comes after everything the
 * import brought. */
static void
test_clock_across_connections (void)
{
  g_autofree char *path = temp_path ("two.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) window = pl_store_open (path, &error);
  g_autoptr(PlStore) worker = pl_store_open (path, &error);
  g_autoptr(PlSchool) first = pl_school_new ();
  g_autoptr(PlSchool) imported = pl_school_new ();
  g_autoptr(PlSchool) after = pl_school_new ();
  guint64 ahead;

  g_assert_no_error (error);
  g_assert_true (pl_store_save (window, PL_RECORD (first), &error));

  /* The worker's import brings clocks a day ahead of this machine's. */
  ahead = pl_hlc_pack (g_get_real_time () / 1000 + 24 * 3600 * 1000, 7);
  pl_hlc_observe (pl_store_get_clock (worker), ahead);
  g_assert_true (pl_store_save (worker, PL_RECORD (imported), &error));
  g_assert_cmpuint (stored_clock (worker), >, ahead);

  /* The window's next edit: past the import, and the stored clock stays. */
  g_assert_true (pl_store_save (window, PL_RECORD (after), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pl_record_get_updated_hlc (PL_RECORD (after)), >,
                    pl_record_get_updated_hlc (PL_RECORD (imported)));
  g_assert_cmpuint (stored_clock (window), >=, pl_record_get_updated_hlc (PL_RECORD (after)));
}

/* While a long write holds the file, other connections are refused at
 * once with its message, instead of waiting seconds for the lock. */
static void
test_claims_and_refusal (void)
{
  g_autofree char *path = temp_path ("claim.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) window = pl_store_open (path, &error);
  g_autoptr(PlStore) worker = pl_store_open (path, &error);
  g_autoptr(PlSchool) school = pl_school_new ();
  gint64 start;

  g_assert_no_error (error);
  g_assert_true (pl_store_claim_writes (worker, "an import is running"));
  g_assert_true (pl_store_claim_writes (worker, "an import is running"));
  g_assert_false (pl_store_claim_writes (window, "something else"));
  g_assert_true (pl_store_begin (worker, &error));

  start = g_get_monotonic_time ();
  g_assert_false (pl_store_save (window, PL_RECORD (school), &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_BUSY);
  g_assert_cmpstr (error->message, ==, "an import is running");
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_clear_error (&error);

  g_assert_true (pl_store_commit (worker, &error));
  pl_store_release_writes (worker);
  /* Still held: claims nest. */
  g_assert_false (pl_store_save (window, PL_RECORD (school), NULL));
  pl_store_release_writes (worker);
  g_assert_true (pl_store_save (window, PL_RECORD (school), &error));
  g_assert_no_error (error);

  /* A claim goes with its connection. */
  g_assert_true (pl_store_claim_writes (worker, "copying"));
  g_clear_object (&worker);
  g_assert_true (pl_store_save (window, PL_RECORD (school), &error));

  pl_store_refuse_writes (window, "the database is damaged");
  g_assert_false (pl_store_save (window, PL_RECORD (school), &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  pl_store_refuse_writes (window, NULL);
  g_assert_true (pl_store_save (window, PL_RECORD (school), &error));
}

static void
test_copy_to (void)
{
  g_autofree char *path = temp_path ("source.db");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *dest = g_build_filename (dir, "elsewhere", "personallearn.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) source = pl_store_open (path, &error);
  g_autoptr(PlStore) copy = NULL;
  g_autoptr(GBytes) dest_before = NULL;
  g_autoptr(GBytes) dest_after = NULL;
  g_autofree char *source_dump = NULL;
  g_autofree char *copy_dump = NULL;
  PlDemoOptions options;

  g_assert_no_error (error);
  pl_demo_options_init (&options);
  g_assert_true (pl_demo_generate (source, &options, NULL, &error));
  g_assert_true (pl_store_copy_to (source, dest, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  copy = pl_store_open_full (dest, G_MAXUINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_store_get_device_id (copy), ==, pl_store_get_device_id (source));
  {
    g_autoptr(GOutputStream) a = g_memory_output_stream_new_resizable ();
    g_autoptr(GOutputStream) b = g_memory_output_stream_new_resizable ();

    g_assert_true (pl_store_dump (source, a, &error));
    g_assert_true (pl_store_dump (copy, b, &error));
    g_output_stream_write_all (a, "", 1, NULL, NULL, NULL);
    g_output_stream_write_all (b, "", 1, NULL, NULL, NULL);
    source_dump = g_strdup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (a)));
    copy_dump = g_strdup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (b)));
  }
  g_assert_cmpstr (copy_dump, ==, source_dump);
  g_clear_object (&copy);

  /* Never over an existing file; no temporary file is left. */
  dest_before = read_bytes (dest);
  g_assert_false (pl_store_copy_to (source, dest, NULL, NULL, NULL, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  dest_after = read_bytes (dest);
  g_assert_true (g_bytes_equal (dest_before, dest_after));
  {
    g_autofree char *folder = g_path_get_dirname (dest);
    g_autoptr(GDir) d = g_dir_open (folder, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      g_assert_false (g_str_has_suffix (name, ".part"));
  }
}

static gint64 fake_now;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

static void
test_clock_never_goes_back (void)
{
  g_autoptr(PlHlc) hlc = pl_hlc_new ();
  guint64 a, b, c, d;

  pl_hlc_set_clock (hlc, fake_clock, NULL);
  fake_now = 1700000000000;
  a = pl_hlc_now (hlc);
  b = pl_hlc_now (hlc);
  g_assert_cmpuint (b, >, a);
  g_assert_cmpint (pl_hlc_physical_ms (b), ==, fake_now);

  fake_now -= 3600 * 1000;          /* the wall clock is set back an hour */
  c = pl_hlc_now (hlc);
  g_assert_cmpuint (c, >, b);

  pl_hlc_observe (hlc, pl_hlc_pack (fake_now + 7200 * 1000, 5));  /* a device ahead */
  d = pl_hlc_now (hlc);
  g_assert_cmpuint (d, >, pl_hlc_pack (fake_now + 7200 * 1000, 5));
}

static void
test_clock_survives_restart (void)
{
  g_autofree char *path = temp_path ("clock.db");
  g_autoptr(GError) error = NULL;
  PlStore *store = pl_store_open (path, &error);
  g_autoptr(PlSchool) school = pl_school_new ();
  guint64 before;

  g_assert_no_error (error);
  pl_hlc_set_clock (pl_store_get_clock (store), fake_clock, NULL);
  fake_now = 1800000000000;
  g_assert_true (pl_store_save (store, PL_RECORD (school), &error));
  before = pl_record_get_updated_hlc (PL_RECORD (school));
  g_object_unref (store);

  store = pl_store_open (path, &error);
  g_assert_no_error (error);
  fake_now = 1600000000000;  /* much earlier wall clock after the restart */
  pl_hlc_set_clock (pl_store_get_clock (store), fake_clock, NULL);
  g_assert_true (pl_store_save (store, PL_RECORD (school), &error));
  g_assert_cmpuint (pl_record_get_updated_hlc (PL_RECORD (school)), >, before);
  g_object_unref (store);
}

/* A new file is made with 8 KiB pages. */
static void
test_page_size (void)
{
  g_autofree char *path = temp_path ("pages.db");
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  {
    g_autoptr(PlStore) store = pl_store_open (path, &error);

    g_assert_no_error (error);
  }
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_size", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 8192);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/save-and-get", test_save_and_get);
  g_test_add_func ("/store/tombstone", test_tombstone);
  g_test_add_func ("/store/evidence-immutable", test_evidence_immutable);
  g_test_add_func ("/store/refuse-foreign", test_refuse_foreign);
  g_test_add_func ("/store/refuse-newer-and-corrupt", test_refuse_newer_and_corrupt);
  g_test_add_func ("/store/migration-with-backup", test_migration_with_backup);
  g_test_add_func ("/store/migration-from-each-version", test_migration_from_each_version);
  g_test_add_func ("/store/migration-edited-at", test_migration_edited_at);
  g_test_add_func ("/store/edit-time-parsing", test_edit_time_parsing);
  g_test_add_func ("/store/quick-check-on-open", test_quick_check_on_open);
  g_test_add_func ("/store/claims-and-refusal", test_claims_and_refusal);
  g_test_add_func ("/store/copy-to", test_copy_to);
  g_test_add_func ("/store/page-size", test_page_size);
  g_test_add_func ("/hlc/never-goes-back", test_clock_never_goes_back);
  g_test_add_func ("/hlc/across-connections", test_clock_across_connections);
  g_test_add_func ("/hlc/survives-restart", test_clock_survives_restart);

  return g_test_run ();
}
