/* pl-store-open.c — opening a database file: what is refused, the backup
 * and the migrations, and what the store knows of the file afterwards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pl-schema.h"
#include "pl-store-private.h"

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

gboolean
_pl_store_query_int (PlStore     *self,
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
      if (!_pl_store_query_int (self, sql, &n, error))
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
          !_pl_store_write_meta (self, "device_id", device, error))
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
  if (!_pl_store_query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error) ||
      !_pl_store_query_int (self, "PRAGMA user_version", &version, error) ||
      !_pl_store_query_int (self, "PRAGMA application_id", &app_id, error))
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
