// What a lesson block's directives ask for, read into numbers and names (see
// docs/lesson-format.md and lesson/directives.hpp). lesson/block.hpp carries it out.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "gatelab/engine/gradcheck.hpp"
#include "lesson/descent.hpp"
#include "lesson/library.hpp"
#include "lesson/sweep.hpp"
#include "lesson/training_block.hpp"
#include "run/evaluation.hpp"

namespace gatelab::cli {

// An expectation and where its directive is.
struct Located {
  Location where;
  Expectation expectation;
};

struct SweepSpec {
  std::string input;  // empty: no sweep
  std::vector<double> values;
  Location where;
  std::vector<SweepColumn> show;
  std::vector<std::pair<double, Located>> expect_when;  // on the row of a swept value
};

// plot: x = -4 .. 4: y, grad(x): curves of values and gradients against one input.
struct PlotSpec {
  std::string input;
  double from = 0, to = 0;
  std::vector<SweepColumn> columns;
  Location where;
};

// The kinds of block: a program traced (the default), run again over values of an input (a
// sweep), with a table of finite differences, descended on over data rows, or a training
// block, which trains networks and has no program. A block is one kind; its directives say
// which, and a directive of another kind in the same block is an error.
struct TracedBlock {};
struct SweepBlock {
  SweepSpec sweep;
};
struct DifferenceBlock {
  std::string input;
};
struct DescentBlock {
  DescentSpec descent;
  std::vector<std::pair<int, Located>> expect_step;  // after step N
};
struct TrainingBlock {
  TrainingPlan training;
};
using BlockKind = std::variant<TracedBlock, SweepBlock, DifferenceBlock, DescentBlock, TrainingBlock>;

// "a sweep", "a descent": a block kind in words, for messages.
std::string kind_words(const BlockKind& kind);

struct Plan {
  std::string name;
  EvalRequest request;
  std::vector<Located> expects;
  std::vector<std::pair<Located, Mistake>> mistakes;  // a wrong answer and the mistake it must be diagnosed as
  std::optional<double> tol;
  std::optional<ErrorKind> expect_error;
  Location expect_error_at;
  std::vector<std::pair<std::string, CheckStatus>> gradcheck_statuses;
  Location gradcheck_at;
  std::vector<PlotSpec> plots;  // any program block may draw curves
  BlockKind kind;

  // The block as kind K, which a directive of that kind needs: a traced block becomes one;
  // throws gatelab::Error when the block is already of another kind.
  template <class K>
  K& as() {
    if (std::holds_alternative<TracedBlock>(kind)) kind = K{};
    if (K* k = std::get_if<K>(&kind)) return *k;
    throw_other_kind(K{});
  }
  template <class K>
  const K* if_kind() const {
    return std::get_if<K>(&kind);
  }

 private:
  [[noreturn]] void throw_other_kind(const BlockKind& wanted) const;
};

// Reads a block's directives; throws gatelab::Error "FILE:LINE: KEY: ..." for one it
// cannot use.
Plan read_plan(const LessonFile& file, std::size_t index);

}  // namespace gatelab::cli
