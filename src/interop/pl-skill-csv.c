/* pl-skill-csv.c — skill-practice logs for Bayesian Knowledge Tracing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "pl-roster-csv.h"
#include "pl-roster-error.h"
#include "pl-skill-csv.h"

typedef struct
{
  guint32 skill;
  guint32 user;
  gint64  order;
  guint32 row;
  guint8  correct;
} Row;

static int
compare_rows (const void *pa,
              const void *pb)
{
  const Row *a = pa, *b = pb;

  if (a->skill != b->skill)
    return a->skill < b->skill ? -1 : 1;
  if (a->user != b->user)
    return a->user < b->user ? -1 : 1;
  if (a->order != b->order)
    return a->order < b->order ? -1 : 1;
  return a->row < b->row ? -1 : (a->row > b->row);
}

/* Index of NAME in NAMES, adding it when new. */
static guint32
intern (GHashTable *index,
        GPtrArray  *names,
        const char *name)
{
  gpointer found;

  if (g_hash_table_lookup_extended (index, name, NULL, &found))
    return GPOINTER_TO_UINT (found);

  g_ptr_array_add (names, g_strdup (name));
  g_hash_table_insert (index, g_ptr_array_index (names, names->len - 1),
                       GUINT_TO_POINTER (names->len - 1));
  return names->len - 1;
}

static char **
steal_strv (GPtrArray *names)
{
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

PlSkillCsv *
pl_skill_csv_read (const char  *path,
                   GError     **error)
{
  static const char * const required[] = { "order_id", "user_id", "skill_name", "correct", NULL };
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(PlRosterCsv) csv = NULL;
  g_autoptr(GHashTable) skill_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) user_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) skills = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autoptr(GError) local_error = NULL;
  PlSkillCsv *self;
  int col[4];
  Row *r;
  gsize n;
  guint32 seq = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      pl_roster_set_error (error,
                           g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                             ? PL_ROSTER_ERROR_NOT_FOUND : PL_ROSTER_ERROR_FAILED,
                           path, 0, 0, NULL, "%s", local_error->message);
      return NULL;
    }

  csv = pl_roster_csv_new_for_stream (path, G_INPUT_STREAM (stream), ',');
  if (!pl_roster_csv_read_header (csv, error) ||
      !pl_roster_csv_require (csv, required, error))
    return NULL;
  for (guint i = 0; i < 4; i++)
    col[i] = pl_roster_csv_column (csv, required[i]);

  while (pl_roster_csv_next (csv, &local_error))
    {
      guint line = pl_roster_csv_get_line (csv);
      const char *cell[4];
      Row row;
      guint64 ok;

      for (guint i = 0; i < 4; i++)
        {
          cell[i] = pl_roster_csv_get_by_name (csv, required[i]);
          if (cell[i] == NULL)
            {
              pl_roster_set_error (error, PL_ROSTER_ERROR_BAD_VALUE, path, line, col[i] + 1,
                                   required[i], _("the cell is empty"));
              return NULL;
            }
        }

      if (!g_ascii_string_to_signed (cell[0], 10, G_MININT64, G_MAXINT64, &row.order, NULL))
        {
          pl_roster_set_error (error, PL_ROSTER_ERROR_BAD_VALUE, path, line, col[0] + 1,
                               required[0], _("“%s” is not a whole number"), cell[0]);
          return NULL;
        }
      if (!g_ascii_string_to_unsigned (cell[3], 10, 0, 1, &ok, NULL))
        {
          pl_roster_set_error (error, PL_ROSTER_ERROR_BAD_VALUE, path, line, col[3] + 1,
                               required[3], _("“%s” is neither 1 nor 0"), cell[3]);
          return NULL;
        }
      if (rows->len >= G_MAXUINT32 - 1)
        {
          pl_roster_set_error (error, PL_ROSTER_ERROR_FAILED, path, line, 0, NULL,
                               _("too many rows"));
          return NULL;
        }

      row.user = intern (user_index, users, cell[1]);
      row.skill = intern (skill_index, skills, cell[2]);
      row.row = rows->len;
      row.correct = ok;
      g_array_append_val (rows, row);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  n = rows->len;
  r = (Row *) (void *) rows->data;
  qsort (r, n, sizeof (Row), compare_rows);

  self = g_new0 (PlSkillCsv, 1);
  self->n_skills = skills->len;
  self->n_users = users->len;
  self->n_rows = n;
  self->correct = g_new (guint8, MAX (n, 1));
  self->skill_offsets = g_new0 (guint32, skills->len + 1);
  /* At most one sequence per row. */
  self->seq_offsets = g_new (guint32, n + 1);
  self->seq_users = g_new (guint32, MAX (n, 1));

  self->seq_offsets[0] = 0;
  for (gsize i = 0; i < n; i++)
    {
      if (i == 0 || r[i].skill != r[i - 1].skill || r[i].user != r[i - 1].user)
        {
          if (i > 0)
            self->seq_offsets[++seq] = i;
          self->seq_users[seq] = r[i].user;
          /* Every skill has rows, so skills start in order without gaps. */
          if (i == 0 || r[i].skill != r[i - 1].skill)
            self->skill_offsets[r[i].skill] = seq;
        }
      self->correct[i] = r[i].correct;
    }
  self->n_sequences = n > 0 ? seq + 1 : 0;
  self->seq_offsets[self->n_sequences] = n;
  self->skill_offsets[self->n_skills] = self->n_sequences;

  self->skill_names = steal_strv (g_steal_pointer (&skills));
  self->user_ids = steal_strv (g_steal_pointer (&users));
  return self;
}

void
pl_skill_csv_free (PlSkillCsv *self)
{
  if (self == NULL)
    return;

  g_strfreev (self->skill_names);
  g_strfreev (self->user_ids);
  g_free (self->skill_offsets);
  g_free (self->seq_offsets);
  g_free (self->seq_users);
  g_free (self->correct);
  g_free (self);
}

int
pl_skill_csv_find_skill (PlSkillCsv *self,
                         const char *skill_name)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (skill_name != NULL, -1);

  for (guint k = 0; k < self->n_skills; k++)
    if (strcmp (self->skill_names[k], skill_name) == 0)
      return k;
  return -1;
}
