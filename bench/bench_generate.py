"""Bench `quiz generate` (whole process) against a bare `jieba.lcut` of the same text.

Run as `python bench/bench_generate.py`. Two texts: the sample seed, and a ~1 MB text
built deterministically from the seed's cleaned paragraphs and the test fixtures (each
copy varied so sentences differ). The two sides run in interleaved pairs; prints the
median wall times, the median (and min, max) of the per-pair ratios (targets: 1.3x on the
seed and on 1 MB) and each side's peak memory.

quiz's bytecode is compiled first, as `pip install` does: jieba's is in site-packages,
and an environment with PYTHONDONTWRITEBYTECODE set would otherwise have quiz compile
its ~45 modules from source in every run (some 0.05 s no installed copy pays).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_e348ded4e9286363.txt"
FIXTURES = ROOT / "tests" / "generate" / "fixtures"
SEED_PAIRS = 15
BIG_PAIRS = 5
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


def timed(command: list[str]) -> tuple[float, int]:
    """Wall time of one child process and its peak memory (kB), measured for that child alone."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"bench: {' '.join(command)} exited with {child.returncode}")
    return elapsed, usage.ru_maxrss


def compare(label: str, source: Path, out_dir: Path, target: float, runs: int) -> None:
    """Interleaved pairs (baseline, quiz), the order flipped every other pair so a drift in
    the machine's load hits both sides alike; the ratio of each pair is taken, and the
    median and minimum of those ratios reported (a burst of load skews one pair, not all)."""
    python = sys.executable
    ours = [python, "-m", "quiz", "generate", str(source), "--out", str(out_dir), "--force"]
    base = [python, "-c", f"import jieba; jieba.lcut(open({str(source)!r}).read())"]
    timed(base)  # warm jieba's cache, quiz's caches and the OS file cache
    timed(ours)
    ratios: list[float] = []
    ours_times: list[float] = []
    base_times: list[float] = []
    ours_peak = base_peak = 0
    for pair in range(runs):
        if pair % 2 == 0:
            theirs, their_peak = timed(base)
            mine, my_peak = timed(ours)
        else:
            mine, my_peak = timed(ours)
            theirs, their_peak = timed(base)
        ratios.append(mine / theirs)
        ours_times.append(mine)
        base_times.append(theirs)
        ours_peak, base_peak = max(ours_peak, my_peak), max(base_peak, their_peak)
    ratio = statistics.median(ratios)
    verdict = "ok" if ratio <= target else "over target"
    size = source.stat().st_size
    print(
        f"{label:5} {size / 1000:6.0f} kB  quiz generate {statistics.median(ours_times):5.2f}s  "
        f"jieba.lcut {statistics.median(base_times):5.2f}s  ratio median {ratio:4.2f}x "
        f"(min {min(ratios):4.2f}x, max {max(ratios):4.2f}x, {runs} pairs; "
        f"target {target}x: {verdict})  peak memory {ours_peak / 1024:.0f} MB "
        f"vs {base_peak / 1024:.0f} MB"
    )


def main() -> None:
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "quiz")], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        big = tmp_dir / "big.txt"
        big.write_text(big_text(), encoding="utf-8")
        compare("seed", SEED, tmp_dir / "out", 1.3, SEED_PAIRS)
        compare("1 MB", big, tmp_dir / "out", 1.3, BIG_PAIRS)


if __name__ == "__main__":
    main()
