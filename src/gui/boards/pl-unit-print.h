/* pl-unit-print.h — a unit's one-page brief, printed or as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/pl-store.h"

G_BEGIN_DECLS

/* Shows the print dialog (which can also save a PDF) for UNIT_UUID's
 * brief: title, big idea, SMART goals, dates, targeted standards,
 * milestones with their reflection prompts, and the unit's choice board
 * as a compact grid. */
gboolean  pl_unit_print_run    (GtkWindow    *parent,
                                PlStore      *store,
                                const char   *unit_uuid,
                                GError      **error);
/* Writes the brief to a PDF file at PATH, without a dialog. */
gboolean  pl_unit_print_to_pdf (PlStore      *store,
                                const char   *unit_uuid,
                                const char   *path,
                                GError      **error);
/* The text of the brief as Pango markup (what is printed above the
 * board). */
char     *pl_unit_print_markup (PlStore      *store,
                                const char   *unit_uuid,
                                GError      **error);

G_END_DECLS
