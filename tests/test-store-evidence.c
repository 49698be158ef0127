/* test-store-evidence.c — bulk evidence: large batches rebuild the
 * indexes inside their transaction, and every batch is all or nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "core/pl-core.h"
#include "core/pl-store-evidence.h"

/* Larger than the size from which a batch rebuilds the indexes. */
#define N_BULK 30000

typedef struct
{
  char      *dir;
  char      *path;
  PlStore   *store;
  char       learners[50][37];
  char       standards[6][37];
  PlEvidenceRow *rows;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("pl-evidence-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "store.db", NULL);
  f->store = pl_store_open (f->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (f->learners); i++)
    {
      g_autofree char *u = g_uuid_string_random ();
      memcpy (f->learners[i], u, 37);
    }
  for (guint i = 0; i < G_N_ELEMENTS (f->standards); i++)
    {
      g_autofree char *u = g_uuid_string_random ();
      memcpy (f->standards[i], u, 37);
    }
  f->rows = g_new0 (PlEvidenceRow, N_BULK);
  for (guint i = 0; i < N_BULK; i++)
    {
      f->rows[i].learner_uuid = f->learners[g_test_rand_int_range (0, G_N_ELEMENTS (f->learners))];
      f->rows[i].standard_uuid = f->standards[i % G_N_ELEMENTS (f->standards)];
      f->rows[i].assessed_at = i % 2 ? "2026-02-03T10:00:00Z" : "2026-01-12T09:30:00Z";
      f->rows[i].score = 1 + i % 4;
      f->rows[i].source = "quiz";
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&f->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (f->path, suffixes[i], NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->rows);
  g_free (f->path);
  g_free (f->dir);
}

/* The evidence table's indexes as the schema holds them, read through a
 * connection of the test's own. */
static char *
indexes_of (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, coalesce (sql, '') FROM sqlite_schema"
                                       " WHERE type = 'index' AND tbl_name = 'evidence' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s: %s\n", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* How SQLite finds a learner's evidence: through evidence_learner. */
static char *
learner_plan (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "EXPLAIN QUERY PLAN SELECT score FROM evidence"
                                       " WHERE learner_uuid = 'x' AND standard_uuid = 'y'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s\n", sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static guint
count_for (PlStore    *store,
           const char *learner)
{
  g_autoptr(GListModel) list = pl_store_list_where (store, PL_TYPE_EVIDENCE, "learner-uuid", learner, NULL);

  return g_list_model_get_n_items (list);
}

static void
test_bulk_rebuilds_indexes (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autofree char *before = indexes_of (f->path);
  g_autofree char *after = NULL;
  g_autofree char *plan = NULL;
  guint expected = 0;

  g_assert_nonnull (strstr (before, "evidence_learner"));
  g_assert_nonnull (strstr (before, "evidence_supersedes"));

  /* Into an empty table: the indexes are rebuilt once, the same. */
  g_assert_true (pl_store_add_evidence (f->store, f->rows, N_BULK, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pl_store_count (f->store, "evidence", FALSE), ==, N_BULK);
  after = indexes_of (f->path);
  g_assert_cmpstr (after, ==, before);
  plan = learner_plan (f->path);
  g_assert_nonnull (strstr (plan, "evidence_learner"));
  g_assert_true (pl_store_check (f->store, report, &error));
  g_assert_no_error (error);

  /* The rebuilt index finds every row of a learner. */
  for (guint i = 0; i < N_BULK; i++)
    expected += f->rows[i].learner_uuid == f->learners[0];
  g_assert_cmpuint (count_for (f->store, f->learners[0]), ==, expected);

  /* The same again: the table only doubles, the indexes are updated row
   * by row, and they are still the same. */
  g_assert_true (pl_store_add_evidence (f->store, f->rows, N_BULK, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pl_store_count (f->store, "evidence", FALSE), ==, 2 * N_BULK);
  g_clear_pointer (&after, g_free);
  after = indexes_of (f->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_for (f->store, f->learners[0]), ==, 2 * expected);
  g_assert_true (pl_store_check (f->store, report, &error));
}

/* A batch that fails on its last row leaves nothing of itself, and the
 * indexes it had dropped to rebuild are back. */
static void
test_bulk_all_or_nothing (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autofree char *before = indexes_of (f->path);
  g_autofree char *after = NULL;
  PlEvidenceRow one = f->rows[0];

  one.uuid = "6f2a54c0-5d52-4e4b-9d3c-000000000001";
  g_assert_true (pl_store_add_evidence (f->store, &one, 1, &error));
  g_assert_no_error (error);

  /* The last row repeats the uuid of the one already stored. */
  f->rows[N_BULK - 1].uuid = one.uuid;
  g_assert_false (pl_store_add_evidence (f->store, f->rows, N_BULK, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpuint (pl_store_count (f->store, "evidence", TRUE), ==, 1);
  after = indexes_of (f->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (pl_store_check (f->store, report, &error));

  /* And the store takes the batch once it is right. */
  f->rows[N_BULK - 1].uuid = NULL;
  g_assert_true (pl_store_add_evidence (f->store, f->rows, N_BULK, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pl_store_count (f->store, "evidence", TRUE), ==, N_BULK + 1);
}

/* New uuids are valid version 4 uuids, all different, increasing in the
 * order of the rows. */
static void
test_bulk_uuids (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *previous = NULL;
  guint n = 0;

  g_assert_true (pl_store_add_evidence (f->store, f->rows, N_BULK, &error));
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT uuid FROM evidence ORDER BY rowid", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *uuid = (const char *) sqlite3_column_text (stmt, 0);

      g_assert_true (g_uuid_string_is_valid (uuid));
      g_assert_cmpint (uuid[14], ==, '4');
      g_assert_nonnull (strchr ("89ab", uuid[19]));
      if (previous != NULL)
        g_assert_cmpstr (previous, <, uuid);
      g_assert_true (g_hash_table_add (seen, g_strdup (uuid)));
      g_free (previous);
      previous = g_strdup (uuid);
      n++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (n, ==, N_BULK);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store-evidence/bulk-rebuilds-indexes", Fixture, NULL,
              fixture_set_up, test_bulk_rebuilds_indexes, fixture_tear_down);
  g_test_add ("/store-evidence/bulk-all-or-nothing", Fixture, NULL,
              fixture_set_up, test_bulk_all_or_nothing, fixture_tear_down);
  g_test_add ("/store-evidence/bulk-uuids", Fixture, NULL,
              fixture_set_up, test_bulk_uuids, fixture_tear_down);

  return g_test_run ();
}
