/* pl-oneroster-results.h — gradebook results for the school's information system
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/pl-store-gradebook.h"
#include "pl-gradebook-csv.h"

G_BEGIN_DECLS

/* OneRoster 1.1 gradebook CSV: manifest.csv, academicSessions.csv (the
 * grading period every line item names: the span of the class's units, or
 * the school year, August to July, of DATE when they have no dates),
 * categories.csv (one category, "Standards"), lineItems.csv (one line item
 * per standard of the class, scored 0–4, assigned on the day its first
 * evidence was assessed and due by the class's last milestone or its last
 * evidence) and results.csv (one result per learner and standard that has
 * a value, dated by its latest evidence or its override; an overridden
 * cell carries the teacher's reason in its comment, a calculated one the
 * method with its numbers). Learners, classes and standards keep the sourcedIds they came
 * with from the roster; those without one use their uuid. Every other
 * sourcedId is derived from the class and the standard or learner, so a
 * second export of the same class updates the same rows. Every cell is
 * written through pl_csv_append_field (formulas neutralised).
 *
 * The files are bulk files: status and dateLastModified stay empty, as the
 * OneRoster 1.1 CSV binding asks of bulk files. DATE ("YYYY-MM-DD", NULL:
 * today) is the export's day, used only where the class has no dates. */

/* What the export cannot do right, in words, or NULL: the class or the
 * learners without a sourcedId from the roster, whose local uuids are
 * written instead. */
char     *pl_oneroster_results_check         (const PlGradebook  *gradebook);

/* Writes the four files into FOLDER (created when missing). */
gboolean  pl_oneroster_results_write_folder (const PlGradebook  *gradebook,
                                             GFile              *folder,
                                             const char         *date,
                                             GCancellable       *cancellable,
                                             GError            **error);

/* Writes the four files into a zip at PATH, whole or not at all. */
gboolean  pl_oneroster_results_write_zip    (const PlGradebook  *gradebook,
                                             const char         *path,
                                             const char         *date,
                                             GError            **error);

/* The same, telling PROGRESS (may be NULL) how far they are and stopping
 * with G_IO_ERROR_CANCELLED when CANCELLABLE is cancelled (the zip is then
 * not written at all). */
gboolean  pl_oneroster_results_write_folder_with_progress (const PlGradebook    *gradebook,
                                                           GFile                *folder,
                                                           const char           *date,
                                                           PlExportProgressFunc  progress,
                                                           gpointer              user_data,
                                                           GCancellable         *cancellable,
                                                           GError              **error);
gboolean  pl_oneroster_results_write_zip_with_progress    (const PlGradebook    *gradebook,
                                                           const char           *path,
                                                           const char           *date,
                                                           PlExportProgressFunc  progress,
                                                           gpointer              user_data,
                                                           GCancellable         *cancellable,
                                                           GError              **error);

G_END_DECLS
