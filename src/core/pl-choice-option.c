/* pl-choice-option.c — One option of a choice board.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-choice-option.h"

struct _PlChoiceOption
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlChoiceOption, pl_choice_option, PL_TYPE_RECORD)

static void
pl_choice_option_class_init (PlChoiceOptionClass *klass)
{
  /* Columns of the "choice_option" table, in schema order. */
  GParamSpec *columns[] = {
    g_param_spec_string ("board-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("title", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("description", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("format", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_int64 ("tier", NULL, NULL, G_MININT64, G_MAXINT64, 2, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("grouping", NULL, NULL, "solo", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_int64 ("minutes", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("tags", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_int64 ("grid-row", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_int64 ("grid-col", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_boolean ("required", NULL, NULL, FALSE, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("section", NULL, NULL, "grid", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
  };

  pl_record_class_install_columns (PL_RECORD_CLASS (klass), "choice_option",
                                   columns, G_N_ELEMENTS (columns));
}

static void
pl_choice_option_init (PlChoiceOption *self)
{
}

PlChoiceOption *
pl_choice_option_new (void)
{
  return g_object_new (PL_TYPE_CHOICE_OPTION, NULL);
}
