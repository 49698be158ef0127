/* pl-unit-summary.h — a unit at a glance: title, dates, big idea, goals
 * and standards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/pl-store.h"
#include "core/pl-unit.h"

G_BEGIN_DECLS

#define PL_TYPE_UNIT_SUMMARY (pl_unit_summary_get_type ())
G_DECLARE_FINAL_TYPE (PlUnitSummary, pl_unit_summary, PL, UNIT_SUMMARY, AdwBin)

/* Shows UNIT (its standards come from STORE); NULL shows nothing. */
void pl_unit_summary_set_unit (PlUnitSummary *self,
                               PlStore       *store,
                               PlUnit        *unit);

/* "14 September – 23 October 2026 · 6 weeks", or NULL when a date is
 * missing or not one. */
char *pl_unit_summary_format_dates (const char *starts_on,
                                    const char *ends_on);

G_END_DECLS
