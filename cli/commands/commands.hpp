// The gatelab command: one function per subcommand, and the entry point that picks one and
// turns every error a user can cause into one line on stderr and a non-zero exit status.
#pragma once

#include <string>
#include <vector>

namespace gatelab::cli {

// Each takes the arguments after its name and returns the exit status.
int run_eval(const std::vector<std::string>& args);
int run_lessons(const std::vector<std::string>& args);
int run_lesson(const std::vector<std::string>& args);
int run_check(const std::vector<std::string>& args);
int run_train(const std::vector<std::string>& args);
int run_quiz(const std::vector<std::string>& args);
int run_site(const std::vector<std::string>& args);

// gatelab COMMAND ARGS...: argv without the program name.
int run_gatelab(const std::vector<std::string>& argv);

}  // namespace gatelab::cli
