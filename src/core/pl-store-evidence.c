/* pl-store-evidence.c — evidence of a class as flat arrays, and bulk writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pl-store-evidence.h"
#include "pl-rng.h"
#include "pl-store-private.h"
#include "pl-uuid.h"

char *
pl_evidence_normalize_date (const char *text)
{
  guint y, m, d;
  int consumed = 0;

  if (text == NULL || strlen (text) < 10 || text[4] != '-' || text[7] != '-')
    return NULL;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return NULL;
  if (sscanf (text, "%4u-%2u-%2u%n", &y, &m, &d, &consumed) != 3 || consumed != 10 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return NULL;
  if (text[10] != '\0')
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) when = NULL;

      /* A time of day must be one, but only the date is kept. */
      if (text[10] != 'T' && text[10] != 't' && text[10] != ' ')
        return NULL;
      when = g_date_time_new_from_iso8601 (text, utc);
      if (when == NULL)
        return NULL;
    }
  return g_strndup (text, 10);
}

void
pl_evidence_table_free (PlEvidenceTable *table)
{
  if (table == NULL)
    return;
  g_strfreev (table->learner_uuids);
  g_strfreev (table->standard_uuids);
  g_free (table->series_learner);
  g_free (table->series_standard);
  g_free (table->offsets);
  g_free (table->scores);
  g_free (table->scale_max);
  g_free (table->assessed_at);
  g_free (table);
}

/* Collects the first column of every row of STMT (bound by the caller)
 * into OUT and maps each value to its index in INDEX. */
static gboolean
collect_uuids (PlStore       *store,
               sqlite3_stmt  *stmt,
               GPtrArray     *out,
               GHashTable    *index,
               GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *uuid = (const char *) sqlite3_column_text (stmt, 0);
      char *copy;

      if (uuid == NULL || g_hash_table_contains (index, uuid))
        continue;
      copy = g_strdup (uuid);
      g_hash_table_insert (index, copy, GUINT_TO_POINTER (out->len));
      g_ptr_array_add (out, copy);
    }
  if (rc != SQLITE_DONE)
    {
      _pl_store_set_error (store, error, _("cannot read evidence"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

PlEvidenceTable *
pl_store_load_class_evidence (PlStore     *store,
                              const char  *classroom_uuid,
                              GError     **error)
{
  g_autoptr(PlEvidenceTable) table = g_new0 (PlEvidenceTable, 1);
  /* Index values point into the arrays' strings, which outlive the maps. */
  g_autoptr(GHashTable) learner_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) standard_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) learners = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) standards = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) series_learner = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) series_standard = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scale_max = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) assessed = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  guint current_learner = G_MAXUINT, current_standard = G_MAXUINT;
  int rc;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (classroom_uuid != NULL, NULL);

  stmt = _pl_store_prepare (store,
                            "SELECT l.uuid FROM enrollment en"
                            " JOIN learner l ON l.uuid = en.learner_uuid"
                            " WHERE en.classroom_uuid = ?1 AND en.deleted = 0 AND en.archived = 0"
                            "   AND l.deleted = 0"
                            " ORDER BY l.family_name COLLATE NOCASE, l.given_name COLLATE NOCASE, l.uuid",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, classroom_uuid, -1, SQLITE_TRANSIENT);
  if (!collect_uuids (store, stmt, learners, learner_index, error))
    goto fail;

  stmt = _pl_store_prepare (store,
                            "SELECT s.uuid FROM unit u"
                            " JOIN unit_standard us ON us.unit_uuid = u.uuid AND us.deleted = 0"
                            " JOIN standard s ON s.uuid = us.standard_uuid AND s.deleted = 0"
                            " WHERE u.classroom_uuid = ?1 AND u.deleted = 0"
                            " ORDER BY s.position, s.code, s.uuid",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, classroom_uuid, -1, SQLITE_TRANSIENT);
  if (!collect_uuids (store, stmt, standards, standard_index, error))
    goto fail;

  /* Walks the evidence of each enrolled learner through the
   * evidence_learner index; corrections are found through
   * evidence_supersedes. */
  stmt = _pl_store_prepare (store,
                            "SELECT e.learner_uuid, coalesce (e.standard_uuid, c.standard_uuid) AS su,"
                            "  e.score, e.scale_max, CAST (strftime ('%s', substr (e.assessed_at, 1, 10)) AS INTEGER)"
                            " FROM evidence e"
                            " LEFT JOIN criterion c ON e.standard_uuid IS NULL AND c.uuid = e.criterion_uuid"
                            " WHERE e.learner_uuid IN (SELECT en.learner_uuid FROM enrollment en"
                            "                          WHERE en.classroom_uuid = ?1 AND en.deleted = 0"
                            "                            AND en.archived = 0)"
                            "   AND e.deleted = 0"
                            "   AND NOT EXISTS (SELECT 1 FROM evidence f"
                            "                   WHERE f.supersedes_uuid = e.uuid AND f.deleted = 0)"
                            " ORDER BY e.learner_uuid, su, substr (e.assessed_at, 1, 10), e.updated_hlc, e.uuid",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, classroom_uuid, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *learner = (const char *) sqlite3_column_text (stmt, 0);
      const char *standard = (const char *) sqlite3_column_text (stmt, 1);
      gpointer value;
      guint li, si;
      double score = sqlite3_column_double (stmt, 2);
      double top = sqlite3_column_double (stmt, 3);
      gint64 when = sqlite3_column_int64 (stmt, 4);

      if (learner == NULL || standard == NULL ||
          !g_hash_table_lookup_extended (learner_index, learner, NULL, &value))
        continue;
      li = GPOINTER_TO_UINT (value);
      if (g_hash_table_lookup_extended (standard_index, standard, NULL, &value))
        si = GPOINTER_TO_UINT (value);
      else
        {
          char *copy = g_strdup (standard);

          si = standards->len;
          g_hash_table_insert (standard_index, copy, GUINT_TO_POINTER (si));
          g_ptr_array_add (standards, copy);
        }

      if (li != current_learner || si != current_standard)
        {
          g_array_append_val (series_learner, li);
          g_array_append_val (series_standard, si);
          g_array_append_val (offsets, scores->len);
          current_learner = li;
          current_standard = si;
        }
      g_array_append_val (scores, score);
      g_array_append_val (scale_max, top);
      g_array_append_val (assessed, when);
    }
  if (rc != SQLITE_DONE)
    {
      _pl_store_set_error (store, error, _("cannot read evidence"));
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);
  g_array_append_val (offsets, scores->len);

  table->n_learners = learners->len;
  g_ptr_array_add (learners, NULL);
  table->learner_uuids = (char **) g_ptr_array_steal (learners, NULL);
  table->n_standards = standards->len;
  g_ptr_array_add (standards, NULL);
  table->standard_uuids = (char **) g_ptr_array_steal (standards, NULL);
  table->n_series = series_learner->len;
  table->series_learner = (guint *) (void *) g_array_steal (series_learner, NULL);
  table->series_standard = (guint *) (void *) g_array_steal (series_standard, NULL);
  table->offsets = (guint *) (void *) g_array_steal (offsets, NULL);
  table->n_scores = scores->len;
  table->scores = (double *) (void *) g_array_steal (scores, NULL);
  table->scale_max = (double *) (void *) g_array_steal (scale_max, NULL);
  table->assessed_at = (gint64 *) (void *) g_array_steal (assessed, NULL);
  return g_steal_pointer (&table);

fail:
  return NULL;
}

static const char insert_evidence_sql[] =
  "INSERT INTO evidence (uuid, updated_hlc, origin, deleted, learner_uuid, standard_uuid,"
  " criterion_uuid, score, scale_max, assessed_at, source, source_uuid, comment,"
  " supersedes_uuid, minutes_spent)"
  " VALUES (?1, ?2, ?3, 0, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

/* N new uuids in increasing order, 37 bytes each. Rows usually come
 * grouped by learner; giving them increasing uuids in that order keeps
 * both the primary key's and the learner index's writes close together,
 * several times faster than random order on a large table.
 *
 * Sorted without sorting: the i-th uuid's first 64 bits fall at random
 * in the i-th of N equal slices of their range, the other bits are
 * random. A slice is a multiple of 2^16 wide, so the version nibble
 * (bits 12-15) never moves a value out of its slice. */
static char *
sorted_random_uuids (gsize n)
{
  char *text = g_malloc (MAX (n, 1) * 37);
  guint64 width = MAX ((G_MAXUINT64 / MAX (n, 1)) & ~G_GUINT64_CONSTANT (0xffff), 0x10000);
  PlRng rng;

  pl_rng_init_random (&rng);
  for (gsize i = 0; i < n; i++)
    {
      guint64 hi = (guint64) i * width + pl_rng_next (&rng) % width;

      pl_uuid_format_bits (pl_uuid_v4_hi (hi), pl_uuid_v4_lo (pl_rng_next (&rng)), text + 37 * i);
    }
  return text;
}

/* A batch of at least this many rows that at least triples the table
 * gets the table's full indexes rebuilt after its rows, each sorted once,
 * instead of updated row by row in random order (the learner index would
 * otherwise touch a random page for every row and spill it to the log
 * again and again). Inside the batch's transaction: all or nothing. */
#define REBUILD_MIN_ROWS 20000

/* Page cache for a large batch, in KiB: the new rows' pages and the
 * index sort stay in memory until the commit writes them once. */
#define BULK_CACHE_KIB 65536

typedef struct
{
  PlStore    *store;
  gint64      cache_size;        /* to restore; 0: left alone */
  GPtrArray  *dropped_indexes;   /* CREATE INDEX statements to run again */
} BulkWrite;

static void
bulk_write_prepare (BulkWrite *bulk,
                    PlStore   *store,
                    gsize      n_rows)
{
  bulk->store = store;
  bulk->cache_size = 0;
  bulk->dropped_indexes = NULL;
  if (n_rows < REBUILD_MIN_ROWS)
    return;
  bulk->cache_size = _pl_store_query_int64 (store, "PRAGMA cache_size");
  /* Negative values are KiB, positive ones pages: compare as KiB. */
  if ((bulk->cache_size < 0 ? -bulk->cache_size : bulk->cache_size * 4) < BULK_CACHE_KIB)
    _pl_store_set_cache_size (store, -BULK_CACHE_KIB);
  else
    bulk->cache_size = 0;
}

/* Drops the full indexes of evidence when the batch is large next to the
 * table. Partial indexes (corrections only) stay: few rows reach them. */
static gboolean
bulk_write_drop_indexes (BulkWrite  *bulk,
                         gsize       n_rows,
                         GError    **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  if (n_rows < REBUILD_MIN_ROWS ||
      (gint64) n_rows <= 2 * _pl_store_query_int64 (bulk->store, "SELECT max(rowid) FROM evidence"))
    return TRUE;

  /* Automatic indexes (the primary key) have no SQL and stay. */
  stmt = _pl_store_prepare (bulk->store,
                            "SELECT name, sql FROM sqlite_schema WHERE type = 'index'"
                            " AND tbl_name = 'evidence' AND sql IS NOT NULL"
                            " AND sql NOT LIKE '% WHERE %'",
                            error);
  if (stmt == NULL)
    return FALSE;
  bulk->dropped_indexes = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (bulk->dropped_indexes, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pl_store_set_error (bulk->store, error, _("cannot read the schema"));
      return FALSE;
    }
  for (guint i = 0; i < names->len; i++)
    {
      /* Index names come from the schema itself, quoted all the same. */
      g_autofree char *sql = g_strdup_printf ("DROP INDEX \"%s\"", (char *) names->pdata[i]);

      if (!_pl_store_exec (bulk->store, sql, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
bulk_write_restore_indexes (BulkWrite  *bulk,
                            GError    **error)
{
  for (guint i = 0; bulk->dropped_indexes != NULL && i < bulk->dropped_indexes->len; i++)
    if (!_pl_store_exec (bulk->store, bulk->dropped_indexes->pdata[i], error))
      return FALSE;
  return TRUE;
}

/* After the commit or the rollback. */
static void
bulk_write_finish (BulkWrite *bulk)
{
  if (bulk->cache_size != 0)
    _pl_store_set_cache_size (bulk->store, bulk->cache_size);
  g_clear_pointer (&bulk->dropped_indexes, g_ptr_array_unref);
}

gboolean
pl_store_add_evidence (PlStore              *store,
                       const PlEvidenceRow  *rows,
                       gsize                 n_rows,
                       GError              **error)
{
  g_autofree char *new_uuids = NULL;
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  const char *origin;
  sqlite3_stmt *stmt;
  BulkWrite bulk;
  gsize n_new = 0;
  gboolean ok;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (rows != NULL || n_rows == 0, FALSE);

  for (gsize i = 0; i < n_rows; i++)
    {
      const PlEvidenceRow *row = &rows[i];
      const char *missing = NULL;

      if (row->learner_uuid == NULL)
        missing = "learner_uuid";
      else if (row->standard_uuid == NULL && row->criterion_uuid == NULL)
        missing = "standard_uuid";
      else if (row->assessed_at == NULL)
        missing = "assessed_at";
      if (missing != NULL)
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                       _("evidence row %zu: %s is missing"), i + 1, missing);
          return FALSE;
        }
      g_ptr_array_add (dates, pl_evidence_normalize_date (row->assessed_at));
      if (g_ptr_array_index (dates, i) == NULL)
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                       _("evidence row %zu: assessed_at “%s” is not a date (YYYY-MM-DD)"),
                       i + 1, row->assessed_at);
          return FALSE;
        }
      if (row->uuid == NULL)
        n_new++;
    }
  if (n_rows == 0)
    return TRUE;
  new_uuids = sorted_random_uuids (n_new);
  n_new = 0;

  origin = pl_store_get_device_id (store);
  if (!pl_store_begin (store, error))
    return FALSE;
  bulk_write_prepare (&bulk, store, n_rows);
  if (!bulk_write_drop_indexes (&bulk, n_rows, error))
    goto fail;
  stmt = _pl_store_prepare (store, insert_evidence_sql, error);
  if (stmt == NULL)
    goto fail;

  /* Bound once: the same for every row. */
  sqlite3_bind_text (stmt, 3, origin, -1, SQLITE_STATIC);
  for (gsize i = 0; i < n_rows; i++)
    {
      const PlEvidenceRow *row = &rows[i];
      const char *uuid = row->uuid != NULL ? row->uuid : new_uuids + 37 * n_new++;
      int rc;

      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, (sqlite3_int64) _pl_store_tick (store));
      sqlite3_bind_text (stmt, 4, row->learner_uuid, -1, SQLITE_STATIC);
      bind_text_or_null (stmt, 5, row->standard_uuid);
      bind_text_or_null (stmt, 6, row->criterion_uuid);
      sqlite3_bind_double (stmt, 7, row->score);
      sqlite3_bind_double (stmt, 8, row->scale_max > 0 ? row->scale_max : 4.0);
      sqlite3_bind_text (stmt, 9, g_ptr_array_index (dates, i), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 10, row->source != NULL ? row->source : "manual", -1, SQLITE_STATIC);
      bind_text_or_null (stmt, 11, row->source_uuid);
      bind_text_or_null (stmt, 12, row->comment);
      bind_text_or_null (stmt, 13, row->supersedes_uuid);
      sqlite3_bind_int (stmt, 14, row->minutes_spent);
      /* Reset keeps the bindings: each row sets all but the origin. */
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        {
          _pl_store_set_error (store, error, _("cannot write"));
          sqlite3_reset (stmt);
          goto fail;
        }
      sqlite3_reset (stmt);
    }
  if (!bulk_write_restore_indexes (&bulk, error))
    goto fail;
  _pl_store_mark_changed (store, "evidence");
  ok = pl_store_commit (store, error);
  bulk_write_finish (&bulk);
  return ok;

fail:
  pl_store_rollback (store);
  bulk_write_finish (&bulk);
  return FALSE;
}
