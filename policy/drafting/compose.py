"""The draft as the text of a policy file: facts with their sources, TODO lines, conflicts and notes."""

from __future__ import annotations

from dataclasses import dataclass

from shopterms.policy.diagnostics import YamlPath
from shopterms.policy.drafting.draft import Draft
from shopterms.policy.drafting.required import missing
from shopterms.policy.drafting.yaml_text import Layout, one_line, render
from shopterms.policy.wording import dotted


@dataclass(frozen=True)
class Composed:
    text: str
    todos: dict[YamlPath, str]


def _shown(value: object) -> str:
    if isinstance(value, list) and value and isinstance(value[0], dict):
        names = [str(item.get("id") or item.get("name") or item.get("items") or "?") for item in value]
        return f"{len(value)} entries ({', '.join(names)})"
    return one_line(value) or str(value)


def compose(draft: Draft, output_name: str, comments: bool = True) -> Composed:
    data = draft.data()
    todos = missing(data)
    layout = Layout(
        comments={fact.path: fact.origin.comment() for fact in draft} if comments else {},
        todos=todos,
        header=_header(draft, output_name, todos),
    )
    return Composed(render(data, layout), todos)


def _header(draft: Draft, output_name: str, todos: dict[YamlPath, str]) -> list[str]:
    lines = [
        f"Drafted by `shopterms init` from: {', '.join(draft.sources)}."
        if draft.sources
        else "Written by `shopterms init`."
    ]
    if draft.sources:
        lines.append("Each fact names its source in a comment.")
    if todos:
        lines.append(
            f"{len(todos)} required fact(s) were in no source: each has a '# TODO' line; write the value"
        )
        lines.append(f"in its place, then check the file with: shopterms validate {output_name}")
    else:
        lines.append(f"Check it with: shopterms validate {output_name}")
    if draft.conflicts:
        lines += ["", "Conflicts (the first source wins; the others are listed here):"]
        for conflict in draft.conflicts:
            kept, other = conflict.kept, conflict.other
            lines.append(
                f"  {dotted(kept.path)}: {_shown(kept.value)} from {kept.origin.source}; "
                f"{other.origin.source} says {_shown(other.value)}"
            )
    if draft.notes:
        lines += ["", "Not taken over:"]
        lines += [f"  {note}" for note in draft.notes]
    return lines
