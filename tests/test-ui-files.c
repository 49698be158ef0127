/* test-ui-files.c — every .ui file in the application's resources builds
 * against the GTK and libadwaita installed here (4.8 / 1.2 on Debian 12)
 *
 * A property or widget that only exists in a newer libadwaita makes a
 * template fail at run time and leaves its window empty; the C version
 * macros cannot see .ui files. This test walks the resources, so a new .ui
 * file is checked without being listed here.
 *
 * A template is built into a stand-in subclass of its parent, so that the
 * real class's construction (which needs a database) is not involved; the
 * objects inside it, our own widgets included, are built for real.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "pl-application.h"

#define RESOURCE_ROOT "/org/example/PersonalLearn/"

typedef struct
{
  char      *template_class;
  char      *template_parent;
  GPtrArray *handlers;
} UiInfo;

static void
ui_info_clear (UiInfo *info)
{
  g_free (info->template_class);
  g_free (info->template_parent);
  g_clear_pointer (&info->handlers, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (UiInfo, ui_info_clear)

static void
on_start_element (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  UiInfo *info = user_data;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strcmp (element, "template") == 0 && strcmp (names[i], "class") == 0)
        info->template_class = g_strdup (values[i]);
      else if (strcmp (element, "template") == 0 && strcmp (names[i], "parent") == 0)
        info->template_parent = g_strdup (values[i]);
      else if (strcmp (element, "signal") == 0 && strcmp (names[i], "handler") == 0)
        g_ptr_array_add (info->handlers, g_strdup (values[i]));
    }
}

static void
read_ui_info (GBytes *bytes,
              UiInfo *info)
{
  static const GMarkupParser parser = { on_start_element, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  info->handlers = g_ptr_array_new_with_free_func (g_free);
  context = g_markup_parse_context_new (&parser, 0, info, NULL);
  g_assert_true (g_markup_parse_context_parse (context, data, (gssize) len, &error));
  g_assert_no_error (error);
}

static void
do_nothing (void)
{
}

/* Signal handlers are the real classes' business: here they do nothing,
 * but the signals they connect to must exist. */
static GtkBuilderScope *
scope_for (UiInfo *info)
{
  GtkBuilderScope *scope = gtk_builder_cscope_new ();

  for (guint i = 0; i < info->handlers->len; i++)
    gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), info->handlers->pdata[i],
                                            G_CALLBACK (do_nothing));
  return scope;
}

static void
dispose_built (GObject *object)
{
  if (GTK_IS_WINDOW (object))
    gtk_window_destroy (GTK_WINDOW (object));
}

static void
test_template (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
  g_auto(UiInfo) info = { 0 };
  g_autoptr(GtkBuilderScope) scope = NULL;
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stand_in_name = NULL;
  g_autoptr(GString) xml = NULL;
  g_autofree char *class_attr = NULL;
  g_autofree char *stand_in_attr = NULL;
  GType parent, stand_in;
  GTypeQuery query;
  GObject *object;
  gboolean built;

  read_ui_info (bytes, &info);
  g_assert_nonnull (info.template_class);
  g_assert_nonnull (info.template_parent);

  scope = scope_for (&info);
  gtk_builder_set_scope (builder, scope);
  parent = gtk_builder_get_type_from_name (builder, info.template_parent);
  g_assert_true (g_type_is_a (parent, GTK_TYPE_WIDGET));
  /* The real class exists and derives from the parent the file names. */
  g_assert_true (g_type_is_a (gtk_builder_get_type_from_name (builder, info.template_class), parent));

  stand_in_name = g_strdup_printf ("TestUiFiles%s", info.template_class);
  stand_in = g_type_from_name (stand_in_name);
  if (stand_in == 0)
    {
      g_type_query (parent, &query);
      stand_in = g_type_register_static_simple (parent, stand_in_name, query.class_size, NULL,
                                                query.instance_size, NULL, 0);
    }

  xml = g_string_new_len (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));
  /* The template's class, and the template object where it names itself
   * (bind-source="PlWindow"). */
  class_attr = g_strdup_printf ("\"%s\"", info.template_class);
  stand_in_attr = g_strdup_printf ("\"%s\"", stand_in_name);
  g_assert_cmpuint (g_string_replace (xml, class_attr, stand_in_attr, 0), >=, 1);

  object = g_object_new (stand_in, NULL);
  g_object_ref_sink (object);
  built = gtk_builder_extend_with_template (builder, object, stand_in, xml->str,
                                            (gssize) xml->len, &error);
  g_assert_no_error (error);
  g_assert_true (built);
  /* The template really filled the widget. */
  g_assert_nonnull (gtk_widget_get_first_child (GTK_WIDGET (object)));

  dispose_built (object);
  g_object_unref (object);
}

static void
test_builder_file (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
  g_auto(UiInfo) info = { 0 };
  g_autoptr(GtkBuilderScope) scope = NULL;
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) objects = NULL;
  gboolean built;

  read_ui_info (bytes, &info);
  scope = scope_for (&info);
  gtk_builder_set_scope (builder, scope);
  built = gtk_builder_add_from_resource (builder, path, &error);
  g_assert_no_error (error);
  g_assert_true (built);
  objects = gtk_builder_get_objects (builder);
  g_assert_nonnull (objects);
  for (GSList *l = objects; l != NULL; l = l->next)
    dispose_built (l->data);
}

static void
collect_ui_files (const char *dir,
                  GPtrArray  *out)
{
  g_auto(GStrv) children = g_resources_enumerate_children (dir, 0, NULL);

  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (dir, children[i], NULL);

      if (g_str_has_suffix (children[i], "/"))
        collect_ui_files (path, out);
      else if (g_str_has_suffix (children[i], ".ui"))
        g_ptr_array_add (out, g_steal_pointer (&path));
    }
}

int
main (int argc, char **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PlApplication) app = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Links the application's library, its resources and its types in. */
  app = pl_application_new ();

  collect_ui_files (RESOURCE_ROOT, files);
  /* The main window, its views and its dialogs at the least. */
  g_assert_cmpuint (files->len, >=, 10);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = files->pdata[i];
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
      g_autofree char *name = g_strconcat ("/ui-files/", path + strlen (RESOURCE_ROOT), NULL);
      gboolean is_template = g_strstr_len (g_bytes_get_data (bytes, NULL),
                                           (gssize) g_bytes_get_size (bytes), "<template") != NULL;

      g_test_add_data_func (name, path, is_template ? test_template : test_builder_file);
    }
  return g_test_run ();
}
