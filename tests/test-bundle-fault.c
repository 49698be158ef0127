/* test-bundle-fault.c — an import killed with SIGKILL at random moments
 * leaves a sound database holding all of the bundle or none of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "sync-test-util.h"

static char *self_path;

/* The child: imports one bundle into one database. */
static int
import_child (const char *db,
              const char *bundle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (db, &error);
  g_autoptr(GFile) file = g_file_new_for_path (bundle);

  if (store == NULL || !pl_bundle_import (store, file, NULL, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

static char *
dump_of (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (path, &error);
  g_autoptr(GString) report = g_string_new (NULL);

  g_assert_no_error (error);
  if (!pl_store_check (store, report, &error))
    g_error ("%s: integrity check failed: %s", path, report->str);
  return sync_test_dump (store);
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

/* The names of the indexes of TABLE: a large import rebuilds them. */
static char *
indexes_of (const char *path,
            const char *table)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_schema WHERE type = 'index'"
                                       " AND tbl_name = ?1 ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (names, "%s: %s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_type (stmt, 1) == SQLITE_NULL ? "" : (const char *) sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static GPid
spawn_import (const char *db,
              const char *bundle)
{
  const char *argv[] = { self_path, "--import-child", db, bundle, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  return pid;
}

static void
test_killed_import (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pl-fault-XXXXXX", NULL);
  g_autofree char *hub_path = g_build_filename (dir, "hub.db", NULL);
  g_autofree char *pristine = g_build_filename (dir, "pristine.db", NULL);
  g_autofree char *work = g_build_filename (dir, "work.db", NULL);
  g_autofree char *school = NULL;
  g_autofree char *key = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) bundle = NULL;
  g_autofree char *bundle_path = NULL;
  gint64 started, full_us;
  guint n_none = 0, n_all = 0;
  const char *iterations_env = g_getenv ("PL_FAULT_ITERATIONS");
  guint iterations = iterations_env != NULL ? (guint) atoi (iterations_env) : 20;

  {
    g_autoptr(PlStore) hub = sync_test_hub (hub_path, &school, &key);
    g_autoptr(PlStore) device = sync_test_device (NULL, school, key);
    g_autoptr(GError) error = NULL;
    g_autoptr(PlLearner) kept = sync_test_learner (hub, "Already", "There");

    /* Enough records that an import takes a while to kill in the middle,
     * and enough evidence that the import rebuilds that table's indexes. */
    g_assert_true (pl_store_begin (device, &error));
    for (guint i = 0; i < 6000; i++)
      {
        g_autofree char *name = g_strdup_printf ("Learner %u", i);
        g_autoptr(PlLearner) l = sync_test_learner (device, name, "Test");
        const char *uuid = pl_record_get_uuid (PL_RECORD (l));

        sync_test_set_field (device, uuid, "interests", name);
        for (guint e = 0; e < 4; e++)
          g_object_unref (sync_test_evidence (device, uuid, 1 + e % 4));
      }
    g_assert_true (pl_store_commit (device, &error));
    bundle = sync_test_export (device, dir, "device.plbundle", NULL, FALSE);
  }
  bundle_path = g_file_get_path (bundle);
  copy_db (hub_path, pristine);
  before = dump_of (pristine);

  /* A whole import, timed, gives the range to kill in. */
  copy_db (pristine, work);
  started = g_get_monotonic_time ();
  {
    GPid pid = spawn_import (work, bundle_path);
    int status = 0;

    g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  }
  full_us = g_get_monotonic_time () - started;
  after = dump_of (work);
  g_assert_cmpstr (before, !=, after);
  {
    g_autofree char *indexes_before = indexes_of (pristine, "evidence");
    g_autofree char *indexes_after = indexes_of (work, "evidence");

    g_assert_cmpstr (indexes_after, ==, indexes_before);
    g_assert_nonnull (strstr (indexes_after, "evidence_learner"));
  }

  for (guint i = 0; i < iterations; i++)
    {
      g_autofree char *now = NULL;
      /* Most kills land in the merge pass and around the commit; process
       * start and the verifying pass take the first part. */
      gint64 delay = (gint64) (full_us * g_test_rand_double_range (0.2, 1.1));
      GPid pid;
      int status = 0;

      copy_db (pristine, work);
      pid = spawn_import (work, bundle_path);
      g_usleep ((gulong) delay);
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

      now = dump_of (work);
      if (g_strcmp0 (now, before) == 0)
        n_none++;
      else if (g_strcmp0 (now, after) == 0)
        n_all++;
      else
        g_error ("killed after %" G_GINT64_FORMAT " µs: the database holds part of the import", delay);
    }
  g_test_message ("full import %" G_GINT64_FORMAT " ms; killed %u times: %u none, %u all",
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
  if (argc == 4 && g_strcmp0 (argv[1], "--import-child") == 0)
    return import_child (argv[2], argv[3]);

  self_path = g_canonicalize_filename (argv[0], NULL);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bundle-fault/killed-import", test_killed_import);

  return g_test_run ();
}
