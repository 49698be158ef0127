/* pl-gradebook-row.c — one learner's row of the gradebook grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-gradebook-row.h"

#include <gio/gio.h>

struct _PlGradebookShare
{
  PlGradebook *gradebook;
};

static void
share_clear (gpointer data)
{
  PlGradebookShare *share = data;

  g_clear_pointer (&share->gradebook, pl_gradebook_free);
}

PlGradebookShare *
pl_gradebook_share_new (PlGradebook *gradebook)
{
  PlGradebookShare *share = g_rc_box_new0 (PlGradebookShare);

  share->gradebook = gradebook;
  return share;
}

PlGradebookShare *
pl_gradebook_share_ref (PlGradebookShare *share)
{
  return g_rc_box_acquire (share);
}

void
pl_gradebook_share_unref (PlGradebookShare *share)
{
  g_rc_box_release_full (share, share_clear);
}

PlGradebook *
pl_gradebook_share_get (PlGradebookShare *share)
{
  return share->gradebook;
}

struct _PlGradebookRow
{
  GObject           parent_instance;

  PlGradebookShare *share;
  guint             learner;
};

G_DEFINE_FINAL_TYPE (PlGradebookRow, pl_gradebook_row, G_TYPE_OBJECT)

static void
pl_gradebook_row_finalize (GObject *object)
{
  PlGradebookRow *self = PL_GRADEBOOK_ROW (object);

  g_clear_pointer (&self->share, pl_gradebook_share_unref);
  G_OBJECT_CLASS (pl_gradebook_row_parent_class)->finalize (object);
}

static void
pl_gradebook_row_class_init (PlGradebookRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pl_gradebook_row_finalize;
}

static void
pl_gradebook_row_init (PlGradebookRow *self)
{
}

PlGradebookRow *
pl_gradebook_row_new (PlGradebookShare *share,
                      guint             learner)
{
  PlGradebookRow *self = g_object_new (PL_TYPE_GRADEBOOK_ROW, NULL);

  self->share = pl_gradebook_share_ref (share);
  self->learner = learner;
  return self;
}

PlGradebook *
pl_gradebook_row_get_gradebook (PlGradebookRow *self)
{
  g_return_val_if_fail (PL_IS_GRADEBOOK_ROW (self), NULL);
  return self->share->gradebook;
}

guint
pl_gradebook_row_get_learner (PlGradebookRow *self)
{
  g_return_val_if_fail (PL_IS_GRADEBOOK_ROW (self), 0);
  return self->learner;
}

const char *
pl_gradebook_row_get_name (PlGradebookRow *self)
{
  g_return_val_if_fail (PL_IS_GRADEBOOK_ROW (self), NULL);
  return self->share->gradebook->learner_names[self->learner];
}

GListModel *
pl_gradebook_rows_new (PlGradebookShare *share)
{
  GListStore *store = g_list_store_new (PL_TYPE_GRADEBOOK_ROW);
  PlGradebook *gb = share->gradebook;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_full (gb->n_learners, g_object_unref);

  for (guint i = 0; i < gb->n_learners; i++)
    g_ptr_array_add (rows, pl_gradebook_row_new (share, i));
  g_list_store_splice (store, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (store);
}
