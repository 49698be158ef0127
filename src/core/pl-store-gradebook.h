/* pl-store-gradebook.h — the standards-based gradebook of a class
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pl-grade-override.h"
#include "pl-store-evidence.h"
#include "pl-store.h"

G_BEGIN_DECLS

/* The calculation methods a class or a standard may use, by the names of
 * the command-line contract ("latest", "highest", "mean", "mode",
 * "decaying-average", "weighted-average", "n-mastery", "power-law");
 * NULL-terminated. */
const char * const *pl_gradebook_method_names       (void);
gboolean            pl_gradebook_method_is_known    (const char *method);

/* The class's method; METHOD NULL means "the application's default". A
 * PARAM of 0 means the method's own default (65 for the averages, n = 3
 * for n-mastery). An unknown method or a negative param is refused. */
gboolean  pl_store_set_class_method     (PlStore     *self,
                                         const char  *classroom_uuid,
                                         const char  *method,
                                         double       param,
                                         GError     **error);
/* The same with n-mastery's second number, MASTERY_LEVEL, the level a
 * score must reach to count (0: the default, 3; else 0.5–4). */
gboolean  pl_store_set_class_method_full (PlStore    *self,
                                          const char *classroom_uuid,
                                          const char *method,
                                          double      param,
                                          double      mastery_level,
                                          GError    **error);
/* A method for one standard of the class, overriding the class's; METHOD
 * NULL removes the override. */
gboolean  pl_store_set_standard_method  (PlStore     *self,
                                         const char  *classroom_uuid,
                                         const char  *standard_uuid,
                                         const char  *method,
                                         double       param,
                                         GError     **error);
gboolean  pl_store_set_standard_method_full (PlStore    *self,
                                             const char *classroom_uuid,
                                             const char *standard_uuid,
                                             const char *method,
                                             double      param,
                                             double      mastery_level,
                                             GError    **error);

/* The method in words with its numbers, translated: "Decaying average
 * (newest 65 %)", "N-mastery (3 scores at 3 or above)", "Latest". PARAM
 * and MASTERY_LEVEL 0 stand for the method's defaults. */
char     *pl_gradebook_method_describe  (const char  *method,
                                         double       param,
                                         double       mastery_level);

/* A teacher's override of one cell. REASON must say why (an override is
 * never silent); VALUE lies on the gradebook's 0–4 scale. Overrides keep
 * their history: a new one is a new row that supersedes the cell's
 * override before it (set_at says when), never an edit of it. */
PlGradeOverride *pl_store_set_grade_override   (PlStore     *self,
                                                const char  *classroom_uuid,
                                                const char  *learner_uuid,
                                                const char  *standard_uuid,
                                                double       value,
                                                const char  *reason,
                                                GError     **error);
/* Gives the cell back to its evidence: a row marked removed that
 * supersedes the override; TRUE also when there was none. */
gboolean         pl_store_clear_grade_override (PlStore     *self,
                                                const char  *classroom_uuid,
                                                const char  *learner_uuid,
                                                const char  *standard_uuid,
                                                GError     **error);

/* Every override the cell has had, removals included, oldest first
 * (PlGradeOverride: value, reason, set_at, removed, supersedes_uuid). */
GListModel      *pl_store_list_cell_overrides  (PlStore     *self,
                                                const char  *classroom_uuid,
                                                const char  *learner_uuid,
                                                const char  *standard_uuid,
                                                GError     **error);

/* The evidence behind one cell: live (not deleted, not superseded)
 * evidence of the learner on the standard, directly or through a rubric
 * criterion aligned to it, ordered by the date it was assessed. */
GListModel      *pl_store_list_cell_evidence   (PlStore     *self,
                                                const char  *learner_uuid,
                                                const char  *standard_uuid,
                                                GError     **error);

/* The same with the evidence that corrections superseded, for showing
 * what was corrected: every evidence row of the cell that is not deleted,
 * in the same order. */
GListModel      *pl_store_list_cell_evidence_history (PlStore     *self,
                                                      const char  *learner_uuid,
                                                      const char  *standard_uuid,
                                                      GError     **error);

/* The roll-up of one cell's scores (oldest first, on the 0–4 scale) with
 * METHOD, PARAM and MASTERY_LEVEL (0: the method's defaults). FALSE: no value. The store
 * knows no method itself: the caller passes the engine's. */
typedef gboolean (*PlGradebookRollupFunc) (const char   *method,
                                           double        param,
                                           double        mastery_level,
                                           const double *scores,
                                           gsize         n_scores,
                                           double       *out_value,
                                           gpointer      user_data);

typedef enum
{
  PL_GRADEBOOK_CELL_HAS_VALUE  = 1 << 0,   /* the roll-up gave a value */
  PL_GRADEBOOK_CELL_OVERRIDDEN = 1 << 1,   /* the teacher overrode the cell */
} PlGradebookCellFlags;

typedef struct
{
  double      value;             /* shown: the override, else the roll-up */
  double      computed;          /* the roll-up of the evidence */
  guint       flags;             /* PlGradebookCellFlags */
  guint       n_evidence;
  const char *override_reason;   /* owned by the gradebook; NULL unless overridden */
  const char *override_set_on;   /* "YYYY-MM-DD" the override was set, or NULL */
} PlGradebookCell;

/* The gradebook's scale: levels 0–4 (Beginning 1 … Exceeding 4). Every
 * score is brought to it from its own scale before the roll-up. */
#define PL_GRADEBOOK_SCALE 4.0

typedef struct
{
  char     *classroom_uuid;
  char     *classroom_name;
  char     *classroom_source_id;     /* NULL when the class came from no roster */
  char     *class_method;            /* the class's method, or the default */
  double    class_param;
  double    class_mastery_level;     /* n-mastery's level (0: the default, 3) */
  gboolean  class_method_is_default; /* the class set no method of its own */
  char     *period_starts_on;        /* "YYYY-MM-DD": the earliest start of the class's units, or NULL */
  char     *period_ends_on;          /* the latest end of its units, or NULL */
  char     *latest_due_on;           /* the latest due date of its milestones, or NULL */

  guint     n_learners;
  char    **learner_uuids;           /* as in PlEvidenceTable: sorted by family name */
  char    **learner_names;           /* display names */
  char    **learner_source_ids;      /* NULL entries when none */

  guint     n_standards;
  char    **standard_uuids;
  char    **standard_codes;
  char    **standard_statements;
  char    **standard_methods;        /* the method used for each standard */
  double   *standard_params;
  double   *standard_mastery_levels;
  gboolean *standard_method_overridden;

  PlGradebookCell *cells;            /* n_learners × n_standards, learner-major */

  /* The evidence behind the cells (scores already on the 0–4 scale in
   * normalized_scores, same layout as evidence->scores). */
  PlEvidenceTable *evidence;
  double          *normalized_scores;
  int             *cell_series;      /* per cell: its series in evidence, or -1 */
  GPtrArray       *strings;          /* override reasons */
} PlGradebook;

void          pl_gradebook_free              (PlGradebook *gradebook);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlGradebook, pl_gradebook_free)

/* Loads the class's evidence, methods and overrides and rolls every cell
 * up with ROLLUP. DEFAULT_METHOD/DEFAULT_PARAM apply when the class set
 * no method (the application's setting). */
PlGradebook  *pl_store_load_gradebook        (PlStore                *self,
                                              const char             *classroom_uuid,
                                              const char             *default_method,
                                              double                  default_param,
                                              PlGradebookRollupFunc   rollup,
                                              gpointer                user_data,
                                              GError                **error);

const PlGradebookCell *pl_gradebook_get_cell (const PlGradebook *gradebook,
                                              guint              learner,
                                              guint              standard);
/* The cell's scores on the 0–4 scale and their dates (seconds since the
 * epoch, UTC), oldest first; *OUT_N 0 when there is none. */
void          pl_gradebook_get_scores        (const PlGradebook *gradebook,
                                              guint              learner,
                                              guint              standard,
                                              const double     **out_scores,
                                              const gint64     **out_dates,
                                              gsize             *out_n);
/* The level name of a value on the 0–4 scale ("Proficient" for 3.0–3.49…). */
const char   *pl_gradebook_level_name        (double             value);

/* The optional course-grade conversion (off by default). The rule in one
 * sentence, translated. */
const char   *pl_gradebook_course_grade_rule (void);
/* The learner's course grade ("A" … "F") by that rule and, in
 * OUT_EXPLANATION, why, in words; NULL when no standard has a value. */
char         *pl_gradebook_course_grade      (const PlGradebook *gradebook,
                                              guint              learner,
                                              char             **out_explanation);

G_END_DECLS
