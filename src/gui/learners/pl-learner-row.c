/* pl-learner-row.c — one learner in the Learners list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "pl-learner-row.h"

struct _PlLearnerRow
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkLabel  *name;
  GtkLabel  *details;
  GtkLevelBar *completeness;
  GtkImage  *accommodations;
  GtkImage  *stale;
};

G_DEFINE_FINAL_TYPE (PlLearnerRow, pl_learner_row, GTK_TYPE_WIDGET)

static void
pl_learner_row_dispose (GObject *object)
{
  PlLearnerRow *self = PL_LEARNER_ROW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (pl_learner_row_parent_class)->dispose (object);
}

static void
pl_learner_row_class_init (PlLearnerRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pl_learner_row_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pl-learner-row");
}

static void
pl_learner_row_init (PlLearnerRow *self)
{
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  gtk_widget_set_margin_top (self->box, 8);
  gtk_widget_set_margin_bottom (self->box, 8);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->name = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->name, 0);
  gtk_label_set_ellipsize (self->name, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->name), "heading");
  self->details = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->details, 0);
  gtk_label_set_ellipsize (self->details, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->details), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->details), "caption");
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->name));
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->details));
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (self->box), text);

  self->accommodations = GTK_IMAGE (gtk_image_new_from_icon_name ("emblem-important-symbolic"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->accommodations), _("Has accommodations"));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->accommodations));
  self->stale = GTK_IMAGE (gtk_image_new_from_icon_name ("alarm-symbolic"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->stale), _("Not updated for six weeks"));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stale));

  self->completeness = GTK_LEVEL_BAR (gtk_level_bar_new_for_interval (0, pl_profile_n_counted_fields ()));
  gtk_level_bar_set_mode (self->completeness, GTK_LEVEL_BAR_MODE_DISCRETE);
  gtk_widget_set_size_request (GTK_WIDGET (self->completeness), 56, -1);
  gtk_widget_set_valign (GTK_WIDGET (self->completeness), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->completeness));
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
  guint filled;

  g_return_if_fail (PL_IS_LEARNER_ROW (self));

  if (profile == NULL)
    {
      gtk_label_set_label (self->name, "");
      gtk_label_set_label (self->details, "");
      return;
    }

  filled = pl_profile_get_n_filled (profile);
  details = g_string_new (NULL);
  /* Translators: profile completeness, e.g. "5 of 7 fields" */
  g_string_append_printf (details, _("%u of %u fields"), filled, pl_profile_n_counted_fields ());
  if (pl_profile_is_archived (profile))
    g_string_append_printf (details, " · %s", _("archived"));
  if (pl_profile_is_stale (profile, now_ms))
    g_string_append_printf (details, " · %s", _("stale"));
  if (*pl_profile_get_value (profile, "interests") != '\0')
    g_string_append_printf (details, " · %s", pl_profile_get_value (profile, "interests"));

  gtk_label_set_label (self->name, pl_profile_get_display_name (profile));
  gtk_label_set_label (self->details, details->str);
  gtk_level_bar_set_value (self->completeness, filled);
  gtk_widget_set_visible (GTK_WIDGET (self->accommodations), pl_profile_has_accommodations (profile));
  gtk_widget_set_visible (GTK_WIDGET (self->stale), pl_profile_is_stale (profile, now_ms));
  gtk_widget_set_opacity (GTK_WIDGET (self->box), pl_profile_is_archived (profile) ? 0.55 : 1.0);

  /* One sentence for screen readers instead of icons and a bar. */
  a11y = g_strdup_printf ("%s, %s%s", pl_profile_get_display_name (profile), details->str,
                          pl_profile_has_accommodations (profile) ? _(", has accommodations") : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->completeness),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Profile completeness"), -1);
}
