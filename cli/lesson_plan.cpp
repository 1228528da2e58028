#include "lesson_plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "gatelab/dot.hpp"
#include "gatelab/network.hpp"
#include "strings.hpp"

namespace gatelab::cli {

namespace {

// Gives an input a value for the block's traced run unless '#| at:' already does.
void bind_default(Plan& plan, const std::string& name, double value) {
  const bool bound = std::any_of(plan.request.at.begin(), plan.request.at.end(), [&](const std::string& a) {
    return trim(a.substr(0, a.find('='))) == name;
  });
  if (!bound) plan.request.at.push_back(name + "=" + format_number(value));
}

double number_or_throw(const std::string& text) {
  const auto v = parse_number(text);
  if (!v) throw Error("'" + text + "' is not a number");
  return *v;
}

std::optional<CheckStatus> status_from(const std::string& s) {
  for (CheckStatus c : {CheckStatus::Match, CheckStatus::Mismatch, CheckStatus::Kink, CheckStatus::Surrogate})
    if (s == to_string(c)) return c;
  return std::nullopt;
}

}  // namespace

Plan read_plan(const LessonFile& file, const LessonBlock& block, std::size_t index) {
  Plan plan;
  plan.name = fmt::format("{}", index + 1);
  plan.request.text = block.program;
  plan.request.source = {file.path, block.first_line};
  plan.request.at_label = "'#| at:'";
  plan.request.tangent_label = "'#| tangent:'";
  std::optional<double> tol;
  for (const LessonDirective& d : block.directives)
    if (d.key == "tol") {
      tol = parse_number(d.value);
      if (!tol || *tol < 0) throw Error(fmt::format("{}:{}: tol: '{}' is not a number >= 0", file.path, d.line, d.value));
    }
  for (const LessonDirective& d : block.directives) {
    const std::string where = fmt::format("{}:{}", file.path, d.line);
    auto need_value = [&] {
      if (d.value.empty()) throw Error(fmt::format("{}: '{}' needs a value", where, d.key));
    };
    try {
      if (d.key == "name") {
        need_value();
        plan.name = d.value;
      } else if (d.key == "at") {
        need_value();
        for (const auto& item : split_list(d.value)) plan.request.at.push_back(item);
      } else if (d.key == "expect") {
        need_value();
        for (const auto& item : split_list(d.value)) plan.expects.push_back({d.line, parse_expectation(item, tol)});
      } else if (d.key == "expect-error") {
        need_value();
        plan.expect_error = d.value;
        plan.expect_error_line = d.line;
      } else if (d.key == "tangent") {
        need_value();
        for (const auto& item : split_list(d.value)) plan.request.tangents.push_back(item);
      } else if (d.key == "gradcheck") {
        plan.request.gradcheck = true;
        plan.gradcheck_line = d.line;
        for (const auto& [name, value] : [&] {
               std::vector<std::pair<std::string, std::string>> pairs;
               for (const auto& item : split_list(d.value)) {
                 const auto eq = item.find('=');
                 if (eq == std::string::npos) throw Error("expected INPUT = match|kink|surrogate, as in x = kink");
                 pairs.emplace_back(trim(item.substr(0, eq)), trim(item.substr(eq + 1)));
               }
               return pairs;
             }()) {
          const auto status = status_from(value);
          if (!status) throw Error("'" + value + "' is no gradcheck result (match, mismatch, kink, surrogate)");
          plan.gradcheck_statuses.emplace_back(name, *status);
        }
      } else if (d.key == "tol") {
        // read above
      } else if (d.key == "sweep") {
        need_value();
        const auto eq = d.value.find('=');
        if (eq == std::string::npos) throw Error("expected INPUT = V1, V2, ..., as in T = 1, 0.5");
        plan.sweep_input = trim(d.value.substr(0, eq));
        for (const auto& item : split_list(d.value.substr(eq + 1))) {
          const auto v = parse_number(item);
          if (!v) throw Error("'" + item + "' is not a number");
          plan.sweep_values.push_back(*v);
        }
        if (plan.sweep_values.empty()) throw Error("sweep needs at least one value");
      } else if (d.key == "show") {
        need_value();
        for (const auto& item : split_list(d.value)) plan.show.push_back(parse_column(item));
      } else if (d.key == "expect-when") {
        need_value();
        // expect-when: T = 0.2: p2 = 0.9998, p4 = 2.034e-04
        const auto colon = d.value.find(':');
        const auto eq = d.value.find('=');
        if (colon == std::string::npos || eq == std::string::npos || eq > colon)
          throw Error("expected INPUT = VALUE: NAME = VALUE, ..., as in T = 0.2: p2 = 0.9998");
        const auto at = parse_number(d.value.substr(eq + 1, colon - eq - 1));
        if (!at) throw Error("the sweep value is not a number");
        for (const auto& item : split_list(d.value.substr(colon + 1)))
          plan.expect_when.push_back({*at, {d.line, parse_expectation(item, tol)}});
      } else if (d.key == "difference-table") {
        need_value();
        plan.difference_input = d.value;
      } else if (d.key == "data") {
        need_value();
        const auto eq = d.value.find('=');
        if (eq == std::string::npos) throw Error("expected INPUT = V1, V2, ..., as in x = 1, 2, 3");
        std::vector<double> values;
        for (const auto& item : split_list(d.value.substr(eq + 1))) values.push_back(number_or_throw(item));
        plan.descent.data.emplace_back(trim(d.value.substr(0, eq)), values);
      } else if (d.key == "descend") {
        need_value();
        plan.descends = true;
        plan.descent.params = split_list(d.value);
      } else if (d.key == "lr") {
        need_value();
        plan.descent.lr = number_or_throw(d.value);
      } else if (d.key == "steps" || d.key == "batch") {
        need_value();
        const double v = d.key == "batch" && d.value == "all" ? 0 : number_or_throw(d.value);
        if (v < 0 || v != std::floor(v) || v > 1e6) throw Error("expected a whole number" + std::string(d.key == "batch" ? " or all" : ""));
        (d.key == "steps" ? plan.descent.steps : plan.descent.batch) = static_cast<int>(v);
      } else if (d.key == "train") {
        need_value();
        for (const auto& item : split_list(d.value)) {
          if (!constraint_from_name(item)) throw Error("'" + item + "' is no constraint (none, tanh, tanh01, round, ste)");
          plan.training.constraints.push_back(item);
        }
      } else if (d.key == "seed") {
        need_value();
        const double seed = number_or_throw(d.value);
        if (seed < 0 || seed != std::floor(seed) || seed > 4294967295.0) throw Error("expected a whole number >= 0");
        plan.training.seed = static_cast<unsigned>(seed);
      } else if (d.key == "published") {
        need_value();
        const auto eq = d.value.find('=');
        if (eq == std::string::npos) throw Error("expected CONSTRAINT = TEXT");
        plan.training.published.emplace_back(trim(d.value.substr(0, eq)), trim(d.value.substr(eq + 1)));
      } else if (d.key == "expect-train") {
        need_value();
        for (auto& e : parse_training_expectations(d.line, d.value)) plan.training.expectations.push_back(e);
      } else if (d.key == "expect-step") {
        need_value();
        const auto colon = d.value.find(':');
        if (colon == std::string::npos) throw Error("expected STEP: NAME = VALUE, ..., as in 1: w = 1.75");
        const double step = number_or_throw(d.value.substr(0, colon));
        for (const auto& item : split_list(d.value.substr(colon + 1)))
          plan.expect_step.push_back({static_cast<int>(step), {d.line, parse_expectation(item, tol)}});
      } else {
        throw Error(where + ": unknown directive '" + d.key +
                    "' (the directives: name, at, expect, expect-error, tangent, gradcheck, tol, sweep, show, "
                    "expect-when, difference-table, data, descend, lr, steps, batch, expect-step, train, seed, published, expect-train)");
      }
    } catch (const Error& e) {
      const std::string what = e.what();
      throw Error(what.rfind(where, 0) == 0 ? what : where + ": " + d.key + ": " + what);
    }
  }
  if (!plan.sweep_input.empty()) bind_default(plan, plan.sweep_input, plan.sweep_values.front());
  for (const auto& [name, values] : plan.descent.data)
    if (!values.empty()) bind_default(plan, name, values.front());
  if (plan.descends != !plan.descent.data.empty())
    throw Error(fmt::format("{}:{}: '#| descend:' and '#| data:' go together", file.path, block.first_line));
  if (!plan.expect_when.empty() && plan.sweep_input.empty())
    throw Error(fmt::format("{}:{}: expect-when needs a '#| sweep:'", file.path, plan.expect_when.front().second.line));
  for (const Located& l : plan.expects) plan.request.expectations.push_back(l.expectation);
  return plan;
}

}  // namespace gatelab::cli
