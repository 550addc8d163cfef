"""What XML 1.0 can hold, for the formats written as XML (the xlsx ledger, GraphML).

XML 1.0 allows tab, newline, carriage return and the characters from U+0020 up, except the
surrogates U+D800–U+DFFF and the non-characters U+FFFE and U+FFFF. Anything else in a plan's
text (a stray control character, a U+FFFE from a mis-decoded file) becomes U+FFFD, and the
writer counts them so the export can say how many it replaced instead of failing half way.
"""

from __future__ import annotations

import re

__all__ = ["NOT_XML", "xml_clean", "replaced_note"]

NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_clean(text: str) -> tuple[str, int]:
    """``text`` with every character XML cannot hold replaced by U+FFFD, and how many there were.

    >>> xml_clean("a\\x01b\\ufffe")
    ('a\\ufffdb\\ufffd', 2)
    """
    return NOT_XML.subn("\ufffd", text)


def replaced_note(count: int) -> list[str]:
    """The export's warning for ``count`` replaced characters (none when there were none)."""
    return [f"{count} character(s) XML cannot hold (control characters, U+FFFE, U+FFFF) were replaced "
            "by U+FFFD"] if count else []
