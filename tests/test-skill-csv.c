/* test-skill-csv.c — reading skill-practice logs for the engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "interop/pl-roster-error.h"
#include "interop/pl-skill-csv.h"

static char *
write_temp (const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("pl-skill-csv-XXXXXX.csv", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  return path;
}

static PlSkillCsv *
read_text (const char  *contents,
           GError     **error)
{
  g_autofree char *path = write_temp (contents);
  PlSkillCsv *csv = pl_skill_csv_read (path, error);

  g_unlink (path);
  return csv;
}

static void
test_skill_csv_groups_and_orders (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlSkillCsv) csv = NULL;

  /* Columns in another order, an extra column, a quoted name with a
   * comma, rows out of order, and two rows with the same order_id (they
   * keep their order in the file). */
  csv = read_text ("correct,extra,user_id,skill_name,order_id\r\n"
                   "1,x,bea,\"fractions, equivalent\",30\r\n"
                   "0,x,al,decimals,5\r\n"
                   "0,x,bea,\"fractions, equivalent\",10\r\n"
                   "1,x,al,\"fractions, equivalent\",7\r\n"
                   "1,x,bea,\"fractions, equivalent\",20\r\n"
                   "0,x,bea,\"fractions, equivalent\",20\r\n"
                   "1,x,al,decimals,2\r\n",
                   &error);
  g_assert_no_error (error);
  g_assert_nonnull (csv);

  g_assert_cmpuint (csv->n_rows, ==, 7);
  g_assert_cmpuint (csv->n_skills, ==, 2);
  g_assert_cmpstr (csv->skill_names[0], ==, "fractions, equivalent");
  g_assert_cmpstr (csv->skill_names[1], ==, "decimals");
  g_assert_null (csv->skill_names[2]);
  g_assert_cmpuint (csv->n_users, ==, 2);
  g_assert_cmpstr (csv->user_ids[0], ==, "bea");
  g_assert_cmpstr (csv->user_ids[1], ==, "al");
  g_assert_cmpint (pl_skill_csv_find_skill (csv, "decimals"), ==, 1);
  g_assert_cmpint (pl_skill_csv_find_skill (csv, "algebra"), ==, -1);

  /* fractions: bea (10, 20, 20, 30), al (7); decimals: al (2, 5). */
  g_assert_cmpuint (csv->n_sequences, ==, 3);
  g_assert_cmpuint (csv->skill_offsets[0], ==, 0);
  g_assert_cmpuint (csv->skill_offsets[1], ==, 2);
  g_assert_cmpuint (csv->skill_offsets[2], ==, 3);
  g_assert_cmpuint (csv->seq_users[0], ==, 0);
  g_assert_cmpuint (csv->seq_users[1], ==, 1);
  g_assert_cmpuint (csv->seq_users[2], ==, 1);
  g_assert_cmpuint (csv->seq_offsets[0], ==, 0);
  g_assert_cmpuint (csv->seq_offsets[1], ==, 4);
  g_assert_cmpuint (csv->seq_offsets[2], ==, 5);
  g_assert_cmpuint (csv->seq_offsets[3], ==, 7);
  {
    const guint8 expect[] = { 0, 1, 0, 1, 1, 1, 0 };

    g_assert_cmpmem (csv->correct, 7, expect, 7);
  }
}

static void
test_skill_csv_header_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlSkillCsv) csv = read_text ("order_id,user_id,skill_name,correct\n", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (csv->n_rows, ==, 0);
  g_assert_cmpuint (csv->n_skills, ==, 0);
  g_assert_cmpuint (csv->n_sequences, ==, 0);
  g_assert_cmpuint (csv->seq_offsets[0], ==, 0);
}

static void
test_skill_csv_errors (void)
{
  static const struct
  {
    const char *text;
    int code;
    const char *where;
  } cases[] = {
    { "order_id,user_id,correct\n1,a,1\n", PL_ROSTER_ERROR_MISSING_COLUMN, "line 1" },
    { "order_id,user_id,skill_name,correct\n1,a,s,1\n2,a,s,2\n", PL_ROSTER_ERROR_BAD_VALUE,
      "line 3, column 4 (correct)" },
    { "order_id,user_id,skill_name,correct\n1,a,s,1\n1.5,a,s,1\n", PL_ROSTER_ERROR_BAD_VALUE,
      "line 3, column 1 (order_id)" },
    { "order_id,user_id,skill_name,correct\n1,,s,1\n", PL_ROSTER_ERROR_BAD_VALUE,
      "line 2, column 2 (user_id)" },
    { "order_id,user_id,skill_name,correct\n1,a,,1\n", PL_ROSTER_ERROR_BAD_VALUE,
      "line 2, column 3 (skill_name)" },
    { "order_id,user_id,skill_name,correct\n1,a,s\n", PL_ROSTER_ERROR_CELL_COUNT, "line 2" },
    { "", PL_ROSTER_ERROR_EMPTY, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlSkillCsv) csv = read_text (cases[i].text, &error);

      g_assert_null (csv);
      g_assert_error (error, PL_ROSTER_ERROR, cases[i].code);
      if (cases[i].where != NULL && strstr (error->message, cases[i].where) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].where);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_null (pl_skill_csv_read ("no-such-file.csv", &error));
    g_assert_error (error, PL_ROSTER_ERROR, PL_ROSTER_ERROR_NOT_FOUND);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/skill-csv/groups-and-orders", test_skill_csv_groups_and_orders);
  g_test_add_func ("/skill-csv/header-only", test_skill_csv_header_only);
  g_test_add_func ("/skill-csv/errors", test_skill_csv_errors);

  return g_test_run ();
}
