/* pl-cli-engine.c — mastery roll-ups and Bayesian Knowledge Tracing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   mastery --method M [--param X] [--mastery-level L] [--scale S] SCORE…
 *   engine fit --csv F [--seed S] [--restarts R] [--forget]
 *   engine predict --csv F --params P
 */
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "engine/pl-bkt.h"
#include "engine/pl-mastery.h"
#include "interop/pl-skill-csv.h"
#include "pl-cli.h"

/* Matches "--name VALUE" and "--name=VALUE"; advances *I past the value. */
static gboolean
take_option (int          argc,
             char       **argv,
             int         *i,
             const char  *name,
             const char **out_value,
             gboolean    *out_missing)
{
  gsize len = strlen (name);

  if (strcmp (argv[*i], name) == 0)
    {
      if (*i + 1 >= argc)
        {
          *out_missing = TRUE;
          return TRUE;
        }
      *out_value = argv[*i + 1];
      *i += 2;
      return TRUE;
    }
  if (strncmp (argv[*i], name, len) == 0 && argv[*i][len] == '=')
    {
      *out_value = argv[*i] + len + 1;
      *i += 1;
      return TRUE;
    }
  return FALSE;
}

static gboolean
parse_number (const char *text,
              double     *out)
{
  char *end = NULL;
  double v;

  if (text == NULL || *text == '\0')
    return FALSE;
  v = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (v))
    return FALSE;
  *out = v;
  return TRUE;
}

static void
print_number (double      value,
              const char *format)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    printf ("nan\n");
  else
    printf ("%s\n", g_ascii_formatd (buf, sizeof buf, format, value));
}

/* ---- mastery ------------------------------------------------------- */

int
pl_cli_mastery (PlCliOptions  *o,
                int            argc,
                char         **argv)
{
  g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  const char *method = NULL, *param = NULL, *level = NULL, *scale = NULL;
  PlMasterySpec spec;
  double value;
  int i = 1;

  while (i < argc)
    {
      gboolean missing = FALSE;
      const char *arg = argv[i];
      double score;

      if (take_option (argc, argv, &i, "--method", &method, &missing) ||
          take_option (argc, argv, &i, "--param", &param, &missing) ||
          take_option (argc, argv, &i, "--mastery-level", &level, &missing) ||
          take_option (argc, argv, &i, "--scale", &scale, &missing))
        {
          if (missing)
            return pl_cli_fail (_("mastery: %s needs a value"), arg);
          continue;
        }
      if (strcmp (arg, "--") == 0)
        {
          i++;
          continue;
        }
      if (!parse_number (arg, &score))
        {
          if (g_str_has_prefix (arg, "--"))
            return pl_cli_fail (_("mastery: unknown option “%s”"), arg);
          return pl_cli_fail (_("mastery: score %u: “%s” is not a number"),
                              scores->len + 1, arg);
        }
      if (score < 0.0)
        return pl_cli_fail (_("mastery: score %u: “%s” is below 0"), scores->len + 1, arg);
      g_array_append_val (scores, score);
      i++;
    }

  if (method == NULL)
    return pl_cli_fail (_("mastery: --method is required (latest, highest, mean, mode, "
                            "decaying-average, weighted-average, n-mastery, power-law)"));

  {
    PlMasteryMethod m;

    if (!pl_mastery_method_from_string (method, &m))
      return pl_cli_fail (_("mastery: --method: unknown method “%s” (latest, highest, mean, mode, "
                            "decaying-average, weighted-average, n-mastery, power-law)"), method);
    pl_mastery_spec_init_default (&spec, m);
  }

  if (param != NULL && !parse_number (param, &spec.param))
    return pl_cli_fail (_("mastery: --param: “%s” is not a number"), param);
  if (level != NULL && !parse_number (level, &spec.mastery_level))
    return pl_cli_fail (_("mastery: --mastery-level: “%s” is not a number"), level);
  if (scale != NULL && !parse_number (scale, &spec.scale_max))
    return pl_cli_fail (_("mastery: --scale: “%s” is not a number"), scale);
  if (!pl_mastery_spec_validate (&spec, &error))
    return pl_cli_fail ("mastery: %s", error->message);

  if (pl_mastery_rollup (&spec, (const double *) (void *) scores->data, scores->len, &value))
    print_number (value, "%.2f");
  else
    printf ("none\n");

  return 0;
}

/* ---- engine -------------------------------------------------------- */

static void
observations_from_csv (PlSkillCsv        *csv,
                       PlBktObservations *obs)
{
  obs->n_skills = csv->n_skills;
  obs->skill_offsets = csv->skill_offsets;
  obs->seq_offsets = csv->seq_offsets;
  obs->correct = csv->correct;
}

static int
engine_fit (int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlSkillCsv) csv = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  g_autofree PlBktParams *params = NULL;
  const char *path = NULL, *seed = NULL, *restarts = NULL, *iterations = NULL;
  PlBktFitOptions options;
  PlBktObservations obs;
  int i = 2;

  pl_bkt_fit_options_init (&options);
  while (i < argc)
    {
      gboolean missing = FALSE;
      const char *arg = argv[i];

      if (take_option (argc, argv, &i, "--csv", &path, &missing) ||
          take_option (argc, argv, &i, "--seed", &seed, &missing) ||
          take_option (argc, argv, &i, "--restarts", &restarts, &missing) ||
          take_option (argc, argv, &i, "--max-iterations", &iterations, &missing))
        {
          if (missing)
            return pl_cli_fail (_("engine fit: %s needs a value"), arg);
          continue;
        }
      if (strcmp (arg, "--forget") == 0)
        {
          options.forget = TRUE;
          i++;
          continue;
        }
      return pl_cli_fail (_("engine fit: unknown argument “%s”"), arg);
    }

  if (path == NULL)
    return pl_cli_fail (_("engine fit: --csv FILE is required"));
  if (seed != NULL &&
      !g_ascii_string_to_unsigned (seed, 10, 0, G_MAXUINT64, &options.seed, NULL))
    return pl_cli_fail (_("engine fit: --seed: “%s” is not a whole number"), seed);
  if (restarts != NULL)
    {
      guint64 r;

      if (!g_ascii_string_to_unsigned (restarts, 10, 1, 1000, &r, NULL))
        return pl_cli_fail (_("engine fit: --restarts: “%s” is not a whole number from 1 to 1000"),
                            restarts);
      options.restarts = r;
    }
  if (iterations != NULL)
    {
      guint64 r;

      if (!g_ascii_string_to_unsigned (iterations, 10, 1, 100000, &r, NULL))
        return pl_cli_fail (_("engine fit: --max-iterations: “%s” is not a whole number from 1 to 100000"),
                            iterations);
      options.max_iterations = r;
    }

  csv = pl_skill_csv_read (path, &error);
  if (csv == NULL)
    return pl_cli_fail_error (error);

  observations_from_csv (csv, &obs);
  params = g_new0 (PlBktParams, MAX (csv->n_skills, 1));
  if (!pl_bkt_fit (&obs, &options, params, NULL, &error))
    return pl_cli_fail_error (error);

  json_builder_begin_object (builder);
  for (guint k = 0; k < csv->n_skills; k++)
    {
      json_builder_set_member_name (builder, csv->skill_names[k]);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "prior");
      json_builder_add_double_value (builder, params[k].prior);
      json_builder_set_member_name (builder, "learn");
      json_builder_add_double_value (builder, params[k].learn);
      json_builder_set_member_name (builder, "guess");
      json_builder_add_double_value (builder, params[k].guess);
      json_builder_set_member_name (builder, "slip");
      json_builder_add_double_value (builder, params[k].slip);
      json_builder_set_member_name (builder, "forget");
      json_builder_add_double_value (builder, params[k].forget);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json = json_generator_to_data (generator, NULL);
  printf ("%s\n", json);
  return 0;
}

static gboolean
read_member (const char  *path,
             const char  *skill,
             JsonObject  *object,
             const char  *name,
             gboolean     optional,
             double      *out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL && optional)
    {
      *out = 0.0;
      return TRUE;
    }
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_DOUBLE &&
       json_node_get_value_type (node) != G_TYPE_INT64))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: skill “%s”, field “%s”: a number from 0 to 1 is required"),
                   path, skill, name);
      return FALSE;
    }
  *out = json_node_get_double (node);
  if (!(*out >= 0.0 && *out <= 1.0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: skill “%s”, field “%s”: %g is not from 0 to 1"),
                   path, skill, name, *out);
      return FALSE;
    }
  return TRUE;
}

/* Parameters for every skill of CSV, looked up by name in the JSON that
 * "engine fit" prints. */
static PlBktParams *
read_params (const char  *path,
             PlSkillCsv  *csv,
             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree PlBktParams *params = NULL;
  JsonNode *root;
  JsonObject *all;

  if (!json_parser_load_from_file (parser, path, &local_error))
    {
      /* json-glib's message already names the file, line and column. */
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: an object of skills is required"), path);
      return NULL;
    }
  all = json_node_get_object (root);

  params = g_new0 (PlBktParams, MAX (csv->n_skills, 1));
  for (guint k = 0; k < csv->n_skills; k++)
    {
      const char *skill = csv->skill_names[k];
      JsonNode *node = json_object_get_member (all, skill);
      JsonObject *object;

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s: no parameters for skill “%s”"), path, skill);
          return NULL;
        }
      object = json_node_get_object (node);
      if (!read_member (path, skill, object, "prior", FALSE, &params[k].prior, error) ||
          !read_member (path, skill, object, "learn", FALSE, &params[k].learn, error) ||
          !read_member (path, skill, object, "guess", FALSE, &params[k].guess, error) ||
          !read_member (path, skill, object, "slip", FALSE, &params[k].slip, error) ||
          !read_member (path, skill, object, "forget", TRUE, &params[k].forget, error))
        return NULL;
    }

  return g_steal_pointer (&params);
}

static int
engine_predict (int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlSkillCsv) csv = NULL;
  g_autofree PlBktParams *params = NULL;
  g_autofree float *predicted = NULL;
  const char *path = NULL, *params_path = NULL;
  PlBktObservations obs;
  PlBktMetrics metrics;
  int i = 2;

  while (i < argc)
    {
      gboolean missing = FALSE;
      const char *arg = argv[i];

      if (take_option (argc, argv, &i, "--csv", &path, &missing) ||
          take_option (argc, argv, &i, "--params", &params_path, &missing))
        {
          if (missing)
            return pl_cli_fail (_("engine predict: %s needs a value"), arg);
          continue;
        }
      return pl_cli_fail (_("engine predict: unknown argument “%s”"), arg);
    }
  if (path == NULL || params_path == NULL)
    return pl_cli_fail (_("engine predict: --csv FILE and --params FILE are required"));

  csv = pl_skill_csv_read (path, &error);
  if (csv == NULL)
    return pl_cli_fail_error (error);
  params = read_params (params_path, csv, &error);
  if (params == NULL)
    return pl_cli_fail_error (error);

  observations_from_csv (csv, &obs);
  predicted = g_new (float, MAX (csv->n_rows, 1));
  pl_bkt_predict (&obs, params, predicted);
  pl_bkt_metrics_compute (csv->correct, predicted, csv->n_rows, &metrics);

  printf ("rmse: ");
  print_number (metrics.rmse, "%.6f");
  printf ("auc: ");
  print_number (metrics.auc, "%.6f");
  printf ("accuracy: ");
  print_number (metrics.accuracy, "%.6f");
  printf ("log_loss: ");
  print_number (metrics.log_loss, "%.6f");
  return 0;
}

int
pl_cli_engine (PlCliOptions  *o,
               int            argc,
               char         **argv)
{
  if (argc < 2)
    return pl_cli_fail (_("engine: fit or predict is required"));
  if (strcmp (argv[1], "fit") == 0)
    return engine_fit (argc, argv);
  if (strcmp (argv[1], "predict") == 0)
    return engine_predict (argc, argv);

  return pl_cli_fail (_("engine: unknown subcommand “%s”"), argv[1]);
}
