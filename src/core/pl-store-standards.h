/* pl-store-standards.h — frameworks and their standards, by hand or imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pl-framework.h"
#include "pl-standard.h"
#include "pl-store.h"

G_BEGIN_DECLS

/* Every framework that is not deleted, by title (PlFramework). */
GListModel  *pl_store_list_frameworks          (PlStore      *store,
                                                GError      **error);
/* The standards of FRAMEWORK_UUID directly under PARENT_UUID (NULL: at
 * the top of the framework), by position then code (PlStandard): the
 * children of a row of a GtkTreeListModel. */
GListModel  *pl_store_list_standard_children   (PlStore      *store,
                                                const char   *framework_uuid,
                                                const char   *parent_uuid,
                                                GError      **error);
/* The standards of FRAMEWORK_UUID, or of every framework by title when
 * NULL, in tree order: each right after its parent and its elder
 * siblings' subtrees. A standard whose parent is missing counts as a top
 * one. DEPTHS (may be NULL) receives a guint per standard: its number of
 * ancestors. */
GListModel  *pl_store_list_standards_in_order  (PlStore      *store,
                                                const char   *framework_uuid,
                                                GArray      **depths,
                                                GError      **error);

/* The framework of standards a teacher writes by hand ("My Standards"):
 * its uuid is the same on every device, so that a teacher's devices
 * share it. */
const char  *pl_store_local_framework_uuid     (void);
/* The local framework, created (or brought back) on first use. */
PlFramework *pl_store_local_framework          (PlStore      *store,
                                                GError      **error);

/* Checks STANDARD and saves it in one transaction: the code (trimmed) and
 * the statement are not empty, the framework exists, the parent (if any)
 * exists in the same framework and is not the standard or one of its
 * descendants, and no other standard of the framework has the code.
 * PL_STORE_ERROR_INVALID or _NOT_FOUND with a sentence for the teacher
 * otherwise, and nothing is saved. */
gboolean     pl_store_save_standard            (PlStore      *store,
                                                PlStandard   *standard,
                                                GError      **error);
/* A new standard, last among its siblings; FRAMEWORK_UUID NULL puts it
 * in the local framework. */
PlStandard  *pl_store_add_standard             (PlStore      *store,
                                                const char   *framework_uuid,
                                                const char   *parent_uuid,
                                                const char   *code,
                                                const char   *statement,
                                                GError      **error);
/* A sentence saying what still points at the standard (units, board
 * options, rubric criteria, evidence, goals, prerequisite links,
 * standards under it), or NULL when nothing does. */
char        *pl_store_describe_standard_uses   (PlStore      *store,
                                                PlStandard   *standard,
                                                GError      **error);
/* Marks STANDARD deleted (a tombstone that syncs); refused with
 * PL_STORE_ERROR_INVALID and that sentence while anything points at it. */
gboolean     pl_store_delete_standard          (PlStore      *store,
                                                PlStandard   *standard,
                                                GError      **error);
/* Undo of a delete: brings STANDARD back after the checks of
 * pl_store_save_standard (its parent may have gone, or its code been
 * taken, since). */
gboolean     pl_store_undelete_standard        (PlStore      *store,
                                                PlStandard   *standard,
                                                GError      **error);

/* The standards a unit targets (unit_standard), by code. */
GListModel  *pl_store_list_unit_standards      (PlStore      *store,
                                                const char   *unit_uuid,
                                                GError      **error);
/* The standards of a choice-board option: pl_store_list_option_standards
 * in pl-store-boards.h. */

G_END_DECLS
