/* pl-smart-goal.c — gentle guidance towards a SMART goal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "pl-smart-goal.h"

/* Lower-case words, in English and Spanish, since learners write in both. */
static const char * const measure_words[] = {
  "level", "score", "times", "pages", "minutes", "percent", "%", "at least", "proficient",
  "exceeding", "rubric", "out of", "every", "each", "nivel", "veces", "páginas", "minutos",
  "al menos", "cada", NULL
};

static const char * const time_words[] = {
  "by ", "before", "until", "week", "month", "monday", "tuesday", "wednesday", "thursday",
  "friday", "end of", "unit", "term", "tomorrow", "para el", "antes", "semana", "mes", "lunes",
  "martes", "miércoles", "jueves", "viernes", NULL
};

static const char * const vague_words[] = {
  "better", "more", "good", "best", "harder", "mejor", "más", NULL
};

static const char * const absolute_words[] = {
  "always", "never", "perfect", "100%", "every single", "all of them", "siempre", "nunca",
  "perfecto", NULL
};

static gboolean
contains_any (const char         *text,
              const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (text, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
has_digit (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  return FALSE;
}

static guint
word_count (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    n += words[i][0] != '\0';
  return n;
}

PlSmartFlags
pl_smart_goal_check (const char *body,
                     gboolean    linked,
                     gboolean    has_target_date)
{
  g_autofree char *text = NULL;
  PlSmartFlags flags = 0;
  guint words;

  if (body == NULL)
    return linked ? PL_SMART_RELEVANT : 0;
  text = g_utf8_strdown (body, -1);
  words = word_count (text);

  /* Specific: enough words to say what and how, not only "do better". */
  if (words >= 6 || (words >= 4 && !contains_any (text, vague_words)))
    flags |= PL_SMART_SPECIFIC;
  if (has_digit (text) || contains_any (text, measure_words))
    flags |= PL_SMART_MEASURABLE;
  if (words > 0 && !contains_any (text, absolute_words))
    flags |= PL_SMART_ACHIEVABLE;
  if (linked)
    flags |= PL_SMART_RELEVANT;
  if (has_target_date || contains_any (text, time_words))
    flags |= PL_SMART_TIME_BOUND;
  return flags;
}

const char *
pl_smart_goal_hint (PlSmartFlags missing)
{
  switch (missing)
    {
    case PL_SMART_SPECIFIC:
      return _("Say exactly what you will do or learn, and how.");
    case PL_SMART_MEASURABLE:
      return _("How will you know you got there? A level, a number or a piece of work to show.");
    case PL_SMART_ACHIEVABLE:
      return _("Words like “always” or “perfect” make a goal hard to reach; is it within reach this unit?");
    case PL_SMART_RELEVANT:
      return _("Link the goal to a standard or a milestone of the unit.");
    case PL_SMART_TIME_BOUND:
      return _("By when? Give a date or a week.");
    default:
      return "";
    }
}

const char *
pl_smart_goal_label (PlSmartFlags quality)
{
  switch (quality)
    {
    case PL_SMART_SPECIFIC:
      return _("Specific");
    case PL_SMART_MEASURABLE:
      return _("Measurable");
    case PL_SMART_ACHIEVABLE:
      return _("Achievable");
    case PL_SMART_RELEVANT:
      return _("Relevant");
    case PL_SMART_TIME_BOUND:
      return _("Time-bound");
    default:
      return "";
    }
}
