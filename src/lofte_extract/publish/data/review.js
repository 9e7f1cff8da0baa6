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
  document.addEventListener("click", function (e) {
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
    var seg = e.target.closest(".hl[data-tip]");
    if (seg) { tip.textContent = seg.getAttribute("data-tip"); tip.hidden = false; } else { tip.hidden = true; }
  });
  document.addEventListener("mousemove", function (e) {
    if (tip.hidden) { return; }
    tip.style.left = Math.min(e.clientX + 14, window.innerWidth - 440) + "px";
    tip.style.top = (e.clientY + 16) + "px";
  });
})();
