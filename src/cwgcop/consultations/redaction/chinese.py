"""Chinese names, schools and addresses, with jieba's part-of-speech tags (nr person, ns place, nt organisation).

jieba's dictionary ships inside the package: nothing is downloaded. It is loaded once per process, on first use
or by :func:`warm_up` at worker start (about 1–2 s and 60 MB, measured in bench/redaction_corpus.py); its cache
file goes to the system's temporary directory like jieba's default. Only texts with Chinese characters reach it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from cwgcop.consultations.redaction.base import Category, Hit
from cwgcop.core.chinese import jieba

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAS_CJK = re.compile(f"[{CJK}]")


def _tagger() -> Any:
    return jieba().posseg


def warm_up() -> None:
    """Load jieba's dictionary now (at worker start) rather than during a child's first answer."""
    _tagger()


class Token(NamedTuple):
    word: str
    flag: str
    start: int
    end: int


@lru_cache(maxsize=64)
def tokens(text: str, *, offset: int = 0, hmm: bool = False) -> tuple[Token, ...]:
    """jieba's words and tags. Its hidden Markov model finds names missing from the dictionary (陈思雨) but
    costs up to 10 ms on a long sentence: it runs only on the few characters after a cue (see :func:`names`).
    The last answers' words are kept: the rules and the learned detector read the same answer's."""
    out: list[Token] = []
    position = offset
    for pair in _tagger().cut(text, HMM=hmm):
        out.append(Token(pair.word, pair.flag, position, position + len(pair.word)))
        position += len(pair.word)
    return tuple(out)


PERSON = {"nr", "nrfg", "nrt"}
# Tags of the last two characters that do not end a name: a verb or a function word ("周天天": no).
PERSON_LIKE_WORDS = {"v", "p", "uj", "ul", "c", "d", "r", "f", "t", "y", "q", "m"}
STRONG = ("我叫", "叫我", "名字是", "名字叫", "名叫", "我名", "本人")
WEAK = (
    "我是",
    "和",
    "跟",
    "同学",
    "朋友",
    "好友",
    "闺蜜",
    "哥哥",
    "姐姐",
    "弟弟",
    "妹妹",
    "表哥",
    "表姐",
    "表妹",
    "表弟",
    "问",
    "找",
    "叫",
)
NOT_NAME_FLAGS = {"v", "p", "uj", "ul", "uz", "ug", "uv", "ud", "c", "d", "r", "m", "x", "f", "t", "b", "zg", "q", "y"}


CUE_RE = re.compile("|".join(sorted(STRONG + WEAK, key=len, reverse=True)))
WINDOW = 6
# The hundred most common family names (百家姓 as counted today): a word jieba does not know that starts with one
# of them, right after a cue, is a person's name.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
    "谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢"
    # The next hundred or so (the 2020 census's 101st-300th that are not everyday single-character words).
    "齐乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿焦俞柳祝舒阮柯纪梅童凌毕季裴霍涂苗翁冉骆蓝"
    "辛靳柴蒙鲍喻祁蒲滕屈饶牟穆卓吉缪简芦褚娄窦戚岑卜晏柏瞿桂佟臧闵苟邬卞姬栾隋刁荣巫寇桑郎甄仲虞敖巩佘邝"
    # Round 7: the same names in traditional characters (Taiwan, Hong Kong: 吳怡君, 陳sir).
    "張劉陳楊黃趙吳許鄭謝蕭葉羅馮鄧蔣蘇盧鍾譚陸賈韋鄒龍顧聶魯紀嚴錢湯賴潘蔡林郭"
)
# Family names of two characters (复姓): "欧阳雪晴", "司马光".
COMPOUND_SURNAMES = (
    "欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|令狐|长孙|宇文|司徒|夏侯|轩辕|端木|独孤|南宫|西门|百里|呼延|"
    "澹台|公冶|宗政|濮阳|太史|申屠|闻人|赫连|万俟|钟离|闾丘|第五|司空|拓跋"
)


def _tag(word: str) -> str | None:
    """jieba's dictionary tag for ``word``, or None for a word it does not know."""
    tags: dict[str, str] = _tagger().dt.word_tag_tab
    return tags.get(word)


def word_frequency(word: str) -> int:
    """jieba's dictionary count for ``word`` (0 for a word it does not know)."""
    freq: dict[str, int] = _tagger().dt.FREQ
    return freq.get(word, 0)


def names(text: str) -> list[Hit]:
    """The name right after a cue ("我叫", "我的好朋友", "我和"): a word jieba tags as a person, or one it does not
    know that starts with a common family name, or (after a strong cue) any short word; a family name and a
    given name cut apart are joined (吴 + 欣怡). Words are cut by jieba's fast segmenter (its HMM finds 陈思雨 as
    one word); the part-of-speech tagger's own HMM is not used: it costs up to 10 ms a sentence."""
    import jieba

    hits: list[Hit] = []
    for cue in CUE_RE.finditer(text):
        strong = cue.group(0) in STRONG
        start = max(0, cue.start() - 2)
        words, position = [], start
        for word in jieba.cut(text[start : cue.end() + WINDOW], HMM=True):
            if position >= cue.end():
                words.append((word, position))
            position += len(word)
        if not words or words[0][1] != cue.end() or not HAS_CJK.match(words[0][0]):
            continue
        word, begin = words[0]
        tag = _tag(word)
        unknown_name = tag is None and 2 <= len(word) <= 3 and word[0] in SURNAMES
        short_word = strong and len(word) <= 3 and (tag is None or tag not in NOT_NAME_FLAGS)
        if not (tag in PERSON or unknown_name or short_word):
            continue
        end = begin + len(word)
        given = words[1][0] if len(words) > 1 else ""
        if len(word) == 1 and 0 < len(given) <= 2 and HAS_CJK.match(given) and _tag(given) not in NOT_NAME_FLAGS:
            end += len(given)
        elif (  # a three-character name cut after two (王梓 + 萱): the third is no function character or word
            len(word) == 2
            and tag is None
            and word[0] in SURNAMES
            and len(given) == 1
            and given not in NAME_STOP
            and HAS_CJK.match(given)
            and _tag(given) not in NOT_NAME_FLAGS
        ):
            end += 1
        hits.append(Hit(begin, end, Category.NAME))
    return hits


SCHOOL_WORDS = (
    "中学",
    "小学",
    "学校",
    "初中",
    "高中",
    "附中",
    "附小",
    "一中",
    "二中",
    "三中",
    "幼儿园",
    "中专",
    "职高",
    "学院",
    # Round 8: institutions as an open class (a club, an academy, a school of sport or art, a vocational college).
    "俱乐部",
    "俱樂部",
    "培训班",
    "少年宫",
    "體育學校",
    "体校",
    "艺校",
    "技校",
)
SCHOOL_STOP = {
    "我们",
    "我",
    "你",
    "他",
    "她",
    "在",
    "是",
    "的",
    "了",
    "去",
    "到",
    "上",
    "这个",
    "那个",
    "这",
    "那",
    "们",
}
WHOLE_SCHOOL = re.compile(rf"[{CJK}]{{2,8}}(?:中学|小学|学校|初中|高中|附中|附小)")


def schools(text: str, toks: Sequence[Token]) -> list[Hit]:
    hits: list[Hit] = []
    for i, tok in enumerate(toks):
        if not tok.word.endswith(SCHOOL_WORDS):
            continue
        start = tok.start
        if len(tok.word) > 2 and tok.flag in {"nt", "nz", "ns", "n", "nrfg", "j"} and tok.word not in SCHOOL_WORDS:
            pass  # a school's whole name is one token: 人大附中, 育才中学
        j = i - 1
        while j >= 0:
            prev = toks[j]
            if prev.word in SCHOOL_STOP or (not HAS_CJK.match(prev.word) and not prev.word.isdigit()):
                break
            if prev.flag in {"v", "p", "uj", "ul", "r", "c", "d", "x", "f", "y", "t"}:
                break
            if prev.flag == "m" and not re.fullmatch(r"第[一二三四五六七八九十百零〇\d]+", prev.word):
                break
            start = prev.start
            j -= 1
        if start == tok.start and tok.word in SCHOOL_WORDS:
            continue  # "学校" alone: not a school's name
        hits.append(Hit(start, tok.end, Category.SCHOOL))
    return hits


NUM = r"[0-9一二三四五六七八九十百零〇两]+"
# Round 6: a province, city and district before the street (up to 16 characters), a village's group (村…组), and the
# building, unit and flat after a compound's name ("…路56号山大新村5号楼2单元301") as one address.
_UNIT = rf"(?:{NUM}\s*(?:号楼|号|弄|栋|幢|座|单元|楼|层|室|组|队)\s*)+(?:{NUM})?"
ADDRESS_RE = re.compile(
    rf"[{CJK}]{{0,16}}?(?:路|街|大街|大道|道|巷|胡同|弄|里|小区|花园|新村|村|苑|公寓|大厦|社区)\s*"
    rf"(?:[东西南北中]\s*)?(?:(?:{NUM})?\s*段\s*)?"
    rf"{_UNIT}(?:[{CJK}]{{1,6}}?(?:小区|花园|新村|苑|公寓|大厦|社区)?\s*{_UNIT})*"
)
ADDRESS_CUT = re.compile(r".*(?:住在|住|地址是|地址：|地址:|地址|搬到了|搬到|搬去|寄到|寄给|送到|发到|在|是|家)")


def addresses(text: str) -> list[Hit]:
    hits: list[Hit] = []
    for match in ADDRESS_RE.finditer(text):
        start = match.start()
        cut = ADDRESS_CUT.match(text, start, match.end())
        if cut:
            start = cut.end()
        # Keep at most the place words before the street: drop clause starts such as "我们".
        while start < match.end() and text[start] in "我你他她们的了，。、 ":
            start += 1
        hits.append(Hit(start, match.end(), Category.ADDRESS))
    return hits


NAME_STOP = "的了是和跟说在很也都就教给把被对向从今年岁我你他她们"
# A family name and one or two more characters right after a cue ("我是孙浩然", "我哥哥李浩宇教我"), a kinship word
# ("我后妈罗晓梅"), a verb of asking ("问问蒋欣然") or a class ("六年级二班的蒋欣然"), whether or not jieba cuts
# them as one word.
CUE_NAME_RE = re.compile(
    r"(?:我叫|叫我|名字是|名字叫|名叫|我是|哥哥|姐姐|弟弟|妹妹|表哥|表姐|表弟|表妹|同学|朋友|好友|闺蜜|同桌|室友|邻居|"
    r"后妈|后爸|继母|继父|我哥|我姐|我弟|我妹|我妈|我爸|问问|去问|告诉|班的|年级的|"
    r"班主任|老师|校长|教练|辅导员|班长|学长|学姐|学妹|学弟|队长|组长|被|我和|我跟|还有|和|跟|、|告诉了)"
    rf"(?P<name>(?:{COMPOUND_SURNAMES})[^\W\d_{NAME_STOP}]{{1,2}}|[{''.join(sorted(SURNAMES))}][^\W\d_{NAME_STOP}]{{1,2}})"
)
# A family name and a title ("吴老师", "王同学"): how children name a teacher or a classmate.
TITLED_RE = re.compile(rf"[{''.join(sorted(SURNAMES))}](?:老师|同学|阿姨|叔叔|医生|教练|校长|班长)")
# A person jieba finds who is with the child or speaks ("刘子轩和我", "周佳怡说", "林可欣和许诺是我最好的朋友").
COMPANY_AFTER = ("和我", "跟我", "与我", "说", "告诉我", "和", "跟", "、")


def _joined_names(toks: list[Token]) -> list[Token]:
    """A family name and the given name jieba cut apart joined again: 吴 + 子涵, 吴子 + 涵 (three characters at
    most, the last ones not function characters and not words jieba knows)."""
    out: list[Token] = []
    for tok in toks:
        last = out[-1] if out else None
        if (
            last is not None
            and last.word[0] in SURNAMES
            and len(last.word) + len(tok.word) <= 3
            and (len(last.word) == 1 or _tag(last.word) in (None, *PERSON))
            and HAS_CJK.match(tok.word)
            and not any(c in NAME_STOP for c in tok.word)
            and (len(tok.word) == 1 or _tag(tok.word) is None)
        ):
            out[-1] = Token(last.word + tok.word, "", last.start, tok.end)
        else:
            out.append(tok)
    return out


# A nickname, 小 or 阿 and one character ("小宇", "阿杰"), that jieba's dictionary does not hold (unlike 小时, 小朋友,
# 阿姨), after a word of being with or telling someone or before "说" / "和我".
# Round 6: 老 and a family name ("老周"), a doubled character ("浩浩", "婷婷"), and more places a name stands: after
# 叫, a list's "、" or "还有", a kinship or role word ("我弟小满", "数学老师老周"), before 她/他 or a list's "、".
_NICK = rf"[小阿][^\W\d_{NAME_STOP}小阿]|老[{''.join(sorted(SURNAMES))}]|(?P<twice>[^\W\d_{NAME_STOP}小阿老])(?P=twice)"
_NICK_AFTER = (
    "跟 和 对 给 问 找 告诉 了 叫 同学 朋友 、 还有 我弟 我哥 我姐 我妹 弟弟 哥哥 姐姐 妹妹 表哥 表姐 表弟 表妹 老师"
)
NICKNAME_RE = re.compile(
    "(?:" + "|".join(f"(?<={cue})" for cue in _NICK_AFTER.split()) + rf")(?P<name>{_NICK.replace('twice', 'one')})"
    rf"|(?P<before>{_NICK})(?=说|讲|告诉我|和我|跟我|骂我|打我|欺负我|老是|总是|天天|一直|她|他|、)"
)
# What a doubled character's dictionary tag may be for it to be a name: unknown, a person, a proper noun, a
# state or quality word (婷婷 z, 乐乐 a), never a noun, adverb or verb (妈妈, 常常, 看看).
TWICE_TAGS = {None, "nr", "nrfg", "nrt", "nz", "z", "a"}
# Someone named at the start of a clause that is about the child ("王浩然天天在群里骂我"): a family name and two
# characters that jieba's dictionary holds neither whole nor in its first two characters (a word: 王者, 周末).
CLAUSE_NAME_RE = re.compile(
    rf"(?:^|(?<=[，。！？,.!?；;\s]))(?P<name>[{''.join(sorted(SURNAMES))}][^\W\d_{NAME_STOP}]{{2}})"
    rf"(?![的之])(?=[^，。！？,.!?；;]*我)"  # not "邓紫棋的一首歌…帮了我": whose song is a singer's
)


# A Latin given name glued to Chinese ("还有Kevin周末"), and a name in pinyin ("zhang hao在抖音上"): a common family
# name's pinyin and one or two syllables, standing between Chinese characters, punctuation or the text's ends.
LATIN_NAME_IN_CJK = re.compile(
    rf"(?:(?<=[{CJK}])[A-Z][a-z]{{1,15}}(?![A-Za-z])|(?<![A-Za-z])[A-Z][a-z]{{1,15}}(?=[{CJK}]))"
)
PINYIN_SURNAMES = (
    "zhang|wang|li|liu|chen|yang|huang|zhao|wu|zhou|xu|sun|ma|zhu|hu|guo|he|gao|lin|luo|zheng|liang|xie|song|tang|"
    "han|feng|deng|cao|peng|zeng|xiao|tian|dong|yuan|pan|yu|jiang|cai|du|ye|cheng|su|wei|lu|ding|ren|shen|yao|cui|"
    "zhong|tan|jin|shi|jia|xia|fu|fang|bai|zou|meng|xiong|qin|qiu|yin|xue|yan|duan|lei|hou|long|tao|gu|mao|hao|"
    "gong|shao|wan|qian|kong|ouyang|situ|shangguan|zhuge"
)
_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|uan|ian|iao|uai|ai|ei|ao|ou|an|en|in|un|"
    r"ia|ie|iu|ua|uo|ue|ui|er|a|o|e|i|u|v|ü)"
)
PINYIN_NAME = re.compile(
    rf"(?:^|(?<=[{CJK}，。！？,.!?\s]))(?P<name>(?i:(?:{PINYIN_SURNAMES})\s?{_SYLLABLE}(?:\s?{_SYLLABLE})?))"
    rf"(?=$|[{CJK}，。！？,.!?])"
)
# A given name opening a clause and then "she"/"he" ("雨涵她妈妈…"): two characters jieba's dictionary does not hold.
NAME_THEN_PRONOUN = re.compile(rf"(?:^|(?<=[，。！？,.!?；;\s]))(?P<name>[^\W\d_{NAME_STOP}]{{2}})(?=[她他](?!们))")


def _nicknames(text: str) -> list[Hit]:
    """Nicknames where a name stands (:data:`NICKNAME_RE`) that jieba's dictionary does not hold as another word."""
    hits: list[Hit] = []
    for match in NICKNAME_RE.finditer(text):
        group = "name" if match.group("name") else "before"
        nick = match.group(group)
        longer = text[match.start(group) : match.end(group) + 1]
        if nick[0] == nick[1]:  # a doubled character: a name unless the dictionary says it is another word
            if (
                _tag(nick) not in TWICE_TAGS
                or nick in NOT_PERSONS
                or text[match.end(group) : match.end(group) + 1] == "的"
            ):
                continue
        elif nick[0] == "老":  # 老 and a family name: 老王 is a person to jieba (老周 a time word), 老马 a word
            if _tag(nick) not in (None, "t", *PERSON):
                continue
        elif _tag(nick) not in (None, "z", "nz", *PERSON) or (len(longer) == 3 and _tag(longer) is not None):
            continue  # a word (小时, 小学), or the start of one (小朋友); 小胖 is a state word to jieba
        hits.append(Hit(match.start(group), match.end(group), Category.NAME))
    return hits


def _latin_and_pronoun_names(text: str) -> list[Hit]:
    """Round 6: Latin and pinyin names among Chinese characters, a given name before 她/他."""
    from cwgcop.consultations.redaction.people import is_given_name

    hits = [
        Hit(m.start(), m.end(), Category.NAME) for m in LATIN_NAME_IN_CJK.finditer(text) if is_given_name(m.group(0))
    ]
    hits += [Hit(m.start("name"), m.end("name"), Category.NAME) for m in PINYIN_NAME.finditer(text)]
    hits += [
        Hit(match.start("name"), match.end("name"), Category.NAME)
        for match in NAME_THEN_PRONOUN.finditer(text)
        if HAS_CJK.match(match.group("name")) and _tag(match.group("name")) in (None, *PERSON)
    ]
    return hits


def company_possible(text: str) -> bool:
    """Whether a name can be found in company below: the first needs one of :data:`COMPANY_AFTER` after it (the
    next joins it with 和, 跟 or 、), so a text holding none of them has none."""
    return any(after in text for after in COMPANY_AFTER)


def cue_names(text: str) -> list[Hit]:
    hits = _latin_and_pronoun_names(text)
    hits += _nicknames(text)
    for match in CLAUSE_NAME_RE.finditer(text):
        name = match.group("name")
        if _tag(name) is None and _tag(name[:2]) is None and _tag(name[1:]) not in PERSON_LIKE_WORDS:
            hits.append(Hit(match.start("name"), match.end("name"), Category.NAME))
    for match in CUE_NAME_RE.finditer(text):
        name = match.group("name")
        prefix = None if re.match(COMPOUND_SURNAMES, name) else _tag(name[:2])  # 欧阳 is a place to jieba
        if (prefix is not None and prefix not in PERSON) or (_tag(name) not in (None, *PERSON)):
            continue  # a word, not a name: "我是王者荣耀的粉丝"
        end = match.end("name")
        if len(name) == 3 and _tag(text[end - 1 : end + 1]) is not None and _tag(name) is None:
            end -= 1  # "周杰" + "每天": the last character starts the next word
        hits.append(Hit(match.start("name"), end, Category.NAME))
    for match in TITLED_RE.finditer(text):
        if match.start() > 0 and _tag(text[match.start() - 1 : match.start() + 1]) is not None:
            continue  # "语文老师": the subject's last character, not a family name
        hits.append(Hit(match.start(), match.end(), Category.NAME))
    if not company_possible(text):
        return hits  # jieba's HMM not run
    import jieba

    toks, position = [], 0
    for word in jieba.cut(text, HMM=True):  # the fast segmenter: its HMM joins unknown names (刘子轩)
        toks.append(Token(word, "", position, position + len(word)))
        position += len(word)
    toks = _joined_names(toks)
    previous_name = False
    for i, tok in enumerate(toks):
        after = text[tok.end : tok.end + 2]
        tag = _tag(tok.word)
        person = 2 <= len(tok.word) <= 3 and tok.word[0] in SURNAMES and (tag in PERSON or tag is None)
        with_child = after.startswith(COMPANY_AFTER) and (tok.start == 0 or text[tok.start - 1] in "，,。！!？?、 ")
        joined = previous_name and i > 0 and toks[i - 1].word in ("和", "跟", "、")
        if person and tok.word not in NOT_PERSONS and (with_child or joined):
            hits.append(Hit(tok.start, tok.end, Category.NAME))
            previous_name = True
        elif tok.word not in ("和", "跟", "、"):
            previous_name = False
    return hits


def detect(text: str) -> list[Hit]:
    if not HAS_CJK.search(text):
        return []
    toks = tokens(text)
    return names(text) + cue_names(text) + schools(text, toks) + addresses(text)


# Everyday words jieba's tagger takes for a person's name because their first character is a family name
# (谢 in 谢谢 "thanks"), and kinship words, which name nobody.
NOT_PERSONS = frozenset(
    {"谢谢", "哈哈", "呵呵", "嘻嘻", "妈妈", "爸爸", "哥哥", "姐姐", "弟弟", "妹妹"}
    | {"爷爷", "奶奶", "叔叔", "阿姨", "宝宝", "伯伯", "老老", "星星", "红红", "绿绿", "白白", "毛毛", "东东"}
)


def person_tokens(text: str) -> list[Hit]:
    """Every person, place or organisation name jieba sees: the moderator's second look."""
    if not HAS_CJK.search(text):
        return []
    return [
        Hit(t.start, t.end, Category.NAME if t.flag in PERSON else Category.ADDRESS)
        for t in tokens(text, hmm=True)
        if t.flag in PERSON | {"ns", "nt"} and len(t.word) >= 2 and t.word not in NOT_PERSONS
    ]
