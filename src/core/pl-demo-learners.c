/* pl-demo-learners.c — the demo school's learners: each one's profile,
 * notes, picks, goals, check-ins, evidence and milestone progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "pl-demo-private.h"
#include "pl-store-learners.h"
#include "pl-store-private.h"

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
      if (!_pl_demo_put (d, error, "profile_field", uuid, "learner_uuid, field, value, edited_at", "ssss",
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
      _pl_demo_make_uuid (d, id);
      _pl_demo_moment_iso (d, day, _pl_demo_school_minute (d), at);
      if (!_pl_demo_put (d, error, "note", id, "learner_uuid, kind, noted_at, body, supersedes_uuid", "ssssn",
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
  _pl_demo_make_uuid (d, id);
  /* Evidence is assessed on a day; the store keeps no time of day. The
   * draw keeps the demo's random sequence as it was. */
  (void) _pl_demo_school_minute (d);
  _pl_demo_day_iso (d, day, at);
  if (pl_rng_chance (&d->rng, 0.005))
    d->tombstone = TRUE;  /* entered by mistake and removed */
  if (!_pl_demo_put (d, error, "evidence", id,
                     "learner_uuid, standard_uuid, criterion_uuid, score, scale_max, assessed_at, source, source_uuid, comment, supersedes_uuid, minutes_spent",
                     "sssddssssni", p->uuid, d->standards[s], c->criteria[s], score, 4.0, at, source,
                     source_uuid, PICK (&d->rng, comments), minutes))
    return FALSE;

  if (force_correction || pl_rng_chance (&d->rng, 0.02))
    {
      char fix[37];
      double corrected = score < 4.0 ? score + 1.0 : score - 1.0;

      _pl_demo_make_uuid (d, fix);
      if (!_pl_demo_put (d, error, "evidence", fix,
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

  _pl_demo_make_uuid (d, id);
  _pl_demo_day_iso (d, MIN (offset, d->today_off), on);
  return _pl_demo_put (d, error, "goal_status", id, "goal_uuid, status, changed_on, note", "sssn", goal, status, on);
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
        _pl_demo_make_uuid (d, k->uuid);
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
      _pl_demo_moment_iso (d, k->chosen_day, _pl_demo_school_minute (d), chosen);
      _pl_demo_moment_iso (d, status_day, _pl_demo_school_minute (d), changed);
      if (!_pl_demo_put (d, error, "pick", k->uuid, "learner_uuid, option_uuid, status, chosen_at, status_at", "sssss",
                         p->uuid, c->options[k->option], status, chosen, changed))
        return FALSE;
    }

  /* Goals: one on the learner's weakest standard; sometimes revised. Each
   * status change is dated in the goal's history. */
  _pl_demo_make_uuid (d, goal);
  {
    int set_day = pl_rng_range (&d->rng, 1, 4);
    g_autofree char *body = g_strdup_printf ("Reach Proficient on %s (%s) by the lab report.",
                                             standard_specs[weak].short_title, standard_specs[weak].code);
    gboolean revised = pl_rng_chance (&d->rng, 0.15);
    const char *status = revised ? "revised"
                         : p->path == PATH_IMPROVING && pl_rng_chance (&d->rng, 0.6) ? "met"
                         : p->path == PATH_SILENT && pl_rng_chance (&d->rng, 0.3) ? "dropped"
                         : "active";

    _pl_demo_day_iso (d, set_day, day);
    _pl_demo_day_iso (d, milestone_specs[1].due_day, target);
    if (!_pl_demo_put (d, error, "goal", goal, "learner_uuid, body, status, standard_uuid, milestone_uuid, set_on, target_on, revises_uuid",
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

        _pl_demo_make_uuid (d, goal2);
        _pl_demo_day_iso (d, revised_day, day);
        _pl_demo_day_iso (d, milestone_specs[2].due_day, target);
        if (!_pl_demo_put (d, error, "goal", goal2, "learner_uuid, body, status, standard_uuid, milestone_uuid, set_on, target_on, revises_uuid",
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
        _pl_demo_make_uuid (d, id);
        _pl_demo_day_iso (d, checked, week);
        _pl_demo_moment_iso (d, checked, _pl_demo_school_minute (d), at);
        if (!_pl_demo_put (d, error, "checkin", id,
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

      _pl_demo_make_uuid (d, id);
      if (done_day >= 0)
        _pl_demo_day_iso (d, done_day, done_on);
      if (!_pl_demo_put (d, error, "milestone_progress", id, "learner_uuid, milestone_uuid, status, done_on, reflection",
                         "sssss", p->uuid, c->milestones[m], status, done_day >= 0 ? done_on : NULL,
                         done_day >= 0 && pl_rng_chance (&d->rng, 0.8) ? PICK (&d->rng, milestone_specs[m].reflections) : NULL))
        return FALSE;
    }
  return TRUE;
}

gboolean
_pl_demo_write_learner (Demo         *d,
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

  _pl_demo_make_uuid (d, p->uuid);
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
  if (!_pl_demo_put (d, error, "learner", p->uuid,
                     "school_uuid, given_name, family_name, preferred_name, pronouns, source_id, email, grade, archived, edited_at",
                     "ssssssssis", d->school, given->name, family, preferred,
                     p->incomplete && pl_rng_chance (&d->rng, 0.5) ? NULL : given->pronouns,
                     source_id, email, "7", 0, d->edited_at) ||
      !write_profile (d, p, error) ||
      !write_notes (d, p, error))
    return FALSE;

  _pl_demo_make_uuid (d, enrollment);
  if (!_pl_demo_put (d, error, "enrollment", enrollment, "classroom_uuid, learner_uuid, role, source_id, archived",
                     "sssni", c->uuid, p->uuid, "student", 0))
    return FALSE;
  return write_work (d, p, c, first_of_class, error) &&
         write_milestones (d, p, c, error);
}
