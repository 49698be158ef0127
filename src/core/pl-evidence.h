/* pl-evidence.h — A score of one learner on a criterion or standard; immutable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_EVIDENCE (pl_evidence_get_type ())
G_DECLARE_FINAL_TYPE (PlEvidence, pl_evidence, PL, EVIDENCE, PlRecord)

PlEvidence *pl_evidence_new (void);

G_END_DECLS
