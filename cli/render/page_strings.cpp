#include "render/page_strings.hpp"

#include <utility>

#include "gatelab/support/translate.hpp"

namespace gatelab::cli {

nlohmann::ordered_json page_strings() {
  static const std::pair<const char*, const char*> table[] = {
      {"first", tr_later("« first")},
      {"back", tr_later("◀ back")},
      {"play", tr_later("▶ play")},
      {"pause", tr_later("⏸ pause")},
      {"next", tr_later("next ▶")},
      {"last", tr_later("last »")},
      {"step_of", tr_later("step {step} of {steps}")},
      {"before_first", tr_later("before the first step: only the inputs are known")},
      {"hide_values", tr_later("hide values")},
      {"hide_grads", tr_later("hide gradients")},
      {"quiz_hint", tr_later("Values or gradients hidden: click a node and type its number.")},
      {"click_hint", tr_later("Click a node to see its value, local partials and gradient.")},
      {"value", tr_later("value")},
      {"input", tr_later("an input: its value is given")},
      {"constant", tr_later("a constant")},
      {"computed_at", tr_later("computed at step {step}")},
      {"local_partials", tr_later("local partials")},
      {"gradient", tr_later("gradient: the sum of the messages into it")},
      {"complete_at", tr_later("complete at step {step}")},
      {"not_yet", tr_later("not reached yet: the trace gets there at step {step}")},
      {"go_to_step", tr_later("go to step {step}")},
      {"no_grad", tr_later("no gradient: nothing the output is differentiated by passes through it")},
      {"check", tr_later("check")},
      {"right", tr_later("✓ right")},
      {"wrong", tr_later("✗")},
      {"not_a_number", tr_later("type a number, such as 2.06 or -0.5")},
      {"expand", tr_later("click a neuron to see its gates")},
      {"gates_of", tr_later("the gates of {name}")},
      {"close", tr_later("close")},
      {"neurons", tr_later("one box per neuron: z is the pre-activation, h = sigmoid(z) the activation")},
      {"program", tr_later("program")},
      {"whole_trace", tr_later("the whole trace")},
      {"redraw", tr_later("redrawn in {ms} ms")},
      {"inputs", tr_later("inputs, one a line: x = 2")},
      {"engine_loading", tr_later("starting the engine…")},
      {"engine_ready", tr_later("edit the program or an input: the page runs it again")},
      {"not_run", tr_later("not run: the program as it stands cannot run")},
  };
  nlohmann::ordered_json strings = nlohmann::ordered_json::object();
  for (const auto& [key, text] : table) strings[key] = tr(text);
  return strings;
}

}  // namespace gatelab::cli
