#include "run/location.hpp"
#include "gatelab/support/translate.hpp"

namespace gatelab::cli {

std::string Location::text() const {
  if (file.empty()) {
    if (line == 0) return {};
    return column ? trf("line {}, column {}", line, column) : trf("line {}", line);
  }
  std::string s = file;
  if (line) s += ":" + std::to_string(line);
  if (line && column) s += ":" + std::to_string(column);
  return s;
}

std::string located(const Location& where, const std::string& message) {
  const std::string at = where.text();
  if (at.empty()) return message;
  // FILE:LINE:COLUMN: stays as editors read it in every language; "第 3 行：..." in Chinese.
  return where.file.empty() ? trf("{}: {}", at, message) : at + ": " + message;
}

Error placed_in(const std::string& file, const Error& e) {
  return Error(located({file, e.line(), e.column()}, e.message()));
}

}  // namespace gatelab::cli
