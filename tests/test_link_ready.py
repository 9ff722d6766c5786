"""Link work done ahead on single letters (link.Ready, filled while the other
letters are parsed) gives exactly the corpus that linking from nothing gives,
and is used only for the very letters it was done on."""
from __future__ import annotations

import dataclasses

import pytest

from conftest import ROOT
from generator import link as link_module
from generator.link import Ready, link
from generator.pipeline import build_corpus

GENRE = ROOT / "tests" / "fixtures" / "genre"


@pytest.fixture(scope="module")
def letters():
    return list(build_corpus(GENRE).corpus.letters)


def count_topic_work(monkeypatch) -> list[str]:
    done: list[str] = []
    real = link_module.document_topics

    def counted(doc, *args):
        done.append(doc.slug)
        return real(doc, *args)

    monkeypatch.setattr(link_module, "document_topics", counted)
    return done


def test_work_done_ahead_gives_the_same_corpus_and_is_not_done_again(monkeypatch, letters):
    plain = link(letters, [])
    ready = Ready()
    for letter in reversed(letters):  # in any order: as the workers deliver them
        ready.add(letter)
    done = count_topic_work(monkeypatch)
    ahead = link(letters, [], ready)
    assert done == []
    assert ahead == plain
    assert sum(len(t.passages) for t in ahead.topics) > 50


def test_a_letter_replaced_after_the_work_is_linked_afresh(monkeypatch, letters):
    ready = Ready()
    for letter in letters:
        ready.add(letter)
    # settle_addresses gives a letter that shares an address a new one: a new object, its topics found again.
    moved = dataclasses.replace(letters[3], slug=letters[3].slug + "-b")
    changed = letters[:3] + [moved] + letters[4:]
    plain = link(changed, [])
    done = count_topic_work(monkeypatch)
    assert link(changed, [], ready) == plain
    assert set(done) == {moved.slug} | {a.slug for a in moved.attachments}


def test_work_done_under_another_taxonomy_is_not_used(monkeypatch, letters):
    ready = Ready()
    for letter in letters:
        ready.add(letter)
    ready.taxonomy = ready.taxonomy[1:]  # topics.yaml edited while the letters were parsed
    plain = link(letters, [])
    done = count_topic_work(monkeypatch)
    assert link(letters, [], ready) == plain
    assert len(done) >= len(letters)  # everything
