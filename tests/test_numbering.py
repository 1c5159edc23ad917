import pytest

from rolreport import numbering


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "一"), (7, "七"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"), (100, "一百"),
     (101, "一百零一"), (110, "一百一十"), (1001, "一千零一")],
)  # fmt: skip
def test_chinese_numerals(n, text):
    assert numbering.chinese_numeral(n) == text


def test_labels_per_level():
    assert numbering.part_label(3) == "三、"
    assert numbering.section_label(12) == "（十二）"
    assert numbering.item_label(2) == "2."
    assert numbering.subitem_label(2) == "（2）"


@pytest.mark.parametrize(
    ("title", "number"),
    [("一、深入學習", "一、"), ("一.深入", "一."), ("二，加強", "二，"), ("(一)持續深化", "(一)"), ("（三）全面壓緊", "（三）"),
     ("1.加強", "1."), ("1、加強", "1、"), ("（1）細化", "（1）"), ("① 加強", "①"), ("第一部分 總體情況", "第一部分"),
     ("十二、其他", "十二、")],
)  # fmt: skip
def test_hand_numbering_is_recognised(title, number):
    assert numbering.hand_numbering(title) == number


@pytest.mark.parametrize(
    "title",
    ["持續深化習近平法治思想學習宣傳", "2024年推進法治政府建設的主要舉措", "5.0版營商環境", "一體推進改革",
     "十大行動", "一是加強學習", "“一件事”改革"],
)  # fmt: skip
def test_titles_without_numbering_pass(title):
    assert numbering.hand_numbering(title) is None
