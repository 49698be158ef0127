/* test-sync-window.c — the Sync window under Xvfb: export to the sync
 * folder, import the hub's answer, the conflict list and "keep the other"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "core/pl-store-sync.h"
#include "pl-context.h"
#include "sync/pl-sync-window.h"
#include "sync-test-util.h"

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
wait_for (gboolean (*check) (gpointer), gpointer data, guint seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, timeout_cb, &timed_out);

  while (!check (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return check (data);
}

/* The first descendant of TYPE (and NAME, unless NULL). */
static GtkWidget *
find_descendant (GtkWidget  *widget,
                 GType       type,
                 const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (name == NULL || g_strcmp0 (gtk_widget_get_name (widget), name) == 0))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  PlStore    *store;
  GtkListBox *list;
  GFile      *file;
  GtkWidget  *window;
} Wait;

static gboolean
file_written (gpointer data)
{
  Wait *w = data;

  /* Written, and the window is idle again. */
  return g_file_query_exists (w->file, NULL) &&
         !gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (find_descendant (w->window, GTK_TYPE_PROGRESS_BAR, NULL))));
}

/* The action row titled TITLE. */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint64
total_rows (PlStore *store)
{
  guint64 n = 0;

  for (const char * const *t = pl_schema_synced_tables (); *t != NULL; t++)
    n += pl_store_count (store, *t, TRUE);
  return n;
}

static gboolean
conflict_listed (gpointer data)
{
  Wait *w = data;

  return gtk_list_box_get_row_at_index (w->list, 0) != NULL;
}

static gboolean
conflict_gone (gpointer data)
{
  return !conflict_listed (data);
}

static void
test_export_import_conflict (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pl-sync-window-XXXXXX", NULL);
  g_autofree char *folder_path = g_build_filename (dir, "usb", NULL);
  g_autofree char *device_path = g_build_filename (dir, "device.db", NULL);
  g_autofree char *school = NULL;
  g_autofree char *key = NULL;
  g_autoptr(PlStore) hub = sync_test_hub (NULL, &school, &key);
  g_autoptr(PlStore) device = sync_test_device (device_path, school, key);
  g_autoptr(PlStore) colleague = sync_test_device (NULL, school, key);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autofree char *uri = g_file_get_uri (folder);
  g_autoptr(GSettings) settings = g_settings_new ("org.example.PersonalLearn");
  g_autoptr(PlContext) context = NULL;
  g_autofree char *from_name = g_strdup_printf ("from-%s.plbundle", pl_store_get_device_id (device));
  g_autofree char *to_name = g_strdup_printf ("to-%s.plbundle", pl_store_get_device_id (device));
  g_autoptr(GFile) from = g_file_get_child (folder, from_name);
  g_autoptr(GFile) back = NULL;
  g_autoptr(GFile) up = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *value = NULL;
  PlSyncWindow *window;
  Wait w = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (folder_path, 0700), ==, 0);
  g_assert_true (pl_store_set_meta (device, "sync_folder", uri, NULL));
  sync_test_set_field (device, "learner-1", "interests", "volcanoes");
  g_usleep (2000);
  /* The colleague's clock runs a day ahead of this computer's. */
  pl_hlc_observe (pl_store_get_clock (colleague),
                  pl_hlc_pack (g_get_real_time () / 1000 + 24 * 3600 * 1000, 0));
  sync_test_set_field (colleague, "learner-1", "interests", "chess");

  context = pl_context_new (device, settings);
  window = pl_sync_window_new (context);
  gtk_window_present (GTK_WINDOW (window));
  w.store = device;
  w.window = GTK_WIDGET (window);
  w.list = GTK_LIST_BOX (find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "conflict-list"));
  g_assert_nonnull (w.list);
  g_assert_null (gtk_list_box_get_row_at_index (w.list, 0));
  /* This computer's id, for the hub's administrator. */
  {
    AdwActionRow *row = ADW_ACTION_ROW (find_row (GTK_WIDGET (window), "This Computer"));

    g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, pl_store_get_device_id (device));
  }

  /* Export Now writes this device's bundle into the folder. */
  w.file = from;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "sync.export", NULL));
  g_assert_true (wait_for (file_written, &w, 30));

  /* The hub takes it and the colleague's, and answers into the folder. */
  sync_test_import (hub, from);
  up = sync_test_export (colleague, dir, "colleague.plbundle", NULL, FALSE);
  sync_test_import (hub, up);
  back = g_file_get_child (folder, to_name);
  {
    PlBundleExportOptions options = { pl_store_get_device_id (device), TRUE, NULL, NULL };

    g_assert_true (pl_bundle_export (hub, back, &options, NULL, NULL, NULL));
  }

  /* Import merges it; the teacher sees the conflict. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "sync.import", NULL));
  g_assert_true (wait_for (conflict_listed, &w, 30));
  value = sync_test_get_field (device, "learner-1", "interests");
  g_assert_cmpstr (value, ==, "chess");
  /* The row names the field as the profile does, which device won, when. */
  {
    AdwActionRow *row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (w.list, 0));
    const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
    const char *subtitle = adw_action_row_get_subtitle (row);
    g_autofree char *colleague_device = g_strdup_printf ("device %.8s", pl_store_get_device_id (colleague));

    g_assert_true (g_str_has_suffix (title, " · Interests"));
    g_assert_true (g_str_has_prefix (subtitle, "Kept: “chess” from "));
    g_assert_nonnull (strstr (subtitle, colleague_device));
    g_assert_nonnull (strstr (subtitle, "Other: “volcanoes” from this computer, "));
  }

  /* After the import from the window, an edit here comes after everything
   * it brought, though that was written a day ahead. */
  {
    g_autofree char *fuuid = sync_test_field_uuid ("learner-1", "interests");
    g_autoptr(PlRecord) imported = pl_store_get (device, PL_TYPE_PROFILE_FIELD, fuuid, NULL);
    g_autoptr(PlLearner) later = sync_test_learner (device, "Tomás", "Reyes");
    g_autofree char *stored = pl_store_get_meta (device, "hlc");

    g_assert_cmpuint (pl_record_get_updated_hlc (PL_RECORD (later)), >,
                      pl_record_get_updated_hlc (imported));
    g_assert_cmpuint (g_ascii_strtoull (stored, NULL, 10), >=,
                      pl_record_get_updated_hlc (PL_RECORD (later)));
  }

  /* One click keeps the other value. */
  conflicts = pl_store_sync_list_conflicts (device, FALSE, NULL);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "sync.keep-other", "x",
                                             ((PlSyncConflict *) conflicts->pdata[0])->id));
  g_assert_true (wait_for (conflict_gone, &w, 10));
  g_free (value);
  value = sync_test_get_field (device, "learner-1", "interests");
  g_assert_cmpstr (value, ==, "volcanoes");

  /* Export Now writes only what the hub lacks; Export Everything all. */
  g_assert_true (g_file_delete (from, NULL, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "sync.export", NULL));
  g_assert_true (wait_for (file_written, &w, 30));
  {
    g_autoptr(PlBundleManifest) m = pl_bundle_verify (hub, from, NULL, NULL);

    g_assert_nonnull (m);
    g_assert_cmpuint (g_hash_table_size (m->base), >, 0);
    g_assert_cmpuint (m->total, <, total_rows (device));
  }
  g_assert_true (g_file_delete (from, NULL, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "sync.export-all", NULL));
  g_assert_true (wait_for (file_written, &w, 30));
  {
    g_autoptr(PlBundleManifest) m = pl_bundle_verify (hub, from, NULL, NULL);

    g_assert_nonnull (m);
    g_assert_cmpuint (g_hash_table_size (m->base), ==, 0);
    g_assert_cmpuint (m->total, ==, total_rows (device));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  sync_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/sync-window/export-import-conflict", test_export_import_conflict);

  return g_test_run ();
}
