/* test-slot-list-model.c — a list of places showing another list's items:
 * the places keep their identity, show new items as the list changes, and
 * only changes of length are announced
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-slot-list-model.h"

typedef struct
{
  guint position, removed, added;
} Change;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GArray     *changes)
{
  Change c = { position, removed, added };

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, g_array_index (changes, guint, 0) - removed + added);
  g_array_index (changes, guint, 0) = g_list_model_get_n_items (model);
  g_array_append_val (changes, c);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static GListStore *
store_of (guint n)
{
  GListStore *store = g_list_store_new (G_TYPE_MENU_ITEM);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf ("item %u", i);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_list_store_append (store, item);
    }
  return store;
}

static gpointer
source_item (GListStore *store,
             guint       position)
{
  gpointer item = g_list_model_get_item (G_LIST_MODEL (store), position);

  /* The store keeps its own reference. */
  g_object_unref (item);
  return item;
}

static void
test_mirrors_items (void)
{
  g_autoptr(GListStore) store = store_of (5);
  g_autoptr(PlSlotListModel) slots = pl_slot_list_model_new (G_LIST_MODEL (store));
  g_autoptr(PlListSlot) third = NULL;
  g_autoptr(PlListSlot) again = NULL;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (slots)) == PL_TYPE_LIST_SLOT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 5);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (slots), 5));
  third = g_list_model_get_item (G_LIST_MODEL (slots), 2);
  g_assert_true (pl_list_slot_get_item (third) == source_item (store, 2));
  /* While someone holds a place, it is the same object. */
  again = g_list_model_get_item (G_LIST_MODEL (slots), 2);
  g_assert_true (again == third);
  g_assert_true (pl_slot_list_model_get_model (slots) == G_LIST_MODEL (store));
}

static void
test_places_take_new_items (void)
{
  g_autoptr(GListStore) store = store_of (6);
  g_autoptr(PlSlotListModel) slots = pl_slot_list_model_new (G_LIST_MODEL (store));
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(PlListSlot) first = g_list_model_get_item (G_LIST_MODEL (slots), 0);
  g_autoptr(PlListSlot) fourth = g_list_model_get_item (G_LIST_MODEL (slots), 3);
  g_autoptr(PlListSlot) last = g_list_model_get_item (G_LIST_MODEL (slots), 5);
  gpointer was_sixth = source_item (store, 5);
  guint first_notified = 0, fourth_notified = 0;
  Change *c;

  /* Slot 0 of the array holds the length the handler checks against. */
  g_array_set_size (changes, 1);
  g_array_index (changes, guint, 0) = 6;
  g_signal_connect (slots, "items-changed", G_CALLBACK (on_items_changed_cb), changes);
  g_signal_connect (first, "notify::item", G_CALLBACK (count_notify_cb), &first_notified);
  g_signal_connect (fourth, "notify::item", G_CALLBACK (count_notify_cb), &fourth_notified);

  /* Two items go from the middle: the places after them show what moved
   * up, and the list only says it lost two at its end. */
  g_list_store_splice (G_LIST_STORE (store), 1, 2, NULL, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 4);
  g_assert_cmpuint (changes->len, ==, 2);
  c = &g_array_index (changes, Change, 1);
  g_assert_cmpuint (c->position, ==, 4);
  g_assert_cmpuint (c->removed, ==, 2);
  g_assert_cmpuint (c->added, ==, 0);
  g_assert_cmpuint (first_notified, ==, 0);
  g_assert_cmpuint (fourth_notified, ==, 1);
  g_assert_true (pl_list_slot_get_item (fourth) == source_item (store, 3));
  g_assert_true (pl_list_slot_get_item (fourth) == was_sixth);
  /* A place past the new end keeps what it showed; the list forgot it. */
  g_assert_nonnull (pl_list_slot_get_item (last));

  /* Three come in at the front: every place from there on changes, and
   * the list says it gained three at its end. */
  {
    g_autoptr(GMenuItem) a = g_menu_item_new ("a", NULL);
    g_autoptr(GMenuItem) b = g_menu_item_new ("b", NULL);
    g_autoptr(GMenuItem) d = g_menu_item_new ("d", NULL);
    gpointer items[] = { a, b, d };

    g_list_store_splice (G_LIST_STORE (store), 0, 0, items, 3);
    g_assert_cmpuint (changes->len, ==, 3);
    c = &g_array_index (changes, Change, 2);
    g_assert_cmpuint (c->position, ==, 4);
    g_assert_cmpuint (c->removed, ==, 0);
    g_assert_cmpuint (c->added, ==, 3);
    g_assert_true (pl_list_slot_get_item (first) == (gpointer) a);
    g_assert_cmpuint (first_notified, ==, 1);
  }

  /* Same length, other items: nothing is announced, the places change. */
  {
    g_autoptr(GMenuItem) z = g_menu_item_new ("z", NULL);
    gpointer items[] = { z };

    g_list_store_splice (G_LIST_STORE (store), 0, 1, items, 1);
    g_assert_cmpuint (changes->len, ==, 3);
    g_assert_true (pl_list_slot_get_item (first) == (gpointer) z);
    g_assert_cmpuint (first_notified, ==, 2);
  }

  /* The whole list shows the store, place by place. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(PlListSlot) slot = g_list_model_get_item (G_LIST_MODEL (slots), i);

      g_assert_true (pl_list_slot_get_item (slot) == source_item (store, i));
    }
}

static void
test_released_places_are_forgotten (void)
{
  g_autoptr(GListStore) store = store_of (3);
  g_autoptr(PlSlotListModel) slots = pl_slot_list_model_new (G_LIST_MODEL (store));
  PlListSlot *slot = g_list_model_get_item (G_LIST_MODEL (slots), 1);
  g_autoptr(PlListSlot) fresh = NULL;

  g_object_add_weak_pointer (G_OBJECT (slot), (gpointer *) &slot);
  g_object_unref (slot);
  /* Nobody holds the place: it is gone, and the list does not keep it. */
  g_assert_null (slot);
  g_list_store_remove (store, 0);
  fresh = g_list_model_get_item (G_LIST_MODEL (slots), 1);
  g_assert_true (pl_list_slot_get_item (fresh) == source_item (store, 1));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/slot-list-model/mirrors-items", test_mirrors_items);
  g_test_add_func ("/slot-list-model/places-take-new-items", test_places_take_new_items);
  g_test_add_func ("/slot-list-model/released-places-are-forgotten", test_released_places_are_forgotten);

  return g_test_run ();
}
