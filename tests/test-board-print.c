/* test-board-print.c — the board handout and the unit brief as PDF: one
 * page each, with the options, the rules sentence, the goals and the
 * milestones in the text of the PDF (read back with pdftotext)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE  /* memmem */
#include <glib/gstdio.h>
#include <string.h>

#include "core/pl-core.h"
#include "core/pl-demo.h"
#include "core/pl-store-boards.h"
#include "core/pl-store-standards.h"
#include "boards/pl-board-print.h"
#include "boards/pl-unit-print.h"

static PlStore *
demo_store (void)
{
  g_autoptr(GError) error = NULL;
  PlStore *store = pl_store_open (NULL, &error);
  PlDemoOptions options;

  pl_demo_options_init (&options);
  options.today = "2026-03-20";
  g_assert_true (pl_demo_generate (store, &options, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static char *
squash (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\r\f", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  return g_string_free (out, FALSE);
}

/* The PDF's text with runs of white space made one space, or NULL when
 * pdftotext is not installed. N_PAGES receives the page count. */
static char *
pdf_text (const char *path,
          guint      *n_pages)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { pdftotext, "-raw", path, "-", NULL };
  int status = 0;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  /* Every page of a PDF has one "/Type /Page" object. */
  *n_pages = 0;
  for (const char *p = contents; (p = memmem (p, len - (p - contents), "/Type /Page", 11)) != NULL; p++)
    *n_pages += (gsize) (p - contents) + 11 < len && p[11] != 's';
  if (pdftotext == NULL)
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return squash (out);
}

static void
assert_has (const char *text,
            const char *wanted)
{
  g_autofree char *w = squash (wanted);

  if (strstr (text, w) == NULL)
    g_error ("“%s” is not in the PDF's text:\n%s", w, text);
}

static char *
temp_pdf (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("pl-print-XXXXXX", NULL);

  return g_build_filename (dir, name, NULL);
}

/* With PL_SCREENSHOT_DIR set, the PDF is kept there, to look at. */
static void
remove_pdf (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  const char *keep = g_getenv ("PL_SCREENSHOT_DIR");

  if (keep != NULL)
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *to = g_build_filename (keep, base, NULL);
      g_autoptr(GFile) src = g_file_new_for_path (path);
      g_autoptr(GFile) dst = g_file_new_for_path (to);

      g_file_copy (src, dst, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
    }

  g_remove (path);
  g_rmdir (dir);
}

static void
test_board_handout (void)
{
  g_autoptr(PlStore) store = demo_store ();
  g_autoptr(GListModel) boards = pl_store_list (store, PL_TYPE_BOARD, NULL);
  g_autoptr(PlRecord) board = g_list_model_get_item (boards, 0);
  g_autoptr(GListModel) options = pl_store_list_board_options (store, pl_record_get_uuid (board), NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_pdf ("board.pdf");
  g_autofree char *text = NULL;
  g_autofree char *rules = pl_board_print_rules (store, PL_BOARD (board));
  guint n_pages = 0;

  /* The demo board: pick 3, three in a row, centre required. */
  g_assert_cmpstr (rules, ==, "Pick 3 options that make three in a row; the centre square is required.");
  g_assert_true (pl_board_print_to_pdf (store, pl_record_get_uuid (board), path, &error));
  g_assert_no_error (error);
  text = pdf_text (path, &n_pages);
  g_assert_cmpuint (n_pages, ==, 1);
  if (text == NULL)
    {
      remove_pdf (path);
      g_test_skip ("pdftotext is not installed: the PDF's text is not checked");
      return;
    }
  assert_has (text, pl_record_get_string (board, "title"));
  assert_has (text, rules);
  assert_has (text, "Name:");
  assert_has (text, "Required");
  g_assert_cmpuint (g_list_model_get_n_items (options), ==, 9);
  for (guint i = 0; i < g_list_model_get_n_items (options); i++)
    {
      g_autoptr(PlRecord) o = g_list_model_get_item (options, i);
      g_autofree char *minutes = g_strdup_printf ("%" G_GINT64_FORMAT " min", pl_record_get_int (o, "minutes"));

      assert_has (text, pl_record_get_string (o, "title"));
      assert_has (text, minutes);
    }
  remove_pdf (path);
}

static PlRecord *
add_option (PlStore    *store,
            const char *board,
            const char *title,
            const char *section,
            int         row)
{
  g_autoptr(GError) error = NULL;
  PlRecord *o = g_object_new (PL_TYPE_CHOICE_OPTION, NULL);

  pl_record_set_string (o, "board-uuid", board);
  pl_record_set_string (o, "title", title);
  pl_record_set_string (o, "description", "Described in plain words.");
  pl_record_set_string (o, "format", "write");
  pl_record_set_string (o, "grouping", "pair");
  pl_record_set_int (o, "minutes", 25);
  pl_record_set_string (o, "section", section);
  pl_record_set_int (o, "grid-row", row);
  g_assert_true (pl_store_save (store, o, &error));
  return o;
}

static void
test_menu_handout (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (NULL, &error);
  g_autoptr(PlRecord) board = g_object_new (PL_TYPE_BOARD, NULL);
  g_autoptr(PlRecord) a = NULL;
  g_autoptr(PlRecord) b = NULL;
  g_autoptr(PlRecord) c = NULL;
  g_autoptr(PlRecord) d = NULL;
  g_autofree char *path = temp_pdf ("menu.pdf");
  g_autofree char *text = NULL;
  g_autofree char *rules = NULL;
  guint n_pages = 0;

  pl_record_set_string (board, "title", "Ecosystems menu");
  pl_record_set_string (board, "layout", "menu");
  pl_record_set_int (board, "n-rows", 4);
  pl_record_set_int (board, "picks-required", 3);
  g_assert_true (pl_store_save (store, board, &error));
  a = add_option (store, pl_record_get_uuid (board), "Food web poster", "must", 0);
  b = add_option (store, pl_record_get_uuid (board), "Field notebook", "must", 1);
  c = add_option (store, pl_record_get_uuid (board), "Pond survey", "may", 2);
  d = add_option (store, pl_record_get_uuid (board), "Interview a ranger", "may", 3);

  rules = pl_board_print_rules (store, PL_BOARD (board));
  g_assert_cmpstr (rules, ==, "Do every must-do option, then pick 1 more from the may-do list.");
  g_assert_true (pl_board_print_to_pdf (store, pl_record_get_uuid (board), path, &error));
  g_assert_no_error (error);
  text = pdf_text (path, &n_pages);
  g_assert_cmpuint (n_pages, ==, 1);
  if (text == NULL)
    {
      remove_pdf (path);
      g_test_skip ("pdftotext is not installed: the PDF's text is not checked");
      return;
    }
  assert_has (text, rules);
  /* The must-do list comes first, then the may-do list. */
  g_assert_true (strstr (text, "Must do") < strstr (text, "May do"));
  g_assert_true (strstr (text, "Field notebook") < strstr (text, "May do"));
  g_assert_true (strstr (text, "Pond survey") > strstr (text, "May do"));
  assert_has (text, "Interview a ranger");
  assert_has (text, "write · in pairs · 25 min");
  remove_pdf (path);
}

static void
test_unit_brief (void)
{
  g_autoptr(PlStore) store = demo_store ();
  g_autoptr(GListModel) units = pl_store_list (store, PL_TYPE_UNIT, NULL);
  g_autoptr(PlRecord) unit = g_list_model_get_item (units, 0);
  g_autoptr(GListModel) milestones = pl_store_list_where (store, PL_TYPE_MILESTONE, "unit-uuid", pl_record_get_uuid (unit), NULL);
  g_autoptr(GListModel) standards = pl_store_list_unit_standards (store, pl_record_get_uuid (unit), NULL);
  g_autoptr(GListModel) options = pl_store_list (store, PL_TYPE_CHOICE_OPTION, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_pdf ("unit.pdf");
  g_autofree char *text = NULL;
  g_auto(GStrv) goals = NULL;
  guint n_pages = 0;

  g_assert_true (pl_unit_print_to_pdf (store, pl_record_get_uuid (unit), path, &error));
  g_assert_no_error (error);
  text = pdf_text (path, &n_pages);
  g_assert_cmpuint (n_pages, ==, 1);
  if (text == NULL)
    {
      remove_pdf (path);
      g_test_skip ("pdftotext is not installed: the PDF's text is not checked");
      return;
    }
  assert_has (text, pl_record_get_string (unit, "title"));
  assert_has (text, pl_record_get_string (unit, "big-idea"));
  goals = g_strsplit (pl_record_get_string (unit, "goals"), "\n", -1);
  g_assert_cmpuint (g_strv_length (goals), ==, 5);
  for (guint i = 0; goals[i] != NULL; i++)
    assert_has (text, goals[i]);
  g_assert_cmpuint (g_list_model_get_n_items (standards), ==, 6);
  for (guint i = 0; i < g_list_model_get_n_items (standards); i++)
    {
      g_autoptr(PlRecord) s = g_list_model_get_item (standards, i);
      assert_has (text, pl_record_get_string (s, "code"));
    }
  g_assert_cmpuint (g_list_model_get_n_items (milestones), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (milestones); i++)
    {
      g_autoptr(PlRecord) m = g_list_model_get_item (milestones, i);
      assert_has (text, pl_record_get_string (m, "title"));
      assert_has (text, pl_record_get_string (m, "reflection-prompt"));
    }
  assert_has (text, "must do");
  assert_has (text, "Pick 3 options that make three in a row; the centre square is required.");
  /* The board in miniature: every option's title. */
  for (guint i = 0; i < g_list_model_get_n_items (options); i++)
    {
      g_autoptr(PlRecord) o = g_list_model_get_item (options, i);
      assert_has (text, pl_record_get_string (o, "title"));
    }
  remove_pdf (path);
}

static void
test_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (NULL, &error);
  g_autofree char *path = temp_pdf ("none.pdf");

  g_assert_false (pl_board_print_to_pdf (store, "00000000-0000-4000-8000-000000000000", path, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (pl_unit_print_to_pdf (store, "00000000-0000-4000-8000-000000000000", path, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  remove_pdf (path);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/print/board-handout", test_board_handout);
  g_test_add_func ("/print/menu-handout", test_menu_handout);
  g_test_add_func ("/print/unit-brief", test_unit_brief);
  g_test_add_func ("/print/missing", test_missing);
  return g_test_run ();
}
