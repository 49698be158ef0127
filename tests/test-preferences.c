/* test-preferences.c — Preferences under Xvfb: the school id and sync key
 * (checked as the command line checks them, another school only after a
 * confirmation), the proficient level, and moving the data elsewhere
 * without leaving the teacher on an empty database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "pl-application.h"
#include "pl-context.h"
#include "pl-preferences-window.h"
#include "pl-window.h"
#include "window-test-util.h"

#define KEY_A "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
#define KEY_B "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100"

static PlApplication *shared_app;

typedef struct
{
  char        *dir;
  PlStore     *store;
  PlContext   *context;
  PlWindow    *window;
  GtkWindow   *prefs;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new (PL_APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("pl-prefs-XXXXXX", NULL);
  path = g_build_filename (f->dir, "test.db", NULL);
  f->store = pl_store_open (path, &error);
  g_assert_no_error (error);
  if (shared_app == NULL)
    {
      shared_app = pl_application_new ();
      g_application_set_flags (G_APPLICATION (shared_app), G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (shared_app), NULL, &error));
    }
  f->context = pl_context_new (f->store, settings);
  f->window = pl_window_new (GTK_APPLICATION (shared_app), f->context);
  gtk_window_present (GTK_WINDOW (f->window));
  window_test_iterate ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "app.preferences", NULL));
  f->prefs = window_test_wait_for_toplevel (PL_TYPE_PREFERENCES_WINDOW, NULL, 10);
  g_assert_nonnull (f->prefs);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->prefs);
  gtk_window_destroy (GTK_WINDOW (f->window));
  window_test_iterate ();
  g_clear_object (&f->context);
  g_clear_object (&f->store);
  g_free (f->dir);
}

static GtkWidget *
row (Fixture    *f,
     GType       type,
     const char *title)
{
  GtkWidget *r = window_test_find (GTK_WIDGET (f->prefs), type, window_test_title_is, title);

  g_assert_nonnull (r);
  return r;
}

static void
type_and_apply (GtkWidget  *entry_row,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry_row), text);
  /* Enter in the row, as the teacher presses it. */
  window_test_press_enter (entry_row);
  window_test_iterate ();
}

static gboolean
is_error_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, "error");
}

static GtkLabel *
error_label (Fixture *f)
{
  return GTK_LABEL (window_test_find (GTK_WIDGET (f->prefs), GTK_TYPE_LABEL, is_error_label, NULL));
}

static char *
meta (Fixture    *f,
      const char *key)
{
  return pl_store_get_meta (f->store, key);
}

static void
test_school (Fixture *f, gconstpointer data)
{
  GtkWidget *id_row = row (f, ADW_TYPE_ENTRY_ROW, "School _Id");
  GtkWidget *key_row = row (f, ADW_TYPE_PASSWORD_ENTRY_ROW, "Sync _Key");
  g_autofree char *school = g_uuid_string_random ();
  g_autofree char *other = g_uuid_string_random ();
  g_autofree char *stored = NULL;
  GtkWindow *confirm;

  /* Not a school id: the row says so, nothing is saved. */
  type_and_apply (id_row, "Riverside");
  g_assert_true (gtk_widget_has_css_class (id_row, "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label (f))));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label (f)), "is not a school id"));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label (f)), "stay as they were"));
  stored = meta (f, "school_id");
  g_assert_null (stored);

  /* A good id without its key: the key row is marked. */
  type_and_apply (id_row, school);
  g_assert_false (gtk_widget_has_css_class (id_row, "error"));
  g_assert_true (gtk_widget_has_css_class (key_row, "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label (f)), "sync key"));
  stored = meta (f, "school_id");
  g_assert_null (stored);

  /* A key of the wrong length. */
  type_and_apply (key_row, "abc123");
  g_assert_true (gtk_widget_has_css_class (key_row, "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label (f)), "64 hexadecimal digits"));

  /* Both right: joined. */
  type_and_apply (key_row, KEY_A);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label (f))));
  g_assert_false (gtk_widget_has_css_class (key_row, "error"));
  stored = meta (f, "school_id");
  g_assert_cmpstr (stored, ==, school);
  g_free (stored);
  stored = meta (f, "sync_key");
  g_assert_cmpstr (stored, ==, KEY_A);
  g_free (stored);

  /* Another school needs a confirmation; Cancel keeps the old one. */
  gtk_editable_set_text (GTK_EDITABLE (key_row), KEY_B);
  type_and_apply (id_row, other);
  confirm = window_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Join Another School?", 10);
  g_assert_nonnull (confirm);
  g_assert_true (gtk_window_get_transient_for (confirm) == f->prefs);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (confirm)), school));
  window_test_respond (confirm, "cancel");
  window_test_iterate ();
  stored = meta (f, "school_id");
  g_assert_cmpstr (stored, ==, school);
  g_free (stored);
  stored = meta (f, "sync_key");
  g_assert_cmpstr (stored, ==, KEY_A);
  g_free (stored);

  type_and_apply (id_row, other);
  confirm = window_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Join Another School?", 10);
  window_test_respond (confirm, "join");
  window_test_iterate ();
  stored = meta (f, "school_id");
  g_assert_cmpstr (stored, ==, other);
  g_free (stored);
  stored = meta (f, "sync_key");
  g_assert_cmpstr (stored, ==, KEY_B);
}

static void
test_proficient_level (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new (PL_APP_ID);
  GtkWidget *level_row = row (f, ADW_TYPE_ACTION_ROW, "_Proficient Level");
  GtkSpinButton *spin = GTK_SPIN_BUTTON (window_test_find (level_row, GTK_TYPE_SPIN_BUTTON, NULL, NULL));
  double lower = 0, upper = 0;
  g_autoptr(GVariant) fallback = NULL;

  g_assert_nonnull (spin);
  g_settings_reset (settings, "proficient-level");
  fallback = g_settings_get_default_value (settings, "proficient-level");
  /* The default of the schema, and the 1–4 scale of the rubric levels. */
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, g_variant_get_double (fallback));
  gtk_spin_button_get_range (spin, &lower, &upper);
  g_assert_cmpfloat (lower, ==, 1);
  g_assert_cmpfloat (upper, ==, 4);

  gtk_spin_button_set_value (spin, 2.5);
  window_test_iterate ();
  g_assert_cmpfloat (g_settings_get_double (settings, "proficient-level"), ==, 2.5);
  gtk_spin_button_spin (spin, GTK_SPIN_STEP_FORWARD, 0);
  window_test_iterate ();
  g_assert_cmpfloat (g_settings_get_double (settings, "proficient-level"), ==, 3.0);
  g_settings_reset (settings, "proficient-level");
}

/* ---- moving the data: the whole application ----------------------- */

typedef struct
{
  GApplication *app;
  char         *from;        /* the database the application starts on */
  char         *folder;      /* where the teacher moves it */
  char         *dump;        /* what the database in use afterwards holds */
  char         *old_dump;    /* what the first one held */
  const char   *heading;
  const char   *response;
  guint         ticks;
  gboolean      asked;
  gboolean      done;
} Move;

static char *
dump_of (PlStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_true (pl_store_dump (store, out, NULL));
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static gboolean
move_step_cb (gpointer data)
{
  Move *m = data;
  GtkWindow *window = window_test_find_toplevel (PL_TYPE_WINDOW, NULL);
  PlStore *store = window != NULL ? pl_context_get_store (pl_window_get_context (PL_WINDOW (window))) : NULL;

  if (++m->ticks > 600)
    {
      g_application_quit (m->app);
      return G_SOURCE_REMOVE;
    }
  if (store == NULL)
    return G_SOURCE_CONTINUE;

  if (!m->asked)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (m->folder);
      GtkWindow *prefs, *dialog;

      g_assert_cmpstr (pl_store_get_path (store), ==, m->from);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.preferences", NULL));
      prefs = window_test_wait_for_toplevel (PL_TYPE_PREFERENCES_WINDOW, NULL, 10);
      g_assert_nonnull (prefs);
      /* What choosing the folder in the file chooser does. */
      pl_preferences_window_change_location (PL_PREFERENCES_WINDOW (prefs), folder);
      dialog = window_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, m->heading, 10);
      g_assert_nonnull (dialog);
      /* It says what happens to both files. */
      g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), m->folder));
      g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), m->from));
      window_test_respond (dialog, m->response);
      if (g_strcmp0 (m->response, "move") == 0)
        {
          g_autoptr(PlClassroom) late = pl_classroom_new ();
          g_autoptr(GError) error = NULL;

          /* An edit while the copy runs is refused, not left behind in
           * the old file. */
          pl_record_set_string (PL_RECORD (late), "name", "Too late");
          g_assert_false (pl_store_save (store, PL_RECORD (late), &error));
          g_assert_error (error, PL_STORE_ERROR, PL_STORE_ERROR_BUSY);
          g_assert_nonnull (strstr (error->message, "copied"));
        }
      m->asked = TRUE;
      return G_SOURCE_CONTINUE;
    }
  if (g_strcmp0 (pl_store_get_path (store), m->from) == 0)
    return G_SOURCE_CONTINUE;

  {
    g_autofree char *expected = g_build_filename (m->folder, "personallearn.db", NULL);
    g_autofree char *now = dump_of (store);
    g_autoptr(GSettings) settings = g_settings_new (PL_APP_ID);
    g_autofree char *location = g_settings_get_string (settings, "data-location");

    g_assert_cmpstr (pl_store_get_path (store), ==, expected);
    g_assert_cmpstr (now, ==, m->dump);
    g_assert_cmpstr (location, ==, m->folder);
    /* The old file is still there, with everything in it. */
    {
      g_autoptr(PlStore) old = pl_store_open (m->from, NULL);
      g_autofree char *old_dump = NULL;

      g_assert_nonnull (old);
      old_dump = dump_of (old);
      g_assert_cmpstr (old_dump, ==, m->old_dump);
    }
  }
  m->done = TRUE;
  g_application_quit (m->app);
  return G_SOURCE_REMOVE;
}

static void
run_move (gboolean existing)
{
  g_autofree char *dir = g_dir_make_tmp ("pl-prefs-move-XXXXXX", NULL);
  g_autofree char *home = g_build_filename (dir, "home", NULL);
  g_autoptr(PlApplication) app = pl_application_new ();
  g_autoptr(GSettings) settings = g_settings_new (PL_APP_ID);
  char *argv[] = { "personallearn", NULL };
  Move m = { 0 };

  m.app = G_APPLICATION (app);
  m.from = g_build_filename (home, "personallearn.db", NULL);
  m.folder = g_build_filename (dir, "usb", NULL);
  {
    g_autoptr(PlStore) store = pl_store_open (m.from, NULL);
    g_autoptr(PlClassroom) c = pl_classroom_new ();

    pl_record_set_string (PL_RECORD (c), "name", "7B Science");
    g_assert_true (pl_store_save (store, PL_RECORD (c), NULL));
    m.dump = dump_of (store);
    m.old_dump = dump_of (store);
  }
  if (existing)
    {
      g_autofree char *there = g_build_filename (m.folder, "personallearn.db", NULL);
      g_autoptr(PlStore) store = pl_store_open (there, NULL);
      g_autoptr(PlClassroom) c = pl_classroom_new ();

      pl_record_set_string (PL_RECORD (c), "name", "8A Humanities");
      g_assert_true (pl_store_save (store, PL_RECORD (c), NULL));
      g_free (m.dump);
      m.dump = dump_of (store);
      m.heading = "Use the Database There?";
      m.response = "use";
    }
  else
    {
      m.heading = "Move Your Data There?";
      m.response = "move";
    }

  g_settings_set_string (settings, "data-location", home);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_timeout_add (100, move_step_cb, &m);
  g_application_run (G_APPLICATION (app), 1, argv);
  g_assert_true (m.done);
  g_free (m.from);
  g_free (m.folder);
  g_free (m.dump);
  g_free (m.old_dump);
}

static void
move_data (void)
{
  run_move (FALSE);
}

static void
use_existing (void)
{
  run_move (TRUE);
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
test_move_data (void)
{
  in_subprocess (move_data);
}

static void
test_use_existing (void)
{
  in_subprocess (use_existing);
}

int
main (int    argc,
      char **argv)
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/preferences/move-data", test_move_data);
  g_test_add_func ("/preferences/use-database-there", test_use_existing);
  g_test_add ("/preferences/school", Fixture, NULL, fixture_set_up, test_school, fixture_tear_down);
  g_test_add ("/preferences/proficient-level", Fixture, NULL, fixture_set_up,
              test_proficient_level, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&shared_app);
  return status;
}
