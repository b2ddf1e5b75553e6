# tools/claims_score: the measure checks itself (every gold story scored as
# its own system is perfect, and swapping subjects lowers value-subject
# accuracy), a drifted evidence fragment is reported by name and fails the
# run, the test split's errors stay hidden without --final, and the dev
# figures do not fall below this tree's (a regression gate on a dev set,
# not the issue's goals: see the README).
source "$(dirname "$0")/lib.bash"
CS="$(dirname "$SL")/tools/claims_score"
[[ -x "$CS" ]] || fail "no $CS (build the claims_score target)"
GOLD="$SRC/eval/claims"

"$CS" --gold "$GOLD" --root "$SRC" --self-check > "$TMP/self.txt" || { cat "$TMP/self.txt"; fail "self-check"; }
grep -q '^self-check passed$' "$TMP/self.txt" || fail "self-check did not pass"
[[ $(grep -c 'gold as system perfect, swapped subjects score lower' "$TMP/self.txt") -ge 138 ]] ||
  fail "fewer than 138 stories self-checked"

# A fragment that is no longer in its article is a gold problem: exit 1.
mkdir "$TMP/drift"
/usr/bin/python3 - "$GOLD/kestrel-fire.json" "$TMP/drift/kestrel-fire.json" <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))
g["facts"][0]["values"][0]["evidence"][0] = "words no article holds"
json.dump(g, open(sys.argv[2], "w"))
PY
set +e; "$CS" --gold "$TMP/drift" --root "$SRC" > /dev/null 2> "$TMP/drift.err"; code=$?; set -e
[[ $code -eq 1 ]] || fail "drifted gold: exit $code (wanted 1)"
grep -q 'words no article holds' "$TMP/drift.err" || fail "drifted fragment not named"

# The test split's errors are not listed without --final.
"$CS" --gold "$GOLD" --root "$SRC" --split test --errors > "$TMP/test.txt" 2> "$TMP/test.err" || fail "test split run"
grep -qE '^  (false conflict|missed conflict|wrong subject):' "$TMP/test.txt" && fail "test-split errors listed"
grep -q 'not listed without --final' "$TMP/test.err" || fail "no notice that test errors are hidden"

# Dev figures as this tree reaches them, less a margin: a change that makes
# conflicts less trustworthy or rarer fails here.
"$CS" --gold "$GOLD" --root "$SRC" --split dev --json > "$TMP/dev.json" || fail "dev run"
/usr/bin/python3 - "$TMP/dev.json" <<'PY' || fail "dev figures fell"
import json, sys
t = json.load(open(sys.argv[1]))["total_dev"]
# 19 dev stories (eight of them written 2026-12-06 and scored once as new before
# rules changed for them; the four of the fourth round lowered recall and raised
# trap violations: they were added, not made worse). Fifth round (matching one
# fact across outlets' wordings): recall 0.632 -> 0.698, precision 0.985 -> 0.974.
# Sixth round: six blind stories joined dev (25 stories; as new they scored
# conflicts P 0.286 R 0.200, so the totals fell by their addition); end of the
# round P 0.933 R 0.610, value-subject 0.784, 20 trap violations. Seventh
# round: six more blind stories (31; as new P 0.647 R 0.324); end of the round
# P 0.924 R 0.571, value-subject 0.785, 23 trap violations. Eighth round:
# six blind stories joined dev (37; as new P 0.538 R 0.194, so the totals
# fell by their addition: P 0.881 R 0.505, value-subject 0.754, 33 traps);
# end of the round P 0.935 R 0.626, value-subject 0.767, 29 trap violations.
# Tenth round: four blind stories joined dev (41; as new P 0.750 R 0.290, so
# the totals fell by their addition: P 0.920 R 0.582, value-subject 0.755,
# 35 traps); end of the round P 0.933 R 0.586, value-subject 0.760, 32 traps.
# Eleventh round: four more blind dev stories (45; scored once as new at the
# end of the session, P 0.800 R 0.258): P 0.925 R 0.549, value-subject 0.753,
# 35 traps.
# Twelfth round: four blind dev stories (49; as new P 0.733 R 0.333, so the
# totals fell by their addition: P 0.916 R 0.545, value-subject 0.744, 37
# traps, with the session's tally rule already in). End of the round (sums
# named by their verb and the thing its subject names, rounded sums, jobs
# that go at an organisation): P 0.922 R 0.551, value-subject 0.741, 37 traps;
# with year ranges, days of what happens once, names written by ear and more
# figure rules: P 0.948 R 0.601, value-subject 0.748, 36 traps. Years and
# dates (relative clauses after a name, the year a post was taken up, a sum
# beside a year, a winner before its object, irregular participles): P 0.949
# R 0.615, value-subject 0.753, 36 traps.
# Thirteenth round, shares written as fractions ("a quarter of the homes",
# "four in ten"): one trap more ("nearly a third of the workforce" cut is
# given to the story's event, where the gold has the job cuts as a thing of
# their own).
# With the thirteenth round's four dev stories (53), roles and media of one
# kind, times of day and the merged rules: P 0.956 R 0.654, value-subject
# 0.769, 37 traps. Values both sides state but the view left apart (one
# number in other words, a tally's owner, counts beside one other figure,
# jobs and people, one subject's date under two event words): P 0.957
# R 0.666, value-subject 0.771, 37 traps, agreement recall 0.381 -> 0.405.
# Entity layer (organisations typed by what only a firm's name takes, short
# forms, a surname shared by a founder and the firm): P 0.957 R 0.666,
# value-subject 0.769, 39 traps. Two more traps: in pellmore-bid Kestrane is
# now an organisation, so its own share fall and workforce become its claims,
# and "the company" (rightly Kestrane in that sentence) is also a gold alias of
# Pellmore, so the scorer counts them against Pellmore (the gold has no
# Kestrane facts for them); in loftwick-cartel "Granmere" is now found beside
# "Granmere Aggregates", and the possessor rule gives it the plant's 60 staff.
# Fourteenth round: four blind dev stories (57; as new P 0.765 R 0.394, so the
# totals fell by their addition: P 0.943 R 0.630, value-subject 0.764, 39
# traps, with the session's pence and per-share rules already in). Percent
# changes in the present tense and "cut by" show the bus-subsidy cut's 37 vs
# 42 per cent, a gold conflict, on the story's event where the gold names the
# subsidy: the scorer counts it false. With the session's quantity, role,
# pairing and entity rules merged: P 0.953 R 0.658, value-subject
# 0.769, 41 traps, agreement recall 0.416. Dates of events still to come
# ("would resume on Thursday", "lapses on December 11", "a hearing set for
# September 6"), a byline without a full stop no lede, a label noun's number
# no count ("type 2 diabetes"): P 0.953 R 0.658, value-subject 0.769, 40
# traps, agreement recall 0.427.
# Fifteenth round: four blind dev stories (61; as new P 0.438 R 0.194, traps
# 7/83, so the totals fell by their addition: P 0.930 R 0.619, value-subject
# 0.761, 47 traps, agreement recall 0.417, with the appearance-year rule
# already in). Parts, totals with charges, possessors of a copula's subject,
# pairs of ages, one article's two unowned years, rank "chief", "-ing" role
# modifiers, a conjunction's clause: P 0.948 R 0.631, value-subject 0.764,
# 42 traps, agreement recall 0.419. With the thing a figure no one owns
# measures (Quantity::thing: "a restoration appeal with a target of £5.4m")
# and one count in other wordings (an unowned count beside its one owner's
# name, counts of one noun one listed event befell, customers / passengers)
# merged: P 0.970 R 0.651, value-subject 0.774, 41 traps, agreement recall
# 0.419. Sixteenth round: four blind dev stories (65; as new P 0.909 R 0.312,
# traps 3/80): P 0.968 R 0.626, value-subject 0.768, 43 traps, agreement
# recall 0.411. A national or sector statistic is no figure of the story's
# event ("kills around 30 people a year in the country"): 37 traps. A
# clause "when" opens right after an earlier year tells of that year's event
# ("since 1998, when 72 whales came ashore"): 34 traps. A place's population
# ("the city of 210,000 people") is nobody's: 33 traps.
# Descriptions and names of the entity linker (an occupation of another
# field, gender agreement, a shared surname, saints' and towns' names, a
# first name after a role): value-subject 0.772, agreement recall 0.411.
# Values ten times apart are two figures, a second predicate's passive
# payee, and the figures the quantity layer used to miss (intensifiers,
# money ranges written once, "the number of X", "worth") merged: P 0.975
# R 0.628, value-subject 0.772, 33 traps, agreement recall 0.411.
# Merged the same session: figures the quantity layer missed (the level a change reached, units of
# time in capitals, "at the age of", counts hyphened to any noun, share
# prices, sums restated in brackets, "a hundred", "a dozen"; on the 65 dev
# stories before the seventeenth round: P 0.975 R 0.633, agreement recall 0.417).
# Merged the same session: roles, names and media (first names that sound alike or surnames a final
# "s" apart with a shared role, a knighthood, title-case titles, "chaired
# by", grades of one occupation, an email against a statement, trades as
# role heads, a reported clause's subject before a participle; on the 65
# dev stories before the seventeenth round: P 0.976 R 0.647, agreement recall 0.414).
# Seventeenth round: eight blind dev stories (73; as new P 0.594 R 0.284,
# traps 8/144, so the totals fell by their addition: P 0.936 R 0.583,
# value-subject 0.764, 41 traps, agreement recall 0.401). A running total
# ("8,400 homes have been destroyed", "rose to 587") holds on its article's
# day: P 0.945 R 0.583, 39 traps, agreement recall 0.402. A sum right after
# a participle or an auxiliary, a value changed from another outlet's, a
# receiver's sums, "passed £400m", "not yet", the helpers' rounds merged:
# P 0.962 R 0.606, value-subject 0.770, 38 traps, agreement recall 0.411.
# A revision of a count given before ("more than it first reported") holds
# from its day, and the review's fixes: P 0.965 R 0.608, 37 traps. "three
# tickets totalling £210" is what they came to in all: P 0.968, agreement
# recall 0.412. Values on the right subject: relative clauses of possession
# and of a named place, limits and targets no one holds, a distance beside
# a name, a "which"/"who" clause describing its name, an appositive age, a
# subject's aside dated by its verb, a possessor's span: value-subject
# 0.770 -> 0.777, 37 -> 31 traps, agreement recall 0.413.
# Eighteenth round: eight blind dev stories (81; as new P 0.667 R 0.424,
# value-subject 0.712, traps 13/187, agreement recall 0.398, so the totals
# fell by their addition: P 0.933 R 0.587, value-subject 0.764, 50 traps,
# agreement recall 0.410). Parts listed after "made up of", an election's
# tally, a thing's size in a relative clause, "club captain", a count "by"
# a day, changes of different things, an earlier month's "when" clause,
# follow-ups a week or more later a later stage, with the round on values'
# subjects merged: P 0.960 R 0.591, value-subject 0.773, 41 traps,
# agreement recall 0.413. A rule's bound ("within five kilometres of",
# "faces up to five years"): 39 traps.
# A day's verb said of a thing names it ("a report published
# on Wednesday"), and "died" puts a yearless date behind: value-subject
# 0.772, agreement recall 0.412 (490). Ranks of a coroner: R 0.610.
# (helper c19a, on the 81) Values extracted but not set against each other
# (two ranges with different
# ends, "some 3,400" against 3,100, a margin dated to its day, a thing named
# by its head noun, a thing's count, a follow-up's figure at the event's
# moment, "which covers"): P 0.960 -> 0.961 R 0.592 -> 0.603, 39 -> 38 traps.
# Nineteenth round: four blind dev stories (85; as new P 0.667 R 0.343,
# value-subject 0.668, traps 7/64, agreement recall 0.362, so the totals
# fell by their addition: P 0.946 R 0.578, value-subject 0.769, 46 traps,
# agreement recall 0.412).
# Merged with c19a (85): P 0.947 R 0.589, value-subject 0.769, 45 traps,
# agreement recall 0.413.
# (helper c19b, on the 81) Stated values never extracted (a compound measure before a
# name, "dates from", "The 53-year-old" past a sentence naming no one, a tally
# after "passed", "All 610 of the airline's employees", a thing begins once,
# "Cllr", "Rev" and "Canon"): P 0.960 -> 0.964, R 0.592 -> 0.608 (337 -> 346
# of 569), value-subject 0.775, agreement recall 0.414 -> 0.416.
# Merged with c19b (85): P 0.951 R 0.604, value-subject 0.770, 45 traps,
# agreement recall 0.414. With c19c's real-news comparison rules merged
# (a count whose clause names a person is that person's, but a contest's
# margin stays the contest's): the same.
# Media and roles (c19d: a person's apology on two media in one news cycle,
# an email is no interview, posts of one kind): P 0.951 R 0.616,
# value-subject 0.770, 45 traps, agreement recall 0.414 (with one head of government named by its country
# or its party one office, not two posts of one kind).
# Twentieth round: four blind dev stories (89; as new P 0.769 R 0.294,
# value-subject 0.707, traps 2/81, agreement recall 0.291, so the totals
# fell by their addition: P 0.946 R 0.599, value-subject 0.768, 47 traps,
# agreement recall 0.409).
# (helper c20b, on the 81; the four newest dev stories kept as a check set) Stated
# values never extracted (the level a change reached past its size or start, a
# part of a given whole and its whole, a duration after a named place, a sum
# restated after its noun): P 0.951 -> 0.954 (a whole no longer set against a
# total), R 0.616, value-subject 0.770 -> 0.771, 45 traps, agreement recall 0.414.
# Merged with c20b (89): P 0.948 R 0.599, value-subject 0.768, 47 traps, agreement recall 0.409.
# (helper c20c, on the 85 before the twentieth round) Claims recall by matching (c20c: a short name another article gives an
# organisation, a sum's owner named in its clause, a named thing's figure
# against the event's): P 0.952 R 0.623, value-subject 0.771, 45 traps,
# agreement recall 0.416.
# Merged with c20c (89): P 0.948 R 0.605, value-subject 0.769, 47 traps, agreement recall 0.411.
# (helper c20a, on the 85 before the twentieth round: real-news comparison rules: an article listing
# a measure's values, the minutes of a clock time, a number of a name, a
# length of what goes on, one person's two dates of an event, a sentence
# stating the other outlet's value too): P 0.951 -> 0.956, 45 -> 44 traps.
# Merged with c20a (89): P 0.953 R 0.605, value-subject 0.769, 46 traps, agreement recall 0.411.
# Twenty-first round: four blind dev stories (93; as new P 0.667 R 0.381,
# value-subject 0.668, traps 3/89, agreement recall 0.286, so the totals
# fell by their addition: P 0.945 R 0.598, value-subject 0.765, 49 traps,
# agreement recall 0.406).
# (helper c21a, on the 85; the four newest dev stories kept as a check set) Owners of
# sums through the clause (a verb of having past a relative aside, a sum joined to an
# owned one, "said it", "puts X's N at", "of X" after a sum's noun, "the trust" for the
# one organisation so named, a passive payment's subject past an aside): value-subject
# 0.7715 -> 0.7757, traps 44 -> 43, agreement recall 0.416 -> 0.420, P 0.959 R 0.623 held.
# On the 89: P 0.953 R 0.605, value-subject 0.773, 45 traps, agreement recall 0.415.
# (helper c21b, on the 89) The grouper matches a long name one edit apart (a tabloid's
# misspelt founder no longer starts a story of its own): P 0.953 (387/406)
# R 0.605 -> 0.607, value-subject 0.769, 46 traps, agreement recall 0.411 -> 0.412.
# Merged with c21a, c21b, c21c, t21a and q21a (93): P 0.945 (395/418) R 0.599,
# value-subject 0.770, 48 traps, agreement recall 0.411.
checks = [("conflict_precision", 0.944), ("conflict_recall", 0.599),
          ("value_subject_accuracy", 0.769), ("agreement_recall", 0.410)]
bad = [f"{k} {t[k]:.3f} < {v}" for k, v in checks if t[k] < v]
if t["trap_violations"] > 48:
    bad.append(f"trap violations {t['trap_violations']} > 48")
print("\n".join(bad) or "dev figures ok")
sys.exit(1 if bad else 0)
PY
echo ok
