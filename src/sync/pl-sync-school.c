/* pl-sync-school.c — school membership: the school id and its sync key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "core/pl-school.h"
#include "core/pl-store-sync.h"
#include "pl-bundle.h"
#include "pl-sync-school.h"

static gboolean
decode_key (const char *hex,
            guint8      key[PL_SYNC_KEY_LENGTH])
{
  if (hex == NULL || strlen (hex) != PL_SYNC_KEY_LENGTH * 2)
    return FALSE;
  for (guint i = 0; i < PL_SYNC_KEY_LENGTH; i++)
    {
      int hi = g_ascii_xdigit_value (hex[2 * i]);
      int lo = g_ascii_xdigit_value (hex[2 * i + 1]);

      if (hi < 0 || lo < 0)
        return FALSE;
      key[i] = (guint8) (hi << 4 | lo);
    }
  return TRUE;
}

gboolean
pl_sync_check_school_id (const char  *school_id,
                         GError     **error)
{
  if (school_id == NULL || !g_uuid_string_is_valid (school_id))
    {
      g_set_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_INVALID,
                   _("“%s” is not a school id: a school id is 32 hexadecimal digits in groups of 8-4-4-4-12, "
                     "as the school hub prints it"),
                   school_id != NULL ? school_id : "");
      return FALSE;
    }
  return TRUE;
}

gboolean
pl_sync_check_key (const char  *sync_key,
                   GError     **error)
{
  guint8 raw[PL_SYNC_KEY_LENGTH];

  if (!decode_key (sync_key, raw))
    {
      g_set_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_INVALID,
                   _("a sync key is 64 hexadecimal digits (0–9, a–f), as the school hub prints it; "
                     "this one has %u characters"),
                   sync_key != NULL ? (guint) g_utf8_strlen (sync_key, -1) : 0);
      explicit_bzero (raw, sizeof raw);
      return FALSE;
    }
  explicit_bzero (raw, sizeof raw);
  return TRUE;
}

gboolean
pl_sync_join_school (PlStore     *store,
                     const char  *school_id,
                     const char  *sync_key,
                     GError     **error)
{
  return pl_sync_join_school_full (store, school_id, sync_key, PL_SYNC_JOIN_DEFAULT, error);
}

/* What was exchanged with the old school's hub and devices means nothing
 * to the new one's. What this database holds (sync_seen) stays true. */
static gboolean
forget_peers (PlStore  *store,
              GError  **error)
{
  return pl_store_sync_forget_peers (store, error) &&
         pl_store_set_meta (store, "sync_hub", NULL, error) &&
         pl_store_set_meta (store, "sync_last_export", NULL, error) &&
         pl_store_set_meta (store, "sync_last_import", NULL, error);
}

gboolean
pl_sync_join_school_full (PlStore          *store,
                          const char       *school_id,
                          const char       *sync_key,
                          PlSyncJoinFlags   flags,
                          GError          **error)
{
  g_autofree char *current = NULL;
  g_autofree char *current_key = NULL;
  g_autofree char *key = NULL;
  gboolean other_school;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);

  if (!pl_sync_check_school_id (school_id, error) || !pl_sync_check_key (sync_key, error))
    return FALSE;
  key = g_ascii_strdown (sync_key, -1);
  current = pl_store_get_meta (store, "school_id");
  current_key = pl_store_get_meta (store, "sync_key");
  other_school = current != NULL && g_ascii_strcasecmp (current, school_id) != 0;
  if (pl_sync_is_hub (store) && (other_school || g_strcmp0 (current_key, key) != 0))
    {
      g_set_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_OTHER_SCHOOL,
                   _("%s: this database is the hub of school %s; its id and key cannot change"),
                   pl_store_get_path (store), current);
      return FALSE;
    }
  if (other_school && !(flags & PL_SYNC_JOIN_SWITCH_SCHOOL))
    {
      g_set_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_OTHER_SCHOOL,
                   _("%s: this database already belongs to school %s"),
                   pl_store_get_path (store), current);
      return FALSE;
    }

  if (!pl_store_begin (store, error))
    return FALSE;
  if ((other_school && !forget_peers (store, error)) ||
      !pl_store_set_meta (store, "school_id", school_id, error) ||
      !pl_store_set_meta (store, "sync_key", key, error))
    {
      pl_store_rollback (store);
      return FALSE;
    }
  return pl_store_commit (store, error);
}

gboolean
pl_sync_hub_init (PlStore     *store,
                  const char  *name,
                  char       **out_school_id,
                  char       **out_sync_key,
                  GError     **error)
{
  g_autofree char *current = NULL;
  g_autofree char *school_id = g_uuid_string_random ();
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(PlSchool) school = NULL;
  guint8 raw[PL_SYNC_KEY_LENGTH];
  int fd;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);

  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_INVALID,
                           _("--school: the school needs a name"));
      return FALSE;
    }
  current = pl_store_get_meta (store, "school_id");
  if (current != NULL)
    {
      g_set_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_OTHER_SCHOOL,
                   _("%s: this database already belongs to school %s"),
                   pl_store_get_path (store), current);
      return FALSE;
    }

  /* The key must be unguessable: read it from the kernel. */
  fd = g_open ("/dev/urandom", O_RDONLY, 0);
  if (fd < 0 || read (fd, raw, sizeof raw) != (ssize_t) sizeof raw)
    {
      if (fd >= 0)
        close (fd);
      g_set_error_literal (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_FAILED,
                           _("cannot read random bytes for the sync key"));
      return FALSE;
    }
  close (fd);
  for (guint i = 0; i < sizeof raw; i++)
    g_string_append_printf (key, "%02x", raw[i]);

  school = g_object_new (PL_TYPE_SCHOOL, "uuid", school_id, NULL);
  pl_record_set_string (PL_RECORD (school), "name", name);

  if (!pl_store_begin (store, error))
    return FALSE;
  if (!pl_store_set_meta (store, "school_id", school_id, error) ||
      !pl_store_set_meta (store, "sync_key", key->str, error) ||
      !pl_store_set_meta (store, "sync_role", "hub", error) ||
      !pl_store_save (store, PL_RECORD (school), error))
    {
      pl_store_rollback (store);
      return FALSE;
    }
  if (!pl_store_commit (store, error))
    return FALSE;

  if (out_school_id != NULL)
    *out_school_id = g_steal_pointer (&school_id);
  if (out_sync_key != NULL)
    *out_sync_key = g_strdup (key->str);
  return TRUE;
}

gboolean
pl_sync_is_hub (PlStore *store)
{
  g_autofree char *role = pl_store_get_meta (store, "sync_role");

  return g_strcmp0 (role, "hub") == 0;
}

gboolean
pl_sync_get_school (PlStore  *store,
                    char    **out_school_id,
                    guint8    key[PL_SYNC_KEY_LENGTH],
                    GError  **error)
{
  g_autofree char *school_id = pl_store_get_meta (store, "school_id");
  g_autofree char *hex = pl_store_get_meta (store, "sync_key");

  if (school_id == NULL || hex == NULL)
    {
      g_set_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_NO_SCHOOL,
                   _("%s: this database has not joined a school (run “personallearn-cli school --id ID --key KEY”)"),
                   pl_store_get_path (store));
      return FALSE;
    }
  if (!decode_key (hex, key))
    {
      g_set_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_NO_SCHOOL,
                   _("%s: the stored sync key is malformed; join the school again"),
                   pl_store_get_path (store));
      return FALSE;
    }
  if (out_school_id != NULL)
    *out_school_id = g_steal_pointer (&school_id);
  return TRUE;
}
