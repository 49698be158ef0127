/* test-learners-page.c — the Learners view under Xvfb: importing a roster
 * through the preview dialog, search, filters, editing a profile with
 * autosave, notes, archive, and the printed profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "core/pl-demo.h"
#include "core/pl-store-learners.h"
#include "learners/pl-learner-detail.h"
#include "learners/pl-learner-print.h"
#include "learners/pl-learner-row.h"
#include "learners/pl-learners-page.h"
#include "learners/pl-roster-import-dialog.h"
#include "pl-context.h"

#include "learners-test-util.h"

typedef struct
{
  PlRosterImportDialog *dialog;
  const char           *state;
} StateWait;

static gboolean
dialog_in_state (gpointer data)
{
  StateWait *w = data;

  return g_strcmp0 (pl_roster_import_dialog_get_state (w->dialog), w->state) == 0;
}

static void
on_imported_cb (PlRosterImportDialog *dialog,
                const char           *summary,
                char                **out)
{
  *out = g_strdup (summary);
}

static void
on_message_cb (GtkWidget  *detail,
               const char *message,
               gpointer    data)
{
  g_test_message ("message: %s", message);
}

static gboolean
dialog_has_classes (gpointer data)
{
  PlRosterImportDialog **dialog = data;

  return pl_roster_import_dialog_get_n_classes (*dialog) > 0;
}

static gboolean
string_set (gpointer data)
{
  return *(char **) data != NULL;
}

static char *
field_value (PlStore *store, const char *learner_uuid, const char *field)
{
  g_autofree char *uuid = pl_store_profile_field_uuid (learner_uuid, field);
  g_autoptr(PlRecord) record = pl_store_get (store, PL_TYPE_PROFILE_FIELD, uuid, NULL);

  return record != NULL ? g_strdup (pl_record_get_string (record, "value")) : NULL;
}

static void
test_import_and_profile (Fixture *f, gconstpointer data)
{
  g_autofree char *folder = fixture_path ("v11-folder");
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autofree char *summary = NULL;
  g_autoptr(PlClassroom) p2 = NULL;
  g_autoptr(GListModel) zoes = NULL;
  g_autoptr(PlRecord) zoe = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autofree char *value = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *contents = NULL;
  PlRosterImportDialog *dialog;
  PlLearnerDetail *detail;
  GtkEditable *interests;
  GtkTextBuffer *buffer;
  StateWait w;
  guint64 hlc_before;
  GListModel *classes;
  PlProfile *profile;

  /* Import: preview, leave one class out, confirm. */
  dialog = pl_roster_import_dialog_new (f->context, NULL);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), &summary);
  gtk_window_present (GTK_WINDOW (dialog));
  pl_roster_import_dialog_load (dialog, file);
  w.dialog = dialog;
  w.state = "preview";
  g_assert_true (wait_for (dialog_in_state, &w, 10000));
  g_assert_cmpuint (pl_roster_import_dialog_get_n_classes (dialog), ==, 2);
  g_assert_cmpuint (pl_store_count (f->store, "learner", TRUE), ==, 0);   /* the preview writes nothing */
  gtk_check_button_set_active (pl_roster_import_dialog_get_class_check (dialog, 1), FALSE);
  pl_roster_import_dialog_apply (dialog);
  g_assert_true (wait_for (string_set, &summary, 10000));
  g_assert_true (g_str_has_prefix (summary, "Roster imported"));
  spin (100);
  g_assert_cmpuint (pl_store_count (f->store, "classroom", FALSE), ==, 1);
  g_assert_cmpuint (pl_store_count (f->store, "learner", FALSE), ==, 3);

  /* The context sees the new class (the import's connection told it). */
  classes = pl_context_get_classrooms (f->context);
  g_assert_cmpuint (g_list_model_get_n_items (classes), ==, 1);
  p2 = g_list_model_get_item (classes, 0);
  g_object_set (f->page, "classroom", p2, NULL);
  g_assert_cmpuint (n_visible (f), ==, 3);

  /* Search as you type: by name, accents ignored. */
  search (f, "zoe");
  g_assert_cmpuint (n_visible (f), ==, 1);
  search (f, "");
  g_assert_cmpuint (n_visible (f), ==, 3);

  /* Edit a profile field: saved after the pause, the clock advances. */
  zoes = pl_store_list_where (f->store, PL_TYPE_LEARNER, "source_id", "s-3", NULL);
  zoe = g_list_model_get_item (zoes, 0);
  g_assert_true (pl_learners_page_show_learner (f->page, pl_record_get_uuid (zoe)));
  detail = PL_LEARNER_DETAIL (pl_learners_page_get_detail (f->page));
  profile = pl_learner_detail_get_profile (detail);
  g_assert_nonnull (profile);
  g_assert_cmpstr (pl_profile_get_uuid (profile), ==, pl_record_get_uuid (zoe));
  hlc_before = hlc_of (f->store);
  interests = pl_learner_detail_get_editable (detail, "interests");
  gtk_editable_set_text (interests, "volcanoes, chess");
  spin (1000);
  value = field_value (f->store, pl_record_get_uuid (zoe), "interests");
  g_assert_cmpstr (value, ==, "volcanoes, chess");
  g_assert_cmpuint (hlc_of (f->store), >, hlc_before);

  /* The list finds her by interest now. */
  search (f, "volcano");
  g_assert_cmpuint (n_visible (f), ==, 1);
  search (f, "");

  /* Filters. */
  pl_learners_page_set_filter (f->page, 3);   /* has accommodations */
  g_assert_cmpuint (n_visible (f), ==, 0);
  g_assert_true (pl_store_set_profile_value (f->store, pl_record_get_uuid (zoe), "iep", "true", NULL, NULL));
  pl_learners_page_reload (f->page);
  g_assert_cmpuint (n_visible (f), ==, 1);
  pl_learners_page_set_filter (f->page, 2);   /* incomplete: everyone */
  g_assert_cmpuint (n_visible (f), ==, 3);
  pl_learners_page_set_filter (f->page, 0);

  /* A conversation note, then a new version of it. */
  g_signal_connect (detail, "message", G_CALLBACK (on_message_cb), NULL);
  buffer = gtk_text_view_get_buffer (pl_learner_detail_get_note_view (detail));
  gtk_text_buffer_set_text (buffer, "Wants to build a seismograph", -1);
  g_signal_emit_by_name (pl_learner_detail_get_add_note_button (detail), "clicked");
  notes = pl_store_list_notes (f->store, pl_record_get_uuid (zoe), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);

  /* The one-page profile as PDF. */
  pdf = g_build_filename (f->dir, "profile.pdf", NULL);
  g_assert_true (pl_learner_print_to_pdf (f->store, pl_learner_detail_get_profile (detail), pdf, NULL));
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));

  /* Importing the same roster again changes nothing. */
  g_clear_pointer (&summary, g_free);
  hlc_before = hlc_of (f->store);
  dialog = pl_roster_import_dialog_new (f->context, p2);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), &summary);
  pl_roster_import_dialog_load (dialog, file);
  w.dialog = dialog;
  g_assert_true (wait_for (dialog_in_state, &w, 10000));
  gtk_check_button_set_active (pl_roster_import_dialog_get_class_check (dialog, 1), FALSE);
  pl_roster_import_dialog_apply (dialog);
  g_assert_true (wait_for (string_set, &summary, 10000));
  g_assert_cmpstr (summary, ==, "Roster imported: nothing had changed");
  g_assert_cmpuint (hlc_of (f->store), ==, hlc_before);
}

/* Amara is in both classes of the roster: the preview's totals and the
 * toast count her once, and so many learners are written. */
static void
test_import_counts_learners_once (Fixture *f, gconstpointer data)
{
  g_autofree char *folder = fixture_path ("v11-folder");
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autofree char *summary = NULL;
  PlRosterImportDialog *dialog = pl_roster_import_dialog_new (f->context, NULL);
  StateWait w = { dialog, "preview" };

  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), &summary);
  gtk_window_present (GTK_WINDOW (dialog));
  pl_roster_import_dialog_load (dialog, file);
  g_assert_true (wait_for (dialog_in_state, &w, 10000));
  g_assert_nonnull (strstr (pl_roster_import_dialog_get_summary (dialog), ": 4 new, 0 updated"));
  /* Without the club, Amara still counts, once. */
  gtk_check_button_set_active (pl_roster_import_dialog_get_class_check (dialog, 1), FALSE);
  g_assert_nonnull (strstr (pl_roster_import_dialog_get_summary (dialog), ": 3 new, 0 updated"));
  gtk_check_button_set_active (pl_roster_import_dialog_get_class_check (dialog, 1), TRUE);
  pl_roster_import_dialog_apply (dialog);
  g_assert_true (wait_for (string_set, &summary, 10000));
  g_assert_cmpstr (summary, ==, "Roster imported: 4 new, 0 updated, 0 archived learners");
  g_assert_cmpuint (pl_store_count (f->store, "learner", FALSE), ==, 4);
  g_assert_cmpuint (pl_store_count (f->store, "enrollment", FALSE), ==, 5);
}

static void
test_bad_roster (Fixture *f, gconstpointer data)
{
  g_autofree char *folder = fixture_path ("bad-utf8");
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  PlRosterImportDialog *dialog = pl_roster_import_dialog_new (f->context, NULL);
  StateWait w = { dialog, "error" };

  gtk_window_present (GTK_WINDOW (dialog));
  pl_roster_import_dialog_load (dialog, file);
  g_assert_true (wait_for (dialog_in_state, &w, 10000));
  g_assert_true (g_str_has_prefix (pl_roster_import_dialog_get_error (dialog),
                                   "users.csv: line 5, column 10 (familyName)"));
  g_assert_cmpuint (pl_store_count (f->store, "learner", TRUE), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_csv_mapping (Fixture *f, gconstpointer data)
{
  g_autofree char *path = fixture_path ("learners-no-family.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *summary = NULL;
  PlRosterImportDialog *dialog = pl_roster_import_dialog_new (f->context, NULL);
  StateWait w = { dialog, "preview" };
  g_autoptr(GListModel) learners = NULL;
  g_autoptr(PlRecord) amara = NULL;

  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), &summary);
  gtk_window_present (GTK_WINDOW (dialog));
  pl_roster_import_dialog_load (dialog, file);
  g_assert_true (wait_for (dialog_in_state, &w, 10000));
  /* No family name column: the mapping stays open to fix, nothing to import. */
  g_assert_nonnull (pl_roster_import_dialog_get_error (dialog));
  g_assert_nonnull (strstr (pl_roster_import_dialog_get_error (dialog), "no column is chosen"));
  g_assert_cmpuint (pl_roster_import_dialog_get_n_classes (dialog), ==, 0);
  /* The first rows as they would be read: no family name yet. */
  g_assert_cmpstr (pl_roster_import_dialog_get_sample_cell (dialog, 0, 1), ==, "Family name");
  g_assert_cmpstr (pl_roster_import_dialog_get_sample_cell (dialog, 1, 0), ==, "Amara");
  g_assert_cmpstr (pl_roster_import_dialog_get_sample_cell (dialog, 1, 1), ==, "—");
  g_assert_cmpstr (pl_roster_import_dialog_get_sample_cell (dialog, 1, 2), ==, "1001");
  g_assert_null (pl_roster_import_dialog_get_sample_cell (dialog, 2, 0));

  /* The teacher says the family name is in "Email" (position 3); the
   * preview follows at once. */
  adw_combo_row_set_selected (pl_roster_import_dialog_get_mapping_row (dialog, 1), 3);
  g_assert_cmpstr (pl_roster_import_dialog_get_sample_cell (dialog, 1, 1), ==, "amara@riverside.example");
  g_assert_true (wait_for (dialog_in_state, &w, 10000));
  g_assert_true (wait_for (dialog_has_classes, &dialog, 10000));
  g_assert_cmpuint (pl_roster_import_dialog_get_n_classes (dialog), ==, 1);
  pl_roster_import_dialog_apply (dialog);
  g_assert_true (wait_for (string_set, &summary, 10000));
  learners = pl_store_list_where (f->store, PL_TYPE_LEARNER, "source_id", "1001", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (learners), ==, 1);
  amara = g_list_model_get_item (learners, 0);
  g_assert_cmpstr (pl_record_get_string (amara, "family_name"), ==, "amara@riverside.example");
}

/* A spreadsheet with a header the guess gets right: the first rows show,
 * a cell with a line break on one line, and a column moved elsewhere
 * moves in the preview. */
static void
test_csv_sample_rows (Fixture *f, gconstpointer data)
{
  g_autofree char *path = fixture_path ("learners-comma.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PlRosterImportDialog *dialog = pl_roster_import_dialog_new (f->context, NULL);
  StateWait w = { dialog, "preview" };

  gtk_window_present (GTK_WINDOW (dialog));
  pl_roster_import_dialog_load (dialog, file);
  g_assert_true (wait_for (dialog_in_state, &w, 10000));
  g_assert_cmpstr (pl_roster_import_dialog_get_sample_cell (dialog, 1, 1), ==, "Okafor");
  g_assert_cmpstr (pl_roster_import_dialog_get_sample_cell (dialog, 2, 0), ==, "Jun");
  g_assert_cmpstr (pl_roster_import_dialog_get_sample_cell (dialog, 3, 0), ==, "Zoé Marie");
  g_assert_cmpstr (pl_roster_import_dialog_get_sample_cell (dialog, 3, 4), ==, "7");
  g_assert_cmpstr (pl_roster_import_dialog_get_sample_cell (dialog, 2, 3), ==, "");
  g_assert_null (pl_roster_import_dialog_get_sample_cell (dialog, 4, 0));
  /* No grade column: the preview says so. */
  adw_combo_row_set_selected (pl_roster_import_dialog_get_mapping_row (dialog, 4), 0);
  g_assert_cmpstr (pl_roster_import_dialog_get_sample_cell (dialog, 1, 4), ==, "—");
  /* A OneRoster file has no such preview. */
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
on_progress_text_cb (GtkProgressBar *bar,
                     GParamSpec     *pspec,
                     GPtrArray      *seen)
{
  const char *text = gtk_progress_bar_get_text (bar);

  if (text != NULL && (seen->len == 0 || g_strcmp0 (g_ptr_array_index (seen, seen->len - 1), text) != 0))
    g_ptr_array_add (seen, g_strdup (text));
}

/* A big spreadsheet: the busy page shows how many rows are saved, out of
 * how many, while they are. */
static void
test_import_progress (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "big.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("Id,First name,Last name\n");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *summary = NULL;
  PlRosterImportDialog *dialog = pl_roster_import_dialog_new (f->context, NULL);
  StateWait w = { dialog, "preview" };
  gboolean saw_rows = FALSE;
  const guint n = 20000;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "%u,Kid%u,Family%u\n", 100000 + i, i, i % 97);
  g_assert_true (g_file_set_contents (path, csv->str, (gssize) csv->len, NULL));
  file = g_file_new_for_path (path);

  g_signal_connect (pl_roster_import_dialog_get_progress_bar (dialog), "notify::text",
                    G_CALLBACK (on_progress_text_cb), seen);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), &summary);
  gtk_window_present (GTK_WINDOW (dialog));
  pl_roster_import_dialog_load (dialog, file);
  g_assert_true (wait_for (dialog_in_state, &w, 30000));
  g_assert_true (wait_for (dialog_has_classes, &dialog, 30000));
  pl_roster_import_dialog_apply (dialog);
  g_assert_true (wait_for (string_set, &summary, 60000));
  g_assert_cmpuint (pl_store_count (f->store, "learner", FALSE), ==, n);

  for (guint i = 0; i < seen->len; i++)
    {
      const char *text = seen->pdata[i];

      g_test_message ("progress: %s", text);
      /* 20,000 rows, each class's two steps: "… of 20002 rows saved". */
      if (g_str_has_suffix (text, " of 20002 rows saved"))
        saw_rows = TRUE;
    }
  g_assert_true (saw_rows);
  g_assert_cmpstr (g_ptr_array_index (seen, seen->len - 1), ==, "20002 of 20002 rows saved");
}

static void
test_add_and_archive (Fixture *f, gconstpointer data)
{
  g_autoptr(PlClassroom) c = pl_classroom_new ();
  g_autoptr(PlLearner) learner = NULL;
  PlLearnerDetail *detail;
  GtkEditable *preferred;

  pl_record_set_string (PL_RECORD (c), "name", "7B");
  g_assert_true (pl_store_save (f->store, PL_RECORD (c), NULL));
  g_object_set (f->page, "classroom", c, NULL);
  learner = pl_store_add_learner (f->store, pl_record_get_uuid (PL_RECORD (c)), "Amara", "Okafor", NULL);
  pl_learners_page_reload (f->page);
  g_assert_cmpuint (n_visible (f), ==, 1);

  g_assert_true (pl_learners_page_show_learner (f->page, pl_record_get_uuid (PL_RECORD (learner))));
  detail = PL_LEARNER_DETAIL (pl_learners_page_get_detail (f->page));
  preferred = pl_learner_detail_get_editable (detail, "preferred_name");
  gtk_editable_set_text (preferred, "Mara");
  /* Moving on to another view saves at once. */
  pl_learner_detail_flush (detail);
  {
    g_autoptr(PlLearner) again = pl_store_get (f->store, PL_TYPE_LEARNER, pl_record_get_uuid (PL_RECORD (learner)), NULL);
    g_assert_cmpstr (pl_record_get_string (PL_RECORD (again), "preferred_name"), ==, "Mara");
  }

  g_assert_true (pl_store_set_learner_archived (f->store, pl_profile_get_learner (pl_learner_detail_get_profile (detail)), TRUE, NULL));
  pl_learners_page_reload (f->page);
  g_assert_cmpuint (n_visible (f), ==, 0);
  pl_learners_page_set_filter (f->page, 4);   /* archived */
  g_assert_cmpuint (n_visible (f), ==, 1);
}

/* ---- the list at scale -------------------------------------------- */

/* The learner rows the list holds, in order. */
static GPtrArray *
list_rows (Fixture *f)
{
  GtkWidget *list = find_list_view (GTK_WIDGET (f->page));
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *item = gtk_widget_get_first_child (list); item != NULL; item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (row != NULL && PL_IS_LEARNER_ROW (row) && pl_learner_row_get_profile (PL_LEARNER_ROW (row)) != NULL)
        g_ptr_array_add (rows, row);
    }
  return rows;
}

static PlClassroom *
big_class (Fixture *f,
           guint    n)
{
  PlClassroom *c = pl_classroom_new ();

  pl_record_set_string (PL_RECORD (c), "name", "Year 7");
  g_assert_true (pl_store_save (f->store, PL_RECORD (c), NULL));
  g_assert_true (pl_store_begin (f->store, NULL));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *given = g_strdup_printf ("Kid%03u", i);
      g_autoptr(PlLearner) l = pl_store_add_learner (f->store, pl_record_get_uuid (PL_RECORD (c)), given,
                                                     i % 2 ? "Nguyen" : "Okafor", NULL);

      g_assert_nonnull (l);
    }
  g_assert_true (pl_store_commit (f->store, NULL));
  g_object_set (f->page, "classroom", c, NULL);
  spin (100);
  return c;
}

/* A keystroke changes what the rows show, not the rows: the list keeps
 * its row widgets (making two hundred new ones was most of a keystroke). */
static void
test_search_keeps_rows (Fixture *f, gconstpointer data)
{
  g_autoptr(PlClassroom) c = big_class (f, 300);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  GListModel *visible = pl_learners_page_get_visible (f->page);

  g_assert_cmpuint (n_visible (f), ==, 300);
  before = list_rows (f);
  g_assert_cmpuint (before->len, >, 20);
  search (f, "okafor");
  g_assert_cmpuint (n_visible (f), ==, 150);
  after = list_rows (f);
  g_assert_cmpuint (after->len, >, 20);
  for (guint i = 0; i < after->len; i++)
    {
      g_autoptr(PlProfile) shown = g_list_model_get_item (visible, i);

      g_assert_true (g_ptr_array_find (before, after->pdata[i], NULL));
      /* And each shows the learner at its place. */
      g_assert_true (pl_learner_row_get_profile (after->pdata[i]) == shown);
    }
}

static guint
index_of (GListModel *visible,
          const char *uuid)
{
  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(PlProfile) p = g_list_model_get_item (visible, i);

      if (g_strcmp0 (pl_profile_get_uuid (p), uuid) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* The selected row is the learner whose profile is open, wherever a
 * search puts them, and no row while the search hides them. */
static void
test_selection_follows_learner (Fixture *f, gconstpointer data)
{
  g_autoptr(PlClassroom) c = big_class (f, 40);
  GtkSelectionModel *selection = gtk_list_view_get_model (GTK_LIST_VIEW (find_list_view (GTK_WIDGET (f->page))));
  GListModel *visible = pl_learners_page_get_visible (f->page);
  PlLearnerDetail *detail = PL_LEARNER_DETAIL (pl_learners_page_get_detail (f->page));
  const char *uuid = NULL;
  PlProfile *open;

  for (guint i = 0; uuid == NULL && i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(PlProfile) p = g_list_model_get_item (visible, i);

      if (g_strcmp0 (pl_profile_get_display_name (p), "Kid007 Nguyen") == 0)
        uuid = pl_profile_get_uuid (p);
    }
  g_assert_nonnull (uuid);
  g_assert_true (pl_learners_page_show_learner (f->page, uuid));
  open = pl_learner_detail_get_profile (detail);
  g_assert_cmpstr (pl_profile_get_uuid (open), ==, uuid);
  g_assert_cmpuint (index_of (visible, uuid), ==, 3);   /* the Nguyens first, Kid001, 003, 005, 007 */
  g_assert_true (gtk_selection_model_is_selected (selection, 3));

  /* Kid000 to Kid009 and Kid007 still among them, elsewhere. */
  search (f, "kid00");
  g_assert_cmpuint (n_visible (f), ==, 10);
  search (f, "kid00 o");
  g_assert_cmpuint (n_visible (f), ==, 5);   /* the Okafors */
  g_assert_cmpuint (gtk_bitset_get_size (gtk_selection_model_get_selection (selection)), ==, 0);
  g_assert_true (pl_learner_detail_get_profile (detail) == open);   /* still open */
  search (f, "007");
  g_assert_cmpuint (n_visible (f), ==, 1);
  g_assert_true (gtk_selection_model_is_selected (selection, 0));
  search (f, "");
  g_assert_true (gtk_selection_model_is_selected (selection, index_of (visible, uuid)));
  g_assert_cmpuint (gtk_bitset_get_size (gtk_selection_model_get_selection (selection)), ==, 1);

  /* Enter in the search field opens the first learner found. */
  gtk_editable_set_text (pl_learners_page_get_search (f->page), "kid012");
  g_signal_emit_by_name (pl_learners_page_get_search (f->page), "activate");
  spin (50);
  g_assert_cmpstr (pl_profile_get_display_name (pl_learner_detail_get_profile (detail)), ==, "Kid012 Okafor");
  g_assert_true (gtk_selection_model_is_selected (selection, 0));
}

static const char *
button_text (GtkWidget *button)
{
  return gtk_label_get_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))));
}

/* The class line opens which fields are empty, each choice listing the
 * learners who leave it empty; "Stale or no notes" is what it says. */
static void
test_empty_fields (Fixture *f, gconstpointer data)
{
  g_autoptr(PlClassroom) c = big_class (f, 4);
  GListModel *visible = pl_learners_page_get_visible (f->page);
  GtkWidget *interests, *strengths, *goals;
  const char *with_interests[2];
  guint n = 0;

  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(PlProfile) p = g_list_model_get_item (visible, i);

      if (i < 2)
        {
          with_interests[n++] = g_intern_string (pl_profile_get_uuid (p));
          g_assert_true (pl_store_set_profile_value (f->store, pl_profile_get_uuid (p), "interests", "chess", NULL, NULL));
        }
      g_assert_true (pl_store_set_profile_value (f->store, pl_profile_get_uuid (p), "languages", "English", NULL, NULL));
      if (i == 3)
        {
          g_assert_true (pl_store_set_profile_value (f->store, pl_profile_get_uuid (p), "strengths", "kind", NULL, NULL));
          g_assert_nonnull (pl_store_add_note (f->store, pl_profile_get_uuid (p), "conference", "Talked", NULL, NULL, NULL));
        }
    }
  pl_learners_page_reload (f->page);
  g_assert_nonnull (strstr (pl_learners_page_get_summary (f->page), "4 learners"));
  g_assert_nonnull (strstr (pl_learners_page_get_summary (f->page), "0 stale · 3 without notes"));

  interests = pl_learners_page_get_empty_field_button (f->page, "interests");
  strengths = pl_learners_page_get_empty_field_button (f->page, "strengths");
  goals = pl_learners_page_get_empty_field_button (f->page, "goals");
  g_assert_cmpstr (button_text (interests), ==, "Interests: empty for 2 learners");
  g_assert_cmpstr (button_text (strengths), ==, "Strengths: empty for 3 learners");
  g_assert_cmpstr (button_text (goals), ==, "Goals: empty for 4 learners");
  g_assert_cmpstr (button_text (pl_learners_page_get_empty_field_button (f->page, "languages")), ==,
                   "Languages: filled in for everyone");
  g_assert_false (gtk_widget_get_sensitive (pl_learners_page_get_empty_field_button (f->page, "languages")));
  g_assert_null (pl_learners_page_get_empty_field_button (f->page, "iep"));   /* does not count */

  /* Choosing "Interests" lists the two without interests. */
  g_signal_emit_by_name (interests, "clicked");
  g_assert_cmpuint (n_visible (f), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PlProfile) p = g_list_model_get_item (visible, i);

      g_assert_true (g_intern_string (pl_profile_get_uuid (p)) != with_interests[0]);
      g_assert_true (g_intern_string (pl_profile_get_uuid (p)) != with_interests[1]);
      g_assert_cmpstr (pl_profile_get_value (p, "interests"), ==, "");
    }
  g_signal_emit_by_name (strengths, "clicked");
  g_assert_cmpuint (n_visible (f), ==, 3);

  /* The three without a note. */
  pl_learners_page_set_filter (f->page, 1);
  g_assert_cmpuint (n_visible (f), ==, 3);
  pl_learners_page_set_filter (f->page, 0);
  g_assert_cmpuint (n_visible (f), ==, 4);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/learners-page/import-and-profile", Fixture, NULL, fixture_set_up, test_import_and_profile, fixture_tear_down);
  g_test_add ("/learners-page/import-counts-learners-once", Fixture, NULL, fixture_set_up, test_import_counts_learners_once, fixture_tear_down);
  g_test_add ("/learners-page/bad-roster", Fixture, NULL, fixture_set_up, test_bad_roster, fixture_tear_down);
  g_test_add ("/learners-page/csv-mapping", Fixture, NULL, fixture_set_up, test_csv_mapping, fixture_tear_down);
  g_test_add ("/learners-page/csv-sample-rows", Fixture, NULL, fixture_set_up, test_csv_sample_rows, fixture_tear_down);
  g_test_add ("/learners-page/import-progress", Fixture, NULL, fixture_set_up, test_import_progress, fixture_tear_down);
  g_test_add ("/learners-page/add-and-archive", Fixture, NULL, fixture_set_up, test_add_and_archive, fixture_tear_down);

  g_test_add ("/learners-page/search-keeps-rows", Fixture, NULL, fixture_set_up, test_search_keeps_rows, fixture_tear_down);
  g_test_add ("/learners-page/selection-follows-learner", Fixture, NULL, fixture_set_up, test_selection_follows_learner, fixture_tear_down);

  g_test_add ("/learners-page/empty-fields", Fixture, NULL, fixture_set_up, test_empty_fields, fixture_tear_down);

  return g_test_run ();
}
