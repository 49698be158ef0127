/* pl-profile.h — a learner's profile: the learner, its profile fields, notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pl-learner.h"

G_BEGIN_DECLS

/* A profile not updated for this long is stale (six weeks). */
#define PL_PROFILE_STALE_DAYS 42

typedef enum
{
  PL_PROFILE_FIELD_TEXT,      /* free text, one or more lines */
  PL_PROFILE_FIELD_CHOICES,   /* comma-separated tokens, see pl_profile_learning_preferences */
  PL_PROFILE_FIELD_FLAG,      /* "true" or "false" */
} PlProfileFieldKind;

typedef struct
{
  const char         *name;       /* the profile_field.field value */
  const char         *label;      /* N_() marked; translate with _() */
  const char         *hint;       /* N_() marked */
  PlProfileFieldKind  kind;
  gboolean            counts;     /* part of profile completeness */
} PlProfileFieldInfo;

/* Every profile field, in the order a profile page shows them. The names
 * are stable: they are stored in profile_field rows and synced. */
const PlProfileFieldInfo *pl_profile_get_fields       (guint        *n_fields);
const PlProfileFieldInfo *pl_profile_lookup_field     (const char   *name);
/* The fields that count for completeness. */
guint                     pl_profile_n_counted_fields (void);

/* The preset learning preferences (a teacher may add others). */
const char * const       *pl_profile_learning_preferences (void);
/* The translated label of a preset preference, or PREFERENCE itself. */
const char               *pl_profile_preference_label     (const char *preference);

/* TRUE for "true", "1" and "yes" (any case). */
gboolean                  pl_profile_value_is_true    (const char   *value);

/* ---- a loaded profile ---------------------------------------------- */

#define PL_TYPE_PROFILE (pl_profile_get_type ())
G_DECLARE_FINAL_TYPE (PlProfile, pl_profile, PL, PROFILE, GObject)

PlProfile  *pl_profile_new                (PlLearner   *learner);

PlLearner  *pl_profile_get_learner        (PlProfile   *self);
const char *pl_profile_get_uuid           (PlProfile   *self);
/* "Preferred Family" or "Given Family" */
const char *pl_profile_get_display_name   (PlProfile   *self);
/* Family name then given name, folded, for sorting. */
const char *pl_profile_get_sort_key       (PlProfile   *self);

/* The value of FIELD, or "" when it is empty. */
const char *pl_profile_get_value          (PlProfile   *self,
                                           const char  *field);
void        pl_profile_set_value          (PlProfile   *self,
                                           const char  *field,
                                           const char  *value);
gboolean    pl_profile_get_flag           (PlProfile   *self,
                                           const char  *field);

/* Number of counted fields that are filled in, and the percentage. */
guint       pl_profile_get_n_filled       (PlProfile   *self);
guint       pl_profile_get_completeness   (PlProfile   *self);
/* The labels of the counted fields that are empty, translated. */
GPtrArray  *pl_profile_get_missing        (PlProfile   *self);

/* When the profile was last updated, in ms since the epoch: the latest
 * edit of the learner's record or a profile field (their edited_at), or
 * the latest note (its noted_at); 0 when never. */
gint64      pl_profile_get_updated_ms     (PlProfile   *self);
void        pl_profile_note_update        (PlProfile   *self,
                                           gint64       ms);
guint       pl_profile_get_n_notes        (PlProfile   *self);
void        pl_profile_set_n_notes        (PlProfile   *self,
                                           guint        n_notes);

gboolean    pl_profile_is_stale           (PlProfile   *self,
                                           gint64       now_ms);
/* Any of IEP, 504 plan, language learner, or accommodations text. */
gboolean    pl_profile_has_accommodations (PlProfile   *self);
gboolean    pl_profile_is_incomplete      (PlProfile   *self);
/* Stale, or no conversation note at all. */
gboolean    pl_profile_needs_attention    (PlProfile   *self,
                                           gint64       now_ms);
gboolean    pl_profile_is_archived        (PlProfile   *self);

/* Case- and accent-insensitive match of every word of QUERY against the
 * name, interests, strengths and needs. QUERY must come from
 * pl_profile_fold_query. */
gboolean    pl_profile_matches            (PlProfile   *self,
                                           const char  *folded_query);
char       *pl_profile_fold_query         (const char  *query);
/* Builds the folded text searches look in now (it is otherwise built on
 * the first search), so that the first keystroke is as quick as others. */
void        pl_profile_prepare_search     (PlProfile   *self);

/* Milliseconds since the epoch of EDITED_AT ("YYYY-MM-DD", optionally
 * followed by "THH:MM:SS" and "Z"), or, when it is NULL or not a date, of
 * the physical time of UPDATED_HLC (rows synced from a version before
 * edited_at existed). */
gint64      pl_profile_edit_time_ms       (const char  *edited_at,
                                           guint64      updated_hlc);

G_END_DECLS
