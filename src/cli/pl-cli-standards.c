/* pl-cli-standards.c — personallearn-cli import-standards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "core/pl-store.h"
#include "interop/pl-case-import.h"
#include "pl-cli.h"

int
pl_cli_import_standards (PlCliOptions  *o,
                         int            argc,
                         char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *db_path = NULL;
  const char *path = NULL;
  gboolean dry_run = FALSE;
  PlCaseSummary summary = { 0 };

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--dry-run") == 0)
        dry_run = TRUE;
      else if (argv[i][0] == '-' || path != NULL)
        return pl_cli_usage ("import-standards");
      else
        path = argv[i];
    }
  if (path == NULL)
    return pl_cli_usage ("import-standards");

  db_path = o->db_path != NULL ? g_strdup (o->db_path) : pl_store_default_path ();
  store = pl_store_open_full (db_path, PL_CLI_CHECK_ON_OPEN, &error);
  if (store == NULL)
    return pl_cli_fail_error (error);

  file = g_file_new_for_commandline_arg (path);
  if (!pl_case_import_file (store, file, dry_run, &summary, NULL, &error))
    return pl_cli_fail_error (error);

  /* Unusual but imported: said on stderr, so that stdout stays one line. */
  for (guint i = 0; summary.warnings != NULL && i < summary.warnings->len; i++)
    fprintf (stderr, _("warning: %s\n"), (const char *) summary.warnings->pdata[i]);
  printf (dry_run ? _("“%s”: %u standards (%u new, %u updated, %u unchanged), %u links would be imported\n")
                  : _("“%s”: %u standards (%u new, %u updated, %u unchanged), %u links\n"),
          summary.title, summary.n_items, summary.n_new, summary.n_updated, summary.n_unchanged,
          summary.n_links);
  pl_case_summary_clear (&summary);
  return 0;
}
