/* pl-uuid.c — the canonical text form of uuids made in the core
 *
 * Written by hand rather than with g_uuid_string_random(): a demo school or
 * a large batch of evidence makes hundreds of thousands of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-uuid.h"

void
pl_uuid_format (const guint8 bytes[16],
                char         out[37])
{
  static const char hex[] = "0123456789abcdef";
  guint k = 0;

  for (guint i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        out[k++] = '-';
      out[k++] = hex[bytes[i] >> 4];
      out[k++] = hex[bytes[i] & 0xf];
    }
  out[k] = '\0';
}

/* HI and LO are the first and last 64 bits, most significant first. */
void
pl_uuid_format_bits (guint64 hi,
                     guint64 lo,
                     char    out[37])
{
  guint8 b[16];

  for (guint i = 0; i < 8; i++)
    {
      b[i] = (guint8) (hi >> (56 - 8 * i));
      b[8 + i] = (guint8) (lo >> (56 - 8 * i));
    }
  pl_uuid_format (b, out);
}

/* A name-based uuid (version 5 layout, SHA-1) of SCOPE, SEPARATOR and KEY
 * in NAMESPACE_: the same names give the same uuid on every device. */
char *
pl_uuid_name_based (const guint8  namespace_[16],
                    const char   *scope,
                    char          separator,
                    const char   *key)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize len = sizeof digest;
  char text[PL_UUID_TEXT_SIZE];

  g_return_val_if_fail (scope != NULL && key != NULL, NULL);

  g_checksum_update (sum, namespace_, 16);
  g_checksum_update (sum, (const guchar *) scope, -1);
  g_checksum_update (sum, (const guchar *) &separator, 1);
  g_checksum_update (sum, (const guchar *) key, -1);
  g_checksum_get_digest (sum, digest, &len);
  digest[6] = (digest[6] & 0x0f) | 0x50;   /* version 5 */
  digest[8] = (digest[8] & 0x3f) | 0x80;   /* RFC 4122 variant */
  pl_uuid_format (digest, text);
  return g_strdup (text);
}
