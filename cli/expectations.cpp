#include "expectations.hpp"

#include <charconv>
#include <cmath>

namespace gatelab::cli {

static std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  const auto e = s.find_last_not_of(" \t");
  return b == std::string::npos ? std::string{} : s.substr(b, e - b + 1);
}

std::optional<double> parse_number(const std::string& raw) {
  const std::string text = trim(raw);
  double v = 0;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  if (begin != end && *begin == '+') ++begin;
  const auto [ptr, ec] = std::from_chars(begin, end, v);
  if (ec != std::errc{} || ptr != end || !std::isfinite(v)) return std::nullopt;
  return v;
}

// Half a unit in the last written decimal place; "exact" (1e-9 relative) for whole numbers.
static double written_precision(const std::string& text, double value) {
  const auto dot = text.find('.');
  const auto exp = text.find_first_of("eE");
  if (dot == std::string::npos) return 1e-9 * std::max(1.0, std::fabs(value));
  const auto last = exp == std::string::npos ? text.size() : exp;
  const int decimals = static_cast<int>(last - dot - 1);
  const int exponent = exp == std::string::npos ? 0 : std::atoi(text.c_str() + exp + 1);
  return 0.5 * std::pow(10.0, exponent - decimals) + 1e-12;
}

Expectation parse_expectation(const std::string& text, std::optional<double> tol) {
  const auto eq = text.find('=');
  const std::string usage = "--expect '" + text + "': expected NAME=VALUE or grad(NAME)=VALUE, as in --expect 'grad(x)=4'";
  if (eq == std::string::npos) throw Error(usage);
  Expectation e;
  e.text = text;
  std::string lhs = trim(text.substr(0, eq));
  const std::string rhs = trim(text.substr(eq + 1));
  if (lhs.rfind("grad(", 0) == 0 && lhs.size() > 6 && lhs.back() == ')') {
    e.grad = true;
    lhs = trim(lhs.substr(5, lhs.size() - 6));
  }
  if (lhs.empty() || lhs.find_first_of("() ") != std::string::npos) throw Error(usage);
  e.name = lhs;
  const auto v = parse_number(rhs);
  if (!v) throw Error("--expect '" + text + "': '" + rhs + "' is not a number");
  e.expected = *v;
  e.tolerance = tol ? *tol : written_precision(rhs, *v);
  return e;
}

std::vector<ExpectationResult> check_expectations(const Program& p, const std::vector<Expectation>& expectations) {
  std::vector<ExpectationResult> results;
  for (const Expectation& e : expectations) {
    const NodeId id = p.graph.find(e.name);
    if (id == no_node) throw Error("--expect '" + e.text + "': the program has no value named '" + e.name + "'");
    ExpectationResult r{e};
    r.traced = e.grad ? p.graph.grad(id) : p.graph.value(id);
    r.difference = r.traced - e.expected;
    r.match = std::fabs(r.difference) <= e.tolerance;
    results.push_back(r);
  }
  return results;
}

}  // namespace gatelab::cli
