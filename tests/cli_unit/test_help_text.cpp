// The help, the man page and the bash completion are made from the command table: every
// command and option appears in each, the options line up in both languages, and lines fit
// in 80 terminal cells.
#include <catch2/catch.hpp>

#include <sstream>

#include "commands/command_docs.hpp"
#include "commands/commands.hpp"
#include "commands/help_text.hpp"
#include "commands/language.hpp"
#include "gatelab/language/input_text.hpp"

using namespace gatelab;
using namespace gatelab::cli;
using Catch::Matchers::Contains;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The display column where the description of each option row starts (the first cell after
// two spaces that follows the option), and of each continuation line.
std::vector<std::size_t> description_columns(const std::string& help) {
  std::vector<std::size_t> columns;
  bool in_options = false;
  for (const std::string& line : lines_of(help)) {
    if (line == "Options:" || line == "选项：") {
      in_options = true;
      continue;
    }
    if (!in_options) continue;
    if (line.empty()) break;
    const std::size_t start = line.rfind("  -", 0) == 0 ? line.find("  ", 2) : 0;
    if (start == std::string::npos) continue;  // an option on a line of its own
    const std::size_t text = line.find_first_not_of(' ', start);
    columns.push_back(display_width(line.substr(0, text)));
  }
  return columns;
}

// As roff writes a minus sign.
std::string dashes_escaped(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '-' ? std::string("\\-") : std::string(1, c);
  return out;
}

struct Chinese {
  Chinese() { use_language(Language::chinese, GATELAB_CATALOGS); }
  ~Chinese() { use_language(Language::english, GATELAB_CATALOGS); }
};

void check_layout(const Command& c) {
  const std::string help = help_text(c);
  INFO(help);
  const auto columns = description_columns(help);
  REQUIRE(columns.size() >= 2);
  for (std::size_t col : columns) CHECK(col == columns.front());
  for (const std::string& line : lines_of(help)) {
    if (line.rfind("  gatelab ", 0) == 0 || line.rfind("  printf ", 0) == 0 || line.rfind("  mkdir ", 0) == 0)
      continue;  // an example is shown as typed, however long
    CHECK(display_width(line) <= 80);
  }
}

}  // namespace

TEST_CASE("help: every command's options, --lang among them, start their descriptions in one column, in English") {
  for (const Command& c : command_table()) {
    check_layout(c);
    CHECK_THAT(help_text(c), Contains("  --lang en|zh ") && Contains("  -h, --help "));
  }
}

TEST_CASE("help: every command's options start their descriptions in one column, in Chinese") {
  const Chinese chinese;
  for (const Command& c : command_table()) check_layout(c);
}

TEST_CASE("help: wrapped text breaks at spaces or beside a Chinese character, never before its punctuation") {
  CHECK(wrapped("one two three four", 9, 2) == "one two\n  three\n  four");
  CHECK(wrapped("一二三四，五六", 8, 0) == "一二三\n四，五六");
  CHECK(wrapped("短", 80, 4) == "短");
}

TEST_CASE("help: the usage lists each command of the table with its synopsis") {
  const std::string usage = usage_text();
  for (const Command& c : command_table()) CHECK_THAT(usage, Contains("\n  " + synopsis_line(c) + "\n"));
}

TEST_CASE("man page: every command has its subsection and every option its item") {
  const std::string page = man_page("9.9");
  CHECK_THAT(page, Contains(".TH GATELAB 1 \"\" \"gatelab 9.9\""));
  for (const Command& c : command_table()) {
    CHECK_THAT(page, Contains(".SS gatelab " + std::string(c.name)));
    const CommandHelp help = c.help();
    for (const auto& o : help.options.options())
      CHECK_THAT(page, Contains(".B " + dashes_escaped(option_synopsis(*o))));
  }
  CHECK_THAT(page, Contains(".B \\-\\-lang en|zh"));
}

TEST_CASE("bash completion: the commands, each command's options, and the values an option's help names") {
  const std::string script = bash_completion();
  for (const Command& c : command_table()) {
    std::string names;
    const CommandHelp help = c.help();
    for (const auto& o : help.options.options()) names += "--" + o->long_name() + " ";
    CHECK_THAT(script, Contains("        " + std::string(c.name) + ") options='" + names + "--lang' ;;"));
  }
  CHECK_THAT(script, Contains("compgen -W 'eval lessons lesson check train quiz site --help --lang'"));
  CHECK_THAT(script,
             Contains("\"train --constraint\")\n            COMPREPLY=($(compgen -W 'none tanh tanh01 round ste'"));
  CHECK_THAT(script, Contains("\"quiz --lesson\"") && Contains("_gatelab_lessons \"$1\""));
}
