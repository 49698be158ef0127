/* pl-learner-csv.c — a plain CSV of learners saved from a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "pl-learner-csv.h"
#include "pl-roster-csv.h"

#define N_SAMPLES 5

struct _PlLearnerCsv
{
  GFile     *file;
  char      *name;
  char       delimiter;
  GPtrArray *columns;             /* char * */
  GPtrArray *samples;             /* GStrv */
  int        mapping[PL_LEARNER_CSV_N_FIELDS];
};

static const char * const field_keys[] = { "given", "family", "id", "email", "grade" };
static const char * const field_labels[] = {
  N_("Given name"), N_("Family name"), N_("Id"), N_("Email"), N_("Grade")
};

/* Header names, compared with case, spaces, '_', '-' and '.' removed. */
static const char * const given_names[] = {
  "givenname", "firstname", "first", "forename", "givennames", "prenom", "prénom", "vorname", "nombre", NULL
};
static const char * const family_names[] = {
  "familyname", "lastname", "last", "surname", "nachname", "nom", "apellido", "apellidos", NULL
};
static const char * const id_names[] = {
  "id", "studentid", "learnerid", "pupilid", "sourcedid", "identifier", "studentnumber", "number", "upn", NULL
};
static const char * const email_names[] = {
  "email", "emailaddress", "mail", "studentemail", NULL
};
static const char * const grade_names[] = {
  "grade", "gradelevel", "year", "yeargroup", "level", "grades", "klasse", "classe", "curso", NULL
};

static const char * const *synonyms[] = { given_names, family_names, id_names, email_names, grade_names };

const char *
pl_learner_csv_field_label (PlLearnerCsvField field)
{
  g_return_val_if_fail (field < PL_LEARNER_CSV_N_FIELDS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, field_labels[field]);
}

const char *
pl_learner_csv_field_key (PlLearnerCsvField field)
{
  g_return_val_if_fail (field < PL_LEARNER_CSV_N_FIELDS, NULL);
  return field_keys[field];
}

static char *
normalise_header (const char *name)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p++)
    if (*p != ' ' && *p != '_' && *p != '-' && *p != '.')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static void
guess_mapping (PlLearnerCsv *self)
{
  for (guint f = 0; f < PL_LEARNER_CSV_N_FIELDS; f++)
    self->mapping[f] = -1;
  for (guint f = 0; f < PL_LEARNER_CSV_N_FIELDS; f++)
    for (guint c = 0; c < self->columns->len && self->mapping[f] < 0; c++)
      {
        g_autofree char *norm = normalise_header (self->columns->pdata[c]);
        gboolean taken = FALSE;

        for (guint g = 0; g < f; g++)
          taken = taken || self->mapping[g] == (int) c;
        if (!taken && g_strv_contains (synonyms[f], norm))
          self->mapping[f] = (int) c;
      }
}

static PlRosterCsv *
open_csv (PlLearnerCsv  *self,
          char           delimiter,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;

  in = g_file_read (self->file, cancellable, &local_error);
  if (in == NULL)
    {
      pl_roster_set_error (error,
                           g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                             ? PL_ROSTER_ERROR_NOT_FOUND : PL_ROSTER_ERROR_FAILED,
                           self->name, 0, 0, NULL, "%s", local_error->message);
      return NULL;
    }
  return pl_roster_csv_new_for_stream (self->name, G_INPUT_STREAM (in), delimiter);
}

void
pl_learner_csv_free (PlLearnerCsv *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->file);
  g_free (self->name);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->samples, g_ptr_array_unref);
  g_free (self);
}

PlLearnerCsv *
pl_learner_csv_open (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(PlLearnerCsv) self = NULL;
  g_autoptr(PlRosterCsv) csv = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_new0 (PlLearnerCsv, 1);
  self->file = g_object_ref (file);
  self->name = g_file_get_basename (file);
  self->columns = g_ptr_array_new_with_free_func (g_free);
  self->samples = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  csv = open_csv (self, 0, cancellable, error);
  if (csv == NULL || !pl_roster_csv_read_header (csv, error))
    return NULL;
  self->delimiter = pl_roster_csv_get_delimiter (csv);
  for (guint i = 0; i < pl_roster_csv_get_n_columns (csv); i++)
    g_ptr_array_add (self->columns, g_strdup (pl_roster_csv_get_column_name (csv, i)));

  while (self->samples->len < N_SAMPLES && pl_roster_csv_next (csv, &local_error))
    {
      GStrv row = g_new0 (char *, self->columns->len + 1);

      /* A short row has empty cells, not an early end of the array. */
      for (guint i = 0; i < self->columns->len; i++)
        row[i] = g_strdup (pl_roster_csv_get (csv, (int) i) ?: "");
      g_ptr_array_add (self->samples, row);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  guess_mapping (self);
  return g_steal_pointer (&self);
}

guint
pl_learner_csv_get_n_columns (PlLearnerCsv *self)
{
  return self->columns->len;
}

const char *
pl_learner_csv_get_column_name (PlLearnerCsv *self,
                                guint         column)
{
  g_return_val_if_fail (column < self->columns->len, NULL);
  return self->columns->pdata[column];
}

char
pl_learner_csv_get_delimiter (PlLearnerCsv *self)
{
  return self->delimiter;
}

guint
pl_learner_csv_get_n_samples (PlLearnerCsv *self)
{
  return self->samples->len;
}

const char * const *
pl_learner_csv_get_sample (PlLearnerCsv *self,
                           guint         index)
{
  g_return_val_if_fail (index < self->samples->len, NULL);
  return (const char * const *) self->samples->pdata[index];
}

int
pl_learner_csv_get_mapping (PlLearnerCsv      *self,
                            PlLearnerCsvField  field)
{
  g_return_val_if_fail (field < PL_LEARNER_CSV_N_FIELDS, -1);
  return self->mapping[field];
}

void
pl_learner_csv_set_mapping (PlLearnerCsv      *self,
                            PlLearnerCsvField  field,
                            int                column)
{
  g_return_if_fail (field < PL_LEARNER_CSV_N_FIELDS);
  g_return_if_fail (column >= -1 && column < (int) self->columns->len);
  self->mapping[field] = column;
}

gboolean
pl_learner_csv_parse_mapping (PlLearnerCsv  *self,
                              const char    *spec,
                              GError       **error)
{
  g_auto(GStrv) parts = g_strsplit (spec, ",", -1);
  int mapping[PL_LEARNER_CSV_N_FIELDS];

  memcpy (mapping, self->mapping, sizeof mapping);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *eq = strchr (parts[i], '=');
      int field = -1, column = -1;

      if (eq == NULL)
        {
          pl_roster_set_error (error, PL_ROSTER_ERROR_BAD_VALUE, self->name, 0, 0, NULL,
                               _("“%s” is not KEY=COLUMN"), parts[i]);
          return FALSE;
        }
      *eq = '\0';
      g_strstrip (parts[i]);
      for (guint f = 0; f < PL_LEARNER_CSV_N_FIELDS; f++)
        if (strcmp (field_keys[f], parts[i]) == 0)
          field = (int) f;
      if (field < 0)
        {
          pl_roster_set_error (error, PL_ROSTER_ERROR_BAD_VALUE, self->name, 0, 0, NULL,
                               _("unknown field “%s” (given, family, id, email or grade)"), parts[i]);
          return FALSE;
        }
      g_strstrip (eq + 1);
      if (strcmp (eq + 1, "-") != 0)
        {
          for (guint c = 0; c < self->columns->len && column < 0; c++)
            if (g_utf8_collate (self->columns->pdata[c], eq + 1) == 0)
              column = (int) c;
          if (column < 0)
            {
              pl_roster_set_error (error, PL_ROSTER_ERROR_MISSING_COLUMN, self->name, 1, 0, NULL,
                                   _("there is no column “%s”"), eq + 1);
              return FALSE;
            }
        }
      mapping[field] = column;
    }
  memcpy (self->mapping, mapping, sizeof mapping);
  return TRUE;
}

static char *
cell (PlRosterCsv *csv,
      int          column)
{
  g_autofree char *value = NULL;

  if (column < 0)
    return NULL;
  value = g_strstrip (g_strdup (pl_roster_csv_get (csv, column)));
  return *value != '\0' ? g_steal_pointer (&value) : NULL;
}

PlRosterData *
pl_learner_csv_read (PlLearnerCsv  *self,
                     const char    *class_title,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return pl_learner_csv_read_full (self, class_title, NULL, cancellable, error);
}

PlRosterData *
pl_learner_csv_read_full (PlLearnerCsv      *self,
                          const char        *class_title,
                          PlRosterProgress  *progress,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_autoptr(PlRosterCsv) csv = NULL;
  g_autoptr(PlRosterData) data = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  PlRosterClass *klass;
  guint n = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (class_title != NULL && *class_title != '\0', NULL);

  for (guint f = PL_LEARNER_CSV_GIVEN_NAME; f <= PL_LEARNER_CSV_FAMILY_NAME; f++)
    if (self->mapping[f] < 0)
      {
        pl_roster_set_error (error, PL_ROSTER_ERROR_MISSING_COLUMN, self->name, 1, 0, NULL,
                             _("no column is chosen for the learners’ %s"),
                             pl_learner_csv_field_label (f));
        return NULL;
      }

  csv = open_csv (self, self->delimiter, cancellable, error);
  if (csv == NULL)
    return NULL;
  {
    g_autoptr(GFileInfo) info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);

    pl_roster_progress_begin (progress, PL_ROSTER_STAGE_READING,
                              info != NULL ? (guint64) g_file_info_get_size (info) : 0);
    pl_roster_csv_set_progress (csv, progress);
  }
  if (!pl_roster_csv_read_header (csv, error))
    return NULL;

  data = pl_roster_data_new (self->name, "csv");
  data->enrollments_bulk = FALSE;
  g_free (data->enrollments_file);
  data->enrollments_file = g_strdup (self->name);
  klass = g_new0 (PlRosterClass, 1);
  klass->title = g_strdup (class_title);
  pl_roster_data_add_class (data, klass);

  while (pl_roster_csv_next (csv, &local_error))
    {
      g_autoptr(PlRosterLearner) learner = NULL;
      PlRosterEnrollment *enrollment;
      guint line = pl_roster_csv_get_line (csv);
      gboolean blank = TRUE;

      /* Spreadsheets save empty rows as a line of delimiters. */
      for (guint i = 0; i < pl_roster_csv_get_n_cells (csv) && blank; i++)
        {
          g_autofree char *c = cell (csv, (int) i);

          blank = c == NULL;
        }
      if (blank)
        continue;
      learner = g_new0 (PlRosterLearner, 1);

      learner->given_name = cell (csv, self->mapping[PL_LEARNER_CSV_GIVEN_NAME]);
      learner->family_name = cell (csv, self->mapping[PL_LEARNER_CSV_FAMILY_NAME]);
      learner->source_id = cell (csv, self->mapping[PL_LEARNER_CSV_ID]);
      learner->email = cell (csv, self->mapping[PL_LEARNER_CSV_EMAIL]);
      learner->grade = cell (csv, self->mapping[PL_LEARNER_CSV_GRADE]);
      learner->role = g_strdup ("student");
      learner->line = line;

      if (learner->given_name == NULL && learner->family_name == NULL)
        {
          int column = self->mapping[PL_LEARNER_CSV_GIVEN_NAME];

          pl_roster_set_error (error, PL_ROSTER_ERROR_BAD_VALUE, self->name, line, column + 1,
                               self->columns->pdata[column],
                               _("the row has neither a given name nor a family name"));
          return NULL;
        }
      if (learner->source_id != NULL)
        {
          gpointer first = g_hash_table_lookup (ids, learner->source_id);
          int column = self->mapping[PL_LEARNER_CSV_ID];

          if (first != NULL)
            {
              pl_roster_set_error (error, PL_ROSTER_ERROR_DUPLICATE, self->name, line, column + 1,
                                   self->columns->pdata[column],
                                   _("the id “%s” is already on line %u"), learner->source_id,
                                   GPOINTER_TO_UINT (first));
              return NULL;
            }
          g_hash_table_insert (ids, g_strdup (learner->source_id), GUINT_TO_POINTER (line));
        }

      enrollment = g_new0 (PlRosterEnrollment, 1);
      enrollment->klass = klass;
      enrollment->learner = learner;
      enrollment->role = g_strdup ("student");
      enrollment->line = line;
      klass->n_students++;
      pl_roster_data_add_learner (data, g_steal_pointer (&learner));
      pl_roster_data_add_enrollment (data, enrollment);

      if (++n % 1024 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&data);
}
