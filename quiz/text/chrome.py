"""Recognise lines that are web-page furniture rather than text: navigation and share
buttons, player timers, breadcrumbs, source/editor/copyright lines, and spam link lists.

The rules score a whole line by what it is made of (UI words, timers, separators, short
items, no sentence punctuation); they never look for a particular page's strings.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Literal

from quiz.text.script import to_simplified, to_traditional

LineKind = Literal["chrome", "spam", "code"]

# Words that only ever appear as page controls, in Simplified form (lines are compared
# through OpenCC t2s) and lower-case English.
_UI_WORDS = frozenset(
    """
    手机版 电脑版 网页版 触屏版 移动版 极速版 简体版 繁体版 简体 繁体 繁體 无障碍 长者模式
    打印 打印本页 打印此页 打印文章 纠错 我要纠错 分享 分享到 收藏 加入收藏 设为首页 关闭
    关闭窗口 关闭本页 返回 返回顶部 回到顶部 顶部 返回首页 返回列表 字号 字体 大 中 小 默认
    放大 缩小 微信 微博 新浪微博 腾讯微博 朋友圈 qq空间 qq 好友 扫一扫 微信扫一扫 手机扫一扫
    扫码 扫描二维码 二维码 上一篇 下一篇 上一条 下一条 上一页 下一页 首页 尾页 主页 登录 注册
    退出 收听本文 听全文 朗读 播放 暂停 评论 发表评论 点赞 转发 复制链接 链接 打开 客户端
    下载客户端 下载 app 更多 更多新闻 相关阅读 相关文章 相关新闻 相关链接 推荐阅读 延伸阅读
    热点 热门 热门推荐 正文 网站地图 联系我们 关于我们 免责声明 隐私政策 搜索 订阅 rss 举报
    查看更多 阅读原文 阅读全文 展开全文 收起 全文 加载中 (完) （完） 【完】 完
    订阅电子报 文章标签 写留言 留言 猜你喜欢 搜寻 主菜单 主选单 导航 锁定 讨论 编辑 上传视频
    播报 回上一页
    相关连结 网友评论 最新评论
    热门评论 热门排行 排行榜 往期推荐 往期回顾 在看 图片 回复 举报 赞 end
    列印 友善列印 转寄 回首页 回上页 网站导览 字级 上一则 下一则 书签 加入书签 分享至
    × x ✕ 【 】 toggle advertisement loading
    print share email e-mail tweet facebook twitter weibo wechat home menu search login
    logout register subscribe comments comment related next previous prev top back close
    font more sitemap contact about privacy terms cookies skip navigation
    """.split()
)
_UI_PHRASES = re.compile(
    r"^(?:欢迎(?:使用|访问|光临|来到|进入).{0,12}"
    r"|.{0,8}(?:扫一扫|扫码|二维码|客户端|手机版|电脑版|移动端).{0,10}"
    r"|(?:分享|打印|收藏|关闭|返回|下载).{0,4}"
    r"|点击(?:进入|查看|这里|此处|下载|播放|阅读|关注|收听|打开).{0,6}"
    r"|查看(?:更多|全文|原文|详情|大图).{0,4}"
    r"|.{0,10}(?:加载中|浏览器|下载|公众号).{0,4}"
    r"|(?:关注|订阅).{0,6}(?:公众号|微信|微博|我们|账号)"
    r"|跳(?:至|转|到|过)(?:主要)?(?:内容|正文|导航|导览|搜索|主菜单).{0,4}"
    r"|(?:聆听|收听|朗读)(?:这篇|本篇|本)?(?:条目|文章|全文|本文).{0,2}"
    r"|第\s*\d+\s*页|共\s*\d+\s*页"
    r"|-*\s*end\s*-*|back to top|sign (?:in|up)|log (?:in|out)|read more|click here"
    r"|skip to .{0,20})$",
    re.IGNORECASE,
)
# A site's name ("某某网") is furniture only next to other furniture.
_SITE_NAME = re.compile(r"^.{1,12}(?:网|网站|频道|门户|百科|百科全书)$")
_SITE_TOKENS = re.compile(r"[\s，,、|｜]+")
# A footnote's back-link caret starts the lines of a copied reference list.
_BACKLINK = re.compile(r"^\^\s")
_AUTHOR = re.compile(r"^\s*[【\[]?\s*(?:作者|文|撰稿|author|by)\s*[:：]", re.IGNORECASE)
_TIMER = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*/\s*\d{1,2}:\d{2}(?::\d{2})?\b")
_ONLY_TIMER_OR_NUMBER = re.compile(r"^[\d:./\-\s]+$")
_COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|copyright|all rights reserved|版[权權]所有|版[权權][声聲]明|未[经經]授[权權]|"
    r"icp\s*[备證证備]|公[网網]安[备備]|[网網]安[备備]|增值[电電]信|[违違]法和不良信息",
    re.IGNORECASE,
)
_METADATA_LABELS = (
    "(?:信息|文章|新闻|图片|视频|资料|本文)?来源|稿源|出处|责任编辑|责编|(?:本期|值班|网络)?编辑",
    "审核|校对|原标题|ip属地|热门搜索|热搜|(?:相关)?附件\\s*\\d{0,2}",
    "发布时间|发布日期|更新时间|更新日期|发布者|发布机构|发布单位|发文机关",
    "索引号|主题分类|成文日期|发文字号",
    "上一篇|下一篇|上一条|下一条|上一页|下一页|上一则|下一则",
    "浏览次数|浏览量|浏览人次|阅读量|阅读次数|点击数|点击量|访问量|点阅次数",
    "字号|字级|字体|(?:免责|转载|特别|平台|版权|重要)?声明|标签|关键词|分类|页面分类|词条标签",
    "最近更新|最后更新|最后修订|收录于",
    r"(?:时间|日期)(?=\s*[:：]\s*\d)",
    "source|editor|published|updated|tags?",
)
# "Label: value" lines of a page's metadata block (compared in Simplified form).
_METADATA = re.compile(
    rf"^\s*[【\[（(]?\s*(?:{'|'.join(_METADATA_LABELS)})\s*[:：】\]]", re.IGNORECASE
)
_BREADCRUMB_LABEL = re.compile(r"^\s*(?:您)?(?:当前|现在|所在)?的?位置\s*[:：]")
_BREADCRUMB_SEPARATOR = re.compile(r"\s*(?:>|>>|»|›|→|＞)\s*")
_DATE_ONLY = re.compile(
    r"^\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$"
)
_SPAM_SEPARATORS = re.compile(r"\s*[|｜丨¦]\s*")
_DOT_SEPARATORS = re.compile(r"\s*[·•]\s*")
_TOKEN_SPLIT = re.compile(r"[\s|｜丨¦·•/>»›<«‹【】\[\]]+")
_SENTENCE_PUNCT = re.compile(r"[，。；！？、,;!?]")
_SENTENCE_PUNCT_STRICT = re.compile(r"[，。；！？、]|[,;!?](?=\s|$)")
_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
_WORD_CHAR = re.compile(r"[^\W_]")

# Whole lines that only pages print: follow/scan prompts, collection and edit notices,
# maintenance templates, "retrieved from" lines, browser advice (Simplified form).
_FURNITURE_LINE = re.compile(
    r"^(?:点击蓝字.{0,12}|长按.{0,20}|点个?\W{0,2}在看.{0,12}|收录于.{0,40}"
    r"|原创\s.{0,50}发表于.{0,12}|已有\s*\d+\s*条评论.{0,12}|(?:请)?(?:登录|登陆)后.{0,10}评论.{0,4}"
    r"|本(?:条目|页面|词条)(?!是|为|指).{0,60}|取自[「“\"].{0,300}|最佳浏览.{0,40}"
    r"|本文(?:转载|转自|来源|来自|首发|原载).{0,40}|返回.{1,8}[，,]\s*查看更多"
    r"|(?:分享|转发|收藏)(?:到|至)?\s*[:：].{0,40}"
    r"|(?:图|照片|影像|图片)\s*[／/][^，。]{1,24}|(?:本报|中央社)?记者.{1,12}[／/].{1,8}(?:报导|报道)"
    r"|(?:点我|点此|点击)?看更多(?:相关)?(?:新闻|文章|内容|报导|报道|影片|视频)?"
    r"|加入.{0,10}好友|本文(?:章)?仅供参考.{0,10}"
    r"|(?:阅读|浏览|点赞|在看|赞|评论|收藏|转发|分享)\s*[\d.]+\s*[万wk+]?"
    r"|点击(?:图片|大图)?(?:进入|查看)?(?:下一页|上一页|大图)"
    r"|.{0,12}\d{1,2}月\d{1,2}日(?:专)?电(?:\s*[(（][^()（）]{0,30}[)）])?"
    r"|建议使用.{0,30}浏览器.{0,30}|.{0,200}[\\[［](?:引用日期|访问日期|检索日期|存档日期).{0,40}|.{0,30}(?:侵删|侵权请联系|转载请注明).{0,20})$",
    re.IGNORECASE,
)
# A byline in brackets standing alone: （记者 李华 通讯员 张强）.
_BYLINE = re.compile(
    r"^[（(【\[]\s*(?:本报|本台|本刊|特约|见习|实习)?(?:记者|通讯员|实习生|撰文|摄影)"
    r"[^()（）【】\[\]]{0,50}[)）】\]]$"
)
# A photo caption: a line ending in the photographer's credit, 新华社记者 鞠鹏 摄, (林艳摄).
_PHOTO_CREDIT = re.compile(
    r"(?:[(（][^()（）]{1,24}摄(?:影)?[)）]|(?:记者|摄影|摄影师|图)\s*[:：]?\s*\S{1,12}(?:\s+\S{1,6})?\s*摄)"
    r"\s*[|｜]?\s*$"
)
_MAX_CAPTION = 250
# A reader's comment: a time stamp followed by its reply/like buttons at the line's end.
_COMMENT_TAIL = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:回复|点赞|举报|赞|reply|like)(?:\s*[(（]?\d*[)）]?)?"
    r"(?:\s*(?:回复|点赞|举报|赞)(?:\s*[(（]?\d*[)）]?)?)*\s*$",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"\d:\d\d")
_DATE_TIME = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s+\d{1,2}:\d{2}")
_STRONG_PUNCT = re.compile(r"[。！？!?]")
# Declarations pages print under every article (the opinions are the author's own, the
# platform only stores them, write to us about infringements).
_BOILERPLATE = re.compile(
    r"仅代表(?:该)?(?:作者|本人)|不代表本(?:站|网|平台)|信息存储空间服务|如有侵权|侵权请联系"
    r"|仅供其表达个人看法|不代表.{1,6}(?:观点|立场)"
    # a news site's plea for subscribers (请加入成为…的月费订户，长期支持我们的工作)
    r"|(?:成为|加入|欢迎).{0,12}订户|订户.{0,20}(?:支持我们|收到我们|通讯|电子报)"
)
_MAX_BOILERPLATE = 160
_BOILERPLATE_HINT = re.compile("代表|侵|存[储儲]|看法|[订訂][户戶]")
_CONTACT_LABEL = re.compile(r"(?:地址|电话|传真|邮编|邮箱|电子邮件|e-?mail|tel|fax)\s*[:：]", re.I)

# A wiki page's category links (Category:中国运河 Category:秦朝建筑), a page's address
# given as a line of its own (月费订户 网址：hkcnews.com/…), a style rule left by a page's
# script (.appendQr_wrap{border:1px solid #E6E6E6;}), a teaser for an app or a prize
# ending in a link arrow (尽在新浪财经APP, …100%中奖>>), a numbered citation of an
# encyclopedia's notes (2. Day & McNeil (1996), 636.).
_CATEGORIES = re.compile(r"^(?:(?:Category|分类|页面分类)\s*[:：]\s*\S+\s*)+$", re.IGNORECASE)
_ADDRESS_LINE = re.compile(
    r"(?:网址|网站|链接|URL)\s*[:：]\s*(?:https?://)?[A-Za-z0-9.-]+\.[A-Za-z]{2,}"
    r"[A-Za-z0-9/#?=&%.~:+_-]*$"
)
_STYLE_RULE = re.compile(r"^[.#@]?[\w-]+(?:[\s>.#:,\w-]*)\{[^{}]*:[^{}]*\}$")
_TEASER = re.compile(r"(?:>>|》》|尽在.{1,12}(?:APP|App|app|客户端))$")
_CITATION = re.compile(r"^\d{1,3}\.\s+[A-Z][^\u3400-\u9fff]{0,60}\(\d{4}\)[,，]\s*\d[\d–-]*\.?$")

_SHORT_LINE = 40
_MAX_SPAM_ITEM = 10
_MIN_SPACED_SPAM = 10


def classify_line(line: str) -> LineKind | None:
    """Say whether a line is page chrome, a spam link list, a line of program code, or
    (``None``) real text."""
    stripped = line.strip()
    if not stripped:
        return None
    if is_code(stripped):
        return "code"
    tail = stripped[-40:]
    if len(stripped) <= _MAX_CAPTION and ("摄" in tail or "攝" in tail):
        if _PHOTO_CREDIT.search(to_simplified(tail)):
            return "chrome"  # a photo's caption repeats the article; its credit is no text
    if len(stripped) <= 200 and _CLOCK.search(tail) and _COMMENT_TAIL.search(to_simplified(tail)):
        return "chrome"  # a reader's comment with its time stamp and reply buttons
    if len(stripped) <= _MAX_BOILERPLATE and _BOILERPLATE_HINT.search(stripped):
        if _BOILERPLATE.search(to_simplified(stripped)):
            return "chrome"
    if _plainly_prose(stripped):
        # Only a copyright notice can hide in punctuated prose; it reads the same in
        # either script once 版權/公網 are written both ways in the pattern.
        return "chrome" if len(stripped) <= 120 and _COPYRIGHT.search(stripped) else None
    simplified = to_simplified(stripped)
    if _is_spam(simplified):
        return "spam"
    if _is_chrome(simplified):
        return "chrome"
    return None


# Program code (a tutorial's examples): its comments and string literals may be Chinese,
# the rest is ASCII with code's shape. A line is code when, without them, it holds no CJK
# and shows two of: a statement's end (; { }), a keyword opening a declaration, an
# operator of code (=> -> :: == != += && ||), a call (name( with no space), an assignment
# (a = b); or it is only closing brackets, or a comment alone (// …, /* …, # include).
_CODE_COMMENT = re.compile(r"(?:^|(?<=\s))(?://|#(?!\w)).*$|/\*.*?(?:\*/|$)")
_CODE_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'')
_CODE_KEYWORD = re.compile(
    r"^(?:fn|let|const|var|def|class|import|from|return|pub|use|mod|struct|enum|impl|match|"
    r"func|package|public|private|protected|static|void|int|char|float|double|#include|"
    r"#define|elif|else|for|while|if|try|catch|except|lambda|async|await|typedef)\b(?=.*[(){=:<;])"
)
_CODE_OPERATOR = re.compile(r"=>|->|::|==|!=|\+=|-=|&&|\|\||<<|>>")
_CODE_CALL = re.compile(r"[A-Za-z_][\w!]*\(")
_CODE_ASSIGN = re.compile(r"[\w\]] = \S")
_CODE_END = re.compile(r"[;{}]$|\)\s*;$")
_ONLY_CLOSERS = re.compile(r"^[}\])]+[;,]?$")
_COMMENT_ALONE = re.compile(r"^(?://|/\*|\*/|#include\b|#define\b)")


def is_code(line: str) -> bool:
    """A line of program code.

    >>> is_code('let first = vec.first().unwrap(); // 生成错误 1')
    True
    >>> is_code('println!("第一个数的两倍是 {}", double_first(numbers));'), is_code("}")
    (True, True)
    >>> is_code("Britain and France (1904) signed the Entente Cordiale; Germany objected.")
    False
    >>> is_code("开展“人工智能+”行动，打造数字产业集群。"), is_code("a = b")
    (False, False)
    """
    if _ONLY_CLOSERS.match(line) or _COMMENT_ALONE.match(line):
        return True
    if not any(ch in line for ch in "(){};=:<>"):
        return False  # a quick test: prose has none of code's marks, or few
    bare = _CODE_COMMENT.sub("", _CODE_STRING.sub('""', line)).strip()
    if not bare or _HAN.search(bare):
        return False
    signals = (
        bool(_CODE_END.search(bare))
        + bool(_CODE_KEYWORD.match(bare))
        + bool(_CODE_OPERATOR.search(bare))
        + bool(_CODE_CALL.search(bare))
        + bool(_CODE_ASSIGN.search(bare))
    )
    return signals >= 2


_PROSE_PUNCT = re.compile(r"[，。；！？]")
_ANY_SEPARATOR = re.compile(r"[|｜丨¦·•]")


def _plainly_prose(line: str) -> bool:
    """Punctuated sentences longer than any furniture line and without list separators:
    no rule but the copyright one can match them."""
    if len(line) <= _SHORT_LINE:
        return False
    return len(_PROSE_PUNCT.findall(line)) >= 2 and len(_ANY_SEPARATOR.findall(line)) < 3


def _is_chrome(line: str) -> bool:
    length = len(line)
    if length <= 120 and _COPYRIGHT.search(line):
        return True
    if length <= 80 and _METADATA.match(line) and not _long_sentence(line):
        return True
    if length <= 300 and _FURNITURE_LINE.match(line):
        return True
    if length <= 60 and "cookie" in line.lower() and _HAN.search(line):
        return True  # a Chinese page's cookie notice (English notes may discuss cookies)
    if _BYLINE.match(line):
        return True
    if length <= 60 and _DATE_TIME.search(line) and not _STRONG_PUNCT.search(line):
        if not _SENTENCE_PUNCT_STRICT.search(line):
            return True  # a post's time stamp with its author or place
    if length <= 160 and len(_CONTACT_LABEL.findall(line)) >= 2:
        return True  # a footer's address and telephone
    if _AUTHOR.match(line):
        return False  # author lines stay, whatever else they carry
    if length <= _SHORT_LINE and _TIMER.search(line):
        return True
    if length <= 24 and (_ONLY_TIMER_OR_NUMBER.match(line) or _DATE_ONLY.match(line)):
        return True
    if not _WORD_CHAR.search(line):
        return True  # separators, rules and symbols only
    if length <= 300 and (_CATEGORIES.match(line) or _STYLE_RULE.match(line)):
        return True
    if length <= 80 and (
        _ADDRESS_LINE.search(line) or _TEASER.search(line) or _CITATION.match(line)
    ):
        return True
    if _BACKLINK.match(line):
        return True
    if length <= 24 and _only_site_names(line):
        return True  # a site's name and tagline
    if _is_breadcrumb(line):
        return True
    return _mostly_ui(line)


def _mostly_ui(line: str) -> bool:
    if len(line) > _SHORT_LINE or _AUTHOR.match(line):
        return False
    tokens = [token for token in _TOKEN_SPLIT.split(line) if token]
    if not tokens:
        return True
    if line.isascii():
        # English words double as headings ("Key terms", "About the author"): only a
        # known control phrase, or several control words in a row, is furniture.
        if _UI_PHRASES.match(line.lower()):
            return True
        return len(tokens) >= 2 and all(_is_ui_token(token) for token in tokens)
    strong = sum(len(token) for token in tokens if _is_ui_token(token))
    if not strong:
        return False
    ui_chars = strong + sum(
        len(token) for token in tokens if not _is_ui_token(token) and _SITE_NAME.match(token)
    )
    all_chars = sum(len(token) for token in tokens)
    if ui_chars == all_chars:
        return True
    if _SENTENCE_PUNCT.search(line):
        return False
    return len(tokens) >= 2 and ui_chars >= 0.6 * all_chars


def _only_site_names(line: str) -> bool:
    tokens = [token for token in _SITE_TOKENS.split(line) if token]
    return len(tokens) >= 2 and all(_SITE_NAME.match(token) for token in tokens)


def _is_ui_token(token: str) -> bool:
    lowered = token.lower().strip(":：,，.。")
    if lowered in _UI_WORDS or _METADATA.match(token):
        return True
    if _ONLY_TIMER_OR_NUMBER.match(lowered):
        return True
    if len(lowered) > 24 or _SENTENCE_PUNCT.search(lowered):
        return False
    return bool(_UI_PHRASES.match(lowered))


def _is_breadcrumb(line: str) -> bool:
    if _BREADCRUMB_LABEL.match(line):
        return True
    parts = [part for part in _BREADCRUMB_SEPARATOR.split(line) if part.strip()]
    separators = len(_BREADCRUMB_SEPARATOR.findall(line))
    if separators < 2 or len(parts) < 3:
        return False
    return all(len(part) <= 12 for part in parts) and not _SENTENCE_PUNCT.search(line)


def _is_spam(line: str) -> bool:
    for separators, minimum in ((_SPAM_SEPARATORS, 4), (_DOT_SEPARATORS, 6)):
        if len(separators.findall(line)) < minimum - 1:
            continue
        items = [item for item in separators.split(line) if item.strip()]
        if len(items) >= minimum and _short_items(items):
            return True
    # Space-separated lists need to be long: a learner's vocabulary line is not spam.
    items = line.split()
    if len(items) >= _MIN_SPACED_SPAM and _short_items(items):
        han_items = sum(1 for item in items if _HAN.search(item))
        return han_items >= _MIN_SPACED_SPAM - 2 and not _SENTENCE_PUNCT_STRICT.search(line)
    return False


def _short_items(items: list[str]) -> bool:
    lengths = [len(item.strip()) for item in items]
    longest_allowed = sum(1 for n in lengths if n <= _MAX_SPAM_ITEM)
    return longest_allowed >= 0.9 * len(lengths) and sum(lengths) / len(lengths) <= 6


def _long_sentence(line: str) -> bool:
    return len(_SENTENCE_PUNCT_STRICT.findall(line)) >= 2


# --- furniture that only its neighbours give away --------------------------------------

# Headings of a page's closing blocks: what follows them is link lists, comments,
# references or a table of contents, not the article (compared in Simplified form).
_BLOCK_HEADINGS = frozenset(
    """
    相关阅读 相关文章 相关新闻 相关链接 相关连结 相关条目 相关推荐 推荐阅读 延伸阅读 更多阅读
    往期推荐 往期回顾 往期精选 热门排行 热门推荐 热点推荐 热门文章 热门新闻 热文排行 排行榜
    猜你喜欢 为你推荐 网友评论 最新评论 热门评论 精彩评论 评论区 参考资料 参考文献 外部链接
    related articles related posts references external links
    """.split()
)
_TOC_HEADINGS = frozenset({"目录", "目次", "contents", "table of contents"})
_BLOCK_HEADING_TRIM = "：: 　"
_NUMBERED_ENTRY = re.compile(r"^(?:\[\d{1,3}\]|\^|\d{1,3}\s*[.、．)）]?)\s*\S")
_TOC_ENTRY = re.compile(
    r"^(?P<number>\d{1,2}(?:\.\d{1,2})*\.?|[一二三四五六七八九十]{1,3}[、.．]|第.{1,4}[章节篇部])"
    r"\s*(?P<title>\S.{0,30})$"
)
_SHORT_ITEM = 40
_MAX_ENTRY = 160
_TAG_PREFIX = re.compile(r"^[（(【\[][^）)】\]]{1,8}[）)】\]]\s*")
_MIN_TRUNCATED = 10
_MAX_TITLE = 80


def furniture_lines(lines: list[str]) -> set[int]:
    """Indexes of lines that are furniture only in context: the items under a page's
    closing headings (related links, comments, references, a table of contents) and a
    page title repeated cut short (a shorter copy of another title line)."""
    stripped = [line.strip() for line in lines]
    return _closing_blocks(stripped) | _truncated_titles(stripped)


def _closing_blocks(lines: list[str]) -> set[int]:
    found: set[int] = set()
    index = 0
    while index < len(lines):
        line = lines[index]
        heading = _heading_text(line) if line else ""
        if len(heading) <= 20 and (heading in _BLOCK_HEADINGS or heading in _TOC_HEADINGS):
            found.add(index)
            items = _block_items(lines, index + 1, toc=heading in _TOC_HEADINGS)
            found.update(items)
            index = max(items, default=index) + 1
            continue
        index += 1
    return found


_EDIT_LINK = re.compile(r"\s*[\[［](?:编辑|編輯|编辑源代码|編輯原始碼|edit)[\]］]$", re.IGNORECASE)


def closing_heading(line: str) -> bool:
    """Whether a line is a heading that closes an article (相关阅读, 参考资料, 目录 ...)."""
    return bool(_heading_text(line.strip()))


def _heading_text(line: str) -> str:
    """A short line as a closing heading would read: Simplified, lower case, without an
    edit link or a colon ("" when it cannot be one)."""
    if len(line) > 30:
        return ""
    text = _EDIT_LINK.sub("", line).strip(_BLOCK_HEADING_TRIM).lower()
    if text not in _headings_in_either_script():
        return ""
    return to_simplified(text)


@lru_cache(maxsize=1)
def _headings_in_either_script() -> frozenset[str]:
    """The closing headings as written in either script (a set lookup per line is far
    cheaper than converting every short line)."""
    headings = _BLOCK_HEADINGS | _TOC_HEADINGS
    return headings | frozenset(to_traditional(heading) for heading in headings)


def _block_items(lines: list[str], start: int, toc: bool) -> list[int]:
    """The lines under a closing heading, up to the first line of prose (or, under a
    table of contents, the first heading the contents listed)."""
    items: list[int] = []
    listed: set[str] = set()
    for index in range(start, len(lines)):
        line = lines[index]
        if not line:
            continue
        if toc:
            entry = _TOC_ENTRY.match(line)
            if line in listed or entry is None or entry.group("title") in listed:
                break
            listed.add(entry.group("title").strip())
        elif _heading_text(line) or not _block_item(line):
            break  # prose, or the next closing heading with its own rules
        items.append(index)
    return items


def _block_item(line: str) -> bool:
    if len(line) <= _SHORT_ITEM and not _STRONG_PUNCT.search(line):
        return True
    if len(line) <= _MAX_ENTRY and _NUMBERED_ENTRY.match(line):
        return True
    return classify_line(line) is not None


def _truncated_titles(lines: list[str]) -> set[int]:
    """Title lines that are a cut-short copy of a longer title line elsewhere."""
    titles = sorted({_untagged(line) for line in lines if line and _title_like(line)}, key=str)
    found: set[int] = set()
    for index, line in enumerate(lines):
        if not line or not _title_like(line):
            continue
        body = _untagged(line)
        if len(body) < _MIN_TRUNCATED:
            continue
        position = bisect.bisect_right(titles, body)
        if position < len(titles) and titles[position].startswith(body):
            found.add(index)
    return found


def _title_like(line: str) -> bool:
    return len(line) <= _MAX_TITLE and not _STRONG_PUNCT.search(line) and "，" not in line


def _untagged(line: str) -> str:
    return _TAG_PREFIX.sub("", line)
