// oO's service worker: keeps the shell (pages, styles, scripts, icons) so the app opens offline and
// says so. Network first, so a deploy is visible at once; the API is never cached.
"use strict";
importScripts("/swpush.js");

const CacheName = "oo-shell-v1";
const Shell = [
  "/", "/signin", "/connect", "/settings", "/legal/terms", "/legal/privacy",
  "/app.css", "/common.js", "/app.js", "/signin.js", "/connect.js", "/settings.js", "/push.js",
  "/manifest.webmanifest", "/icons/icon192.png", "/icons/icon512.png",
];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CacheName).then((cache) => cache.addAll(Shell)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name !== CacheName).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/api/") || url.pathname.startsWith("/auth/") || url.pathname.startsWith("/dashboard")) return;

  event.respondWith((async () => {
    try {
      const response = await fetch(request);
      if (response.ok && !response.redirected && Shell.includes(url.pathname)) {
        const copy = response.clone();
        event.waitUntil(caches.open(CacheName).then((cache) => cache.put(url.pathname, copy)));
      }
      return response;
    } catch (offline) {
      const cached = await caches.match(url.pathname, { ignoreSearch: true })
        || (request.mode === "navigate" ? await caches.match("/") : undefined);
      if (cached) return cached;
      throw offline;
    }
  })());
});
