/* pl-evidence-popover.h — the evidence behind one gradebook cell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/pl-store-gradebook.h"
#include "core/pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_EVIDENCE_POPOVER (pl_evidence_popover_get_type ())
G_DECLARE_FINAL_TYPE (PlEvidencePopover, pl_evidence_popover, PL, EVIDENCE_POPOVER, GtkPopover)

/* Shows the cell of LEARNER × STANDARD of GRADEBOOK (which must outlive
 * the popover's next popdown): the value and how it was reached, each
 * piece of evidence (score, date, its source named: rubric and criterion,
 * pick or milestone; comment), the scores corrections replaced behind a
 * toggle, a trend chart with its text, every override the cell has had
 * with its reason, and the override in force or a form to override. */
GtkWidget  *pl_evidence_popover_new        (PlStore           *store,
                                            const PlGradebook *gradebook,
                                            guint              learner,
                                            guint              standard);

/* For tests: the text alternative of the chart, and the override form. */
const char *pl_evidence_popover_get_trend_text (PlEvidencePopover *self);
gboolean    pl_evidence_popover_override       (PlEvidencePopover *self,
                                                double             value,
                                                const char        *reason,
                                                GError           **error);

/* Every text the popover shows, one a line; the "Show corrected scores"
 * toggle (NULL when nothing was corrected), and whether they are shown. */
char       *pl_evidence_popover_get_text             (PlEvidencePopover *self);
GtkWidget  *pl_evidence_popover_get_corrected_toggle (PlEvidencePopover *self);
gboolean    pl_evidence_popover_corrected_shown      (PlEvidencePopover *self);

G_END_DECLS
