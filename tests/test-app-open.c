/* test-app-open.c — the whole application on files it cannot use: a
 * letter, a database of a newer version, a damaged database (found before
 * the window opens, or by the check in the background after), and what
 * the message offers. The files are never changed.
 *
 * Each test runs the application in a process of its own, as
 * `personallearn` would run, so that it registers its own application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "pl-application.h"
#include "pl-context.h"
#include "pl-window.h"
#include "damage-test-util.h"
#include "window-test-util.h"

typedef enum
{
  EXPECT_DIALOG,            /* the message, and nothing else */
  EXPECT_DIALOG_THEN_NEW,   /* the message; "Start With a New Database" */
  EXPECT_WINDOW_THEN_DIALOG,/* the main window first, the message after */
} Expect;

typedef struct
{
  GApplication *app;
  const char   *path;
  const char   *heading;
  Expect        expect;
  guint         ticks;
  gboolean      done;
  gboolean      responded;
} Run;

static GtkWindow *
main_window (void)
{
  return window_test_find_toplevel (PL_TYPE_WINDOW, NULL);
}

static void
assert_message (GtkWindow  *dialog,
                const char *path)
{
  AdwMessageDialog *d = ADW_MESSAGE_DIALOG (dialog);
  const char *body = adw_message_dialog_get_body (d);

  /* It belongs to a window, speaks plainly and names the file. */
  g_assert_nonnull (gtk_window_get_transient_for (dialog));
  g_assert_true (g_str_has_prefix (body, "PersonalLearn cannot open this file: "));
  g_assert_nonnull (strstr (body, path));
  g_assert_nonnull (strstr (body, "has not been changed"));
  g_assert_true (adw_message_dialog_has_response (d, "choose"));
  g_assert_true (adw_message_dialog_has_response (d, "new"));
  g_assert_true (adw_message_dialog_has_response (d, "close"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (d, "choose"), ==, "C_hoose Another File…");
  g_assert_cmpstr (adw_message_dialog_get_response_label (d, "new"), ==, "_Start With a New Database");
}

static gboolean
step_cb (gpointer data)
{
  Run *run = data;
  GtkWindow *dialog = window_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, run->heading);

  if (++run->ticks > 600)
    {
      g_application_quit (run->app);
      return G_SOURCE_REMOVE;
    }

  switch (run->expect)
    {
    case EXPECT_DIALOG:
      if (dialog == NULL)
        return G_SOURCE_CONTINUE;
      assert_message (dialog, run->path);
      g_assert_null (main_window ());
      run->done = TRUE;
      break;

    case EXPECT_WINDOW_THEN_DIALOG:
      if (dialog == NULL)
        {
          /* The window is up while the check runs. */
          return G_SOURCE_CONTINUE;
        }
      assert_message (dialog, run->path);
      g_assert_true (gtk_window_get_transient_for (dialog) == main_window ());
      {
        PlContext *context = pl_window_get_context (PL_WINDOW (main_window ()));
        PlStore *store = pl_context_get_store (context);
        g_autoptr(PlClassroom) classroom = pl_classroom_new ();
        g_autoptr(GError) error = NULL;

        /* Read-only from now on, with a reason the views show. */
        pl_record_set_string (PL_RECORD (classroom), "name", "After the damage");
        g_assert_false (pl_store_save (store, PL_RECORD (classroom), &error));
        g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_READ_ONLY);
        g_assert_nonnull (strstr (error->message, "damaged"));
      }
      run->done = TRUE;
      break;

    case EXPECT_DIALOG_THEN_NEW:
      if (!run->responded)
        {
          if (dialog == NULL)
            return G_SOURCE_CONTINUE;
          assert_message (dialog, run->path);
          window_test_respond (dialog, "new");
          run->responded = TRUE;
          return G_SOURCE_CONTINUE;
        }
      if (main_window () == NULL)
        return G_SOURCE_CONTINUE;
      {
        PlContext *context = pl_window_get_context (PL_WINDOW (main_window ()));
        const char *path = pl_store_get_path (pl_context_get_store (context));
        g_autofree char *dir = g_path_get_dirname (run->path);
        g_autofree char *new_dir = g_path_get_dirname (path);
        g_autoptr(GSettings) settings = g_settings_new (PL_APP_ID);
        g_autofree char *location = g_settings_get_string (settings, "data-location");

        g_assert_cmpstr (path, !=, run->path);
        g_assert_cmpstr (new_dir, ==, dir);
        g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
        g_assert_cmpuint (pl_store_count (pl_context_get_store (context), "learner", FALSE), ==, 0);
        /* The next start opens the new database. */
        g_assert_cmpstr (location, ==, path);
      }
      run->done = TRUE;
      break;
    }
  g_application_quit (run->app);
  return G_SOURCE_REMOVE;
}

/* Runs the application on PATH (from the data-location preference, as a
 * teacher's start would), checking files of up to CHECK_LIMIT bytes before
 * the window. */
static void
run_app (const char *path,
         guint64     check_limit,
         const char *heading,
         Expect      expect)
{
  g_autoptr(PlApplication) app = pl_application_new ();
  g_autoptr(GSettings) settings = g_settings_new (PL_APP_ID);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0, after_len = 0;
  char *argv[] = { "personallearn", NULL };
  Run run = { G_APPLICATION (app), path, heading, expect };

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  g_settings_set_string (settings, "data-location", path);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  pl_application_set_check_limit (app, check_limit);
  g_timeout_add (100, step_cb, &run);
  g_application_run (G_APPLICATION (app), 1, argv);

  g_assert_true (run.done);
  /* Byte for byte as it was. */
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpuint (after_len, ==, before_len);
  g_assert_true (memcmp (before, after, before_len) == 0);
}

static char *
temp_file (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("pl-app-open-XXXXXX", NULL);

  return g_build_filename (dir, name, NULL);
}

static void
in_subprocess (void (*body) (void))
{
  if (g_test_subprocess ())
    {
      body ();
      return;
    }
  g_test_trap_subprocess (NULL, 180 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
letter (void)
{
  g_autofree char *path = temp_file ("letter.db");

  g_assert_true (g_file_set_contents (path, "Dear families, this is a letter and not a database.\n", -1, NULL));
  run_app (path, G_MAXUINT64, "This Is Not a PersonalLearn Database", EXPECT_DIALOG);
}

static void
test_letter (void)
{
  in_subprocess (letter);
}

static void
newer (void)
{
  g_autofree char *path = temp_file ("newer.db");
  g_autofree char *contents = NULL;
  gsize len = 0;
  guint32 version = pl_schema_current_version () + 1;

  {
    g_autoptr(PlStore) store = pl_store_open (path, NULL);

    g_assert_nonnull (store);
  }
  /* user_version lives at offset 60 of the header, big-endian. */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  contents[60] = (char) (version >> 24);
  contents[61] = (char) (version >> 16);
  contents[62] = (char) (version >> 8);
  contents[63] = (char) version;
  g_assert_true (g_file_set_contents (path, contents, (gssize) len, NULL));
  run_app (path, G_MAXUINT64, "This Database Needs a Newer PersonalLearn", EXPECT_DIALOG);
}

static void
test_newer (void)
{
  in_subprocess (newer);
}

static void
damaged_then_new (void)
{
  g_autofree char *path = temp_file ("damaged.db");

  damage_test_make_file (path);
  run_app (path, PL_STORE_QUICK_CHECK_BEFORE_WINDOW, "The Database Is Damaged", EXPECT_DIALOG_THEN_NEW);
}

static void
test_damaged_then_new (void)
{
  in_subprocess (damaged_then_new);
}

/* A file above the limit opens; the check after the window finds the
 * damage, the database turns read-only and the message comes up over the
 * window. */
static void
damaged_in_background (void)
{
  g_autofree char *path = temp_file ("large.db");

  damage_test_make_file (path);
  run_app (path, 1, "The Database Is Damaged", EXPECT_WINDOW_THEN_DIALOG);
}

static void
test_damaged_in_background (void)
{
  in_subprocess (damaged_in_background);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/app-open/letter", test_letter);
  g_test_add_func ("/app-open/newer-schema", test_newer);
  g_test_add_func ("/app-open/damaged-then-new", test_damaged_then_new);
  g_test_add_func ("/app-open/damaged-in-background", test_damaged_in_background);

  return g_test_run ();
}
