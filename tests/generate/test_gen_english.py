"""The English path: noun phrases, defined terms, labelled lists, names, figures and the
headings of a note, from small notes written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.deck import ClozeCard
from quiz.generate import rank
from quiz.generate.pipeline import build_deck, generate_deck
from quiz.text import english
from quiz.text.english import Document


def spans(text: str, *others: str) -> list[tuple[str, str]]:
    doc = Document.of([text, *others])
    return [(s.of(text), s.rule) for s in english.key_phrases(text, doc)]


def phrases_of(text: str, *others: str) -> list[str]:
    doc = Document.of([text, *others])
    return [s.of(text) for s in english.noun_phrases(text, doc)]


# --------------------------------------------------------------------------- noun phrases


def test_noun_phrases_stop_at_verbs_and_leave_out_size_words() -> None:
    assert phrases_of("This trade war hurt farmers across the region.") == ["trade war"]
    assert phrases_of("The price rise ruined farmers.") == ["price rise"]
    # an adjective of size or judgement opens no term: a competitor, a navy
    assert phrases_of("Spain became a serious competitor with the strongest navy.") == []
    # the way people lived: nouns too general to make a term
    assert phrases_of("Railways changed the way people lived.") == []
    # a verb before its object ends the phrase: towns govern themselves
    assert phrases_of("Most towns govern themselves.") == []


def test_noun_phrases_joined_by_of_or_to_a_name() -> None:
    assert phrases_of("Sweden kept a policy of neutrality for decades.") == ["policy of neutrality"]
    assert phrases_of("They sought revenge on Prussia after the war.") == ["revenge on Prussia"]


def test_participles_open_phrases_after_a_determiner_only() -> None:
    assert phrases_of("The armed forces recruited soldiers killing time.") == ["armed forces"]
    assert phrases_of("Rising prices angered the peasants.", "prices rising fast") == [
        "Rising prices"
    ]


def test_a_doctrine_is_a_term_said_once() -> None:
    found = spans("Many feared that liberalism would weaken the crown.")
    assert ("liberalism", "term") in found


def test_asides_in_brackets_hold_no_phrase() -> None:
    assert phrases_of("The siege lasted (a long cold winter) until spring.") == []


def test_phrases_are_counted_singular_or_plural() -> None:
    doc = Document.of(["They built a colonial empire.", "Colonial empires grew."])
    assert doc.count("colonial empire") == 2


# --------------------------------------------------------------------------- definitions


@pytest.mark.parametrize(
    ("text", "term"),
    [
        (
            "Japan followed a policy of seclusion, meaning it traded with few nations.",
            "policy of seclusion",
        ),
        ("These small farms were known as crofts.", "crofts"),
        ("Such a state is called a protectorate.", "protectorate"),
        ("Historians call Venice and Genoa thalassocracies.", "thalassocracies"),
        ("The Hanseatic League, a network of towns, ruled the Baltic.", "Hanseatic League"),
        ("Feudalism: land given in return for service to a lord.", "Feudalism"),
    ],
)
def test_terms_the_sentence_defines(text: str, term: str) -> None:
    assert (term, "defined") in spans(text)


def test_a_table_row_label_is_defined_by_its_cells_and_a_header_row_by_nothing() -> None:
    assert ("Spain", "defined") in spans("Spain — Feared losing its colonies — Wanted gold")
    assert english.definitions("Country — Fears — Ambitions", Document.of([])) == []


def test_a_labelled_list_gives_each_item() -> None:
    text = "The Central Powers: Germany; Austria-Hungary; Ottoman Empire; Bulgaria"
    assert [s.of(text) for s in english.labelled_list(text)] == [
        "Germany",
        "Austria-Hungary",
        "Ottoman Empire",
        "Bulgaria",
    ]
    assert english.labelled_list("Note: this is a sentence, not a list of things.") == []


def test_the_class_a_learner_note_gives_a_quoted_word() -> None:
    text = "“会” is a modal verb which means “can”."
    assert [s.of(text) for s in english.class_of_quoted(text)] == ["modal verb"]
    text = "“在” is a preposition."
    assert [s.of(text) for s in english.class_of_quoted(text)] == ["preposition"]


# --------------------------------------------------------------------------- names


def test_single_names_exclude_title_case_words_and_demonyms() -> None:
    others = ("They crossed the world by sea.",)
    found = spans("The World Fair opened in Paris while British troops marched.", *others)
    assert ("Paris", "name") in found
    assert not any(answer in ("World", "British") for answer, _rule in found)
    # a hyphenated name is one name, never its second half
    assert ("Austria-Hungary", "name") in spans("Serbia defied Austria-Hungary in July.")


# --------------------------------------------------------------------------- figures


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Around 2 million soldiers died in the campaign.", "2 million"),
        ("Spain held 1/3 of known territory and trade.", "1/3 of known territory"),
        ("Labour won 40% of the vote in the election.", "40% of the vote"),
        ("The siege lasted over 3 years in all.", "3 years"),
        ("The canal cost 1500 dollars a mile.", "1500 dollars"),
    ],
)
def test_english_figures_with_magnitude_share_or_unit(text: str, figure: str) -> None:
    assert (figure, "figure") in spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "The 19th century saw great change.",  # an ordinal
        "In 1848 revolutions spread.",  # a year: the date rule's
        "He had 3 sons.",  # a bare small number
    ],
)
def test_no_figure_without_magnitude_unit_or_size(text: str) -> None:
    assert not [rule for _answer, rule in spans(text) if rule == "figure"]


def test_a_year_in_context_is_a_date() -> None:
    assert ("1848", "date") in spans("Revolutions spread across Europe in 1848.")


# --------------------------------------------------------------------------- decks

NOTE = """# Causes of the Revolution

Tensions before 1789:

1. Financial Crisis
The crown spent 1 billion livres on wars and borrowed the rest.
2. Social Inequality
Peasants paid heavy taxes while nobles paid almost none.

The Estates: Clergy; Nobility; Commoners

The king followed a policy of absolutism, meaning he ruled without a parliament.
This grain shortage drove bread prices up in Paris.
"""


def test_a_note_gives_headings_with_their_first_sentence_and_its_terms() -> None:
    deck, _report = build_deck(NOTE, name="note")
    cards = {c.answer: c for c in deck if isinstance(c, ClozeCard)}
    heading = cards["Financial Crisis"]
    assert heading.text.startswith("1. {{c1::Financial Crisis}}\nThe crown spent")
    assert "heading" in heading.tags
    assert "Social Inequality" in cards
    assert {"Clergy", "Nobility", "Commoners"} <= set(cards)  # the list's items
    assert cards["1 billion"].tags == ("figure",)
    assert cards["policy of absolutism"].tags == ("defined",)
    assert "grain shortage" in cards


def test_english_scores_defined_terms_above_phrases_and_names() -> None:
    def score(rule: str, answer: str, *, compound: bool = False, listed: bool = False) -> int:
        evidence = rank.Evidence(
            rule=rule, answer=answer, english=True, compound=compound, listed=listed
        )
        return rank.importance(evidence)

    assert score("defined", answer="policy of neutrality") > score("phrase", answer="trade war")
    assert score("phrase", answer="trade war", compound=True) > score(
        "phrase", answer="global trade"
    )
    assert score("phrase", answer="air travel") > score("phrase", answer="air travel", listed=True)
    assert score("phrase", answer="trade war") > score("name", answer="Spain")


def test_markdown_table_rows_keep_their_cells_apart(tmp_path: Path) -> None:
    note = (
        "# Powers in 1914\n\n"
        "Each power had its fears and its ambitions before the war began.\n\n"
        "|Power|Fears|Ambitions|\n|:-|:-|:-|\n"
        "|Serbia|Being swallowed by a larger neighbour|To unite the southern Slavs|\n"
        "|Belgium|Invasion through its flat plains|To keep its strict neutrality|\n"
    )
    path = tmp_path / "powers.md"
    path.write_text(note, encoding="utf-8")
    deck, _report = generate_deck(path)
    cards = [c for c in deck if isinstance(c, ClozeCard)]
    texts = [c.text for c in cards]
    row = "{{c1::Serbia}} — Being swallowed by a larger neighbour — To unite the southern Slavs"
    assert row in texts
    assert not any("Fears" in t and "Power" in t for t in texts)  # the header row
    assert not any(c.answer.endswith((" Being", " Invasion")) for c in cards)


def test_emphasised_english_terms_are_marked_without_their_colon_or_article(
    tmp_path: Path,
) -> None:
    note = (
        "# Alliances\n\n"
        "Before 1914 the great powers of Europe bound themselves in alliances.\n\n"
        "***The Dual Alliance:*** Germany; Austria-Hungary\n\n"
        "Bismarck built the **Reinsurance Treaty** to keep Russia close to Germany.\n"
    )
    path = tmp_path / "alliances.md"
    path.write_text(note, encoding="utf-8")
    deck, _report = generate_deck(path)
    marked = {c.answer for c in deck if isinstance(c, ClozeCard) and "marked" in c.tags}
    assert marked == {"Dual Alliance", "Reinsurance Treaty"}
