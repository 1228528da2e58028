// A bad input, as every command treats one: exit status 2, nothing on stdout, exactly one
// error line on stderr (plus a caret for syntax errors).
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "run_gatelab.hpp"

inline void check_bad_input(const std::vector<std::string>& args, const std::string& message, int lines = 1) {
  INFO("gatelab " << args.at(0) << " " << (args.size() > 1 ? args[1] : ""));
  const auto r = run_gatelab(args);
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Matchers::Contains(message));
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == lines);
}
