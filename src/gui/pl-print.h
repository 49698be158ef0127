/* pl-print.h — one-page print operations, to a printer or a PDF file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A print operation of one page, in points, named JOB_NAME. DRAW_PAGE is
 * its "draw-page" handler and gets DATA, which the operation owns and
 * frees with DESTROY. */
GtkPrintOperation *pl_print_one_page_new (const char      *job_name,
                                          GCallback        draw_page,
                                          gpointer         data,
                                          GDestroyNotify   destroy);

/* Runs OP: straight into the PDF file PDF_PATH, or, when PDF_PATH is NULL,
 * through the print dialog over PARENT. FALSE with ERROR set when printing
 * failed; a cancelled dialog is not an error. */
gboolean           pl_print_run          (GtkPrintOperation  *op,
                                          GtkWindow          *parent,
                                          const char         *pdf_path,
                                          GError            **error);

G_END_DECLS
