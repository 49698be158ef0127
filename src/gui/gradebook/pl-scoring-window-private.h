/* pl-scoring-window-private.h — what the scoring window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/pl-core.h"
#include "core/pl-store-scoring.h"
#include "pl-scoring-window.h"

G_BEGIN_DECLS

typedef PlScoringWork Work;

typedef struct
{
  GtkWidget     *row;
  GPtrArray     *buttons;     /* GtkToggleButton per level */
  GtkSpinButton *points;      /* shown when the chosen level has a range */
  GtkEntry      *comment;
  GtkWidget     *bank;        /* the comment bank's menu button */
  int            chosen;      /* level index, -1 none */
  int            initial;     /* the level of the live evidence, -1 none */
  double         initial_points;
  char          *initial_comment;
} CriterionRow;

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
  GtkEntry        *date_entry;
  GtkListBox      *list;
  GtkLabel        *hint_label;

  GListModel      *rubrics;
  GtkStringList   *rubric_titles;
  GListModel      *learners;
  GListModel      *criteria;
  GListModel      *levels;
  GArray          *works;       /* PlScoringWork of the selected learner */
  GPtrArray       *rows;
  GStrv            bank;
  char            *work_key;    /* the work scored last, kept for the next learner */
  guint            current;
  gboolean         updating;
  gboolean         discard_confirmed;
  gulong           store_changed_id;
};

CriterionRow *_pl_scoring_window_row              (PlScoringWindow       *self,
                                                   guint                  index);
void          _pl_scoring_window_set_current      (PlScoringWindow       *self,
                                                   guint                  index);

/* pl-scoring-window-keys.c */
gboolean      _pl_scoring_window_key_pressed_cb   (GtkEventControllerKey *controller,
                                                   guint                  keyval,
                                                   guint                  keycode,
                                                   GdkModifierType        state,
                                                   PlScoringWindow       *self);
gboolean      _pl_scoring_window_close_request_cb (GtkWindow             *window);
void          _pl_scoring_window_close_action_cb  (GtkWidget             *widget,
                                                   const char            *action_name,
                                                   GVariant              *parameter);

G_END_DECLS
