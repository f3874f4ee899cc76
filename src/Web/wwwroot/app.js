// The tip page: exactly one tip. Tap, click or Enter reveals the reactions; d, s and x react at once.
// Dwell time runs from the moment the tip is visible until the reaction. A tip oO wrote (advice, insight, reminder)
// is answered "Helpful", "Not now" or "Not useful": the same three reactions (done, snooze, dismiss) under other names.
(() => {
  "use strict";

  const $ = (id) => document.getElementById(id);
  const content = $("tip-content");
  const reactions = $("reactions");
  const area = $("tip");
  const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
  const EmptyRetryMs = 5000;
  const SyncingRetryMs = 1000;
  // Why there is no tip, as GET /api/tip says on a 204 (TipsApi.StateHeader).
  const EmptyStates = ["syncing", "all-done", "no-source"];
  const SourceNames = { todoist: "Todoist", demo: "demo tasks", ai: "oO's writing assistant", rules: "oO, from your own history" };
  const KindNames = { task: "Task", advice: "Advice", insight: "Insight", reminder: "Reminder" };
  const ReactionNames = {
    task: { done: "Done", snooze: "Snooze", dismiss: "Dismiss" },
    written: { done: "Helpful", snooze: "Not now", dismiss: "Not useful" },
  };
  let current = null;
  let shownAt = null;
  let busy = false;
  let retry = 0;

  const fadeMs = () => (reducedMotion.matches ? 0 : 600);
  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

  function showOnly(which) {
    for (const id of ["tip-content", "empty", "offline"]) $(id).hidden = id !== which;
    $("tip-source").hidden = which !== "tip-content" || !$("tip-source").textContent;
    $("tip-kind").hidden = which !== "tip-content";
    $("hint").hidden = which !== "tip-content";
    if (which !== "tip-content") hideReactions();
  }

  function hideReactions() {
    reactions.hidden = true;
    content.setAttribute("aria-expanded", "false");
  }

  function revealReactions() {
    if (!current || busy) return;
    reactions.hidden = false;
    content.setAttribute("aria-expanded", "true");
    $("hint").hidden = true;
    reactions.querySelector("button").focus();
  }

  // The clock starts when the person can actually see the tip: page visible and faded in.
  function startDwellClock() {
    shownAt = document.visibilityState === "visible" ? performance.now() : null;
  }

  document.addEventListener("visibilitychange", () => {
    if (current && shownAt === null && document.visibilityState === "visible") shownAt = performance.now();
  });

  async function loadTip() {
    clearTimeout(retry);
    let response;
    try {
      response = await oo.api("/api/tip");
    } catch {
      current = null;
      showOnly("offline");
      area.setAttribute("aria-busy", "false");
      return;
    }

    if (response.status === 401) { oo.toSignIn(); return; }
    area.setAttribute("aria-busy", "false");
    if (response.status === 204) {
      current = null;
      const said = response.headers.get("OO-Tip-State");
      const state = EmptyStates.includes(said) ? said : "no-source";
      for (const block of $("empty").querySelectorAll("[data-state]")) block.hidden = block.dataset.state !== state;
      showOnly("empty");
      retry = setTimeout(loadTip, state === "syncing" ? SyncingRetryMs : EmptyRetryMs);
      return;
    }

    if (!response.ok) {
      $("tip-error").textContent = await oo.problemText(response, "The tip could not be loaded. Try again in a moment.");
      return;
    }

    $("tip-error").textContent = "";
    current = await response.json();
    content.classList.add("fading");
    content.textContent = current.content;
    content.dataset.tipId = current.tipId;
    $("tip-source").textContent = current.source ? `from ${SourceNames[current.source] || current.source}` : "";
    showKind(current.kind);
    showOnly("tip-content");
    await nextFrame();
    content.classList.remove("fading");
    startDwellClock();
  }

  // The label above the tip and the reactions' names follow the tip's kind; an unknown kind reads as a task.
  function showKind(kind) {
    const known = Object.hasOwn(KindNames, kind) ? kind : "task";
    $("tip-kind").textContent = KindNames[known];
    const names = known === "task" ? ReactionNames.task : ReactionNames.written;
    for (const button of reactions.querySelectorAll("button[data-reaction]")) {
      button.querySelector("[data-label]").textContent = names[button.dataset.reaction];
    }
  }

  async function react(reaction) {
    if (!current || busy) return;
    busy = true;
    const tip = current;
    const dwellMs = shownAt === null ? 0 : Math.max(0, Math.round(performance.now() - shownAt));
    hideReactions();
    content.classList.add("fading");
    try {
      const [response] = await Promise.all([
        oo.api(`/api/tips/${encodeURIComponent(tip.tipId)}/feedback`, { method: "POST", body: { reaction, dwellMs } }),
        wait(fadeMs()),
      ]);
      if (response.status === 401) { oo.toSignIn(); return; }
      // 409 means this tip already has its reaction (another tab): move on all the same.
      if (!response.ok && response.status !== 409) {
        $("tip-error").textContent = await oo.problemText(response, "That reaction did not go through. Try again.");
        content.classList.remove("fading");
        return;
      }
      current = null;
      await loadTip();
    } catch {
      content.classList.remove("fading");
      $("tip-error").textContent = "You are offline; the reaction was not sent.";
    } finally {
      busy = false;
    }
  }

  content.addEventListener("click", () => (reactions.hidden ? revealReactions() : hideReactions()));
  reactions.addEventListener("click", (event) => {
    const reaction = event.target.closest("button")?.dataset.reaction;
    if (reaction) react(reaction);
  });

  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
    const reaction = { d: "done", s: "snooze", x: "dismiss" }[event.key.toLowerCase()];
    if (reaction && current) { event.preventDefault(); react(reaction); return; }
    // Enter on a focused control does what that control does; anywhere else it reveals the reactions.
    if (event.key === "Enter" && !(event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement)) {
      event.preventDefault();
      revealReactions();
    }
    if (event.key === "Escape" && !reactions.hidden) { hideReactions(); content.focus(); }
  });

  window.addEventListener("online", () => { if (!current) loadTip(); });
  window.addEventListener("offline", () => { if (!current) showOnly("offline"); });

  loadTip();
})();
