/* pl-sync-window.c — exchanging bundles through a sync folder
 *
 * "Export now" writes from-DEVICE.plbundle into the folder (only what the
 * school hub lacks, once it has answered); "Import" merges every other
 * bundle there: the hub's to-DEVICE.plbundle and colleagues' bundles. The
 * work runs in a thread on a connection of its own, with progress and
 * cancel; the window's store then reloads so every view sees the result.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include <glib/gi18n.h>

#include "core/pl-profile.h"
#include "core/pl-store-sync.h"
#include "pl-sync-window.h"
#include "sync/pl-bundle.h"
#include "sync/pl-sync-school.h"

struct _PlSyncWindow
{
  AdwWindow             parent_instance;

  PlContext            *context;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;

  AdwToastOverlay      *toast_overlay;
  AdwActionRow         *school_row;
  AdwActionRow         *device_row;
  AdwActionRow         *folder_row;
  AdwActionRow         *last_export_row;
  AdwActionRow         *last_import_row;
  GtkWidget            *progress_box;
  GtkProgressBar       *progress_bar;
  GtkListBox           *conflict_list;
};

G_DEFINE_FINAL_TYPE (PlSyncWindow, pl_sync_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static PlStore *
get_store (PlSyncWindow *self)
{
  return pl_context_get_store (self->context);
}

static GFile *
get_folder (PlSyncWindow *self)
{
  g_autofree char *uri = pl_store_get_meta (get_store (self), "sync_folder");

  return uri != NULL ? g_file_new_for_uri (uri) : NULL;
}

static gboolean
is_joined (PlSyncWindow *self)
{
  g_autofree char *school = pl_store_get_meta (get_store (self), "school_id");
  g_autofree char *key = pl_store_get_meta (get_store (self), "sync_key");

  return school != NULL && key != NULL;
}

/* "2026-03-01T10:00:00Z" in the teacher's time zone and words. */
static char *
format_when (const char *iso)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso == NULL)
    return g_strdup (_("Never"));
  utc = g_date_time_new_from_iso8601 (iso, NULL);
  if (utc == NULL)
    return g_strdup (iso);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%x %X");
}

static void
update_actions (PlSyncWindow *self)
{
  g_autoptr(GFile) folder = get_folder (self);
  gboolean busy = self->cancellable != NULL;
  gboolean ready = folder != NULL && is_joined (self) && !busy;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.export", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.export-all", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.import", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.choose-folder", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.cancel", busy);
  gtk_widget_set_visible (self->progress_box, busy);
}

static char *
learner_name (PlStore    *store,
              const char *uuid)
{
  g_autoptr(PlRecord) learner = uuid != NULL ? pl_store_get (store, PL_TYPE_LEARNER, uuid, NULL) : NULL;
  const char *given, *family;

  if (learner == NULL)
    return g_strdup (_("Unknown learner"));
  given = pl_record_get_string (learner, "preferred-name");
  if (given == NULL || *given == '\0')
    given = pl_record_get_string (learner, "given-name");
  family = pl_record_get_string (learner, "family-name");
  return g_strdup_printf ("%s %s", given != NULL ? given : "", family != NULL ? family : "");
}

/* "this computer", the name another device gave in its bundles, or the
 * start of its id. */
static char *
device_label (PlSyncWindow *self,
              GPtrArray    *peers,
              const char   *device)
{
  if (g_strcmp0 (device, pl_store_get_device_id (get_store (self))) == 0)
    return g_strdup (_("this computer"));
  for (guint i = 0; peers != NULL && i < peers->len; i++)
    {
      PlSyncPeer *peer = peers->pdata[i];

      if (g_strcmp0 (peer->device, device) == 0 && peer->name != NULL && peer->name[0] != '\0')
        return g_strdup (peer->name);
    }
  /* TRANSLATORS: a device known only by the start of its id. */
  return g_strdup_printf (_("device %.8s"), device != NULL ? device : "");
}

/* When a side of a conflict was written, from its clock. */
static char *
format_clock (guint64 hlc)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (pl_hlc_physical_ms (hlc) / 1000);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("?");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%x %H:%M");
}

/* One side of a conflict in words: its value (or that it removed the
 * field), the device and the time. */
static char *
describe_side (PlSyncWindow *self,
               GPtrArray    *peers,
               const char   *value,
               const char   *origin,
               guint64       hlc)
{
  g_autofree char *device = device_label (self, peers, origin);
  g_autofree char *when = format_clock (hlc);

  if (value == NULL)
    /* TRANSLATORS: a profile field removed on a device, at a time. */
    return g_strdup_printf (_("removed on %s, %s"), device, when);
  /* TRANSLATORS: a profile field's value, the device that wrote it, and when. */
  return g_strdup_printf (_("“%s” from %s, %s"), value, device, when);
}

static GtkWidget *
conflict_row (PlSyncWindow   *self,
              GPtrArray      *peers,
              PlSyncConflict *c)
{
  g_autofree char *name = learner_name (get_store (self), c->learner_uuid);
  const PlProfileFieldInfo *info = pl_profile_lookup_field (c->field);
  const char *label = info != NULL ? g_dgettext (GETTEXT_PACKAGE, info->label)
                                   : (c->field != NULL ? c->field : "");
  g_autofree char *title = g_strdup_printf ("%s · %s", name, label);
  g_autofree char *kept = c->remote_won
    ? describe_side (self, peers, c->remote_value, c->remote_origin, c->remote_hlc)
    : describe_side (self, peers, c->local_value, c->local_origin, c->local_hlc);
  g_autofree char *other = c->remote_won
    ? describe_side (self, peers, c->local_value, c->local_origin, c->local_hlc)
    : describe_side (self, peers, c->remote_value, c->remote_origin, c->remote_hlc);
  /* TRANSLATORS: both sides of a conflict, as "“value” from DEVICE, TIME". */
  g_autofree char *subtitle = g_strdup_printf (_("Kept: %s\nOther: %s"), kept, other);
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle, -1);
  gboolean other_removed = (c->remote_won ? c->local_value : c->remote_value) == NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *keep = gtk_button_new_with_mnemonic (other_removed ? _("_Remove It") : _("_Keep Other"));
  GtkWidget *dismiss = gtk_button_new_from_icon_name ("window-close-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);

  gtk_widget_set_valign (keep, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (keep, other_removed ? _("Remove the field again, as the other device did")
                                                   : _("Keep the other value instead"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (keep), "sync.keep-other");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (keep), "x", c->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), keep);

  gtk_widget_set_valign (dismiss, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (dismiss, "flat");
  gtk_widget_set_tooltip_text (dismiss, _("Keep This Value"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dismiss), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Keep this value and remove the conflict from the list"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (dismiss), "sync.dismiss");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (dismiss), "x", c->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dismiss);
  return row;
}

static void
refresh (PlSyncWindow *self)
{
  PlStore *store = get_store (self);
  g_autofree char *school = pl_store_get_meta (store, "school_id");
  g_autofree char *last_export = pl_store_get_meta (store, "sync_last_export");
  g_autofree char *last_import = pl_store_get_meta (store, "sync_last_import");
  g_autofree char *export_text = format_when (last_export);
  g_autofree char *import_text = format_when (last_import);
  g_autoptr(GFile) folder = get_folder (self);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) peers = NULL;
  GtkListBoxRow *row;

  if (school != NULL && is_joined (self))
    adw_action_row_set_subtitle (self->school_row, school);
  else
    adw_action_row_set_subtitle (self->school_row,
                                 _("Not joined yet: enter the school id and sync key in Preferences"));
  if (folder != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (folder);
      g_autofree char *escaped = g_markup_escape_text (name, -1);

      adw_action_row_set_subtitle (self->folder_row, escaped);
    }
  else
    adw_action_row_set_subtitle (self->folder_row, _("None chosen"));
  /* The hub's administrator may ask for it (hub export --device ID). */
  adw_action_row_set_subtitle (self->device_row, pl_store_get_device_id (store));
  adw_action_row_set_subtitle (self->last_export_row, export_text);
  adw_action_row_set_subtitle (self->last_import_row, import_text);

  while ((row = gtk_list_box_get_row_at_index (self->conflict_list, 0)) != NULL)
    gtk_list_box_remove (self->conflict_list, GTK_WIDGET (row));
  conflicts = pl_store_sync_list_conflicts (store, FALSE, NULL);
  peers = pl_store_sync_list_peers (store, NULL);
  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    gtk_list_box_append (self->conflict_list, conflict_row (self, peers, conflicts->pdata[i]));

  update_actions (self);
}

/* ---- the work, in a thread ----------------------------------------- */

typedef struct
{
  char         *db_path;
  GFile        *folder;
  gboolean      export;
  gboolean      everything;  /* an export of every record, not only changes */
  PlSyncWindow *window;    /* only touched in the main thread */
} Job;

static void
job_free (Job *job)
{
  g_free (job->db_path);
  g_clear_object (&job->folder);
  g_clear_object (&job->window);
  g_free (job);
}

typedef struct
{
  PlSyncWindow *window;
  double        fraction;
} ProgressUpdate;

static gboolean
apply_progress_cb (gpointer data)
{
  ProgressUpdate *update = data;

  gtk_progress_bar_set_fraction (update->window->progress_bar, CLAMP (update->fraction, 0, 1));
  g_object_unref (update->window);
  g_free (update);
  return G_SOURCE_REMOVE;
}

static void
job_progress_cb (double   fraction,
                 gpointer user_data)
{
  Job *job = user_data;
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);

  update->window = g_object_ref (job->window);
  update->fraction = fraction;
  g_main_context_invoke (NULL, apply_progress_cb, update);
}

static char *
device_file_name (const char *prefix,
                  PlStore    *store)
{
  return g_strdup_printf ("%s-%s%s", prefix, pl_store_get_device_id (store), PL_BUNDLE_EXTENSION);
}

static char *
run_export (PlStore       *store,
            Job           *job,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *name = device_file_name ("from", store);
  g_autoptr(GFile) dest = g_file_get_child (job->folder, name);
  g_autofree char *hub = pl_store_get_meta (store, "sync_hub");
  g_autoptr(PlBundleManifest) manifest = NULL;
  PlBundleExportOptions options = { hub, !job->everything, job_progress_cb, job };

  if (!pl_bundle_export (store, dest, &options, &manifest, cancellable, error))
    return NULL;
  if (g_hash_table_size (manifest->base) == 0)
    return g_strdup_printf (g_dngettext (NULL, "Exported everything: %" PRIu64 " record",
                                         "Exported everything: %" PRIu64 " records",
                                         manifest->total), manifest->total);
  return g_strdup_printf (g_dngettext (NULL, "Exported the changes: %" PRIu64 " record",
                                       "Exported the changes: %" PRIu64 " records",
                                       manifest->total), manifest->total);
}

static char *
run_import (PlStore       *store,
            Job           *job,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *own = device_file_name ("from", store);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) problems = g_string_new (NULL);
  guint64 changed = 0;
  guint conflicts = 0, imported = 0;
  GFileInfo *info;

  children = g_file_enumerate_children (job->folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (children == NULL)
    return NULL;
  while ((info = g_file_enumerator_next_file (children, cancellable, error)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_str_has_suffix (name, PL_BUNDLE_EXTENSION) && name[0] != '.' && g_strcmp0 (name, own) != 0)
        g_ptr_array_add (files, g_file_get_child (job->folder, name));
      g_object_unref (info);
    }
  if (error != NULL && *error != NULL)
    return NULL;

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      PlBundleImportResult result = { 0 };

      if (!pl_bundle_import (store, files->pdata[i], job_progress_cb, job, &result, cancellable,
                             &local_error))
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          /* One bad file does not stop the others; each is all or nothing. */
          g_string_append_printf (problems, "\n%s", local_error->message);
          continue;
        }
      imported++;
      changed += result.stats.applied;
      conflicts += result.stats.conflicts;
      pl_bundle_import_result_clear (&result);
    }

  if (problems->len > 0 && imported == 0)
    {
      g_set_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_FAILED, "%s", problems->str + 1);
      return NULL;
    }
  if (files->len == 0)
    return g_strdup (_("No bundles to import in the sync folder"));
  return g_strdup_printf (_("Imported %u of %u bundles: %" PRIu64 " records changed, %u new conflicts%s"),
                          imported, files->len, changed, conflicts, problems->str);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (job->db_path, &error);
  char *summary = NULL;

  if (store != NULL)
    summary = job->export ? run_export (store, job, cancellable, &error)
                          : run_import (store, job, cancellable, &error);
  if (summary == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, summary, g_free);
}

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  PlSyncWindow *self = PL_SYNC_WINDOW (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = g_task_propagate_pointer (G_TASK (result), &error);
  AdwToast *toast;

  g_clear_object (&self->cancellable);
  /* The other connection wrote: views reload, the clock catches up. */
  if (!job->export)
    pl_store_reload (get_store (self));

  if (summary != NULL)
    toast = adw_toast_new (summary);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast = adw_toast_new (job->export ? _("Export cancelled; nothing was written")
                                       : _("Import cancelled"));
  else
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      toast = adw_toast_new (escaped);
      adw_toast_set_timeout (toast, 0);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  refresh (self);
}

static void
start_job (PlSyncWindow *self,
           gboolean      export,
           gboolean      everything)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (self->cancellable != NULL)
    return;
  job = g_new0 (Job, 1);
  job->db_path = g_strdup (pl_store_get_path (get_store (self)));
  job->folder = get_folder (self);
  job->export = export;
  job->everything = everything;
  job->window = g_object_ref (self);
  if (job->folder == NULL)
    {
      job_free (job);
      return;
    }

  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, export ? _("Exporting…") : _("Importing…"));
  update_actions (self);

  task = g_task_new (self, self->cancellable, job_done_cb, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
}

/* ---- actions ------------------------------------------------------- */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  start_job (PL_SYNC_WINDOW (widget), TRUE, FALSE);
}

/* For a new hub, or when the hub lost what it had: every record again. */
static void
export_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  start_job (PL_SYNC_WINDOW (widget), TRUE, TRUE);
}

static void
copy_device_id_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PlSyncWindow *self = PL_SYNC_WINDOW (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), pl_store_get_device_id (get_store (self)));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Device id copied")));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  start_job (PL_SYNC_WINDOW (widget), FALSE, FALSE);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlSyncWindow *self = PL_SYNC_WINDOW (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
on_folder_chosen_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  PlSyncWindow *self = PL_SYNC_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *uri = folder != NULL ? g_file_get_uri (folder) : NULL;
      g_autoptr(GError) error = NULL;

      if (uri != NULL && !pl_store_set_meta (get_store (self), "sync_folder", uri, &error))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
    }
  g_clear_object (&self->chooser);
  refresh (self);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PlSyncWindow *self = PL_SYNC_WINDOW (widget);
  g_autoptr(GFile) current = get_folder (self);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Choose a Sync Folder"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (current != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), current, NULL);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_folder_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
keep_other_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PlSyncWindow *self = PL_SYNC_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!pl_store_sync_keep_other (get_store (self), g_variant_get_int64 (parameter), &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  else
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("The other side is kept; it reaches the other devices at the next sync")));
  refresh (self);
}

static void
dismiss_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PlSyncWindow *self = PL_SYNC_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!pl_store_sync_dismiss_conflict (get_store (self), g_variant_get_int64 (parameter), &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  refresh (self);
}

/* ---- object -------------------------------------------------------- */

static void
on_store_changed_cb (PlStore      *store,
                     const char   *table,
                     PlSyncWindow *self)
{
  if (self->cancellable == NULL)
    refresh (self);
}

static void
pl_sync_window_constructed (GObject *object)
{
  PlSyncWindow *self = PL_SYNC_WINDOW (object);

  G_OBJECT_CLASS (pl_sync_window_parent_class)->constructed (object);

  g_signal_connect_object (get_store (self), "changed::profile_field",
                           G_CALLBACK (on_store_changed_cb), self, 0);
  refresh (self);
}

static gboolean
pl_sync_window_close_request (GtkWindow *window)
{
  PlSyncWindow *self = PL_SYNC_WINDOW (window);

  /* Closing stops the work; an import rolls back, an export leaves no file. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (pl_sync_window_parent_class)->close_request (window);
}

static void
pl_sync_window_dispose (GObject *object)
{
  PlSyncWindow *self = PL_SYNC_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_SYNC_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pl_sync_window_parent_class)->dispose (object);
}

static void
pl_sync_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PlSyncWindow *self = PL_SYNC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_sync_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PlSyncWindow *self = PL_SYNC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_sync_window_class_init (PlSyncWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = pl_sync_window_constructed;
  object_class->dispose = pl_sync_window_dispose;
  object_class->get_property = pl_sync_window_get_property;
  object_class->set_property = pl_sync_window_set_property;
  window_class->close_request = pl_sync_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PL_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/PersonalLearn/sync/pl-sync-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlSyncWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlSyncWindow, school_row);
  gtk_widget_class_bind_template_child (widget_class, PlSyncWindow, device_row);
  gtk_widget_class_bind_template_child (widget_class, PlSyncWindow, folder_row);
  gtk_widget_class_bind_template_child (widget_class, PlSyncWindow, last_export_row);
  gtk_widget_class_bind_template_child (widget_class, PlSyncWindow, last_import_row);
  gtk_widget_class_bind_template_child (widget_class, PlSyncWindow, progress_box);
  gtk_widget_class_bind_template_child (widget_class, PlSyncWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PlSyncWindow, conflict_list);

  gtk_widget_class_install_action (widget_class, "sync.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "sync.export-all", NULL, export_all_action);
  gtk_widget_class_install_action (widget_class, "sync.copy-device-id", NULL, copy_device_id_action);
  gtk_widget_class_install_action (widget_class, "sync.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "sync.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "sync.choose-folder", NULL, choose_folder_action);
  gtk_widget_class_install_action (widget_class, "sync.keep-other", "x", keep_other_action);
  gtk_widget_class_install_action (widget_class, "sync.dismiss", "x", dismiss_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "sync.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "sync.import", NULL);
}

static void
pl_sync_window_init (PlSyncWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PlSyncWindow *
pl_sync_window_new (PlContext *context)
{
  g_return_val_if_fail (PL_IS_CONTEXT (context), NULL);

  return g_object_new (PL_TYPE_SYNC_WINDOW, "context", context, NULL);
}
