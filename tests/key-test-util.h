/* key-test-util.h — real key presses for the window tests
 *
 * GTK 4 has no public way to make a key event, and emitting an action
 * skips what decides whether a key reaches it (focus, controllers, the
 * widgets that take the key first). xdotool presses keys through the X
 * server's XTEST extension, so they arrive as a keyboard's would and walk
 * the widget tree from the focused window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

/* Spins the main loop for about MS milliseconds. */
static inline void
key_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}

/* TRUE when keys can be pressed for real here (X11 and xdotool); tests
 * that need them skip otherwise, saying why. */
static inline gboolean
key_test_available (void)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  return xdotool != NULL && GDK_IS_X11_DISPLAY (gdk_display_get_default ());
#else
  return FALSE;
#endif
}

static inline void
key_test_run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* Gives WINDOW the keyboard: without a window manager nobody else does. */
static inline void
key_test_focus (GtkWindow *window)
{
#ifdef GDK_WINDOWING_X11
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = NULL;

  g_assert_nonnull (surface);
  xid = g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (surface));
  for (int i = 0; i < 40 && !gtk_window_is_active (window); i++)
    {
      const char *argv[] = { "xdotool", "windowfocus", "--sync", xid, NULL };

      key_test_run (argv);
      key_test_spin (50);
    }
  g_assert_true (gtk_window_is_active (window));
#endif
}

/* Presses KEYS (xdotool names: "ctrl+Next", "alt+3", "Return") in WINDOW
 * and lets the application handle them. */
static inline void
key_test_press (GtkWindow  *window,
                const char *keys)
{
  const char *argv[] = { "xdotool", "key", "--clearmodifiers", keys, NULL };

  key_test_focus (window);
  key_test_run (argv);
  key_test_spin (150);
}

/* Types TEXT into whatever has the focus in WINDOW. */
static inline void
key_test_type (GtkWindow  *window,
               const char *text)
{
  const char *argv[] = { "xdotool", "type", "--clearmodifiers", "--delay", "8", text, NULL };

  key_test_focus (window);
  key_test_run (argv);
  key_test_spin (150);
}
