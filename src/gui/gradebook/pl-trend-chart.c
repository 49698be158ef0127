/* pl-trend-chart.c — a small chart of one cell's scores over time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>

#include "core/pl-store-gradebook.h"
#include "pl-trend-chart.h"

struct _PlTrendChart
{
  GtkWidget  parent_instance;

  GArray    *scores;
  double     value;
  char      *text;
};

G_DEFINE_FINAL_TYPE (PlTrendChart, pl_trend_chart, GTK_TYPE_WIDGET)

static void
pl_trend_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  PlTrendChart *self = PL_TREND_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const double pad = 6;
  GdkRGBA fg;
  cairo_t *cr;
  double w = width - 2 * pad, h = height - 2 * pad;
  guint n = self->scores->len;

  if (width <= 0 || height <= 0)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* Level lines 1–4, faint. */
  cairo_set_line_width (cr, 1);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.15);
  for (int level = 1; level <= 4; level++)
    {
      double y = pad + h - h * level / PL_GRADEBOOK_SCALE;

      cairo_move_to (cr, pad, y);
      cairo_line_to (cr, pad + w, y);
    }
  cairo_stroke (cr);

  if (isfinite (self->value))
    {
      static const double dash[] = { 4, 3 };
      double y = pad + h - h * self->value / PL_GRADEBOOK_SCALE;

      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_source_rgba (cr, 0.11, 0.44, 0.85, 0.9);
      cairo_move_to (cr, pad, y);
      cairo_line_to (cr, pad + w, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.9);
  cairo_set_line_width (cr, 2);
  for (guint i = 0; i < n; i++)
    {
      double x = pad + (n == 1 ? w / 2 : w * i / (n - 1));
      double y = pad + h - h * CLAMP (g_array_index (self->scores, double, i), 0, PL_GRADEBOOK_SCALE)
                 / PL_GRADEBOOK_SCALE;

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);
  for (guint i = 0; i < n; i++)
    {
      double x = pad + (n == 1 ? w / 2 : w * i / (n - 1));
      double y = pad + h - h * CLAMP (g_array_index (self->scores, double, i), 0, PL_GRADEBOOK_SCALE)
                 / PL_GRADEBOOK_SCALE;

      cairo_arc (cr, x, y, 3, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
}

static void
pl_trend_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 120 : 60;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 260 : 80;
}

static void
pl_trend_chart_finalize (GObject *object)
{
  PlTrendChart *self = PL_TREND_CHART (object);

  g_array_unref (self->scores);
  g_free (self->text);
  G_OBJECT_CLASS (pl_trend_chart_parent_class)->finalize (object);
}

static void
pl_trend_chart_class_init (PlTrendChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = pl_trend_chart_finalize;
  widget_class->snapshot = pl_trend_chart_snapshot;
  widget_class->measure = pl_trend_chart_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "trendchart");
}

static void
pl_trend_chart_init (PlTrendChart *self)
{
  self->scores = g_array_new (FALSE, FALSE, sizeof (double));
  self->value = NAN;
  self->text = g_strdup ("");
}

GtkWidget *
pl_trend_chart_new (void)
{
  return g_object_new (PL_TYPE_TREND_CHART, NULL);
}

void
pl_trend_chart_set_scores (PlTrendChart *self,
                           const double *scores,
                           const gint64 *dates,
                           gsize         n,
                           double        value)
{
  GString *text = g_string_new (NULL);

  g_return_if_fail (PL_IS_TREND_CHART (self));

  g_array_set_size (self->scores, 0);
  if (n > 0)
    g_array_append_vals (self->scores, scores, n);
  self->value = value;

  if (n == 0)
    g_string_append (text, _("No evidence yet."));
  else
    {
      g_string_append (text, _("Scores in the order they were assessed:"));
      for (gsize i = 0; i < n; i++)
        {
          g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (dates != NULL ? dates[i] : 0);
          g_autofree char *day = g_date_time_format (when, "%x");

          g_string_append_printf (text, i == 0 ? " %.1f (%s)" : ", %.1f (%s)", scores[i], day);
        }
      g_string_append_c (text, '.');
      if (n >= 2)
        {
          double change = scores[n - 1] - scores[0];

          g_string_append_c (text, ' ');
          if (change > 0.25)
            g_string_append (text, _("Trend: rising."));
          else if (change < -0.25)
            g_string_append (text, _("Trend: falling."));
          else
            g_string_append (text, _("Trend: steady."));
        }
    }
  g_free (self->text);
  self->text = g_string_free (text, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Trend of the scores"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->text,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
pl_trend_chart_get_text (PlTrendChart *self)
{
  g_return_val_if_fail (PL_IS_TREND_CHART (self), NULL);
  return self->text;
}
