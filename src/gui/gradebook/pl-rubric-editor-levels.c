/* pl-rubric-editor-levels.c — the rubric editor's levels (points and
 * ranges) and descriptors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "pl-rubric-editor-private.h"

typedef struct
{
  PlRubricEditor *self;
  char           *criterion_uuid;
  char           *level_uuid;
  guint           criterion;
} Cell;

static void
on_level_title_changed_cb (GtkEditable *entry,
                           Item        *item)
{
  const char *title = gtk_editable_get_text (entry);

  if (*title == '\0')
    return;
  pl_record_set_string (item->record, "title", title);
  _pl_rubric_editor_queue_title_save (item);
}

/* The level's points and its range as the fields show them: the range is
 * checked as a pair, once both ends are there, not on each key of the
 * first one. */
static void
on_level_points_changed_cb (GtkSpinButton *spin,
                            Item          *item)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *box = g_object_get_data (G_OBJECT (spin), "points-row");
  GtkSpinButton *points = g_object_get_data (G_OBJECT (box), "points");
  GtkSpinButton *lo = g_object_get_data (G_OBJECT (box), "min");
  GtkSpinButton *hi = g_object_get_data (G_OBJECT (box), "max");
  GtkMenuButton *range_button = g_object_get_data (G_OBJECT (box), "range-button");
  GtkLabel *hint = g_object_get_data (G_OBJECT (box), "range-hint");
  double p = gtk_spin_button_get_value (points);
  double a = gtk_spin_button_get_value (lo), b = gtk_spin_button_get_value (hi);
  g_autofree char *label = NULL;

  if (item->self->updating)
    return;
  if (a > b)
    {
      /* Half a range: wait for the other end, and say so where it is typed. */
      gtk_menu_button_set_label (range_button, _("Range (unfinished)"));
      gtk_label_set_text (hint, _("Now enter the highest points; the lowest must not be above them."));
      gtk_widget_add_css_class (GTK_WIDGET (hint), "warning");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (hint), "warning");
  gtk_label_set_text (hint, _("A score anywhere in this range counts as this level; leave both at 0 for none."));
  if (a < b && (p < a || p > b))
    {
      /* The level's points follow a new range rather than refuse it. */
      p = CLAMP (p, a, b);
      item->self->updating = TRUE;
      gtk_spin_button_set_value (points, p);
      item->self->updating = FALSE;
    }
  label = a < b ? g_strdup_printf (_("Range %g–%g"), a, b) : g_strdup (_("Range…"));
  gtk_menu_button_set_label (range_button, label);
  if (!pl_store_set_level_points (item->self->store, PL_RUBRIC_LEVEL (item->record), p, a, b, &error))
    _pl_rubric_editor_toast_error (item->self, error);
}

/* A range left unfinished when its popover closes is an error to fix. */
static void
on_range_closed_cb (GtkPopover *popover,
                    Item       *item)
{
  GtkWidget *box = g_object_get_data (G_OBJECT (popover), "points-row");
  GtkSpinButton *lo = g_object_get_data (G_OBJECT (box), "min");
  GtkSpinButton *hi = g_object_get_data (G_OBJECT (box), "max");

  if (gtk_spin_button_get_value (lo) > gtk_spin_button_get_value (hi))
    {
      g_autofree char *message =
        g_strdup_printf (_("Level “%s”: the range %g–%g is not saved; its lowest points are above its highest"),
                         pl_record_get_string (item->record, "title"),
                         gtk_spin_button_get_value (lo), gtk_spin_button_get_value (hi));

      adw_toast_overlay_add_toast (item->self->toasts, adw_toast_new (message));
    }
}

static GtkWidget *
labelled_spin (GtkWidget  *box,
               const char *label,
               double      value,
               const char *key,
               Item       *item)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 100, 0.5);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_tooltip_text (spin, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (box), key, spin);
  g_object_set_data (G_OBJECT (spin), "points-row", box);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_level_points_changed_cb), item);
  return spin;
}

GtkWidget *
_pl_rubric_editor_level_header (PlRubricEditor *self,
                                guint           index)
{
  Item *item = _pl_rubric_editor_item_new (self, self->levels, index);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *points_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkWidget *entry = gtk_entry_new ();
  double lo = 0, hi = 0;
  g_autofree char *entry_label = g_strdup_printf (_("Level %u"), index + 1);

  g_object_set_data_full (G_OBJECT (box), "item", item, _pl_rubric_editor_item_free);
  gtk_widget_set_size_request (box, 150, -1);
  gtk_widget_set_tooltip_text (handle, _("Drag to reorder; or Alt+Left and Alt+Right in the title"));
  gtk_box_append (GTK_BOX (row), handle);
  gtk_editable_set_text (GTK_EDITABLE (entry), pl_record_get_string (item->record, "title"));
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, entry_label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Alt+Left and Alt+Right move the level"), -1);
  g_object_set_data (G_OBJECT (entry), "item", item);
  _pl_rubric_editor_add_move_shortcuts (entry, "<Alt>Left", "<Alt>Right");
  g_signal_connect (entry, "changed", G_CALLBACK (on_level_title_changed_cb), item);
  gtk_box_append (GTK_BOX (row), entry);
  g_ptr_array_add (self->level_entries, entry);
  g_object_set_data (G_OBJECT (entry), "points-row", points_row);
  gtk_box_append (GTK_BOX (row), _pl_rubric_editor_icon_button ("go-previous-symbolic", _("Move level left"), item, -1,
                                                                G_CALLBACK (_pl_rubric_editor_on_move_clicked_cb)));
  gtk_box_append (GTK_BOX (row), _pl_rubric_editor_icon_button ("go-next-symbolic", _("Move level right"), item, 1,
                                                                G_CALLBACK (_pl_rubric_editor_on_move_clicked_cb)));
  gtk_box_append (GTK_BOX (row), _pl_rubric_editor_icon_button ("user-trash-symbolic", _("Remove level"), item, 0,
                                                                G_CALLBACK (_pl_rubric_editor_on_remove_clicked_cb)));
  gtk_box_append (GTK_BOX (box), row);

  pl_rubric_level_get_range (PL_RUBRIC_LEVEL (item->record), &lo, &hi);
  if (!(lo < hi))
    lo = hi = 0;
  gtk_box_append (GTK_BOX (points_row),
                  labelled_spin (points_row, _("Points"), pl_record_get_double (item->record, "points"), "points", item));
  /* The optional range sits in a popover so that levels stay narrow. */
  {
    GtkWidget *range_button = gtk_menu_button_new ();
    GtkWidget *popover = gtk_popover_new ();
    GtkWidget *range_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
    GtkWidget *hint = gtk_label_new (_("A score anywhere in this range counts as this level; "
                                       "leave both at 0 for none."));
    g_autofree char *range_text = lo < hi ? g_strdup_printf (_("Range %g–%g"), lo, hi) : g_strdup (_("Range…"));

    gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
    gtk_label_set_max_width_chars (GTK_LABEL (hint), 28);
    gtk_box_append (GTK_BOX (range_box), hint);
    g_object_set_data (G_OBJECT (points_row), "range-hint", hint);
    g_object_set_data (G_OBJECT (points_row), "range-button", range_button);
    g_object_set_data (G_OBJECT (popover), "points-row", points_row);
    g_signal_connect (popover, "closed", G_CALLBACK (on_range_closed_cb), item);
    gtk_box_append (GTK_BOX (range_box), labelled_spin (points_row, _("Lowest points of the range (optional)"), lo, "min", item));
    gtk_box_append (GTK_BOX (range_box), labelled_spin (points_row, _("Highest points of the range (optional)"), hi, "max", item));
    gtk_popover_set_child (GTK_POPOVER (popover), range_box);
    gtk_menu_button_set_popover (GTK_MENU_BUTTON (range_button), popover);
    gtk_menu_button_set_label (GTK_MENU_BUTTON (range_button), range_text);
    gtk_widget_set_tooltip_text (range_button, _("Optional range of points for this level"));
    gtk_box_append (GTK_BOX (points_row), range_button);
  }
  gtk_box_append (GTK_BOX (box), points_row);

  _pl_rubric_editor_add_drag_and_drop (handle, box, item);
  return box;
}

/* ---- descriptors ---------------------------------------------------- */


static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_free (cell->criterion_uuid);
  g_free (cell->level_uuid);
  g_free (cell);
}

static void
on_descriptor_changed_cb (GtkTextBuffer *buffer,
                          Cell          *cell)
{
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!pl_store_set_descriptor (cell->self->store, cell->criterion_uuid, cell->level_uuid, text, &error))
    _pl_rubric_editor_toast_error (cell->self, error);
  /* A descriptor can grade effort too ("handed in on time"). */
  if (cell->criterion < cell->self->criterion_entries->len)
    _pl_rubric_editor_update_warning (cell->self, cell->criterion,
                                      gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (cell->self->criterion_entries,
                                      cell->criterion))));
}

GtkWidget *
_pl_rubric_editor_descriptor_cell (PlRubricEditor *self,
                                   guint           criterion,
                                   guint           level)
{
  g_autoptr(PlRecord) c = g_list_model_get_item (self->criteria, criterion);
  g_autoptr(PlRecord) l = g_list_model_get_item (self->levels, level);
  Cell *cell = g_new0 (Cell, 1);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_autofree char *body = pl_store_get_descriptor (self->store, pl_record_get_uuid (c), pl_record_get_uuid (l));
  g_autofree char *label = g_strdup_printf (_("Descriptor of %s at %s"), pl_record_get_string (c, "title"),
                                            pl_record_get_string (l, "title"));

  cell->self = self;
  cell->criterion_uuid = g_strdup (pl_record_get_uuid (c));
  cell->level_uuid = g_strdup (pl_record_get_uuid (l));
  cell->criterion = criterion;
  g_object_set_data_full (G_OBJECT (view), "cell", cell, cell_free);
  gtk_text_buffer_set_text (buffer, body, -1);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 4);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 4);
  gtk_widget_set_size_request (view, 160, 72);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect (buffer, "changed", G_CALLBACK (on_descriptor_changed_cb), cell);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  return frame;
}

GtkTextBuffer *
pl_rubric_editor_get_descriptor (PlRubricEditor *self,
                                 guint           criterion,
                                 guint           level)
{
  g_return_val_if_fail (PL_IS_RUBRIC_EDITOR (self), NULL);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->grid)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *view = GTK_IS_FRAME (child) ? gtk_frame_get_child (GTK_FRAME (child)) : NULL;
      Cell *cell = view != NULL ? g_object_get_data (G_OBJECT (view), "cell") : NULL;
      g_autoptr(PlRecord) l = NULL;

      if (cell == NULL || cell->criterion != criterion || level >= g_list_model_get_n_items (self->levels))
        continue;
      l = g_list_model_get_item (self->levels, level);
      if (g_strcmp0 (cell->level_uuid, pl_record_get_uuid (l)) == 0)
        return gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
    }
  return NULL;
}
