/* pl-insights-report-private.h — the lists of the dashboard, built from
 * one snapshot of the class
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/pl-store-insights.h"
#include "engine/pl-alerts.h"

G_BEGIN_DECLS

/* The current week of the class, with what the engine made of it. */
typedef struct
{
  const PlClassSnapshot *s;
  const double          *levels;       /* n_learners × n_standards: the Gradebook's level
                                        * (overrides included); NaN: no evidence */
  const double          *probability;  /* the same: estimated P(mastered); NaN: unknown */
  const int             *series_of;    /* the same: the cell's series, or -1 */
} PlInsightsFrame;

/* The key a follow-up of alert A is kept under: its learner, kind and
 * facts (see pl_store_alert_key). */
char       *_pl_insights_alert_key          (const PlClassSnapshot *s,
                                             const PlAlert         *a);
void        _pl_insights_fill_alerts        (GListStore            *list,
                                             const PlClassSnapshot *s,
                                             GArray                *alerts);
void        _pl_insights_fill_need_groups   (GListStore            *list,
                                             const PlInsightsFrame *frame,
                                             gboolean               exclusive);
GListStore *_pl_insights_mixed_groups       (guint                  n_learners,
                                             char                 **learner_uuids,
                                             char                 **learner_names,
                                             const double          *overall,
                                             guint                  size);
/* Returns how many learners have complete picks on every board. */
guint       _pl_insights_fill_suggestions   (GListStore            *list,
                                             const PlInsightsFrame *frame);
/* "2", "2.5": a level or score as a teacher writes it. */
char       *_pl_insights_format_level       (double                 value);

G_END_DECLS
