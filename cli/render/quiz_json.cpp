#include "render/quiz_json.hpp"

#include <fmt/format.h>

namespace gatelab::cli {

const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::Right:
      return "right";
    case Verdict::TooFewDigits:
      return "too_few_digits";
    case Verdict::NoGradient:
      return "no_gradient";
    case Verdict::Wrong:
      break;
  }
  return "wrong";
}

nlohmann::ordered_json quiz_json(const QuizScore& score, int unasked) {
  using Json = nlohmann::ordered_json;
  Json questions = Json::array();
  for (const QuestionRecord& q : score.questions) {
    Json answers = Json::array();
    for (const TryRecord& t : q.tries) {
      Json a{{"typed", t.typed}, {"verdict", verdict_name(t.verdict)}};
      if (t.verdict != Verdict::Right) a["kind"] = to_string(t.kind);
      if (!t.tied.empty()) {
        a["tied"] = Json::array();
        for (Mistake m : t.tied) a["tied"].push_back(to_string(m));
      }
      answers.push_back(a);
    }
    questions.push_back({{"block", q.block},
                         {"step", q.step},
                         {"subject", q.subject},
                         {"outcome", q.outcome},
                         {"hints", q.hints},
                         {"answers", answers}});
  }
  Json mistakes = Json::object();
  for (const auto& [kind, count] : score.mistakes) mistakes[to_string(kind)] = count;
  return {{"score",
           {{"right", score.right},
            {"asked", score.asked},
            {"not_asked", unasked},
            {"text", fmt::format("{}/{}", score.right, score.asked)}}},
          {"questions", questions},
          {"mistakes", mistakes}};
}

}  // namespace gatelab::cli
