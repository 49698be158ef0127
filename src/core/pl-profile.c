/* pl-profile.c — a learner's profile: the learner, its profile fields, notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "pl-hlc.h"
#include "pl-profile.h"

static const PlProfileFieldInfo fields[] = {
  { "interests", N_("Interests"), N_("What they love, follow or collect"), PL_PROFILE_FIELD_TEXT, TRUE },
  { "strengths", N_("Strengths"), N_("What they do well"), PL_PROFILE_FIELD_TEXT, TRUE },
  { "needs", N_("Needs"), N_("Where they need support"), PL_PROFILE_FIELD_TEXT, TRUE },
  { "learning_preferences", N_("Learning preferences"), N_("How they like to learn"), PL_PROFILE_FIELD_CHOICES, TRUE },
  { "goals", N_("Goals"), N_("What they want to reach this year"), PL_PROFILE_FIELD_TEXT, TRUE },
  { "experiences", N_("Out-of-school experiences"), N_("Clubs, jobs, family, travel"), PL_PROFILE_FIELD_TEXT, TRUE },
  { "languages", N_("Languages"), N_("Languages spoken at home and at school"), PL_PROFILE_FIELD_TEXT, TRUE },
  { "accommodations", N_("Accommodations"), N_("Agreed adjustments, in plain words"), PL_PROFILE_FIELD_TEXT, FALSE },
  { "iep", N_("Individualized education program (IEP)"), NULL, PL_PROFILE_FIELD_FLAG, FALSE },
  { "plan_504", N_("Section 504 plan"), NULL, PL_PROFILE_FIELD_FLAG, FALSE },
  { "language_learner", N_("Language learner"), NULL, PL_PROFILE_FIELD_FLAG, FALSE },
};

static const char * const preferences[] = {
  "reading", "video", "hands-on", "discussion", "writing", "drawing", NULL
};

static const char * const preference_labels[] = {
  N_("Reading"), N_("Video"), N_("Hands-on"), N_("Discussion"), N_("Writing"), N_("Drawing"),
};

const PlProfileFieldInfo *
pl_profile_get_fields (guint *n_fields)
{
  if (n_fields != NULL)
    *n_fields = G_N_ELEMENTS (fields);
  return fields;
}

const PlProfileFieldInfo *
pl_profile_lookup_field (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i].name, name) == 0)
      return &fields[i];
  return NULL;
}

guint
pl_profile_n_counted_fields (void)
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    n += fields[i].counts ? 1 : 0;
  return n;
}

const char * const *
pl_profile_learning_preferences (void)
{
  return preferences;
}

const char *
pl_profile_preference_label (const char *preference)
{
  for (guint i = 0; preferences[i] != NULL; i++)
    if (g_strcmp0 (preferences[i], preference) == 0)
      return g_dgettext (GETTEXT_PACKAGE, preference_labels[i]);
  return preference;
}

gboolean
pl_profile_value_is_true (const char *value)
{
  return value != NULL &&
         (g_ascii_strcasecmp (value, "true") == 0 ||
          g_ascii_strcasecmp (value, "yes") == 0 ||
          strcmp (value, "1") == 0);
}

static int
digits (const char *s,
        guint       n)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return -1;
      v = v * 10 + (s[i] - '0');
    }
  return v;
}

/* Days from 1970-01-01 to a date of the proleptic Gregorian calendar. */
static gint64
days_from_civil (int      y,
                 unsigned m,
                 unsigned d)
{
  gint64 era;
  unsigned yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (unsigned) (y - era * 400);
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (gint64) doe - 719468;
}

/* A profile list reads one date per field of every learner: parsed by
 * hand, a tenth of what GDateTime takes. */
gint64
pl_profile_edit_time_ms (const char *edited_at,
                         guint64     updated_hlc)
{
  int y, mo, d, h = 0, mi = 0, sec = 0;

  if (edited_at == NULL || strlen (edited_at) < 10 || edited_at[4] != '-' || edited_at[7] != '-')
    return pl_hlc_physical_ms (updated_hlc);
  y = digits (edited_at, 4);
  mo = digits (edited_at + 5, 2);
  d = digits (edited_at + 8, 2);
  if (edited_at[10] == 'T' && strlen (edited_at) >= 19)
    {
      h = digits (edited_at + 11, 2);
      mi = digits (edited_at + 14, 2);
      sec = digits (edited_at + 17, 2);
    }
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 ||
      sec < 0 || sec > 60)
    return pl_hlc_physical_ms (updated_hlc);
  return ((days_from_civil (y, (unsigned) mo, (unsigned) d) * 24 + h) * 60 + mi) * 60000 +
         (gint64) sec * 1000;
}

/* ---- PlProfile ----------------------------------------------------- */

struct _PlProfile
{
  GObject     parent_instance;

  PlLearner  *learner;
  GHashTable *values;         /* field name (static) → value */
  gint64      updated_ms;
  guint       n_notes;

  char       *display_name;
  char       *sort_key;
  char       *haystack;       /* folded text that search looks in */
};

G_DEFINE_FINAL_TYPE (PlProfile, pl_profile, G_TYPE_OBJECT)

static void
forget_derived (PlProfile *self)
{
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->sort_key, g_free);
  g_clear_pointer (&self->haystack, g_free);
}

static void
learner_notify_cb (GObject    *object,
                   GParamSpec *pspec,
                   gpointer    user_data)
{
  forget_derived (PL_PROFILE (user_data));
}

static void
pl_profile_finalize (GObject *object)
{
  PlProfile *self = PL_PROFILE (object);

  if (self->learner != NULL)
    g_signal_handlers_disconnect_by_data (self->learner, self);
  g_clear_object (&self->learner);
  g_clear_pointer (&self->values, g_hash_table_unref);
  forget_derived (self);

  G_OBJECT_CLASS (pl_profile_parent_class)->finalize (object);
}

static void
pl_profile_class_init (PlProfileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pl_profile_finalize;
}

static void
pl_profile_init (PlProfile *self)
{
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

PlProfile *
pl_profile_new (PlLearner *learner)
{
  PlProfile *self;

  g_return_val_if_fail (PL_IS_LEARNER (learner), NULL);

  self = g_object_new (PL_TYPE_PROFILE, NULL);
  self->learner = g_object_ref (learner);
  self->updated_ms = pl_profile_edit_time_ms (pl_record_get_string (PL_RECORD (learner), "edited-at"),
                                              pl_record_get_updated_hlc (PL_RECORD (learner)));
  g_signal_connect (learner, "notify", G_CALLBACK (learner_notify_cb), self);
  return self;
}

PlLearner *
pl_profile_get_learner (PlProfile *self)
{
  g_return_val_if_fail (PL_IS_PROFILE (self), NULL);
  return self->learner;
}

const char *
pl_profile_get_uuid (PlProfile *self)
{
  g_return_val_if_fail (PL_IS_PROFILE (self), NULL);
  return pl_record_get_uuid (PL_RECORD (self->learner));
}

const char *
pl_profile_get_display_name (PlProfile *self)
{
  g_return_val_if_fail (PL_IS_PROFILE (self), NULL);

  if (self->display_name == NULL)
    {
      PlRecord *r = PL_RECORD (self->learner);
      const char *preferred = pl_record_get_string (r, "preferred-name");
      const char *given = pl_record_get_string (r, "given-name");
      const char *family = pl_record_get_string (r, "family-name");

      if (preferred != NULL && *preferred != '\0')
        given = preferred;
      self->display_name = g_strstrip (g_strdup_printf ("%s %s", given != NULL ? given : "",
                                                        family != NULL ? family : ""));
    }
  return self->display_name;
}

const char *
pl_profile_get_sort_key (PlProfile *self)
{
  g_return_val_if_fail (PL_IS_PROFILE (self), NULL);

  if (self->sort_key == NULL)
    {
      PlRecord *r = PL_RECORD (self->learner);
      g_autofree char *joined = g_strdup_printf ("%s\x01%s",
                                                 pl_record_get_string (r, "family-name") ?: "",
                                                 pl_record_get_string (r, "given-name") ?: "");
      g_autofree char *folded = g_utf8_casefold (joined, -1);

      self->sort_key = g_utf8_collate_key (folded, -1);
    }
  return self->sort_key;
}

const char *
pl_profile_get_value (PlProfile  *self,
                      const char *field)
{
  const char *value;

  g_return_val_if_fail (PL_IS_PROFILE (self), "");

  value = g_hash_table_lookup (self->values, field);
  return value != NULL ? value : "";
}

void
pl_profile_set_value (PlProfile  *self,
                      const char *field,
                      const char *value)
{
  const PlProfileFieldInfo *info;

  g_return_if_fail (PL_IS_PROFILE (self));

  /* Unknown fields (from a newer version, synced here) are kept too. */
  info = pl_profile_lookup_field (field);
  g_hash_table_insert (self->values,
                       (gpointer) (info != NULL ? info->name : g_intern_string (field)),
                       g_strdup (value != NULL ? value : ""));
  g_clear_pointer (&self->haystack, g_free);
}

gboolean
pl_profile_get_flag (PlProfile  *self,
                     const char *field)
{
  return pl_profile_value_is_true (pl_profile_get_value (self, field));
}

static gboolean
is_filled (const char *value)
{
  if (value == NULL)
    return FALSE;
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

guint
pl_profile_get_n_filled (PlProfile *self)
{
  guint n = 0;

  g_return_val_if_fail (PL_IS_PROFILE (self), 0);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].counts && is_filled (g_hash_table_lookup (self->values, fields[i].name)))
      n++;
  return n;
}

guint
pl_profile_get_completeness (PlProfile *self)
{
  return pl_profile_get_n_filled (self) * 100 / pl_profile_n_counted_fields ();
}

GPtrArray *
pl_profile_get_missing (PlProfile *self)
{
  GPtrArray *missing = g_ptr_array_new ();

  g_return_val_if_fail (PL_IS_PROFILE (self), missing);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].counts && !is_filled (g_hash_table_lookup (self->values, fields[i].name)))
      g_ptr_array_add (missing, (gpointer) g_dgettext (GETTEXT_PACKAGE, fields[i].label));
  return missing;
}

gint64
pl_profile_get_updated_ms (PlProfile *self)
{
  g_return_val_if_fail (PL_IS_PROFILE (self), 0);
  return self->updated_ms;
}

void
pl_profile_note_update (PlProfile *self,
                        gint64     ms)
{
  g_return_if_fail (PL_IS_PROFILE (self));
  self->updated_ms = MAX (self->updated_ms, ms);
}

guint
pl_profile_get_n_notes (PlProfile *self)
{
  g_return_val_if_fail (PL_IS_PROFILE (self), 0);
  return self->n_notes;
}

void
pl_profile_set_n_notes (PlProfile *self,
                        guint      n_notes)
{
  g_return_if_fail (PL_IS_PROFILE (self));
  self->n_notes = n_notes;
}

gboolean
pl_profile_is_stale (PlProfile *self,
                     gint64     now_ms)
{
  g_return_val_if_fail (PL_IS_PROFILE (self), FALSE);
  return now_ms - self->updated_ms > (gint64) PL_PROFILE_STALE_DAYS * 24 * 3600 * 1000;
}

gboolean
pl_profile_has_accommodations (PlProfile *self)
{
  g_return_val_if_fail (PL_IS_PROFILE (self), FALSE);
  return pl_profile_get_flag (self, "iep") ||
         pl_profile_get_flag (self, "plan_504") ||
         pl_profile_get_flag (self, "language_learner") ||
         is_filled (g_hash_table_lookup (self->values, "accommodations"));
}

gboolean
pl_profile_is_incomplete (PlProfile *self)
{
  return pl_profile_get_n_filled (self) < pl_profile_n_counted_fields ();
}

gboolean
pl_profile_needs_attention (PlProfile *self,
                            gint64     now_ms)
{
  return pl_profile_is_stale (self, now_ms) || pl_profile_get_n_notes (self) == 0;
}

gboolean
pl_profile_is_archived (PlProfile *self)
{
  g_return_val_if_fail (PL_IS_PROFILE (self), FALSE);
  return pl_record_get_boolean (PL_RECORD (self->learner), "archived");
}

/* Case folding plus decomposition with the combining marks dropped, so
 * that "zoe" finds "Zoé". */
static char *
fold (const char *text)
{
  g_autofree char *lower = NULL;
  g_autofree char *decomposed = NULL;
  gboolean ascii = TRUE;
  GString *out;

  /* Most names and words are plain ASCII: lower-casing is all they need. */
  for (const char *p = text; *p != '\0' && ascii; p++)
    ascii = ((guchar) *p) < 0x80;
  if (ascii)
    return g_ascii_strdown (text, -1);

  lower = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (lower, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
pl_profile_fold_query (const char *query)
{
  g_autofree char *folded = fold (query != NULL ? query : "");

  return g_strstrip (g_steal_pointer (&folded));
}

static const char *
get_haystack (PlProfile *self)
{
  if (self->haystack == NULL)
    {
      PlRecord *r = PL_RECORD (self->learner);
      g_autofree char *joined = g_strjoin ("\n",
                                           pl_record_get_string (r, "given-name") ?: "",
                                           pl_record_get_string (r, "family-name") ?: "",
                                           pl_record_get_string (r, "preferred-name") ?: "",
                                           pl_profile_get_value (self, "interests"),
                                           pl_profile_get_value (self, "strengths"),
                                           pl_profile_get_value (self, "needs"),
                                           NULL);

      self->haystack = fold (joined);
    }
  return self->haystack;
}

gboolean
pl_profile_matches (PlProfile  *self,
                    const char *folded_query)
{
  const char *haystack;
  const char *word;

  g_return_val_if_fail (PL_IS_PROFILE (self), FALSE);

  if (folded_query == NULL || *folded_query == '\0')
    return TRUE;
  haystack = get_haystack (self);

  /* Every space-separated word must occur somewhere. */
  word = folded_query;
  while (*word != '\0')
    {
      const char *end = strchr (word, ' ');
      gsize len = end != NULL ? (gsize) (end - word) : strlen (word);

      if (len > 0)
        {
          char buf[128];

          if (len >= sizeof buf)
            len = sizeof buf - 1;
          memcpy (buf, word, len);
          buf[len] = '\0';
          if (strstr (haystack, buf) == NULL)
            return FALSE;
        }
      if (end == NULL)
        break;
      word = end + 1;
    }
  return TRUE;
}

void
pl_profile_prepare_search (PlProfile *self)
{
  g_return_if_fail (PL_IS_PROFILE (self));
  get_haystack (self);
}
