/* pl-sync-window.h — exchanging bundles through a sync folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_SYNC_WINDOW (pl_sync_window_get_type ())
G_DECLARE_FINAL_TYPE (PlSyncWindow, pl_sync_window, PL, SYNC_WINDOW, AdwWindow)

PlSyncWindow *pl_sync_window_new (PlContext *context);

G_END_DECLS
