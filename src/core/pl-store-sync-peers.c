/* pl-store-sync-peers.c — what the sync remembers of the devices it
 * exchanged bundles with, and the conflicts a teacher should know about
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include <glib/gi18n.h>

#include "pl-profile-field.h"
#include "pl-store-private.h"
#include "pl-store-sync.h"

/* ---- peers and conflicts ------------------------------------------- */

void
pl_sync_peer_free (PlSyncPeer *peer)
{
  if (peer == NULL)
    return;
  g_free (peer->device);
  g_free (peer->role);
  g_free (peer->name);
  g_free (peer->imported_at);
  g_free (peer->bundle_created_at);
  g_free (peer->exported_at);
  g_free (peer);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

GPtrArray *
pl_store_sync_list_peers (PlStore  *self,
                          GError  **error)
{
  g_autoptr(GPtrArray) peers = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_sync_peer_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PL_IS_STORE (self), NULL);

  stmt = _pl_store_prepare (self,
                            "SELECT device, role, name, imported_at, bundle_created_at, imported_rows,"
                            " exported_at, exported_rows FROM sync_peer"
                            " ORDER BY coalesce (imported_at, '') DESC, device", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlSyncPeer *peer = g_new0 (PlSyncPeer, 1);

      peer->device = column_dup (stmt, 0);
      peer->role = column_dup (stmt, 1);
      peer->name = column_dup (stmt, 2);
      peer->imported_at = column_dup (stmt, 3);
      peer->bundle_created_at = column_dup (stmt, 4);
      peer->imported_rows = (guint64) sqlite3_column_int64 (stmt, 5);
      peer->exported_at = column_dup (stmt, 6);
      peer->exported_rows = (guint64) sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (peers, peer);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pl_store_set_error (self, error, _("cannot read the sync state"));
      return NULL;
    }
  return g_steal_pointer (&peers);
}

gboolean
pl_store_sync_forget_peers (PlStore  *self,
                            GError  **error)
{
  g_return_val_if_fail (PL_IS_STORE (self), FALSE);

  if (!pl_store_begin (self, error))
    return FALSE;
  if (!_pl_store_exec (self, "DELETE FROM sync_peer", error))
    {
      pl_store_rollback (self);
      return FALSE;
    }
  return pl_store_commit (self, error);
}

void
pl_sync_conflict_free (PlSyncConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->table);
  g_free (conflict->row_uuid);
  g_free (conflict->learner_uuid);
  g_free (conflict->field);
  g_free (conflict->local_value);
  g_free (conflict->local_origin);
  g_free (conflict->remote_value);
  g_free (conflict->remote_origin);
  g_free (conflict->detected_at);
  g_free (conflict);
}

static const char conflict_columns[] =
  "SELECT id, table_name, row_uuid, learner_uuid, field, local_value, local_hlc, local_origin,"
  " remote_value, remote_hlc, remote_origin, winner, detected_at, resolved FROM sync_conflict";

static PlSyncConflict *
read_conflict (sqlite3_stmt *stmt)
{
  PlSyncConflict *c = g_new0 (PlSyncConflict, 1);

  c->id = sqlite3_column_int64 (stmt, 0);
  c->table = column_dup (stmt, 1);
  c->row_uuid = column_dup (stmt, 2);
  c->learner_uuid = column_dup (stmt, 3);
  c->field = column_dup (stmt, 4);
  c->local_value = column_dup (stmt, 5);
  c->local_hlc = (guint64) sqlite3_column_int64 (stmt, 6);
  c->local_origin = column_dup (stmt, 7);
  c->remote_value = column_dup (stmt, 8);
  c->remote_hlc = (guint64) sqlite3_column_int64 (stmt, 9);
  c->remote_origin = column_dup (stmt, 10);
  c->remote_won = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 11), "remote") == 0;
  c->detected_at = column_dup (stmt, 12);
  c->resolved = sqlite3_column_int (stmt, 13) != 0;
  return c;
}

GPtrArray *
pl_store_sync_list_conflicts (PlStore   *self,
                              gboolean   include_resolved,
                              GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_sync_conflict_free);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PL_IS_STORE (self), NULL);

  sql = g_strconcat (conflict_columns, include_resolved ? "" : " WHERE resolved = 0",
                     " ORDER BY id DESC", NULL);
  stmt = _pl_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_conflict (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pl_store_set_error (self, error, _("cannot read the sync state"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

static PlSyncConflict *
get_conflict (PlStore  *self,
              gint64    id,
              GError  **error)
{
  g_autofree char *sql = g_strconcat (conflict_columns, " WHERE id = ?1", NULL);
  sqlite3_stmt *stmt = _pl_store_prepare (self, sql, error);
  PlSyncConflict *c = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    c = read_conflict (stmt);
  sqlite3_reset (stmt);
  if (c == NULL)
    g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND,
                 _("No sync conflict with id %" PRId64), id);
  return c;
}

static gboolean
mark_resolved (PlStore  *self,
               gint64    id,
               GError  **error)
{
  sqlite3_stmt *stmt = _pl_store_prepare (self, "UPDATE sync_conflict SET resolved = 1 WHERE id = ?1",
                                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _pl_store_step_done (self, stmt, error);
}

gboolean
pl_store_sync_keep_other (PlStore  *self,
                          gint64    conflict_id,
                          GError  **error)
{
  g_autoptr(PlSyncConflict) c = NULL;
  g_autoptr(PlProfileField) current = NULL;
  g_autoptr(PlProfileField) edit = NULL;
  const char *other;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);

  if (!pl_store_begin (self, error))
    return FALSE;
  c = get_conflict (self, conflict_id, error);
  if (c == NULL)
    goto fail;
  other = c->remote_won ? c->local_value : c->remote_value;
  current = pl_store_get (self, PL_TYPE_PROFILE_FIELD, c->row_uuid, error);
  if (current == NULL)
    goto fail;

  if (other == NULL)
    {
      /* The other side had removed the field: remove it again. */
      if (!pl_store_delete (self, PL_RECORD (current), error) || !mark_resolved (self, conflict_id, error))
        goto fail;
      return pl_store_commit (self, error);
    }
  /* A fresh object with the same id also brings a deleted field back. */
  edit = g_object_new (PL_TYPE_PROFILE_FIELD, "uuid", c->row_uuid, NULL);
  pl_record_set_string (PL_RECORD (edit), "learner-uuid",
                        pl_record_get_string (PL_RECORD (current), "learner-uuid"));
  pl_record_set_string (PL_RECORD (edit), "field",
                        pl_record_get_string (PL_RECORD (current), "field"));
  pl_record_set_string (PL_RECORD (edit), "value", other);
  if (!pl_store_save (self, PL_RECORD (edit), error) || !mark_resolved (self, conflict_id, error))
    goto fail;
  return pl_store_commit (self, error);

fail:
  pl_store_rollback (self);
  return FALSE;
}

gboolean
pl_store_sync_dismiss_conflict (PlStore  *self,
                                gint64    conflict_id,
                                GError  **error)
{
  g_autoptr(PlSyncConflict) c = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);

  if (!pl_store_begin (self, error))
    return FALSE;
  c = get_conflict (self, conflict_id, error);
  if (c == NULL || !mark_resolved (self, conflict_id, error))
    {
      pl_store_rollback (self);
      return FALSE;
    }
  return pl_store_commit (self, error);
}
