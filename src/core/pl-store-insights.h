/* pl-store-insights.h — what the engine and the dashboard read of a class
 *
 * A snapshot is the state of one class as of a day, as flat arrays the
 * engine can work on (src/engine never sees SQLite). The dashboard's weekly
 * sparklines are snapshots as of the end of each recent week.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pl-store.h"

G_BEGIN_DECLS

typedef struct
{
  char     *as_of;                    /* "YYYY-MM-DD" */
  double    proficient;               /* a score at or above is mastery */

  /* Learners actively enrolled, in name order. */
  guint     n_learners;
  char    **learner_uuids;
  char    **learner_names;            /* preferred or given name, then family name */

  /* The class's standards (its units' standards first). */
  guint     n_standards;
  char    **standard_uuids;
  char    **standard_codes;

  /* Evidence assessed up to as_of, per learner × standard (CSR). */
  guint     n_series;
  guint    *series_learner;
  guint    *series_standard;
  guint    *offsets;                  /* n_series + 1 */
  double   *scores;

  /* Per learner. */
  int      *days_since_checkin;       /* -1: never */
  gboolean *checked_in_this_week;     /* in the seven days up to as_of */
  int      *days_since_profile_update;/* -1: empty profile */
  double   *profile_completeness;     /* 0 … 1 */
  guint    *milestones_overdue;       /* must-do, due before as_of, not done */
  guint    *recent_completions;       /* picks finished in the 21 days up to as_of */
  guint    *recent_fast_low;          /* of those, in under half the planned time, scored low */
  guint32  *interest_tags;            /* bits of option_tag_names found in the interests */
  guint32  *preferred_styles;         /* bits of style_names in the learning preferences */
  guint32  *recent_formats;           /* bits of format_names of the last three picks */
  guint8   *due_soon;                 /* n_learners × n_standards: a goal's milestone is due
                                       * within a week on that standard */

  /* Milestones of the class's units due up to as_of, and how many of
   * learner × milestone are done by then. */
  guint     milestones_due;
  guint     milestones_done;

  /* Picks chosen up to as_of, and those submitted or assessed by then. */
  guint     picks_chosen;
  guint     picks_finished;

  /* The options of the class's boards. */
  guint     n_options;
  char    **option_uuids;
  char    **option_titles;
  guint    *option_standard_offsets;  /* n_options + 1 */
  guint    *option_standards;
  int      *option_tier;
  guint    *option_format;            /* index into format_names */
  guint32  *option_tags;              /* bits of option_tag_names */
  guint32  *option_styles;            /* bits of style_names */
  guint8   *picked;                   /* n_learners × n_options */
  char    **format_names;
  char    **option_tag_names;
  char    **style_names;

  /* standard prereq_from[i] is a prerequisite of prereq_to[i]. */
  guint     n_prereqs;
  guint    *prereq_from;
  guint    *prereq_to;

  /* Suggestions dismissed (and still standing) per learner × option. */
  guint     n_dismissed;
  guint    *dismissed_learner;
  guint    *dismissed_option;
  guint32  *dismissed_signature;

  /* Alerts the teacher marked as followed up, by pl_store_alert_key(). */
  GHashTable *followed_up;            /* key → decided_at (as_of included) */
} PlClassSnapshot;

void             pl_class_snapshot_free        (PlClassSnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlClassSnapshot, pl_class_snapshot_free)

/* AS_OF is "YYYY-MM-DD" (NULL: today). PROFICIENT is the level counted
 * as mastery. */
PlClassSnapshot *pl_store_load_class_snapshot  (PlStore         *store,
                                                const char      *classroom_uuid,
                                                const char      *as_of,
                                                double           proficient,
                                                GError         **error);

/* The key under which an alert's follow-up is remembered. */
char            *pl_store_alert_key            (const char      *learner_uuid,
                                                const char      *alert_kind);

/* Remembers the teacher's decision on a suggestion: DECISION is
 * "accepted" or "dismissed" for an option (KIND "option", OPTION_UUID and
 * SIGNATURE set) or "followed-up" for an alert (KIND "alert", SIGNATURE is
 * pl_store_alert_key()). Accepting an option also creates the pick. */
gboolean         pl_store_record_decision      (PlStore         *store,
                                                const char      *learner_uuid,
                                                const char      *kind,
                                                const char      *option_uuid,
                                                const char      *decision,
                                                const char      *signature,
                                                GError         **error);

G_END_DECLS
