/* pl-roster-data.c — a roster read from a file, before it is imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-roster-data.h"

void
pl_roster_class_free (PlRosterClass *klass)
{
  if (klass == NULL)
    return;
  g_free (klass->source_id);
  g_free (klass->title);
  g_free (klass->subject);
  g_free (klass->grade);
  g_free (klass->period);
  g_free (klass->school_source_id);
  g_free (klass);
}

void
pl_roster_learner_free (PlRosterLearner *learner)
{
  if (learner == NULL)
    return;
  g_free (learner->source_id);
  g_free (learner->given_name);
  g_free (learner->family_name);
  g_free (learner->preferred_name);
  g_free (learner->pronouns);
  g_free (learner->email);
  g_free (learner->grade);
  g_free (learner->role);
  g_free (learner);
}

void
pl_roster_enrollment_free (PlRosterEnrollment *enrollment)
{
  if (enrollment == NULL)
    return;
  g_free (enrollment->source_id);
  g_free (enrollment->class_source_id);
  g_free (enrollment->user_source_id);
  g_free (enrollment->role);
  g_free (enrollment);
}

void
pl_roster_org_free (PlRosterOrg *org)
{
  if (org == NULL)
    return;
  g_free (org->source_id);
  g_free (org->name);
  g_free (org->type);
  g_free (org);
}

PlRosterData *
pl_roster_data_new (const char *origin,
                    const char *format)
{
  PlRosterData *self = g_new0 (PlRosterData, 1);

  self->origin = g_strdup (origin);
  self->format = g_strdup (format);
  self->classes_bulk = self->users_bulk = self->enrollments_bulk = TRUE;
  self->classes = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_roster_class_free);
  self->learners = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_roster_learner_free);
  self->enrollments = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_roster_enrollment_free);
  self->orgs = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_roster_org_free);
  self->class_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->learner_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->org_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->enrollments_file = g_strdup ("enrollments.csv");
  return self;
}

void
pl_roster_data_free (PlRosterData *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->class_by_id);
  g_hash_table_unref (self->learner_by_id);
  g_hash_table_unref (self->org_by_id);
  g_ptr_array_unref (self->enrollments);
  g_ptr_array_unref (self->learners);
  g_ptr_array_unref (self->classes);
  g_ptr_array_unref (self->orgs);
  g_ptr_array_unref (self->warnings);
  g_free (self->origin);
  g_free (self->format);
  g_free (self->enrollments_file);
  g_free (self);
}

void
pl_roster_data_add_class (PlRosterData  *self,
                          PlRosterClass *klass)
{
  g_ptr_array_add (self->classes, klass);
  if (klass->source_id != NULL)
    g_hash_table_replace (self->class_by_id, klass->source_id, klass);
}

void
pl_roster_data_add_learner (PlRosterData    *self,
                            PlRosterLearner *learner)
{
  g_ptr_array_add (self->learners, learner);
  if (learner->source_id != NULL)
    g_hash_table_replace (self->learner_by_id, learner->source_id, learner);
}

void
pl_roster_data_add_enrollment (PlRosterData       *self,
                               PlRosterEnrollment *enrollment)
{
  g_ptr_array_add (self->enrollments, enrollment);
}

void
pl_roster_data_add_org (PlRosterData *self,
                        PlRosterOrg  *org)
{
  g_ptr_array_add (self->orgs, org);
  g_hash_table_replace (self->org_by_id, org->source_id, org);
}

void
pl_roster_data_warn (PlRosterData *self,
                     const char   *format,
                     ...)
{
  va_list args;

  /* Thousands of the same kind of warning help no one. */
  if (self->warnings->len >= 200)
    return;
  va_start (args, format);
  g_ptr_array_add (self->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}
