/* bench-startup.c — from start to the first frame of the main window on a
 * 5,000-learner database (target ≤ 500 ms)
 *
 * Usage: bench-startup [--learners N] [--db FILE]
 * Without --db it generates a demo database of N learners (default 5000)
 * first, outside the measured time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "core/pl-demo.h"
#include "core/pl-store-files.h"
#include "pl-application.h"
#include "pl-context.h"
#include "pl-window.h"

/* User + system CPU time of this process, in ms: unlike wall time it does
 * not grow when other programs share the cores. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec * 1000.0 + usage.ru_utime.tv_usec / 1000.0 +
         usage.ru_stime.tv_sec * 1000.0 + usage.ru_stime.tv_usec / 1000.0;
}

static gint64 start_us;
static gint64 first_frame_us;
static double first_frame_cpu;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   GMainLoop     *loop)
{
  if (first_frame_us == 0)
    {
      first_frame_us = g_get_monotonic_time ();
      first_frame_cpu = cpu_ms ();
      g_main_loop_quit (loop);
    }
}

static void
on_realize_cb (GtkWidget *widget,
               GMainLoop *loop)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), loop);
}

static long
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlApplication) app = NULL;
  g_autoptr(PlContext) context = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  guint learners = 5000;
  gint64 t_toolkit, t_store, t_window;
  double start_cpu;
  PlWindow *window;
  double ms;

  for (int i = 1; i + 1 < argc; i++)
    {
      if (g_str_equal (argv[i], "--learners"))
        learners = (guint) g_ascii_strtoull (argv[++i], NULL, 10);
      else if (g_str_equal (argv[i], "--db"))
        db = g_strdup (argv[++i]);
    }

  if (db == NULL)
    {
      PlDemoOptions options;
      gint64 t0 = g_get_monotonic_time ();

      dir = g_dir_make_tmp ("pl-bench-startup-XXXXXX", NULL);
      db = g_build_filename (dir, "bench.db", NULL);
      store = pl_store_open (db, &error);
      g_assert_no_error (error);
      pl_demo_options_init (&options);
      options.n_learners = learners;
      options.seed = 7;
      if (!pl_demo_generate (store, &options, NULL, &error))
        g_error ("demo: %s", error->message);
      g_clear_object (&store);
      printf ("demo database: %u learners generated in %.0f ms (not part of the figure)\n",
              learners, (g_get_monotonic_time () - t0) / 1000.0);
    }

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  /* The measured path: what the app does from main() to its first frame. */
  start_us = g_get_monotonic_time ();
  start_cpu = cpu_ms ();
  gtk_init ();
  adw_init ();
  t_toolkit = g_get_monotonic_time ();
  /* As the app opens it: files up to the limit are checked first. */
  store = pl_store_open_full (db, PL_STORE_QUICK_CHECK_BEFORE_WINDOW, &error);
  g_assert_no_error (error);
  app = pl_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  settings = g_settings_new (PL_APP_ID);
  context = pl_context_new (store, settings);
  t_store = g_get_monotonic_time ();
  loop = g_main_loop_new (NULL, FALSE);
  window = pl_window_new (GTK_APPLICATION (app), context);
  t_window = g_get_monotonic_time ();
  g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), loop);
  gtk_window_present (GTK_WINDOW (window));
  g_main_loop_run (loop);

  ms = (first_frame_us - start_us) / 1000.0;
  printf ("start to first frame, %u-learner database: %.1f ms (target ≤ 500 ms) %s\n",
          learners, ms, ms <= 500.0 ? "OK" : "OVER");
  printf ("  CPU time to first frame: %.1f ms (wall time grows when other programs share the cores)\n",
          first_frame_cpu - start_cpu);
  printf ("  toolkit start %.1f ms, store and classes %.1f ms, window and views %.1f ms, first frame %.1f ms\n",
          (t_toolkit - start_us) / 1000.0, (t_store - t_toolkit) / 1000.0,
          (t_window - t_store) / 1000.0, (first_frame_us - t_window) / 1000.0);
  printf ("peak memory (VmHWM): %.1f MiB\n", peak_rss_kib () / 1024.0);
  {
    GStatBuf st;
    gint64 t0 = g_get_monotonic_time ();
    g_autoptr(PlStore) checking = pl_store_open (db, &error);

    g_assert_no_error (error);
    g_assert_true (pl_store_quick_check (checking, NULL, &error));
    g_stat (db, &st);
    printf ("  damage check (quick_check) of the %.0f MB file: %.0f ms, %s\n",
            st.st_size / 1e6, (g_get_monotonic_time () - t0) / 1000.0,
            pl_store_was_checked (store) ? "before the window (included above)"
                                         : "in the background after the first frame (not in the figure)");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  if (dir != NULL)
    {
      g_autofree char *wal = g_strconcat (db, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db, "-shm", NULL);

      g_clear_object (&context);
      g_clear_object (&store);
      g_unlink (db);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }
  return 0;
}
