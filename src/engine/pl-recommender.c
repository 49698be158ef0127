/* pl-recommender.c — the next board options for a learner, with reasons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pl-recommender.h"

/* How much each consideration weighs; the gap in mastery dominates. */
#define W_GAP_READY   3.0
#define W_GAP_UNREADY 0.5
#define W_TIER        1.5
#define W_INTEREST    1.0
#define W_PREFERENCE  0.75
#define W_VARIETY     0.5
#define W_DUE         1.0

static gboolean
mastered (const PlRecommenderBoard   *board,
          const PlRecommenderLearner *learner,
          guint                       s)
{
  double v = learner->levels[s];

  return !isnan (v) && v >= board->proficient;
}

/* Whether every prerequisite of S is mastered; *OUT_HAS says whether S
 * has any. */
static gboolean
prerequisites_mastered (const PlRecommenderBoard   *board,
                        const PlRecommenderLearner *learner,
                        guint                       s,
                        gboolean                   *out_has)
{
  gboolean all = TRUE;

  *out_has = FALSE;
  for (guint i = 0; i < board->n_prereqs; i++)
    if (board->prereq_to[i] == s && board->prereq_from[i] < board->n_standards)
      {
        *out_has = TRUE;
        all = all && mastered (board, learner, board->prereq_from[i]);
      }
  return all;
}

/* Support below Developing, core up to Proficient, stretch beyond. */
static int
desired_tier (double level)
{
  if (isnan (level))
    return 2;
  if (level < 2.0)
    return 1;
  if (level < 3.0)
    return 2;
  return 3;
}

static guint32
mix (guint32 h,
     guint32 v)
{
  h ^= v + 0x9e3779b9u + (h << 6) + (h >> 2);
  return h;
}

static guint32
standard_id (const PlRecommenderBoard *board,
             guint                     s)
{
  return board->standard_ids != NULL ? board->standard_ids[s] : s + 1;
}

static void
score_option (const PlRecommenderBoard   *board,
              const PlRecommenderLearner *learner,
              guint                       o,
              PlRecommendation           *rec)
{
  guint first = board->option_standard_offsets[o];
  guint last = board->option_standard_offsets[o + 1];
  double level_sum = 0.0, focus_level = INFINITY;
  guint level_n = 0;
  gboolean gap_ready = FALSE, gap = FALSE, due = FALSE, focus_has_prereqs = FALSE;
  int tier, want;
  guint32 format_bit = 1u << (board->option_format[o] % 32);
  guint32 signature, levels_mix = 0;

  rec->option = o;
  rec->score = 0.0;
  rec->reasons = 0;
  rec->focus_standard = -1;
  rec->focus_probability = NAN;

  for (guint k = first; k < last; k++)
    {
      guint s = board->option_standards[k];
      gboolean has_prereqs;
      double v;

      if (s >= board->n_standards)
        continue;
      v = learner->levels[s];
      if (!isnan (v))
        {
          level_sum += v;
          level_n++;
        }
      if ((board->standard_due_soon != NULL && board->standard_due_soon[s]) ||
          (learner->standard_due_soon != NULL && learner->standard_due_soon[s]))
        due = TRUE;
      if (mastered (board, learner, s))
        continue;
      gap = TRUE;
      if (prerequisites_mastered (board, learner, s, &has_prereqs))
        {
          /* Focus on the ready standard with the lowest level. */
          double key = isnan (v) ? -1.0 : v;

          if (!gap_ready || key < focus_level)
            {
              focus_level = key;
              rec->focus_standard = (int) s;
              focus_has_prereqs = has_prereqs;
            }
          gap_ready = TRUE;
        }
      else if (!gap_ready && rec->focus_standard < 0)
        rec->focus_standard = (int) s;
    }

  if (gap_ready)
    {
      rec->score += W_GAP_READY;
      rec->reasons |= PL_REASON_GAP;
      /* "Ready" only says something when there are prerequisites. */
      if (focus_has_prereqs)
        rec->reasons |= PL_REASON_READY;
    }
  else if (gap)
    {
      rec->score += W_GAP_UNREADY;
      rec->reasons |= PL_REASON_GAP | PL_REASON_UNREADY;
    }
  if (rec->focus_standard >= 0 && learner->mastery_probability != NULL)
    rec->focus_probability = learner->mastery_probability[rec->focus_standard];

  tier = CLAMP (board->option_tier[o], 1, 3);
  want = desired_tier (level_n > 0 ? level_sum / level_n : NAN);
  rec->score += W_TIER * (1.0 - ABS (tier - want) / 2.0);
  if (tier == want)
    rec->reasons |= PL_REASON_TIER;

  if (board->option_tags != NULL && (board->option_tags[o] & learner->interest_tags) != 0)
    {
      rec->score += W_INTEREST;
      rec->reasons |= PL_REASON_INTEREST;
    }
  if ((learner->preferred_formats &
       (board->option_styles != NULL ? board->option_styles[o] : format_bit)) != 0)
    {
      rec->score += W_PREFERENCE;
      rec->reasons |= PL_REASON_PREFERENCE;
    }
  if ((learner->recent_formats & format_bit) == 0)
    {
      rec->score += W_VARIETY;
      rec->reasons |= PL_REASON_VARIETY;
    }
  if (due)
    {
      rec->score += W_DUE;
      rec->reasons |= PL_REASON_DUE;
    }

  /* What the suggestion rests on: the option itself (by its id, not its
   * place on the board), the facts its reason states, and the learner's
   * levels on its standards, each standard by its id and in any order. A
   * dismissal holds while this is the same. */
  signature = board->option_ids != NULL ? board->option_ids[o] : o;
  signature = mix (signature, rec->reasons);
  signature = mix (signature, rec->focus_standard >= 0 ? standard_id (board, (guint) rec->focus_standard) : 0);
  for (guint k = first; k < last; k++)
    {
      guint s = board->option_standards[k];
      double v;

      if (s >= board->n_standards)
        continue;
      v = learner->levels[s];
      levels_mix += mix (standard_id (board, s), isnan (v) ? 0xffffu : (guint32) lround (v * 2.0));
    }
  rec->signature = mix (signature, levels_mix);
}

static gboolean
dismissed (const PlRecommenderLearner *learner,
           const PlRecommendation     *rec)
{
  for (guint i = 0; i < learner->n_dismissed; i++)
    if (learner->dismissed_option[i] == rec->option &&
        learner->dismissed_signature[i] == rec->signature)
      return TRUE;
  return FALSE;
}

guint
pl_recommend (const PlRecommenderBoard   *board,
              const PlRecommenderLearner *learner,
              guint                       max_out,
              PlRecommendation           *out)
{
  guint n = 0;

  g_return_val_if_fail (board != NULL, 0);
  g_return_val_if_fail (learner != NULL, 0);
  g_return_val_if_fail (out != NULL || max_out == 0, 0);

  for (guint o = 0; o < board->n_options; o++)
    {
      PlRecommendation rec;
      guint pos;

      if ((learner->picked != NULL && learner->picked[o]) ||
          (learner->allowed != NULL && !learner->allowed[o]))
        continue;
      score_option (board, learner, o, &rec);
      if (dismissed (learner, &rec))
        continue;

      /* Insertion into the sorted top list; a later equal score stays behind. */
      for (pos = n; pos > 0 && out[pos - 1].score < rec.score; pos--)
        ;
      if (pos >= max_out)
        continue;
      if (n < max_out)
        n++;
      memmove (&out[pos + 1], &out[pos], (n - 1 - pos) * sizeof (PlRecommendation));
      out[pos] = rec;
    }
  return n;
}

char *
pl_recommendation_describe (const PlRecommendation *rec,
                            const char             *focus_code)
{
  GString *s;
  const char *code = focus_code != NULL ? focus_code : _("a standard");
  g_autoptr(GPtrArray) extras = g_ptr_array_new ();
  gboolean known;
  int percent;

  g_return_val_if_fail (rec != NULL, NULL);

  known = !isnan (rec->focus_probability);
  /* A model's estimate is never certain: 1 % to 99 %. */
  percent = known ? (int) CLAMP (lround (100.0 * rec->focus_probability), 1, 99) : 0;
  s = g_string_new (NULL);
  /* Translators: "%s" is a standard's code, "%d %%" a percentage; the
   * estimate comes from knowledge tracing. */
  if ((rec->reasons & PL_REASON_READY) != 0 && known)
    g_string_append_printf (s, _("Works on %s, not yet at the proficient level (estimated %d %% likely to have mastered it) but ready for: its prerequisites are mastered."),
                            code, percent);
  else if ((rec->reasons & PL_REASON_READY) != 0)
    g_string_append_printf (s, _("Works on %s, not yet mastered but ready for: its prerequisites are mastered."), code);
  else if ((rec->reasons & PL_REASON_UNREADY) != 0 && known)
    g_string_append_printf (s, _("Works on %s, not yet at the proficient level (estimated %d %% likely to have mastered it), though a prerequisite is not mastered yet."),
                            code, percent);
  else if ((rec->reasons & PL_REASON_UNREADY) != 0)
    g_string_append_printf (s, _("Works on %s, not yet mastered, though a prerequisite is not mastered yet."), code);
  else if ((rec->reasons & PL_REASON_GAP) != 0 && known)
    g_string_append_printf (s, _("Works on %s, not yet at the proficient level (estimated %d %% likely to have mastered it)."), code, percent);
  else if ((rec->reasons & PL_REASON_GAP) != 0)
    g_string_append_printf (s, _("Works on %s, not yet mastered."), code);
  else
    g_string_append (s, _("Extends standards already mastered."));

  if ((rec->reasons & PL_REASON_TIER) != 0)
    g_ptr_array_add (extras, _("its level of challenge fits"));
  if ((rec->reasons & PL_REASON_INTEREST) != 0)
    g_ptr_array_add (extras, _("it matches an interest"));
  if ((rec->reasons & PL_REASON_PREFERENCE) != 0)
    g_ptr_array_add (extras, _("it uses a preferred way of working"));
  if ((rec->reasons & PL_REASON_DUE) != 0)
    g_ptr_array_add (extras, _("a milestone due within a week needs it"));
  if ((rec->reasons & PL_REASON_VARIETY) != 0 && extras->len < 2)
    g_ptr_array_add (extras, _("it brings a format not used lately"));

  if (extras->len > 0)
    {
      /* Two considerations at most keep it one plain sentence. */
      g_string_truncate (s, s->len - 1);
      if (extras->len == 1)
        g_string_append_printf (s, _("; %s."), (char *) extras->pdata[0]);
      else
        g_string_append_printf (s, _("; %s, and %s."), (char *) extras->pdata[0],
                                (char *) extras->pdata[1]);
    }
  return g_string_free (s, FALSE);
}
