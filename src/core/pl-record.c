/* pl-record.c — base class of every synced record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "pl-record-private.h"

typedef struct
{
  char    *uuid;
  guint64  updated_hlc;
  char    *origin;
  gboolean deleted;
  GValue  *values;      /* n_columns of the instance's class, made on first use */
  guint    n_values;
} PlRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (PlRecord, pl_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_UPDATED_HLC,
  PROP_ORIGIN,
  PROP_DELETED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GValue *
ensure_values (PlRecord *self)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);
  PlRecordClass *klass;

  if (priv->values != NULL)
    return priv->values;

  klass = PL_RECORD_GET_CLASS (self);
  priv->n_values = klass->n_columns;
  priv->values = g_new0 (GValue, MAX (klass->n_columns, 1));
  for (guint i = 0; i < klass->n_columns; i++)
    {
      g_value_init (&priv->values[i], klass->columns[i]->value_type);
      g_param_value_set_default (klass->columns[i], &priv->values[i]);
    }
  return priv->values;
}

static void
pl_record_finalize (GObject *object)
{
  PlRecord *self = PL_RECORD (object);
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  g_free (priv->uuid);
  g_free (priv->origin);
  for (guint i = 0; priv->values != NULL && i < priv->n_values; i++)
    g_value_unset (&priv->values[i]);
  g_free (priv->values);

  G_OBJECT_CLASS (pl_record_parent_class)->finalize (object);
}

static void
pl_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PlRecord *self = PL_RECORD (object);
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, priv->uuid);
      break;
    case PROP_UPDATED_HLC:
      g_value_set_uint64 (value, priv->updated_hlc);
      break;
    case PROP_ORIGIN:
      g_value_set_string (value, priv->origin);
      break;
    case PROP_DELETED:
      g_value_set_boolean (value, priv->deleted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PlRecord *self = PL_RECORD (object);
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_UUID:
      g_free (priv->uuid);
      priv->uuid = g_value_dup_string (value);
      if (priv->uuid == NULL)
        priv->uuid = g_uuid_string_random ();
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Column properties of every subclass are served from the value array. */
static void
column_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  GValue *values = ensure_values (PL_RECORD (object));

  g_value_copy (&values[prop_id - 1], value);
}

static void
column_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  GValue *values = ensure_values (PL_RECORD (object));
  GValue *slot = &values[prop_id - 1];

  /* A NULL REAL column reads as NaN, and GLib's comparison finds NaN
   * "equal" to every number: compare doubles ourselves, or a level's
   * empty range could never be given one. */
  if (G_VALUE_HOLDS_DOUBLE (slot) && G_VALUE_HOLDS_DOUBLE (value))
    {
      double old = g_value_get_double (slot), new = g_value_get_double (value);

      if (old == new || (isnan (old) && isnan (new)))
        return;
    }
  else if (g_param_values_cmp (pspec, slot, value) == 0)
    return;
  g_value_copy (value, slot);
  g_object_notify_by_pspec (object, pspec);
}

static void
pl_record_constructed (GObject *object)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (PL_RECORD (object));

  G_OBJECT_CLASS (pl_record_parent_class)->constructed (object);

  if (priv->uuid == NULL)
    priv->uuid = g_uuid_string_random ();
  ensure_values (PL_RECORD (object));
}

static void
pl_record_class_init (PlRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pl_record_finalize;
  object_class->constructed = pl_record_constructed;
  object_class->get_property = pl_record_get_property;
  object_class->set_property = pl_record_set_property;

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_HLC] =
    g_param_spec_uint64 ("updated-hlc", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORIGIN] =
    g_param_spec_string ("origin", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELETED] =
    g_param_spec_boolean ("deleted", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pl_record_init (PlRecord *self)
{
}

void
pl_record_class_install_columns (PlRecordClass  *klass,
                                 const char     *table,
                                 GParamSpec    **columns,
                                 guint           n_columns)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  g_return_if_fail (PL_IS_RECORD_CLASS (klass));
  g_return_if_fail (table != NULL);

  object_class->get_property = column_get_property;
  object_class->set_property = column_set_property;

  klass->table = table;
  klass->columns = g_new (GParamSpec *, n_columns);
  klass->n_columns = n_columns;
  for (guint i = 0; i < n_columns; i++)
    {
      GType t = columns[i]->value_type;

      g_assert (t == G_TYPE_STRING || t == G_TYPE_BOOLEAN || t == G_TYPE_INT ||
                t == G_TYPE_INT64 || t == G_TYPE_DOUBLE);
      klass->columns[i] = columns[i];
      g_object_class_install_property (object_class, i + 1, columns[i]);
    }
}

const char *
pl_record_class_get_table (PlRecordClass *klass)
{
  g_return_val_if_fail (PL_IS_RECORD_CLASS (klass), NULL);
  return klass->table;
}

GParamSpec **
pl_record_class_get_columns (PlRecordClass *klass,
                             guint         *n_columns)
{
  g_return_val_if_fail (PL_IS_RECORD_CLASS (klass), NULL);
  if (n_columns != NULL)
    *n_columns = klass->n_columns;
  return klass->columns;
}

const char *
pl_record_get_uuid (PlRecord *self)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  g_return_val_if_fail (PL_IS_RECORD (self), NULL);
  return priv->uuid;
}

guint64
pl_record_get_updated_hlc (PlRecord *self)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  g_return_val_if_fail (PL_IS_RECORD (self), 0);
  return priv->updated_hlc;
}

const char *
pl_record_get_origin (PlRecord *self)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  g_return_val_if_fail (PL_IS_RECORD (self), NULL);
  return priv->origin;
}

gboolean
pl_record_get_deleted (PlRecord *self)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  g_return_val_if_fail (PL_IS_RECORD (self), FALSE);
  return priv->deleted;
}

const char *
pl_record_get_table (PlRecord *self)
{
  g_return_val_if_fail (PL_IS_RECORD (self), NULL);
  return PL_RECORD_GET_CLASS (self)->table;
}

static GParamSpec *
find_column (PlRecord   *self,
             const char *column,
             GType       expected)
{
  char name[64];
  GParamSpec *pspec;
  gsize len = strlen (column);

  g_return_val_if_fail (len < sizeof name, NULL);
  for (gsize i = 0; i <= len; i++)
    name[i] = column[i] == '_' ? '-' : column[i];

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), name);
  if (pspec == NULL || pspec->owner_type == PL_TYPE_RECORD ||
      (expected != G_TYPE_INVALID && pspec->value_type != expected))
    {
      g_critical ("%s has no %s column “%s”", G_OBJECT_TYPE_NAME (self),
                  expected != G_TYPE_INVALID ? g_type_name (expected) : "", column);
      return NULL;
    }
  return pspec;
}

static const GValue *
column_value (PlRecord   *self,
              const char *column,
              GType       expected)
{
  GParamSpec *pspec = find_column (self, column, expected);

  if (pspec == NULL)
    return NULL;
  return &ensure_values (self)[pspec->param_id - 1];
}

const char *
pl_record_get_string (PlRecord   *self,
                      const char *column)
{
  const GValue *v;

  g_return_val_if_fail (PL_IS_RECORD (self), NULL);
  v = column_value (self, column, G_TYPE_STRING);
  return v != NULL ? g_value_get_string (v) : NULL;
}

gint64
pl_record_get_int (PlRecord   *self,
                   const char *column)
{
  const GValue *v;

  g_return_val_if_fail (PL_IS_RECORD (self), 0);
  v = column_value (self, column, G_TYPE_INVALID);
  if (v == NULL)
    return 0;
  if (G_VALUE_HOLDS_INT (v))
    return g_value_get_int (v);
  if (G_VALUE_HOLDS_INT64 (v))
    return g_value_get_int64 (v);
  if (G_VALUE_HOLDS_BOOLEAN (v))
    return g_value_get_boolean (v);
  if (G_VALUE_HOLDS_DOUBLE (v))
    return (gint64) g_value_get_double (v);
  return 0;
}

double
pl_record_get_double (PlRecord   *self,
                      const char *column)
{
  const GValue *v;

  g_return_val_if_fail (PL_IS_RECORD (self), 0.0);
  v = column_value (self, column, G_TYPE_INVALID);
  if (v == NULL)
    return 0.0;
  if (G_VALUE_HOLDS_DOUBLE (v))
    return g_value_get_double (v);
  return (double) pl_record_get_int (self, column);
}

gboolean
pl_record_get_boolean (PlRecord   *self,
                       const char *column)
{
  return pl_record_get_int (self, column) != 0;
}

static void
set_column (PlRecord     *self,
            const char   *column,
            const GValue *value)
{
  GParamSpec *pspec = find_column (self, column, G_TYPE_INVALID);
  GValue converted = G_VALUE_INIT;

  if (pspec == NULL)
    return;
  g_value_init (&converted, pspec->value_type);
  if (!g_value_transform (value, &converted))
    {
      g_critical ("cannot store a %s in column “%s”", G_VALUE_TYPE_NAME (value), column);
      return;
    }
  g_object_set_property (G_OBJECT (self), pspec->name, &converted);
  g_value_unset (&converted);
}

void
pl_record_set_string (PlRecord   *self,
                      const char *column,
                      const char *value)
{
  GValue v = G_VALUE_INIT;

  g_return_if_fail (PL_IS_RECORD (self));
  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value);
  set_column (self, column, &v);
  g_value_unset (&v);
}

void
pl_record_set_int (PlRecord   *self,
                   const char *column,
                   gint64      value)
{
  GValue v = G_VALUE_INIT;

  g_return_if_fail (PL_IS_RECORD (self));
  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, value);
  set_column (self, column, &v);
}

void
pl_record_set_double (PlRecord   *self,
                      const char *column,
                      double      value)
{
  GValue v = G_VALUE_INIT;

  g_return_if_fail (PL_IS_RECORD (self));
  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, value);
  set_column (self, column, &v);
}

void
pl_record_set_boolean (PlRecord   *self,
                       const char *column,
                       gboolean    value)
{
  GValue v = G_VALUE_INIT;

  g_return_if_fail (PL_IS_RECORD (self));
  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, value);
  set_column (self, column, &v);
}

const GValue *
pl_record_peek_value (PlRecord *self,
                      guint     index)
{
  g_return_val_if_fail (PL_IS_RECORD (self), NULL);
  g_return_val_if_fail (index < PL_RECORD_GET_CLASS (self)->n_columns, NULL);
  return &ensure_values (self)[index];
}

void
_pl_record_set_sync_columns (PlRecord   *self,
                             const char *uuid,
                             guint64     updated_hlc,
                             const char *origin,
                             gboolean    deleted)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  if (uuid != NULL && g_strcmp0 (uuid, priv->uuid) != 0)
    {
      g_free (priv->uuid);
      priv->uuid = g_strdup (uuid);
    }
  priv->updated_hlc = updated_hlc;
  if (g_strcmp0 (origin, priv->origin) != 0)
    {
      g_free (priv->origin);
      priv->origin = g_strdup (origin);
    }
  priv->deleted = deleted;
}

void
_pl_record_set_deleted (PlRecord *self,
                        gboolean  deleted)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  if (priv->deleted == !!deleted)
    return;
  priv->deleted = !!deleted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELETED]);
}

GValue *
_pl_record_get_values (PlRecord *self)
{
  return ensure_values (self);
}
