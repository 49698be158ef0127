/* pl-case-import.h — competency frameworks from CASE JSON
 *
 * Reads the CASE 1.0 layout (CFDocument, CFItems and CFAssociations at the
 * top) and the 1.1 package wrapped in "CFPackage". isChildOf builds the
 * tree, precedes and prerequisite associations become standard links for
 * the engine, sequenceNumber keeps the order. Statements are kept byte for
 * byte (UTF-8, Markdown).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/pl-store.h"

G_BEGIN_DECLS

#define PL_CASE_ERROR (pl_case_error_quark ())

typedef enum
{
  PL_CASE_ERROR_NOT_JSON,     /* the file does not parse */
  PL_CASE_ERROR_LAYOUT,       /* no CFDocument, or not an object at the top */
  PL_CASE_ERROR_TYPE,         /* a member has the wrong JSON type */
  PL_CASE_ERROR_MISSING,      /* a required member is absent or empty */
  PL_CASE_ERROR_DUPLICATE,    /* two items share an identifier */
  PL_CASE_ERROR_DANGLING,     /* isChildOf points at nothing in the file */
  PL_CASE_ERROR_CYCLE,        /* isChildOf goes round in a circle */
  PL_CASE_ERROR_TOO_DEEP,     /* nesting beyond any real framework */
  PL_CASE_ERROR_TOO_LARGE,    /* more data than any real framework (64 MiB,
                               * 50,000 items, 250,000 associations) */
} PlCaseError;

GQuark   pl_case_error_quark     (void);

typedef struct
{
  char      *title;
  char      *framework_uuid;
  guint      n_items;
  guint      n_new;
  guint      n_updated;
  guint      n_unchanged;
  guint      n_links;
  guint      n_skipped;    /* associations of kinds the app does not use */
  /* What was unusual but imported all the same (translated sentences,
   * each naming where in the file): a second parent, a sequence number
   * that is not a number. */
  GPtrArray *warnings;
} PlCaseSummary;

void     pl_case_summary_clear   (PlCaseSummary  *summary);

/* Checks FILE completely, then writes the framework, its standards and
 * links in one transaction. A DRY_RUN writes nothing but counts the same
 * (new, updated, unchanged), for a preview. Records get uuids
 * derived from CASE identifiers, so importing the same framework again
 * changes nothing, and an edited one updates in place. On error nothing
 * is written and the message names the file and the JSON path. */
gboolean pl_case_import_file     (PlStore        *store,
                                  GFile          *file,
                                  gboolean        dry_run,
                                  PlCaseSummary  *summary,
                                  GCancellable   *cancellable,
                                  GError        **error);

G_END_DECLS
