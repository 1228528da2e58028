// gatelab's page: a typed number read, judged and diagnosed as `gatelab quiz` and `--expect`
// do it (lib's read_answer, judge and assess, teach/answer.hpp and teach/diagnosis.hpp): the
// candidates and words come from the page's data (render/page_quiz.hpp). This script is
// tested against vectors the C++ side makes (tests/page/), so the two cannot drift apart.
"use strict";
/* exported gatelabQuiz */

const gatelabQuiz = (() => {
  const slack = 1 + 1e-9;  // so that 0.25 written as 0.2 or 0.3 is not decided by binary rounding
  const noise = 1e-12;     // what an exact answer may differ by: rounding noise around a zero
  const noGradientWords = ["none", "None", "NONE", "no grad", "无", "没有", "无梯度"];

  // What a Chinese keyboard types, read as ASCII (lib's fold_input, for the characters of a number).
  function fold(typed) {
    let out = "";
    for (const ch of typed) {
      const c = ch.codePointAt(0);
      if (c >= 0xFF01 && c <= 0xFF5E) out += String.fromCodePoint(c - 0xFEE0);
      else if (c === 0x3000) out += " ";
      else if (c === 0x2212) out += "-";
      else out += ch;
    }
    return out;
  }

  const isSpace = (c) => c === " " || c === "\t";

  // Outer spaces removed, and those after a sign or around a slash; others kept as one.
  function tidy(folded) {
    let out = "";
    for (let i = 0; i < folded.length; ++i) {
      if (!isSpace(folded[i])) { out += folded[i]; continue; }
      let next = i;
      while (next < folded.length && isSpace(folded[next])) ++next;
      const edge = out === "" || next === folded.length;
      const beside = out !== "" && "+-/".includes(out[out.length - 1]);
      if (!edge && !beside && folded[next] !== "/") out += " ";
      i = next - 1;
    }
    return out;
  }

  function significantDigits(mantissa) {
    let digits = 0, started = false;
    for (const c of mantissa) {
      if (c < "0" || c > "9") continue;
      started = started || c !== "0";
      if (started) digits++;
    }
    return Math.max(digits, 1);
  }

  function readDecimal(rest, sign) {
    const e = rest.search(/[eE]/);
    const mantissa = e < 0 ? rest : rest.slice(0, e);
    if (!/^\d*\.?\d*$/.test(mantissa) || !/\d/.test(mantissa)) return null;
    let exponent = 0;
    if (e >= 0) {
      const m = /^([+-]?)(\d+)$/.exec(rest.slice(e + 1));
      if (!m) return null;
      exponent = (m[1] === "-" ? -1 : 1) * Number(m[2]);
    }
    const magnitude = Number(rest);
    if (!Number.isFinite(magnitude)) return null;
    const dot = mantissa.indexOf(".");
    const decimals = dot < 0 ? 0 : mantissa.length - dot - 1;
    const a = {value: sign * magnitude, precision: 0, digits: 0};
    if (!(magnitude === 0 && dot < 0 && e < 0)) {  // a bare 0 is exactly zero
      const k = Math.min(Math.max(exponent - decimals - 1, -100000), 100000);
      a.precision = Number("5e" + k);  // 0 when too small for a double: then exact
      if (!Number.isFinite(a.precision)) return null;
      a.digits = significantDigits(mantissa);
    }
    return a;
  }

  function readFraction(rest, sign) {
    const m = /^(\d+)\/(\d+)$/.exec(rest);
    if (!m) return null;
    const p = Number(m[1]), q = Number(m[2]);
    if (!Number.isFinite(p) || !Number.isFinite(q) || q === 0) return null;
    return {value: sign * (p / q), precision: 0, digits: 0};
  }

  // A number as a person writes it (lib's read_answer); null when it is none.
  function read(typed) {
    const text = tidy(fold(typed));
    if (noGradientWords.includes(text)) return {value: 0, precision: 0, digits: 0, text: "none", noGradient: true};
    let sign = 1, rest = text;
    if (rest[0] === "-" || rest[0] === "+") {
      sign = rest[0] === "-" ? -1 : 1;
      rest = rest.slice(1);
    }
    const a = rest.includes("/") ? readFraction(rest, sign) : readDecimal(rest, sign);
    if (!a) return null;
    if (a.value === 0) a.value = 0;  // -0 is 0
    a.text = text[0] === "+" ? text.slice(1) : text;
    a.noGradient = false;
    return a;
  }

  const exact = (a) => a.precision === 0;

  function accepted(a, truth, terms) {
    if (exact(a)) return noise + 1e-9 * Math.abs(truth);
    return Math.min(a.precision * Math.max(terms, 1), Math.max(0.01 * Math.abs(truth), noise));
  }

  // "right", "too_few_digits", "wrong" or "no_gradient" (a number where no gradient exists), as
  // the quiz's JSON names lib's verdicts.
  function judge(a, truth, terms) {
    if (truth === null) return a.noGradient ? "right" : "no_gradient";
    if (a.noGradient) return "wrong";
    const difference = Math.abs(a.value - truth);
    if (difference <= accepted(a, truth, terms) * slack) return "right";
    if (!exact(a) && difference <= a.precision * slack) return "too_few_digits";
    return "wrong";
  }

  function reproduces(number, a, terms) {
    if (a.noGradient || !Number.isFinite(number)) return false;
    const difference = Math.abs(a.value - number);
    if (exact(a)) return difference <= noise + 1e-9 * Math.abs(number);
    return difference <= a.precision * Math.max(terms, 1) * slack && difference <= 0.05 * Math.abs(number) + noise;
  }

  const sameNumber = (a, b) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));

  // The question's candidates: its own list, then the other named nodes' numbers.
  function candidates(question, others, node, asksGrad) {
    const list = question.wrong.map(([value, rank, terms, text]) => ({value, rank, terms, text}));
    for (const [kind, rank] of [[asksGrad, 80], [!asksGrad, 82]])
      for (const [id, value, grad, valueName, gradName] of others) {
        const v = kind ? grad : value;
        if (id === node || v === null || !Number.isFinite(v)) continue;
        if (question.truth !== null && sameNumber(v, question.truth)) continue;
        const text = question.other[rank === 80 ? 0 : 1].split("{other}").join(kind ? gradName : valueName);
        list.push({value: v, rank, terms: 1, text});
      }
    return list;
  }

  // lib's assess: a mistake on the way before a coincidence, a number that is the answer exactly
  // as written before one that rounds to it, then the rank, then the distance.
  function order(c, a) {
    const distance = Math.abs(c.value - a.value);
    return [c.rank >= 70 ? 1 : 0, distance > 1e-9 * Math.max(1, Math.abs(a.value)) ? 1 : 0, c.rank, distance];
  }
  function compare(x, y) {
    for (let i = 0; i < 4; ++i) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    return 0;
  }

  // {verdict, text} for a typed answer; null when it is not a number.
  function answer(question, others, node, asksGrad, typed, words) {
    const a = read(typed);
    if (!a) return null;
    const truth = question.truth;
    let verdict = judge(a, truth, question.terms);
    if (verdict === "right") return {verdict, text: ""};
    if (a.noGradient) return {verdict, text: question.exists};
    const fill = (text) => text.split("{answer}").join(a.text);
    // An answer of one or two digits matches many numbers: a weaker model (rank 35 and above)
    // names it only when it gives exactly that (lib's assess).
    const coarse = !exact(a) && a.digits <= 2;
    const matches = candidates(question, others, node, asksGrad)
      .filter((c) => reproduces(c.value, a, c.terms))
      .map((c) => ({c, key: order(c, a)}))
      .filter((m) => !(coarse && m.c.rank >= 35 && m.key[1] === 1))
      .sort((x, y) => compare(x.key, y.key));
    if (verdict === "too_few_digits") {
      if (!(matches.length && matches[0].key[0] === 0 && matches[0].key[1] === 0))
        return {verdict, text: question.few[a.digits === 1 ? 0 : 1].split("{digits}").join(String(a.digits))};
      verdict = "wrong";
    }
    if (!matches.length) return {verdict, text: truth === null ? question.nograd : fill(question.none)};
    const best = matches[0].key;
    const named = matches.filter((m) => m.key[0] === best[0] && m.key[1] === best[1] && m.key[2] === best[2]).slice(0, 3);
    const text = named.map((m) => fill(m.c.text)).join(words.joiner);
    return {verdict, text: truth === null ? text + words.clause + question.nograd : text};
  }

  return {answer, read, judge};
})();

/* global module */
if (typeof module !== "undefined") module.exports = gatelabQuiz;  // Node, for tests/page
