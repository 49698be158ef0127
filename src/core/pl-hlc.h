/* pl-hlc.h — hybrid logical clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A timestamp packs the physical time in milliseconds since the Unix epoch
 * into the upper 48 bits and a logical counter into the lower 16, so that
 * plain integer comparison orders events. */
#define PL_HLC_COUNTER_BITS 16
#define PL_HLC_COUNTER_MASK ((G_GUINT64_CONSTANT (1) << PL_HLC_COUNTER_BITS) - 1)

static inline gint64
pl_hlc_physical_ms (guint64 hlc)
{
  return (gint64) (hlc >> PL_HLC_COUNTER_BITS);
}

static inline guint
pl_hlc_counter (guint64 hlc)
{
  return (guint) (hlc & PL_HLC_COUNTER_MASK);
}

static inline guint64
pl_hlc_pack (gint64 physical_ms,
             guint  counter)
{
  return ((guint64) physical_ms << PL_HLC_COUNTER_BITS) | (counter & PL_HLC_COUNTER_MASK);
}

/* Returns the wall clock in milliseconds; injectable for tests. */
typedef gint64 (*PlHlcClockFunc) (gpointer user_data);

#define PL_TYPE_HLC (pl_hlc_get_type ())
G_DECLARE_FINAL_TYPE (PlHlc, pl_hlc, PL, HLC, GObject)

PlHlc   *pl_hlc_new           (void);
void     pl_hlc_set_clock     (PlHlc          *self,
                               PlHlcClockFunc  func,
                               gpointer        user_data);
guint64  pl_hlc_now           (PlHlc          *self);
guint64  pl_hlc_last          (PlHlc          *self);
void     pl_hlc_observe       (PlHlc          *self,
                               guint64         remote);

G_END_DECLS
