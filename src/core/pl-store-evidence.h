/* pl-store-evidence.h — evidence of a class as flat arrays, and bulk writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pl-store.h"

G_BEGIN_DECLS

/* The evidence of one class, learner × standard, in compressed sparse rows:
 * series i holds the scores of learner series_learner[i] on standard
 * series_standard[i], in the order they were assessed (by date, then by
 * when they were recorded), at
 * scores[offsets[i]] … scores[offsets[i + 1] - 1]. Series are grouped by
 * learner; a learner × standard pair without evidence has no series.
 *
 * Only evidence that counts is loaded: not deleted, and not superseded by
 * a correction (a live evidence row whose supersedes_uuid names it).
 * Evidence scored on a criterion only counts for the criterion's
 * standard. */
typedef struct
{
  guint    n_learners;
  char   **learner_uuids;     /* NULL-terminated; enrolled, sorted by family then given name */
  guint    n_standards;
  char   **standard_uuids;    /* NULL-terminated; the class's unit standards by position, then
                               * any other standard that has evidence */
  guint    n_series;
  guint   *series_learner;    /* n_series indexes into learner_uuids */
  guint   *series_standard;   /* n_series indexes into standard_uuids */
  guint   *offsets;           /* n_series + 1 */
  guint    n_scores;
  double  *scores;            /* n_scores */
  double  *scale_max;         /* n_scores: the top of each score's scale */
  gint64  *assessed_at;       /* n_scores: seconds since the Unix epoch, UTC */
} PlEvidenceTable;

void             pl_evidence_table_free        (PlEvidenceTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlEvidenceTable, pl_evidence_table_free)

/* Loads the evidence of the learners actively enrolled in CLASSROOM_UUID. */
PlEvidenceTable *pl_store_load_class_evidence  (PlStore         *store,
                                                const char      *classroom_uuid,
                                                GError         **error);

/* One evidence row for pl_store_add_evidence. */
typedef struct
{
  const char *uuid;            /* NULL: a new random (version 4) uuid; within
                                * one call they increase in row order */
  const char *learner_uuid;    /* required */
  const char *standard_uuid;   /* this or criterion_uuid is required */
  const char *criterion_uuid;
  double      score;
  double      scale_max;       /* 0: 4 */
  const char *assessed_at;     /* required: "YYYY-MM-DD" or an ISO 8601 date and time;
                                * stored as its date, see pl_evidence_normalize_date() */
  const char *source;          /* NULL: "manual" */
  const char *source_uuid;
  const char *comment;
  const char *supersedes_uuid;
  int         minutes_spent;
} PlEvidenceRow;

/* Evidence is assessed on a day. Every assessed_at the store writes is
 * "YYYY-MM-DD", and every ordering compares that date: a date and time
 * ("2026-12-01T14:48:00Z", "2026-12-01 09:00", with or without an offset)
 * becomes the date as written, so that a day's scores do not sort by
 * whatever time of day one source happened to record. Evidence of the
 * same day is ordered by when it was recorded (updated_hlc), which is
 * the same on every device. Returns NULL when TEXT is not a valid date. */
char            *pl_evidence_normalize_date    (const char           *text);

/* Writes N_ROWS evidence rows in one transaction with one prepared
 * statement; a row that lacks a required field, or whose assessed_at is
 * not a date, is refused (naming its
 * index and the field, PL_STORE_ERROR_INVALID) and nothing is written. */
gboolean         pl_store_add_evidence         (PlStore              *store,
                                                const PlEvidenceRow  *rows,
                                                gsize                 n_rows,
                                                GError              **error);

G_END_DECLS
