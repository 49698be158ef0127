/* pl-accessible.h — names for screen readers where GTK 4.8 leaves gaps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Names WIDGET (a GtkDropDown or GtkMenuButton) and the toggle button
 * inside it: GTK 4.8 exposes that inner button to screen readers, which
 * otherwise announce "GtkToggleButton". */
void pl_accessible_name_button (GtkWidget  *widget,
                                const char *label);

G_END_DECLS
