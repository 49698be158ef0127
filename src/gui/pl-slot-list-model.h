/* pl-slot-list-model.h — a list of places that show another list's items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pl-list-slot.h"

G_BEGIN_DECLS

#define PL_TYPE_SLOT_LIST_MODEL (pl_slot_list_model_get_type ())
G_DECLARE_FINAL_TYPE (PlSlotListModel, pl_slot_list_model, PL, SLOT_LIST_MODEL, GObject)

/* Item N is a PlListSlot showing item N of MODEL. When MODEL changes, the
 * slots that exist take their new items (notify::item) and only the
 * change in length is announced, at the end: a GtkListView (GTK 4.8)
 * over it rebinds its rows instead of making new ones. */
PlSlotListModel *pl_slot_list_model_new       (GListModel      *model);
GListModel      *pl_slot_list_model_get_model (PlSlotListModel *self);

G_END_DECLS
