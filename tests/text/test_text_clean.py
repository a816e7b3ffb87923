"""clean(): each cleaner on small examples in both scripts, the report, and fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.text.clean import Change, CleanReport, clean
from quiz.text.read import read_source

FIXTURES = Path(__file__).parent / "fixtures"


def cleaned(text: str) -> str:
    return clean(text).text


def kinds(text: str) -> dict[str, int]:
    return clean(text).report.counts()


# --- pinyin annotations --------------------------------------------------------------


@pytest.mark.parametrize(
    ("dirty", "expected"),
    [
        ("手機(jī)會", "手機會"),
        ("手机(jī)会", "手机会"),
        ("堅(jiān)強(qiáng)組織", "堅強組織"),
        ("坚(jiān)强(qiáng)组织", "坚强组织"),
        ("機（jī）會", "機會"),  # full-width parentheses
        ("机（jī）会", "机会"),
        ("机(ji1)会(hui4)", "机会"),  # tone numbers
        ("綠(lǜ)色", "綠色"),
        ("绿(lv4)色", "绿色"),
        ("我说你好(nǐ hǎo)。", "我说你好。"),  # a word's gloss
        ("謝謝(xièxie)你", "謝謝你"),  # syllables run together
        ("北京(Běijīng)很大", "北京很大"),  # capitalised
        ("你好 (nǐ hǎo) means hello", "你好 means hello"),
        ("再见 (zai4 jian4)", "再见"),
        ("呢 (ne) asks back", "呢 asks back"),  # a single toneless syllable
        ("你去哪儿(nǎr)？", "你去哪儿？"),  # erhua
        ("你在哪兒(nǎr)？", "你在哪兒？"),
        ("谢谢 [xièxie] thanks", "谢谢 thanks"),
        # after a quoted word: the note follows the closing mark
        ("we use “不想” (bù xiǎng) to negate “要”", "we use “不想” to negate “要”"),
        ("we use “不想” (bù xiǎng) to say no", "we use “不想” to say no"),
        ("“會” (huì) is a modal verb", "“會” is a modal verb"),
    ],
)
def test_pinyin_annotations_are_removed(dirty: str, expected: str) -> None:
    result = clean(dirty)
    assert result.text == expected
    assert result.report.counts().get("pinyin", 0) >= 1


@pytest.mark.parametrize(
    "text",
    [
        "黨中央印發《中國共產黨支部工作條例（試行）》",
        "党中央印发《中国共产党支部工作条例（试行）》",
        "根據資料（2022年）",
        "（一）坚持项目为王",
        "（二）擴大服務對象",
        "財政負擔(see above)。",
        "中国(China)是一个国家",  # not one syllable per character
        "第二条(a)款",  # a list marker, not pinyin
        "好(nǐ hǎo)",  # two syllables cannot gloss one character
        "公式(x2)成立",
        "英文(English)说明",
        "“一带一路” (Belt and Road)",  # a translation after a quotation
    ],
)
def test_real_parentheses_survive(text: str) -> None:
    assert cleaned(text) == text
    assert "pinyin" not in kinds(text)


def test_ascii_parentheses_around_chinese_are_widened_not_removed() -> None:
    assert cleaned("條例(試行)的通知") == "條例（試行）的通知"
    assert cleaned("条例(试行)的通知") == "条例（试行）的通知"
    assert cleaned("(一)坚持") == "（一）坚持"
    assert cleaned("资料(2022年)显示") == "资料（2022年）显示"


# --- page chrome and spam -------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "手機版",
        "手机版",
        "歡迎使用手機瀏覽",
        "欢迎访问本站",
        "1 1 1",
        "共產黨員網 打印 糾錯",
        "人民网 打印 纠错",
        "微信掃一掃 ×",
        "微信扫一扫 分享到朋友圈",
        "收聽本文 00:00/00:00",
        "收听本文 03:12/10:45",
        "來源:《黨建研究》2022年第4期",
        "来源：新华社",
        "責任編輯：王小明",
        "责任编辑:李华",
        "发布时间：2024-01-15 09:30",
        "当前位置：首页 > 新闻中心 > 正文",
        "首頁 > 新聞 > 國內",
        "上一篇：关于印发《民生实事项目》的通知",
        "下一篇：統計公報",
        "【字体：大 中 小】 打印本页 关闭窗口",
        "版权所有 © 2023 某某网 京ICP备00000000号",
        "版權所有：某某市政府",
        "分享到：微信 微博 QQ空间",
        "2023-09-28 10:15",
        "———",
        "信息来源：市政府办公室",
        "索引号：000014349/2023-00012",
        "發文字號：國辦發〔2023〕1號",
        "【纠错】 【责任编辑:张三】",
        "视频加载中...",
        "时间：2023-01-01 来源：人民日报",
        "您当前的位置：首页>要闻",
        "【字體：大 中 小】【打印】",
        "關注微信公眾號",
        "第1页 共3页",
        "Home > News > World",
        "Print | Share | Email",
        "Back to top",
        "Share Tweet Email",
        "Copyright 2024 Example Inc. All rights reserved.",
    ],
)
def test_chrome_lines_are_emptied(line: str) -> None:
    result = clean(f"正文第一句。\n{line}\n正文第二句。")
    assert result.text == "正文第一句。\n\n正文第二句。"
    [change] = [c for c in result.report.changes if c.kind in {"chrome", "spam"}]
    assert change.line == 2
    assert change.after == ""


@pytest.mark.parametrize(
    "line",
    [
        "周至县| 海安县| 屯留县| 宁化县| 莱芜市| 石泉县| SHOW| 房产|",
        "北京｜上海｜广州｜深圳｜二手房｜租房｜新楼盘｜装修",
        "臺北市 | 新北市 | 桃園市 | 臺中市 | 臺南市 | 高雄市",
        "北京 上海 广州 深圳 天津 重庆 成都 武汉 西安 南京 杭州",
    ],
)
def test_spam_link_lists_are_emptied(line: str) -> None:
    result = clean(f"这是正文内容。\n{line}")
    assert result.text == "这是正文内容。\n"
    assert result.report.counts() == {"spam": 1}


@pytest.mark.parametrize(
    "line",
    [
        "抓基層打基礎 鍛造黨的堅強組織體系",
        "抓基层打基础 锻造党的坚强组织体系",
        "中國航天科工二院二〇六所黨委",
        "作者：王小明",
        "县长 李明远",
        "一、完善组织之“形”，推动基层组织由“建起来”变“强起来”",
        "我们分享了经验，打印了材料，也关闭了旧的窗口。",
        "我們分享了經驗，打印了材料。",
        "政治领导力、思想引领力、群众组织力、社会号召力",
        "Share your summary with the class before Friday.",
        "The light reactions happen first; the Calvin cycle follows.",
        "Lesson 3: Greetings",
        "Key terms",
        "Next steps",
        "About the author",
        "Share",
        "生词：你好 谢谢 再见 老师 学生 朋友",
        "作者：李明 来源：光明日报 2023-05-06",
        "关注民生，服务群众。",
        "互联网",
        "时间：上午九点，地点：会议室",
        "下载量突破一亿次，成为全球最受欢迎的应用之一。",
    ],
)
def test_titles_authors_and_sentences_are_kept(line: str) -> None:
    assert cleaned(line) == line
    assert not {"chrome", "spam"} & kinds(line).keys()


# --- HTML remnants --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dirty", "expected"),
    [
        ("硬杠杠。/p>", "硬杠杠。"),
        ("硬槓槓。</p>", "硬槓槓。"),
        ("第一段<br>第二段", "第一段第二段"),
        ("第一段<br/>第二段", "第一段第二段"),
        ("&nbsp;&nbsp;現在，我代表", "現在，我代表"),
        ("研究&amp;发展", "研究&发展"),
        ("奋斗！&amp;nbsp;", "奋斗！"),  # double-escaped
        ('<p class="x">正文内容</p>', "正文内容"),
        ("<span style='color:red'>重點</span>內容", "重點內容"),
        ("一段&#20013;文&#x6587;字", "一段中文文字"),
        ("word<br>word", "word word"),
        ("标题<!-- 注释 -->正文", "标题正文"),
        (
            "长城是中国古代的军事防御工程[1]，始建于春秋战国时期[2][3]。",
            "长城是中国古代的军事防御工程，始建于春秋战国时期。",
        ),
        ("長城是古代的軍事防禦工程[註 1]。", "長城是古代的軍事防禦工程。"),
        ("历史[编辑]", "历史"),
        ("歷史[編輯]", "歷史"),
        ("據說如此[來源請求]。", "據說如此。"),
    ],
)
def test_html_remnants_are_removed(dirty: str, expected: str) -> None:
    result = clean(dirty)
    assert result.text == expected
    assert result.report.counts().get("html", 0) >= 1


@pytest.mark.parametrize(
    "text", ["if a < b and c > d then", "x<y", "A&B company", "<3 love", "a[1] = b[2]"]
)
def test_angle_brackets_in_english_survive(text: str) -> None:
    assert cleaned(text) == text


# --- punctuation ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dirty", "expected"),
    [
        ("習近平總書記指出,嚴密的組織體系", "習近平總書記指出，嚴密的組織體系"),
        ("习近平总书记指出,严密的组织体系", "习近平总书记指出，严密的组织体系"),
        ("總體要求是:堅持", "總體要求是：堅持"),
        ("一是扩大投资;二是培育", "一是扩大投资；二是培育"),
        ("你叫什么名字?我叫王小明!", "你叫什么名字？我叫王小明！"),
        ("你好嗎?", "你好嗎？"),
        ("其重點包括:", "其重點包括："),
        ("增长6.2%;一般公共预算", "增长6.2%；一般公共预算"),
        ("我叫李华.很高兴认识你", "我叫李华。很高兴认识你"),
        ("你好吗? 我很好", "你好吗？ 我很好"),
        ("开幕之年,3200多名记者参加", "开幕之年，3200多名记者参加"),
        ("開幕之年,3200多名記者參加", "開幕之年，3200多名記者參加"),
        ("准时开始;2000多份资料", "准时开始；2000多份资料"),
    ],
)
def test_ascii_punctuation_between_chinese_is_widened(dirty: str, expected: str) -> None:
    result = clean(dirty)
    assert result.text == expected
    assert result.report.counts().get("punctuation", 0) >= 1
    assert all(c.kind == "punctuation" for c in result.report.changes)


@pytest.mark.parametrize(
    "text",
    [
        "圆周率约为3.14，下午12:30开会",
        "下午3:30將舉行說明會",
        "共计1,451,632篇条目",
        "共計1,451,632篇條目",
        "items a, b, and c",
        "老师: teacher",
        "学生: student, e.g. 我是学生",
        "再见 — goodbye",
        "Key terms: chlorophyll, ATP, NADPH, and RuBisCO (see above).",
        "Is the Calvin cycle light-independent? Yes, mostly.",
    ],
)
def test_punctuation_in_english_and_number_contexts_is_untouched(text: str) -> None:
    assert cleaned(text) == text


# --- whitespace and control characters -------------------------------------------------


def test_invisible_and_control_characters_are_removed() -> None:
    result = clean("零\u200b宽\ufeff字\x07符\u00ad")
    assert result.text == "零宽字符"
    assert result.report.counts() == {"control": 4}


def test_lone_surrogates_are_dropped_not_fatal() -> None:
    result = clean("第一行\n中\ud800文,內容\n打印 \udfff")
    assert result.text == "第一行\n中文，內容\n"
    assert [(c.kind, c.line) for c in result.report.changes] == [
        ("control", 2),
        ("punctuation", 2),
        ("control", 3),
        ("chrome", 3),
    ]


def test_odd_spaces_and_runs_are_normalised_without_touching_lines() -> None:
    result = clean("標題\u00a0\u00a0\u00a0副標題\n第二行\t內容  很長")
    assert result.text == "標題 副標題\n第二行 內容 很長"
    assert set(result.report.counts()) == {"whitespace"}


def test_line_separators_inside_a_line_do_not_add_lines() -> None:
    text = "第一句\u2028第二句\x0c第三句\n下一行"
    result = clean(text)
    assert result.text.count("\n") == text.count("\n")
    assert result.text == "第一句 第二句 第三句\n下一行"


def test_indentation_is_trimmed_silently() -> None:
    result = clean("  正文一。\n\u3000\u3000正文二。")
    assert result.text == "正文一。\n正文二。"
    assert result.report.changes == []


# --- the report -----------------------------------------------------------------------


def test_report_counts_and_formats() -> None:
    text = "手機(jī)版\n指出,嚴密(mì)的組織\n北京| 上海| 广州| 深圳| 天津|"
    report = clean(text).report
    assert report.counts() == {"pinyin": 2, "chrome": 1, "spam": 1, "punctuation": 1}
    assert report.format() == (
        "cleaned: 2 pinyin annotations, 1 chrome line, 1 spam line, 1 punctuation mark"
    )
    verbose = report.format(verbose=True).split("\n")
    assert verbose[0] == "line 1: pinyin: 機(jī) -> 機"
    assert "line 1: chrome: 手機版 -> (removed)" in verbose
    assert "line 2: punctuation: 出,嚴 -> 出，嚴" in verbose
    assert verbose[-1] == report.format()


def test_empty_report() -> None:
    report = clean("干净的一行。").report
    assert report.changes == []
    assert report.counts() == {}
    assert report.format() == "cleaned: nothing to clean"
    assert CleanReport().format(verbose=True) == "cleaned: nothing to clean"


def test_changes_name_their_lines() -> None:
    report = clean("第一行\n\n打印 纠错\n第四行,内容").report
    assert report.changes == [
        Change("chrome", 3, "打印 纠错", ""),
        Change("punctuation", 4, "行,内", "行，内"),
    ]


# --- whole fixtures -------------------------------------------------------------------


def test_government_report_page() -> None:
    source = read_source(FIXTURES / "gov_report_simplified.txt")
    result = clean(source.text)
    lines = result.text.split("\n")
    assert len(lines) == len(source.text.split("\n"))
    assert lines[4] == "2024年青禾县人民政府工作报告"
    assert lines[6] == "县长 李明远"
    assert lines[10].startswith("现在，我代表县人民政府向大会报告工作")
    assert "二、2024年主要任务" in lines
    for junk in ("打印", "ICP", "上一篇", "｜", "&", "<", "扫一扫", "网站地图", "当前位置"):
        assert junk not in result.text
    counts = result.report.counts()
    assert counts["spam"] == 1
    assert counts["chrome"] >= 9


def test_traditional_original_keeps_its_parentheses_and_numbers() -> None:
    source = read_source(FIXTURES / "traditional_original.txt")
    result = clean(source.text)
    assert "（一）擴大服務對象，納入失智症患者與身心障礙者；" in result.text
    assert "相關條例（草案）已送立法院審議，預計於明年上半年完成三讀。" in result.text
    assert "負擔(see above)。" in result.text
    assert "下午3:30將舉行說明會" in result.text
    assert "3.5億元" in result.text and "2.0" in result.text
    assert set(result.report.counts()) == {"punctuation"}


def test_learner_page_loses_its_glosses_but_not_its_english() -> None:
    source = read_source(FIXTURES / "learner_page.md")
    result = clean(source.text)
    assert result.report.counts()["pinyin"] == 9
    assert '你好 means "hello".' in result.text
    assert "学生: student, e.g. 我是学生。" in result.text
    assert "Time for practice: 10:30, page 3.14, items a, b, and c." in result.text
    assert "(see above)" in result.text
    for gloss in ("nǐ", "xièxie", "lǎoshī", "jian4", "Xiǎomíng", "(ne)"):
        assert gloss not in result.text


def test_english_notes_pass_through_unharmed() -> None:
    source = read_source(FIXTURES / "english_notes.txt")
    result = clean(source.text)
    assert result.text == source.text
    assert result.report.changes == []


def test_encyclopedia_page_keeps_its_prose_and_loses_its_apparatus() -> None:
    source = read_source(FIXTURES / "encyclopedia_traditional.html")
    result = clean(source.text)
    lines = [line for line in result.text.split("\n") if line]
    assert lines[0] == "萬里長城"
    assert "歷史" in lines
    assert "長城東西綿延上萬華里，因此又稱作萬里長城。" in result.text
    assert "今日所見多為明長城。" in result.text  # &#xff0c; decoded, [4] gone
    for junk in ("[", "跳至", "維基百科", "分類", "^", "首頁", "創用CC", "參考資料"):
        assert junk not in result.text
    assert result.report.counts() == {"chrome": 5, "html": 6}


@pytest.mark.parametrize(
    ("dirty", "expected"),
    [
        (
            "新华社长沙6月2日电（记者 张某 李某）今年以来，全省早稻长势良好，丰收在望。",
            "今年以来，全省早稻长势良好，丰收在望。",
        ),
        (
            "新華社長沙6月2日電（記者 張某 李某）今年以來，全省早稻長勢良好，豐收在望。",
            "今年以來，全省早稻長勢良好，豐收在望。",
        ),
        (
            "本报杭州5月9日电 全市新增绿道一百余公里，市民出行更加便利。",
            "全市新增绿道一百余公里，市民出行更加便利。",
        ),
    ],
)
def test_news_dateline_before_the_first_sentence_is_removed(dirty: str, expected: str) -> None:
    result = clean(dirty)
    assert result.text == expected
    assert result.report.counts() == {"chrome": 1}


@pytest.mark.parametrize(
    "text",
    [
        "新华社长沙6月2日电 题：湘江两岸的新变化",  # a title line: the generator reads it
        "新華社長沙6月2日電 題：湘江兩岸的新變化",
        "省电视台3月5日电视直播了开幕会，观众反响热烈。",  # 电视, not a dateline's 电
        "他在3月5日电话里说了很多，大家都很满意。",
    ],
)
def test_lines_that_only_look_like_a_dateline_stay(text: str) -> None:
    assert cleaned(text) == text
