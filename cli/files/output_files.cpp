#include "files/output_files.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "files/cleanup_on_signal.hpp"
#include "gatelab/engine/error.hpp"
#include "gatelab/support/translate.hpp"
#include "run/input_file.hpp"

namespace gatelab::cli {

namespace fs = std::filesystem;

namespace {

std::string folder_of(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

// An existing file that is neither a regular file nor a folder: a device or a pipe.
bool is_special(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

[[noreturn]] void cannot_write(const std::string& path, const std::string& why) {
  throw Error(trf("cannot write '{}': {}", path, why));
}

// Writes all of content to fd; false with errno set on failure.
bool write_all(int fd, std::string_view content) {
  for (std::size_t done = 0; done < content.size();) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = ENOSPC;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// A file written under a temporary name beside its path, waiting to be renamed.
struct Staged {
  std::string temp, path;
};

Staged stage(const std::string& path, std::string_view content, CleanupOnSignal& cleanup) {
  std::string temp = (fs::path(folder_of(path)) / ("." + fs::path(path).filename().string() + ".XXXXXX")).string();
  int fd = -1;
  {
    SignalsHeld held;
    fd = ::mkstemp(temp.data());
    if (fd >= 0) cleanup.add_file(temp);
  }
  if (fd < 0) cannot_write(path, std::strerror(errno));
  const mode_t mask = ::umask(0);  // mkstemp makes 0600; give the file the usual mode
  ::umask(mask);
  bool ok = write_all(fd, content) && ::fchmod(fd, 0666 & ~mask) == 0;
  int err = errno;
  if (::close(fd) != 0 && ok) ok = false, err = errno;
  if (!ok) {
    std::remove(temp.c_str());
    cannot_write(path, std::strerror(err));
  }
  return {temp, path};
}

void write_in_place(const std::string& path, std::string_view content) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) cannot_write(path, std::strerror(errno));
  const bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size() && std::fflush(f) == 0;
  const int err = errno;
  if (std::fclose(f) != 0 || !ok) cannot_write(path, std::strerror(ok ? errno : err));
}

// The folders of dir, outermost first, that do not exist yet.
std::vector<fs::path> missing_folders(const std::string& dir) {
  std::vector<fs::path> missing;
  std::error_code ec;
  for (fs::path p = fs::path(dir).lexically_normal(); !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
    missing.insert(missing.begin(), p);
    if (p == p.parent_path()) break;
  }
  return missing;
}

bool is_input(const std::string& path) {
  const FileIdentity id = identity_of(path);
  return std::any_of(files_read().begin(), files_read().end(),
                     [&](const FileRead& input) { return id.same_as(input.identity); });
}

// No output is written over an input gatelab read, and no two outputs name one file: checked
// for every file before any is written.
void check_apart(const std::vector<std::string>& paths) {
  std::vector<std::pair<std::string, FileIdentity>> seen;
  for (const std::string& path : paths) {
    if (path.empty() || is_special(path)) continue;  // /dev/null, /dev/stdout and pipes may be named twice
    const FileIdentity id = identity_of(path);
    for (const FileRead& input : files_read())
      if (id.same_as(input.identity))
        cannot_write(path, trf("it is the input file '{}', which gatelab does not write over", input.path));
    for (const auto& [other, other_id] : seen)
      if (id.same_as(other_id))
        cannot_write(path,
                     trf("it is also named as another output ('{}'): each output needs a file of its own", other));
    seen.emplace_back(path, id);
  }
}

}  // namespace

void check_output_file(const std::string& path) {
  if (path.empty()) throw Error(tr("an output path is empty"));
  std::error_code ec;
  if (fs::is_directory(path, ec)) cannot_write(path, tr("it is a directory"));
  if (is_special(path)) {
    if (::access(path.c_str(), W_OK) != 0) cannot_write(path, std::strerror(errno));
    return;
  }
  const std::string dir = folder_of(path);
  if (!fs::exists(dir, ec)) cannot_write(path, trf("the directory '{}' does not exist", dir));
  if (!fs::is_directory(dir, ec)) cannot_write(path, trf("'{}' is not a directory", dir));
  if (::access(dir.c_str(), W_OK) != 0) cannot_write(path, std::strerror(errno));
}

void check_output_dir(const std::string& dir, bool create) {
  if (dir.empty()) throw Error(tr("an output directory is empty"));
  auto fail = [&](const std::string& why) { throw Error(trf("cannot write to '{}': {}", dir, why)); };
  std::error_code ec;
  fs::path existing = dir;
  if (!fs::exists(existing, ec)) {
    if (!create) fail(tr("the directory does not exist"));
    const auto missing = missing_folders(dir);
    existing = missing.empty() ? fs::path(".") : missing.front().parent_path();
    if (existing.empty()) existing = ".";
  }
  if (!fs::is_directory(existing, ec))
    fail(existing == fs::path(dir) ? std::string(tr("it is not a directory"))
                                   : trf("'{}' is not a directory", existing.string()));
  if (::access(existing.c_str(), W_OK) != 0) fail(std::strerror(errno));
}

void OutputFiles::add_dir(std::string dir) { dirs_.push_back(std::move(dir)); }

void OutputFiles::add(std::string path, std::string content) {
  files_.emplace_back(std::move(path), std::move(content));
}

void OutputFiles::remove_after(std::string path) { stale_.push_back(std::move(path)); }

void check_outputs_apart(const std::vector<std::string>& paths) { check_apart(paths); }

void OutputFiles::write() const {
  std::vector<std::string> paths;
  for (const auto& file : files_) paths.push_back(file.first);
  check_apart(paths);
  CleanupOnSignal cleanup;  // Ctrl-C meanwhile removes what is made so far
  std::vector<fs::path> made;
  std::vector<Staged> staged;
  auto undo = [&] {
    for (const Staged& s : staged) std::remove(s.temp.c_str());
    std::error_code ec;
    for (auto it = made.rbegin(); it != made.rend(); ++it) fs::remove(*it, ec);  // only if still empty
  };
  try {
    for (const std::string& dir : dirs_)
      for (const fs::path& p : missing_folders(dir)) {
        std::error_code ec;
        SignalsHeld held;
        if (!fs::create_directory(p, ec) && ec)
          throw Error(trf("cannot make the directory '{}': {}", p.string(), ec.message()));
        made.push_back(p);
        cleanup.add_dir(p.string());
      }
    for (const auto& [path, content] : files_) {
      check_output_file(path);
      if (!is_special(path)) staged.push_back(stage(path, content, cleanup));
    }
    for (const auto& [path, content] : files_)
      if (is_special(path)) write_in_place(path, content);
    SignalsHeld held;  // every file renamed into place, even when Ctrl-C comes meanwhile
    for (const Staged& s : staged)
      if (std::rename(s.temp.c_str(), s.path.c_str()) != 0) cannot_write(s.path, std::strerror(errno));
    cleanup.clear();
    for (const std::string& path : stale_)
      if (!is_input(path)) std::remove(path.c_str());  // an old frame read as --file stays
  } catch (...) {
    undo();
    throw;
  }
}

}  // namespace gatelab::cli
