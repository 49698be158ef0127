/* pl-list-slot.h — a place in a PlSlotListModel, showing one item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PL_TYPE_LIST_SLOT (pl_list_slot_get_type ())
G_DECLARE_FINAL_TYPE (PlListSlot, pl_list_slot, PL, LIST_SLOT, GObject)

/* The item shown in this place now; notify::item says it changed. */
gpointer    pl_list_slot_get_item (PlListSlot *self);
void        pl_list_slot_set_item (PlListSlot *self,
                                   gpointer    item);

G_END_DECLS
