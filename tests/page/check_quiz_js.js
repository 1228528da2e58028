// Runs the page's quiz.js on the vectors page_answer_vectors wrote from the C++ reader, judge
// and assess (tests/page/answer_vectors.cpp), and fails on the first answers they disagree on.
//   node check_quiz_js.js QUIZ_JS VECTORS.json
/* eslint-env node */
"use strict";
const fs = require("fs");
const [quizJs, vectorsFile] = process.argv.slice(2);
const quiz = require(require("path").resolve(quizJs));
const vectors = JSON.parse(fs.readFileSync(vectorsFile, "utf8"));

const disagreements = [];
let checked = 0;
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

for (const r of vectors.reads) {
  const got = quiz.read(r.typed);
  const want = r.read;
  const agree = want === null ? got === null
    : got !== null && got.value === want.value && got.precision === want.precision &&
      got.digits === want.digits && got.text === want.text && got.noGradient === want.noGradient;
  ++checked;
  if (!agree) disagreements.push(`read ${JSON.stringify(r.typed)}: C++ ${JSON.stringify(want)}, quiz.js ${JSON.stringify(got)}`);
}

for (const e of vectors.examples) {
  for (const c of e.cases) {
    const node = Number(c.q.slice(1));
    const got = quiz.answer(e.quiz.q[c.q], e.quiz.others, node, c.q[0] === "g", c.typed, e.quiz.words);
    const want = c.verdict === null ? null : {verdict: c.verdict, text: c.text};
    ++checked;
    if (!same(got, want))
      disagreements.push(`${e.program.split("\n")[0]} ${c.q} ${JSON.stringify(c.typed)}:\n  C++     ${JSON.stringify(want)}\n  quiz.js ${JSON.stringify(got)}`);
  }
}

if (disagreements.length) {
  console.log(disagreements.slice(0, 20).join("\n"));
  console.log(`${disagreements.length} of ${checked} answers disagree`);
  process.exit(1);
}
console.log(`quiz.js agrees with the C++ reader, judge and assess on all ${checked} answers`);
