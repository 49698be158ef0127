/* pl-unit-editor-milestones.c — a unit's milestones: title, due date,
 * must-do and reflection prompt; added, moved and removed with Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "pl-unit-editor-private.h"

typedef struct
{
  PlUnitEditor   *self;
  char           *uuid;
  guint           index;
  AdwExpanderRow *expander;
  AdwEntryRow    *title;
  AdwEntryRow    *due;
  GtkSwitch      *must_do;
  AdwEntryRow    *prompt;
  char           *error;       /* why an edit is refused, or NULL */
} MilestoneRow;

static void
milestone_row_free (gpointer data)
{
  MilestoneRow *row = data;

  g_free (row->uuid);
  g_free (row->error);
  g_free (row);
}

static gboolean
focus_first (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_is_sensitive (widget))
    return FALSE;
  if (gtk_widget_get_focusable (widget) && gtk_widget_grab_focus (widget))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (focus_first (c))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
update_subtitle (MilestoneRow *row)
{
  PlUnitEditor *self = row->self;
  g_autofree char *due = _pl_unit_editor_row_text (row->due);
  g_autofree char *subtitle = NULL;
  g_autoptr(PlMilestone) stored = NULL;
  g_autoptr(GError) outside = NULL;

  if (row->error != NULL)
    {
      adw_expander_row_set_subtitle (row->expander, row->error);
      return;
    }
  /* A milestone saved before the unit's dates moved may now fall
   * outside them: say so, the teacher decides. */
  stored = pl_store_get (self->store, PL_TYPE_MILESTONE, row->uuid, NULL);
  if (stored != NULL && !pl_milestone_validate (stored, self->unit, NULL, &outside))
    {
      adw_expander_row_set_subtitle (row->expander, outside->message);
      return;
    }
  subtitle = gtk_switch_get_active (row->must_do)
    ? g_strdup_printf (_("Due %s · must do"), due)
    : g_strdup_printf (_("Due %s · optional"), due);
  adw_expander_row_set_subtitle (row->expander, subtitle);
}

void
_pl_unit_editor_milestones_recheck (PlUnitEditor *self)
{
  for (guint i = 0; i < self->milestone_rows->len; i++)
    update_subtitle (self->milestone_rows->pdata[i]);
}

static void
mark_dirty (MilestoneRow *row)
{
  if (row->self->loading)
    return;
  g_hash_table_add (row->self->dirty_milestones, g_strdup (row->uuid));
  _pl_unit_editor_queue_save (row->self);
}

static void
on_title_changed_cb (GtkEditable  *editable,
                     MilestoneRow *row)
{
  g_autofree char *title = _pl_unit_editor_row_text (row->title);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander),
                                 title[0] != '\0' ? title : _("Untitled milestone"));
  mark_dirty (row);
}

static void
on_field_changed_cb (GtkEditable  *editable,
                     MilestoneRow *row)
{
  mark_dirty (row);
}

static void
on_must_do_changed_cb (GtkSwitch    *sw,
                       GParamSpec   *pspec,
                       MilestoneRow *row)
{
  if (row->self->loading)
    return;
  mark_dirty (row);
  pl_unit_editor_flush (row->self);
  update_subtitle (row);
}

static void
on_expanded_cb (AdwExpanderRow *expander,
                GParamSpec     *pspec,
                MilestoneRow   *row)
{
  if (adw_expander_row_get_expanded (expander))
    g_hash_table_add (row->self->expanded, g_strdup (row->uuid));
  else
    g_hash_table_remove (row->self->expanded, row->uuid);
}

/* ---- saving ------------------------------------------------------------- */

static gboolean
flush_row (MilestoneRow *row)
{
  PlUnitEditor *self = row->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlMilestone) fresh = pl_store_get (self->store, PL_TYPE_MILESTONE, row->uuid, &error);
  g_autofree char *title = _pl_unit_editor_row_text (row->title);
  g_autofree char *due = _pl_unit_editor_row_text (row->due);
  g_autofree char *prompt = _pl_unit_editor_row_text (row->prompt);
  g_autofree char *old_title = NULL;
  g_autofree char *old_due = NULL;
  g_autofree char *old_prompt = NULL;
  g_autoptr(GString) why = g_string_new (NULL);
  const char *title_error = NULL, *due_error = NULL;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  gboolean old_must_do;
  PlRecord *m;

  if (fresh == NULL || pl_record_get_deleted (PL_RECORD (fresh)))
    return TRUE;
  m = PL_RECORD (fresh);
  old_title = g_strdup (pl_record_get_string (m, "title"));
  old_due = g_strdup (pl_record_get_string (m, "due-on"));
  old_prompt = g_strdup (pl_record_get_string (m, "reflection-prompt"));
  old_must_do = pl_record_get_boolean (m, "must-do");
  pl_record_set_string (m, "title", title);
  pl_record_set_string (m, "due-on", due);
  pl_record_set_string (m, "reflection-prompt", prompt[0] != '\0' ? prompt : NULL);
  pl_record_set_boolean (m, "must-do", gtk_switch_get_active (row->must_do));

  /* A refused field keeps its saved value; the others are saved. */
  for (guint tries = 0; tries < 2; tries++)
    {
      g_autoptr(GError) invalid = NULL;
      const char *field = NULL;

      if (pl_milestone_validate (fresh, self->unit, &field, &invalid) || field == NULL)
        break;
      g_ptr_array_add (messages, g_strdup (invalid->message));
      if (g_str_equal (field, "title"))
        {
          title_error = g_ptr_array_index (messages, messages->len - 1);
          pl_record_set_string (m, "title", old_title);
        }
      else
        {
          due_error = g_ptr_array_index (messages, messages->len - 1);
          pl_record_set_string (m, "due-on", old_due);
        }
    }
  _pl_unit_editor_set_row_error (row->title, title_error);
  _pl_unit_editor_set_row_error (row->due, due_error);
  for (guint i = 0; i < messages->len; i++)
    g_string_append_printf (why, "%s%s", i > 0 ? " · " : "", (char *) messages->pdata[i]);
  g_clear_pointer (&row->error, g_free);
  if (why->len > 0)
    {
      row->error = g_strdup_printf (_("Not saved — %s"), why->str);
      adw_expander_row_set_expanded (row->expander, TRUE);
    }

  if (g_strcmp0 (old_title, pl_record_get_string (m, "title")) != 0 ||
      g_strcmp0 (old_due, pl_record_get_string (m, "due-on")) != 0 ||
      g_strcmp0 (old_prompt, pl_record_get_string (m, "reflection-prompt")) != 0 ||
      old_must_do != pl_record_get_boolean (m, "must-do"))
    {
      if (!pl_store_save_milestone (self->store, fresh, &error))
        {
          _pl_unit_editor_toast (self, adw_toast_new_format (_("Not saved: %s"), error->message));
          update_subtitle (row);
          return FALSE;
        }
    }
  update_subtitle (row);
  return messages->len == 0;
}

gboolean
_pl_unit_editor_milestones_flush (PlUnitEditor *self)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < self->milestone_rows->len; i++)
    {
      MilestoneRow *row = self->milestone_rows->pdata[i];

      if (!g_hash_table_contains (self->dirty_milestones, row->uuid))
        continue;
      if (flush_row (row))
        g_hash_table_remove (self->dirty_milestones, row->uuid);
      else
        ok = FALSE;
    }
  return ok;
}

/* ---- moving and removing ------------------------------------------------ */

static PlMilestone *
stored_milestone (PlUnitEditor *self,
                  const char   *uuid)
{
  g_autoptr(GError) error = NULL;
  PlMilestone *m = pl_store_get (self->store, PL_TYPE_MILESTONE, uuid, &error);

  if (m == NULL)
    _pl_unit_editor_toast (self, adw_toast_new_format (_("Not saved: %s"), error->message));
  return m;
}

static void
move_row (MilestoneRow *row,
          int           delta)
{
  PlUnitEditor *self = row->self;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  g_autofree char *uuid = g_strdup (row->uuid);
  g_autofree char *field = NULL;
  g_autoptr(PlMilestone) milestone = NULL;
  g_autoptr(GError) error = NULL;

  if ((delta < 0 && row->index == 0) || (delta > 0 && row->index + 1 >= self->milestone_rows->len))
    return;
  for (GtkWidget *w = focus; w != NULL && w != GTK_WIDGET (row->expander); w = gtk_widget_get_parent (w))
    if (g_str_has_prefix (gtk_widget_get_name (w), "milestone-"))
      field = g_strdup (gtk_widget_get_name (w));
  _pl_unit_editor_milestones_flush (self);
  milestone = stored_milestone (self, uuid);
  if (milestone == NULL)
    return;
  if (!pl_store_move_milestone (self->store, milestone, delta, &error))
    {
      _pl_unit_editor_toast (self, adw_toast_new_format (_("Not moved: %s"), error->message));
      return;
    }
  _pl_unit_editor_milestones_load (self, uuid);
  /* Keep typing where the teacher was. */
  for (guint i = 0; field != NULL && i < self->milestone_rows->len; i++)
    {
      MilestoneRow *moved = self->milestone_rows->pdata[i];
      GtkWidget *target = g_str_equal (moved->uuid, uuid) ? find_named (GTK_WIDGET (moved->expander), field) : NULL;

      if (target != NULL)
        focus_first (target);
    }
}

static void
on_move_clicked_cb (GtkButton    *button,
                    MilestoneRow *row)
{
  move_row (row, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "pl-delta")));
}

static gboolean
move_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   data)
{
  MilestoneRow *row = g_object_get_data (G_OBJECT (widget), "pl-milestone");

  move_row (row, g_variant_get_int32 (args));
  return TRUE;
}

typedef struct
{
  PlUnitEditor *self;
  PlMilestone  *milestone;
} RemoveUndo;

static void
remove_undo_free (gpointer data)
{
  RemoveUndo *undo = data;

  g_object_unref (undo->milestone);
  g_free (undo);
}

static void
on_remove_undo_cb (AdwToast   *toast,
                   RemoveUndo *undo)
{
  g_autoptr(GError) error = NULL;

  if (!pl_store_undelete (undo->self->store, PL_RECORD (undo->milestone), &error))
    {
      _pl_unit_editor_toast (undo->self, adw_toast_new_format (_("Not restored: %s"), error->message));
      return;
    }
  _pl_unit_editor_milestones_load (undo->self, pl_record_get_uuid (PL_RECORD (undo->milestone)));
}

static void
on_remove_clicked_cb (GtkButton    *button,
                      MilestoneRow *row)
{
  PlUnitEditor *self = row->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlMilestone) milestone = NULL;
  g_autofree char *next = NULL;
  AdwToast *toast;
  RemoveUndo *undo;

  _pl_unit_editor_milestones_flush (self);
  milestone = stored_milestone (self, row->uuid);
  if (milestone == NULL)
    return;
  if (!pl_store_remove_milestone (self->store, milestone, &error))
    {
      _pl_unit_editor_toast (self, adw_toast_new_format (_("Not removed: %s"), error->message));
      return;
    }
  if (row->index + 1 < self->milestone_rows->len)
    next = g_strdup (((MilestoneRow *) self->milestone_rows->pdata[row->index + 1])->uuid);
  else if (row->index > 0)
    next = g_strdup (((MilestoneRow *) self->milestone_rows->pdata[row->index - 1])->uuid);
  g_hash_table_remove (self->dirty_milestones, row->uuid);

  toast = adw_toast_new_format (_("Milestone “%s” removed"), pl_record_get_string (PL_RECORD (milestone), "title"));
  adw_toast_set_button_label (toast, _("_Undo"));
  undo = g_new0 (RemoveUndo, 1);
  undo->self = self;
  undo->milestone = g_steal_pointer (&milestone);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_remove_undo_cb), undo,
                         (GClosureNotify) (void (*) (void)) remove_undo_free, 0);
  /* row is freed by the reload below. */
  _pl_unit_editor_milestones_load (self, next);
  _pl_unit_editor_toast (self, toast);
}

void
_pl_unit_editor_add_milestone (PlUnitEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlMilestone) milestone = NULL;

  _pl_unit_editor_milestones_flush (self);
  milestone = pl_store_add_milestone (self->store, pl_record_get_uuid (PL_RECORD (self->unit)), NULL, &error);
  if (milestone == NULL)
    {
      _pl_unit_editor_toast (self, adw_toast_new_format (_("Not added: %s"), error->message));
      return;
    }
  g_hash_table_add (self->expanded, g_strdup (pl_record_get_uuid (PL_RECORD (milestone))));
  _pl_unit_editor_milestones_load (self, pl_record_get_uuid (PL_RECORD (milestone)));
  for (guint i = 0; i < self->milestone_rows->len; i++)
    {
      MilestoneRow *row = self->milestone_rows->pdata[i];

      if (g_str_equal (row->uuid, pl_record_get_uuid (PL_RECORD (milestone))))
        {
          gtk_widget_grab_focus (GTK_WIDGET (row->title));
          gtk_editable_select_region (GTK_EDITABLE (row->title), 0, -1);
        }
    }
}

/* ---- building ------------------------------------------------------------- */

static GtkWidget *
action_button (MilestoneRow *row,
               const char   *icon,
               const char   *tooltip,
               const char   *label,
               int           delta,
               GCallback     callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "pl-delta", GINT_TO_POINTER (delta));
  g_signal_connect (button, "clicked", callback, row);
  return button;
}

static AdwEntryRow *
entry_row (const char *name,
           const char *title,
           const char *text)
{
  GtkWidget *entry = adw_entry_row_new ();

  gtk_widget_set_name (entry, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  return ADW_ENTRY_ROW (entry);
}

static void
add_move_shortcuts (GtkWidget *widget)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  const char *triggers[] = { "<Alt>Up", "<Alt>Down" };

  for (guint i = 0; i < G_N_ELEMENTS (triggers); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (triggers[i]),
                                                gtk_callback_action_new (move_shortcut_cb, NULL, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (i == 0 ? -1 : 1));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (widget, controller);
}

static MilestoneRow *
build_row (PlUnitEditor *self,
           PlRecord     *m,
           guint         index,
           guint         n)
{
  MilestoneRow *row = g_new0 (MilestoneRow, 1);
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *must_row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();
  GtkWidget *up, *down, *remove;
  const char *title = pl_record_get_string (m, "title");
  g_autofree char *up_label = g_strdup_printf (_("Move “%s” up"), title);
  g_autofree char *down_label = g_strdup_printf (_("Move “%s” down"), title);
  g_autofree char *remove_label = g_strdup_printf (_("Remove “%s”"), title);

  row->self = self;
  row->uuid = g_strdup (pl_record_get_uuid (m));
  row->index = index;
  row->expander = ADW_EXPANDER_ROW (expander);
  gtk_widget_set_name (expander, "unit-milestone");
  g_object_set_data_full (G_OBJECT (expander), "pl-milestone", row, milestone_row_free);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title[0] != '\0' ? title : _("Untitled milestone"));

  up = action_button (row, "go-up-symbolic", _("Move up (Alt+Up)"), up_label, -1, G_CALLBACK (on_move_clicked_cb));
  down = action_button (row, "go-down-symbolic", _("Move down (Alt+Down)"), down_label, 1, G_CALLBACK (on_move_clicked_cb));
  remove = action_button (row, "user-trash-symbolic", _("Remove this milestone"), remove_label, 0,
                          G_CALLBACK (on_remove_clicked_cb));
  gtk_widget_set_sensitive (up, index > 0);
  gtk_widget_set_sensitive (down, index + 1 < n);
  /* Each action goes before the ones added already. */
  adw_expander_row_add_action (row->expander, remove);
  adw_expander_row_add_action (row->expander, down);
  adw_expander_row_add_action (row->expander, up);

  row->title = entry_row ("milestone-title", _("Title"), title);
  row->due = entry_row ("milestone-due", _("Due on (YYYY-MM-DD)"), pl_record_get_string (m, "due-on"));
  _pl_unit_editor_add_calendar (row->due, _("Choose the due date"));
  row->prompt = entry_row ("milestone-prompt", _("Reflection prompt, asked once it is done"),
                           pl_record_get_string (m, "reflection-prompt"));
  row->must_do = GTK_SWITCH (sw);
  gtk_widget_set_name (sw, "milestone-must-do");
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_switch_set_active (row->must_do, pl_record_get_boolean (m, "must-do"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (must_row), _("Must do"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (must_row), _("Every learner does it; switch off for an optional checkpoint."));
  adw_action_row_add_suffix (ADW_ACTION_ROW (must_row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (must_row), sw);
  adw_expander_row_add_row (row->expander, GTK_WIDGET (row->title));
  adw_expander_row_add_row (row->expander, GTK_WIDGET (row->due));
  adw_expander_row_add_row (row->expander, must_row);
  adw_expander_row_add_row (row->expander, GTK_WIDGET (row->prompt));

  g_signal_connect (row->title, "changed", G_CALLBACK (on_title_changed_cb), row);
  g_signal_connect (row->due, "changed", G_CALLBACK (on_field_changed_cb), row);
  g_signal_connect (row->prompt, "changed", G_CALLBACK (on_field_changed_cb), row);
  g_signal_connect (sw, "notify::active", G_CALLBACK (on_must_do_changed_cb), row);
  adw_expander_row_set_expanded (row->expander, g_hash_table_contains (self->expanded, row->uuid));
  g_signal_connect (expander, "notify::expanded", G_CALLBACK (on_expanded_cb), row);
  add_move_shortcuts (expander);
  update_subtitle (row);
  return row;
}

void
_pl_unit_editor_milestones_load (PlUnitEditor *self,
                                 const char   *focus_uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) milestones = NULL;
  g_autoptr(GHashTable) pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  GtkWidget *child;
  guint n;

  milestones = pl_store_list_milestones (self->store, pl_record_get_uuid (PL_RECORD (self->unit)), &error);
  if (milestones == NULL)
    {
      _pl_unit_editor_toast (self, adw_toast_new_format (_("Could not read the milestones: %s"), error->message));
      return;
    }
  /* What the store refused stays on screen, with its error, rather than
   * the saved value coming back without a word. */
  for (guint i = 0; i < self->milestone_rows->len; i++)
    {
      MilestoneRow *row = self->milestone_rows->pdata[i];

      if (g_hash_table_contains (self->dirty_milestones, row->uuid))
        g_hash_table_insert (pending, g_strdup (row->uuid),
                             g_strdupv ((char *[]) { (char *) gtk_editable_get_text (GTK_EDITABLE (row->title)),
                                                     (char *) gtk_editable_get_text (GTK_EDITABLE (row->due)),
                                                     (char *) gtk_editable_get_text (GTK_EDITABLE (row->prompt)),
                                                     NULL }));
    }
  self->loading = TRUE;
  g_ptr_array_set_size (self->milestone_rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->milestones_list))) != NULL)
    gtk_list_box_remove (self->milestones_list, child);
  n = g_list_model_get_n_items (milestones);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) m = g_list_model_get_item (milestones, i);
      MilestoneRow *row = build_row (self, m, i, n);

      g_ptr_array_add (self->milestone_rows, row);
      gtk_list_box_append (self->milestones_list, GTK_WIDGET (row->expander));
    }
  self->loading = FALSE;
  for (guint i = 0; i < self->milestone_rows->len; i++)
    {
      MilestoneRow *row = self->milestone_rows->pdata[i];
      char **texts = g_hash_table_lookup (pending, row->uuid);

      if (texts == NULL)
        continue;
      self->loading = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (row->title), texts[0]);
      gtk_editable_set_text (GTK_EDITABLE (row->due), texts[1]);
      gtk_editable_set_text (GTK_EDITABLE (row->prompt), texts[2]);
      self->loading = FALSE;
      adw_expander_row_set_expanded (row->expander, TRUE);
      flush_row (row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->milestones_list), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->milestones_empty), n == 0);

  for (guint i = 0; focus_uuid != NULL && i < self->milestone_rows->len; i++)
    {
      MilestoneRow *row = self->milestone_rows->pdata[i];

      if (g_str_equal (row->uuid, focus_uuid))
        focus_first (GTK_WIDGET (row->expander));
    }
}
