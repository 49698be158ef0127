/* pl-suggestion-decision.c — What the teacher did with an engine suggestion.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-suggestion-decision.h"

struct _PlSuggestionDecision
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlSuggestionDecision, pl_suggestion_decision, PL_TYPE_RECORD)

static void
pl_suggestion_decision_class_init (PlSuggestionDecisionClass *klass)
{
  /* Columns of the "suggestion_decision" table, in schema order. */
  GParamSpec *columns[] = {
    g_param_spec_string ("learner-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("option-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("kind", NULL, NULL, "option", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("decision", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("signature", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("decided-at", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
  };

  pl_record_class_install_columns (PL_RECORD_CLASS (klass), "suggestion_decision",
                                   columns, G_N_ELEMENTS (columns));
}

static void
pl_suggestion_decision_init (PlSuggestionDecision *self)
{
}

PlSuggestionDecision *
pl_suggestion_decision_new (void)
{
  return g_object_new (PL_TYPE_SUGGESTION_DECISION, NULL);
}
