#include "core/Observation.h"

#include <gtest/gtest.h>

#include "core/DoseRules.h"
#include "core/Report.h"

namespace vax {
namespace {

constexpr std::int64_t kVaccinated = 1'795'600'000;
constexpr std::int64_t kEnds = kVaccinated + 30 * 60;

TEST(DecideExit, MinutesLeftRoundUpAndTheEndItselfMayLeave) {
    EXPECT_EQ(decideExit(kVaccinated, kEnds, kVaccinated).minutesLeft, 30);
    EXPECT_EQ(decideExit(kVaccinated, kEnds, kEnds - 61).minutesLeft, 2);
    EXPECT_EQ(decideExit(kVaccinated, kEnds, kEnds - 1).minutesLeft, 1);
    EXPECT_EQ(decideExit(kVaccinated, kEnds, kEnds).verdict, ExitVerdict::MayLeave);
    EXPECT_EQ(decideExit(kVaccinated, kEnds, kEnds + 3600).verdict, ExitVerdict::MayLeave);
}

TEST(DecideExit, ATicketFromTheFutureBeyondTwoMinutesIsAClockProblem) {
    EXPECT_EQ(decideExit(kVaccinated, kEnds, kVaccinated - 120).verdict, ExitVerdict::MinutesLeft);
    EXPECT_EQ(decideExit(kVaccinated, kEnds, kVaccinated - 121).verdict, ExitVerdict::ClockSkew);
}

TEST(ReactionCategories, KeysRoundTripAndHaveChineseNames) {
    for (int c = 0; c < kReactionCategoryCount; ++c) {
        ReactionCategory parsed{};
        ASSERT_TRUE(reactionCategoryFromString(toString(ReactionCategory(c)), parsed));
        EXPECT_EQ(parsed, ReactionCategory(c));
        EXPECT_FALSE(chineseName(ReactionCategory(c)).empty());
    }
    ReactionCategory ignored{};
    EXPECT_FALSE(reactionCategoryFromString("sneezing", ignored));
}

class DoseRulesTest : public ::testing::Test {
protected:
    Product m_twoDose{"INACT-A", "Inactivated", "Maker", {"8612345"}, {"02001234000017"}, 2, 21,
                      56,        180,           1};
    Product m_single{"ONE", "Single", "Maker", {"8634567"}, {}, 1, 0, 0, std::nullopt, 2};
    CivilDate m_today = *CivilDate::parseIso("2026-11-25");
    Policy m_policy = [this] {
        Policy p;
        p.products = {m_twoDose, m_single};
        return p;
    }();
};

TEST_F(DoseRulesTest, DoseNumbersFollowTheSeriesThenTheBooster) {
    PackInfo pack{&m_twoDose, "86123450000000012345", "", std::nullopt};
    EXPECT_EQ(nextDoseNumber(pack, {}, m_today, m_policy).value(), 1);
    std::vector<EarlierDose> earlier{{"INACT-A", 1, m_today.plusDays(-230)}};
    EXPECT_EQ(nextDoseNumber(pack, earlier, m_today, m_policy).value(), 2);
    earlier.push_back({"INACT-A", 2, m_today.plusDays(-200)});
    EXPECT_EQ(nextDoseNumber(pack, earlier, m_today, m_policy).value(), 3);  // the booster
    earlier.push_back({"INACT-A", 3, m_today.plusDays(-10)});
    auto done = nextDoseNumber(pack, earlier, m_today, m_policy);
    ASSERT_FALSE(done);
    EXPECT_NE(done.error().message.find("complete"), std::string::npos);
}

TEST_F(DoseRulesTest, ASeriesIsNotMixedAndExpiredPacksAreRefused) {
    PackInfo other{&m_single, "86345670000000012345", "", std::nullopt};
    auto mixed = nextDoseNumber(other, {{"INACT-A", 1, m_today.plusDays(-30)}}, m_today, m_policy);
    ASSERT_FALSE(mixed);
    EXPECT_NE(mixed.error().message.find("began with INACT-A"), std::string::npos);
    PackInfo expired{&m_twoDose, "(01)...", "L1", m_today.plusDays(-1)};
    EXPECT_FALSE(nextDoseNumber(expired, {}, m_today, m_policy));
    PackInfo lastDay{&m_twoDose, "(01)...", "L1", m_today};
    EXPECT_TRUE(nextDoseNumber(lastDay, {}, m_today, m_policy));
    // A booster of another product after a complete series is fine.
    const std::vector<EarlierDose> complete{{"INACT-A", 1, m_today.plusDays(-300)},
                                            {"INACT-A", 2, m_today.plusDays(-270)}};
    EXPECT_EQ(nextDoseNumber(other, complete, m_today, m_policy).value(), 3);
}

TEST_F(DoseRulesTest, ThePriorDosesOfTheCheckInCountWhenTheJournalKnowsFewer) {
    const PriorDoses declared{m_today.plusDays(-30), "INACT-A", 1, PriorDoseSource::Declared};
    const auto fromElsewhere = knownEarlierDoses({}, declared);
    ASSERT_EQ(fromElsewhere.size(), 1u);
    EXPECT_EQ(fromElsewhere[0].productCode, "INACT-A");
    EXPECT_EQ(fromElsewhere[0].date, m_today.plusDays(-30));
    PackInfo pack{&m_twoDose, "86123450000000012345", "", std::nullopt};
    EXPECT_EQ(nextDoseNumber(pack, fromElsewhere, m_today, m_policy).value(), 2);

    // The journal's own doses stand when they are as many; no prior: the journal alone.
    const std::vector<EarlierDose> journaled{{"INACT-A", 1, m_today.plusDays(-40)}};
    EXPECT_EQ(knownEarlierDoses(journaled, declared).front().date, m_today.plusDays(-40));
    EXPECT_EQ(knownEarlierDoses(journaled, std::nullopt).size(), 1u);
    // Two declared, one here: two count, dated by the later last dose.
    const PriorDoses two{m_today.plusDays(-200), "INACT-A", 2, PriorDoseSource::StaffConfirmed};
    const auto both = knownEarlierDoses(journaled, two);
    ASSERT_EQ(both.size(), 2u);
    EXPECT_EQ(both.back().date, m_today.plusDays(-40));
}

TEST_F(DoseRulesTest, AnIntervalThatDefersRefusesTheBindingUnlessTheEntryAlreadyWeighedIt) {
    PackInfo pack{&m_twoDose, "86123450000000012345", "", std::nullopt};
    const std::vector<EarlierDose> tenDaysAgo{{"INACT-A", 1, m_today.plusDays(-10)}};
    auto early = nextDoseNumber(pack, tenDaysAgo, m_today, m_policy);
    ASSERT_FALSE(early);
    EXPECT_NE(early.error().message.find("10 days"), std::string::npos) << early.error().message;
    // Staff reinstated the visit knowing the interval was short: the station follows them.
    EXPECT_EQ(
        nextDoseNumber(pack, tenDaysAgo, m_today, m_policy, {ReasonCode::IntervalTooShort}).value(),
        2);
    // Too long an interval is for the doctor at entry, not a refusal at the station.
    EXPECT_EQ(
        nextDoseNumber(pack, {{"INACT-A", 1, m_today.plusDays(-90)}}, m_today, m_policy).value(),
        2);
    auto boosterEarly = nextDoseNumber(
        pack, {{"INACT-A", 1, m_today.plusDays(-100)}, {"INACT-A", 2, m_today.plusDays(-60)}},
        m_today, m_policy);
    ASSERT_FALSE(boosterEarly);
    EXPECT_NE(boosterEarly.error().message.find("booster"), std::string::npos);
}

TEST_F(DoseRulesTest, PacksAreFoundByTracePrefixOrGtin) {
    Policy policy;
    policy.products = {m_twoDose, m_single};
    const PayloadRules rules;
    auto byPrefix = identifyPack(classifyPayload("86345670000000012345", rules, m_today), policy);
    ASSERT_TRUE(byPrefix) << byPrefix.error().message;
    EXPECT_EQ(byPrefix->product->code, "ONE");
    auto byGtin = identifyPack(
        classifyPayload("(01)02001234000017(17)271231(10)L7(21)S1", rules, m_today), policy);
    ASSERT_TRUE(byGtin) << byGtin.error().message;
    EXPECT_EQ(byGtin->product->code, "INACT-A");
    EXPECT_EQ(byGtin->lot, "L7");
    EXPECT_EQ(byGtin->expiry, CivilDate::parseIso("2027-12-31"));
    EXPECT_FALSE(identifyPack(classifyPayload("89999990000000012345", rules, m_today), policy));
    EXPECT_FALSE(identifyPack(classifyPayload("https://example.org", rules, m_today), policy));
}

TEST(WorkReport, FillsTheSitesSentenceWithTheRealNumbers) {
    DoseFigures f;
    f.doses = 312;
    f.byDoseNumber = {{1, 120}, {2, 150}};
    f.boosters = 42;
    f.temperatureChecks = 312;
    f.fevers = 3;
    f.observed = 312;
    EXPECT_EQ(formatWorkReport(f, 11, 24, 18, {}),
              "截至11月24日18时，本接种点今日共完成接种312剂次，其中第一剂次120剂次、"
              "第二剂次150剂次、加强免疫42剂次；入口测温312人次，发现体温异常3人；留观312人，"
              "未发现异常反应。");
    f.reactionsByCategory = {{"fainting", 1}, {"allergic_rash", 2}};
    const std::string withReactions =
        formatWorkReport(f, 11, 24, 18, {{"fainting", "晕厥"}, {"allergic_rash", "过敏性皮疹"}});
    EXPECT_NE(withReactions.find("发现异常反应3例（过敏性皮疹2例、晕厥1例）。"), std::string::npos)
        << withReactions;
}

}  // namespace
}  // namespace vax
