/* pl-application.h — the PersonalLearn application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PL_TYPE_APPLICATION (pl_application_get_type ())
G_DECLARE_FINAL_TYPE (PlApplication, pl_application, PL, APPLICATION, AdwApplication)

PlApplication *pl_application_new          (void);

/* The database this instance works on: --db, else $PERSONALLEARN_DB, else
 * the data-location preference, else the user data folder. */
char          *pl_application_dup_db_path  (PlApplication *self);

G_END_DECLS
