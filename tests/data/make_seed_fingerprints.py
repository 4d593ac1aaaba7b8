"""Write tests/data/seed_ngrams.txt from the seed documents.

The example project must not copy sentences from the seeds. The repository
keeps only one-way fingerprints of every 8-word sequence of the seeds (not
their text), so the check runs anywhere:

    python tests/data/make_seed_fingerprints.py ../shared/seeds
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

N = 8
OUT = Path(__file__).with_name("seed_ngrams.txt")


def words(text: str) -> list[str]:
    """Lower-case words; markup, punctuation and hyphenation breaks dropped."""
    text = re.sub(r"-\s*\n\s*", "", text)
    return re.findall(r"[0-9a-zåäöéü]+", text.lower())


def ngrams(text: str, n: int = N) -> Iterator[str]:
    tokens = words(text)
    for start in range(len(tokens) - n + 1):
        yield " ".join(tokens[start : start + n])


def fingerprint(ngram: str) -> str:
    return hashlib.sha256(ngram.encode()).hexdigest()[:16]


def fingerprints(texts: Iterable[str]) -> set[str]:
    return {fingerprint(gram) for text in texts for gram in ngrams(text)}


def main(seed_dir: str) -> None:
    seeds = sorted(Path(seed_dir).glob("0*.txt"))
    found = fingerprints(path.read_text(encoding="utf-8") for path in seeds)
    OUT.write_text("\n".join(sorted(found)) + "\n", encoding="utf-8")
    print(f"{len(found)} fingerprints from {len(seeds)} seeds -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/seeds")
