"""Bench reading and cleaning against one OpenCC pass over the same text.

Run as `python bench/bench_text_clean.py`. Three ~1 MB texts, each built by repeating a
dirty source: the sample seed (433 pinyin notes, chrome, spam, garble), the Simplified
government-report page and the Traditional original from the text tests' fixtures. For
each: the median of a few runs of `read_source` + `clean`, of `to_simplified` alone (the
baseline: a C++ pass every generation makes anyway), their ratio, and CPU seconds per MB.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    ROOT / "seeds" / "000_e348ded4e9286363.txt",
    ROOT / "tests" / "text" / "fixtures" / "gov_report_simplified.txt",
    ROOT / "tests" / "text" / "fixtures" / "traditional_original.txt",
]
RUNS = 5
BIG_BYTES = 1_000_000


def median_seconds(work: Callable[[], object]) -> float:
    """Median CPU seconds of a few runs (CPU time: the machine is shared and noisy)."""
    times = []
    for _ in range(RUNS):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from quiz.text.clean import clean
    from quiz.text.read import read_source
    from quiz.text.script import to_simplified

    clean("預熱")  # build the character tables once, as a long-running process would
    with tempfile.TemporaryDirectory() as scratch:
        for source in SOURCES:
            text = source.read_text(encoding="utf-8")
            copies = BIG_BYTES // len(text.encode("utf-8")) + 1
            big = Path(scratch) / source.name
            big.write_text((text + "\n") * copies, encoding="utf-8")
            megabytes = big.stat().st_size / 1e6
            loaded = read_source(big).text
            ours = median_seconds(lambda path=big: clean(read_source(path).text))
            base = median_seconds(lambda body=loaded: to_simplified(body))
            print(
                f"{source.name:32} {megabytes:5.2f} MB  read+clean {ours:6.3f} s"
                f" ({ours / megabytes:5.3f} s/MB)  t2s {base:6.3f} s  ratio {ours / base:5.1f}x"
            )


if __name__ == "__main__":
    main()
