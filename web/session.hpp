// The program a page ran last, kept between the engine's calls: a page runs it, lays out its
// DOT with Graphviz, then asks for its picture and for the diagnoses of the learner's answers.
#pragma once

#include <optional>

#include "run/evaluation.hpp"

namespace gatelab::web {

struct Session {
  std::optional<cli::EvalResult> last;
};

Session& session();

}  // namespace gatelab::web
