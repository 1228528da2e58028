// Fuzz target: a lesson document made into its page, as `gatelab lesson NAME --html` does,
// and the page checked against the sanitiser's policy (docs/reliability.md, "Pages").
//
// The input is a lesson's Markdown. Its quick blocks are run (quick_block.hpp; a block too
// slow to fuzz, or one that cannot run, is left out and its prose joined to the next), and
// the page is made. It must hold no script but gatelab's own, and no link a click could run:
//   - before gatelab's data (<script type="application/json" id="gatelab-data">): no
//     "<script", no "javascript:" (any case), no "<iframe", "<object", "<embed", "<img", and
//     every href or src an http:, https:, mailto: or in-page (#) one;
//   - the data: no '<' at all, so no string in it can end its element;
//   - after the data: gatelab's own scripts, exactly as a page without a lesson has them.
// A page that breaks the policy aborts, which libFuzzer reports with the input.
#include <cstdio>
#include <cstdlib>

#include "files/pages.hpp"
#include "fuzz_input.hpp"
#include "quick_block.hpp"
#include "render/prose_html.hpp"

using namespace gatelab;
using namespace gatelab::cli;

namespace {

const std::string data_open = "<script type=\"application/json\" id=\"gatelab-data\">";

[[noreturn]] void broken(const char* what, std::string_view near) {
  std::fprintf(stderr, "fuzz_page: %s, near: %.*s\n", what, static_cast<int>(std::min<std::size_t>(near.size(), 200)),
               near.data());
  std::abort();
}

std::string folded(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

// Block i left out: its prose and the next one's read as one.
void leave_out(LessonFile& file, std::size_t i) {
  auto& l = file.lesson;
  l.prose[i] += "\n\n" + l.prose[i + 1];
  l.prose.erase(l.prose.begin() + static_cast<std::ptrdiff_t>(i) + 1);
  l.blocks.erase(l.blocks.begin() + static_cast<std::ptrdiff_t>(i));
}

std::vector<BlockOutcome> quick_runs(LessonFile& file) {
  std::vector<BlockOutcome> runs;
  for (std::size_t i = 0; i < file.lesson.blocks.size();) {
    try {
      if (fuzz::quick(read_plan(file, i))) {
        runs.push_back(run_block(file, i));
        ++i;
        continue;
      }
    } catch (const Error&) {
    }
    leave_out(file, i);
  }
  return runs;
}

// The part of the page before gatelab's data: what the lesson's text became.
void check_lesson_part(std::string_view part) {
  const std::string low = folded(part);
  for (const char* banned : {"<script", "javascript:", "<iframe", "<object", "<embed", "<img"})
    if (const std::size_t at = low.find(banned); at != std::string::npos) broken(banned, part.substr(at));
  for (const char* attribute : {" href=\"", " src=\""})
    for (std::size_t at = low.find(attribute); at != std::string::npos; at = low.find(attribute, at + 1)) {
      const std::size_t from = at + std::string_view(attribute).size();
      std::string cleaned;
      if (!allowed_link(part.substr(from, part.find('"', from) - from), cleaned)) broken(attribute, part.substr(at));
    }
}

const std::string& own_scripts() {
  static const std::string tail = [] {
    const std::string page = lesson_page(LessonFile{"empty", "lessons/01-empty.md", {"t", "s", {""}, {}}}, {});
    return page.substr(page.find("</script>\n", page.find(data_open)) + 10);
  }();
  return tail;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  LessonFile file{"fuzz", "lessons/01-fuzz.md", {}};
  try {
    file.lesson = parse_lesson(fuzz::text_of(data, size));
  } catch (const Error&) {
    return 0;
  }
  std::string page;
  fuzz::allowing_errors([&] {
    const std::vector<BlockOutcome> runs = quick_runs(file);
    page = lesson_page(file, runs);
  });
  if (page.empty()) return 0;
  const std::size_t data_at = page.find(data_open);
  if (data_at == std::string::npos) broken("no data element", page);
  check_lesson_part(std::string_view(page).substr(0, data_at));
  const std::size_t data_end = page.find("</script>\n", data_at);
  const std::size_t json_at = data_at + data_open.size();
  const std::string_view json = std::string_view(page).substr(json_at, data_end - json_at);
  if (json.find('<') != std::string_view::npos) broken("'<' in the data", json);
  if (std::string_view(page).substr(data_end + 10) != own_scripts())
    broken("scripts not gatelab's own", page.substr(data_end));
  return 0;
}
