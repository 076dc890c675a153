"""An event's evidence as safe HTML: the source text escaped, the evidence sentence highlighted,
the date phrase marked.

The text is escaped first (html.escape), and only then are our own <mark> tags added, so
nothing from an article can become markup (issue 6).
"""
import html

import pandas as pd

EVIDENCE_STYLE = "background:#fff3b0;padding:0 2px"
DATE_STYLE = "background:#ffb347;font-weight:bold;padding:0 2px"


def _offset(value):
    if value is None:
        return None
    try:
        return None if pd.isna(value) else int(value)
    except (TypeError, ValueError):
        return None


def evidence_html(text, evidence_start, evidence_end, date_start=None, date_end=None, context=300):
    """Escaped `text` around the evidence span, with the evidence in <mark class="evidence"> and the
    date phrase in <mark class="date">.

    Offsets index into `text` (end exclusive); missing or out-of-range offsets are ignored (the
    whole window is shown unmarked). `context` characters are kept on each side, cut at a space
    and shown with '…'. Returns an HTML fragment.
    Example: evidence_html("A met B on 5 May. Then.", 0, 17, 11, 16)
    """
    text = text or ""
    spans = {}
    for name, start, end in (("evidence", evidence_start, evidence_end), ("date", date_start, date_end)):
        start, end = _offset(start), _offset(end)
        if start is not None and end is not None and 0 <= start < end <= len(text):
            spans[name] = (start, end)
    focus = spans.get("evidence") or spans.get("date") or (0, min(len(text), 2 * context))
    first = max(0, focus[0] - context)
    last = min(len(text), focus[1] + context)
    if "date" in spans:
        first, last = min(first, spans["date"][0]), max(last, spans["date"][1])
    if first > 0 and " " in text[first:focus[0]]:
        first = text.index(" ", first, focus[0]) + 1
    if last < len(text) and " " in text[focus[1]:last]:
        last = text.rindex(" ", focus[1], last)
    cuts = sorted({first, last, *[p for span in spans.values() for p in span if first <= p <= last]})
    pieces = ["…" if first > 0 else ""]
    for start, end in zip(cuts, cuts[1:]):
        piece = html.escape(text[start:end])
        for name in ("date", "evidence"):  # date inside evidence: the date mark nests inside
            span = spans.get(name)
            if span and span[0] <= start and end <= span[1]:
                piece = f'<mark class="{name}" style="{DATE_STYLE if name == "date" else EVIDENCE_STYLE}">{piece}</mark>'
        pieces.append(piece)
    pieces.append("…" if last < len(text) else "")
    return "".join(pieces).replace("\n", "<br>")
