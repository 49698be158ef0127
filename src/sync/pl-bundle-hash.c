/* pl-bundle-hash.c — SHA-256 of a stream, on a thread of its own
 *
 * With GLib's portable SHA-256 hashing a large bundle costs about as much
 * as parsing it (pl-sha256.c uses the processor's SHA instructions when
 * there are some); on a second core it costs almost nothing. The writer also hands its writes to that
 * thread. At most a few chunks wait, so memory stays flat whatever the
 * size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "pl-bundle-private.h"
#include "pl-sha256.h"

#define MAX_IN_FLIGHT 8

struct _PlBundleHash
{
  GOutputStream *out;        /* written after hashing, when not NULL */
  GCancellable  *cancellable;
  GError        *error;      /* the first write error */
  PlSha256  *sha;
  GThread   *thread;
  GMutex     lock;
  GCond      cond;
  GQueue     chunks;     /* GBytes, oldest first */
  gboolean   finished;
};

static gpointer
hash_thread (gpointer data)
{
  PlBundleHash *h = data;

  for (;;)
    {
      GBytes *chunk;

      g_mutex_lock (&h->lock);
      while (g_queue_is_empty (&h->chunks) && !h->finished)
        g_cond_wait (&h->cond, &h->lock);
      chunk = g_queue_pop_head (&h->chunks);
      g_cond_broadcast (&h->cond);
      g_mutex_unlock (&h->lock);
      if (chunk == NULL)
        return NULL;
      pl_sha256_update (h->sha, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
      if (h->out != NULL && h->error == NULL)
        g_output_stream_write_all (h->out, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk),
                                   NULL, h->cancellable, &h->error);
      g_bytes_unref (chunk);
    }
}

PlBundleHash *
_pl_bundle_hash_new (void)
{
  return _pl_bundle_hash_new_writing (NULL, NULL);
}

PlBundleHash *
_pl_bundle_hash_new_writing (GOutputStream *out,
                             GCancellable  *cancellable)
{
  PlBundleHash *h = g_new0 (PlBundleHash, 1);

  h->out = out != NULL ? g_object_ref (out) : NULL;
  h->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;

  h->sha = pl_sha256_new ();
  g_mutex_init (&h->lock);
  g_cond_init (&h->cond);
  g_queue_init (&h->chunks);
  h->thread = g_thread_new ("pl-bundle-hash", hash_thread, h);
  return h;
}

void
_pl_bundle_hash_update (PlBundleHash *h,
                        const guint8 *data,
                        gsize         len)
{
  GBytes *chunk;

  if (len == 0)
    return;
  chunk = g_bytes_new (data, len);
  g_mutex_lock (&h->lock);
  while (h->chunks.length >= MAX_IN_FLIGHT)
    g_cond_wait (&h->cond, &h->lock);
  g_queue_push_tail (&h->chunks, chunk);
  g_cond_broadcast (&h->cond);
  g_mutex_unlock (&h->lock);
}

static void
stop (PlBundleHash *h)
{
  if (h->thread == NULL)
    return;
  g_mutex_lock (&h->lock);
  h->finished = TRUE;
  g_cond_broadcast (&h->cond);
  g_mutex_unlock (&h->lock);
  g_thread_join (h->thread);
  h->thread = NULL;
}

gboolean
_pl_bundle_hash_finish (PlBundleHash  *h,
                        guint8         digest[PL_BUNDLE_DIGEST_LEN],
                        GError       **error)
{
  stop (h);
  pl_sha256_get_digest (h->sha, digest);
  if (h->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&h->error));
      return FALSE;
    }
  return TRUE;
}

void
_pl_bundle_hash_free (PlBundleHash *h)
{
  if (h == NULL)
    return;
  stop (h);
  g_queue_clear_full (&h->chunks, (GDestroyNotify) g_bytes_unref);
  pl_sha256_free (h->sha);
  g_clear_error (&h->error);
  g_clear_object (&h->out);
  g_clear_object (&h->cancellable);
  g_mutex_clear (&h->lock);
  g_cond_clear (&h->cond);
  g_free (h);
}
