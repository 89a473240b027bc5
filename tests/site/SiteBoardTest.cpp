#include <gtest/gtest.h>

#include "site/SiteBindings.h"
#include "site/SiteBoard.h"
#include "site/SiteFixture.h"
#include "site/SiteReplay.h"

namespace vax {
namespace {

const std::string kDay = "2026-12-04";
constexpr std::int64_t kMinute = 60'000;

class SiteBoardTest : public test::SiteDbTest {
protected:
    void bind(PgConnection& conn, const std::string& station, int number, std::int64_t atMs) {
        CodeClaimRequest r;
        r.traceCode = "8" + std::to_string(1000 + number);
        r.day = kDay;
        r.number = {'A', number};
        r.personHash = "hash-" + std::to_string(number);
        r.maskedId = "1101**********" + std::to_string(1000 + number);
        r.productCode = "INACT-A";
        r.station = station;
        r.atMs = atMs;
        r.observationEndsAtMs = atMs + 30 * kMinute;
        auto claim = SiteBindings(conn, {"S", station, "station"}).claim(r);
        ASSERT_TRUE(claim && claim->granted);
    }
    static ReplayEntry observed(std::int64_t seq, const std::string& kind, int number,
                                std::int64_t atMs, const std::string& extra = "") {
        ReplayEntry e;
        e.seq = seq;
        e.visitId = seq;
        e.atMs = atMs;
        e.kind = kind;
        e.stage = kind;
        e.data = R"({"trace_code":")" + ("8" + std::to_string(1000 + number)) + "\"" + extra + "}";
        e.personHash = "hash-" + std::to_string(number);
        e.day = kDay;
        return e;
    }
};

TEST_F(SiteBoardTest, EveryStationsPeopleWithTheirTimeExitsAndReactions) {
    PgConnection conn = connection();
    const std::int64_t t0 = 1'000'000'000;
    bind(conn, "station-1", 1, t0);
    bind(conn, "station-2", 2, t0 + 5 * kMinute);
    bind(conn, "station-1", 3, t0 + 10 * kMinute);
    bind(conn, "station-2", 4, t0 - 20 * kMinute);  // ended 10 min before now
    bind(conn, "station-1", 5, t0 - 60 * kMinute);  // ended 50 min before now: overdue

    SiteReplay exit(conn, {"S", "exit-1", "exit"});
    SiteReplay care(conn, {"S", "console-obs", "console"});
    ASSERT_TRUE(exit.push({observed(1, "exited", 1, t0 + 31 * kMinute)}, 1, 0));
    ASSERT_TRUE(care.push({observed(1, "adverse_reaction", 3, t0 + 12 * kMinute,
                                    R"(,"category":"allergic","observation_ends_ms":)" +
                                        std::to_string(t0 + 70 * kMinute))},
                          1, 0));

    auto board = SiteBoard(conn, {"S", "board-1", "board"}).inObservation(kDay, t0 + 20 * kMinute);
    ASSERT_TRUE(board) << board.error().message;
    std::vector<std::string> order;
    for (const BoardEntry& e : *board) {
        order.push_back(e.number.label());
    }
    EXPECT_EQ(order, (std::vector<std::string>{"A005", "A004", "A002", "A003"}));
    const BoardEntry& overdue = (*board)[0];
    EXPECT_TRUE(overdue.overdue);
    EXPECT_FALSE((*board)[1].overdue);
    EXPECT_EQ((*board)[2].station, "station-2");
    EXPECT_EQ((*board)[2].minutesLeft(t0 + 20 * kMinute), 15);
    const BoardEntry& reaction = (*board)[3];
    EXPECT_TRUE(reaction.reaction);
    EXPECT_EQ(reaction.observationEndsAtMs, t0 + 70 * kMinute);
    EXPECT_EQ(reaction.maskedId, "1101**********1003");
}

}  // namespace
}  // namespace vax
