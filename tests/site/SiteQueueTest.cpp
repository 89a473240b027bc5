#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <thread>

#include "site/SiteFixture.h"
#include "site/SiteQueue.h"

namespace vax {
namespace {

const std::string kDay = "2026-12-04";

class SiteQueueTest : public test::SiteDbTest {
protected:
    SiteDevice device(const std::string& id, const std::string& role = "entry") const {
        return {"BJ-CY-001", id, role};
    }
    static NumberRequest person(int i, std::vector<Desk> desks = {'A', 'B'}) {
        NumberRequest r;
        r.day = kDay;
        r.personHash = "hash-" + std::to_string(i);
        r.maskedId = "1101**********" + std::to_string(1000 + i % 9000);
        r.desks = std::move(desks);
        r.atMs = 1'000 + i;
        return r;
    }
};

TEST_F(SiteQueueTest, NumbersGoUpPerDeskAndTheShortestQueueGetsTheNext) {
    PgConnection conn = connection();
    SiteQueue queue(conn, device("entry-1"));
    std::vector<std::string> labels;
    for (int i = 0; i < 4; ++i) {
        auto n = queue.issue(person(i));
        ASSERT_TRUE(n) << n.error().message;
        EXPECT_FALSE(n->returned);
        EXPECT_EQ(n->issuedBy, "entry-1");
        labels.push_back(n->number.label());
    }
    EXPECT_EQ(labels, (std::vector<std::string>{"A001", "B001", "A002", "B002"}));
    auto fifth = queue.issue(person(4, {'B'}));
    ASSERT_TRUE(fifth);
    EXPECT_EQ(fifth->number.label(), "B003");
    EXPECT_EQ(fifth->peopleAhead, 2);
}

TEST_F(SiteQueueTest, TheSamePersonAtAnotherKioskGetsTheirNumberBack) {
    PgConnection one = connection();
    PgConnection two = connection();
    SiteQueue first(one, device("entry-1"));
    SiteQueue second(two, device("entry-2"));
    auto a = first.issue(person(7));
    ASSERT_TRUE(a);
    auto b = second.issue(person(7));
    ASSERT_TRUE(b) << b.error().message;
    EXPECT_TRUE(b->returned);
    EXPECT_EQ(b->number, a->number);
    EXPECT_EQ(b->issuedBy, "entry-1");
    auto rows = one.exec("SELECT count(*) FROM queue_entries");
    ASSERT_TRUE(rows);
    EXPECT_EQ(rows->int64(0, 0), 1);
    // Once they are vaccinated the visit is closed; the number is not given back any more.
    ASSERT_TRUE(first.advance(kDay, a->number, CallState::Vaccinated, 5'000));
    auto later = second.issue(person(7));
    ASSERT_TRUE(later);
    EXPECT_FALSE(later->returned);
    EXPECT_NE(later->number, a->number);
}

TEST_F(SiteQueueTest, ManyKiosksAtOnceNeverGetTheSameNumber) {
    constexpr int kKiosks = 4;
    constexpr int kEach = 100;
    std::vector<std::vector<QueueNumber>> got(kKiosks);
    std::vector<std::string> errors(kKiosks);
    std::vector<std::thread> kiosks;
    for (int k = 0; k < kKiosks; ++k) {
        kiosks.emplace_back([&, k] {
            auto conn = connectAs("postgres");
            if (!conn) {
                errors[k] = conn.error().message;
                return;
            }
            SiteQueue queue(*conn, device("entry-" + std::to_string(k)));
            for (int i = 0; i < kEach; ++i) {
                auto n = queue.issue(person(k * kEach + i));
                if (!n) {
                    errors[k] = n.error().message;
                    return;
                }
                got[k].push_back(n->number);
            }
        });
    }
    for (auto& t : kiosks) {
        t.join();
    }
    std::set<std::string> distinct;
    std::map<Desk, std::vector<int>> byDesk;
    for (int k = 0; k < kKiosks; ++k) {
        EXPECT_EQ(errors[k], "");
        for (const QueueNumber& n : got[k]) {
            distinct.insert(n.label());
            byDesk[n.desk].push_back(n.number);
        }
    }
    EXPECT_EQ(distinct.size(), std::size_t(kKiosks * kEach));
    for (auto& [desk, numbers] : byDesk) {
        std::sort(numbers.begin(), numbers.end());
        for (std::size_t i = 0; i < numbers.size(); ++i) {
            ASSERT_EQ(numbers[i], int(i) + 1) << "desk " << desk << " has a gap or a repeat";
        }
    }
}

TEST_F(SiteQueueTest, ABlockReservedForADeviceIsSkippedByEveryoneElse) {
    PgConnection conn = connection();
    SiteQueue one(conn, device("entry-1"));
    SiteQueue two(conn, device("entry-2"));
    ASSERT_TRUE(one.issue(person(1, {'A'})));  // A001
    auto block = two.reserveBlock(kDay, 'A', 20, 5'000);
    ASSERT_TRUE(block) << block.error().message;
    EXPECT_EQ(block->first, 2);
    EXPECT_EQ(block->last, 21);
    auto next = one.issue(person(2, {'A'}));
    ASSERT_TRUE(next);
    EXPECT_EQ(next->number.label(), "A022");
    auto rows = conn.exec("SELECT device_id, first_number, last_number FROM number_blocks");
    ASSERT_TRUE(rows);
    ASSERT_EQ(rows->rows(), 1);
    EXPECT_EQ(rows->text(0, 0), "entry-2");
    EXPECT_FALSE(two.reserveBlock(kDay, 'A', 0, 5'000));
}

TEST_F(SiteQueueTest, TwoConsolesCallingAtOnceNeverCallTheSamePerson) {
    PgConnection conn = connection();
    SiteQueue entry(conn, device("entry-1"));
    for (int i = 0; i < 40; ++i) {
        ASSERT_TRUE(entry.issue(person(i, {'A'})));
    }
    std::vector<CalledNumber> calledBy[2];
    std::thread consoles[2];
    for (int c = 0; c < 2; ++c) {
        consoles[c] = std::thread([&, c] {
            auto mine = connectAs("postgres");
            ASSERT_TRUE(mine);
            SiteQueue queue(*mine, device("desk-" + std::to_string(c), "console"));
            for (int round = 0; round < 5; ++round) {
                auto called = queue.callNext(kDay, 'A', 3, 10'000 + round);
                ASSERT_TRUE(called) << called.error().message;
                calledBy[c].insert(calledBy[c].end(), called->begin(), called->end());
            }
        });
    }
    for (auto& t : consoles) {
        t.join();
    }
    std::set<int> numbers;
    for (const auto& list : calledBy) {
        for (const CalledNumber& n : list) {
            EXPECT_TRUE(numbers.insert(n.number.number).second) << n.number.label() << " twice";
            EXPECT_EQ(n.calls, 1);
        }
    }
    EXPECT_EQ(numbers.size(), 30u);
    EXPECT_EQ(*numbers.rbegin(), 30);  // in queue order: the first 30, none skipped over
}

TEST_F(SiteQueueTest, RecallAndSkipAreStatesOnTheBoard) {
    PgConnection conn = connection();
    SiteQueue queue(conn, device("desk-a", "console"));
    for (int i = 0; i < 5; ++i) {
        ASSERT_TRUE(queue.issue(person(i, {'A'})));
    }
    auto called = queue.callNext(kDay, 'A', 3, 2'000);
    ASSERT_TRUE(called);
    ASSERT_EQ(called->size(), 3u);

    auto skipped = queue.skip(kDay, {'A', 2}, 3'000);
    ASSERT_TRUE(skipped) << skipped.error().message;
    EXPECT_EQ(skipped->state, CallState::Skipped);
    auto recalled = queue.recall(kDay, {'A', 1}, 4'000);
    ASSERT_TRUE(recalled);
    EXPECT_EQ(recalled->state, CallState::Recalled);
    EXPECT_EQ(recalled->calls, 2);

    auto board = queue.board(kDay, {'A', 'B'});
    ASSERT_TRUE(board) << board.error().message;
    ASSERT_EQ(board->desks.size(), 2u);
    const DeskBoard& a = board->desks[0];
    ASSERT_EQ(a.called.size(), 2u);
    EXPECT_EQ(a.called[0].number.label(), "A001");
    EXPECT_EQ(a.called[0].state, CallState::Recalled);
    EXPECT_EQ(a.called[1].number.label(), "A003");
    EXPECT_EQ(a.skipped, (std::vector<QueueNumber>{{'A', 2}}));
    EXPECT_EQ(a.waiting, 2);
    EXPECT_EQ(board->desks[1].waiting, 0);

    // A skipped person who turns up is recalled; a waiting one cannot be skipped.
    EXPECT_TRUE(queue.recall(kDay, {'A', 2}, 5'000));
    auto notCalled = queue.skip(kDay, {'A', 5}, 5'000);
    ASSERT_FALSE(notCalled);
    EXPECT_EQ(notCalled.error().message, "A005 is waiting, not called,recalled");
    auto unknown = queue.recall(kDay, {'A', 99}, 5'000);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().message, "A099 was not given out on 2026-12-04");
}

TEST_F(SiteQueueTest, ACallIsPushedToTheCallScreens) {
    PgConnection screen = connection();
    ASSERT_TRUE(screen.listen(kCallsChannel));
    PgConnection conn = connection();
    SiteQueue queue(conn, device("desk-a", "console"));
    ASSERT_TRUE(queue.issue(person(1, {'B'})));
    auto quiet = screen.waitForNotifications(0);
    ASSERT_TRUE(quiet);
    EXPECT_TRUE(quiet->empty());  // issuing a number is not a call

    ASSERT_TRUE(queue.callNext(kDay, 'B', 10, 2'000));
    auto pushed = screen.waitForNotifications(5'000);
    ASSERT_TRUE(pushed) << pushed.error().message;
    ASSERT_EQ(pushed->size(), 1u);
    EXPECT_EQ((*pushed)[0].payload,
              R"({"day":"2026-12-04","desk":"B","kind":"call","site":"BJ-CY-001"})");
}

}  // namespace
}  // namespace vax
