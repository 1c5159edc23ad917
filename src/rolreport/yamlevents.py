"""A report source's plain data, and where each prose string stands, in one pass over libyaml's
events.

Why not the node graph: composing it (a node and two marks for every scalar), constructing the
data from it and walking it again for the prose are three passes and about twenty times the
text in memory, where ``convert`` and ``load_report`` need only the data and, for ``convert``,
each prose string's slice of the file (issue 15).  The events give both at once, and nothing of
them is kept but the data.

This reader takes only what it can read exactly as the composed path does: a document whose
top level is a mapping, with no anchor or alias, no explicit tag, no merge key and no duplicate
key.  Anything else, any source that libyaml may read differently from ruamel
(:func:`source.libyaml_loader`), any parse error and any value that does not construct returns
None, and the caller takes the composed path, whose verdicts and messages are the reference
(``tests/test_yaml_parsers.py`` compares the two on every fixture and on mutated sources).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rolreport.source import libyaml_loader
from rolreport.variants import NOT_PROSE

_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
_NO_KEY = object()  # a mapping waiting for its next key


@dataclass(slots=True)
class Slot:
    """A prose string as ``convert`` edits it: its source slice and style, and the place of its
    value in the constructed data (``holder[key]``), so a converted value can be validated
    without parsing the converted text again.  (Here rather than in ``scalars``, whose patterns
    ``build`` need not compile.)"""

    start: int  # source index where the scalar starts (its quote or block indicator)
    end: int
    style: str | None  # None (plain), "'", '"', "|", ">"
    holder: Any
    key: Any
    value: str


@dataclass
class Read:
    data: dict[Any, Any]  # plain dicts, lists, strings and the scalars ruamel constructs
    slots: list[Slot]  # every prose string, in source order (as scalars.prose_slots finds them)
    script: tuple[int, int, str] | None  # the top-level ``script:`` value: its slice and raw value


def read(text: str) -> Read | None:
    """The source's data and prose slots, or None when the composed path must read it."""
    loader = libyaml_loader(text)
    if loader is None:
        return None
    try:
        return _read(loader)
    except Exception:  # a parse error, a value that does not construct: the composed path says what
        return None


def _read(loader: Any) -> Read | None:
    from ruamel.yaml.events import (
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
        StreamEndEvent,
    )
    from ruamel.yaml.nodes import ScalarNode

    get = loader.get_event
    first_characters = loader.versioned_resolver  # a plain scalar's first character → its resolvers
    tags: dict[str, Any] = {}  # plain scalar → its resolved tag (keys repeat: title, paragraphs …)
    get()  # the stream's start
    if type(get()) is not DocumentStartEvent:
        return None  # an empty stream
    event = get()
    if type(event) is not MappingStartEvent or event.anchor is not None or event.tag is not None:
        return None
    root: dict[Any, Any] = {}
    slots: list[Slot] = []
    script: tuple[int, int, str] | None = None
    # The innermost open container's state is in variables, the outer ones' on the stack: the
    # container, whether it is a mapping, whether its strings are prose, and the keys it has as
    # written (a duplicate is the composed path's to report); for the innermost mapping also the
    # key waiting for its value, constructed and as written.
    stack: list[tuple[Any, bool, bool, set[str]]] = []
    container: Any = root
    mapping, prose, seen = True, True, set()
    key: Any = _NO_KEY
    raw_key = ""
    while True:
        event = get()
        kind = type(event)
        if kind is ScalarEvent:
            if event.anchor is not None or event.tag is not None:
                return None
            value = event.value
            style = event.style or None
            string = True
            if style is None and (not value or value[0] in first_characters):
                tag = tags.get(value)
                if tag is None:
                    tag = tags[value] = loader.resolve(ScalarNode, value, event.implicit)
                if tag != _STR:
                    if tag == _MERGE:
                        return None
                    string = False
                    value = loader.construct_object(ScalarNode(tag, value, event.start_mark, event.end_mark), deep=True)
            elif style == ">":
                value = value.replace("\a", "")  # as source.node_value reads a folded scalar
            if mapping:
                if key is _NO_KEY:
                    if event.value in seen or value == "<<":
                        return None
                    seen.add(event.value)
                    key, raw_key = value, event.value
                    continue
                container[key] = value
                if string and prose and raw_key not in NOT_PROSE:
                    slots.append(Slot(event.start_mark.index, event.end_mark.index, style, container, key, value))
                if not stack and raw_key == "script":
                    script = (event.start_mark.index, event.end_mark.index, event.value)
                key = _NO_KEY
            else:
                if string and prose:
                    slots.append(
                        Slot(event.start_mark.index, event.end_mark.index, style, container, len(container), value)
                    )
                container.append(value)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None or event.tag is not None:
                return None
            child: Any = {} if kind is MappingStartEvent else []
            if mapping:
                if key is _NO_KEY:
                    return None  # a mapping or sequence as a key
                container[key] = child
                key = _NO_KEY
                child_prose = prose and raw_key not in NOT_PROSE
            else:
                container.append(child)
                child_prose = prose
            stack.append((container, mapping, prose, seen))
            container, mapping, prose, seen = child, kind is MappingStartEvent, child_prose, set()
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            if not stack:
                break
            container, mapping, prose, seen = stack.pop()
        else:
            return None  # an alias
    get()  # the document's end
    if type(get()) is not StreamEndEvent:
        return None  # a second document
    return Read(root, slots, script)
