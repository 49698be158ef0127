/* pl-cli.h — personallearn-cli: command table and shared helpers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Options that come before the command name. */
typedef struct
{
  char *db_path;   /* --db FILE, else $PERSONALLEARN_DB, else the user data dir */
} PlCliOptions;

/* A command gets its own argv: argv[0] is the command name. It returns the
 * process exit status; on failure it has already printed one line on stderr
 * (through pl_cli_fail) naming the file, line or field that is wrong. */
typedef int (*PlCliCommandFunc) (PlCliOptions  *options,
                                 int            argc,
                                 char         **argv);

typedef struct
{
  const char       *name;
  const char       *usage;
  PlCliCommandFunc  func;
} PlCliCommand;

int      pl_cli_run                (int             argc,
                                    char          **argv);

/* Commands that read or write data check the whole file as they open it
 * (SQLite's quick_check): a damaged database gets one line on stderr and a
 * failure, not output built on unreadable pages. */
#define PL_CLI_CHECK_ON_OPEN G_MAXUINT64

/* Prints "personallearn-cli: MESSAGE" on stderr and returns 1. */
int      pl_cli_fail               (const char     *format,
                                    ...) G_GNUC_PRINTF (1, 2);
/* Prints the GError's message the same way and returns 1. */
int      pl_cli_fail_error         (GError         *error);
/* Prints the usage line of COMMAND on stderr and returns 2. */
int      pl_cli_usage              (const char     *command);

/* Commands, one file each (pl-cli-<area>.c). */
int      pl_cli_demo               (PlCliOptions *o, int argc, char **argv);
int      pl_cli_list               (PlCliOptions *o, int argc, char **argv);
int      pl_cli_dump               (PlCliOptions *o, int argc, char **argv);
int      pl_cli_check              (PlCliOptions *o, int argc, char **argv);
int      pl_cli_mastery            (PlCliOptions *o, int argc, char **argv);
int      pl_cli_engine             (PlCliOptions *o, int argc, char **argv);

int      pl_cli_import_roster      (PlCliOptions *o, int argc, char **argv);
int      pl_cli_import_standards   (PlCliOptions *o, int argc, char **argv);

int      pl_cli_export_bundle      (PlCliOptions *o, int argc, char **argv);
int      pl_cli_import_bundle      (PlCliOptions *o, int argc, char **argv);
int      pl_cli_school             (PlCliOptions *o, int argc, char **argv);
int      pl_cli_hub                (PlCliOptions *o, int argc, char **argv);

G_END_DECLS
