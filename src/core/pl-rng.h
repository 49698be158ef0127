/* pl-rng.h — a small, fast, reproducible random number generator
 *
 * xoshiro256**, seeded through splitmix64. The demo school draws from it so
 * that a seed always gives the same school, and new evidence uuids come
 * from it because GLib's generator is several times slower per bit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint64 s[4];
} PlRng;

void     pl_rng_init        (PlRng   *rng,
                             guint64  seed);
void     pl_rng_init_random (PlRng   *rng);
guint64  pl_rng_next        (PlRng   *rng);
double   pl_rng_double      (PlRng   *rng);
guint    pl_rng_below       (PlRng   *rng,
                             guint    n);
int      pl_rng_range       (PlRng   *rng,
                             int      lo,
                             int      hi);
gboolean pl_rng_chance      (PlRng   *rng,
                             double   p);
double   pl_rng_normal      (PlRng   *rng);
void     pl_rng_uuid        (PlRng   *rng,
                             char     out[37]);

G_END_DECLS
