/* pl-store-sync-private.h — what the sync files of the store share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "pl-store-sync.h"

G_BEGIN_DECLS

/* The longest record id, device id or clock-vector origin a bundle may
 * bring. */
#define MAX_KEY_LEN 200

/* Column names, declared types and NOT NULL/default facts of TABLE, in
 * schema order. */
typedef struct
{
  char     *name;
  char     *type;
  gboolean  not_null;
  gboolean  has_default;
} ColumnInfo;

/* GArray of ColumnInfo; NULL with ERROR when the schema cannot be read. */
GArray *_pl_store_sync_table_columns (PlStore     *self,
                                      const char  *table,
                                      GError     **error);

typedef enum
{
  KIND_TEXT,
  KIND_INTEGER,
  KIND_REAL,
} ColumnKind;

/* pl-store-sync-plans.c makes a plan; pl-store-sync-merge.c writes the rows
 * of its table with it. */
struct _PlSyncTablePlan
{
  PlStore       *store;
  char          *table;
  gboolean       append_only;
  guint          n_columns;
  char         **columns;
  ColumnKind    *kinds;
  gboolean      *not_null;
  char          *upsert_sql;
  sqlite3_stmt  *upsert;
  char          *insert_sql;     /* for records not held yet */
  sqlite3_stmt  *insert;
  guint          n_rows;         /* rows merged */
  guint          insert_tries;   /* rows tried with insert_sql lately … */
  guint          insert_misses;  /* … and found already held */
  /* profile_field only: where learner, field and value are in a row. */
  int            learner_col, field_col, value_col;
};

G_END_DECLS
