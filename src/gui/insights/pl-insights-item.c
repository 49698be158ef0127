/* pl-insights-item.c — one line of the Insights lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-insights-item.h"

struct _PlInsightsItem
{
  GObject             parent_instance;

  PlInsightsItemKind  kind;
  char               *title;
  char               *reason;
  char               *learner_uuid;
  char               *option_uuid;
  char               *signature;
  gboolean            followed_up;
  gboolean            decided;
  GPtrArray          *members;     /* triples: uuid, name, detail */
};

G_DEFINE_FINAL_TYPE (PlInsightsItem, pl_insights_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_REASON,
  PROP_FOLLOWED_UP,
  PROP_DECIDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pl_insights_item_finalize (GObject *object)
{
  PlInsightsItem *self = PL_INSIGHTS_ITEM (object);

  g_free (self->title);
  g_free (self->reason);
  g_free (self->learner_uuid);
  g_free (self->option_uuid);
  g_free (self->signature);
  g_ptr_array_unref (self->members);

  G_OBJECT_CLASS (pl_insights_item_parent_class)->finalize (object);
}

static void
pl_insights_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlInsightsItem *self = PL_INSIGHTS_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    case PROP_FOLLOWED_UP:
      g_value_set_boolean (value, self->followed_up);
      break;
    case PROP_DECIDED:
      g_value_set_boolean (value, self->decided);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_insights_item_class_init (PlInsightsItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pl_insights_item_finalize;
  object_class->get_property = pl_insights_item_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLLOWED_UP] =
    g_param_spec_boolean ("followed-up", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DECIDED] =
    g_param_spec_boolean ("decided", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pl_insights_item_init (PlInsightsItem *self)
{
  self->members = g_ptr_array_new_with_free_func (g_free);
}

PlInsightsItem *
pl_insights_item_new (PlInsightsItemKind  kind,
                      const char         *title,
                      const char         *reason)
{
  PlInsightsItem *self = g_object_new (PL_TYPE_INSIGHTS_ITEM, NULL);

  self->kind = kind;
  self->title = g_strdup (title);
  self->reason = g_strdup (reason);
  return self;
}

PlInsightsItemKind
pl_insights_item_get_kind (PlInsightsItem *self)
{
  g_return_val_if_fail (PL_IS_INSIGHTS_ITEM (self), 0);
  return self->kind;
}

const char *
pl_insights_item_get_title (PlInsightsItem *self)
{
  g_return_val_if_fail (PL_IS_INSIGHTS_ITEM (self), NULL);
  return self->title;
}

const char *
pl_insights_item_get_reason (PlInsightsItem *self)
{
  g_return_val_if_fail (PL_IS_INSIGHTS_ITEM (self), NULL);
  return self->reason;
}

const char *
pl_insights_item_get_learner_uuid (PlInsightsItem *self)
{
  g_return_val_if_fail (PL_IS_INSIGHTS_ITEM (self), NULL);
  return self->learner_uuid;
}

void
pl_insights_item_set_learner_uuid (PlInsightsItem *self,
                                   const char     *uuid)
{
  g_return_if_fail (PL_IS_INSIGHTS_ITEM (self));
  g_free (self->learner_uuid);
  self->learner_uuid = g_strdup (uuid);
}

const char *
pl_insights_item_get_option_uuid (PlInsightsItem *self)
{
  g_return_val_if_fail (PL_IS_INSIGHTS_ITEM (self), NULL);
  return self->option_uuid;
}

const char *
pl_insights_item_get_signature (PlInsightsItem *self)
{
  g_return_val_if_fail (PL_IS_INSIGHTS_ITEM (self), NULL);
  return self->signature;
}

void
pl_insights_item_set_suggestion (PlInsightsItem *self,
                                 const char     *option_uuid,
                                 const char     *signature)
{
  g_return_if_fail (PL_IS_INSIGHTS_ITEM (self));
  g_free (self->option_uuid);
  g_free (self->signature);
  self->option_uuid = g_strdup (option_uuid);
  self->signature = g_strdup (signature);
}

gboolean
pl_insights_item_get_followed_up (PlInsightsItem *self)
{
  g_return_val_if_fail (PL_IS_INSIGHTS_ITEM (self), FALSE);
  return self->followed_up;
}

void
pl_insights_item_set_followed_up (PlInsightsItem *self,
                                  gboolean        followed_up)
{
  g_return_if_fail (PL_IS_INSIGHTS_ITEM (self));
  if (self->followed_up == !!followed_up)
    return;
  self->followed_up = !!followed_up;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOWED_UP]);
}

gboolean
pl_insights_item_get_decided (PlInsightsItem *self)
{
  g_return_val_if_fail (PL_IS_INSIGHTS_ITEM (self), FALSE);
  return self->decided;
}

void
pl_insights_item_set_decided (PlInsightsItem *self,
                              gboolean        decided)
{
  g_return_if_fail (PL_IS_INSIGHTS_ITEM (self));
  if (self->decided == !!decided)
    return;
  self->decided = !!decided;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECIDED]);
}

void
pl_insights_item_add_member (PlInsightsItem *self,
                             const char     *learner_uuid,
                             const char     *name,
                             const char     *detail)
{
  g_return_if_fail (PL_IS_INSIGHTS_ITEM (self));
  g_ptr_array_add (self->members, g_strdup (learner_uuid));
  g_ptr_array_add (self->members, g_strdup (name));
  g_ptr_array_add (self->members, g_strdup (detail));
}

guint
pl_insights_item_get_n_members (PlInsightsItem *self)
{
  g_return_val_if_fail (PL_IS_INSIGHTS_ITEM (self), 0);
  return self->members->len / 3;
}

static const char *
member_field (PlInsightsItem *self,
              guint           i,
              guint           field)
{
  g_return_val_if_fail (PL_IS_INSIGHTS_ITEM (self), NULL);
  g_return_val_if_fail (i < self->members->len / 3, NULL);
  return self->members->pdata[3 * i + field];
}

const char *
pl_insights_item_get_member_uuid (PlInsightsItem *self,
                                  guint           i)
{
  return member_field (self, i, 0);
}

const char *
pl_insights_item_get_member_name (PlInsightsItem *self,
                                  guint           i)
{
  return member_field (self, i, 1);
}

const char *
pl_insights_item_get_member_detail (PlInsightsItem *self,
                                    guint           i)
{
  return member_field (self, i, 2);
}
