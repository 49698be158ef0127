/* pl-unit-switcher.h — which of a class's units the Boards view shows,
 * and making, editing and deleting units
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/pl-classroom.h"
#include "core/pl-unit.h"
#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_UNIT_SWITCHER (pl_unit_switcher_get_type ())
G_DECLARE_FINAL_TYPE (PlUnitSwitcher, pl_unit_switcher, PL, UNIT_SWITCHER, AdwBin)

/* Lists the units of CLASSROOM and picks the one to show: the one shown
 * before, the one last chosen for the class on this computer, or the
 * first. Returns it (owned by the switcher), or NULL when the class has
 * none. */
PlUnit *pl_unit_switcher_load        (PlUnitSwitcher *self,
                                      PlContext      *context,
                                      PlClassroom    *classroom);
PlUnit *pl_unit_switcher_get_unit    (PlUnitSwitcher *self);

/* A new unit for the class, shown and opened in the unit editor. */
void    pl_unit_switcher_new_unit    (PlUnitSwitcher *self);
/* The unit editor for the unit shown, over the window. */
void    pl_unit_switcher_edit_unit   (PlUnitSwitcher *self);
/* Deletes the unit shown, with Undo in a toast. */
void    pl_unit_switcher_delete_unit (PlUnitSwitcher *self);

/* "unit-changed": the teacher chose another unit, or one was made,
 * deleted or brought back; the view should load again. It may be
 * emitted from within the drop-down's own signal: load in an idle. */

G_END_DECLS
