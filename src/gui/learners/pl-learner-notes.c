/* pl-learner-notes.c — a learner's conversation notes: a dated timeline
 * that is only ever added to
 *
 * An edit adds a new note that supersedes the old one and keeps the date
 * of the conversation; the earlier texts stay visible under the newest,
 * dimmed, so the history of a conversation is kept with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "pl-accessible.h"

#include "core/pl-hlc.h"
#include "core/pl-store-learners.h"
#include "pl-learner-detail.h"
#include "pl-learner-notes.h"

static const char * const note_kinds[] = { "conference", "check-in", "observation", "family", NULL };

struct _PlLearnerNotes
{
  AdwBin       parent_instance;

  PlStore     *store;
  PlProfile   *profile;
  GtkDropDown *note_kind;
  GtkTextView *note_view;
  GtkButton   *add_note_button;
  GtkButton   *cancel_edit_button;
  GtkWidget   *notes_list;
  char        *editing_note;   /* uuid of the note a new version replaces */
  char        *editing_date;   /* the date of that conversation */
  char        *shown;          /* the notes shown: their uuids, in order */
};

G_DEFINE_FINAL_TYPE (PlLearnerNotes, pl_learner_notes, ADW_TYPE_BIN)

enum {
  SIGNAL_ADDED,
  SIGNAL_MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload_notes (PlLearnerNotes *self);

static const char *
kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "conference") == 0)
    return _("Conference");
  if (g_strcmp0 (kind, "check-in") == 0)
    return _("Check-in");
  if (g_strcmp0 (kind, "family") == 0)
    return _("Family");
  return _("Observation");
}

static void
end_note_edit (PlLearnerNotes *self)
{
  g_clear_pointer (&self->editing_note, g_free);
  g_clear_pointer (&self->editing_date, g_free);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
  gtk_button_set_label (self->add_note_button, _("Add _Note"));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_edit_button), FALSE);
}

static void
on_edit_note_clicked_cb (GtkButton       *button,
                         PlLearnerNotes *self)
{
  PlNote *note = g_object_get_data (G_OBJECT (button), "pl-note");
  const char *kind = pl_record_get_string (PL_RECORD (note), "kind");

  g_free (self->editing_note);
  self->editing_note = g_strdup (pl_record_get_uuid (PL_RECORD (note)));
  g_free (self->editing_date);
  self->editing_date = g_strdup (pl_record_get_string (PL_RECORD (note), "noted_at"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view),
                            pl_record_get_string (PL_RECORD (note), "body"), -1);
  for (guint i = 0; note_kinds[i] != NULL; i++)
    if (g_strcmp0 (note_kinds[i], kind) == 0)
      gtk_drop_down_set_selected (self->note_kind, i);
  gtk_button_set_label (self->add_note_button, _("Save _New Version"));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_edit_button), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

static void
on_cancel_edit_clicked_cb (GtkButton       *button,
                           PlLearnerNotes *self)
{
  end_note_edit (self);
}

static void
on_add_note_clicked_cb (GtkButton       *button,
                        PlLearnerNotes *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  g_autofree char *body = NULL;
  g_autoptr(PlNote) note = NULL;
  g_autoptr(GError) error = NULL;
  guint kind = gtk_drop_down_get_selected (self->note_kind);

  if (self->profile == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*body == '\0')
    return;
  note = pl_store_add_note (self->store, pl_profile_get_uuid (self->profile),
                            note_kinds[MIN (kind, G_N_ELEMENTS (note_kinds) - 2)], body, self->editing_date,
                            self->editing_note, &error);
  if (note == NULL)
    {
      g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, error->message);
      return;
    }
  /* A new version is the same note. */
  if (self->editing_note == NULL)
    pl_profile_set_n_notes (self->profile, pl_profile_get_n_notes (self->profile) + 1);
  pl_profile_note_update (self->profile, g_get_real_time () / 1000);
  end_note_edit (self);
  reload_notes (self);
  g_signal_emit (self, signals[SIGNAL_ADDED], 0);
}

static char *
format_moment (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();

  if (iso == NULL)
    return g_strdup ("");
  dt = g_date_time_new_from_iso8601 (iso, local);
  if (dt == NULL)
    return g_strdup (iso);
  /* Translators: the date of a conversation note, see strftime */
  return g_date_time_format (dt, _("%e %B %Y, %H:%M"));
}

/* When a version was written: its clock's wall time. */
static char *
format_written (PlRecord *version)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (pl_hlc_physical_ms (pl_record_get_updated_hlc (version)) / 1000);

  /* Translators: when an earlier version of a note was written, see strftime */
  return dt != NULL ? g_date_time_format (dt, _("%e %B %Y, %H:%M")) : g_strdup ("");
}

static GtkWidget *
earlier_version (PlRecord *version)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *written = format_written (version);
  g_autofree char *heading = NULL;
  GtkWidget *label, *body;

  /* Translators: above the text of an earlier version of a note */
  heading = g_strdup_printf (_("Earlier version, written %s"), written);
  label = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  body = gtk_label_new (pl_record_get_string (version, "body"));
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), body);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_add_css_class (box, "dim-label");
  return box;
}

static char *
signature (GPtrArray *threads)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; threads != NULL && i < threads->len; i++)
    {
      GPtrArray *thread = threads->pdata[i];

      for (guint v = 0; v < thread->len; v++)
        g_string_append_printf (s, "%s%c", pl_record_get_uuid (thread->pdata[v]), v + 1 < thread->len ? ',' : ';');
    }
  return g_string_free (s, FALSE);
}

static void
reload_notes (PlLearnerNotes *self)
{
  g_autoptr(GPtrArray) threads = NULL;
  g_autofree char *now = NULL;
  GtkWidget *child;

  if (self->profile != NULL && self->store != NULL)
    threads = pl_store_list_note_threads (self->store, pl_profile_get_uuid (self->profile), NULL);
  /* The same notes stay the same rows: the keyboard focus on one of their
   * buttons is not lost whenever anything in the profile is saved. */
  now = signature (threads);
  if (g_strcmp0 (now, self->shown) == 0 && gtk_widget_get_first_child (self->notes_list) != NULL)
    return;
  g_free (self->shown);
  self->shown = g_steal_pointer (&now);
  while ((child = gtk_widget_get_first_child (self->notes_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->notes_list), child);
  for (guint i = 0; threads != NULL && i < threads->len; i++)
    {
      GPtrArray *thread = threads->pdata[i];
      PlRecord *r = thread->pdata[0];
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      g_autofree char *when = format_moment (pl_record_get_string (r, "noted_at"));
      g_autofree char *heading = NULL;
      g_autofree char *a11y = NULL;
      GtkWidget *heading_label, *body, *edit;

      if (thread->len > 1)
        {
          g_autofree char *written = format_written (r);

          /* Translators: DATE · KIND · edited WHEN */
          heading = g_strdup_printf (_("%s · %s · edited %s"), when, kind_label (pl_record_get_string (r, "kind")),
                                     written);
        }
      else
        heading = g_strdup_printf ("%s · %s", when, kind_label (pl_record_get_string (r, "kind")));
      heading_label = gtk_label_new (heading);
      gtk_label_set_xalign (GTK_LABEL (heading_label), 0);
      gtk_widget_set_hexpand (heading_label, TRUE);
      gtk_widget_add_css_class (heading_label, "caption-heading");
      gtk_box_append (GTK_BOX (head), heading_label);

      edit = gtk_button_new_with_label (_("Edit"));
      a11y = g_strdup_printf (_("Edit the note of %s"), when);
      gtk_widget_add_css_class (edit, "flat");
      gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
      g_object_set_data_full (G_OBJECT (edit), "pl-note", g_object_ref (r), g_object_unref);
      g_signal_connect (edit, "clicked", G_CALLBACK (on_edit_note_clicked_cb), self);
      gtk_box_append (GTK_BOX (head), edit);

      body = gtk_label_new (pl_record_get_string (r, "body"));
      gtk_label_set_xalign (GTK_LABEL (body), 0);
      gtk_label_set_wrap (GTK_LABEL (body), TRUE);
      gtk_label_set_selectable (GTK_LABEL (body), TRUE);
      gtk_box_append (GTK_BOX (box), head);
      gtk_box_append (GTK_BOX (box), body);
      /* The history of this note, under it: newest earlier version first. */
      for (guint v = 1; v < thread->len; v++)
        gtk_box_append (GTK_BOX (box), earlier_version (thread->pdata[v]));
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 6);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_list_box_append (GTK_LIST_BOX (self->notes_list), box);
    }
}

/* The number of conversations shown (edited notes count once). */
guint
pl_learner_notes_get_n_shown (PlLearnerNotes *self)
{
  guint n = 0;

  g_return_val_if_fail (PL_IS_LEARNER_NOTES (self), 0);
  for (GtkWidget *row = gtk_widget_get_first_child (self->notes_list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static void
build_notes (PlLearnerNotes *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *frame, *buttons;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  adw_preferences_group_set_title (group, _("Conversation Notes"));
  adw_preferences_group_set_description (group, _("A dated timeline. Notes are never overwritten: editing one adds a new version and keeps the earlier text."));
  for (guint i = 0; note_kinds[i] != NULL; i++)
    gtk_string_list_append (kinds, kind_label (note_kinds[i]));
  self->note_kind = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&kinds)), NULL));
  pl_accessible_name_button (GTK_WIDGET (self->note_kind), _("Kind of note"));
  self->note_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->note_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->note_view, FALSE);
  gtk_text_view_set_top_margin (self->note_view, 6);
  gtk_text_view_set_bottom_margin (self->note_view, 6);
  gtk_text_view_set_left_margin (self->note_view, 6);
  gtk_text_view_set_right_margin (self->note_view, 6);
  gtk_widget_set_size_request (GTK_WIDGET (self->note_view), -1, 72);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New note"), -1);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->note_view));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  self->cancel_edit_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Cancel Edit")));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_edit_button), FALSE);
  g_signal_connect (self->cancel_edit_button, "clicked", G_CALLBACK (on_cancel_edit_clicked_cb), self);
  self->add_note_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("Add _Note")));
  gtk_widget_add_css_class (GTK_WIDGET (self->add_note_button), "suggested-action");
  g_signal_connect (self->add_note_button, "clicked", G_CALLBACK (on_add_note_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->note_kind));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->cancel_edit_button));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->add_note_button));

  self->notes_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->notes_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->notes_list, "boxed-list");
  gtk_widget_set_margin_top (self->notes_list, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->notes_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Conversation notes, newest first"), -1);

  adw_preferences_group_add (group, frame);
  adw_preferences_group_add (group, buttons);
  adw_preferences_group_add (group, self->notes_list);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (group));
}

static void
pl_learner_notes_dispose (GObject *object)
{
  PlLearnerNotes *self = PL_LEARNER_NOTES (object);

  g_clear_object (&self->profile);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pl_learner_notes_parent_class)->dispose (object);
}

static void
pl_learner_notes_finalize (GObject *object)
{
  PlLearnerNotes *self = PL_LEARNER_NOTES (object);

  g_free (self->editing_note);
  g_free (self->editing_date);
  g_free (self->shown);

  G_OBJECT_CLASS (pl_learner_notes_parent_class)->finalize (object);
}

static void
pl_learner_notes_class_init (PlLearnerNotesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pl_learner_notes_dispose;
  object_class->finalize = pl_learner_notes_finalize;

  /* A note (or a new version of one) was saved. */
  signals[SIGNAL_ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Something to tell the teacher (an error). */
  signals[SIGNAL_MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
pl_learner_notes_init (PlLearnerNotes *self)
{
  build_notes (self);
}

PlLearnerNotes *
pl_learner_notes_new (void)
{
  return g_object_new (PL_TYPE_LEARNER_NOTES, NULL);
}

void
pl_learner_notes_set_store (PlLearnerNotes *self,
                            PlStore        *store)
{
  g_return_if_fail (PL_IS_LEARNER_NOTES (self));
  g_set_object (&self->store, store);
}

void
pl_learner_notes_set_profile (PlLearnerNotes *self,
                              PlProfile      *profile)
{
  g_return_if_fail (PL_IS_LEARNER_NOTES (self));

  /* The same learner again (a refresh) keeps a note being written. */
  if (self->profile == NULL || profile == NULL ||
      g_strcmp0 (pl_profile_get_uuid (self->profile), pl_profile_get_uuid (profile)) != 0)
    end_note_edit (self);
  g_set_object (&self->profile, profile);
  reload_notes (self);
}

GtkTextView *
pl_learner_notes_get_view (PlLearnerNotes *self)
{
  g_return_val_if_fail (PL_IS_LEARNER_NOTES (self), NULL);
  return self->note_view;
}

GtkWidget *
pl_learner_notes_get_add_button (PlLearnerNotes *self)
{
  g_return_val_if_fail (PL_IS_LEARNER_NOTES (self), NULL);
  return GTK_WIDGET (self->add_note_button);
}
