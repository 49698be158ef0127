/* gen-bundle-seeds.c — writes the fuzzing seed corpus into a folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "fuzz-bundle-target.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) seeds = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: gen-bundle-seeds FOLDER\n");
      return 2;
    }
  if (g_mkdir_with_parents (argv[1], 0755) != 0)
    {
      g_printerr ("gen-bundle-seeds: %s: cannot create the folder\n", argv[1]);
      return 1;
    }
  seeds = pl_fuzz_bundle_make_seeds ();
  for (guint i = 0; i < seeds->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/seed-%u.plbundle", argv[1], i);
      g_autoptr(GError) error = NULL;
      gsize len = 0;
      const char *data = g_bytes_get_data (seeds->pdata[i], &len);

      if (!g_file_set_contents (path, data, (gssize) len, &error))
        {
          g_printerr ("gen-bundle-seeds: %s\n", error->message);
          return 1;
        }
      g_print ("%s (%" G_GSIZE_FORMAT " bytes)\n", path, len);
    }
  return 0;
}
