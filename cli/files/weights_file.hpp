// Weights files: --save-weights writes a network's parameters in the layout of
// render/params_json.hpp, and --init-weights reads them back.
#pragma once

#include <string>
#include <vector>

#include "gatelab/learning/network.hpp"

namespace gatelab::cli {

// The text of a weights file: {"constraint": C, "params": <params_json>}.
std::string weights_file_text(const Network& net, const std::string& constraint, const std::vector<double>& flat);

// Reads a weights file's text back into flat parameters. Throws gatelab::Error (without
// the file name: the caller adds it) for text that is not JSON, parameters saved for
// another constraint, or the wrong shape.
std::vector<double> parse_weights_file(const std::string& text, const Network& net, const std::string& constraint);

}  // namespace gatelab::cli
