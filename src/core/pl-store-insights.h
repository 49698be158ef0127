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

#include "pl-board-rules.h"
#include "pl-store.h"

G_BEGIN_DECLS

/* What the dashboard takes from the application's settings. */
typedef struct
{
  double      proficient;        /* "proficient-level": a score at or above is mastery */
  guint       checkin_weekday;   /* "checkin-day": 1 = Monday … 7 = Sunday */
  const char *default_method;    /* the Gradebook's default calculation method */
  double      default_param;     /* its param (0: the method's default) */
} PlInsightsSettings;

/* 3.0, Monday, decaying average 65: the schema's defaults. */
void             pl_insights_settings_init     (PlInsightsSettings *settings);

typedef struct
{
  char     *as_of;                    /* "YYYY-MM-DD" */
  char     *week_start;               /* the check-in week of as_of: "YYYY-MM-DD" */
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
  /* Check-ins as the Check-ins view counts them: weeks start on the
   * check-in day (pl_store_class_checkin_status). */
  int      *days_since_checkin;       /* -1: never */
  gboolean *checked_in_this_week;     /* in the check-in week of as_of, up to as_of */
  guint8   *checkin_missing;          /* neither this check-in week nor the one before */
  int      *days_since_profile_update;/* -1: empty profile */
  double   *profile_completeness;     /* 0 … 1 */
  guint    *milestones_overdue;       /* must-do, due before as_of, not done */
  guint    *recent_completions;       /* picks finished in the 21 days up to as_of */
  guint    *recent_fast_low;          /* of those, in under half the planned time, scored low */
  guint32  *interest_tags;            /* bits of option_tag_names found in the interests */
  guint32  *preferred_styles;         /* bits of style_names in the learning preferences */
  guint32  *recent_formats;           /* bits of format_names of the last three picks */
  guint8   *due_soon;                 /* n_learners × n_standards: a milestone due in the
                                       * week after as_of needs the standard — the
                                       * milestone of one of the learner's goals on it, or a
                                       * must-do milestone of a unit that targets it and
                                       * that the learner has not done */

  /* Milestones of the class's units due up to as_of, and how many of
   * learner × milestone are done by then. */
  guint     milestones_due;
  guint     milestones_done;

  /* Picks chosen up to as_of, and those submitted or assessed by then. */
  guint     picks_chosen;
  guint     picks_finished;

  /* Whether the profile fields read are those of as_of: fields keep no
   * history, so when one of the class's was changed after as_of the
   * completeness of that day cannot be told. */
  gboolean  profiles_as_of;

  /* The class's boards and their rules. */
  guint         n_boards;
  PlBoardRules *board_rules;

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
  guint    *option_board;             /* index into board_rules */
  PlBoardCell *option_cells;          /* place on its board, required, standards */
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

/* AS_OF is "YYYY-MM-DD" (NULL: today). SETTINGS may be NULL for the
 * defaults. */
PlClassSnapshot *pl_store_load_class_snapshot  (PlStore                  *store,
                                                const char               *classroom_uuid,
                                                const char               *as_of,
                                                const PlInsightsSettings *settings,
                                                GError                  **error);

/* The key under which an alert's follow-up is remembered: the learner,
 * the kind of alert and FACTS, what the alert said (e.g. the check-in week
 * it was raised in, or the standard and the scores of a drop). A
 * follow-up covers the alert as it was; once its facts change it stands
 * again. */
char            *pl_store_alert_key            (const char      *learner_uuid,
                                                const char      *alert_kind,
                                                const char      *facts);

/* Remembers the teacher's decision on a suggestion: DECISION is
 * "accepted" or "dismissed" for an option (KIND "option", OPTION_UUID and
 * SIGNATURE set) or "followed-up" for an alert (KIND "alert", SIGNATURE is
 * pl_store_alert_key()). Accepting an option also creates the pick with
 * pl_store_record_pick(), so accepting twice makes one pick; the same
 * decision made twice is kept once. All in one transaction. */
gboolean         pl_store_record_decision      (PlStore         *store,
                                                const char      *learner_uuid,
                                                const char      *kind,
                                                const char      *option_uuid,
                                                const char      *decision,
                                                const char      *signature,
                                                GError         **error);

G_END_DECLS
