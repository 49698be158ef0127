/* pl-skill-csv.h — skill-practice logs for Bayesian Knowledge Tracing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is a CSV whose header holds at least the columns order_id,
 * user_id, skill_name and correct, in any order; other columns are
 * ignored. order_id is a whole number giving the order of attempts,
 * correct is 1 or 0. The reader streams the file and keeps only the four
 * values of each row, so a million rows are fine.
 *
 * The result is grouped the way the engine wants it (CSR): skills in the
 * order they first appear, within a skill one sequence per user (users in
 * the order they first appear), within a sequence the attempts sorted by
 * order_id (equal order_ids keep their order in the file).
 *
 * Errors use PL_ROSTER_ERROR (the CSV errors of the interop layer) and
 * name the file, line and column: "log.csv: line 7, column 4 (correct): …".
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint     n_skills;
  char    **skill_names;     /* n_skills names, NULL-terminated */
  guint     n_users;
  char    **user_ids;        /* n_users ids, NULL-terminated */
  guint32  *skill_offsets;   /* n_skills + 1: sequences of skill k */
  guint32   n_sequences;
  guint32  *seq_offsets;     /* n_sequences + 1: rows of sequence j */
  guint32  *seq_users;       /* n_sequences: index into user_ids */
  gsize     n_rows;
  guint8   *correct;         /* n_rows, 0 or 1 */
} PlSkillCsv;

PlSkillCsv  *pl_skill_csv_read   (const char  *path,
                                  GError     **error);
void         pl_skill_csv_free   (PlSkillCsv  *self);

/* The index of SKILL_NAME, or -1. */
int          pl_skill_csv_find_skill (PlSkillCsv *self,
                                      const char *skill_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlSkillCsv, pl_skill_csv_free)

G_END_DECLS
