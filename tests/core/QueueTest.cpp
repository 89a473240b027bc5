#include <gtest/gtest.h>

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "core/Queue.h"

namespace vax {
// Readable failure messages; static so the other test files may have their own.
[[maybe_unused]] static void PrintTo(const QueueNumber& number, std::ostream* os) {
    *os << number.desk << "/" << number.number;
}
}  // namespace vax

using namespace vax;

namespace {

// --- QueueNumber -------------------------------------------------------------------------

TEST(QueueNumberLabel, PadsToThreeDigits) {
    EXPECT_EQ((QueueNumber{'A', 1}).label(), "A001");
    EXPECT_EQ((QueueNumber{'B', 12}).label(), "B012");
    EXPECT_EQ((QueueNumber{'A', 999}).label(), "A999");
}

TEST(QueueNumberLabel, GrowsPast999) {
    EXPECT_EQ((QueueNumber{'A', 1000}).label(), "A1000");
    EXPECT_EQ((QueueNumber{'C', 123456}).label(), "C123456");
}

TEST(QueueNumberParse, ParsesValidLabels) {
    EXPECT_EQ(QueueNumber::parse("A001"), (QueueNumber{'A', 1}));
    EXPECT_EQ(QueueNumber::parse("B012"), (QueueNumber{'B', 12}));
    EXPECT_EQ(QueueNumber::parse("Z999"), (QueueNumber{'Z', 999}));
    EXPECT_EQ(QueueNumber::parse("A1000"), (QueueNumber{'A', 1000}));
}

TEST(QueueNumberParse, RoundTripsLabels) {
    for (const QueueNumber n : {QueueNumber{'A', 1}, QueueNumber{'B', 42}, QueueNumber{'A', 1000},
                                QueueNumber{'D', 999999}}) {
        const auto parsed = QueueNumber::parse(n.label());
        ASSERT_TRUE(parsed.has_value()) << n.label();
        EXPECT_EQ(*parsed, n);
    }
}

TEST(QueueNumberParse, AcceptsOnlyTheCanonicalSpelling) {
    EXPECT_FALSE(QueueNumber::parse("A0001"));
    EXPECT_FALSE(QueueNumber::parse("A01000"));
}

TEST(QueueNumberParse, RejectsLowerCaseDesk) {
    EXPECT_FALSE(QueueNumber::parse("a001").has_value());
    EXPECT_FALSE(QueueNumber::parse("b012").has_value());
}

TEST(QueueNumberParse, RejectsNumberZero) {
    EXPECT_FALSE(QueueNumber::parse("A000").has_value());
    EXPECT_FALSE(QueueNumber::parse("A0000").has_value());
}

TEST(QueueNumberParse, RejectsTooFewDigits) {
    EXPECT_FALSE(QueueNumber::parse("A1").has_value());
    EXPECT_FALSE(QueueNumber::parse("A01").has_value());
    EXPECT_FALSE(QueueNumber::parse("A").has_value());
    EXPECT_FALSE(QueueNumber::parse("").has_value());
}

TEST(QueueNumberParse, RejectsNonDigits) {
    EXPECT_FALSE(QueueNumber::parse("A0O1").has_value());
    EXPECT_FALSE(QueueNumber::parse("A00x").has_value());
    EXPECT_FALSE(QueueNumber::parse("A-01").has_value());
    EXPECT_FALSE(QueueNumber::parse("A 01").has_value());
    EXPECT_FALSE(QueueNumber::parse("1001").has_value());
    EXPECT_FALSE(QueueNumber::parse("AB01").has_value());
}

TEST(QueueNumberParse, RejectsOverlongLabels) {
    EXPECT_FALSE(QueueNumber::parse("A1234567").has_value());
}

// --- chooseDesk --------------------------------------------------------------------------

TEST(ChooseDesk, FewestWaitingWins) {
    const std::vector<DeskLoad> loads{{'A', 5}, {'B', 2}};
    EXPECT_EQ(chooseDesk(loads), 'B');
}

TEST(ChooseDesk, TieGoesToFirstListed) {
    const std::vector<DeskLoad> ab{{'A', 3}, {'B', 3}};
    EXPECT_EQ(chooseDesk(ab), 'A');
    const std::vector<DeskLoad> ba{{'B', 3}, {'A', 3}};
    EXPECT_EQ(chooseDesk(ba), 'B');
}

TEST(ChooseDesk, ThreeDesks) {
    const std::vector<DeskLoad> middle{{'A', 4}, {'B', 1}, {'C', 2}};
    EXPECT_EQ(chooseDesk(middle), 'B');
    const std::vector<DeskLoad> last{{'A', 4}, {'B', 3}, {'C', 0}};
    EXPECT_EQ(chooseDesk(last), 'C');
    const std::vector<DeskLoad> tieLater{{'A', 4}, {'B', 1}, {'C', 1}};
    EXPECT_EQ(chooseDesk(tieLater), 'B');
    const std::vector<DeskLoad> allEmpty{{'A', 0}, {'B', 0}, {'C', 0}};
    EXPECT_EQ(chooseDesk(allEmpty), 'A');
}

TEST(ChooseDesk, SingleDesk) {
    const std::vector<DeskLoad> one{{'B', 17}};
    EXPECT_EQ(chooseDesk(one), 'B');
}

// --- nextToCall --------------------------------------------------------------------------

WaitingEntry entry(std::int64_t visitId, Desk desk, int number) {
    return {visitId, QueueNumber{desk, number}};
}

std::vector<std::int64_t> visitIds(const std::vector<WaitingEntry>& entries) {
    std::vector<std::int64_t> ids;
    for (const auto& e : entries) {
        ids.push_back(e.visitId);
    }
    return ids;
}

std::vector<WaitingEntry> mixedQueue() {
    return {entry(10, 'A', 7), entry(11, 'B', 2),  entry(12, 'A', 3),
            entry(13, 'B', 1), entry(14, 'A', 12), entry(15, 'A', 1000)};
}

TEST(NextToCall, FiltersByDeskAndSortsByNumber) {
    EXPECT_EQ(visitIds(nextToCall(mixedQueue(), 'A', 10)),
              (std::vector<std::int64_t>{12, 10, 14, 15}));
    EXPECT_EQ(visitIds(nextToCall(mixedQueue(), 'B', 10)), (std::vector<std::int64_t>{13, 11}));
}

TEST(NextToCall, KeepsTheQueueNumbers) {
    const auto next = nextToCall(mixedQueue(), 'B', 1);
    ASSERT_EQ(next.size(), 1u);
    EXPECT_EQ(next[0].number, (QueueNumber{'B', 1}));
}

TEST(NextToCall, CountLimits) {
    EXPECT_EQ(visitIds(nextToCall(mixedQueue(), 'A', 2)), (std::vector<std::int64_t>{12, 10}));
    EXPECT_EQ(visitIds(nextToCall(mixedQueue(), 'A', 1)), (std::vector<std::int64_t>{12}));
    EXPECT_TRUE(nextToCall(mixedQueue(), 'A', 0).empty());
    EXPECT_TRUE(nextToCall(mixedQueue(), 'A', -1).empty());
}

TEST(NextToCall, CountLargerThanList) {
    EXPECT_EQ(nextToCall(mixedQueue(), 'A', 4).size(), 4u);
    EXPECT_EQ(nextToCall(mixedQueue(), 'A', 100).size(), 4u);
}

TEST(NextToCall, NobodyAtThatDesk) {
    EXPECT_TRUE(nextToCall(mixedQueue(), 'C', 5).empty());
    EXPECT_TRUE(nextToCall({}, 'A', 5).empty());
}

}  // namespace
