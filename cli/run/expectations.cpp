#include "run/expectations.hpp"

#include <fmt/format.h>

#include "gatelab/language/input_text.hpp"
#include "gatelab/support/translate.hpp"
#include "gatelab/teach/format.hpp"
#include "run/parse_text.hpp"

namespace gatelab::cli {

namespace {

Asks asks(Expectation::Kind kind) { return kind == Expectation::Kind::Value ? Asks::Value : Asks::Grad; }

}  // namespace

Answer written_answer(std::string_view number, std::optional<double> tol) {
  const auto a = read_answer(number, tol);
  if (!a) throw Error(trf("'{}' is not a number", trim(number)));
  return *a;
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

namespace {

// "3 ± 0.06", or the number alone when it is exact.
std::string written_with_margin(const Expectation& e, const Truth& traced) {
  if (e.answer.exact() || e.answer.no_gradient || !traced.value) return e.written;
  return fmt::format("{} ± {}", e.written, format_number(accepted_difference(e.answer, traced)));
}

}  // namespace

std::string expected_text(const Expectation& e, const Truth& traced) {
  return e.subject() + " = " + written_with_margin(e, traced);
}

std::string mismatch_text(const Expectation& e, const Truth& traced) {
  if (!traced.value) return trf("{}: expected {}, but there is no gradient", e.subject(), e.written);
  if (e.answer.no_gradient)
    return trf("{}: expected no gradient, traced {}", e.subject(), format_number(*traced.value));
  return trf("{}: expected {}, traced {} (difference {})", e.subject(), written_with_margin(e, traced),
             format_number(*traced.value), format_number(*traced.value - e.expected()));
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
    r.truth =
        e.kind == Expectation::Kind::Tangent ? Truth{tangents.at(id)} : truth_of(p.graph, p.output, {id, asks(e.kind)});
    r.traced = r.truth.value.value_or(0);
    r.difference = r.traced - e.expected();
    r.accepted = accepted_difference(e.answer, r.truth);
    r.verdict = judge(e.answer, r.truth);
    results.push_back(r);
    claims.push_back({{id, asks(e.kind)}, e.answer});
  }
  for (std::size_t i = 0; i < results.size(); ++i) {
    ExpectationResult& r = results[i];
    if (r.match()) continue;
    if (r.expectation.kind == Expectation::Kind::Tangent) {  // forward mode: judged as a number
      r.diagnosis = diagnose_number(claims[i].question, r.truth, r.expectation.answer);
      r.verdict = r.diagnosis->verdict;
      continue;
    }
    std::vector<Claim> others;
    for (std::size_t j = 0; j < claims.size(); ++j)
      if (j != i && results[j].expectation.kind != Expectation::Kind::Tangent) others.push_back(claims[j]);
    r.diagnosis = diagnose(p.graph, p.output, claims[i].question, claims[i].answer, others);
    r.verdict = r.diagnosis->verdict;
  }
  return results;
}

}  // namespace gatelab::cli
