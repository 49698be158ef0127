/* pl-roster-plan.c — what a roster import would change, and applying it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "core/pl-classroom.h"
#include "core/pl-enrollment.h"
#include "core/pl-learner.h"
#include "core/pl-school.h"
#include "core/pl-store-learners.h"
#include "pl-roster-plan.h"

typedef struct
{
  PlLearner *record;
  gboolean   changed;
  gboolean   saved;
} LearnerAction;

typedef struct
{
  LearnerAction *learner;
  PlEnrollment  *enrollment;   /* to save, or NULL */
} EnrollmentAction;

typedef struct
{
  PlRosterPlanClass  info;
  PlRosterClass     *roster;     /* NULL for a class only in the database */
  PlClassroom       *record;     /* to save when info.class_changed */
  PlSchool          *school;     /* to save, or NULL */
  GArray            *actions;    /* EnrollmentAction */
  GHashTable        *enrolled;   /* learner uuids the file enrolls here */
} ClassPlan;

struct _PlRosterPlan
{
  PlStore      *store;
  PlRosterData *data;
  GPtrArray    *classes;        /* ClassPlan */
  GHashTable   *class_by_key;   /* source_id or "" → ClassPlan */
  GHashTable   *learners;       /* learner uuid → LearnerAction */

  GHashTable   *db_learners;    /* source_id → PlLearner */
  GHashTable   *db_classes;     /* source_id → PlClassroom */
  GHashTable   *db_schools;     /* source_id → PlSchool */
  GHashTable   *db_enrollments; /* key → PlEnrollment */
  GHashTable   *by_email;       /* folded email → PlLearner (plain CSV) */
  GHashTable   *by_name;        /* folded names → PlLearner (plain CSV) */
  GHashTable   *schools_planned;/* source_id → PlSchool to save */
};

static void
learner_action_free (gpointer data)
{
  LearnerAction *a = data;

  g_clear_object (&a->record);
  g_free (a);
}

static void
class_plan_free (gpointer data)
{
  ClassPlan *c = data;

  g_free (c->info.title);
  g_free (c->info.source_id);
  g_free (c->info.classroom_uuid);
  g_clear_object (&c->record);
  g_clear_object (&c->school);
  for (guint i = 0; c->actions != NULL && i < c->actions->len; i++)
    g_clear_object (&g_array_index (c->actions, EnrollmentAction, i).enrollment);
  g_clear_pointer (&c->actions, g_array_unref);
  g_clear_pointer (&c->enrolled, g_hash_table_unref);
  g_free (c);
}

void
pl_roster_plan_free (PlRosterPlan *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->classes, g_ptr_array_unref);
  g_clear_pointer (&self->class_by_key, g_hash_table_unref);
  g_clear_pointer (&self->learners, g_hash_table_unref);
  g_clear_pointer (&self->db_learners, g_hash_table_unref);
  g_clear_pointer (&self->db_classes, g_hash_table_unref);
  g_clear_pointer (&self->db_schools, g_hash_table_unref);
  g_clear_pointer (&self->db_enrollments, g_hash_table_unref);
  g_clear_pointer (&self->by_email, g_hash_table_unref);
  g_clear_pointer (&self->by_name, g_hash_table_unref);
  g_clear_pointer (&self->schools_planned, g_hash_table_unref);
  g_clear_pointer (&self->data, pl_roster_data_free);
  g_clear_object (&self->store);
  g_free (self);
}

/* Sets string COLUMN of RECORD to VALUE when VALUE is given and differs;
 * with ONLY_IF_EMPTY, only when the record has nothing there yet (a
 * preferred name the teacher typed beats the roster's silence). */
static gboolean
merge_string (PlRecord   *record,
              const char *column,
              const char *value,
              gboolean    only_if_empty)
{
  const char *now = pl_record_get_string (record, column);

  if (value == NULL || g_strcmp0 (now, value) == 0)
    return FALSE;
  if (only_if_empty && now != NULL && *now != '\0')
    return FALSE;
  pl_record_set_string (record, column, value);
  return TRUE;
}

static char *
fold_key (const char *a,
          const char *b)
{
  g_autofree char *joined = g_strconcat (a != NULL ? a : "", "\x1f", b != NULL ? b : "", NULL);

  return g_utf8_casefold (joined, -1);
}

static gboolean
load_indexes (PlRosterPlan  *self,
              GError       **error)
{
  g_autoptr(GListModel) all = NULL;
  guint n;

  self->db_learners = pl_store_index_by_source_id (self->store, PL_TYPE_LEARNER, error);
  if (self->db_learners == NULL)
    return FALSE;
  self->db_classes = pl_store_index_by_source_id (self->store, PL_TYPE_CLASSROOM, error);
  if (self->db_classes == NULL)
    return FALSE;
  self->db_schools = pl_store_index_by_source_id (self->store, PL_TYPE_SCHOOL, error);
  if (self->db_schools == NULL)
    return FALSE;
  self->db_enrollments = pl_store_index_enrollments (self->store, error);
  if (self->db_enrollments == NULL)
    return FALSE;

  if (g_strcmp0 (self->data->format, "csv") != 0)
    return TRUE;

  /* A plain CSV may have no ids: learners are found by email or name. */
  self->by_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  all = pl_store_list_class_learners (self->store, NULL, error);
  if (all == NULL)
    return FALSE;
  n = g_list_model_get_n_items (all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) learner = g_list_model_get_item (all, i);
      const char *email = pl_record_get_string (learner, "email");

      if (email != NULL && *email != '\0')
        g_hash_table_replace (self->by_email, g_utf8_casefold (email, -1), g_object_ref (learner));
      g_hash_table_replace (self->by_name,
                            fold_key (pl_record_get_string (learner, "given_name"),
                                      pl_record_get_string (learner, "family_name")),
                            g_object_ref (learner));
    }
  return TRUE;
}

static PlLearner *
find_db_learner (PlRosterPlan    *self,
                 PlRosterLearner *rl)
{
  PlLearner *found = NULL;

  if (rl->source_id != NULL)
    found = g_hash_table_lookup (self->db_learners, rl->source_id);
  if (found == NULL && self->by_email != NULL && rl->email != NULL)
    {
      g_autofree char *key = g_utf8_casefold (rl->email, -1);

      found = g_hash_table_lookup (self->by_email, key);
    }
  if (found == NULL && self->by_name != NULL && rl->source_id == NULL)
    {
      g_autofree char *key = fold_key (rl->given_name, rl->family_name);

      found = g_hash_table_lookup (self->by_name, key);
    }
  return found;
}

static PlSchool *
plan_school (PlRosterPlan *self,
             const char   *source_id)
{
  PlRosterOrg *org;
  PlSchool *school;

  if (source_id == NULL)
    return NULL;
  if ((school = g_hash_table_lookup (self->schools_planned, source_id)) != NULL)
    return school;

  org = g_hash_table_lookup (self->data->org_by_id, source_id);
  school = g_hash_table_lookup (self->db_schools, source_id);
  if (school != NULL)
    {
      school = PL_SCHOOL (g_object_ref (school));
      if (org == NULL || !merge_string (PL_RECORD (school), "name", org->name, FALSE))
        {
          g_hash_table_insert (self->schools_planned, g_strdup (source_id), school);
          return school;
        }
    }
  else
    {
      g_autofree char *uuid = pl_store_derive_uuid ("school", source_id);

      school = g_object_new (PL_TYPE_SCHOOL, "uuid", uuid, NULL);
      pl_record_set_string (PL_RECORD (school), "source_id", source_id);
      pl_record_set_string (PL_RECORD (school), "name",
                            org != NULL && org->name != NULL ? org->name : source_id);
    }
  /* Marked for saving by a NULL origin check in apply: keep in the map
   * with a flag through qdata. */
  g_object_set_data (G_OBJECT (school), "pl-roster-save", GINT_TO_POINTER (1));
  g_hash_table_insert (self->schools_planned, g_strdup (source_id), school);
  return school;
}

static ClassPlan *
add_class_plan (PlRosterPlan  *self,
                PlRosterClass *rc,
                PlClassroom   *existing,
                const char    *target_uuid,
                GError       **error)
{
  ClassPlan *c = g_new0 (ClassPlan, 1);
  PlRecord *record;

  c->roster = rc;
  c->actions = g_array_new (FALSE, TRUE, sizeof (EnrollmentAction));
  c->enrolled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c->info.selected = TRUE;
  c->info.source_id = g_strdup (rc != NULL ? rc->source_id : pl_record_get_string (PL_RECORD (existing), "source_id"));

  if (existing == NULL && rc != NULL && rc->source_id != NULL)
    existing = g_hash_table_lookup (self->db_classes, rc->source_id);
  if (existing != NULL)
    c->record = g_object_ref (existing);
  else if (target_uuid != NULL)
    {
      c->record = pl_store_get (self->store, PL_TYPE_CLASSROOM, target_uuid, error);
      if (c->record == NULL)
        {
          class_plan_free (c);
          return NULL;
        }
    }
  else if (rc != NULL && rc->source_id == NULL)
    {
      /* A plain CSV's class: the class of that name, when there is one. */
      g_autoptr(GListModel) same = pl_store_list_where (self->store, PL_TYPE_CLASSROOM, "name", rc->title, NULL);

      if (same != NULL && g_list_model_get_n_items (same) > 0)
        c->record = g_list_model_get_item (same, 0);
    }

  c->info.exists = c->record != NULL;
  if (c->record == NULL)
    {
      g_autofree char *uuid = rc->source_id != NULL ? pl_store_derive_uuid ("classroom", rc->source_id)
                                                    : g_uuid_string_random ();

      c->record = g_object_new (PL_TYPE_CLASSROOM, "uuid", uuid, NULL);
      pl_record_set_string (PL_RECORD (c->record), "source_id", rc->source_id);
      c->info.class_changed = TRUE;
    }
  record = PL_RECORD (c->record);

  if (rc != NULL)
    {
      gboolean changed = FALSE;

      c->school = plan_school (self, rc->school_source_id);
      if (c->school != NULL)
        g_object_ref (c->school);
      /* A class taken from a plain CSV keeps its name and details. */
      if (rc->source_id != NULL)
        {
          changed |= merge_string (record, "name", rc->title, FALSE);
          changed |= merge_string (record, "subject", rc->subject, FALSE);
          changed |= merge_string (record, "grade_level", rc->grade, FALSE);
          changed |= merge_string (record, "period", rc->period, FALSE);
          if (c->school != NULL)
            changed |= merge_string (record, "school_uuid", pl_record_get_uuid (PL_RECORD (c->school)), FALSE);
          if (rc->tobedeleted && !pl_record_get_boolean (record, "archived"))
            {
              pl_record_set_boolean (record, "archived", TRUE);
              changed = TRUE;
            }
        }
      else if (!c->info.exists)
        changed |= merge_string (record, "name", rc->title, FALSE);
      c->info.class_changed |= changed;
    }

  c->info.title = g_strdup (pl_record_get_string (record, "name"));
  c->info.classroom_uuid = g_strdup (pl_record_get_uuid (record));
  g_ptr_array_add (self->classes, c);
  g_hash_table_insert (self->class_by_key,
                       g_strdup (c->info.source_id != NULL ? c->info.source_id : ""), c);
  return c;
}

/* The action for a roster learner, shared by every class it is in. */
static LearnerAction *
plan_learner (PlRosterPlan    *self,
              PlRosterLearner *rl,
              PlSchool        *school,
              gboolean        *out_new)
{
  PlLearner *existing = find_db_learner (self, rl);
  LearnerAction *a;
  PlRecord *record;
  gboolean changed = FALSE;

  g_autofree char *uuid = NULL;

  *out_new = existing == NULL;
  if (existing != NULL)
    uuid = g_strdup (pl_record_get_uuid (PL_RECORD (existing)));
  else
    uuid = rl->source_id != NULL ? pl_store_derive_uuid ("learner", rl->source_id) : g_uuid_string_random ();
  /* A student in several classes: one action, shared. */
  if ((a = g_hash_table_lookup (self->learners, uuid)) != NULL)
    return a;

  a = g_new0 (LearnerAction, 1);
  if (existing != NULL)
    a->record = g_object_ref (existing);
  else
    {
      a->record = g_object_new (PL_TYPE_LEARNER, "uuid", uuid, NULL);
      changed = TRUE;
    }
  record = PL_RECORD (a->record);
  changed |= merge_string (record, "source_id", rl->source_id, FALSE);
  changed |= merge_string (record, "given_name", rl->given_name, FALSE);
  changed |= merge_string (record, "family_name", rl->family_name, FALSE);
  changed |= merge_string (record, "email", rl->email, FALSE);
  changed |= merge_string (record, "grade", rl->grade, FALSE);
  changed |= merge_string (record, "preferred_name", rl->preferred_name, TRUE);
  changed |= merge_string (record, "pronouns", rl->pronouns, TRUE);
  if (school != NULL)
    changed |= merge_string (record, "school_uuid", pl_record_get_uuid (PL_RECORD (school)), TRUE);
  if (rl->tobedeleted && !pl_record_get_boolean (record, "archived"))
    {
      pl_record_set_boolean (record, "archived", TRUE);
      changed = TRUE;
    }
  a->changed = changed;
  g_hash_table_insert (self->learners, g_strdup (pl_record_get_uuid (record)), a);
  if (rl->source_id == NULL)
    {
      /* A second row for the same person in a plain CSV finds this one. */
      if (rl->email != NULL)
        g_hash_table_replace (self->by_email, g_utf8_casefold (rl->email, -1), g_object_ref (a->record));
      g_hash_table_replace (self->by_name, fold_key (rl->given_name, rl->family_name),
                            g_object_ref (a->record));
    }
  return a;
}

static gboolean
plan_enrollment (PlRosterPlan       *self,
                 PlRosterEnrollment *re,
                 GError            **error)
{
  ClassPlan *c;
  PlRosterLearner *rl = re->learner;
  PlLearner *db_learner = NULL;
  LearnerAction *a = NULL;
  g_autofree char *key = NULL;
  PlEnrollment *existing;
  EnrollmentAction action = { NULL, NULL };
  gboolean is_new = FALSE;
  gboolean archiving;
  gboolean learner_archiving;

  /* The class: from the files, else (delta) from the database. */
  c = g_hash_table_lookup (self->class_by_key, re->class_source_id != NULL ? re->class_source_id : "");
  if (c == NULL)
    {
      PlClassroom *db_class = re->class_source_id != NULL ? g_hash_table_lookup (self->db_classes, re->class_source_id) : NULL;

      if (db_class == NULL)
        {
          pl_roster_set_error (error, PL_ROSTER_ERROR_BAD_REFERENCE, self->data->enrollments_file,
                               re->line, 0, "classSourcedId",
                               _("no class “%s” in classes.csv or in this database"), re->class_source_id);
          return FALSE;
        }
      c = add_class_plan (self, NULL, db_class, NULL, error);
      if (c == NULL)
        return FALSE;
    }

  /* The learner: from the files, else (delta) from the database. */
  if (rl == NULL)
    {
      db_learner = re->user_source_id != NULL ? g_hash_table_lookup (self->db_learners, re->user_source_id) : NULL;
      if (db_learner == NULL)
        {
          if (re->tobedeleted)
            return TRUE;   /* leaving a class one never joined */
          pl_roster_set_error (error, PL_ROSTER_ERROR_BAD_REFERENCE, self->data->enrollments_file,
                               re->line, 0, "userSourcedId",
                               _("no student “%s” in users.csv or in this database"), re->user_source_id);
          return FALSE;
        }
      a = g_hash_table_lookup (self->learners, pl_record_get_uuid (PL_RECORD (db_learner)));
      if (a == NULL)
        {
          a = g_new0 (LearnerAction, 1);
          a->record = g_object_ref (db_learner);
          g_hash_table_insert (self->learners, g_strdup (pl_record_get_uuid (PL_RECORD (db_learner))), a);
        }
    }
  else
    {
      if (rl->tobedeleted && find_db_learner (self, rl) == NULL)
        return TRUE;   /* nothing to archive */
      a = plan_learner (self, rl, c->school, &is_new);
    }

  key = pl_store_enrollment_key (c->info.classroom_uuid, pl_record_get_uuid (PL_RECORD (a->record)));
  existing = g_hash_table_lookup (self->db_enrollments, key);
  archiving = re->tobedeleted;
  learner_archiving = rl != NULL && rl->tobedeleted;
  g_hash_table_add (c->enrolled, g_strdup (pl_record_get_uuid (PL_RECORD (a->record))));

  if (existing == NULL && archiving)
    return TRUE;
  if (existing == NULL)
    {
      g_autofree char *uuid = re->source_id != NULL ? pl_store_derive_uuid ("enrollment", re->source_id)
                                                    : g_uuid_string_random ();

      action.enrollment = g_object_new (PL_TYPE_ENROLLMENT, "uuid", uuid, NULL);
      pl_record_set_string (PL_RECORD (action.enrollment), "classroom_uuid", c->info.classroom_uuid);
      pl_record_set_string (PL_RECORD (action.enrollment), "learner_uuid", pl_record_get_uuid (PL_RECORD (a->record)));
      pl_record_set_string (PL_RECORD (action.enrollment), "role", "student");
      pl_record_set_string (PL_RECORD (action.enrollment), "source_id", re->source_id);
    }
  else
    {
      gboolean changed = FALSE;

      action.enrollment = g_object_ref (existing);
      changed |= merge_string (PL_RECORD (existing), "source_id", re->source_id, FALSE);
      if (pl_record_get_boolean (PL_RECORD (existing), "archived") != archiving)
        {
          pl_record_set_boolean (PL_RECORD (existing), "archived", archiving);
          changed = TRUE;
        }
      if (!changed)
        g_clear_object (&action.enrollment);
    }

  if ((archiving && action.enrollment != NULL) || (learner_archiving && a->changed))
    c->info.n_archived++;
  else if (is_new)
    c->info.n_new++;
  else if (a->changed || action.enrollment != NULL)
    c->info.n_updated++;
  else
    c->info.n_unchanged++;

  action.learner = a;
  g_array_append_val (c->actions, action);
  return TRUE;
}

/* A users file may change or archive a student the database already has
 * without any enrollment row (a delta that renames, or tobedeleted): the
 * change shows in each class the database has the student in. */
static gboolean
plan_unenrolled_updates (PlRosterPlan  *self,
                         GError       **error)
{
  g_autoptr(GHashTable) classes_of = NULL;
  GHashTableIter iter;
  gpointer key, value;

  classes_of = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_hash_table_iter_init (&iter, self->db_enrollments);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      PlRecord *e = value;
      const char *learner = pl_record_get_string (e, "learner_uuid");
      GPtrArray *list;

      if (pl_record_get_boolean (e, "archived") || learner == NULL)
        continue;
      list = g_hash_table_lookup (classes_of, learner);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (classes_of, (gpointer) learner, list);
        }
      g_ptr_array_add (list, (gpointer) pl_record_get_string (e, "classroom_uuid"));
    }

  for (guint i = 0; i < self->data->learners->len; i++)
    {
      PlRosterLearner *rl = self->data->learners->pdata[i];
      PlLearner *existing = find_db_learner (self, rl);
      LearnerAction *a;
      GPtrArray *list;
      gboolean is_new;

      if (existing == NULL ||
          g_hash_table_contains (self->learners, pl_record_get_uuid (PL_RECORD (existing))))
        continue;
      a = plan_learner (self, rl, NULL, &is_new);
      if (!a->changed)
        continue;
      list = g_hash_table_lookup (classes_of, pl_record_get_uuid (PL_RECORD (existing)));
      for (guint j = 0; list != NULL && j < list->len; j++)
        {
          const char *classroom_uuid = list->pdata[j];
          EnrollmentAction action = { a, NULL };
          ClassPlan *c = NULL;

          for (guint k = 0; k < self->classes->len && c == NULL; k++)
            if (g_strcmp0 (((ClassPlan *) self->classes->pdata[k])->info.classroom_uuid, classroom_uuid) == 0)
              c = self->classes->pdata[k];
          if (c == NULL)
            {
              g_autoptr(PlClassroom) db_class = pl_store_get (self->store, PL_TYPE_CLASSROOM, classroom_uuid, NULL);

              if (db_class == NULL || pl_record_get_deleted (PL_RECORD (db_class)))
                continue;
              c = add_class_plan (self, NULL, db_class, NULL, error);
              if (c == NULL)
                return FALSE;
            }
          g_hash_table_add (c->enrolled, g_strdup (pl_record_get_uuid (PL_RECORD (existing))));
          g_array_append_val (c->actions, action);
          if (rl->tobedeleted)
            c->info.n_archived++;
          else
            c->info.n_updated++;
        }
    }
  return TRUE;
}

/* A bulk enrollments file lists everyone: a student the database has in
 * the class from an earlier import but the file no longer lists leaves. */
static void
plan_bulk_departures (PlRosterPlan *self,
                      ClassPlan    *c)
{
  GHashTableIter iter;
  gpointer key, value;
  g_autofree char *prefix = g_strconcat (c->info.classroom_uuid, "\x1f", NULL);

  if (!c->info.exists)
    return;
  g_hash_table_iter_init (&iter, self->db_enrollments);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      PlRecord *e = value;
      EnrollmentAction action = { NULL, NULL };

      if (!g_str_has_prefix (key, prefix) || pl_record_get_string (e, "source_id") == NULL ||
          pl_record_get_boolean (e, "archived") ||
          g_hash_table_contains (c->enrolled, pl_record_get_string (e, "learner_uuid")))
        continue;
      pl_record_set_boolean (e, "archived", TRUE);
      action.enrollment = g_object_ref (PL_ENROLLMENT (e));
      g_array_append_val (c->actions, action);
      c->info.n_archived++;
    }
}

PlRosterPlan *
pl_roster_plan_new (PlStore       *store,
                    PlRosterData  *data,
                    const char    *target_classroom_uuid,
                    GError       **error)
{
  g_autoptr(PlRosterPlan) self = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  self = g_new0 (PlRosterPlan, 1);
  self->store = g_object_ref (store);
  self->data = data;
  self->classes = g_ptr_array_new_with_free_func (class_plan_free);
  self->class_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->learners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, learner_action_free);
  self->schools_planned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  if (!load_indexes (self, error))
    return NULL;

  for (guint i = 0; i < data->classes->len; i++)
    {
      PlRosterClass *rc = data->classes->pdata[i];

      if (add_class_plan (self, rc, NULL, rc->source_id == NULL ? target_classroom_uuid : NULL, error) == NULL)
        return NULL;
    }
  for (guint i = 0; i < data->enrollments->len; i++)
    if (!plan_enrollment (self, data->enrollments->pdata[i], error))
      return NULL;
  if (!plan_unenrolled_updates (self, error))
    return NULL;
  if (data->enrollments_bulk)
    for (guint i = 0; i < self->classes->len; i++)
      plan_bulk_departures (self, self->classes->pdata[i]);

  return g_steal_pointer (&self);
}

PlRosterData *
pl_roster_plan_get_data (PlRosterPlan *self)
{
  return self->data;
}

guint
pl_roster_plan_get_n_classes (PlRosterPlan *self)
{
  return self->classes->len;
}

PlRosterPlanClass *
pl_roster_plan_get_class (PlRosterPlan *self,
                          guint         index)
{
  g_return_val_if_fail (index < self->classes->len, NULL);
  return &((ClassPlan *) self->classes->pdata[index])->info;
}

void
pl_roster_plan_select (PlRosterPlan *self,
                       guint         index,
                       gboolean      selected)
{
  g_return_if_fail (index < self->classes->len);
  ((ClassPlan *) self->classes->pdata[index])->info.selected = selected;
}

gboolean
pl_roster_plan_select_names (PlRosterPlan        *self,
                             const char * const  *names,
                             GError             **error)
{
  g_autoptr(GArray) pick = g_array_new (FALSE, TRUE, sizeof (gboolean));

  g_array_set_size (pick, self->classes->len);
  for (guint n = 0; names[n] != NULL; n++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < self->classes->len; i++)
        {
          ClassPlan *c = self->classes->pdata[i];

          if (g_strcmp0 (c->info.source_id, names[n]) == 0 || g_strcmp0 (c->info.title, names[n]) == 0)
            {
              g_array_index (pick, gboolean, i) = TRUE;
              found = TRUE;
            }
        }
      if (!found)
        {
          pl_roster_set_error (error, PL_ROSTER_ERROR_BAD_REFERENCE, self->data->origin, 0, 0, NULL,
                               _("no class “%s” in the roster"), names[n]);
          return FALSE;
        }
    }
  for (guint i = 0; i < self->classes->len; i++)
    ((ClassPlan *) self->classes->pdata[i])->info.selected = g_array_index (pick, gboolean, i);
  return TRUE;
}

void
pl_roster_plan_get_totals (PlRosterPlan *self,
                           guint        *n_new,
                           guint        *n_updated,
                           guint        *n_unchanged,
                           guint        *n_archived)
{
  guint totals[4] = { 0, 0, 0, 0 };

  for (guint i = 0; i < self->classes->len; i++)
    {
      PlRosterPlanClass *info = &((ClassPlan *) self->classes->pdata[i])->info;

      if (!info->selected)
        continue;
      totals[0] += info->n_new;
      totals[1] += info->n_updated;
      totals[2] += info->n_unchanged;
      totals[3] += info->n_archived;
    }
  if (n_new != NULL)
    *n_new = totals[0];
  if (n_updated != NULL)
    *n_updated = totals[1];
  if (n_unchanged != NULL)
    *n_unchanged = totals[2];
  if (n_archived != NULL)
    *n_archived = totals[3];
}

static gboolean
school_needs_save (PlSchool *school)
{
  return school != NULL && g_object_get_data (G_OBJECT (school), "pl-roster-save") != NULL;
}

gboolean
pl_roster_plan_is_noop (PlRosterPlan *self)
{
  for (guint i = 0; i < self->classes->len; i++)
    {
      ClassPlan *c = self->classes->pdata[i];

      if (!c->info.selected)
        continue;
      if (c->info.class_changed || school_needs_save (c->school))
        return FALSE;
      for (guint j = 0; j < c->actions->len; j++)
        {
          EnrollmentAction *action = &g_array_index (c->actions, EnrollmentAction, j);

          if (action->enrollment != NULL || (action->learner != NULL && action->learner->changed))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
pl_roster_plan_apply (PlRosterPlan         *self,
                      GCancellable         *cancellable,
                      PlRosterApplyResult  *result,
                      GError              **error)
{
  PlRosterApplyResult counts = { 0, 0, 0, 0 };

  g_return_val_if_fail (self != NULL, FALSE);

  if (!pl_store_begin (self->store, error))
    return FALSE;
  /* A large roster holds the database for a while: edits in the window
   * meanwhile are refused at once, with this message. */
  pl_store_claim_writes (self->store, _("a roster is being imported into this database; try again when the import has finished"));

  for (guint i = 0; i < self->classes->len; i++)
    {
      ClassPlan *c = self->classes->pdata[i];

      if (!c->info.selected)
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;
      if (school_needs_save (c->school))
        {
          if (!pl_store_save (self->store, PL_RECORD (c->school), error))
            goto fail;
          g_object_set_data (G_OBJECT (c->school), "pl-roster-save", NULL);
          counts.schools_written++;
        }
      if (c->info.class_changed)
        {
          if (!pl_store_save (self->store, PL_RECORD (c->record), error))
            goto fail;
          counts.classes_written++;
        }
      for (guint j = 0; j < c->actions->len; j++)
        {
          EnrollmentAction *action = &g_array_index (c->actions, EnrollmentAction, j);

          /* A large class can be cancelled part-way: the rollback undoes it all. */
          if (j % 512 == 511 && g_cancellable_set_error_if_cancelled (cancellable, error))
            goto fail;
          if (action->learner != NULL && action->learner->changed && !action->learner->saved)
            {
              if (!pl_store_save (self->store, PL_RECORD (action->learner->record), error))
                goto fail;
              action->learner->saved = TRUE;
              counts.learners_written++;
            }
          if (action->enrollment != NULL)
            {
              if (!pl_store_save (self->store, PL_RECORD (action->enrollment), error))
                goto fail;
              counts.enrollments_written++;
            }
        }
    }

  if (!pl_store_commit (self->store, error))
    goto undo_flags;
  pl_store_release_writes (self->store);
  if (result != NULL)
    *result = counts;
  return TRUE;

fail:
  pl_store_rollback (self->store);
undo_flags:
  pl_store_release_writes (self->store);
  /* The records were not written after all: applying again writes them. */
  for (guint i = 0; i < self->classes->len; i++)
    {
      ClassPlan *c = self->classes->pdata[i];

      for (guint j = 0; j < c->actions->len; j++)
        {
          EnrollmentAction *action = &g_array_index (c->actions, EnrollmentAction, j);

          if (action->learner != NULL)
            action->learner->saved = FALSE;
        }
    }
  return FALSE;
}
