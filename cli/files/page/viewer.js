// gatelab's page: step through a trace on a picture drawn once. Each viewer holds its
// steps as data (render/page_data.hpp); moving to a step recomputes what is known at it and
// rewrites only the numbers and highlights that changed.
"use strict";
/* exported gatelabPage */
/* global gatelabQuiz */

const gatelabPage = (() => {
  const data = JSON.parse(document.getElementById("gatelab-data").textContent);
  const t = (key, values = {}) => data.strings[key].replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));
  const make = (tag, className, text) => {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  };
  const cells = (list) => {
    const span = make("span", "cells");
    for (const [text, ink] of list) span.append(make("span", ink, text));
    return span;
  };
  const byIndex = (els) => {
    const out = [];
    for (const el of els) out[Number(el.dataset.i)] = el;
    return out;
  };
  let active = null;  // the viewer the arrow keys move

  // One picture of a viewer: its nodes, edges and number lines, and which graph node or edge
  // each stands for.
  function makeView(viewer, el, spec) {
    const view = {el, spec, nodeEls: byIndex(el.querySelectorAll("g.node")), edgeEls: byIndex(el.querySelectorAll("g.edge")),
                  nodeOf: new Map(), edgeOf: new Map(), lines: [], hot: []};
    view.nodeEls.forEach((g, i) => {
      const members = spec.members ? spec.members[i] : [Number(g.dataset.node)];
      for (const id of members) view.nodeOf.set(id, i);
      g.addEventListener("click", (event) => viewer.clicked(view, i, event));
    });
    view.edgeEls.forEach((g, j) => {
      const links = spec.links ? spec.links[j] : [[Number(g.dataset.gate), Number(g.dataset.slot)]];
      for (const [gate, slot] of links) view.edgeOf.set(gate * 2 + slot, j);
      if (g.dataset.gate === undefined) return;
      for (const text of g.querySelectorAll("text[data-kind]"))
        view.lines.push({text, num: text.querySelector(".num"), kind: text.dataset.kind, edge: Number(g.dataset.gate) * 2 + Number(g.dataset.slot)});
    });
    for (const text of el.querySelectorAll("g.node text[data-node]"))
      view.lines.push({text, num: text.querySelector(".num"), kind: text.dataset.kind, node: Number(text.dataset.node)});
    return view;
  }

  class Viewer {
    constructor(root, d) {
      this.root = root;
      this.d = d;
      this.step = 0;
      this.hide = {value: false, grad: false};
      this.answered = new Set();  // "v3", "g3": questions answered right
      this.selected = null;
      this.views = [...root.querySelectorAll(".view")].map((el, i) => makeView(this, el, d.views[i]));
      this.caption = root.querySelector(".caption");
      this.panel = root.querySelector(".panel");
      this.float = make("div", "float");
      this.float.hidden = true;
      root.querySelector(".pictures").append(this.float);
      this.buildControls();
      root.addEventListener("pointerdown", () => { active = this; });
      root.addEventListener("focusin", () => { active = this; });
      this.go(0);
    }

    // A new run of the program (the page's engine, after an edit): its steps and its picture,
    // drawn from one new layout, in place of the old; the step stays where it was, or the last.
    replace(d, svg) {
      const view = this.root.querySelector(".view");
      view.innerHTML = svg;
      this.d = d;
      this.views = [makeView(this, view, d.views[0])];
      this.state = null;
      this.selected = null;
      this.answered.clear();
      this.float.hidden = true;
      this.slider.max = d.steps.length;
      this.go(Math.min(this.step || d.steps.length, d.steps.length));
    }

    buildControls() {
      const bar = this.root.querySelector(".controls");
      const button = (key, act) => {
        const b = make("button", "act-" + key, t(key));
        b.addEventListener("click", act);
        bar.append(b);
        return b;
      };
      button("first", () => this.go(0));
      button("back", () => this.go(this.step - 1));
      this.playButton = button("play", () => this.togglePlay());
      button("next", () => this.go(this.step + 1));
      button("last", () => this.go(this.d.steps.length));
      this.slider = make("input", "slider");
      Object.assign(this.slider, {type: "range", min: 0, max: this.d.steps.length, value: 0});
      this.slider.addEventListener("input", () => this.go(Number(this.slider.value)));
      this.counter = make("span", "counter");
      bar.append(this.slider, this.counter);
      for (const kind of ["value", "grad"]) {
        const label = make("label", "toggle");
        const box = make("input", "hide-" + kind);
        box.type = "checkbox";
        box.addEventListener("change", () => { this.hide[kind] = box.checked; this.draw(); this.showPanel(); });
        label.append(box, " " + t(kind === "value" ? "hide_values" : "hide_grads"));
        bar.append(label);
      }
    }

    togglePlay() {
      if (this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      } else {
        if (this.step >= this.d.steps.length) this.go(0);
        this.timer = setInterval(() => (this.step >= this.d.steps.length ? this.togglePlay() : this.go(this.step + 1)), 700);
      }
      this.playButton.textContent = t(this.timer ? "pause" : "play");
    }

    // What the trace knows after `step` steps: values computed, gradients so far, messages sent.
    stateAt(step) {
      if (!this.state || step < this.state.step) this.state = {step: 0, known: new Set(), grad: new Map(), tangent: new Map(), sent: new Map()};
      const st = this.state;
      for (; st.step < step; st.step++) {
        const s = this.d.steps[st.step];
        if (s.k === "f") st.known.add(s.node);
        else if (s.k === "t") st.tangent.set(s.node, s.n);
        else st.grad.set(s.node, s.n);
        if (s.k === "b") st.sent.set(s.gate * 2 + s.slot, s);
      }
      return st;
    }

    go(step) {
      this.step = Math.max(0, Math.min(step, this.d.steps.length));
      this.draw();
      this.showPanel();
    }

    hidden(kind, node) { return this.hide[kind] && !this.answered.has(kind[0] + node); }

    draw() {
      const st = this.stateAt(this.step);
      for (const view of this.views) {
        if (view.el.hidden) continue;
        for (const line of view.lines) this.drawLine(line, st);
        this.highlight(view);
      }
      const s = this.d.steps[this.step - 1];
      this.caption.replaceChildren();
      if (s) {
        const asked = s.k === "f" ? this.hide.value : this.hide.grad;
        this.caption.append(make("span", "step-no", "[" + this.step + "] "), cells(asked ? s.ask : s.cap));
      } else {
        this.caption.append(make("span", "step-no", t("before_first")));
      }
      this.counter.textContent = t("step_of", {step: this.step, steps: this.d.steps.length});
      this.slider.value = this.step;
    }

    drawLine(line, st) {
      let shown = true, text = null;
      if (line.edge !== undefined) {
        const s = st.sent.get(line.edge);
        shown = !!s && (line.kind === "partial" || line.kind === "grad");
        if (line.kind === "note") shown = true;
        if (s) text = line.kind === "partial" ? s.local : this.hide.grad ? "?" : s.sent;
      } else {
        const id = line.node, node = this.d.nodes[id];
        if (line.kind === "value") text = node.leaf || (st.known.has(id) && !this.hidden("value", id)) ? node.v : "?";
        else if (line.kind === "grad") {
          shown = st.grad.has(id);
          text = this.hidden("grad", id) ? "?" : st.grad.get(id);
        } else if (line.kind === "tangent") {
          shown = st.tangent.has(id);
          text = st.tangent.get(id);
        }
      }
      if (line.shown !== shown) {
        line.text.style.display = shown ? "" : "none";
        line.shown = shown;
      }
      if (text !== null && text !== undefined && line.num && line.value !== text) {
        line.num.textContent = text;
        line.num.classList.toggle("unknown", text === "?");
        line.value = text;
      }
    }

    // The step's gate outlined, or its message's edge turned red against the arrow.
    highlight(view) {
      for (const [el, cls] of view.hot) el.classList.remove("hot", cls);
      view.hot = [];
      const s = this.d.steps[this.step - 1];
      if (!s) return;
      const mark = (el, cls) => { el.classList.add("hot", cls); view.hot.push([el, cls]); };
      if (s.k === "b") {
        const j = view.edgeOf.get(s.gate * 2 + s.slot);
        if (j !== undefined) return mark(view.edgeEls[j], "hot-grad");
        const from = view.nodeOf.get(s.gate), to = view.nodeOf.get(s.node);
        if (from !== undefined && from === to) mark(view.nodeEls[from], "hot-grad");
        return;
      }
      const i = view.nodeOf.get(s.node);
      if (i !== undefined) mark(view.nodeEls[i], s.k === "f" ? "hot-value" : s.k === "t" ? "hot-tangent" : "hot-grad");
    }

    clicked(view, i, event) {
      event.stopPropagation();
      active = this;
      const spec = view.spec;
      if (spec.expand && spec.expand[i] >= 0) return this.expand(spec.expand[i]);
      const id = spec.node ? spec.node[i] : Number(view.nodeEls[i].dataset.node);
      if (id === undefined || id < 0) return;
      this.selected = id;
      this.showPanel();
      this.showQuestions(view.nodeEls[i]);
    }

    expand(index) {
      this.views.forEach((view, i) => { if (i > 0) view.el.hidden = i !== index; });
      this.float.hidden = true;
      this.draw();
      this.views[index].el.scrollIntoView({block: "nearest"});
    }

    // The selected node in words: its forward line, its local partials, its gradient.
    showPanel() {
      const id = this.selected;
      this.panel.replaceChildren();
      if (id === null) {
        this.panel.append(make("p", "hint", t(this.hide.value || this.hide.grad ? "quiz_hint" : "click_hint")));
        return;
      }
      const node = this.d.nodes[id];
      this.panel.append(make("h3", "ink-name", node.name));
      const notYet = (step) => {
        const p = make("p", "not-yet", t("not_yet", {step}) + " ");
        const b = make("button", "go", t("go_to_step", {step}));
        b.addEventListener("click", () => this.go(step));
        p.append(b);
        return p;
      };
      if (node.leaf) {
        this.panel.append(make("p", "ink-value", node.name + " = " + node.v), make("p", "note", t(node.leaf === "input" ? "input" : "constant")));
      } else if (this.step < node.at) {
        this.panel.append(notYet(node.at));
      } else {
        const line = make("p", "forward");
        line.append(cells(this.hidden("value", id) ? this.d.steps[node.at - 1].ask : node.line));
        this.panel.append(line, make("p", "note", t("computed_at", {step: node.at})));
        if (!this.hidden("value", id)) {
          this.panel.append(make("h4", "", t("local_partials")));
          const list = make("ul", "partials");
          for (const p of node.partials) list.append(make("li", "ink-partial", p));
          this.panel.append(list);
        }
      }
      this.panel.append(make("h4", "", t("gradient")));
      if (node.g === undefined) this.panel.append(make("p", "note", t("no_grad")));
      else if (this.step < node.gat) this.panel.append(notYet(node.gat));
      else if (!this.hidden("grad", id)) {
        this.panel.append(make("p", "sum ink-grad", node.sum));
        const list = make("ul", "terms");
        for (const term of node.terms || []) list.append(make("li", "", term));
        this.panel.append(list, make("p", "note", t("complete_at", {step: node.gat})));
      }
      this.feedback = make("p", "feedback");
      this.panel.append(this.feedback);
    }

    // In a quiz, boxes over the node for the numbers hidden.
    showQuestions(nodeEl) {
      const id = this.selected, quiz = this.d.quiz;
      this.float.replaceChildren();
      const asks = [];
      if (this.hide.value && quiz.q["v" + id]) asks.push("v");
      if (this.hide.grad && quiz.q["g" + id]) asks.push("g");
      this.float.hidden = asks.length === 0;
      if (!asks.length) return;
      for (const kind of asks) {
        const question = quiz.q[kind + id];
        const row = make("label", "ask", question.subject + " = ");
        const input = make("input", "answer");
        input.dataset.q = kind + id;
        input.size = 9;
        input.addEventListener("keydown", (e) => { if (e.key === "Enter") this.check(kind, id, input); });
        const ok = make("button", "check", t("check"));
        ok.addEventListener("click", () => this.check(kind, id, input));
        row.append(input, ok);
        this.float.append(row);
      }
      const box = nodeEl.getBoundingClientRect(), frame = this.float.parentElement.getBoundingClientRect();
      this.float.style.left = (box.left - frame.left + this.float.parentElement.scrollLeft) + "px";
      this.float.style.top = (box.bottom - frame.top + this.float.parentElement.scrollTop + 2) + "px";
      this.float.querySelector("input").focus();
    }

    check(kind, id, input) {
      const quiz = this.d.quiz;
      const result = gatelabQuiz.answer(quiz.q[kind + id], quiz.others, id, kind === "g", input.value, quiz.words);
      if (!result) {
        this.feedback.textContent = t("not_a_number");
        this.feedback.className = "feedback bad";
        return;
      }
      const right = result.verdict === "right";
      if (right) this.answered.add(kind + id);
      this.draw();
      this.showPanel();
      this.feedback.textContent = right ? t("right") : t("wrong") + " " + result.text;
      this.feedback.className = "feedback " + (right ? "good" : "bad");
    }
  }

  const viewers = [...document.querySelectorAll(".viewer")].map((root, i) => new Viewer(root, data.viewers[i]));
  active = viewers[0] || null;
  document.addEventListener("keydown", (e) => {
    const tag = e.target.tagName;
    if (!active || (tag === "INPUT" && e.target.type !== "range" && e.target.type !== "checkbox") || tag === "TEXTAREA") return;
    const moves = {ArrowRight: active.step + 1, ArrowLeft: active.step - 1, Home: 0, End: active.d.steps.length};
    if (e.key in moves) {
      e.preventDefault();
      active.go(moves[e.key]);
    } else if (e.key === " ") {
      e.preventDefault();
      active.togglePlay();
    }
  });
  for (const button of document.querySelectorAll(".close-view"))
    button.addEventListener("click", () => { button.closest(".view").hidden = true; });
  return {viewers};
})();
