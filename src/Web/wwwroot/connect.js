// The Connect page: each source with its status; connect goes to the provider, disconnect is one call.
(() => {
  "use strict";

  const $ = (id) => document.getElementById(id);
  const list = $("integrations");
  const minute = 60 * 1000;

  function ago(iso) {
    const ms = Date.now() - new Date(iso).getTime();
    if (Number.isNaN(ms)) return "";
    if (ms < minute) return "just now";
    const format = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
    if (ms < 60 * minute) return format.format(-Math.round(ms / minute), "minute");
    if (ms < 48 * 60 * minute) return format.format(-Math.round(ms / (60 * minute)), "hour");
    return format.format(-Math.round(ms / (24 * 60 * minute)), "day");
  }

  function describe(item) {
    switch (item.status) {
      case "connected": return item.lastSyncAt ? `Connected · synced ${ago(item.lastSyncAt)}` : "Connected · first sync on its way";
      case "needs-reconnection": return "Needs reconnection: the app no longer accepts oO's access.";
      default: return "Not connected";
    }
  }

  function button(text, className) {
    const element = document.createElement("button");
    element.type = "button";
    element.textContent = text;
    if (className) element.className = className;
    return element;
  }

  function connectLink(item, text) {
    const link = document.createElement("a");
    link.className = "button";
    link.href = item.connectUrl;
    link.textContent = text;
    link.setAttribute("aria-label", `${text} ${item.displayName}`);
    return link;
  }

  function render(items) {
    list.replaceChildren(...items.map((item) => {
      const row = document.createElement("li");
      row.className = "integration";
      row.dataset.provider = item.provider;
      row.dataset.status = item.status;

      const text = document.createElement("div");
      const name = document.createElement("h2");
      name.textContent = item.displayName;
      const status = document.createElement("p");
      status.className = `status status-${item.status}`;
      status.textContent = describe(item);
      text.append(name, status);
      if (item.lastError) {
        const error = document.createElement("p");
        error.className = "hint";
        error.textContent = item.lastError;
        text.append(error);
      }

      const actions = document.createElement("div");
      actions.className = "actions";
      if (item.status !== "connected" && item.connectUrl) {
        actions.append(connectLink(item, item.status === "needs-reconnection" ? "Reconnect" : "Connect"));
      }
      if (item.status !== "disconnected") {
        const disconnect = button("Disconnect");
        disconnect.setAttribute("aria-label", `Disconnect ${item.displayName}`);
        disconnect.addEventListener("click", () => disconnectSource(item, disconnect));
        actions.append(disconnect);
      }
      row.append(text, actions);
      return row;
    }));
    $("none").hidden = items.length > 0;
    list.setAttribute("aria-busy", "false");
  }

  async function load() {
    try {
      const response = await oo.api("/api/integrations");
      if (response.status === 401) { oo.toSignIn(); return; }
      // A server without integrations yet answers 404: that is an empty list, not an error.
      render(response.ok ? await response.json() : []);
    } catch {
      render([]);
      $("connect-error").textContent = "You are offline. Sources show here when you are back.";
    }
  }

  async function disconnectSource(item, control) {
    control.disabled = true;
    $("connect-error").textContent = "";
    try {
      const response = await oo.api(`/api/integrations/${encodeURIComponent(item.provider)}`, { method: "DELETE" });
      if (response.status === 401) { oo.toSignIn(); return; }
      if (!response.ok) {
        $("connect-error").textContent = await oo.problemText(response, `${item.displayName} could not be disconnected.`);
        control.disabled = false;
        return;
      }
      $("status").textContent = `${item.displayName} is disconnected.`;
      await load();
    } catch {
      $("connect-error").textContent = "You are offline; nothing was changed.";
      control.disabled = false;
    }
  }

  if (new URLSearchParams(location.search).get("connected")) $("status").textContent = "Connected.";
  load();
})();
