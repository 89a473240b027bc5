// The journal's outbox drained to the reference upstream on loopback (real HTTP): rows that
// cannot become upload records are set aside as refused, with the reason, and everything
// else still goes up in the same drain, in journal order.
#include <gtest/gtest.h>

#include <set>

#include "SyncFixture.h"
#include "net/OutboxDrain.h"
#include "tools/vaxupstream/UpstreamServer.h"

namespace vax {
namespace {

class JournalDrainTest : public test::SyncFixture {
protected:
    void SetUp() override {
        SyncFixture::SetUp();
        upstream::UpstreamOptions options;
        options.database = m_dir / "upstream.db";
        std::string error;
        m_server = upstream::UpstreamServer::create(options, error);
        ASSERT_TRUE(m_server && m_server->start(&error)) << error;
        m_uploader.emplace(UploaderOptions{m_server->baseUrl(), {}},
                           UploadContext{"T-001", "Test site", "entry-t", nullptr});
    }

    DrainSummary drain(int batchSize) {
        JournalOutboxQueue queue(journal(), "T-001", "entry-t");
        return drainOutbox(queue, *m_uploader, {batchSize, 0});
    }

    // The pending rows' upstream keys in journal order, leaving out `except`.
    std::vector<std::string> keysOfPending(const std::set<std::int64_t>& except) {
        std::vector<std::string> keys;
        const auto items = journal().outbox().pending(1000);
        EXPECT_TRUE(items);
        for (const OutboxItem& item : *items) {
            if (!except.contains(item.id)) {
                keys.push_back("T-001/entry-t/" + item.key);
            }
        }
        return keys;
    }

    std::vector<std::string> keysUpstream() {
        std::vector<std::string> keys;
        for (const upstream::StoredRecord& r : m_server->records()) {
            keys.push_back(r.key);
        }
        return keys;
    }

    std::unique_ptr<upstream::UpstreamServer> m_server;
    std::optional<RecordUploader> m_uploader;
};

TEST_F(JournalDrainTest, PoisonedRowsAreRefusedAndEverythingElseGoesUpInOrder) {
    const std::int64_t a = checkIn();
    const std::int64_t b = checkIn();
    // Four poisoned rows in a row: with batches of two, two whole batches hold nothing else.
    const std::set<std::int64_t> poisoned{eventWithDataNotJson(a), eventThatIsGone(a),
                                          eventWithBrokenUtf8(b), immunizationOfNoDose(b),
                                          doseWithLot(b, "CAST(X'4C31FF' AS TEXT)")};
    doseWithLot(a, "'L1'");
    checkIn();
    const std::vector<std::string> expected = keysOfPending(poisoned);
    ASSERT_EQ(expected.size(), 7u);

    const DrainSummary summary = drain(2);
    EXPECT_FALSE(summary.storeError) << *summary.storeError;
    EXPECT_FALSE(summary.stoppedBy) << summary.stoppedBy->message;
    EXPECT_EQ(summary.delivered, 7);
    EXPECT_EQ(summary.refused, 5);
    EXPECT_EQ(keysUpstream(), expected);
    EXPECT_EQ(m_server->stats().orderViolations, 0);

    const auto counts = journal().outbox().status();
    ASSERT_TRUE(counts);
    EXPECT_EQ(counts->pending, 0);
    EXPECT_EQ(counts->delivered, 7);
    EXPECT_EQ(counts->refused, 5);
    ASSERT_EQ(counts->refusedRecords.size(), 5u);
    for (const RefusedRecord& r : counts->refusedRecords) {
        EXPECT_TRUE(poisoned.contains(r.id)) << r.key;
        EXPECT_EQ(r.reason.rfind(test::kCannotUpload, 0), 0u) << r.key << ": " << r.reason;
        for (int serial = 1; serial <= 3; ++serial) {
            EXPECT_EQ(r.reason.find(test::makeIdNumber(serial)), std::string::npos) << r.reason;
        }
    }

    // Nothing is left to send: the next drain asks nothing of the upstream.
    const DrainSummary again = drain(2);
    EXPECT_EQ(again.requests, 0);
    EXPECT_EQ(again.refused, 0);
}

TEST_F(JournalDrainTest, AReactionThatCannotBeSentSetsOnlyItsDoseAside) {
    const std::int64_t a = checkIn();
    const std::int64_t dose = doseWithLot(a, "'L1'");
    sql("INSERT INTO reactions (visit_id, category, onset_at, action, outcome, staff,"
        " recorded_at) VALUES (" +
        std::to_string(a) +
        ", CAST(X'72617368FF' AS TEXT), 1795000900000, 'observed', 'recovered', 'nurse',"
        " 1795000900000)");
    const std::int64_t b = checkIn();
    doseWithLot(b, "'L2'");
    const std::vector<std::string> expected = keysOfPending({dose});

    const DrainSummary summary = drain(250);
    EXPECT_FALSE(summary.storeError) << *summary.storeError;
    EXPECT_EQ(summary.refused, 1);
    EXPECT_EQ(keysUpstream(), expected);
    const auto counts = journal().outbox().status();
    ASSERT_TRUE(counts);
    ASSERT_EQ(counts->refusedRecords.size(), 1u);
    EXPECT_EQ(counts->refusedRecords[0].id, dose);
}

TEST_F(JournalDrainTest, ARefusedRowGoesUpOnceItsCauseIsFixedAndItIsRetried) {
    const std::int64_t a = checkIn();
    const std::int64_t broken = eventWithDataNotJson(a);
    ASSERT_FALSE(drain(250).storeError);
    ASSERT_EQ(journal().outbox().status()->refused, 1);

    // Retried before the fix: refused again, and nothing else is held up.
    ASSERT_EQ(*journal().outbox().retryRefused(unixMsNow()), 1);
    EXPECT_EQ(drain(250).refused, 1);

    // The journal repaired by hand behind its trigger, then retried: it goes up.
    sql("DROP TRIGGER events_append_only_update");
    sql("UPDATE events SET data = '{\"half\": 1}' WHERE seq = (SELECT source_id FROM outbox"
        " WHERE id = " +
        std::to_string(broken) + ")");
    ASSERT_EQ(*journal().outbox().retryRefused(unixMsNow()), 1);
    const DrainSummary summary = drain(250);
    EXPECT_EQ(summary.delivered, 1);
    EXPECT_EQ(summary.refused, 0);
    const auto counts = journal().outbox().status();
    ASSERT_TRUE(counts);
    EXPECT_EQ(counts->refused, 0);
    EXPECT_EQ(counts->pending, 0);
    EXPECT_EQ(m_server->stats().records, 3);
}

TEST_F(JournalDrainTest, AnUpstreamThatIsDownLeavesThePoisonedRowPendingInItsPlace) {
    const std::int64_t a = checkIn();
    eventWithDataNotJson(a);
    m_server->stop();
    const DrainSummary summary = drain(250);
    ASSERT_TRUE(summary.stoppedBy);
    EXPECT_EQ(summary.refused, 0) << "it is behind records that could not go up";
    const auto counts = journal().outbox().status();
    ASSERT_TRUE(counts);
    EXPECT_EQ(counts->pending, 3);
    EXPECT_EQ(counts->refused, 0);
}

}  // namespace
}  // namespace vax
