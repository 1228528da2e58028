// `gatelab eval`: a program in, its trace, diagrams and checks out.
#pragma once

#include <string>
#include <vector>

namespace gatelab::cli {

// Runs `gatelab eval` with the arguments after "eval"; returns the exit status.
int run_eval(const std::vector<std::string>& args);

}  // namespace gatelab::cli
