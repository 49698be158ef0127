/* pl-marker-trend.h — a learner's self-regulation markers, week by week
 *
 * One row of dots per marker, one dot per check-in week, oldest on the
 * left: filled when the teacher ticked the marker that week. Screen
 * readers get the same as text (pl_marker_weeks_describe()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PL_TYPE_MARKER_TREND (pl_marker_trend_get_type ())
G_DECLARE_FINAL_TYPE (PlMarkerTrend, pl_marker_trend, PL, MARKER_TREND, GtkWidget)

GtkWidget  *pl_marker_trend_new       (void);
/* WEEKS: an array of PlMarkerWeek (see pl-store-goals.h); copied. */
void        pl_marker_trend_set_weeks (PlMarkerTrend *self,
                                       GArray        *weeks);
/* What the trend says, as the screen reader hears it. */
const char *pl_marker_trend_get_text  (PlMarkerTrend *self);

G_END_DECLS
