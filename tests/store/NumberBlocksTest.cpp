#include "store/JournalNumberBlocks.h"

#include <gtest/gtest.h>

#include <set>
#include <thread>
#include <vector>

#include "store/Journal.h"
#include "support/TempDir.h"

namespace vax {
namespace {

constexpr std::int64_t kAt = 1'795'000'000'000;

class NumberBlocksTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto journal = Journal::open(m_dir / "journal.db");
        ASSERT_TRUE(journal) << journal.error().message;
        m_journal.emplace(std::move(journal).value());
    }
    JournalNumberBlocks blocks() { return JournalNumberBlocks(m_journal->database()); }

    test::TempDir m_dir;
    std::optional<Journal> m_journal;
};

TEST_F(NumberBlocksTest, GivesEachReservedNumberOnceInOrder) {
    ASSERT_TRUE(blocks().add({"2026-12-04", 'A', 41, 43}, kAt));
    ASSERT_TRUE(blocks().add({"2026-12-04", 'A', 81, 82}, kAt));
    EXPECT_EQ(blocks().remaining("2026-12-04", 'A').value(), 5);
    std::vector<int> given;
    for (int i = 0; i < 5; ++i) {
        auto n = blocks().take("2026-12-04", {'A'});
        ASSERT_TRUE(n) << n.error().message;
        ASSERT_TRUE(n->has_value());
        EXPECT_EQ((*n)->desk, 'A');
        given.push_back((*n)->number);
    }
    EXPECT_EQ(given, (std::vector<int>{41, 42, 43, 81, 82}));
    EXPECT_FALSE(blocks().take("2026-12-04", {'A'}).value().has_value());
    EXPECT_EQ(blocks().remaining("2026-12-04", 'A').value(), 0);
}

TEST_F(NumberBlocksTest, TheDeskWithTheMostLeftGivesAndOtherDaysDoNot) {
    ASSERT_TRUE(blocks().add({"2026-12-04", 'A', 1, 2}, kAt));
    ASSERT_TRUE(blocks().add({"2026-12-04", 'B', 11, 13}, kAt));
    ASSERT_TRUE(blocks().add({"2026-12-05", 'A', 1, 20}, kAt));
    EXPECT_EQ(blocks().take("2026-12-04", {'A', 'B'}).value()->desk, 'B');
    EXPECT_EQ(blocks().take("2026-12-04", {'A', 'B'}).value()->desk, 'A');  // a tie: A first
    EXPECT_EQ(blocks().take("2026-12-04", {'A'}).value()->number, 2);
    EXPECT_FALSE(blocks().take("2026-12-04", {'A'}).value().has_value());
    EXPECT_FALSE(blocks().take("2026-12-03", {'A', 'B'}).value().has_value());
}

TEST_F(NumberBlocksTest, AddingTheSameBlockAgainChangesNothing) {
    ASSERT_TRUE(blocks().add({"2026-12-04", 'A', 5, 9}, kAt));
    ASSERT_TRUE(blocks().take("2026-12-04", {'A'}));
    ASSERT_TRUE(blocks().add({"2026-12-04", 'A', 5, 9}, kAt));
    EXPECT_EQ(blocks().remaining("2026-12-04", 'A').value(), 4);
    EXPECT_FALSE(blocks().add({"2026-12-04", 'A', 9, 5}, kAt));
    EXPECT_FALSE(blocks().add({"2026-12-04", 'A', 0, 5}, kAt));
}

TEST_F(NumberBlocksTest, KeptAcrossAReopenAndNeverGivenTwiceByTwoConnections) {
    ASSERT_TRUE(blocks().add({"2026-12-04", 'A', 1, 200}, kAt));
    // Two connections of one journal (the entry worker and the console) take at once, each
    // inside its own write transaction as a check-in does.
    std::vector<int> first, second;
    auto taker = [&](std::vector<int>& out) {
        auto journal = Journal::open(m_dir / "journal.db");
        ASSERT_TRUE(journal);
        for (int i = 0; i < 100; ++i) {
            auto tx = Transaction::begin(journal->database());
            ASSERT_TRUE(tx) << tx.error().message;
            auto n = JournalNumberBlocks(journal->database()).take("2026-12-04", {'A'});
            ASSERT_TRUE(n && n->has_value());
            ASSERT_TRUE(tx->commit());
            out.push_back((*n)->number);
        }
    };
    std::thread a(taker, std::ref(first));
    std::thread b(taker, std::ref(second));
    a.join();
    b.join();
    std::set<int> all(first.begin(), first.end());
    all.insert(second.begin(), second.end());
    EXPECT_EQ(all.size(), 200u);
    m_journal.reset();
    SetUp();
    EXPECT_EQ(blocks().remaining("2026-12-04", 'A').value(), 0);
}

}  // namespace
}  // namespace vax
