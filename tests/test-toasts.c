/* test-toasts.c — replacing a toast that is still sliding in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "pl-toasts.h"

static void
iterate_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static void
on_dismissed_cb (AdwToast *toast,
                 gboolean *dismissed)
{
  *dismissed = TRUE;
}

/* Three changes in quick succession: each new toast takes the place of the
 * one before, the older ones are dismissed once they have settled, and
 * nothing is touched after it is freed (libadwaita 1.2 crashes when a
 * toast is dismissed while sliding in). */
static void
test_replace_quickly (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  AdwToast *last = NULL;
  gboolean dismissed[3] = { FALSE, FALSE, FALSE };

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), gtk_label_new ("content"));
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), 500, 300);
  gtk_window_present (GTK_WINDOW (window));
  iterate_ms (100);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *title = g_strdup_printf ("Change %u", i + 1);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_button_label (toast, "_Undo");
      g_signal_connect (toast, "dismissed", G_CALLBACK (on_dismissed_cb), &dismissed[i]);
      pl_toasts_replace (ADW_TOAST_OVERLAY (overlay), &last, toast);
      g_assert_true (last == toast);
      iterate_ms (20);
    }
  /* The first two go once settled; the newest stays for its Undo. */
  iterate_ms (1500);
  g_assert_true (dismissed[0]);
  g_assert_true (dismissed[1]);
  g_assert_false (dismissed[2]);
  g_assert_nonnull (last);
  g_assert_cmpstr (adw_toast_get_title (last), ==, "Change 3");

  adw_toast_dismiss (last);
  iterate_ms (500);
  g_assert_null (last);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_ms (50);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/toasts/replace-quickly", test_replace_quickly);
  return g_test_run ();
}
