/* pl-roster-error.c — errors of the roster importers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "pl-roster-error.h"

G_DEFINE_QUARK (pl-roster-error-quark, pl_roster_error)

void
pl_roster_set_error (GError        **error,
                     PlRosterError   code,
                     const char     *file,
                     guint           line,
                     guint           column,
                     const char     *column_name,
                     const char     *format,
                     ...)
{
  g_autofree char *message = NULL;
  g_autofree char *where = NULL;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0 && column > 0 && column_name != NULL)
    /* Translators: FILE: line N, column M (NAME) */
    where = g_strdup_printf (_("%s: line %u, column %u (%s)"), file, line, column, column_name);
  else if (line > 0 && column > 0)
    where = g_strdup_printf (_("%s: line %u, column %u"), file, line, column);
  else if (line > 0 && column_name != NULL)
    where = g_strdup_printf (_("%s: line %u, column %s"), file, line, column_name);
  else if (line > 0)
    where = g_strdup_printf (_("%s: line %u"), file, line);
  else if (column_name != NULL)
    where = g_strdup_printf (_("%s: column %s"), file, column_name);
  else
    where = g_strdup (file);

  g_set_error (error, PL_ROSTER_ERROR, code, "%s: %s", where, message);
}
