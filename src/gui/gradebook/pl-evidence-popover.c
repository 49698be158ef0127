/* pl-evidence-popover.c — the evidence behind one gradebook cell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>

#include "core/pl-core.h"
#include "core/pl-store-scoring.h"
#include "pl-evidence-popover.h"
#include "pl-trend-chart.h"

struct _PlEvidencePopover
{
  GtkPopover      parent_instance;

  PlStore        *store;
  char           *classroom_uuid;
  char           *learner_uuid;
  char           *standard_uuid;

  PlTrendChart   *chart;
  GtkWidget      *corrected_toggle;
  GtkWidget      *corrected_revealer;
  GtkWidget      *history_box;
  GtkSpinButton  *value_spin;
  GtkEntry       *reason_entry;
  GtkWidget      *override_button;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (PlEvidencePopover, pl_evidence_popover, GTK_TYPE_POPOVER)

static void
pl_evidence_popover_finalize (GObject *object)
{
  PlEvidencePopover *self = PL_EVIDENCE_POPOVER (object);

  g_clear_object (&self->store);
  g_free (self->classroom_uuid);
  g_free (self->learner_uuid);
  g_free (self->standard_uuid);
  G_OBJECT_CLASS (pl_evidence_popover_parent_class)->finalize (object);
}

static void
pl_evidence_popover_class_init (PlEvidencePopoverClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pl_evidence_popover_finalize;
}

static void
pl_evidence_popover_init (PlEvidencePopover *self)
{
}

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

gboolean
pl_evidence_popover_override (PlEvidencePopover  *self,
                              double              value,
                              const char         *reason,
                              GError            **error)
{
  g_autoptr(PlGradeOverride) row = NULL;

  g_return_val_if_fail (PL_IS_EVIDENCE_POPOVER (self), FALSE);

  row = pl_store_set_grade_override (self->store, self->classroom_uuid, self->learner_uuid,
                                     self->standard_uuid, value, reason, error);
  return row != NULL;
}

static void
on_override_clicked_cb (PlEvidencePopover *self)
{
  g_autoptr(GError) error = NULL;

  if (!pl_evidence_popover_override (self, gtk_spin_button_get_value (self->value_spin),
                                     gtk_editable_get_text (GTK_EDITABLE (self->reason_entry)),
                                     &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_clear_clicked_cb (PlEvidencePopover *self)
{
  g_autoptr(GError) error = NULL;

  if (!pl_store_clear_grade_override (self->store, self->classroom_uuid, self->learner_uuid,
                                      self->standard_uuid, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_reason_changed_cb (PlEvidencePopover *self)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry))));

  /* An override always says why. */
  gtk_widget_set_sensitive (self->override_button, *reason != '\0');
}

static char *
local_day (guint64 hlc)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (pl_hlc_physical_ms (hlc) / 1000);

  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%d") : g_strdup ("?");
}

/* One piece of evidence: score, the day it was assessed, where it came
 * from (the rubric and criterion, the pick or milestone), its comment. */
static void
append_evidence (PlEvidencePopover *self,
                 GtkWidget         *box,
                 PlRecord          *e,
                 PlRecord          *correction)
{
  const char *assessed = pl_record_get_string (e, "assessed_at");
  const char *comment = pl_record_get_string (e, "comment");
  g_autofree char *day = g_strndup (assessed != NULL ? assessed : "", 10);
  g_autofree char *source = pl_store_describe_evidence_source (self->store, PL_EVIDENCE (e));
  g_autofree char *line = NULL;
  GtkWidget *label;

  /* Translators: one piece of evidence: score, top of its scale, date, where it came from. */
  line = g_strdup_printf (_("%.1f of %.0f · %s · %s"),
                          pl_record_get_double (e, "score"), pl_record_get_double (e, "scale_max"),
                          day, source);
  if (correction != NULL)
    {
      g_autofree char *when = local_day (pl_record_get_updated_hlc (correction));
      g_autofree char *markup = NULL;

      /* Translators: a score that a correction replaced; %s is a date, %.1f the new score. */
      markup = g_markup_printf_escaped (_("<s>%s</s> — corrected on %s to %.1f"), line, when,
                                        pl_record_get_double (correction, "score"));
      label = label_new (NULL, "dim-label");
      gtk_label_set_markup (GTK_LABEL (label), markup);
    }
  else
    label = label_new (line, NULL);
  gtk_box_append (GTK_BOX (box), label);
  if (comment != NULL && *comment != '\0')
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", comment);
      GtkWidget *c = label_new (quoted, "dim-label");

      gtk_widget_set_margin_start (c, 12);
      gtk_box_append (GTK_BOX (box), c);
    }
}

static GtkWidget *
evidence_list (PlEvidencePopover *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) evidence = pl_store_list_cell_evidence_history (self->store, self->learner_uuid,
                                                                        self->standard_uuid, &error);
  g_autoptr(GHashTable) corrections = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *corrected = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  guint n_corrected = 0;
  g_autofree char *toggle_label = NULL;

  if (evidence == NULL)
    {
      gtk_box_append (GTK_BOX (box), label_new (error->message, "error"));
      return box;
    }
  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      PlRecord *e = g_list_model_get_item (evidence, i);
      const char *supersedes = pl_record_get_string (e, "supersedes_uuid");

      if (supersedes != NULL)
        g_hash_table_replace (corrections, (gpointer) supersedes, e);
      else
        g_object_unref (e);
    }
  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(PlRecord) e = g_list_model_get_item (evidence, i);
      PlRecord *correction = g_hash_table_lookup (corrections, pl_record_get_uuid (e));

      if (correction != NULL)
        {
          append_evidence (self, corrected, e, correction);
          n_corrected++;
        }
      else
        append_evidence (self, box, e, NULL);
    }
  if (n_corrected == 0)
    {
      g_object_ref_sink (corrected);
      g_object_unref (corrected);
      return box;
    }
  /* What corrections replaced stays on record, out of the way. */
  toggle_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show _%u corrected score",
                                               "Show _%u corrected scores", n_corrected), n_corrected);
  self->corrected_toggle = gtk_check_button_new_with_mnemonic (toggle_label);
  self->corrected_revealer = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (self->corrected_revealer), corrected);
  g_object_bind_property (self->corrected_toggle, "active", self->corrected_revealer, "reveal-child",
                          G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), self->corrected_toggle);
  gtk_box_append (GTK_BOX (box), self->corrected_revealer);
  return box;
}

/* Every override the cell has had, oldest first, each with its reason. */
static GtkWidget *
override_history (PlEvidencePopover *self)
{
  g_autoptr(GListModel) rows = pl_store_list_cell_overrides (self->store, self->classroom_uuid,
                                                             self->learner_uuid, self->standard_uuid, NULL);
  GtkWidget *box;

  if (rows == NULL || g_list_model_get_n_items (rows) == 0)
    return NULL;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_box_append (GTK_BOX (box), label_new (_("Overrides of this cell"), "heading"));
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PlRecord) row = g_list_model_get_item (rows, i);
      const char *set_at = pl_record_get_string (row, "set_at");
      g_autofree char *day = g_strndup (set_at != NULL ? set_at : "", 10);
      g_autofree char *line = NULL;

      if (pl_record_get_boolean (row, "removed"))
        /* Translators: an override taken away; %s is a date. */
        line = g_strdup_printf (_("%s: removed; the evidence counts again"), day);
      else
        /* Translators: an override: date, value, level name, the teacher's reason. */
        line = g_strdup_printf (_("%s: set to %.1f (%s). Reason: %s"), day, pl_record_get_double (row, "value"),
                                pl_gradebook_level_name (pl_record_get_double (row, "value")),
                                pl_record_get_string (row, "reason"));
      gtk_box_append (GTK_BOX (box),
                      label_new (line, i + 1 < g_list_model_get_n_items (rows) ? "dim-label" : NULL));
    }
  self->history_box = box;
  return box;
}

GtkWidget *
pl_evidence_popover_new (PlStore           *store,
                         const PlGradebook *gb,
                         guint              learner,
                         guint              standard)
{
  PlEvidencePopover *self;
  const PlGradebookCell *cell;
  GtkWidget *box, *scroller, *row, *button;
  g_autofree char *title = NULL;
  g_autofree char *value = NULL;
  g_autofree char *method = NULL;
  const double *scores;
  const gint64 *dates;
  gsize n;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (gb != NULL && learner < gb->n_learners && standard < gb->n_standards, NULL);

  self = g_object_new (PL_TYPE_EVIDENCE_POPOVER, NULL);
  self->store = g_object_ref (store);
  self->classroom_uuid = g_strdup (gb->classroom_uuid);
  self->learner_uuid = g_strdup (gb->learner_uuids[learner]);
  self->standard_uuid = g_strdup (gb->standard_uuids[standard]);
  cell = pl_gradebook_get_cell (gb, learner, standard);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  title = g_strdup_printf ("%s — %s", gb->learner_names[learner], gb->standard_codes[standard]);
  gtk_box_append (GTK_BOX (box), label_new (title, "heading"));
  gtk_box_append (GTK_BOX (box), label_new (gb->standard_statements[standard], "dim-label"));

  method = pl_gradebook_method_describe (gb->standard_methods[standard], gb->standard_params[standard],
                                         gb->standard_mastery_levels[standard]);
  if (cell->flags & PL_GRADEBOOK_CELL_HAS_VALUE)
    /* Translators: value, level name, calculation method, number of scores. */
    value = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%.2f · %s, by %s over %u score",
                                          "%.2f · %s, by %s over %u scores", cell->n_evidence),
                             cell->computed, pl_gradebook_level_name (cell->computed), method,
                             cell->n_evidence);
  else if (cell->n_evidence > 0)
    value = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Not yet mastered by %s (%u score)",
                                          "Not yet mastered by %s (%u scores)", cell->n_evidence),
                             method, cell->n_evidence);
  else
    value = g_strdup (_("No evidence yet"));
  gtk_box_append (GTK_BOX (box), label_new (value, NULL));

  pl_gradebook_get_scores (gb, learner, standard, &scores, &dates, &n);
  self->chart = PL_TREND_CHART (pl_trend_chart_new ());
  pl_trend_chart_set_scores (self->chart, scores, dates, n,
                             (cell->flags & PL_GRADEBOOK_CELL_HAS_VALUE) ? cell->computed : NAN);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->chart));
  gtk_box_append (GTK_BOX (box), label_new (pl_trend_chart_get_text (self->chart), "caption"));

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 200);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), evidence_list (self));
  gtk_box_append (GTK_BOX (box), scroller);

  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  {
    GtkWidget *history = override_history (self);

    if (history != NULL)
      gtk_box_append (GTK_BOX (box), history);
  }
  if (cell->flags & PL_GRADEBOOK_CELL_OVERRIDDEN)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (_("Overridden by the teacher: %.2f (%s). Reason: %s"), cell->value,
                              pl_gradebook_level_name (cell->value), cell->override_reason);
      gtk_box_append (GTK_BOX (box), label_new (text, "warning"));
      button = gtk_button_new_with_mnemonic (_("_Remove Override"));
      gtk_widget_set_halign (button, GTK_ALIGN_END);
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_clear_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), button);
    }
  else
    {
      gtk_box_append (GTK_BOX (box), label_new (_("Override this cell (the reason stays with it, and so do "
                                                  "earlier ones)"), "heading"));
      row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      self->value_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, PL_GRADEBOOK_SCALE, 0.5));
      gtk_spin_button_set_digits (self->value_spin, 1);
      gtk_spin_button_set_value (self->value_spin,
                                 (cell->flags & PL_GRADEBOOK_CELL_HAS_VALUE) ? round (cell->computed * 2) / 2 : 3);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->value_spin),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Level to record"), -1);
      gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->value_spin));
      self->reason_entry = GTK_ENTRY (gtk_entry_new ());
      gtk_widget_set_hexpand (GTK_WIDGET (self->reason_entry), TRUE);
      gtk_entry_set_placeholder_text (self->reason_entry, _("Reason (required)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->reason_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason for the override"), -1);
      g_signal_connect_swapped (self->reason_entry, "changed", G_CALLBACK (on_reason_changed_cb), self);
      gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->reason_entry));
      self->override_button = gtk_button_new_with_mnemonic (_("_Override"));
      gtk_widget_set_sensitive (self->override_button, FALSE);
      g_signal_connect_swapped (self->override_button, "clicked", G_CALLBACK (on_override_clicked_cb), self);
      g_signal_connect_swapped (self->reason_entry, "activate", G_CALLBACK (on_override_clicked_cb), self);
      gtk_box_append (GTK_BOX (row), self->override_button);
      gtk_box_append (GTK_BOX (box), row);
    }
  self->error_label = GTK_LABEL (label_new ("", "error"));
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  gtk_popover_set_child (GTK_POPOVER (self), box);
  return GTK_WIDGET (self);
}

const char *
pl_evidence_popover_get_trend_text (PlEvidencePopover *self)
{
  g_return_val_if_fail (PL_IS_EVIDENCE_POPOVER (self), NULL);
  return pl_trend_chart_get_text (self->chart);
}

/* For tests: the text of every label under WIDGET, one a line. */
static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

char *
pl_evidence_popover_get_text (PlEvidencePopover *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (PL_IS_EVIDENCE_POPOVER (self), NULL);
  collect_text (gtk_popover_get_child (GTK_POPOVER (self)), out);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

GtkWidget *
pl_evidence_popover_get_corrected_toggle (PlEvidencePopover *self)
{
  g_return_val_if_fail (PL_IS_EVIDENCE_POPOVER (self), NULL);
  return self->corrected_toggle;
}

gboolean
pl_evidence_popover_corrected_shown (PlEvidencePopover *self)
{
  g_return_val_if_fail (PL_IS_EVIDENCE_POPOVER (self), FALSE);
  return self->corrected_revealer != NULL &&
         gtk_revealer_get_reveal_child (GTK_REVEALER (self->corrected_revealer));
}
