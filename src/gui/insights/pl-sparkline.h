/* pl-sparkline.h — a small line chart of recent weeks, with a text
 * alternative for screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PL_TYPE_SPARKLINE (pl_sparkline_get_type ())
G_DECLARE_FINAL_TYPE (PlSparkline, pl_sparkline, PL, SPARKLINE, GtkWidget)

GtkWidget *pl_sparkline_new        (void);
/* VALUES may hold NaN for weeks without data; DESCRIPTION is what a
 * screen reader says instead of the picture. */
void       pl_sparkline_set_values (PlSparkline  *self,
                                    const double *values,
                                    guint         n_values,
                                    const char   *description);

/* The values at the bottom and top of the chart (a fixed scale, with a
 * baseline at LOW); without it the chart spans the values shown. */
void       pl_sparkline_set_range  (PlSparkline  *self,
                                    double        low,
                                    double        high);

G_END_DECLS
