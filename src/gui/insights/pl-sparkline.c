/* pl-sparkline.c — a small line chart of recent weeks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "pl-sparkline.h"

#define MAX_VALUES 16

struct _PlSparkline
{
  GtkWidget parent_instance;

  double    values[MAX_VALUES];
  guint     n_values;
  gboolean  fixed;
  double    low;
  double    high;
};

G_DEFINE_FINAL_TYPE (PlSparkline, pl_sparkline, GTK_TYPE_WIDGET)

static void
pl_sparkline_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  PlSparkline *self = PL_SPARKLINE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double lo = INFINITY, hi = -INFINITY;
  gboolean pen_down = FALSE;
  GdkRGBA color;
  cairo_t *cr;

  for (guint i = 0; i < self->n_values; i++)
    if (!isnan (self->values[i]))
      {
        lo = MIN (lo, self->values[i]);
        hi = MAX (hi, self->values[i]);
      }
  if (self->n_values < 2 || !isfinite (lo) || width < 4 || height < 4)
    return;
  if (self->fixed)
    {
      lo = MIN (lo, self->low);
      hi = MAX (hi, self->high);
    }
  if (hi - lo < 1e-9)
    {
      lo -= 0.5;
      hi += 0.5;
    }

  /* The text colour follows the theme, dark mode and high contrast. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, 2.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* The baseline, faint, so that the height of the line reads as an amount. */
  if (self->fixed)
    {
      double y = 2.0 + (height - 4.0) * (1.0 - (self->low - lo) / (hi - lo));

      cairo_save (cr);
      cairo_set_line_width (cr, 1.0);
      cairo_push_group (cr);
      cairo_move_to (cr, 2.0, y);
      cairo_line_to (cr, width - 2.0, y);
      cairo_stroke (cr);
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, 0.35);
      cairo_restore (cr);
      gdk_cairo_set_source_rgba (cr, &color);
    }

  for (guint i = 0; i < self->n_values; i++)
    {
      double x = 2.0 + (width - 4.0) * i / (self->n_values - 1);
      double y;

      if (isnan (self->values[i]))
        {
          pen_down = FALSE;
          continue;
        }
      y = 2.0 + (height - 4.0) * (1.0 - (self->values[i] - lo) / (hi - lo));
      if (pen_down)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      pen_down = TRUE;
    }
  cairo_stroke (cr);

  /* The current week as a dot. */
  if (!isnan (self->values[self->n_values - 1]))
    {
      double y = 2.0 + (height - 4.0) * (1.0 - (self->values[self->n_values - 1] - lo) / (hi - lo));

      cairo_arc (cr, width - 2.0, y, 3.0, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
}

static void
pl_sparkline_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 60 : 24;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 120 : 32;
}

static void
pl_sparkline_class_init (PlSparklineClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = pl_sparkline_snapshot;
  widget_class->measure = pl_sparkline_measure;
  gtk_widget_class_set_css_name (widget_class, "sparkline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pl_sparkline_init (PlSparkline *self)
{
}

GtkWidget *
pl_sparkline_new (void)
{
  return g_object_new (PL_TYPE_SPARKLINE, NULL);
}

void
pl_sparkline_set_values (PlSparkline  *self,
                         const double *values,
                         guint         n_values,
                         const char   *description)
{
  g_return_if_fail (PL_IS_SPARKLINE (self));
  g_return_if_fail (values != NULL || n_values == 0);

  self->n_values = MIN (n_values, MAX_VALUES);
  memcpy (self->values, values, self->n_values * sizeof (double));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description != NULL ? description : "",
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
pl_sparkline_set_range (PlSparkline *self,
                        double       low,
                        double       high)
{
  g_return_if_fail (PL_IS_SPARKLINE (self));
  g_return_if_fail (isfinite (low) && isfinite (high) && high > low);

  self->fixed = TRUE;
  self->low = low;
  self->high = high;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
