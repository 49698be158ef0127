/* pl-slot-list-model.c — a list of places that show another list's items
 *
 * GTK 4.8's list views make a new row widget for every item they have not
 * shown before: a keystroke in a search over thousands of learners
 * replaced some two hundred rows, widgets and all. Here the items the
 * list view holds stay the same objects; what they show changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-slot-list-model.h"

struct _PlSlotListModel
{
  GObject     parent_instance;

  GListModel *model;
  /* One entry per item of the model: the slot handed out for it while
   * someone holds it (a weak pointer), NULL otherwise. */
  GPtrArray  *slots;
};

static void pl_slot_list_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlSlotListModel, pl_slot_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      pl_slot_list_model_list_model_init))

static GType
get_item_type (GListModel *list)
{
  return PL_TYPE_LIST_SLOT;
}

static guint
get_n_items (GListModel *list)
{
  return PL_SLOT_LIST_MODEL (list)->slots->len;
}

/* A slot keeps its place for its whole life: it remembers it (plus one). */
static GQuark
position_quark (void)
{
  return g_quark_from_static_string ("pl-slot-position");
}

static void
slot_gone_cb (gpointer  data,
              GObject  *where_the_object_was)
{
  PlSlotListModel *self = data;
  guint position = GPOINTER_TO_UINT (g_object_get_qdata (where_the_object_was, position_quark ())) - 1;

  if (position < self->slots->len && g_ptr_array_index (self->slots, position) == where_the_object_was)
    g_ptr_array_index (self->slots, position) = NULL;
}

static gpointer
get_item (GListModel *list,
          guint       position)
{
  PlSlotListModel *self = PL_SLOT_LIST_MODEL (list);
  g_autoptr(GObject) item = NULL;
  PlListSlot *slot;

  if (position >= self->slots->len)
    return NULL;
  slot = g_ptr_array_index (self->slots, position);
  if (slot != NULL)
    return g_object_ref (slot);

  item = g_list_model_get_item (self->model, position);
  slot = g_object_new (PL_TYPE_LIST_SLOT, "item", item, NULL);
  g_object_set_qdata (G_OBJECT (slot), position_quark (), GUINT_TO_POINTER (position + 1));
  g_object_weak_ref (G_OBJECT (slot), slot_gone_cb, self);
  g_ptr_array_index (self->slots, position) = slot;
  return slot;
}

static void
pl_slot_list_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
forget_slot (PlSlotListModel *self,
             guint            position)
{
  GObject *slot = g_ptr_array_index (self->slots, position);

  if (slot != NULL)
    g_object_weak_unref (slot, slot_gone_cb, self);
  g_ptr_array_index (self->slots, position) = NULL;
}

static void
on_items_changed_cb (GListModel      *model,
                     guint            position,
                     guint            removed,
                     guint            added,
                     PlSlotListModel *self)
{
  guint old_n = self->slots->len;
  guint new_n = old_n - removed + added;

  /* Slots past the new end go with the rows that show them. */
  for (guint i = new_n; i < old_n; i++)
    forget_slot (self, i);
  g_ptr_array_set_size (self->slots, new_n);

  /* Every place from POSITION on may show another item now. */
  for (guint i = position; i < MIN (old_n, new_n); i++)
    {
      PlListSlot *slot = g_ptr_array_index (self->slots, i);
      g_autoptr(GObject) item = NULL;

      if (slot == NULL)
        continue;
      item = g_list_model_get_item (self->model, i);
      pl_list_slot_set_item (slot, item);
    }

  if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
  else if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
}

static void
pl_slot_list_model_dispose (GObject *object)
{
  PlSlotListModel *self = PL_SLOT_LIST_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);
  for (guint i = 0; self->slots != NULL && i < self->slots->len; i++)
    forget_slot (self, i);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (pl_slot_list_model_parent_class)->dispose (object);
}

static void
pl_slot_list_model_finalize (GObject *object)
{
  g_ptr_array_unref (PL_SLOT_LIST_MODEL (object)->slots);

  G_OBJECT_CLASS (pl_slot_list_model_parent_class)->finalize (object);
}

static void
pl_slot_list_model_class_init (PlSlotListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pl_slot_list_model_dispose;
  object_class->finalize = pl_slot_list_model_finalize;
}

static void
pl_slot_list_model_init (PlSlotListModel *self)
{
  self->slots = g_ptr_array_new ();
}

PlSlotListModel *
pl_slot_list_model_new (GListModel *model)
{
  PlSlotListModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (PL_TYPE_SLOT_LIST_MODEL, NULL);
  self->model = g_object_ref (model);
  g_ptr_array_set_size (self->slots, g_list_model_get_n_items (model));
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  return self;
}

GListModel *
pl_slot_list_model_get_model (PlSlotListModel *self)
{
  g_return_val_if_fail (PL_IS_SLOT_LIST_MODEL (self), NULL);
  return self->model;
}
