/* test-learners-detail.c — the Learners window through its real buttons:
 * archive with Undo and restore, adding, moving and removing a learner's
 * classes (each with Undo), sorting, the "stale or no notes" filter, other
 * learning preferences, and the list and profile folding on a narrow
 * window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/pl-demo.h"
#include "learners/pl-learner-detail.h"
#include "learners/pl-learner-notes.h"

#include "learners-test-util.h"

typedef struct
{
  char *message;
  char *toast;
} Said;

static void
on_message_cb (PlLearnerDetail *detail,
               const char      *message,
               Said            *said)
{
  g_free (said->message);
  said->message = g_strdup (message);
}

static void
on_toast_cb (PlLearnerDetail *detail,
             AdwToast        *toast,
             Said            *said)
{
  g_free (said->toast);
  said->toast = g_strdup (adw_toast_get_title (toast));
}

static void
said_clear (Said *said)
{
  g_clear_pointer (&said->message, g_free);
  g_clear_pointer (&said->toast, g_free);
}

static PlClassroom *
new_class (Fixture    *f,
           const char *name)
{
  PlClassroom *c = pl_classroom_new ();

  pl_record_set_string (PL_RECORD (c), "name", name);
  g_assert_true (pl_store_save (f->store, PL_RECORD (c), NULL));
  return c;
}

static PlLearnerDetail *
detail_of (Fixture *f)
{
  return PL_LEARNER_DETAIL (pl_learners_page_get_detail (f->page));
}

static gboolean
is_archived (PlStore    *store,
             const char *uuid)
{
  g_autoptr(PlRecord) learner = pl_store_get (store, PL_TYPE_LEARNER, uuid, NULL);

  return pl_record_get_boolean (learner, "archived");
}

/* The names of the learner's classes, sorted, joined with ", ". */
static char *
classes_of (PlStore    *store,
            const char *uuid)
{
  g_autoptr(GListModel) classes = pl_store_list_learner_classes (store, uuid, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (classes); i++)
    {
      g_autoptr(PlRecord) c = g_list_model_get_item (classes, i);

      g_ptr_array_add (names, (gpointer) g_intern_string (pl_record_get_string (c, "name")));
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

static void
wait_reload (void)
{
  spin (400);   /* the page reloads a moment after the store changes */
}

/* Archive through the real button, Undo in the toast it shows, then
 * archive again, find the learner under Archived and restore them. */
static void
test_archive_undo_restore (Fixture *f, gconstpointer data)
{
  g_autoptr(PlClassroom) c = new_class (f, "7B");
  g_autoptr(PlLearner) amara = NULL;
  GtkWidget *window = GTK_WIDGET (f->window);
  const char *uuid;

  amara = pl_store_add_learner (f->store, pl_record_get_uuid (PL_RECORD (c)), "Amara", "Okafor", NULL);
  uuid = pl_record_get_uuid (PL_RECORD (amara));
  g_object_set (f->page, "classroom", c, NULL);
  g_assert_true (pl_learners_page_show_learner (f->page, uuid));

  press (find_button (window, "Archive"));
  g_assert_true (is_archived (f->store, uuid));
  wait_reload ();
  g_assert_cmpuint (n_visible (f), ==, 0);
  press (find_undo (f->window, "Amara archived"));
  g_assert_false (is_archived (f->store, uuid));
  wait_reload ();
  g_assert_cmpuint (n_visible (f), ==, 1);

  /* Archived learners are found under Show › Archived, and come back. */
  press (find_button (window, "Archive"));
  g_assert_true (is_archived (f->store, uuid));
  wait_reload ();
  pl_learners_page_set_filter (f->page, 4);
  g_assert_cmpuint (n_visible (f), ==, 1);
  g_assert_true (pl_learners_page_show_learner (f->page, uuid));
  g_assert_null (find_button (window, "Archive"));
  press (find_button (window, "Restore"));
  g_assert_false (is_archived (f->store, uuid));
  g_assert_nonnull (find_undo (f->window, "Amara restored"));
  wait_reload ();
  g_assert_cmpuint (n_visible (f), ==, 0);
  pl_learners_page_set_filter (f->page, 0);
  g_assert_cmpuint (n_visible (f), ==, 1);
  g_assert_nonnull (find_button (window, "Archive"));
}

/* The drop-down whose choices are the classes of the database. */
static GtkDropDown *
class_dropdown (GtkWidget  *root,
                GListModel *classes)
{
  if (GTK_IS_DROP_DOWN (root) && gtk_drop_down_get_model (GTK_DROP_DOWN (root)) == classes)
    return GTK_DROP_DOWN (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkDropDown *found = class_dropdown (child, classes);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
choose_class (Fixture    *f,
              const char *name)
{
  GListModel *classes = pl_context_get_classrooms (f->context);
  GtkDropDown *dropdown = class_dropdown (GTK_WIDGET (detail_of (f)), classes);

  if (name == NULL)
    {
      gtk_drop_down_set_selected (dropdown, GTK_INVALID_LIST_POSITION);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (classes); i++)
    {
      g_autoptr(PlRecord) c = g_list_model_get_item (classes, i);

      if (g_strcmp0 (pl_record_get_string (c, "name"), name) == 0)
        {
          gtk_drop_down_set_selected (dropdown, i);
          return;
        }
    }
  g_assert_not_reached ();
}

/* Add to, move to and remove from classes through the real buttons; each
 * change can be undone, and the moves that used to go wrong do not. */
static void
test_classes (Fixture *f, gconstpointer data)
{
  g_autoptr(PlClassroom) a = new_class (f, "7A");
  g_autoptr(PlClassroom) b = new_class (f, "7B");
  g_autoptr(PlClassroom) c = new_class (f, "7C");
  g_autoptr(PlLearner) amara = NULL;
  g_autoptr(PlLearner) jun = NULL;
  GtkWidget *detail = GTK_WIDGET (detail_of (f));
  Said said = { NULL, NULL };
  const char *uuid;
  char *now;

  g_signal_connect (detail, "message", G_CALLBACK (on_message_cb), &said);
  g_signal_connect (detail, "toast", G_CALLBACK (on_toast_cb), &said);
  amara = pl_store_add_learner (f->store, pl_record_get_uuid (PL_RECORD (a)), "Amara", "Okafor", NULL);
  jun = pl_store_add_learner (f->store, pl_record_get_uuid (PL_RECORD (b)), "Jun", "Nguyen", NULL);
  uuid = pl_record_get_uuid (PL_RECORD (amara));
  g_object_set (f->page, "classroom", a, NULL);
  spin (50);
  g_assert_true (pl_learners_page_show_learner (f->page, uuid));

  /* Add to 7B, undo, add again. */
  choose_class (f, "7B");
  press (find_button (detail, "Add to Class"));
  g_assert_cmpstr ((now = classes_of (f->store, uuid)), ==, "7A, 7B");
  g_free (now);
  g_assert_cmpstr (said.toast, ==, "Amara Okafor added to 7B");
  press (find_undo (f->window, said.toast));
  g_assert_cmpstr ((now = classes_of (f->store, uuid)), ==, "7A");
  g_free (now);
  press (find_button (detail, "Add to Class"));
  /* Twice is once. */
  press (find_button (detail, "Add to Class"));
  g_assert_cmpstr (said.message, ==, "Amara Okafor is already in 7B");

  /* Remove from 7B (the button next to the class), undo. */
  press (find_button (detail, "Remove from 7B"));
  g_assert_cmpstr ((now = classes_of (f->store, uuid)), ==, "7A");
  g_free (now);
  g_assert_cmpstr (said.toast, ==, "Amara Okafor removed from 7B");
  press (find_undo (f->window, said.toast));
  g_assert_cmpstr ((now = classes_of (f->store, uuid)), ==, "7A, 7B");
  g_free (now);

  /* Move to 7C: out of the class the list shows; undo comes back. */
  choose_class (f, "7C");
  press (find_button (detail, "Move to Class"));
  g_assert_cmpstr ((now = classes_of (f->store, uuid)), ==, "7B, 7C");
  g_free (now);
  g_assert_cmpstr (said.toast, ==, "Amara Okafor moved from 7A to 7C");
  press (find_undo (f->window, said.toast));
  g_assert_cmpstr ((now = classes_of (f->store, uuid)), ==, "7A, 7B");
  g_free (now);

  /* Moving to the class she is leaving changes nothing and says so. */
  said_clear (&said);
  choose_class (f, "7A");
  press (find_button (detail, "Move to Class"));
  g_assert_cmpstr (said.message, ==, "Amara Okafor is already in 7A");
  g_assert_null (said.toast);
  g_assert_cmpstr ((now = classes_of (f->store, uuid)), ==, "7A, 7B");
  g_free (now);

  /* With no class chosen, the buttons say what is missing. */
  choose_class (f, NULL);
  press (find_button (detail, "Move to Class"));
  g_assert_cmpstr (said.message, ==, "Choose the class to move to first");
  press (find_button (detail, "Add to Class"));
  g_assert_cmpstr (said.message, ==, "Choose a class first");
  g_assert_cmpstr ((now = classes_of (f->store, uuid)), ==, "7A, 7B");
  g_free (now);

  /* Jun is only in 7B, opened from another view while the list shows
   * 7A: moving him leaves 7B, it does not add him to 7C. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "learners.show", "s", pl_record_get_uuid (PL_RECORD (jun)));
  spin (50);
  g_assert_cmpstr (pl_profile_get_uuid (pl_learner_detail_get_profile (detail_of (f))), ==,
                   pl_record_get_uuid (PL_RECORD (jun)));
  choose_class (f, "7C");
  press (find_button (detail, "Move to Class"));
  g_assert_cmpstr ((now = classes_of (f->store, pl_record_get_uuid (PL_RECORD (jun)))), ==, "7C");
  g_free (now);
  g_assert_cmpstr (said.toast, ==, "Jun Nguyen moved from 7B to 7C");

  /* Amara, in two classes and opened from elsewhere, is told how. */
  g_object_set (f->page, "classroom", c, NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "learners.show", "s", uuid);
  spin (50);
  press (find_button (detail, "Move to Class"));
  g_assert_true (g_str_has_prefix (said.message, "Amara Okafor is in several classes"));
  g_assert_cmpstr ((now = classes_of (f->store, uuid)), ==, "7A, 7B");
  g_free (now);
  said_clear (&said);
}

static char *
order (Fixture *f)
{
  GListModel *visible = pl_learners_page_get_visible (f->page);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(PlProfile) p = g_list_model_get_item (visible, i);

      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", pl_profile_get_display_name (p));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Sort by through the real drop-down, and the "Stale or no notes" filter
 * after a note added with the real button. */
static void
test_sort_and_notes_filter (Fixture *f, gconstpointer data)
{
  g_autoptr(PlClassroom) c = new_class (f, "7B");
  const char *names[][2] = { { "Zoé", "Adams" }, { "Amara", "Okafor" }, { "Jun", "Brooks" } };
  const char *uuids[3];
  GtkDropDown *sort;
  PlLearnerDetail *detail = detail_of (f);
  char *now;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PlLearner) l = pl_store_add_learner (f->store, pl_record_get_uuid (PL_RECORD (c)),
                                                     names[i][0], names[i][1], NULL);

      uuids[i] = g_intern_string (pl_record_get_uuid (PL_RECORD (l)));
    }
  /* Jun fills in two fields, Zoé one; Amara none. */
  g_assert_true (pl_store_set_profile_value (f->store, uuids[2], "interests", "chess", NULL, NULL));
  g_assert_true (pl_store_set_profile_value (f->store, uuids[2], "goals", "read more", NULL, NULL));
  g_assert_true (pl_store_set_profile_value (f->store, uuids[0], "needs", "time", NULL, NULL));
  g_object_set (f->page, "classroom", c, NULL);
  spin (50);

  sort = GTK_DROP_DOWN (find_widget (GTK_WIDGET (f->page), GTK_TYPE_DROP_DOWN, "Sort learners"));
  g_assert_cmpstr ((now = order (f)), ==, "Zoé Adams, Jun Brooks, Amara Okafor");
  g_free (now);
  gtk_drop_down_set_selected (sort, 1);   /* given name */
  g_assert_cmpstr ((now = order (f)), ==, "Amara Okafor, Jun Brooks, Zoé Adams");
  g_free (now);
  gtk_drop_down_set_selected (sort, 2);   /* least complete first */
  g_assert_cmpstr ((now = order (f)), ==, "Amara Okafor, Zoé Adams, Jun Brooks");
  g_free (now);
  /* Least recently updated first: a new edit puts Amara last. */
  spin (20);
  g_assert_true (pl_store_set_profile_value (f->store, uuids[1], "languages", "Igbo", NULL, NULL));
  pl_learners_page_reload (f->page);
  gtk_drop_down_set_selected (sort, 3);
  now = order (f);
  g_assert_true (g_str_has_suffix (now, ", Amara Okafor"));
  g_free (now);
  gtk_drop_down_set_selected (sort, 0);

  /* A note through the real editor and button takes Jun off the list of
   * learners without notes. */
  pl_learners_page_set_filter (f->page, 1);
  g_assert_cmpuint (n_visible (f), ==, 3);
  g_assert_true (pl_learners_page_show_learner (f->page, uuids[2]));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (pl_learner_detail_get_note_view (detail)),
                            "Talked about the chess club", -1);
  press (pl_learner_detail_get_add_note_button (detail));
  wait_reload ();
  g_assert_cmpuint (n_visible (f), ==, 2);
  g_assert_cmpstr ((now = order (f)), ==, "Zoé Adams, Amara Okafor");
  g_free (now);
  pl_learners_page_set_filter (f->page, 0);
}

static char *
field_value (PlStore    *store,
             const char *learner_uuid,
             const char *field)
{
  g_autofree char *uuid = pl_store_profile_field_uuid (learner_uuid, field);
  g_autoptr(PlRecord) record = pl_store_get (store, PL_TYPE_PROFILE_FIELD, uuid, NULL);

  return record != NULL ? g_strdup (pl_record_get_string (record, "value")) : NULL;
}

static GtkCheckButton *
preference_check (PlLearnerDetail *detail,
                  const char      *title)
{
  GtkWidget *row = GTK_WIDGET (detail);

  /* The check button of the action row titled TITLE. */
  for (GtkWidget *w = gtk_widget_get_first_child (row); w != NULL;)
    {
      if (ADW_IS_ACTION_ROW (w) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), title) == 0)
        return GTK_CHECK_BUTTON (find_widget (w, GTK_TYPE_CHECK_BUTTON, NULL));
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = w == row ? NULL : gtk_widget_get_parent (w);
          if (w == NULL || w == row)
            break;
          w = gtk_widget_get_next_sibling (w);
        }
    }
  return NULL;
}

/* "Other ways they like to learn" joins the ticked preferences, saved
 * after the pause, and reads back into the same places. */
static void
test_other_preferences (Fixture *f, gconstpointer data)
{
  g_autoptr(PlClassroom) c = new_class (f, "7B");
  g_autoptr(PlLearner) zoe = pl_store_add_learner (f->store, pl_record_get_uuid (PL_RECORD (c)), "Zoé", "Müller", NULL);
  const char *uuid = pl_record_get_uuid (PL_RECORD (zoe));
  PlLearnerDetail *detail = detail_of (f);
  GtkEditable *other;
  GtkCheckButton *reading, *drawing;
  char *value;

  g_object_set (f->page, "classroom", c, NULL);
  spin (50);
  g_assert_true (pl_learners_page_show_learner (f->page, uuid));
  other = find_entry_row (GTK_WIDGET (detail), "Other ways they like to learn");
  reading = preference_check (detail, "Reading");
  drawing = preference_check (detail, "Drawing");
  g_assert_nonnull (other);
  g_assert_nonnull (reading);

  gtk_check_button_set_active (reading, TRUE);
  gtk_editable_set_text (other, "podcasts, building models , ");
  spin (1000);
  g_assert_cmpstr ((value = field_value (f->store, uuid, "learning_preferences")), ==, "reading,podcasts,building models");
  g_free (value);

  /* Typing a preset in the free text ticks nothing twice. */
  gtk_editable_set_text (other, "podcasts, reading");
  spin (1000);
  g_assert_cmpstr ((value = field_value (f->store, uuid, "learning_preferences")), ==, "reading,podcasts");
  g_free (value);

  /* Another learner and back: the same ticks and text. */
  pl_learner_detail_set_profile (detail, NULL, c);
  wait_reload ();
  g_assert_true (pl_learners_page_show_learner (f->page, uuid));
  g_assert_true (gtk_check_button_get_active (reading));
  g_assert_false (gtk_check_button_get_active (drawing));
  g_assert_cmpstr (gtk_editable_get_text (other), ==, "podcasts");
}

static void
type_note (PlLearnerDetail *detail,
           const char      *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (pl_learner_detail_get_note_view (detail)), text, -1);
}

/* A note, then a new version of it through the real Edit and Save New
 * Version buttons: one note in the timeline, the earlier text under it,
 * the date of the conversation kept, and the learner has one note. */
static void
test_edit_note (Fixture *f, gconstpointer data)
{
  g_autoptr(PlClassroom) c = new_class (f, "7B");
  g_autoptr(PlLearner) zoe = pl_store_add_learner (f->store, pl_record_get_uuid (PL_RECORD (c)), "Zoé", "Müller", NULL);
  const char *uuid = pl_record_get_uuid (PL_RECORD (zoe));
  PlLearnerDetail *detail = detail_of (f);
  PlLearnerNotes *notes = PL_LEARNER_NOTES (pl_learner_detail_get_notes (detail));
  g_autoptr(GListModel) stored = NULL;
  g_autoptr(PlRecord) newest = NULL;
  g_autoptr(PlRecord) oldest = NULL;
  GtkTextView *view = pl_learner_detail_get_note_view (detail);
  g_autofree char *in_editor = NULL;
  GtkTextIter start, end;

  g_object_set (f->page, "classroom", c, NULL);
  spin (50);
  g_assert_true (pl_learners_page_show_learner (f->page, uuid));
  type_note (detail, "Wants to build a seismograph");
  press (find_button (GTK_WIDGET (notes), "Add Note"));
  g_assert_cmpuint (pl_learner_notes_get_n_shown (notes), ==, 1);

  /* Edit puts the text back in the editor; the button says what it does. */
  press (find_button (GTK_WIDGET (notes), "Edit"));
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  in_editor = gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
  g_assert_cmpstr (in_editor, ==, "Wants to build a seismograph");
  g_assert_nonnull (find_button (GTK_WIDGET (notes), "Cancel Edit"));
  type_note (detail, "Wants to build a seismometer with her brother");
  press (find_button (GTK_WIDGET (notes), "Save New Version"));

  stored = pl_store_list_notes (f->store, uuid, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (stored), ==, 2);
  newest = g_list_model_get_item (stored, 0);
  oldest = g_list_model_get_item (stored, 1);
  g_assert_cmpstr (pl_record_get_string (newest, "body"), ==, "Wants to build a seismometer with her brother");
  g_assert_cmpstr (pl_record_get_string (newest, "supersedes_uuid"), ==, pl_record_get_uuid (oldest));
  g_assert_cmpstr (pl_record_get_string (newest, "noted_at"), ==, pl_record_get_string (oldest, "noted_at"));

  /* One note on screen, its earlier text under it. */
  g_assert_cmpuint (pl_learner_notes_get_n_shown (notes), ==, 1);
  g_assert_true (has_label (GTK_WIDGET (notes), "Wants to build a seismometer with her brother"));
  g_assert_true (has_label (GTK_WIDGET (notes), "Wants to build a seismograph"));
  g_assert_null (find_button (GTK_WIDGET (notes), "Save New Version"));

  /* A third version: still one note, both earlier texts kept. */
  press (find_button (GTK_WIDGET (notes), "Edit"));
  type_note (detail, "Building a seismometer; needs a magnet");
  press (find_button (GTK_WIDGET (notes), "Save New Version"));
  g_assert_cmpuint (pl_learner_notes_get_n_shown (notes), ==, 1);
  g_assert_true (has_label (GTK_WIDGET (notes), "Wants to build a seismometer with her brother"));
  g_assert_true (has_label (GTK_WIDGET (notes), "Wants to build a seismograph"));

  /* The learner has one note, not three. */
  wait_reload ();
  g_assert_cmpuint (pl_profile_get_n_notes (pl_learner_detail_get_profile (detail)), ==, 1);
  g_assert_nonnull (strstr (pl_learners_page_get_summary (f->page), "0 without notes"));

  /* A second conversation is a second note, newest first. */
  type_note (detail, "Asked about the science fair");
  press (find_button (GTK_WIDGET (notes), "Add Note"));
  g_assert_cmpuint (pl_learner_notes_get_n_shown (notes), ==, 2);
  wait_reload ();
  g_assert_cmpuint (pl_profile_get_n_notes (pl_learner_detail_get_profile (detail)), ==, 2);
}

/* On a narrow window the list and the profile fold: the profile takes
 * the window, and Back (the button, or Alt+←) returns to the list. */
static void
test_folding (Fixture *f, gconstpointer data)
{
  g_autoptr(PlClassroom) c = new_class (f, "7B");
  g_autoptr(PlLearner) amara = pl_store_add_learner (f->store, pl_record_get_uuid (PL_RECORD (c)), "Amara", "Okafor", NULL);
  AdwLeaflet *leaflet = ADW_LEAFLET (find_widget (GTK_WIDGET (f->page), ADW_TYPE_LEAFLET, NULL));
  GtkWidget *back;

  g_object_set (f->page, "classroom", c, NULL);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_null (find_button (GTK_WIDGET (f->page), "Back to the learner list (Alt+←)"));

  gtk_window_set_default_size (f->window, 480, 760);
  spin (300);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (pl_learners_page_show_learner (f->page, pl_record_get_uuid (PL_RECORD (amara))));
  spin (400);   /* the leaflet slides over */
  g_assert_cmpstr (gtk_widget_get_name (adw_leaflet_get_visible_child (leaflet)), !=, "list_pane");
  g_assert_true (GTK_IS_STACK (adw_leaflet_get_visible_child (leaflet)));
  back = find_button (GTK_WIDGET (f->page), "Back to the learner list (Alt+←)");
  g_assert_nonnull (back);
  press (back);
  spin (400);
  g_assert_false (GTK_IS_STACK (adw_leaflet_get_visible_child (leaflet)));

  /* Alt+← through the page's shortcut does the same. */
  g_assert_true (pl_learners_page_show_learner (f->page, pl_record_get_uuid (PL_RECORD (amara))));
  spin (400);
  g_assert_true (GTK_IS_STACK (adw_leaflet_get_visible_child (leaflet)));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "learners.back", NULL);
  spin (400);
  g_assert_false (GTK_IS_STACK (adw_leaflet_get_visible_child (leaflet)));

  /* Wide again: both side by side, no Back button. */
  gtk_window_set_default_size (f->window, 1100, 760);
  spin (300);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_null (find_button (GTK_WIDGET (f->page), "Back to the learner list (Alt+←)"));
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/learners-detail/archive-undo-restore", Fixture, NULL, fixture_set_up, test_archive_undo_restore, fixture_tear_down);
  g_test_add ("/learners-detail/classes", Fixture, NULL, fixture_set_up, test_classes, fixture_tear_down);
  g_test_add ("/learners-detail/sort-and-notes-filter", Fixture, NULL, fixture_set_up, test_sort_and_notes_filter, fixture_tear_down);
  g_test_add ("/learners-detail/other-preferences", Fixture, NULL, fixture_set_up, test_other_preferences, fixture_tear_down);
  g_test_add ("/learners-detail/edit-note", Fixture, NULL, fixture_set_up, test_edit_note, fixture_tear_down);
  g_test_add ("/learners-detail/folding", Fixture, NULL, fixture_set_up, test_folding, fixture_tear_down);

  return g_test_run ();
}
