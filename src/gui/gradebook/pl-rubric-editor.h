/* pl-rubric-editor.h — criteria × levels with a descriptor in each cell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_RUBRIC_EDITOR (pl_rubric_editor_get_type ())
G_DECLARE_FINAL_TYPE (PlRubricEditor, pl_rubric_editor, PL, RUBRIC_EDITOR, AdwWindow)

PlRubricEditor *pl_rubric_editor_new            (PlContext      *context,
                                                 PlClassroom    *classroom);

/* For tests: the rubric shown (NULL when the class has none), choosing
 * one, and the effort warning shown for criterion INDEX ("" when none). */
const char     *pl_rubric_editor_get_rubric_uuid (PlRubricEditor *self);
void            pl_rubric_editor_select_rubric   (PlRubricEditor *self,
                                                  const char     *rubric_uuid);
const char     *pl_rubric_editor_get_warning     (PlRubricEditor *self,
                                                  guint           criterion);
/* Moves the criterion at INDEX one place up (-1) or down (+1), as Alt+Up
 * and Alt+Down do, keeping the keyboard focus on it. */
void            pl_rubric_editor_move_criterion  (PlRubricEditor *self,
                                                  guint           index,
                                                  int             delta);
/* The title field of criterion or level INDEX (Alt+Up/Down, Alt+Left/Right
 * move it), a level's spin button WHICH ("points", "min" or "max"), the
 * label of its range button, and the rubric's title and list. */
GtkWidget      *pl_rubric_editor_get_title_entry (PlRubricEditor *self,
                                                  gboolean        criterion,
                                                  guint           index);
GtkSpinButton  *pl_rubric_editor_get_level_spin  (PlRubricEditor *self,
                                                  guint           level,
                                                  const char     *which);
const char     *pl_rubric_editor_get_range_label (PlRubricEditor *self,
                                                  guint           level);
GtkEditable    *pl_rubric_editor_get_rubric_title (PlRubricEditor *self);
/* The text of the descriptor of CRITERION at LEVEL. */
GtkTextBuffer  *pl_rubric_editor_get_descriptor  (PlRubricEditor *self,
                                                  guint           criterion,
                                                  guint           level);
GtkDropDown    *pl_rubric_editor_get_rubric_dropdown (PlRubricEditor *self);

G_END_DECLS
