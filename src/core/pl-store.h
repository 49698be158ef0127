/* pl-store.h — the local SQLite store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pl-hlc.h"
#include "pl-record.h"

G_BEGIN_DECLS

#define PL_STORE_ERROR (pl_store_error_quark ())

typedef enum
{
  PL_STORE_ERROR_FAILED,
  PL_STORE_ERROR_NOT_A_DATABASE,  /* not SQLite, or SQLite of another program */
  PL_STORE_ERROR_CORRUPT,
  PL_STORE_ERROR_NEWER_SCHEMA,
  PL_STORE_ERROR_NOT_FOUND,
  PL_STORE_ERROR_INVALID,
  PL_STORE_ERROR_IMMUTABLE,       /* evidence and notes are never changed */
  PL_STORE_ERROR_BUSY,            /* another writer holds the database */
  PL_STORE_ERROR_READ_ONLY,       /* writes are refused (pl_store_refuse_writes) */
} PlStoreError;

GQuark      pl_store_error_quark         (void);

#define PL_TYPE_STORE (pl_store_get_type ())
G_DECLARE_FINAL_TYPE (PlStore, pl_store, PL, STORE, GObject)

/* The default database: $XDG_DATA_HOME/personallearn/personallearn.db. */
char       *pl_store_default_path        (void);

/* Opens (creating when absent or empty) the database at PATH, or an
 * in-memory database when PATH is NULL. A file that is not a PersonalLearn
 * database, is corrupted or has a newer schema is refused with an error and
 * left byte-for-byte unchanged. An older schema is migrated after a backup
 * copy is written next to the file (see pl_store_get_backup_path). */
PlStore    *pl_store_open                (const char     *path,
                                          GError        **error);
/* The same, and when the file is no larger than CHECK_LIMIT bytes, runs
 * SQLite's quick_check over it first: a damaged file is refused with
 * PL_STORE_ERROR_CORRUPT before anything reads or writes it. 0: no check;
 * G_MAXUINT64: whatever the size. */
PlStore    *pl_store_open_full           (const char     *path,
                                          guint64         check_limit,
                                          GError        **error);
/* Whether pl_store_open_full checked the whole file. */
gboolean    pl_store_was_checked         (PlStore        *self);

const char *pl_store_get_path            (PlStore        *self);
const char *pl_store_get_device_id       (PlStore        *self);
PlHlc      *pl_store_get_clock           (PlStore        *self);
guint       pl_store_get_schema_version  (PlStore        *self);
/* The backup taken before the last migration of this file, or NULL. */
const char *pl_store_get_backup_path     (PlStore        *self);

/* Local settings kept in the database (never synced). */
char       *pl_store_get_meta            (PlStore        *self,
                                          const char     *key);
gboolean    pl_store_set_meta            (PlStore        *self,
                                          const char     *key,
                                          const char     *value,
                                          GError        **error);

/* A long write through this connection (an import, a copy) claims the
 * file: until released, writes through other PlStores of this process on
 * the same file fail at once with PL_STORE_ERROR_BUSY and WHAT as the
 * message (a sentence that says what is going on and what to do), instead
 * of waiting for SQLite's lock and failing after seconds. Claims nest.
 * Returns FALSE when another connection holds the claim. */
gboolean    pl_store_claim_writes        (PlStore        *self,
                                          const char     *what);
void        pl_store_release_writes      (PlStore        *self);
/* From now on, writes through this connection fail with
 * PL_STORE_ERROR_READ_ONLY and REASON as the message (NULL: allowed
 * again); for a database found damaged after it was opened. */
void        pl_store_refuse_writes       (PlStore        *self,
                                          const char     *reason);
const char *pl_store_get_refusal         (PlStore        *self);

/* Transactions nest; only the outermost one commits. Every write goes
 * through one; a write outside an explicit transaction makes its own. */
gboolean    pl_store_begin               (PlStore        *self,
                                          GError        **error);
gboolean    pl_store_commit              (PlStore        *self,
                                          GError        **error);
void        pl_store_rollback            (PlStore        *self);

/* Writes RECORD with a new clock value and this device as origin. */
gboolean    pl_store_save                (PlStore        *self,
                                          PlRecord       *record,
                                          GError        **error);
/* Marks RECORD deleted (a tombstone that syncs). */
gboolean    pl_store_delete              (PlStore        *self,
                                          PlRecord       *record,
                                          GError        **error);
/* Brings back a record deleted with pl_store_delete (for Undo). */
gboolean    pl_store_undelete            (PlStore        *self,
                                          PlRecord       *record,
                                          GError        **error);
/* Returns the record of TYPE with UUID, deleted or not; NULL and
 * PL_STORE_ERROR_NOT_FOUND when there is none. */
gpointer    pl_store_get                 (PlStore        *self,
                                          GType           type,
                                          const char     *uuid,
                                          GError        **error);
/* Every record of TYPE that is not deleted, in no particular order. */
GListModel *pl_store_list                (PlStore        *self,
                                          GType           type,
                                          GError        **error);
/* The records of TYPE whose COLUMN equals VALUE (not deleted). */
GListModel *pl_store_list_where          (PlStore        *self,
                                          GType           type,
                                          const char     *column,
                                          const char     *value,
                                          GError        **error);
guint       pl_store_count               (PlStore        *self,
                                          const char     *table,
                                          gboolean        include_deleted);

/* Another connection (a worker thread, another process) changed the
 * database: moves the clock past what it wrote and emits "changed" for
 * every synced table so that views reload. */
void        pl_store_reload              (PlStore        *self);

/* Every synced row as canonical JSON, one line each, sorted by uuid. */
gboolean    pl_store_dump                (PlStore        *self,
                                          GOutputStream  *out,
                                          GError        **error);
/* Runs integrity and consistency checks; appends findings to REPORT.
 * Returns TRUE when the database is sound. */
gboolean    pl_store_check               (PlStore        *self,
                                          GString        *report,
                                          GError        **error);

G_END_DECLS
