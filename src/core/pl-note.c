/* pl-note.c — A dated conversation note; append-only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-note.h"

struct _PlNote
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlNote, pl_note, PL_TYPE_RECORD)

static void
pl_note_class_init (PlNoteClass *klass)
{
  /* Columns of the "note" table, in schema order. */
  GParamSpec *columns[] = {
    g_param_spec_string ("learner-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("kind", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("noted-at", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("body", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("supersedes-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
  };

  pl_record_class_install_columns (PL_RECORD_CLASS (klass), "note",
                                   columns, G_N_ELEMENTS (columns));
}

static void
pl_note_init (PlNote *self)
{
}

PlNote *
pl_note_new (void)
{
  return g_object_new (PL_TYPE_NOTE, NULL);
}
