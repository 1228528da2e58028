#include "lesson/format.hpp"

#include <algorithm>
#include <cctype>

#include "gatelab/engine/error.hpp"
#include "gatelab/support/translate.hpp"

namespace gatelab {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

[[noreturn]] void fail(int line, const std::string& message) { throw Error(line, 0, message); }

// Splits text into lines (without their '\n' or '\r').
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return lines;
}

// The number of backticks opening a fence line (at least 3), or 0.
std::size_t fence_length(std::string_view line) {
  const std::string_view t = trim(line);
  std::size_t n = 0;
  while (n < t.size() && t[n] == '`') ++n;
  return n >= 3 ? n : 0;
}

bool is_fence(std::string_view line) { return fence_length(line) > 0; }

// The line index just after the front matter, filling title and summary.
std::size_t read_front_matter(const std::vector<std::string_view>& lines, Lesson& lesson) {
  if (lines.empty() || trim(lines[0]) != "---")
    fail(1, tr("a lesson starts with front matter: a line '---', then 'title: ...' and 'summary: ...', then '---'"));
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const int line = static_cast<int>(i) + 1;
    const std::string_view text = trim(lines[i]);
    if (text == "---") {
      if (lesson.title.empty()) fail(line, tr("the front matter has no 'title:'"));
      if (lesson.summary.empty()) fail(line, tr("the front matter has no 'summary:' (gatelab lessons lists it)"));
      return i + 1;
    }
    const auto colon = text.find(':');
    const std::string_view key = trim(text.substr(0, colon));
    const std::string value{colon == std::string_view::npos ? std::string_view{} : trim(text.substr(colon + 1))};
    if (key == "title")
      lesson.title = value;
    else if (key == "summary")
      lesson.summary = value;
    else if (!key.empty())
      fail(line, trf("unknown front-matter key '{}' (the keys: title, summary)", key));
  }
  fail(1, tr("the front matter opened here is never closed with '---'"));
}

}  // namespace

Lesson parse_lesson(std::string_view markdown) {
  const auto lines = lines_of(markdown);
  Lesson lesson;
  std::size_t i = read_front_matter(lines, lesson);
  std::string prose;
  std::size_t other_fence = 0;  // the opening length of a fenced block that is not gatelab's
  for (; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    if (!other_fence && fence_length(line) == 3 && trim(trim(line).substr(3)) == "gatelab") {
      const int open_line = static_cast<int>(i) + 1;
      LessonBlock block{open_line + 1, {}, {}};
      for (++i; i < lines.size() && !is_fence(lines[i]); ++i) {
        const std::string_view code = lines[i];
        block.program.append(code).push_back('\n');
        const std::string_view t = trim(code);
        if (t.substr(0, 2) != "#|") continue;
        const std::string_view body = trim(t.substr(2));
        const auto colon = body.find(':');
        const std::string key{trim(body.substr(0, colon))};
        if (key.empty()) fail(static_cast<int>(i) + 1, tr("a '#|' directive needs a key, as in '#| at: x = 2'"));
        block.directives.push_back(
            {static_cast<int>(i) + 1, key,
             std::string(colon == std::string_view::npos ? std::string_view{} : trim(body.substr(colon + 1)))});
      }
      if (i == lines.size()) fail(open_line, tr("the ```gatelab block opened here is never closed with ```"));
      lesson.prose.push_back(std::move(prose));
      prose.clear();
      lesson.blocks.push_back(std::move(block));
      continue;
    }
    const std::size_t fence = fence_length(line);
    if (!other_fence)
      other_fence = fence;
    else if (fence >= other_fence && trim(line).size() == fence)
      other_fence = 0;  // a bare closing fence
    prose.append(line).push_back('\n');
  }
  lesson.prose.push_back(std::move(prose));
  return lesson;
}

std::string lesson_name_from_file(std::string_view file_name) {
  if (file_name.size() > 3 && file_name.substr(file_name.size() - 3) == ".md") file_name.remove_suffix(3);
  std::size_t digits = 0;
  while (digits < file_name.size() && std::isdigit(static_cast<unsigned char>(file_name[digits]))) ++digits;
  if (digits > 0 && digits < file_name.size() && (file_name[digits] == '-' || file_name[digits] == '_'))
    file_name.remove_prefix(digits + 1);
  return std::string(file_name);
}

std::string without_directives(const std::string& program) {
  std::string out;
  for (std::size_t start = 0; start < program.size();) {
    const auto end = std::min(program.find('\n', start), program.size());
    const std::string line = program.substr(start, end - start);
    if (trim(line).rfind("#|", 0) != 0) out += line + "\n";
    start = end + 1;
  }
  return out;
}

}  // namespace gatelab
