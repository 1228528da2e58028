#include "output_files.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "gatelab/error.hpp"

namespace gatelab::cli {

namespace fs = std::filesystem;

static std::string directory_of(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

void check_writable_dir(const std::string& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) throw Error("cannot write to '" + dir + "': the directory does not exist");
  if (!fs::is_directory(dir, ec)) throw Error("cannot write to '" + dir + "': it is not a directory");
  if (::access(dir.c_str(), W_OK) != 0)
    throw Error("cannot write to '" + dir + "': " + std::strerror(errno));
}

void check_writable(const std::string& path) {
  if (path.empty()) throw Error("an output path is empty");
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw Error("cannot write '" + path + "': it is a directory");
  const std::string dir = directory_of(path);
  if (!fs::exists(dir, ec)) throw Error("cannot write '" + path + "': the directory '" + dir + "' does not exist");
  if (::access(dir.c_str(), W_OK) != 0) throw Error("cannot write '" + path + "': " + std::strerror(errno));
}

void write_file_atomically(const std::string& path, std::string_view content) {
  check_writable(path);
  std::string tmp = (fs::path(directory_of(path)) / ("." + fs::path(path).filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) throw Error("cannot write '" + path + "': " + std::strerror(errno));
  bool ok = true;
  for (std::size_t done = 0; ok && done < content.size();) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<std::size_t>(n);
  }
  const mode_t mask = ::umask(0);  // mkstemp makes 0600; give the file the usual mode
  ::umask(mask);
  ok = ok && ::fchmod(fd, 0666 & ~mask) == 0;
  const int saved = errno;
  ok = (::close(fd) == 0) && ok;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = ok ? errno : saved;
    std::remove(tmp.c_str());
    throw Error("cannot write '" + path + "': " + std::strerror(err));
  }
}

std::string read_file(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw Error("cannot read '" + path + "': it is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot read '" + path + "': " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace gatelab::cli
