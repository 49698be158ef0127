/* test-scoring-keys.c — scoring a class from the keyboard, with key presses
 * that reach the window through the X server as a teacher's do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "core/pl-demo.h"
#include "core/pl-store-learners.h"
#include "core/pl-store-rubrics.h"
#include "core/pl-store-scoring.h"
#include "gradebook/pl-scoring-window.h"
#include "pl-context.h"
#include "ui-keys.h"

typedef struct
{
  char        *dir;
  PlStore     *store;
  PlContext   *context;
  PlClassroom *classroom;
  PlRecord    *rubric;
  GListModel  *criteria;
  GListModel  *levels;
  GListModel  *learners;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new (PL_APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GListModel) classes = NULL;
  g_autoptr(GListModel) rubrics = NULL;
  PlDemoOptions options;

  f->dir = g_dir_make_tmp ("pl-scoring-XXXXXX", NULL);
  path = g_build_filename (f->dir, "test.db", NULL);
  f->store = pl_store_open (path, &error);
  g_assert_no_error (error);
  pl_demo_options_init (&options);
  options.today = "2026-03-20";
  g_assert_true (pl_demo_generate (f->store, &options, NULL, &error));
  classes = pl_store_list (f->store, PL_TYPE_CLASSROOM, &error);
  f->classroom = g_list_model_get_item (classes, 0);
  f->context = pl_context_new (f->store, settings);
  rubrics = pl_store_list_rubrics (f->store, pl_record_get_uuid (PL_RECORD (f->classroom)), &error);
  f->rubric = g_list_model_get_item (rubrics, 0);
  f->criteria = pl_store_list_criteria (f->store, pl_record_get_uuid (f->rubric), &error);
  f->levels = pl_store_list_levels (f->store, pl_record_get_uuid (f->rubric), &error);
  f->learners = pl_store_list_class_learners (f->store, pl_record_get_uuid (PL_RECORD (f->classroom)), &error);
  g_assert_cmpuint (g_list_model_get_n_items (f->criteria), >=, 3);
  g_assert_cmpuint (g_list_model_get_n_items (f->levels), ==, 4);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->criteria);
  g_clear_object (&f->levels);
  g_clear_object (&f->learners);
  g_clear_object (&f->rubric);
  g_clear_object (&f->classroom);
  g_clear_object (&f->context);
  g_clear_object (&f->store);
  g_free (f->dir);
}

static PlScoringWindow *
open_window (Fixture *f)
{
  PlScoringWindow *window = pl_scoring_window_new (f->context, f->classroom);

  gtk_window_present (GTK_WINDOW (window));
  ui_keys_spin (150);
  return window;
}

static void
close_window (PlScoringWindow *window)
{
  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  ui_keys_spin (30);
}

static const char *
learner_uuid (Fixture *f, guint i)
{
  g_autoptr(PlRecord) learner = g_list_model_get_item (f->learners, i);

  return pl_record_get_uuid (learner);   /* the model keeps it */
}

/* The live score and comment of LEARNER on criterion C for the work of
 * WORK_KEY (the milestone). */
static double
live_score (Fixture     *f,
            guint        learner,
            guint        c,
            const char  *work_key,
            char       **out_comment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) criterion = g_list_model_get_item (f->criteria, c);
  g_autoptr(GListModel) live = pl_store_list_rubric_evidence (f->store, pl_record_get_uuid (f->rubric),
                                                              learner_uuid (f, learner), work_key, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (live); i++)
    {
      g_autoptr(PlRecord) e = g_list_model_get_item (live, i);

      if (g_strcmp0 (pl_record_get_string (e, "criterion_uuid"), pl_record_get_uuid (criterion)) == 0)
        {
          if (out_comment != NULL)
            *out_comment = g_strdup (pl_record_get_string (e, "comment"));
          return pl_record_get_double (e, "score");
        }
    }
  return NAN;
}

static double
level_points (Fixture *f, guint number)
{
  g_autoptr(PlRecord) level = g_list_model_get_item (f->levels, number - 1);

  return pl_record_get_double (level, "points");
}

/* The first milestone in the learner's list of work. */
static guint
milestone_index (Fixture *f, guint learner)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) works = pl_store_list_scoring_work (f->store, pl_record_get_uuid (PL_RECORD (f->classroom)),
                                                        learner_uuid (f, learner), &error);

  for (guint i = 0; i < works->len; i++)
    if (g_str_equal (g_array_index (works, PlScoringWork, i).source, "milestone"))
      return i;
  g_assert_not_reached ();
}

static GtkWindow *
find_dialog (GtkWindow *parent)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

/* Three learners in a row on one milestone, from the keyboard alone: the
 * level keys, a comment and the way back out of it, Ctrl+Return to the
 * next learner with the same work, and Escape that asks before throwing
 * unsaved levels away. */
static void
test_three_learners (Fixture *f, gconstpointer data)
{
  PlScoringWindow *window = open_window (f);
  guint n = g_list_model_get_n_items (f->criteria);
  g_autofree char *work_key = NULL;
  g_autoptr(GString) keys = g_string_new (NULL);
  g_autofree char *comment = NULL;
  guint before;
  GtkWindow *dialog;

  if (!ui_keys_available (GTK_WINDOW (window)))
    {
      close_window (window);
      g_test_skip ("needs an X11 display and xdotool");
      return;
    }
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  pl_scoring_window_select (window, 0, milestone_index (f, 0));
  ui_keys_spin (30);
  work_key = g_strdup (pl_scoring_window_get_work_key (window));

  /* Learner 1: 3 on the first criterion; Return opens the second's
   * comment, where digits are text; Escape goes back to the criterion and
   * 2 scores it; 4 for the rest. */
  ui_keys_press (GTK_WINDOW (window), "3 Return");
  ui_keys_type (GTK_WINDOW (window), "Fair test 12");
  ui_keys_press (GTK_WINDOW (window), "Escape 2");
  for (guint c = 2; c < n; c++)
    ui_keys_press (GTK_WINDOW (window), "4");
  ui_keys_press (GTK_WINDOW (window), "ctrl+Return");
  g_assert_nonnull (window);
  g_assert_cmpfloat (live_score (f, 0, 0, work_key, NULL), ==, level_points (f, 3));
  g_assert_cmpfloat (live_score (f, 0, 1, work_key, &comment), ==, level_points (f, 2));
  g_assert_cmpstr (comment, ==, "Fair test 12");
  g_clear_pointer (&comment, g_free);
  for (guint c = 2; c < n; c++)
    g_assert_cmpfloat (live_score (f, 0, c, work_key, NULL), ==, level_points (f, 4));
  /* The next learner, on the same milestone. */
  g_assert_cmpstr (pl_scoring_window_get_work_key (window), ==, work_key);

  /* Learner 2: Return on the first criterion opens its comment; Tab goes
   * on to the next criterion, where 1 scores it. */
  ui_keys_press (GTK_WINDOW (window), "Return");
  ui_keys_type (GTK_WINDOW (window), "Labels 3 4");
  ui_keys_press (GTK_WINDOW (window), "Tab 1");
  for (guint c = 2; c < n; c++)
    ui_keys_press (GTK_WINDOW (window), "3");
  ui_keys_press (GTK_WINDOW (window), "ctrl+Return");
  g_assert_cmpfloat (live_score (f, 1, 1, work_key, NULL), ==, level_points (f, 1));
  for (guint c = 2; c < n; c++)
    g_assert_cmpfloat (live_score (f, 1, c, work_key, NULL), ==, level_points (f, 3));
  g_assert_cmpstr (pl_scoring_window_get_work_key (window), ==, work_key);

  /* Learner 3: a row of keys. */
  for (guint c = 0; c < n; c++)
    g_string_append (keys, "2 ");
  g_string_append (keys, "ctrl+Return");
  ui_keys_press (GTK_WINDOW (window), keys->str);
  for (guint c = 0; c < n; c++)
    g_assert_cmpfloat (live_score (f, 2, c, work_key, NULL), ==, level_points (f, 2));
  g_assert_cmpstr (pl_scoring_window_get_work_key (window), ==, work_key);
  /* The comments just saved are in the bank for the next learner. */
  g_assert_true (g_strv_contains ((const char * const *) pl_scoring_window_get_bank (window), "Fair test 12"));

  /* Learner 4: one level chosen, then Escape: the window asks, and
   * keeping on scoring keeps the window and writes nothing. */
  before = pl_store_count (f->store, "evidence", TRUE);
  ui_keys_press (GTK_WINDOW (window), "1");
  g_assert_true (pl_scoring_window_has_unsaved (window));
  ui_keys_press (GTK_WINDOW (window), "Escape");
  dialog = find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_nonnull (window);
  ui_keys_press (dialog, "Escape");
  g_assert_null (find_dialog (GTK_WINDOW (window)));
  g_assert_nonnull (window);
  g_assert_true (pl_scoring_window_has_unsaved (window));
  /* Escape again, and discard: the window closes, nothing is written. */
  ui_keys_press (GTK_WINDOW (window), "Escape");
  dialog = find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  ui_keys_spin (100);
  g_assert_null (window);
  g_assert_cmpuint (pl_store_count (f->store, "evidence", TRUE), ==, before);
}

/* The "Assessed on" date: the day the work was handed in by default,
 * checked before saving, and carried by the evidence. */
static void
test_assessed_date (Fixture *f, gconstpointer data)
{
  PlScoringWindow *window = open_window (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) works = pl_store_list_scoring_work (f->store, pl_record_get_uuid (PL_RECORD (f->classroom)),
                                                        learner_uuid (f, 0), &error);
  GtkEditable *date = pl_scoring_window_get_date_editable (window);
  const char *work_key;
  g_autofree char *today = NULL;
  guint handed_in = G_MAXUINT, before;

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    today = g_date_time_format (now, "%Y-%m-%d");
  }
  for (guint i = 0; i < works->len; i++)
    {
      const PlScoringWork *w = &g_array_index (works, PlScoringWork, i);

      pl_scoring_window_select (window, 0, i);
      ui_keys_spin (10);
      g_assert_cmpstr (gtk_editable_get_text (date), ==, w->submitted_on != NULL ? w->submitted_on : today);
      if (w->submitted_on != NULL && handed_in == G_MAXUINT)
        handed_in = i;
    }
  /* The demo has submitted picks. */
  g_assert_cmpuint (handed_in, !=, G_MAXUINT);
  pl_scoring_window_select (window, 0, handed_in);
  ui_keys_spin (10);
  work_key = g_array_index (works, PlScoringWork, handed_in).uuid;

  /* Not a date: refused, naming the field, and nothing is written. */
  before = pl_store_count (f->store, "evidence", TRUE);
  g_assert_true (pl_scoring_window_choose_level (window, 2));
  gtk_editable_set_text (date, "2026-02-30");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (date), "error"));
  g_assert_false (pl_scoring_window_save (window, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Assessed on"));
  g_clear_error (&error);
  gtk_editable_set_text (date, "2999-01-01");
  g_assert_false (pl_scoring_window_save (window, &error));
  g_assert_nonnull (strstr (error->message, "future"));
  g_clear_error (&error);
  g_assert_cmpuint (pl_store_count (f->store, "evidence", TRUE), ==, before);

  /* An earlier day, edited by hand, is the day the evidence carries. */
  gtk_editable_set_text (date, "2026-03-02");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (date), "error"));
  g_assert_true (pl_scoring_window_save (window, &error));
  g_assert_no_error (error);
  {
    g_autoptr(PlRecord) criterion = g_list_model_get_item (f->criteria, 0);
    g_autoptr(GListModel) live = pl_store_list_rubric_evidence (f->store, pl_record_get_uuid (f->rubric),
                                                                learner_uuid (f, 0), work_key, &error);
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (live); i++)
      {
        g_autoptr(PlRecord) e = g_list_model_get_item (live, i);

        if (g_strcmp0 (pl_record_get_string (e, "criterion_uuid"), pl_record_get_uuid (criterion)) == 0)
          {
            g_assert_cmpstr (pl_record_get_string (e, "assessed_at"), ==, "2026-03-02");
            found = TRUE;
          }
      }
    g_assert_true (found);
  }
  close_window (window);
}

/* A level worth a range of points: choosing it shows a points field for
 * that criterion, within the range, and the evidence carries the points. */
static void
test_points_in_range (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRubricLevel) proficient = g_list_model_get_item (f->levels, 2);
  PlScoringWindow *window;
  GtkSpinButton *points;
  g_autofree char *work_key = NULL;
  g_autoptr(GString) keys = g_string_new ("3 ctrl+a");

  g_assert_true (pl_store_set_level_points (f->store, proficient, 3, 2.5, 3.4, &error));
  g_assert_no_error (error);
  window = open_window (f);
  if (!ui_keys_available (GTK_WINDOW (window)))
    {
      close_window (window);
      g_test_skip ("needs an X11 display and xdotool");
      return;
    }
  pl_scoring_window_select (window, 0, milestone_index (f, 0));
  ui_keys_spin (20);
  work_key = g_strdup (pl_scoring_window_get_work_key (window));
  points = pl_scoring_window_get_points (window, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (points)));

  /* 3 (Proficient, 2.5–3.4): the points field takes the keys; 9.9 is
   * kept within the range; Return goes on to the next criterion. */
  ui_keys_press (GTK_WINDOW (window), keys->str);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (points)));
  ui_keys_type (GTK_WINDOW (window), "9.9");
  ui_keys_press (GTK_WINDOW (window), "Return");
  g_assert_cmpfloat (gtk_spin_button_get_value (points), ==, 3.4);
  g_assert_cmpuint (pl_scoring_window_get_current (window), ==, 1);
  ui_keys_press (GTK_WINDOW (window), "shift+Tab");
  /* Back on the field: 2.7 this time. */
  gtk_widget_grab_focus (GTK_WIDGET (points));
  ui_keys_press (GTK_WINDOW (window), "ctrl+a");
  ui_keys_type (GTK_WINDOW (window), "2.7");
  ui_keys_press (GTK_WINDOW (window), "Return 1 ctrl+Return");
  g_assert_cmpfloat_with_epsilon (live_score (f, 0, 0, work_key, NULL), 2.7, 1e-9);
  g_assert_cmpfloat (live_score (f, 0, 1, work_key, NULL), ==, level_points (f, 1));
  close_window (window);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/scoring-keys/three-learners", Fixture, NULL, fixture_set_up, test_three_learners,
              fixture_tear_down);
  g_test_add ("/scoring-keys/assessed-date", Fixture, NULL, fixture_set_up, test_assessed_date,
              fixture_tear_down);
  g_test_add ("/scoring-keys/points-in-range", Fixture, NULL, fixture_set_up, test_points_in_range,
              fixture_tear_down);

  return g_test_run ();
}
