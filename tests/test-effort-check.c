/* test-effort-check.c — criteria that grade effort or completion are flagged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core/pl-effort-check.h"

typedef struct
{
  const char   *text;
  PlEffortKind  kind;
  const char   *match;
} Case;

static void
test_flags_effort_words (void)
{
  static const Case cases[] = {
    { "Effort", PL_EFFORT_EFFORT, "Effort" },
    { "Shows effort in every task", PL_EFFORT_EFFORT, "effort" },
    { "Handed in on time", PL_EFFORT_COMPLETION, "Handed in" },
    { "Work is on-time", PL_EFFORT_TIMELINESS, "on-time" },
    { "Assignment completed", PL_EFFORT_COMPLETION, "completed" },
    { "Neatness of the poster", PL_EFFORT_PRESENTATION, "Neatness" },
    { "Class participation", PL_EFFORT_BEHAVIOUR, "participation" },
    { "Homework done", PL_EFFORT_COMPLETION, "Homework done" },
    { "HOMEWORK   DONE!", PL_EFFORT_COMPLETION, "HOMEWORK   DONE" },
    /* Spanish, with and without accents */
    { "Participación en clase", PL_EFFORT_BEHAVIOUR, "Participación" },
    { "Participacion", PL_EFFORT_BEHAVIOUR, "Participacion" },
    { "Entrega a tiempo", PL_EFFORT_TIMELINESS, "a tiempo" },
    { "Esfuerzo y dedicación", PL_EFFORT_EFFORT, "Esfuerzo" },
    { "Limpieza del cuaderno", PL_EFFORT_PRESENTATION, "Limpieza" },
    { "Tarea hecha", PL_EFFORT_COMPLETION, "Tarea hecha" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *reason = NULL;
      g_autofree char *match = NULL;
      PlEffortKind kind = pl_effort_check (cases[i].text, &reason, &match);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (kind, ==, cases[i].kind);
      g_assert_cmpstr (match, ==, cases[i].match);
      g_assert_nonnull (reason);
      /* The reason names the word it found. */
      g_assert_nonnull (strstr (reason, cases[i].match));
    }
}

static void
test_respects_word_boundaries (void)
{
  static const char * const learning[] = {
    "Translates the passage accurately",      /* "late" inside a word */
    "Effortlessly explains the model",        /* "effort" inside a word */
    "Uses complete sentences",                /* "complete" is about writing */
    "Analyses the relationship of variables",
    "Chocolate chemistry lab: states a hypothesis", /* "late" at a word's end */
    "Identifies the main idea",
    "Explica la fotosíntesis con precisión",
    "Interpreta datos de la tabla",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (learning); i++)
    {
      g_autofree char *reason = NULL;
      g_autofree char *match = NULL;

      g_test_message ("%s", learning[i]);
      g_assert_cmpint (pl_effort_check (learning[i], &reason, &match), ==, PL_EFFORT_NONE);
      g_assert_null (reason);
      g_assert_null (match);
    }
  g_assert_cmpint (pl_effort_check (NULL, NULL, NULL), ==, PL_EFFORT_NONE);
}

static void
test_first_match_wins (void)
{
  g_autofree char *match = NULL;

  /* The earliest phrase in the text is the one reported. */
  g_assert_cmpint (pl_effort_check ("Neat work handed in late", NULL, &match), ==,
                   PL_EFFORT_PRESENTATION);
  g_assert_cmpstr (match, ==, "Neat");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/effort-check/flags", test_flags_effort_words);
  g_test_add_func ("/effort-check/word-boundaries", test_respects_word_boundaries);
  g_test_add_func ("/effort-check/first-match", test_first_match_wins);

  return g_test_run ();
}
