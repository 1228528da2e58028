#include "run/location.hpp"

namespace gatelab::cli {

std::string Location::text() const {
  if (file.empty()) {
    if (line == 0) return {};
    return "line " + std::to_string(line) + (column ? ", column " + std::to_string(column) : "");
  }
  std::string s = file;
  if (line) s += ":" + std::to_string(line);
  if (line && column) s += ":" + std::to_string(column);
  return s;
}

std::string located(const Location& where, const std::string& message) {
  const std::string at = where.text();
  return at.empty() ? message : at + ": " + message;
}

Error placed_in(const std::string& file, const Error& e) {
  return Error(located({file, e.line(), e.column()}, e.message()));
}

}  // namespace gatelab::cli
