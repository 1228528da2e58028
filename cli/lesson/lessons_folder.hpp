// Where the lessons are. GATELAB_LESSONS, when set, names the folder (a teacher's own
// lessons); otherwise the folder beside the gatelab executable: `lessons/` next to it in the
// build tree (a link to the source lessons, so edits show without recompiling), or
// `../share/gatelab/lessons` from an installed `bin/gatelab`. No path is compiled in.
#pragma once

#include <string>

namespace gatelab::cli {

// The lessons folder. Throws gatelab::Error when GATELAB_LESSONS names no folder, when
// there is none beside the executable, or when the folder cannot be read.
std::string lessons_dir();

// The shipped breast-cancer data file, for --help: never throws, and says where the file
// would be when there is no lessons folder.
std::string default_data_file_for_help();

// The shipped breast-cancer data file in the lessons folder.
std::string default_data_file();

}  // namespace gatelab::cli
