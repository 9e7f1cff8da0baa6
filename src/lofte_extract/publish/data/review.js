(function () {
  "use strict";
  var tip = document.getElementById("tip");
  function segs(id) { return document.querySelectorAll(".h-" + id); }
  function flash(nodes) {
    nodes.forEach(function (n) { n.classList.remove("flash"); void n.offsetWidth; n.classList.add("flash"); });
  }
  // Native titles stay for readers without JS; with JS a styled tip replaces them.
  document.querySelectorAll(".hl[title]").forEach(function (s) {
    s.setAttribute("data-tip", s.getAttribute("title"));
    s.removeAttribute("title");
  });
  var current = null;  // the record whose values j/k step through
  var focused = null;  // the record the pointer is over
  function step(record, by) {
    var rows = Array.prototype.slice.call(record.querySelectorAll(".values li"));
    if (!rows.length) { return; }
    var at = rows.indexOf(record.querySelector(".values li.current"));
    var next = rows[(at + by + rows.length) % rows.length];
    rows.forEach(function (r) { r.classList.remove("current"); });
    next.classList.add("current");
    next.scrollIntoView({ behavior: "smooth", block: "nearest" });
    var ref = next.getAttribute("data-ref"), found = ref ? segs(ref) : [];
    if (found.length) { found[0].scrollIntoView({ behavior: "smooth", block: "center" }); flash(Array.prototype.slice.call(found)); }
    flash([next]);
    current = record;
  }
  document.addEventListener("keydown", function (e) {
    var typing = e.target && e.target.closest && e.target.closest("input, textarea, select");
    if (typing || e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (e.key === "j" || e.key === "k") {
      var record = current || document.querySelector(".record");
      if (record) { step(record, e.key === "j" ? 1 : -1); }
    }
  });
  document.addEventListener("click", function (e) {
    var toggle = e.target.closest("button.toggle");
    if (toggle) {
      var on = toggle.getAttribute("aria-pressed") !== "true";
      toggle.setAttribute("aria-pressed", on ? "true" : "false");
      document.body.classList.toggle("hide-" + toggle.getAttribute("data-kind"), !on);
      return;
    }
    var stepper = e.target.closest("button[data-step]");
    if (stepper) { step(stepper.closest(".record"), parseInt(stepper.getAttribute("data-step"), 10)); return; }
    var record = e.target.closest(".record");
    if (record) { current = record; }
    var row = e.target.closest("[data-ref]");
    if (row) {
      var id = row.getAttribute("data-ref"), found = segs(id);
      if (!found.length) { return; }
      e.preventDefault();
      found[0].scrollIntoView({ behavior: "smooth", block: "center" });
      flash(Array.prototype.slice.call(found));
      return;
    }
    var seg = e.target.closest(".hl[data-ids]");
    if (seg) {
      var ids = seg.getAttribute("data-ids").split(" ");
      var field = document.querySelector('[data-ref="' + ids[ids.length - 1] + '"]');
      if (field) { field.scrollIntoView({ behavior: "smooth", block: "center" }); flash([field]); }
    }
  });
  document.addEventListener("mouseover", function (e) {
    var row = e.target.closest("[data-ref]");
    document.querySelectorAll(".active").forEach(function (n) { n.classList.remove("active"); });
    if (row) { segs(row.getAttribute("data-ref")).forEach(function (n) { n.classList.add("active"); }); }
    // Over a record of a page holding several, dim the other records' highlights.
    var record = e.target.closest(".record[data-prefix]");
    var pane = record && record.closest(".source").querySelector("pre.text");
    document.querySelectorAll("pre.text.focus").forEach(function (p) { if (p !== pane) { p.classList.remove("focus"); } });
    if (record !== focused) { focused = record; } else { record = null; }  // recompute on change only
    if (pane && record && record.getAttribute("data-prefix")) {
      var prefix = record.getAttribute("data-prefix") + "-";
      pane.classList.add("focus");
      pane.querySelectorAll(".hl[data-ids]").forEach(function (h) {
        var mine = h.getAttribute("data-ids").split(" ").some(function (id) { return id.indexOf(prefix) === 0; });
        h.classList.toggle("mine", mine);
      });
    }
    var seg = e.target.closest(".hl[data-tip]");
    if (seg) { tip.textContent = seg.getAttribute("data-tip"); tip.hidden = false; } else { tip.hidden = true; }
  });
  document.addEventListener("mousemove", function (e) {
    if (tip.hidden) { return; }
    tip.style.left = Math.min(e.clientX + 14, window.innerWidth - 440) + "px";
    tip.style.top = (e.clientY + 16) + "px";
  });
})();
