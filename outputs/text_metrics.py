"""How much room text takes on paper, so that labels are sized to their
cell instead of being cut at its edge.

The sheets name Arial; the widths below are those of Liberation Sans,
which has Arial's metrics (LibreOffice uses it where Arial is missing),
in thousandths of an em, rounded up. A character not listed counts as a
full em, so an estimate errs towards more lines, never fewer.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

#: The font every style of the schedule workbook names.
FONT_NAME = "Arial"
#: Height of one line of wrapped text, in ems (Arial's ascent and descent
#: are 1.117 em; Excel rounds lines up to whole pixels).
LINE_EM = 1.15
#: Points of a cell's height and width taken by its inner margins.
CELL_PAD_HEIGHT = 3.0
CELL_PAD_WIDTH = 4.0
#: Width of an unlisted character, in thousandths of an em.
UNKNOWN_WIDTH = 1000

REGULAR: dict[int, str] = {
    191: "'",
    223: "ijlįĵĺļłſỉị‘’",
    260: "|¦",
    278: " !,./:;I[\\]ft\xa0ÌÍÎÏìíîïĨĩĪīĬĭĮİıţŧƫƭțỈỊ",
    292: "ľ",
    334: "()-`r{}¡¨\xad²³´·¸¹ŀŕŗř“”",
    351: "•",
    355: '"',
    366: "º",
    371: "ª",
    375: "ť",
    381: "ƪ",
    390: "*",
    400: "°",
    444: "ĳ",
    470: "^",
    500: "JcksvxyzçýÿćĉċčĴķĸśŝşšŷźżžƨșỳỵỷỹ",
    538: "¶",
    549: "±÷",
    553: "¯",
    557: (
        "#$0123456789?L_abdeghnopqu¢£¤¥§«»àáâãäåèéêëðñòóôõöùúûüþāăąđēĕėęě"
        "ĝğġģĥħĹĻĽĿŁńņňŋōŏőũūŭůűųƥạảấầẩẫậắằẳẵặẹẻẽếềểễệọỏốồổỗộụủ–"
    ),
    577: "µ",
    584: "+<=>~¬×",
    605: "ŉ■●",
    611: "FTZ¿ßøŢŤŦŹŻŽƬƮȚ",
    615: "ď",
    619: "Ʃ",
    656: "ơớờởỡợ",
    667: "&ABEKPSVXYÀÁÂÃÄÅÈÉÊËÝÞĀĂĄĒĔĖĘĚĶŚŜŞŠŶŸƦƧȘẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỲỴỶỸ",
    668: "ƣ",
    670: "ưứừửữự",
    723: "CDHNRUwÇÐÑÙÚÛÜĆĈĊČĎĐĤĦŃŅŇŔŖŘŨŪŬŮŰŲŵỤỦ",
    724: "Ŋ",
    735: "Ĳ",
    737: "©®",
    755: "Ƥ",
    778: "GOQÒÓÔÕÖØĜĞĠĢŌŎŐỌỎỐỒỔỖỘ",
    834: "Mm¼½¾",
    855: "ƯỨỪỬỮỰ",
    858: "ƠỚỜỞỠỢ",
    869: "Ƣ",
    890: "%æ",
    944: "WœŴ",
    990: "▲",
    1000: "ÆŒ—…→",
    1016: "@",
}
BOLD: dict[int, str] = {
    238: "'",
    278: " ,./I\\ijl\xa0ÌÍÎÏìíîïĨĩĪīĬĭĮįİıĵĺļłſỈỉỊị‘’",
    280: "|¦",
    334: "!()-:;[]`ft¡¨\xad²³´·¸¹ţŧƫƭț",
    351: "•",
    360: "ƪ",
    366: "º",
    371: "ª",
    386: "ľ",
    390: "*r{}ŕŗř",
    400: "°",
    475: '"',
    480: "ŀť",
    500: "zźżž“”",
    549: "±÷",
    553: "¯",
    557: (
        "#$0123456789J_aceksvxy¢£¤¥§«¶»àáâãäåçèéêëýÿāăąćĉċčēĕėęěĳĴķĸśŝşšŷ"
        "ƨșạảấầẩẫậắằẳẵặẹẻẽếềểễệỳỵỷỹ–"
    ),
    577: "µ",
    584: "+<=>^~¬×",
    601: "Ʃ",
    605: "■●",
    611: (
        "?FLTZbdghnopqu¿ßðñòóôõöøùúûüþđĝğġģĥħĹĻĽĿŁńņňŋōŏőŢŤŦũūŭůűųŹŻŽƥƬƮȚ"
        "ọỏốồổỗộụủ"
    ),
    667: "EPSVXYÈÉÊËÝÞĒĔĖĘĚŚŜŞŠŶŸƦƧȘẸẺẼẾỀỂỄỆỲỴỶỸ",
    709: "ŉ",
    711: "ơớờởỡợ",
    719: "ď",
    723: "&ABCDHKNRUÀÁÂÃÄÅÇÐÑÙÚÛÜĀĂĄĆĈĊČĎĐĤĦĶŃŅŇŔŖŘŨŪŬŮŰŲẠẢẤẦẨẪẬẮẰẲẴẶỤỦ",
    724: "Ŋ",
    725: "ưứừửữự",
    737: "©®",
    744: "ƣ",
    778: "GOQwÒÓÔÕÖØĜĞĠĢŌŎŐŵỌỎỐỒỔỖỘ",
    782: "Ƥ",
    785: "Ĳ",
    830: "ƯỨỪỬỮỰ",
    834: "M¼½¾",
    854: "ƠỚỜỞỠỢ",
    887: "Ƣ",
    890: "%mæ",
    944: "WœŴ",
    976: "@",
    990: "▲",
    1000: "ÆŒ—…→",
}


def _table(groups: dict[int, str]) -> dict[str, int]:
    return {c: w for w, chars in groups.items() for c in chars}


_WIDTHS = {False: _table(REGULAR), True: _table(BOLD)}


@cache
def _char_width(c: str, bold: bool) -> int:
    return _WIDTHS[bold].get(c, UNKNOWN_WIDTH)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Points ``text`` takes on one line at ``size`` points."""
    return _em_width(text, bold) * size / 1000


@lru_cache(maxsize=1 << 16)
def _em_width(text: str, bold: bool) -> int:
    return sum(_char_width(c, bold) for c in text)


def line_height(size: float) -> float:
    """Points one line of wrapped text takes at ``size`` points."""
    return LINE_EM * size


def wrap(
    text: str, width: float, size: float, bold: bool = False
) -> list[str]:
    """``text`` broken into lines no wider than ``width`` points, as a
    spreadsheet wraps a cell: at line breaks, then between words or
    after a hyphen; a word longer than a line is cut between
    characters."""
    lines: list[str] = []
    space = text_width(" ", size, bold)
    for para in text.split("\n"):
        line, used = "", 0.0
        for piece, spaced in _pieces(para):
            w = text_width(piece, size, bold)
            gap = space if (line and spaced) else 0.0
            if used + gap + w <= width:
                line += (" " if gap else "") + piece
                used += gap + w
                continue
            if line:
                lines.append(line)
            while w > width:
                k = _fitting_prefix(piece, width, size, bold)
                lines.append(piece[:k])
                piece = piece[k:]
                w = text_width(piece, size, bold)
            line, used = piece, w
        lines.append(line)
    return lines


def _pieces(para: str):
    """The words of ``para`` cut after each hyphen, each with whether a
    space comes before it."""
    for word in para.split():
        parts = re.findall(r"[^-]*-+|[^-]+", word)
        for k, part in enumerate(parts):
            yield part, k == 0


def _fitting_prefix(word: str, width: float, size: float, bold: bool):
    """Characters of ``word`` that fit on one line (at least one)."""
    total = 0.0
    for k, c in enumerate(word):
        total += _char_width(c, bold) * size / 1000
        if total > width:
            return max(1, k)
    return len(word)


def text_height(
    text: str, width: float, size: float, bold: bool = False
) -> float:
    """Points of cell height ``text`` needs when wrapped at ``width``."""
    return (
        len(wrap(text, width, size, bold)) * line_height(size)
        + CELL_PAD_HEIGHT
    )


def column_points(width_chars: float) -> float:
    """Points a column of ``width_chars`` (the workbook's unit: digits of
    Arial 10) takes on paper, the wider of Excel's and LibreOffice's
    renderings."""
    excel = (7 * width_chars + 5) * 0.75
    libre = 5.56 * width_chars
    return max(excel, libre)


def column_text_width(width_chars: float) -> float:
    """Points of text that fit across a column of ``width_chars``, the
    narrower of Excel's and LibreOffice's renderings less the cell's
    margins."""
    excel = (7 * width_chars + 5) * 0.75
    libre = 5.55 * width_chars
    return min(excel, libre) - CELL_PAD_WIDTH
