#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "site/SiteBindings.h"
#include "site/SiteFixture.h"
#include "site/SiteQueue.h"
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

ReplayEntry offlineEntry(std::int64_t seq, const std::string& kind, QueueNumber number,
                         const std::string& person, const std::string& data) {
    ReplayEntry e;
    e.seq = seq;
    e.visitId = seq;
    e.day = "2026-12-04";
    e.number = number;
    e.atMs = 50'000 + seq;
    e.kind = kind;
    e.stage = kind == "queued" ? "waiting" : "vaccinated";
    e.data = data;
    e.personHash = "hash-" + person;
    e.maskedId = "1101**********" + person;
    return e;
}

TEST_F(SiteReplayTest, ANumberGivenOfflineJoinsTheSiteQueueAndCanBeCalled) {
    PgConnection conn = connection();
    SiteReplay replay(conn, entry);
    auto ack = replay.push(
        {offlineEntry(1, "queued", {'A', 41}, "0041", R"({"desk":"A","offline":true})")}, 1, 1);
    ASSERT_TRUE(ack) << ack.error().message;
    EXPECT_EQ(ack->conflicts, 0);
    SiteQueue queue(conn, {"BJ-CY-001", "desk-a", "console"});
    auto called = queue.callNext("2026-12-04", 'A', 5, 60'000);
    ASSERT_TRUE(called);
    ASSERT_EQ(called->size(), 1u);
    EXPECT_EQ((*called)[0].number.label(), "A041");
    EXPECT_EQ((*called)[0].maskedId, "1101**********0041");
}

TEST_F(SiteReplayTest, ACodeBoundOfflineThatWasUsedElsewhereBecomesAnAlarmOnce) {
    PgConnection conn = connection();
    SiteBindings online(conn, {"BJ-CY-001", "station-1", "station"});
    CodeClaimRequest first;
    first.traceCode = "81234567890123456789";
    first.day = "2026-12-04";
    first.number = {'A', 1};
    first.personHash = "hash-0001";
    first.maskedId = "1101**********0001";
    first.productCode = "INACT-A";
    first.station = "station-1";
    first.atMs = 40'000;
    first.observationEndsAtMs = 40'000 + 1'800'000;
    ASSERT_TRUE(online.claim(first)->granted);

    SiteReplay station2(conn, {"BJ-CY-001", "station-2", "station"});
    const std::string bound =
        R"({"trace_code":"81234567890123456789","product":"INACT-A","dose_number":1,)"
        R"("station":"station-2","doses_in_pack":1,"observation_ends_ms":1850000,)"
        R"("confirmed":false})";
    const std::vector<ReplayEntry> batch{
        offlineEntry(7, "vaccinated", {'B', 3}, "0203", bound),
        offlineEntry(8, "vaccinated", {'B', 4}, "0204",
                     R"({"trace_code":"85555","product":"INACT-A","dose_number":1,)"
                     R"("station":"station-2","doses_in_pack":1,"confirmed":false})")};
    auto ack = station2.push(batch, 8, 70'000);
    ASSERT_TRUE(ack) << ack.error().message;
    EXPECT_EQ(ack->conflicts, 1);
    auto again = station2.push(batch, 8, 80'000);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->conflicts, 0);

    auto conflicts = station2.openConflicts();
    ASSERT_TRUE(conflicts) << conflicts.error().message;
    ASSERT_EQ(conflicts->size(), 1u);
    const SiteConflict& c = (*conflicts)[0];
    EXPECT_EQ(c.kind, "trace_code");
    EXPECT_EQ(c.subject, "81234567890123456789");
    const auto detail = nlohmann::json::parse(c.detail);
    EXPECT_EQ(detail["station"], "station-2");
    EXPECT_EQ(detail["masked_id"], "1101**********0203");
    ASSERT_EQ(detail["earlier"].size(), 1u);
    EXPECT_EQ(detail["earlier"][0]["station"], "station-1");
    EXPECT_EQ(detail["earlier"][0]["number"], "A001");
    // The second code was free: its offline binding is on the site now, unconfirmed.
    auto rows = conn.exec("SELECT confirmed FROM bindings WHERE trace_code = '85555'");
    ASSERT_TRUE(rows);
    ASSERT_EQ(rows->rows(), 1);
    EXPECT_FALSE(rows->boolean(0, 0));
}

TEST_F(SiteReplayTest, AnOfflineNumberClashingWithTheSiteIsAnAlarm) {
    PgConnection conn = connection();
    SiteQueue queue(conn, {"BJ-CY-001", "entry-2", "entry"});
    NumberRequest online;
    online.day = "2026-12-04";
    online.personHash = "hash-0077";
    online.maskedId = "1101**********0077";
    online.desks = {'A'};
    auto issued = queue.issue(online);
    ASSERT_TRUE(issued);
    SiteReplay replay(conn, entry);
    // The same person got a number offline at entry-1 as well.
    auto ack =
        replay.push({offlineEntry(1, "queued", {'A', 30}, "0077", R"({"offline":true})")}, 1, 1);
    ASSERT_TRUE(ack) << ack.error().message;
    EXPECT_EQ(ack->conflicts, 1);
    auto conflicts = replay.openConflicts();
    ASSERT_TRUE(conflicts);
    ASSERT_EQ(conflicts->size(), 1u);
    EXPECT_EQ((*conflicts)[0].kind, "open_visit");
    EXPECT_EQ((*conflicts)[0].subject, "A030");
}

}  // namespace
}  // namespace vax
