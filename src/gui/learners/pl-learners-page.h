/* pl-learners-page.h — the Learners view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_LEARNERS_PAGE (pl_learners_page_get_type ())
G_DECLARE_FINAL_TYPE (PlLearnersPage, pl_learners_page, PL, LEARNERS_PAGE, AdwBin)

/* The learners shown, after search, filter and sort (PlProfile items). */
GListModel *pl_learners_page_get_visible   (PlLearnersPage *self);
GtkEditable *pl_learners_page_get_search   (PlLearnersPage *self);
/* 0 all, 1 stale or no notes, 2 incomplete, 3 accommodations,
 * 4 archived, then one per counted profile field (the learners who leave
 * it empty, in the order of pl_profile_get_fields). */
void        pl_learners_page_set_filter    (PlLearnersPage *self,
                                            guint           filter);
/* The class line under the list. */
const char *pl_learners_page_get_summary   (PlLearnersPage *self);
/* Shows the learners whose profile leaves FIELD (a counted field) empty. */
void        pl_learners_page_show_empty_field (PlLearnersPage *self,
                                               const char     *field);
/* The button of the class summary's popover for FIELD: its label says
 * how many learners leave the field empty; it shows them. */
GtkWidget  *pl_learners_page_get_empty_field_button (PlLearnersPage *self,
                                                     const char     *field);
/* Selects the learner and opens its profile; FALSE when it is not shown. */
gboolean    pl_learners_page_show_learner  (PlLearnersPage *self,
                                            const char     *learner_uuid);
/* The profile being edited, or NULL. */
GtkWidget  *pl_learners_page_get_detail    (PlLearnersPage *self);
/* Opens the roster import dialog over the page's window. */
void        pl_learners_page_import_roster (PlLearnersPage *self);
/* Reloads the learners from the store now (otherwise done when idle). */
void        pl_learners_page_reload        (PlLearnersPage *self);

G_END_DECLS
