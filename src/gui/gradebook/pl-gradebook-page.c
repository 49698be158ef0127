/* pl-gradebook-page.c — the Gradebook view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "pl-gradebook-page.h"

struct _PlGradebookPage
{
  AdwBin       parent_instance;

  PlContext   *context;
  PlClassroom *classroom;
};

G_DEFINE_FINAL_TYPE (PlGradebookPage, pl_gradebook_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CLASSROOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pl_gradebook_page_dispose (GObject *object)
{
  PlGradebookPage *self = PL_GRADEBOOK_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_GRADEBOOK_PAGE);
  g_clear_object (&self->classroom);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pl_gradebook_page_parent_class)->dispose (object);
}

static void
pl_gradebook_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PlGradebookPage *self = PL_GRADEBOOK_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_CLASSROOM:
      g_value_set_object (value, self->classroom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_gradebook_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PlGradebookPage *self = PL_GRADEBOOK_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      if (g_set_object (&self->context, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_CLASSROOM:
      if (g_set_object (&self->classroom, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_gradebook_page_class_init (PlGradebookPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_gradebook_page_dispose;
  object_class->get_property = pl_gradebook_page_get_property;
  object_class->set_property = pl_gradebook_page_set_property;

  /* Set by the window once, right after the template builds the page. */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PL_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLASSROOM] =
    g_param_spec_object ("classroom", NULL, NULL, PL_TYPE_CLASSROOM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/PersonalLearn/gradebook/pl-gradebook-page.ui");
}

static void
pl_gradebook_page_init (PlGradebookPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
