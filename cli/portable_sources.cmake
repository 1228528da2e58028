# The part of the command's library that needs nothing of the system: no Boost, no libgvc,
# PLplot or md4c, no gettext, no files or terminal. The command builds it into gatelab_cli;
# the browser engine (web/) compiles the same files to WebAssembly, so a page re-run after an
# edit says and draws what the command does. Paths are relative to cli/.
set(gatelab_cli_portable_sources
  files/diagram_svg.cpp
  files/gate_diagram.cpp
  files/layout_text.cpp
  files/page_view.cpp
  render/diagnosis_text.cpp
  render/eval_json.cpp
  render/eval_text.cpp
  render/finding_text.cpp
  render/ink.cpp
  render/markup.cpp
  render/named_values.cpp
  render/page_data.cpp
  render/page_quiz.cpp
  render/page_strings.cpp
  render/source_excerpt.cpp
  render/text_columns.cpp
  render/trace_text.cpp
  run/bindings.cpp
  run/evaluation.cpp
  run/expectations.cpp
  run/location.cpp
  run/parse_text.cpp)
