#include <gtest/gtest.h>

#include <chrono>

#include "site/CallBoardFeed.h"
#include "site/SiteFixture.h"

namespace vax {
namespace {

const std::string kDay = "2026-12-04";
using Clock = std::chrono::steady_clock;

class CallBoardFeedTest : public test::SiteDbTest {
protected:
    CallBoardFeed feed(const std::string& site = "S") const {
        return CallBoardFeed(settingsFor("postgres"), {site, "callboard-1", "callboard"},
                             {'A', 'B'}, [] { return kDay; });
    }
    void queuePeople(PgConnection& conn, int count) {
        SiteQueue queue(conn, {"S", "entry-1", "entry"});
        for (int i = 0; i < count; ++i) {
            NumberRequest r;
            r.day = kDay;
            r.personHash = "h" + std::to_string(i);
            r.maskedId = "m";
            r.desks = {'A'};
            ASSERT_TRUE(queue.issue(r));
        }
    }
};

TEST_F(CallBoardFeedTest, ACallReachesTheScreenAsItHappens) {
    PgConnection conn = connection();
    queuePeople(conn, 12);
    CallBoardFeed screen = feed();
    auto first = screen.next(0);
    ASSERT_TRUE(first) << first.error().message;
    ASSERT_TRUE(first->has_value());  // the state on connect
    EXPECT_EQ((**first).desks[0].waiting, 12);
    EXPECT_TRUE((**first).desks[0].called.empty());

    SiteQueue desk(conn, {"S", "desk-a", "console"});
    const auto calledAt = Clock::now();
    ASSERT_TRUE(desk.callNext(kDay, 'A', 10, 1'000));
    // Waits on the socket for the notification: no polling interval to tune.
    auto pushed = screen.next(10'000);
    const auto took = Clock::now() - calledAt;
    ASSERT_TRUE(pushed) << pushed.error().message;
    ASSERT_TRUE(pushed->has_value());
    const DeskBoard& a = (**pushed).desks[0];
    ASSERT_EQ(a.called.size(), 10u);
    EXPECT_EQ(a.called.front().number.label(), "A001");
    EXPECT_EQ(a.called.back().number.label(), "A010");
    EXPECT_EQ(a.waiting, 2);
    EXPECT_LT(took, std::chrono::seconds(1));
}

TEST_F(CallBoardFeedTest, AnotherSitesCallsDoNotWakeIt) {
    PgConnection conn = connection();
    CallBoardFeed screen = feed("OTHER");
    ASSERT_TRUE(screen.next(0));
    queuePeople(conn, 1);
    ASSERT_TRUE(SiteQueue(conn, {"S", "desk-a", "console"}).callNext(kDay, 'A', 1, 1));
    auto quiet = screen.next(200);
    ASSERT_TRUE(quiet);
    EXPECT_FALSE(quiet->has_value());
}

TEST_F(CallBoardFeedTest, AfterTheServerCameBackItReadsTheCallsItMissed) {
    PgConnection conn = connection();
    queuePeople(conn, 5);
    CallBoardFeed screen = feed();
    ASSERT_TRUE(screen.next(0));

    m_cluster->killImmediately();
    auto lost = screen.next(2'000);
    EXPECT_FALSE(lost);  // the screen shows "offline"
    m_cluster->start();
    // Called while the screen was away: its notification went to nobody.
    PgConnection again = connection();
    ASSERT_TRUE(SiteQueue(again, {"S", "desk-a", "console"}).callNext(kDay, 'A', 3, 2'000));

    auto back = screen.next(0);
    ASSERT_TRUE(back) << back.error().message;
    ASSERT_TRUE(back->has_value());
    EXPECT_EQ((**back).desks[0].called.size(), 3u);
}

}  // namespace
}  // namespace vax
