/* pl-store-sync.c — streaming synced rows out of the store and merging them in
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
#include <math.h>
#include <string.h>

#include "pl-profile-field.h"
#include "pl-schema.h"
#include "pl-store-private.h"
#include "pl-store-sync.h"

/* Clocks more than this far in the future are refused: one bad clock
 * would otherwise drag every device's clock along with it. */
#define MAX_CLOCK_AHEAD_MS (G_GINT64_CONSTANT (400) * 24 * 3600 * 1000)
#define MAX_KEY_LEN 200

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

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Column names, declared types and NOT NULL/default facts of TABLE, in
 * schema order. */
typedef struct
{
  char     *name;
  char     *type;
  gboolean  not_null;
  gboolean  has_default;
} ColumnInfo;

static void
column_info_clear (gpointer data)
{
  ColumnInfo *c = data;

  g_free (c->name);
  g_free (c->type);
}

static GArray *
table_columns (PlStore     *self,
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
      g_autoptr(GArray) info = table_columns (self, tables[t], error);
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
  g_autofree char *now = now_iso8601 ();
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

/* ---- table plans --------------------------------------------------- */

typedef enum
{
  KIND_TEXT,
  KIND_INTEGER,
  KIND_REAL,
} ColumnKind;

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

void
pl_sync_table_plan_free (PlSyncTablePlan *plan)
{
  if (plan == NULL)
    return;
  if (plan->upsert != NULL)
    sqlite3_finalize (plan->upsert);
  if (plan->insert != NULL)
    sqlite3_finalize (plan->insert);
  g_free (plan->upsert_sql);
  g_free (plan->insert_sql);
  g_strfreev (plan->columns);
  g_free (plan->kinds);
  g_free (plan->not_null);
  g_free (plan->table);
  g_clear_object (&plan->store);
  g_free (plan);
}

const char *
pl_sync_table_plan_get_table (PlSyncTablePlan *plan)
{
  return plan->table;
}

guint
pl_sync_table_plan_get_n_columns (PlSyncTablePlan *plan)
{
  return plan->n_columns;
}

static const char * const key_columns[PL_SYNC_N_KEY_COLUMNS] = {
  "uuid", "updated_hlc", "origin", "deleted"
};

PlSyncTablePlan *
pl_sync_table_plan_new (PlStore             *self,
                        const char          *table,
                        guint                n_columns,
                        const char * const  *columns,
                        GError             **error)
{
  g_autoptr(PlSyncTablePlan) plan = NULL;
  g_autoptr(GArray) info = NULL;
  g_autoptr(GString) insert = NULL;
  g_autoptr(GString) values = NULL;
  g_autoptr(GString) set = NULL;
  g_autofree gboolean *present = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), NULL);

  if (table == NULL || !pl_schema_table_is_synced (table))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("unknown table “%s” (written by a newer PersonalLearn?)"),
                   table != NULL ? table : "");
      return NULL;
    }
  if (n_columns < PL_SYNC_N_KEY_COLUMNS)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("table “%s”: too few columns"), table);
      return NULL;
    }
  for (guint c = 0; c < PL_SYNC_N_KEY_COLUMNS; c++)
    if (g_strcmp0 (columns[c], key_columns[c]) != 0)
      {
        g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                     _("table “%s”: column %u must be “%s”"), table, c + 1, key_columns[c]);
        return NULL;
      }

  info = table_columns (self, table, error);
  if (info == NULL)
    return NULL;

  plan = g_new0 (PlSyncTablePlan, 1);
  plan->store = g_object_ref (self);
  plan->table = g_strdup (table);
  plan->append_only = pl_schema_table_is_append_only (table);
  plan->n_columns = n_columns;
  plan->columns = g_new0 (char *, n_columns + 1);
  plan->kinds = g_new0 (ColumnKind, n_columns);
  plan->not_null = g_new0 (gboolean, n_columns);
  plan->learner_col = plan->field_col = plan->value_col = -1;
  present = g_new0 (gboolean, info->len);

  for (guint c = 0; c < n_columns; c++)
    {
      gboolean found = FALSE;

      for (guint k = 0; k < info->len; k++)
        {
          ColumnInfo *ci = &g_array_index (info, ColumnInfo, k);

          if (g_strcmp0 (ci->name, columns[c]) != 0)
            continue;
          if (present[k])
            {
              g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("table “%s”: column “%s” appears twice"), table, ci->name);
              return NULL;
            }
          present[k] = TRUE;
          found = TRUE;
          plan->columns[c] = g_strdup (ci->name);
          plan->kinds[c] = strstr (ci->type, "INT") != NULL ? KIND_INTEGER
                           : strstr (ci->type, "REAL") != NULL ? KIND_REAL : KIND_TEXT;
          plan->not_null[c] = ci->not_null;
          break;
        }
      if (!found)
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                       _("table “%s”: unknown column “%s” (written by a newer PersonalLearn?)"),
                       table, columns[c] != NULL ? columns[c] : "");
          return NULL;
        }
      if (strcmp (table, "profile_field") == 0)
        {
          if (strcmp (columns[c], "learner_uuid") == 0)
            plan->learner_col = (int) c;
          else if (strcmp (columns[c], "field") == 0)
            plan->field_col = (int) c;
          else if (strcmp (columns[c], "value") == 0)
            plan->value_col = (int) c;
        }
    }
  /* A column the bundle lacks takes its default; one without a default
   * cannot be filled. */
  for (guint k = 0; k < info->len; k++)
    {
      ColumnInfo *ci = &g_array_index (info, ColumnInfo, k);

      if (!present[k] && ci->not_null && !ci->has_default)
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                       _("table “%s”: the required column “%s” is missing"), table, ci->name);
          return NULL;
        }
    }

  insert = g_string_new (NULL);
  values = g_string_new (NULL);
  set = g_string_new (NULL);
  g_string_append_printf (insert, "INSERT INTO %s (", table);
  for (guint c = 0; c < n_columns; c++)
    {
      g_string_append_printf (insert, "%s%s", c > 0 ? ", " : "", plan->columns[c]);
      g_string_append_printf (values, "%s?%u", c > 0 ? ", " : "", c + 1);
      /* Append-only rows never change once written: only the tombstone
       * (and the clock that goes with it) moves. */
      if (c > 0 && (!plan->append_only || c < PL_SYNC_N_KEY_COLUMNS))
        g_string_append_printf (set, "%s%s = excluded.%s", set->len > 0 ? ", " : "",
                                plan->columns[c], plan->columns[c]);
    }
  plan->upsert_sql = g_strdup_printf ("%s) VALUES (%s) ON CONFLICT (uuid) DO UPDATE SET %s"
                                      " WHERE excluded.updated_hlc > %s.updated_hlc"
                                      " OR (excluded.updated_hlc = %s.updated_hlc"
                                      " AND excluded.origin > %s.origin)",
                                      insert->str, values->str, set->str, table, table, table);
  plan->insert_sql = g_strdup_printf ("%s) VALUES (%s) ON CONFLICT (uuid) DO NOTHING",
                                      insert->str, values->str);
  return g_steal_pointer (&plan);
}

/* What g_utf8_validate_len says (no NUL either), eight bytes at a time
 * while the text is plain ASCII, as nearly all of it is. */
static gboolean
text_is_utf8 (const char *s,
              gsize       len)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 w;

      memcpy (&w, s + i, 8);
      /* a byte with its high bit set, or a zero byte */
      if (((w | ((w - ones) & ~w)) & highs) != 0)
        break;
    }
  return i == len || g_utf8_validate_len (s + i, len - i, NULL);
}

static gboolean
row_error (PlSyncTablePlan  *plan,
           guint             column,
           GError          **error,
           const char       *problem)
{
  g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
               _("table “%s”, column “%s”: %s"), plan->table, plan->columns[column], problem);
  return FALSE;
}

gboolean
pl_sync_table_plan_check_row (PlSyncTablePlan    *plan,
                              guint               n_values,
                              const PlSyncValue  *values,
                              GError            **error)
{
  gint64 max_ms = g_get_real_time () / 1000 + MAX_CLOCK_AHEAD_MS;

  if (n_values != plan->n_columns)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("table “%s”: a record has %u values for %u columns"),
                   plan->table, n_values, plan->n_columns);
      return FALSE;
    }

  if (values[0].type != PL_SYNC_VALUE_TEXT || values[0].len == 0 || values[0].len > MAX_KEY_LEN)
    return row_error (plan, 0, error, _("not a record id"));
  if (values[1].type != PL_SYNC_VALUE_INT || values[1].i <= 0)
    return row_error (plan, 1, error, _("not a clock value"));
  if (pl_hlc_physical_ms ((guint64) values[1].i) > max_ms)
    return row_error (plan, 1, error, _("the clock is more than a year in the future"));
  if (values[2].type != PL_SYNC_VALUE_TEXT || values[2].len > MAX_KEY_LEN)
    return row_error (plan, 2, error, _("not a device id"));
  if (values[3].type != PL_SYNC_VALUE_INT || (values[3].i != 0 && values[3].i != 1))
    return row_error (plan, 3, error, _("must be 0 or 1"));

  for (guint c = 0; c < n_values; c++)
    {
      const PlSyncValue *v = &values[c];

      switch (v->type)
        {
        case PL_SYNC_VALUE_NULL:
          if (plan->not_null[c])
            return row_error (plan, c, error, _("must not be empty"));
          break;
        case PL_SYNC_VALUE_INT:
          if (plan->kinds[c] == KIND_TEXT)
            return row_error (plan, c, error, _("a number where text belongs"));
          break;
        case PL_SYNC_VALUE_REAL:
          if (plan->kinds[c] != KIND_REAL)
            return row_error (plan, c, error, _("a fraction where a whole number or text belongs"));
          if (!isfinite (v->d))
            return row_error (plan, c, error, _("not a finite number"));
          break;
        case PL_SYNC_VALUE_TEXT:
          if (plan->kinds[c] != KIND_TEXT)
            return row_error (plan, c, error, _("text where a number belongs"));
          if (!text_is_utf8 (v->s, v->len))
            return row_error (plan, c, error, _("the text is not valid UTF-8"));
          break;
        default:
          return row_error (plan, c, error, _("unknown value type"));
        }
    }
  return TRUE;
}

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
  merge->seen_before = read_seen (self);
  merge->sender_seen = pl_sync_vector_new ();
  pl_sync_vector_merge (merge->sender_seen, sender_seen);
  merge->now = now_iso8601 ();
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
