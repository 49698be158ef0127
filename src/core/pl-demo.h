/* pl-demo.h — a realistic, reproducible demo school
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pl-store.h"

G_BEGIN_DECLS

/* Called now and then with the share of the work done (0 … 1). */
typedef void (*PlDemoProgressFunc) (double   fraction,
                                    gpointer user_data);

typedef struct
{
  guint               n_learners;     /* default 24; classes of 24–30 learners */
  guint64             seed;           /* default 1; same seed, same data */
  /* "YYYY-MM-DD": the day the demo is seen from; every date of the demo is
   * relative to it. NULL: the current date. */
  const char         *today;
  /* The day the class checks in, 1 = Monday (default) … 7 = Sunday: every
   * demo check-in falls on it. */
  guint               checkin_weekday;
  /* FALSE (default): refuse a database that already has learners. */
  gboolean            add;
  PlDemoProgressFunc  progress;
  gpointer            progress_data;
} PlDemoOptions;

void      pl_demo_options_init  (PlDemoOptions  *options);
/* Checks OPTIONS without touching any database (PL_STORE_ERROR_INVALID
 * naming the field). pl_demo_generate checks them too. */
gboolean  pl_demo_options_check (const PlDemoOptions  *options,
                                 GError              **error);

/* Writes a demo school into STORE in one transaction: a school; classes of
 * 24–30 learners ("Grade 7 Science"); a framework of six standards
 * (SCI.7.1 … SCI.7.6, with prerequisite links: standard_link.from_uuid is
 * the prerequisite of to_uuid); per class a unit with a big idea and SMART
 * goals, three must-do milestones with reflection prompts, a 3×3 choice
 * board whose centre square is required, a four-level rubric (Beginning 1,
 * Developing 2, Proficient 3, Exceeding 4) with one criterion per
 * standard; and six weeks of picks, goals (with their dated status
 * history), weekly check-ins (on the check-in day, progress 1–4, about one
 * in five written by the learner), scored evidence and conversation notes. Learners follow different paths:
 * improving, steady, stalled, dropping, "gaming" (many fast completions,
 * low scores) and not checking in for two weeks or more (three per class);
 * a few more have not checked in yet this week; some profiles are
 * incomplete or stale.
 *
 * Profile fields written (profile_field.field): interests, strengths,
 * needs, learning_preferences (comma-separated: reading, video, hands-on,
 * discussion, writing, drawing), goals, experiences, languages,
 * accommodations, and the flags iep, plan_504, language_learner ("true" or
 * "false"). Note kinds: conference, check-in, observation, family.
 * Dates are "YYYY-MM-DD"; moments (noted_at, checked_at, assessed_at,
 * chosen_at, status_at) are "YYYY-MM-DDTHH:MM:SSZ".
 *
 * Every uuid comes from the seed, so two runs with the same seed and the
 * same day give the same rows (only updated_hlc and origin differ). A
 * database that already has learners is refused (PL_STORE_ERROR_INVALID)
 * and left unchanged unless OPTIONS->add is set; a demo added to a
 * database that already holds the demo of its seed takes the next free
 * seed instead. Cancelling rolls back. OPTIONS->progress is called in the
 * thread that runs pl_demo_generate. */
gboolean  pl_demo_generate      (PlStore              *store,
                                 const PlDemoOptions  *options,
                                 GCancellable         *cancellable,
                                 GError              **error);

G_END_DECLS
