// Lesson documents: Markdown with program blocks a teacher can edit without recompiling.
//
//   ---
//   title: Detach
//   summary: Keeping a value while dropping its gradient
//   ---
//   Prose in Markdown ...
//
//   ```gatelab
//   #| at: x = 2
//   #| expect: y = 5, grad(x) = 4
//   y = x^2 + 1
//   ```
//
// parse_lesson splits a document into its front matter, its prose and its ```gatelab
// blocks with their `#| key: value` directives. It does not interpret the directives: the
// lesson runner does. Directive lines are comments in the program language, so a block's
// text is its program as it stands, and its line numbers map straight to the document's.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gatelab {

struct LessonDirective {
  int line;           // in the document
  std::string key;    // "at", "expect", ...
  std::string value;  // the rest after "key:", trimmed; empty for a flag such as "#| gradcheck"
};

struct LessonBlock {
  int first_line;       // the document line of the block's first program line
  std::string program;  // the block's text, directive lines included
  std::vector<LessonDirective> directives;
};

struct Lesson {
  std::string title;
  std::string summary;
  std::vector<std::string> prose;  // prose[i] comes before blocks[i]; the last after all blocks
  std::vector<LessonBlock> blocks;
};

// Throws gatelab::Error "line N: ..." for a document it cannot split: no front matter with
// a title and a summary, an unknown front-matter key, a ```gatelab block never closed, a
// directive line without a key.
Lesson parse_lesson(std::string_view markdown);

// A block's program without its `#|` directive lines.
std::string without_directives(const std::string& program);

// The lesson name a file name gives: "02-sigmoid-neuron.md" -> "sigmoid-neuron".
std::string lesson_name_from_file(std::string_view file_name);

}  // namespace gatelab
