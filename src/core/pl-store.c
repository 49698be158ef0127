/* pl-store.c — the local SQLite store: its statements, meta settings and
 * transactions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include <glib/gi18n.h>
#include <string.h>

#include "pl-schema.h"
#include "pl-store-private.h"

G_DEFINE_FINAL_TYPE (PlStore, pl_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (pl-store-error-quark, pl_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
pl_store_finalize (GObject *object)
{
  PlStore *self = PL_STORE (object);

  _pl_store_writes_clear (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->changed_tables, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self->device_id);
  g_free (self->backup_path);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (pl_store_parent_class)->finalize (object);
}

static void
pl_store_class_init (PlStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pl_store_finalize;

  /**
   * PlStore::changed:
   * @table: the synced table that changed
   *
   * Emitted after a transaction that wrote to @table commits. The
   * signal detail is the table name.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
pl_store_init (PlStore *self)
{
  self->clock = pl_hlc_new ();
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->changed_tables = g_hash_table_new (g_str_hash, g_str_equal);
}

char *
pl_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "personallearn", "personallearn.db", NULL);
}

void
_pl_store_set_error (PlStore     *self,
                     GError     **error,
                     const char  *context)
{
  int code = sqlite3_extended_errcode (self->db);
  int primary = code & 0xff;
  PlStoreError pl_code = PL_STORE_ERROR_FAILED;
  const char *message = sqlite3_errmsg (self->db);

  if (primary == SQLITE_CORRUPT)
    pl_code = PL_STORE_ERROR_CORRUPT;
  else if (primary == SQLITE_NOTADB)
    pl_code = PL_STORE_ERROR_NOT_A_DATABASE;
  else if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    pl_code = PL_STORE_ERROR_BUSY;
  else if (primary == SQLITE_CONSTRAINT && message != NULL && strstr (message, "immutable") != NULL)
    pl_code = PL_STORE_ERROR_IMMUTABLE;
  else if (primary == SQLITE_CONSTRAINT && message != NULL && strstr (message, "append-only") != NULL)
    pl_code = PL_STORE_ERROR_IMMUTABLE;

  g_set_error (error, PL_STORE_ERROR, pl_code, "%s: %s: %s",
               self->path != NULL ? self->path : ":memory:", context, message);
}

sqlite3 *
_pl_store_get_db (PlStore *self)
{
  return self->db;
}

PlStoreWrites *
_pl_store_get_writes (PlStore *self)
{
  return &self->writes;
}

sqlite3_stmt *
_pl_store_prepare (PlStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _pl_store_set_error (self, error, _("cannot prepare a query"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gint64
_pl_store_query_int64 (PlStore    *self,
                       const char *sql)
{
  sqlite3_stmt *stmt = _pl_store_prepare (self, sql, NULL);
  gint64 value = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return value;
}

void
_pl_store_set_cache_size (PlStore *self,
                          gint64   value)
{
  g_autofree char *sql = NULL;

  if (value == 0)
    return;
  sql = g_strdup_printf ("PRAGMA cache_size = %" PRId64, value);
  _pl_store_exec (self, sql, NULL);
}

gboolean
_pl_store_exec (PlStore     *self,
                const char  *sql,
                GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _pl_store_set_error (self, error, _("cannot run a statement"));
      return FALSE;
    }
  return TRUE;
}

gboolean
_pl_store_step_done (PlStore       *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      _pl_store_set_error (self, error, _("cannot write"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

guint64
_pl_store_tick (PlStore *self)
{
  return pl_hlc_now (self->clock);
}

void
_pl_store_mark_changed (PlStore    *self,
                        const char *table)
{
  const char *interned = g_intern_string (table);

  g_hash_table_add (self->changed_tables, (gpointer) interned);
}

/* ---- meta ---------------------------------------------------------- */

char *
pl_store_get_meta (PlStore    *self,
                   const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = _pl_store_prepare (self, "SELECT value FROM meta WHERE key = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

gboolean
_pl_store_write_meta (PlStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _pl_store_prepare (self,
                            "INSERT INTO meta (key, value) VALUES (?1, ?2)"
                            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  return _pl_store_step_done (self, stmt, error);
}

gboolean
pl_store_set_meta (PlStore     *self,
                   const char  *key,
                   const char  *value,
                   GError     **error)
{
  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!pl_store_begin (self, error))
    return FALSE;
  if (!_pl_store_write_meta (self, key, value, error))
    {
      pl_store_rollback (self);
      return FALSE;
    }
  return pl_store_commit (self, error);
}

/* The stored clock only moves forward: of two connections, the one that
 * commits last must not put back a lower value. */
static gboolean
write_clock (PlStore  *self,
             guint64   hlc,
             GError  **error)
{
  sqlite3_stmt *stmt;

  stmt = _pl_store_prepare (self,
                            "INSERT INTO meta (key, value) VALUES ('hlc', ?1)"
                            " ON CONFLICT (key) DO UPDATE SET value ="
                            " CAST (max (CAST (value AS INTEGER), CAST (excluded.value AS INTEGER)) AS TEXT)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, (sqlite3_int64) hlc);
  return _pl_store_step_done (self, stmt, error);
}

/* ---- transactions -------------------------------------------------- */

gboolean
pl_store_begin (PlStore  *self,
                GError  **error)
{
  g_return_val_if_fail (PL_IS_STORE (self), FALSE);

  if (self->depth == 0)
    {
      g_autofree char *stored = NULL;

      if (!_pl_store_check_writes_allowed (self, error))
        return FALSE;
      if (!_pl_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      /* Another connection (an import in a worker thread, the command-line
       * tool) may have moved the stored clock past this one's: a write of
       * this connection must come after what it wrote. */
      stored = pl_store_get_meta (self, "hlc");
      if (stored != NULL)
        pl_hlc_observe (self->clock, g_ascii_strtoull (stored, NULL, 10));
      self->failed = FALSE;
      self->hlc_at_begin = pl_hlc_last (self->clock);
    }
  self->depth++;
  return TRUE;
}

static void
emit_changes (PlStore *self)
{
  g_autofree gpointer *tables = NULL;
  guint n = 0;

  if (g_hash_table_size (self->changed_tables) == 0)
    return;
  tables = g_hash_table_get_keys_as_array (self->changed_tables, &n);
  g_hash_table_remove_all (self->changed_tables);
  g_object_ref (self);
  for (guint i = 0; i < n; i++)
    g_signal_emit (self, signals[CHANGED], g_quark_from_string (tables[i]), tables[i]);
  g_object_unref (self);
}

gboolean
pl_store_commit (PlStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (--self->depth > 0)
    return TRUE;

  if (self->failed)
    {
      _pl_store_exec (self, "ROLLBACK", NULL);
      g_hash_table_remove_all (self->changed_tables);
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_FAILED,
                           _("A part of the change failed; nothing was saved"));
      return FALSE;
    }

  /* The clock's high-water mark is kept so that it never goes back, even
   * across restarts with a wall clock that was set back, nor when several
   * connections write. */
  if (pl_hlc_last (self->clock) != self->hlc_at_begin)
    {
      if (!write_clock (self, pl_hlc_last (self->clock), error))
        {
          _pl_store_exec (self, "ROLLBACK", NULL);
          g_hash_table_remove_all (self->changed_tables);
          return FALSE;
        }
    }

  if (!_pl_store_exec (self, "COMMIT", error))
    {
      _pl_store_exec (self, "ROLLBACK", NULL);
      g_hash_table_remove_all (self->changed_tables);
      return FALSE;
    }
  emit_changes (self);
  return TRUE;
}

void
pl_store_rollback (PlStore *self)
{
  g_return_if_fail (PL_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    {
      self->failed = TRUE;
      return;
    }
  _pl_store_exec (self, "ROLLBACK", NULL);
  g_hash_table_remove_all (self->changed_tables);
}

void
pl_store_reload (PlStore *self)
{
  const char * const *tables = pl_schema_synced_tables ();
  g_autofree char *hlc = NULL;

  g_return_if_fail (PL_IS_STORE (self));
  g_return_if_fail (self->depth == 0);

  hlc = pl_store_get_meta (self, "hlc");
  if (hlc != NULL)
    pl_hlc_observe (self->clock, g_ascii_strtoull (hlc, NULL, 10));
  for (guint i = 0; tables[i] != NULL; i++)
    _pl_store_mark_changed (self, tables[i]);
  emit_changes (self);
}
