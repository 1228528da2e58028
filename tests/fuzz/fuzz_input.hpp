// What the fuzz targets share: the input as text, the one exception bad input may raise,
// and the size of the programs they run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "gatelab/engine/error.hpp"

namespace gatelab::fuzz {

inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Runs f. gatelab::Error is how gatelab answers bad input (one line, exit 2), so it ends f
// quietly; any other exception escapes, and libFuzzer reports it as a crash.
template <class F>
void allowing_errors(F&& f) {
  try {
    f();
  } catch (const Error&) {
  }
}

// Programs the targets run stay below this many nodes and array entries (gatelab's own
// limit is far higher): a bigger one is slow under the sanitizers, not more telling.
inline constexpr std::size_t max_program_size = 20'000;

// A gradient check runs the graph twice per input: it is skipped above this many gate runs.
inline constexpr std::size_t max_gradcheck_work = 400'000;

// A 64-bit FNV-1a hash: choices the input makes without spending bytes on them.
inline std::uint64_t hash_of(std::string_view text) {
  std::uint64_t h = 14695981039346656037ull;
  for (const char c : text) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

}  // namespace gatelab::fuzz
