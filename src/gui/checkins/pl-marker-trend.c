/* pl-marker-trend.c — a learner's self-regulation markers, week by week
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "core/pl-store-goals.h"
#include "pl-marker-trend.h"

#define CELL 18.0      /* one week's column */
#define DOT 10.0
#define GAP 12.0       /* between the labels and the dots */

struct _PlMarkerTrend
{
  GtkWidget  parent_instance;

  GArray    *weeks;    /* PlMarkerWeek, oldest first */
  char      *text;
};

G_DEFINE_FINAL_TYPE (PlMarkerTrend, pl_marker_trend, GTK_TYPE_WIDGET)

static void
label_size (GtkWidget *widget,
            int       *width,
            int       *height)
{
  *width = *height = 0;
  for (PlMarker m = 0; m < PL_N_MARKERS; m++)
    {
      PangoLayout *layout = gtk_widget_create_pango_layout (widget, pl_marker_label (m));
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      *width = MAX (*width, w);
      *height = MAX (*height, h);
      g_object_unref (layout);
    }
}

static void
pl_marker_trend_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  PlMarkerTrend *self = PL_MARKER_TREND (widget);
  int label_w, label_h;

  label_size (widget, &label_w, &label_h);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = label_w + (int) (GAP + CELL * MAX (self->weeks->len, 1));
  else
    *minimum = *natural = PL_N_MARKERS * (int) MAX (CELL, label_h + 4);
}

static void
pl_marker_trend_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  PlMarkerTrend *self = PL_MARKER_TREND (widget);
  GdkRGBA fg, faint;
  int label_w, label_h;
  double row_h;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  faint = fg;
  faint.alpha *= 0.35f;
  label_size (widget, &label_w, &label_h);
  row_h = MAX (CELL, label_h + 4);

  for (PlMarker m = 0; m < PL_N_MARKERS; m++)
    {
      PangoLayout *layout = gtk_widget_create_pango_layout (widget, pl_marker_label (m));
      double y = m * row_h;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, (float) (y + (row_h - label_h) / 2)));
      gtk_snapshot_append_layout (snapshot, layout, &fg);
      gtk_snapshot_restore (snapshot);
      g_object_unref (layout);

      for (guint i = 0; i < self->weeks->len; i++)
        {
          gboolean ticked = (g_array_index (self->weeks, PlMarkerWeek, i).markers >> m) & 1;
          GskRoundedRect dot;
          graphene_rect_t box = GRAPHENE_RECT_INIT ((float) (label_w + GAP + i * CELL + (CELL - DOT) / 2),
                                                    (float) (y + (row_h - DOT) / 2), DOT, DOT);

          gsk_rounded_rect_init_from_rect (&dot, &box, DOT / 2);
          if (ticked)
            {
              gtk_snapshot_push_rounded_clip (snapshot, &dot);
              gtk_snapshot_append_color (snapshot, &fg, &box);
              gtk_snapshot_pop (snapshot);
            }
          else
            {
              const float widths[4] = { 1.5f, 1.5f, 1.5f, 1.5f };
              const GdkRGBA colors[4] = { faint, faint, faint, faint };

              gtk_snapshot_append_border (snapshot, &dot, widths, colors);
            }
        }
    }
}

static void
pl_marker_trend_finalize (GObject *object)
{
  PlMarkerTrend *self = PL_MARKER_TREND (object);

  g_array_unref (self->weeks);
  g_free (self->text);

  G_OBJECT_CLASS (pl_marker_trend_parent_class)->finalize (object);
}

static void
pl_marker_trend_class_init (PlMarkerTrendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pl_marker_trend_finalize;
  widget_class->measure = pl_marker_trend_measure;
  widget_class->snapshot = pl_marker_trend_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pl_marker_trend_init (PlMarkerTrend *self)
{
  self->weeks = g_array_new (FALSE, TRUE, sizeof (PlMarkerWeek));
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Self-regulation week by week"), -1);
}

GtkWidget *
pl_marker_trend_new (void)
{
  return g_object_new (PL_TYPE_MARKER_TREND, NULL);
}

void
pl_marker_trend_set_weeks (PlMarkerTrend *self,
                           GArray        *weeks)
{
  g_return_if_fail (PL_IS_MARKER_TREND (self));
  g_return_if_fail (weeks != NULL);

  g_array_set_size (self->weeks, 0);
  g_array_append_vals (self->weeks, weeks->data, weeks->len);
  g_free (self->text);
  self->text = pl_marker_weeks_describe (weeks);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->text, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->text);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const char *
pl_marker_trend_get_text (PlMarkerTrend *self)
{
  g_return_val_if_fail (PL_IS_MARKER_TREND (self), NULL);
  return self->text;
}
