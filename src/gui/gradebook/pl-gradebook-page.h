/* pl-gradebook-page.h — the Gradebook view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/pl-store-gradebook.h"
#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_GRADEBOOK_PAGE (pl_gradebook_page_get_type ())
G_DECLARE_FINAL_TYPE (PlGradebookPage, pl_gradebook_page, PL, GRADEBOOK_PAGE, AdwBin)

/* What the grid shows now (NULL without a class); owned by the page. */
PlGradebook   *pl_gradebook_page_get_gradebook    (PlGradebookPage *self);
GtkColumnView *pl_gradebook_page_get_column_view  (PlGradebookPage *self);
/* The grid loads in a worker thread after a change; this reloads at once
 * in the calling thread instead. */
void           pl_gradebook_page_reload           (PlGradebookPage *self);
/* TRUE while a load is queued or running. */
gboolean       pl_gradebook_page_is_loading       (PlGradebookPage *self);

/* Exports the grid shown to PATH as the file chooser would: KIND is "csv",
 * "oneroster-zip", "oneroster-folder" or "report-pdf" (the selected
 * learner's); it runs in a thread, and is_exporting says while it does. */
void             pl_gradebook_page_export_to      (PlGradebookPage *self,
                                                   const char      *kind,
                                                   const char      *path);
gboolean         pl_gradebook_page_is_exporting   (PlGradebookPage *self);

G_END_DECLS
