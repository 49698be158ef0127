/* test-store-standards.c — frameworks and standards: listing in tree order,
 * the local framework, the checks on a hand-made standard, delete refused
 * while something points at a standard, and undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core/pl-core.h"
#include "core/pl-demo.h"
#include "core/pl-store-boards.h"
#include "core/pl-store-standards.h"

#define TODAY "2026-03-20"

static PlStore *
demo_store (void)
{
  g_autoptr(GError) error = NULL;
  PlStore *store = pl_store_open (NULL, &error);
  PlDemoOptions options;

  g_assert_no_error (error);
  pl_demo_options_init (&options);
  options.today = TODAY;
  g_assert_true (pl_demo_generate (store, &options, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static PlStandard *
by_code (PlStore *store, const char *code)
{
  g_autoptr(GListModel) list = pl_store_list_where (store, PL_TYPE_STANDARD, "code", code, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  return g_list_model_get_item (list, 0);
}

static const char *
demo_framework (PlStore *store)
{
  static char uuid[37];
  g_autoptr(PlStandard) s = by_code (store, "SCI.7.1");

  g_strlcpy (uuid, pl_record_get_string (PL_RECORD (s), "framework-uuid"), sizeof uuid);
  return uuid;
}

static void
on_changed_cb (PlStore *store, const char *table, guint *n)
{
  if (g_strcmp0 (table, "standard") == 0)
    (*n)++;
}

static void
test_lists (void)
{
  g_autoptr(PlStore) store = demo_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) frameworks = pl_store_list_frameworks (store, &error);
  g_autoptr(GListModel) top = NULL;
  g_autoptr(GListModel) ordered = NULL;
  g_autoptr(GListModel) children = NULL;
  g_autoptr(GArray) depths = NULL;
  g_autoptr(PlStandard) a = NULL;
  g_autoptr(PlStandard) b = NULL;
  g_autoptr(PlStandard) first = NULL;
  const char *fw;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (frameworks), ==, 1);
  fw = demo_framework (store);
  top = pl_store_list_standard_children (store, fw, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (top), ==, 6);
  first = g_list_model_get_item (top, 0);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (first), "code"), ==, "SCI.7.1");

  /* Two levels under SCI.7.2: they come right after it, in order. */
  {
    g_autoptr(PlStandard) parent = by_code (store, "SCI.7.2");

    a = pl_store_add_standard (store, fw, pl_record_get_uuid (PL_RECORD (parent)), "SCI.7.2.a", "Part a", &error);
    g_assert_no_error (error);
    b = pl_store_add_standard (store, fw, pl_record_get_uuid (PL_RECORD (a)), "SCI.7.2.a.i", "Part a, i", &error);
    g_assert_no_error (error);
    children = pl_store_list_standard_children (store, fw, pl_record_get_uuid (PL_RECORD (parent)), &error);
    g_assert_cmpuint (g_list_model_get_n_items (children), ==, 1);
  }
  ordered = pl_store_list_standards_in_order (store, NULL, &depths, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ordered), ==, 8);
  g_assert_cmpuint (depths->len, ==, 8);
  {
    const char *want[] = { "SCI.7.1", "SCI.7.2", "SCI.7.2.a", "SCI.7.2.a.i", "SCI.7.3", "SCI.7.4", "SCI.7.5", "SCI.7.6" };
    const guint want_depth[] = { 0, 0, 1, 2, 0, 0, 0, 0 };

    for (guint i = 0; i < G_N_ELEMENTS (want); i++)
      {
        g_autoptr(PlRecord) s = g_list_model_get_item (ordered, i);

        g_assert_cmpstr (pl_record_get_string (s, "code"), ==, want[i]);
        g_assert_cmpuint (g_array_index (depths, guint, i), ==, want_depth[i]);
      }
  }

  /* What the demo unit and its options target. */
  {
    g_autoptr(GListModel) units = pl_store_list (store, PL_TYPE_UNIT, NULL);
    g_autoptr(PlRecord) unit = g_list_model_get_item (units, 0);
    g_autoptr(GListModel) targeted = pl_store_list_unit_standards (store, pl_record_get_uuid (unit), &error);
    g_autoptr(GListModel) options = pl_store_list (store, PL_TYPE_CHOICE_OPTION, NULL);
    guint with_standards = 0;

    g_assert_cmpuint (g_list_model_get_n_items (targeted), ==, 6);
    for (guint i = 0; i < g_list_model_get_n_items (options); i++)
      {
        g_autoptr(PlRecord) o = g_list_model_get_item (options, i);
        g_autoptr(GListModel) s = pl_store_list_option_standards (store, pl_record_get_uuid (o), &error);
        g_autoptr(GListModel) links = pl_store_list_where (store, PL_TYPE_OPTION_STANDARD, "option-uuid",
                                                           pl_record_get_uuid (o), NULL);

        g_assert_cmpuint (g_list_model_get_n_items (s), ==, g_list_model_get_n_items (links));
        with_standards += g_list_model_get_n_items (s) > 0;
      }
    g_assert_cmpuint (with_standards, ==, g_list_model_get_n_items (options));
  }
}

static void
test_local_framework (void)
{
  g_autoptr(PlStore) store = demo_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStandard) one = NULL;
  g_autoptr(PlStandard) two = NULL;
  g_autoptr(GListModel) frameworks = NULL;
  g_autoptr(PlFramework) local = NULL;
  guint changes = 0;

  g_signal_connect (store, "changed", G_CALLBACK (on_changed_cb), &changes);
  g_assert_null (pl_store_get (store, PL_TYPE_FRAMEWORK, pl_store_local_framework_uuid (), NULL));
  one = pl_store_add_standard (store, NULL, NULL, "  ME.1 ", "I can explain my thinking.", &error);
  g_assert_no_error (error);
  two = pl_store_add_standard (store, NULL, NULL, "ME.2", "I can revise my work.", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 2);

  /* One "My Standards", created once; codes are trimmed; order kept. */
  frameworks = pl_store_list_frameworks (store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (frameworks), ==, 2);
  local = pl_store_local_framework (store, &error);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (local), "title"), ==, "My Standards");
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (one), "framework-uuid"), ==, pl_store_local_framework_uuid ());
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (one), "code"), ==, "ME.1");
  g_assert_cmpint (pl_record_get_int (PL_RECORD (two), "position"), >, pl_record_get_int (PL_RECORD (one), "position"));
  {
    g_autoptr(PlStandard) stored = by_code (store, "ME.1");
    g_assert_cmpstr (pl_record_get_uuid (PL_RECORD (stored)), ==, pl_record_get_uuid (PL_RECORD (one)));
  }
}

static void
expect_refused (PlStore     *store,
                PlStandard  *standard,
                int          code,
                const char  *mentions)
{
  g_autoptr(GError) error = NULL;
  guint before = pl_store_count (store, "standard", TRUE);

  g_assert_false (pl_store_save_standard (store, standard, &error));
  g_assert_error (error, PL_STORE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, mentions));
  g_assert_cmpuint (pl_store_count (store, "standard", TRUE), ==, before);
}

static void
test_checks (void)
{
  g_autoptr(PlStore) store = demo_store ();
  g_autoptr(GError) error = NULL;
  const char *fw = demo_framework (store);
  g_autoptr(PlStandard) top = pl_store_add_standard (store, NULL, NULL, "ME.1", "Top", &error);
  g_autoptr(PlStandard) mid = pl_store_add_standard (store, NULL, pl_record_get_uuid (PL_RECORD (top)), "ME.1.a", "Middle", &error);
  g_autoptr(PlStandard) leaf = pl_store_add_standard (store, NULL, pl_record_get_uuid (PL_RECORD (mid)), "ME.1.a.i", "Leaf", &error);
  g_autoptr(PlStandard) demo = by_code (store, "SCI.7.3");
  g_autoptr(PlStandard) fresh = NULL;
  g_autoptr(PlStandard) stored = NULL;

  g_assert_no_error (error);
  /* A new standard that breaks each rule. */
  fresh = pl_standard_new ();
  pl_record_set_string (PL_RECORD (fresh), "framework-uuid", pl_store_local_framework_uuid ());
  pl_record_set_string (PL_RECORD (fresh), "code", "   ");
  pl_record_set_string (PL_RECORD (fresh), "statement", "Something");
  expect_refused (store, fresh, PL_STORE_ERROR_INVALID, "needs a code");
  pl_record_set_string (PL_RECORD (fresh), "code", "ME.2");
  pl_record_set_string (PL_RECORD (fresh), "statement", " \n ");
  expect_refused (store, fresh, PL_STORE_ERROR_INVALID, "“ME.2” needs a statement");
  pl_record_set_string (PL_RECORD (fresh), "statement", "Something");
  pl_record_set_string (PL_RECORD (fresh), "code", "ME.1.a");
  expect_refused (store, fresh, PL_STORE_ERROR_INVALID, "already has the code “ME.1.a”");
  pl_record_set_string (PL_RECORD (fresh), "code", "ME.2");
  pl_record_set_string (PL_RECORD (fresh), "parent-uuid", "00000000-0000-4000-8000-000000000000");
  expect_refused (store, fresh, PL_STORE_ERROR_NOT_FOUND, "no longer in the database");
  pl_record_set_string (PL_RECORD (fresh), "parent-uuid", pl_record_get_uuid (PL_RECORD (demo)));
  expect_refused (store, fresh, PL_STORE_ERROR_INVALID, "“SCI.7.3” is in another framework");
  pl_record_set_string (PL_RECORD (fresh), "parent-uuid", NULL);
  pl_record_set_string (PL_RECORD (fresh), "framework-uuid", "00000000-0000-4000-8000-000000000001");
  expect_refused (store, fresh, PL_STORE_ERROR_NOT_FOUND, "no framework");

  /* The same code is fine in another framework. */
  pl_record_set_string (PL_RECORD (fresh), "framework-uuid", fw);
  pl_record_set_string (PL_RECORD (fresh), "code", "ME.1");
  g_assert_true (pl_store_save_standard (store, fresh, &error));
  g_assert_no_error (error);

  /* Moving a standard under its own descendant, or itself, is a cycle;
   * the stored one stays where it was. */
  pl_record_set_string (PL_RECORD (top), "parent-uuid", pl_record_get_uuid (PL_RECORD (leaf)));
  expect_refused (store, top, PL_STORE_ERROR_INVALID, "“ME.1” cannot go under “ME.1.a.i”");
  pl_record_set_string (PL_RECORD (top), "parent-uuid", pl_record_get_uuid (PL_RECORD (top)));
  expect_refused (store, top, PL_STORE_ERROR_INVALID, "cannot go under");
  stored = pl_store_get (store, PL_TYPE_STANDARD, pl_record_get_uuid (PL_RECORD (top)), NULL);
  g_assert_null (pl_record_get_string (PL_RECORD (stored), "parent-uuid"));

  /* An edit that keeps to the rules is saved. */
  pl_record_set_string (PL_RECORD (leaf), "parent-uuid", pl_record_get_uuid (PL_RECORD (top)));
  pl_record_set_string (PL_RECORD (leaf), "statement", "Leaf, moved up");
  g_assert_true (pl_store_save_standard (store, leaf, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = pl_store_get (store, PL_TYPE_STANDARD, pl_record_get_uuid (PL_RECORD (leaf)), NULL);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (stored), "parent-uuid"), ==, pl_record_get_uuid (PL_RECORD (top)));
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (stored), "statement"), ==, "Leaf, moved up");
}

static void
test_delete (void)
{
  g_autoptr(PlStore) store = demo_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStandard) used = by_code (store, "SCI.7.1");
  g_autoptr(PlStandard) parent = pl_store_add_standard (store, NULL, NULL, "ME.1", "Parent", &error);
  g_autoptr(PlStandard) child = pl_store_add_standard (store, NULL, pl_record_get_uuid (PL_RECORD (parent)), "ME.1.a", "Child", &error);
  g_autoptr(PlStandard) again = NULL;
  g_autoptr(GListModel) children = NULL;
  guint live = pl_store_count (store, "standard", FALSE);

  /* The demo standard is targeted by the unit, options, a criterion and
   * evidence: refused, saying so. */
  g_assert_false (pl_store_delete_standard (store, used, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "SCI.7.1 is still used by 1 unit"));
  g_assert_nonnull (strstr (error->message, "rubric criterion"));
  g_assert_nonnull (strstr (error->message, "pieces of evidence"));
  g_assert_nonnull (strstr (error->message, "prerequisite link"));
  g_assert_false (pl_record_get_deleted (PL_RECORD (used)));
  g_clear_error (&error);

  /* A standard with a standard under it. */
  g_assert_false (pl_store_delete_standard (store, parent, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "ME.1 has 1 standard under it"));
  g_clear_error (&error);
  g_assert_cmpuint (pl_store_count (store, "standard", FALSE), ==, live);

  /* A leaf nobody uses: a tombstone, gone from the lists. */
  g_assert_true (pl_store_delete_standard (store, child, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pl_store_count (store, "standard", FALSE), ==, live - 1);
  g_assert_cmpuint (pl_store_count (store, "standard", TRUE), ==, live);
  children = pl_store_list_standard_children (store, pl_store_local_framework_uuid (),
                                              pl_record_get_uuid (PL_RECORD (parent)), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, 0);

  /* Undo brings it back. */
  g_assert_true (pl_store_undelete_standard (store, child, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pl_store_count (store, "standard", FALSE), ==, live);
  again = pl_store_get (store, PL_TYPE_STANDARD, pl_record_get_uuid (PL_RECORD (child)), NULL);
  g_assert_false (pl_record_get_deleted (PL_RECORD (again)));

  /* Undo after its code was given to another: refused, nothing changed. */
  g_assert_true (pl_store_delete_standard (store, child, &error));
  {
    g_autoptr(PlStandard) taker = pl_store_add_standard (store, NULL, NULL, "ME.1.a", "Took the code", &error);
    g_assert_no_error (error);
  }
  g_assert_false (pl_store_undelete_standard (store, child, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“ME.1.a”"));
  g_clear_object (&again);
  again = pl_store_get (store, PL_TYPE_STANDARD, pl_record_get_uuid (PL_RECORD (child)), NULL);
  g_assert_true (pl_record_get_deleted (PL_RECORD (again)));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store-standards/lists", test_lists);
  g_test_add_func ("/store-standards/local-framework", test_local_framework);
  g_test_add_func ("/store-standards/checks", test_checks);
  g_test_add_func ("/store-standards/delete", test_delete);
  return g_test_run ();
}
