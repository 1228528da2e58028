#include "render/ink.hpp"

#include <array>

namespace gatelab::cli {

namespace {

struct InkEntry {
  Ink ink;
  std::string_view css_class;
  std::string_view colour;
  fmt::text_style terminal;
};

// In the order of enum Ink, which indexes it.
const std::array<InkEntry, 7>& inks() {
  static const std::array<InkEntry, 7> table{{
      {Ink::Plain, "ink-plain", "#1f2937", {}},
      {Ink::Name, "ink-name", "#0e7490", fmt::fg(fmt::terminal_color::cyan)},
      {Ink::Value, "ink-value", "#15803d", fmt::fg(fmt::terminal_color::green)},
      {Ink::Grad, "ink-grad", "#dc2626", fmt::fg(fmt::terminal_color::red)},
      {Ink::Tangent, "ink-tangent", "#7c3aed", fmt::fg(fmt::terminal_color::magenta)},
      {Ink::Partial, "ink-partial", "#475569", {}},
      {Ink::Note, "ink-note", "#a16207", fmt::fg(fmt::terminal_color::yellow)},
  }};
  return table;
}

const InkEntry& entry(Ink ink) { return inks()[static_cast<std::size_t>(ink)]; }

}  // namespace

fmt::text_style terminal_style(Ink ink) { return entry(ink).terminal; }
std::string_view css_class(Ink ink) { return entry(ink).css_class; }
std::string_view colour(Ink ink) { return entry(ink).colour; }

Ink ink_of(LabelKind kind) {
  switch (kind) {
    case LabelKind::Name:
      return Ink::Name;
    case LabelKind::Value:
      return Ink::Value;
    case LabelKind::Grad:
      return Ink::Grad;
    case LabelKind::Tangent:
      return Ink::Tangent;
    case LabelKind::Partial:
      return Ink::Partial;
    case LabelKind::Note:
      return Ink::Note;
  }
  return Ink::Plain;
}

std::string css_rules() {
  std::string css;
  for (const InkEntry& e : inks()) css += fmt::format(".{0} {{ fill: {1}; color: {1}; }}\n", e.css_class, e.colour);
  return css;
}

}  // namespace gatelab::cli
