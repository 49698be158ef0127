/* pl-scoring-window.c — score a learner's work on a rubric from the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>

#include "core/pl-core.h"
#include "core/pl-store-learners.h"
#include "core/pl-store-rubrics.h"
#include "pl-scoring-window.h"

typedef struct
{
  char *source;   /* "pick" or "milestone" */
  char *uuid;
} Work;

static void
work_free (gpointer data)
{
  Work *work = data;

  g_free (work->source);
  g_free (work->uuid);
  g_free (work);
}

typedef struct
{
  GtkWidget  *row;
  GPtrArray  *buttons;     /* GtkToggleButton per level */
  GtkEntry   *comment;
  int         chosen;      /* level index, -1 none */
  int         initial;     /* the level of the live evidence, -1 none */
  char       *initial_comment;
} CriterionRow;

static void
criterion_row_free (gpointer data)
{
  CriterionRow *row = data;

  g_ptr_array_unref (row->buttons);
  g_free (row->initial_comment);
  g_free (row);
}

struct _PlScoringWindow
{
  AdwWindow        parent_instance;

  PlContext       *context;
  PlClassroom     *classroom;
  PlStore         *store;

  AdwToastOverlay *toasts;
  GtkDropDown     *rubric_dropdown;
  GtkDropDown     *learner_dropdown;
  GtkDropDown     *work_dropdown;
  GtkListBox      *list;
  GtkLabel        *hint_label;

  GListModel      *rubrics;
  GListModel      *learners;
  GListModel      *criteria;
  GListModel      *levels;
  GPtrArray       *works;
  GPtrArray       *rows;
  GStrv            bank;
  guint            current;
  gboolean         updating;
};

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

  return i < self->works->len ? g_ptr_array_index (self->works, i) : NULL;
}

static void
set_current (PlScoringWindow *self,
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

  row->chosen = level;
  self->updating = TRUE;
  for (guint j = 0; j < row->buttons->len; j++)
    gtk_toggle_button_set_active (g_ptr_array_index (row->buttons, j), (int) j == level);
  self->updating = FALSE;
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

static GtkWidget *
bank_button (PlScoringWindow *self,
             guint            criterion)
{
  GtkWidget *button = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "user-bookmarks-symbolic");
  gtk_widget_set_tooltip_text (button, _("Comment bank: comments you often write"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Insert a comment from the comment bank"), -1);
  for (guint i = 0; self->bank != NULL && self->bank[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (self->bank[i], NULL);

      g_menu_item_set_action_and_target_value (item, "scoring.insert-comment",
                                               g_variant_new ("(us)", criterion, self->bank[i]));
      g_menu_append_item (menu, item);
    }
  if (self->bank == NULL || self->bank[0] == NULL)
    gtk_widget_set_sensitive (button, FALSE);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  return button;
}

static void
prefill (PlScoringWindow *self)
{
  g_autoptr(PlRecord) rubric = selected_item (self->rubric_dropdown, self->rubrics);
  g_autoptr(PlRecord) learner = selected_item (self->learner_dropdown, self->learners);
  Work *work = selected_work (self);
  g_autoptr(GListModel) evidence = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    {
      CriterionRow *row = g_ptr_array_index (self->rows, i);

      choose (self, i, -1);
      gtk_editable_set_text (GTK_EDITABLE (row->comment), "");
      row->initial = -1;
      g_clear_pointer (&row->initial_comment, g_free);
    }
  if (rubric == NULL || learner == NULL || work == NULL)
    return;
  evidence = pl_store_list_rubric_evidence (self->store, pl_record_get_uuid (rubric),
                                            pl_record_get_uuid (learner), work->uuid, NULL);
  for (guint k = 0; evidence != NULL && k < g_list_model_get_n_items (evidence); k++)
    {
      g_autoptr(PlRecord) e = g_list_model_get_item (evidence, k);
      g_autoptr(PlRubricLevel) level = pl_store_level_for_points (self->store, pl_record_get_uuid (rubric),
                                                                  pl_record_get_double (e, "score"));

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
                }
            }
          gtk_editable_set_text (GTK_EDITABLE (row->comment), pl_record_get_string (e, "comment") ?: "");
          g_free (row->initial_comment);
          row->initial_comment = g_strdup (pl_record_get_string (e, "comment") ?: "");
        }
    }
  set_current (self, 0);
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

      row->buttons = g_ptr_array_new ();
      row->chosen = -1;
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
      gtk_box_append (GTK_BOX (box), levels_box);

      row->comment = GTK_ENTRY (gtk_entry_new ());
      gtk_widget_set_hexpand (GTK_WIDGET (row->comment), TRUE);
      gtk_entry_set_placeholder_text (row->comment, _("Comment (optional)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->comment), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      comment_label, -1);
      gtk_box_append (GTK_BOX (comment_box), GTK_WIDGET (row->comment));
      gtk_box_append (GTK_BOX (comment_box), bank_button (self, i));
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
  g_autoptr(GListModel) picks = NULL;
  g_autoptr(GListModel) units = NULL;

  g_ptr_array_set_size (self->works, 0);
  if (learner != NULL)
    {
      picks = pl_store_list_where (self->store, PL_TYPE_PICK, "learner_uuid", pl_record_get_uuid (learner), NULL);
      for (guint i = 0; picks != NULL && i < g_list_model_get_n_items (picks); i++)
        {
          g_autoptr(PlRecord) pick = g_list_model_get_item (picks, i);
          g_autoptr(PlRecord) option = pl_store_get (self->store, PL_TYPE_CHOICE_OPTION,
                                                     pl_record_get_string (pick, "option_uuid"), NULL);
          Work *work = g_new0 (Work, 1);
          /* Translators: a choice-board pick in the list of work to score. */
          g_autofree char *title = g_strdup_printf (_("Pick: %s"), option ? pl_record_get_string (option, "title") : "?");

          work->source = g_strdup ("pick");
          work->uuid = g_strdup (pl_record_get_uuid (pick));
          g_ptr_array_add (self->works, work);
          gtk_string_list_append (titles, title);
        }
      units = pl_store_list_where (self->store, PL_TYPE_UNIT, "classroom_uuid",
                                   pl_record_get_uuid (PL_RECORD (self->classroom)), NULL);
      for (guint u = 0; units != NULL && u < g_list_model_get_n_items (units); u++)
        {
          g_autoptr(PlRecord) unit = g_list_model_get_item (units, u);
          g_autoptr(GListModel) milestones = pl_store_list_where (self->store, PL_TYPE_MILESTONE, "unit_uuid",
                                                                  pl_record_get_uuid (unit), NULL);

          for (guint m = 0; milestones != NULL && m < g_list_model_get_n_items (milestones); m++)
            {
              g_autoptr(PlRecord) milestone = g_list_model_get_item (milestones, m);
              Work *work = g_new0 (Work, 1);
              /* Translators: a milestone in the list of work to score. */
              g_autofree char *title = g_strdup_printf (_("Milestone: %s"), pl_record_get_string (milestone, "title"));

              work->source = g_strdup ("milestone");
              work->uuid = g_strdup (pl_record_get_uuid (milestone));
              g_ptr_array_add (self->works, work);
              gtk_string_list_append (titles, title);
            }
        }
    }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->work_dropdown, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->work_dropdown, 0);
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
  if (!self->updating)
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
  /* On to the next criterion, so a whole rubric is a row of key presses. */
  if (self->current + 1 < self->rows->len)
    set_current (self, self->current + 1);
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

gboolean
pl_scoring_window_save (PlScoringWindow  *self,
                        GError          **error)
{
  g_autoptr(PlRecord) rubric = selected_item (self->rubric_dropdown, self->rubrics);
  g_autoptr(PlRecord) learner = selected_item (self->learner_dropdown, self->learners);
  g_autoptr(GArray) scores = g_array_new (FALSE, TRUE, sizeof (PlRubricScore));
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
  Work *work = selected_work (self);
  guint next;

  g_return_val_if_fail (PL_IS_SCORING_WINDOW (self), FALSE);

  if (rubric == NULL || learner == NULL || work == NULL)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("Choose a rubric, a learner and the work to score"));
      return FALSE;
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      CriterionRow *row = g_ptr_array_index (self->rows, i);
      PlRecord *c, *l;
      PlRubricScore score = { 0 };

      if (row->chosen < 0)
        continue;
      /* What was already scored and is unchanged needs no correction. */
      if (row->chosen == row->initial &&
          g_strcmp0 (row->initial_comment, gtk_editable_get_text (GTK_EDITABLE (row->comment))) == 0)
        continue;
      c = g_list_model_get_item (self->criteria, i);
      l = g_list_model_get_item (self->levels, row->chosen);
      g_ptr_array_add (keep, c);
      g_ptr_array_add (keep, l);
      score.criterion_uuid = pl_record_get_uuid (c);
      score.level_uuid = pl_record_get_uuid (l);
      score.points = NAN;
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
                              work->source, work->uuid, NULL, (PlRubricScore *) (void *) scores->data,
                              scores->len, error))
    return FALSE;

  /* Next learner, same work position, ready for the keys again. */
  next = gtk_drop_down_get_selected (self->learner_dropdown) + 1;
  if (next < g_list_model_get_n_items (self->learners))
    gtk_drop_down_set_selected (self->learner_dropdown, next);
  else
    prefill (self);
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

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   PlScoringWindow       *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  guint number;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  /* Digits type into comment fields as usual. */
  if (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT (focus)))
    return FALSE;
  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9)
    number = keyval - GDK_KEY_0;
  else if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)
    number = keyval - GDK_KEY_KP_0;
  else
    return FALSE;
  return pl_scoring_window_choose_level (self, number);
}

static void
pl_scoring_window_dispose (GObject *object)
{
  PlScoringWindow *self = PL_SCORING_WINDOW (object);

  g_clear_object (&self->rubrics);
  g_clear_object (&self->learners);
  g_clear_object (&self->criteria);
  g_clear_object (&self->levels);
  g_clear_pointer (&self->works, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->bank, g_strfreev);
  g_clear_object (&self->store);
  g_clear_object (&self->classroom);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (pl_scoring_window_parent_class)->dispose (object);
}

static void
pl_scoring_window_class_init (PlScoringWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pl_scoring_window_dispose;
  gtk_widget_class_install_action (widget_class, "scoring.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "scoring.insert-comment", "(us)", insert_comment_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "scoring.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "scoring.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_scoring_window_init (PlScoringWindow *self)
{
  self->works = g_ptr_array_new_with_free_func (work_free);
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
  g_autoptr(GtkStringList) rubric_titles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) learner_names = gtk_string_list_new (NULL);
  GtkWidget *box, *header, *choices, *scroller, *save;
  GtkEventController *keys;
  g_autofree char *title = NULL;

  g_return_val_if_fail (PL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (PL_IS_CLASSROOM (classroom), NULL);

  title = g_strdup_printf (_("Score Work — %s"), pl_record_get_string (PL_RECORD (classroom), "name"));
  self = g_object_new (PL_TYPE_SCORING_WINDOW, "title", title, "default-width", 760,
                       "default-height", 640, NULL);
  self->context = g_object_ref (context);
  self->classroom = g_object_ref (classroom);
  self->store = g_object_ref (pl_context_get_store (context));

  self->rubrics = pl_store_list_rubrics (self->store, pl_record_get_uuid (PL_RECORD (classroom)), NULL);
  if (self->rubrics == NULL)
    self->rubrics = G_LIST_MODEL (g_list_store_new (PL_TYPE_RUBRIC));
  for (guint i = 0; i < g_list_model_get_n_items (self->rubrics); i++)
    {
      g_autoptr(PlRecord) r = g_list_model_get_item (self->rubrics, i);

      gtk_string_list_append (rubric_titles, pl_record_get_string (r, "title"));
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

  choices = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (choices, 12);
  gtk_widget_set_margin_end (choices, 12);
  self->rubric_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (rubric_titles)), NULL));
  self->learner_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (learner_names)), NULL));
  self->work_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_box_append (GTK_BOX (choices), labelled (_("_Rubric"), GTK_WIDGET (self->rubric_dropdown)));
  gtk_box_append (GTK_BOX (choices), labelled (_("_Learner"), GTK_WIDGET (self->learner_dropdown)));
  gtk_box_append (GTK_BOX (choices), labelled (_("_Work"), GTK_WIDGET (self->work_dropdown)));
  gtk_box_append (GTK_BOX (box), choices);

  self->hint_label = GTK_LABEL (gtk_label_new (_("Keys 1–4 choose the level of the highlighted criterion and move "
                                                 "to the next; Ctrl+Return saves and opens the next learner. "
                                                 "Scores become evidence; scoring again records a correction.")));
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
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (box), scroller);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect_swapped (self->rubric_dropdown, "notify::selected", G_CALLBACK (on_rubric_selected_cb), self);
  g_signal_connect_swapped (self->learner_dropdown, "notify::selected", G_CALLBACK (on_learner_selected_cb), self);
  g_signal_connect_swapped (self->work_dropdown, "notify::selected", G_CALLBACK (on_work_selected_cb), self);

  rebuild_rows (self);
  load_works (self);
  return self;
}
