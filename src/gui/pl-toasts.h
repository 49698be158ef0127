/* pl-toasts.h — toasts whose Undo is for the latest change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows TOAST (transfer full) on OVERLAY in place of *LAST, the toast of
 * the change before, so that Undo is at hand for the latest change rather
 * than queued behind an older one. *LAST is a weak pointer the caller
 * keeps (g_clear_weak_pointer it in dispose); it is set to TOAST. */
void pl_toasts_replace (AdwToastOverlay  *overlay,
                        AdwToast        **last,
                        AdwToast         *toast);

G_END_DECLS
