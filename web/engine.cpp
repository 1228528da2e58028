// The browser's engine: gatelab's library and the command's portable half (cli/
// portable_sources.cmake) compiled to WebAssembly, called from a page's script with JSON text
// in and JSON text out (web/engine_api.js wraps these in functions that take and return
// objects). Every call returns {"ok": true, ...} or {"ok": false, "error": "..."}, never throws.
// A request's "view" (0 when not given) names the page's editor it is for: run keeps each
// view's program (session.hpp), which draw, question and diagnose then answer about.
//
//   gl_run('{"program": "y = x^2 + 1", "at": ["x=2"]}')
//     -> {"ok": true, "report": <as gatelab eval --json>, "text": <the trace as the terminal
//        writes it>, "viewer": <a page viewer's steps, nodes and quiz>, "dot": <DOT to lay out>}
//   gl_run('{"program": "y = (x + 1", "at": ["x=2"]}')
//     -> {"ok": false, "error": "line 1, column 5: this '(' is never closed: ...\n  y = (x + 1\n      ^\n"}
//   gl_draw(<Graphviz's JSON of that DOT, laid out>, "0")  -> {"ok": true, "svg": "<svg ..."}
//   gl_question('{"key": "g4", "view": 0}')  -> {"ok": true, "question": <one question of the viewer's quiz
//                                    or null>}: run gives the quiz without its questions ("q"
//                                    empty), made when the learner opens one
//   gl_language("zh", <catalog table>)                -> {"ok": true}
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <string>

#include "answer.hpp"
#include "catalog.hpp"
#include "files/page_view.hpp"
#include "gatelab/support/translate.hpp"
#include "layout_json.hpp"
#include "render/eval_json.hpp"
#include "render/eval_text.hpp"
#include "render/page_data.hpp"
#include "render/page_quiz.hpp"
#include "session.hpp"
#include "web_request.hpp"

namespace gatelab::web {

namespace {

using Json = nlohmann::ordered_json;

std::string plain_text(const std::vector<cli::TraceLine>& lines) {
  std::string text;
  for (const cli::TraceLine& l : lines) text += l.text + "\n";
  return text;
}

bool has_gradients(const cli::EvalResult& r) { return !r.backward_error && r.tangents.empty(); }

Json run(const nlohmann::json& request) {
  const int view = Session::view_of(request);
  session().forget(view);
  cli::EvalResult r = cli::evaluate(eval_request(request));
  const bool has_grads = has_gradients(r);
  Json out{{"ok", true},
           {"report", cli::report_json(r)},
           {"text", plain_text(cli::report_lines(r, cli::Paint{}))},
           {"viewer", cli::trace_page_data(r.program.graph, r.program.output, r.trace, has_grads,
                                           cli::QuizQuestions::on_request)},
           {"dot", cli::layout_dot(r.program.graph)}};
  session().keep(view, std::move(r));
  return out;
}

Json draw(const nlohmann::json& layout, int view) {
  const Graph& g = session().ran(view).program.graph;
  return {{"ok", true}, {"svg", cli::gate_page_view(cli::gate_diagram(layout_from_json(layout), g), g).svg}};
}

Json question(const nlohmann::json& request) {
  const cli::EvalResult& r = session().ran(Session::view_of(request));
  const std::string key = request.at("key").get<std::string>();
  return {{"ok", true}, {"question", cli::quiz_question(r.program.graph, r.program.output, has_gradients(r), key)}};
}

}  // namespace

}  // namespace gatelab::web

extern "C" {

const char* gl_run(const char* request) { return gatelab::web::answer(request, gatelab::web::run); }

const char* gl_draw(const char* layout, const char* view) {
  const int v = view[0] ? std::atoi(view) : 0;
  return gatelab::web::answer(layout, [v](const nlohmann::json& l) { return gatelab::web::draw(l, v); });
}

const char* gl_question(const char* request) { return gatelab::web::answer(request, gatelab::web::question); }

const char* gl_language(const char* language, const char* table) {
  const std::string lang = language;
  return gatelab::web::answer(table[0] ? table : "{}", [&](const nlohmann::json& t) {
    gatelab::web::use_catalog(lang, t);
    return nlohmann::ordered_json{{"ok", true}};
  });
}

}  // extern "C"
