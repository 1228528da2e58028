// `gatelab lessons`, `gatelab lesson NAME`, `gatelab check [LESSON...]`.
#pragma once

#include <string>
#include <vector>

namespace gatelab::cli {

int run_lessons(const std::vector<std::string>& args);
int run_lesson(const std::vector<std::string>& args);
int run_check(const std::vector<std::string>& args);

}  // namespace gatelab::cli
