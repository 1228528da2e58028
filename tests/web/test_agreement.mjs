// The browser's engine gives every lesson block the native build's value and gradients, and
// every expectation of the block (its `expect:` directives, as `gatelab check` runs them)
// holds in it. The blocks come from the site's English pages (`gatelab site`), as each
// page's editor holds them: so the pages' programs and inputs are checked too.
import {test} from "node:test";
import assert from "node:assert/strict";
import {mkdtempSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";

import {difference, gatelab, loadEngine, nativeEval, numbersOf} from "./engine.mjs";

const engine = await loadEngine();

function pageRequests(file) {
  const html = readFileSync(file, "utf8");
  const data = html.match(/<script type="application\/json" id="gatelab-data">(.*?)<\/script>/s);
  assert.ok(data, `${file}: no page data`);
  return JSON.parse(data[1].replaceAll("<\\/", "</")).viewers.filter((v) => v.request).map((v) => v.request);
}

test("every lesson block: the engine's values and gradients are the native build's, its checks hold", () => {
  const site = mkdtempSync(join(tmpdir(), "gatelab-site."));
  try {
    const made = gatelab(["site", site]);
    assert.equal(made.status, 0, made.stderr);
    let blocks = 0, numbers = 0, checks = 0, largest = 0, where = "";
    for (const page of readdirSync(join(site, "en")).filter((f) => f.endsWith(".html")).sort()) {
      for (const request of pageRequests(join(site, "en", page))) {
        const full = {...request, expect: request.checks || []};
        const web = engine.run(full), native = nativeEval(full);
        assert.equal(web.ok, true, `${page}: ${request.program}: ${web.error}`);
        assert.ok(native.json, `${page}: ${native.stderr}`);
        for (const [what, a, b] of numbersOf(native.json, web.report)) {
          const d = difference(a, b);
          if (d > largest) [largest, where] = [d, `${page} ${what}`];
          assert.ok(d <= 1e-12, `${page}: ${request.program}: ${what} is ${a} natively and ${b} in the engine`);
          numbers++;
        }
        for (const e of web.report.expectations || []) {
          assert.equal(e.match, true, `${page}: ${e.expect}: traced ${e.traced}`);
          checks++;
        }
        blocks++;
      }
    }
    assert.ok(blocks > 50, `only ${blocks} blocks`);
    console.log(`${blocks} lesson blocks compared, ${numbers} values and gradients, ${checks} expectations held; ` +
                `largest relative difference ${largest}${where ? " (" + where + ")" : ""}`);
  } finally {
    rmSync(site, {recursive: true, force: true});
  }
});
