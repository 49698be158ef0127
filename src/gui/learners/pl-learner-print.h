/* pl-learner-print.h — a learner's one-page profile, printed or as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/pl-profile.h"
#include "core/pl-store.h"

G_BEGIN_DECLS

/* Shows the print dialog (which can also save a PDF) for PROFILE. */
gboolean pl_learner_print_run    (GtkWindow   *parent,
                                  PlStore     *store,
                                  PlProfile   *profile,
                                  GError     **error);
/* Writes the one-page profile to a PDF file at PATH, without a dialog. */
gboolean pl_learner_print_to_pdf (PlStore     *store,
                                  PlProfile   *profile,
                                  const char  *path,
                                  GError     **error);
/* The page as Pango markup (what is printed). */
char    *pl_learner_print_markup (PlStore     *store,
                                  PlProfile   *profile);

G_END_DECLS
