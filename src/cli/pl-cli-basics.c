/* pl-cli-basics.c — demo, list, dump and check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/pl-core.h"
#include "core/pl-demo.h"
#include "pl-cli.h"

/* Opens the database of the command line. Commands that only read refuse
 * a missing file instead of creating an empty database. */
static PlStore *
open_store_checked (PlCliOptions  *o,
                    gboolean       create,
                    guint64        check_limit,
                    GError       **error)
{
  g_autofree char *path = o->db_path != NULL ? g_strdup (o->db_path) : pl_store_default_path ();

  if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("%s: no such database"), path);
      return NULL;
    }
  return pl_store_open_full (path, check_limit, error);
}

static PlStore *
open_store (PlCliOptions  *o,
            gboolean       create,
            GError       **error)
{
  return open_store_checked (o, create, PL_CLI_CHECK_ON_OPEN, error);
}

/* ---- demo ---------------------------------------------------------- */

static gboolean
parse_count (const char  *option,
             const char  *text,
             guint64      min,
             guint64      max,
             guint64     *out,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (text == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: a value is missing"), option);
      return FALSE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, min, max, out, &local_error))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: “%s” is not a whole number from %" PRIu64 " to %" PRIu64),
                   option, text, min, max);
      return FALSE;
    }
  return TRUE;
}

static void
demo_progress_cb (double   fraction,
                  gpointer user_data)
{
  fprintf (stderr, "\r%s %3.0f %%", _("Writing the demo…"), fraction * 100.0);
  if (fraction >= 1.0)
    fputc ('\n', stderr);
  fflush (stderr);
}

int
pl_cli_demo (PlCliOptions  *o,
             int            argc,
             char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  PlDemoOptions options;
  const char *today = NULL;
  guint64 value;
  guint before_classes, n_classes;
  g_autofree char *classes = NULL;

  pl_demo_options_init (&options);
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      const char *next = i + 1 < argc ? argv[i + 1] : NULL;

      if (strcmp (arg, "--learners") == 0)
        {
          if (!parse_count ("--learners", next, 1, 1000000, &value, &error))
            return pl_cli_fail_error (error);
          options.n_learners = (guint) value;
          i++;
        }
      else if (strcmp (arg, "--seed") == 0)
        {
          if (!parse_count ("--seed", next, 0, G_MAXUINT64, &value, &error))
            return pl_cli_fail_error (error);
          options.seed = value;
          i++;
        }
      else if (strcmp (arg, "--today") == 0)
        {
          if (next == NULL)
            return pl_cli_fail (_("--today: a date is missing (YYYY-MM-DD)"));
          today = next;
          i++;
        }
      else if (strcmp (arg, "--add") == 0)
        options.add = TRUE;
      else
        return pl_cli_fail (_("demo: unknown argument “%s”"), arg);
    }
  options.today = today;
  if (isatty (STDERR_FILENO))
    options.progress = demo_progress_cb;

  if (!pl_demo_options_check (&options, &error))
    return pl_cli_fail_error (error);
  store = open_store (o, TRUE, &error);
  if (store == NULL)
    return pl_cli_fail_error (error);
  before_classes = pl_store_count (store, "classroom", FALSE);
  if (!pl_demo_generate (store, &options, NULL, &error))
    return pl_cli_fail_error (error);

  n_classes = pl_store_count (store, "classroom", FALSE) - before_classes;
  /* TRANSLATORS: the start of the summary line of "demo" */
  classes = g_strdup_printf (ngettext ("%u learners in %u class", "%u learners in %u classes", n_classes),
                             options.n_learners, n_classes);
  g_print (_("demo: %s, %u standards, %u choice options, %u check-ins, "
             "%u pieces of evidence (seed %" PRIu64 ") in %s\n"),
           classes, pl_store_count (store, "standard", FALSE),
           pl_store_count (store, "choice_option", FALSE),
           pl_store_count (store, "checkin", FALSE), pl_store_count (store, "evidence", FALSE),
           options.seed, pl_store_get_path (store));
  return 0;
}

/* ---- list ---------------------------------------------------------- */

static int
compare_strv_rows (gconstpointer a,
                   gconstpointer b)
{
  /* Rows sort on their hidden sort key, kept in the last column. */
  char * const *ra = *(char * const * const *) a;
  char * const *rb = *(char * const * const *) b;
  guint na = g_strv_length ((char **) ra);
  guint nb = g_strv_length ((char **) rb);

  return g_strcmp0 (ra[na - 1], rb[nb - 1]);
}

/* Prints ROWS (string vectors whose last element is a sort key) as a table
 * under HEADERS, columns padded to the widest cell. */
static void
print_table (const char * const *headers,
             GPtrArray          *rows)
{
  guint n_cols = g_strv_length ((char **) headers);
  g_autofree glong *widths = g_new0 (glong, n_cols);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint c = 0; c < n_cols; c++)
    widths[c] = g_utf8_strlen (headers[c], -1);
  for (guint r = 0; r < rows->len; r++)
    {
      char **row = rows->pdata[r];

      for (guint c = 0; c < n_cols; c++)
        widths[c] = MAX (widths[c], g_utf8_strlen (row[c], -1));
    }

  for (guint r = 0; r <= rows->len; r++)
    {
      const char * const *cells = r == 0 ? headers : (const char * const *) rows->pdata[r - 1];

      g_string_truncate (line, 0);
      for (guint c = 0; c < n_cols; c++)
        {
          g_string_append (line, cells[c]);
          if (c + 1 < n_cols)
            for (glong pad = g_utf8_strlen (cells[c], -1); pad < widths[c] + 2; pad++)
              g_string_append_c (line, ' ');
        }
      g_print ("%s\n", line->str);
    }
}

static char *
fold_key (const char *first,
          const char *second,
          const char *third)
{
  g_autofree char *joined = g_strjoin ("\x01", first != NULL ? first : "", second != NULL ? second : "",
                                       third != NULL ? third : "", NULL);
  g_autofree char *folded = g_utf8_casefold (joined, -1);

  /* "Class 2" before "Class 10". */
  return g_utf8_collate_key_for_filename (folded, -1);
}

static const char *
str_or_empty (const char *s)
{
  return s != NULL ? s : "";
}

static void
builder_add_string (JsonBuilder *builder,
                    const char  *key,
                    const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static gboolean
list_learners (PlStore   *store,
               gboolean   json,
               GError   **error)
{
  g_autoptr(GListModel) learners = pl_store_list (store, PL_TYPE_LEARNER, error);
  g_autoptr(GListModel) classes = NULL;
  g_autoptr(GListModel) enrollments = NULL;
  g_autoptr(GHashTable) class_names = g_hash_table_new (g_str_hash, g_str_equal);
  /* learner uuid → GPtrArray of class names */
  g_autoptr(GHashTable) learner_classes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                                 (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);

  if (learners == NULL)
    return FALSE;
  classes = pl_store_list (store, PL_TYPE_CLASSROOM, error);
  if (classes == NULL)
    return FALSE;
  enrollments = pl_store_list (store, PL_TYPE_ENROLLMENT, error);
  if (enrollments == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (classes); i++)
    {
      g_autoptr(PlRecord) c = g_list_model_get_item (classes, i);

      /* The strings live as long as the list model. */
      g_hash_table_insert (class_names, (gpointer) pl_record_get_uuid (c),
                           (gpointer) pl_record_get_string (c, "name"));
    }
  for (guint i = 0; i < g_list_model_get_n_items (enrollments); i++)
    {
      g_autoptr(PlRecord) e = g_list_model_get_item (enrollments, i);
      const char *learner = pl_record_get_string (e, "learner_uuid");
      const char *name = g_hash_table_lookup (class_names, pl_record_get_string (e, "classroom_uuid"));
      GPtrArray *names;

      if (name == NULL || learner == NULL || pl_record_get_boolean (e, "archived"))
        continue;
      names = g_hash_table_lookup (learner_classes, learner);
      if (names == NULL)
        {
          names = g_ptr_array_new ();
          g_hash_table_insert (learner_classes, g_strdup (learner), names);
        }
      g_ptr_array_add (names, (gpointer) name);
    }

  for (guint i = 0; i < g_list_model_get_n_items (learners); i++)
    {
      g_autoptr(PlRecord) l = g_list_model_get_item (learners, i);
      GPtrArray *names = g_hash_table_lookup (learner_classes, pl_record_get_uuid (l));
      g_autofree char *classes_text = NULL;
      g_autofree char *name = NULL;
      const char *preferred = pl_record_get_string (l, "preferred_name");
      char **row;

      if (names != NULL)
        {
          g_ptr_array_sort (names, (GCompareFunc) (void *) g_strcmp0);
          g_ptr_array_add (names, NULL);
          classes_text = g_strjoinv (", ", (char **) names->pdata);
          g_ptr_array_remove_index (names, names->len - 1);
        }
      if (preferred != NULL && *preferred != '\0')
        name = g_strdup_printf ("%s, %s (%s)", pl_record_get_string (l, "family_name"),
                                pl_record_get_string (l, "given_name"), preferred);
      else
        name = g_strdup_printf ("%s, %s", pl_record_get_string (l, "family_name"),
                                pl_record_get_string (l, "given_name"));
      row = g_new0 (char *, 7);
      row[0] = g_steal_pointer (&name);
      row[1] = g_strdup (str_or_empty (pl_record_get_string (l, "pronouns")));
      row[2] = g_strdup (str_or_empty (pl_record_get_string (l, "grade")));
      row[3] = g_strdup (classes_text != NULL ? classes_text : "");
      row[4] = g_strdup (pl_record_get_uuid (l));
      row[5] = fold_key (pl_record_get_string (l, "family_name"), pl_record_get_string (l, "given_name"),
                         pl_record_get_uuid (l));
      g_ptr_array_add (order, row);
      g_hash_table_insert (by_uuid, row[4], g_object_ref (l));
    }
  g_ptr_array_sort (order, compare_strv_rows);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < order->len; i++)
        {
          char **row = order->pdata[i];
          g_autoptr(PlRecord) l = g_hash_table_lookup (by_uuid, row[4]);
          GPtrArray *names = g_hash_table_lookup (learner_classes, row[4]);

          json_builder_begin_object (builder);
          builder_add_string (builder, "uuid", pl_record_get_uuid (l));
          builder_add_string (builder, "given_name", pl_record_get_string (l, "given_name"));
          builder_add_string (builder, "family_name", pl_record_get_string (l, "family_name"));
          builder_add_string (builder, "preferred_name", pl_record_get_string (l, "preferred_name"));
          builder_add_string (builder, "pronouns", pl_record_get_string (l, "pronouns"));
          builder_add_string (builder, "grade", pl_record_get_string (l, "grade"));
          builder_add_string (builder, "email", pl_record_get_string (l, "email"));
          builder_add_string (builder, "source_id", pl_record_get_string (l, "source_id"));
          json_builder_set_member_name (builder, "archived");
          json_builder_add_boolean_value (builder, pl_record_get_boolean (l, "archived"));
          json_builder_set_member_name (builder, "classes");
          json_builder_begin_array (builder);
          for (guint k = 0; names != NULL && k < names->len; k++)
            json_builder_add_string_value (builder, names->pdata[k]);
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      print_json (builder);
    }
  else
    {
      const char *headers[] = { _("Name"), _("Pronouns"), _("Grade"), _("Classes"), _("Id"), NULL };

      for (guint i = 0; i < order->len; i++)
        {
          char **row = order->pdata[i];

          g_object_unref (g_hash_table_lookup (by_uuid, row[4]));
          g_free (row[5]);
          row[5] = NULL;
        }
      print_table (headers, order);
    }
  return TRUE;
}

static gboolean
list_classes (PlStore   *store,
              gboolean   json,
              GError   **error)
{
  g_autoptr(GListModel) classes = pl_store_list (store, PL_TYPE_CLASSROOM, error);
  g_autoptr(GListModel) enrollments = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *headers[] = { _("Name"), _("Subject"), _("Grade"), _("Period"), _("Learners"), _("Id"), NULL };

  if (classes == NULL)
    return FALSE;
  enrollments = pl_store_list (store, PL_TYPE_ENROLLMENT, error);
  if (enrollments == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (enrollments); i++)
    {
      g_autoptr(PlRecord) e = g_list_model_get_item (enrollments, i);
      const char *c = pl_record_get_string (e, "classroom_uuid");

      if (c == NULL || pl_record_get_boolean (e, "archived") ||
          g_strcmp0 (pl_record_get_string (e, "role"), "student") != 0)
        continue;
      c = g_intern_string (c);
      g_hash_table_insert (counts, (gpointer) c,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, c)) + 1));
    }
  for (guint i = 0; i < g_list_model_get_n_items (classes); i++)
    {
      g_autoptr(PlRecord) c = g_list_model_get_item (classes, i);
      char **row = g_new0 (char *, 8);

      row[0] = g_strdup (str_or_empty (pl_record_get_string (c, "name")));
      row[1] = g_strdup (str_or_empty (pl_record_get_string (c, "subject")));
      row[2] = g_strdup (str_or_empty (pl_record_get_string (c, "grade_level")));
      row[3] = g_strdup (str_or_empty (pl_record_get_string (c, "period")));
      row[4] = g_strdup_printf ("%u", GPOINTER_TO_UINT (g_hash_table_lookup (counts, pl_record_get_uuid (c))));
      row[5] = g_strdup (pl_record_get_uuid (c));
      row[6] = fold_key (row[0], row[3], row[5]);
      g_ptr_array_add (order, row);
    }
  g_ptr_array_sort (order, compare_strv_rows);

  if (!json)
    {
      for (guint i = 0; i < order->len; i++)
        {
          char **row = order->pdata[i];

          g_clear_pointer (&row[6], g_free);
        }
      print_table (headers, order);
      return TRUE;
    }

  json_builder_begin_array (builder);
  for (guint i = 0; i < order->len; i++)
    {
      char **row = order->pdata[i];

      json_builder_begin_object (builder);
      builder_add_string (builder, "uuid", row[5]);
      builder_add_string (builder, "name", row[0]);
      builder_add_string (builder, "subject", row[1]);
      builder_add_string (builder, "grade_level", row[2]);
      builder_add_string (builder, "period", row[3]);
      json_builder_set_member_name (builder, "n_learners");
      json_builder_add_int_value (builder, g_ascii_strtoll (row[4], NULL, 10));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  print_json (builder);
  return TRUE;
}

static gboolean
list_standards (PlStore   *store,
                gboolean   json,
                GError   **error)
{
  g_autoptr(GListModel) standards = pl_store_list (store, PL_TYPE_STANDARD, error);
  g_autoptr(GListModel) frameworks = NULL;
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *headers[] = { _("Code"), _("Framework"), _("Statement"), _("Id"), NULL };

  if (standards == NULL)
    return FALSE;
  frameworks = pl_store_list (store, PL_TYPE_FRAMEWORK, error);
  if (frameworks == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (frameworks); i++)
    {
      g_autoptr(PlRecord) f = g_list_model_get_item (frameworks, i);

      g_hash_table_insert (titles, (gpointer) pl_record_get_uuid (f),
                           (gpointer) pl_record_get_string (f, "title"));
    }
  for (guint i = 0; i < g_list_model_get_n_items (standards); i++)
    {
      g_autoptr(PlRecord) s = g_list_model_get_item (standards, i);
      const char *framework = pl_record_get_string (s, "framework_uuid");
      char **row = g_new0 (char *, 7);
      g_autofree char *position = g_strdup_printf ("%08" PRId64,
                                                   CLAMP (pl_record_get_int (s, "position"), 0, 99999999));

      row[0] = g_strdup (str_or_empty (pl_record_get_string (s, "code")));
      row[1] = g_strdup (framework != NULL ? str_or_empty (g_hash_table_lookup (titles, framework)) : "");
      row[2] = g_strdup (str_or_empty (pl_record_get_string (s, "statement")));
      row[3] = g_strdup (pl_record_get_uuid (s));
      row[4] = g_strdup (str_or_empty (framework));
      row[5] = fold_key (row[1], position, row[0]);
      g_ptr_array_add (order, row);
    }
  g_ptr_array_sort (order, compare_strv_rows);

  if (!json)
    {
      for (guint i = 0; i < order->len; i++)
        {
          char **row = order->pdata[i];

          /* The table shows the first four columns. */
          g_clear_pointer (&row[5], g_free);
          g_clear_pointer (&row[4], g_free);
        }
      print_table (headers, order);
      return TRUE;
    }

  json_builder_begin_array (builder);
  for (guint i = 0; i < order->len; i++)
    {
      char **row = order->pdata[i];

      json_builder_begin_object (builder);
      builder_add_string (builder, "uuid", row[3]);
      builder_add_string (builder, "code", row[0]);
      builder_add_string (builder, "statement", row[2]);
      builder_add_string (builder, "framework_uuid", row[4][0] != '\0' ? row[4] : NULL);
      builder_add_string (builder, "framework", row[1]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  print_json (builder);
  return TRUE;
}

int
pl_cli_list (PlCliOptions  *o,
             int            argc,
             char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  const char *what = NULL;
  gboolean json = FALSE;
  gboolean ok;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--json") == 0)
        json = TRUE;
      else if (what == NULL && argv[i][0] != '-')
        what = argv[i];
      else
        return pl_cli_fail (_("list: unknown argument “%s”"), argv[i]);
    }
  if (what == NULL)
    return pl_cli_fail (_("list: say what to list: learners, classes or standards"));
  if (strcmp (what, "learners") != 0 && strcmp (what, "classes") != 0 && strcmp (what, "standards") != 0)
    return pl_cli_fail (_("list: “%s” is not learners, classes or standards"), what);

  store = open_store (o, FALSE, &error);
  if (store == NULL)
    return pl_cli_fail_error (error);
  if (strcmp (what, "learners") == 0)
    ok = list_learners (store, json, &error);
  else if (strcmp (what, "classes") == 0)
    ok = list_classes (store, json, &error);
  else
    ok = list_standards (store, json, &error);
  if (!ok)
    return pl_cli_fail_error (error);
  return 0;
}

/* ---- dump and check ------------------------------------------------ */

int
pl_cli_dump (PlCliOptions  *o,
             int            argc,
             char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GOutputStream) buffered = NULL;

  if (argc > 1)
    return pl_cli_fail (_("dump: unknown argument “%s”"), argv[1]);
  store = open_store (o, FALSE, &error);
  if (store == NULL)
    return pl_cli_fail_error (error);

  fflush (stdout);
  out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  buffered = g_buffered_output_stream_new_sized (out, 1 << 16);
  if (!pl_store_dump (store, buffered, &error) ||
      !g_output_stream_close (buffered, NULL, &error))
    return pl_cli_fail_error (error);
  return 0;
}

int
pl_cli_check (PlCliOptions  *o,
              int            argc,
              char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  gboolean sound;

  if (argc > 1)
    return pl_cli_fail (_("check: unknown argument “%s”"), argv[1]);
  /* "check" runs the full integrity check itself and reports each finding. */
  store = open_store_checked (o, FALSE, 0, &error);
  if (store == NULL)
    return pl_cli_fail_error (error);

  sound = pl_store_check (store, report, &error);
  if (error != NULL)
    return pl_cli_fail_error (error);
  g_print ("%s", report->str);
  if (!sound)
    return pl_cli_fail (_("%s: the database is damaged"), pl_store_get_path (store));
  return 0;
}
