/* test-bundle-fuzz.c — replays the fuzzing seeds and random mutations of
 * them through the bundle reader for a bounded time (PL_FUZZ_SECONDS,
 * default 8), so the suite fuzzes without clang. Files in
 * tests/fuzz/corpus (crashes found by libFuzzer, kept as regressions) are
 * replayed too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz/fuzz-bundle-target.h"

static GByteArray *
mutate (GBytes *seed,
        GBytes *other)
{
  gsize len = 0, other_len = 0;
  const guint8 *data = g_bytes_get_data (seed, &len);
  const guint8 *other_data = g_bytes_get_data (other, &other_len);
  GByteArray *out = g_byte_array_sized_new (len + 64);
  guint n_ops = g_test_rand_int_range (1, 5);

  g_byte_array_append (out, data, len);
  for (guint op = 0; op < n_ops; op++)
    {
      guint at = out->len > 0 ? (guint) g_test_rand_int_range (0, out->len) : 0;
      /* Drawn once: MIN () evaluates its arguments twice. */
      guint run_len = (guint) g_test_rand_int_range (1, 256);

      switch (g_test_rand_int_range (0, 8))
        {
        case 0:   /* flip a bit */
          if (out->len > 0)
            out->data[at] ^= 1u << g_test_rand_int_range (0, 8);
          break;
        case 1:   /* an interesting byte */
          {
            static const guint8 interesting[] = { 0, 1, 0x7f, 0x80, 0xff, 'n', 'i', 'f', 's', 'R', 'T', 'Z' };

            if (out->len > 0)
              out->data[at] = interesting[g_test_rand_int_range (0, G_N_ELEMENTS (interesting))];
          }
          break;
        case 2:   /* cut */
          g_byte_array_set_size (out, at);
          break;
        case 3:   /* remove a run */
          g_byte_array_remove_range (out, at, MIN (run_len, out->len - at));
          break;
        case 4:   /* repeat a run */
          {
            guint n = MIN (run_len, out->len - at);
            g_autofree guint8 *run = g_memdup2 (out->data + at, n);

            g_byte_array_append (out, run, n);
          }
          break;
        case 5:   /* splice in a piece of another seed */
          if (other_len > 0)
            {
              guint from = (guint) g_test_rand_int_range (0, other_len);
              guint n = MIN (run_len, other_len - from);

              g_byte_array_set_size (out, at);
              g_byte_array_append (out, other_data + from, n);
              g_byte_array_append (out, data + MIN (at, len), len - MIN (at, len));
            }
          break;
        case 6:   /* a big-endian length set to something odd */
          if (out->len >= 4 && at + 4 <= out->len)
            {
              static const guint32 odd[] = { 0, 1, 0x7fffffff, 0xffffffff, 0x01000001, 65 };
              guint32 v = GUINT32_TO_BE (odd[g_test_rand_int_range (0, G_N_ELEMENTS (odd))]);

              memcpy (out->data + at, &v, 4);
            }
          break;
        default:  /* random byte */
          if (out->len > 0)
            out->data[at] = (guint8) g_test_rand_int_range (0, 256);
          break;
        }
    }
  return out;
}

static void
test_seeds_import (void)
{
  g_autoptr(GPtrArray) seeds = pl_fuzz_bundle_make_seeds ();

  g_assert_cmpuint (seeds->len, >=, 4);
  for (guint i = 0; i < seeds->len; i++)
    {
      gsize len = 0;
      const guint8 *data = g_bytes_get_data (seeds->pdata[i], &len);

      g_assert_true (pl_fuzz_bundle_one (data, len));
    }
}

static void
test_corpus (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  if (d == NULL)
    {
      g_test_skip ("no regression corpus");
      return;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize len = 0;

      if (g_file_get_contents (path, &contents, &len, NULL))
        {
          pl_fuzz_bundle_one ((const guint8 *) contents, len);
          n++;
        }
    }
  g_test_message ("%u corpus files", n);
}

static void
test_mutations (void)
{
  g_autoptr(GPtrArray) seeds = pl_fuzz_bundle_make_seeds ();
  const char *seconds_env = g_getenv ("PL_FUZZ_SECONDS");
  double seconds = seconds_env != NULL ? g_ascii_strtod (seconds_env, NULL) : 8;
  gint64 until = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
  guint runs = 0, imported = 0;

  while (g_get_monotonic_time () < until)
    {
      GBytes *seed = seeds->pdata[g_test_rand_int_range (0, seeds->len)];
      GBytes *other = seeds->pdata[g_test_rand_int_range (0, seeds->len)];
      g_autoptr(GByteArray) input = mutate (seed, other);

      if (pl_fuzz_bundle_one (input->data, input->len))
        imported++;
      runs++;
    }
  g_test_message ("%u mutated bundles, %u imported", runs, imported);
  g_assert_cmpuint (runs, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bundle-fuzz/seeds-import", test_seeds_import);
  g_test_add_func ("/bundle-fuzz/corpus", test_corpus);
  g_test_add_func ("/bundle-fuzz/mutations", test_mutations);

  return g_test_run ();
}
