// tsv_columns.h: the columns of one line of the tab-separated training
// files the models are trained from (CoNLL-U, the IOB2 files of UNER).
//
//   for (std::string_view col : storyline::SplitTabs("1\tThe\tthe")) ...
//
// Thread-safety: a pure function.
#ifndef STORYLINE_EXTRACT_TSV_COLUMNS_H_
#define STORYLINE_EXTRACT_TSV_COLUMNS_H_

#include <string_view>
#include <vector>

namespace storyline {

// The fields of `line` between tabs, empty ones included; views into `line`.
inline std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    cols.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return cols;
}

}  // namespace storyline

#endif  // STORYLINE_EXTRACT_TSV_COLUMNS_H_
