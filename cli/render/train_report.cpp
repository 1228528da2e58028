#include "render/train_report.hpp"

#include <fmt/format.h>

#include <iostream>

#include "gatelab/support/translate.hpp"
#include "render/params_json.hpp"

namespace gatelab::cli {

namespace {

const char* map_text(Constraint c) {
  switch (c) {
    case Constraint::None:
      return tr("nn.Linear layers, no constraint");
    case Constraint::Tanh:
      return "W = tanh(W')";
    case Constraint::Tanh01:
      return "W = (tanh(W') + 1) / 2";
    case Constraint::Round:
      return "W = round(W') * 0.1";
    case Constraint::Ste:
      return "W = ste(round(W'), W') * 0.1, i.e. (detach(round(W')) - detach(W') + W') * 0.1";
  }
  return "";
}

// x with `decimals` digits after the point, as the notebook prints it.
std::string fixed(double x, int decimals) { return fmt::format("{:.{}f}", x, decimals); }

// The names of the parameters that never received a non-zero gradient.
std::vector<std::string> never_moved(const Network& net, const TrainResult& r) {
  const auto ids = net.parameters();
  std::vector<std::string> names;
  for (std::size_t i = 0; i < ids.size(); ++i)
    if (!r.got_gradient[i]) names.emplace_back(net.graph.name(ids[i]));
  return names;
}

}  // namespace

std::vector<std::string> train_heading(const Network& net, const TrainSummary& s, std::size_t train_rows,
                                       std::size_t valid_rows, std::size_t test_rows, const Paint& paint) {
  return {paint(style::heading, trf("9-5-2 sigmoid network, constraint {}", s.constraint)) + "  " +
              paint(style::dim, map_text(net.constraint)),
          paint(style::dim, trf("{}: {} train, {} valid, {} test rows; Adam lr {}, {} init, seed {}", s.data_file,
                                train_rows, valid_rows, test_rows, fmt::format("{}", s.lr), s.init, s.seed))};
}

std::string epoch_log_line(const EpochLog& e) {
  return trf("Epoch: {} | Train loss: {} | Valid loss: {} |", e.epoch, fmt::format("{:.5f}", e.train_loss),
             fmt::format("{:.5f}", e.valid_loss));
}

std::vector<std::string> train_result_lines(const Network& net, const TrainSummary& s, const Paint& paint) {
  const TrainResult& r = s.trained.result;
  std::vector<std::string> out{
      r.stopped_early ? trf("Early stop: no better valid loss for {} epochs after epoch {}.", s.patience, r.best_epoch)
                      : trf("Stopped after --max-epochs {}.", s.max_epochs),
      trf("Finished: {} epochs; the weights of epoch {} (best valid loss) are kept.", r.epochs_run, r.best_epoch),
      "",
      trf("The accuracy on train set is {}, on valid set is {}, on test set is {}.", fixed(s.trained.train.accuracy, 4),
          fixed(s.trained.valid.accuracy, 4), fixed(s.trained.test.accuracy, 4)),
      trf("The loss on train set is {}, on valid set is {}, on test set is {} (it cannot go below log(1 + 1/e) = {}).",
          fixed(s.trained.train.loss, 5), fixed(s.trained.valid.loss, 5), fixed(s.trained.test.loss, 5),
          fixed(two_class_loss_floor, 5)),
      ""};
  // The learned W as the notebook prints it: one matrix per layer, 4 decimals.
  std::size_t at = 0;
  for (std::size_t k = 0; k < net.layers.size(); ++k) {
    const Layer& l = net.layers[k];
    out.push_back(
        paint(style::heading, trf("W of layer {}", k + 1)) +
        paint(style::dim, "  " + trf("({} x {}; the last row multiplies the extended 1: the bias)", l.in + 1, l.out)));
    for (int i = 0; i <= l.in; ++i) {
      std::string row = i == 0 ? "  [[" : "   [";
      for (int j = 0; j < l.out; ++j) row += fmt::format("{}{:8.4f}", j ? ", " : "", s.trained.final_weights[at++]);
      out.push_back(row + (i == l.in ? "]]" : "],"));
    }
  }
  const auto names = never_moved(net, r);
  const std::size_t all = net.parameters().size();
  std::string line = paint(style::heading, tr("parameters that never received a non-zero gradient: "));
  if (names.empty())
    line += tr("none");
  else if (names.size() == all)
    line += paint(style::bad, trf("all {} (the weight map's derivative is 0: training cannot move them)", all));
  else
    line += trf("{} of {}: {}", names.size(), all, fmt::format("{}", fmt::join(names, ", ")));
  out.push_back(line);
  return out;
}

std::vector<std::string> traced_row_lines(const Network& net, const Trace& trace, const std::string& heading,
                                          const Paint& paint) {
  std::vector<std::string> out{"", paint(style::heading, heading)};
  for (const auto& l : forward_lines(net.graph, trace, paint)) out.push_back(l.text);
  out.emplace_back();
  for (const auto& l : backward_lines(net.graph, display_name(net.graph, net.loss), trace, paint))
    out.push_back(l.text);
  return out;
}

nlohmann::ordered_json train_json(const Network& net, const TrainSummary& s) {
  const TrainResult& r = s.trained.result;
  nlohmann::ordered_json j;
  j["constraint"] = s.constraint;
  j["seed"] = s.seed;
  j["init"] = s.init;
  j["epochs_run"] = r.epochs_run;
  j["best_epoch"] = r.best_epoch;
  j["stopped_early"] = r.stopped_early;
  j["train_seconds"] = s.trained.seconds;
  j["train_loss"] = r.train_loss;
  j["valid_loss"] = r.valid_loss;
  j["accuracy"] = {
      {"train", s.trained.train.accuracy}, {"valid", s.trained.valid.accuracy}, {"test", s.trained.test.accuracy}};
  j["loss"] = {{"train", s.trained.train.loss}, {"valid", s.trained.valid.loss}, {"test", s.trained.test.loss}};
  j["initial_params"] = params_json(net, s.trained.initial_params);
  j["final_params"] = params_json(net, s.trained.final_params);
  j["final_weights"] = weights_json(net, s.trained.final_weights);
  j["never_got_gradient"] = never_moved(net, r);
  return j;
}

void Progress::show(const EpochLog& e, int max_epochs) const {
  if (!on || e.epoch % 100 != 0) return;
  const int width = 30, filled = static_cast<int>(static_cast<double>(e.epoch) / max_epochs * width);
  std::cerr << fmt::format("\r  [{}{}] ", std::string(static_cast<std::size_t>(filled), '#'),
                           std::string(static_cast<std::size_t>(width - filled), ' '))
            << trf("epoch {}  train {}  valid {}", fmt::format("{:6}", e.epoch), fixed(e.train_loss, 5),
                   fixed(e.valid_loss, 5))
            << " " << std::flush;
}

void Progress::clear() const {
  if (on) std::cerr << "\r" << std::string(80, ' ') << "\r" << std::flush;
}

}  // namespace gatelab::cli
