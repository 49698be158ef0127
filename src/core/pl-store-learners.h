/* pl-store-learners.h — learners, enrollments, profiles and notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pl-classroom.h"
#include "pl-enrollment.h"
#include "pl-learner.h"
#include "pl-note.h"
#include "pl-profile.h"
#include "pl-store.h"

G_BEGIN_DECLS

/* A name-based (version 5 layout) uuid: the same SCOPE and KEY give the
 * same uuid on every device, so that records made from the same source
 * (a roster's sourcedId, a learner's profile field) meet when synced. */
char       *pl_store_derive_uuid            (const char   *scope,
                                             const char   *key);
/* The uuid of the profile_field row of LEARNER_UUID and FIELD: a name-based
 * uuid of "<learner_uuid>/<field>" in a fixed namespace, so that two devices
 * writing the same field of the same learner write the same row. */
char       *pl_store_profile_field_uuid     (const char   *learner_uuid,
                                             const char   *field);

/* Records of TYPE (learner, classroom, school or enrollment) that are not
 * deleted and have a source_id, keyed by it; values are the records. */
GHashTable *pl_store_index_by_source_id     (PlStore      *self,
                                             GType         type,
                                             GError      **error);
/* Every enrollment that is not deleted, keyed by
 * pl_store_enrollment_key (classroom_uuid, learner_uuid). */
GHashTable *pl_store_index_enrollments      (PlStore      *self,
                                             GError      **error);
char       *pl_store_enrollment_key         (const char   *classroom_uuid,
                                             const char   *learner_uuid);

/* The learners of a class (enrollment not archived), archived learners
 * included; with CLASSROOM_UUID NULL every learner. */
GListModel *pl_store_list_class_learners    (PlStore      *self,
                                             const char   *classroom_uuid,
                                             GError      **error);
/* Same, as PlProfile objects with their fields and note counts loaded. */
GListModel *pl_store_list_profiles          (PlStore      *self,
                                             const char   *classroom_uuid,
                                             GError      **error);
PlProfile  *pl_store_load_profile           (PlStore      *self,
                                             const char   *learner_uuid,
                                             GError      **error);
/* Classes LEARNER_UUID is enrolled in (enrollment not archived). */
GListModel *pl_store_list_learner_classes   (PlStore      *self,
                                             const char   *learner_uuid,
                                             GError      **error);

/* Writes the profile field only when VALUE differs from what is stored,
 * so the clock advances only on real edits. *OUT_CHANGED tells which. */
gboolean    pl_store_set_profile_value      (PlStore      *self,
                                             const char   *learner_uuid,
                                             const char   *field,
                                             const char   *value,
                                             gboolean     *out_changed,
                                             GError      **error);

/* Every note of the learner, newest first, superseded versions included
 * (the history stays visible). */
GListModel *pl_store_list_notes             (PlStore      *self,
                                             const char   *learner_uuid,
                                             GError      **error);
/* Appends a note; with SUPERSEDES_UUID it is a new version of that note
 * (which keeps the date of the conversation: pass it as NOTED_AT).
 * NOTED_AT is an ISO 8601 date or date-time; NULL means now. KIND is one
 * of "conference", "check-in", "observation", "family". */
PlNote     *pl_store_add_note               (PlStore      *self,
                                             const char   *learner_uuid,
                                             const char   *kind,
                                             const char   *body,
                                             const char   *noted_at,
                                             const char   *supersedes_uuid,
                                             GError      **error);
/* The learner's notes as conversations: one GPtrArray of PlNote per note
 * no newer version replaces, that version first and then its earlier
 * versions, newest to oldest; the conversations newest first by the date
 * of their first version. Free with g_ptr_array_unref. */
GPtrArray  *pl_store_list_note_threads      (PlStore      *self,
                                             const char   *learner_uuid,
                                             GError      **error);
/* TRUE when a newer note supersedes NOTE_UUID. */
gboolean    pl_store_note_is_superseded     (PlStore      *self,
                                             const char   *note_uuid);

/* A new learner in CLASSROOM_UUID (may be NULL), in one transaction. */
PlLearner  *pl_store_add_learner            (PlStore      *self,
                                             const char   *classroom_uuid,
                                             const char   *given_name,
                                             const char   *family_name,
                                             GError      **error);
gboolean    pl_store_set_learner_archived   (PlStore      *self,
                                             PlLearner    *learner,
                                             gboolean      archived,
                                             GError      **error);
/* Enrolls the learner (creating the enrollment or taking it out of the
 * archive); does nothing when already enrolled. */
gboolean    pl_store_enroll_learner         (PlStore      *self,
                                             const char   *learner_uuid,
                                             const char   *classroom_uuid,
                                             GError      **error);
gboolean    pl_store_unenroll_learner       (PlStore      *self,
                                             const char   *learner_uuid,
                                             const char   *classroom_uuid,
                                             GError      **error);
/* Out of FROM_UUID and into TO_UUID, in one transaction. */
gboolean    pl_store_move_learner           (PlStore      *self,
                                             const char   *learner_uuid,
                                             const char   *from_uuid,
                                             const char   *to_uuid,
                                             GError      **error);

/* Per-class profile quality (pl_profile_summarize of the class's
 * profiles): for each counted field, how many learners leave it empty
 * (EMPTY_PER_FIELD has one slot per entry of pl_profile_get_fields, may
 * be NULL). */
gboolean    pl_store_profile_quality        (PlStore          *self,
                                             const char       *classroom_uuid,
                                             gint64            now_ms,
                                             PlProfileQuality *out,
                                             guint            *empty_per_field,
                                             GError          **error);

G_END_DECLS
