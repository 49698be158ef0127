/* pl-rng.c — a small, fast, reproducible random number generator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "pl-rng.h"
#include "pl-uuid.h"

static guint64
splitmix64 (guint64 *x)
{
  guint64 z = (*x += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

void
pl_rng_init (PlRng   *rng,
             guint64  seed)
{
  g_return_if_fail (rng != NULL);

  for (guint i = 0; i < 4; i++)
    rng->s[i] = splitmix64 (&seed);
}

/* Seeded from GLib's generator, for draws that need not repeat. */
void
pl_rng_init_random (PlRng *rng)
{
  g_return_if_fail (rng != NULL);

  for (guint i = 0; i < 4; i++)
    rng->s[i] = ((guint64) g_random_int () << 32) | g_random_int ();
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

guint64
pl_rng_next (PlRng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);
  return result;
}

/* Uniform in [0, 1). */
double
pl_rng_double (PlRng *rng)
{
  return (pl_rng_next (rng) >> 11) * 0x1.0p-53;
}

/* Uniform in [0, n). */
guint
pl_rng_below (PlRng *rng,
              guint  n)
{
  return (guint) (((pl_rng_next (rng) >> 32) * (guint64) n) >> 32);
}

/* Uniform in [lo, hi], both included. */
int
pl_rng_range (PlRng *rng,
              int    lo,
              int    hi)
{
  return lo + (int) pl_rng_below (rng, (guint) (hi - lo + 1));
}

gboolean
pl_rng_chance (PlRng  *rng,
               double  p)
{
  return pl_rng_double (rng) < p;
}

/* Standard normal (Box–Muller; both draws always consumed). */
double
pl_rng_normal (PlRng *rng)
{
  double u1 = 1.0 - pl_rng_double (rng);
  double u2 = pl_rng_double (rng);

  return sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);
}

/* A random version 4 uuid from the next 128 bits. */
void
pl_rng_uuid (PlRng *rng,
             char   out[37])
{
  guint64 hi = pl_rng_next (rng);
  guint64 lo = pl_rng_next (rng);

  pl_uuid_format_bits (pl_uuid_v4_hi (hi), pl_uuid_v4_lo (lo), out);
}
