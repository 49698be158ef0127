/* pl-oneroster.h — reading OneRoster 1.1 and 1.2 CSV bundles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pl-roster-data.h"
#include "pl-roster-error.h"
#include "pl-roster-progress.h"

G_BEGIN_DECLS

/* TRUE when FILE is a folder, a zip archive or a manifest.csv: something
 * to read as OneRoster rather than as a plain CSV of learners. */
gboolean      pl_oneroster_looks_like (GFile         *file);

/* Reads a OneRoster CSV bundle from a zip archive (FILE), a folder, or
 * the folder of FILE when it is a manifest.csv. Only students and their
 * enrollments, classes and schools are kept; teachers, guardians,
 * demographics and gradebook files are checked and then left out.
 * Every error names the file, line and column (PL_ROSTER_ERROR). */
PlRosterData *pl_oneroster_read       (GFile         *file,
                                       GCancellable  *cancellable,
                                       GError       **error);
/* Same, telling PROGRESS (may be NULL) how many bytes of the listed
 * files are read (PL_ROSTER_STAGE_READING). */
PlRosterData *pl_oneroster_read_full  (GFile             *file,
                                       PlRosterProgress  *progress,
                                       GCancellable      *cancellable,
                                       GError           **error);

G_END_DECLS
