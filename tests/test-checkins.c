/* test-checkins.c — goals with history, weekly check-ins, who has not
 * checked in, reflection prompts, markers, the teacher PIN, SMART hints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/pl-core.h"
#include "core/pl-demo.h"
#include "core/pl-smart-goal.h"
#include "core/pl-store-goals.h"
#include "core/pl-teacher-pin.h"

#define TODAY "2026-10-19"   /* a Monday */

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
  return store;
}

static char *
first_class (PlStore *store)
{
  g_autoptr(GListModel) classes = pl_store_list (store, PL_TYPE_CLASSROOM, NULL);
  g_autoptr(PlRecord) c = g_list_model_get_item (classes, 0);

  return g_strdup (pl_record_get_uuid (c));
}

static void
test_goals (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (NULL, &error);
  g_autoptr(PlGoal) goal = NULL;
  g_autoptr(PlGoal) revised = NULL;
  g_autoptr(GListModel) goals = NULL;
  g_autoptr(PlGoal) first = NULL;

  g_assert_null (pl_store_add_goal (store, "l1", "   ", NULL, NULL, NULL, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (pl_store_add_goal (store, "l1", "Read two articles", NULL, NULL, "next week", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "next week"));
  g_clear_error (&error);
  g_assert_cmpuint (pl_store_count (store, "goal", TRUE), ==, 0);

  goal = pl_store_add_goal (store, "l1", "Explain a phase change with a particle model", NULL, NULL,
                            "2026-11-06", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (goal), "status"), ==, "active");

  revised = pl_store_revise_goal (store, goal, "Explain two phase changes with a labelled particle model", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (goal), "status"), ==, "revised");
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (revised), "revises-uuid"), ==,
                   pl_record_get_uuid (PL_RECORD (goal)));

  /* History: both are kept, the active one first. */
  goals = pl_store_list_goals (store, "l1", &error);
  g_assert_cmpuint (g_list_model_get_n_items (goals), ==, 2);
  first = g_list_model_get_item (goals, 0);
  g_assert_cmpstr (pl_record_get_uuid (PL_RECORD (first)), ==, pl_record_get_uuid (PL_RECORD (revised)));

  g_assert_false (pl_store_set_goal_status (store, revised, "finished", NULL, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (pl_store_set_goal_status (store, revised, "met", NULL, &error));
  g_assert_cmpstr (pl_goal_status_label ("met"), ==, "Met");
}

static char *
today_short (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%m-%d");
}

static void
assert_statuses (PlStore    *store,
                 PlGoal     *goal,
                 const char *expected)
{
  g_autoptr(GListModel) history = pl_store_list_goal_history (store, pl_record_get_uuid (PL_RECORD (goal)), NULL);
  g_autoptr(GString) got = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(PlRecord) change = g_list_model_get_item (history, i);

      g_string_append_printf (got, "%s%s", got->len > 0 ? " " : "", pl_record_get_string (change, "status"));
    }
  g_assert_cmpstr (got->str, ==, expected);
}

/* Every status change is kept, dated, in the goal's history. */
static void
test_goal_history (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = demo_store ();
  g_autofree char *classroom = first_class (store);
  g_autoptr(GListModel) targets = pl_store_list_goal_targets (store, classroom, NULL);
  g_autoptr(PlRecord) milestone = g_list_model_get_item (targets, 0);
  g_autoptr(PlRecord) standard = g_list_model_get_item (targets, 5);
  g_autofree char *day = today_short ();
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  g_autoptr(PlGoal) goal = NULL;
  g_autoptr(PlGoal) revised = NULL;
  g_autoptr(PlGoal) old = pl_goal_new ();
  g_autoptr(GListModel) history = NULL;
  guint before = pl_store_count (store, "goal_status", FALSE);

  g_assert_true (pl_schema_table_is_synced ("goal_status"));
  g_assert_true (pl_schema_table_is_append_only ("goal_status"));

  goal = pl_store_add_goal (store, "l1", "Explain melting with a particle model", NULL,
                            pl_record_get_uuid (milestone), "2026-11-06", &error);
  g_assert_no_error (error);
  assert_statuses (store, goal, "active");
  g_assert_cmpuint (pl_store_count (store, "goal_status", FALSE), ==, before + 1);

  g_assert_true (pl_store_set_goal_status (store, goal, "met", "  explained it to the class  ", &error));
  g_assert_true (pl_store_set_goal_status (store, goal, "met", NULL, &error));   /* no change, no row */
  g_assert_true (pl_store_set_goal_status (store, goal, "active", NULL, &error));
  g_assert_true (pl_store_set_goal_status (store, goal, "dropped", NULL, &error));
  g_assert_true (pl_store_set_goal_status (store, goal, "active", NULL, &error));
  g_assert_no_error (error);
  assert_statuses (store, goal, "active met active dropped active");
  history = pl_store_list_goal_history (store, pl_record_get_uuid (PL_RECORD (goal)), NULL);
  text = pl_goal_history_describe (goal, history);
  expected = g_strdup_printf ("Active since %s · met %s (explained it to the class) · active again %s"
                              " · dropped %s · active again %s", day, day, day, day, day);
  g_assert_cmpstr (text, ==, expected);

  /* "revised" comes only from revising; a revised goal stays revised. */
  g_assert_false (pl_store_set_goal_status (store, goal, "revised", NULL, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  revised = pl_store_revise_goal (store, goal, "Explain melting and boiling with a particle model", &error);
  g_assert_no_error (error);
  assert_statuses (store, goal, "active met active dropped active revised");
  assert_statuses (store, revised, "active");
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (revised), "target-on"), ==, "2026-11-06");
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (revised), "milestone-uuid"), ==, pl_record_get_uuid (milestone));
  g_assert_false (pl_store_set_goal_status (store, goal, "active", NULL, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (pl_store_revise_goal (store, goal, "Again", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  assert_statuses (store, goal, "active met active dropped active revised");

  /* Past due: active with a target before today. */
  g_assert_true (pl_goal_is_past_due (revised, "2026-11-07"));
  g_assert_false (pl_goal_is_past_due (revised, "2026-11-06"));
  g_assert_false (pl_goal_is_past_due (goal, "2026-11-07"));          /* revised, not active */
  g_assert_true (pl_store_set_goal_status (store, revised, "met", NULL, &error));
  g_assert_false (pl_goal_is_past_due (revised, "2026-11-07"));

  /* The link changes after the goal was set, to something that is there. */
  g_assert_true (pl_store_set_goal_link (store, revised, pl_record_get_uuid (standard), NULL, &error));
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (revised), "standard-uuid"), ==, pl_record_get_uuid (standard));
  g_assert_null (pl_record_get_string (PL_RECORD (revised), "milestone-uuid"));
  g_assert_false (pl_store_set_goal_link (store, revised, NULL, "no-such-milestone", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (revised), "standard-uuid"), ==, pl_record_get_uuid (standard));
  g_assert_false (pl_store_set_goal_link (store, revised, pl_record_get_uuid (standard), pl_record_get_uuid (milestone), &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (pl_store_add_goal (store, "l1", "Link to nothing there", "no-such-standard", NULL, NULL, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A goal from before the history was kept. */
  pl_record_set_string (PL_RECORD (old), "learner-uuid", "l1");
  pl_record_set_string (PL_RECORD (old), "body", "Read two articles");
  pl_record_set_string (PL_RECORD (old), "status", "met");
  pl_record_set_string (PL_RECORD (old), "set-on", "2026-09-14");
  g_assert_true (pl_store_save (store, PL_RECORD (old), &error));
  g_clear_object (&history);
  history = pl_store_list_goal_history (store, pl_record_get_uuid (PL_RECORD (old)), NULL);
  g_clear_pointer (&text, g_free);
  text = pl_goal_history_describe (old, history);
  g_assert_cmpstr (text, ==, "Active since 09-14 · now Met");

  /* The history is append-only. */
  {
    g_autoptr(GListModel) changes = pl_store_list_goal_history (store, pl_record_get_uuid (PL_RECORD (goal)), NULL);
    g_autoptr(PlRecord) first = g_list_model_get_item (changes, 0);

    pl_record_set_string (first, "status", "met");
    g_assert_false (pl_store_save (store, first, &error));
    g_assert_nonnull (error);
  }
}

static void
test_checkin_and_week (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (NULL, &error);
  g_autoptr(PlCheckin) c = pl_checkin_new ();
  g_autoptr(PlCheckin) bad = pl_checkin_new ();
  g_autofree char *week = pl_checkin_week_start ("2026-10-22", 1);   /* a Thursday */
  g_autofree char *friday_week = pl_checkin_week_start ("2026-10-22", 5);
  g_autoptr(GListModel) list = NULL;

  g_assert_cmpstr (week, ==, "2026-10-19");
  g_assert_cmpstr (friday_week, ==, "2026-10-16");

  pl_record_set_string (PL_RECORD (c), "learner-uuid", "l1");
  pl_record_set_int (PL_RECORD (c), "progress", 3);
  pl_record_set_string (PL_RECORD (c), "checked-at", "2026-10-22T10:00:00Z");
  pl_record_set_string (PL_RECORD (c), "markers", "persistence,help-seeking");
  g_assert_true (pl_store_save_checkin (store, c, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (c), "week-of"), ==, "2026-10-19");

  pl_record_set_string (PL_RECORD (bad), "learner-uuid", "l1");
  pl_record_set_int (PL_RECORD (bad), "progress", 7);
  g_assert_false (pl_store_save_checkin (store, bad, 1, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);

  list = pl_store_list_checkins (store, "l1", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_true (pl_markers_contain ("persistence,help-seeking", PL_MARKER_HELP_SEEKING));
  g_assert_false (pl_markers_contain ("persistence", PL_MARKER_CHALLENGE_SEEKING));
}

static void
test_class_status (void)
{
  g_autoptr(PlStore) store = demo_store ();
  g_autofree char *classroom = first_class (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) status = pl_store_class_checkin_status (store, classroom, "2026-10-16", 1, &error);
  g_autoptr(GArray) later = NULL;
  guint done = 0, missing = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (status->len, ==, 24);
  for (guint i = 0; i < status->len; i++)
    {
      PlCheckinStatus *s = &g_array_index (status, PlCheckinStatus, i);

      done += s->state == PL_CHECKIN_STATE_DONE;
      missing += s->state == PL_CHECKIN_STATE_MISSING;
      if (s->state == PL_CHECKIN_STATE_MISSING && s->last_checked != NULL)
        g_assert_cmpint (s->days_since, >=, 11);
    }
  g_assert_cmpuint (done, >, 12);      /* most of the class checked in that week */
  {
    g_auto(GStrv) who = pl_store_checked_in_this_week (store, classroom, "2026-10-16", 1, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (who), ==, done);
    for (guint i = 0; i < status->len; i++)
      g_assert_true (g_strv_contains ((const char * const *) who, g_array_index (status, PlCheckinStatus, i).learner_uuid)
                     == (g_array_index (status, PlCheckinStatus, i).state == PL_CHECKIN_STATE_DONE));
  }
  g_assert_cmpuint (missing, >=, 1);   /* and the demo has learners who went quiet */

  /* A new check-in moves a learner to done. */
  {
    PlCheckinStatus *s = NULL;
    g_autoptr(PlCheckin) c = pl_checkin_new ();

    for (guint i = 0; i < status->len && s == NULL; i++)
      if (g_array_index (status, PlCheckinStatus, i).state == PL_CHECKIN_STATE_MISSING)
        s = &g_array_index (status, PlCheckinStatus, i);
    pl_record_set_string (PL_RECORD (c), "learner-uuid", s->learner_uuid);
    pl_record_set_int (PL_RECORD (c), "progress", 2);
    pl_record_set_string (PL_RECORD (c), "checked-at", "2026-10-15T14:00:00Z");
    g_assert_true (pl_store_save_checkin (store, c, 1, &error));
    later = pl_store_class_checkin_status (store, classroom, "2026-10-16", 1, &error);
    for (guint i = 0; i < later->len; i++)
      if (g_strcmp0 (g_array_index (later, PlCheckinStatus, i).learner_uuid, s->learner_uuid) == 0)
        g_assert_cmpint (g_array_index (later, PlCheckinStatus, i).state, ==, PL_CHECKIN_STATE_DONE);
  }

  g_assert_null (pl_store_class_checkin_status (store, classroom, "Friday", 1, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
}

static void
test_reflection_and_markers (void)
{
  g_autoptr(PlStore) store = demo_store ();
  g_autofree char *classroom = first_class (store);
  g_autoptr(GListModel) learners = pl_store_list_where (store, PL_TYPE_ENROLLMENT, "classroom-uuid", classroom, NULL);
  gboolean found = FALSE;
  guint any_marker = 0;

  for (guint i = 0; i < g_list_model_get_n_items (learners) && !found; i++)
    {
      g_autoptr(PlRecord) e = g_list_model_get_item (learners, i);
      const char *learner = pl_record_get_string (e, "learner-uuid");
      g_autofree char *progress = NULL;
      g_autofree char *prompt = pl_store_pending_reflection (store, learner, &progress, NULL);
      guint counts[PL_N_MARKERS], weeks = 0;

      g_assert_true (pl_store_marker_totals (store, learner, counts, &weeks, NULL));
      for (guint m = 0; m < PL_N_MARKERS; m++)
        any_marker += counts[m];

      if (prompt != NULL)
        {
          g_autofree char *again = NULL;
          g_autofree char *again_progress = NULL;

          found = TRUE;
          g_assert_nonnull (progress);
          g_assert_true (pl_store_save_reflection (store, progress, "My model explains melting.", NULL));
          /* Answered: that milestone's prompt is no longer pending. */
          again = pl_store_pending_reflection (store, learner, &again_progress, NULL);
          g_assert_cmpstr (again_progress, !=, progress);
        }
    }
  g_assert_true (found);
  g_assert_cmpuint (any_marker, >, 0);

  {
    g_autoptr(GListModel) targets = pl_store_list_goal_targets (store, classroom, NULL);
    g_autoptr(PlRecord) first = g_list_model_get_item (targets, 0);
    g_autoptr(PlRecord) last = g_list_model_get_item (targets, g_list_model_get_n_items (targets) - 1);

    /* The demo unit's three milestones, then its six standards. */
    g_assert_cmpuint (g_list_model_get_n_items (targets), ==, 9);
    g_assert_true (PL_IS_MILESTONE (first));
    g_assert_true (PL_IS_STANDARD (last));
  }
}

static void
add_checkin (PlStore    *store,
             const char *learner,
             const char *at,
             const char *markers)
{
  g_autoptr(PlCheckin) c = pl_checkin_new ();
  g_autoptr(GError) error = NULL;

  pl_record_set_string (PL_RECORD (c), "learner-uuid", learner);
  pl_record_set_int (PL_RECORD (c), "progress", 2);
  pl_record_set_string (PL_RECORD (c), "checked-at", at);
  pl_record_set_string (PL_RECORD (c), "markers", markers);
  g_assert_true (pl_store_save_checkin (store, c, 1, &error));
  g_assert_no_error (error);
}

/* Markers are kept per week, oldest first, and said in words. */
static void
test_marker_weeks (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (NULL, &error);
  g_autoptr(GArray) weeks = NULL;
  g_autofree char *text = NULL;
  g_autofree char *labels = pl_markers_describe ("help-seeking,persistence");
  guint counts[PL_N_MARKERS], n = 0;

  add_checkin (store, "l1", "2026-10-19T10:00:00Z", "persistence");
  add_checkin (store, "l1", "2026-10-06T10:00:00Z", "persistence,help-seeking");
  add_checkin (store, "l1", "2026-10-08T10:00:00Z", "setback-response");   /* the same week */
  add_checkin (store, "l1", "2026-10-13T10:00:00Z", NULL);
  add_checkin (store, "l2", "2026-10-13T10:00:00Z", "challenge-seeking");

  weeks = pl_store_marker_weeks (store, "l1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weeks->len, ==, 3);
  g_assert_cmpstr (g_array_index (weeks, PlMarkerWeek, 0).week_of, ==, "2026-10-05");
  g_assert_cmpuint (g_array_index (weeks, PlMarkerWeek, 0).markers, ==,
                    (1u << PL_MARKER_PERSISTENCE) | (1u << PL_MARKER_HELP_SEEKING) | (1u << PL_MARKER_SETBACK_RESPONSE));
  g_assert_cmpstr (g_array_index (weeks, PlMarkerWeek, 1).week_of, ==, "2026-10-12");
  g_assert_cmpuint (g_array_index (weeks, PlMarkerWeek, 1).markers, ==, 0);
  g_assert_cmpstr (g_array_index (weeks, PlMarkerWeek, 2).week_of, ==, "2026-10-19");
  g_assert_cmpuint (g_array_index (weeks, PlMarkerWeek, 2).markers, ==, 1u << PL_MARKER_PERSISTENCE);

  text = pl_marker_weeks_describe (weeks);
  g_assert_nonnull (strstr (text, "Persists: 2 of 3 weeks — 10-05, 10-19"));
  g_assert_nonnull (strstr (text, "Asks for help: 1 of 3 weeks — 10-05"));
  g_assert_nonnull (strstr (text, "Seeks challenge: not yet, in 3 weeks"));
  g_assert_cmpstr (labels, ==, "Persists, Asks for help");
  g_assert_null (pl_markers_describe (NULL));

  g_assert_true (pl_store_marker_totals (store, "l1", counts, &n, &error));
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (counts[PL_MARKER_PERSISTENCE], ==, 2);
  g_assert_cmpuint (counts[PL_MARKER_CHALLENGE_SEEKING], ==, 0);
}

/* This week's check-in is found by the day it was made, whatever week_of
 * it was given under another check-in day. */
static void
test_find_week_checkin (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (NULL, &error);
  g_autoptr(PlCheckin) none = NULL;
  g_autoptr(PlCheckin) monday = NULL;
  g_autoptr(PlCheckin) friday = NULL;
  g_autoptr(PlCheckin) latest = NULL;
  g_autofree char *today_week = pl_checkin_week_start (NULL, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  /* NULL is today. */
  {
    g_autofree char *again = pl_checkin_week_start (today, 1);
    g_assert_cmpstr (today_week, ==, again);
  }

  /* Made on Wednesday 2026-10-14 while the week started on Monday. */
  add_checkin (store, "l1", "2026-10-14T10:00:00Z", NULL);
  none = pl_store_find_week_checkin (store, "l1", "2026-10-12", 3, &error);   /* the week before, from Wednesday */
  g_assert_no_error (error);
  g_assert_null (none);
  monday = pl_store_find_week_checkin (store, "l1", "2026-10-18", 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (monday);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (monday), "week-of"), ==, "2026-10-12");
  /* The check-in day is now Friday: the week from Friday 10-09 holds it. */
  friday = pl_store_find_week_checkin (store, "l1", "2026-10-15", 5, &error);
  g_assert_nonnull (friday);
  g_assert_cmpstr (pl_record_get_uuid (PL_RECORD (friday)), ==, pl_record_get_uuid (PL_RECORD (monday)));
  g_clear_object (&friday);
  friday = pl_store_find_week_checkin (store, "l1", "2026-10-16", 5, &error);   /* a new Friday week */
  g_assert_null (friday);

  /* Two in one week: the later one. */
  add_checkin (store, "l1", "2026-10-15T09:00:00Z", NULL);
  latest = pl_store_find_week_checkin (store, "l1", "2026-10-17", 1, &error);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (latest), "checked-at"), ==, "2026-10-15T09:00:00Z");
  g_assert_null (pl_store_find_week_checkin (store, "l2", "2026-10-17", 1, &error));
  g_assert_no_error (error);
  g_assert_null (pl_store_find_week_checkin (store, "l1", "Friday", 1, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
}

static void
test_pin (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (NULL, &error);
  g_autofree char *a = pl_teacher_pin_hash ("2468", &error);
  g_autofree char *b = pl_teacher_pin_hash ("2468", &error);
  g_autofree char *meta = NULL;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (a, "pbkdf2-sha256$"));
  g_assert_null (strstr (a, "2468"));
  g_assert_cmpstr (a, !=, b);                 /* salted */
  g_assert_true (pl_teacher_pin_verify (a, "2468"));
  g_assert_false (pl_teacher_pin_verify (a, "2469"));
  g_assert_false (pl_teacher_pin_verify ("pbkdf2-sha256$1$xx$yy", "2468"));
  g_assert_false (pl_teacher_pin_verify (NULL, "2468"));

  g_assert_null (pl_teacher_pin_hash ("12", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (pl_store_has_teacher_pin (store));
  g_assert_true (pl_store_set_teacher_pin (store, "7391", &error));
  g_assert_true (pl_store_has_teacher_pin (store));
  g_assert_true (pl_store_check_teacher_pin (store, "7391"));
  g_assert_false (pl_store_check_teacher_pin (store, "1937"));
  meta = pl_store_get_meta (store, "teacher_pin");
  g_assert_null (strstr (meta, "7391"));
}

static void
test_smart (void)
{
  PlSmartFlags vague = pl_smart_goal_check ("Do better", FALSE, FALSE);
  PlSmartFlags good = pl_smart_goal_check ("Reach Proficient on SCI.7.2 by explaining two reactions with evidence by Friday",
                                           TRUE, FALSE);
  PlSmartFlags absolute = pl_smart_goal_check ("Always get every answer perfect in the unit quizzes", FALSE, TRUE);

  g_assert_false (vague & PL_SMART_SPECIFIC);
  g_assert_false (vague & PL_SMART_MEASURABLE);
  g_assert_false (vague & PL_SMART_TIME_BOUND);
  g_assert_cmpint (good, ==, PL_SMART_ALL);
  g_assert_false (absolute & PL_SMART_ACHIEVABLE);
  g_assert_true (absolute & PL_SMART_TIME_BOUND);
  g_assert_cmpstr (pl_smart_goal_hint (PL_SMART_TIME_BOUND), ==, "By when? Give a date or a week.");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/goals/history", test_goals);
  g_test_add_func ("/goals/dated-history", test_goal_history);
  g_test_add_func ("/checkins/save-and-week", test_checkin_and_week);
  g_test_add_func ("/checkins/class-status", test_class_status);
  g_test_add_func ("/checkins/reflection-and-markers", test_reflection_and_markers);
  g_test_add_func ("/checkins/marker-weeks", test_marker_weeks);
  g_test_add_func ("/checkins/find-week-checkin", test_find_week_checkin);
  g_test_add_func ("/checkins/teacher-pin", test_pin);
  g_test_add_func ("/goals/smart", test_smart);
  return g_test_run ();
}
