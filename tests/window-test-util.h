/* window-test-util.h — small helpers of the window tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

static inline void
window_test_iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static inline gboolean
window_test_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop until CHECK holds or SECONDS pass. */
static inline gboolean
window_test_wait_for (gboolean (*check) (gpointer),
                      gpointer   data,
                      guint      seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, window_test_timeout_cb, &timed_out);

  while (!check (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return check (data);
}

/* The first descendant of WIDGET (itself included) of TYPE for which
 * MATCH (may be NULL) holds. */
static inline GtkWidget *
window_test_find (GtkWidget  *widget,
                  GType       type,
                  gboolean  (*match) (GtkWidget *, gconstpointer),
                  gconstpointer data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && (match == NULL || match (widget, data)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = window_test_find (child, type, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static inline gboolean
window_test_title_is (GtkWidget     *widget,
                      gconstpointer  title)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* A visible toplevel of TYPE (for a message dialog: with HEADING, unless
 * NULL). */
static inline GtkWindow *
window_test_find_toplevel (GType       type,
                           const char *heading)
{
  GList *windows = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = windows; l != NULL && found == NULL; l = l->next)
    {
      if (!G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) || !gtk_widget_get_visible (l->data))
        continue;
      if (heading != NULL &&
          (!ADW_IS_MESSAGE_DIALOG (l->data) ||
           g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) != 0))
        continue;
      found = l->data;
    }
  g_list_free (windows);
  return found;
}

typedef struct
{
  GType       type;
  const char *heading;
} WindowTestToplevel;

static inline gboolean
window_test_has_toplevel_cb (gpointer data)
{
  WindowTestToplevel *t = data;

  return window_test_find_toplevel (t->type, t->heading) != NULL;
}

/* Waits up to SECONDS for a visible toplevel of TYPE (and HEADING). */
static inline GtkWindow *
window_test_wait_for_toplevel (GType       type,
                               const char *heading,
                               guint       seconds)
{
  WindowTestToplevel t = { type, heading };

  window_test_wait_for (window_test_has_toplevel_cb, &t, seconds);
  return window_test_find_toplevel (type, heading);
}

/* Presses Enter in an entry row: its text widget is activated, as the key
 * does. */
static inline void
window_test_press_enter (GtkWidget *row)
{
  GtkWidget *text = window_test_find (row, GTK_TYPE_TEXT, NULL, NULL);

  g_assert_nonnull (text);
  gtk_widget_grab_focus (text);
  g_signal_emit_by_name (text, "activate");
}

static inline gboolean
window_test_button_labelled (GtkWidget     *widget,
                             gconstpointer  label)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* Answers a message dialog by clicking the button of RESPONSE. */
static inline void
window_test_respond (GtkWindow  *dialog,
                     const char *response)
{
  const char *label = adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), response);
  GtkWidget *button = window_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                        window_test_button_labelled, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}
