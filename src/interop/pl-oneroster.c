/* pl-oneroster.c — reading OneRoster 1.1 and 1.2 CSV bundles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n.h>
#include <string.h>

#include "pl-oneroster.h"
#include "pl-roster-csv.h"

typedef enum
{
  MODE_ABSENT,
  MODE_BULK,
  MODE_DELTA,
} FileMode;

/* ---- where the files come from: a folder or a zip ------------------- */

typedef struct
{
  char          *display;     /* the base name of the zip or folder */
  GFile         *folder;      /* a folder, or NULL */
  char          *zip_path;    /* a zip, or NULL */
  char          *prefix;      /* folder of manifest.csv inside the zip */
  GHashTable    *entries;     /* names in the zip, relative to prefix → size */

  struct archive *archive;    /* the zip while one entry is read */
  GInputStream  *stream;      /* the folder's file while it is read */
} Source;

static void
source_close_entry (Source *src)
{
  if (src->archive != NULL)
    {
      archive_read_free (src->archive);
      src->archive = NULL;
    }
  g_clear_object (&src->stream);
}

static void
source_clear (Source *src)
{
  source_close_entry (src);
  g_free (src->display);
  g_clear_object (&src->folder);
  g_free (src->zip_path);
  g_free (src->prefix);
  g_clear_pointer (&src->entries, g_hash_table_unref);
}

static gboolean
archive_fail (Source      *src,
              const char  *entry,
              GError     **error)
{
  const char *why = src->archive != NULL ? archive_error_string (src->archive) : NULL;

  if (entry != NULL)
    pl_roster_set_error (error, PL_ROSTER_ERROR_BAD_ARCHIVE, src->display, 0, 0, NULL,
                         _("the zip archive is damaged or cut short while reading %s (%s)"),
                         entry, why != NULL ? why : _("unknown reason"));
  else
    pl_roster_set_error (error, PL_ROSTER_ERROR_BAD_ARCHIVE, src->display, 0, 0, NULL,
                         _("not a readable zip archive: it is empty, cut short or damaged (%s)"),
                         why != NULL ? why : _("unknown reason"));
  source_close_entry (src);
  return FALSE;
}

static gboolean
zip_open (Source  *src,
          GError **error)
{
  source_close_entry (src);
  src->archive = archive_read_new ();
  /* The seekable reader starts from the central directory at the end, so
   * a zip cut short is refused before any of it is read. */
  archive_read_support_format_zip_seekable (src->archive);
  if (archive_read_open_filename (src->archive, src->zip_path, 65536) != ARCHIVE_OK)
    return archive_fail (src, NULL, error);
  return TRUE;
}

static const char *
skip_dot_slash (const char *name)
{
  while (g_str_has_prefix (name, "./"))
    name += 2;
  return name;
}

/* Lists the entries and finds the folder that holds manifest.csv. */
static gboolean
zip_scan (Source  *src,
          GError **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (gsize));
  struct archive_entry *entry;
  const char *manifest = NULL;
  int r;

  if (!zip_open (src, error))
    return FALSE;
  while ((r = archive_read_next_header (src->archive, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);

      if (name != NULL && archive_entry_filetype (entry) == AE_IFREG &&
          !g_str_has_prefix (name, "__MACOSX/"))
        {
          gsize size = archive_entry_size_is_set (entry) ? (gsize) MAX (archive_entry_size (entry), 0) : 0;

          g_ptr_array_add (names, g_strdup (skip_dot_slash (name)));
          g_array_append_val (sizes, size);
        }
    }
  if (r != ARCHIVE_EOF)
    return archive_fail (src, NULL, error);
  source_close_entry (src);

  if (names->len == 0)
    {
      pl_roster_set_error (error, PL_ROSTER_ERROR_BAD_ARCHIVE, src->display, 0, 0, NULL,
                           _("the zip archive is empty"));
      return FALSE;
    }

  /* The shallowest manifest.csv wins. */
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];
      const char *base = strrchr (name, '/');

      base = base != NULL ? base + 1 : name;
      if (strcmp (base, "manifest.csv") == 0 &&
          (manifest == NULL || strlen (name) < strlen (manifest)))
        manifest = name;
    }
  if (manifest == NULL)
    {
      pl_roster_set_error (error, PL_ROSTER_ERROR_MISSING_MANIFEST, src->display, 0, 0, NULL,
                           _("there is no manifest.csv in the zip archive; a OneRoster export always has one"));
      return FALSE;
    }
  src->prefix = g_strndup (manifest, strlen (manifest) - strlen ("manifest.csv"));
  src->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < names->len; i++)
    if (g_str_has_prefix (names->pdata[i], src->prefix))
      g_hash_table_insert (src->entries, g_strdup ((char *) names->pdata[i] + strlen (src->prefix)),
                           GSIZE_TO_POINTER (g_array_index (sizes, gsize, i)));
  return TRUE;
}

/* The size of NAME in bytes (0 when not known). */
static guint64
source_size (Source     *src,
             const char *name)
{
  g_autoptr(GFile) child = NULL;
  g_autoptr(GFileInfo) info = NULL;

  if (src->entries != NULL)
    return GPOINTER_TO_SIZE (g_hash_table_lookup (src->entries, name));
  child = g_file_get_child (src->folder, name);
  info = g_file_query_info (child, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  return info != NULL ? (guint64) g_file_info_get_size (info) : 0;
}

static gboolean
source_has (Source     *src,
            const char *name)
{
  if (src->entries != NULL)
    return g_hash_table_contains (src->entries, name);
  else
    {
      g_autoptr(GFile) child = g_file_get_child (src->folder, name);

      return g_file_query_file_type (child, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_REGULAR;
    }
}

typedef struct
{
  Source     *src;
  const char *name;
} EntryReader;

static gssize
zip_entry_read (gpointer   user_data,
                void      *buffer,
                gsize      count,
                GError   **error)
{
  EntryReader *reader = user_data;
  la_ssize_t n = archive_read_data (reader->src->archive, buffer, count);

  if (n < 0)
    {
      g_autofree char *entry = g_strdup (reader->name);

      archive_fail (reader->src, entry, error);
      return -1;
    }
  return n;
}

/* Opens NAME for reading; the reader lives until source_close_entry. */
static PlRosterCsv *
source_open_csv (Source       *src,
                 const char   *name,
                 EntryReader  *reader,
                 GCancellable *cancellable,
                 GError      **error)
{
  if (src->zip_path != NULL)
    {
      g_autofree char *full = g_strconcat (src->prefix, name, NULL);
      struct archive_entry *entry;
      int r;

      if (!zip_open (src, error))
        return NULL;
      while ((r = archive_read_next_header (src->archive, &entry)) == ARCHIVE_OK)
        if (g_strcmp0 (skip_dot_slash (archive_entry_pathname (entry)), full) == 0)
          break;
      if (r != ARCHIVE_OK)
        {
          archive_fail (src, name, error);
          return NULL;
        }
      reader->src = src;
      reader->name = name;
      return pl_roster_csv_new (name, zip_entry_read, reader, ',');
    }
  else
    {
      g_autoptr(GFile) child = g_file_get_child (src->folder, name);
      g_autoptr(GError) local_error = NULL;

      source_close_entry (src);
      src->stream = G_INPUT_STREAM (g_file_read (child, cancellable, &local_error));
      if (src->stream == NULL)
        {
          pl_roster_set_error (error, PL_ROSTER_ERROR_MISSING_FILE, name, 0, 0, NULL,
                               _("cannot open the file: %s"), local_error->message);
          return NULL;
        }
      return pl_roster_csv_new_for_stream (name, src->stream, ',');
    }
}

/* ---- reading ------------------------------------------------------- */

typedef struct
{
  Source        src;
  PlRosterData *data;
  GCancellable *cancellable;
  gboolean      v12;
  GHashTable   *modes;       /* file name → FileMode */
  GHashTable   *user_roles;  /* every user's sourcedId → role ("" unknown) */
  GHashTable   *seen;        /* sourcedIds of the file being read */
  gboolean      users_bulk;
  gboolean      classes_bulk;
  PlRosterProgress *progress;
} Reader;

static FileMode
mode_of (Reader     *rd,
         const char *file)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (rd->modes, file));
}

static char *
dup_or_null (const char *s)
{
  return s != NULL && *s != '\0' ? g_strdup (s) : NULL;
}

/* Reads the status cell; "" and "active" are active. */
static gboolean
read_status (PlRosterCsv  *csv,
             FileMode      mode,
             gboolean     *tobedeleted,
             GError      **error)
{
  const char *status = pl_roster_csv_get_by_name (csv, "status");

  *tobedeleted = FALSE;
  if (status == NULL)
    {
      if (mode == MODE_DELTA)
        {
          pl_roster_set_error (error, PL_ROSTER_ERROR_BAD_VALUE, pl_roster_csv_get_file_name (csv),
                               pl_roster_csv_get_line (csv), pl_roster_csv_column (csv, "status") + 1,
                               "status", _("a delta file needs a status (active or tobedeleted) in every row"));
          return FALSE;
        }
      return TRUE;
    }
  if (g_ascii_strcasecmp (status, "tobedeleted") == 0)
    *tobedeleted = TRUE;
  else if (g_ascii_strcasecmp (status, "active") != 0 && g_ascii_strcasecmp (status, "inactive") != 0)
    {
      pl_roster_set_error (error, PL_ROSTER_ERROR_BAD_VALUE, pl_roster_csv_get_file_name (csv),
                           pl_roster_csv_get_line (csv), pl_roster_csv_column (csv, "status") + 1,
                           "status", _("unknown status “%s” (expected active or tobedeleted)"), status);
      return FALSE;
    }
  return TRUE;
}

/* A required cell: fails naming the cell when it is empty. */
static const char *
need (PlRosterCsv  *csv,
      const char   *column,
      GError      **error)
{
  const char *value = pl_roster_csv_get_by_name (csv, column);

  if (value == NULL)
    pl_roster_set_error (error, PL_ROSTER_ERROR_BAD_VALUE, pl_roster_csv_get_file_name (csv),
                         pl_roster_csv_get_line (csv), pl_roster_csv_column (csv, column) + 1,
                         column, _("the cell is empty but a value is required"));
  return value;
}

/* sourcedId of the row, which must not repeat within the file. */
static const char *
need_unique_id (Reader       *rd,
                PlRosterCsv  *csv,
                const char   *column,
                GError      **error)
{
  const char *id = need (csv, column, error);
  gpointer first;

  if (id == NULL)
    return NULL;
  if ((first = g_hash_table_lookup (rd->seen, id)) != NULL)
    {
      pl_roster_set_error (error, PL_ROSTER_ERROR_DUPLICATE, pl_roster_csv_get_file_name (csv),
                           pl_roster_csv_get_line (csv), pl_roster_csv_column (csv, column) + 1,
                           column, _("“%s” is already on line %u"), id, GPOINTER_TO_UINT (first));
      return NULL;
    }
  g_hash_table_insert (rd->seen, g_strdup (id), GUINT_TO_POINTER (pl_roster_csv_get_line (csv)));
  return id;
}

typedef gboolean (*RowFunc) (Reader       *rd,
                             PlRosterCsv  *csv,
                             FileMode      mode,
                             GError      **error);

static gboolean
read_table (Reader              *rd,
            const char          *name,
            const char * const  *required,
            RowFunc              row,
            GError             **error)
{
  FileMode mode = mode_of (rd, name);
  g_autoptr(PlRosterCsv) csv = NULL;
  g_autoptr(GError) local_error = NULL;
  EntryReader reader = { NULL, NULL };
  guint n = 0;

  if (mode == MODE_ABSENT)
    return TRUE;
  csv = source_open_csv (&rd->src, name, &reader, rd->cancellable, error);
  if (csv == NULL)
    return FALSE;
  pl_roster_csv_set_progress (csv, rd->progress);
  g_hash_table_remove_all (rd->seen);

  if (!pl_roster_csv_read_header (csv, error) ||
      !pl_roster_csv_require (csv, required, error))
    goto fail;
  if (mode == MODE_DELTA)
    {
      const char *delta_required[] = { "status", NULL };

      if (!pl_roster_csv_require (csv, delta_required, error))
        goto fail;
    }

  while (pl_roster_csv_next (csv, &local_error))
    {
      if (row != NULL && !row (rd, csv, mode, error))
        goto fail;
      if (++n % 1024 == 0 && g_cancellable_set_error_if_cancelled (rd->cancellable, error))
        goto fail;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto fail;
    }
  source_close_entry (&rd->src);
  return TRUE;

fail:
  source_close_entry (&rd->src);
  return FALSE;
}

/* manifest.csv: propertyName,value */
static gboolean
read_manifest (Reader  *rd,
               GError **error)
{
  static const char * const required[] = { "propertyName", "value", NULL };
  g_autoptr(PlRosterCsv) csv = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  EntryReader reader = { NULL, NULL };
  gboolean have_version = FALSE;
  guint value_column = 0;
  GHashTableIter iter;
  gpointer key, value;

  if (!source_has (&rd->src, "manifest.csv"))
    {
      pl_roster_set_error (error, PL_ROSTER_ERROR_MISSING_MANIFEST, rd->src.display, 0, 0, NULL,
                           _("there is no manifest.csv; a OneRoster export always has one"));
      return FALSE;
    }
  csv = source_open_csv (&rd->src, "manifest.csv", &reader, rd->cancellable, error);
  if (csv == NULL)
    return FALSE;
  if (!pl_roster_csv_read_header (csv, error) || !pl_roster_csv_require (csv, required, error))
    goto fail;

  while (pl_roster_csv_next (csv, &local_error))
    {
      const char *property = pl_roster_csv_get_by_name (csv, "propertyName");
      const char *val = pl_roster_csv_get_by_name (csv, "value");
      guint line = pl_roster_csv_get_line (csv);

      value_column = pl_roster_csv_column (csv, "value") + 1;
      if (property == NULL)
        continue;
      if (strcmp (property, "manifest.version") == 0)
        {
          if (g_strcmp0 (val, "1.0") != 0)
            {
              pl_roster_set_error (error, PL_ROSTER_ERROR_UNKNOWN_VERSION, "manifest.csv", line,
                                   value_column, "value",
                                   _("unknown manifest version “%s” (1.0 is read)"), val ? val : "");
              goto fail;
            }
        }
      else if (strcmp (property, "oneroster.version") == 0)
        {
          if (g_strcmp0 (val, "1.1") == 0)
            rd->v12 = FALSE;
          else if (g_strcmp0 (val, "1.2") == 0)
            rd->v12 = TRUE;
          else
            {
              pl_roster_set_error (error, PL_ROSTER_ERROR_UNKNOWN_VERSION, "manifest.csv", line,
                                   value_column, "value",
                                   _("unknown OneRoster version “%s” (1.1 and 1.2 are read)"),
                                   val ? val : "");
              goto fail;
            }
          have_version = TRUE;
        }
      else if (g_str_has_prefix (property, "file."))
        {
          g_autofree char *file = g_strconcat (property + strlen ("file."), ".csv", NULL);
          FileMode mode;

          if (g_strcmp0 (val, "bulk") == 0)
            mode = MODE_BULK;
          else if (g_strcmp0 (val, "delta") == 0)
            mode = MODE_DELTA;
          else if (g_strcmp0 (val, "absent") == 0)
            mode = MODE_ABSENT;
          else
            {
              pl_roster_set_error (error, PL_ROSTER_ERROR_BAD_VALUE, "manifest.csv", line,
                                   value_column, "value",
                                   _("unknown mode “%s” for %s (expected bulk, delta or absent)"),
                                   val ? val : "", file);
              goto fail;
            }
          g_hash_table_replace (lines, g_strdup (file), GUINT_TO_POINTER (line));
          g_hash_table_replace (rd->modes, g_steal_pointer (&file), GINT_TO_POINTER (mode));
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto fail;
    }
  source_close_entry (&rd->src);

  if (!have_version)
    {
      pl_roster_set_error (error, PL_ROSTER_ERROR_UNKNOWN_VERSION, "manifest.csv", 0, 0, NULL,
                           _("the manifest does not say which OneRoster version it is (oneroster.version)"));
      return FALSE;
    }

  /* Every file the manifest lists must be there. */
  g_hash_table_iter_init (&iter, rd->modes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_INT (value) != MODE_ABSENT && !source_has (&rd->src, key))
      {
        /* The cell that says the file is there (bulk or delta). */
        pl_roster_set_error (error, PL_ROSTER_ERROR_MISSING_FILE, "manifest.csv",
                             GPOINTER_TO_UINT (g_hash_table_lookup (lines, key)), value_column, "value",
                             _("the manifest lists %s, but %s has no such file"),
                             (const char *) key, rd->src.display);
        return FALSE;
      }

  /* A roster without them has nothing to import. */
  if (mode_of (rd, "classes.csv") == MODE_ABSENT && mode_of (rd, "enrollments.csv") == MODE_ABSENT &&
      mode_of (rd, "users.csv") == MODE_ABSENT)
    {
      pl_roster_set_error (error, PL_ROSTER_ERROR_MISSING_FILE, "manifest.csv", 0, 0, NULL,
                           _("the manifest lists no classes.csv, users.csv or enrollments.csv: there is no roster to import"));
      return FALSE;
    }
  for (guint i = 0; i < 3; i++)
    {
      static const char * const core_files[] = { "classes.csv", "users.csv", "enrollments.csv" };

      if (mode_of (rd, core_files[i]) == MODE_ABSENT &&
          (mode_of (rd, "classes.csv") == MODE_BULK || mode_of (rd, "users.csv") == MODE_BULK ||
           mode_of (rd, "enrollments.csv") == MODE_BULK))
        {
          guint line = GPOINTER_TO_UINT (g_hash_table_lookup (lines, core_files[i]));

          pl_roster_set_error (error, PL_ROSTER_ERROR_MISSING_FILE, "manifest.csv", line,
                               line > 0 ? value_column : 0, line > 0 ? "value" : NULL,
                               line > 0 ? _("a bulk roster needs %s, but the manifest marks it absent")
                                        : _("a bulk roster needs %s, but the manifest does not list it"),
                               core_files[i]);
          return FALSE;
        }
    }
  return TRUE;

fail:
  source_close_entry (&rd->src);
  return FALSE;
}

static gboolean
org_row (Reader       *rd,
         PlRosterCsv  *csv,
         FileMode      mode,
         GError      **error)
{
  const char *id = need_unique_id (rd, csv, "sourcedId", error);
  PlRosterOrg *org;

  if (id == NULL)
    return FALSE;
  org = g_new0 (PlRosterOrg, 1);
  org->source_id = g_strdup (id);
  org->name = dup_or_null (pl_roster_csv_get_by_name (csv, "name"));
  org->type = dup_or_null (pl_roster_csv_get_by_name (csv, "type"));
  pl_roster_data_add_org (rd->data, org);
  return TRUE;
}

static gboolean
check_id_row (Reader       *rd,
              PlRosterCsv  *csv,
              FileMode      mode,
              GError      **error)
{
  gboolean tobedeleted;

  return need_unique_id (rd, csv, "sourcedId", error) != NULL &&
         read_status (csv, mode, &tobedeleted, error);
}

static gboolean
class_row (Reader       *rd,
           PlRosterCsv  *csv,
           FileMode      mode,
           GError      **error)
{
  const char *id = need_unique_id (rd, csv, "sourcedId", error);
  g_autoptr(PlRosterClass) klass = NULL;
  g_auto(GStrv) grades = NULL;
  g_auto(GStrv) subjects = NULL;
  g_auto(GStrv) periods = NULL;
  const char *title;

  if (id == NULL)
    return FALSE;
  klass = g_new0 (PlRosterClass, 1);
  if (!read_status (csv, mode, &klass->tobedeleted, error))
    return FALSE;
  title = pl_roster_csv_get_by_name (csv, "title");
  if (title == NULL && !klass->tobedeleted)
    {
      need (csv, "title", error);
      return FALSE;
    }
  klass->source_id = g_strdup (id);
  klass->title = g_strdup (title != NULL ? title : id);
  klass->line = pl_roster_csv_get_line (csv);
  /* 1.1 and 1.2 call it "grades"; older exports "grade". */
  grades = pl_roster_csv_split_list (pl_roster_csv_get_by_name (csv, pl_roster_csv_column (csv, "grades") >= 0 ? "grades" : "grade"));
  subjects = pl_roster_csv_split_list (pl_roster_csv_get_by_name (csv, "subjects"));
  periods = pl_roster_csv_split_list (pl_roster_csv_get_by_name (csv, "periods"));
  klass->grade = grades[0] != NULL ? g_strjoinv (", ", grades) : NULL;
  klass->subject = subjects[0] != NULL ? g_strjoinv (", ", subjects) : NULL;
  klass->period = periods[0] != NULL ? g_strjoinv (", ", periods) : NULL;
  klass->school_source_id = dup_or_null (pl_roster_csv_get_by_name (csv, "schoolSourcedId"));
  if (klass->school_source_id != NULL && mode_of (rd, "orgs.csv") == MODE_BULK &&
      !g_hash_table_contains (rd->data->org_by_id, klass->school_source_id))
    pl_roster_data_warn (rd->data, _("classes.csv: line %u: school “%s” is not in orgs.csv"),
                         klass->line, klass->school_source_id);
  pl_roster_data_add_class (rd->data, g_steal_pointer (&klass));
  return TRUE;
}

static gboolean
user_row (Reader       *rd,
          PlRosterCsv  *csv,
          FileMode      mode,
          GError      **error)
{
  const char *id = need_unique_id (rd, csv, "sourcedId", error);
  const char *role;
  g_autoptr(PlRosterLearner) learner = NULL;
  g_auto(GStrv) grades = NULL;
  const char *given, *family;

  if (id == NULL)
    return FALSE;
  role = pl_roster_csv_get_by_name (csv, "role");
  g_hash_table_replace (rd->user_roles, g_strdup (id), g_strdup (role != NULL ? role : ""));
  /* Teachers, guardians and staff are not learners. */
  if (role != NULL && g_ascii_strcasecmp (role, "student") != 0)
    return TRUE;

  learner = g_new0 (PlRosterLearner, 1);
  if (!read_status (csv, mode, &learner->tobedeleted, error))
    return FALSE;
  given = pl_roster_csv_get_by_name (csv, "givenName");
  family = pl_roster_csv_get_by_name (csv, "familyName");
  if (given == NULL && family == NULL && !learner->tobedeleted)
    {
      need (csv, "givenName", error);
      return FALSE;
    }
  learner->source_id = g_strdup (id);
  learner->given_name = dup_or_null (given);
  learner->family_name = dup_or_null (family);
  learner->preferred_name = dup_or_null (pl_roster_csv_get_by_name (csv, "preferredGivenName"));
  if (learner->preferred_name == NULL)
    learner->preferred_name = dup_or_null (pl_roster_csv_get_by_name (csv, "preferredFirstName"));
  learner->pronouns = dup_or_null (pl_roster_csv_get_by_name (csv, "pronouns"));
  learner->email = dup_or_null (pl_roster_csv_get_by_name (csv, "email"));
  grades = pl_roster_csv_split_list (pl_roster_csv_get_by_name (csv, "grades"));
  learner->grade = grades[0] != NULL ? g_strdup (grades[0]) : NULL;
  learner->role = dup_or_null (role);
  learner->line = pl_roster_csv_get_line (csv);
  pl_roster_data_add_learner (rd->data, g_steal_pointer (&learner));
  return TRUE;
}

/* 1.2: roles.csv says who is a student. */
static gboolean
role_row (Reader       *rd,
          PlRosterCsv  *csv,
          FileMode      mode,
          GError      **error)
{
  const char *user = need (csv, "userSourcedId", error);
  const char *role = need (csv, "role", error);
  const char *known;
  gboolean tobedeleted;

  if (user == NULL || role == NULL || !read_status (csv, mode, &tobedeleted, error))
    return FALSE;
  known = g_hash_table_lookup (rd->user_roles, user);
  if (known == NULL)
    {
      if (rd->users_bulk)
        {
          pl_roster_set_error (error, PL_ROSTER_ERROR_BAD_REFERENCE, "roles.csv",
                               pl_roster_csv_get_line (csv),
                               pl_roster_csv_column (csv, "userSourcedId") + 1, "userSourcedId",
                               _("no user “%s” in users.csv"), user);
          return FALSE;
        }
      return TRUE;
    }
  if (!tobedeleted && *known == '\0')
    {
      PlRosterLearner *learner = g_hash_table_lookup (rd->data->learner_by_id, user);

      g_hash_table_replace (rd->user_roles, g_strdup (user), g_strdup (role));
      if (learner != NULL && learner->role == NULL)
        learner->role = g_strdup (role);
    }
  return TRUE;
}

static gboolean
enrollment_row (Reader       *rd,
                PlRosterCsv  *csv,
                FileMode      mode,
                GError      **error)
{
  const char *id = need_unique_id (rd, csv, "sourcedId", error);
  const char *class_id, *user_id, *role, *user_role;
  g_autoptr(PlRosterEnrollment) enrollment = NULL;
  guint line = pl_roster_csv_get_line (csv);

  if (id == NULL ||
      (class_id = need (csv, "classSourcedId", error)) == NULL ||
      (user_id = need (csv, "userSourcedId", error)) == NULL ||
      (role = need (csv, "role", error)) == NULL)
    return FALSE;

  enrollment = g_new0 (PlRosterEnrollment, 1);
  if (!read_status (csv, mode, &enrollment->tobedeleted, error))
    return FALSE;
  enrollment->source_id = g_strdup (id);
  enrollment->class_source_id = g_strdup (class_id);
  enrollment->user_source_id = g_strdup (user_id);
  enrollment->role = g_strdup (role);
  enrollment->line = line;
  rd->data->enrollments_class_column = pl_roster_csv_column (csv, "classSourcedId") + 1;
  rd->data->enrollments_user_column = pl_roster_csv_column (csv, "userSourcedId") + 1;

  enrollment->klass = g_hash_table_lookup (rd->data->class_by_id, class_id);
  if (enrollment->klass == NULL && rd->classes_bulk)
    {
      pl_roster_set_error (error, PL_ROSTER_ERROR_BAD_REFERENCE, "enrollments.csv", line,
                           pl_roster_csv_column (csv, "classSourcedId") + 1, "classSourcedId",
                           _("no class “%s” in classes.csv"), class_id);
      return FALSE;
    }
  user_role = g_hash_table_lookup (rd->user_roles, user_id);
  if (user_role == NULL && rd->users_bulk)
    {
      pl_roster_set_error (error, PL_ROSTER_ERROR_BAD_REFERENCE, "enrollments.csv", line,
                           pl_roster_csv_column (csv, "userSourcedId") + 1, "userSourcedId",
                           _("no user “%s” in users.csv"), user_id);
      return FALSE;
    }

  if (g_ascii_strcasecmp (role, "student") != 0)
    return TRUE;
  if (user_role != NULL && *user_role != '\0' && g_ascii_strcasecmp (user_role, "student") != 0)
    {
      pl_roster_data_warn (rd->data,
                           _("enrollments.csv: line %u: user “%s” is enrolled as a student but is a %s in users.csv; left out"),
                           line, user_id, user_role);
      return TRUE;
    }
  enrollment->learner = g_hash_table_lookup (rd->data->learner_by_id, user_id);
  if (enrollment->klass != NULL)
    enrollment->klass->n_students++;
  pl_roster_data_add_enrollment (rd->data, g_steal_pointer (&enrollment));
  return TRUE;
}

static gboolean
demographics_row (Reader       *rd,
                  PlRosterCsv  *csv,
                  FileMode      mode,
                  GError      **error)
{
  const char *column = pl_roster_csv_column (csv, "userSourcedId") >= 0 ? "userSourcedId" : "sourcedId";
  const char *user;

  /* 1.1 names the user "sourcedId", later exports "userSourcedId". */
  if (pl_roster_csv_column (csv, column) < 0)
    {
      pl_roster_set_error (error, PL_ROSTER_ERROR_MISSING_COLUMN, "demographics.csv", 1, 0, NULL,
                           _("the required column “userSourcedId” (or “sourcedId”) is missing from the header"));
      return FALSE;
    }
  user = need (csv, column, error);

  if (user == NULL)
    return FALSE;
  /* Demographics are not kept; a reference to no one is still an error. */
  if (rd->users_bulk && !g_hash_table_contains (rd->user_roles, user))
    {
      pl_roster_set_error (error, PL_ROSTER_ERROR_BAD_REFERENCE, "demographics.csv",
                           pl_roster_csv_get_line (csv), pl_roster_csv_column (csv, column) + 1,
                           column, _("no user “%s” in users.csv"), user);
      return FALSE;
    }
  return TRUE;
}

gboolean
pl_oneroster_looks_like (GFile *file)
{
  g_autofree char *base = NULL;
  GFileType type;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL);
  if (type == G_FILE_TYPE_DIRECTORY)
    return TRUE;
  base = g_file_get_basename (file);
  if (base != NULL && strcmp (base, "manifest.csv") == 0)
    return TRUE;
  return base != NULL && !g_str_has_suffix (base, ".csv") && !g_str_has_suffix (base, ".CSV") &&
         !g_str_has_suffix (base, ".txt");
}

PlRosterData *
pl_oneroster_read (GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return pl_oneroster_read_full (file, NULL, cancellable, error);
}

PlRosterData *
pl_oneroster_read_full (GFile             *file,
                        PlRosterProgress  *progress,
                        GCancellable      *cancellable,
                        GError           **error)
{
  static const char * const org_columns[] = { "sourcedId", "name", "type", NULL };
  static const char * const session_columns[] = { "sourcedId", "title", "type", NULL };
  static const char * const course_columns[] = { "sourcedId", "title", NULL };
  static const char * const class_columns[] = { "sourcedId", "title", NULL };
  static const char * const user_columns_11[] = { "sourcedId", "role", "givenName", "familyName", NULL };
  static const char * const user_columns_12[] = { "sourcedId", "givenName", "familyName", NULL };
  static const char * const role_columns[] = { "userSourcedId", "role", NULL };
  static const char * const enrollment_columns[] = { "sourcedId", "classSourcedId", "userSourcedId", "role", NULL };
  static const char * const demographics_columns[] = { NULL };
  Reader rd = { { NULL } };
  g_autoptr(GFile) folder = NULL;
  PlRosterData *result = NULL;
  GFileType type;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable);
  rd.src.display = g_file_get_basename (file);
  if (type == G_FILE_TYPE_UNKNOWN)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      pl_roster_set_error (error, PL_ROSTER_ERROR_NOT_FOUND, name, 0, 0, NULL,
                           _("no such file or folder"));
      source_clear (&rd.src);
      return NULL;
    }
  if (type == G_FILE_TYPE_DIRECTORY)
    rd.src.folder = g_object_ref (file);
  else if (g_strcmp0 (rd.src.display, "manifest.csv") == 0)
    {
      rd.src.folder = g_file_get_parent (file);
      g_free (rd.src.display);
      rd.src.display = g_file_get_basename (rd.src.folder);
    }
  else
    {
      rd.src.zip_path = g_file_get_path (file);
      if (rd.src.zip_path == NULL || !zip_scan (&rd.src, error))
        {
          if (rd.src.zip_path == NULL)
            pl_roster_set_error (error, PL_ROSTER_ERROR_NOT_FOUND, rd.src.display, 0, 0, NULL,
                                 _("only local files can be read"));
          source_clear (&rd.src);
          return NULL;
        }
    }

  rd.cancellable = cancellable;
  rd.modes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  rd.user_roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  rd.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!read_manifest (&rd, error))
    goto out;

  /* Progress in bytes of the files the manifest says are there. */
  {
    GHashTableIter iter;
    gpointer name, mode;
    guint64 total = 0;

    g_hash_table_iter_init (&iter, rd.modes);
    while (g_hash_table_iter_next (&iter, &name, &mode))
      if (GPOINTER_TO_INT (mode) != MODE_ABSENT)
        total += source_size (&rd.src, name);
    rd.progress = progress;
    pl_roster_progress_begin (progress, PL_ROSTER_STAGE_READING, total);
  }

  rd.data = pl_roster_data_new (rd.src.display, rd.v12 ? "oneroster-1.2" : "oneroster-1.1");
  rd.classes_bulk = mode_of (&rd, "classes.csv") == MODE_BULK;
  rd.users_bulk = mode_of (&rd, "users.csv") == MODE_BULK;
  rd.data->classes_bulk = rd.classes_bulk;
  rd.data->users_bulk = rd.users_bulk;
  rd.data->enrollments_bulk = mode_of (&rd, "enrollments.csv") == MODE_BULK;

  if (!read_table (&rd, "orgs.csv", org_columns, org_row, error) ||
      !read_table (&rd, "academicSessions.csv", session_columns, check_id_row, error) ||
      !read_table (&rd, "courses.csv", course_columns, check_id_row, error) ||
      !read_table (&rd, "classes.csv", class_columns, class_row, error) ||
      !read_table (&rd, "users.csv", rd.v12 ? user_columns_12 : user_columns_11, user_row, error) ||
      (rd.v12 && !read_table (&rd, "roles.csv", role_columns, role_row, error)) ||
      !read_table (&rd, "enrollments.csv", enrollment_columns, enrollment_row, error) ||
      !read_table (&rd, "demographics.csv", demographics_columns, demographics_row, error))
    goto out;

  result = g_steal_pointer (&rd.data);

out:
  g_clear_pointer (&rd.data, pl_roster_data_free);
  g_clear_pointer (&rd.modes, g_hash_table_unref);
  g_clear_pointer (&rd.user_roles, g_hash_table_unref);
  g_clear_pointer (&rd.seen, g_hash_table_unref);
  source_clear (&rd.src);
  return result;
}
