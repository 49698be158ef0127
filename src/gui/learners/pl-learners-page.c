/* pl-learners-page.c — the Learners view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "pl-accessible.h"
#include "pl-slot-list-model.h"

#include "core/pl-store-learners.h"
#include "pl-learner-detail.h"
#include "pl-learner-row.h"
#include "pl-learners-page.h"
#include "pl-toasts.h"
#include "pl-roster-import-dialog.h"

enum {
  FILTER_ALL,
  FILTER_STALE_OR_UNNOTED,
  FILTER_INCOMPLETE,
  FILTER_ACCOMMODATIONS,
  FILTER_ARCHIVED,
  /* then one per counted profile field: the learners who leave it empty */
  FILTER_EMPTY_FIELD,
};

enum {
  SORT_FAMILY,
  SORT_GIVEN,
  SORT_COMPLETENESS,
  SORT_UPDATED,
};

struct _PlLearnersPage
{
  AdwBin              parent_instance;

  PlContext          *context;
  PlClassroom        *classroom;

  AdwToastOverlay    *toast_overlay;
  AdwLeaflet         *leaflet;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *filter_dropdown;
  GtkDropDown        *sort_dropdown;
  GtkListView        *list_view;
  GtkMenuButton      *summary_button;
  GtkLabel           *summary_label;
  GtkBox             *empty_box;
  GtkStack           *detail_stack;
  PlLearnerDetail    *detail;

  GListStore         *profiles;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkCustomSorter    *sorter;
  GtkSortListModel   *sorted;
  PlSlotListModel    *slots;
  GtkSingleSelection *selection;

  char               *query;     /* folded */
  gboolean            adopting;
  gboolean            model_changing;
  guint               filter_mode;
  guint               search_idle;
  /* The counted fields, in the order of the "Empty: …" filters. */
  const char         *empty_fields[16];
  guint               n_empty_fields;
  GtkWidget          *empty_buttons[16];
  gint64              now_ms;
  guint               reload_id;
  AdwToast           *undo_toast;   /* weak: the latest one with Undo */
  gulong              store_handler;
};

G_DEFINE_FINAL_TYPE (PlLearnersPage, pl_learners_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CLASSROOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- filtering and sorting ----------------------------------------- */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  PlLearnersPage *self = user_data;
  PlProfile *profile = item;
  guint mode = gtk_drop_down_get_selected (self->filter_dropdown);

  if (mode == FILTER_ARCHIVED)
    {
      if (!pl_profile_is_archived (profile))
        return FALSE;
    }
  else if (pl_profile_is_archived (profile))
    return FALSE;
  else if (mode == FILTER_STALE_OR_UNNOTED && !pl_profile_is_stale_or_unnoted (profile, self->now_ms))
    return FALSE;
  else if (mode == FILTER_INCOMPLETE && !pl_profile_is_incomplete (profile))
    return FALSE;
  else if (mode == FILTER_ACCOMMODATIONS && !pl_profile_has_accommodations (profile))
    return FALSE;
  else if (mode >= FILTER_EMPTY_FIELD && mode - FILTER_EMPTY_FIELD < self->n_empty_fields &&
           !pl_profile_is_empty (profile, self->empty_fields[mode - FILTER_EMPTY_FIELD]))
    return FALSE;

  return pl_profile_matches (profile, self->query);
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  PlLearnersPage *self = user_data;
  PlProfile *pa = (PlProfile *) a;
  PlProfile *pb = (PlProfile *) b;
  int r = 0;

  switch (gtk_drop_down_get_selected (self->sort_dropdown))
    {
    case SORT_GIVEN:
      r = g_utf8_collate (pl_profile_get_display_name (pa), pl_profile_get_display_name (pb));
      break;
    case SORT_COMPLETENESS:
      r = (int) pl_profile_get_n_filled (pa) - (int) pl_profile_get_n_filled (pb);
      break;
    case SORT_UPDATED:
      r = pl_profile_get_updated_ms (pa) < pl_profile_get_updated_ms (pb) ? -1 :
          pl_profile_get_updated_ms (pa) > pl_profile_get_updated_ms (pb) ? 1 : 0;
      break;
    default:
      break;
    }
  if (r == 0)
    r = g_strcmp0 (pl_profile_get_sort_key (pa), pl_profile_get_sort_key (pb));
  return r;
}

static void
apply_search (PlLearnersPage *self)
{
  g_autofree char *query = pl_profile_fold_query (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  GtkFilterChange change;

  g_clear_handle_id (&self->search_idle, g_source_remove);
  if (g_strcmp0 (query, self->query) == 0)
    return;
  /* Every word of the query must match: a query that extends the last
   * one can only hide learners, one it extends can only show more, so
   * the filter model looks at the shown (or hidden) learners only. */
  if (g_str_has_prefix (query, self->query))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (g_str_has_prefix (self->query, query))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;
  g_free (self->query);
  self->query = g_steal_pointer (&query);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static gboolean
search_idle_cb (gpointer data)
{
  PlLearnersPage *self = data;

  self->search_idle = 0;
  apply_search (self);
  return G_SOURCE_REMOVE;
}

static void
on_search_changed_cb (PlLearnersPage *self)
{
  /* Replacing the text empties the entry first, and the entry reports an
   * empty search at once: filtering then would show everyone only to
   * hide them again a moment later. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) == '\0')
    {
      if (self->search_idle == 0)
        self->search_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, search_idle_cb, self, NULL);
      return;
    }
  apply_search (self);
}

static void
on_filter_changed_cb (PlLearnersPage *self)
{
  guint mode = gtk_drop_down_get_selected (self->filter_dropdown);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  self->now_ms = g_get_real_time () / 1000;
  /* The archived are shown alone; the other choices are parts of all. */
  if (self->filter_mode == FILTER_ALL && mode != FILTER_ARCHIVED)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (mode == FILTER_ALL && self->filter_mode != FILTER_ARCHIVED)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  self->filter_mode = mode;
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
on_sort_changed_cb (PlLearnersPage *self)
{
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

/* ---- the list ------------------------------------------------------ */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, pl_learner_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             PlLearnersPage           *self)
{
  pl_learner_row_set_slot (PL_LEARNER_ROW (gtk_list_item_get_child (item)),
                           gtk_list_item_get_item (item), self->now_ms);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  pl_learner_row_set_slot (PL_LEARNER_ROW (gtk_list_item_get_child (item)), NULL, 0);
}

static void
on_empty_field_clicked_cb (GtkButton      *button,
                           PlLearnersPage *self)
{
  guint k = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "pl-field"));

  gtk_popover_popdown (gtk_menu_button_get_popover (self->summary_button));
  gtk_drop_down_set_selected (self->filter_dropdown, FILTER_EMPTY_FIELD + k);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* The class line under the list, and behind it which fields the class's
 * profiles leave empty (the same sums as the class's profile quality). */
static void
update_summary (PlLearnersPage *self)
{
  const PlProfileFieldInfo *fields;
  guint empty[G_N_ELEMENTS (self->empty_buttons)] = { 0 };
  g_autofree char *text = NULL;
  PlProfileQuality q;
  guint n_fields;

  fields = pl_profile_get_fields (&n_fields);
  g_return_if_fail (n_fields <= G_N_ELEMENTS (empty));
  pl_profile_summarize (G_LIST_MODEL (self->profiles), self->now_ms, &q, empty);
  if (q.n_learners == 0)
    text = g_strdup (_("No learners yet. Add them one by one or import the roster your school sends."));
  else
    /* Translators: the class summary under the learner list */
    text = g_strdup_printf (ngettext ("%u learner · profiles %u %% complete · %u complete · %u stale · %u without notes",
                                      "%u learners · profiles %u %% complete · %u complete · %u stale · %u without notes",
                                      q.n_learners),
                            q.n_learners, q.mean_completeness, q.n_complete, q.n_stale, q.n_unnoted);
  gtk_label_set_label (self->summary_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->summary_button), q.n_learners > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->summary_button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

  for (guint k = 0, f = 0; f < n_fields; f++)
    {
      const char *label = g_dgettext (GETTEXT_PACKAGE, fields[f].label);
      g_autofree char *line = NULL;
      GtkWidget *button;

      if (!fields[f].counts)
        continue;
      button = self->empty_buttons[k++];
      if (empty[f] == 0)
        /* Translators: in the list of empty profile fields of a class */
        line = g_strdup_printf (_("%s: filled in for everyone"), label);
      else
        /* Translators: in the list of empty profile fields of a class, e.g. "Interests: empty for 4 learners" */
        line = g_strdup_printf (ngettext ("%s: empty for %u learner", "%s: empty for %u learners", empty[f]),
                                label, empty[f]);
      gtk_label_set_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), line);
      gtk_widget_set_sensitive (button, empty[f] > 0);
    }
}

/* The list shows the learner whose profile is open as selected, wherever
 * a search, filter, sort or reload puts them (the selection model holds
 * places, not learners). */
static guint
position_of (PlLearnersPage *self,
             PlProfile      *profile)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  for (guint i = 0; profile != NULL && i < n; i++)
    {
      g_autoptr(PlProfile) p = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (p == profile)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
on_model_changing_cb (PlLearnersPage *self)
{
  self->model_changing = TRUE;
}

static void
on_model_changed_cb (PlLearnersPage *self)
{
  PlProfile *editing = pl_learner_detail_get_profile (self->detail);
  guint selected = gtk_single_selection_get_selected (self->selection);
  g_autoptr(PlProfile) there = NULL;

  if (selected != GTK_INVALID_LIST_POSITION)
    there = g_list_model_get_item (G_LIST_MODEL (self->filtered), selected);
  if (there == NULL || there != editing)
    gtk_single_selection_set_selected (self->selection, position_of (self, editing));
  self->model_changing = FALSE;
}

void
pl_learners_page_reload (PlLearnersPage *self)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  PlProfile *editing;
  guint n;

  g_return_if_fail (PL_IS_LEARNERS_PAGE (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->context == NULL)
    return;

  self->now_ms = g_get_real_time () / 1000;
  list = pl_store_list_profiles (pl_context_get_store (self->context),
                                 self->classroom != NULL ? pl_record_get_uuid (PL_RECORD (self->classroom)) : NULL,
                                 &error);
  if (list == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new_format (_("Could not read the learners: %s"), error->message));
      return;
    }

  /* The profile being edited takes the fresh values without disturbing
   * what is being typed. */
  editing = pl_learner_detail_get_profile (self->detail);
  n = g_list_model_get_n_items (list);
  items = g_ptr_array_new_full (n, g_object_unref);
  self->adopting = TRUE;
  for (guint i = 0; i < n; i++)
    {
      PlProfile *p = g_list_model_get_item (list, i);

      pl_profile_prepare_search (p);
      if (editing != NULL && g_strcmp0 (pl_profile_get_uuid (p), pl_profile_get_uuid (editing)) == 0)
        pl_learner_detail_adopt (self->detail, p);
      g_ptr_array_add (items, p);
    }
  g_list_store_splice (self->profiles, 0, g_list_model_get_n_items (G_LIST_MODEL (self->profiles)),
                       items->pdata, items->len);
  self->adopting = FALSE;
  update_summary (self);
}

static gboolean
reload_idle_cb (gpointer data)
{
  PlLearnersPage *self = data;

  self->reload_id = 0;
  pl_learners_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (PlStore        *store,
                     const char     *table,
                     PlLearnersPage *self)
{
  static const char * const tables[] = { "learner", "enrollment", "profile_field", "note", NULL };

  if (!g_strv_contains (tables, table) || self->reload_id != 0)
    return;
  /* Edits come in bursts while the teacher types: refresh once after. */
  self->reload_id = g_timeout_add (250, reload_idle_cb, self);
}

static void
show_profile (PlLearnersPage *self,
              PlProfile      *profile)
{
  pl_learner_detail_set_profile (self->detail, profile, self->classroom);
  gtk_stack_set_visible_child_name (self->detail_stack, profile != NULL ? "detail" : "empty");
}

static void
on_selection_changed_cb (PlLearnersPage *self)
{
  PlListSlot *slot = gtk_single_selection_get_selected_item (self->selection);
  PlProfile *profile = slot != NULL ? pl_list_slot_get_item (slot) : NULL;
  PlProfile *editing = pl_learner_detail_get_profile (self->detail);

  /* A search or filter that hides the learner being edited leaves the
   * profile open; only choosing another learner replaces it. */
  if (self->adopting || self->model_changing || profile == NULL || profile == editing ||
      (editing != NULL && g_strcmp0 (pl_profile_get_uuid (profile), pl_profile_get_uuid (editing)) == 0))
    return;
  show_profile (self, profile);
}

static void
on_learner_activated_cb (PlLearnersPage *self,
                         guint           position)
{
  gtk_single_selection_set_selected (self->selection, position);
  on_selection_changed_cb (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  pl_learner_detail_focus (self->detail);
}

/* Enter in the search field opens the first learner found: a name and
 * Enter is the quickest way to a profile with the keyboard. */
static void
on_search_activated_cb (PlLearnersPage *self)
{
  apply_search (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    on_learner_activated_cb (self, 0);
}

static void
on_detail_back_cb (PlLearnersPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
on_detail_message_cb (PlLearnersPage *self,
                      const char     *message)
{
  /* The latest word wins, so that it never waits behind an older toast. */
  pl_toasts_replace (self->toast_overlay, &self->undo_toast, adw_toast_new (message));
}

/* One Undo at a time, for the latest change: an older toast waiting in
 * front of it would undo something else. */
static void
show_undo_toast (PlLearnersPage *self,
                 AdwToast       *toast)
{
  pl_toasts_replace (self->toast_overlay, &self->undo_toast, g_object_ref (toast));
}

static void
on_detail_toast_cb (PlLearnersPage *self,
                    AdwToast       *toast)
{
  show_undo_toast (self, toast);
}

static void
undo_archive_cb (AdwToast *toast,
                 gpointer  user_data)
{
  PlLearnersPage *self = g_object_get_data (G_OBJECT (toast), "page");
  PlLearner *learner = g_object_get_data (G_OBJECT (toast), "learner");
  g_autoptr(GError) error = NULL;

  if (self == NULL || self->context == NULL)
    return;
  if (!pl_store_set_learner_archived (pl_context_get_store (self->context), learner,
                                      !pl_record_get_boolean (PL_RECORD (learner), "archived"), &error))
    on_detail_message_cb (self, error->message);
}

static void
on_detail_archived_cb (PlLearnersPage *self,
                       PlLearner      *learner,
                       gboolean        archived)
{
  AdwToast *toast;
  g_autofree char *title = NULL;
  const char *given = pl_record_get_string (PL_RECORD (learner), "given_name");

  title = archived ? g_strdup_printf (_("%s archived"), given) : g_strdup_printf (_("%s restored"), given);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "page", g_object_ref (self), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "learner", g_object_ref (learner), g_object_unref);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_archive_cb), NULL);
  show_undo_toast (self, toast);
  g_object_unref (toast);
}

/* ---- actions ------------------------------------------------------- */

static void
add_learner_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         PlLearnersPage   *self)
{
  GtkEditable *given = g_object_get_data (G_OBJECT (dialog), "given");
  GtkEditable *family = g_object_get_data (G_OBJECT (dialog), "family");
  g_autoptr(PlLearner) learner = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *g = NULL;
  g_autofree char *f = NULL;

  if (g_strcmp0 (response, "add") != 0 || self->context == NULL)
    return;
  g = g_strstrip (g_strdup (gtk_editable_get_text (given)));
  f = g_strstrip (g_strdup (gtk_editable_get_text (family)));
  if (*g == '\0' && *f == '\0')
    return;
  learner = pl_store_add_learner (pl_context_get_store (self->context),
                                  self->classroom != NULL ? pl_record_get_uuid (PL_RECORD (self->classroom)) : NULL,
                                  g, f, &error);
  if (learner == NULL)
    {
      on_detail_message_cb (self, error->message);
      return;
    }
  pl_learners_page_reload (self);
  gtk_drop_down_set_selected (self->filter_dropdown, FILTER_ALL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  apply_search (self);
  pl_learners_page_show_learner (self, pl_record_get_uuid (PL_RECORD (learner)));
}

static void
on_add_entry_changed_cb (GtkEditable      *editable,
                         AdwMessageDialog *dialog)
{
  GtkEditable *given = g_object_get_data (G_OBJECT (dialog), "given");
  GtkEditable *family = g_object_get_data (G_OBJECT (dialog), "family");

  adw_message_dialog_set_response_enabled (dialog, "add",
                                           *gtk_editable_get_text (given) != '\0' ||
                                           *gtk_editable_get_text (family) != '\0');
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PlLearnersPage *self = PL_LEARNERS_PAGE (widget);
  GtkWidget *dialog, *box, *given, *family;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Add a Learner"),
                                   self->classroom != NULL
                                     ? _("The learner joins the class shown now. Fill in the profile afterwards.")
                                     : NULL);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  given = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (given), _("Given name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (given), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Given name"), -1);
  family = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (family), _("Family name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (family), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Family name"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (given), TRUE);
  gtk_entry_set_activates_default (GTK_ENTRY (family), TRUE);
  gtk_box_append (GTK_BOX (box), given);
  gtk_box_append (GTK_BOX (box), family);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "given", given);
  g_object_set_data (G_OBJECT (dialog), "family", family);
  g_signal_connect (given, "changed", G_CALLBACK (on_add_entry_changed_cb), dialog);
  g_signal_connect (family, "changed", G_CALLBACK (on_add_entry_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_learner_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (given);
}

static void
on_import_done_cb (PlRosterImportDialog *dialog,
                   const char           *summary,
                   PlLearnersPage       *self)
{
  pl_learners_page_reload (self);
  on_detail_message_cb (self, summary);
}

void
pl_learners_page_import_roster (PlLearnersPage *self)
{
  PlRosterImportDialog *dialog;

  g_return_if_fail (PL_IS_LEARNERS_PAGE (self));
  if (self->context == NULL)
    return;
  dialog = pl_roster_import_dialog_new (self->context, self->classroom);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_import_done_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  pl_learners_page_import_roster (PL_LEARNERS_PAGE (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlLearnersPage *self = PL_LEARNERS_PAGE (widget);

  pl_learner_detail_flush (self->detail);
  on_detail_back_cb (self);
}

/* From other views (win.show-learner): the learner's profile, even when
 * the search or filter hides them or they are in another class. */
static void
show_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlLearnersPage *self = PL_LEARNERS_PAGE (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);
  g_autoptr(PlProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  if (pl_learners_page_show_learner (self, uuid))
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  apply_search (self);
  gtk_drop_down_set_selected (self->filter_dropdown, FILTER_ALL);
  if (pl_learners_page_show_learner (self, uuid) || self->context == NULL)
    return;
  profile = pl_store_load_profile (pl_context_get_store (self->context), uuid, &error);
  if (profile == NULL)
    {
      on_detail_message_cb (self, error->message);
      return;
    }
  show_profile (self, profile);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PlLearnersPage *self = PL_LEARNERS_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- GObject ------------------------------------------------------- */

static void
set_context (PlLearnersPage *self,
             PlContext      *context)
{
  if (self->context != NULL && self->store_handler != 0)
    g_clear_signal_handler (&self->store_handler, pl_context_get_store (self->context));
  g_set_object (&self->context, context);
  pl_learner_detail_set_context (self->detail, context);
  if (context != NULL)
    self->store_handler = g_signal_connect (pl_context_get_store (context), "changed",
                                            G_CALLBACK (on_store_changed_cb), self);
  pl_learners_page_reload (self);
}

static void
pl_learners_page_dispose (GObject *object)
{
  PlLearnersPage *self = PL_LEARNERS_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->search_idle, g_source_remove);
  g_clear_weak_pointer (&self->undo_toast);
  if (self->context != NULL && self->store_handler != 0)
    g_clear_signal_handler (&self->store_handler, pl_context_get_store (self->context));
  if (self->detail != NULL)
    pl_learner_detail_flush (self->detail);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_LEARNERS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->slots);
  g_clear_object (&self->filtered);
  g_clear_object (&self->classroom);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pl_learners_page_parent_class)->dispose (object);
}

static void
pl_learners_page_finalize (GObject *object)
{
  PlLearnersPage *self = PL_LEARNERS_PAGE (object);

  g_free (self->query);

  G_OBJECT_CLASS (pl_learners_page_parent_class)->finalize (object);
}

static void
pl_learners_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlLearnersPage *self = PL_LEARNERS_PAGE (object);

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
pl_learners_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PlLearnersPage *self = PL_LEARNERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      if (self->context != g_value_get_object (value))
        {
          set_context (self, g_value_get_object (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_CLASSROOM:
      if (g_set_object (&self->classroom, g_value_get_object (value)))
        {
          pl_learner_detail_flush (self->detail);
          show_profile (self, NULL);
          gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
          pl_learners_page_reload (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_learners_page_class_init (PlLearnersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_learners_page_dispose;
  object_class->finalize = pl_learners_page_finalize;
  object_class->get_property = pl_learners_page_get_property;
  object_class->set_property = pl_learners_page_set_property;

  /* Set by the window once, right after the template builds the page. */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PL_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLASSROOM] =
    g_param_spec_object ("classroom", NULL, NULL, PL_TYPE_CLASSROOM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PL_TYPE_LEARNER_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/PersonalLearn/learners/pl-learners-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PlLearnersPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PlLearnersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PlLearnersPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlLearnersPage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlLearnersPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, PlLearnersPage, summary_button);
  gtk_widget_class_bind_template_child (widget_class, PlLearnersPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PlLearnersPage, empty_box);
  gtk_widget_class_bind_template_child (widget_class, PlLearnersPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, PlLearnersPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_learner_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_back_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_archived_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_message_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_toast_cb);

  gtk_widget_class_install_action (widget_class, "learners.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "learners.import-roster", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "learners.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "learners.show", "s", show_action);
  /* Back from a profile to the list, as in a browser. */
  gtk_widget_class_install_action (widget_class, "learners.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "learners.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "learners.focus-search", NULL);
}

/* "Empty: Interests" and the like in the Show menu, and the buttons of
 * the summary's popover that choose them. */
static void
add_empty_field_filters (PlLearnersPage *self)
{
  GListModel *model = gtk_drop_down_get_model (self->filter_dropdown);
  const PlProfileFieldInfo *fields;
  guint n_fields;

  fields = pl_profile_get_fields (&n_fields);
  for (guint f = 0; f < n_fields && self->n_empty_fields < G_N_ELEMENTS (self->empty_fields); f++)
    {
      g_autofree char *item = NULL;
      GtkWidget *button, *label;

      if (!fields[f].counts)
        continue;
      /* Translators: a choice of the learner list's Show menu: the learners whose profile leaves this field empty */
      item = g_strdup_printf (_("Empty: %s"), g_dgettext (GETTEXT_PACKAGE, fields[f].label));
      gtk_string_list_append (GTK_STRING_LIST (model), item);

      label = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data (G_OBJECT (button), "pl-field", GUINT_TO_POINTER (self->n_empty_fields));
      g_signal_connect (button, "clicked", G_CALLBACK (on_empty_field_clicked_cb), self);
      gtk_box_append (self->empty_box, button);
      self->empty_fields[self->n_empty_fields] = fields[f].name;
      self->empty_buttons[self->n_empty_fields] = button;
      self->n_empty_fields++;
    }
}

static void
pl_learners_page_init (PlLearnersPage *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The bin's own child: not a bound template child, which the template's
   * dispose would unparent a second time. */
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));

  self->query = g_strdup ("");
  self->now_ms = g_get_real_time () / 1000;
  self->profiles = g_list_store_new (PL_TYPE_PROFILE);
  /* Sorted first, filtered on top: a keystroke changes the filter only,
   * and the order stays as it was instead of being sorted again. */
  self->sorter = gtk_custom_sorter_new (sort_func, self, NULL);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->profiles), GTK_SORTER (self->sorter));
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->sorted), GTK_FILTER (self->filter));
  gtk_filter_list_model_set_incremental (self->filtered, FALSE);
  /* Around the slots' own handler: what the selection model reports while
   * the list changes is not the teacher choosing someone. */
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (on_model_changing_cb), self);
  self->slots = pl_slot_list_model_new (G_LIST_MODEL (self->filtered));
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (on_model_changed_cb), self);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slots)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selection_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  add_empty_field_filters (self);
  g_object_bind_property (self->leaflet, "folded", self->detail, "folded", G_BINDING_SYNC_CREATE);
  pl_accessible_name_button (GTK_WIDGET (self->filter_dropdown), _("Show"));
  pl_accessible_name_button (GTK_WIDGET (self->sort_dropdown), _("Sort by"));
  update_summary (self);
}

GListModel *
pl_learners_page_get_visible (PlLearnersPage *self)
{
  g_return_val_if_fail (PL_IS_LEARNERS_PAGE (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

GtkEditable *
pl_learners_page_get_search (PlLearnersPage *self)
{
  g_return_val_if_fail (PL_IS_LEARNERS_PAGE (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

void
pl_learners_page_set_filter (PlLearnersPage *self,
                             guint           filter)
{
  g_return_if_fail (PL_IS_LEARNERS_PAGE (self));
  gtk_drop_down_set_selected (self->filter_dropdown, filter);
}

gboolean
pl_learners_page_show_learner (PlLearnersPage *self,
                               const char     *learner_uuid)
{
  guint n;

  g_return_val_if_fail (PL_IS_LEARNERS_PAGE (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlProfile) p = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (g_strcmp0 (pl_profile_get_uuid (p), learner_uuid) == 0)
        {
          on_learner_activated_cb (self, i);
          return TRUE;
        }
    }
  return FALSE;
}

const char *
pl_learners_page_get_summary (PlLearnersPage *self)
{
  g_return_val_if_fail (PL_IS_LEARNERS_PAGE (self), NULL);
  return gtk_label_get_label (self->summary_label);
}

void
pl_learners_page_show_empty_field (PlLearnersPage *self,
                                   const char     *field)
{
  g_return_if_fail (PL_IS_LEARNERS_PAGE (self));

  for (guint k = 0; k < self->n_empty_fields; k++)
    if (g_strcmp0 (self->empty_fields[k], field) == 0)
      gtk_drop_down_set_selected (self->filter_dropdown, FILTER_EMPTY_FIELD + k);
}

GtkWidget *
pl_learners_page_get_empty_field_button (PlLearnersPage *self,
                                         const char     *field)
{
  g_return_val_if_fail (PL_IS_LEARNERS_PAGE (self), NULL);

  for (guint k = 0; k < self->n_empty_fields; k++)
    if (g_strcmp0 (self->empty_fields[k], field) == 0)
      return self->empty_buttons[k];
  return NULL;
}

GtkWidget *
pl_learners_page_get_detail (PlLearnersPage *self)
{
  g_return_val_if_fail (PL_IS_LEARNERS_PAGE (self), NULL);
  return GTK_WIDGET (self->detail);
}
