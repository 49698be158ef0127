/* insights-test-util.h — helpers shared by the Insights tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/pl-store-boards.h"
#include "insights/pl-insights-item.h"
#include "insights/pl-insights-report.h"

/* The demo's stalled and quiet learners have not made their last choice:
 * this makes it for them, one suggested option per learner and round, as
 * a teacher accepting suggestions would, until nobody but KEEP (or nobody
 * at all, when NULL) is left with a suggestion. The picks are made
 * today, so TODAY is NULL or a later day. */
static G_GNUC_UNUSED void
complete_other_learners (PlStore    *store,
                         const char *classroom,
                         const char *today,
                         const char *keep)
{
  for (guint round = 0; round < 12; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlInsightsReport) report = pl_insights_report_compute (store, classroom, today, NULL, NULL, &error);
      g_autoptr(GHashTable) took = g_hash_table_new (g_str_hash, g_str_equal);
      GListModel *list;
      gboolean any = FALSE;

      g_assert_no_error (error);
      list = pl_insights_report_get_suggestions (report);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(PlInsightsItem) item = g_list_model_get_item (list, i);
          const char *learner = pl_insights_item_get_learner_uuid (item);
          g_autoptr(PlPick) pick = NULL;

          if (g_strcmp0 (learner, keep) == 0 || g_hash_table_contains (took, learner))
            continue;
          pick = pl_store_record_pick (store, learner, pl_insights_item_get_option_uuid (item), &error);
          g_assert_no_error (error);
          g_hash_table_add (took, (gpointer) g_intern_string (learner));
          any = TRUE;
        }
      if (!any)
        return;
    }
  g_assert_not_reached ();
}
