#include "commands/command_docs.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

#include "commands/commands.hpp"
#include "commands/help_text.hpp"
#include "gatelab/support/translate.hpp"

namespace gatelab::cli {

namespace po = boost::program_options;

namespace {

// Text as roff shows it: backslashes and minus signs escaped, no line read as a request.
std::string roff(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (const char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
    line_start = c == '\n';
  }
  return out;
}

std::string option_items(const po::options_description& options) {
  std::string out;
  for (const auto& o : options.options())
    out += ".TP\n.B " + roff(option_synopsis(*o)) + "\n" + roff(o->description()) + "\n";
  return out;
}

// What completes the value of an option whose value the help writes as `value_name`.
std::string value_completion(const std::string& value_name) {
  if (value_name.find('|') != std::string::npos) {
    std::string words = value_name;
    for (char& c : words)
      if (c == '|') c = ' ';
    return "COMPREPLY=($(compgen -W '" + words + "' -- \"$cur\"))";
  }
  if (value_name == "F") return "_filedir";
  if (value_name == "DIR") return "_filedir -d";
  if (value_name == "LESSON") return "_gatelab_lessons \"$1\"";
  return "";  // free text: nothing to offer
}

// The completion script; fmt fills in the commands, the values of options, and each
// command's options.
constexpr const char* completion_template =
    R"(# bash completion for gatelab                                  -*- shell-script -*-
# Installed as share/bash-completion/completions/gatelab, which bash-completion loads the
# first time gatelab is completed. Made from gatelab's command table (commands/command_docs.cpp)
# when gatelab is built: do not edit. Lesson names come from `gatelab lessons`.

# The lesson names that `gatelab lessons` lists.
_gatelab_lessons()
{{
    local lessons
    lessons=$("$1" lessons --lang en 2>/dev/null | command awk '{{ print $1 }}')
    COMPREPLY=($(compgen -W "$lessons" -- "$cur"))
}}

_gatelab()
{{
    local cur prev words cword
    _init_completion || return

    local command="" i
    for ((i = 1; i < cword; i++)); do
        case ${{words[i]}} in
            --lang) ((i++)) ;;
            -*) ;;
            *) command=${{words[i]}}; break ;;
        esac
    done

    if [[ $prev == --lang ]]; then
        COMPREPLY=($(compgen -W 'en zh' -- "$cur"))
        return
    fi
    if [[ -z $command ]]; then
        COMPREPLY=($(compgen -W '{}--help --lang' -- "$cur"))
        return
    fi

    case "$command $prev" in
{}    esac

    if [[ $cur == -* ]]; then
        local options=""
        case $command in
{}        esac
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
        return
    fi

    case $command in
        lesson | check | quiz)
            if [[ $cur == */* || $cur == *.md ]]; then
                _filedir md
                return
            fi
            [[ $command == quiz ]] || _gatelab_lessons "$1"
            ;;
    esac
}} &&
    complete -F _gatelab gatelab

# ex: filetype=sh
)";

}  // namespace

std::string man_page(const std::string& version) {
  const LanguageScope english(Language::english);
  std::string out = fmt::format(".TH GATELAB 1 \"\" \"gatelab {}\" \"User Commands\"\n", version);
  out += ".SH NAME\ngatelab \\- every value and every gradient of a computational graph, step by step\n";
  out += ".SH SYNOPSIS\n.nf\n";
  for (const Command& c : command_table()) out += roff(synopsis_line(c)) + "\n";
  out += ".fi\n.SH DESCRIPTION\n" +
         roff(
             "gatelab builds the graph of scalar gates behind a small program, runs it forward and backward, and "
             "shows every value and every gradient: as a numbered trace, as diagrams, as a page, as JSON. It checks "
             "gradients derived by hand and explains wrong ones, runs lessons, and trains the constrained networks "
             "of its lessons in its own engine.") +
         "\n.SH COMMANDS\n";
  for (const Command& c : command_table()) {
    const CommandHelp help = c.help();
    out += ".SS " + roff(synopsis_line(c)) + "\n" + roff(c.description) + "\n" + option_items(help.options);
    out += ".PP\n.nf\n" + roff(help.notes) + "\n.fi\n";
  }
  out += ".SH COMMON OPTIONS\n" + option_items(common_options());
  out += R"(.SH ENVIRONMENT
.TP
.B GATELAB_LESSONS
The lessons folder to use instead of the one beside the executable.
.TP
.B LANGUAGE, LC_ALL, LC_MESSAGES, LANG
The language of messages when no \-\-lang is given: zh_* is Chinese, C or POSIX English.
.TP
.B NO_COLOR
Set to anything: no colour, even on a terminal.
.SH FILES
.TP
.I ../share/gatelab/lessons
The lessons and their data, found relative to the gatelab executable (in the build tree,
the
.I lessons
link beside it), unless
.B GATELAB_LESSONS
names another folder.
.SH EXIT STATUS
0 when everything ran and every check passed; 1 when backward was impossible or a check, an
expectation or a quiz answer failed; 2 when the program, an option or a file is wrong; 3 on an
internal error.
)";
  return out;
}

std::string bash_completion() {
  const LanguageScope english(Language::english);
  std::string commands, options_of, values_of;
  std::map<std::string, std::set<std::string>> by_completion;  // what completes -> "command --option" patterns
  for (const Command& c : command_table()) {
    const std::string name(c.name);
    commands += name + " ";
    std::string names;
    const CommandHelp help = c.help();
    for (const auto& o : help.options.options()) {
      names += "--" + o->long_name() + " ";
      const std::string value = o->format_parameter();
      if (!value.empty()) by_completion[value_completion(value)].insert(name + " --" + o->long_name());
    }
    options_of += fmt::format("        {}) options='{}--lang' ;;\n", name, names);
  }
  for (const auto& [completion, patterns] : by_completion) {
    std::string joined_patterns;
    for (const std::string& p : patterns) joined_patterns += (joined_patterns.empty() ? "\"" : " | \"") + p + "\"";
    values_of += fmt::format("        {})\n            {}\n            return\n            ;;\n", joined_patterns,
                             completion.empty() ? ":" : completion);
  }
  return fmt::format(completion_template, commands, values_of, options_of);
}

}  // namespace gatelab::cli
