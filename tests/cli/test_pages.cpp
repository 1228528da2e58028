// The HTML pages and PDF files: self-contained, written whole or not at all.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include "bad_input.hpp"
#include "run_gatelab.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The page without the code of its scripts (its own, the engine's and Graphviz's, whose
// words are not the page's): what it shows and links.
std::string markup(const std::string& html) {
  std::string out;
  std::size_t at = 0;
  for (auto open = html.find("<script>"); open != std::string::npos; open = html.find("<script>", at)) {
    out += html.substr(at, open - at);
    at = html.find("</script>", open);
    REQUIRE(at != std::string::npos);
  }
  return out + html.substr(at);
}

// A page needs nothing outside itself: no script, style or picture fetched, no link out.
// (The browser tests check that a page, its engine running, makes no request.)
void check_self_contained(const std::string& page) {
  CHECK_THAT(page, StartsWith("<!DOCTYPE html>"));
  CHECK_THAT(page, EndsWith("</html>\n"));
  const std::string html = markup(page);
  CHECK(html.find(" src=") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  // Every address is SVG's namespace, a name rather than a place to fetch.
  CHECK(count(html, "http") == count(html, "xmlns=\"http://www.w3.org/2000/svg\""));
}

std::string staged_program() { return std::string(GATELAB_STAGED_PROGRAM); }

}  // namespace

TEST_CASE("eval --html: one self-contained page with one picture, the steps and the chain-rule sums") {
  const std::string dir = make_temp_dir();
  const auto r =
      run_gatelab({"eval", "--file", staged_program(), "--at", "x=3", "--at", "y=-4", "--html", dir + "/staged.html"});
  REQUIRE(r.status == 0);
  const std::string page = slurp(dir + "/staged.html");
  check_self_contained(page);
  const std::string html = markup(page);
  CHECK(count(html, "<svg") == 1);
  CHECK(count(html, "{\"k\":") == 21);  // 8 forward steps, the seed and 12 messages
  // grad(x) by hand at x = 3, y = -4: through xpy 2(x + y) · grad(xpysqr) = 1.58319, through
  // sigx σ'(3) · grad(den) = -0.0357615, through num 1/den = 0.512144.
  CHECK_THAT(html, Contains("grad(x) = 1.58319 + (-0.0357615) + 0.512144 = 2.05957"));
}

TEST_CASE("lesson --html: the prose and every block, each block with its viewer") {
  const std::string dir = make_temp_dir();
  const auto r = run_gatelab({"lesson", "gates", "--html", dir + "/gates.html"});
  REQUIRE(r.status == 0);
  const std::string page = slurp(dir + "/gates.html");
  check_self_contained(page);
  const std::string html = markup(page);
  CHECK_THAT(html, Contains("<h1>How gates pass gradients back</h1>"));  // the prose's heading, by md4c
  CHECK(count(html, "<section class=\"viewer\">") == 2);
  CHECK(count(html, "<svg") == 2);
}

TEST_CASE("train --html: the neurons of the traced row, and each neuron's gates") {
  const std::string dir = make_temp_dir();
  const auto r = run_gatelab(
      {"train", "--constraint", "ste", "--max-epochs", "3", "--trace-sample", "0", "--html", dir + "/row.html"});
  REQUIRE(r.status == 0);
  const std::string html = slurp(dir + "/row.html");
  check_self_contained(html);
  CHECK(count(html, "<svg") == 1 + 5 + 2 + 1);  // the neurons, each neuron of 9-5-2, the loss
  CHECK(count(html, "data-expand=\"1\"") == 5 + 2 + 1);
  CHECK(std::filesystem::file_size(dir + "/row.html") < 5'000'000);
}

TEST_CASE("pdf files: Graphviz's cairo renderer draws the graph as PDF") {
  const std::string dir = make_temp_dir();
  const auto r = run_gatelab({"eval", "y = x^2 + 1", "--at", "x=2", "--pdf", dir + "/y.pdf"});
  REQUIRE(r.status == 0);
  const std::string pdf = slurp(dir + "/y.pdf");
  CHECK_THAT(pdf, StartsWith("%PDF-"));
  CHECK_THAT(pdf, Contains("%%EOF"));
  const auto row = run_gatelab(
      {"train", "--constraint", "ste", "--max-epochs", "2", "--trace-sample", "1", "--pdf", dir + "/row.pdf"});
  REQUIRE(row.status == 0);
  CHECK_THAT(slurp(dir + "/row.pdf"), StartsWith("%PDF-"));
}

TEST_CASE("html and pdf files: an unwritable path is one line, exit status 2, and nothing written") {
  const std::string dir = make_temp_dir();
  check_bad_input({"eval", "y = x", "--at", "x=1", "--html", dir + "/missing/y.html"}, "does not exist");
  check_bad_input({"eval", "y = x", "--at", "x=1", "--pdf", dir + "/missing/y.pdf"}, "does not exist");
  check_bad_input({"eval", "y = x", "--at", "x=1", "--html", dir}, "it is a directory");
  check_bad_input({"eval", "y = x", "--at", "x=1", "--html", dir + "/y.html", "--pdf", dir + "/no/y.pdf"},
                  "does not exist");
  check_bad_input({"lesson", "gates", "--html", dir + "/missing/gates.html"}, "does not exist");
  check_bad_input({"train", "--constraint", "ste", "--trace-sample", "0", "--html", dir + "/no/row.html"},
                  "does not exist");
  check_bad_input({"train", "--constraint", "ste", "--trace-sample", "0", "--pdf", dir + "/no/row.pdf"},
                  "does not exist");
  check_bad_input({"train", "--constraint", "ste", "--html", dir + "/row.html"},
                  "--html draw the row chosen with --trace-sample");
  // A failing program writes nothing, even where the path is fine; a full disk is an error.
  check_bad_input({"eval", "y = 1 / x", "--at", "x=0", "--html", dir + "/y.html", "--pdf", dir + "/y.pdf"},
                  "division by zero");
  check_bad_input({"eval", "y = x", "--at", "x=1", "--html", "/dev/full"}, "No space left on device");
  CHECK(std::filesystem::is_empty(dir));
}
