/* test-rubric-editor.c — the rubric editor with real key presses: moving
 * criteria and levels, ranges entered as a pair, titles saved after
 * typing, and renames that every rubric list follows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core/pl-demo.h"
#include "core/pl-store-rubrics.h"
#include "gradebook/pl-rubric-editor.h"
#include "gradebook/pl-scoring-window.h"
#include "pl-context.h"
#include "ui-keys.h"

typedef struct
{
  char           *dir;
  PlStore        *store;
  PlContext      *context;
  PlClassroom    *classroom;
  PlRubric       *rubric;
  PlRubricEditor *editor;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new (PL_APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GListModel) classes = NULL;
  PlDemoOptions options;

  f->dir = g_dir_make_tmp ("pl-rubric-editor-XXXXXX", NULL);
  path = g_build_filename (f->dir, "test.db", NULL);
  f->store = pl_store_open (path, &error);
  g_assert_no_error (error);
  pl_demo_options_init (&options);
  options.n_learners = 4;
  g_assert_true (pl_demo_generate (f->store, &options, NULL, &error));
  classes = pl_store_list (f->store, PL_TYPE_CLASSROOM, &error);
  f->classroom = g_list_model_get_item (classes, 0);
  f->context = pl_context_new (f->store, settings);
  f->rubric = pl_store_create_rubric_from_template (f->store, pl_record_get_uuid (PL_RECORD (f->classroom)),
                                                    "written-argument", &error);
  g_assert_no_error (error);
  f->editor = pl_rubric_editor_new (f->context, f->classroom);
  gtk_window_present (GTK_WINDOW (f->editor));
  pl_rubric_editor_select_rubric (f->editor, pl_record_get_uuid (PL_RECORD (f->rubric)));
  ui_keys_spin (150);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->editor));
  ui_keys_spin (30);
  g_clear_object (&f->rubric);
  g_clear_object (&f->classroom);
  g_clear_object (&f->context);
  g_clear_object (&f->store);
  g_free (f->dir);
}

static char *
uuid_at (Fixture *f, gboolean criterion, guint i)
{
  g_autoptr(GError) error = NULL;
  const char *rubric = pl_record_get_uuid (PL_RECORD (f->rubric));
  g_autoptr(GListModel) model = criterion ? pl_store_list_criteria (f->store, rubric, &error)
                                          : pl_store_list_levels (f->store, rubric, &error);
  g_autoptr(PlRecord) record = g_list_model_get_item (model, i);

  return g_strdup (pl_record_get_uuid (record));
}

static void
focus (Fixture *f, gboolean criterion, guint i)
{
  gtk_widget_grab_focus (pl_rubric_editor_get_title_entry (f->editor, criterion, i));
  ui_keys_spin (20);
}

static gboolean
focus_is_in (Fixture *f, gboolean criterion, guint i)
{
  GtkWidget *focused = gtk_root_get_focus (GTK_ROOT (f->editor));
  GtkWidget *entry = pl_rubric_editor_get_title_entry (f->editor, criterion, i);

  return focused == entry || (focused != NULL && gtk_widget_is_ancestor (focused, entry));
}

/* Alt+Down and Alt+Up in a criterion's title move it; Alt+Right and
 * Alt+Left in a level's title move the level; the focus stays with what
 * moved, so it can go on moving. */
static void
test_reorder_with_keys (Fixture *f, gconstpointer data)
{
  g_autofree char *first = uuid_at (f, TRUE, 0);
  g_autofree char *second = uuid_at (f, TRUE, 1);
  g_autofree char *level = uuid_at (f, FALSE, 0);
  g_autofree char *moved = NULL;

  if (!ui_keys_available (GTK_WINDOW (f->editor)))
    {
      g_test_skip ("needs an X11 display and xdotool");
      return;
    }
  focus (f, TRUE, 0);
  ui_keys_press (GTK_WINDOW (f->editor), "alt+Down");
  moved = uuid_at (f, TRUE, 1);
  g_assert_cmpstr (moved, ==, first);
  g_clear_pointer (&moved, g_free);
  moved = uuid_at (f, TRUE, 0);
  g_assert_cmpstr (moved, ==, second);
  g_clear_pointer (&moved, g_free);
  g_assert_true (focus_is_in (f, TRUE, 1));
  /* Again, from where the focus went: to the third place, then back up twice. */
  ui_keys_press (GTK_WINDOW (f->editor), "alt+Down");
  moved = uuid_at (f, TRUE, 2);
  g_assert_cmpstr (moved, ==, first);
  g_clear_pointer (&moved, g_free);
  ui_keys_press (GTK_WINDOW (f->editor), "alt+Up alt+Up");
  moved = uuid_at (f, TRUE, 0);
  g_assert_cmpstr (moved, ==, first);
  g_clear_pointer (&moved, g_free);
  /* Alt+Up on the first one does nothing. */
  ui_keys_press (GTK_WINDOW (f->editor), "alt+Up");
  moved = uuid_at (f, TRUE, 0);
  g_assert_cmpstr (moved, ==, first);
  g_clear_pointer (&moved, g_free);

  /* Levels, in the window: Beginning moves right twice, then left once. */
  focus (f, FALSE, 0);
  ui_keys_press (GTK_WINDOW (f->editor), "alt+Right");
  moved = uuid_at (f, FALSE, 1);
  g_assert_cmpstr (moved, ==, level);
  g_clear_pointer (&moved, g_free);
  g_assert_true (focus_is_in (f, FALSE, 1));
  ui_keys_press (GTK_WINDOW (f->editor), "alt+Right");
  moved = uuid_at (f, FALSE, 2);
  g_assert_cmpstr (moved, ==, level);
  g_clear_pointer (&moved, g_free);
  g_assert_true (focus_is_in (f, FALSE, 2));
  ui_keys_press (GTK_WINDOW (f->editor), "alt+Left");
  moved = uuid_at (f, FALSE, 1);
  g_assert_cmpstr (moved, ==, level);
  /* The grid shows the new order. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pl_rubric_editor_get_title_entry (f->editor, FALSE, 1))),
                   ==, "Beginning");
}

static guint n_criterion_changes;

static void
on_store_changed_cb (PlStore *store, const char *table, gpointer data)
{
  if (g_strcmp0 (table, "criterion") == 0)
    n_criterion_changes++;
}

/* A title is saved once, a moment after the last key, not on every key;
 * the effort warning follows each key. */
static void
test_title_saved_after_typing (Fixture *f, gconstpointer data)
{
  g_autofree char *uuid = uuid_at (f, TRUE, 0);
  g_autoptr(PlRecord) record = NULL;
  gulong id;

  if (!ui_keys_available (GTK_WINDOW (f->editor)))
    {
      g_test_skip ("needs an X11 display and xdotool");
      return;
    }
  focus (f, TRUE, 0);
  ui_keys_press (GTK_WINDOW (f->editor), "ctrl+a BackSpace");
  n_criterion_changes = 0;
  id = g_signal_connect (f->store, "changed", G_CALLBACK (on_store_changed_cb), NULL);
  ui_keys_type (GTK_WINDOW (f->editor), "Neat work");
  g_assert_nonnull (strstr (pl_rubric_editor_get_warning (f->editor, 0), "Neat"));
  ui_keys_spin (600);
  g_signal_handler_disconnect (f->store, id);
  g_assert_cmpuint (n_criterion_changes, ==, 1);
  record = pl_store_get (f->store, PL_TYPE_CRITERION, uuid, NULL);
  g_assert_cmpstr (pl_record_get_string (record, "title"), ==, "Neat work");
}

/* A range entered lowest first is not an error half-way; it is saved,
 * and its label shows it, once both ends are there. */
static void
test_range_as_a_pair (Fixture *f, gconstpointer data)
{
  g_autofree char *uuid = uuid_at (f, FALSE, 2);
  GtkSpinButton *min = pl_rubric_editor_get_level_spin (f->editor, 2, "min");
  GtkSpinButton *max = pl_rubric_editor_get_level_spin (f->editor, 2, "max");
  GtkSpinButton *points = pl_rubric_editor_get_level_spin (f->editor, 2, "points");
  g_autoptr(PlRubricLevel) level = NULL;
  double lo, hi;

  g_assert_cmpstr (pl_rubric_editor_get_range_label (f->editor, 2), ==, "Range…");
  gtk_spin_button_set_value (min, 3.5);
  ui_keys_spin (20);
  g_assert_cmpstr (pl_rubric_editor_get_range_label (f->editor, 2), ==, "Range (unfinished)");
  level = pl_store_get (f->store, PL_TYPE_RUBRIC_LEVEL, uuid, NULL);
  g_assert_false (pl_rubric_level_get_range (level, NULL, NULL));
  g_clear_object (&level);

  /* The other end: the pair is saved and the level's 3 points follow it. */
  gtk_spin_button_set_value (max, 3.9);
  ui_keys_spin (20);
  g_assert_cmpstr (pl_rubric_editor_get_range_label (f->editor, 2), ==, "Range 3.5–3.9");
  g_assert_cmpfloat (gtk_spin_button_get_value (points), ==, 3.5);
  level = pl_store_get (f->store, PL_TYPE_RUBRIC_LEVEL, uuid, NULL);
  g_assert_true (pl_rubric_level_get_range (level, &lo, &hi));
  g_assert_cmpfloat (lo, ==, 3.5);
  g_assert_cmpfloat (hi, ==, 3.9);
  g_assert_cmpfloat (pl_record_get_double (PL_RECORD (level), "points"), ==, 3.5);
  g_clear_object (&level);

  /* Both back to 0: no range. */
  gtk_spin_button_set_value (min, 0);
  gtk_spin_button_set_value (max, 0);
  ui_keys_spin (20);
  g_assert_cmpstr (pl_rubric_editor_get_range_label (f->editor, 2), ==, "Range…");
  level = pl_store_get (f->store, PL_TYPE_RUBRIC_LEVEL, uuid, NULL);
  g_assert_false (pl_rubric_level_get_range (level, NULL, NULL));
}

/* Renaming the rubric renames it in the editor's list and in an open
 * scoring window's. */
static void
test_lists_follow_renames (Fixture *f, gconstpointer data)
{
  PlScoringWindow *scoring = pl_scoring_window_new (f->context, f->classroom);
  GtkDropDown *editor_list = pl_rubric_editor_get_rubric_dropdown (f->editor);
  GtkDropDown *scoring_list = pl_scoring_window_get_rubric_dropdown (scoring);
  GListModel *titles;
  gboolean found = FALSE;

  gtk_editable_set_text (pl_rubric_editor_get_rubric_title (f->editor), "Argument, renamed");
  ui_keys_spin (20);
  titles = gtk_drop_down_get_model (editor_list);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (titles), gtk_drop_down_get_selected (editor_list)),
                   ==, "Argument, renamed");
  titles = gtk_drop_down_get_model (scoring_list);
  for (guint i = 0; i < g_list_model_get_n_items (titles); i++)
    found |= g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (titles), i), "Argument, renamed") == 0;
  g_assert_true (found);
  gtk_window_destroy (GTK_WINDOW (scoring));
}

/* A descriptor that grades effort warns on its criterion, naming the level. */
static void
test_effort_in_descriptor (Fixture *f, gconstpointer data)
{
  GtkTextBuffer *buffer = pl_rubric_editor_get_descriptor (f->editor, 1, 2);

  g_assert_nonnull (buffer);
  g_assert_cmpstr (pl_rubric_editor_get_warning (f->editor, 1), ==, "");
  gtk_text_buffer_set_text (buffer, "Always on time", -1);
  ui_keys_spin (20);
  g_assert_nonnull (strstr (pl_rubric_editor_get_warning (f->editor, 1), "descriptor of Proficient"));
  g_assert_nonnull (strstr (pl_rubric_editor_get_warning (f->editor, 1), "on time"));
  gtk_text_buffer_set_text (buffer, "Explains the claim with two pieces of evidence", -1);
  ui_keys_spin (20);
  g_assert_cmpstr (pl_rubric_editor_get_warning (f->editor, 1), ==, "");
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/rubric-editor/reorder-with-keys", test_reorder_with_keys);
  ADD ("/rubric-editor/title-saved-after-typing", test_title_saved_after_typing);
  ADD ("/rubric-editor/range-as-a-pair", test_range_as_a_pair);
  ADD ("/rubric-editor/lists-follow-renames", test_lists_follow_renames);
  ADD ("/rubric-editor/effort-in-descriptor", test_effort_in_descriptor);
#undef ADD

  return g_test_run ();
}
