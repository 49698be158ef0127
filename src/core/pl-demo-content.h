/* pl-demo-content.h — what the demo school is made of: names, interests,
 * standards, the choice board, milestones, check-in phrases
 *
 * Included by pl-demo-private.h only; the tables are static so that
 * G_N_ELEMENTS works on them, and constant all through, so that a demo
 * file using only some of them is not warned about the others.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

typedef struct
{
  const char *name;
  const char *pronouns;
} GivenName;

static const GivenName given_names[] = {
  { "Amara", "she/her" }, { "Mateo", "he/him" }, { "Aiyana", "she/her" }, { "Kenji", "he/him" },
  { "Zainab", "she/her" }, { "Liam", "he/him" }, { "Priya", "she/her" }, { "Oluwaseun", "he/him" },
  { "Sofia", "she/her" }, { "Dmitri", "he/him" }, { "Mei", "she/her" }, { "Tariq", "he/him" },
  { "Ingrid", "she/her" }, { "Kwame", "he/him" }, { "Lucía", "she/her" }, { "Arjun", "he/him" },
  { "Noa", "they/them" }, { "Hana", "she/her" }, { "Mohammed", "he/him" }, { "Ava", "she/her" },
  { "Tomasz", "he/him" }, { "Leilani", "she/her" }, { "Emeka", "he/him" }, { "Yuki", "they/them" },
  { "Fatima", "she/her" }, { "Diego", "he/him" }, { "Anh", "she/her" }, { "Elijah", "he/him" },
  { "Saoirse", "she/her" }, { "Ravi", "he/him" }, { "Nia", "she/her" }, { "Juan Pablo", "he/him" },
  { "Chloé", "she/her" }, { "Hamza", "he/him" }, { "Aroha", "she/her" }, { "Bao", "he/him" },
  { "Olga", "she/her" }, { "Kofi", "he/him" }, { "Isabela", "she/her" }, { "Wiremu", "he/him" },
  { "Layla", "she/her" }, { "Sven", "he/him" }, { "Ximena", "she/her" }, { "Jun", "he/him" },
  { "Ayaan", "he/him" }, { "Freya", "she/her" }, { "Tenzin", "they/them" }, { "Adaeze", "she/her" },
  { "Malik", "he/him" }, { "Ana Lucía", "she/her" }, { "Hiroshi", "he/him" }, { "Esra", "she/her" },
  { "Rowan", "they/them" }, { "Kateryna", "she/her" }, { "Samir", "he/him" }, { "Thandiwe", "she/her" },
  { "Luca", "he/him" }, { "Marisol", "she/her" }, { "Dawit", "he/him" }, { "Siobhan", "she/her" },
  { "Nikhil", "he/him" }, { "Simón", "he/him" }, { "Yara", "she/her" }, { "Chayton", "he/him" },
  { "Min-jun", "he/him" }, { "Jiwoo", "she/her" }, { "Elif", "she/her" }, { "Omar", "he/him" },
  { "Paloma", "she/her" }, { "Rangi", "he/him" }, { "Sakura", "she/her" }, { "Ife", "they/them" },
};

static const char *const family_names[] = {
  "Okafor", "García", "Nakamura", "Haddad", "O'Brien", "Sharma", "Nguyen", "Kowalski",
  "Mensah", "Rossi", "Ivanova", "Chen", "Hernández", "Adeyemi", "Lindqvist", "Rahman",
  "Tanaka", "Silva", "Begay", "Kaur", "Müller", "Abebe", "Kim", "Dubois", "Yılmaz",
  "Papadopoulos", "Ngata", "Santos", "Mahlangu", "Novak", "Cohen", "Al-Sayed", "Park",
  "Fernández", "Osei", "Bianchi", "Petrenko", "Wong", "Jovanović", "Tremblay", "Baptiste",
  "Hussain", "Moreau", "Eriksen", "Oyelaran", "Castillo", "Takahashi", "Farouk", "Walker",
  "Le", "Quispe", "Dlamini", "Mirza", "Sato", "Kelly", "Ahmadi", "Ruiz", "Tshabalala",
  "Horvath", "Morningstar", "Patel", "Gonzaga", "Bergström", "Achieng", "Mendoza", "Zhou",
};

static const char *const interests[] = {
  "soccer", "drawing manga", "coding games", "cooking with family", "basketball",
  "music production", "dance", "skateboarding", "fantasy novels", "animals and pets",
  "gardening", "chess", "photography", "building with LEGO", "video editing", "fishing",
  "volunteering", "swimming", "theatre", "robotics", "choir", "cricket", "baking",
  "astronomy", "fashion design", "martial arts", "bird watching", "rock climbing",
};

static const char *const strengths[] = {
  "asks great questions", "patient with peers", "strong visual thinker",
  "persistent with hard problems", "clear oral explanations", "careful with measurements",
  "creative problem solver", "organised note-taker", "leads group work well",
  "spots patterns quickly", "writes detailed observations", "helps classmates",
};

static const char *const needs[] = {
  "chunked instructions", "extra time on written tasks", "vocabulary support",
  "reminders to check in", "a quiet place to work", "help starting long tasks",
  "sentence starters for writing", "movement breaks", "a visual schedule",
  "practice reading graphs", "confidence speaking in groups",
};

static const char *const preferences[] = {
  "reading", "video", "hands-on", "discussion", "writing", "drawing",
};

static const char *const personal_goals[] = {
  "Hand in every milestone on time",
  "Explain my thinking out loud in group work",
  "Reach Proficient on conservation of mass",
  "Ask for help earlier when I am stuck",
  "Use evidence in every explanation I write",
  "Try a tier-3 option this unit",
  "Keep my science notebook organised every week",
};

static const char *const experiences[] = {
  "helps at the family restaurant", "plays in a weekend football club",
  "looks after younger siblings after school", "goes to a weekend language school",
  "volunteers at the animal shelter", "grew up on a farm", "member of a coding club",
  "sings in a community choir", "spent the summer with grandparents abroad",
  "builds furniture with a parent", "member of the scouts",
  "works at the family market stall on Saturdays", "fixes bikes with a neighbour",
};

static const char *const home_languages[] = {
  "Spanish", "Arabic", "Mandarin", "Vietnamese", "Somali", "Hindi", "Portuguese",
  "Ukrainian", "Tagalog", "Polish", "Yoruba", "Korean", "French", "Amharic", "Farsi",
  "Cree", "Te reo Māori", "Japanese", "Turkish", "Swahili",
};

typedef struct
{
  const char *code;
  const char *short_title;
  const char *statement;
  const char *verb;        /* rubric descriptors: "… to <verb>" */
  double      difficulty;  /* lowers the expected score */
} StandardSpec;

static const StandardSpec standard_specs[] = {
  { "SCI.7.1", "Particle models",
    "Develop models that describe how atoms combine into simple molecules and extended structures.",
    "model how atoms combine into molecules and extended structures", 0.0 },
  { "SCI.7.2", "Evidence of reactions",
    "Analyse and interpret data on the properties of substances before and after they interact to decide whether a chemical reaction happened.",
    "use data on properties to decide whether a reaction happened", 0.1 },
  { "SCI.7.3", "Conservation of mass",
    "Use a model to show that atoms are rearranged in a chemical reaction and that mass is conserved.",
    "show that atoms are rearranged and mass is conserved", 0.35 },
  { "SCI.7.4", "Engineering design",
    "Design, test and improve a device that releases or absorbs thermal energy through a chemical process.",
    "design, test and improve a device that releases or absorbs heat", 0.2 },
  { "SCI.7.5", "Planning investigations",
    "Plan an investigation of how adding thermal energy changes particle motion, temperature and state.",
    "plan a fair investigation of heating and particle motion", 0.0 },
  { "SCI.7.6", "Scientific explanation",
    "Construct an explanation, based on evidence, of how a material's properties change when it is heated or cooled.",
    "build an evidence-based explanation of changes on heating and cooling", 0.45 },
};
#define N_STANDARDS G_N_ELEMENTS (standard_specs)

/* from is the prerequisite of to */
static const guint prerequisite_links[][2] = { { 0, 2 }, { 1, 2 }, { 4, 5 } };

typedef struct
{
  const char *title;
  const char *description;
  const char *format;
  int         tier;
  const char *grouping;
  int         minutes;
  const char *tags;
  int         standards[2];  /* -1: none */
} OptionSpec;

/* Row-major 3×3; the centre square (index 4) is required. */
static const OptionSpec option_specs[9] = {
  { "Particle comic strip", "Tell the story of a water molecule as it freezes, melts and boils, in six panels.",
    "comic", 1, "solo", 40, "drawing,reading", { 0, 4 } },
  { "Kitchen chemistry video", "Film three kitchen changes and argue which ones are chemical reactions.",
    "video", 2, "pair", 50, "video,hands-on", { 1, -1 } },
  { "Atom builder model", "Build ball-and-stick models of five molecules and one extended structure.",
    "model", 2, "solo", 45, "hands-on,drawing", { 0, 2 } },
  { "Phase change podcast", "Record a five-minute episode explaining what particles do during a change of state.",
    "podcast", 2, "pair", 45, "discussion,writing", { 4, -1 } },
  { "Conservation of mass lab", "Weigh a sealed reaction before and after and explain what you find.",
    "lab", 2, "group", 60, "hands-on,discussion", { 2, 1 } },
  { "Reaction evidence gallery", "Make a gallery poster of photos showing the signs of a chemical reaction.",
    "poster", 1, "solo", 35, "drawing,reading", { 1, -1 } },
  { "Hand-warmer design challenge", "Design and test a hand warmer that stays above 40 °C for ten minutes.",
    "design", 3, "group", 90, "hands-on,discussion", { 3, -1 } },
  { "Heating and cooling explainer", "Write an explanation, with evidence, of why a metal lid loosens in hot water.",
    "essay", 3, "solo", 50, "writing,reading", { 5, 4 } },
  { "Debate: is melting a reaction?", "Prepare and hold a structured debate using evidence from class.",
    "debate", 3, "group", 40, "discussion", { 5, 2 } },
};

/* Lines of three through the centre: a tic-tac-toe with the centre. */
static const guint centre_lines[4][2] = { { 3, 5 }, { 1, 7 }, { 0, 8 }, { 2, 6 } };

typedef struct
{
  const char *title;
  int         due_day;       /* days after the unit starts */
  const char *prompt;
  const char *reflections[3];
} MilestoneSpec;

static const MilestoneSpec milestone_specs[3] = {
  { "Particle model sketch", 11,
    "What does your model explain well, and what can it not explain yet?",
    { "My model explains why gases spread out, but not yet why some solids are hard and others soft.",
      "It shows the particles in ice, water and steam; it cannot show why salt dissolves.",
      "Drawing the spaces between particles helped; I still do not get what holds them together." } },
  { "Reaction lab report", 25,
    "Which piece of evidence convinced you most that a reaction happened? Why?",
    { "The temperature drop convinced me most, because nothing was heated or cooled from outside.",
      "The gas bubbles, because the new substance had different properties from what we started with.",
      "The colour change, but now I know a colour change alone is not always proof." } },
  { "Design challenge showcase", 39,
    "What would you change in your design with one more week, and what did testing teach you?",
    { "I would add insulation; testing showed most of the heat escaped through the top.",
      "I would use less water: our first test got hot fast but cooled in three minutes.",
      "Testing taught me to change one thing at a time, otherwise we could not tell what helped." } },
};

static const char *const level_titles[4] = { "Beginning", "Developing", "Proficient", "Exceeding" };

static const char *const worked_texts[] = {
  "Working with a partner on the lab", "Drawing the particle model first",
  "Watching the video twice", "Using the glossary", "Breaking the task into steps",
  "Asking questions at the start of the lesson", "Checking my work against the rubric",
};

static const char *const hard_texts[] = {
  "Writing the explanation", "Keeping track of the atoms", "Finishing on time",
  "Reading the temperature graph", "Knowing where to start", "Working in a noisy group",
  "Remembering the vocabulary",
};

static const char *const next_steps[] = {
  "Finish the draft of my model", "Ask for feedback on my explanation",
  "Redo the data table", "Choose my next board option", "Meet the teacher about my goal",
  "Practise the key vocabulary", "Add evidence to my lab report",
};

static const char *const strategies[] = {
  "checklist", "worked example", "peer feedback", "timer", "sketch first", "glossary",
};
