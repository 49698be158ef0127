/* pl-standard-methods-window.h — the calculation method of each standard
 * of a class, from the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/pl-store-gradebook.h"
#include "core/pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_STANDARD_METHODS_WINDOW (pl_standard_methods_window_get_type ())
G_DECLARE_FINAL_TYPE (PlStandardMethodsWindow, pl_standard_methods_window, PL, STANDARD_METHODS_WINDOW, AdwWindow)

/* One row per standard of GRADEBOOK (copied: the window outlives it): the
 * method it uses (the class's, or its own) with its numbers. Changes are
 * saved as they are made. FOCUS_STANDARD (or G_MAXUINT) gets the focus. */
PlStandardMethodsWindow *pl_standard_methods_window_new (PlStore           *store,
                                                         const PlGradebook *gradebook,
                                                         guint              focus_standard);

/* For tests: the widgets of standard INDEX's row. The method list's first
 * entry is "The class's method", then the methods in the order of
 * pl_gradebook_method_names(). */
GtkDropDown   *pl_standard_methods_window_get_method (PlStandardMethodsWindow *self,
                                                      guint                    index);
GtkSpinButton *pl_standard_methods_window_get_param  (PlStandardMethodsWindow *self,
                                                      guint                    index);
GtkSpinButton *pl_standard_methods_window_get_level  (PlStandardMethodsWindow *self,
                                                      guint                    index);

G_END_DECLS
