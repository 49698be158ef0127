/* main.c — personallearn-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-cli.h"

int
main (int    argc,
      char **argv)
{
  return pl_cli_run (argc, argv);
}
