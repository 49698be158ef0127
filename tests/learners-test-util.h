/* learners-test-util.h — what the Learners window tests share: a page
 * in a window on a fresh database, waiting for the main loop, and finding
 * the real widgets a teacher would use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gstdio.h>
#include <string.h>

#include "core/pl-store-learners.h"
#include "learners/pl-learners-page.h"
#include "pl-context.h"

typedef struct
{
  char           *dir;
  PlStore        *store;
  PlContext      *context;
  GtkWindow      *window;
  PlLearnersPage *page;
} Fixture;

static G_GNUC_UNUSED guint64
hlc_of (PlStore *store)
{
  g_autofree char *hlc = pl_store_get_meta (store, "hlc");

  return g_ascii_strtoull (hlc, NULL, 10);
}

static G_GNUC_UNUSED gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static G_GNUC_UNUSED gboolean
wait_for (gboolean (*check) (gpointer), gpointer data, guint ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (ms, timeout_cb, &timed_out);

  while (!check (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return check (data);
}

static G_GNUC_UNUSED gboolean
never (gpointer data)
{
  return FALSE;
}

/* Lets timeouts (search delay, autosave pause, reload) run. */
static G_GNUC_UNUSED void
spin (guint ms)
{
  wait_for (never, NULL, ms);
}

static G_GNUC_UNUSED char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "oneroster", name, NULL);
}

static G_GNUC_UNUSED void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new (PL_APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("pl-learners-XXXXXX", NULL);
  path = g_build_filename (f->dir, "test.db", NULL);
  f->store = pl_store_open (path, &error);
  g_assert_no_error (error);
  f->context = pl_context_new (f->store, settings);
  f->page = g_object_new (PL_TYPE_LEARNERS_PAGE, "context", f->context, NULL);
  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, 1100, 760);
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  spin (50);
}

static G_GNUC_UNUSED void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  gtk_window_destroy (f->window);
  spin (20);
  g_clear_object (&f->context);
  g_clear_object (&f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static G_GNUC_UNUSED guint
n_visible (Fixture *f)
{
  return g_list_model_get_n_items (pl_learners_page_get_visible (f->page));
}

static G_GNUC_UNUSED void
search (Fixture *f, const char *text)
{
  gtk_editable_set_text (pl_learners_page_get_search (f->page), text);
  spin (400);   /* the search entry waits a moment before it filters */
}

static G_GNUC_UNUSED GtkWidget *
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

/* The button labelled LABEL (mnemonic underscores left out), or the
 * icon button whose tooltip is LABEL, under ROOT; NULL when none is
 * showing. */
static G_GNUC_UNUSED GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root))
    {
      const char *text = gtk_button_get_label (GTK_BUTTON (root));
      const char *tip = gtk_widget_get_tooltip_text (root);
      g_autofree char *plain = NULL;

      if (text != NULL)
        {
          plain = g_strdup (text);
          for (char *p = plain, *q = plain;; p++)
            if (*p != '_' && (*q++ = *p) == '\0')
              break;
        }
      if (g_strcmp0 (plain, label) == 0 || g_strcmp0 (tip, label) == 0)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static G_GNUC_UNUSED gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

/* The Undo button of the toast saying TITLE: the smallest part of the
 * window holding both. */
static GtkWidget *
toast_button (GtkWidget  *root,
              const char *title)
{
  GtkWidget *button;

  if (!has_label (root, title) || (button = find_button (root, "Undo")) == NULL)
    return NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *inner = toast_button (child, title);

      if (inner != NULL)
        return inner;
    }
  return button;
}

typedef struct
{
  GtkWidget  *root;
  const char *title;
  GtkWidget  *button;
} ToastWait;

static gboolean
toast_shown (gpointer data)
{
  ToastWait *w = data;

  w->button = toast_button (w->root, w->title);
  return w->button != NULL;
}

/* The Undo button of the toast saying TITLE, once it shows. */
static G_GNUC_UNUSED GtkWidget *
find_undo (GtkWindow  *window,
           const char *title)
{
  ToastWait w = { GTK_WIDGET (window), title, NULL };

  if (!wait_for (toast_shown, &w, 5000))
    g_error ("no toast “%s” with Undo", title);
  return w.button;
}

/* The entry row titled TITLE under ROOT. */
static G_GNUC_UNUSED GtkEditable *
find_entry_row (GtkWidget  *root,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (root) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return GTK_EDITABLE (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkEditable *found = find_entry_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first widget of TYPE under ROOT whose tooltip is TOOLTIP (any
 * tooltip when NULL). */
static G_GNUC_UNUSED GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *tooltip)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (tooltip == NULL || g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static gboolean
counted (gpointer data)
{
  return *(guint *) data > 0;
}

/* Activates BUTTON as the keyboard does (Enter or Space on it) and waits
 * until it has been clicked. */
static G_GNUC_UNUSED void
press (GtkWidget *button)
{
  guint clicks = 0;
  gulong id;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  /* A button may go with what it did (a class's Remove, a toast's Undo). */
  g_object_ref (button);
  id = g_signal_connect (button, "clicked", G_CALLBACK (count_cb), &clicks);
  gtk_widget_activate (button);
  g_assert_true (wait_for (counted, &clicks, 3000));
  g_signal_handler_disconnect (button, id);
  g_object_unref (button);
  spin (20);
}
