/* test-standards-window.c — the Standards window on a demo database:
 * import a CASE file through the preview, the tree, a standard added and
 * edited through the editor, delete and undo, a refused delete, search,
 * and a broken file that shows an error and changes nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "core/pl-demo.h"
#include "core/pl-store-standards.h"
#include "boards/pl-standard-editor.h"
#include "boards/pl-standards-window.h"

static void
iterate (void)
{
  for (int i = 0; i < 5; i++)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
}

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until CHECK holds (the worker thread reports back
 * through it), failing after ten seconds. */
#define WAIT_FOR(check) \
  G_STMT_START { \
    gboolean timed_out = FALSE; \
    guint timeout_id = g_timeout_add_seconds (10, on_timeout_cb, &timed_out); \
    while (!(check) && !timed_out) \
      g_main_context_iteration (NULL, TRUE); \
    g_assert_false (timed_out); \
    g_source_remove (timeout_id); \
    iterate (); \
  } G_STMT_END

/* With PL_SCREENSHOT_DIR set, saves WIDGET as NAME.png there, to look at. */
static void
maybe_screenshot (GtkWidget  *widget,
                  const char *name)
{
  const char *dir = g_getenv ("PL_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  if (dir == NULL)
    return;
  iterate ();
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  gdk_texture_save_to_png (texture, path);
}

typedef struct
{
  char    *dir;
  char    *db_path;
  PlStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  PlDemoOptions options;

  /* A database file, so that imports run on their own connection. */
  f->dir = g_dir_make_tmp ("pl-standards-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "test.db", NULL);
  f->store = pl_store_open (f->db_path, &error);
  g_assert_no_error (error);
  if (data != NULL)
    {
      pl_demo_options_init (&options);
      options.today = "2026-03-20";
      g_assert_true (pl_demo_generate (f->store, &options, NULL, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *wal = g_strconcat (f->db_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->db_path, "-shm", NULL);

  g_clear_object (&f->store);
  g_remove (f->db_path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
}

static PlStandardsWindow *
open_window (PlStore *store)
{
  PlStandardsWindow *window = pl_standards_window_new (NULL, store);

  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  return window;
}

static GListModel *
rows_of (PlStandardsWindow *window)
{
  return G_LIST_MODEL (gtk_list_view_get_model (pl_standards_window_get_list_view (window)));
}

/* The code (or title) of each row, one per line. */
static char *
describe_rows (PlStandardsWindow *window)
{
  GListModel *rows = rows_of (window);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      for (guint d = 0; d < gtk_tree_list_row_get_depth (row); d++)
        g_string_append (out, "  ");
      g_string_append_printf (out, "%s\n", PL_IS_FRAMEWORK (item) ? pl_record_get_string (PL_RECORD (item), "title")
                                                                  : pl_record_get_string (PL_RECORD (item), "code"));
    }
  return g_string_free (out, FALSE);
}

static PlStandard *
by_code (PlStore *store, const char *code)
{
  g_autoptr(GListModel) list = pl_store_list_where (store, PL_TYPE_STANDARD, "code", code, NULL);

  if (g_list_model_get_n_items (list) != 1)
    return NULL;
  return g_list_model_get_item (list, 0);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "case", name, NULL);
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

/* Imports PATH through the preview; returns the preview's text. */
static char *
import_through_preview (PlStandardsWindow *window,
                        gboolean           threaded,
                        const char        *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;
  char *body;

  pl_standards_window_import_file (window, file);
  /* With a database file the work runs in a thread: the window is busy. */
  if (threaded)
    g_assert_cmpstr (pl_standards_window_get_state (window), ==, "busy");
  WAIT_FOR (pl_standards_window_get_dialog (window) != NULL);
  dialog = pl_standards_window_get_dialog (window);
  maybe_screenshot (GTK_WIDGET (dialog), "standards-preview");
  body = g_strdup (adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Import"));
  adw_message_dialog_response (dialog, "import");
  WAIT_FOR (g_strcmp0 (pl_standards_window_get_state (window), "busy") != 0);
  return body;
}

static void
test_empty (Fixture *f, gconstpointer data)
{
  PlStandardsWindow *window = open_window (f->store);

  /* Nothing yet: the window says what to do. */
  maybe_screenshot (GTK_WIDGET (window), "standards-empty");
  g_assert_cmpstr (pl_standards_window_get_state (window), ==, "empty");
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), PL_TYPE_STANDARDS_WINDOW, "delete_button"))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "standards.add", NULL));
  iterate ();
  g_assert_nonnull (pl_standards_window_get_editor (window));
  gtk_window_destroy (pl_standards_window_get_editor (window));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static void
test_import_edit_delete (Fixture *f, gconstpointer data)
{
  PlStandardsWindow *window = open_window (f->store);
  g_autofree char *forces = fixture_path ("forces.json");
  g_autofree char *preview = NULL;
  g_autofree char *rows = NULL;
  g_autoptr(PlStandard) added = NULL;
  g_autoptr(PlStandard) parent = NULL;
  g_autoptr(GError) error = NULL;
  PlStandardEditor *editor;
  GtkTextBuffer *buffer;
  GtkDropDown *parents;
  GListModel *labels;
  guint n_before, fm1 = G_MAXUINT;

  /* The demo framework, open. */
  g_assert_cmpstr (pl_standards_window_get_state (window), ==, "tree");
  rows = describe_rows (window);
  g_assert_cmpstr (rows, ==, "Grade 7 Science: Matter and Energy\n  SCI.7.1\n  SCI.7.2\n  SCI.7.3\n  SCI.7.4\n  SCI.7.5\n  SCI.7.6\n");
  g_clear_pointer (&rows, g_free);

  /* Import: a dry run first, a preview with the counts, then the import;
   * the tree reloads from the store. */
  n_before = pl_store_count (f->store, "standard", FALSE);
  preview = import_through_preview (window, TRUE, forces);
  g_assert_nonnull (strstr (preview, "forces.json: 5 new, 0 updated standards in “Forces and Motion”"));
  g_assert_cmpuint (pl_store_count (f->store, "standard", FALSE), ==, n_before + 5);
  WAIT_FOR (g_list_model_get_n_items (rows_of (window)) > 7);
  rows = describe_rows (window);
  g_assert_nonnull (strstr (rows, "Forces and Motion\n  FM.1\n  FM.2\n"));
  g_clear_pointer (&rows, g_free);
  /* Right (standards.expand) opens FM.1: in tree order, with sequence
   * numbers putting FM.1.a before FM.1.b. */
  {
    g_autoptr(PlStandard) fm = by_code (f->store, "FM.1");
    g_assert_true (pl_standards_window_select (window, pl_record_get_uuid (PL_RECORD (fm))));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "standards.expand", NULL));
  iterate ();
  maybe_screenshot (GTK_WIDGET (window), "standards-tree");
  rows = describe_rows (window);
  g_assert_nonnull (strstr (rows, "Forces and Motion\n  FM.1\n    FM.1.a\n    FM.1.b\n  FM.2\n"));
  g_clear_pointer (&rows, g_free);

  /* Add a standard by hand under FM.1, through the editor. */
  {
    g_autoptr(PlStandard) sibling = by_code (f->store, "FM.1.a");
    g_assert_true (pl_standards_window_select (window, pl_record_get_uuid (PL_RECORD (sibling))));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "standards.add", NULL));
  iterate ();
  editor = PL_STANDARD_EDITOR (pl_standards_window_get_editor (window));
  g_assert_nonnull (editor);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (editor), PL_TYPE_STANDARD_EDITOR, "code_row")), "FM.1.c");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (editor), PL_TYPE_STANDARD_EDITOR, "statement_view")));
  gtk_text_buffer_set_text (buffer, "Compare the speeds of two objects from their graphs.", -1);
  parents = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (editor), PL_TYPE_STANDARD_EDITOR, "parent_dropdown"));
  labels = gtk_drop_down_get_model (parents);
  /* Beside the selected FM.1.a: under FM.1 already. */
  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (labels), i), "FM.1 — "))
      fm1 = i;
  g_assert_cmpuint (fm1, !=, G_MAXUINT);
  g_assert_cmpuint (gtk_drop_down_get_selected (parents), ==, fm1);
  g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (editor), PL_TYPE_STANDARD_EDITOR, "save_button"), "clicked");
  iterate ();
  WAIT_FOR (pl_standards_window_get_editor (window) == NULL);
  added = by_code (f->store, "FM.1.c");
  parent = by_code (f->store, "FM.1");
  g_assert_nonnull (added);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (added), "parent-uuid"), ==, pl_record_get_uuid (PL_RECORD (parent)));
  rows = describe_rows (window);
  g_assert_nonnull (strstr (rows, "  FM.1\n    FM.1.a\n    FM.1.b\n    FM.1.c\n  FM.2\n"));
  g_clear_pointer (&rows, g_free);
  {
    GtkTreeListRow *row = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (rows_of (window)));
    g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);
    g_assert_cmpstr (pl_record_get_uuid (PL_RECORD (item)), ==, pl_record_get_uuid (PL_RECORD (added)));
  }

  /* Edit it: a code already used is refused in the editor, which stays
   * open; a new statement is saved. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "standards.edit", NULL));
  iterate ();
  editor = PL_STANDARD_EDITOR (pl_standards_window_get_editor (window));
  g_assert_nonnull (editor);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (editor), PL_TYPE_STANDARD_EDITOR, "code_row")), "FM.2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  iterate ();
  maybe_screenshot (GTK_WIDGET (editor), "standard-editor-error");
  g_assert_nonnull (pl_standards_window_get_editor (window));
  g_assert_nonnull (strstr (pl_standard_editor_get_error (editor), "already has the code “FM.2”"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), PL_TYPE_STANDARD_EDITOR, "error_label"))));
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (editor), PL_TYPE_STANDARD_EDITOR, "code_row")), "FM.1.c");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (editor), PL_TYPE_STANDARD_EDITOR, "statement_view")));
  gtk_text_buffer_set_text (buffer, "Compare two speeds from a distance–time graph.", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  WAIT_FOR (pl_standards_window_get_editor (window) == NULL);
  g_clear_object (&added);
  added = by_code (f->store, "FM.1.c");
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (added), "statement"), ==, "Compare two speeds from a distance–time graph.");

  /* Delete the selected standard, then Undo (the toast's action). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "standards.delete", NULL));
  iterate ();
  g_assert_null (by_code (f->store, "FM.1.c"));
  rows = describe_rows (window);
  g_assert_null (strstr (rows, "FM.1.c"));
  g_clear_pointer (&rows, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "standards.undo-delete", "s",
                                             pl_record_get_uuid (PL_RECORD (added))));
  iterate ();
  g_clear_object (&added);
  added = by_code (f->store, "FM.1.c");
  g_assert_nonnull (added);
  rows = describe_rows (window);
  g_assert_nonnull (strstr (rows, "FM.1.c"));
  g_clear_pointer (&rows, g_free);

  /* A standard the demo unit uses cannot be deleted: the dialog says why. */
  {
    g_autoptr(PlStandard) used = by_code (f->store, "SCI.7.1");

    g_assert_true (pl_standards_window_select (window, pl_record_get_uuid (PL_RECORD (used))));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "standards.delete", NULL));
    iterate ();
    g_assert_nonnull (pl_standards_window_get_dialog (window));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (pl_standards_window_get_dialog (window)), "SCI.7.1 is still used by 1 unit"));
    adw_message_dialog_response (pl_standards_window_get_dialog (window), "close");
    iterate ();
    g_assert_nonnull (by_code (f->store, "SCI.7.1"));
  }

  /* Search as you type over codes and statements, in every framework. */
  {
    GtkEditable *search = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (window), PL_TYPE_STANDARDS_WINDOW, "search_entry"));

    gtk_editable_set_text (search, "NET FORCE");
    WAIT_FOR (g_list_model_get_n_items (rows_of (window)) == 1);
    rows = describe_rows (window);
    g_assert_cmpstr (rows, ==, "FM.2.a\n");
    g_clear_pointer (&rows, g_free);
    gtk_editable_set_text (search, "fm.1");
    WAIT_FOR (g_list_model_get_n_items (rows_of (window)) == 4);
    gtk_editable_set_text (search, "no such words anywhere");
    WAIT_FOR (g_strcmp0 (pl_standards_window_get_state (window), "no-results") == 0);
    gtk_editable_set_text (search, "");
    WAIT_FOR (g_strcmp0 (pl_standards_window_get_state (window), "tree") == 0);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static void
test_broken_file (Fixture *f, gconstpointer data)
{
  PlStandardsWindow *window = open_window (f->store);
  g_autofree char *path = fixture_path ("broken-cycle.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = dump (f->store);
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;

  pl_standards_window_import_file (window, file);
  WAIT_FOR (pl_standards_window_get_dialog (window) != NULL);
  dialog = pl_standards_window_get_dialog (window);
  maybe_screenshot (GTK_WIDGET (dialog), "standards-error");
  /* It names the file and where it is wrong; nothing changed. */
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Cannot Import “broken-cycle.json”"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken-cycle.json: CFItems["));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "is its own ancestor"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Nothing was imported"));
  g_assert_false (adw_message_dialog_has_response (dialog, "import"));
  adw_message_dialog_response (dialog, "close");
  iterate ();
  after = dump (f->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (pl_standards_window_get_state (window), ==, "tree");

  /* Cancelling the preview writes nothing either. */
  g_clear_pointer (&after, g_free);
  {
    g_autofree char *forces = fixture_path ("forces.json");
    g_autoptr(GFile) good = g_file_new_for_path (forces);

    pl_standards_window_import_file (window, good);
    WAIT_FOR (pl_standards_window_get_dialog (window) != NULL);
    adw_message_dialog_response (pl_standards_window_get_dialog (window), "cancel");
    iterate ();
    after = dump (f->store);
    g_assert_cmpstr (before, ==, after);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static void
test_shared_samples (Fixture *f, gconstpointer data)
{
  const char *dir = g_getenv ("PL_SHARED_DATA_DIR");
  g_autofree char *case_dir = dir != NULL ? g_build_filename (dir, "case", NULL) : NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n_files = 0;

  if (case_dir == NULL || (listing = g_dir_open (case_dir, 0, NULL)) == NULL)
    {
      g_test_skip ("the shared CASE samples are not beside the checkout");
      return;
    }
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (case_dir, name, NULL);
      g_autofree char *preview = NULL;
      /* The samples share one CFDocument identifier, so each gets a
       * database of its own (in memory: the import runs on the window's
       * own connection). */
      g_autoptr(PlStore) store = pl_store_open (NULL, NULL);
      PlStandardsWindow *window;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      g_test_message ("%s", name);
      window = open_window (store);
      g_assert_cmpstr (pl_standards_window_get_state (window), ==, "empty");
      preview = import_through_preview (window, FALSE, path);
      g_assert_nonnull (strstr (preview, name));
      g_assert_nonnull (strstr (preview, " new, 0 updated standards in “"));
      g_assert_cmpuint (pl_store_count (store, "standard", FALSE), >, 0);
      g_assert_cmpuint (pl_store_count (store, "framework", FALSE), ==, 1);
      WAIT_FOR (g_strcmp0 (pl_standards_window_get_state (window), "tree") == 0);
      /* The framework and its top standards are rows of the tree. */
      g_assert_cmpuint (g_list_model_get_n_items (rows_of (window)), >, 1);
      gtk_window_destroy (GTK_WINDOW (window));
      iterate ();
      n_files++;
    }
  g_assert_cmpuint (n_files, >, 0);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add ("/standards-window/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/standards-window/import-edit-delete", Fixture, "demo", fixture_set_up, test_import_edit_delete, fixture_tear_down);
  g_test_add ("/standards-window/broken-file", Fixture, "demo", fixture_set_up, test_broken_file, fixture_tear_down);
  g_test_add ("/standards-window/shared-samples", Fixture, NULL, fixture_set_up, test_shared_samples, fixture_tear_down);
  return g_test_run ();
}
