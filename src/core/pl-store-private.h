/* pl-store-private.h — SQL access for the rest of src/core
 *
 * Only files in src/core include this header.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "pl-store.h"
#include "pl-record-private.h"

G_BEGIN_DECLS

/* Part of PlStore that pl-store-claims.c keeps. */
typedef struct
{
  char     *claim_key;   /* canonical path, for claims on the file */
  guint     claims;      /* pl_store_claim_writes nesting */
  char     *refusal;     /* why writes are refused, or NULL */
} PlStoreWrites;

PlStoreWrites *_pl_store_get_writes   (PlStore        *self);
/* PL_STORE_ERROR_BUSY or _READ_ONLY when this connection may not write. */
gboolean       _pl_store_check_writes_allowed (PlStore  *self,
                                               GError  **error);
/* Gives up this connection's claims and refusal, when it goes. */
void           _pl_store_writes_clear (PlStore        *self);

/* The instance: its fields are for the files of PlStore itself (pl-store.c,
 * pl-store-open.c, pl-store-records.c); the rest of src/core goes through
 * the functions of this header. */
struct _PlStore
{
  GObject      parent_instance;

  sqlite3     *db;
  char        *path;
  char        *device_id;
  char        *backup_path;
  PlHlc       *clock;
  guint        schema_version;

  GHashTable  *statements;      /* sql → sqlite3_stmt */
  guint        depth;           /* transaction nesting */
  gboolean     failed;          /* an inner level rolled back */
  guint64      hlc_at_begin;
  GHashTable  *changed_tables;  /* interned table names */

  PlStoreWrites writes;         /* who may write (pl-store-claims.c) */
  gboolean     checked;         /* quick_check ran when opening */
};

sqlite3       *_pl_store_get_db        (PlStore        *self);
/* A cached prepared statement, reset and with bindings cleared. */
sqlite3_stmt  *_pl_store_prepare       (PlStore        *self,
                                        const char     *sql,
                                        GError        **error);
gboolean       _pl_store_exec          (PlStore        *self,
                                        const char     *sql,
                                        GError        **error);
/* Steps STMT to completion (for writes); sets ERROR on failure. */
gboolean       _pl_store_step_done     (PlStore        *self,
                                        sqlite3_stmt   *stmt,
                                        GError        **error);
void           _pl_store_set_error     (PlStore        *self,
                                        GError        **error,
                                        const char     *context);
/* Sets KEY in meta within the current transaction. */
gboolean       _pl_store_write_meta    (PlStore        *self,
                                        const char     *key,
                                        const char     *value,
                                        GError        **error);
/* The first column of the first row of SQL (0 when there is no row). */
gboolean       _pl_store_query_int     (PlStore        *self,
                                        const char     *sql,
                                        gint64         *out,
                                        GError        **error);
/* The first column of the first row of SQL, through the statement cache;
 * 0 when there is no row or the query fails. */
gint64         _pl_store_query_int64   (PlStore        *self,
                                        const char     *sql);
/* Sets SQLite's page cache to VALUE (PRAGMA cache_size units); 0 leaves
 * it as it is. */
void           _pl_store_set_cache_size (PlStore       *self,
                                         gint64         value);
/* "YYYY-MM-DDTHH:MM:SSZ" of now, in UTC. */
char          *_pl_store_now_iso8601   (void);
/* quick_check of the open database; PL_STORE_ERROR_CORRUPT on damage. */
gboolean       _pl_store_run_quick_check (PlStore      *self,
                                          GCancellable *cancellable,
                                          GError      **error);
/* PL_STORE_ERROR_CORRUPT unless every synced table of schema VERSION
 * (what migrations 1 … VERSION create) is there. */
gboolean       _pl_store_check_tables  (PlStore       *self,
                                        guint          version,
                                        GError       **error);
/* A new clock value for a write in the current transaction. */
guint64        _pl_store_tick          (PlStore        *self);
/* Views and the engine hear of the change when the transaction commits. */
void           _pl_store_mark_changed  (PlStore        *self,
                                        const char     *table);

/* Records of TYPE from "SELECT t.<columns> FROM <table> t " + TAIL, with
 * PARAMS (NULL-terminated strings, may be NULL) bound as ?1, ?2, … */
GListModel    *_pl_store_query         (PlStore            *self,
                                        GType               type,
                                        const char         *tail,
                                        const char * const *params,
                                        GError            **error);
/* Saves RECORD keeping the sync columns it already has (for imports and
 * merges); otherwise like pl_store_save. */
gboolean       _pl_store_write_record  (PlStore        *self,
                                        PlRecord       *record,
                                        gboolean        keep_sync_columns,
                                        GError        **error);

G_END_DECLS
