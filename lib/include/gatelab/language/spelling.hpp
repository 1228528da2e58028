// "Did you mean ...?": the known word a misspelt one was probably meant to be.
//
//   gatelab::did_you_mean("sigmod", {"sigmoid", "sign", "tanh"})  // "sigmoid"
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gatelab {

// The candidate with the fewest edits (a letter added, dropped, changed, or two swapped),
// if it is close enough to be a slip: one edit for words of up to 3 letters, two up to 7,
// three beyond, and fewer edits than letters (q is no slip for x). nullopt when none is, or
// when the word is itself a candidate.
std::optional<std::string> did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace gatelab
