/* pl-bkt-private.h — the lock-step layout and kernels behind pl-bkt.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sequences of one skill are sorted by length and packed PL_BKT_LANES at a
 * time into blocks stored time-major ([step][lane]), so one vector
 * instruction advances PL_BKT_LANES learners by one opportunity. Only one
 * skill's codes exist at a time: the kernels transpose a skill when they
 * first need it, and EM then iterates over it while it sits in cache. A code
 * per cell says failure (0), success (1) or "no observation" (2, after a
 * sequence ended or in an unused lane). A "no observation" step has
 * emission probability 1 in both states, which leaves the backward
 * variables at exactly 1 and the forward state untouched where it matters;
 * the counts mask those steps out.
 */
#pragma once

#include "pl-bkt.h"

G_BEGIN_DECLS

#define PL_BKT_LANES 32
#define PL_BKT_CODE_NONE 2
#define PL_BKT_NO_SEQUENCE G_MAXUINT32

typedef struct
{
  guint64 codes;                   /* offset of [n_steps][PL_BKT_LANES] codes
                                    * in the buffer of its skill */
  guint32 n_steps;                 /* length of the longest sequence */
  guint32 n_full;                  /* steps at which every lane is observed */
  guint32 seq[PL_BKT_LANES];       /* sequence index, or PL_BKT_NO_SEQUENCE */
} PlBktBlock;

typedef struct
{
  guint         n_skills;
  guint32      *skill_blocks;      /* n_skills + 1 offsets into blocks */
  PlBktBlock   *blocks;
  guint8       *codes;             /* codes of loaded_skill */
  guint         loaded_skill;
  const guint32 *seq_offsets;      /* borrowed from the observations */
  const guint8 *correct;           /* borrowed from the observations */
  double       *n_obs;             /* per skill: observations */
  double       *n_correct;         /* per skill: successes */
  double       *n_seqs;            /* per skill: non-empty sequences */
  double       *n_trans;           /* per skill: opportunities followed by another */
  guint32       max_steps;
  float        *scratch;           /* 2 * max_steps * PL_BKT_LANES floats */
} PlBktLayout;

/* Expected counts of one E-step over one skill. */
typedef struct
{
  double log_likelihood;
  double prior_l;      /* sum of P(L) at the first opportunity */
  double n_seqs;
  double gamma_l;      /* sum of P(L) over observations */
  double gamma_l_ok;   /* ... of successes */
  double trans_l;      /* sum of P(L) over opportunities followed by another */
  double xi_ul;        /* expected U -> L transitions */
  double xi_lu;        /* expected L -> U transitions */
  double n_obs;
  double n_correct;
  double n_trans;
} PlBktCounts;

PlBktLayout *_pl_bkt_layout_new      (const PlBktObservations *obs);
void         _pl_bkt_layout_free     (PlBktLayout             *layout);

void         _pl_bkt_expect          (PlBktLayout             *layout,
                                      guint                    skill,
                                      const PlBktParams       *params,
                                      PlBktCounts             *counts);
/* Writes P(L) going into the next opportunity for every sequence. */
void         _pl_bkt_filter          (PlBktLayout             *layout,
                                      guint                    skill,
                                      const PlBktParams       *params,
                                      float                   *out_mastery);
void         _pl_bkt_predict_skill   (PlBktLayout             *layout,
                                      guint                    skill,
                                      const PlBktParams       *params,
                                      float                   *out_predicted);

G_END_DECLS
