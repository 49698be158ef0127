/* pl-gradebook-row.h — one learner's row of the gradebook grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "core/pl-store-gradebook.h"

G_BEGIN_DECLS

/* A gradebook shared by the rows made from it; freed with the last. */
typedef struct _PlGradebookShare PlGradebookShare;

PlGradebookShare  *pl_gradebook_share_new     (PlGradebook      *gradebook);
PlGradebookShare  *pl_gradebook_share_ref     (PlGradebookShare *share);
void               pl_gradebook_share_unref   (PlGradebookShare *share);
PlGradebook       *pl_gradebook_share_get     (PlGradebookShare *share);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlGradebookShare, pl_gradebook_share_unref)

#define PL_TYPE_GRADEBOOK_ROW (pl_gradebook_row_get_type ())
G_DECLARE_FINAL_TYPE (PlGradebookRow, pl_gradebook_row, PL, GRADEBOOK_ROW, GObject)

PlGradebookRow    *pl_gradebook_row_new       (PlGradebookShare *share,
                                               guint             learner);
PlGradebook       *pl_gradebook_row_get_gradebook (PlGradebookRow *self);
guint              pl_gradebook_row_get_learner   (PlGradebookRow *self);
const char        *pl_gradebook_row_get_name      (PlGradebookRow *self);

/* Every learner of SHARE's gradebook as a row, in the gradebook's order. */
GListModel        *pl_gradebook_rows_new      (PlGradebookShare *share);

G_END_DECLS
