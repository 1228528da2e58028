// What a page's script needs of one traced graph, as JSON: every step (what it changes, and
// its caption made from its trace record), every node in words (its forward line, its local
// partials, its gradient as the chain-rule sum of the messages into it) and the questions of
// the page's quiz (render/page_quiz.hpp). Numbers are written as the trace writes them.
#pragma once

#include <nlohmann/json.hpp>

#include "gatelab/teach/trace.hpp"
#include "render/page_quiz.hpp"

namespace gatelab::cli {

// `output` is the node backward started from; `has_grads` is false when backward was impossible.
nlohmann::ordered_json trace_page_data(const Graph& g, NodeId output, const Trace& trace, bool has_grads,
                                       QuizQuestions questions = QuizQuestions::all);

}  // namespace gatelab::cli
