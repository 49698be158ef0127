/* pl-bundle-private.h — framing constants shared by the writer and the reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-bundle.h"

G_BEGIN_DECLS

#define PL_BUNDLE_MAGIC      "PLBUNDLE"
#define PL_BUNDLE_MAGIC_LEN  8
#define PL_BUNDLE_HEADER_LEN (PL_BUNDLE_MAGIC_LEN + 4)

/* Frame tags. */
#define PL_FRAME_MANIFEST 'M'
#define PL_FRAME_TABLE    'T'
#define PL_FRAME_ROW      'R'
#define PL_FRAME_TRAILER  'Z'

/* Value tags inside a row. */
#define PL_VALUE_NULL 'n'
#define PL_VALUE_INT  'i'
#define PL_VALUE_REAL 'f'
#define PL_VALUE_TEXT 's'

/* A frame is never larger than this: memory stays bounded whatever a file
 * claims. */
#define PL_BUNDLE_MAX_FRAME  (16u * 1024 * 1024)
#define PL_BUNDLE_DIGEST_LEN 32

/* SHA-256 computed on a thread of its own (pl-bundle-hash.c). */
typedef struct _PlBundleHash PlBundleHash;

PlBundleHash *_pl_bundle_hash_new    (void);
/* Also writes every chunk, once hashed, to OUT. */
PlBundleHash *_pl_bundle_hash_new_writing (GOutputStream *out,
                                           GCancellable  *cancellable);
void          _pl_bundle_hash_update (PlBundleHash *hash,
                                      const guint8 *data,
                                      gsize         len);
/* Waits for every chunk; no update may follow. FALSE with the first write
 * error, if any. */
gboolean      _pl_bundle_hash_finish (PlBundleHash *hash,
                                      guint8        digest[PL_BUNDLE_DIGEST_LEN],
                                      GError      **error);
void          _pl_bundle_hash_free   (PlBundleHash *hash);

/* HMAC-SHA-256 under KEY of the SHA-256 DIGEST of the content. */
void _pl_bundle_sign (const guint8 *key,
                      const guint8  digest[PL_BUNDLE_DIGEST_LEN],
                      guint8        out[PL_BUNDLE_DIGEST_LEN]);

G_END_DECLS
