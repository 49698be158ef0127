/* pl-unit-editor.c — plan a unit: title, big idea, dates, goals,
 * standards and milestones
 *
 * Like a learner's profile, every edit is saved after a short pause in
 * typing and when the window closes; nothing waits for a Save button.
 * A field the store refuses (an empty title, a date that is not one)
 * shows why on its row and keeps its last saved value in the store,
 * while the other fields are saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "core/pl-classroom.h"
#include "core/pl-smart-goal.h"
#include "pl-accessible.h"
#include "pl-standards-window.h"
#include "pl-toasts.h"
#include "pl-unit-editor-private.h"

#define AUTOSAVE_MS 600

G_DEFINE_FINAL_TYPE (PlUnitEditor, pl_unit_editor, ADW_TYPE_WINDOW)

static void update_goal_hints (PlUnitEditor *self,
                               GtkWidget    *goal);

void
_pl_unit_editor_toast (PlUnitEditor *self,
                       AdwToast     *toast)
{
  /* The newest toast, with its Undo, should not wait behind an older one. */
  pl_toasts_replace (self->toasts, &self->last_toast, toast);
}

char *
_pl_unit_editor_row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

void
_pl_unit_editor_set_row_error (AdwEntryRow *row,
                               const char  *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  /* A screen reader hears why the field is refused with its name. */
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), message);
}

/* ---- the calendar of a date row ----------------------------------------- */

static void
on_calendar_shown_cb (GtkPopover  *popover,
                      AdwEntryRow *row)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  g_autofree char *text = _pl_unit_editor_row_text (row);
  g_autoptr(GDateTime) day = NULL;

  if (pl_unit_date_is_valid (text))
    {
      g_autofree char *iso = g_strconcat (text, "T12:00:00Z", NULL);

      day = g_date_time_new_from_iso8601 (iso, NULL);
    }
  if (day == NULL)
    day = g_date_time_new_now_local ();
  g_object_set_data (G_OBJECT (calendar), "pl-setting", GINT_TO_POINTER (TRUE));
  gtk_calendar_select_day (calendar, day);
  g_object_set_data (G_OBJECT (calendar), "pl-setting", NULL);
}

static void
on_day_selected_cb (GtkCalendar *calendar,
                    AdwEntryRow *row)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *text = NULL;

  if (g_object_get_data (G_OBJECT (calendar), "pl-setting") != NULL)
    return;
  day = gtk_calendar_get_date (calendar);
  text = g_date_time_format (day, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER)));
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

void
_pl_unit_editor_add_calendar (AdwEntryRow *row,
                              const char  *label)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  pl_accessible_name_button (button, label);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect (popover, "show", G_CALLBACK (on_calendar_shown_cb), row);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (on_day_selected_cb), row);
  adw_entry_row_add_suffix (row, button);
}

/* ---- goals -------------------------------------------------------------- */

/* The list's rows only, not its placeholder. */
static GtkWidget *
goal_row (PlUnitEditor *self,
          guint         index)
{
  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->goals_list, (int) index));
}

static guint
count_goals (PlUnitEditor *self,
             GStrv        *out_goals)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GtkWidget *row;
  guint n = 0;

  for (guint i = 0; (row = goal_row (self, i)) != NULL; i++)
    {
      g_autofree char *text = _pl_unit_editor_row_text (ADW_ENTRY_ROW (row));

      if (text[0] == '\0')
        continue;
      g_strv_builder_add (builder, text);
      n++;
    }
  if (out_goals != NULL)
    *out_goals = g_strv_builder_end (builder);
  return n;
}

static void
update_goals_warning (PlUnitEditor *self)
{
  guint n = count_goals (self, NULL);
  g_autofree char *text = NULL;

  if (n < 3)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u goal so far: a unit works best with three to five.",
                                         "%u goals so far: a unit works best with three to five.", n), n);
  else if (n > 5)
    text = g_strdup_printf (_("%u goals: a unit works best with three to five; could some be merged?"), n);
  gtk_label_set_label (self->goals_warning, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->goals_warning), text != NULL);
}

static guint
goal_index (GtkWidget *goal)
{
  return (guint) MAX (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (goal)), 0);
}

static char *
goal_hints (PlUnitEditor *self,
            const char   *text)
{
  /* A unit's goal is relevant when the unit targets standards; its
   * time words ("by the end of week 2") make it time-bound. */
  PlSmartFlags have = pl_smart_goal_check (text, _pl_unit_editor_n_standards (self) > 0, FALSE);
  g_autoptr(GString) hints = g_string_new (NULL);

  for (PlSmartFlags f = PL_SMART_SPECIFIC; f <= PL_SMART_TIME_BOUND; f <<= 1)
    if ((have & f) == 0)
      g_string_append_printf (hints, "%s%s: %s", hints->len > 0 ? "\n" : "", pl_smart_goal_label (f),
                              f == PL_SMART_RELEVANT ? _("Choose the standards the unit targets below.")
                                                     : pl_smart_goal_hint (f));
  return g_string_free (g_steal_pointer (&hints), FALSE);
}

static void
update_goal_hints (PlUnitEditor *self,
                   GtkWidget    *goal)
{
  g_autofree char *text = _pl_unit_editor_row_text (ADW_ENTRY_ROW (goal));
  g_autofree char *hints = text[0] != '\0' ? goal_hints (self, text) : g_strdup ("");
  GtkWidget *icon = g_object_get_data (G_OBJECT (goal), "pl-hint-icon");
  guint n = goal_index (goal) + 1;
  g_autofree char *line = NULL;

  gtk_widget_set_visible (icon, hints[0] != '\0');
  gtk_widget_set_tooltip_text (icon, hints);
  if (hints[0] != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (goal), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hints, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (goal), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

  if (!gtk_widget_has_focus (goal) && gtk_widget_get_focus_child (goal) == NULL &&
      self->shown_goal != goal)
    return;
  self->shown_goal = goal;
  if (text[0] == '\0')
    line = g_strdup_printf (_("Goal %u: what will learners be able to do, how will you know, and by when?"), n);
  else if (hints[0] == '\0')
    line = g_strdup_printf (_("Goal %u looks like a SMART goal."), n);
  else
    line = g_strdup_printf (_("Goal %u — %s"), n, hints);
  gtk_label_set_label (self->smart_label, line);
}

static void
renumber_goals (PlUnitEditor *self)
{
  GtkWidget *row;

  for (guint i = 0; (row = goal_row (self, i)) != NULL; i++)
    {
      g_autofree char *title = g_strdup_printf (_("Goal %u"), goal_index (row) + 1);
      g_autofree char *remove = g_strdup_printf (_("Remove goal %u"), goal_index (row) + 1);
      GtkWidget *button = g_object_get_data (G_OBJECT (row), "pl-remove");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
    }
}

static void
on_goal_changed_cb (GtkEditable  *editable,
                    PlUnitEditor *self)
{
  if (self->loading)
    return;
  self->unit_dirty = TRUE;
  update_goal_hints (self, GTK_WIDGET (editable));
  update_goals_warning (self);
  _pl_unit_editor_queue_save (self);
}

static void
on_goal_focus_enter_cb (GtkEventControllerFocus *controller,
                        PlUnitEditor            *self)
{
  GtkWidget *goal = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  self->shown_goal = goal;
  update_goal_hints (self, goal);
}

typedef struct
{
  PlUnitEditor *self;
  char         *text;
  guint         index;
} GoalUndo;

static void
goal_undo_free (gpointer data)
{
  GoalUndo *undo = data;

  g_free (undo->text);
  g_free (undo);
}

static GtkWidget *add_goal_row (PlUnitEditor *self,
                                const char   *text,
                                int           index);

static void
on_goal_undo_cb (AdwToast *toast,
                 GoalUndo *undo)
{
  GtkWidget *row = add_goal_row (undo->self, undo->text, (int) undo->index);

  undo->self->unit_dirty = TRUE;
  renumber_goals (undo->self);
  update_goals_warning (undo->self);
  pl_unit_editor_flush (undo->self);
  gtk_widget_grab_focus (row);
}

static void
on_goal_remove_clicked_cb (GtkButton    *button,
                           PlUnitEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ENTRY_ROW);
  g_autofree char *text = _pl_unit_editor_row_text (ADW_ENTRY_ROW (row));
  guint index = goal_index (row);
  GtkWidget *next = goal_row (self, index + 1) != NULL ? goal_row (self, index + 1)
                    : index > 0 ? goal_row (self, index - 1) : NULL;

  if (self->shown_goal == row)
    self->shown_goal = NULL;
  gtk_list_box_remove (self->goals_list, row);
  self->unit_dirty = TRUE;
  renumber_goals (self);
  update_goals_warning (self);
  pl_unit_editor_flush (self);
  if (text[0] != '\0')
    {
      AdwToast *toast = adw_toast_new_format (_("Goal %u removed"), index + 1);
      GoalUndo *undo = g_new0 (GoalUndo, 1);

      undo->self = self;
      undo->text = g_steal_pointer (&text);
      undo->index = index;
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_goal_undo_cb), undo,
                             (GClosureNotify) (void (*) (void)) goal_undo_free, 0);
      _pl_unit_editor_toast (self, toast);
    }
  if (next != NULL)
    gtk_widget_grab_focus (next);
}

static GtkWidget *
add_goal_row (PlUnitEditor *self,
              const char   *text,
              int           index)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_set_name (row, "unit-goal");
  gtk_widget_set_visible (icon, FALSE);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this goal"));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), icon);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "pl-hint-icon", icon);
  g_object_set_data (G_OBJECT (row), "pl-remove", remove);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_signal_connect (row, "changed", G_CALLBACK (on_goal_changed_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_goal_remove_clicked_cb), self);
  g_signal_connect (focus, "enter", G_CALLBACK (on_goal_focus_enter_cb), self);
  gtk_widget_add_controller (row, focus);
  gtk_list_box_insert (self->goals_list, row, index);
  renumber_goals (self);
  update_goal_hints (self, row);
  return row;
}

static void
add_goal_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PlUnitEditor *self = PL_UNIT_EDITOR (widget);
  GtkWidget *row = add_goal_row (self, "", -1);

  update_goals_warning (self);
  gtk_widget_grab_focus (row);
}

/* The Standards window, to import a framework or write standards; the
 * list here shows what it added once it closes. */
static void
standards_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PlUnitEditor *self = PL_UNIT_EDITOR (widget);
  PlStandardsWindow *window = pl_standards_window_new (GTK_WINDOW (self), self->store);

  g_signal_connect_object (window, "destroy", G_CALLBACK (_pl_unit_editor_standards_load), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
add_milestone_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _pl_unit_editor_add_milestone (PL_UNIT_EDITOR (widget));
}

void
_pl_unit_editor_goals_refresh (PlUnitEditor *self)
{
  GtkWidget *row;

  for (guint i = 0; (row = goal_row (self, i)) != NULL; i++)
    update_goal_hints (self, row);
}

/* ---- the unit's own fields -------------------------------------------- */

/* More than one sentence: an end mark followed by a space and a capital. */
static gboolean
is_one_sentence (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *q;

      if (c != '.' && c != '!' && c != '?')
        continue;
      q = g_utf8_next_char (p);
      if (!g_unichar_isspace (g_utf8_get_char (q)))
        continue;
      while (*q != '\0' && g_unichar_isspace (g_utf8_get_char (q)))
        q = g_utf8_next_char (q);
      if (*q != '\0' && g_unichar_isupper (g_utf8_get_char (q)))
        return FALSE;
    }
  return TRUE;
}

static void
update_idea_hint (PlUnitEditor *self)
{
  g_autofree char *idea = _pl_unit_editor_row_text (self->idea_row);

  gtk_widget_set_visible (GTK_WIDGET (self->idea_hint), !is_one_sentence (idea));
}

static void
on_unit_field_changed_cb (GtkEditable  *editable,
                          PlUnitEditor *self)
{
  if (self->loading)
    return;
  if (editable == GTK_EDITABLE (self->idea_row))
    update_idea_hint (self);
  self->unit_dirty = TRUE;
  _pl_unit_editor_queue_save (self);
}

static const char * const unit_columns[] = { "title", "big-idea", "starts-on", "ends-on", "goals" };

static gboolean
unit_differs (PlRecord *a,
              PlRecord *b)
{
  for (guint i = 0; i < G_N_ELEMENTS (unit_columns); i++)
    if (g_strcmp0 (pl_record_get_string (a, unit_columns[i]), pl_record_get_string (b, unit_columns[i])) != 0)
      return TRUE;
  return FALSE;
}

static void
show_unit_errors (PlUnitEditor *self,
                  GHashTable   *errors)
{
  AdwEntryRow *rows[] = { self->title_row, self->starts_row, self->ends_row };
  const char *fields[] = { "title", "starts-on", "ends-on" };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const char *message = g_hash_table_lookup (errors, fields[i]);

      _pl_unit_editor_set_row_error (rows[i], message);
      if (message != NULL)
        g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", message);
    }
  if (text->len > 0)
    g_string_append_printf (text, "\n%s", _("Not saved until it is fixed; the rest is saved."));
  gtk_label_set_label (self->unit_error, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->unit_error), text->len > 0);
}

static gboolean
flush_unit (PlUnitEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlUnit) fresh = NULL;
  g_autoptr(GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_auto(GStrv) goals = NULL;
  g_autofree char *title = _pl_unit_editor_row_text (self->title_row);
  g_autofree char *idea = _pl_unit_editor_row_text (self->idea_row);
  g_autofree char *starts = _pl_unit_editor_row_text (self->starts_row);
  g_autofree char *ends = _pl_unit_editor_row_text (self->ends_row);
  gboolean dates_moved;

  if (!self->unit_dirty)
    return TRUE;
  fresh = pl_store_get (self->store, PL_TYPE_UNIT, pl_record_get_uuid (PL_RECORD (self->unit)), &error);
  if (fresh == NULL)
    {
      _pl_unit_editor_toast (self, adw_toast_new_format (_("Not saved: %s"), error->message));
      return FALSE;
    }
  pl_record_set_string (PL_RECORD (fresh), "title", title);
  pl_record_set_string (PL_RECORD (fresh), "big-idea", idea[0] != '\0' ? idea : NULL);
  pl_record_set_string (PL_RECORD (fresh), "starts-on", starts);
  pl_record_set_string (PL_RECORD (fresh), "ends-on", ends);
  count_goals (self, &goals);
  pl_unit_set_goals (fresh, (const char * const *) goals);

  /* Each refused field goes back to its saved value, so that the others
   * can be saved; the store's checks decide what is refused. */
  for (guint tries = 0; tries < G_N_ELEMENTS (unit_columns); tries++)
    {
      g_autoptr(GError) invalid = NULL;
      const char *field = NULL;
      char *message;

      if (pl_unit_validate (fresh, &field, &invalid) || field == NULL)
        break;
      message = g_strdup (invalid->message);
      /* Dates out of order: the fault is with the date that was changed. */
      if (g_str_equal (field, "ends-on") && pl_unit_date_is_valid (ends) &&
          g_strcmp0 (ends, pl_record_get_string (PL_RECORD (self->unit), "ends-on")) == 0)
        {
          field = "starts-on";
          g_free (message);
          message = g_strdup_printf (_("Start date: %s is after the end date, %s"), starts, ends);
        }
      g_hash_table_replace (errors, (gpointer) field, message);
      pl_record_set_string (PL_RECORD (fresh), field, pl_record_get_string (PL_RECORD (self->unit), field));
    }
  show_unit_errors (self, errors);

  if (unit_differs (PL_RECORD (fresh), PL_RECORD (self->unit)))
    {
      if (!pl_store_save_unit (self->store, fresh, &error))
        {
          _pl_unit_editor_toast (self, adw_toast_new_format (_("Not saved: %s"), error->message));
          return FALSE;
        }
      dates_moved = g_strcmp0 (pl_record_get_string (PL_RECORD (fresh), "starts-on"),
                               pl_record_get_string (PL_RECORD (self->unit), "starts-on")) != 0 ||
                    g_strcmp0 (pl_record_get_string (PL_RECORD (fresh), "ends-on"),
                               pl_record_get_string (PL_RECORD (self->unit), "ends-on")) != 0;
      g_set_object (&self->unit, fresh);
      if (dates_moved)
        _pl_unit_editor_milestones_recheck (self);
    }
  if (g_hash_table_size (errors) == 0)
    self->unit_dirty = FALSE;
  return g_hash_table_size (errors) == 0;
}

gboolean
pl_unit_editor_flush (PlUnitEditor *self)
{
  gboolean ok;

  g_return_val_if_fail (PL_IS_UNIT_EDITOR (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);
  ok = flush_unit (self);
  ok = _pl_unit_editor_milestones_flush (self) && ok;
  return ok;
}

static gboolean
autosave_cb (gpointer data)
{
  PlUnitEditor *self = data;

  self->save_id = 0;
  pl_unit_editor_flush (self);
  return G_SOURCE_REMOVE;
}

void
_pl_unit_editor_queue_save (PlUnitEditor *self)
{
  if (self->loading)
    return;
  self->close_anyway = FALSE;
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (AUTOSAVE_MS, autosave_cb, self);
}

static gboolean
on_close_request_cb (GtkWindow    *window,
                     PlUnitEditor *self)
{
  if (pl_unit_editor_flush (self) || self->close_anyway)
    return FALSE;
  self->close_anyway = TRUE;
  _pl_unit_editor_toast (self, adw_toast_new (_("Some changes are not saved: fix the fields marked in red, or close again to keep their last saved values")));
  return TRUE;
}

/* ---- loading -------------------------------------------------------------- */

static void
load_unit (PlUnitEditor *self)
{
  PlRecord *u = PL_RECORD (self->unit);
  g_auto(GStrv) goals = pl_unit_get_goals (self->unit);
  GtkWidget *child;
  g_autoptr(PlRecord) classroom = NULL;

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), pl_record_get_string (u, "title"));
  gtk_editable_set_text (GTK_EDITABLE (self->idea_row),
                         pl_record_get_string (u, "big-idea") != NULL ? pl_record_get_string (u, "big-idea") : "");
  gtk_editable_set_text (GTK_EDITABLE (self->starts_row),
                         pl_record_get_string (u, "starts-on") != NULL ? pl_record_get_string (u, "starts-on") : "");
  gtk_editable_set_text (GTK_EDITABLE (self->ends_row),
                         pl_record_get_string (u, "ends-on") != NULL ? pl_record_get_string (u, "ends-on") : "");
  while ((child = goal_row (self, 0)) != NULL)
    gtk_list_box_remove (self->goals_list, child);
  for (guint i = 0; goals[i] != NULL; i++)
    add_goal_row (self, goals[i], -1);
  self->loading = FALSE;

  if (pl_record_get_string (u, "classroom-uuid") != NULL)
    classroom = pl_store_get (self->store, PL_TYPE_CLASSROOM, pl_record_get_string (u, "classroom-uuid"), NULL);
  adw_window_title_set_subtitle (self->window_title,
                                 classroom != NULL ? pl_record_get_string (classroom, "name") : "");
  update_idea_hint (self);
  update_goals_warning (self);
  gtk_label_set_label (self->smart_label, _("A good goal is specific, measurable, achievable, relevant and time-bound."));
}

/* ---- GObject -------------------------------------------------------------- */

static void
pl_unit_editor_dispose (GObject *object)
{
  PlUnitEditor *self = PL_UNIT_EDITOR (object);

  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_weak_pointer (&self->last_toast);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_UNIT_EDITOR);
  g_clear_object (&self->choices);
  g_clear_object (&self->standards_filter);
  g_clear_pointer (&self->chosen, g_hash_table_unref);
  g_clear_pointer (&self->depths, g_hash_table_unref);
  g_clear_pointer (&self->matching, g_hash_table_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->milestone_rows, g_ptr_array_unref);
  g_clear_pointer (&self->dirty_milestones, g_hash_table_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_object (&self->unit);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pl_unit_editor_parent_class)->dispose (object);
}

static void
pl_unit_editor_class_init (PlUnitEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_unit_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/PersonalLearn/boards/pl-unit-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PlUnitEditor, toasts);
  gtk_widget_class_bind_template_child (widget_class, PlUnitEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlUnitEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, PlUnitEditor, idea_row);
  gtk_widget_class_bind_template_child (widget_class, PlUnitEditor, starts_row);
  gtk_widget_class_bind_template_child (widget_class, PlUnitEditor, ends_row);
  gtk_widget_class_bind_template_child (widget_class, PlUnitEditor, idea_hint);
  gtk_widget_class_bind_template_child (widget_class, PlUnitEditor, unit_error);
  gtk_widget_class_bind_template_child (widget_class, PlUnitEditor, goals_list);
  gtk_widget_class_bind_template_child (widget_class, PlUnitEditor, goals_warning);
  gtk_widget_class_bind_template_child (widget_class, PlUnitEditor, smart_label);
  gtk_widget_class_bind_template_child (widget_class, PlUnitEditor, standards_group);
  gtk_widget_class_bind_template_child (widget_class, PlUnitEditor, standards_search);
  gtk_widget_class_bind_template_child (widget_class, PlUnitEditor, standards_frame);
  gtk_widget_class_bind_template_child (widget_class, PlUnitEditor, standards_view);
  gtk_widget_class_bind_template_child (widget_class, PlUnitEditor, standards_empty);
  gtk_widget_class_bind_template_child (widget_class, PlUnitEditor, milestones_list);
  gtk_widget_class_bind_template_child (widget_class, PlUnitEditor, milestones_empty);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_field_changed_cb);

  gtk_widget_class_install_action (widget_class, "unit.add-goal", NULL, add_goal_action);
  gtk_widget_class_install_action (widget_class, "unit.add-milestone", NULL, add_milestone_action);
  gtk_widget_class_install_action (widget_class, "unit.standards", NULL, standards_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_unit_editor_init (PlUnitEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  {
    GtkWidget *none = gtk_label_new (_("No goals yet: Add Goal writes the first."));

    gtk_widget_add_css_class (none, "dim-label");
    gtk_widget_set_margin_top (none, 12);
    gtk_widget_set_margin_bottom (none, 12);
    gtk_list_box_set_placeholder (self->goals_list, none);
  }
  self->milestone_rows = g_ptr_array_new ();
  self->dirty_milestones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  _pl_unit_editor_add_calendar (self->starts_row, _("Choose the start date"));
  _pl_unit_editor_add_calendar (self->ends_row, _("Choose the end date"));
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request_cb), self);
}

PlUnitEditor *
pl_unit_editor_new (PlContext *context,
                    PlUnit    *unit)
{
  PlUnitEditor *self;

  g_return_val_if_fail (PL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (PL_IS_UNIT (unit), NULL);

  self = g_object_new (PL_TYPE_UNIT_EDITOR, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (pl_context_get_store (context));
  /* A copy of what is saved, not the caller's record. */
  self->unit = pl_store_get (self->store, PL_TYPE_UNIT, pl_record_get_uuid (PL_RECORD (unit)), NULL);
  if (self->unit == NULL)
    self->unit = g_object_ref (unit);

  _pl_unit_editor_standards_init (self);
  load_unit (self);
  _pl_unit_editor_standards_load (self);
  _pl_unit_editor_milestones_load (self, NULL);
  return self;
}

const char *
pl_unit_editor_get_unit_uuid (PlUnitEditor *self)
{
  g_return_val_if_fail (PL_IS_UNIT_EDITOR (self), NULL);
  return pl_record_get_uuid (PL_RECORD (self->unit));
}

void
pl_unit_editor_focus_title (PlUnitEditor *self)
{
  g_return_if_fail (PL_IS_UNIT_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  gtk_editable_select_region (GTK_EDITABLE (self->title_row), 0, -1);
}
