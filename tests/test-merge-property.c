/* test-merge-property.c — three devices and a hub edit at random and swap
 * bundles in random orders, duplicates included; every database must end
 * with the same dump, and every write that should win must be there.
 *
 * PL_PROPERTY_SEEDS and PL_PROPERTY_STEPS make a longer run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>

#include "sync-test-util.h"

#define N_NODES 4   /* 0 is the hub */

static const char * const fields[] = { "interests", "needs", "goals" };

typedef struct
{
  GType    type;
  char    *uuid;
  guint64  hlc;
  char    *origin;
  gboolean deleted;
  char    *value;      /* given name, field value or score */
} Write;

typedef struct
{
  GRand      *rand;
  char       *dir;
  PlStore    *nodes[N_NODES];
  gint64      skew[N_NODES];
  GPtrArray  *pool;       /* GFile of every bundle written */
  GPtrArray  *learners;   /* uuids created anywhere */
  GHashTable *best;       /* uuid → Write: the write that must win */
  guint       n_bundles;
  guint       n_writes;
} World;

static void
write_free (gpointer data)
{
  Write *w = data;

  g_free (w->uuid);
  g_free (w->origin);
  g_free (w->value);
  g_free (w);
}

static gint64
skewed_clock (gpointer user_data)
{
  return g_get_real_time () / 1000 + *(gint64 *) user_data;
}

/* Remembers the write if it beats what is known for its record. */
static void
log_write (World      *world,
           PlRecord   *record,
           const char *value)
{
  Write *old = g_hash_table_lookup (world->best, pl_record_get_uuid (record));
  guint64 hlc = pl_record_get_updated_hlc (record);
  const char *origin = pl_record_get_origin (record);
  Write *w;

  world->n_writes++;
  if (old != NULL && (old->hlc > hlc || (old->hlc == hlc && g_strcmp0 (old->origin, origin) > 0)))
    return;
  w = g_new0 (Write, 1);
  w->type = G_OBJECT_TYPE (record);
  w->uuid = g_strdup (pl_record_get_uuid (record));
  w->hlc = hlc;
  w->origin = g_strdup (origin);
  w->deleted = pl_record_get_deleted (record);
  w->value = g_strdup (value);
  g_hash_table_replace (world->best, g_strdup (w->uuid), w);
}

static const char *
random_learner (World *world)
{
  if (world->learners->len == 0)
    return NULL;
  return world->learners->pdata[g_rand_int_range (world->rand, 0, world->learners->len)];
}

static char *
random_word (World *world)
{
  static const char * const words[] = { "maps", "chess", "volcanoes", "music", "quiet", "robots",
                                        "poetry", "soccer", "", "drawing" };

  return g_strdup_printf ("%s %u", words[g_rand_int_range (world->rand, 0, G_N_ELEMENTS (words))],
                          g_rand_int_range (world->rand, 0, 100));
}

static void
save (World    *world,
      PlStore  *store,
      PlRecord *record,
      gboolean  delete,
      const char *value)
{
  g_autoptr(GError) error = NULL;

  if (delete)
    g_assert_true (pl_store_delete (store, record, &error));
  else
    g_assert_true (pl_store_save (store, record, &error));
  g_assert_no_error (error);
  log_write (world, record, value);
}

static void
edit (World *world,
      guint  n)
{
  PlStore *store = world->nodes[n];
  const char *learner = random_learner (world);

  switch (g_rand_int_range (world->rand, 0, 7))
    {
    case 0:
      {
        g_autoptr(PlLearner) l = pl_learner_new ();
        g_autofree char *name = random_word (world);

        pl_record_set_string (PL_RECORD (l), "given-name", name);
        save (world, store, PL_RECORD (l), FALSE, name);
        g_ptr_array_add (world->learners, g_strdup (pl_record_get_uuid (PL_RECORD (l))));
      }
      break;
    case 1:   /* the same field of the same record, on whichever device has it */
    case 2:
      {
        g_autoptr(PlRecord) l = learner != NULL ? pl_store_get (store, PL_TYPE_LEARNER, learner, NULL) : NULL;
        g_autofree char *name = random_word (world);

        if (l == NULL)
          return;
        if (g_rand_int_range (world->rand, 0, 5) == 0)
          save (world, store, l, TRUE, pl_record_get_string (l, "given-name"));
        else
          {
            pl_record_set_string (l, "given-name", name);
            save (world, store, l, FALSE, name);
          }
      }
      break;
    case 3:   /* a profile field: set, re-created after a delete */
    case 4:
      {
        const char *field = fields[g_rand_int_range (world->rand, 0, G_N_ELEMENTS (fields))];
        g_autofree char *uuid = NULL;
        g_autoptr(PlProfileField) f = NULL;
        g_autofree char *value = random_word (world);

        if (learner == NULL)
          return;
        uuid = sync_test_field_uuid (learner, field);
        f = g_object_new (PL_TYPE_PROFILE_FIELD, "uuid", uuid, NULL);
        pl_record_set_string (PL_RECORD (f), "learner-uuid", learner);
        pl_record_set_string (PL_RECORD (f), "field", field);
        pl_record_set_string (PL_RECORD (f), "value", value);
        save (world, store, PL_RECORD (f), FALSE, value);
      }
      break;
    case 5:   /* delete a profile field this device has */
      {
        const char *field = fields[g_rand_int_range (world->rand, 0, G_N_ELEMENTS (fields))];
        g_autofree char *uuid = learner != NULL ? sync_test_field_uuid (learner, field) : NULL;
        g_autoptr(PlRecord) f = uuid != NULL ? pl_store_get (store, PL_TYPE_PROFILE_FIELD, uuid, NULL) : NULL;

        if (f == NULL || pl_record_get_deleted (f))
          return;
        save (world, store, f, TRUE, pl_record_get_string (f, "value"));
      }
      break;
    case 6:   /* evidence: added, sometimes retracted */
      {
        g_autoptr(PlEvidence) e = NULL;
        g_autofree char *score = NULL;

        if (learner == NULL)
          return;
        e = pl_evidence_new ();
        pl_record_set_string (PL_RECORD (e), "learner-uuid", learner);
        pl_record_set_double (PL_RECORD (e), "score", g_rand_int_range (world->rand, 1, 5));
        pl_record_set_string (PL_RECORD (e), "assessed-at", "2026-03-01");
        score = g_strdup_printf ("%g", pl_record_get_double (PL_RECORD (e), "score"));
        save (world, store, PL_RECORD (e), FALSE, score);
        if (g_rand_int_range (world->rand, 0, 4) == 0)
          save (world, store, PL_RECORD (e), TRUE, score);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
export_to_pool (World      *world,
                guint       n,
                const char *recipient,
                gboolean    incremental)
{
  g_autofree char *name = g_strdup_printf ("%u-from-%u.plbundle", world->n_bundles++, n);

  g_ptr_array_add (world->pool, sync_test_export (world->nodes[n], world->dir, name, recipient, incremental));
}

static void
import_random (World *world,
               guint  n)
{
  if (world->pool->len == 0)
    return;
  sync_test_import (world->nodes[n], world->pool->pdata[g_rand_int_range (world->rand, 0, world->pool->len)]);
}

static void
step (World *world)
{
  guint n = g_rand_int_range (world->rand, 0, N_NODES);
  const char *hub_id = pl_store_get_device_id (world->nodes[0]);

  switch (g_rand_int_range (world->rand, 0, 10))
    {
    case 0: case 1: case 2: case 3: case 4:
      edit (world, n);
      break;
    case 5:   /* a device writes for the hub, or a full bundle for anyone */
      if (n == 0)
        export_to_pool (world, 0, pl_store_get_device_id (world->nodes[g_rand_int_range (world->rand, 1, N_NODES)]), TRUE);
      else
        export_to_pool (world, n, g_rand_boolean (world->rand) ? hub_id : NULL, g_rand_boolean (world->rand));
      break;
    case 6: case 7:   /* any bundle, old or new, for anyone, again */
      import_random (world, n);
      break;
    case 8:   /* a round trip with the hub */
      if (n != 0)
        {
          g_autofree char *name = g_strdup_printf ("%u-rt.plbundle", world->n_bundles++);
          g_autoptr(GFile) up = sync_test_export (world->nodes[n], world->dir, name, hub_id, TRUE);
          g_autofree char *name2 = g_strdup_printf ("%u-rt.plbundle", world->n_bundles++);
          g_autoptr(GFile) down = NULL;

          sync_test_import (world->nodes[0], up);
          down = sync_test_export (world->nodes[0], world->dir, name2,
                                   pl_store_get_device_id (world->nodes[n]), TRUE);
          sync_test_import (world->nodes[n], down);
          g_ptr_array_add (world->pool, g_object_ref (down));
        }
      break;
    case 9:   /* two devices exchange directly */
      {
        guint m = g_rand_int_range (world->rand, 0, N_NODES);
        g_autofree char *name = g_strdup_printf ("%u-direct.plbundle", world->n_bundles++);
        g_autoptr(GFile) b = sync_test_export (world->nodes[n], world->dir, name,
                                               pl_store_get_device_id (world->nodes[m]), TRUE);

        if (m != n)
          sync_test_import (world->nodes[m], b);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
converge (World *world)
{
  const char *hub_id = pl_store_get_device_id (world->nodes[0]);

  /* Everyone to the hub (changes only), the hub back to everyone. */
  for (guint n = 1; n < N_NODES; n++)
    {
      g_autofree char *name = g_strdup_printf ("%u-final.plbundle", world->n_bundles++);
      g_autoptr(GFile) up = sync_test_export (world->nodes[n], world->dir, name, hub_id, TRUE);

      sync_test_import (world->nodes[0], up);
    }
  for (guint n = 1; n < N_NODES; n++)
    {
      g_autofree char *name = g_strdup_printf ("%u-final.plbundle", world->n_bundles++);
      g_autoptr(GFile) down = sync_test_export (world->nodes[0], world->dir, name,
                                                pl_store_get_device_id (world->nodes[n]), TRUE);

      sync_test_import (world->nodes[n], down);
    }
}

static void
check_winners (World *world)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, world->best);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Write *w = value;
      g_autoptr(PlRecord) r = pl_store_get (world->nodes[0], w->type, w->uuid, NULL);
      g_autofree char *got = NULL;

      g_assert_nonnull (r);
      g_assert_cmpuint (pl_record_get_updated_hlc (r), ==, w->hlc);
      g_assert_cmpstr (pl_record_get_origin (r), ==, w->origin);
      g_assert_cmpint (pl_record_get_deleted (r), ==, w->deleted);
      if (w->type == PL_TYPE_LEARNER)
        got = g_strdup (pl_record_get_string (r, "given-name"));
      else if (w->type == PL_TYPE_PROFILE_FIELD)
        got = g_strdup (pl_record_get_string (r, "value"));
      else
        got = g_strdup_printf ("%g", pl_record_get_double (r, "score"));
      g_assert_cmpstr (got, ==, w->value);
    }
}

static void
run_seed (guint32 seed,
          guint   steps)
{
  World world = { 0 };
  g_autofree char *school = NULL;
  g_autofree char *key = NULL;
  g_autofree char *hub_dump = NULL;

  world.rand = g_rand_new_with_seed (seed);
  world.dir = g_dir_make_tmp ("pl-property-XXXXXX", NULL);
  world.pool = g_ptr_array_new_with_free_func (g_object_unref);
  world.learners = g_ptr_array_new_with_free_func (g_free);
  world.best = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, write_free);

  world.nodes[0] = sync_test_hub (NULL, &school, &key);
  for (guint n = 1; n < N_NODES; n++)
    world.nodes[n] = sync_test_device (NULL, school, key);
  /* Devices whose wall clocks disagree by up to two minutes. */
  for (guint n = 0; n < N_NODES; n++)
    {
      world.skew[n] = g_rand_int_range (world.rand, -120000, 120000);
      pl_hlc_set_clock (pl_store_get_clock (world.nodes[n]), skewed_clock, &world.skew[n]);
    }

  for (guint s = 0; s < steps; s++)
    step (&world);
  converge (&world);

  hub_dump = sync_test_dump (world.nodes[0]);
  for (guint n = 1; n < N_NODES; n++)
    {
      g_autofree char *dump = sync_test_dump (world.nodes[n]);

      if (g_strcmp0 (dump, hub_dump) != 0)
        g_error ("seed %u: device %u differs from the hub after converging", seed, n);
    }
  /* Nothing lost: every record ever written is there, with the write
   * that should have won. */
  check_winners (&world);
  {
    const char * const *tables = pl_schema_synced_tables ();
    guint total = 0;

    for (guint t = 0; tables[t] != NULL; t++)
      total += pl_store_count (world.nodes[0], tables[t], TRUE);
    /* The hub's school record is the one record not in the log. */
    g_assert_cmpuint (total, ==, g_hash_table_size (world.best) + 1);
  }
  g_test_message ("seed %u: %u writes, %u bundles, %u records", seed, world.n_writes,
                  world.n_bundles, g_hash_table_size (world.best));

  for (guint n = 0; n < N_NODES; n++)
    g_object_unref (world.nodes[n]);
  for (guint i = 0; i < world.pool->len; i++)
    {
      g_autofree char *path = g_file_get_path (world.pool->pdata[i]);
      g_remove (path);
    }
  {
    g_autoptr(GDir) d = g_dir_open (world.dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (world.dir, name, NULL);
        g_remove (path);
      }
  }
  g_rmdir (world.dir);
  g_free (world.dir);
  g_ptr_array_unref (world.pool);
  g_ptr_array_unref (world.learners);
  g_hash_table_unref (world.best);
  g_rand_free (world.rand);
}

static void
test_converges (void)
{
  const char *seeds_env = g_getenv ("PL_PROPERTY_SEEDS");
  const char *steps_env = g_getenv ("PL_PROPERTY_STEPS");
  guint n_seeds = seeds_env != NULL ? (guint) atoi (seeds_env) : 16;
  guint steps = steps_env != NULL ? (guint) atoi (steps_env) : 100;
  guint32 base = g_test_rand_int ();

  for (guint i = 0; i < n_seeds; i++)
    run_seed (base + i, steps);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge-property/converges", test_converges);

  return g_test_run ();
}
