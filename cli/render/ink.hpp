// The colours of what a trace and a diagram show, one table for the terminal, SVG and HTML:
// values green and gradients red, as the cs231n notes draw them.
//
//   paint(terminal_style(Ink::Grad), "grad(q) = -4")   // red on a terminal
//   <tspan class="ink-grad">                           // red in SVG and HTML (css_rules())
#pragma once

#include <fmt/color.h>

#include <string>
#include <string_view>

#include "gatelab/teach/dot.hpp"

namespace gatelab::cli {

enum class Ink { Plain, Name, Value, Grad, Tangent, Partial, Note };

fmt::text_style terminal_style(Ink ink);
std::string_view css_class(Ink ink);  // "ink-value", "ink-grad", ...
std::string_view colour(Ink ink);     // "#15803d"
Ink ink_of(LabelKind kind);           // a diagram label line's ink

// CSS giving each ink's class its colour (fill for SVG text, color for HTML text).
std::string css_rules();

}  // namespace gatelab::cli
