/* pl-store-records.c — reading and writing the records of any table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pl-schema.h"
#include "pl-store-private.h"

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
  if (!_pl_store_query_int (self, sql, &n, NULL))
    return 0;
  return (guint) n;
}
