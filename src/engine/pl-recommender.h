/* pl-recommender.h — the next board options for a learner, with reasons
 *
 * Pure C over arrays. The teacher sees each suggestion with one plain
 * sentence (pl_recommendation_describe) and accepts or dismisses it; a
 * dismissed suggestion comes back only when its signature changes, that
 * is when something about the learner or the option changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint           n_standards;
  guint           n_options;
  /* Standards each option gives evidence for (CSR over options). */
  const guint    *option_standard_offsets;   /* n_options + 1 */
  const guint    *option_standards;
  const int      *option_tier;               /* readiness tier 1 (support) … 3 (stretch) */
  const guint    *option_format;             /* format id < 32 */
  const guint32  *option_tags;               /* interest tag bits */
  /* Optional: ways of working each option involves (bits in the same space
   * as the learner's preferred_formats); NULL: the format bit alone. */
  const guint32  *option_styles;
  /* Prerequisites: standard prereq_from[i] comes before prereq_to[i]. */
  guint           n_prereqs;
  const guint    *prereq_from;
  const guint    *prereq_to;
  /* Optional, n_standards: 1 where a must-do milestone due soon targets it. */
  const guint8   *standard_due_soon;
  double          proficient;
  /* Optional stable ids (e.g. a hash of the uuid) of each option and
   * standard: a dismissal's signature is made of them rather than of the
   * positions, so that reordering the board keeps dismissals. NULL: the
   * positions. */
  const guint32  *option_ids;
  const guint32  *standard_ids;
} PlRecommenderBoard;

typedef struct
{
  const double   *levels;              /* n_standards; NaN: no evidence yet */
  guint32         interest_tags;       /* from the profile's interests */
  guint32         preferred_formats;   /* from the learning preferences */
  /* Optional, n_standards: 1 where one of the learner's goals has a
   * milestone due soon on that standard (adds to the board's). */
  const guint8   *standard_due_soon;
  guint32         recent_formats;      /* formats of the learner's last picks */
  const guint8   *picked;              /* n_options: 1 if already picked */
  /* Suggestions the teacher dismissed: option and signature. */
  guint           n_dismissed;
  const guint    *dismissed_option;
  const guint32  *dismissed_signature;
  /* Optional, n_options: 0 where picking the option would break the
   * board's rules (too many picks, no line, …); those are never suggested.
   * NULL: every option not picked may be suggested. */
  const guint8   *allowed;
  /* Optional, n_standards: the estimated probability (e.g. from BKT) that
   * the learner has mastered each standard; NaN: unknown. Only quoted in
   * the reason, it does not change the ranking. */
  const double   *mastery_probability;
} PlRecommenderLearner;

typedef enum
{
  PL_REASON_GAP        = 1 << 0,   /* works on a standard not yet mastered … */
  PL_REASON_READY      = 1 << 1,   /* … which has prerequisites, all mastered */
  PL_REASON_TIER       = 1 << 2,   /* its readiness tier fits the learner */
  PL_REASON_INTEREST   = 1 << 3,   /* matches an interest */
  PL_REASON_PREFERENCE = 1 << 4,   /* a format the learner prefers */
  PL_REASON_VARIETY    = 1 << 5,   /* a format not used lately */
  PL_REASON_DUE        = 1 << 6,   /* a milestone due soon needs it */
  PL_REASON_UNREADY    = 1 << 7,   /* the standard's prerequisites are not all mastered */
} PlReasonFlags;

typedef struct
{
  guint    option;
  double   score;
  guint    reasons;          /* PlReasonFlags */
  int      focus_standard;   /* the unmastered standard it works on, or -1 */
  double   focus_probability;/* the learner's mastery probability on it, or NaN */
  guint32  signature;
} PlRecommendation;

/* Ranks the options LEARNER has not picked and may pick (see allowed) and
 * writes the best MAX_OUT (1–3 is what the view shows) to OUT, best first;
 * returns how many. Options whose dismissal still holds are skipped. Ties
 * keep board order. A standard without prerequisites counts as ready. */
guint    pl_recommend                (const PlRecommenderBoard   *board,
                                      const PlRecommenderLearner *learner,
                                      guint                       max_out,
                                      PlRecommendation           *out);

/* One plain, translated sentence saying why, e.g. "Works on SCI.7.3, not
 * yet at the proficient level (estimated 35 % likely to have mastered
 * it); its level of challenge fits, and it matches an interest." Readiness is only mentioned for a
 * standard that has prerequisites. FOCUS_CODE may be NULL. */
char    *pl_recommendation_describe  (const PlRecommendation     *rec,
                                      const char                 *focus_code);

G_END_DECLS
