#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "core/CivilDate.h"

using namespace vax;

namespace vax {
// Readable failure messages; static so the other test files may have their own.
[[maybe_unused]] static void PrintTo(const CivilDate& date, std::ostream* os) {
    *os << date.iso();
}
}  // namespace vax

namespace {

// Test dates are literals; a typo should fail loudly rather than dereference nullopt.
CivilDate date(int year, int month, int day) {
    const auto result = CivilDate::fromYmd(year, month, day);
    EXPECT_TRUE(result.has_value()) << year << "-" << month << "-" << day;
    return result.value_or(CivilDate::fromDaysSinceEpoch(0));
}

}  // namespace

// --- fromYmd -------------------------------------------------------------------------------

TEST(CivilDateFromYmd, BuildsExistingDate) {
    const auto d = CivilDate::fromYmd(2024, 2, 29);
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->year(), 2024);
    EXPECT_EQ(d->month(), 2);
    EXPECT_EQ(d->day(), 29);
}

TEST(CivilDateFromYmd, RejectsDaysThatDoNotExist) {
    EXPECT_FALSE(CivilDate::fromYmd(2023, 2, 29).has_value());
    EXPECT_FALSE(CivilDate::fromYmd(1900, 2, 29).has_value());  // century, not leap
    EXPECT_TRUE(CivilDate::fromYmd(2000, 2, 29).has_value());   // 400-year rule, leap
    EXPECT_FALSE(CivilDate::fromYmd(2024, 2, 30).has_value());
    EXPECT_FALSE(CivilDate::fromYmd(2024, 4, 31).has_value());
    EXPECT_TRUE(CivilDate::fromYmd(2024, 12, 31).has_value());
}

TEST(CivilDateFromYmd, RejectsOutOfRangeParts) {
    EXPECT_FALSE(CivilDate::fromYmd(2024, 0, 1).has_value());
    EXPECT_FALSE(CivilDate::fromYmd(2024, 13, 1).has_value());
    EXPECT_FALSE(CivilDate::fromYmd(2024, 1, 0).has_value());
    EXPECT_FALSE(CivilDate::fromYmd(2024, 1, 32).has_value());
    EXPECT_FALSE(CivilDate::fromYmd(0, 1, 1).has_value());
    EXPECT_FALSE(CivilDate::fromYmd(10000, 1, 1).has_value());
    EXPECT_FALSE(CivilDate::fromYmd(2024, -1, 1).has_value());
}

// --- parseIso ------------------------------------------------------------------------------

TEST(CivilDateParseIso, ParsesValidDates) {
    const auto d = CivilDate::parseIso("2024-02-29");
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(*d, date(2024, 2, 29));

    const auto early = CivilDate::parseIso("0001-01-01");
    ASSERT_TRUE(early.has_value());
    EXPECT_EQ(early->year(), 1);

    EXPECT_EQ(CivilDate::parseIso("1999-12-31"), date(1999, 12, 31));
}

TEST(CivilDateParseIso, RejectsTwentyNinthFebruaryInCommonYear) {
    EXPECT_FALSE(CivilDate::parseIso("2023-02-29").has_value());
    EXPECT_TRUE(CivilDate::parseIso("2024-02-29").has_value());
}

TEST(CivilDateParseIso, RejectsImpossibleDates) {
    EXPECT_FALSE(CivilDate::parseIso("2024-02-30").has_value());
    EXPECT_FALSE(CivilDate::parseIso("2024-04-31").has_value());
    EXPECT_FALSE(CivilDate::parseIso("2024-13-01").has_value());
    EXPECT_FALSE(CivilDate::parseIso("2024-00-10").has_value());
    EXPECT_FALSE(CivilDate::parseIso("2024-01-00").has_value());
    EXPECT_FALSE(CivilDate::parseIso("0000-01-01").has_value());
}

TEST(CivilDateParseIso, RejectsMalformedText) {
    for (const char* text : {"", "2024-2-29", "2024-02-9", "24-02-29", "2024/02/29", "20240229",
                             " 2024-02-29", "2024-02-29 ", "2024-02-29T00", "+024-02-29",
                             "2024-0a-01", "2024--2-01", "2024-02-2x", "abcd-ef-gh"}) {
        EXPECT_FALSE(CivilDate::parseIso(text).has_value()) << '"' << text << '"';
    }
}

// --- parseCompact --------------------------------------------------------------------------

TEST(CivilDateParseCompact, ParsesValidDates) {
    EXPECT_EQ(CivilDate::parseCompact("20240229"), date(2024, 2, 29));
    EXPECT_EQ(CivilDate::parseCompact("19491231"), date(1949, 12, 31));
    EXPECT_EQ(CivilDate::parseCompact("19000101"), date(1900, 1, 1));
}

TEST(CivilDateParseCompact, RejectsTwentyNinthFebruaryInCommonYear) {
    EXPECT_FALSE(CivilDate::parseCompact("20230229").has_value());
    EXPECT_TRUE(CivilDate::parseCompact("20240229").has_value());
    EXPECT_FALSE(CivilDate::parseCompact("21000229").has_value());
}

TEST(CivilDateParseCompact, RejectsInvalidText) {
    for (const char* text : {"", "2024022", "202402290", "2024-02-29", "2024022a", "x0240229",
                             " 2024022", "20241301", "20240100", "20240431", "00000101"}) {
        EXPECT_FALSE(CivilDate::parseCompact(text).has_value()) << '"' << text << '"';
    }
}

// --- iso, epoch days and arithmetic --------------------------------------------------------

TEST(CivilDateIso, FormatsWithZeroPadding) {
    EXPECT_EQ(date(2024, 2, 29).iso(), "2024-02-29");
    EXPECT_EQ(date(999, 1, 5).iso(), "0999-01-05");
    EXPECT_EQ(date(2024, 12, 31).iso(), "2024-12-31");
}

TEST(CivilDateEpoch, KnownDaysSinceEpoch) {
    EXPECT_EQ(date(1970, 1, 1).daysSinceEpoch(), 0);
    EXPECT_EQ(date(1969, 12, 31).daysSinceEpoch(), -1);
    EXPECT_EQ(date(2000, 1, 1).daysSinceEpoch(), 10957);
    EXPECT_EQ(date(2024, 2, 29).daysSinceEpoch(), 19782);
    EXPECT_EQ(date(1900, 1, 1).daysSinceEpoch(), -25567);
}

TEST(CivilDateEpoch, FromDaysSinceEpochKnownValues) {
    EXPECT_EQ(CivilDate::fromDaysSinceEpoch(0), date(1970, 1, 1));
    EXPECT_EQ(CivilDate::fromDaysSinceEpoch(-1), date(1969, 12, 31));
    EXPECT_EQ(CivilDate::fromDaysSinceEpoch(19782), date(2024, 2, 29));
    EXPECT_EQ(CivilDate::fromDaysSinceEpoch(-25567), date(1900, 1, 1));
}

TEST(CivilDateEpoch, RoundTripsEveryDayFrom1890To2110) {
    const int first = date(1890, 1, 1).daysSinceEpoch();
    const int last = date(2110, 12, 31).daysSinceEpoch();
    for (int days = first; days <= last; ++days) {
        const CivilDate d = CivilDate::fromDaysSinceEpoch(days);
        ASSERT_EQ(d.daysSinceEpoch(), days);
        ASSERT_EQ(CivilDate::parseIso(d.iso()), d) << d.iso();
        ASSERT_EQ(CivilDate::fromYmd(d.year(), d.month(), d.day()), d) << d.iso();
    }
}

TEST(CivilDateEpoch, ConsecutiveDaysAreOrdered) {
    CivilDate previous = CivilDate::fromDaysSinceEpoch(-1000);
    for (int days = -999; days <= 1000; ++days) {
        const CivilDate current = CivilDate::fromDaysSinceEpoch(days);
        ASSERT_LT(previous, current);
        previous = current;
    }
}

TEST(CivilDatePlusDays, CrossesMonthYearAndLeapDay) {
    EXPECT_EQ(date(2024, 2, 28).plusDays(1), date(2024, 2, 29));
    EXPECT_EQ(date(2024, 2, 28).plusDays(2), date(2024, 3, 1));
    EXPECT_EQ(date(2023, 2, 28).plusDays(1), date(2023, 3, 1));
    EXPECT_EQ(date(2024, 12, 31).plusDays(1), date(2025, 1, 1));
    EXPECT_EQ(date(2025, 1, 1).plusDays(-1), date(2024, 12, 31));
    EXPECT_EQ(date(2024, 6, 15).plusDays(0), date(2024, 6, 15));
}

TEST(CivilDateCompare, OrdersByCalendar) {
    EXPECT_LT(date(2023, 12, 31), date(2024, 1, 1));
    EXPECT_LT(date(2024, 1, 31), date(2024, 2, 1));
    EXPECT_LT(date(2024, 2, 1), date(2024, 2, 2));
    EXPECT_EQ(date(2024, 2, 29), date(2024, 2, 29));
    EXPECT_NE(date(2024, 2, 29), date(2024, 3, 1));
    EXPECT_GT(date(2024, 3, 1), date(2024, 2, 29));
}

// --- daysBetween ---------------------------------------------------------------------------

TEST(CivilDateDaysBetween, CountsCalendarDays) {
    EXPECT_EQ(daysBetween(date(2024, 5, 1), date(2024, 5, 1)), 0);
    EXPECT_EQ(daysBetween(date(2024, 5, 1), date(2024, 5, 2)), 1);
    EXPECT_EQ(daysBetween(date(2024, 2, 28), date(2024, 3, 1)), 2);
    EXPECT_EQ(daysBetween(date(2023, 2, 28), date(2023, 3, 1)), 1);
    EXPECT_EQ(daysBetween(date(2024, 1, 1), date(2025, 1, 1)), 366);
    EXPECT_EQ(daysBetween(date(2023, 1, 1), date(2024, 1, 1)), 365);
    EXPECT_EQ(daysBetween(date(1969, 12, 31), date(1970, 1, 1)), 1);
    EXPECT_EQ(daysBetween(date(1900, 1, 1), date(2000, 1, 1)), 36524);
}

TEST(CivilDateDaysBetween, NegativeWhenTargetIsEarlier) {
    EXPECT_EQ(daysBetween(date(2024, 3, 1), date(2024, 2, 28)), -2);
    EXPECT_EQ(daysBetween(date(2025, 1, 1), date(2024, 1, 1)), -366);
}

TEST(CivilDateDaysBetween, AgreesWithPlusDays) {
    const CivilDate start = date(2019, 7, 14);
    for (int days : {-5000, -366, -1, 0, 1, 59, 365, 366, 1461, 40000}) {
        EXPECT_EQ(daysBetween(start, start.plusDays(days)), days);
    }
}

// --- ageOn ---------------------------------------------------------------------------------

TEST(CivilDateAgeOn, BirthdayItselfCompletesTheYear) {
    const CivilDate birth = date(1990, 3, 7);
    EXPECT_EQ(ageOn(birth, date(2020, 3, 7)), 30);
    EXPECT_EQ(ageOn(birth, date(1991, 3, 7)), 1);
}

TEST(CivilDateAgeOn, DayBeforeBirthdayIsStillYounger) {
    const CivilDate birth = date(1990, 3, 7);
    EXPECT_EQ(ageOn(birth, date(2020, 3, 6)), 29);
    EXPECT_EQ(ageOn(birth, date(2020, 2, 29)), 29);
    EXPECT_EQ(ageOn(birth, date(2020, 3, 8)), 30);
}

TEST(CivilDateAgeOn, DayOfBirthIsZero) {
    const CivilDate birth = date(2024, 6, 1);
    EXPECT_EQ(ageOn(birth, birth), 0);
    EXPECT_EQ(ageOn(birth, date(2025, 5, 31)), 0);
    EXPECT_EQ(ageOn(birth, date(2025, 6, 1)), 1);
}

TEST(CivilDateAgeOn, YearBoundaryBirthdays) {
    const CivilDate newYear = date(2000, 1, 1);
    EXPECT_EQ(ageOn(newYear, date(2017, 12, 31)), 17);
    EXPECT_EQ(ageOn(newYear, date(2018, 1, 1)), 18);

    const CivilDate newYearsEve = date(2000, 12, 31);
    EXPECT_EQ(ageOn(newYearsEve, date(2018, 12, 30)), 17);
    EXPECT_EQ(ageOn(newYearsEve, date(2018, 12, 31)), 18);
}

TEST(CivilDateAgeOn, LeapDayBirthdayReachedOnFirstMarchInCommonYears) {
    const CivilDate birth = date(2004, 2, 29);
    EXPECT_EQ(ageOn(birth, date(2022, 2, 28)), 17);
    EXPECT_EQ(ageOn(birth, date(2022, 3, 1)), 18);
    EXPECT_EQ(ageOn(birth, date(2023, 2, 28)), 18);
    EXPECT_EQ(ageOn(birth, date(2023, 3, 1)), 19);
}

TEST(CivilDateAgeOn, LeapDayBirthdayReachedOnLeapDayInLeapYears) {
    const CivilDate birth = date(2004, 2, 29);
    EXPECT_EQ(ageOn(birth, date(2024, 2, 28)), 19);
    EXPECT_EQ(ageOn(birth, date(2024, 2, 29)), 20);
    EXPECT_EQ(ageOn(birth, date(2024, 3, 1)), 20);
}

TEST(CivilDateAgeOn, NegativeBeforeBirth) {
    const CivilDate birth = date(2024, 6, 1);
    EXPECT_LT(ageOn(birth, date(2024, 5, 31)), 0);
    EXPECT_LT(ageOn(birth, date(2023, 6, 1)), 0);
    EXPECT_LT(ageOn(birth, date(1990, 1, 1)), 0);
}
