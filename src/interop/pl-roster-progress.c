/* pl-roster-progress.c — how far a roster import has got, shared between
 * the thread doing it and the window showing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-roster-progress.h"

struct _PlRosterProgress
{
  GMutex        lock;
  PlRosterStage stage;
  guint64       done;
  guint64       total;
};

PlRosterProgress *
pl_roster_progress_new (void)
{
  PlRosterProgress *self = g_new0 (PlRosterProgress, 1);

  g_mutex_init (&self->lock);
  return self;
}

void
pl_roster_progress_free (PlRosterProgress *self)
{
  if (self == NULL)
    return;
  g_mutex_clear (&self->lock);
  g_free (self);
}

void
pl_roster_progress_begin (PlRosterProgress *self,
                          PlRosterStage     stage,
                          guint64           total)
{
  if (self == NULL)
    return;
  g_mutex_lock (&self->lock);
  self->stage = stage;
  self->done = 0;
  self->total = total;
  g_mutex_unlock (&self->lock);
}

void
pl_roster_progress_add (PlRosterProgress *self,
                        guint64           done)
{
  if (self == NULL)
    return;
  g_mutex_lock (&self->lock);
  self->done += done;
  /* An estimate of the total may fall short: never past the end. */
  if (self->total > 0 && self->done > self->total)
    self->done = self->total;
  g_mutex_unlock (&self->lock);
}

void
pl_roster_progress_get (PlRosterProgress *self,
                        PlRosterStage    *stage,
                        guint64          *done,
                        guint64          *total)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  if (stage != NULL)
    *stage = self->stage;
  if (done != NULL)
    *done = self->done;
  if (total != NULL)
    *total = self->total;
  g_mutex_unlock (&self->lock);
}
