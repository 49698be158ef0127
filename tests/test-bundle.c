/* test-bundle.c — bundle files: round trip, incremental export, refusals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/pl-store-goals.h"
#include "sync-test-util.h"

typedef struct
{
  char    *dir;
  char    *school;
  char    *key;
  PlStore *hub;
  PlStore *a;
  PlStore *b;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *hub_path = NULL;
  g_autofree char *a_path = NULL;
  g_autofree char *b_path = NULL;

  f->dir = g_dir_make_tmp ("pl-bundle-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  hub_path = g_build_filename (f->dir, "hub.db", NULL);
  a_path = g_build_filename (f->dir, "a.db", NULL);
  b_path = g_build_filename (f->dir, "b.db", NULL);
  f->hub = sync_test_hub (hub_path, &f->school, &f->key);
  f->a = sync_test_device (a_path, f->school, f->key);
  f->b = sync_test_device (b_path, f->school, f->key);
}

static void
remove_tree (const char *dir)
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

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->hub);
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->school);
  g_free (f->key);
}

/* A few records of several kinds, a tombstone and an odd value or two. */
static void
fill (PlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlLearner) amara = sync_test_learner (store, "Amara", "Okafor");
  g_autoptr(PlLearner) jonas = sync_test_learner (store, "Jonas", "Weiß – “Jo”");
  g_autoptr(PlClassroom) c = pl_classroom_new ();
  g_autoptr(PlEvidence) e1 = NULL;
  g_autoptr(PlEvidence) e2 = NULL;
  const char *uuid = pl_record_get_uuid (PL_RECORD (amara));

  pl_record_set_string (PL_RECORD (c), "name", "7B Science");
  pl_record_set_double (PL_RECORD (c), "mastery-param", 65.5);
  g_assert_true (pl_store_save (store, PL_RECORD (c), &error));
  sync_test_set_field (store, uuid, "interests", "volcanoes, chess");
  sync_test_set_field (store, uuid, "needs", "");
  e1 = sync_test_evidence (store, uuid, 3);
  e2 = sync_test_evidence (store, uuid, 2.5);
  g_assert_true (pl_store_delete (store, PL_RECORD (e2), &error));
  g_assert_true (pl_store_delete (store, PL_RECORD (jonas), &error));
  g_assert_no_error (error);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GFile) bundle = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlBundleManifest) manifest = NULL;
  g_autofree char *dump_a = NULL;
  g_autofree char *dump_b = NULL;
  g_autofree char *dump_hub = NULL;
  PlBundleImportResult result = { 0 };

  fill (f->a);
  bundle = sync_test_export (f->a, f->dir, "a.plbundle", NULL, FALSE);

  manifest = pl_bundle_verify (f->hub, bundle, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (manifest->format, ==, PL_BUNDLE_FORMAT_VERSION);
  g_assert_cmpstr (manifest->school, ==, f->school);
  g_assert_cmpstr (manifest->sender, ==, pl_store_get_device_id (f->a));
  g_assert_cmpstr (manifest->sender_role, ==, "device");
  /* 2 learners, 1 class, 2 fields, 2 evidence. */
  g_assert_cmpuint (manifest->total, ==, 7);
  g_assert_cmpuint (*(guint64 *) g_hash_table_lookup (manifest->counts, "evidence"), ==, 2);
  g_assert_cmpuint (manifest->min_hlc, >, 0);
  g_assert_cmpuint (manifest->max_hlc, >=, manifest->min_hlc);

  g_assert_true (pl_bundle_import (f->hub, bundle, NULL, NULL, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.stats.received, ==, 7);
  g_assert_cmpuint (result.stats.applied, ==, 7);
  pl_bundle_import_result_clear (&result);

  /* The hub's own school record goes on to the device with the rest. */
  g_clear_object (&bundle);
  bundle = sync_test_export (f->hub, f->dir, "hub.plbundle", NULL, FALSE);
  sync_test_import (f->a, bundle);
  sync_test_import (f->b, bundle);

  dump_a = sync_test_dump (f->a);
  dump_b = sync_test_dump (f->b);
  dump_hub = sync_test_dump (f->hub);
  g_assert_cmpstr (dump_a, ==, dump_hub);
  g_assert_cmpstr (dump_b, ==, dump_hub);
  g_assert_nonnull (strstr (dump_b, "Weiß – “Jo”"));
  g_assert_nonnull (strstr (dump_b, "65.5"));
}

/* A goal's dated status history goes from device to hub to device. */
static void
test_goal_history (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlLearner) amara = sync_test_learner (f->a, "Amara", "Okafor");
  g_autoptr(PlGoal) goal = NULL;
  g_autoptr(PlGoal) on_b = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GFile) bundle = NULL;
  g_autoptr(GFile) back = NULL;
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  g_autofree char *dump_a = NULL;
  g_autofree char *dump_b = NULL;

  goal = pl_store_add_goal (f->a, pl_record_get_uuid (PL_RECORD (amara)), "Explain melting", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pl_store_set_goal_status (f->a, goal, "met", "shown in the lab", &error));
  g_assert_no_error (error);
  history = pl_store_list_goal_history (f->a, pl_record_get_uuid (PL_RECORD (goal)), NULL);
  text_a = pl_goal_history_describe (goal, history);
  g_clear_object (&history);

  bundle = sync_test_export (f->a, f->dir, "a.plbundle", NULL, FALSE);
  sync_test_import (f->hub, bundle);
  back = sync_test_export (f->hub, f->dir, "hub.plbundle", NULL, FALSE);
  sync_test_import (f->b, back);

  g_assert_cmpuint (pl_store_count (f->b, "goal_status", FALSE), ==, 2);
  on_b = pl_store_get (f->b, PL_TYPE_GOAL, pl_record_get_uuid (PL_RECORD (goal)), &error);
  g_assert_no_error (error);
  history = pl_store_list_goal_history (f->b, pl_record_get_uuid (PL_RECORD (goal)), NULL);
  text_b = pl_goal_history_describe (on_b, history);
  g_assert_cmpstr (text_b, ==, text_a);
  g_assert_nonnull (strstr (text_b, "shown in the lab"));

  /* Importing again changes nothing. */
  sync_test_import (f->b, back);
  g_assert_cmpuint (pl_store_count (f->b, "goal_status", FALSE), ==, 2);
  sync_test_import (f->a, back);
  dump_a = sync_test_dump (f->a);
  dump_b = sync_test_dump (f->b);
  g_assert_cmpstr (dump_a, ==, dump_b);
}

static void
test_twice_changes_nothing (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GFile) bundle = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  PlBundleImportResult result = { 0 };

  fill (f->a);
  bundle = sync_test_export (f->a, f->dir, "a.plbundle", NULL, FALSE);
  sync_test_import (f->b, bundle);
  before = sync_test_dump (f->b);

  g_assert_true (pl_bundle_import (f->b, bundle, NULL, NULL, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.stats.received, ==, 7);
  g_assert_cmpuint (result.stats.applied, ==, 0);
  g_assert_cmpuint (result.stats.conflicts, ==, 0);
  pl_bundle_import_result_clear (&result);
  after = sync_test_dump (f->b);
  g_assert_cmpstr (before, ==, after);
}

static void
test_clock_moves_past_import (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GFile) bundle = NULL;
  g_autoptr(PlBundleManifest) manifest = NULL;
  g_autoptr(GError) error = NULL;

  fill (f->a);
  bundle = sync_test_export (f->a, f->dir, "a.plbundle", NULL, FALSE);
  manifest = pl_bundle_verify (f->b, bundle, NULL, &error);
  g_assert_no_error (error);
  sync_test_import (f->b, bundle);
  g_assert_cmpuint (pl_hlc_last (pl_store_get_clock (f->b)), >=, manifest->max_hlc);
  g_assert_cmpuint (pl_hlc_now (pl_store_get_clock (f->b)), >, manifest->max_hlc);
}

static void
test_incremental (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GFile) first = NULL;
  g_autoptr(GFile) back = NULL;
  g_autoptr(GFile) second = NULL;
  g_autoptr(PlBundleManifest) manifest = NULL;
  g_autoptr(PlLearner) later = NULL;
  g_autoptr(GError) error = NULL;
  const char *hub_id = pl_store_get_device_id (f->hub);
  g_autofree char *dump_a = NULL;
  g_autofree char *dump_hub = NULL;

  fill (f->a);
  /* Nothing is known of the hub yet: everything goes. */
  first = sync_test_export (f->a, f->dir, "a1.plbundle", hub_id, TRUE);
  manifest = pl_bundle_verify (f->hub, first, NULL, &error);
  g_assert_cmpuint (manifest->total, ==, 7);
  g_clear_pointer (&manifest, pl_bundle_manifest_free);
  sync_test_import (f->hub, first);

  /* The hub's return bundle says what it holds from this device. */
  back = sync_test_export (f->hub, f->dir, "back.plbundle", pl_store_get_device_id (f->a), TRUE);
  manifest = pl_bundle_verify (f->a, back, NULL, &error);
  g_assert_no_error (error);
  /* Only its own school record: it knows A holds the rest. */
  g_assert_cmpuint (manifest->total, ==, 0 + 1);
  g_clear_pointer (&manifest, pl_bundle_manifest_free);
  sync_test_import (f->a, back);

  later = sync_test_learner (f->a, "Lena", "Park");
  second = sync_test_export (f->a, f->dir, "a2.plbundle", hub_id, TRUE);
  manifest = pl_bundle_verify (f->hub, second, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (manifest->total, ==, 1);
  g_assert_cmpuint (*(guint64 *) g_hash_table_lookup (manifest->counts, "learner"), ==, 1);
  sync_test_import (f->hub, second);

  dump_a = sync_test_dump (f->a);
  dump_hub = sync_test_dump (f->hub);
  g_assert_cmpstr (dump_a, ==, dump_hub);
}

/* A bundle made for one device, imported by another: its rows merge, but
 * the receiver must not believe it now holds what the sender holds. */
static void
test_incremental_elsewhere_loses_nothing (Fixture       *f,
                                          gconstpointer  data)
{
  g_autoptr(GFile) a_full = NULL;
  g_autoptr(GFile) back = NULL;
  g_autoptr(GFile) for_a = NULL;
  g_autoptr(GFile) b_full = NULL;
  g_autoptr(GFile) b_to_hub = NULL;
  g_autoptr(PlLearner) extra = NULL;
  g_autofree char *dump_b = NULL;
  g_autofree char *dump_hub = NULL;

  fill (f->a);
  a_full = sync_test_export (f->a, f->dir, "a.plbundle", NULL, FALSE);
  sync_test_import (f->hub, a_full);
  back = sync_test_export (f->a, f->dir, "a-again.plbundle", NULL, FALSE);
  /* The hub learns A holds everything of A. */
  sync_test_import (f->hub, back);
  extra = sync_test_learner (f->hub, "Sami", "Roy");
  for_a = sync_test_export (f->hub, f->dir, "for-a.plbundle", pl_store_get_device_id (f->a), TRUE);

  /* B gets A's incremental bundle: it lacks A's records. */
  sync_test_import (f->b, for_a);
  /* B's bundle to the hub, then a full one back. */
  b_to_hub = sync_test_export (f->b, f->dir, "b.plbundle", pl_store_get_device_id (f->hub), TRUE);
  sync_test_import (f->hub, b_to_hub);
  b_full = sync_test_export (f->hub, f->dir, "for-b.plbundle", pl_store_get_device_id (f->b), TRUE);
  sync_test_import (f->b, b_full);

  dump_b = sync_test_dump (f->b);
  dump_hub = sync_test_dump (f->hub);
  g_assert_cmpstr (dump_b, ==, dump_hub);
}

static void
assert_refused (Fixture    *f,
                PlStore    *store,
                GFile      *bundle,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = sync_test_dump (store);
  g_autofree char *after = NULL;
  g_autoptr(GString) report = g_string_new (NULL);

  g_assert_false (pl_bundle_import (store, bundle, NULL, NULL, NULL, NULL, &error));
  if (code >= 0)
    g_assert_error (error, PL_BUNDLE_ERROR, code);
  else
    g_assert_true (error != NULL && error->domain == PL_BUNDLE_ERROR);
  /* The message names the file. */
  g_assert_nonnull (strstr (error->message, ".plbundle"));
  after = sync_test_dump (store);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (pl_store_check (store, report, NULL));
}

static GFile *
write_bytes (Fixture    *f,
             const char *name,
             const char *data,
             gsize       len)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, (gssize) len, NULL));
  return g_file_new_for_path (path);
}

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) bundle = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  fill (f->a);
  bundle = sync_test_export (f->a, f->dir, "a.plbundle", NULL, FALSE);
  g_assert_true (g_file_load_contents (bundle, NULL, &contents, &len, NULL, NULL));

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GFile) cut = write_bytes (f, "cut.plbundle", contents, len * i / 20);

      assert_refused (f, f->b, cut, i * len / 20 < 8 ? PL_BUNDLE_ERROR_NOT_A_BUNDLE
                                                     : PL_BUNDLE_ERROR_TRUNCATED);
    }
  /* One byte short of the end. */
  {
    g_autoptr(GFile) cut = write_bytes (f, "cut.plbundle", contents, len - 1);

    assert_refused (f, f->b, cut, PL_BUNDLE_ERROR_TRUNCATED);
  }
}

static void
test_flipped_bytes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GFile) bundle = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  fill (f->a);
  bundle = sync_test_export (f->a, f->dir, "a.plbundle", NULL, FALSE);
  g_assert_true (g_file_load_contents (bundle, NULL, &contents, &len, NULL, NULL));

  for (gsize at = 0; at < len; at += 1 + at / 7)
    {
      g_autofree char *copy = g_memdup2 (contents, len);
      g_autoptr(GFile) bad = NULL;

      copy[at] ^= 0x20;
      bad = write_bytes (f, "flip.plbundle", copy, len);
      assert_refused (f, f->b, bad, -1);
    }
  /* A byte in the record data is caught by the checksum, one in the HMAC
   * by the signature. */
  {
    g_autofree char *copy = g_memdup2 (contents, len);
    g_autoptr(GFile) bad = NULL;

    copy[len - 100] ^= 0x01;
    bad = write_bytes (f, "flip.plbundle", copy, len);
    assert_refused (f, f->b, bad, -1);
    copy[len - 100] ^= 0x01;
    copy[len - 1] ^= 0x01;
    g_clear_object (&bad);
    bad = write_bytes (f, "flip.plbundle", copy, len);
    assert_refused (f, f->b, bad, PL_BUNDLE_ERROR_FORGED);
  }
}

static void
test_other_school (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *other_school = NULL;
  g_autofree char *other_key = NULL;
  g_autoptr(PlStore) other = sync_test_hub (other_path, &other_school, &other_key);
  g_autoptr(GFile) bundle = NULL;
  g_autofree char *path = g_build_filename (f->dir, "c.db", NULL);
  g_autoptr(PlStore) same_id_other_key = NULL;
  g_autofree char *wrong_key = g_strdup (other_key);

  fill (other);
  bundle = sync_test_export (other, f->dir, "other.plbundle", NULL, FALSE);
  assert_refused (f, f->a, bundle, PL_BUNDLE_ERROR_OTHER_SCHOOL);

  /* The right school id with a wrong key: the signature gives it away. */
  same_id_other_key = sync_test_device (path, other_school, f->key);
  assert_refused (f, same_id_other_key, bundle, PL_BUNDLE_ERROR_FORGED);
}

static void
test_not_joined (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) lone = pl_store_open (NULL, &error);
  g_autoptr(GFile) bundle = NULL;
  g_autofree char *path = g_build_filename (f->dir, "lone.plbundle", NULL);
  g_autoptr(GFile) dest = g_file_new_for_path (path);

  g_assert_false (pl_bundle_export (lone, dest, NULL, NULL, NULL, &error));
  g_assert_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_NO_SCHOOL);
  g_assert_false (g_file_query_exists (dest, NULL));
  g_clear_error (&error);

  bundle = sync_test_export (f->a, f->dir, "a.plbundle", NULL, FALSE);
  g_assert_false (pl_bundle_import (lone, bundle, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_NO_SCHOOL);
}

static void
test_newer_format (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) bundle = NULL;
  g_autoptr(GFile) newer = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  fill (f->a);
  bundle = sync_test_export (f->a, f->dir, "a.plbundle", NULL, FALSE);
  g_assert_true (g_file_load_contents (bundle, NULL, &contents, &len, NULL, NULL));
  contents[11] = PL_BUNDLE_FORMAT_VERSION + 1;
  newer = write_bytes (f, "newer.plbundle", contents, len);
  assert_refused (f, f->b, newer, PL_BUNDLE_ERROR_NEWER_FORMAT);
}

static void
test_not_a_bundle (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) text = write_bytes (f, "notes.plbundle", "hello, world\n", 13);
  g_autofree char *path = g_build_filename (f->dir, "missing.plbundle", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (path);

  assert_refused (f, f->b, text, PL_BUNDLE_ERROR_NOT_A_BUNDLE);
  assert_refused (f, f->b, missing, PL_BUNDLE_ERROR_FAILED);
}

/* The bundle appears under its name only once complete; a failed export
 * leaves the previous file alone and no temporary file behind. */
static void
test_written_atomically (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "a.plbundle", NULL);
  g_autoptr(GFile) dest = g_file_new_for_path (path);
  g_autoptr(GFile) bundle = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_files = 0;

  g_assert_true (g_file_set_contents (path, "previous", -1, NULL));
  g_cancellable_cancel (cancellable);
  g_assert_false (pl_bundle_export (f->a, dest, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "previous");

  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_false (g_str_has_suffix (name, ".part"));
      n_files++;
    }
  g_assert_cmpuint (n_files, >, 0);

  bundle = sync_test_export (f->a, f->dir, "a.plbundle", NULL, FALSE);
  sync_test_import (f->b, bundle);
}

static void
make_part (const char *dir,
           const char *name,
           gint64      age_seconds)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint64 when = (guint64) (g_get_real_time () / G_USEC_PER_SEC - age_seconds);

  g_assert_true (g_file_set_contents (path, "half a bundle", -1, NULL));
  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, when,
                                              G_FILE_QUERY_INFO_NONE, NULL, NULL));
}

static gboolean
exists_in (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* An export killed half way leaves its temporary file; the next export of
 * this device removes it, and leaves alone a colleague's export in
 * progress and this device's own recent one. */
static void
test_stale_temporary_files (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *own = g_strdup_printf ("%.8s", pl_store_get_device_id (f->a));
  g_autofree char *other = g_strdup_printf ("%.8s", pl_store_get_device_id (f->b));
  g_autofree char *old_own = g_strdup_printf (".from-a.plbundle.%s-0a1b2c3d.part", own);
  g_autofree char *old_own_other_name = g_strdup_printf (".yesterday.plbundle.%s-99887766.part", own);
  g_autofree char *recent_own = g_strdup_printf (".from-a.plbundle.%s-deadbeef.part", own);
  g_autofree char *colleague = g_strdup_printf (".from-b.plbundle.%s-0a1b2c3d.part", other);
  g_autoptr(GFile) bundle = NULL;

  make_part (f->dir, old_own, 3600);
  make_part (f->dir, old_own_other_name, 2 * 24 * 3600);
  make_part (f->dir, recent_own, 5);
  make_part (f->dir, colleague, 3600);
  make_part (f->dir, "notes.part", 3600);

  fill (f->a);
  bundle = sync_test_export (f->a, f->dir, "from-a.plbundle", NULL, FALSE);
  g_assert_false (exists_in (f->dir, old_own));
  g_assert_false (exists_in (f->dir, old_own_other_name));
  g_assert_true (exists_in (f->dir, recent_own));
  g_assert_true (exists_in (f->dir, colleague));
  g_assert_true (exists_in (f->dir, "notes.part"));
  g_assert_true (exists_in (f->dir, "from-a.plbundle"));
  sync_test_import (f->b, bundle);
}

/* While an import merges on a worker's connection, an edit through the
 * window's connection is refused at once with a message, instead of
 * waiting for the lock and failing after seconds. */
static void
test_edit_during_import (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "window.db", NULL);
  g_autoptr(PlStore) window = sync_test_device (path, f->school, f->key);
  g_autoptr(PlStore) worker = pl_store_open (path, NULL);
  g_autoptr(PlSchool) school = pl_school_new ();
  g_autoptr(GError) error = NULL;
  PlSyncMerge *merge;
  gint64 start;

  merge = pl_store_sync_merge_begin (worker, NULL, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  g_assert_false (pl_store_save (window, PL_RECORD (school), &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "import"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 2);
  g_clear_error (&error);
  pl_sync_merge_abort (merge);

  g_assert_true (pl_store_save (window, PL_RECORD (school), &error));
  g_assert_no_error (error);
}

static void
test_join_refusals (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other = g_uuid_string_random ();

  g_assert_false (pl_sync_join_school (f->a, "not-an-id", f->key, &error));
  g_assert_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pl_sync_join_school (f->a, f->school, "abc", &error));
  g_assert_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pl_sync_join_school (f->a, other, f->key, &error));
  g_assert_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_OTHER_SCHOOL);
  g_clear_error (&error);
  g_assert_false (pl_sync_hub_init (f->hub, "Again", NULL, NULL, &error));
  g_assert_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_OTHER_SCHOOL);
  g_clear_error (&error);
  /* Joining again with the same id is how a new key is taken. */
  g_assert_true (pl_sync_join_school (f->a, f->school, f->key, &error));
  g_assert_no_error (error);
  /* The hub keeps its key. */
  g_assert_false (pl_sync_join_school (f->hub, f->school, "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", &error));
  g_assert_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_OTHER_SCHOOL);
  g_clear_error (&error);
}

/* Moving to another school, when the teacher confirms it, forgets what
 * the old school's hub acknowledged: the next bundle carries everything. */
static void
test_switch_school (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GFile) bundle = NULL;
  g_autoptr(GFile) back = NULL;
  g_autoptr(GFile) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) peers = NULL;
  g_autoptr(PlBundleManifest) manifest = NULL;
  g_autofree char *other = g_uuid_string_random ();
  g_autofree char *school = NULL;
  g_autofree char *hub = NULL;
  const char *new_key = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";

  fill (f->a);
  bundle = sync_test_export (f->a, f->dir, "a.plbundle", NULL, FALSE);
  sync_test_import (f->hub, bundle);
  back = sync_test_export (f->hub, f->dir, "back.plbundle", pl_store_get_device_id (f->a), TRUE);
  sync_test_import (f->a, back);
  hub = pl_store_get_meta (f->a, "sync_hub");
  g_assert_nonnull (hub);

  g_assert_true (pl_sync_check_school_id (other, NULL));
  g_assert_true (pl_sync_check_key (new_key, NULL));
  g_assert_false (pl_sync_check_key ("ffee", &error));
  g_assert_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (pl_sync_join_school_full (f->a, other, new_key, PL_SYNC_JOIN_SWITCH_SCHOOL, &error));
  g_assert_no_error (error);
  school = pl_store_get_meta (f->a, "school_id");
  g_assert_cmpstr (school, ==, other);
  g_clear_pointer (&hub, g_free);
  hub = pl_store_get_meta (f->a, "sync_hub");
  g_assert_null (hub);
  peers = pl_store_sync_list_peers (f->a, &error);
  g_assert_cmpuint (peers->len, ==, 0);

  /* Everything, signed for the new school; the old hub refuses it. */
  {
    g_autofree char *path = g_build_filename (f->dir, "new.plbundle", NULL);
    PlBundleExportOptions options = { pl_store_get_device_id (f->hub), TRUE, NULL, NULL };

    after = g_file_new_for_path (path);
    g_assert_true (pl_bundle_export (f->a, after, &options, &manifest, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpstr (manifest->school, ==, other);
  {
    guint64 all = 0;

    for (const char * const *t = pl_schema_synced_tables (); *t != NULL; t++)
      all += pl_store_count (f->a, *t, TRUE);
    g_assert_cmpuint (manifest->total, ==, all);
  }
  g_assert_false (pl_bundle_import (f->hub, after, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_OTHER_SCHOOL);
}

static void
test_peers (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GFile) bundle = NULL;
  g_autoptr(GFile) back = NULL;
  g_autoptr(GPtrArray) peers = NULL;
  g_autoptr(GError) error = NULL;
  PlSyncPeer *peer;

  fill (f->a);
  bundle = sync_test_export (f->a, f->dir, "a.plbundle", pl_store_get_device_id (f->hub), TRUE);
  sync_test_import (f->hub, bundle);
  back = sync_test_export (f->hub, f->dir, "back.plbundle", pl_store_get_device_id (f->a), TRUE);

  peers = pl_store_sync_list_peers (f->hub, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (peers->len, ==, 1);
  peer = peers->pdata[0];
  g_assert_cmpstr (peer->device, ==, pl_store_get_device_id (f->a));
  g_assert_cmpstr (peer->role, ==, "device");
  g_assert_nonnull (peer->imported_at);
  g_assert_nonnull (peer->exported_at);
  g_assert_cmpuint (peer->imported_rows, ==, 7);
  g_clear_pointer (&peers, g_ptr_array_unref);

  sync_test_import (f->a, back);
  peers = pl_store_sync_list_peers (f->a, &error);
  g_assert_cmpuint (peers->len, ==, 1);
  peer = peers->pdata[0];
  g_assert_cmpstr (peer->role, ==, "hub");
  g_assert_nonnull (peer->exported_at);
  g_assert_nonnull (peer->imported_at);
  {
    g_autofree char *hub = pl_store_get_meta (f->a, "sync_hub");

    g_assert_cmpstr (hub, ==, pl_store_get_device_id (f->hub));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/bundle/round-trip", test_round_trip);
  ADD ("/bundle/twice-changes-nothing", test_twice_changes_nothing);
  ADD ("/bundle/goal-history", test_goal_history);
  ADD ("/bundle/clock-moves-past-import", test_clock_moves_past_import);
  ADD ("/bundle/incremental", test_incremental);
  ADD ("/bundle/incremental-elsewhere-loses-nothing", test_incremental_elsewhere_loses_nothing);
  ADD ("/bundle/truncated", test_truncated);
  ADD ("/bundle/flipped-bytes", test_flipped_bytes);
  ADD ("/bundle/other-school", test_other_school);
  ADD ("/bundle/not-joined", test_not_joined);
  ADD ("/bundle/newer-format", test_newer_format);
  ADD ("/bundle/not-a-bundle", test_not_a_bundle);
  ADD ("/bundle/written-atomically", test_written_atomically);
  ADD ("/bundle/join-refusals", test_join_refusals);
  ADD ("/bundle/switch-school", test_switch_school);
  ADD ("/bundle/stale-temporary-files", test_stale_temporary_files);
  ADD ("/bundle/edit-during-import", test_edit_during_import);
  ADD ("/bundle/peers", test_peers);

  return g_test_run ();
}
