/* pl-boards-page.c — the Boards view: the class's unit and choice board,
 * milestone progress, and picks recorded quickly during a lesson
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include <glib/gi18n.h>

#include "core/pl-store-boards.h"
#include "core/pl-store-learners.h"
#include "pl-accessible.h"
#include "pl-board-assign-dialog.h"
#include "pl-board-editor.h"
#include "pl-boards-page-private.h"

enum {
  FILTER_EVERYONE,
  FILTER_NO_PICK,
  FILTER_BROKEN,
};


G_DEFINE_FINAL_TYPE (PlBoardsPage, pl_boards_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CLASSROOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (PlBoardsPage *self);

static PlStore *
store_of (PlBoardsPage *self)
{
  return pl_context_get_store (self->context);
}

static void
toast (PlBoardsPage *self,
       AdwToast     *t)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), t);
  else
    g_object_unref (g_object_ref_sink (t));
}

static const char *
selected_learner (PlBoardsPage *self)
{
  GtkStringObject *item = gtk_single_selection_get_selected_item (self->selection);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

static PlPick *
pick_of (PlBoardsPage *self,
         const char   *learner,
         const char   *option)
{
  GHashTable *mine = learner != NULL ? g_hash_table_lookup (self->picks, learner) : NULL;

  return mine != NULL ? g_hash_table_lookup (mine, option) : NULL;
}

/* The board the view shows: the one of the unit chosen at its top. */
static PlBoard *
current_board (PlBoardsPage  *self,
               GError       **error)
{
  PlUnit *unit = pl_unit_switcher_get_unit (self->unit_switcher);

  return unit != NULL ? pl_store_unit_board (store_of (self), pl_record_get_uuid (PL_RECORD (unit)), error) : NULL;
}

/* The unit a new board is made for: the one shown. */
static PlRecord *
current_unit (PlBoardsPage *self)
{
  PlUnit *unit = pl_unit_switcher_get_unit (self->unit_switcher);

  return unit != NULL ? g_object_ref (PL_RECORD (unit)) : NULL;
}

static guint
n_picked (PlBoardsPage *self,
          const char   *option)
{
  GHashTableIter iter;
  gpointer mine;
  guint n = 0;

  g_hash_table_iter_init (&iter, self->picks);
  while (g_hash_table_iter_next (&iter, NULL, &mine))
    n += g_hash_table_contains (mine, option) ? 1 : 0;
  return n;
}

/* ---- the grid --------------------------------------------------------- */

static void
update_grid (PlBoardsPage *self)
{
  const char *learner = selected_learner (self);
  PlBoardRules rules;

  if (self->board == NULL)
    return;
  pl_board_get_rules (self->board, &rules);
  for (guint i = 0; i < self->buttons->len; i++)
    {
      GtkWidget *button = self->buttons->pdata[i];
      g_autoptr(PlRecord) option = g_list_model_get_item (self->options, i);
      PlPick *pick = pick_of (self, learner, pl_record_get_uuid (option));
      guint picked = n_picked (self, pl_record_get_uuid (option));
      g_autofree char *text = NULL;
      g_autofree char *name = NULL;
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "picked by %u", "picked by %u", picked), picked);
      const char *status = pick != NULL ? pl_record_get_string (PL_RECORD (pick), "status") : NULL;
      const char *format = pl_record_get_string (option, "format");
      gboolean menu = g_strcmp0 (pl_record_get_string (PL_RECORD (self->board), "layout"), "menu") == 0;

      text = g_markup_printf_escaped ("<b>%s</b>%s\n<small>%s%s%s · %" PRId64 " min</small>\n<small>%s%s%s</small>",
                                      pl_record_get_string (option, "title"),
                                      pl_record_get_boolean (option, "required") && !menu ? _(" · required") : "",
                                      format != NULL ? pl_option_format_label (format) : "",
                                      format != NULL ? " · " : "",
                                      pl_option_grouping_label (pl_record_get_string (option, "grouping")),
                                      pl_record_get_int (option, "minutes"),
                                      count, status != NULL ? " · " : "",
                                      status != NULL ? pl_pick_status_label (status) : "");
      gtk_label_set_markup (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), text);
      if (pick != NULL)
        gtk_widget_add_css_class (button, "suggested-action");
      else
        gtk_widget_remove_css_class (button, "suggested-action");
      name = g_strdup_printf (_("%s, picked by %u; %s"), pl_record_get_string (option, "title"), picked,
                              status != NULL ? pl_pick_status_label (status) : _("not picked"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_set_sensitive (button, learner != NULL);
    }

  if (learner != NULL)
    {
      PlPickProblems problems = GPOINTER_TO_INT (g_hash_table_lookup (self->problems, learner));
      g_autofree char *why = pl_board_describe_picks (problems, &rules);
      g_autofree char *line = g_strdup_printf (_("%s — Enter picks an option or moves its pick on (chosen, in progress, submitted, assessed); Delete takes it back. %s"),
                                               (char *) g_hash_table_lookup (self->names, learner), why);
      gtk_label_set_label (self->learner_label, line);
    }
  else
    gtk_label_set_label (self->learner_label, _("Choose a learner in the list to record their picks."));
}

static void
on_option_clicked_cb (GtkButton    *button,
                      PlBoardsPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")) - 1;
  const char *learner = selected_learner (self);
  g_autoptr(PlRecord) option = NULL;
  g_autoptr(GError) error = NULL;
  PlPick *pick;

  if (learner == NULL || index >= g_list_model_get_n_items (self->options))
    return;
  option = g_list_model_get_item (self->options, index);
  pick = pick_of (self, learner, pl_record_get_uuid (option));
  if (pick != NULL)
    {
      if (!pl_store_advance_pick (store_of (self), pick, &error))
        toast (self, adw_toast_new_format (_("Not saved: %s"), error->message));
    }
  else
    {
      g_autoptr(PlPick) made = pl_store_record_pick (store_of (self), learner, pl_record_get_uuid (option), &error);

      if (made == NULL)
        toast (self, adw_toast_new_format (_("Not saved: %s"), error->message));
    }
  reload (self);
  gtk_widget_grab_focus (self->buttons->pdata[index]);
}

typedef struct
{
  PlBoardsPage *self;
  PlPick       *pick;
} UndoData;

static void
undo_data_free (gpointer data)
{
  UndoData *u = data;

  g_object_unref (u->pick);
  g_free (u);
}

static void
on_undo_clicked_cb (AdwToast *t,
                    UndoData *u)
{
  g_autoptr(GError) error = NULL;

  if (!pl_store_undelete (store_of (u->self), PL_RECORD (u->pick), &error))
    toast (u->self, adw_toast_new_format (_("Not restored: %s"), error->message));
  reload (u->self);
}

static void
remove_pick_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlBoardsPage *self = PL_BOARDS_PAGE (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  const char *learner = selected_learner (self);
  g_autoptr(PlRecord) option = NULL;
  g_autoptr(GError) error = NULL;
  PlPick *pick;
  AdwToast *t;
  UndoData *u;

  while (focus != NULL && g_object_get_data (G_OBJECT (focus), "index") == NULL)
    focus = gtk_widget_get_parent (focus);
  if (focus == NULL || learner == NULL)
    return;
  option = g_list_model_get_item (self->options, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (focus), "index")) - 1);
  pick = pick_of (self, learner, pl_record_get_uuid (option));
  if (pick == NULL)
    return;
  g_object_ref (pick);
  if (!pl_store_remove_pick (store_of (self), pick, &error))
    {
      toast (self, adw_toast_new_format (_("Not saved: %s"), error->message));
      g_object_unref (pick);
      return;
    }
  t = adw_toast_new_format (_("Pick of “%s” taken back"), pl_record_get_string (option, "title"));
  adw_toast_set_button_label (t, _("_Undo"));
  u = g_new0 (UndoData, 1);
  u->self = self;
  u->pick = pick;
  g_signal_connect_data (t, "button-clicked", G_CALLBACK (on_undo_clicked_cb), u,
                         (GClosureNotify) (void (*) (void)) undo_data_free, 0);
  toast (self, t);
  reload (self);
}

static void
build_grid (PlBoardsPage *self)
{
  GtkWidget *child;
  PlBoardRules rules;

  gboolean menu = g_strcmp0 (pl_record_get_string (PL_RECORD (self->board), "layout"), "menu") == 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->must_box))) != NULL)
    gtk_box_remove (self->must_box, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->may_box))) != NULL)
    gtk_box_remove (self->may_box, child);
  g_ptr_array_set_size (self->buttons, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->grid), !menu);
  gtk_widget_set_visible (GTK_WIDGET (self->menu_box), menu);
  pl_board_get_rules (self->board, &rules);
  for (guint i = 0; i < g_list_model_get_n_items (self->options); i++)
    {
      g_autoptr(PlRecord) option = g_list_model_get_item (self->options, i);
      GtkWidget *label = gtk_label_new (NULL);
      GtkWidget *button = gtk_button_new ();
      guint row = (guint) pl_record_get_int (option, "grid-row");
      guint col = rules.n_cols > 1 ? (guint) pl_record_get_int (option, "grid-col") : 0;

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_widget_set_tooltip_text (button, pl_record_get_string (option, "description"));
      /* Stored one up, so that the first option is not a NULL pointer. */
      g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (i + 1));
      g_signal_connect (button, "clicked", G_CALLBACK (on_option_clicked_cb), self);
      if (menu)
        gtk_box_append (g_strcmp0 (pl_record_get_string (option, "section"), "must") == 0 ? self->must_box : self->may_box,
                        button);
      else
        gtk_grid_attach (self->grid, button, (int) col, rules.n_cols > 1 ? (int) row : (int) i, 1, 1);
      g_ptr_array_add (self->buttons, button);
    }
}

/* ---- the learner list ------------------------------------------------- */

static char *
learner_summary (PlBoardsPage *self,
                 const char   *learner)
{
  GHashTable *mine = g_hash_table_lookup (self->picks, learner);
  PlPickProblems problems = GPOINTER_TO_INT (g_hash_table_lookup (self->problems, learner));
  guint n = mine != NULL ? g_hash_table_size (mine) : 0;
  PlBoardRules rules;
  g_autofree char *why = NULL;

  g_autoptr(GString) text = NULL;

  pl_board_get_rules (self->board, &rules);
  if (n == 0)
    return g_strdup (_("No pick yet"));
  /* Who picked what: the titles in board order, with how far each got. */
  text = g_string_new (NULL);
  g_string_printf (text, _("%u of %u picked"), n, rules.picks_required);
  for (guint i = 0; i < g_list_model_get_n_items (self->options); i++)
    {
      g_autoptr(PlRecord) option = g_list_model_get_item (self->options, i);
      PlPick *pick = g_hash_table_lookup (mine, pl_record_get_uuid (option));
      const char *status;

      if (pick == NULL)
        continue;
      status = pl_record_get_string (PL_RECORD (pick), "status");
      g_string_append (text, " · ");
      g_string_append (text, pl_record_get_string (option, "title"));
      if (g_strcmp0 (status, "assessed") == 0)
        g_string_append (text, " ✓");
      else
        {
          g_autofree char *lower = g_utf8_strdown (pl_pick_status_label (status), -1);

          g_string_append_printf (text, " (%s)", lower);
        }
    }
  why = pl_board_describe_picks (problems & ~PL_PICKS_TOO_FEW, &rules);
  if (why[0] != '\0')
    g_string_append_printf (text, " · %s", why);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *summary = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_widget_add_css_class (summary, "caption");
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), summary);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             PlBoardsPage             *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *summary = gtk_widget_get_next_sibling (name);
  const char *uuid = gtk_string_object_get_string (gtk_list_item_get_item (item));
  g_autofree char *text = learner_summary (self, uuid);
  PlPickProblems problems = GPOINTER_TO_INT (g_hash_table_lookup (self->problems, uuid));

  gtk_label_set_label (GTK_LABEL (name), g_hash_table_lookup (self->names, uuid));
  gtk_label_set_label (GTK_LABEL (summary), text);
  if ((problems & ~PL_PICKS_TOO_FEW) != 0)
    gtk_widget_add_css_class (summary, "error");
  else
    gtk_widget_remove_css_class (summary, "error");
}

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  PlBoardsPage *self = user_data;
  const char *uuid = gtk_string_object_get_string (item);
  GHashTable *mine = g_hash_table_lookup (self->picks, uuid);
  PlPickProblems problems = GPOINTER_TO_INT (g_hash_table_lookup (self->problems, uuid));

  switch (gtk_drop_down_get_selected (self->filter_dropdown))
    {
    case FILTER_NO_PICK:
      return mine == NULL || g_hash_table_size (mine) == 0;
    case FILTER_BROKEN:
      return (problems & ~PL_PICKS_TOO_FEW) != 0;
    default:
      return TRUE;
    }
}

static void
on_selection_changed_cb (GtkSingleSelection *selection,
                         GParamSpec         *pspec,
                         PlBoardsPage       *self)
{
  update_grid (self);
}

static void
on_filter_changed_cb (GtkDropDown  *dropdown,
                      GParamSpec   *pspec,
                      PlBoardsPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* ---- loading -------------------------------------------------------------- */

/* ---- the board's state: none yet, pilot group --------------------------- */

static void
update_board_actions (PlBoardsPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "boards.edit-board", self->board != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "boards.assign", self->board != NULL);
  _pl_boards_page_update_print_actions (self);
}

/* With a pilot group, the first filter says whom the list shows. */
static void
show_pilot_filter (PlBoardsPage *self)
{
  GtkStringList *items = GTK_STRING_LIST (gtk_drop_down_get_model (self->filter_dropdown));
  const char *want = self->pilot ? _("Pilot group") : _("Everyone");
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);

  if (g_strcmp0 (gtk_string_list_get_string (items, FILTER_EVERYONE), want) == 0)
    return;
  gtk_string_list_splice (items, FILTER_EVERYONE, 1, (const char * const []) { want, NULL });
  gtk_drop_down_set_selected (self->filter_dropdown, selected);
}

static void
reload (PlBoardsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) learners = NULL;
  g_autoptr(GListModel) picks = NULL;
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *keep = g_strdup (selected_learner (self));
  PlDesignProblems design;
  guint n_none = 0, n_broken = 0;
  g_autofree char *summary = NULL;
  g_autofree char *design_text = NULL;
  g_autofree char *rules_text = NULL;
  g_auto(GStrv) assignees = NULL;
  gboolean whole = TRUE;
  PlBoardRules rules;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_object (&self->board);
  g_clear_object (&self->options);
  if (self->context == NULL || self->classroom == NULL)
    {
      _pl_boards_page_show_no_class (self);
      update_board_actions (self);
      return;
    }
  if (!_pl_boards_page_load_unit (self))
    {
      update_board_actions (self);
      return;
    }
  self->board = current_board (self, &error);
  update_board_actions (self);
  if (self->board == NULL)
    {
      _pl_boards_page_show_no_board (self, error);
      return;
    }
  _pl_boards_page_show_board (self);
  self->options = pl_store_list_board_options (store_of (self), pl_record_get_uuid (PL_RECORD (self->board)), &error);
  picks = self->options != NULL ? pl_store_list_board_picks (store_of (self), pl_record_get_uuid (PL_RECORD (self->board)), &error) : NULL;
  learners = picks != NULL ? pl_store_list_class_learners (store_of (self), pl_record_get_uuid (PL_RECORD (self->classroom)), &error) : NULL;
  if (learners == NULL)
    {
      toast (self, adw_toast_new_format (_("Could not read the board: %s"), error->message));
      return;
    }

  pl_board_get_rules (self->board, &rules);
  rules_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: pick %u option%s%s", "%s: pick %u options%s%s",
                                             rules.picks_required),
                                pl_record_get_string (PL_RECORD (self->board), "title"), rules.picks_required,
                                rules.three_in_row ? _(" that make three in a row") : "",
                                g_strcmp0 (pl_record_get_string (PL_RECORD (self->board), "layout"), "menu") == 0
                                ? _(", every must-do option among them.") : _("; required options are marked."));
  adw_preferences_group_set_description (self->board_group, rules_text);
  design = pl_store_check_board_design (store_of (self), self->board, NULL);
  design_text = pl_board_describe_design (design);
  gtk_label_set_label (self->design_label, design_text);
  gtk_widget_set_visible (GTK_WIDGET (self->design_label), design != PL_DESIGN_OK);

  /* A pilot-group board is shown with its learners only. */
  assignees = pl_store_board_assignees (store_of (self), pl_record_get_uuid (PL_RECORD (self->board)),
                                        pl_record_get_uuid (PL_RECORD (self->classroom)), &whole, NULL);
  self->pilot = !whole && assignees != NULL && assignees[0] != NULL;
  show_pilot_filter (self);

  g_hash_table_remove_all (self->names);
  g_hash_table_remove_all (self->picks);
  g_hash_table_remove_all (self->problems);
  for (guint i = 0; i < g_list_model_get_n_items (learners); i++)
    {
      g_autoptr(PlRecord) l = g_list_model_get_item (learners, i);
      const char *preferred = pl_record_get_string (l, "preferred-name");

      if (pl_record_get_boolean (l, "archived"))
        continue;
      if (self->pilot && !g_strv_contains ((const char * const *) assignees, pl_record_get_uuid (l)))
        continue;
      g_hash_table_insert (self->names, g_strdup (pl_record_get_uuid (l)),
                           g_strdup_printf ("%s %s", preferred != NULL && preferred[0] != '\0' ? preferred
                                                       : pl_record_get_string (l, "given-name"),
                                            pl_record_get_string (l, "family-name")));
      g_ptr_array_add (uuids, g_strdup (pl_record_get_uuid (l)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (picks); i++)
    {
      g_autoptr(PlRecord) p = g_list_model_get_item (picks, i);
      const char *learner = pl_record_get_string (p, "learner-uuid");
      GHashTable *mine = g_hash_table_lookup (self->picks, learner);

      if (!g_hash_table_contains (self->names, learner))
        continue;
      if (mine == NULL)
        {
          mine = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
          g_hash_table_insert (self->picks, g_strdup (learner), mine);
        }
      g_hash_table_insert (mine, g_strdup (pl_record_get_string (p, "option-uuid")), g_object_ref (p));
    }
  for (guint i = 0; i < uuids->len; i++)
    {
      PlPickProblems problems = pl_store_check_learner_picks (store_of (self), self->board, uuids->pdata[i], NULL);

      g_hash_table_insert (self->problems, g_strdup (uuids->pdata[i]), GINT_TO_POINTER (problems));
      n_none += g_hash_table_contains (self->picks, uuids->pdata[i]) ? 0 : 1;
      n_broken += (problems & ~PL_PICKS_TOO_FEW) != 0 ? 1 : 0;
    }

  g_ptr_array_add (uuids, NULL);
  gtk_string_list_splice (self->learners, 0, g_list_model_get_n_items (G_LIST_MODEL (self->learners)),
                          (const char * const *) uuids->pdata);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (self->pilot)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Pilot group: %u learner · %u without a pick · %u with picks against the rules",
                                            "Pilot group: %u learners · %u without a pick · %u with picks against the rules",
                                            uuids->len - 1),
                               uuids->len - 1, n_none, n_broken);
  else
    summary = g_strdup_printf (_("%u learners · %u without a pick · %u with picks against the rules"),
                               uuids->len - 1, n_none, n_broken);
  gtk_label_set_label (self->summary_label, summary);

  build_grid (self);
  gtk_stack_set_visible_child_name (self->stack, "main");

  if (keep != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->filtered)); i++)
      {
        g_autoptr(GtkStringObject) o = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

        if (g_strcmp0 (gtk_string_object_get_string (o), keep) == 0)
          gtk_single_selection_set_selected (self->selection, i);
      }
  update_grid (self);
}

static gboolean
reload_timeout_cb (gpointer data)
{
  PlBoardsPage *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

void
_pl_boards_page_reload_soon (PlBoardsPage *self)
{
  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->reload_id = g_idle_add (reload_timeout_cb, self);
}

static void
on_store_changed_cb (PlStore      *store,
                     const char   *table,
                     PlBoardsPage *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (300, reload_timeout_cb, self);
}

/* ---- building, editing and assigning the board ------------------------- */

static void
open_editor (PlBoardsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  PlBoardEditor *editor;

  if (self->board == NULL)
    return;
  editor = pl_board_editor_new (self->context, self->board);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_board_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  open_editor (PL_BOARDS_PAGE (widget));
}

static void
create_board_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PlBoardsPage *self = PL_BOARDS_PAGE (widget);
  g_autoptr(PlRecord) unit = self->classroom != NULL ? current_unit (self) : NULL;
  g_autoptr(PlBoard) board = NULL;
  g_autoptr(GError) error = NULL;

  if (unit == NULL)
    return;
  board = pl_store_create_board (store_of (self), pl_record_get_uuid (unit), g_variant_get_string (parameter, NULL), &error);
  if (board == NULL)
    {
      toast (self, adw_toast_new_format (_("Not created: %s"), error->message));
      return;
    }
  reload (self);
  /* A new board is nine empty options: go on to fill them in. */
  open_editor (self);
}

static void
on_assign_response_cb (PlBoardAssignDialog *dialog,
                       const char          *response,
                       PlBoardsPage        *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "assign") != 0)
    return;
  if (!pl_board_assign_dialog_apply (dialog, &error))
    toast (self, adw_toast_new_format (_("Not assigned: %s"), error->message));
  reload (self);
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlBoardsPage *self = PL_BOARDS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  PlBoardAssignDialog *dialog;

  if (self->board == NULL)
    return;
  dialog = pl_board_assign_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, store_of (self),
                                       self->board, self->classroom);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_assign_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- between the learner list and the board, by keyboard ---------------- */

static gboolean
focus_in (GtkWidget *widget,
          GtkWidget *container)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == container || gtk_widget_is_ancestor (focus, container));
}

static void
focus_board (PlBoardsPage *self)
{
  guint at = 0;

  if (self->buttons->len == 0)
    return;
  if (selected_learner (self) == NULL && g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  /* The option the learner last picked, else the first. */
  for (guint i = 0; i < self->buttons->len; i++)
    if (gtk_widget_has_css_class (self->buttons->pdata[i], "suggested-action"))
      at = i;
  gtk_widget_grab_focus (self->buttons->pdata[at]);
}

static void
focus_learners (PlBoardsPage *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->learner_list), "list.scroll-to-item", "u", selected);
  gtk_widget_grab_focus (GTK_WIDGET (self->learner_list));
}

static void
focus_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PlBoardsPage *self = PL_BOARDS_PAGE (widget);

  if (g_str_equal (action_name, "boards.focus-board"))
    focus_board (self);
  else if (g_str_equal (action_name, "boards.focus-learners"))
    focus_learners (self);
  else if (focus_in (widget, GTK_WIDGET (self->learner_list)))
    focus_board (self);
  else
    focus_learners (self);
}

/* ---- GObject -------------------------------------------------------------- */

static void
set_context (PlBoardsPage *self,
             PlContext    *context)
{
  if (self->context == context)
    return;
  if (self->context != NULL && self->changed_id != 0)
    g_signal_handler_disconnect (pl_context_get_store (self->context), self->changed_id);
  self->changed_id = 0;
  g_set_object (&self->context, context);
  if (context != NULL)
    {
      self->changed_id = g_signal_connect (pl_context_get_store (context), "changed",
                                           G_CALLBACK (on_store_changed_cb), self);
      reload (self);
    }
}

static void
pl_boards_page_dispose (GObject *object)
{
  PlBoardsPage *self = PL_BOARDS_PAGE (object);

  set_context (self, NULL);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_BOARDS_PAGE);
  g_clear_object (&self->classroom);
  g_clear_object (&self->board);
  g_clear_object (&self->options);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->picks, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_hash_table_unref);
  g_clear_pointer (&self->buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (pl_boards_page_parent_class)->dispose (object);
}

static void
pl_boards_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PlBoardsPage *self = PL_BOARDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_CLASSROOM:
      g_value_set_object (value, self->classroom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_boards_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PlBoardsPage *self = PL_BOARDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_CLASSROOM:
      if (g_set_object (&self->classroom, g_value_get_object (value)))
        {
          if (self->context != NULL)
            reload (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_boards_page_class_init (PlBoardsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_boards_page_dispose;
  object_class->get_property = pl_boards_page_get_property;
  object_class->set_property = pl_boards_page_set_property;

  /* Set by the window once, right after the template builds the page. */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PL_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLASSROOM] =
    g_param_spec_object ("classroom", NULL, NULL, PL_TYPE_CLASSROOM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/PersonalLearn/boards/pl-boards-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PlBoardsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PlBoardsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PlBoardsPage, menu_box);
  gtk_widget_class_bind_template_child (widget_class, PlBoardsPage, must_box);
  gtk_widget_class_bind_template_child (widget_class, PlBoardsPage, may_box);
  gtk_widget_class_bind_template_child (widget_class, PlBoardsPage, board_group);
  gtk_widget_class_bind_template_child (widget_class, PlBoardsPage, design_label);
  gtk_widget_class_bind_template_child (widget_class, PlBoardsPage, grid);
  gtk_widget_class_bind_template_child (widget_class, PlBoardsPage, learner_label);
  gtk_widget_class_bind_template_child (widget_class, PlBoardsPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlBoardsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PlBoardsPage, learner_list);
  gtk_widget_class_bind_template_child (widget_class, PlBoardsPage, create_button);

  gtk_widget_class_install_action (widget_class, "boards.remove-pick", NULL, remove_pick_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "boards.remove-pick", NULL);

  gtk_widget_class_install_action (widget_class, "boards.edit-board", NULL, edit_board_action);
  gtk_widget_class_install_action (widget_class, "boards.assign", NULL, assign_action);
  gtk_widget_class_install_action (widget_class, "boards.create-board", "s", create_board_action);
  gtk_widget_class_install_action (widget_class, "boards.switch-pane", NULL, focus_action);
  gtk_widget_class_install_action (widget_class, "boards.focus-board", NULL, focus_action);
  gtk_widget_class_install_action (widget_class, "boards.focus-learners", NULL, focus_action);

  _pl_boards_page_units_class_init (widget_class);
}

/* Shortcuts of the whole view, wherever the focus is while it shows (the
 * view switcher, say), and only after a text field had its say. */
static void
add_view_shortcuts (PlBoardsPage *self)
{
  static const struct { const char *trigger, *action; } keys[] = {
    { "<Control>b", "boards.edit-board" },
    { "<Control>n", "boards.new-unit" },
    { "<Control>e", "boards.edit-unit" },
    { "<Control>p", "boards.print-unit" },
    { "F6", "boards.switch-pane" },
    { "<Shift>F6", "boards.switch-pane" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (keys[i].trigger),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
pl_boards_page_init (PlBoardsPage *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->picks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  self->problems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->buttons = g_ptr_array_new ();
  self->learners = gtk_string_list_new (NULL);
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->learners), GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->learner_list, GTK_SELECTION_MODEL (self->selection));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->learner_list, factory);
  g_object_unref (factory);
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (on_selection_changed_cb), self);
  g_signal_connect (self->filter_dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  pl_accessible_name_button (GTK_WIDGET (self->filter_dropdown), _("Show"));
  pl_accessible_name_button (self->create_button, _("Create Choice Board"));
  add_view_shortcuts (self);
  _pl_boards_page_units_init (self);
}
