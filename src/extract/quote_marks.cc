// PairQuoteMarks: a stack matcher over each paragraph. Whether a mark can
// open or close comes from its shape (“ opens, ” closes, „ opens) and from
// its neighbours (CommonMark-style flanking: an opener is followed by text,
// a closer preceded by it), which is what tells an apostrophe or a closing
// straight quote from an opening one.
#include "extract/quote_marks.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <string_view>

namespace storyline {
namespace {

enum class Shape {
  kNone,
  kStraight,  // " or ': either way, by neighbours
  kOpen,      // “ ‘ „ ‚ ‟ ‛
  kClose,     // ” ’
  kGuillemet  // « » ‹ ›: either way (French «…», German »…«)
};

struct MarkInfo {
  Shape shape = Shape::kNone;
  bool single = false;
  bool low = false;  // „ ‚: closed by “ or ‘ as well
};

MarkInfo Classify(char32_t c) {
  switch (c) {
    case U'"': return {Shape::kStraight, false, false};
    case U'\'': return {Shape::kStraight, true, false};
    case U'\u201C': return {Shape::kOpen, false, false};
    case U'\u201F': return {Shape::kOpen, false, false};
    case U'\u201D': return {Shape::kClose, false, false};
    case U'\u201E': return {Shape::kOpen, false, true};
    case U'\u2018': return {Shape::kOpen, true, false};
    case U'\u201B': return {Shape::kOpen, true, false};
    case U'\u2019': return {Shape::kClose, true, false};
    case U'\u201A': return {Shape::kOpen, true, true};
    case U'\u00AB': return {Shape::kGuillemet, false, false};
    case U'\u00BB': return {Shape::kGuillemet, false, false};
    case U'\u2039': return {Shape::kGuillemet, true, false};
    case U'\u203A': return {Shape::kGuillemet, true, false};
    default: return {};
  }
}

bool IsBreak(char32_t c) { return c == U'\n' || c == U'\r' || c == U'\u2029' || c == U'\u2028'; }

bool IsSpace(char32_t c) {
  return c == U' ' || c == U'\t' || IsBreak(c) || c == U'\u00A0' || u_isUWhiteSpace(static_cast<UChar32>(c));
}

bool IsAlnum(char32_t c) {
  if (c < 0x80) return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9');
  return u_isalnum(static_cast<UChar32>(c)) != 0;
}

bool IsDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

char32_t At(const std::u32string& s, size_t i, size_t begin, size_t end) {
  return i >= begin && i < end ? s[i] : U' ';
}

// Lower-case ASCII letters after an apostrophe that make it an elision
// ('em, 'til, 'cause, 'n', 'tis, 'twas), not an opening mark.
bool IsElision(const std::u32string& s, size_t i, size_t end) {
  // '90s, '08: two digits then a non-digit.
  if (i + 2 < end && IsDigit(s[i + 1]) && IsDigit(s[i + 2]) && !IsDigit(At(s, i + 3, 0, end))) {
    return true;
  }
  static constexpr std::array<std::u32string_view, 7> kElisions = {U"em", U"til", U"cause", U"n",
                                                                   U"tis", U"twas", U"bout"};
  for (std::u32string_view e : kElisions) {
    if (i + 1 + e.size() > end) continue;
    if (std::u32string_view(s).substr(i + 1, e.size()) == e && !IsAlnum(At(s, i + 1 + e.size(), 0, end))) {
      return true;
    }
  }
  return false;
}

struct Open {
  size_t pos;
  bool single;
  bool low;
  size_t paragraphs;
};

class Pairer {
 public:
  explicit Pairer(const std::u32string& s) : s_(s) {}

  std::vector<MarkedSpan> Run() {
    size_t begin = 0;
    while (begin < s_.size()) {
      size_t end = begin;
      while (end < s_.size() && !IsBreak(s_[end])) ++end;
      Paragraph(begin, end);
      begin = end + 1;
    }
    FlushAll(last_end_);
    std::sort(out_.begin(), out_.end(),
              [](const MarkedSpan& a, const MarkedSpan& b) { return a.open < b.open; });
    MarkNested();
    return std::move(out_);
  }

 private:
  void Paragraph(size_t begin, size_t end) {
    size_t first = begin;
    while (first < end && IsSpace(s_[first])) ++first;
    if (first == end) return;  // blank line: a carried quotation waits for text
    size_t i = first;
    if (!stack_.empty()) {
      // A carried quotation continues only if this paragraph opens with a
      // mark of its family; otherwise it ended with the previous paragraph.
      MarkInfo m = Classify(s_[first]);
      if (m.shape != Shape::kNone && m.shape != Shape::kClose && m.single == stack_.front().single) {
        stack_.resize(1);
        ++stack_.front().paragraphs;
        i = first + 1;
      } else {
        // "…, said: "I think we learned a lot. / It was a very emotional
        // day."": a paragraph that goes on with the unclosed quotation
        // without opening a mark may still close it; its words up to that
        // stray closing mark are quoted too.
        orphan_from_ = first;
        orphan_single_ = stack_.front().single;
        FlushAll(last_end_);
      }
    }
    for (; i < end; ++i) {
      // Two straight single marks typed for an opening double one ("''The
      // Gulf is not deep enough,” he was quoted as saying"): one double
      // mark, whose opening position is its second character, when a
      // double mark closes it in the paragraph. (Glued to a word before them
      // they are elisions, "goin'' way", "takin''m"; closed by two single
      // marks they are a wiki's italics, ''Titel''.)
      doubled_ = s_[i] == U'\'' && i + 2 < end && s_[i + 1] == U'\'' && IsAlnum(s_[i + 2]) &&
                 (i == begin || (!IsAlnum(s_[i - 1]) && s_[i - 1] != U'\'')) && DoubleCloserAfter(i + 2, end);
      Mark(i, begin, end);
      if (doubled_) ++i;
      doubled_ = false;
    }
    orphan_from_ = kNoOrphan;
    last_end_ = TrimEnd(begin, end);
    if (stack_.empty()) return;
    // Open marks at the end of a paragraph: the outermost may continue in
    // the next paragraph; the ones inside it end here.
    while (stack_.size() > 1) {
      Unclosed(stack_.back(), last_end_);
      stack_.pop_back();
    }
    if (stack_.front().single) {
      // A lone single mark is far more often a missed apostrophe than a
      // multi-paragraph quotation: end it here.
      FlushAll(last_end_);
    }
  }

  // True when a closing-capable double mark (” or ") lies in [from, end).
  bool DoubleCloserAfter(size_t from, size_t end) const {
    for (size_t j = from; j < end; ++j) {
      if (s_[j] == U'\u201D' || s_[j] == U'"') return true;
    }
    return false;
  }

  size_t TrimEnd(size_t begin, size_t end) const {
    while (end > begin && IsSpace(s_[end - 1])) --end;
    return end;
  }

  void Mark(size_t i, size_t begin, size_t end) {
    const MarkInfo m = doubled_ ? MarkInfo{Shape::kStraight, false, false} : Classify(s_[i]);
    const size_t after = doubled_ ? i + 2 : i + 1;  // the character after the mark
    if (m.shape == Shape::kNone) return;
    const char32_t prev = At(s_, i - 1, begin, end);
    const char32_t next = At(s_, after, begin, end);
    if (m.single && IsAlnum(prev) && IsAlnum(next)) return;  // don't, O'Neill
    const bool prev_space = IsSpace(prev) || i == begin;
    const bool next_space = IsSpace(next) || after == end;
    const bool prev_punct = !prev_space && !IsAlnum(prev);
    const bool next_punct = !next_space && !IsAlnum(next);
    const bool left = !next_space && (!next_punct || prev_space || prev_punct);
    const bool right = !prev_space && (!prev_punct || next_space || next_punct);
    const int match = FindOpener(m.single);
    bool can_open = left;
    bool can_close = right;
    switch (m.shape) {
      case Shape::kOpen:
        // “ closes a German „…“ quotation, and an English one where the
        // closing mark was typed as an opening one (MistypedClose);
        // otherwise it only opens. Glued to a word's end with nothing
        // open, it closes nothing and opens nothing either.
        if (match >= 0 && !m.low && !m.single && AtSentenceStart(i, begin, end) && stack_[match].pos >= begin &&
            !DoubleMarkBetween(stack_[match].pos + 1, i)) {
          // A sentence opening with “ inside an open “…: a paragraph
          // break the text lost (the open quotation continues in a new
          // paragraph, FlattenedParagraph) or its closing mark typed the
          // wrong way. An open mark inside a noun phrase ("the “very
          // spiritual' employee") was a stray one: it quotes nothing.
          const bool stray = !OpensClause(stack_[match].pos, begin);
          if (stray && FlattenedParagraph(i, end)) {
            stack_.erase(stack_.begin() + match, stack_.end());
            stack_.push_back({i, m.single, m.low, 1});
            return;
          }
          if (!stray) {
            if (FlattenedParagraph(i, end)) {
              SplitAt(static_cast<size_t>(match), i);
              stack_.push_back({i, m.single, m.low, 1});
            } else {
              Close(static_cast<size_t>(match), i);
            }
            return;
          }
        }
        can_close = match >= 0 && ((right && stack_[match].low) || (!m.low && MistypedClose(i, begin, end, m.single)));
        if (m.low) can_close = false;
        can_open = !can_close && (left || !right);
        break;
      case Shape::kClose:
        // ” also opens in Swedish/Finnish ”…” when nothing is open.
        can_open = left && !right && match < 0 && !(m.single && IsElision(s_, i, end));
        can_close = !can_open && (right || !left);
        break;
      case Shape::kStraight:
        if (m.single && left && IsElision(s_, i, end)) return;
        break;
      default: break;
    }
    if (can_close && match >= 0) {
      Close(static_cast<size_t>(match), i);
      return;
    }
    // The stray closing mark of a paragraph continuing an unclosed
    // quotation (above): the span opens at the paragraph's start, on the
    // break before it (content is (open, end), marks excluded).
    if (can_close && !can_open && stack_.empty() && orphan_from_ != kNoOrphan && m.single == orphan_single_ &&
        i > orphan_from_ + 1) {
      out_.push_back({orphan_from_ - 1, i, true, m.single, false, 1});
      orphan_from_ = kNoOrphan;
      return;
    }
    if (can_open) {
      stack_.push_back({after - 1, m.single, m.low, 1});
      orphan_from_ = kNoOrphan;  // a quotation of its own opens first
    }
  }

  // True when the opening-shaped mark at `i`, with a quotation of its
  // family open, is that quotation's closing mark typed the wrong way
  // (the typographic rule): glued to the end of a word and followed by a
  // space or punctuation ("the “illegal use“ of force"), or after a comma
  // and a space where the attribution follows ("“We will appeal, “Renn
  // said. “We …”") -- known there by the family's next mark in the
  // paragraph, which opens again (or never comes) rather than closing.
  bool MistypedClose(size_t i, size_t begin, size_t end, bool single) const {
    const char32_t prev = At(s_, i - 1, begin, end);
    const char32_t next = At(s_, i + 1, begin, end);
    if (IsAlnum(prev) || (!IsSpace(prev) && i > begin && prev != U'(' && prev != U'[' && !IsQuoteMark(prev))) {
      if (i + 1 == end || IsSpace(next) || (!IsAlnum(next) && !IsQuoteMark(next))) return true;
    }
    if (!(IsSpace(prev) && i >= begin + 2 && s_[i - 2] == U',' && IsAlnum(next))) return false;
    const int match = FindOpener(single);
    if (match < 0 || stack_[match].pos < begin) return false;
    for (size_t j = i + 1; j < end; ++j) {
      const MarkInfo n = Classify(s_[j]);
      if (n.shape == Shape::kNone || n.single != single) continue;
      return n.shape != Shape::kClose;
    }
    return true;
  }

  // True when the mark at `i` follows a sentence's end (`.`, `!` or `?`,
  // then spaces) and is followed by a word. Closing marks of quotations
  // inside the open one may come between ("… three people shot! ''' “This
  // is …": the inner quotation closed, straight, with the sentence).
  bool AtSentenceStart(size_t i, size_t begin, size_t end) const {
    if (!IsAlnum(At(s_, i + 1, begin, end))) return false;
    size_t j = i;
    while (j > begin && IsSpace(s_[j - 1])) --j;
    if (j == i || j == begin) return false;
    while (j > begin + 1 && (s_[j - 1] == U'\'' || s_[j - 1] == U'\u2019' || IsSpace(s_[j - 1])) &&
           !IsAlnum(s_[j - 2])) {
      --j;
    }
    const char32_t p = s_[j - 1];
    return p == U'.' || p == U'!' || p == U'?';
  }

  // True when the mark at `pos` opens a clause: at the paragraph's start or
  // after a sentence's end (a closed quotation's too), a colon, a comma or
  // a dash (not "the “very spiritual' …", a stray mark inside a noun
  // phrase).
  bool OpensClause(size_t pos, size_t begin) const {
    size_t j = pos;
    while (j > begin && IsSpace(s_[j - 1])) --j;
    if (j == begin) return true;
    const char32_t p = s_[j - 1];
    // ("… the building.” “It then spread …": right after a quotation that
    // closed a sentence, the next one opens a clause of its own.)
    if (p == U'\u201D' && j >= begin + 2) {
      const char32_t q = s_[j - 2];
      if (q == U'.' || q == U'!' || q == U'?') return true;
    }
    return p == U'.' || p == U'!' || p == U'?' || p == U':' || p == U',' || p == U'\u2014' || p == U'\u2013' ||
           (p == U'-' && j < pos);
  }

  // True when a double mark lies in [from, to): the open quotation holds
  // quoted words of its own, so its opening mark may be a stray one.
  bool DoubleMarkBetween(size_t from, size_t to) const {
    for (size_t j = from; j < to; ++j) {
      const MarkInfo n = Classify(s_[j]);
      if (n.shape != Shape::kNone && !n.single) return true;
    }
    return false;
  }

  // Whether the sentence-opening “ at `i`, with a “ open, starts a new
  // paragraph of the same quotation in a text whose paragraph breaks were
  // lost ("… at home. “It's been a long season. “You never …”"): the
  // newspaper convention leaves the first paragraph unclosed and opens the
  // next with a mark. Known by the double marks after it: more sentence-
  // opening “ and then a closing ”. When none closes, or a mark opens
  // inside a sentence first ("… a “social drinker” …"), the mark at `i`
  // was the open quotation's closing mark typed the wrong way, and the
  // words after it are the writer's.
  bool FlattenedParagraph(size_t i, size_t end) const {
    for (size_t j = i + 1; j < end; ++j) {
      const MarkInfo n = Classify(s_[j]);
      if (n.shape == Shape::kNone || n.single) continue;
      if (n.shape == Shape::kClose) return true;
      if (n.shape != Shape::kOpen || n.low || !AtSentenceStart(j, 0, end)) return false;
    }
    return false;
  }

  // Ends the open mark stack_[k] (and the marks opened inside it) before
  // `at`, unclosed: its paragraph went on in a new one at `at`.
  void SplitAt(size_t k, size_t at) {
    while (stack_.size() > k) {
      Unclosed(stack_.back(), at);
      stack_.pop_back();
    }
  }

  // Index in stack_ of the innermost open mark of the family, or -1.
  int FindOpener(bool single) const {
    for (size_t k = stack_.size(); k-- > 0;) {
      if (stack_[k].single == single) return static_cast<int>(k);
    }
    return -1;
  }

  void Close(size_t k, size_t at) {
    // Marks opened inside this one and never closed end where it ends.
    while (stack_.size() > k + 1) {
      Unclosed(stack_.back(), at);
      stack_.pop_back();
    }
    const Open& o = stack_[k];
    if (at > o.pos + 1) out_.push_back({o.pos, at, true, o.single, false, o.paragraphs});
    stack_.pop_back();
  }

  // An open mark that was never closed stops at `limit`; a single mark
  // sooner, at the end of its sentence, since it is usually one quoted
  // word whose closing mark is missing.
  void Unclosed(const Open& o, size_t limit) {
    size_t end = limit;
    // English double marks do not nest: a double quotation never closed
    // that would hold a closed double quotation lost its closing mark
    // before that one opened ("“I'm sad …, 'New Moon,' she wrote …, but
    // noted that: “Torches … necessary.”").
    for (const MarkedSpan& q : out_) {
      if (!o.single && !o.low && !q.single && q.closed && q.open > o.pos && q.open < end) end = q.open;
    }
    if (o.single) {
      for (size_t j = o.pos + 1; j + 1 < limit; ++j) {
        if ((s_[j] == U'.' || s_[j] == U'!' || s_[j] == U'?') && IsSpace(s_[j + 1])) {
          end = j;
          break;
        }
      }
    }
    while (end > o.pos + 1 && IsSpace(s_[end - 1])) --end;
    if (end > o.pos + 1) out_.push_back({o.pos, end, false, o.single, false, o.paragraphs});
  }

  void FlushAll(size_t limit) {
    while (!stack_.empty()) {
      Unclosed(stack_.back(), stack_.size() == 1 ? limit : std::min(limit, last_end_));
      stack_.pop_back();
    }
  }

  void MarkNested() {
    std::vector<size_t> ends;
    for (MarkedSpan& q : out_) {
      while (!ends.empty() && ends.back() <= q.open) ends.pop_back();
      q.nested = !ends.empty() && q.end <= ends.back();
      if (!q.nested) ends.assign(1, q.end);
    }
  }

  static constexpr size_t kNoOrphan = static_cast<size_t>(-1);

  bool doubled_ = false;  // the mark being read is two straight single marks

  const std::u32string& s_;
  std::vector<Open> stack_;
  size_t orphan_from_ = kNoOrphan;  // start of a paragraph that may close the last one's quotation
  bool orphan_single_ = false;
  std::vector<MarkedSpan> out_;
  size_t last_end_ = 0;
};

}  // namespace

bool IsQuoteMark(char32_t c) { return Classify(c).shape != Shape::kNone; }

std::vector<MarkedSpan> PairQuoteMarks(const std::u32string& cps) { return Pairer(cps).Run(); }

}  // namespace storyline
