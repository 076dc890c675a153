"""Curation (issue 5 §3): forms that correct an event (edit, merge, split, delete), undo, and
the list of corrections with its export and import. Each change is a Store correction; the caches
are cleared so every chart shows it at once."""
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from charts import style
from loaders.errors import ParleyError
from loaders.settings import SETTINGS
from loaders.uploads import save_upload
from ui import data
from ui.app import md
from ui.sidebar import EVENT_KEY

#: Prefix of the curation forms' widget keys: they are cleared after every change (and when
#: another event is picked) so the forms show the event as stored, not what was last typed.
_CURATE = "curate_"
_NOTICE = "_curation_notice"
_VERSION = "_curation_version"  # counts changes made here; part of the events table's key
#: Form fields in order: (field, label). List fields take codes or names separated by ';'.
EDIT_FIELDS = (("title", "Title"), ("kind", "Kind"), ("status", "Status"), ("date", "Date"),
               ("end_date", "End date"), ("date_precision", "Date precision"), ("city", "Venue city"),
               ("country", "Venue country (ISO3)"), ("countries", "Participants (ISO3, ';' between)"),
               ("absent", "Absentees (ISO3, ';' between)"), ("mediators", "Mediators (ISO3, ';' between)"),
               ("heads", "Heads and officials (';' between)"), ("topics", "Topics (';' between)"))


def _notice(kind, text):
    st.session_state[_NOTICE] = (kind, text)


def _show_notice():
    kind, text = st.session_state.pop(_NOTICE, (None, None))
    if kind:
        getattr(st, kind)(md(text))


def _forget_forms():
    for key in [k for k in st.session_state if str(k).startswith(_CURATE)]:
        del st.session_state[key]


def _seed(key, value):
    """Start the form widget `key` at `value` unless it holds one already. The value goes through
    the session state because that is what reaches the browser: a widget's `value=` does not
    replace what the browser shows under the same key, so after a change (or on another event)
    the forms would keep what was typed, not the event as stored."""
    if key not in st.session_state:
        st.session_state[key] = value


def _change(do, done, event_after=None):
    """Run `do(store)` (a curation call); on success clear the caches, the forms and the table
    selection, point the URL at `event_after` (None: no event) and say `done(result)`; on
    ParleyError show its message instead."""
    try:
        with st.spinner("Applying the correction to the events…"):  # the store re-merges every event
            result = do(data.store())
    except ParleyError as error:
        _notice("error", str(error))
        return
    data.data_changed()
    _forget_forms()
    st.session_state[_VERSION] = st.session_state.get(_VERSION, 0) + 1
    if event_after:
        st.query_params[EVENT_KEY] = event_after
    else:
        st.query_params.pop(EVENT_KEY, None)
    _notice("success", done(result))


def events_table_key():
    """Key for the Events page's table. It changes after each correction: a new key is the one
    way to clear a table's row selection in the browser, and the rows it named may be gone."""
    version = st.session_state.get(_VERSION, 0)
    return "events_table" + (f"_{version}" if version else "")


def _event_row(event_id, frame):
    """The event `event_id` from `frame`, else from the whole store (a filter may hide it); or None."""
    rows = frame[frame["event_id"] == event_id]
    if len(rows):
        return rows.iloc[0].to_dict()
    return data.event(event_id)


def _event_label(row):
    return f"{style.date_label(row)} — {style.plain_title(row) or '(untitled)'}"


def _options(allowed, current):
    """`allowed` plus the event's current value when it is outside them (so it stays unchanged)."""
    return list(allowed) + ([current] if current and current not in allowed else [])


def _as_date(value):
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def _edit_form(event):
    from loaders import curation

    with st.form("curate_edit_form"):
        bounds = dict(min_value=date(SETTINGS.min_year, 1, 1), max_value=date(SETTINGS.max_year, 12, 31), format="YYYY-MM-DD")
        columns = st.columns(2)
        for number, (name, label) in enumerate(EDIT_FIELDS):
            key, value = _CURATE + name, event.get(name)
            column = columns[number * 2 // len(EDIT_FIELDS)]
            if name in ("kind", "status", "date_precision"):
                allowed = {"kind": curation.KINDS, "status": curation.STATUSES, "date_precision": curation.PRECISIONS}[name]
                options = _options(allowed, value)
                _seed(key, value if value in options else None)
                column.selectbox(label, options, key=key)
            elif name in ("date", "end_date"):
                _seed(key, _as_date(value))
                column.date_input(label, key=key, **bounds)
            elif name in ("countries", "absent", "mediators", "heads", "topics"):
                _seed(key, "; ".join(value))
                column.text_input(label, key=key,
                                  help=md(style.country_names(value)) if name not in ("heads", "topics") and len(value) else None)
            else:
                _seed(key, curation.current_value(event, name) or "")
                column.text_input(label, key=key)
        _seed(_CURATE + "edit_reason", "")
        st.text_input("Reason (optional)", key=_CURATE + "edit_reason")
        st.form_submit_button("Save changes", key="do_edit", on_click=_save_edit, args=(event,))


def _save_edit(event):
    from loaders import curation

    values = {name: st.session_state.get(_CURATE + name) for name, _ in EDIT_FIELDS}
    changes = curation.changes_from(event, values)
    if not changes:
        _notice("info", "Nothing to save: the form matches the event.")
        return
    _change(lambda s: s.edit_event(event["event_id"], changes, st.session_state.get(_CURATE + "edit_reason")),
            lambda _: f"Saved {', '.join(changes)} of '{style.plain_title(event)}'.", event["event_id"])


def _merge_form(event, frame, picked):
    others = [i for i in dict.fromkeys(list(picked) + list(frame["event_id"])) if i != event["event_id"]]
    labels = {row["event_id"]: _event_label(row) for row in frame[frame["event_id"].isin(others)].to_dict("records")}
    others = [i for i in others if i in labels]
    second = next((i for i in picked if i != event["event_id"] and i in labels), None)
    if st.session_state.get(_CURATE + "merge_second", ()) != second:  # another second row picked: offer it
        st.session_state[_CURATE + "merge_second"] = st.session_state[_CURATE + "merge_with"] = second
    _seed(_CURATE + "merge_reason", "")
    with st.form("curate_merge_form"):
        st.selectbox("Merge this event with", others, format_func=labels.get, key=_CURATE + "merge_with",
                     placeholder="choose the other event",
                     help="the other event's sources join this one; this event keeps its fields where both have one")
        st.text_input("Reason (optional)", key=_CURATE + "merge_reason")
        st.form_submit_button("Merge", key="do_merge", on_click=_merge, args=(event,))


def _merge(event):
    other = st.session_state.get(_CURATE + "merge_with")
    if not other:
        _notice("warning", "Choose the event to merge with.")
        return
    _change(lambda s: s.merge_events(event["event_id"], other, st.session_state.get(_CURATE + "merge_reason")),
            lambda _: f"Merged into '{style.plain_title(event)}'.", event["event_id"])


def _split_form(event):
    pairs = list(zip(event["mention_ids"], event["sources"]))
    if len(pairs) < 2:
        st.caption("This event has one source: there is nothing to split off.")
        return
    by_id = data.articles_by_id()
    labels = {mention_id: f"Source {n}: {style.source_parts(source, by_id.get(source.get('article_id')), event['origin'])[0]}"
                          f" — {(source.get('evidence') or '')[:90]}"
              for n, (mention_id, source) in enumerate(pairs, start=1)}
    _seed(_CURATE + "split_off", [])
    _seed(_CURATE + "split_reason", "")
    with st.form("curate_split_form"):
        st.multiselect("Sources that report another encounter", list(labels), format_func=labels.get,
                       key=_CURATE + "split_off", help="they become an event of their own; at least one source stays")
        st.text_input("Reason (optional)", key=_CURATE + "split_reason")
        st.form_submit_button("Split off", key="do_split", on_click=_split, args=(event,))


def _split(event):
    chosen = st.session_state.get(_CURATE + "split_off") or []
    if not chosen:
        _notice("warning", "Choose the sources to split off.")
        return
    _change(lambda s: s.split_event(event["event_id"], chosen, st.session_state.get(_CURATE + "split_reason")),
            lambda _: f"Split {len(chosen)} source(s) off '{style.plain_title(event)}'.", event["event_id"])


def _delete_form(event):
    _seed(_CURATE + "delete_reason", "")
    with st.form("curate_delete_form"):
        st.text_input("Reason (optional)", key=_CURATE + "delete_reason", placeholder="e.g. not a diplomatic encounter")
        st.form_submit_button("Delete this event", key="do_delete", on_click=_delete, args=(event,),
                              help="its sources stay in the store; undo brings the event back")


def _delete(event):
    _change(lambda s: s.delete_event(event["event_id"], st.session_state.get(_CURATE + "delete_reason")),
            lambda _: f"Deleted '{style.plain_title(event)}'.")


def _undo():
    _change(lambda s: s.undo(), lambda undone: f"Undid correction {undone}." if undone else "There is no change to undo.",
            st.query_params.get(EVENT_KEY))


def curation_forms(event_id, frame, picked=()):
    """Forms that correct the event `event_id` (edit, merge, split, delete) and an undo button.

    `frame` is the EVENTS frame the event was picked from (the merge offers its other events);
    `picked` the ids selected in the table, the second of which is offered first for a merge.
    Each change is a Store correction: the caches are cleared so every chart shows it at once.
    Errors from the store are shown with st.error.
    """
    _show_notice()
    if st.session_state.get("_curate_event") != event_id:
        _forget_forms()
        st.session_state["_curate_event"] = event_id
    event = _event_row(event_id, frame) if event_id else None
    if event_id and event is None:
        st.info("The selected event is no longer in the store.")
    if event is None:
        st.caption("Select a row to edit, merge, split or delete its event; select two to merge them.")
    else:
        st.markdown(f"Correcting **{md(style.plain_title(event) or '(untitled)')}**")
        edit, merge, split, delete = st.tabs(["Edit", "Merge", "Split", "Delete"])
        with edit:
            _edit_form(event)
        with merge:
            _merge_form(event, frame, picked)
        with split:
            _split_form(event)
        with delete:
            _delete_form(event)
    active = data.store().corrections().query("not undone")
    last = active.tail(1).to_dict("records")
    st.button("Undo the last change", key="do_undo", on_click=_undo, disabled=not last,
              help=f"undo correction {last[0]['correction_id']} ({last[0]['action']})" if last else "no change to undo")


def corrections_bytes(opened):
    """Every correction of the Store `opened`, as the JSON file Store.export_corrections writes."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="parley-corrections-") as folder:
        path = Path(folder) / "corrections.json"
        opened.export_corrections(path)
        return path.read_bytes()


def _import_corrections():
    import tempfile

    upload = st.session_state.get("corrections_upload")
    if upload is None:
        _notice("warning", "Choose a corrections file (.json) to import.")
        return
    with tempfile.TemporaryDirectory(prefix="parley-corrections-") as folder:
        try:  # over the size limit or an archive: refused, nothing written
            path = save_upload(upload.name, upload, folder)
        except ParleyError as error:
            _notice("error", str(error))
            return

        def do(opened):
            try:
                return opened.import_corrections(path)
            except ParleyError as error:  # name the upload, not the temporary copy
                raise ParleyError(str(error).replace(str(path), upload.name)) from None

        _change(do, lambda added: f"Imported {added} correction(s) from {upload.name}; ones already present were skipped.",
                st.query_params.get(EVENT_KEY))


def corrections_list():
    """The corrections made (what changed, from what, when, why, undone or not), the ones that
    no longer match an event, and export / import of the corrections file."""
    from loaders.curation import describe

    corrections = data.store().corrections()
    cited = {anchor.split("@", 1)[0] for anchors in corrections["anchors"] for anchor in anchors}
    made = describe(corrections, data.store().events_citing(sorted(cited)))
    st.caption(f"{len(made):,} corrections; {int(made['undone'].sum())} undone. "
               "They are applied again after every re-ingest.")
    st.dataframe(made.iloc[::-1], hide_index=True, key="corrections_table",
                 column_config={"correction_id": st.column_config.NumberColumn("#"),
                                "at": st.column_config.DatetimeColumn("when", format="YYYY-MM-DD HH:mm")})
    for problem in data.store().correction_problems:
        st.warning(md(problem))
    left, right = st.columns(2)
    left.download_button("Export corrections (JSON)", data=lambda: corrections_bytes(data.store()), file_name="parley-corrections.json",
                         mime="application/json", key="download_corrections", on_click="ignore", disabled=made.empty)
    with right.form("corrections_import_form", clear_on_submit=True):
        st.file_uploader("Import a corrections file", type=["json"], key="corrections_upload")
        st.form_submit_button("Import corrections", key="do_import", on_click=_import_corrections)
