// Splitting lesson documents into front matter, prose and program blocks.
#include <catch2/catch.hpp>

#include "../error_text.hpp"
#include "gatelab/engine/error.hpp"
#include "lesson/format.hpp"

using Catch::Matchers::Contains;

TEST_CASE("a lesson splits into title, summary, prose and blocks with directives") {
  const char* doc = R"(---
title: Detach
summary: Keeping a value, dropping its gradient
---
# Detach

Some prose.

```gatelab
#| at: x = 2
#| expect: y = 5, grad(x) = 4
#| gradcheck
y = x^2 + 1
```

More prose, with other code:

```python
x.detach()
```
)";
  const gatelab::Lesson lesson = gatelab::parse_lesson(doc);
  CHECK(lesson.title == "Detach");
  CHECK(lesson.summary == "Keeping a value, dropping its gradient");
  REQUIRE(lesson.blocks.size() == 1);
  REQUIRE(lesson.prose.size() == 2);
  CHECK(lesson.prose[0] == "# Detach\n\nSome prose.\n\n");
  CHECK_THAT(lesson.prose[1], Contains("```python\nx.detach()\n```"));
  const auto& block = lesson.blocks[0];
  CHECK(block.first_line == 10);
  CHECK(block.program == "#| at: x = 2\n#| expect: y = 5, grad(x) = 4\n#| gradcheck\ny = x^2 + 1\n");
  REQUIRE(block.directives.size() == 3);
  CHECK(block.directives[0].line == 10);
  CHECK(block.directives[0].key == "at");
  CHECK(block.directives[0].value == "x = 2");
  CHECK(block.directives[1].value == "y = 5, grad(x) = 4");
  CHECK(block.directives[2].key == "gradcheck");
  CHECK(block.directives[2].value.empty());
}

TEST_CASE("a ```gatelab line inside another fenced block is prose") {
  // A four-backtick fence shows a lesson's source; the block after it is a real one.
  const char* doc =
      "---\ntitle: T\nsummary: S\n---\n````markdown\n```gatelab\ny = 1\n```\n````\n"
      "```gatelab\nz = 2\n```\n";
  const auto lesson = gatelab::parse_lesson(doc);
  REQUIRE(lesson.blocks.size() == 1);
  CHECK(lesson.blocks[0].program == "z = 2\n");
  CHECK_THAT(lesson.prose[0], Contains("```gatelab\ny = 1\n```"));
}

TEST_CASE("lesson documents that cannot be split say where and why") {
  auto error = [](const std::string& doc) { return error_text([&] { gatelab::parse_lesson(doc); }); };
  CHECK_THAT(error("# no front matter\n"), Contains("line 1: a lesson starts with front matter"));
  CHECK_THAT(error("---\ntitle: T\n---\n"), Contains("line 3: the front matter has no 'summary:'"));
  CHECK_THAT(error("---\ntitle: T\nsummary: S\nauthor: me\n---\n"),
             Contains("line 4: unknown front-matter key 'author'"));
  CHECK_THAT(error("---\ntitle: T\nsummary: S\n"), Contains("never closed with '---'"));
  CHECK_THAT(error("---\ntitle: T\nsummary: S\n---\ntext\n```gatelab\ny = 1\n"),
             Contains("line 6: the ```gatelab block opened here is never closed"));
  CHECK_THAT(error("---\ntitle: T\nsummary: S\n---\n```gatelab\n#| : 2\ny = 1\n```\n"),
             Contains("line 6: a '#|' directive needs a key"));
}

TEST_CASE("lesson names come from file names without their order prefix") {
  CHECK(gatelab::lesson_name_from_file("02-sigmoid-neuron.md") == "sigmoid-neuron");
  CHECK(gatelab::lesson_name_from_file("detach.md") == "detach");
  CHECK(gatelab::lesson_name_from_file("2024.md") == "2024");
}
