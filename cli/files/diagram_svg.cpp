#include "files/diagram_svg.hpp"

#include "gatelab/language/input_text.hpp"
#include "gatelab/teach/dot.hpp"

#include <fmt/format.h>

#include <cmath>

#include "render/markup.hpp"

namespace gatelab::cli {

namespace {

constexpr double margin = 8;
constexpr double node_font = 11, edge_font = 9, caption_font = 12;
constexpr double line_height = 1.2;  // of the font size, as Graphviz spaces label lines
constexpr double arrow_length = 10, arrow_half_width = 3.5;
const char* const edge_colour = "#64748b";

std::string num(double x) { return fmt::format("{:.1f}", x); }

// The arrowhead with its tip at `tip`, coming from `from`.
std::string arrow(Point from, Point tip, const std::string& attributes) {
  const double dx = tip.x - from.x, dy = tip.y - from.y;
  const double length = std::hypot(dx, dy);
  if (length == 0) return {};
  const double ux = dx / length, uy = dy / length;
  const Point base{tip.x - ux * arrow_length, tip.y - uy * arrow_length};
  return fmt::format("<polygon points=\"{},{} {},{} {},{}\" {}/>", num(tip.x), num(tip.y),
                     num(base.x - uy * arrow_half_width), num(base.y + ux * arrow_half_width),
                     num(base.x + uy * arrow_half_width), num(base.y - ux * arrow_half_width), attributes);
}

std::string spline_path(const std::vector<Point>& s) {
  std::string d = fmt::format("M{},{}", num(s[0].x), num(s[0].y));
  for (std::size_t i = 1; i + 2 < s.size(); i += 3)
    d += fmt::format(" C{},{} {},{} {},{}", num(s[i].x), num(s[i].y), num(s[i + 1].x), num(s[i + 1].y), num(s[i + 2].x),
                     num(s[i + 2].y));
  return d;
}

// Which line of `slots` each shown line takes: the first unused one saying the same words.
std::vector<int> slot_of(const Label& slots, const Label& shown) {
  std::vector<int> at;
  std::vector<bool> used(slots.size(), false);
  for (const LabelLine& line : shown) {
    int found = -1;
    for (std::size_t i = 0; i < slots.size() && found < 0; ++i)
      if (!used[i] && slots[i].kind == line.kind && slots[i].words == line.words) found = static_cast<int>(i);
    if (found >= 0) used[static_cast<std::size_t>(found)] = true;
    at.push_back(found);
  }
  return at;
}

// The lines of a label centred on `centre`, each in the slot it has in the final label.
void write_label(std::string& out, const Label& slots, const Label& shown, Point centre, double font, bool page,
                 const std::vector<long>* line_nodes = nullptr) {
  const double step = font * line_height;
  const double top = centre.y - step * static_cast<double>(slots.size()) / 2;
  const std::vector<int> at = slot_of(slots, shown);
  for (std::size_t i = 0; i < shown.size(); ++i) {
    if (at[i] < 0) continue;
    const LabelLine& line = shown[i];
    const double y = top + step * (at[i] + 0.5) + font * 0.35;
    out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\" class=\"{}\"", num(centre.x), num(y), font,
                       css_class(ink_of(line.kind)));
    if (page) out += fmt::format(" data-kind=\"{}\"", css_class(ink_of(line.kind)).substr(4));
    if (page && line_nodes && at[i] < static_cast<int>(line_nodes->size()) &&
        (*line_nodes)[static_cast<std::size_t>(at[i])] >= 0)
      out += fmt::format(" data-node=\"{}\"", (*line_nodes)[static_cast<std::size_t>(at[i])]);
    // A page's script rewrites the number, so it sits in a tspan of its own.
    out += ">" + (page ? escaped(line.words) + "<tspan class=\"num\">" + escaped(line.number) + "</tspan>"
                       : escaped(line.text()));
    out += "</text>";
  }
}

void write_node(std::string& out, const SvgPicture& p, std::size_t i) {
  const NodePlace& n = p.layout->nodes[i];
  const bool hot = p.focus.node == static_cast<int>(i);
  const std::string stroke = hot ? std::string(colour(p.focus.ink)) : n.stroke.empty() ? "#334155" : n.stroke;
  const std::string fill = n.fill.empty() ? "#ffffff" : n.fill;
  const char* width = hot ? "3" : "1";
  out += fmt::format("<g class=\"node\" data-i=\"{}\"{}>", i,
                     p.page && i < p.node_attributes.size() ? p.node_attributes[i] : "");
  if (n.ellipse)
    out +=
        fmt::format("<ellipse cx=\"{}\" cy=\"{}\" rx=\"{}\" ry=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>",
                    num(n.centre.x), num(n.centre.y), num(n.width / 2), num(n.height / 2), fill, stroke, width);
  else
    out += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"6\" fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>",
        num(n.centre.x - n.width / 2), num(n.centre.y - n.height / 2), num(n.width), num(n.height), fill, stroke,
        width);
  write_label(out, p.node_slots[i], p.page ? p.node_slots[i] : p.node_labels[i], n.centre, node_font, p.page,
              i < p.line_nodes.size() ? &p.line_nodes[i] : nullptr);
  out += "</g>\n";
}

void write_edge(std::string& out, const SvgPicture& p, std::size_t i) {
  const EdgePlace& e = p.layout->edges[i];
  if (e.spline.size() < 4) return;
  const bool hot = p.focus.edge == static_cast<int>(i);
  const std::string stroke = hot ? std::string(colour(Ink::Grad)) : edge_colour;
  out += fmt::format(
      "<g class=\"edge\" data-i=\"{}\"{}><path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{}/>", i,
      p.page && i < p.edge_attributes.size() ? p.edge_attributes[i] : "", spline_path(e.spline), stroke, hot ? 3 : 1,
      e.dashed ? " stroke-dasharray=\"5,3\"" : "");
  // The arrow along the edge (the value's way), or turned round toward the input (the gradient's).
  const std::string forward =
      e.tip ? arrow(e.spline.back(), *e.tip, fmt::format("class=\"ahead\" fill=\"{}\"", edge_colour)) : "";
  const std::string back =
      arrow(e.spline[1], e.spline[0], fmt::format("class=\"aback\" fill=\"{}\"", colour(Ink::Grad)));
  if (p.page)
    out += forward + back;
  else
    out += hot ? back : forward;
  if (e.label)
    write_label(out, p.edge_slots[i], p.page ? p.edge_slots[i] : p.edge_labels[i], *e.label, edge_font, p.page);
  out += "</g>\n";
}

void write_caption(std::string& out, const Caption& caption) {
  out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"start\" xml:space=\"preserve\">",
                     num(margin), num(caption_band * 0.6), caption_font);
  for (const CaptionCell& cell : caption)
    out += fmt::format("<tspan class=\"{}\">{}</tspan>", css_class(cell.ink), escaped(cell.text));
  out += "</text>\n";
}

}  // namespace

double caption_width(const Caption& caption) {
  std::size_t n = 0;
  for (const CaptionCell& cell : caption) n += display_width(cell.text);  // a Chinese character: two cells, about 1 em
  return static_cast<double>(n) * caption_font * 0.6 + 2 * margin;
}

std::string diagram_svg(const SvgPicture& p) {
  const Layout& l = *p.layout;
  const double top = p.caption.empty() ? margin : caption_band;
  const double width = std::max(p.width, l.width + 2 * margin), height = l.height + top + margin;
  std::string out = p.page ? "" : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
      "font-family=\"{2}\" text-anchor=\"middle\">\n",
      num(width), num(height), diagram_fonts);
  if (!p.page) out += "<style>" + css_rules() + "</style>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
  if (!p.caption.empty()) write_caption(out, p.caption);
  out += fmt::format("<g transform=\"translate({},{})\">\n", num(margin), num(top));
  for (const ClusterPlace& c : l.clusters)
    out += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"8\" fill=\"none\" stroke=\"#94a3b8\" "
        "stroke-dasharray=\"4,3\"/>"
        "<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#475569\">{}</text>\n",
        num(c.x), num(c.y), num(c.width), num(c.height), num(c.label_at.x), num(c.label_at.y + 4), escaped(c.label));
  for (std::size_t i = 0; i < l.edges.size(); ++i) write_edge(out, p, i);
  for (std::size_t i = 0; i < l.nodes.size(); ++i) write_node(out, p, i);
  return out + "</g>\n</svg>\n";
}

}  // namespace gatelab::cli
