// The live meeting's little script. Every page it serves works without it: the buttons save and check, the display
// has a link to refresh. With it: the notes save as the clerk types, the vote form shows only the fields of the kind
// chosen and the result as the counts change (computed by the server, from the same code that saves), and the
// room's display refreshes itself.
(() => {
  const debounce = (fn, ms) => {
    let timer;
    return () => {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  };
  const post = (url, body) => fetch(url, { method: "POST", body, credentials: "same-origin", headers: { "x-requested-with": "fetch" } });

  const form = document.querySelector("form[data-live-preview]");
  if (form) {
    // The vote form: the fields of the chosen kind only.
    const kind = form.querySelector("#kind");
    const showKind = () => {
      for (const set of form.querySelectorAll("fieldset[data-kind]")) set.hidden = set.dataset.kind !== kind.value;
    };
    if (kind) {
      kind.addEventListener("change", showKind);
      showKind();
    }

    // The notes: saved a moment after the last keystroke, against the version they were written on.
    const notes = form.querySelector("#notes");
    const version = form.querySelector("input[name=noteVersion]");
    const status = document.querySelector("#notes-status");
    let saving = Promise.resolve();
    const saveNotes = () => {
      saving = saving.then(async () => {
        const body = new FormData();
        body.set("notes", notes.value);
        body.set("noteVersion", version.value);
        try {
          const response = await post(`${form.action}/notizen`, body);
          const answer = await response.json();
          if (response.ok) version.value = String(answer.version);
          status.textContent = answer.message;
        } catch {
          status.textContent = "";
        }
      });
    };
    if (notes && version && status) notes.addEventListener("input", debounce(saveNotes, 1200));

    // The result: the server's preview of the form as it stands, shown without a reload.
    const result = form.querySelector("#ergebnis");
    const preview = debounce(async () => {
      const body = new FormData(form);
      body.set("vorschau", "ja");
      body.delete("notes");
      const response = await post(form.action, body);
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const answer = page.querySelector("#ergebnis");
      const errors = page.querySelector(".error-summary ul");
      result.textContent = "";
      if (answer?.textContent.trim()) result.append(...answer.childNodes);
      else if (errors) result.append(errors);
    }, 500);
    if (result) {
      for (const field of form.querySelectorAll("select, input[type=number], #candidates")) {
        field.addEventListener(field.tagName === "SELECT" ? "change" : "input", preview);
      }
    }
  }

  // The room's display: the current item and the last result, fetched again every few seconds.
  const display = document.querySelector("[data-poll]");
  if (display) {
    setInterval(async () => {
      try {
        const response = await fetch(location.href, { credentials: "same-origin" });
        if (!response.ok) return;
        const next = new DOMParser().parseFromString(await response.text(), "text/html").querySelector("[data-poll]");
        if (next && next.innerHTML !== display.innerHTML) display.innerHTML = next.innerHTML;
      } catch {
        // The next round tries again.
      }
    }, Number(display.dataset.poll) * 1000);
  }
})();
