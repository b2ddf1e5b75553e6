// Tests of the named-entity tagger (src/extract/ner.h): the embedded model on
// invented sentences, model bytes round trip, damaged model bytes, and the
// IOB2 chunking the scorer and the annotator rely on.
#include "extract/ner.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "extract/ner_train.h"

namespace storyline {
namespace {

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t sp = text.find(' ', start);
    if (sp == std::string::npos) sp = text.size();
    if (sp > start) out.push_back(text.substr(start, sp - start));
    start = sp + 1;
  }
  return out;
}

const NerTagger& Embedded() {
  const Result<NerTagger>& t = NerTagger::Default();
  EXPECT_TRUE(t.ok()) << t.status().ToString();
  return *t;
}

struct EntityCase {
  const char* sentence;
  size_t begin, end;       // expected entity tokens
  const char* type;        // storyline type
};

TEST(NerTaggerTest, FindsObviousNamesInInventedSentences) {
  const EntityCase kCases[] = {
      {"Yesterday Barack Obama visited the new school .", 1, 3, "PERSON"},
      {"She moved to London last year .", 3, 4, "PLACE"},
      {"John Smith said the plan would work .", 0, 2, "PERSON"},
      {"We spent two weeks in Germany and loved it .", 5, 6, "PLACE"},
  };
  ASSERT_TRUE(NerTagger::Default().ok());
  for (const EntityCase& c : kCases) {
    std::vector<std::string> words = Words(c.sentence);
    std::vector<std::string> tags = Embedded().Tag(words);
    ASSERT_EQ(tags.size(), words.size());
    bool found = false;
    for (const NerSpan& s : NerSpans(tags)) {
      if (s.begin == c.begin && s.end == c.end && NerEntityType(s.label) == c.type) found = true;
    }
    EXPECT_TRUE(found) << c.sentence;
  }
}

TEST(NerTaggerTest, EmptyInputGivesNoTags) {
  ASSERT_TRUE(NerTagger::Default().ok());
  EXPECT_TRUE(Embedded().Tag({}).empty());
}

TEST(NerTaggerTest, SerializeRoundTripTagsTheSame) {
  ASSERT_TRUE(NerTagger::Default().ok());
  const std::string bytes = Embedded().Serialize();
  Result<NerTagger> copy = NerTagger::FromBytes(bytes);
  ASSERT_TRUE(copy.ok()) << copy.status().ToString();
  EXPECT_EQ(copy->labels(), Embedded().labels());
  EXPECT_EQ(copy->Serialize(), bytes);
  std::vector<std::string> words = Words("Mary Jones flew from Paris to Tokyo with Acme Corp .");
  EXPECT_EQ(copy->Tag(words), Embedded().Tag(words));
}

TEST(NerTaggerTest, BadBytesGiveCorruption) {
  ASSERT_TRUE(NerTagger::Default().ok());
  const std::string good = Embedded().Serialize();
  std::string flipped = good;
  flipped[flipped.size() / 2] ^= 0x5a;
  std::string bad_magic = good;
  bad_magic[0] = 'X';
  const std::string cases[] = {"", "hello", good.substr(0, good.size() - 1), good.substr(0, 40),
                               flipped, bad_magic};
  for (const std::string& bytes : cases) {
    Result<NerTagger> t = NerTagger::FromBytes(bytes);
    ASSERT_FALSE(t.ok());
    EXPECT_EQ(t.status().code(), StatusCode::kCorruption);
    EXPECT_NE(t.status().message().find("ner model"), std::string::npos) << t.status().message();
  }
}

// Rewrites the trailing checksum (FNV-1a 64 of the preceding bytes, as the
// format in ner.cc specifies) so the damage reaches the field checks.
std::string Resealed(std::string bytes) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i + 8 < bytes.size(); ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * 1099511628211ULL;
  std::memcpy(&bytes[bytes.size() - 8], &h, 8);
  return bytes;
}

TEST(NerTaggerTest, DamagedFieldsWithValidChecksumGiveCorruption) {
  ASSERT_TRUE(NerTagger::Default().ok());
  const std::string good = Embedded().Serialize();
  struct FieldCase {
    size_t offset;  // of a u32 field
    uint32_t value;
    const char* expected;  // fragment of the message
  };
  const FieldCase kCases[] = {
      {8, 99, "version"},          // version
      {12, 40, "hash bits"},       // hash bits beyond the bound
      {16, 0, "label count"},      // no labels
      {16, 100000, "label count"}, // absurd label count
  };
  for (const FieldCase& c : kCases) {
    std::string bytes = good;
    std::memcpy(&bytes[c.offset], &c.value, 4);
    Result<NerTagger> t = NerTagger::FromBytes(Resealed(bytes));
    ASSERT_FALSE(t.ok()) << c.expected;
    EXPECT_EQ(t.status().code(), StatusCode::kCorruption);
    EXPECT_NE(t.status().message().find(c.expected), std::string::npos) << t.status().message();
  }
}

TEST(NerTaggerTest, MissingFileIsNotFound) {
  Result<NerTagger> t = NerTagger::Load("/nonexistent/ner.bin");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), StatusCode::kNotFound);
}

struct SpanCase {
  std::vector<std::string> tags;
  std::vector<NerSpan> spans;
};

TEST(NerSpansTest, ConllevalChunking) {
  const SpanCase kCases[] = {
      {{"O", "B-PER", "I-PER", "O"}, {{1, 3, "PER"}}},
      {{"B-PER", "B-PER"}, {{0, 1, "PER"}, {1, 2, "PER"}}},
      {{"O", "I-LOC", "I-LOC"}, {{1, 3, "LOC"}}},         // I- after O starts a chunk
      {{"B-ORG", "I-LOC"}, {{0, 1, "ORG"}, {1, 2, "LOC"}}},  // type change starts a chunk
      {{"O", "O"}, {}},
  };
  for (const SpanCase& c : kCases) EXPECT_EQ(NerSpans(c.tags), c.spans);
}

TEST(NerScoreTest, ExactSpanAndType) {
  NerScore s;
  AddToScore({"B-PER", "I-PER", "O", "B-LOC"}, {"B-PER", "O", "O", "B-LOC"}, &s);
  EXPECT_EQ(s.gold, 2u);
  EXPECT_EQ(s.predicted, 2u);
  EXPECT_EQ(s.correct, 1u);
  EXPECT_DOUBLE_EQ(s.f1(), 0.5);
}

TEST(NerTrainTest, LearnsATinyDataSet) {
  std::vector<NerSentence> train = {
      {{"Alice", "lives", "in", "Rome"}, {"B-PER", "O", "O", "B-LOC"}},
      {{"Bob", "lives", "in", "Oslo"}, {"B-PER", "O", "O", "B-LOC"}},
  };
  NerTrainOptions options;
  options.hash_bits = 12;  // tiny table: the test data has a few dozen features
  options.max_epochs = 5;
  Result<NerTagger> t = TrainNer(train, train, options, nullptr);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->Tag(train[0].words), train[0].tags);
  EXPECT_EQ(t->labels().front(), "O");
}

TEST(NerTrainTest, EmptyTrainingIsInvalidInput) {
  Result<NerTagger> t = TrainNer({}, {}, {}, nullptr);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), StatusCode::kInvalidInput);
}

}  // namespace
}  // namespace storyline
