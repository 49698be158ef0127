/* pl-store.c — the local SQLite store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "pl-schema.h"
#include "pl-store-private.h"

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

static gboolean
write_meta (PlStore     *self,
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
  if (!write_meta (self, key, value, error))
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

/* ---- opening ------------------------------------------------------- */

static const char sqlite_magic[16] = "SQLite format 3";

static guint32
read_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Looks at the file header before SQLite opens the file, so that a file of
 * another kind is refused without being touched. */
static gboolean
check_header (const char  *path,
              gboolean    *out_empty,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  guchar header[100];
  gsize got = 0;

  *out_empty = FALSE;
  in = g_file_read (file, NULL, &local_error);
  if (in == NULL)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_FAILED,
                   _("%s: cannot read the database: %s"), path, local_error->message);
      return FALSE;
    }
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), header, sizeof header, &got, NULL, &local_error))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_FAILED,
                   _("%s: cannot read the database: %s"), path, local_error->message);
      return FALSE;
    }
  if (got == 0)
    {
      *out_empty = TRUE;
      return TRUE;
    }
  if (got < sizeof header || memcmp (header, sqlite_magic, sizeof sqlite_magic) != 0)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_A_DATABASE,
                   _("%s: not a PersonalLearn database (the file is not an SQLite database)"),
                   path);
      return FALSE;
    }
  /* application_id at offset 68; 0 with no schema is a new empty database,
   * checked once SQLite has opened it. */
  if (read_be32 (header + 68) != 0 && read_be32 (header + 68) != PL_SCHEMA_APPLICATION_ID)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_A_DATABASE,
                   _("%s: not a PersonalLearn database (it belongs to another program)"),
                   path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_int (PlStore     *self,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _pl_store_set_error (self, error, _("cannot read the database"));
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    *out = 0;
  else
    _pl_store_set_error (self, error, _("cannot read the database"));
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* The tables migrations 1 … VERSION create: a database opened before it is
 * migrated has only the tables of its own version. */
static GHashTable *
tables_of_version (guint version)
{
  GHashTable *tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open (":memory:", &db) == SQLITE_OK)
    {
      for (guint v = 1; v <= version; v++)
        sqlite3_exec (db, pl_schema_migration (v), NULL, NULL, NULL);
      if (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table'", -1, &stmt, NULL) == SQLITE_OK)
        while (sqlite3_step (stmt) == SQLITE_ROW)
          g_hash_table_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return tables;
}

/* Every synced table of the database's schema version must be there. */
gboolean
_pl_store_check_tables (PlStore  *self,
                        guint     version,
                        GError  **error)
{
  const char * const *tables = pl_schema_synced_tables ();
  g_autoptr(GHashTable) expected = version < pl_schema_current_version () ? tables_of_version (version) : NULL;

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *sql = NULL;
      gint64 n = 0;

      if (expected != NULL && !g_hash_table_contains (expected, tables[i]))
        continue;
      sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '%s'", tables[i]);
      if (!query_int (self, sql, &n, error))
        return FALSE;
      if (n != 1)
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_CORRUPT,
                       _("%s: the database lacks the table “%s”"), self->path, tables[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
backup_before_migration (PlStore  *self,
                         guint     from_version,
                         GError  **error)
{
  g_autofree char *dest_path = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  dest_path = g_strdup_printf ("%s.v%u.bak", self->path, from_version);
  g_unlink (dest_path);
  if (sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_FAILED,
                   _("%s: cannot write a backup before upgrading: %s"), dest_path,
                   dest != NULL ? sqlite3_errmsg (dest) : "");
      sqlite3_close (dest);
      return FALSE;
    }
  backup = sqlite3_backup_init (dest, "main", self->db, "main");
  rc = backup != NULL ? sqlite3_backup_step (backup, -1) : SQLITE_ERROR;
  if (backup != NULL)
    sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_FAILED,
                   _("%s: cannot write a backup before upgrading: %s"), dest_path,
                   sqlite3_errmsg (dest));
      sqlite3_close (dest);
      g_unlink (dest_path);
      return FALSE;
    }
  sqlite3_close (dest);
  g_free (self->backup_path);
  self->backup_path = g_steal_pointer (&dest_path);
  return TRUE;
}

static gboolean
migrate (PlStore  *self,
         guint     from_version,
         GError  **error)
{
  guint target = pl_schema_current_version ();

  if (!_pl_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (guint v = from_version + 1; v <= target; v++)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %u", v);

      if (!_pl_store_exec (self, pl_schema_migration (v), error) ||
          !_pl_store_exec (self, pragma, error))
        {
          _pl_store_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
    }
  if (from_version == 0)
    {
      g_autofree char *device = g_uuid_string_random ();
      g_autofree char *app_id = g_strdup_printf ("PRAGMA application_id = %d", PL_SCHEMA_APPLICATION_ID);

      if (!_pl_store_exec (self, app_id, error) ||
          !write_meta (self, "device_id", device, error))
        {
          _pl_store_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
    }
  if (!_pl_store_exec (self, "COMMIT", error))
    {
      _pl_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

static gboolean
open_database (PlStore     *self,
               const char  *path,
               guint64      check_limit,
               GError     **error)
{
  gboolean exists = FALSE;
  gboolean empty = TRUE;
  gint64 version = 0, app_id = 0, n_objects = 0;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;

  if (path != NULL)
    {
      exists = g_file_test (path, G_FILE_TEST_EXISTS);
      if (exists && g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_A_DATABASE,
                       _("%s: not a PersonalLearn database (it is a folder)"), path);
          return FALSE;
        }
      if (exists && !check_header (path, &empty, error))
        return FALSE;
      if (!exists)
        {
          g_autofree char *dir = g_path_get_dirname (path);

          if (g_mkdir_with_parents (dir, 0700) != 0)
            {
              g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_FAILED,
                           _("%s: cannot create the folder: %s"), dir, g_strerror (errno));
              return FALSE;
            }
          flags |= SQLITE_OPEN_CREATE;
        }
    }
  else
    flags |= SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY;

  self->path = g_strdup (path != NULL ? path : ":memory:");
  if (sqlite3_open_v2 (path != NULL ? path : ":memory:", &self->db, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_FAILED,
                   _("%s: cannot open the database: %s"), self->path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : "");
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 5000);

  /* Reading only, until the file is known to be ours and not newer. */
  if (!query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error) ||
      !query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "PRAGMA application_id", &app_id, error))
    return FALSE;

  if (n_objects > 0 && app_id != PL_SCHEMA_APPLICATION_ID)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_A_DATABASE,
                   _("%s: not a PersonalLearn database (it holds another program’s tables)"),
                   self->path);
      return FALSE;
    }
  if (version > (gint64) pl_schema_current_version ())
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NEWER_SCHEMA,
                   _("%s: the database was written by a newer PersonalLearn (schema version %"
                     PRId64 ", this version reads up to %u); update PersonalLearn to open it"),
                   self->path, version, pl_schema_current_version ());
      return FALSE;
    }
  if (n_objects > 0 && version == 0)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_CORRUPT,
                   _("%s: the database has no schema version; it is damaged"), self->path);
      return FALSE;
    }
  if (version > 0 && !_pl_store_check_tables (self, (guint) version, error))
    return FALSE;

  /* Damaged pages are found now, before anything is written, rather than
   * when a view or an export happens to read them. */
  if (version > 0 && path != NULL && check_limit > 0)
    {
      GStatBuf st;

      if (g_stat (path, &st) == 0 && (guint64) st.st_size <= check_limit)
        {
          if (!_pl_store_run_quick_check (self, NULL, error))
            return FALSE;
          self->checked = TRUE;
        }
    }

  /* The backup comes first, before this connection changes anything. */
  if (version > 0 && version < (gint64) pl_schema_current_version () && path != NULL &&
      !backup_before_migration (self, version, error))
    return FALSE;

  if (!_pl_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;
  /* A new file gets 8 KiB pages: rows of uuids are long, so bigger pages
   * hold more of them and a large batch writes fewer pages (about a tenth
   * less time for a million evidence rows). The size can only be chosen
   * before the first table, and before the file is put in WAL mode. */
  if (n_objects == 0 && !_pl_store_exec (self, "PRAGMA page_size = 8192", error))
    return FALSE;
  if (path != NULL && !_pl_store_exec (self, "PRAGMA journal_mode = WAL", error))
    return FALSE;
  if (!_pl_store_exec (self, "PRAGMA synchronous = NORMAL", error))
    return FALSE;

  if (version < (gint64) pl_schema_current_version () && !migrate (self, version, error))
    return FALSE;
  self->schema_version = pl_schema_current_version ();
  return TRUE;
}

PlStore *
pl_store_open (const char  *path,
               GError     **error)
{
  return pl_store_open_full (path, 0, error);
}

PlStore *
pl_store_open_full (const char  *path,
                    guint64      check_limit,
                    GError     **error)
{
  g_autoptr(PlStore) self = g_object_new (PL_TYPE_STORE, NULL);
  g_autofree char *hlc = NULL;

  if (!open_database (self, path, check_limit, error))
    return NULL;
  if (path != NULL)
    self->writes.claim_key = g_canonicalize_filename (path, NULL);

  self->device_id = pl_store_get_meta (self, "device_id");
  if (self->device_id == NULL)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_CORRUPT,
                   _("%s: the database has no device id; it is damaged"), self->path);
      return NULL;
    }
  hlc = pl_store_get_meta (self, "hlc");
  if (hlc != NULL)
    pl_hlc_observe (self->clock, g_ascii_strtoull (hlc, NULL, 10));

  return g_steal_pointer (&self);
}

gboolean
pl_store_was_checked (PlStore *self)
{
  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  return self->checked;
}

const char *
pl_store_get_path (PlStore *self)
{
  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  return self->path;
}

const char *
pl_store_get_device_id (PlStore *self)
{
  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  return self->device_id;
}

PlHlc *
pl_store_get_clock (PlStore *self)
{
  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  return self->clock;
}

guint
pl_store_get_schema_version (PlStore *self)
{
  g_return_val_if_fail (PL_IS_STORE (self), 0);
  return self->schema_version;
}

const char *
pl_store_get_backup_path (PlStore *self)
{
  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  return self->backup_path;
}

/* ---- records ------------------------------------------------------- */

static char *
column_name (GParamSpec *pspec)
{
  char *name = g_strdup (pspec->name);

  g_strdelimit (name, "-", '_');
  return name;
}

static char *
select_sql (PlRecordClass *klass)
{
  GString *sql = g_string_new ("SELECT t.uuid, t.updated_hlc, t.origin, t.deleted");

  for (guint i = 0; i < klass->n_columns; i++)
    {
      g_autofree char *col = column_name (klass->columns[i]);
      g_string_append_printf (sql, ", t.%s", col);
    }
  g_string_append_printf (sql, " FROM %s t ", klass->table);
  return g_string_free (sql, FALSE);
}

static void
read_row (sqlite3_stmt *stmt,
          PlRecord     *record)
{
  PlRecordClass *klass = PL_RECORD_GET_CLASS (record);
  GValue *values = _pl_record_get_values (record);

  _pl_record_set_sync_columns (record,
                               (const char *) sqlite3_column_text (stmt, 0),
                               (guint64) sqlite3_column_int64 (stmt, 1),
                               (const char *) sqlite3_column_text (stmt, 2),
                               sqlite3_column_int (stmt, 3) != 0);
  for (guint i = 0; i < klass->n_columns; i++)
    {
      int col = (int) i + 4;
      gboolean is_null = sqlite3_column_type (stmt, col) == SQLITE_NULL;
      GValue *v = &values[i];

      switch (G_VALUE_TYPE (v))
        {
        case G_TYPE_STRING:
          g_value_set_string (v, is_null ? NULL : (const char *) sqlite3_column_text (stmt, col));
          break;
        case G_TYPE_BOOLEAN:
          g_value_set_boolean (v, sqlite3_column_int (stmt, col) != 0);
          break;
        case G_TYPE_INT:
          g_value_set_int (v, sqlite3_column_int (stmt, col));
          break;
        case G_TYPE_INT64:
          g_value_set_int64 (v, sqlite3_column_int64 (stmt, col));
          break;
        case G_TYPE_DOUBLE:
          g_value_set_double (v, is_null ? NAN : sqlite3_column_double (stmt, col));
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

GListModel *
_pl_store_query (PlStore             *self,
                 GType                type,
                 const char          *tail,
                 const char * const  *params,
                 GError             **error)
{
  g_autoptr(GTypeClass) klass_ref = g_type_class_ref (type);
  PlRecordClass *klass = (PlRecordClass *) klass_ref;
  g_autofree char *head = select_sql (klass);
  g_autofree char *sql = g_strconcat (head, tail != NULL ? tail : "", NULL);
  g_autoptr(GListStore) store = g_list_store_new (type);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _pl_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; params != NULL && params[i] != NULL; i++)
    sqlite3_bind_text (stmt, (int) i + 1, params[i], -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlRecord *record = g_object_new (type, NULL);

      read_row (stmt, record);
      g_ptr_array_add (items, record);
    }
  if (rc != SQLITE_DONE)
    {
      _pl_store_set_error (self, error, _("cannot read records"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

static char *
upsert_sql (PlRecordClass *klass)
{
  GString *sql = g_string_new (NULL);
  GString *values = g_string_new ("?1, ?2, ?3, ?4");
  GString *set = g_string_new ("updated_hlc = excluded.updated_hlc, origin = excluded.origin,"
                               " deleted = excluded.deleted");

  g_string_append_printf (sql, "INSERT INTO %s (uuid, updated_hlc, origin, deleted", klass->table);
  for (guint i = 0; i < klass->n_columns; i++)
    {
      g_autofree char *col = column_name (klass->columns[i]);

      g_string_append_printf (sql, ", %s", col);
      g_string_append_printf (values, ", ?%u", i + 5);
      g_string_append_printf (set, ", %s = excluded.%s", col, col);
    }
  g_string_append_printf (sql, ") VALUES (%s) ON CONFLICT (uuid) DO UPDATE SET %s",
                          values->str, set->str);
  g_string_free (values, TRUE);
  g_string_free (set, TRUE);
  return g_string_free (sql, FALSE);
}

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            const GValue *v)
{
  switch (G_VALUE_TYPE (v))
    {
    case G_TYPE_STRING:
      if (g_value_get_string (v) == NULL)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_text (stmt, index, g_value_get_string (v), -1, SQLITE_TRANSIENT);
      break;
    case G_TYPE_BOOLEAN:
      sqlite3_bind_int (stmt, index, g_value_get_boolean (v) ? 1 : 0);
      break;
    case G_TYPE_INT:
      sqlite3_bind_int (stmt, index, g_value_get_int (v));
      break;
    case G_TYPE_INT64:
      sqlite3_bind_int64 (stmt, index, g_value_get_int64 (v));
      break;
    case G_TYPE_DOUBLE:
      if (isnan (g_value_get_double (v)))
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_double (stmt, index, g_value_get_double (v));
      break;
    default:
      g_assert_not_reached ();
    }
}

char *
_pl_store_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Records with an "edited-at" column (learners and their profile fields)
 * get the date of the edit with every save: how long ago a profile was
 * last updated is read from it, not from the clock, which may run ahead of
 * the calendar (it moves past every clock value a bundle brings). */
static GParamSpec *
stamp_edit (PlRecord *record)
{
  PlRecordClass *klass = PL_RECORD_GET_CLASS (record);
  GValue *values = _pl_record_get_values (record);

  for (guint i = 0; i < klass->n_columns; i++)
    if (strcmp (klass->columns[i]->name, "edited-at") == 0)
      {
        g_value_take_string (&values[i], _pl_store_now_iso8601 ());
        return klass->columns[i];
      }
  return NULL;
}

gboolean
_pl_store_write_record (PlStore   *self,
                        PlRecord  *record,
                        gboolean   keep_sync_columns,
                        GError   **error)
{
  PlRecordClass *klass = PL_RECORD_GET_CLASS (record);
  g_autofree char *key = g_strconcat ("upsert:", klass->table, NULL);
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, key);
  GValue *values = _pl_record_get_values (record);
  GParamSpec *edited = NULL;
  guint64 hlc;
  const char *origin;

  g_return_val_if_fail (klass->table != NULL, FALSE);

  if (stmt == NULL)
    {
      g_autofree char *sql = upsert_sql (klass);

      if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
        {
          _pl_store_set_error (self, error, _("cannot prepare a query"));
          sqlite3_finalize (stmt);
          return FALSE;
        }
      g_hash_table_insert (self->statements, g_steal_pointer (&key), stmt);
    }
  else
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }

  if (!pl_store_begin (self, error))
    return FALSE;

  if (keep_sync_columns)
    {
      hlc = pl_record_get_updated_hlc (record);
      origin = pl_record_get_origin (record);
      pl_hlc_observe (self->clock, hlc);
    }
  else
    {
      hlc = _pl_store_tick (self);
      origin = self->device_id;
      edited = stamp_edit (record);
    }

  sqlite3_bind_text (stmt, 1, pl_record_get_uuid (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, (sqlite3_int64) hlc);
  sqlite3_bind_text (stmt, 3, origin != NULL ? origin : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, pl_record_get_deleted (record) ? 1 : 0);
  for (guint i = 0; i < klass->n_columns; i++)
    bind_value (stmt, (int) i + 5, &values[i]);

  if (!_pl_store_step_done (self, stmt, error))
    {
      pl_store_rollback (self);
      return FALSE;
    }
  _pl_record_set_sync_columns (record, NULL, hlc, origin, pl_record_get_deleted (record));
  if (edited != NULL)
    g_object_notify_by_pspec (G_OBJECT (record), edited);
  _pl_store_mark_changed (self, klass->table);
  return pl_store_commit (self, error);
}

gboolean
pl_store_save (PlStore   *self,
               PlRecord  *record,
               GError   **error)
{
  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  g_return_val_if_fail (PL_IS_RECORD (record), FALSE);

  if (!_pl_store_write_record (self, record, FALSE, error))
    return FALSE;
  g_object_notify (G_OBJECT (record), "updated-hlc");
  return TRUE;
}

gboolean
pl_store_delete (PlStore   *self,
                 PlRecord  *record,
                 GError   **error)
{
  gboolean was_deleted;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  g_return_val_if_fail (PL_IS_RECORD (record), FALSE);

  was_deleted = pl_record_get_deleted (record);
  _pl_record_set_deleted (record, TRUE);
  if (!pl_store_save (self, record, error))
    {
      _pl_record_set_deleted (record, was_deleted);
      return FALSE;
    }
  return TRUE;
}

gboolean
pl_store_undelete (PlStore   *self,
                   PlRecord  *record,
                   GError   **error)
{
  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  g_return_val_if_fail (PL_IS_RECORD (record), FALSE);

  _pl_record_set_deleted (record, FALSE);
  if (!pl_store_save (self, record, error))
    {
      _pl_record_set_deleted (record, TRUE);
      return FALSE;
    }
  return TRUE;
}

gpointer
pl_store_get (PlStore     *self,
              GType        type,
              const char  *uuid,
              GError     **error)
{
  const char *params[] = { uuid, NULL };
  g_autoptr(GListModel) list = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, PL_TYPE_RECORD), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  list = _pl_store_query (self, type, "WHERE t.uuid = ?1", params, error);
  if (list == NULL)
    return NULL;
  if (g_list_model_get_n_items (list) == 0)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND,
                   _("No %s with id %s"), g_type_name (type), uuid);
      return NULL;
    }
  return g_list_model_get_item (list, 0);
}

GListModel *
pl_store_list (PlStore  *self,
               GType     type,
               GError  **error)
{
  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, PL_TYPE_RECORD), NULL);

  return _pl_store_query (self, type, "WHERE t.deleted = 0", NULL, error);
}

GListModel *
pl_store_list_where (PlStore     *self,
                     GType        type,
                     const char  *column,
                     const char  *value,
                     GError     **error)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree char *col = NULL;
  g_autofree char *tail = NULL;
  const char *params[] = { value, NULL };
  gboolean known = FALSE;

  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, PL_TYPE_RECORD), NULL);
  g_return_val_if_fail (column != NULL, NULL);

  /* Only a declared column name ever reaches the SQL text. */
  klass = g_type_class_ref (type);
  col = g_strdup (column);
  g_strdelimit (col, "-", '_');
  for (guint i = 0; i < ((PlRecordClass *) klass)->n_columns; i++)
    {
      g_autofree char *name = column_name (((PlRecordClass *) klass)->columns[i]);
      known = known || strcmp (name, col) == 0;
    }
  known = known || strcmp (col, "uuid") == 0 || strcmp (col, "origin") == 0;
  g_return_val_if_fail (known, NULL);

  tail = g_strdup_printf ("WHERE t.deleted = 0 AND t.%s = ?1", col);
  return _pl_store_query (self, type, tail, params, error);
}

guint
pl_store_count (PlStore    *self,
                const char *table,
                gboolean    include_deleted)
{
  g_autofree char *sql = NULL;
  gint64 n = 0;

  g_return_val_if_fail (PL_IS_STORE (self), 0);
  g_return_val_if_fail (pl_schema_table_is_synced (table), 0);

  sql = g_strdup_printf ("SELECT count(*) FROM %s%s", table,
                         include_deleted ? "" : " WHERE deleted = 0");
  if (!query_int (self, sql, &n, NULL))
    return 0;
  return (guint) n;
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
