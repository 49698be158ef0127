/* bench-store.c — store throughput: bulk evidence, the class evidence
 * query and the whole gradebook of a class, demo generation, peak memory
 *
 * Prints one line per figure with its target. Run from a build:
 *   bench/bench-store [--evidence N] [--learners N] [--repeats N]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "core/pl-core.h"
#include "core/pl-demo.h"
#include "core/pl-store-evidence.h"
#include "core/pl-store-gradebook.h"
#include "engine/pl-mastery.h"

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

/* User and system time of this process, in microseconds: on a busy
 * machine the wall time also counts other programs. */
static gint64
cpu_time_us (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (gint64) usage.ru_utime.tv_sec * G_USEC_PER_SEC + usage.ru_utime.tv_usec +
         (gint64) usage.ru_stime.tv_sec * G_USEC_PER_SEC + usage.ru_stime.tv_usec;
}

static gint64
thread_cpu_time_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static gint64
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtoll (line + 6, NULL, 10) : -1;
}

static void
report (const char *what,
        const char *figure,
        const char *target,
        gboolean    met)
{
  printf ("%-46s %-52s target %-14s %s\n", what, figure, target, met ? "met" : "MISSED");
  fflush (stdout);
}

static void
remove_db (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The best plain SQLite way of writing the same rows, for comparison: a
 * fresh database with the store's schema and settings, one transaction,
 * one prepared INSERT per row, the learner index dropped before the rows
 * and built again after them (one sort instead of a random page per row),
 * a page cache large enough for the transaction, and the commit with its
 * checkpoint. The uuids are made and sorted beforehand (not timed). */
static double
time_insert_floor (const char          *dir,
                   const PlEvidenceRow *rows,
                   guint                n_rows,
                   double              *cpu)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "floor.db", NULL);
  g_autoptr(PlStore) store = pl_store_open (path, &error);
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_full (n_rows, g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 start, cpu_start;
  double s;

  if (store == NULL)
    g_error ("%s", error->message);
  g_clear_object (&store);
  if (sqlite3_open (path, &db) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                    " PRAGMA cache_size = -65536", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db,
                          "INSERT INTO evidence (uuid, updated_hlc, origin, deleted, learner_uuid,"
                          " standard_uuid, score, scale_max, assessed_at, source, minutes_spent)"
                          " VALUES (?1, ?2, 'bench', 0, ?3, ?4, ?5, 4, ?6, 'quiz', 10)",
                          -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  for (guint i = 0; i < n_rows; i++)
    g_ptr_array_add (uuids, g_uuid_string_random ());
  g_ptr_array_sort (uuids, compare_strings);

  start = g_get_monotonic_time ();
  cpu_start = cpu_time_us ();
  if (sqlite3_exec (db, "BEGIN; DROP INDEX evidence_learner", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  for (guint i = 0; i < n_rows; i++)
    {
      sqlite3_bind_text (stmt, 1, uuids->pdata[i], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, i + 1);
      sqlite3_bind_text (stmt, 3, rows[i].learner_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, rows[i].standard_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_double (stmt, 5, rows[i].score);
      sqlite3_bind_text (stmt, 6, rows[i].assessed_at, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_error ("%s: %s", path, sqlite3_errmsg (db));
      sqlite3_reset (stmt);
    }
  if (sqlite3_exec (db, "CREATE INDEX evidence_learner ON evidence (learner_uuid, standard_uuid, assessed_at);"
                    " COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  s = seconds_since (start);
  *cpu = (cpu_time_us () - cpu_start) / 1e6;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  remove_db (path);
  return s;
}

/* A fresh database written with pl_store_add_evidence, as an import or a
 * sync would; the seconds it took. */
static double
time_insert_bulk (const char          *dir,
                  const PlEvidenceRow *rows,
                  guint                n_rows,
                  double              *cpu)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "insert.db", NULL);
  g_autoptr(PlStore) store = pl_store_open (path, &error);
  gint64 start, cpu_start;
  double s;

  if (store == NULL)
    g_error ("%s", error->message);
  start = g_get_monotonic_time ();
  cpu_start = cpu_time_us ();
  if (!pl_store_add_evidence (store, rows, n_rows, &error))
    g_error ("%s", error->message);
  s = seconds_since (start);
  *cpu = (cpu_time_us () - cpu_start) / 1e6;
  if (pl_store_count (store, "evidence", FALSE) != n_rows)
    g_error ("expected %u evidence rows", n_rows);
  g_clear_object (&store);
  remove_db (path);
  return s;
}

/* The generic record path, one pl_store_save per row, for comparison. */
static void
bench_insert_records (const char          *dir,
                      const PlEvidenceRow *rows,
                      guint                n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "records.db", NULL);
  g_autoptr(PlStore) store = pl_store_open (path, &error);
  g_autofree char *figure = NULL;
  g_autofree char *what = NULL;
  gint64 start;
  double s;

  if (store == NULL)
    g_error ("%s", error->message);
  start = g_get_monotonic_time ();
  if (!pl_store_begin (store, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlEvidence) e = pl_evidence_new ();

      pl_record_set_string (PL_RECORD (e), "learner_uuid", rows[i].learner_uuid);
      pl_record_set_string (PL_RECORD (e), "standard_uuid", rows[i].standard_uuid);
      pl_record_set_string (PL_RECORD (e), "assessed_at", rows[i].assessed_at);
      pl_record_set_double (PL_RECORD (e), "score", rows[i].score);
      if (!pl_store_save (store, PL_RECORD (e), &error))
        g_error ("%s", error->message);
    }
  if (!pl_store_commit (store, &error))
    g_error ("%s", error->message);
  s = seconds_since (start);
  figure = g_strdup_printf ("%.2f s (%.0f rows/s)", s, n / s);
  what = g_strdup_printf ("insert %u evidence rows (records)", n);
  report (what, figure, "(reference)", TRUE);
  g_clear_object (&store);
  remove_db (path);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

#define INSERT_ROUNDS 3

/* 1 M rows as 5,000 learners × 20 standards × 10 scores, written by the
 * store and by plain SQLite in turns, each first in every other round:
 * the first large write of a run also pays for the kernel's fresh page
 * cache, which would otherwise count against whichever goes first. The
 * medians are reported. */
static void
bench_insert (const char *dir,
              guint       n_rows)
{
  g_autofree PlEvidenceRow *rows = g_new0 (PlEvidenceRow, n_rows);
  char learners[5000][37], standards[20][37];
  char dates[10][21];
  double bulk[INSERT_ROUNDS], bulk_cpu[INSERT_ROUNDS], plain[INSERT_ROUNDS], plain_cpu[INSERT_ROUNDS];
  g_autofree char *figure = NULL;
  g_autofree char *what = NULL;
  guint mid = INSERT_ROUNDS / 2;

  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *u = g_uuid_string_random ();
      memcpy (learners[i], u, 37);
    }
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *u = g_uuid_string_random ();
      memcpy (standards[i], u, 37);
    }
  for (guint i = 0; i < 10; i++)
    g_snprintf (dates[i], sizeof dates[i], "2026-%02u-%02uT10:00:00Z", 1 + i, 3 + i);
  for (guint i = 0; i < n_rows; i++)
    {
      rows[i].learner_uuid = learners[(i / 200) % 5000];
      rows[i].standard_uuid = standards[(i / 10) % 20];
      rows[i].assessed_at = dates[i % 10];
      rows[i].score = 1 + (i * 7919u) % 4;
      rows[i].source = "quiz";
      rows[i].minutes_spent = 10;
    }

  for (guint r = 0; r < INSERT_ROUNDS; r++)
    {
      if (r % 2 == 0)
        {
          bulk[r] = time_insert_bulk (dir, rows, n_rows, &bulk_cpu[r]);
          plain[r] = time_insert_floor (dir, rows, n_rows, &plain_cpu[r]);
        }
      else
        {
          plain[r] = time_insert_floor (dir, rows, n_rows, &plain_cpu[r]);
          bulk[r] = time_insert_bulk (dir, rows, n_rows, &bulk_cpu[r]);
        }
    }
  qsort (bulk, INSERT_ROUNDS, sizeof (double), compare_doubles);
  qsort (bulk_cpu, INSERT_ROUNDS, sizeof (double), compare_doubles);
  qsort (plain, INSERT_ROUNDS, sizeof (double), compare_doubles);
  qsort (plain_cpu, INSERT_ROUNDS, sizeof (double), compare_doubles);

  figure = g_strdup_printf ("median %.2f s (%.0f rows/s, CPU %.2f s; %.2f–%.2f s)",
                            bulk[mid], n_rows / bulk[mid], bulk_cpu[mid], bulk[0], bulk[INSERT_ROUNDS - 1]);
  what = g_strdup_printf ("insert %u evidence rows (bulk)", n_rows);
  report (what, figure, "≤ 4 s per 1 M", bulk[mid] * 1e6 / n_rows <= 4.0);
  g_clear_pointer (&figure, g_free);
  g_clear_pointer (&what, g_free);
  figure = g_strdup_printf ("median %.2f s (%.0f rows/s, CPU %.2f s; %.2f–%.2f s)",
                            plain[mid], n_rows / plain[mid], plain_cpu[mid], plain[0], plain[INSERT_ROUNDS - 1]);
  what = g_strdup_printf ("insert %u evidence rows (plain SQLite)", n_rows);
  report (what, figure, "(comparison)", TRUE);
  g_clear_pointer (&figure, g_free);
  figure = g_strdup_printf ("%.2f", bulk[mid] / plain[mid]);
  report ("bulk insert time ÷ plain SQLite time", figure, "(reference)", TRUE);

  bench_insert_records (dir, rows, n_rows / 10);
}

/* The engine's roll-up, as the Gradebook view hands it to the store. */
static gboolean
engine_rollup (const char   *method,
               double        param,
               double        mastery_level,
               const double *scores,
               gsize         n_scores,
               double       *out_value,
               gpointer      user_data)
{
  return pl_mastery_rollup_named (method, param, mastery_level, scores, n_scores, out_value);
}

static void
bench_demo_and_query (const char *dir,
                      guint       n_learners,
                      guint       repeats)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(PlStore) store = pl_store_open (path, &error);
  g_autoptr(GListModel) classes = NULL;
  g_autoptr(PlRecord) classroom = NULL;
  g_autofree double *times = g_new (double, repeats);
  g_autofree char *figure = NULL;
  g_autofree char *what = NULL;
  const char * const *tables = pl_schema_synced_tables ();
  PlDemoOptions options;
  guint64 n_rows = 0;
  g_autofree double *cpu_times = g_new (double, repeats);
  guint n_scores = 0, n_learners_in_class = 0, n_cells = 0;
  gint64 start, cpu_start;
  double s, cpu;

  if (store == NULL)
    g_error ("%s", error->message);
  pl_demo_options_init (&options);
  options.n_learners = n_learners;
  options.seed = 7;
  start = g_get_monotonic_time ();
  cpu_start = cpu_time_us ();
  if (!pl_demo_generate (store, &options, NULL, &error))
    g_error ("%s", error->message);
  s = seconds_since (start);
  cpu = (cpu_time_us () - cpu_start) / 1e6;
  for (guint i = 0; tables[i] != NULL; i++)
    n_rows += pl_store_count (store, tables[i], TRUE);
  figure = g_strdup_printf ("%.2f s (%.0f rows/s, %" G_GUINT64_FORMAT " rows, CPU %.2f s)",
                            s, n_rows / s, n_rows, cpu);
  what = g_strdup_printf ("demo, %u learners", n_learners);
  report (what, figure, "a few s", s <= 5.0);

  /* The class in the middle of the database. */
  classes = pl_store_list (store, PL_TYPE_CLASSROOM, &error);
  if (classes == NULL || g_list_model_get_n_items (classes) == 0)
    g_error ("no class");
  classroom = g_list_model_get_item (classes, g_list_model_get_n_items (classes) / 2);

  for (guint r = 0; r < repeats; r++)
    {
      g_autoptr(PlEvidenceTable) table = NULL;

      start = g_get_monotonic_time ();
      cpu_start = thread_cpu_time_ns ();
      table = pl_store_load_class_evidence (store, pl_record_get_uuid (classroom), &error);
      cpu_times[r] = (thread_cpu_time_ns () - cpu_start) / 1e6;
      times[r] = seconds_since (start) * 1000.0;
      if (table == NULL)
        g_error ("%s", error->message);
      n_scores = table->n_scores;
      n_learners_in_class = table->n_learners;
    }
  qsort (times, repeats, sizeof (double), compare_doubles);
  qsort (cpu_times, repeats, sizeof (double), compare_doubles);
  g_clear_pointer (&figure, g_free);
  g_clear_pointer (&what, g_free);
  figure = g_strdup_printf ("median %.3f ms (p95 %.3f, CPU %.3f; %u scores)", times[repeats / 2],
                            times[MIN (repeats - 1, repeats * 95 / 100)], cpu_times[repeats / 2],
                            n_scores);
  what = g_strdup_printf ("evidence query, %u-learner class of %u", n_learners_in_class, n_learners);
  report (what, figure, "≤ 5 ms", times[repeats / 2] <= 5.0);

  /* What the Gradebook view loads: the evidence, the class's methods and
   * overrides, and the roll-up of every cell. */
  for (guint r = 0; r < repeats; r++)
    {
      PlGradebook *gradebook;

      start = g_get_monotonic_time ();
      cpu_start = thread_cpu_time_ns ();
      gradebook = pl_store_load_gradebook (store, pl_record_get_uuid (classroom), "decaying-average", 0,
                                           engine_rollup, NULL, &error);
      cpu_times[r] = (thread_cpu_time_ns () - cpu_start) / 1e6;
      times[r] = seconds_since (start) * 1000.0;
      if (gradebook == NULL)
        g_error ("%s", error->message);
      n_learners_in_class = gradebook->n_learners;
      n_cells = gradebook->n_learners * gradebook->n_standards;
      pl_gradebook_free (gradebook);
    }
  qsort (times, repeats, sizeof (double), compare_doubles);
  qsort (cpu_times, repeats, sizeof (double), compare_doubles);
  g_clear_pointer (&figure, g_free);
  g_clear_pointer (&what, g_free);
  figure = g_strdup_printf ("median %.3f ms (p95 %.3f, CPU %.3f; %u cells)", times[repeats / 2],
                            times[MIN (repeats - 1, repeats * 95 / 100)], cpu_times[repeats / 2],
                            n_cells);
  what = g_strdup_printf ("gradebook with roll-up, %u-learner class", n_learners_in_class);
  report (what, figure, "≤ 5 ms", times[repeats / 2] <= 5.0);

  g_clear_object (&store);
  remove_db (path);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  guint n_evidence = 1000000, n_learners = 5000, repeats = 200;
  g_autofree char *figure = NULL;
  gint64 peak;

  for (int i = 1; i + 1 < argc; i += 2)
    {
      guint64 v = g_ascii_strtoull (argv[i + 1], NULL, 10);

      if (strcmp (argv[i], "--evidence") == 0 && v > 0)
        n_evidence = (guint) v;
      else if (strcmp (argv[i], "--learners") == 0 && v > 0)
        n_learners = (guint) v;
      else if (strcmp (argv[i], "--repeats") == 0 && v > 0)
        repeats = (guint) v;
      else
        {
          fprintf (stderr, "usage: %s [--evidence N] [--learners N] [--repeats N]\n", argv[0]);
          return 2;
        }
    }

  dir = g_dir_make_tmp ("pl-bench-store-XXXXXX", NULL);
  if (dir == NULL)
    g_error ("cannot make a temporary folder");

  printf ("bench-store: SQLite %s\n", sqlite3_libversion ());
  bench_demo_and_query (dir, n_learners, repeats);
  peak = peak_rss_kib ();
  figure = g_strdup_printf ("%.1f MB", peak / 1024.0);
  report ("peak memory (VmHWM) after demo and query", figure, "(reference)", TRUE);

  bench_insert (dir, n_evidence);
  peak = peak_rss_kib ();
  g_clear_pointer (&figure, g_free);
  figure = g_strdup_printf ("%.1f MB", peak / 1024.0);
  report ("peak memory (VmHWM) with the insert buffers", figure, "(reference)", TRUE);
  g_rmdir (dir);
  return 0;
}
