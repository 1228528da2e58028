// The quiz of a page, as JSON its script judges answers with: the same reader, judge and
// choice among mistakes as `gatelab quiz` and `--expect` (lib's read_answer, judge, assess),
// the words made here. Its script (files/page/quiz.js) is tested against vectors the C++ side
// makes from the same data (tests/page/).
//
//   {"words": {"joiner": "; or ", "clause": "; "},
//    "others": [[id, value, grad or null, "x", "grad(x)"], ...],      every named node
//    "q": {"g4": {"truth": 2.05957 (null: no gradient), "terms": 3,    one per value or gradient asked
//                 "subject": "grad(x)",
//                 "wrong": [[1.58319, 20, 1, "{answer} is the gradient through xpy ..."], ...],
//                 "other": ["{answer} is {other}, not grad(x)", ...],    [same kind, the other kind]
//                 "few": ["right to 1 significant digit; ...", "right to {digits} ..."],
//                 "none": "no likely mistake gives {answer}", "nograd": "...", "exists": "..."}}}
//
// A question's candidates are its "wrong" list ([value, rank, terms, text], best ranked first,
// at most max_page_per_kind of a kind and max_page_candidates in all), then the other named nodes' numbers as lib's
// OtherNode model gives them: for a gradient, their gradients (rank 80) then their values (rank 82); for a value, the
// reverse; leaving out the node itself, numbers lib has none for and numbers within 1e-12 of the truth. The words never
// say the right number: a page shows it when asked.
#pragma once

#include <nlohmann/json.hpp>

#include <string_view>

#include "gatelab/engine/graph.hpp"
#include "gatelab/teach/diagnosis.hpp"

namespace gatelab::cli {

inline constexpr std::size_t max_page_candidates = 40, max_page_per_kind = 4;

// The questions all made at once (a page without the engine) or each when it is asked (a live
// page, whose engine answers quiz_question: web/engine.cpp), for a page that redraws fast.
enum class QuizQuestions { all, on_request };

nlohmann::ordered_json quiz_page_data(const Graph& g, NodeId output, bool has_grads,
                                      QuizQuestions questions = QuizQuestions::all);

// One question by its key in "q" ("v4": node 4's value, "g4": its gradient); null when the page
// asks no such question.
nlohmann::ordered_json quiz_question(const Graph& g, NodeId output, bool has_grads, std::string_view key);

// One question's candidates in the order the page's script tries them: what assess is given,
// for the same verdicts as the page.
std::vector<Finding> page_candidates(const Graph& g, NodeId output, Question q);

}  // namespace gatelab::cli
