/* pl-checkins-page-actions.c — the Check-ins view's teacher PIN, learner
 * mode and PDF export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "core/pl-teacher-pin.h"
#include "pl-checkins-page-private.h"
#include "pl-checkins-print.h"
#include "pl-learner-mode-window.h"

typedef void (*PinDone) (PlCheckinsPage *self);

static void
on_set_pin_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        PlCheckinsPage   *self)
{
  GtkEditable *first = g_object_get_data (G_OBJECT (dialog), "first");
  GtkEditable *second = g_object_get_data (G_OBJECT (dialog), "second");
  PinDone then = g_object_get_data (G_OBJECT (dialog), "then");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "set") != 0)
    return;
  if (g_strcmp0 (gtk_editable_get_text (first), gtk_editable_get_text (second)) != 0)
    {
      _pl_checkins_page_toast (self, adw_toast_new (_("The two PINs differ; the PIN was not changed")));
      return;
    }
  if (!pl_store_set_teacher_pin (_pl_checkins_page_store (self), gtk_editable_get_text (first), &error))
    {
      _pl_checkins_page_toast (self, adw_toast_new_format (_("Not saved: %s"), error->message));
      return;
    }
  _pl_checkins_page_toast (self, adw_toast_new (_("Teacher PIN set")));
  if (then != NULL)
    then (self);
}

static void
ask_new_pin (PlCheckinsPage *self,
             PinDone         then)
{
  GtkWidget *dialog, *box, *first, *second;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Set the Teacher PIN"),
                                   _("Learner mode needs your PIN to end, so a learner cannot reach anyone else’s data. Use at least four characters."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "set", _("_Set PIN"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "set", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "set");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  first = gtk_entry_new ();
  second = gtk_entry_new ();
  gtk_entry_set_visibility (GTK_ENTRY (first), FALSE);
  gtk_entry_set_visibility (GTK_ENTRY (second), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (first), GTK_INPUT_PURPOSE_PIN);
  gtk_entry_set_input_purpose (GTK_ENTRY (second), GTK_INPUT_PURPOSE_PIN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (first), GTK_ACCESSIBLE_PROPERTY_LABEL, _("New PIN"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (second), GTK_ACCESSIBLE_PROPERTY_LABEL, _("The PIN again"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (second), TRUE);
  gtk_box_append (GTK_BOX (box), first);
  gtk_box_append (GTK_BOX (box), second);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data (G_OBJECT (dialog), "first", first);
  g_object_set_data (G_OBJECT (dialog), "second", second);
  g_object_set_data (G_OBJECT (dialog), "then", then);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_set_pin_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (first);
}

void
_pl_checkins_page_set_pin_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  ask_new_pin (PL_CHECKINS_PAGE (widget), NULL);
}

static void
enter_learner_mode (PlCheckinsPage *self)
{
  GtkWindow *main_window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  PlLearnerModeWindow *mode;

  if (self->learner == NULL)
    return;
  mode = pl_learner_mode_window_new (gtk_window_get_application (main_window), main_window,
                                     _pl_checkins_page_store (self), self->learner,
                                     g_hash_table_lookup (self->names, self->learner),
                                     _pl_checkins_page_weekday (self));
  gtk_window_present (GTK_WINDOW (mode));
}

void
_pl_checkins_page_learner_mode_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  PlCheckinsPage *self = PL_CHECKINS_PAGE (widget);

  if (!pl_store_has_teacher_pin (_pl_checkins_page_store (self)))
    ask_new_pin (self, enter_learner_mode);
  else
    enter_learner_mode (self);
}

static void
on_pdf_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  PlCheckinsPage  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (!pl_checkins_print_pdf (_pl_checkins_page_store (self), self->learner,
                                  g_hash_table_lookup (self->names, self->learner), file, &error))
        _pl_checkins_page_toast (self, adw_toast_new_format (_("Could not save the PDF: %s"), error->message));
      else
        _pl_checkins_page_toast (self, adw_toast_new (_("PDF saved")));
    }
  g_clear_object (&self->chooser);
}

void
_pl_checkins_page_export_pdf_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  PlCheckinsPage *self = PL_CHECKINS_PAGE (widget);
  g_autofree char *suggested = NULL;

  if (self->learner == NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Save Goals and Check-ins as PDF"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  suggested = g_strdup_printf (_("%s — goals and check-ins.pdf"),
                               (char *) g_hash_table_lookup (self->names, self->learner));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggested);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_pdf_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

