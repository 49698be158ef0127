/* pl-store-rubrics.h — rubrics, their criteria and levels, and scoring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pl-criterion.h"
#include "pl-evidence.h"
#include "pl-rubric-level.h"
#include "pl-rubric.h"
#include "pl-store.h"

G_BEGIN_DECLS

/* A rubric is criteria (rows, each aligned to a standard) × levels
 * (columns, each worth points, optionally a range of points) with a
 * descriptor in each cell. Positions are 0, 1, 2 … in display order. */

/* A new rubric in CLASSROOM_UUID (may be NULL: a rubric of no class) with
 * the four default levels Beginning (1), Developing (2), Proficient (3)
 * and Exceeding (4) and no criteria. TITLE must not be empty. */
PlRubric      *pl_store_create_rubric          (PlStore       *self,
                                                const char    *classroom_uuid,
                                                const char    *title,
                                                GError       **error);

/* Rubrics of the class (not deleted), sorted by title; CLASSROOM_UUID
 * NULL lists every rubric. */
GListModel    *pl_store_list_rubrics           (PlStore       *self,
                                                const char    *classroom_uuid,
                                                GError       **error);
GListModel    *pl_store_list_criteria          (PlStore       *self,
                                                const char    *rubric_uuid,
                                                GError       **error);
GListModel    *pl_store_list_levels            (PlStore       *self,
                                                const char    *rubric_uuid,
                                                GError       **error);

/* Appends a criterion (STANDARD_UUID may be NULL) or a level. */
PlCriterion   *pl_store_add_criterion          (PlStore       *self,
                                                const char    *rubric_uuid,
                                                const char    *title,
                                                const char    *standard_uuid,
                                                GError       **error);
PlRubricLevel *pl_store_add_level              (PlStore       *self,
                                                const char    *rubric_uuid,
                                                const char    *title,
                                                double         points,
                                                GError       **error);

/* Sets a level's points and optional range: with MIN_POINTS < MAX_POINTS
 * a score anywhere in [MIN_POINTS, MAX_POINTS] counts as this level, and
 * POINTS must lie in it; MIN_POINTS == MAX_POINTS removes the range. */
gboolean       pl_store_set_level_points       (PlStore       *self,
                                                PlRubricLevel *level,
                                                double         points,
                                                double         min_points,
                                                double         max_points,
                                                GError       **error);
/* TRUE when LEVEL has a range of points, with its bounds. */
gboolean       pl_rubric_level_get_range       (PlRubricLevel *level,
                                                double        *out_min,
                                                double        *out_max);

/* Tombstones a criterion or a level and its descriptors, and renumbers
 * the positions of the others. */
gboolean       pl_store_remove_criterion       (PlStore       *self,
                                                PlCriterion   *criterion,
                                                GError       **error);
gboolean       pl_store_remove_level           (PlStore       *self,
                                                PlRubricLevel *level,
                                                GError       **error);

/* Moves the criterion (or level) to position TO_INDEX (clamped), shifting
 * the others; one transaction. */
gboolean       pl_store_move_criterion         (PlStore       *self,
                                                const char    *criterion_uuid,
                                                guint          to_index,
                                                GError       **error);
gboolean       pl_store_move_level             (PlStore       *self,
                                                const char    *level_uuid,
                                                guint          to_index,
                                                GError       **error);

/* The descriptor of a cell ("" when none) and its setter. A descriptor
 * made here has a uuid derived from the criterion and the level, so one
 * cell has one descriptor on every device; one that came from elsewhere
 * (a bundle, the demo) is found by its criterion and level and edited in
 * place. */
char          *pl_store_get_descriptor         (PlStore       *self,
                                                const char    *criterion_uuid,
                                                const char    *level_uuid);
gboolean       pl_store_set_descriptor         (PlStore       *self,
                                                const char    *criterion_uuid,
                                                const char    *level_uuid,
                                                const char    *body,
                                                GError       **error);

/* A copy of the rubric with new uuids (criteria, levels, descriptors),
 * titled NEW_TITLE (NULL: "Copy of …"). */
PlRubric      *pl_store_duplicate_rubric       (PlStore       *self,
                                                const char    *rubric_uuid,
                                                const char    *new_title,
                                                GError       **error);

/* Built-in starting points. */
typedef struct
{
  const char *id;
  const char *title;          /* translated */
  const char *description;    /* translated */
} PlRubricTemplateInfo;

/* The templates, terminated by an entry whose id is NULL. */
const PlRubricTemplateInfo *pl_rubric_templates (void);
PlRubric      *pl_store_create_rubric_from_template (PlStore    *self,
                                                     const char *classroom_uuid,
                                                     const char *template_id,
                                                     GError    **error);

/* Scoring: one level (and optionally a comment) per criterion for one
 * learner's work. */
typedef struct
{
  const char *criterion_uuid;
  const char *level_uuid;
  double      points;          /* NAN: the level's points; else must lie in its range */
  const char *comment;         /* may be NULL */
} PlRubricScore;

/* Writes one evidence row per score (criterion and its standard, points on
 * the scale of the rubric's highest level) for LEARNER_UUID's work
 * SOURCE ("pick" or "milestone") SOURCE_UUID, assessed at ASSESSED_AT
 * ("YYYY-MM-DD", NULL: today). Evidence is immutable: when the learner
 * already has live evidence for that criterion and work, the new row
 * supersedes it. A criterion or level that is not the rubric's, or a score
 * outside a level's range, is refused naming the score's index and field
 * (PL_STORE_ERROR_INVALID) and nothing is written. */
gboolean       pl_store_score_rubric           (PlStore              *self,
                                                const char           *rubric_uuid,
                                                const char           *learner_uuid,
                                                const char           *source,
                                                const char           *source_uuid,
                                                const char           *assessed_at,
                                                const PlRubricScore  *scores,
                                                gsize                 n_scores,
                                                GError              **error);

/* The live (not superseded, not deleted) evidence of LEARNER_UUID on the
 * criteria of RUBRIC_UUID for the work SOURCE_UUID (NULL: any work). */
GListModel    *pl_store_list_rubric_evidence   (PlStore       *self,
                                                const char    *rubric_uuid,
                                                const char    *learner_uuid,
                                                const char    *source_uuid,
                                                GError       **error);

/* The level of RUBRIC_UUID a score of POINTS falls in: the level whose
 * range holds it, else the level with those exact points; NULL if none. */
PlRubricLevel *pl_store_level_for_points       (PlStore       *self,
                                                const char    *rubric_uuid,
                                                double         points);

/* The comment bank: the comments teachers wrote on evidence, most
 * frequent first (ties: most recent first), at most LIMIT, trimmed, each
 * once. With RUBRIC_UUID only comments on that rubric's criteria. */
GStrv          pl_store_comment_bank           (PlStore       *self,
                                                const char    *rubric_uuid,
                                                guint          limit,
                                                GError       **error);

G_END_DECLS
