#include "lesson/directives.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>

#include "gatelab/learning/network.hpp"
#include "gatelab/support/translate.hpp"
#include "run/parse_text.hpp"

namespace gatelab::cli {

namespace {

double number(const std::string& text) {
  const auto v = parse_number(text);
  if (!v) throw Error(trf("'{}' is not a number", text));
  return *v;
}

double whole_number(const std::string& text, double max) {
  const double v = number(text);
  if (v < 0 || v != std::floor(v) || v > max)
    throw Error(trf("'{}' is not a whole number from 0 to {}", text, fmt::format("{}", max)));
  return v;
}

// Calls f on each comma-separated item; an error names the item.
template <class F>
void for_each_item(const std::string& value, F&& f) {
  for (const std::string& item : split_list(value)) {
    try {
      f(item);
    } catch (const Error& e) {
      throw Error("'" + item + "': " + e.what());
    }
  }
}

// usage: the form expected, a message of its own ("expected INPUT = ..., as in ...").
NameValue name_and_value(const std::string& value, const char* usage) {
  auto pair = split_name_value(value);
  if (!pair || pair->name.empty()) throw Error(tr(usage));
  return *pair;
}

std::vector<double> numbers(const std::string& list) {
  std::vector<double> values;
  for (const std::string& item : split_list(list)) values.push_back(number(item));
  return values;
}

Binding binding_at(const std::string& item, const Location& where, const char* key) {
  Binding b = parse_binding(item);
  b.origin = where.text() + ": " + key;
  return b;
}

Located expectation_at(const std::string& text, const Location& where, const char* key) {
  Expectation e = parse_expectation(text);
  e.origin = where.text() + ": " + key + " '" + text + "'";
  return {where, e};
}

std::optional<CheckStatus> status_from(const std::string& s) {
  for (CheckStatus c : {CheckStatus::Match, CheckStatus::Mismatch, CheckStatus::Kink, CheckStatus::Surrogate})
    if (s == to_string(c)) return c;
  return std::nullopt;
}

using L = const Location&;
using V = const std::string&;

const std::array directives{
    Directive{"name", "NAME", true, tr_later("names the block in reports and diagram files (`LESSON-N-NAME.svg`)"),
              [](Plan& p, V v, L) { p.name = v; }},
    Directive{"at", "x = 2, y = -4", true, tr_later("the values of the block's inputs"),
              [](Plan& p, V v, L at) {
                for_each_item(v, [&](V item) { add_binding(p.request.at, binding_at(item, at, "at")); });
              }},
    Directive{"expect", "y = 5, grad(x) = 4, tangent(f) = 0.25, grad(W) = [[0.1, 0.2]]", true,
              tr_later("values, gradients and (in forward mode) tangents that must match the trace (see *Tolerance*); "
                       "an array's entries are checked one by one"),
              [](Plan& p, V v, L at) {
                for_each_item(v, [&](V item) {
                  for (Expectation& e : parse_expectations(item)) {
                    e.origin = at.text() + ": expect '" + item + "'";
                    p.expects.push_back({at, e});
                  }
                });
              }},
    Directive{
        "expect-mistake", "grad(x) = 1.5832: missing_branches", true,
        tr_later("a wrong answer a learner might give: the lesson shows its diagnosis, and checks that the mistake "
                 "named (first, or tied for first) is this kind, one of those `--expect` names (`missing_branches`, "
                 "`sign_error`, `exponent_dropped`, `value_as_partial`, `upstream_only`, ...: the table in "
                 "docs/cli.md); each answer is diagnosed alone, as another learner's"),
        [](Plan& p, V v, L at) {
          const auto colon = v.rfind(':');
          if (colon == std::string::npos)
            throw Error(tr("expected ANSWER: MISTAKE, as in grad(x) = 1.5832: missing_branches"));
          const std::string kind = trim(v.substr(colon + 1));
          const auto mistake = mistake_from_name(kind);
          if (!mistake || *mistake == Mistake::Unknown)
            throw Error(trf("'{}' is no kind of mistake gatelab names", kind));
          p.mistakes.push_back({expectation_at(trim(v.substr(0, colon)), at, "expect-mistake"), *mistake});
        }},
    Directive{"expect-error", "KIND", true,
              tr_later("backward must fail, for this reason: `no-grad` (the output does not require grad) or "
                       "`not-scalar` (the output is an array)"),
              [](Plan& p, V v, L at) {
                const auto kind = error_kind_from_name(v);
                if (!kind || *kind == ErrorKind::general || *kind == ErrorKind::syntax)
                  throw Error(trf("'{}' is no reason backward fails (no-grad, not-scalar)", v));
                p.expect_error = kind;
                p.expect_error_at = at;
              }},
    Directive{"tangent", "w = 1", true,
              tr_later("run forward mode along this direction instead of showing the backward trace"),
              [](Plan& p, V v, L at) {
                for_each_item(v, [&](V item) { add_binding(p.request.tangents, binding_at(item, at, "tangent")); });
              }},
    Directive{
        "gradcheck", "[x = kink, y = match]", false,
        tr_later("run the gradient check; any mismatch fails the block, and each input named must get that result "
                 "(`match`, `kink`, `surrogate`, `mismatch`)"),
        [](Plan& p, V v, L at) {
          p.request.gradcheck = true;
          p.gradcheck_at = at;
          for_each_item(v, [&](V item) {
            const auto pair =
                name_and_value(item, tr_later("expected INPUT = match|kink|surrogate|mismatch, as in x = kink"));
            const auto status = status_from(pair.value);
            if (!status) throw Error(trf("'{}' is no gradcheck result (match, mismatch, kink, surrogate)", pair.value));
            p.gradcheck_statuses.emplace_back(pair.name, *status);
          });
        }},
    Directive{"tol", "T", true, tr_later("check this block's expectations to ± T instead of to the written precision"),
              [](Plan& p, V v, L) {
                const double t = number(v);
                if (t < 0) throw Error(trf("'{}' is not a number >= 0", v));
                p.tol = t;
              }},
    Directive{
        "sweep", "T = 1.0, 0.8, 0.6", true,
        tr_later(
            "run the block again for each value of one input, as a table (the trace is shown for the first value)"),
        [](Plan& p, V v, L at) {
          const auto pair = name_and_value(v, tr_later("expected INPUT = V1, V2, ..., as in T = 1, 0.5"));
          SweepSpec& sweep = p.as<SweepBlock>().sweep;
          sweep.input = pair.name;
          sweep.values = numbers(pair.value);
          sweep.where = at;
          if (sweep.values.empty()) throw Error(tr("sweep needs at least one value"));
        }},
    Directive{"show", "p1, grad(x)", true, tr_later("the sweep table's columns (default: the output)"),
              [](Plan& p, V v, L) {
                for_each_item(v, [&](V item) { p.as<SweepBlock>().sweep.show.push_back(parse_column(item)); });
              }},
    Directive{"expect-when", "T = 0.2: p1 = 0.9998, grad(x) = 0.5", true,
              tr_later("expectations on one row of the sweep"),
              [](Plan& p, V v, L at) {
                const auto colon = v.find(':');
                const auto eq = v.find('=');
                if (colon == std::string::npos || eq == std::string::npos || eq > colon)
                  throw Error(tr("expected INPUT = VALUE: NAME = VALUE, ..., as in T = 0.2: p2 = 0.9998"));
                const double row = number(v.substr(eq + 1, colon - eq - 1));
                for_each_item(v.substr(colon + 1), [&](V item) {
                  p.as<SweepBlock>().sweep.expect_when.push_back({row, expectation_at(item, at, "expect-when")});
                });
              }},
    Directive{
        "plot", "x = -4 .. 4: y, grad(x)", true,
        tr_later("curves of values and gradients against one input over a range, drawn by `gatelab lesson --svg-dir` "
                 "(`LESSON-N-NAME-plot-K.svg`) and in the lesson's page"),
        [](Plan& p, V v, L at) {
          const auto colon = v.find(':');
          const auto pair = split_name_value(v.substr(0, colon == std::string::npos ? v.size() : colon));
          const auto dots = pair ? pair->value.find("..") : std::string::npos;
          if (colon == std::string::npos || !pair || pair->name.empty() || dots == std::string::npos)
            throw Error(tr("expected INPUT = FROM .. TO: NAME, grad(NAME), ..., as in x = -4 .. 4: y, grad(x)"));
          PlotSpec plot{pair->name, number(pair->value.substr(0, dots)), number(pair->value.substr(dots + 2)), {}, at};
          if (!(plot.from < plot.to)) throw Error(tr("the range must go up: FROM < TO"));
          for_each_item(v.substr(colon + 1), [&](V item) { plot.columns.push_back(parse_column(item)); });
          if (plot.columns.empty()) throw Error(tr("name the values or gradients to draw, as in y, grad(x)"));
          p.plots.push_back(std::move(plot));
        }},
    Directive{
        "difference-table", "w", true,
        tr_later("forward and central differences of the output in `w` for h = 1e-1 ... 1e-12, with their errors"),
        [](Plan& p, V v, L) { p.as<DifferenceBlock>().input = v; }},
    Directive{"data", "x = 1, 2, 3", true, tr_later("a column of training data for an input (one directive per input)"),
              [](Plan& p, V v, L) {
                const auto pair = name_and_value(v, tr_later("expected INPUT = V1, V2, ..., as in x = 1, 2, 3"));
                p.as<DescentBlock>().descent.data.emplace_back(pair.name, numbers(pair.value));
              }},
    Directive{"descend", "w, b", true,
              tr_later("gradient descent on these inputs over the data rows; the program is the loss of one row"),
              [](Plan& p, V v, L) { p.as<DescentBlock>().descent.params = split_list(v); }},
    Directive{"lr", "0.05", true, tr_later("the descent's step size"),
              [](Plan& p, V v, L) {
                const double lr = number(v);
                if (!(lr > 0)) throw Error(trf("'{}' is not a number > 0", v));
                p.as<DescentBlock>().descent.lr = lr;
              }},
    Directive{"steps", "500", true, tr_later("the number of descent steps"),
              [](Plan& p, V v, L) { p.as<DescentBlock>().descent.steps = static_cast<int>(whole_number(v, 1e6)); }},
    Directive{"batch", "all or K", true,
              tr_later("rows per descent step, taken in order and wrapping around (default: all)"),
              [](Plan& p, V v, L) {
                p.as<DescentBlock>().descent.batch = v == "all" ? 0 : static_cast<int>(whole_number(v, 1e6));
              }},
    Directive{"expect-step", "1: w = 1.75, loss = 1.12875", true,
              tr_later("a parameter, or the mean loss over all rows, after that step"),
              [](Plan& p, V v, L at) {
                const auto colon = v.find(':');
                if (colon == std::string::npos) throw Error(tr("expected STEP: NAME = VALUE, ..., as in 1: w = 1.75"));
                const int step = static_cast<int>(whole_number(v.substr(0, colon), 1e6));
                for_each_item(v.substr(colon + 1), [&](V item) {
                  p.as<DescentBlock>().expect_step.push_back({step, expectation_at(item, at, "expect-step")});
                });
              }},
    Directive{
        "train", "CONSTRAINT, ...", true,
        tr_later("a training block: trains these constrained networks (as `gatelab train`) on "
                 "`data/breast-cancer-wisconsin.data` beside the lesson and prints one row each; it has no program"),
        [](Plan& p, V v, L) {
          for_each_item(v, [&](V item) {
            if (!constraint_from_name(item)) throw Error(trf("no such constraint ({})", joined(constraint_names())));
            p.as<TrainingBlock>().training.constraints.push_back(item);
          });
        }},
    Directive{"seed", "S", true, tr_later("the training block's PyTorch seed (default 0)"),
              [](Plan& p, V v, L) {
                p.as<TrainingBlock>().training.seed = static_cast<unsigned>(whole_number(v, 4294967295.0));
              }},
    Directive{"published", "ste = TEXT", true, tr_later("a reference result printed next to that variant's row"),
              [](Plan& p, V v, L) {
                const auto pair = name_and_value(v, tr_later("expected CONSTRAINT = TEXT"));
                p.as<TrainingBlock>().training.published.emplace_back(pair.name, pair.value);
              }},
    Directive{
        "expect-train", "ste: test >= 0.93, moved = 62", true,
        tr_later("checks on a trained variant: `train`, `valid`, `test` (accuracy), `epochs`, `best-epoch`, `moved` "
                 "(parameters that ever got a non-zero gradient), with `>=`, `<=` or `=` (to the written precision)"),
        [](Plan& p, V v, L at) {
          for (auto& e : parse_training_expectations(at, v)) p.as<TrainingBlock>().training.expectations.push_back(e);
        }},
};

}  // namespace

std::span<const Directive> lesson_directives() { return directives; }

const Directive* find_directive(std::string_view key) {
  for (const Directive& d : directives)
    if (d.key == key) return &d;
  return nullptr;
}

std::string directive_keys() {
  std::string keys;
  for (const Directive& d : directives) keys += (keys.empty() ? "" : list_separator()) + std::string(d.key);
  return keys;
}

std::string directive_table_markdown() {
  std::string table = "| directive | meaning |\n|---|---|\n";
  for (const Directive& d : directives) {
    const std::string usage = std::string(d.key) + (d.arguments.empty() ? "" : ": " + std::string(d.arguments));
    table += "| `" + usage + "` | " + std::string(tr(d.meaning.data())) + " |\n";
  }
  return table;
}

}  // namespace gatelab::cli
