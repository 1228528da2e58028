#!/usr/bin/python3
"""gatelab's HTML pages in a real browser: Debian's chromium and chromium-driver, driven by
python3-selenium, headless and offline, each page opened from a file:// URL.

    test_pages.py SCENARIO GATELAB GOLDEN_DIR OUT_DIR

Each scenario is one ctest test. Expected numbers are derived by hand below (the cs231n
staged example at x = 3, y = -4), never copied from gatelab's output. Exit status 77 (ctest's
"skipped") only when chromium, chromedriver or selenium is not installed, and never when
GATELAB_REQUIRE_BROWSER is set, as CI sets it."""

import math
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"


def skip_if_absent():
    missing = [p for p in (CHROMIUM, DRIVER) if not os.path.exists(p)]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("python3-selenium")
    if missing:
        what = "not installed: " + ", ".join(missing) + " (bash setup.sh installs chromium, chromium-driver and python3-selenium)"
        # CI (.ci/run sets GATELAB_REQUIRE_BROWSER) must run every browser test: there a
        # missing browser is a failure, not a skip.
        if os.environ.get("GATELAB_REQUIRE_BROWSER"):
            print("FAILED: " + what)
            sys.exit(1)
        print("SKIPPED on this machine: " + what)
        sys.exit(77)


def browser(user_dir):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--user-data-dir=" + user_dir, "--window-size=1400,1000"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    # Offline: no request may leave the machine.
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                           {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    return driver


def g6(x):
    """A number as gatelab writes it: 6 significant digits, as C's %.6g."""
    return "%.6g" % x


# The staged example at x = 3, y = -4, by hand.
def sig(v):
    return 1 / (1 + math.exp(-v))


X, Y = 3.0, -4.0
NUM = X + sig(Y)                        # 3.01799
DEN = sig(X) + (X + Y) ** 2             # 1.95257
INVDEN = 1 / DEN                        # 0.512144
GRAD_DEN = NUM * (-1 / DEN ** 2)        # d f / d den = num · (-1/den²)
FROM_XPY = GRAD_DEN * 2 * (X + Y)       # den -> xpysqr -> xpy -> x
FROM_SIGX = GRAD_DEN * sig(X) * (1 - sig(X))
FROM_NUM = INVDEN
GRAD_X = FROM_XPY + FROM_SIGX + FROM_NUM  # 2.05957
# Node ids in the order the program creates them.
ID = {"y": 0, "sigy": 1, "x": 2, "num": 3, "sigx": 4, "xpy": 5, "two": 6, "xpysqr": 7, "den": 8, "invden": 9, "f": 10}


def staged_grad_x(x, y):
    """grad(x) of the staged example, by the same hand derivation as above."""
    num, den = x + sig(y), sig(x) + (x + y) ** 2
    grad_den = num * (-1 / den ** 2)
    return grad_den * 2 * (x + y) + grad_den * sig(x) * (1 - sig(x)) + 1 / den


def term(v):
    return "(" + g6(v) + ")" if v < 0 else g6(v)


def check(condition, what):
    if not condition:
        raise AssertionError(what)


class Run:
    def __init__(self, gatelab, data, out):
        self.gatelab, self.data, self.out = gatelab, data, out
        self.tmp = tempfile.mkdtemp(prefix="gatelab-browser.")
        self.driver = None

    def page(self, args, name):
        path = os.path.join(self.tmp, name)
        subprocess.run([self.gatelab] + args + ["--html", path], check=True, stdout=subprocess.DEVNULL)
        if not self.driver:
            self.driver = browser(os.path.join(self.tmp, "profile"))
        self.driver.get("file://" + path)
        return path

    def staged(self):
        return self.page(["eval", "--file", os.path.join(self.data, "staged.gl"), "--at", "x=3", "--at", "y=-4"], "staged.html")

    def css(self, selector):
        from selenium.webdriver.common.by import By
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def all(self, selector):
        from selenium.webdriver.common.by import By
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def keys(self, key, times=1):
        from selenium.webdriver.common.action_chains import ActionChains
        for _ in range(times):
            ActionChains(self.driver).send_keys(key).perform()

    def close(self):
        if self.driver:
            self.driver.quit()
        shutil.rmtree(self.tmp, ignore_errors=True)


def png_pixels(data):
    """(width, height, rows of RGB(A) bytes) of a non-interlaced 8-bit PNG, as Chromium writes one."""
    check(data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG")
    at, idat, width = 8, b"", 0
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            check(depth == 8 and interlace == 0 and colour in (2, 6), "an 8-bit RGB or RGBA PNG")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        at += 12 + length
    raw, stride, rows, previous = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def scenario_steps(run):
    run.staged()
    for _ in range(12):
        run.css(".act-next").click()
    # Step 12: invden sends grad(invden) · d invden/d den = num · (-1/den²) back to den.
    expected = "[12] invden → den   {} × ({}) = {}   grad(den) = {}".format(g6(NUM), g6(-1 / DEN ** 2), g6(GRAD_DEN), g6(GRAD_DEN))  # a negative factor in parentheses
    caption = run.css(".caption").get_attribute("textContent")
    check(caption == expected, "caption %r, expected %r" % (caption, expected))
    hot = run.all("g.edge.hot")
    check(len(hot) == 1, "one highlighted edge")
    check((hot[0].get_attribute("data-gate"), hot[0].get_attribute("data-slot")) == (str(ID["invden"]), "0"), "the edge den -> invden")
    check(hot[0].find_element("css selector", ".aback").is_displayed(), "the arrow turned round, toward den")
    run.keys("\ue012", 7)  # ArrowLeft: back to step 5, xpysqr = xpy ^ 2 = (3 - 4)^2 = 1
    caption = run.css(".caption").get_attribute("textContent")
    check(caption == "[5] xpysqr = xpy ^ 2 = (-1) ^ 2 = 1", "caption %r" % caption)
    hot = run.all("g.node.hot")
    check(len(hot) == 1 and hot[0].get_attribute("data-node") == str(ID["xpysqr"]), "xpysqr outlined")
    check("hot-value" in hot[0].get_attribute("class"), "in the value colour")
    print("step 12 and step 5: captions and highlights as derived by hand")


def scenario_chain_rule(run):
    run.staged()
    run.keys("\ue010")  # End: the last step
    run.css('g.node[data-node="%d"]' % ID["x"]).click()
    expected = "grad(x) = {} + {} + {} = {}".format(term(FROM_XPY), term(FROM_SIGX), term(FROM_NUM), g6(GRAD_X))
    got = run.css(".panel .sum").get_attribute("textContent")
    check(got == expected, "chain rule %r, expected %r" % (got, expected))
    print(got)


def answer(run, node, kind, text):
    from selenium.webdriver.common.keys import Keys
    box = run.css('.answer[data-q="%s%d"]' % (kind, node))
    box.clear()
    box.send_keys(text + Keys.ENTER)
    return run.css(".panel .feedback").get_attribute("textContent")


def scenario_quiz(run):
    run.staged()
    run.css(".hide-grad").click()
    run.keys("\ue010")
    run.css('g.node[data-node="%d"]' % ID["x"]).click()
    check(run.all(".panel .sum") == [], "the gradient hidden")
    # Only the branch through xpy: the fork's other two messages left out, named without the
    # right number (the page shows it when the gradients are shown again).
    wrong = answer(run, ID["x"], "g", "1.5832")
    check(wrong.startswith("✗ 1.5832 is the gradient through xpy") and "missing" in wrong and g6(GRAD_X) not in wrong, wrong)
    # Typed as a Chinese keyboard types it, the right number is right.
    check(answer(run, ID["x"], "g", "２.０６") == "✓ right", "full-width digits")
    few = answer(run, ID["x"], "g", "2")  # 2 ± 0.5 holds 2.06, but it is 2.9 % off
    check("right to 1 significant digit" in few, few)
    sign = answer(run, ID["x"], "g", "-2.06")
    check("wrong sign" in sign, sign)
    right = answer(run, ID["x"], "g", "2.06")
    check(right == "✓ right", right)
    shown = run.css('g.node[data-node="%d"] text[data-kind="grad"] .num' % ID["x"]).get_attribute("textContent")
    check(shown == g6(GRAD_X), "the answered gradient shown in the node: %r" % shown)
    # Values hidden too: xpy = x + y = -1, so 1 is the right size with the wrong sign.
    run.css(".hide-value").click()
    run.css('g.node[data-node="%d"]' % ID["xpy"]).click()
    check(run.css('g.node[data-node="%d"] text[data-kind="value"] .num' % ID["xpy"]).get_attribute("textContent") == "?", "value hidden")
    value = answer(run, ID["xpy"], "v", "1")
    check(value == "✗ 1 is the right size with the wrong sign", value)
    check(answer(run, ID["xpy"], "v", "-1") == "✓ right", "xpy = -1")
    print("wrong: " + wrong)
    print("few digits: " + few)
    print("right: " + right)
    print("a value: " + value)


def scenario_screenshot(run):
    run.staged()
    for _ in range(12):
        run.css(".act-next").click()
    run.css('g.node[data-node="%d"]' % ID["den"]).click()
    png = run.driver.get_screenshot_as_png()
    os.makedirs(run.out, exist_ok=True)
    path = os.path.join(run.out, "staged-step-12.png")
    with open(path, "wb") as f:
        f.write(png)
    width, height, channels, rows = png_pixels(png)
    colours, ink = set(), 0
    for row in rows[::4]:
        for i in range(0, width * channels, channels * 4):
            pixel = row[i:i + 3]
            colours.add(pixel)
            ink += pixel != b"\xff\xff\xff"
    share = ink / (len(rows[::4]) * len(range(0, width * channels, channels * 4)))
    check(len(colours) > 20 and share > 0.02, "a blank screenshot: %d colours, %.1f %% not white" % (len(colours), 100 * share))
    print("screenshot %s: %dx%d, %d colours, %.1f %% not white" % (path, width, height, len(colours), 100 * share))


def scenario_lesson(run):
    run.page(["lesson", "gates"], "gates.html")
    check(run.css("h1").text.startswith("Gates"), "the lesson's title")
    check(any("Backpropagation is local" in p.text for p in run.all(".prose")), "the lesson's prose")
    viewers = run.all(".viewer")
    check(len(viewers) == 2, "one viewer per block: %d" % len(viewers))
    viewers[1].find_element("css selector", ".act-next").click()
    caption = viewers[1].find_element("css selector", ".caption").get_attribute("textContent")
    check(caption == "[1] xy = x * y = 3 * (-4) = -12", "second block's first step: %r" % caption)
    run.keys("\ue014")  # ArrowRight moves the viewer used last
    check(viewers[1].find_element("css selector", ".counter").text.startswith("step 2 "), "arrow keys move the active viewer")
    print("lesson: prose, 2 viewers, " + caption)


def scenario_training_row(run):
    run.page(["train", "--constraint", "ste", "--trace-sample", "0", "--max-epochs", "10"], "row.html")
    boxes = run.all("g.node[data-expand]")
    check(len(boxes) == 8, "5 + 2 neurons and the loss: %d boxes" % len(boxes))
    boxes[0].click()
    shown = [v for v in run.all(".view") if v.is_displayed()]
    check(len(shown) == 2, "the neurons and one neuron's gates")
    check(len(shown[1].find_elements("css selector", "g.node")) > 30, "a neuron's gates")
    times = run.driver.execute_script("""
        const v = gatelabPage.viewers[0], times = [];
        v.go(200);
        for (let i = 0; i < 41; i++) {
          const t0 = performance.now();
          v.go(v.step + 1);
          document.body.getBoundingClientRect();
          void document.body.offsetHeight;
          times.push(performance.now() - t0);
        }
        return times;""")
    times.sort()
    check(len(run.all("g.node.hot")) >= 1, "the step's neuron highlighted")
    print("training row: one step redrawn in %.2f ms (median of 41; slowest %.2f ms)" % (times[len(times) // 2], times[-1]))


def edit(run, box, text, viewer=0):
    """Types text into a live editor's box, and waits for the page's engine to run it again."""
    from selenium.webdriver.support.ui import WebDriverWait
    root = run.all(".viewer")[viewer]
    before = int(root.get_attribute("data-runs") or 0)
    WebDriverWait(run.driver, 60).until(lambda d: d.execute_script("return gatelabLive.engine() !== null"))
    field = root.find_element("css selector", box)
    field.clear()
    field.send_keys(text)
    WebDriverWait(run.driver, 60).until(lambda d: int(root.get_attribute("data-runs") or 0) > before)
    return root


def no_requests(run):
    """What the page asked the network or the disk for besides itself: nothing."""
    return run.driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")


def scenario_edit_value(run):
    run.staged()
    root = edit(run, ".edit-inputs", "x = 2\ny = -4")
    run.keys("\ue010")  # End
    root.find_element("css selector", 'g.node[data-node="%d"]' % ID["x"]).click()
    got = run.css(".panel .sum").get_attribute("textContent")
    expected = g6(staged_grad_x(2.0, -4.0))
    check(got.endswith(" = " + expected), "grad(x) at x = 2: %r, expected ... = %s" % (got, expected))
    shown = root.find_element("css selector", 'g.node[data-node="%d"] text[data-kind="value"] .num' % ID["x"])
    check(shown.get_attribute("textContent") == "2", "x drawn as 2")
    check(no_requests(run) == [], "requests: %r" % no_requests(run))
    os.makedirs(run.out, exist_ok=True)
    path = os.path.join(run.out, "staged-edited-x2.png")
    run.driver.save_screenshot(path)
    print("x = 2: " + got + " (" + run.css(".edit-status").text + "); screenshot " + path)


def scenario_quiz_after_edit(run):
    """The quiz of an edited program: its questions are made by the page's engine when opened."""
    run.staged()
    root = edit(run, ".edit-inputs", "x = 2\ny = -4")
    run.css(".hide-grad").click()
    run.keys("\ue010")
    root.find_element("css selector", 'g.node[data-node="%d"]' % ID["x"]).click()
    # At x = 2, y = -4 the branch through xpy alone, by the derivation above: 0.338842.
    num, den = 2 + sig(-4.0), sig(2.0) + (2 - 4) ** 2
    through_xpy = num * (-1 / den ** 2) * 2 * (2 - 4)
    wrong = answer(run, ID["x"], "g", "%.4f" % through_xpy)
    check(wrong.startswith("✗ %.4f is the gradient through xpy" % through_xpy), wrong)
    right = answer(run, ID["x"], "g", g6(staged_grad_x(2.0, -4.0)))
    check(right == "✓ right", right)
    print("after the edit, x = 2: " + wrong)


def scenario_syntax_error(run):
    run.staged()
    root = edit(run, ".edit-program", "y = (x + 1")
    shown = root.find_element("css selector", ".edit-error").get_attribute("textContent")
    terminal = subprocess.run([run.gatelab, "eval", "y = (x + 1", "--at", "x=3"], capture_output=True, text=True,
                              env={**os.environ, "LANGUAGE": "", "LC_ALL": "C.UTF-8"}).stderr
    check(terminal.startswith("gatelab eval: "), terminal)
    check(shown == terminal[len("gatelab eval: "):], "page %r, terminal %r" % (shown, terminal))
    lines = shown.split("\n")
    check(lines[2].index("^") == lines[1].index("("), "the caret under '(': %r" % lines)
    os.makedirs(run.out, exist_ok=True)
    run.driver.save_screenshot(os.path.join(run.out, "syntax-error.png"))
    print("syntax error:\n" + shown)


def scenario_chinese_site(run):
    site = os.path.join(run.tmp, "site")
    subprocess.run([run.gatelab, "site", site], check=True, stdout=subprocess.DEVNULL)
    run.driver = run.driver or browser(os.path.join(run.tmp, "profile"))
    run.driver.get("file://" + os.path.join(site, "zh", "01-gates.html"))
    check(run.css("html").get_attribute("lang") == "zh-CN", "a Chinese page")
    # The first block, q = x + y, f = q * z: grad(x) = z, so z = 7 makes it 7, and f = 3 * 7.
    root = edit(run, ".edit-inputs", "x = -2\ny = 5\nz = 7")
    num = lambda node, kind: root.find_element(
        "css selector", 'g.node[data-node="%d"] text[data-kind="%s"] .num' % (node, kind)).get_attribute("textContent")
    check(num(0, "grad") == "7" and num(4, "value") == "21", "grad(x) %r, f %r" % (num(0, "grad"), num(4, "value")))
    status = run.css(".edit-status").text
    check(status.startswith("重绘用时 ") and status.endswith(" 毫秒"), status)
    check(no_requests(run) == [] or all(n.startswith("file://" + site) for n in no_requests(run)), no_requests(run))
    other = run.css("a.other-language")
    check(other.get_attribute("hreflang") == "en", "the English page linked")
    os.makedirs(run.out, exist_ok=True)
    path = os.path.join(run.out, "site-zh-gates-edited.png")
    run.driver.save_screenshot(path)
    print("zh: grad(x) = 7, f = 21, " + status + "; screenshot " + path)


# The left edge, in pixels, of the character at `index` of line `line` of a <pre>'s text.
COLUMN_X = """
const pre = arguments[0], line = arguments[1], index = arguments[2];
const lines = pre.textContent.split("\\n");
let offset = index;
for (let i = 0; i < line; ++i) offset += lines[i].length + 1;
const walk = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
for (let node = walk.nextNode(); node; node = walk.nextNode()) {
  if (offset < node.length) {
    const range = document.createRange();
    range.setStart(node, offset);
    range.setEnd(node, offset + 1);
    return range.getBoundingClientRect().left;
  }
  offset -= node.length;
}
return null;
"""


def column_starts(line):
    """Where each column of an aligned table line starts: its indent, then after each run of
    two or more spaces."""
    import re
    return [len(line) - len(line.lstrip(" "))] + [m.end() for m in re.finditer(r"(?<=\S)  +(?=\S)", line)]


def scenario_chinese_columns(run):
    """A Chinese lesson page's tables line up: in its monospace font a CJK character is exactly
    two Latin cells wide, so the summary's columns start at the same pixel in the header
    (名称, 值, 梯度) and in every row (x, -2, -4: all Latin)."""
    run.page(["lesson", "gates", "--lang", "zh"], "gates-zh.html")
    run.driver.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
    pre = run.all("pre.text")[0]
    lines = pre.get_attribute("textContent").split("\n")
    heading = next(i for i, l in enumerate(lines) if l.strip() == "汇总")
    header, rows = heading + 1, []
    for i in range(heading + 2, len(lines)):
        if not lines[i].strip():
            break
        rows.append(i)
    check(len(rows) >= 3, "the summary's rows: %r" % lines[heading:heading + 6])
    x = lambda line, index: run.driver.execute_script(COLUMN_X, pre, line, index)
    starts = column_starts(lines[header])
    check(len(starts) == 3, "three columns in %r" % lines[header])
    report = []
    for row in rows:
        row_starts = column_starts(lines[row])
        check(len(row_starts) == len(starts), "columns of %r" % lines[row])
        for k in range(1, len(starts)):
            off = x(row, row_starts[k]) - x(header, starts[k])
            report.append(off)
            check(abs(off) < 0.5, "column %d of %r starts %.2f px from the header %r's" % (k, lines[row], off, lines[header]))
    # The cell widths themselves: 名 against "  " of the row below (the same two cells).
    wide = x(header, starts[0] + 1) - x(header, starts[0])
    narrow = x(rows[0], starts[0] + 2) - x(rows[0], starts[0])
    check(abs(wide - narrow) < 0.5, "a CJK character %.2f px, two Latin cells %.2f px" % (wide, narrow))
    # In the prose the middle dot of "q · z" is a Latin one, not a full-width CJK glyph: less
    # than half its type size wide (a full-width one is the whole size).
    dots = run.driver.execute_script(
        "return [...document.querySelectorAll('.prose span.latin')]"
        ".map(s => s.getBoundingClientRect().width / parseFloat(getComputedStyle(s).fontSize))")
    check(dots and all(w < 0.5 for w in dots), "the middle dots' widths, in ems: %r" % dots)
    os.makedirs(run.out, exist_ok=True)
    run.driver.save_screenshot(os.path.join(run.out, "zh-columns.png"))
    print("zh summary: %d rows, %d columns each within %.2f px of the header's; 名 = %.2f px, two cells = %.2f px; "
          "%d middle dots in the prose, the widest %.2f em"
          % (len(rows), len(starts), max(abs(o) for o in report), wide, narrow, len(dots), max(dots)))


def main():
    scenario, gatelab, data, out = sys.argv[1:5]
    skip_if_absent()
    run = Run(gatelab, data, out)
    try:
        globals()["scenario_" + scenario](run)
    finally:
        run.close()


if __name__ == "__main__":
    main()
