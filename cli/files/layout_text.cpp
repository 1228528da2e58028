#include "files/layout_text.hpp"

#include <algorithm>
#include <cstdio>

#include "gatelab/support/decimal.hpp"

namespace gatelab::cli {

namespace {

constexpr double points_per_inch = 72;

double number_or_zero(const std::string& text) {
  double v = 0;
  read_decimal(text.data(), text.data() + text.size(), v);
  return v;
}

}  // namespace

std::optional<Point> point_of(const std::string& text) {
  Point p;
  if (std::sscanf(text.c_str(), "%lf,%lf", &p.x, &p.y) != 2) return std::nullopt;
  return p;
}

std::optional<Box> box_of(const std::string& text) {
  Box b;
  if (std::sscanf(text.c_str(), "%lf,%lf,%lf,%lf", &b.x0, &b.y0, &b.x1, &b.y1) != 4) return std::nullopt;
  return b;
}

std::optional<Point> flipped_point(const std::string& text, const Flip& flip) {
  if (auto p = point_of(text)) return flip(*p);
  return std::nullopt;
}

void read_spline(const std::string& pos, const Flip& flip, EdgePlace& edge) {
  std::size_t at = 0;
  while (at < pos.size()) {
    const std::size_t end = std::min(pos.find(' ', at), pos.size());
    const std::string word = pos.substr(at, end - at);
    at = end + 1;
    if (word.rfind("e,", 0) == 0) {
      if (auto p = point_of(word.substr(2))) edge.tip = flip(*p);
    } else if (word.rfind("s,", 0) != 0) {
      if (auto p = point_of(word)) edge.spline.push_back(flip(*p));
    }
  }
}

void read_node_place(const std::string& pos, const std::string& width, const std::string& height, const Flip& flip,
                     NodePlace& node) {
  node.centre = flipped_point(pos, flip).value_or(Point{});
  node.width = number_or_zero(width) * points_per_inch;
  node.height = number_or_zero(height) * points_per_inch;
}

ClusterPlace cluster_place(const std::string& label, const std::string& bb, const std::string& lp, const Flip& flip) {
  ClusterPlace c;
  if (auto b = box_of(bb)) c.x = b->x0, c.y = flip.height - b->y1, c.width = b->x1 - b->x0, c.height = b->y1 - b->y0;
  c.label = label;
  if (auto p = flipped_point(lp, flip)) c.label_at = *p;
  return c;
}

}  // namespace gatelab::cli
