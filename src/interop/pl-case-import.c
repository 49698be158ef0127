/* pl-case-import.c — competency frameworks from CASE JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "core/pl-framework.h"
#include "core/pl-standard.h"
#include "core/pl-standard-link.h"
#include "core/pl-store-learners.h"
#include "pl-case-import.h"

G_DEFINE_QUARK (pl-case-error-quark, pl_case_error)

/* Far beyond any real framework (the largest public ones have tens of
 * thousands of items and nest a dozen levels). */
#define MAX_BYTES  (64 * 1024 * 1024)
#define MAX_NESTING 64
#define MAX_TREE_DEPTH 32
#define MAX_ITEMS 50000
#define MAX_ASSOCIATIONS 250000

typedef struct
{
  char       *identifier;
  char       *code;
  const char *statement;
  const char *item_type;
  char       *parent;       /* identifier of the parent item, or NULL */
  gboolean    placed;       /* an isChildOf was seen for it */
  gboolean    has_sequence;
  gint64      sequence;
  gint64      position;     /* among its siblings, from 0 */
  guint       index;        /* in CFItems, for messages */
  int         depth;        /* ancestors; -1 until the tree is checked */
  gboolean    on_path;
} Item;

typedef struct
{
  char       *identifier;
  char       *from;
  char       *to;
  const char *kind;
} Link;

static void
item_free (gpointer data)
{
  Item *item = data;

  g_free (item->identifier);
  g_free (item->code);
  g_free (item->parent);
  g_free (item);
}

static void
link_free (gpointer data)
{
  Link *link = data;

  g_free (link->identifier);
  g_free (link->from);
  g_free (link->to);
  g_free (link);
}

void
pl_case_summary_clear (PlCaseSummary *summary)
{
  g_clear_pointer (&summary->title, g_free);
  g_clear_pointer (&summary->framework_uuid, g_free);
  g_clear_pointer (&summary->warnings, g_ptr_array_unref);
  memset (summary, 0, sizeof *summary);
}

enum { LIST_OTHER, LIST_ITEMS, LIST_ASSOCIATIONS };

/* Counts bracket nesting and the entries of CFItems and CFAssociations
 * outside strings, so that a file made to exhaust the parser or the
 * memory is refused before it is parsed. */
static gboolean
check_shape (const char  *data,
             gsize        len,
             const char  *name,
             GError     **error)
{
  guchar list[MAX_NESTING + 1] = { LIST_OTHER };
  int depth = 0;
  gboolean in_string = FALSE, escaped = FALSE;
  gsize string_start = 0, key_start = 0, key_len = 0;
  gboolean have_key = FALSE;
  guint line = 1, n_items = 0, n_assocs = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (c == '\n')
        line++;
      if (in_string)
        {
          if (escaped)
            escaped = FALSE;
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            {
              in_string = FALSE;
              key_start = string_start;
              key_len = i - string_start;
            }
          continue;
        }
      if (c == '"')
        {
          in_string = TRUE;
          string_start = i + 1;
        }
      else if (c == ':')
        have_key = TRUE;
      else if (c == ',')
        have_key = FALSE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_NESTING)
            {
              g_set_error (error, PL_CASE_ERROR, PL_CASE_ERROR_TOO_DEEP,
                           _("%s: line %u: nested more than %d levels deep; this is not a framework"),
                           name, line, MAX_NESTING);
              return FALSE;
            }
          if (c == '{' && list[depth - 1] == LIST_ITEMS && ++n_items > MAX_ITEMS)
            {
              g_set_error (error, PL_CASE_ERROR, PL_CASE_ERROR_TOO_LARGE,
                           _("%s: line %u: CFItems has more than %d items; no real framework is this large"),
                           name, line, MAX_ITEMS);
              return FALSE;
            }
          if (c == '{' && list[depth - 1] == LIST_ASSOCIATIONS && ++n_assocs > MAX_ASSOCIATIONS)
            {
              g_set_error (error, PL_CASE_ERROR, PL_CASE_ERROR_TOO_LARGE,
                           _("%s: line %u: CFAssociations has more than %d associations; no real framework is this large"),
                           name, line, MAX_ASSOCIATIONS);
              return FALSE;
            }
          /* The lists sit at the top, or inside CFPackage. */
          list[depth] = LIST_OTHER;
          if (c == '[' && have_key && depth <= 3)
            {
              if (key_len == 7 && memcmp (data + key_start, "CFItems", 7) == 0)
                list[depth] = LIST_ITEMS;
              else if (key_len == 14 && memcmp (data + key_start, "CFAssociations", 14) == 0)
                list[depth] = LIST_ASSOCIATIONS;
            }
          have_key = FALSE;
        }
      else if (c == ']' || c == '}')
        {
          depth = MAX (depth - 1, 0);
          have_key = FALSE;
        }
    }
  return TRUE;
}

static const char *
member_string (JsonObject  *obj,
               const char  *member,
               const char  *name,
               const char  *path,
               gboolean     required,
               GError     **error)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        g_set_error (error, PL_CASE_ERROR, PL_CASE_ERROR_MISSING,
                     _("%s: %s.%s is missing"), name, path, member);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, PL_CASE_ERROR, PL_CASE_ERROR_TYPE,
                   _("%s: %s.%s should be a string"), name, path, member);
      return NULL;
    }
  if (required && json_node_get_string (node)[0] == '\0')
    {
      g_set_error (error, PL_CASE_ERROR, PL_CASE_ERROR_MISSING,
                   _("%s: %s.%s is empty"), name, path, member);
      return NULL;
    }
  return json_node_get_string (node);
}

/* A member that should be text, leniently: a number (a coding scheme
 * written as 3 or 1.2) is kept as the text of that number. */
static char *
member_text (JsonObject *obj,
             const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" PRId64, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", json_node_get_double (node)));
    default:
      return NULL;
    }
}

/* sequenceNumber: a number, or leniently a string that holds one. */
static gboolean
parse_sequence (JsonNode *node,
                gint64   *out)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      *out = json_node_get_int (node);
      return TRUE;
    case G_TYPE_DOUBLE:
      *out = (gint64) json_node_get_double (node);
      return TRUE;
    case G_TYPE_STRING:
      {
        g_autofree char *text = g_strstrip (g_strdup (json_node_get_string (node)));

        return g_ascii_string_to_signed (text, 10, G_MININT32, G_MAXINT32, out, NULL);
      }
    default:
      return FALSE;
    }
}

/* An association end: {"identifier": …, "uri": …} or, leniently, a URI
 * string whose last segment is the identifier. */
static char *
node_identifier (JsonObject  *assoc,
                 const char  *member,
                 const char  *name,
                 const char  *path,
                 GError     **error)
{
  JsonNode *node = json_object_get_member (assoc, member);

  if (node == NULL)
    {
      g_set_error (error, PL_CASE_ERROR, PL_CASE_ERROR_MISSING, _("%s: %s.%s is missing"), name, path, member);
      return NULL;
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *sub = g_strdup_printf ("%s.%s", path, member);
      const char *id = member_string (json_node_get_object (node), "identifier", name, sub, FALSE, error);
      const char *uri;

      if (id != NULL && id[0] != '\0')
        return g_strdup (id);
      if (error != NULL && *error != NULL)
        return NULL;
      uri = member_string (json_node_get_object (node), "uri", name, sub, TRUE, error);
      if (uri == NULL)
        return NULL;
      return g_strdup (strrchr (uri, '/') != NULL ? strrchr (uri, '/') + 1 : uri);
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *uri = json_node_get_string (node);
      return g_strdup (strrchr (uri, '/') != NULL ? strrchr (uri, '/') + 1 : uri);
    }
  g_set_error (error, PL_CASE_ERROR, PL_CASE_ERROR_TYPE,
               _("%s: %s.%s should be an object with an identifier"), name, path, member);
  return NULL;
}

static JsonArray *
member_array (JsonObject  *obj,
              const char  *member,
              const char  *name,
              gboolean     required,
              GError     **error)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        g_set_error (error, PL_CASE_ERROR, PL_CASE_ERROR_MISSING, _("%s: %s is missing"), name, member);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, PL_CASE_ERROR, PL_CASE_ERROR_TYPE, _("%s: %s should be a list"), name, member);
      return NULL;
    }
  return json_node_get_array (node);
}

/* Saves WANTED unless the database already holds it as it is; a dry run
 * only counts. */
static gboolean
put_if_changed (PlStore     *store,
                PlRecord    *wanted,
                gboolean     dry_run,
                guint       *n_new,
                guint       *n_updated,
                guint       *n_unchanged,
                GError     **error)
{
  g_autoptr(PlRecord) existing = pl_store_get (store, G_OBJECT_TYPE (wanted), pl_record_get_uuid (wanted), NULL);
  GParamSpec **columns;
  guint n_columns;
  gboolean same = TRUE;

  if (existing == NULL)
    {
      (*n_new)++;
      return dry_run || pl_store_save (store, wanted, error);
    }
  columns = pl_record_class_get_columns (PL_RECORD_GET_CLASS (wanted), &n_columns);
  for (guint i = 0; i < n_columns && same; i++)
    same = g_param_values_cmp (columns[i], pl_record_peek_value (existing, i), pl_record_peek_value (wanted, i)) == 0;
  same = same && !pl_record_get_deleted (existing);
  if (same)
    {
      (*n_unchanged)++;
      return TRUE;
    }
  (*n_updated)++;
  return dry_run || pl_store_save (store, wanted, error);
}

static int
compare_siblings (gconstpointer a,
                  gconstpointer b)
{
  const Item *x = *(Item * const *) a;
  const Item *y = *(Item * const *) b;
  int by_parent = g_strcmp0 (x->parent, y->parent);

  if (by_parent != 0)
    return by_parent;
  if (x->has_sequence != y->has_sequence)
    return x->has_sequence ? -1 : 1;
  if (x->has_sequence && x->sequence != y->sequence)
    return x->sequence < y->sequence ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* Identifiers are meant to be global, but publishers reuse them across
 * documents: an item is known by its document and its identifier. */
static char *
item_uuid (const char *doc_id,
           const char *identifier)
{
  g_autofree char *key = g_strconcat (doc_id, "/", identifier, NULL);

  return pl_store_derive_uuid ("case-item", key);
}

static gboolean
write_framework (PlStore        *store,
                 gboolean        dry_run,
                 const char     *doc_id,
                 JsonObject     *document,
                 const char     *name,
                 GPtrArray      *items,
                 GPtrArray      *links,
                 PlCaseSummary  *counts,
                 GCancellable   *cancellable,
                 GError        **error)
{
  const char *fw_uuid = counts->framework_uuid;
  g_autoptr(PlRecord) framework = g_object_new (PL_TYPE_FRAMEWORK, "uuid", fw_uuid, NULL);
  guint dummy_new = 0, dummy_updated = 0, dummy_unchanged = 0;

  pl_record_set_string (framework, "title", counts->title);
  pl_record_set_string (framework, "source-id", doc_id);
  pl_record_set_string (framework, "creator", member_string (document, "creator", name, "CFDocument", FALSE, NULL));
  pl_record_set_string (framework, "version", member_string (document, "version", name, "CFDocument", FALSE, NULL));
  if (!put_if_changed (store, framework, dry_run, &dummy_new, &dummy_updated, &dummy_unchanged, error))
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = items->pdata[i];
      g_autofree char *uuid = item_uuid (doc_id, item->identifier);
      g_autofree char *parent = item->parent != NULL ? item_uuid (doc_id, item->parent) : NULL;
      g_autoptr(PlRecord) standard = g_object_new (PL_TYPE_STANDARD, "uuid", uuid, NULL);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      pl_record_set_string (standard, "framework-uuid", fw_uuid);
      pl_record_set_string (standard, "parent-uuid", parent);
      pl_record_set_string (standard, "code", item->code != NULL ? item->code : "");
      pl_record_set_string (standard, "statement", item->statement);
      pl_record_set_int (standard, "position", item->position);
      pl_record_set_string (standard, "source-id", item->identifier);
      pl_record_set_string (standard, "item-type", item->item_type);
      if (!put_if_changed (store, standard, dry_run, &counts->n_new, &counts->n_updated, &counts->n_unchanged, error))
        return FALSE;
    }
  for (guint i = 0; i < links->len; i++)
    {
      Link *l = links->pdata[i];
      g_autofree char *key = g_strconcat (doc_id, "/", l->identifier, NULL);
      g_autofree char *uuid = pl_store_derive_uuid ("case-association", key);
      g_autofree char *from = item_uuid (doc_id, l->from);
      g_autofree char *to = item_uuid (doc_id, l->to);
      g_autoptr(PlRecord) link = g_object_new (PL_TYPE_STANDARD_LINK, "uuid", uuid, NULL);

      pl_record_set_string (link, "from-uuid", from);
      pl_record_set_string (link, "to-uuid", to);
      pl_record_set_string (link, "kind", l->kind);
      if (!put_if_changed (store, link, dry_run, &dummy_new, &dummy_updated, &dummy_unchanged, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
pl_case_import_file (PlStore        *store,
                     GFile          *file,
                     gboolean        dry_run,
                     PlCaseSummary  *summary,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *data = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (item_free);
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (link_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) path_up = g_ptr_array_new ();
  g_autoptr(GPtrArray) order = NULL;
  JsonObject *root, *package, *document;
  JsonArray *cf_items, *cf_assocs;
  const char *doc_id, *title;
  gsize len = 0;
  PlCaseSummary counts = { 0 };

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  {
    g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, cancellable, error);

    if (info == NULL)
      return FALSE;
    if (g_file_info_get_size (info) > MAX_BYTES)
      {
        g_set_error (error, PL_CASE_ERROR, PL_CASE_ERROR_TOO_LARGE,
                     _("%s: %" PRId64 " bytes is more than any framework (at most %d MiB)"),
                     name, g_file_info_get_size (info), MAX_BYTES / (1024 * 1024));
        return FALSE;
      }
  }
  if (!g_file_load_contents (file, cancellable, &data, &len, NULL, error))
    return FALSE;
  if (!g_utf8_validate (data, len, NULL))
    {
      g_set_error (error, PL_CASE_ERROR, PL_CASE_ERROR_NOT_JSON, _("%s: the file is not UTF-8 text"), name);
      return FALSE;
    }
  if (!check_shape (data, len, name, error))
    return FALSE;
  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      g_set_error (error, PL_CASE_ERROR, PL_CASE_ERROR_NOT_JSON, _("%s: not JSON: %s"), name, local_error->message);
      return FALSE;
    }

  /* The layout: a CFPackage wrapper (1.1) or CFDocument at the top (1.0). */
  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, PL_CASE_ERROR, PL_CASE_ERROR_LAYOUT,
                   _("%s: a CASE framework is a JSON object with a CFDocument"), name);
      return FALSE;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  package = root;
  if (json_object_has_member (root, "CFPackage"))
    {
      if (!JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "CFPackage")))
        {
          g_set_error (error, PL_CASE_ERROR, PL_CASE_ERROR_TYPE, _("%s: CFPackage should be an object"), name);
          return FALSE;
        }
      package = json_object_get_object_member (root, "CFPackage");
    }
  if (!json_object_has_member (package, "CFDocument") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (package, "CFDocument")))
    {
      g_set_error (error, PL_CASE_ERROR, PL_CASE_ERROR_LAYOUT,
                   _("%s: no CFDocument object; this is not a CASE framework"), name);
      return FALSE;
    }
  document = json_object_get_object_member (package, "CFDocument");
  doc_id = member_string (document, "identifier", name, "CFDocument", TRUE, error);
  if (doc_id == NULL)
    return FALSE;
  title = member_string (document, "title", name, "CFDocument", FALSE, error);
  if (error != NULL && *error != NULL)
    return FALSE;

  cf_items = member_array (package, "CFItems", name, TRUE, error);
  if (cf_items == NULL)
    return FALSE;
  cf_assocs = member_array (package, "CFAssociations", name, FALSE, error);
  if (cf_assocs == NULL && error != NULL && *error != NULL)
    return FALSE;
  if (json_array_get_length (cf_items) > MAX_ITEMS ||
      (cf_assocs != NULL && json_array_get_length (cf_assocs) > MAX_ASSOCIATIONS))
    {
      g_set_error (error, PL_CASE_ERROR, PL_CASE_ERROR_TOO_LARGE,
                   _("%s: %u items and %u associations are more than any framework (at most %d and %d)"),
                   name, json_array_get_length (cf_items), cf_assocs != NULL ? json_array_get_length (cf_assocs) : 0,
                   MAX_ITEMS, MAX_ASSOCIATIONS);
      return FALSE;
    }

  /* Items. */
  for (guint i = 0; i < json_array_get_length (cf_items); i++)
    {
      JsonNode *node = json_array_get_element (cf_items, i);
      g_autofree char *path = g_strdup_printf ("CFItems[%u]", i);
      Item *item;
      const char *id, *statement;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, PL_CASE_ERROR, PL_CASE_ERROR_TYPE, _("%s: %s should be an object"), name, path);
          return FALSE;
        }
      id = member_string (json_node_get_object (node), "identifier", name, path, TRUE, error);
      if (id == NULL)
        return FALSE;
      statement = member_string (json_node_get_object (node), "fullStatement", name, path, FALSE, error);
      if (statement == NULL && error != NULL && *error != NULL)
        return FALSE;
      if (statement == NULL || statement[0] == '\0')
        {
          /* Lenient: some publishers only fill the short statement. */
          statement = member_string (json_node_get_object (node), "abbreviatedStatement", name, path, FALSE, NULL);
          if (statement == NULL || statement[0] == '\0')
            {
              g_set_error (error, PL_CASE_ERROR, PL_CASE_ERROR_MISSING,
                           _("%s: %s (“%s”) has no fullStatement"), name, path, id);
              return FALSE;
            }
        }
      if (g_hash_table_contains (by_id, id))
        {
          g_set_error (error, PL_CASE_ERROR, PL_CASE_ERROR_DUPLICATE,
                       _("%s: %s: the identifier “%s” is used twice"), name, path, id);
          return FALSE;
        }
      item = g_new0 (Item, 1);
      item->identifier = g_strdup (id);
      item->statement = statement;
      item->code = member_text (json_node_get_object (node), "humanCodingScheme");
      item->item_type = member_string (json_node_get_object (node), "CFItemType", name, path, FALSE, NULL);
      item->index = i;
      item->depth = -1;
      g_ptr_array_add (items, item);
      g_hash_table_insert (by_id, item->identifier, item);
    }

  /* Associations. */
  for (guint i = 0; cf_assocs != NULL && i < json_array_get_length (cf_assocs); i++)
    {
      JsonNode *node = json_array_get_element (cf_assocs, i);
      g_autofree char *path = g_strdup_printf ("CFAssociations[%u]", i);
      g_autofree char *origin = NULL;
      g_autofree char *destination = NULL;
      JsonObject *assoc;
      const char *type, *parent;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, PL_CASE_ERROR, PL_CASE_ERROR_TYPE, _("%s: %s should be an object"), name, path);
          return FALSE;
        }
      assoc = json_node_get_object (node);
      type = member_string (assoc, "associationType", name, path, TRUE, error);
      if (type == NULL)
        return FALSE;
      origin = node_identifier (assoc, "originNodeURI", name, path, error);
      if (origin == NULL)
        return FALSE;
      destination = node_identifier (assoc, "destinationNodeURI", name, path, error);
      if (destination == NULL)
        return FALSE;

      if (g_strcmp0 (type, "isChildOf") == 0)
        {
          Item *child = g_hash_table_lookup (by_id, origin);
          JsonNode *seq = json_object_get_member (assoc, "sequenceNumber");

          if (child == NULL)
            {
              g_set_error (error, PL_CASE_ERROR, PL_CASE_ERROR_DANGLING,
                           _("%s: %s: isChildOf starts at “%s”, which is not an item of this framework"),
                           name, path, origin);
              return FALSE;
            }
          if (g_strcmp0 (destination, doc_id) != 0 && !g_hash_table_contains (by_id, destination))
            {
              g_set_error (error, PL_CASE_ERROR, PL_CASE_ERROR_DANGLING,
                           _("%s: %s: “%s” is a child of “%s”, which is neither the document nor an item"),
                           name, path, origin, destination);
              return FALSE;
            }
          parent = g_strcmp0 (destination, doc_id) == 0 ? NULL : destination;
          if (child->placed)
            {
              /* A tree has one parent: the first one stays, and the
               * teacher hears of the other. */
              if (g_strcmp0 (child->parent, parent) != 0)
                g_ptr_array_add (warnings, g_strdup_printf (_("%s: “%s” is a child of “%s” and also of “%s”; it stays under “%s”"),
                                                path, origin, child->parent != NULL ? child->parent : doc_id,
                                                destination, child->parent != NULL ? child->parent : doc_id));
              continue;
            }
          child->placed = TRUE;
          child->parent = g_strdup (parent);
          child->has_sequence = parse_sequence (seq, &child->sequence);
          if (!child->has_sequence && seq != NULL && !JSON_NODE_HOLDS_NULL (seq))
            g_ptr_array_add (warnings, g_strdup_printf (_("%s: the sequenceNumber is not a number; “%s” keeps its place in the file"),
                                            path, origin));
        }
      else if (g_strcmp0 (type, "precedes") == 0 || g_strcmp0 (type, "isPrerequisiteOf") == 0 ||
               g_strcmp0 (type, "isRelatedTo") == 0)
        {
          Link *link;
          const char *id;

          /* Links into other frameworks are kept out: nothing here to link. */
          if (!g_hash_table_contains (by_id, origin) || !g_hash_table_contains (by_id, destination))
            {
              counts.n_skipped++;
              continue;
            }
          id = member_string (assoc, "identifier", name, path, FALSE, NULL);
          link = g_new0 (Link, 1);
          link->identifier = g_strdup (id != NULL && id[0] != '\0' ? id : path);
          link->from = g_strdup (origin);
          link->to = g_strdup (destination);
          link->kind = g_strcmp0 (type, "precedes") == 0 ? "precedes"
                       : g_strcmp0 (type, "isPrerequisiteOf") == 0 ? "prerequisite" : "related";
          g_ptr_array_add (links, link);
        }
      else
        counts.n_skipped++;
    }

  /* The tree must be a tree. Each item is followed up until a top item,
   * an item already placed, or an item already on this path: that one is
   * part of a cycle (a chain may lead into a cycle it is not part of). */
  for (guint i = 0; i < items->len; i++)
    {
      Item *up = items->pdata[i];
      int depth;

      g_ptr_array_set_size (path_up, 0);
      while (up != NULL && up->depth < 0 && !up->on_path)
        {
          up->on_path = TRUE;
          g_ptr_array_add (path_up, up);
          up = up->parent != NULL ? g_hash_table_lookup (by_id, up->parent) : NULL;
        }
      if (up != NULL && up->on_path)
        {
          g_set_error (error, PL_CASE_ERROR, PL_CASE_ERROR_CYCLE,
                       _("%s: CFItems[%u]: “%s” is its own ancestor through isChildOf"),
                       name, up->index, up->identifier);
          return FALSE;
        }
      depth = up != NULL ? up->depth + 1 : 0;
      for (guint k = path_up->len; k-- > 0; depth++)
        {
          Item *item = path_up->pdata[k];

          item->on_path = FALSE;
          item->depth = depth;
          if (depth > MAX_TREE_DEPTH)
            {
              g_set_error (error, PL_CASE_ERROR, PL_CASE_ERROR_TOO_DEEP,
                           _("%s: CFItems[%u]: “%s” sits more than %d levels deep"),
                           name, item->index, item->identifier, MAX_TREE_DEPTH);
              return FALSE;
            }
        }
    }

  /* Siblings with a sequence number come first, by that number; the
   * others follow in file order. */
  order = g_ptr_array_copy (items, NULL, NULL);
  g_ptr_array_set_free_func (order, NULL);    /* the items belong to ITEMS */
  g_ptr_array_sort (order, compare_siblings);
  for (guint i = 0, rank = 0; i < order->len; i++, rank++)
    {
      Item *item = order->pdata[i];

      if (i > 0 && g_strcmp0 (((Item *) order->pdata[i - 1])->parent, item->parent) != 0)
        rank = 0;
      item->position = rank;
    }

  counts.title = g_strdup (title != NULL && title[0] != '\0' ? title : doc_id);
  counts.framework_uuid = pl_store_derive_uuid ("case-document", doc_id);
  counts.n_items = items->len;
  counts.n_links = links->len;
  counts.warnings = g_steal_pointer (&warnings);

  /* Everything checked: write in one transaction, or in a dry run only
   * compare with what the database holds. */
  if (!dry_run && !pl_store_begin (store, error))
    {
      pl_case_summary_clear (&counts);
      return FALSE;
    }
  if (!dry_run)
    pl_store_claim_writes (store, _("standards are being imported into this database; try again when the import has finished"));
  if (!write_framework (store, dry_run, doc_id, document, name, items, links, &counts, cancellable, error) ||
      (!dry_run && !pl_store_commit (store, error)))
    {
      if (!dry_run)
        {
          pl_store_release_writes (store);
          pl_store_rollback (store);
        }
      pl_case_summary_clear (&counts);
      return FALSE;
    }
  if (!dry_run)
    pl_store_release_writes (store);
  if (summary != NULL)
    *summary = counts;
  else
    pl_case_summary_clear (&counts);
  return TRUE;
}
