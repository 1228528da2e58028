// What the lesson and page targets share: whether a lesson block runs quickly enough to fuzz.
//
// Skipped, because they are slow rather than wrong: training blocks (`#| train:` trains the
// networks for seconds), blocks whose program is larger than fuzz::max_program_size, and
// blocks whose gradient check, sweep or descent would run more than max_block_work gates.
#pragma once

#include <algorithm>

#include "fuzz_input.hpp"
#include "lesson/plan.hpp"

namespace gatelab::fuzz {

inline constexpr std::size_t max_block_work = 2'000'000;

// Can the block run quickly? Its program parses within the size, and the passes it asks for
// (a gradient check: two per input; a sweep: one per value; a descent: one per row and step)
// stay within max_block_work gate runs.
inline bool quick(const cli::Plan& plan) {
  if (plan.if_kind<cli::TrainingBlock>()) return false;
  InputShapes shapes;
  for (const cli::Binding& b : plan.request.at)
    if (b.is_array()) shapes[b.name] = b.shape;
  Program p;
  try {
    p = parse_program(plan.request.text, shapes, max_program_size);
  } catch (const Error&) {
    return false;
  }
  const cli::DescentBlock* descent = plan.if_kind<cli::DescentBlock>();
  const cli::SweepBlock* swept = plan.if_kind<cli::SweepBlock>();
  const std::size_t rows = descent && !descent->descent.data.empty() ? descent->descent.data.front().second.size() : 0;
  const std::size_t steps = descent ? static_cast<std::size_t>(descent->descent.steps) : 0;
  const std::size_t passes = 2 + 2 * p.inputs.size() + (swept ? swept->sweep.values.size() : 0) + 30 + 2 * rows * steps;
  return passes <= max_block_work / std::max<std::size_t>(p.graph.size(), 1);
}

}  // namespace gatelab::fuzz
