/* pl-uuid.h — the canonical text form of uuids made in the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The text form is 36 characters and a NUL. */
#define PL_UUID_TEXT_SIZE 37

void pl_uuid_format      (const guint8 bytes[16],
                          char         out[37]);
void pl_uuid_format_bits (guint64      hi,
                          guint64      lo,
                          char         out[37]);
char *pl_uuid_name_based (const guint8 namespace_[16],
                          const char  *scope,
                          char         separator,
                          const char  *key);

/* The version (4, random) and variant (10) bits set in the upper and
 * lower 64 bits of a uuid. */
static inline guint64
pl_uuid_v4_hi (guint64 hi)
{
  return (hi & ~G_GUINT64_CONSTANT (0xf000)) | 0x4000;
}

static inline guint64
pl_uuid_v4_lo (guint64 lo)
{
  return (lo & ~(G_GUINT64_CONSTANT (3) << 62)) | (G_GUINT64_CONSTANT (2) << 62);
}

G_END_DECLS
