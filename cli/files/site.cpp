#include "files/site.hpp"

#include <filesystem>
#include <system_error>
#include <vector>

#include "commands/language.hpp"
#include "files/page_assets.hpp"
#include "files/pages.hpp"
#include "gatelab/support/translate.hpp"
#include "lesson/block.hpp"
#include "lesson/library.hpp"
#include "render/markup.hpp"
#include "run/input_file.hpp"

namespace gatelab::cli {

namespace fs = std::filesystem;

namespace {

struct Edition {
  Language language;
  const char* folder;  // "en", "zh"
  const char* html_lang;
  std::vector<LessonFile> lessons;
};

std::string page_name(const LessonFile& l) { return fs::path(l.path).stem().string() + ".html"; }

// A link to a page beside this one: "./" first, so that a lesson file named
// "javascript:alert(1).md" gives a path, never a URL scheme.
std::string beside(const LessonFile& l) { return "./" + page_name(l); }

std::string link(const std::string& href, const std::string& text, const std::string& rel = "") {
  return "<a href=\"" + escaped(href) + "\"" + (rel.empty() ? "" : " rel=\"" + rel + "\"") + ">" + escaped(text) +
         "</a>";
}

// Index, previous, next, and the same lesson in the other language.
std::string nav(const Edition& e, const Edition& other, std::size_t i) {
  std::string out = "<nav class=\"site\">" + link("../index.html", tr("all lessons"));
  if (i > 0) out += " · " + link(beside(e.lessons[i - 1]), "‹ " + e.lessons[i - 1].lesson.title, "prev");
  if (i + 1 < e.lessons.size())
    out += " · " + link(beside(e.lessons[i + 1]), e.lessons[i + 1].lesson.title + " ›", "next");
  for (const LessonFile& l : other.lessons)
    if (l.name == e.lessons[i].name)
      out += " · <a class=\"other-language\" hreflang=\"" + std::string(other.html_lang) + "\" href=\"../" +
             other.folder + "/" + escaped(page_name(l)) + "\">" +
             (other.language == Language::chinese ? "中文" : "English") + "</a>";
  return out + "</nav>\n";
}

std::string index_page(const std::vector<Edition>& editions) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>gatelab</title>\n<link rel=\"stylesheet\" href=\"assets/page.css\">\n</head>\n<body>\n"
      "<h1>gatelab</h1>\n<div class=\"site-index\">\n";
  for (const Edition& e : editions) {
    LanguageScope scope(e.language);
    out += "<section lang=\"" + std::string(e.html_lang) + "\">\n<h2>" + escaped(tr("Lessons")) + "</h2>\n<ol>\n";
    for (const LessonFile& l : e.lessons)
      out += "<li>" + link(std::string(e.folder) + "/" + page_name(l), l.lesson.title) + "<br><span class=\"hint\">" +
             escaped(l.lesson.summary) + "</span></li>\n";
    out += "</ol>\n</section>\n";
  }
  return out + "</div>\n</body>\n</html>\n";
}

void add_assets(OutputFiles& out, const fs::path& dir, const WebAssets& a) {
  const fs::path assets = dir / "assets";
  out.add_dir(assets.string());
  out.add((assets / "gatelab-engine.js").string(), a.engine);
  out.add((assets / "engine_api.js").string(), a.api);
  out.add((assets / "viz-global.js").string(), a.viz);
  out.add((assets / "zh_CN.js").string(), a.catalog);
  out.add((assets / "live.js").string(), page_live_js);
  out.add((assets / "quiz.js").string(), page_quiz_js);
  out.add((assets / "viewer.js").string(), page_viewer_js);
  out.add((assets / "math.js").string(), page_math_js);
  out.add((assets / "page.css").string(), page_css);
  const fs::path katex = fs::path(a.katex_dir);
  out.add_dir((assets / "katex" / "fonts").string());
  for (const char* file : {"katex.min.js", "katex.min.css"})
    out.add((assets / "katex" / file).string(), read_file((katex / file).string()));
  std::error_code ec;
  for (const fs::directory_entry& font : fs::directory_iterator(katex / "fonts", ec))
    if (font.path().extension() == ".woff2")  // every browser KaTeX supports reads woff2
      out.add((assets / "katex" / "fonts" / font.path().filename()).string(), read_file(font.path().string()));
  if (ec) throw Error(trf("cannot read KaTeX's fonts in '{}': {}", (katex / "fonts").string(), ec.message()));
}

// Every lesson of one edition, run in its language.
void add_edition(OutputFiles& out, const fs::path& dir, const Edition& e, const Edition& other, const WebAssets& a) {
  LanguageScope scope(e.language);
  out.add_dir((dir / e.folder).string());
  for (std::size_t i = 0; i < e.lessons.size(); ++i) {
    std::vector<BlockOutcome> runs;
    for (std::size_t b = 0; b < e.lessons[i].lesson.blocks.size(); ++b) runs.push_back(run_block(e.lessons[i], b));
    mark_repeated_traces(runs);
    const PageOptions options{.live = &a, .assets_href = "../assets/", .nav_html = nav(e, other, i), .math = true};
    out.add((dir / e.folder / page_name(e.lessons[i])).string(), lesson_page(e.lessons[i], runs, options));
  }
}

std::vector<LessonFile> lessons_in(Language language) {
  LanguageScope scope(language);
  return all_lessons();
}

}  // namespace

void add_site(OutputFiles& out, const std::string& dir, const WebAssets& assets) {
  if (assets.katex_dir.empty())
    throw Error(trf("no KaTeX in '{}' (Debian's libjs-katex): the site's formulas need it", assets.dir + "/katex"));
  const Language was = language();
  use_language(Language::chinese, catalogs_dir());  // the Chinese catalog, for the zh edition
  std::vector<Edition> editions{{Language::english, "en", "en", lessons_in(Language::english)},
                                {Language::chinese, "zh", "zh-CN", lessons_in(Language::chinese)}};
  try {
    out.add_dir(dir);
    add_assets(out, dir, assets);
    add_edition(out, dir, editions[0], editions[1], assets);
    add_edition(out, dir, editions[1], editions[0], assets);
    out.add((fs::path(dir) / "index.html").string(), index_page(editions));
  } catch (...) {
    use_language(was, catalogs_dir());
    throw;
  }
  use_language(was, catalogs_dir());
}

}  // namespace gatelab::cli
