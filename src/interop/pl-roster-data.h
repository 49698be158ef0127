/* pl-roster-data.h — a roster read from a file, before it is imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char     *source_id;         /* sourcedId; NULL for a plain CSV's class */
  char     *title;
  char     *subject;
  char     *grade;
  char     *period;
  char     *school_source_id;
  gboolean  tobedeleted;
  guint     line;
  guint     n_students;        /* enrollments of students read for it */
} PlRosterClass;

typedef struct
{
  char     *source_id;         /* sourcedId or the id column; may be NULL */
  char     *given_name;
  char     *family_name;
  char     *preferred_name;
  char     *pronouns;
  char     *email;
  char     *grade;
  char     *role;              /* "student", "teacher", … or NULL */
  gboolean  tobedeleted;
  guint     line;
} PlRosterLearner;

typedef struct
{
  char            *source_id;
  char            *class_source_id;
  char            *user_source_id;
  char            *role;
  PlRosterClass   *klass;       /* NULL until resolved */
  PlRosterLearner *learner;     /* NULL until resolved */
  gboolean         tobedeleted;
  guint            line;
} PlRosterEnrollment;

typedef struct
{
  char *source_id;
  char *name;
  char *type;
} PlRosterOrg;

typedef struct
{
  char        *origin;          /* the file or folder it came from (base name) */
  char        *format;          /* "oneroster-1.1", "oneroster-1.2" or "csv" */

  /* A bulk file holds everything; a delta file only the changes. */
  gboolean     classes_bulk;
  gboolean     users_bulk;
  gboolean     enrollments_bulk;

  GPtrArray   *classes;         /* PlRosterClass */
  GPtrArray   *learners;        /* PlRosterLearner, students only */
  GPtrArray   *enrollments;     /* PlRosterEnrollment, students only */
  GPtrArray   *orgs;            /* PlRosterOrg */
  GHashTable  *class_by_id;     /* source_id → PlRosterClass */
  GHashTable  *learner_by_id;   /* source_id → PlRosterLearner */
  GHashTable  *org_by_id;       /* source_id → PlRosterOrg */

  /* Enrollments that point at a class or user not in the files, left for
   * the plan to resolve against the database (delta files only). File
   * and column names for its messages. */
  char        *enrollments_file;
  guint        enrollments_class_column;   /* of classSourcedId, from 1; 0 unknown */
  guint        enrollments_user_column;    /* of userSourcedId */

  /* Things worth telling the teacher that do not stop the import. */
  GPtrArray   *warnings;        /* char * */
} PlRosterData;

PlRosterData    *pl_roster_data_new          (const char      *origin,
                                              const char      *format);
void             pl_roster_data_free         (PlRosterData    *self);

/* These take ownership of ITEM and index it by source_id. */
void             pl_roster_data_add_class    (PlRosterData    *self,
                                              PlRosterClass   *klass);
void             pl_roster_data_add_learner  (PlRosterData    *self,
                                              PlRosterLearner *learner);
void             pl_roster_data_add_enrollment (PlRosterData       *self,
                                                PlRosterEnrollment *enrollment);
void             pl_roster_data_add_org      (PlRosterData    *self,
                                              PlRosterOrg     *org);
void             pl_roster_data_warn         (PlRosterData    *self,
                                              const char      *format,
                                              ...) G_GNUC_PRINTF (2, 3);

void             pl_roster_class_free        (PlRosterClass      *klass);
void             pl_roster_learner_free      (PlRosterLearner    *learner);
void             pl_roster_enrollment_free   (PlRosterEnrollment *enrollment);
void             pl_roster_org_free          (PlRosterOrg        *org);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlRosterData, pl_roster_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlRosterClass, pl_roster_class_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlRosterLearner, pl_roster_learner_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlRosterEnrollment, pl_roster_enrollment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlRosterOrg, pl_roster_org_free)

G_END_DECLS
