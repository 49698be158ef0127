/* pl-unit-summary.c — a unit at a glance: title, dates, big idea, goals
 * and standards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "core/pl-store-units.h"
#include "pl-unit-summary.h"

struct _PlUnitSummary
{
  AdwBin          parent_instance;

  GtkLabel       *title_label;
  GtkLabel       *dates_label;
  GtkLabel       *idea_label;
  AdwExpanderRow *goals_row;
  AdwExpanderRow *standards_row;
  GPtrArray      *rows;       /* the rows inside the two expanders */
};

G_DEFINE_FINAL_TYPE (PlUnitSummary, pl_unit_summary, ADW_TYPE_BIN)

static GDateTime *
noon_of (const char *day)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *iso = NULL;

  if (!pl_unit_date_is_valid (day))
    return NULL;
  zone = g_time_zone_new_local ();
  iso = g_strconcat (day, "T12:00:00", NULL);
  return g_date_time_new_from_iso8601 (iso, zone);
}

char *
pl_unit_summary_format_dates (const char *starts_on,
                              const char *ends_on)
{
  g_autoptr(GDateTime) starts = noon_of (starts_on);
  g_autoptr(GDateTime) ends = noon_of (ends_on);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gint64 days;
  guint weeks;

  if (starts == NULL || ends == NULL)
    return NULL;
  /* TRANSLATORS: a day of a unit, in g_date_time_format() notation */
  from = g_date_time_format (starts, _("%-d %B %Y"));
  to = g_date_time_format (ends, _("%-d %B %Y"));
  days = g_date_time_difference (ends, starts) / G_TIME_SPAN_DAY + 1;
  weeks = (guint) MAX ((days + 6) / 7, 1);
  /* TRANSLATORS: first day – last day · number of weeks */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s – %s · %u week", "%s – %s · %u weeks", weeks),
                          from, to, weeks);
}

static void
clear_rows (PlUnitSummary *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = self->rows->pdata[i];
      GtkWidget *expander = gtk_widget_get_ancestor (row, ADW_TYPE_EXPANDER_ROW);

      if (expander != NULL)
        adw_expander_row_remove (ADW_EXPANDER_ROW (expander), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_line (PlUnitSummary  *self,
          AdwExpanderRow *expander,
          const char     *title,
          const char     *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  adw_expander_row_add_row (expander, row);
  g_ptr_array_add (self->rows, row);
}

void
pl_unit_summary_set_unit (PlUnitSummary *self,
                          PlStore       *store,
                          PlUnit        *unit)
{
  g_auto(GStrv) goals = NULL;
  g_autoptr(GListModel) standards = NULL;
  g_autoptr(GString) codes = g_string_new (NULL);
  g_autofree char *dates = NULL;
  g_autofree char *goals_text = NULL;
  const char *idea;
  guint n;

  g_return_if_fail (PL_IS_UNIT_SUMMARY (self));
  g_return_if_fail (unit == NULL || PL_IS_STORE (store));

  clear_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self), unit != NULL);
  if (unit == NULL)
    return;

  gtk_label_set_label (self->title_label, pl_record_get_string (PL_RECORD (unit), "title"));
  dates = pl_unit_summary_format_dates (pl_record_get_string (PL_RECORD (unit), "starts-on"),
                                        pl_record_get_string (PL_RECORD (unit), "ends-on"));
  gtk_label_set_label (self->dates_label, dates != NULL ? dates : _("No dates yet"));
  idea = pl_record_get_string (PL_RECORD (unit), "big-idea");
  gtk_label_set_label (self->idea_label, idea != NULL ? idea : "");
  gtk_widget_set_visible (GTK_WIDGET (self->idea_label), idea != NULL && idea[0] != '\0');

  goals = pl_unit_get_goals (unit);
  n = g_strv_length (goals);
  for (guint i = 0; i < n; i++)
    add_line (self, self->goals_row, goals[i], NULL);
  goals_text = n == 0 ? g_strdup (_("None yet: add three to five with Edit Unit…"))
                      : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u goal", "%u goals", n), n);
  adw_expander_row_set_subtitle (self->goals_row, goals_text);
  adw_expander_row_set_enable_expansion (self->goals_row, n > 0);

  standards = pl_store_list_unit_standards (store, pl_record_get_uuid (PL_RECORD (unit)), NULL);
  n = standards != NULL ? g_list_model_get_n_items (standards) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) s = g_list_model_get_item (standards, i);

      add_line (self, self->standards_row, pl_record_get_string (s, "code"), pl_record_get_string (s, "statement"));
      g_string_append_printf (codes, "%s%s", i > 0 ? ", " : "", pl_record_get_string (s, "code"));
    }
  adw_expander_row_set_subtitle (self->standards_row,
                                 n > 0 ? codes->str : _("None yet: choose them with Edit Unit…"));
  adw_expander_row_set_enable_expansion (self->standards_row, n > 0);
}

static void
pl_unit_summary_dispose (GObject *object)
{
  PlUnitSummary *self = PL_UNIT_SUMMARY (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (pl_unit_summary_parent_class)->dispose (object);
}

static void
pl_unit_summary_class_init (PlUnitSummaryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pl_unit_summary_dispose;
}

static GtkWidget *
wrapped_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
pl_unit_summary_init (PlUnitSummary *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list = gtk_list_box_new ();

  self->rows = g_ptr_array_new ();
  self->title_label = GTK_LABEL (wrapped_label ("title-2"));
  self->dates_label = GTK_LABEL (wrapped_label ("dim-label"));
  self->idea_label = GTK_LABEL (wrapped_label (NULL));
  gtk_widget_set_margin_top (GTK_WIDGET (self->idea_label), 6);
  gtk_widget_set_margin_bottom (list, 0);
  gtk_widget_set_margin_top (list, 6);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Goals and standards of the unit"), -1);
  self->goals_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->goals_row), "unit-goals");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->goals_row), _("Goals"));
  self->standards_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->standards_row), "unit-standards");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->standards_row), _("Standards"));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->goals_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->standards_row));

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->dates_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->idea_label));
  gtk_box_append (GTK_BOX (box), list);
  adw_bin_set_child (ADW_BIN (self), box);
}
