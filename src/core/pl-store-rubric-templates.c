/* pl-store-rubric-templates.c — the rubric templates a new rubric can
 * start from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "pl-store-rubrics.h"

typedef struct
{
  const char *title;
  const char *descriptors[4];   /* Beginning … Exceeding */
} TemplateCriterion;

typedef struct
{
  PlRubricTemplateInfo info;
  TemplateCriterion    criteria[4];
} Template;

static const Template templates[] = {
  {
    { "written-argument", N_("Written argument"),
      N_("Claim, evidence, reasoning and conventions of a written argument") },
    {
      { N_("Claim"),
        { N_("States a topic but no clear claim"),
          N_("States a claim that is partly clear or arguable"),
          N_("States a clear, arguable claim"),
          N_("States a precise claim and acknowledges its limits") } },
      { N_("Evidence"),
        { N_("Gives little or unrelated evidence"),
          N_("Gives some relevant evidence, not always cited"),
          N_("Gives relevant, cited evidence for each point"),
          N_("Weighs strong, varied evidence from several sources") } },
      { N_("Reasoning"),
        { N_("Does not connect evidence to the claim"),
          N_("Connects evidence to the claim in places"),
          N_("Explains how each piece of evidence supports the claim"),
          N_("Explains the reasoning and answers a counterclaim") } },
      { N_("Conventions"),
        { N_("Errors often get in the way of meaning"),
          N_("Errors sometimes get in the way of meaning"),
          N_("Few errors; meaning is always clear"),
          N_("Uses conventions deliberately for effect") } },
    }
  },
  {
    { "problem-solving", N_("Problem solving"),
      N_("Understanding, strategy, accuracy and communication in mathematics") },
    {
      { N_("Understanding the problem"),
        { N_("Restates the problem with help"),
          N_("Identifies some of what is given and asked"),
          N_("Identifies what is given, asked and relevant"),
          N_("Reframes the problem and spots hidden conditions") } },
      { N_("Strategy"),
        { N_("Tries a strategy that does not fit"),
          N_("Chooses a workable strategy with gaps"),
          N_("Chooses and carries out an efficient strategy"),
          N_("Compares strategies and justifies the choice") } },
      { N_("Accuracy"),
        { N_("Many errors in calculation"),
          N_("Some errors that change the answer"),
          N_("Accurate work and answer"),
          N_("Accurate, and checks the answer another way") } },
      { N_("Communicating reasoning"),
        { N_("Shows an answer without reasoning"),
          N_("Shows some steps with little explanation"),
          N_("Explains each step with correct vocabulary"),
          N_("Explains clearly enough for a peer to learn from it") } },
    }
  },
  {
    { "investigation", N_("Scientific investigation"),
      N_("Question, method, analysis and conclusion of an investigation") },
    {
      { N_("Question and hypothesis"),
        { N_("Asks a question that cannot be tested"),
          N_("Asks a testable question without a hypothesis"),
          N_("States a testable question and a hypothesis"),
          N_("Grounds the hypothesis in scientific ideas") } },
      { N_("Method"),
        { N_("Method is missing key steps"),
          N_("Method can be followed but misses a control"),
          N_("Controls variables in a repeatable method"),
          N_("Anticipates sources of error in the design") } },
      { N_("Analysis"),
        { N_("Presents data without organising it"),
          N_("Organises data with some errors"),
          N_("Organises data accurately and finds patterns"),
          N_("Quantifies patterns and their uncertainty") } },
      { N_("Conclusion"),
        { N_("Conclusion does not follow from the data"),
          N_("Conclusion follows partly from the data"),
          N_("Conclusion follows from the data and answers the question"),
          N_("Conclusion discusses limits and next questions") } },
    }
  },
};

const PlRubricTemplateInfo *
pl_rubric_templates (void)
{
  static PlRubricTemplateInfo infos[G_N_ELEMENTS (templates) + 1];

  /* Translated on each call: the locale may change between calls in tests. */
  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      infos[i].id = templates[i].info.id;
      infos[i].title = _(templates[i].info.title);
      infos[i].description = _(templates[i].info.description);
    }
  infos[G_N_ELEMENTS (templates)].id = NULL;
  return infos;
}

PlRubric *
pl_store_create_rubric_from_template (PlStore     *self,
                                      const char  *classroom_uuid,
                                      const char  *template_id,
                                      GError     **error)
{
  const Template *t = NULL;
  g_autoptr(PlRubric) rubric = NULL;
  g_autoptr(GListModel) levels = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    if (g_strcmp0 (templates[i].info.id, template_id) == 0)
      t = &templates[i];
  if (t == NULL)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("rubric template: no template named “%s”"), template_id ? template_id : "");
      return NULL;
    }

  if (!pl_store_begin (self, error))
    return NULL;
  rubric = pl_store_create_rubric (self, classroom_uuid, _(t->info.title), error);
  if (rubric == NULL)
    goto fail;
  pl_record_set_string (PL_RECORD (rubric), "description", _(t->info.description));
  if (!pl_store_save (self, PL_RECORD (rubric), error))
    goto fail;
  levels = pl_store_list_levels (self, pl_record_get_uuid (PL_RECORD (rubric)), error);
  if (levels == NULL)
    goto fail;
  for (guint i = 0; i < G_N_ELEMENTS (t->criteria); i++)
    {
      g_autoptr(PlCriterion) criterion =
        pl_store_add_criterion (self, pl_record_get_uuid (PL_RECORD (rubric)),
                                _(t->criteria[i].title), NULL, error);

      if (criterion == NULL)
        goto fail;
      for (guint j = 0; j < 4 && j < g_list_model_get_n_items (levels); j++)
        {
          g_autoptr(PlRecord) level = g_list_model_get_item (levels, j);

          if (!pl_store_set_descriptor (self, pl_record_get_uuid (PL_RECORD (criterion)),
                                        pl_record_get_uuid (level),
                                        _(t->criteria[i].descriptors[j]), error))
            goto fail;
        }
    }
  if (!pl_store_commit (self, error))
    goto fail;
  return g_steal_pointer (&rubric);

fail:
  pl_store_rollback (self);
  return NULL;
}
