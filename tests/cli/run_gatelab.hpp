// Runs the built gatelab binary and captures what it printed, for the CLI tests.
#pragma once

#include <string>
#include <vector>

struct RunResult {
  int status = -1;  // the exit status; -1 if it did not exit normally (a crash)
  std::string out;
  std::string err;
};

struct RunOptions {
  std::string stdin_text;        // fed on standard input (not a terminal)
  std::vector<std::string> env;  // extra NAME=VALUE settings (LANGUAGE, LC_ALL, LC_MESSAGES
                                 // and LANG are unset first: English)
  std::string cwd;               // working directory; empty: the current one
  bool terminal = false;         // stdin and stdout on a pseudo-terminal (no echo), as in a shell
};

RunResult run_gatelab(const std::vector<std::string>& args, const RunOptions& options = {});

// A fresh empty directory under the system's temporary directory; it is removed, with
// what it holds, when the test process ends.
std::string make_temp_dir();

std::string slurp(const std::string& path);
