// gatelab: the command-line front end. Everything it does lives in the gatelab_cli library.
#include <string>
#include <vector>

#include "commands/commands.hpp"

int main(int argc, char** argv) { return gatelab::cli::run_gatelab(std::vector<std::string>(argv + 1, argv + argc)); }
