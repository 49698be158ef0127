/* bench-learners.c — the Learners list at 10,000 learners: search and
 * filter time (target ≤ 30 ms per keystroke) and memory while scrolling
 * (must not grow: rows are recycled)
 *
 * Usage: bench-learners [--learners N]
 * The filtering part needs no display; the scrolling part runs when a
 * display is available (e.g. under xvfb-run) and is skipped otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/pl-store-learners.h"
#include "learners/pl-learner-row.h"

static const char *given[] = { "Amara", "Jun", "Zoé", "Luis", "Maya", "Noah", "Ines", "Kofi", "Sofia",
                               "Ravi", "Lena", "Omar", "Hana", "Tomás", "Aiyana", "Mateo", "Freya", "Yusuf" };
static const char *family[] = { "Okafor", "Nguyen", "Müller", "Rivera", "Brooks", "Kowalski", "Haddad",
                                "Tanaka", "Mensah", "García", "Larsen", "Singh", "O'Brien", "Petrov" };
static const char *interests[] = { "volcanoes", "chess", "football", "drawing manga", "coding games",
                                   "horses", "astronomy", "cooking", "skateboarding", "poetry", "robots" };
static const char *needs[] = { "reading fluency", "fractions", "staying organised", "writing stamina",
                               "confidence speaking", "vocabulary", "dyslexia support", "" };

static long
rss_kib (const char *key)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, key);
  return line != NULL ? strtol (line + strlen (key), NULL, 10) : -1;
}

static char *query;

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  PlProfile *profile = item;

  /* What the Learners view does for "All learners" plus the search. */
  return !pl_profile_is_archived (profile) && pl_profile_matches (profile, query);
}

static void
populate (PlStore *store,
          guint    n)
{
  g_autoptr(GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (7);

  g_assert_true (pl_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlLearner) l = pl_learner_new ();
      g_autofree char *f = g_strdup_printf ("%s%u", family[g_rand_int_range (rand, 0, G_N_ELEMENTS (family))], i);
      const char *uuid;

      pl_record_set_string (PL_RECORD (l), "given_name", given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))]);
      pl_record_set_string (PL_RECORD (l), "family_name", f);
      g_assert_true (pl_store_save (store, PL_RECORD (l), &error));
      uuid = pl_record_get_uuid (PL_RECORD (l));
      g_assert_true (pl_store_set_profile_value (store, uuid, "interests",
                                                 interests[g_rand_int_range (rand, 0, G_N_ELEMENTS (interests))],
                                                 NULL, &error));
      g_assert_true (pl_store_set_profile_value (store, uuid, "needs",
                                                 needs[g_rand_int_range (rand, 0, G_N_ELEMENTS (needs))],
                                                 NULL, &error));
      g_assert_true (pl_store_set_profile_value (store, uuid, "strengths", "kind, curious", NULL, &error));
    }
  g_assert_true (pl_store_commit (store, &error));
  g_rand_free (rand);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  gtk_list_item_set_child (item, pl_learner_row_new ());
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item)
{
  pl_learner_row_set_profile (PL_LEARNER_ROW (gtk_list_item_get_child (item)),
                              gtk_list_item_get_item (item), g_get_real_time () / 1000);
}

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static guint
count_rows (GtkWidget *list_view)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list_view); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
scroll_bench (GListModel *model)
{
  GtkWidget *window, *scroller, *list;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkAdjustment *adj;
  long rss_start = 0, rss_end;
  guint rows_max = 0;
  double upper;
  gint64 t0;
  guint steps = 0;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (model))), factory);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 420, 800);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < 20; i++)
    {
      iterate ();
      g_usleep (10000);
    }

  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  t0 = g_get_monotonic_time ();
  /* Two passes top to bottom: the first warms caches and allocators, the
   * second shows whether memory keeps growing. */
  for (int pass = 0; pass < 2; pass++)
    {
      gtk_adjustment_set_value (adj, 0);
      iterate ();
      if (pass == 1)
        rss_start = rss_kib ("VmRSS:");
      upper = gtk_adjustment_get_upper (adj);
      for (double v = 0; v < upper; v += gtk_adjustment_get_page_size (adj) * 3)
        {
          gtk_adjustment_set_value (adj, v);
          iterate ();
          rows_max = MAX (rows_max, count_rows (list));
          steps++;
          upper = gtk_adjustment_get_upper (adj);
        }
    }
  rss_end = rss_kib ("VmRSS:");
  printf ("scroll: %u steps over %u learners in %.2f s; row widgets at most %u\n",
          steps, g_list_model_get_n_items (model),
          (g_get_monotonic_time () - t0) / 1e6, rows_max);
  printf ("scroll: RSS second pass start %ld KiB, end %ld KiB, growth %ld KiB (%.1f %%)\n",
          rss_start, rss_end, rss_end - rss_start,
          rss_start > 0 ? 100.0 * (rss_end - rss_start) / rss_start : 0.0);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

int
main (int    argc,
      char **argv)
{
  static const char *queries[] = { "a", "am", "ama", "amar", "amara", "volc", "volcanoes", "dyslexia",
                                   "okafor1", "zoe", "ZOÉ müller", "chess reading", "zzz", "", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GListModel) profiles = NULL;
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  guint n = 10000;
  gint64 t0;
  double worst = 0, total = 0;
  guint n_queries = 0;

  for (int i = 1; i < argc; i++)
    if (g_strcmp0 (argv[i], "--learners") == 0 && i + 1 < argc)
      n = (guint) g_ascii_strtoull (argv[++i], NULL, 10);

  store = pl_store_open (NULL, &error);
  g_assert_no_error (error);
  t0 = g_get_monotonic_time ();
  populate (store, n);
  printf ("setup: %u learners with profiles written in %.2f s\n", n, (g_get_monotonic_time () - t0) / 1e6);

  t0 = g_get_monotonic_time ();
  profiles = pl_store_list_profiles (store, NULL, &error);
  g_assert_no_error (error);
  printf ("load: %u profiles read in %.1f ms\n", g_list_model_get_n_items (profiles),
          (g_get_monotonic_time () - t0) / 1e3);
  /* As the Learners view does when it loads. */
  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
    {
      g_autoptr(PlProfile) p = g_list_model_get_item (profiles, i);
      pl_profile_prepare_search (p);
    }
  printf ("load: search text of %u profiles folded in %.1f ms\n", g_list_model_get_n_items (profiles),
          (g_get_monotonic_time () - t0) / 1e3);

  query = g_strdup ("");
  filter = gtk_custom_filter_new (filter_func, NULL, NULL);
  filtered = gtk_filter_list_model_new (g_object_ref (profiles), GTK_FILTER (filter));
  gtk_filter_list_model_set_incremental (filtered, FALSE);
  t0 = g_get_monotonic_time ();
  g_free (query);
  query = pl_profile_fold_query ("x");
  gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_DIFFERENT);
  printf ("filter: first search after loading %.2f ms\n", (g_get_monotonic_time () - t0) / 1e3);

  for (int round = 0; round < 3; round++)
    for (guint q = 0; queries[q] != NULL; q++)
      {
        double ms;

        t0 = g_get_monotonic_time ();
        g_free (query);
        query = pl_profile_fold_query (queries[q]);
        gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_DIFFERENT);
        (void) g_list_model_get_n_items (G_LIST_MODEL (filtered));
        ms = (g_get_monotonic_time () - t0) / 1e3;
        worst = MAX (worst, ms);
        total += ms;
        n_queries++;
        if (round == 2)
          printf ("filter: %-14s → %5u learners in %6.2f ms\n", queries[q],
                  g_list_model_get_n_items (G_LIST_MODEL (filtered)), ms);
      }
  printf ("filter: %u searches over %u learners, mean %.2f ms, worst %.2f ms (target ≤ 30 ms): %s\n",
          n_queries, n, total / n_queries, worst, worst <= 30.0 ? "met" : "NOT MET");

  if (gtk_init_check ())
    {
      adw_init ();
      g_free (query);
      query = g_strdup ("");
      gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_DIFFERENT);
      scroll_bench (G_LIST_MODEL (filtered));
    }
  else
    printf ("scroll: skipped (no display; run under xvfb-run)\n");

  g_object_unref (filtered);
  g_free (query);
  return worst <= 30.0 ? 0 : 1;
}
