/* pl-store-standards.c — frameworks and their standards, by hand or imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "pl-store-learners.h"
#include "pl-store-private.h"
#include "pl-store-standards.h"

/* A standard at the top of its framework: no parent, or a parent that is
 * gone or belongs elsewhere (a bundle may carry a child before its
 * parent). Such a standard is still shown, at the top. */
#define AT_TOP \
  "(t.parent_uuid IS NULL OR NOT EXISTS (SELECT 1 FROM standard p WHERE p.uuid = t.parent_uuid" \
  " AND p.deleted = 0 AND p.framework_uuid IS t.framework_uuid))"

GListModel *
pl_store_list_frameworks (PlStore  *store,
                          GError  **error)
{
  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  return _pl_store_query (store, PL_TYPE_FRAMEWORK,
                          "WHERE t.deleted = 0 ORDER BY t.title COLLATE NOCASE, t.uuid", NULL, error);
}

GListModel *
pl_store_list_standard_children (PlStore     *store,
                                 const char  *framework_uuid,
                                 const char  *parent_uuid,
                                 GError     **error)
{
  const char *params[] = { framework_uuid, parent_uuid, NULL };

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (framework_uuid != NULL, NULL);

  if (parent_uuid == NULL)
    return _pl_store_query (store, PL_TYPE_STANDARD,
                            "WHERE t.deleted = 0 AND t.framework_uuid = ?1 AND " AT_TOP
                            " ORDER BY t.position, t.code, t.uuid",
                            params, error);
  return _pl_store_query (store, PL_TYPE_STANDARD,
                          "WHERE t.deleted = 0 AND t.framework_uuid = ?1 AND t.parent_uuid = ?2"
                          " ORDER BY t.position, t.code, t.uuid",
                          params, error);
}

/* Appends NODE's subtree (children listed in CHILDREN, keyed by uuid). */
static void
append_subtree (GListStore *out,
                GArray     *depths,
                GHashTable *children,
                GHashTable *done,
                PlRecord   *node,
                guint       depth)
{
  GPtrArray *kids;

  /* A cycle in synced data must not hang the view. */
  if (!g_hash_table_add (done, (gpointer) pl_record_get_uuid (node)))
    return;
  g_list_store_append (out, node);
  if (depths != NULL)
    g_array_append_val (depths, depth);
  kids = g_hash_table_lookup (children, pl_record_get_uuid (node));
  for (guint i = 0; kids != NULL && i < kids->len; i++)
    append_subtree (out, depths, children, done, kids->pdata[i], depth + 1);
}

static gboolean
append_framework (PlStore     *store,
                  const char  *framework_uuid,
                  GListStore  *out,
                  GArray      *depths,
                  GError     **error)
{
  const char *params[] = { framework_uuid, NULL };
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) children = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) top = g_ptr_array_new ();
  guint n;

  all = _pl_store_query (store, PL_TYPE_STANDARD,
                         "WHERE t.deleted = 0 AND t.framework_uuid = ?1 ORDER BY t.position, t.code, t.uuid",
                         params, error);
  if (all == NULL)
    return FALSE;
  /* ALL keeps the records alive; the tables borrow them. */
  n = g_list_model_get_n_items (all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) s = g_list_model_get_item (all, i);

      g_hash_table_insert (by_uuid, (gpointer) pl_record_get_uuid (s), s);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) s = g_list_model_get_item (all, i);
      const char *parent = pl_record_get_string (s, "parent-uuid");

      if (parent != NULL && g_hash_table_contains (by_uuid, parent))
        {
          GPtrArray *kids = g_hash_table_lookup (children, parent);

          if (kids == NULL)
            {
              kids = g_ptr_array_new ();
              g_hash_table_insert (children, (gpointer) parent, kids);
            }
          g_ptr_array_add (kids, s);
        }
      else
        g_ptr_array_add (top, s);
    }
  for (guint i = 0; i < top->len; i++)
    append_subtree (out, depths, children, done, top->pdata[i], 0);
  /* What is left sits in a cycle of parents: shown at the top. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) s = g_list_model_get_item (all, i);

      if (!g_hash_table_contains (done, pl_record_get_uuid (s)))
        append_subtree (out, depths, children, done, s, 0);
    }
  return TRUE;
}

GListModel *
pl_store_list_standards_in_order (PlStore     *store,
                                  const char  *framework_uuid,
                                  GArray     **depths,
                                  GError     **error)
{
  g_autoptr(GListStore) out = g_list_store_new (PL_TYPE_STANDARD);
  g_autoptr(GArray) levels = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  if (framework_uuid != NULL)
    {
      if (!append_framework (store, framework_uuid, out, levels, error))
        return NULL;
    }
  else
    {
      g_autoptr(GListModel) frameworks = pl_store_list_frameworks (store, error);

      if (frameworks == NULL)
        return NULL;
      for (guint i = 0; i < g_list_model_get_n_items (frameworks); i++)
        {
          g_autoptr(PlRecord) f = g_list_model_get_item (frameworks, i);

          if (!append_framework (store, pl_record_get_uuid (f), out, levels, error))
            return NULL;
        }
    }
  if (depths != NULL)
    *depths = g_steal_pointer (&levels);
  return G_LIST_MODEL (g_steal_pointer (&out));
}

/* ---- the local framework -------------------------------------------- */

const char *
pl_store_local_framework_uuid (void)
{
  static gsize once = 0;
  static char *uuid = NULL;

  if (g_once_init_enter (&once))
    {
      uuid = pl_store_derive_uuid ("local-framework", "my-standards");
      g_once_init_leave (&once, 1);
    }
  return uuid;
}

PlFramework *
pl_store_local_framework (PlStore  *store,
                          GError  **error)
{
  g_autoptr(PlFramework) framework = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  framework = pl_store_get (store, PL_TYPE_FRAMEWORK, pl_store_local_framework_uuid (), NULL);
  if (framework != NULL && !pl_record_get_deleted (PL_RECORD (framework)))
    return g_steal_pointer (&framework);
  if (framework != NULL)
    {
      if (!pl_store_undelete (store, PL_RECORD (framework), error))
        return NULL;
      return g_steal_pointer (&framework);
    }
  framework = g_object_new (PL_TYPE_FRAMEWORK, "uuid", pl_store_local_framework_uuid (), NULL);
  pl_record_set_string (PL_RECORD (framework), "title", _("My Standards"));
  if (!pl_store_save (store, PL_RECORD (framework), error))
    return NULL;
  return g_steal_pointer (&framework);
}

/* ---- checks --------------------------------------------------------- */

static const char *
code_of (PlRecord *standard)
{
  const char *code = pl_record_get_string (standard, "code");

  return code != NULL && *code != '\0' ? code : pl_record_get_string (standard, "statement");
}

static gboolean
check_standard (PlStore     *store,
                PlStandard  *standard,
                GError     **error)
{
  PlRecord *s = PL_RECORD (standard);
  const char *uuid = pl_record_get_uuid (s);
  const char *framework_uuid = pl_record_get_string (s, "framework-uuid");
  const char *parent_uuid = pl_record_get_string (s, "parent-uuid");
  const char *statement = pl_record_get_string (s, "statement");
  g_autofree char *code = g_strstrip (g_strdup (pl_record_get_string (s, "code") != NULL
                                                ? pl_record_get_string (s, "code") : ""));
  g_autofree char *text = g_strstrip (g_strdup (statement != NULL ? statement : ""));
  g_autoptr(PlFramework) framework = NULL;
  g_autoptr(GListModel) same_code = NULL;

  if (*code == '\0')
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("A standard needs a code, such as SCI.7.1."));
      return FALSE;
    }
  if (*text == '\0')
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("“%s” needs a statement: what a learner knows or can do."), code);
      return FALSE;
    }
  if (framework_uuid != NULL)
    framework = pl_store_get (store, PL_TYPE_FRAMEWORK, framework_uuid, NULL);
  if (framework == NULL || pl_record_get_deleted (PL_RECORD (framework)))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND,
                   _("“%s” belongs to no framework in this database."), code);
      return FALSE;
    }
  if (parent_uuid != NULL)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(PlRecord) parent = pl_store_get (store, PL_TYPE_STANDARD, parent_uuid, NULL);
      g_autoptr(PlRecord) up = NULL;

      if (parent == NULL || pl_record_get_deleted (parent))
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND,
                       _("The standard “%s” was to go under is no longer in the database."), code);
          return FALSE;
        }
      if (g_strcmp0 (pl_record_get_string (parent, "framework-uuid"), framework_uuid) != 0)
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                       _("“%s” is in another framework; a standard goes under one of its own framework."),
                       code_of (parent));
          return FALSE;
        }
      /* Up from the parent: meeting the standard itself would make it
       * its own ancestor. */
      up = g_object_ref (parent);
      while (up != NULL)
        {
          const char *next;
          PlRecord *p;

          if (g_strcmp0 (pl_record_get_uuid (up), uuid) == 0)
            {
              g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("“%s” cannot go under “%s”, which is itself under “%s”."),
                           code, code_of (parent), code);
              return FALSE;
            }
          next = pl_record_get_string (up, "parent-uuid");
          if (next == NULL || !g_hash_table_add (seen, g_strdup (next)))
            break;
          p = pl_store_get (store, PL_TYPE_STANDARD, next, NULL);
          g_clear_object (&up);
          up = p;
        }
    }

  {
    const char *params[] = { framework_uuid, code, uuid, NULL };

    same_code = _pl_store_query (store, PL_TYPE_STANDARD,
                                 "WHERE t.deleted = 0 AND t.framework_uuid = ?1 AND t.code = ?2 AND t.uuid <> ?3",
                                 params, error);
  }
  if (same_code == NULL)
    return FALSE;
  if (g_list_model_get_n_items (same_code) > 0)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("Another standard of “%s” already has the code “%s”; codes are unique within a framework."),
                   pl_record_get_string (PL_RECORD (framework), "title"), code);
      return FALSE;
    }
  pl_record_set_string (s, "code", code);
  return TRUE;
}

gboolean
pl_store_save_standard (PlStore     *store,
                        PlStandard  *standard,
                        GError     **error)
{
  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (PL_IS_STANDARD (standard), FALSE);

  /* The checks and the write see the same database. */
  if (!pl_store_begin (store, error))
    return FALSE;
  if (!check_standard (store, standard, error) ||
      !pl_store_save (store, PL_RECORD (standard), error))
    {
      pl_store_rollback (store);
      return FALSE;
    }
  return pl_store_commit (store, error);
}

PlStandard *
pl_store_add_standard (PlStore     *store,
                       const char  *framework_uuid,
                       const char  *parent_uuid,
                       const char  *code,
                       const char  *statement,
                       GError     **error)
{
  g_autoptr(PlStandard) standard = NULL;
  g_autoptr(GListModel) siblings = NULL;
  gint64 position = 0;
  guint n;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  if (!pl_store_begin (store, error))
    return NULL;
  if (framework_uuid == NULL)
    {
      g_autoptr(PlFramework) local = pl_store_local_framework (store, error);

      if (local == NULL)
        {
          pl_store_rollback (store);
          return NULL;
        }
      framework_uuid = pl_store_local_framework_uuid ();
    }
  siblings = pl_store_list_standard_children (store, framework_uuid, parent_uuid, error);
  if (siblings == NULL)
    {
      pl_store_rollback (store);
      return NULL;
    }
  n = g_list_model_get_n_items (siblings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) s = g_list_model_get_item (siblings, i);

      position = MAX (position, pl_record_get_int (s, "position") + 1);
    }

  standard = pl_standard_new ();
  pl_record_set_string (PL_RECORD (standard), "framework-uuid", framework_uuid);
  pl_record_set_string (PL_RECORD (standard), "parent-uuid", parent_uuid);
  pl_record_set_string (PL_RECORD (standard), "code", code != NULL ? code : "");
  pl_record_set_string (PL_RECORD (standard), "statement", statement != NULL ? statement : "");
  pl_record_set_int (PL_RECORD (standard), "position", position);
  if (!pl_store_save_standard (store, standard, error))
    {
      pl_store_rollback (store);
      return NULL;
    }
  if (!pl_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&standard);
}

/* ---- delete --------------------------------------------------------- */

static gboolean
count_rows (PlStore     *store,
            const char  *sql,
            const char  *uuid,
            guint       *out,
            GError     **error)
{
  sqlite3_stmt *stmt = _pl_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _pl_store_set_error (store, error, _("cannot count what uses a standard"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  *out = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static const struct
{
  const char *sql;
  const char *one;
  const char *many;
} uses[] = {
  { "SELECT count(*) FROM unit_standard WHERE standard_uuid = ?1 AND deleted = 0",
    N_("%u unit"), N_("%u units") },
  { "SELECT count(*) FROM option_standard WHERE standard_uuid = ?1 AND deleted = 0",
    N_("%u choice-board option"), N_("%u choice-board options") },
  { "SELECT count(*) FROM criterion WHERE standard_uuid = ?1 AND deleted = 0",
    N_("%u rubric criterion"), N_("%u rubric criteria") },
  { "SELECT count(*) FROM evidence WHERE standard_uuid = ?1 AND deleted = 0",
    N_("%u piece of evidence"), N_("%u pieces of evidence") },
  { "SELECT count(*) FROM goal WHERE standard_uuid = ?1 AND deleted = 0",
    N_("%u learner goal"), N_("%u learner goals") },
  { "SELECT count(*) FROM standard_link WHERE (from_uuid = ?1 OR to_uuid = ?1) AND deleted = 0",
    N_("%u prerequisite link"), N_("%u prerequisite links") },
};

char *
pl_store_describe_standard_uses (PlStore     *store,
                                 PlStandard  *standard,
                                 GError     **error)
{
  const char *uuid;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) list = g_string_new (NULL);
  guint n_children = 0;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (PL_IS_STANDARD (standard), NULL);

  uuid = pl_record_get_uuid (PL_RECORD (standard));
  for (guint i = 0; i < G_N_ELEMENTS (uses); i++)
    {
      guint n = 0;

      if (!count_rows (store, uses[i].sql, uuid, &n, error))
        return NULL;
      if (n > 0)
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, uses[i].one, uses[i].many, n), n));
    }
  if (!count_rows (store, "SELECT count(*) FROM standard WHERE parent_uuid = ?1 AND deleted = 0",
                   uuid, &n_children, error))
    return NULL;

  for (guint i = 0; i < parts->len; i++)
    {
      /* Translators: separators of a list such as "1 unit, 9 options and 3 criteria" */
      if (i > 0)
        g_string_append (list, i + 1 == parts->len ? _(" and ") : _(", "));
      g_string_append (list, parts->pdata[i]);
    }
  if (parts->len > 0 && n_children > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s is still used by %s, and has %u standard under it. Remove it from them first.",
                                         "%s is still used by %s, and has %u standards under it. Remove it from them first.",
                                         n_children),
                            code_of (PL_RECORD (standard)), list->str, n_children);
  if (parts->len > 0)
    return g_strdup_printf (_("%s is still used by %s. Remove it from them first."),
                            code_of (PL_RECORD (standard)), list->str);
  if (n_children > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s has %u standard under it. Delete or move it first.",
                                         "%s has %u standards under it. Delete or move them first.",
                                         n_children),
                            code_of (PL_RECORD (standard)), n_children);
  return NULL;
}

gboolean
pl_store_delete_standard (PlStore     *store,
                          PlStandard  *standard,
                          GError     **error)
{
  g_autofree char *in_use = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (PL_IS_STANDARD (standard), FALSE);

  if (!pl_store_begin (store, error))
    return FALSE;
  in_use = pl_store_describe_standard_uses (store, standard, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      pl_store_rollback (store);
      return FALSE;
    }
  if (in_use != NULL)
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID, in_use);
      pl_store_rollback (store);
      return FALSE;
    }
  if (!pl_store_delete (store, PL_RECORD (standard), error))
    {
      pl_store_rollback (store);
      return FALSE;
    }
  return pl_store_commit (store, error);
}

gboolean
pl_store_undelete_standard (PlStore     *store,
                            PlStandard  *standard,
                            GError     **error)
{
  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (PL_IS_STANDARD (standard), FALSE);

  if (!pl_store_begin (store, error))
    return FALSE;
  if (!check_standard (store, standard, error) ||
      !pl_store_undelete (store, PL_RECORD (standard), error))
    {
      pl_store_rollback (store);
      return FALSE;
    }
  return pl_store_commit (store, error);
}

/* ---- what units and options target ---------------------------------- */

GListModel *
pl_store_list_unit_standards (PlStore     *store,
                              const char  *unit_uuid,
                              GError     **error)
{
  const char *params[] = { unit_uuid, NULL };

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (unit_uuid != NULL, NULL);

  return _pl_store_query (store, PL_TYPE_STANDARD,
                          "WHERE t.deleted = 0 AND t.uuid IN (SELECT standard_uuid FROM unit_standard"
                          " WHERE unit_uuid = ?1 AND deleted = 0) ORDER BY t.code, t.uuid",
                          params, error);
}
