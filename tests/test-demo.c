/* test-demo.c — the demo school and the class evidence query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "core/pl-core.h"
#include "core/pl-demo.h"
#include "core/pl-store-evidence.h"
#include "core/pl-store-goals.h"
#include "core/pl-store-learners.h"
#include "core/pl-store-sync.h"

#define TODAY "2026-03-20"

static PlStore *
demo_store (guint64 seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (NULL, &error);
  PlDemoOptions options;

  g_assert_no_error (error);
  pl_demo_options_init (&options);
  options.seed = seed;
  options.today = TODAY;
  g_assert_true (pl_demo_generate (store, &options, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

/* Removes every "KEY":VALUE, member from TEXT (VALUE: a number or a string
 * without escapes). */
static void
strip_member (GString    *text,
              const char *key)
{
  gsize at = 0;
  char *hit;

  while ((hit = strstr (text->str + at, key)) != NULL)
    {
      gsize start = hit - text->str;
      char *end = hit + strlen (key);

      if (*end == '"')
        end = strchr (end + 1, '"') + 1;
      else
        while (g_ascii_isdigit (*end))
          end++;
      g_assert_cmpint (*end, ==, ',');
      g_string_erase (text, start, end + 1 - hit);
      at = start;
    }
}

/* The dump without the columns that differ between runs by design. */
static char *
stable_dump (PlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  GString *text;

  g_assert_true (pl_store_dump (store, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  text = g_string_new (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)));
  strip_member (text, "\"updated_hlc\":");
  strip_member (text, "\"origin\":");
  strip_member (text, "\"edited_at\":");
  return g_string_free (text, FALSE);
}

static void
test_reproducible (void)
{
  g_autoptr(PlStore) a = demo_store (1);
  g_autoptr(PlStore) b = demo_store (1);
  g_autoptr(PlStore) c = demo_store (2);
  g_autofree char *dump_a = stable_dump (a);
  g_autofree char *dump_b = stable_dump (b);
  g_autofree char *dump_c = stable_dump (c);

  g_assert_cmpuint (strlen (dump_a), >, 10000);
  g_assert_null (strstr (dump_a, "updated_hlc"));
  g_assert_cmpstr (dump_a, ==, dump_b);
  g_assert_cmpstr (dump_a, !=, dump_c);
  /* Different learners, not just different scores. */
  g_assert_cmpuint (pl_store_count (c, "learner", FALSE), ==, 24);
}

static void
test_shape (void)
{
  g_autoptr(PlStore) store = demo_store (1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) options = NULL;
  g_autoptr(GListModel) levels = NULL;
  g_autoptr(GListModel) classes = NULL;
  g_autoptr(GListModel) standards = NULL;
  guint n_required = 0;

  g_assert_cmpuint (pl_store_count (store, "school", FALSE), ==, 1);
  g_assert_cmpuint (pl_store_count (store, "classroom", FALSE), ==, 1);
  g_assert_cmpuint (pl_store_count (store, "learner", FALSE), ==, 24);
  g_assert_cmpuint (pl_store_count (store, "enrollment", FALSE), ==, 24);
  g_assert_cmpuint (pl_store_count (store, "standard", FALSE), ==, 6);
  g_assert_cmpuint (pl_store_count (store, "standard_link", FALSE), >=, 2);
  g_assert_cmpuint (pl_store_count (store, "unit", FALSE), ==, 1);
  g_assert_cmpuint (pl_store_count (store, "milestone", FALSE), ==, 3);
  g_assert_cmpuint (pl_store_count (store, "board", FALSE), ==, 1);
  g_assert_cmpuint (pl_store_count (store, "choice_option", FALSE), ==, 9);
  g_assert_cmpuint (pl_store_count (store, "rubric", FALSE), ==, 1);
  g_assert_cmpuint (pl_store_count (store, "criterion", FALSE), ==, 6);
  g_assert_cmpuint (pl_store_count (store, "level", FALSE), ==, 4);
  g_assert_cmpuint (pl_store_count (store, "descriptor", FALSE), ==, 24);
  g_assert_cmpuint (pl_store_count (store, "note", FALSE), >=, 24);
  g_assert_cmpuint (pl_store_count (store, "goal", FALSE), >=, 24);
  /* Every goal's history starts with the day it was set. */
  g_assert_cmpuint (pl_store_count (store, "goal_status", FALSE), >=, pl_store_count (store, "goal", FALSE));
  g_assert_cmpuint (pl_store_count (store, "pick", FALSE), >=, 3 * 24);
  g_assert_cmpuint (pl_store_count (store, "checkin", FALSE), >=, 24 * 3);
  g_assert_cmpuint (pl_store_count (store, "evidence", FALSE), >=, 24 * 12);

  classes = pl_store_list (store, PL_TYPE_CLASSROOM, &error);
  {
    g_autoptr(PlRecord) c = g_list_model_get_item (classes, 0);
    g_assert_cmpstr (pl_record_get_string (c, "name"), ==, "Grade 7 Science");
  }

  options = pl_store_list (store, PL_TYPE_CHOICE_OPTION, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (options); i++)
    {
      g_autoptr(PlRecord) o = g_list_model_get_item (options, i);

      g_assert_nonnull (pl_record_get_string (o, "format"));
      g_assert_cmpint (pl_record_get_int (o, "minutes"), >, 0);
      g_assert_cmpint (pl_record_get_int (o, "tier"), >=, 1);
      g_assert_cmpint (pl_record_get_int (o, "tier"), <=, 3);
      if (pl_record_get_boolean (o, "required"))
        {
          n_required++;
          g_assert_cmpint (pl_record_get_int (o, "grid_row"), ==, 1);
          g_assert_cmpint (pl_record_get_int (o, "grid_col"), ==, 1);
        }
    }
  g_assert_cmpuint (n_required, ==, 1);

  levels = pl_store_list (store, PL_TYPE_RUBRIC_LEVEL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (levels), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      static const char *titles[] = { "Beginning", "Developing", "Proficient", "Exceeding" };
      g_autoptr(PlRecord) l = g_list_model_get_item (levels, i);
      gint64 pos = pl_record_get_int (l, "position");

      g_assert_cmpstr (pl_record_get_string (l, "title"), ==, titles[pos]);
      g_assert_cmpfloat (pl_record_get_double (l, "points"), ==, (double) (pos + 1));
    }

  standards = pl_store_list (store, PL_TYPE_STANDARD, &error);
  for (guint i = 0; i < g_list_model_get_n_items (standards); i++)
    {
      g_autoptr(PlRecord) s = g_list_model_get_item (standards, i);

      g_assert_true (g_str_has_prefix (pl_record_get_string (s, "code"), "SCI.7."));
    }
}

/* Learners the teacher has to notice are there in a 24-learner class. */
static void
test_paths (void)
{
  g_autoptr(PlStore) store = demo_store (1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) learners = pl_store_list (store, PL_TYPE_LEARNER, &error);
  g_autoptr(GListModel) checkins = pl_store_list (store, PL_TYPE_CHECKIN, &error);
  g_autoptr(GListModel) fields = pl_store_list (store, PL_TYPE_PROFILE_FIELD, &error);
  g_autoptr(GListModel) evidence = pl_store_list (store, PL_TYPE_EVIDENCE, &error);
  g_autoptr(GHashTable) last_checkin = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) n_fields = g_hash_table_new (g_str_hash, g_str_equal);
  guint silent = 0, incomplete = 0, stalled = 0, dropping = 0, improving = 0, gaming = 0, stale = 0;
  g_autoptr(GDateTime) today = g_date_time_new_utc (2026, 3, 20, 0, 0, 0);
  gint64 six_weeks_before_ms = (g_date_time_to_unix (today) - 42 * 24 * 3600) * 1000;

  for (guint i = 0; i < g_list_model_get_n_items (checkins); i++)
    {
      g_autoptr(PlRecord) c = g_list_model_get_item (checkins, i);
      const char *learner = pl_record_get_string (c, "learner_uuid");
      const char *at = pl_record_get_string (c, "checked_at");
      const char *last = g_hash_table_lookup (last_checkin, learner);

      g_assert_nonnull (pl_record_get_string (c, "next_step"));
      if (last == NULL || strcmp (at, last) > 0)
        g_hash_table_insert (last_checkin, (gpointer) learner, (gpointer) at);
    }
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(PlRecord) f = g_list_model_get_item (fields, i);
      const char *learner = pl_record_get_string (f, "learner_uuid");
      g_autofree char *expected = pl_store_profile_field_uuid (learner, pl_record_get_string (f, "field"));

      g_assert_cmpstr (pl_record_get_uuid (f), ==, expected);
      g_hash_table_insert (n_fields, (gpointer) learner,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (n_fields, learner)) + 1));
    }

  for (guint i = 0; i < g_list_model_get_n_items (learners); i++)
    {
      g_autoptr(PlRecord) l = g_list_model_get_item (learners, i);
      const char *uuid = pl_record_get_uuid (l);
      const char *last = g_hash_table_lookup (last_checkin, uuid);
      double first_sum = 0, last_sum = 0;
      guint first_n = 0, last_n = 0, fast_low = 0;

      /* Not checked in for two weeks or more before 2026-03-20. */
      if (last == NULL || strcmp (last, "2026-03-06") < 0)
        silent++;
      if (GPOINTER_TO_UINT (g_hash_table_lookup (n_fields, uuid)) < 8)
        incomplete++;
      /* A stale profile: last edited more than six weeks ago. */
      if (pl_profile_edit_time_ms (pl_record_get_string (l, "edited-at"),
                                   pl_record_get_updated_hlc (l)) < six_weeks_before_ms)
        stale++;

      for (guint k = 0; k < g_list_model_get_n_items (evidence); k++)
        {
          g_autoptr(PlRecord) e = g_list_model_get_item (evidence, k);
          const char *at = pl_record_get_string (e, "assessed_at");
          double score = pl_record_get_double (e, "score");

          if (g_strcmp0 (pl_record_get_string (e, "learner_uuid"), uuid) != 0)
            continue;
          if (strcmp (at, "2026-02-23") < 0)
            first_sum += score, first_n++;
          else if (strcmp (at, "2026-03-09") >= 0)
            last_sum += score, last_n++;
          if (pl_record_get_int (e, "minutes_spent") < 10 && score <= 2.0)
            fast_low++;
        }
      if (first_n > 0 && last_n > 0)
        {
          double a = first_sum / first_n, b = last_sum / last_n;

          if (b - a > 0.8)
            improving++;
          else if (a - b > 0.8)
            dropping++;
          else if (a < 2.5 && b < 2.5 && fabs (a - b) < 0.5)
            stalled++;
        }
      if (fast_low >= 15)
        gaming++;
    }
  g_assert_cmpuint (stale, >=, 1);
  g_assert_cmpuint (stale, <=, 6);
  g_assert_cmpuint (silent, >=, 1);
  g_assert_cmpuint (incomplete, >=, 1);
  g_assert_cmpuint (stalled, >=, 1);
  g_assert_cmpuint (dropping, >=, 1);
  g_assert_cmpuint (improving, >=, 3);
  g_assert_cmpuint (gaming, >=, 2);
  /* …but they stay a minority. */
  g_assert_cmpuint (silent, <=, 8);
  g_assert_cmpuint (incomplete, <=, 10);
}

static void
test_refuses_second_demo (void)
{
  g_autoptr(PlStore) store = demo_store (1);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = stable_dump (store);
  g_autofree char *after = NULL;
  PlDemoOptions options;

  pl_demo_options_init (&options);
  options.today = TODAY;
  g_assert_false (pl_demo_generate (store, &options, NULL, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  after = stable_dump (store);
  g_assert_cmpstr (before, ==, after);

  /* Asked to, it adds a second school. */
  g_clear_error (&error);
  options.add = TRUE;
  options.seed = 5;
  options.n_learners = 3;
  g_assert_true (pl_demo_generate (store, &options, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pl_store_count (store, "learner", FALSE), ==, 27);
  g_assert_cmpuint (pl_store_count (store, "school", FALSE), ==, 2);

  /* The same seed again gets new uuids rather than colliding. */
  options.seed = 1;
  options.n_learners = 24;
  g_assert_true (pl_demo_generate (store, &options, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pl_store_count (store, "learner", FALSE), ==, 51);
  g_assert_cmpuint (pl_store_count (store, "school", FALSE), ==, 3);
  /* The demos share one framework. */
  g_assert_cmpuint (pl_store_count (store, "framework", FALSE), ==, 1);
  g_assert_cmpuint (pl_store_count (store, "standard", FALSE), ==, 6);
  {
    g_autoptr(GListModel) learners = pl_store_list (store, PL_TYPE_LEARNER, &error);
    g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < g_list_model_get_n_items (learners); i++)
      {
        g_autoptr(PlRecord) l = g_list_model_get_item (learners, i);

        g_assert_true (g_hash_table_add (ids, (gpointer) g_intern_string (pl_record_get_string (l, "source_id"))));
      }
  }
}

static void
test_bad_options (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (NULL, &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  PlDemoOptions options;

  pl_demo_options_init (&options);
  options.today = "2026-02-30";
  g_assert_false (pl_demo_generate (store, &options, NULL, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "today"));
  g_clear_error (&error);

  options.today = TODAY;
  options.n_learners = 0;
  g_assert_false (pl_demo_generate (store, &options, NULL, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  options.n_learners = 24;
  options.checkin_weekday = 8;
  g_assert_false (pl_demo_generate (store, &options, NULL, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "check-in day"));
  g_clear_error (&error);
  options.checkin_weekday = 1;

  options.n_learners = 60;
  g_cancellable_cancel (cancellable);
  g_assert_false (pl_demo_generate (store, &options, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (pl_store_count (store, "school", TRUE), ==, 0);
  g_assert_cmpuint (pl_store_count (store, "learner", TRUE), ==, 0);
}

/* Every demo check-in is one the app itself would save, rated 1 to 4, on
 * the check-in day of its week; a minority by the learner. */
static void
assert_checkins_valid (PlStore *store,
                       guint    weekday)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) checkins = pl_store_list (store, PL_TYPE_CHECKIN, &error);
  guint n = g_list_model_get_n_items (checkins), by_learner = 0;

  g_assert_cmpuint (n, >=, 24 * 3);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlCheckin) c = g_list_model_get_item (checkins, i);
      const char *at = pl_record_get_string (PL_RECORD (c), "checked-at");
      g_autofree char *day = g_strndup (at, 10);
      g_autofree char *week = pl_checkin_week_start (day, weekday);

      if (!pl_store_check_checkin (store, c, &error))
        g_error ("demo check-in %s: %s", pl_record_get_uuid (PL_RECORD (c)), error->message);
      g_assert_cmpint (pl_record_get_int (PL_RECORD (c), "progress"), >=, 1);
      g_assert_cmpint (pl_record_get_int (PL_RECORD (c), "progress"), <=, 4);
      /* On the check-in day itself, which starts its week. */
      g_assert_cmpstr (day, ==, week);
      g_assert_cmpstr (pl_record_get_string (PL_RECORD (c), "week-of"), ==, week);
      if (pl_record_get_boolean (PL_RECORD (c), "by-learner"))
        {
          by_learner++;
          g_assert_null (pl_record_get_string (PL_RECORD (c), "teacher-note"));
        }
    }
  g_assert_cmpuint (by_learner, >=, n / 10);
  g_assert_cmpuint (by_learner, <=, n * 2 / 5);
}

/* Where the class stands on TODAY with weeks starting on WEEKDAY. */
static void
count_states (PlStore    *store,
              const char *today,
              guint       weekday,
              guint      *done,
              guint      *due,
              guint      *missing)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) classes = pl_store_list (store, PL_TYPE_CLASSROOM, &error);
  g_autoptr(PlRecord) c = g_list_model_get_item (classes, 0);
  g_autoptr(GArray) status = pl_store_class_checkin_status (store, pl_record_get_uuid (c), today, weekday, &error);

  g_assert_no_error (error);
  *done = *due = *missing = 0;
  for (guint i = 0; i < status->len; i++)
    switch (g_array_index (status, PlCheckinStatus, i).state)
      {
      case PL_CHECKIN_STATE_DONE: (*done)++; break;
      case PL_CHECKIN_STATE_DUE: (*due)++; break;
      case PL_CHECKIN_STATE_MISSING: (*missing)++; break;
      }
}

static void
test_checkins (void)
{
  /* today, check-in day */
  static const struct { const char *today; guint weekday; } cases[] = {
    { TODAY, 1 },            /* a Friday, weeks from Monday */
    { "2026-03-16", 1 },     /* the check-in day itself */
    { "2026-03-18", 5 },     /* a Wednesday, weeks from Friday */
    { "2026-03-20", 5 },     /* a Friday, weeks from Friday */
    { "2026-03-22", 3 },     /* a Sunday, weeks from Wednesday */
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlStore) store = pl_store_open (NULL, &error);
      PlDemoOptions options;
      guint done, due, missing;

      pl_demo_options_init (&options);
      options.today = cases[k].today;
      options.checkin_weekday = cases[k].weekday;
      g_assert_true (pl_demo_generate (store, &options, NULL, &error));
      g_assert_no_error (error);

      assert_checkins_valid (store, cases[k].weekday);
      /* Most of the class has checked in this week, a few not yet, and
       * three have been quiet for two weeks or more. */
      count_states (store, cases[k].today, cases[k].weekday, &done, &due, &missing);
      g_test_message ("%s, day %u: %u done, %u due, %u quiet", cases[k].today, cases[k].weekday,
                      done, due, missing);
      g_assert_cmpuint (done + due + missing, ==, 24);
      g_assert_cmpuint (done, >=, 17);
      g_assert_cmpuint (due, >=, 1);
      g_assert_cmpuint (due, <=, 4);
      g_assert_cmpuint (missing, ==, 3);
    }
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
test_classes_scale (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (NULL, &error);
  g_autoptr(GListModel) classes = NULL;
  PlDemoOptions options;
  double last = 0.0;

  pl_demo_options_init (&options);
  options.n_learners = 100;
  options.today = TODAY;
  options.progress = progress_cb;
  options.progress_data = &last;
  g_assert_true (pl_demo_generate (store, &options, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_cmpuint (pl_store_count (store, "learner", FALSE), ==, 100);
  classes = pl_store_list (store, PL_TYPE_CLASSROOM, &error);
  g_assert_cmpuint (g_list_model_get_n_items (classes), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(PlRecord) c = g_list_model_get_item (classes, i);
      g_autoptr(GListModel) members = pl_store_list_where (store, PL_TYPE_ENROLLMENT, "classroom_uuid",
                                                           pl_record_get_uuid (c), &error);

      g_assert_cmpuint (g_list_model_get_n_items (members), >=, 24);
      g_assert_cmpuint (g_list_model_get_n_items (members), <=, 30);
    }
  g_assert_cmpuint (pl_store_count (store, "board", FALSE), ==, 4);
}

static void
test_profile_field_uuid (void)
{
  g_autofree char *a = pl_store_profile_field_uuid ("3e9131da-1540-4d4b-9ee3-af18d63e4550", "interests");
  g_autofree char *b = pl_store_profile_field_uuid ("3e9131da-1540-4d4b-9ee3-af18d63e4550", "interests");
  g_autofree char *c = pl_store_profile_field_uuid ("3e9131da-1540-4d4b-9ee3-af18d63e4550", "needs");
  g_autofree char *d = pl_store_profile_field_uuid ("ae19c119-7126-4d89-b865-a5729df176e6", "interests");

  g_assert_true (g_uuid_string_is_valid (a));
  g_assert_cmpint (a[14], ==, '5');
  g_assert_true (strchr ("89ab", a[19]) != NULL);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_cmpstr (a, !=, d);
}

/* ---- the evidence query -------------------------------------------- */

typedef struct
{
  char   *key;       /* learner uuid, standard uuid */
  char   *at;
  char   *uuid;
  guint64 recorded;  /* updated_hlc: evidence of one day counts in recording order */
  double  score;
} Expected;

static void
expected_free (gpointer data)
{
  Expected *e = data;

  g_free (e->key);
  g_free (e->at);
  g_free (e->uuid);
  g_free (e);
}

static int
compare_expected (gconstpointer a,
                  gconstpointer b)
{
  const Expected *x = *(Expected * const *) a;
  const Expected *y = *(Expected * const *) b;
  int c = strcmp (x->key, y->key);

  if (c == 0)
    c = strcmp (x->at, y->at);
  if (c == 0 && x->recorded != y->recorded)
    c = x->recorded < y->recorded ? -1 : 1;
  if (c == 0)
    c = strcmp (x->uuid, y->uuid);
  return c;
}

/* Compares the query with what the records say, row by row. */
static void
test_evidence_query_demo (void)
{
  g_autoptr(PlStore) store = demo_store (3);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) classes = pl_store_list (store, PL_TYPE_CLASSROOM, &error);
  g_autoptr(PlRecord) classroom = g_list_model_get_item (classes, 0);
  g_autoptr(GListModel) evidence = pl_store_list (store, PL_TYPE_EVIDENCE, &error);
  g_autoptr(GHashTable) superseded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (expected_free);
  g_autoptr(PlEvidenceTable) table = NULL;
  guint k = 0;

  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(PlRecord) e = g_list_model_get_item (evidence, i);
      const char *s = pl_record_get_string (e, "supersedes_uuid");

      if (s != NULL)
        g_hash_table_add (superseded, g_strdup (s));
    }
  g_assert_cmpuint (g_hash_table_size (superseded), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(PlRecord) e = g_list_model_get_item (evidence, i);
      Expected *x;

      if (g_hash_table_contains (superseded, pl_record_get_uuid (e)))
        continue;
      x = g_new0 (Expected, 1);
      x->key = g_strconcat (pl_record_get_string (e, "learner_uuid"), " ",
                            pl_record_get_string (e, "standard_uuid"), NULL);
      x->at = g_strdup (pl_record_get_string (e, "assessed_at"));
      x->uuid = g_strdup (pl_record_get_uuid (e));
      x->recorded = pl_record_get_updated_hlc (e);
      x->score = pl_record_get_double (e, "score");
      g_ptr_array_add (expected, x);
    }
  g_ptr_array_sort (expected, compare_expected);

  table = pl_store_load_class_evidence (store, pl_record_get_uuid (classroom), &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);
  g_assert_cmpuint (table->n_learners, ==, 24);
  g_assert_cmpuint (table->n_standards, ==, 6);
  g_assert_null (table->learner_uuids[24]);
  g_assert_cmpuint (table->n_scores, ==, expected->len);
  g_assert_cmpuint (table->offsets[0], ==, 0);
  g_assert_cmpuint (table->offsets[table->n_series], ==, table->n_scores);
  g_assert_cmpuint (table->n_series, ==, 24 * 6);

  for (guint i = 0; i < table->n_series; i++)
    {
      g_autofree char *key = g_strconcat (table->learner_uuids[table->series_learner[i]], " ",
                                          table->standard_uuids[table->series_standard[i]], NULL);

      for (guint j = table->offsets[i]; j < table->offsets[i + 1]; j++, k++)
        {
          Expected *x = expected->pdata[k];

          g_assert_cmpstr (key, ==, x->key);
          g_assert_cmpfloat (table->scores[j], ==, x->score);
          g_assert_cmpfloat (table->scale_max[j], ==, 4.0);
          if (j > table->offsets[i])
            g_assert_cmpint (table->assessed_at[j], >=, table->assessed_at[j - 1]);
        }
    }
  g_assert_cmpuint (k, ==, expected->len);
}

static void
test_evidence_query_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (NULL, &error);
  g_autoptr(PlClassroom) c = pl_classroom_new ();
  g_autoptr(PlClassroom) other = pl_classroom_new ();
  g_autoptr(PlLearner) l = pl_learner_new ();
  g_autoptr(PlLearner) outsider = pl_learner_new ();
  g_autoptr(PlEnrollment) en = pl_enrollment_new ();
  g_autoptr(PlEnrollment) en2 = pl_enrollment_new ();
  g_autoptr(PlStandard) s = pl_standard_new ();
  g_autoptr(PlCriterion) crit = pl_criterion_new ();
  g_autoptr(PlEvidenceTable) table = NULL;
  const char *lu, *su;
  PlEvidenceRow rows[] = {
    { .uuid = "e0000000-0000-4000-8000-000000000003", .score = 3, .assessed_at = "2026-03-10T09:00:00Z" },
    { .uuid = "e0000000-0000-4000-8000-000000000001", .score = 1, .assessed_at = "2026-03-01" },
    { .uuid = "e0000000-0000-4000-8000-000000000002", .score = 2, .assessed_at = "2026-03-05T09:00:00Z" },
    /* Corrects the 2 of 5 March into a 4. */
    { .uuid = "e0000000-0000-4000-8000-000000000004", .score = 4, .assessed_at = "2026-03-05T09:00:00Z",
      .supersedes_uuid = "e0000000-0000-4000-8000-000000000002" },
    /* On a criterion of the standard only. */
    { .uuid = "e0000000-0000-4000-8000-000000000005", .score = 2.5, .assessed_at = "2026-03-12T09:00:00Z" },
    /* Another learner's, not in the class. */
    { .uuid = "e0000000-0000-4000-8000-000000000006", .score = 1, .assessed_at = "2026-03-12T09:00:00Z" },
  };
  PlEvidenceRow bad = { .score = 1, .assessed_at = "2026-03-12" };
  g_autoptr(PlEvidence) deleted = NULL;

  pl_record_set_string (PL_RECORD (c), "name", "7B");
  pl_record_set_string (PL_RECORD (l), "given_name", "Amara");
  pl_record_set_string (PL_RECORD (s), "code", "SCI.7.1");
  g_assert_true (pl_store_save (store, PL_RECORD (c), &error));
  g_assert_true (pl_store_save (store, PL_RECORD (other), &error));
  g_assert_true (pl_store_save (store, PL_RECORD (l), &error));
  g_assert_true (pl_store_save (store, PL_RECORD (outsider), &error));
  g_assert_true (pl_store_save (store, PL_RECORD (s), &error));
  lu = pl_record_get_uuid (PL_RECORD (l));
  su = pl_record_get_uuid (PL_RECORD (s));
  pl_record_set_string (PL_RECORD (crit), "rubric_uuid", "a rubric");
  pl_record_set_string (PL_RECORD (crit), "standard_uuid", su);
  g_assert_true (pl_store_save (store, PL_RECORD (crit), &error));
  pl_record_set_string (PL_RECORD (en), "classroom_uuid", pl_record_get_uuid (PL_RECORD (c)));
  pl_record_set_string (PL_RECORD (en), "learner_uuid", lu);
  pl_record_set_string (PL_RECORD (en), "role", "student");
  g_assert_true (pl_store_save (store, PL_RECORD (en), &error));
  pl_record_set_string (PL_RECORD (en2), "classroom_uuid", pl_record_get_uuid (PL_RECORD (other)));
  pl_record_set_string (PL_RECORD (en2), "learner_uuid", pl_record_get_uuid (PL_RECORD (outsider)));
  pl_record_set_string (PL_RECORD (en2), "role", "student");
  g_assert_true (pl_store_save (store, PL_RECORD (en2), &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      rows[i].learner_uuid = lu;
      rows[i].standard_uuid = su;
    }
  rows[4].standard_uuid = NULL;
  rows[4].criterion_uuid = pl_record_get_uuid (PL_RECORD (crit));
  rows[5].learner_uuid = pl_record_get_uuid (PL_RECORD (outsider));

  /* A row without a learner is refused and nothing is written. */
  {
    PlEvidenceRow mixed[2] = { rows[0], bad };

    bad.standard_uuid = su;
    mixed[1] = bad;
    g_assert_false (pl_store_add_evidence (store, mixed, 2, &error));
    g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "learner_uuid"));
    g_assert_nonnull (strstr (error->message, "2"));
    g_clear_error (&error);
    g_assert_cmpuint (pl_store_count (store, "evidence", TRUE), ==, 0);
  }

  g_assert_true (pl_store_add_evidence (store, rows, G_N_ELEMENTS (rows), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pl_store_count (store, "evidence", FALSE), ==, 6);

  /* A deleted piece of evidence does not count. */
  deleted = pl_evidence_new ();
  pl_record_set_string (PL_RECORD (deleted), "learner_uuid", lu);
  pl_record_set_string (PL_RECORD (deleted), "standard_uuid", su);
  pl_record_set_double (PL_RECORD (deleted), "score", 4);
  pl_record_set_string (PL_RECORD (deleted), "assessed_at", "2026-03-02");
  g_assert_true (pl_store_save (store, PL_RECORD (deleted), &error));
  g_assert_true (pl_store_delete (store, PL_RECORD (deleted), &error));

  table = pl_store_load_class_evidence (store, pl_record_get_uuid (PL_RECORD (c)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->n_learners, ==, 1);
  g_assert_cmpstr (table->learner_uuids[0], ==, lu);
  g_assert_cmpuint (table->n_standards, ==, 1);
  g_assert_cmpstr (table->standard_uuids[0], ==, su);
  g_assert_cmpuint (table->n_series, ==, 1);
  g_assert_cmpuint (table->n_scores, ==, 4);
  g_assert_cmpfloat (table->scores[0], ==, 1);
  g_assert_cmpfloat (table->scores[1], ==, 4);
  g_assert_cmpfloat (table->scores[2], ==, 3);
  g_assert_cmpfloat (table->scores[3], ==, 2.5);
  g_assert_cmpint (table->assessed_at[0], ==, 1772323200);  /* 2026-03-01T00:00:00Z */
  /* Written as 2026-03-05T09:00:00Z: evidence counts by its day. */
  g_assert_cmpint (table->assessed_at[1], ==, 1772668800);  /* 2026-03-05T00:00:00Z */

  /* Rows without a uuid get random version 4 uuids. */
  {
    PlEvidenceRow fresh[3] = { rows[0], rows[1], rows[2] };
    g_autoptr(GListModel) all = NULL;
    guint n_fresh = 0;

    for (guint i = 0; i < 3; i++)
      fresh[i].uuid = NULL;
    g_assert_true (pl_store_add_evidence (store, fresh, 3, &error));
    g_assert_no_error (error);
    all = pl_store_list (store, PL_TYPE_EVIDENCE, &error);
    for (guint i = 0; i < g_list_model_get_n_items (all); i++)
      {
        g_autoptr(PlRecord) e = g_list_model_get_item (all, i);
        const char *uuid = pl_record_get_uuid (e);

        if (g_str_has_prefix (uuid, "e0000000-"))
          continue;
        n_fresh++;
        g_assert_true (g_uuid_string_is_valid (uuid));
        g_assert_cmpint (uuid[14], ==, '4');
        g_assert_true (strchr ("89ab", uuid[19]) != NULL);
        g_assert_cmpstr (pl_record_get_origin (e), ==, pl_store_get_device_id (store));
        g_assert_cmpuint (pl_record_get_updated_hlc (e), >, 0);
      }
    g_assert_cmpuint (n_fresh, ==, 3);
  }

  /* An empty class still names nobody and nothing. */
  g_clear_pointer (&table, pl_evidence_table_free);
  table = pl_store_load_class_evidence (store, "no-such-class", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->n_learners, ==, 0);
  g_assert_cmpuint (table->n_series, ==, 0);
  g_assert_cmpuint (table->offsets[0], ==, 0);
}

static gboolean
count_start_cb (gpointer             user_data,
                const PlSyncSummary *summary,
                GError             **error)
{
  *(guint64 *) user_data = summary->total;
  return TRUE;
}

static gboolean
ignore_row_cb (gpointer           user_data,
               guint              n_values,
               const PlSyncValue *values,
               GError           **error)
{
  return TRUE;
}

static guint64
total_rows (PlStore *store)
{
  guint64 n = 0;

  for (const char * const *t = pl_schema_synced_tables (); *t != NULL; t++)
    n += pl_store_count (store, *t, TRUE);
  return n;
}

/* A demo added to a database that has already synced writes every row
 * with a clock past what the database held: a "changes only" bundle, which
 * sends what is above the clock the other side acknowledged, then carries
 * all of it. Stale profiles are dated by edited_at, not by old clocks. */
static void
test_add_moves_clock_forward (void)
{
  static const PlSyncExportSink sink = { count_start_cb, NULL, ignore_row_cb };
  g_autoptr(PlStore) store = pl_store_open (NULL, NULL);
  g_autoptr(GHashTable) since = pl_sync_vector_new ();
  g_autoptr(GListModel) learners = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  PlDemoOptions options;
  guint64 rows_before, changed = 0;
  gint64 now_ms = g_get_real_time () / 1000;
  guint stale = 0;

  pl_demo_options_init (&options);
  g_assert_true (pl_demo_generate (store, &options, NULL, &error));
  g_assert_no_error (error);
  before = pl_store_get_meta (store, "hlc");
  g_assert_nonnull (before);
  rows_before = total_rows (store);

  options.add = TRUE;
  options.seed = 9;
  g_assert_true (pl_demo_generate (store, &options, NULL, &error));
  g_assert_no_error (error);

  pl_sync_vector_set (since, pl_store_get_device_id (store), g_ascii_strtoull (before, NULL, 10));
  g_assert_true (pl_store_sync_export (store, since, &sink, &changed, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (total_rows (store) - rows_before, >, 1000);
  g_assert_cmpuint (changed, ==, total_rows (store) - rows_before);

  /* The stale profiles are still there, by their dates. */
  learners = pl_store_list_profiles (store, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (learners); i++)
    {
      g_autoptr(PlProfile) p = g_list_model_get_item (learners, i);

      stale += pl_profile_is_stale (p, now_ms) ? 1 : 0;
    }
  g_assert_cmpuint (stale, >=, 2);
  g_assert_cmpuint (stale, <, g_list_model_get_n_items (learners) / 4);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/reproducible", test_reproducible);
  g_test_add_func ("/demo/shape", test_shape);
  g_test_add_func ("/demo/paths", test_paths);
  g_test_add_func ("/demo/checkins", test_checkins);
  g_test_add_func ("/demo/add-moves-clock-forward", test_add_moves_clock_forward);
  g_test_add_func ("/demo/refuses-second-demo", test_refuses_second_demo);
  g_test_add_func ("/demo/bad-options", test_bad_options);
  g_test_add_func ("/demo/classes-scale", test_classes_scale);
  g_test_add_func ("/demo/profile-field-uuid", test_profile_field_uuid);
  g_test_add_func ("/evidence/query-demo", test_evidence_query_demo);
  g_test_add_func ("/evidence/query-rows", test_evidence_query_rows);

  return g_test_run ();
}
