/* pl-bundle.h — .plbundle files: writing, verifying and importing
 *
 * The format is described in docs/bundle-format.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/pl-store.h"
#include "core/pl-store-sync.h"

G_BEGIN_DECLS

#define PL_BUNDLE_ERROR (pl_bundle_error_quark ())

typedef enum
{
  PL_BUNDLE_ERROR_FAILED,          /* reading or writing the file failed */
  PL_BUNDLE_ERROR_NOT_A_BUNDLE,    /* no bundle signature */
  PL_BUNDLE_ERROR_NEWER_FORMAT,    /* written by a newer PersonalLearn */
  PL_BUNDLE_ERROR_TRUNCATED,       /* the file ends early */
  PL_BUNDLE_ERROR_CORRUPT,         /* bad structure or checksum */
  PL_BUNDLE_ERROR_FORGED,          /* the HMAC does not match the school's key */
  PL_BUNDLE_ERROR_OTHER_SCHOOL,    /* from another school */
  PL_BUNDLE_ERROR_NO_SCHOOL,       /* this database has not joined a school */
  PL_BUNDLE_ERROR_INVALID,         /* a record is not acceptable */
} PlBundleError;

GQuark pl_bundle_error_quark (void);

/* The format version this build writes and the newest it reads. */
#define PL_BUNDLE_FORMAT_VERSION 1
#define PL_BUNDLE_EXTENSION ".plbundle"

typedef struct
{
  guint        format;
  char        *school;
  char        *sender;
  char        *sender_role;   /* "device" or "hub" */
  char        *sender_name;
  char        *recipient;     /* NULL: any device of the school */
  char        *created_at;    /* ISO 8601 UTC */
  guint64      min_hlc;
  guint64      max_hlc;
  guint64      total;
  GHashTable  *counts;        /* table → guint64* */
  GHashTable  *seen;          /* what the sender holds (clock vector) */
  GHashTable  *base;          /* what the sender assumed the recipient holds */
  guint64      size;          /* bytes, filled in by the reader */
} PlBundleManifest;

void pl_bundle_manifest_free (PlBundleManifest *manifest);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlBundleManifest, pl_bundle_manifest_free)

/* FRACTION runs from 0 to 1. Called from the thread doing the work. */
typedef void (*PlBundleProgressFunc) (double   fraction,
                                      gpointer user_data);

typedef struct
{
  /* The device or hub the bundle is for; NULL for anyone. */
  const char           *recipient;
  /* Leave out what the recipient said it holds in its last bundle. */
  gboolean              incremental;
  PlBundleProgressFunc  progress;
  gpointer              progress_data;
} PlBundleExportOptions;

/* Writes every synced record (or, incrementally, what the recipient lacks)
 * to DEST: to a temporary file next to it, renamed over DEST only once it is
 * complete. OUT_MANIFEST (may be NULL) receives what was written. */
gboolean pl_bundle_export           (PlStore                      *store,
                                     GFile                        *dest,
                                     const PlBundleExportOptions  *options,
                                     PlBundleManifest            **out_manifest,
                                     GCancellable                 *cancellable,
                                     GError                      **error);

/* Opens the bundle for reading from its start; called once per pass. */
typedef GInputStream *(*PlBundleOpenFunc) (gpointer       user_data,
                                           GCancellable  *cancellable,
                                           GError       **error);

/* Checks a bundle completely without changing anything: signature, format
 * version, school, every record, record counts, checksum and HMAC. */
PlBundleManifest *pl_bundle_verify  (PlStore               *store,
                                     GFile                 *source,
                                     GCancellable          *cancellable,
                                     GError               **error);

typedef struct
{
  PlBundleManifest *manifest;
  PlSyncMergeStats  stats;
} PlBundleImportResult;

void pl_bundle_import_result_clear (PlBundleImportResult *result);

/* Verifies SOURCE (as pl_bundle_verify), then merges it in one transaction,
 * checking the content again as it goes. On any error the database is
 * unchanged. */
gboolean pl_bundle_import           (PlStore               *store,
                                     GFile                 *source,
                                     PlBundleProgressFunc   progress,
                                     gpointer               progress_data,
                                     PlBundleImportResult  *result,
                                     GCancellable          *cancellable,
                                     GError               **error);

/* The same, from streams that OPEN returns; NAME is used in messages and
 * SIZE (0 if unknown) for progress. */
gboolean pl_bundle_import_from      (PlStore               *store,
                                     const char            *name,
                                     PlBundleOpenFunc       open,
                                     gpointer               open_data,
                                     guint64                size,
                                     PlBundleProgressFunc   progress,
                                     gpointer               progress_data,
                                     PlBundleImportResult  *result,
                                     GCancellable          *cancellable,
                                     GError               **error);

G_END_DECLS
