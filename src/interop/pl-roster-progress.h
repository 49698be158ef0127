/* pl-roster-progress.h — how far a roster import has got, shared between
 * the thread doing it and the window showing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PL_ROSTER_STAGE_READING,     /* bytes of the files read */
  PL_ROSTER_STAGE_COMPARING,   /* rows compared with the database */
  PL_ROSTER_STAGE_WRITING,     /* rows written */
} PlRosterStage;

typedef struct _PlRosterProgress PlRosterProgress;

PlRosterProgress *pl_roster_progress_new   (void);
void              pl_roster_progress_free  (PlRosterProgress *self);

/* Starts STAGE with TOTAL units to do (0 when not known). Safe to call
 * from any thread; every function takes a NULL progress and does nothing. */
void              pl_roster_progress_begin (PlRosterProgress *self,
                                            PlRosterStage     stage,
                                            guint64           total);
void              pl_roster_progress_add   (PlRosterProgress *self,
                                            guint64           done);
void              pl_roster_progress_get   (PlRosterProgress *self,
                                            PlRosterStage    *stage,
                                            guint64          *done,
                                            guint64          *total);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlRosterProgress, pl_roster_progress_free)

G_END_DECLS
