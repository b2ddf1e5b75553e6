// Tests number claims end to end: invented articles through Annotate() and
// BuildBrief(), so that what a figure measures, whose it is, how exactly it
// is stated and when it holds all come from the language layer.

#include "stories/figures.h"

#include <gtest/gtest.h>

#include <algorithm>

#include <string>
#include <vector>

#include "storyline/annotation.h"
#include "storyline/brief.h"

namespace storyline::stories {
namespace {

struct Text {
  const char* id;
  const char* published;
  const char* body;
};

Brief BriefOf(const std::vector<Text>& texts) {
  std::vector<Article> articles;
  for (const Text& t : texts) {
    Article a;
    a.id = t.id;
    a.title = "Report";
    a.published = t.published;
    a.text = t.body;
    articles.push_back(std::move(a));
  }
  return BuildBrief(AnnotateMany(articles, {}), {});
}

// The claims of every story holding `value` among their values.
std::vector<const Claim*> ClaimsWith(const Brief& b, const std::string& value) {
  std::vector<const Claim*> out;
  for (const Story& s : b.stories) {
    for (const Claim& c : s.claims) {
      for (const ClaimValue& v : c.values) {
        if (v.value == value) out.push_back(&c);
      }
    }
  }
  return out;
}

bool InConflict(const Brief& b, const std::string& value) {
  for (const Claim* c : ClaimsWith(b, value)) {
    if (c->status == "conflict") return true;
  }
  return false;
}

// What must become of a value.
enum class Expect {
  kConflict,    // shown in a conflict
  kNoConflict,  // claimed, in no conflict
  kAbsent,      // no claim at all
  kAgreed,      // claimed, in a claim other outlets' values back
  kNotAgreed,   // claimed, in no agreed claim
};

// Each case: outlets telling one story, and a value's fate.
struct Case {
  const char* name;
  std::vector<Text> texts;
  const char* value;
  Expect expect;
};

const std::vector<Case>& Cases() {
  static const std::vector<Case> kCases = {
      {"counts_of_one_event_disagree",
       {{"a", "2024-08-13", "The Brennor Pass wildfire destroyed 37 homes near Velmar on Monday, officials said."},
        {"b", "2024-08-13", "Officials said the Brennor Pass wildfire destroyed 43 homes near Velmar on Monday."}},
       "43",
       Expect::kConflict},
      // ECB+ audit: "15.5 points per game" set against "a six-game loss"
      // and "an 11-game losing streak" as counts of games.
      {"a_rate_per_thing_is_no_count_of_things",
       {{"a", "2024-03-02", "The Rovers fired coach Ada Pell on Saturday. Guard Tom Reel is averaging 15.5 points "
                            "per game for the Rovers this season."},
        {"b", "2024-03-02", "The Rovers fired coach Ada Pell on Saturday. Pell coached the Rovers to a six-game loss "
                            "to Harlan, and the Rovers won 18 of their 23 games this season."},
        {"c", "2024-03-02", "The Rovers fired coach Ada Pell on Saturday. The Rovers were on an 11-game losing "
                            "streak, their worst this season."}},
       "15.5",
       Expect::kNoConflict},
      // ECB+ audit: "19 seasons with the 76ers" set against "four seasons
      // as the team's director of personnel".
      {"a_time_in_one_post_is_not_a_careers",
       {{"a", "2024-03-02", "The Rovers fired coach Ada Pell on Saturday. Tom Reel will take over. Reel has spent "
                            "19 seasons with the Rovers."},
        {"b", "2024-03-02", "The Rovers fired coach Ada Pell on Saturday. Tom Reel will take over. Reel spent "
                            "four seasons as the team's director of scouting."}},
       "19",
       Expect::kNoConflict},
      // ECB+ audit: ships are things (lexicons/count_nouns.txt), never one
      // count with a crew ("a dozen ships and nearly 300 crewmen" / "Sixteen
      // crew were aboard").
      {"ships_are_no_crew",
       {{"a", "2024-03-02", "The navy foiled a pirate attack on Saturday. Pirates are holding about a dozen ships "
                            "and nearly 300 crewmen in safe havens on the coast."},
        {"b", "2024-03-02", "The navy foiled a pirate attack on Saturday. Sixteen crew members were aboard the "
                            "ship, said its owner."},
        {"c", "2024-03-02", "The navy foiled a pirate attack on Saturday. At least 17 of the hijacked ships and "
                            "their crew are still being held."}},
       "16",
       Expect::kNoConflict},
      {"about_a_figure_fits_the_exact_one",
       {{"a", "2024-08-13", "The Brennor Pass wildfire has burned about 1,200 hectares near Velmar, officials said."},
        {"b", "2024-08-13", "Officials said the Brennor Pass wildfire has burned 1,187 hectares near Velmar."}},
       "1187",
       Expect::kNoConflict},
      // 620 against 510 is a conflict; "about 600" beside 620 is that side
      // rounded, not a side of its own.
      {"an_approximate_value_fitting_one_side_is_no_side",
       {{"a", "2024-08-13", "The Brennor Pass wildfire destroyed 620 homes near Velmar, officials said."},
        {"b", "2024-08-13", "About 600 homes near Velmar were destroyed by the Brennor Pass wildfire."},
        {"c", "2024-08-13", "Officials said the Brennor Pass wildfire destroyed 510 homes near Velmar."}},
       "about 600",
       Expect::kNoConflict},
      {"the_exact_sides_still_conflict_without_it",
       {{"a", "2024-08-13", "The Brennor Pass wildfire destroyed 620 homes near Velmar, officials said."},
        {"b", "2024-08-13", "About 600 homes near Velmar were destroyed by the Brennor Pass wildfire."},
        {"c", "2024-08-13", "Officials said the Brennor Pass wildfire destroyed 510 homes near Velmar."}},
       "510",
       Expect::kConflict},
      {"a_range_holds_the_figure",
       {{"a", "2024-08-13", "Between 400 and 450 firefighters were deployed to the Brennor Pass wildfire."},
        {"b", "2024-08-13", "In all, 420 firefighters were deployed to the Brennor Pass wildfire."}},
       "420",
       Expect::kNoConflict},
      {"an_age_at_an_earlier_event_is_not_today's",
       {{"a", "2024-08-30", "Tobin Ravel, 26, signed for Harrowgate on Friday. Ravel made his debut in 2016, aged 18."},
        {"b", "2024-08-30", "Tobin Ravel, 26, joined Harrowgate on Friday after nine seasons."}},
       "18",
       Expect::kNoConflict},
      {"ages_at_one_dated_event_disagree",
       {{"a", "2024-08-30", "Tobin Ravel, 26, signed on Friday. Ravel made his debut in 2016, aged 18."},
        {"b", "2024-08-30", "Tobin Ravel joined Harrowgate on Friday. Ravel made his debut in 2015 as a 17-year-old."}},
       "17",
       Expect::kConflict},
      {"an_event_day_read_over_the_verb's_object",
       {{"a", "2024-10-25", "Tomas Wendt, 61, was sentenced to nine years in prison on Friday."},
        {"b", "2024-10-25", "Tomas Wendt was jailed on Thursday for defrauding investors."}},
       "2024-10-24",
       Expect::kConflict},
      {"one_family_of_event_words_dates_one_event",
       {{"a", "2023-11-08", "Mayor Ilse Brandt stepped down as mayor of Corvale on Monday."},
        {"b", "2023-11-08", "Ilse Brandt announced her resignation on Facebook on Tuesday."}},
       "2023-11-07",
       Expect::kConflict},
      {"a_year_and_a_day_of_one_event_word_are_two_events",
       {{"a", "2024-10-25", "Tomas Wendt was jailed for nine years on Friday. Wendt was jailed for 18 months in 2011."},
        {"b", "2024-10-25", "Tomas Wendt was jailed on Friday."}},
       "2011",
       Expect::kNoConflict},
      {"a_pronoun_subject_is_the_person_just_named",
       {{"a", "2024-10-25", "It was not Tomas Wendt's first conviction. He was jailed for 18 months in 2011."},
        {"b", "2024-10-25", "Tomas Wendt had a previous conviction for fraud: he was jailed for 18 months in 2012."}},
       "2012",
       Expect::kConflict},
      {"an_opening_participle_dates_the_main_subject",
       {{"a", "2024-10-25", "Founded in 1971, Marrow Foods makes soup in Harwick."},
        {"b", "2024-10-25", "Marrow Foods, founded in 1974, makes soup in Harwick."}},
       "1974",
       Expect::kConflict},
      {"a_built_thing_may_be_a_ship",
       {{"a", "2024-10-25", "The Ardmore Belle, built in 1996, ran aground off Skellan on Friday."},
        {"b", "2024-10-25", "The Ardmore Belle, built in 1998, ran aground off Skellan on Friday."}},
       "1998",
       Expect::kConflict},
      {"a_founding_year_is_the_founded_thing's",
       {{"a", "2024-10-25", "Ines Marr founded Corlyn Labs in 2015. Corlyn Labs builds drones."},
        {"b", "2024-10-25", "Ines Marr, who set up Corlyn Labs, joined the board of Pavane in 2012."}},
       "2012",
       Expect::kNoConflict},
      {"a_name_after_a_preposition_is_not_the_subject",
       {{"a", "2024-05-15", "Researchers from the University of Corvale reported the results on Tuesday."},
        {"b", "2024-05-15", "The University of Corvale runs the trial."}},
       "2024-05-14",
       Expect::kAbsent},
      {"a_statement_and_a_post_of_the_same_words_disagree",
       {{"a", "2024-05-15", "\"We will rebuild the pier,\" Ansel Vide wrote on X on Monday."},
        {"b", "2024-05-15", "Ansel Vide said in a statement: \"We will rebuild the pier.\""}},
       "statement",
       Expect::kConflict},
      {"a_statement_named_before_may_be_the_post",
       {{"a", "2024-05-15", "\"We will rebuild the pier,\" Ansel Vide wrote on X on Monday."},
        {"b", "2024-05-15", "In his statement, Ansel Vide said: \"We will rebuild the pier.\""}},
       "statement",
       Expect::kNoConflict},  // compared with nothing: a named speaker's medium one outlet gives is a fact
      {"surnames_that_sound_alike_are_one_person_spelt_two_ways",
       {{"a", "2024-10-07", "Passenger Callum Dorrie, 38, said the lights went out."},
        {"b", "2024-10-07", "Passenger Callum Dorey said he had been asleep in the lounge."}},
       "Dorey",
       Expect::kConflict},
      {"a_listing_dated_by_since_is_one_event_with_a_flotation",
       {{"a", "2024-03-11", "Pellmore Foods agreed the deal. Pellmore floated on the London stock market in 2006."},
        {"b", "2024-03-11", "Pellmore Foods has been listed on the stock market since 2008."}},
       "2008",
       Expect::kConflict},
      {"since_after_a_participle_dates_no_event",
       {{"a", "2024-03-11", "Tomas Wendt wants every contract approved since 2019 reviewed."},
        {"b", "2024-03-11", "Tomas Wendt was approved in 2018."}},
       "2019",
       Expect::kAbsent},
      {"a_year_compared_with_or_another_figure's_does_not_time_a_figure",
       {{"a", "2023-11-08", "Turnout in the Corvale election reached 38.6 per cent, the highest since 1998."},
        {"b", "2023-11-08", "Turnout in the Corvale election was nearly 39%, well above the 31% recorded in 2019."}},
       "about 39",
       Expect::kAgreed},
      {"a_day_naming_the_event_does_not_time_its_figure",
       {{"a", "2023-11-08", "Ines Marr beat Tomas Wendt by 197 votes in Tuesday's election in Corvale."},
        {"b", "2023-11-08", "Ines Marr leads Tomas Wendt by fewer than 200 votes in the Corvale election."}},
       "up to 200",
       Expect::kAgreed},
      {"users_and_accounts_count_one_thing",
       {{"a", "2024-03-12", "Hackers reached a Nimbrella server with data of about 2.3 million users."},
        {"b", "2024-03-12", "Hackers reached a Nimbrella server with data belonging to 3.2 million accounts."}},
       "3200000",
       Expect::kConflict},
      {"a_year_of_another_verb_does_not_time_a_count",
       {{"a", "2024-03-11", "Pellmore Foods, founded in Harwick in 1962, now employs 6,800 people."},
        {"b", "2024-03-11", "Pellmore Foods employs 6,412 people at six factories."}},
       "6412",
       Expect::kConflict},
      {"a_generic_sum_is_not_taken_for_a_specific_one",
       {{"a", "2024-03-11", "Kestrane Holdings will buy Pellmore Foods for £1.8 billion."},
        {"b", "2024-03-11", "Pellmore Foods will pay Kestrane Holdings a break fee of £18.4m if its board withdraws."}},
       "18400000 GBP",
       Expect::kNoConflict},
      {"an_undated_age_at_what_the_clause_says_happened_is_not_today's",
       {{"a", "2024-03-11", "Ines Marr, 51, praised the offer."},
        {"b", "2024-03-11", "Ines Marr, 49, who joined the company as a 22-year-old trainee, praised the offer."}},
       "22",
       Expect::kNoConflict},
      {"an_age_at_the_age_of_is_not_today's",
       {{"a", "2024-03-11", "Ines Marr, 51, praised the offer."},
        {"b", "2024-03-11", "Ines Marr, 51, who joined the company at the age of 22, praised the offer."}},
       "22",
       Expect::kNoConflict},
      {"ages_at_one_event_disagree",
       {{"a", "2024-03-11", "Ines Marr joined the company at the age of 24, the firm said."},
        {"b", "2024-03-11", "Ines Marr joined the company at the age of 22, the firm said."}},
       "22",
       Expect::kConflict},
      {"today's_ages_still_disagree_beside_an_earlier_one",
       {{"a", "2024-03-11", "Ines Marr, 51, praised the offer."},
        {"b", "2024-03-11", "Ines Marr, 49, who joined the company as a 22-year-old trainee, praised the offer."}},
       "49",
       Expect::kConflict},
      {"a_day_naming_the_event_dates_it",
       {{"a", "2023-11-08", "Ines Marr won Tuesday's election in Corvale by a wide margin."},
        {"b", "2023-11-08", "Ines Marr took Corvale in Tuesday's vote, the council said."}},
       "2023-11-07",
       Expect::kAgreed},
      {"a_date_in_another_clause_dates_that_clause",
       {{"a", "2024-10-25", "Tomas Wendt was jailed after the jury, which retired on Monday, returned."},
        {"b", "2024-10-25", "Tomas Wendt was jailed on Friday."}},
       "2024-10-21",
       Expect::kAbsent},
      {"a_part_is_not_its_whole",
       {{"a", "2023-10-17", "Brakemoor will close the plant, eliminating 480 of the 643 jobs at the site."},
        {"b", "2023-10-17", "Brakemoor said closing the plant would cut 520 jobs at the site."}},
       "643",
       Expect::kNoConflict},
      // A part of what happened ("six of the rocket's seven satellites had
      // made contact") is never matched with another outlet's total.
      {"a_part_of_what_happened_is_no_total",
       {{"a", "2024-03-02", "By Friday, six of the rocket's seven satellites had made contact with the ground."},
        {"b", "2024-03-02", "The rocket carried seven satellites, all of which made contact with the ground."}},
       "6",
       Expect::kNoConflict},
      {"jobs_cut_disagree",
       {{"a", "2023-10-17", "Brakemoor will close the plant, eliminating 480 of the 643 jobs at the site."},
        {"b", "2023-10-17", "Brakemoor said closing the plant would cut 520 jobs at the site."}},
       "520",
       Expect::kConflict},
      {"one_sum_in_two_currencies",
       {{"a", "2024-08-13", "Neighbouring Sarvel pledged €2 million, about $2.2 million, for firefighting aircraft."},
        {"b", "2024-08-13", "Sarvel pledged €2 million for firefighting aircraft, its government said."}},
       "about 2200000 USD",
       Expect::kNoConflict},
      {"words_in_quotation_marks_are_no_figure",
       {{"a", "2024-08-31", "\"They will spend it on two loan players,\" one reader wrote about Harrowgate."},
        {"b", "2024-08-31", "Harrowgate signed three loan players on Friday."}},
       "2",
       Expect::kAbsent},
      // A premium to the same reference disagrees, whatever day the
      // reference price is given; one to another reference does not.
      {"premium_to_the_same_price_disagrees",
       {{"a", "2026-04-20", "Corlan will pay 265 pence a share, a 41% premium to Friday's closing price of 188 pence."},
        {"b", "2026-04-20", "Corlan's offer is a 44 per cent premium to Tenby's closing price on Friday."}},
       "44",
       Expect::kConflict},
      {"premium_to_another_price_is_apart",
       {{"a", "2026-04-20", "Corlan will pay 265 pence a share, a 41% premium to Friday's closing price of 188 pence."},
        {"b", "2026-04-20", "Corlan's offer is a 45 per cent premium to Tenby's three-month average share price."}},
       "45",
       Expect::kNoConflict},
      // A crowd and an attendance count the same spectators; a record
      // "since" another year is what the figure is compared with.
      {"crowd_and_attendance_disagree",
       {{"a", "2026-05-17", "A crowd of 41,212 watched at Penmoor Park, the largest since the record was set in 1968."},
        {"b", "2026-05-17", "An attendance of 42,112 was announced at Penmoor Park, the biggest since the record of 1966."}},
       "42112",
       Expect::kConflict},
      {"admitted_is_hospitalised",
       {{"a", "2026-03-12", "Health officials said eight patients had been admitted after the outbreak in Dorvale."},
        {"b", "2026-03-12", "Ten victims have been hospitalised after the outbreak in Dorvale, officials said."}},
       "10",
       Expect::kConflict},
      // A figure in the phrase of an earlier dated event is that event's.
      {"a_figure_of_an_earlier_event_is_no_claim",
       {{"a", "2024-10-07", "It is the worst accident in the sound since the trawler Kelp Star sank in 1987 with the loss of 11 lives."},
        {"b", "2024-10-07", "Three people died when the ferry grounded on Sunday, the coastguard said."}},
       "11",
       Expect::kAbsent},
      // One fact in two outlets' words: matched across outlets by what
      // each figure measures and the words beside it (issue 11).
      {"arrests_made_and_people_arrested_disagree",
       {{"a", "2026-09-12", "Officers made 41 arrests during the rally, the force said."},
        {"b", "2026-09-12", "Riot police arrested 52 demonstrators during the rally on Saturday."}},
       "52",
       Expect::kConflict},
      {"households_cut_off_and_households_without_water_disagree",
       {{"a", "2026-02-03", "The burst main left 12,400 households without water overnight."},
        {"b", "2026-02-03", "About 9,000 households were cut off when the main burst, the water company said."}},
       "12400",
       Expect::kConflict},
      // A hole in the finances is the deficit (lexicons/measure_groups.txt).
      {"a_hole_in_the_budget_is_the_deficit",
       {{"a", "2026-03-11", "Harl Trust must close a £12.5 million hole in its budget this year, its chair said."},
        {"b", "2026-03-11", "Harl Trust expects a deficit of £15.2 million this year."}},
       "15200000 GBP",
       Expect::kConflict},
      // The same figure in other words is one fact the outlets agree on.
      {"arrests_made_and_people_arrested_agree",
       {{"a", "2026-09-12", "Officers made 41 arrests during the rally, the force said."},
        {"b", "2026-09-12", "Riot police arrested 41 demonstrators during the rally on Saturday."}},
       "41",
       Expect::kAgreed},
      // Figures further apart than outlets' disagreements are other facts.
      {"arrest_counts_far_apart_are_other_facts",
       {{"a", "2026-09-12", "Officers made 41 arrests during the rally, the force said."},
        {"b", "2026-09-12", "Since January the unit has arrested 170 suspected dealers across the county."}},
       "170",
       Expect::kNoConflict},
      // The words beside one figure are not another figure's: 41 is not
      // taken for injured officers. (Nine and seven officers injured, each
      // its article's one count of officers, disagree:
      // CountsOfOneNounThatOneEventBefellAreOneCount in claims_test.cc.)
      {"words_of_the_neighbouring_figure_are_not_its_own",
       {{"a", "2026-09-12", "Nine officers were injured and 41 protesters arrested as the rally turned violent."},
        {"b", "2026-09-12", "Seven officers were hurt, the force said."}},
       "41",
       Expect::kNoConflict},
      // A bare count beside a specific one of the same noun in its own
      // sentence counts something else.
      {"people_on_board_are_not_the_injured",
       {{"a", "2026-03-02", "A bus carrying 52 people overturned near Olvey on Sunday, injuring 9 people."},
        {"b", "2026-03-02", "Eleven people were injured when the bus overturned near Olvey on Sunday."}},
       "52",
       Expect::kNoConflict},
      // A whole is not matched with a part, nor a narrowed noun's other
      // value with the wider noun's.
      {"a_whole_is_not_the_part_in_other_words",
       {{"a", "2026-03-02", "Two of its three coaches left the road when the convoy crashed."},
        {"b", "2026-03-02", "The two leading coaches overturned when the convoy crashed."}},
       "3",
       Expect::kNoConflict},
      {"league_games_are_not_all_games",
       {{"a", "2026-11-30", "Corran won 21 of his 65 league games at Fellbridge."},
        {"b", "2026-11-30", "Corran won 24 of his 71 games in charge at Fellbridge in all competitions."}},
       "71",
       Expect::kNoConflict},
      // A name's words are not what a figure measures.
      {"hospitals_are_not_the_theatres_of_a_named_hospital",
       {{"a", "2026-09-16", "The board, which runs three acute hospitals, will fund a new hub."},
        {"b", "2026-09-16", "The new hub at Dunmore Hospital will have four operating theatres."}},
       "4",
       Expect::kNoConflict},
      // A share is no count.
      {"four_in_ten_is_no_count_of_ten",
       {{"a", "2026-09-16", "More than four in ten patients have waited longer than 18 weeks."},
        {"b", "2026-09-16", "Some 12 patients waited longer than 18 weeks at the clinic."}},
       "10",
       Expect::kAbsent},
      // A bare count joins a specific one only when its sentence says what
      // the specific one adds.
      {"firefighters_at_the_scene_are_not_those_treated",
       {{"a", "2026-05-14", "At its height, 62 firefighters fought the blaze at the Drell paint factory."},
        {"b", "2026-05-14", "Two firefighters were treated for burns after the blaze at the Drell paint factory."}},
       "62",
       Expect::kNoConflict},
      // One article's two values of one thing in sentences that tell
      // different things are two facts; told alike, they conflict.
      {"one_article_two_counts_in_different_sentences_are_two_facts",
       {{"a", "2026-12-01", "The tribunal ordered Kell and Salt to pay its 38 former staff in full. About 25 "
                            "former staff watched the tribunal hearing from the public gallery."},
        {"b", "2026-12-01", "Kell and Salt must pay 41 former staff, the tribunal said."}},
       "about 25",
       Expect::kNoConflict},
      {"one_article_contradicting_itself_conflicts",
       {{"a", "2026-12-01", "The storm cut power to 4,100 homes in Lisker, the utility said. The storm cut power "
                            "to 6,300 homes in Lisker, the mayor said."}},
       "6300",
       Expect::kConflict},
      // A figure asked for is not matched with the figure there was.
      {"stewards_required_are_not_stewards_on_duty",
       {{"a", "2026-07-20", "The festival's safety plan called for 450 stewards on the main field."},
        {"b", "2026-07-20", "Only 310 stewards were working at the festival on the main field."}},
       "450",
       Expect::kNoConflict},
      // Two values one sentence states side by side are two facts.
      {"two_values_side_by_side_are_two_facts",
       {{"a", "2026-11-30", "Ossian have 14 points from 19 games and sit three points from safety."},
        {"b", "2026-11-30", "Bottom side Ossian have 14 points this season."}},
       "3",
       Expect::kNoConflict},
      // A season's total is not one match's count.
      {"season_total_apart_from_the_match",
       {{"a", "2026-05-17", "Ardley hit two goals in the final on Saturday."},
        {"b", "2026-05-17", "Ardley hit two goals in the final, which took him to twenty-two goals this season."}},
       "2",
       Expect::kAgreed},
      // One number of one owner two outlets state in other words agrees:
      // the words beside it are shared ("quay"), or the number is one
      // outlets do not state by chance for two facts.
      {"one_number_told_in_other_words_agrees",
       {{"a", "2026-06-21", "About 2,750 people were on the quay at Harlow Mere for the regatta."},
        {"b", "2026-06-21", "A crowd of 2,750 watched the regatta from the quay at Harlow Mere."}},
       "2750",
       Expect::kAgreed},
      {"a_large_number_agrees_in_words_that_share_nothing",
       {{"a", "2026-02-11", "Flooding forced 1,480 residents from their homes in Calder Vale."},
        {"b", "2026-02-11", "Police evacuated 1,480 people in Calder Vale as the river rose."}},
       "1480",
       Expect::kAgreed},
      // Two sentences stating another figure alike tell one thing: their
      // counts of one noun disagree however many other words differ.
      {"counts_beside_one_other_figure_disagree",
       {{"a", "2026-03-08", "Forty firefighters, with nine engines, fought the flames at the Tolver mill overnight."},
        {"b", "2026-03-08", "Fifty-five firefighters and nine fire engines from across the region were sent to "
                            "the blaze, which a passing taxi driver first reported shortly after midnight."}},
       "55",
       Expect::kConflict},
      // Both sides of one tally are the vote's: a name read near one side
      // does not keep it from other outlets' tallies.
      {"a_tally_side_given_an_owner_is_still_the_vote's",
       {{"a", "2026-10-07", "Harlow councillors rejected Tolver Energy's plan for a solar farm on Tuesday. The "
                            "planning committee voted nine to two against the 40MW scheme."},
        {"b", "2026-10-07", "Councillors in Harlow threw out the solar farm plan by eight votes to three on Tuesday."}},
       "9",
       Expect::kConflict},
      // Jobs are people's: a count of jobs cut and of people who lost them
      // tell one loss.
      {"jobs_cut_and_people_who_lost_them_disagree",
       {{"a", "2026-05-11", "The call centre will cut 85 jobs, managers in Ashby said on Monday."},
        {"b", "2026-05-11", "In a video call on Monday, 120 people learned they were out of a job at the Ashby call "
                            "centre."}},
       "120",
       Expect::kConflict},
      // An approximate figure and a near one that fits it, told in other
      // words that share one, agree.
      {"an_approximate_number_and_one_it_holds_agree",
       {{"a", "2026-06-05", "About 3,000 spectators watched the launch from the harbour wall at Tolver."},
        {"b", "2026-06-05", "On the harbour wall at Tolver, 3,200 people watched the rocket climb."}},
       "3200",
       Expect::kAgreed},
      // One person's month under two event words from two outlets is one
      // event told in other words.
      {"one_month_of_one_person_under_two_event_words_agrees",
       {{"a", "2024-10-25", "Ilse Brandt, the chief executive of Corlyn Labs, took office in April."},
        {"b", "2024-10-25", "Ilse Brandt, who has held the post at Corlyn Labs since April, praised the staff."}},
       "2024-04",
       Expect::kAgreed},
      // A limit or a target no one holds is a rule's or a plan's, no figure
      // of the story's event.
      {"a_limit_no_one_holds_is_no_figure",
       {{"a", "2026-04-14", "The tanker was doing 48mph, below the 50mph limit, when it left the road at Crebbin."},
        {"b", "2026-04-14", "The tanker left the road at Crebbin at 48mph on Tuesday."}},
       "50",
       Expect::kAbsent},
      {"a_target_no_one_holds_is_no_figure",
       {{"a", "2026-04-14", "Only 22 per cent of the flats will be affordable, below the target of 30 per cent."},
        {"b", "2026-04-14", "Some 22 per cent of the Mossgate flats will be affordable."}},
       "30",
       Expect::kAbsent},
      // A figure in an aside of the sentence's subject is of the time the
      // subject's verb is dated: an earlier year's thing, no one's here.
      {"a_subjects_aside_is_of_the_year_its_verb_gives",
       {{"a", "2026-05-02", "A smaller crater, about 4 metres across, opened on the same lane in 1991."},
        {"b", "2026-05-02", "The new crater on Pell Lane is 9 metres across."}},
       "about 4",
       Expect::kAbsent},
      {"a_small_number_in_words_that_share_nothing_is_two_facts",
       {{"a", "2026-02-11", "Three lorries were parked at the Calder Vale depot."},
        {"b", "2026-02-11", "Three warehouses burned down in Calder Vale."}},
       "3",
       Expect::kNotAgreed},
  };
  return kCases;
}

TEST(FigureClaimsTest, ConflictOnlyWhereTheSameThingDiffers) {
  for (const Case& c : Cases()) {
    SCOPED_TRACE(c.name);
    const Brief b = BriefOf(c.texts);
    switch (c.expect) {
      case Expect::kConflict:
        EXPECT_TRUE(InConflict(b, c.value)) << c.value;
        break;
      case Expect::kNoConflict:
        EXPECT_FALSE(ClaimsWith(b, c.value).empty()) << c.value << " is not claimed";
        EXPECT_FALSE(InConflict(b, c.value)) << c.value;
        break;
      case Expect::kAbsent:
        EXPECT_TRUE(ClaimsWith(b, c.value).empty()) << c.value;
        break;
      case Expect::kAgreed: {
        const std::vector<const Claim*> claims = ClaimsWith(b, c.value);
        EXPECT_TRUE(std::any_of(claims.begin(), claims.end(), [](const Claim* x) { return x->status == "agreed"; }))
            << c.value << " is in no agreed claim";
        break;
      }
      case Expect::kNotAgreed: {
        const std::vector<const Claim*> claims = ClaimsWith(b, c.value);
        EXPECT_FALSE(claims.empty()) << c.value << " is not claimed";
        EXPECT_TRUE(std::none_of(claims.begin(), claims.end(), [](const Claim* x) { return x->status == "agreed"; }))
            << c.value << " is in an agreed claim";
        break;
      }
    }
  }
}

// Three equally good matches in one article: the tie stays a tie (a third
// candidate once read the figure of the tie's "no match" index: ASan
// reported a heap overflow in cli.issue14_merge).
TEST(FigureClaimsTest, ThreeEquallyGoodMatchesAreNoMatch) {
  const Brief b = BriefOf({{"a", "2026-09-12", "Officers made 41 arrests at the rally."},
                           {"b", "2026-09-12",
                            "Police made 40 arrests at the rally. Police made 44 arrests at the rally. Police made "
                            "46 arrests at the rally."}});
  EXPECT_FALSE(ClaimsWith(b, "41").empty());
  EXPECT_FALSE(ClaimsWith(b, "46").empty());
}

TEST(FigureClaimsTest, APriceBelongsToTheDealAndIsNamedByIt) {
  const Brief b = BriefOf({{"a", "2024-08-30", "Harrowgate paid a fee of £58m for the midfielder Tobin Ravel."},
                           {"b", "2024-08-30", "Tobin Ravel joined Harrowgate for a fee of £62m on Friday."}});
  const std::vector<const Claim*> claims = ClaimsWith(b, "62000000 GBP");
  ASSERT_FALSE(claims.empty());
  EXPECT_EQ(claims[0]->status, "conflict");
  EXPECT_EQ(claims[0]->subject, "");
  EXPECT_EQ(claims[0]->subject_name, "fee");
  EXPECT_EQ(claims[0]->attribute, "amount");
}

// A figure no one owns is named by the thing its phrase says it measures
// (Quantity::thing), and outlets differ on that thing's figure.
TEST(FigureClaimsTest, AThingsFigureIsNamedByTheThing) {
  const Brief b = BriefOf(
      {{"a", "2026-03-02", "The Halvering trust has launched a restoration appeal with a target of £2.4m."},
       {"b", "2026-03-02", "Volunteers at Halvering began a restoration appeal with a target of £2.8m on Monday."}});
  const std::vector<const Claim*> claims = ClaimsWith(b, "2800000 GBP");
  ASSERT_FALSE(claims.empty());
  EXPECT_EQ(claims[0]->status, "conflict");
  EXPECT_EQ(claims[0]->subject, "");
  EXPECT_EQ(claims[0]->subject_name, "restoration appeal");
  EXPECT_EQ(claims[0]->attribute, "target");
}

// A number the story's event states alike with one owner's figure is that
// owner's, and the two agree.
TEST(FigureClaimsTest, AnUnownedNumberStatedAlikeIsTheOwnersToo) {
  const Brief b = BriefOf({{"a", "2026-04-02", "Corvell Foods employs 2,860 people at its bakeries in Ashby."},
                           {"b", "2026-04-02", "Some 2,860 staff work at the bakeries, which opened in Ashby."}});
  const std::vector<const Claim*> claims = ClaimsWith(b, "about 2860");
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0]->status, "agreed");
  EXPECT_EQ(claims[0]->subject_name, "Corvell Foods");
}

// An age at a dated event is shown as such, apart from today's age.
TEST(FigureClaimsTest, AnAgeAtAnEventIsNamedByTheEvent) {
  const Brief b = BriefOf(
      {{"a", "2024-08-30", "Tobin Ravel, 26, signed on Friday. Ravel made his debut in 2016, aged 18."},
       {"b", "2024-08-30", "Tobin Ravel, 26, joined on Friday. Ravel made his debut in 2015 as a 17-year-old."}});
  const std::vector<const Claim*> debut = ClaimsWith(b, "17");
  ASSERT_FALSE(debut.empty());
  EXPECT_EQ(debut[0]->attribute, "age at debut");
  const std::vector<const Claim*> now = ClaimsWith(b, "26");
  ASSERT_FALSE(now.empty());
  EXPECT_EQ(now[0]->attribute, "age");
  EXPECT_EQ(now[0]->status, "agreed");
}

// Issue 11: a national or sector statistic in a figure's own clause, or
// opening its sentence, is no figure of the story's event; the story's own
// figure in the same sentence stays.
TEST(FigureClaimsTest, ANationalStatisticIsNoFigureOfTheStory) {
  const Brief b = BriefOf(
      {{"a", "2026-03-02",
        "Fumes killed a tenant in Harl. Faulty boilers kill around 30 people a year in the country. "
        "The report found 38 per cent of flats in Harl had faults, against a national average of 21 per cent."},
       {"b", "2026-03-02",
        "Fumes killed a tenant in Harl. Faulty boilers kill about 40 people a year in the country. "
        "Across the sector, landlords fixed 9,000 boilers last year."}});
  EXPECT_TRUE(ClaimsWith(b, "about 30").empty());
  EXPECT_TRUE(ClaimsWith(b, "about 40").empty());
  EXPECT_TRUE(ClaimsWith(b, "21").empty());
  EXPECT_TRUE(ClaimsWith(b, "9000").empty());
  EXPECT_FALSE(ClaimsWith(b, "38").empty());
}

// Issue 11: a clause "when" opens right after an earlier year tells of that
// year's event; its figures are not the story's.
TEST(FigureClaimsTest, AFigureOfAnEarlierYearsWhenClauseIsNotTheStorys) {
  const Brief b = BriefOf(
      {{"a", "2026-03-02",
        "Sixty whales stranded at Harl Bay on Sunday. It is the largest stranding since 1998, when 72 whales "
        "came ashore at Dunl Point."},
       {"b", "2026-03-02",
        "Sixty whales stranded at Harl Bay on Sunday. The last such stranding was in 2004, when 51 whales came "
        "ashore."}});
  EXPECT_TRUE(ClaimsWith(b, "72").empty());
  EXPECT_TRUE(ClaimsWith(b, "51").empty());
  // Without the "when" clause the figure is the story's.
  const char* ashore = "Sixty whales stranded at Harl Bay on Sunday, and 72 whales came ashore.";
  const Brief own = BriefOf({{"a", "2026-03-02", ashore}, {"b", "2026-03-02", ashore}});
  EXPECT_FALSE(ClaimsWith(own, "72").empty());
}

// Issue 11: outlets' values more than ten times apart are two figures, not
// a disagreement about one; crowd estimates four times apart still disagree.
TEST(FigureClaimsTest, ValuesTenTimesApartAreTwoFigures) {
  const Brief far = BriefOf(
      {{"a", "2026-03-02", "The Harl Courier will close. Its weekly print sale of about 6,200 copies fell again."},
       {"b", "2026-03-02", "The Harl Courier will close. The weekly print sale of about 81,000 copies fell again."}});
  const std::vector<const Claim*> sale = ClaimsWith(far, "about 81000");
  ASSERT_FALSE(sale.empty());
  for (const Claim* c : sale) EXPECT_NE(c->status, "conflict");
  const Brief near = BriefOf(
      {{"a", "2026-03-02", "Marchers filled Harl on Saturday. About 18,000 marchers walked to the square."},
       {"b", "2026-03-02", "Marchers filled Harl on Saturday. About 70,000 marchers walked to the square."}});
  const std::vector<const Claim*> crowd = ClaimsWith(near, "about 70000");
  ASSERT_FALSE(crowd.empty());
  EXPECT_EQ(crowd[0]->status, "conflict");
}

// Two ranges give both their ends: outlets giving an estimate as "£4m to
// £6m" and "£5m to £7m" disagree about it, however much the ranges overlap;
// the same range twice agrees.
TEST(FigureClaimsTest, TwoRangesWithDifferentEndsDisagree) {
  const Brief b = BriefOf(
      {{"a", "2026-05-12", "Ellery Hall auctioned the Varden portrait on Tuesday. Before the sale the portrait "
                           "was estimated at £4m to £6m."},
       {"b", "2026-05-12", "The Varden portrait went under the hammer at Ellery Hall on Tuesday, where it had "
                           "been estimated at £4m to £6m."},
       {"c", "2026-05-12", "Ellery Hall auctioned the Varden portrait on Tuesday. Before the sale the portrait "
                           "was estimated at £5m to £7m."}});
  EXPECT_TRUE(InConflict(b, "5000000-7000000 GBP"));
  EXPECT_TRUE(InConflict(b, "4000000-6000000 GBP"));
  // The same range twice is one value of both articles.
  const std::vector<const Claim*> estimate = ClaimsWith(b, "4000000-6000000 GBP");
  ASSERT_EQ(estimate.size(), 1u);
  for (const ClaimValue& v : estimate[0]->values) {
    if (v.value != "4000000-6000000 GBP") continue;
    EXPECT_NE(std::find(v.articles.begin(), v.articles.end(), "a"), v.articles.end());
    EXPECT_NE(std::find(v.articles.begin(), v.articles.end(), "b"), v.articles.end());
  }
}

// "Some 2,850" is 2,850 to its hundreds, give or take a twentieth: not the
// 2,600 another outlet states exactly.
TEST(FigureClaimsTest, AnApproximateValueMoreThanATwentiethAwayDisagrees) {
  const Brief b = BriefOf(
      {{"a", "2026-05-12", "Ruskett Foods will close its Harnley bakery. Ruskett Foods employs 2,600 people."},
       {"b", "2026-05-12", "Ruskett Foods will close its Harnley bakery. Ruskett Foods employs some 2,850 people."}});
  EXPECT_TRUE(InConflict(b, "2600"));
}

// A contest's margin is fixed when it ends: one outlet dating it ("by 23
// votes on Saturday") and another giving it undated three days later speak
// of the same count.
TEST(FigureClaimsTest, AMarginDatedToItsDayMeetsOneStatedAfter) {
  const Brief b = BriefOf(
      {{"a", "2026-03-09", "Councillor Ada Penrose was elected mayor of Holmbrook by 23 votes on Saturday after a "
                           "recount."},
       {"b", "2026-03-10", "Ada Penrose won the Holmbrook mayoralty by just 32 votes after a long recount."}});
  EXPECT_TRUE(InConflict(b, "23"));
}

// A contest's margin is the contest's whoever the clause names: "Ada
// Penrose won by 23 votes" and "her rival Tom Acre lost by 32 votes" tell one
// margin, not two people's counts.
TEST(FigureClaimsTest, AMarginToldOfTheLoserIsTheContests) {
  const Brief b = BriefOf(
      {{"a", "2026-03-09", "Councillor Ada Penrose was elected mayor of Holmbrook by 23 votes on Saturday after a "
                           "recount."},
       {"b", "2026-03-10", "Her rival, Councillor Tom Acre, lost the Holmbrook mayoralty by just 32 votes after a "
                           "long recount."}});
  EXPECT_TRUE(InConflict(b, "23"));
}

// "The ship's 19 crew" and "the cargo ship's 21 crew" count one crew: a
// thing named by its head noun alone is the story's one thing named more
// fully with it.
TEST(FigureClaimsTest, AThingNamedByItsHeadIsTheOneNamedInFull) {
  const Brief b = BriefOf(
      {{"a", "2026-04-14", "A cargo ship ran aground off Penhallow on Tuesday. None of the cargo ship's 19 crew "
                           "was hurt."},
       {"b", "2026-04-14", "A cargo ship ran aground off Penhallow on Tuesday. None of the ship's 21 crew was "
                           "hurt."}});
  EXPECT_TRUE(InConflict(b, "21"));
}

// "The country park, which covers 420 hectares": the park's size, not a
// figure of the story's fire.
TEST(FigureClaimsTest, AnAreaAThingCoversIsTheThings) {
  const Brief b = BriefOf(
      {{"a", "2026-04-14", "A wildfire burned 300 hectares near Carrow on Sunday. The country park, which covers "
                           "420 hectares, was closed."},
       {"b", "2026-04-14", "A wildfire burned 300 hectares of moorland near Carrow on Sunday."}});
  const std::vector<const Claim*> park = ClaimsWith(b, "420");
  ASSERT_EQ(park.size(), 1u);
  EXPECT_EQ(park[0]->subject_name, "country park");
}

// "The estate's 12 streets" and "the estate, which covers 15 streets":
// the estate says which streets are counted, however little else the two
// sentences share.
TEST(FigureClaimsTest, ANamedThingsCountIsOneCount) {
  const Brief b = BriefOf(
      {{"a", "2026-06-02", "Water was cut off on the Fallowfield estate on Monday. Engineers worked through the "
                           "night in the estate's 12 streets to restore the supply."},
       {"b", "2026-06-02", "Water was cut off on the Fallowfield estate on Monday. The outage hit the whole estate, "
                           "which covers 15 streets, and left a primary school shut."}});
  EXPECT_TRUE(InConflict(b, "15"));
}

// A follow-up weeks later that ties a figure to the moment of the story's
// event with a when-clause ("was travelling at 28mph when its wheels left
// the rails") states the first reports' fact, not a later state.
TEST(FigureClaimsTest, AFollowUpsFigureAtTheEventsMomentMeetsTheFirstReports) {
  const Brief b = BriefOf(
      {{"a", "2026-05-02", "A tram came off the rails in Harwick on Friday. The tram was travelling at 40mph on "
                           "the bend by the bridge, witnesses said."},
       {"b", "2026-06-12", "A tram came off the rails in Harwick in May. The tram was travelling at 28mph on the "
                           "bend by the bridge when its wheels left the rails, investigators said."}});
  EXPECT_TRUE(InConflict(b, "28"));
}

// A "when" after a verb of saying dates the saying, not the figure: the
// follow-up's "were running at 28mph, the operator said when asked" is a
// later state, not the first reports' moment.
TEST(FigureClaimsTest, AWhenOfTheSayingTiesNoFigureToTheEvent) {
  const Brief b = BriefOf(
      {{"a", "2026-05-02", "A tram came off the rails in Harwick on Friday. Trams on the line were running at 40mph "
                           "before the crash, witnesses said."},
       {"b", "2026-06-12", "A tram came off the rails in Harwick in May. Trams on the line are running at 28mph, "
                           "the operator said when asked about the bend."}});
  EXPECT_FALSE(InConflict(b, "28"));
}

// Issue 11: one outlet names the thing a figure is of ("arrested during
// the protest"), another leaves it as the story's own; measured in the same
// words, they are one figure, and the claim is named by the thing.
TEST(FigureClaimsTest, AThingsFigureMeetsTheEventsFigureMeasuredAlike) {
  const Brief b = BriefOf(
      {{"a", "2026-05-09", "Hundreds of farmers protested in Denholm on Saturday. Three people were arrested "
                           "during the protest, police said."},
       {"b", "2026-05-09", "Hundreds of farmers protested in Denholm on Saturday. Police said two people were "
                           "arrested for public order offences."}});
  const std::vector<const Claim*> claims = ClaimsWith(b, "2");
  ASSERT_FALSE(claims.empty());
  EXPECT_EQ(claims[0]->status, "conflict");
  EXPECT_EQ(claims[0]->subject_name, "protest");
}

// ... but not when the event's own article gives the thing a figure of that
// kind as well: it tells the two apart ("a 12-point deduction" / "14
// points").
TEST(FigureClaimsTest, AnArticleGivingTheThingAFigureTellsItFromTheEvents) {
  const Brief b = BriefOf(
      {{"a", "2026-10-08", "Arden Rovers were docked points on Thursday. The deduction cost them 12 points. Rovers "
                           "had 14 points before the ruling."},
       {"b", "2026-10-08", "Arden Rovers were docked points on Thursday. The deduction cost them 12 points."}});
  EXPECT_FALSE(InConflict(b, "14"));
}

// Issue 11: a sum no grammar gives an owner ("Corran was ordered to pay a
// £14m fine") is the one owner its sentence names whom another outlet gives
// a sum of that measure ("Corran Foods has been fined £12.4m").
TEST(FigureClaimsTest, ASumsNamedOwnerIsTheOneAnotherOutletGivesIt) {
  const Brief b = BriefOf(
      {{"a", "2026-11-25", "Bakery group Corran Foods has been fined £12.4m over rats found at its ovens in "
                           "Harwick. Corran said it would appeal."},
       {"b", "2026-11-25", "Bread maker Corran was ordered to pay a record £14m fine after inspectors found rats "
                           "at two of its sites. Corran said it would appeal."}});
  const std::vector<const Claim*> claims = ClaimsWith(b, "14000000 GBP");
  ASSERT_FALSE(claims.empty());
  EXPECT_EQ(claims[0]->status, "conflict");
  EXPECT_NE(claims[0]->subject, "");
  EXPECT_EQ(claims[0]->attribute, "fine");
}

// ... but not when its sentence states another sum of that currency: one
// of the two is of another time ("was hired at a salary of £150,000 and
// earned £210,000 in her final year").
TEST(FigureClaimsTest, ASumBesideAnotherSumTakesNoNamedOwner) {
  const Brief b = BriefOf(
      {{"a", "2026-11-25", "The trust's director, Mara Quillon, stepped down on Tuesday. Mara Quillon's "
                           "salary was £210,000."},
       {"b", "2026-11-25", "Mara Quillon stepped down on Tuesday. Quillon was hired at a salary of £150,000 and "
                           "earned £210,000 in her final year."}});
  EXPECT_FALSE(InConflict(b, "150000 GBP"));
  // The rule's own doing: the other outlet's value beside it keeps it from
  // a conflict by itself (StatesValueBeside), but only this rule leaves the
  // sum ownerless.
  const std::vector<const Claim*> claims = ClaimsWith(b, "150000 GBP");
  ASSERT_FALSE(claims.empty());
  EXPECT_EQ(claims[0]->subject, "");
}

TEST(FigureClaimsTest, AnArticleListingValuesOfOneMeasureStatesNoneAsTheStorysFact) {
  // One report gives three yardages of no one's (two sides' and a drive's):
  // another's one yardage is none of them for certain.
  const Brief b = BriefOf(
      {{"a", "2026-10-04", "Kestrel Town beat Ormsby in the cup final at Harwick Park on Saturday. The home side "
                           "ran for 180 yards. The visitors ran for 95 yards. A late drive added 40 yards."},
       {"b", "2026-10-04", "Kestrel Town beat Ormsby in the cup final at Harwick Park on Saturday. The home side "
                           "ran for 210 yards."}});
  EXPECT_FALSE(InConflict(b, "210"));
  // One yardage in each report still disagrees.
  const Brief c = BriefOf(
      {{"a", "2026-10-04", "Kestrel Town beat Ormsby in the cup final at Harwick Park on Saturday. The home side "
                           "ran for 180 yards."},
       {"b", "2026-10-04", "Kestrel Town beat Ormsby in the cup final at Harwick Park on Saturday. The home side "
                           "ran for 210 yards."}});
  EXPECT_TRUE(InConflict(c, "210"));
  // One owner's two values in one report are of two stretches (the game's
  // and a run's): another's value is set against neither.
  const Brief d = BriefOf(
      {{"a", "2026-10-04", "Kestrel Town beat Ormsby in the cup final at Harwick Park on Saturday. Dana Pell "
                           "blocked seven shots. During the closing run, Pell blocked three shots."},
       {"b", "2026-10-04", "Kestrel Town beat Ormsby in the cup final at Harwick Park on Saturday. Dana Pell "
                           "blocked five shots."}});
  EXPECT_FALSE(InConflict(d, "5"));
  const Brief e = BriefOf(
      {{"a", "2026-10-04", "Kestrel Town beat Ormsby in the cup final at Harwick Park on Saturday. Dana Pell "
                           "blocked seven shots."},
       {"b", "2026-10-04", "Kestrel Town beat Ormsby in the cup final at Harwick Park on Saturday. Dana Pell "
                           "blocked five shots."}});
  EXPECT_TRUE(InConflict(e, "5"));
}

TEST(FigureClaimsTest, TheMinutesOfAClockTimeAreNoCount) {
  // A time stamp typed with a space after its colon ("21: 45") runs into
  // the sentence after it: 45 is no count of police.
  const Brief b = BriefOf(
      {{"a", "2026-10-04", "Vigil turns to clash in Harwick. Updated 21: 45 Police moved in after a crowd gathered "
                           "at the vigil in Harwick on Friday night."},
       {"b", "2026-10-04", "Vigil turns to clash in Harwick. Twenty police moved in after a crowd gathered at the "
                           "vigil in Harwick on Friday night."}});
  EXPECT_TRUE(ClaimsWith(b, "45").empty());
  EXPECT_FALSE(InConflict(b, "20"));
}

TEST(FigureClaimsTest, ANumberOfANameIsNoCount) {
  // "the Lumen 7 versions" are the versions of a product named "Lumen 7".
  const Brief b = BriefOf(
      {{"a", "2026-10-04", "Corvid Software warned of a flaw in its browser on Monday. Hackers attacked users of "
                           "the Lumen 7 versions of the browser, the company said."},
       {"b", "2026-10-04", "Corvid Software warned of a flaw in its browser on Monday. Hackers attacked users of "
                           "four versions of the browser, the company said."}});
  EXPECT_TRUE(ClaimsWith(b, "7").empty());
  EXPECT_FALSE(InConflict(b, "4"));
  // After a verb, a name is an object of its own: "sent Harwick 300 tents".
  const Brief c = BriefOf(
      {{"a", "2026-10-04", "Floods hit the valley on Monday. The army sent Harwick 300 tents for families forced "
                           "from their homes."}});
  EXPECT_FALSE(ClaimsWith(c, "300").empty());
}

TEST(FigureClaimsTest, ALengthOfWhatGoesOnGrowsFromReportToReport) {
  // Four days of protests on Thursday are six by Saturday.
  const Brief b = BriefOf(
      {{"a", "2026-10-01", "Police fired tear gas at crowds in Harwick after four days of protests over the "
                           "closure of the Kestrel steelworks."},
       {"b", "2026-10-03", "Police fired tear gas at crowds in Harwick after six days of protests over the "
                           "closure of the Kestrel steelworks."}});
  EXPECT_FALSE(InConflict(b, "6"));
  // Printed on one day, the two lengths disagree.
  const Brief c = BriefOf(
      {{"a", "2026-10-03", "Police fired tear gas at crowds in Harwick after four days of protests over the "
                           "closure of the Kestrel steelworks."},
       {"b", "2026-10-03", "Police fired tear gas at crowds in Harwick after six days of protests over the "
                           "closure of the Kestrel steelworks."}});
  EXPECT_TRUE(InConflict(c, "6"));
  // A finished length is the same in every later report: a jury that
  // convicted after 11 hours of deliberation did not after 15.
  const Brief d = BriefOf(
      {{"a", "2026-03-02", "The jury at Harwick Crown Court convicted Tomas Brell of arson after 11 hours of "
                           "deliberation."},
       {"b", "2026-03-05", "The jury at Harwick Crown Court convicted Tomas Brell of arson after 15 hours of "
                           "deliberation."}});
  EXPECT_TRUE(InConflict(d, "15"));
  // Nor does a length of what is not going on grow: "after 20 years of service".
  const Brief e = BriefOf(
      {{"a", "2026-03-02", "Sergeant Ilsa Marr retired from Harwick police after 20 years of service."},
       {"b", "2026-03-05", "Sergeant Ilsa Marr retired from Harwick police after 24 years of service."}});
  EXPECT_TRUE(InConflict(e, "24"));
}

// "Eight matches later and the Rovers sit top": a count "later" or
// "earlier" closes is a point counted from another, never set against a
// count of the same noun ("have won seven matches"); "Two fans later died"
// still counts the fans.
TEST(FigureClaimsTest, ACountLaterIsAPointNotACount) {
  const char* const kOpening = "Harwick Rovers drew 1-1 with Ormsby at Kestrel Park in August. ";
  const std::string other = std::string(kOpening) + "The Rovers have won seven matches in the league table since then.";
  for (const char* offset : {"Eight matches later and the Rovers sit", "Eight matches earlier and the Rovers sat"}) {
    const std::string first = std::string(kOpening) + offset + " top of the league table.";
    const Brief b = BriefOf({{"a", "", first.c_str()}, {"b", "", other.c_str()}});
    EXPECT_FALSE(InConflict(b, "8")) << offset;
  }
  const std::string counted = std::string(kOpening) + "Eight matches in and the Rovers sit top of the league table.";
  const Brief d = BriefOf({{"a", "", counted.c_str()}, {"b", "", other.c_str()}});
  EXPECT_TRUE(InConflict(d, "8"));
  const Brief c = BriefOf(
      {{"a", "", "A stand collapsed at Kestrel Park during the Harwick Rovers match. Two fans later died in "
                 "hospital after the stand collapsed."},
       {"b", "", "A stand collapsed at Kestrel Park during the Harwick Rovers match. Three fans died in "
                 "hospital after the stand collapsed."}});
  EXPECT_TRUE(InConflict(c, "2"));
}

// "Behind a new line last season, the team rushed for 812 yards": a past
// period named from the article's day, which the date annotator left
// undated, times the figures of its clause; they are never set against
// another outlet's figures of no such time. "Last season's" is a noun's
// modifier, and a "last season" in another clause times nothing of this
// one ("..., but this year").
TEST(FigureClaimsTest, ALastSeasonFigureIsOfThatSeason) {
  const char* const kOpening = "Harwick Rovers signed running back Tade Okafor on Monday. ";
  const std::string plain = std::string(kOpening) +
                            "After joining the Rovers as a rookie, the team rushed for 640 yards in his first year "
                            "at Kestrel Park.";
  const auto second = [&](const char* opening) {
    return std::string(kOpening) + opening + " rushed for 812 yards in his first year at Kestrel Park.";
  };
  const std::string timed = second("Behind a new line last season, the team");
  const Brief b = BriefOf({{"a", "", plain.c_str()}, {"b", "", timed.c_str()}});
  EXPECT_FALSE(InConflict(b, "812"));
  for (const char* opening : {"Behind a new line this season, the team", "Behind last season's line, the team",
                              "The line was rebuilt last season, but this year the team"}) {
    const std::string other = second(opening);
    const Brief c = BriefOf({{"a", "", plain.c_str()}, {"b", "", other.c_str()}});
    EXPECT_TRUE(InConflict(c, "812")) << opening;
  }
}

// "Last season" is named from each article's day: in two articles weeks
// apart it may be two seasons, and their figures are not compared; in
// articles of one week it is one season, and they are.
TEST(FigureClaimsTest, LastSeasonInArticlesWeeksApartIsTwoSeasons) {
  const auto brief = [](const char* second_day) {
    return BriefOf({{"a", "2026-05-02",
                     "Harwick Rovers signed running back Tade Okafor on Friday. Behind a new line last season, the "
                     "team rushed for 640 yards in his first year at Kestrel Park."},
                    {"b", second_day,
                     "Harwick Rovers signed running back Tade Okafor in May. Behind a new line last season, the "
                     "team rushed for 812 yards in his first year at Kestrel Park."}});
  };
  EXPECT_FALSE(InConflict(brief("2026-06-12"), "812"));
  EXPECT_TRUE(InConflict(brief("2026-05-04"), "812"));
}

// Articles with no date: a running total ("the toll rose to 31") may be a
// later day's report of a count another outlet gave earlier (27 killed),
// an update, not a contradiction; two plain counts still disagree.
TEST(FigureClaimsTest, AnUndatedRunningTotalMayBeAnUpdate) {
  const Brief b = BriefOf(
      {{"a", "", "A quake struck the Brennock valley. The death toll rose to 31 in the Brennock valley, "
                 "officials said."},
       {"b", "", "A quake struck the Brennock valley. 27 people were killed in the Brennock valley, "
                 "officials said."}});
  EXPECT_FALSE(InConflict(b, "31"));
  const Brief c = BriefOf(
      {{"a", "", "A quake struck the Brennock valley. 31 people were killed in the Brennock valley, "
                 "officials said."},
       {"b", "", "A quake struck the Brennock valley. 27 people were killed in the Brennock valley, "
                 "officials said."}});
  EXPECT_TRUE(InConflict(c, "31"));
}

// "In Harwick 5,000 people joined the march": a town opening a noun phrase
// before digits is no name the number is part of, and "people" is what
// they count.
TEST(FigureClaimsTest, DigitsAfterAPlaceAreACount) {
  const Brief b = BriefOf(
      {{"a", "2026-10-04", "Marchers filled the streets on Saturday against the closure of the Kestrel "
                           "steelworks. In Harwick 5,000 people joined the march, police said."},
       {"b", "2026-10-04", "Marchers filled the streets on Saturday against the closure of the Kestrel "
                           "steelworks. 3,000 people joined the march in Harwick, police said."}});
  EXPECT_TRUE(InConflict(b, "5000"));
}

TEST(FigureValueTextTest, BoundsAndRanges) {
  Quantity q;
  q.value = 2000;
  EXPECT_EQ(FigureValueText(q), "2000");
  q.bound = QuantityBound::kApprox;
  EXPECT_EQ(FigureValueText(q), "about 2000");
  q.bound = QuantityBound::kAtLeast;
  EXPECT_EQ(FigureValueText(q), "more than 2000");
  q.unit = "USD";
  q.bound = QuantityBound::kExact;
  q.value = 8e6;
  q.high = 12e6;
  EXPECT_EQ(FigureValueText(q), "8000000-12000000 USD");
}

TEST(FiguresCompatibleTest, ExactApproximateBoundsAndRanges) {
  struct Row {
    double a;
    QuantityBound ab;
    double ahigh;
    double b;
    QuantityBound bb;
    bool compatible;
  };
  using B = QuantityBound;
  const Row rows[] = {
      {1187, B::kExact, 0, 1200, B::kApprox, true},  {1187, B::kExact, 0, 1190, B::kExact, false},
      {2300, B::kExact, 0, 2000, B::kAtLeast, true}, {1800, B::kExact, 0, 2000, B::kAtLeast, false},
      {197, B::kExact, 0, 200, B::kAtMost, true},    {420, B::kExact, 450, 430, B::kExact, true},
      {400, B::kExact, 450, 500, B::kExact, false},  {3000, B::kExact, 0, 1200, B::kApprox, false},
      {3100, B::kExact, 0, 3400, B::kApprox, false}, {3600, B::kExact, 0, 4000, B::kApprox, true},
  };
  for (const Row& r : rows) {
    Quantity x, y;
    x.value = r.a;
    x.bound = r.ab;
    x.high = r.ahigh;
    y.value = r.b;
    y.bound = r.bb;
    EXPECT_EQ(FiguresCompatible(x, y), r.compatible) << r.a << " / " << r.b;
    EXPECT_EQ(FiguresCompatible(y, x), r.compatible) << r.b << " / " << r.a;
  }
  // Two ranges fit only when their ends are the same.
  Quantity x, y;
  x.value = 18e6, x.high = 25e6;
  y.value = 20e6, y.high = 30e6;
  EXPECT_FALSE(FiguresCompatible(x, y));
  y.value = 18e6, y.high = 25e6;
  EXPECT_TRUE(FiguresCompatible(x, y));
}

}  // namespace
}  // namespace storyline::stories
