// The message of the gatelab::Error that f throws, or "no error": for tests of error text.
#pragma once

#include <string>

#include "gatelab/engine/error.hpp"

template <class F>
std::string error_text(F&& f) {
  try {
    f();
  } catch (const gatelab::Error& e) {
    return e.what();
  }
  return "no error";
}
