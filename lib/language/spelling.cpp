#include "gatelab/language/spelling.hpp"

#include <algorithm>

namespace gatelab {

namespace {

// Edits between a and b: insertions, deletions, substitutions and swaps of neighbours
// (the optimal string alignment distance).
std::size_t edits(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

}  // namespace

std::optional<std::string> did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const std::size_t allowed = word.size() <= 3 ? 1 : word.size() <= 7 ? 2 : 3;
  std::optional<std::string> best;
  std::size_t best_edits = allowed + 1;
  for (const std::string& c : candidates) {
    if (c == word) return std::nullopt;
    const std::size_t e = edits(word, c);
    // Fewer edits than letters: "q" is no slip for "x", though one edit apart.
    if (e < best_edits && e < std::max(word.size(), c.size())) best = c, best_edits = e;
  }
  return best;
}

}  // namespace gatelab
