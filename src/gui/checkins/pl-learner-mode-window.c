/* pl-learner-mode-window.c — the laptop handed to one learner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "core/pl-store-goals.h"
#include "core/pl-teacher-pin.h"
#include "pl-learner-mode-lock.h"
#include "pl-learner-mode-window-private.h"

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
          self->wait_until = g_get_monotonic_time () + (gint64) PIN_WAIT_SECONDS * G_USEC_PER_SEC;
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

static char *
wait_text (guint wait)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Too many wrong PINs: wait %u second, then try again",
                                       "Too many wrong PINs: wait %u seconds, then try again",
                                       wait), wait);
}

/* Said at once, over the "Saved" of a moment before. */
static void
say_why_not (PlLearnerModeWindow *self)
{
  guint wait = pl_learner_mode_window_get_wait (self);
  g_autofree char *text = wait > 0 ? wait_text (wait) : g_strdup (_("That is not the teacher’s PIN"));
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toasts, toast);
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
  if (pl_learner_mode_window_get_wait (self) > 0)
    {
      g_autofree char *wait = wait_text (pl_learner_mode_window_get_wait (self));

      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), wait);
    }
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
  _pl_learner_mode_window_save (PL_LEARNER_MODE_WINDOW (widget));
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
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
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
  _pl_learner_mode_window_build (self, learner_name != NULL ? learner_name : "");

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
