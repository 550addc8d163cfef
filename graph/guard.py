"""What a user's Cypher may do, decided before it reaches either engine.

Read-only is enforced by the engines themselves: a read command opens LadybugDB with
``read_only=True`` and runs Neo4j statements in read transactions, which the server refuses to
write in. The engines still let a read reach outside the graph — LadybugDB's ``LOAD FROM``,
``COPY … TO``, ``EXPORT DATABASE``, ``LOAD EXTENSION``, ``CHECKPOINT`` and table functions,
Neo4j's ``LOAD CSV``, ``CALL dbms.…``, ``SHOW``, ``USE`` — so this module admits a statement only
when every keyword in it is on an allow-list, whatever the engine's dialect:

- a small tokenizer reads string literals (with backslash escapes), backtick names, ``//`` and
  ``/* */`` comments the way both engines do, and ends a ``//`` comment at any line break either
  engine knows (so it never reads less code than the engine runs); any other character outside
  the Cypher punctuation is refused;
- exactly one statement (a trailing ``;`` is fine);
- every bare word must be a property, label or map key, a function being called, a variable the
  statement binds, or a keyword of the read-only subset (MATCH, OPTIONAL MATCH, WHERE, WITH,
  UNWIND, RETURN, ORDER BY, SKIP, LIMIT, UNION, CASE, EXISTS/COUNT { … } …); where a clause
  starts (the statement's start, after a term, inside ``{ … }``, after UNION) only a keyword will
  do, so a variable named like a clause can never act as one;
- ``CALL`` names a catalog procedure from :data:`CALLABLE` or opens a ``{ … }`` subquery.

With ``write=True`` (``query --write``) the graph-changing clauses CREATE, MERGE, SET, REMOVE,
DELETE and DETACH DELETE are admitted too, and so are Neo4j's index and constraint statements
(``CREATE CONSTRAINT …``, as ``export --format cypher`` writes them). File access, extensions,
tables and database administration stay refused even then: pledgegraph's own tables are made
by ``load``, and a query has no business reading or writing paths with the privileges of the
process or the server.

The same function guards ``pledgegraph query``, every read the library makes, and the web
server (``pledgegraph serve``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from pledgegraph.errors import QueryError

__all__ = ["Refused", "check_query", "check_read_only", "CALLABLE"]


class Refused(QueryError):
    """A statement the guard does not let through; the message says why, in one line."""


# Catalog procedures that only describe the store (LadybugDB's, then Neo4j's), with the columns
# they return as bare words (LadybugDB's need no YIELD, so the statement binds them by calling).
CALLABLE: dict[str, tuple[str, ...]] = {
    "show_tables": ("id", "name", "type", "comment"),
    "table_info": ("name", "type"),
    "show_connection": (),
    "db_version": ("version",),
    "db.labels": ("label",),
    "db.relationshipTypes": ("relationshipType",),
    "db.propertyKeys": ("propertyKey",),
}
_CALLABLE = {name.upper(): tuple(c.upper() for c in columns) for name, columns in CALLABLE.items()}

_READ = frozenset("""MATCH OPTIONAL WHERE WITH UNWIND RETURN ORDER BY ASC ASCENDING DESC DESCENDING SKIP LIMIT
    OFFSET UNION ALL DISTINCT AS AND OR XOR NOT IN IS NULL TRUE FALSE CASE WHEN THEN ELSE END STARTS ENDS
    CONTAINS EXISTS COUNT COLLECT ANY NONE SINGLE SHORTEST TRAIL ACYCLIC CALL YIELD""".split())
_WRITE = frozenset("CREATE MERGE SET REMOVE DELETE DETACH ON".split())
# Keywords a term can end with: a clause may follow them.
_TERM_END = frozenset("NULL TRUE FALSE END ASC ASCENDING DESC DESCENDING".split())
# Known keywords that are never admitted, named in messages (anything unknown is refused anyway).
_NEVER = frozenset("""LOAD COPY ATTACH INSTALL UNINSTALL EXPORT IMPORT USE CHECKPOINT BEGIN COMMIT ROLLBACK
    COMMENT DROP ALTER ANALYZE FORCE UPDATE EXPLAIN PROFILE SHOW GRANT DENY REVOKE START STOP TERMINATE
    ENABLE RENAME INSERT FOREACH FINISH TRANSACTIONS PERIODIC CSV""".split())

_PUNCT = set("()[]{},.:;=<>+-*/%^|&!~")
_LINE_END = "\n\r\x85\u2028\u2029"
_WORD = re.compile(r"[^\W\d]\w*")
_NUMBER = re.compile(r"0[xX][0-9A-Fa-f_]+|0[oO][0-7_]+|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?")
_PARAM = re.compile(r"\$(?:\w+|`(?:[^`]|``)*`)")


@dataclass(frozen=True)
class _Token:
    kind: str  # word, name (backticks), string, number, param, punct
    text: str
    at: int

    @property
    def key(self) -> str:
        """A word as a keyword: case and compatibility forms folded, as an engine might."""
        return unicodedata.normalize("NFKC", self.text).upper() if self.kind == "word" else ""

    def punct(self, *chars: str) -> bool:
        return self.kind == "punct" and self.text in chars


def _closing(text: str, i: int, quote: str) -> int:
    """Index of the quote that ends the literal opened at ``i`` (backslash escapes, or a
    doubled backtick inside a name); refuses a literal that never ends."""
    j = i + 1
    while j < len(text):
        if text[j] == "\\" and quote != "`":
            j += 2
            continue
        if text[j] == quote:
            if quote == "`" and text.startswith("``", j):
                j += 2
                continue
            return j
        j += 1
    raise Refused(f"unterminated {'name' if quote == '`' else 'string'} starting at offset {i}")


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif text.startswith("//", i):
            ends = [k for k in (text.find(c, i) for c in _LINE_END) if k >= 0]
            i = min(ends) if ends else len(text)
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                raise Refused(f"unterminated /* comment starting at offset {i}")
            i = end + 2
        elif ch in "'\"`":
            j = _closing(text, i, ch)
            out.append(_Token("name" if ch == "`" else "string", text[i:j + 1], i))
            i = j + 1
        elif (match := _PARAM.match(text, i)) or (match := _NUMBER.match(text, i)) or (match := _WORD.match(text, i)):
            kind = "param" if ch == "$" else "number" if ch.isdigit() else "word"
            out.append(_Token(kind, match.group(), i))
            i = match.end()
        elif text.startswith(("..", "::"), i):
            out.append(_Token("punct", text[i:i + 2], i))
            i += 2
        elif ch in _PUNCT:
            out.append(_Token("punct", ch, i))
            i += 1
        else:
            raise Refused(f"unexpected character {ch!r} at offset {i}")
    return out


_INDEX_KINDS = frozenset("RANGE TEXT POINT FULLTEXT VECTOR LOOKUP BTREE".split())


def _index_statement(tokens: list[_Token]) -> bool:
    """CREATE/DROP [kind] CONSTRAINT|INDEX …: Neo4j's fixed-grammar schema statements, which
    hold names, labels, property keys and an OPTIONS map, never a clause (LadybugDB has no
    such statement and refuses it)."""
    words = [t.key for t in tokens[:3]]
    if len(words) < 2 or words[0] not in ("CREATE", "DROP"):
        return False
    kind = words[2] if words[1] in _INDEX_KINDS and len(words) > 2 else words[1]
    return kind in ("CONSTRAINT", "INDEX")


def _one_statement(tokens: list[_Token]) -> list[_Token]:
    statements: list[list[_Token]] = [[]]
    for token in tokens:
        if token.punct(";"):
            statements.append([])
        else:
            statements[-1].append(token)
    found = [s for s in statements if s]
    if not found:
        raise Refused("empty query")
    if len(found) > 1:
        raise Refused(f"one statement per call: this text holds {len(found)} statements separated by ';'")
    return found[0]


def _bound(tokens: list[_Token]) -> set[str]:
    """Names the statement binds: pattern and path variables, AS aliases, comprehension, reduce
    and lambda variables, YIELD columns. Over-counting is harmless (a name that is not bound
    is the engine's error); what matters is that no keyword is ever taken for a name."""
    bound: set[str] = set()
    yielding = False
    for i, token in enumerate(tokens):
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        if token.key == "YIELD":
            yielding = True
            continue
        if prev is not None and prev.key == "CALL" and token.kind == "word":
            bound.update(_CALLABLE.get(_dotted(tokens, i).upper(), ()))
        if yielding and (token.punct(",") or token.key == "AS"):
            continue
        if yielding and token.kind == "word" and token.key not in _READ:
            bound.add(token.key)
            continue
        yielding = False
        if token.kind != "word":
            continue
        lambda_ = nxt is not None and nxt.punct("-") and after is not None and after.punct(">")
        if ((prev is not None and prev.key == "AS")
                or (prev is not None and prev.punct("(", "[", ",") and nxt is not None
                    and (nxt.punct(")", "]", ":", "{", "*", "=", ",", "|") or nxt.key == "IN" or lambda_))
                or (nxt is not None and nxt.punct("=") and (prev is None or prev.punct(",")
                                                          or prev.key in ("MATCH", "CREATE", "MERGE")))):
            bound.add(token.key)
    return bound


def _never(token: _Token) -> Refused:
    return Refused(f"{token.text} is refused: a query may read the graph (and with --write change it), "
                   "never files, extensions, tables, transactions or the database itself")


def _schema_form(tokens: list[_Token], i: int) -> bool:
    """CREATE/MERGE not followed by a pattern (CREATE NODE TABLE, CREATE INDEX …), or DETACH
    not followed by DELETE (LadybugDB's DETACH database)."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if tokens[i].key == "DETACH":
        return nxt is None or nxt.key != "DELETE"
    if tokens[i].key == "CREATE" and i and tokens[i - 1].key == "ON":
        return False  # MERGE … ON CREATE SET
    if tokens[i].key in ("CREATE", "MERGE"):
        path = nxt is not None and nxt.kind == "word" and i + 2 < len(tokens) and tokens[i + 2].punct("=")
        return not (nxt is not None and nxt.punct("(") or path)
    return False


def _dotted(tokens: list[_Token], i: int) -> str:
    """The dotted name starting at ``i`` (db.labels), or ''."""
    parts = []
    while i < len(tokens) and tokens[i].kind == "word":
        parts.append(tokens[i].text)
        if not (i + 1 < len(tokens) and tokens[i + 1].punct(".")):
            break
        i += 2
    return ".".join(parts)


def _check_call(tokens: list[_Token], i: int) -> int:
    """``CALL`` at ``i``: a ``{`` subquery, or an allowed procedure; the index of its last name token."""
    if i + 1 < len(tokens) and tokens[i + 1].punct("{"):
        return i
    name = _dotted(tokens, i + 1)
    if name.upper() not in _CALLABLE:
        raise Refused(f"CALL {name or '…'} is refused: a query may CALL only {', '.join(CALLABLE)} or a {{ subquery }}")
    return i + 2 * name.count(".") + 1


@lru_cache(maxsize=1024)
def check_query(cypher: str, write: bool = False) -> None:
    """Raise :class:`Refused` unless ``cypher`` is one statement that only reads the graph (or,
    with ``write=True``, also changes it) and touches nothing outside it.

    >>> check_query("MATCH (p:Plan) WHERE p.doc CONTAINS '//' RETURN p.doc AS doc")
    >>> check_query("UNWIND ['//'] AS c MATCH (p:Plan) DETACH DELETE p")
    Traceback (most recent call last):
    pledgegraph.graph.guard.Refused: DETACH would change the graph; pass --write (write=True) to allow it
    """
    tokens = _one_statement(_tokens(cypher))
    if _index_statement(tokens):
        if write:
            return
        raise Refused(f"{tokens[0].text} {tokens[1].text} would change the graph's schema; "
                      "pass --write (write=True) to allow it")
    bound = _bound(tokens)
    stack: list[str] = []  # "(", "[", "map" or "block"
    clause = True  # a clause may start at the next word
    in_label = after_label = False  # a label expression: (n:A|B)
    skip_to = -1
    for i, token in enumerate(tokens):
        if i <= skip_to:
            continue
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if token.kind == "punct":
            text = token.text
            if text in ("(", "["):
                stack.append(text)
            elif text == "{":
                after = tokens[i + 2] if i + 2 < len(tokens) else None
                is_map = nxt is not None and (nxt.punct("}", ".") or (
                    nxt.kind in ("word", "name") and after is not None and after.punct(":", ",", "}")))
                stack.append("map" if is_map else "block")
            elif text in (")", "]", "}"):
                if not stack:
                    raise Refused(f"unbalanced {text!r} at offset {token.at}")
                stack.pop()
            in_label = ((text == ":" and bool(stack) and stack[-1] in ("(", "[")) or text == "::"
                        or (after_label and text in ("|", "&")) or (in_label and text == "!"))
            after_label = False
            clause = text in (")", "]", "}") or (text == "{" and stack[-1] == "block") or (
                text == "*" and prev is not None and prev.key in ("WITH", "RETURN", "DISTINCT"))
            continue
        if in_label or (prev is not None and prev.punct(".")):
            clause, in_label, after_label = True, False, in_label  # a label, type or property name
            continue
        in_label = after_label = False
        if token.kind != "word":
            clause = True  # a literal, parameter or quoted name ends a term
            continue
        key = token.key
        if nxt is not None and nxt.punct(":") and stack and stack[-1] == "map":
            clause = False  # a map key
            continue
        if not clause and (prev is not None and prev.key == "AS" or key in bound) and key not in _READ | _WRITE:
            clause = True  # an alias or a variable, even one spelt like a keyword (AS start, AS copy)
            continue
        if key in _NEVER or _schema_form(tokens, i):
            raise _never(token)
        if key in _WRITE:
            if not write:
                raise Refused(f"{token.text} would change the graph; pass --write (write=True) to allow it")
            clause = False
        elif key in _READ:
            if key == "CALL":
                skip_to = _check_call(tokens, i)
                clause = skip_to > i
            else:
                clause = key in _TERM_END or key in ("UNION", "OPTIONAL") or (
                    key == "ALL" and prev is not None and prev.key == "UNION")
        elif clause:
            raise Refused(f"{token.text!r} cannot start a clause (a read needs MATCH, OPTIONAL MATCH, WITH, "
                          "UNWIND, WHERE, RETURN, ORDER BY, SKIP, LIMIT or UNION)")
        elif nxt is not None and nxt.punct("("):
            clause = False  # a function
        elif key in bound:
            clause = True
        else:
            raise Refused(f"{token.text!r} is neither a keyword a query may use nor a variable it binds")
    if stack:
        raise Refused(f"unclosed {'{' if stack[-1] in ('map', 'block') else stack[-1]!r}")


def check_read_only(cypher: str) -> None:
    """Raise :class:`Refused` unless ``cypher`` is one statement that only reads the graph."""
    check_query(cypher, write=False)
