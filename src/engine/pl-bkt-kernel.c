/* pl-bkt-kernel.c — lock-step forward-backward over blocks of learners
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written with GCC/Clang vector extensions so that the same source turns
 * into SSE2 code on any x86_64 (and NEON on arm64) without -march flags.
 * Probabilities live in float: every quantity here is a probability or a
 * likelihood ratio of moderate size. Sums are gathered in float over at
 * most FLUSH_STEPS steps and then added into double.
 *
 * Scaled forward-backward (Rabiner): a_t = P(L_t | o_1..t), z_t the
 * one-step likelihood P(o_t | o_1..t-1), b_t the backward variable divided
 * by z_t+1 ... z_T. Then P(L_t | all) = a_t b_t(L) with no further
 * normalisation, and the only division is 1 / z_t in the forward pass
 * (one vector division per step for PL_BKT_LANES learners; a portable
 * reciprocal by Newton iterations costs more instructions than it saves).
 * The log-likelihood sum of ln z_t is gathered as a running product whose
 * binary exponent is moved into an integer every few steps, so no
 * logarithm is taken inside the loop.
 */
#include <math.h>
#include <string.h>

#include "pl-bkt-private.h"

/* The vector helpers are static and inlined: no vector crosses a call
 * boundary, so the ABI note about 32-byte vectors does not apply. */
#pragma GCC diagnostic ignored "-Wpsabi"

#define W PL_BKT_LANES
#define FLUSH_STEPS 256
#define EXPONENT_EVERY 4

typedef float vf __attribute__ ((vector_size (W * sizeof (float))));
typedef gint32 vi __attribute__ ((vector_size (W * sizeof (gint32))));
typedef guint8 vu8 __attribute__ ((vector_size (W)));

static void load_skill (PlBktLayout *layout,
                        guint        skill);

static inline vf
splat (float x)
{
  return (vf) {} + x;
}

static inline vf
load_codes (const guint8 *p)
{
  vu8 c;

  memcpy (&c, p, sizeof c);
  return __builtin_convertvector (c, vf);
}

static inline vf
loadf (const float *p)
{
  vf v;

  memcpy (&v, p, sizeof v);
  return v;
}

#define storef(p, v) G_STMT_START { vf v_ = (v); memcpy ((p), &v_, sizeof v_); } G_STMT_END

#define hsum(v) ({ vf hv_ = (v); hsum_ (&hv_); })

static inline double
hsum_ (const vf *v)
{
  double s = 0.0;

  for (int l = 0; l < W; l++)
    s += (*v)[l];
  return s;
}

/* f(c) for c in {0, 1, 2} as v0 + c (k1 + c k2): turns a code into an
 * emission probability or a mask with a few multiply-adds and no branch. */
typedef struct
{
  float v0, k1, k2;
} Quadratic;

static inline Quadratic
quadratic (double v0,
           double v1,
           double v2)
{
  Quadratic q;
  double k2 = (v2 - 2.0 * v1 + v0) / 2.0;

  q.v0 = v0;
  q.k1 = v1 - v0 - k2;
  q.k2 = k2;
  return q;
}

/* A macro rather than a function: vectors never cross a call. */
#define eval(q, c) ((q).v0 + (c) * ((q).k1 + (c) * (q).k2))

/* Moves the exponent of PROD into E so PROD stays in [1, 2). */
static inline void
renormalise (vf *prod,
             vi *e)
{
  vi bits = (vi) *prod;

  *e += (bits >> 23) - 127;
  bits = (bits & 0x007fffff) | 0x3f800000;
  *prod = (vf) bits;
}

static double
product_log (const vf *prod,
             const vi *e)
{
  double ll = 0.0;

  for (int l = 0; l < W; l++)
    ll += log ((double) (*prod)[l]) + (double) (*e)[l] * G_LN2;
  return ll;
}

/* One step of the backward pass at t >= 1 inside _pl_bkt_expect. With
 * MASKED false every lane is observed at t (m = 1, o = code); with FORGET
 * false the L -> U terms vanish. Both are constants, so each use compiles
 * to a loop body without the dead arithmetic. */
#define BACKWARD_STEP(MASKED, FORGET) \
  G_STMT_START \
    { \
      vf c_ = load_codes (codes + (gsize) t * W); \
      vf a_ = loadf (A + (gsize) t * W); \
      vf iz_ = loadf (IZ + (gsize) t * W); \
      vf ap_ = loadf (A + (gsize) (t - 1) * W); \
      vf gl_ = a_ * bl; \
      vf m_, wl_, wu_; \
 \
      if (MASKED) \
        { \
          m_ = eval (is_obs, c_); \
          wl_ = eval (em_l, c_) * bl * iz_; \
          wu_ = eval (em_u, c_) * bu * iz_; \
          acc_gl += gl_ * m_; \
          acc_gl_ok += gl_ * eval (is_ok, c_); \
          acc_ul += (1.0f - ap_) * wl_ * m_; \
          if (FORGET) \
            acc_lu += ap_ * wu_ * m_; \
        } \
      else \
        { \
          m_ = splat (1.0f); \
          wl_ = (lin_l0 + c_ * lin_l1) * bl * iz_; \
          wu_ = (lin_u0 + c_ * lin_u1) * bu * iz_; \
          acc_gl += gl_; \
          acc_gl_ok += gl_ * c_; \
          acc_ul += (1.0f - ap_) * wl_; \
          if (FORGET) \
            acc_lu += ap_ * wu_; \
        } \
      acc_trans += gl_ * m_next; \
      bl = (FORGET) ? wl_ + F * (wu_ - wl_) : wl_; \
      bu = wu_ + T * (wl_ - wu_); \
      m_next = m_; \
 \
      if (G_UNLIKELY (t % FLUSH_STEPS == 0)) \
        { \
          gamma_l += hsum (acc_gl); \
          gamma_l_ok += hsum (acc_gl_ok); \
          trans_l += hsum (acc_trans); \
          xi_ul += hsum (acc_ul); \
          xi_lu += hsum (acc_lu); \
          acc_gl = acc_gl_ok = acc_trans = acc_ul = acc_lu = splat (0.0f); \
        } \
    } \
  G_STMT_END

void
_pl_bkt_expect (PlBktLayout       *layout,
                guint              skill,
                const PlBktParams *params,
                PlBktCounts       *counts)
{
  const float T = params->learn;
  const float F = params->forget;
  const float stay = 1.0f - F - T;
  const Quadratic em_l = quadratic (params->slip, 1.0 - params->slip, 1.0);
  const Quadratic em_u = quadratic (1.0 - params->guess, params->guess, 1.0);
  const Quadratic is_obs = quadratic (1.0, 1.0, 0.0);
  const Quadratic is_ok = quadratic (0.0, 1.0, 0.0);
  /* Where every lane is observed, emissions are linear in the code. */
  const float lin_l0 = params->slip, lin_l1 = 1.0 - 2.0 * params->slip;
  const float lin_u0 = 1.0 - params->guess, lin_u1 = 2.0 * params->guess - 1.0;
  float *A = layout->scratch;
  float *IZ = layout->scratch + (gsize) layout->max_steps * W;
  double prior_l = 0.0, gamma_l = 0.0, gamma_l_ok = 0.0, trans_l = 0.0;
  double xi_ul = 0.0, xi_lu = 0.0, ll = 0.0;

  load_skill (layout, skill);
  for (guint32 b = layout->skill_blocks[skill]; b < layout->skill_blocks[skill + 1]; b++)
    {
      const PlBktBlock *block = &layout->blocks[b];
      const guint8 *codes = layout->codes + block->codes;
      const guint32 n = block->n_steps;
      const guint32 n_full = block->n_full;
      vf prod = splat (1.0f);
      vi expo = (vi) {};
      vf bl = splat (1.0f), bu = splat (1.0f);
      vf m_next = splat (0.0f);
      vf acc_gl, acc_gl_ok, acc_trans, acc_ul, acc_lu;
      guint32 t;

      /* Forward. */
      {
        vf c = load_codes (codes);
        vf q = splat (params->prior);
        vf jl = q * eval (em_l, c);
        vf z = jl + (1.0f - q) * eval (em_u, c);
        vf iz = 1.0f / z;
        vf a = jl * iz;

        storef (A, a);
        storef (IZ, iz);
        prod *= z;
        for (t = 1; t < n; t++)
          {
            vf el, eu;

            c = load_codes (codes + (gsize) t * W);
            if (t < n_full)
              {
                el = lin_l0 + c * lin_l1;
                eu = lin_u0 + c * lin_u1;
              }
            else
              {
                el = eval (em_l, c);
                eu = eval (em_u, c);
              }
            q = a * stay + T;
            jl = q * el;
            z = jl + (1.0f - q) * eu;
            iz = 1.0f / z;
            a = jl * iz;
            storef (A + (gsize) t * W, a);
            storef (IZ + (gsize) t * W, iz);
            prod *= z;
            if (t % EXPONENT_EVERY == 0)
              renormalise (&prod, &expo);
          }
        renormalise (&prod, &expo);
        ll += product_log (&prod, &expo);
      }

      /* Backward, with the expected counts: first the steps where some
       * lanes may have ended, then those where every lane is observed. */
      acc_gl = acc_gl_ok = acc_trans = acc_ul = acc_lu = splat (0.0f);
      t = n - 1;
      if (F > 0.0f)
        {
          for (; t > 0 && t >= n_full; t--)
            BACKWARD_STEP (TRUE, TRUE);
          for (; t > 0; t--)
            BACKWARD_STEP (FALSE, TRUE);
        }
      else
        {
          for (; t > 0 && t >= n_full; t--)
            BACKWARD_STEP (TRUE, FALSE);
          for (; t > 0; t--)
            BACKWARD_STEP (FALSE, FALSE);
        }

      {
        vf c = load_codes (codes);
        vf m = eval (is_obs, c);
        vf gl = loadf (A) * bl;

        acc_gl += gl * m;
        acc_gl_ok += gl * eval (is_ok, c);
        acc_trans += gl * m_next;
        prior_l += hsum (gl * m);
      }

      gamma_l += hsum (acc_gl);
      gamma_l_ok += hsum (acc_gl_ok);
      trans_l += hsum (acc_trans);
      xi_ul += hsum (acc_ul);
      xi_lu += hsum (acc_lu);
    }

  counts->log_likelihood = ll;
  counts->prior_l = prior_l;
  counts->gamma_l = gamma_l;
  counts->gamma_l_ok = gamma_l_ok;
  counts->trans_l = trans_l;
  counts->xi_ul = xi_ul * params->learn;
  counts->xi_lu = xi_lu * params->forget;
  counts->n_seqs = layout->n_seqs[skill];
  counts->n_obs = layout->n_obs[skill];
  counts->n_correct = layout->n_correct[skill];
  counts->n_trans = layout->n_trans[skill];
}

void
_pl_bkt_filter (PlBktLayout       *layout,
                guint              skill,
                const PlBktParams *params,
                float             *out_mastery)
{
  const float T = params->learn;
  const float stay = 1.0f - (float) params->forget - T;
  const Quadratic em_l = quadratic (params->slip, 1.0 - params->slip, 1.0);
  const Quadratic em_u = quadratic (1.0 - params->guess, params->guess, 1.0);
  const Quadratic is_obs = quadratic (1.0, 1.0, 0.0);
  const float lin_l0 = params->slip, lin_l1 = 1.0 - 2.0 * params->slip;
  const float lin_u0 = 1.0 - params->guess, lin_u1 = 2.0 * params->guess - 1.0;

  load_skill (layout, skill);
  for (guint32 b = layout->skill_blocks[skill]; b < layout->skill_blocks[skill + 1]; b++)
    {
      const PlBktBlock *block = &layout->blocks[b];
      const guint8 *codes = layout->codes + block->codes;
      const guint32 n = block->n_steps;
      vf q = splat (params->prior);
      guint32 t;

      /* q is P(L) before the step. Up to the shortest sequence every lane
       * is observed; after it, a step without an observation keeps q, so
       * each lane stops at its own last step. */
      for (t = 0; t < block->n_full; t++)
        {
          vf c = load_codes (codes + (gsize) t * W);
          vf jl = q * (lin_l0 + c * lin_l1);
          vf z = jl + (1.0f - q) * (lin_u0 + c * lin_u1);

          q = (jl / z) * stay + T;
        }
      for (; t < n; t++)
        {
          vf c = load_codes (codes + (gsize) t * W);
          vf jl = q * eval (em_l, c);
          vf z = jl + (1.0f - q) * eval (em_u, c);
          vf next = (jl / z) * stay + T;

          q += eval (is_obs, c) * (next - q);
        }

      for (int l = 0; l < W; l++)
        if (block->seq[l] != PL_BKT_NO_SEQUENCE)
          out_mastery[block->seq[l]] = q[l];
    }
}

void
_pl_bkt_predict_skill (PlBktLayout       *layout,
                       guint              skill,
                       const PlBktParams *params,
                       float             *out_predicted)
{
  const float T = params->learn;
  const float stay = 1.0f - (float) params->forget - T;
  const float guess = params->guess;
  const float known = 1.0f - (float) params->slip - guess;
  const Quadratic em_l = quadratic (params->slip, 1.0 - params->slip, 1.0);
  const Quadratic em_u = quadratic (1.0 - params->guess, params->guess, 1.0);

  load_skill (layout, skill);
  for (guint32 b = layout->skill_blocks[skill]; b < layout->skill_blocks[skill + 1]; b++)
    {
      const PlBktBlock *block = &layout->blocks[b];
      const guint8 *codes = layout->codes + block->codes;
      const guint32 n = block->n_steps;
      float *out[W];
      guint32 len[W];
      vf q = splat (params->prior);

      for (int l = 0; l < W; l++)
        {
          guint32 s = block->seq[l];

          out[l] = s != PL_BKT_NO_SEQUENCE ? out_predicted + layout->seq_offsets[s] : NULL;
          len[l] = s != PL_BKT_NO_SEQUENCE ? layout->seq_offsets[s + 1] - layout->seq_offsets[s] : 0;
        }

      for (guint32 t = 0; t < n; t++)
        {
          vf c = load_codes (codes + (gsize) t * W);
          vf p = guess + q * known;
          vf jl = q * eval (em_l, c);
          vf z = jl + (1.0f - q) * eval (em_u, c);

          for (int l = 0; l < W; l++)
            if (t < len[l])
              out[l][t] = p[l];
          q = (jl / z) * stay + T;
        }
    }
}

/* Transposes the observations of SKILL into the code buffer. */
static void
load_skill (PlBktLayout *layout,
            guint        skill)
{
  const guint32 *so = layout->seq_offsets;
  guint32 first = layout->skill_blocks[skill], last = layout->skill_blocks[skill + 1];

  if (layout->loaded_skill == skill)
    return;

  for (guint32 b = first; b < last; b++)
    {
      const PlBktBlock *bl = &layout->blocks[b];
      guint8 *codes = layout->codes + bl->codes;

      memset (codes, PL_BKT_CODE_NONE, (gsize) bl->n_steps * W);
      for (int l = 0; l < W; l++)
        {
          guint32 s = bl->seq[l];
          guint8 *dst = codes + l;

          if (s == PL_BKT_NO_SEQUENCE)
            continue;
          for (guint32 i = so[s]; i < so[s + 1]; i++, dst += W)
            *dst = layout->correct[i];
        }
    }
  layout->loaded_skill = skill;
}

static int
compare_by_length (const void *pa,
                   const void *pb)
{
  const guint32 *a = pa, *b = pb;

  /* Longest first; equal lengths keep their input order. */
  if (a[0] != b[0])
    return a[0] > b[0] ? -1 : 1;
  return a[1] < b[1] ? -1 : (a[1] > b[1]);
}

PlBktLayout *
_pl_bkt_layout_new (const PlBktObservations *obs)
{
  PlBktLayout *layout = g_new0 (PlBktLayout, 1);
  const guint32 *so = obs->seq_offsets;
  guint32 n_blocks = 0;
  gsize n_codes = 0, max_skill_codes = 0;
  guint32 *order = NULL;
  guint32 order_size = 0;
  guint32 block = 0;

  layout->n_skills = obs->n_skills;
  layout->seq_offsets = so;
  layout->skill_blocks = g_new0 (guint32, obs->n_skills + 1);
  layout->n_obs = g_new0 (double, obs->n_skills);
  layout->n_correct = g_new0 (double, obs->n_skills);
  layout->n_seqs = g_new0 (double, obs->n_skills);
  layout->n_trans = g_new0 (double, obs->n_skills);

  /* First pass: sizes. */
  for (guint k = 0; k < obs->n_skills; k++)
    {
      guint32 n_nonempty = 0;
      guint32 max_len = 0;
      guint64 n_correct = 0;

      for (guint32 s = obs->skill_offsets[k]; s < obs->skill_offsets[k + 1]; s++)
        {
          guint32 len = so[s + 1] - so[s];

          if (len == 0)
            continue;
          n_nonempty++;
          max_len = MAX (max_len, len);
        }
      /* A skill's observations are contiguous; an integer sum vectorises. */
      for (guint32 i = so[obs->skill_offsets[k]]; i < so[obs->skill_offsets[k + 1]]; i++)
        n_correct += obs->correct[i];
      layout->n_obs[k] = so[obs->skill_offsets[k + 1]] - so[obs->skill_offsets[k]];
      layout->n_trans[k] = layout->n_obs[k] - n_nonempty;
      layout->n_correct[k] = n_correct;
      layout->n_seqs[k] = n_nonempty;
      layout->max_steps = MAX (layout->max_steps, max_len);
      order_size = MAX (order_size, n_nonempty);
      n_blocks += (n_nonempty + W - 1) / W;
    }

  order = g_new (guint32, 2 * (gsize) MAX (order_size, 1));
  layout->blocks = g_new0 (PlBktBlock, MAX (n_blocks, 1));

  /* Second pass: blocks of sequences sorted by length, so a block wastes
   * few steps on lanes that already ended. */
  for (guint k = 0; k < obs->n_skills; k++)
    {
      guint32 n = 0;

      layout->skill_blocks[k] = block;
      for (guint32 s = obs->skill_offsets[k]; s < obs->skill_offsets[k + 1]; s++)
        if (so[s + 1] > so[s])
          {
            order[2 * n] = so[s + 1] - so[s];
            order[2 * n + 1] = s;
            n++;
          }
      qsort (order, n, 2 * sizeof (guint32), compare_by_length);

      n_codes = 0;
      for (guint32 i = 0; i < n; i += W)
        {
          PlBktBlock *bl = &layout->blocks[block++];

          bl->codes = n_codes;
          bl->n_steps = order[2 * i];
          /* Sorted longest first: the last lane is the shortest. */
          bl->n_full = i + W <= n ? order[2 * (i + W - 1)] : 0;
          for (int l = 0; l < W; l++)
            bl->seq[l] = i + l < n ? order[2 * (i + l) + 1] : PL_BKT_NO_SEQUENCE;
          n_codes += (gsize) bl->n_steps * W;
        }
      max_skill_codes = MAX (max_skill_codes, n_codes);
    }
  layout->skill_blocks[obs->n_skills] = block;
  g_free (order);

  /* Codes are written one skill at a time into a buffer that stays in
   * cache while EM iterates over that skill. */
  layout->codes = g_malloc (MAX (max_skill_codes, 1));
  layout->loaded_skill = G_MAXUINT;
  layout->correct = obs->correct;

  layout->scratch = g_new (float, 2 * (gsize) MAX (layout->max_steps, 1) * W);
  return layout;
}

void
_pl_bkt_layout_free (PlBktLayout *layout)
{
  if (layout == NULL)
    return;

  g_free (layout->skill_blocks);
  g_free (layout->blocks);
  g_free (layout->codes);
  g_free (layout->n_obs);
  g_free (layout->n_correct);
  g_free (layout->n_seqs);
  g_free (layout->n_trans);
  g_free (layout->scratch);
  g_free (layout);
}
