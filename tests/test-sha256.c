/* test-sha256.c — the bundle hash gives GLib's SHA-256, whatever the
 * lengths and however the data is cut into updates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "pl-sha256.h"

static char *
hex_of (const guint8 *digest)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < PL_SHA256_DIGEST_LEN; i++)
    g_string_append_printf (out, "%02x", digest[i]);
  return g_string_free (out, FALSE);
}

/* DATA hashed in pieces of random sizes (at most MAX_PIECE). */
static char *
hash_in_pieces (const guint8 *data,
                gsize         len,
                gsize         max_piece)
{
  g_autoptr(PlSha256) sha = pl_sha256_new ();
  guint8 digest[PL_SHA256_DIGEST_LEN];
  gsize at = 0;

  while (at < len)
    {
      gsize piece = (gsize) g_test_rand_int_range (0, (gint32) max_piece + 1);
      gsize n = MIN (len - at, piece);

      pl_sha256_update (sha, data + at, n);
      at += n;
    }
  pl_sha256_get_digest (sha, digest);
  return hex_of (digest);
}

static void
test_known (void)
{
  g_autoptr(PlSha256) empty = pl_sha256_new ();
  g_autoptr(PlSha256) abc = pl_sha256_new ();
  guint8 digest[PL_SHA256_DIGEST_LEN];
  g_autofree char *empty_hex = NULL;
  g_autofree char *abc_hex = NULL;

  g_test_message ("processor SHA instructions: %s", pl_sha256_uses_cpu () ? "used" : "not used");
  pl_sha256_get_digest (empty, digest);
  empty_hex = hex_of (digest);
  g_assert_cmpstr (empty_hex, ==, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  pl_sha256_update (abc, (const guint8 *) "abc", 3);
  pl_sha256_get_digest (abc, digest);
  abc_hex = hex_of (digest);
  g_assert_cmpstr (abc_hex, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

/* Every length around the block and padding edges, and a few large ones,
 * against GChecksum. */
static void
test_against_glib (void)
{
  gsize max_len = 64 * 1024 + 200;
  g_autofree guint8 *data = g_malloc (max_len);

  for (gsize i = 0; i < max_len; i++)
    data[i] = (guint8) g_test_rand_int_range (0, 256);

  for (gsize len = 0; len < max_len; len = len < 300 ? len + 1 : len * 3 + 17)
    {
      g_autofree char *expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);
      g_autofree char *whole = hash_in_pieces (data, len, MAX (len, 1));
      g_autofree char *bytes = hash_in_pieces (data, MIN (len, 2000), 3);
      g_autofree char *expected_bytes = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, MIN (len, 2000));
      g_autofree char *pieces = hash_in_pieces (data, len, 150);

      g_assert_cmpstr (whole, ==, expected);
      g_assert_cmpstr (pieces, ==, expected);
      g_assert_cmpstr (bytes, ==, expected_bytes);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sha256/known", test_known);
  g_test_add_func ("/sha256/against-glib", test_against_glib);

  return g_test_run ();
}
