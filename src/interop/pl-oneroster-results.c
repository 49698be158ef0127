/* pl-oneroster-results.c — gradebook results for the school's information system
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "core/pl-store-learners.h"
#include "pl-gradebook-csv.h"
#include "pl-oneroster-results.h"

typedef struct
{
  const char *name;
  GString    *text;
} OutFile;

static void
row (GString *out,
     guint    n,
     ...)
{
  va_list args;

  va_start (args, n);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      pl_csv_append_field (out, va_arg (args, const char *));
    }
  va_end (args);
  g_string_append (out, "\r\n");
}

static gboolean
check_date (const char  *date,
            char       **out_date,
            GError     **error)
{
  guint y, m, d;

  if (date == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      *out_date = g_date_time_format (now, "%Y-%m-%d");
      return TRUE;
    }
  if (strlen (date) != 10 || sscanf (date, "%4u-%2u-%2u", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("date: “%s” is not a date (YYYY-MM-DD)"), date);
      return FALSE;
    }
  *out_date = g_strdup (date);
  return TRUE;
}

static char *
derived_id (const char *scope,
            const char *a,
            const char *b,
            const char *c)
{
  g_autofree char *key = g_strjoin ("/", a, b, c, NULL);

  return pl_store_derive_uuid (scope, key);
}

static char *
format_score (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

static void
build_files (const PlGradebook *gb,
             const char        *date,
             OutFile            files[4])
{
  g_autofree char *category = derived_id ("oneroster-category", gb->classroom_uuid, "standards", NULL);
  const char *class_id = gb->classroom_source_id != NULL && *gb->classroom_source_id != '\0'
                         ? gb->classroom_source_id : gb->classroom_uuid;
  GString *manifest, *categories, *line_items, *results;
  g_autoptr(GPtrArray) item_ids = g_ptr_array_new_with_free_func (g_free);
  static const char * const absent[] = {
    "file.academicSessions", "file.classes", "file.classResources", "file.courses",
    "file.courseResources", "file.demographics", "file.enrollments", "file.orgs",
    "file.resources", "file.users",
  };

  manifest = g_string_new (NULL);
  row (manifest, 2, "propertyName", "value");
  row (manifest, 2, "manifest.version", "1.0");
  row (manifest, 2, "oneroster.version", "1.1");
  for (guint i = 0; i < G_N_ELEMENTS (absent); i++)
    row (manifest, 2, absent[i], "absent");
  row (manifest, 2, "file.categories", "bulk");
  row (manifest, 2, "file.lineItems", "bulk");
  row (manifest, 2, "file.results", "bulk");
  row (manifest, 2, "source.systemName", "PersonalLearn");
  row (manifest, 2, "source.systemCode", "personallearn");

  categories = g_string_new (NULL);
  row (categories, 4, "sourcedId", "status", "dateLastModified", "title");
  /* A bulk file leaves status and dateLastModified empty (OneRoster 1.1
   * CSV: they are for delta files). */
  row (categories, 4, category, "", "", _("Standards"));

  line_items = g_string_new (NULL);
  row (line_items, 12, "sourcedId", "status", "dateLastModified", "title", "description",
       "assignDate", "dueDate", "classSourcedId", "categorySourcedId",
       "gradingPeriodSourcedId", "resultValueMin", "resultValueMax");
  for (guint j = 0; j < gb->n_standards; j++)
    {
      char *id = derived_id ("oneroster-line-item", gb->classroom_uuid, gb->standard_uuids[j], NULL);
      const char *title = gb->standard_codes[j] != NULL && *gb->standard_codes[j] != '\0'
                          ? gb->standard_codes[j] : gb->standard_uuids[j];

      g_ptr_array_add (item_ids, id);
      row (line_items, 12, id, "", "", title, gb->standard_statements[j],
           date, date, class_id, category, "", "0.0", "4.0");
    }

  results = g_string_new (NULL);
  row (results, 9, "sourcedId", "status", "dateLastModified", "lineItemSourcedId",
       "studentSourcedId", "scoreStatus", "score", "scoreDate", "comment");
  for (guint i = 0; i < gb->n_learners; i++)
    {
      const char *student = gb->learner_source_ids[i] != NULL && *gb->learner_source_ids[i] != '\0'
                            ? gb->learner_source_ids[i] : gb->learner_uuids[i];

      for (guint j = 0; j < gb->n_standards; j++)
        {
          const PlGradebookCell *cell = pl_gradebook_get_cell (gb, i, j);
          g_autofree char *id = NULL;
          g_autofree char *score = NULL;
          g_autofree char *comment = NULL;

          if (!(cell->flags & (PL_GRADEBOOK_CELL_HAS_VALUE | PL_GRADEBOOK_CELL_OVERRIDDEN)))
            continue;
          id = derived_id ("oneroster-result", gb->classroom_uuid, gb->learner_uuids[i], gb->standard_uuids[j]);
          score = format_score (cell->value);
          if (cell->flags & PL_GRADEBOOK_CELL_OVERRIDDEN)
            /* Translators: a result's comment; %s is the teacher's reason. */
            comment = g_strdup_printf (_("Set by the teacher: %s"), cell->override_reason);
          else
            /* Translators: a result's comment; %s is a calculation method name. */
            comment = g_strdup_printf (_("Calculated from the evidence: %s"), gb->standard_methods[j]);
          row (results, 9, id, "", "", g_ptr_array_index (item_ids, j), student,
               "fully graded", score, date, comment);
        }
    }

  files[0] = (OutFile) { "manifest.csv", manifest };
  files[1] = (OutFile) { "categories.csv", categories };
  files[2] = (OutFile) { "lineItems.csv", line_items };
  files[3] = (OutFile) { "results.csv", results };
}

static void
free_files (OutFile files[4])
{
  for (guint i = 0; i < 4; i++)
    if (files[i].text != NULL)
      g_string_free (files[i].text, TRUE);
}

gboolean
pl_oneroster_results_write_folder (const PlGradebook  *gb,
                                   GFile              *folder,
                                   const char         *date,
                                   GCancellable       *cancellable,
                                   GError            **error)
{
  g_autofree char *day = NULL;
  g_autoptr(GError) local_error = NULL;
  OutFile files[4] = { { 0 } };
  gboolean ok = TRUE;

  g_return_val_if_fail (gb != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  if (!check_date (date, &day, error))
    return FALSE;
  if (!g_file_make_directory_with_parents (folder, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  build_files (gb, day, files);
  for (guint i = 0; ok && i < 4; i++)
    {
      g_autoptr(GFile) file = g_file_get_child (folder, files[i].name);

      ok = g_file_replace_contents (file, files[i].text->str, files[i].text->len, NULL, FALSE,
                                    G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error);
    }
  free_files (files);
  return ok;
}

gboolean
pl_oneroster_results_write_zip (const PlGradebook  *gb,
                                const char         *path,
                                const char         *date,
                                GError            **error)
{
  g_autofree char *day = NULL;
  g_autofree char *partial = NULL;
  struct archive *zip = NULL;
  OutFile files[4] = { { 0 } };
  gint64 now;

  g_return_val_if_fail (gb != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_date (date, &day, error))
    return FALSE;
  build_files (gb, day, files);
  partial = g_strconcat (path, ".part", NULL);
  now = g_get_real_time () / G_USEC_PER_SEC;

  zip = archive_write_new ();
  if (archive_write_set_format_zip (zip) != ARCHIVE_OK ||
      archive_write_open_filename (zip, partial) != ARCHIVE_OK)
    goto fail;
  for (guint i = 0; i < 4; i++)
    {
      struct archive_entry *entry = archive_entry_new ();
      int rc;

      archive_entry_set_pathname (entry, files[i].name);
      archive_entry_set_size (entry, files[i].text->len);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_mtime (entry, now, 0);
      rc = archive_write_header (zip, entry);
      archive_entry_free (entry);
      if (rc != ARCHIVE_OK ||
          archive_write_data (zip, files[i].text->str, files[i].text->len) != (la_ssize_t) files[i].text->len)
        goto fail;
    }
  if (archive_write_close (zip) != ARCHIVE_OK)
    goto fail;
  archive_write_free (zip);
  free_files (files);
  if (g_rename (partial, path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("%s: cannot write: %s"), path, g_strerror (saved));
      g_unlink (partial);
      return FALSE;
    }
  return TRUE;

fail:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: cannot write the zip: %s"),
               path, archive_error_string (zip) ? archive_error_string (zip) : g_strerror (errno));
  archive_write_free (zip);
  free_files (files);
  g_unlink (partial);
  return FALSE;
}
