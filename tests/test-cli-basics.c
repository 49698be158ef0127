/* test-cli-basics.c — personallearn-cli demo, list, dump and check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "damage-test-util.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("pl-cli-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->db = g_build_filename (f->dir, "school.db", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* Extra environment for the next run_cli: "NAME=value" strings. */
static const char *extra_env[3];

/* Runs the CLI with ARGS (NULL-terminated) and returns its exit status. */
static int
run_cli (char       **out,
         char       **err,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *cli = g_getenv ("PL_CLI");
  int status = 0;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* Never the user's own database. */
  envp = g_environ_unsetenv (envp, "PERSONALLEARN_DB");
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  for (guint i = 0; extra_env[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (extra_env[i], "=", 2);

      envp = g_environ_setenv (envp, kv[0], kv[1], TRUE);
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &stdout_text, &stderr_text, &status, &error));
  g_assert_no_error (error);
  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return -1;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n;
}

static void
assert_one_line_error (const char *err,
                       const char *names)
{
  g_assert_cmpuint (strlen (err), >, 0);
  g_assert_cmpuint (count_lines (err), ==, 1);
  g_assert_true (g_str_has_suffix (err, "\n"));
  if (names != NULL && strstr (err, names) == NULL)
    g_error ("“%s” does not name “%s”", err, names);
}

static void
test_demo_and_list (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;

  g_assert_cmpint (run_cli (&out, &err, "--db", f->db, "demo", "--seed", "4", "--today", "2026-03-20", NULL), ==, 0);
  g_assert_cmpuint (count_lines (out), ==, 1);
  g_assert_true (g_str_has_prefix (out, "demo: 24 learners in 1 class"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "--db", f->db, "list", "learners", "--json", NULL), ==, 0);
  root = parse_json (out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 24);
  for (guint i = 0; i < 24; i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      JsonArray *classes = json_object_get_array_member (o, "classes");

      g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (o, "uuid")));
      g_assert_cmpuint (strlen (json_object_get_string_member (o, "given_name")), >, 0);
      g_assert_cmpuint (strlen (json_object_get_string_member (o, "family_name")), >, 0);
      g_assert_true (json_object_has_member (o, "preferred_name"));
      g_assert_true (json_object_has_member (o, "pronouns"));
      g_assert_cmpuint (json_array_get_length (classes), ==, 1);
      g_assert_cmpstr (json_array_get_string_element (classes, 0), ==, "Grade 7 Science");
    }
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (&out, NULL, "--db", f->db, "list", "classes", "--json", NULL), ==, 0);
  root = parse_json (out);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "name"), ==,
                   "Grade 7 Science");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 0), "n_learners"), ==, 24);
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (&out, NULL, "--db", f->db, "list", "standards", "--json", NULL), ==, 0);
  root = parse_json (out);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *code = g_strdup_printf ("SCI.7.%u", i + 1);
      JsonObject *o = json_array_get_object_element (array, i);

      g_assert_cmpstr (json_object_get_string_member (o, "code"), ==, code);
      g_assert_cmpuint (strlen (json_object_get_string_member (o, "statement")), >, 20);
    }
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&out, g_free);

  /* The readable table: a header and one line per learner. */
  g_assert_cmpint (run_cli (&out, NULL, "--db", f->db, "list", "learners", NULL), ==, 0);
  g_assert_cmpuint (count_lines (out), ==, 25);
  g_assert_nonnull (strstr (out, "Grade 7 Science"));
}

static void
test_dump_and_check (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;
  guint n;

  g_assert_cmpint (run_cli (NULL, NULL, "--db", f->db, "demo", "--today", "2026-03-20", NULL), ==, 0);
  g_assert_cmpint (run_cli (&out, &err, "--db", f->db, "dump", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  lines = g_strsplit (out, "\n", -1);
  n = g_strv_length (lines) - 1;
  g_assert_cmpuint (n, >, 1000);
  g_assert_cmpstr (lines[n], ==, "");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JsonNode) node = parse_json (lines[i]);
      JsonObject *o = json_node_get_object (node);
      const char *uuid = json_object_get_string_member (o, "uuid");

      g_assert_true (json_object_has_member (o, "table"));
      g_assert_true (json_object_has_member (o, "updated_hlc"));
      if (i > 0)
        {
          g_autoptr(JsonNode) prev = parse_json (lines[i - 1]);

          g_assert_cmpstr (json_object_get_string_member (json_node_get_object (prev), "uuid"), <=, uuid);
        }
    }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "--db", f->db, "check", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "integrity: ok"));
  g_assert_nonnull (strstr (out, "schema: "));
}

static void
test_second_demo_refused (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *before = NULL, *after = NULL, *err = NULL;

  g_assert_cmpint (run_cli (NULL, NULL, "--db", f->db, "demo", "--learners", "30", NULL), ==, 0);
  g_assert_cmpint (run_cli (&before, NULL, "--db", f->db, "dump", NULL), ==, 0);
  g_assert_cmpint (run_cli (NULL, &err, "--db", f->db, "demo", NULL), !=, 0);
  assert_one_line_error (err, f->db);
  g_assert_cmpint (run_cli (&after, NULL, "--db", f->db, "dump", NULL), ==, 0);
  g_assert_cmpstr (before, ==, after);

  /* Asked to, it adds to what is there. */
  g_clear_pointer (&after, g_free);
  g_assert_cmpint (run_cli (NULL, NULL, "--db", f->db, "demo", "--add", "--learners", "3", "--seed", "9", NULL), ==, 0);
  g_assert_cmpint (run_cli (&after, NULL, "--db", f->db, "list", "learners", "--json", NULL), ==, 0);
  {
    g_autoptr(JsonNode) root = parse_json (after);

    g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 33);
  }
}

static void
test_bad_arguments (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (NULL, &err, "--db", f->db, "demo", "--learners", "many", NULL), !=, 0);
  assert_one_line_error (err, "--learners");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &err, "--db", f->db, "demo", "--today", "2026-13-01", NULL), !=, 0);
  assert_one_line_error (err, "today");
  g_clear_pointer (&err, g_free);
  /* The refused commands created nothing. */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run_cli (NULL, &err, "--db", f->db, "list", "pets", NULL), !=, 0);
  assert_one_line_error (err, "pets");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &err, "--db", f->db, "demo", "--colour", NULL), !=, 0);
  assert_one_line_error (err, "--colour");
  g_clear_pointer (&err, g_free);

  /* Reading commands do not create a database. */
  g_assert_cmpint (run_cli (NULL, &err, "--db", f->db, "check", NULL), !=, 0);
  assert_one_line_error (err, f->db);
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

/* Without --db: $PERSONALLEARN_DB, else the user data folder. */
static void
test_default_path (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *data_home = g_build_filename (f->dir, "data", NULL);
  g_autofree char *default_db = g_build_filename (data_home, "personallearn", "personallearn.db", NULL);
  g_autofree char *env_db = g_build_filename (f->dir, "env.db", NULL);
  g_autofree char *xdg = g_strconcat ("XDG_DATA_HOME=", data_home, NULL);
  g_autofree char *named = g_strconcat ("PERSONALLEARN_DB=", env_db, NULL);
  g_autofree char *out = NULL;

  extra_env[0] = xdg;
  g_assert_cmpint (run_cli (NULL, NULL, "demo", "--learners", "5", NULL), ==, 0);
  g_assert_true (g_file_test (default_db, G_FILE_TEST_IS_REGULAR));

  extra_env[1] = named;
  g_assert_cmpint (run_cli (NULL, NULL, "demo", "--learners", "7", NULL), ==, 0);
  g_assert_true (g_file_test (env_db, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (run_cli (&out, NULL, "list", "learners", "--json", NULL), ==, 0);
  {
    g_autoptr(JsonNode) root = parse_json (out);

    g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 7);
  }
  g_clear_pointer (&out, g_free);

  /* --db wins over both. */
  g_assert_cmpint (run_cli (&out, NULL, "--db", default_db, "list", "learners", "--json", NULL), ==, 0);
  {
    g_autoptr(JsonNode) root = parse_json (out);

    g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 5);
  }
  extra_env[0] = extra_env[1] = NULL;
}

/* A file that is not ours is refused by every command and left as it was. */
static void
test_foreign_file (Fixture       *f,
                   gconstpointer  data)
{
  static const char content[] = "given_name,family_name\nAmara,Okafor\n";
  g_autofree char *path = g_build_filename (f->dir, "roster.csv", NULL);
  const char *commands[][4] = {
    { "demo", NULL },
    { "list", "learners", NULL },
    { "list", "classes", "--json", NULL },
    { "dump", NULL },
    { "check", NULL },
  };

  g_assert_true (g_file_set_contents (path, content, -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL, *err = NULL, *after = NULL;
      gsize len = 0;

      g_assert_cmpint (run_cli (&out, &err, "--db", path, commands[i][0], commands[i][1],
                                commands[i][1] != NULL ? commands[i][2] : NULL, NULL), !=, 0);
      assert_one_line_error (err, path);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_file_get_contents (path, &after, &len, NULL));
      g_assert_cmpuint (len, ==, strlen (content));
      g_assert_cmpstr (after, ==, content);
    }
  /* No journal or side file was left next to it either. */
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *journal = g_strconcat (path, "-journal", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  }
}

/* A database whose data pages are damaged (header and schema intact):
 * every command that reads it says so in one line and fails, and the file
 * stays as it was — even "list learners", whose own pages are sound. */
static void
test_damaged_file (Fixture       *f,
                   gconstpointer  data)
{
  const char *commands[][4] = {
    { "list", "learners", NULL },
    { "list", "classes", "--json", NULL },
    { "dump", NULL },
    { "export-bundle", "out.plbundle", NULL },
    { "demo", "--add", NULL },
  };
  g_autofree char *before = NULL;
  gsize before_len = 0;

  damage_test_make_file (f->db);
  g_assert_true (g_file_get_contents (f->db, &before, &before_len, NULL));
  /* Without the check the damage goes unseen by this command. */
  {
    g_autoptr(PlStore) store = pl_store_open (f->db, NULL);
    g_autoptr(GListModel) learners = pl_store_list (store, PL_TYPE_LEARNER, NULL);

    g_assert_cmpuint (g_list_model_get_n_items (learners), ==, 24);
  }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL, *err = NULL, *after = NULL;
      gsize len = 0;

      g_assert_cmpint (run_cli (&out, &err, "--db", f->db, commands[i][0], commands[i][1],
                                commands[i][1] != NULL ? commands[i][2] : NULL, NULL), ==, 1);
      assert_one_line_error (err, f->db);
      g_assert_nonnull (strstr (err, "damaged"));
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_file_get_contents (f->db, &after, &len, NULL));
      g_assert_cmpuint (len, ==, before_len);
      g_assert_true (memcmp (after, before, len) == 0);
    }
  /* "check" reports what it finds and fails. */
  {
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_cli (&out, &err, "--db", f->db, "check", NULL), ==, 1);
    g_assert_nonnull (strstr (out, "integrity: FAILED"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("PL_CLI") == NULL)
    {
      g_printerr ("PL_CLI is not set\n");
      return 1;
    }

  g_test_add ("/cli/demo-and-list", Fixture, NULL, fixture_set_up, test_demo_and_list, fixture_tear_down);
  g_test_add ("/cli/dump-and-check", Fixture, NULL, fixture_set_up, test_dump_and_check, fixture_tear_down);
  g_test_add ("/cli/second-demo-refused", Fixture, NULL, fixture_set_up, test_second_demo_refused, fixture_tear_down);
  g_test_add ("/cli/bad-arguments", Fixture, NULL, fixture_set_up, test_bad_arguments, fixture_tear_down);
  g_test_add ("/cli/default-path", Fixture, NULL, fixture_set_up, test_default_path, fixture_tear_down);
  g_test_add ("/cli/foreign-file", Fixture, NULL, fixture_set_up, test_foreign_file, fixture_tear_down);
  g_test_add ("/cli/damaged-file", Fixture, NULL, fixture_set_up, test_damaged_file, fixture_tear_down);

  return g_test_run ();
}
