/* pl-learner-mode-window.c — the laptop handed to one learner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "core/pl-store-goals.h"
#include "core/pl-teacher-pin.h"
#include "pl-learner-mode-lock.h"
#include "pl-learner-mode-window.h"

struct _PlLearnerModeWindow
{
  AdwWindow        parent_instance;

  PlStore         *store;
  GtkWindow       *main_window;
  char            *learner;
  guint            weekday;
  PlLearnerModeLock *lock;            /* everything else hidden and off */
  gboolean         unlocked;
  guint            misses;            /* wrong PINs in a row */
  gint64           wait_until;        /* monotonic time before which no PIN is tried */
  guint            wait_seconds;
  char            *progress_uuid;     /* pending milestone reflection */
  GtkWindow       *pin_dialog;        /* at most one at a time */

  AdwToastOverlay *toasts;
  GtkToggleButton *progress[4];
  GtkEditable     *worked;
  GtkEditable     *hard;
  GtkEditable     *next;
  GtkEditable     *reflection;
};

G_DEFINE_FINAL_TYPE (PlLearnerModeWindow, pl_learner_mode_window, ADW_TYPE_WINDOW)

/* A learner guessing the PIN gets five tries, then waits. */
#define PIN_TRIES 5
#define PIN_WAIT_SECONDS 30

guint
pl_learner_mode_window_get_wait (PlLearnerModeWindow *self)
{
  gint64 now = g_get_monotonic_time ();

  g_return_val_if_fail (PL_IS_LEARNER_MODE_WINDOW (self), 0);
  if (now >= self->wait_until)
    return 0;
  return (guint) ((self->wait_until - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}

/* TRUE when PIN is the teacher's and no wait is running; counts misses. */
static gboolean
try_pin (PlLearnerModeWindow *self,
         const char          *pin)
{
  if (pl_learner_mode_window_get_wait (self) > 0)
    return FALSE;
  if (!pl_store_check_teacher_pin (self->store, pin))
    {
      if (++self->misses >= PIN_TRIES)
        {
          self->misses = 0;
          self->wait_until = g_get_monotonic_time () + (gint64) self->wait_seconds * G_USEC_PER_SEC;
        }
      return FALSE;
    }
  self->misses = 0;
  self->unlocked = TRUE;
  return TRUE;
}

static void
finish (PlLearnerModeWindow *self)
{
  if (self->pin_dialog != NULL)
    gtk_window_destroy (self->pin_dialog);
  if (self->lock != NULL)
    pl_learner_mode_lock_release (self->lock);
  if (self->main_window != NULL)
    gtk_window_present (self->main_window);
  gtk_window_destroy (GTK_WINDOW (self));
}

gboolean
pl_learner_mode_window_leave (PlLearnerModeWindow *self,
                              const char          *pin)
{
  g_return_val_if_fail (PL_IS_LEARNER_MODE_WINDOW (self), FALSE);

  if (!try_pin (self, pin))
    return FALSE;
  finish (self);
  return TRUE;
}

static gboolean
finish_idle_cb (gpointer data)
{
  finish (data);
  return G_SOURCE_REMOVE;
}

static void
say_why_not (PlLearnerModeWindow *self)
{
  guint wait = pl_learner_mode_window_get_wait (self);

  if (wait > 0)
    adw_toast_overlay_add_toast (self->toasts,
                                 adw_toast_new_format (g_dngettext (GETTEXT_PACKAGE,
                                                                    "Too many wrong PINs: wait %u second, then try again",
                                                                    "Too many wrong PINs: wait %u seconds, then try again",
                                                                    wait), wait));
  else
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("That is not the teacher’s PIN")));
}

static void
on_pin_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    PlLearnerModeWindow *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");

  if (g_strcmp0 (response, "unlock") != 0)
    return;
  if (!try_pin (self, gtk_editable_get_text (entry)))
    {
      say_why_not (self);
      return;
    }
  /* The dialog is still answering: end learner mode once it has closed. */
  g_idle_add_full (G_PRIORITY_DEFAULT, finish_idle_cb, g_object_ref (self), g_object_unref);
}

static void
on_pin_dialog_destroyed_cb (GtkWidget           *dialog,
                            PlLearnerModeWindow *self)
{
  if (self->pin_dialog == GTK_WINDOW (dialog))
    g_clear_weak_pointer (&self->pin_dialog);
}

static void
ask_pin (PlLearnerModeWindow *self)
{
  GtkWidget *dialog, *entry;

  if (self->pin_dialog != NULL)
    {
      gtk_window_present (self->pin_dialog);
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Hand Back to the Teacher"),
                                   _("The teacher’s PIN ends learner mode."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "unlock", _("_Unlock"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "unlock", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "unlock");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* A hidden-text entry: GTK 4.8's password entry warns when its dialog is
   * destroyed unanswered, as happens when learner mode ends. */
  entry = gtk_entry_new ();
  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PIN);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Teacher PIN"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_pin_response_cb), self, 0);
  /* Forgotten when it closes, even while something still holds it. */
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_pin_dialog_destroyed_cb), self, 0);
  g_set_weak_pointer (&self->pin_dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static gboolean
pl_learner_mode_window_close_request (GtkWindow *window)
{
  PlLearnerModeWindow *self = PL_LEARNER_MODE_WINDOW (window);

  if (self->unlocked)
    return GTK_WINDOW_CLASS (pl_learner_mode_window_parent_class)->close_request (window);
  ask_pin (self);
  return TRUE;
}

static void
leave_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  ask_pin (PL_LEARNER_MODE_WINDOW (widget));
}

static void
save_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  PlLearnerModeWindow *self = PL_LEARNER_MODE_WINDOW (widget);
  g_autoptr(PlCheckin) c = pl_checkin_new ();
  g_autoptr(GError) error = NULL;
  int progress = 0;

  for (guint i = 0; i < 4; i++)
    if (gtk_toggle_button_get_active (self->progress[i]))
      progress = (int) i + 1;
  pl_record_set_string (PL_RECORD (c), "learner-uuid", self->learner);
  pl_record_set_int (PL_RECORD (c), "progress", progress);
  pl_record_set_string (PL_RECORD (c), "worked", gtk_editable_get_text (self->worked));
  pl_record_set_string (PL_RECORD (c), "hard", gtk_editable_get_text (self->hard));
  pl_record_set_string (PL_RECORD (c), "next-step", gtk_editable_get_text (self->next));
  pl_record_set_boolean (PL_RECORD (c), "by-learner", TRUE);
  if (self->reflection != NULL && gtk_editable_get_text (self->reflection)[0] != '\0')
    pl_record_set_string (PL_RECORD (c), "reflection", gtk_editable_get_text (self->reflection));

  if (!pl_store_save_checkin (self->store, c, self->weekday, &error) ||
      (self->progress_uuid != NULL && self->reflection != NULL &&
       gtk_editable_get_text (self->reflection)[0] != '\0' &&
       !pl_store_save_reflection (self->store, self->progress_uuid, gtk_editable_get_text (self->reflection), &error)))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new_format (_("Not saved: %s"), error->message));
      return;
    }
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Saved. Hand the computer back to your teacher.")));
}

static void
progress_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  PlLearnerModeWindow *self = PL_LEARNER_MODE_WINDOW (widget);
  int value = g_variant_get_int32 (parameter);

  if (value >= 1 && value <= 4)
    gtk_toggle_button_set_active (self->progress[value - 1], TRUE);
}

static void
pl_learner_mode_window_dispose (GObject *object)
{
  PlLearnerModeWindow *self = PL_LEARNER_MODE_WINDOW (object);

  if (self->lock != NULL)
    pl_learner_mode_lock_release (self->lock);
  g_clear_object (&self->lock);
  g_clear_object (&self->store);
  g_clear_weak_pointer (&self->main_window);
  g_clear_weak_pointer (&self->pin_dialog);

  G_OBJECT_CLASS (pl_learner_mode_window_parent_class)->dispose (object);
}

static void
pl_learner_mode_window_finalize (GObject *object)
{
  PlLearnerModeWindow *self = PL_LEARNER_MODE_WINDOW (object);

  g_free (self->learner);
  g_free (self->progress_uuid);

  G_OBJECT_CLASS (pl_learner_mode_window_parent_class)->finalize (object);
}

static void
pl_learner_mode_window_class_init (PlLearnerModeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pl_learner_mode_window_dispose;
  object_class->finalize = pl_learner_mode_window_finalize;
  window_class->close_request = pl_learner_mode_window_close_request;

  gtk_widget_class_install_action (widget_class, "learner.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "learner.leave", NULL, leave_action);
  gtk_widget_class_install_action (widget_class, "learner.progress", "i", progress_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "learner.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "learner.save", NULL);
  for (int i = 1; i <= 4; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, GDK_CONTROL_MASK,
                                         "learner.progress", "i", i);
}

/* GTK's inspector (Ctrl+Shift+I or D, where the desktop enables it) would
 * show every widget of every window, hidden or not. */
static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   gpointer               user_data)
{
  if ((state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) == (GDK_CONTROL_MASK | GDK_SHIFT_MASK) &&
      (gdk_keyval_to_lower (keyval) == GDK_KEY_i || gdk_keyval_to_lower (keyval) == GDK_KEY_d))
    return GDK_EVENT_STOP;
  return GDK_EVENT_PROPAGATE;
}

static void
pl_learner_mode_window_init (PlLearnerModeWindow *self)
{
  self->wait_seconds = PIN_WAIT_SECONDS;
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

static GtkWidget *
entry_row (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  return row;
}

static void
build (PlLearnerModeWindow *self,
       const char          *name)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *done = gtk_button_new_with_mnemonic (_("_Hand Back"));
  GtkWidget *scroll = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *hello = gtk_label_new (NULL);
  GtkWidget *goals = adw_preferences_group_new ();
  GtkWidget *form = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *progress_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *progress_label = gtk_label_new (_("How far along is your goal?"));
  GtkWidget *progress_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save My Check-in"));
  g_autoptr(GListModel) goal_list = pl_store_list_goals (self->store, self->learner, NULL);
  g_autofree char *greeting = g_strdup_printf (_("Hi %s — your weekly check-in"), name);
  g_autofree char *prompt = NULL;
  guint active = 0;

  gtk_window_set_title (GTK_WINDOW (self), _("Learner Mode"));
  gtk_widget_add_css_class (done, "destructive-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (done), "learner.leave");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), done);
  gtk_box_append (GTK_BOX (toolbar), header);

  gtk_label_set_label (GTK_LABEL (hello), greeting);
  gtk_label_set_wrap (GTK_LABEL (hello), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hello), 0);
  gtk_widget_add_css_class (hello, "title-1");
  gtk_box_append (GTK_BOX (box), hello);

  /* Only this learner's active goals, read only. */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (goals), _("Your Goals"));
  for (guint i = 0; goal_list != NULL && i < g_list_model_get_n_items (goal_list); i++)
    {
      g_autoptr(PlRecord) g = g_list_model_get_item (goal_list, i);
      GtkWidget *row;

      if (g_strcmp0 (pl_record_get_string (g, "status"), "active") != 0)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pl_record_get_string (g, "body"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (goals), row);
      active++;
    }
  if (active == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (goals),
                                           _("No goal yet: set one with your teacher."));
  gtk_box_append (GTK_BOX (box), goals);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (form), _("This Week"));
  gtk_label_set_xalign (GTK_LABEL (progress_label), 0);
  gtk_widget_set_hexpand (progress_label, TRUE);
  gtk_widget_add_css_class (progress_box, "linked");
  gtk_accessible_update_property (GTK_ACCESSIBLE (progress_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("How far along is your goal, 1 to 4"), -1);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *label = g_strdup_printf ("%u", i + 1);

      self->progress[i] = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (label));
      if (i > 0)
        gtk_toggle_button_set_group (self->progress[i], self->progress[0]);
      gtk_box_append (GTK_BOX (progress_box), GTK_WIDGET (self->progress[i]));
    }
  gtk_widget_set_margin_bottom (progress_row, 12);
  gtk_box_append (GTK_BOX (progress_row), progress_label);
  gtk_box_append (GTK_BOX (progress_row), progress_box);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form), progress_row);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->worked = GTK_EDITABLE (entry_row (_("What _worked for me")));
  self->hard = GTK_EDITABLE (entry_row (_("What was _hard")));
  self->next = GTK_EDITABLE (entry_row (_("What I will _try next")));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->worked));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->hard));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->next));

  prompt = pl_store_pending_reflection (self->store, self->learner, &self->progress_uuid, NULL);
  if (prompt != NULL)
    {
      GtkWidget *row = entry_row (_("_Reflection"));
      GtkWidget *label = gtk_label_new (prompt);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_list_box_append (GTK_LIST_BOX (list), label);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      self->reflection = GTK_EDITABLE (row);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form), list);
  gtk_box_append (GTK_BOX (box), form);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "learner.save");
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_add_css_class (save, "pill");
  gtk_widget_set_halign (save, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), save);

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), clamp);
  gtk_widget_set_vexpand (scroll, TRUE);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, scroll);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), toolbar);
}

PlLearnerModeWindow *
pl_learner_mode_window_new (GtkApplication *application,
                            GtkWindow      *main_window,
                            PlStore        *store,
                            const char     *learner_uuid,
                            const char     *learner_name,
                            guint           checkin_weekday)
{
  PlLearnerModeWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (learner_uuid != NULL, NULL);

  self = g_object_new (PL_TYPE_LEARNER_MODE_WINDOW, "application", application,
                       "default-width", 900, "default-height", 700, NULL);
  self->store = g_object_ref (store);
  self->learner = g_strdup (learner_uuid);
  self->weekday = checkin_weekday;
  g_set_weak_pointer (&self->main_window, main_window);
  build (self, learner_name != NULL ? learner_name : "");

  self->lock = pl_learner_mode_lock_new (application, GTK_WINDOW (self));
  gtk_window_maximize (GTK_WINDOW (self));
  return self;
}

const char *
pl_learner_mode_window_get_learner (PlLearnerModeWindow *self)
{
  g_return_val_if_fail (PL_IS_LEARNER_MODE_WINDOW (self), NULL);
  return self->learner;
}
