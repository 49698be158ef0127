/* pl-note.h — A dated conversation note; append-only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_NOTE (pl_note_get_type ())
G_DECLARE_FINAL_TYPE (PlNote, pl_note, PL, NOTE, PlRecord)

PlNote *pl_note_new (void);

G_END_DECLS
