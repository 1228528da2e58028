#!/usr/bin/python3
"""The live page in headless Chromium: how long a re-run takes after an edit, the engine
running the program, @viz-js/viz laying the graph out and the picture, steps and quiz
redrawn (docs/performance.md, docs/web.md). A benchmark, not a test.

    /usr/bin/python3 tests/bench/bench_web.py build/gatelab lessons/data/staged.gl
"""
import os
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "browser"))
from test_pages import browser  # noqa: E402


def fifty_gates():
    """25 statements of two gates each: 50 gates on one input."""
    lines, prev = [], "x"
    for i in range(25):
        lines.append("h%d = tanh(%s) * 0.9" % (i, prev))
        prev = "h%d" % i
    return "\n".join(lines)


def median_rerun(driver, path, inputs, runs=21):
    driver.get("file://" + path)
    driver.set_script_timeout(120)
    times = driver.execute_async_script("""
        const [inputs, runs, done] = arguments;
        (async () => {
          await gatelabLive.ready;
          const editor = gatelabLive.editors[0], times = [];
          for (let i = 0; i < runs; i++) {
            editor.inputs.value = inputs[i % inputs.length];
            const t0 = performance.now();
            await editor.run();
            document.body.getBoundingClientRect();
            times.push(performance.now() - t0);
          }
          done(times);
        })();""", inputs, runs)
    return statistics.median(times[1:]), max(times[1:]), times[0]


def main():
    gatelab, staged = sys.argv[1:3]
    tmp = tempfile.mkdtemp(prefix="gatelab-bench.")
    pages = {
        "50 gates": (["eval", fifty_gates(), "--at", "x=0.5"], ["x = 0.5", "x = 0.7", "x = -0.3"]),
        "staged example": (["eval", "--file", staged, "--at", "x=3", "--at", "y=-4"], ["x = 3\ny = -4", "x = 2\ny = -4"]),
    }
    driver = browser(os.path.join(tmp, "profile"))
    try:
        for name, (args, inputs) in pages.items():
            path = os.path.join(tmp, name.replace(" ", "-") + ".html")
            subprocess.run([gatelab] + args + ["--html", path], check=True, stdout=subprocess.DEVNULL)
            median, slowest, first = median_rerun(driver, path, inputs)
            print("%-15s re-run after an edit: %.1f ms median of 20 (slowest %.1f ms; the first, warming up, %.1f ms); page %.2f MB"
                  % (name, median, slowest, first, os.path.getsize(path) / 1e6))
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
