/* pl-smart-goal.h — gentle guidance towards a SMART goal
 *
 * Help, not a checklist: the hints say what a goal seems to miss, and the
 * teacher and learner decide.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PL_SMART_SPECIFIC    = 1 << 0,
  PL_SMART_MEASURABLE  = 1 << 1,
  PL_SMART_ACHIEVABLE  = 1 << 2,
  PL_SMART_RELEVANT    = 1 << 3,
  PL_SMART_TIME_BOUND  = 1 << 4,
} PlSmartFlags;

#define PL_SMART_ALL 0x1f

/* Which qualities the goal seems to have. LINKED: the goal is linked to a
 * standard or milestone; HAS_TARGET_DATE: it has a target date. */
PlSmartFlags  pl_smart_goal_check (const char   *body,
                                   gboolean      linked,
                                   gboolean      has_target_date);
/* One translated hint for a quality the goal lacks (one flag). */
const char   *pl_smart_goal_hint  (PlSmartFlags  missing);
/* "Specific", "Measurable", … translated. */
const char   *pl_smart_goal_label (PlSmartFlags  quality);

G_END_DECLS
