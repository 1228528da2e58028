#include "run/input_file.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "gatelab/engine/error.hpp"
#include "gatelab/support/translate.hpp"

namespace gatelab::cli {

namespace fs = std::filesystem;

namespace {

std::vector<FileRead>& read_so_far() {
  static std::vector<FileRead> files;
  return files;
}

}  // namespace

FileIdentity identity_of(const std::string& path) {
  FileIdentity id;
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(fs::absolute(path, ec), ec);
  id.canonical = ec ? fs::absolute(path, ec).lexically_normal().string() : canonical.string();
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) id.exists = true, id.device = st.st_dev, id.inode = st.st_ino;
  return id;
}

const std::vector<FileRead>& files_read() { return read_so_far(); }

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
  if (text.starts_with("\xEF\xBB\xBF"))
    fail(
        tr("it starts with a UTF-8 byte-order mark (the bytes EF BB BF), which gatelab does not read: save it as "
           "UTF-8 without a BOM"));
  if (fs::is_regular_file(path, ec)) read_so_far().push_back({path, identity_of(path)});
  return text;
}

}  // namespace gatelab::cli
