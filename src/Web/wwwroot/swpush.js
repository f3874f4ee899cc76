// Push for oO's service worker (pulled in by sw.js with importScripts): show the one tip a push
// carries, and on a click open "/" on that tip and tell oO the notification was opened.
"use strict";

self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = {};
  }

  event.waitUntil(self.registration.showNotification(data.title || "oO", {
    body: data.body || "",
    // One tip at a time: a newer notification replaces the one still showing.
    tag: "oo-tip",
    icon: "/icons/icon192.png",
    data: { url: data.url || "/", tipId: data.tipId || null },
  }));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const { url, tipId } = event.notification.data || {};
  let target = new URL(url || "/", self.location.origin);
  if (target.origin !== self.location.origin) target = new URL("/", self.location.origin);

  const opened = tipId
    ? fetch("/api/push/opened", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ tipId }),
    }).catch(() => {})
    : Promise.resolve();

  const shown = (async () => {
    const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
    const page = windows.find((client) => new URL(client.url).origin === self.location.origin);
    if (page) {
      try {
        const navigated = "navigate" in page ? await page.navigate(target.href) : null;
        await (navigated || page).focus();
        return;
      } catch {
        // An uncontrolled page cannot be navigated from here: open a new one.
      }
    }
    await self.clients.openWindow(target.href);
  })();

  event.waitUntil(Promise.all([opened, shown]));
});
