"""Shared pieces of the TUI tests: small decks in both scripts written as real YAML files,
a clock the tests move by hand, and the function that builds the app the way the CLI does.

Snapshot tests build their apps with `build_app` too (snap_compare accepts an App).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from quiz.config import Config
from quiz.deck import Deck, load_deck
from quiz.store import Store
from quiz.tui.app import QuizApp

START = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)

SIMPLIFIED_DECK = """\
title: 抓基层打基础
source: seeds/jianti.txt
cards:
  - id: c-sanhui
    type: cloze
    text: 认真落实“{{c1::三会一课}}”、主题党日等制度，严格党的组织生活。
    accept: [三會一課]
    hint: sān huì yī kè
    section: 二、铸牢思想之“魂”
    line: 31
    importance: 80
  - id: c-yishi
    type: cloze
    text: 引导党员牢固树立“{{c1::四个意识}}”，坚定“四个自信”，做到“两个维护”。
    accept: [四個意識]
    section: 二、铸牢思想之“魂”
    line: 33
  - id: m-titles
    type: match
    prompt: 把各部分标题与其目标配对
    pairs:
      - [完善组织之“形”, 推动基层组织由“建起来”变“强起来”]
      - [铸牢思想之“魂”, 推动学习教育由“走形式”变“下功夫”]
      - [锤炼队伍之“钢”, 推动党员队伍由“大起来”变“强起来”]
    section: 全文
    line: 9
"""

TRADITIONAL_DECK = """\
title: 抓基層打基礎 [i]標題[/i]
source: seeds/fanti.txt
cards:
  - id: t-zongxiang
    type: cloze
    text: 堅持{{c1::縱向到底}}，實現黨的組織全覆蓋。
    accept: [纵向到底]
    section: 一、完善組織之“形”
    line: 12
  - id: t-markup
    type: cloze
    text: "按 [bold]{{c1::確認}}[/] 鍵，再看 [red]提示[/red] 與 [link=x]連結[/link]。"
    accept: [确认]
    section: "[b]標記[/b] 測試"
    line: 40
    importance: 30
"""


FIGURE_DECK = """\
title: 政府工作报告
source: seeds/shuzi.txt
cards:
  - id: f-gdp
    type: cloze
    text: 今年发展主要预期目标是：国内生产总值增长{{c1::5%左右}}。
    section: 一、主要预期目标
    line: 4
  - id: f-jobs
    type: cloze
    text: 城镇新增就业{{c1::1200万人左右}}，城镇调查失业率5.5%左右。
    section: 一、主要预期目标
    line: 5
"""


ANKI_SHAPES_DECK = """\
title: Anki shapes
cards:
  - id: capital
    text: "{{c1::巴黎::a city}}是{{c2::法国}}的首都。"
    line: 1
  - id: sum
    type: basic
    front: What is 2+2?
    back: "4"
    line: 2
"""


CHOICE_DECK = """\
title: 四个意识
cards:
  - id: x-yishi
    type: cloze
    text: 引导党员牢固树立“{{c1::四个意识}}”，自觉同党中央保持高度一致。
    accept: [四個意識]
    section: 一、思想建党
    line: 3
    importance: 90
  - id: x-queli
    type: cloze
    text: 深刻领悟“{{c1::两个确立}}”的决定性意义。
    section: 一、思想建党
    line: 4
    importance: 80
  - id: x-zixin
    type: cloze
    text: 全党要坚定“{{c1::四个自信}}”，这是我们的底气所在。
    section: 一、思想建党
    line: 5
  - id: x-quanmian
    type: cloze
    text: 统筹推进“{{c1::四个全面}}”战略布局。
    section: 二、战略布局
    line: 8
  - id: x-fuwu
    type: cloze
    text: 始终落实“{{c1::四个服务}}”的根本要求。
    section: 二、战略布局
    line: 9
"""


@dataclass
class FixedClock:
    """A clock that stands still until the test moves it."""

    now: datetime = START
    ticks: list[datetime] = field(default_factory=list)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def test_config(**changes: object) -> Config:
    """Anki's defaults, a fixed time zone, no fuzz: schedules are the same on every machine."""
    return replace(Config(timezone=ZoneInfo("UTC"), enable_fuzzing=False), **changes)


def write_decks(root: Path, which: Sequence[str] = ("jianti", "fanti")) -> list[Deck]:
    """Write the test decks into `root/decks/` and load them back (real YAML on disk)."""
    texts = {
        "jianti": SIMPLIFIED_DECK,
        "fanti": TRADITIONAL_DECK,
        "shuzi": FIGURE_DECK,
        "shapes": ANKI_SHAPES_DECK,
        "xuanze": CHOICE_DECK,
    }
    folder = root / "decks"
    folder.mkdir(parents=True, exist_ok=True)
    decks = []
    for name in which:
        path = folder / f"{name}.yaml"
        path.write_text(texts[name], encoding="utf-8")
        decks.append(load_deck(path))
    return decks


def open_store(db: Path, decks: Sequence[Deck], clock: FixedClock) -> Store:
    store = Store.open(db)
    for deck in decks:
        store.sync_deck(deck, now=clock())
    return store


def build_app(
    root: Path,
    *,
    clock: FixedClock | None = None,
    which: Sequence[str] = ("jianti", "fanti"),
    study: Sequence[str] | None = None,
    cram: bool = False,
    config: Config | None = None,
) -> QuizApp:
    """The app over fresh decks in `root` and a real database file `root/quiz.db`."""
    clock = clock or FixedClock()
    decks = write_decks(root, which)
    store = open_store(root / "quiz.db", decks, clock)
    return QuizApp(
        store,
        decks,
        config or test_config(),
        clock,
        study=study,
        cram=cram,
        root=root,
        cursor_blink=False,
    )


def screen_text(app: QuizApp) -> str:
    """What the terminal shows, as plain text (one line per row)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


async def restart_session(app: QuizApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Leave whatever is on screen (session, summary) for home, then study its first deck."""
    from quiz.tui.screens.home import HomeScreen
    from quiz.tui.screens.study import StudyScreen

    while not isinstance(app.screen, HomeScreen):
        await pilot.press("escape")
        await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, StudyScreen)
