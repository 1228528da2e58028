// Hostile lessons and careless command lines, end to end (docs/reliability.md): pages that
// run no script from a lesson and fetch nothing, a terminal that gets no control character,
// charts of names PLplot would choke on, and outputs that never overwrite an input or each other.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "run_gatelab.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
namespace fs = std::filesystem;

namespace {

// A lesson file in a folder of its own, with one block.
std::string lesson_file(const std::string& title, const std::string& prose, const std::string& block) {
  const std::string dir = make_temp_dir();
  std::ofstream(dir + "/01-hostile.md") << "---\ntitle: " << title << "\nsummary: a hostile lesson\n---\n"
                                        << prose << "\n\n```gatelab\n"
                                        << block << "\n```\n";
  return dir + "/01-hostile.md";
}

std::string plot_block(const std::string& name) {
  return "#| name: " + name + "\n#| at: x = 1\n#| plot: x = -1 .. 1: y, grad(x)\ny = x * x";
}

}  // namespace

TEST_CASE("pages: a lesson's javascript: links, images and raw HTML reach no page as such") {
  const std::string lesson =
      lesson_file("links",
                  "A [link](JaVaScRiPt&colon;alert(1)), <javascript:alert(2)>, [tab](java\tscript:x), "
                  "![pixel](https://tracker.example/p.png), <script>alert(3)</script> and [fine](https://example.org).",
                  "#| at: x = 1\ny = x * 2");
  for (const char* lang : {"en", "zh"}) {
    INFO(lang);
    const std::string page = fs::path(lesson).parent_path() / (std::string(lang) + ".html");
    const auto r = run_gatelab({"lesson", lesson, "--html", page, "--lang", lang});
    REQUIRE(r.status == 0);
    std::string html = slurp(page);
    CHECK_THAT(html, !Contains("javascript:", Catch::CaseSensitive::No));
    CHECK_THAT(html, !Contains("tracker.example"));
    CHECK_THAT(html, !Contains("<img"));
    CHECK_THAT(html, !Contains("alert(3)</script>"));
    CHECK_THAT(html, Contains("href=\"https://example.org\""));
  }
}

TEST_CASE("terminal: control characters in a lesson and in a syntax error are shown escaped") {
  const std::string lesson = lesson_file("Title \x1b]52;c;SGVsbG8=\x07 end", "Prose \x1b[2J here.",
                                         "#| name: n\x1b[31m\n#| at: x = 1\ny = x * 2  # \x1b[2J");
  const auto r = run_gatelab({"lesson", lesson});
  CHECK(r.status == 0);
  CHECK(r.out.find('\x1b') == std::string::npos);
  CHECK(r.out.find('\x07') == std::string::npos);
  CHECK_THAT(r.out, Contains("Title \\x1b]52;c;SGVsbG8=\\x07 end"));
  const auto error = run_gatelab({"eval", "y = x + \x1b[2J"});
  CHECK(error.status == 2);
  CHECK(error.err.find('\x1b') == std::string::npos);
  CHECK_THAT(error.err, Contains("\\x1b[2J"));
}

TEST_CASE("charts: a plot block named with 20,000 characters, or with PLplot's escapes, draws quietly") {
  for (const std::string& name : {std::string(20'000, 'n'), std::string("a#[0x41]#(840)#u")}) {
    const std::string lesson = lesson_file("plots", "", plot_block(name));
    const std::string dir = fs::path(lesson).parent_path() / "svg";
    const auto r = run_gatelab({"lesson", lesson, "--svg-dir", dir, "--html", dir + ".html"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(fs::is_directory(dir));                                                      // made: it was missing
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 2);  // the diagram, the plot
  }
}

TEST_CASE("outputs: one file named by two outputs, or an output onto an input, is refused before any is written") {
  const std::string dir = make_temp_dir();
  const std::vector<std::vector<std::string>> twice = {
      {"eval", "y = x", "--at", "x=1", "--svg", dir + "/a", "--pdf", dir + "/a"},
      {"eval", "y = x", "--at", "x=1", "--dot", dir + "/x", "--svg", dir + "/./x"},
      {"eval", "y = x", "--at", "x=1", "--svg", dir + "/b.svg", "--html",
       dir + "/../" + fs::path(dir).filename().string() + "/b.svg"},
  };
  for (const auto& args : twice) {
    INFO(args.at(5));
    const auto r = run_gatelab(args);
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Contains("each output needs a file of its own"));
    CHECK(fs::is_empty(dir));
  }
  std::ofstream(dir + "/p.gl") << "y = x * 2\n";
  const auto onto_program = run_gatelab({"eval", "--file", dir + "/p.gl", "--at", "x=1", "--html", dir + "/p.gl"});
  CHECK(onto_program.status == 2);
  CHECK_THAT(onto_program.err, Contains("it is the input file"));
  CHECK(slurp(dir + "/p.gl") == "y = x * 2\n");
  fs::create_hard_link(dir + "/p.gl", dir + "/link.gl");
  const auto onto_link = run_gatelab({"eval", "--file", dir + "/p.gl", "--at", "x=1", "--svg", dir + "/link.gl"});
  CHECK(onto_link.status == 2);
  CHECK(slurp(dir + "/p.gl") == "y = x * 2\n");
}

TEST_CASE("outputs: lesson --html onto its lesson, train files onto the data or onto each other") {
  const std::string lesson = lesson_file("onto itself", "", "#| at: x = 1\ny = x * 2");
  const std::string before = slurp(lesson);
  const auto page = run_gatelab({"lesson", lesson, "--html", lesson});
  CHECK(page.status == 2);
  CHECK(slurp(lesson) == before);
  const std::string dir = make_temp_dir();
  fs::copy_file(std::string(GATELAB_LESSONS_SOURCE) + "/data/breast-cancer-wisconsin.data", dir + "/d.data");
  const std::string data = slurp(dir + "/d.data");
  const auto weights = run_gatelab({"train", "--constraint", "ste", "--max-epochs", "2", "--data", dir + "/d.data",
                                    "--save-weights", dir + "/d.data"});
  CHECK(weights.status == 2);
  CHECK(weights.out.empty());  // refused before the training
  CHECK_THAT(weights.err, Contains("it is the input file"));
  CHECK(slurp(dir + "/d.data") == data);
  const auto both = run_gatelab(
      {"train", "--constraint", "ste", "--max-epochs", "2", "--loss-svg", dir + "/w", "--save-weights", dir + "/w"});
  CHECK(both.status == 2);
  CHECK(both.out.empty());
  CHECK_FALSE(fs::exists(dir + "/w"));
}

TEST_CASE("frames: a shorter run into a folder of a longer one leaves only its own frames") {
  const std::string dir = make_temp_dir(), fresh = make_temp_dir();
  REQUIRE(run_gatelab(
              {"eval", "y = sigmoid(x * w + b) * x + w", "--at", "x=1", "--at", "w=2", "--at", "b=0", "--frames", dir})
              .status == 0);
  std::ofstream(dir + "/notes.txt") << "mine\n";
  const std::vector<std::string> shorter = {"eval", "y = x * 2", "--at", "x=1", "--frames"};
  auto args = shorter;
  args.push_back(dir);
  REQUIRE(run_gatelab(args).status == 0);
  args.back() = fresh;
  REQUIRE(run_gatelab(args).status == 0);
  auto names_in = [](const std::string& d) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(d)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  };
  std::vector<std::string> expected = names_in(fresh);
  expected.insert(expected.begin(), "notes.txt");  // not gatelab's: it stays
  std::sort(expected.begin(), expected.end());
  CHECK(names_in(dir) == expected);
}

TEST_CASE("frames: an earlier frame that is this run's program is not removed") {
  const std::string dir = make_temp_dir();
  REQUIRE(run_gatelab(
              {"eval", "y = sigmoid(x * w + b) * x + w", "--at", "x=1", "--at", "w=2", "--at", "b=0", "--frames", dir})
              .status == 0);
  std::ofstream(dir + "/step-020.dot") << "y = x * 2\n";  // a program, named as a frame
  REQUIRE(run_gatelab({"eval", "--file", dir + "/step-020.dot", "--at", "x=1", "--frames", dir}).status == 0);
  CHECK(slurp(dir + "/step-020.dot") == "y = x * 2\n");
  CHECK_FALSE(fs::exists(dir + "/step-015.svg"));  // the first run's last frame: gone
}
