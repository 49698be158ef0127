/* pl-schema.h — the database schema and its migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "PLRN": marks a file as a PersonalLearn database (PRAGMA application_id). */
#define PL_SCHEMA_APPLICATION_ID 0x504C524E

/* The schema version this build writes (PRAGMA user_version). */
guint                pl_schema_current_version (void);

/* SQL that takes a database from version - 1 to version (1 ≤ version ≤ current). */
const char          *pl_schema_migration       (guint version);

/* The synced tables, in an order where every table comes after the tables it
 * refers to. Every one has uuid, updated_hlc, origin and deleted. */
const char * const  *pl_schema_synced_tables   (void);

/* TRUE for tables whose rows are never changed once written (a correction
 * is a new row that supersedes): evidence, conversation notes and the
 * history of goal statuses. */
gboolean             pl_schema_table_is_append_only (const char *table);

/* TRUE if TABLE is one of the synced tables. */
gboolean             pl_schema_table_is_synced (const char *table);

G_END_DECLS
