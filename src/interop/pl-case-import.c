/* pl-case-import.c — competency frameworks from CASE JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
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

typedef struct
{
  char       *identifier;
  const char *code;
  const char *statement;
  const char *item_type;
  char       *parent;       /* identifier of the parent item, or NULL */
  gint64      position;
  guint       index;        /* in CFItems, for messages */
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
  memset (summary, 0, sizeof *summary);
}

/* Counts bracket nesting outside strings, so that a file made to exhaust
 * the parser is refused before it is parsed. */
static gboolean
check_nesting (const char  *data,
               gsize        len,
               const char  *name,
               GError     **error)
{
  int depth = 0;
  gboolean in_string = FALSE, escaped = FALSE;
  guint line = 1;

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
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_NESTING)
            {
              g_set_error (error, PL_CASE_ERROR, PL_CASE_ERROR_TOO_DEEP,
                           _("%s: line %u: nested more than %d levels deep; this is not a framework"),
                           name, line, MAX_NESTING);
              return FALSE;
            }
        }
      else if (c == ']' || c == '}')
        depth--;
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

static gboolean
put_if_changed (PlStore     *store,
                PlRecord    *wanted,
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
      return pl_store_save (store, wanted, error);
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
  return pl_store_save (store, wanted, error);
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
  g_autoptr(PlRecord) framework = NULL;
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
                     _("%s: %" G_GOFFSET_FORMAT " bytes is more than any framework (at most %d MiB)"),
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
  if (!check_nesting (data, len, name, error))
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
      item->code = member_string (json_node_get_object (node), "humanCodingScheme", name, path, FALSE, NULL);
      item->item_type = member_string (json_node_get_object (node), "CFItemType", name, path, FALSE, NULL);
      item->position = i;
      item->index = i;
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
      const char *type;

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
          g_free (child->parent);
          child->parent = g_strcmp0 (destination, doc_id) == 0 ? NULL : g_strdup (destination);
          if (seq != NULL && JSON_NODE_HOLDS_VALUE (seq) &&
              (json_node_get_value_type (seq) == G_TYPE_INT64 || json_node_get_value_type (seq) == G_TYPE_DOUBLE))
            child->position = (gint64) json_node_get_double (seq);
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

  /* The tree must be a tree. */
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = items->pdata[i];
      Item *up = item;
      guint depth = 0;

      while (up->parent != NULL)
        {
          up = g_hash_table_lookup (by_id, up->parent);
          if (up == NULL)
            break;
          if (up == item || ++depth > MAX_TREE_DEPTH)
            {
              g_set_error (error, PL_CASE_ERROR, up == item ? PL_CASE_ERROR_CYCLE : PL_CASE_ERROR_TOO_DEEP,
                           up == item ? _("%s: CFItems[%u]: “%s” is its own ancestor through isChildOf")
                                      : _("%s: CFItems[%u]: “%s” sits more than 32 levels deep"),
                           name, item->index, item->identifier);
              return FALSE;
            }
        }
    }

  counts.title = g_strdup (title != NULL && title[0] != '\0' ? title : doc_id);
  counts.n_items = items->len;
  counts.n_links = links->len;
  if (dry_run)
    {
      if (summary != NULL)
        *summary = counts;
      else
        g_free (counts.title);
      return TRUE;
    }

  /* Everything checked: write in one transaction. */
  if (!pl_store_begin (store, error))
    {
      g_free (counts.title);
      return FALSE;
    }
  pl_store_claim_writes (store, _("standards are being imported into this database; try again when the import has finished"));
  {
    g_autofree char *fw_uuid = pl_store_derive_uuid ("case-document", doc_id);
    guint dummy_new = 0, dummy_updated = 0, dummy_unchanged = 0;

    framework = g_object_new (PL_TYPE_FRAMEWORK, "uuid", fw_uuid, NULL);
    pl_record_set_string (framework, "title", counts.title);
    pl_record_set_string (framework, "source-id", doc_id);
    pl_record_set_string (framework, "creator", member_string (document, "creator", name, "CFDocument", FALSE, NULL));
    pl_record_set_string (framework, "version", member_string (document, "version", name, "CFDocument", FALSE, NULL));
    if (!put_if_changed (store, framework, &dummy_new, &dummy_updated, &dummy_unchanged, error))
      goto fail;

    for (guint i = 0; i < items->len; i++)
      {
        Item *item = items->pdata[i];
        g_autofree char *uuid = item_uuid (doc_id, item->identifier);
        g_autofree char *parent = item->parent != NULL ? item_uuid (doc_id, item->parent) : NULL;
        g_autoptr(PlRecord) standard = g_object_new (PL_TYPE_STANDARD, "uuid", uuid, NULL);

        if (g_cancellable_set_error_if_cancelled (cancellable, error))
          goto fail;
        pl_record_set_string (standard, "framework-uuid", fw_uuid);
        pl_record_set_string (standard, "parent-uuid", parent);
        pl_record_set_string (standard, "code", item->code != NULL ? item->code : "");
        pl_record_set_string (standard, "statement", item->statement);
        pl_record_set_int (standard, "position", item->position);
        pl_record_set_string (standard, "source-id", item->identifier);
        pl_record_set_string (standard, "item-type", item->item_type);
        if (!put_if_changed (store, standard, &counts.n_new, &counts.n_updated, &counts.n_unchanged, error))
          goto fail;
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
        if (!put_if_changed (store, link, &dummy_new, &dummy_updated, &dummy_unchanged, error))
          goto fail;
      }
  }
  pl_store_release_writes (store);
  if (!pl_store_commit (store, error))
    {
      g_free (counts.title);
      return FALSE;
    }
  if (summary != NULL)
    *summary = counts;
  else
    g_free (counts.title);
  return TRUE;

fail:
  pl_store_release_writes (store);
  pl_store_rollback (store);
  g_free (counts.title);
  return FALSE;
}
