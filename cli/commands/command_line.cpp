#include "commands/command_line.hpp"

#include <iostream>

#include "gatelab/translate.hpp"

namespace gatelab::cli {

namespace po = boost::program_options;

namespace {

// The options every command takes besides its own; the language itself is chosen before the
// command runs (commands/language.hpp).
po::options_description common_options() {
  static std::string lang;
  po::options_description common(help_line_length());
  common.add_options()("lang", po::value(&lang)->value_name("en|zh"), tr("the language of messages: en or zh (else LANGUAGE, LC_ALL, LC_MESSAGES, LANG)"));
  return common;
}

po::options_description with_common(const po::options_description& options) {
  po::options_description all;
  all.add(options).add(common_options());
  return all;
}

}  // namespace

unsigned help_line_length() {
  return language() == Language::english ? po::options_description::m_default_line_length : 1000;
}

void parse_command_line(std::vector<std::string> args, const po::options_description& options,
                        const po::positional_options_description& positional) {
  for (std::string& a : args)
    if (a == "-h") a = "--help";
  const auto style = po::command_line_style::style_t(po::command_line_style::unix_style &
                                                     ~po::command_line_style::allow_short);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(with_common(options)).positional(positional).style(style).run(), vm);
    po::notify(vm);
  } catch (const po::too_many_positional_options_error&) {
    throw UsageError(tr("too many arguments: give one program (quote it), then options"));
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
}

bool parse_or_help(const std::vector<std::string>& args, const po::options_description& options,
                   const po::positional_options_description& positional, const bool& help, const std::string& examples) {
  parse_command_line(args, options, positional);
  if (help) std::cout << options << common_options() << "\n" << examples << "\n";
  return help;
}

}  // namespace gatelab::cli
