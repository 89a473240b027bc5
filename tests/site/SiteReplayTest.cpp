#include <gtest/gtest.h>

#include "site/SiteFixture.h"
#include "site/SiteReplay.h"

namespace vax {
namespace {

class SiteReplayTest : public test::SiteDbTest {
protected:
    static std::vector<ReplayEntry> entries(std::int64_t from, std::int64_t to) {
        std::vector<ReplayEntry> out;
        for (std::int64_t seq = from; seq <= to; ++seq) {
            ReplayEntry e;
            e.seq = seq;
            e.visitId = 1 + seq / 4;
            e.day = "2026-12-04";
            e.number = QueueNumber{'A', int(e.visitId)};
            e.atMs = 1'000 * seq;
            e.kind = "queued";
            e.stage = "waiting";
            e.data = R"({"desk":"A"})";
            out.push_back(e);
        }
        return out;
    }
    SiteDevice entry{"BJ-CY-001", "entry-1", "entry"};
};

TEST_F(SiteReplayTest, AReplayCutAndStartedAgainStoresNothingTwice) {
    PgConnection conn = connection();
    SiteReplay replay(conn, entry);
    auto start = replay.hello(1200, 10);
    ASSERT_TRUE(start) << start.error().message;
    EXPECT_EQ(*start, 0);

    auto first = replay.push(entries(1, 700), 1200, 20);
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->stored, 700);
    EXPECT_EQ(first->replayedSeq, 700);
    // The answer to the first push was lost: the device sends 601.. again with the rest.
    auto second = replay.push(entries(601, 1200), 1200, 30);
    ASSERT_TRUE(second) << second.error().message;
    EXPECT_EQ(second->stored, 500);
    EXPECT_EQ(second->duplicates, 100);
    EXPECT_EQ(second->replayedSeq, 1200);

    auto rows =
        conn.exec("SELECT count(*), count(DISTINCT seq), min(seq), max(seq) FROM journal_entries");
    ASSERT_TRUE(rows);
    EXPECT_EQ(rows->int64(0, 0), 1200);
    EXPECT_EQ(rows->int64(0, 1), 1200);
    EXPECT_EQ(rows->int64(0, 2), 1);
    EXPECT_EQ(rows->int64(0, 3), 1200);
    auto again = replay.hello(1200, 40);
    ASSERT_TRUE(again);
    EXPECT_EQ(*again, 1200);
}

TEST_F(SiteReplayTest, EveryDeviceShowsHowFarBehindItIs) {
    PgConnection conn = connection();
    SiteReplay one(conn, entry);
    SiteReplay two(conn, {"BJ-CY-001", "station-1", "station"});
    SiteReplay otherSite(conn, {"BJ-CY-002", "entry-9", "entry"});
    ASSERT_TRUE(one.push(entries(1, 50), 80, 100));
    ASSERT_TRUE(two.hello(30, 200));
    ASSERT_TRUE(otherSite.hello(5, 300));
    auto lags = one.devices();
    ASSERT_TRUE(lags) << lags.error().message;
    ASSERT_EQ(lags->size(), 2u);
    EXPECT_EQ((*lags)[0].deviceId, "entry-1");
    EXPECT_EQ((*lags)[0].behind(), 30);
    EXPECT_EQ((*lags)[1].deviceId, "station-1");
    EXPECT_EQ((*lags)[1].role, "station");
    EXPECT_EQ((*lags)[1].behind(), 30);
    EXPECT_EQ((*lags)[1].lastSeenMs, 200);
}

TEST_F(SiteReplayTest, EntriesOutOfOrderAreRefusedAndNothingIsStored) {
    PgConnection conn = connection();
    SiteReplay replay(conn, entry);
    auto batch = entries(1, 3);
    std::swap(batch[0], batch[2]);
    auto st = replay.push(batch, 3, 1);
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().message, "replay entries must be in journal order");
    auto rows = conn.exec("SELECT count(*) FROM journal_entries");
    ASSERT_TRUE(rows);
    EXPECT_EQ(rows->int64(0, 0), 0);
}

}  // namespace
}  // namespace vax
