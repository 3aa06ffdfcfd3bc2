"""The times stage: spans, TIMEX3 types, values and mods on hand-written sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.times import find_times, tag_times
from newsevents.timex_calendar import easter, month_year, nth_weekday, weekday_date
from newsevents.timex_grammar import duration_value
from newsevents.timex_vocab import parse_quantity, spoken_year

DEC = dt.date(2024, 12, 23)  # a Monday


def one(text: str, dct: dt.date | None = DEC, doc=None):
    found = tag_times(text, dct, doc)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    t = found[0]
    return t.text, t.type, t.value, t.mod


@pytest.mark.parametrize("text, expected", [
    ("The deal was signed on March 3, 2021.", ("March 3, 2021", "DATE", "2021-03-03", None)),
    ("Talks resumed in early 2019 after a pause.", ("early 2019", "DATE", "2019", "START")),
    ("Output peaked in mid-2016.", ("mid-2016", "DATE", "2016", "MID")),
    ("Prices rose through the late 1970s.", ("the late 1970s", "DATE", "197", "END")),
    ("He served in the 19th century navy.", ("the 19th century", "DATE", "18", None)),
    ("The plant opened in the spring of 2011.", ("the spring of 2011", "DATE", "2011-SP", None)),
    ("It was founded 2003-07-14 in Oslo.", ("2003-07-14", "DATE", "2003-07-14", None)),
])
def test_absolute_dates(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The ministry spoke yesterday.", ("yesterday", "DATE", "2024-12-22", None)),
    ("Sales fell last year.", ("last year", "DATE", "2023", None)),
    ("Exports grew last month.", ("last month", "DATE", "2024-11", None)),
    ("The board meets next week.", ("next week", "DATE", "2025-W01", None)),
    ("Profit rose in the third quarter.", ("the third quarter", "DATE", "2024-Q3", None)),
    ("The factory closed two years ago.", ("two years ago", "DATE", "2022", None)),
    ("Prices are high now.", ("now", "DATE", "PRESENT_REF", None)),
    ("Rates rose recently.", ("recently", "DATE", "PAST_REF", None)),
    ("The rule changes in the near future.", ("the near future", "DATE", "FUTURE_REF", None)),
    ("Imports slowed earlier this year.", ("earlier this year", "DATE", "2024", "START")),
    ("The vote is due by the end of the year.", ("the end of the year", "DATE", "2024", "END")),
    ("Both firms report their results this summer.", ("this summer", "DATE", "2024-SU", None)),
])
def test_relative_dates(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The two sides have argued over the past few years.", ("the past few years", "DURATION", "PXY", None)),
    ("They signed a 15-year lease.", ("15-year", "DURATION", "P15Y", None)),
    ("The strike lasted more than three weeks.", ("more than three weeks", "DURATION", "P3W", "MORE_THAN")),
    ("The repairs took about a month.", ("about a month", "DURATION", "P1M", "APPROX")),
    ("Shares fell for the next two days.", ("the next two days", "DURATION", "P2D", None)),
    ("The flight took 2 1/2 hours.", ("2 1/2 hours", "DURATION", "PT2H30M", None)),
    ("He has waited for at least 40 days.", ("at least 40 days", "DURATION", "P40D", "EQUAL_OR_MORE")),
    ("The bank publishes the index weekly.", ("weekly", "SET", "P1W", None)),
    ("Inspectors visit every month.", ("every month", "SET", "P1M", None)),
])
def test_durations_and_sets(text, expected):
    assert one(text) == expected


def test_clock_time_merges_with_its_day():
    assert one("Polls close at 8 p.m. EST Tuesday.") == ("8 p.m. EST Tuesday", "TIME", "2024-12-24T20:00", None)


def test_spans_leave_prepositions_out_and_keep_determiners():
    found = tag_times("In late October the talks stalled; on Friday they resumed.", DEC)
    assert [t.text for t in found] == ["late October", "Friday"]


def test_possessive_is_outside_the_span():
    assert one("Last week's vote surprised few.")[0] == "Last week"


@pytest.mark.parametrize("text", [
    "He may well decide to run.",          # modal, not the month
    "Prices are up 2000 percent.",          # a number, not a year
    "The 52-year-old minister resigned.",   # an age
    "The firm raised its quarterly dividend.",  # an adjective
    "The chain posted its first quarterly loss.",  # an adjective
    "The board declared an initial quarterly of ten cents.",  # a dividend
    "Average daily volume was 90 million shares.",  # an attribute of the volume
    "Many of today's laptop computers run it.",  # 'today' as 'nowadays'
    "The festival means more to today's youth.",  # 'today' as 'nowadays'
])
def test_non_times(text):
    assert tag_times(text, DEC) == []


def test_unknown_document_date_keeps_unknown_digits():
    assert one("The mission ends in October.", None)[2] == "XXXX-10"
    assert one("They met last year.", None)[2] == "XXXX"
    assert one("He called on Thursday.", None)[2] == "XXXX-WXX-4"


def test_bare_month_follows_the_tense(nlp):
    text = "The leaders will sign the treaty at the end of January."
    assert one(text, DEC, nlp(text))[1:] == ("DATE", "2025-01", "END")
    text = "The two ministers met in October."
    assert one(text, DEC, nlp(text))[2] == "2024-10"
    text = "The court said it would rule in March."
    assert one(text, DEC, nlp(text))[2] == "2025-03"
    text = "Exports collapsed in March."
    assert one(text, DEC, nlp(text))[2] == "2024-03"


def test_weekday_follows_the_tense(nlp):
    wed = dt.date(2024, 12, 18)
    text = "The envoy arrived on Monday."
    assert one(text, wed, nlp(text))[2] == "2024-12-16"
    text = "The envoy will arrive on Monday."
    assert one(text, wed, nlp(text))[2] == "2024-12-23"


def test_find_times_skips_headings_and_boilerplate(make_analysis):
    text = "What Happens Next?\nThe delegation arrived on Monday and will stay until Friday.\n"
    a = make_analysis(text)
    found = find_times(a)
    assert [t.text for t in found] == ["Monday", "Friday"]
    assert all(not a.layout.excluded(t.start, t.end) for t in found)
    assert [t.start for t in found] == sorted(t.start for t in found)


def test_calendar_helpers():
    assert easter(2024) == dt.date(2024, 3, 31)
    assert nth_weekday(2024, 11, 4, 4) == dt.date(2024, 11, 28)  # Thanksgiving
    assert nth_weekday(2024, 5, 1, -1) == dt.date(2024, 5, 27)  # Memorial Day
    assert weekday_date(1, DEC, "past") == DEC
    assert weekday_date(5, DEC, "past") == dt.date(2024, 12, 20)
    assert weekday_date(5, DEC, "future") == dt.date(2024, 12, 27)
    assert month_year(1, DEC, "future") == 2025
    assert month_year(1, DEC, "past") == 2024
    assert month_year(1, DEC, None) == 2025  # the nearest


def test_quantities_and_durations():
    assert parse_quantity("twenty four") == (24.0, None)
    assert parse_quantity("a couple of") == (2.0, "APPROX")
    assert parse_quantity("several") == (None, None)
    assert spoken_year("nineteen eighty-four") == 1984
    assert duration_value(1.5, "hour") == "PT1H30M"
    assert duration_value(2, "decade") == "P20Y"
    assert duration_value(None, "century") == "PXC"


def test_days_next_to_a_dated_event_take_its_month():
    found = tag_times("The accord may be signed days before the summit on February 3.", DEC)
    assert [(t.text, t.type, t.value) for t in found] == [
        ("days", "DATE", "2025-02"), ("February 3", "DATE", "2025-02-03")]
    found = tag_times("Rebels regrouped for days after the raid.", DEC)
    assert [(t.text, t.type, t.value) for t in found] == [("days", "DURATION", "PXD")]


def test_day_ranges_halves_and_seasons(nlp):
    assert one("The forum meets on Jan. 15-16 in Geneva.")[:3] == ("Jan. 15-16", "DATE", "2025-01-15")
    text = "Prices peaked in mid-2022 and eased in the second half of the year."
    found = tag_times(text, DEC, nlp(text))
    assert [(t.text, t.value) for t in found] == [("mid-2022", "2022"), ("the second half of the year", "2022-H2")]
    text = "Elections are due in the autumn."
    assert one(text, DEC, nlp(text))[2] == "2025-FA"


def test_business_shorthand_and_news_style_years(nlp):
    assert one("Revenue grew in Q3 2024.")[2] == "2024-Q3"
    assert one("The FY2025 budget was cut.")[2] == "2025"
    # a day and month without a year in a past clause is this calendar year's
    text = "The ministers met on 20 January."
    assert one(text, DEC, nlp(text))[2] == "2024-01-20"
    # ... unless it is a deadline days away that only a past perfect put behind us
    nov = dt.date(2024, 11, 2)
    text = "The offer had been set to expire Nov. 6."
    assert one(text, nov, nlp(text))[2] == "2024-11-06"


@pytest.mark.parametrize("text", [
    "He told USA Today about the plan.",
    "The New York Daily News ran the story.",
])
def test_time_words_inside_names(text):
    assert tag_times(text, DEC) == []


def test_present_tense_weekday_is_the_scheduled_one(nlp):
    text = "The talks begin Thursday in Geneva."
    assert one(text, DEC, nlp(text))[2] == "2024-12-26"


def test_the_previous_weekday_counts_from_the_last_day_named():
    text = "The index closed at a high on Friday, Dec. 13, up from the previous Friday."
    found = tag_times(text, DEC)
    assert [(t.text, t.value) for t in found][-1] == ("the previous Friday", "2024-12-06")


WED = dt.date(2024, 12, 18)


@pytest.mark.parametrize("text, value", [
    # by/until a weekday in a past perfect clause: the day is behind us
    ("Only three ministries had answered the letter by Monday.", "2024-12-16"),
    ("Until Tuesday, the police had not named a suspect.", "2024-12-17"),
    ("The ceasefire holds until Friday.", "2024-12-20"),
    # a day planned is after the planning
    ("Farmers planned a march through the capital on Saturday.", "2024-12-21"),
    ("The prosecutor has scheduled a news conference Thursday to announce charges.", "2024-12-19"),
])
def test_weekday_direction_from_the_clause(nlp, text, value):
    assert one(text, WED, nlp(text))[2] == value


@pytest.mark.parametrize("text, expected", [
    ("Troops entered the town on March 3. The next day, the mayor fled.", ("The next day", "2024-03-04")),
    ("The vote was held on Nov. 5. Protests began that same day.", ("that same day", "2024-11-05")),
    ("The treaty lapsed on Oct. 9; the previous evening the envoys met.", ("the previous evening", "2024-10-08")),
    ("The strike began in March 2024. The following month, the firm gave in.", ("The following month", "2024-04")),
    ("Markets fell on Friday, Dec. 13, with heavy selling in the morning.", ("the morning", "2024-12-13TMO")),
])
def test_anaphoric_expressions_count_from_the_last_date_named(text, expected):
    found = tag_times(text, DEC)
    assert (found[-1].text, found[-1].value) == expected


def test_quarterly_report_periods():
    nov = dt.date(2024, 11, 4)
    text = ("Acme earned $5 million in the third quarter, up from $3 million in the year-ago quarter. "
            "The year-ago results included a charge. Sales in the 2023 period were flat, "
            "and sales for last year's quarter fell.")
    found = tag_times(text, nov)
    assert [(t.text, t.value) for t in found] == [
        ("the third quarter", "2024-Q3"), ("the year-ago quarter", "2023-Q3"), ("year-ago", "2023-Q3"),
        ("the 2023 period", "2023-Q3"), ("last year's quarter", "2023-Q3")]
    text = "For the nine months, net fell 4% from the 2023 period."
    assert [t.value for t in tag_times(text, nov)] == ["P9M", "2023"]


@pytest.mark.parametrize("text, expected", [
    # a year-ago quarter in apposition: the appositive gives the quarter, the head the year
    ("Retailer Brightway swung to a profit in its fiscal third quarter. In the corresponding "
     "year-ago quarter, the second quarter ended Aug. 31, it lost $4 million. "
     "Results for that quarter included store closings.",
     [("the corresponding year-ago quarter", "2023-Q2"), ("the second quarter", "2023-Q2"),
      ("Aug. 31", "2023-08-31"), ("that quarter", "2023-Q2")]),
    # a quarter still to come is not the one being reported
    ("Acme's third-quarter profit rose 8%. The storm will lead to a fourth-quarter charge. "
     "Sales in the latest quarter rose 5% from a year ago.",
     [("the latest quarter", "2024-Q3"), ("a year ago", "2023-Q3")]),
    # results belong to a quarter that has ended
    ("Acme lost $2 million in its third quarter. This quarter's loss includes a tax charge.",
     [("This quarter", "2024-Q3")]),
])
def test_which_quarter_is_being_reported(text, expected):
    found = tag_times(text, dt.date(2024, 11, 4))
    assert [(t.text, t.value) for t in found][-len(expected):] == expected


def test_clock_times_week_of_and_then_current():
    found = tag_times("The guard was attacked on Oct. 4. He was found at 11 p.m. by a neighbour.", DEC)
    assert [(t.text, t.value) for t in found] == [("Oct. 4", "2024-10-04"), ("11 p.m.", "2024-10-04T23:00")]
    assert one("A hearing is set for the week of Jan. 13.")[1:3] == ("DATE", "2025-W03")
    assert one("Holders may buy shares at the then-current price.")[1:3] == ("DATE", "PAST_REF")


def test_tense_cues_for_ambiguous_verbs_and_months_after_nouns(nlp):
    mon = dt.date(2024, 12, 16)
    text = "Weakness in bank shares hurt the index on Friday."
    assert one(text, mon, nlp(text))[2] == "2024-12-13"
    mar = dt.date(2024, 3, 4)
    text = "NASA has named her commander of the shuttle Atlantis for a mission in December, which will carry a new arm."
    assert one(text, mar, nlp(text))[2] == "2024-12"


def test_fiscal_year_ended_and_one_day_in_the_future():
    found = tag_times("In the fiscal year ended March 31, sales rose.", DEC)
    assert (found[0].text, found[0].type, found[0].value) == ("the fiscal year", "DURATION", "P1Y")
    assert one("Analysts say the city could one day host the games.")[1:3] == ("DATE", "FUTURE_REF")
    assert one("The strike lasted one day.")[1:3] == ("DURATION", "P1D")


@pytest.mark.parametrize("text", [
    'The minister spoke on the "Morning Report" and on NBC\'s "This Week," then left.',
    "The film was High Noon, and for the party high noon had come.",
    "Exports fell, and the rally soon faded.",
    "The funds hold more than a quarter of the market.",
])
def test_titles_idioms_fractions_and_past_soon_are_not_times(text):
    assert [t.text for t in tag_times(text, DEC)] == []


def test_soon_in_the_future_is_kept():
    assert one("The ministry will soon publish the figures.")[1:3] == ("DATE", "FUTURE_REF")


def test_parts_of_day_with_a_position():
    assert one("Shares were up 2 pence at mid-afternoon yesterday.") == (
        "mid-afternoon yesterday", "TIME", "2024-12-22TAF", "MID")
    found = tag_times("Troops moved in on Oct. 2. By late afternoon the town had fallen.", DEC)
    assert (found[-1].text, found[-1].value, found[-1].mod) == ("late afternoon", "2024-10-02TAF", "END")


def test_a_second_day_joined_to_a_date():
    found = tag_times("The summit will be held on April 24 and 25, officials said.", DEC)
    assert [(t.text, t.value) for t in found] == [("April 24", "2025-04-24"), ("25", "2025-04-25")]
    assert [t.text for t in tag_times("Prices rose on April 24 and 25 people were hurt.", DEC)] == ["April 24"]


def test_a_month_named_again_keeps_its_year(nlp):
    text = ("The three states are expected to join in April. "
            "They can take part in planning for the summit in April.")
    found = tag_times(text, DEC, nlp(text))
    assert [t.value for t in found] == ["2025-04", "2025-04"]


def test_holiday_week_is_the_iso_week_of_the_holiday(nlp):
    apr = dt.date(2025, 4, 14)  # Easter 2025 is April 20
    text = "Pilgrims filled the old city as Easter week began."
    assert one(text, apr, nlp(text))[1:3] == ("DATE", "2025-W16")


def test_two_quarters_of_a_year_are_a_half():
    assert one("Losses will continue through the first two quarters of 2025.")[:3] == (
        "the first two quarters of 2025", "DATE", "2025-H1")


def test_half_of_a_decade():
    assert one("Sales were flat in the last half of the '80s.", dt.date(1989, 10, 26)) == (
        "the last half of the '80s", "DATE", "198", "END")
    assert one("Output grew in the first half of the 1990s.")[2:] == ("199", "START")


def test_over_the_years():
    assert one("The system has changed over the years.")[:3] == ("the years", "DURATION", "PXY")
    assert tag_times("Most of the years of war were lost.", DEC) == []


def test_weekday_evening_and_past_perfect_deadlines(nlp):
    mon = dt.date(2024, 12, 16)
    text = "A guard was killed Thursday evening outside the bank."
    assert one(text, mon, nlp(text))[1:3] == ("TIME", "2024-12-12TEV")
    text = "The rebels attacked Friday night."
    assert one(text, mon, nlp(text))[1:3] == ("DATE", "2024-12-13")
    text = "The offer had been due to expire Friday."
    assert one(text, mon, nlp(text))[2] == "2024-12-13"


def test_an_infinitive_subject_of_a_past_be_is_past(nlp):
    sat = dt.date(2024, 12, 14)
    text = "Among the first states to join the pact on Friday were Chile and Peru."
    assert one(text, sat, nlp(text))[2] == "2024-12-13"


def test_the_day_before_a_named_day():
    found = tag_times("The day before last Tuesday's hearing, the lawyers met.", DEC)
    assert [(t.text, t.value) for t in found] == [("The day before last Tuesday", "2024-12-16")]


@pytest.mark.parametrize("text, expected", [
    ("The bonds will be redeemed in five years.", ("DATE", "2029")),
    ("The bridge was built in two years.", ("DURATION", "P2Y")),
])
def test_in_n_years_in_a_future_clause_is_a_date(nlp, text, expected):
    assert one(text, DEC, nlp(text))[1:3] == expected


def test_the_same_period_last_year_is_one_expression():
    nov = dt.date(2024, 11, 4)
    found = tag_times("Net fell from $2 million in the same period last year.", nov)
    assert [(t.text, t.value) for t in found] == [("the same period last year", "2023-Q3")]


def test_the_early_hours_of_a_day(nlp):
    text = "Police arrested him in the early hours of Thursday morning at the airport."
    assert one(text, DEC, nlp(text)) == ("the early hours of Thursday morning", "DATE", "2024-12-19", "START")


def test_a_quarter_mentioned_in_passing_does_not_become_the_reported_one():
    nov = dt.date(2024, 11, 4)
    text = ("Acme's third-quarter profit rose 9%. After a weak second quarter, sales recovered. "
            "In the 2024 period, costs fell from a year ago.")
    assert [t.value for t in tag_times(text, nov)] == ["2024-Q3", "2024-Q2", "2024-Q3", "2023-Q3"]


def test_a_quote_opening_with_a_time_word_keeps_it():
    assert one('"Today," the minister said, "we sign."')[:3] == ("Today", "DATE", "2024-12-23")


def test_the_nth_day_of_something_is_that_day():
    found = tag_times("In the capital, today is the eighth day of the blockade.", DEC)
    assert [(t.text, t.value) for t in found] == [("today", "2024-12-23"), ("the eighth day", "2024-12-23")]
    found = tag_times("It's the second day of an offensive by the army.", DEC)
    assert [(t.text, t.value) for t in found] == [("the second day", "2024-12-23")]
    assert tag_times("He won on the third day of the tournament.", DEC) == []


def test_the_day_next_to_an_event():
    found = tag_times("The doctor was shot on Oct. 23. Two men came to the house the day after his death.", DEC)
    assert [(t.text, t.value) for t in found][-1] == ("the day after", "2024-10-24")
    found = tag_times("Eight days after Oct. 12, the day before the crash, the index fell.", DEC)
    assert [(t.text, t.value) for t in found][-1] == ("the day before", "2024-10-12")


def test_today_possessive_naming_the_day_is_kept():
    assert one("Today's vote was close.")[2] == "2024-12-23"
    assert one("Next up is today's history quiz.")[2] == "2024-12-23"


def test_last_month_name_just_ended_is_a_year_back():
    march = dt.date(2021, 3, 2)
    assert one("Two helicopters collided last February.", march)[2] == "2020-02"
    assert one("The treaty was signed last May.", march)[2] == "2020-05"
    assert one("The plant closed last January.", march)[2] == "2021-01"
