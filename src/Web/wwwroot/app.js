// The tip page: one tip, three reactions. Dwell time runs from the moment the tip is visible.
(() => {
  "use strict";

  const $ = (id) => document.getElementById(id);
  let current = null;
  let shownAt = 0;

  async function api(path, options = {}) {
    const init = { credentials: "same-origin", ...options, headers: { Accept: "application/json", ...(options.headers || {}) } };
    if (options.body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(options.body);
    }
    return fetch(path, init);
  }

  function show(section) {
    for (const id of ["signin", "tip"]) $(id).hidden = id !== section;
  }

  async function loadTip() {
    const response = await api("/api/tip");
    if (response.status === 401) { show("signin"); return; }
    show("tip");
    const content = $("tip-content");
    if (response.status === 204) {
      current = null;
      content.textContent = "";
      $("empty").hidden = false;
      $("reactions").hidden = true;
      setTimeout(loadTip, 5000);
      return;
    }
    current = await response.json();
    $("empty").hidden = true;
    content.textContent = current.content;
    content.classList.remove("fading");
    shownAt = performance.now();
  }

  async function react(reaction) {
    if (!current) return;
    const tip = current;
    current = null;
    const dwellMs = Math.round(performance.now() - shownAt);
    $("reactions").hidden = true;
    $("tip-content").classList.add("fading");
    await api(`/api/tips/${encodeURIComponent(tip.tipId)}/feedback`, { method: "POST", body: { reaction, dwellMs } });
    await loadTip();
  }

  $("tip-content").addEventListener("click", () => { if (current) $("reactions").hidden = false; });
  $("reactions").addEventListener("click", (event) => {
    const reaction = event.target.closest("button")?.dataset.reaction;
    if (reaction) react(reaction);
  });
  document.addEventListener("keydown", (event) => {
    if (event.target instanceof HTMLInputElement) return;
    const reaction = { d: "done", s: "snooze", x: "dismiss" }[event.key];
    if (reaction) react(reaction);
    if (event.key === "Enter" && current) $("reactions").hidden = false;
  });

  $("dev-signin").addEventListener("submit", async (event) => {
    event.preventDefault();
    const response = await api("/auth/dev", { method: "POST", body: { email: $("email").value } });
    if (response.ok) { $("signin-error").textContent = ""; await loadTip(); return; }
    const problem = await response.json().catch(() => ({}));
    $("signin-error").textContent = problem.detail || Object.values(problem.errors || {}).flat()[0] || "Sign-in failed.";
  });

  loadTip();
})();
