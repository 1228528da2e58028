#include "render/page_strings.hpp"

#include <utility>

namespace gatelab::cli {

nlohmann::ordered_json page_strings() {
  static const std::pair<const char*, const char*> table[] = {
      {"first", "« first"},
      {"back", "◀ back"},
      {"play", "▶ play"},
      {"pause", "⏸ pause"},
      {"next", "next ▶"},
      {"last", "last »"},
      {"step_of", "step {step} of {steps}"},
      {"before_first", "before the first step: only the inputs are known"},
      {"hide_values", "hide values"},
      {"hide_grads", "hide gradients"},
      {"quiz_hint", "Values or gradients hidden: click a node and type its number."},
      {"click_hint", "Click a node to see its value, local partials and gradient."},
      {"value", "value"},
      {"input", "an input: its value is given"},
      {"constant", "a constant"},
      {"computed_at", "computed at step {step}"},
      {"local_partials", "local partials"},
      {"gradient", "gradient: the sum of the messages into it"},
      {"complete_at", "complete at step {step}"},
      {"not_yet", "not reached yet: the trace gets there at step {step}"},
      {"go_to_step", "go to step {step}"},
      {"no_grad", "no gradient: nothing the output is differentiated by passes through it"},
      {"check", "check"},
      {"right", "✓ right"},
      {"wrong", "✗"},
      {"not_a_number", "type a number, such as 2.06 or -0.5"},
      {"expand", "click a neuron to see its gates"},
      {"gates_of", "the gates of {name}"},
      {"close", "close"},
      {"neurons", "one box per neuron: z is the pre-activation, h = sigmoid(z) the activation"},
      {"program", "program"},
      {"whole_trace", "the whole trace"},
      {"redraw", "redrawn in {ms} ms"},
  };
  nlohmann::ordered_json strings = nlohmann::ordered_json::object();
  for (const auto& [key, text] : table) strings[key] = text;
  return strings;
}

}  // namespace gatelab::cli
