#!/usr/bin/env python3
"""pyarabic's version of the normalization rules that Akhbar's matching key shares with it.

Reads UTF-8 words on stdin, one per line, and writes one result per line in the same order.
Used by Tests/ArabicTextTests/PyArabicAgreementTests.swift; needs pyarabic (scripts/setup.sh
installs it into .tools/venv).

The shared rules, as pyarabic 0.6.15's araby module implements them:
  normalize_ligature  the four isolated lam-alef ligatures (U+FEF5 U+FEF7 U+FEF9 U+FEFB) -> ل ا
  strip_tatweel       removes U+0640
  strip_diacritics    removes every nonspacing mark of U+0600-U+06FE: harakat, shadda, sukun,
                      tanween, superscript alef, combining madda and hamza, Quranic marks
  normalize_alef      آ أ إ ٱ -> ا (and ى -> ا, see below)
  normalize_teh       ة -> ه

strip_diacritics runs before normalize_alef because normalize_alef would turn the superscript
alef (U+0670) into a full alef, where both normalizers drop it as a mark.

Nothing else is done here: where Akhbar's key differs from these functions (ى, for one, which
normalize_alef folds into alef and Akhbar into yeh), the Swift test adjusts the words or the
results and lists the difference with its reason.
"""

import sys

from pyarabic import araby


def shared_rules(word: str) -> str:
    word = araby.normalize_ligature(word)
    word = araby.strip_tatweel(word)
    word = araby.strip_diacritics(word)
    word = araby.normalize_alef(word)
    return araby.normalize_teh(word)


def main() -> None:
    # Split on "\n" only: str.splitlines would also split on U+001C-U+001E, U+0085, U+2028 ...
    words = sys.stdin.buffer.read().decode("utf-8").split("\n")
    if words and words[-1] == "":
        words.pop()
    sys.stdout.buffer.write("".join(shared_rules(word) + "\n" for word in words).encode("utf-8"))


if __name__ == "__main__":
    main()
