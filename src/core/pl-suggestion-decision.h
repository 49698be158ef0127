/* pl-suggestion-decision.h — What the teacher did with an engine suggestion.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_SUGGESTION_DECISION (pl_suggestion_decision_get_type ())
G_DECLARE_FINAL_TYPE (PlSuggestionDecision, pl_suggestion_decision, PL, SUGGESTION_DECISION, PlRecord)

PlSuggestionDecision *pl_suggestion_decision_new (void);

G_END_DECLS
