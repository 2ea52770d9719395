"""What each engine is asked for a query: the FTS5 MATCH text and PostgreSQL's tsvector / tsquery literals."""

from __future__ import annotations

from cwgcop.search.engines import Filters, IndexRow
from cwgcop.search.engines.postgres import Match, match_literals, pairs_literal, query_literal, vector_literal
from cwgcop.search.engines.sqlite import match_expression
from cwgcop.search.query import parse_query

FILTERS = Filters(meeting=21, kind="contribution", language="zh-hans", year=2024, source=7)


def test_filters_become_facet_tokens() -> None:
    assert FILTERS.facets() == [
        "meeting=21",
        "kind=contribution",
        "language=zhhans",
        "year=2024",
        "source=7",
    ]
    assert Filters().facets() == []


def test_sqlite_match_requires_the_phrases_and_the_facets() -> None:
    query = parse_query('"age verification" verif* 儿童')
    # "verification" is "verif" in English and French, and stays whole in Spanish (which stems "verificación").
    assert match_expression(query) == '("age verif" OR "age verification") AND "verif"* AND "儿童"'
    assert match_expression(query, Filters(meeting=21, language="en")) == (
        '"age verif" AND "verif"* AND "儿童" AND facets : "meeting=21" AND facets : "language=en"'
    )


def test_postgres_vector_holds_positions_weights_and_facets() -> None:
    row = IndexRow(entry_id=1, title="age verification", meta="unicef", body="age", facets="meeting=21 language=en")
    assert vector_literal(row) == "'age':1A,20D 'verification':2A 'unicef':11B 'meeting=21' 'language=en'"


def test_postgres_pairs_hold_neighbouring_tokens_of_each_field_only() -> None:
    row = IndexRow(entry_id=1, title="cwg cop 21 age", meta="unicef", body="verification keeps 上网 网儿", facets="")
    assert pairs_literal(row) == (
        "'21_age' 'cop_21' 'cwg_cop' 'keeps_上网' 'verification_keeps' '上网_网儿'"
    )  # no age_unicef, unicef_verification: a phrase never runs from one field into the next


def test_postgres_match_finds_a_two_token_phrase_by_its_pair_alone() -> None:
    assert match_literals(parse_query('"age verification"'), Filters()) == Match(
        "", "('age_verif' | 'age_verification')", ""
    )
    assert match_literals(parse_query('"age verification"'), Filters(language="en")) == Match(
        "'language=en'", "'age_verif'", ""
    )
    assert match_literals(parse_query('"上网儿童"'), Filters(year=2024)) == Match(
        "'year=2024'",
        "'上网_网儿' & '网儿_儿童'",
        "('上网' <-> '网儿' <-> '儿童')",
    )
    assert match_literals(parse_query("age age-verif* 儿"), Filters()) == Match(
        "('age') & ('age' & 'verif':*) & ('儿':*)",
        "",
        "('age' <-> 'verif':*)",
    )
    assert match_literals(parse_query("cwg-cop-21/5*"), Filters()) == Match(
        "('5':*)", "'cwg_cop' & 'cop_21'", "('cwg' <-> 'cop' <-> '21' <-> '5':*)"
    )
    assert query_literal(parse_query('"age verification"')) == ("(('age' <-> 'verif') | ('age' <-> 'verification'))")
    assert query_literal(parse_query('"age verification"'), language="fr") == "('age' <-> 'verif')"
