/* test-store-units.c — units of a class: defaults, validation, goals,
 * standards, milestones, learners' progress, and deleting with Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core/pl-core.h"
#include "core/pl-demo.h"
#include "core/pl-store-boards.h"
#include "core/pl-store-units.h"

#define TODAY "2026-10-19"

static PlStore *
demo_store (char **out_class,
            PlUnit **out_unit)
{
  g_autoptr(GError) error = NULL;
  PlStore *store = pl_store_open (NULL, &error);
  g_autoptr(GListModel) classes = NULL;
  g_autoptr(GListModel) units = NULL;
  g_autoptr(PlRecord) c = NULL;
  PlDemoOptions options;

  pl_demo_options_init (&options);
  options.today = TODAY;
  g_assert_true (pl_demo_generate (store, &options, NULL, &error));
  classes = pl_store_list (store, PL_TYPE_CLASSROOM, NULL);
  c = g_list_model_get_item (classes, 0);
  *out_class = g_strdup (pl_record_get_uuid (c));
  units = pl_store_list_units (store, *out_class, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (units), ==, 1);
  *out_unit = g_list_model_get_item (units, 0);
  return store;
}

static void
test_dates (void)
{
  g_assert_true (pl_unit_date_is_valid ("2026-02-28"));
  g_assert_true (pl_unit_date_is_valid ("2028-02-29"));
  g_assert_false (pl_unit_date_is_valid ("2026-02-29"));
  g_assert_false (pl_unit_date_is_valid ("2026-13-01"));
  g_assert_false (pl_unit_date_is_valid ("2026-2-1"));
  g_assert_false (pl_unit_date_is_valid ("2026-02-01x"));
  g_assert_false (pl_unit_date_is_valid ("01/02/2026"));
  g_assert_false (pl_unit_date_is_valid (""));
  g_assert_false (pl_unit_date_is_valid (NULL));
}

static void
test_create_and_list (void)
{
  g_autofree char *classroom = NULL;
  g_autoptr(PlUnit) demo = NULL;
  g_autoptr(PlStore) store = demo_store (&classroom, &demo);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlUnit) monday = NULL;
  g_autoptr(PlUnit) sunday = NULL;
  g_autoptr(PlUnit) again = NULL;
  g_autoptr(GListModel) units = NULL;

  /* On a Monday the new unit starts a week later; on a Sunday, the next
   * day. It ends on the Friday of its fourth week. */
  monday = pl_store_create_unit (store, classroom, "2026-10-19", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (monday), "title"), ==, "New unit");
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (monday), "starts-on"), ==, "2026-10-26");
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (monday), "ends-on"), ==, "2026-11-20");
  sunday = pl_store_create_unit (store, classroom, "2026-12-27", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (sunday), "starts-on"), ==, "2026-12-28");
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (sunday), "ends-on"), ==, "2027-01-22");
  g_assert_null (pl_store_create_unit (store, classroom, "someday", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Same start as the Monday unit: by title after that. */
  again = pl_store_create_unit (store, classroom, "2026-10-20", &error);
  g_assert_no_error (error);
  pl_record_set_string (PL_RECORD (again), "title", "Astronomy");
  g_assert_true (pl_store_save_unit (store, again, &error));

  units = pl_store_list_units (store, classroom, &error);
  g_assert_cmpuint (g_list_model_get_n_items (units), ==, 4);
  {
    const char *expected[] = { pl_record_get_uuid (PL_RECORD (demo)), pl_record_get_uuid (PL_RECORD (again)),
                               pl_record_get_uuid (PL_RECORD (monday)), pl_record_get_uuid (PL_RECORD (sunday)) };

    for (guint i = 0; i < 4; i++)
      {
        g_autoptr(PlRecord) u = g_list_model_get_item (units, i);

        g_assert_cmpstr (pl_record_get_uuid (u), ==, expected[i]);
      }
  }
  /* Another class sees none of them. */
  g_clear_object (&units);
  units = pl_store_list_units (store, "another-class", &error);
  g_assert_cmpuint (g_list_model_get_n_items (units), ==, 0);
}

static void
assert_refused (PlStore    *store,
                PlUnit     *unit,
                const char *column,
                const char *value,
                const char *field,
                const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) stored = NULL;
  g_autofree char *before = g_strdup (pl_record_get_string (PL_RECORD (unit), column));
  guint64 hlc = pl_record_get_updated_hlc (PL_RECORD (unit));
  const char *at = NULL;

  pl_record_set_string (PL_RECORD (unit), column, value);
  g_assert_false (pl_unit_validate (unit, &at, NULL));
  g_assert_cmpstr (at, ==, field);
  g_assert_false (pl_store_save_unit (store, unit, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, message_part));

  /* Nothing written. */
  stored = pl_store_get (store, PL_TYPE_UNIT, pl_record_get_uuid (PL_RECORD (unit)), NULL);
  g_assert_cmpuint (pl_record_get_updated_hlc (stored), ==, hlc);
  g_assert_cmpstr (pl_record_get_string (stored, column), ==, before);
  pl_record_set_string (PL_RECORD (unit), column, before);
}

static void
test_validation (void)
{
  g_autofree char *classroom = NULL;
  g_autoptr(PlUnit) unit = NULL;
  g_autoptr(PlStore) store = demo_store (&classroom, &unit);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) stored = NULL;
  const char *at = "unset";

  g_assert_true (pl_unit_validate (unit, &at, &error));
  g_assert_no_error (error);
  g_assert_null (at);

  assert_refused (store, unit, "title", "   ", "title", "Title");
  assert_refused (store, unit, "starts-on", "2026-13-01", "starts-on", "Start date");
  assert_refused (store, unit, "starts-on", "14/09/2026", "starts-on", "14/09/2026");
  assert_refused (store, unit, "starts-on", NULL, "starts-on", "Start date");
  assert_refused (store, unit, "ends-on", "2026-02-30", "ends-on", "End date");
  assert_refused (store, unit, "ends-on", "2026-09-01", "ends-on", "before the start date");

  /* A one-day unit is fine, and the title is saved trimmed. */
  pl_record_set_string (PL_RECORD (unit), "ends-on", pl_record_get_string (PL_RECORD (unit), "starts-on"));
  pl_record_set_string (PL_RECORD (unit), "title", "  Energy  ");
  g_assert_true (pl_store_save_unit (store, unit, &error));
  g_assert_no_error (error);
  stored = pl_store_get (store, PL_TYPE_UNIT, pl_record_get_uuid (PL_RECORD (unit)), NULL);
  g_assert_cmpstr (pl_record_get_string (stored, "title"), ==, "Energy");
  g_assert_cmpstr (pl_record_get_string (stored, "ends-on"), ==, pl_record_get_string (stored, "starts-on"));

  /* A unit belongs to a class. */
  {
    g_autoptr(PlUnit) loose = pl_unit_new ();

    pl_record_set_string (PL_RECORD (loose), "title", "Loose");
    pl_record_set_string (PL_RECORD (loose), "starts-on", "2026-01-05");
    pl_record_set_string (PL_RECORD (loose), "ends-on", "2026-01-30");
    g_assert_false (pl_store_save_unit (store, loose, &error));
    g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  }
}

static void
test_goals (void)
{
  g_autofree char *classroom = NULL;
  g_autoptr(PlUnit) unit = NULL;
  g_autoptr(PlStore) store = demo_store (&classroom, &unit);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) goals = pl_unit_get_goals (unit);
  g_auto(GStrv) back = NULL;
  g_autoptr(PlUnit) stored = NULL;
  const char *mine[] = { "  By week 2, draw a particle model. ", "", "   ",
                         "Measure two\nchanges by Friday", NULL };

  g_assert_cmpuint (g_strv_length (goals), ==, 5);
  g_assert_true (g_str_has_prefix (goals[0], "By the end of week 2"));

  pl_unit_set_goals (unit, mine);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (unit), "goals"), ==,
                   "By week 2, draw a particle model.\nMeasure two changes by Friday");
  g_assert_true (pl_store_save_unit (store, unit, &error));
  stored = pl_store_get (store, PL_TYPE_UNIT, pl_record_get_uuid (PL_RECORD (unit)), NULL);
  back = pl_unit_get_goals (stored);
  g_assert_cmpuint (g_strv_length (back), ==, 2);
  g_assert_cmpstr (back[1], ==, "Measure two changes by Friday");

  pl_unit_set_goals (unit, NULL);
  g_assert_null (pl_record_get_string (PL_RECORD (unit), "goals"));
  g_clear_pointer (&back, g_strfreev);
  back = pl_unit_get_goals (unit);
  g_assert_cmpuint (g_strv_length (back), ==, 0);
}

static guint
unit_standard_rows (PlStore *store,
                    gboolean with_deleted)
{
  return pl_store_count (store, "unit_standard", with_deleted);
}

static void
test_standards (void)
{
  g_autofree char *classroom = NULL;
  g_autoptr(PlUnit) unit = NULL;
  g_autoptr(PlStore) store = demo_store (&classroom, &unit);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) standards = NULL;
  g_autoptr(PlRecord) first = NULL;
  g_autofree char *first_uuid = NULL;
  const char *u = pl_record_get_uuid (PL_RECORD (unit));
  guint rows, all_rows;

  standards = pl_store_list_unit_standards (store, u, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (standards), ==, 6);
  first = g_list_model_get_item (standards, 0);
  g_assert_cmpstr (pl_record_get_string (first, "code"), ==, "SCI.7.1");
  first_uuid = g_strdup (pl_record_get_uuid (first));
  rows = unit_standard_rows (store, FALSE);
  all_rows = unit_standard_rows (store, TRUE);

  /* Adding one that is there already writes nothing. */
  g_assert_true (pl_store_add_unit_standard (store, u, first_uuid, &error));
  g_assert_cmpuint (unit_standard_rows (store, TRUE), ==, all_rows);

  /* Removing leaves a tombstone. */
  g_assert_true (pl_store_remove_unit_standard (store, u, first_uuid, &error));
  g_clear_object (&standards);
  standards = pl_store_list_unit_standards (store, u, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (standards), ==, 5);
  g_assert_cmpuint (unit_standard_rows (store, FALSE), ==, rows - 1);
  g_assert_cmpuint (unit_standard_rows (store, TRUE), ==, all_rows);

  /* On again: one new (derived) row; off and on again reuses it. */
  g_assert_true (pl_store_add_unit_standard (store, u, first_uuid, &error));
  g_assert_true (pl_store_add_unit_standard (store, u, first_uuid, &error));
  g_assert_cmpuint (unit_standard_rows (store, FALSE), ==, rows);
  g_assert_cmpuint (unit_standard_rows (store, TRUE), ==, all_rows + 1);
  g_assert_true (pl_store_remove_unit_standard (store, u, first_uuid, &error));
  g_assert_true (pl_store_add_unit_standard (store, u, first_uuid, &error));
  g_assert_cmpuint (unit_standard_rows (store, TRUE), ==, all_rows + 1);
  g_clear_object (&standards);
  standards = pl_store_list_unit_standards (store, u, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (standards), ==, 6);

  /* A standard that does not exist is refused. */
  g_assert_false (pl_store_add_unit_standard (store, u, "no-such-standard", &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
}

static int
index_of (GListModel *model,
          PlRecord   *record)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PlRecord) r = g_list_model_get_item (model, i);

      if (g_strcmp0 (pl_record_get_uuid (r), pl_record_get_uuid (record)) == 0)
        return (int) i;
    }
  return -1;
}

static PlMilestone *
milestone_at (PlStore    *store,
              const char *unit,
              guint       index)
{
  g_autoptr(GListModel) list = pl_store_list_milestones (store, unit, NULL);

  return g_list_model_get_item (list, index);
}

static void
test_milestones (void)
{
  g_autofree char *classroom = NULL;
  g_autoptr(PlUnit) unit = NULL;
  g_autoptr(PlStore) store = demo_store (&classroom, &unit);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(PlMilestone) added = NULL;
  g_autoptr(PlMilestone) m = NULL;
  const char *u = pl_record_get_uuid (PL_RECORD (unit));
  const char *field = NULL;
  g_autofree char *first_title = NULL;

  list = pl_store_list_milestones (store, u, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  m = g_list_model_get_item (list, 0);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (m), "title"), ==, "Particle model sketch");
  first_title = g_strdup (pl_record_get_string (PL_RECORD (m), "title"));
  g_clear_object (&m);

  /* New: last, must-do, due on the unit's last day. */
  added = pl_store_add_milestone (store, u, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (added), "title"), ==, "New milestone");
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (added), "due-on"), ==,
                   pl_record_get_string (PL_RECORD (unit), "ends-on"));
  g_assert_true (pl_record_get_boolean (PL_RECORD (added), "must-do"));
  m = milestone_at (store, u, 3);
  g_assert_cmpstr (pl_record_get_uuid (PL_RECORD (m)), ==, pl_record_get_uuid (PL_RECORD (added)));
  g_clear_object (&m);

  /* Validation names the field and says why. */
  pl_record_set_string (PL_RECORD (added), "title", "");
  g_assert_false (pl_milestone_validate (added, unit, &field, NULL));
  g_assert_cmpstr (field, ==, "title");
  pl_record_set_string (PL_RECORD (added), "title", "Poster");
  pl_record_set_string (PL_RECORD (added), "due-on", "2026-10-32");
  g_assert_false (pl_milestone_validate (added, unit, &field, NULL));
  g_assert_cmpstr (field, ==, "due-on");
  pl_record_set_string (PL_RECORD (added), "due-on", "2026-09-01");
  g_assert_false (pl_store_save_milestone (store, added, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "before the unit starts"));
  g_clear_error (&error);
  pl_record_set_string (PL_RECORD (added), "due-on", "2027-01-01");
  g_assert_false (pl_store_save_milestone (store, added, &error));
  g_assert_nonnull (strstr (error->message, "after the unit ends"));
  g_clear_error (&error);
  m = milestone_at (store, u, 3);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (m), "title"), ==, "New milestone");
  g_clear_object (&m);
  pl_record_set_string (PL_RECORD (added), "due-on", pl_record_get_string (PL_RECORD (unit), "starts-on"));
  pl_record_set_string (PL_RECORD (added), "reflection-prompt", "What surprised you?");
  pl_record_set_boolean (PL_RECORD (added), "must-do", FALSE);
  g_assert_true (pl_store_save_milestone (store, added, &error));
  m = milestone_at (store, u, 3);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (m), "title"), ==, "Poster");
  g_assert_false (pl_record_get_boolean (PL_RECORD (m), "must-do"));
  g_clear_object (&m);

  /* Up twice, down once; at the top nothing moves. */
  g_assert_true (pl_store_move_milestone (store, added, -1, &error));
  g_assert_true (pl_store_move_milestone (store, added, -1, &error));
  m = milestone_at (store, u, 1);
  g_assert_cmpstr (pl_record_get_uuid (PL_RECORD (m)), ==, pl_record_get_uuid (PL_RECORD (added)));
  g_clear_object (&m);
  g_assert_true (pl_store_move_milestone (store, added, 1, &error));
  m = milestone_at (store, u, 2);
  g_assert_cmpstr (pl_record_get_uuid (PL_RECORD (m)), ==, pl_record_get_uuid (PL_RECORD (added)));
  g_clear_object (&m);
  m = milestone_at (store, u, 0);
  g_assert_true (pl_store_move_milestone (store, m, -1, &error));
  g_clear_object (&m);
  m = milestone_at (store, u, 0);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (m), "title"), ==, first_title);
  g_clear_object (&m);

  /* Removed, and back where it was with Undo. */
  g_assert_true (pl_store_remove_milestone (store, added, &error));
  g_clear_object (&list);
  list = pl_store_list_milestones (store, u, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_cmpint (index_of (list, PL_RECORD (added)), ==, -1);
  g_assert_true (pl_store_undelete (store, PL_RECORD (added), &error));
  m = milestone_at (store, u, 2);
  g_assert_cmpstr (pl_record_get_uuid (PL_RECORD (m)), ==, pl_record_get_uuid (PL_RECORD (added)));
}

static guint
count_state (GArray          *learners,
             PlProgressState  state)
{
  guint n = 0;

  for (guint i = 0; i < learners->len; i++)
    n += g_array_index (learners, PlMilestoneLearner, i).state == state;
  return n;
}

static const PlMilestoneLearner *
find_learner (GArray     *learners,
              const char *uuid)
{
  for (guint i = 0; i < learners->len; i++)
    if (g_strcmp0 (g_array_index (learners, PlMilestoneLearner, i).learner_uuid, uuid) == 0)
      return &g_array_index (learners, PlMilestoneLearner, i);
  return NULL;
}

static void
test_progress (void)
{
  g_autofree char *classroom = NULL;
  g_autoptr(PlUnit) unit = NULL;
  g_autoptr(PlStore) store = demo_store (&classroom, &unit);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) counts = pl_store_class_milestones (store, classroom, TODAY, NULL);
  g_autoptr(PlMilestone) first = milestone_at (store, pl_record_get_uuid (PL_RECORD (unit)), 0);
  g_autoptr(PlMilestone) last = milestone_at (store, pl_record_get_uuid (PL_RECORD (unit)), 2);
  g_autoptr(GArray) learners = NULL;
  g_autoptr(GArray) later = NULL;
  g_autofree char *who = NULL;
  const PlMilestoneStatus *status = &g_array_index (counts, PlMilestoneStatus, 0);
  const char *m = pl_record_get_uuid (PL_RECORD (first));
  guint done, rows;

  learners = pl_store_milestone_learners (store, m, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (learners->len, ==, 24);
  g_assert_cmpstr (status->milestone_uuid, ==, m);
  done = count_state (learners, PL_PROGRESS_DONE);
  g_assert_cmpuint (done, ==, status->n_done);
  /* Past due: everyone not done is behind. */
  g_assert_cmpuint (count_state (learners, PL_PROGRESS_BEHIND), ==, 24 - done);
  g_assert_cmpuint (count_state (learners, PL_PROGRESS_ON_TRACK), ==, 0);
  g_assert_cmpuint (done, >, 0);
  g_assert_cmpuint (done, <, 24);

  /* The same milestone seen before its due date: nobody is behind. */
  later = pl_store_milestone_learners (store, m, "2026-09-01", NULL);
  g_assert_cmpuint (count_state (later, PL_PROGRESS_BEHIND), ==, 0);
  g_assert_cmpuint (count_state (later, PL_PROGRESS_ON_TRACK), ==, 24 - done);
  g_clear_pointer (&later, g_array_unref);

  /* Marking a learner done, twice, makes one row. */
  for (guint i = 0; i < learners->len && who == NULL; i++)
    if (g_array_index (learners, PlMilestoneLearner, i).state != PL_PROGRESS_DONE)
      who = g_strdup (g_array_index (learners, PlMilestoneLearner, i).learner_uuid);
  rows = pl_store_count (store, "milestone_progress", TRUE);
  g_assert_true (pl_store_set_milestone_done (store, m, who, TRUE, TODAY, &error));
  g_assert_no_error (error);
  g_assert_true (pl_store_set_milestone_done (store, m, who, TRUE, TODAY, &error));
  g_assert_cmpuint (pl_store_count (store, "milestone_progress", TRUE), <=, rows + 1);
  later = pl_store_milestone_learners (store, m, TODAY, NULL);
  g_assert_cmpint (find_learner (later, who)->state, ==, PL_PROGRESS_DONE);
  g_assert_cmpstr (find_learner (later, who)->done_on, ==, TODAY);
  g_assert_cmpuint (count_state (later, PL_PROGRESS_DONE), ==, done + 1);
  g_clear_pointer (&later, g_array_unref);
  g_clear_pointer (&counts, g_array_unref);
  counts = pl_store_class_milestones (store, classroom, TODAY, NULL);
  g_assert_cmpuint (g_array_index (counts, PlMilestoneStatus, 0).n_done, ==, done + 1);

  /* Not done after all: behind again, and still one row. */
  g_assert_true (pl_store_set_milestone_done (store, m, who, FALSE, TODAY, &error));
  later = pl_store_milestone_learners (store, m, TODAY, NULL);
  g_assert_cmpint (find_learner (later, who)->state, ==, PL_PROGRESS_BEHIND);
  g_assert_null (find_learner (later, who)->done_on);
  g_assert_cmpuint (pl_store_count (store, "milestone_progress", TRUE), <=, rows + 1);
  g_clear_pointer (&later, g_array_unref);

  /* A learner done on a milestone not due yet is done, the rest on track. */
  later = pl_store_milestone_learners (store, pl_record_get_uuid (PL_RECORD (last)), "2026-10-20", NULL);
  g_assert_cmpuint (count_state (later, PL_PROGRESS_BEHIND), ==, 0);
  g_assert_false (pl_store_set_milestone_done (store, "no-such-milestone", who, TRUE, TODAY, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
}

static void
test_delete_and_undo (void)
{
  g_autofree char *classroom = NULL;
  g_autoptr(PlUnit) unit = NULL;
  g_autoptr(PlStore) store = demo_store (&classroom, &unit);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) units = NULL;
  g_autoptr(PlBoard) board = NULL;
  g_autoptr(GListModel) milestones = NULL;
  g_autoptr(GArray) counts = NULL;
  const char *u = pl_record_get_uuid (PL_RECORD (unit));

  board = pl_store_unit_board (store, u, &error);
  g_assert_no_error (error);
  g_assert_nonnull (board);
  g_assert_cmpstr (pl_record_get_string (PL_RECORD (board), "unit-uuid"), ==, u);
  g_clear_object (&board);

  g_assert_true (pl_store_delete_unit (store, unit, &error));
  units = pl_store_list_units (store, classroom, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (units), ==, 0);
  counts = pl_store_class_milestones (store, classroom, TODAY, NULL);
  g_assert_cmpuint (counts->len, ==, 0);
  /* What hangs off the unit is untouched. */
  board = pl_store_unit_board (store, u, NULL);
  g_assert_nonnull (board);
  milestones = pl_store_list_milestones (store, u, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (milestones), ==, 3);
  g_clear_object (&board);
  g_clear_object (&units);
  g_clear_pointer (&counts, g_array_unref);

  g_assert_true (pl_store_undelete (store, PL_RECORD (unit), &error));
  units = pl_store_list_units (store, classroom, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (units), ==, 1);
  counts = pl_store_class_milestones (store, classroom, TODAY, NULL);
  g_assert_cmpuint (counts->len, ==, 3);
  board = pl_store_class_board (store, classroom, NULL);
  g_assert_nonnull (board);

  /* A new unit has no board; adding a milestone to a deleted unit fails. */
  {
    g_autoptr(PlUnit) fresh = pl_store_create_unit (store, classroom, TODAY, NULL);
    g_autoptr(PlBoard) none = pl_store_unit_board (store, pl_record_get_uuid (PL_RECORD (fresh)), &error);

    g_assert_no_error (error);
    g_assert_null (none);
    g_assert_true (pl_store_delete_unit (store, fresh, NULL));
    g_assert_null (pl_store_add_milestone (store, pl_record_get_uuid (PL_RECORD (fresh)), "Late", &error));
    g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store-units/dates", test_dates);
  g_test_add_func ("/store-units/create-and-list", test_create_and_list);
  g_test_add_func ("/store-units/validation", test_validation);
  g_test_add_func ("/store-units/goals", test_goals);
  g_test_add_func ("/store-units/standards", test_standards);
  g_test_add_func ("/store-units/milestones", test_milestones);
  g_test_add_func ("/store-units/progress", test_progress);
  g_test_add_func ("/store-units/delete-and-undo", test_delete_and_undo);
  return g_test_run ();
}
