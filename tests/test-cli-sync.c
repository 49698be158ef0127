/* test-cli-sync.c — two teachers' laptops and a school hub exchange bundles
 * through a folder with personallearn-cli; a tampered bundle is refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "sync-test-util.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

/* Runs personallearn-cli --db DB ARGS… in DIR. */
static Run
cli (const char *dir,
     const char *db,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Run r = { 0 };
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("PL_CLI"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  va_start (args, db);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (dir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &r.out, &r.err, &r.status, &error));
  g_assert_no_error (error);
  r.status = WIFEXITED (r.status) ? WEXITSTATUS (r.status) : -1;
  /* A failing step then says why in the test log. */
  if (r.err != NULL && *r.err != '\0')
    g_test_message ("%s: %s", (const char *) argv->pdata[3], r.err);
  return r;
}

static char *
line_value (const char *text,
            const char *prefix)
{
  const char *start = strstr (text, prefix);
  const char *end;

  g_assert_nonnull (start);
  start += strlen (prefix);
  end = strchr (start, '\n');
  return g_strndup (start, end != NULL ? (gsize) (end - start) : strlen (start));
}

static char *
device_of (const char *path)
{
  g_autoptr(PlStore) store = pl_store_open (path, NULL);

  g_assert_nonnull (store);
  return g_strdup (pl_store_get_device_id (store));
}

static char *
dump_of (const char *dir,
         const char *db)
{
  Run r = cli (dir, db, "dump", NULL);
  char *out = g_steal_pointer (&r.out);

  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  return out;
}

static void
test_round_trip (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pl-cli-sync-XXXXXX", NULL);
  g_autofree char *usb = g_build_filename (dir, "usb", NULL);
  g_autofree char *school = NULL;
  g_autofree char *key = NULL;
  g_autofree char *device_a = NULL;
  g_autofree char *device_b = NULL;
  g_autofree char *to_a = NULL;
  g_autofree char *to_b = NULL;
  g_autofree char *dump_a = NULL;
  g_autofree char *dump_b = NULL;
  g_autofree char *dump_hub = NULL;
  g_autofree char *evidence_uuid = NULL;
  Run r;

  if (g_getenv ("PL_CLI") == NULL || !g_file_test (g_getenv ("PL_CLI"), G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("personallearn-cli is not built");
      return;
    }
  g_assert_cmpint (g_mkdir (usb, 0700), ==, 0);

  r = cli (dir, "hub.db", "hub", "init", "--school", "Riverside School", NULL);
  g_assert_cmpint (r.status, ==, 0);
  school = line_value (r.out, "school: ");
  key = line_value (r.out, "key: ");
  g_assert_true (g_uuid_string_is_valid (school));
  g_assert_cmpuint (strlen (key), ==, 64);
  run_clear (&r);

  r = cli (dir, "a.db", "school", "--id", school, "--key", key, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  r = cli (dir, "b.db", "school", "--id", school, "--key", key, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);

  /* Teacher A scores a learner. */
  {
    g_autofree char *path = g_build_filename (dir, "a.db", NULL);
    g_autoptr(PlStore) a = pl_store_open (path, NULL);
    g_autoptr(PlLearner) l = sync_test_learner (a, "Amara", "Okafor");
    g_autoptr(PlEvidence) e = sync_test_evidence (a, pl_record_get_uuid (PL_RECORD (l)), 3.5);

    evidence_uuid = g_strdup (pl_record_get_uuid (PL_RECORD (e)));
  }
  {
    g_autofree char *a_path = g_build_filename (dir, "a.db", NULL);
    g_autofree char *b_path = g_build_filename (dir, "b.db", NULL);

    device_a = device_of (a_path);
    device_b = device_of (b_path);
  }

  r = cli (dir, "a.db", "export-bundle", "usb/from-a.plbundle", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  r = cli (dir, "b.db", "export-bundle", "usb/from-b.plbundle", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  r = cli (dir, "hub.db", "hub", "import", "usb/from-a.plbundle", "usb/from-b.plbundle", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);

  to_a = g_strdup_printf ("usb/to-%s.plbundle", device_a);
  to_b = g_strdup_printf ("usb/to-%s.plbundle", device_b);
  r = cli (dir, "hub.db", "hub", "export", "--device", device_a, to_a, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  r = cli (dir, "hub.db", "hub", "export", "--device", device_b, to_b, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  r = cli (dir, "a.db", "import-bundle", to_a, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  r = cli (dir, "b.db", "import-bundle", to_b, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);

  /* Teacher B now has teacher A's evidence; all three agree. */
  {
    g_autofree char *path = g_build_filename (dir, "b.db", NULL);
    g_autoptr(PlStore) b = pl_store_open (path, NULL);
    g_autoptr(PlRecord) e = pl_store_get (b, PL_TYPE_EVIDENCE, evidence_uuid, NULL);

    g_assert_nonnull (e);
    g_assert_cmpfloat (pl_record_get_double (e, "score"), ==, 3.5);
  }
  dump_a = dump_of (dir, "a.db");
  dump_b = dump_of (dir, "b.db");
  dump_hub = dump_of (dir, "hub.db");
  g_assert_cmpstr (dump_a, ==, dump_hub);
  g_assert_cmpstr (dump_b, ==, dump_hub);

  r = cli (dir, "hub.db", "hub", "status", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Riverside School"));
  g_assert_nonnull (strstr (r.out, device_a));
  g_assert_nonnull (strstr (r.out, device_b));
  run_clear (&r);

  /* A tampered bundle: one line on stderr naming the file, exit 1, nothing
   * changed — for a device and for the hub (which then takes none). */
  {
    g_autofree char *path = g_build_filename (dir, to_b, NULL);
    g_autofree char *contents = NULL;
    g_autofree char *bad = g_build_filename (dir, "usb", "tampered.plbundle", NULL);
    g_autofree char *after = NULL;
    gsize len = 0;

    g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
    contents[len / 2] ^= 0x04;
    g_assert_true (g_file_set_contents (bad, contents, (gssize) len, NULL));

    r = cli (dir, "a.db", "import-bundle", "usb/tampered.plbundle", NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "tampered.plbundle"));
    g_assert_cmpuint (strchr (r.err, '\n') - r.err + 1, ==, strlen (r.err));
    run_clear (&r);
    after = dump_of (dir, "a.db");
    g_assert_cmpstr (after, ==, dump_a);

    r = cli (dir, "hub.db", "hub", "import", "usb/from-a.plbundle", "usb/tampered.plbundle", NULL);
    g_assert_cmpint (r.status, ==, 1);
    run_clear (&r);
    g_free (after);
    after = dump_of (dir, "hub.db");
    g_assert_cmpstr (after, ==, dump_hub);
  }

  /* Usage errors. */
  r = cli (dir, "a.db", "export-bundle", NULL);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);
  r = cli (dir, "a.db", "hub", "status", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "not a school hub"));
  run_clear (&r);
  sync_test_remove_tree (dir);
}

/* Each device exports (changes only, once the hub has answered), the hub
 * imports everything and answers each device, and the devices import the
 * answers. */
static void
round_trip (const char  *dir,
            const char  *tag,
            const char **dbs,
            char       **devices)
{
  g_autoptr(GPtrArray) hub_import = g_ptr_array_new_with_free_func (g_free);
  Run r;

  for (guint i = 0; dbs[i] != NULL; i++)
    {
      char *out = g_strdup_printf ("usb/%s-from-%u.plbundle", tag, i);

      r = cli (dir, dbs[i], "export-bundle", out, NULL);
      g_assert_cmpint (r.status, ==, 0);
      run_clear (&r);
      g_ptr_array_add (hub_import, out);
    }
  for (guint i = 0; i < hub_import->len; i++)
    {
      r = cli (dir, "hub.db", "hub", "import", hub_import->pdata[i], NULL);
      g_assert_cmpint (r.status, ==, 0);
      run_clear (&r);
    }
  for (guint i = 0; dbs[i] != NULL; i++)
    {
      g_autofree char *back = g_strdup_printf ("usb/%s-to-%u.plbundle", tag, i);

      r = cli (dir, "hub.db", "hub", "export", "--device", devices[i], back, NULL);
      g_assert_cmpint (r.status, ==, 0);
      run_clear (&r);
      r = cli (dir, dbs[i], "import-bundle", back, NULL);
      g_assert_cmpint (r.status, ==, 0);
      run_clear (&r);
    }
}

/* What bulk writers add after a first sync reaches everyone with the next
 * "changes only" bundles: a demo classroom (whose stale profiles are dated
 * weeks back), a roster import and a framework import. Nothing is lost. */
static void
test_bulk_writes_after_sync (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pl-cli-sync-XXXXXX", NULL);
  g_autofree char *usb = g_build_filename (dir, "usb", NULL);
  g_autofree char *school = NULL;
  g_autofree char *key = NULL;
  g_autofree char *roster = g_test_build_filename (G_TEST_DIST, "data", "oneroster", "v11-folder", NULL);
  g_autofree char *framework = NULL;
  g_autofree char *dump_hub = NULL;
  const char *dbs[] = { "a.db", "b.db", NULL };
  char *devices[2] = { NULL, NULL };
  Run r;

  if (g_getenv ("PL_CLI") == NULL || !g_file_test (g_getenv ("PL_CLI"), G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("personallearn-cli is not built");
      return;
    }
  g_assert_cmpint (g_mkdir (usb, 0700), ==, 0);
  r = cli (dir, "hub.db", "hub", "init", "--school", "Riverside School", NULL);
  g_assert_cmpint (r.status, ==, 0);
  school = line_value (r.out, "school: ");
  key = line_value (r.out, "key: ");
  run_clear (&r);
  for (guint i = 0; dbs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, dbs[i], NULL);

      r = cli (dir, dbs[i], "school", "--id", school, "--key", key, NULL);
      g_assert_cmpint (r.status, ==, 0);
      run_clear (&r);
      devices[i] = device_of (path);
    }

  r = cli (dir, "a.db", "demo", "--seed", "3", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  round_trip (dir, "first", dbs, devices);

  /* After the hub has acknowledged what each laptop holds. */
  r = cli (dir, "a.db", "demo", "--add", "--seed", "5", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  r = cli (dir, "b.db", "demo", "--add", "--seed", "11", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  r = cli (dir, "b.db", "import-roster", roster, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  if (g_getenv ("PL_SHARED_DATA_DIR") != NULL)
    framework = g_build_filename (g_getenv ("PL_SHARED_DATA_DIR"), "case", "SmartLevelFramework.json", NULL);
  if (framework != NULL && g_file_test (framework, G_FILE_TEST_EXISTS))
    {
      r = cli (dir, "a.db", "import-standards", framework, NULL);
      g_assert_cmpint (r.status, ==, 0);
      run_clear (&r);
    }
  else
    g_test_message ("no CASE framework at hand: the framework import is left out");

  round_trip (dir, "second", dbs, devices);

  dump_hub = dump_of (dir, "hub.db");
  for (guint i = 0; dbs[i] != NULL; i++)
    {
      g_autofree char *dump = dump_of (dir, dbs[i]);

      g_assert_cmpstr (dump, ==, dump_hub);
    }
  /* Two demos of 24 learners and the roster: the hub holds them all. */
  {
    g_autofree char *path = g_build_filename (dir, "hub.db", NULL);
    g_autoptr(PlStore) hub = pl_store_open (path, NULL);

    g_assert_cmpuint (pl_store_count (hub, "learner", FALSE), >, 3 * 24);
  }
  g_free (devices[0]);
  g_free (devices[1]);
  sync_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-sync/round-trip", test_round_trip);
  g_test_add_func ("/cli-sync/bulk-writes-after-sync", test_bulk_writes_after_sync);

  return g_test_run ();
}
