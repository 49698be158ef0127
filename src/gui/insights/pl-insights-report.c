/* pl-insights-report.c — the dashboard of one class
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>

#include "engine/pl-alerts.h"
#include "engine/pl-bkt.h"
#include "engine/pl-grouping.h"
#include "engine/pl-mastery.h"
#include "engine/pl-recommender.h"
#include "core/pl-store-insights.h"
#include "pl-insights-item.h"
#include "pl-insights-report.h"

struct _PlInsightsReport
{
  GObject     parent_instance;

  double      metrics[PL_N_METRICS][PL_INSIGHTS_WEEKS];
  guint       n_learners;
  GListStore *alerts;
  GListStore *groups;
  GListStore *mixed_groups;
  GListStore *suggestions;
};

G_DEFINE_FINAL_TYPE (PlInsightsReport, pl_insights_report, G_TYPE_OBJECT)

static const char *alert_ids[PL_N_ALERT_KINDS] = {
  "no-checkin", "stalled", "mastery-dropped", "behind-milestone", "gaming", "stale-profile",
};

const char *
pl_metric_title (PlMetric m)
{
  switch (m)
    {
    case PL_METRIC_MILESTONES: return _("Milestones done");
    case PL_METRIC_CHECKINS: return _("Checked in this week");
    case PL_METRIC_GROWTH: return _("Mastery growth");
    case PL_METRIC_ATTENTION: return _("Need attention");
    case PL_METRIC_PROFILES: return _("Profile completeness");
    case PL_METRIC_ENGAGEMENT: return _("Choice engagement");
    case PL_METRIC_FOLLOW_UP: return _("Alerts followed up");
    case PL_N_METRICS:
    default: break;
    }
  g_return_val_if_reached ("");
}

const char *
pl_metric_definition (PlMetric m)
{
  switch (m)
    {
    case PL_METRIC_MILESTONES:
      return _("Of the milestones due so far, the share each learner has finished, over the whole class.");
    case PL_METRIC_CHECKINS:
      return _("Learners with a goal check-in in the last seven days.");
    case PL_METRIC_GROWTH:
      return _("For each learner and standard with two or more scores, the latest score minus the first, averaged over the class (in rubric levels).");
    case PL_METRIC_ATTENTION:
      return _("Learners with at least one alert: no check-in for two weeks, stalled, a drop in mastery, behind a milestone, rushing through tasks, or a stale profile.");
    case PL_METRIC_PROFILES:
      return _("The share of profile fields filled in, averaged over the class: the data behind suggestions.");
    case PL_METRIC_ENGAGEMENT:
      return _("Board picks submitted or assessed, out of all picks made.");
    case PL_METRIC_FOLLOW_UP:
      return _("Alerts the teacher has marked as followed up, out of the alerts standing.");
    case PL_N_METRICS:
    default:
      break;
    }
  g_return_val_if_reached ("");
}

char *
pl_metric_format_value (PlMetric m,
                        double   value)
{
  if (isnan (value))
    return g_strdup ("—");
  switch (m)
    {
    case PL_METRIC_GROWTH:
      /* Translators: a change in rubric levels, e.g. "+0.8 levels" */
      return g_strdup_printf (_("%+.1f levels"), value);
    case PL_METRIC_ATTENTION:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d learner", "%d learners", (gulong) value),
                              (int) value);
    case PL_METRIC_MILESTONES:
    case PL_METRIC_CHECKINS:
    case PL_METRIC_PROFILES:
    case PL_METRIC_ENGAGEMENT:
    case PL_METRIC_FOLLOW_UP:
      /* Translators: a percentage */
      return g_strdup_printf (_("%.0f %%"), 100.0 * value);
    case PL_N_METRICS:
    default:
      break;
    }
  g_return_val_if_reached (NULL);
}

static void
pl_insights_report_finalize (GObject *object)
{
  PlInsightsReport *self = PL_INSIGHTS_REPORT (object);

  g_clear_object (&self->alerts);
  g_clear_object (&self->groups);
  g_clear_object (&self->mixed_groups);
  g_clear_object (&self->suggestions);

  G_OBJECT_CLASS (pl_insights_report_parent_class)->finalize (object);
}

static void
pl_insights_report_class_init (PlInsightsReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pl_insights_report_finalize;
}

static void
pl_insights_report_init (PlInsightsReport *self)
{
  self->alerts = g_list_store_new (PL_TYPE_INSIGHTS_ITEM);
  self->groups = g_list_store_new (PL_TYPE_INSIGHTS_ITEM);
  self->mixed_groups = g_list_store_new (PL_TYPE_INSIGHTS_ITEM);
  self->suggestions = g_list_store_new (PL_TYPE_INSIGHTS_ITEM);
}

/* ---- engine over a snapshot ------------------------------------------- */

/* BKT mastery after each series: per standard, parameters fitted on the
 * class's own evidence (success = a score at or above proficient). */
static double *
series_mastery (const PlClassSnapshot *s)
{
  double *mastery = g_new0 (double, MAX (s->n_series, 1));
  g_autofree guint32 *skill_offsets = g_new0 (guint32, s->n_standards + 1);
  g_autofree guint32 *seq_offsets = NULL;
  g_autofree guint8 *correct = NULL;
  g_autofree guint *order = g_new0 (guint, MAX (s->n_series, 1));
  g_autofree PlBktParams *params = g_new0 (PlBktParams, MAX (s->n_standards, 1));
  g_autofree float *out = NULL;
  PlBktObservations obs;
  PlBktFitOptions options;
  guint k = 0, pos = 0;

  /* Series grouped by standard, as the BKT layout wants. */
  for (guint st = 0; st < s->n_standards; st++)
    {
      skill_offsets[st] = k;
      for (guint i = 0; i < s->n_series; i++)
        if (s->series_standard[i] == st)
          order[k++] = i;
    }
  skill_offsets[s->n_standards] = k;
  seq_offsets = g_new0 (guint32, k + 1);
  correct = g_new0 (guint8, MAX (s->offsets[s->n_series], 1));
  for (guint j = 0; j < k; j++)
    {
      guint i = order[j];

      seq_offsets[j] = pos;
      for (guint n = s->offsets[i]; n < s->offsets[i + 1]; n++)
        correct[pos++] = s->scores[n] >= s->proficient;
    }
  seq_offsets[k] = pos;

  obs.n_skills = s->n_standards;
  obs.skill_offsets = skill_offsets;
  obs.seq_offsets = seq_offsets;
  obs.correct = correct;
  pl_bkt_fit_options_init (&options);
  options.restarts = 3;
  options.seed = 1;
  if (!pl_bkt_fit (&obs, &options, params, NULL, NULL))
    for (guint st = 0; st < s->n_standards; st++)
      pl_bkt_params_init_default (&params[st]);

  out = g_new0 (float, MAX (k, 1));
  pl_bkt_mastery (&obs, params, out);
  for (guint j = 0; j < k; j++)
    mastery[order[j]] = out[j];
  return mastery;
}

/* The current level per learner × standard, with the decaying average
 * (the usual standards-based default). */
static double *
current_levels (const PlClassSnapshot *s)
{
  double *levels = g_new (double, MAX ((gsize) s->n_learners * s->n_standards, 1));
  PlMasterySpec spec;

  pl_mastery_spec_init_default (&spec, PL_MASTERY_DECAYING_AVERAGE);
  for (gsize i = 0; i < (gsize) s->n_learners * s->n_standards; i++)
    levels[i] = NAN;
  for (guint i = 0; i < s->n_series; i++)
    {
      double v;

      if (pl_mastery_rollup (&spec, s->scores + s->offsets[i], s->offsets[i + 1] - s->offsets[i], &v))
        levels[(gsize) s->series_learner[i] * s->n_standards + s->series_standard[i]] = v;
    }
  return levels;
}

static GArray *
compute_alerts (const PlClassSnapshot *s,
                const double          *mastery)
{
  PlAlertRules rules;
  PlAlertInput in = {
    .n_learners = s->n_learners,
    .n_standards = s->n_standards,
    .proficient = s->proficient,
    .n_series = s->n_series,
    .series_learner = s->series_learner,
    .series_standard = s->series_standard,
    .offsets = s->offsets,
    .scores = s->scores,
    .series_mastery = mastery,
    .mastery_threshold = 0.95,
    .days_since_checkin = s->days_since_checkin,
    .days_since_profile_update = s->days_since_profile_update,
    .milestones_overdue = s->milestones_overdue,
    .recent_completions = s->recent_completions,
    .recent_fast_low = s->recent_fast_low,
  };

  pl_alert_rules_init_default (&rules);
  return pl_alerts_compute (&in, &rules);
}

static void
compute_metrics (PlInsightsReport      *self,
                 const PlClassSnapshot *s,
                 GArray                *alerts,
                 guint                  week)
{
  double checked = 0, growth = 0, profiles = 0;
  guint growth_n = 0, followed = 0;
  g_autofree gboolean *flagged = g_new0 (gboolean, MAX (s->n_learners, 1));
  guint n_flagged = 0;

  for (guint l = 0; l < s->n_learners; l++)
    {
      checked += s->checked_in_this_week[l] ? 1 : 0;
      profiles += s->profile_completeness[l];
    }
  for (guint i = 0; i < s->n_series; i++)
    if (s->offsets[i + 1] - s->offsets[i] >= 2)
      {
        growth += s->scores[s->offsets[i + 1] - 1] - s->scores[s->offsets[i]];
        growth_n++;
      }
  for (guint i = 0; i < alerts->len; i++)
    {
      PlAlert *a = &g_array_index (alerts, PlAlert, i);
      g_autofree char *key = pl_store_alert_key (s->learner_uuids[a->learner], alert_ids[a->kind]);

      if (!flagged[a->learner])
        n_flagged++;
      flagged[a->learner] = TRUE;
      followed += g_hash_table_contains (s->followed_up, key) ? 1 : 0;
    }

  self->metrics[PL_METRIC_MILESTONES][week] = s->milestones_due > 0 ? (double) s->milestones_done / s->milestones_due : NAN;
  self->metrics[PL_METRIC_CHECKINS][week] = s->n_learners > 0 ? checked / s->n_learners : NAN;
  self->metrics[PL_METRIC_GROWTH][week] = growth_n > 0 ? growth / growth_n : NAN;
  self->metrics[PL_METRIC_ATTENTION][week] = s->n_learners > 0 ? n_flagged : NAN;
  self->metrics[PL_METRIC_PROFILES][week] = s->n_learners > 0 ? profiles / s->n_learners : NAN;
  self->metrics[PL_METRIC_ENGAGEMENT][week] = s->picks_chosen > 0 ? (double) s->picks_finished / s->picks_chosen : NAN;
  self->metrics[PL_METRIC_FOLLOW_UP][week] = alerts->len > 0 ? (double) followed / alerts->len : NAN;
}

static void
fill_alerts (PlInsightsReport      *self,
             const PlClassSnapshot *s,
             GArray                *alerts)
{
  for (guint i = 0; i < alerts->len; i++)
    {
      PlAlert *a = &g_array_index (alerts, PlAlert, i);
      const char *code = a->standard >= 0 ? s->standard_codes[a->standard] : NULL;
      g_autofree char *reason = pl_alert_describe (a, code);
      g_autofree char *title = g_strdup_printf ("%s — %s", s->learner_names[a->learner],
                                                pl_alert_kind_title (a->kind));
      g_autofree char *key = pl_store_alert_key (s->learner_uuids[a->learner], alert_ids[a->kind]);
      g_autoptr(PlInsightsItem) item = pl_insights_item_new (PL_INSIGHTS_ITEM_ALERT, title, reason);

      pl_insights_item_set_learner_uuid (item, s->learner_uuids[a->learner]);
      pl_insights_item_set_suggestion (item, NULL, key);
      pl_insights_item_set_followed_up (item, g_hash_table_contains (s->followed_up, key));
      g_list_store_append (self->alerts, item);
    }
}

static char *
member_names (const PlClassSnapshot *s,
              const PlGroup         *g)
{
  GString *names = g_string_new (NULL);

  for (guint m = 0; m < g->n_members; m++)
    {
      if (m > 0)
        g_string_append (names, ", ");
      g_string_append (names, s->learner_names[g->members[m]]);
    }
  return g_string_free (names, FALSE);
}

static void
fill_groups (PlInsightsReport      *self,
             const PlClassSnapshot *s,
             const double          *levels)
{
  g_autoptr(GArray) need = pl_grouping_by_need (s->n_learners, s->n_standards, levels,
                                                s->proficient, 3, 6);
  g_autofree double *overall = g_new (double, MAX (s->n_learners, 1));
  g_autoptr(GArray) mixed = NULL;

  for (guint i = 0; i < need->len; i++)
    {
      PlGroup *g = &g_array_index (need, PlGroup, i);
      g_autofree char *names = member_names (s, g);
      g_autofree char *title = g_strdup_printf (_("Mini-lesson on %s"), s->standard_codes[g->standard]);
      g_autofree char *reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%s — %u learner, current level %.1f on average.",
                                                              "%s — %u learners, current level %.1f on average.",
                                                              g->n_members),
                                                 names, g->n_members, g->mean_level);
      g_autoptr(PlInsightsItem) item = pl_insights_item_new (PL_INSIGHTS_ITEM_GROUP, title, reason);

      g_list_store_append (self->groups, item);
    }

  for (guint l = 0; l < s->n_learners; l++)
    {
      double sum = 0;
      guint n = 0;

      for (guint st = 0; st < s->n_standards; st++)
        if (!isnan (levels[(gsize) l * s->n_standards + st]))
          sum += levels[(gsize) l * s->n_standards + st], n++;
      overall[l] = n > 0 ? sum / n : NAN;
    }
  mixed = pl_grouping_mixed (s->n_learners, overall, 4);
  for (guint i = 0; i < mixed->len; i++)
    {
      PlGroup *g = &g_array_index (mixed, PlGroup, i);
      g_autofree char *names = member_names (s, g);
      g_autofree char *title = g_strdup_printf (_("Project group %u"), i + 1);
      g_autoptr(PlInsightsItem) item = pl_insights_item_new (PL_INSIGHTS_ITEM_GROUP, title, names);

      g_list_store_append (self->mixed_groups, item);
    }
}

static void
fill_suggestions (PlInsightsReport      *self,
                  const PlClassSnapshot *s,
                  const double          *levels)
{
  PlRecommenderBoard board = {
    .n_standards = s->n_standards,
    .n_options = s->n_options,
    .option_standard_offsets = s->option_standard_offsets,
    .option_standards = s->option_standards,
    .option_tier = s->option_tier,
    .option_format = s->option_format,
    .option_tags = s->option_tags,
    .option_styles = s->option_styles,
    .n_prereqs = s->n_prereqs,
    .prereq_from = s->prereq_from,
    .prereq_to = s->prereq_to,
    .proficient = s->proficient,
  };

  if (s->n_options == 0)
    return;

  for (guint l = 0; l < s->n_learners; l++)
    {
      g_autoptr(GArray) d_option = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) d_signature = g_array_new (FALSE, FALSE, sizeof (guint32));
      PlRecommendation recs[3];
      PlRecommenderLearner learner = {
        .levels = levels + (gsize) l * s->n_standards,
        .interest_tags = s->interest_tags[l],
        .preferred_formats = s->preferred_styles[l],
        .recent_formats = s->recent_formats[l],
        .standard_due_soon = s->due_soon + (gsize) l * s->n_standards,
        .picked = s->picked + (gsize) l * s->n_options,
      };
      guint n;

      for (guint i = 0; i < s->n_dismissed; i++)
        if (s->dismissed_learner[i] == l)
          {
            g_array_append_val (d_option, s->dismissed_option[i]);
            g_array_append_val (d_signature, s->dismissed_signature[i]);
          }
      learner.n_dismissed = d_option->len;
      learner.dismissed_option = (const guint *) d_option->data;
      learner.dismissed_signature = (const guint32 *) d_signature->data;

      n = pl_recommend (&board, &learner, 3, recs);
      for (guint r = 0; r < n; r++)
        {
          const char *code = recs[r].focus_standard >= 0 ? s->standard_codes[recs[r].focus_standard] : NULL;
          g_autofree char *reason = pl_recommendation_describe (&recs[r], code);
          g_autofree char *title = g_strdup_printf ("%s — %s", s->learner_names[l],
                                                    s->option_titles[recs[r].option]);
          g_autofree char *signature = g_strdup_printf ("%u", recs[r].signature);
          g_autoptr(PlInsightsItem) item = pl_insights_item_new (PL_INSIGHTS_ITEM_SUGGESTION, title, reason);

          pl_insights_item_set_learner_uuid (item, s->learner_uuids[l]);
          pl_insights_item_set_suggestion (item, s->option_uuids[recs[r].option], signature);
          g_list_store_append (self->suggestions, item);
        }
    }
}

PlInsightsReport *
pl_insights_report_compute (PlStore       *store,
                            const char    *classroom_uuid,
                            const char    *as_of,
                            double         proficient,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(PlInsightsReport) self = g_object_new (PL_TYPE_INSIGHTS_REPORT, NULL);
  g_autoptr(PlClassSnapshot) current = NULL;
  GDate day;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (classroom_uuid != NULL, NULL);

  current = pl_store_load_class_snapshot (store, classroom_uuid, as_of, proficient, error);
  if (current == NULL)
    return NULL;
  self->n_learners = current->n_learners;
  g_date_clear (&day, 1);
  g_date_set_parse (&day, current->as_of);

  /* Each earlier week is the same computation as of that week's end. */
  for (guint w = 0; w < PL_INSIGHTS_WEEKS; w++)
    {
      guint back = PL_INSIGHTS_WEEKS - 1 - w;
      g_autoptr(PlClassSnapshot) owned = NULL;
      PlClassSnapshot *s = current;
      g_autofree double *mastery = NULL;
      g_autoptr(GArray) alerts = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (back > 0)
        {
          GDate then = day;
          char iso[11];

          g_date_subtract_days (&then, 7 * back);
          g_snprintf (iso, sizeof iso, "%04u-%02u-%02u", g_date_get_year (&then),
                      g_date_get_month (&then), g_date_get_day (&then));
          owned = pl_store_load_class_snapshot (store, classroom_uuid, iso, proficient, error);
          if (owned == NULL)
            return NULL;
          s = owned;
        }
      mastery = series_mastery (s);
      alerts = compute_alerts (s, mastery);
      compute_metrics (self, s, alerts, w);

      if (back == 0)
        {
          g_autofree double *levels = current_levels (s);

          fill_alerts (self, s, alerts);
          fill_groups (self, s, levels);
          fill_suggestions (self, s, levels);
        }
    }
  return g_steal_pointer (&self);
}

typedef struct
{
  char   *db_path;
  char   *classroom_uuid;
  char   *as_of;
  double  proficient;
} ComputeData;

static void
compute_data_free (gpointer data)
{
  ComputeData *d = data;

  g_free (d->db_path);
  g_free (d->classroom_uuid);
  g_free (d->as_of);
  g_free (d);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeData *d = task_data;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PlInsightsReport *report;

  store = pl_store_open (d->db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  report = pl_insights_report_compute (store, d->classroom_uuid, d->as_of, d->proficient,
                                       cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, g_object_unref);
}

void
pl_insights_report_compute_async (const char          *db_path,
                                  const char          *classroom_uuid,
                                  const char          *as_of,
                                  double               proficient,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ComputeData *d = g_new0 (ComputeData, 1);

  d->db_path = g_strdup (db_path);
  d->classroom_uuid = g_strdup (classroom_uuid);
  d->as_of = g_strdup (as_of);
  d->proficient = proficient;
  g_task_set_source_tag (task, pl_insights_report_compute_async);
  g_task_set_task_data (task, d, compute_data_free);
  g_task_run_in_thread (task, compute_thread);
}

PlInsightsReport *
pl_insights_report_compute_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

double
pl_insights_report_get_metric (PlInsightsReport *self,
                               PlMetric          metric,
                               guint             week)
{
  g_return_val_if_fail (PL_IS_INSIGHTS_REPORT (self), NAN);
  g_return_val_if_fail (metric < PL_N_METRICS && week < PL_INSIGHTS_WEEKS, NAN);
  return self->metrics[metric][week];
}

guint
pl_insights_report_get_n_learners (PlInsightsReport *self)
{
  g_return_val_if_fail (PL_IS_INSIGHTS_REPORT (self), 0);
  return self->n_learners;
}

GListModel *
pl_insights_report_get_alerts (PlInsightsReport *self)
{
  g_return_val_if_fail (PL_IS_INSIGHTS_REPORT (self), NULL);
  return G_LIST_MODEL (self->alerts);
}

GListModel *
pl_insights_report_get_groups (PlInsightsReport *self)
{
  g_return_val_if_fail (PL_IS_INSIGHTS_REPORT (self), NULL);
  return G_LIST_MODEL (self->groups);
}

GListModel *
pl_insights_report_get_mixed_groups (PlInsightsReport *self)
{
  g_return_val_if_fail (PL_IS_INSIGHTS_REPORT (self), NULL);
  return G_LIST_MODEL (self->mixed_groups);
}

GListModel *
pl_insights_report_get_suggestions (PlInsightsReport *self)
{
  g_return_val_if_fail (PL_IS_INSIGHTS_REPORT (self), NULL);
  return G_LIST_MODEL (self->suggestions);
}
