// gatelab's page: a typed number judged by the rule of `gatelab quiz` and `--expect` (lib's
// judge): right to the digits written and never more than 1 % off; a wrong one diagnosed by
// the closest likely mistake within its written precision (render/page_quiz.hpp).
"use strict";
/* exported gatelabQuiz */

const gatelabQuiz = (() => {
  const slack = 1 + 1e-9;  // as lib's diagnosis.cpp: 0.25 written as 0.2 or 0.3 is not decided by rounding
  const within = (a, b, tolerance) => Math.abs(a - b) <= tolerance * slack + 1e-300;

  // A number as written: its value, half a unit in its last digit, its significant digits.
  function written(typed) {
    const text = typed.trim().replace(/^\+/, "");
    if (!/^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return null;
    const value = Number(text);
    if (!Number.isFinite(value)) return null;
    const [mantissa, exponent] = text.split(/[eE]/);
    const dot = mantissa.indexOf(".");
    const decimals = dot < 0 ? 0 : mantissa.length - dot - 1;
    let digits = 0, started = false;
    for (const c of mantissa) {
      if (c < "0" || c > "9") continue;
      started = started || c !== "0";
      if (started) digits++;
    }
    return {value, text, precision: 0.5 * Math.pow(10, (exponent ? parseInt(exponent, 10) : 0) - decimals),
            digits: Math.max(digits, 1)};
  }

  function judge(number, truth) {
    if (!within(number.value, truth, number.precision)) return "wrong";
    const accepted = Math.min(number.precision, Math.max(0.01 * Math.abs(truth), 1e-12));
    return Math.abs(number.value - truth) <= accepted * slack ? "right" : "few";
  }

  // The likely wrong numbers: the question's own, then the other named nodes' as lib adds them.
  function candidates(question, others, node, asksGrad) {
    const list = question.wrong.map(([value, text]) => ({value, text}));
    const seen = new Set(list.map(c => c.value));
    for (const [id, value, grad, valueName, gradName] of others) {
      const v = asksGrad ? grad : value;
      if (id === node || v === null || !Number.isFinite(v)) continue;
      if (within(v, question.truth, 1e-12 * Math.max(1, Math.abs(question.truth))) || seen.has(v)) continue;
      seen.add(v);
      list.push({value: v, text: question.other.replace("{other}", asksGrad ? gradName : valueName)});
    }
    return list;
  }

  // {verdict, text} for a typed answer; null when it is not a number.
  function answer(question, others, node, asksGrad, typed) {
    const a = written(typed);
    if (!a) return null;
    const verdict = judge(a, question.truth);
    if (verdict === "right") return {verdict, text: ""};
    if (verdict === "few") return {verdict, text: question.few[Math.min(a.digits, question.few.length) - 1]};
    let best = null;
    for (const c of candidates(question, others, node, asksGrad))
      if (within(a.value, c.value, a.precision) && (!best || Math.abs(a.value - c.value) < Math.abs(a.value - best.value))) best = c;
    return {verdict, text: best ? best.text.split("{answer}").join(a.text) : question.none};
  }

  return {answer, written, judge};
})();
