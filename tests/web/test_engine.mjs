// The browser's engine under Node against the native gatelab: the same values and
// gradients, the same forward mode, gradient check and diagnoses, and the same error text
// with its caret. Run by ctest as `node --test`.
import {test} from "node:test";
import assert from "node:assert/strict";

import {difference, gatelab, loadEngine, nativeEval, numbersOf} from "./engine.mjs";

const engine = await loadEngine();

const programs = [
  {program: "q = x + y; f = q * z", at: ["x=-2", "y=5", "z=-4"]},
  {program: "f = sigmoid(w0*x0 + w1*x1 + w2)", at: ["w0=2", "x0=-1", "w1=-3", "x1=-2", "w2=-3"]},
  {program: "y = detach(x^2 + 1) + x", at: ["x=2"]},
  {program: "y = ste(round(w), w) * 0.1 + exp(w) / log(w + 2)", at: ["w=0.37"]},
  {program: "y = sum(softmax(W @ v)) + logsumexp(v)", at: ["W=[[0.1, -0.2], [0.3, 0.4]]", "v=[1.5, -0.5]"]},
  {program: "y = tanh(x) * erf(x) + sqrt(x) - relu(-x) + abs(x - 3) + max(x, 1) + softplus(x)", at: ["x=1.25"]},
  {program: "y = sin(x) * cos(x) ** 2 - 1 / x + inv(x)", at: ["x=0.7"]},
];

test("values and gradients are the native build's", () => {
  let largest = 0;
  for (const request of programs) {
    const web = engine.run(request), native = nativeEval(request);
    assert.equal(web.ok, true, web.error);
    assert.equal(native.status, 0, native.stderr);
    for (const [where, a, b] of numbersOf(native.json, web.report)) {
      const d = difference(a, b);
      largest = Math.max(largest, d);
      assert.ok(d <= 1e-12, `${request.program}: ${where} is ${a} natively and ${b} in the engine`);
    }
  }
  console.log(`${programs.length} programs, largest relative difference ${largest}`);
});

test("forward mode and the gradient check are the native build's", () => {
  const request = {program: "y = x^2 * z + max(x, z)", at: ["x=3", "z=3"], tangents: ["x=1", "z=0.5"]};
  const web = engine.run(request), native = nativeEval(request);
  assert.equal(web.report.jvp, native.json.jvp);
  assert.equal(web.report.jvp, 2 * 3 * 3 * 1 + 9 * 0.5 + 1);  // 2xz dx + x^2 dz + (tie: to x) dx
  const check = {program: "y = relu(x) + detach(x) * x", at: ["x=0"], gradcheck: true};
  assert.deepEqual(engine.run(check).report.gradcheck, nativeEval(check).json.gradcheck);
});

test("a syntax error is the terminal's line, caret and all", () => {
  const bad = [
    ["y = (x + 1", ["x=2"]],
    ["y = sigmod(x)", ["x=2"]],
    ["y = （x＋1）＊＊", ["x=2"]],
    ["y = x +* 2", ["x=2"]],
    ["y = x ^ 2\nz = y +\n", ["x=2"]],
  ];
  for (const [program, at] of bad) {
    const web = engine.run({program, at});
    const native = gatelab(["eval", program, ...at.flatMap((a) => ["--at", a])]);
    assert.equal(native.status, 2);
    assert.equal(web.ok, false);
    assert.equal(web.error, native.stderr.replace(/^gatelab eval: /, ""));
    assert.match(web.error, /\^\n$/);
  }
});

test("other bad input is the command's one line", () => {
  const cases = [
    {program: "y = x * z", at: ["x=2"]},                    // z has no value
    {program: "y = log(x)", at: ["x=-1"]},                  // nan
    {program: "y = x", at: ["x=abc"]},                      // not a number
    {program: "y = x", at: ["x=1", "q=2"]},                 // no such input
  ];
  for (const request of cases) {
    const web = engine.run(request), native = nativeEval(request);
    assert.notEqual(native.status, 0);
    assert.equal(web.ok, false);
    assert.equal(web.error.split("\n").length, 2, web.error);  // one line
  }
  // The words for a missing value are the page's: a line NAME=VALUE in the inputs' box.
  assert.match(engine.run(cases[0]).error, /the input 'z' has no value: add a line z=VALUE/);
  assert.match(engine.run(cases[1]).error, /^line 1, column 5: gate .* fails with/);
});

test("a wrong answer is diagnosed as --expect diagnoses it", () => {
  const request = {program: "xpy = x + y; num = x + sigmoid(y); f = num / xpy^2 + sigmoid(x)", at: ["x=3", "y=-4"]};
  assert.equal(engine.run(request).ok, true);
  for (const expect of ["grad(x)=-1.5", "grad(y)=0.1", "f=2", "grad(xpy)=1.2"]) {
    const web = engine.diagnose({expect});
    const native = nativeEval({...request, expect: [expect]});
    assert.equal(web.ok, true, web.error);
    assert.deepEqual(web.results[0], native.json.expectations[0]);
  }
  assert.equal(engine.diagnose({expect: "grad(nothing)=1"}).ok, false);
});

test("the page's picture is drawn from a Graphviz layout", () => {
  assert.equal(engine.run({program: "f = (x + y) * z", at: ["x=1", "y=2", "z=3"]}).ok, true);
  // A hand-made layout in Graphviz's JSON: y grows upward there, downward in SVG.
  const layout = {bb: "0,0,200,100", objects: [], edges: []};
  const r = engine.run({program: "f = (x + y) * z", at: ["x=1", "y=2", "z=3"]});
  const nodes = [...r.dot.matchAll(/^\s*(n\d+) \[/gm)].map((m) => m[1]);
  nodes.forEach((name, i) => layout.objects.push({_gvid: i, name, pos: `${20 + 40 * i},80`, width: "0.5", height: "0.4", shape: "box"}));
  for (const m of r.dot.matchAll(/^\s*(n\d+) -> (n\d+)/gm))
    layout.edges.push({_gvid: layout.edges.length, tail: nodes.indexOf(m[1]), head: nodes.indexOf(m[2]), pos: "e,10,10 0,0 1,1 2,2 3,3"});
  const drawn = engine.draw(layout);
  assert.equal(drawn.ok, true, drawn.error);
  assert.match(drawn.svg, /^<svg/);
  assert.equal((drawn.svg.match(/class="node"/g) || []).length, nodes.length);
  assert.match(drawn.svg, /data-node="0"/);
  assert.match(drawn.svg, /data-gate="\d+" data-slot="[01]"/);
});

// Equal, numbers within 1e-12 relative (musl's and glibc's exp differ in the last bit).
function assertClose(a, b, where) {
  if (typeof a === "number" && typeof b === "number") return assert.ok(difference(a, b) <= 1e-12, `${where}: ${a} != ${b}`);
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return assert.equal(a, b, where);
  assert.deepEqual(Object.keys(a), Object.keys(b), where);
  for (const k of Object.keys(a)) assertClose(a[k], b[k], `${where}.${k}`);
}

// The quiz of a re-run program comes without its questions, each made when it is opened: the
// same question a static page (`gatelab eval --html`) carries, about the editor's own program.
test("a live page's quiz questions are the static page's, each about its own editor's program", async () => {
  const {mkdtempSync, readFileSync} = await import("node:fs");
  const {tmpdir} = await import("node:os");
  const staged = {program: "xpy = x + y; num = x + sigmoid(y); f = num / xpy^2 + sigmoid(x)", at: ["x=3", "y=-4"]};
  const page = `${mkdtempSync(`${tmpdir()}/gatelab-web.`)}/staged.html`;
  const html = gatelab(["eval", staged.program, "--at", "x=3", "--at", "y=-4", "--html", page]);
  assert.equal(html.status, 0, html.stderr);
  const data = JSON.parse(readFileSync(page, "utf8").match(/id="gatelab-data">([^]*?)<\/script>/)[1]);
  const wanted = data.viewers[0].quiz.q;
  assert.ok(Object.keys(wanted).length >= 10, "the static page asks about every value and gradient");

  const run = engine.run({...staged, view: 3});
  assert.equal(run.ok, true, run.error);
  assert.deepEqual(run.viewer.quiz.q, {});
  assert.equal(engine.run({program: "y = x * x", at: ["x=5"], view: 4}).ok, true);  // another editor
  for (const [key, question] of Object.entries(wanted)) assertClose(engine.question(key, 3).question, question, key);
  assert.equal(engine.question("g0", 4).question.truth, 10);  // d(x*x)/dx at 5, from view 4's program
  for (const key of ["v0", "g99", "q1", "v", "g-1", "v1x"]) assert.equal(engine.question(key, 3).question, null, key);
  assert.equal(engine.question("g0", 7).ok, false);  // view 7 ran nothing
});
