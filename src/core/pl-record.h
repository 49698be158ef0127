/* pl-record.h — base class of every synced record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PL_TYPE_RECORD (pl_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (PlRecord, pl_record, PL, RECORD, GObject)

/* A record is one row of a synced table. Besides the four sync columns that
 * every record has (uuid, updated-hlc, origin, deleted), a subclass declares
 * its columns as GObject properties with pl_record_class_install_columns():
 * property "given-name" is column "given_name". Column properties may be
 * strings, booleans, ints, int64s or doubles. The store reads and writes
 * records of any subclass through these declarations. */
struct _PlRecordClass
{
  GObjectClass   parent_class;

  /*< private >*/
  const char    *table;
  GParamSpec   **columns;
  guint          n_columns;
  gpointer       padding[8];
};

void          pl_record_class_install_columns (PlRecordClass  *klass,
                                               const char     *table,
                                               GParamSpec    **columns,
                                               guint           n_columns);

const char   *pl_record_class_get_table       (PlRecordClass  *klass);
GParamSpec  **pl_record_class_get_columns     (PlRecordClass  *klass,
                                               guint          *n_columns);

const char   *pl_record_get_uuid              (PlRecord       *self);
guint64       pl_record_get_updated_hlc       (PlRecord       *self);
const char   *pl_record_get_origin            (PlRecord       *self);
gboolean      pl_record_get_deleted           (PlRecord       *self);
const char   *pl_record_get_table             (PlRecord       *self);

/* Column accessors; COLUMN may be written with '-' or '_'. */
const char   *pl_record_get_string            (PlRecord       *self,
                                               const char     *column);
gint64        pl_record_get_int               (PlRecord       *self,
                                               const char     *column);
double        pl_record_get_double            (PlRecord       *self,
                                               const char     *column);
gboolean      pl_record_get_boolean           (PlRecord       *self,
                                               const char     *column);
void          pl_record_set_string            (PlRecord       *self,
                                               const char     *column,
                                               const char     *value);
void          pl_record_set_int               (PlRecord       *self,
                                               const char     *column,
                                               gint64          value);
void          pl_record_set_double            (PlRecord       *self,
                                               const char     *column,
                                               double          value);
void          pl_record_set_boolean           (PlRecord       *self,
                                               const char     *column,
                                               gboolean        value);

/* The value of column INDEX (0-based, in declaration order). */
const GValue *pl_record_peek_value            (PlRecord       *self,
                                               guint           index);

G_END_DECLS
