/* pl-roster-csv.h — a streaming CSV reader (RFC 4180 and what
 * spreadsheets write)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pl-roster-progress.h"

G_BEGIN_DECLS

/* Reads up to COUNT bytes into BUFFER; returns the number read, 0 at the
 * end, -1 with ERROR set on failure. */
typedef gssize (*PlRosterCsvReadFunc) (gpointer   user_data,
                                       void      *buffer,
                                       gsize      count,
                                       GError   **error);

typedef struct _PlRosterCsv PlRosterCsv;

/* FILE_NAME names the file in error messages. DELIMITER is ',' or ';',
 * or 0 to guess it from the header line (',' ';' or tab). A UTF-8 byte
 * order mark is skipped. Quoted cells may hold delimiters, doubled
 * quotes and line breaks; lines end in LF or CRLF. */
PlRosterCsv  *pl_roster_csv_new             (const char           *file_name,
                                             PlRosterCsvReadFunc   read_func,
                                             gpointer              user_data,
                                             char                  delimiter);
/* A reader over a GInputStream (which it keeps a reference to). */
PlRosterCsv  *pl_roster_csv_new_for_stream  (const char           *file_name,
                                             GInputStream         *stream,
                                             char                  delimiter);
void          pl_roster_csv_free            (PlRosterCsv          *self);

/* Reads the header line and indexes its column names (trimmed). Empty
 * file: PL_ROSTER_ERROR_EMPTY. */
gboolean      pl_roster_csv_read_header     (PlRosterCsv          *self,
                                             GError              **error);
/* Fails with PL_ROSTER_ERROR_MISSING_COLUMN naming the first of the
 * NULL-terminated NAMES that the header lacks. */
gboolean      pl_roster_csv_require         (PlRosterCsv          *self,
                                             const char * const   *names,
                                             GError              **error);
/* The index of column NAME, or -1. */
int           pl_roster_csv_column          (PlRosterCsv          *self,
                                             const char           *name);
guint         pl_roster_csv_get_n_columns   (PlRosterCsv          *self);
const char   *pl_roster_csv_get_column_name (PlRosterCsv          *self,
                                             guint                 index);
char          pl_roster_csv_get_delimiter   (PlRosterCsv          *self);
const char   *pl_roster_csv_get_file_name   (PlRosterCsv          *self);
/* Adds the bytes read from now on to PROGRESS (may be NULL). */
void          pl_roster_csv_set_progress    (PlRosterCsv          *self,
                                             PlRosterProgress     *progress);

/* Reads the next record. Returns FALSE at the end (ERROR unset) or on an
 * error. Blank lines are skipped. After the header, a record with another
 * number of cells is PL_ROSTER_ERROR_CELL_COUNT; text that is not UTF-8 is
 * PL_ROSTER_ERROR_ENCODING. The cells stay valid until the next call. */
gboolean      pl_roster_csv_next            (PlRosterCsv          *self,
                                             GError              **error);
/* The line the current record starts on (1-based). */
guint         pl_roster_csv_get_line        (PlRosterCsv          *self);
guint         pl_roster_csv_get_n_cells     (PlRosterCsv          *self);
/* Cell INDEX of the current record, "" when out of range or INDEX < 0. */
const char   *pl_roster_csv_get             (PlRosterCsv          *self,
                                             int                   index);
/* The cell of column NAME, trimmed of surrounding spaces; NULL when the
 * column is absent or the cell is empty. */
const char   *pl_roster_csv_get_by_name     (PlRosterCsv          *self,
                                             const char           *name);

/* Splits a multi-value cell ("09,10,11") on commas, trimming each part. */
char        **pl_roster_csv_split_list      (const char           *cell);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlRosterCsv, pl_roster_csv_free)

G_END_DECLS
