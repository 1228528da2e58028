#include "render/page_quiz.hpp"

#include "gatelab/teach/diagnosis.hpp"
#include "render/diagnosis_text.hpp"

namespace gatelab::cli {

namespace {

using Json = nlohmann::ordered_json;

const std::string answer_slot = "{answer}", other_slot = "{other}";

Json question_json(const Graph& g, NodeId output, Question q) {
  const double t = truth(g, output, q);
  Json wrong = Json::array();
  for (const Candidate& c : likely_mistakes(g, output, q))
    if (c.diagnosis.kind != Mistake::OtherNode)
      wrong.push_back({c.value, diagnosis_text(g, c.diagnosis, answer_slot, other_slot)});
  Json few = Json::array();
  for (int digits = 1; digits <= 2; ++digits)
    few.push_back(
        diagnosis_text(g, Diagnosis{.kind = Mistake::TooFewDigits, .question = q, .truth = t, .digits = digits}));
  return {{"truth", t},
          {"subject", question_text(g, q)},
          {"wrong", wrong},
          {"other", diagnosis_text(g, Diagnosis{.kind = Mistake::OtherNode, .question = q, .truth = t}, answer_slot,
                                   other_slot)},
          {"few", few},
          {"none", diagnosis_text(g, Diagnosis{.kind = Mistake::Unknown, .question = q, .truth = t})}};
}

}  // namespace

nlohmann::ordered_json quiz_page_data(const Graph& g, NodeId output, bool has_grads) {
  std::vector<double> grads;
  if (has_grads) reverse_pass(g, output, grads);
  Json others = Json::array();
  for (NodeId id = 0; id < g.size(); ++id) {
    if (g.name(id).empty()) continue;
    Json grad = id < grads.size() ? Json(grads[id]) : Json();
    others.push_back({id, g.value(id), grad, question_text(g, {id, Asks::Value}), question_text(g, {id, Asks::Grad})});
  }
  Json questions = Json::object();
  for (NodeId id = 0; id <= output && id < g.size(); ++id) {
    const Node& n = g.node(id);
    if (op_info(n.op).arity > 0) questions["v" + std::to_string(id)] = question_json(g, output, {id, Asks::Value});
    if (has_grads && n.requires_grad) questions["g" + std::to_string(id)] = question_json(g, output, {id, Asks::Grad});
  }
  return {{"others", others}, {"q", questions}};
}

}  // namespace gatelab::cli
