#include "render/page_quiz.hpp"

#include <cmath>
#include <map>

#include "render/diagnosis_text.hpp"

namespace gatelab::cli {

namespace {

using Json = nlohmann::ordered_json;

const std::string answer_slot = "{answer}", other_slot = "{other}";

// The question's own list: lib's likely mistakes but the other nodes', which the page adds
// itself; the best ranked few of each kind, so that a network's page stays small and still
// knows every kind.
std::vector<Finding> own_candidates(const Graph& g, NodeId output, Question q) {
  std::vector<Finding> out;
  std::map<Mistake, std::size_t> per_kind;
  for (const Finding& f : likely_mistakes(g, output, q))
    if (f.kind != Mistake::OtherNode && out.size() < max_page_candidates && per_kind[f.kind]++ < max_page_per_kind)
      out.push_back(f);
  return out;
}

// The named nodes' gradients (nullopt: none reaches them) and values.
struct NamedNumbers {
  NodeId id;
  double value;
  std::optional<double> grad;
};
std::vector<NamedNumbers> named_numbers(const Graph& g, NodeId output, bool has_grads) {
  std::vector<NamedNumbers> out;
  for (NodeId id = 0; id < g.size(); ++id)
    if (!g.name(id).empty())
      out.push_back({id, g.value(id), has_grads ? truth_of(g, output, {id, Asks::Grad}).value : std::nullopt});
  return out;
}

bool same_number(double a, double b) { return std::fabs(a - b) <= 1e-12 * std::max(1.0, std::fabs(b)); }

Json question_json(const Graph& g, NodeId output, Question q) {
  const Truth t = truth_of(g, output, q);
  Json wrong = Json::array();
  for (const Finding& f : own_candidates(g, output, q))
    wrong.push_back({f.value, f.rank, f.terms, finding_text(g, output, q, f, answer_slot)});
  auto other_text = [&](Asks asks) {
    return finding_text(g, output, q, Finding{.kind = Mistake::OtherNode, .other = {no_node, asks}}, answer_slot);
  };
  Json question{{"truth", t.value ? Json(*t.value) : Json()},
                {"terms", t.terms},
                {"subject", question_text(g, q)},
                {"wrong", wrong},
                {"other", {other_text(q.asks), other_text(q.asks == Asks::Grad ? Asks::Value : Asks::Grad)}},
                {"few", {too_few_digits_text(1), too_few_digits_text(2, "{digits}")}},
                {"none", unknown_text(answer_slot)},
                {"exists", gradient_exists_text(g, q)}};
  if (!t.value) question["nograd"] = no_gradient_text(g, output, q);
  return question;
}

}  // namespace

std::vector<Finding> page_candidates(const Graph& g, NodeId output, Question q) {
  std::vector<Finding> out = own_candidates(g, output, q);
  const Truth t = truth_of(g, output, q);
  const auto named = named_numbers(g, output, g.node(output).requires_grad);
  for (Asks asks : {q.asks, q.asks == Asks::Grad ? Asks::Value : Asks::Grad})
    for (const NamedNumbers& n : named) {
      const std::optional<double> v = asks == Asks::Grad ? n.grad : std::optional<double>(n.value);
      if (n.id == q.node || !v || !std::isfinite(*v) || (t.value && same_number(*v, *t.value))) continue;
      out.push_back({.kind = Mistake::OtherNode, .rank = asks == q.asks ? 80 : 82, .value = *v, .other = {n.id, asks}});
    }
  return out;
}

namespace {

bool asks_value(const Graph& g, NodeId id) { return op_info(g.node(id).op).arity > 0; }
bool asks_grad(const Graph& g, NodeId id, bool has_grads) { return has_grads && g.node(id).requires_grad; }

}  // namespace

nlohmann::ordered_json quiz_page_data(const Graph& g, NodeId output, bool has_grads, QuizQuestions questions) {
  Json others = Json::array();
  for (const NamedNumbers& n : named_numbers(g, output, has_grads))
    others.push_back({n.id, n.value, n.grad ? Json(*n.grad) : Json(), question_text(g, {n.id, Asks::Value}),
                      question_text(g, {n.id, Asks::Grad})});
  Json asked = Json::object();
  for (NodeId id = 0; questions == QuizQuestions::all && id <= output && id < g.size(); ++id) {
    if (asks_value(g, id)) asked["v" + std::to_string(id)] = question_json(g, output, {id, Asks::Value});
    if (asks_grad(g, id, has_grads)) asked["g" + std::to_string(id)] = question_json(g, output, {id, Asks::Grad});
  }
  return {{"words", {{"joiner", tie_joiner()}, {"clause", clause_separator()}}}, {"others", others}, {"q", asked}};
}

nlohmann::ordered_json quiz_question(const Graph& g, NodeId output, bool has_grads, std::string_view key) {
  if (key.size() < 2 || (key[0] != 'v' && key[0] != 'g')) return nullptr;
  NodeId id = 0;
  for (char c : key.substr(1)) {
    if (c < '0' || c > '9' || id > output) return nullptr;
    id = id * 10 + static_cast<NodeId>(c - '0');
  }
  if (id > output || id >= g.size()) return nullptr;
  if (key[0] == 'v') return asks_value(g, id) ? question_json(g, output, {id, Asks::Value}) : Json();
  return asks_grad(g, id, has_grads) ? question_json(g, output, {id, Asks::Grad}) : Json();
}

}  // namespace gatelab::cli
