#include "run/parse_text.hpp"

#include "gatelab/engine/error.hpp"
#include "gatelab/support/translate.hpp"
#include "gatelab/teach/answer.hpp"
#include "gatelab/teach/format.hpp"

namespace gatelab::cli {

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t");
  const auto e = s.find_last_not_of(" \t");
  return b == std::string_view::npos ? std::string{} : std::string(s.substr(b, e - b + 1));
}

std::string shortened(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return std::string(text);
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // between characters
  return std::string(text.substr(0, cut)) + trf("... ({} bytes)", text.size());
}

std::vector<std::string> split_list(std::string_view s, char separator) {
  std::vector<std::string> items;
  std::size_t start = 0;
  int depth = 0;  // brackets open
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size()) {
      depth += s[i] == '[' ? 1 : s[i] == ']' ? -1 : 0;
      if (s[i] != separator || depth > 0) continue;
    }
    if (auto item = trim(s.substr(start, i - start)); !item.empty()) items.push_back(item);
    start = i + 1;
  }
  return items;
}

std::optional<double> parse_number(std::string_view raw) {
  const auto a = read_answer(raw);  // the one reader of a typed number (lib/teach/answer.hpp)
  if (!a || a->no_gradient) return std::nullopt;
  return a->value;
}

namespace {

// The items between the brackets of "[...]".
std::vector<std::string> bracket_items(std::string_view raw) {
  const std::string text = trim(raw);
  if (text.size() < 2 || text.front() != '[' || text.back() != ']')
    throw Error(tr("expected an array such as [1, 2] or [[1, 2], [3, 4]]"));
  const std::string_view inside = std::string_view(text).substr(1, text.size() - 2);
  std::vector<std::string> items = split_list(inside);
  if (items.empty()) throw Error(tr("an array needs at least one entry, as in [1, 2]"));
  int depth = 0;
  std::size_t commas = 0;  // between the entries: [1, 2,] and [1,, 2] have an entry missing
  for (const char c : inside) {
    depth += c == '[' ? 1 : c == ']' ? -1 : 0;
    commas += depth == 0 && c == ',';
  }
  if (commas + 1 != items.size())
    throw Error(
        trf("an entry of '{}' is missing: every ',' stands between two entries, as in [1, 2]", shortened(text, 60)));
  return items;
}

// The numbers of a vector's items.
NumberArray numbers_of(const std::vector<std::string>& items) {
  NumberArray a{{static_cast<int>(items.size())}, {}};
  for (const std::string& item : items) {
    const auto v = parse_number(item);
    if (!v) throw Error(trf("'{}' is not a finite number", shortened(item, 60)));
    a.values.push_back(*v);
    a.texts.push_back(item);
  }
  return a;
}

}  // namespace

NumberArray parse_number_array(std::string_view raw) {
  const std::vector<std::string> items = bracket_items(raw);
  const bool rows = items.front().front() == '[';
  for (const std::string& item : items)
    if ((item.front() == '[') != rows) throw Error(tr("an array's entries must all be numbers or all be rows"));
  if (!rows) return numbers_of(items);
  NumberArray a{{static_cast<int>(items.size())}, {}};
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::vector<std::string> entries = bracket_items(items[i]);
    for (const std::string& entry : entries)  // checked before reading on: nesting stops at two
      if (entry.front() == '[')
        throw Error(tr("arrays have at most two dimensions: a vector [1, 2] or a matrix [[1, 2], [3, 4]]"));
    const NumberArray row = numbers_of(entries);
    if (i == 0) a.shape.push_back(row.shape[0]);
    if (row.shape[0] != a.shape[1])
      throw Error(
          row.shape[0] == 1
              ? trf("the rows of a matrix must be equally long: row {} has 1 entry, row 1 has {}", i + 1, a.shape[1])
              : trf("the rows of a matrix must be equally long: row {} has {} entries, row 1 has {}", i + 1,
                    row.shape[0], a.shape[1]));
    a.values.insert(a.values.end(), row.values.begin(), row.values.end());
    a.texts.insert(a.texts.end(), row.texts.begin(), row.texts.end());
  }
  return a;
}

std::string array_text(const std::vector<int>& shape, const std::vector<double>& values) {
  auto row = [&](std::size_t from, std::size_t count) {
    std::string s = "[";
    for (std::size_t i = 0; i < count; ++i) s += (i ? ", " : "") + format_number(values[from + i]);
    return s + "]";
  };
  if (shape.size() == 1) return row(0, values.size());
  const auto cols = static_cast<std::size_t>(shape[1]);
  std::string s = "[";
  for (std::size_t r = 0; r * cols < values.size(); ++r) s += (r ? ", " : "") + row(r * cols, cols);
  return s + "]";
}

std::optional<NameValue> split_name_value(std::string_view text, char separator) {
  const auto at = text.find(separator);
  if (at == std::string_view::npos) return std::nullopt;
  return NameValue{trim(text.substr(0, at)), trim(text.substr(at + 1))};
}

}  // namespace gatelab::cli
