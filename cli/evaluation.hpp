// Running one program: parse, bind inputs, forward, backward or forward mode, checks.
// `gatelab eval` and every lesson block go through here, so they behave alike.
#pragma once

#include <utility>
#include <string>
#include <vector>

#include "eval_report.hpp"
#include "options.hpp"

namespace gatelab::cli {

struct EvalRequest {
  std::string text;
  Source source;
  std::vector<std::string> at;        // NAME=VALUE, as written
  std::vector<std::string> tangents;  // NAME=DOT; forward mode when not empty
  bool gradcheck = false;
  std::vector<Expectation> expectations;
  std::string at_label = "--at";        // how errors name the bindings
  std::string tangent_label = "--tangent";
};

// Throws ProgramError for a syntax error and Error for a missing or unknown input, a gate
// that produces inf or nan, or an expectation naming no value. A backward pass that is
// impossible is no exception: it is reported in EvalResult::backward_error.
EvalResult evaluate(const EvalRequest& request);

using Bindings = std::vector<std::pair<std::string, double>>;

// NAME=VALUE pairs (spaces around either allowed), each name once, in the order given;
// `what` names them in errors.
Bindings parse_bindings(const std::vector<std::string>& items, const std::string& what);

}  // namespace gatelab::cli
