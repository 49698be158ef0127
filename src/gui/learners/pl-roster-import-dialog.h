/* pl-roster-import-dialog.h — pick a roster, preview it, import it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_ROSTER_IMPORT_DIALOG (pl_roster_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlRosterImportDialog, pl_roster_import_dialog, PL, ROSTER_IMPORT_DIALOG, AdwWindow)

/* CLASSROOM (may be NULL) receives the learners of a plain CSV. The
 * dialog emits "imported" (a one-line summary) and closes when done. */
PlRosterImportDialog *pl_roster_import_dialog_new       (PlContext            *context,
                                                         PlClassroom          *classroom);
/* Reads FILE in a worker thread and shows the preview. */
void                  pl_roster_import_dialog_load      (PlRosterImportDialog *self,
                                                         GFile                *file);
/* "choose", "busy", "preview" or "error". */
const char           *pl_roster_import_dialog_get_state (PlRosterImportDialog *self);
/* The preview's totals line, as shown. */
const char           *pl_roster_import_dialog_get_summary (PlRosterImportDialog *self);
/* The message shown on the error page. */
const char           *pl_roster_import_dialog_get_error (PlRosterImportDialog *self);
guint                 pl_roster_import_dialog_get_n_classes (PlRosterImportDialog *self);
/* The bar of the busy page: the part of the files read, then of the
 * rows saved. */
GtkProgressBar       *pl_roster_import_dialog_get_progress_bar (PlRosterImportDialog *self);
/* The class check boxes, in the preview's order. */
GtkCheckButton       *pl_roster_import_dialog_get_class_check (PlRosterImportDialog *self,
                                                               guint                 index);
/* The column chosen for a field of a plain CSV (PlLearnerCsvField order:
 * given, family, id, email, grade); position 0 is "(none)". */
AdwComboRow          *pl_roster_import_dialog_get_mapping_row (PlRosterImportDialog *self,
                                                               guint                 field);
/* The preview of a plain CSV's first rows: ROW 0 is the field names,
 * then one row per line of the file; NULL when not shown. */
const char           *pl_roster_import_dialog_get_sample_cell (PlRosterImportDialog *self,
                                                               guint                 row,
                                                               guint                 field);
/* Imports the selection (what the Import button does). */
void                  pl_roster_import_dialog_apply     (PlRosterImportDialog *self);

G_END_DECLS
