/* pl-trend-chart.h — a small chart of one cell's scores over time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PL_TYPE_TREND_CHART (pl_trend_chart_get_type ())
G_DECLARE_FINAL_TYPE (PlTrendChart, pl_trend_chart, PL, TREND_CHART, GtkWidget)

GtkWidget  *pl_trend_chart_new         (void);
/* SCORES (0–4, oldest first) and their DATES (seconds, UTC); VALUE is the
 * rolled-up level drawn as a dashed line (NAN: none). */
void        pl_trend_chart_set_scores  (PlTrendChart  *self,
                                        const double  *scores,
                                        const gint64  *dates,
                                        gsize          n,
                                        double         value);
/* The same in words, for screen readers and the label under the chart. */
const char *pl_trend_chart_get_text    (PlTrendChart  *self);

G_END_DECLS
