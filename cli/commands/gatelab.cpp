// gatelab COMMAND: picks the command, and reports every error a user can cause as one line
// on stderr (a syntax error adds its line and a caret) with a non-zero exit status.
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>

#include "commands/command_line.hpp"
#include "commands/commands.hpp"
#include "commands/language.hpp"
#include "render/source_excerpt.hpp"
#include "run/location.hpp"

namespace gatelab::cli {

namespace {

const char* const usage = tr_later(R"(gatelab: every value and every gradient of a computational graph, step by step.

Usage:
  gatelab eval PROGRAM [--at NAME=VALUE ...] [options]   evaluate, backpropagate, print the trace
  gatelab lessons                                        list the lessons
  gatelab lesson NAME [--svg-dir DIR] [--step]           read a lesson and run its programs
  gatelab check [LESSON...]                              run the lessons' checks (all by default)
  gatelab train --constraint none|tanh|tanh01|round|ste  train the notebook's constrained network
  gatelab quiz PROGRAM [--at NAME=VALUE ...] | --lesson NAME   predict each value and gradient
  gatelab site DIR                                       the whole course as a static site, both languages
  gatelab --help | gatelab COMMAND --help
Every command takes --lang en|zh (else LANGUAGE, LC_ALL, LC_MESSAGES or LANG: zh_* is Chinese).

Examples:
  gatelab eval 'y = x^2 + 1' --at x=2
  gatelab eval 'f = (x + y) * z' --at x=-2 --at y=5 --at z=-4 --svg f.svg
  gatelab eval 'y = detach(x^2 + 1) + x' --at x=2 --gradcheck
  gatelab lesson detach
  gatelab check
  gatelab train --constraint ste
  gatelab quiz 'q = x + y; f = q * z' --at x=-2 --at y=5 --at z=-4
  gatelab site course
  gatelab eval --help
)");

struct Command {
  const char* name;
  int (*run)(const std::vector<std::string>&);
};
const std::array commands{Command{"eval", run_eval},   Command{"lessons", run_lessons}, Command{"lesson", run_lesson},
                          Command{"check", run_check}, Command{"train", run_train},     Command{"quiz", run_quiz},
                          Command{"site", run_site}};

const Command* find_command(const std::string& name) {
  const auto it = std::find_if(commands.begin(), commands.end(), [&](const Command& c) { return name == c.name; });
  return it == commands.end() ? nullptr : &*it;
}

int dispatch(const std::string& name, const std::vector<std::string>& args) {
  if (const Command* c = find_command(name)) return c->run(args);
  if (name == "--help" || name == "-h" || name == "help") {
    std::cout << tr(usage);
    return exit_ok;
  }
  std::string names;
  for (const Command& c : commands) names += (names.empty() ? "" : list_separator()) + std::string(c.name);
  throw UsageError(trf("unknown command '{}' (the commands: {})", name, names));
}

// The status, once standard output is written whole; else one line and status 2 (a full
// disk: `gatelab eval ... > /dev/full`). A pipe closed early is no error (`gatelab ... |
// head -1`): the SIGPIPE ends gatelab quietly, or, where it is ignored, the rest is dropped.
int output_written(const std::string& who, int status) {
  std::cout.flush();
  if (std::fflush(stdout) == 0 && !std::ferror(stdout)) return status;
  const int error = errno;
  struct stat st {};
  if (::fstat(STDOUT_FILENO, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))) return status;
  std::cerr << who << ": " << trf("cannot write to standard output: {}", std::strerror(error)) << "\n";
  return exit_bad_input;
}

// `gatelab --lang zh lessons` as well as `gatelab lessons --lang zh`: a leading --lang is
// moved after the command's name.
std::vector<std::string> lang_after_command(std::vector<std::string> argv) {
  std::size_t n = 0;
  if (!argv.empty() && argv[0] == "--lang")
    n = std::min<std::size_t>(2, argv.size());
  else if (!argv.empty() && argv[0].rfind("--lang=", 0) == 0)
    n = 1;
  if (n && argv.size() == n) return {};  // `gatelab --lang zh`: no command, as `gatelab`
  if (n && argv.size() > n)
    std::rotate(argv.begin(), argv.begin() + static_cast<std::ptrdiff_t>(n),
                argv.begin() + static_cast<std::ptrdiff_t>(n) + 1);
  return argv;
}

}  // namespace

int run_gatelab(const std::vector<std::string>& arguments) {
  const std::vector<std::string> argv = lang_after_command(arguments);
  const std::string name = argv.empty() ? std::string() : argv.front();
  const bool known = find_command(name) != nullptr;
  const std::string who = known ? "gatelab " + name : "gatelab";
  try {
    choose_language(arguments);
    if (argv.empty()) {
      std::cerr << tr(usage);
      return exit_bad_input;
    }
    return output_written(who, dispatch(name, {argv.begin() + 1, argv.end()}));
  } catch (const ProgramError& e) {
    std::cerr << who << ": " << program_error_text(e);
  } catch (const UsageError& e) {
    std::cerr << who << ": " << e.what() << " " << trf("(see '{} --help')", who) << "\n";
  } catch (const Error& e) {
    std::cerr << who << ": " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << who << ": " << trf("internal error: {}", e.what()) << "\n";
    return exit_internal;
  }
  return exit_bad_input;
}

}  // namespace gatelab::cli
