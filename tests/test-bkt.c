/* test-bkt.c — Bayesian Knowledge Tracing: recovery, prediction, safety
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "engine/pl-bkt.h"
#include "engine/pl-random.h"

#define N_SKILLS 20
#define N_LEARNERS 1000
#define N_OPPS 50

typedef struct
{
  guint32 skill_offsets[N_SKILLS + 1];
  guint32 *seq_offsets;
  guint8 *correct;
  PlBktObservations obs;
} SimData;

static void
true_params (PlBktParams *p)
{
  for (guint k = 0; k < N_SKILLS; k++)
    {
      p[k].prior = 0.15 + 0.03 * (k % 10);
      p[k].learn = 0.05 + 0.02 * (k % 7);
      p[k].guess = 0.10 + 0.02 * (k % 8);
      p[k].slip = 0.05 + 0.015 * (k % 9);
      p[k].forget = 0.0;
    }
}

static void
sim_data_init (SimData           *d,
               const PlBktParams *params,
               guint64            seed)
{
  d->seq_offsets = g_new (guint32, N_SKILLS * N_LEARNERS + 1);
  d->correct = g_new (guint8, N_SKILLS * N_LEARNERS * N_OPPS);
  pl_bkt_simulate (params, N_SKILLS, N_LEARNERS, N_OPPS, seed,
                   d->skill_offsets, d->seq_offsets, d->correct);
  d->obs.n_skills = N_SKILLS;
  d->obs.skill_offsets = d->skill_offsets;
  d->obs.seq_offsets = d->seq_offsets;
  d->obs.correct = d->correct;
}

static void
sim_data_clear (SimData *d)
{
  g_free (d->seq_offsets);
  g_free (d->correct);
}

static gboolean
params_sane (const PlBktParams *p)
{
  return isfinite (p->prior) && isfinite (p->learn) && isfinite (p->guess) &&
         isfinite (p->slip) && isfinite (p->forget) &&
         p->prior > 0 && p->prior < 1 && p->learn > 0 && p->learn < 1 &&
         p->guess > 0 && p->guess < 0.5 && p->slip > 0 && p->slip < 0.5 &&
         p->forget >= 0 && p->forget < 1;
}

static void
test_bkt_recovers_parameters (void)
{
  PlBktParams truth[N_SKILLS], fitted[N_SKILLS];
  PlBktFitOptions options;
  g_autoptr(GError) error = NULL;
  SimData train, test;
  g_autofree float *pred_fit = NULL;
  g_autofree float *pred_true = NULL;
  PlBktMetrics m_fit, m_true;
  double mae = 0.0;
  gsize n;

  true_params (truth);
  sim_data_init (&train, truth, 42);
  sim_data_init (&test, truth, 4242);

  pl_bkt_fit_options_init (&options);
  options.seed = 7;
  g_assert_true (pl_bkt_fit (&train.obs, &options, fitted, NULL, &error));
  g_assert_no_error (error);

  for (guint k = 0; k < N_SKILLS; k++)
    {
      g_assert_true (params_sane (&fitted[k]));
      g_assert_cmpfloat (fitted[k].forget, ==, 0.0);
      mae += fabs (fitted[k].prior - truth[k].prior);
      mae += fabs (fitted[k].learn - truth[k].learn);
      mae += fabs (fitted[k].guess - truth[k].guess);
      mae += fabs (fitted[k].slip - truth[k].slip);
    }
  mae /= 4 * N_SKILLS;
  g_test_message ("parameter MAE %.4f", mae);
  g_assert_cmpfloat (mae, <=, 0.02);

  n = pl_bkt_observations_count (&test.obs);
  pred_fit = g_new (float, n);
  pred_true = g_new (float, n);
  pl_bkt_predict (&test.obs, fitted, pred_fit);
  pl_bkt_predict (&test.obs, truth, pred_true);
  pl_bkt_metrics_compute (test.correct, pred_fit, n, &m_fit);
  pl_bkt_metrics_compute (test.correct, pred_true, n, &m_true);
  g_test_message ("held-out RMSE %.5f (truth %.5f), AUC %.5f (truth %.5f)",
                  m_fit.rmse, m_true.rmse, m_fit.auc, m_true.auc);
  g_assert_cmpfloat (fabs (m_fit.rmse - m_true.rmse), <=, 0.001);
  g_assert_cmpfloat (fabs (m_fit.auc - m_true.auc), <=, 0.001);
  g_assert_cmpfloat (m_true.auc, >, 0.6);

  sim_data_clear (&train);
  sim_data_clear (&test);
}

static void
test_bkt_recovers_forgetting (void)
{
  enum { K = 5 };
  PlBktParams truth[K], fitted[K];
  guint32 skill_offsets[K + 1];
  g_autofree guint32 *seq_offsets = g_new (guint32, K * N_LEARNERS + 1);
  g_autofree guint8 *correct = g_new (guint8, K * N_LEARNERS * N_OPPS);
  PlBktObservations obs = { K, skill_offsets, seq_offsets, correct };
  PlBktFitOptions options;
  double mae = 0.0;

  for (guint k = 0; k < K; k++)
    truth[k] = (PlBktParams) { 0.2 + 0.05 * k, 0.1 + 0.02 * k, 0.15 + 0.02 * k,
                               0.08 + 0.01 * k, 0.02 + 0.015 * k };
  pl_bkt_simulate (truth, K, N_LEARNERS, N_OPPS, 3, skill_offsets, seq_offsets, correct);

  pl_bkt_fit_options_init (&options);
  options.forget = TRUE;
  g_assert_true (pl_bkt_fit (&obs, &options, fitted, NULL, NULL));
  for (guint k = 0; k < K; k++)
    {
      g_assert_true (params_sane (&fitted[k]));
      mae += fabs (fitted[k].prior - truth[k].prior) + fabs (fitted[k].learn - truth[k].learn) +
             fabs (fitted[k].guess - truth[k].guess) + fabs (fitted[k].slip - truth[k].slip) +
             fabs (fitted[k].forget - truth[k].forget);
    }
  mae /= 5 * K;
  g_test_message ("parameter MAE with forgetting %.4f", mae);
  g_assert_cmpfloat (mae, <=, 0.02);
}

static void
test_bkt_deterministic (void)
{
  PlBktParams truth[N_SKILLS], a[N_SKILLS], b[N_SKILLS];
  PlBktFitOptions options;
  SimData d;
  PlBktObservations few;

  true_params (truth);
  sim_data_init (&d, truth, 5);
  /* Three skills are enough to see whether two runs agree. */
  few = d.obs;
  few.n_skills = 3;

  pl_bkt_fit_options_init (&options);
  options.seed = 99;
  options.restarts = 3;
  g_assert_true (pl_bkt_fit (&few, &options, a, NULL, NULL));
  g_assert_true (pl_bkt_fit (&few, &options, b, NULL, NULL));
  g_assert_cmpmem (a, sizeof (PlBktParams) * 3, b, sizeof (PlBktParams) * 3);

  sim_data_clear (&d);
}

static gboolean
count_progress_cb (guint    done,
                   guint    n_skills,
                   gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (done, ==, *calls + 1);
  g_assert_cmpuint (n_skills, ==, 3);
  (*calls)++;
  /* Stop after the second skill. */
  return done < 2;
}

static void
test_bkt_progress_and_cancel (void)
{
  PlBktParams truth[N_SKILLS], fitted[N_SKILLS];
  PlBktFitOptions options;
  g_autoptr(GError) error = NULL;
  PlBktObservations few;
  SimData d;
  guint calls = 0;

  true_params (truth);
  sim_data_init (&d, truth, 8);
  few = d.obs;
  few.n_skills = 3;

  pl_bkt_fit_options_init (&options);
  options.restarts = 1;
  options.progress = count_progress_cb;
  options.progress_data = &calls;
  g_assert_false (pl_bkt_fit (&few, &options, fitted, NULL, &error));
  g_assert_error (error, PL_BKT_ERROR, PL_BKT_ERROR_CANCELLED);
  g_assert_cmpuint (calls, ==, 2);

  sim_data_clear (&d);
}

/* A plain double-precision forward-backward to check the vector kernel. */
static void
reference_em_step (const PlBktObservations *obs,
                   guint                    skill,
                   const PlBktParams       *p,
                   PlBktParams             *next,
                   double                  *out_ll)
{
  double prior_l = 0, n_seq = 0, gl = 0, gl_ok = 0, gu = 0, gu_ok = 0;
  double xi_ul = 0, tr_u = 0, xi_lu = 0, tr_l = 0, ll = 0;

  for (guint32 s = obs->skill_offsets[skill]; s < obs->skill_offsets[skill + 1]; s++)
    {
      guint32 b = obs->seq_offsets[s], n = obs->seq_offsets[s + 1] - b;
      g_autofree double *a = g_new (double, MAX (n, 1));
      g_autofree double *c = g_new (double, MAX (n, 1));
      double bl = 1, bu = 1;

      if (n == 0)
        continue;
      for (guint32 t = 0; t < n; t++)
        {
          double q = t == 0 ? p->prior : a[t - 1] * (1 - p->forget) + (1 - a[t - 1]) * p->learn;
          int o = obs->correct[b + t];
          double jl = q * (o ? 1 - p->slip : p->slip);
          double ju = (1 - q) * (o ? p->guess : 1 - p->guess);

          c[t] = jl + ju;
          a[t] = jl / c[t];
          ll += log (c[t]);
        }
      for (guint32 t = n; t-- > 0;)
        {
          int o = obs->correct[b + t];
          double gamma_l = a[t] * bl;
          double gamma_u = (1 - a[t]) * bu;

          gl += gamma_l;
          gu += gamma_u;
          if (o)
            {
              gl_ok += gamma_l;
              gu_ok += gamma_u;
            }
          if (t + 1 < n)
            {
              tr_l += gamma_l;
              tr_u += gamma_u;
            }
          if (t == 0)
            {
              prior_l += gamma_l;
              n_seq++;
            }
          else
            {
              double wl = (o ? 1 - p->slip : p->slip) * bl / c[t];
              double wu = (o ? p->guess : 1 - p->guess) * bu / c[t];

              xi_ul += (1 - a[t - 1]) * p->learn * wl;
              xi_lu += a[t - 1] * p->forget * wu;
              bl = (1 - p->forget) * wl + p->forget * wu;
              bu = p->learn * wl + (1 - p->learn) * wu;
            }
        }
    }

  next->prior = prior_l / n_seq;
  next->learn = xi_ul / tr_u;
  next->forget = xi_lu / tr_l;
  next->guess = gu_ok / gu;
  next->slip = (gl - gl_ok) / gl;
  *out_ll = ll;
}

static void
test_bkt_kernel_matches_reference (void)
{
  /* Sequences of many lengths (0 to 70) so blocks have ended lanes and
   * unused lanes, and the forgetting transition is exercised. */
  enum { N_SEQ = 37 };
  guint32 skill_offsets[2] = { 0, N_SEQ };
  guint32 seq_offsets[N_SEQ + 1];
  g_autofree guint8 *correct = g_new (guint8, N_SEQ * 70);
  PlBktParams p = { 0.3, 0.12, 0.22, 0.09, 0.04 };
  PlBktParams ref, got;
  PlBktObservations obs;
  PlRandom rng;
  double ll_ref, ll_got, ll_scalar;
  g_autofree float *mastery = g_new (float, N_SEQ);
  gsize i = 0;

  pl_random_init (&rng, 3);
  seq_offsets[0] = 0;
  for (guint s = 0; s < N_SEQ; s++)
    {
      guint len = (s * 29) % 71;

      for (guint t = 0; t < len; t++)
        correct[i++] = pl_random_double (&rng) < 0.3 + 0.01 * t;
      seq_offsets[s + 1] = i;
    }
  obs.n_skills = 1;
  obs.skill_offsets = skill_offsets;
  obs.seq_offsets = seq_offsets;
  obs.correct = correct;

  reference_em_step (&obs, 0, &p, &ref, &ll_ref);
  pl_bkt_log_likelihood (&obs, &p, &ll_got);
  g_assert_cmpfloat_with_epsilon (ll_got, ll_ref, 1e-3 * fabs (ll_ref) * 1e-2);

  /* One EM iteration through the public API: max_iterations 1. */
  {
    PlBktFitOptions options;

    pl_bkt_fit_options_init (&options);
    options.max_iterations = 1;
    options.restarts = 1;
    options.forget = TRUE;
    /* The first start is the fixed central guess; compare against the
     * reference from that same point. */
    got = (PlBktParams) { 0.5, 0.15, 0.2, 0.1, 0.02 };
    reference_em_step (&obs, 0, &got, &ref, &ll_ref);
    g_assert_true (pl_bkt_fit (&obs, &options, &got, NULL, NULL));
    g_assert_cmpfloat_with_epsilon (got.prior, ref.prior, 1e-5);
    g_assert_cmpfloat_with_epsilon (got.learn, ref.learn, 1e-5);
    g_assert_cmpfloat_with_epsilon (got.guess, ref.guess, 1e-5);
    g_assert_cmpfloat_with_epsilon (got.slip, ref.slip, 1e-5);
    g_assert_cmpfloat_with_epsilon (got.forget, ref.forget, 1e-5);

    /* And without forgetting, which takes its own path in the kernel. */
    options.forget = FALSE;
    got = (PlBktParams) { 0.5, 0.15, 0.2, 0.1, 0.0 };
    reference_em_step (&obs, 0, &got, &ref, &ll_ref);
    g_assert_true (pl_bkt_fit (&obs, &options, &got, &ll_got, NULL));
    g_assert_cmpfloat_with_epsilon (got.prior, ref.prior, 1e-5);
    g_assert_cmpfloat_with_epsilon (got.learn, ref.learn, 1e-5);
    g_assert_cmpfloat_with_epsilon (got.guess, ref.guess, 1e-5);
    g_assert_cmpfloat_with_epsilon (got.slip, ref.slip, 1e-5);
    g_assert_cmpfloat (got.forget, ==, 0.0);
  }

  /* Mastery: lock-step filter against the one-learner function. */
  pl_bkt_mastery (&obs, &p, mastery);
  for (guint s = 0; s < N_SEQ; s++)
    {
      ll_scalar = pl_bkt_mastery_of_sequence (&p, correct + seq_offsets[s],
                                              seq_offsets[s + 1] - seq_offsets[s]);
      g_assert_cmpfloat_with_epsilon (mastery[s], ll_scalar, 1e-5);
    }

  /* Predictions: the first observation of a sequence is predicted from
   * the prior alone. */
  {
    g_autofree float *pred = g_new (float, i);

    pl_bkt_predict (&obs, &p, pred);
    for (guint s = 0; s < N_SEQ; s++)
      {
        guint32 b = seq_offsets[s], n = seq_offsets[s + 1] - b;

        for (guint32 t = 0; t < n; t++)
          {
            double q = pl_bkt_mastery_of_sequence (&p, correct + b, t);
            double expect = t == 0 ? p.prior * (1 - p.slip) + (1 - p.prior) * p.guess
                                   : q * (1 - p.slip) + (1 - q) * p.guess;

            g_assert_cmpfloat_with_epsilon (pred[b + t], expect, 1e-5);
          }
      }
  }
}

static void
test_bkt_degenerate (void)
{
  /* Skill 0: all correct; 1: all wrong; 2: a single observation;
   * 3: no observations at all; 4: one learner with an empty sequence. */
  guint32 skill_offsets[] = { 0, 10, 20, 21, 21, 22 };
  guint32 seq_offsets[23];
  guint8 correct[201];
  PlBktParams fitted[5];
  double ll[5];
  float mastery[22];
  float pred[201];
  PlBktFitOptions options;
  PlBktObservations obs = { 5, skill_offsets, seq_offsets, correct };
  g_autoptr(GError) error = NULL;
  gsize i = 0, s = 0;

  seq_offsets[0] = 0;
  for (guint j = 0; j < 10; j++, s++)
    {
      for (guint t = 0; t < 10; t++)
        correct[i++] = 1;
      seq_offsets[s + 1] = i;
    }
  for (guint j = 0; j < 10; j++, s++)
    {
      for (guint t = 0; t < 10; t++)
        correct[i++] = 0;
      seq_offsets[s + 1] = i;
    }
  correct[i++] = 1;
  seq_offsets[++s] = i;
  seq_offsets[++s] = i;
  g_assert_cmpuint (s, ==, 22);

  for (guint forget = 0; forget < 2; forget++)
    {
      pl_bkt_fit_options_init (&options);
      options.forget = forget;
      g_assert_true (pl_bkt_fit (&obs, &options, fitted, ll, &error));
      g_assert_no_error (error);
      for (guint k = 0; k < 5; k++)
        {
          g_assert_true (params_sane (&fitted[k]));
          g_assert_true (isfinite (ll[k]));
        }
      g_assert_cmpfloat (ll[3], ==, 0.0);
      /* All correct: mastered from the start; all wrong: not learnt. */
      g_assert_cmpfloat (fitted[0].prior * (1 - fitted[0].slip) +
                         (1 - fitted[0].prior) * fitted[0].guess, >, 0.95);
      g_assert_cmpfloat (fitted[1].prior * (1 - fitted[1].slip) +
                         (1 - fitted[1].prior) * fitted[1].guess, <, 0.05);

      pl_bkt_mastery (&obs, fitted, mastery);
      pl_bkt_predict (&obs, fitted, pred);
      for (guint j = 0; j < 22; j++)
        g_assert_true (isfinite (mastery[j]) && mastery[j] >= 0 && mastery[j] <= 1);
      for (guint j = 0; j < i; j++)
        g_assert_true (isfinite (pred[j]) && pred[j] > 0 && pred[j] < 1);
      /* The empty sequence keeps the prior. */
      g_assert_cmpfloat_with_epsilon (mastery[21], fitted[4].prior, 1e-6);
    }

  /* Parameters at the very edges are pulled inside. */
  {
    PlBktParams edge = { 0.0, 1.0, 0.9, NAN, 2.0 };

    pl_bkt_params_clamp (&edge, TRUE);
    g_assert_true (params_sane (&edge));
    pl_bkt_params_clamp (&edge, FALSE);
    g_assert_cmpfloat (edge.forget, ==, 0.0);
  }
}

static void
test_bkt_invalid_observations (void)
{
  guint32 skill_offsets[] = { 0, 2 };
  guint32 seq_offsets[] = { 0, 2, 1 };
  guint8 correct[] = { 1, 0 };
  PlBktObservations obs = { 1, skill_offsets, seq_offsets, correct };
  PlBktParams p;
  g_autoptr(GError) error = NULL;

  g_assert_false (pl_bkt_fit (&obs, NULL, &p, NULL, &error));
  g_assert_error (error, PL_BKT_ERROR, PL_BKT_ERROR_INVALID);
  g_clear_error (&error);

  seq_offsets[2] = 2;
  correct[1] = 3;
  g_assert_false (pl_bkt_observations_check (&obs, &error));
  g_assert_error (error, PL_BKT_ERROR, PL_BKT_ERROR_INVALID);
  g_clear_error (&error);

  correct[1] = 0;
  g_assert_true (pl_bkt_observations_check (&obs, &error));
  g_assert_no_error (error);
}

static void
test_bkt_metrics (void)
{
  /* Worked by hand: ranks of 0.1, 0.4, 0.4, 0.8, 0.9 are 1, 2.5, 2.5,
   * 4, 5; positives are 0.4 (one of the tie), 0.8 and 0.9. */
  const guint8 y[] = { 0, 0, 1, 1, 1 };
  const float p[] = { 0.1f, 0.4f, 0.4f, 0.8f, 0.9f };
  const float constant[] = { 0.5f, 0.5f, 0.5f, 0.5f, 0.5f };
  PlBktMetrics m;
  double se = 0.01 + 0.16 + 0.36 + 0.04 + 0.01;
  double ll = -(log (0.9) + log (0.6) + log (0.4) + log (0.8) + log (0.9)) / 5;

  pl_bkt_metrics_compute (y, p, 5, &m);
  g_assert_cmpuint (m.n, ==, 5);
  g_assert_cmpfloat_with_epsilon (m.auc, (2.5 + 4 + 5 - 6) / 6.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (m.rmse, sqrt (se / 5), 1e-6);
  g_assert_cmpfloat_with_epsilon (m.accuracy, 4.0 / 5.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (m.log_loss, ll, 1e-6);

  pl_bkt_metrics_compute (y, constant, 5, &m);
  g_assert_cmpfloat_with_epsilon (m.auc, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (m.accuracy, 3.0 / 5.0, 1e-12);

  /* One class only: AUC is undefined. */
  pl_bkt_metrics_compute (y + 2, p + 2, 3, &m);
  g_assert_true (isnan (m.auc));
  g_assert_true (isfinite (m.rmse));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bkt/recovers-parameters", test_bkt_recovers_parameters);
  g_test_add_func ("/bkt/recovers-forgetting", test_bkt_recovers_forgetting);
  g_test_add_func ("/bkt/deterministic", test_bkt_deterministic);
  g_test_add_func ("/bkt/progress-and-cancel", test_bkt_progress_and_cancel);
  g_test_add_func ("/bkt/kernel-matches-reference", test_bkt_kernel_matches_reference);
  g_test_add_func ("/bkt/degenerate", test_bkt_degenerate);
  g_test_add_func ("/bkt/invalid-observations", test_bkt_invalid_observations);
  g_test_add_func ("/bkt/metrics", test_bkt_metrics);

  return g_test_run ();
}
