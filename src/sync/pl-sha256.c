/* pl-sha256.c — SHA-256 with the processor's SHA instructions when it has
 * them, GLib's GChecksum otherwise
 *
 * Bundles are hashed whole on export and twice on import; GLib's portable
 * SHA-256 spends about 55 instructions a byte, the SHA extensions of x86
 * processors a few. The result is the same bytes either way (tested
 * against GChecksum).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "pl-sha256.h"

#if defined(__x86_64__) && defined(__GNUC__)
#define PL_SHA256_HAVE_NI 1
#include <cpuid.h>
#include <immintrin.h>
#endif

struct _PlSha256
{
  GChecksum *portable;   /* NULL when the processor hashes */
  guint32    state[8];
  guint8     block[64];
  gsize      block_len;
  guint64    total;      /* bytes hashed */
};

static const guint32 initial_state[8] = {
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
  0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
};

#ifdef PL_SHA256_HAVE_NI

static const guint32 round_constants[64] = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static gboolean
cpu_has_sha (void)
{
  unsigned int eax, ebx, ecx, edx;

  /* SHA (leaf 7, EBX bit 29) and SSE4.1 / SSSE3 (leaf 1, ECX bits 19 and 9). */
  if (!__get_cpuid (1, &eax, &ebx, &ecx, &edx) || !(ecx & (1u << 19)) || !(ecx & (1u << 9)))
    return FALSE;
  if (!__get_cpuid_count (7, 0, &eax, &ebx, &ecx, &edx))
    return FALSE;
  return (ebx & (1u << 29)) != 0;
}

/* Hashes N_BLOCKS blocks of 64 bytes into STATE. The instructions keep the
 * eight working variables as two vectors, (A, B, E, F) and (C, D, G, H),
 * highest lane first, and do two rounds per instruction. */
__attribute__ ((target ("sha,sse4.1,ssse3")))
static void
compress_ni (guint32       state[8],
             const guint8 *data,
             gsize         n_blocks)
{
  const __m128i byte_swap = _mm_set_epi64x (0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  __m128i abef, cdgh, tmp;

  tmp = _mm_shuffle_epi32 (_mm_loadu_si128 ((const __m128i *) &state[0]), 0xb1);   /* b a d c */
  cdgh = _mm_shuffle_epi32 (_mm_loadu_si128 ((const __m128i *) &state[4]), 0x1b);  /* h g f e */
  abef = _mm_alignr_epi8 (tmp, cdgh, 8);
  cdgh = _mm_blend_epi16 (cdgh, tmp, 0xf0);

  for (gsize b = 0; b < n_blocks; b++, data += 64)
    {
      const __m128i abef_before = abef, cdgh_before = cdgh;
      __m128i w[4];   /* the last sixteen words of the schedule, four by four */

      for (guint g = 0; g < 16; g++)
        {
          __m128i words, wk;

          if (g < 4)
            words = _mm_shuffle_epi8 (_mm_loadu_si128 ((const __m128i *) (data + 16 * g)), byte_swap);
          else
            {
              /* W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16], four at a time */
              __m128i sum = _mm_sha256msg1_epu32 (w[g & 3], w[(g + 1) & 3]);

              sum = _mm_add_epi32 (sum, _mm_alignr_epi8 (w[(g + 3) & 3], w[(g + 2) & 3], 4));
              words = _mm_sha256msg2_epu32 (sum, w[(g + 3) & 3]);
            }
          w[g & 3] = words;

          wk = _mm_add_epi32 (words, _mm_loadu_si128 ((const __m128i *) &round_constants[4 * g]));
          cdgh = _mm_sha256rnds2_epu32 (cdgh, abef, wk);
          abef = _mm_sha256rnds2_epu32 (abef, cdgh, _mm_shuffle_epi32 (wk, 0x0e));
        }
      abef = _mm_add_epi32 (abef, abef_before);
      cdgh = _mm_add_epi32 (cdgh, cdgh_before);
    }

  tmp = _mm_shuffle_epi32 (abef, 0x1b);    /* a b e f, lowest lane first */
  cdgh = _mm_shuffle_epi32 (cdgh, 0xb1);   /* g h c d */
  _mm_storeu_si128 ((__m128i *) &state[0], _mm_blend_epi16 (tmp, cdgh, 0xf0));
  _mm_storeu_si128 ((__m128i *) &state[4], _mm_alignr_epi8 (cdgh, tmp, 8));
}

#endif

gboolean
pl_sha256_uses_cpu (void)
{
#ifdef PL_SHA256_HAVE_NI
  static gsize decided = 0;
  static gboolean uses;

  if (g_once_init_enter (&decided))
    {
      uses = cpu_has_sha () && g_getenv ("PL_SHA256_PORTABLE") == NULL;
      g_once_init_leave (&decided, 1);
    }
  return uses;
#else
  return FALSE;
#endif
}

PlSha256 *
pl_sha256_new (void)
{
  PlSha256 *sha = g_new0 (PlSha256, 1);

  if (!pl_sha256_uses_cpu ())
    sha->portable = g_checksum_new (G_CHECKSUM_SHA256);
  memcpy (sha->state, initial_state, sizeof initial_state);
  return sha;
}

void
pl_sha256_update (PlSha256     *sha,
                  const guint8 *data,
                  gsize         len)
{
  g_return_if_fail (sha != NULL);
  g_return_if_fail (data != NULL || len == 0);

  if (sha->portable != NULL)
    {
      /* GChecksum takes a gssize length. */
      while (len > 0)
        {
          gsize n = MIN (len, (gsize) G_MAXSSIZE);

          g_checksum_update (sha->portable, data, (gssize) n);
          data += n;
          len -= n;
        }
      return;
    }

#ifdef PL_SHA256_HAVE_NI
  sha->total += len;
  if (sha->block_len > 0)
    {
      gsize n = MIN (len, 64 - sha->block_len);

      memcpy (sha->block + sha->block_len, data, n);
      sha->block_len += n;
      data += n;
      len -= n;
      if (sha->block_len < 64)
        return;
      compress_ni (sha->state, sha->block, 1);
      sha->block_len = 0;
    }
  if (len >= 64)
    {
      compress_ni (sha->state, data, len / 64);
      data += len - len % 64;
      len %= 64;
    }
  memcpy (sha->block, data, len);
  sha->block_len = len;
#endif
}

void
pl_sha256_get_digest (PlSha256 *sha,
                      guint8    digest[PL_SHA256_DIGEST_LEN])
{
  g_return_if_fail (sha != NULL);

  if (sha->portable != NULL)
    {
      gsize len = PL_SHA256_DIGEST_LEN;

      g_checksum_get_digest (sha->portable, digest, &len);
      return;
    }

#ifdef PL_SHA256_HAVE_NI
  {
    guint64 bits = sha->total * 8;
    guint8 tail[128] = { 0 };
    gsize n = sha->block_len;
    gsize padded = n < 56 ? 64 : 128;

    /* The message, a 1 bit, zeros, and its length in bits, big-endian. */
    memcpy (tail, sha->block, n);
    tail[n] = 0x80;
    for (guint i = 0; i < 8; i++)
      tail[padded - 1 - i] = (guint8) (bits >> (8 * i));
    compress_ni (sha->state, tail, padded / 64);
    for (guint i = 0; i < 8; i++)
      {
        digest[4 * i] = (guint8) (sha->state[i] >> 24);
        digest[4 * i + 1] = (guint8) (sha->state[i] >> 16);
        digest[4 * i + 2] = (guint8) (sha->state[i] >> 8);
        digest[4 * i + 3] = (guint8) sha->state[i];
      }
  }
#endif
}

void
pl_sha256_free (PlSha256 *sha)
{
  if (sha == NULL)
    return;
  if (sha->portable != NULL)
    g_checksum_free (sha->portable);
  g_free (sha);
}
