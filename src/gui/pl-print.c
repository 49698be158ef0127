/* pl-print.c — one-page print operations, to a printer or a PDF file
 *
 * The learner profile, the board handout and the unit brief are each one
 * page, printed or saved as PDF the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-print.h"

static void
begin_print_cb (GtkPrintOperation *op,
                GtkPrintContext   *context,
                gpointer           user_data)
{
  gtk_print_operation_set_n_pages (op, 1);
}

GtkPrintOperation *
pl_print_one_page_new (const char     *job_name,
                       GCallback       draw_page,
                       gpointer        data,
                       GDestroyNotify  destroy)
{
  GtkPrintOperation *op;

  g_return_val_if_fail (job_name != NULL, NULL);
  g_return_val_if_fail (draw_page != NULL, NULL);

  op = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (op), "pl-print-data", data, destroy);
  gtk_print_operation_set_job_name (op, job_name);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (op, TRUE);
  g_signal_connect (op, "begin-print", G_CALLBACK (begin_print_cb), NULL);
  g_signal_connect (op, "draw-page", draw_page, data);
  return op;
}

gboolean
pl_print_run (GtkPrintOperation  *op,
              GtkWindow          *parent,
              const char         *pdf_path,
              GError            **error)
{
  GtkPrintOperationAction action = GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG;

  g_return_val_if_fail (GTK_IS_PRINT_OPERATION (op), FALSE);

  if (pdf_path != NULL)
    {
      gtk_print_operation_set_export_filename (op, pdf_path);
      action = GTK_PRINT_OPERATION_ACTION_EXPORT;
      parent = NULL;
    }
  return gtk_print_operation_run (op, action, parent, error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}
