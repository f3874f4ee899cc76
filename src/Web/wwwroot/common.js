// Shared by every page: calls to oO's API, the signed-out redirect, and the service worker.
(() => {
  "use strict";

  async function api(path, options = {}) {
    const init = { credentials: "same-origin", method: options.method || "GET", headers: { Accept: "application/json" } };
    if (options.body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(options.body);
    }
    return fetch(path, init);
  }

  /** A problem response's sentence for a person, or the fallback. */
  async function problemText(response, fallback) {
    const problem = await response.json().catch(() => ({}));
    return problem.detail || Object.values(problem.errors || {}).flat()[0] || problem.title || fallback;
  }

  /** Only paths on this site: never send anyone to another site after signing in. */
  function localPath(value) {
    return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/";
  }

  function toSignIn() {
    const back = location.pathname + location.search;
    location.replace(back === "/" ? "/signin" : `/signin?returnUrl=${encodeURIComponent(back)}`);
  }

  window.oo = { api, problemText, localPath, toSignIn };

  if ("serviceWorker" in navigator) {
    window.addEventListener("load", () => navigator.serviceWorker.register("/sw.js").catch(() => {}));
  }
})();
