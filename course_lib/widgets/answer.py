"""The written-answer box of a discussion prompt: saves as you type, and loses nothing.

A small anywidget (front end in ``static/answer.js``) rather than an ipywidgets Textarea, because
the box must notice in the browser when the kernel behind it goes away, which Python cannot tell
it. Saving, history and the stale check are ``answers.ANSWERS`` (a ``store.RecordKind``); this is
only the shell, and it never raises: every failure becomes words in the status line.
"""

from __future__ import annotations

import html
import secrets
from functools import lru_cache

from .. import store
from .base import STATIC, course_widget


def fnv(text: str) -> str:
    """FNV-1a over UTF-16 code units, as the front end computes it (the save acknowledgement)."""
    value = 0x811C9DC5
    data = text.encode("utf-16-le", "surrogatepass")
    for i in range(0, len(data), 2):
        value ^= data[i] | (data[i + 1] << 8)
        value = (value * 0x01000193) & 0xFFFFFFFF
    return f"{value:08x}"


def _not_saved(reason: str) -> str:
    return f"Not saved: {reason}. Copy your text somewhere safe."


@lru_cache(maxsize=1)
def answer_box_class():
    import anywidget
    import traitlets as t

    from ..answers import ANSWERS, status_line

    class AnswerBox(anywidget.AnyWidget):
        """One prompt's text box; ``value`` is the text, ``status`` the line under it."""

        _esm = (STATIC / "answer.js").read_text(encoding="utf-8")
        _css = (STATIC / "answer.css").read_text(encoding="utf-8")
        prompt_id = t.Unicode("").tag(sync=True)
        label = t.Unicode("").tag(sync=True)
        value = t.Unicode("").tag(sync=True)
        status = t.Unicode("").tag(sync=True)
        state = t.Unicode("ok").tag(sync=True)      # ok | error | conflict
        rev = t.Int(0).tag(sync=True)                # what this box last loaded or saved
        handled = t.Unicode("").tag(sync=True)       # fnv() of the last text safely stored
        clear_armed = t.Bool(False).tag(sync=True)

        def __init__(self, prompt_id: str, label: str):
            super().__init__(prompt_id=prompt_id, label=label)
            self.writer = secrets.token_hex(4)
            self._quiet = False
            loaded, problem = store.safely(lambda: ANSWERS.load(prompt_id))
            if problem:
                self.status, self.state = f"{problem}", "error"
            else:
                text, self.rev = loaded
                self._show(text or "")
                self.status = ("Saved answer loaded." if text else
                               "Not answered yet. Your text saves as you type.")
            self.observe(self._on_value, names="value")
            self.on_msg(self._on_msg)

        def _show(self, text: str) -> None:
            self._quiet = True
            try:
                self.value = text
            finally:
                self._quiet = False
            self.handled = fnv(text)

        def _save(self, text: str, **kwargs) -> store.Saved | None:
            saved, problem = store.safely(lambda: ANSWERS.save(
                self.prompt_id, text, seen_rev=self.rev, writer=self.writer, **kwargs))
            if problem:
                self.status, self.state = _not_saved(problem), "error"
                return None
            if saved.status != "conflict":
                self.rev = saved.rev
            self.state = "conflict" if saved.status == "conflict" else "ok"
            self.status = status_line(saved, self.prompt_id)
            return saved

        def _on_value(self, change) -> None:
            if self._quiet:
                return
            self.clear_armed = False
            if self._save(change["new"]) is not None:
                self.handled = fnv(change["new"])  # stored (or kept in the history): the browser may forget it

        def click_clear(self) -> None:
            """What the Clear button does: the first click asks, the second clears."""
            if not self.clear_armed:
                self.clear_armed = True
                self.status = (f"Click again to clear this answer. The text stays in "
                               f"cl.history('{self.prompt_id}').")
                return
            self.clear_armed = False
            saved = self._save("", clear=True)
            if saved is not None and saved.status in ("cleared", "saved", "unchanged"):
                self._show("")

        def recover(self, text: str, rev: int) -> None:
            """Text typed in a box whose kernel went away: saved unless a newer answer exists."""
            why = "typed in a disconnected box (kernel restart)"
            saved, problem = store.safely(lambda: ANSWERS.save(
                self.prompt_id, text, seen_rev=rev, writer=f"recovered-{rev}", why=why))
            if problem:
                self.status, self.state = _not_saved(problem), "error"
            elif saved.status == "conflict":
                self.status = (f"Text typed in a disconnected box was found; the saved answer is "
                               f"newer, so that text is kept in cl.history('{self.prompt_id}').")
            elif saved.status in ("saved", "unchanged"):
                self.rev = saved.rev
                self._show(text)
                self.status = "Text typed while the box was disconnected is saved now."

        def _on_msg(self, _widget, content, _buffers) -> None:
            if not isinstance(content, dict):
                return
            if content.get("type") == "clear":
                self.click_clear()
            elif content.get("type") == "recover" and isinstance(content.get("text"), str):
                rev = content.get("rev") if isinstance(content.get("rev"), int) else -1
                self.recover(content["text"], rev)
                self.send({"type": "recovered", "key": str(content.get("key", ""))})

    return AnswerBox


def answer_widget(prompt_id: str, info: dict):
    """The prompt: its question, then the answer box, in a course widget."""
    import ipywidgets as w

    from ..answers import prompt_heading, replaced_note, self_study

    guide, replaced = self_study(prompt_id), replaced_note(prompt_id)
    question = w.HTML(
        f"<b>{html.escape(prompt_heading(prompt_id))}</b><br>{html.escape(info['question'])}"
        + (f"<br><i>{html.escape(guide)}</i>" if guide else "")
        + (f'<br><span class="course-replaced">{html.escape(replaced)}</span>' if replaced else "")
    )
    box = answer_box_class()(prompt_id, f"Answer {prompt_id}")
    return course_widget(question, box, css_class="course-prompt")
