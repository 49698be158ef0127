/* pl-insights-report-lists.c — the attention list, the small groups and
 * the next options of the dashboard, each with its reason
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>

#include "core/pl-board-rules.h"
#include "engine/pl-grouping.h"
#include "engine/pl-recommender.h"
#include "pl-insights-item.h"
#include "pl-insights-report-private.h"

static const char *alert_ids[PL_N_ALERT_KINDS] = {
  "no-checkin", "stalled", "mastery-dropped", "behind-milestone", "gaming", "stale-profile",
};

char *
_pl_insights_format_level (double value)
{
  double rounded = round (value * 10.0) / 10.0;

  if (fabs (rounded - round (rounded)) < 1e-9)
    return g_strdup_printf ("%.0f", rounded);
  return g_strdup_printf ("%.1f", rounded);
}

/* ---- alerts ------------------------------------------------------------ */

/* What an alert says, so that a follow-up covers it as it was: another
 * check-in week without a check-in, more tries, a new drop or another
 * milestone missed make it stand again. */
static char *
alert_facts (const PlClassSnapshot *s,
             const PlAlert         *a)
{
  const char *standard = a->standard >= 0 ? s->standard_uuids[a->standard] : "";

  switch (a->kind)
    {
    case PL_ALERT_NO_CHECKIN:
      return g_strdup (s->week_start);
    case PL_ALERT_STALLED:
      return g_strdup_printf ("%s:%d:%u", standard, (int) a->value, a->n_standards);
    case PL_ALERT_MASTERY_DROPPED:
      return g_strdup_printf ("%s:%d:%d", standard, (int) lround (a->value * 10), (int) lround (a->value2 * 10));
    case PL_ALERT_BEHIND_MILESTONE:
      return g_strdup_printf ("%d", (int) a->value);
    case PL_ALERT_GAMING:
      return g_strdup_printf ("%d/%d", (int) a->value, (int) a->value2);
    case PL_ALERT_STALE_PROFILE:
      {
        GDate day;

        if (a->value < 0)
          return g_strdup ("empty");
        /* The day of the last update stays the same while the profile waits. */
        g_date_clear (&day, 1);
        g_date_set_parse (&day, s->as_of);
        if (!g_date_valid (&day))
          return g_strdup ("");
        g_date_subtract_days (&day, (guint) a->value);
        return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&day), g_date_get_month (&day),
                                g_date_get_day (&day));
      }
    case PL_N_ALERT_KINDS:
    default:
      break;
    }
  g_return_val_if_reached (g_strdup (""));
}

char *
_pl_insights_alert_key (const PlClassSnapshot *s,
                        const PlAlert         *a)
{
  g_autofree char *facts = alert_facts (s, a);

  return pl_store_alert_key (s->learner_uuids[a->learner], alert_ids[a->kind], facts);
}

void
_pl_insights_fill_alerts (GListStore            *list,
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
      g_autofree char *key = _pl_insights_alert_key (s, a);
      g_autoptr(PlInsightsItem) item = pl_insights_item_new (PL_INSIGHTS_ITEM_ALERT, title, reason);

      pl_insights_item_set_learner_uuid (item, s->learner_uuids[a->learner]);
      pl_insights_item_set_suggestion (item, NULL, key);
      pl_insights_item_set_followed_up (item, g_hash_table_contains (s->followed_up, key));
      g_list_store_append (list, item);
    }
}

/* ---- groups ------------------------------------------------------------ */

/* "Latest scores 2, 1, 2 · level 1.7 · estimated 20 % likely to have
 * mastered it" */
static char *
member_evidence (const PlInsightsFrame *f,
                 guint                  l,
                 guint                  st)
{
  const PlClassSnapshot *s = f->s;
  gsize c = (gsize) l * s->n_standards + st;
  GString *scores = g_string_new (NULL);
  g_autofree char *level = NULL;
  int series = f->series_of[c];
  GString *out;

  if (series >= 0)
    {
      guint first = s->offsets[series], last = s->offsets[series + 1];

      for (guint k = last > first + 3 ? last - 3 : first; k < last; k++)
        {
          g_autofree char *v = _pl_insights_format_level (s->scores[k]);

          g_string_append_printf (scores, scores->len > 0 ? ", %s" : "%s", v);
        }
    }
  level = _pl_insights_format_level (f->levels[c]);
  out = g_string_new (NULL);
  /* Translators: the evidence of one learner of a group, e.g. "latest scores 2, 1, 2" */
  g_string_append_printf (out, _("Latest scores %s"), scores->str);
  /* Translators: a separator and a level, e.g. " · level 1.7" */
  g_string_append_printf (out, _(" · level %s"), level);
  if (!isnan (f->probability[c]))
    /* Translators: " · estimated 20 % likely to have mastered it", from
     * knowledge tracing; never 0 % or 100 %, as a model is never certain */
    g_string_append_printf (out, _(" · estimated %d %% likely to have mastered it"),
                            (int) CLAMP (lround (100.0 * f->probability[c]), 1, 99));
  g_string_free (scores, TRUE);
  return g_string_free (out, FALSE);
}

void
_pl_insights_fill_need_groups (GListStore            *list,
                               const PlInsightsFrame *f,
                               gboolean               exclusive)
{
  const PlClassSnapshot *s = f->s;
  /* One group per standard spreads the groups over the standards; the
   * learners furthest below proficient come first. */
  g_autoptr(GArray) need = pl_grouping_by_need (s->n_learners, s->n_standards, f->levels,
                                                s->proficient, 3, 6, 1, exclusive);
  g_autofree char *proficient = _pl_insights_format_level (s->proficient);

  for (guint i = 0; i < need->len; i++)
    {
      PlGroup *g = &g_array_index (need, PlGroup, i);
      const char *code = s->standard_codes[g->standard];
      g_autofree char *low = _pl_insights_format_level (g->min_level);
      g_autofree char *high = _pl_insights_format_level (g->max_level);
      g_autofree char *mean = _pl_insights_format_level (g->mean_level);
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "Mini-lesson on %s — %u learner",
                                                             "Mini-lesson on %s — %u learners",
                                                             g->n_members),
                                                code, g->n_members);
      /* Translators: "Levels 0.9 to 2.1 on SCI.7.3 (average 1.6), all below proficient (3)." */
      g_autofree char *reason = g_strdup_printf (_("Levels %s to %s on %s (average %s), all below proficient (%s)."),
                                                 low, high, code, mean, proficient);
      g_autoptr(PlInsightsItem) item = pl_insights_item_new (PL_INSIGHTS_ITEM_GROUP, title, reason);

      for (guint m = 0; m < g->n_members; m++)
        {
          g_autofree char *detail = member_evidence (f, g->members[m], (guint) g->standard);

          pl_insights_item_add_member (item, s->learner_uuids[g->members[m]],
                                       s->learner_names[g->members[m]], detail);
        }
      g_list_store_append (list, item);
    }
}

GListStore *
_pl_insights_mixed_groups (guint          n_learners,
                           char         **learner_uuids,
                           char         **learner_names,
                           const double  *overall,
                           guint          size)
{
  GListStore *list = g_list_store_new (PL_TYPE_INSIGHTS_ITEM);
  g_autoptr(GArray) mixed = pl_grouping_mixed (n_learners, overall, size);

  for (guint i = 0; i < mixed->len; i++)
    {
      PlGroup *g = &g_array_index (mixed, PlGroup, i);
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "Project group %u — %u learner",
                                                             "Project group %u — %u learners",
                                                             g->n_members),
                                                i + 1, g->n_members);
      g_autofree char *reason = NULL;
      g_autoptr(PlInsightsItem) item = NULL;

      if (isnan (g->min_level))
        reason = g_strdup (_("No evidence yet for these learners."));
      else
        {
          g_autofree char *low = _pl_insights_format_level (g->min_level);
          g_autofree char *high = _pl_insights_format_level (g->max_level);
          /* The spread of the levels as shown, so that the sentence adds up. */
          g_autofree char *spread = _pl_insights_format_level (round (g->max_level * 10) / 10 -
                                                               round (g->min_level * 10) / 10);

          /* Translators: "Overall levels 1.2 to 3.4: a spread of 2.2 levels." */
          reason = g_strdup_printf (_("Overall levels %s to %s: a spread of %s levels."), low, high, spread);
        }
      item = pl_insights_item_new (PL_INSIGHTS_ITEM_GROUP, title, reason);
      for (guint m = 0; m < g->n_members; m++)
        {
          guint l = g->members[m];
          g_autofree char *level = isnan (overall[l]) ? NULL : _pl_insights_format_level (overall[l]);
          g_autofree char *detail = level != NULL ? g_strdup_printf (_("Overall level %s"), level)
                                                  : g_strdup (_("No evidence yet"));

          pl_insights_item_add_member (item, learner_uuids[l], learner_names[l], detail);
        }
      g_list_store_append (list, item);
    }
  return list;
}

/* ---- next options -------------------------------------------------------- */

/* Whether the picks SET (N_PICKED of them) can still become a complete
 * set within the rules by adding options. A board has at most a few
 * dozen options and asks for a few picks, so trying them is cheap. */
static gboolean
can_complete (const PlBoardRules *rules,
              const PlBoardCell  *cells,
              guint               n,
              gboolean           *set,
              guint               n_picked,
              guint               from)
{
  PlPickProblems problems = pl_board_check_picks (rules, cells, n, set);

  /* Too many, or a row or column over its limit, cannot be undone by
   * picking more. */
  if ((problems & ~(PL_PICKS_TOO_FEW | PL_PICKS_MISSING_REQUIRED | PL_PICKS_NO_LINE)) != 0)
    return FALSE;
  if (rules->picks_required == 0)
    return (problems & ~PL_PICKS_TOO_FEW) == 0;
  if (n_picked >= rules->picks_required)
    return problems == PL_PICKS_OK;
  for (guint k = from; k < n; k++)
    {
      gboolean ok;

      if (set[k])
        continue;
      set[k] = TRUE;
      ok = can_complete (rules, cells, n, set, n_picked + 1, k + 1);
      set[k] = FALSE;
      if (ok)
        return TRUE;
    }
  return FALSE;
}

/* Which options the learner may pick on their boards without breaking
 * the rules, now or once the picks are complete (a pick that leaves no
 * way to finish the board is not suggested); FALSE when every board's
 * picks are complete. */
static gboolean
allowed_options (const PlClassSnapshot *s,
                 guint                  l,
                 guint8                *allowed)
{
  const guint8 *picked = s->picked + (gsize) l * s->n_options;
  g_autofree gboolean *set = g_new0 (gboolean, MAX (s->n_options, 1));
  g_autofree PlBoardCell *cells = g_new0 (PlBoardCell, MAX (s->n_options, 1));
  g_autofree guint *index = g_new0 (guint, MAX (s->n_options, 1));
  gboolean any_board = FALSE, any_open = FALSE;

  for (guint o = 0; o < s->n_options; o++)
    allowed[o] = 0;
  for (guint b = 0; b < s->n_boards; b++)
    {
      const PlBoardRules *rules = &s->board_rules[b];
      guint n = 0, n_picked = 0;

      for (guint o = 0; o < s->n_options; o++)
        if (s->option_board[o] == b)
          {
            index[n] = o;
            cells[n] = s->option_cells[o];
            set[n] = picked[o] != 0;
            n_picked += set[n];
            n++;
          }
      if (n == 0)
        continue;
      any_board = TRUE;
      if (rules->picks_required > 0 && n_picked >= rules->picks_required)
        continue;
      any_open = TRUE;
      for (guint k = 0; k < n; k++)
        {
          if (set[k])
            continue;
          set[k] = TRUE;
          allowed[index[k]] = can_complete (rules, cells, n, set, n_picked + 1, 0);
          set[k] = FALSE;
        }
    }
  return !any_board || any_open;
}

guint
_pl_insights_fill_suggestions (GListStore            *list,
                               const PlInsightsFrame *f)
{
  const PlClassSnapshot *s = f->s;
  g_autofree guint32 *option_ids = g_new (guint32, MAX (s->n_options, 1));
  g_autofree guint32 *standard_ids = g_new (guint32, MAX (s->n_standards, 1));
  g_autofree guint8 *allowed = g_new0 (guint8, MAX (s->n_options, 1));
  guint n_complete = 0;
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
    /* Milestones due soon are the learner's own (those not done yet, in
     * s->due_soon): a class-wide flag would tell learners who have done a
     * milestone that it still needs them. */
    .standard_due_soon = NULL,
    .option_ids = option_ids,
    .standard_ids = standard_ids,
  };

  if (s->n_options == 0)
    return 0;
  /* Dismissals rest on what the options and standards are, not where. */
  for (guint o = 0; o < s->n_options; o++)
    option_ids[o] = g_str_hash (s->option_uuids[o]);
  for (guint st = 0; st < s->n_standards; st++)
    standard_ids[st] = g_str_hash (s->standard_uuids[st]);

  for (guint l = 0; l < s->n_learners; l++)
    {
      g_autoptr(GArray) d_option = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) d_signature = g_array_new (FALSE, FALSE, sizeof (guint32));
      PlRecommendation recs[3];
      PlRecommenderLearner learner = {
        .levels = f->levels + (gsize) l * s->n_standards,
        .interest_tags = s->interest_tags[l],
        .preferred_formats = s->preferred_styles[l],
        .recent_formats = s->recent_formats[l],
        .standard_due_soon = s->due_soon + (gsize) l * s->n_standards,
        .picked = s->picked + (gsize) l * s->n_options,
        .allowed = allowed,
        .mastery_probability = f->probability + (gsize) l * s->n_standards,
      };
      guint n;

      if (!allowed_options (s, l, allowed))
        {
          n_complete++;
          continue;
        }
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
          g_list_store_append (list, item);
        }
    }
  return n_complete;
}
