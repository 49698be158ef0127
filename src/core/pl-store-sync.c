/* pl-store-sync.c — clock vectors, and streaming synced rows out of the store
 *
 * Incremental sync rests on one invariant per database: sync_seen[O] = c
 * means this database holds every write of origin O with a clock ≤ c (or a
 * later write of the same record). A bundle carries what its sender holds;
 * a receiver may take that over only when the bundle left nothing out that
 * the receiver lacks, which is what the bundle's base vector tells.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "pl-schema.h"
#include "pl-store-private.h"
#include "pl-store-sync-private.h"

/* ---- clock vectors ------------------------------------------------- */

GHashTable *
pl_sync_vector_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

guint64
pl_sync_vector_get (GHashTable *vector,
                    const char *origin)
{
  guint64 *v;

  if (vector == NULL || origin == NULL)
    return 0;
  v = g_hash_table_lookup (vector, origin);
  return v != NULL ? *v : 0;
}

void
pl_sync_vector_set (GHashTable *vector,
                    const char *origin,
                    guint64     hlc)
{
  g_return_if_fail (vector != NULL && origin != NULL);

  g_hash_table_insert (vector, g_strdup (origin), g_memdup2 (&hlc, sizeof hlc));
}

void
pl_sync_vector_merge (GHashTable *vector,
                      GHashTable *other)
{
  GHashTableIter iter;
  gpointer key, value;

  if (other == NULL)
    return;
  g_hash_table_iter_init (&iter, other);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (*(guint64 *) value > pl_sync_vector_get (vector, key))
      pl_sync_vector_set (vector, key, *(guint64 *) value);
}

gboolean
pl_sync_vector_covers (GHashTable *vector,
                       GHashTable *other)
{
  GHashTableIter iter;
  gpointer key, value;

  if (other == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, other);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (*(guint64 *) value > pl_sync_vector_get (vector, key))
      return FALSE;
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

char *
pl_sync_vector_to_json (GHashTable *vector)
{
  g_autoptr(GString) json = g_string_new ("{");
  g_autofree gpointer *keys = NULL;
  guint n = 0;

  if (vector != NULL)
    keys = g_hash_table_get_keys_as_array (vector, &n);
  if (n > 0)
    qsort (keys, n, sizeof (gpointer), compare_strings);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *escaped = g_strescape (keys[i], NULL);

      g_string_append_printf (json, "%s\"%s\":%" PRIu64, i > 0 ? "," : "",
                              escaped, pl_sync_vector_get (vector, keys[i]));
    }
  g_string_append_c (json, '}');
  return g_string_free (g_steal_pointer (&json), FALSE);
}

GHashTable *
pl_sync_vector_from_json (const char  *json,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) vector = pl_sync_vector_new ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (!json_parser_load_from_data (parser, json, -1, &local_error))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("clock vector: %s"), local_error->message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("clock vector: not a JSON object"));
      return NULL;
    }
  object = json_node_get_object (json_parser_get_root (parser));
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, &node))
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
          json_node_get_int (node) < 0 || strlen (member) > MAX_KEY_LEN)
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                       _("clock vector: the value of “%s” is not a clock"), member);
          return NULL;
        }
      pl_sync_vector_set (vector, member, (guint64) json_node_get_int (node));
    }
  return g_steal_pointer (&vector);
}

/* ---- helpers ------------------------------------------------------- */

static void
column_info_clear (gpointer data)
{
  ColumnInfo *c = data;

  g_free (c->name);
  g_free (c->type);
}

GArray *
_pl_store_sync_table_columns (PlStore     *self,
                              const char  *table,
                              GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info(%s)", table);
  GArray *columns = g_array_new (FALSE, TRUE, sizeof (ColumnInfo));
  sqlite3_stmt *stmt = NULL;

  g_array_set_clear_func (columns, column_info_clear);
  if (sqlite3_prepare_v2 (_pl_store_get_db (self), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _pl_store_set_error (self, error, _("cannot read the schema"));
      g_array_unref (columns);
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ColumnInfo c;

      c.name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      c.type = g_ascii_strup ((const char *) sqlite3_column_text (stmt, 2), -1);
      c.not_null = sqlite3_column_int (stmt, 3) != 0;
      c.has_default = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      g_array_append_val (columns, c);
    }
  sqlite3_finalize (stmt);
  return columns;
}

/* ---- export -------------------------------------------------------- */

static GHashTable *
read_seen (PlStore *self)
{
  GHashTable *seen = pl_sync_vector_new ();
  sqlite3_stmt *stmt;
  g_autofree char *own = NULL;

  stmt = _pl_store_prepare (self, "SELECT origin, hlc FROM sync_seen", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    pl_sync_vector_set (seen, (const char *) sqlite3_column_text (stmt, 0),
                        (guint64) sqlite3_column_int64 (stmt, 1));
  if (stmt != NULL)
    sqlite3_reset (stmt);

  /* This device holds every write it made. The committed high-water mark
   * is used rather than the in-memory clock: a write still in flight in
   * another connection cannot be below it. */
  own = pl_store_get_meta (self, "hlc");
  pl_sync_vector_set (seen, pl_store_get_device_id (self),
                      own != NULL ? g_ascii_strtoull (own, NULL, 10) : 0);
  return seen;
}

GHashTable *
pl_store_sync_get_seen (PlStore *self)
{
  g_return_val_if_fail (PL_IS_STORE (self), NULL);

  return read_seen (self);
}

GHashTable *
pl_store_sync_get_peer_seen (PlStore    *self,
                             const char *peer)
{
  sqlite3_stmt *stmt;
  GHashTable *seen = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  g_return_val_if_fail (peer != NULL, NULL);

  stmt = _pl_store_prepare (self, "SELECT seen FROM sync_peer WHERE device = ?1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, peer, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        seen = pl_sync_vector_from_json ((const char *) sqlite3_column_text (stmt, 0), NULL);
      sqlite3_reset (stmt);
    }
  return seen != NULL ? seen : pl_sync_vector_new ();
}

static const char since_filter[] =
  " WHERE updated_hlc > coalesce ((SELECT j.value FROM json_each (?1) j"
  " WHERE j.key = origin), 0)";

static gboolean
export_tables (PlStore                *self,
               const char             *since_json,
               const PlSyncExportSink *sink,
               gpointer                user_data,
               GCancellable           *cancellable,
               GError                **error)
{
  const char * const *tables = pl_schema_synced_tables ();
  sqlite3 *db = _pl_store_get_db (self);
  PlSyncSummary summary = { 0 };
  g_autofree guint64 *counts = NULL;
  g_autoptr(GHashTable) seen = NULL;
  guint n_tables = g_strv_length ((char **) tables);

  counts = g_new0 (guint64, n_tables);
  summary.n_tables = n_tables;
  summary.tables = tables;
  summary.counts = counts;

  for (guint t = 0; t < n_tables; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*), min(updated_hlc), max(updated_hlc) FROM %s%s",
                                              tables[t], since_json != NULL ? since_filter : "");
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          _pl_store_set_error (self, error, _("cannot read records"));
          return FALSE;
        }
      if (since_json != NULL)
        sqlite3_bind_text (stmt, 1, since_json, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          _pl_store_set_error (self, error, _("cannot read records"));
          sqlite3_finalize (stmt);
          return FALSE;
        }
      counts[t] = (guint64) sqlite3_column_int64 (stmt, 0);
      if (counts[t] > 0)
        {
          guint64 lo = (guint64) sqlite3_column_int64 (stmt, 1);
          guint64 hi = (guint64) sqlite3_column_int64 (stmt, 2);

          summary.min_hlc = summary.total == 0 ? lo : MIN (summary.min_hlc, lo);
          summary.max_hlc = MAX (summary.max_hlc, hi);
        }
      summary.total += counts[t];
      sqlite3_finalize (stmt);
    }

  seen = read_seen (self);
  summary.seen = seen;
  if (sink->start != NULL && !sink->start (user_data, &summary, error))
    return FALSE;

  for (guint t = 0; t < n_tables; t++)
    {
      g_autoptr(GArray) info = _pl_store_sync_table_columns (self, tables[t], error);
      g_autoptr(GString) sql = g_string_new ("SELECT ");
      g_autofree const char **names = NULL;
      g_autofree PlSyncValue *values = NULL;
      sqlite3_stmt *stmt = NULL;
      guint64 n = 0;
      int rc;

      if (info == NULL)
        return FALSE;
      names = g_new0 (const char *, info->len + 1);
      values = g_new0 (PlSyncValue, info->len);
      for (guint c = 0; c < info->len; c++)
        {
          names[c] = g_array_index (info, ColumnInfo, c).name;
          g_string_append_printf (sql, "%s%s", c > 0 ? ", " : "", names[c]);
        }
      /* In id order: the receiver then inserts into its primary-key index
       * from left to right instead of all over it, and a bundle of the same
       * records is the same bytes. */
      g_string_append_printf (sql, " FROM %s%s ORDER BY uuid", tables[t],
                              since_json != NULL ? since_filter : "");

      if (sink->table != NULL &&
          !sink->table (user_data, tables[t], info->len, names, counts[t], error))
        return FALSE;

      if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
        {
          _pl_store_set_error (self, error, _("cannot read records"));
          return FALSE;
        }
      if (since_json != NULL)
        sqlite3_bind_text (stmt, 1, since_json, -1, SQLITE_TRANSIENT);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          for (guint c = 0; c < info->len; c++)
            {
              PlSyncValue *v = &values[c];

              switch (sqlite3_column_type (stmt, (int) c))
                {
                case SQLITE_NULL:
                  v->type = PL_SYNC_VALUE_NULL;
                  break;
                case SQLITE_INTEGER:
                  v->type = PL_SYNC_VALUE_INT;
                  v->i = sqlite3_column_int64 (stmt, (int) c);
                  break;
                case SQLITE_FLOAT:
                  v->type = PL_SYNC_VALUE_REAL;
                  v->d = sqlite3_column_double (stmt, (int) c);
                  break;
                default:
                  v->type = PL_SYNC_VALUE_TEXT;
                  v->s = (const char *) sqlite3_column_text (stmt, (int) c);
                  v->len = (gsize) sqlite3_column_bytes (stmt, (int) c);
                  break;
                }
            }
          if (!sink->row (user_data, info->len, values, error))
            {
              sqlite3_finalize (stmt);
              return FALSE;
            }
          if ((++n & 0xfff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              sqlite3_finalize (stmt);
              return FALSE;
            }
        }
      if (rc != SQLITE_DONE)
        {
          _pl_store_set_error (self, error, _("cannot read records"));
          sqlite3_finalize (stmt);
          return FALSE;
        }
      sqlite3_finalize (stmt);
      /* The counts and rows come from one snapshot; a difference is a bug. */
      g_warn_if_fail (n == counts[t]);
    }
  return TRUE;
}

gboolean
pl_store_sync_export (PlStore                 *self,
                      GHashTable              *since,
                      const PlSyncExportSink  *sink,
                      gpointer                 user_data,
                      GCancellable            *cancellable,
                      GError                 **error)
{
  g_autofree char *since_json = NULL;
  gboolean own_snapshot;
  gboolean ok;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  g_return_val_if_fail (sink != NULL && sink->row != NULL, FALSE);

  if (since != NULL && g_hash_table_size (since) > 0)
    since_json = pl_sync_vector_to_json (since);

  /* A read transaction gives one snapshot for the counts and the rows
   * without holding the write lock. */
  own_snapshot = sqlite3_get_autocommit (_pl_store_get_db (self)) != 0;
  if (own_snapshot && !_pl_store_exec (self, "BEGIN DEFERRED", error))
    return FALSE;
  ok = export_tables (self, since_json, sink, user_data, cancellable, error);
  if (own_snapshot)
    _pl_store_exec (self, ok ? "COMMIT" : "ROLLBACK", NULL);
  return ok;
}

gboolean
pl_store_sync_note_export (PlStore     *self,
                           const char  *peer,
                           guint64      n_rows,
                           GError     **error)
{
  g_autofree char *now = _pl_store_now_iso8601 ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);

  if (!pl_store_begin (self, error))
    return FALSE;
  if (!pl_store_set_meta (self, "sync_last_export", now, error))
    {
      pl_store_rollback (self);
      return FALSE;
    }
  if (peer != NULL)
    {
      stmt = _pl_store_prepare (self,
                                "INSERT INTO sync_peer (device, exported_at, exported_rows)"
                                " VALUES (?1, ?2, ?3) ON CONFLICT (device) DO UPDATE SET"
                                " exported_at = excluded.exported_at,"
                                " exported_rows = excluded.exported_rows", error);
      if (stmt == NULL)
        {
          pl_store_rollback (self);
          return FALSE;
        }
      sqlite3_bind_text (stmt, 1, peer, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, (sqlite3_int64) n_rows);
      if (!_pl_store_step_done (self, stmt, error))
        {
          pl_store_rollback (self);
          return FALSE;
        }
    }
  return pl_store_commit (self, error);
}
