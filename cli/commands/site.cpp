// gatelab site DIR: the whole course, both languages, as a static site (files/site.hpp).
#include <fmt/format.h>

#include <iostream>

#include "commands/command_line.hpp"
#include "commands/commands.hpp"
#include "files/output_files.hpp"
#include "files/site.hpp"

namespace gatelab::cli {

namespace po = boost::program_options;

namespace {

const char* const examples = tr_later(
    "Examples:\n"
    "  gatelab site course\n"
    "  gatelab site course && ls course/en course/zh\n"
    "  gatelab site public --lang zh");

po::options_description describe_options(bool& help, std::string& dir) {
  po::options_description options;
  options.add_options()("help,h", po::bool_switch(&help), tr("show this help"))(
      "dir", po::value(&dir)->value_name("DIR"), tr("the folder to write (made when missing)"));
  return options;
}

}  // namespace

CommandHelp site_help() {
  static bool unused_help = false;
  static std::string unused_dir;
  return {describe_options(unused_help, unused_dir), tr(examples)};
}

int run_site(const std::vector<std::string>& args) {
  bool help = false;
  std::string dir;
  po::positional_options_description positional;
  positional.add("dir", 1);
  if (parse_or_help(args, "site", describe_options(help, dir), positional, help)) return exit_ok;
  if (dir.empty()) throw UsageError(tr("name the folder to write the site in: gatelab site DIR"));
  check_output_dir(dir, true);
  const WebAssets assets = web_assets_or_error();
  OutputFiles files;
  add_site(files, dir, assets);
  files.write();
  std::cout << trf("wrote {} files in {}", files.size(), dir) << "\n";
  return exit_ok;
}

}  // namespace gatelab::cli
