/* pl-insights-page.c — the Insights view: metrics, attention, groups and
 * next options for the current class
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>

#include "core/pl-store-gradebook.h"
#include "core/pl-store-insights.h"
#include "pl-insights-item.h"
#include "pl-insights-page.h"
#include "pl-insights-report.h"
#include "pl-sparkline.h"

struct _PlInsightsPage
{
  AdwBin            parent_instance;

  PlContext        *context;
  PlClassroom      *classroom;
  PlInsightsReport *report;
  GCancellable     *computing;
  guint             refresh_id;
  gulong            changed_id;
  gulong            settings_id;

  GtkStack         *stack;
  AdwStatusPage    *empty_page;
  GtkLabel         *summary_label;
  GtkSpinner       *spinner;
  GtkFlowBox       *metrics_box;
  GtkListBox       *alerts_list;
  GtkListBox       *groups_list;
  GtkListBox       *suggestions_list;
  GtkSwitch        *mixed_switch;
  GtkSwitch        *overlap_switch;
  GtkWidget        *overlap_row;
  GtkWidget        *size_row;
  GtkSpinButton    *size_spin;
  GtkLabel         *complete_label;
};

G_DEFINE_FINAL_TYPE (PlInsightsPage, pl_insights_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CLASSROOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_toast (PlInsightsPage *self,
            AdwToast       *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* ---- rows ------------------------------------------------------------ */

static void
on_open_learner_clicked_cb (GtkButton *button,
                            gpointer   user_data)
{
  gtk_widget_activate_action (GTK_WIDGET (button), "win.show-learner", "s",
                              g_object_get_data (G_OBJECT (button), "learner-uuid"));
}

/* NAME, when given, tells a screen reader whose profile it opens. */
static GtkWidget *
open_learner_button (const char *learner_uuid,
                     const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("avatar-default-symbolic");
  g_autofree char *label = name != NULL ? g_strdup_printf (_("Open %s’s profile"), name)
                                        : g_strdup (_("Open the learner’s profile"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Open the Learner’s Profile"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), "learner-uuid", g_strdup (learner_uuid), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_open_learner_clicked_cb), NULL);
  return button;
}

static gboolean
record (PlInsightsPage *self,
        PlInsightsItem *item,
        const char     *kind,
        const char     *decision)
{
  g_autoptr(GError) error = NULL;

  if (!pl_store_record_decision (pl_context_get_store (self->context),
                                 pl_insights_item_get_learner_uuid (item), kind,
                                 pl_insights_item_get_option_uuid (item), decision,
                                 pl_insights_item_get_signature (item), &error))
    {
      show_toast (self, adw_toast_new_format (_("Not saved: %s"), error->message));
      return FALSE;
    }
  return TRUE;
}

static void
on_followed_up_clicked_cb (GtkButton      *button,
                           PlInsightsItem *item)
{
  PlInsightsPage *self = PL_INSIGHTS_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (button), PL_TYPE_INSIGHTS_PAGE));

  /* Off at once, so that a second click cannot record it again. */
  pl_insights_item_set_followed_up (item, TRUE);
  if (!record (self, item, "alert", "followed-up"))
    pl_insights_item_set_followed_up (item, FALSE);
}

static GtkWidget *
create_alert_row (gpointer data,
                  gpointer user_data)
{
  PlInsightsItem *item = data;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *done;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pl_insights_item_get_title (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), pl_insights_item_get_reason (item));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  done = gtk_button_new_with_mnemonic (_("_Followed Up"));
  gtk_widget_set_valign (done, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (done, _("Mark this alert as followed up"));
  g_object_bind_property (item, "followed-up", done, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_signal_connect_object (done, "clicked", G_CALLBACK (on_followed_up_clicked_cb), item, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), done);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open_learner_button (pl_insights_item_get_learner_uuid (item), NULL));
  return row;
}

/* A group opens on its members: each with the evidence behind the group
 * and a button to the learner. */
static GtkWidget *
create_group_row (gpointer data,
                  gpointer user_data)
{
  PlInsightsItem *item = data;
  GtkWidget *row = adw_expander_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pl_insights_item_get_title (item));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), pl_insights_item_get_reason (item));
  for (guint m = 0; m < pl_insights_item_get_n_members (item); m++)
    {
      GtkWidget *member = adw_action_row_new ();
      const char *name = pl_insights_item_get_member_name (item, m);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (member), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (member), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (member), pl_insights_item_get_member_detail (item, m));
      adw_action_row_add_suffix (ADW_ACTION_ROW (member),
                                 open_learner_button (pl_insights_item_get_member_uuid (item, m), name));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), member);
    }
  return row;
}

static void
on_accept_clicked_cb (GtkButton      *button,
                      PlInsightsItem *item)
{
  PlInsightsPage *self = PL_INSIGHTS_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (button), PL_TYPE_INSIGHTS_PAGE));

  if (pl_insights_item_get_decided (item))
    return;
  /* The buttons go off before anything is saved: a quick second click
   * finds them insensitive. */
  pl_insights_item_set_decided (item, TRUE);
  if (record (self, item, "option", "accepted"))
    show_toast (self, adw_toast_new (_("Pick added to the board")));
  else
    pl_insights_item_set_decided (item, FALSE);
}

static void
on_dismiss_clicked_cb (GtkButton      *button,
                       PlInsightsItem *item)
{
  PlInsightsPage *self = PL_INSIGHTS_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (button), PL_TYPE_INSIGHTS_PAGE));

  if (pl_insights_item_get_decided (item))
    return;
  pl_insights_item_set_decided (item, TRUE);
  if (record (self, item, "option", "dismissed"))
    show_toast (self, adw_toast_new (_("Suggestion dismissed")));
  else
    pl_insights_item_set_decided (item, FALSE);
}

static GtkWidget *
create_suggestion_row (gpointer data,
                       gpointer user_data)
{
  PlInsightsItem *item = data;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *accept, *dismiss;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pl_insights_item_get_title (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), pl_insights_item_get_reason (item));

  accept = gtk_button_new_from_icon_name ("object-select-symbolic");
  gtk_widget_set_valign (accept, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (accept, _("Accept: add this pick to the board"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (accept), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Accept the suggestion"), -1);
  g_signal_connect_object (accept, "clicked", G_CALLBACK (on_accept_clicked_cb), item, 0);
  g_object_bind_property (item, "decided", accept, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);

  dismiss = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_set_valign (dismiss, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (dismiss, "flat");
  gtk_widget_set_tooltip_text (dismiss, _("Dismiss"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dismiss), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Dismiss the suggestion"), -1);
  g_signal_connect_object (dismiss, "clicked", G_CALLBACK (on_dismiss_clicked_cb), item, 0);
  g_object_bind_property (item, "decided", dismiss, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), accept);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dismiss);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open_learner_button (pl_insights_item_get_learner_uuid (item), NULL));
  return row;
}

static GtkWidget *
placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  return label;
}

/* ---- metrics ---------------------------------------------------------- */

static GtkWidget *
metric_card (PlInsightsReport *report,
             PlMetric          m)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (pl_metric_title (m));
  GtkWidget *value;
  GtkWidget *spark = pl_sparkline_new ();
  double values[PL_INSIGHTS_WEEKS];
  double low, high;
  g_autofree char *current = NULL;
  g_autofree char *explanation = pl_insights_report_explain_metric (report, m);
  g_autofree char *card_label = NULL;
  g_autoptr(GString) alt = g_string_new (NULL);

  for (guint w = 0; w < PL_INSIGHTS_WEEKS; w++)
    {
      g_autofree char *v = pl_insights_report_format_metric (report, m, w);

      values[w] = pl_insights_report_get_metric (report, m, w);
      g_string_append_printf (alt, w == 0 ? "%s" : ", %s", v);
    }
  current = pl_insights_report_format_metric (report, m, PL_INSIGHTS_WEEKS - 1);
  value = gtk_label_new (current);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_top (title, 12);
  gtk_widget_set_margin_start (title, 12);
  gtk_widget_set_margin_end (title, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_widget_set_margin_start (value, 12);
  gtk_widget_set_margin_end (value, 12);
  gtk_widget_add_css_class (value, m == PL_METRIC_GROWTH ? "title-3" : "title-2");
  gtk_widget_set_margin_start (spark, 12);
  gtk_widget_set_margin_end (spark, 12);
  gtk_widget_set_margin_bottom (spark, 12);
  gtk_widget_set_size_request (spark, -1, 32);
  pl_insights_report_get_metric_range (report, m, &low, &high);
  pl_sparkline_set_range (PL_SPARKLINE (spark), low, high);
  {
    /* Translators: the text alternative of a chart: "Checked in this week over the last 6 weeks: 40 %, 55 %, …" */
    g_autofree char *description = g_strdup_printf (_("%s over the last %d weeks: %s"),
                                                     pl_metric_title (m), PL_INSIGHTS_WEEKS, alt->str);

    pl_sparkline_set_values (PL_SPARKLINE (spark), values, PL_INSIGHTS_WEEKS, description);
  }

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), spark);
  gtk_widget_set_tooltip_text (box, explanation);
  /* Translators: a metric card as a screen reader names it: "Mastery growth: 9 of 24 learners grew" */
  card_label = g_strdup_printf (_("%s: %s"), pl_metric_title (m), current);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, card_label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, explanation,
                                  -1);
  return box;
}

static void
bind_groups (PlInsightsPage *self)
{
  g_autoptr(GListModel) model = NULL;
  gboolean mixed = gtk_switch_get_active (self->mixed_switch);

  gtk_widget_set_visible (self->size_row, mixed);
  gtk_widget_set_visible (self->overlap_row, !mixed);
  if (self->report != NULL)
    model = mixed ? pl_insights_report_dup_mixed_groups (self->report,
                                                         (guint) gtk_spin_button_get_value_as_int (self->size_spin))
                  : g_object_ref (pl_insights_report_get_groups (self->report,
                                                                 !gtk_switch_get_active (self->overlap_switch)));
  gtk_list_box_bind_model (self->groups_list, model, create_group_row, NULL, NULL);
}

static void
show_report (PlInsightsPage   *self,
             PlInsightsReport *report)
{
  GtkWidget *child;
  guint n_alerts;
  g_autofree char *summary = NULL;

  g_set_object (&self->report, report);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->metrics_box))) != NULL)
    gtk_flow_box_remove (self->metrics_box, child);
  for (PlMetric m = 0; m < PL_N_METRICS; m++)
    gtk_flow_box_append (self->metrics_box, metric_card (report, m));

  gtk_list_box_bind_model (self->alerts_list, pl_insights_report_get_alerts (report),
                           create_alert_row, NULL, NULL);
  gtk_list_box_bind_model (self->suggestions_list, pl_insights_report_get_suggestions (report),
                           create_suggestion_row, NULL, NULL);
  bind_groups (self);

  if (pl_insights_report_get_n_complete (report) > 0)
    {
      guint n = pl_insights_report_get_n_complete (report);
      g_autofree char *complete = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u learner has made every pick the board asks for: another pick would break its rules, so nothing is suggested to them.",
                                                                "%u learners have made every pick the board asks for: another pick would break its rules, so nothing is suggested to them.",
                                                                n),
                                                   n);

      gtk_label_set_label (self->complete_label, complete);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->complete_label), pl_insights_report_get_n_complete (report) > 0);

  n_alerts = g_list_model_get_n_items (pl_insights_report_get_alerts (report));
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u learner — %s",
                                          "%u learners — %s",
                                          pl_insights_report_get_n_learners (report)),
                             pl_insights_report_get_n_learners (report),
                             n_alerts == 0 ? _("nobody needs attention") : _("this week at a glance"));
  gtk_label_set_label (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->stack,
                                    pl_insights_report_get_n_learners (report) > 0 ? "report" : "empty");
}

/* ---- computing ---------------------------------------------------------- */

static void
on_report_ready_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PlInsightsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlInsightsReport) report = pl_insights_report_compute_finish (result, &error);

  if (report == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_spinner_stop (self->spinner);
          g_clear_object (&self->computing);
          show_toast (self, adw_toast_new_format (_("Could not update the dashboard: %s"), error->message));
        }
      return;
    }
  gtk_spinner_stop (self->spinner);
  g_clear_object (&self->computing);
  show_report (self, report);
}

static const char * const weekdays[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"
};

/* The settings the dashboard depends on, read as the Check-ins view and
 * the Gradebook read them. */
static void
read_settings (GSettings          *settings,
               PlInsightsSettings *out,
               char              **out_method)
{
  g_autofree char *day = g_settings_get_string (settings, "checkin-day");
  g_autofree char *method = g_settings_get_string (settings, "default-mastery-method");

  pl_insights_settings_init (out);
  out->proficient = g_settings_get_double (settings, "proficient-level");
  for (guint i = 0; i < G_N_ELEMENTS (weekdays); i++)
    if (g_strcmp0 (day, weekdays[i]) == 0)
      out->checkin_weekday = i + 1;
  if (!pl_gradebook_method_is_known (method))
    {
      g_free (method);
      method = g_strdup ("decaying-average");
    }
  out->default_param = g_str_equal (method, "decaying-average")
                       ? g_settings_get_int (settings, "decaying-average-weight") : 0;
  *out_method = g_steal_pointer (&method);
  out->default_method = *out_method;
}

static void
compute (PlInsightsPage *self)
{
  PlInsightsSettings settings;
  g_autofree char *method = NULL;

  if (self->computing != NULL)
    g_cancellable_cancel (self->computing);
  g_clear_object (&self->computing);

  if (self->context == NULL || self->classroom == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Class Yet"));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  adw_status_page_set_title (self->empty_page, _("No Learners Yet"));

  read_settings (pl_context_get_settings (self->context), &settings, &method);
  self->computing = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  pl_insights_report_compute_async (pl_store_get_path (pl_context_get_store (self->context)),
                                    pl_record_get_uuid (PL_RECORD (self->classroom)),
                                    NULL, &settings,
                                    self->computing, on_report_ready_cb, g_object_ref (self));
}

static gboolean
refresh_timeout_cb (gpointer data)
{
  PlInsightsPage *self = data;

  self->refresh_id = 0;
  compute (self);
  return G_SOURCE_REMOVE;
}

/* Evidence, picks and check-ins arrive in bursts: recompute once they settle. */
static void
schedule_refresh (PlInsightsPage *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (400, refresh_timeout_cb, self);
}

static void
on_store_changed_cb (PlStore        *store,
                     const char     *table,
                     PlInsightsPage *self)
{
  schedule_refresh (self);
}

static void
on_settings_changed_cb (GSettings      *settings,
                        const char     *key,
                        PlInsightsPage *self)
{
  if (g_strcmp0 (key, "checkin-day") == 0 || g_strcmp0 (key, "proficient-level") == 0 ||
      g_strcmp0 (key, "default-mastery-method") == 0 || g_strcmp0 (key, "decaying-average-weight") == 0)
    schedule_refresh (self);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  compute (PL_INSIGHTS_PAGE (widget));
}

static void
on_groups_option_changed_cb (GObject        *object,
                             GParamSpec     *pspec,
                             PlInsightsPage *self)
{
  bind_groups (self);
}

/* ---- GObject ------------------------------------------------------------- */

static void
set_context (PlInsightsPage *self,
             PlContext      *context)
{
  if (self->context == context)
    return;
  if (self->context != NULL && self->changed_id != 0)
    g_signal_handler_disconnect (pl_context_get_store (self->context), self->changed_id);
  if (self->context != NULL && self->settings_id != 0)
    g_signal_handler_disconnect (pl_context_get_settings (self->context), self->settings_id);
  self->changed_id = self->settings_id = 0;
  g_set_object (&self->context, context);
  if (context != NULL)
    {
      self->changed_id = g_signal_connect (pl_context_get_store (context), "changed",
                                           G_CALLBACK (on_store_changed_cb), self);
      if (pl_context_get_settings (context) != NULL)
        self->settings_id = g_signal_connect (pl_context_get_settings (context), "changed",
                                              G_CALLBACK (on_settings_changed_cb), self);
    }
  schedule_refresh (self);
}

static void
pl_insights_page_dispose (GObject *object)
{
  PlInsightsPage *self = PL_INSIGHTS_PAGE (object);

  if (self->computing != NULL)
    g_cancellable_cancel (self->computing);
  g_clear_object (&self->computing);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  set_context (self, NULL);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  /* The stack is both AdwBin's child and a template child: let AdwBin drop
   * it first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_INSIGHTS_PAGE);
  g_clear_object (&self->classroom);
  g_clear_object (&self->report);

  G_OBJECT_CLASS (pl_insights_page_parent_class)->dispose (object);
}

static void
pl_insights_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlInsightsPage *self = PL_INSIGHTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_CLASSROOM:
      g_value_set_object (value, self->classroom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_insights_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PlInsightsPage *self = PL_INSIGHTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_CLASSROOM:
      if (g_set_object (&self->classroom, g_value_get_object (value)))
        {
          schedule_refresh (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_insights_page_class_init (PlInsightsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_insights_page_dispose;
  object_class->get_property = pl_insights_page_get_property;
  object_class->set_property = pl_insights_page_set_property;

  /* Set by the window once, right after the template builds the page. */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PL_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLASSROOM] =
    g_param_spec_object ("classroom", NULL, NULL, PL_TYPE_CLASSROOM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/PersonalLearn/insights/pl-insights-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PlInsightsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PlInsightsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PlInsightsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PlInsightsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PlInsightsPage, metrics_box);
  gtk_widget_class_bind_template_child (widget_class, PlInsightsPage, alerts_list);
  gtk_widget_class_bind_template_child (widget_class, PlInsightsPage, groups_list);
  gtk_widget_class_bind_template_child (widget_class, PlInsightsPage, suggestions_list);
  gtk_widget_class_bind_template_child (widget_class, PlInsightsPage, mixed_switch);
  gtk_widget_class_bind_template_child (widget_class, PlInsightsPage, overlap_switch);
  gtk_widget_class_bind_template_child (widget_class, PlInsightsPage, overlap_row);
  gtk_widget_class_bind_template_child (widget_class, PlInsightsPage, size_row);
  gtk_widget_class_bind_template_child (widget_class, PlInsightsPage, size_spin);
  gtk_widget_class_bind_template_child (widget_class, PlInsightsPage, complete_label);

  gtk_widget_class_install_action (widget_class, "insights.refresh", NULL, refresh_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "insights.refresh", NULL);
}

/* GTK 4.8 leaves a spin button's − and + unnamed: screen readers would
 * say "button". */
static void
name_spin_buttons (GtkSpinButton *spin)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (spin)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *icon = GTK_IS_BUTTON (child) ? gtk_button_get_icon_name (GTK_BUTTON (child)) : NULL;

      if (g_strcmp0 (icon, "value-decrease-symbolic") == 0)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Fewer learners per group"), -1);
      else if (g_strcmp0 (icon, "value-increase-symbolic") == 0)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("More learners per group"), -1);
    }
}

static void
pl_insights_page_init (PlInsightsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  name_spin_buttons (self->size_spin);
  gtk_list_box_set_placeholder (self->alerts_list, placeholder (_("Nobody needs attention right now.")));
  gtk_list_box_set_placeholder (self->groups_list, placeholder (_("No standard is shared by three or more learners who have not mastered it.")));
  gtk_list_box_set_placeholder (self->suggestions_list, placeholder (_("No suggestions: the class has no choice board yet, or no learner has a pick left to make.")));
  g_signal_connect_object (self->mixed_switch, "notify::active", G_CALLBACK (on_groups_option_changed_cb), self, 0);
  g_signal_connect_object (self->overlap_switch, "notify::active", G_CALLBACK (on_groups_option_changed_cb), self, 0);
  g_signal_connect_object (self->size_spin, "notify::value", G_CALLBACK (on_groups_option_changed_cb), self, 0);
}

PlInsightsReport *
pl_insights_page_get_report (PlInsightsPage *self)
{
  g_return_val_if_fail (PL_IS_INSIGHTS_PAGE (self), NULL);
  return self->report;
}
