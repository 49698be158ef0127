/* pl-store-learners.c — learners, enrollments, profiles and notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "pl-store-learners.h"
#include "pl-profile-field.h"
#include "pl-store-private.h"
#include "pl-uuid.h"

/* The namespace of PersonalLearn's name-based uuids. */
static const guint8 pl_namespace[16] = {
  0x6a, 0x1e, 0x3c, 0x52, 0x9d, 0x07, 0x4b, 0x8e,
  0xa4, 0x31, 0x0f, 0xc2, 0x58, 0x7b, 0xe6, 0x19
};

char *
pl_store_derive_uuid (const char *scope,
                      const char *key)
{
  g_return_val_if_fail (scope != NULL && key != NULL, NULL);

  return pl_uuid_name_based (pl_namespace, scope, '\x1f', key);
}

char *
pl_store_profile_field_uuid (const char *learner_uuid,
                             const char *field)
{
  /* The namespace of PersonalLearn profile fields. */
  static const guint8 field_namespace[16] = {
    0x3b, 0x1f, 0x6c, 0x52, 0x9a, 0x0e, 0x4d, 0x71,
    0xa8, 0x44, 0x2f, 0xd0, 0x67, 0x15, 0xc3, 0x9e,
  };

  g_return_val_if_fail (learner_uuid != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  return pl_uuid_name_based (field_namespace, learner_uuid, '/', field);
}

/* ---- indexes for importers ----------------------------------------- */

GHashTable *
pl_store_index_by_source_id (PlStore  *self,
                             GType     type,
                             GError  **error)
{
  g_autoptr(GListModel) list = NULL;
  GHashTable *index;
  guint n;

  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, PL_TYPE_RECORD), NULL);

  list = _pl_store_query (self, type, "WHERE t.deleted = 0 AND t.source_id IS NOT NULL", NULL, error);
  if (list == NULL)
    return NULL;
  index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      PlRecord *record = g_list_model_get_item (list, i);

      g_hash_table_replace (index, g_strdup (pl_record_get_string (record, "source_id")), record);
    }
  return index;
}

char *
pl_store_enrollment_key (const char *classroom_uuid,
                         const char *learner_uuid)
{
  return g_strconcat (classroom_uuid, "\x1f", learner_uuid, NULL);
}

GHashTable *
pl_store_index_enrollments (PlStore  *self,
                            GError  **error)
{
  g_autoptr(GListModel) list = NULL;
  GHashTable *index;
  guint n;

  g_return_val_if_fail (PL_IS_STORE (self), NULL);

  list = _pl_store_query (self, PL_TYPE_ENROLLMENT, "WHERE t.deleted = 0", NULL, error);
  if (list == NULL)
    return NULL;
  index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      PlRecord *record = g_list_model_get_item (list, i);

      g_hash_table_replace (index,
                            pl_store_enrollment_key (pl_record_get_string (record, "classroom_uuid"),
                                                     pl_record_get_string (record, "learner_uuid")),
                            record);
    }
  return index;
}

/* ---- lists --------------------------------------------------------- */

#define CLASS_LEARNERS \
  "t.uuid IN (SELECT e.learner_uuid FROM enrollment e WHERE e.classroom_uuid = ?1" \
  " AND e.deleted = 0 AND e.archived = 0)"

GListModel *
pl_store_list_class_learners (PlStore     *self,
                              const char  *classroom_uuid,
                              GError     **error)
{
  const char *params[] = { classroom_uuid, NULL };

  g_return_val_if_fail (PL_IS_STORE (self), NULL);

  if (classroom_uuid == NULL)
    return _pl_store_query (self, PL_TYPE_LEARNER,
                            "WHERE t.deleted = 0 ORDER BY t.family_name, t.given_name", NULL, error);
  return _pl_store_query (self, PL_TYPE_LEARNER,
                          "WHERE t.deleted = 0 AND " CLASS_LEARNERS
                          " ORDER BY t.family_name, t.given_name",
                          params, error);
}

/* A note no newer version replaces: earlier versions of an edited note
 * are its history, not notes of their own. (The set is built once.) The
 * newest version carries the latest clock, so the latest update is kept. */
#define CURRENT_NOTE \
  "uuid NOT IN (SELECT supersedes_uuid FROM note WHERE deleted = 0 AND supersedes_uuid IS NOT NULL)"

static gboolean
load_fields_and_notes (PlStore     *self,
                       GHashTable  *by_uuid,
                       const char  *classroom_uuid,
                       const char  *learner_uuid,
                       GError     **error)
{
  g_autoptr(GListModel) fields = NULL;
  const char *params[] = { NULL, NULL };
  const char *field_tail;
  const char *note_sql;
  sqlite3_stmt *stmt;
  guint n;
  int rc;

  if (learner_uuid != NULL)
    {
      params[0] = learner_uuid;
      field_tail = "WHERE t.deleted = 0 AND t.learner_uuid = ?1";
      note_sql = "SELECT learner_uuid, count(*), max(noted_at) FROM note"
                 " WHERE deleted = 0 AND learner_uuid = ?1 AND " CURRENT_NOTE " GROUP BY learner_uuid";
    }
  else if (classroom_uuid != NULL)
    {
      params[0] = classroom_uuid;
      field_tail = "WHERE t.deleted = 0 AND t.learner_uuid IN (SELECT e.learner_uuid FROM enrollment e"
                   " WHERE e.classroom_uuid = ?1 AND e.deleted = 0 AND e.archived = 0)";
      note_sql = "SELECT learner_uuid, count(*), max(noted_at) FROM note"
                 " WHERE deleted = 0 AND learner_uuid IN (SELECT e.learner_uuid FROM enrollment e"
                 " WHERE e.classroom_uuid = ?1 AND e.deleted = 0 AND e.archived = 0)"
                 " AND " CURRENT_NOTE " GROUP BY learner_uuid";
    }
  else
    {
      field_tail = "WHERE t.deleted = 0";
      note_sql = "SELECT learner_uuid, count(*), max(noted_at) FROM note"
                 " WHERE deleted = 0 AND " CURRENT_NOTE " GROUP BY learner_uuid";
    }

  fields = _pl_store_query (self, PL_TYPE_PROFILE_FIELD, field_tail, params, error);
  if (fields == NULL)
    return FALSE;
  n = g_list_model_get_n_items (fields);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) field = g_list_model_get_item (fields, i);
      PlProfile *profile = g_hash_table_lookup (by_uuid, pl_record_get_string (field, "learner_uuid"));

      if (profile == NULL)
        continue;
      pl_profile_set_value (profile, pl_record_get_string (field, "field"),
                            pl_record_get_string (field, "value"));
      pl_profile_note_update (profile, pl_profile_edit_time_ms (pl_record_get_string (field, "edited-at"),
                                                                pl_record_get_updated_hlc (field)));
    }

  stmt = _pl_store_prepare (self, note_sql, error);
  if (stmt == NULL)
    return FALSE;
  if (params[0] != NULL)
    sqlite3_bind_text (stmt, 1, params[0], -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlProfile *profile = g_hash_table_lookup (by_uuid, sqlite3_column_text (stmt, 0));

      if (profile == NULL)
        continue;
      pl_profile_set_n_notes (profile, (guint) sqlite3_column_int (stmt, 1));
      /* A note's date is when the conversation took place. */
      pl_profile_note_update (profile, pl_profile_edit_time_ms ((const char *) sqlite3_column_text (stmt, 2), 0));
    }
  if (rc != SQLITE_DONE)
    {
      _pl_store_set_error (self, error, _("cannot read notes"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

GListModel *
pl_store_list_profiles (PlStore     *self,
                        const char  *classroom_uuid,
                        GError     **error)
{
  g_autoptr(GListModel) learners = NULL;
  g_autoptr(GListStore) profiles = NULL;
  g_autoptr(GHashTable) by_uuid = NULL;
  g_autoptr(GPtrArray) items = NULL;
  guint n;

  g_return_val_if_fail (PL_IS_STORE (self), NULL);

  learners = pl_store_list_class_learners (self, classroom_uuid, error);
  if (learners == NULL)
    return NULL;
  n = g_list_model_get_n_items (learners);
  by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlLearner) learner = g_list_model_get_item (learners, i);
      PlProfile *profile = pl_profile_new (learner);

      g_ptr_array_add (items, profile);
      g_hash_table_insert (by_uuid, (gpointer) pl_profile_get_uuid (profile), profile);
    }
  if (!load_fields_and_notes (self, by_uuid, classroom_uuid, NULL, error))
    return NULL;

  profiles = g_list_store_new (PL_TYPE_PROFILE);
  g_list_store_splice (profiles, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&profiles));
}

PlProfile *
pl_store_load_profile (PlStore     *self,
                       const char  *learner_uuid,
                       GError     **error)
{
  g_autoptr(PlLearner) learner = NULL;
  g_autoptr(PlProfile) profile = NULL;
  g_autoptr(GHashTable) by_uuid = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  g_return_val_if_fail (learner_uuid != NULL, NULL);

  learner = pl_store_get (self, PL_TYPE_LEARNER, learner_uuid, error);
  if (learner == NULL)
    return NULL;
  profile = pl_profile_new (learner);
  by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (by_uuid, (gpointer) learner_uuid, profile);
  if (!load_fields_and_notes (self, by_uuid, NULL, learner_uuid, error))
    return NULL;
  return g_steal_pointer (&profile);
}

GListModel *
pl_store_list_learner_classes (PlStore     *self,
                               const char  *learner_uuid,
                               GError     **error)
{
  const char *params[] = { learner_uuid, NULL };

  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  g_return_val_if_fail (learner_uuid != NULL, NULL);

  return _pl_store_query (self, PL_TYPE_CLASSROOM,
                          "WHERE t.deleted = 0 AND t.uuid IN (SELECT e.classroom_uuid FROM enrollment e"
                          " WHERE e.learner_uuid = ?1 AND e.deleted = 0 AND e.archived = 0)"
                          " ORDER BY t.name",
                          params, error);
}

/* ---- profile fields ------------------------------------------------ */

gboolean
pl_store_set_profile_value (PlStore     *self,
                            const char  *learner_uuid,
                            const char  *field,
                            const char  *value,
                            gboolean    *out_changed,
                            GError     **error)
{
  g_autofree char *uuid = NULL;
  g_autoptr(PlRecord) record = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  g_return_val_if_fail (learner_uuid != NULL && field != NULL, FALSE);

  if (out_changed != NULL)
    *out_changed = FALSE;
  if (value == NULL)
    value = "";
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("The value of the profile field “%s” is not valid UTF-8 text"), field);
      return FALSE;
    }

  uuid = pl_store_profile_field_uuid (learner_uuid, field);
  record = pl_store_get (self, PL_TYPE_PROFILE_FIELD, uuid, &local_error);
  if (record == NULL && !g_error_matches (local_error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (record != NULL && !pl_record_get_deleted (record) &&
      g_strcmp0 (pl_record_get_string (record, "value"), value) == 0)
    return TRUE;
  /* An empty value for a field that was never written needs no row. */
  if (record == NULL && *value == '\0')
    return TRUE;

  if (record == NULL)
    {
      record = g_object_new (PL_TYPE_PROFILE_FIELD, "uuid", uuid, NULL);
      pl_record_set_string (record, "learner_uuid", learner_uuid);
      pl_record_set_string (record, "field", field);
    }
  else if (pl_record_get_deleted (record))
    _pl_record_set_deleted (record, FALSE);
  pl_record_set_string (record, "value", value);
  if (!pl_store_save (self, record, error))
    return FALSE;
  if (out_changed != NULL)
    *out_changed = TRUE;
  return TRUE;
}

/* ---- notes --------------------------------------------------------- */

GListModel *
pl_store_list_notes (PlStore     *self,
                     const char  *learner_uuid,
                     GError     **error)
{
  const char *params[] = { learner_uuid, NULL };

  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  g_return_val_if_fail (learner_uuid != NULL, NULL);

  return _pl_store_query (self, PL_TYPE_NOTE,
                          "WHERE t.deleted = 0 AND t.learner_uuid = ?1"
                          " ORDER BY t.noted_at DESC, t.updated_hlc DESC",
                          params, error);
}

static gboolean
valid_note_kind (const char *kind)
{
  static const char * const kinds[] = { "conference", "check-in", "observation", "family", NULL };

  return kind != NULL && g_strv_contains (kinds, kind);
}

PlNote *
pl_store_add_note (PlStore     *self,
                   const char  *learner_uuid,
                   const char  *kind,
                   const char  *body,
                   const char  *noted_at,
                   const char  *supersedes_uuid,
                   GError     **error)
{
  g_autoptr(PlNote) note = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  g_return_val_if_fail (learner_uuid != NULL, NULL);

  if (!valid_note_kind (kind))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("Unknown kind of note “%s”"), kind != NULL ? kind : "");
      return NULL;
    }
  if (body == NULL || !g_utf8_validate (body, -1, NULL))
    {
      g_set_error_literal (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("The note is not valid UTF-8 text"));
      return NULL;
    }
  if (noted_at == NULL)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_now_local ();

      now = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");
      noted_at = now;
    }

  note = pl_note_new ();
  pl_record_set_string (PL_RECORD (note), "learner_uuid", learner_uuid);
  pl_record_set_string (PL_RECORD (note), "kind", kind);
  pl_record_set_string (PL_RECORD (note), "noted_at", noted_at);
  pl_record_set_string (PL_RECORD (note), "body", body);
  pl_record_set_string (PL_RECORD (note), "supersedes_uuid", supersedes_uuid);
  if (!pl_store_save (self, PL_RECORD (note), error))
    return NULL;
  return g_steal_pointer (&note);
}

static int
compare_threads (gconstpointer a,
                 gconstpointer b)
{
  GPtrArray *ta = *(GPtrArray **) a;
  GPtrArray *tb = *(GPtrArray **) b;
  PlRecord *root_a = ta->pdata[ta->len - 1];
  PlRecord *root_b = tb->pdata[tb->len - 1];
  int r = -g_strcmp0 (pl_record_get_string (root_a, "noted_at"), pl_record_get_string (root_b, "noted_at"));
  guint64 ha = pl_record_get_updated_hlc (ta->pdata[0]);
  guint64 hb = pl_record_get_updated_hlc (tb->pdata[0]);

  if (r != 0)
    return r;
  return ha > hb ? -1 : ha < hb ? 1 : 0;
}

GPtrArray *
pl_store_list_note_threads (PlStore     *self,
                            const char  *learner_uuid,
                            GError     **error)
{
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(GHashTable) by_uuid = NULL;
  g_autoptr(GHashTable) superseded = NULL;
  GPtrArray *threads;
  guint n;

  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  g_return_val_if_fail (learner_uuid != NULL, NULL);

  notes = pl_store_list_notes (self, learner_uuid, error);
  if (notes == NULL)
    return NULL;
  n = g_list_model_get_n_items (notes);
  by_uuid = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  superseded = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n; i++)
    {
      PlRecord *note = g_list_model_get_item (notes, i);
      const char *older = pl_record_get_string (note, "supersedes_uuid");

      g_hash_table_insert (by_uuid, (gpointer) pl_record_get_uuid (note), note);
      if (older != NULL)
        g_hash_table_add (superseded, (gpointer) older);
    }

  threads = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) note = g_list_model_get_item (notes, i);
      GPtrArray *thread;
      PlRecord *version = note;

      if (g_hash_table_contains (superseded, pl_record_get_uuid (note)))
        continue;
      thread = g_ptr_array_new_with_free_func (g_object_unref);
      /* Back through the versions; N steps at most, whatever the data. */
      for (guint steps = 0; version != NULL && steps < n; steps++)
        {
          const char *older = pl_record_get_string (version, "supersedes_uuid");

          g_ptr_array_add (thread, g_object_ref (version));
          version = older != NULL ? g_hash_table_lookup (by_uuid, older) : NULL;
        }
      g_ptr_array_add (threads, thread);
    }
  g_ptr_array_sort (threads, compare_threads);
  return threads;
}

gboolean
pl_store_note_is_superseded (PlStore    *self,
                             const char *note_uuid)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);

  stmt = _pl_store_prepare (self, "SELECT 1 FROM note WHERE supersedes_uuid = ?1 AND deleted = 0 LIMIT 1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, note_uuid, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* ---- learners and enrollments -------------------------------------- */

PlLearner *
pl_store_add_learner (PlStore     *self,
                      const char  *classroom_uuid,
                      const char  *given_name,
                      const char  *family_name,
                      GError     **error)
{
  g_autoptr(PlLearner) learner = pl_learner_new ();

  g_return_val_if_fail (PL_IS_STORE (self), NULL);

  pl_record_set_string (PL_RECORD (learner), "given_name", given_name != NULL ? given_name : "");
  pl_record_set_string (PL_RECORD (learner), "family_name", family_name != NULL ? family_name : "");
  if (!pl_store_begin (self, error))
    return NULL;
  if (!pl_store_save (self, PL_RECORD (learner), error) ||
      (classroom_uuid != NULL &&
       !pl_store_enroll_learner (self, pl_record_get_uuid (PL_RECORD (learner)), classroom_uuid, error)))
    {
      pl_store_rollback (self);
      return NULL;
    }
  if (!pl_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&learner);
}

gboolean
pl_store_set_learner_archived (PlStore    *self,
                               PlLearner  *learner,
                               gboolean    archived,
                               GError    **error)
{
  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  g_return_val_if_fail (PL_IS_LEARNER (learner), FALSE);

  if (pl_record_get_boolean (PL_RECORD (learner), "archived") == archived)
    return TRUE;
  pl_record_set_boolean (PL_RECORD (learner), "archived", archived);
  if (!pl_store_save (self, PL_RECORD (learner), error))
    {
      pl_record_set_boolean (PL_RECORD (learner), "archived", !archived);
      return FALSE;
    }
  return TRUE;
}

static PlEnrollment *
find_enrollment (PlStore     *self,
                 const char  *learner_uuid,
                 const char  *classroom_uuid,
                 GError     **error)
{
  const char *params[] = { classroom_uuid, learner_uuid, NULL };
  g_autoptr(GListModel) list = NULL;

  list = _pl_store_query (self, PL_TYPE_ENROLLMENT,
                          "WHERE t.deleted = 0 AND t.classroom_uuid = ?1 AND t.learner_uuid = ?2"
                          " ORDER BY t.archived, t.updated_hlc DESC LIMIT 1",
                          params, error);
  if (list == NULL || g_list_model_get_n_items (list) == 0)
    return NULL;
  return g_list_model_get_item (list, 0);
}

gboolean
pl_store_enroll_learner (PlStore     *self,
                         const char  *learner_uuid,
                         const char  *classroom_uuid,
                         GError     **error)
{
  g_autoptr(PlEnrollment) enrollment = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  g_return_val_if_fail (learner_uuid != NULL && classroom_uuid != NULL, FALSE);

  enrollment = find_enrollment (self, learner_uuid, classroom_uuid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (enrollment != NULL)
    {
      if (!pl_record_get_boolean (PL_RECORD (enrollment), "archived"))
        return TRUE;
      pl_record_set_boolean (PL_RECORD (enrollment), "archived", FALSE);
      return pl_store_save (self, PL_RECORD (enrollment), error);
    }
  enrollment = pl_enrollment_new ();
  pl_record_set_string (PL_RECORD (enrollment), "classroom_uuid", classroom_uuid);
  pl_record_set_string (PL_RECORD (enrollment), "learner_uuid", learner_uuid);
  pl_record_set_string (PL_RECORD (enrollment), "role", "student");
  return pl_store_save (self, PL_RECORD (enrollment), error);
}

gboolean
pl_store_unenroll_learner (PlStore     *self,
                           const char  *learner_uuid,
                           const char  *classroom_uuid,
                           GError     **error)
{
  g_autoptr(PlEnrollment) enrollment = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  g_return_val_if_fail (learner_uuid != NULL && classroom_uuid != NULL, FALSE);

  enrollment = find_enrollment (self, learner_uuid, classroom_uuid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (enrollment == NULL || pl_record_get_boolean (PL_RECORD (enrollment), "archived"))
    return TRUE;
  pl_record_set_boolean (PL_RECORD (enrollment), "archived", TRUE);
  return pl_store_save (self, PL_RECORD (enrollment), error);
}

gboolean
pl_store_move_learner (PlStore     *self,
                       const char  *learner_uuid,
                       const char  *from_uuid,
                       const char  *to_uuid,
                       GError     **error)
{
  g_return_val_if_fail (PL_IS_STORE (self), FALSE);

  if (g_strcmp0 (from_uuid, to_uuid) == 0)
    return TRUE;
  if (!pl_store_begin (self, error))
    return FALSE;
  if (!pl_store_enroll_learner (self, learner_uuid, to_uuid, error) ||
      (from_uuid != NULL && !pl_store_unenroll_learner (self, learner_uuid, from_uuid, error)))
    {
      pl_store_rollback (self);
      return FALSE;
    }
  return pl_store_commit (self, error);
}

gboolean
pl_store_profile_quality (PlStore           *self,
                          const char        *classroom_uuid,
                          gint64             now_ms,
                          PlProfileQuality  *out,
                          guint             *empty_per_field,
                          GError           **error)
{
  g_autoptr(GListModel) profiles = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  profiles = pl_store_list_profiles (self, classroom_uuid, error);
  if (profiles == NULL)
    return FALSE;
  pl_profile_summarize (profiles, now_ms, out, empty_per_field);
  return TRUE;
}
