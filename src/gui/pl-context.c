/* pl-context.c — what every view needs: the store, settings, the current class
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-context.h"

struct _PlContext
{
  GObject      parent_instance;

  PlStore     *store;
  GSettings   *settings;
  PlClassroom *classroom;
  GListStore  *classrooms;
};

G_DEFINE_FINAL_TYPE (PlContext, pl_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_CLASSROOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
compare_classrooms (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  PlRecord *ra = *(PlRecord * const *) a;
  PlRecord *rb = *(PlRecord * const *) b;

  return g_utf8_collate (pl_record_get_string (ra, "name"), pl_record_get_string (rb, "name"));
}

static void
reload_classrooms (PlContext *self)
{
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  const char *current = NULL;
  PlClassroom *replacement = NULL;

  all = pl_store_list (self->store, PL_TYPE_CLASSROOM, &error);
  if (all == NULL)
    {
      g_warning ("Cannot list classes: %s", error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PlRecord) c = g_list_model_get_item (all, i);

      if (!pl_record_get_boolean (c, "archived"))
        g_ptr_array_add (items, g_steal_pointer (&c));
    }
  g_ptr_array_sort_with_data (items, compare_classrooms, NULL);
  g_list_store_splice (self->classrooms, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->classrooms)),
                       items->pdata, items->len);

  /* Keep the current class object in step with the store. */
  if (self->classroom != NULL)
    current = pl_record_get_uuid (PL_RECORD (self->classroom));
  for (guint i = 0; current != NULL && i < items->len; i++)
    if (g_strcmp0 (pl_record_get_uuid (items->pdata[i]), current) == 0)
      replacement = items->pdata[i];
  if (replacement == NULL && items->len > 0)
    replacement = items->pdata[0];
  if (replacement != self->classroom)
    pl_context_set_classroom (self, replacement);
}

static void
on_store_changed_cb (PlStore    *store,
                     const char *table,
                     PlContext  *self)
{
  reload_classrooms (self);
}

static void
pl_context_constructed (GObject *object)
{
  PlContext *self = PL_CONTEXT (object);

  G_OBJECT_CLASS (pl_context_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed::classroom",
                           G_CALLBACK (on_store_changed_cb), self, 0);
  reload_classrooms (self);
}

static void
pl_context_dispose (GObject *object)
{
  PlContext *self = PL_CONTEXT (object);

  g_clear_object (&self->classroom);
  g_clear_object (&self->classrooms);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pl_context_parent_class)->dispose (object);
}

static void
pl_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PlContext *self = PL_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_CLASSROOM:
      g_value_set_object (value, self->classroom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_context_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PlContext *self = PL_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_CLASSROOM:
      pl_context_set_classroom (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_context_class_init (PlContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pl_context_constructed;
  object_class->dispose = pl_context_dispose;
  object_class->get_property = pl_context_get_property;
  object_class->set_property = pl_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLASSROOM] =
    g_param_spec_object ("classroom", NULL, NULL, PL_TYPE_CLASSROOM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pl_context_init (PlContext *self)
{
  self->classrooms = g_list_store_new (PL_TYPE_CLASSROOM);
}

PlContext *
pl_context_new (PlStore   *store,
                GSettings *settings)
{
  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (PL_TYPE_CONTEXT, "store", store, "settings", settings, NULL);
}

PlStore *
pl_context_get_store (PlContext *self)
{
  g_return_val_if_fail (PL_IS_CONTEXT (self), NULL);
  return self->store;
}

GSettings *
pl_context_get_settings (PlContext *self)
{
  g_return_val_if_fail (PL_IS_CONTEXT (self), NULL);
  return self->settings;
}

guint
pl_context_get_checkin_weekday (PlContext *self)
{
  static const char * const weekdays[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"
  };
  g_autofree char *day = NULL;

  g_return_val_if_fail (PL_IS_CONTEXT (self), 1);

  day = g_settings_get_string (self->settings, "checkin-day");
  for (guint i = 0; i < G_N_ELEMENTS (weekdays); i++)
    if (g_strcmp0 (day, weekdays[i]) == 0)
      return i + 1;
  return 1;
}

PlClassroom *
pl_context_get_classroom (PlContext *self)
{
  g_return_val_if_fail (PL_IS_CONTEXT (self), NULL);
  return self->classroom;
}

void
pl_context_set_classroom (PlContext   *self,
                          PlClassroom *classroom)
{
  g_return_if_fail (PL_IS_CONTEXT (self));
  g_return_if_fail (classroom == NULL || PL_IS_CLASSROOM (classroom));

  if (g_set_object (&self->classroom, classroom))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLASSROOM]);
}

GListModel *
pl_context_get_classrooms (PlContext *self)
{
  g_return_val_if_fail (PL_IS_CONTEXT (self), NULL);
  return G_LIST_MODEL (self->classrooms);
}
