/* pl-standards-window.h — frameworks and their standards: import, add, edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_STANDARDS_WINDOW (pl_standards_window_get_type ())
G_DECLARE_FINAL_TYPE (PlStandardsWindow, pl_standards_window, PL, STANDARDS_WINDOW, AdwWindow)

/* A window over STORE's frameworks, transient for PARENT (may be NULL).
 * Present it with gtk_window_present (). Its actions (standards.import
 * Ctrl+O, standards.add Ctrl+N, standards.edit F2, standards.delete
 * Delete, standards.search Ctrl+F) work from the keyboard; Escape closes. */
PlStandardsWindow *pl_standards_window_new            (GtkWindow         *parent,
                                                       PlStore           *store);

/* Checks FILE (a CASE JSON framework) in a worker thread and shows the
 * preview, as Import Framework… does once a file is chosen. */
void               pl_standards_window_import_file    (PlStandardsWindow *self,
                                                       GFile             *file);
/* "tree", "empty", "no-results" or "busy". */
const char        *pl_standards_window_get_state      (PlStandardsWindow *self);
/* The preview or error dialog on screen, or NULL. Its responses are
 * "import" and "cancel" (preview), "close" (error, refused delete). */
AdwMessageDialog  *pl_standards_window_get_dialog     (PlStandardsWindow *self);
/* The standard editor on screen, or NULL. */
GtkWindow         *pl_standards_window_get_editor     (PlStandardsWindow *self);
/* The list of frameworks and standards, and its model of GtkTreeListRow
 * (a GtkSingleSelection). */
GtkListView       *pl_standards_window_get_list_view  (PlStandardsWindow *self);
/* Selects the row of the standard or framework with UUID, expanding what
 * it sits under; FALSE when it is not in the list. */
gboolean           pl_standards_window_select         (PlStandardsWindow *self,
                                                       const char        *uuid);

G_END_DECLS
