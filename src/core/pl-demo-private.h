/* pl-demo-private.h — what the demo generator's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-demo-content.h"
#include "pl-rng.h"
#include "pl-store.h"

G_BEGIN_DECLS

#define PICK(rng, array) ((array)[pl_rng_below ((rng), G_N_ELEMENTS (array))])

typedef enum
{
  PATH_IMPROVING,
  PATH_STEADY,
  PATH_STALLED,
  PATH_DROPPING,
  PATH_GAMING,
  PATH_SILENT,       /* stopped checking in (and mostly working) */
} Path;

typedef struct
{
  PlStore      *store;
  PlRng           rng;
  GDate         start;        /* Monday of the first week of the unit */
  int           today_off;    /* days from start to today */
  gint64        stale_ms;     /* wall time of a stale profile's last edit */
  char          edited_at[21];  /* edited_at of the learner being written */
  guint64       seed;         /* the seed in use, part of source ids */
  const char   *origin;
  GHashTable   *statements;   /* columns literal → borrowed statement */
  gboolean      tombstone;    /* the next row is written deleted */
  guint         checkin_weekday;  /* 1 = Monday … 7 = Sunday */

  char          school[37];
  char          standards[N_STANDARDS][37];
} Demo;

typedef struct
{
  char uuid[37];
  char unit[37];
  char milestones[3][37];
  char board[37];
  char options[9][37];
  char criteria[N_STANDARDS][37];
  guint n_lapsed;     /* learners who stopped checking in two weeks ago */
  guint n_late;       /* learners not checked in yet this week */
} ClassPlan;

typedef struct
{
  char    uuid[37];
  Path    path;
  double  start_level;   /* expected score at the start and at today */
  double  end_level;
  gboolean incomplete;
  gboolean stale;
  const char *given;
  const char *interest;
} LearnerPlan;

/* pl-demo.c: the writer */
void     _pl_demo_make_uuid     (Demo         *d,
                                 char          out[37]);
/* Writes one row of TABLE; TYPES says what the variable arguments are. */
gboolean _pl_demo_put           (Demo         *d,
                                 GError      **error,
                                 const char   *table,
                                 const char   *uuid,
                                 const char   *columns,
                                 const char   *types,
                                 ...);
void     _pl_demo_day_iso       (Demo         *d,
                                 int           offset,
                                 char          out[11]);
void     _pl_demo_moment_iso    (Demo         *d,
                                 int           offset,
                                 int           minute_of_day,
                                 char          out[21]);
int      _pl_demo_school_minute (Demo         *d);

/* pl-demo-learners.c */
gboolean _pl_demo_write_learner (Demo         *d,
                                 LearnerPlan  *p,
                                 ClassPlan    *c,
                                 guint         number,
                                 gboolean      first_of_class,
                                 GError      **error);

G_END_DECLS
