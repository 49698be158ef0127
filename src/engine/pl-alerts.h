/* pl-alerts.h — learners who need the teacher's attention, and why
 *
 * Pure C over arrays: the store fills PlAlertInput, the Insights view shows
 * the alerts with pl_alert_describe().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The estimated probability (knowledge tracing) at or above which a
 * standard counts as mastered for "stalled", and which the Insights view
 * and its help quote. */
#define PL_ALERT_MASTERY_PROBABILITY 0.95

typedef enum
{
  PL_ALERT_NO_CHECKIN,        /* no check-in for two weeks or more */
  PL_ALERT_STALLED,           /* no mastery after many opportunities on a standard,
                               * or on any standard after as many in all */
  PL_ALERT_MASTERY_DROPPED,   /* recent scores well below an earlier level */
  PL_ALERT_BEHIND_MILESTONE,  /* a must-do milestone is past due */
  PL_ALERT_GAMING,            /* many fast completions with low scores */
  PL_ALERT_STALE_PROFILE,     /* the profile has not been updated for weeks */
  PL_N_ALERT_KINDS
} PlAlertKind;

typedef struct
{
  int    checkin_days;            /* 14 */
  guint  stalled_opportunities;   /* 10 */
  double drop;                    /* 1.0 level */
  int    stale_profile_days;      /* 42 */
  guint  gaming_min_completions;  /* 3 */
  double gaming_share;            /* 0.6 of recent completions fast and low */
} PlAlertRules;

typedef struct
{
  guint          n_learners;
  guint          n_standards;
  double         proficient;          /* a score at or above this is mastery */

  /* Evidence per learner × standard in assessed order, as series (CSR):
   * series i is learner series_learner[i] on standard series_standard[i],
   * scores[offsets[i]] … scores[offsets[i + 1] - 1]. */
  guint          n_series;
  const guint   *series_learner;
  const guint   *series_standard;
  const guint   *offsets;
  const double  *scores;
  /* Optional: the mastery probability (e.g. from BKT) after each series;
   * when given, "stalled" means below mastery_threshold after the
   * opportunities, else no score at or above proficient. */
  const double  *series_mastery;
  double         mastery_threshold;   /* PL_ALERT_MASTERY_PROBABILITY */

  /* Per learner, n_learners each. */
  const int     *days_since_checkin;         /* -1: never */
  /* Optional: 1 where the learner has checked in neither this check-in
   * week nor the one before (the Check-ins view's "missing"); when given
   * it decides the alert instead of days_since_checkin >= checkin_days. */
  const guint8  *checkin_missing;
  const int     *days_since_profile_update;  /* -1: no profile */
  const guint   *milestones_overdue;         /* must-do, past due, not done */
  const guint   *recent_completions;         /* picks finished in the last three weeks */
  const guint   *recent_fast_low;            /* of those, done in under half the planned
                                              * time and scored below proficient */
} PlAlertInput;

typedef struct
{
  PlAlertKind kind;
  guint       learner;      /* index into the input's learners */
  int         standard;     /* the standard it is about, or -1 */
  double      value;        /* days, opportunities, level drop, count … */
  double      value2;       /* a second figure the reason quotes */
  guint       n_standards;  /* for stalled/dropped: on how many standards */
} PlAlert;

void         pl_alert_rules_init_default (PlAlertRules        *rules);

/* At most one alert per learner and kind, ordered by learner then kind.
 * For stalled and dropped the alert names the worst standard and counts
 * the others. Returns an array of PlAlert. */
GArray      *pl_alerts_compute           (const PlAlertInput  *input,
                                          const PlAlertRules  *rules);

/* A short title for KIND ("No check-in"), translated. */
const char  *pl_alert_kind_title         (PlAlertKind          kind);
/* One plain, translated sentence saying why; STANDARD_CODE may be NULL. */
char        *pl_alert_describe           (const PlAlert       *alert,
                                          const char          *standard_code);

G_END_DECLS
