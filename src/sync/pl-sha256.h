/* pl-sha256.h — SHA-256 with the processor's SHA instructions when it has
 * them, GLib's GChecksum otherwise
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PL_SHA256_DIGEST_LEN 32

typedef struct _PlSha256 PlSha256;

PlSha256 *pl_sha256_new            (void);
void      pl_sha256_update         (PlSha256     *sha,
                                    const guint8 *data,
                                    gsize         len);
/* Ends the hash; the object takes no more updates afterwards. */
void      pl_sha256_get_digest     (PlSha256     *sha,
                                    guint8        digest[PL_SHA256_DIGEST_LEN]);
void      pl_sha256_free           (PlSha256     *sha);

/* Whether this processor hashes with its SHA instructions (for tests and
 * benchmarks). PL_SHA256_PORTABLE in the environment turns them off. */
gboolean  pl_sha256_uses_cpu       (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlSha256, pl_sha256_free)

G_END_DECLS
