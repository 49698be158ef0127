/* pl-teacher-pin.h — the PIN that guards learner mode
 *
 * Only a salted PBKDF2-HMAC-SHA-256 hash is kept, in the database's local
 * (never synced) settings; the PIN itself is never stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

#define PL_TEACHER_PIN_MIN_LENGTH 4

/* "pbkdf2-sha256$ITERATIONS$SALT$HASH" (base64), or NULL and an error when
 * PIN is too short. */
char     *pl_teacher_pin_hash         (const char  *pin,
                                       GError     **error);
/* Compares in constant time; FALSE for a malformed STORED. */
gboolean  pl_teacher_pin_verify       (const char  *stored,
                                       const char  *pin);

gboolean  pl_store_has_teacher_pin    (PlStore     *store);
gboolean  pl_store_set_teacher_pin    (PlStore     *store,
                                       const char  *pin,
                                       GError     **error);
gboolean  pl_store_check_teacher_pin  (PlStore     *store,
                                       const char  *pin);

G_END_DECLS
