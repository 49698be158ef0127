/* test-evidence-fault.c — a bulk evidence write killed with SIGKILL at
 * random moments leaves a sound database holding all of the batch or none
 * of it, with its indexes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "core/pl-core.h"
#include "core/pl-store-evidence.h"

/* Enough rows that the write takes a while to kill in the middle and
 * rebuilds the table's indexes. */
#define N_ROWS 200000
#define N_BEFORE 100

static char *self_path;

static void
fill_rows (PlEvidenceRow *rows,
           guint          n,
           char         (*learners)[37],
           guint          n_learners)
{
  for (guint i = 0; i < n; i++)
    {
      rows[i].learner_uuid = learners[(i * 7u) % n_learners];
      rows[i].standard_uuid = "0c6f1a52-7b1e-4f55-8d0e-5a1d0c7e9b21";
      rows[i].assessed_at = "2026-02-03T10:00:00Z";
      rows[i].score = 1 + i % 4;
      rows[i].source = "quiz";
    }
}

/* The child: writes one batch into one database. */
static int
write_child (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (db, &error);
  g_autofree PlEvidenceRow *rows = g_new0 (PlEvidenceRow, N_ROWS);
  static char learners[500][37];

  for (guint i = 0; i < G_N_ELEMENTS (learners); i++)
    {
      g_autofree char *u = g_uuid_string_random ();
      memcpy (learners[i], u, 37);
    }
  fill_rows (rows, N_ROWS, learners, G_N_ELEMENTS (learners));
  if (store == NULL || !pl_store_add_evidence (store, rows, N_ROWS, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

/* Rows in the table, indexes in the schema, and whether SQLite finds the
 * database sound, through a connection of the test's own. */
static guint
inspect (const char  *path,
         char       **indexes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(PlStore) store = pl_store_open (path, &error);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  if (!pl_store_check (store, report, &error))
    g_error ("%s: integrity check failed: %s", path, report->str);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, coalesce (sql, '') FROM sqlite_schema"
                                       " WHERE type = 'index' AND tbl_name = 'evidence' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (names, "%s: %s\n", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  *indexes = g_string_free (g_steal_pointer (&names), FALSE);
  return pl_store_count (store, "evidence", TRUE);
}

static void
copy_db (const char *from,
         const char *to)
{
  g_autoptr(GFile) src = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);
  g_autofree char *wal = g_strconcat (to, "-wal", NULL);
  g_autofree char *shm = g_strconcat (to, "-shm", NULL);

  g_remove (wal);
  g_remove (shm);
  g_assert_true (g_file_copy (src, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
}

static GPid
spawn_write (const char *db)
{
  const char *argv[] = { self_path, "--write-child", db, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  return pid;
}

static void
test_killed_write (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pl-evidence-fault-XXXXXX", NULL);
  g_autofree char *pristine = g_build_filename (dir, "pristine.db", NULL);
  g_autofree char *work = g_build_filename (dir, "work.db", NULL);
  g_autofree char *indexes_before = NULL;
  gint64 started, full_us;
  guint n_none = 0, n_all = 0;
  const char *iterations_env = g_getenv ("PL_FAULT_ITERATIONS");
  guint iterations = iterations_env != NULL ? (guint) atoi (iterations_env) : 12;

  /* A database that already holds a little evidence, checkpointed so
   * that the copies are whole files. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PlStore) store = pl_store_open (pristine, &error);
    PlEvidenceRow rows[N_BEFORE] = { 0 };
    static char learners[10][37];

    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (learners); i++)
      {
        g_autofree char *u = g_uuid_string_random ();
        memcpy (learners[i], u, 37);
      }
    fill_rows (rows, N_BEFORE, learners, G_N_ELEMENTS (learners));
    g_assert_true (pl_store_add_evidence (store, rows, N_BEFORE, &error));
  }
  g_assert_cmpuint (inspect (pristine, &indexes_before), ==, N_BEFORE);
  g_assert_nonnull (strstr (indexes_before, "evidence_learner"));

  /* A whole write, timed, gives the range to kill in. */
  copy_db (pristine, work);
  started = g_get_monotonic_time ();
  {
    GPid pid = spawn_write (work);
    int status = 0;

    g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  }
  full_us = g_get_monotonic_time () - started;
  {
    g_autofree char *indexes = NULL;

    g_assert_cmpuint (inspect (work, &indexes), ==, N_BEFORE + N_ROWS);
    g_assert_cmpstr (indexes, ==, indexes_before);
  }

  for (guint i = 0; i < iterations; i++)
    {
      g_autofree char *indexes = NULL;
      /* Process start and making the rows take the first part; most kills
       * land in the inserts, the index rebuild and the commit. */
      gint64 delay = (gint64) (full_us * g_test_rand_double_range (0.15, 1.05));
      GPid pid;
      int status = 0;
      guint n;

      copy_db (pristine, work);
      pid = spawn_write (work);
      g_usleep ((gulong) delay);
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

      n = inspect (work, &indexes);
      g_assert_cmpstr (indexes, ==, indexes_before);
      if (n == N_BEFORE)
        n_none++;
      else if (n == N_BEFORE + N_ROWS)
        n_all++;
      else
        g_error ("killed after %" G_GINT64_FORMAT " µs: the database holds %u rows, part of the batch",
                 delay, n);
    }
  g_test_message ("full write %" G_GINT64_FORMAT " ms; killed %u times: %u none, %u all",
                  full_us / 1000, iterations, n_none, n_all);

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_remove (path);
      }
    g_rmdir (dir);
  }
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && g_strcmp0 (argv[1], "--write-child") == 0)
    return write_child (argv[2]);

  self_path = g_canonicalize_filename (argv[0], NULL);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/evidence-fault/killed-write", test_killed_write);

  return g_test_run ();
}
