/* fuzz-bundle-target.h — the bundle reader as a fuzz target
 *
 * Shared by the libFuzzer entry point (fuzz-bundle.c), the seed generator
 * and the replay driver that the test suite runs without clang.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Imports DATA as a bundle into a fresh database of the fuzzing school.
 * When the input still ends with a trailer, its checksum and HMAC are
 * recomputed first, so that mutations reach the merge and not only the
 * signature check. Aborts on any broken invariant: a failed integrity
 * check, an import that is not idempotent, an error outside the bundle
 * error domain. Returns TRUE when the input was imported. */
gboolean   pl_fuzz_bundle_one        (const guint8 *data,
                                      gsize         size);

/* Valid bundles of the fuzzing school to start from (GBytes). */
GPtrArray *pl_fuzz_bundle_make_seeds (void);

G_END_DECLS
