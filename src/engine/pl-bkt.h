/* pl-bkt.h — Bayesian Knowledge Tracing: fit, mastery, prediction, metrics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model per skill (standard) is a two-state hidden Markov model: the
 * learner has not learnt the skill (U) or has (L). Before the first
 * opportunity P(L) = prior; after each opportunity U turns into L with
 * probability learn and L into U with probability forget (0 unless
 * forgetting is fitted). A learner in L fails with probability slip; one
 * in U succeeds with probability guess.
 *
 * Observations are grouped per skill, then per learner sequence in the
 * order they happened (CSR layout):
 *
 *   sequences of skill k:      skill_offsets[k] .. skill_offsets[k + 1]
 *   observations of sequence j: seq_offsets[j] .. seq_offsets[j + 1]
 *   correct[i]:                 1 = success, 0 = failure
 *
 * What counts as a success (e.g. a rubric level at or above "proficient")
 * is the caller's decision.
 *
 * Filling it from the store: read the evidence ordered by standard, then
 * learner, then assessed date (and creation order for equal dates); start
 * a new sequence whenever the learner changes and a new skill whenever the
 * standard changes, remembering which (learner, standard) each sequence
 * is. pl_bkt_mastery then gives one value per sequence.
 *
 * Every function works only on its arguments (no global state), so fits
 * of different classes may run in parallel threads.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double prior;   /* P(L) before the first opportunity */
  double learn;   /* P(U -> L) after an opportunity */
  double guess;   /* P(success | U), kept below 0.5 */
  double slip;    /* P(failure | L), kept below 0.5 */
  double forget;  /* P(L -> U) after an opportunity; 0 without forgetting */
} PlBktParams;

typedef struct
{
  guint          n_skills;
  const guint32 *skill_offsets;  /* n_skills + 1 entries */
  const guint32 *seq_offsets;    /* skill_offsets[n_skills] + 1 entries */
  const guint8  *correct;        /* seq_offsets[n_sequences] entries, 0 or 1 */
} PlBktObservations;

/* Called after each skill of a fit; returning FALSE stops the fit, which
 * then fails with PL_BKT_ERROR_CANCELLED (e.g. from a GCancellable in the
 * caller's GTask). */
typedef gboolean (*PlBktProgressFunc) (guint    skills_done,
                                       guint    n_skills,
                                       gpointer user_data);

typedef struct
{
  guint64  seed;            /* same seed, same data: same parameters */
  guint    restarts;        /* random starting points per skill, >= 1 (default 5) */
  guint    max_iterations;  /* EM iterations of the best start (default 200) */
  double   tolerance;       /* stop when no parameter moves more (default 1e-5) */
  double   ll_tolerance;    /* ... or when the log-likelihood gains less than this
                             * per observation (default 1e-6) */
  gboolean forget;          /* fit forget too (default FALSE: forget = 0) */
  PlBktProgressFunc progress;  /* may be NULL (the default) */
  gpointer          progress_data;
} PlBktFitOptions;

typedef struct
{
  double rmse;
  double auc;       /* rank-based, ties share their mean rank; NAN when only one class */
  double accuracy;  /* a prediction >= 0.5 counts as predicting success */
  double log_loss;  /* predictions clipped to [1e-15, 1 - 1e-15] */
  gsize  n;
} PlBktMetrics;

#define PL_BKT_ERROR (pl_bkt_error_quark ())

typedef enum
{
  PL_BKT_ERROR_INVALID,  /* offsets not increasing, or a correct value not 0/1 */
  PL_BKT_ERROR_CANCELLED,  /* the progress function asked to stop */
} PlBktError;

GQuark        pl_bkt_error_quark          (void);

gsize         pl_bkt_observations_count   (const PlBktObservations *obs);
gsize         pl_bkt_sequences_count      (const PlBktObservations *obs);
gboolean      pl_bkt_observations_check   (const PlBktObservations *obs,
                                           GError                 **error);

void          pl_bkt_fit_options_init     (PlBktFitOptions         *options);

/* Keeps every probability inside its bounds (away from 0 and 1; guess and
 * slip below 0.5; forget 0 when WITH_FORGET is FALSE); NaN becomes the
 * default value of that parameter. */
void          pl_bkt_params_clamp         (PlBktParams             *params,
                                           gboolean                 with_forget);
void          pl_bkt_params_init_default  (PlBktParams             *params);

/* Fits every skill by EM (scaled forward-backward) from OPTIONS->restarts
 * starts (the first a fixed central guess, the others drawn from the
 * seed), each explored for a few iterations; the start with the best
 * log-likelihood then runs until no parameter moves by more than
 * tolerance, the log-likelihood stops improving, or max_iterations.
 * Writes n_skills parameter sets (and log-likelihoods when
 * OUT_LOG_LIKELIHOOD is not NULL). A skill without observations gets the
 * default parameters. OPTIONS may be NULL for the defaults. */
gboolean      pl_bkt_fit                  (const PlBktObservations *obs,
                                           const PlBktFitOptions   *options,
                                           PlBktParams             *out_params,
                                           double                  *out_log_likelihood,
                                           GError                 **error);

/* P(correct) of every observation before it is seen (n_observations
 * values in the input order). PARAMS has one entry per skill. */
void          pl_bkt_predict              (const PlBktObservations *obs,
                                           const PlBktParams       *params,
                                           float                   *out_predicted);

/* Mastery of every sequence after its last observation: P(L) going into
 * the next opportunity (the posterior after the last observation, then
 * one learning step). An empty sequence gives the prior. */
void          pl_bkt_mastery              (const PlBktObservations *obs,
                                           const PlBktParams       *params,
                                           float                   *out_mastery);

/* The same for one sequence, for callers that hold a single learner. */
double        pl_bkt_mastery_of_sequence  (const PlBktParams       *params,
                                           const guint8            *correct,
                                           gsize                    n);

/* Log-likelihood of the observations of every skill under PARAMS. */
void          pl_bkt_log_likelihood       (const PlBktObservations *obs,
                                           const PlBktParams       *params,
                                           double                  *out_log_likelihood);

/* Draws a data set from the model: every one of N_LEARNERS learners has
 * N_OPPORTUNITIES observations on each of N_SKILLS skills (PARAMS has one
 * entry per skill). The caller provides SKILL_OFFSETS (n_skills + 1),
 * SEQ_OFFSETS (n_skills * n_learners + 1) and CORRECT (n_skills *
 * n_learners * n_opportunities); sequence k * n_learners + j is learner j
 * on skill k. The same seed gives the same data. */
void          pl_bkt_simulate             (const PlBktParams       *params,
                                           guint                    n_skills,
                                           guint                    n_learners,
                                           guint                    n_opportunities,
                                           guint64                  seed,
                                           guint32                 *skill_offsets,
                                           guint32                 *seq_offsets,
                                           guint8                  *correct);

void          pl_bkt_metrics_compute      (const guint8            *correct,
                                           const float             *predicted,
                                           gsize                    n,
                                           PlBktMetrics            *out_metrics);

G_END_DECLS
