/* pl-cli-sync.c — export-bundle, import-bundle, school and the school hub
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "core/pl-core.h"
#include "core/pl-store-sync.h"
#include "pl-cli.h"
#include "sync/pl-bundle.h"
#include "sync/pl-sync-school.h"

static PlStore *
open_store (PlCliOptions  *o,
            gboolean       create,
            GError       **error)
{
  g_autofree char *path = o->db_path != NULL ? g_strdup (o->db_path) : pl_store_default_path ();

  if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("%s: no such database"), path);
      return NULL;
    }
  return pl_store_open_full (path, PL_CLI_CHECK_ON_OPEN, error);
}

/* Takes "--name VALUE" or "--name=VALUE" at argv[*i]. */
static gboolean
take_option (int          argc,
             char       **argv,
             int         *i,
             const char  *name,
             const char **value)
{
  gsize len = strlen (name);

  if (strcmp (argv[*i], name) == 0 && *i + 1 < argc)
    {
      *value = argv[*i + 1];
      *i += 2;
      return TRUE;
    }
  if (strncmp (argv[*i], name, len) == 0 && argv[*i][len] == '=')
    {
      *value = argv[*i] + len + 1;
      *i += 1;
      return TRUE;
    }
  return FALSE;
}

static void
print_conflicts (PlStore *store)
{
  g_autoptr(GPtrArray) conflicts = pl_store_sync_list_conflicts (store, FALSE, NULL);

  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      PlSyncConflict *c = conflicts->pdata[i];

      const char *kept = c->remote_won ? c->remote_value : c->local_value;
      const char *other = c->remote_won ? c->local_value : c->remote_value;
      g_autofree char *kept_text = kept != NULL ? g_strdup_printf ("“%s”", kept) : g_strdup (_("(removed)"));
      g_autofree char *other_text = other != NULL ? g_strdup_printf ("“%s”", other) : g_strdup (_("(removed)"));

      /* TRANSLATORS: a profile field two devices changed; the values are quoted, or "(removed)". */
      printf (_("conflict %" PRId64 ": learner %s, %s: kept %s from %s, other %s from %s\n"),
              c->id, c->learner_uuid != NULL ? c->learner_uuid : "?",
              c->field != NULL ? c->field : "?",
              kept_text, c->remote_won ? c->remote_origin : c->local_origin,
              other_text, c->remote_won ? c->local_origin : c->remote_origin);
    }
}

static int
export_to (PlStore    *store,
           const char *out,
           const char *recipient,
           gboolean    incremental)
{
  g_autoptr(GFile) dest = g_file_new_for_commandline_arg (out);
  g_autoptr(PlBundleManifest) manifest = NULL;
  g_autoptr(GError) error = NULL;
  PlBundleExportOptions options = { recipient, incremental, NULL, NULL };

  if (!pl_bundle_export (store, dest, &options, &manifest, NULL, &error))
    return pl_cli_fail_error (error);
  printf (g_dngettext (NULL, "%s: %" PRIu64 " record (%s)\n",
                       "%s: %" PRIu64 " records (%s)\n", manifest->total),
          out, manifest->total,
          g_hash_table_size (manifest->base) > 0 ? _("changes only") : _("everything"));
  return 0;
}

int
pl_cli_export_bundle (PlCliOptions  *o,
                      int            argc,
                      char         **argv)
{
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hub = NULL;
  const char *recipient = NULL;
  const char *out = NULL;
  gboolean full = FALSE;

  for (int i = 1; i < argc;)
    {
      if (strcmp (argv[i], "--full") == 0)
        full = TRUE, i++;
      else if (take_option (argc, argv, &i, "--for", &recipient))
        ;
      else if (argv[i][0] != '-' && out == NULL)
        out = argv[i++];
      else
        return pl_cli_usage (argv[0]);
    }
  if (out == NULL)
    return pl_cli_usage (argv[0]);

  store = open_store (o, FALSE, &error);
  if (store == NULL)
    return pl_cli_fail_error (error);
  /* By default a device writes for its school's hub: only what the hub
   * does not hold yet, once the hub has said what it holds. */
  if (recipient == NULL)
    recipient = hub = pl_store_get_meta (store, "sync_hub");
  return export_to (store, out, recipient, !full);
}

static int
import_one (PlStore    *store,
            const char *path)
{
  g_autoptr(GFile) source = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  PlBundleImportResult result = { 0 };

  if (!pl_bundle_import (store, source, NULL, NULL, &result, NULL, &error))
    return pl_cli_fail_error (error);
  printf (_("%s: from %s (%s): records read %" PRIu64 ", changed %" PRIu64
            ", new conflicts %u\n"),
          path, result.manifest->sender,
          result.manifest->sender_name != NULL ? result.manifest->sender_name : result.manifest->sender_role,
          result.stats.received, result.stats.applied, result.stats.conflicts);
  pl_bundle_import_result_clear (&result);
  return 0;
}

int
pl_cli_import_bundle (PlCliOptions  *o,
                      int            argc,
                      char         **argv)
{
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (argc != 2 || argv[1][0] == '-')
    return pl_cli_usage (argv[0]);
  store = open_store (o, FALSE, &error);
  if (store == NULL)
    return pl_cli_fail_error (error);
  status = import_one (store, argv[1]);
  if (status == 0)
    print_conflicts (store);
  return status;
}

int
pl_cli_school (PlCliOptions  *o,
               int            argc,
               char         **argv)
{
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = NULL;
  const char *key = NULL;

  for (int i = 1; i < argc;)
    {
      if (!take_option (argc, argv, &i, "--id", &id) &&
          !take_option (argc, argv, &i, "--key", &key))
        return pl_cli_usage (argv[0]);
    }
  if (id == NULL || key == NULL)
    return pl_cli_usage (argv[0]);

  /* The option that is wrong comes first in the message. */
  if (!pl_sync_check_school_id (id, &error))
    return pl_cli_fail ("--id: %s", error->message);
  if (!pl_sync_check_key (key, &error))
    return pl_cli_fail ("--key: %s", error->message);
  store = open_store (o, TRUE, &error);
  if (store == NULL)
    return pl_cli_fail_error (error);
  if (!pl_sync_join_school (store, id, key, &error))
    return pl_cli_fail_error (error);
  printf (_("joined school %s\n"), id);
  return 0;
}

/* ---- hub ----------------------------------------------------------- */

static PlStore *
open_hub (PlCliOptions  *o,
          GError       **error)
{
  g_autoptr(PlStore) store = open_store (o, FALSE, error);

  if (store == NULL)
    return NULL;
  if (!pl_sync_is_hub (store))
    {
      g_set_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_NO_SCHOOL,
                   _("%s: not a school hub database (create one with “hub init --school NAME”)"),
                   pl_store_get_path (store));
      return NULL;
    }
  return g_steal_pointer (&store);
}

static int
hub_init (PlCliOptions  *o,
          int            argc,
          char         **argv)
{
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *key = NULL;
  const char *name = NULL;

  for (int i = 2; i < argc;)
    if (!take_option (argc, argv, &i, "--school", &name))
      return pl_cli_usage ("hub");
  if (name == NULL)
    return pl_cli_usage ("hub");

  store = open_store (o, TRUE, &error);
  if (store == NULL)
    return pl_cli_fail_error (error);
  if (!pl_sync_hub_init (store, name, &id, &key, &error))
    return pl_cli_fail_error (error);
  printf ("school: %s\n", id);
  printf ("key: %s\n", key);
  return 0;
}

static int
hub_import (PlCliOptions  *o,
            int            argc,
            char         **argv)
{
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (argc < 3)
    return pl_cli_usage ("hub");
  store = open_hub (o, &error);
  if (store == NULL)
    return pl_cli_fail_error (error);

  /* All or nothing for the whole command: every bundle is checked before
   * the first one is merged. */
  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GFile) source = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(PlBundleManifest) manifest = pl_bundle_verify (store, source, NULL, &error);

      if (manifest == NULL)
        return pl_cli_fail_error (error);
    }
  if (!pl_store_begin (store, &error))
    return pl_cli_fail_error (error);
  for (int i = 2; i < argc; i++)
    if (import_one (store, argv[i]) != 0)
      {
        pl_store_rollback (store);
        return 1;
      }
  if (!pl_store_commit (store, &error))
    return pl_cli_fail_error (error);
  return 0;
}

static int
hub_export (PlCliOptions  *o,
            int            argc,
            char         **argv)
{
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *device = NULL;
  const char *out = NULL;
  gboolean full = FALSE;

  for (int i = 2; i < argc;)
    {
      if (strcmp (argv[i], "--full") == 0)
        full = TRUE, i++;
      else if (take_option (argc, argv, &i, "--device", &device))
        ;
      else if (argv[i][0] != '-' && out == NULL)
        out = argv[i++];
      else
        return pl_cli_usage ("hub");
    }
  if (device == NULL || out == NULL)
    return pl_cli_usage ("hub");

  store = open_hub (o, &error);
  if (store == NULL)
    return pl_cli_fail_error (error);
  return export_to (store, out, device, !full);
}

static int
hub_status (PlCliOptions  *o,
            int            argc,
            char         **argv)
{
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) peers = NULL;
  g_autofree char *school = NULL;
  g_autoptr(PlRecord) record = NULL;

  if (argc != 2)
    return pl_cli_usage ("hub");
  store = open_hub (o, &error);
  if (store == NULL)
    return pl_cli_fail_error (error);
  peers = pl_store_sync_list_peers (store, &error);
  if (peers == NULL)
    return pl_cli_fail_error (error);

  school = pl_store_get_meta (store, "school_id");
  record = pl_store_get (store, PL_TYPE_SCHOOL, school, NULL);
  printf ("school: %s (%s)\n", school,
          record != NULL ? pl_record_get_string (record, "name") : "");
  printf (_("devices: %u\n"), peers->len);
  for (guint i = 0; i < peers->len; i++)
    {
      PlSyncPeer *p = peers->pdata[i];

      printf ("%s\t%s\t%s %s (%" PRIu64 ")\t%s %s (%" PRIu64 ")\n",
              p->device, p->name != NULL ? p->name : "-",
              _("last import:"), p->imported_at != NULL ? p->imported_at : _("never"),
              p->imported_rows,
              _("last export:"), p->exported_at != NULL ? p->exported_at : _("never"),
              p->exported_rows);
    }
  return 0;
}

int
pl_cli_hub (PlCliOptions  *o,
            int            argc,
            char         **argv)
{
  if (argc < 2)
    return pl_cli_usage (argv[0]);
  if (strcmp (argv[1], "init") == 0)
    return hub_init (o, argc, argv);
  if (strcmp (argv[1], "import") == 0)
    return hub_import (o, argc, argv);
  if (strcmp (argv[1], "export") == 0)
    return hub_export (o, argc, argv);
  if (strcmp (argv[1], "status") == 0)
    return hub_status (o, argc, argv);
  return pl_cli_usage (argv[0]);
}
