#include "store/Journal.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "support/CheckIns.h"
#include "support/TempDir.h"

namespace vax {
namespace {

using test::makeCheckIn;

class JournalTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Journal::open(m_dir / "kiosk.db");
        ASSERT_TRUE(opened) << opened.error().message;
        m_journal.emplace(std::move(opened).value());
    }

    Journal& journal() { return *m_journal; }

    std::int64_t count(const std::string& sql) {
        auto stmt = journal().database().prepare(sql);
        EXPECT_TRUE(stmt);
        EXPECT_TRUE(stmt->step().value());
        return stmt->int64(0);
    }

    VisitState checkIn(int serial, Outcome outcome) {
        auto state = journal().visits().checkIn(makeCheckIn(m_vault, serial, outcome));
        EXPECT_TRUE(state) << (state ? "" : state.error().message);
        return *state;
    }

    test::TempDir m_dir;
    PersonVault m_vault{SiteKeys::generate()};
    std::optional<Journal> m_journal;
};

TEST_F(JournalTest, ProceedQueuesAtTheDeskWithFewestWaiting) {
    const VisitState first = checkIn(1, Outcome::Proceed);
    const VisitState second = checkIn(2, Outcome::Proceed);
    const VisitState third = checkIn(3, Outcome::Proceed);
    EXPECT_EQ(first.stage, Stage::Waiting);
    EXPECT_EQ(first.queueNumber->label(), "A001");
    EXPECT_EQ(second.queueNumber->label(), "B001");
    EXPECT_EQ(third.queueNumber->label(), "A002");
    EXPECT_EQ(count("SELECT count(*) FROM events"), 6);  // checked_in + queued each
}

TEST_F(JournalTest, StaffReviewWaitsAtCheckInWithoutANumber) {
    const VisitState state = checkIn(1, Outcome::StaffReview);
    EXPECT_EQ(state.stage, Stage::CheckedIn);
    EXPECT_FALSE(state.queueNumber);
    EXPECT_EQ(state.decision, Outcome::StaffReview);
}

TEST_F(JournalTest, OverrideToProceedQueuesAndIsAudited) {
    const VisitState pending = checkIn(1, Outcome::StaffReview);
    auto state = journal().visits().override({pending.visitId,
                                              Outcome::Proceed,
                                              "nurse-07",
                                              "code checked by hand",
                                              1'795'000'100'000,
                                              {'A', 'B'}});
    ASSERT_TRUE(state) << state.error().message;
    EXPECT_EQ(state->stage, Stage::Waiting);
    EXPECT_EQ(state->queueNumber->label(), "A001");
    EXPECT_EQ(count("SELECT count(*) FROM audit WHERE staff = 'nurse-07' AND action = "
                    "'override_proceed' AND reason = 'code checked by hand'"),
              1);
    EXPECT_EQ(journal().visits().replayedStage(pending.visitId).value(), Stage::Waiting);
}

TEST_F(JournalTest, OverrideToDeferClosesTheVisitAndMarksIt) {
    const VisitState pending = checkIn(1, Outcome::StaffReview);
    auto state = journal().visits().override(
        {pending.visitId, Outcome::Defer, "dr-02", "doctor advises waiting", 1, {'A'}});
    ASSERT_TRUE(state) << state.error().message;
    EXPECT_EQ(state->stage, Stage::Deferred);
    EXPECT_EQ(count("SELECT deferred_by_staff FROM visits"), 1);
}

TEST_F(JournalTest, EntryDeferralClosesTheVisitUntilAStaffOverrideReinstatesIt) {
    const VisitState deferred = checkIn(1, Outcome::Defer);
    EXPECT_EQ(deferred.stage, Stage::Deferred);
    EXPECT_FALSE(deferred.queueNumber);
    auto around = journal().visits().advance(deferred.visitId, Stage::Waiting, 2);
    ASSERT_FALSE(around);
    EXPECT_NE(around.error().message.find("override"), std::string::npos);
    EXPECT_FALSE(journal().visits().override(
        {deferred.visitId, Outcome::Defer, "n1", "already deferred", 3, {'A'}}));
    auto reinstated = journal().visits().override(
        {deferred.visitId, Outcome::Proceed, "n1", "36.9 C after 15 min rest", 4, {'A'}});
    ASSERT_TRUE(reinstated) << reinstated.error().message;
    EXPECT_EQ(reinstated->stage, Stage::Waiting);
    EXPECT_EQ(reinstated->queueNumber->label(), "A001");
    EXPECT_EQ(journal().visits().replayedStage(deferred.visitId).value(), Stage::Waiting);
}

TEST_F(JournalTest, AStaffDeferralStands) {
    const VisitState pending = checkIn(1, Outcome::StaffReview);
    ASSERT_TRUE(
        journal().visits().override({pending.visitId, Outcome::Defer, "dr", "unwell", 2, {'A'}}));
    EXPECT_FALSE(journal().visits().override(
        {pending.visitId, Outcome::Proceed, "n2", "changed mind", 3, {'A'}}));
}

TEST_F(JournalTest, OverrideNeedsStaffReasonAndAPendingVisit) {
    const VisitState pending = checkIn(1, Outcome::StaffReview);
    const VisitState queued = checkIn(2, Outcome::Proceed);
    EXPECT_FALSE(
        journal().visits().override({pending.visitId, Outcome::Proceed, "", "why", 1, {'A'}}));
    EXPECT_FALSE(
        journal().visits().override({pending.visitId, Outcome::Proceed, "n1", "", 1, {'A'}}));
    EXPECT_FALSE(journal().visits().override(
        {pending.visitId, Outcome::StaffReview, "n1", "why", 1, {'A'}}));
    auto refused =
        journal().visits().override({queued.visitId, Outcome::Defer, "n1", "why", 1, {'A'}});
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("not awaiting a decision"), std::string::npos);
    EXPECT_EQ(count("SELECT count(*) FROM audit"), 0);
}

TEST_F(JournalTest, IllegalAdvanceIsRefusedAndWritesNothing) {
    const VisitState queued = checkIn(1, Outcome::Proceed);
    const auto eventsBefore = count("SELECT count(*) FROM events");
    auto refused = journal().visits().advance(queued.visitId, Stage::Exited, 2);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("waiting to exited"), std::string::npos);
    EXPECT_FALSE(journal().visits().advance(queued.visitId, Stage::Called, 2));  // only by calling
    EXPECT_EQ(count("SELECT count(*) FROM events"), eventsBefore);
    EXPECT_EQ(journal().visits().visit(queued.visitId)->stage, Stage::Waiting);
}

TEST_F(JournalTest, PendingReviewCannotBeAdvancedAroundTheAudit) {
    const VisitState pending = checkIn(1, Outcome::StaffReview);
    auto refused = journal().visits().advance(pending.visitId, Stage::Deferred, 2);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("override"), std::string::npos);
}

TEST_F(JournalTest, UnknownVisitIsAnError) {
    auto missing = journal().visits().advance(999, Stage::Registered, 1);
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("no visit 999"), std::string::npos);
}

TEST_F(JournalTest, CallNextTakesTheLowestNumbersOfThatDesk) {
    for (int i = 1; i <= 6; ++i) {
        checkIn(i, Outcome::Proceed);  // A001 B001 A002 B002 A003 B003
    }
    auto called = journal().visits().callNext("2026-11-25", 'A', 2, 1'795'000'060'000);
    ASSERT_TRUE(called) << called.error().message;
    ASSERT_EQ(called->size(), 2u);
    EXPECT_EQ((*called)[0].queueNumber->label(), "A001");
    EXPECT_EQ((*called)[1].queueNumber->label(), "A002");
    auto status = journal().visits().queueStatus("2026-11-25");
    ASSERT_TRUE(status);
    EXPECT_EQ(status->byStage[std::size_t(Stage::Called)], 2);
    EXPECT_EQ(status->byStage[std::size_t(Stage::Waiting)], 4);
    EXPECT_EQ(status->nextUp.front().number.label(), "B001");  // by number, then desk
    EXPECT_EQ(status->waitingByDesk.size(), 2u);
    EXPECT_TRUE(journal().visits().callNext("2026-11-25", 'A', 5, 1)->size() == 1);
    EXPECT_TRUE(journal().visits().callNext("2026-11-25", 'A', 5, 1)->empty());
    EXPECT_FALSE(journal().visits().callNext("2026-11-25", 'A', 0, 1));
}

TEST_F(JournalTest, StateIsRebuiltFromEventsAlongTheWholeFlow) {
    const VisitState a = checkIn(1, Outcome::Proceed);
    const VisitState b = checkIn(2, Outcome::Defer);
    const VisitState c = checkIn(3, Outcome::Proceed);
    ASSERT_TRUE(journal().visits().callNext("2026-11-25", 'A', 1, 10));
    for (Stage s : {Stage::Registered, Stage::Vaccinated, Stage::Observing, Stage::AdverseReaction,
                    Stage::Observing, Stage::Exited}) {
        ASSERT_TRUE(journal().visits().advance(a.visitId, s, 20));
    }
    ASSERT_TRUE(journal().visits().advance(c.visitId, Stage::LeftEarly, 30));
    for (const VisitState& v : {a, b, c}) {
        const auto replayed = journal().visits().replayedStage(v.visitId);
        ASSERT_TRUE(replayed) << replayed.error().message;
        EXPECT_EQ(*replayed, journal().visits().visit(v.visitId)->stage);
    }
    EXPECT_EQ(journal().visits().visit(a.visitId)->stage, Stage::Exited);
    EXPECT_EQ(journal().visits().visit(b.visitId)->stage, Stage::Deferred);
    EXPECT_EQ(journal().visits().events(a.visitId)->size(), 9u);
}

TEST_F(JournalTest, EventsAreAppendOnly) {
    checkIn(1, Outcome::Proceed);
    EXPECT_FALSE(journal().database().exec("UPDATE events SET kind = 'x'"));
    EXPECT_FALSE(journal().database().exec("DELETE FROM events"));
    EXPECT_EQ(count("SELECT count(*) FROM events"), 2);
}

TEST_F(JournalTest, OnePersonRowPerIdNumberAndNoNumberInClearOnDisk) {
    checkIn(7, Outcome::Proceed);
    ASSERT_TRUE(
        journal().visits().checkIn(makeCheckIn(m_vault, 7, Outcome::Proceed, "2026-11-26")));
    EXPECT_EQ(count("SELECT count(*) FROM persons"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM visits"), 2);
    ASSERT_TRUE(journal().database().exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    const std::string number = test::makeIdNumber(7);
    for (const char* file : {"kiosk.db", "kiosk.db-wal"}) {
        std::ifstream in(m_dir / file, std::ios::binary);
        const std::string bytes{std::istreambuf_iterator<char>(in), {}};
        EXPECT_EQ(bytes.find(number), std::string::npos) << file;
        EXPECT_EQ(bytes.find(number.substr(0, 17)), std::string::npos) << file;
    }
}

TEST_F(JournalTest, ForEachVisitStreamsTheDaysSummaries) {
    checkIn(1, Outcome::Proceed);
    checkIn(2, Outcome::Defer);
    ASSERT_TRUE(
        journal().visits().checkIn(makeCheckIn(m_vault, 3, Outcome::Proceed, "2026-11-24")));
    ASSERT_TRUE(journal().visits().callNext("2026-11-25", 'A', 1, 1'795'000'090'000));
    DayReportBuilder builder("2026-11-25");
    ASSERT_TRUE(journal().report().forEachVisit("2026-11-25",
                                                [&](const VisitSummary& v) { builder.add(v); }));
    const DayReport report = builder.finish();
    EXPECT_EQ(report.checkIns, 2);
    EXPECT_EQ(report.fevers, 1);
    EXPECT_EQ(report.deferralsByReason.at("fever"), 1);
    EXPECT_EQ(report.wait.called, 1);
    EXPECT_DOUBLE_EQ(report.wait.medianS, 90.0);
}

TEST(JournalOpen, ExplainsWhyAFileCannotBeOpened) {
    auto opened = Journal::open("/nonexistent-folder/kiosk.db");
    ASSERT_FALSE(opened);
    EXPECT_NE(opened.error().message.find("/nonexistent-folder/kiosk.db"), std::string::npos);
}

TEST(JournalOpen, RefusesAFileThatIsNotADatabase) {
    test::TempDir dir;
    std::ofstream(dir / "junk.db")
        << "this is not an SQLite database, just text. " << std::string(600, 'x');
    EXPECT_FALSE(Journal::open(dir / "junk.db"));
}

}  // namespace
}  // namespace vax
