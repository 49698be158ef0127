/* gradebook-test-util.h — a small class for rubric and gradebook tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/pl-core.h"

typedef struct
{
  PlStore *store;
  char    *classroom;
  char    *learners[3];    /* Ada Lovelace, Grace Hopper, Alan Turing */
  char    *standards[2];   /* SCI.1, SCI.2 (unit standards of the class) */
} Fixture;

static char *
save_new (PlStore    *store,
          GType       type,
          const char *first_column,
          ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) record = g_object_new (type, NULL);
  va_list args;

  va_start (args, first_column);
  for (const char *column = first_column; column != NULL; column = va_arg (args, const char *))
    pl_record_set_string (record, column, va_arg (args, const char *));
  va_end (args);
  g_assert_true (pl_store_save (store, record, &error));
  g_assert_no_error (error);
  return g_strdup (pl_record_get_uuid (record));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  static const char *names[3][3] = {
    { "Ada", "Lovelace", "S-ADA" }, { "Grace", "Hopper", "S-GRACE" }, { "Alan", "Turing", NULL },
  };
  g_autofree char *unit = NULL;

  f->store = pl_store_open (NULL, &error);
  g_assert_no_error (error);
  f->classroom = save_new (f->store, PL_TYPE_CLASSROOM, "name", "Grade 7 Science",
                           "source_id", "C-7SCI", NULL);
  for (guint i = 0; i < 3; i++)
    {
      f->learners[i] = save_new (f->store, PL_TYPE_LEARNER, "given_name", names[i][0],
                                 "family_name", names[i][1], "source_id", names[i][2], NULL);
      g_free (save_new (f->store, PL_TYPE_ENROLLMENT, "classroom_uuid", f->classroom,
                        "learner_uuid", f->learners[i], "role", "student", NULL));
    }
  unit = save_new (f->store, PL_TYPE_UNIT, "classroom_uuid", f->classroom, "title", "Cells", NULL);
  for (guint j = 0; j < 2; j++)
    {
      g_autofree char *code = g_strdup_printf ("SCI.%u", j + 1);
      g_autofree char *statement = g_strdup_printf ("Statement %u", j + 1);
      g_autoptr(PlRecord) standard = NULL;

      f->standards[j] = save_new (f->store, PL_TYPE_STANDARD, "code", code,
                                  "statement", statement, NULL);
      standard = pl_store_get (f->store, PL_TYPE_STANDARD, f->standards[j], &error);
      pl_record_set_int (standard, "position", j);
      g_assert_true (pl_store_save (f->store, standard, &error));
      g_free (save_new (f->store, PL_TYPE_UNIT_STANDARD, "unit_uuid", unit,
                        "standard_uuid", f->standards[j], NULL));
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_free (f->classroom);
  for (guint i = 0; i < 3; i++)
    g_free (f->learners[i]);
  for (guint j = 0; j < 2; j++)
    g_free (f->standards[j]);
}
