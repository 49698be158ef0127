/* pl-random.h — a small deterministic generator for the engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * xoshiro256** seeded through splitmix64: the same seed gives the same
 * stream on every platform, which makes fits and simulations reproducible
 * (GRand's algorithm is not promised to stay the same between releases).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint64 s[4];
} PlRandom;

static inline guint64
pl_random_splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static inline void
pl_random_init (PlRandom *rng,
                guint64   seed)
{
  guint64 state = seed;

  for (guint i = 0; i < 4; i++)
    rng->s[i] = pl_random_splitmix64 (&state);
}

static inline guint64
pl_random_rotl (guint64 x,
                int     k)
{
  return (x << k) | (x >> (64 - k));
}

static inline guint64
pl_random_next (PlRandom *rng)
{
  guint64 *s = rng->s;
  guint64 result = pl_random_rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = pl_random_rotl (s[3], 45);
  return result;
}

/* Uniform in [0, 1) with 53 random bits. */
static inline double
pl_random_double (PlRandom *rng)
{
  return (pl_random_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

/* Uniform in [lo, hi). */
static inline double
pl_random_range (PlRandom *rng,
                 double    lo,
                 double    hi)
{
  return lo + (hi - lo) * pl_random_double (rng);
}

G_END_DECLS
