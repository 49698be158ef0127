/* pl-insights-report.h — the dashboard of one class: metrics over recent
 * weeks, who needs attention and why, small groups, next options
 *
 * Reads a snapshot of the class from the store and runs the engine on it;
 * compute it in a worker thread with pl_insights_report_compute_async().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/pl-core.h"
#include "core/pl-store-insights.h"

G_BEGIN_DECLS

typedef enum
{
  PL_METRIC_MILESTONES,     /* milestone completion rate */
  PL_METRIC_CHECKINS,       /* check-in rate this week */
  PL_METRIC_GROWTH,         /* mastery growth, first to latest evidence */
  PL_METRIC_ATTENTION,      /* learners needing attention */
  PL_METRIC_PROFILES,       /* profile completeness */
  PL_METRIC_ENGAGEMENT,     /* picks finished / picks chosen */
  PL_METRIC_FOLLOW_UP,      /* alerts followed up */
  PL_N_METRICS
} PlMetric;

#define PL_INSIGHTS_WEEKS 6

/* A learner "grew" on the Mastery growth metric when their level moved up
 * by at least this much (in levels, on average over their standards);
 * "dropped" when it moved down as much; otherwise "about the same". */
#define PL_GROWTH_STEP 0.5

typedef enum
{
  PL_GROWTH_IMPROVED,
  PL_GROWTH_SAME,
  PL_GROWTH_DROPPED,
  PL_N_GROWTH
} PlGrowth;

const char *pl_metric_title             (PlMetric m);
/* One or two sentences: what the figure counts, shown on hover. */
const char *pl_metric_definition        (PlMetric m);
/* The value as a teacher reads it ("75 %", "4 learners"); "—" when there
 * is no data. Mastery growth is the share of learners who grew. */
char       *pl_metric_format_value      (PlMetric m,
                                         double   value);

#define PL_TYPE_INSIGHTS_REPORT (pl_insights_report_get_type ())
G_DECLARE_FINAL_TYPE (PlInsightsReport, pl_insights_report, PL, INSIGHTS_REPORT, GObject)

/* AS_OF is "YYYY-MM-DD" or NULL for today; SETTINGS NULL: the defaults.
 * The current week is the check-in week of AS_OF up to AS_OF; the earlier
 * points are the check-in weeks before it, each as of its last day. */
PlInsightsReport *pl_insights_report_compute        (PlStore                  *store,
                                                     const char               *classroom_uuid,
                                                     const char               *as_of,
                                                     const PlInsightsSettings *settings,
                                                     GCancellable             *cancellable,
                                                     GError                  **error);
/* In a worker thread with its own connection to the database at DB_PATH;
 * SETTINGS is copied. */
void              pl_insights_report_compute_async  (const char               *db_path,
                                                     const char               *classroom_uuid,
                                                     const char               *as_of,
                                                     const PlInsightsSettings *settings,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
PlInsightsReport *pl_insights_report_compute_finish (GAsyncResult             *result,
                                                     GError                  **error);

/* WEEK 0 is the oldest, PL_INSIGHTS_WEEKS - 1 the current; NaN: no data. */
double            pl_insights_report_get_metric     (PlInsightsReport    *self,
                                                     PlMetric             metric,
                                                     guint                week);
/* The figure as the card shows it: "9 of 24 learners grew", "75 %". */
char             *pl_insights_report_format_metric  (PlInsightsReport    *self,
                                                     PlMetric             metric,
                                                     guint                week);
/* The definition and what lies behind this week's figure (the split of
 * mastery growth, why a week has no point): the card's tooltip. */
char             *pl_insights_report_explain_metric (PlInsightsReport    *self,
                                                     PlMetric             metric);
/* The fixed scale a metric's sparkline is drawn on. */
void              pl_insights_report_get_metric_range (PlInsightsReport  *self,
                                                     PlMetric             metric,
                                                     double              *out_low,
                                                     double              *out_high);
/* The last day (as of) of each week, "YYYY-MM-DD". */
const char       *pl_insights_report_get_week_end   (PlInsightsReport    *self,
                                                     guint                week);
/* How many learners grew, stayed about the same and dropped (PlGrowth). */
guint             pl_insights_report_get_growth     (PlInsightsReport    *self,
                                                     guint                week,
                                                     PlGrowth             growth);
guint             pl_insights_report_get_n_learners (PlInsightsReport    *self);
/* Learners who have made every pick their boards ask for: nothing is
 * suggested to them, since another pick would break the board's rules. */
guint             pl_insights_report_get_n_complete (PlInsightsReport    *self);
/* PlInsightsItem lists. */
GListModel       *pl_insights_report_get_alerts     (PlInsightsReport    *self);
/* Mini-lesson groups; EXCLUSIVE: a learner in at most one group. */
GListModel       *pl_insights_report_get_groups     (PlInsightsReport    *self,
                                                     gboolean             exclusive);
/* Mixed-strength project groups of about SIZE learners (2–8); a new list. */
GListModel       *pl_insights_report_dup_mixed_groups (PlInsightsReport  *self,
                                                     guint                size);
GListModel       *pl_insights_report_get_suggestions (PlInsightsReport   *self);

G_END_DECLS
