/* pl-store-insights.c — what the engine and the dashboard read of a class
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pl-hlc.h"
#include "pl-pick.h"
#include "pl-suggestion-decision.h"
#include "pl-profile.h"
#include "pl-store-boards.h"
#include "pl-store-evidence.h"
#include "pl-store-goals.h"
#include "pl-store-insights.h"
#include "pl-store-private.h"

/* Learning preferences and the option formats and tags that use them. */
static const struct
{
  const char *style;
  const char *words;   /* option formats or tags that involve the style */
} style_words[] = {
  { "reading", "reading,essay,research" },
  { "video", "video,record,film" },
  { "hands-on", "hands-on,build,model,lab,design,experiment" },
  { "discussion", "discussion,debate,podcast,present,perform,interview" },
  { "writing", "writing,write,essay,blog,letter" },
  { "drawing", "drawing,draw,comic,poster,diagram,sketch" },
};

void
pl_insights_settings_init (PlInsightsSettings *settings)
{
  g_return_if_fail (settings != NULL);

  settings->proficient = 3.0;
  settings->checkin_weekday = 1;
  settings->default_method = "decaying-average";
  settings->default_param = 65;
}

void
pl_class_snapshot_free (PlClassSnapshot *s)
{
  if (s == NULL)
    return;
  g_free (s->as_of);
  g_free (s->week_start);
  g_free (s->checkin_missing);
  g_free (s->board_rules);
  g_free (s->option_board);
  g_free (s->option_cells);
  g_strfreev (s->learner_uuids);
  g_strfreev (s->learner_names);
  g_strfreev (s->standard_uuids);
  g_strfreev (s->standard_codes);
  g_free (s->series_learner);
  g_free (s->series_standard);
  g_free (s->offsets);
  g_free (s->scores);
  g_free (s->days_since_checkin);
  g_free (s->checked_in_this_week);
  g_free (s->days_since_profile_update);
  g_free (s->profile_completeness);
  g_free (s->milestones_overdue);
  g_free (s->recent_completions);
  g_free (s->recent_fast_low);
  g_free (s->interest_tags);
  g_free (s->preferred_styles);
  g_free (s->recent_formats);
  g_free (s->due_soon);
  g_strfreev (s->option_uuids);
  g_strfreev (s->option_titles);
  g_free (s->option_standard_offsets);
  g_free (s->option_standards);
  g_free (s->option_tier);
  g_free (s->option_format);
  g_free (s->option_tags);
  g_free (s->option_styles);
  g_free (s->picked);
  g_strfreev (s->format_names);
  g_strfreev (s->option_tag_names);
  g_strfreev (s->style_names);
  g_free (s->prereq_from);
  g_free (s->prereq_to);
  g_free (s->dismissed_learner);
  g_free (s->dismissed_option);
  g_free (s->dismissed_signature);
  g_clear_pointer (&s->followed_up, g_hash_table_unref);
  g_free (s);
}

char *
pl_store_alert_key (const char *learner_uuid,
                    const char *alert_kind,
                    const char *facts)
{
  g_return_val_if_fail (learner_uuid != NULL && alert_kind != NULL, NULL);

  return g_strconcat (learner_uuid, "/", alert_kind, "/", facts != NULL ? facts : "", NULL);
}

/* ---- dates ---------------------------------------------------------- */

static gboolean
parse_day (const char *iso,
           GDate      *out)
{
  guint y, m, d;

  g_date_clear (out, 1);
  if (iso == NULL || sscanf (iso, "%4u-%2u-%2u", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

static int
days_between (const GDate *from,
              const GDate *to)
{
  return g_date_days_between (from, to);
}

static void
day_iso (const GDate *date,
         char         out[11])
{
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
}

/* ---- small helpers ---------------------------------------------------- */

static int
index_of (GHashTable *index,
          const char *uuid)
{
  gpointer v;

  if (uuid == NULL || !g_hash_table_lookup_extended (index, uuid, NULL, &v))
    return -1;
  return GPOINTER_TO_INT (v);
}

static GHashTable *
make_index (char **uuids)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; uuids[i] != NULL; i++)
    g_hash_table_insert (index, uuids[i], GINT_TO_POINTER (i));
  return index;
}

/* Runs SQL with the class uuid as ?1 and AS_OF_END as ?2, calling ROW for
 * every row. */
typedef void (*RowFunc) (sqlite3_stmt *stmt, gpointer data);

static gboolean
each_row (PlStore     *store,
          const char  *sql,
          const char  *classroom_uuid,
          const char  *as_of_end,
          RowFunc      row,
          gpointer     data,
          GError     **error)
{
  sqlite3_stmt *stmt = _pl_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, classroom_uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_text (stmt, 2, as_of_end, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    row (stmt, data);
  if (rc != SQLITE_DONE)
    {
      _pl_store_set_error (store, error, _("cannot read the class"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static const char *
col_text (sqlite3_stmt *stmt,
          int           col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

/* Bits of VOCABULARY (a growing list) for the comma-separated WORDS. */
static guint32
word_bits (GPtrArray  *vocabulary,
           const char *words,
           gboolean    grow)
{
  g_auto(GStrv) parts = NULL;
  guint32 bits = 0;

  if (words == NULL)
    return 0;
  parts = g_strsplit_set (words, ",;", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *w = g_utf8_strdown (g_strstrip (parts[i]), -1);
      guint pos;

      if (w[0] == '\0')
        continue;
      if (!g_ptr_array_find_with_equal_func (vocabulary, w, g_str_equal, &pos))
        {
          if (!grow || vocabulary->len >= 32)
            continue;
          pos = vocabulary->len;
          g_ptr_array_add (vocabulary, g_strdup (w));
        }
      bits |= 1u << pos;
    }
  return bits;
}

static guint32
style_bits_for (const char *words)
{
  g_auto(GStrv) parts = NULL;
  guint32 bits = 0;

  if (words == NULL)
    return 0;
  parts = g_strsplit_set (words, ",;", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *w = g_utf8_strdown (g_strstrip (parts[i]), -1);

      for (guint s = 0; s < G_N_ELEMENTS (style_words); s++)
        {
          g_auto(GStrv) known = g_strsplit (style_words[s].words, ",", -1);

          if (g_strcmp0 (w, style_words[s].style) == 0 || g_strv_contains ((const char * const *) known, w))
            bits |= 1u << s;
        }
    }
  return bits;
}

static char **
steal_strv (GPtrArray *array)
{
  g_ptr_array_add (array, NULL);
  return (char **) g_ptr_array_free (array, FALSE);
}

/* ---- rows ------------------------------------------------------------- */

typedef struct
{
  PlClassSnapshot *s;
  GHashTable      *learners;     /* uuid → index */
  GHashTable      *standards;
  GHashTable      *options;
  GDate            as_of;
  GPtrArray       *formats;
  GPtrArray       *tags;
  char             soon_end[11];
  gint64           as_of_epoch;          /* the end of as_of */
  guint           *recent_format_count;  /* per learner, up to 3 */

  /* options being read */
  GPtrArray       *opt_uuids;
  GPtrArray       *opt_titles;
  GArray          *opt_tier;
  GArray          *opt_format;
  GArray          *opt_tags;
  GArray          *opt_styles;
  GArray          *opt_board;
  GArray          *opt_cells;
  GArray          *opt_links;            /* pairs: option index, standard index */
  GHashTable      *boards;               /* uuid → index */
  GPtrArray       *board_uuids;

  GArray          *prereqs;              /* pairs: from, to */
  GArray          *dismissed;            /* triples: learner, option, signature */
} Loader;

static void
profile_row (sqlite3_stmt *stmt,
             gpointer      data)
{
  Loader *ld = data;
  int l = index_of (ld->learners, col_text (stmt, 0));
  const char *field = col_text (stmt, 1);
  const char *value = col_text (stmt, 2);
  gint64 ms = pl_profile_edit_time_ms (col_text (stmt, 3), (guint64) sqlite3_column_int64 (stmt, 4));
  const PlProfileFieldInfo *info = pl_profile_lookup_field (field);
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (ms / 1000);
  GDate day;
  int days;

  if (l < 0 || when == NULL)
    return;
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (when), g_date_time_get_month (when),
                  g_date_time_get_year (when));
  days = MAX (days_between (&day, &ld->as_of), 0);
  if (ld->s->days_since_profile_update[l] < 0 || days < ld->s->days_since_profile_update[l])
    ld->s->days_since_profile_update[l] = days;

  if (info != NULL && info->counts && value != NULL)
    {
      g_autofree char *v = g_strstrip (g_strdup (value));

      if (v[0] != '\0' && (info->kind != PL_PROFILE_FIELD_FLAG || pl_profile_value_is_true (v)))
        ld->s->profile_completeness[l] += 1.0 / MAX (pl_profile_n_counted_fields (), 1);
    }
  if (g_strcmp0 (field, "interests") == 0)
    ld->s->interest_tags[l] |= word_bits (ld->tags, value, FALSE);
  else if (g_strcmp0 (field, "learning_preferences") == 0)
    ld->s->preferred_styles[l] |= style_bits_for (value);
}

static void
note_row (sqlite3_stmt *stmt,
          gpointer      data)
{
  Loader *ld = data;
  int l = index_of (ld->learners, col_text (stmt, 0));
  GDate day;
  int days;

  if (l < 0 || !parse_day (col_text (stmt, 1), &day))
    return;
  days = MAX (days_between (&day, &ld->as_of), 0);
  if (ld->s->days_since_profile_update[l] < 0 || days < ld->s->days_since_profile_update[l])
    ld->s->days_since_profile_update[l] = days;
}

static void
overdue_row (sqlite3_stmt *stmt,
             gpointer      data)
{
  Loader *ld = data;
  int l = index_of (ld->learners, col_text (stmt, 0));

  if (l < 0)
    return;
  ld->s->milestones_done += sqlite3_column_int (stmt, 1);
  ld->s->milestones_overdue[l] += sqlite3_column_int (stmt, 2);
}

static void
count_row (sqlite3_stmt *stmt,
           gpointer      data)
{
  guint *out = data;

  out[0] = (guint) sqlite3_column_int (stmt, 0);
  out[1] = (guint) sqlite3_column_int (stmt, 1);
}

static void
recent_pick_row (sqlite3_stmt *stmt,
                 gpointer      data)
{
  Loader *ld = data;
  int l = index_of (ld->learners, col_text (stmt, 0));
  double minutes = sqlite3_column_double (stmt, 1);
  double planned = sqlite3_column_double (stmt, 2);
  double score = sqlite3_column_double (stmt, 3);
  gboolean scored = sqlite3_column_type (stmt, 3) != SQLITE_NULL;

  if (l < 0)
    return;
  ld->s->recent_completions[l]++;
  if (scored && minutes > 0 && planned > 0 && minutes < planned / 2.0 && score < ld->s->proficient)
    ld->s->recent_fast_low[l]++;
}


static void
option_row (sqlite3_stmt *stmt,
            gpointer      data)
{
  Loader *ld = data;
  const char *uuid = col_text (stmt, 0);
  const char *format = col_text (stmt, 2);
  const char *tags = col_text (stmt, 4);
  int tier = sqlite3_column_int (stmt, 3);
  int board = index_of (ld->boards, col_text (stmt, 5));
  PlBoardCell cell = { 0 };
  guint format_index = 0;
  guint32 tag_bits, style_bits;
  g_autofree char *format_key = g_utf8_strdown (format != NULL ? format : "", -1);

  if (g_hash_table_contains (ld->options, uuid) || board < 0)
    return;
  cell.row = (guint) MAX (sqlite3_column_int (stmt, 6), 0);
  cell.col = (guint) MAX (sqlite3_column_int (stmt, 7), 0);
  cell.required = sqlite3_column_int (stmt, 8) != 0;
  if (!g_ptr_array_find_with_equal_func (ld->formats, format_key, g_str_equal, &format_index))
    {
      format_index = ld->formats->len;
      g_ptr_array_add (ld->formats, g_steal_pointer (&format_key));
    }
  tag_bits = word_bits (ld->tags, tags, TRUE);
  style_bits = style_bits_for (tags) | style_bits_for (format);

  g_hash_table_insert (ld->options, g_strdup (uuid), GINT_TO_POINTER (ld->opt_uuids->len));
  g_ptr_array_add (ld->opt_uuids, g_strdup (uuid));
  g_ptr_array_add (ld->opt_titles, g_strdup (col_text (stmt, 1)));
  g_array_append_val (ld->opt_tier, tier);
  g_array_append_val (ld->opt_format, format_index);
  g_array_append_val (ld->opt_tags, tag_bits);
  g_array_append_val (ld->opt_styles, style_bits);
  g_array_append_val (ld->opt_board, board);
  g_array_append_val (ld->opt_cells, cell);
}

static void
board_row (sqlite3_stmt *stmt,
           gpointer      data)
{
  Loader *ld = data;
  const char *uuid = col_text (stmt, 0);

  if (uuid == NULL || g_hash_table_contains (ld->boards, uuid))
    return;
  g_hash_table_insert (ld->boards, g_strdup (uuid), GINT_TO_POINTER (ld->board_uuids->len));
  g_ptr_array_add (ld->board_uuids, g_strdup (uuid));
}

static void
checkin_status_into (Loader *ld,
                     GArray *statuses)
{
  for (guint i = 0; i < statuses->len; i++)
    {
      PlCheckinStatus *st = &g_array_index (statuses, PlCheckinStatus, i);
      int l = index_of (ld->learners, st->learner_uuid);

      if (l < 0)
        continue;
      ld->s->days_since_checkin[l] = st->days_since;
      ld->s->checked_in_this_week[l] = st->state == PL_CHECKIN_STATE_DONE;
      ld->s->checkin_missing[l] = st->state == PL_CHECKIN_STATE_MISSING;
    }
}

static void
profile_changed_row (sqlite3_stmt *stmt,
                     gpointer      data)
{
  Loader *ld = data;
  gint64 ms = pl_hlc_physical_ms ((guint64) sqlite3_column_int64 (stmt, 0));

  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL && ms / 1000 > ld->as_of_epoch)
    ld->s->profiles_as_of = FALSE;
}

static void
due_milestone_row (sqlite3_stmt *stmt,
                   gpointer      data)
{
  Loader *ld = data;
  int l = index_of (ld->learners, col_text (stmt, 0));
  int st = index_of (ld->standards, col_text (stmt, 1));

  if (l >= 0 && st >= 0)
    ld->s->due_soon[(gsize) l * ld->s->n_standards + (guint) st] = 1;
}

/* Appends to PAIRS the indexes in FIRST and SECOND of the uuids in the
 * row's first two columns, when both are known. */
static void
append_index_pair (GArray       *pairs,
                   GHashTable   *first,
                   GHashTable   *second,
                   sqlite3_stmt *stmt)
{
  int a = index_of (first, col_text (stmt, 0));
  int b = index_of (second, col_text (stmt, 1));
  guint pair[2];

  if (a < 0 || b < 0)
    return;
  pair[0] = (guint) a;
  pair[1] = (guint) b;
  g_array_append_vals (pairs, pair, 2);
}

static void
option_standard_row (sqlite3_stmt *stmt,
                     gpointer      data)
{
  Loader *ld = data;

  append_index_pair (ld->opt_links, ld->options, ld->standards, stmt);
}

static void
pick_row (sqlite3_stmt *stmt,
          gpointer      data)
{
  Loader *ld = data;
  int l = index_of (ld->learners, col_text (stmt, 0));
  int o = index_of (ld->options, col_text (stmt, 1));
  const char *status = col_text (stmt, 2);

  if (l < 0)
    return;
  ld->s->picks_chosen++;
  if (g_strcmp0 (status, "submitted") == 0 || g_strcmp0 (status, "assessed") == 0)
    ld->s->picks_finished++;
  if (o < 0)
    return;
  ld->s->picked[(gsize) l * ld->s->n_options + (guint) o] = 1;
  /* Rows come newest first: the last three picks set the recent formats. */
  if (ld->recent_format_count[l] < 3)
    {
      ld->s->recent_formats[l] |= 1u << (g_array_index (ld->opt_format, guint, o) % 32);
      ld->recent_format_count[l]++;
    }
}

static void
prereq_row (sqlite3_stmt *stmt,
            gpointer      data)
{
  Loader *ld = data;

  append_index_pair (ld->prereqs, ld->standards, ld->standards, stmt);
}

static void
decision_row (sqlite3_stmt *stmt,
              gpointer      data)
{
  Loader *ld = data;
  const char *kind = col_text (stmt, 0);
  const char *decision = col_text (stmt, 1);
  int l = index_of (ld->learners, col_text (stmt, 2));
  const char *signature = col_text (stmt, 4);

  if (g_strcmp0 (kind, "alert") == 0 && g_strcmp0 (decision, "followed-up") == 0 && signature != NULL)
    g_hash_table_insert (ld->s->followed_up, g_strdup (signature), g_strdup (col_text (stmt, 5)));
  else if (g_strcmp0 (kind, "option") == 0 && g_strcmp0 (decision, "dismissed") == 0 && l >= 0)
    {
      int o = index_of (ld->options, col_text (stmt, 3));
      guint triple[3];

      if (o < 0 || signature == NULL)
        return;
      triple[0] = (guint) l;
      triple[1] = (guint) o;
      triple[2] = (guint) g_ascii_strtoull (signature, NULL, 10);
      g_array_append_vals (ld->dismissed, triple, 3);
    }
}

static void
due_goal_row (sqlite3_stmt *stmt,
              gpointer      data)
{
  Loader *ld = data;
  int l = index_of (ld->learners, col_text (stmt, 0));
  int st = index_of (ld->standards, col_text (stmt, 1));
  const char *due = col_text (stmt, 2);

  if (l < 0 || st < 0 || due == NULL)
    return;
  if (strncmp (due, ld->s->as_of, 10) >= 0 && strncmp (due, ld->soon_end, 10) <= 0)
    ld->s->due_soon[(gsize) l * ld->s->n_standards + (guint) st] = 1;
}

static void
name_row (sqlite3_stmt *stmt,
          gpointer      data)
{
  Loader *ld = data;
  int l = index_of (ld->learners, col_text (stmt, 0));
  const char *preferred = col_text (stmt, 1);
  const char *given = col_text (stmt, 2);
  const char *family = col_text (stmt, 3);

  if (l < 0)
    return;
  g_free (ld->s->learner_names[l]);
  ld->s->learner_names[l] = g_strdup_printf ("%s %s",
                                             preferred != NULL && preferred[0] != '\0' ? preferred : given,
                                             family != NULL ? family : "");
  g_strstrip (ld->s->learner_names[l]);
}

static void
code_row (sqlite3_stmt *stmt,
          gpointer      data)
{
  Loader *ld = data;
  int st = index_of (ld->standards, col_text (stmt, 0));
  const char *code = col_text (stmt, 1);

  if (st < 0)
    return;
  g_free (ld->s->standard_codes[st]);
  ld->s->standard_codes[st] = g_strdup (code != NULL && code[0] != '\0' ? code : col_text (stmt, 2));
}

/* The evidence of the class, cut at AS_OF_EPOCH. */
static void
copy_evidence (PlClassSnapshot *s,
               PlEvidenceTable *ev,
               gint64           as_of_epoch)
{
  GArray *sl = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *ss = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *off = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *sc = g_array_new (FALSE, FALSE, sizeof (double));
  guint zero = 0;

  g_array_append_val (off, zero);
  for (guint i = 0; i < ev->n_series; i++)
    {
      guint before = sc->len;

      for (guint k = ev->offsets[i]; k < ev->offsets[i + 1]; k++)
        if (ev->assessed_at[k] <= as_of_epoch)
          {
            /* Scores on other scales are brought to the 4-level scale. */
            double v = ev->scale_max[k] > 0 ? ev->scores[k] * 4.0 / ev->scale_max[k] : ev->scores[k];
            g_array_append_val (sc, v);
          }
      if (sc->len == before)
        continue;
      g_array_append_val (sl, ev->series_learner[i]);
      g_array_append_val (ss, ev->series_standard[i]);
      g_array_append_val (off, sc->len);
    }
  s->n_series = sl->len;
  s->series_learner = (guint *) g_array_free (sl, FALSE);
  s->series_standard = (guint *) g_array_free (ss, FALSE);
  s->offsets = (guint *) g_array_free (off, FALSE);
  s->scores = (double *) g_array_free (sc, FALSE);
}

#define CLASS_LEARNERS \
  "SELECT e.learner_uuid FROM enrollment e JOIN learner l ON l.uuid = e.learner_uuid" \
  " WHERE e.classroom_uuid = ?1 AND e.deleted = 0 AND e.archived = 0 AND l.deleted = 0 AND l.archived = 0"

#define CLASS_UNITS \
  "SELECT uuid FROM unit WHERE classroom_uuid = ?1 AND deleted = 0"

#define CLASS_BOARDS \
  "SELECT b.uuid FROM board b WHERE b.deleted = 0 AND (b.classroom_uuid = ?1 OR b.unit_uuid IN (" CLASS_UNITS ")" \
  " OR b.uuid IN (SELECT board_uuid FROM board_assignment WHERE classroom_uuid = ?1 AND deleted = 0))"

PlClassSnapshot *
pl_store_load_class_snapshot (PlStore                  *store,
                              const char               *classroom_uuid,
                              const char               *as_of,
                              const PlInsightsSettings *settings,
                              GError                  **error)
{
  PlInsightsSettings defaults;
  g_autoptr(GArray) checkins = NULL;
  g_autoptr(GHashTable) boards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(PlClassSnapshot) s = g_new0 (PlClassSnapshot, 1);
  g_autoptr(PlEvidenceTable) ev = NULL;
  g_autoptr(GHashTable) learners = NULL;
  g_autoptr(GHashTable) standards = NULL;
  g_autoptr(GHashTable) options = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) end = NULL;
  g_autofree guint *recent_count = NULL;
  char as_of_end[32];
  Loader ld = { 0 };
  GDate day;
  guint counts[2] = { 0, 0 };

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (classroom_uuid != NULL, NULL);

  if (settings == NULL)
    {
      pl_insights_settings_init (&defaults);
      settings = &defaults;
    }
  if (as_of == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_date_clear (&day, 1);
      g_date_set_dmy (&day, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }
  else if (!parse_day (as_of, &day))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)"), as_of);
      return NULL;
    }
  s->as_of = g_malloc (11);
  day_iso (&day, s->as_of);
  g_snprintf (as_of_end, sizeof as_of_end, "%sT23:59:59Z", s->as_of);
  end = g_date_time_new_utc (g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day), 23, 59, 59);
  s->proficient = settings->proficient;
  s->week_start = pl_checkin_week_start (s->as_of, CLAMP (settings->checkin_weekday, 1, 7));
  s->profiles_as_of = TRUE;

  ev = pl_store_load_class_evidence (store, classroom_uuid, error);
  if (ev == NULL)
    return NULL;

  /* Learners and standards as the evidence table orders them. */
  s->n_learners = ev->n_learners;
  s->learner_uuids = g_strdupv (ev->learner_uuids);
  s->learner_names = g_new0 (char *, s->n_learners + 1);
  for (guint l = 0; l < s->n_learners; l++)
    s->learner_names[l] = g_strdup ("");
  s->n_standards = ev->n_standards;
  s->standard_uuids = g_strdupv (ev->standard_uuids);
  s->standard_codes = g_new0 (char *, s->n_standards + 1);
  for (guint i = 0; i < s->n_standards; i++)
    s->standard_codes[i] = g_strdup ("");
  copy_evidence (s, ev, g_date_time_to_unix (end));

  learners = make_index (s->learner_uuids);
  standards = make_index (s->standard_uuids);

  s->days_since_checkin = g_new (int, MAX (s->n_learners, 1));
  s->days_since_profile_update = g_new (int, MAX (s->n_learners, 1));
  for (guint l = 0; l < s->n_learners; l++)
    s->days_since_checkin[l] = s->days_since_profile_update[l] = -1;
  s->checked_in_this_week = g_new0 (gboolean, MAX (s->n_learners, 1));
  s->checkin_missing = g_new0 (guint8, MAX (s->n_learners, 1));
  s->profile_completeness = g_new0 (double, MAX (s->n_learners, 1));
  s->milestones_overdue = g_new0 (guint, MAX (s->n_learners, 1));
  s->recent_completions = g_new0 (guint, MAX (s->n_learners, 1));
  s->recent_fast_low = g_new0 (guint, MAX (s->n_learners, 1));
  s->interest_tags = g_new0 (guint32, MAX (s->n_learners, 1));
  s->preferred_styles = g_new0 (guint32, MAX (s->n_learners, 1));
  s->recent_formats = g_new0 (guint32, MAX (s->n_learners, 1));
  s->due_soon = g_new0 (guint8, MAX ((gsize) s->n_learners * s->n_standards, 1));
  s->followed_up = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  recent_count = g_new0 (guint, MAX (s->n_learners, 1));

  ld.s = s;
  ld.learners = learners;
  ld.standards = standards;
  ld.options = options;
  ld.as_of = day;
  ld.as_of_epoch = g_date_time_to_unix (end);
  ld.boards = boards;
  ld.board_uuids = g_ptr_array_new_with_free_func (g_free);
  ld.recent_format_count = recent_count;
  ld.formats = g_ptr_array_new_with_free_func (g_free);
  ld.tags = g_ptr_array_new_with_free_func (g_free);
  ld.opt_uuids = g_ptr_array_new_with_free_func (g_free);
  ld.opt_titles = g_ptr_array_new_with_free_func (g_free);
  ld.opt_tier = g_array_new (FALSE, FALSE, sizeof (int));
  ld.opt_format = g_array_new (FALSE, FALSE, sizeof (guint));
  ld.opt_tags = g_array_new (FALSE, FALSE, sizeof (guint32));
  ld.opt_styles = g_array_new (FALSE, FALSE, sizeof (guint32));
  ld.opt_board = g_array_new (FALSE, FALSE, sizeof (guint));
  ld.opt_cells = g_array_new (FALSE, FALSE, sizeof (PlBoardCell));
  ld.opt_links = g_array_new (FALSE, FALSE, sizeof (guint));
  ld.prereqs = g_array_new (FALSE, FALSE, sizeof (guint));
  ld.dismissed = g_array_new (FALSE, FALSE, sizeof (guint));
  {
    GDate d = day;

    g_date_add_days (&d, 7);
    day_iso (&d, ld.soon_end);
  }

#define RUN(sql, fn, data) \
  if (!each_row (store, sql, classroom_uuid, as_of_end, fn, data, error)) \
    goto fail

  RUN ("SELECT uuid, preferred_name, given_name, family_name FROM learner WHERE uuid IN (" CLASS_LEARNERS ")",
       name_row, &ld);
  RUN ("SELECT uuid, code, statement FROM standard WHERE deleted = 0 AND ?1 IS NOT NULL", code_row, &ld);
  RUN ("SELECT uuid FROM board WHERE uuid IN (" CLASS_BOARDS ") ORDER BY uuid", board_row, &ld);
  /* Options of the class's boards, their standards, and (interests are matched against the tags). */
  RUN ("SELECT o.uuid, o.title, o.format, o.tier, o.tags, o.board_uuid, o.grid_row, o.grid_col, o.required"
       " FROM choice_option o"
       " WHERE o.deleted = 0 AND o.board_uuid IN (" CLASS_BOARDS ") ORDER BY o.board_uuid, o.grid_row, o.grid_col, o.uuid",
       option_row, &ld);
  RUN ("SELECT option_uuid, standard_uuid FROM option_standard WHERE deleted = 0 AND option_uuid IN"
       " (SELECT uuid FROM choice_option WHERE board_uuid IN (" CLASS_BOARDS "))", option_standard_row, &ld);

  /* Check-ins exactly as the Check-ins view counts them. */
  checkins = pl_store_class_checkin_status (store, classroom_uuid, s->as_of,
                                            CLAMP (settings->checkin_weekday, 1, 7), error);
  if (checkins == NULL)
    goto fail;
  checkin_status_into (&ld, checkins);
  RUN ("SELECT learner_uuid, field, value, edited_at, updated_hlc FROM profile_field"
       " WHERE deleted = 0 AND learner_uuid IN (" CLASS_LEARNERS ")", profile_row, &ld);
  /* Deleted fields count too: a field removed after as_of was there then. */
  RUN ("SELECT max(updated_hlc) FROM profile_field WHERE learner_uuid IN (" CLASS_LEARNERS ")",
       profile_changed_row, &ld);
  RUN ("SELECT learner_uuid, max(noted_at) FROM note WHERE deleted = 0 AND noted_at <= ?2"
       " AND learner_uuid IN (" CLASS_LEARNERS ") GROUP BY learner_uuid", note_row, &ld);

  /* Milestones due by as_of, per learner: done by then, and must-do ones overdue. */
  RUN ("SELECT e.learner_uuid,"
       " sum(p.status = 'done' AND coalesce(p.done_on, '') <= ?2),"
       " sum(m.must_do AND m.due_on < substr(?2, 1, 10) AND NOT (coalesce(p.status, '') = 'done' AND coalesce(p.done_on, '') <= ?2))"
       " FROM (" CLASS_LEARNERS ") e CROSS JOIN milestone m"
       " LEFT JOIN milestone_progress p ON p.milestone_uuid = m.uuid AND p.learner_uuid = e.learner_uuid AND p.deleted = 0"
       " WHERE m.deleted = 0 AND m.due_on <= ?2 AND m.unit_uuid IN (" CLASS_UNITS ")"
       " GROUP BY e.learner_uuid", overdue_row, &ld);
  RUN ("SELECT count(*), 0 FROM milestone WHERE deleted = 0 AND due_on <= ?2 AND unit_uuid IN (" CLASS_UNITS ")",
       count_row, counts);
  s->milestones_due = counts[0] * s->n_learners;

  s->n_options = ld.opt_uuids->len;
  s->picked = g_new0 (guint8, MAX ((gsize) s->n_learners * s->n_options, 1));
  RUN ("SELECT learner_uuid, option_uuid, status FROM pick WHERE deleted = 0 AND coalesce(chosen_at, '') <= ?2"
       " AND learner_uuid IN (" CLASS_LEARNERS ") ORDER BY chosen_at DESC, uuid", pick_row, &ld);

  /* Picks finished in the three weeks up to as_of; time and score come
   * from the evidence scored on them. */
  RUN ("SELECT p.learner_uuid, max(e.minutes_spent), max(o.minutes), avg(e.score * 4.0 / e.scale_max)"
       " FROM pick p JOIN choice_option o ON o.uuid = p.option_uuid"
       " LEFT JOIN evidence e ON e.source_uuid = p.uuid AND e.deleted = 0"
       " WHERE p.deleted = 0 AND p.status IN ('submitted', 'assessed') AND p.status_at <= ?2"
       " AND p.status_at > date(substr(?2, 1, 10), '-21 days')"
       " AND p.learner_uuid IN (" CLASS_LEARNERS ") GROUP BY p.uuid", recent_pick_row, &ld);

  RUN ("SELECT from_uuid, to_uuid FROM standard_link WHERE deleted = 0 AND kind IN ('prerequisite', 'precedes')"
       " AND ?1 IS NOT NULL", prereq_row, &ld);
  RUN ("SELECT kind, decision, learner_uuid, option_uuid, signature, decided_at FROM suggestion_decision"
       " WHERE deleted = 0 AND coalesce(decided_at, '') <= ?2 AND learner_uuid IN (" CLASS_LEARNERS ")"
       " ORDER BY decided_at", decision_row, &ld);
  RUN ("SELECT g.learner_uuid, g.standard_uuid, m.due_on FROM goal g JOIN milestone m ON m.uuid = g.milestone_uuid"
       " WHERE g.deleted = 0 AND g.status = 'active' AND g.learner_uuid IN (" CLASS_LEARNERS ") AND ?2 IS NOT NULL",
       due_goal_row, &ld);
  /* Milestones have no standards of their own: a must-do milestone needs
   * the standards of its unit, for the learners who have not done it. */
  RUN ("SELECT e.learner_uuid, us.standard_uuid FROM (" CLASS_LEARNERS ") e CROSS JOIN milestone m"
       " JOIN unit_standard us ON us.unit_uuid = m.unit_uuid AND us.deleted = 0"
       " LEFT JOIN milestone_progress p ON p.milestone_uuid = m.uuid AND p.learner_uuid = e.learner_uuid AND p.deleted = 0"
       " WHERE m.deleted = 0 AND m.must_do AND m.unit_uuid IN (" CLASS_UNITS ")"
       " AND m.due_on >= substr(?2, 1, 10) AND m.due_on <= date(substr(?2, 1, 10), '+7 days')"
       " AND NOT (coalesce(p.status, '') = 'done' AND coalesce(p.done_on, '') <= ?2)",
       due_milestone_row, &ld);
#undef RUN

  /* Options as flat arrays. */
  s->option_uuids = steal_strv (g_steal_pointer (&ld.opt_uuids));
  s->option_titles = steal_strv (g_steal_pointer (&ld.opt_titles));
  s->option_tier = (int *) g_array_free (g_steal_pointer (&ld.opt_tier), FALSE);
  s->option_format = (guint *) g_array_free (g_steal_pointer (&ld.opt_format), FALSE);
  s->option_tags = (guint32 *) g_array_free (g_steal_pointer (&ld.opt_tags), FALSE);
  s->option_styles = (guint32 *) g_array_free (g_steal_pointer (&ld.opt_styles), FALSE);
  s->option_board = (guint *) g_array_free (g_steal_pointer (&ld.opt_board), FALSE);
  s->option_cells = (PlBoardCell *) g_array_free (g_steal_pointer (&ld.opt_cells), FALSE);
  for (guint i = 0; i < ld.opt_links->len; i += 2)
    s->option_cells[g_array_index (ld.opt_links, guint, i)].n_standards++;
  s->n_boards = ld.board_uuids->len;
  s->board_rules = g_new0 (PlBoardRules, MAX (s->n_boards, 1));
  for (guint b = 0; b < s->n_boards; b++)
    {
      g_autoptr(PlBoard) board = pl_store_get (store, PL_TYPE_BOARD, ld.board_uuids->pdata[b], NULL);

      if (board != NULL)
        pl_board_get_rules (board, &s->board_rules[b]);
    }
  g_clear_pointer (&ld.board_uuids, g_ptr_array_unref);
  s->option_standard_offsets = g_new0 (guint, s->n_options + 1);
  s->option_standards = g_new0 (guint, MAX (ld.opt_links->len / 2, 1));
  for (guint i = 0; i < ld.opt_links->len; i += 2)
    s->option_standard_offsets[g_array_index (ld.opt_links, guint, i) + 1]++;
  for (guint o = 0; o < s->n_options; o++)
    s->option_standard_offsets[o + 1] += s->option_standard_offsets[o];
  {
    g_autofree guint *fill = g_memdup2 (s->option_standard_offsets, sizeof (guint) * (s->n_options + 1));

    for (guint i = 0; i < ld.opt_links->len; i += 2)
      {
        guint o = g_array_index (ld.opt_links, guint, i);
        s->option_standards[fill[o]++] = g_array_index (ld.opt_links, guint, i + 1);
      }
  }
  s->n_prereqs = ld.prereqs->len / 2;
  s->prereq_from = g_new0 (guint, MAX (s->n_prereqs, 1));
  s->prereq_to = g_new0 (guint, MAX (s->n_prereqs, 1));
  for (guint i = 0; i < s->n_prereqs; i++)
    {
      s->prereq_from[i] = g_array_index (ld.prereqs, guint, 2 * i);
      s->prereq_to[i] = g_array_index (ld.prereqs, guint, 2 * i + 1);
    }
  s->n_dismissed = ld.dismissed->len / 3;
  s->dismissed_learner = g_new0 (guint, MAX (s->n_dismissed, 1));
  s->dismissed_option = g_new0 (guint, MAX (s->n_dismissed, 1));
  s->dismissed_signature = g_new0 (guint32, MAX (s->n_dismissed, 1));
  for (guint i = 0; i < s->n_dismissed; i++)
    {
      s->dismissed_learner[i] = g_array_index (ld.dismissed, guint, 3 * i);
      s->dismissed_option[i] = g_array_index (ld.dismissed, guint, 3 * i + 1);
      s->dismissed_signature[i] = g_array_index (ld.dismissed, guint, 3 * i + 2);
    }
  s->format_names = steal_strv (g_steal_pointer (&ld.formats));
  s->option_tag_names = steal_strv (g_steal_pointer (&ld.tags));
  {
    GPtrArray *styles = g_ptr_array_new ();

    for (guint i = 0; i < G_N_ELEMENTS (style_words); i++)
      g_ptr_array_add (styles, g_strdup (style_words[i].style));
    s->style_names = steal_strv (styles);
  }

  g_array_unref (ld.opt_links);
  g_array_unref (ld.prereqs);
  g_array_unref (ld.dismissed);
  return g_steal_pointer (&s);

fail:
  g_clear_pointer (&ld.formats, g_ptr_array_unref);
  g_clear_pointer (&ld.tags, g_ptr_array_unref);
  g_clear_pointer (&ld.opt_uuids, g_ptr_array_unref);
  g_clear_pointer (&ld.opt_titles, g_ptr_array_unref);
  g_clear_pointer (&ld.opt_tier, g_array_unref);
  g_clear_pointer (&ld.opt_format, g_array_unref);
  g_clear_pointer (&ld.opt_tags, g_array_unref);
  g_clear_pointer (&ld.opt_styles, g_array_unref);
  g_clear_pointer (&ld.opt_board, g_array_unref);
  g_clear_pointer (&ld.opt_cells, g_array_unref);
  g_clear_pointer (&ld.board_uuids, g_ptr_array_unref);
  g_clear_pointer (&ld.opt_links, g_array_unref);
  g_clear_pointer (&ld.prereqs, g_array_unref);
  g_clear_pointer (&ld.dismissed, g_array_unref);
  return NULL;
}

gboolean
pl_store_record_decision (PlStore     *store,
                          const char  *learner_uuid,
                          const char  *kind,
                          const char  *option_uuid,
                          const char  *decision,
                          const char  *signature,
                          GError     **error)
{
  g_autoptr(PlRecord) record = NULL;
  g_autoptr(GListModel) same = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  const char *params[] = {
    learner_uuid, kind, option_uuid != NULL ? option_uuid : "", decision,
    signature != NULL ? signature : "", NULL
  };

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (learner_uuid != NULL && kind != NULL && decision != NULL, FALSE);

  if (!pl_store_begin (store, error))
    return FALSE;

  /* A second click on the same button finds the first decision. */
  same = _pl_store_query (store, PL_TYPE_SUGGESTION_DECISION,
                          "WHERE t.deleted = 0 AND t.learner_uuid = ?1 AND t.kind = ?2"
                          " AND coalesce(t.option_uuid, '') = ?3 AND t.decision = ?4"
                          " AND coalesce(t.signature, '') = ?5 LIMIT 1",
                          params, error);
  if (same == NULL)
    goto fail;
  if (g_list_model_get_n_items (same) == 0)
    {
      record = PL_RECORD (pl_suggestion_decision_new ());
      pl_record_set_string (record, "learner-uuid", learner_uuid);
      pl_record_set_string (record, "option-uuid", option_uuid);
      pl_record_set_string (record, "kind", kind);
      pl_record_set_string (record, "decision", decision);
      pl_record_set_string (record, "signature", signature);
      pl_record_set_string (record, "decided-at", stamp);
      if (!pl_store_save (store, record, error))
        goto fail;
    }

  if (g_strcmp0 (decision, "accepted") == 0 && option_uuid != NULL)
    {
      /* The Boards view's own way of picking: it returns the pick the
       * learner already has of this option instead of making another. */
      g_autoptr(PlPick) pick = pl_store_record_pick (store, learner_uuid, option_uuid, error);

      if (pick == NULL)
        goto fail;
    }
  return pl_store_commit (store, error);

fail:
  pl_store_rollback (store);
  return FALSE;
}
