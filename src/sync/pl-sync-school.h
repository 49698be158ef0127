/* pl-sync-school.h — school membership: the school id and its sync key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/pl-store.h"

G_BEGIN_DECLS

/* The sync key is 32 random bytes, written as 64 hexadecimal digits. */
#define PL_SYNC_KEY_LENGTH 32

typedef enum
{
  PL_SYNC_JOIN_DEFAULT       = 0,
  /* Leave the school the database belongs to for another one. */
  PL_SYNC_JOIN_SWITCH_SCHOOL = 1 << 0,
} PlSyncJoinFlags;

/* PL_BUNDLE_ERROR_INVALID unless SCHOOL_ID is a school id as "hub init"
 * prints it (a UUID). */
gboolean  pl_sync_check_school_id (const char  *school_id,
                                   GError     **error);
/* PL_BUNDLE_ERROR_INVALID unless SYNC_KEY is 64 hexadecimal digits. */
gboolean  pl_sync_check_key    (const char   *sync_key,
                                GError      **error);

/* Joins the database to a school (meta "school_id", "sync_key"). Refuses a
 * malformed id or key, and a database that belongs to another school
 * (PL_BUNDLE_ERROR_OTHER_SCHOOL). */
gboolean  pl_sync_join_school  (PlStore      *store,
                                const char   *school_id,
                                const char   *sync_key,
                                GError      **error);
/* The same; with PL_SYNC_JOIN_SWITCH_SCHOOL a database of another school
 * moves to this one, and forgets what it exchanged with the old school's
 * hub and devices (the next bundle carries everything). A hub never
 * changes school or key. */
gboolean  pl_sync_join_school_full (PlStore          *store,
                                    const char       *school_id,
                                    const char       *sync_key,
                                    PlSyncJoinFlags   flags,
                                    GError          **error);

/* Makes STORE the hub of a new school called NAME: a new school id, a new
 * sync key and the school record. Refuses a database that already belongs
 * to a school. */
gboolean  pl_sync_hub_init     (PlStore      *store,
                                const char   *name,
                                char        **out_school_id,
                                char        **out_sync_key,
                                GError      **error);

gboolean  pl_sync_is_hub       (PlStore      *store);

/* The school id and the decoded key; PL_BUNDLE_ERROR_NO_SCHOOL when the
 * database has not joined a school. */
gboolean  pl_sync_get_school   (PlStore      *store,
                                char        **out_school_id,
                                guint8        key[PL_SYNC_KEY_LENGTH],
                                GError      **error);

G_END_DECLS
