/* pl-store-sync-plans.c — the plan for the rows of one table that a bundle
 * brings in, and the checks every row passes before it is merged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pl-schema.h"
#include "pl-store-sync-private.h"

/* Clocks more than this far in the future are refused: one bad clock
 * would otherwise drag every device's clock along with it. */
#define MAX_CLOCK_AHEAD_MS (G_GINT64_CONSTANT (400) * 24 * 3600 * 1000)

/* ---- table plans --------------------------------------------------- */

void
pl_sync_table_plan_free (PlSyncTablePlan *plan)
{
  if (plan == NULL)
    return;
  if (plan->upsert != NULL)
    sqlite3_finalize (plan->upsert);
  if (plan->insert != NULL)
    sqlite3_finalize (plan->insert);
  g_free (plan->upsert_sql);
  g_free (plan->insert_sql);
  g_strfreev (plan->columns);
  g_free (plan->kinds);
  g_free (plan->not_null);
  g_free (plan->table);
  g_clear_object (&plan->store);
  g_free (plan);
}

const char *
pl_sync_table_plan_get_table (PlSyncTablePlan *plan)
{
  return plan->table;
}

guint
pl_sync_table_plan_get_n_columns (PlSyncTablePlan *plan)
{
  return plan->n_columns;
}

static const char * const key_columns[PL_SYNC_N_KEY_COLUMNS] = {
  "uuid", "updated_hlc", "origin", "deleted"
};

PlSyncTablePlan *
pl_sync_table_plan_new (PlStore             *self,
                        const char          *table,
                        guint                n_columns,
                        const char * const  *columns,
                        GError             **error)
{
  g_autoptr(PlSyncTablePlan) plan = NULL;
  g_autoptr(GArray) info = NULL;
  g_autoptr(GString) insert = NULL;
  g_autoptr(GString) values = NULL;
  g_autoptr(GString) set = NULL;
  g_autofree gboolean *present = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), NULL);

  if (table == NULL || !pl_schema_table_is_synced (table))
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("unknown table “%s” (written by a newer PersonalLearn?)"),
                   table != NULL ? table : "");
      return NULL;
    }
  if (n_columns < PL_SYNC_N_KEY_COLUMNS)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("table “%s”: too few columns"), table);
      return NULL;
    }
  for (guint c = 0; c < PL_SYNC_N_KEY_COLUMNS; c++)
    if (g_strcmp0 (columns[c], key_columns[c]) != 0)
      {
        g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                     _("table “%s”: column %u must be “%s”"), table, c + 1, key_columns[c]);
        return NULL;
      }

  info = _pl_store_sync_table_columns (self, table, error);
  if (info == NULL)
    return NULL;

  plan = g_new0 (PlSyncTablePlan, 1);
  plan->store = g_object_ref (self);
  plan->table = g_strdup (table);
  plan->append_only = pl_schema_table_is_append_only (table);
  plan->n_columns = n_columns;
  plan->columns = g_new0 (char *, n_columns + 1);
  plan->kinds = g_new0 (ColumnKind, n_columns);
  plan->not_null = g_new0 (gboolean, n_columns);
  plan->learner_col = plan->field_col = plan->value_col = -1;
  present = g_new0 (gboolean, info->len);

  for (guint c = 0; c < n_columns; c++)
    {
      gboolean found = FALSE;

      for (guint k = 0; k < info->len; k++)
        {
          ColumnInfo *ci = &g_array_index (info, ColumnInfo, k);

          if (g_strcmp0 (ci->name, columns[c]) != 0)
            continue;
          if (present[k])
            {
              g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                           _("table “%s”: column “%s” appears twice"), table, ci->name);
              return NULL;
            }
          present[k] = TRUE;
          found = TRUE;
          plan->columns[c] = g_strdup (ci->name);
          plan->kinds[c] = strstr (ci->type, "INT") != NULL ? KIND_INTEGER
                           : strstr (ci->type, "REAL") != NULL ? KIND_REAL : KIND_TEXT;
          plan->not_null[c] = ci->not_null;
          break;
        }
      if (!found)
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                       _("table “%s”: unknown column “%s” (written by a newer PersonalLearn?)"),
                       table, columns[c] != NULL ? columns[c] : "");
          return NULL;
        }
      if (strcmp (table, "profile_field") == 0)
        {
          if (strcmp (columns[c], "learner_uuid") == 0)
            plan->learner_col = (int) c;
          else if (strcmp (columns[c], "field") == 0)
            plan->field_col = (int) c;
          else if (strcmp (columns[c], "value") == 0)
            plan->value_col = (int) c;
        }
    }
  /* A column the bundle lacks takes its default; one without a default
   * cannot be filled. */
  for (guint k = 0; k < info->len; k++)
    {
      ColumnInfo *ci = &g_array_index (info, ColumnInfo, k);

      if (!present[k] && ci->not_null && !ci->has_default)
        {
          g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                       _("table “%s”: the required column “%s” is missing"), table, ci->name);
          return NULL;
        }
    }

  insert = g_string_new (NULL);
  values = g_string_new (NULL);
  set = g_string_new (NULL);
  g_string_append_printf (insert, "INSERT INTO %s (", table);
  for (guint c = 0; c < n_columns; c++)
    {
      g_string_append_printf (insert, "%s%s", c > 0 ? ", " : "", plan->columns[c]);
      g_string_append_printf (values, "%s?%u", c > 0 ? ", " : "", c + 1);
      /* Append-only rows never change once written: only the tombstone
       * (and the clock that goes with it) moves. */
      if (c > 0 && (!plan->append_only || c < PL_SYNC_N_KEY_COLUMNS))
        g_string_append_printf (set, "%s%s = excluded.%s", set->len > 0 ? ", " : "",
                                plan->columns[c], plan->columns[c]);
    }
  plan->upsert_sql = g_strdup_printf ("%s) VALUES (%s) ON CONFLICT (uuid) DO UPDATE SET %s"
                                      " WHERE excluded.updated_hlc > %s.updated_hlc"
                                      " OR (excluded.updated_hlc = %s.updated_hlc"
                                      " AND excluded.origin > %s.origin)",
                                      insert->str, values->str, set->str, table, table, table);
  plan->insert_sql = g_strdup_printf ("%s) VALUES (%s) ON CONFLICT (uuid) DO NOTHING",
                                      insert->str, values->str);
  return g_steal_pointer (&plan);
}

/* What g_utf8_validate_len says (no NUL either), eight bytes at a time
 * while the text is plain ASCII, as nearly all of it is. */
static gboolean
text_is_utf8 (const char *s,
              gsize       len)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 w;

      memcpy (&w, s + i, 8);
      /* a byte with its high bit set, or a zero byte */
      if (((w | ((w - ones) & ~w)) & highs) != 0)
        break;
    }
  return i == len || g_utf8_validate_len (s + i, len - i, NULL);
}

static gboolean
row_error (PlSyncTablePlan  *plan,
           guint             column,
           GError          **error,
           const char       *problem)
{
  g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
               _("table “%s”, column “%s”: %s"), plan->table, plan->columns[column], problem);
  return FALSE;
}

gboolean
pl_sync_table_plan_check_row (PlSyncTablePlan    *plan,
                              guint               n_values,
                              const PlSyncValue  *values,
                              GError            **error)
{
  gint64 max_ms = g_get_real_time () / 1000 + MAX_CLOCK_AHEAD_MS;

  if (n_values != plan->n_columns)
    {
      g_set_error (error, PL_STORE_ERROR, PL_STORE_ERROR_INVALID,
                   _("table “%s”: a record has %u values for %u columns"),
                   plan->table, n_values, plan->n_columns);
      return FALSE;
    }

  if (values[0].type != PL_SYNC_VALUE_TEXT || values[0].len == 0 || values[0].len > MAX_KEY_LEN)
    return row_error (plan, 0, error, _("not a record id"));
  if (values[1].type != PL_SYNC_VALUE_INT || values[1].i <= 0)
    return row_error (plan, 1, error, _("not a clock value"));
  if (pl_hlc_physical_ms ((guint64) values[1].i) > max_ms)
    return row_error (plan, 1, error, _("the clock is more than a year in the future"));
  if (values[2].type != PL_SYNC_VALUE_TEXT || values[2].len > MAX_KEY_LEN)
    return row_error (plan, 2, error, _("not a device id"));
  if (values[3].type != PL_SYNC_VALUE_INT || (values[3].i != 0 && values[3].i != 1))
    return row_error (plan, 3, error, _("must be 0 or 1"));

  for (guint c = 0; c < n_values; c++)
    {
      const PlSyncValue *v = &values[c];

      switch (v->type)
        {
        case PL_SYNC_VALUE_NULL:
          if (plan->not_null[c])
            return row_error (plan, c, error, _("must not be empty"));
          break;
        case PL_SYNC_VALUE_INT:
          if (plan->kinds[c] == KIND_TEXT)
            return row_error (plan, c, error, _("a number where text belongs"));
          break;
        case PL_SYNC_VALUE_REAL:
          if (plan->kinds[c] != KIND_REAL)
            return row_error (plan, c, error, _("a fraction where a whole number or text belongs"));
          if (!isfinite (v->d))
            return row_error (plan, c, error, _("not a finite number"));
          break;
        case PL_SYNC_VALUE_TEXT:
          if (plan->kinds[c] != KIND_TEXT)
            return row_error (plan, c, error, _("text where a number belongs"));
          if (!text_is_utf8 (v->s, v->len))
            return row_error (plan, c, error, _("the text is not valid UTF-8"));
          break;
        default:
          return row_error (plan, c, error, _("unknown value type"));
        }
    }
  return TRUE;
}
