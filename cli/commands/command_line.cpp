#include "commands/command_line.hpp"

#include <iostream>

#include "commands/help_text.hpp"
#include "gatelab/support/translate.hpp"

namespace gatelab::cli {

namespace po = boost::program_options;

namespace {

po::options_description with_common(const po::options_description& options) {
  po::options_description all;
  all.add(options).add(common_options());
  return all;
}

// Boost.Program_options' own message in the language shown: Boost's English as it is, its
// commonest errors said in the catalog's words otherwise.
std::string option_error(const po::error& e) {
  if (language() == Language::english) return e.what();
  const auto* named = dynamic_cast<const po::error_with_option_name*>(&e);
  const std::string option = named ? named->get_option_name() : "";
  if (dynamic_cast<const po::unknown_option*>(&e)) return trf("unknown option '{}'", option);
  if (dynamic_cast<const po::multiple_occurrences*>(&e)) return trf("option '{}' is given more than once", option);
  if (dynamic_cast<const po::validation_error*>(&e)) return trf("option '{}' has a value of the wrong kind", option);
  if (const auto* syntax = dynamic_cast<const po::invalid_command_line_syntax*>(&e);
      syntax && syntax->kind() == po::invalid_syntax::missing_parameter)
    return trf("option '{}' needs a value", option);
  return e.what();
}

}  // namespace

void parse_command_line(std::vector<std::string> args, const po::options_description& options,
                        const po::positional_options_description& positional) {
  for (std::string& a : args)
    if (a == "-h") a = "--help";
  const auto style =
      po::command_line_style::style_t(po::command_line_style::unix_style & ~po::command_line_style::allow_short);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(with_common(options)).positional(positional).style(style).run(),
              vm);
    po::notify(vm);
  } catch (const po::too_many_positional_options_error&) {
    throw UsageError(tr("too many arguments: give one program (quote it), then options"));
  } catch (const po::error& e) {
    throw UsageError(option_error(e));
  }
}

bool parse_or_help(const std::vector<std::string>& args, std::string_view command,
                   const po::options_description& options, const po::positional_options_description& positional,
                   const bool& help) {
  parse_command_line(args, options, positional);
  if (help) std::cout << help_text(*find_command(command));
  return help;
}

}  // namespace gatelab::cli
