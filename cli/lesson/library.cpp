#include "lesson/library.hpp"

#include <algorithm>
#include <filesystem>

#include "gatelab/engine/error.hpp"
#include "gatelab/support/translate.hpp"
#include "lesson/lessons_folder.hpp"
#include "run/input_file.hpp"
#include "run/location.hpp"

namespace gatelab::cli {

namespace fs = std::filesystem;

static LessonFile load(const fs::path& path) {
  std::error_code ec;
  const fs::path near = fs::proximate(path, ec);  // relative to the working folder when it can be
  const bool outside = ec || near.empty() || near.string().rfind("..", 0) == 0;
  const std::string shown = outside ? path.string() : near.string();
  const std::string text = read_file(shown);
  try {
    return {lesson_name_from_file(path.filename().string()), shown, parse_lesson(text)};
  } catch (const Error& e) {
    throw placed_in(shown, e);
  }
}

// Every lesson file of the folder, in name order; in Chinese, zh/NAME.md where there is one.
static std::vector<fs::path> lesson_paths() {
  const fs::path dir = lessons_dir();
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == ".md" && entry.path().filename() != "README.md")
      paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  if (paths.empty())
    throw Error(trf("the lessons folder '{}' holds no lessons (files NN-NAME.md); set GATELAB_LESSONS to the folder",
                    dir.string()));
  if (language() == Language::chinese)
    for (fs::path& p : paths) {
      std::error_code ec;
      if (fs::is_regular_file(dir / "zh" / p.filename(), ec)) p = dir / "zh" / p.filename();
    }
  return paths;
}

LessonShelf readable_lessons() {
  LessonShelf shelf;
  for (const fs::path& p : lesson_paths()) try {
      shelf.lessons.push_back(load(p));
    } catch (const Error& e) {
      shelf.broken.emplace_back(e.what());
    }
  return shelf;
}

std::vector<LessonFile> all_lessons() {
  std::vector<LessonFile> lessons;
  for (const fs::path& p : lesson_paths()) lessons.push_back(load(p));
  return lessons;
}

LessonFile find_lesson(const std::string& name_or_path) {
  if (name_or_path.size() > 3 && name_or_path.substr(name_or_path.size() - 3) == ".md") return load(name_or_path);
  std::string known;
  for (const fs::path& p : lesson_paths()) {
    const std::string name = lesson_name_from_file(p.filename().string());
    if (name == name_or_path) return load(p);
    known += (known.empty() ? "" : list_separator()) + name;
  }
  throw Error(trf("no lesson named '{}' (the lessons: {})", name_or_path, known));
}

}  // namespace gatelab::cli
