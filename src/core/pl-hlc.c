/* pl-hlc.c — hybrid logical clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-hlc.h"

struct _PlHlc
{
  GObject         parent_instance;
  guint64         last;
  PlHlcClockFunc  clock;
  gpointer        clock_data;
};

G_DEFINE_FINAL_TYPE (PlHlc, pl_hlc, G_TYPE_OBJECT)

static gint64
real_clock (gpointer user_data)
{
  return g_get_real_time () / 1000;
}

static void
pl_hlc_class_init (PlHlcClass *klass)
{
}

static void
pl_hlc_init (PlHlc *self)
{
  self->clock = real_clock;
}

PlHlc *
pl_hlc_new (void)
{
  return g_object_new (PL_TYPE_HLC, NULL);
}

void
pl_hlc_set_clock (PlHlc          *self,
                  PlHlcClockFunc  func,
                  gpointer        user_data)
{
  g_return_if_fail (PL_IS_HLC (self));

  self->clock = func != NULL ? func : real_clock;
  self->clock_data = user_data;
}

/* Advances past both the wall clock and every timestamp seen so far, so the
 * clock never goes backwards even when the wall clock does. When the
 * counter would overflow within one millisecond, the physical part moves on
 * instead. */
guint64
pl_hlc_now (PlHlc *self)
{
  gint64 wall;
  guint64 candidate;

  g_return_val_if_fail (PL_IS_HLC (self), 0);

  wall = MAX (self->clock (self->clock_data), 0);
  candidate = pl_hlc_pack (wall, 0);
  if (candidate <= self->last)
    candidate = self->last + 1;
  self->last = candidate;
  return candidate;
}

guint64
pl_hlc_last (PlHlc *self)
{
  g_return_val_if_fail (PL_IS_HLC (self), 0);
  return self->last;
}

/* Moves the clock past a timestamp received from another device. */
void
pl_hlc_observe (PlHlc   *self,
                guint64  remote)
{
  g_return_if_fail (PL_IS_HLC (self));

  if (remote > self->last)
    self->last = remote;
}
