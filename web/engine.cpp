// The browser's engine: gatelab's library and the command's portable half (cli/
// portable_sources.cmake) compiled to WebAssembly, called from a page's script with JSON text
// in and JSON text out (web/engine_api.js wraps these in functions that take and return
// objects). Every call returns {"ok": true, ...} or {"ok": false, "error": "..."}, never throws.
//
//   gl_run('{"program": "y = x^2 + 1", "at": ["x=2"]}')
//     -> {"ok": true, "report": <as gatelab eval --json>, "text": <the trace as the terminal
//        writes it>, "viewer": <a page viewer's steps, nodes and quiz>, "dot": <DOT to lay out>}
//   gl_run('{"program": "y = (x + 1", "at": ["x=2"]}')
//     -> {"ok": false, "error": "line 1, column 5: this '(' is never closed: ...\n  y = (x + 1\n      ^\n"}
//   gl_draw(<Graphviz's JSON of that DOT, laid out>)  -> {"ok": true, "svg": "<svg ..."}
//   gl_language("zh", <catalog table>)                -> {"ok": true}
#include <nlohmann/json.hpp>

#include <string>

#include "answer.hpp"
#include "catalog.hpp"
#include "files/page_view.hpp"
#include "gatelab/support/translate.hpp"
#include "layout_json.hpp"
#include "render/eval_json.hpp"
#include "render/eval_text.hpp"
#include "render/page_data.hpp"
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

Json run(const nlohmann::json& request) {
  session().last.reset();
  cli::EvalResult r = cli::evaluate(eval_request(request));
  const bool has_grads = !r.backward_error && r.tangents.empty();
  Json out{{"ok", true},
           {"report", cli::report_json(r)},
           {"text", plain_text(cli::report_lines(r, cli::Paint{}))},
           {"viewer", cli::trace_page_data(r.program.graph, r.program.output, r.trace, has_grads)},
           {"dot", cli::layout_dot(r.program.graph)}};
  session().last = std::move(r);
  return out;
}

Json draw(const nlohmann::json& layout) {
  if (!session().last) throw Error(tr("run a program first"));
  const Graph& g = session().last->program.graph;
  return {{"ok", true}, {"svg", cli::gate_page_view(cli::gate_diagram(layout_from_json(layout), g), g).svg}};
}

}  // namespace

}  // namespace gatelab::web

extern "C" {

const char* gl_run(const char* request) { return gatelab::web::answer(request, gatelab::web::run); }

const char* gl_draw(const char* layout) { return gatelab::web::answer(layout, gatelab::web::draw); }

const char* gl_language(const char* language, const char* table) {
  const std::string lang = language;
  return gatelab::web::answer(table[0] ? table : "{}", [&](const nlohmann::json& t) {
    gatelab::web::use_catalog(lang, t);
    return nlohmann::ordered_json{{"ok", true}};
  });
}

}  // extern "C"
