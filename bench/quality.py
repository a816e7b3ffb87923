"""Card quality on the project's corpus of real texts (tests/corpus/): what a rule gains and costs.

Run as `python bench/quality.py` from the repository root. For every text with a marks file
(`tests/corpus/marks/<slug>.yaml`: the phrases a teacher chose by hand, and for a work report
the targets of its 主要预期目标 paragraph) it generates the deck as `quiz generate` would and
prints, per text and overall:

- `recall`: the share of the marked phrases some card asks (a cloze answer, or a side of a
  matching pair, equal to the phrase or a close extent of it: see `covers`); a mark that is
  a list (传播力、引导力、影响力、公信力; Great Britain; France; Russia) counts as asked when at
  least half its items are (see `list_items`);
- `figures`: the share of the stated targets asked;
- `per1k`: cards per 1,000 characters of cleaned text (a matching set counts as one card);
- `kw%`: the share of keyword-fallback cards, and the share of every tag below the table;
- `ambig`: cards whose answer occurs twice in the card's own text (an ambiguous blank).

`--json FILE` saves the figures; `--against FILE` prints each figure's change from a saved run
(measure before a rule change, then after). `--top N` prints each text's N most important
cards, `--sample N` N random cards of each long text (seeded: the same cards every run) for a
reader to judge, `--all` generates without the density cap, `--text SLUG` limits the run.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS = ROOT / "tests" / "corpus"
LONG_TEXT = 5000


def normalise(text: str) -> str:
    """Simplified, NFKC, no punctuation or space, casefolded: how marks and answers compare."""
    from quiz.text.script import to_simplified

    text = unicodedata.normalize("NFKC", to_simplified(text)).casefold()
    return "".join(ch for ch in text if ch.isalnum() or ch in "%.")


def covers(answer: str, mark: str) -> bool:
    """Whether asking `answer` tests the marked phrase `mark` (both normalised).

    Equal; or the answer holds the mark with little more around it (新质生产力 for 发展新质
    生产力); or the answer is most of the mark (5%左右 for 增长5%左右). A blank on 生产力
    does not test 新质生产力, nor 5 test 5%左右.

    >>> covers("新质生产力", "新质生产力"), covers("生产力", "新质生产力")
    (True, False)
    >>> covers("5%左右", "增长5%左右"), covers("5", "5%左右")
    (True, False)
    """
    if not answer or not mark:
        return False
    if answer == mark:
        return True
    if mark in answer:
        return len(answer) <= len(mark) + max(2, len(mark) // 2)
    if answer in mark:
        return len(answer) >= 0.6 * len(mark) and len(mark) - len(answer) <= 3
    return False


_LIST_SEPARATORS = re.compile("[、；;，,]")


def list_items(mark: str) -> list[str]:
    """The items of a mark that lists several (two or more, each of two characters or
    more), else []: 传播力、引导力 -> [传播力, 引导力]."""
    items = [item.strip() for item in _LIST_SEPARATORS.split(mark)]
    if len(items) < 2 or any(len(normalise(item)) < 2 for item in items):
        return []
    return items


def asked(mark: str, answers: list[str]) -> bool:
    """Whether some card asks `mark` (normalised answers), or half the items of a list."""
    items = list_items(mark)
    if items:
        hits = sum(1 for item in items if any(covers(a, normalise(item)) for a in answers))
        return hits * 2 >= len(items) or any(covers(a, normalise(mark)) for a in answers)
    return any(covers(a, normalise(mark)) for a in answers)


@dataclass
class TextResult:
    slug: str
    kind: str
    chars: int
    cards: int
    per1k: float
    marks: int
    recall: float
    figures: float | None
    keyword_share: float
    ambiguous: int
    tags: dict[str, int] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)
    seconds: float = 0.0


def text_file(slug: str) -> Path | None:
    found = sorted((CORPUS / "texts").glob(f"{slug}.*"))
    return found[0] if found else None


def card_answers(card: Any) -> list[str]:
    from quiz.deck import ClozeCard

    if isinstance(card, ClozeCard):
        return [card.answer]
    return [side for pair in card.pairs for side in pair]


def ambiguous(card: Any) -> bool:
    from quiz.deck import ClozeCard

    if not isinstance(card, ClozeCard):
        return False
    return normalise(card.sentence).count(normalise(card.answer)) > 1


def measure(slug: str, marks_file: Path, *, keep_all: bool) -> tuple[TextResult, Any]:
    from quiz.generate.pipeline import generate_deck

    spec = yaml.safe_load(marks_file.read_text(encoding="utf-8"))
    path = text_file(slug)
    if path is None:
        raise SystemExit(f"{marks_file}: no text tests/corpus/texts/{slug}.*")
    started = time.perf_counter()
    deck, report = generate_deck(path, keep_all=keep_all)
    seconds = time.perf_counter() - started
    chars = report.chars  # cleaned text, spaces left out: what the density cap counts
    answers = [normalise(a) for card in deck.cards for a in card_answers(card)]
    marks = [str(m) for m in spec.get("marks") or []]
    missed = [m for m in marks if not asked(m, answers)]
    figures = [str(f) for f in spec.get("figures") or []]
    fig_hit = [f for f in figures if asked(f, answers)]
    tags: dict[str, int] = {}
    for card in deck.cards:
        tag = card.tags[0] if card.tags else "-"
        tags[tag] = tags.get(tag, 0) + 1
    cards = len(deck.cards)
    from quiz.deck import ClozeCard

    keyword = sum(1 for c in deck.cards if isinstance(c, ClozeCard) and "keyword" in c.tags)
    result = TextResult(
        slug=slug,
        kind=str(spec.get("kind", "")),
        chars=chars,
        cards=cards,
        per1k=round(1000 * cards / max(chars, 1), 1),
        marks=len(marks),
        recall=round(1 - len(missed) / len(marks), 3) if marks else 1.0,
        figures=round(len(fig_hit) / len(figures), 3) if figures else None,
        keyword_share=round(keyword / cards, 3) if cards else 0.0,
        ambiguous=sum(1 for c in deck.cards if ambiguous(c)),
        tags=tags,
        missed=missed,
        seconds=round(seconds, 2),
    )
    return result, deck


def shown(card: Any) -> str:
    from quiz.deck import ClozeCard

    if isinstance(card, ClozeCard):
        text = card.text.replace("\n", " ")
        if len(text) <= 90:
            return text
        # a long sentence: the blank with 36 characters either side, so it is read
        at = text.find("{{c")
        end = text.find("}}", at) + 2 if at >= 0 else 0
        start, stop = max(0, at - 36), min(len(text), end + 36)
        return ("…" if start else "") + text[start:stop] + ("…" if stop < len(text) else "")
    return " | ".join(f"{a}↔{b}" for a, b in card.pairs)[:90]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", metavar="FILE", help="save the figures as JSON")
    parser.add_argument("--against", metavar="FILE", help="print changes from a saved run")
    parser.add_argument("--top", type=int, default=0, metavar="N", help="top N cards per text")
    parser.add_argument("--sample", type=int, default=0, metavar="N", help="N random cards")
    parser.add_argument("--all", action="store_true", help="no density cap")
    parser.add_argument("--text", action="append", metavar="SLUG", help="only these texts")
    parser.add_argument("--missed", action="store_true", help="list the marks no card asks")
    args = parser.parse_args(argv)

    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    marks_files = sorted((CORPUS / "marks").glob("*.yaml"))
    if args.text:
        marks_files = [m for m in marks_files if m.stem in args.text]
    if not marks_files:
        print(f"no marks files under {CORPUS / 'marks'}", file=sys.stderr)
        return 1
    results: list[TextResult] = []
    decks: dict[str, Any] = {}
    for marks_file in marks_files:
        result, deck = measure(marks_file.stem, marks_file, keep_all=args.all)
        results.append(result)
        decks[result.slug] = deck

    before: dict[str, Any] = {}
    if args.against:
        saved = json.loads(Path(args.against).read_text(encoding="utf-8"))
        before = {row["slug"]: row for row in saved["texts"]}
        before["ALL"] = saved["overall"]

    def delta(slug: str, key: str, value: float | None, fmt: str) -> str:
        old = before.get(slug, {}).get(key)
        cell = format(value, fmt) if value is not None else "-"
        if old is None or value is None or old == value:
            return cell
        return f"{cell}({value - old:+{fmt}})"

    header = f"{'text':28} {'kind':22} {'chars':>6} {'cards':>5} {'per1k':>6} "
    header += f"{'recall':>7} {'figures':>7} {'kw%':>5} {'ambig':>5}"
    print(header)
    for r in results:
        print(
            f"{r.slug[:28]:28} {r.kind[:22]:22} {r.chars:6d} "
            f"{delta(r.slug, 'cards', r.cards, 'd'):>5} "
            f"{delta(r.slug, 'per1k', r.per1k, '.1f'):>6} "
            f"{delta(r.slug, 'recall', r.recall, '.2f'):>7} "
            f"{delta(r.slug, 'figures', r.figures, '.2f'):>7} "
            f"{delta(r.slug, 'keyword_share', r.keyword_share, '.2f'):>5} {r.ambiguous:5d}"
        )
    total_marks = sum(r.marks for r in results)
    hit = sum(r.marks - len(r.missed) for r in results)
    with_figures = [r.figures for r in results if r.figures is not None]
    overall = {
        "recall": round(hit / total_marks, 3) if total_marks else 1.0,
        "min_recall": min(r.recall for r in results),
        "figures": round(statistics.mean(with_figures), 3) if with_figures else None,
        "per1k_long": round(max((r.per1k for r in results if r.chars > LONG_TEXT), default=0.0), 1),
        "keyword_share": round(
            sum(r.keyword_share * r.cards for r in results) / max(sum(r.cards for r in results), 1),
            3,
        ),
        "ambiguous": sum(r.ambiguous for r in results),
        "cards": sum(r.cards for r in results),
    }
    print(
        f"{'ALL':28} {'':22} {sum(r.chars for r in results):6d} "
        f"{delta('ALL', 'cards', overall['cards'], 'd'):>5} "
        f"{'max ' + format(overall['per1k_long'], '.1f'):>6} "
        f"{delta('ALL', 'recall', overall['recall'], '.2f'):>7} "
        f"{delta('ALL', 'figures', overall['figures'], '.2f'):>7} "
        f"{delta('ALL', 'keyword_share', overall['keyword_share'], '.2f'):>5} "
        f"{overall['ambiguous']:5d}"
    )
    print(
        f"min recall of a text: {overall['min_recall']:.2f}; per1k: the largest on texts over "
        f"{LONG_TEXT} characters"
    )
    tags: dict[str, int] = {}
    for r in results:
        for tag, count in r.tags.items():
            tags[tag] = tags.get(tag, 0) + count
    total = sum(tags.values()) or 1
    print(
        "tags: "
        + ", ".join(
            f"{t} {100 * n / total:.0f}%"
            for t, n in sorted(tags.items(), key=lambda item: (-item[1], item[0]))
        )
    )
    if args.missed:
        for r in results:
            if r.missed:
                print(f"missed in {r.slug}: " + "、".join(r.missed))
    for r in results:
        deck = decks[r.slug]
        if args.top:
            ranked = sorted(
                enumerate(deck.cards),
                key=lambda item: (-(getattr(item[1], "importance", None) or 0), item[0]),
            )
            print(f"\n{r.slug}: top {args.top}")
            for _i, card in ranked[: args.top]:
                print(f"  {getattr(card, 'importance', None)!s:>4} {card.tags[0]:8} {shown(card)}")
        if args.sample and r.chars > LONG_TEXT:
            picked = random.Random(r.slug).sample(list(deck.cards), min(args.sample, len(deck)))
            print(f"\n{r.slug}: {len(picked)} random cards")
            for card in picked:
                print(f"  {card.tags[0]:8} {shown(card)}")
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {"texts": [asdict(r) for r in results], "overall": overall},
                ensure_ascii=False,
                indent=1,
                sort_keys=True,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
