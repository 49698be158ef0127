/* sync-test-util.h — small helpers shared by the bundle and merge tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gstdio.h>
#include <string.h>

#include "core/pl-core.h"
#include "core/pl-store-sync.h"
#include "sync/pl-bundle.h"
#include "sync/pl-sync-school.h"

/* Removes DIR and everything in it (the tests' own temporary folders). */
static inline void
sync_test_remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        sync_test_remove_tree (path);
      else
        g_remove (path);
    }
  g_rmdir (dir);
}

static inline char *
sync_test_dump (PlStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_store_dump (store, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* A hub and the school's id and key. */
static inline PlStore *
sync_test_hub (const char *path,
               char      **school_id,
               char      **key)
{
  g_autoptr(GError) error = NULL;
  PlStore *hub = pl_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (pl_sync_hub_init (hub, "Riverside School", school_id, key, &error));
  g_assert_no_error (error);
  return hub;
}

static inline PlStore *
sync_test_device (const char *path,
                  const char *school_id,
                  const char *key)
{
  g_autoptr(GError) error = NULL;
  PlStore *device = pl_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (pl_sync_join_school (device, school_id, key, &error));
  g_assert_no_error (error);
  return device;
}

static inline GFile *
sync_test_export (PlStore    *store,
                  const char *dir,
                  const char *name,
                  const char *recipient,
                  gboolean    incremental)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GFile *file = g_file_new_for_path (path);
  PlBundleExportOptions options = { recipient, incremental, NULL, NULL };

  g_assert_true (pl_bundle_export (store, file, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  return file;
}

static inline void
sync_test_import (PlStore *store,
                  GFile   *file)
{
  g_autoptr(GError) error = NULL;
  PlBundleImportResult result = { 0 };

  g_assert_true (pl_bundle_import (store, file, NULL, NULL, &result, NULL, &error));
  g_assert_no_error (error);
  pl_bundle_import_result_clear (&result);
}

static inline PlLearner *
sync_test_learner (PlStore    *store,
                   const char *given,
                   const char *family)
{
  g_autoptr(GError) error = NULL;
  PlLearner *learner = pl_learner_new ();

  pl_record_set_string (PL_RECORD (learner), "given-name", given);
  pl_record_set_string (PL_RECORD (learner), "family-name", family);
  g_assert_true (pl_store_save (store, PL_RECORD (learner), &error));
  g_assert_no_error (error);
  return learner;
}

/* Profile fields have one id per learner and field, the same on every
 * device. */
static inline char *
sync_test_field_uuid (const char *learner,
                      const char *field)
{
  g_autofree char *key = g_strconcat (learner, "/", field, NULL);
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

  return g_strdup_printf ("%.8s-%.4s-4%.3s-8%.3s-%.12s", sum, sum + 8, sum + 12, sum + 15, sum + 18);
}

static inline void
sync_test_set_field (PlStore    *store,
                     const char *learner,
                     const char *field,
                     const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = sync_test_field_uuid (learner, field);
  g_autoptr(PlProfileField) f = g_object_new (PL_TYPE_PROFILE_FIELD, "uuid", uuid, NULL);

  pl_record_set_string (PL_RECORD (f), "learner-uuid", learner);
  pl_record_set_string (PL_RECORD (f), "field", field);
  pl_record_set_string (PL_RECORD (f), "value", value);
  g_assert_true (pl_store_save (store, PL_RECORD (f), &error));
  g_assert_no_error (error);
}

static inline char *
sync_test_get_field (PlStore    *store,
                     const char *learner,
                     const char *field)
{
  g_autofree char *uuid = sync_test_field_uuid (learner, field);
  g_autoptr(PlRecord) f = pl_store_get (store, PL_TYPE_PROFILE_FIELD, uuid, NULL);

  if (f == NULL || pl_record_get_deleted (f))
    return NULL;
  return g_strdup (pl_record_get_string (f, "value"));
}

static inline PlEvidence *
sync_test_evidence (PlStore    *store,
                    const char *learner,
                    double      score)
{
  g_autoptr(GError) error = NULL;
  PlEvidence *e = pl_evidence_new ();

  pl_record_set_string (PL_RECORD (e), "learner-uuid", learner);
  pl_record_set_string (PL_RECORD (e), "standard-uuid", "std-1");
  pl_record_set_double (PL_RECORD (e), "score", score);
  pl_record_set_string (PL_RECORD (e), "assessed-at", "2026-03-01");
  g_assert_true (pl_store_save (store, PL_RECORD (e), &error));
  g_assert_no_error (error);
  return e;
}
