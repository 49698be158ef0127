/* pl-insights-page.h — the Insights view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pl-context.h"
#include "pl-insights-report.h"

G_BEGIN_DECLS

#define PL_TYPE_INSIGHTS_PAGE (pl_insights_page_get_type ())
G_DECLARE_FINAL_TYPE (PlInsightsPage, pl_insights_page, PL, INSIGHTS_PAGE, AdwBin)

/* The report on screen, or NULL while the first one is computed. */
PlInsightsReport *pl_insights_page_get_report (PlInsightsPage *self);

G_END_DECLS
