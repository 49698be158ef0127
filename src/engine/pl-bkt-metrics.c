/* pl-bkt-metrics.c — how well predicted correctness matches what happened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "pl-bkt.h"

#define RADIX_BITS 11
#define RADIX_SIZE (1u << RADIX_BITS)

/* Keys are (float bits << 1) | outcome: predictions are probabilities,
 * i.e. non-negative floats, whose bit patterns sort like their values. */
static void
radix_sort (guint64 *keys,
            guint64 *tmp,
            gsize    n)
{
  for (guint shift = 0; shift < 33; shift += RADIX_BITS)
    {
      gsize count[RADIX_SIZE] = { 0 };
      gsize pos = 0;

      for (gsize i = 0; i < n; i++)
        count[(keys[i] >> shift) & (RADIX_SIZE - 1)]++;
      for (guint b = 0; b < RADIX_SIZE; b++)
        {
          gsize c = count[b];

          count[b] = pos;
          pos += c;
        }
      for (gsize i = 0; i < n; i++)
        tmp[count[(keys[i] >> shift) & (RADIX_SIZE - 1)]++] = keys[i];
      memcpy (keys, tmp, n * sizeof *keys);
    }
}

static double
compute_auc (const guint8 *correct,
             const float  *predicted,
             gsize         n)
{
  g_autofree guint64 *keys = g_new (guint64, MAX (n, 1));
  g_autofree guint64 *tmp = g_new (guint64, MAX (n, 1));
  double n_pos = 0.0, n_neg;
  double rank_sum = 0.0;
  gsize i = 0;

  for (gsize k = 0; k < n; k++)
    {
      float p = predicted[k];
      guint32 bits;

      /* Map NaN and anything outside [0, 1] into it so the keys sort. */
      if (!(p >= 0.0f))
        p = 0.0f;
      else if (p > 1.0f)
        p = 1.0f;
      memcpy (&bits, &p, sizeof bits);
      keys[k] = ((guint64) bits << 1) | (correct[k] != 0);
      n_pos += correct[k] != 0;
    }
  n_neg = n - n_pos;
  if (n_pos == 0.0 || n_neg == 0.0)
    return NAN;

  radix_sort (keys, tmp, n);

  /* Mann-Whitney: equal predictions share the mean of their ranks. */
  while (i < n)
    {
      gsize j = i;
      double pos_in_group = 0.0;
      double mean_rank;

      while (j < n && (keys[j] >> 1) == (keys[i] >> 1))
        {
          pos_in_group += keys[j] & 1;
          j++;
        }
      mean_rank = (i + 1 + j) / 2.0;
      rank_sum += pos_in_group * mean_rank;
      i = j;
    }

  return (rank_sum - n_pos * (n_pos + 1.0) / 2.0) / (n_pos * n_neg);
}

void
pl_bkt_metrics_compute (const guint8 *correct,
                        const float  *predicted,
                        gsize         n,
                        PlBktMetrics *out_metrics)
{
  const double eps = 1e-15;
  double se = 0.0, ll = 0.0;
  gsize right = 0;

  g_return_if_fail (correct != NULL || n == 0);
  g_return_if_fail (predicted != NULL || n == 0);
  g_return_if_fail (out_metrics != NULL);

  memset (out_metrics, 0, sizeof *out_metrics);
  out_metrics->n = n;
  if (n == 0)
    {
      out_metrics->rmse = NAN;
      out_metrics->auc = NAN;
      out_metrics->accuracy = NAN;
      out_metrics->log_loss = NAN;
      return;
    }

  for (gsize i = 0; i < n; i++)
    {
      double p = predicted[i];
      double y = correct[i] != 0;
      double pc = CLAMP (p, eps, 1.0 - eps);

      se += (p - y) * (p - y);
      ll -= y > 0 ? log (pc) : log (1.0 - pc);
      right += (p >= 0.5) == (y > 0);
    }

  out_metrics->rmse = sqrt (se / n);
  out_metrics->log_loss = ll / n;
  out_metrics->accuracy = (double) right / n;
  out_metrics->auc = compute_auc (correct, predicted, n);
}
