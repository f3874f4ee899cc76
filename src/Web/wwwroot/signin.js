// The sign-in page: the configured providers, and development sign-in where the server offers it.
(() => {
  "use strict";

  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  const returnUrl = oo.localPath(params.get("returnUrl") || "/");
  const notices = {
    deleted: "Your account is deleted, with everything oO held about it.",
    signedout: "You are signed out.",
    signedouteverywhere: "You are signed out on every device.",
  };
  const errors = {
    external: "Signing in did not work. Try again.",
    access_denied: "Signing in was cancelled at the provider, so you are not signed in.",
    provider_unavailable: "The sign-in provider could not be reached. Try again in a moment.",
  };

  if (notices[params.get("notice")]) $("notice").textContent = notices[params.get("notice")];
  if (errors[params.get("error")]) $("signin-error").textContent = errors[params.get("error")];

  function provider(p) {
    const link = document.createElement("a");
    link.className = "button";
    link.href = p.signInUrl;
    link.dataset.provider = p.name;
    link.textContent = `Continue with ${p.displayName}`;
    return link;
  }

  async function start() {
    try {
      // Already signed in: go straight on.
      const me = await oo.api("/api/me");
      if (me.ok) { location.replace(returnUrl); return; }
      const response = await oo.api(`/auth/providers?returnUrl=${encodeURIComponent(returnUrl)}`);
      if (!response.ok) throw new Error(String(response.status));
      const offer = await response.json();
      $("providers").replaceChildren(...offer.providers.map(provider));
      $("dev-signin").hidden = !offer.devSignIn;
      $("no-providers").hidden = offer.providers.length > 0 || offer.devSignIn;
    } catch {
      $("signin-error").textContent = navigator.onLine ? "Sign-in is unavailable right now. Try again in a moment." : "You are offline. Sign in when you are back.";
    }
  }

  $("dev-signin").addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = event.submitter;
    if (button) button.disabled = true;
    try {
      const response = await oo.api("/auth/dev", { method: "POST", body: { email: $("email").value.trim() } });
      if (response.ok) { location.assign(returnUrl); return; }
      $("signin-error").textContent = await oo.problemText(response, "Sign-in failed.");
    } catch {
      $("signin-error").textContent = "You are offline. Sign in when you are back.";
    } finally {
      if (button) button.disabled = false;
    }
  });

  start();
})();
