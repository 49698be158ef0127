/* pl-store-rubrics.c — rubrics, their criteria, levels and descriptors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>

#include "pl-descriptor.h"
#include "pl-standard.h"
#include "pl-store-learners.h"
#include "pl-store-private.h"
#include "pl-store-rubrics.h"
#include "pl-store-rubrics-private.h"

static const struct
{
  const char *title;
  double      points;
} default_levels[] = {
  { N_("Beginning"), 1 },
  { N_("Developing"), 2 },
  { N_("Proficient"), 3 },
  { N_("Exceeding"), 4 },
};

static gboolean
title_is_blank (const char *title)
{
  if (title == NULL)
    return TRUE;
  for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

PlRubric *
_pl_store_get_rubric (PlStore     *self,
                      const char  *rubric_uuid,
                      GError     **error)
{
  g_autoptr(PlRubric) rubric = NULL;

  if (rubric_uuid == NULL)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID, _("rubric: no rubric given"));
      return NULL;
    }
  rubric = pl_store_get (self, PL_TYPE_RUBRIC, rubric_uuid, error);
  if (rubric == NULL)
    return NULL;
  if (pl_record_get_deleted (PL_RECORD (rubric)))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND,
                   _("rubric %s was deleted"), rubric_uuid);
      return NULL;
    }
  return g_steal_pointer (&rubric);
}

/* A criterion may be aligned to no standard yet; when it names one, the
 * standard must exist. */
static gboolean
check_standard (PlStore     *self,
                const char  *standard_uuid,
                GError     **error)
{
  g_autoptr(PlStandard) standard = NULL;
  g_autoptr(GError) local_error = NULL;

  if (standard_uuid == NULL)
    return TRUE;
  standard = pl_store_get (self, PL_TYPE_STANDARD, standard_uuid, &local_error);
  if (standard == NULL || pl_record_get_deleted (PL_RECORD (standard)))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("criterion: standard_uuid %s names no standard"), standard_uuid);
      return FALSE;
    }
  return TRUE;
}

static PlRubricLevel *
new_level (const char *rubric_uuid,
           const char *title,
           double      points,
           gint64      position)
{
  PlRubricLevel *level = pl_rubric_level_new ();

  pl_record_set_string (PL_RECORD (level), "rubric_uuid", rubric_uuid);
  pl_record_set_string (PL_RECORD (level), "title", title);
  pl_record_set_double (PL_RECORD (level), "points", points);
  pl_record_set_double (PL_RECORD (level), "min_points", 0);
  pl_record_set_double (PL_RECORD (level), "max_points", 0);
  pl_record_set_int (PL_RECORD (level), "position", position);
  return level;
}

PlRubric *
pl_store_create_rubric (PlStore     *self,
                        const char  *classroom_uuid,
                        const char  *title,
                        GError     **error)
{
  g_autoptr(PlRubric) rubric = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), NULL);

  if (title_is_blank (title))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID, _("rubric: the title is empty"));
      return NULL;
    }

  rubric = pl_rubric_new ();
  pl_record_set_string (PL_RECORD (rubric), "classroom_uuid", classroom_uuid);
  pl_record_set_string (PL_RECORD (rubric), "title", title);

  if (!pl_store_begin (self, error))
    return NULL;
  if (!pl_store_save (self, PL_RECORD (rubric), error))
    goto fail;
  for (guint i = 0; i < G_N_ELEMENTS (default_levels); i++)
    {
      g_autoptr(PlRubricLevel) level = new_level (pl_record_get_uuid (PL_RECORD (rubric)),
                                                  _(default_levels[i].title),
                                                  default_levels[i].points, i);

      if (!pl_store_save (self, PL_RECORD (level), error))
        goto fail;
    }
  if (!pl_store_commit (self, error))
    goto fail;
  return g_steal_pointer (&rubric);

fail:
  pl_store_rollback (self);
  return NULL;
}

GListModel *
pl_store_list_rubrics (PlStore     *self,
                       const char  *classroom_uuid,
                       GError     **error)
{
  const char *params[] = { classroom_uuid, NULL };

  g_return_val_if_fail (PL_IS_STORE (self), NULL);

  if (classroom_uuid == NULL)
    return _pl_store_query (self, PL_TYPE_RUBRIC,
                            "WHERE t.deleted = 0 ORDER BY t.title COLLATE NOCASE, t.uuid",
                            NULL, error);
  return _pl_store_query (self, PL_TYPE_RUBRIC,
                          "WHERE t.deleted = 0 AND t.classroom_uuid = ?1"
                          " ORDER BY t.title COLLATE NOCASE, t.uuid",
                          params, error);
}

GListModel *
pl_store_list_criteria (PlStore     *self,
                        const char  *rubric_uuid,
                        GError     **error)
{
  const char *params[] = { rubric_uuid, NULL };

  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  g_return_val_if_fail (rubric_uuid != NULL, NULL);

  return _pl_store_query (self, PL_TYPE_CRITERION,
                          "WHERE t.deleted = 0 AND t.rubric_uuid = ?1 ORDER BY t.position, t.uuid",
                          params, error);
}

GListModel *
pl_store_list_levels (PlStore     *self,
                      const char  *rubric_uuid,
                      GError     **error)
{
  const char *params[] = { rubric_uuid, NULL };

  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  g_return_val_if_fail (rubric_uuid != NULL, NULL);

  return _pl_store_query (self, PL_TYPE_RUBRIC_LEVEL,
                          "WHERE t.deleted = 0 AND t.rubric_uuid = ?1 ORDER BY t.position, t.uuid",
                          params, error);
}

PlCriterion *
pl_store_add_criterion (PlStore     *self,
                        const char  *rubric_uuid,
                        const char  *title,
                        const char  *standard_uuid,
                        GError     **error)
{
  g_autoptr(PlRubric) rubric = NULL;
  g_autoptr(GListModel) criteria = NULL;
  g_autoptr(PlCriterion) criterion = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), NULL);

  if (title_is_blank (title))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID, _("criterion: the title is empty"));
      return NULL;
    }
  rubric = _pl_store_get_rubric (self, rubric_uuid, error);
  if (rubric == NULL)
    return NULL;
  if (!check_standard (self, standard_uuid, error))
    return NULL;
  criteria = pl_store_list_criteria (self, rubric_uuid, error);
  if (criteria == NULL)
    return NULL;

  criterion = pl_criterion_new ();
  pl_record_set_string (PL_RECORD (criterion), "rubric_uuid", rubric_uuid);
  pl_record_set_string (PL_RECORD (criterion), "title", title);
  pl_record_set_string (PL_RECORD (criterion), "standard_uuid", standard_uuid);
  pl_record_set_int (PL_RECORD (criterion), "position", g_list_model_get_n_items (criteria));
  if (!pl_store_save (self, PL_RECORD (criterion), error))
    return NULL;
  return g_steal_pointer (&criterion);
}

PlRubricLevel *
pl_store_add_level (PlStore     *self,
                    const char  *rubric_uuid,
                    const char  *title,
                    double       points,
                    GError     **error)
{
  g_autoptr(PlRubric) rubric = NULL;
  g_autoptr(GListModel) levels = NULL;
  g_autoptr(PlRubricLevel) level = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), NULL);

  if (title_is_blank (title))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID, _("level: the title is empty"));
      return NULL;
    }
  if (!isfinite (points) || points < 0)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("level: points must be a number of 0 or more"));
      return NULL;
    }
  rubric = _pl_store_get_rubric (self, rubric_uuid, error);
  if (rubric == NULL)
    return NULL;
  levels = pl_store_list_levels (self, rubric_uuid, error);
  if (levels == NULL)
    return NULL;

  level = new_level (rubric_uuid, title, points, g_list_model_get_n_items (levels));
  if (!pl_store_save (self, PL_RECORD (level), error))
    return NULL;
  return g_steal_pointer (&level);
}

gboolean
pl_rubric_level_get_range (PlRubricLevel *level,
                           double        *out_min,
                           double        *out_max)
{
  double lo, hi;

  g_return_val_if_fail (PL_IS_RUBRIC_LEVEL (level), FALSE);

  lo = pl_record_get_double (PL_RECORD (level), "min_points");
  hi = pl_record_get_double (PL_RECORD (level), "max_points");
  if (out_min != NULL)
    *out_min = lo;
  if (out_max != NULL)
    *out_max = hi;
  return lo < hi;
}

gboolean
pl_store_set_level_points (PlStore        *self,
                           PlRubricLevel  *level,
                           double          points,
                           double          min_points,
                           double          max_points,
                           GError        **error)
{
  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  g_return_val_if_fail (PL_IS_RUBRIC_LEVEL (level), FALSE);

  if (!isfinite (points) || !isfinite (min_points) || !isfinite (max_points) || points < 0)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("level: points must be a number of 0 or more"));
      return FALSE;
    }
  if (min_points > max_points)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("level: min_points %g is above max_points %g"), min_points, max_points);
      return FALSE;
    }
  if (min_points < max_points && (points < min_points || points > max_points))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("level: points %g lie outside the range %g–%g"), points, min_points, max_points);
      return FALSE;
    }
  if (min_points == max_points)
    min_points = max_points = 0;

  pl_record_set_double (PL_RECORD (level), "points", points);
  pl_record_set_double (PL_RECORD (level), "min_points", min_points);
  pl_record_set_double (PL_RECORD (level), "max_points", max_points);
  return pl_store_save (self, PL_RECORD (level), error);
}

/* Gives the records of LIST positions 0, 1, 2 … in list order, saving
 * only those whose position changed. */
static gboolean
renumber (PlStore     *self,
          GPtrArray   *items,
          GError     **error)
{
  for (guint i = 0; i < items->len; i++)
    {
      PlRecord *record = g_ptr_array_index (items, i);

      if (pl_record_get_int (record, "position") == (gint64) i)
        continue;
      pl_record_set_int (record, "position", i);
      if (!pl_store_save (self, record, error))
        return FALSE;
    }
  return TRUE;
}

static GPtrArray *
model_to_array (GListModel *model)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  return items;
}

static gboolean
tombstone_descriptors (PlStore     *self,
                       const char  *column,
                       const char  *uuid,
                       GError     **error)
{
  g_autoptr(GListModel) descriptors = pl_store_list_where (self, PL_TYPE_DESCRIPTOR, column, uuid, error);

  if (descriptors == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (descriptors); i++)
    {
      g_autoptr(PlRecord) d = g_list_model_get_item (descriptors, i);

      if (!pl_store_delete (self, d, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
remove_positioned (PlStore     *self,
                   PlRecord    *record,
                   GListModel  *(*list_func) (PlStore *, const char *, GError **),
                   const char  *descriptor_column,
                   GError     **error)
{
  g_autoptr(GListModel) siblings = NULL;
  g_autoptr(GPtrArray) rest = NULL;
  const char *rubric_uuid = pl_record_get_string (record, "rubric_uuid");

  if (!pl_store_begin (self, error))
    return FALSE;
  if (!pl_store_delete (self, record, error) ||
      !tombstone_descriptors (self, descriptor_column, pl_record_get_uuid (record), error))
    goto fail;
  siblings = list_func (self, rubric_uuid, error);
  if (siblings == NULL)
    goto fail;
  rest = model_to_array (siblings);
  if (!renumber (self, rest, error) || !pl_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  pl_store_rollback (self);
  return FALSE;
}

gboolean
pl_store_remove_criterion (PlStore      *self,
                           PlCriterion  *criterion,
                           GError      **error)
{
  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  g_return_val_if_fail (PL_IS_CRITERION (criterion), FALSE);

  return remove_positioned (self, PL_RECORD (criterion), pl_store_list_criteria,
                            "criterion_uuid", error);
}

gboolean
pl_store_remove_level (PlStore        *self,
                       PlRubricLevel  *level,
                       GError        **error)
{
  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  g_return_val_if_fail (PL_IS_RUBRIC_LEVEL (level), FALSE);

  return remove_positioned (self, PL_RECORD (level), pl_store_list_levels,
                            "level_uuid", error);
}

static gboolean
move_positioned (PlStore     *self,
                 GType        type,
                 const char  *uuid,
                 guint        to_index,
                 GListModel  *(*list_func) (PlStore *, const char *, GError **),
                 GError     **error)
{
  g_autoptr(PlRecord) record = NULL;
  g_autoptr(GListModel) siblings = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gpointer moving = NULL;
  guint from = G_MAXUINT;

  record = uuid != NULL ? pl_store_get (self, type, uuid, error) : NULL;
  if (record == NULL)
    {
      if (uuid == NULL)
        g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID, _("nothing to move"));
      return FALSE;
    }
  siblings = list_func (self, pl_record_get_string (record, "rubric_uuid"), error);
  if (siblings == NULL)
    return FALSE;
  items = model_to_array (siblings);
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (pl_record_get_uuid (g_ptr_array_index (items, i)), uuid) == 0)
      from = i;
  if (from == G_MAXUINT)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_FOUND, _("%s was deleted"), uuid);
      return FALSE;
    }
  to_index = MIN (to_index, items->len - 1);
  if (to_index == from)
    return TRUE;

  moving = g_ptr_array_steal_index (items, from);
  g_ptr_array_insert (items, to_index, moving);

  if (!pl_store_begin (self, error))
    return FALSE;
  if (!renumber (self, items, error) || !pl_store_commit (self, error))
    {
      pl_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
pl_store_move_criterion (PlStore     *self,
                         const char  *criterion_uuid,
                         guint        to_index,
                         GError     **error)
{
  g_return_val_if_fail (PL_IS_STORE (self), FALSE);

  return move_positioned (self, PL_TYPE_CRITERION, criterion_uuid, to_index,
                          pl_store_list_criteria, error);
}

gboolean
pl_store_move_level (PlStore     *self,
                     const char  *level_uuid,
                     guint        to_index,
                     GError     **error)
{
  g_return_val_if_fail (PL_IS_STORE (self), FALSE);

  return move_positioned (self, PL_TYPE_RUBRIC_LEVEL, level_uuid, to_index,
                          pl_store_list_levels, error);
}

static char *
descriptor_uuid (const char *criterion_uuid,
                 const char *level_uuid)
{
  g_autofree char *key = g_strconcat (criterion_uuid, "/", level_uuid, NULL);

  return pl_store_derive_uuid ("descriptor", key);
}

/* The live descriptor of a cell, whatever its uuid: descriptors that
 * came from elsewhere (a bundle, the demo) need not use the derived one. */
static PlDescriptor *
find_descriptor (PlStore    *self,
                 const char *criterion_uuid,
                 const char *level_uuid)
{
  const char *params[] = { criterion_uuid, level_uuid, NULL };
  g_autoptr(GListModel) rows = _pl_store_query (self, PL_TYPE_DESCRIPTOR,
                                                "WHERE t.deleted = 0 AND t.criterion_uuid = ?1"
                                                "  AND t.level_uuid = ?2"
                                                " ORDER BY t.updated_hlc DESC, t.uuid LIMIT 1",
                                                params, NULL);

  if (rows == NULL || g_list_model_get_n_items (rows) == 0)
    return NULL;
  return g_list_model_get_item (rows, 0);
}

char *
pl_store_get_descriptor (PlStore    *self,
                         const char *criterion_uuid,
                         const char *level_uuid)
{
  g_autoptr(PlDescriptor) descriptor = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  g_return_val_if_fail (criterion_uuid != NULL && level_uuid != NULL, NULL);

  descriptor = find_descriptor (self, criterion_uuid, level_uuid);
  if (descriptor == NULL)
    return g_strdup ("");
  return g_strdup (pl_record_get_string (PL_RECORD (descriptor), "body"));
}

gboolean
pl_store_set_descriptor (PlStore     *self,
                         const char  *criterion_uuid,
                         const char  *level_uuid,
                         const char  *body,
                         GError     **error)
{
  g_autofree char *uuid = NULL;
  g_autoptr(PlDescriptor) descriptor = NULL;
  g_autoptr(PlCriterion) criterion = NULL;
  g_autoptr(PlRubricLevel) level = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);

  if (criterion_uuid == NULL || level_uuid == NULL)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("descriptor: a criterion and a level are needed"));
      return FALSE;
    }
  criterion = pl_store_get (self, PL_TYPE_CRITERION, criterion_uuid, error);
  if (criterion == NULL)
    return FALSE;
  level = pl_store_get (self, PL_TYPE_RUBRIC_LEVEL, level_uuid, error);
  if (level == NULL)
    return FALSE;
  if (g_strcmp0 (pl_record_get_string (PL_RECORD (criterion), "rubric_uuid"),
                 pl_record_get_string (PL_RECORD (level), "rubric_uuid")) != 0)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("descriptor: level %s is not a level of the criterion’s rubric"), level_uuid);
      return FALSE;
    }

  descriptor = find_descriptor (self, criterion_uuid, level_uuid);
  if (descriptor == NULL)
    {
      uuid = descriptor_uuid (criterion_uuid, level_uuid);
      descriptor = pl_store_get (self, PL_TYPE_DESCRIPTOR, uuid, NULL);
    }
  if (descriptor == NULL)
    {
      descriptor = g_object_new (PL_TYPE_DESCRIPTOR, "uuid", uuid, NULL);
      pl_record_set_string (PL_RECORD (descriptor), "criterion_uuid", criterion_uuid);
      pl_record_set_string (PL_RECORD (descriptor), "level_uuid", level_uuid);
    }
  else if (!pl_record_get_deleted (PL_RECORD (descriptor)) &&
           g_strcmp0 (pl_record_get_string (PL_RECORD (descriptor), "body"), body != NULL ? body : "") == 0)
    return TRUE;
  _pl_record_set_deleted (PL_RECORD (descriptor), FALSE);
  pl_record_set_string (PL_RECORD (descriptor), "body", body != NULL ? body : "");
  return pl_store_save (self, PL_RECORD (descriptor), error);
}

PlRubric *
pl_store_duplicate_rubric (PlStore     *self,
                           const char  *rubric_uuid,
                           const char  *new_title,
                           GError     **error)
{
  g_autoptr(PlRubric) source = NULL;
  g_autoptr(PlRubric) copy = NULL;
  g_autoptr(GListModel) criteria = NULL;
  g_autoptr(GListModel) levels = NULL;
  g_autoptr(GHashTable) level_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *title = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), NULL);

  source = _pl_store_get_rubric (self, rubric_uuid, error);
  if (source == NULL)
    return NULL;
  if (new_title != NULL && title_is_blank (new_title))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID, _("rubric: the title is empty"));
      return NULL;
    }
  /* Translators: the title of a duplicated rubric. */
  title = new_title != NULL ? g_strdup (new_title)
                            : g_strdup_printf (_("Copy of %s"),
                                               pl_record_get_string (PL_RECORD (source), "title"));
  criteria = pl_store_list_criteria (self, rubric_uuid, error);
  levels = criteria != NULL ? pl_store_list_levels (self, rubric_uuid, error) : NULL;
  if (levels == NULL)
    return NULL;

  copy = pl_rubric_new ();
  pl_record_set_string (PL_RECORD (copy), "classroom_uuid",
                        pl_record_get_string (PL_RECORD (source), "classroom_uuid"));
  pl_record_set_string (PL_RECORD (copy), "title", title);
  pl_record_set_string (PL_RECORD (copy), "description",
                        pl_record_get_string (PL_RECORD (source), "description"));

  if (!pl_store_begin (self, error))
    return NULL;
  if (!pl_store_save (self, PL_RECORD (copy), error))
    goto fail;
  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(PlRecord) level = g_list_model_get_item (levels, i);
      g_autoptr(PlRubricLevel) dup = new_level (pl_record_get_uuid (PL_RECORD (copy)),
                                                pl_record_get_string (level, "title"),
                                                pl_record_get_double (level, "points"), i);

      pl_record_set_double (PL_RECORD (dup), "min_points", pl_record_get_double (level, "min_points"));
      pl_record_set_double (PL_RECORD (dup), "max_points", pl_record_get_double (level, "max_points"));
      if (!pl_store_save (self, PL_RECORD (dup), error))
        goto fail;
      g_hash_table_insert (level_map, g_strdup (pl_record_get_uuid (level)),
                           g_strdup (pl_record_get_uuid (PL_RECORD (dup))));
    }
  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr(PlRecord) criterion = g_list_model_get_item (criteria, i);
      g_autoptr(PlCriterion) dup = pl_criterion_new ();
      g_autoptr(GListModel) descriptors = NULL;

      pl_record_set_string (PL_RECORD (dup), "rubric_uuid", pl_record_get_uuid (PL_RECORD (copy)));
      pl_record_set_string (PL_RECORD (dup), "title", pl_record_get_string (criterion, "title"));
      pl_record_set_string (PL_RECORD (dup), "standard_uuid", pl_record_get_string (criterion, "standard_uuid"));
      pl_record_set_int (PL_RECORD (dup), "position", i);
      if (!pl_store_save (self, PL_RECORD (dup), error))
        goto fail;

      descriptors = pl_store_list_where (self, PL_TYPE_DESCRIPTOR, "criterion_uuid",
                                         pl_record_get_uuid (criterion), error);
      if (descriptors == NULL)
        goto fail;
      for (guint j = 0; j < g_list_model_get_n_items (descriptors); j++)
        {
          g_autoptr(PlRecord) d = g_list_model_get_item (descriptors, j);
          const char *level_copy = g_hash_table_lookup (level_map, pl_record_get_string (d, "level_uuid"));

          if (level_copy == NULL)
            continue;
          if (!pl_store_set_descriptor (self, pl_record_get_uuid (PL_RECORD (dup)), level_copy,
                                        pl_record_get_string (d, "body"), error))
            goto fail;
        }
    }
  if (!pl_store_commit (self, error))
    goto fail;
  return g_steal_pointer (&copy);

fail:
  pl_store_rollback (self);
  return NULL;
}
