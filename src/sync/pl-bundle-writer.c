/* pl-bundle-writer.c — writing .plbundle files as a stream
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gfiledescriptorbased.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "core/pl-schema.h"
#include "pl-bundle-private.h"
#include "pl-sync-school.h"

#define FLUSH_AT (256 * 1024)

G_DEFINE_QUARK (pl-bundle-error-quark, pl_bundle_error)

void
pl_bundle_manifest_free (PlBundleManifest *manifest)
{
  if (manifest == NULL)
    return;
  g_free (manifest->school);
  g_free (manifest->sender);
  g_free (manifest->sender_role);
  g_free (manifest->sender_name);
  g_free (manifest->recipient);
  g_free (manifest->created_at);
  g_clear_pointer (&manifest->counts, g_hash_table_unref);
  g_clear_pointer (&manifest->seen, g_hash_table_unref);
  g_clear_pointer (&manifest->base, g_hash_table_unref);
  g_free (manifest);
}

void
_pl_bundle_sign (const guint8 *key,
                 const guint8  digest[PL_BUNDLE_DIGEST_LEN],
                 guint8        out[PL_BUNDLE_DIGEST_LEN])
{
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, key, PL_SYNC_KEY_LENGTH);
  gsize len = PL_BUNDLE_DIGEST_LEN;

  g_hmac_update (hmac, digest, PL_BUNDLE_DIGEST_LEN);
  g_hmac_get_digest (hmac, out, &len);
}

typedef struct
{
  GOutputStream        *out;
  GByteArray           *buf;
  PlBundleHash         *sha;
  GCancellable         *cancellable;
  PlBundleProgressFunc  progress;
  gpointer              progress_data;
  guint64               rows_done;
  PlBundleManifest     *manifest;
  const char           *file_name;
} Writer;

/* The hashing thread writes too; its errors come out at the end. */
static gboolean
writer_flush (Writer  *w,
              GError **error)
{
  if (w->buf->len == 0)
    return TRUE;
  _pl_bundle_hash_update (w->sha, w->buf->data, w->buf->len);
  g_byte_array_set_size (w->buf, 0);
  return TRUE;
}

static void
put_u8 (GByteArray *b,
        guint8      v)
{
  g_byte_array_append (b, &v, 1);
}

static void
put_u16 (GByteArray *b,
         guint16     v)
{
  guint8 p[2] = { v >> 8, v & 0xff };

  g_byte_array_append (b, p, 2);
}

static void
put_u32 (GByteArray *b,
         guint32     v)
{
  guint32 be = GUINT32_TO_BE (v);

  g_byte_array_append (b, (guint8 *) &be, 4);
}

static void
put_u64 (GByteArray *b,
         guint64     v)
{
  guint64 be = GUINT64_TO_BE (v);

  g_byte_array_append (b, (guint8 *) &be, 8);
}

static void
put_short_string (GByteArray *b,
                  const char *s)
{
  gsize len = MIN (strlen (s), 255);

  put_u8 (b, (guint8) len);
  g_byte_array_append (b, (const guint8 *) s, len);
}

static guint
frame_begin (Writer *w,
             guint8  tag)
{
  put_u8 (w->buf, tag);
  put_u32 (w->buf, 0);
  return w->buf->len;
}

static gboolean
frame_end (Writer  *w,
           guint    start,
           GError **error)
{
  guint32 len = w->buf->len - start;
  guint32 be = GUINT32_TO_BE (len);

  if (len > PL_BUNDLE_MAX_FRAME)
    {
      g_set_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_INVALID,
                   _("%s: a record is larger than %u bytes"), w->file_name, PL_BUNDLE_MAX_FRAME);
      return FALSE;
    }
  memcpy (w->buf->data + start - 4, &be, 4);
  if (w->buf->len >= FLUSH_AT)
    return writer_flush (w, error);
  return TRUE;
}

static JsonNode *
vector_node (GHashTable *vector)
{
  g_autofree char *json = pl_sync_vector_to_json (vector);

  return json_from_string (json, NULL);
}

static char *
manifest_json (PlBundleManifest *m)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) gen = json_generator_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_int_value (b, m->format);
  json_builder_set_member_name (b, "school");
  json_builder_add_string_value (b, m->school);
  json_builder_set_member_name (b, "sender");
  json_builder_add_string_value (b, m->sender);
  json_builder_set_member_name (b, "sender_role");
  json_builder_add_string_value (b, m->sender_role);
  json_builder_set_member_name (b, "sender_name");
  json_builder_add_string_value (b, m->sender_name);
  json_builder_set_member_name (b, "recipient");
  if (m->recipient != NULL)
    json_builder_add_string_value (b, m->recipient);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "created_at");
  json_builder_add_string_value (b, m->created_at);
  json_builder_set_member_name (b, "clock");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "min");
  json_builder_add_int_value (b, (gint64) m->min_hlc);
  json_builder_set_member_name (b, "max");
  json_builder_add_int_value (b, (gint64) m->max_hlc);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "total");
  json_builder_add_int_value (b, (gint64) m->total);

  json_builder_set_member_name (b, "counts");
  json_builder_begin_object (b);
  {
    const char * const *synced = pl_schema_synced_tables ();

    for (guint i = 0; synced[i] != NULL; i++)
      {
        guint64 *count = g_hash_table_lookup (m->counts, synced[i]);

        json_builder_set_member_name (b, synced[i]);
        json_builder_add_int_value (b, count != NULL ? (gint64) *count : 0);
      }
  }
  json_builder_end_object (b);

  json_builder_set_member_name (b, "seen");
  json_builder_add_value (b, vector_node (m->seen));
  json_builder_set_member_name (b, "base");
  json_builder_add_value (b, vector_node (m->base));
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

static gboolean
sink_start (gpointer             user_data,
            const PlSyncSummary *summary,
            GError             **error)
{
  Writer *w = user_data;
  PlBundleManifest *m = w->manifest;
  g_autofree char *json = NULL;
  guint start;

  for (guint t = 0; t < summary->n_tables; t++)
    g_hash_table_insert (m->counts, g_strdup (summary->tables[t]),
                         g_memdup2 (&summary->counts[t], sizeof (guint64)));
  m->total = summary->total;
  m->min_hlc = summary->min_hlc;
  m->max_hlc = summary->max_hlc;
  m->seen = pl_sync_vector_new ();
  pl_sync_vector_merge (m->seen, summary->seen);

  g_byte_array_append (w->buf, (const guint8 *) PL_BUNDLE_MAGIC, PL_BUNDLE_MAGIC_LEN);
  put_u32 (w->buf, PL_BUNDLE_FORMAT_VERSION);
  json = manifest_json (m);
  start = frame_begin (w, PL_FRAME_MANIFEST);
  g_byte_array_append (w->buf, (const guint8 *) json, strlen (json));
  return frame_end (w, start, error);
}

static gboolean
sink_table (gpointer             user_data,
            const char          *table,
            guint                n_columns,
            const char * const  *columns,
            guint64              n_rows,
            GError             **error)
{
  Writer *w = user_data;
  guint start = frame_begin (w, PL_FRAME_TABLE);

  put_short_string (w->buf, table);
  put_u16 (w->buf, (guint16) n_columns);
  for (guint c = 0; c < n_columns; c++)
    put_short_string (w->buf, columns[c]);
  put_u64 (w->buf, n_rows);
  return frame_end (w, start, error);
}

static gboolean
sink_row (gpointer           user_data,
          guint              n_values,
          const PlSyncValue *values,
          GError           **error)
{
  Writer *w = user_data;
  guint start = frame_begin (w, PL_FRAME_ROW);

  for (guint c = 0; c < n_values; c++)
    {
      const PlSyncValue *v = &values[c];
      guint64 bits;

      switch (v->type)
        {
        case PL_SYNC_VALUE_INT:
          put_u8 (w->buf, PL_VALUE_INT);
          put_u64 (w->buf, (guint64) v->i);
          break;
        case PL_SYNC_VALUE_REAL:
          put_u8 (w->buf, PL_VALUE_REAL);
          memcpy (&bits, &v->d, sizeof bits);
          put_u64 (w->buf, bits);
          break;
        case PL_SYNC_VALUE_TEXT:
          put_u8 (w->buf, PL_VALUE_TEXT);
          put_u32 (w->buf, (guint32) v->len);
          g_byte_array_append (w->buf, (const guint8 *) v->s, v->len);
          break;
        case PL_SYNC_VALUE_NULL:
        default:
          put_u8 (w->buf, PL_VALUE_NULL);
          break;
        }
    }
  w->rows_done++;
  if (w->progress != NULL && (w->rows_done & 0x3fff) == 0 && w->manifest->total > 0)
    w->progress ((double) w->rows_done / (double) w->manifest->total, w->progress_data);
  return frame_end (w, start, error);
}

static const PlSyncExportSink sink = {
  sink_start,
  sink_table,
  sink_row,
};

/* Writes the trailer: the checksum and the HMAC are not themselves hashed. */
static gboolean
finish (Writer        *w,
        const guint8  *key,
        GError       **error)
{
  guint8 digest[PL_BUNDLE_DIGEST_LEN];
  guint8 mac[PL_BUNDLE_DIGEST_LEN];
  g_autoptr(GError) local_error = NULL;

  if (!writer_flush (w, error))
    return FALSE;
  if (!_pl_bundle_hash_finish (w->sha, digest, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_FAILED,
                     _("%s: cannot write: %s"), w->file_name, local_error->message);
      return FALSE;
    }
  _pl_bundle_sign (key, digest, mac);

  put_u8 (w->buf, PL_FRAME_TRAILER);
  put_u32 (w->buf, 2 * PL_BUNDLE_DIGEST_LEN);
  g_byte_array_append (w->buf, digest, sizeof digest);
  g_byte_array_append (w->buf, mac, sizeof mac);
  if (!g_output_stream_write_all (w->out, w->buf->data, w->buf->len, NULL, w->cancellable,
                                  &local_error))
    {
      g_set_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_FAILED,
                   _("%s: cannot write: %s"), w->file_name, local_error->message);
      return FALSE;
    }
  g_byte_array_set_size (w->buf, 0);
  return TRUE;
}

/* A temporary file's name carries the writing device, so that the next
 * export can tell its own leftovers (of an export that was killed) from a
 * colleague's export in progress on a shared folder. */
static char *
temp_tag (PlStore *store)
{
  return g_strdup_printf ("%.8s", pl_store_get_device_id (store));
}

static GFile *
temp_sibling (GFile      *dest,
              const char *tag)
{
  g_autoptr(GFile) parent = g_file_get_parent (dest);
  g_autofree char *base = g_file_get_basename (dest);
  g_autofree char *suffix = g_uuid_string_random ();
  g_autofree char *name = g_strdup_printf (".%s.%s-%.8s.part", base, tag, suffix);

  return parent != NULL ? g_file_get_child (parent, name) : g_file_new_for_path (name);
}

static gboolean
is_own_temp (const char *name,
             const char *tag)
{
  g_autofree char *ending = g_strdup_printf (".%s-", tag);
  const char *at;
  gsize len = strlen (name);

  /* ".NAME.TAG-XXXXXXXX.part" */
  if (name[0] != '.' || !g_str_has_suffix (name, ".part") || len < strlen (ending) + 8 + 5 + 2)
    return FALSE;
  at = name + len - 5 - 8 - strlen (ending);
  if (strncmp (at, ending, strlen (ending)) != 0)
    return FALSE;
  for (const char *p = at + strlen (ending); p < name + len - 5; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;
  return TRUE;
}

/* This device's temporary files older than this are leftovers: an export
 * in progress writes to its file all the time. */
#define STALE_TEMP_SECONDS (10 * 60)

static void
remove_stale_temps (GFile        *dest,
                    const char   *tag,
                    GCancellable *cancellable)
{
  g_autoptr(GFile) parent = g_file_get_parent (dest);
  g_autoptr(GFileEnumerator) children = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  GFileInfo *info;

  if (parent == NULL)
    return;
  children = g_file_enumerate_children (parent,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, cancellable, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);
      guint64 modified = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);

      if (is_own_temp (name, tag) && (gint64) modified + STALE_TEMP_SECONDS < now)
        {
          g_autoptr(GFile) stale = g_file_get_child (parent, name);

          g_file_delete (stale, NULL, NULL);
        }
      g_object_unref (info);
    }
}

gboolean
pl_bundle_export (PlStore                      *store,
                  GFile                        *dest,
                  const PlBundleExportOptions  *options,
                  PlBundleManifest            **out_manifest,
                  GCancellable                 *cancellable,
                  GError                      **error)
{
  static const PlBundleExportOptions defaults = { NULL };
  g_autoptr(PlBundleManifest) m = g_new0 (PlBundleManifest, 1);
  g_autoptr(GFile) temp = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *dest_name = NULL;
  g_autofree char *tag = NULL;
  guint8 key[PL_SYNC_KEY_LENGTH];
  Writer w = { 0 };
  gboolean ok;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);

  if (options == NULL)
    options = &defaults;
  dest_name = g_file_get_parse_name (dest);

  m->format = PL_BUNDLE_FORMAT_VERSION;
  if (!pl_sync_get_school (store, &m->school, key, error))
    return FALSE;
  m->sender = g_strdup (pl_store_get_device_id (store));
  m->sender_role = g_strdup (pl_sync_is_hub (store) ? "hub" : "device");
  m->sender_name = g_strdup (g_get_host_name ());
  m->recipient = g_strdup (options->recipient);
  m->created_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  m->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (options->incremental && options->recipient != NULL)
    m->base = pl_store_sync_get_peer_seen (store, options->recipient);
  else
    m->base = pl_sync_vector_new ();

  tag = temp_tag (store);
  remove_stale_temps (dest, tag, cancellable);
  temp = temp_sibling (dest, tag);
  out = g_file_create (temp, G_FILE_CREATE_PRIVATE, cancellable, &local_error);
  if (out == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (out == NULL)
    {
      g_set_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_FAILED,
                   _("%s: cannot write: %s"), dest_name, local_error->message);
      return FALSE;
    }

  w.out = G_OUTPUT_STREAM (out);
  w.buf = g_byte_array_sized_new (FLUSH_AT + 64 * 1024);
  w.sha = _pl_bundle_hash_new_writing (w.out, cancellable);
  w.cancellable = cancellable;
  w.progress = options->progress;
  w.progress_data = options->progress_data;
  w.manifest = m;
  w.file_name = dest_name;

  ok = pl_store_sync_export (store, g_hash_table_size (m->base) > 0 ? m->base : NULL,
                             &sink, &w, cancellable, error) &&
       finish (&w, key, error);
  if (ok && !g_output_stream_flush (w.out, cancellable, &local_error))
    {
      g_set_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_FAILED,
                   _("%s: cannot write: %s"), dest_name, local_error->message);
      ok = FALSE;
    }
  /* On disk before it gets its final name, so a crash leaves either the old
   * file or the whole new one. */
  if (ok && G_IS_FILE_DESCRIPTOR_BASED (out))
    fsync (g_file_descriptor_based_get_fd (G_FILE_DESCRIPTOR_BASED (out)));
  g_byte_array_unref (w.buf);
  _pl_bundle_hash_free (w.sha);
  explicit_bzero (key, sizeof key);

  if (!g_output_stream_close (G_OUTPUT_STREAM (out), NULL, ok ? &local_error : NULL) && ok)
    {
      g_set_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_FAILED,
                   _("%s: cannot write: %s"), dest_name, local_error->message);
      ok = FALSE;
    }
  if (ok && !g_file_move (temp, dest, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                          NULL, NULL, NULL, &local_error))
    {
      g_clear_error (&local_error);
      /* Some GIO backends cannot rename; a copy still never leaves a half
       * bundle under the final name for long. */
      if (!g_file_move (temp, dest, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, &local_error))
        {
          g_set_error (error, PL_BUNDLE_ERROR, PL_BUNDLE_ERROR_FAILED,
                       _("%s: cannot write: %s"), dest_name, local_error->message);
          ok = FALSE;
        }
    }
  if (!ok)
    {
      g_file_delete (temp, NULL, NULL);
      return FALSE;
    }

  if (!pl_store_sync_note_export (store, options->recipient, m->total, error))
    return FALSE;
  if (options->progress != NULL)
    options->progress (1.0, options->progress_data);
  if (out_manifest != NULL)
    *out_manifest = g_steal_pointer (&m);
  return TRUE;
}
