// gatelab's page, live: each viewer with a program gets an editor, and an edit re-runs the
// real engine (gatelab's library in WebAssembly, web/), lays the new graph out with Graphviz
// (@viz-js/viz), and redraws the picture, the steps, the quiz and the trace. A program that
// cannot run shows the engine's error, the line and a caret under it, as the terminal does.
"use strict";
/* exported gatelabLive */
/* global gatelabEngine, createGatelabEngine, Viz, gatelabCatalog, gatelabPage */

const gatelabLive = (() => {
  const page = JSON.parse(document.getElementById("gatelab-data").textContent);
  const t = (key, values = {}) => page.strings[key].replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));
  const make = (tag, className, text) => {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  };
  let engine = null, viz = null;
  const ready = (async () => {
    engine = await gatelabEngine(createGatelabEngine);
    viz = await Viz.instance();
    const lang = document.documentElement.lang;
    if (lang === "zh-CN" && typeof gatelabCatalog !== "undefined") engine.language("zh", gatelabCatalog);
  })();

  // A request's inputs as the lines of the inputs' box, and back.
  const bindingLines = (request) => (request.at || []).join("\n");
  const bindingsOf = (text) => text.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));

  // The quiz's questions of a re-run program, each made by the engine when the learner opens
  // it (the program it ran last): a redraw does not wait for every question's mistakes.
  const askedWhenOpened = (eng, view) => new Proxy({}, {
    get: (made, key) => {
      if (typeof key !== "string") return undefined;
      if (!(key in made)) {
        const r = eng.question(key, view);
        made[key] = r.ok ? r.question : null;
      }
      return made[key];
    },
  });

  class Editor {
    constructor(viewer, request, view) {
      this.viewer = viewer;
      this.view = view;
      this.request = request;
      const root = viewer.root;
      this.box = make("div", "editor");
      const programLabel = make("label", "edit-label", t("program"));
      this.program = make("textarea", "edit-program");
      this.program.value = request.program;
      this.program.rows = Math.min(12, Math.max(2, request.program.split("\n").length));
      this.program.spellcheck = false;
      const inputsLabel = make("label", "edit-label", t("inputs"));
      this.inputs = make("textarea", "edit-inputs");
      this.inputs.value = bindingLines(request);
      this.inputs.rows = Math.min(8, Math.max(1, (request.at || []).length));
      this.inputs.spellcheck = false;
      this.status = make("div", "edit-status", t("engine_loading"));
      this.error = make("pre", "edit-error");
      this.error.hidden = true;
      const row = make("div", "edit-row");
      const left = make("div", "edit-col"), right = make("div", "edit-col edit-col-inputs");
      left.append(programLabel, this.program);
      right.append(inputsLabel, this.inputs);
      row.append(left, right);
      this.box.append(row, this.status, this.error);
      const shown = root.querySelector("pre.program");
      if (shown) shown.replaceWith(this.box);
      else root.prepend(this.box);
      this.trace = root.nextElementSibling && root.nextElementSibling.matches("details") ? root.nextElementSibling.querySelector("pre.text") : null;
      let timer = null;
      const later = () => { clearTimeout(timer); timer = setTimeout(() => this.run(), 250); };
      this.program.addEventListener("input", later);
      this.inputs.addEventListener("input", later);
      ready.then(() => { this.status.textContent = t("engine_ready"); }, (e) => { this.status.textContent = String(e); });
    }

    async run() {
      await ready;
      const started = performance.now();
      const request = {...this.request, program: this.program.value, at: bindingsOf(this.inputs.value), view: this.view};
      const r = engine.run(request);
      if (!r.ok) return this.fail(r.error);
      // json0: the positions without Graphviz's drawing operations, a quarter of the text to
      // hand over and read (the picture is drawn by the engine, not from those operations).
      const laid = viz.render(r.dot, {format: "json0"});
      if (laid.status !== "success") return this.fail(laid.errors.map((e) => e.message).join("\n"));
      const layout = JSON.parse(laid.output);
      const drawn = engine.draw(layout, this.view);
      if (!drawn.ok) return this.fail(drawn.error);
      r.viewer.views = [{kind: "gates"}];
      r.viewer.quiz.q = askedWhenOpened(engine, this.view);
      this.viewer.replace(r.viewer, drawn.svg);
      if (this.trace) this.trace.textContent = r.text;
      this.error.hidden = true;
      this.box.classList.remove("failed");
      const ms = Math.round(performance.now() - started);
      this.status.textContent = t("redraw", {ms});
      this.viewer.root.dataset.runs = String(Number(this.viewer.root.dataset.runs || 0) + 1);
      this.lastMs = ms;
    }

    fail(message) {
      this.error.textContent = message;
      this.error.hidden = false;
      this.box.classList.add("failed");
      this.status.textContent = t("not_run");
      this.viewer.root.dataset.runs = String(Number(this.viewer.root.dataset.runs || 0) + 1);
    }
  }

  const editors = [];
  gatelabPage.viewers.forEach((viewer, i) => {
    const request = page.viewers[i].request;
    if (request) editors.push(new Editor(viewer, request, i));
  });
  // What the viewers' engines answer, for a page's own script and for tests.
  return {editors, ready, engine: () => engine};
})();
