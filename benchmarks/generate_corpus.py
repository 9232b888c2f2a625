"""Write a synthetic content tree of N entries, for speed benchmarks of `kb index` and search.

The words come from the seed report itself (the English main report and the Russian
country studies): its text is split into sentences, each classed as Russian or English by
its script, and every entry's body, title and translation are sampled from those pools.
Front matter uses only the slugs of `content/taxonomy.yaml`, so `kb check` stays clean.

    python benchmarks/generate_corpus.py --entries 20000 --out benchmarks/corpus-20k
    KB_CONTENT_DIR=benchmarks/corpus-20k KB_INDEX_DIR=benchmarks/index-20k .venv/bin/kb index

The same --seed gives the same tree. Files go to `<out>/gen/<NNN>/<id>.md`, at most
1000 per directory, next to copies of the taxonomy, the glossary and the report records.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
SEED_TEXT = REPO.parent / "shared" / "seed" / "000_476e2bbe56d3d756.txt"
TAXONOMY = REPO / "content" / "taxonomy.yaml"
GLOSSARY = REPO / "content" / "glossary.yaml"

PER_DIRECTORY = 1000
TYPES = {"recommendation": ("rec", 50), "lesson": ("lesson", 30), "good-practice": ("gp", 20)}
PARTS = {"en": ["Main report"],
         "ru": ["Annex 6a: Kazakhstan country study", "Annex 6b: Kyrgyzstan country study",
                "Annex 6c: Tajikistan country study"]}
TRANSLATION_HEADING = {"ru": "## Translation", "en": "## Перевод"}
OTHER_LANG = {"ru": "en", "en": "ru"}
BODY_WORDS = (40, 150)    # a body stops growing at the upper bound, grows to the lower
SENTENCE_WORDS = (6, 60)  # sentences outside these bounds are headings, tables or run-ons

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=(?:\d{1,3}\.\s+)?[«\"“(]?[A-ZА-ЯЁ])")
BREAK = re.compile(r"\n\s*\n|[\f\uf0b7•▪●◦]")  # blank lines and bullets end a sentence too
LEADING_MARK = re.compile(r"^(?:\d{1,3}\.\s+|[\uf0b7•▪●◦\-–]\s*)+")
CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
LATIN = re.compile(r"[a-zA-Z]")
# Contents leaders, rules, footnote markers glued to words ("projects20.", "2011.4"), stray marks.
NOISE = re.compile(r"\.{3,}|…|_{2,}|[^\W\d_]\d|\d[^\W\d_]|[.,;:]\d|\s[,.;:]|https?:")


@dataclass(frozen=True)
class Pools:
    """The seed report's sentences, by language, and the taxonomy's slugs by vocabulary."""

    sentences: dict[str, list[str]]
    slugs: dict[str, list[str]]
    reports: list[str]
    objectives: dict[str, list[str]]     # by report (YAML scalar): its own objectives and the shared ones


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line: how many entries, where, which seed, whether to overwrite."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, required=True, help="How many entries to write.")
    parser.add_argument("--out", type=Path, required=True, help="The content directory to fill.")
    parser.add_argument("--seed", type=int, default=1, help="Random seed (same seed, same tree).")
    parser.add_argument("--force", action="store_true",
                        help="Write into a non-empty directory, removing the entries of an "
                             "earlier run (the *.md files under <out>/gen/).")
    args = parser.parse_args(argv)
    if args.entries < 1:
        parser.error("--entries must be at least 1")
    return args


def split_sentences(text: str) -> list[str]:
    """The report's text as single-line sentences, paragraph numbers and bullets dropped."""
    sentences = []
    for paragraph in BREAK.split(text):
        paragraph = re.sub(r"(\w)-[ \t]*\n\s*(?=\w)", r"\1-", paragraph)
        paragraph = re.sub(r"\s+", " ", paragraph)
        sentences += [LEADING_MARK.sub("", s).strip() for s in SENTENCE_END.split(paragraph)]
    return [sentence for sentence in sentences if sentence]


def language_of(sentence: str) -> str | None:
    """`ru` or `en` when a usable sentence is (almost) all in one script, else None."""
    words = len(sentence.split())
    if not SENTENCE_WORDS[0] <= words <= SENTENCE_WORDS[1] or NOISE.search(sentence):
        return None
    if not sentence[0].isupper() or sentence[-1] not in ".!?":
        return None
    cyrillic, latin = len(CYRILLIC.findall(sentence)), len(LATIN.findall(sentence))
    if cyrillic >= 9 * latin and cyrillic:
        return "ru"
    if latin and not cyrillic:
        return "en"
    return None


def sentence_pools(text: str) -> dict[str, list[str]]:
    """Distinct usable sentences of the text, by language, in the order of the text."""
    pools: dict[str, dict[str, None]] = {"ru": {}, "en": {}}
    for sentence in split_sentences(text):
        lang = language_of(sentence)
        if lang:
            pools[lang][sentence] = None
    return {lang: list(found) for lang, found in pools.items()}


def yaml_scalar(slug: str) -> str:
    """A slug as YAML: plain, or quoted when YAML would read it as something else ("no", "1")."""
    return slug if yaml.safe_load(slug) == slug else json.dumps(slug)


def taxonomy_slugs(path: Path) -> tuple[dict[str, list[str]], list[str], dict[str, list[str]]]:
    """The slugs (as YAML) an entry may use for each tag key, the reports of the records, and
    the objectives each report's entries may name (its own and the shared ones: an objective
    of another report is a problem `kb index` skips the entry for).

    Countries are those of the report records (the seed's four places), not the ~270 of the
    vocabulary: the corpus keeps the seed's distribution.
    """
    sys.path.insert(0, str(REPO))
    from indexer.content.taxonomy import load_taxonomy

    taxonomy = load_taxonomy(path)
    records = taxonomy.reports.values()
    slugs = {key: [yaml_scalar(slug) for slug in taxonomy.slugs(key)] for key in ("stakeholders", "themes")}
    slugs["countries"] = [yaml_scalar(s) for s in dict.fromkeys(c for r in records for c in r.countries)]
    shared = [s for s in taxonomy.slugs("objectives") if taxonomy.objective_owner(s) is None]
    objectives = {yaml_scalar(slug): [yaml_scalar(s) for s in [*record.objectives, *shared]]
                  for slug, record in taxonomy.reports.items()}
    return slugs, [yaml_scalar(slug) for slug in taxonomy.reports], objectives


def load_pools(seed_text: Path, taxonomy: Path) -> Pools:
    """Everything the entries are drawn from."""
    slugs, reports, objectives = taxonomy_slugs(taxonomy)
    return Pools(sentence_pools(seed_text.read_text(encoding="utf-8")), slugs, reports, objectives)


def prepare_out(out: Path, force: bool) -> None:
    """Refuse a non-empty directory unless forced; then remove only an earlier run's entries."""
    if out.exists() and any(out.iterdir()):
        if not force:
            sys.exit(f"generate_corpus: {out} is not empty (use --force to replace its entries)")
        generated = out / "gen"
        for path in generated.rglob("*.md") if generated.is_dir() else []:
            path.unlink()
        for directory in sorted(generated.glob("*"), reverse=True):
            if directory.is_dir() and not any(directory.iterdir()):
                directory.rmdir()
    out.mkdir(parents=True, exist_ok=True)


def fragment(rng: random.Random, pool: list[str], low: int = 5, high: int = 12) -> str:
    """The first 5–12 words of a random sentence, without dashes or trailing punctuation."""
    words = [word for word in rng.choice(pool).split() if any(c.isalnum() for c in word)]
    return " ".join(words[:rng.randint(low, high)]).rstrip(".,;:!?")


def spliced_sentence(rng: random.Random, pool: list[str]) -> str:
    """The head of one random sentence joined to the tail of another, cut at random words.

    Whole sentences recur in many bodies, and a body that shares its longest sentence with
    another looks to `kb check` like the same item entered twice; spliced ones do not.
    """
    head, tail = rng.choice(pool).split(), rng.choice(pool).split()
    cut_head, cut_tail = rng.randint(3, len(head) - 1), rng.randint(1, len(tail) - 3)
    return " ".join(head[:cut_head] + tail[cut_tail:])


def body_text(rng: random.Random, pool: list[str]) -> str:
    """2–6 spliced sentences, grown to at least 40 words and kept under about 150."""
    wanted, sentences, words = rng.randint(2, 6), [], 0
    while len(sentences) < wanted or words < BODY_WORDS[0]:
        sentence = spliced_sentence(rng, pool)
        length = len(sentence.split())
        if sentences and words + length > BODY_WORDS[1]:
            break
        sentences.append(sentence)
        words += length
    return " ".join(sentences)


def tags(rng: random.Random, slugs: list[str]) -> str:
    """1–3 distinct slugs as a YAML flow list."""
    return "[" + ", ".join(rng.sample(slugs, rng.randint(1, 3))) + "]"


def entry_text(number: int, rng: random.Random, pools: Pools) -> tuple[str, str]:
    """The id and the whole Markdown file of entry number `number`."""
    lang = "ru" if number % 2 else "en"
    other = OTHER_LANG[lang]
    kind = rng.choices(list(TYPES), weights=[weight for _, weight in TYPES.values()])[0]
    entry_id = f"gen-{number:06d}-{TYPES[kind][0]}"
    own, theirs = pools.sentences[lang], pools.sentences[other]
    report = rng.choice(pools.reports)
    section = f"{rng.randint(3, 6)}.{rng.randint(1, 5)}" + (
        f".{rng.randint(1, 9)}" if rng.random() < 0.5 else "")
    lines = [
        "---",
        f"id: {entry_id}",
        f"type: {kind}",
        f"lang: {lang}",
        f"title: {json.dumps(fragment(rng, own), ensure_ascii=False)}",
        f"title_translated: {json.dumps(fragment(rng, theirs), ensure_ascii=False)}",
        *(f"{key}: {tags(rng, slugs)}" for key, slugs in pools.slugs.items()),
        f"objectives: {tags(rng, pools.objectives[report])}",
        "source:",
        f"  report: {report}",
        f"  part: {json.dumps(rng.choice(PARTS[lang]))}",
        f"  section: \"{section}\"",
        f"  paragraph: {rng.randint(1, 200)}",
        f"  item: {rng.randint(1, 12)}",
        "  also: []",
        "parallel: []",
        "---",
        body_text(rng, own),
        "",
        TRANSLATION_HEADING[lang],
        "",
        " ".join(rng.choice(theirs) for _ in range(rng.randint(1, 3))),
        "",
    ]
    return entry_id, "\n".join(lines)


def write_entries(out: Path, count: int, seed: int, pools: Pools) -> None:
    """Write `count` entries under `<out>/gen/<NNN>/`, at most 1000 per directory."""
    rng = random.Random(seed)
    directory = out
    for number in range(count):
        if number % PER_DIRECTORY == 0:
            directory = out / "gen" / f"{number // PER_DIRECTORY:03d}"
            directory.mkdir(parents=True, exist_ok=True)
        entry_id, text = entry_text(number, rng, pools)
        (directory / f"{entry_id}.md").write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    """Generate the tree and print one summary line."""
    args = parse_args(argv)
    started = time.perf_counter()
    pools = load_pools(SEED_TEXT, TAXONOMY)
    prepare_out(args.out, args.force)
    write_entries(args.out, args.entries, args.seed, pools)
    for path in (TAXONOMY, GLOSSARY):
        shutil.copyfile(path, args.out / path.name)
    shutil.copytree(TAXONOMY.parent / "reports", args.out / "reports", dirs_exist_ok=True)
    seconds = time.perf_counter() - started
    print(f"{args.entries} entries written to {args.out} in {seconds:.1f} s "
          f"(seed {args.seed}; pools: {len(pools.sentences['en'])} en, "
          f"{len(pools.sentences['ru'])} ru sentences)")


if __name__ == "__main__":
    main()
