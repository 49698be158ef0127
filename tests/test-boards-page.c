/* test-boards-page.c — the Boards view in the real window: the demo class's
 * board, recording a pick and moving it on from the grid, taking it back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core/pl-demo.h"
#include "core/pl-store-boards.h"
#include "boards/pl-boards-page.h"
#include "pl-application.h"
#include "pl-window.h"

/* One registered application for the whole run: its bus path can be
 * taken only once in a process. */
static PlApplication *shared_app;

static PlApplication *
the_app (void)
{
  g_autoptr(GError) error = NULL;

  if (shared_app == NULL)
    {
      shared_app = pl_application_new ();
      g_application_set_flags (G_APPLICATION (shared_app), G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (shared_app), NULL, &error));
      g_assert_no_error (error);
    }
  return shared_app;
}

static void
iterate (void)
{
  for (int i = 0; i < 5; i++)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_type (GtkWidget *root, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_sidebar_list (GtkWidget *root)
{
  if (GTK_IS_LIST_VIEW (root) && gtk_widget_has_css_class (root, "navigation-sidebar"))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_sidebar_list (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
option_button (GtkWidget *root, guint index)
{
  if (GTK_IS_BUTTON (root) && g_object_get_data (G_OBJECT (root), "index") != NULL &&
      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (root), "index")) == index + 1)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = option_button (c, index);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
live_picks (PlStore *store, const char *learner)
{
  g_autoptr(GListModel) picks = pl_store_list_where (store, PL_TYPE_PICK, "learner-uuid", learner, NULL);
  return g_list_model_get_n_items (picks);
}

static void
test_record_picks (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (NULL, &error);
  g_autoptr(GSettings) settings = g_settings_new (PL_APP_ID);
  PlApplication *app = the_app ();
  g_autoptr(PlContext) context = NULL;
  g_autoptr(PlBoard) board = NULL;
  g_autoptr(GListModel) options = NULL;
  GtkSingleSelection *selection;
  GtkWidget *page, *list, *button;
  PlWindow *window;
  PlDemoOptions demo;
  g_autofree char *learner = NULL;
  guint option = G_MAXUINT, before;

  pl_demo_options_init (&demo);
  g_assert_true (pl_demo_generate (store, &demo, NULL, &error));
  context = pl_context_new (store, settings);
  window = pl_window_new (GTK_APPLICATION (app), context);
  gtk_window_present (GTK_WINDOW (window));
  pl_window_set_view (window, "boards");
  iterate ();

  page = find_type (GTK_WIDGET (window), PL_TYPE_BOARDS_PAGE);
  list = find_sidebar_list (page);
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 24);
  gtk_single_selection_set_selected (selection, 0);
  iterate ();
  learner = g_strdup (gtk_string_object_get_string (gtk_single_selection_get_selected_item (selection)));

  /* An option this learner has not picked yet. */
  board = pl_store_class_board (store, pl_record_get_uuid (PL_RECORD (pl_context_get_classroom (context))), NULL);
  options = pl_store_list_board_options (store, pl_record_get_uuid (PL_RECORD (board)), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (options) && option == G_MAXUINT; i++)
    {
      g_autoptr(PlRecord) o = g_list_model_get_item (options, i);
      g_autoptr(PlPick) existing = NULL;
      g_autoptr(GListModel) mine = pl_store_list_where (store, PL_TYPE_PICK, "learner-uuid", learner, NULL);
      gboolean picked = FALSE;

      for (guint k = 0; k < g_list_model_get_n_items (mine); k++)
        {
          g_autoptr(PlRecord) p = g_list_model_get_item (mine, k);
          picked |= g_strcmp0 (pl_record_get_string (p, "option-uuid"), pl_record_get_uuid (o)) == 0;
        }
      if (!picked)
        option = i;
    }
  g_assert_cmpuint (option, !=, G_MAXUINT);
  before = live_picks (store, learner);

  /* Enter on the option picks it; again moves it on to in progress. */
  button = option_button (page, option);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  g_assert_cmpuint (live_picks (store, learner), ==, before + 1);
  button = option_button (page, option);
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  {
    g_autoptr(PlRecord) o = g_list_model_get_item (options, option);
    g_autoptr(PlPick) pick = pl_store_record_pick (store, learner, pl_record_get_uuid (o), NULL);

    g_assert_cmpstr (pl_record_get_string (PL_RECORD (pick), "status"), ==, "in-progress");
  }

  /* Delete takes it back. */
  button = option_button (page, option);
  gtk_widget_grab_focus (button);
  g_assert_true (gtk_widget_activate_action (page, "boards.remove-pick", NULL));
  iterate ();
  g_assert_cmpuint (live_picks (store, learner), ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static GtkLabel *
find_label_prefix (GtkWidget *root, const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (root)), prefix))
    return GTK_LABEL (root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found = find_label_prefix (c, prefix);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_buttons (GtkWidget *root)
{
  guint n = GTK_IS_BUTTON (root) && g_object_get_data (G_OBJECT (root), "index") != NULL ? 1 : 0;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += count_buttons (c);
  return n;
}

/* A menu board as two labelled lists, the picks of each learner by
 * title, and how many picked each option. */
static void
test_menu_and_who_picked_what (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (NULL, &error);
  g_autoptr(GSettings) settings = g_settings_new (PL_APP_ID);
  PlApplication *app = the_app ();
  g_autoptr(PlContext) context = NULL;
  g_autoptr(PlBoard) board = NULL;
  g_autoptr(GListModel) picks = NULL;
  g_autoptr(GListModel) options = NULL;
  g_autoptr(PlRecord) pick = NULL;
  g_autoptr(PlRecord) picked = NULL;
  GtkSingleSelection *selection;
  GtkWidget *page, *list, *must, *may, *grid;
  PlWindow *window;
  PlDemoOptions demo;
  const char *learner;
  guint n_learner_picks = 0;

  pl_demo_options_init (&demo);
  g_assert_true (pl_demo_generate (store, &demo, NULL, &error));
  context = pl_context_new (store, settings);
  board = pl_store_class_board (store, pl_record_get_uuid (PL_RECORD (pl_context_get_classroom (context))), NULL);
  g_assert_true (pl_store_set_board_layout (store, board, "menu", &error));
  window = pl_window_new (GTK_APPLICATION (app), context);
  gtk_window_present (GTK_WINDOW (window));
  pl_window_set_view (window, "boards");
  iterate ();
  page = find_type (GTK_WIDGET (window), PL_TYPE_BOARDS_PAGE);

  /* Must Do holds the required centre; May Do the eight others. */
  must = GTK_WIDGET (gtk_widget_get_template_child (page, PL_TYPE_BOARDS_PAGE, "must_box"));
  may = GTK_WIDGET (gtk_widget_get_template_child (page, PL_TYPE_BOARDS_PAGE, "may_box"));
  grid = GTK_WIDGET (gtk_widget_get_template_child (page, PL_TYPE_BOARDS_PAGE, "grid"));
  g_assert_true (gtk_widget_get_mapped (must));
  g_assert_false (gtk_widget_get_visible (grid));
  g_assert_cmpuint (count_buttons (must), ==, 1);
  g_assert_cmpuint (count_buttons (may), ==, 8);
  g_assert_nonnull (find_label_prefix (gtk_widget_get_parent (must), "Must Do"));
  g_assert_nonnull (find_label_prefix (gtk_widget_get_parent (may), "May Do"));

  /* Every demo learner picked the centre: its square says so. */
  {
    GtkWidget *centre = gtk_widget_get_first_child (must);
    const char *text = gtk_label_get_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (centre))));

    g_assert_nonnull (strstr (text, "picked by 24"));
  }

  /* The first learner's row names their picks. */
  list = find_sidebar_list (page);
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  {
    g_autoptr(GtkStringObject) first = g_list_model_get_item (G_LIST_MODEL (selection), 0);

    learner = g_intern_string (gtk_string_object_get_string (first));
  }
  picks = pl_store_list_board_picks (store, pl_record_get_uuid (PL_RECORD (board)), NULL);
  options = pl_store_list_board_options (store, pl_record_get_uuid (PL_RECORD (board)), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (picks); i++)
    {
      g_autoptr(PlRecord) p = g_list_model_get_item (picks, i);

      if (g_strcmp0 (pl_record_get_string (p, "learner-uuid"), learner) != 0)
        continue;
      n_learner_picks++;
      if (pick == NULL)
        pick = g_object_ref (p);
    }
  g_assert_nonnull (pick);
  picked = pl_store_get (store, PL_TYPE_CHOICE_OPTION, pl_record_get_string (pick, "option-uuid"), NULL);
  {
    g_autofree char *count = g_strdup_printf ("%u of 3 picked · ", n_learner_picks);
    GtkLabel *row = find_label_prefix (list, count);
    const char *status = pl_record_get_string (pick, "status");
    g_autofree char *lower = g_utf8_strdown (pl_pick_status_label (status), -1);
    g_autofree char *expected = g_str_equal (status, "assessed")
                                ? g_strdup_printf ("%s ✓", pl_record_get_string (picked, "title"))
                                : g_strdup_printf ("%s (%s)", pl_record_get_string (picked, "title"), lower);

    g_assert_nonnull (row);
    if (strstr (gtk_label_get_label (row), pl_record_get_string (picked, "title")) == NULL)
      g_error ("“%s” does not name “%s”", gtk_label_get_label (row), pl_record_get_string (picked, "title"));
    g_assert_nonnull (strstr (gtk_label_get_label (row), expected));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/boards-page/record-picks", test_record_picks);
  g_test_add_func ("/boards-page/menu-and-who-picked-what", test_menu_and_who_picked_what);
  return g_test_run ();
}
