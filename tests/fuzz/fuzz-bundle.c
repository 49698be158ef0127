/* fuzz-bundle.c — libFuzzer entry point for the bundle reader
 *
 * Built only with clang (see tests/fuzz/meson.build and
 * docs/bundle-format.md for how to run it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz-bundle-target.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  pl_fuzz_bundle_one (data, size);
  return 0;
}
