// gatelab-docs: writes the man page or the bash completion, made from the command table.
// The build runs it (packaging/CMakeLists.txt); it is not installed.
//   gatelab-docs man VERSION OUT        gatelab(1) as roff
//   gatelab-docs completion OUT         the bash completion script
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "commands/command_docs.hpp"

int main(int argc, char** argv) {
  const std::string what = argc > 1 ? argv[1] : "";
  if (!((what == "man" && argc == 4) || (what == "completion" && argc == 3))) {
    std::cerr << "usage: gatelab-docs man VERSION OUT | gatelab-docs completion OUT\n";
    return 2;
  }
  // The help of an installed gatelab names no folder of the machine that built it.
  ::setenv("GATELAB_LESSONS", "/nonexistent/gatelab/lessons", 1);
  const std::string text = what == "man" ? gatelab::cli::man_page(argv[2]) : gatelab::cli::bash_completion();
  std::ofstream out(argv[argc - 1], std::ios::binary);
  out << text;
  out.close();
  if (!out) {
    std::cerr << "gatelab-docs: cannot write " << argv[argc - 1] << "\n";
    return 2;
  }
  return 0;
}
