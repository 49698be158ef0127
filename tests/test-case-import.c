/* test-case-import.c — CASE frameworks: both layouts, the tree, links,
 * byte-exact statements, idempotent re-import, and files made to be wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "core/pl-core.h"
#include "interop/pl-case-import.h"

#define DOC "4b3c0c2e-0000-4000-8000-00000000d0c0"

static const char good_items[] =
  "\"CFItems\": ["
  " {\"identifier\": \"A\", \"humanCodingScheme\": \"SCI.1\", \"fullStatement\": \"Matter is made of particles.\"},"
  " {\"identifier\": \"B\", \"humanCodingScheme\": \"SCI.1.a\", \"fullStatement\": \"Explique el *cambio de fase* — 𝑑T/𝑑t.\"},"
  " {\"identifier\": \"C\", \"humanCodingScheme\": \"SCI.1.b\", \"fullStatement\": \"| a | b |\\n| --- | --- |\\n| 1 | 2 |\"},"
  " {\"identifier\": \"D\", \"abbreviatedStatement\": \"Models\"}"
  "],"
  "\"CFAssociations\": ["
  " {\"identifier\": \"x1\", \"associationType\": \"isChildOf\", \"originNodeURI\": {\"identifier\": \"A\"}, \"destinationNodeURI\": {\"identifier\": \"" DOC "\"}},"
  " {\"identifier\": \"x2\", \"associationType\": \"isChildOf\", \"sequenceNumber\": 2, \"originNodeURI\": {\"identifier\": \"B\"}, \"destinationNodeURI\": {\"identifier\": \"A\"}},"
  " {\"identifier\": \"x3\", \"associationType\": \"isChildOf\", \"sequenceNumber\": 1, \"originNodeURI\": {\"identifier\": \"C\"}, \"destinationNodeURI\": {\"uri\": \"https://example.org/CFItems/A\"}},"
  " {\"identifier\": \"x4\", \"associationType\": \"precedes\", \"originNodeURI\": {\"identifier\": \"B\"}, \"destinationNodeURI\": {\"identifier\": \"C\"}},"
  " {\"identifier\": \"x5\", \"associationType\": \"isPrerequisiteOf\", \"originNodeURI\": {\"identifier\": \"A\"}, \"destinationNodeURI\": {\"identifier\": \"D\"}},"
  " {\"identifier\": \"x6\", \"associationType\": \"exactMatchOf\", \"originNodeURI\": {\"identifier\": \"A\"}, \"destinationNodeURI\": {\"identifier\": \"elsewhere\"}}"
  "]";

static char *
write_temp (const char *name, const char *contents, gssize len)
{
  g_autofree char *dir = g_dir_make_tmp ("pl-case-XXXXXX", NULL);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  return path;
}

static char *
good_v10 (void)
{
  g_autofree char *json = g_strconcat ("{\"CFDocument\": {\"identifier\": \"" DOC "\", \"title\": \"Particles\", \"creator\": \"Test\"},",
                                       good_items, "}", NULL);
  return write_temp ("particles.json", json, -1);
}

static PlStandard *
standard_with_code (PlStore *store, const char *code)
{
  g_autoptr(GListModel) list = pl_store_list_where (store, PL_TYPE_STANDARD, "code", code, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  return g_list_model_get_item (list, 0);
}

static void
check_tree (PlStore *store)
{
  g_autoptr(PlStandard) a = standard_with_code (store, "SCI.1");
  g_autoptr(PlStandard) b = standard_with_code (store, "SCI.1.a");
  g_autoptr(PlStandard) c = standard_with_code (store, "SCI.1.b");
  g_autoptr(GListModel) links = pl_store_list (store, PL_TYPE_STANDARD_LINK, NULL);
  g_autoptr(GListModel) frameworks = pl_store_list (store, PL_TYPE_FRAMEWORK, NULL);

  g_assert_null (pl_record_get_string (PL_RECORD (a), "parent-uuid"));
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (b), "parent-uuid"), ==, pl_record_get_uuid (PL_RECORD (a)));
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (c), "parent-uuid"), ==, pl_record_get_uuid (PL_RECORD (a)));
  /* Sequence numbers order siblings: C (1) before B (2). */
  g_assert_cmpint (pl_record_get_int (PL_RECORD (c), "position"), ==, 0);
  g_assert_cmpint (pl_record_get_int (PL_RECORD (b), "position"), ==, 1);
  /* Statements survive byte for byte: UTF-8, Markdown. */
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (b), "statement"), ==, "Explique el *cambio de fase* — 𝑑T/𝑑t.");
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (c), "statement"), ==, "| a | b |\n| --- | --- |\n| 1 | 2 |");
  g_assert_cmpuint (pl_store_count (store, "standard", FALSE), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (frameworks), ==, 1);
}

static void
test_layout_1_0 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (NULL, &error);
  g_autofree char *path = good_v10 ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PlCaseSummary summary = { 0 };

  g_assert_true (pl_case_import_file (store, file, FALSE, &summary, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (summary.title, ==, "Particles");
  g_assert_cmpuint (summary.n_items, ==, 4);
  g_assert_cmpuint (summary.n_new, ==, 4);
  g_assert_cmpuint (summary.n_links, ==, 2);
  g_assert_cmpuint (summary.n_skipped, ==, 1);
  pl_case_summary_clear (&summary);
  check_tree (store);
}

static void
test_layout_1_1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (NULL, &error);
  g_autofree char *json = g_strconcat ("{\"CFPackage\": {\"CFDocument\": {\"identifier\": \"" DOC "\", \"title\": \"Particles\"},",
                                       good_items, "}}", NULL);
  g_autofree char *path = write_temp ("package.json", json, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (pl_case_import_file (store, file, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  check_tree (store);
}

static char *
dump (PlStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_true (pl_store_dump (store, out, NULL));
  g_output_stream_close (out, NULL, NULL);
  return g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
}

static void
test_reimport (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (NULL, &error);
  g_autofree char *path = good_v10 ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  PlCaseSummary summary = { 0 };

  g_assert_true (pl_case_import_file (store, file, FALSE, NULL, NULL, &error));
  before = dump (store);
  g_assert_true (pl_case_import_file (store, file, FALSE, &summary, NULL, &error));
  after = dump (store);
  g_assert_cmpstr (before, ==, after);       /* nothing changed, not even a clock */
  g_assert_cmpuint (summary.n_unchanged, ==, 4);
  g_assert_cmpuint (summary.n_new + summary.n_updated, ==, 0);
  pl_case_summary_clear (&summary);

  /* The publisher corrects one statement: it updates in place. */
  {
    g_autofree char *json = NULL;
    g_autofree char *text = NULL;
    g_autoptr(GString) s = NULL;

    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    s = g_string_new (text);
    g_string_replace (s, "Matter is made of particles.", "All matter is made of tiny particles.", 1);
    g_assert_true (g_file_set_contents (path, s->str, -1, NULL));
  }
  g_assert_true (pl_case_import_file (store, file, FALSE, &summary, NULL, &error));
  g_assert_cmpuint (summary.n_updated, ==, 1);
  g_assert_cmpuint (summary.n_unchanged, ==, 3);
  g_assert_cmpuint (pl_store_count (store, "standard", FALSE), ==, 4);
  pl_case_summary_clear (&summary);
}

typedef struct
{
  const char *name;
  const char *json;
  int         code;
  const char *mentions;
} Broken;

static const Broken broken[] = {
  { "not-json", "{\"CFDocument\": {", PL_CASE_ERROR_NOT_JSON, "not JSON" },
  { "array", "[1, 2, 3]", PL_CASE_ERROR_LAYOUT, "CFDocument" },
  { "no-document", "{\"CFItems\": []}", PL_CASE_ERROR_LAYOUT, "CFDocument" },
  { "doc-no-id", "{\"CFDocument\": {\"title\": \"x\"}, \"CFItems\": []}", PL_CASE_ERROR_MISSING, "CFDocument.identifier" },
  { "items-object", "{\"CFDocument\": {\"identifier\": \"d\"}, \"CFItems\": {}}", PL_CASE_ERROR_TYPE, "CFItems" },
  { "item-number", "{\"CFDocument\": {\"identifier\": \"d\"}, \"CFItems\": [42]}", PL_CASE_ERROR_TYPE, "CFItems[0]" },
  { "item-no-id", "{\"CFDocument\": {\"identifier\": \"d\"}, \"CFItems\": [{\"fullStatement\": \"s\"}]}",
    PL_CASE_ERROR_MISSING, "CFItems[0].identifier" },
  { "statement-type", "{\"CFDocument\": {\"identifier\": \"d\"}, \"CFItems\": [{\"identifier\": \"a\", \"fullStatement\": 7}]}",
    PL_CASE_ERROR_TYPE, "CFItems[0].fullStatement" },
  { "duplicate", "{\"CFDocument\": {\"identifier\": \"d\"}, \"CFItems\": [{\"identifier\": \"a\", \"fullStatement\": \"s\"},"
    " {\"identifier\": \"a\", \"fullStatement\": \"t\"}]}", PL_CASE_ERROR_DUPLICATE, "CFItems[1]" },
  { "dangling", "{\"CFDocument\": {\"identifier\": \"d\"}, \"CFItems\": [{\"identifier\": \"a\", \"fullStatement\": \"s\"}],"
    " \"CFAssociations\": [{\"associationType\": \"isChildOf\", \"originNodeURI\": {\"identifier\": \"a\"},"
    " \"destinationNodeURI\": {\"identifier\": \"ghost\"}}]}", PL_CASE_ERROR_DANGLING, "ghost" },
  { "cycle", "{\"CFDocument\": {\"identifier\": \"d\"}, \"CFItems\": [{\"identifier\": \"a\", \"fullStatement\": \"s\"},"
    " {\"identifier\": \"b\", \"fullStatement\": \"t\"}], \"CFAssociations\": ["
    " {\"associationType\": \"isChildOf\", \"originNodeURI\": {\"identifier\": \"a\"}, \"destinationNodeURI\": {\"identifier\": \"b\"}},"
    " {\"associationType\": \"isChildOf\", \"originNodeURI\": {\"identifier\": \"b\"}, \"destinationNodeURI\": {\"identifier\": \"a\"}}]}",
    PL_CASE_ERROR_CYCLE, "ancestor" },
  { "self-cycle", "{\"CFDocument\": {\"identifier\": \"d\"}, \"CFItems\": [{\"identifier\": \"a\", \"fullStatement\": \"s\"}],"
    " \"CFAssociations\": [{\"associationType\": \"isChildOf\", \"originNodeURI\": {\"identifier\": \"a\"},"
    " \"destinationNodeURI\": {\"identifier\": \"a\"}}]}", PL_CASE_ERROR_CYCLE, "“a” is its own ancestor" },
  { "unknown-child", "{\"CFDocument\": {\"identifier\": \"d\"}, \"CFItems\": [{\"identifier\": \"a\", \"fullStatement\": \"s\"}],"
    " \"CFAssociations\": [{\"associationType\": \"isChildOf\", \"originNodeURI\": {\"identifier\": \"nobody\"},"
    " \"destinationNodeURI\": {\"identifier\": \"a\"}}]}", PL_CASE_ERROR_DANGLING, "CFAssociations[0]: isChildOf starts at “nobody”" },
  { "assocs-object", "{\"CFDocument\": {\"identifier\": \"d\"}, \"CFItems\": [], \"CFAssociations\": {\"a\": 1}}",
    PL_CASE_ERROR_TYPE, "CFAssociations should be a list" },
  { "package-string", "{\"CFPackage\": \"CFDocument\"}", PL_CASE_ERROR_TYPE, "CFPackage should be an object" },
  { "package-list", "{\"CFPackage\": [{\"CFDocument\": {\"identifier\": \"d\"}}]}", PL_CASE_ERROR_TYPE,
    "CFPackage should be an object" },
  { "end-number", "{\"CFDocument\": {\"identifier\": \"d\"}, \"CFItems\": [{\"identifier\": \"a\", \"fullStatement\": \"s\"}],"
    " \"CFAssociations\": [{\"associationType\": \"isChildOf\", \"originNodeURI\": 42,"
    " \"destinationNodeURI\": {\"identifier\": \"d\"}}]}", PL_CASE_ERROR_TYPE, "CFAssociations[0].originNodeURI" },
  { "end-list", "{\"CFDocument\": {\"identifier\": \"d\"}, \"CFItems\": [{\"identifier\": \"a\", \"fullStatement\": \"s\"}],"
    " \"CFAssociations\": [{\"associationType\": \"precedes\", \"originNodeURI\": {\"identifier\": \"a\"},"
    " \"destinationNodeURI\": [\"a\"]}]}", PL_CASE_ERROR_TYPE, "CFAssociations[0].destinationNodeURI" },
  { "end-identifier-number", "{\"CFDocument\": {\"identifier\": \"d\"}, \"CFItems\": [{\"identifier\": \"a\", \"fullStatement\": \"s\"}],"
    " \"CFAssociations\": [{\"associationType\": \"isChildOf\", \"originNodeURI\": {\"identifier\": 7},"
    " \"destinationNodeURI\": {\"identifier\": \"d\"}}]}", PL_CASE_ERROR_TYPE, "CFAssociations[0].originNodeURI.identifier" },
  { "assoc-no-type", "{\"CFDocument\": {\"identifier\": \"d\"}, \"CFItems\": [], \"CFAssociations\": [{}]}",
    PL_CASE_ERROR_MISSING, "CFAssociations[0].associationType" },
};

static void
test_broken (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlStore) store = pl_store_open (NULL, &error);
      g_autofree char *file_name = g_strconcat (broken[i].name, ".json", NULL);
      g_autofree char *path = write_temp (file_name, broken[i].json, -1);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_test_message ("%s", broken[i].name);
      g_assert_false (pl_case_import_file (store, file, FALSE, NULL, NULL, &error));
      g_assert_error (error, PL_CASE_ERROR, broken[i].code);
      g_assert_nonnull (strstr (error->message, file_name));
      g_assert_nonnull (strstr (error->message, broken[i].mentions));
      g_assert_cmpuint (pl_store_count (store, "standard", TRUE), ==, 0);
      g_assert_cmpuint (pl_store_count (store, "framework", TRUE), ==, 0);
    }
}

static void
test_absurd (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (NULL, &error);
  g_autoptr(GString) deep = g_string_new ("{\"CFDocument\": {\"identifier\": \"d\"}, \"x\": ");
  g_autofree char *deep_path = NULL;
  g_autofree char *latin1_path = NULL;
  g_autoptr(GFile) deep_file = NULL;
  g_autoptr(GFile) latin1_file = NULL;
  const char latin1[] = "{\"CFDocument\": {\"identifier\": \"d\", \"title\": \"Ci\xe9ncias\"}, \"CFItems\": []}";

  for (int i = 0; i < 10000; i++)
    g_string_append_c (deep, '[');
  for (int i = 0; i < 10000; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');
  deep_path = write_temp ("deep.json", deep->str, -1);
  deep_file = g_file_new_for_path (deep_path);
  g_assert_false (pl_case_import_file (store, deep_file, FALSE, NULL, NULL, &error));
  g_assert_error (error, PL_CASE_ERROR, PL_CASE_ERROR_TOO_DEEP);
  g_clear_error (&error);

  latin1_path = write_temp ("latin1.json", latin1, -1);
  latin1_file = g_file_new_for_path (latin1_path);
  g_assert_false (pl_case_import_file (store, latin1_file, FALSE, NULL, NULL, &error));
  g_assert_error (error, PL_CASE_ERROR, PL_CASE_ERROR_NOT_JSON);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_assert_cmpuint (pl_store_count (store, "framework", TRUE), ==, 0);
}

/* A JSON file of N_ITEMS items, each a child of the one before when CHAIN,
 * and N_EXTRA_ASSOCS associations into another framework. */
static char *
generated (const char *name,
           guint       n_items,
           gboolean    chain,
           guint       n_extra_assocs)
{
  g_autoptr(GString) json = g_string_new ("{\"CFDocument\": {\"identifier\": \"d\", \"title\": \"Generated\"},\n\"CFItems\": [\n");

  for (guint i = 0; i < n_items; i++)
    g_string_append_printf (json, "%s{\"identifier\": \"i%u\", \"fullStatement\": \"Item %u\"}\n", i > 0 ? "," : "", i, i);
  g_string_append (json, "],\n\"CFAssociations\": [\n");
  for (guint i = 0; chain && i < n_items; i++)
    {
      g_autofree char *parent = i == 0 ? g_strdup ("d") : g_strdup_printf ("i%u", i - 1);

      g_string_append_printf (json, "%s{\"associationType\": \"isChildOf\", \"originNodeURI\": {\"identifier\": \"i%u\"},"
                              " \"destinationNodeURI\": {\"identifier\": \"%s\"}}\n", i > 0 ? "," : "", i, parent);
    }
  for (guint i = 0; i < n_extra_assocs; i++)
    g_string_append_printf (json, "%s{\"associationType\": \"exactMatchOf\", \"originNodeURI\": {\"identifier\": \"i0\"},"
                            " \"destinationNodeURI\": {\"identifier\": \"x%u\"}}\n", i > 0 || chain ? "," : "", i);
  g_string_append (json, "]}\n");
  return write_temp (name, json->str, -1);
}

static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (NULL, &error);
  g_autofree char *path = generated ("huge.json", 50001, FALSE, 0);
  g_autofree char *assoc_path = generated ("webbed.json", 1, FALSE, 250001);
  g_autofree char *limit_path = generated ("largest.json", 50000, FALSE, 0);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) assoc_file = g_file_new_for_path (assoc_path);
  g_autoptr(GFile) limit_file = g_file_new_for_path (limit_path);
  PlCaseSummary summary = { 0 };

  /* Refused before the file is parsed, naming the cap. */
  g_assert_false (pl_case_import_file (store, file, TRUE, NULL, NULL, &error));
  g_assert_error (error, PL_CASE_ERROR, PL_CASE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.json"));
  g_assert_nonnull (strstr (error->message, "more than 50000 items"));
  g_clear_error (&error);

  g_assert_false (pl_case_import_file (store, assoc_file, FALSE, NULL, NULL, &error));
  g_assert_error (error, PL_CASE_ERROR, PL_CASE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "250000 associations"));
  g_clear_error (&error);
  g_assert_cmpuint (pl_store_count (store, "standard", TRUE), ==, 0);

  /* At the cap, it is a framework. */
  g_assert_true (pl_case_import_file (store, limit_file, TRUE, &summary, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_items, ==, 50000);
  g_assert_cmpuint (summary.n_new, ==, 50000);
  g_assert_cmpuint (pl_store_count (store, "standard", TRUE), ==, 0);
  pl_case_summary_clear (&summary);
}

static void
test_deep_chain (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (NULL, &error);
  g_autofree char *ok_path = generated ("deepest.json", 33, TRUE, 0);
  g_autofree char *deep_path = generated ("too-deep.json", 34, TRUE, 0);
  g_autoptr(GFile) ok_file = g_file_new_for_path (ok_path);
  g_autoptr(GFile) deep_file = g_file_new_for_path (deep_path);

  /* 32 ancestors is deep but real; 33 is not. */
  g_assert_true (pl_case_import_file (store, ok_file, TRUE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (pl_case_import_file (store, deep_file, FALSE, NULL, NULL, &error));
  g_assert_error (error, PL_CASE_ERROR, PL_CASE_ERROR_TOO_DEEP);
  g_assert_nonnull (strstr (error->message, "too-deep.json: CFItems[33]: “i33” sits more than 32 levels deep"));
  g_assert_cmpuint (pl_store_count (store, "standard", TRUE), ==, 0);
}

static void
test_cycle_from_outside (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (NULL, &error);
  g_autoptr(GString) json = g_string_new ("{\"CFDocument\": {\"identifier\": \"d\"}, \"CFItems\": [");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  /* A long chain (a0 … a39) leads into the cycle c → e → c, which it is
   * not part of: a cycle, not a deep tree. */
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (json, "{\"identifier\": \"a%u\", \"fullStatement\": \"s\"},", i);
  g_string_append (json, "{\"identifier\": \"c\", \"fullStatement\": \"s\"}, {\"identifier\": \"e\", \"fullStatement\": \"s\"}],"
                   " \"CFAssociations\": [");
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *parent = i == 39 ? g_strdup ("c") : g_strdup_printf ("a%u", i + 1);

      g_string_append_printf (json, "{\"associationType\": \"isChildOf\", \"originNodeURI\": {\"identifier\": \"a%u\"},"
                              " \"destinationNodeURI\": {\"identifier\": \"%s\"}},", i, parent);
    }
  g_string_append (json, "{\"associationType\": \"isChildOf\", \"originNodeURI\": {\"identifier\": \"c\"}, \"destinationNodeURI\": {\"identifier\": \"e\"}},"
                   "{\"associationType\": \"isChildOf\", \"originNodeURI\": {\"identifier\": \"e\"}, \"destinationNodeURI\": {\"identifier\": \"c\"}}]}");
  path = write_temp ("lead-in.json", json->str, -1);
  file = g_file_new_for_path (path);

  g_assert_false (pl_case_import_file (store, file, FALSE, NULL, NULL, &error));
  g_assert_error (error, PL_CASE_ERROR, PL_CASE_ERROR_CYCLE);
  /* It names an item of the cycle, not of the chain. */
  g_assert_true (strstr (error->message, "“c” is its own ancestor") != NULL ||
                 strstr (error->message, "“e” is its own ancestor") != NULL);
  g_assert_cmpuint (pl_store_count (store, "standard", TRUE), ==, 0);
}

static PlStandard *
standard_with_source (PlStore *store, const char *source_id)
{
  g_autoptr(GListModel) list = pl_store_list_where (store, PL_TYPE_STANDARD, "source-id", source_id, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  return g_list_model_get_item (list, 0);
}

static gint64
position_of (PlStore *store, const char *source_id)
{
  g_autoptr(PlStandard) s = standard_with_source (store, source_id);

  return pl_record_get_int (PL_RECORD (s), "position");
}

static void
test_lenient (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (NULL, &error);
  static const char json[] =
    "{\"CFDocument\": {\"identifier\": \"d\", \"title\": \"Unusual\"}, \"CFItems\": ["
    " {\"identifier\": \"P\", \"humanCodingScheme\": 7, \"fullStatement\": \"Parent\"},"
    " {\"identifier\": \"Q\", \"humanCodingScheme\": 1.5, \"fullStatement\": \"Other parent\"},"
    " {\"identifier\": \"X\", \"fullStatement\": \"no number, first in the file\"},"
    " {\"identifier\": \"Y\", \"fullStatement\": \"number 2, as text\"},"
    " {\"identifier\": \"Z\", \"fullStatement\": \"number 1\"},"
    " {\"identifier\": \"W\", \"fullStatement\": \"no number, last in the file\"},"
    " {\"identifier\": \"V\", \"fullStatement\": \"a sequence that is not a number\"}"
    "], \"CFAssociations\": ["
    " {\"associationType\": \"isChildOf\", \"originNodeURI\": {\"identifier\": \"X\"}, \"destinationNodeURI\": {\"identifier\": \"P\"}},"
    " {\"associationType\": \"isChildOf\", \"sequenceNumber\": \" 2 \", \"originNodeURI\": {\"identifier\": \"Y\"}, \"destinationNodeURI\": {\"identifier\": \"P\"}},"
    " {\"associationType\": \"isChildOf\", \"sequenceNumber\": 1, \"originNodeURI\": {\"identifier\": \"Z\"}, \"destinationNodeURI\": {\"identifier\": \"P\"}},"
    " {\"associationType\": \"isChildOf\", \"originNodeURI\": {\"identifier\": \"W\"}, \"destinationNodeURI\": {\"identifier\": \"P\"}},"
    " {\"associationType\": \"isChildOf\", \"sequenceNumber\": \"third\", \"originNodeURI\": {\"identifier\": \"V\"}, \"destinationNodeURI\": {\"identifier\": \"Q\"}},"
    /* A second parent for Z: the first stays. */
    " {\"associationType\": \"isChildOf\", \"originNodeURI\": {\"identifier\": \"Z\"}, \"destinationNodeURI\": {\"identifier\": \"Q\"}},"
    /* The same parent twice is no news. */
    " {\"associationType\": \"isChildOf\", \"originNodeURI\": {\"identifier\": \"X\"}, \"destinationNodeURI\": {\"identifier\": \"P\"}}"
    "]}";
  g_autofree char *path = write_temp ("unusual.json", json, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PlStandard) p = NULL;
  g_autoptr(PlStandard) q = NULL;
  g_autoptr(PlStandard) z = NULL;
  PlCaseSummary summary = { 0 };

  g_assert_true (pl_case_import_file (store, file, FALSE, &summary, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_new, ==, 7);
  g_assert_cmpuint (summary.warnings->len, ==, 2);
  g_assert_nonnull (strstr (summary.warnings->pdata[0], "sequenceNumber is not a number"));
  g_assert_nonnull (strstr (summary.warnings->pdata[1], "CFAssociations[5]: “Z” is a child of “P” and also of “Q”"));
  pl_case_summary_clear (&summary);

  p = standard_with_source (store, "P");
  q = standard_with_source (store, "Q");
  z = standard_with_source (store, "Z");
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (p), "code"), ==, "7");
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (q), "code"), ==, "1.5");
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (z), "parent-uuid"), ==, pl_record_get_uuid (PL_RECORD (p)));

  /* Numbered first by number (Z 1, Y "2"), then the rest in file order. */
  g_assert_cmpint (position_of (store, "Z"), ==, 0);
  g_assert_cmpint (position_of (store, "Y"), ==, 1);
  g_assert_cmpint (position_of (store, "X"), ==, 2);
  g_assert_cmpint (position_of (store, "W"), ==, 3);
  g_assert_cmpint (position_of (store, "V"), ==, 0);
  g_assert_cmpint (position_of (store, "P"), ==, 0);
  g_assert_cmpint (position_of (store, "Q"), ==, 1);
}

static void
test_dry_run_counts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (NULL, &error);
  g_autofree char *path = good_v10 ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  g_autoptr(GString) s = NULL;
  PlCaseSummary summary = { 0 };

  /* The preview counts what an import would do, and writes nothing. */
  g_assert_true (pl_case_import_file (store, file, TRUE, &summary, NULL, &error));
  g_assert_cmpuint (summary.n_new, ==, 4);
  g_assert_cmpuint (summary.n_updated + summary.n_unchanged, ==, 0);
  g_assert_cmpuint (pl_store_count (store, "standard", TRUE), ==, 0);
  g_assert_cmpuint (pl_store_count (store, "framework", TRUE), ==, 0);
  pl_case_summary_clear (&summary);

  g_assert_true (pl_case_import_file (store, file, FALSE, NULL, NULL, &error));
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  s = g_string_new (text);
  g_string_replace (s, "Models", "Models and diagrams", 1);
  g_assert_true (g_file_set_contents (path, s->str, -1, NULL));
  g_assert_true (pl_case_import_file (store, file, TRUE, &summary, NULL, &error));
  g_assert_cmpuint (summary.n_new, ==, 0);
  g_assert_cmpuint (summary.n_updated, ==, 1);
  g_assert_cmpuint (summary.n_unchanged, ==, 3);
  g_assert_cmpuint (summary.warnings->len, ==, 0);
  pl_case_summary_clear (&summary);
  {
    g_autoptr(PlStandard) d = standard_with_code (store, "");
    g_assert_cmpstr (pl_record_get_string (PL_RECORD (d), "statement"), ==, "Models");
  }
}

static void
test_shared_samples (void)
{
  const char *dir = g_getenv ("PL_SHARED_DATA_DIR");
  g_autofree char *case_dir = dir != NULL ? g_build_filename (dir, "case", NULL) : NULL;
  const char *names[] = { "MarkdownFramework.json", "SmartLevelFramework.json", "Utf8TestFramework.json" };

  if (case_dir == NULL || !g_file_test (case_dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the shared CASE samples are not beside the checkout");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlStore) store = pl_store_open (NULL, &error);
      g_autofree char *path = g_build_filename (case_dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      PlCaseSummary summary = { 0 };

      g_assert_true (pl_case_import_file (store, file, FALSE, &summary, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (summary.n_items, >, 0);
      g_assert_cmpuint (pl_store_count (store, "standard", FALSE), ==, summary.n_items);
      if (i == 2)
        g_assert_cmpstr (summary.title, ==, "UTF8 𝑑 Test");
      if (i == 0)
        {
          g_autoptr(PlStandard) table = standard_with_code (store, "MD.Table");
          g_assert_nonnull (strstr (pl_record_get_string (PL_RECORD (table), "statement"), "| --- | --- |"));
        }
      pl_case_summary_clear (&summary);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/case/layout-1.0", test_layout_1_0);
  g_test_add_func ("/case/layout-1.1", test_layout_1_1);
  g_test_add_func ("/case/reimport", test_reimport);
  g_test_add_func ("/case/broken", test_broken);
  g_test_add_func ("/case/absurd", test_absurd);
  g_test_add_func ("/case/too-large", test_too_large);
  g_test_add_func ("/case/deep-chain", test_deep_chain);
  g_test_add_func ("/case/cycle-from-outside", test_cycle_from_outside);
  g_test_add_func ("/case/lenient", test_lenient);
  g_test_add_func ("/case/dry-run-counts", test_dry_run_counts);
  g_test_add_func ("/case/shared-samples", test_shared_samples);
  return g_test_run ();
}
