/* pl-bkt.c — Bayesian Knowledge Tracing: EM fit, mastery, prediction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pl-bkt-private.h"
#include "pl-random.h"

/* Probabilities stay this far from 0 and 1 so that every likelihood is
 * positive and no division in the kernels can see a zero. */
#define PROB_MIN 1e-4
#define PROB_MAX (1.0 - 1e-4)
/* Guess and slip stay below one half: above it "knows the skill" would
 * mean "does worse", and the two states could swap meaning. */
#define GUESS_SLIP_MAX 0.499
#define FORGET_MAX 0.5

/* Each random start runs this many EM iterations; the best one by
 * log-likelihood then runs to convergence. */
#define EXPLORE_ITERATIONS 6

#define DEFAULT_PRIOR 0.5
#define DEFAULT_LEARN 0.1
#define DEFAULT_GUESS 0.2
#define DEFAULT_SLIP 0.1

G_DEFINE_QUARK (pl-bkt-error-quark, pl_bkt_error)

gsize
pl_bkt_sequences_count (const PlBktObservations *obs)
{
  g_return_val_if_fail (obs != NULL, 0);

  return obs->n_skills > 0 ? obs->skill_offsets[obs->n_skills] : 0;
}

gsize
pl_bkt_observations_count (const PlBktObservations *obs)
{
  g_return_val_if_fail (obs != NULL, 0);

  return obs->n_skills > 0 ? obs->seq_offsets[pl_bkt_sequences_count (obs)] : 0;
}

gboolean
pl_bkt_observations_check (const PlBktObservations  *obs,
                           GError                  **error)
{
  gsize n_seqs, n_obs;

  g_return_val_if_fail (obs != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (obs->n_skills == 0)
    return TRUE;

  if (obs->skill_offsets == NULL || obs->seq_offsets == NULL)
    {
      g_set_error (error, PL_BKT_ERROR, PL_BKT_ERROR_INVALID,
                   _("Observations without offsets"));
      return FALSE;
    }

  for (guint k = 0; k < obs->n_skills; k++)
    if (obs->skill_offsets[k + 1] < obs->skill_offsets[k])
      {
        g_set_error (error, PL_BKT_ERROR, PL_BKT_ERROR_INVALID,
                     _("Sequence offsets of skill %u go backwards"), k);
        return FALSE;
      }
  if (obs->skill_offsets[0] != 0)
    {
      g_set_error (error, PL_BKT_ERROR, PL_BKT_ERROR_INVALID,
                   _("The first skill must start at sequence 0"));
      return FALSE;
    }

  n_seqs = obs->skill_offsets[obs->n_skills];
  if (obs->seq_offsets[0] != 0)
    {
      g_set_error (error, PL_BKT_ERROR, PL_BKT_ERROR_INVALID,
                   _("The first sequence must start at observation 0"));
      return FALSE;
    }
  for (gsize s = 0; s < n_seqs; s++)
    if (obs->seq_offsets[s + 1] < obs->seq_offsets[s])
      {
        g_set_error (error, PL_BKT_ERROR, PL_BKT_ERROR_INVALID,
                     _("Observation offsets of sequence %zu go backwards"), s);
        return FALSE;
      }

  n_obs = obs->seq_offsets[n_seqs];
  if (n_obs > 0 && obs->correct == NULL)
    {
      g_set_error (error, PL_BKT_ERROR, PL_BKT_ERROR_INVALID,
                   _("Observations without values"));
      return FALSE;
    }
  for (gsize i = 0; i < n_obs; i++)
    if (obs->correct[i] > 1)
      {
        g_set_error (error, PL_BKT_ERROR, PL_BKT_ERROR_INVALID,
                     _("Observation %zu is %u; it must be 0 or 1"),
                     i, obs->correct[i]);
        return FALSE;
      }

  return TRUE;
}

void
pl_bkt_fit_options_init (PlBktFitOptions *options)
{
  g_return_if_fail (options != NULL);

  options->seed = 1;
  options->restarts = 5;
  options->max_iterations = 200;
  options->tolerance = 1e-5;
  options->ll_tolerance = 1e-6;
  options->forget = FALSE;
  options->progress = NULL;
  options->progress_data = NULL;
}

void
pl_bkt_params_init_default (PlBktParams *params)
{
  g_return_if_fail (params != NULL);

  params->prior = DEFAULT_PRIOR;
  params->learn = DEFAULT_LEARN;
  params->guess = DEFAULT_GUESS;
  params->slip = DEFAULT_SLIP;
  params->forget = 0.0;
}

static inline double
clamp_prob (double value,
            double lo,
            double hi,
            double fallback)
{
  if (isnan (value))
    return fallback;
  return CLAMP (value, lo, hi);
}

void
pl_bkt_params_clamp (PlBktParams *params,
                     gboolean     with_forget)
{
  g_return_if_fail (params != NULL);

  params->prior = clamp_prob (params->prior, PROB_MIN, PROB_MAX, DEFAULT_PRIOR);
  params->learn = clamp_prob (params->learn, PROB_MIN, PROB_MAX, DEFAULT_LEARN);
  params->guess = clamp_prob (params->guess, PROB_MIN, GUESS_SLIP_MAX, DEFAULT_GUESS);
  params->slip = clamp_prob (params->slip, PROB_MIN, GUESS_SLIP_MAX, DEFAULT_SLIP);
  params->forget = with_forget ? clamp_prob (params->forget, 0.0, FORGET_MAX, 0.0) : 0.0;
  /* Learning and forgetting together must leave a valid transition. */
  if (params->learn + params->forget > 1.0)
    params->forget = 1.0 - params->learn;
}

/* The M-step: each parameter is its expected count over its expected
 * opportunities. A parameter without opportunities keeps its value. */
static void
maximise (const PlBktCounts *c,
          PlBktParams       *p,
          gboolean           with_forget)
{
  const double tiny = 1e-9;
  double gamma_u = c->n_obs - c->gamma_l;
  double gamma_u_ok = c->n_correct - c->gamma_l_ok;
  double trans_u = c->n_trans - c->trans_l;

  if (c->n_seqs > 0)
    p->prior = c->prior_l / c->n_seqs;
  if (gamma_u > tiny)
    p->guess = gamma_u_ok / gamma_u;
  if (c->gamma_l > tiny)
    p->slip = (c->gamma_l - c->gamma_l_ok) / c->gamma_l;
  if (trans_u > tiny)
    p->learn = c->xi_ul / trans_u;
  if (with_forget && c->trans_l > tiny)
    p->forget = c->xi_lu / c->trans_l;
  pl_bkt_params_clamp (p, with_forget);
}

static double
max_change (const PlBktParams *a,
            const PlBktParams *b)
{
  double d = fabs (a->prior - b->prior);

  d = MAX (d, fabs (a->learn - b->learn));
  d = MAX (d, fabs (a->guess - b->guess));
  d = MAX (d, fabs (a->slip - b->slip));
  d = MAX (d, fabs (a->forget - b->forget));
  return d;
}

/* Runs EM from PARAMS; returns the log-likelihood of the last parameters
 * it evaluated and leaves the improved parameters in PARAMS. */
static double
run_em (PlBktLayout           *layout,
        guint                  skill,
        PlBktParams           *params,
        guint                  max_iterations,
        const PlBktFitOptions *options,
        gboolean              *out_converged)
{
  double ll = -INFINITY;
  double prev_ll = -INFINITY;

  *out_converged = FALSE;
  for (guint it = 0; it < max_iterations; it++)
    {
      PlBktCounts counts;
      PlBktParams next = *params;

      _pl_bkt_expect (layout, skill, params, &counts);
      ll = counts.log_likelihood;
      maximise (&counts, &next, options->forget);
      /* Either the parameters have settled, or the likelihood is so flat
       * that further steps only drift along it. */
      if (max_change (&next, params) < options->tolerance ||
          (it > 0 && ll - prev_ll < options->ll_tolerance * counts.n_obs))
        {
          *params = next;
          *out_converged = TRUE;
          break;
        }
      *params = next;
      prev_ll = ll;
    }

  return ll;
}

static void
random_start (guint64      seed,
              guint        skill,
              guint        restart,
              gboolean     with_forget,
              PlBktParams *params)
{
  PlRandom rng;

  /* Each (seed, skill, start) has its own stream, so a skill's result
   * does not depend on the other skills or on the order they are fitted. */
  pl_random_init (&rng, seed ^ (G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) * (skill + 1))
                        ^ ((guint64) restart << 40));
  params->prior = pl_random_range (&rng, 0.1, 0.9);
  params->learn = pl_random_range (&rng, 0.02, 0.4);
  params->guess = pl_random_range (&rng, 0.05, 0.4);
  params->slip = pl_random_range (&rng, 0.05, 0.4);
  params->forget = with_forget ? pl_random_range (&rng, 0.01, 0.1) : 0.0;
  /* The first start is always the same central guess. */
  if (restart == 0)
    {
      params->prior = 0.5;
      params->learn = 0.15;
      params->guess = 0.2;
      params->slip = 0.1;
      params->forget = with_forget ? 0.02 : 0.0;
    }
}

/* Fits one skill; returns the log-likelihood of the parameters found. */
static double
fit_skill (PlBktLayout           *layout,
           guint                  k,
           const PlBktFitOptions *options,
           PlBktParams           *out)
{
  PlBktParams best;
  PlBktCounts counts;
  double best_ll = -INFINITY;
  gboolean converged = FALSE;

  pl_bkt_params_init_default (&best);
  if (layout->n_obs[k] == 0)
    {
      *out = best;
      return 0.0;
    }

  for (guint r = 0; r < MAX (options->restarts, 1); r++)
    {
      PlBktParams p;
      gboolean done;
      double ll;

      random_start (options->seed, k, r, options->forget, &p);
      pl_bkt_params_clamp (&p, options->forget);
      ll = run_em (layout, k, &p, MIN (EXPLORE_ITERATIONS, options->max_iterations),
                   options, &done);
      if (ll > best_ll || r == 0)
        {
          best_ll = ll;
          best = p;
          converged = done;
        }
    }

  if (!converged && options->max_iterations > EXPLORE_ITERATIONS)
    run_em (layout, k, &best, options->max_iterations - EXPLORE_ITERATIONS,
            options, &converged);

  *out = best;
  _pl_bkt_expect (layout, k, &best, &counts);
  return counts.log_likelihood;
}

gboolean
pl_bkt_fit (const PlBktObservations  *obs,
            const PlBktFitOptions    *options,
            PlBktParams              *out_params,
            double                   *out_log_likelihood,
            GError                  **error)
{
  PlBktFitOptions defaults;
  PlBktLayout *layout;

  g_return_val_if_fail (obs != NULL, FALSE);
  g_return_val_if_fail (out_params != NULL || obs->n_skills == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      pl_bkt_fit_options_init (&defaults);
      options = &defaults;
    }

  if (!pl_bkt_observations_check (obs, error))
    return FALSE;

  layout = _pl_bkt_layout_new (obs);
  for (guint k = 0; k < obs->n_skills; k++)
    {
      double ll = fit_skill (layout, k, options, &out_params[k]);

      if (out_log_likelihood != NULL)
        out_log_likelihood[k] = ll;
      if (options->progress != NULL &&
          !options->progress (k + 1, obs->n_skills, options->progress_data))
        {
          _pl_bkt_layout_free (layout);
          g_set_error (error, PL_BKT_ERROR, PL_BKT_ERROR_CANCELLED,
                       _("The fit was cancelled"));
          return FALSE;
        }
    }
  _pl_bkt_layout_free (layout);

  return TRUE;
}

void
pl_bkt_predict (const PlBktObservations *obs,
                const PlBktParams       *params,
                float                   *out_predicted)
{
  PlBktLayout *layout;

  g_return_if_fail (obs != NULL);
  g_return_if_fail (params != NULL || obs->n_skills == 0);
  g_return_if_fail (out_predicted != NULL || pl_bkt_observations_count (obs) == 0);

  layout = _pl_bkt_layout_new (obs);
  for (guint k = 0; k < obs->n_skills; k++)
    {
      PlBktParams p = params[k];

      pl_bkt_params_clamp (&p, TRUE);
      _pl_bkt_predict_skill (layout, k, &p, out_predicted);
    }
  _pl_bkt_layout_free (layout);
}

void
pl_bkt_mastery (const PlBktObservations *obs,
                const PlBktParams       *params,
                float                   *out_mastery)
{
  PlBktLayout *layout;

  g_return_if_fail (obs != NULL);
  g_return_if_fail (params != NULL || obs->n_skills == 0);
  g_return_if_fail (out_mastery != NULL || pl_bkt_sequences_count (obs) == 0);

  layout = _pl_bkt_layout_new (obs);
  for (guint k = 0; k < obs->n_skills; k++)
    {
      PlBktParams p = params[k];

      pl_bkt_params_clamp (&p, TRUE);
      /* Empty sequences are in no block: they keep the prior. */
      for (guint32 s = obs->skill_offsets[k]; s < obs->skill_offsets[k + 1]; s++)
        out_mastery[s] = p.prior;
      _pl_bkt_filter (layout, k, &p, out_mastery);
    }
  _pl_bkt_layout_free (layout);
}

double
pl_bkt_mastery_of_sequence (const PlBktParams *params,
                            const guint8      *correct,
                            gsize              n)
{
  PlBktParams p;
  double q;

  g_return_val_if_fail (params != NULL, 0.0);
  g_return_val_if_fail (correct != NULL || n == 0, 0.0);

  p = *params;
  pl_bkt_params_clamp (&p, TRUE);
  q = p.prior;
  for (gsize i = 0; i < n; i++)
    {
      double jl = q * (correct[i] ? 1.0 - p.slip : p.slip);
      double ju = (1.0 - q) * (correct[i] ? p.guess : 1.0 - p.guess);
      double a = jl / (jl + ju);

      q = a * (1.0 - p.forget) + (1.0 - a) * p.learn;
    }

  return q;
}

void
pl_bkt_log_likelihood (const PlBktObservations *obs,
                       const PlBktParams       *params,
                       double                  *out_log_likelihood)
{
  PlBktLayout *layout;

  g_return_if_fail (obs != NULL);
  g_return_if_fail (params != NULL || obs->n_skills == 0);
  g_return_if_fail (out_log_likelihood != NULL || obs->n_skills == 0);

  layout = _pl_bkt_layout_new (obs);
  for (guint k = 0; k < obs->n_skills; k++)
    {
      PlBktParams p = params[k];
      PlBktCounts counts;

      pl_bkt_params_clamp (&p, TRUE);
      _pl_bkt_expect (layout, k, &p, &counts);
      out_log_likelihood[k] = counts.log_likelihood;
    }
  _pl_bkt_layout_free (layout);
}

void
pl_bkt_simulate (const PlBktParams *params,
                 guint              n_skills,
                 guint              n_learners,
                 guint              n_opportunities,
                 guint64            seed,
                 guint32           *skill_offsets,
                 guint32           *seq_offsets,
                 guint8            *correct)
{
  PlRandom rng;
  gsize seq = 0, i = 0;

  g_return_if_fail (params != NULL || n_skills == 0);
  g_return_if_fail (skill_offsets != NULL && seq_offsets != NULL);
  g_return_if_fail (correct != NULL || n_skills * n_learners * n_opportunities == 0);

  pl_random_init (&rng, seed);
  seq_offsets[0] = 0;
  for (guint k = 0; k < n_skills; k++)
    {
      const PlBktParams *p = &params[k];

      skill_offsets[k] = seq;
      for (guint j = 0; j < n_learners; j++)
        {
          gboolean known = pl_random_double (&rng) < p->prior;

          for (guint t = 0; t < n_opportunities; t++)
            {
              double u = pl_random_double (&rng);

              correct[i++] = known ? u >= p->slip : u < p->guess;
              if (known)
                known = pl_random_double (&rng) >= p->forget;
              else
                known = pl_random_double (&rng) < p->learn;
            }
          seq_offsets[++seq] = i;
        }
    }
  skill_offsets[n_skills] = seq;
}
