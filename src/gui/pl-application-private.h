/* pl-application-private.h — what the application's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-application.h"
#include "pl-context.h"

G_BEGIN_DECLS

struct _PlApplication
{
  AdwApplication  parent_instance;

  char           *db_path;        /* --db */
  GSettings      *settings;
  PlContext      *context;
  guint64         check_limit;    /* files up to this size are checked before the window */
  GCancellable   *checking;       /* the background check of a larger file */
};

/* Opens PATH and shows the main window on it; a file that cannot be
 * opened gets the message of pl-application-open.c instead. */
void  _pl_application_open_path        (PlApplication *self,
                                        const char    *path);

/* Checks the whole database in a thread once the window is up; a damaged
 * file then makes the store read-only and shows the message. */
void  _pl_application_check_later      (PlApplication *self,
                                        GtkWindow     *window);

G_END_DECLS
