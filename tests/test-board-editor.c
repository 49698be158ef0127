/* test-board-editor.c — building a board in the real windows: create one
 * for the demo unit from the Boards view, edit an option, change the
 * rules, move an option and record a pick with the keyboard, and give the
 * board to a pilot group
 *
 * Key presses are real: xdotool types them into the X server (Xvfb) and
 * they reach the widgets the way a teacher's do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gdk/gdk.h>
#include <string.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "core/pl-demo.h"
#include "core/pl-store-boards.h"
#include "boards/pl-board-assign-dialog.h"
#include "boards/pl-board-editor.h"
#include "boards/pl-boards-page.h"
#include "pl-application.h"
#include "pl-window.h"

static void
iterate (void)
{
  for (int i = 0; i < 5; i++)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop for MS milliseconds (the page reloads 300 ms after a
 * change, key presses take a moment to come back from the X server). */
static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  iterate ();
}

static gboolean
can_type (void)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

#ifdef GDK_WINDOWING_X11
  return xdotool != NULL && GDK_IS_X11_DISPLAY (gdk_display_get_default ());
#else
  return FALSE;
#endif
}

static void
xdotool (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
}

/* Types KEYS ("alt+Right", "Return" …) into WINDOW, as a keyboard would. */
static void
press (GtkWindow  *window,
       const char *keys)
{
#ifdef GDK_WINDOWING_X11
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));

  xdotool ((const char *[]) { "windowfocus", "--sync", xid, NULL });
  wait_ms (100);
  xdotool ((const char *[]) { "key", "--clearmodifiers", keys, NULL });
  wait_ms (250);
#endif
}

static GtkWidget *
find_type (GtkWidget *root, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      /* The list keeps its own reference. */
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

static gpointer
child (gpointer widget, GType type, const char *name)
{
  GObject *o = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (o);
  return o;
}

/* The editor's button for the option with UUID. */
static GtkWidget *
editor_cell (GtkWidget *root, const char *uuid)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (g_object_get_data (G_OBJECT (root), "option-uuid"), uuid) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = editor_cell (c, uuid);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget *root, const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_checks (GtkWidget *root, GPtrArray *out)
{
  if (GTK_IS_CHECK_BUTTON (root))
    g_ptr_array_add (out, root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_checks (c, out);
}

static PlRecord *
option_in (PlStore *store, PlBoard *board, gint64 row, gint64 col)
{
  g_autoptr(GListModel) options = pl_store_list_board_options (store, pl_record_get_uuid (PL_RECORD (board)), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (options); i++)
    {
      g_autoptr(PlRecord) o = g_list_model_get_item (options, i);

      if (pl_record_get_int (o, "grid-row") == row && pl_record_get_int (o, "grid-col") == col)
        return g_steal_pointer (&o);
    }
  return NULL;
}

static guint
live_picks (PlStore *store, const char *learner, const char *option)
{
  g_autoptr(GListModel) picks = pl_store_list_where (store, PL_TYPE_PICK, "learner-uuid", learner, NULL);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (picks); i++)
    {
      g_autoptr(PlRecord) p = g_list_model_get_item (picks, i);
      n += option == NULL || g_strcmp0 (pl_record_get_string (p, "option-uuid"), option) == 0 ? 1 : 0;
    }
  return n;
}

static void
test_build_assign_and_pick (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (NULL, &error);
  g_autoptr(GSettings) settings = g_settings_new (PL_APP_ID);
  g_autoptr(PlApplication) app = pl_application_new ();
  g_autoptr(PlContext) context = NULL;
  g_autoptr(PlBoard) demo = NULL;
  g_autoptr(PlBoard) board = NULL;
  g_autoptr(GListModel) units = NULL;
  g_autoptr(GListModel) standards = NULL;
  g_autoptr(PlRecord) unit = NULL;
  g_autoptr(PlRecord) first = NULL;
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(GPtrArray) pilot = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *first_uuid = NULL;
  GtkSingleSelection *selection;
  GtkWidget *page, *list;
  GtkWindow *editor_window, *dialog_window;
  PlBoardEditor *editor;
  PlWindow *window;
  PlDemoOptions options;
  const char *classroom;

  if (!can_type ())
    {
      g_test_skip ("needs an X display and xdotool to type real keys");
      return;
    }

  pl_demo_options_init (&options);
  g_assert_true (pl_demo_generate (store, &options, NULL, &error));
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  context = pl_context_new (store, settings);
  window = pl_window_new (GTK_APPLICATION (app), context);
  gtk_window_present (GTK_WINDOW (window));
  pl_window_set_view (window, "boards");
  iterate ();
  page = find_type (GTK_WIDGET (window), PL_TYPE_BOARDS_PAGE);
  classroom = pl_record_get_uuid (PL_RECORD (pl_context_get_classroom (context)));

  /* The demo unit without its board: the view offers to create one. */
  units = pl_store_list_where (store, PL_TYPE_UNIT, "classroom-uuid", classroom, NULL);
  unit = g_list_model_get_item (units, 0);
  demo = pl_store_unit_board (store, pl_record_get_uuid (unit), NULL);
  g_assert_true (pl_store_delete (store, PL_RECORD (demo), &error));
  wait_ms (500);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (page, PL_TYPE_BOARDS_PAGE, "stack")), ==, "no-board");
  /* Nothing to edit yet: Ctrl+B opens no editor. */
  press (GTK_WINDOW (window), "ctrl+b");
  g_assert_null (find_toplevel (PL_TYPE_BOARD_EDITOR));

  /* Create Choice Board → Grid: a 3 × 3 board, and the editor opens on it. */
  g_assert_true (gtk_widget_activate_action (page, "boards.create-board", "s", "grid"));
  wait_ms (400);
  board = pl_store_unit_board (store, pl_record_get_uuid (unit), NULL);
  g_assert_nonnull (board);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (page, PL_TYPE_BOARDS_PAGE, "stack")), ==, "main");
  editor_window = find_toplevel (PL_TYPE_BOARD_EDITOR);
  g_assert_nonnull (editor_window);
  editor = PL_BOARD_EDITOR (editor_window);
  first = option_in (store, board, 0, 0);
  first_uuid = g_strdup (pl_record_get_uuid (first));
  g_assert_cmpstr (pl_board_editor_get_selected_option (editor), ==, first_uuid);

  /* Every other option gives evidence already, so the one warning is
   * about this one. */
  standards = pl_store_list_board_standards (store, pl_record_get_uuid (PL_RECORD (board)), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (standards), ==, 6);
  for (guint r = 0; r < 3; r++)
    for (guint c = 0; c < 3; c++)
      {
        g_autoptr(PlRecord) o = option_in (store, board, r, c);
        g_autoptr(PlRecord) s = g_list_model_get_item (standards, (r * 3 + c) % 6);

        if (r + c > 0)
          g_assert_true (pl_store_add_option_standard (store, pl_record_get_uuid (o), pl_record_get_uuid (s), NULL));
      }

  /* The option's title, format and standards through the side panel. */
  gtk_editable_set_text (GTK_EDITABLE (child (editor, PL_TYPE_BOARD_EDITOR, "option_title_row")), "Comic strip");
  {
    AdwComboRow *format = child (editor, PL_TYPE_BOARD_EDITOR, "format_row");
    GListModel *items = adw_combo_row_get_model (format);
    guint draw = G_MAXUINT, other;

    for (guint i = 0; i < g_list_model_get_n_items (items); i++)
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (items), i), "Draw") == 0)
        draw = i;
    g_assert_cmpuint (draw, !=, G_MAXUINT);
    adw_combo_row_set_selected (format, draw);
    iterate ();
    g_clear_object (&first);
    first = pl_store_get (store, PL_TYPE_CHOICE_OPTION, first_uuid, NULL);
    g_assert_cmpstr (pl_record_get_string (first, "title"), ==, "Comic strip");
    g_assert_cmpstr (pl_record_get_string (first, "format"), ==, "draw");

    /* "Other…" takes the teacher's own word. */
    other = g_list_model_get_n_items (items) - 1;
    adw_combo_row_set_selected (format, other);
    iterate ();
    g_assert_true (gtk_widget_get_visible (child (editor, PL_TYPE_BOARD_EDITOR, "other_format_row")));
    gtk_editable_set_text (GTK_EDITABLE (child (editor, PL_TYPE_BOARD_EDITOR, "other_format_row")), "comic");
    iterate ();
    g_clear_object (&first);
    first = pl_store_get (store, PL_TYPE_CHOICE_OPTION, first_uuid, NULL);
    g_assert_cmpstr (pl_record_get_string (first, "format"), ==, "comic");
  }
  g_assert_true (gtk_widget_get_visible (child (editor, PL_TYPE_BOARD_EDITOR, "design_label")));
  collect_checks (child (editor, PL_TYPE_BOARD_EDITOR, "standards_list"), checks);
  g_assert_cmpuint (checks->len, ==, 6);
  gtk_check_button_set_active (checks->pdata[0], TRUE);
  iterate ();
  {
    g_autoptr(GListModel) mine = pl_store_list_option_standards (store, first_uuid, NULL);

    g_assert_cmpuint (g_list_model_get_n_items (mine), ==, 1);
  }
  g_assert_false (gtk_widget_get_visible (child (editor, PL_TYPE_BOARD_EDITOR, "design_label")));

  /* Rules: a change the rules cannot take is refused and said; a bigger
   * grid with empty squares makes a design warning appear. */
  gtk_spin_button_set_value (child (editor, PL_TYPE_BOARD_EDITOR, "picks_spin"), 2);
  iterate ();
  g_assert_true (gtk_widget_get_visible (child (editor, PL_TYPE_BOARD_EDITOR, "error_label")));
  g_assert_nonnull (strstr (gtk_label_get_label (child (editor, PL_TYPE_BOARD_EDITOR, "error_label")),
                            "Three in a row needs at least 3 picks"));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (editor, PL_TYPE_BOARD_EDITOR, "picks_spin")), ==, 3);
  gtk_spin_button_set_value (child (editor, PL_TYPE_BOARD_EDITOR, "picks_spin"), 4);
  gtk_spin_button_set_value (child (editor, PL_TYPE_BOARD_EDITOR, "rows_spin"), 4);
  gtk_spin_button_set_value (child (editor, PL_TYPE_BOARD_EDITOR, "cols_spin"), 4);
  iterate ();
  g_assert_false (gtk_widget_get_visible (child (editor, PL_TYPE_BOARD_EDITOR, "error_label")));
  g_assert_true (gtk_widget_get_visible (child (editor, PL_TYPE_BOARD_EDITOR, "design_label")));
  g_assert_nonnull (strstr (gtk_label_get_label (child (editor, PL_TYPE_BOARD_EDITOR, "design_label")),
                            "The rules cannot all be met"));
  g_clear_object (&board);
  board = pl_store_unit_board (store, pl_record_get_uuid (unit), NULL);
  g_assert_cmpint (pl_record_get_int (PL_RECORD (board), "n-cols"), ==, 4);
  g_assert_cmpint (pl_record_get_int (PL_RECORD (board), "picks-required"), ==, 4);

  /* Alt+Right moves the selected option one square on, swapping. */
  gtk_widget_grab_focus (editor_cell (GTK_WIDGET (editor), first_uuid));
  press (editor_window, "alt+Right");
  {
    g_autoptr(PlRecord) there = option_in (store, board, 0, 1);
    g_autoptr(PlRecord) back = option_in (store, board, 0, 0);

    g_assert_cmpstr (pl_record_get_uuid (there), ==, first_uuid);
    g_assert_cmpstr (pl_record_get_string (back, "title"), ==, "Option 2");
    g_assert_true (gtk_widget_has_focus (editor_cell (GTK_WIDGET (editor), first_uuid)));
  }
  gtk_window_destroy (editor_window);
  wait_ms (400);

  /* Assign… a pilot group of three. */
  g_assert_true (gtk_widget_activate_action (page, "boards.assign", NULL));
  iterate ();
  dialog_window = find_toplevel (PL_TYPE_BOARD_ASSIGN_DIALOG);
  g_assert_nonnull (dialog_window);
  g_ptr_array_set_size (checks, 0);
  collect_checks (GTK_WIDGET (dialog_window), checks);
  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = checks->pdata[i];
      const char *learner = g_object_get_data (G_OBJECT (check), "learner-uuid");

      if (g_strcmp0 (gtk_check_button_get_label (check), "A _pilot group:") == 0)
        gtk_check_button_set_active (check, TRUE);
      else if (learner != NULL && pilot->len < 3 && i % 4 == 0)
        {
          gtk_check_button_set_active (check, TRUE);
          g_ptr_array_add (pilot, g_strdup (learner));
        }
    }
  g_assert_cmpuint (pilot->len, ==, 3);
  /* Its Assign button, as a click: the dialog answers and closes. */
  {
    GtkWidget *assign = find_button (GTK_WIDGET (dialog_window), "_Assign");

    g_assert_nonnull (assign);
    g_assert_true (gtk_widget_get_sensitive (assign));
    g_signal_emit_by_name (assign, "clicked");
  }
  wait_ms (400);
  g_assert_null (find_toplevel (PL_TYPE_BOARD_ASSIGN_DIALOG));
  {
    gboolean whole = TRUE;
    g_auto(GStrv) who = pl_store_board_assignees (store, pl_record_get_uuid (PL_RECORD (board)), classroom, &whole, NULL);
    GtkLabel *summary = child (page, PL_TYPE_BOARDS_PAGE, "summary_label");
    GtkDropDown *filter = child (page, PL_TYPE_BOARDS_PAGE, "filter_dropdown");

    g_assert_false (whole);
    g_assert_cmpuint (g_strv_length (who), ==, 3);
    list = GTK_WIDGET (child (page, PL_TYPE_BOARDS_PAGE, "learner_list"));
    selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 3);
    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(GtkStringObject) o = g_list_model_get_item (G_LIST_MODEL (selection), i);

        g_assert_true (g_strv_contains ((const char * const *) who, gtk_string_object_get_string (o)));
      }
    g_assert_true (g_str_has_prefix (gtk_label_get_label (summary), "Pilot group: 3 learners"));
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (filter)), 0), ==, "Pilot group");
  }

  /* A pick with the keyboard: into the learner list, choose the first
   * learner, F6 to the board, Enter on the option. */
  press (GTK_WINDOW (window), "F6");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), list));
  press (GTK_WINDOW (window), "space");
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
  {
    g_autoptr(GtkStringObject) o = gtk_single_selection_get_selected_item (selection) != NULL
                                   ? g_object_ref (gtk_single_selection_get_selected_item (selection)) : NULL;
    const char *learner = gtk_string_object_get_string (o);
    GtkWidget *focus;
    g_autoptr(PlRecord) option = NULL;
    g_autoptr(GListModel) board_options = pl_store_list_board_options (store, pl_record_get_uuid (PL_RECORD (board)), NULL);
    g_autoptr(GListModel) on_board = pl_store_list_board_picks (store, pl_record_get_uuid (PL_RECORD (board)), NULL);

    /* Nobody has picked on the new board yet. */
    g_assert_cmpuint (g_list_model_get_n_items (on_board), ==, 0);
    press (GTK_WINDOW (window), "F6");
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_true (GTK_IS_BUTTON (focus) && g_object_get_data (G_OBJECT (focus), "index") != NULL);
    option = g_list_model_get_item (board_options, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (focus), "index")) - 1);
    press (GTK_WINDOW (window), "Return");
    wait_ms (400);
    g_assert_cmpuint (live_picks (store, learner, pl_record_get_uuid (option)), ==, 1);
    /* Enter again moves the pick on. */
    press (GTK_WINDOW (window), "Return");
    {
      g_autoptr(PlPick) pick = pl_store_record_pick (store, learner, pl_record_get_uuid (option), NULL);

      g_assert_cmpstr (pl_record_get_string (PL_RECORD (pick), "status"), ==, "in-progress");
    }
    /* F6 goes back to the list, Shift+F6 to the board again. */
    press (GTK_WINDOW (window), "F6");
    g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), list));
    press (GTK_WINDOW (window), "shift+F6");
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_true (GTK_IS_BUTTON (focus) && g_object_get_data (G_OBJECT (focus), "index") != NULL);
  }

  /* Ctrl+B opens the editor on the board. */
  press (GTK_WINDOW (window), "ctrl+b");
  editor_window = find_toplevel (PL_TYPE_BOARD_EDITOR);
  g_assert_nonnull (editor_window);
  gtk_window_destroy (editor_window);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/board-editor/build-assign-and-pick", test_build_assign_and_pick);
  return g_test_run ();
}
