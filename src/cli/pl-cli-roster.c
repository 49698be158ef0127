/* pl-cli-roster.c — import-roster
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "core/pl-core.h"
#include "interop/pl-learner-csv.h"
#include "interop/pl-oneroster.h"
#include "interop/pl-roster-plan.h"
#include "pl-cli.h"

static void
print_plan (PlRosterPlan *plan)
{
  PlRosterData *data = pl_roster_plan_get_data (plan);
  guint n_new, n_updated, n_unchanged, n_archived;

  /* Translators: the header of the import preview's columns */
  printf ("%-8s %5s %8s %10s %9s  %s\n", _("import"), _("new"), _("updated"), _("unchanged"),
          _("archived"), _("class"));
  for (guint i = 0; i < pl_roster_plan_get_n_classes (plan); i++)
    {
      PlRosterPlanClass *c = pl_roster_plan_get_class (plan, i);

      printf ("%-8s %5u %8u %10u %9u  %s%s\n", c->selected ? _("yes") : _("no"),
              c->n_new, c->n_updated, c->n_unchanged, c->n_archived, c->title,
              c->exists ? "" : _(" (new class)"));
    }
  pl_roster_plan_get_totals (plan, &n_new, &n_updated, &n_unchanged, &n_archived);
  printf (_("learners: %u new, %u updated, %u unchanged, %u archived\n"),
          n_new, n_updated, n_unchanged, n_archived);
  for (guint i = 0; i < data->warnings->len; i++)
    fprintf (stderr, _("personallearn-cli: warning: %s\n"), (const char *) data->warnings->pdata[i]);
}

int
pl_cli_import_roster (PlCliOptions  *o,
                      int            argc,
                      char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(PlRosterPlan) plan = NULL;
  PlRosterData *data = NULL;
  const char *path = NULL;
  const char *class_name = NULL;
  const char *classes = NULL;
  const char *mapping = NULL;
  gboolean dry_run = FALSE;
  PlRosterApplyResult result;
  g_autofree char *db_path = NULL;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--class") == 0 && i + 1 < argc)
        class_name = argv[++i];
      else if (strcmp (argv[i], "--classes") == 0 && i + 1 < argc)
        classes = argv[++i];
      else if (strcmp (argv[i], "--mapping") == 0 && i + 1 < argc)
        mapping = argv[++i];
      else if (strcmp (argv[i], "--dry-run") == 0)
        dry_run = TRUE;
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        return pl_cli_usage ("import-roster");
      else if (path == NULL)
        path = argv[i];
      else
        return pl_cli_usage ("import-roster");
    }
  if (path == NULL)
    return pl_cli_usage ("import-roster");

  file = g_file_new_for_commandline_arg (path);
  if (pl_oneroster_looks_like (file))
    {
      if (mapping != NULL || class_name != NULL)
        return pl_cli_fail (_("--mapping and --class are for a plain CSV of learners"));
      data = pl_oneroster_read (file, NULL, &error);
    }
  else
    {
      g_autoptr(PlLearnerCsv) csv = pl_learner_csv_open (file, NULL, &error);
      g_autofree char *base = NULL;

      if (csv == NULL)
        return pl_cli_fail_error (error);
      if (mapping != NULL && !pl_learner_csv_parse_mapping (csv, mapping, &error))
        return pl_cli_fail_error (error);
      if (class_name == NULL)
        {
          char *dot;

          base = g_file_get_basename (file);
          if ((dot = strrchr (base, '.')) != NULL && dot != base)
            *dot = '\0';
        }
      data = pl_learner_csv_read (csv, class_name != NULL ? class_name : base, NULL, &error);
    }
  if (data == NULL)
    return pl_cli_fail_error (error);

  db_path = o->db_path != NULL ? g_strdup (o->db_path) : pl_store_default_path ();
  if (!dry_run)
    {
      g_autofree char *dir = g_path_get_dirname (db_path);

      g_mkdir_with_parents (dir, 0700);
    }
  else if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    g_clear_pointer (&db_path, g_free);   /* compare with an empty database */
  store = pl_store_open_full (db_path, PL_CLI_CHECK_ON_OPEN, &error);
  if (store == NULL)
    {
      pl_roster_data_free (data);
      return pl_cli_fail_error (error);
    }

  plan = pl_roster_plan_new (store, data, NULL, &error);
  if (plan == NULL)
    return pl_cli_fail_error (error);
  if (classes != NULL)
    {
      g_auto(GStrv) names = g_strsplit (classes, ",", -1);

      if (!pl_roster_plan_select_names (plan, (const char * const *) names, &error))
        return pl_cli_fail_error (error);
    }
  print_plan (plan);
  if (dry_run)
    return 0;
  if (!pl_roster_plan_apply (plan, NULL, &result, &error))
    return pl_cli_fail_error (error);
  printf (_("written: %u classes, %u learners, %u enrollments, %u schools\n"),
          result.classes_written, result.learners_written, result.enrollments_written,
          result.schools_written);
  return 0;
}
