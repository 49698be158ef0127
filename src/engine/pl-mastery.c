/* pl-mastery.c — roll-ups of a learner's scores on one standard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pl-mastery.h"

/* Cells hold a handful of scores; longer histories use the heap. */
#define STACK_SCORES 64

G_DEFINE_QUARK (pl-mastery-error-quark, pl_mastery_error)

static const char * const method_names[PL_MASTERY_N_METHODS] = {
  "latest",
  "highest",
  "mean",
  "mode",
  "decaying-average",
  "weighted-average",
  "n-mastery",
  "power-law",
};

static const char * const method_descriptions[PL_MASTERY_N_METHODS] = {
  N_("The most recent score counts."),
  N_("The highest score counts."),
  N_("Every score counts equally: the result is their average."),
  N_("The score that occurs most often counts; when scores tie, the highest of them counts."),
  N_("Each new score counts for a set percentage and older scores count less and less."),
  N_("The most recent score counts for a set percentage and the average of the earlier scores for the rest."),
  N_("Once enough scores reach the mastery level, the result is their average; until then there is no result."),
  N_("A learning curve is fitted through all scores and the result is where the curve stands at the latest score."),
};

void
pl_mastery_spec_init_default (PlMasterySpec   *spec,
                              PlMasteryMethod  method)
{
  g_return_if_fail (spec != NULL);

  spec->method = method;
  spec->mastery_level = 3.0;
  spec->scale_max = 4.0;

  switch (method)
    {
    case PL_MASTERY_DECAYING_AVERAGE:
    case PL_MASTERY_WEIGHTED_AVERAGE:
      spec->param = 65.0;
      break;
    case PL_MASTERY_N_MASTERY:
      spec->param = 3.0;
      break;
    case PL_MASTERY_LATEST:
    case PL_MASTERY_HIGHEST:
    case PL_MASTERY_MEAN:
    case PL_MASTERY_MODE:
    case PL_MASTERY_POWER_LAW:
    default:
      spec->param = 0.0;
      break;
    }
}

gboolean
pl_mastery_spec_validate (const PlMasterySpec  *spec,
                          GError              **error)
{
  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((guint) spec->method >= PL_MASTERY_N_METHODS)
    {
      g_set_error (error, PL_MASTERY_ERROR, PL_MASTERY_ERROR_METHOD,
                   _("Unknown mastery method %d"), (int) spec->method);
      return FALSE;
    }

  if (!isfinite (spec->scale_max) || spec->scale_max <= 0.0)
    {
      g_set_error (error, PL_MASTERY_ERROR, PL_MASTERY_ERROR_PARAM,
                   _("scale: must be a number above 0, not %g"), spec->scale_max);
      return FALSE;
    }

  switch (spec->method)
    {
    case PL_MASTERY_DECAYING_AVERAGE:
    case PL_MASTERY_WEIGHTED_AVERAGE:
      if (!isfinite (spec->param) || spec->param < 0.0 || spec->param > 100.0)
        {
          g_set_error (error, PL_MASTERY_ERROR, PL_MASTERY_ERROR_PARAM,
                       _("param: the weight of %s must be between 0 and 100, not %g"),
                       method_names[spec->method], spec->param);
          return FALSE;
        }
      break;

    case PL_MASTERY_N_MASTERY:
      if (!isfinite (spec->param) || spec->param < 1.0 || spec->param != floor (spec->param))
        {
          g_set_error (error, PL_MASTERY_ERROR, PL_MASTERY_ERROR_PARAM,
                       _("param: n of n-mastery must be a whole number of at least 1, not %g"),
                       spec->param);
          return FALSE;
        }
      if (!isfinite (spec->mastery_level) || spec->mastery_level < 0.0 ||
          spec->mastery_level > spec->scale_max)
        {
          g_set_error (error, PL_MASTERY_ERROR, PL_MASTERY_ERROR_PARAM,
                       _("mastery level: must be between 0 and the top of the scale (%g), not %g"),
                       spec->scale_max, spec->mastery_level);
          return FALSE;
        }
      break;

    case PL_MASTERY_LATEST:
    case PL_MASTERY_HIGHEST:
    case PL_MASTERY_MEAN:
    case PL_MASTERY_MODE:
    case PL_MASTERY_POWER_LAW:
    default:
      break;
    }

  return TRUE;
}

static inline double
clamp_weight (double w)
{
  if (!(w >= 0.0))
    return 0.0;
  return MIN (w, 100.0);
}

/* Copies the usable scores into OUT, clamped to [0, scale_max]. */
static gsize
clean_scores (const double *scores,
              gsize         n_scores,
              double        scale_max,
              double       *out)
{
  gsize n = 0;

  for (gsize i = 0; i < n_scores; i++)
    {
      double s = scores[i];

      if (!isfinite (s))
        continue;
      if (s < 0.0)
        s = 0.0;
      else if (s > scale_max)
        s = scale_max;
      out[n++] = s;
    }

  return n;
}

static double
rollup_mode (double *s,
             gsize   n)
{
  double best = 0.0;
  gsize best_count = 0;

  /* Short cells (nearly all): count each score's copies with a
   * branch-free inner loop, which beats sorting 20 values by far. */
  if (n <= 32)
    {
      for (gsize i = 0; i < n; i++)
        {
          gsize count = 0;

          for (gsize j = 0; j < n; j++)
            count += s[j] == s[i];
          if (count > best_count || (count == best_count && s[i] > best))
            {
              best_count = count;
              best = s[i];
            }
        }
      return best;
    }

  /* Insertion sort: cells are short, and sorting makes equal scores
   * adjacent. Scanning in ascending order with >= makes the highest of
   * equally frequent scores win. */
  for (gsize i = 1; i < n; i++)
    {
      double v = s[i];
      gsize j = i;

      while (j > 0 && s[j - 1] > v)
        {
          s[j] = s[j - 1];
          j--;
        }
      s[j] = v;
    }

  for (gsize i = 0; i < n;)
    {
      gsize j = i + 1;

      while (j < n && s[j] == s[i])
        j++;
      if (j - i >= best_count)
        {
          best_count = j - i;
          best = s[i];
        }
      i = j;
    }

  return best;
}

/* ln (attempt) for the first attempts: every power-law cell needs them. */
#define LN_TABLE_SIZE 64
static double ln_table[LN_TABLE_SIZE + 1];

static inline double
ln_attempt (gsize attempt)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      for (guint i = 1; i <= LN_TABLE_SIZE; i++)
        ln_table[i] = log ((double) i);
      g_once_init_leave (&initialised, 1);
    }
  return attempt <= LN_TABLE_SIZE ? ln_table[attempt] : log ((double) attempt);
}

static double
rollup_power_law (const double *s,
                  gsize         n,
                  double        scale_max)
{
  const double floor_score = scale_max * 0.01;
  double sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0;
  double mx, my, var_x, slope, value;

  if (n == 1)
    return s[0];

  for (gsize i = 0; i < n; i++)
    {
      double x = ln_attempt (i + 1);
      double y = log (MAX (s[i], floor_score));

      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }

  mx = sx / n;
  my = sy / n;
  var_x = sxx - sx * mx;
  slope = (sxy - sx * my) / var_x;
  value = exp (my + slope * (ln_attempt (n) - mx));

  /* The floor only exists to keep ln finite; a curve that ends at or
   * below it says the learner shows no measurable performance. */
  if (value <= floor_score * (1.0 + 1e-9))
    return 0.0;
  return MIN (value, scale_max);
}

static gboolean
rollup_clean (const PlMasterySpec *spec,
              double              *s,
              gsize                n,
              double              *out_value)
{
  double v = 0.0;

  if (n == 0)
    return FALSE;

  switch (spec->method)
    {
    case PL_MASTERY_LATEST:
      v = s[n - 1];
      break;

    case PL_MASTERY_HIGHEST:
      v = s[0];
      for (gsize i = 1; i < n; i++)
        v = MAX (v, s[i]);
      break;

    case PL_MASTERY_MEAN:
      for (gsize i = 0; i < n; i++)
        v += s[i];
      v /= n;
      break;

    case PL_MASTERY_MODE:
      v = rollup_mode (s, n);
      break;

    case PL_MASTERY_DECAYING_AVERAGE:
      {
        double d = clamp_weight (spec->param) / 100.0;

        v = s[0];
        for (gsize i = 1; i < n; i++)
          v = v * (1.0 - d) + s[i] * d;
      }
      break;

    case PL_MASTERY_WEIGHTED_AVERAGE:
      {
        double w = clamp_weight (spec->param) / 100.0;
        double earlier = 0.0;

        if (n == 1)
          {
            v = s[0];
            break;
          }
        for (gsize i = 0; i + 1 < n; i++)
          earlier += s[i];
        earlier /= (n - 1);
        v = s[n - 1] * w + earlier * (1.0 - w);
      }
      break;

    case PL_MASTERY_N_MASTERY:
      {
        double need = MAX (1.0, spec->param);
        double sum = 0.0;
        gsize count = 0;

        for (gsize i = 0; i < n; i++)
          if (s[i] >= spec->mastery_level)
            {
              sum += s[i];
              count++;
            }
        if ((double) count < need)
          return FALSE;
        v = sum / count;
      }
      break;

    case PL_MASTERY_POWER_LAW:
      v = rollup_power_law (s, n, spec->scale_max);
      break;

    default:
      return FALSE;
    }

  *out_value = CLAMP (v, 0.0, spec->scale_max);
  return TRUE;
}

gboolean
pl_mastery_rollup_named (const char   *method,
                         double        param,
                         double        mastery_level,
                         const double *scores,
                         gsize         n_scores,
                         double       *out_value)
{
  PlMasteryMethod m;
  PlMasterySpec spec;

  g_return_val_if_fail (out_value != NULL, FALSE);

  if (!pl_mastery_method_from_string (method, &m))
    return FALSE;
  pl_mastery_spec_init_default (&spec, m);
  if (param > 0)
    spec.param = param;
  if (mastery_level > 0)
    spec.mastery_level = mastery_level;
  return pl_mastery_rollup (&spec, scores, n_scores, out_value);
}

gboolean
pl_mastery_rollup (const PlMasterySpec *spec,
                   const double        *scores,
                   gsize                n_scores,
                   double              *out_value)
{
  double stack[STACK_SCORES];
  g_autofree double *heap = NULL;
  double *s = stack;
  double value = 0.0;
  gboolean ok;

  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (scores != NULL || n_scores == 0, FALSE);

  if (n_scores > STACK_SCORES)
    s = heap = g_new (double, n_scores);

  ok = rollup_clean (spec, s, clean_scores (scores, n_scores, spec->scale_max, s), &value);
  if (out_value != NULL)
    *out_value = ok ? value : 0.0;
  return ok;
}

void
pl_mastery_rollup_many (const PlMasterySpec *spec,
                        const double        *scores,
                        const guint32       *offsets,
                        gsize                n_cells,
                        double              *out_values,
                        guint8              *out_has_value)
{
  double stack[STACK_SCORES];
  g_autofree double *heap = NULL;
  gsize heap_size = 0;

  g_return_if_fail (spec != NULL);
  g_return_if_fail (offsets != NULL || n_cells == 0);
  g_return_if_fail (out_values != NULL || n_cells == 0);
  g_return_if_fail (out_has_value != NULL || n_cells == 0);

  for (gsize i = 0; i < n_cells; i++)
    {
      gsize begin = offsets[i];
      gsize n = offsets[i + 1] > begin ? offsets[i + 1] - begin : 0;
      double *s = stack;
      double value = 0.0;

      if (n > STACK_SCORES)
        {
          if (n > heap_size)
            {
              g_free (heap);
              heap = g_new (double, n);
              heap_size = n;
            }
          s = heap;
        }

      out_has_value[i] = rollup_clean (spec, s,
                                       clean_scores (scores + begin, n, spec->scale_max, s),
                                       &value);
      out_values[i] = out_has_value[i] ? value : 0.0;
    }
}

const char *
pl_mastery_method_to_string (PlMasteryMethod method)
{
  g_return_val_if_fail ((guint) method < PL_MASTERY_N_METHODS, NULL);

  return method_names[method];
}

gboolean
pl_mastery_method_from_string (const char      *str,
                               PlMasteryMethod *out_method)
{
  g_return_val_if_fail (out_method != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < PL_MASTERY_N_METHODS; i++)
    if (strcmp (str, method_names[i]) == 0)
      {
        *out_method = (PlMasteryMethod) i;
        return TRUE;
      }

  return FALSE;
}

const char *
pl_mastery_method_describe (PlMasteryMethod method)
{
  g_return_val_if_fail ((guint) method < PL_MASTERY_N_METHODS, NULL);

  return _(method_descriptions[method]);
}
