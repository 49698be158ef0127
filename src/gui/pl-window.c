/* pl-window.c — the main window: class switcher and the five views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "core/pl-demo.h"
#include "pl-accessible.h"
#include "pl-window.h"
#include "learners/pl-learners-page.h"
#include "boards/pl-boards-page.h"
#include "boards/pl-standards-window.h"
#include "checkins/pl-checkins-page.h"
#include "gradebook/pl-gradebook-page.h"
#include "insights/pl-insights-page.h"
#include "sync/pl-sync-window.h"

struct _PlWindow
{
  AdwApplicationWindow  parent_instance;

  PlContext            *context;
  GCancellable         *work;
  gboolean              syncing_dropdown;
  gboolean              locked;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkDropDown          *class_dropdown;
  GtkProgressBar       *busy_progress;
  AdwStatusPage        *busy_page;
  GtkWidget            *learners_page;
  GtkWidget            *boards_page;
  GtkWidget            *checkins_page;
  GtkWidget            *gradebook_page;
  GtkWidget            *insights_page;
};

G_DEFINE_FINAL_TYPE (PlWindow, pl_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const view_names[] = {
  "learners", "boards", "checkins", "gradebook", "insights", NULL
};

const char * const *
pl_window_get_view_names (void)
{
  return view_names;
}

static void
update_main_page (PlWindow *self)
{
  GListModel *classes = pl_context_get_classrooms (self->context);

  if (self->work != NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "busy");
  else if (g_list_model_get_n_items (classes) == 0)
    gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  else
    gtk_stack_set_visible_child_name (self->main_stack, "main");
}

static void
sync_dropdown_to_context (PlWindow *self)
{
  GListModel *classes = pl_context_get_classrooms (self->context);
  PlClassroom *current = pl_context_get_classroom (self->context);
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; current != NULL && i < g_list_model_get_n_items (classes); i++)
    {
      g_autoptr(PlClassroom) c = g_list_model_get_item (classes, i);

      if (c == current)
        position = i;
    }
  self->syncing_dropdown = TRUE;
  gtk_drop_down_set_selected (self->class_dropdown, position);
  self->syncing_dropdown = FALSE;
}

static void
on_classroom_changed_cb (PlContext  *context,
                         GParamSpec *pspec,
                         PlWindow   *self)
{
  PlClassroom *current = pl_context_get_classroom (context);
  g_autofree char *title = NULL;

  sync_dropdown_to_context (self);
  if (current != NULL)
    {
      g_settings_set_string (pl_context_get_settings (context), "last-class",
                             pl_record_get_uuid (PL_RECORD (current)));
      title = g_strdup_printf (_("%s — PersonalLearn"),
                               pl_record_get_string (PL_RECORD (current), "name"));
    }
  gtk_window_set_title (GTK_WINDOW (self), title != NULL ? title : _("PersonalLearn"));
}

static void
on_classrooms_changed_cb (GListModel *model,
                          guint       position,
                          guint       removed,
                          guint       added,
                          PlWindow   *self)
{
  sync_dropdown_to_context (self);
  update_main_page (self);
}

static void
on_dropdown_selected_cb (GtkDropDown *dropdown,
                         GParamSpec  *pspec,
                         PlWindow    *self)
{
  PlClassroom *selected = gtk_drop_down_get_selected_item (dropdown);

  if (self->syncing_dropdown || selected == NULL)
    return;
  pl_context_set_classroom (self->context, selected);
}

static void
select_last_classroom (PlWindow *self)
{
  GListModel *classes = pl_context_get_classrooms (self->context);
  g_autofree char *last = g_settings_get_string (pl_context_get_settings (self->context), "last-class");

  for (guint i = 0; i < g_list_model_get_n_items (classes); i++)
    {
      g_autoptr(PlClassroom) c = g_list_model_get_item (classes, i);

      if (g_strcmp0 (pl_record_get_uuid (PL_RECORD (c)), last) == 0)
        pl_context_set_classroom (self->context, c);
    }
}

/* Every view follows the class, but loads it only once it has the
 * context. The view on show gets it at start and each other one when it
 * is first shown, so that the first frame waits for one view's data and
 * the hidden views' work (the Gradebook's and the Insights' threads among
 * them) does not compete with it. */
static void
attach_view (PlWindow  *self,
             GtkWidget *page)
{
  g_autoptr(PlContext) has = NULL;

  if (self->context == NULL || page == NULL)
    return;
  g_object_get (page, "context", &has, NULL);
  if (has == NULL)
    g_object_set (page, "context", self->context, NULL);
}

static void
on_visible_view_cb (AdwViewStack *stack,
                    GParamSpec   *pspec,
                    PlWindow     *self)
{
  attach_view (self, adw_view_stack_get_visible_child (stack));
}

static void
set_context (PlWindow  *self,
             PlContext *context)
{
  GtkWidget *pages[] = {
    self->learners_page, self->boards_page, self->checkins_page,
    self->gradebook_page, self->insights_page
  };
  g_autoptr(GtkExpression) name = NULL;

  g_return_if_fail (self->context == NULL);
  self->context = g_object_ref (context);

  name = gtk_property_expression_new (PL_TYPE_CLASSROOM, NULL, "name");
  gtk_drop_down_set_expression (self->class_dropdown, name);
  gtk_drop_down_set_model (self->class_dropdown, pl_context_get_classrooms (context));

  /* The class first: a view that gets the context first would load the
   * whole school before narrowing to the class. */
  select_last_classroom (self);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    g_object_bind_property (context, "classroom", pages[i], "classroom", G_BINDING_SYNC_CREATE);
  attach_view (self, adw_view_stack_get_visible_child (self->view_stack));
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (on_visible_view_cb), self, 0);

  g_signal_connect_object (context, "notify::classroom",
                           G_CALLBACK (on_classroom_changed_cb), self, 0);
  g_signal_connect_object (pl_context_get_classrooms (context), "items-changed",
                           G_CALLBACK (on_classrooms_changed_cb), self, 0);
  g_signal_connect_object (self->class_dropdown, "notify::selected",
                           G_CALLBACK (on_dropdown_selected_cb), self, 0);

  on_classroom_changed_cb (context, NULL, self);
  update_main_page (self);
}

/* ---- window state ----------------------------------------------------- */

static void
restore_window_state (PlWindow *self)
{
  GSettings *settings = pl_context_get_settings (self->context);
  int width = g_settings_get_int (settings, "window-width");
  int height = g_settings_get_int (settings, "window-height");

  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
pl_window_close_request (GtkWindow *window)
{
  PlWindow *self = PL_WINDOW (window);
  GSettings *settings;
  int width, height;

  if (self->work != NULL)
    g_cancellable_cancel (self->work);

  if (self->context != NULL)
    {
      settings = pl_context_get_settings (self->context);
      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (settings);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_apply (settings);
    }

  return GTK_WINDOW_CLASS (pl_window_parent_class)->close_request (window);
}

/* ---- actions ---------------------------------------------------------- */

/* Sync has a window of its own: it is used now and then, beside the views. */
static void
sync_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  PlSyncWindow *sync = pl_sync_window_new (self->context);

  gtk_window_set_transient_for (GTK_WINDOW (sync), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (sync));
}

/* The frameworks and standards of this database: from the main menu and
 * from the Boards view, whichever unit is shown. */
static void
standards_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  PlStandardsWindow *standards = pl_standards_window_new (GTK_WINDOW (self), pl_context_get_store (self->context));

  gtk_window_present (GTK_WINDOW (standards));
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  pl_window_set_view (PL_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Any view can send the teacher to a learner's profile; the Learners view
 * selects the learner through its "learners.show" action. */
static void
show_learner_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);

  pl_window_set_view (self, "learners");
  gtk_widget_activate_action (self->learners_page, "learners.show", "s",
                              g_variant_get_string (parameter, NULL));
}

/* The Learners view owns the roster import (preview dialog, worker
 * thread); the menu and the first-run page reach it through here. */
static void
import_roster_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);

  attach_view (self, self->learners_page);
  gtk_widget_activate_action (self->learners_page, "learners.import-roster", NULL);
}

static void
focus_class_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "main") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->class_dropdown));
}

/* The rows of the "New Class" dialog, in order; the first is the name. */
static const struct
{
  const char *column;
  const char *title;
} class_fields[] = {
  { "name", N_("_Name") },
  { "subject", N_("_Subject") },
  { "grade-level", N_("_Grade") },
  { "period", N_("_Period") },
};

static GtkWidget *
class_dialog_row (AdwMessageDialog *dialog,
                  guint             i)
{
  GtkWidget **rows = g_object_get_data (G_OBJECT (dialog), "rows");

  return rows[i];
}

static char *
class_dialog_value (AdwMessageDialog *dialog,
                    guint             i)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (class_dialog_row (dialog, i)))));
}

/* Ctrl+F from anywhere in the window (a view's own search, where it has
 * one, comes first): the Learners view's search field. */
static void
find_learner_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "main") != 0)
    return;
  pl_window_set_view (self, "learners");
  gtk_widget_activate_action (self->learners_page, "learners.focus-search", NULL);
}

static void
on_create_class_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             PlWindow         *self)
{
  g_autoptr(PlClassroom) classroom = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (g_strcmp0 (response, "create") != 0)
    return;
  /* One class per dialog, however many times Enter is pressed. */
  if (g_object_get_data (G_OBJECT (dialog), "created") != NULL)
    return;

  name = class_dialog_value (dialog, 0);
  if (name[0] == '\0')
    return;

  classroom = pl_classroom_new ();
  for (guint i = 0; i < G_N_ELEMENTS (class_fields); i++)
    {
      g_autofree char *value = class_dialog_value (dialog, i);

      pl_record_set_string (PL_RECORD (classroom), class_fields[i].column,
                            value[0] != '\0' ? value : NULL);
    }
  if (!pl_store_save (pl_context_get_store (self->context), PL_RECORD (classroom), &error))
    {
      AdwToast *toast = adw_toast_new_format (_("Could not create the class: %s"), error->message);
      pl_window_add_toast (self, toast);
      return;
    }
  g_object_set_data (G_OBJECT (dialog), "created", GINT_TO_POINTER (TRUE));
  /* The store's "changed" signal has reloaded the list; pick the new one. */
  {
    GListModel *classes = pl_context_get_classrooms (self->context);

    for (guint i = 0; i < g_list_model_get_n_items (classes); i++)
      {
        g_autoptr(PlClassroom) c = g_list_model_get_item (classes, i);

        if (g_strcmp0 (pl_record_get_uuid (PL_RECORD (c)), pl_record_get_uuid (PL_RECORD (classroom))) == 0)
          pl_context_set_classroom (self->context, c);
      }
  }
}

static void
on_class_name_changed_cb (GtkEditable      *entry,
                          AdwMessageDialog *dialog)
{
  g_autofree char *name = class_dialog_value (dialog, 0);

  adw_message_dialog_set_response_enabled (dialog, "create", name[0] != '\0');
}

/* Enter in any row creates the class, as the default button would; the
 * dialog then closes (a response alone does not close it). */
static void
on_class_row_activated_cb (AdwEntryRow      *row,
                           AdwMessageDialog *dialog)
{
  if (!adw_message_dialog_get_response_enabled (dialog, "create"))
    {
      gtk_widget_grab_focus (class_dialog_row (dialog, 0));
      return;
    }
  adw_message_dialog_response (dialog, "create");
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
create_class_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget **rows;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("New Class"),
                                   _("Name the class as your learners know it, for example “Grade 7 Science”. "
                                     "Subject, grade and period are optional."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "create", _("C_reate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create", FALSE);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  rows = g_new0 (GtkWidget *, G_N_ELEMENTS (class_fields));
  for (guint i = 0; i < G_N_ELEMENTS (class_fields); i++)
    {
      rows[i] = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows[i]), _(class_fields[i].title));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (rows[i]), TRUE);
      g_signal_connect (rows[i], "entry-activated", G_CALLBACK (on_class_row_activated_cb), dialog);
      gtk_list_box_append (GTK_LIST_BOX (list), rows[i]);
    }
  g_object_set_data_full (G_OBJECT (dialog), "rows", rows, g_free);
  g_signal_connect (rows[0], "changed", G_CALLBACK (on_class_name_changed_cb), dialog);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_create_class_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (rows[0]);
}

/* ---- demo classroom (in a worker thread with its own connection) ------ */

typedef struct
{
  PlWindow *window;
  double    fraction;
} ProgressUpdate;

static gboolean
apply_progress_cb (gpointer data)
{
  ProgressUpdate *update = data;

  gtk_progress_bar_set_fraction (update->window->busy_progress, update->fraction);
  return G_SOURCE_REMOVE;
}

static void
free_progress_update (gpointer data)
{
  ProgressUpdate *update = data;

  g_object_unref (update->window);
  g_free (update);
}

static void
demo_progress_cb (double   fraction,
                  gpointer user_data)
{
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);

  update->window = g_object_ref (user_data);
  update->fraction = fraction;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, apply_progress_cb, update,
                              free_progress_update);
}

typedef struct
{
  char  *path;
  guint  checkin_weekday;
} DemoJob;

static void
demo_job_free (gpointer data)
{
  DemoJob *job = data;

  g_free (job->path);
  g_free (job);
}

static void
demo_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PlWindow *self = source_object;
  DemoJob *job = task_data;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PlDemoOptions options;

  store = pl_store_open (job->path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  pl_demo_options_init (&options);
  options.progress = demo_progress_cb;
  options.progress_data = self;
  options.add = TRUE;
  /* The demo's check-ins fall on the teacher's check-in day. */
  options.checkin_weekday = job->checkin_weekday;
  if (!pl_demo_generate (store, &options, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
demo_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PlWindow *self = PL_WINDOW (object);
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->work);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        pl_window_add_toast (self, adw_toast_new_format (_("Could not create the demo classroom: %s"),
                                                         error->message));
    }
  else
    pl_window_add_toast (self, adw_toast_new (_("Demo classroom ready")));

  pl_store_reload (pl_context_get_store (self->context));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-demo", !self->locked);
  update_main_page (self);
}

static void
load_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  g_autoptr(GTask) task = NULL;
  DemoJob *job;

  if (self->work != NULL)
    return;
  self->work = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->busy_progress, 0.0);
  adw_status_page_set_title (self->busy_page, _("Preparing the Demo Classroom"));
  gtk_widget_action_set_enabled (widget, "win.load-demo", FALSE);
  update_main_page (self);

  task = g_task_new (self, self->work, demo_done_cb, NULL);
  g_task_set_source_tag (task, load_demo_action);
  job = g_new0 (DemoJob, 1);
  job->path = g_strdup (pl_store_get_path (pl_context_get_store (self->context)));
  job->checkin_weekday = pl_context_get_checkin_weekday (self->context);
  g_task_set_task_data (task, job, demo_job_free);
  g_task_run_in_thread (task, demo_thread);
}

static void
cancel_work_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);

  if (self->work != NULL)
    g_cancellable_cancel (self->work);
}

/* ---- GObject ------------------------------------------------------------ */

static void
pl_window_dispose (GObject *object)
{
  PlWindow *self = PL_WINDOW (object);

  if (self->work != NULL)
    g_cancellable_cancel (self->work);
  /* Detach the switchers while the stack's pages are still alive; torn down
   * in template order they would reach for pages already gone. */
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  if (self->switcher_title != NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);
  /* The toast overlay is both the window's content and a template child:
   * let the window drop it first, or both would unparent it. */
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_WINDOW);
  g_clear_object (&self->work);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pl_window_parent_class)->dispose (object);
}

static void
pl_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PlWindow *self = PL_WINDOW (object);

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
pl_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PlWindow *self = PL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_window_constructed (GObject *object)
{
  PlWindow *self = PL_WINDOW (object);

  G_OBJECT_CLASS (pl_window_parent_class)->constructed (object);
  restore_window_state (self);
}

static void
pl_window_class_init (PlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pl_window_dispose;
  object_class->constructed = pl_window_constructed;
  object_class->get_property = pl_window_get_property;
  object_class->set_property = pl_window_set_property;
  window_class->close_request = pl_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PL_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PL_TYPE_LEARNERS_PAGE);
  g_type_ensure (PL_TYPE_BOARDS_PAGE);
  g_type_ensure (PL_TYPE_CHECKINS_PAGE);
  g_type_ensure (PL_TYPE_GRADEBOOK_PAGE);
  g_type_ensure (PL_TYPE_INSIGHTS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/PersonalLearn/pl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, class_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, busy_progress);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, busy_page);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, learners_page);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, boards_page);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, checkins_page);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, gradebook_page);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, insights_page);

  gtk_widget_class_install_action (widget_class, "win.view", "s", view_action);
  gtk_widget_class_install_action (widget_class, "win.focus-class", NULL, focus_class_action);
  gtk_widget_class_install_action (widget_class, "win.find-learner", NULL, find_learner_action);
  gtk_widget_class_install_action (widget_class, "win.show-learner", "s", show_learner_action);
  gtk_widget_class_install_action (widget_class, "win.create-class", NULL, create_class_action);
  gtk_widget_class_install_action (widget_class, "win.load-demo", NULL, load_demo_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-work", NULL, cancel_work_action);
  gtk_widget_class_install_action (widget_class, "win.sync", NULL, sync_action);
  gtk_widget_class_install_action (widget_class, "win.standards", NULL, standards_action);
  /* Wired by the roster import: see the Learners view. */
  gtk_widget_class_install_action (widget_class, "win.import-roster", NULL, import_roster_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "win.focus-class", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find-learner", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.create-class", NULL);
}

/* Menu buttons and drop-downs get their tooltip as the name a screen
 * reader says, on the button inside them too. */
static void
name_buttons (GtkWidget *root)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if ((GTK_IS_MENU_BUTTON (c) || GTK_IS_DROP_DOWN (c)) && gtk_widget_get_tooltip_text (c) != NULL)
        pl_accessible_name_button (c, gtk_widget_get_tooltip_text (c));
      else
        name_buttons (c);
    }
}

static void
pl_window_init (PlWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  name_buttons (GTK_WIDGET (self));
  pl_accessible_name_button (GTK_WIDGET (self->class_dropdown), _("Class"));
}

PlWindow *
pl_window_new (GtkApplication *application,
               PlContext      *context)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (PL_IS_CONTEXT (context), NULL);

  return g_object_new (PL_TYPE_WINDOW, "application", application, "context", context, NULL);
}

PlContext *
pl_window_get_context (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);
  return self->context;
}

void
pl_window_set_view (PlWindow   *self,
                    const char *name)
{
  g_return_if_fail (PL_IS_WINDOW (self));
  g_return_if_fail (g_strv_contains (view_names, name));

  /* Loaded before it shows, so that the focus can land in its content. */
  attach_view (self, adw_view_stack_get_child_by_name (self->view_stack, name));
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

const char *
pl_window_get_view (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
pl_window_set_locked (PlWindow *self,
                      gboolean  locked)
{
  GtkWidgetClass *klass;
  const GVariantType *parameter_type;
  const char *name, *property;
  GType owner;

  g_return_if_fail (PL_IS_WINDOW (self));

  self->locked = locked;
  klass = GTK_WIDGET_GET_CLASS (self);
  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &name, &parameter_type, &property); i++)
    if (owner == PL_TYPE_WINDOW)
      gtk_widget_action_set_enabled (GTK_WIDGET (self), name, !locked);
  /* The demo stays off while its work runs. */
  if (!locked && self->work != NULL)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-demo", FALSE);
}

gboolean
pl_window_get_locked (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), FALSE);
  return self->locked;
}

void
pl_window_add_toast (PlWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (PL_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
