/* pl-scoring-window.c — score a learner's work on a rubric from the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "core/pl-core.h"
#include "core/pl-store-evidence.h"
#include "core/pl-store-learners.h"
#include "core/pl-store-rubrics.h"
#include "core/pl-store-scoring.h"
#include "pl-scoring-window-private.h"

static void
criterion_row_free (gpointer data)
{
  CriterionRow *row = data;

  g_ptr_array_unref (row->buttons);
  g_free (row->initial_comment);
  g_free (row);
}


G_DEFINE_FINAL_TYPE (PlScoringWindow, pl_scoring_window, ADW_TYPE_WINDOW)

static void
toast (PlScoringWindow *self,
       const char      *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

static PlRecord *
selected_item (GtkDropDown *dropdown,
               GListModel  *model)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  if (model == NULL || i >= g_list_model_get_n_items (model))
    return NULL;
  return g_list_model_get_item (model, i);
}

static Work *
selected_work (PlScoringWindow *self)
{
  guint i = gtk_drop_down_get_selected (self->work_dropdown);

  return i < self->works->len ? &g_array_index (self->works, Work, i) : NULL;
}

CriterionRow *
_pl_scoring_window_row (PlScoringWindow *self,
                        guint            index)
{
  return index < self->rows->len ? g_ptr_array_index (self->rows, index) : NULL;
}

/* The range of points of level LEVEL, FALSE when it is worth fixed points. */
static gboolean
level_range (PlScoringWindow *self,
             int              level,
             double          *out_min,
             double          *out_max,
             double          *out_points)
{
  g_autoptr(PlRubricLevel) l = NULL;

  if (level < 0 || self->levels == NULL || (guint) level >= g_list_model_get_n_items (self->levels))
    return FALSE;
  l = g_list_model_get_item (self->levels, level);
  if (out_points != NULL)
    *out_points = pl_record_get_double (PL_RECORD (l), "points");
  return pl_rubric_level_get_range (l, out_min, out_max);
}

void
_pl_scoring_window_set_current (PlScoringWindow *self,
                                guint            index)
{
  if (index >= self->rows->len)
    return;
  self->current = index;
  gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (((CriterionRow *) g_ptr_array_index (self->rows, index))->row));
}

static void
choose (PlScoringWindow *self,
        guint            criterion,
        int              level)
{
  CriterionRow *row = g_ptr_array_index (self->rows, criterion);
  double lo, hi, points = 0;
  gboolean ranged = level_range (self, level, &lo, &hi, &points);

  row->chosen = level;
  self->updating = TRUE;
  for (guint j = 0; j < row->buttons->len; j++)
    gtk_toggle_button_set_active (g_ptr_array_index (row->buttons, j), (int) j == level);
  /* A level worth a range of points asks for the points within it. */
  gtk_widget_set_visible (GTK_WIDGET (row->points), ranged);
  if (ranged)
    {
      g_autofree char *tip = g_strdup_printf (_("Points within the level, %g to %g"), lo, hi);

      gtk_spin_button_set_range (row->points, lo, hi);
      gtk_spin_button_set_value (row->points, CLAMP (points, lo, hi));
      gtk_widget_set_tooltip_text (GTK_WIDGET (row->points), tip);
    }
  self->updating = FALSE;
}

/* Levels chosen or changed, points or comments edited, and not saved. */
gboolean
pl_scoring_window_has_unsaved (PlScoringWindow *self)
{
  g_return_val_if_fail (PL_IS_SCORING_WINDOW (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    {
      CriterionRow *row = g_ptr_array_index (self->rows, i);

      if (row->chosen < 0)
        continue;
      if (row->chosen != row->initial ||
          g_strcmp0 (row->initial_comment ? row->initial_comment : "",
                     gtk_editable_get_text (GTK_EDITABLE (row->comment))) != 0 ||
          (gtk_widget_get_visible (GTK_WIDGET (row->points)) &&
           gtk_spin_button_get_value (row->points) != row->initial_points))
        return TRUE;
    }
  return FALSE;
}

static void
on_level_toggled_cb (GtkToggleButton *button,
                     PlScoringWindow *self)
{
  guint criterion = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "criterion"));
  int level = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "level"));

  if (self->updating || !gtk_toggle_button_get_active (button))
    return;
  choose (self, criterion, level);
  self->current = criterion;
}

static void
on_row_focus_cb (GtkEventControllerFocus *controller,
                 PlScoringWindow         *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  self->current = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "criterion"));
}

static void
insert_comment_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PlScoringWindow *self = PL_SCORING_WINDOW (widget);
  guint32 criterion;
  const char *comment;

  g_variant_get (parameter, "(u&s)", &criterion, &comment);
  pl_scoring_window_set_comment (self, criterion, comment);
}

static void
fill_bank (PlScoringWindow *self,
           GtkWidget       *button,
           guint            criterion)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; self->bank != NULL && self->bank[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (self->bank[i], NULL);

      g_menu_item_set_action_and_target_value (item, "scoring.insert-comment",
                                               g_variant_new ("(us)", criterion, self->bank[i]));
      g_menu_append_item (menu, item);
    }
  gtk_widget_set_sensitive (button, self->bank != NULL && self->bank[0] != NULL);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
}

static GtkWidget *
bank_button (PlScoringWindow *self,
             guint            criterion)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "user-bookmarks-symbolic");
  gtk_widget_set_tooltip_text (button, _("Comment bank: comments you often write"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Insert a comment from the comment bank"), -1);
  fill_bank (self, button, criterion);
  return button;
}

/* Comments just saved join the bank at once. */
static void
refresh_bank (PlScoringWindow *self)
{
  g_clear_pointer (&self->bank, g_strfreev);
  self->bank = pl_store_comment_bank (self->store, NULL, 12, NULL);
  for (guint i = 0; i < self->rows->len; i++)
    fill_bank (self, ((CriterionRow *) g_ptr_array_index (self->rows, i))->bank, i);
}

GStrv
pl_scoring_window_get_bank (PlScoringWindow *self)
{
  g_return_val_if_fail (PL_IS_SCORING_WINDOW (self), NULL);
  return self->bank;
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* The date in the "Assessed on" field, or NULL with why not. */
static char *
assessed_on (PlScoringWindow  *self,
             GError          **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *day = NULL;
  g_autofree char *now = today ();

  if (strlen (trimmed) != 10 || (day = pl_evidence_normalize_date (trimmed)) == NULL)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("Assessed on: “%s” is not a date; write it as YYYY-MM-DD, e.g. %s"), trimmed, now);
      return NULL;
    }
  if (strcmp (day, now) > 0)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("Assessed on: %s is in the future"), day);
      return NULL;
    }
  return g_steal_pointer (&day);
}

static void
on_date_changed_cb (PlScoringWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *day = assessed_on (self, &error);

  if (day == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_entry), error->message);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_entry),
                                   _("The day the work was assessed: evidence counts in this order"));
    }
}

static void
prefill (PlScoringWindow *self)
{
  g_autoptr(PlRecord) rubric = selected_item (self->rubric_dropdown, self->rubrics);
  g_autoptr(PlRecord) learner = selected_item (self->learner_dropdown, self->learners);
  Work *work = selected_work (self);
  g_autoptr(GListModel) evidence = NULL;
  g_autofree char *now = today ();

  /* The day it was handed in is the day it is assessed, unless the
   * teacher says otherwise. */
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry),
                         work != NULL && work->submitted_on != NULL ? work->submitted_on : now);
  for (guint i = 0; i < self->rows->len; i++)
    {
      CriterionRow *row = g_ptr_array_index (self->rows, i);

      choose (self, i, -1);
      gtk_editable_set_text (GTK_EDITABLE (row->comment), "");
      row->initial = -1;
      row->initial_points = NAN;
      g_clear_pointer (&row->initial_comment, g_free);
    }
  if (rubric == NULL || learner == NULL || work == NULL)
    return;
  evidence = pl_store_list_rubric_evidence (self->store, pl_record_get_uuid (rubric),
                                            pl_record_get_uuid (learner), work->uuid, NULL);
  for (guint k = 0; evidence != NULL && k < g_list_model_get_n_items (evidence); k++)
    {
      g_autoptr(PlRecord) e = g_list_model_get_item (evidence, k);
      double score = pl_record_get_double (e, "score");
      g_autoptr(PlRubricLevel) level = pl_store_level_for_points (self->store, pl_record_get_uuid (rubric), score);

      for (guint i = 0; i < g_list_model_get_n_items (self->criteria); i++)
        {
          g_autoptr(PlRecord) c = g_list_model_get_item (self->criteria, i);
          CriterionRow *row = g_ptr_array_index (self->rows, i);

          if (g_strcmp0 (pl_record_get_uuid (c), pl_record_get_string (e, "criterion_uuid")) != 0)
            continue;
          for (guint j = 0; level != NULL && j < g_list_model_get_n_items (self->levels); j++)
            {
              g_autoptr(PlRecord) l = g_list_model_get_item (self->levels, j);

              if (g_strcmp0 (pl_record_get_uuid (l), pl_record_get_uuid (PL_RECORD (level))) == 0)
                {
                  choose (self, i, j);
                  row->initial = j;
                  if (gtk_widget_get_visible (GTK_WIDGET (row->points)))
                    {
                      gtk_spin_button_set_value (row->points, score);
                      row->initial_points = gtk_spin_button_get_value (row->points);
                    }
                }
            }
          gtk_editable_set_text (GTK_EDITABLE (row->comment), pl_record_get_string (e, "comment") ?: "");
          g_free (row->initial_comment);
          row->initial_comment = g_strdup (pl_record_get_string (e, "comment") ?: "");
        }
    }
  _pl_scoring_window_set_current (self, 0);
}

static void
on_row_activated_cb (GtkListBox      *list,
                     GtkListBoxRow   *list_row,
                     PlScoringWindow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (list_row), "criterion"));
  CriterionRow *row = _pl_scoring_window_row (self, index);

  /* Return on a criterion: write its comment. */
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row->comment));
}

static void
rebuild_rows (PlScoringWindow *self)
{
  g_autoptr(PlRecord) rubric = selected_item (self->rubric_dropdown, self->rubrics);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->rows, 0);
  g_clear_object (&self->criteria);
  g_clear_object (&self->levels);
  g_clear_pointer (&self->bank, g_strfreev);
  self->current = 0;
  if (rubric == NULL)
    return;

  self->criteria = pl_store_list_criteria (self->store, pl_record_get_uuid (rubric), NULL);
  self->levels = pl_store_list_levels (self->store, pl_record_get_uuid (rubric), NULL);
  self->bank = pl_store_comment_bank (self->store, NULL, 12, NULL);
  if (self->criteria == NULL || self->levels == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (self->criteria); i++)
    {
      g_autoptr(PlRecord) c = g_list_model_get_item (self->criteria, i);
      CriterionRow *row = g_new0 (CriterionRow, 1);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *levels_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *comment_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *title = gtk_label_new (pl_record_get_string (c, "title"));
      GtkEventController *focus = gtk_event_controller_focus_new ();
      GtkToggleButton *first = NULL;
      g_autofree char *comment_label = g_strdup_printf (_("Comment on %s"), pl_record_get_string (c, "title"));
      g_autofree char *points_label = g_strdup_printf (_("Points on %s"), pl_record_get_string (c, "title"));

      row->buttons = g_ptr_array_new ();
      row->chosen = -1;
      row->initial = -1;
      row->initial_points = NAN;
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (title, "heading");
      gtk_box_append (GTK_BOX (box), title);
      for (guint j = 0; j < g_list_model_get_n_items (self->levels); j++)
        {
          g_autoptr(PlRecord) l = g_list_model_get_item (self->levels, j);
          g_autofree char *text = g_strdup_printf ("%u %s", j + 1, pl_record_get_string (l, "title"));
          g_autofree char *descriptor = pl_store_get_descriptor (self->store, pl_record_get_uuid (c),
                                                                 pl_record_get_uuid (l));
          GtkWidget *button = gtk_toggle_button_new_with_label (text);

          gtk_widget_add_css_class (button, "scoring-level");
          if (*descriptor != '\0')
            gtk_widget_set_tooltip_text (button, descriptor);
          if (first == NULL)
            first = GTK_TOGGLE_BUTTON (button);
          else
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
          g_object_set_data (G_OBJECT (button), "criterion", GUINT_TO_POINTER (i));
          g_object_set_data (G_OBJECT (button), "level", GINT_TO_POINTER (j));
          g_signal_connect (button, "toggled", G_CALLBACK (on_level_toggled_cb), self);
          gtk_box_append (GTK_BOX (levels_box), button);
          g_ptr_array_add (row->buttons, button);
        }
      row->points = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 1, 0.5));
      gtk_spin_button_set_digits (row->points, 1);
      gtk_widget_set_visible (GTK_WIDGET (row->points), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->points), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      points_label, -1);
      gtk_box_append (GTK_BOX (levels_box), GTK_WIDGET (row->points));
      gtk_box_append (GTK_BOX (box), levels_box);

      row->comment = GTK_ENTRY (gtk_entry_new ());
      gtk_widget_set_hexpand (GTK_WIDGET (row->comment), TRUE);
      gtk_entry_set_placeholder_text (row->comment, _("Comment (optional; Escape or Tab goes back to the levels)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->comment), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      comment_label, -1);
      g_object_set_data (G_OBJECT (row->comment), "criterion", GUINT_TO_POINTER (i));
      gtk_box_append (GTK_BOX (comment_box), GTK_WIDGET (row->comment));
      row->bank = bank_button (self, i);
      gtk_box_append (GTK_BOX (comment_box), row->bank);
      gtk_box_append (GTK_BOX (box), comment_box);

      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      row->row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->row), box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      pl_record_get_string (c, "title"), -1);
      g_object_set_data (G_OBJECT (row->row), "criterion", GUINT_TO_POINTER (i));
      g_signal_connect (focus, "enter", G_CALLBACK (on_row_focus_cb), self);
      gtk_widget_add_controller (row->row, focus);
      gtk_list_box_append (self->list, row->row);
      g_ptr_array_add (self->rows, row);
    }
  prefill (self);
}

static void
load_works (PlScoringWindow *self)
{
  g_autoptr(PlRecord) learner = selected_item (self->learner_dropdown, self->learners);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  g_array_set_size (self->works, 0);
  if (learner != NULL)
    {
      g_autoptr(GArray) works = pl_store_list_scoring_work (self->store,
                                                            pl_record_get_uuid (PL_RECORD (self->classroom)),
                                                            pl_record_get_uuid (learner), &error);

      if (works == NULL)
        toast (self, error->message);
      for (guint i = 0; works != NULL && i < works->len; i++)
        {
          Work *work = &g_array_index (works, Work, i);
          g_autofree char *title = NULL;

          if (g_str_equal (work->source, "pick"))
            /* Translators: a choice-board pick in the list of work to score. */
            title = g_strdup_printf (_("Pick: %s"), work->title);
          else
            /* Translators: a milestone in the list of work to score. */
            title = g_strdup_printf (_("Milestone: %s"), work->title);
          if (g_strcmp0 (work->work_key, self->work_key) == 0)
            selected = self->works->len;
          gtk_string_list_append (titles, title);
          g_array_append_val (self->works, *work);
          memset (work, 0, sizeof *work);   /* moved into self->works */
        }
      if (self->work_key != NULL && selected == 0 && self->works->len > 0 &&
          g_strcmp0 (g_array_index (self->works, Work, 0).work_key, self->work_key) != 0)
        {
          g_autofree char *message =
            g_strdup_printf (_("%s has not handed in the same work: showing their first"),
                             pl_record_get_string (learner, "given_name"));

          toast (self, message);
        }
    }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->work_dropdown, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->work_dropdown, selected);
  self->updating = FALSE;
  prefill (self);
}

static void
on_rubric_selected_cb (PlScoringWindow *self)
{
  if (!self->updating)
    rebuild_rows (self);
}

static void
on_learner_selected_cb (PlScoringWindow *self)
{
  if (!self->updating)
    load_works (self);
}

static void
on_work_selected_cb (PlScoringWindow *self)
{
  Work *work;

  if (self->updating)
    return;
  /* The teacher chose this work: the next learner gets the same. */
  work = selected_work (self);
  g_free (self->work_key);
  self->work_key = g_strdup (work != NULL ? work->work_key : NULL);
  prefill (self);
}

gboolean
pl_scoring_window_choose_level (PlScoringWindow *self,
                                guint            number)
{
  CriterionRow *row;

  g_return_val_if_fail (PL_IS_SCORING_WINDOW (self), FALSE);

  if (self->current >= self->rows->len)
    return FALSE;
  row = g_ptr_array_index (self->rows, self->current);
  if (number < 1 || number > row->buttons->len)
    return FALSE;
  choose (self, self->current, number - 1);
  /* A level with a range asks for its points first; otherwise on to the
   * next criterion, so a whole rubric is a row of key presses. */
  if (gtk_widget_get_visible (GTK_WIDGET (row->points)))
    {
      gtk_widget_grab_focus (GTK_WIDGET (row->points));
      return TRUE;
    }
  if (self->current + 1 < self->rows->len)
    _pl_scoring_window_set_current (self, self->current + 1);
  gtk_widget_grab_focus (((CriterionRow *) g_ptr_array_index (self->rows, self->current))->row);
  return TRUE;
}

void
pl_scoring_window_set_comment (PlScoringWindow *self,
                               guint            criterion,
                               const char      *comment)
{
  g_return_if_fail (PL_IS_SCORING_WINDOW (self));
  g_return_if_fail (criterion < self->rows->len);

  gtk_editable_set_text (GTK_EDITABLE (((CriterionRow *) g_ptr_array_index (self->rows, criterion))->comment),
                         comment);
}

guint
pl_scoring_window_get_current (PlScoringWindow *self)
{
  g_return_val_if_fail (PL_IS_SCORING_WINDOW (self), 0);
  return self->current;
}

void
pl_scoring_window_select (PlScoringWindow *self,
                          guint            learner,
                          guint            work)
{
  g_return_if_fail (PL_IS_SCORING_WINDOW (self));

  gtk_drop_down_set_selected (self->learner_dropdown, learner);
  gtk_drop_down_set_selected (self->work_dropdown, work);
}

const char *
pl_scoring_window_get_work_key (PlScoringWindow *self)
{
  Work *work;

  g_return_val_if_fail (PL_IS_SCORING_WINDOW (self), NULL);
  work = selected_work (self);
  return work != NULL ? work->work_key : NULL;
}

guint
pl_scoring_window_get_n_works (PlScoringWindow *self)
{
  g_return_val_if_fail (PL_IS_SCORING_WINDOW (self), 0);
  return self->works->len;
}

GtkEditable *
pl_scoring_window_get_date_editable (PlScoringWindow *self)
{
  g_return_val_if_fail (PL_IS_SCORING_WINDOW (self), NULL);
  return GTK_EDITABLE (self->date_entry);
}

GtkSpinButton *
pl_scoring_window_get_points (PlScoringWindow *self,
                              guint            criterion)
{
  g_return_val_if_fail (PL_IS_SCORING_WINDOW (self), NULL);
  g_return_val_if_fail (criterion < self->rows->len, NULL);
  return ((CriterionRow *) g_ptr_array_index (self->rows, criterion))->points;
}

gboolean
pl_scoring_window_save (PlScoringWindow  *self,
                        GError          **error)
{
  g_autoptr(PlRecord) rubric = selected_item (self->rubric_dropdown, self->rubrics);
  g_autoptr(PlRecord) learner = selected_item (self->learner_dropdown, self->learners);
  g_autoptr(GArray) scores = g_array_new (FALSE, TRUE, sizeof (PlRubricScore));
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *day = NULL;
  Work *work = selected_work (self);
  guint next;

  g_return_val_if_fail (PL_IS_SCORING_WINDOW (self), FALSE);

  if (rubric == NULL || learner == NULL || work == NULL)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("Choose a rubric, a learner and the work to score"));
      return FALSE;
    }
  day = assessed_on (self, error);
  if (day == NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
      return FALSE;
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      CriterionRow *row = g_ptr_array_index (self->rows, i);
      gboolean ranged = gtk_widget_get_visible (GTK_WIDGET (row->points));
      PlRecord *c, *l;
      PlRubricScore score = { 0 };

      if (row->chosen < 0)
        continue;
      if (ranged)
        gtk_spin_button_update (row->points);
      /* What was already scored and is unchanged needs no correction. */
      if (row->chosen == row->initial &&
          (!ranged || gtk_spin_button_get_value (row->points) == row->initial_points) &&
          g_strcmp0 (row->initial_comment, gtk_editable_get_text (GTK_EDITABLE (row->comment))) == 0)
        continue;
      c = g_list_model_get_item (self->criteria, i);
      l = g_list_model_get_item (self->levels, row->chosen);
      g_ptr_array_add (keep, c);
      g_ptr_array_add (keep, l);
      score.criterion_uuid = pl_record_get_uuid (c);
      score.level_uuid = pl_record_get_uuid (l);
      score.points = ranged ? gtk_spin_button_get_value (row->points) : NAN;
      score.comment = gtk_editable_get_text (GTK_EDITABLE (row->comment));
      g_array_append_val (scores, score);
    }
  if (scores->len == 0)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("Nothing to save: choose or change a level for at least one criterion"));
      return FALSE;
    }
  if (!pl_store_score_rubric (self->store, pl_record_get_uuid (rubric), pl_record_get_uuid (learner),
                              work->source, work->uuid, day, (PlRubricScore *) (void *) scores->data,
                              scores->len, error))
    return FALSE;

  /* Next learner, same work (the same option or milestone), ready for
   * the keys again. */
  g_free (self->work_key);
  self->work_key = g_strdup (work->work_key);
  g_clear_pointer (&self->bank, g_strfreev);
  next = gtk_drop_down_get_selected (self->learner_dropdown) + 1;
  if (next < g_list_model_get_n_items (self->learners))
    gtk_drop_down_set_selected (self->learner_dropdown, next);
  else
    prefill (self);
  refresh_bank (self);
  if (self->rows->len > 0)
    gtk_widget_grab_focus (((CriterionRow *) g_ptr_array_index (self->rows, 0))->row);
  return TRUE;
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PlScoringWindow *self = PL_SCORING_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!pl_scoring_window_save (self, &error))
    toast (self, error->message);
  else
    toast (self, _("Saved as evidence"));
}

static void
on_store_changed_cb (PlStore         *store,
                     const char      *table,
                     PlScoringWindow *self)
{
  /* A rubric renamed in the editor shows its new title here. */
  if (table == NULL || g_str_equal (table, "rubric"))
    {
      for (guint i = 0; i < g_list_model_get_n_items (self->rubrics); i++)
        {
          g_autoptr(PlRecord) r = g_list_model_get_item (self->rubrics, i);
          g_autoptr(PlRecord) fresh = pl_store_get (self->store, PL_TYPE_RUBRIC, pl_record_get_uuid (r), NULL);
          const char *title = fresh != NULL ? pl_record_get_string (fresh, "title") : NULL;
          const char *shown = gtk_string_list_get_string (self->rubric_titles, i);

          if (title != NULL && g_strcmp0 (title, shown) != 0)
            {
              const char *replacement[] = { title, NULL };

              self->updating = TRUE;
              gtk_string_list_splice (self->rubric_titles, i, 1, replacement);
              self->updating = FALSE;
            }
        }
    }
}

static void
pl_scoring_window_dispose (GObject *object)
{
  PlScoringWindow *self = PL_SCORING_WINDOW (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->store_changed_id, self->store);
  g_clear_object (&self->rubrics);
  g_clear_object (&self->rubric_titles);
  g_clear_object (&self->learners);
  g_clear_object (&self->criteria);
  g_clear_object (&self->levels);
  g_clear_pointer (&self->works, g_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->bank, g_strfreev);
  g_clear_pointer (&self->work_key, g_free);
  g_clear_object (&self->store);
  g_clear_object (&self->classroom);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (pl_scoring_window_parent_class)->dispose (object);
}

static void
pl_scoring_window_class_init (PlScoringWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pl_scoring_window_dispose;
  window_class->close_request = _pl_scoring_window_close_request_cb;
  gtk_widget_class_install_action (widget_class, "scoring.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "scoring.insert-comment", "(us)", insert_comment_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "scoring.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "scoring.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "scoring.save", NULL);
  gtk_widget_class_install_action (widget_class, "scoring.close", NULL, _pl_scoring_window_close_action_cb);
}

static void
pl_scoring_window_init (PlScoringWindow *self)
{
  self->works = g_array_new (FALSE, TRUE, sizeof (PlScoringWork));
  g_array_set_clear_func (self->works, (GDestroyNotify) pl_scoring_work_clear);
  self->rows = g_ptr_array_new_with_free_func (criterion_row_free);
}

static GtkWidget *
labelled (const char *text,
          GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return box;
}

PlScoringWindow *
pl_scoring_window_new (PlContext   *context,
                       PlClassroom *classroom)
{
  PlScoringWindow *self;
  g_autoptr(GtkStringList) learner_names = gtk_string_list_new (NULL);
  GtkWidget *box, *header, *choices, *scroller, *save;
  GtkEventController *keys;
  g_autofree char *title = NULL;

  g_return_val_if_fail (PL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (PL_IS_CLASSROOM (classroom), NULL);

  title = g_strdup_printf (_("Score Work — %s"), pl_record_get_string (PL_RECORD (classroom), "name"));
  self = g_object_new (PL_TYPE_SCORING_WINDOW, "title", title, "default-width", 820,
                       "default-height", 640, NULL);
  self->context = g_object_ref (context);
  self->classroom = g_object_ref (classroom);
  self->store = g_object_ref (pl_context_get_store (context));
  self->rubric_titles = gtk_string_list_new (NULL);

  self->rubrics = pl_store_list_rubrics (self->store, pl_record_get_uuid (PL_RECORD (classroom)), NULL);
  if (self->rubrics == NULL)
    self->rubrics = G_LIST_MODEL (g_list_store_new (PL_TYPE_RUBRIC));
  for (guint i = 0; i < g_list_model_get_n_items (self->rubrics); i++)
    {
      g_autoptr(PlRecord) r = g_list_model_get_item (self->rubrics, i);

      gtk_string_list_append (self->rubric_titles, pl_record_get_string (r, "title"));
    }
  {
    g_autoptr(GListModel) all = pl_store_list_class_learners (self->store,
                                                              pl_record_get_uuid (PL_RECORD (classroom)), NULL);
    GListStore *active = g_list_store_new (PL_TYPE_LEARNER);

    /* Archived learners keep their evidence but are not scored any more. */
    for (guint i = 0; all != NULL && i < g_list_model_get_n_items (all); i++)
      {
        g_autoptr(PlRecord) l = g_list_model_get_item (all, i);

        if (!pl_record_get_boolean (l, "archived"))
          g_list_store_append (active, l);
      }
    self->learners = G_LIST_MODEL (active);
  }
  for (guint i = 0; i < g_list_model_get_n_items (self->learners); i++)
    {
      g_autoptr(PlRecord) l = g_list_model_get_item (self->learners, i);
      g_autofree char *name = g_strdup_printf ("%s %s", pl_record_get_string (l, "given_name"),
                                               pl_record_get_string (l, "family_name"));

      gtk_string_list_append (learner_names, name);
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  header = adw_header_bar_new ();
  save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "scoring.save");
  gtk_widget_set_tooltip_text (save, _("Save the levels as evidence and go to the next learner (Ctrl+Return)"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (box), header);

  choices = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (choices), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (choices), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (choices), 12);
  gtk_widget_set_margin_start (choices, 12);
  gtk_widget_set_margin_end (choices, 12);
  self->rubric_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->rubric_titles)), NULL));
  self->learner_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (learner_names)), NULL));
  self->work_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  self->date_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (self->date_entry), 11);
  gtk_entry_set_placeholder_text (self->date_entry, _("YYYY-MM-DD"));
  gtk_flow_box_append (GTK_FLOW_BOX (choices), labelled (_("_Rubric"), GTK_WIDGET (self->rubric_dropdown)));
  gtk_flow_box_append (GTK_FLOW_BOX (choices), labelled (_("_Learner"), GTK_WIDGET (self->learner_dropdown)));
  gtk_flow_box_append (GTK_FLOW_BOX (choices), labelled (_("_Work"), GTK_WIDGET (self->work_dropdown)));
  gtk_flow_box_append (GTK_FLOW_BOX (choices), labelled (_("Assessed _on"), GTK_WIDGET (self->date_entry)));
  /* The flow box's children need not take the focus themselves. */
  for (GtkWidget *child = gtk_widget_get_first_child (choices); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  gtk_box_append (GTK_BOX (box), choices);

  self->hint_label = GTK_LABEL (gtk_label_new (_("Keys 1–4 choose the level of the highlighted criterion and move "
                                                 "to the next; Return writes a comment, and Escape or Tab goes "
                                                 "back to the levels. Ctrl+Return saves and opens the next learner "
                                                 "with the same work. Scores become evidence, dated the day "
                                                 "assessed; scoring again records a correction.")));
  gtk_label_set_wrap (self->hint_label, TRUE);
  gtk_label_set_xalign (self->hint_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "dim-label");
  gtk_widget_set_margin_start (GTK_WIDGET (self->hint_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->hint_label), 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->hint_label));

  scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scroller, TRUE);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_margin_start (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->list), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Criteria to score"), -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (box), scroller);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (_pl_scoring_window_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect_swapped (self->rubric_dropdown, "notify::selected", G_CALLBACK (on_rubric_selected_cb), self);
  g_signal_connect_swapped (self->learner_dropdown, "notify::selected", G_CALLBACK (on_learner_selected_cb), self);
  g_signal_connect_swapped (self->work_dropdown, "notify::selected", G_CALLBACK (on_work_selected_cb), self);
  g_signal_connect_swapped (self->date_entry, "changed", G_CALLBACK (on_date_changed_cb), self);
  self->store_changed_id = g_signal_connect (self->store, "changed", G_CALLBACK (on_store_changed_cb), self);

  rebuild_rows (self);
  load_works (self);
  if (self->rows->len > 0)
    gtk_widget_grab_focus (((CriterionRow *) g_ptr_array_index (self->rows, 0))->row);
  return self;
}

GtkDropDown *
pl_scoring_window_get_rubric_dropdown (PlScoringWindow *self)
{
  g_return_val_if_fail (PL_IS_SCORING_WINDOW (self), NULL);
  return self->rubric_dropdown;
}
