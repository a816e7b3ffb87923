"""Page furniture from real kinds of pages (news portal, Taiwan government, encyclopedia,
WeChat, wiki): single-line rules in both scripts, context rules, and whole pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.text.chrome import classify_line, furniture_lines
from quiz.text.clean import clean
from quiz.text.read import read_source


def kept_lines(text: str) -> list[str]:
    return [line for line in clean(text).text.split("\n") if line]


# --- single lines ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        # photo captions: the credit at the end (the caption repeats the article)
        "二十届二中全会在北京举行。中央委员会总书记习近平作重要讲话。新华社记者 鞠鹏 摄",
        "全國政協主席在會上作工作報告。(中評社 林艷攝) |",
        "市民在公园里赏花。（记者 王明 摄）",
        # bylines standing alone
        "（记者 李华 通讯员 张强）",
        "（記者 李華 通訊員 張強）",
        # a reader's comment with its time stamp and buttons
        "网友：路修好了，出行方便多了！ 2024-05-12 10:21 回复 点赞(12)",
        "網友：路修好了，出行方便多了！ 2024-05-12 10:21 回覆 點讚(12)",
        "已有3条评论，点击查看",
        "登录后发表评论",
        # WeChat
        "点击蓝字 关注我们",
        "點擊藍字 關注我們",
        "原创 小编 某某读书会 2024-01-08 18:00 发表于北京",
        "收录于合集 #读书笔记 12个",
        "长按识别二维码关注我们",
        "点个“在看”，你最好看",
        "分享 收藏 点赞 在看",
        "来源：网络，侵删",
        "END",
        "图片",
        # wiki and encyclopedia apparatus
        "跳至內容",
        "跳到主要內容區塊",
        "主選單",
        "搜尋",
        "聆聽這篇條目",
        "聆听这篇条目",
        "本條目需要補充更多來源。（2020年5月）",
        "本条目需要补充更多来源。（2020年5月）",
        "取自「https://zh.wikipedia.org/w/index.php?title=長江&oldid=1」",
        "本頁面最後修訂於2024年1月1日 (星期一) 08:00。",
        "编辑  锁定  讨论  上传视频",
        "編輯",
        "播报",
        "1. 长江简介．中国政府网[引用日期2023-05-01]",
        "词条标签：地理 ， 河流",
        "最近更新：小百科 （2023-05-01）",
        # government footers
        "回上一頁",
        "相關連結",
        "地址：100218 臺北市中正區徐州路5號 電話：02-2356-5000",
        "地址：北京市西城区某某路1号 电话：010-12345678",
        "最佳瀏覽解析度1024x768",
        # datelines
        "新华社北京2月28日电",
        "新華社北京2月28日電",
        # editors, sources and declarations in any dress
        "（责编：王小明、李华）",
        "（責編：王小明、李華）",
        "（本文来源：经济日报 作者：李四）",
        "本期编辑：王五",
        "原标题：我国首条跨海高铁全线贯通",
        "原標題：我國首條跨海高鐵全線貫通",
        "本文转载自微信公众号“某某观察”",
        "特别声明：以上内容仅代表作者本人观点，不代表新浪网观点或立场。",
        "平台聲明：該文觀點僅代表作者本人，搜狐號系信息發布平台，搜狐僅提供信息存儲空間服務。",
        "本文为澎湃号作者或机构在澎湃新闻上传并发布，仅代表该作者或机构观点。",
        "网友评论仅供其表达个人看法，并不表明本站同意其观点或证实其描述。",
        # a plea for subscribers
        "請加入成為本報的月費訂戶，長期支持我們的工作。所有訂戶都可以收到我們的「每周時事」通訊。",
        "欢迎成为我们的付费订户，所有订户都可以收到我们的每周电子报。",
        # counters, buttons, attachments
        "返回搜狐，查看更多",
        "分享到：微信微博QQ空间",
        # Taiwan news sites
        "（編輯：張均懋）1130314",
        "圖／翻攝自臉書",
        "图／视觉中国",
        "記者王小明／台北報導",
        "看更多相關新聞",
        "點我看更多",
        "加入LINE好友",
        "訂閱電子報",
        "本網站使用Cookie",
        "我們使用 Cookie 來改善您的體驗",
        "我们使用 Cookie 来改善您的体验",
        "文章標籤",
        "本文章僅供參考",
        "分享至：Facebook Line 噗浪",
        "阅读 1.2万",
        "閱讀 1.2萬",
        "写留言",
        "猜你喜欢",
        "点击图片进入下一页",
        "IP属地：北京",
        "热门搜索：长江 黄河 长城",
        "附件1：申请表.doc",
        "相關附件：2024年工作要點.docx",
        # a wiki's category links, a page's address line, a script's style rule, teasers
        "Category:中国运河 Category:秦朝建筑 Category:桂林建筑物",
        "分類：中國運河 分類：秦朝建築",
        "月費訂戶 網址：hkcnews.com/aboutus/#subscribe",
        "月费订户 网址：example.com/subscribe",
        ".appendQr_wrap{border:1px solid #E6E6E6;padding:8px;}",
        ".appendQr_normal img{width:74px;}",
        "海量资讯、精准解读，尽在新浪财经APP",
        "海量資訊、精準解讀，盡在新浪財經APP",
        "更有百元京东卡、188元现金红包等你拿，100%中奖>>",
        "更有百元京東卡、188元現金紅包等你拿，100%中獎>>",
        # a numbered citation of an encyclopedia's notes
        "2. Day & McNeil (1996), 636.",
        "3. Temple (1986), 182–183.",
    ],
)
def test_page_furniture_lines_are_chrome(line: str) -> None:
    assert classify_line(line) == "chrome"
    assert clean(line).text == ""


@pytest.mark.parametrize(
    "line",
    [
        "记者从市交通运输局获悉，今年将新建农村公路一万公里。",
        "記者從市交通運輸局獲悉，今年將新建農村公路一萬公里。",
        "他拿起相机，对准远处的山峰拍摄。",
        "本报讯 今年以来，我省加快推进“四好农村路”建设。",
        "长按这个按钮三秒，机器就会重新启动，屏幕上会显示提示。",
        "我们在2024-05-12 10:21到达车站，然后一起去吃饭。",
        "唐诗的黄金时代",
        "目录学是研究书目的学问。",
        "本条目是关于长江的介绍。",
        "地址是北京市西城区，电话是多少我不记得了。",
        "The End of the Cold War",
        "他认为，这只代表了一部分人的看法，并不全面。",
        "附件是一种常见的植物器官吗？不，这里说的是邮件。",
        "原来如此，编辑部的同事都笑了。",
        "（中央社記者王小明台北14日電）行政院會今天通過修正草案。",
        "Browsers use cookies to keep you logged in.",
        "我想看更多的书",
        "记者王小明在台北报道了这件事，引起很大反响。",
        "全市新增宽带订户30万户，电信运营商的服务质量持续提升。",
        "他说：“网址：www.gov.cn是中国政府网。”",
        "分类管理是一种办法。",
        "1. Britain had the largest navy (1900).",
    ],
)
def test_prose_that_looks_like_furniture_is_kept(line: str) -> None:
    assert classify_line(line) is None
    assert clean(line).text == line


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        (
            "人民网北京3月1日电（记者王明）记者从国家统计局获悉，一季度经济运行稳中向好。",
            "记者从国家统计局获悉，一季度经济运行稳中向好。",
        ),
        (
            "人民網北京3月1日電（記者王明）記者從國家統計局獲悉，一季度經濟運行穩中向好。",
            "記者從國家統計局獲悉，一季度經濟運行穩中向好。",
        ),
    ],
)
def test_a_lead_line_keeps_its_prose_without_the_dateline(line: str, prose: str) -> None:
    assert classify_line(line) is None
    assert clean(line).text == prose


# --- context: closing blocks and truncated titles ---------------------------------------


def test_related_links_block_goes_up_to_the_next_prose() -> None:
    lines = [
        "正文第一段。",
        "相关阅读：",
        "我市启动城乡客运一体化试点",
        "",
        "农村公路养护工程全面展开",
        "今年全省农村公路总里程达到二十万公里，位居全国前列。",
    ]
    assert furniture_lines(lines) == {1, 2, 4}
    assert kept_lines("\n".join(lines)) == [lines[0], lines[5]]


def test_related_links_block_in_traditional() -> None:
    lines = ["相關閱讀", "我市啟動城鄉客運一體化試點", "農村公路養護工程全面展開"]
    assert furniture_lines(lines) == {0, 1, 2}


def test_references_block_takes_numbered_entries() -> None:
    lines = [
        "长江发源于青藏高原。",
        "参考资料",
        "1. 长江简介．中国政府网",
        "2.  长江水利委员会．2019-01-01",
    ]
    result = clean("\n".join(lines))
    assert result.text.split("\n") == [lines[0], "", "", ""]
    assert [(c.kind, c.line) for c in result.report.changes if c.kind != "whitespace"] == [
        ("chrome", 2),
        ("chrome", 3),
        ("chrome", 4),
    ]


def test_references_heading_with_an_edit_link() -> None:
    assert furniture_lines(["參考資料[編輯]", "^ 羅哲文. 長城. 北京出版社. 1982."]) == {0, 1}


def test_table_of_contents_stops_at_the_first_listed_heading() -> None:
    lines = ["目录", "1 名称由来", "2 自然地理", "名称由来", "长江在先秦时期称“江”。"]
    assert furniture_lines(lines) == {0, 1, 2}
    lines = ["目錄", "1 名稱由來", "2 自然地理", "名稱由來", "長江在先秦時期稱「江」。"]
    assert furniture_lines(lines) == {0, 1, 2}


def test_table_of_contents_heading_alone_keeps_the_prose() -> None:
    lines = ["目录", "长江在先秦时期称“江”，后来称长江。"]
    assert furniture_lines(lines) == {0}


def test_comment_block_keeps_nothing_but_stops_at_prose() -> None:
    lines = [
        "网友评论",
        "网友：路修好了，出行方便多了！ 2024-05-12 10:21 回复 点赞(12)",
        "热门排行",
        "1 我市启动城乡客运一体化试点",
    ]
    assert kept_lines("\n".join(lines)) == []


def test_truncated_title_copy_goes_the_full_title_stays() -> None:
    lines = [
        "（受权发布）中国共产党第二十届中央委员会第二次全体会议公",
        "中国共产党第二十届中央委员会第二次全体会议公报",
        "中国共产党第二十届中央委员会第二次全体会议，于2023年2月26日在北京举行。",
    ]
    assert furniture_lines(lines) == {0}
    traditional = ["【快訊】行政院會通過國土計畫法修正", "行政院會通過國土計畫法修正草案"]
    assert furniture_lines(traditional) == {0}


def test_a_heading_that_begins_a_sentence_is_no_truncated_title() -> None:
    lines = ["一、完善基层组织体系建设", "一、完善基层组织体系建设，推动组织全覆盖。"]
    assert furniture_lines(lines) == set()
    assert furniture_lines(["長江流域", "長江流域是中華文明的發祥地之一。"]) == set()


# --- whole pages -------------------------------------------------------------------------

NEWS_PORTAL = """首页 | 新闻 | 财经 | 体育 | 娱乐 | 科技 | 汽车 | 房产
您的位置：首页 > 新闻中心 > 国内新闻
我省今年新建改建农村公路一万公里
2024-05-12 08:30:15 来源：省日报 作者：王小明
字号：大 中 小
分享到：
本报讯 今年以来，我省加快推进“四好农村路”建设，全年新建改建农村公路一万公里。
省交通运输厅负责人介绍，新建道路全部达到三级以上标准。
（记者 李华 通讯员 张强）
责任编辑：刘洋
扫一扫在手机打开当前页
相关阅读：
我市启动城乡客运一体化试点
上一篇：我市召开安全生产工作会议
下一篇：全省春季植树造林面积创新高
网友评论
已有3条评论，点击查看
网友：路修好了，出行方便多了！ 2024-05-12 10:21 回复 点赞(12)
登录后发表评论
热门排行
1 我市启动城乡客运一体化试点
Copyright © 2024 某某日报社 All Rights Reserved"""

TAIWAN_GOVERNMENT = """跳到主要內容區塊
:::
首頁 > 最新消息 > 新聞稿
字級：小 中 大
友善列印
分享
行政院會通過「國土計畫法」修正草案
發布日期：113-03-14
資料來源：內政部
行政院會今（14）日通過內政部擬具的「國土計畫法」修正草案，將函請立法院審議。
院長表示，國土計畫是國家空間發展的最上位計畫，應兼顧保育與發展。
相關連結
回上一頁
瀏覽人次：1234
本網站著作權屬於內政部 版權所有
地址：100218 臺北市中正區徐州路5號 電話：02-2356-5000
最佳瀏覽解析度1024x768"""

ENCYCLOPEDIA = """长江（世界第三长河）
编辑  锁定  讨论  上传视频
长江，古称江水，是亚洲第一长河和世界第三长河[1]，全长6300余千米[2-3]。
目录
1 名称由来
2 自然地理
名称由来
编辑
播报
长江在先秦两汉时期称“江”或“江水”[4]，魏晋南北朝时期始称“长江”。
自然地理
编辑
长江发源于青藏高原的唐古拉山脉各拉丹冬峰西南侧[5]。
参考资料
1. 长江简介．中国政府网[引用日期2023-05-01]
2.  长江水利委员会．2019-01-01
词条标签：地理 ， 河流
浏览次数：1234567次 编辑次数：89次 历史版本"""

WECHAT = """点击蓝字 关注我们
原创 小编 某某读书会 2024-01-08 18:00 发表于北京
收录于合集 #读书笔记 12个
唐诗的黄金时代
盛唐诗歌气象雄浑，李白与杜甫代表了两种不同的诗歌理想。
李白的诗飘逸奔放，杜甫的诗沉郁顿挫。
图片
来源：网络，侵删
END
长按识别二维码关注我们
往期推荐
宋词里的四季
点个“在看”，你最好看
分享 收藏 点赞 在看
阅读原文"""


@pytest.mark.parametrize(
    ("page", "content"),
    [
        (
            NEWS_PORTAL,
            [
                "我省今年新建改建农村公路一万公里",
                "本报讯 今年以来，我省加快推进“四好农村路”建设，全年新建改建农村公路一万公里。",
                "省交通运输厅负责人介绍，新建道路全部达到三级以上标准。",
            ],
        ),
        (
            TAIWAN_GOVERNMENT,
            [
                "行政院會通過「國土計畫法」修正草案",
                "行政院會今（14）日通過內政部擬具的「國土計畫法」修正草案，將函請立法院審議。",
                "院長表示，國土計畫是國家空間發展的最上位計畫，應兼顧保育與發展。",
            ],
        ),
        (
            ENCYCLOPEDIA,
            [
                "长江（世界第三长河）",
                "长江，古称江水，是亚洲第一长河和世界第三长河，全长6300余千米。",
                "名称由来",
                "长江在先秦两汉时期称“江”或“江水”，魏晋南北朝时期始称“长江”。",
                "自然地理",
                "长江发源于青藏高原的唐古拉山脉各拉丹冬峰西南侧。",
            ],
        ),
        (
            WECHAT,
            [
                "唐诗的黄金时代",
                "盛唐诗歌气象雄浑，李白与杜甫代表了两种不同的诗歌理想。",
                "李白的诗飘逸奔放，杜甫的诗沉郁顿挫。",
            ],
        ),
    ],
    ids=["news-portal", "taiwan-government", "encyclopedia", "wechat"],
)
def test_dirty_pages_keep_exactly_their_content(page: str, content: list[str]) -> None:
    result = clean(page)
    assert [line for line in result.text.split("\n") if line] == content
    removed = {c.line for c in result.report.changes if c.kind in {"chrome", "spam"}}
    emptied = {n for n, line in enumerate(result.text.split("\n"), 1) if not line}
    assert emptied == removed  # every emptied line is reported with its number


def test_news_portal_html_end_to_end(tmp_path: Path) -> None:
    page = "\n".join(
        [
            "<html><head><title>农村公路_新闻中心_某某网</title></head><body>",
            "<div><a>首页</a> | <a>新闻</a> | <a>财经</a> | <a>体育</a> | <a>科技</a></div>",
            "<div>您的位置：<a>首页</a> &gt; <a>新闻中心</a> &gt; 国内新闻</div>",
            "<h1>我省今年新建改建农村公路一万公里</h1>",
            "<div><span>2024-05-12 08:30:15</span> <span>来源：省日报</span></div>",
            "<div>分享到：<a>微信</a><a>微博</a><a>QQ空间</a></div>",
            "<p>　　本报讯 今年以来，我省加快推进农村公路建设，全年新建改建一万公里。</p>",
            "<p>　　图为新建成的农村公路。（记者 李华 摄）</p>",
            "<p>　　新建道路全部达到三级以上标准[1]。</p>",
            "<div>（责任编辑：刘洋）</div>",
            "<div><h3>相关阅读</h3><ul><li><a>我市启动城乡客运一体化试点</a></li></ul></div>",
            "<div>Copyright &copy; 2024 某某日报社 版权所有</div>",
            "</body></html>",
        ]
    )
    path = tmp_path / "portal.html"
    path.write_text(page, encoding="utf-8")
    result = clean(read_source(path).text)
    lines = result.text.split("\n")
    assert [(n, line) for n, line in enumerate(lines, 1) if line] == [
        (4, "我省今年新建改建农村公路一万公里"),
        (7, "本报讯 今年以来，我省加快推进农村公路建设，全年新建改建一万公里。"),
        (9, "新建道路全部达到三级以上标准。"),
    ]
    removed = sorted(c.line for c in result.report.changes if c.kind in {"chrome", "spam"})
    assert removed == [2, 3, 5, 6, 8, 10, 11, 12, 13]


# --- program code ------------------------------------------------------------------------

CODE_LINES = [
    "let first = vec.first().unwrap(); // 生成错误 1",
    "let first = vec.first().unwrap(); // 生成錯誤 1",
    'println!("第一个数的两倍是 {}", double_first(numbers));',
    'println!("第一個數的兩倍是 {}", double_first(numbers));',
    "fn main() {",
    "2 * first.parse::<i32>().unwrap() // 生成错误 2",
    "def total(items):",
    "for (int i = 0; i < n; i++) {",
    "}",
    "});",
    "// 错误 1：输入向量为空",
    "// 錯誤 1：輸入向量為空",
    "#include <stdio.h>",
]
NOT_CODE_LINES = [
    "开展“人工智能+”行动，打造具有国际竞争力的数字产业集群。",
    "開展「人工智能+」行動，打造具有國際競爭力的數字產業集群。",
    "Britain and France (1904) signed the Entente Cordiale; Germany objected.",
    "Result: the alliance held (1914); war followed.",
    "f = ma is Newton's second law",
    "# 第一章 总则",
    "（一）坚持党的全面领导：把党的领导贯穿始终。",
    "a = b",
]


@pytest.mark.parametrize("line", CODE_LINES)
def test_a_line_of_program_code_is_no_text(line: str) -> None:
    """A tutorial's examples: the comments and strings may be Chinese, the rest is code."""
    assert classify_line(line) == "code"


@pytest.mark.parametrize("line", NOT_CODE_LINES)
def test_prose_with_code_marks_is_text(line: str) -> None:
    assert classify_line(line) is None


def test_code_lines_are_reported_as_such_and_the_prose_stays() -> None:
    text = (
        "在下面的代码中，两个实例生成了不同的错误类型。\n"
        "fn main() {\n"
        'let strings = vec!["tofu", "93", "18"];\n'
        "}\n"
        "在接下来的章节中，我们将探讨几种处理此类问题的策略。\n"
    )
    result = clean(text)
    assert result.report.counts() == {"code": 3}
    assert "3 lines of code" in result.report.format()
    assert kept_lines(text) == [
        "在下面的代码中，两个实例生成了不同的错误类型。",
        "在接下来的章节中，我们将探讨几种处理此类问题的策略。",
    ]
