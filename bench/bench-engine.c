/* bench-engine.c — throughput of the adaptive engine, one core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints each figure next to its target from DESIGN.md:
 *   BKT E-step (forward + backward + counts)   >= 100 M observations/s
 *     (and the same with forgetting, which Insights fits)
 *   BKT forward mastery update                 >= 300 M observations/s
 *   BKT fit, 1 M rows over 20 skills           <= 0.4 s (and its parameter MAE)
 *   gradebook roll-up, 2,000 x 40 x 20 scores  <= 100 ms per method
 */
#include <math.h>
#include <stdio.h>

#include "engine/pl-bkt-private.h"
#include "engine/pl-mastery.h"
#include "engine/pl-random.h"

#define N_SKILLS 20
#define N_LEARNERS 1000
#define N_OPPS 50

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* Repeats a measurement at least MIN_REPS times and for at least
 * MIN_SECONDS, so that the best run is likely one without interference on
 * a busy machine. */
static gboolean
keep_going (int    r,
            double started,
            int    min_reps,
            double min_seconds)
{
  return r < min_reps || now () - started < min_seconds;
}

static void
true_params (PlBktParams *p)
{
  PlRandom rng;

  pl_random_init (&rng, 2024);
  for (guint k = 0; k < N_SKILLS; k++)
    {
      p[k].prior = pl_random_range (&rng, 0.1, 0.6);
      p[k].learn = pl_random_range (&rng, 0.03, 0.3);
      p[k].guess = pl_random_range (&rng, 0.05, 0.3);
      p[k].slip = pl_random_range (&rng, 0.03, 0.2);
      p[k].forget = 0.0;
    }
}

/* A textbook one-learner-at-a-time forward-backward in double, as a
 * baseline for the lock-step kernel's speed-up. */
static double
scalar_e_step (const PlBktObservations *obs,
               guint                    skill,
               const PlBktParams       *p,
               double                  *a,
               double                  *c)
{
  double counts[6] = { 0 };

  for (guint32 s = obs->skill_offsets[skill]; s < obs->skill_offsets[skill + 1]; s++)
    {
      guint32 b = obs->seq_offsets[s], n = obs->seq_offsets[s + 1] - b;
      double bl = 1, bu = 1;

      for (guint32 t = 0; t < n; t++)
        {
          double q = t == 0 ? p->prior : a[t - 1] * (1 - p->forget) + (1 - a[t - 1]) * p->learn;
          int o = obs->correct[b + t];
          double jl = q * (o ? 1 - p->slip : p->slip);
          double ju = (1 - q) * (o ? p->guess : 1 - p->guess);

          c[t] = jl + ju;
          a[t] = jl / c[t];
          counts[5] += log (c[t]);
        }
      for (guint32 t = n; t-- > 0;)
        {
          int o = obs->correct[b + t];
          double gl = a[t] * bl;

          counts[0] += gl;
          counts[1] += o ? gl : 0;
          if (t > 0)
            {
              double wl = (o ? 1 - p->slip : p->slip) * bl / c[t];
              double wu = (o ? p->guess : 1 - p->guess) * bu / c[t];

              counts[2] += (1 - a[t - 1]) * p->learn * wl;
              counts[3] += a[t - 1] * p->forget * wu;
              bl = (1 - p->forget) * wl + p->forget * wu;
              bu = p->learn * wl + (1 - p->learn) * wu;
            }
          else
            counts[4] += gl;
        }
    }

  return counts[0] + counts[1] + counts[2] + counts[3] + counts[4] + counts[5];
}

static const char *
verdict (gboolean ok)
{
  return ok ? "ok" : "MISSED";
}

int
main (int   argc,
      char *argv[])
{
  PlBktParams truth[N_SKILLS], fitted[N_SKILLS];
  guint32 skill_offsets[N_SKILLS + 1];
  g_autofree guint32 *seq_offsets = g_new (guint32, N_SKILLS * N_LEARNERS + 1);
  g_autofree guint8 *correct = g_new (guint8, N_SKILLS * N_LEARNERS * N_OPPS);
  g_autofree float *mastery = g_new (float, N_SKILLS * N_LEARNERS);
  PlBktObservations obs;
  PlBktLayout *layout;
  PlBktFitOptions options;
  double n_obs, best, t0, sink = 0.0;
  double started;

  true_params (truth);
  pl_bkt_simulate (truth, N_SKILLS, N_LEARNERS, N_OPPS, 1, skill_offsets, seq_offsets, correct);
  obs.n_skills = N_SKILLS;
  obs.skill_offsets = skill_offsets;
  obs.seq_offsets = seq_offsets;
  obs.correct = correct;
  n_obs = pl_bkt_observations_count (&obs);

  printf ("BKT data: %u skills x %u learners x %u opportunities = %.0f observations, %d lanes\n",
          N_SKILLS, N_LEARNERS, N_OPPS, n_obs, PL_BKT_LANES);

  /* E-step over every skill. */
  layout = _pl_bkt_layout_new (&obs);
  best = G_MAXDOUBLE;
  started = now ();
  for (int r = 0; keep_going (r, started, 20, 1.0); r++)
    {
      t0 = now ();
      for (guint k = 0; k < N_SKILLS; k++)
        {
          PlBktCounts counts;

          _pl_bkt_expect (layout, k, &truth[k], &counts);
          sink += counts.log_likelihood;
        }
      best = MIN (best, now () - t0);
    }
  printf ("BKT E-step:              %8.1f M obs/s   (target >= 100)  %s\n",
          n_obs / best / 1e6, verdict (n_obs / best / 1e6 >= 100));

  /* The same E-step with forgetting on: one more transition per step. */
  {
    PlBktParams forgetful[N_SKILLS];

    for (guint k = 0; k < N_SKILLS; k++)
      {
        forgetful[k] = truth[k];
        forgetful[k].forget = 0.05;
      }
    best = G_MAXDOUBLE;
    started = now ();
    for (int r = 0; keep_going (r, started, 20, 1.0); r++)
      {
        t0 = now ();
        for (guint k = 0; k < N_SKILLS; k++)
          {
            PlBktCounts counts;

            _pl_bkt_expect (layout, k, &forgetful[k], &counts);
            sink += counts.log_likelihood + counts.xi_lu;
          }
        best = MIN (best, now () - t0);
      }
    printf ("BKT E-step, forgetting:  %8.1f M obs/s   (target >= 100)  %s\n",
            n_obs / best / 1e6, verdict (n_obs / best / 1e6 >= 100));
  }
  {
    g_autofree double *a = g_new (double, N_OPPS);
    g_autofree double *c = g_new (double, N_OPPS);
    double scalar = G_MAXDOUBLE;

    started = now ();
    for (int r = 0; keep_going (r, started, 3, 0.5); r++)
      {
        t0 = now ();
        for (guint k = 0; k < N_SKILLS; k++)
          sink += scalar_e_step (&obs, k, &truth[k], a, c);
        scalar = MIN (scalar, now () - t0);
      }
    printf ("  scalar double baseline: %7.1f M obs/s   (lock-step is %.1fx faster)\n",
            n_obs / scalar / 1e6, scalar / best);
  }

  best = G_MAXDOUBLE;
  started = now ();
  for (int r = 0; keep_going (r, started, 20, 0.5); r++)
    {
      t0 = now ();
      for (guint k = 0; k < N_SKILLS; k++)
        _pl_bkt_filter (layout, k, &truth[k], mastery);
      best = MIN (best, now () - t0);
      sink += mastery[r];
    }
  printf ("BKT forward update:      %8.1f M obs/s   (target >= 300)  %s; incl. transposing each skill\n",
          n_obs / best / 1e6, verdict (n_obs / best / 1e6 >= 300));
  _pl_bkt_layout_free (layout);

  best = G_MAXDOUBLE;
  started = now ();
  for (int r = 0; keep_going (r, started, 5, 0.5); r++)
    {
      t0 = now ();
      pl_bkt_mastery (&obs, truth, mastery);
      best = MIN (best, now () - t0);
    }
  printf ("BKT pl_bkt_mastery:      %8.1f M obs/s   (target >= 300)  %s; end to end, from the CSR arrays\n",
          n_obs / best / 1e6, verdict (n_obs / best / 1e6 >= 300));

  /* Fit, default options. */
  pl_bkt_fit_options_init (&options);
  best = G_MAXDOUBLE;
  started = now ();
  for (int r = 0; keep_going (r, started, 3, 1.5); r++)
    {
      t0 = now ();
      if (!pl_bkt_fit (&obs, &options, fitted, NULL, NULL))
        return 1;
      best = MIN (best, now () - t0);
    }
  {
    double mae = 0.0;

    for (guint k = 0; k < N_SKILLS; k++)
      mae += fabs (fitted[k].prior - truth[k].prior) + fabs (fitted[k].learn - truth[k].learn) +
             fabs (fitted[k].guess - truth[k].guess) + fabs (fitted[k].slip - truth[k].slip);
    mae /= 4 * N_SKILLS;
    printf ("BKT fit 1 M rows/20 skills: %6.3f s   (target <= 0.4)  %s; parameter MAE %.4f, %u restarts\n",
            best, verdict (best <= 0.4), mae, options.restarts);
  }

  /* Gradebook roll-up: 2,000 learners x 40 standards x 20 scores. */
  {
    const gsize n_cells = 2000 * 40, per_cell = 20;
    g_autofree double *scores = g_new (double, n_cells * per_cell);
    g_autofree guint32 *offsets = g_new (guint32, n_cells + 1);
    g_autofree double *values = g_new (double, n_cells);
    g_autofree guint8 *has_value = g_new (guint8, n_cells);
    PlRandom rng;
    double worst = 0.0;

    pl_random_init (&rng, 7);
    for (gsize i = 0; i < n_cells * per_cell; i++)
      scores[i] = (double) (pl_random_next (&rng) % 9) / 2.0;  /* 0, 0.5, ... 4 */
    for (gsize c = 0; c <= n_cells; c++)
      offsets[c] = c * per_cell;

    for (guint m = 0; m < PL_MASTERY_N_METHODS; m++)
      {
        PlMasterySpec spec;

        pl_mastery_spec_init_default (&spec, m);
        best = G_MAXDOUBLE;
        started = now ();
        for (int r = 0; keep_going (r, started, 5, 0.3); r++)
          {
            t0 = now ();
            pl_mastery_rollup_many (&spec, scores, offsets, n_cells, values, has_value);
            best = MIN (best, now () - t0);
            sink += values[r];
          }
        worst = MAX (worst, best);
        printf ("roll-up %-17s %8.1f ms     (target <= 100)  %s\n",
                pl_mastery_method_to_string (m), best * 1e3, verdict (best * 1e3 <= 100));
      }
    printf ("roll-up slowest method:  %8.1f ms     (target <= 100)  %s\n",
            worst * 1e3, verdict (worst * 1e3 <= 100));
  }

  /* Keeps the optimiser from dropping the timed work. */
  if (sink == 42.4242)
    printf ("\n");
  return 0;
}
