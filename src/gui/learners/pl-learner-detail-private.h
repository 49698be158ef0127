/* pl-learner-detail-private.h — what the parts of PlLearnerDetail share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-learner-detail.h"
#include "pl-learner-notes.h"

G_BEGIN_DECLS

struct _PlLearnerDetail
{
  AdwBin           parent_instance;

  PlContext       *context;
  PlProfile       *profile;
  PlClassroom     *classroom;
  gboolean         folded;
  gboolean         loading;

  GtkWidget       *back_button;
  GtkLabel        *title_label;
  GtkButton       *archive_button;
  GtkBox          *content;
  GtkLabel        *status_label;

  GHashTable      *editables;     /* column or field name → GtkEditable */
  GHashTable      *switches;      /* flag field → GtkSwitch */
  GHashTable      *preferences;   /* preset → GtkCheckButton */
  GtkEditable     *other_preferences;
  AdwPreferencesGroup *classes_group;
  GtkWidget       *classes_list;
  GtkDropDown     *class_dropdown;
  char            *classes_shown;  /* what the classes list shows */
  PlLearnerNotes  *notes;

  GHashTable      *pending;       /* name → value waiting for the pause */
  guint            save_id;
};

PlStore *_pl_learner_detail_get_store      (PlLearnerDetail *self);
void     _pl_learner_detail_tell           (PlLearnerDetail *self,
                                            const char      *message);
/* Emits "toast". */
void     _pl_learner_detail_toast          (PlLearnerDetail *self,
                                            AdwToast        *toast);

/* pl-learner-detail-classes.c */
void     _pl_learner_detail_build_classes  (PlLearnerDetail *self);
void     _pl_learner_detail_reload_classes (PlLearnerDetail *self);

G_END_DECLS
