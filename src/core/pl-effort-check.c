/* pl-effort-check.c — does a rubric criterion grade effort instead of learning?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "pl-effort-check.h"

/* Phrases as they look after folding: lower case, accents removed, every
 * run of non-alphanumeric characters one space. Longer phrases first where
 * one contains another, so the reason names the whole phrase. */
typedef struct
{
  const char   *phrase;
  PlEffortKind  kind;
} Phrase;

static const Phrase phrases[] = {
  /* English */
  { "homework done", PL_EFFORT_COMPLETION },
  { "homework completed", PL_EFFORT_COMPLETION },
  { "homework", PL_EFFORT_COMPLETION },
  { "completed", PL_EFFORT_COMPLETION },
  { "completion", PL_EFFORT_COMPLETION },
  { "finished", PL_EFFORT_COMPLETION },
  { "turned in", PL_EFFORT_COMPLETION },
  { "handed in", PL_EFFORT_COMPLETION },
  { "all work done", PL_EFFORT_COMPLETION },
  { "effort", PL_EFFORT_EFFORT },
  { "tries hard", PL_EFFORT_EFFORT },
  { "trying hard", PL_EFFORT_EFFORT },
  { "works hard", PL_EFFORT_EFFORT },
  { "hard work", PL_EFFORT_EFFORT },
  { "on time", PL_EFFORT_TIMELINESS },
  { "late", PL_EFFORT_TIMELINESS },
  { "punctual", PL_EFFORT_TIMELINESS },
  { "punctuality", PL_EFFORT_TIMELINESS },
  { "deadline", PL_EFFORT_TIMELINESS },
  { "neatness", PL_EFFORT_PRESENTATION },
  { "neat", PL_EFFORT_PRESENTATION },
  { "neatly", PL_EFFORT_PRESENTATION },
  { "tidy", PL_EFFORT_PRESENTATION },
  { "tidiness", PL_EFFORT_PRESENTATION },
  { "participation", PL_EFFORT_BEHAVIOUR },
  { "participates", PL_EFFORT_BEHAVIOUR },
  { "attendance", PL_EFFORT_BEHAVIOUR },
  { "behavior", PL_EFFORT_BEHAVIOUR },
  { "behaviour", PL_EFFORT_BEHAVIOUR },
  { "attitude", PL_EFFORT_BEHAVIOUR },
  { "follows directions", PL_EFFORT_BEHAVIOUR },
  { "followed directions", PL_EFFORT_BEHAVIOUR },
  /* Spanish */
  { "tarea hecha", PL_EFFORT_COMPLETION },
  { "tareas hechas", PL_EFFORT_COMPLETION },
  { "deberes hechos", PL_EFFORT_COMPLETION },
  { "deberes", PL_EFFORT_COMPLETION },
  { "completado", PL_EFFORT_COMPLETION },
  { "completada", PL_EFFORT_COMPLETION },
  { "terminado", PL_EFFORT_COMPLETION },
  { "terminada", PL_EFFORT_COMPLETION },
  { "entregado", PL_EFFORT_COMPLETION },
  { "entregada", PL_EFFORT_COMPLETION },
  { "esfuerzo", PL_EFFORT_EFFORT },
  { "se esfuerza", PL_EFFORT_EFFORT },
  { "a tiempo", PL_EFFORT_TIMELINESS },
  { "puntualidad", PL_EFFORT_TIMELINESS },
  { "puntual", PL_EFFORT_TIMELINESS },
  { "tarde", PL_EFFORT_TIMELINESS },
  { "limpieza", PL_EFFORT_PRESENTATION },
  { "prolijidad", PL_EFFORT_PRESENTATION },
  { "prolijo", PL_EFFORT_PRESENTATION },
  { "ordenado", PL_EFFORT_PRESENTATION },
  { "participacion", PL_EFFORT_BEHAVIOUR },
  { "participa", PL_EFFORT_BEHAVIOUR },
  { "asistencia", PL_EFFORT_BEHAVIOUR },
  { "conducta", PL_EFFORT_BEHAVIOUR },
  { "comportamiento", PL_EFFORT_BEHAVIOUR },
  { "actitud", PL_EFFORT_BEHAVIOUR },
};

/* One character of folded text and where its source character starts and
 * ends in the original string. */
typedef struct
{
  gunichar c;
  gsize    start;
  gsize    end;
} Folded;

static gunichar
fold_char (gunichar c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));

  /* The first character of the canonical decomposition is the base
   * letter: "ó" → "o", "ñ" → "n". */
  if (n > 0)
    c = decomposed[0];
  if (!g_unichar_isalnum (c))
    return ' ';
  return g_unichar_tolower (c);
}

static GArray *
fold_text (const char *text)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Folded));
  const char *p = text;

  while (*p != '\0')
    {
      const char *next = g_utf8_next_char (p);
      Folded f = { fold_char (g_utf8_get_char (p)), p - text, next - text };

      /* Runs of separators collapse to one space. */
      if (f.c != ' ' || (out->len > 0 && g_array_index (out, Folded, out->len - 1).c != ' '))
        g_array_append_val (out, f);
      p = next;
    }
  return out;
}

static gboolean
matches_at (const GArray *folded,
            guint         at,
            const char   *phrase,
            guint        *out_end)
{
  guint i = at;

  if (at > 0 && g_array_index (folded, Folded, at - 1).c != ' ')
    return FALSE;
  for (const char *q = phrase; *q != '\0'; q++, i++)
    if (i >= folded->len || g_array_index (folded, Folded, i).c != (gunichar) *q)
      return FALSE;
  if (i < folded->len && g_array_index (folded, Folded, i).c != ' ')
    return FALSE;
  *out_end = i;
  return TRUE;
}

static char *
reason_for (PlEffortKind  kind,
            const char   *match)
{
  switch (kind)
    {
    case PL_EFFORT_EFFORT:
      return g_strdup_printf (_("“%s” rates effort, not what the learner knows or can do; "
                                "report effort apart from the grade."), match);
    case PL_EFFORT_COMPLETION:
      return g_strdup_printf (_("“%s” rates completion or handing work in, not the quality "
                                "of the learning it shows."), match);
    case PL_EFFORT_TIMELINESS:
      return g_strdup_printf (_("“%s” rates timeliness; lateness is a work habit better "
                                "reported apart from the standard."), match);
    case PL_EFFORT_PRESENTATION:
      return g_strdup_printf (_("“%s” rates neatness or presentation rather than the "
                                "standard the criterion is aligned to."), match);
    case PL_EFFORT_BEHAVIOUR:
      return g_strdup_printf (_("“%s” rates participation or behaviour, not learning; "
                                "report it apart from the grade."), match);
    case PL_EFFORT_NONE:
    default:
      return NULL;
    }
}

PlEffortKind
pl_effort_check (const char  *text,
                 char       **out_reason,
                 char       **out_match)
{
  g_autoptr(GArray) folded = NULL;

  if (out_reason != NULL)
    *out_reason = NULL;
  if (out_match != NULL)
    *out_match = NULL;
  if (text == NULL || *text == '\0')
    return PL_EFFORT_NONE;
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), PL_EFFORT_NONE);

  folded = fold_text (text);
  /* The earliest match in the text wins; at one position, the phrase
   * listed first (the longer one) wins. */
  for (guint at = 0; at < folded->len; at++)
    {
      if (g_array_index (folded, Folded, at).c == ' ')
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (phrases); k++)
        {
          guint end;

          if (matches_at (folded, at, phrases[k].phrase, &end))
            {
              gsize from = g_array_index (folded, Folded, at).start;
              gsize to = g_array_index (folded, Folded, end - 1).end;
              g_autofree char *match = g_strndup (text + from, to - from);

              if (out_reason != NULL)
                *out_reason = reason_for (phrases[k].kind, match);
              if (out_match != NULL)
                *out_match = g_steal_pointer (&match);
              return phrases[k].kind;
            }
        }
    }
  return PL_EFFORT_NONE;
}
