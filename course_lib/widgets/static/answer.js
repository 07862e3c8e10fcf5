// A written answer's box: a labelled text area, a Clear button that asks for a second click, and
// a status line. Python saves every change and acknowledges it (the "handled" hash). When the
// kernel goes away (restart, shutdown), the box says at once that it no longer saves, stops
// taking input, and keeps what was typed in this browser (localStorage) until the cell runs
// again; the new box then hands that text to Python, which saves it without overwriting a newer
// answer. No network, no globals.
const PREFIX = "course-answer:";

function fnv(text) {
  // FNV-1a over UTF-16 code units; the same function runs in Python (widgets/answer.py).
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

function storage() {
  try { return window.localStorage; } catch (e) { return null; }
}

function watchKernel(model, onLost) {
  let manager = null;
  let kernel = null;
  try { manager = model.widget_manager; kernel = manager && manager.kernel; } catch (e) { /* none */ }
  if (!kernel) return () => {};
  let lost = false;
  const lose = (why) => { if (!lost) { lost = true; onLost(why); } };
  const onStatus = (_sender, status) => {
    if (status === "restarting" || status === "autorestarting" || status === "dead") lose(status);
  };
  if (kernel.statusChanged) kernel.statusChanged.connect(onStatus);
  const timer = setInterval(() => {
    let now = null;
    try { now = manager.kernel; } catch (e) { now = null; }
    if (!now || now !== kernel || now.isDisposed || now.status === "dead") lose("gone");
  }, 1000);
  return () => {
    if (kernel.statusChanged) kernel.statusChanged.disconnect(onStatus);
    clearInterval(timer);
  };
}

export default {
  render({ model, el }) {
    const pid = model.get("prompt_id");
    const boxId = Math.random().toString(36).slice(2, 10);
    const key = `${PREFIX}${pid}:${boxId}`;
    const store = storage();
    el.classList.add("course-answer-box");
    el.setAttribute("data-lm-suppress-shortcuts", "true");

    const label = document.createElement("label");
    label.className = "course-answer-label widget-label";
    label.textContent = model.get("label");
    label.htmlFor = `course-answer-${boxId}`;
    const area = document.createElement("textarea");
    area.id = label.htmlFor;
    area.className = "course-answer";
    area.rows = 6;
    area.placeholder = "Write your answer here.";
    area.value = model.get("value");
    const row = document.createElement("div");
    row.className = "course-answer-row";
    const clear = document.createElement("button");
    clear.type = "button";
    clear.className = "course-clear";
    const status = document.createElement("span");
    status.className = "course-answer-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    row.append(clear, status);
    el.append(label, area, row);

    let connected = true;
    let slow = 0;
    const showStatus = () => {
      if (!connected) return;
      status.textContent = model.get("status");
      el.dataset.state = model.get("state");
    };
    const showClear = () => {
      clear.textContent = model.get("clear_armed") ? "Click again to clear" : "Clear answer";
      clear.classList.toggle("course-armed", model.get("clear_armed"));
    };
    const keep = () => {
      if (store && area.value !== "") {
        store.setItem(key, JSON.stringify({ prompt: pid, text: area.value, rev: model.get("rev"),
                                            at: new Date().toISOString() }));
      }
    };
    const acknowledged = () => {
      if (model.get("handled") === fnv(area.value)) {
        clearTimeout(slow);
        if (store) store.removeItem(key);
        showStatus();
      }
    };

    area.addEventListener("input", () => {
      if (!connected) return;
      keep();
      model.set("value", area.value);
      model.save_changes();
      clearTimeout(slow);
      slow = setTimeout(() => {
        if (connected && model.get("handled") !== fnv(area.value)) {
          status.textContent = "Saving... Python is busy; your text is kept in this browser meanwhile.";
        }
      }, 4000);
    });
    clear.addEventListener("click", () => { if (connected) model.send({ type: "clear" }); });
    model.on("change:value", () => {
      if (area.value !== model.get("value")) area.value = model.get("value");
    });
    model.on("change:status", showStatus);
    model.on("change:state", showStatus);
    model.on("change:handled", acknowledged);
    model.on("change:clear_armed", showClear);
    model.on("msg:custom", (msg) => {
      if (msg && msg.type === "recovered" && store) store.removeItem(msg.key);
    });
    showStatus();
    showClear();

    const stop = watchKernel(model, () => {
      connected = false;
      const unsaved = model.get("handled") !== fnv(area.value);
      if (unsaved) keep();
      area.readOnly = true;
      clear.disabled = true;
      el.dataset.state = "disconnected";
      status.textContent = "Not connected: Python was restarted, so this box no longer saves. "
        + "Run this cell again to keep writing."
        + (unsaved ? " Your last changes were not saved yet; they are kept in this browser and "
                     + "are saved when you run this cell again." : "");
    });

    // Text typed into an earlier box of this prompt that was never saved: hand it to Python.
    if (store) {
      for (let i = store.length - 1; i >= 0; i--) {
        const k = store.key(i);
        if (!k || !k.startsWith(`${PREFIX}${pid}:`) || k === key) continue;
        let kept = null;
        try { kept = JSON.parse(store.getItem(k)); } catch (e) { kept = null; }
        if (!kept || typeof kept.text !== "string") { store.removeItem(k); continue; }
        model.send({ type: "recover", key: k, text: kept.text, rev: kept.rev | 0, at: kept.at || "" });
      }
    }
    return () => { stop(); clearTimeout(slow); };
  },
};
