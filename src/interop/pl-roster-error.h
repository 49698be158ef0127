/* pl-roster-error.h — errors of the roster importers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PL_ROSTER_ERROR (pl_roster_error_quark ())

/* Every error message names the file, and the line and column when there
 * is one: "users.csv: line 7, column 3 (givenName): …". */
typedef enum
{
  PL_ROSTER_ERROR_FAILED,
  PL_ROSTER_ERROR_NOT_FOUND,         /* the path does not exist */
  PL_ROSTER_ERROR_MISSING_MANIFEST,  /* no manifest.csv */
  PL_ROSTER_ERROR_MISSING_FILE,      /* a file the manifest lists is not there */
  PL_ROSTER_ERROR_MISSING_COLUMN,    /* a required column is not in the header */
  PL_ROSTER_ERROR_UNKNOWN_VERSION,   /* manifest or OneRoster version we do not read */
  PL_ROSTER_ERROR_CELL_COUNT,        /* a row with more or fewer cells than the header */
  PL_ROSTER_ERROR_BAD_REFERENCE,     /* a sourcedId that names no class, user, … */
  PL_ROSTER_ERROR_ENCODING,          /* text that is not UTF-8 */
  PL_ROSTER_ERROR_BAD_ARCHIVE,       /* an empty, truncated or damaged zip */
  PL_ROSTER_ERROR_SYNTAX,            /* an unclosed quote, text after a closing quote */
  PL_ROSTER_ERROR_BAD_VALUE,         /* a required cell that is empty, an unknown mode */
  PL_ROSTER_ERROR_DUPLICATE,         /* the same sourcedId twice in one file */
  PL_ROSTER_ERROR_EMPTY,             /* a file with no header at all */
} PlRosterError;

GQuark pl_roster_error_quark (void);

/* Sets ERROR with CODE and a message prefixed by "FILE: line LINE, column
 * COLUMN (NAME): ". LINE and COLUMN are 1-based; 0 leaves them out; NAME
 * may be NULL. */
void   pl_roster_set_error   (GError       **error,
                              PlRosterError  code,
                              const char    *file,
                              guint          line,
                              guint          column,
                              const char    *column_name,
                              const char    *format,
                              ...) G_GNUC_PRINTF (7, 8);

G_END_DECLS
