/* pl-store-rubrics-private.h — what the rubric files of the store share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-store-rubrics.h"

G_BEGIN_DECLS

/* The rubric RUBRIC_UUID; NULL, with ERROR set, when none is given, it
 * does not exist or it was deleted. */
PlRubric *_pl_store_get_rubric (PlStore     *self,
                                const char  *rubric_uuid,
                                GError     **error);

G_END_DECLS
