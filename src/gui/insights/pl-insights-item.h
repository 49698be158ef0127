/* pl-insights-item.h — one line of the Insights lists: an alert, a group
 * or a suggested option, with its reason
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  PL_INSIGHTS_ITEM_ALERT,
  PL_INSIGHTS_ITEM_GROUP,
  PL_INSIGHTS_ITEM_SUGGESTION,
} PlInsightsItemKind;

#define PL_TYPE_INSIGHTS_ITEM (pl_insights_item_get_type ())
G_DECLARE_FINAL_TYPE (PlInsightsItem, pl_insights_item, PL, INSIGHTS_ITEM, GObject)

PlInsightsItem     *pl_insights_item_new              (PlInsightsItemKind  kind,
                                                       const char         *title,
                                                       const char         *reason);
PlInsightsItemKind  pl_insights_item_get_kind         (PlInsightsItem     *self);
const char         *pl_insights_item_get_title        (PlInsightsItem     *self);
const char         *pl_insights_item_get_reason       (PlInsightsItem     *self);

/* The learner it is about (alerts, suggestions), or NULL. */
const char         *pl_insights_item_get_learner_uuid (PlInsightsItem     *self);
void                pl_insights_item_set_learner_uuid (PlInsightsItem     *self,
                                                       const char         *uuid);
/* The option suggested, and the signature a dismissal is kept under. */
const char         *pl_insights_item_get_option_uuid  (PlInsightsItem     *self);
const char         *pl_insights_item_get_signature    (PlInsightsItem     *self);
void                pl_insights_item_set_suggestion   (PlInsightsItem     *self,
                                                       const char         *option_uuid,
                                                       const char         *signature);
/* For alerts: whether the teacher has followed it up. */
gboolean            pl_insights_item_get_followed_up  (PlInsightsItem     *self);
void                pl_insights_item_set_followed_up  (PlInsightsItem     *self,
                                                       gboolean            followed_up);
/* For suggestions: whether the teacher has accepted or dismissed it (the
 * buttons stay off until the next refresh replaces the item). */
gboolean            pl_insights_item_get_decided      (PlInsightsItem     *self);
void                pl_insights_item_set_decided      (PlInsightsItem     *self,
                                                       gboolean            decided);

/* For groups: the members, each with what the group rests on (their
 * latest scores, level and estimated mastery). */
void                pl_insights_item_add_member       (PlInsightsItem     *self,
                                                       const char         *learner_uuid,
                                                       const char         *name,
                                                       const char         *detail);
guint               pl_insights_item_get_n_members    (PlInsightsItem     *self);
const char         *pl_insights_item_get_member_uuid  (PlInsightsItem     *self,
                                                       guint               i);
const char         *pl_insights_item_get_member_name  (PlInsightsItem     *self,
                                                       guint               i);
const char         *pl_insights_item_get_member_detail (PlInsightsItem    *self,
                                                       guint               i);

G_END_DECLS
