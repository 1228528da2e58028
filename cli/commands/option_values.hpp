// Values given on the command line, read into numbers once: --at and --tangent bindings,
// --expect checks. An error names the option and the text, as in "--at 'x': ...".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "run/bindings.hpp"
#include "run/expectations.hpp"

namespace gatelab::cli {

Bindings bindings_option(const std::string& option, const std::vector<std::string>& items);
std::vector<Expectation> expectations_option(const std::string& option, const std::vector<std::string>& items,
                                             std::optional<double> tol);

}  // namespace gatelab::cli
