#include "run/expectations.hpp"

#include <cmath>
#include <cstdlib>

#include "gatelab/format.hpp"
#include "run/parse_text.hpp"

namespace gatelab::cli {

double written_precision(std::string_view number) {
  const std::string text = trim(number);
  const auto value = parse_number(text).value_or(0);
  const auto dot = text.find('.');
  const auto exp = text.find_first_of("eE");
  if (dot == std::string::npos) return 1e-9 * std::max(1.0, std::fabs(value));
  const auto last = exp == std::string::npos ? text.size() : exp;
  const int decimals = static_cast<int>(last - dot - 1);
  const int exponent = exp == std::string::npos ? 0 : std::atoi(text.c_str() + exp + 1);
  return 0.5 * std::pow(10.0, exponent - decimals);
}

std::string Expectation::subject() const {
  switch (kind) {
    case Kind::Grad: return "grad(" + name + ")";
    case Kind::Tangent: return "tangent(" + name + ")";
    case Kind::Value: break;
  }
  return name;
}

Expectation parse_expectation(std::string_view text, std::optional<double> tol) {
  const auto pair = split_name_value(text);
  const Error usage("expected NAME=VALUE, grad(NAME)=VALUE or tangent(NAME)=VALUE, as in grad(x)=4");
  if (!pair) throw usage;
  Expectation e;
  e.text = trim(text);
  std::string lhs = pair->name;
  for (auto [prefix, kind] : {std::pair{"grad(", Expectation::Kind::Grad}, std::pair{"tangent(", Expectation::Kind::Tangent}}) {
    const std::string p = prefix;
    if (lhs.rfind(p, 0) == 0 && lhs.size() > p.size() + 1 && lhs.back() == ')') {
      e.kind = kind;
      lhs = trim(lhs.substr(p.size(), lhs.size() - p.size() - 1));
    }
  }
  if (lhs.empty() || lhs.find_first_of("() ") != std::string::npos) throw usage;
  e.name = lhs;
  const auto v = parse_number(pair->value);
  if (!v) throw Error("'" + pair->value + "' is not a number");
  e.expected = *v;
  e.tolerance = tol ? *tol : written_precision(pair->value);
  return e;
}

bool within_tolerance(double traced, const Expectation& e) {
  // A hair of slack, so that 0.25 written as 0.2 or 0.3 is not decided by binary rounding.
  return std::fabs(traced - e.expected) <= e.tolerance * (1 + 1e-9) + 1e-300;
}

std::string mismatch_text(const Expectation& e, double traced) {
  return e.subject() + ": expected " + format_number(e.expected) + " ± " + format_number(e.tolerance) + ", traced " +
         format_number(traced) + " (difference " + format_number(traced - e.expected) + ")";
}

std::vector<ExpectationResult> check_expectations(const Program& p, const std::vector<Expectation>& expectations,
                                                  const std::vector<double>& tangents) {
  std::vector<ExpectationResult> results;
  for (const Expectation& e : expectations) {
    const NodeId id = p.find(e.name);
    const std::string origin = e.origin.empty() ? "" : e.origin + ": ";
    if (id == no_node) throw Error(origin + "the program has no value named '" + e.name + "'");
    if (e.kind == Expectation::Kind::Tangent && tangents.empty())
      throw Error(origin + "a tangent needs forward mode (--mode forward --tangent NAME=DOT)");
    ExpectationResult r{e};
    switch (e.kind) {
      case Expectation::Kind::Value: r.traced = p.graph.value(id); break;
      case Expectation::Kind::Grad: r.traced = p.graph.grad(id); break;
      case Expectation::Kind::Tangent: r.traced = tangents.at(id); break;
    }
    r.difference = r.traced - e.expected;
    r.match = within_tolerance(r.traced, e);
    results.push_back(r);
  }
  return results;
}

}  // namespace gatelab::cli
