// What the tests of the browser's engine share: the engine under Node, and the native
// gatelab to compare it with. Paths come from ctest (tests/CMakeLists.txt):
//   GATELAB_ENGINE  build-web/web/gatelab-engine.js      GATELAB_API  web/engine_api.js
//   GATELAB_BINARY  build/gatelab
import {createRequire} from "node:module";
import {spawnSync} from "node:child_process";

const require = createRequire(import.meta.url);
const need = (name) => {
  if (!process.env[name]) throw new Error(`${name} is not set (ctest sets it)`);
  return process.env[name];
};

export async function loadEngine() {
  const {gatelabEngine} = require(need("GATELAB_API"));
  return gatelabEngine(require(need("GATELAB_ENGINE")));
}

// `gatelab ARGS...` in English: {status, stdout, stderr}.
export function gatelab(args) {
  const r = spawnSync(need("GATELAB_BINARY"), args, {encoding: "utf8", env: {...process.env, LANGUAGE: "", LC_ALL: "C.UTF-8", LANG: "C.UTF-8"}});
  if (r.error) throw r.error;
  return {status: r.status, stdout: r.stdout, stderr: r.stderr};
}

// The native `gatelab eval --json` of a request as the page sends it.
export function nativeEval(request) {
  const args = ["eval", request.program, "--json"];
  for (const a of request.at || []) args.push("--at", a);
  for (const t of request.tangents || []) args.push("--tangent", t);
  if ((request.tangents || []).length) args.push("--mode", "forward");
  for (const e of request.expect || []) args.push("--expect", e);
  if (request.tol !== undefined && request.tol !== null) args.push("--tol", String(request.tol));
  if (request.gradcheck) args.push("--gradcheck");
  const r = gatelab(args);
  return {...r, json: r.stdout ? JSON.parse(r.stdout) : null};
}

// Every number of two reports' values and gradients, side by side: [[where, a, b], ...].
export function numbersOf(native, web) {
  const pairs = [];
  const walk = (where, a, b) => {
    if (Array.isArray(a) || Array.isArray(b)) {
      if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) throw new Error(`${where}: shapes differ`);
      a.forEach((x, i) => walk(`${where}[${i}]`, x, b[i]));
    } else {
      pairs.push([where, a, b]);
    }
  };
  walk("value", native.value, web.value);
  const names = new Set([...Object.keys(native.grads || {}), ...Object.keys(web.grads || {})]);
  for (const name of names) walk(`grad(${name})`, (native.grads || {})[name], (web.grads || {})[name]);
  if (native.jvp !== undefined || web.jvp !== undefined) walk("jvp", native.jvp, web.jvp);
  return pairs;
}

// The difference of two numbers relative to their size (0 for the same number, text included).
export function difference(a, b) {
  if (a === b) return 0;
  if (typeof a !== "number" || typeof b !== "number") return Infinity;
  return Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));
}
