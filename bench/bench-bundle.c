/* bench-bundle.c — export and import of a bundle of 1 M records
 *
 * Targets: export ≤ 5 s, import ≤ 10 s, peak memory ≤ 150 MB whatever the
 * size. Export and import each run in a process of their own so that the
 * peak memory (VmHWM) is theirs alone. PL_BENCH_RECORDS changes the size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>
#include <stdlib.h>
#include <string.h>

#include "core/pl-core.h"
#include "core/pl-store-evidence.h"
#include "sync/pl-bundle.h"
#include "sync/pl-sync-school.h"

#define SCHOOL "9d7c5e0a-1b2c-4d3e-8f40-5a6b7c8d9e0f"
#define KEY    "f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f"

static guint64
peak_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtoull (line + 6, NULL, 10) : 0;
}

/* User and system time of this process, every thread, in seconds: on a
 * busy machine it says more than the wall clock. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static PlStore *
open_joined (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (path, &error);

  if (store == NULL || !pl_sync_join_school (store, SCHOOL, KEY, &error))
    g_error ("%s: %s", path, error->message);
  return g_steal_pointer (&store);
}

/* Child: export DB to OUT and print "seconds kib records bytes". */
static int
run_export (const char *db,
            const char *out)
{
  g_autoptr(PlStore) store = open_joined (db);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(PlBundleManifest) manifest = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  double cpu = cpu_seconds ();
  gint64 start = g_get_monotonic_time ();
  double seconds;

  if (!pl_bundle_export (store, file, NULL, &manifest, NULL, &error))
    g_error ("%s", error->message);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
  printf ("%.3f %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GINT64_FORMAT " %.3f\n",
          seconds, peak_kib (), manifest->total, g_file_info_get_size (info), cpu_seconds () - cpu);
  return 0;
}

/* Child: import IN into DB and print "seconds kib received applied". */
static int
run_import (const char *db,
            const char *in)
{
  g_autoptr(PlStore) store = open_joined (db);
  g_autoptr(GFile) file = g_file_new_for_path (in);
  g_autoptr(GError) error = NULL;
  PlBundleImportResult result = { 0 };
  double cpu = cpu_seconds ();
  gint64 start = g_get_monotonic_time ();
  double seconds;

  if (!pl_bundle_import (store, file, NULL, NULL, &result, NULL, &error))
    g_error ("%s", error->message);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  printf ("%.3f %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %.3f\n",
          seconds, peak_kib (), result.stats.received, result.stats.applied, cpu_seconds () - cpu);
  pl_bundle_import_result_clear (&result);
  return 0;
}

/* One school's worth of learners, their profile fields and, for the
 * rest, evidence: the table that grows. */
static void
generate (const char *db,
          guint64     n_records)
{
  g_autoptr(PlStore) store = open_joined (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) learners = g_ptr_array_new_with_free_func (g_free);
  static const char * const fields[] = { "interests", "strengths", "needs", "goals" };
  guint64 n_learners = MAX (n_records / 100, 1);
  guint64 n_fields = MIN (n_learners * 4, n_records - n_learners);
  guint64 n_evidence = n_records - n_learners - n_fields;

  if (!pl_store_begin (store, &error))
    g_error ("%s", error->message);
  for (guint64 i = 0; i < n_learners; i++)
    {
      g_autoptr(PlLearner) l = pl_learner_new ();
      g_autofree char *given = g_strdup_printf ("Learner %" G_GUINT64_FORMAT, i);

      pl_record_set_string (PL_RECORD (l), "given-name", given);
      pl_record_set_string (PL_RECORD (l), "family-name", "Benchmark");
      if (!pl_store_save (store, PL_RECORD (l), &error))
        g_error ("%s", error->message);
      g_ptr_array_add (learners, g_strdup (pl_record_get_uuid (PL_RECORD (l))));
    }
  for (guint64 i = 0; i < n_fields; i++)
    {
      g_autoptr(PlProfileField) f = pl_profile_field_new ();

      pl_record_set_string (PL_RECORD (f), "learner-uuid", learners->pdata[i / 4]);
      pl_record_set_string (PL_RECORD (f), "field", fields[i % 4]);
      pl_record_set_string (PL_RECORD (f), "value", "reading, drawing, building things with friends");
      if (!pl_store_save (store, PL_RECORD (f), &error))
        g_error ("%s", error->message);
    }
  /* Evidence through the bulk writer: setting up is not measured. Random
   * uuids, as evidence scored one piece at a time gets, so that the
   * export walks the table in an order unrelated to where rows lie. */
  {
    g_autofree PlEvidenceRow *rows = g_new0 (PlEvidenceRow, MAX (n_evidence, 1));
    g_autoptr(GPtrArray) uuids = g_ptr_array_new_full (n_evidence, g_free);

    for (guint64 i = 0; i < n_evidence; i++)
      {
        g_ptr_array_add (uuids, g_uuid_string_random ());
        rows[i].uuid = uuids->pdata[i];
        rows[i].learner_uuid = learners->pdata[i % learners->len];
        rows[i].standard_uuid = "std-0001";
        rows[i].score = 1 + i % 4;
        rows[i].assessed_at = "2026-03-01T10:00:00Z";
        rows[i].comment = "Explains the model clearly; next: use evidence";
      }
    if (!pl_store_add_evidence (store, rows, n_evidence, &error))
      g_error ("%s", error->message);
  }
  if (!pl_store_commit (store, &error))
    g_error ("%s", error->message);
}

static char **
spawn (const char *self,
       const char *phase,
       const char *db,
       const char *file)
{
  const char *argv[] = { self, phase, db, file, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s %s: %s", self, phase, error != NULL ? error->message : "failed");
  return g_strsplit (g_strstrip (out), " ", -1);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *src = NULL;
  g_autofree char *dst = NULL;
  g_autofree char *bundle = NULL;
  g_autofree char *self = NULL;
  g_auto(GStrv) ex = NULL;
  g_auto(GStrv) im = NULL;
  g_auto(GStrv) again = NULL;
  const char *env = g_getenv ("PL_BENCH_RECORDS");
  guint64 n_records = env != NULL ? g_ascii_strtoull (env, NULL, 10) : 1000000;
  gint64 start;
  double ex_s, im_s, again_s, mib;
  guint64 total;
  gboolean ok;

  if (argc == 4 && strcmp (argv[1], "--export") == 0)
    return run_export (argv[2], argv[3]);
  if (argc == 4 && strcmp (argv[1], "--import") == 0)
    return run_import (argv[2], argv[3]);

  self = g_canonicalize_filename (argv[0], NULL);
  dir = g_dir_make_tmp ("pl-bench-bundle-XXXXXX", NULL);
  src = g_build_filename (dir, "source.db", NULL);
  dst = g_build_filename (dir, "destination.db", NULL);
  bundle = g_build_filename (dir, "all.plbundle", NULL);

  start = g_get_monotonic_time ();
  generate (src, n_records);
  printf ("setup: %" G_GUINT64_FORMAT " records generated in %.1f s\n", n_records,
          (g_get_monotonic_time () - start) / 1e6);

  ex = spawn (self, "--export", src, bundle);
  im = spawn (self, "--import", dst, bundle);
  again = spawn (self, "--import", dst, bundle);

  ex_s = g_ascii_strtod (ex[0], NULL);
  im_s = g_ascii_strtod (im[0], NULL);
  again_s = g_ascii_strtod (again[0], NULL);
  total = g_ascii_strtoull (ex[2], NULL, 10);
  mib = g_ascii_strtod (ex[3], NULL) / (1024.0 * 1024.0);

  printf ("bundle: %" G_GUINT64_FORMAT " records, %.1f MiB (%.0f bytes/record)\n",
          total, mib, mib * 1024 * 1024 / MAX (total, 1));
  printf ("export:           %6.2f s  %9.0f records/s  cpu %6.2f s  peak %6.1f MB   (target ≤ 5 s, ≤ 150 MB)\n",
          ex_s, total / ex_s, g_ascii_strtod (ex[4], NULL), g_ascii_strtod (ex[1], NULL) / 1024.0);
  printf ("import (new):     %6.2f s  %9.0f records/s  cpu %6.2f s  peak %6.1f MB   (target ≤ 10 s, ≤ 150 MB)"
          "  applied %s\n", im_s, total / im_s, g_ascii_strtod (im[4], NULL),
          g_ascii_strtod (im[1], NULL) / 1024.0, im[3]);
  printf ("import (again):   %6.2f s  %9.0f records/s  cpu %6.2f s  peak %6.1f MB   applied %s\n",
          again_s, total / again_s, g_ascii_strtod (again[4], NULL),
          g_ascii_strtod (again[1], NULL) / 1024.0, again[3]);
  {
    double load[1] = { 0 };

    /* Other work on the machine stretches the wall clock, not the CPU time. */
    if (getloadavg (load, 1) == 1)
      printf ("load average during the run: %.2f on %u cores\n", load[0], g_get_num_processors ());
  }

  ok = ex_s <= 5 && im_s <= 10 && g_ascii_strtod (ex[1], NULL) <= 150 * 1024 &&
       g_ascii_strtod (im[1], NULL) <= 150 * 1024 && g_ascii_strtod (again[1], NULL) <= 150 * 1024;
  printf ("targets: %s\n", ok ? "met" : "NOT met");

  if (g_getenv ("PL_BENCH_KEEP") != NULL)
    printf ("files kept in %s\n", dir);
  else
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_remove (path);
      }
    g_rmdir (dir);
  }
  return 0;
}
