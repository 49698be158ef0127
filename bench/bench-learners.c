/* bench-learners.c — the real Learners view at 10,000 learners: the time
 * from a change of the search text until the list has settled (filtered,
 * sorted, rows bound, laid out and painted), target ≤ 30 ms per
 * keystroke; and memory while scrolling the whole list (must not grow:
 * rows are recycled)
 *
 * Usage: bench-learners [--learners N] [--rounds R]   (default 10000, 5)
 * Needs a display (run under xvfb-run; build-aux/run-benchmarks does).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "core/pl-store-learners.h"
#include "learners/pl-learners-page.h"
#include "pl-context.h"

static const char *given[] = { "Amara", "Jun", "Zoé", "Luis", "Maya", "Noah", "Ines", "Kofi", "Sofia",
                               "Ravi", "Lena", "Omar", "Hana", "Tomás", "Aiyana", "Mateo", "Freya", "Yusuf" };
static const char *family[] = { "Okafor", "Nguyen", "Müller", "Rivera", "Brooks", "Kowalski", "Haddad",
                                "Tanaka", "Mensah", "García", "Larsen", "Singh", "O'Brien", "Petrov" };
static const char *interests[] = { "volcanoes", "chess", "football", "drawing manga", "coding games",
                                   "horses", "astronomy", "cooking", "skateboarding", "poetry", "robots" };
static const char *needs[] = { "reading fluency", "fractions", "staying organised", "writing stamina",
                               "confidence speaking", "vocabulary", "dyslexia support", "" };

/* A teacher typing, deleting and typing again: narrowing and widening
 * keystrokes, words that match many, few and none. */
static const char *queries[] = { "a", "am", "ama", "amar", "amara", "amar", "ama", "am", "a", "",
                                 "v", "vo", "vol", "volc", "volcanoes", "", "dyslexia", "",
                                 "o", "ok", "oka", "okaf", "okafor", "okafor1", "okafor12", "",
                                 "z", "zo", "zoe", "zoe m", "zoe mü", "", "chess reading", "zzz", "",
                                 NULL };

static long
status_kib (const char *key)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, key);
  return line != NULL ? strtol (line + strlen (key), NULL, 10) : -1;
}

static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec * 1000.0 + usage.ru_utime.tv_usec / 1000.0 +
         usage.ru_stime.tv_sec * 1000.0 + usage.ru_stime.tv_usec / 1000.0;
}

/* The way the app fills a class: through the store, one learner at a
 * time (a transaction around them so that setup takes seconds). */
static PlClassroom *
populate (PlStore *store,
          guint    n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlClassroom) classroom = pl_classroom_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  const char *class_uuid;

  pl_record_set_string (PL_RECORD (classroom), "name", "Whole school");
  if (!pl_store_save (store, PL_RECORD (classroom), &error))
    g_error ("%s", error->message);
  class_uuid = pl_record_get_uuid (PL_RECORD (classroom));

  if (!pl_store_begin (store, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *f = g_strdup_printf ("%s%u", family[g_rand_int_range (rand, 0, G_N_ELEMENTS (family))], i);
      g_autoptr(PlLearner) l = NULL;
      const char *uuid;

      l = pl_store_add_learner (store, class_uuid, given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))], f, &error);
      if (l == NULL)
        g_error ("%s", error->message);
      uuid = pl_record_get_uuid (PL_RECORD (l));
      if (!pl_store_set_profile_value (store, uuid, "interests",
                                       interests[g_rand_int_range (rand, 0, G_N_ELEMENTS (interests))],
                                       NULL, &error) ||
          !pl_store_set_profile_value (store, uuid, "needs",
                                       needs[g_rand_int_range (rand, 0, G_N_ELEMENTS (needs))],
                                       NULL, &error) ||
          !pl_store_set_profile_value (store, uuid, "strengths", "kind, curious", NULL, &error))
        g_error ("%s", error->message);
      if (i % 3 == 0 &&
          pl_store_add_note (store, uuid, "conference", "Talked about the project", NULL, NULL, &error) == NULL)
        g_error ("%s", error->message);
      if (i % 50 == 0 &&
          !pl_store_set_profile_value (store, uuid, "iep", "true", NULL, &error))
        g_error ("%s", error->message);
    }
  if (!pl_store_commit (store, &error))
    g_error ("%s", error->message);
  return g_steal_pointer (&classroom);
}

/* The list of learners (the drop-downs have list views of their own, in
 * popovers). */
static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget) && gtk_widget_has_css_class (widget, "navigation-sidebar"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* ---- waiting for the window to settle ------------------------------ */

/* Frames that laid something out or painted something; frames that only
 * ran animations (a scrollbar fading in) are not the list settling. A
 * frame that lays out and paints nothing changed nothing on screen: when
 * the list's length changes, GTK lays the scrollbar out again in the
 * frame after, one frame interval later, and draws nothing. */
static guint frames;
static guint painted_frames;
static gint64 last_paint_us;
static gboolean frame_laid_out;
static gboolean frame_painted;

static void
on_layout_cb (GdkFrameClock *clock,
              gpointer       data)
{
  frame_laid_out = TRUE;
}

static void
on_paint_cb (GdkFrameClock *clock,
             gpointer       data)
{
  frame_painted = TRUE;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       data)
{
  if (frame_painted)
    {
      painted_frames++;
      last_paint_us = g_get_monotonic_time ();
    }
  if (frame_laid_out || frame_painted)
    frames++;
  frame_laid_out = frame_painted = FALSE;
}

static void
drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the change has reached the screen and the
 * window is still again: the first frame painted after it, and any
 * further frames that follow within two frame intervals. Returns the time
 * the last of them that painted was done (or now, when nothing needed
 * painting); *EXTRA counts the frames that laid out without painting. */
static gint64
settle (guint *extra)
{
  guint before = painted_frames;
  guint frames_before = frames;
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (2000, flag_cb, &timed_out);
  gint64 end;

  while (painted_frames == before && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  end = painted_frames != before ? last_paint_us : g_get_monotonic_time ();

  /* A frame that follows within two frame intervals belongs to the same
   * change (the list laid out again once the scrollbar learnt the new
   * length). */
  for (;;)
    {
      guint seen = frames;
      gint64 until = g_get_monotonic_time () + 34000;

      while (frames == seen && g_get_monotonic_time () < until)
        {
          if (!g_main_context_iteration (NULL, FALSE))
            g_usleep (500);
        }
      if (frames == seen)
        break;
    }
  if (painted_frames != before)
    end = last_paint_us;
  if (extra != NULL)
    *extra = (frames - frames_before) - (painted_frames - before);
  return end;
}

static void
idle_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      drain ();
      g_usleep (1000);
    }
}

/* ---- the figures --------------------------------------------------- */

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

typedef struct
{
  double worst;
  double total;
  double cpu_total;
  guint  n;
} Stats;

/* Changes the text as typing does: a key adds a character at the end,
 * Backspace takes the last one away, anything else replaces it all (as
 * pasting over a selection). */
static void
type (GtkEditable *editable,
      const char  *text)
{
  const char *now = gtk_editable_get_text (editable);
  int len = (int) strlen (now);

  if (g_str_has_prefix (text, now))
    {
      int pos = g_utf8_strlen (now, -1);

      gtk_editable_insert_text (editable, text + len, -1, &pos);
    }
  else if (g_str_has_prefix (now, text))
    gtk_editable_delete_text (editable, g_utf8_strlen (text, -1), -1);
  else
    gtk_editable_set_text (editable, text);
}

static double
one_keystroke (GtkSearchEntry *entry,
               GListModel     *visible,
               const char     *text,
               double         *cpu,
               guint          *extra,
               guint          *shown)
{
  gint64 t0, end;
  double c0;

  /* A pause between keystrokes, as a fast typist leaves, so the frame
   * clock is free to paint the change at once. */
  idle_for (40);
  t0 = g_get_monotonic_time ();
  c0 = cpu_ms ();
  type (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "search-changed");
  end = settle (extra);
  *cpu = cpu_ms () - c0;
  *shown = g_list_model_get_n_items (visible);
  return (end - t0) / 1e3;
}

/* Scrolls the real list from top to bottom a page at a time, each page
 * drawn, twice: every learner is bound to a row and painted once a pass. */
static gboolean
scroll_bench (GtkWidget *list_view,
              guint      n_items)
{
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  long rss_before, rss_first, rss_end;
  guint rows_max = 0;
  gint64 t0 = g_get_monotonic_time ();
  guint steps = 0;

  rss_before = status_kib ("VmRSS:");
  rss_first = 0;
  for (int pass = 0; pass < 2; pass++)
    {
      double upper;

      gtk_adjustment_set_value (adj, 0);
      settle (NULL);
      /* The first pass warms caches and allocators; the second shows
       * whether memory keeps growing. */
      if (pass == 1)
        rss_first = status_kib ("VmRSS:");
      upper = gtk_adjustment_get_upper (adj);
      for (double v = 0; v < upper; v += gtk_adjustment_get_page_size (adj))
        {
          guint before = painted_frames;
          gboolean timed_out = FALSE;
          guint id;

          gtk_adjustment_set_value (adj, v);
          id = g_timeout_add (500, flag_cb, &timed_out);
          while (painted_frames == before && !timed_out)
            g_main_context_iteration (NULL, TRUE);
          if (!timed_out)
            g_source_remove (id);
          rows_max = MAX (rows_max, count_children (list_view));
          steps++;
          upper = gtk_adjustment_get_upper (adj);
        }
    }
  rss_end = status_kib ("VmRSS:");
  printf ("scroll: the real list scrolled top to bottom twice, a page at a time: %u pages over %u learners "
          "in %.1f s; row widgets at most %u\n",
          steps, n_items, (g_get_monotonic_time () - t0) / 1e6, rows_max);
  printf ("scroll: memory (RSS) before %.1f MiB, after the first pass %.1f MiB, after the second %.1f MiB\n",
          rss_before / 1024.0, rss_first / 1024.0, rss_end / 1024.0);
  /* Growth in the second pass means something is kept per row shown;
   * a couple of MiB is allocator noise (freed blocks not returned). */
  printf ("scroll: second pass grew by %ld KiB (bound 2048 KiB): %s\n",
          rss_end - rss_first, rss_end - rss_first <= 2048 ? "does not grow" : "GROWS");
  return rss_end - rss_first <= 2048;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlContext) context = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(PlClassroom) classroom = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  GtkWidget *window, *list_view;
  GtkSearchEntry *entry;
  PlLearnersPage *page;
  GListModel *visible;
  GdkFrameClock *clock;
  Stats all = { 0 }, narrow = { 0 };
  g_autofree double *samples = NULL;
  g_autofree double *cpus = NULL;
  g_autofree guint *extras = NULL;
  g_autofree guint *shown = NULL;
  double sample_worst = 0;
  guint n_queries;
  guint n = 10000, rounds = 5;
  gint64 t0;
  gboolean met, steady;

  for (int i = 1; i + 1 < argc; i++)
    {
      if (g_strcmp0 (argv[i], "--learners") == 0)
        n = (guint) g_ascii_strtoull (argv[++i], NULL, 10);
      else if (g_strcmp0 (argv[i], "--rounds") == 0)
        {
          rounds = (guint) g_ascii_strtoull (argv[++i], NULL, 10);
          rounds = MAX (rounds, 1);
        }
    }

  if (!gtk_init_check ())
    {
      printf ("bench-learners: no display; run under xvfb-run (build-aux/run-benchmarks does)\n");
      return 77;
    }
  adw_init ();
  /* A blinking cursor paints frames of its own, for ten seconds. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  dir = g_dir_make_tmp ("pl-bench-learners-XXXXXX", NULL);
  db = g_build_filename (dir, "bench.db", NULL);
  store = pl_store_open (db, &error);
  g_assert_no_error (error);
  t0 = g_get_monotonic_time ();
  classroom = populate (store, n);
  printf ("setup: %u learners with profiles and notes written through the store in %.2f s\n",
          n, (g_get_monotonic_time () - t0) / 1e6);

  settings = g_settings_new (PL_APP_ID);
  context = pl_context_new (store, settings);
  t0 = g_get_monotonic_time ();
  page = g_object_new (PL_TYPE_LEARNERS_PAGE, "context", context, "classroom", classroom, NULL);
  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "layout", G_CALLBACK (on_layout_cb), NULL);
  g_signal_connect (clock, "paint", G_CALLBACK (on_paint_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  settle (NULL);
  idle_for (300);
  visible = pl_learners_page_get_visible (page);
  printf ("load: the page shows %u learners, %.1f ms from creating it to its first frame\n",
          g_list_model_get_n_items (visible), (g_get_monotonic_time () - t0) / 1e3);

  entry = GTK_SEARCH_ENTRY (pl_learners_page_get_search (page));
  /* The entry waits 150 ms after a keystroke before it says the search
   * changed; that pause is for the typist, not work: the benchmark emits
   * search-changed itself, and the entry's own (later, same) one finds
   * nothing new to do. */
  gtk_search_entry_set_search_delay (entry, 60000);
  list_view = find_list_view (GTK_WIDGET (page));
  g_assert (list_view != NULL);
  gtk_widget_grab_focus (GTK_WIDGET (entry));

  /* Every query once per round; a query's figure is its median over the
   * rounds (the machine may be busy with other work at any one moment),
   * its worst is shown too. */
  n_queries = g_strv_length ((char **) queries);
  samples = g_new0 (double, n_queries * rounds);
  cpus = g_new0 (double, n_queries * rounds);
  extras = g_new0 (guint, n_queries);
  shown = g_new0 (guint, n_queries);
  for (guint round = 0; round < rounds; round++)
    for (guint q = 0; q < n_queries; q++)
      {
        guint extra = 0;

        samples[q * rounds + round] = one_keystroke (entry, visible, queries[q], &cpus[q * rounds + round],
                                                     &extra, &shown[q]);
        extras[q] = MAX (extras[q], extra);
      }

  for (guint q = 0; q < n_queries; q++)
    {
      double *mine = samples + q * rounds;
      double median, worst = 0, cpu = 0;
      gboolean narrower = q > 0 && strlen (queries[q]) > strlen (queries[q - 1]);
      g_autofree char *label = g_strdup_printf ("%s", *queries[q] != '\0' ? queries[q] : "(cleared)");

      for (guint r = 0; r < rounds; r++)
        {
          worst = MAX (worst, mine[r]);
          cpu += cpus[q * rounds + r] / rounds;
        }
      qsort (mine, rounds, sizeof (double), compare_doubles);
      median = rounds % 2 ? mine[rounds / 2] : (mine[rounds / 2 - 1] + mine[rounds / 2]) / 2;
      all.total += median;
      all.worst = MAX (all.worst, median);
      all.cpu_total += cpu;
      all.n++;
      sample_worst = MAX (sample_worst, worst);
      if (narrower)
        {
          narrow.total += median;
          narrow.worst = MAX (narrow.worst, median);
          narrow.n++;
        }
      /* Pad by characters, not bytes: the queries are not all ASCII. */
      printf ("search: %s%*s → %5u learners: %6.2f ms (worst %6.2f, CPU %5.2f)%s\n",
              label, (int) (16 - MIN (16, g_utf8_strlen (label, -1))), "", shown[q], median, worst, cpu,
              extras[q] > 0 ? " + scrollbar relayout" : "");
    }
  printf ("search: %u keystrokes over %u learners in the real page, median of %u rounds each:\n"
          "search:   mean %.2f ms, worst %.2f ms (slowest single run %.2f ms), mean CPU %.2f ms\n",
          all.n, n, rounds, all.total / all.n, all.worst, sample_worst, all.cpu_total / all.n);
  printf ("search:   narrowing keystrokes only: mean %.2f ms, worst %.2f ms\n",
          narrow.total / MAX (1, narrow.n), narrow.worst);
  met = all.worst <= 30.0;
  printf ("search: target ≤ 30 ms per keystroke: %s\n", met ? "met" : "NOT MET");

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  settle (NULL);
  steady = scroll_bench (list_view, g_list_model_get_n_items (visible));

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  g_clear_object (&context);
  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (db);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }
  return met && steady ? 0 : 1;
}
