/* pl-learner-csv.h — a plain CSV of learners saved from a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pl-roster-data.h"
#include "pl-roster-error.h"
#include "pl-roster-progress.h"

G_BEGIN_DECLS

typedef enum
{
  PL_LEARNER_CSV_GIVEN_NAME,
  PL_LEARNER_CSV_FAMILY_NAME,
  PL_LEARNER_CSV_ID,
  PL_LEARNER_CSV_EMAIL,
  PL_LEARNER_CSV_GRADE,
  PL_LEARNER_CSV_N_FIELDS
} PlLearnerCsvField;

typedef struct _PlLearnerCsv PlLearnerCsv;

/* Reads the header and a few rows (comma, semicolon or tab separated;
 * UTF-8 with or without a byte order mark) and guesses which column is
 * which from the header names. */
PlLearnerCsv *pl_learner_csv_open             (GFile               *file,
                                               GCancellable        *cancellable,
                                               GError             **error);
void          pl_learner_csv_free             (PlLearnerCsv        *self);

guint         pl_learner_csv_get_n_columns    (PlLearnerCsv        *self);
const char   *pl_learner_csv_get_column_name  (PlLearnerCsv        *self,
                                               guint                column);
char          pl_learner_csv_get_delimiter    (PlLearnerCsv        *self);
/* Up to five rows after the header, as NULL-terminated string arrays. */
guint         pl_learner_csv_get_n_samples    (PlLearnerCsv        *self);
const char * const *pl_learner_csv_get_sample (PlLearnerCsv        *self,
                                               guint                index);

/* The column of FIELD, or -1 when none. */
int           pl_learner_csv_get_mapping      (PlLearnerCsv        *self,
                                               PlLearnerCsvField    field);
void          pl_learner_csv_set_mapping      (PlLearnerCsv        *self,
                                               PlLearnerCsvField    field,
                                               int                  column);
/* Overrides from text such as "given=First name,family=Surname,id=-"
 * (keys given, family, id, email, grade; "-" for none). */
gboolean      pl_learner_csv_parse_mapping    (PlLearnerCsv        *self,
                                               const char          *spec,
                                               GError             **error);
const char   *pl_learner_csv_field_label      (PlLearnerCsvField    field);
const char   *pl_learner_csv_field_key        (PlLearnerCsvField    field);

/* Reads every row with the mapping into a roster with one class titled
 * CLASS_TITLE. Given and family name must be mapped
 * (PL_ROSTER_ERROR_MISSING_COLUMN); a row with neither is
 * PL_ROSTER_ERROR_BAD_VALUE; an id twice is PL_ROSTER_ERROR_DUPLICATE. */
PlRosterData *pl_learner_csv_read             (PlLearnerCsv        *self,
                                               const char          *class_title,
                                               GCancellable        *cancellable,
                                               GError             **error);
/* Same, telling PROGRESS (may be NULL) how many bytes are read. */
PlRosterData *pl_learner_csv_read_full        (PlLearnerCsv        *self,
                                               const char          *class_title,
                                               PlRosterProgress    *progress,
                                               GCancellable        *cancellable,
                                               GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlLearnerCsv, pl_learner_csv_free)

G_END_DECLS
