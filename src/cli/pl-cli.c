/* pl-cli.c — personallearn-cli: option parsing and command dispatch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "pl-cli.h"

static const PlCliCommand commands[] = {
  { "import-standards", "import-standards [--dry-run] PATH", pl_cli_import_standards },
  { "import-roster", "import-roster [--classes ID,…] [--class NAME] [--mapping given=COL,…] [--dry-run] PATH", pl_cli_import_roster },
  { "demo", "demo [--learners N] [--seed S] [--today YYYY-MM-DD] [--add]", pl_cli_demo },
  { "list", "list learners|classes|standards [--json]", pl_cli_list },
  { "dump", "dump", pl_cli_dump },
  { "check", "check", pl_cli_check },
  { "mastery", "mastery --method M [--param X] [--mastery-level L] [--scale S] SCORE…", pl_cli_mastery },
  { "engine", "engine fit --csv F [--seed S] [--restarts R] [--forget] | engine predict --csv F --params P", pl_cli_engine },
  { "export-bundle", "export-bundle [--full] [--for DEVICE] OUT", pl_cli_export_bundle },
  { "import-bundle", "import-bundle IN", pl_cli_import_bundle },
  { "school", "school --id ID --key KEY", pl_cli_school },
  { "hub", "hub init --school NAME | hub import BUNDLE… | hub export [--full] --device ID OUT | hub status", pl_cli_hub },
};

int
pl_cli_fail (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("personallearn-cli: %s\n", message);
  return 1;
}

int
pl_cli_fail_error (GError *error)
{
  return pl_cli_fail ("%s", error != NULL ? error->message : _("unknown error"));
}

int
pl_cli_usage (const char *command)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, command) == 0)
      {
        g_printerr (_("usage: personallearn-cli [--db FILE] %s\n"), commands[i].usage);
        return 2;
      }
  return 2;
}

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n", _("usage: personallearn-cli [--db FILE] COMMAND …"));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %s\n", commands[i].usage);
}

int
pl_cli_run (int    argc,
            char **argv)
{
  PlCliOptions options = { NULL };
  int i = 1;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  while (i < argc && argv[i][0] == '-')
    {
      if (strcmp (argv[i], "--db") == 0 && i + 1 < argc)
        {
          g_free (options.db_path);
          options.db_path = g_strdup (argv[i + 1]);
          i += 2;
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        {
          g_free (options.db_path);
          options.db_path = g_strdup (argv[i] + strlen ("--db="));
          i++;
        }
      else if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
        {
          print_help (stdout);
          return 0;
        }
      else if (strcmp (argv[i], "--version") == 0)
        {
          printf ("personallearn-cli %s\n", PL_VERSION);
          return 0;
        }
      else
        {
          print_help (stderr);
          return pl_cli_fail (_("unknown option “%s”"), argv[i]);
        }
    }

  if (i >= argc)
    {
      print_help (stderr);
      return 2;
    }

  if (options.db_path == NULL && g_getenv ("PERSONALLEARN_DB") != NULL)
    options.db_path = g_strdup (g_getenv ("PERSONALLEARN_DB"));

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (strcmp (commands[c].name, argv[i]) == 0)
      {
        status = commands[c].func (&options, argc - i, argv + i);
        g_free (options.db_path);
        return status;
      }

  print_help (stderr);
  status = pl_cli_fail (_("unknown command “%s”"), argv[i]);
  g_free (options.db_path);
  return status;
}
