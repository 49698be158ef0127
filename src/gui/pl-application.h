/* pl-application.h — the PersonalLearn application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_APPLICATION (pl_application_get_type ())
G_DECLARE_FINAL_TYPE (PlApplication, pl_application, PL, APPLICATION, AdwApplication)

PlApplication *pl_application_new          (void);

/* The database this instance works on: --db, else $PERSONALLEARN_DB, else
 * the data-location preference (a folder holding personallearn.db, or a
 * database file), else the user data folder. */
char          *pl_application_dup_db_path  (PlApplication *self);
/* Whether --db or $PERSONALLEARN_DB chose the database, so that the
 * data-location preference does not apply. */
gboolean       pl_application_database_is_chosen (PlApplication *self);
/* The context of the database the application opened, or NULL. */
PlContext     *pl_application_get_context  (PlApplication *self);

/* Makes STORE the application's database: its windows close and a main
 * window opens on STORE, with MESSAGE (may be NULL) in a toast. LOCATION
 * (may be NULL: unchanged) becomes the data-location preference, unless
 * the database was chosen on the command line. */
void           pl_application_switch_database (PlApplication *self,
                                               PlStore       *store,
                                               const char    *location,
                                               const char    *message);

/* Databases up to BYTES are checked before the window opens, larger ones
 * in the background after (default PL_STORE_QUICK_CHECK_BEFORE_WINDOW). */
void           pl_application_set_check_limit (PlApplication *self,
                                               guint64        bytes);

G_END_DECLS
