// The day's check-ins, doses and exits by local hour, from events at known times.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <ctime>
#include <optional>

#include "store/Journal.h"
#include "support/CheckIns.h"
#include "support/TempDir.h"

namespace vax {
namespace {

constexpr const char* kDay = "2026-11-25";
constexpr std::int64_t kMidnight = 1'795'536'000'000;  // 2026-11-25 00:00 in UTC+8
constexpr std::int64_t kMinute = 60'000;

std::int64_t at(int hour, int minute) {
    return kMidnight + (hour * 60 + minute) * kMinute;
}

// Sets the process's time zone for one test and puts the previous one back.
class TimeZone {
public:
    explicit TimeZone(const char* zone) {
        if (const char* previous = ::getenv("TZ")) {
            m_previous = previous;
        }
        ::setenv("TZ", zone, 1);
        ::tzset();
    }
    ~TimeZone() {
        if (m_previous) {
            ::setenv("TZ", m_previous->c_str(), 1);
        } else {
            ::unsetenv("TZ");
        }
        ::tzset();
    }
    TimeZone(const TimeZone&) = delete;
    TimeZone& operator=(const TimeZone&) = delete;

private:
    std::optional<std::string> m_previous;
};

class ThroughputTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_product.code = "INACT-A";
        m_product.name = "Inactivated A";
        m_policy.products = {m_product};
        auto opened = Journal::open(m_dir / "kiosk.db");
        ASSERT_TRUE(opened) << opened.error().message;
        m_journal.emplace(std::move(opened).value());
    }

    std::int64_t checkIn(int serial, std::int64_t atMs, const std::string& day = kDay) {
        auto state = m_journal->visits().checkIn(
            test::makeCheckIn(m_vault, serial, Outcome::Proceed, day, atMs));
        EXPECT_TRUE(state);
        return state->visitId;
    }

    // Calls, binds and (when `exitAt`) lets the visit out; observation is 30 minutes.
    void vaccinate(std::int64_t visitId, std::int64_t boundAt, std::optional<std::int64_t> exitAt) {
        auto visit = m_journal->visits().visit(visitId);
        ASSERT_TRUE(
            m_journal->visits().callNext(kDay, visit->queueNumber->desk, 10, boundAt - kMinute));
        BindRequest request;
        request.visitId = visitId;
        const std::string hash = m_journal->visits().personOf(visitId)->hash;
        std::copy_n(hash.begin(), request.person.size(), request.person.begin());
        request.pack = PackInfo{
            &m_policy.products[0], "8612345000000000" + std::to_string(1000 + visitId), "", {}};
        request.station = "station-1";
        request.atMs = boundAt;
        request.day = kDay;
        request.policy = &m_policy;
        auto bound = m_journal->doses().bindDose(request, [](const DoseTicket&) {
            return Result<std::string>(std::string("VK1:TEST"));
        });
        ASSERT_TRUE(bound) << bound.error().message;
        if (exitAt) {
            auto scan = m_journal->observation().exitScan(visitId, request.pack.traceCode, *exitAt);
            ASSERT_TRUE(scan);
            ASSERT_EQ(scan->decision.verdict, ExitVerdict::MayLeave);
        }
    }

    // Visits of the 25th and one of the 24th, at times given in UTC+8.
    void recordTheDay() {
        vaccinate(checkIn(1, at(9, 5)), at(9, 20), at(9, 55));
        vaccinate(checkIn(2, at(9, 40)), at(10, 15), at(10, 50));
        checkIn(3, at(10, 30));                                     // still waiting
        vaccinate(checkIn(4, at(23, 40)), at(23, 50), at(24, 30));  // leaves after midnight
        checkIn(5, at(-2, 0), "2026-11-24");
    }

    test::TempDir m_dir;
    PersonVault m_vault{SiteKeys::generate()};
    Product m_product;
    Policy m_policy;
    std::optional<Journal> m_journal;
};

TEST_F(ThroughputTest, EventsCountInTheLocalHourTheyHappened) {
    const TimeZone shanghai("Asia/Shanghai");
    recordTheDay();
    auto hours = m_journal->report().hourlyThroughput(kDay);
    ASSERT_TRUE(hours) << hours.error().message;
    const auto& h = *hours;
    EXPECT_EQ(h[9].checkIns, 2);
    EXPECT_EQ(h[9].doses, 1);
    EXPECT_EQ(h[9].exits, 1);
    EXPECT_EQ(h[10].checkIns, 1);
    EXPECT_EQ(h[10].doses, 1);
    EXPECT_EQ(h[10].exits, 1);
    EXPECT_EQ(h[23].checkIns, 1);
    EXPECT_EQ(h[23].doses, 1);
    EXPECT_EQ(h[23].exits, 0);  // 00:30 is the next day
    int checkIns = 0;
    for (const HourlyCounts& hour : h) {
        checkIns += hour.checkIns;
    }
    EXPECT_EQ(checkIns, 4);  // the 24th's visit is not in the 25th's chart
    EXPECT_EQ(h[0].exits, 0);
}

TEST_F(ThroughputTest, TheHourFollowsTheMachinesTimeZone) {
    const TimeZone utc("UTC");
    recordTheDay();
    auto hours = m_journal->report().hourlyThroughput(kDay);
    ASSERT_TRUE(hours);
    EXPECT_EQ((*hours)[1].checkIns, 2);  // 09:05 and 09:40 in UTC+8
    EXPECT_EQ((*hours)[9].checkIns, 0);
    EXPECT_EQ((*hours)[16].exits, 1);  // 00:30 UTC+8 is still the 25th in UTC
    EXPECT_FALSE(m_journal->report().hourlyThroughput("25.11.2026"));
}

}  // namespace
}  // namespace vax
