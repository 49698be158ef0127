/* test-gradebook-page.c — the Gradebook view under Xvfb: the grid, methods,
 * a cell's evidence and override, the rubric editor and keyboard scoring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "core/pl-demo.h"
#include "core/pl-store-evidence.h"
#include "core/pl-store-gradebook.h"
#include "core/pl-store-learners.h"
#include "core/pl-store-rubrics.h"
#include "core/pl-store-scoring.h"
#include "gradebook/pl-evidence-popover.h"
#include "gradebook/pl-gradebook-page.h"
#include "gradebook/pl-gradebook-print.h"
#include "gradebook/pl-rubric-editor.h"
#include "gradebook/pl-scoring-window.h"
#include "gradebook/pl-standard-methods-window.h"
#include "pl-context.h"
#include "ui-keys.h"

typedef struct
{
  char            *dir;
  PlStore         *store;
  PlContext       *context;
  PlClassroom     *classroom;
  GtkWindow       *window;
  PlGradebookPage *page;
} Fixture;

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Lets a queued or running load of the grid finish. */
static void
wait_loaded (PlGradebookPage *page)
{
  spin (10);
  while (pl_gradebook_page_is_loading (page))
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new (PL_APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GListModel) classes = NULL;
  PlDemoOptions options;

  f->dir = g_dir_make_tmp ("pl-gradebook-XXXXXX", NULL);
  path = g_build_filename (f->dir, "test.db", NULL);
  f->store = pl_store_open (path, &error);
  g_assert_no_error (error);
  pl_demo_options_init (&options);
  options.today = "2026-03-20";
  g_assert_true (pl_demo_generate (f->store, &options, NULL, &error));
  g_assert_no_error (error);
  classes = pl_store_list (f->store, PL_TYPE_CLASSROOM, &error);
  f->classroom = g_list_model_get_item (classes, 0);

  g_settings_set_string (settings, "default-mastery-method", "decaying-average");
  f->context = pl_context_new (f->store, settings);
  f->page = g_object_new (PL_TYPE_GRADEBOOK_PAGE, "context", f->context, NULL);
  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, 1100, 760);
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  g_object_set (f->page, "classroom", f->classroom, NULL);
  wait_loaded (f->page);
  spin (20);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  spin (20);
  g_clear_object (&f->classroom);
  g_clear_object (&f->context);
  g_clear_object (&f->store);
  g_free (f->dir);
}

static const char *
classroom_uuid (Fixture *f)
{
  return pl_record_get_uuid (PL_RECORD (f->classroom));
}

/* The first learner × standard cell with at least two pieces of evidence. */
static gboolean
find_cell (PlGradebook *gb, guint *out_learner, guint *out_standard)
{
  for (guint i = 0; i < gb->n_learners; i++)
    for (guint j = 0; j < gb->n_standards; j++)
      if (pl_gradebook_get_cell (gb, i, j)->n_evidence >= 2)
        {
          *out_learner = i;
          *out_standard = j;
          return TRUE;
        }
  return FALSE;
}

static void
test_grid_and_methods (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  PlGradebook *gb = pl_gradebook_page_get_gradebook (f->page);
  GListModel *columns;
  guint learner = 0, standard = 0;
  double before;

  g_assert_nonnull (gb);
  g_assert_cmpuint (gb->n_learners, >=, 24);
  g_assert_cmpuint (gb->n_standards, >=, 6);
  g_assert_cmpstr (gb->class_method, ==, "decaying-average");
  /* Learner, one column per standard, the (hidden) course grade. */
  columns = gtk_column_view_get_columns (pl_gradebook_page_get_column_view (f->page));
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, gb->n_standards + 2);
  g_assert_true (find_cell (gb, &learner, &standard));
  before = pl_gradebook_get_cell (gb, learner, standard)->value;

  /* The class chooses "highest": the grid follows after the store says so. */
  g_assert_true (pl_store_set_class_method (f->store, classroom_uuid (f), "highest", 0, &error));
  wait_loaded (f->page);
  gb = pl_gradebook_page_get_gradebook (f->page);
  g_assert_cmpstr (gb->class_method, ==, "highest");
  g_assert_cmpfloat (pl_gradebook_get_cell (gb, learner, standard)->value, >=, before);

  /* One standard on its own method, through the column's menu action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "gradebook.standard-method", "s", "0|latest"));
  wait_loaded (f->page);
  gb = pl_gradebook_page_get_gradebook (f->page);
  g_assert_true (gb->standard_method_overridden[0]);
  g_assert_cmpstr (gb->standard_methods[0], ==, "latest");
  g_assert_cmpstr (gtk_column_view_column_get_title (g_list_model_get_item (columns, 1)), !=, NULL);
  g_object_unref (g_list_model_get_item (columns, 1));
}

static GtkWidget *
first_cell (GtkWidget *widget)
{
  if (gtk_widget_has_css_class (widget, "gradebook-cell") && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_cell (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
child_popover (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      return child;
  return NULL;
}

/* Clicking a cell opens its evidence; the grid reloading closes it. */
static void
test_cell_opens_evidence (Fixture *f, gconstpointer data)
{
  GtkWidget *cell = first_cell (GTK_WIDGET (pl_gradebook_page_get_column_view (f->page)));
  GtkWidget *popover;
  const char *label;

  g_assert_nonnull (cell);
  /* The reload may drop the cell's widget: keep it to look at. */
  g_object_ref (cell);
  label = gtk_button_get_label (GTK_BUTTON (cell));
  g_assert_nonnull (label);
  g_assert_cmpstr (label, !=, "");
  g_signal_emit_by_name (cell, "clicked");
  spin (50);
  popover = child_popover (cell);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  g_object_add_weak_pointer (G_OBJECT (popover), (gpointer *) &popover);

  pl_gradebook_page_reload (f->page);
  spin (100);
  /* Closed and gone with the old grid. */
  g_assert_null (popover);
  g_object_unref (cell);
}

static void
test_evidence_and_override (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  PlGradebook *gb = pl_gradebook_page_get_gradebook (f->page);
  g_autofree char *learner_uuid = NULL;
  g_autofree char *standard_uuid = NULL;
  GtkWidget *popover;
  guint learner = 0, standard = 0;

  g_assert_true (find_cell (gb, &learner, &standard));
  learner_uuid = g_strdup (gb->learner_uuids[learner]);
  standard_uuid = g_strdup (gb->standard_uuids[standard]);
  popover = pl_evidence_popover_new (f->store, gb, learner, standard);
  gtk_widget_set_parent (popover, GTK_WIDGET (f->page));
  gtk_popover_popup (GTK_POPOVER (popover));
  spin (50);
  /* The chart's text alternative lists the scores in assessed order. */
  g_assert_nonnull (strstr (pl_evidence_popover_get_trend_text (PL_EVIDENCE_POPOVER (popover)),
                            "Scores in the order they were assessed"));

  /* Never silent: no reason, no override. */
  g_assert_false (pl_evidence_popover_override (PL_EVIDENCE_POPOVER (popover), 4, "", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (pl_evidence_popover_override (PL_EVIDENCE_POPOVER (popover), 4, "Oral defence", &error));
  g_assert_no_error (error);
  gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_widget_unparent (popover);
  wait_loaded (f->page);

  gb = pl_gradebook_page_get_gradebook (f->page);
  for (guint i = 0; i < gb->n_learners; i++)
    if (g_str_equal (gb->learner_uuids[i], learner_uuid))
      for (guint j = 0; j < gb->n_standards; j++)
        if (g_str_equal (gb->standard_uuids[j], standard_uuid))
          {
            const PlGradebookCell *cell = pl_gradebook_get_cell (gb, i, j);

            g_assert_true (cell->flags & PL_GRADEBOOK_CELL_OVERRIDDEN);
            g_assert_cmpstr (cell->override_reason, ==, "Oral defence");
            g_assert_cmpfloat (cell->value, ==, 4);
          }

  /* The learner's report as a PDF. */
  {
    g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
    g_autofree char *bytes = NULL;
    gsize length;

    g_assert_true (pl_gradebook_print_report_pdf (gb, 0, pdf, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (pdf, &bytes, &length, NULL));
    g_assert_true (g_str_has_prefix (bytes, "%PDF"));
    g_unlink (pdf);
  }
}

static void
test_rubric_editor (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRubric) rubric = NULL;
  g_autoptr(GListModel) criteria = NULL;
  g_autoptr(PlRecord) first = NULL;
  g_autoptr(PlRecord) moved = NULL;
  PlRubricEditor *editor;

  rubric = pl_store_create_rubric_from_template (f->store, classroom_uuid (f), "written-argument", &error);
  g_assert_no_error (error);
  criteria = pl_store_list_criteria (f->store, pl_record_get_uuid (PL_RECORD (rubric)), &error);
  first = g_list_model_get_item (criteria, 0);
  pl_record_set_string (first, "title", "Neatness and effort");
  g_assert_true (pl_store_save (f->store, first, &error));

  editor = pl_rubric_editor_new (f->context, f->classroom);
  gtk_window_present (GTK_WINDOW (editor));
  pl_rubric_editor_select_rubric (editor, pl_record_get_uuid (PL_RECORD (rubric)));
  spin (50);
  g_assert_cmpstr (pl_rubric_editor_get_rubric_uuid (editor), ==, pl_record_get_uuid (PL_RECORD (rubric)));
  /* The effort warning names the word and why. */
  g_assert_nonnull (strstr (pl_rubric_editor_get_warning (editor, 0), "Neatness"));
  g_assert_cmpstr (pl_rubric_editor_get_warning (editor, 1), ==, "");

  /* Alt+Down on the first criterion: it becomes the second. */
  pl_rubric_editor_move_criterion (editor, 0, 1);
  spin (20);
  g_clear_object (&criteria);
  criteria = pl_store_list_criteria (f->store, pl_record_get_uuid (PL_RECORD (rubric)), &error);
  moved = g_list_model_get_item (criteria, 1);
  g_assert_cmpstr (pl_record_get_uuid (moved), ==, pl_record_get_uuid (first));
  g_assert_nonnull (strstr (pl_rubric_editor_get_warning (editor, 1), "Neatness"));

  {
    g_autofree char *pdf = g_build_filename (f->dir, "rubric.pdf", NULL);

    g_assert_true (pl_gradebook_print_rubric_pdf (f->store, pl_record_get_uuid (PL_RECORD (rubric)), pdf, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
    g_unlink (pdf);
  }
  gtk_window_destroy (GTK_WINDOW (editor));
  spin (20);
}

static void
test_keyboard_scoring (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rubrics = pl_store_list_rubrics (f->store, classroom_uuid (f), &error);
  g_autoptr(GListModel) learners = pl_store_list_class_learners (f->store, classroom_uuid (f), &error);
  g_autoptr(PlRecord) rubric = g_list_model_get_item (rubrics, 0);
  g_autoptr(PlRecord) learner = g_list_model_get_item (learners, 0);
  /* The first work the window lists for the learner. */
  g_autoptr(GArray) works = pl_store_list_scoring_work (f->store, classroom_uuid (f),
                                                        pl_record_get_uuid (learner), &error);
  const char *work_uuid = g_array_index (works, PlScoringWork, 0).uuid;
  g_autoptr(GListModel) criteria = pl_store_list_criteria (f->store, pl_record_get_uuid (rubric), &error);
  g_autoptr(PlRecord) first = g_list_model_get_item (criteria, 0);
  g_autoptr(PlRecord) second = g_list_model_get_item (criteria, 1);
  PlScoringWindow *window;
  guint before;

  window = pl_scoring_window_new (f->context, f->classroom);
  gtk_window_present (GTK_WINDOW (window));
  spin (50);
  pl_scoring_window_select (window, 0, 0);
  spin (20);
  g_assert_cmpuint (pl_scoring_window_get_current (window), ==, 0);
  /* Key 3 on the first criterion, then 2 on the next. */
  g_assert_true (pl_scoring_window_choose_level (window, 3));
  g_assert_cmpuint (pl_scoring_window_get_current (window), ==, 1);
  g_assert_true (pl_scoring_window_choose_level (window, 2));
  g_assert_cmpuint (pl_scoring_window_get_current (window), ==, 2);
  g_assert_false (pl_scoring_window_choose_level (window, 9));
  pl_scoring_window_set_comment (window, 0, "Clear claim");
  g_assert_true (pl_scoring_window_save (window, &error));
  g_assert_no_error (error);

  /* The live evidence of that pick now holds the chosen levels. */
  for (guint k = 0; k < 2; k++)
    {
      g_autoptr(GListModel) live = pl_store_list_rubric_evidence (f->store, pl_record_get_uuid (rubric),
                                                                  pl_record_get_uuid (learner),
                                                                  work_uuid, &error);
      gboolean found = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (live); i++)
        {
          g_autoptr(PlRecord) e = g_list_model_get_item (live, i);
          const char *c = pl_record_get_string (e, "criterion_uuid");

          if (k == 0 && g_strcmp0 (c, pl_record_get_uuid (first)) == 0)
            {
              g_assert_cmpfloat (pl_record_get_double (e, "score"), ==, 3);
              g_assert_cmpstr (pl_record_get_string (e, "comment"), ==, "Clear claim");
              found = TRUE;
            }
          if (k == 1 && g_strcmp0 (c, pl_record_get_uuid (second)) == 0)
            {
              g_assert_cmpfloat (pl_record_get_double (e, "score"), ==, 2);
              found = TRUE;
            }
        }
      g_assert_true (found);
    }

  /* Scoring the same work again records a correction, not an edit;
   * unchanged criteria are not written again. */
  pl_scoring_window_select (window, 0, 0);
  spin (20);
  before = pl_store_count (f->store, "evidence", TRUE);
  g_assert_true (pl_scoring_window_choose_level (window, 4));
  g_assert_true (pl_scoring_window_save (window, &error));
  g_assert_cmpuint (pl_store_count (f->store, "evidence", TRUE), ==, before + 1);
  /* Nothing changed: nothing to save, and it says so. */
  pl_scoring_window_select (window, 0, 0);
  spin (20);
  g_assert_false (pl_scoring_window_save (window, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  gtk_window_destroy (GTK_WINDOW (window));
  spin (20);
}

static guint
count_cells (GtkWidget *widget)
{
  guint n = gtk_widget_has_css_class (widget, "gradebook-cell") ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_cells (child);
  return n;
}

/* A class of 2,000 learners: the grid makes widgets for the rows in view
 * only and reuses them while scrolling, so scrolling top to bottom does
 * not grow the number of cells. */
static void
test_large_class_recycles_rows (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlClassroom) big = pl_classroom_new ();
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (PlEvidenceRow));
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) standards = pl_store_list (f->store, PL_TYPE_STANDARD, &error);
  GtkColumnView *view = pl_gradebook_page_get_column_view (f->page);
  GtkWidget *list;
  PlGradebook *gb;
  guint at_top, most = 0;

  pl_record_set_string (PL_RECORD (big), "name", "Whole school");
  g_assert_true (pl_store_begin (f->store, &error));
  g_assert_true (pl_store_save (f->store, PL_RECORD (big), &error));
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *given = g_strdup_printf ("Learner%04u", i);
      g_autoptr(PlLearner) learner = pl_store_add_learner (f->store, pl_record_get_uuid (PL_RECORD (big)),
                                                           given, "Test", &error);
      g_assert_no_error (error);
      g_ptr_array_add (uuids, g_strdup (pl_record_get_uuid (PL_RECORD (learner))));
      for (guint j = 0; j < g_list_model_get_n_items (standards); j++)
        {
          g_autoptr(PlRecord) standard = g_list_model_get_item (standards, j);
          PlEvidenceRow row = { 0 };

          row.learner_uuid = g_ptr_array_index (uuids, i);
          /* STANDARDS holds the records, so their uuids outlive ROWS. */
          row.standard_uuid = pl_record_get_uuid (standard);
          row.score = 1 + (i + j) % 4;
          row.assessed_at = "2026-03-01";
          g_array_append_val (rows, row);
        }
    }
  g_assert_true (pl_store_add_evidence (f->store, (PlEvidenceRow *) (void *) rows->data, rows->len, &error));
  g_assert_true (pl_store_commit (f->store, &error));
  g_assert_no_error (error);

  g_object_set (f->page, "classroom", big, NULL);
  wait_loaded (f->page);
  spin (50);
  gb = pl_gradebook_page_get_gradebook (f->page);
  g_assert_cmpuint (gb->n_learners, ==, 2000);

  at_top = count_cells (GTK_WIDGET (view));
  g_assert_cmpuint (at_top, >, 0);
  for (list = gtk_widget_get_first_child (GTK_WIDGET (view)); list != NULL && !GTK_IS_LIST_VIEW (list);
       list = gtk_widget_get_next_sibling (list))
    ;
  g_assert_nonnull (list);
  for (guint step = 1; step <= 10; step++)
    {
      /* Keyboard-style scrolling: the row at STEP tenths of the class. */
      guint position = MIN (gb->n_learners - 1, gb->n_learners * step / 10);

      g_assert_true (gtk_widget_activate_action (list, "list.scroll-to-item", "u", position));
      spin (30);
      most = MAX (most, count_cells (GTK_WIDGET (view)));
    }
  g_test_message ("cells at the top: %u, at most while scrolling: %u (of %u)", at_top, most,
                  gb->n_learners * gb->n_standards);
  /* Bounded by what fits on screen, not by the class. */
  g_assert_cmpuint (gb->n_standards, >=, 6);
  g_assert_cmpuint (most, <=, at_top + 10 * gb->n_standards);
  g_assert_cmpuint (most, <, gb->n_learners * gb->n_standards / 5);
}

static PlStandardMethodsWindow *
find_methods_window (void)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (PL_IS_STANDARD_METHODS_WINDOW (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return PL_STANDARD_METHODS_WINDOW (w);
    }
  return NULL;
}

static guint
method_position (const char *method)
{
  const char * const *names = pl_gradebook_method_names ();

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], method))
      return i + 1;
  g_assert_not_reached ();
}

/* Ctrl+M opens the methods of each standard; a standard gets n-mastery
 * with its own n and mastery level, and the grid follows. */
static void
test_method_per_standard (Fixture *f, gconstpointer data)
{
  PlStandardMethodsWindow *methods;
  PlGradebook *gb;
  GtkDropDown *dropdown;

  if (ui_keys_available (f->window))
    {
      gtk_widget_grab_focus (GTK_WIDGET (pl_gradebook_page_get_column_view (f->page)));
      ui_keys_press (f->window, "ctrl+m");
    }
  else
    gtk_widget_activate_action (GTK_WIDGET (f->page), "gradebook.standard-methods", NULL);
  spin (50);
  methods = find_methods_window ();
  g_assert_nonnull (methods);
  dropdown = pl_standard_methods_window_get_method (methods, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (pl_standard_methods_window_get_level (methods, 1))));

  gtk_drop_down_set_selected (dropdown, method_position ("n-mastery"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (pl_standard_methods_window_get_param (methods, 1))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (pl_standard_methods_window_get_level (methods, 1))));
  gtk_spin_button_set_value (pl_standard_methods_window_get_param (methods, 1), 2);
  gtk_spin_button_set_value (pl_standard_methods_window_get_level (methods, 1), 2.5);
  wait_loaded (f->page);
  gb = pl_gradebook_page_get_gradebook (f->page);
  g_assert_true (gb->standard_method_overridden[1]);
  g_assert_cmpstr (gb->standard_methods[1], ==, "n-mastery");
  g_assert_cmpfloat (gb->standard_params[1], ==, 2);
  g_assert_cmpfloat (gb->standard_mastery_levels[1], ==, 2.5);
  g_assert_false (gb->standard_method_overridden[0]);
  /* The column says which method, with its numbers. */
  {
    GListModel *columns = gtk_column_view_get_columns (pl_gradebook_page_get_column_view (f->page));
    g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 2);

    g_assert_nonnull (strstr (gtk_column_view_column_get_title (column), "N-mastery (2 scores at 2.5 or above)"));
  }
  /* Back to the class's method. */
  gtk_drop_down_set_selected (dropdown, 0);
  wait_loaded (f->page);
  gb = pl_gradebook_page_get_gradebook (f->page);
  g_assert_false (gb->standard_method_overridden[1]);
  /* Escape closes it. */
  if (ui_keys_available (GTK_WINDOW (methods)))
    {
      g_object_add_weak_pointer (G_OBJECT (methods), (gpointer *) &methods);
      gtk_widget_grab_focus (GTK_WIDGET (dropdown));
      ui_keys_press (GTK_WINDOW (methods), "Escape");
      spin (50);
      g_assert_null (methods);
    }
  else
    gtk_window_destroy (GTK_WINDOW (methods));
  spin (20);
}

/* The school's weight in Preferences counts for the weighted average too. */
static void
test_school_weight_for_both_averages (Fixture *f, gconstpointer data)
{
  GSettings *settings = pl_context_get_settings (f->context);
  PlGradebook *gb;
  guint learner = 0, standard = 0;
  const double *scores;
  gsize n;
  double mean = 0, expected;

  g_autoptr(GError) error = NULL;

  /* The class follows the school's default. */
  g_assert_true (pl_store_set_class_method (f->store, classroom_uuid (f), NULL, 0, &error));
  g_settings_set_int (settings, "decaying-average-weight", 80);
  g_settings_set_string (settings, "default-mastery-method", "weighted-average");
  spin (50);
  pl_gradebook_page_reload (f->page);
  gb = pl_gradebook_page_get_gradebook (f->page);
  g_assert_true (gb->class_method_is_default);
  g_assert_cmpstr (gb->class_method, ==, "weighted-average");
  g_assert_cmpfloat (gb->class_param, ==, 80);
  g_assert_true (find_cell (gb, &learner, &standard));
  pl_gradebook_get_scores (gb, learner, standard, &scores, NULL, &n);
  for (gsize i = 0; i + 1 < n; i++)
    mean += MIN (scores[i], 4) / (n - 1);
  expected = MIN (scores[n - 1], 4) * 0.8 + mean * 0.2;
  g_assert_cmpfloat_with_epsilon (pl_gradebook_get_cell (gb, learner, standard)->computed, expected, 1e-9);
  g_settings_reset (settings, "decaying-average-weight");
  g_settings_reset (settings, "default-mastery-method");
}

/* The popover names where each score came from, keeps what corrections
 * replaced behind a toggle, and lists every override with its reason. */
static void
test_popover_sources_and_history (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rubrics = pl_store_list_rubrics (f->store, classroom_uuid (f), &error);
  g_autoptr(PlRecord) rubric = g_list_model_get_item (rubrics, 0);
  g_autoptr(GListModel) criteria = pl_store_list_criteria (f->store, pl_record_get_uuid (rubric), &error);
  g_autoptr(PlRecord) criterion = g_list_model_get_item (criteria, 0);
  g_autoptr(GListModel) levels = pl_store_list_levels (f->store, pl_record_get_uuid (rubric), &error);
  g_autoptr(PlRecord) developing = g_list_model_get_item (levels, 1);
  g_autoptr(PlRecord) exceeding = g_list_model_get_item (levels, 3);
  g_autoptr(GListModel) units = pl_store_list_where (f->store, PL_TYPE_UNIT, "classroom_uuid", classroom_uuid (f), &error);
  g_autoptr(PlRecord) unit = g_list_model_get_item (units, 0);
  g_autoptr(GListModel) milestones = pl_store_list_where (f->store, PL_TYPE_MILESTONE, "unit_uuid",
                                                          pl_record_get_uuid (unit), &error);
  g_autoptr(PlRecord) milestone = g_list_model_get_item (milestones, 0);
  const char *standard_uuid = pl_record_get_string (criterion, "standard_uuid");
  PlGradebook *gb = pl_gradebook_page_get_gradebook (f->page);
  const char *learner_uuid = gb->learner_uuids[0];
  PlRubricScore first = { pl_record_get_uuid (criterion), pl_record_get_uuid (developing), NAN, "Units missing" };
  PlRubricScore fixed = { pl_record_get_uuid (criterion), pl_record_get_uuid (exceeding), NAN, NULL };
  PlEvidenceRow quiz = { .learner_uuid = learner_uuid, .standard_uuid = standard_uuid, .score = 1,
                         .assessed_at = "2026-03-18", .source = "quiz" };
  g_autoptr(PlGradeOverride) o1 = NULL;
  g_autoptr(PlGradeOverride) o2 = NULL;
  g_autofree char *text = NULL;
  g_autofree char *milestone_text = NULL;
  g_autofree char *rubric_text = NULL;
  GtkWidget *popover, *toggle;
  guint standard = G_MAXUINT;

  g_assert_true (pl_store_score_rubric (f->store, pl_record_get_uuid (rubric), learner_uuid, "milestone",
                                        pl_record_get_uuid (milestone), "2026-03-16", &first, 1, &error));
  g_assert_true (pl_store_score_rubric (f->store, pl_record_get_uuid (rubric), learner_uuid, "milestone",
                                        pl_record_get_uuid (milestone), "2026-03-16", &fixed, 1, &error));
  g_assert_true (pl_store_add_evidence (f->store, &quiz, 1, &error));
  g_assert_no_error (error);
  o1 = pl_store_set_grade_override (f->store, classroom_uuid (f), learner_uuid, standard_uuid, 2, "Oral exam", &error);
  o2 = pl_store_set_grade_override (f->store, classroom_uuid (f), learner_uuid, standard_uuid, 3, "Portfolio", &error);
  g_assert_no_error (error);
  pl_gradebook_page_reload (f->page);
  gb = pl_gradebook_page_get_gradebook (f->page);
  for (guint j = 0; j < gb->n_standards; j++)
    if (g_str_equal (gb->standard_uuids[j], standard_uuid))
      standard = j;
  g_assert_cmpuint (standard, !=, G_MAXUINT);

  popover = pl_evidence_popover_new (f->store, gb, 0, standard);
  gtk_widget_set_parent (popover, GTK_WIDGET (f->page));
  gtk_popover_popup (GTK_POPOVER (popover));
  spin (50);
  text = pl_evidence_popover_get_text (PL_EVIDENCE_POPOVER (popover));
  rubric_text = g_strdup_printf ("%s, %s", pl_record_get_string (rubric, "title"),
                                 pl_record_get_string (criterion, "title"));
  milestone_text = g_strdup_printf ("milestone: %s", pl_record_get_string (milestone, "title"));
  /* Sources by name, not by kind. */
  g_assert_nonnull (strstr (text, rubric_text));
  g_assert_nonnull (strstr (text, milestone_text));
  g_assert_nonnull (strstr (text, "· Quiz"));
  g_assert_null (strstr (text, "· quiz"));
  g_assert_null (strstr (text, "exit-ticket"));
  /* The corrected score, behind its toggle. */
  toggle = pl_evidence_popover_get_corrected_toggle (PL_EVIDENCE_POPOVER (popover));
  g_assert_nonnull (toggle);
  g_assert_false (pl_evidence_popover_corrected_shown (PL_EVIDENCE_POPOVER (popover)));
  g_assert_nonnull (strstr (text, "corrected on"));
  g_assert_nonnull (strstr (text, "to 4.0"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (toggle), TRUE);
  g_assert_true (pl_evidence_popover_corrected_shown (PL_EVIDENCE_POPOVER (popover)));
  /* Both overrides, the earlier one kept. */
  g_assert_nonnull (strstr (text, "set to 2.0 (Developing). Reason: Oral exam"));
  g_assert_nonnull (strstr (text, "set to 3.0 (Proficient). Reason: Portfolio"));
  g_assert_true (strstr (text, "Oral exam") < strstr (text, "Reason: Portfolio"));
  gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_widget_unparent (popover);
}

/* The text of a PDF, pages split by form feeds; NULL when pdftotext is
 * missing. */
static char *
pdf_text (const char *pdf)
{
  g_autofree char *tool = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };

  if (tool == NULL)
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* A rubric long enough for three pages repeats its levels on each; the
 * learner's report names the n-mastery rule that is not met yet and the
 * methods with their numbers. */
static void
test_pdf_text (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRubric) rubric = pl_store_create_rubric (f->store, classroom_uuid (f), "Long lab rubric", &error);
  g_autoptr(GListModel) levels = pl_store_list_levels (f->store, pl_record_get_uuid (PL_RECORD (rubric)), &error);
  g_autofree char *rubric_pdf = g_build_filename (f->dir, "rubric.pdf", NULL);
  g_autofree char *report_pdf = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *report = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages = 0, learner = G_MAXUINT, standard = 0;
  PlGradebook *gb;

  {
    g_autofree char *probe = g_find_program_in_path ("pdftotext");

    if (probe == NULL)
      {
        g_test_skip ("needs pdftotext (poppler-utils)");
        return;
      }
  }
  for (guint i = 0; i < 14; i++)
    {
      g_autofree char *title = g_strdup_printf ("Part%u", i + 1);
      g_autoptr(PlCriterion) c = pl_store_add_criterion (f->store, pl_record_get_uuid (PL_RECORD (rubric)),
                                                         title, NULL, &error);

      for (guint j = 0; j < g_list_model_get_n_items (levels); j++)
        {
          g_autoptr(PlRecord) l = g_list_model_get_item (levels, j);

          g_assert_true (pl_store_set_descriptor (f->store, pl_record_get_uuid (PL_RECORD (c)), pl_record_get_uuid (l),
                                                  "A descriptor long enough to wrap over several lines in its cell, "
                                                  "so that the rubric runs over more than one page of paper.",
                                                  &error));
        }
    }
  g_assert_true (pl_gradebook_print_rubric_pdf (f->store, pl_record_get_uuid (PL_RECORD (rubric)), rubric_pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (rubric_pdf);
  pages = g_strsplit (text, "\f", -1);
  for (guint p = 0; pages[p] != NULL; p++)
    {
      if (strstr (pages[p], "Part") == NULL)
        continue;
      n_pages++;
      /* The level header on every page, with its points. */
      g_assert_nonnull (strstr (pages[p], "Beginning"));
      g_assert_nonnull (strstr (pages[p], "Exceeding"));
      g_assert_nonnull (strstr (pages[p], "4 points"));
    }
  g_assert_cmpuint (n_pages, >=, 2);
  g_assert_nonnull (strstr (text, "Part14"));

  /* The report under n-mastery: a cell with evidence below the rule. */
  g_assert_true (pl_store_set_class_method_full (f->store, classroom_uuid (f), "n-mastery", 20, 4, &error));
  pl_gradebook_page_reload (f->page);
  gb = pl_gradebook_page_get_gradebook (f->page);
  for (guint i = 0; i < gb->n_learners && learner == G_MAXUINT; i++)
    for (guint j = 0; j < gb->n_standards; j++)
      if (pl_gradebook_get_cell (gb, i, j)->n_evidence > 0 &&
          !(pl_gradebook_get_cell (gb, i, j)->flags & PL_GRADEBOOK_CELL_HAS_VALUE))
        {
          learner = i;
          standard = j;
          break;
        }
  g_assert_cmpuint (learner, !=, G_MAXUINT);
  g_assert_true (pl_gradebook_print_report_pdf (gb, learner, report_pdf, &error));
  report = pdf_text (report_pdf);
  /* One line of text: lines wrapped by the page join again. */
  {
    g_autoptr(GString) flat = g_string_new (NULL);

    for (const char *p = report; *p != '\0'; p++)
      if (*p == '\n')
        {
          if (flat->len > 0 && flat->str[flat->len - 1] != '-')
            g_string_append_c (flat, ' ');
        }
      else
        g_string_append_c (flat, *p);
    g_free (report);
    report = g_string_free (g_steal_pointer (&flat), FALSE);
  }
  g_assert_nonnull (strstr (report, gb->learner_names[learner]));
  g_assert_nonnull (strstr (report, "Not yet mastered by the n-mastery rule ("));
  g_assert_nonnull (strstr (report, "N-mastery (20 scores at 4 or above)"));
  g_assert_null (strstr (report, "No evidence yet —"));
  g_assert_nonnull (strstr (report, gb->standard_codes[standard]));
  g_unlink (rubric_pdf);
  g_unlink (report_pdf);
}

static void
wait_exported (PlGradebookPage *page)
{
  while (pl_gradebook_page_is_exporting (page))
    g_main_context_iteration (NULL, TRUE);
  spin (20);
}

/* Exports run beside the window: it says so while they run, and the
 * OneRoster export says which learners lack a roster id. */
static void
test_exports_in_a_thread (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = g_build_filename (f->dir, "grades.csv", NULL);
  g_autofree char *zip = g_build_filename (f->dir, "results.zip", NULL);
  g_autofree char *text = NULL;
  const char *warning;
  g_autoptr(GListModel) toplevels = NULL;

  pl_gradebook_page_export_to (f->page, "csv", csv);
  g_assert_true (pl_gradebook_page_is_exporting (f->page));
  wait_exported (f->page);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "Learner,Learner ID,"));

  pl_gradebook_page_export_to (f->page, "oneroster-zip", zip);
  wait_exported (f->page);
  g_assert_true (g_file_test (zip, G_FILE_TEST_IS_REGULAR));
  warning = g_object_get_data (G_OBJECT (f->page), "export-warning");
  {
    PlGradebook *gb = pl_gradebook_page_get_gradebook (f->page);
    gboolean any_missing = gb->classroom_source_id == NULL;

    for (guint i = 0; i < gb->n_learners; i++)
      any_missing |= gb->learner_source_ids[i] == NULL || *gb->learner_source_ids[i] == '\0';
    g_assert_cmpint (warning != NULL, ==, any_missing);
  }
  /* The warning is a dialog on the window; close it. */
  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w))
        gtk_window_destroy (w);
    }
  g_unlink (csv);
  g_unlink (zip);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/gradebook-page/grid-and-methods", Fixture, NULL, fixture_set_up, test_grid_and_methods,
              fixture_tear_down);
  g_test_add ("/gradebook-page/cell-opens-evidence", Fixture, NULL, fixture_set_up, test_cell_opens_evidence,
              fixture_tear_down);
  g_test_add ("/gradebook-page/evidence-and-override", Fixture, NULL, fixture_set_up,
              test_evidence_and_override, fixture_tear_down);
  g_test_add ("/gradebook-page/rubric-editor", Fixture, NULL, fixture_set_up, test_rubric_editor,
              fixture_tear_down);
  g_test_add ("/gradebook-page/keyboard-scoring", Fixture, NULL, fixture_set_up, test_keyboard_scoring,
              fixture_tear_down);
  g_test_add ("/gradebook-page/method-per-standard", Fixture, NULL, fixture_set_up, test_method_per_standard,
              fixture_tear_down);
  g_test_add ("/gradebook-page/school-weight-for-both-averages", Fixture, NULL, fixture_set_up,
              test_school_weight_for_both_averages, fixture_tear_down);
  g_test_add ("/gradebook-page/popover-sources-and-history", Fixture, NULL, fixture_set_up,
              test_popover_sources_and_history, fixture_tear_down);
  g_test_add ("/gradebook-page/pdf-text", Fixture, NULL, fixture_set_up, test_pdf_text, fixture_tear_down);
  g_test_add ("/gradebook-page/exports-in-a-thread", Fixture, NULL, fixture_set_up, test_exports_in_a_thread,
              fixture_tear_down);
  g_test_add ("/gradebook-page/large-class-recycles-rows", Fixture, NULL, fixture_set_up,
              test_large_class_recycles_rows, fixture_tear_down);

  return g_test_run ();
}
