/* pl-unit-editor.h — plan a unit: title, big idea, dates, goals,
 * standards and milestones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/pl-unit.h"
#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_UNIT_EDITOR (pl_unit_editor_get_type ())
G_DECLARE_FINAL_TYPE (PlUnitEditor, pl_unit_editor, PL, UNIT_EDITOR, AdwWindow)

PlUnitEditor *pl_unit_editor_new           (PlContext    *context,
                                            PlUnit       *unit);
const char   *pl_unit_editor_get_unit_uuid (PlUnitEditor *self);
/* Puts the keyboard in the title, all of it selected (for a new unit). */
void          pl_unit_editor_focus_title   (PlUnitEditor *self);
/* Saves what the teacher typed now rather than after the pause (closing
 * the window does too). FALSE when a field is refused; its row shows why
 * and the store keeps the field's last good value. */
gboolean      pl_unit_editor_flush         (PlUnitEditor *self);

G_END_DECLS
