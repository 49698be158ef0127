/* pl-demo.c — a realistic, reproducible demo school
 *
 * Rows are written straight through cached prepared statements inside one
 * transaction, not one record object per row, so that a 5,000-learner
 * school takes seconds. Everything random comes from our own generator
 * (PlRng), never from g_random, so a seed and a day always give the same
 * school.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "pl-demo.h"
#include "pl-demo-content.h"
#include "pl-rng.h"
#include "pl-store-learners.h"
#include "pl-store-private.h"

/* ---- the writer's parts ------------------------------------------ */

#define PICK(rng, array) ((array)[pl_rng_below ((rng), G_N_ELEMENTS (array))])

typedef enum
{
  PATH_IMPROVING,
  PATH_STEADY,
  PATH_STALLED,
  PATH_DROPPING,
  PATH_GAMING,
  PATH_SILENT,       /* stopped checking in (and mostly working) */
} Path;

/* ---- the writer ---------------------------------------------------- */

typedef struct
{
  PlStore      *store;
  PlRng           rng;
  GDate         start;        /* Monday of the first week of the unit */
  int           today_off;    /* days from start to today */
  gint64        stale_ms;     /* wall time of a stale profile's last edit */
  char          edited_at[21];  /* edited_at of the learner being written */
  guint64       seed;         /* the seed in use, part of source ids */
  const char   *origin;
  GHashTable   *statements;   /* columns literal → borrowed statement */
  gboolean      tombstone;    /* the next row is written deleted */
  guint         checkin_weekday;  /* 1 = Monday … 7 = Sunday */

  char          school[37];
  char          standards[N_STANDARDS][37];
} Demo;

static void
make_uuid (Demo *d,
           char  out[37])
{
  pl_rng_uuid (&d->rng, out);
}

/* Writes one row of TABLE: COLUMNS (a string literal, also the cache key)
 * lists the columns after the four sync columns and TYPES their values
 * in the variable arguments: 's' string (NULL: SQL NULL), 'i' int,
 * 'd' double, 'n' NULL (no argument). */
static gboolean
put (Demo        *d,
     GError     **error,
     const char  *table,
     const char  *uuid,
     const char  *columns,
     const char  *types,
     ...)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (d->statements, columns);
  guint64 hlc;
  va_list args;
  int index = 5;

  if (stmt == NULL)
    {
      g_autoptr(GString) sql = g_string_new (NULL);

      g_string_printf (sql, "INSERT INTO %s (uuid, updated_hlc, origin, deleted, %s) VALUES (?1, ?2, ?3, ?4",
                       table, columns);
      for (guint i = 0; types[i] != '\0'; i++)
        g_string_append_printf (sql, ", ?%u", i + 5);
      g_string_append_c (sql, ')');
      stmt = _pl_store_prepare (d->store, sql->str, error);
      if (stmt == NULL)
        return FALSE;
      g_hash_table_insert (d->statements, (gpointer) columns, stmt);
      _pl_store_mark_changed (d->store, table);
    }

  /* Like every local write, a clock past everything this database holds:
   * an older one would be left out of the next "changes only" bundle. */
  hlc = _pl_store_tick (d->store);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, (sqlite3_int64) hlc);
  sqlite3_bind_text (stmt, 3, d->origin, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, d->tombstone ? 1 : 0);
  d->tombstone = FALSE;

  va_start (args, types);
  for (const char *t = types; *t != '\0'; t++, index++)
    {
      switch (*t)
        {
        case 's':
          {
            const char *s = va_arg (args, const char *);

            if (s == NULL)
              sqlite3_bind_null (stmt, index);
            else
              sqlite3_bind_text (stmt, index, s, -1, SQLITE_TRANSIENT);
          }
          break;
        case 'i':
          sqlite3_bind_int (stmt, index, va_arg (args, int));
          break;
        case 'd':
          sqlite3_bind_double (stmt, index, va_arg (args, double));
          break;
        case 'n':
          sqlite3_bind_null (stmt, index);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  va_end (args);

  return _pl_store_step_done (d->store, stmt, error);
}

/* "YYYY-MM-DD" of the day OFFSET days after the unit starts. */
static void
day_iso (Demo *d,
         int   offset,
         char  out[11])
{
  GDate date = d->start;

  if (offset >= 0)
    g_date_add_days (&date, (guint) offset);
  else
    g_date_subtract_days (&date, (guint) -offset);
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
}

static void
moment_iso (Demo *d,
            int   offset,
            int   minute_of_day,
            char  out[21])
{
  char day[11];

  day_iso (d, offset, day);
  g_snprintf (out, 21, "%sT%02d:%02d:00Z", day, minute_of_day / 60, minute_of_day % 60);
}

/* A school-day moment: between 08:30 and 15:00. */
static int
school_minute (Demo *d)
{
  return 8 * 60 + 30 + (int) pl_rng_below (&d->rng, 390);
}

/* ---- the shared parts ---------------------------------------------- */

/* Fills d->standards from a demo framework already in the database;
 * FALSE when there is none (or it lacks a standard). */
static gboolean
find_demo_standards (Demo *d)
{
  sqlite3_stmt *stmt;
  guint found = 0;

  stmt = _pl_store_prepare (d->store,
                            "SELECT s.code, s.uuid FROM framework f"
                            " JOIN standard s ON s.framework_uuid = f.uuid AND s.deleted = 0"
                            " WHERE f.source_id = ?1 AND f.deleted = 0"
                            " ORDER BY f.uuid, s.position",
                            NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, "demo-sci-7", -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);

      for (guint i = 0; i < N_STANDARDS; i++)
        if (!(found & (1u << i)) && g_strcmp0 (code, standard_specs[i].code) == 0)
          {
            g_strlcpy (d->standards[i], (const char *) sqlite3_column_text (stmt, 1), 37);
            found |= 1u << i;
          }
    }
  sqlite3_reset (stmt);
  return found == (1u << N_STANDARDS) - 1;
}

static gboolean
write_school (Demo    *d,
              GError **error)
{
  char framework[37], link[37];
  g_autofree char *source_id = g_strdup_printf ("demo-%" PRIu64, d->seed);

  make_uuid (d, d->school);
  if (!put (d, error, "school", d->school, "name, source_id", "ss",
            "Riverbend Middle School", source_id))
    return FALSE;

  /* A second demo in one database shares the first one's standards, as
   * classes of one school do. */
  if (find_demo_standards (d))
    return TRUE;

  make_uuid (d, framework);
  if (!put (d, error, "framework", framework, "title, source_id, creator, version, subject", "sssss",
            "Grade 7 Science: Matter and Energy", "demo-sci-7", "Riverbend Science Department",
            "2024", "Science"))
    return FALSE;

  for (guint i = 0; i < N_STANDARDS; i++)
    {
      make_uuid (d, d->standards[i]);
      if (!put (d, error, "standard", d->standards[i],
                "framework_uuid, parent_uuid, code, statement, position, source_id, item_type",
                "snssiss", framework, standard_specs[i].code, standard_specs[i].statement,
                (int) i, standard_specs[i].code, "Standard"))
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (prerequisite_links); i++)
    {
      make_uuid (d, link);
      if (!put (d, error, "standard_link", link, "from_uuid, to_uuid, kind", "sss",
                d->standards[prerequisite_links[i][0]], d->standards[prerequisite_links[i][1]],
                "prerequisite"))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  char uuid[37];
  char unit[37];
  char milestones[3][37];
  char board[37];
  char options[9][37];
  char criteria[N_STANDARDS][37];
  guint n_lapsed;     /* learners who stopped checking in two weeks ago */
  guint n_late;       /* learners not checked in yet this week */
} ClassPlan;

static gboolean
write_class (Demo       *d,
             ClassPlan  *c,
             guint       index,
             guint       n_classes,
             GError    **error)
{
  g_autofree char *name = NULL;
  g_autofree char *period = g_strdup_printf ("%u", index % 7 + 1);
  char id[37], rubric[37], levels[4][37];
  char starts[11], ends[11], due[11];

  name = n_classes == 1 ? g_strdup ("Grade 7 Science")
                        : g_strdup_printf ("Grade 7 Science %u", index + 1);
  c->n_lapsed = c->n_late = 0;
  make_uuid (d, c->uuid);
  if (!put (d, error, "classroom", c->uuid,
            "school_uuid, name, subject, grade_level, period, source_id, mastery_method, mastery_param, archived",
            "sssssssdi", d->school, name, "Science", "7", period, NULL, "decaying-average", 65.0, 0))
    return FALSE;

  day_iso (d, 0, starts);
  day_iso (d, 41, ends);
  make_uuid (d, c->unit);
  if (!put (d, error, "unit", c->unit, "classroom_uuid, title, big_idea, goals, starts_on, ends_on",
            "ssssss", c->uuid, "Matter on the Move",
            "Everything around us is made of particles that move, rearrange and carry energy; "
            "that one model explains everyday changes, from rusting bikes to hand warmers.",
            "By the end of week 2, draw a particle model that explains the three states of water.\n"
            "By the end of week 4, use measured data to decide whether four changes are chemical reactions.\n"
            "By the end of week 4, show with a sealed-container experiment that mass is conserved within 2 %.\n"
            "By the end of week 6, design and test a device that changes temperature by at least 10 °C.\n"
            "Every week, on check-in day, record progress towards a personal goal in a check-in.",
            starts, ends))
    return FALSE;
  for (guint i = 0; i < N_STANDARDS; i++)
    {
      make_uuid (d, id);
      if (!put (d, error, "unit_standard", id, "unit_uuid, standard_uuid", "ss", c->unit, d->standards[i]))
        return FALSE;
    }
  for (guint i = 0; i < 3; i++)
    {
      make_uuid (d, c->milestones[i]);
      day_iso (d, milestone_specs[i].due_day, due);
      if (!put (d, error, "milestone", c->milestones[i],
                "unit_uuid, title, due_on, must_do, reflection_prompt, position", "sssisi",
                c->unit, milestone_specs[i].title, due, 1, milestone_specs[i].prompt, (int) i))
        return FALSE;
    }

  make_uuid (d, c->board);
  if (!put (d, error, "board", c->board,
            "unit_uuid, classroom_uuid, title, layout, n_rows, n_cols, picks_required, three_in_row, max_per_row, max_per_col",
            "ssssiiiiii", c->unit, c->uuid, "Matter on the Move: tic-tac-toe", "grid", 3, 3, 3, 1, 0, 0))
    return FALSE;
  make_uuid (d, id);
  if (!put (d, error, "board_assignment", id, "board_uuid, classroom_uuid, learner_uuid", "ssn",
            c->board, c->uuid))
    return FALSE;
  for (guint i = 0; i < 9; i++)
    {
      const OptionSpec *o = &option_specs[i];

      make_uuid (d, c->options[i]);
      if (!put (d, error, "choice_option", c->options[i],
                "board_uuid, title, description, format, tier, grouping, minutes, tags, grid_row, grid_col, required, section",
                "ssssisisiiis", c->board, o->title, o->description, o->format, o->tier, o->grouping,
                o->minutes, o->tags, (int) i / 3, (int) i % 3, i == 4 ? 1 : 0, "grid"))
        return FALSE;
      for (guint k = 0; k < 2; k++)
        {
          if (o->standards[k] < 0)
            continue;
          make_uuid (d, id);
          if (!put (d, error, "option_standard", id, "option_uuid, standard_uuid", "ss",
                    c->options[i], d->standards[o->standards[k]]))
            return FALSE;
        }
    }

  make_uuid (d, rubric);
  if (!put (d, error, "rubric", rubric, "classroom_uuid, title, description", "sss", c->uuid,
            "Matter on the Move: standards rubric",
            "One criterion per standard of the unit; score each piece of evidence on every criterion it shows."))
    return FALSE;
  for (guint l = 0; l < 4; l++)
    {
      make_uuid (d, levels[l]);
      if (!put (d, error, "level", levels[l], "rubric_uuid, title, points, min_points, max_points, position",
                "ssdnni", rubric, level_titles[l], (double) (l + 1), (int) l))
        return FALSE;
    }
  for (guint s = 0; s < N_STANDARDS; s++)
    {
      make_uuid (d, c->criteria[s]);
      if (!put (d, error, "criterion", c->criteria[s], "rubric_uuid, title, standard_uuid, position", "sssi",
                rubric, standard_specs[s].short_title, d->standards[s], (int) s))
        return FALSE;
      for (guint l = 0; l < 4; l++)
        {
          g_autofree char *body = NULL;
          const char *verb = standard_specs[s].verb;

          switch (l)
            {
            case 0:
              body = g_strdup_printf ("With support, begins to %s; ideas are incomplete or hold misconceptions.", verb);
              break;
            case 1:
              body = g_strdup_printf ("Partly able to %s; some key parts are missing or unclear.", verb);
              break;
            case 2:
              body = g_strdup_printf ("Independently able to %s, accurately and with evidence.", verb);
              break;
            default:
              body = g_strdup_printf ("Able to %s and to apply it to a new situation, explaining its limits.", verb);
              break;
            }
          make_uuid (d, id);
          if (!put (d, error, "descriptor", id, "criterion_uuid, level_uuid, body", "sss",
                    c->criteria[s], levels[l], body))
            return FALSE;
        }
    }
  return TRUE;
}

/* ---- learners ------------------------------------------------------ */

typedef struct
{
  char    uuid[37];
  Path    path;
  double  start_level;   /* expected score at the start and at today */
  double  end_level;
  gboolean incomplete;
  gboolean stale;
  const char *given;
  const char *interest;
} LearnerPlan;

/* The expected score of PLAN at day DAY on standard S. */
static double
expected_score (Demo              *d,
                const LearnerPlan *plan,
                int                day,
                guint              s)
{
  double t = d->today_off > 0 ? CLAMP ((double) day / d->today_off, 0.0, 1.0) : 1.0;

  return plan->start_level + (plan->end_level - plan->start_level) * t - standard_specs[s].difficulty;
}

static double
draw_score (Demo              *d,
            const LearnerPlan *plan,
            int                day,
            guint              s)
{
  double noise = plan->path == PATH_STALLED ? 0.3 : 0.5;
  double v = expected_score (d, plan, day, s) + noise * pl_rng_normal (&d->rng);

  return CLAMP (round (v), 1.0, 4.0);
}

static gboolean
write_profile (Demo         *d,
               LearnerPlan  *p,
               GError      **error)
{
  const char *fields[11] = { NULL };
  g_autofree char *interest_text = NULL, *strength_text = NULL, *need_text = NULL;
  g_autofree char *prefs = NULL, *languages = NULL, *accommodations = NULL;
  gboolean iep = pl_rng_chance (&d->rng, 0.12);
  gboolean plan_504 = !iep && pl_rng_chance (&d->rng, 0.08);
  gboolean language_learner = pl_rng_chance (&d->rng, 0.16);
  const char *lang = PICK (&d->rng, home_languages);
  const char *second = PICK (&d->rng, interests);
  guint p1 = pl_rng_below (&d->rng, G_N_ELEMENTS (preferences));
  guint p2 = (p1 + 1 + pl_rng_below (&d->rng, G_N_ELEMENTS (preferences) - 1)) % G_N_ELEMENTS (preferences);
  static const char *names[11] = {
    "interests", "strengths", "needs", "learning_preferences", "goals", "experiences",
    "languages", "accommodations", "iep", "plan_504", "language_learner",
  };

  interest_text = g_strdup_printf ("%s, %s", p->interest, second != p->interest ? second : "science videos");
  strength_text = g_strdup_printf ("%s; %s", PICK (&d->rng, strengths), PICK (&d->rng, strengths));
  need_text = g_strdup (PICK (&d->rng, needs));
  prefs = g_strdup_printf ("%s,%s", preferences[p1], preferences[p2]);
  if (language_learner)
    languages = g_strdup_printf ("%s (home), English", lang);
  else if (pl_rng_chance (&d->rng, 0.4))
    languages = g_strdup_printf ("English, %s", lang);
  else
    languages = g_strdup ("English");
  if (iep || plan_504 || language_learner)
    accommodations = g_strdup_printf ("%s%s%s",
                                      iep ? "IEP: extended time (1.5×) on assessments; directions read aloud and checked. " : "",
                                      plan_504 ? "504 plan: preferential seating; movement break every 20 minutes; typed answers allowed. " : "",
                                      language_learner ? "Language support: bilingual glossary, sentence frames, visuals for key words." : "");
  if (accommodations != NULL)
    g_strchomp (accommodations);

  fields[0] = interest_text;
  fields[1] = strength_text;
  fields[2] = need_text;
  fields[3] = prefs;
  fields[4] = PICK (&d->rng, personal_goals);
  fields[5] = PICK (&d->rng, experiences);
  fields[6] = languages;
  fields[7] = accommodations != NULL ? accommodations : "";
  fields[8] = iep ? "true" : "false";
  fields[9] = plan_504 ? "true" : "false";
  fields[10] = language_learner ? "true" : "false";

  if (p->incomplete)
    {
      /* Only a few fields filled in so far. */
      guint keep = pl_rng_below (&d->rng, 3);

      for (guint i = 1; i < 8; i++)
        if (i != keep + 1 && !(i == 7 && accommodations != NULL))
          fields[i] = NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *uuid = NULL;

      if (fields[i] == NULL || (i == 7 && fields[i][0] == '\0'))
        continue;
      uuid = pl_store_profile_field_uuid (p->uuid, names[i]);
      if (!put (d, error, "profile_field", uuid, "learner_uuid, field, value, edited_at", "ssss",
                p->uuid, names[i], fields[i], d->edited_at))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_notes (Demo         *d,
             LearnerPlan  *p,
             GError      **error)
{
  guint n = p->incomplete ? pl_rng_below (&d->rng, 2) : 2 + pl_rng_below (&d->rng, 3);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *body = NULL;
      const char *kind;
      char id[37], at[21];
      int day;

      /* A stale profile's notes are from before the unit. */
      day = p->stale ? -60 + (int) (i * 9) - pl_rng_range (&d->rng, 0, 5)
                     : (int) ((i * d->today_off) / MAX (n, 1)) + pl_rng_range (&d->rng, 0, 4);
      day = MIN (day, d->today_off);
      switch (pl_rng_below (&d->rng, 4))
        {
        case 0:
          kind = "conference";
          body = g_strdup_printf ("Conference with %s: talked about connecting the unit to %s. "
                                  "Agreed to try a %s option next and to check the rubric before handing in.",
                                  p->given, p->interest, PICK (&d->rng, preferences));
          break;
        case 1:
          kind = "check-in";
          body = g_strdup_printf ("Quick check-in: %s said “%s” was the hardest part this week; "
                                  "suggested the %s strategy.", p->given,
                                  PICK (&d->rng, hard_texts), PICK (&d->rng, strategies));
          break;
        case 2:
          kind = "observation";
          body = g_strdup_printf ("During group work %s %s.", p->given,
                                  p->path == PATH_GAMING
                                    ? "rushed through the task and moved on before checking the results"
                                    : PICK (&d->rng, strengths));
          break;
        default:
          kind = "family";
          body = g_strdup_printf ("Message from family: %s has been talking about %s at home; "
                                  "they asked how to help with %s.", p->given, p->interest,
                                  PICK (&d->rng, needs));
          break;
        }
      make_uuid (d, id);
      moment_iso (d, day, school_minute (d), at);
      if (!put (d, error, "note", id, "learner_uuid, kind, noted_at, body, supersedes_uuid", "ssssn",
                p->uuid, kind, at, body))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  guint option;
  int   chosen_day;
  int   done_day;      /* assessed on this day, or -1 */
  int   minutes;
  char  uuid[37];
} PickPlan;

static gboolean
write_evidence_row (Demo              *d,
                    const LearnerPlan *p,
                    const ClassPlan   *c,
                    guint              s,
                    int                day,
                    const char        *source,
                    const char        *source_uuid,
                    int                minutes,
                    gboolean           force_correction,
                    GError           **error)
{
  static const char *comments[] = {
    NULL, NULL, NULL, "Clear model; labels missing.", "Good use of data.",
    "Explanation needs evidence.", "Strong reasoning.", "Check units.",
  };
  char id[37], at[11];
  double score = draw_score (d, p, day, s);

  day = MIN (day, d->today_off);
  make_uuid (d, id);
  /* Evidence is assessed on a day; the store keeps no time of day. The
   * draw keeps the demo's random sequence as it was. */
  (void) school_minute (d);
  day_iso (d, day, at);
  if (pl_rng_chance (&d->rng, 0.005))
    d->tombstone = TRUE;  /* entered by mistake and removed */
  if (!put (d, error, "evidence", id,
            "learner_uuid, standard_uuid, criterion_uuid, score, scale_max, assessed_at, source, source_uuid, comment, supersedes_uuid, minutes_spent",
            "sssddssssni", p->uuid, d->standards[s], c->criteria[s], score, 4.0, at, source,
            source_uuid, PICK (&d->rng, comments), minutes))
    return FALSE;

  if (force_correction || pl_rng_chance (&d->rng, 0.02))
    {
      char fix[37];
      double corrected = score < 4.0 ? score + 1.0 : score - 1.0;

      make_uuid (d, fix);
      if (!put (d, error, "evidence", fix,
                "learner_uuid, standard_uuid, criterion_uuid, score, scale_max, assessed_at, source, source_uuid, comment, supersedes_uuid, minutes_spent",
                "sssddsssssi", p->uuid, d->standards[s], c->criteria[s], corrected, 4.0, at, source,
                source_uuid, "Re-marked after moderation.", id, minutes))
        return FALSE;
    }
  return TRUE;
}

/* One dated step of a goal's history, never after today. */
static gboolean
write_goal_change (Demo        *d,
                   const char  *goal,
                   const char  *status,
                   int          offset,
                   GError     **error)
{
  char id[37], on[11];

  make_uuid (d, id);
  day_iso (d, MIN (offset, d->today_off), on);
  return put (d, error, "goal_status", id, "goal_uuid, status, changed_on, note", "sssn", goal, status, on);
}

static gboolean
write_work (Demo         *d,
            LearnerPlan  *p,
            ClassPlan    *c,
            gboolean      first_of_class,
            GError      **error)
{
  PickPlan picks[9];
  guint n_picks = 0;
  char goal[37] = "", goal2[37] = "";
  char day[11], target[11], at[21];
  gboolean silent = p->path == PATH_SILENT;
  gboolean gaming = p->path == PATH_GAMING;
  guint weak = pl_rng_below (&d->rng, N_STANDARDS);
  int last_day = silent ? MIN (d->today_off, 17) : d->today_off;
  guint n_evidence = 0;

  /* Picks: the centre first, then a line through it; a gamer races
   * through most of the board. */
  {
    const guint *line = centre_lines[pl_rng_below (&d->rng, 4)];
    guint order[9] = { 4, line[0], line[1] };
    guint n_order = 3;

    if (gaming)
      {
        for (guint i = 0; i < 9; i++)
          if (i != 4 && i != line[0] && i != line[1] && pl_rng_chance (&d->rng, 0.8))
            order[n_order++] = i;
      }
    for (guint i = 0; i < n_order; i++)
      {
        PickPlan *k = &picks[n_picks];
        int span = MAX (last_day / (int) n_order, 3);

        k->option = order[i];
        k->chosen_day = MIN ((int) i * span + pl_rng_range (&d->rng, 0, 2), last_day);
        k->minutes = gaming ? pl_rng_range (&d->rng, 3, 9)
                            : (int) (option_specs[order[i]].minutes * (0.7 + 0.7 * pl_rng_double (&d->rng)));
        k->done_day = k->chosen_day + (gaming ? 1 : pl_rng_range (&d->rng, 4, 9));
        if (k->chosen_day > last_day - 1 && i > 0)
          break;
        make_uuid (d, k->uuid);
        n_picks++;
      }
    /* Learners who stall or stop checking in have not made their third
     * choice yet: the board, the engine's next options and the Insights
     * view all have someone to help choose. */
    if ((p->path == PATH_STALLED || silent) && n_picks > 2)
      n_picks = 2;
  }

  for (guint i = 0; i < n_picks; i++)
    {
      PickPlan *k = &picks[i];
      const char *status;
      char chosen[21], changed[21];
      int status_day;

      if (k->done_day <= last_day - 2)
        status = "assessed", status_day = k->done_day;
      else if (k->done_day <= last_day)
        status = "submitted", status_day = k->done_day;
      else if (p->path == PATH_STALLED || silent || pl_rng_chance (&d->rng, 0.5))
        status = "in-progress", status_day = MIN (k->chosen_day + 1, d->today_off);
      else
        status = "chosen", status_day = k->chosen_day;
      if (g_strcmp0 (status, "assessed") != 0)
        k->done_day = -1;
      moment_iso (d, k->chosen_day, school_minute (d), chosen);
      moment_iso (d, status_day, school_minute (d), changed);
      if (!put (d, error, "pick", k->uuid, "learner_uuid, option_uuid, status, chosen_at, status_at", "sssss",
                p->uuid, c->options[k->option], status, chosen, changed))
        return FALSE;
    }

  /* Goals: one on the learner's weakest standard; sometimes revised. Each
   * status change is dated in the goal's history. */
  make_uuid (d, goal);
  {
    int set_day = pl_rng_range (&d->rng, 1, 4);
    g_autofree char *body = g_strdup_printf ("Reach Proficient on %s (%s) by the lab report.",
                                             standard_specs[weak].short_title, standard_specs[weak].code);
    gboolean revised = pl_rng_chance (&d->rng, 0.15);
    const char *status = revised ? "revised"
                         : p->path == PATH_IMPROVING && pl_rng_chance (&d->rng, 0.6) ? "met"
                         : p->path == PATH_SILENT && pl_rng_chance (&d->rng, 0.3) ? "dropped"
                         : "active";

    day_iso (d, set_day, day);
    day_iso (d, milestone_specs[1].due_day, target);
    if (!put (d, error, "goal", goal, "learner_uuid, body, status, standard_uuid, milestone_uuid, set_on, target_on, revises_uuid",
              "sssssssn", p->uuid, body, status, d->standards[weak], c->milestones[1], day, target) ||
        !write_goal_change (d, goal, "active", set_day, error))
      return FALSE;
    if (g_strcmp0 (status, "met") == 0 &&
        !write_goal_change (d, goal, "met", MAX (milestone_specs[1].due_day - pl_rng_range (&d->rng, 0, 3), set_day + 7), error))
      return FALSE;
    if (g_strcmp0 (status, "dropped") == 0 &&
        !write_goal_change (d, goal, "dropped", pl_rng_range (&d->rng, 15, 20), error))
      return FALSE;
    if (revised)
      {
        g_autofree char *body2 = g_strdup_printf ("Reach Developing, then Proficient, on %s with weekly practice.",
                                                  standard_specs[weak].code);
        int revised_day = pl_rng_range (&d->rng, 12, 18);

        make_uuid (d, goal2);
        day_iso (d, revised_day, day);
        day_iso (d, milestone_specs[2].due_day, target);
        if (!put (d, error, "goal", goal2, "learner_uuid, body, status, standard_uuid, milestone_uuid, set_on, target_on, revises_uuid",
                  "ssssssss", p->uuid, body2, "active", d->standards[weak], c->milestones[2], day, target, goal) ||
            !write_goal_change (d, goal, "revised", revised_day, error) ||
            !write_goal_change (d, goal2, "active", revised_day, error))
          return FALSE;
      }
  }

  /* Weekly check-ins, on the class's check-in day: every week from the
   * first check-in day of the unit up to the one that started this
   * check-in week. Two silent learners stopped after the second week, one
   * more lapsed two weeks ago, and a few have not checked in yet this
   * week; everyone else checked in last week and this week. */
  {
    int first = (int) d->checkin_weekday - 1;
    int n_weeks = d->today_off >= first ? (d->today_off - first) / 7 + 1 : 0;
    gboolean lapsed = !silent && p->path == PATH_STALLED && c->n_lapsed == 0;
    gboolean late = !silent && !lapsed && c->n_late < 3 && pl_rng_chance (&d->rng, 0.35);

    c->n_lapsed += lapsed;
    c->n_late += late;
    for (int w = 0; w < n_weeks; w++)
      {
        int checked = first + 7 * w;
        gboolean by_learner;
        double level;
        int progress;
        char week[11], reflection_buf[256] = "";
        const char *markers, *reflection = NULL;
        char id[37];

        if (silent && w >= 2)
          continue;
        if (lapsed && w >= n_weeks - 2)
          continue;
        if (late && w == n_weeks - 1)
          continue;
        if (!gaming && w > 0 && w < n_weeks - 2 && pl_rng_chance (&d->rng, 0.08))
          continue;

        level = expected_score (d, p, checked, weak);
        /* Progress on the goal, 1 to 4; a gamer rates it high. (CLAMP
         * would draw its argument more than once.) */
        progress = gaming ? pl_rng_range (&d->rng, 3, 4) : (int) lround (level + 0.5 * pl_rng_normal (&d->rng));
        progress = CLAMP (progress, 1, 4);
        /* About one in five filled in by the learner in learner mode: no
         * teacher note and no markers then, the teacher ticks those. */
        by_learner = pl_rng_chance (&d->rng, 0.2);
        /* The self-regulation markers of pl-store-goals.h. */
        markers = gaming || by_learner ? NULL
                  : level >= 3.0 ? (pl_rng_chance (&d->rng, 0.5) ? "challenge-seeking,persistence" : "persistence")
                  : level >= 2.2 ? (pl_rng_chance (&d->rng, 0.5) ? "strategy-shifting" : "persistence")
                  : p->path == PATH_DROPPING ? "help-seeking"
                  : pl_rng_chance (&d->rng, 0.3) ? "setback-response" : NULL;
        for (guint m = 0; m < 3; m++)
          if (milestone_specs[m].due_day / 7 == w)
            {
              g_snprintf (reflection_buf, sizeof reflection_buf, "%s",
                          PICK (&d->rng, milestone_specs[m].reflections));
              reflection = reflection_buf;
            }
        make_uuid (d, id);
        day_iso (d, checked, week);
        moment_iso (d, checked, school_minute (d), at);
        if (!put (d, error, "checkin", id,
                  "learner_uuid, goal_uuid, week_of, checked_at, progress, worked, hard, strategy, help_needed, teacher_note, next_step, markers, reflection, by_learner",
                  "ssssissssssssi", p->uuid, goal2[0] != '\0' && w >= 3 ? goal2 : goal, week, at, progress,
                  PICK (&d->rng, worked_texts), PICK (&d->rng, hard_texts), PICK (&d->rng, strategies),
                  level < 2.2 ? "Help with getting started on the next task" : NULL,
                  !by_learner && pl_rng_chance (&d->rng, 0.2) ? "Good focus this week; keep linking claims to evidence." : NULL,
                  PICK (&d->rng, next_steps), markers, reflection, by_learner ? 1 : 0))
          return FALSE;
      }
  }

  /* Evidence: every assessed pick on its standards, plus quizzes and
   * exit tickets spread over the weeks. */
  for (guint i = 0; i < n_picks; i++)
    {
      const OptionSpec *o = &option_specs[picks[i].option];

      if (picks[i].done_day < 0)
        continue;
      for (guint k = 0; k < 2; k++)
        if (o->standards[k] >= 0)
          {
            if (!write_evidence_row (d, p, c, (guint) o->standards[k], picks[i].done_day, "pick",
                                     picks[i].uuid, picks[i].minutes,
                                     first_of_class && n_evidence == 1, error))
              return FALSE;
            n_evidence++;
          }
    }
  for (guint s = 0; s < N_STANDARDS; s++)
    {
      guint n = (guint) pl_rng_range (&d->rng, 2, 4);

      for (guint k = 0; k < n; k++)
        {
          int when = (int) (((k + 0.5) * last_day) / n) + pl_rng_range (&d->rng, -1, 1);
          const char *source = pl_rng_chance (&d->rng, 0.6) ? "quiz" : "exit-ticket";

          when = CLAMP (when, 0, last_day);
          if (!write_evidence_row (d, p, c, s, when, source, NULL,
                                   gaming ? pl_rng_range (&d->rng, 2, 5) : pl_rng_range (&d->rng, 8, 20),
                                   first_of_class && n_evidence == 1, error))
            return FALSE;
          n_evidence++;
        }
    }
  return TRUE;
}

static void
plan_path (Demo        *d,
           LearnerPlan *p)
{
  double base = 1.5 + pl_rng_double (&d->rng);

  switch (p->path)
    {
    case PATH_IMPROVING:
      p->start_level = 1.3 + 0.6 * pl_rng_double (&d->rng);
      p->end_level = 3.2 + 0.8 * pl_rng_double (&d->rng);
      break;
    case PATH_STEADY:
      p->start_level = p->end_level = 2.7 + 0.8 * pl_rng_double (&d->rng);
      break;
    case PATH_STALLED:
      p->start_level = p->end_level = 1.8 + 0.4 * pl_rng_double (&d->rng);
      break;
    case PATH_DROPPING:
      p->start_level = 3.1 + 0.5 * pl_rng_double (&d->rng);
      p->end_level = 1.5 + 0.4 * pl_rng_double (&d->rng);
      break;
    case PATH_GAMING:
      p->start_level = p->end_level = 1.4 + 0.4 * pl_rng_double (&d->rng);
      break;
    case PATH_SILENT:
      p->start_level = base;
      p->end_level = base - 0.3;
      break;
    }
}

/* Each learner's progress on the milestones due so far or soon: steady
 * learners finish on time, stalled ones late or not yet, a silent one
 * stopped after the first; most who finish answer the reflection prompt. */
static gboolean
write_milestones (Demo         *d,
                  LearnerPlan  *p,
                  ClassPlan    *c,
                  GError      **error)
{
  for (guint m = 0; m < G_N_ELEMENTS (milestone_specs); m++)
    {
      int due = milestone_specs[m].due_day;
      int done_day = -1;
      char id[37], done_on[11];
      const char *status;

      if (due > d->today_off + 7)
        continue;
      switch (p->path)
        {
        case PATH_IMPROVING:
        case PATH_STEADY:
          done_day = pl_rng_chance (&d->rng, 0.9) ? due - pl_rng_range (&d->rng, 0, 2) : due + pl_rng_range (&d->rng, 1, 4);
          break;
        case PATH_GAMING:
          done_day = due - pl_rng_range (&d->rng, 3, 6);
          break;
        case PATH_STALLED:
          done_day = pl_rng_chance (&d->rng, 0.5) ? due + pl_rng_range (&d->rng, 2, 6) : -1;
          break;
        case PATH_DROPPING:
          done_day = m == 0 || pl_rng_chance (&d->rng, 0.4) ? due + pl_rng_range (&d->rng, 0, 3) : -1;
          break;
        case PATH_SILENT:
          done_day = m == 0 ? due : -1;
          break;
        }
      if (done_day > d->today_off)
        done_day = -1;
      if (done_day >= 0)
        status = "done";
      else if (due <= d->today_off || pl_rng_chance (&d->rng, 0.5))
        status = "in-progress";
      else
        continue;

      make_uuid (d, id);
      if (done_day >= 0)
        day_iso (d, done_day, done_on);
      if (!put (d, error, "milestone_progress", id, "learner_uuid, milestone_uuid, status, done_on, reflection",
                "sssss", p->uuid, c->milestones[m], status, done_day >= 0 ? done_on : NULL,
                done_day >= 0 && pl_rng_chance (&d->rng, 0.8) ? PICK (&d->rng, milestone_specs[m].reflections) : NULL))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_learner (Demo         *d,
               LearnerPlan  *p,
               ClassPlan    *c,
               guint         number,
               gboolean      first_of_class,
               GError      **error)
{
  const GivenName *given = &PICK (&d->rng, given_names);
  const char *family = PICK (&d->rng, family_names);
  /* Unique across demos added to one database, as rosters expect. */
  g_autofree char *source_id = g_strdup_printf ("demo-%" PRIu64 "-%06u", d->seed, number);
  g_autofree char *email = NULL;
  g_autofree char *local = NULL;
  const char *preferred = NULL;
  char enrollment[37];
  static const char *short_names[][2] = {
    { "Juan Pablo", "JP" }, { "Oluwaseun", "Seun" }, { "Thandiwe", "Thandi" },
    { "Kateryna", "Katya" }, { "Ana Lucía", "Ana" }, { "Elijah", "Eli" }, { "Mohammed", "Mo" },
    { "Adaeze", "Ada" }, { "Isabela", "Bela" }, { "Dmitri", "Dima" },
  };

  make_uuid (d, p->uuid);
  p->given = given->name;
  p->interest = PICK (&d->rng, interests);
  plan_path (d, p);
  for (guint i = 0; i < G_N_ELEMENTS (short_names); i++)
    if (strcmp (short_names[i][0], given->name) == 0 && pl_rng_chance (&d->rng, 0.6))
      preferred = short_names[i][1];
  {
    g_autofree char *plain = NULL;
    g_autofree char *lower = NULL;

    local = g_strdup_printf ("%s.%s%u", given->name, family, number);
    plain = g_str_to_ascii (local, "C");
    g_strdelimit (plain, " '", '-');
    lower = g_ascii_strdown (plain, -1);
    email = g_strdup_printf ("%s@students.riverbend.example", lower);
  }

  /* A stale profile was last edited weeks ago: its date says so, while its
   * rows are written now, with the clock of now. */
  if (p->stale)
    {
      gint64 ms = d->stale_ms - (gint64) pl_rng_below (&d->rng, 20) * G_TIME_SPAN_DAY / 1000;
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (ms / 1000);
      g_autofree char *iso = g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");

      g_strlcpy (d->edited_at, iso, sizeof d->edited_at);
    }
  else
    {
      g_autofree char *iso = _pl_store_now_iso8601 ();

      g_strlcpy (d->edited_at, iso, sizeof d->edited_at);
    }
  if (!put (d, error, "learner", p->uuid,
            "school_uuid, given_name, family_name, preferred_name, pronouns, source_id, email, grade, archived, edited_at",
            "ssssssssis", d->school, given->name, family, preferred,
            p->incomplete && pl_rng_chance (&d->rng, 0.5) ? NULL : given->pronouns,
            source_id, email, "7", 0, d->edited_at) ||
      !write_profile (d, p, error) ||
      !write_notes (d, p, error))
    return FALSE;

  make_uuid (d, enrollment);
  if (!put (d, error, "enrollment", enrollment, "classroom_uuid, learner_uuid, role, source_id, archived",
            "sssni", c->uuid, p->uuid, "student", 0))
    return FALSE;
  return write_work (d, p, c, first_of_class, error) &&
         write_milestones (d, p, c, error);
}

/* ---- entry points -------------------------------------------------- */

/* Seeds the generator with SEED, or, when a demo of SEED is already in
 * the database (its school's uuid is taken), with the next seed whose
 * demo is not: adding a demo twice must not reuse uuids. */
static gboolean
choose_seed (Demo     *d,
             guint64   seed,
             GError  **error)
{
  sqlite3_stmt *stmt;

  for (guint attempt = 0; attempt < 1000; attempt++, seed++)
    {
      char school[37];
      int rc;

      pl_rng_init (&d->rng, seed);
      make_uuid (d, school);
      stmt = _pl_store_prepare (d->store, "SELECT 1 FROM school WHERE uuid = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, school, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          pl_rng_init (&d->rng, seed);
          d->seed = seed;
          return TRUE;
        }
      if (rc != SQLITE_ROW)
        {
          _pl_store_set_error (d->store, error, _("cannot read the database"));
          return FALSE;
        }
    }
  g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
               _("%s: the database already holds a thousand demos"), pl_store_get_path (d->store));
  return FALSE;
}

static gint64
get_cache_size (PlStore *store)
{
  sqlite3_stmt *stmt = _pl_store_prepare (store, "PRAGMA cache_size", NULL);
  gint64 value = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return value;
}

/* Puts back a cache size read by get_cache_size; 0: leaves it. */
static void
set_cache_size (PlStore *store,
                gint64   value)
{
  g_autofree char *sql = NULL;

  if (value == 0)
    return;
  sql = g_strdup_printf ("PRAGMA cache_size = %" PRId64, value);
  _pl_store_exec (store, sql, NULL);
}

void
pl_demo_options_init (PlDemoOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->n_learners = 24;
  options->seed = 1;
  options->checkin_weekday = 1;
}

static gboolean
parse_today (const char  *text,
             GDate       *out,
             GError     **error)
{
  unsigned y = 0, m = 0, dd = 0;
  char tail = '\0';

  if (text == NULL)
    {
      g_date_clear (out, 1);
      g_date_set_time_t (out, time (NULL));
      return TRUE;
    }
  if (sscanf (text, "%4u-%2u-%2u%c", &y, &m, &dd, &tail) != 3 || strlen (text) != 10 ||
      !g_date_valid_dmy ((GDateDay) dd, (GDateMonth) m, (GDateYear) y))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("today: “%s” is not a date (expected YYYY-MM-DD)"), text);
      return FALSE;
    }
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) dd, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

gboolean
pl_demo_options_check (const PlDemoOptions  *options,
                       GError              **error)
{
  GDate today;

  g_return_val_if_fail (options != NULL, FALSE);

  if (options->n_learners == 0 || options->n_learners > 1000000)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("learners: %u is out of range (1 to 1000000)"), options->n_learners);
      return FALSE;
    }
  if (options->checkin_weekday < 1 || options->checkin_weekday > 7)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("check-in day: %u is not a day of the week (1 = Monday to 7 = Sunday)"),
                   options->checkin_weekday);
      return FALSE;
    }
  return parse_today (options->today, &today, error);
}

gboolean
pl_demo_generate (PlStore              *store,
                  const PlDemoOptions  *options,
                  GCancellable         *cancellable,
                  GError              **error)
{
  PlDemoOptions defaults;
  g_autoptr(GHashTable) statements = NULL;
  Demo d = { 0 };
  GDate today;
  guint n, n_classes, made = 0;
  gint64 today_ms, now_ms;
  gint64 cache_size = 0;
  gboolean ok;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      pl_demo_options_init (&defaults);
      options = &defaults;
    }
  n = options->n_learners;
  if (!pl_demo_options_check (options, error) ||
      !parse_today (options->today, &today, error))
    return FALSE;
  if (!options->add && pl_store_count (store, "learner", FALSE) > 0)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("%s: the database already has %u learners; a demo is only written into an empty database"),
                   pl_store_get_path (store), pl_store_count (store, "learner", FALSE));
      return FALSE;
    }

  statements = g_hash_table_new (g_direct_hash, g_direct_equal);
  d.store = store;
  d.statements = statements;
  d.origin = pl_store_get_device_id (store);
  d.checkin_weekday = options->checkin_weekday;
  if (!choose_seed (&d, options->seed, error))
    return FALSE;

  /* The unit started on the Monday five weeks before this week. */
  d.start = today;
  g_date_subtract_days (&d.start, 35 + g_date_get_weekday (&today) - G_DATE_MONDAY);
  d.today_off = (int) g_date_days_between (&d.start, &today);

  /* A stale profile was last touched two months before today (or before
   * now, if today is in the future). */
  {
    GDateTime *dt = g_date_time_new_utc (g_date_get_year (&today), g_date_get_month (&today),
                                         g_date_get_day (&today), 12, 0, 0);

    today_ms = g_date_time_to_unix (dt) * 1000;
    g_date_time_unref (dt);
  }
  now_ms = g_get_real_time () / 1000;
  d.stale_ms = MIN (today_ms, now_ms) - 60 * (G_TIME_SPAN_DAY / 1000);

  n_classes = (n + 29) / 30;

  if (!pl_store_begin (store, error))
    return FALSE;
  pl_store_claim_writes (store, _("a demo classroom is being written into this database; try again when it is ready"));

  /* A large demo writes all over a file of a hundred megabytes or more: a
   * 32 MB page cache keeps SQLite from spilling and rereading pages of the
   * indexes being written (a third less CPU at 5,000 learners). */
  if (n > 500)
    {
      cache_size = get_cache_size (store);
      _pl_store_exec (store, "PRAGMA cache_size = -32768", NULL);
    }

  if (!write_school (&d, error))
    goto fail;

  for (guint k = 0; k < n_classes; k++)
    {
      ClassPlan c;
      guint size = n / n_classes + (k < n % n_classes ? 1 : 0);
      g_autofree LearnerPlan *plans = g_new0 (LearnerPlan, size);
      static const Path fixed[] = {
        PATH_STALLED, PATH_DROPPING, PATH_GAMING, PATH_GAMING, PATH_SILENT, PATH_SILENT, PATH_STALLED,
      };
      guint incomplete_at, stale_at;

      if (!write_class (&d, &c, k, n_classes, error))
        goto fail;

      /* Every class shows each path that needs the teacher's eye. */
      for (guint i = 0; i < size; i++)
        {
          double r = pl_rng_double (&d.rng);

          plans[i].path = i < G_N_ELEMENTS (fixed) ? fixed[i]
                          : r < 0.5 ? PATH_IMPROVING
                          : r < 0.85 ? PATH_STEADY
                          : r < 0.93 ? PATH_STALLED
                          : PATH_DROPPING;
          plans[i].incomplete = pl_rng_chance (&d.rng, 0.12);
          plans[i].stale = pl_rng_chance (&d.rng, 0.08);
        }
      for (guint i = size; i > 1; i--)
        {
          guint j = pl_rng_below (&d.rng, i);
          Path t = plans[i - 1].path;

          plans[i - 1].path = plans[j].path;
          plans[j].path = t;
        }
      incomplete_at = pl_rng_below (&d.rng, size);
      stale_at = (incomplete_at + 1 + pl_rng_below (&d.rng, MAX (size - 1, 1))) % size;
      plans[incomplete_at].incomplete = TRUE;
      if (size > 1)
        plans[stale_at].stale = TRUE;

      for (guint i = 0; i < size; i++)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            goto fail;
          if (!write_learner (&d, &plans[i], &c, made + 1, i == 0, error))
            goto fail;
          made++;
          if (options->progress != NULL && (made % 50 == 0 || made == n || n < 50))
            options->progress ((double) made / n, options->progress_data);
        }
    }

  ok = pl_store_commit (store, error);
  pl_store_release_writes (store);
  set_cache_size (store, cache_size);
  return ok;

fail:
  pl_store_rollback (store);
  pl_store_release_writes (store);
  set_cache_size (store, cache_size);
  return FALSE;
}
