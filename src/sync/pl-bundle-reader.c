/* pl-bundle-reader.c — verifying and importing .plbundle files as a stream
 *
 * A bundle is read twice: a first pass checks everything (structure,
 * school, every record, counts, checksum, HMAC) without touching the
 * database; the second merges inside one transaction and checks the
 * content again, so a file changed between the passes is refused too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "core/pl-schema.h"
#include "pl-bundle-private.h"
#include "pl-sync-school.h"

#define READ_CHUNK (256 * 1024)

typedef struct
{
  GInputStream  *in;
  guint8        *buf;
  gsize          cap;
  gsize          pos;        /* next unread byte */
  gsize          len;        /* bytes in buf */
  gsize          hashed;     /* bytes of buf already in sha */
  gboolean       hashing;
  gboolean       eof;
  PlBundleHash  *sha;
  guint64        offset;     /* file offset of buf[0] */
  GCancellable  *cancellable;
  const char    *name;
} Reader;

static void
reader_init (Reader       *r,
             GInputStream *in,
             const char   *name,
             GCancellable *cancellable)
{
  memset (r, 0, sizeof *r);
  r->in = in;
  r->cap = READ_CHUNK;
  r->buf = g_malloc (r->cap);
  r->hashing = TRUE;
  r->sha = _pl_bundle_hash_new ();
  r->cancellable = cancellable;
  r->name = name;
}

static void
reader_clear (Reader *r)
{
  g_free (r->buf);
  _pl_bundle_hash_free (r->sha);
}

static guint64
reader_tell (Reader *r)
{
  return r->offset + r->pos;
}

static void
reader_hash_to_pos (Reader *r)
{
  if (r->hashing && r->pos > r->hashed)
    _pl_bundle_hash_update (r->sha, r->buf + r->hashed, r->pos - r->hashed);
  r->hashed = MAX (r->hashed, r->pos);
}

/* Makes N bytes available at buf + pos. FALSE with *ERROR unset at the end
 * of the file; FALSE with *ERROR set when reading failed. */
static gboolean
reader_ensure (Reader  *r,
               gsize    n,
               GError **error)
{
  while (r->len - r->pos < n)
    {
      g_autoptr(GError) local_error = NULL;
      gssize got;

      if (r->eof)
        return FALSE;
      reader_hash_to_pos (r);
      memmove (r->buf, r->buf + r->pos, r->len - r->pos);
      r->offset += r->pos;
      r->len -= r->pos;
      r->pos = 0;
      r->hashed = 0;
      if (r->cap < n)
        {
          r->cap = n;
          r->buf = g_realloc (r->buf, r->cap);
        }
      got = g_input_stream_read (r->in, r->buf + r->len, r->cap - r->len, r->cancellable,
                                 &local_error);
      if (got < 0)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_FAILED,
                         _("%s: cannot read: %s"), r->name, local_error->message);
          return FALSE;
        }
      if (got == 0)
        r->eof = TRUE;
      r->len += (gsize) got;
    }
  return TRUE;
}

static guint32
get_u32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static guint64
get_u64 (const guint8 *p)
{
  return ((guint64) get_u32 (p) << 32) | get_u32 (p + 4);
}

static gboolean G_GNUC_PRINTF (5, 6)
fail_at (Reader      *r,
         guint64      at,
         GError     **error,
         int          code,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, PL_BUNDLE_ERROR, code, _("%s: byte %" PRIu64 ": %s"),
               r->name, at, message);
  return FALSE;
}

/* ---- the manifest -------------------------------------------------- */

static gboolean
member_string (JsonObject   *o,
               const char   *name,
               gboolean      required,
               char        **out,
               GString      *problem)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        g_string_append_printf (problem, _("the manifest lacks “%s”"), name);
      return !required;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_string_append_printf (problem, _("the manifest’s “%s” is not text"), name);
      return FALSE;
    }
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
member_uint (JsonObject *o,
             const char *name,
             guint64    *out,
             GString    *problem)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) < 0)
    {
      g_string_append_printf (problem, _("the manifest’s “%s” is not a whole number"), name);
      return FALSE;
    }
  *out = (guint64) json_node_get_int (node);
  return TRUE;
}

static GHashTable *
member_vector (JsonObject *o,
               const char *name,
               GString    *problem)
{
  JsonNode *node = json_object_get_member (o, name);
  g_autofree char *json = NULL;
  g_autoptr(GError) local_error = NULL;
  GHashTable *vector;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_string_append_printf (problem, _("the manifest’s “%s” is not an object"), name);
      return NULL;
    }
  json = json_to_string (node, FALSE);
  vector = pl_sync_vector_from_json (json, &local_error);
  if (vector == NULL)
    g_string_append_printf (problem, _("the manifest’s “%s”: %s"), name, local_error->message);
  return vector;
}

static PlBundleManifest *
parse_manifest (const guint8 *data,
                gsize         len,
                GString      *problem)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(PlBundleManifest) m = g_new0 (PlBundleManifest, 1);
  g_autoptr(GError) local_error = NULL;
  JsonObject *o, *clock, *counts;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;
  guint64 format = 0;

  if (!g_utf8_validate_len ((const char *) data, len, NULL))
    {
      g_string_append (problem, _("the manifest is not valid UTF-8"));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, (const char *) data, (gssize) len, &local_error))
    {
      g_string_append_printf (problem, _("the manifest is not JSON: %s"), local_error->message);
      return NULL;
    }
  /* An empty text parses, with no root. */
  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_string_append (problem, _("the manifest is not a JSON object"));
      return NULL;
    }
  o = json_node_get_object (json_parser_get_root (parser));

  if (!member_uint (o, "format", &format, problem) ||
      !member_string (o, "school", TRUE, &m->school, problem) ||
      !member_string (o, "sender", TRUE, &m->sender, problem) ||
      !member_string (o, "sender_role", TRUE, &m->sender_role, problem) ||
      !member_string (o, "sender_name", FALSE, &m->sender_name, problem) ||
      !member_string (o, "recipient", FALSE, &m->recipient, problem) ||
      !member_string (o, "created_at", TRUE, &m->created_at, problem) ||
      !member_uint (o, "total", &m->total, problem))
    return NULL;
  m->format = (guint) MIN (format, G_MAXUINT);
  if (*m->sender == '\0' || strlen (m->sender) > 200)
    {
      g_string_append (problem, _("the manifest’s “sender” is not a device id"));
      return NULL;
    }
  if (g_strcmp0 (m->sender_role, "device") != 0 && g_strcmp0 (m->sender_role, "hub") != 0)
    {
      g_string_append (problem, _("the manifest’s “sender_role” is neither “device” nor “hub”"));
      return NULL;
    }

  node = json_object_get_member (o, "clock");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_string_append (problem, _("the manifest’s “clock” is not an object"));
      return NULL;
    }
  clock = json_node_get_object (node);
  if (!member_uint (clock, "min", &m->min_hlc, problem) ||
      !member_uint (clock, "max", &m->max_hlc, problem))
    return NULL;

  node = json_object_get_member (o, "counts");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_string_append (problem, _("the manifest’s “counts” is not an object"));
      return NULL;
    }
  counts = json_node_get_object (node);
  m->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  json_object_iter_init (&iter, counts);
  while (json_object_iter_next (&iter, &member, &node))
    {
      guint64 n;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
          json_node_get_int (node) < 0)
        {
          g_string_append_printf (problem, _("the manifest’s count of “%s” is not a whole number"),
                                  member);
          return NULL;
        }
      n = (guint64) json_node_get_int (node);
      g_hash_table_insert (m->counts, g_strdup (member), g_memdup2 (&n, sizeof n));
    }

  m->seen = member_vector (o, "seen", problem);
  if (m->seen == NULL)
    return NULL;
  m->base = member_vector (o, "base", problem);
  if (m->base == NULL)
    return NULL;
  return g_steal_pointer (&m);
}

/* ---- frames -------------------------------------------------------- */

typedef struct
{
  /* Both may be NULL (verifying). */
  gboolean (*table) (gpointer data, PlSyncTablePlan *plan, guint64 n_rows, GError **error);
  gboolean (*row)   (gpointer data, guint n, const PlSyncValue *values, GError **error);
  gpointer  data;
  PlBundleProgressFunc progress;
  gpointer  progress_data;
  double    progress_from;
  double    progress_span;
  guint64   size;
} Pass;

typedef struct
{
  PlStore           *store;
  const char        *school;
  const guint8      *key;
  PlBundleManifest  *manifest;     /* out */
  guint8             digest[PL_BUNDLE_DIGEST_LEN];
} Expect;

static gboolean
read_short_string (const guint8 **p,
                   const guint8  *end,
                   char         **out)
{
  guint8 len;

  if (*p >= end)
    return FALSE;
  len = **p;
  (*p)++;
  if ((gsize) (end - *p) < len)
    return FALSE;
  *out = g_strndup ((const char *) *p, len);
  *p += len;
  return TRUE;
}

static gboolean
decode_row (const guint8 *p,
            const guint8 *end,
            guint         n_values,
            PlSyncValue  *values)
{
  for (guint c = 0; c < n_values; c++)
    {
      PlSyncValue *v = &values[c];
      guint64 bits;

      if (p >= end)
        return FALSE;
      switch (*p++)
        {
        case PL_VALUE_NULL:
          v->type = PL_SYNC_VALUE_NULL;
          break;
        case PL_VALUE_INT:
          if (end - p < 8)
            return FALSE;
          v->type = PL_SYNC_VALUE_INT;
          v->i = (gint64) get_u64 (p);
          p += 8;
          break;
        case PL_VALUE_REAL:
          if (end - p < 8)
            return FALSE;
          v->type = PL_SYNC_VALUE_REAL;
          bits = get_u64 (p);
          memcpy (&v->d, &bits, sizeof v->d);
          p += 8;
          break;
        case PL_VALUE_TEXT:
          if (end - p < 4)
            return FALSE;
          v->type = PL_SYNC_VALUE_TEXT;
          v->len = get_u32 (p);
          p += 4;
          if ((gsize) (end - p) < v->len)
            return FALSE;
          v->s = (const char *) p;
          p += v->len;
          break;
        default:
          return FALSE;
        }
    }
  return p == end;
}

static gboolean
parse_bundle (Reader   *r,
              Expect   *x,
              Pass     *pass,
              GError  **error)
{
  g_autoptr(PlSyncTablePlan) plan = NULL;
  g_autoptr(GHashTable) tables_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree PlSyncValue *values = NULL;
  g_autoptr(GError) local_error = NULL;
  guint64 declared_rows = 0, rows_in_table = 0, total_rows = 0;
  guint64 table_start = 0;
  guint32 version;

  if (!reader_ensure (r, PL_BUNDLE_HEADER_LEN, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (r->len >= PL_BUNDLE_MAGIC_LEN && memcmp (r->buf, PL_BUNDLE_MAGIC, PL_BUNDLE_MAGIC_LEN) == 0)
        return fail_at (r, r->len, error, PL_BUNDLE_ERROR_TRUNCATED,
                        _("the bundle is cut short (it ends inside its header)"));
      return fail_at (r, 0, error, PL_BUNDLE_ERROR_NOT_A_BUNDLE,
                      _("not a PersonalLearn bundle"));
    }
  if (memcmp (r->buf, PL_BUNDLE_MAGIC, PL_BUNDLE_MAGIC_LEN) != 0)
    return fail_at (r, 0, error, PL_BUNDLE_ERROR_NOT_A_BUNDLE, _("not a PersonalLearn bundle"));
  version = get_u32 (r->buf + PL_BUNDLE_MAGIC_LEN);
  if (version > PL_BUNDLE_FORMAT_VERSION)
    return fail_at (r, PL_BUNDLE_MAGIC_LEN, error, PL_BUNDLE_ERROR_NEWER_FORMAT,
                    _("written by a newer PersonalLearn (bundle format %u; this version reads up to %u); update PersonalLearn to import it"),
                    version, PL_BUNDLE_FORMAT_VERSION);
  if (version == 0)
    return fail_at (r, PL_BUNDLE_MAGIC_LEN, error, PL_BUNDLE_ERROR_CORRUPT,
                    _("bundle format 0 does not exist"));
  r->pos = PL_BUNDLE_HEADER_LEN;

  for (guint64 frame = 0;; frame++)
    {
      guint64 at = reader_tell (r);
      const guint8 *payload, *end;
      guint8 tag;
      guint32 len;

      if ((frame & 0x3fff) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (r->cancellable, error))
            return FALSE;
          if (pass->progress != NULL && pass->size > 0)
            pass->progress (pass->progress_from + pass->progress_span * (double) at / (double) pass->size,
                            pass->progress_data);
        }

      if (!reader_ensure (r, 5, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          return fail_at (r, at + (r->len - r->pos), error, PL_BUNDLE_ERROR_TRUNCATED,
                          _("the bundle is cut short (it ends before its checksum)"));
        }
      tag = r->buf[r->pos];
      len = get_u32 (r->buf + r->pos + 1);

      if (tag == PL_FRAME_TRAILER)
        {
          guint8 mac[PL_BUNDLE_DIGEST_LEN];
          guint8 digest[PL_BUNDLE_DIGEST_LEN];

          if (x->manifest == NULL)
            return fail_at (r, at, error, PL_BUNDLE_ERROR_CORRUPT, _("the bundle has no manifest"));
          /* Everything before the trailer is the content. */
          reader_hash_to_pos (r);
          r->hashing = FALSE;
          if (len != 2 * PL_BUNDLE_DIGEST_LEN)
            return fail_at (r, at, error, PL_BUNDLE_ERROR_CORRUPT, _("the trailer is malformed"));
          if (!reader_ensure (r, 5 + len, &local_error))
            {
              if (local_error != NULL)
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return FALSE;
                }
              return fail_at (r, at, error, PL_BUNDLE_ERROR_TRUNCATED,
                              _("the bundle is cut short (it ends inside its checksum)"));
            }
          if (plan != NULL && rows_in_table != declared_rows)
            return fail_at (r, table_start, error, PL_BUNDLE_ERROR_CORRUPT,
                            _("table “%s” holds %" PRIu64 " records, its header says %" PRIu64),
                            pl_sync_table_plan_get_table (plan), rows_in_table, declared_rows);
          _pl_bundle_hash_finish (r->sha, digest, NULL);
          if (memcmp (digest, r->buf + r->pos + 5, PL_BUNDLE_DIGEST_LEN) != 0)
            return fail_at (r, at, error, PL_BUNDLE_ERROR_CORRUPT,
                            _("the checksum does not match: the bundle was altered or damaged"));
          _pl_bundle_sign (x->key, digest, mac);
          if (memcmp (mac, r->buf + r->pos + 5 + PL_BUNDLE_DIGEST_LEN, PL_BUNDLE_DIGEST_LEN) != 0)
            return fail_at (r, at, error, PL_BUNDLE_ERROR_FORGED,
                            _("the signature does not match this school’s sync key: the bundle was altered, or the key is wrong"));
          memcpy (x->digest, digest, sizeof digest);
          r->pos += 5 + len;
          if (reader_ensure (r, 1, &local_error) || local_error != NULL)
            {
              if (local_error != NULL)
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return FALSE;
                }
              return fail_at (r, reader_tell (r), error, PL_BUNDLE_ERROR_CORRUPT,
                              _("there are bytes after the end of the bundle"));
            }
          /* Only now, with the content authenticated, do its claims count. */
          if (total_rows != x->manifest->total)
            return fail_at (r, at, error, PL_BUNDLE_ERROR_CORRUPT,
                            _("the bundle holds %" PRIu64 " records, its manifest says %" PRIu64),
                            total_rows, x->manifest->total);
          {
            GHashTableIter iter;
            gpointer key, value;

            g_hash_table_iter_init (&iter, x->manifest->counts);
            while (g_hash_table_iter_next (&iter, &key, &value))
              if (*(guint64 *) value > 0 && !g_hash_table_contains (tables_seen, key))
                return fail_at (r, at, error, PL_BUNDLE_ERROR_CORRUPT,
                                _("table “%s” is missing"), (const char *) key);
          }
          return TRUE;
        }

      if (len > PL_BUNDLE_MAX_FRAME)
        return fail_at (r, at, error, PL_BUNDLE_ERROR_CORRUPT,
                        _("a part claims %u bytes, more than a bundle may hold"), len);
      if (!reader_ensure (r, 5 + (gsize) len, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          return fail_at (r, at, error, PL_BUNDLE_ERROR_TRUNCATED,
                          _("the bundle is cut short (it ends inside a record)"));
        }
      payload = r->buf + r->pos + 5;
      end = payload + len;

      switch (tag)
        {
        case PL_FRAME_MANIFEST:
          {
            g_autoptr(GString) problem = g_string_new (NULL);

            if (x->manifest != NULL)
              return fail_at (r, at, error, PL_BUNDLE_ERROR_CORRUPT, _("a second manifest"));
            x->manifest = parse_manifest (payload, len, problem);
            if (x->manifest == NULL)
              return fail_at (r, at, error, PL_BUNDLE_ERROR_CORRUPT, "%s", problem->str);
            if (x->manifest->format != version)
              return fail_at (r, at, error, PL_BUNDLE_ERROR_CORRUPT,
                              _("the manifest says format %u, the header %u"),
                              x->manifest->format, version);
            if (g_ascii_strcasecmp (x->manifest->school, x->school) != 0)
              return fail_at (r, at, error, PL_BUNDLE_ERROR_OTHER_SCHOOL,
                              _("the bundle is from another school (%s); this database belongs to school %s"),
                              x->manifest->school, x->school);
          }
          break;

        case PL_FRAME_TABLE:
          {
            g_autofree char *table = NULL;
            g_auto(GStrv) columns = NULL;
            const guint8 *p = payload;
            guint16 n_columns;
            guint64 *count;

            if (x->manifest == NULL)
              return fail_at (r, at, error, PL_BUNDLE_ERROR_CORRUPT, _("a table before the manifest"));
            if (plan != NULL && rows_in_table != declared_rows)
              return fail_at (r, table_start, error, PL_BUNDLE_ERROR_CORRUPT,
                              _("table “%s” holds %" PRIu64 " records, its header says %" PRIu64),
                              pl_sync_table_plan_get_table (plan), rows_in_table, declared_rows);
            if (!read_short_string (&p, end, &table) || end - p < 2)
              return fail_at (r, at, error, PL_BUNDLE_ERROR_CORRUPT, _("a malformed table header"));
            n_columns = (guint16) (p[0] << 8 | p[1]);
            p += 2;
            columns = g_new0 (char *, n_columns + 1);
            for (guint c = 0; c < n_columns; c++)
              if (!read_short_string (&p, end, &columns[c]))
                return fail_at (r, at, error, PL_BUNDLE_ERROR_CORRUPT, _("a malformed table header"));
            if (end - p != 8)
              return fail_at (r, at, error, PL_BUNDLE_ERROR_CORRUPT, _("a malformed table header"));
            declared_rows = get_u64 (p);

            if (g_hash_table_contains (tables_seen, table))
              return fail_at (r, at, error, PL_BUNDLE_ERROR_CORRUPT, _("table “%s” appears twice"), table);
            g_clear_pointer (&plan, pl_sync_table_plan_free);
            plan = pl_sync_table_plan_new (x->store, table, n_columns,
                                           (const char * const *) columns, &local_error);
            if (plan == NULL)
              return fail_at (r, at, error, PL_BUNDLE_ERROR_INVALID, "%s", local_error->message);
            count = g_hash_table_lookup (x->manifest->counts, table);
            if (count == NULL || *count != declared_rows)
              return fail_at (r, at, error, PL_BUNDLE_ERROR_CORRUPT,
                              _("table “%s” has %" PRIu64 " records, the manifest says %" PRIu64),
                              table, declared_rows, count != NULL ? *count : 0);
            g_hash_table_add (tables_seen, g_steal_pointer (&table));
            g_free (values);
            values = g_new0 (PlSyncValue, MAX (n_columns, 1));
            rows_in_table = 0;
            table_start = at;
            if (pass->table != NULL && !pass->table (pass->data, plan, declared_rows, error))
              return FALSE;
          }
          break;

        case PL_FRAME_ROW:
          {
            guint n_columns;

            if (plan == NULL)
              return fail_at (r, at, error, PL_BUNDLE_ERROR_CORRUPT, _("a record outside a table"));
            if (++rows_in_table > declared_rows)
              return fail_at (r, at, error, PL_BUNDLE_ERROR_CORRUPT,
                              _("table “%s” holds more records than its header says"),
                              pl_sync_table_plan_get_table (plan));
            total_rows++;
            n_columns = pl_sync_table_plan_get_n_columns (plan);
            if (!decode_row (payload, end, n_columns, values))
              return fail_at (r, at, error, PL_BUNDLE_ERROR_CORRUPT,
                              _("a malformed record in table “%s”"), pl_sync_table_plan_get_table (plan));
            if (!pl_sync_table_plan_check_row (plan, n_columns, values, &local_error))
              return fail_at (r, at, error, PL_BUNDLE_ERROR_INVALID, _("record %" PRIu64 ": %s"),
                              rows_in_table, local_error->message);
            if ((guint64) values[1].i < x->manifest->min_hlc || (guint64) values[1].i > x->manifest->max_hlc)
              return fail_at (r, at, error, PL_BUNDLE_ERROR_CORRUPT,
                              _("record %" PRIu64 " of table “%s” has a clock outside the manifest’s range"),
                              rows_in_table, pl_sync_table_plan_get_table (plan));
            if (pass->row != NULL && !pass->row (pass->data, n_columns, values, error))
              return FALSE;
          }
          break;

        default:
          return fail_at (r, at, error, PL_BUNDLE_ERROR_CORRUPT, _("an unknown part (tag %u)"), tag);
        }
      r->pos += 5 + len;
    }
}

/* ---- verifying and importing --------------------------------------- */

static gboolean
run_pass (PlStore          *store,
          const char       *name,
          PlBundleOpenFunc  open,
          gpointer          open_data,
          Expect           *x,
          Pass             *pass,
          GCancellable     *cancellable,
          GError          **error)
{
  g_autoptr(GInputStream) in = NULL;
  Reader r;
  gboolean ok;

  in = open (open_data, cancellable, error);
  if (in == NULL)
    return FALSE;
  reader_init (&r, in, name, cancellable);
  ok = parse_bundle (&r, x, pass, error);
  reader_clear (&r);
  g_input_stream_close (in, NULL, NULL);
  return ok;
}

typedef struct
{
  PlSyncMerge *merge;
  const char  *name;
} MergeData;

static gboolean
merge_table_cb (gpointer          data,
                PlSyncTablePlan  *plan,
                guint64           n_rows,
                GError          **error)
{
  MergeData *md = data;
  g_autoptr(GError) local_error = NULL;

  if (!pl_sync_merge_set_table (md->merge, plan, n_rows, &local_error))
    {
      g_set_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_INVALID,
                   _("%s: cannot merge: %s"), md->name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
merge_row_cb (gpointer            data,
              guint               n,
              const PlSyncValue  *values,
              GError            **error)
{
  MergeData *md = data;
  g_autoptr(GError) local_error = NULL;

  if (!pl_sync_merge_row (md->merge, n, values, &local_error))
    {
      g_set_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_INVALID,
                   _("%s: cannot merge: %s"), md->name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

void
pl_bundle_import_result_clear (PlBundleImportResult *result)
{
  g_clear_pointer (&result->manifest, pl_bundle_manifest_free);
  memset (&result->stats, 0, sizeof result->stats);
}

static PlBundleManifest *
verify_from (PlStore               *store,
             const char            *name,
             PlBundleOpenFunc       open,
             gpointer               open_data,
             guint64                size,
             PlBundleProgressFunc   progress,
             gpointer               progress_data,
             double                 span,
             const guint8          *key,
             guint8                 digest[PL_BUNDLE_DIGEST_LEN],
             GCancellable          *cancellable,
             GError               **error)
{
  g_autofree char *school = NULL;
  guint8 school_key[PL_SYNC_KEY_LENGTH];
  Expect x = { 0 };
  Pass pass = { 0 };

  if (!pl_sync_get_school (store, &school, school_key, error))
    return NULL;
  x.store = store;
  x.school = school;
  x.key = key != NULL ? key : school_key;
  pass.progress = progress;
  pass.progress_data = progress_data;
  pass.progress_span = span;
  pass.size = size;
  if (!run_pass (store, name, open, open_data, &x, &pass, cancellable, error))
    {
      pl_bundle_manifest_free (x.manifest);
      return NULL;
    }
  x.manifest->size = size;
  if (digest != NULL)
    memcpy (digest, x.digest, PL_BUNDLE_DIGEST_LEN);
  return x.manifest;
}

static GInputStream *
open_file_cb (gpointer       user_data,
              GCancellable  *cancellable,
              GError       **error)
{
  GFile *file = user_data;
  g_autoptr(GError) local_error = NULL;
  GFileInputStream *in;

  in = g_file_read (file, cancellable, &local_error);
  if (in == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_FAILED,
                   _("%s: cannot read: %s"), name, local_error->message);
      return NULL;
    }
  return G_INPUT_STREAM (in);
}

static guint64
file_size (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL ? (guint64) g_file_info_get_size (info) : 0;
}

PlBundleManifest *
pl_bundle_verify (PlStore       *store,
                  GFile         *source,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (source), NULL);

  name = g_file_get_parse_name (source);
  return verify_from (store, name, open_file_cb, source, file_size (source), NULL, NULL, 1.0,
                      NULL, NULL, cancellable, error);
}

gboolean
pl_bundle_import_from (PlStore               *store,
                       const char            *name,
                       PlBundleOpenFunc       open,
                       gpointer               open_data,
                       guint64                size,
                       PlBundleProgressFunc   progress,
                       gpointer               progress_data,
                       PlBundleImportResult  *result,
                       GCancellable          *cancellable,
                       GError               **error)
{
  g_autoptr(PlBundleManifest) manifest = NULL;
  g_autofree char *school = NULL;
  guint8 key[PL_SYNC_KEY_LENGTH];
  guint8 digest[PL_BUNDLE_DIGEST_LEN];
  PlSyncMergeStats stats = { 0 };
  MergeData md = { NULL, name };
  Expect x = { 0 };
  Pass pass = { 0 };
  gboolean ok;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (open != NULL, FALSE);

  if (!pl_sync_get_school (store, &school, key, error))
    return FALSE;

  /* Pass 1: nothing is written until the whole file checks out. */
  manifest = verify_from (store, name, open, open_data, size, progress, progress_data, 0.3,
                          key, digest, cancellable, error);
  if (manifest == NULL)
    return FALSE;

  /* Pass 2: merge in one transaction, checking everything again. */
  md.merge = pl_store_sync_merge_begin (store, manifest->seen, error);
  if (md.merge == NULL)
    return FALSE;
  x.store = store;
  x.school = school;
  x.key = key;
  pass.table = merge_table_cb;
  pass.row = merge_row_cb;
  pass.data = &md;
  pass.progress = progress;
  pass.progress_data = progress_data;
  pass.progress_from = 0.3;
  pass.progress_span = 0.7;
  pass.size = size;
  ok = run_pass (store, name, open, open_data, &x, &pass, cancellable, error);
  if (ok && memcmp (digest, x.digest, sizeof digest) != 0)
    {
      g_set_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_CORRUPT,
                   _("%s: the file changed while it was being imported"), name);
      ok = FALSE;
    }
  pl_bundle_manifest_free (x.manifest);
  if (!ok)
    {
      pl_sync_merge_abort (md.merge);
      return FALSE;
    }
  if (!pl_sync_merge_commit (md.merge, manifest->sender, manifest->sender_role,
                             manifest->sender_name, manifest->created_at,
                             manifest->seen, manifest->base, &stats, error))
    return FALSE;

  if (progress != NULL)
    progress (1.0, progress_data);
  if (result != NULL)
    {
      result->manifest = g_steal_pointer (&manifest);
      result->stats = stats;
    }
  return TRUE;
}

gboolean
pl_bundle_import (PlStore               *store,
                  GFile                 *source,
                  PlBundleProgressFunc   progress,
                  gpointer               progress_data,
                  PlBundleImportResult  *result,
                  GCancellable          *cancellable,
                  GError               **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (source), FALSE);

  name = g_file_get_parse_name (source);
  return pl_bundle_import_from (store, name, open_file_cb, source, file_size (source),
                                progress, progress_data, result, cancellable, error);
}
