/* pl-unit-switcher.c — which of a class's units the Boards view shows,
 * and making, editing and deleting units
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "core/pl-store-units.h"
#include "pl-accessible.h"
#include "pl-toasts.h"
#include "pl-unit-editor.h"
#include "pl-unit-switcher.h"

struct _PlUnitSwitcher
{
  AdwBin       parent_instance;

  PlContext   *context;
  PlClassroom *classroom;
  GListModel  *units;
  PlUnit      *unit;
  gboolean     updating;
  GtkDropDown *dropdown;
  AdwToast    *last_toast;   /* weak */
};

G_DEFINE_FINAL_TYPE (PlUnitSwitcher, pl_unit_switcher, ADW_TYPE_BIN)

enum {
  SIGNAL_UNIT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static PlStore *
store_of (PlUnitSwitcher *self)
{
  return pl_context_get_store (self->context);
}

static void
toast (PlUnitSwitcher *self,
       AdwToast       *t)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), t);
  else
    g_object_unref (g_object_ref_sink (t));
}

static char *
meta_key (PlUnitSwitcher *self)
{
  return g_strdup_printf ("boards-unit:%s", pl_record_get_uuid (PL_RECORD (self->classroom)));
}

/* Remembered per class on this computer only: a local setting, not synced. */
static void
remember (PlUnitSwitcher *self)
{
  g_autofree char *key = NULL;

  if (self->unit == NULL || self->classroom == NULL)
    return;
  key = meta_key (self);
  pl_store_set_meta (store_of (self), key, pl_record_get_uuid (PL_RECORD (self->unit)), NULL);
}

static gboolean
same_titles (GListModel *a,
             GListModel *b)
{
  guint n = a != NULL ? g_list_model_get_n_items (a) : 0;

  if (a == NULL || n != g_list_model_get_n_items (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (a), i),
                   gtk_string_list_get_string (GTK_STRING_LIST (b), i)) != 0)
      return FALSE;
  return TRUE;
}

PlUnit *
pl_unit_switcher_load (PlUnitSwitcher *self,
                       PlContext      *context,
                       PlClassroom    *classroom)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autofree char *key = NULL;
  g_autofree char *remembered = NULL;
  g_autofree char *shown = NULL;
  guint selected = GTK_INVALID_LIST_POSITION, n;

  g_return_val_if_fail (PL_IS_UNIT_SWITCHER (self), NULL);
  g_return_val_if_fail (PL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (PL_IS_CLASSROOM (classroom), NULL);

  g_set_object (&self->context, context);
  if (self->classroom != classroom)
    g_clear_object (&self->unit);
  g_set_object (&self->classroom, classroom);
  key = meta_key (self);
  remembered = pl_store_get_meta (store_of (self), key);
  shown = self->unit != NULL ? g_strdup (pl_record_get_uuid (PL_RECORD (self->unit))) : NULL;

  g_clear_object (&self->units);
  g_clear_object (&self->unit);
  self->units = pl_store_list_units (store_of (self), pl_record_get_uuid (PL_RECORD (classroom)), &error);
  if (self->units == NULL)
    toast (self, adw_toast_new_format (_("Could not read the units: %s"), error->message));
  n = self->units != NULL ? g_list_model_get_n_items (self->units) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) u = g_list_model_get_item (self->units, i);

      gtk_string_list_append (titles, pl_record_get_string (u, "title"));
      if (g_strcmp0 (pl_record_get_uuid (u), shown) == 0 ||
          (selected == GTK_INVALID_LIST_POSITION && g_strcmp0 (pl_record_get_uuid (u), remembered) == 0))
        selected = i;
    }
  if (selected == GTK_INVALID_LIST_POSITION && n > 0)
    selected = 0;

  /* A new model only when the titles changed: replacing it while the
   * drop-down tells of a choice would have it tell again. */
  self->updating = TRUE;
  if (!same_titles (gtk_drop_down_get_model (self->dropdown), G_LIST_MODEL (titles)))
    gtk_drop_down_set_model (self->dropdown, G_LIST_MODEL (titles));
  if (gtk_drop_down_get_selected (self->dropdown) != selected)
    gtk_drop_down_set_selected (self->dropdown, selected);
  self->updating = FALSE;
  if (n > 0)
    self->unit = g_list_model_get_item (self->units, selected);
  return self->unit;
}

PlUnit *
pl_unit_switcher_get_unit (PlUnitSwitcher *self)
{
  g_return_val_if_fail (PL_IS_UNIT_SWITCHER (self), NULL);
  return self->unit;
}

static void
on_selected_cb (GtkDropDown    *dropdown,
                GParamSpec     *pspec,
                PlUnitSwitcher *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating || self->units == NULL || selected >= g_list_model_get_n_items (self->units))
    return;
  g_clear_object (&self->unit);
  self->unit = g_list_model_get_item (self->units, selected);
  remember (self);
  g_signal_emit (self, signals[SIGNAL_UNIT_CHANGED], 0);
}

static PlUnitEditor *
open_editor (PlUnitSwitcher *self)
{
  PlUnitEditor *editor = pl_unit_editor_new (self->context, self->unit);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

void
pl_unit_switcher_new_unit (PlUnitSwitcher *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlUnit) unit = NULL;

  g_return_if_fail (PL_IS_UNIT_SWITCHER (self));

  if (self->context == NULL || self->classroom == NULL)
    return;
  unit = pl_store_create_unit (store_of (self), pl_record_get_uuid (PL_RECORD (self->classroom)), NULL, &error);
  if (unit == NULL)
    {
      toast (self, adw_toast_new_format (_("Not created: %s"), error->message));
      return;
    }
  g_set_object (&self->unit, unit);
  remember (self);
  g_signal_emit (self, signals[SIGNAL_UNIT_CHANGED], 0);
  pl_unit_editor_focus_title (open_editor (self));
}

void
pl_unit_switcher_edit_unit (PlUnitSwitcher *self)
{
  g_return_if_fail (PL_IS_UNIT_SWITCHER (self));

  if (self->context != NULL && self->unit != NULL)
    open_editor (self);
}

typedef struct
{
  PlUnitSwitcher *self;
  PlUnit         *unit;
} UnitUndo;

static void
unit_undo_free (gpointer data)
{
  UnitUndo *u = data;

  g_object_unref (u->unit);
  g_free (u);
}

static void
on_undo_cb (AdwToast *t,
            UnitUndo *u)
{
  g_autoptr(GError) error = NULL;

  if (!pl_store_undelete (store_of (u->self), PL_RECORD (u->unit), &error))
    {
      toast (u->self, adw_toast_new_format (_("Not restored: %s"), error->message));
      return;
    }
  g_set_object (&u->self->unit, u->unit);
  remember (u->self);
  g_signal_emit (u->self, signals[SIGNAL_UNIT_CHANGED], 0);
}

void
pl_unit_switcher_delete_unit (PlUnitSwitcher *self)
{
  g_autoptr(GError) error = NULL;
  AdwToast *t;
  UnitUndo *u;

  g_return_if_fail (PL_IS_UNIT_SWITCHER (self));

  if (self->unit == NULL)
    return;
  if (!pl_store_delete_unit (store_of (self), self->unit, &error))
    {
      toast (self, adw_toast_new_format (_("Not deleted: %s"), error->message));
      return;
    }
  t = adw_toast_new_format (_("Unit “%s” deleted"), pl_record_get_string (PL_RECORD (self->unit), "title"));
  adw_toast_set_button_label (t, _("_Undo"));
  u = g_new0 (UnitUndo, 1);
  u->self = self;
  u->unit = g_steal_pointer (&self->unit);
  g_signal_connect_data (t, "button-clicked", G_CALLBACK (on_undo_cb), u,
                         (GClosureNotify) (void (*) (void)) unit_undo_free, 0);
  /* Undo should be at hand for the unit deleted last. */
  {
    GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

    if (overlay != NULL)
      pl_toasts_replace (ADW_TOAST_OVERLAY (overlay), &self->last_toast, t);
    else
      g_object_unref (g_object_ref_sink (t));
  }
  g_signal_emit (self, signals[SIGNAL_UNIT_CHANGED], 0);
}

static void
pl_unit_switcher_dispose (GObject *object)
{
  PlUnitSwitcher *self = PL_UNIT_SWITCHER (object);

  g_clear_weak_pointer (&self->last_toast);
  g_clear_object (&self->units);
  g_clear_object (&self->unit);
  g_clear_object (&self->classroom);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (pl_unit_switcher_parent_class)->dispose (object);
}

static void
pl_unit_switcher_class_init (PlUnitSwitcherClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pl_unit_switcher_dispose;

  signals[SIGNAL_UNIT_CHANGED] =
    g_signal_new ("unit-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static GtkWidget *
action_button (const char *label,
               const char *icon,
               const char *action,
               const char *tooltip)
{
  GtkWidget *button = label != NULL ? gtk_button_new_with_mnemonic (label) : gtk_button_new_from_icon_name (icon);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static void
pl_unit_switcher_init (PlUnitSwitcher *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove, *print;

  self->dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_name (GTK_WIDGET (self->dropdown), "unit-switcher");
  gtk_widget_set_hexpand (GTK_WIDGET (self->dropdown), TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->dropdown), _("Switch unit"));
  pl_accessible_name_button (GTK_WIDGET (self->dropdown), _("Unit"));
  g_signal_connect (self->dropdown, "notify::selected", G_CALLBACK (on_selected_cb), self);
  /* The buttons run the view's actions, which have the shortcuts. */
  remove = action_button (NULL, "user-trash-symbolic", "boards.delete-unit", _("Delete Unit"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete unit"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->dropdown));
  gtk_box_append (GTK_BOX (box), action_button (_("_Edit Unit…"), NULL, "boards.edit-unit",
                                                _("Edit the unit’s plan (Ctrl+E)")));
  gtk_box_append (GTK_BOX (box), action_button (_("_New Unit"), NULL, "boards.new-unit",
                                                _("Plan a new unit for this class (Ctrl+N)")));
  print = action_button (NULL, "document-print-symbolic", "boards.print-unit",
                         _("Print the unit brief, or save it as PDF (Ctrl+P)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (print), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Print unit brief"), -1);
  gtk_box_append (GTK_BOX (box), print);
  gtk_box_append (GTK_BOX (box), remove);
  adw_bin_set_child (ADW_BIN (self), box);
}
