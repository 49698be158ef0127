/* pl-grouping.h — small groups for a mini-lesson or a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PL_GROUP_MAX_MEMBERS 8

typedef struct
{
  int    standard;                         /* the shared need, or -1 (mixed) */
  guint  n_members;
  guint  members[PL_GROUP_MAX_MEMBERS];    /* learner indexes */
  double mean_level;                       /* of the members on the standard */
  double min_level;                        /* the spread of their levels */
  double max_level;
} PlGroup;

/* Groups of MIN_SIZE…MAX_SIZE learners (3–6 for a mini-lesson) who share a
 * standard they have not mastered: only learners below PROFICIENT on it.
 * LEVELS holds the current level of each learner on each standard
 * (row-major, n_learners × n_standards; NaN where there is no evidence,
 * which puts nobody in a group). Standards that the most learners need
 * come first. PER_STANDARD limits the groups of one standard (0: as many
 * as it takes), which spreads the groups over several standards; those
 * furthest below proficient are taken first, so learners with close
 * levels are grouped together. With EXCLUSIVE each learner joins at most
 * one group, the one of their most shared need; otherwise a learner may
 * join a group on each standard they need. Returns an array of PlGroup. */
GArray  *pl_grouping_by_need (guint         n_learners,
                              guint         n_standards,
                              const double *levels,
                              double        proficient,
                              guint         min_size,
                              guint         max_size,
                              guint         per_standard,
                              gboolean      exclusive);

/* Mixed-strength groups for projects: learners ranked by OVERALL level
 * (NaN ranks last) are dealt to groups in a snake order, so every group
 * has stronger and weaker members. GROUP_SIZE is the target (e.g. 4); the
 * last groups may have one fewer. Returns an array of PlGroup. */
GArray  *pl_grouping_mixed   (guint         n_learners,
                              const double *overall,
                              guint         group_size);

G_END_DECLS
