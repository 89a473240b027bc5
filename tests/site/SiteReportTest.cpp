#include <gtest/gtest.h>

#include "site/SiteBindings.h"
#include "site/SiteFixture.h"
#include "site/SiteQueue.h"
#include "site/SiteReplay.h"
#include "site/SiteReport.h"

namespace vax {
namespace {

const std::string kDay = "2026-12-04";
constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kT0 = 1'000'000'000;

class SiteReportTest : public test::SiteDbTest {
protected:
    // A check-in at `entry`, replayed; a number from the site when it proceeds.
    void checkIn(PgConnection& conn, const std::string& entry, std::int64_t seq, int person,
                 const std::string& decision, int age, bool fever = false,
                 const std::string& reasons = "[]") {
        std::optional<QueueNumber> number;
        if (decision == "proceed") {
            NumberRequest r;
            r.day = kDay;
            r.personHash = "hash-" + std::to_string(person);
            r.maskedId = "1101**********" + std::to_string(1000 + person);
            r.desks = {'A'};
            r.atMs = kT0 + seq;
            r.age = age;
            auto issued = SiteQueue(conn, {"S", entry, "entry"}).issue(r);
            ASSERT_TRUE(issued) << issued.error().message;
            number = issued->number;
        }
        ReplayEntry e;
        e.seq = seq;
        e.visitId = seq;
        e.day = kDay;
        e.number = number;
        e.atMs = kT0 + seq;
        e.kind = "checked_in";
        e.stage = "checked_in";
        e.data = R"({"decision":")" + decision + R"(","fever":)" + (fever ? "true" : "false") +
                 R"(,"age":)" + std::to_string(age) + R"(,"reasons":)" + reasons + "}";
        ASSERT_TRUE(SiteReplay(conn, {"S", entry, "entry"}).push({e}, seq, 0));
    }
    void bind(PgConnection& conn, int number, int person, int doseNumber, std::int64_t atMs) {
        CodeClaimRequest r;
        r.traceCode = "8" + std::to_string(5000 + number);
        r.day = kDay;
        r.number = {'A', number};
        r.personHash = "hash-" + std::to_string(person);
        r.maskedId = "m";
        r.productCode = "INACT-A";
        r.doseNumber = doseNumber;
        r.station = "station-1";
        r.atMs = atMs;
        r.observationEndsAtMs = atMs + 30 * kMinute;
        ASSERT_TRUE(SiteBindings(conn, {"S", "station-1", "station"}).claim(r)->granted);
    }
};

TEST_F(SiteReportTest, OneReportOverEveryKioskAndStation) {
    PgConnection conn = connection();
    checkIn(conn, "entry-1", 1, 1, "proceed", 34);                               // A001
    checkIn(conn, "entry-2", 1, 2, "proceed", 70);                               // A002
    checkIn(conn, "entry-1", 2, 3, "proceed", 25);                               // A003
    checkIn(conn, "entry-2", 2, 4, "defer", 40, true, R"([{"code":"fever"}])");  // -
    checkIn(conn, "entry-1", 3, 5, "staff_review", 16, false, R"([{"code":"minor"}])");
    bind(conn, 1, 1, 1, kT0 + 10 * kMinute);
    bind(conn, 2, 2, 2, kT0 + 11 * kMinute);
    bind(conn, 3, 3, 3, kT0 - 60 * kMinute);  // a booster, long over: overdue
    ReplayEntry exited;
    exited.seq = 1;
    exited.visitId = 1;
    exited.atMs = kT0 + 45 * kMinute;
    exited.kind = "exited";
    exited.stage = "exited";
    exited.data = R"({"trace_code":"85001"})";
    exited.personHash = "hash-1";
    exited.day = kDay;
    ASSERT_TRUE(SiteReplay(conn, {"S", "exit-1", "exit"}).push({exited}, 1, 0));
    // Scanned out again at the second exit: still one dose completed.
    ASSERT_TRUE(SiteReplay(conn, {"S", "exit-2", "exit"}).push({exited}, 1, 0));

    SiteReport report(conn, {"S", "console-1", "console"});
    DayReportBuilder builder(kDay);
    ASSERT_TRUE(report.forEachVisit(kDay, [&](const VisitSummary& v) { builder.add(v); }));
    const DayReport day = builder.finish();
    EXPECT_EQ(day.checkIns, 5);
    EXPECT_EQ(day.proceeds, 3);
    EXPECT_EQ(day.deferrals, 1);
    EXPECT_EQ(day.staffReviews, 1);
    EXPECT_EQ(day.fevers, 1);
    EXPECT_EQ(day.deferralsByReason.at("fever"), 1);
    EXPECT_EQ(day.byStage[std::size_t(Stage::Exited)], 1);
    EXPECT_EQ(day.byStage[std::size_t(Stage::Observing)], 2);
    EXPECT_EQ(day.byStage[std::size_t(Stage::Deferred)], 1);
    EXPECT_EQ(day.byStage[std::size_t(Stage::CheckedIn)], 1);

    auto doses = report.doseFigures(kDay, kT0 + 50 * kMinute, [](std::string_view) { return 2; });
    ASSERT_TRUE(doses) << doses.error().message;
    EXPECT_EQ(doses->doses, 3);
    EXPECT_EQ(doses->byDoseNumber.at(1), 1);
    EXPECT_EQ(doses->byDoseNumber.at(2), 1);
    EXPECT_EQ(doses->boosters, 1);
    EXPECT_EQ(doses->byProduct.at("INACT-A"), 3);
    EXPECT_EQ(doses->byAgeBand.at(ageBandLabel(70)), 1);
    EXPECT_EQ(doses->completed, 1);
    EXPECT_EQ(doses->overdue, 1);
    EXPECT_EQ(doses->fevers, 1);
    EXPECT_EQ(doses->temperatureChecks, 5);
}

TEST_F(SiteReportTest, ADeviceBehindMakesTheReportIncompleteAndSaysWhich) {
    PgConnection conn = connection();
    SiteReplay entry(conn, {"S", "entry-1", "entry"});
    SiteReplay station(conn, {"S", "station-1", "station"});
    ASSERT_TRUE(entry.hello(0, 1));
    ASSERT_TRUE(station.hello(12, 1));
    auto behind = SiteReport(conn, {"S", "console-1", "console"}).behind(kDay);
    ASSERT_TRUE(behind) << behind.error().message;
    ASSERT_EQ(behind->size(), 1u);
    EXPECT_EQ((*behind)[0].deviceId, "station-1");
    EXPECT_EQ((*behind)[0].behind(), 12);
}

}  // namespace
}  // namespace vax
