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
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "pl-demo.h"
#include "pl-demo-private.h"
#include "pl-store-private.h"

/* ---- the writer ---------------------------------------------------- */

void
_pl_demo_make_uuid (Demo *d,
                    char  out[37])
{
  pl_rng_uuid (&d->rng, out);
}

/* Writes one row of TABLE: COLUMNS (a string literal, also the cache key)
 * lists the columns after the four sync columns and TYPES their values
 * in the variable arguments: 's' string (NULL: SQL NULL), 'i' int,
 * 'd' double, 'n' NULL (no argument). */
gboolean
_pl_demo_put (Demo        *d,
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
void
_pl_demo_day_iso (Demo *d,
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

void
_pl_demo_moment_iso (Demo *d,
                     int   offset,
                     int   minute_of_day,
                     char  out[21])
{
  char day[11];

  _pl_demo_day_iso (d, offset, day);
  g_snprintf (out, 21, "%sT%02d:%02d:00Z", day, minute_of_day / 60, minute_of_day % 60);
}

/* A school-day moment: between 08:30 and 15:00. */
int
_pl_demo_school_minute (Demo *d)
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

  _pl_demo_make_uuid (d, d->school);
  if (!_pl_demo_put (d, error, "school", d->school, "name, source_id", "ss",
                     "Riverbend Middle School", source_id))
    return FALSE;

  /* A second demo in one database shares the first one's standards, as
   * classes of one school do. */
  if (find_demo_standards (d))
    return TRUE;

  _pl_demo_make_uuid (d, framework);
  if (!_pl_demo_put (d, error, "framework", framework, "title, source_id, creator, version, subject", "sssss",
                     "Grade 7 Science: Matter and Energy", "demo-sci-7", "Riverbend Science Department",
                     "2024", "Science"))
    return FALSE;

  for (guint i = 0; i < N_STANDARDS; i++)
    {
      _pl_demo_make_uuid (d, d->standards[i]);
      if (!_pl_demo_put (d, error, "standard", d->standards[i],
                         "framework_uuid, parent_uuid, code, statement, position, source_id, item_type",
                         "snssiss", framework, standard_specs[i].code, standard_specs[i].statement,
                         (int) i, standard_specs[i].code, "Standard"))
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (prerequisite_links); i++)
    {
      _pl_demo_make_uuid (d, link);
      if (!_pl_demo_put (d, error, "standard_link", link, "from_uuid, to_uuid, kind", "sss",
                         d->standards[prerequisite_links[i][0]], d->standards[prerequisite_links[i][1]],
                         "prerequisite"))
        return FALSE;
    }
  return TRUE;
}

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
  _pl_demo_make_uuid (d, c->uuid);
  if (!_pl_demo_put (d, error, "classroom", c->uuid,
                     "school_uuid, name, subject, grade_level, period, source_id, mastery_method, mastery_param, archived",
                     "sssssssdi", d->school, name, "Science", "7", period, NULL, "decaying-average", 65.0, 0))
    return FALSE;

  _pl_demo_day_iso (d, 0, starts);
  _pl_demo_day_iso (d, 41, ends);
  _pl_demo_make_uuid (d, c->unit);
  if (!_pl_demo_put (d, error, "unit", c->unit, "classroom_uuid, title, big_idea, goals, starts_on, ends_on",
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
      _pl_demo_make_uuid (d, id);
      if (!_pl_demo_put (d, error, "unit_standard", id, "unit_uuid, standard_uuid", "ss", c->unit, d->standards[i]))
        return FALSE;
    }
  for (guint i = 0; i < 3; i++)
    {
      _pl_demo_make_uuid (d, c->milestones[i]);
      _pl_demo_day_iso (d, milestone_specs[i].due_day, due);
      if (!_pl_demo_put (d, error, "milestone", c->milestones[i],
                         "unit_uuid, title, due_on, must_do, reflection_prompt, position", "sssisi",
                         c->unit, milestone_specs[i].title, due, 1, milestone_specs[i].prompt, (int) i))
        return FALSE;
    }

  _pl_demo_make_uuid (d, c->board);
  if (!_pl_demo_put (d, error, "board", c->board,
                     "unit_uuid, classroom_uuid, title, layout, n_rows, n_cols, picks_required, three_in_row, max_per_row, max_per_col",
                     "ssssiiiiii", c->unit, c->uuid, "Matter on the Move: tic-tac-toe", "grid", 3, 3, 3, 1, 0, 0))
    return FALSE;
  _pl_demo_make_uuid (d, id);
  if (!_pl_demo_put (d, error, "board_assignment", id, "board_uuid, classroom_uuid, learner_uuid", "ssn",
                     c->board, c->uuid))
    return FALSE;
  for (guint i = 0; i < 9; i++)
    {
      const OptionSpec *o = &option_specs[i];

      _pl_demo_make_uuid (d, c->options[i]);
      if (!_pl_demo_put (d, error, "choice_option", c->options[i],
                         "board_uuid, title, description, format, tier, grouping, minutes, tags, grid_row, grid_col, required, section",
                         "ssssisisiiis", c->board, o->title, o->description, o->format, o->tier, o->grouping,
                         o->minutes, o->tags, (int) i / 3, (int) i % 3, i == 4 ? 1 : 0, "grid"))
        return FALSE;
      for (guint k = 0; k < 2; k++)
        {
          if (o->standards[k] < 0)
            continue;
          _pl_demo_make_uuid (d, id);
          if (!_pl_demo_put (d, error, "option_standard", id, "option_uuid, standard_uuid", "ss",
                             c->options[i], d->standards[o->standards[k]]))
            return FALSE;
        }
    }

  _pl_demo_make_uuid (d, rubric);
  if (!_pl_demo_put (d, error, "rubric", rubric, "classroom_uuid, title, description", "sss", c->uuid,
                     "Matter on the Move: standards rubric",
                     "One criterion per standard of the unit; score each piece of evidence on every criterion it shows."))
    return FALSE;
  for (guint l = 0; l < 4; l++)
    {
      _pl_demo_make_uuid (d, levels[l]);
      if (!_pl_demo_put (d, error, "level", levels[l], "rubric_uuid, title, points, min_points, max_points, position",
                         "ssdnni", rubric, level_titles[l], (double) (l + 1), (int) l))
        return FALSE;
    }
  for (guint s = 0; s < N_STANDARDS; s++)
    {
      _pl_demo_make_uuid (d, c->criteria[s]);
      if (!_pl_demo_put (d, error, "criterion", c->criteria[s], "rubric_uuid, title, standard_uuid, position", "sssi",
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
          _pl_demo_make_uuid (d, id);
          if (!_pl_demo_put (d, error, "descriptor", id, "criterion_uuid, level_uuid, body", "sss",
                             c->criteria[s], levels[l], body))
            return FALSE;
        }
    }
  return TRUE;
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
      _pl_demo_make_uuid (d, school);
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
      cache_size = _pl_store_query_int64 (store, "PRAGMA cache_size");
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
          if (!_pl_demo_write_learner (&d, &plans[i], &c, made + 1, i == 0, error))
            goto fail;
          made++;
          if (options->progress != NULL && (made % 50 == 0 || made == n || n < 50))
            options->progress ((double) made / n, options->progress_data);
        }
    }

  ok = pl_store_commit (store, error);
  pl_store_release_writes (store);
  _pl_store_set_cache_size (store, cache_size);
  return ok;

fail:
  pl_store_rollback (store);
  pl_store_release_writes (store);
  _pl_store_set_cache_size (store, cache_size);
  return FALSE;
}
