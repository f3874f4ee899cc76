// Web Push on this device: subscribe through the service worker's PushManager with oO's VAPID key
// and register the subscription with the API; unsubscribe. The settings page's notify-me toggle uses it.
(() => {
  "use strict";

  function supported() {
    return "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
  }

  /** The VAPID key (base64url) as the bytes PushManager wants. */
  function keyBytes(base64url) {
    const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
    const raw = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
    return Uint8Array.from(raw, (c) => c.charCodeAt(0));
  }

  function sameKey(buffer, base64url) {
    if (!buffer) return false;
    const a = new Uint8Array(buffer);
    const b = keyBytes(base64url);
    return a.length === b.length && a.every((value, i) => value === b[i]);
  }

  async function current() {
    const registration = await navigator.serviceWorker.getRegistration();
    return registration ? registration.pushManager.getSubscription() : null;
  }

  /** Asks for permission, subscribes this device and registers it with oO. */
  async function subscribe() {
    if (!supported()) return { ok: false, reason: "This browser cannot show notifications." };
    const permission = await Notification.requestPermission();
    if (permission !== "granted") {
      return { ok: false, reason: "Notifications are blocked for oO. Allow them in this browser's site settings, then save again." };
    }

    const keyResponse = await oo.api("/api/push/vapid-public-key");
    if (keyResponse.status === 401) { oo.toSignIn(); return { ok: false, reason: "" }; }
    if (!keyResponse.ok) return { ok: false, reason: await oo.problemText(keyResponse, "Notifications could not be turned on. Try again.") };
    const { publicKey } = await keyResponse.json();

    const registration = await navigator.serviceWorker.ready;
    let subscription = await registration.pushManager.getSubscription();
    // A subscription made with another server key cannot receive our pushes.
    if (subscription && !sameKey(subscription.options.applicationServerKey, publicKey)) {
      await subscription.unsubscribe();
      subscription = null;
    }
    subscription ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });

    const response = await oo.api("/api/push/subscriptions", { method: "POST", body: subscription.toJSON() });
    if (response.ok) return { ok: true };
    return { ok: false, reason: await oo.problemText(response, "This device could not be registered for notifications.") };
  }

  /** Removes this device from oO and from the push service. */
  async function unsubscribe() {
    const subscription = supported() ? await current() : null;
    if (!subscription) return { ok: true };
    await oo.api("/api/push/subscriptions", { method: "DELETE", body: { endpoint: subscription.endpoint } });
    await subscription.unsubscribe();
    return { ok: true };
  }

  /**
   * Before this person leaves this browser (sign-out, account deletion): oO forgets the device and
   * the browser drops the subscription, so the next person on a shared computer never receives
   * this person's tips. Never throws: leaving must not depend on the push service.
   */
  async function forget() {
    try {
      const subscription = supported() ? await current() : null;
      if (!subscription) return;
      await oo.api("/api/push/subscriptions", { method: "DELETE", body: { endpoint: subscription.endpoint } }).catch(() => {});
      await subscription.unsubscribe();
    } catch {
      // Offline or no service worker: the push service answers 410 for a dropped subscription later.
    }
  }

  /** Makes this device match the notify-me setting. */
  async function sync(notify) {
    try {
      return notify ? await subscribe() : await unsubscribe();
    } catch {
      return { ok: false, reason: "Notifications could not be set up on this device. Try again." };
    }
  }

  window.ooPush = { supported, subscribe, unsubscribe, forget, sync };
})();
