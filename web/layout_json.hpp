// A layout from the JSON that Graphviz writes (its "json" output, as @viz-js/viz returns it):
// the same attribute text libgvc gives the command, read by files/layout_text.hpp.
#pragma once

#include <nlohmann/json.hpp>

#include "files/graphviz.hpp"

namespace gatelab::web {

// Nodes in the order the DOT declares them, edges in the order they were declared.
cli::Layout layout_from_json(const nlohmann::json& graph);

}  // namespace gatelab::web
