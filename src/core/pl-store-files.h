/* pl-store-files.h — checking a database file and copying it elsewhere
 * (pl_store_dump and pl_store_check, declared in pl-store.h, live in
 * pl-store-files.c too)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pl-store.h"

G_BEGIN_DECLS

/* Files up to this size are checked (PRAGMA quick_check) before the app
 * shows its window: about 50 ms here. Larger ones are checked in the
 * background once the window is up, so that it still appears within half
 * a second on a 5,000-learner database (about 100 MB). */
#define PL_STORE_QUICK_CHECK_BEFORE_WINDOW (G_GUINT64_CONSTANT (32) * 1024 * 1024)

/* FRACTION runs from 0 to 1; called from the thread doing the work. */
typedef void (*PlStoreProgressFunc) (double   fraction,
                                     gpointer user_data);

/* Runs SQLite's quick_check over the whole file: PL_STORE_ERROR_CORRUPT
 * (with the first finding) when a page cannot be read. Changes nothing. */
gboolean  pl_store_quick_check  (PlStore              *self,
                                 GCancellable         *cancellable,
                                 GError              **error);

/* Copies the database, as it is at the end of the copy, to DEST (a file
 * that must not exist yet) with SQLite's online backup: into a temporary
 * file next to DEST, checked, then given its name. This database is not
 * changed. */
gboolean  pl_store_copy_to      (PlStore              *self,
                                 const char           *dest,
                                 PlStoreProgressFunc   progress,
                                 gpointer              progress_data,
                                 GCancellable         *cancellable,
                                 GError              **error);

G_END_DECLS
