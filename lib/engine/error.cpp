#include "gatelab/engine/error.hpp"

#include <array>

namespace gatelab {

namespace {
constexpr std::array<std::string_view, 4> kind_names{"general", "syntax", "no-grad", "not-scalar"};
static_assert(kind_names.size() == static_cast<std::size_t>(ErrorKind::not_scalar) + 1, "a name for every ErrorKind");
}  // namespace

std::string_view to_string(ErrorKind kind) { return kind_names[static_cast<std::size_t>(kind)]; }

std::optional<ErrorKind> error_kind_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kind_names.size(); ++i)
    if (kind_names[i] == name) return static_cast<ErrorKind>(i);
  return std::nullopt;
}

}  // namespace gatelab
