/* pl-checkins-page.c — the Check-ins view: goals and weekly check-ins,
 * built for a three-minute conference run from the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "core/pl-store-goals.h"
#include "core/pl-store-learners.h"
#include "core/pl-teacher-pin.h"
#include "pl-accessible.h"
#include "pl-checkins-page-private.h"

enum {
  FILTER_EVERYONE,
  FILTER_NOT_THIS_WEEK,
  FILTER_QUIET,
};


G_DEFINE_FINAL_TYPE (PlCheckinsPage, pl_checkins_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CLASSROOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_learner (PlCheckinsPage *self, const char *uuid);

guint
_pl_checkins_page_weekday (PlCheckinsPage *self)
{
  return pl_context_get_checkin_weekday (self->context);
}

void
_pl_checkins_page_toast (PlCheckinsPage *self,
                         AdwToast       *t)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), t);
  else
    g_object_unref (g_object_ref_sink (t));
}

PlStore *
_pl_checkins_page_store (PlCheckinsPage *self)
{
  return pl_context_get_store (self->context);
}

/* ---- the learner list --------------------------------------------------- */

static const char *
state_icon (PlCheckinState state)
{
  switch (state)
    {
    case PL_CHECKIN_STATE_DONE:
      return "emblem-ok-symbolic";
    case PL_CHECKIN_STATE_DUE:
      return "alarm-symbolic";
    case PL_CHECKIN_STATE_MISSING:
    default:
      return "dialog-warning-symbolic";
    }
}

static char *
state_text (PlCheckinStatus *s)
{
  switch (s->state)
    {
    case PL_CHECKIN_STATE_DONE:
      return g_strdup (_("Checked in this week"));
    case PL_CHECKIN_STATE_DUE:
      return g_strdup_printf (_("Due — last on %s"), s->last_checked);
    case PL_CHECKIN_STATE_MISSING:
    default:
      if (s->last_checked == NULL)
        return g_strdup (_("Not checked in yet"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Quiet for %d day", "Quiet for %d days",
                                           s->days_since), s->days_since);
    }
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *state = gtk_label_new (NULL);
  GtkWidget *icon = gtk_image_new ();

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (state), 0);
  gtk_widget_add_css_class (state, "dim-label");
  gtk_widget_add_css_class (state, "caption");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), name);
  gtk_box_append (GTK_BOX (text), state);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             PlCheckinsPage           *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *text = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_first_child (text);
  GtkWidget *state = gtk_widget_get_next_sibling (name);
  GtkWidget *icon = gtk_widget_get_next_sibling (text);
  const char *uuid = gtk_string_object_get_string (gtk_list_item_get_item (item));
  PlCheckinStatus *s = g_hash_table_lookup (self->status, uuid);
  g_autofree char *st = s != NULL ? state_text (s) : g_strdup ("");

  gtk_label_set_label (GTK_LABEL (name), g_hash_table_lookup (self->names, uuid));
  gtk_label_set_label (GTK_LABEL (state), st);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), s != NULL ? state_icon (s->state) : NULL);
  /* The icon repeats the text below the name, for sighted users only. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
}

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  PlCheckinsPage *self = user_data;
  PlCheckinStatus *s = g_hash_table_lookup (self->status, gtk_string_object_get_string (item));
  guint mode = gtk_drop_down_get_selected (self->filter_dropdown);

  if (s == NULL)
    return mode == FILTER_EVERYONE;
  if (mode == FILTER_NOT_THIS_WEEK)
    return s->state != PL_CHECKIN_STATE_DONE;
  if (mode == FILTER_QUIET)
    return s->state == PL_CHECKIN_STATE_MISSING;
  return TRUE;
}

static void
free_status (gpointer data)
{
  pl_checkin_status_clear (data);
  g_free (data);
}

static void
reload (PlCheckinsPage *self)
{
  g_autoptr(GArray) status = NULL;
  g_autoptr(GListModel) learners = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) uuids = g_ptr_array_new ();
  g_autofree char *keep = g_strdup (self->learner);
  guint done = 0, quiet = 0;
  g_autofree char *summary = NULL;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->context == NULL || self->classroom == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Class Yet"));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  status = pl_store_class_checkin_status (_pl_checkins_page_store (self), pl_record_get_uuid (PL_RECORD (self->classroom)),
                                          NULL, _pl_checkins_page_weekday (self), &error);
  learners = status != NULL ? pl_store_list_class_learners (_pl_checkins_page_store (self),
                                                            pl_record_get_uuid (PL_RECORD (self->classroom)),
                                                            &error) : NULL;
  if (learners == NULL)
    {
      _pl_checkins_page_toast (self, adw_toast_new_format (_("Could not read the check-ins: %s"), error->message));
      return;
    }

  g_hash_table_remove_all (self->names);
  for (guint i = 0; i < g_list_model_get_n_items (learners); i++)
    {
      g_autoptr(PlRecord) l = g_list_model_get_item (learners, i);
      const char *preferred = pl_record_get_string (l, "preferred-name");

      g_hash_table_insert (self->names, g_strdup (pl_record_get_uuid (l)),
                           g_strdup_printf ("%s %s",
                                            preferred != NULL && preferred[0] != '\0' ? preferred
                                              : pl_record_get_string (l, "given-name"),
                                            pl_record_get_string (l, "family-name")));
    }

  g_hash_table_remove_all (self->status);
  for (guint i = 0; i < status->len; i++)
    {
      PlCheckinStatus *s = g_new0 (PlCheckinStatus, 1);

      *s = g_array_index (status, PlCheckinStatus, i);
      /* ownership of the strings moves to the table */
      g_array_index (status, PlCheckinStatus, i).learner_uuid = NULL;
      g_array_index (status, PlCheckinStatus, i).last_checked = NULL;
      g_hash_table_insert (self->status, s->learner_uuid, s);
      g_ptr_array_add (uuids, s->learner_uuid);
      done += s->state == PL_CHECKIN_STATE_DONE;
      quiet += s->state == PL_CHECKIN_STATE_MISSING;
    }
  g_ptr_array_add (uuids, NULL);
  gtk_string_list_splice (self->learners, 0, g_list_model_get_n_items (G_LIST_MODEL (self->learners)),
                          (const char * const *) uuids->pdata);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);

  summary = g_strdup_printf (_("%u of %u checked in this week · %u quiet for two weeks or more"),
                             done, status->len, quiet);
  gtk_label_set_label (self->summary_label, summary);

  if (status->len == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Learners Yet"));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "main");
  _pl_checkins_page_load_targets (self);
  if (keep == NULL || !pl_checkins_page_select (self, keep))
    {
      GListModel *shown = G_LIST_MODEL (self->filtered);

      if (g_list_model_get_n_items (shown) > 0)
        {
          g_autoptr(GtkStringObject) first = g_list_model_get_item (shown, 0);
          pl_checkins_page_select (self, gtk_string_object_get_string (first));
        }
    }
  else
    load_learner (self, keep);
}

static gboolean
reload_timeout_cb (gpointer data)
{
  PlCheckinsPage *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (PlStore        *store,
                     const char     *table,
                     PlCheckinsPage *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (200, reload_timeout_cb, self);
}

static void
on_checkin_day_changed_cb (GSettings      *settings,
                           const char     *key,
                           PlCheckinsPage *self)
{
  reload (self);
}

static void
on_selection_changed_cb (GtkSingleSelection *selection,
                         GParamSpec         *pspec,
                         PlCheckinsPage     *self)
{
  GtkStringObject *item = gtk_single_selection_get_selected_item (selection);

  if (item != NULL)
    load_learner (self, gtk_string_object_get_string (item));
}

static void
on_row_activated_cb (GtkListView    *view,
                     guint           position,
                     PlCheckinsPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_widget_grab_focus (GTK_WIDGET (self->worked_row));
}

/* Shown from the view switcher or Alt+3: the keyboard starts in the list,
 * where Enter opens the learner's check-in. */
static void
on_map_cb (GtkWidget      *widget,
           PlCheckinsPage *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "main") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->learner_list));
}

static void
on_filter_changed_cb (GtkDropDown    *dropdown,
                      GParamSpec     *pspec,
                      PlCheckinsPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

gboolean
pl_checkins_page_select (PlCheckinsPage *self,
                         const char     *learner_uuid)
{
  GListModel *shown;

  g_return_val_if_fail (PL_IS_CHECKINS_PAGE (self), FALSE);

  shown = G_LIST_MODEL (self->filtered);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (shown, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), learner_uuid) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          load_learner (self, learner_uuid);
          return TRUE;
        }
    }
  return FALSE;
}

const char *
pl_checkins_page_get_learner (PlCheckinsPage *self)
{
  g_return_val_if_fail (PL_IS_CHECKINS_PAGE (self), NULL);
  return self->learner;
}

static void
on_reflection_applied_cb (AdwEntryRow    *row,
                          PlCheckinsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->reflection_progress == NULL)
    return;
  if (!pl_store_save_reflection (_pl_checkins_page_store (self), self->reflection_progress,
                                 gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    _pl_checkins_page_toast (self, adw_toast_new_format (_("Not saved: %s"), error->message));
  else
    _pl_checkins_page_toast (self, adw_toast_new (_("Reflection saved")));
}

/* ---- the check-in form ---------------------------------------------------- */

static AdwEntryRow *
field_row (PlCheckinsPage *self,
           guint           i)
{
  AdwEntryRow *rows[] = {
    self->worked_row, self->hard_row, self->strategy_row, self->help_row, self->note_row, self->next_row
  };
  return rows[i];
}

static const char * const field_columns[] = {
  "worked", "hard", "strategy", "help-needed", "teacher-note", "next-step"
};

static void
fill_form (PlCheckinsPage *self)
{
  PlRecord *c = self->editing != NULL ? PL_RECORD (self->editing) : NULL;
  int progress = c != NULL ? (int) pl_record_get_int (c, "progress") : 0;

  for (guint i = 0; i < G_N_ELEMENTS (field_columns); i++)
    {
      const char *v = c != NULL ? pl_record_get_string (c, field_columns[i]) : NULL;
      gtk_editable_set_text (GTK_EDITABLE (field_row (self, i)), v != NULL ? v : "");
    }
  for (guint i = 0; i < 4; i++)
    gtk_toggle_button_set_active (self->progress[i], progress == (int) i + 1);
  for (PlMarker m = 0; m < PL_N_MARKERS; m++)
    gtk_toggle_button_set_active (self->markers[m],
                                  c != NULL && pl_markers_contain (pl_record_get_string (c, "markers"), m));
}

static void
load_learner (PlCheckinsPage *self,
              const char     *uuid)
{
  g_autofree char *prompt = NULL;

  if (g_strcmp0 (self->learner, uuid) != 0)
    {
      g_free (self->learner);
      self->learner = g_strdup (uuid);
    }
  gtk_label_set_label (self->name_label, g_hash_table_lookup (self->names, uuid));

  /* This week's check-in is edited in place; otherwise the form starts
   * empty. It is found by the day it was made, so that one made before
   * the check-in day changed is still this week's. */
  g_clear_object (&self->editing);
  self->editing = pl_store_find_week_checkin (_pl_checkins_page_store (self), uuid, NULL,
                                              _pl_checkins_page_weekday (self), NULL);
  fill_form (self);
  _pl_checkins_page_fill_goals (self);
  _pl_checkins_page_fill_history (self);

  g_clear_pointer (&self->reflection_progress, g_free);
  prompt = pl_store_pending_reflection (_pl_checkins_page_store (self), uuid, &self->reflection_progress, NULL);
  gtk_revealer_set_reveal_child (self->reflection_revealer, prompt != NULL);
  adw_preferences_group_set_description (self->reflection_group, prompt);
  gtk_editable_set_text (GTK_EDITABLE (self->reflection_row), "");
}

static void
move (PlCheckinsPage *self,
      int             step)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint pos = gtk_single_selection_get_selected (self->selection);

  if (n == 0)
    return;
  if (pos == GTK_INVALID_LIST_POSITION)
    pos = 0;
  else if (step > 0)
    pos = MIN (pos + 1, n - 1);
  else if (pos > 0)
    pos--;
  gtk_single_selection_set_selected (self->selection, pos);
  gtk_widget_grab_focus (GTK_WIDGET (self->worked_row));
}

/* Selects the first learner after UUID, in name order, that the filter
 * shows, whether UUID itself is shown or not. */
static gboolean
select_after (PlCheckinsPage *self,
              const char     *uuid)
{
  GListModel *all = G_LIST_MODEL (self->learners);
  guint n = g_list_model_get_n_items (all);
  gboolean past = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (all, i);
      const char *other = gtk_string_object_get_string (item);

      if (past && filter_cb (item, self))
        return pl_checkins_page_select (self, other);
      past = past || g_strcmp0 (other, uuid) == 0;
    }
  return FALSE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlCheckinsPage *self = PL_CHECKINS_PAGE (widget);
  g_autoptr(PlCheckin) c = NULL;
  g_autoptr(GString) markers = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) goals = NULL;
  g_autofree char *saved = NULL;
  int progress = 0;

  if (self->learner == NULL)
    return;
  c = self->editing != NULL ? g_object_ref (self->editing) : pl_checkin_new ();
  pl_record_set_string (PL_RECORD (c), "learner-uuid", self->learner);
  for (guint i = 0; i < 4; i++)
    if (gtk_toggle_button_get_active (self->progress[i]))
      progress = (int) i + 1;
  pl_record_set_int (PL_RECORD (c), "progress", progress);
  for (guint i = 0; i < G_N_ELEMENTS (field_columns); i++)
    {
      g_autofree char *v = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field_row (self, i))))); 
      pl_record_set_string (PL_RECORD (c), field_columns[i], v[0] != '\0' ? v : NULL);
    }
  for (PlMarker m = 0; m < PL_N_MARKERS; m++)
    if (gtk_toggle_button_get_active (self->markers[m]))
      g_string_append_printf (markers, "%s%s", markers->len > 0 ? "," : "", pl_marker_id (m));
  pl_record_set_string (PL_RECORD (c), "markers", markers->len > 0 ? markers->str : NULL);

  /* The check-in is about the learner's active goal, if there is one. */
  goals = pl_store_list_goals (_pl_checkins_page_store (self), self->learner, NULL);
  if (goals != NULL && g_list_model_get_n_items (goals) > 0 && pl_record_get_string (PL_RECORD (c), "goal-uuid") == NULL)
    {
      g_autoptr(PlRecord) g = g_list_model_get_item (goals, 0);

      if (g_strcmp0 (pl_record_get_string (g, "status"), "active") == 0)
        pl_record_set_string (PL_RECORD (c), "goal-uuid", pl_record_get_uuid (g));
    }

  if (!pl_store_save_checkin (_pl_checkins_page_store (self), c, _pl_checkins_page_weekday (self), &error))
    {
      _pl_checkins_page_toast (self, adw_toast_new_format (_("Not saved: %s"), error->message));
      return;
    }
  {
    g_autofree char *msg = g_strdup_printf (_("Check-in saved for %s"),
                                            (char *) g_hash_table_lookup (self->names, self->learner));
    _pl_checkins_page_toast (self, adw_toast_new (msg));
  }
  saved = g_strdup (self->learner);
  reload (self);
  /* Saving may take the learner out of a "Not checked in this week" list:
   * the round goes on from where they were, not from the top. */
  if (!select_after (self, saved) && !pl_checkins_page_select (self, saved))
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

      if (n > 0)
        gtk_single_selection_set_selected (self->selection, n - 1);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->worked_row));
}

static void
next_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  move (PL_CHECKINS_PAGE (widget), +1);
}

static void
previous_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  move (PL_CHECKINS_PAGE (widget), -1);
}

static void
back_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  adw_leaflet_navigate (PL_CHECKINS_PAGE (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
progress_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  PlCheckinsPage *self = PL_CHECKINS_PAGE (widget);
  int value = g_variant_get_int32 (parameter);

  if (value >= 1 && value <= 4)
    gtk_toggle_button_set_active (self->progress[value - 1], TRUE);
}

/* ---- GObject ---------------------------------------------------------------- */

static void
set_context (PlCheckinsPage *self,
             PlContext      *context)
{
  if (self->context == context)
    return;
  if (self->context != NULL && self->changed_id != 0)
    g_signal_handler_disconnect (pl_context_get_store (self->context), self->changed_id);
  if (self->context != NULL && self->day_changed_id != 0)
    g_signal_handler_disconnect (pl_context_get_settings (self->context), self->day_changed_id);
  self->changed_id = self->day_changed_id = 0;
  g_set_object (&self->context, context);
  if (context != NULL)
    {
      self->changed_id = g_signal_connect (pl_context_get_store (context), "changed",
                                           G_CALLBACK (on_store_changed_cb), self);
      /* A new check-in day moves every week: who is done, due or quiet. */
      self->day_changed_id = g_signal_connect (pl_context_get_settings (context), "changed::checkin-day",
                                               G_CALLBACK (on_checkin_day_changed_cb), self);
      reload (self);
    }
}

static void
pl_checkins_page_dispose (GObject *object)
{
  PlCheckinsPage *self = PL_CHECKINS_PAGE (object);

  set_context (self, NULL);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  /* The stack is AdwBin's child and a template child: unparent it once. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_CHECKINS_PAGE);
  g_clear_object (&self->classroom);
  g_clear_object (&self->editing);
  g_clear_object (&self->selection);
  g_clear_object (&self->targets);
  g_clear_pointer (&self->status, g_hash_table_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->learner, g_free);
  g_clear_pointer (&self->reflection_progress, g_free);

  G_OBJECT_CLASS (pl_checkins_page_parent_class)->dispose (object);
}

static void
pl_checkins_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlCheckinsPage *self = PL_CHECKINS_PAGE (object);

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
pl_checkins_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PlCheckinsPage *self = PL_CHECKINS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_CLASSROOM:
      if (g_set_object (&self->classroom, g_value_get_object (value)))
        {
          g_clear_pointer (&self->learner, g_free);
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
pl_checkins_page_class_init (PlCheckinsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_checkins_page_dispose;
  object_class->get_property = pl_checkins_page_get_property;
  object_class->set_property = pl_checkins_page_set_property;

  /* Set by the window once, right after the template builds the page. */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PL_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLASSROOM] =
    g_param_spec_object ("classroom", NULL, NULL, PL_TYPE_CLASSROOM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/PersonalLearn/checkins/pl-checkins-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PlCheckinsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PlCheckinsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PlCheckinsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PlCheckinsPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PlCheckinsPage, detail);
  gtk_widget_class_bind_template_child (widget_class, PlCheckinsPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlCheckinsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PlCheckinsPage, learner_list);
  gtk_widget_class_bind_template_child (widget_class, PlCheckinsPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, PlCheckinsPage, reflection_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlCheckinsPage, reflection_group);
  gtk_widget_class_bind_template_child (widget_class, PlCheckinsPage, reflection_row);
  gtk_widget_class_bind_template_child (widget_class, PlCheckinsPage, goals_list);
  gtk_widget_class_bind_template_child (widget_class, PlCheckinsPage, new_goal_row);
  gtk_widget_class_bind_template_child (widget_class, PlCheckinsPage, link_row);
  gtk_widget_class_bind_template_child (widget_class, PlCheckinsPage, target_row);
  gtk_widget_class_bind_template_child (widget_class, PlCheckinsPage, smart_label);
  gtk_widget_class_bind_template_child (widget_class, PlCheckinsPage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, PlCheckinsPage, worked_row);
  gtk_widget_class_bind_template_child (widget_class, PlCheckinsPage, hard_row);
  gtk_widget_class_bind_template_child (widget_class, PlCheckinsPage, strategy_row);
  gtk_widget_class_bind_template_child (widget_class, PlCheckinsPage, help_row);
  gtk_widget_class_bind_template_child (widget_class, PlCheckinsPage, note_row);
  gtk_widget_class_bind_template_child (widget_class, PlCheckinsPage, next_row);
  gtk_widget_class_bind_template_child (widget_class, PlCheckinsPage, markers_box);
  gtk_widget_class_bind_template_child (widget_class, PlCheckinsPage, history_list);
  gtk_widget_class_bind_template_child (widget_class, PlCheckinsPage, more_button);

  gtk_widget_class_install_action (widget_class, "checkins.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "checkins.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "checkins.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "checkins.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "checkins.progress", "i", progress_action);
  gtk_widget_class_install_action (widget_class, "checkins.learner-mode", NULL, _pl_checkins_page_learner_mode_action);
  gtk_widget_class_install_action (widget_class, "checkins.export-pdf", NULL, _pl_checkins_page_export_pdf_action);
  gtk_widget_class_install_action (widget_class, "checkins.set-pin", NULL, _pl_checkins_page_set_pin_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "checkins.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "checkins.save", NULL);
  for (int i = 1; i <= 4; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, GDK_CONTROL_MASK,
                                         "checkins.progress", "i", i);
}

static void
pl_checkins_page_init (PlCheckinsPage *self)
{
  GtkListItemFactory *factory;
  GtkEventController *moves;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+Page Down/Up are taken on their way down to the focus: bound on
   * the page they would only bubble up to it, and the list boxes of the
   * form, the learner list and the scrolled windows all use them first
   * (to move their cursor a page, or to scroll sideways). */
  moves = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (moves, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (moves),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Down, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("checkins.next")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (moves),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Up, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("checkins.previous")));
  gtk_widget_add_controller (GTK_WIDGET (self), moves);

  self->status = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, free_status);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->learners = gtk_string_list_new (NULL);
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->learners), GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_list_view_set_model (self->learner_list, GTK_SELECTION_MODEL (self->selection));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->learner_list, factory);
  g_object_unref (factory);
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (on_selection_changed_cb), self);
  g_signal_connect (self->learner_list, "activate", G_CALLBACK (on_row_activated_cb), self);
  g_signal_connect (self->filter_dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), self);

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *label = g_strdup_printf ("%u", i + 1);

      self->progress[i] = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (label));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->progress[i]), pl_checkin_progress_label ((int) i + 1));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      pl_checkin_progress_label ((int) i + 1), -1);
      if (i > 0)
        gtk_toggle_button_set_group (self->progress[i], self->progress[0]);
      gtk_box_append (self->progress_box, GTK_WIDGET (self->progress[i]));
    }
  for (PlMarker m = 0; m < PL_N_MARKERS; m++)
    {
      self->markers[m] = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (pl_marker_label (m)));
      gtk_flow_box_append (self->markers_box, GTK_WIDGET (self->markers[m]));
    }

  _pl_checkins_page_init_goals (self);
  g_signal_connect (self->reflection_row, "apply", G_CALLBACK (on_reflection_applied_cb), self);

  pl_accessible_name_button (self->more_button, _("More actions for this learner"));
  pl_accessible_name_button (GTK_WIDGET (self->filter_dropdown), _("Show"));
}
