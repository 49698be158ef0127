/* pl-alerts.c — learners who need the teacher's attention, and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>

#include "pl-alerts.h"

void
pl_alert_rules_init_default (PlAlertRules *rules)
{
  g_return_if_fail (rules != NULL);

  rules->checkin_days = 14;
  rules->stalled_opportunities = 10;
  rules->drop = 1.0;
  rules->stale_profile_days = 42;
  rules->gaming_min_completions = 3;
  rules->gaming_share = 0.6;
}

/* The highest mean of two consecutive scores before the last two, and the
 * mean of the last two: a drop is a fall from the first to the second. */
static gboolean
series_drop (const double *s,
             guint         n,
             double       *out_earlier,
             double       *out_recent)
{
  double best = -INFINITY;

  if (n < 4)
    return FALSE;
  for (guint k = 0; k + 3 < n; k++)
    best = MAX (best, (s[k] + s[k + 1]) / 2.0);
  *out_earlier = best;
  *out_recent = (s[n - 2] + s[n - 1]) / 2.0;
  return TRUE;
}

static void
add_alert (GArray      *alerts,
           PlAlertKind  kind,
           guint        learner,
           int          standard,
           double       value,
           double       value2,
           guint        n_standards)
{
  PlAlert a = { kind, learner, standard, value, value2, n_standards };

  g_array_append_val (alerts, a);
}

GArray *
pl_alerts_compute (const PlAlertInput *in,
                   const PlAlertRules *rules)
{
  GArray *alerts;
  PlAlert *stalled, *dropped;
  guint *total;
  gboolean *mastered_any;

  g_return_val_if_fail (in != NULL, NULL);
  g_return_val_if_fail (rules != NULL, NULL);

  alerts = g_array_new (FALSE, FALSE, sizeof (PlAlert));
  /* The worst stalled / dropped standard of each learner. */
  stalled = g_new0 (PlAlert, MAX (in->n_learners, 1));
  dropped = g_new0 (PlAlert, MAX (in->n_learners, 1));
  /* Opportunities over all standards, and whether any standard is mastered:
   * a learner with many tries spread thin has stalled too. */
  total = g_new0 (guint, MAX (in->n_learners, 1));
  mastered_any = g_new0 (gboolean, MAX (in->n_learners, 1));
  for (guint l = 0; l < in->n_learners; l++)
    stalled[l].standard = dropped[l].standard = -1;

  for (guint i = 0; i < in->n_series; i++)
    {
      guint l = in->series_learner[i];
      const double *s = in->scores + in->offsets[i];
      guint n = in->offsets[i + 1] - in->offsets[i];
      double earlier, recent;

      if (l >= in->n_learners)
        continue;

      {
        gboolean mastered = FALSE;

        if (in->series_mastery != NULL)
          mastered = in->series_mastery[i] >= in->mastery_threshold;
        else
          for (guint k = 0; k < n && !mastered; k++)
            mastered = s[k] >= in->proficient;
        total[l] += n;
        mastered_any[l] |= mastered;

        if (n >= rules->stalled_opportunities && !mastered)
            {
              if (stalled[l].n_standards == 0 || n > stalled[l].value)
                {
                  stalled[l].standard = (int) in->series_standard[i];
                  stalled[l].value = n;
                }
              stalled[l].n_standards++;
            }
      }

      if (series_drop (s, n, &earlier, &recent) && earlier >= in->proficient &&
          earlier - recent >= rules->drop)
        {
          if (dropped[l].n_standards == 0 || earlier - recent > dropped[l].value - dropped[l].value2)
            {
              dropped[l].standard = (int) in->series_standard[i];
              dropped[l].value = earlier;
              dropped[l].value2 = recent;
            }
          dropped[l].n_standards++;
        }
    }

  for (guint l = 0; l < in->n_learners; l++)
    {
      if (in->checkin_missing != NULL)
        {
          if (in->checkin_missing[l])
            add_alert (alerts, PL_ALERT_NO_CHECKIN, l, -1,
                       in->days_since_checkin != NULL ? in->days_since_checkin[l] : -1, 0, 0);
        }
      else if (in->days_since_checkin != NULL &&
               (in->days_since_checkin[l] < 0 || in->days_since_checkin[l] >= rules->checkin_days))
        add_alert (alerts, PL_ALERT_NO_CHECKIN, l, -1, in->days_since_checkin[l], 0, 0);

      if (stalled[l].n_standards > 0)
        add_alert (alerts, PL_ALERT_STALLED, l, stalled[l].standard, stalled[l].value, 0,
                   stalled[l].n_standards);
      else if (total[l] >= rules->stalled_opportunities && !mastered_any[l])
        add_alert (alerts, PL_ALERT_STALLED, l, -1, total[l], 0, 0);

      if (dropped[l].n_standards > 0)
        add_alert (alerts, PL_ALERT_MASTERY_DROPPED, l, dropped[l].standard, dropped[l].value,
                   dropped[l].value2, dropped[l].n_standards);

      if (in->milestones_overdue != NULL && in->milestones_overdue[l] > 0)
        add_alert (alerts, PL_ALERT_BEHIND_MILESTONE, l, -1, in->milestones_overdue[l], 0, 0);

      if (in->recent_completions != NULL && in->recent_fast_low != NULL &&
          in->recent_completions[l] >= rules->gaming_min_completions &&
          in->recent_fast_low[l] >= rules->gaming_min_completions &&
          in->recent_fast_low[l] >= rules->gaming_share * in->recent_completions[l])
        add_alert (alerts, PL_ALERT_GAMING, l, -1, in->recent_fast_low[l],
                   in->recent_completions[l], 0);

      if (in->days_since_profile_update != NULL &&
          (in->days_since_profile_update[l] < 0 ||
           in->days_since_profile_update[l] > rules->stale_profile_days))
        add_alert (alerts, PL_ALERT_STALE_PROFILE, l, -1, in->days_since_profile_update[l], 0, 0);
    }

  g_free (stalled);
  g_free (dropped);
  g_free (total);
  g_free (mastered_any);
  return alerts;
}

const char *
pl_alert_kind_title (PlAlertKind kind)
{
  switch (kind)
    {
    case PL_ALERT_NO_CHECKIN:
      return _("No check-in");
    case PL_ALERT_STALLED:
      return _("Stalled");
    case PL_ALERT_MASTERY_DROPPED:
      return _("Mastery dropped");
    case PL_ALERT_BEHIND_MILESTONE:
      return _("Behind a milestone");
    case PL_ALERT_GAMING:
      return _("Rushing through");
    case PL_ALERT_STALE_PROFILE:
      return _("Stale profile");
    case PL_N_ALERT_KINDS:
    default:
      break;
    }
  g_return_val_if_reached ("");
}

char *
pl_alert_describe (const PlAlert *alert,
                   const char    *standard_code)
{
  const char *code = standard_code != NULL ? standard_code : _("a standard");

  g_return_val_if_fail (alert != NULL, NULL);

  switch (alert->kind)
    {
    case PL_ALERT_NO_CHECKIN:
      if (alert->value < 0)
        return g_strdup (_("Has not checked in yet."));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "No check-in this week or last week: the last was %d day ago.",
                                           "No check-in this week or last week: the last was %d days ago.",
                                           (gulong) alert->value),
                              (int) alert->value);
    case PL_ALERT_STALLED:
      if (alert->standard < 0)
        return g_strdup_printf (_("No standard mastered yet after %d tries across the unit."),
                                (int) alert->value);
      if (alert->n_standards > 1)
        return g_strdup_printf (_("No mastery of %s after %d tries, nor of %u other standards."),
                                code, (int) alert->value, alert->n_standards - 1);
      return g_strdup_printf (_("No mastery of %s after %d tries."), code, (int) alert->value);
    case PL_ALERT_MASTERY_DROPPED:
      return g_strdup_printf (_("Recent scores on %s average %.1f, down from %.1f."),
                              code, alert->value2, alert->value);
    case PL_ALERT_BEHIND_MILESTONE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d must-do milestone is past due.",
                                           "%d must-do milestones are past due.", (gulong) alert->value),
                              (int) alert->value);
    case PL_ALERT_GAMING:
      return g_strdup_printf (_("%d of the last %d tasks were finished quickly with low scores."),
                              (int) alert->value, (int) alert->value2);
    case PL_ALERT_STALE_PROFILE:
      if (alert->value < 0)
        return g_strdup (_("The profile is empty."));
      return g_strdup_printf (_("The profile was last updated %d days ago."), (int) alert->value);
    case PL_N_ALERT_KINDS:
    default:
      break;
    }
  g_return_val_if_reached (NULL);
}
