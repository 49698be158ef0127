/* test-cli-engine.c — personallearn-cli mastery and engine fit/predict
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real command-line tool ($PL_CLI) the way scripts do.
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "engine/pl-bkt.h"

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

static const char *
cli_path (void)
{
  const char *cli = g_getenv ("PL_CLI");

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    return NULL;
  return cli;
}

/* Runs the tool with the NULL-terminated arguments after argv[0]. */
static void
run_cli (Run        *r,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) cli_path ());
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  memset (r, 0, sizeof *r);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT,
                               NULL, NULL, &r->out, &r->err, &wait_status, &error));
  g_assert_no_error (error);
  r->status = g_spawn_check_wait_status (wait_status, NULL) ? 0 : 1;
}

static gboolean
skip_without_cli (void)
{
  if (cli_path () == NULL)
    {
      g_test_skip ("PL_CLI does not name the built personallearn-cli");
      return TRUE;
    }
  return FALSE;
}

/* One line of error on stderr, nothing on stdout, a failing status. */
static void
assert_one_line_error (Run        *r,
                       const char *must_contain)
{
  g_assert_cmpint (r->status, !=, 0);
  g_assert_cmpstr (r->out, ==, "");
  g_assert_true (g_str_has_suffix (r->err, "\n"));
  g_assert_true (strchr (r->err, '\n') == r->err + strlen (r->err) - 1);
  if (must_contain != NULL && strstr (r->err, must_contain) == NULL)
    g_error ("“%s” does not contain “%s”", r->err, must_contain);
}

static void
test_cli_mastery (void)
{
  static const struct { const char *method; const char *scores[5]; const char *expect; } cases[] = {
    { "power-law", { "1", "2", "3", "4", NULL }, "4.00\n" },
    { "power-law", { "1", "3", "2", "4", NULL }, "3.66\n" },
    { "power-law", { "2", "4", "1", "3", NULL }, "2.16\n" },
    { "power-law", { "4", "3", "2", "1", NULL }, "1.28\n" },
    { "mean", { "1", "2", NULL }, "1.50\n" },
    { "latest", { "1", "2.5", NULL }, "2.50\n" },
    { "mode", { "1", "3", "3", "1", NULL }, "3.00\n" },
    { "n-mastery", { "3", "4", "1", NULL }, "none\n" },
    { "decaying-average", { "2", "4", NULL }, "3.30\n" },
  };
  Run r;

  if (skip_without_cli ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *const *s = cases[i].scores;

      run_cli (&r, "mastery", "--method", cases[i].method,
               s[0], s[1], s[2], s[3], s[4], NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpstr (r.out, ==, cases[i].expect);
      run_clear (&r);
    }

  run_cli (&r, "mastery", "--method", "weighted-average", "--param", "50", "4", "2", NULL);
  g_assert_cmpstr (r.out, ==, "3.00\n");
  run_clear (&r);

  run_cli (&r, "mastery", "--method", "n-mastery", "--param", "2", "--mastery-level", "2.5",
           "--scale", "5", "5", "3", "1", NULL);
  g_assert_cmpstr (r.out, ==, "4.00\n");
  run_clear (&r);

  run_cli (&r, "mastery", "--method", "median", "1", "2", NULL);
  assert_one_line_error (&r, "median");
  run_clear (&r);

  run_cli (&r, "mastery", "--method", "mean", "1", "two", NULL);
  assert_one_line_error (&r, "two");
  run_clear (&r);

  run_cli (&r, "mastery", "--method", "mean", "1", "-3", NULL);
  assert_one_line_error (&r, "-3");
  run_clear (&r);

  run_cli (&r, "mastery", "--method", "decaying-average", "--param", "150", "1", NULL);
  assert_one_line_error (&r, "150");
  run_clear (&r);

  run_cli (&r, "mastery", "1", "2", NULL);
  assert_one_line_error (&r, "--method");
  run_clear (&r);
}

/* Writes a log of two skills simulated from known parameters. The first
 * skill's name needs CSV and JSON quoting; the columns come in another
 * order than the documented one, with an extra column. Rows are shuffled:
 * order_id carries the order. */
static char *
write_log (const char        *dir,
           const PlBktParams *truth)
{
  enum { N_LEARNERS = 400, N_OPPS = 25, N = 2 * N_LEARNERS * N_OPPS };
  static const char *csv_names[] = { "\"\"\"add\"\", \"\"carry\"\"\"", "fractions" };
  guint32 skill_offsets[3];
  g_autofree guint32 *seq_offsets = g_new (guint32, 2 * N_LEARNERS + 1);
  g_autofree guint8 *correct = g_new (guint8, N);
  g_autofree guint32 *perm = g_new (guint32, N);
  g_autoptr(GString) text = g_string_new ("note,correct,skill_name,user_id,order_id\n");
  char *path = g_build_filename (dir, "log.csv", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(GError) error = NULL;

  pl_bkt_simulate (truth, 2, N_LEARNERS, N_OPPS, 77, skill_offsets, seq_offsets, correct);
  for (guint i = 0; i < N; i++)
    perm[i] = i;
  for (guint i = N - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, i + 1);
      guint32 t = perm[i];

      perm[i] = perm[j];
      perm[j] = t;
    }
  for (guint n = 0; n < N; n++)
    {
      guint i = perm[n];
      guint seq = i / N_OPPS, skill = seq / N_LEARNERS, learner = seq % N_LEARNERS;

      /* order_id: the attempt's place in the learner's history. */
      g_string_append_printf (text, "x,%u,%s,learner-%u,%u\n", correct[i], csv_names[skill],
                              learner, (i % N_OPPS) * 1000 + learner);
    }

  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);
  return path;
}

static double
member (JsonObject *params,
        const char *skill,
        const char *name)
{
  JsonObject *o;

  g_assert_true (json_object_has_member (params, skill));
  o = json_object_get_object_member (params, skill);
  g_assert_true (json_object_has_member (o, name));
  return json_object_get_double_member (o, name);
}

static double
metric (const char *out,
        const char *name)
{
  g_autofree char *key = g_strdup_printf ("%s: ", name);
  const char *at = strstr (out, key);

  g_assert_nonnull (at);
  g_assert_true (at == out || at[-1] == '\n');
  return g_ascii_strtod (at + strlen (key), NULL);
}

static void
test_cli_engine_fit_predict (void)
{
  const PlBktParams truth[2] = {
    { 0.3, 0.15, 0.2, 0.1, 0.0 },
    { 0.5, 0.1, 0.25, 0.08, 0.0 },
  };
  const char *skills[2] = { "\"add\", \"carry\"", "fractions" };
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *params_path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *params;
  Run r, again;

  if (skip_without_cli ())
    return;

  dir = g_dir_make_tmp ("pl-cli-engine-XXXXXX", &error);
  g_assert_no_error (error);
  csv = write_log (dir, truth);

  run_cli (&r, "engine", "fit", "--csv", csv, "--seed", "5", "--restarts", "3", NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);

  g_assert_true (json_parser_load_from_data (parser, r.out, -1, &error));
  g_assert_no_error (error);
  params = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_object_get_size (params), ==, 2);
  for (guint k = 0; k < 2; k++)
    {
      g_assert_cmpfloat (fabs (member (params, skills[k], "prior") - truth[k].prior), <, 0.1);
      g_assert_cmpfloat (fabs (member (params, skills[k], "learn") - truth[k].learn), <, 0.1);
      g_assert_cmpfloat (fabs (member (params, skills[k], "guess") - truth[k].guess), <, 0.1);
      g_assert_cmpfloat (fabs (member (params, skills[k], "slip") - truth[k].slip), <, 0.1);
      g_assert_cmpfloat (member (params, skills[k], "forget"), ==, 0.0);
    }

  /* The same seed gives the same output. */
  run_cli (&again, "engine", "fit", "--csv", csv, "--seed", "5", "--restarts", "3", NULL);
  g_assert_cmpstr (again.out, ==, r.out);
  run_clear (&again);

  params_path = g_build_filename (dir, "params.json", NULL);
  g_assert_true (g_file_set_contents (params_path, r.out, -1, &error));
  run_clear (&r);

  run_cli (&r, "engine", "predict", "--csv", csv, "--params", params_path, NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  {
    double rmse = metric (r.out, "rmse"), auc = metric (r.out, "auc");
    double acc = metric (r.out, "accuracy"), ll = metric (r.out, "log_loss");

    g_assert_cmpfloat (rmse, >, 0.2);
    g_assert_cmpfloat (rmse, <, 0.5);
    g_assert_cmpfloat (auc, >, 0.6);
    g_assert_cmpfloat (auc, <=, 1.0);
    g_assert_cmpfloat (acc, >, 0.6);
    g_assert_cmpfloat (ll, >, 0.0);
    g_assert_cmpfloat (ll, <, 0.7);
  }
  run_clear (&r);

  /* --forget adds a fitted forget parameter. */
  run_cli (&r, "engine", "fit", "--csv", csv, "--forget", "--restarts", "1", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\"forget\""));
  run_clear (&r);

  g_unlink (csv);
  g_unlink (params_path);
  g_rmdir (dir);
}

static void
test_cli_engine_bad_input (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *bad_order = NULL;
  g_autofree char *good = NULL;
  g_autofree char *params = NULL;
  g_autoptr(GError) error = NULL;
  Run r;

  if (skip_without_cli ())
    return;

  dir = g_dir_make_tmp ("pl-cli-engine-XXXXXX", &error);
  g_assert_no_error (error);
  missing = g_build_filename (dir, "missing.csv", NULL);
  bad = g_build_filename (dir, "bad.csv", NULL);
  bad_order = g_build_filename (dir, "bad-order.csv", NULL);
  good = g_build_filename (dir, "good.csv", NULL);
  params = g_build_filename (dir, "params.json", NULL);

  g_assert_true (g_file_set_contents (missing, "order_id,user_id,skill_name\n1,a,s\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad, "order_id,user_id,skill_name,correct\n"
                                           "1,a,s,1\n2,a,s,yes\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad_order, "user_id,order_id,skill_name,correct\n"
                                                 "a,1,s,1\na,2,s,0\na,third,s,1\n", -1, NULL));
  g_assert_true (g_file_set_contents (good, "order_id,user_id,skill_name,correct\n"
                                            "1,a,s,1\n2,a,t,0\n", -1, NULL));
  g_assert_true (g_file_set_contents (params, "{\"s\": {\"prior\": 0.5, \"learn\": 0.1, "
                                              "\"guess\": 0.2, \"slip\": 0.1}}", -1, NULL));

  run_cli (&r, "engine", "fit", "--csv", missing, NULL);
  assert_one_line_error (&r, "line 1");
  g_assert_nonnull (strstr (r.err, "correct"));
  g_assert_nonnull (strstr (r.err, "missing.csv"));
  run_clear (&r);

  run_cli (&r, "engine", "fit", "--csv", bad, NULL);
  assert_one_line_error (&r, "line 3, column 4");
  g_assert_nonnull (strstr (r.err, "bad.csv"));
  g_assert_nonnull (strstr (r.err, "yes"));
  run_clear (&r);

  run_cli (&r, "engine", "fit", "--csv", bad_order, NULL);
  assert_one_line_error (&r, "line 4, column 2");
  run_clear (&r);

  /* Parameters that lack a skill of the log. */
  run_cli (&r, "engine", "predict", "--csv", good, "--params", params, NULL);
  assert_one_line_error (&r, "“t”");
  run_clear (&r);

  run_cli (&r, "engine", "predict", "--csv", good, NULL);
  assert_one_line_error (&r, "--params");
  run_clear (&r);

  run_cli (&r, "engine", "refit", NULL);
  assert_one_line_error (&r, "refit");
  run_clear (&r);

  g_unlink (missing);
  g_unlink (bad);
  g_unlink (bad_order);
  g_unlink (good);
  g_unlink (params);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-engine/mastery", test_cli_mastery);
  g_test_add_func ("/cli-engine/fit-predict", test_cli_engine_fit_predict);
  g_test_add_func ("/cli-engine/bad-input", test_cli_engine_bad_input);

  return g_test_run ();
}
