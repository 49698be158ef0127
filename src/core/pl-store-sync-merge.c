/* pl-store-sync-merge.c — merging the rows of a bundle into the store, and
 * what the store then holds and remembers of the sender
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include <glib/gi18n.h>

#include "pl-store-private.h"
#include "pl-store-sync-private.h"

/* ---- merge --------------------------------------------------------- */

/* Page cache for a merge, in KiB: large enough that a big import does not
 * spill half-written pages to the log again and again; an index rebuilt
 * after it sorts in as much again, and both stay inside the 150 MB an
 * import may use. */
#define MERGE_CACHE_KIB 49152

struct _PlSyncMerge
{
  gint64            cache_size;   /* to restore */
  PlStore          *store;
  sqlite3          *db;
  PlSyncTablePlan  *plan;
  GHashTable       *seen_before;
  GHashTable       *sender_seen;
  const char       *device_id;
  char             *now;
  guint64           max_hlc;
  PlSyncMergeStats  stats;
  GPtrArray        *dropped_indexes;   /* CREATE INDEX statements to run again */
};

/* A table that receives many rows compared with what it holds gets its
 * secondary indexes rebuilt once, sorted, instead of updated row by row in
 * random order (which makes SQLite write the same pages to its log again
 * and again). Inside the import's transaction, so still all or nothing. */
#define REBUILD_MIN_ROWS 20000

static gint64
get_cache_size (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -2000;

  if (sqlite3_prepare_v2 (db, "PRAGMA cache_size", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
set_cache_size (sqlite3 *db,
                gint64   value)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" PRId64, value);

  sqlite3_exec (db, sql, NULL, NULL, NULL);
}

static void
merge_free (PlSyncMerge *merge)
{
  pl_store_release_writes (merge->store);
  set_cache_size (merge->db, merge->cache_size);
  g_clear_pointer (&merge->dropped_indexes, g_ptr_array_unref);
  g_clear_pointer (&merge->seen_before, g_hash_table_unref);
  g_clear_pointer (&merge->sender_seen, g_hash_table_unref);
  g_free (merge->now);
  g_clear_object (&merge->store);
  g_free (merge);
}

PlSyncMerge *
pl_store_sync_merge_begin (PlStore     *self,
                           GHashTable  *sender_seen,
                           GError     **error)
{
  PlSyncMerge *merge;

  g_return_val_if_fail (PL_IS_STORE (self), NULL);

  if (!pl_store_begin (self, error))
    return NULL;
  /* A window's edit meanwhile is refused at once, not after seconds. */
  pl_store_claim_writes (self, _("a sync bundle is being imported into this database; try again when the import has finished"));
  merge = g_new0 (PlSyncMerge, 1);
  merge->store = g_object_ref (self);
  merge->db = _pl_store_get_db (self);
  merge->cache_size = get_cache_size (merge->db);
  if (merge->cache_size > -MERGE_CACHE_KIB)
    set_cache_size (merge->db, -MERGE_CACHE_KIB);
  merge->device_id = pl_store_get_device_id (self);
  merge->seen_before = pl_store_sync_get_seen (self);
  merge->sender_seen = pl_sync_vector_new ();
  pl_sync_vector_merge (merge->sender_seen, sender_seen);
  merge->now = _pl_store_now_iso8601 ();
  return merge;
}

static gboolean
restore_indexes (PlSyncMerge  *merge,
                 GError      **error)
{
  for (guint i = 0; merge->dropped_indexes != NULL && i < merge->dropped_indexes->len; i++)
    if (!_pl_store_exec (merge->store, merge->dropped_indexes->pdata[i], error))
      return FALSE;
  g_clear_pointer (&merge->dropped_indexes, g_ptr_array_unref);
  return TRUE;
}

static gboolean
drop_indexes (PlSyncMerge  *merge,
              const char   *table,
              GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  /* Automatic indexes (the primary key) have no SQL and stay; so do
   * partial ones, which few rows reach and whose rebuild would read the
   * whole table once more. */
  if (sqlite3_prepare_v2 (merge->db, "SELECT name, sql FROM sqlite_schema WHERE type = 'index'"
                          " AND tbl_name = ?1 AND sql IS NOT NULL AND sql NOT LIKE '% WHERE %'",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _pl_store_set_error (merge->store, error, _("cannot read the schema"));
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  merge->dropped_indexes = g_ptr_array_new_with_free_func (g_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (merge->dropped_indexes, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  for (guint i = 0; i < names->len; i++)
    {
      /* Index names come from the schema itself, quoted all the same. */
      g_autofree char *sql = g_strdup_printf ("DROP INDEX \"%s\"", (char *) names->pdata[i]);

      if (!_pl_store_exec (merge->store, sql, error))
        return FALSE;
    }
  return TRUE;
}

static gint64
table_extent (PlSyncMerge *merge,
              const char  *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT max(rowid) FROM %s", table);
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;

  if (sqlite3_prepare_v2 (merge->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

gboolean
pl_sync_merge_set_table (PlSyncMerge      *merge,
                         PlSyncTablePlan  *plan,
                         guint64           n_rows,
                         GError          **error)
{
  if (!restore_indexes (merge, error))
    return FALSE;
  merge->plan = plan;
  /* Only for a table that at least triples: rebuilding a large index for
   * a few new rows (or for rows it already holds) would cost more. */
  if (plan != NULL && n_rows >= REBUILD_MIN_ROWS &&
      (gint64) n_rows > 2 * table_extent (merge, plan->table))
    return drop_indexes (merge, plan->table, error);
  return TRUE;
}

guint
pl_sync_merge_get_conflicts (PlSyncMerge *merge)
{
  return merge->stats.conflicts;
}

static void
bind_sync_value (sqlite3_stmt      *stmt,
                 int                index,
                 const PlSyncValue *v)
{
  switch (v->type)
    {
    case PL_SYNC_VALUE_INT:
      sqlite3_bind_int64 (stmt, index, v->i);
      break;
    case PL_SYNC_VALUE_REAL:
      sqlite3_bind_double (stmt, index, v->d);
      break;
    case PL_SYNC_VALUE_TEXT:
      /* The text lives until the row is written: each row binds every
       * column again before the statement runs. */
      sqlite3_bind_text (stmt, index, v->s, (int) v->len, SQLITE_STATIC);
      break;
    case PL_SYNC_VALUE_NULL:
    default:
      sqlite3_bind_null (stmt, index);
      break;
    }
}

typedef struct
{
  gboolean  found;
  guint64   hlc;
  char     *origin;
  gboolean  deleted;
  char     *value;
} LocalField;

static void
local_field_clear (LocalField *f)
{
  g_free (f->origin);
  g_free (f->value);
}

static gboolean
read_local_field (PlSyncMerge  *merge,
                  const char   *uuid,
                  gsize         uuid_len,
                  LocalField   *out,
                  GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _pl_store_prepare (merge->store,
                            "SELECT updated_hlc, origin, deleted, value FROM profile_field"
                            " WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, (int) uuid_len, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out->found = TRUE;
      out->hlc = (guint64) sqlite3_column_int64 (stmt, 0);
      out->origin = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      out->deleted = sqlite3_column_int (stmt, 2) != 0;
      out->value = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _pl_store_set_error (merge->store, error, _("cannot read records"));
      return FALSE;
    }
  return TRUE;
}

static char *
value_dup (const PlSyncValue *v)
{
  if (v->type == PL_SYNC_VALUE_TEXT)
    return g_strndup (v->s, v->len);
  return NULL;
}

/* Two devices edited one profile field (or one edited it and the other
 * removed it) without one seeing the other's change: the teacher should
 * know which value was kept. A value is known to
 * the side that won when that side had seen its writer's clock; an edit of
 * this device replaced by another's is always listed. */
static gboolean
note_conflict (PlSyncMerge        *merge,
               const LocalField   *local,
               const PlSyncValue  *values,
               GError            **error)
{
  PlSyncTablePlan *plan = merge->plan;
  guint64 remote_hlc = (guint64) values[1].i;
  g_autofree char *remote_origin = g_strndup (values[2].s, values[2].len);
  g_autofree char *remote_value = NULL;
  g_autofree char *uuid = g_strndup (values[0].s, values[0].len);
  g_autofree char *learner = NULL;
  g_autofree char *field = NULL;
  gboolean remote_wins;
  gboolean remote_deleted;
  gboolean concurrent;
  sqlite3_stmt *stmt;

  if (!local->found || plan->value_col < 0)
    return TRUE;
  if (g_strcmp0 (local->origin, remote_origin) == 0 || remote_hlc == local->hlc)
    return TRUE;
  /* A removed field is listed without a value (NULL): an edit against a
   * removal is a conflict too, whichever of them wins. */
  remote_deleted = values[3].i != 0;
  if (local->deleted && remote_deleted)
    return TRUE;
  if (!remote_deleted)
    remote_value = value_dup (&values[plan->value_col]);
  if (!local->deleted && !remote_deleted && g_strcmp0 (remote_value, local->value) == 0)
    return TRUE;

  remote_wins = remote_hlc > local->hlc;
  if (remote_wins)
    concurrent = pl_sync_vector_get (merge->sender_seen, local->origin) < local->hlc ||
                 g_strcmp0 (local->origin, merge->device_id) == 0;
  else
    concurrent = pl_sync_vector_get (merge->seen_before, remote_origin) < remote_hlc;
  if (!concurrent)
    return TRUE;

  if (plan->learner_col >= 0)
    learner = value_dup (&values[plan->learner_col]);
  if (plan->field_col >= 0)
    field = value_dup (&values[plan->field_col]);

  stmt = _pl_store_prepare (merge->store,
                            "INSERT OR IGNORE INTO sync_conflict (table_name, row_uuid, learner_uuid,"
                            " field, local_value, local_hlc, local_origin, remote_value, remote_hlc,"
                            " remote_origin, winner, detected_at)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, plan->table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, learner, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, field, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, local->deleted ? NULL : local->value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, (sqlite3_int64) local->hlc);
  sqlite3_bind_text (stmt, 7, local->origin, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, remote_value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 9, (sqlite3_int64) remote_hlc);
  sqlite3_bind_text (stmt, 10, remote_origin, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, remote_wins ? "remote" : "local", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, merge->now, -1, SQLITE_TRANSIENT);
  if (!_pl_store_step_done (merge->store, stmt, error))
    return FALSE;
  if (sqlite3_changes (merge->db) > 0)
    merge->stats.conflicts++;
  return TRUE;
}

static gboolean
write_row (PlSyncMerge        *merge,
           sqlite3_stmt      **stmt,
           const char         *sql,
           const PlSyncValue  *values,
           guint               n_values,
           GError            **error)
{
  int rc;

  if (*stmt == NULL &&
      sqlite3_prepare_v3 (merge->db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL) != SQLITE_OK)
    {
      _pl_store_set_error (merge->store, error, _("cannot prepare a query"));
      return FALSE;
    }
  sqlite3_reset (*stmt);
  for (guint c = 0; c < n_values; c++)
    bind_sync_value (*stmt, (int) c + 1, &values[c]);
  rc = sqlite3_step (*stmt);
  sqlite3_reset (*stmt);
  if (rc != SQLITE_DONE)
    {
      g_autofree char *uuid = g_strndup (values[0].s, values[0].len);
      g_autofree char *context = g_strdup_printf (_("table “%s”, record %s"), merge->plan->table, uuid);

      _pl_store_set_error (merge->store, error, context);
      return FALSE;
    }
  return TRUE;
}

gboolean
pl_sync_merge_row (PlSyncMerge        *merge,
                   guint               n_values,
                   const PlSyncValue  *values,
                   GError            **error)
{
  PlSyncTablePlan *plan = merge->plan;
  LocalField local = { 0 };
  gboolean is_profile, try_insert;

  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (n_values == plan->n_columns, FALSE);

  is_profile = plan->value_col >= 0;
  if (is_profile && !read_local_field (merge, values[0].s, values[0].len, &local, error))
    return FALSE;

  /* A record this database does not hold yet goes in by a plain insert:
   * unlike the upsert, whose update could meet the append-only trigger,
   * it needs no statement journal of its own. A record already held takes
   * the upsert and its clock comparison. Both ways give the same result;
   * when most records of a table turn out to be held already (a bundle
   * imported again), trying the insert first only costs, so it stops
   * until the table's next stretch of rows. */
  try_insert = !is_profile &&
               (plan->insert_tries < 64 || plan->insert_misses * 2 < plan->insert_tries);
  if (++plan->n_rows % 8192 == 0)
    plan->insert_tries = plan->insert_misses = 0;
  if (try_insert)
    {
      if (!write_row (merge, &plan->insert, plan->insert_sql, values, n_values, error))
        return FALSE;
      plan->insert_tries++;
      plan->insert_misses += sqlite3_changes (merge->db) == 0;
    }
  if ((!try_insert || sqlite3_changes (merge->db) == 0) &&
      !write_row (merge, &plan->upsert, plan->upsert_sql, values, n_values, error))
    {
      local_field_clear (&local);
      return FALSE;
    }

  merge->stats.received++;
  merge->max_hlc = MAX (merge->max_hlc, (guint64) values[1].i);
  if (sqlite3_changes (merge->db) > 0)
    {
      merge->stats.applied++;
      _pl_store_mark_changed (merge->store, plan->table);
    }
  if (is_profile && !note_conflict (merge, &local, values, error))
    {
      local_field_clear (&local);
      return FALSE;
    }
  local_field_clear (&local);
  return TRUE;
}

void
pl_sync_merge_abort (PlSyncMerge *merge)
{
  if (merge == NULL)
    return;
  pl_store_rollback (merge->store);
  merge_free (merge);
}

static gboolean
write_seen (PlSyncMerge  *merge,
            GHashTable   *seen,
            GError      **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      sqlite3_stmt *stmt;

      if (g_strcmp0 (key, merge->device_id) == 0)
        continue;
      stmt = _pl_store_prepare (merge->store,
                                "INSERT INTO sync_seen (origin, hlc) VALUES (?1, ?2)"
                                " ON CONFLICT (origin) DO UPDATE SET hlc = max (hlc, excluded.hlc)",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, (sqlite3_int64) *(guint64 *) value);
      if (!_pl_store_step_done (merge->store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
pl_sync_merge_commit (PlSyncMerge       *merge,
                      const char        *sender,
                      const char        *sender_role,
                      const char        *sender_name,
                      const char        *bundle_created_at,
                      GHashTable        *sender_seen,
                      GHashTable        *base,
                      PlSyncMergeStats  *stats,
                      GError           **error)
{
  PlStore *self = merge->store;
  g_autoptr(GHashTable) peer_seen = NULL;
  g_autofree char *peer_json = NULL;
  sqlite3_stmt *stmt;

  if (!restore_indexes (merge, error))
    goto fail;

  /* What the sender holds becomes what we hold only if the rows it left
   * out are rows we already had. */
  if (pl_sync_vector_covers (merge->seen_before, base) &&
      !write_seen (merge, sender_seen, error))
    goto fail;

  if (sender != NULL && g_strcmp0 (sender, merge->device_id) != 0)
    {
      /* Bundles may arrive out of order: a peer holds at least what any of
       * its bundles said. */
      peer_seen = pl_store_sync_get_peer_seen (self, sender);
      pl_sync_vector_merge (peer_seen, sender_seen);
      peer_json = pl_sync_vector_to_json (peer_seen);
      stmt = _pl_store_prepare (self,
                                "INSERT INTO sync_peer (device, role, name, seen, imported_at,"
                                " bundle_created_at, imported_rows) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                                " ON CONFLICT (device) DO UPDATE SET role = excluded.role,"
                                " name = excluded.name, seen = excluded.seen,"
                                " imported_at = excluded.imported_at,"
                                " bundle_created_at = excluded.bundle_created_at,"
                                " imported_rows = excluded.imported_rows", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, sender, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, sender_role != NULL ? sender_role : "device", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, sender_name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, peer_json, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, merge->now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, bundle_created_at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 7, (sqlite3_int64) merge->stats.received);
      if (!_pl_store_step_done (self, stmt, error))
        goto fail;
      if (g_strcmp0 (sender_role, "hub") == 0 && !pl_store_set_meta (self, "sync_hub", sender, error))
        goto fail;
    }
  if (!pl_store_set_meta (self, "sync_last_import", merge->now, error))
    goto fail;

  /* The local clock moves past every imported value, so the next local
   * edit of an imported record wins over it. */
  pl_hlc_observe (pl_store_get_clock (self), merge->max_hlc);

  if (stats != NULL)
    *stats = merge->stats;
  if (!pl_store_commit (self, error))
    {
      merge_free (merge);
      return FALSE;
    }
  merge_free (merge);
  return TRUE;

fail:
  pl_sync_merge_abort (merge);
  return FALSE;
}
