// The review page's script: links between highlights and the list, filters, and the editor's
// decisions (keyboard, buttons, local storage, preview, download). Included inline by
// review.html.j2; reads only the JSON data block and puts document text in as text nodes.
(function () {
  "use strict";
  function reveal(el) {
    for (var d = el.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) { d.open = true; }
  }
  function follow(mark) {
    var item = document.getElementById("item-" + mark.getAttribute("data-id"));
    if (!item) { return; }
    reveal(item);
    location.hash = "item-" + mark.getAttribute("data-id");
    item.focus();
    if (item.classList.contains("decidable")) { setCurrent(item, false); }
  }
  window.addEventListener("hashchange", function () {
    var target = document.getElementById(location.hash.slice(1));
    if (target) { reveal(target); }
  });
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
  var toggle = document.getElementById("only-unresolved");
  var hideDecided = document.getElementById("hide-decided");
  toggle.parentElement.parentElement.hidden = false;
  toggle.addEventListener("change", function () { document.body.classList.toggle("only-unresolved", toggle.checked); });
  hideDecided.addEventListener("change", function () { document.body.classList.toggle("hide-decided", hideDecided.checked); });

  // ---- decisions ------------------------------------------------------------------------
  var data = JSON.parse(document.getElementById("review-data").textContent);
  var chars = Array.from(data.text);  // offsets are code points, as in Python
  var byId = {};
  data.findings.forEach(function (f) { byId[f.id] = f; });
  var storeKey = "repairkit.decisions/1:" + data.document.sha256;
  var state = {};
  var undoStack = [];
  var current = null;
  var status = document.getElementById("status");
  var preview = document.getElementById("preview");
  var textPane = document.getElementById("text");

  function load() {
    var start = null;
    try { start = JSON.parse(window.localStorage.getItem(storeKey) || "null"); } catch (err) { start = null; }
    start = start || data.initial;
    // Kept decisions about findings this page does not show (another run, other references) are left out.
    Object.keys(start || {}).forEach(function (id) {
      var d = start[id];
      if (byId[id] && d && (d.d === "rejected" || editOf(id, d))) { state[id] = d; }
    });
  }
  function save() {
    try { window.localStorage.setItem(storeKey, JSON.stringify(state)); } catch (err) { say("could not keep the decisions in this browser: download them"); }
  }
  function say(message) { status.textContent = message; }
  function firstValue(f) { return f.suggestions.length ? f.suggestions[0] : null; }
  function suggestion(f, index) {
    for (var i = 0; i < f.suggestions.length; i++) { if (f.suggestions[i].index === index) { return f.suggestions[i]; } }
    return null;
  }
  function editOf(id, d) {
    var f = byId[id];
    if (!d || d.d === "rejected") { return null; }
    if (d.d === "accepted") {
      var s = suggestion(f, d.s);
      return s ? {id: id, start: s.start, end: s.end, before: s.before, after: s.after, editor: false} : null;
    }
    var at = d.s === null || d.s === undefined ? f.edit : suggestion(f, d.s);
    return at ? {id: id, start: at.start, end: at.end, before: at.before, after: d.v, editor: true} : null;
  }
  function clash(a, b) {
    if (a.start === a.end && b.start === b.end) { return a.start === b.start; }
    if (a.start === a.end) { return b.start < a.start && a.start < b.end; }
    if (b.start === b.end) { return a.start < b.start && b.start < a.end; }
    return a.start < b.end && b.start < a.end;
  }
  function conflictFor(id, d) {
    var e = editOf(id, d);
    if (!e) { return null; }
    var ids = Object.keys(state);
    for (var i = 0; i < ids.length; i++) {
      if (ids[i] === id) { continue; }
      var other = editOf(ids[i], state[ids[i]]);
      if (other && clash(e, other)) { return ids[i]; }
    }
    return null;
  }
  function set(changes) {  // [[id, decision or null]], one undo step
    var applied = [];
    say("");
    changes.forEach(function (c) {
      var id = c[0], d = c[1];
      var other = conflictFor(id, d);
      if (other) { say(id + " changes the same text as " + other + ", already decided: undo or reject that one first"); return; }
      applied.push([id, state[id] || null]);
      if (d) { state[id] = d; } else { delete state[id]; }
    });
    if (!applied.length) { return 0; }
    undoStack.push(applied);
    save();
    applied.forEach(function (a) { paint(a[0]); });
    refresh();
    return applied.length;
  }
  function label(id) {
    var d = state[id];
    if (!d) { return "open"; }
    if (d.d === "rejected") { return "rejected: left as it is"; }
    var e = editOf(id, d);
    if (d.d === "edited") { return "edited: your value \u201c" + (e ? e.after : d.v) + "\u201d (from the editor, not a source)"; }
    return "accepted: \u201c" + (e ? e.after : "") + "\u201d";
  }
  function paint(id) {
    var item = document.getElementById("item-" + id);
    var mark = document.getElementById("f-" + id);
    var d = state[id];
    ["accepted", "edited", "rejected"].forEach(function (k) {
      var on = !!d && d.d === k;
      if (item) { item.classList.toggle("decided-" + k, on); }
      if (mark) { mark.classList.toggle("d-" + k, on); }
    });
    if (item) {
      item.classList.toggle("decided", !!d);
      var st = item.querySelector(".decide .state");
      if (st) { st.textContent = label(id); }
    }
  }
  var pending = false;
  function refresh() {
    var counts = {accepted: 0, edited: 0, rejected: 0};
    var byCat = {};
    data.findings.forEach(function (f) {
      var k = state[f.id] ? state[f.id].d : "open";
      if (k !== "open") { counts[k] += 1; }
      byCat[f.category] = byCat[f.category] || {accepted: 0, edited: 0, rejected: 0, open: 0};
      byCat[f.category][k] += 1;
    });
    var decided = counts.accepted + counts.edited + counts.rejected;
    document.getElementById("decision-count").textContent = decided + " of " + data.findings.length +
      " decided: " + counts.accepted + " accepted, " + counts.edited + " edited, " + counts.rejected +
      " rejected, " + (data.findings.length - decided) + " left open";
    document.querySelectorAll("#desk-table tr[data-cat]").forEach(function (row) {
      var c = byCat[row.getAttribute("data-cat")] || {};
      row.querySelectorAll("td[data-k]").forEach(function (td) { td.textContent = String(c[td.getAttribute("data-k")] || 0); });
    });
    if (!pending) { pending = true; window.requestAnimationFrame(function () { pending = false; renderPreview(); }); }
  }
  function renderPreview() {
    var edits = Object.keys(state).map(function (id) { return editOf(id, state[id]); }).filter(Boolean);
    edits.sort(function (a, b) { return a.start - b.start || a.end - b.end; });
    var frag = document.createDocumentFragment();
    var pos = 0;
    edits.forEach(function (e) {
      frag.appendChild(document.createTextNode(chars.slice(pos, e.start).join("")));
      if (e.end > e.start) { var del = document.createElement("del"); del.textContent = chars.slice(e.start, e.end).join(""); frag.appendChild(del); }
      if (e.after) {
        var ins = document.createElement("ins");
        ins.textContent = e.after;
        if (e.editor) { ins.className = "by-editor"; ins.title = "typed by the editor, not from a source"; }
        frag.appendChild(ins);
      }
      pos = e.end;
    });
    frag.appendChild(document.createTextNode(chars.slice(pos).join("")));
    preview.replaceChildren(frag);
  }

  var items = Array.prototype.slice.call(document.querySelectorAll("li.item.decidable"));
  function shown(item) {
    if (document.body.classList.contains("only-unresolved") && !item.classList.contains("unresolved")) { return false; }
    return !(document.body.classList.contains("hide-decided") && item.classList.contains("decided"));
  }
  function setCurrent(item, focus) {
    if (current) { current.classList.remove("current"); var old = document.getElementById("f-" + current.getAttribute("data-id")); if (old) { old.classList.remove("current"); } }
    current = item;
    if (!item) { return; }
    item.classList.add("current");
    var mark = document.getElementById("f-" + item.getAttribute("data-id"));
    if (mark) { mark.classList.add("current"); }
    reveal(item);
    if (focus) { item.focus({preventScroll: true}); item.scrollIntoView({block: "nearest"}); }
  }
  function move(step) {
    var i = current ? items.indexOf(current) : (step > 0 ? -1 : items.length);
    for (i += step; i >= 0 && i < items.length; i += step) {
      if (shown(items[i])) { setCurrent(items[i], true); return; }
    }
  }
  function accept(id, index) {
    var f = byId[id];
    var s = index === undefined ? firstValue(f) : suggestion(f, index);
    if (!s) { say(id + ": no value to accept; press e to type it (it will be marked as yours)"); return; }
    set([[id, {d: "accepted", s: s.index, v: null}]]);
  }
  function reject(id) { set([[id, {d: "rejected", s: null, v: null}]]); }
  // One edit form, moved into the finding being edited: a text field per finding would cost
  // seconds of layout on a page with thousands of findings.
  var editForm = document.getElementById("edit-form");
  function openEdit(id) {
    var item = document.getElementById("item-" + id);
    var f = byId[id];
    if (!item || !f.edit) { say(id + ": this finding has no span to type a value into"); return; }
    var form = editForm;
    item.appendChild(form);
    form.querySelector(".what").textContent = f.hole ? "Value" : "Replacement";
    var d = state[id];
    var input = form.querySelector("input");
    var s = firstValue(f);
    input.value = d && d.d === "edited" ? d.v : (s ? s.after : f.edit.before);
    form.hidden = false;
    reveal(item);
    input.focus();
    input.select();
  }
  function submitEdit(form) {
    var item = form.closest("li.item");
    var id = item.getAttribute("data-id");
    var f = byId[id];
    var value = form.querySelector("input").value;
    var s = firstValue(f);
    if (f.hole && !value.trim()) { say(id + ": type the value, or press Escape and r to leave the place as it is"); return; }
    form.hidden = true;
    if (s && value === s.after) { accept(id, s.index); } else { set([[id, {d: "edited", s: s ? s.index : null, v: value}]]); }
    setCurrent(item, true);
  }
  function undo() {
    var step = undoStack.pop();
    if (!step) { say("nothing to undo"); return; }
    step.slice().reverse().forEach(function (a) { if (a[1]) { state[a[0]] = a[1]; } else { delete state[a[0]]; } });
    save();
    step.forEach(function (a) { paint(a[0]); });
    refresh();
    say("undone (" + step.length + ")");
  }
  function acceptAll(test, what) {
    var changes = [];
    data.findings.forEach(function (f) {
      var s = firstValue(f);
      if (!state[f.id] && s && test(f, s)) { changes.push([f.id, {d: "accepted", s: s.index, v: null}]); }
    });
    var n = changes.length ? set(changes) : 0;
    say("accepted " + n + " " + what + (n < changes.length ? " (" + (changes.length - n) + " changed the same text as a decided one)" : ""));
  }
  function fromRef(ref) {
    return function (f, s) { return !f.competing && s.evidence.some(function (e) { return e.source === ref; }); };
  }
  function exportDecisions() {
    var out = [];
    data.findings.forEach(function (f) {
      var d = state[f.id];
      if (!d) { return; }
      var rec = {finding: f.id, code: f.code, category: f.category, decision: d.d};
      var e = editOf(f.id, d);
      if (d.d === "accepted" && e) {
        var s = suggestion(f, d.s);
        Object.assign(rec, {suggestion: s.index, start: e.start, end: e.end, before: e.before, after: e.after, value_source: "suggestion",
                            confidence: s.confidence, applicability: s.applicability, note: s.note, evidence: s.evidence});
      } else if (d.d === "edited" && e) {
        Object.assign(rec, {suggestion: d.s === undefined ? null : d.s, start: e.start, end: e.end, before: e.before, after: e.after,
                            value_source: "editor"});
      }
      out.push(rec);
    });
    return {schema: data.schema, tool: data.tool, document: data.document, references: data.references, decisions: out};
  }
  function download() {
    var blob = new Blob([JSON.stringify(exportDecisions(), null, 2) + "\n"], {type: "application/json"});
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = data.download;
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    say("downloaded " + a.download + ": apply it with repairkit fix " + data.document.path + " --decisions " + a.download);
  }
  function showTab(which) {
    var p = which === "preview";
    preview.hidden = !p;
    textPane.hidden = p;
    document.getElementById("tab-preview").setAttribute("aria-selected", String(p));
    document.getElementById("tab-text").setAttribute("aria-selected", String(!p));
    if (p) { renderPreview(); }
  }

  document.addEventListener("click", function (e) {
    var mark = e.target.closest && e.target.closest("mark.finding");
    if (mark) { follow(mark); return; }
    var button = e.target.closest && e.target.closest("button");
    var item = e.target.closest && e.target.closest("li.item.decidable");
    if (button && item) {
      var id = item.getAttribute("data-id");
      var act = button.getAttribute("data-act");
      setCurrent(item, false);
      if (act === "accept") { accept(id, button.hasAttribute("data-s") ? Number(button.getAttribute("data-s")) : undefined); }
      else if (act === "reject") { reject(id); }
      else if (act === "edit") { openEdit(id); }
      else if (act === "cancel") { button.closest("form").hidden = true; setCurrent(item, true); }
    } else if (item && !e.target.closest("a, input, form")) { setCurrent(item, false); }
  });
  document.addEventListener("submit", function (e) { e.preventDefault(); submitEdit(e.target); });
  document.addEventListener("keydown", function (e) {
    var mark = e.target.closest && e.target.closest("mark.finding");
    if (mark && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); follow(mark); return; }
    if (e.target.closest && e.target.closest("input, textarea, select")) {
      if (e.key === "Escape") { var form = e.target.closest("form.edit-form"); if (form) { form.hidden = true; setCurrent(form.closest("li.item"), true); } }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    var id = current ? current.getAttribute("data-id") : null;
    if (e.key === "j") { move(1); }
    else if (e.key === "k") { move(-1); }
    else if (e.key === "u") { undo(); }
    else if (e.key === "p") { showTab(preview.hidden ? "preview" : "text"); }
    else if (id && e.key === "a") { accept(id); }
    else if (id && e.key === "r") { reject(id); }
    else if (id && e.key === "e") { e.preventDefault(); openEdit(id); }
    else if ("are".indexOf(e.key) >= 0 && e.key.length === 1) { say("press j to pick a finding first"); }
    else { return; }
  });
  document.getElementById("accept-safe").addEventListener("click", function () {
    acceptAll(function (f, s) { return s.applicability === "safe"; }, "safe suggestions");
  });
  document.querySelectorAll("button.accept-ref").forEach(function (b) {
    var ref = b.getAttribute("data-ref");
    var test = fromRef(ref);
    var n = data.findings.filter(function (f) { var s = firstValue(f); return s && test(f, s); }).length;
    b.appendChild(document.createTextNode(" (" + n + ")"));
    b.addEventListener("click", function () { acceptAll(test, "suggestions from " + ref); });
  });
  document.getElementById("accept-safe").appendChild(document.createTextNode(" (" +
    data.findings.filter(function (f) { var s = firstValue(f); return s && s.applicability === "safe"; }).length + ")"));
  document.getElementById("undo").addEventListener("click", undo);
  document.getElementById("download").addEventListener("click", download);
  document.getElementById("tab-text").addEventListener("click", function () { showTab("text"); });
  document.getElementById("tab-preview").addEventListener("click", function () { showTab("preview"); });
  document.querySelector(".tabs").hidden = false;
  document.querySelectorAll(".decide").forEach(function (d) { d.hidden = false; });
  window.repairkitReview = {state: state, exportDecisions: exportDecisions};
  load();
  Object.keys(state).forEach(paint);
  refresh();
}());
