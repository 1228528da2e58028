#include "run/expectations.hpp"

#include <cmath>
#include <cstdlib>

#include "gatelab/language/input_text.hpp"
#include "gatelab/support/translate.hpp"
#include "gatelab/teach/format.hpp"
#include "run/parse_text.hpp"

namespace gatelab::cli {

namespace {

// Half a unit in the last decimal place written: 5e-05 for 1.5456, 0.5 for 2.
double half_unit(const std::string& text) {
  const auto dot = text.find('.');
  const auto exp = text.find_first_of("eE");
  const auto mantissa_end = exp == std::string::npos ? text.size() : exp;
  const int decimals = dot == std::string::npos || dot > mantissa_end ? 0 : static_cast<int>(mantissa_end - dot - 1);
  // As a double: 0.0e-2147483648 has an exponent and a decimal that no int holds together.
  const double exponent =
      exp == std::string::npos ? 0 : static_cast<double>(std::strtol(text.c_str() + exp + 1, nullptr, 10));
  return 0.5 * std::pow(10.0, exponent - decimals);
}

// Digits from the first non-zero one to the last written: 2 for 2.1, 3 for 0.0179, 1 for 0.
int significant_digits(const std::string& text) {
  const auto mantissa_end = text.find_first_of("eE");
  int digits = 0;
  bool started = false;
  for (std::size_t i = 0; i < std::min(mantissa_end, text.size()); ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') continue;
    started = started || c != '0';
    digits += started;
  }
  return std::max(digits, 1);
}

Asks asks(Expectation::Kind kind) { return kind == Expectation::Kind::Value ? Asks::Value : Asks::Grad; }

}  // namespace

Answer written_answer(std::string_view number, std::optional<double> tol) {
  const std::string text = trim(number);
  const auto v = parse_number(text);
  if (!v) throw Error(trf("'{}' is not a number", text));
  return {*v, half_unit(text), significant_digits(text), tol};
}

std::string Expectation::subject() const {
  switch (kind) {
    case Kind::Grad:
      return "grad(" + name + ")";
    case Kind::Tangent:
      return "tangent(" + name + ")";
    case Kind::Value:
      break;
  }
  return name;
}

Expectation parse_expectation(std::string_view typed, std::optional<double> tol) {
  const std::string text = fold_input(typed);  // grad（x）＝－４ is grad(x)=-4
  const auto pair = split_name_value(text);
  const Error usage(tr("expected NAME=VALUE, grad(NAME)=VALUE or tangent(NAME)=VALUE, as in grad(x)=4"));
  if (!pair) throw usage;
  Expectation e;
  e.text = trim(text);
  std::string lhs = pair->name;
  for (auto open = lhs.find('['); open != std::string::npos; open = lhs.find('[', open + 1))  // W[1, 0] is W[1,0]
    for (std::size_t i = open; i < lhs.size() && lhs[i] != ']';) lhs[i] == ' ' ? void(lhs.erase(i, 1)) : void(++i);
  for (auto [prefix, kind] :
       {std::pair{"grad(", Expectation::Kind::Grad}, std::pair{"tangent(", Expectation::Kind::Tangent}}) {
    const std::string p = prefix;
    if (lhs.rfind(p, 0) == 0 && lhs.size() > p.size() + 1 && lhs.back() == ')') {
      e.kind = kind;
      lhs = trim(lhs.substr(p.size(), lhs.size() - p.size() - 1));
    }
  }
  if (lhs.empty() || lhs.find_first_of("() ") != std::string::npos) throw usage;
  e.name = lhs;
  e.written = pair->value;
  e.answer = written_answer(pair->value, tol);
  return e;
}

std::vector<Expectation> parse_expectations(std::string_view typed, std::optional<double> tol) {
  const std::string text = fold_input(typed);
  const auto pair = split_name_value(text);
  if (!pair || pair->value.empty() || pair->value.front() != '[') return {parse_expectation(text, tol)};
  const NumberArray a = parse_number_array(pair->value);
  const Expectation whole = parse_expectation(pair->name + "=0", tol);  // the subject, read as any other
  std::vector<Expectation> entries;
  for (std::size_t i = 0; i < a.values.size(); ++i) {
    Expectation e = whole;
    e.text = trim(text);
    e.name += index_text(a.shape, i);
    e.written = a.texts[i];
    e.answer = written_answer(a.texts[i], tol);
    entries.push_back(e);
  }
  return entries;
}

std::string mismatch_text(const Expectation& e, double traced) {
  return trf("{}: expected {} ± {}, traced {} (difference {})", e.subject(), e.written,
             format_number(accepted_difference(e.answer, traced)), format_number(traced),
             format_number(traced - e.expected()));
}

std::vector<ExpectationResult> check_expectations(const Program& p, const std::vector<Expectation>& expectations,
                                                  const std::vector<double>& tangents) {
  std::vector<ExpectationResult> results;
  std::vector<Claim> claims;  // the values and gradients the learner gave, for each other's diagnoses
  for (const Expectation& e : expectations) {
    const NodeId id = p.find(e.name);
    const std::string origin = e.origin.empty() ? "" : e.origin + ": ";
    if (id == no_node) throw Error(origin + trf("the program has no value named '{}'", e.name));
    if (e.kind == Expectation::Kind::Tangent && tangents.empty())
      throw Error(origin + tr("a tangent needs forward mode (--mode forward --tangent NAME=DOT)"));
    ExpectationResult r{e};
    switch (e.kind) {
      case Expectation::Kind::Value:
        r.traced = p.graph.value(id);
        break;
      case Expectation::Kind::Grad:
        r.traced = p.graph.grad(id);
        break;
      case Expectation::Kind::Tangent:
        r.traced = tangents.at(id);
        break;
    }
    r.difference = r.traced - e.expected();
    r.accepted = accepted_difference(e.answer, r.traced);
    r.verdict = judge(e.answer, r.traced);
    results.push_back(r);
    claims.push_back({{id, asks(e.kind)}, e.answer});
  }
  const bool gradients = p.graph.node(p.output).requires_grad;
  for (std::size_t i = 0; i < results.size(); ++i) {
    ExpectationResult& r = results[i];
    if (r.match()) continue;
    // A tangent, or a gradient when backward is impossible, can only be judged as a number.
    if (r.expectation.kind == Expectation::Kind::Tangent || (claims[i].question.asks == Asks::Grad && !gradients)) {
      r.diagnosis = diagnose_number(claims[i].question, r.traced, r.expectation.answer);
      continue;
    }
    std::vector<Claim> others;
    for (std::size_t j = 0; j < claims.size(); ++j)
      if (j != i && results[j].expectation.kind != Expectation::Kind::Tangent) others.push_back(claims[j]);
    r.diagnosis = diagnose(p.graph, p.output, claims[i], others);
  }
  return results;
}

}  // namespace gatelab::cli
