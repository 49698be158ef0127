/* pl-mastery.h — roll-ups of a learner's scores on one standard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scores are given oldest first. Before any method runs, each score is
 * clamped into [0, scale_max] (a score above the top of the scale counts as
 * the top of the scale; a negative score counts as 0) and scores that are
 * not finite numbers are skipped. Every method then yields a value in
 * [0, scale_max] or no value at all.
 *
 * Methods (param is the one number the method takes):
 *   latest            the most recent score
 *   highest           the highest score
 *   mean              the arithmetic mean
 *   mode              the most frequent score; when several scores are
 *                     equally frequent the highest of them wins
 *   decaying-average  param d in [0, 100] (default 65), the weight of the
 *                     newest: D1 = s1, Dk = Dk-1 * (100 - d) / 100 + sk * d / 100
 *   weighted-average  param w in [0, 100] (default 65): latest * w / 100 +
 *                     mean (earlier) * (100 - w) / 100; one score gives itself
 *   n-mastery         param n >= 1 (default 3) and mastery_level (default 3):
 *                     the mean of the scores at or above mastery_level if there
 *                     are at least n of them, else no value
 *   power-law         least squares fit of ln score on ln attempt, evaluated
 *                     at the last attempt and capped to [0, scale_max].
 *                     ln 0 is undefined, so scores below 1 % of scale_max are
 *                     raised to that floor for the fit; a fitted value at or
 *                     below the floor is reported as 0. One score gives itself.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PL_MASTERY_LATEST,
  PL_MASTERY_HIGHEST,
  PL_MASTERY_MEAN,
  PL_MASTERY_MODE,
  PL_MASTERY_DECAYING_AVERAGE,
  PL_MASTERY_WEIGHTED_AVERAGE,
  PL_MASTERY_N_MASTERY,
  PL_MASTERY_POWER_LAW,
} PlMasteryMethod;

#define PL_MASTERY_N_METHODS (PL_MASTERY_POWER_LAW + 1)

typedef struct
{
  PlMasteryMethod method;
  double          param;          /* d, w or n; ignored by the other methods */
  double          mastery_level;  /* n-mastery only */
  double          scale_max;      /* top of the scale, > 0 */
} PlMasterySpec;

#define PL_MASTERY_ERROR (pl_mastery_error_quark ())

typedef enum
{
  PL_MASTERY_ERROR_METHOD,  /* unknown method name */
  PL_MASTERY_ERROR_PARAM,   /* param, mastery level or scale out of range */
} PlMasteryError;

GQuark       pl_mastery_error_quark          (void);

/* Defaults: decaying-average 65, weighted-average 65, n-mastery n = 3 at
 * mastery level 3; scale_max 4 for every method. */
void         pl_mastery_spec_init_default    (PlMasterySpec       *spec,
                                              PlMasteryMethod      method);

/* Checks the ranges above; the error names the field that is wrong. */
gboolean     pl_mastery_spec_validate        (const PlMasterySpec *spec,
                                              GError             **error);

/* FALSE means "no value": no usable score, or n-mastery not reached.
 * Out-of-range parameters are clamped into their ranges. */
gboolean     pl_mastery_rollup               (const PlMasterySpec *spec,
                                              const double        *scores,
                                              gsize                n_scores,
                                              double              *out_value);

/* pl_mastery_rollup by the method's name, as the store keeps it, with
 * PARAM and MASTERY_LEVEL where they are above 0 (the method's defaults
 * otherwise). FALSE also for an unknown method. The Gradebook and the
 * Insights view both roll cells up through this, so they agree. */
gboolean     pl_mastery_rollup_named         (const char          *method,
                                              double               param,
                                              double               mastery_level,
                                              const double        *scores,
                                              gsize                n_scores,
                                              double              *out_value);

/* Many cells at once (CSR layout): cell i's scores are
 * scores[offsets[i] .. offsets[i + 1]), so offsets has n_cells + 1 entries.
 * out_values[i] is 0 when out_has_value[i] is 0. */
void         pl_mastery_rollup_many          (const PlMasterySpec *spec,
                                              const double        *scores,
                                              const guint32       *offsets,
                                              gsize                n_cells,
                                              double              *out_values,
                                              guint8              *out_has_value);

const char  *pl_mastery_method_to_string     (PlMasteryMethod      method);
gboolean     pl_mastery_method_from_string   (const char          *str,
                                              PlMasteryMethod     *out_method);

/* One plain sentence for the gradebook's explanation; translated with the
 * application's domain (the string is marked with N_() and returned
 * through gettext). */
const char  *pl_mastery_method_describe      (PlMasteryMethod      method);

G_END_DECLS
