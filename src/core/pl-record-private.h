/* pl-record-private.h — what the store needs of records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

void     _pl_record_set_sync_columns (PlRecord   *self,
                                      const char *uuid,
                                      guint64     updated_hlc,
                                      const char *origin,
                                      gboolean    deleted);
void     _pl_record_set_deleted      (PlRecord   *self,
                                      gboolean    deleted);
/* Direct access to the value array, for loading rows without notify. */
GValue  *_pl_record_get_values       (PlRecord   *self);

G_END_DECLS
