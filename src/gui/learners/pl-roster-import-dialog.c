/* pl-roster-import-dialog.c — pick a roster, preview it, import it
 *
 * Reading, comparing and writing run in a worker thread with its own
 * connection to the database, so the window stays responsive on a large
 * roster; the main connection reloads when the import has committed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "interop/pl-learner-csv.h"
#include "interop/pl-oneroster.h"
#include "interop/pl-roster-plan.h"
#include "pl-roster-import-dialog.h"

struct _PlRosterImportDialog
{
  AdwWindow            parent_instance;

  PlContext           *context;
  PlClassroom         *classroom;

  GtkButton           *import_button;
  GtkStack            *stack;
  AdwStatusPage       *busy_page;
  GtkProgressBar      *progress_bar;
  GtkLabel            *summary_label;
  AdwPreferencesGroup *mapping_group;
  AdwEntryRow         *class_row;
  AdwPreferencesGroup *sample_group;
  GtkGrid             *sample_grid;
  AdwPreferencesGroup *classes_group;
  AdwPreferencesGroup *warnings_group;
  AdwStatusPage       *error_page;

  GFile               *file;
  PlLearnerCsv        *csv;           /* a plain CSV and its column mapping */
  GPtrArray           *mapping_rows;  /* AdwComboRow per PlLearnerCsvField */
  GPtrArray           *class_checks;
  GPtrArray           *extra_rows;    /* rows added to groups, removed on reload */
  PlStore             *worker_store;  /* the plan's connection, or NULL */
  PlRosterPlan        *plan;
  GCancellable        *cancellable;
  PlRosterProgress    *progress;      /* told by the worker, read by a timer */
  guint                pulse_id;
  gboolean             updating;
  char                *error_message;
};

G_DEFINE_FINAL_TYPE (PlRosterImportDialog, pl_roster_import_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- worker -------------------------------------------------------- */

typedef struct
{
  GFile        *file;
  char         *db_path;
  PlLearnerCsv *csv;          /* borrowed from the dialog while the task runs */
  PlRosterProgress *progress; /* borrowed too */
  char         *class_title;
  char         *target_uuid;
  /* results */
  PlStore      *store;
  PlRosterData *data;
  PlRosterPlan *plan;
} LoadJob;

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_clear_object (&job->file);
  g_free (job->db_path);
  g_free (job->class_title);
  g_free (job->target_uuid);
  g_clear_pointer (&job->plan, pl_roster_plan_free);
  g_clear_pointer (&job->data, pl_roster_data_free);
  g_clear_object (&job->store);
  g_free (job);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  GError *error = NULL;

  if (job->csv != NULL)
    job->data = pl_learner_csv_read_full (job->csv, job->class_title, job->progress, cancellable, &error);
  else
    job->data = pl_oneroster_read_full (job->file, job->progress, cancellable, &error);
  if (job->data == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* With a database file, compare on this thread's own connection. */
  if (job->db_path != NULL)
    {
      job->store = pl_store_open (job->db_path, &error);
      if (job->store == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      pl_roster_progress_begin (job->progress, PL_ROSTER_STAGE_COMPARING, 0);
      job->plan = pl_roster_plan_new (job->store, g_steal_pointer (&job->data), job->target_uuid, &error);
      if (job->plan == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }
  g_task_return_boolean (task, TRUE);
}

/* ---- showing states ------------------------------------------------ */

/* What the worker says it has done, a few times a second: how much of
 * the files is read, how many rows are written; a pulse while it compares
 * (that part has no count). */
static void
show_progress (PlRosterImportDialog *self)
{
  g_autofree char *text = NULL;
  PlRosterStage stage;
  guint64 done, total;

  pl_roster_progress_get (self->progress, &stage, &done, &total);
  switch (stage)
    {
    case PL_ROSTER_STAGE_READING:
      adw_status_page_set_title (self->busy_page, _("Reading the Roster…"));
      if (total > 0)
        {
          g_autofree char *d = g_format_size (done);
          g_autofree char *t = g_format_size (total);

          /* Translators: how much of the roster's files is read, e.g. "1.2 MB of 3.4 MB" */
          text = g_strdup_printf (_("%s of %s"), d, t);
        }
      break;
    case PL_ROSTER_STAGE_COMPARING:
      adw_status_page_set_title (self->busy_page, _("Comparing with Your Learners…"));
      break;
    case PL_ROSTER_STAGE_WRITING:
    default:
      adw_status_page_set_title (self->busy_page, _("Importing…"));
      if (total > 0)
        /* Translators: rows of the roster written so far */
        text = g_strdup_printf (ngettext ("%u of %u row saved", "%u of %u rows saved", (gulong) total),
                                (guint) done, (guint) total);
      break;
    }
  if (text != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, (double) done / (double) total);
  else
    gtk_progress_bar_pulse (self->progress_bar);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static gboolean
progress_cb (gpointer data)
{
  show_progress (data);
  return G_SOURCE_CONTINUE;
}

static void
set_busy (PlRosterImportDialog *self,
          PlRosterStage         stage)
{
  pl_roster_progress_begin (self->progress, stage, 0);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  show_progress (self);
  gtk_stack_set_visible_child_name (self->stack, "busy");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  if (self->pulse_id == 0)
    self->pulse_id = g_timeout_add (100, progress_cb, self);
}

static void
stop_busy (PlRosterImportDialog *self)
{
  /* The bar ends where the work ended (at its end, unless it failed). */
  if (self->pulse_id != 0)
    show_progress (self);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_object (&self->cancellable);
}

static void
show_error (PlRosterImportDialog *self,
            const char           *message)
{
  g_free (self->error_message);
  self->error_message = g_strdup (message);
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
}

static void
clear_rows (PlRosterImportDialog *self)
{
  for (guint i = 0; i < self->extra_rows->len; i++)
    {
      GtkWidget *row = self->extra_rows->pdata[i];
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->extra_rows, 0);
  g_ptr_array_set_size (self->class_checks, 0);
}

static void
update_totals (PlRosterImportDialog *self)
{
  guint n_new, n_updated, n_unchanged, n_archived;
  gboolean any = FALSE;
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->class_checks->len; i++)
    {
      gboolean on = gtk_check_button_get_active (self->class_checks->pdata[i]);

      pl_roster_plan_select (self->plan, i, on);
      any = any || on;
    }
  pl_roster_plan_get_totals (self->plan, &n_new, &n_updated, &n_unchanged, &n_archived);
  if (!any)
    text = g_strdup (_("Choose at least one class to import."));
  else if (pl_roster_plan_is_noop (self->plan))
    text = g_strdup_printf (_("Everything in the chosen classes is already up to date (%u learners unchanged). Importing changes nothing."),
                            n_unchanged);
  else
    /* Translators: the totals of the import preview */
    text = g_strdup_printf (_("From %s: %u new, %u updated, %u unchanged and %u archived learners in the chosen classes."),
                            pl_roster_plan_get_data (self->plan)->origin,
                            n_new, n_updated, n_unchanged, n_archived);
  gtk_label_set_label (self->summary_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), any);
}

static void
on_class_toggled_cb (GtkCheckButton       *check,
                     PlRosterImportDialog *self)
{
  if (self->plan != NULL)
    update_totals (self);
}

static void start_load (PlRosterImportDialog *self);

static GtkWidget *
sample_label (const char *text,
              gboolean    heading,
              gboolean    missing)
{
  g_autofree char *one_line = g_strdup (text);
  GtkWidget *label;

  /* A cell with a line break shows on one line. */
  g_strdelimit (one_line, "\r\n", ' ');
  label = gtk_label_new (one_line);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Long cells are cut short, short ones shown whole: the preview
   * scrolls sideways when the columns do not fit. */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), MIN ((int) g_utf8_strlen (one_line, -1), 24));
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  if (missing)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* The first rows with the chosen mapping: what each field will hold. */
static void
update_sample (PlRosterImportDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sample_grid))) != NULL)
    gtk_grid_remove (self->sample_grid, child);
  gtk_widget_set_visible (GTK_WIDGET (self->sample_group),
                          self->csv != NULL && pl_learner_csv_get_n_samples (self->csv) > 0);
  if (self->csv == NULL)
    return;

  for (guint f = 0; f < PL_LEARNER_CSV_N_FIELDS; f++)
    {
      int column = pl_learner_csv_get_mapping (self->csv, f);

      gtk_grid_attach (self->sample_grid, sample_label (pl_learner_csv_field_label (f), TRUE, column < 0),
                       (int) f, 0, 1, 1);
      for (guint r = 0; r < pl_learner_csv_get_n_samples (self->csv); r++)
        {
          const char * const *row = pl_learner_csv_get_sample (self->csv, r);
          const char *text = column >= 0 && (guint) column < g_strv_length ((char **) row) ? row[column] : NULL;

          /* Translators: a field no column is chosen for, in the preview of the first rows */
          gtk_grid_attach (self->sample_grid, sample_label (text != NULL ? text : _("—"), FALSE, text == NULL),
                           (int) f, (int) r + 1, 1, 1);
        }
    }
}

static void
on_mapping_changed_cb (PlRosterImportDialog *self)
{
  if (self->updating || self->csv == NULL)
    return;
  for (guint f = 0; f < PL_LEARNER_CSV_N_FIELDS; f++)
    {
      guint selected = adw_combo_row_get_selected (self->mapping_rows->pdata[f]);

      /* Position 0 is "(none)". */
      pl_learner_csv_set_mapping (self->csv, f, selected == 0 || selected == GTK_INVALID_LIST_POSITION
                                                 ? -1 : (int) selected - 1);
    }
  update_sample (self);
  start_load (self);
}

static void
fill_mapping (PlRosterImportDialog *self)
{
  self->updating = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_group), self->csv != NULL);
  if (self->csv != NULL && self->mapping_rows->len == 0)
    {
      g_autoptr(GtkStringList) columns = gtk_string_list_new (NULL);

      gtk_string_list_append (columns, _("(none)"));
      for (guint c = 0; c < pl_learner_csv_get_n_columns (self->csv); c++)
        gtk_string_list_append (columns, pl_learner_csv_get_column_name (self->csv, c));
      for (guint f = 0; f < PL_LEARNER_CSV_N_FIELDS; f++)
        {
          GtkWidget *row = adw_combo_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pl_learner_csv_field_label (f));
          adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (columns));
          g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (on_mapping_changed_cb), self);
          adw_preferences_group_add (self->mapping_group, row);
          g_ptr_array_add (self->mapping_rows, row);
        }
    }
  for (guint f = 0; self->csv != NULL && f < self->mapping_rows->len; f++)
    adw_combo_row_set_selected (self->mapping_rows->pdata[f],
                                (guint) (pl_learner_csv_get_mapping (self->csv, f) + 1));
  self->updating = FALSE;
  update_sample (self);
}

static void
show_preview (PlRosterImportDialog *self)
{
  PlRosterData *data = pl_roster_plan_get_data (self->plan);

  clear_rows (self);
  fill_mapping (self);
  for (guint i = 0; i < pl_roster_plan_get_n_classes (self->plan); i++)
    {
      PlRosterPlanClass *c = pl_roster_plan_get_class (self->plan, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *subtitle = NULL;

      /* Translators: per-class counts in the import preview */
      subtitle = g_strdup_printf (_("%u new · %u updated · %u unchanged · %u archived%s"),
                                  c->n_new, c->n_updated, c->n_unchanged, c->n_archived,
                                  c->exists ? "" : _(" · a new class"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), c->selected);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, c->title, -1);
      g_signal_connect (check, "toggled", G_CALLBACK (on_class_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->classes_group, row);
      g_ptr_array_add (self->extra_rows, row);
      g_ptr_array_add (self->class_checks, check);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), data->warnings->len > 0);
  for (guint i = 0; i < data->warnings->len; i++)
    {
      GtkWidget *label = gtk_label_new (data->warnings->pdata[i]);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "caption");
      adw_preferences_group_add (self->warnings_group, label);
      g_ptr_array_add (self->extra_rows, label);
    }
  update_totals (self);
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

/* A spreadsheet whose columns were guessed wrong: the teacher fixes the
 * mapping right here instead of starting over. */
static void
show_mapping_problem (PlRosterImportDialog *self,
                      const char           *message)
{
  g_free (self->error_message);
  self->error_message = g_strdup (message);
  g_clear_pointer (&self->plan, pl_roster_plan_free);
  g_clear_object (&self->worker_store);
  clear_rows (self);
  fill_mapping (self);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), FALSE);
  gtk_label_set_label (self->summary_label, message);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PlRosterImportDialog *self = PL_ROSTER_IMPORT_DIALOG (object);
  LoadJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  stop_busy (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_stack_set_visible_child_name (self->stack, "choose");
      else if (self->csv != NULL && error->domain == PL_ROSTER_ERROR)
        show_mapping_problem (self, error->message);
      else
        show_error (self, error->message);
      return;
    }
  g_clear_pointer (&self->plan, pl_roster_plan_free);
  g_clear_object (&self->worker_store);
  if (job->plan != NULL)
    {
      self->plan = g_steal_pointer (&job->plan);
      self->worker_store = g_steal_pointer (&job->store);
    }
  else
    {
      /* A database in memory has one connection: compare on it here. */
      self->plan = pl_roster_plan_new (pl_context_get_store (self->context), g_steal_pointer (&job->data),
                                       job->target_uuid, &error);
      if (self->plan == NULL)
        {
          show_error (self, error->message);
          return;
        }
    }
  show_preview (self);
}

static void
start_load (PlRosterImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;
  const char *path = pl_store_get_path (pl_context_get_store (self->context));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  stop_busy (self);
  self->cancellable = g_cancellable_new ();

  job = g_new0 (LoadJob, 1);
  job->file = g_object_ref (self->file);
  job->db_path = g_strdup (path);
  job->csv = self->csv;
  job->progress = self->progress;
  if (self->csv != NULL)
    {
      const char *title = gtk_editable_get_text (GTK_EDITABLE (self->class_row));

      job->class_title = g_strdup (*title != '\0' ? title : _("New class"));
      if (self->classroom != NULL &&
          g_strcmp0 (title, pl_record_get_string (PL_RECORD (self->classroom), "name")) == 0)
        job->target_uuid = g_strdup (pl_record_get_uuid (PL_RECORD (self->classroom)));
    }
  set_busy (self, PL_ROSTER_STAGE_READING);
  task = g_task_new (self, self->cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, job, load_job_free);
  g_task_run_in_thread (task, load_thread);
}

void
pl_roster_import_dialog_load (PlRosterImportDialog *self,
                              GFile                *file)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PL_IS_ROSTER_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  g_clear_pointer (&self->csv, pl_learner_csv_free);
  for (guint i = 0; i < self->mapping_rows->len; i++)
    adw_preferences_group_remove (self->mapping_group, self->mapping_rows->pdata[i]);
  g_ptr_array_set_size (self->mapping_rows, 0);

  if (!pl_oneroster_looks_like (file))
    {
      /* The header and a few rows only: quick enough to read here. */
      self->csv = pl_learner_csv_open (file, NULL, &error);
      if (self->csv == NULL)
        {
          show_error (self, error->message);
          return;
        }
      gtk_editable_set_text (GTK_EDITABLE (self->class_row),
                             self->classroom != NULL ? pl_record_get_string (PL_RECORD (self->classroom), "name")
                                                     : _("New class"));
    }
  start_load (self);
}

/* ---- choosing a file ----------------------------------------------- */

static void
chooser_response_cb (GtkNativeDialog      *chooser,
                     int                   response,
                     PlRosterImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        pl_roster_import_dialog_load (self, file);
    }
  g_object_unref (chooser);
}

static void
choose (PlRosterImportDialog *self,
        gboolean              folder)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (folder ? _("Choose the Roster Folder") : _("Choose the Roster File"),
                                         GTK_WINDOW (self),
                                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  if (!folder)
    {
      g_autoptr(GtkFileFilter) rosters = gtk_file_filter_new ();

      gtk_file_filter_set_name (rosters, _("Rosters (zip or CSV)"));
      gtk_file_filter_add_suffix (rosters, "zip");
      gtk_file_filter_add_suffix (rosters, "csv");
      gtk_file_filter_add_suffix (rosters, "txt");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), rosters);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_choose_file_clicked_cb (PlRosterImportDialog *self)
{
  choose (self, FALSE);
}

static void
on_choose_folder_clicked_cb (PlRosterImportDialog *self)
{
  choose (self, TRUE);
}

/* ---- importing ----------------------------------------------------- */

static void
apply_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  PlRosterImportDialog *self = source_object;
  PlRosterPlan *plan = task_data;
  PlRosterApplyResult *result = g_new0 (PlRosterApplyResult, 1);
  GError *error = NULL;

  /* The dialog waits for the task (close_request): its progress lives. */
  if (!pl_roster_plan_apply_full (plan, self->progress, cancellable, result, &error))
    {
      g_free (result);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, result, g_free);
}

static void
finish_import (PlRosterImportDialog *self,
               PlRosterApplyResult  *result)
{
  g_autofree char *summary = NULL;

  /* What was written, each learner once, as the preview counted them. */
  if (result->learners_written + result->enrollments_written + result->classes_written == 0)
    summary = g_strdup (_("Roster imported: nothing had changed"));
  else
    summary = g_strdup_printf (_("Roster imported: %u new, %u updated, %u archived learners"),
                               result->learners_new, result->learners_updated, result->learners_archived);
  pl_store_reload (pl_context_get_store (self->context));
  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, summary);
  gtk_window_close (GTK_WINDOW (self));
}

static void
apply_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  PlRosterImportDialog *self = PL_ROSTER_IMPORT_DIALOG (object);
  g_autoptr(GError) error = NULL;
  g_autofree PlRosterApplyResult *counts = NULL;

  stop_busy (self);
  counts = g_task_propagate_pointer (G_TASK (result), &error);
  if (counts == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_preview (self);
      else
        show_error (self, error->message);
      return;
    }
  finish_import (self, counts);
}

void
pl_roster_import_dialog_apply (PlRosterImportDialog *self)
{
  g_return_if_fail (PL_IS_ROSTER_IMPORT_DIALOG (self));

  if (self->plan == NULL)
    return;
  update_totals (self);
  g_clear_pointer (&self->error_message, g_free);
  if (self->worker_store != NULL)
    {
      g_autoptr(GTask) task = NULL;

      self->cancellable = g_cancellable_new ();
      set_busy (self, PL_ROSTER_STAGE_WRITING);
      task = g_task_new (self, self->cancellable, apply_done_cb, NULL);
      g_task_set_source_tag (task, pl_roster_import_dialog_apply);
      g_task_set_task_data (task, self->plan, NULL);
      g_task_run_in_thread (task, apply_thread);
    }
  else
    {
      g_autoptr(GError) error = NULL;
      PlRosterApplyResult counts;

      if (!pl_roster_plan_apply (self->plan, NULL, &counts, &error))
        show_error (self, error->message);
      else
        finish_import (self, &counts);
    }
}

static void
on_import_clicked_cb (PlRosterImportDialog *self)
{
  pl_roster_import_dialog_apply (self);
}

static void
on_cancel_clicked_cb (PlRosterImportDialog *self)
{
  /* Cancelling mid-import rolls the transaction back: nothing is saved. */
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

/* ---- GObject ------------------------------------------------------- */

static gboolean
pl_roster_import_dialog_close_request (GtkWindow *window)
{
  PlRosterImportDialog *self = PL_ROSTER_IMPORT_DIALOG (window);

  /* A running task keeps the dialog alive until it reports back. */
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (pl_roster_import_dialog_parent_class)->close_request (window);
}

static void
pl_roster_import_dialog_dispose (GObject *object)
{
  PlRosterImportDialog *self = PL_ROSTER_IMPORT_DIALOG (object);

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_ROSTER_IMPORT_DIALOG);
  g_clear_pointer (&self->plan, pl_roster_plan_free);
  g_clear_object (&self->worker_store);
  g_clear_pointer (&self->csv, pl_learner_csv_free);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->classroom);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pl_roster_import_dialog_parent_class)->dispose (object);
}

static void
pl_roster_import_dialog_finalize (GObject *object)
{
  PlRosterImportDialog *self = PL_ROSTER_IMPORT_DIALOG (object);

  g_ptr_array_unref (self->mapping_rows);
  g_ptr_array_unref (self->class_checks);
  g_ptr_array_unref (self->extra_rows);
  g_free (self->error_message);
  pl_roster_progress_free (self->progress);

  G_OBJECT_CLASS (pl_roster_import_dialog_parent_class)->finalize (object);
}

static void
pl_roster_import_dialog_class_init (PlRosterImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_roster_import_dialog_dispose;
  object_class->finalize = pl_roster_import_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = pl_roster_import_dialog_close_request;

  signals[SIGNAL_IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/PersonalLearn/learners/pl-roster-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlRosterImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, PlRosterImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PlRosterImportDialog, busy_page);
  gtk_widget_class_bind_template_child (widget_class, PlRosterImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PlRosterImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PlRosterImportDialog, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, PlRosterImportDialog, class_row);
  gtk_widget_class_bind_template_child (widget_class, PlRosterImportDialog, sample_group);
  gtk_widget_class_bind_template_child (widget_class, PlRosterImportDialog, sample_grid);
  gtk_widget_class_bind_template_child (widget_class, PlRosterImportDialog, classes_group);
  gtk_widget_class_bind_template_child (widget_class, PlRosterImportDialog, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, PlRosterImportDialog, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_file_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_folder_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_mapping_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_roster_import_dialog_init (PlRosterImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->mapping_rows = g_ptr_array_new ();
  self->class_checks = g_ptr_array_new ();
  self->extra_rows = g_ptr_array_new ();
  self->progress = pl_roster_progress_new ();
}

PlRosterImportDialog *
pl_roster_import_dialog_new (PlContext   *context,
                             PlClassroom *classroom)
{
  PlRosterImportDialog *self;

  g_return_val_if_fail (PL_IS_CONTEXT (context), NULL);

  self = g_object_new (PL_TYPE_ROSTER_IMPORT_DIALOG, NULL);
  self->context = g_object_ref (context);
  g_set_object (&self->classroom, classroom);
  return self;
}

const char *
pl_roster_import_dialog_get_state (PlRosterImportDialog *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
pl_roster_import_dialog_get_summary (PlRosterImportDialog *self)
{
  g_return_val_if_fail (PL_IS_ROSTER_IMPORT_DIALOG (self), NULL);
  return gtk_label_get_label (self->summary_label);
}

const char *
pl_roster_import_dialog_get_error (PlRosterImportDialog *self)
{
  return self->error_message;
}

guint
pl_roster_import_dialog_get_n_classes (PlRosterImportDialog *self)
{
  return self->class_checks->len;
}

GtkProgressBar *
pl_roster_import_dialog_get_progress_bar (PlRosterImportDialog *self)
{
  g_return_val_if_fail (PL_IS_ROSTER_IMPORT_DIALOG (self), NULL);
  return self->progress_bar;
}

GtkCheckButton *
pl_roster_import_dialog_get_class_check (PlRosterImportDialog *self,
                                         guint                 index)
{
  g_return_val_if_fail (index < self->class_checks->len, NULL);
  return self->class_checks->pdata[index];
}

const char *
pl_roster_import_dialog_get_sample_cell (PlRosterImportDialog *self,
                                         guint                 row,
                                         guint                 field)
{
  GtkWidget *label;

  g_return_val_if_fail (PL_IS_ROSTER_IMPORT_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->sample_group)))
    return NULL;
  label = gtk_grid_get_child_at (self->sample_grid, (int) field, (int) row);
  return label != NULL ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

AdwComboRow *
pl_roster_import_dialog_get_mapping_row (PlRosterImportDialog *self,
                                         guint                 field)
{
  g_return_val_if_fail (PL_IS_ROSTER_IMPORT_DIALOG (self), NULL);
  return field < self->mapping_rows->len ? self->mapping_rows->pdata[field] : NULL;
}
