/* pl-checkins-page-history.c — the Check-ins view's history: the
 * learner's check-ins, newest first, and their self-regulation markers
 * week by week
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "core/pl-store-goals.h"
#include "pl-checkins-page-private.h"
#include "pl-marker-trend.h"

/* The trend of the markers: one row of dots per marker, a dot per week. */
static GtkWidget *
trend_row (GArray *weeks)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (_("Self-regulation over time"));
  GtkWidget *hint = gtk_label_new (_("A dot per check-in week, oldest on the left; filled where you ticked it."));
  GtkWidget *trend = pl_marker_trend_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  pl_marker_trend_set_weeks (PL_MARKER_TREND (trend), weeks);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), hint);
  gtk_box_append (GTK_BOX (box), trend);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static GtkWidget *
checkin_row (PlRecord *c)
{
  GtkWidget *row = adw_action_row_new ();
  const char *next = pl_record_get_string (c, "next-step");
  const char *worked = pl_record_get_string (c, "worked");
  const char *reflection = pl_record_get_string (c, "reflection");
  g_autofree char *seen = pl_markers_describe (pl_record_get_string (c, "markers"));
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *title = NULL;

  if (pl_record_get_int (c, "progress") > 0)
    title = g_strdup_printf (_("Week of %s · progress %d of 4%s"), pl_record_get_string (c, "week-of"),
                             (int) pl_record_get_int (c, "progress"),
                             pl_record_get_boolean (c, "by-learner") ? _(" · by the learner") : "");
  else
    title = g_strdup_printf (_("Week of %s%s"), pl_record_get_string (c, "week-of"),
                             pl_record_get_boolean (c, "by-learner") ? _(" · by the learner") : "");
  if (next != NULL)
    g_string_append_printf (subtitle, _("Next step: %s"), next);
  else if (worked != NULL)
    g_string_append_printf (subtitle, _("What worked: %s"), worked);
  if (reflection != NULL && reflection[0] != '\0')
    {
      g_string_append (subtitle, subtitle->len > 0 ? "\n" : "");
      g_string_append_printf (subtitle, _("Reflection: %s"), reflection);
    }
  g_string_append (subtitle, subtitle->len > 0 ? "\n" : "");
  if (seen != NULL)
    g_string_append_printf (subtitle, _("Seen: %s"), seen);
  else
    g_string_append (subtitle, _("No self-regulation marker ticked"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  return row;
}

void
_pl_checkins_page_fill_history (PlCheckinsPage *self)
{
  g_autoptr(GListModel) list = pl_store_list_checkins (_pl_checkins_page_store (self), self->learner, NULL);
  g_autoptr(GArray) weeks = pl_store_marker_weeks (_pl_checkins_page_store (self), self->learner, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);

  if (weeks != NULL && weeks->len > 0)
    gtk_list_box_append (self->history_list, trend_row (weeks));
  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PlRecord) c = g_list_model_get_item (list, i);

      gtk_list_box_append (self->history_list, checkin_row (c));
    }
  if (list == NULL || g_list_model_get_n_items (list) == 0)
    {
      GtkWidget *none = gtk_label_new (_("No check-in yet: the first one is this week’s, above."));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_widget_set_margin_top (none, 12);
      gtk_widget_set_margin_bottom (none, 12);
      gtk_list_box_append (self->history_list, none);
    }
}
