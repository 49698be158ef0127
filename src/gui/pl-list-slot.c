/* pl-list-slot.c — a place in a PlSlotListModel, showing one item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-list-slot.h"

struct _PlListSlot
{
  GObject  parent_instance;

  GObject *item;
};

G_DEFINE_FINAL_TYPE (PlListSlot, pl_list_slot, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pl_list_slot_dispose (GObject *object)
{
  g_clear_object (&PL_LIST_SLOT (object)->item);

  G_OBJECT_CLASS (pl_list_slot_parent_class)->dispose (object);
}

static void
pl_list_slot_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, PL_LIST_SLOT (object)->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_list_slot_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_ITEM:
      pl_list_slot_set_item (PL_LIST_SLOT (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_list_slot_class_init (PlListSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pl_list_slot_dispose;
  object_class->get_property = pl_list_slot_get_property;
  object_class->set_property = pl_list_slot_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pl_list_slot_init (PlListSlot *self)
{
}

gpointer
pl_list_slot_get_item (PlListSlot *self)
{
  g_return_val_if_fail (PL_IS_LIST_SLOT (self), NULL);
  return self->item;
}

void
pl_list_slot_set_item (PlListSlot *self,
                       gpointer    item)
{
  g_return_if_fail (PL_IS_LIST_SLOT (self));
  g_return_if_fail (item == NULL || G_IS_OBJECT (item));

  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
