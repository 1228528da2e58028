// Lesson blocks read and run in-process: the directive table, typed values, error places.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "../error_text.hpp"
#include "files/curve_plot.hpp"
#include "files/plplot_svg.hpp"
#include "lesson/block.hpp"
#include "lesson/directives.hpp"
#include "lesson_text.hpp"
#include "render/lesson_text.hpp"

using namespace gatelab::cli;
using Catch::Matchers::Contains;

TEST_CASE("lesson sweep: the traced run binds the first swept value as a number, 1.23456789 and not 1.23457") {
  // y = x * 1 is x, so the traced run at the first swept value must give exactly 1.23456789;
  // read back from 6-digit text it would be 1.23457, 2.1e-06 away (outside ± 5e-09).
  const auto file = lesson_from("```gatelab\n#| sweep: x = 1.23456789, 2\n#| expect: y = 1.23456789\ny = x * 1\n```\n");
  const BlockOutcome run = run_block(file, 0);
  CHECK(run.failures.empty());
  CHECK(run.checks == 1);
  const auto& g = run.result.program.graph;
  CHECK(g.value(run.result.program.output) == 1.23456789);
  REQUIRE(run.sweep);
  REQUIRE(run.sweep->rows.size() == 2);
  CHECK(run.sweep->rows[0].cells[0] == 1.23456789);
  CHECK(run.sweep->rows[1].cells[0] == 2);
}

TEST_CASE("lesson descent: the data's first row is bound as a number, and the trace is put back after descent") {
  // loss = (w*x - t)^2 at w = 0.5 with rows (x, t) = (1.000000123, 2), (2, 4).
  const auto file = lesson_from(
      "```gatelab\n#| at: w = 0.5\n#| data: x = 1.000000123, 2\n#| data: t = 2, 4\n#| descend: w\n#| lr: 0.1\n#| "
      "steps: 1\n"
      "loss = (w*x - t)^2\n```\n");
  const BlockOutcome run = run_block(file, 0);
  const auto& p = run.result.program;
  CHECK(p.graph.value(p.graph.find("x")) == 1.000000123);
  CHECK(p.graph.value(p.graph.find("w")) == 0.5);
  REQUIRE(run.descent);
  // d/dw mean((w x - t)^2) = mean(2 (w x - t) x); at w = 0.5: 2(0.5000000615 - 2)(1.000000123) and 2(1 - 4)(2).
  const double g1 = 2 * (0.5 * 1.000000123 - 2) * 1.000000123, g2 = 2 * (0.5 * 2 - 4) * 2;
  CHECK(run.descent->steps.at(0).params.at(0) == Approx(0.5 - 0.1 * (g1 + g2) / 2).epsilon(1e-14));
}

TEST_CASE("lesson at: values are numbers, each name once, and errors name the file and line") {
  const auto ok = lesson_from("```gatelab\n#| at: x = 0.1, y = 2e-3\ny = x + 1\n```\n");
  const Plan plan = read_plan(ok, 0);
  REQUIRE(plan.request.at.size() == 2);
  CHECK(plan.request.at[0].name == "x");
  CHECK(plan.request.at[0].value == 0.1);
  CHECK(plan.request.at[1].value == 2e-3);

  const auto twice = lesson_from("```gatelab\n#| at: x = 1\n#| at: x = 2\ny = x\n```\n");
  CHECK(error_text([&] { read_plan(twice, 0); }) == "lessons/01-test.md:7: at: 'x = 2': 'x' has a value already");
  const auto bad = lesson_from("```gatelab\n#| at: x = two\ny = x\n```\n");
  CHECK(error_text([&] { read_plan(bad, 0); }) == "lessons/01-test.md:6: at: 'x = two': 'two' is not a finite number");
  const auto unknown = lesson_from("```gatelab\n#| at: q = 1\ny = x\n```\n");
  CHECK(error_text([&] { run_block(unknown, 0); }) ==
        "lessons/01-test.md:6: at: the program has no input named 'q' (its inputs: x)");
}

TEST_CASE("lesson errors: every location is FILE:LINE or FILE:LINE:COLUMN") {
  const auto missing = lesson_from("\n```gatelab\ny = x + z\n#| at: x = 1\n```\n");
  CHECK(error_text([&] { run_block(missing, 0); }) ==
        "lessons/01-test.md:7:9: the input 'z' has no value: add '#| at:' z=VALUE");
  const auto syntax = lesson_from("```gatelab\ny = (x + 1\n```\n");
  CHECK(error_text([&] { run_block(syntax, 0); }) ==
        "lessons/01-test.md:6:5: this '(' is never closed: expected ')' before the end of the program");
  const auto empty = lesson_from("```gatelab\n#| name:\ny = x\n```\n");
  CHECK(error_text([&] { read_plan(empty, 0); }) == "lessons/01-test.md:6: name: needs a value, as in '#| name: NAME'");
  const auto sweep = lesson_from("```gatelab\n#| sweep: q = 1, 2\n#| at: x = 1\ny = x\n```\n");
  CHECK(error_text([&] { run_block(sweep, 0); }) ==
        "lessons/01-test.md:6: sweep: the program has no input named 'q' (its inputs: x)");
}

TEST_CASE("lesson documents: an error in the front matter or a data file is placed as FILE:LINE") {
  const std::string dir = std::filesystem::temp_directory_path() / ("gatelab-unit-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/01-bad.md") << "---\ntitle: T\n---\n";
  CHECK(error_text([&] { find_lesson(dir + "/01-bad.md"); }) ==
        dir + "/01-bad.md:3: the front matter has no 'summary:' (gatelab lessons lists it)");
  CHECK(placed_in("a.data", gatelab::Error(2, 0, "field 11: class 7")).what() ==
        std::string("a.data:2: field 11: class 7"));
  CHECK(placed_in("w.json", gatelab::Error("expected 2 layers")).what() == std::string("w.json: expected 2 layers"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("lesson arrays: at: and expect: take whole arrays, and the checks run entry by entry") {
  // y = sum(W @ v) with W = [[1, 2], [3, 4]], v = [1, 1]: y = 10, grad(W[i,j]) = v[j] = 1, grad(v[j]) = Σ_i W[i][j].
  const auto file = lesson_from(
      "```gatelab\n#| at: W = [[1, 2], [3, 4]], v = [1, 1]\n#| expect: y = 10, grad(W) = [[1, 1], [1, 1]], grad(v) = "
      "[4, 6]\n"
      "y = sum(W @ v)\n```\n");
  const BlockOutcome run = run_block(file, 0);
  CHECK(run.failures.empty());
  CHECK(run.checks == 7);
  REQUIRE(run.plan.request.at.size() == 2);
  CHECK(run.plan.request.at[0].shape == std::vector<int>{2, 2});
  CHECK(run.plan.request.at[1].values == std::vector<double>{1, 1});
  const auto wrong = lesson_from("```gatelab\n#| at: v = [1, 2]\n#| expect: grad(v) = [1, 3]\ny = sum(v * v)\n```\n");
  const BlockOutcome w = run_block(wrong, 0);
  REQUIRE(w.failures.size() == 2);  // d(v·v)/dv = 2v = [2, 4]
  CHECK(w.failures[0].message == "grad(v[0]): expected 1 ± 0.02, traced 2 (difference 1)");
}

TEST_CASE("lesson tol: applies to every expectation of the block, wherever it is written") {
  const auto file = lesson_from("```gatelab\n#| expect: y = 3.1\n#| tol: 0.2\n#| at: x = 3\ny = x\n```\n");
  const Plan plan = read_plan(file, 0);
  REQUIRE(plan.expects.size() == 1);
  CHECK(plan.expects[0].expectation.answer.tolerance == 0.2);
  CHECK(run_block(file, 0).failures.empty());  // |3 - 3.1| <= 0.2
}

TEST_CASE("lesson directives: an unknown key lists the table's keys") {
  const auto file = lesson_from("```gatelab\n#| expectation: y = 9\ny = x\n```\n");
  const std::string message = error_text([&] { read_plan(file, 0); });
  CHECK_THAT(message,
             Contains("lessons/01-test.md:6: unknown directive 'expectation' (the directives: name, at, expect,"));
  for (const Directive& d : lesson_directives()) CHECK_THAT(message, Contains(std::string(d.key)));
  CHECK(find_directive("expectation") == nullptr);
  REQUIRE(find_directive("sweep") != nullptr);
  CHECK(find_directive("sweep")->needs_value);
  CHECK_FALSE(find_directive("gradcheck")->needs_value);
}

TEST_CASE("docs/lesson-format.md lists exactly the directive table, row for row") {
  std::ifstream in(std::string(GATELAB_SOURCE_DIR) + "/docs/lesson-format.md");
  REQUIRE(in);
  std::string line, documented;
  bool in_table = false;
  while (std::getline(in, line)) {
    if (line == "| directive | meaning |") in_table = true;
    if (in_table && line.rfind("|", 0) != 0) break;
    if (in_table) documented += line + "\n";
  }
  INFO("docs/lesson-format.md's directive table should read:\n" << directive_table_markdown());
  CHECK(documented == directive_table_markdown());

  // And the keys, the way a reader sees them: every `key` in the first column.
  std::set<std::string> doc_keys, table_keys;
  const std::regex key("^\\| `([a-z-]+)");
  std::istringstream rows(documented);
  for (std::smatch m; std::getline(rows, line);)
    if (std::regex_search(line, m, key)) doc_keys.insert(m[1]);
  for (const Directive& d : lesson_directives()) table_keys.insert(std::string(d.key));
  CHECK(doc_keys == table_keys);
}

TEST_CASE("lesson plot: the curves at 201 evenly spaced points, and a chart of them") {
  // y = x^2 from -2 to 2: at x = -2 y is 4 and dy/dx = 2x is -4; the middle point is x = 0.
  const auto file = lesson_from("```gatelab\n#| at: x = 1\n#| plot: x = -2 .. 2: y, grad(x)\ny = x^2\n```\n");
  const BlockOutcome run = run_block(file, 0);
  REQUIRE(run.plots.size() == 1);
  const SweepTable& t = run.plots[0].curves;
  REQUIRE(t.rows.size() == plot_points);
  CHECK(t.rows.front().value == -2);
  CHECK(t.rows.front().cells == std::vector<double>{4, -4});
  CHECK(t.rows[100].value == 0);
  CHECK(t.rows.back().cells == std::vector<double>{4, 4});
  CHECK(run.result.program.graph.value(run.result.program.output) == 1);  // the traced run is put back
  CHECK(plot_title(run.plots[0]) == "y and grad(x) against x");
  const std::string svg = curves_svg(t, "a title");
  CHECK_THAT(svg, Contains("<svg") && Contains("</svg>"));
  CHECK_THAT(inline_svg(svg, "c1-"), Catch::Matchers::StartsWith("<svg"));
  const auto bad = lesson_from("```gatelab\n#| at: x = 1\n#| plot: x = 2 .. -2: y\ny = x^2\n```\n");
  CHECK(error_text([&] { read_plan(bad, 0); }) == "lessons/01-test.md:7: plot: the range must go up: FROM < TO");
  const auto none = lesson_from("```gatelab\n#| at: x = 1\n#| plot: q = 0 .. 1: y\ny = x^2\n```\n");
  CHECK(error_text([&] { run_block(none, 0); }) == "lessons/01-test.md:7: plot: the program has no input named 'q'");
}

TEST_CASE("a block's file name keeps the letters of its name, in any script") {
  const auto file = lesson_from("```gatelab\n#| name: 显性约束 tanh/1\n#| at: x = 1\ny = x\n```\n");
  CHECK(block_file_stem(file, 0) == "test-1-显性约束-tanh-1");
}

TEST_CASE("a descent's wrong loss, in a program that names no node loss, is a failure in words, not a crash") {
  // Found by the lesson fuzz target: the diagnosis asked for the node named "loss", and there
  // is none (the output is y). One step from w = 0.5 at x = 1, t = 2: loss = (0.5 - 2)^2 = 2.25,
  // gradient 2 (0.5 - 2) = -3, w = 0.5 + 0.1 * 3 = 0.8, loss after the step (0.8 - 2)^2 = 1.44.
  const auto file = lesson_from(
      "```gatelab\n#| at: w = 0.5\n#| data: x = 1\n#| descend: w\n#| lr: 0.1\n#| steps: 1\n"
      "#| expect-step: 1: w = 0.8, loss = 999\ny = (w*x - 2)^2\n```\n");
  const BlockOutcome run = run_block(file, 0);
  REQUIRE(run.failures.size() == 1);
  CHECK_FALSE(run.failures[0].diagnosis);
  CHECK_THAT(failure_text(run, run.failures[0]), Contains("loss"));
}

TEST_CASE("lesson block kinds: a block is one kind, and directives of two kinds in it are an error at the second") {
  const auto sweep_then_descent =
      lesson_from("```gatelab\n#| sweep: x = 1, 2\n#| descend: w\n#| data: x = 1\ny = w * x\n```\n");
  CHECK_THAT(error_text([&] { read_plan(sweep_then_descent, 0); }),
             Contains("lessons/01-test.md:7: descend: a block is one kind, and this one is a sweep already: make a "
                      "descent a block of its own"));
  const auto table_then_training = lesson_from("```gatelab\n#| difference-table: x\n#| seed: 1\ny = x\n```\n");
  CHECK_THAT(error_text([&] { read_plan(table_then_training, 0); }),
             Contains("seed: a block is one kind, and this one is a difference table already"));
  // The kind the directives chose, and a plain block traced.
  CHECK(read_plan(lesson_from("```gatelab\n#| sweep: x = 1, 2\n#| plot: x = 0 .. 1: y\ny = x\n```\n"), 0)
            .if_kind<SweepBlock>());
  CHECK(std::holds_alternative<TracedBlock>(read_plan(lesson_from("```gatelab\n#| at: x = 1\ny = x\n```\n"), 0).kind));
}

TEST_CASE("lesson block kinds: a kind's other directives need the one that names it") {
  CHECK_THAT(error_text([&] { read_plan(lesson_from("```gatelab\n#| show: y\ny = x\n```\n"), 0); }),
             Contains("'#| show:' and '#| expect-when:' need a '#| sweep:'"));
  CHECK_THAT(error_text([&] { read_plan(lesson_from("```gatelab\n#| seed: 3\n```\n"), 0); }),
             Contains("'#| seed:', '#| published:' and '#| expect-train:' need a '#| train:'"));
  CHECK_THAT(error_text([&] { read_plan(lesson_from("```gatelab\n#| lr: 0.1\ny = x\n```\n"), 0); }),
             Contains("'#| descend:' and '#| data:' go together"));
}

TEST_CASE("lesson expect-error: names the kind of failure, checked by kind in any language") {
  const auto no_grad = lesson_from("```gatelab\n#| expect-error: no-grad\n#| at: x = 2\ny = detach(x^2 + 1)\n```\n");
  const BlockOutcome detached = run_block(no_grad, 0);
  CHECK(detached.failures.empty());
  CHECK(detached.checks == 1);
  const auto array = lesson_from("```gatelab\n#| expect-error: not-scalar\n#| at: x = 2\ny = [x, x * x]\n```\n");
  CHECK(run_block(array, 0).failures.empty());
  const auto wrong_kind = lesson_from("```gatelab\n#| expect-error: not-scalar\n#| at: x = 2\ny = detach(x)\n```\n");
  const BlockOutcome wrong = run_block(wrong_kind, 0);
  REQUIRE(wrong.failures.size() == 1);
  CHECK_THAT(wrong.failures[0].message, Contains("backward failed with no-grad (") && Contains("not with not-scalar"));
  const auto runs = lesson_from("```gatelab\n#| expect-error: no-grad\n#| at: x = 2\ny = x\n```\n");
  REQUIRE(run_block(runs, 0).failures.size() == 1);
  CHECK_THAT(
      error_text([] { read_plan(lesson_from("```gatelab\n#| expect-error: does not require grad\ny = x\n```\n"), 0); }),
      Contains("'does not require grad' is no reason backward fails (no-grad, not-scalar)"));
}
