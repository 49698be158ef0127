/* pl-store-claims.c — who may write to a database: claims of long writes
 * on the file, and connections made read-only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-store-private.h"

/* Claims on database files by long writes of this process: canonical
 * path → Claim. A write through another connection would wait on SQLite's
 * lock for its whole busy timeout and then fail; it is refused at once
 * instead, with a message that says why. */
typedef struct
{
  PlStore *owner;   /* not a reference: the owner removes its claim */
  char    *what;
} Claim;

static GMutex claims_lock;
static GHashTable *claims;

static void
claim_free (gpointer data)
{
  Claim *claim = data;

  g_free (claim->what);
  g_free (claim);
}

gboolean
pl_store_claim_writes (PlStore    *self,
                       const char *what)
{
  PlStoreWrites *w;
  Claim *claim;
  gboolean ok = TRUE;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  g_return_val_if_fail (what != NULL, FALSE);

  w = _pl_store_get_writes (self);
  if (w->claim_key == NULL)
    return TRUE;
  g_mutex_lock (&claims_lock);
  if (claims == NULL)
    claims = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, claim_free);
  claim = g_hash_table_lookup (claims, w->claim_key);
  if (claim == NULL)
    {
      claim = g_new0 (Claim, 1);
      claim->owner = self;
      claim->what = g_strdup (what);
      g_hash_table_insert (claims, g_strdup (w->claim_key), claim);
    }
  else if (claim->owner != self)
    ok = FALSE;
  if (ok)
    w->claims++;
  g_mutex_unlock (&claims_lock);
  return ok;
}

void
pl_store_release_writes (PlStore *self)
{
  PlStoreWrites *w;

  g_return_if_fail (PL_IS_STORE (self));

  w = _pl_store_get_writes (self);

  if (w->claims == 0)
    return;
  g_mutex_lock (&claims_lock);
  if (--w->claims == 0 && claims != NULL)
    {
      Claim *claim = g_hash_table_lookup (claims, w->claim_key);

      if (claim != NULL && claim->owner == self)
        g_hash_table_remove (claims, w->claim_key);
    }
  g_mutex_unlock (&claims_lock);
}

void
pl_store_refuse_writes (PlStore    *self,
                        const char *reason)
{
  PlStoreWrites *w;

  g_return_if_fail (PL_IS_STORE (self));

  w = _pl_store_get_writes (self);
  g_free (w->refusal);
  w->refusal = g_strdup (reason);
}

const char *
pl_store_get_refusal (PlStore *self)
{
  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  return _pl_store_get_writes (self)->refusal;
}

gboolean
_pl_store_check_writes_allowed (PlStore  *self,
                                GError  **error)
{
  PlStoreWrites *w = _pl_store_get_writes (self);
  g_autofree char *other = NULL;

  if (w->refusal != NULL)
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_READ_ONLY, w->refusal);
      return FALSE;
    }
  if (w->claim_key == NULL)
    return TRUE;
  g_mutex_lock (&claims_lock);
  if (claims != NULL)
    {
      Claim *claim = g_hash_table_lookup (claims, w->claim_key);

      if (claim != NULL && claim->owner != self)
        other = g_strdup (claim->what);
    }
  g_mutex_unlock (&claims_lock);
  if (other != NULL)
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_BUSY, other);
      return FALSE;
    }
  return TRUE;
}

void
_pl_store_writes_clear (PlStore *self)
{
  PlStoreWrites *w = _pl_store_get_writes (self);

  if (w->claims > 0)
    {
      w->claims = 1;
      pl_store_release_writes (self);
    }
  g_clear_pointer (&w->claim_key, g_free);
  g_clear_pointer (&w->refusal, g_free);
}
