#include "commands/command_line.hpp"

#include <iostream>

namespace gatelab::cli {

namespace po = boost::program_options;

void parse_command_line(std::vector<std::string> args, const po::options_description& options,
                        const po::positional_options_description& positional) {
  for (std::string& a : args)
    if (a == "-h") a = "--help";
  const auto style = po::command_line_style::style_t(po::command_line_style::unix_style &
                                                     ~po::command_line_style::allow_short);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).style(style).run(), vm);
    po::notify(vm);
  } catch (const po::too_many_positional_options_error&) {
    throw UsageError("too many arguments: give one program (quote it), then options");
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
}

bool parse_or_help(const std::vector<std::string>& args, const po::options_description& options,
                   const po::positional_options_description& positional, const bool& help, const std::string& examples) {
  parse_command_line(args, options, positional);
  if (help) std::cout << options << "\n" << examples << "\n";
  return help;
}

}  // namespace gatelab::cli
