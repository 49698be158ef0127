/* pl-schema.c — the database schema and its migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "pl-schema.h"

#define SYNC_COLUMNS \
  "uuid TEXT PRIMARY KEY NOT NULL, " \
  "updated_hlc INTEGER NOT NULL DEFAULT 0, " \
  "origin TEXT NOT NULL DEFAULT '', " \
  "deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)), "

/* References between synced tables are plain uuid columns, not foreign
 * keys: a bundle may carry a row before the row it points at, and
 * tombstones keep their rows. The store checks references when a teacher
 * writes; the importers check them in the files they read. */
static const char migration_1[] =
  /* Local, never synced: device id, school membership, clock, sync state. */
  "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT);"

  /* Local sync state, never synced (see pl-store-sync.c). sync_seen: for
   * each origin, the clock up to which this database holds every write of
   * that origin. sync_peer: per device or hub we exchange bundles with,
   * what it said it holds (JSON object origin → clock) and when we last
   * synced each way. sync_conflict: profile fields two devices edited. */
  "CREATE TABLE sync_seen (origin TEXT PRIMARY KEY NOT NULL, hlc INTEGER NOT NULL);"
  "CREATE TABLE sync_peer (device TEXT PRIMARY KEY NOT NULL, role TEXT NOT NULL DEFAULT 'device',"
  " name TEXT, seen TEXT NOT NULL DEFAULT '{}', imported_at TEXT, bundle_created_at TEXT,"
  " imported_rows INTEGER NOT NULL DEFAULT 0, exported_at TEXT, exported_rows INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE sync_conflict (id INTEGER PRIMARY KEY, table_name TEXT NOT NULL,"
  " row_uuid TEXT NOT NULL, learner_uuid TEXT, field TEXT, local_value TEXT,"
  " local_hlc INTEGER NOT NULL, local_origin TEXT NOT NULL, remote_value TEXT,"
  " remote_hlc INTEGER NOT NULL, remote_origin TEXT NOT NULL,"
  " winner TEXT NOT NULL CHECK (winner IN ('local', 'remote')), detected_at TEXT NOT NULL,"
  " resolved INTEGER NOT NULL DEFAULT 0, UNIQUE (row_uuid, local_hlc, remote_hlc));"

  "CREATE TABLE school (" SYNC_COLUMNS
  " name TEXT NOT NULL DEFAULT '', source_id TEXT);"

  "CREATE TABLE classroom (" SYNC_COLUMNS
  " school_uuid TEXT, name TEXT NOT NULL DEFAULT '', subject TEXT, grade_level TEXT,"
  " period TEXT, source_id TEXT, mastery_method TEXT, mastery_param REAL,"
  " archived INTEGER NOT NULL DEFAULT 0);"

  "CREATE TABLE learner (" SYNC_COLUMNS
  " school_uuid TEXT, given_name TEXT NOT NULL DEFAULT '', family_name TEXT NOT NULL DEFAULT '',"
  " preferred_name TEXT, pronouns TEXT, source_id TEXT, email TEXT, grade TEXT,"
  " archived INTEGER NOT NULL DEFAULT 0);"

  "CREATE TABLE enrollment (" SYNC_COLUMNS
  " classroom_uuid TEXT NOT NULL, learner_uuid TEXT NOT NULL, role TEXT NOT NULL DEFAULT 'student',"
  " source_id TEXT, archived INTEGER NOT NULL DEFAULT 0);"

  /* One row per learner and field, so that two devices editing different
   * fields of one profile both keep their edit. The uuid is derived from
   * the learner and the field name (see pl_store_profile_field_uuid). */
  "CREATE TABLE profile_field (" SYNC_COLUMNS
  " learner_uuid TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL DEFAULT '');"

  "CREATE TABLE note (" SYNC_COLUMNS
  " learner_uuid TEXT NOT NULL, kind TEXT NOT NULL DEFAULT 'observation', noted_at TEXT NOT NULL,"
  " body TEXT NOT NULL DEFAULT '', supersedes_uuid TEXT);"

  "CREATE TABLE framework (" SYNC_COLUMNS
  " title TEXT NOT NULL DEFAULT '', source_id TEXT, creator TEXT, version TEXT, subject TEXT);"

  "CREATE TABLE standard (" SYNC_COLUMNS
  " framework_uuid TEXT, parent_uuid TEXT, code TEXT NOT NULL DEFAULT '',"
  " statement TEXT NOT NULL DEFAULT '', position INTEGER NOT NULL DEFAULT 0, source_id TEXT,"
  " item_type TEXT);"

  /* kind: 'precedes', 'prerequisite' or 'related' — the engine reads them. */
  "CREATE TABLE standard_link (" SYNC_COLUMNS
  " from_uuid TEXT NOT NULL, to_uuid TEXT NOT NULL, kind TEXT NOT NULL DEFAULT 'related');"

  "CREATE TABLE unit (" SYNC_COLUMNS
  " classroom_uuid TEXT, title TEXT NOT NULL DEFAULT '', big_idea TEXT, goals TEXT,"
  " starts_on TEXT, ends_on TEXT);"

  "CREATE TABLE unit_standard (" SYNC_COLUMNS
  " unit_uuid TEXT NOT NULL, standard_uuid TEXT NOT NULL);"

  "CREATE TABLE milestone (" SYNC_COLUMNS
  " unit_uuid TEXT NOT NULL, title TEXT NOT NULL DEFAULT '', due_on TEXT,"
  " must_do INTEGER NOT NULL DEFAULT 1, reflection_prompt TEXT, position INTEGER NOT NULL DEFAULT 0);"

  /* A learner's progress on a milestone: status 'not-started',
   * 'in-progress' or 'done' (done_on set); reflection holds the learner's
   * answer to the milestone's reflection prompt. */
  "CREATE TABLE milestone_progress (" SYNC_COLUMNS
  " learner_uuid TEXT NOT NULL, milestone_uuid TEXT NOT NULL,"
  " status TEXT NOT NULL DEFAULT 'not-started', done_on TEXT, reflection TEXT);"

  /* layout: 'grid' or 'menu'. */
  "CREATE TABLE board (" SYNC_COLUMNS
  " unit_uuid TEXT, classroom_uuid TEXT, title TEXT NOT NULL DEFAULT '',"
  " layout TEXT NOT NULL DEFAULT 'grid', n_rows INTEGER NOT NULL DEFAULT 3,"
  " n_cols INTEGER NOT NULL DEFAULT 3, picks_required INTEGER NOT NULL DEFAULT 3,"
  " three_in_row INTEGER NOT NULL DEFAULT 0, max_per_row INTEGER NOT NULL DEFAULT 0,"
  " max_per_col INTEGER NOT NULL DEFAULT 0);"

  /* learner_uuid NULL: the whole class. */
  "CREATE TABLE board_assignment (" SYNC_COLUMNS
  " board_uuid TEXT NOT NULL, classroom_uuid TEXT, learner_uuid TEXT);"

  /* section: 'grid', 'must' or 'may'. */
  "CREATE TABLE choice_option (" SYNC_COLUMNS
  " board_uuid TEXT NOT NULL, title TEXT NOT NULL DEFAULT '', description TEXT,"
  " format TEXT, tier INTEGER NOT NULL DEFAULT 2, grouping TEXT NOT NULL DEFAULT 'solo',"
  " minutes INTEGER NOT NULL DEFAULT 0, tags TEXT, grid_row INTEGER NOT NULL DEFAULT 0,"
  " grid_col INTEGER NOT NULL DEFAULT 0, required INTEGER NOT NULL DEFAULT 0,"
  " section TEXT NOT NULL DEFAULT 'grid');"

  "CREATE TABLE option_standard (" SYNC_COLUMNS
  " option_uuid TEXT NOT NULL, standard_uuid TEXT NOT NULL);"

  /* status: 'chosen', 'in-progress', 'submitted', 'assessed'. */
  "CREATE TABLE pick (" SYNC_COLUMNS
  " learner_uuid TEXT NOT NULL, option_uuid TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'chosen',"
  " chosen_at TEXT, status_at TEXT);"

  /* status: 'active', 'met', 'revised', 'dropped'. */
  "CREATE TABLE goal (" SYNC_COLUMNS
  " learner_uuid TEXT NOT NULL, body TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'active',"
  " standard_uuid TEXT, milestone_uuid TEXT, set_on TEXT, target_on TEXT, revises_uuid TEXT);"

  "CREATE TABLE checkin (" SYNC_COLUMNS
  " learner_uuid TEXT NOT NULL, goal_uuid TEXT, week_of TEXT NOT NULL, checked_at TEXT,"
  " progress INTEGER NOT NULL DEFAULT 0, worked TEXT, hard TEXT, strategy TEXT, help_needed TEXT,"
  " teacher_note TEXT, next_step TEXT, markers TEXT, reflection TEXT,"
  " by_learner INTEGER NOT NULL DEFAULT 0);"

  "CREATE TABLE rubric (" SYNC_COLUMNS
  " classroom_uuid TEXT, title TEXT NOT NULL DEFAULT '', description TEXT);"

  "CREATE TABLE criterion (" SYNC_COLUMNS
  " rubric_uuid TEXT NOT NULL, title TEXT NOT NULL DEFAULT '', standard_uuid TEXT,"
  " position INTEGER NOT NULL DEFAULT 0);"

  "CREATE TABLE level (" SYNC_COLUMNS
  " rubric_uuid TEXT NOT NULL, title TEXT NOT NULL DEFAULT '', points REAL NOT NULL DEFAULT 0,"
  " min_points REAL, max_points REAL, position INTEGER NOT NULL DEFAULT 0);"

  "CREATE TABLE descriptor (" SYNC_COLUMNS
  " criterion_uuid TEXT NOT NULL, level_uuid TEXT NOT NULL, body TEXT NOT NULL DEFAULT '');"

  /* Immutable: a correction is a new row whose supersedes_uuid names the
   * row it replaces. assessed_at orders evidence for roll-ups. */
  "CREATE TABLE evidence (" SYNC_COLUMNS
  " learner_uuid TEXT NOT NULL, standard_uuid TEXT, criterion_uuid TEXT,"
  " score REAL NOT NULL, scale_max REAL NOT NULL DEFAULT 4, assessed_at TEXT NOT NULL,"
  " source TEXT NOT NULL DEFAULT 'manual', source_uuid TEXT, comment TEXT,"
  " supersedes_uuid TEXT, minutes_spent INTEGER NOT NULL DEFAULT 0);"

  "CREATE TABLE grade_override (" SYNC_COLUMNS
  " learner_uuid TEXT NOT NULL, standard_uuid TEXT NOT NULL, classroom_uuid TEXT,"
  " value REAL, reason TEXT NOT NULL DEFAULT '');"

  /* A class's calculation method for one standard, overriding the class's
   * own (classroom.mastery_method); the uuid is derived from the class and
   * the standard so that two devices setting it meet. */
  "CREATE TABLE standard_method (" SYNC_COLUMNS
  " classroom_uuid TEXT NOT NULL, standard_uuid TEXT NOT NULL, method TEXT NOT NULL,"
  " param REAL);"

  /* What the teacher did with an engine suggestion ('accepted'/'dismissed');
   * signature identifies the suggestion's reasons so a dismissed one only
   * returns when something changed. */
  "CREATE TABLE suggestion_decision (" SYNC_COLUMNS
  " learner_uuid TEXT NOT NULL, option_uuid TEXT, kind TEXT NOT NULL DEFAULT 'option',"
  " decision TEXT NOT NULL, signature TEXT, decided_at TEXT);"

  "CREATE INDEX classroom_school ON classroom (school_uuid);"
  "CREATE INDEX learner_source ON learner (source_id);"
  "CREATE INDEX enrollment_classroom ON enrollment (classroom_uuid, learner_uuid);"
  "CREATE INDEX enrollment_learner ON enrollment (learner_uuid);"
  "CREATE UNIQUE INDEX profile_field_learner ON profile_field (learner_uuid, field);"
  "CREATE INDEX note_learner ON note (learner_uuid, noted_at);"
  "CREATE INDEX standard_framework ON standard (framework_uuid, position);"
  "CREATE INDEX standard_parent ON standard (parent_uuid);"
  "CREATE INDEX standard_link_from ON standard_link (from_uuid);"
  "CREATE INDEX unit_classroom ON unit (classroom_uuid);"
  "CREATE INDEX unit_standard_unit ON unit_standard (unit_uuid);"
  "CREATE INDEX milestone_unit ON milestone (unit_uuid, position);"
  "CREATE INDEX milestone_progress_learner ON milestone_progress (learner_uuid, milestone_uuid);"
  "CREATE INDEX board_unit ON board (unit_uuid);"
  "CREATE INDEX board_assignment_board ON board_assignment (board_uuid);"
  "CREATE INDEX choice_option_board ON choice_option (board_uuid);"
  "CREATE INDEX option_standard_option ON option_standard (option_uuid);"
  "CREATE INDEX pick_learner ON pick (learner_uuid);"
  "CREATE INDEX pick_option ON pick (option_uuid);"
  "CREATE INDEX goal_learner ON goal (learner_uuid);"
  "CREATE INDEX checkin_learner ON checkin (learner_uuid, week_of);"
  "CREATE INDEX criterion_rubric ON criterion (rubric_uuid, position);"
  "CREATE INDEX level_rubric ON level (rubric_uuid, position);"
  "CREATE INDEX descriptor_criterion ON descriptor (criterion_uuid);"
  "CREATE INDEX evidence_learner ON evidence (learner_uuid, standard_uuid, assessed_at);"
  /* Roll-ups skip superseded evidence: finding a row's correction is a lookup. */
  "CREATE INDEX evidence_supersedes ON evidence (supersedes_uuid) WHERE supersedes_uuid IS NOT NULL;"
  "CREATE INDEX grade_override_learner ON grade_override (learner_uuid, standard_uuid);"
  "CREATE INDEX standard_method_classroom ON standard_method (classroom_uuid);"
  "CREATE INDEX suggestion_decision_learner ON suggestion_decision (learner_uuid);"

  /* Evidence and notes are append-only: only the tombstone flag may change. */
  "CREATE TRIGGER evidence_immutable BEFORE UPDATE ON evidence"
  " WHEN NEW.learner_uuid IS NOT OLD.learner_uuid OR NEW.standard_uuid IS NOT OLD.standard_uuid"
  "   OR NEW.criterion_uuid IS NOT OLD.criterion_uuid OR NEW.score IS NOT OLD.score"
  "   OR NEW.assessed_at IS NOT OLD.assessed_at OR NEW.comment IS NOT OLD.comment"
  "   OR NEW.supersedes_uuid IS NOT OLD.supersedes_uuid"
  " BEGIN SELECT RAISE (ABORT, 'evidence is immutable: record a correction instead'); END;"
  "CREATE TRIGGER note_immutable BEFORE UPDATE ON note"
  " WHEN NEW.body IS NOT OLD.body OR NEW.learner_uuid IS NOT OLD.learner_uuid"
  "   OR NEW.noted_at IS NOT OLD.noted_at OR NEW.supersedes_uuid IS NOT OLD.supersedes_uuid"
  " BEGIN SELECT RAISE (ABORT, 'notes are append-only: add a new version instead'); END;";

/* Version 2: indexes for the weekly views. The dashboard and the check-in
 * view look up goals by milestone, milestone progress by milestone, and
 * picks by status when they count engagement. */
static const char migration_2[] =
  "CREATE INDEX goal_milestone ON goal (milestone_uuid) WHERE milestone_uuid IS NOT NULL;"
  "CREATE INDEX milestone_progress_milestone ON milestone_progress (milestone_uuid, status);"
  "CREATE INDEX pick_status ON pick (status, status_at);";

/* Version 3: n-mastery's mastery level beside its n, for a class and for
 * one standard (0: the default, 3); and overrides that keep their
 * history: a new override of a cell supersedes the one before instead of
 * replacing it, and taking an override away is a row too (removed = 1),
 * so the reasons a cell was overridden stay readable. */
static const char migration_3[] =
  "ALTER TABLE classroom ADD COLUMN mastery_level REAL NOT NULL DEFAULT 0;"
  "ALTER TABLE standard_method ADD COLUMN mastery_level REAL NOT NULL DEFAULT 0;"
  "ALTER TABLE grade_override ADD COLUMN supersedes_uuid TEXT;"
  "ALTER TABLE grade_override ADD COLUMN set_at TEXT;"
  "ALTER TABLE grade_override ADD COLUMN removed INTEGER NOT NULL DEFAULT 0;"
  "CREATE INDEX grade_override_supersedes ON grade_override (supersedes_uuid)"
  " WHERE supersedes_uuid IS NOT NULL;";

/* Version 4: the dated history of each goal's status, one append-only row per
 * change (set, met, revised, dropped, active again). A goal from before
 * has no rows: it was active from its set_on to whatever status it has. */
static const char migration_4[] =
  "CREATE TABLE goal_status (" SYNC_COLUMNS
  " goal_uuid TEXT NOT NULL, status TEXT NOT NULL, changed_on TEXT NOT NULL, note TEXT);"
  "CREATE INDEX goal_status_goal ON goal_status (goal_uuid, changed_on);"
  "CREATE TRIGGER goal_status_immutable BEFORE UPDATE ON goal_status"
  " WHEN NEW.goal_uuid IS NOT OLD.goal_uuid OR NEW.status IS NOT OLD.status"
  "   OR NEW.changed_on IS NOT OLD.changed_on OR NEW.note IS NOT OLD.note"
  " BEGIN SELECT RAISE (ABORT, 'goal status changes are append-only: add a new one instead'); END;";

/* Version 5: when a learner's record and each profile field were last
 * edited, as a date that syncs with the row. "Not updated for six weeks"
 * was read from the clock, which is no calendar: it moves past every clock
 * a bundle brings, and it may not be set back to date a row. The store
 * stamps the column on every save; rows written before take the physical
 * time of their clock, which is what the views showed until now. */
static const char migration_5[] =
  "ALTER TABLE learner ADD COLUMN edited_at TEXT;"
  "ALTER TABLE profile_field ADD COLUMN edited_at TEXT;"
  "UPDATE learner SET edited_at = strftime ('%Y-%m-%dT%H:%M:%SZ', (updated_hlc >> 16) / 1000, 'unixepoch')"
  " WHERE updated_hlc > 0;"
  "UPDATE profile_field SET edited_at = strftime ('%Y-%m-%dT%H:%M:%SZ', (updated_hlc >> 16) / 1000, 'unixepoch')"
  " WHERE updated_hlc > 0;";

static const char *migrations[] = {
  NULL,
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
};

static const char * const synced_tables[] = {
  "school", "classroom", "learner", "enrollment", "profile_field", "note",
  "framework", "standard", "standard_link", "unit", "unit_standard", "milestone", "milestone_progress",
  "board", "board_assignment", "choice_option", "option_standard", "pick",
  "goal", "goal_status", "checkin", "rubric", "criterion", "level", "descriptor", "evidence",
  "grade_override", "suggestion_decision", "standard_method",
  NULL
};

guint
pl_schema_current_version (void)
{
  return G_N_ELEMENTS (migrations) - 1;
}

const char *
pl_schema_migration (guint version)
{
  g_return_val_if_fail (version >= 1 && version < G_N_ELEMENTS (migrations), NULL);
  return migrations[version];
}

const char * const *
pl_schema_synced_tables (void)
{
  return synced_tables;
}

gboolean
pl_schema_table_is_append_only (const char *table)
{
  return g_strcmp0 (table, "evidence") == 0 || g_strcmp0 (table, "note") == 0 ||
         g_strcmp0 (table, "goal_status") == 0;
}

gboolean
pl_schema_table_is_synced (const char *table)
{
  for (guint i = 0; synced_tables[i] != NULL; i++)
    if (g_strcmp0 (synced_tables[i], table) == 0)
      return TRUE;
  return FALSE;
}
