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

#define N_FILES 5

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

static char *
epoch_day (gint64 when)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (when);

  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%d") : NULL;
}

/* The earliest and latest assessed day of the evidence on STANDARD (all
 * learners), FALSE when there is none. */
static gboolean
standard_dates (const PlGradebook *gb,
                guint              standard,
                gint64            *out_first,
                gint64            *out_last)
{
  gboolean any = FALSE;

  for (guint i = 0; i < gb->n_learners; i++)
    {
      const gint64 *dates;
      gsize n;

      pl_gradebook_get_scores (gb, i, standard, NULL, &dates, &n);
      if (n == 0)
        continue;
      if (!any || dates[0] < *out_first)
        *out_first = dates[0];
      if (!any || dates[n - 1] > *out_last)
        *out_last = dates[n - 1];
      any = TRUE;
    }
  return any;
}

/* The grading period the line items belong to: the span of the class's
 * units when they have dates, else the school year (August to July) of
 * the export date. */
static void
grading_period (const PlGradebook *gb,
                const char        *date,
                char             **out_start,
                char             **out_end,
                char             **out_title,
                char             **out_school_year)
{
  guint y, m, d;

  if (gb->period_starts_on != NULL && gb->period_ends_on != NULL &&
      strcmp (gb->period_starts_on, gb->period_ends_on) <= 0)
    {
      *out_start = g_strdup (gb->period_starts_on);
      *out_end = g_strdup (gb->period_ends_on);
      /* Translators: the grading period of an export: the class and the dates of its units. */
      *out_title = g_strdup_printf (_("%s, %s to %s"), gb->classroom_name, *out_start, *out_end);
      *out_school_year = g_strndup (*out_end, 4);
      return;
    }
  if (sscanf (date, "%4u-%2u-%2u", &y, &m, &d) != 3)
    y = 2000, m = 1;
  if (m < 8)
    y--;
  *out_start = g_strdup_printf ("%04u-08-01", y);
  *out_end = g_strdup_printf ("%04u-07-31", y + 1);
  /* Translators: a school year, e.g. "School year 2025–2026". */
  *out_title = g_strdup_printf (_("School year %u–%u"), y, y + 1);
  *out_school_year = g_strdup_printf ("%04u", y + 1);
}

char *
pl_oneroster_results_check (const PlGradebook *gb)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  gboolean class_missing;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (gb != NULL, NULL);

  class_missing = gb->classroom_source_id == NULL || *gb->classroom_source_id == '\0';
  for (guint i = 0; i < gb->n_learners; i++)
    if (gb->learner_source_ids[i] == NULL || *gb->learner_source_ids[i] == '\0')
      g_ptr_array_add (names, gb->learner_names[i]);
  if (!class_missing && names->len == 0)
    return NULL;

  if (class_missing)
    g_string_append_printf (text, _("The class “%s” has no sourcedId from the school’s roster."),
                            gb->classroom_name);
  if (names->len > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < names->len; i++)
        {
          if (i > 0)
            g_string_append (list, ", ");
          g_string_append (list, g_ptr_array_index (names, i));
        }
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u learner has no sourcedId from the school’s roster: %s.",
                                           "%u learners have no sourcedId from the school’s roster: %s.",
                                           names->len),
                              names->len, list->str);
    }
  g_string_append_c (text, ' ');
  g_string_append (text, _("Their local ids were written instead, which the school’s system will not "
                           "recognise; import the roster to match them."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
build_files (const PlGradebook     *gb,
             const char            *date,
             OutFile                files[N_FILES],
             PlExportProgressFunc   progress,
             gpointer               user_data,
             GCancellable          *cancellable,
             GError               **error)
{
  g_autofree char *category = derived_id ("oneroster-category", gb->classroom_uuid, "standards", NULL);
  const char *class_id = gb->classroom_source_id != NULL && *gb->classroom_source_id != '\0'
                         ? gb->classroom_source_id : gb->classroom_uuid;
  GString *manifest, *sessions, *categories, *line_items, *results;
  g_autoptr(GPtrArray) item_ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *period_id = NULL;
  g_autofree char *start = NULL, *end = NULL, *title = NULL, *school_year = NULL;
  static const char * const absent[] = {
    "file.classes", "file.classResources", "file.courses",
    "file.courseResources", "file.demographics", "file.enrollments", "file.orgs",
    "file.resources", "file.users",
  };

  grading_period (gb, date, &start, &end, &title, &school_year);
  period_id = derived_id ("oneroster-grading-period", gb->classroom_uuid, start, end);

  manifest = g_string_new (NULL);
  row (manifest, 2, "propertyName", "value");
  row (manifest, 2, "manifest.version", "1.0");
  row (manifest, 2, "oneroster.version", "1.1");
  row (manifest, 2, "file.academicSessions", "bulk");
  for (guint i = 0; i < G_N_ELEMENTS (absent); i++)
    row (manifest, 2, absent[i], "absent");
  row (manifest, 2, "file.categories", "bulk");
  row (manifest, 2, "file.lineItems", "bulk");
  row (manifest, 2, "file.results", "bulk");
  row (manifest, 2, "source.systemName", "PersonalLearn");
  row (manifest, 2, "source.systemCode", "personallearn");

  /* Every line item names its grading period, and the period is an
   * academic session of the same file set. */
  sessions = g_string_new (NULL);
  row (sessions, 9, "sourcedId", "status", "dateLastModified", "title", "type", "startDate", "endDate",
       "parentSourcedId", "schoolYear");
  row (sessions, 9, period_id, "", "", title, "gradingPeriod", start, end, "", school_year);

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
      const char *item_title = gb->standard_codes[j] != NULL && *gb->standard_codes[j] != '\0'
                               ? gb->standard_codes[j] : gb->standard_uuids[j];
      g_autofree char *assign = NULL;
      g_autofree char *due = NULL;
      gint64 first = 0, last = 0;

      /* Assigned when its first evidence was assessed (else when the
       * units start); due by the class's last milestone, or its last
       * evidence, never before it was assigned. */
      if (standard_dates (gb, j, &first, &last))
        {
          assign = epoch_day (first);
          due = epoch_day (last);
        }
      else
        {
          assign = g_strdup (start);
          due = g_strdup (end);
        }
      if (gb->latest_due_on != NULL && strcmp (gb->latest_due_on, assign) >= 0)
        {
          g_free (due);
          due = g_strdup (gb->latest_due_on);
        }
      g_ptr_array_add (item_ids, id);
      row (line_items, 12, id, "", "", item_title, gb->standard_statements[j],
           assign, due, class_id, category, period_id, "0.0", "4.0");
    }

  results = g_string_new (NULL);
  row (results, 9, "sourcedId", "status", "dateLastModified", "lineItemSourcedId",
       "studentSourcedId", "scoreStatus", "score", "scoreDate", "comment");
  files[0] = (OutFile) { "manifest.csv", manifest };
  files[1] = (OutFile) { "academicSessions.csv", sessions };
  files[2] = (OutFile) { "categories.csv", categories };
  files[3] = (OutFile) { "lineItems.csv", line_items };
  files[4] = (OutFile) { "results.csv", results };
  for (guint i = 0; i < gb->n_learners; i++)
    {
      const char *student = gb->learner_source_ids[i] != NULL && *gb->learner_source_ids[i] != '\0'
                            ? gb->learner_source_ids[i] : gb->learner_uuids[i];

      if (i % 64 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress ((double) i / MAX (gb->n_learners, 1) * 0.9, user_data);
        }

      for (guint j = 0; j < gb->n_standards; j++)
        {
          const PlGradebookCell *cell = pl_gradebook_get_cell (gb, i, j);
          g_autofree char *id = NULL;
          g_autofree char *score = NULL;
          g_autofree char *comment = NULL;
          g_autofree char *scored = NULL;
          const gint64 *dates;
          gsize n;

          if (!(cell->flags & (PL_GRADEBOOK_CELL_HAS_VALUE | PL_GRADEBOOK_CELL_OVERRIDDEN)))
            continue;
          id = derived_id ("oneroster-result", gb->classroom_uuid, gb->learner_uuids[i], gb->standard_uuids[j]);
          score = format_score (cell->value);
          /* Scored on the day of the latest evidence, or of the override. */
          pl_gradebook_get_scores (gb, i, j, NULL, &dates, &n);
          if ((cell->flags & PL_GRADEBOOK_CELL_OVERRIDDEN) && cell->override_set_on != NULL)
            scored = g_strdup (cell->override_set_on);
          else if (n > 0)
            scored = epoch_day (dates[n - 1]);
          else
            scored = g_strdup (date);
          if (cell->flags & PL_GRADEBOOK_CELL_OVERRIDDEN)
            /* Translators: a result's comment; %s is the teacher's reason. */
            comment = g_strdup_printf (_("Set by the teacher: %s"), cell->override_reason);
          else
            {
              g_autofree char *method = pl_gradebook_method_describe (gb->standard_methods[j], gb->standard_params[j],
                                                                      gb->standard_mastery_levels[j]);

              /* Translators: a result's comment; %s is a calculation method with its numbers. */
              comment = g_strdup_printf (_("Calculated from the evidence: %s"), method);
            }
          row (results, 9, id, "", "", g_ptr_array_index (item_ids, j), student,
               "fully graded", score, scored, comment);
        }
    }

  return TRUE;
}

static void
free_files (OutFile files[N_FILES])
{
  for (guint i = 0; i < N_FILES; i++)
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
  return pl_oneroster_results_write_folder_with_progress (gb, folder, date, NULL, NULL, cancellable, error);
}

gboolean
pl_oneroster_results_write_folder_with_progress (const PlGradebook     *gb,
                                                 GFile                 *folder,
                                                 const char            *date,
                                                 PlExportProgressFunc   progress,
                                                 gpointer               user_data,
                                                 GCancellable          *cancellable,
                                                 GError               **error)
{
  g_autofree char *day = NULL;
  g_autoptr(GError) local_error = NULL;
  OutFile files[N_FILES] = { { 0 } };
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
  if (!build_files (gb, day, files, progress, user_data, cancellable, error))
    {
      free_files (files);
      return FALSE;
    }
  for (guint i = 0; ok && i < N_FILES; i++)
    {
      g_autoptr(GFile) file = g_file_get_child (folder, files[i].name);

      ok = g_file_replace_contents (file, files[i].text->str, files[i].text->len, NULL, FALSE,
                                    G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error);
    }
  free_files (files);
  if (ok && progress != NULL)
    progress (1.0, user_data);
  return ok;
}

gboolean
pl_oneroster_results_write_zip (const PlGradebook  *gb,
                                const char         *path,
                                const char         *date,
                                GError            **error)
{
  return pl_oneroster_results_write_zip_with_progress (gb, path, date, NULL, NULL, NULL, error);
}

gboolean
pl_oneroster_results_write_zip_with_progress (const PlGradebook     *gb,
                                              const char            *path,
                                              const char            *date,
                                              PlExportProgressFunc   progress,
                                              gpointer               user_data,
                                              GCancellable          *cancellable,
                                              GError               **error)
{
  g_autofree char *day = NULL;
  g_autofree char *partial = NULL;
  struct archive *zip = NULL;
  OutFile files[N_FILES] = { { 0 } };
  gint64 now;

  g_return_val_if_fail (gb != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_date (date, &day, error))
    return FALSE;
  if (!build_files (gb, day, files, progress, user_data, cancellable, error))
    {
      free_files (files);
      return FALSE;
    }
  partial = g_strconcat (path, ".part", NULL);
  now = g_get_real_time () / G_USEC_PER_SEC;

  zip = archive_write_new ();
  if (archive_write_set_format_zip (zip) != ARCHIVE_OK ||
      archive_write_open_filename (zip, partial) != ARCHIVE_OK)
    goto fail;
  for (guint i = 0; i < N_FILES; i++)
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
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (partial);
      return FALSE;
    }
  if (g_rename (partial, path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("%s: cannot write: %s"), path, g_strerror (saved));
      g_unlink (partial);
      return FALSE;
    }
  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;

fail:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: cannot write the zip: %s"),
               path, archive_error_string (zip) ? archive_error_string (zip) : g_strerror (errno));
  archive_write_free (zip);
  free_files (files);
  g_unlink (partial);
  return FALSE;
}
