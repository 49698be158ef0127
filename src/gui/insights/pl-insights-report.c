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
#include "core/pl-store-goals.h"
#include "core/pl-store-gradebook.h"
#include "core/pl-store-insights.h"
#include "pl-insights-item.h"
#include "pl-insights-report-private.h"
#include "pl-insights-report.h"

struct _PlInsightsReport
{
  GObject     parent_instance;

  double      metrics[PL_N_METRICS][PL_INSIGHTS_WEEKS];
  guint       growth[PL_INSIGHTS_WEEKS][PL_N_GROWTH];
  char        week_ends[PL_INSIGHTS_WEEKS][11];
  gboolean    profiles_unknown;   /* some earlier week has no profile point */
  guint       n_learners;
  guint       n_complete;
  GListStore *alerts;
  GListStore *groups;
  GListStore *overlapping_groups;
  GListStore *suggestions;

  /* For mixed groups of any size, made on request. */
  char      **learner_uuids;
  char      **learner_names;
  double     *overall;
};

G_DEFINE_FINAL_TYPE (PlInsightsReport, pl_insights_report, G_TYPE_OBJECT)

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
      return _("Learners with a goal check-in this week, the week starting on the check-in day of Preferences, as the Check-ins view counts it.");
    case PL_METRIC_GROWTH:
      return _("Learners whose level grew by half a level or more since their first score, on average over the standards where they have two or more scores. The level is the Gradebook’s calculation.");
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
      /* Translators: the share of learners whose level grew, e.g. "40 % grew" */
      return g_strdup_printf (_("%.0f %% grew"), 100.0 * value);
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
  g_clear_object (&self->overlapping_groups);
  g_clear_object (&self->suggestions);
  g_strfreev (self->learner_uuids);
  g_strfreev (self->learner_names);
  g_free (self->overall);

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
  self->overlapping_groups = g_list_store_new (PL_TYPE_INSIGHTS_ITEM);
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
  /* Scores in a class do fall (the "mastery dropped" alert): without
   * forgetting, one early success would make mastery certain for good. */
  options.forget = TRUE;
  if (!pl_bkt_fit (&obs, &options, params, NULL, NULL))
    for (guint st = 0; st < s->n_standards; st++)
      pl_bkt_params_init_default (&params[st]);

  out = g_new0 (float, MAX (k, 1));
  pl_bkt_mastery (&obs, params, out);
  for (guint j = 0; j < k; j++)
    mastery[order[j]] = out[j];
  return mastery;
}

/* The Gradebook's roll-up: the same engine call as its page makes. */
static gboolean
rollup_cb (const char   *method,
           double        param,
           double        mastery_level,
           const double *scores,
           gsize         n_scores,
           double       *out_value,
           gpointer      user_data)
{
  return pl_mastery_rollup_named (method, param, mastery_level, scores, n_scores, out_value);
}

/* How the Gradebook rolls up each standard of the snapshot, and the
 * teacher's overrides of its cells. */
typedef struct
{
  char   **methods;     /* per standard */
  double  *params;
  double  *levels;      /* n-mastery's mastery level, per standard */
  double  *overrides;   /* n_learners × n_standards; NaN: none */
} Methods;

static void
methods_clear (Methods *m)
{
  g_clear_pointer (&m->methods, g_strfreev);
  g_clear_pointer (&m->params, g_free);
  g_clear_pointer (&m->levels, g_free);
  g_clear_pointer (&m->overrides, g_free);
}

static gboolean
load_methods (PlStore                  *store,
              const char               *classroom_uuid,
              const PlClassSnapshot    *s,
              const PlInsightsSettings *settings,
              Methods                  *out,
              GError                  **error)
{
  g_autoptr(PlGradebook) gb = NULL;
  g_autoptr(GHashTable) learners = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) standards = g_hash_table_new (g_str_hash, g_str_equal);

  gb = pl_store_load_gradebook (store, classroom_uuid, settings->default_method,
                                settings->default_param, rollup_cb, NULL, error);
  if (gb == NULL)
    return FALSE;
  for (guint j = 0; j < gb->n_standards; j++)
    g_hash_table_insert (standards, gb->standard_uuids[j], GUINT_TO_POINTER (j + 1));
  for (guint l = 0; l < gb->n_learners; l++)
    g_hash_table_insert (learners, gb->learner_uuids[l], GUINT_TO_POINTER (l + 1));

  out->methods = g_new0 (char *, s->n_standards + 1);
  out->params = g_new0 (double, MAX (s->n_standards, 1));
  out->levels = g_new0 (double, MAX (s->n_standards, 1));
  out->overrides = g_new (double, MAX ((gsize) s->n_learners * s->n_standards, 1));
  for (guint st = 0; st < s->n_standards; st++)
    {
      guint j = GPOINTER_TO_UINT (g_hash_table_lookup (standards, s->standard_uuids[st]));

      out->methods[st] = g_strdup (j > 0 ? gb->standard_methods[j - 1] : gb->class_method);
      out->params[st] = j > 0 ? gb->standard_params[j - 1] : gb->class_param;
      out->levels[st] = j > 0 ? gb->standard_mastery_levels[j - 1] : gb->class_mastery_level;
    }
  for (guint l = 0; l < s->n_learners; l++)
    {
      guint gl = GPOINTER_TO_UINT (g_hash_table_lookup (learners, s->learner_uuids[l]));

      for (guint st = 0; st < s->n_standards; st++)
        {
          guint j = GPOINTER_TO_UINT (g_hash_table_lookup (standards, s->standard_uuids[st]));
          const PlGradebookCell *cell = gl > 0 && j > 0 ? pl_gradebook_get_cell (gb, gl - 1, j - 1) : NULL;

          out->overrides[(gsize) l * s->n_standards + st] =
            cell != NULL && (cell->flags & PL_GRADEBOOK_CELL_OVERRIDDEN) ? cell->value : NAN;
        }
    }
  return TRUE;
}

/* The level per learner × standard by the Gradebook's methods, from the
 * evidence of the snapshot; with OVERRIDES where the teacher set one. */
static double *
current_levels (const PlClassSnapshot *s,
                const Methods         *methods,
                gboolean               overrides)
{
  gsize n_cells = (gsize) s->n_learners * s->n_standards;
  double *levels = g_new (double, MAX (n_cells, 1));

  for (gsize i = 0; i < n_cells; i++)
    levels[i] = NAN;
  for (guint i = 0; i < s->n_series; i++)
    {
      guint st = s->series_standard[i];
      double v;

      if (pl_mastery_rollup_named (methods->methods[st], methods->params[st], methods->levels[st],
                                   s->scores + s->offsets[i], s->offsets[i + 1] - s->offsets[i], &v))
        levels[(gsize) s->series_learner[i] * s->n_standards + st] = v;
    }
  if (overrides)
    for (gsize i = 0; i < n_cells; i++)
      if (!isnan (methods->overrides[i]))
        levels[i] = methods->overrides[i];
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
    .mastery_threshold = PL_ALERT_MASTERY_PROBABILITY,
    .days_since_checkin = s->days_since_checkin,
    .checkin_missing = s->checkin_missing,
    .days_since_profile_update = s->days_since_profile_update,
    .milestones_overdue = s->milestones_overdue,
    .recent_completions = s->recent_completions,
    .recent_fast_low = s->recent_fast_low,
  };

  pl_alert_rules_init_default (&rules);
  return pl_alerts_compute (&in, &rules);
}

/* Per learner, the level now minus the first score, averaged over the
 * standards with two or more scores: grew, about the same or dropped. */
static void
compute_growth (PlInsightsReport      *self,
                const PlClassSnapshot *s,
                const double          *levels,
                guint                  week)
{
  g_autofree double *sum = g_new0 (double, MAX (s->n_learners, 1));
  g_autofree guint *n = g_new0 (guint, MAX (s->n_learners, 1));
  guint counted = 0;

  for (guint i = 0; i < s->n_series; i++)
    {
      guint l = s->series_learner[i];
      double now = levels[(gsize) l * s->n_standards + s->series_standard[i]];

      if (s->offsets[i + 1] - s->offsets[i] < 2 || isnan (now))
        continue;
      sum[l] += now - s->scores[s->offsets[i]];
      n[l]++;
    }
  for (guint g = 0; g < PL_N_GROWTH; g++)
    self->growth[week][g] = 0;
  for (guint l = 0; l < s->n_learners; l++)
    {
      double mean;

      if (n[l] == 0)
        continue;
      mean = sum[l] / n[l];
      counted++;
      /* A little slack keeps 0.4999… from falling short of half a level. */
      if (mean >= PL_GROWTH_STEP - 1e-9)
        self->growth[week][PL_GROWTH_IMPROVED]++;
      else if (mean <= -PL_GROWTH_STEP + 1e-9)
        self->growth[week][PL_GROWTH_DROPPED]++;
      else
        self->growth[week][PL_GROWTH_SAME]++;
    }
  self->metrics[PL_METRIC_GROWTH][week] =
    counted > 0 ? (double) self->growth[week][PL_GROWTH_IMPROVED] / counted : NAN;
}

static void
compute_metrics (PlInsightsReport      *self,
                 const PlClassSnapshot *s,
                 GArray                *alerts,
                 guint                  week)
{
  double checked = 0, profiles = 0;
  guint followed = 0;
  g_autofree gboolean *flagged = g_new0 (gboolean, MAX (s->n_learners, 1));
  guint n_flagged = 0;
  gboolean current = week == PL_INSIGHTS_WEEKS - 1;

  for (guint l = 0; l < s->n_learners; l++)
    {
      checked += s->checked_in_this_week[l] ? 1 : 0;
      profiles += s->profile_completeness[l];
    }
  for (guint i = 0; i < alerts->len; i++)
    {
      PlAlert *a = &g_array_index (alerts, PlAlert, i);
      g_autofree char *key = _pl_insights_alert_key (s, a);

      if (!flagged[a->learner])
        n_flagged++;
      flagged[a->learner] = TRUE;
      followed += g_hash_table_contains (s->followed_up, key) ? 1 : 0;
    }

  self->metrics[PL_METRIC_MILESTONES][week] = s->milestones_due > 0 ? (double) s->milestones_done / s->milestones_due : NAN;
  self->metrics[PL_METRIC_CHECKINS][week] = s->n_learners > 0 ? checked / s->n_learners : NAN;
  self->metrics[PL_METRIC_ATTENTION][week] = s->n_learners > 0 ? n_flagged : NAN;
  /* Profile fields keep no history: an earlier week is known only when
   * no field has changed since. */
  if (s->n_learners > 0 && (current || s->profiles_as_of))
    self->metrics[PL_METRIC_PROFILES][week] = profiles / s->n_learners;
  else
    {
      self->metrics[PL_METRIC_PROFILES][week] = NAN;
      self->profiles_unknown |= s->n_learners > 0;
    }
  self->metrics[PL_METRIC_ENGAGEMENT][week] = s->picks_chosen > 0 ? (double) s->picks_finished / s->picks_chosen : NAN;
  self->metrics[PL_METRIC_FOLLOW_UP][week] = alerts->len > 0 ? (double) followed / alerts->len : NAN;
}

/* P(mastered) per learner × standard from the series' BKT estimates. */
static double *
cell_probability (const PlClassSnapshot *s,
                  const double          *mastery,
                  int                  **out_series_of)
{
  gsize n_cells = (gsize) s->n_learners * s->n_standards;
  double *p = g_new (double, MAX (n_cells, 1));
  int *series_of = g_new (int, MAX (n_cells, 1));

  for (gsize i = 0; i < n_cells; i++)
    {
      p[i] = NAN;
      series_of[i] = -1;
    }
  for (guint i = 0; i < s->n_series; i++)
    {
      gsize c = (gsize) s->series_learner[i] * s->n_standards + s->series_standard[i];

      p[c] = mastery[i];
      series_of[c] = (int) i;
    }
  *out_series_of = series_of;
  return p;
}

static void
keep_for_mixed_groups (PlInsightsReport      *self,
                       const PlClassSnapshot *s,
                       const double          *levels)
{
  self->learner_uuids = g_strdupv (s->learner_uuids);
  self->learner_names = g_strdupv (s->learner_names);
  self->overall = g_new (double, MAX (s->n_learners, 1));
  for (guint l = 0; l < s->n_learners; l++)
    {
      double sum = 0;
      guint n = 0;

      for (guint st = 0; st < s->n_standards; st++)
        if (!isnan (levels[(gsize) l * s->n_standards + st]))
          sum += levels[(gsize) l * s->n_standards + st], n++;
      self->overall[l] = n > 0 ? sum / n : NAN;
    }
}

PlInsightsReport *
pl_insights_report_compute (PlStore                  *store,
                            const char               *classroom_uuid,
                            const char               *as_of,
                            const PlInsightsSettings *settings,
                            GCancellable             *cancellable,
                            GError                  **error)
{
  g_autoptr(PlInsightsReport) self = g_object_new (PL_TYPE_INSIGHTS_REPORT, NULL);
  g_autoptr(PlClassSnapshot) current = NULL;
  PlInsightsSettings defaults;
  Methods methods = { 0 };
  GDate week_start;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (classroom_uuid != NULL, NULL);

  if (settings == NULL)
    {
      pl_insights_settings_init (&defaults);
      settings = &defaults;
    }
  current = pl_store_load_class_snapshot (store, classroom_uuid, as_of, settings, error);
  if (current == NULL)
    return NULL;
  if (!load_methods (store, classroom_uuid, current, settings, &methods, error))
    return NULL;
  self->n_learners = current->n_learners;
  g_date_clear (&week_start, 1);
  g_date_set_parse (&week_start, current->week_start);

  /* The earlier points are the check-in weeks before this one, each as of
   * its last day, so that a past week counts all of its check-ins. */
  for (guint w = 0; w < PL_INSIGHTS_WEEKS; w++)
    {
      guint back = PL_INSIGHTS_WEEKS - 1 - w;
      g_autoptr(PlClassSnapshot) owned = NULL;
      PlClassSnapshot *s = current;
      g_autofree double *mastery = NULL;
      g_autofree double *computed = NULL;
      g_autoptr(GArray) alerts = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          methods_clear (&methods);
          return NULL;
        }
      if (back > 0)
        {
          GDate then = week_start;

          g_date_subtract_days (&then, 1 + 7 * (back - 1));
          g_snprintf (self->week_ends[w], sizeof self->week_ends[w], "%04u-%02u-%02u",
                      g_date_get_year (&then), g_date_get_month (&then), g_date_get_day (&then));
          owned = pl_store_load_class_snapshot (store, classroom_uuid, self->week_ends[w], settings, error);
          if (owned == NULL)
            {
              methods_clear (&methods);
              return NULL;
            }
          s = owned;
        }
      else
        g_strlcpy (self->week_ends[w], current->as_of, sizeof self->week_ends[w]);

      mastery = series_mastery (s);
      alerts = compute_alerts (s, mastery);
      compute_metrics (self, s, alerts, w);
      /* Growth is of the evidence: overrides have no date to place them. */
      computed = current_levels (s, &methods, FALSE);
      compute_growth (self, s, computed, w);

      if (back == 0)
        {
          g_autofree double *levels = current_levels (s, &methods, TRUE);
          g_autofree int *series_of = NULL;
          g_autofree double *probability = cell_probability (s, mastery, &series_of);
          PlInsightsFrame frame = { s, levels, probability, series_of };

          _pl_insights_fill_alerts (self->alerts, s, alerts);
          _pl_insights_fill_need_groups (self->groups, &frame, TRUE);
          _pl_insights_fill_need_groups (self->overlapping_groups, &frame, FALSE);
          self->n_complete = _pl_insights_fill_suggestions (self->suggestions, &frame);
          keep_for_mixed_groups (self, s, levels);
        }
    }
  methods_clear (&methods);
  return g_steal_pointer (&self);
}

typedef struct
{
  char               *db_path;
  char               *classroom_uuid;
  char               *as_of;
  char               *default_method;
  PlInsightsSettings  settings;
} ComputeData;

static void
compute_data_free (gpointer data)
{
  ComputeData *d = data;

  g_free (d->db_path);
  g_free (d->classroom_uuid);
  g_free (d->as_of);
  g_free (d->default_method);
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
  report = pl_insights_report_compute (store, d->classroom_uuid, d->as_of, &d->settings,
                                       cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, g_object_unref);
}

void
pl_insights_report_compute_async (const char               *db_path,
                                  const char               *classroom_uuid,
                                  const char               *as_of,
                                  const PlInsightsSettings *settings,
                                  GCancellable             *cancellable,
                                  GAsyncReadyCallback       callback,
                                  gpointer                  user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ComputeData *d = g_new0 (ComputeData, 1);

  d->db_path = g_strdup (db_path);
  d->classroom_uuid = g_strdup (classroom_uuid);
  d->as_of = g_strdup (as_of);
  if (settings != NULL)
    d->settings = *settings;
  else
    pl_insights_settings_init (&d->settings);
  d->default_method = g_strdup (d->settings.default_method);
  d->settings.default_method = d->default_method;
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

char *
pl_insights_report_format_metric (PlInsightsReport *self,
                                  PlMetric          metric,
                                  guint             week)
{
  g_return_val_if_fail (PL_IS_INSIGHTS_REPORT (self), NULL);
  g_return_val_if_fail (metric < PL_N_METRICS && week < PL_INSIGHTS_WEEKS, NULL);

  if (metric == PL_METRIC_GROWTH && !isnan (self->metrics[metric][week]))
    {
      guint grew = self->growth[week][PL_GROWTH_IMPROVED];
      guint counted = grew + self->growth[week][PL_GROWTH_SAME] + self->growth[week][PL_GROWTH_DROPPED];

      /* Translators: "9 of 24 learners grew" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u learner grew", "%u of %u learners grew",
                                           counted),
                              grew, counted);
    }
  return pl_metric_format_value (metric, self->metrics[metric][week]);
}

char *
pl_insights_report_explain_metric (PlInsightsReport *self,
                                   PlMetric          metric)
{
  GString *text;
  guint now = PL_INSIGHTS_WEEKS - 1;

  g_return_val_if_fail (PL_IS_INSIGHTS_REPORT (self), NULL);
  g_return_val_if_fail (metric < PL_N_METRICS, NULL);

  text = g_string_new (pl_metric_definition (metric));
  if (metric == PL_METRIC_GROWTH && !isnan (self->metrics[metric][now]))
    {
      g_string_append_c (text, ' ');
      /* Translators: the split behind the Mastery growth figure */
      g_string_append_printf (text, _("This week: %u grew, %u about the same, %u dropped."),
                              self->growth[now][PL_GROWTH_IMPROVED], self->growth[now][PL_GROWTH_SAME],
                              self->growth[now][PL_GROWTH_DROPPED]);
    }
  if (metric == PL_METRIC_PROFILES && self->profiles_unknown)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("Profile fields keep no history: an earlier week shows no point when a field has changed since."));
    }
  return g_string_free (text, FALSE);
}

void
pl_insights_report_get_metric_range (PlInsightsReport *self,
                                     PlMetric          metric,
                                     double           *out_low,
                                     double           *out_high)
{
  g_return_if_fail (PL_IS_INSIGHTS_REPORT (self));
  g_return_if_fail (out_low != NULL && out_high != NULL);

  /* A fixed scale from zero: a small wobble looks small. */
  *out_low = 0.0;
  *out_high = metric == PL_METRIC_ATTENTION ? MAX (self->n_learners, 1) : 1.0;
}

const char *
pl_insights_report_get_week_end (PlInsightsReport *self,
                                 guint             week)
{
  g_return_val_if_fail (PL_IS_INSIGHTS_REPORT (self), NULL);
  g_return_val_if_fail (week < PL_INSIGHTS_WEEKS, NULL);
  return self->week_ends[week];
}

guint
pl_insights_report_get_growth (PlInsightsReport *self,
                               guint             week,
                               PlGrowth          growth)
{
  g_return_val_if_fail (PL_IS_INSIGHTS_REPORT (self), 0);
  g_return_val_if_fail (week < PL_INSIGHTS_WEEKS && growth < PL_N_GROWTH, 0);
  return self->growth[week][growth];
}

guint
pl_insights_report_get_n_learners (PlInsightsReport *self)
{
  g_return_val_if_fail (PL_IS_INSIGHTS_REPORT (self), 0);
  return self->n_learners;
}

guint
pl_insights_report_get_n_complete (PlInsightsReport *self)
{
  g_return_val_if_fail (PL_IS_INSIGHTS_REPORT (self), 0);
  return self->n_complete;
}

GListModel *
pl_insights_report_get_alerts (PlInsightsReport *self)
{
  g_return_val_if_fail (PL_IS_INSIGHTS_REPORT (self), NULL);
  return G_LIST_MODEL (self->alerts);
}

GListModel *
pl_insights_report_get_groups (PlInsightsReport *self,
                               gboolean          exclusive)
{
  g_return_val_if_fail (PL_IS_INSIGHTS_REPORT (self), NULL);
  return G_LIST_MODEL (exclusive ? self->groups : self->overlapping_groups);
}

GListModel *
pl_insights_report_dup_mixed_groups (PlInsightsReport *self,
                                     guint             size)
{
  g_return_val_if_fail (PL_IS_INSIGHTS_REPORT (self), NULL);

  if (self->learner_uuids == NULL)
    return G_LIST_MODEL (g_list_store_new (PL_TYPE_INSIGHTS_ITEM));
  return G_LIST_MODEL (_pl_insights_mixed_groups (self->n_learners, self->learner_uuids,
                                                  self->learner_names, self->overall,
                                                  CLAMP (size, 2, 8)));
}

GListModel *
pl_insights_report_get_suggestions (PlInsightsReport *self)
{
  g_return_val_if_fail (PL_IS_INSIGHTS_REPORT (self), NULL);
  return G_LIST_MODEL (self->suggestions);
}
