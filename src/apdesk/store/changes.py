"""What an operation changed: for each kind of record, the ids created, changed and deleted.

The audit hook already sees every object a flush writes, so it also fills the session's
collector; `Store.run` hands the frozen result back with the operation's value. Writes that
bypass the ORM (bulk SQL) say what they touched with `note_change`, naming ids or, when there
are too many to list, `ANY`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from sqlalchemy.orm import Session as OrmSession

from apdesk.models.kinds import Kind

Id = int | str
Action = Literal["create", "update", "delete"]
ANY: Id = "*"  # an unknown set of ids of that kind
COLLECTOR_KEY = "apdesk_changes"
LISTED = 1000  # past this many ids, a change set says "some records of this kind" (ANY)

_Ids = Mapping[Kind, frozenset[Id]]


def _frozen(data: dict[Kind, set[Id]]) -> _Ids:
    return MappingProxyType({kind: frozenset(ids) for kind, ids in data.items() if ids})


@dataclass(frozen=True)
class Changes:
    """An immutable change set. Falsy when nothing changed."""

    created: _Ids = field(default_factory=lambda: MappingProxyType({}))
    updated: _Ids = field(default_factory=lambda: MappingProxyType({}))
    deleted: _Ids = field(default_factory=lambda: MappingProxyType({}))

    def kinds(self) -> frozenset[Kind]:
        return frozenset(self.created) | frozenset(self.updated) | frozenset(self.deleted)

    def touches(self, kinds: Iterable[Kind]) -> bool:
        return not self.kinds().isdisjoint(kinds)

    def ids(self, kind: Kind) -> frozenset[Id]:
        """Every id of `kind` created, updated or deleted (may hold `ANY`)."""
        empty: frozenset[Id] = frozenset()
        return (
            self.created.get(kind, empty)
            | self.updated.get(kind, empty)
            | self.deleted.get(kind, empty)
        )

    def __bool__(self) -> bool:
        return bool(self.created or self.updated or self.deleted)

    def merge(self, other: Changes) -> Changes:
        """Both change sets as one, for views that absorb several before they refresh."""
        parts: list[dict[Kind, set[Id]]] = [{}, {}, {}]
        for change in (self, other):
            for part, ids_by_kind in zip(
                parts, (change.created, change.updated, change.deleted), strict=True
            ):
                for kind, ids in ids_by_kind.items():
                    part.setdefault(kind, set()).update(ids)
        return Changes(*(_frozen(part) for part in parts))

    def describe(self) -> str:
        """A short plain summary for logs and test failures (kinds and counts, no values)."""
        words = []
        for name, part in (("created", self.created), ("updated", self.updated),
                           ("deleted", self.deleted)):  # fmt: skip
            if part:
                words.append(
                    name + " " + ", ".join(f"{k.value}x{len(v)}" for k, v in sorted(part.items()))
                )
        return "; ".join(words) or "nothing"


NO_CHANGES = Changes()


class ChangeCollector:
    """Gathers one session's changes as its flushes happen."""

    def __init__(self) -> None:
        self._parts: dict[Action, dict[Kind, set[Id]]] = {"create": {}, "update": {}, "delete": {}}

    def add(self, action: Action, kind: Kind, ids: Iterable[Id]) -> None:
        self._parts[action].setdefault(kind, set()).update(ids)

    def freeze(self) -> Changes:
        return Changes(
            _frozen(self._parts["create"]),
            _frozen(self._parts["update"]),
            _frozen(self._parts["delete"]),
        )


def collector_of(session: OrmSession) -> ChangeCollector | None:
    found = session.info.get(COLLECTOR_KEY)
    return found if isinstance(found, ChangeCollector) else None


def install_collector(session: OrmSession) -> ChangeCollector:
    collector = ChangeCollector()
    session.info[COLLECTOR_KEY] = collector
    return collector


def note_change(
    session: OrmSession,
    action: Action,
    kind: Kind,
    ids: Iterable[Id] = (ANY,),
    fields: Iterable[str] | None = None,
) -> None:
    """For writes the audit hook cannot see (bulk SQL): say which records they touched.

    Name the ids (and, for updates, the `fields` written) so the change can be shared with
    the school's other laptops: call it after a bulk insert or update, and for a bulk delete
    (a purge: no tombstone keeps the values) after the rows are gone. `ANY` is refused on a
    shared table once the record is shared."""
    from apdesk.store import changelog  # the log reads rows back: loaded when bulk SQL runs

    listed = ids if isinstance(ids, range) else list(ids)
    collector = collector_of(session)
    if collector is not None:  # a view refreshes the same for a list this long as for ANY
        collector.add(action, kind, listed if len(listed) <= LISTED else [ANY])
    changelog.capture_bulk(session, action, kind.value, listed, fields)
