#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "store/Journal.h"
#include "support/CheckIns.h"
#include "support/TempDir.h"

namespace vax {
namespace {

class OutboxTest : public ::testing::Test {
protected:
    void SetUp() override { reopen(); }

    void reopen() {
        m_journal.reset();
        auto opened = Journal::open(m_dir / "kiosk.db");
        ASSERT_TRUE(opened) << opened.error().message;
        m_journal.emplace(std::move(opened).value());
    }

    Journal& journal() { return *m_journal; }

    VisitState checkIn(int serial, Outcome outcome) {
        auto state = journal().visits().checkIn(test::makeCheckIn(m_vault, serial, outcome));
        EXPECT_TRUE(state) << (state ? "" : state.error().message);
        return *state;
    }

    std::vector<OutboxItem> pending(int limit = 100) {
        auto items = journal().outbox().pending(limit);
        EXPECT_TRUE(items) << (items ? "" : items.error().message);
        return items ? *items : std::vector<OutboxItem>{};
    }

    test::TempDir m_dir;
    PersonVault m_vault{SiteKeys::generate()};
    std::optional<Journal> m_journal;
};

TEST_F(OutboxTest, EveryJournalEventIsQueuedInTheSameTransactionInOrder) {
    const VisitState a = checkIn(1, Outcome::Proceed);  // checked_in, waiting
    const VisitState b = checkIn(2, Outcome::Defer);    // checked_in, deferred
    const auto items = pending();
    ASSERT_EQ(items.size(), 4u);
    for (std::size_t i = 1; i < items.size(); ++i) {
        EXPECT_LT(items[i - 1].id, items[i].id);
    }
    EXPECT_EQ(items[0].visitId, a.visitId);
    EXPECT_EQ(items[2].visitId, b.visitId);
    EXPECT_EQ(items[0].kind, "event");
    EXPECT_EQ(items[0].key.rfind("event/", 0), 0u);
    const auto facts = nlohmann::json::parse(items[0].facts);
    EXPECT_EQ(facts["kind"], "checked_in");
    EXPECT_EQ(facts["visit"], a.visitId);
    EXPECT_TRUE(facts["data"].is_object());
    for (const auto& item : items) {
        EXPECT_EQ(item.facts.find(test::makeIdNumber(1)), std::string::npos);
    }
}

TEST_F(OutboxTest, DeliveredLeaveTheQueueFailuresStayInOrderRefusedAreKeptAside) {
    checkIn(1, Outcome::Proceed);
    checkIn(2, Outcome::Proceed);
    auto items = pending();
    ASSERT_EQ(items.size(), 4u);
    ASSERT_TRUE(journal().outbox().delivered({items[0].id}, 1000));
    ASSERT_TRUE(journal().outbox().attemptFailed({items[1].id, items[2].id}, "timeout", 2000));
    ASSERT_TRUE(journal().outbox().refused(items[3].id, "HTTP 400: missing status", 3000));

    auto after = pending();
    ASSERT_EQ(after.size(), 2u);
    EXPECT_EQ(after[0].id, items[1].id) << "a failed record keeps its place";
    EXPECT_EQ(after[0].attempts, 1);
    const auto counts = journal().outbox().status();
    ASSERT_TRUE(counts);
    EXPECT_EQ(counts->pending, 2);
    EXPECT_EQ(counts->delivered, 1);
    EXPECT_EQ(counts->refused, 1);
    EXPECT_EQ(*counts->lastError, "timeout");
    ASSERT_EQ(counts->refusedRecords.size(), 1u);
    EXPECT_EQ(counts->refusedRecords[0].reason, "HTTP 400: missing status");

    const auto retried = journal().outbox().retryRefused(4000);
    ASSERT_TRUE(retried);
    EXPECT_EQ(*retried, 1);
    EXPECT_EQ(pending().size(), 3u);
}

TEST_F(OutboxTest, TheQueueSurvivesARestartAndRecordsCannotBeDeleted) {
    checkIn(1, Outcome::Proceed);
    reopen();
    EXPECT_EQ(pending().size(), 2u);
    EXPECT_FALSE(journal().database().exec("DELETE FROM outbox"));
    EXPECT_EQ(pending().size(), 2u);
}

TEST_F(OutboxTest, ALimitTakesTheOldestFirst) {
    for (int i = 1; i <= 5; ++i) {
        checkIn(i, Outcome::Proceed);
    }
    const auto first = pending(3);
    ASSERT_EQ(first.size(), 3u);
    EXPECT_EQ(first[0].id, pending(100)[0].id);
}

TEST_F(OutboxTest, ASignedCodeIsAcceptedOnceUntilItExpires) {
    auto first = journal().seenCodes().firstUseOfCode("jti-1", 2000, 1000);
    ASSERT_TRUE(first);
    EXPECT_TRUE(*first);
    EXPECT_FALSE(*journal().seenCodes().firstUseOfCode("jti-1", 2000, 1500));
    EXPECT_TRUE(*journal().seenCodes().firstUseOfCode("jti-2", 2000, 1500));
    reopen();
    EXPECT_FALSE(*journal().seenCodes().firstUseOfCode("jti-1", 2000, 1999))
        << "survives a restart";
    EXPECT_TRUE(*journal().seenCodes().firstUseOfCode("jti-1", 3000, 2000))
        << "after its expiry the entry is dropped (the code itself is refused as expired)";
}

}  // namespace
}  // namespace vax
