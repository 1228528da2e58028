// A lesson document written in a test, as the lesson runner reads it from a file.
#pragma once

#include <string>

#include "lesson/format.hpp"
#include "lesson/library.hpp"

inline gatelab::cli::LessonFile lesson_from(const std::string& blocks, const std::string& path = "lessons/01-test.md") {
  return {"test", path, gatelab::parse_lesson("---\ntitle: Test\nsummary: a lesson written by a test\n---\n" + blocks)};
}
