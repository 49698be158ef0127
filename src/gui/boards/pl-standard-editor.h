/* pl-standard-editor.h — add or edit one standard: code, statement, parent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/pl-store.h"
#include "core/pl-standard.h"

G_BEGIN_DECLS

#define PL_TYPE_STANDARD_EDITOR (pl_standard_editor_get_type ())
G_DECLARE_FINAL_TYPE (PlStandardEditor, pl_standard_editor, PL, STANDARD_EDITOR, AdwWindow)

/* Edits STANDARD, or adds a new standard when it is NULL: then in
 * FRAMEWORK_UUID (NULL: "My Standards") under PARENT_UUID (may be NULL).
 * Emits "saved" (the standard's uuid) and closes once the store took it;
 * a refused standard keeps the editor open with the store's message. */
PlStandardEditor *pl_standard_editor_new       (PlStore          *store,
                                                PlStandard       *standard,
                                                const char       *framework_uuid,
                                                const char       *parent_uuid);
/* What Save does; FALSE when the store refused (see _get_error). */
gboolean          pl_standard_editor_save      (PlStandardEditor *self);
/* The message shown under the fields, or NULL. */
const char       *pl_standard_editor_get_error (PlStandardEditor *self);

G_END_DECLS
