/* pl-gradebook-page.h — the Gradebook view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_GRADEBOOK_PAGE (pl_gradebook_page_get_type ())
G_DECLARE_FINAL_TYPE (PlGradebookPage, pl_gradebook_page, PL, GRADEBOOK_PAGE, AdwBin)

G_END_DECLS
