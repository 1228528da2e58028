// The quiz of a page, as JSON its script judges answers with: the same rule and the same
// diagnoses as `gatelab quiz` and `--expect` (lib's judge and likely_mistakes), the words
// made here by diagnosis_text.
//
//   {"others": [[id, value, grad, "x", "grad(x)"], ...],          every named node
//    "q": {"g4": {"truth": 2.05957, "subject": "grad(x)",         one per value or gradient asked
//                 "wrong": [[1.58319, "{answer} is the gradient through xpy alone; ..."], ...],
//                 "other": "{answer} is {other}, not grad(x): grad(x) is 2.05957",
//                 "few": ["right to 1 significant digit; ...", "right to 2 ..."], "none": "grad(x) is 2.05957"}}}
//
// A question's likely wrong numbers are its "wrong" list followed by the other named nodes'
// values (or gradients): likely_mistakes lists them last, and the page adds them from
// "others" as it does, leaving out the node itself, numbers within 1e-12 of the truth and
// numbers already listed, so a page of a network's ~450 gates stays small. An answer is
// diagnosed by the closest candidate within its written precision (the first on a tie).
#pragma once

#include <nlohmann/json.hpp>

#include "gatelab/engine/graph.hpp"

namespace gatelab::cli {

nlohmann::ordered_json quiz_page_data(const Graph& g, NodeId output, bool has_grads);

}  // namespace gatelab::cli
