// Polls the pack's status while it is being built; reloads the page when it has finished.
// Without JavaScript the page refreshes itself (a <noscript> meta refresh).
(function () {
  var box = document.getElementById("pack-status");
  var url = box && box.getAttribute("data-status-url");
  if (!url) return;
  function poll() {
    fetch(url, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        if (s.finished) { window.location.reload(); return; }
        var text = box.querySelector(".js-progress");
        var bar = box.querySelector(".js-progress-bar");
        if (text) text.textContent = s.done + " of " + s.total + " formulations done";
        if (bar) { bar.max = s.total; bar.value = s.done; }
        window.setTimeout(poll, 1500);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
