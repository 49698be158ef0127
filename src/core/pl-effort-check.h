/* pl-effort-check.h — does a rubric criterion grade effort instead of learning?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PL_EFFORT_NONE,
  PL_EFFORT_EFFORT,          /* "effort", "tries hard", "esfuerzo" */
  PL_EFFORT_COMPLETION,      /* "completed", "homework done", "entregado" */
  PL_EFFORT_TIMELINESS,      /* "on time", "late", "a tiempo" */
  PL_EFFORT_PRESENTATION,    /* "neatness", "tidy", "limpieza" */
  PL_EFFORT_BEHAVIOUR,       /* "participation", "attitude", "conducta" */
} PlEffortKind;

/* Looks for words and phrases (English and Spanish) that show a criterion
 * rates effort, completion, timeliness, neatness or behaviour rather than
 * what the learner knows and can do. Matching ignores case and accents and
 * respects word boundaries ("late" does not match "translate", "effort"
 * does not match "effortless"). Returns the kind of the first match, or
 * PL_EFFORT_NONE. When OUT_REASON is not NULL and something matched, it
 * receives one translated sentence naming the word found and why it is a
 * concern; OUT_MATCH receives the phrase as written in TEXT. */
PlEffortKind pl_effort_check (const char  *text,
                              char       **out_reason,
                              char       **out_match);

G_END_DECLS
