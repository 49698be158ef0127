/* ui-keys.h — real key presses for window tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The keys go through the X server (xdotool's XTest), so GTK receives
 * them as it receives a teacher's: through its key controllers, its
 * shortcuts and its focus handling. Tests skip when there is no X11
 * display or no xdotool.
 */
#pragma once

#include <gtk/gtk.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

static void
ui_keys_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

static gboolean
ui_keys_available (GtkWindow *window)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  return xdotool != NULL && surface != NULL && GDK_IS_X11_SURFACE (surface);
#else
  return FALSE;
#endif
}

/* Runs xdotool with VERB ("key" or "type") and ARGS on WINDOW, given the
 * X input focus first, then lets GTK handle what arrived for SETTLE_MS. */
static void
ui_keys_run (GtkWindow  *window,
             const char *verb,
             const char *args,
             guint       settle_ms)
{
#ifdef GDK_WINDOWING_X11
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  g_auto(GStrv) words = verb[0] == 'k' ? g_strsplit (args, " ", -1) : g_strsplit (args, "\x01", -1);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  /* Let the window map and settle before it is given the focus. */
  ui_keys_spin (10);
  g_ptr_array_add (argv, (char *) "xdotool");
  g_ptr_array_add (argv, (char *) "windowfocus");
  g_ptr_array_add (argv, (char *) "--sync");
  g_ptr_array_add (argv, xid);
  g_ptr_array_add (argv, (char *) verb);
  g_ptr_array_add (argv, (char *) "--delay");
  g_ptr_array_add (argv, (char *) "25");
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_ptr_array_add (argv, words[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  ui_keys_spin (settle_ms);
#else
  g_assert_not_reached ();
#endif
}

/* Presses the keys named in KEYS, separated by spaces ("3 2 ctrl+Return"),
 * one at a time: each is handled (a row moved, a window rebuilt) before
 * the next is pressed, as a person's keys are. */
G_GNUC_UNUSED static void
ui_keys_press (GtkWindow  *window,
               const char *keys)
{
  g_auto(GStrv) each = g_strsplit (keys, " ", -1);

  for (guint i = 0; each[i] != NULL; i++)
    if (*each[i] != '\0')
      ui_keys_run (window, "key", each[i], 60);
}

/* Types TEXT as a person would. */
G_GNUC_UNUSED static void
ui_keys_type (GtkWindow  *window,
              const char *text)
{
  ui_keys_run (window, "type", text, 120);
}
