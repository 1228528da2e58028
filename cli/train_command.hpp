// `gatelab train`: the constrained networks of the source notebook, trained on the
// breast-cancer data in gatelab's own engine.
#pragma once

#include <string>
#include <vector>

namespace gatelab::cli {

int run_train(const std::vector<std::string>& args);

}  // namespace gatelab::cli
