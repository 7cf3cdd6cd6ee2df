#!/usr/bin/env python3
"""The pyarabic half of the throughput benchmark: clean, normalize and tokenize a corpus.

Usage: .tools/venv/bin/python Benchmarks/pyarabic-pipeline.py CORPUS_FILE

CORPUS_FILE is UTF-8 text holding articles separated by a line that consists of the single
character U+000C (form feed); a trailing "\\r" on any line is ignored. For every article the
script does with pyarabic what Akhbar's pipeline does with ArabicText:

  1. cleaning: a line filter that drops every line with fewer than MIN_ARABIC_LETTERS Arabic
     letters. It is deliberately simple, far simpler than Akhbar's PageCleaner, which also
     finds the title and body and drops page furniture; it stands for a cheap page cleaner.
  2. normalization: the kept lines, as one text, through normalize_ligature, strip_tatweel,
     strip_diacritics (harakat, shadda, sukun, tanween and the other Arabic marks),
     ى -> ي (str.replace: pyarabic has no function for it), normalize_alef (أ إ آ ٱ -> ا)
     and normalize_teh (ة -> ه): the steps of scripts/pyarabic-key.py, which the differential
     test checks against Akhbar's matching key, plus ى -> ي.
  3. tokenization: araby.tokenize on the normalized text; the tokens are counted.

Only these steps are timed (time.perf_counter): reading, decoding and splitting the file into
articles are not. Prints one JSON line:
  {"tool":"pyarabic","bytes":N,"seconds":S,"mb_per_s":X,"tokens":T}
where N is the size of the whole file in bytes (separator lines included) and MB is 10^6 bytes.
"""

import json
import re
import sys
import time

from pyarabic import araby

MIN_ARABIC_LETTERS = 10
ARABIC_LETTER = re.compile("[\u0621-\u063a\u0641-\u064a\u0671]")
SEPARATOR = "\f"


def read_articles(path: str) -> tuple[int, list[str]]:
    with open(path, "rb") as file:
        data = file.read()
    articles: list[str] = []
    current: list[str] = []
    for line in data.decode("utf-8").split("\n"):
        line = line.removesuffix("\r")
        if line == SEPARATOR:
            articles.append("\n".join(current))
            current = []
        else:
            current.append(line)
    if any(current):
        articles.append("\n".join(current))
    return len(data), articles


def clean(article: str) -> str:
    return "\n".join(
        line for line in article.split("\n") if len(ARABIC_LETTER.findall(line)) >= MIN_ARABIC_LETTERS
    )


def normalize(text: str) -> str:
    text = araby.normalize_ligature(text)
    text = araby.strip_tatweel(text)
    text = araby.strip_diacritics(text)
    text = text.replace(araby.ALEF_MAKSURA, araby.YEH)
    text = araby.normalize_alef(text)
    return araby.normalize_teh(text)


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: pyarabic-pipeline.py CORPUS_FILE")
    size, articles = read_articles(sys.argv[1])

    start = time.perf_counter()
    tokens = 0
    for article in articles:
        tokens += len(araby.tokenize(normalize(clean(article))))
    seconds = time.perf_counter() - start

    print(
        json.dumps(
            {
                "tool": "pyarabic",
                "bytes": size,
                "seconds": round(seconds, 4),
                "mb_per_s": round(size / 1e6 / seconds, 3) if seconds > 0 else None,
                "tokens": tokens,
            },
            separators=(",", ":"),
        )
    )


if __name__ == "__main__":
    main()
