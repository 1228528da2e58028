// gatelab's site: each formula of a lesson's prose typeset by KaTeX (Debian's libjs-katex).
// md4c writes $...$ as <x-equation> and $$...$$ as <x-equation type="display">; a formula
// KaTeX cannot read stays as its TeX text.
"use strict";
/* global katex */

for (const el of document.querySelectorAll("x-equation")) {
  katex.render(el.textContent, el, {displayMode: el.getAttribute("type") === "display", throwOnError: false});
}
