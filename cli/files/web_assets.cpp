#include "files/web_assets.hpp"

#include <filesystem>
#include <system_error>
#include <vector>

#include "gatelab/engine/error.hpp"
#include "gatelab/support/translate.hpp"
#include "run/input_file.hpp"

namespace gatelab::cli {

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> candidates() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  const fs::path bin = exe.parent_path();
  return {bin / "web", (bin / ".." / "share" / "gatelab" / "web").lexically_normal()};
}

bool has(const fs::path& dir, const char* name) {
  std::error_code ec;
  return fs::is_regular_file(dir / name, ec);
}

std::optional<fs::path> folder() {
  for (const fs::path& dir : candidates())
    if (has(dir, "gatelab-engine.js") && has(dir, "viz-global.js") && has(dir, "engine_api.js")) return dir;
  return std::nullopt;
}

WebAssets read_assets(const fs::path& dir) {
  WebAssets a;
  a.dir = dir.string();
  a.engine = read_file((dir / "gatelab-engine.js").string());
  a.api = read_file((dir / "engine_api.js").string());
  a.viz = read_file((dir / "viz-global.js").string());
  if (has(dir, "zh_CN.json")) a.catalog = "const gatelabCatalog = " + read_file((dir / "zh_CN.json").string()) + ";\n";
  std::error_code ec;
  if (fs::is_regular_file(dir / "katex" / "katex.min.js", ec)) a.katex_dir = (dir / "katex").string();
  return a;
}

}  // namespace

std::optional<WebAssets> find_web_assets() {
  const auto dir = folder();
  if (!dir) return std::nullopt;
  return read_assets(*dir);
}

WebAssets web_assets_or_error() {
  if (const auto dir = folder()) return read_assets(*dir);
  std::string looked;
  for (const fs::path& dir : candidates()) looked += (looked.empty() ? "'" : tr(" or '")) + dir.string() + "'";
  throw Error(
      trf("no browser engine beside the gatelab executable (looked for gatelab-engine.js, viz-global.js and "
          "engine_api.js in {}): this gatelab was built without emscripten or without npm's @viz-js/viz",
          looked));
}

}  // namespace gatelab::cli
