// The journal's outbox as the upload drain sees it, over a real journal file: records in
// journal order with the site's keys, what becomes of them marked in the journal, and rows
// that cannot become records marked as such instead of failing the batch they are in.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "SyncFixture.h"

namespace vax {
namespace {

using JournalOutboxQueueTest = test::SyncFixture;

TEST_F(JournalOutboxQueueTest, TheOutboxBecomesRecordsInJournalOrderWithTheSitesKeys) {
    const std::int64_t a = checkIn();
    const std::int64_t b = checkIn();
    doseWithLot(a, "'L1'");
    JournalOutboxQueue queue(journal(), "T-001", "entry-t");
    const auto records = queue.pending(100);
    ASSERT_TRUE(records) << records.error().message;
    const auto items = journal().outbox().pending(100);
    ASSERT_TRUE(items);
    ASSERT_EQ(records->size(), 5u);
    ASSERT_EQ(items->size(), 5u);
    const std::vector<std::int64_t> visits{a, a, b, b, a};
    for (std::size_t i = 0; i < records->size(); ++i) {
        const UploadRecord& r = (*records)[i];
        EXPECT_EQ(r.outboxId, (*items)[i].id);
        EXPECT_EQ(r.key, "T-001/entry-t/" + (*items)[i].key);
        EXPECT_EQ(r.visitId, visits[i]);
        EXPECT_TRUE(r.unusable.empty()) << r.unusable;
        if (i > 0) {
            EXPECT_LT((*records)[i - 1].outboxId, r.outboxId);
        }
    }
    EXPECT_EQ((*records)[0].kind, UploadRecord::Kind::Event);
    EXPECT_EQ((*records)[0].facts["kind"], "checked_in");
    EXPECT_EQ((*records)[2].facts["kind"], "checked_in");
    EXPECT_EQ((*records)[4].kind, UploadRecord::Kind::Immunization);
    EXPECT_EQ((*records)[4].key.rfind("T-001/entry-t/immunization/", 0), 0u);
    EXPECT_EQ((*records)[4].facts["lot"], "L1");
    EXPECT_EQ((*records)[4].facts["person_ref"].get<std::string>().size(), 64u);

    const auto first = queue.pending(3);
    ASSERT_TRUE(first);
    ASSERT_EQ(first->size(), 3u);
    EXPECT_EQ(first->back().outboxId, (*records)[2].outboxId);
}

TEST_F(JournalOutboxQueueTest, DeliveredFailedAndRefusedAreMarkedInTheJournal) {
    checkIn();
    checkIn();
    JournalOutboxQueue queue(journal(), "T-001", "entry-t");
    const auto records = queue.pending(100);
    ASSERT_TRUE(records);
    ASSERT_EQ(records->size(), 4u);
    const auto id = [&](std::size_t i) { return (*records)[i].outboxId; };
    ASSERT_TRUE(queue.delivered({id(0)}));
    ASSERT_TRUE(queue.failed({id(1), id(2)}, "connection refused"));
    ASSERT_TRUE(queue.refused(id(3), "HTTP 422: no such product"));

    const auto counts = journal().outbox().status();
    ASSERT_TRUE(counts);
    EXPECT_EQ(counts->pending, 2);
    EXPECT_EQ(counts->delivered, 1);
    EXPECT_EQ(counts->refused, 1);
    EXPECT_EQ(counts->lastError, "connection refused");
    ASSERT_EQ(counts->refusedRecords.size(), 1u);
    EXPECT_EQ(counts->refusedRecords[0].id, id(3));
    EXPECT_EQ(counts->refusedRecords[0].reason, "HTTP 422: no such product");
    EXPECT_GT(counts->refusedRecords[0].atMs, 0);

    // A failed record keeps its place at the head of the queue, its attempt counted.
    const auto after = queue.pending(100);
    ASSERT_TRUE(after);
    ASSERT_EQ(after->size(), 2u);
    EXPECT_EQ((*after)[0].outboxId, id(1));
    EXPECT_EQ(number("SELECT attempts FROM outbox WHERE id = " + std::to_string(id(1))), 1);
}

TEST_F(JournalOutboxQueueTest, RowsThatCannotBeRecordsSayWhyAndTheBatchStillComes) {
    const std::int64_t a = checkIn();
    const std::int64_t notJson = eventWithDataNotJson(a);
    const std::int64_t gone = eventThatIsGone(a);
    const std::int64_t brokenUtf8 = eventWithBrokenUtf8(a);
    const std::int64_t noDose = immunizationOfNoDose(a);
    const std::int64_t b = checkIn();
    const std::int64_t brokenLot = doseWithLot(b, "CAST(X'4C31FF' AS TEXT)");
    checkIn();

    JournalOutboxQueue queue(journal(), "T-001", "entry-t");
    const auto records = queue.pending(100);
    ASSERT_TRUE(records) << records.error().message;
    ASSERT_EQ(records->size(), 11u);
    std::map<std::int64_t, std::string> unusable;
    for (std::size_t i = 0; i < records->size(); ++i) {
        const UploadRecord& r = (*records)[i];
        if (i > 0) {
            EXPECT_LT((*records)[i - 1].outboxId, r.outboxId) << "journal order";
        }
        if (!r.unusable.empty()) {
            unusable[r.outboxId] = r.unusable;
            EXPECT_EQ(r.unusable.rfind(test::kCannotUpload, 0), 0u) << r.unusable;
            for (int serial = 1; serial <= 3; ++serial) {
                EXPECT_EQ(r.unusable.find(test::makeIdNumber(serial)), std::string::npos);
            }
        }
    }
    ASSERT_EQ(unusable.size(), 5u);
    EXPECT_NE(unusable[notJson].find("not valid JSON"), std::string::npos) << unusable[notJson];
    EXPECT_NE(unusable[gone].find("missing"), std::string::npos) << unusable[gone];
    EXPECT_NE(unusable[brokenUtf8].find("UTF-8"), std::string::npos) << unusable[brokenUtf8];
    EXPECT_NE(unusable[noDose].find("missing"), std::string::npos) << unusable[noDose];
    EXPECT_NE(unusable[brokenLot].find("UTF-8"), std::string::npos) << unusable[brokenLot];
    // Marking them is the drain's part: reading changes nothing.
    EXPECT_EQ(journal().outbox().status()->pending, 11);
}

}  // namespace
}  // namespace vax
