// The prior doses a check-in is decided on, journaled with it, and the dose number they give
// at the station, in the uploaded record's facts and in the day's report; one visit a person
// a day. Real journal file, signed slips, the example catalogue (INACT-A: two doses 21-56 days
// apart, a booster after 180 days).
#include <nlohmann/json.hpp>

#include "OpsFixture.h"
#include "ops/CheckIns.h"

namespace vax::test {
namespace {

constexpr const char* kAdult = "110105198503121234";

class PriorDosesTest : public OpsTest {
protected:
    ResidentId adult() { return *ResidentId::parse(kAdult, at(0).date); }

    CheckInFacts facts(std::optional<PriorDoses> prior = std::nullopt) {
        const ResidentId id = adult();
        return CheckInFacts{HealthCodeStatus::Green,
                            TemperatureInput::reading(36.6),
                            Answers{},
                            id.birthDate(),
                            std::move(prior),
                            at(0).date};
    }

    PriorDoses daysAgo(int days, int received = 1,
                       PriorDoseSource source = PriorDoseSource::Declared) {
        return PriorDoses{at(0).date.plusDays(-days), "INACT-A", received, source};
    }

    RecordedCheckIn checkIn(const CheckInFacts& f, int minutesAfterNine = 0) {
        auto recorded = recordCheckIn(m_config, m_keys, *m_journal, adult(), f,
                                      at(minutesAfterNine), {{}, "signature"});
        EXPECT_TRUE(recorded) << recorded.error().message;
        return *recorded;
    }

    // Calls the visit to its desk and signs its slip, as desk A/B and the entry do.
    std::string slipOf(const RecordedCheckIn& recorded) {
        EXPECT_TRUE(recorded.visit.queueNumber);
        EXPECT_TRUE(m_journal->visits().callNext(kDay, recorded.visit.queueNumber->desk, 10,
                                                 kNineAm + 2 * kMinute));
        auto slip = issueSlip(m_config, m_keys, recorded.visit, recorded.person, kNineAm);
        EXPECT_TRUE(slip);
        return slip ? *slip : std::string();
    }

    std::int64_t count(const std::string& sql) {
        auto stmt = m_journal->database().prepare(sql);
        EXPECT_TRUE(stmt);
        EXPECT_TRUE(stmt->step().value());
        return stmt->int64(0);
    }
};

TEST_F(PriorDosesTest, ASecondDoseIsJournaledBoundUploadedAndReportedAsDoseTwo) {
    const RecordedCheckIn recorded = checkIn(facts(daysAgo(30)));
    ASSERT_EQ(recorded.decision.outcome, Outcome::Proceed);

    // The prior dose and where it came from are part of the check-in's record.
    auto prior = m_journal->visits().priorDosesOf(recorded.visit.visitId);
    ASSERT_TRUE(prior && *prior);
    EXPECT_EQ((*prior)->lastDoseDate, at(0).date.plusDays(-30));
    EXPECT_EQ((*prior)->source, PriorDoseSource::Declared);
    auto events = m_journal->visits().events(recorded.visit.visitId);
    ASSERT_TRUE(events && !events->empty());
    const auto checkedIn = nlohmann::json::parse(events->front().data);
    EXPECT_EQ(checkedIn["prior_doses"]["doses_received"], 1);
    EXPECT_EQ(checkedIn["prior_doses"]["source"], "declared");
    EXPECT_EQ(checkedIn["prior_doses"]["product"], "INACT-A");

    auto bound = bind(slipOf(recorded), kPack);
    ASSERT_TRUE(bound) << bound.error().message;
    EXPECT_EQ(bound->bound.doseNumber, 2);
    EXPECT_EQ(bound->ticket.doseNumber, 2);

    // The record that leaves for the region says dose 2.
    auto pending = m_journal->outbox().pending(100);
    ASSERT_TRUE(pending);
    int immunizations = 0;
    for (const OutboxItem& item : *pending) {
        if (item.kind == "immunization") {
            ++immunizations;
            EXPECT_EQ(nlohmann::json::parse(item.facts)["dose_number"], 2) << item.facts;
        }
    }
    EXPECT_EQ(immunizations, 1);

    auto figures = m_journal->report().doseFigures(kDay, kNineAm + 60 * kMinute);
    ASSERT_TRUE(figures);
    EXPECT_EQ(figures->byDoseNumber.count(1), 0u);
    EXPECT_EQ(figures->byDoseNumber.at(2), 1);
}

TEST_F(PriorDosesTest, APersonWithoutPriorDosesStaysDoseOne) {
    const RecordedCheckIn recorded = checkIn(facts());
    auto prior = m_journal->visits().priorDosesOf(recorded.visit.visitId);
    ASSERT_TRUE(prior);
    EXPECT_FALSE(*prior);
    auto bound = bind(slipOf(recorded), kPack);
    ASSERT_TRUE(bound) << bound.error().message;
    EXPECT_EQ(bound->bound.doseNumber, 1);
}

TEST_F(PriorDosesTest, AStaffConfirmedBoosterIsDoseThree) {
    const RecordedCheckIn recorded =
        checkIn(facts(daysAgo(200, 2, PriorDoseSource::StaffConfirmed)));
    ASSERT_EQ(recorded.decision.outcome, Outcome::Proceed);
    auto bound = bind(slipOf(recorded), kPack);
    ASSERT_TRUE(bound) << bound.error().message;
    EXPECT_EQ(bound->bound.doseNumber, 3);
    EXPECT_EQ(m_journal->visits().priorDosesOf(recorded.visit.visitId).value()->source,
              PriorDoseSource::StaffConfirmed);
}

TEST_F(PriorDosesTest, TheStationRefusesADoseTooSoonAfterTheDeclaredOneUnlessStaffWeighedIt) {
    // Ten days after dose 1: the entry defers; staff reinstate it knowing why, and the station
    // follows the staff decision.
    const RecordedCheckIn deferred = checkIn(facts(daysAgo(10)));
    ASSERT_EQ(deferred.decision.outcome, Outcome::Defer);
    ASSERT_TRUE(deferred.decision.has(ReasonCode::IntervalTooShort));
    auto reinstated = m_journal->visits().override(
        {deferred.visit.visitId, Outcome::Proceed, "doctor-1", "travel abroad", kNineAm, {'A'}});
    ASSERT_TRUE(reinstated) << reinstated.error().message;
    RecordedCheckIn queued = deferred;
    queued.visit = *reinstated;
    auto bound = bind(slipOf(queued), kPack);
    ASSERT_TRUE(bound) << bound.error().message;
    EXPECT_EQ(bound->bound.doseNumber, 2);
}

TEST_F(PriorDosesTest, ThreeCheckInsOfOnePersonADayAreOneVisitWithOneNumber) {
    const RecordedCheckIn first = checkIn(facts(), 0);
    const RecordedCheckIn second = checkIn(facts(), 3);
    const RecordedCheckIn third = checkIn(facts(), 6);
    ASSERT_TRUE(first.visit.queueNumber);
    EXPECT_FALSE(first.visit.returned);
    for (const RecordedCheckIn* again : {&second, &third}) {
        EXPECT_TRUE(again->visit.returned);
        EXPECT_EQ(again->visit.visitId, first.visit.visitId);
        ASSERT_TRUE(again->visit.queueNumber);
        EXPECT_EQ(again->visit.queueNumber->label(), first.visit.queueNumber->label());
        EXPECT_EQ(again->visit.stage, Stage::Waiting);
    }
    EXPECT_EQ(count("SELECT count(*) FROM visits"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM events WHERE kind = 'checked_in_again'"), 2);
    auto status = m_journal->visits().queueStatus(kDay);
    ASSERT_TRUE(status);
    EXPECT_EQ(status->nextUp.size(), 1u);  // no ghosts in the queue

    // Someone else still gets the next number, and calls and the dose work on the one visit.
    const ResidentId other = *ResidentId::parse(makeIdNumber(42), at(0).date);
    auto next = recordCheckIn(m_config, m_keys, *m_journal, other, facts(), at(7), {{}, "none"});
    ASSERT_TRUE(next && next->visit.queueNumber);
    EXPECT_NE(next->visit.queueNumber->label(), first.visit.queueNumber->label());
    auto bound = bind(slipOf(third), kPack);
    ASSERT_TRUE(bound) << bound.error().message;
    EXPECT_EQ(bound->bound.visitId, first.visit.visitId);
}

TEST_F(PriorDosesTest, ADeferredOrPendingVisitComesBackAsItIs) {
    CheckInFacts feverish = facts();
    feverish.temperature = TemperatureInput::reading(38.4);
    const RecordedCheckIn deferred = checkIn(feverish, 0);
    ASSERT_EQ(deferred.visit.stage, Stage::Deferred);
    const RecordedCheckIn again = checkIn(facts(), 20);  // rested, normal now
    EXPECT_TRUE(again.visit.returned);
    EXPECT_EQ(again.visit.visitId, deferred.visit.visitId);
    EXPECT_EQ(again.visit.stage, Stage::Deferred);
    EXPECT_FALSE(again.visit.queueNumber);
    // Staff reinstate the one visit; a later check-in gets its number.
    auto reinstated = m_journal->visits().override(
        {deferred.visit.visitId, Outcome::Proceed, "nurse-1", "normal after rest", kNineAm, {'B'}});
    ASSERT_TRUE(reinstated) << reinstated.error().message;
    const RecordedCheckIn queued = checkIn(facts(), 30);
    EXPECT_TRUE(queued.visit.returned);
    ASSERT_TRUE(queued.visit.queueNumber);
    EXPECT_EQ(queued.visit.queueNumber->label(), reinstated->queueNumber->label());
    EXPECT_EQ(count("SELECT count(*) FROM visits"), 1);
}

TEST_F(PriorDosesTest, APersonVaccinatedTodayGoesToStaffReviewWithThatReason) {
    const RecordedCheckIn first = checkIn(facts());
    ASSERT_TRUE(bind(slipOf(first), kPack));
    auto day = m_journal->visits().personDay(first.person.hash, kDay);
    ASSERT_TRUE(day);
    EXPECT_TRUE(day->vaccinated);
    EXPECT_FALSE(day->openVisitId);

    const RecordedCheckIn again = checkIn(facts(), 40);
    EXPECT_FALSE(again.visit.returned);
    EXPECT_NE(again.visit.visitId, first.visit.visitId);
    EXPECT_EQ(again.decision.outcome, Outcome::StaffReview);
    EXPECT_TRUE(again.decision.has(ReasonCode::AlreadyVaccinatedToday));
    EXPECT_EQ(again.visit.stage, Stage::CheckedIn);
    auto review = m_journal->visits().awaitingReview(kDay);
    ASSERT_TRUE(review);
    ASSERT_EQ(review->size(), 1u);
    EXPECT_EQ(review->front().reasons, std::vector<std::string>{"already_vaccinated_today"});
    // And that review visit is the one a further check-in gets back.
    EXPECT_EQ(checkIn(facts(), 45).visit.visitId, again.visit.visitId);
}

}  // namespace
}  // namespace vax::test
