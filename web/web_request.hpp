// A page's request to run a program, read as the command reads its options:
//
//   {"program": "y = x^2 + 1",      the program, as `gatelab eval PROGRAM` takes it
//    "at": ["x=2", "W=[[1, 2]]"],   each as --at (errors name it "x=2: ...")
//    "tangents": ["x=1"],           forward mode along this direction, as --tangent
//    "gradcheck": true,             as --gradcheck
//    "expect": ["grad(x)=4"],       as --expect, each judged and diagnosed
//    "tol": 0.001}                  as --tol
#pragma once

#include <nlohmann/json.hpp>

#include "run/evaluation.hpp"

namespace gatelab::web {

// Throws gatelab::Error for a binding or expectation the command would refuse, in its words.
cli::EvalRequest eval_request(const nlohmann::json& request);

}  // namespace gatelab::web
