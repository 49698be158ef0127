/* pl-store-files.c — checking, dumping and copying a database file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "pl-schema.h"
#include "pl-store-files.h"
#include "pl-store-private.h"

/* Pages copied per step of a backup: small enough for progress and for
 * cancelling within a moment. */
#define COPY_PAGES_PER_STEP 1024

static int
on_progress_cb (void *data)
{
  GCancellable *cancellable = data;

  /* Non-zero interrupts the statement. */
  return g_cancellable_is_cancelled (cancellable) ? 1 : 0;
}

/* SQLite lists its findings on lines under a "*** in database main ***"
 * banner; a message is one line, so the first finding says it. */
static char *
first_finding (const char *report)
{
  g_auto(GStrv) lines = g_strsplit (report != NULL ? report : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0' && !g_str_has_prefix (lines[i], "***"))
        return g_strdup (lines[i]);
    }
  return g_strdup (report);
}

gboolean
_pl_store_run_quick_check (PlStore       *self,
                           GCancellable  *cancellable,
                           GError       **error)
{
  sqlite3 *db = _pl_store_get_db (self);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *finding = NULL;
  int rc;

  if (cancellable != NULL)
    sqlite3_progress_handler (db, 10000, on_progress_cb, cancellable);
  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(5)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *line = (const char *) sqlite3_column_text (stmt, 0);

          if (finding == NULL && g_strcmp0 (line, "ok") != 0)
            finding = first_finding (line);
        }
    }
  if (rc != SQLITE_DONE && finding == NULL)
    finding = g_strdup (sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 0, NULL, NULL);

  if ((rc & 0xff) == SQLITE_INTERRUPT && g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (finding != NULL)
    {
      int primary = rc & 0xff;

      if (rc == SQLITE_DONE || primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
        g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_CORRUPT,
                     _("%s: the database is damaged (%s)"), pl_store_get_path (self), finding);
      else
        g_set_error (error, PL_STORE_ERROR, primary == SQLITE_BUSY ? PL_STORE_ERROR_BUSY : PL_STORE_ERROR_FAILED,
                     _("%s: cannot check the database: %s"), pl_store_get_path (self), finding);
      return FALSE;
    }
  return TRUE;
}

gboolean
pl_store_quick_check (PlStore       *self,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _pl_store_run_quick_check (self, cancellable, error);
}

static void
remove_with_journal (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_unlink (journal);
  g_unlink (path);
}

static gboolean
copy_pages (PlStore              *self,
            sqlite3              *dest,
            PlStoreProgressFunc   progress,
            gpointer              progress_data,
            GCancellable         *cancellable,
            GError              **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", _pl_store_get_db (self), "main");
  int rc;

  if (backup == NULL)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_FAILED,
                   _("%s: cannot copy the database: %s"), pl_store_get_path (self), sqlite3_errmsg (dest));
      return FALSE;
    }
  /* A write through another connection meanwhile makes SQLite start the
   * copy over, so the copy is the database as it is at the end. */
  do
    {
      rc = sqlite3_backup_step (backup, COPY_PAGES_PER_STEP);
      if (progress != NULL && sqlite3_backup_pagecount (backup) > 0)
        progress (1.0 - (double) sqlite3_backup_remaining (backup) / sqlite3_backup_pagecount (backup),
                  progress_data);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        g_usleep (50 * 1000);
      if (g_cancellable_is_cancelled (cancellable))
        {
          sqlite3_backup_finish (backup);
          g_cancellable_set_error_if_cancelled (cancellable, error);
          return FALSE;
        }
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, PL_STORE_ERROR, (rc & 0xff) == SQLITE_CORRUPT ? PL_STORE_ERROR_CORRUPT : PL_STORE_ERROR_FAILED,
                   _("%s: cannot copy the database: %s"), pl_store_get_path (self), sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

static int
on_check_row_cb (void  *data,
                 int    n_columns,
                 char **values,
                 char **names)
{
  gboolean *sound = data;

  if (n_columns < 1 || g_strcmp0 (values[0], "ok") != 0)
    *sound = FALSE;
  return 0;
}

/* The copy must be whole on disk before it gets its name. */
static gboolean
sync_file (const char  *path,
           GError     **error)
{
  int fd = g_open (path, O_RDONLY, 0);
  int saved;

  if (fd >= 0 && fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }
  saved = errno;
  if (fd >= 0)
    close (fd);
  g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_FAILED,
               _("%s: cannot write the copy: %s"), path, g_strerror (saved));
  return FALSE;
}

/* Gives TEMP the name DEST unless a file has taken that name meanwhile. */
static gboolean
name_copy (const char  *temp,
           const char  *dest,
           GError     **error)
{
  if (link (temp, dest) == 0)
    {
      g_unlink (temp);
      return TRUE;
    }
  if (errno == EEXIST || g_file_test (dest, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("%s: a file of that name is already there; PersonalLearn does not replace it"), dest);
      return FALSE;
    }
  /* Some file systems (a USB drive's FAT) have no hard links. */
  if (g_rename (temp, dest) != 0)
    {
      int saved = errno;

      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_FAILED,
                   _("%s: cannot write the copy: %s"), dest, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
pl_store_copy_to (PlStore              *self,
                  const char           *dest,
                  PlStoreProgressFunc   progress,
                  gpointer              progress_data,
                  GCancellable         *cancellable,
                  GError              **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *temp = NULL;
  sqlite3 *copy = NULL;
  gboolean sound = TRUE;
  gboolean ok;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_file_test (dest, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("%s: a file of that name is already there; PersonalLearn does not replace it"), dest);
      return FALSE;
    }
  dir = g_path_get_dirname (dest);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_FAILED,
                   _("%s: cannot create the folder: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  suffix = g_uuid_string_random ();
  temp = g_strdup_printf ("%s.%.8s.part", dest, suffix);

  if (sqlite3_open_v2 (temp, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_FAILED,
                   _("%s: cannot write the copy: %s"), dest, copy != NULL ? sqlite3_errmsg (copy) : "");
      sqlite3_close (copy);
      remove_with_journal (temp);
      return FALSE;
    }
  ok = copy_pages (self, copy, progress, progress_data, cancellable, error);
  if (ok && (sqlite3_exec (copy, "PRAGMA quick_check", on_check_row_cb, &sound, NULL) != SQLITE_OK || !sound))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_FAILED,
                   _("%s: the copy does not read back as it should"), dest);
      ok = FALSE;
    }
  /* Closing the last connection folds the copy's log into the file. */
  if (sqlite3_close (copy) != SQLITE_OK && ok)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_FAILED,
                   _("%s: cannot write the copy"), dest);
      ok = FALSE;
    }
  ok = ok && sync_file (temp, error) && name_copy (temp, dest, error);
  remove_with_journal (temp);
  return ok;
}

/* ---- dump and check ------------------------------------------------ */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Keys in name order make each line canonical. */
static char *
dump_select_for (PlStore     *self,
                 const char  *table,
                 GError     **error)
{
  g_autofree char *info_sql = g_strdup_printf ("PRAGMA table_info(%s)", table);
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  GString *sql;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (_pl_store_get_db (self), info_sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _pl_store_set_error (self, error, _("cannot read the schema"));
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  g_ptr_array_sort (columns, compare_names);

  sql = g_string_new ("SELECT uuid, json_object('table', '");
  g_string_append_printf (sql, "%s'", table);
  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (sql, ", '%s', %s", (char *) columns->pdata[i], (char *) columns->pdata[i]);
  g_string_append_printf (sql, ") FROM %s", table);
  return g_string_free (sql, FALSE);
}

gboolean
pl_store_dump (PlStore        *self,
               GOutputStream  *out,
               GError        **error)
{
  const char * const *tables = pl_schema_synced_tables ();
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *part = dump_select_for (self, tables[i], error);

      if (part == NULL)
        return FALSE;
      if (i > 0)
        g_string_append (sql, " UNION ALL ");
      g_string_append (sql, part);
    }
  g_string_append (sql, " ORDER BY 1, 2");

  if (sqlite3_prepare_v2 (_pl_store_get_db (self), sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      _pl_store_set_error (self, error, _("cannot read records"));
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 1);

      if (!g_output_stream_write_all (out, line, strlen (line), NULL, NULL, error) ||
          !g_output_stream_write_all (out, "\n", 1, NULL, NULL, error))
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
  return g_output_stream_flush (out, NULL, error);
}

gboolean
pl_store_check (PlStore  *self,
                GString  *report,
                GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean sound = TRUE;
  int rc;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  if (sqlite3_prepare_v2 (_pl_store_get_db (self), "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK)
    {
      _pl_store_set_error (self, error, _("cannot check the database"));
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        {
          sound = FALSE;
          g_string_append_printf (report, "integrity: %s\n", line);
        }
    }
  /* Pages too damaged to walk are a finding too, not a failure to check. */
  if (rc != SQLITE_DONE && ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB))
    {
      sound = FALSE;
      g_string_append_printf (report, "integrity: %s\n", sqlite3_errmsg (_pl_store_get_db (self)));
      rc = SQLITE_DONE;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _pl_store_set_error (self, error, _("cannot check the database"));
      return FALSE;
    }
  if (!_pl_store_check_tables (self, pl_store_get_schema_version (self), error))
    return FALSE;

  g_string_append_printf (report, "schema: %u\n", pl_store_get_schema_version (self));
  g_string_append_printf (report, "device: %s\n", pl_store_get_device_id (self));
  g_string_append_printf (report, "integrity: %s\n", sound ? "ok" : "FAILED");
  return sound;
}
