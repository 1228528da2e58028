#include <algorithm>
#include <array>

#include "commands/commands.hpp"
#include "gatelab/support/translate.hpp"

namespace gatelab::cli {

namespace {

const std::array commands{
    Command{"eval", tr_later("PROGRAM [--at NAME=VALUE ...] [options]"),
            tr_later("evaluate, backpropagate, print the trace"),
            tr_later("Evaluates a program, runs backward, and prints every value and gradient."), run_eval, eval_help},
    Command{"lessons", "", tr_later("list the lessons"), tr_later("Lists the lessons with their summaries."),
            run_lessons, lessons_help},
    Command{"lesson", tr_later("LESSON [--svg-dir DIR] [--html F] [--step]"),
            tr_later("read a lesson and run its programs"),
            tr_later("Prints a lesson and runs each of its program blocks with its trace."), run_lesson, lesson_help},
    Command{"check", tr_later("[LESSON...]"), tr_later("run the lessons' checks (all by default)"),
            tr_later("Runs every check of the named lessons (all when none is named)."), run_check, check_help},
    Command{"train", tr_later("--constraint C [options]"), tr_later("train the notebook's constrained network"),
            tr_later("Trains the 9-5-2 sigmoid network of the constrained-networks notebook on the breast-cancer "
                     "data: full-batch Adam, early stopping, the notebook's log."),
            run_train, train_help},
    Command{"quiz", tr_later("PROGRAM [--at NAME=VALUE ...] | --lesson LESSON [--block K]"),
            tr_later("predict each value and gradient"),
            tr_later("Asks for every value and gradient of the trace, one step at a time, and explains wrong answers."),
            run_quiz, quiz_help},
    Command{"site", tr_later("DIR"), tr_later("the whole course as a static site, both languages"),
            tr_later("Writes the whole course as a static site in DIR: an index, every lesson in English and in "
                     "Chinese with its programs live in the page (edit a program or an input and the page runs it "
                     "again), formulas typeset. It works offline, opened from the folder or served by any web "
                     "server."),
            run_site, site_help},
};

}  // namespace

std::span<const Command> command_table() { return commands; }

const Command* find_command(std::string_view name) {
  const auto it = std::find_if(commands.begin(), commands.end(), [&](const Command& c) { return name == c.name; });
  return it == commands.end() ? nullptr : &*it;
}

}  // namespace gatelab::cli
