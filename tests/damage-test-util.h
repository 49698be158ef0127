/* damage-test-util.h — a real database file with damaged data pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>
#include <string.h>

#include "core/pl-core.h"
#include "core/pl-demo.h"

/* Writes a demo classroom to PATH and overwrites whole leaf pages of the
 * notes and the evidence with garbage, as a failing disk would: the file
 * header and the schema stay intact, so the file opens, and reading the
 * learners works, but the data of those tables cannot be read. */
static inline void
damage_test_make_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gsize len = 0;
  int page_size = 0;
  guint damaged = 0;

  {
    g_autoptr(PlStore) store = pl_store_open (path, &error);
    PlDemoOptions options;

    g_assert_no_error (error);
    pl_demo_options_init (&options);
    g_assert_true (pl_demo_generate (store, &options, NULL, &error));
    g_assert_no_error (error);
  }

  /* The last connection closed: the log is folded into the file. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT pageno, (SELECT page_size FROM pragma_page_size)"
                                       " FROM dbstat WHERE name IN ('note', 'evidence')"
                                       " AND pagetype = 'leaf' AND pageno % 7 = 3",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gsize at;

      page_size = sqlite3_column_int (stmt, 1);
      at = (gsize) (sqlite3_column_int (stmt, 0) - 1) * (gsize) page_size;
      g_assert_cmpuint (at + page_size, <=, len);
      for (int i = 0; i < page_size; i++)
        contents[at + i] = (char) (0xa5 ^ (i * 31));
      damaged++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (damaged, >=, 2);
  g_assert_true (g_file_set_contents (path, contents, (gssize) len, &error));
  g_assert_no_error (error);
}
