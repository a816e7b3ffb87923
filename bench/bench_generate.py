"""Bench `quiz generate` (whole process) against a bare `jieba.lcut` of the same text.

Run as `python bench/bench_generate.py`. Two texts: the sample seed, and a ~1 MB text
built deterministically from the seed's cleaned paragraphs and the test fixtures (each
copy varied so sentences differ). Prints the median wall time of a few runs of each side,
their ratio (targets: 1.5x on the seed, 2x on 1 MB) and the peak memory of the children.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_e348ded4e9286363.txt"
FIXTURES = ROOT / "tests" / "generate" / "fixtures"
RUNS = 5
BIG_BYTES = 1_000_000


def big_text() -> str:
    """~1 MB of real, varied paragraphs: the cleaned seed and the fixtures, numbered copies."""
    from quiz.text.clean import clean
    from quiz.text.read import read_source

    paragraphs: list[str] = []
    for path in [SEED, *sorted(FIXTURES.glob("*.txt"))]:
        text = clean(read_source(path).text).text
        paragraphs.extend(line.strip() for line in text.splitlines() if len(line.strip()) > 20)
    numerals = "一二三四五六七八九十"
    out: list[str] = []
    size = 0
    copy = 0
    while size < BIG_BYTES:
        copy += 1
        out.append(f"{numerals[copy % 10]}、第{copy}部分，材料汇编")
        for index, paragraph in enumerate(paragraphs):
            line = f"{paragraph}（第{copy}编第{index + 1}段）"
            out.append(line)
            size += len(line.encode("utf-8")) + 1
    return "\n\n".join(out) + "\n"


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def compare(label: str, source: Path, out_dir: Path, target: float) -> None:
    python = sys.executable
    ours = [python, "-m", "quiz", "generate", str(source), "--out", str(out_dir)]
    base = [python, "-c", f"import jieba; jieba.lcut(open({str(source)!r}).read())"]
    timed(base)  # warm jieba's cache and the OS file cache
    ours_times, base_times = [], []
    for _ in range(RUNS):
        base_times.append(timed(base))
        ours_times.append(timed(ours))
    mine, theirs = statistics.median(ours_times), statistics.median(base_times)
    ratio = mine / theirs
    verdict = "ok" if ratio <= target else "over target"
    size = source.stat().st_size
    print(
        f"{label:5} {size / 1000:8.0f} kB  quiz generate {mine:6.2f}s  jieba.lcut {theirs:6.2f}s  "
        f"ratio {ratio:4.2f}x (target {target}x: {verdict})"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        big = tmp_dir / "big.txt"
        big.write_text(big_text(), encoding="utf-8")
        compare("seed", SEED, tmp_dir / "out", 1.5)
        compare("1 MB", big, tmp_dir / "out", 2.0)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"peak memory of a child process: {peak / 1024:.0f} MB")


if __name__ == "__main__":
    main()
