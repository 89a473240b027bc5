// Checking a person in through vaxops (the entry kiosk, vaxctl checkin and the demo seeding):
// the site's decision, a real journal file, the ID sealed with the site keys.
#include "ops/CheckIns.h"

#include <nlohmann/json.hpp>

#include "OpsFixture.h"
#include "crypto/PersonVault.h"

namespace vax::test {
namespace {

constexpr const char* kAdult = "110105198503121234";

class CheckInsTest : public OpsTest {
protected:
    CheckInFacts factsFor(const ResidentId& id, double celsius) {
        return CheckInFacts{HealthCodeStatus::Green,
                            TemperatureInput::reading(celsius),
                            Answers{},
                            id.birthDate(),
                            std::nullopt,
                            at(0).date};
    }
    ResidentId adult() { return *ResidentId::parse(kAdult, at(0).date); }
};

TEST_F(CheckInsTest, AProceedingPersonIsQueuedUnderTheSealedId) {
    const ResidentId id = adult();
    auto recorded = recordCheckIn(m_config, m_keys, *m_journal, id, factsFor(id, 36.6), at(0),
                                  {{}, "signature"});
    ASSERT_TRUE(recorded) << recorded.error().message;
    EXPECT_EQ(recorded->decision.outcome, Outcome::Proceed);
    ASSERT_TRUE(recorded->visit.queueNumber);
    EXPECT_EQ(recorded->visit.stage, Stage::Waiting);
    // The person the slip names is the one the journal holds, and it opens to the ID.
    auto person = m_journal->visits().personOf(recorded->visit.visitId);
    ASSERT_TRUE(person);
    EXPECT_EQ(person->hash, recorded->person.hash);
    EXPECT_EQ(PersonVault(m_keys).unseal(person->sealed), std::optional<std::string>(kAdult));
    EXPECT_EQ(person->masked, "1101**********1234");
    auto events = m_journal->visits().events(recorded->visit.visitId);
    ASSERT_TRUE(events && !events->empty());
    EXPECT_EQ(events->front().data.find(kAdult), std::string::npos);  // never in clear
    EXPECT_EQ(nlohmann::json::parse(events->front().data)["health_code_source"], "signature");
}

TEST_F(CheckInsTest, AFeverIsDeferredWithItsReason) {
    const ResidentId id = adult();
    auto recorded =
        recordCheckIn(m_config, m_keys, *m_journal, id, factsFor(id, 38.2), at(5), {{}, "service"});
    ASSERT_TRUE(recorded) << recorded.error().message;
    EXPECT_EQ(recorded->decision.outcome, Outcome::Defer);
    EXPECT_FALSE(recorded->visit.queueNumber);
    EXPECT_EQ(recorded->visit.stage, Stage::Deferred);
    ASSERT_FALSE(recorded->decision.reasons.empty());
    EXPECT_EQ(recorded->decision.reasons.front().code, ReasonCode::Fever);
}

TEST_F(CheckInsTest, AJournalThatCannotWriteRecordsNothingAndSaysSo) {
    const ResidentId id = adult();
    ASSERT_TRUE(m_journal->database().exec("PRAGMA query_only = ON"));
    auto recorded =
        recordCheckIn(m_config, m_keys, *m_journal, id, factsFor(id, 36.6), at(0), {{}, "none"});
    ASSERT_FALSE(recorded);
    EXPECT_NE(recorded.error().message.find("check-in not recorded"), std::string::npos)
        << recorded.error().message;
    ASSERT_TRUE(m_journal->database().exec("PRAGMA query_only = OFF"));
    EXPECT_FALSE(m_journal->visits().visit(1));  // nothing was written
}

}  // namespace
}  // namespace vax::test
