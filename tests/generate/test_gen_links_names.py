"""What a page links and names: link targets as marked names (`linked`), names of schemes
jieba cuts apart (撒|瑪利亞基金, 引大济|岷|工程, …创新|发展试验区), names joined to a name
(…基金和關愛基金) and names made with a number (三座大山, 九二共识, 三件大事：一是…).
Both scripts."""

from __future__ import annotations

from pathlib import Path

import pytest
from built import SCRIPTS, clozes, tagged

from quiz.deck import ClozeCard
from quiz.generate.pipeline import generate_deck
from quiz.text import phrases
from quiz.text.clean import clean
from quiz.text.markup import linked_phrases, markdown_to_text
from quiz.text.script import to_simplified

# ----------------------------------------------------------------------------- links

WIKI = (
    '灵渠位于[广西](https://zh.wikipedia.org/wiki/广西 "wikilink")[桂林市](../Page/桂林市.md '
    '"wikilink")[兴安县境内](https://zh.wikipedia.org/wiki/%E5%85%B4%E5%AE%89%E5%8E%BF)，'
    "是世界上最古老的[运河](../Page/运河.md)之一。\n"
    "[秦始皇](../Page/秦始皇.md)扫灭六国后，便命[史禄开凿河渠以沟通湘漓二水](https://zh."
    "wikipedia.org/wiki/史禄)。\n"
    "[Lingqu_map.jpg](https://zh.wikipedia.org/wiki/File:Lingqu_map.jpg)\n"
    "## 参见\n"
    "  - [都江堰](../Page/都江堰.md)\n"
    "[Category:中国运河](https://zh.wikipedia.org/wiki/Category:中国运河) "
    "[Category:秦朝建筑](https://zh.wikipedia.org/wiki/Category:秦朝建筑)\n"
)


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_link_names_its_target_where_the_link_text_says_it(convert: object) -> None:
    page = convert(WIKI)  # type: ignore[operator]
    found = linked_phrases(page, "md")
    # the name as the text writes it, in its script; 兴安县 from an encoded address, 史禄
    # from a link that goes on past the name
    expected = ("广西", "桂林市", "兴安县", "运河", "秦始皇", "史禄")
    assert found == tuple(convert(n) for n in expected)  # type: ignore[operator]
    # a picture's page, a see-also item and a line of categories name nothing
    assert not {convert("都江堰"), convert("中国运河"), "Lingqu_map.jpg"} & set(found)  # type: ignore[operator]
    assert linked_phrases(page, "txt") == ()


def test_a_traditional_text_linking_a_simplified_address_keeps_its_own_script() -> None:
    page = "位於[興安縣境內](https://zh.wikipedia.org/wiki/兴安县)的運河。\n"
    assert linked_phrases(page, "md") == ("興安縣",)


@pytest.mark.parametrize("convert", SCRIPTS)
def test_html_links_and_a_news_pages_keyword_links(convert: object) -> None:
    page = convert(  # type: ignore[operator]
        '<p>建成投产<a href="https://finance.example.com/company/sh688981/nc.shtml" '
        'class="keyword">中芯国际</a>12英寸线，位于<a href="/wiki/兴安县">兴安县境内</a>。</p>\n'
        '<p>详见<a href="/more.html">点击这里查看全部的相关报道</a>和'
        '<a href="mailto:a@b.cn">联系我们</a>，'
        '或访问<a href="/about/">网址：example.com/about</a>。</p>\n'
        '<p><a href="/">首页</a> | <a href="/news">新闻</a> | <a href="/gov">政务</a></p>\n'
    )
    found = linked_phrases(page, "html")
    # a short link text names the thing when the address does not (nc.shtml); a long one,
    # an address, a mail link and a menu do not
    assert found == (convert("中芯国际"), convert("兴安县"))  # type: ignore[operator]


@pytest.mark.parametrize("convert", SCRIPTS)
def test_linked_names_become_cards_and_everyday_links_rank_low(
    tmp_path: Path, convert: object
) -> None:
    page = tmp_path / "wiki.md"
    page.write_text(convert(WIKI), encoding="utf-8")  # type: ignore[operator]
    deck, _report = generate_deck(page)
    cards = [c for c in deck if isinstance(c, ClozeCard)]
    linked = {to_simplified(c.answer): c.importance for c in cards if "linked" in c.tags}
    assert {"桂林市", "兴安县", "秦始皇"} <= set(linked), linked
    # 便命史禄: the one commanded to the deed is asked as a person (people.COMMANDS)
    assert "史禄" in {to_simplified(c.answer) for c in cards if "person" in c.tags}
    # 运河 is a word everyone knows: it ranks below the places the page names
    everyday = linked.get("运河")
    assert everyday is None or everyday < min(linked["桂林市"], linked["兴安县"])
    answers = {to_simplified(c.answer) for c in cards}
    assert not {"都江堰", "中国运河"} & answers  # navigation is no card


def test_a_markdown_escape_is_its_character_and_a_footnote_mark_goes() -> None:
    text = markdown_to_text(r"是最古老的运河之一\[1\]，用 \*号 标出，也是水利工程\[2\]\[3\]。")
    assert text == "是最古老的运河之一[1]，用 *号 标出，也是水利工程[2][3]。"
    assert clean(text).text == "是最古老的运河之一，用 *号 标出，也是水利工程。"


# ----------------------------------------------------------------------------- names


@pytest.mark.parametrize("convert", SCRIPTS)
def test_names_jieba_cuts_apart_are_named_whole(convert: object) -> None:
    text = convert(  # type: ignore[operator]
        "另外，会透过撒玛利亚基金和关爱基金，加强支援不常见疾病及癌症病人的药物治疗。\n"
        "谋划多年、惠及3400万人的引大济岷工程启动建设，向家坝灌区一期工程建成通水。\n"
        "获批建设国家数字经济创新发展试验区，成都纳入全国要素市场化配置综合改革试点。\n"
        "积极对接西部陆海新通道，加快中欧班列广州集结中心、深圳节点城市建设。\n"
    )
    named = tagged(clozes(text, density=None), "name")
    assert "中欧班列广州集结中心" in named  # 中欧 is a noun, not the locative 中
    # 撒|玛利亚 (a lone character before a rare word), 关爱 (no noun, but joined to a
    # fund by 和), 引大济|岷 (a character after a guessed word), 创新 (a verb inside nouns)
    assert {"撒玛利亚基金", "关爱基金", "引大济岷工程", "国家数字经济创新发展试验区"} <= named
    assert "玛利亚基金" not in named


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_verb_of_a_clause_joins_no_name(convert: object) -> None:
    text = convert(  # type: ignore[operator]
        "澳门作为世界旅游休闲中心的作用不断强化，多元文化交流的功能日益彰显。\n"
        "支持香港成为国际城市旅游枢纽，建设多元旅游平台。\n"
        "利用好各类红色资源诠释中国精神与红色基因，讲好中国航天的故事。\n"
    )
    named = tagged(clozes(text, density=None), "name")
    assert not any(n.startswith(("澳门", "香港")) for n in named), named
    assert not any("诠释" in n for n in named), named  # a verb and its object


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_campaign_named_by_what_it_does_keeps_its_verbs(convert: object) -> None:
    """开展|清理拖欠…专项行动: the verbs after the one that acts on the campaign are its name's
    own; a campaign acted on directly (实施|区域协调发展战略) or with no acting verb before
    keeps its name as found."""
    text = convert(  # type: ignore[operator]
        "开展清理拖欠企业账款专项行动，加强违规收费整治。\n"
        "实施积极应对人口老龄化国家战略，完善养老服务体系。\n"
        "开展打击治理电信网络诈骗专项行动，保护群众财产安全。\n"
        "深入实施区域协调发展战略，推动区域重大战略落实。\n"
    )
    named = tagged(clozes(text, density=None), "name")
    assert {
        "清理拖欠企业账款专项行动",
        "积极应对人口老龄化国家战略",
        "打击治理电信网络诈骗专项行动",
        "区域协调发展战略",
    } <= named, named
    assert not {"企业账款专项行动", "人口老龄化国家战略", "电信网络诈骗专项行动"} & named


# ----------------------------------------------------------------------------- numbers


@pytest.mark.parametrize("convert", SCRIPTS)
def test_names_made_with_a_number(convert: object) -> None:
    text = convert(  # type: ignore[operator]
        "我们推翻帝国主义、封建主义、官僚资本主义三座大山，建立了中华人民共和国。\n"
        "要坚持一个中国原则和九二共识，推进祖国和平统一进程。\n"
        "我们千方百计促进农民稳定增收，让农民的日子越过越红火。\n"
    )
    cards = clozes(text, density=None)
    assert "三座大山" in tagged(cards, "formula")  # a count the dictionary lists as a noun
    assert "九二共识" in tagged(cards, "name")  # digits read one by one, then a noun
    assert "千方百计" not in tagged(cards, "formula")  # an idiom of that shape


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_count_the_text_spells_out_in_points_is_a_formula(convert: object) -> None:
    text = convert(  # type: ignore[operator]
        "十年来，我们经历了具有深远历史意义的三件大事：一是迎来中国共产党成立一百周年，"
        "二是中国特色社会主义进入新时代，三是完成脱贫攻坚、全面建成小康社会的历史任务。\n"
    )
    ((formula, items),) = phrases.formula_expansions(to_simplified(text))
    assert formula.of(to_simplified(text)) == "三件大事" and len(items) == 3
    assert "三件大事" in tagged(clozes(text), "formula")


def test_points_are_split_at_their_ordinals_not_at_their_commas() -> None:
    text = "要办好三件大事：一是稳就业、保民生，守住底线，二是防风险，三是促发展、惠民生。"
    ((formula, items),) = phrases.formula_expansions(text)
    assert [text[s:e] for s, e in items] == ["稳就业、保民生，守住底线", "防风险", "促发展、惠民生"]
    # ordinals that do not count on from 一 are no points: the commas split the list
    assert phrases._counted_points("一是甲，三是乙", 0, 7) == []


@pytest.mark.parametrize("convert", SCRIPTS)
def test_a_crowded_sentence_gives_its_places_to_names_said_only_there(
    tmp_path: Path, convert: object
) -> None:
    page = tmp_path / "wiki.md"
    page.write_text(
        convert(  # type: ignore[operator]
            "**灵渠**，又名**湘桂运河**、**兴安运河**，俗称为**陡河**，位于[广西](../Page/广西.md)"
            "[桂林市](../Page/桂林市.md)境内。\n"
            "唐代以后，方改名为灵渠，但也俗称为陡河。\n"
        ),
        encoding="utf-8",
    )
    deck, _report = generate_deck(page)
    answers = {to_simplified(c.answer) for c in deck if isinstance(c, ClozeCard)}
    # four places in the first sentence: 灵渠 and 陡河 are asked in the second one
    assert {"湘桂运河", "兴安运河", "桂林市", "灵渠", "陡河"} <= answers, answers
