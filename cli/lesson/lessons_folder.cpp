#include "lesson/lessons_folder.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <vector>

#include "gatelab/engine/error.hpp"
#include "gatelab/support/translate.hpp"

namespace gatelab::cli {

namespace fs = std::filesystem;

namespace {

const char* const data_file = "data/breast-cancer-wisconsin.data";

Error unreadable(const fs::path& dir, const std::error_code& ec) {
  return Error(trf("cannot read the lessons folder '{}': {}", dir.string(), ec.message()));
}

// Whether dir is a folder; a folder that exists but cannot be looked into is an error, not
// a missing folder.
bool is_folder(const fs::path& dir) {
  std::error_code ec;
  const fs::file_status status = fs::status(dir, ec);
  if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory) throw unreadable(dir, ec);
  return fs::is_directory(status);
}

// The folders beside the running executable, build tree first, then installed.
std::vector<fs::path> beside_executable() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  const fs::path bin = exe.parent_path();
  return {bin / "lessons", (bin / ".." / "share" / "gatelab" / "lessons").lexically_normal()};
}

// The folder, checked to be readable: a listing that fails is reported as it failed.
std::string readable(const fs::path& dir) {
  std::error_code ec;
  fs::directory_iterator listing(dir, ec);
  if (ec) throw unreadable(dir, ec);
  return dir.string();
}

}  // namespace

std::string lessons_dir() {
  const char* env = std::getenv("GATELAB_LESSONS");
  if (env && *env) {
    std::error_code ec;
    if (fs::exists(env, ec) && !is_folder(env))
      throw Error(trf("the lessons folder '{}' is a file, not a folder (named by GATELAB_LESSONS)", env));
    if (!is_folder(env)) throw Error(trf("the lessons folder '{}' does not exist (named by GATELAB_LESSONS)", env));
    return readable(env);
  }
  const std::vector<fs::path> candidates = beside_executable();
  if (candidates.empty())
    throw Error(
        tr("cannot find the gatelab executable's folder (/proc/self/exe); set GATELAB_LESSONS to the lessons folder"));
  std::string looked;
  for (const fs::path& dir : candidates) {
    if (is_folder(dir)) {
      std::error_code ec;
      const fs::path real = fs::canonical(dir, ec);  // the build tree's link shows as the source folder
      return readable(ec ? dir : real);
    }
    looked += (looked.empty() ? "'" : tr(" or '")) + dir.string() + "'";
  }
  throw Error(trf("no lessons folder beside the gatelab executable (looked for {}); set GATELAB_LESSONS to the folder",
                  looked));
}

std::string default_data_file() { return (fs::path(lessons_dir()) / data_file).string(); }

std::string default_data_file_for_help() {
  try {
    return default_data_file();
  } catch (const Error&) {
    return trf("{} in the lessons folder", data_file);
  }
}

}  // namespace gatelab::cli
