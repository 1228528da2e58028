// The one error type for what a user can cause: bad program text, a bad data file,
// backward on an output that has nothing to differentiate. Its message says what went
// wrong and where; the CLI prints it as one line. Internal invariants use assert.
#pragma once

#include <stdexcept>

namespace gatelab {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace gatelab
