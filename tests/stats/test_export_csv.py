"""Anki's text format both ways: quiz decks survive the round trip, Anki's own exports
and hand-made files are read, bad files fail with file:line."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.deck import BasicCard, ClozeCard, Deck, MatchCard, load_deck, parse_deck
from quiz.export import deck_notes, join_list, split_list
from quiz.export.csv import ImportFileError, deck_to_text, parse_text_deck, read_text_deck
from quiz.generate.ids import cloze_id


def _semantics(deck: Deck) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    for card in deck.cards:
        if isinstance(card, ClozeCard):
            out.append(
                (
                    card.id,
                    card.answer,
                    card.sentence,
                    card.display_hint,
                    card.accept,
                    card.section,
                    card.line,
                    card.tags,
                )
            )
        else:
            out.append((card.id, card.prompt, card.pairs, card.section, card.line, card.tags))
    return out


SAMPLE = parse_deck(
    """title: 抓基层打基础
cards:
  - id: 9c1f3a2b7e40
    type: cloze
    text: "认真落实“{{c1::三会一课}}”、主题党日\\t(tab)"
    accept: [三會一課, "a|b\\\\c"]
    hint: sān huì yī kè
    section: 二、铸牢思想之“魂”
    line: 31
    tags: [formula]
  - id: 51be0c9d2a11
    type: match
    prompt: 把各部分标题与其目标配对
    pairs:
      - [完善組織之「形」, "推動基層組織由\\"建起來\\"變"]
      - [铸牢思想之“魂”, 推动学习教育]
    section: 三
""",
    name="jiceng",
)


def test_round_trip_keeps_every_card() -> None:
    text = deck_to_text(SAMPLE)
    assert text.startswith("#separator:tab\n#html:false\n")
    assert "#notetype column:2" in text and "#tags column:9" in text and "#columns:" in text
    back = parse_text_deck(text, name="jiceng")
    assert back.title == SAMPLE.title
    assert _semantics(back) == _semantics(SAMPLE)
    # quiz's own notes come back exactly as they were (the hint back in its field)
    assert [c.to_dict() for c in back.cards] == [c.to_dict() for c in SAMPLE.cards]


def test_the_generated_sample_deck_round_trips_exactly() -> None:
    deck = load_deck(Path(__file__).resolve().parents[2] / "decks" / "000_e348ded4e9286363.yaml")
    back = parse_text_deck(deck_to_text(deck), name=deck.name)
    assert back.title == deck.title and len(back) == len(deck)
    assert [c.to_dict() for c in back.cards] == [c.to_dict() for c in deck.cards]


def test_importance_rides_as_an_anki_tag_and_comes_back() -> None:
    ranked = Deck(
        name="jiceng",
        title=SAMPLE.title,
        cards=tuple(
            replace(card, importance=value)
            for card, value in zip(SAMPLE.cards, (90, 0), strict=True)
        ),
    )
    text = deck_to_text(ranked)
    assert "\tformula importance::90\n" in text and "\timportance::0\n" in text
    notes = deck_notes(ranked)
    assert notes[0].tags == ("formula", "importance::90")
    back = parse_text_deck(text, name="jiceng")
    assert [c.to_dict() for c in back.cards] == [c.to_dict() for c in ranked.cards]
    assert [c.importance for c in back.cards] == [90, 0]


def test_an_importance_tag_out_of_range_stays_a_tag() -> None:
    text = deck_to_text(SAMPLE).replace("\tformula\n", "\tformula importance::101\n")
    [cloze, _match] = parse_text_deck(text, name="jiceng").cards
    assert (cloze.importance, cloze.tags) == (None, ("formula", "importance::101"))


def test_list_escaping_round_trips() -> None:
    items = ("a|b", "c\\d", "三會一課")
    assert split_list(join_list(items)) == items


_text = (
    st.text(
        alphabet=st.sampled_from(list("三会一课組織形魂党建abcXYZ 09|\\\"'#,;:\t“”「」")),
        min_size=1,
        max_size=12,
    )
    .map(str.strip)
    .filter(lambda s: s and "::" not in s and "{" not in s and "}" not in s)
)
# Anki's own syntax cannot tell `{{c1:::x}}` apart: answers and hints never hold a colon.
_answer = _text.filter(lambda s: ":" not in s)
_tag = st.text(alphabet=st.sampled_from(list("abc组织_-")), min_size=1, max_size=6)


@st.composite
def _decks(draw: st.DrawFn) -> Deck:
    cards: list[ClozeCard | MatchCard] = []
    for index in range(draw(st.integers(1, 6))):
        section = draw(st.none() | _text)
        line = draw(st.none() | st.integers(1, 500))
        tags = tuple(draw(st.lists(_tag, max_size=3, unique=True)))
        if draw(st.booleans()):
            before, answer, after = draw(_text), draw(_answer), draw(_text)
            hint = draw(st.none() | _answer)
            accept = tuple(draw(st.lists(_text, max_size=2, unique=True)))
            accept = tuple(a for a in accept if a != answer)
            cards.append(
                ClozeCard(
                    f"c{index}",
                    f"{before}{{{{c1::{answer}}}}}{after}",
                    accept=accept,
                    hint=hint,
                    section=section,
                    line=line,
                    tags=tags,
                )
            )
        else:
            lefts = draw(st.lists(_text, min_size=2, max_size=6, unique=True))
            rights = draw(st.lists(_text, min_size=len(lefts), max_size=len(lefts), unique=True))
            cards.append(
                MatchCard(
                    f"m{index}",
                    draw(_text),
                    tuple(zip(lefts, rights, strict=True)),
                    section=section,
                    line=line,
                    tags=tags,
                )
            )
    return Deck(name="gen", title=draw(_text), cards=tuple(cards))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_decks())
def test_round_trip_property(deck: Deck) -> None:
    back = parse_text_deck(deck_to_text(deck), name="gen")
    assert _semantics(back) == _semantics(deck)


ANKI_EXPORT = (
    (
        "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n"
        "#tags column:6\n"
        "f@|D1u!rX#\tCloze\t政治::基层\t"
        "坚持{{c1::纵向到底}}，实现{{c2::全覆盖::fù gài}}<br>第二行\t额外\tpolicy\n"
    )
    + """A7kq0s\tBasic\t政治::基层\t四个意识\t政治意识、大局意识\tpolicy
B8lr1t\tBasic\t政治::基层\t两个确立\t&lt;确立&gt;\t
"""
)


def test_reads_anki_notes_in_plain_text() -> None:
    deck = parse_text_deck(ANKI_EXPORT, name="anki")
    assert deck.title == "政治::基层"
    first, second, basic, other = deck.cards
    # a note with c1 and c2 is one text with both blanks, a card per number (issue 11)
    assert isinstance(first, ClozeCard) and isinstance(second, ClozeCard)
    assert first.text == second.text == "坚持{{c1::纵向到底}}，实现{{c2::全覆盖::fù gài}}\n第二行"
    assert (first.number, first.answer, first.after) == (1, "纵向到底", "，实现全覆盖\n第二行")
    assert (second.number, second.answer, second.before) == (2, "全覆盖", "坚持纵向到底，实现")
    assert second.display_hint == "fù gài" and first.tags == ("policy",)
    assert first.sibling_key == second.sibling_key
    # Anki's Basic notes are basic front/back cards, not pairs of a matching set
    assert isinstance(basic, BasicCard) and isinstance(other, BasicCard)
    assert (basic.front, basic.back) == ("四个意识", "政治意识、大局意识")
    assert (other.front, other.back) == ("两个确立", "<确立>")


def test_headerless_comma_file_and_single_pair() -> None:
    deck = parse_text_deck("三会一课,党的组织生活制度\n", name="plain")
    (card,) = deck.cards
    assert isinstance(card, BasicCard) and (card.front, card.back) == (
        "三会一课",
        "党的组织生活制度",
    )


def test_columns_named_tags_are_the_tags() -> None:
    text = "#separator:comma\n#columns:Front,Back,Tags\n北京,首都,geo city\n上海,直辖市,geo\n"
    (card,) = parse_text_deck(text, name="c").cards
    assert isinstance(card, MatchCard) and card.pairs == (("北京", "首都"), ("上海", "直辖市"))
    assert card.tags == ("geo", "city")


def test_basic_notes_chunk_into_sets_of_at_most_six() -> None:
    rows = "".join(f"q{i}\ta{i}\n" for i in range(13))
    deck = parse_text_deck("#separator:tab\n" + rows, name="many")
    sizes = [len(card.pairs) for card in deck.cards if isinstance(card, MatchCard)]
    assert sizes == [6, 7] and sum(sizes) == 13


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("#separator:wat\na\tb\n", "x.txt:1: unknown separator"),
        ("#separator:tab\n#notetype column:zero\n", "x.txt:2: #notetype column must be"),
        ("#separator:tab\nq\tok\nonly front\n", "x.txt:3: a basic note needs a front and a back"),
        (
            "#separator:tab\n#columns:Text\tExtra\n嚴密的{{c1::組織體系\t\n",
            "x.txt:3: a cloze blank {{c1::...}} is not closed",
        ),
        ("#separator:tab\n#notetype:Cloze\nno blank here\tx\n", "x.txt:3: a cloze note without"),
        ("#separator:tab\n\n", "x.txt: no notes found"),
        ('#separator:tab\n"open quote\tb\n', "x.txt:2:"),
        ("#separator:tab\n#html:maybe\n", "x.txt:2: #html must be true or false"),
    ],
)
def test_bad_files_name_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "x.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        read_text_deck(path)
    assert str(path.parent) in str(caught.value)
    assert message in str(caught.value)


def test_binary_and_non_utf8_files(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_bytes("三会一课\t制度\n".encode("gbk"))  # a spreadsheet's GBK export reads
    assert read_text_deck(path).cards
    path.write_bytes(b"\x00\x01\x02\x03\x80\x81" * 50)
    with pytest.raises(ImportFileError, match="not UTF-8"):
        read_text_deck(path)
    path.write_bytes(b"PK\x03\x04\x00\x00")
    with pytest.raises(ImportFileError, match="Anki package"):
        read_text_deck(path)


def test_export_then_load_deck_from_yaml(tmp_path: Path) -> None:
    from quiz.deck import write_deck

    write_deck(SAMPLE, tmp_path / "s.yaml")
    assert _semantics(load_deck(tmp_path / "s.yaml")) == _semantics(SAMPLE)


def test_cli_export_csv_to_stdout(tmp_path: Path) -> None:
    import subprocess
    import sys

    from quiz.deck import write_deck

    write_deck(SAMPLE, tmp_path / "decks" / "jiceng.yaml")
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "export", "csv", "jiceng"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert _semantics(parse_text_deck(result.stdout, name="jiceng")) == _semantics(SAMPLE)


@pytest.mark.parametrize("hint", ["看::這裡}}注意", "结尾}", "}}", "{{c1::提示}}", "a}b"])
def test_a_hint_with_braces_keeps_the_blank_whole(hint: str) -> None:
    deck = Deck(
        name="braces",
        title="提示",
        cards=(
            ClozeCard("h1", "嚴密的{{c1::組織體系}}是優勢", hint=hint),
            ClozeCard("h2", "严密的{{c1::组织体系}}是优势", hint=hint, accept=("組織體系",)),
        ),
    )
    text = deck_to_text(deck)
    blanks = [line.split("\t")[3] for line in text.splitlines() if line.startswith("h")]
    # each note holds one whole blank: the text after it is the sentence's own end
    assert all(blank.endswith(("}}是優勢", "}}是优势")) for blank in blanks)
    assert all(
        blank.count("{{c1::組織體系::") + blank.count("{{c1::组织体系::") == 1 for blank in blanks
    )
    back = parse_text_deck(text, name="braces")
    assert _semantics(back) == _semantics(deck)


def test_a_guid_used_twice_keeps_both_cards() -> None:
    text = (
        "#separator:tab\n#guid column:1\n#notetype column:2\n"
        "abc\tquiz Cloze\t嚴密的{{c1::組織體系}}\t\t\t\n"
        "def012345678\tquiz Cloze\t严密的{{c1::组织体系}}\t\t\t\n"
        "def012345678\tquiz Cloze\t党的{{c1::领导}}核心\t\t\t\n"
        "abc\tquiz Cloze\t嚴密的{{c1::組織體系}}\t\t\t\n"  # the same card again: once
    )
    deck = parse_text_deck(text, name="guids")
    assert [(card.id, card.answer) for card in deck.cards if isinstance(card, ClozeCard)] == [
        ("abc", "組織體系"),
        ("def012345678", "组织体系"),
        (cloze_id("领导", "党的领导核心"), "领导"),
    ]
