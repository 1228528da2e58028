// The diagnosis of a learner's answer about the program the page ran last, as --expect and
// `gatelab quiz` give it (run/expectations.hpp, on lib's teach/diagnosis.hpp): the one place
// the page's engine reaches the diagnosis, so that it follows the library as it changes.
//
//   gl_diagnose('{"expect": "grad(x)=1.58", "others": ["f=4"], "view": 0}')
//     -> {"ok": true, "expect": "grad(x)=1.58", "traced": 2.05957, "result": "mismatch",
//         "match": false, "diagnosis": {"kind": "missing_branches", "text": "1.58 is ..."}, ...}
// "others": the learner's other answers, which can trace a wrong gradient to a wrong one
// nearer the output.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "answer.hpp"
#include "gatelab/support/translate.hpp"
#include "render/eval_json.hpp"
#include "run/expectations.hpp"
#include "session.hpp"

namespace gatelab::web {

namespace {

nlohmann::ordered_json diagnose(const nlohmann::json& request) {
  const cli::EvalResult& r = session().ran(Session::view_of(request));
  const std::string asked = request.at("expect").get<std::string>();
  std::vector<cli::Expectation> all = cli::parse_expectations(asked);
  const std::size_t count = all.size();
  for (const nlohmann::json& other : request.value("others", nlohmann::json::array()))
    for (cli::Expectation& e : cli::parse_expectations(other.get<std::string>())) all.push_back(std::move(e));
  const std::vector<cli::ExpectationResult> results = cli::check_expectations(r.program, all, r.node_tangents);
  nlohmann::ordered_json out{{"ok", true}, {"results", nlohmann::ordered_json::array()}};
  for (std::size_t i = 0; i < count; ++i) out["results"].push_back(cli::expectation_json(r.program, results[i]));
  return out;
}

}  // namespace

}  // namespace gatelab::web

extern "C" const char* gl_diagnose(const char* request) {
  return gatelab::web::answer(request, gatelab::web::diagnose);
}
