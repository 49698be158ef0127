/* pl-learner-print.c — a learner's one-page profile, printed or as PDF
 *
 * For a family conference or a classroom without devices: the profile
 * fields, accommodations, classes and the latest conversation notes on a
 * single page (scaled down when a profile is long).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "core/pl-store-learners.h"
#include "pl-learner-print.h"
#include "pl-print.h"

#define MAX_NOTES 6

static void
append_field (GString    *out,
              const char *label,
              const char *value)
{
  g_autofree char *l = g_markup_escape_text (label, -1);
  g_autofree char *v = g_markup_escape_text (value != NULL && *value != '\0' ? value : "—", -1);

  g_string_append_printf (out, "<b>%s</b>\n%s\n\n", l, v);
}

char *
pl_learner_print_markup (PlStore   *store,
                         PlProfile *profile)
{
  GString *out = g_string_new (NULL);
  PlRecord *learner = PL_RECORD (pl_profile_get_learner (profile));
  const PlProfileFieldInfo *fields;
  g_autoptr(GListModel) classes = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(GString) class_names = g_string_new (NULL);
  g_autoptr(GString) flags = g_string_new (NULL);
  g_autofree char *name = g_markup_escape_text (pl_profile_get_display_name (profile), -1);
  const char *pronouns = pl_record_get_string (learner, "pronouns");
  guint n_fields, n;

  g_string_append_printf (out, "<span size='x-large' weight='bold'>%s</span>", name);
  if (pronouns != NULL && *pronouns != '\0')
    {
      g_autofree char *p = g_markup_escape_text (pronouns, -1);
      g_string_append_printf (out, "  <span size='small'>(%s)</span>", p);
    }
  g_string_append (out, "\n");

  classes = pl_store_list_learner_classes (store, pl_profile_get_uuid (profile), NULL);
  n = classes != NULL ? g_list_model_get_n_items (classes) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) c = g_list_model_get_item (classes, i);

      if (class_names->len > 0)
        g_string_append (class_names, ", ");
      g_string_append (class_names, pl_record_get_string (c, "name"));
    }
  {
    g_autofree char *c = g_markup_escape_text (class_names->str, -1);
    g_autofree char *done = g_strdup_printf (_("profile %u %% complete"), pl_profile_get_completeness (profile));

    /* Translators: classes and profile completeness under the name on a printed profile */
    g_string_append_printf (out, "<span size='small'>%s · %s</span>\n\n", c, done);
  }

  fields = pl_profile_get_fields (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      if (fields[i].kind == PL_PROFILE_FIELD_FLAG)
        {
          if (pl_profile_get_flag (profile, fields[i].name))
            {
              if (flags->len > 0)
                g_string_append (flags, ", ");
              g_string_append (flags, _(fields[i].label));
            }
          continue;
        }
      if (fields[i].kind == PL_PROFILE_FIELD_CHOICES)
        {
          g_auto(GStrv) tokens = g_strsplit (pl_profile_get_value (profile, fields[i].name), ",", -1);
          g_autoptr(GString) labels = g_string_new (NULL);

          for (guint t = 0; tokens[t] != NULL; t++)
            {
              g_strstrip (tokens[t]);
              if (*tokens[t] == '\0')
                continue;
              if (labels->len > 0)
                g_string_append (labels, ", ");
              g_string_append (labels, pl_profile_preference_label (tokens[t]));
            }
          append_field (out, _(fields[i].label), labels->str);
          continue;
        }
      append_field (out, _(fields[i].label), pl_profile_get_value (profile, fields[i].name));
    }
  if (flags->len > 0)
    append_field (out, _("Plans"), flags->str);

  notes = pl_store_list_notes (store, pl_profile_get_uuid (profile), NULL);
  n = notes != NULL ? g_list_model_get_n_items (notes) : 0;
  if (n > 0)
    g_string_append_printf (out, "<b>%s</b>\n", _("Latest conversation notes"));
  for (guint i = 0, shown = 0; i < n && shown < MAX_NOTES; i++)
    {
      g_autoptr(PlRecord) note = g_list_model_get_item (notes, i);
      g_autofree char *body = NULL;
      g_autofree char *date = NULL;

      /* Earlier versions of an edited note are on screen, not on paper. */
      if (pl_store_note_is_superseded (store, pl_record_get_uuid (note)))
        continue;
      body = g_markup_escape_text (pl_record_get_string (note, "body"), -1);
      date = g_markup_escape_text (pl_record_get_string (note, "noted_at"), 10);
      g_string_append_printf (out, "<span size='small'>%s</span>  %s\n", date, body);
      shown++;
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  char *markup;
} PrintData;

static void
print_data_free (gpointer data)
{
  PrintData *pd = data;

  g_free (pd->markup);
  g_free (pd);
}

static void
draw_page_cb (GtkPrintOperation *op,
              GtkPrintContext   *context,
              int                page_nr,
              PrintData         *pd)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 10");
  int lw, lh;
  double scale = 1.0;

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, pd->markup, -1);
  pango_layout_get_size (layout, &lw, &lh);

  /* One page: a long profile is drawn smaller rather than cut. */
  if ((double) lh / PANGO_SCALE > height)
    {
      scale = height / ((double) lh / PANGO_SCALE);
      pango_layout_set_width (layout, (int) (width / scale * PANGO_SCALE));
    }
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
}

static GtkPrintOperation *
new_operation (PlStore   *store,
               PlProfile *profile)
{
  PrintData *pd = g_new0 (PrintData, 1);
  g_autofree char *title = g_strdup_printf (_("Profile of %s"), pl_profile_get_display_name (profile));

  pd->markup = pl_learner_print_markup (store, profile);
  return pl_print_one_page_new (title, G_CALLBACK (draw_page_cb), pd, print_data_free);
}

gboolean
pl_learner_print_run (GtkWindow  *parent,
                      PlStore    *store,
                      PlProfile  *profile,
                      GError    **error)
{
  g_autoptr(GtkPrintOperation) op = NULL;

  g_return_val_if_fail (PL_IS_PROFILE (profile), FALSE);

  op = new_operation (store, profile);
  return pl_print_run (op, parent, NULL, error);
}

gboolean
pl_learner_print_to_pdf (PlStore     *store,
                         PlProfile   *profile,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(GtkPrintOperation) op = NULL;

  g_return_val_if_fail (PL_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  op = new_operation (store, profile);
  return pl_print_run (op, NULL, path, error);
}
