"""loaders/sentences.py: sentences with offsets."""
import pytest

from loaders.sentences import MAX_SENTENCE_CHARS, split_sentences


@pytest.mark.parametrize("text, pieces", [
    ("Mr. Li met Mr. Kim. They spoke.", ["Mr. Li met Mr. Kim.", "They spoke."]),
    ("U.S. envoy arrived.\n  • Earlier, talks ended.", ["U.S. envoy arrived.", "Earlier, talks ended."]),
    ("They met at 10 a.m. Officials said so.", ["They met at 10 a.m. Officials said so."]),
    ("Talks ended. 2025 was busy.", ["Talks ended. 2025 was busy."]),
])
def test_split_sentences(text, pieces):
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == pieces
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_a_sentence_longer_than_the_limit_is_cut_at_spaces_and_keeps_offsets():
    text = "Norway and Chile met in Oslo " * (3 * MAX_SENTENCE_CHARS // 29)
    sentences = split_sentences(text)
    assert len(sentences) >= 3
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(text[s.start:s.end] == s.text for s in sentences)


@pytest.mark.parametrize("text, pieces", [
    # a middle initial ends no sentence
    ("President John F. Kennedy met him. Then he left.", ["President John F. Kennedy met him.", "Then he left."]),
    ("George H. W. Bush spoke.", ["George H. W. Bush spoke."]),
    # "I" is more often a Roman numeral closing a sentence
    ("It was after World War I. Then peace came.", ["It was after World War I.", "Then peace came."]),
])
def test_an_initial_is_no_sentence_end(text, pieces):
    assert [s.text for s in split_sentences(text)] == pieces


@pytest.mark.parametrize("text, sentences", [
    # "I." after a given name is a middle initial
    ("Soviet leader Leonid I. Brezhnev, Prime Minister Wilson and others signed.", 1),
    # ... but ends a sentence before a word that opens one
    ("The treaty dates from World War I. The two sides met later.", 2),
    ("He reigned after Elizabeth I. His successor met the envoy.", 2),
])
def test_a_middle_initial_i_is_no_sentence_end(text, sentences):
    assert len(split_sentences(text)) == sentences
