// Shared by every page: calls to oO's API, the signed-out redirect, and the service worker.
(() => {
  "use strict";

  async function api(path, options = {}) {
    const method = options.method || "GET";
    const init = { credentials: "same-origin", method, headers: { Accept: "application/json" } };
    // The server takes a POST only as JSON (what no cross-site form can send), so a bodyless POST sends {}.
    const body = options.body === undefined && method === "POST" ? {} : options.body;
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(path, init);
  }

  /** A problem response's sentence for a person, or the fallback. */
  async function problemText(response, fallback) {
    const problem = await response.json().catch(() => ({}));
    return problem.detail || Object.values(problem.errors || {}).flat()[0] || problem.title || fallback;
  }

  /**
   * Only paths on this site: never send anyone to another site after signing in. Parsed the way the
   * browser will navigate (it drops tabs and newlines, so "/\t/evil.example" is "//evil.example").
   */
  function localPath(value) {
    if (typeof value !== "string" || !value.startsWith("/")) return "/";
    let url;
    try {
      url = new URL(value, location.origin);
    } catch {
      return "/";
    }
    return url.origin === location.origin ? url.pathname + url.search + url.hash : "/";
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
