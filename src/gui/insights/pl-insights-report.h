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

const char *pl_metric_title             (PlMetric m);
/* One or two sentences: what the figure counts, shown on hover. */
const char *pl_metric_definition        (PlMetric m);
/* The value as a teacher reads it ("75 %", "+0.8 levels", "4 learners");
 * "—" when there is no data. */
char       *pl_metric_format_value      (PlMetric m,
                                         double   value);

#define PL_TYPE_INSIGHTS_REPORT (pl_insights_report_get_type ())
G_DECLARE_FINAL_TYPE (PlInsightsReport, pl_insights_report, PL, INSIGHTS_REPORT, GObject)

/* AS_OF is "YYYY-MM-DD" or NULL for today. */
PlInsightsReport *pl_insights_report_compute        (PlStore             *store,
                                                     const char          *classroom_uuid,
                                                     const char          *as_of,
                                                     double               proficient,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
/* In a worker thread with its own connection to the database at DB_PATH. */
void              pl_insights_report_compute_async  (const char          *db_path,
                                                     const char          *classroom_uuid,
                                                     const char          *as_of,
                                                     double               proficient,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
PlInsightsReport *pl_insights_report_compute_finish (GAsyncResult        *result,
                                                     GError             **error);

/* WEEK 0 is the oldest, PL_INSIGHTS_WEEKS - 1 the current; NaN: no data. */
double            pl_insights_report_get_metric     (PlInsightsReport    *self,
                                                     PlMetric             metric,
                                                     guint                week);
guint             pl_insights_report_get_n_learners (PlInsightsReport    *self);
/* PlInsightsItem lists. */
GListModel       *pl_insights_report_get_alerts     (PlInsightsReport    *self);
GListModel       *pl_insights_report_get_groups     (PlInsightsReport    *self);
GListModel       *pl_insights_report_get_mixed_groups (PlInsightsReport  *self);
GListModel       *pl_insights_report_get_suggestions (PlInsightsReport   *self);

G_END_DECLS
