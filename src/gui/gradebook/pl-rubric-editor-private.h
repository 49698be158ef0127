/* pl-rubric-editor-private.h — what the rubric editor's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/pl-core.h"
#include "core/pl-store-rubrics.h"
#include "pl-rubric-editor.h"

G_BEGIN_DECLS

struct _PlRubricEditor
{
  AdwWindow        parent_instance;

  PlContext       *context;
  PlClassroom     *classroom;
  PlStore         *store;

  AdwToastOverlay *toasts;
  GtkDropDown     *rubric_dropdown;
  GtkEntry        *title_entry;
  GtkEntry        *description_entry;
  GtkGrid         *grid;
  GtkWidget       *content;

  GListModel      *rubrics;
  PlRubric        *rubric;
  GListModel      *criteria;
  GListModel      *levels;
  GPtrArray       *warnings;        /* one GtkLabel per criterion */
  GPtrArray       *criterion_entries;
  GPtrArray       *level_entries;
  char           **standard_uuids;  /* the class's standards, for the dropdowns */
  GtkStringList   *standard_names;
  gboolean         updating;
};

typedef struct
{
  PlRubricEditor *self;
  PlRecord       *record;    /* criterion or level */
  guint           index;
  guint           save_id;   /* a title typed and not saved yet */
} Item;

void        _pl_rubric_editor_toast_error          (PlRubricEditor *self,
                                                    GError         *error);
Item       *_pl_rubric_editor_item_new             (PlRubricEditor *self,
                                                    GListModel     *model,
                                                    guint           index);
void        _pl_rubric_editor_item_free            (gpointer        data);
void        _pl_rubric_editor_queue_title_save     (Item           *item);
void        _pl_rubric_editor_update_warning       (PlRubricEditor *self,
                                                    guint           index,
                                                    const char     *title);
GtkWidget  *_pl_rubric_editor_icon_button          (const char     *icon,
                                                    const char     *tooltip,
                                                    Item           *item,
                                                    int             delta,
                                                    GCallback       callback);
void        _pl_rubric_editor_add_move_shortcuts   (GtkWidget      *widget,
                                                    const char     *back,
                                                    const char     *forward);
void        _pl_rubric_editor_add_drag_and_drop    (GtkWidget      *handle,
                                                    GtkWidget      *target_widget,
                                                    Item           *item);
void        _pl_rubric_editor_on_move_clicked_cb   (GtkButton      *button,
                                                    Item           *item);
void        _pl_rubric_editor_on_remove_clicked_cb (GtkButton      *button,
                                                    Item           *item);

/* pl-rubric-editor-levels.c */
GtkWidget  *_pl_rubric_editor_level_header         (PlRubricEditor *self,
                                                    guint           index);
GtkWidget  *_pl_rubric_editor_descriptor_cell      (PlRubricEditor *self,
                                                    guint           criterion,
                                                    guint           level);

G_END_DECLS
