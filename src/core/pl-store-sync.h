/* pl-store-sync.h — streaming synced rows out of the store and merging them in
 *
 * The bundle format lives in src/sync; this is the part that needs SQL:
 * it walks every synced table (pl_schema_synced_tables) generically, and
 * merges rows with the sync rules. It also keeps the local sync state:
 * what this database holds from each origin, what each peer said it holds,
 * and the profile-field conflicts a teacher should see.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pl-store.h"

G_BEGIN_DECLS

/* ---- clock vectors ------------------------------------------------- */

/* A clock vector maps an origin (device id) to a clock value: "holds every
 * write of that origin up to this clock". A GHashTable of char* → guint64*;
 * absent origins count as 0. */
GHashTable *pl_sync_vector_new          (void);
guint64     pl_sync_vector_get          (GHashTable   *vector,
                                         const char   *origin);
void        pl_sync_vector_set          (GHashTable   *vector,
                                         const char   *origin,
                                         guint64       hlc);
/* Raises VECTOR to at least OTHER for each origin. */
void        pl_sync_vector_merge        (GHashTable   *vector,
                                         GHashTable   *other);
/* TRUE when VECTOR ≥ OTHER for every origin of OTHER. */
gboolean    pl_sync_vector_covers       (GHashTable   *vector,
                                         GHashTable   *other);
/* {"origin": clock, …} with keys sorted. */
char       *pl_sync_vector_to_json      (GHashTable   *vector);
/* NULL with ERROR when JSON is not an object of non-negative integers. */
GHashTable *pl_sync_vector_from_json    (const char   *json,
                                         GError      **error);

/* ---- values -------------------------------------------------------- */

typedef enum
{
  PL_SYNC_VALUE_NULL,
  PL_SYNC_VALUE_INT,
  PL_SYNC_VALUE_REAL,
  PL_SYNC_VALUE_TEXT,
} PlSyncValueType;

/* One column value of a row. TEXT is UTF-8, LEN bytes, not necessarily
 * nul-terminated; it points into a buffer owned by the caller. */
typedef struct
{
  PlSyncValueType  type;
  gint64           i;
  double           d;
  const char      *s;
  gsize            len;
} PlSyncValue;

/* Every synced table starts with these four columns, in this order. */
#define PL_SYNC_N_KEY_COLUMNS 4

/* ---- export -------------------------------------------------------- */

typedef struct
{
  guint        n_tables;
  const char  *const *tables;   /* pl_schema_synced_tables () */
  guint64     *counts;          /* rows per table, in the order of TABLES */
  guint64      total;
  guint64      min_hlc;         /* 0 when there are no rows */
  guint64      max_hlc;
  GHashTable  *seen;            /* what this database holds (clock vector) */
} PlSyncSummary;

typedef struct
{
  gboolean (*start) (gpointer             user_data,
                     const PlSyncSummary *summary,
                     GError             **error);
  /* COLUMNS begins with uuid, updated_hlc, origin, deleted. */
  gboolean (*table) (gpointer             user_data,
                     const char          *table,
                     guint                n_columns,
                     const char * const  *columns,
                     guint64              n_rows,
                     GError             **error);
  gboolean (*row)   (gpointer             user_data,
                     guint                n_values,
                     const PlSyncValue   *values,
                     GError             **error);
} PlSyncExportSink;

/* Streams every synced row (tombstones included) whose clock is above
 * SINCE[origin] (NULL: every row) to SINK, table by table in dependency
 * order, from one consistent snapshot. Memory use does not grow with the
 * number of rows. */
gboolean    pl_store_sync_export        (PlStore                *self,
                                         GHashTable             *since,
                                         const PlSyncExportSink *sink,
                                         gpointer                user_data,
                                         GCancellable           *cancellable,
                                         GError                **error);

/* What this database holds: sync_seen, with this device at its clock. */
GHashTable *pl_store_sync_get_seen      (PlStore       *self);

/* What PEER said it holds in its last bundle we imported (empty if none). */
GHashTable *pl_store_sync_get_peer_seen (PlStore       *self,
                                         const char    *peer);

/* Records that a bundle for PEER (NULL: any reader) was written. */
gboolean    pl_store_sync_note_export   (PlStore       *self,
                                         const char    *peer,
                                         guint64        n_rows,
                                         GError       **error);

/* ---- checking incoming rows ---------------------------------------- */

typedef struct _PlSyncTablePlan PlSyncTablePlan;

/* The plan for reading rows of TABLE with COLUMNS (as a bundle declares
 * them): fails with PL_STORE_ERROR_INVALID naming the table or column when
 * the table is not synced, a column is unknown or duplicated, or the four
 * sync columns do not come first. */
PlSyncTablePlan *pl_sync_table_plan_new (PlStore             *self,
                                         const char          *table,
                                         guint                n_columns,
                                         const char * const  *columns,
                                         GError             **error);
void             pl_sync_table_plan_free (PlSyncTablePlan    *plan);
const char      *pl_sync_table_plan_get_table (PlSyncTablePlan *plan);
guint            pl_sync_table_plan_get_n_columns (PlSyncTablePlan *plan);
/* Checks one row against the plan (types, required values, clock range);
 * the message names the column. */
gboolean         pl_sync_table_plan_check_row (PlSyncTablePlan    *plan,
                                               guint               n_values,
                                               const PlSyncValue  *values,
                                               GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlSyncTablePlan, pl_sync_table_plan_free)

/* ---- merge --------------------------------------------------------- */

typedef struct _PlSyncMerge PlSyncMerge;

typedef struct
{
  guint64 received;   /* rows read */
  guint64 applied;    /* rows that changed this database */
  guint   conflicts;  /* new profile-field conflicts */
} PlSyncMergeStats;

/* Starts a merge: one transaction for all of it. SENDER_SEEN is what the
 * sender holds (it tells a concurrent edit from a later one). */
PlSyncMerge *pl_store_sync_merge_begin  (PlStore       *self,
                                         GHashTable    *sender_seen,
                                         GError       **error);
/* Rows that follow belong to PLAN's table, N_ROWS of them. The plan must
 * outlive them. Finishes the previous table. */
gboolean     pl_sync_merge_set_table    (PlSyncMerge       *merge,
                                         PlSyncTablePlan   *plan,
                                         guint64            n_rows,
                                         GError           **error);
/* Merges one checked row: the higher clock wins, ties go to the greater
 * origin; append-only rows only ever change their tombstone. */
gboolean     pl_sync_merge_row          (PlSyncMerge       *merge,
                                         guint              n_values,
                                         const PlSyncValue *values,
                                         GError           **error);
/* Records the sender as a peer, raises the local clock past every imported
 * value and commits. BASE is what the sender assumed we hold when it left
 * rows out (empty for a full bundle): only when we do hold it does what we
 * hold grow by SENDER_SEEN. Frees MERGE. */
gboolean     pl_sync_merge_commit       (PlSyncMerge       *merge,
                                         const char        *sender,
                                         const char        *sender_role,
                                         const char        *sender_name,
                                         const char        *bundle_created_at,
                                         GHashTable        *sender_seen,
                                         GHashTable        *base,
                                         PlSyncMergeStats  *stats,
                                         GError           **error);
/* Rolls everything back. Frees MERGE. */
void         pl_sync_merge_abort        (PlSyncMerge       *merge);

/* The conflicts found by merges so far in this transaction. */
guint        pl_sync_merge_get_conflicts (PlSyncMerge      *merge);

/* ---- peers and conflicts ------------------------------------------- */

typedef struct
{
  char    *device;
  char    *role;               /* "device" or "hub" */
  char    *name;
  char    *imported_at;        /* ISO 8601 UTC, or NULL */
  char    *bundle_created_at;  /* when the last imported bundle was written */
  guint64  imported_rows;
  char    *exported_at;
  guint64  exported_rows;
} PlSyncPeer;

void        pl_sync_peer_free           (PlSyncPeer *peer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlSyncPeer, pl_sync_peer_free)

/* Every peer, most recently imported first. GPtrArray of PlSyncPeer. */
GPtrArray  *pl_store_sync_list_peers    (PlStore       *self,
                                         GError       **error);
/* Forgets every device and hub: what they said they hold and when this
 * database last exchanged bundles with them (for a move to another school). */
gboolean    pl_store_sync_forget_peers  (PlStore                *self,
                                         GError                **error);

typedef struct
{
  gint64   id;
  char    *table;
  char    *row_uuid;
  char    *learner_uuid;
  char    *field;
  char    *local_value;     /* NULL: this side had removed the field */
  guint64  local_hlc;
  char    *local_origin;
  char    *remote_value;    /* NULL: the other side removed it */
  guint64  remote_hlc;
  char    *remote_origin;
  gboolean remote_won;
  char    *detected_at;
  gboolean resolved;
} PlSyncConflict;

void        pl_sync_conflict_free       (PlSyncConflict *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlSyncConflict, pl_sync_conflict_free)

/* Conflicts, newest first; only unresolved ones unless INCLUDE_RESOLVED.
 * GPtrArray of PlSyncConflict. */
GPtrArray  *pl_store_sync_list_conflicts (PlStore      *self,
                                          gboolean      include_resolved,
                                          GError      **error);
/* Writes the value that lost as a new edit on this device (so it wins
 * everywhere at the next sync), or removes the field again when the
 * removal lost, and marks the conflict resolved. */
gboolean    pl_store_sync_keep_other    (PlStore       *self,
                                         gint64         conflict_id,
                                         GError       **error);
/* Marks the conflict resolved, keeping the current value. */
gboolean    pl_store_sync_dismiss_conflict (PlStore    *self,
                                            gint64      conflict_id,
                                            GError    **error);

G_END_DECLS
