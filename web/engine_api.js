// gatelab's engine in a page or in Node: the WebAssembly module's calls (web/engine.cpp) as
// functions that take and return objects.
//
//   const engine = await gatelabEngine(createGatelabEngine);
//   const r = engine.run({program: "y = x^2 + 1", at: ["x=2"]});  // r.report.grads.x === 4
//   if (!r.ok) show(r.error);  // "line 1, column 5: ...\n  y = (x + 1\n      ^\n"
"use strict";
/* exported gatelabEngine */
/* global module */

const gatelabEngine = async (createModule) => {
  const wasm = await createModule();
  const call = (name, ...args) => JSON.parse(wasm.ccall(name, "string", args.map(() => "string"), args));
  return {
    run: (request) => call("gl_run", JSON.stringify(request)),
    draw: (layout, view = 0) => call("gl_draw", JSON.stringify(layout), String(view)),
    question: (key, view = 0) => call("gl_question", JSON.stringify({key, view})),
    diagnose: (request) => call("gl_diagnose", JSON.stringify(request)),
    language: (language, table) => call("gl_language", language, JSON.stringify(table || {})),
  };
};

if (typeof module !== "undefined") module.exports = {gatelabEngine};
