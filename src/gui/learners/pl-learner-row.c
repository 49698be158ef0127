/* pl-learner-row.c — one learner in the Learners list
 *
 * The row draws its two lines of text, its icons and its completeness bar
 * itself instead of holding labels, images and a level bar: GTK 4.8's
 * list view keeps some two hundred rows and measures every one of them
 * when their text changes, which made each keystroke of a search cost
 * hundreds of text layouts. This row is always as tall as two lines of
 * its font, so showing another learner only redraws it, and only rows on
 * screen are drawn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "pl-learner-row.h"

#define MARGIN_X    12
#define MARGIN_Y    8
#define LINE_GAP    2
#define SPACING     12
#define ICON_SIZE   16
#define BAR_WIDTH   56
#define BAR_HEIGHT  6
/* Libadwaita's .caption and .dim-label. */
#define CAPTION_SCALE 0.82
#define DIM_ALPHA     0.55

struct _PlLearnerRow
{
  GtkWidget    parent_instance;

  PlListSlot  *slot;
  gulong       slot_handler;
  PlProfile   *profile;
  gint64       now_ms;

  char        *details;
  guint        filled;
  gboolean     accommodations;
  gboolean     stale;
  gboolean     archived;

  /* Built when first drawn, kept while the font stays the same. */
  PangoLayout *name_layout;
  PangoLayout *details_layout;
  gboolean     text_dirty;
};

G_DEFINE_FINAL_TYPE (PlLearnerRow, pl_learner_row, GTK_TYPE_WIDGET)

static void
forget_layouts (PlLearnerRow *self)
{
  g_clear_object (&self->name_layout);
  g_clear_object (&self->details_layout);
  self->text_dirty = TRUE;
}

static PangoFontDescription *
details_font (GtkWidget *widget)
{
  PangoFontDescription *font = pango_font_description_copy (
    pango_context_get_font_description (gtk_widget_get_pango_context (widget)));
  int size = pango_font_description_get_size (font);

  if (size > 0)
    {
      if (pango_font_description_get_size_is_absolute (font))
        pango_font_description_set_absolute_size (font, size * CAPTION_SCALE);
      else
        pango_font_description_set_size (font, (int) (size * CAPTION_SCALE));
    }
  return font;
}

static PangoFontDescription *
name_font (GtkWidget *widget)
{
  PangoFontDescription *font = pango_font_description_copy (
    pango_context_get_font_description (gtk_widget_get_pango_context (widget)));

  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  return font;
}

/* Every new row asks, with the same two fonts: remember the answers. */
typedef struct
{
  PangoFontDescription *font;
  PangoFontMap         *font_map;
  int                   height;
} LineHeight;

static int
line_height (GtkWidget                  *widget,
             const PangoFontDescription *font)
{
  static LineHeight cache[4];
  static guint next;
  PangoContext *context = gtk_widget_get_pango_context (widget);
  PangoFontMap *font_map = pango_context_get_font_map (context);
  PangoFontMetrics *metrics;
  LineHeight *slot;
  int height;

  for (guint i = 0; i < G_N_ELEMENTS (cache); i++)
    if (cache[i].font != NULL && cache[i].font_map == font_map &&
        pango_font_description_equal (cache[i].font, font))
      return cache[i].height;

  metrics = pango_context_get_metrics (context, font, NULL);
  height = pango_font_metrics_get_height (metrics);
  if (height <= 0)
    height = pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics);
  pango_font_metrics_unref (metrics);
  height = PANGO_PIXELS_CEIL (height);

  slot = &cache[next++ % G_N_ELEMENTS (cache)];
  g_clear_pointer (&slot->font, pango_font_description_free);
  slot->font = pango_font_description_copy (font);
  slot->font_map = font_map;
  slot->height = height;
  return height;
}

static void
ensure_layouts (PlLearnerRow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  if (self->name_layout == NULL)
    {
      g_autoptr(PangoFontDescription) nf = name_font (widget);
      g_autoptr(PangoFontDescription) df = details_font (widget);

      self->name_layout = gtk_widget_create_pango_layout (widget, NULL);
      pango_layout_set_font_description (self->name_layout, nf);
      pango_layout_set_ellipsize (self->name_layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->name_layout, TRUE);
      self->details_layout = gtk_widget_create_pango_layout (widget, NULL);
      pango_layout_set_font_description (self->details_layout, df);
      pango_layout_set_ellipsize (self->details_layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->details_layout, TRUE);
      self->text_dirty = TRUE;
    }
  if (self->text_dirty)
    {
      pango_layout_set_text (self->name_layout,
                             self->profile != NULL ? pl_profile_get_display_name (self->profile) : "", -1);
      pango_layout_set_text (self->details_layout, self->details != NULL ? self->details : "", -1);
      self->text_dirty = FALSE;
    }
}

/* ---- geometry ------------------------------------------------------ */

typedef struct
{
  graphene_rect_t text;
  graphene_rect_t accommodations;   /* empty when not shown */
  graphene_rect_t stale;
  graphene_rect_t bar;
  int             name_height;
} Geometry;

static void
flip (graphene_rect_t *r,
      int              width)
{
  r->origin.x = width - r->origin.x - r->size.width;
}

static void
compute_geometry (PlLearnerRow *self,
                  Geometry     *g)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(PangoFontDescription) nf = name_font (widget);
  float x = width - MARGIN_X - BAR_WIDTH;

  g->name_height = line_height (widget, nf);
  graphene_rect_init (&g->bar, x, (height - BAR_HEIGHT) / 2.f, BAR_WIDTH, BAR_HEIGHT);
  graphene_rect_init (&g->stale, 0, 0, 0, 0);
  graphene_rect_init (&g->accommodations, 0, 0, 0, 0);
  if (self->stale)
    {
      x -= SPACING + ICON_SIZE;
      graphene_rect_init (&g->stale, x, (height - ICON_SIZE) / 2.f, ICON_SIZE, ICON_SIZE);
    }
  if (self->accommodations)
    {
      x -= SPACING + ICON_SIZE;
      graphene_rect_init (&g->accommodations, x, (height - ICON_SIZE) / 2.f, ICON_SIZE, ICON_SIZE);
    }
  graphene_rect_init (&g->text, MARGIN_X, MARGIN_Y, MAX (0, x - SPACING - MARGIN_X), height - 2 * MARGIN_Y);

  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    {
      flip (&g->text, width);
      flip (&g->bar, width);
      flip (&g->stale, width);
      flip (&g->accommodations, width);
    }
}

/* ---- GtkWidget ----------------------------------------------------- */

static void
pl_learner_row_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      g_autoptr(PangoFontDescription) nf = name_font (widget);
      g_autoptr(PangoFontDescription) df = details_font (widget);

      *minimum = *natural = 2 * MARGIN_Y + line_height (widget, nf) + LINE_GAP + line_height (widget, df);
    }
  else
    {
      /* Names are ellipsized: the list decides the width. */
      *minimum = 2 * MARGIN_X + BAR_WIDTH + SPACING + 48;
      *natural = *minimum + 2 * (SPACING + ICON_SIZE) + 160;
    }
}

static void
snapshot_icon (GtkWidget             *widget,
               GtkSnapshot           *snapshot,
               const char            *icon_name,
               const graphene_rect_t *rect,
               const GdkRGBA         *color)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
  g_autoptr(GtkIconPaintable) icon = NULL;
  GdkRGBA colors[4] = { *color, *color, *color, *color };

  icon = gtk_icon_theme_lookup_icon (theme, icon_name, NULL, ICON_SIZE, gtk_widget_get_scale_factor (widget),
                                     gtk_widget_get_direction (widget), 0);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &rect->origin);
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                            ICON_SIZE, ICON_SIZE, colors, G_N_ELEMENTS (colors));
  gtk_snapshot_restore (snapshot);
}

static void
pl_learner_row_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  PlLearnerRow *self = PL_LEARNER_ROW (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  GdkRGBA fg, dim, trough, accent;
  GskRoundedRect rounded;
  graphene_rect_t fill;
  Geometry g;
  guint n_fields = pl_profile_n_counted_fields ();

  if (self->profile == NULL)
    return;

  compute_geometry (self, &g);
  ensure_layouts (self);
  gtk_style_context_get_color (style, &fg);
  dim = fg;
  dim.alpha *= DIM_ALPHA;
  trough = fg;
  trough.alpha *= 0.15;
  if (!gtk_style_context_lookup_color (style, "accent_bg_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");

  if (self->archived)
    gtk_snapshot_push_opacity (snapshot, DIM_ALPHA);

  pango_layout_set_width (self->name_layout, (int) g.text.size.width * PANGO_SCALE);
  pango_layout_set_width (self->details_layout, (int) g.text.size.width * PANGO_SCALE);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &g.text.origin);
  gtk_snapshot_append_layout (snapshot, self->name_layout, &fg);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, g.name_height + LINE_GAP));
  gtk_snapshot_append_layout (snapshot, self->details_layout, &dim);
  gtk_snapshot_restore (snapshot);

  if (self->accommodations)
    snapshot_icon (widget, snapshot, "emblem-important-symbolic", &g.accommodations, &fg);
  if (self->stale)
    snapshot_icon (widget, snapshot, "alarm-symbolic", &g.stale, &fg);

  gsk_rounded_rect_init_from_rect (&rounded, &g.bar, BAR_HEIGHT / 2.f);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, &trough, &g.bar);
  fill = g.bar;
  fill.size.width = g.bar.size.width * MIN (self->filled, n_fields) / n_fields;
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    fill.origin.x += g.bar.size.width - fill.size.width;
  gtk_snapshot_append_color (snapshot, &accent, &fill);
  gtk_snapshot_pop (snapshot);

  if (self->archived)
    gtk_snapshot_pop (snapshot);
}

static gboolean
contains (const graphene_rect_t *r,
          int                    x,
          int                    y)
{
  return r->size.width > 0 && graphene_rect_contains_point (r, &GRAPHENE_POINT_INIT (x, y));
}

static gboolean
pl_learner_row_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard,
                              GtkTooltip *tooltip)
{
  PlLearnerRow *self = PL_LEARNER_ROW (widget);
  Geometry g;

  if (self->profile == NULL || keyboard)
    return FALSE;
  compute_geometry (self, &g);
  if (contains (&g.accommodations, x, y))
    gtk_tooltip_set_text (tooltip, _("Has accommodations"));
  else if (contains (&g.stale, x, y))
    gtk_tooltip_set_text (tooltip, _("Not updated for six weeks"));
  else if (contains (&g.bar, x, y))
    {
      g_autofree char *text = NULL;

      /* Translators: profile completeness, e.g. "5 of 7 fields" */
      text = g_strdup_printf (_("%u of %u fields"), self->filled, pl_profile_n_counted_fields ());
      gtk_tooltip_set_text (tooltip, text);
    }
  else
    return FALSE;
  return TRUE;
}

static void
pl_learner_row_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  /* A new font (or size) needs new layouts; GTK measures again itself. */
  forget_layouts (PL_LEARNER_ROW (widget));
  GTK_WIDGET_CLASS (pl_learner_row_parent_class)->css_changed (widget, change);
}

static void
pl_learner_row_direction_changed (GtkWidget        *widget,
                                  GtkTextDirection  previous)
{
  forget_layouts (PL_LEARNER_ROW (widget));
  GTK_WIDGET_CLASS (pl_learner_row_parent_class)->direction_changed (widget, previous);
}

static void
pl_learner_row_dispose (GObject *object)
{
  PlLearnerRow *self = PL_LEARNER_ROW (object);

  pl_learner_row_set_slot (self, NULL, 0);
  pl_learner_row_set_profile (self, NULL, 0);
  forget_layouts (self);

  G_OBJECT_CLASS (pl_learner_row_parent_class)->dispose (object);
}

static void
pl_learner_row_class_init (PlLearnerRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pl_learner_row_dispose;
  widget_class->measure = pl_learner_row_measure;
  widget_class->snapshot = pl_learner_row_snapshot;
  widget_class->query_tooltip = pl_learner_row_query_tooltip;
  widget_class->css_changed = pl_learner_row_css_changed;
  widget_class->direction_changed = pl_learner_row_direction_changed;
  gtk_widget_class_set_css_name (widget_class, "pl-learner-row");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
pl_learner_row_init (PlLearnerRow *self)
{
  /* Asking for tooltips is cheap; setting a tooltip's text is not (it
   * asks the display where the pointer is). */
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  self->text_dirty = TRUE;
}

GtkWidget *
pl_learner_row_new (void)
{
  return g_object_new (PL_TYPE_LEARNER_ROW, NULL);
}

void
pl_learner_row_set_profile (PlLearnerRow *self,
                            PlProfile    *profile,
                            gint64        now_ms)
{
  g_autoptr(GString) details = NULL;
  g_autofree char *a11y = NULL;
  const char *interests;

  g_return_if_fail (PL_IS_LEARNER_ROW (self));
  g_return_if_fail (profile == NULL || PL_IS_PROFILE (profile));

  g_set_object (&self->profile, profile);
  self->now_ms = now_ms;
  g_clear_pointer (&self->details, g_free);
  self->text_dirty = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (profile == NULL)
    return;

  self->filled = pl_profile_get_n_filled (profile);
  self->archived = pl_profile_is_archived (profile);
  self->stale = pl_profile_is_stale (profile, now_ms);
  self->accommodations = pl_profile_has_accommodations (profile);

  details = g_string_new (NULL);
  /* Translators: profile completeness, e.g. "5 of 7 fields" */
  g_string_append_printf (details, _("%u of %u fields"), self->filled, pl_profile_n_counted_fields ());
  if (self->archived)
    g_string_append_printf (details, " · %s", _("archived"));
  if (self->stale)
    g_string_append_printf (details, " · %s", _("stale"));
  interests = pl_profile_get_value (profile, "interests");
  if (*interests != '\0')
    {
      /* The first line is enough for a row. */
      const char *eol = strchr (interests, '\n');

      g_string_append (details, " · ");
      g_string_append_len (details, interests, eol != NULL ? eol - interests : -1);
    }

  /* One sentence for screen readers instead of icons and a bar. */
  a11y = g_strdup_printf ("%s, %s%s", pl_profile_get_display_name (profile), details->str,
                          self->accommodations ? _(", has accommodations") : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  self->details = g_string_free (g_steal_pointer (&details), FALSE);
}

PlProfile *
pl_learner_row_get_profile (PlLearnerRow *self)
{
  g_return_val_if_fail (PL_IS_LEARNER_ROW (self), NULL);
  return self->profile;
}

static void
on_slot_item_cb (PlListSlot   *slot,
                 GParamSpec   *pspec,
                 PlLearnerRow *self)
{
  pl_learner_row_set_profile (self, pl_list_slot_get_item (slot), self->now_ms);
}

void
pl_learner_row_set_slot (PlLearnerRow *self,
                         PlListSlot   *slot,
                         gint64        now_ms)
{
  g_return_if_fail (PL_IS_LEARNER_ROW (self));
  g_return_if_fail (slot == NULL || PL_IS_LIST_SLOT (slot));

  if (self->slot != NULL)
    g_clear_signal_handler (&self->slot_handler, self->slot);
  g_set_object (&self->slot, slot);
  if (slot != NULL)
    self->slot_handler = g_signal_connect (slot, "notify::item", G_CALLBACK (on_slot_item_cb), self);
  pl_learner_row_set_profile (self, slot != NULL ? pl_list_slot_get_item (slot) : NULL, now_ms);
}
