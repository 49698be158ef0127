/* pl-preferences-window.h — Preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_PREFERENCES_WINDOW (pl_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (PlPreferencesWindow, pl_preferences_window, PL, PREFERENCES_WINDOW, AdwPreferencesWindow)

PlPreferencesWindow *pl_preferences_window_new (PlContext *context);

/* What choosing FOLDER as the data location does (NULL: the usual
 * location): asks whether to copy the data there, or to use the database
 * already there, then does it and switches the application to it. */
void pl_preferences_window_change_location (PlPreferencesWindow *self,
                                            GFile               *folder);

G_END_DECLS
