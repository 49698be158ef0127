/* pl-gradebook-csv.h — the gradebook as a CSV file for spreadsheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/pl-store-gradebook.h"

G_BEGIN_DECLS

/* Appends CELL to LINE as one CSV field (RFC 4180: quoted when it holds a
 * comma, a quote, a line break or edge spaces). A cell a spreadsheet would
 * run as a formula — it starts with = + - @, a tab or a carriage return —
 * is neutralised with a leading apostrophe first, so "=HYPERLINK(…)" in a
 * learner's name stays text. */
void      pl_csv_append_field        (GString            *line,
                                      const char         *cell);

/* The gradebook as CSV: a header (Learner, Learner ID, then each
 * standard's code), a row naming each standard's calculation method, one
 * row per learner with the cell values (two decimals, empty without
 * evidence), then after an empty line every overridden cell with the
 * evidence's value and the teacher's reason. */
gboolean  pl_gradebook_csv_write     (const PlGradebook  *gradebook,
                                      GOutputStream      *out,
                                      GCancellable       *cancellable,
                                      GError            **error);
/* Writes the file whole or not at all (a temporary file renamed). */
gboolean  pl_gradebook_csv_export    (const PlGradebook  *gradebook,
                                      GFile              *file,
                                      GCancellable       *cancellable,
                                      GError            **error);

/* How far an export is, 0 to 1, called from the thread that runs it. */
typedef void (*PlExportProgressFunc) (double   fraction,
                                      gpointer user_data);

/* The same, telling PROGRESS (may be NULL) as it goes through the
 * learners and stopping with G_IO_ERROR_CANCELLED, writing nothing, when
 * CANCELLABLE is cancelled. */
gboolean  pl_gradebook_csv_export_with_progress (const PlGradebook    *gradebook,
                                                 GFile                *file,
                                                 PlExportProgressFunc  progress,
                                                 gpointer              user_data,
                                                 GCancellable         *cancellable,
                                                 GError              **error);

G_END_DECLS
