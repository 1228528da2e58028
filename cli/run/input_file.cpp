#include "run/input_file.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "gatelab/engine/error.hpp"
#include "gatelab/support/translate.hpp"

namespace gatelab::cli {

namespace fs = std::filesystem;

std::string read_file(const std::string& path) {
  auto fail = [&](const std::string& why) { throw Error(trf("cannot read '{}': {}", path, why)); };
  const std::string too_large =
      trf("it is larger than {} MiB, the most gatelab reads (docs/reliability.md)", max_input_file_size >> 20);
  std::error_code ec;
  if (fs::is_directory(path, ec)) fail(tr("it is a directory"));
  const std::uintmax_t size = fs::is_regular_file(path, ec) ? fs::file_size(path, ec) : 0;
  if (!ec && size > max_input_file_size) fail(too_large);
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(std::strerror(errno));
  // Read in pieces up to one byte past the limit: a pipe or a device has no size to check first.
  std::string text;
  if (!ec) text.reserve(static_cast<std::size_t>(size));
  char piece[65536];
  while (in.read(piece, sizeof piece) || in.gcount() > 0) {
    text.append(piece, static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_input_file_size) fail(too_large);
  }
  if (in.bad()) fail(std::strerror(errno));
  return text;
}

}  // namespace gatelab::cli
