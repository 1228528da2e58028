// gatelab: the command-line front end. Each command parses its own options; every error a
// user can cause ends here as one line on stderr and a non-zero exit status.
#include <fmt/format.h>

#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "eval_command.hpp"
#include "lesson_command.hpp"
#include "train_command.hpp"
#include "exit_codes.hpp"
#include "options.hpp"

namespace {

const char* const usage = R"(gatelab: every value and every gradient of a computational graph, step by step.

Usage:
  gatelab eval PROGRAM [--at NAME=VALUE ...] [options]   evaluate, backpropagate, print the trace
  gatelab lessons                                        list the lessons
  gatelab lesson NAME [--svg-dir DIR] [--step]           read a lesson and run its programs
  gatelab check [LESSON...]                              run the lessons' checks (all by default)
  gatelab train --constraint none|tanh|tanh01|round|ste  train the notebook's constrained network
  gatelab --help | gatelab COMMAND --help

Examples:
  gatelab eval 'y = x^2 + 1' --at x=2
  gatelab eval 'f = (x + y) * z' --at x=-2 --at y=5 --at z=-4 --svg f.svg
  gatelab eval 'y = detach(x^2 + 1) + x' --at x=2 --gradcheck
  gatelab lesson detach
  gatelab check
  gatelab train --constraint ste
  gatelab eval --help
)";

int dispatch(const std::string& command, const std::vector<std::string>& args) {
  using namespace gatelab::cli;
  if (command == "eval") return run_eval(args);
  if (command == "lessons") return run_lessons(args);
  if (command == "lesson") return run_lesson(args);
  if (command == "check") return run_check(args);
  if (command == "train") return run_train(args);
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << usage;
    return exit_ok;
  }
  throw UsageError(fmt::format("unknown command '{}' (the commands: eval, lessons, lesson, check, train)", command));
}

}  // namespace

int main(int argc, char** argv) {
  using namespace gatelab::cli;
  if (argc < 2) {
    std::cerr << usage;
    return exit_bad_input;
  }
  const std::string command = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  const bool known = command == "eval" || command == "lessons" || command == "lesson" || command == "check" ||
                     command == "train";
  const std::string who = known ? "gatelab " + command : "gatelab";
  try {
    return dispatch(command, args);
  } catch (const ProgramError& e) {
    std::cerr << who << ": " << e.what() << "\n  " << e.source_line() << "\n  "
              << std::string(static_cast<std::size_t>(std::max(0, e.column() - 1)), ' ') << "^\n";
  } catch (const UsageError& e) {
    std::cerr << who << ": " << e.what() << (known ? " (see '" + who + " --help')" : " (see 'gatelab --help')")
              << "\n";
  } catch (const gatelab::Error& e) {
    std::cerr << who << ": " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << who << ": internal error: " << e.what() << "\n";
    return exit_internal;
  }
  return exit_bad_input;
}
