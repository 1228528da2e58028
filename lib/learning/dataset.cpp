#include "gatelab/learning/dataset.hpp"

#include <charconv>
#include <string>

#include "gatelab/engine/error.hpp"
#include "gatelab/support/translate.hpp"

namespace gatelab {

namespace {

constexpr std::size_t attributes = 9;

[[noreturn]] void fail(int line, std::size_t field, const std::string& message) {
  throw Error(line, 0, field ? trf("field {}: {}", field, message) : message);
}

int integer(std::string_view text, int line, std::size_t field) {
  int v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || end != text.data() + text.size()) fail(line, field, trf("'{}' is not a whole number", text));
  return v;
}

}  // namespace

DataSplit parse_breast_cancer(std::string_view text) {
  DataSplit split;
  for (Samples* s : {&split.train, &split.valid, &split.test}) s->features = attributes;
  std::size_t kept = 0, rows = 0;
  int line = 0;
  while (!text.empty()) {
    ++line;
    const auto nl = text.find('\n');
    std::string_view row = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
    if (row.empty()) continue;
    if (++rows > max_data_rows)
      fail(line, 0, trf("more than {} rows, the most gatelab reads (the data has 699)", max_data_rows));

    std::vector<std::string_view> fields;
    for (std::size_t start = 0;;) {
      const auto comma = row.find(',', start);
      fields.push_back(row.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    if (fields.size() != attributes + 2)
      fail(line, 0, trf("expected 11 comma-separated fields (id, 9 attributes, class), found {}", fields.size()));
    integer(fields[0], line, 1);
    bool missing = false;
    double features[attributes];
    for (std::size_t i = 0; i < attributes; ++i) {
      if (fields[i + 1] == "?") {
        missing = true;
        continue;
      }
      const int a = integer(fields[i + 1], line, i + 2);
      if (a < 1 || a > 10) fail(line, i + 2, trf("attribute {} is outside 1..10", a));
      features[i] = (a - 1) / 9.0;
    }
    const int cls = integer(fields[attributes + 1], line, attributes + 2);
    if (cls != 2 && cls != 4) fail(line, attributes + 2, trf("class {} is neither 2 (benign) nor 4 (malignant)", cls));
    if (missing) {
      ++split.dropped;
      continue;
    }
    const std::size_t r = kept++ % 5;
    Samples& s = r <= 2 ? split.train : r == 3 ? split.valid : split.test;
    s.x.insert(s.x.end(), features, features + attributes);
    s.y.push_back(cls == 4 ? 1 : 0);
  }
  if (kept == 0) throw Error(tr("no complete rows: the data has no row without '?'"));
  if (kept == 1)
    throw Error(
        tr("only 1 complete row: the split needs at least 5 (of every five rows three train, the fourth "
           "validates and the fifth tests)"));
  if (kept < 5)
    throw Error(
        trf("only {} complete rows: the split needs at least 5 (of every five rows three train, "
            "the fourth validates and the fifth tests)",
            kept));
  return split;
}

}  // namespace gatelab
