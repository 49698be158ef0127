/* fuzz-bundle-target.c — the bundle reader as a fuzz target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "core/pl-core.h"
#include "fuzz-bundle-target.h"
#include "sync/pl-bundle-private.h"
#include "sync/pl-sync-school.h"

#define SCHOOL "5b0c8f43-2a7e-4a52-9d1c-3f1a2b4c5d6e"
#define KEY    "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
#define TRAILER_LEN (5 + 2 * PL_BUNDLE_DIGEST_LEN)

static PlStore *
school_store (void)
{
  g_autoptr(GError) error = NULL;
  PlStore *store = pl_store_open (NULL, &error);

  if (store == NULL || !pl_sync_join_school (store, SCHOOL, KEY, &error))
    g_error ("cannot set up the fuzzing database: %s", error->message);
  return store;
}

static GInputStream *
open_bytes_cb (gpointer       user_data,
               GCancellable  *cancellable,
               GError       **error)
{
  return g_memory_input_stream_new_from_bytes (user_data);
}

static void
fix_trailer (guint8 *data,
             gsize   size)
{
  static guint8 key[PL_SYNC_KEY_LENGTH];
  g_autoptr(GChecksum) sha = NULL;
  gsize len = PL_BUNDLE_DIGEST_LEN;
  guint8 *trailer;

  if (size < PL_BUNDLE_HEADER_LEN + TRAILER_LEN)
    return;
  trailer = data + size - TRAILER_LEN;
  if (trailer[0] != PL_FRAME_TRAILER ||
      trailer[1] != 0 || trailer[2] != 0 || trailer[3] != 0 || trailer[4] != 2 * PL_BUNDLE_DIGEST_LEN)
    return;
  sha = g_checksum_new (G_CHECKSUM_SHA256);
  for (guint i = 0; i < PL_SYNC_KEY_LENGTH; i++)
    key[i] = (guint8) (g_ascii_xdigit_value (KEY[2 * i]) << 4 | g_ascii_xdigit_value (KEY[2 * i + 1]));
  g_checksum_update (sha, data, size - TRAILER_LEN);
  g_checksum_get_digest (sha, trailer + 5, &len);
  _pl_bundle_sign (key, trailer + 5, trailer + 5 + PL_BUNDLE_DIGEST_LEN);
}

static gboolean
import_bytes (PlStore               *store,
              GBytes                *bytes,
              PlBundleImportResult  *result,
              GError               **error)
{
  return pl_bundle_import_from (store, "fuzz.plbundle", open_bytes_cb, bytes,
                                g_bytes_get_size (bytes), NULL, NULL, result, NULL, error);
}

gboolean
pl_fuzz_bundle_one (const guint8 *data,
                    gsize         size)
{
  g_autoptr(PlStore) store = school_store ();
  g_autofree guint8 *copy = g_memdup2 (data, size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autofree char *dump = NULL;
  g_autofree char *again = NULL;
  PlBundleImportResult result = { 0 };

  fix_trailer (copy, size);
  bytes = g_bytes_new_static (copy, size);

  if (!import_bytes (store, bytes, &result, &error))
    {
      if (error->domain != PL_BUNDLE_ERROR)
        g_error ("an error outside the bundle domain: %s", error->message);
      if (pl_store_count (store, "learner", TRUE) != 0 || !pl_store_check (store, report, NULL))
        g_error ("a refused bundle changed the database");
      return FALSE;
    }
  pl_bundle_import_result_clear (&result);
  if (!pl_store_check (store, report, &error))
    g_error ("integrity check failed after an import: %s", report->str);

  /* Importing the same bundle again changes nothing. */
  {
    g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

    pl_store_dump (store, out, NULL);
    g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
    g_output_stream_close (out, NULL, NULL);
    dump = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  }
  if (!import_bytes (store, bytes, &result, &error))
    g_error ("a bundle imported once was refused the second time: %s", error->message);
  if (result.stats.applied != 0)
    g_error ("importing a bundle twice changed %" G_GUINT64_FORMAT " records", result.stats.applied);
  pl_bundle_import_result_clear (&result);
  {
    g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

    pl_store_dump (store, out, NULL);
    g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
    g_output_stream_close (out, NULL, NULL);
    again = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  }
  if (g_strcmp0 (dump, again) != 0)
    g_error ("importing a bundle twice changed the dump");
  return TRUE;
}

static GBytes *
export_bytes (PlStore    *store,
              const char *recipient,
              gboolean    incremental)
{
  g_autofree char *dir = g_dir_make_tmp ("pl-fuzz-seed-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "seed.plbundle", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlBundleExportOptions options = { recipient, incremental, NULL, NULL };
  char *contents = NULL;
  gsize len = 0;

  if (!pl_bundle_export (store, file, &options, NULL, NULL, &error) ||
      !g_file_get_contents (path, &contents, &len, &error))
    g_error ("cannot write a seed: %s", error->message);
  g_remove (path);
  g_rmdir (dir);
  return g_bytes_new_take (contents, len);
}

GPtrArray *
pl_fuzz_bundle_make_seeds (void)
{
  GPtrArray *seeds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(PlStore) store = school_store ();
  g_autoptr(PlStore) other = school_store ();
  g_autoptr(PlLearner) amara = pl_learner_new ();
  g_autoptr(PlClassroom) room = pl_classroom_new ();
  g_autoptr(PlProfileField) field = NULL;
  g_autoptr(PlEvidence) evidence = pl_evidence_new ();
  g_autoptr(PlEnrollment) enrollment = pl_enrollment_new ();

  /* An empty bundle. */
  g_ptr_array_add (seeds, export_bytes (store, NULL, FALSE));

  pl_record_set_string (PL_RECORD (amara), "given-name", "Amara");
  pl_record_set_string (PL_RECORD (amara), "family-name", "Okafor – “A”");
  pl_store_save (store, PL_RECORD (amara), NULL);
  pl_record_set_string (PL_RECORD (room), "name", "7B");
  pl_record_set_double (PL_RECORD (room), "mastery-param", 65.5);
  pl_store_save (store, PL_RECORD (room), NULL);
  pl_record_set_string (PL_RECORD (enrollment), "classroom-uuid", pl_record_get_uuid (PL_RECORD (room)));
  pl_record_set_string (PL_RECORD (enrollment), "learner-uuid", pl_record_get_uuid (PL_RECORD (amara)));
  pl_store_save (store, PL_RECORD (enrollment), NULL);
  field = g_object_new (PL_TYPE_PROFILE_FIELD, "uuid", "0e0c7d2a-3c55-4a7e-8d0e-5d1b2c3a4f50", NULL);
  pl_record_set_string (PL_RECORD (field), "learner-uuid", pl_record_get_uuid (PL_RECORD (amara)));
  pl_record_set_string (PL_RECORD (field), "field", "interests");
  pl_record_set_string (PL_RECORD (field), "value", "volcanoes");
  pl_store_save (store, PL_RECORD (field), NULL);
  pl_record_set_string (PL_RECORD (evidence), "learner-uuid", pl_record_get_uuid (PL_RECORD (amara)));
  pl_record_set_double (PL_RECORD (evidence), "score", 3);
  pl_record_set_string (PL_RECORD (evidence), "assessed-at", "2026-03-01");
  pl_store_save (store, PL_RECORD (evidence), NULL);
  /* A few kinds of record and values. */
  g_ptr_array_add (seeds, export_bytes (store, NULL, FALSE));

  /* Tombstones. */
  pl_store_delete (store, PL_RECORD (evidence), NULL);
  pl_store_delete (store, PL_RECORD (room), NULL);
  g_ptr_array_add (seeds, export_bytes (store, NULL, FALSE));

  /* An incremental bundle with a base vector, from a second device. */
  {
    g_autoptr(GBytes) first = g_ptr_array_steal_index (seeds, seeds->len - 1);
    g_autoptr(PlRecord) again = NULL;

    pl_bundle_import_from (other, "seed", open_bytes_cb, first, g_bytes_get_size (first),
                           NULL, NULL, NULL, NULL, NULL);
    g_ptr_array_add (seeds, g_bytes_ref (first));
    again = pl_store_get (other, PL_TYPE_PROFILE_FIELD, "0e0c7d2a-3c55-4a7e-8d0e-5d1b2c3a4f50", NULL);
    pl_record_set_string (again, "value", "volcanoes, chess");
    pl_store_save (other, again, NULL);
    g_ptr_array_add (seeds, export_bytes (other, pl_store_get_device_id (store), TRUE));
  }
  return seeds;
}
