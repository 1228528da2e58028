// A quiz as JSON, for a teacher to collect: every question asked, each number typed with its
// verdict and the kind of mistake named, and the mistakes counted by kind.
//
//   {"score": {"right": 5, "asked": 6, "not_asked": 0, "text": "5/6"},
//    "questions": [{"block": "", "step": 6, "subject": "grad(x)", "outcome": "wrong", "hints": 1,
//                   "answers": [{"typed": "4", "verdict": "wrong", "kind": "sign_error"}]}, ...],
//    "mistakes": {"sign_error": 1}}
#pragma once

#include <nlohmann/json.hpp>

#include "render/asker.hpp"

namespace gatelab::cli {

nlohmann::ordered_json quiz_json(const QuizScore& score, int unasked);

// "right", "too_few_digits", "wrong", "no_gradient".
const char* verdict_name(Verdict v);

}  // namespace gatelab::cli
