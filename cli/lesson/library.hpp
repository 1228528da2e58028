// Finding lessons: the files of the lessons folder (lessons_folder.hpp) in name order, and a
// lesson by name or by path. In Chinese (gatelab/support/translate.hpp) a lesson is read from the
// folder's zh/ when it has one there, with the same name: `gatelab lesson detach --lang zh`
// reads zh/08-detach.md.
#pragma once

#include <string>
#include <vector>

#include "lesson/format.hpp"

namespace gatelab::cli {

struct LessonFile {
  std::string name;  // "detach"
  std::string path;  // "lessons/08-detach.md"
  Lesson lesson;
};

// Every lesson in the folder, in file-name order. Throws gatelab::Error naming the file
// and line of a document that cannot be read, and for a folder that holds no lesson.
std::vector<LessonFile> all_lessons();

// Every lesson in the folder that can be read, and for each that cannot, its error
// ("lessons/03-x.md:1: ..."): one broken lesson does not hide the others. Throws
// gatelab::Error for a folder that holds no lesson file.
struct LessonShelf {
  std::vector<LessonFile> lessons;
  std::vector<std::string> broken;
};
LessonShelf readable_lessons();

// A lesson by name ("detach") or by the path of a .md file. Throws gatelab::Error for an
// unknown name, listing the known ones.
LessonFile find_lesson(const std::string& name_or_path);

}  // namespace gatelab::cli
