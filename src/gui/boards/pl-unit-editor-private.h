/* pl-unit-editor-private.h — what the parts of the unit editor share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/pl-store-units.h"
#include "pl-unit-editor.h"

G_BEGIN_DECLS

struct _PlUnitEditor
{
  AdwWindow            parent_instance;

  PlContext           *context;
  PlStore             *store;
  PlUnit              *unit;          /* as last saved */
  guint                save_id;
  gboolean             loading;
  gboolean             unit_dirty;
  gboolean             close_anyway;  /* the teacher was told a field is refused */

  AdwToastOverlay     *toasts;
  AdwToast            *last_toast;    /* weak */
  AdwWindowTitle      *window_title;
  AdwEntryRow         *title_row;
  AdwEntryRow         *idea_row;
  AdwEntryRow         *starts_row;
  AdwEntryRow         *ends_row;
  GtkLabel            *idea_hint;
  GtkLabel            *unit_error;
  GtkListBox          *goals_list;
  GtkLabel            *goals_warning;
  GtkLabel            *smart_label;
  AdwPreferencesGroup *standards_group;
  GtkSearchEntry      *standards_search;
  GtkWidget           *standards_frame;
  GtkListView         *standards_view;
  GtkLabel            *standards_empty;
  GtkListBox          *milestones_list;
  GtkLabel            *milestones_empty;

  GtkWidget           *shown_goal;    /* whose SMART hints show */

  /* standards */
  GListStore          *choices;       /* PlFramework headers and PlStandard */
  GtkCustomFilter     *standards_filter;
  GHashTable          *chosen;        /* standard uuids of the unit */
  GHashTable          *depths;        /* standard uuid → depth in its tree */
  GHashTable          *matching;      /* framework uuids with a match */
  char                *search;        /* casefolded, or NULL */

  /* milestones */
  GPtrArray           *milestone_rows;   /* MilestoneRow, owned by their widgets */
  GHashTable          *dirty_milestones; /* uuids waiting for the pause */
  GHashTable          *expanded;         /* uuids of open milestones */
};

void      _pl_unit_editor_toast             (PlUnitEditor *self,
                                             AdwToast     *toast);
void      _pl_unit_editor_queue_save        (PlUnitEditor *self);
/* Shows MESSAGE on ROW (an entry row) as an error, or clears it (NULL). */
void      _pl_unit_editor_set_row_error     (AdwEntryRow  *row,
                                             const char   *message);
/* A calendar in a popover at the end of a date row. */
void      _pl_unit_editor_add_calendar      (AdwEntryRow  *row,
                                             const char   *label);
char     *_pl_unit_editor_row_text          (AdwEntryRow  *row);

/* The goals' SMART hints again (the unit's standards changed). */
void      _pl_unit_editor_goals_refresh     (PlUnitEditor *self);

void      _pl_unit_editor_standards_init    (PlUnitEditor *self);
void      _pl_unit_editor_standards_load    (PlUnitEditor *self);
guint     _pl_unit_editor_n_standards       (PlUnitEditor *self);

void      _pl_unit_editor_milestones_load   (PlUnitEditor *self,
                                             const char   *focus_uuid);
/* Saves the milestones changed since the last pause; FALSE if a field of
 * one is refused. */
gboolean  _pl_unit_editor_milestones_flush  (PlUnitEditor *self);
/* The unit's dates changed: milestones now outside them say so. */
void      _pl_unit_editor_milestones_recheck (PlUnitEditor *self);
void      _pl_unit_editor_add_milestone     (PlUnitEditor *self);

G_END_DECLS
