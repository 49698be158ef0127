/* pl-gradebook-print.h — PDFs of a rubric and of a learner's standards report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/pl-store-gradebook.h"
#include "core/pl-store.h"

G_BEGIN_DECLS

/* A4 landscape: the rubric's criteria (with their standards) × levels
 * (with points or ranges), a descriptor in each cell; more pages when the
 * criteria do not fit. */
gboolean pl_gradebook_print_rubric_pdf  (PlStore           *store,
                                         const char        *rubric_uuid,
                                         const char        *path,
                                         GError           **error);

/* A4 portrait: one learner's level on each standard of the class, how
 * it was calculated, overrides with their reasons; no overall average. */
gboolean pl_gradebook_print_report_pdf  (const PlGradebook *gradebook,
                                         guint              learner,
                                         const char        *path,
                                         GError           **error);

G_END_DECLS
