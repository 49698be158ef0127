/* pl-grouping.c — small groups for a mini-lesson or a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdlib.h>

#include "pl-grouping.h"

typedef struct
{
  guint  index;
  double key;
} Ranked;

static int
compare_ranked_ascending (gconstpointer a,
                          gconstpointer b)
{
  const Ranked *ra = a, *rb = b;

  if (ra->key != rb->key)
    return ra->key < rb->key ? -1 : 1;
  return ra->index < rb->index ? -1 : ra->index > rb->index;
}

static int
compare_ranked_descending (gconstpointer a,
                           gconstpointer b)
{
  return compare_ranked_ascending (b, a);
}

GArray *
pl_grouping_by_need (guint         n_learners,
                     guint         n_standards,
                     const double *levels,
                     double        proficient,
                     guint         min_size,
                     guint         max_size,
                     guint         per_standard,
                     gboolean      exclusive)
{
  GArray *groups = g_array_new (FALSE, TRUE, sizeof (PlGroup));
  g_autofree gboolean *assigned = NULL;
  g_autofree Ranked *standards = NULL;
  g_autofree Ranked *candidates = NULL;

  g_return_val_if_fail (levels != NULL || n_learners * n_standards == 0, groups);
  g_return_val_if_fail (min_size >= 1 && min_size <= max_size, groups);
  max_size = MIN (max_size, PL_GROUP_MAX_MEMBERS);
  min_size = MIN (min_size, max_size);

  assigned = g_new0 (gboolean, MAX (n_learners, 1));
  standards = g_new0 (Ranked, MAX (n_standards, 1));
  candidates = g_new0 (Ranked, MAX (n_learners, 1));

  /* The standards that most learners need come first. */
  for (guint s = 0; s < n_standards; s++)
    {
      guint need = 0;

      for (guint l = 0; l < n_learners; l++)
        {
          double v = levels[(gsize) l * n_standards + s];
          need += !isnan (v) && v < proficient;
        }
      standards[s].index = s;
      standards[s].key = need;
    }
  qsort (standards, n_standards, sizeof (Ranked), compare_ranked_descending);

  for (guint k = 0; k < n_standards; k++)
    {
      guint s = standards[k].index;
      guint n = 0, n_groups, start = 0;

      for (guint l = 0; l < n_learners; l++)
        {
          double v = levels[(gsize) l * n_standards + s];

          if ((!exclusive || !assigned[l]) && !isnan (v) && v < proficient)
            {
              candidates[n].index = l;
              candidates[n].key = v;
              n++;
            }
        }
      if (n < min_size)
        continue;

      /* Balanced sizes between min_size and max_size, close levels
       * together, those furthest behind first. */
      qsort (candidates, n, sizeof (Ranked), compare_ranked_ascending);
      if (per_standard > 0)
        n = MIN (n, per_standard * max_size);
      n_groups = (n + max_size - 1) / max_size;
      for (guint g = 0; g < n_groups; g++)
        {
          guint size = n / n_groups + (g < n % n_groups ? 1 : 0);
          PlGroup group = { 0 };
          double sum = 0.0;

          if (size < min_size)
            break;
          group.standard = (int) s;
          group.min_level = INFINITY;
          group.max_level = -INFINITY;
          for (guint m = 0; m < size; m++)
            {
              Ranked *c = &candidates[start + m];

              group.members[group.n_members++] = c->index;
              assigned[c->index] = TRUE;
              sum += c->key;
              group.min_level = MIN (group.min_level, c->key);
              group.max_level = MAX (group.max_level, c->key);
            }
          group.mean_level = sum / size;
          start += size;
          g_array_append_val (groups, group);
        }
    }
  return groups;
}

GArray *
pl_grouping_mixed (guint         n_learners,
                   const double *overall,
                   guint         group_size)
{
  GArray *groups = g_array_new (FALSE, TRUE, sizeof (PlGroup));
  g_autofree Ranked *ranked = NULL;
  g_autofree guint *n_levels = NULL;
  guint n_groups;

  g_return_val_if_fail (overall != NULL || n_learners == 0, groups);
  g_return_val_if_fail (group_size >= 2, groups);
  group_size = MIN (group_size, PL_GROUP_MAX_MEMBERS);
  if (n_learners == 0)
    return groups;

  ranked = g_new0 (Ranked, n_learners);
  for (guint l = 0; l < n_learners; l++)
    {
      ranked[l].index = l;
      ranked[l].key = isnan (overall[l]) ? -INFINITY : overall[l];
    }
  qsort (ranked, n_learners, sizeof (Ranked), compare_ranked_descending);

  n_groups = (n_learners + group_size - 1) / group_size;
  n_levels = g_new0 (guint, n_groups);
  g_array_set_size (groups, n_groups);
  for (guint g = 0; g < n_groups; g++)
    {
      g_array_index (groups, PlGroup, g).min_level = NAN;
      g_array_index (groups, PlGroup, g).max_level = NAN;
    }
  for (guint i = 0; i < n_learners; i++)
    {
      guint round = i / n_groups;
      guint pos = i % n_groups;
      guint g = round % 2 == 0 ? pos : n_groups - 1 - pos;
      PlGroup *group = &g_array_index (groups, PlGroup, g);

      group->standard = -1;
      group->members[group->n_members++] = ranked[i].index;
      if (isfinite (ranked[i].key))
        {
          group->mean_level += ranked[i].key;
          /* Ranked strongest first: the first level seen is the highest. */
          if (isnan (group->max_level))
            group->max_level = ranked[i].key;
          group->min_level = ranked[i].key;
          n_levels[g]++;
        }
    }
  for (guint g = 0; g < n_groups; g++)
    {
      PlGroup *group = &g_array_index (groups, PlGroup, g);

      /* The mean of the members with a level: one without evidence yet
       * says nothing about the group's strength. */
      group->mean_level = n_levels[g] > 0 ? group->mean_level / n_levels[g] : NAN;
    }
  return groups;
}
