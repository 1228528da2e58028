// gatelab in Chinese: --lang and the environment choose it, lessons come from lessons/zh,
// every command's help and errors are Chinese, and a Chinese keyboard's input reads.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

#include "run_gatelab.hpp"

using Catch::Matchers::Contains;

namespace {

// The title in a lesson file's front matter, read here from the file itself.
std::string title_of(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("title:", 0) == 0) return line.substr(line.find_first_not_of(' ', 6));
  return "";
}

// Terminal cells of UTF-8 text: 2 for a character from U+2E80 on (CJK and full-width), 1 for
// the others; counted here, not with gatelab's own function.
std::size_t cells(const std::string& line) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const auto b = static_cast<unsigned char>(line[i]);
    if ((b & 0xC0) == 0x80) continue;
    const bool wide = b >= 0xE2 && !(b == 0xE2 && static_cast<unsigned char>(line[i + 1]) < 0xBA);
    n += wide ? 2 : 1;
  }
  return n;
}

// Lines of text still in English: four or more words of Latin letters in a row, outside
// the examples (command lines a reader types) and option names.
std::vector<std::string> english_lines(const std::string& text) {
  static const std::regex sentence(R"(([A-Za-z]{2,}[,;:']? +){3}[A-Za-z]{2,})");
  std::vector<std::string> found;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.find("gatelab ") != std::string::npos && line.find("  gatelab ") == 0) continue;  // an example
    if (line.find("  #| ") == 0) continue;  // a lesson directive, as a teacher types it (gatelab lesson --help)
    const std::string words = std::regex_replace(line, std::regex(R"(--[a-z-]+( [A-Z|=_.]+)?|'[^']*'|"[^"]*")"), "");
    if (std::regex_search(words, sentence)) found.push_back(line);
  }
  return found;
}

}  // namespace

TEST_CASE(
    "gatelab lessons with lang zh lists the Chinese titles within 80 columns, and LANG=zh_CN.UTF-8 does the same") {
  const std::string zh_summary = title_of(std::string(GATELAB_LESSONS_SOURCE) + "/zh/08-detach.md");
  const std::string en_summary = title_of(std::string(GATELAB_LESSONS_SOURCE) + "/08-detach.md");
  REQUIRE(!zh_summary.empty());
  const auto flag = run_gatelab({"lessons", "--lang", "zh"});
  CHECK(flag.status == 0);
  CHECK_THAT(flag.out, Contains("detach") && Contains(zh_summary));
  std::istringstream lines(flag.out);
  for (std::string line; std::getline(lines, line);) {
    INFO(line);
    CHECK(cells(line) <= 80);
  }
  const auto env = run_gatelab({"lessons"}, {.env = {"LANG=zh_CN.UTF-8"}});
  CHECK(env.out == flag.out);
  const auto english = run_gatelab({"lessons", "--lang", "en"}, {.env = {"LANG=zh_CN.UTF-8"}});
  CHECK_THAT(english.out, Contains(en_summary));
  CHECK_THAT(run_gatelab({"--lang", "zh", "lessons"}).out, Contains(zh_summary));
}

TEST_CASE("gatelab check in Chinese runs every Chinese lesson") {
  const auto r = run_gatelab({"check", "--lang", "zh"});
  INFO(r.out << r.err);
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("detach") && Contains("constrained-networks"));
}

TEST_CASE("a language other than en or zh is one line and exit status 2") {
  const auto r = run_gatelab({"lessons", "--lang", "fr"});
  CHECK(r.status == 2);
  CHECK(r.err == "gatelab lessons: --lang 'fr': expected en or zh (see 'gatelab lessons --help')\n");
}

TEST_CASE("every command's help in Chinese has no English sentence left") {
  for (const std::vector<std::string>& args : {std::vector<std::string>{"--help"},
                                               {"eval", "--help"},
                                               {"lessons", "--help"},
                                               {"lesson", "--help"},
                                               {"check", "--help"},
                                               {"train", "--help"},
                                               {"quiz", "--help"}}) {
    std::vector<std::string> zh = args;
    zh.push_back("--lang");
    zh.push_back("zh");
    const auto r = run_gatelab(zh);
    INFO(args.front() << "\n" << r.out);
    CHECK(r.status == 0);
    CHECK(english_lines(r.out).empty());
  }
}

TEST_CASE("errors in Chinese: an unknown function, with the suggestion kept in the language's words") {
  const auto r = run_gatelab({"eval", "y = sigmod(x)", "--at", "x=1"}, {.env = {"LANG=zh_CN.UTF-8"}});
  INFO(r.err);
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Contains("sigmod") && Contains("sigmoid"));
  CHECK(english_lines(r.err).empty());
}

TEST_CASE("a Chinese keyboard's full-width program evaluates: y = （x＋1）＊2 at x = 1 is 4") {
  const auto r = run_gatelab({"eval", "y = （x＋1）＊2", "--at", "x=1", "--json"});
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("\"value\":4") || Contains("\"value\": 4"));
}

TEST_CASE("an option Boost cannot read is said in Chinese too: unknown, repeated, missing its value") {
  const auto unknown = run_gatelab({"eval", "y = x", "--bogus", "--lang", "zh"});
  CHECK(unknown.status == 2);
  CHECK_THAT(unknown.err, Contains("--bogus"));
  CHECK(english_lines(unknown.err).empty());
  const auto missing = run_gatelab({"eval", "y = x", "--at", "--lang", "zh"});
  CHECK(missing.status == 2);
  CHECK(english_lines(missing.err).empty());
  const auto wrong = run_gatelab({"eval", "y = x", "--at", "x=1", "--tol", "abc", "--lang", "zh"});
  CHECK(wrong.status == 2);
  CHECK_THAT(wrong.err, Contains("--tol"));
  CHECK(english_lines(wrong.err).empty());
}

TEST_CASE("in Chinese a file's place stays FILE:LINE:COLUMN: with an ASCII colon, as editors read it") {
  const std::string dir = make_temp_dir();
  std::ofstream(dir + "/p.gl") << "y = x +\n";
  const auto r = run_gatelab({"eval", "--file", dir + "/p.gl", "--at", "x=1", "--lang", "zh"});
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Matchers::StartsWith("gatelab eval: " + dir + "/p.gl:1:8: "));
}

TEST_CASE("gatelab with only the language and no command prints the usage in that language") {
  const auto r = run_gatelab({"--lang", "zh"});
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Contains("gatelab eval PROGRAM"));
  CHECK(r.err != run_gatelab({}).err);
  CHECK(english_lines(r.err).empty());
}

TEST_CASE("Chinese asked for in Traditional characters: Simplified Chinese, and one line that says so") {
  RunOptions taiwan;
  taiwan.env = {"LANG=zh_TW.UTF-8"};
  const auto r = run_gatelab({"eval", "y = x", "--at", "x=1"}, taiwan);
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("汇总"));
  CHECK_THAT(r.err, Contains("gatelab 只有简体中文，没有繁体中文"));
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  const auto chosen = run_gatelab({"eval", "y = x", "--at", "x=1", "--lang", "zh"}, taiwan);
  CHECK(chosen.err.empty());
  CHECK(run_gatelab({"eval", "y = x", "--at", "x=1", "--lang", "zh_CN"}).status == 0);
}
