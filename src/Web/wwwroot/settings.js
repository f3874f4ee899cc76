// The Settings page: time zone (detected, editable), quiet hours, daily cap, notify-me; sign out (here or everywhere); delete account.
(() => {
  "use strict";

  const $ = (id) => document.getElementById(id);
  const form = $("settings");
  const detected = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  const fieldOf = { timeZone: "timeZone", "quietHours.start": "quietStart", "quietHours.end": "quietEnd", dailyPushCap: "dailyPushCap" };
  const defaults = { timeZone: detected || "UTC", quietHours: { start: "22:00", end: "07:00" }, dailyPushCap: 3, notify: false };

  function fillTimeZones() {
    const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
    $("time-zones").replaceChildren(...zones.map((zone) => Object.assign(document.createElement("option"), { value: zone })));
  }

  function showDetected() {
    const differs = detected && $("timeZone").value !== detected;
    $("detected").textContent = detected ? `This device is in ${detected}.` : "";
    $("use-detected").hidden = !differs;
  }

  function fill(settings) {
    $("timeZone").value = settings.timeZone || detected;
    $("quietStart").value = settings.quietHours?.start || "22:00";
    $("quietEnd").value = settings.quietHours?.end || "07:00";
    $("dailyPushCap").value = String(settings.dailyPushCap ?? 3);
    $("notify").checked = !!settings.notify;
    showDetected();
  }

  function clearErrors() {
    for (const id of Object.values(fieldOf)) {
      $(`${id}-error`).textContent = "";
      $(id).removeAttribute("aria-invalid");
    }
    $("settings-error").textContent = "";
  }

  function showErrors(errors) {
    let first = null;
    for (const [key, messages] of Object.entries(errors)) {
      const id = fieldOf[key];
      if (!id) { $("settings-error").textContent = messages[0]; continue; }
      $(`${id}-error`).textContent = messages[0];
      $(id).setAttribute("aria-invalid", "true");
      first ??= $(id);
    }
    first?.focus();
  }

  async function load() {
    fillTimeZones();
    try {
      const [me, settings] = await Promise.all([oo.api("/api/me"), oo.api("/api/me/settings")]);
      if (me.status === 401 || settings.status === 401) { oo.toSignIn(); return; }
      if (me.ok) $("who").textContent = (await me.json()).email || "your Google or Apple account";
      fill(settings.ok ? await settings.json() : defaults);
    } catch {
      $("settings-error").textContent = "You are offline. Settings show here when you are back.";
    } finally {
      form.setAttribute("aria-busy", "false");
    }
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors();
    $("saved").textContent = "";
    const cap = $("dailyPushCap").value.trim();
    const body = {
      timeZone: $("timeZone").value.trim(),
      quietHours: { start: $("quietStart").value, end: $("quietEnd").value },
      dailyPushCap: cap === "" || !/^\d+$/.test(cap) ? -1 : Number(cap),
      notify: $("notify").checked,
    };
    $("save").disabled = true;
    try {
      const response = await oo.api("/api/me/settings", { method: "PUT", body });
      if (response.status === 401) { oo.toSignIn(); return; }
      if (response.ok) {
        fill(await response.json());
        $("saved").textContent = "Saved.";
        const push = window.ooPush ? await window.ooPush.sync(body.notify) : { ok: true };
        if (!push.ok) $("settings-error").textContent = push.reason;
        return;
      }
      const problem = await response.json().catch(() => ({}));
      if (problem.errors) showErrors(problem.errors);
      else $("settings-error").textContent = problem.detail || "The settings could not be saved.";
    } catch {
      $("settings-error").textContent = "You are offline; nothing was saved.";
    } finally {
      $("save").disabled = false;
    }
  });

  $("timeZone").addEventListener("input", showDetected);
  $("use-detected").addEventListener("click", () => { $("timeZone").value = detected; showDetected(); $("timeZone").focus(); });

  $("signout").addEventListener("click", async () => {
    try {
      // First, while still signed in: this browser stops receiving this person's tips.
      if (window.ooPush) await window.ooPush.forget();
      await oo.api("/auth/signout", { method: "POST" });
      location.assign("/signin?notice=signedout");
    } catch {
      $("settings-error").textContent = "You are offline; you are still signed in.";
    }
  });

  // A lost phone or a shared computer: one new session stamp ends every session, this browser's included.
  $("signout-everywhere").addEventListener("click", async () => {
    $("signout-everywhere").disabled = true;
    try {
      // The server forgets every device with the sessions; this browser also unsubscribes at its push service.
      if (window.ooPush) await window.ooPush.forget();
      const response = await oo.api("/api/me/sessions", { method: "DELETE" });
      if (response.ok || response.status === 401) { location.assign("/signin?notice=signedouteverywhere"); return; }
      $("settings-error").textContent = await oo.problemText(response, "The other sessions could not be ended; try again.");
    } catch {
      $("settings-error").textContent = "You are offline; every session is still signed in.";
    } finally {
      $("signout-everywhere").disabled = false;
    }
  });

  const dialog = $("confirm-delete");
  $("delete").addEventListener("click", () => { $("delete-error").textContent = ""; dialog.showModal(); });
  $("confirm-no").addEventListener("click", () => dialog.close());
  $("confirm-yes").addEventListener("click", async () => {
    $("confirm-yes").disabled = true;
    try {
      const response = await oo.api("/api/me", { method: "DELETE" });
      if (response.ok || response.status === 401) {
        // The server forgot the device with the account; the browser drops its subscription too.
        if (window.ooPush) await window.ooPush.forget();
        location.assign("/signin?notice=deleted");
        return;
      }
      $("delete-error").textContent = await oo.problemText(response, "The account could not be deleted. Nothing was removed; try again.");
    } catch {
      $("delete-error").textContent = "You are offline; nothing was deleted.";
    } finally {
      $("confirm-yes").disabled = false;
    }
  });

  load();
})();
