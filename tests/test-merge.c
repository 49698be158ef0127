/* test-merge.c — the merge rules: clocks, ties, tombstones, append-only
 * records, conflicts on profile fields, order independence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sync-test-util.h"

typedef struct
{
  char    *dir;
  char    *school;
  char    *key;
  PlStore *hub;
  PlStore *a;
  PlStore *b;
  guint    n_bundles;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("pl-merge-XXXXXX", NULL);
  f->hub = sync_test_hub (NULL, &f->school, &f->key);
  f->a = sync_test_device (NULL, f->school, f->key);
  f->b = sync_test_device (NULL, f->school, f->key);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (f->dir);
  g_clear_object (&f->hub);
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  g_free (f->dir);
  g_free (f->school);
  g_free (f->key);
}

/* FROM's full bundle, imported by TO. */
static void
send (Fixture *f,
      PlStore *from,
      PlStore *to)
{
  g_autofree char *name = g_strdup_printf ("b%u.plbundle", f->n_bundles++);
  g_autoptr(GFile) bundle = sync_test_export (from, f->dir, name, NULL, FALSE);

  sync_test_import (to, bundle);
}

static GFile *
bundle_of (Fixture *f,
           PlStore *from)
{
  g_autofree char *name = g_strdup_printf ("b%u.plbundle", f->n_bundles++);

  return sync_test_export (from, f->dir, name, NULL, FALSE);
}

static char *
given_name (PlStore    *store,
            const char *uuid)
{
  g_autoptr(PlRecord) r = pl_store_get (store, PL_TYPE_LEARNER, uuid, NULL);

  return r != NULL ? g_strdup (pl_record_get_string (r, "given-name")) : NULL;
}

static void
rename_learner (PlStore    *store,
                const char *uuid,
                const char *name)
{
  g_autoptr(PlRecord) r = pl_store_get (store, PL_TYPE_LEARNER, uuid, NULL);

  g_assert_nonnull (r);
  pl_record_set_string (r, "given-name", name);
  g_assert_true (pl_store_save (store, r, NULL));
}

static void
test_later_edit_wins (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PlLearner) l = sync_test_learner (f->a, "Amara", "Okafor");
  const char *uuid = pl_record_get_uuid (PL_RECORD (l));
  g_autofree char *on_a = NULL;
  g_autofree char *on_b = NULL;

  send (f, f->a, f->b);
  rename_learner (f->b, uuid, "Mara");
  g_usleep (2000);
  rename_learner (f->a, uuid, "Ama");

  send (f, f->a, f->b);
  send (f, f->b, f->a);
  on_a = given_name (f->a, uuid);
  on_b = given_name (f->b, uuid);
  g_assert_cmpstr (on_a, ==, "Ama");
  g_assert_cmpstr (on_b, ==, "Ama");

  /* An edit made after seeing the other's value wins even when the
   * editor's wall clock is behind: the clock moved past the import. */
  rename_learner (f->b, uuid, "Amy");
  send (f, f->b, f->a);
  g_free (on_a);
  on_a = given_name (f->a, uuid);
  g_assert_cmpstr (on_a, ==, "Amy");
}

static gint64
fixed_clock (gpointer user_data)
{
  return 1767225600000;  /* 2026-01-01 */
}

static void
test_tie_goes_to_greater_origin (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *on_a = NULL;
  g_autofree char *on_b = NULL;
  const char *winner;

  /* Same clock value on both devices for the same field. */
  pl_hlc_set_clock (pl_store_get_clock (f->a), fixed_clock, NULL);
  pl_hlc_set_clock (pl_store_get_clock (f->b), fixed_clock, NULL);
  g_assert_cmpuint (pl_hlc_last (pl_store_get_clock (f->a)), ==, pl_hlc_last (pl_store_get_clock (f->b)));
  sync_test_set_field (f->a, "learner-1", "interests", "from a");
  sync_test_set_field (f->b, "learner-1", "interests", "from b");

  send (f, f->a, f->b);
  send (f, f->b, f->a);
  winner = g_strcmp0 (pl_store_get_device_id (f->a), pl_store_get_device_id (f->b)) > 0 ? "from a" : "from b";
  on_a = sync_test_get_field (f->a, "learner-1", "interests");
  on_b = sync_test_get_field (f->b, "learner-1", "interests");
  g_assert_cmpstr (on_a, ==, winner);
  g_assert_cmpstr (on_b, ==, winner);
}

static void
test_tombstones (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(PlLearner) l = sync_test_learner (f->a, "Amara", "Okafor");
  g_autoptr(PlRecord) on_b = NULL;
  g_autoptr(PlRecord) back = NULL;
  const char *uuid = pl_record_get_uuid (PL_RECORD (l));
  g_autofree char *field = NULL;

  sync_test_set_field (f->a, uuid, "strengths", "drawing");
  send (f, f->a, f->b);

  /* A deletes; B's older copy does not bring it back. */
  g_assert_true (pl_store_delete (f->a, PL_RECORD (l), NULL));
  send (f, f->b, f->a);
  send (f, f->a, f->b);
  on_b = pl_store_get (f->b, PL_TYPE_LEARNER, uuid, NULL);
  g_assert_true (pl_record_get_deleted (on_b));
  g_assert_cmpuint (pl_store_count (f->b, "learner", FALSE), ==, 0);

  /* A field deleted on one device and set again later on another comes
   * back everywhere. */
  {
    g_autofree char *fuuid = sync_test_field_uuid (uuid, "strengths");
    g_autoptr(PlRecord) pf = pl_store_get (f->a, PL_TYPE_PROFILE_FIELD, fuuid, NULL);

    g_assert_true (pl_store_delete (f->a, pf, NULL));
  }
  send (f, f->a, f->b);
  field = sync_test_get_field (f->b, uuid, "strengths");
  g_assert_null (field);
  sync_test_set_field (f->b, uuid, "strengths", "drawing, maps");
  send (f, f->b, f->a);
  g_free (field);
  field = sync_test_get_field (f->a, uuid, "strengths");
  g_assert_cmpstr (field, ==, "drawing, maps");
  (void) back;
}

static void
test_append_only (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PlEvidence) e1 = sync_test_evidence (f->a, "learner-1", 3);
  g_autoptr(PlEvidence) e2 = sync_test_evidence (f->b, "learner-1", 2);
  g_autoptr(PlRecord) e1_on_b = NULL;

  /* Evidence from both devices accumulates; nothing conflicts. */
  send (f, f->a, f->hub);
  send (f, f->b, f->hub);
  send (f, f->hub, f->a);
  send (f, f->hub, f->b);
  g_assert_cmpuint (pl_store_count (f->a, "evidence", FALSE), ==, 2);
  g_assert_cmpuint (pl_store_count (f->b, "evidence", FALSE), ==, 2);

  /* A retraction (tombstone) is the one change evidence takes. */
  g_assert_true (pl_store_delete (f->a, PL_RECORD (e1), NULL));
  send (f, f->a, f->b);
  e1_on_b = pl_store_get (f->b, PL_TYPE_EVIDENCE, pl_record_get_uuid (PL_RECORD (e1)), NULL);
  g_assert_true (pl_record_get_deleted (e1_on_b));
  g_assert_cmpfloat (pl_record_get_double (e1_on_b, "score"), ==, 3);
  g_assert_cmpuint (pl_store_count (f->b, "evidence", FALSE), ==, 1);
}

static void
test_conflict_listed_and_kept_other (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GPtrArray) on_a = NULL;
  g_autoptr(GPtrArray) on_b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  PlSyncConflict *c;

  sync_test_set_field (f->a, "learner-1", "interests", "volcanoes");
  g_usleep (2000);
  sync_test_set_field (f->b, "learner-1", "interests", "chess");

  /* Both go through the hub; neither saw the other's value. */
  send (f, f->a, f->hub);
  send (f, f->b, f->hub);
  send (f, f->hub, f->a);
  send (f, f->hub, f->b);

  on_a = pl_store_sync_list_conflicts (f->a, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (on_a->len, ==, 1);
  c = on_a->pdata[0];
  g_assert_cmpstr (c->field, ==, "interests");
  g_assert_cmpstr (c->learner_uuid, ==, "learner-1");
  g_assert_cmpstr (c->local_value, ==, "volcanoes");
  g_assert_cmpstr (c->remote_value, ==, "chess");
  g_assert_true (c->remote_won);

  /* The hub saw both; B's value was never replaced, so B has nothing to
   * decide. */
  on_b = pl_store_sync_list_conflicts (f->hub, FALSE, &error);
  g_assert_cmpuint (on_b->len, ==, 1);
  g_assert_true (((PlSyncConflict *) on_b->pdata[0])->remote_won);
  g_assert_cmpstr (((PlSyncConflict *) on_b->pdata[0])->local_value, ==, "volcanoes");
  g_clear_pointer (&on_b, g_ptr_array_unref);
  on_b = pl_store_sync_list_conflicts (f->b, FALSE, &error);
  g_assert_cmpuint (on_b->len, ==, 0);

  /* Importing again lists nothing new. */
  send (f, f->hub, f->a);
  g_clear_pointer (&on_b, g_ptr_array_unref);
  on_b = pl_store_sync_list_conflicts (f->a, FALSE, &error);
  g_assert_cmpuint (on_b->len, ==, 1);

  /* A's teacher keeps their own value: it wins everywhere next time. */
  g_assert_true (pl_store_sync_keep_other (f->a, c->id, &error));
  g_assert_no_error (error);
  value = sync_test_get_field (f->a, "learner-1", "interests");
  g_assert_cmpstr (value, ==, "volcanoes");
  g_clear_pointer (&on_a, g_ptr_array_unref);
  on_a = pl_store_sync_list_conflicts (f->a, FALSE, &error);
  g_assert_cmpuint (on_a->len, ==, 0);
  g_clear_pointer (&on_a, g_ptr_array_unref);
  on_a = pl_store_sync_list_conflicts (f->a, TRUE, &error);
  g_assert_cmpuint (on_a->len, ==, 1);
  g_assert_true (((PlSyncConflict *) on_a->pdata[0])->resolved);

  send (f, f->a, f->hub);
  send (f, f->hub, f->b);
  g_free (value);
  value = sync_test_get_field (f->b, "learner-1", "interests");
  g_assert_cmpstr (value, ==, "volcanoes");

  /* Unknown conflicts are reported as such. */
  g_assert_false (pl_store_sync_keep_other (f->a, 9999, &error));
  g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND);
}

/* One device edits a field while the other removes it: the teacher is
 * told either way, and can keep the side that lost. */
static void
test_edit_against_removal (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *fuuid = sync_test_field_uuid ("learner-1", "needs");
  g_autoptr(GPtrArray) on_a = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  PlSyncConflict *c;

  sync_test_set_field (f->a, "learner-1", "needs", "quiet corner");
  send (f, f->a, f->b);

  /* A removes it; B, not knowing, edits it later (and so wins). */
  {
    g_autoptr(PlRecord) field = pl_store_get (f->a, PL_TYPE_PROFILE_FIELD, fuuid, NULL);

    g_assert_true (pl_store_delete (f->a, field, NULL));
  }
  g_usleep (2000);
  sync_test_set_field (f->b, "learner-1", "needs", "quiet corner, headphones");
  send (f, f->b, f->a);

  on_a = pl_store_sync_list_conflicts (f->a, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (on_a->len, ==, 1);
  c = on_a->pdata[0];
  g_assert_cmpstr (c->field, ==, "needs");
  g_assert_null (c->local_value);
  g_assert_cmpstr (c->remote_value, ==, "quiet corner, headphones");
  g_assert_true (c->remote_won);
  value = sync_test_get_field (f->a, "learner-1", "needs");
  g_assert_cmpstr (value, ==, "quiet corner, headphones");

  /* Keeping the removal removes it again, and that reaches B. */
  g_assert_true (pl_store_sync_keep_other (f->a, c->id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&value, g_free);
  value = sync_test_get_field (f->a, "learner-1", "needs");
  g_assert_null (value);
  send (f, f->a, f->b);
  value = sync_test_get_field (f->b, "learner-1", "needs");
  g_assert_null (value);

  /* The other way round: A edits, B removes it later; A's edit is listed. */
  sync_test_set_field (f->a, "learner-1", "strengths", "maps");
  send (f, f->a, f->b);
  sync_test_set_field (f->a, "learner-1", "strengths", "maps, timelines");
  g_usleep (2000);
  {
    g_autofree char *suuid = sync_test_field_uuid ("learner-1", "strengths");
    g_autoptr(PlRecord) field = pl_store_get (f->b, PL_TYPE_PROFILE_FIELD, suuid, NULL);

    g_assert_true (pl_store_delete (f->b, field, NULL));
  }
  send (f, f->b, f->a);
  g_clear_pointer (&on_a, g_ptr_array_unref);
  on_a = pl_store_sync_list_conflicts (f->a, FALSE, &error);
  g_assert_cmpuint (on_a->len, ==, 1);
  c = on_a->pdata[0];
  g_assert_cmpstr (c->field, ==, "strengths");
  g_assert_cmpstr (c->local_value, ==, "maps, timelines");
  g_assert_null (c->remote_value);
  g_assert_true (c->remote_won);
  g_assert_true (pl_store_sync_keep_other (f->a, c->id, &error));
  g_free (value);
  value = sync_test_get_field (f->a, "learner-1", "strengths");
  g_assert_cmpstr (value, ==, "maps, timelines");
}

/* B changes a value after receiving A's: an ordinary edit, not a conflict
 * on B's side. */
static void
test_sequential_edit_is_no_conflict (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GPtrArray) on_b = NULL;

  sync_test_set_field (f->a, "learner-1", "needs", "quiet corner");
  send (f, f->a, f->b);
  sync_test_set_field (f->b, "learner-1", "needs", "quiet corner, headphones");
  send (f, f->a, f->b);
  on_b = pl_store_sync_list_conflicts (f->b, FALSE, NULL);
  g_assert_cmpuint (on_b->len, ==, 0);
}

static void
test_order_independent (Fixture       *f,
                        gconstpointer  data)
{
  static const int orders[6][3] = {
    { 0, 1, 2 }, { 0, 2, 1 }, { 1, 0, 2 }, { 1, 2, 0 }, { 2, 0, 1 }, { 2, 1, 0 },
  };
  g_autoptr(PlLearner) l = sync_test_learner (f->a, "Amara", "Okafor");
  const char *uuid = pl_record_get_uuid (PL_RECORD (l));
  GFile *bundles[3];
  g_autofree char *first = NULL;

  sync_test_set_field (f->a, uuid, "interests", "a1");
  bundles[0] = bundle_of (f, f->a);
  send (f, f->a, f->b);
  sync_test_set_field (f->b, uuid, "interests", "b1");
  g_assert_true (pl_store_delete (f->b, PL_RECORD (l), NULL));
  bundles[1] = bundle_of (f, f->b);
  g_usleep (1000);
  sync_test_set_field (f->a, uuid, "interests", "a2");
  sync_test_set_field (f->a, uuid, "goals", "read more");
  bundles[2] = bundle_of (f, f->a);

  for (guint o = 0; o < G_N_ELEMENTS (orders); o++)
    {
      g_autoptr(PlStore) fresh = sync_test_device (NULL, f->school, f->key);
      g_autofree char *dump = NULL;

      for (guint i = 0; i < 3; i++)
        sync_test_import (fresh, bundles[orders[o][i]]);
      /* And a duplicate for good measure. */
      sync_test_import (fresh, bundles[orders[o][0]]);
      dump = sync_test_dump (fresh);
      if (first == NULL)
        first = g_steal_pointer (&dump);
      else
        g_assert_cmpstr (dump, ==, first);
    }
  for (guint i = 0; i < 3; i++)
    g_object_unref (bundles[i]);
}

/* A bundle claiming a clock far in the future is refused whole. */
static void
test_future_clock_refused (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GFile) bundle = NULL;
  g_autoptr(GError) error = NULL;

  pl_hlc_observe (pl_store_get_clock (f->a), pl_hlc_pack (g_get_real_time () / 1000 + G_GINT64_CONSTANT (5) * 365 * 24 * 3600 * 1000, 0));
  sync_test_set_field (f->a, "learner-1", "interests", "time travel");
  bundle = bundle_of (f, f->a);
  g_assert_false (pl_bundle_import (f->b, bundle, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "updated_hlc"));
  g_assert_cmpuint (pl_store_count (f->b, "profile_field", TRUE), ==, 0);
}

/* A second bundle of a large table holds mostly records the receiver has
 * already, some changed since, some deleted, some new: past the first
 * few dozen the import stops trying the plain insert first, and every
 * change still arrives. */
static void
test_held_and_new_records (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) learners = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) evidence = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *given = g_strdup_printf ("Learner %u", i);
      PlLearner *l = sync_test_learner (f->a, given, "Held");

      g_ptr_array_add (learners, l);
      g_ptr_array_add (evidence, sync_test_evidence (f->a, pl_record_get_uuid (PL_RECORD (l)), 1 + i % 4));
    }
  send (f, f->a, f->b);
  g_assert_cmpuint (pl_store_count (f->b, "learner", TRUE), ==, 300);

  g_usleep (1000);
  for (guint i = 200; i < 300; i++)
    {
      g_autofree char *given = g_strdup_printf ("Renamed %u", i);

      pl_record_set_string (learners->pdata[i], "given-name", given);
      g_assert_true (pl_store_save (f->a, learners->pdata[i], NULL));
    }
  for (guint i = 0; i < 50; i++)
    {
      g_assert_true (pl_store_delete (f->a, learners->pdata[i], NULL));
      g_assert_true (pl_store_delete (f->a, evidence->pdata[299 - i], NULL));
    }
  for (guint i = 0; i < 100; i++)
    g_object_unref (sync_test_learner (f->a, "New", "Arrival"));
  send (f, f->a, f->b);

  g_assert_cmpuint (pl_store_count (f->b, "learner", TRUE), ==, 400);
  g_assert_cmpuint (pl_store_count (f->b, "learner", FALSE), ==, 350);
  g_assert_cmpuint (pl_store_count (f->b, "evidence", TRUE), ==, 300);
  g_assert_cmpuint (pl_store_count (f->b, "evidence", FALSE), ==, 250);
  for (guint i = 200; i < 300; i++)
    {
      g_autofree char *expected = g_strdup_printf ("Renamed %u", i);
      g_autofree char *got = given_name (f->b, pl_record_get_uuid (learners->pdata[i]));

      g_assert_cmpstr (got, ==, expected);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/merge/later-edit-wins", test_later_edit_wins);
  ADD ("/merge/tie-goes-to-greater-origin", test_tie_goes_to_greater_origin);
  ADD ("/merge/tombstones", test_tombstones);
  ADD ("/merge/append-only", test_append_only);
  ADD ("/merge/conflict-listed-and-kept-other", test_conflict_listed_and_kept_other);
  ADD ("/merge/sequential-edit-is-no-conflict", test_sequential_edit_is_no_conflict);
  ADD ("/merge/edit-against-removal", test_edit_against_removal);
  ADD ("/merge/order-independent", test_order_independent);
  ADD ("/merge/future-clock-refused", test_future_clock_refused);
  ADD ("/merge/held-and-new-records", test_held_and_new_records);

  return g_test_run ();
}
