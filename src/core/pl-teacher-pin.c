/* pl-teacher-pin.c — the PIN that guards learner mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pl-teacher-pin.h"

#define META_KEY   "teacher_pin"
#define ITERATIONS 60000
#define SALT_LEN   16
#define HASH_LEN   32

/* PBKDF2 with HMAC-SHA-256, one block (RFC 8018). */
static void
pbkdf2_sha256 (const char   *pin,
               const guchar *salt,
               gsize         salt_len,
               guint         iterations,
               guchar        out[HASH_LEN])
{
  g_autoptr(GHmac) keyed = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) pin, strlen (pin));
  guchar u[HASH_LEN];
  gsize len = HASH_LEN;
  const guchar block_index[4] = { 0, 0, 0, 1 };
  GHmac *h;

  h = g_hmac_copy (keyed);
  g_hmac_update (h, salt, salt_len);
  g_hmac_update (h, block_index, sizeof block_index);
  g_hmac_get_digest (h, u, &len);
  g_hmac_unref (h);
  memcpy (out, u, HASH_LEN);

  for (guint i = 1; i < iterations; i++)
    {
      h = g_hmac_copy (keyed);
      g_hmac_update (h, u, HASH_LEN);
      len = HASH_LEN;
      g_hmac_get_digest (h, u, &len);
      g_hmac_unref (h);
      for (guint k = 0; k < HASH_LEN; k++)
        out[k] ^= u[k];
    }
}

char *
pl_teacher_pin_hash (const char  *pin,
                     GError     **error)
{
  guchar salt[SALT_LEN];
  guchar hash[HASH_LEN];
  g_autofree char *salt64 = NULL;
  g_autofree char *hash64 = NULL;

  g_return_val_if_fail (pin != NULL, NULL);

  if (g_utf8_strlen (pin, -1) < PL_TEACHER_PIN_MIN_LENGTH)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("The PIN needs at least %d characters"), PL_TEACHER_PIN_MIN_LENGTH);
      return NULL;
    }
  for (guint i = 0; i < SALT_LEN; i += 4)
    {
      guint32 r = g_random_int ();
      memcpy (salt + i, &r, 4);
    }
  pbkdf2_sha256 (pin, salt, SALT_LEN, ITERATIONS, hash);
  salt64 = g_base64_encode (salt, SALT_LEN);
  hash64 = g_base64_encode (hash, HASH_LEN);
  return g_strdup_printf ("pbkdf2-sha256$%u$%s$%s", ITERATIONS, salt64, hash64);
}

gboolean
pl_teacher_pin_verify (const char *stored,
                       const char *pin)
{
  g_auto(GStrv) parts = NULL;
  g_autofree guchar *salt = NULL;
  g_autofree guchar *expected = NULL;
  guchar hash[HASH_LEN];
  gsize salt_len = 0, expected_len = 0;
  guint64 iterations;
  guchar diff = 0;

  if (stored == NULL || pin == NULL)
    return FALSE;
  parts = g_strsplit (stored, "$", -1);
  if (g_strv_length (parts) != 4 || g_strcmp0 (parts[0], "pbkdf2-sha256") != 0)
    return FALSE;
  iterations = g_ascii_strtoull (parts[1], NULL, 10);
  if (iterations < 1000 || iterations > 10000000)
    return FALSE;
  salt = g_base64_decode (parts[2], &salt_len);
  expected = g_base64_decode (parts[3], &expected_len);
  if (salt_len == 0 || expected_len != HASH_LEN)
    return FALSE;

  pbkdf2_sha256 (pin, salt, salt_len, (guint) iterations, hash);
  /* Every byte is compared, so the time says nothing about the PIN. */
  for (guint k = 0; k < HASH_LEN; k++)
    diff |= hash[k] ^ expected[k];
  return diff == 0;
}

gboolean
pl_store_has_teacher_pin (PlStore *store)
{
  g_autofree char *stored = pl_store_get_meta (store, META_KEY);

  return stored != NULL && stored[0] != '\0';
}

gboolean
pl_store_set_teacher_pin (PlStore     *store,
                          const char  *pin,
                          GError     **error)
{
  g_autofree char *hashed = pl_teacher_pin_hash (pin, error);

  if (hashed == NULL)
    return FALSE;
  return pl_store_set_meta (store, META_KEY, hashed, error);
}

gboolean
pl_store_check_teacher_pin (PlStore    *store,
                            const char *pin)
{
  g_autofree char *stored = pl_store_get_meta (store, META_KEY);

  return pl_teacher_pin_verify (stored, pin);
}
