/* pl-learner-mode-lock.h — nothing but the learner's window while a
 * learner holds the laptop
 *
 * While a lock lives, only its owner window and the dialogs that belong
 * to it may be on screen: every other toplevel of the application (the
 * main window, Sync, Preferences, rubric editors, the shortcuts window…)
 * is hidden, and hidden again if anything shows it or opens a new one;
 * every application action and every action of those windows is off.
 * Releasing the lock shows again what it hid and turns the actions back
 * on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PL_TYPE_LEARNER_MODE_LOCK (pl_learner_mode_lock_get_type ())
G_DECLARE_FINAL_TYPE (PlLearnerModeLock, pl_learner_mode_lock, PL, LEARNER_MODE_LOCK, GObject)

PlLearnerModeLock *pl_learner_mode_lock_new        (GtkApplication    *application,
                                                    GtkWindow         *owner);
/* Ends the lock; the lock also ends when the object is disposed. */
void               pl_learner_mode_lock_release    (PlLearnerModeLock *self);
gboolean           pl_learner_mode_lock_is_active  (PlLearnerModeLock *self);
/* TRUE for the owner and windows transient for it (its dialogs). */
gboolean           pl_learner_mode_lock_allows     (PlLearnerModeLock *self,
                                                    GtkWindow         *window);

G_END_DECLS
