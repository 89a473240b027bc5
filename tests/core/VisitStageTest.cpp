#include <gtest/gtest.h>

#include <map>
#include <ostream>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/VisitStage.h"

namespace vax {
// Readable failure messages; static so the other test files may have their own.
[[maybe_unused]] static void PrintTo(Stage stage, std::ostream* os) {
    *os << toString(stage);
}
}  // namespace vax

using namespace vax;

namespace {

using S = Stage;

constexpr Stage kAllStages[] = {
    S::CheckedIn, S::Waiting, S::Called,   S::Registered, S::Vaccinated,
    S::Observing, S::Exited,  S::Deferred, S::LeftEarly,  S::AdverseReaction,
};

// The site's flow, written out by hand.
const std::map<Stage, std::set<Stage>>& expectedFlow() {
    static const std::map<Stage, std::set<Stage>> flow{
        {S::CheckedIn, {S::Waiting, S::Deferred, S::LeftEarly}},
        {S::Waiting, {S::Called, S::Deferred, S::LeftEarly}},
        {S::Called, {S::Registered, S::Waiting, S::Deferred, S::LeftEarly}},
        {S::Registered, {S::Vaccinated, S::Deferred, S::LeftEarly}},
        {S::Vaccinated, {S::Observing, S::AdverseReaction, S::LeftEarly}},
        {S::Observing, {S::Exited, S::AdverseReaction, S::LeftEarly}},
        {S::AdverseReaction, {S::Observing, S::Exited}},
        {S::Exited, {}},
        {S::Deferred, {S::Waiting}},
        {S::LeftEarly, {}},
    };
    return flow;
}

bool expectedAllowed(Stage from, Stage to) {
    return expectedFlow().at(from).count(to) > 0;
}

class TransitionTest : public ::testing::TestWithParam<std::tuple<Stage, Stage>> {};

TEST_P(TransitionTest, AgreesWithTheFlow) {
    const auto [from, to] = GetParam();
    const Status status = checkTransition(from, to);
    EXPECT_EQ(status.ok(), expectedAllowed(from, to));
    if (!status.ok()) {
        const std::string& message = status.error().message;
        // Searching for "from ... to ..." so a stage named in the other slot does not count.
        EXPECT_NE(message.find("from " + std::string(toString(from))), std::string::npos)
            << message;
        EXPECT_NE(message.find("to " + std::string(toString(to))), std::string::npos) << message;
    }
}

INSTANTIATE_TEST_SUITE_P(AllPairs, TransitionTest,
                         ::testing::Combine(::testing::ValuesIn(kAllStages),
                                            ::testing::ValuesIn(kAllStages)),
                         [](const ::testing::TestParamInfo<std::tuple<Stage, Stage>>& param) {
                             return std::string(toString(std::get<0>(param.param))) + "_to_" +
                                    std::string(toString(std::get<1>(param.param)));
                         });

TEST(VisitStageFlow, TableCoversEveryStage) {
    EXPECT_EQ(std::size(kAllStages), std::size_t(kStageCount));
    EXPECT_EQ(expectedFlow().size(), std::size_t(kStageCount));
}

TEST(VisitStageFlow, AllowedTransitionCount) {
    int allowed = 0;
    for (const auto from : kAllStages) {
        for (const auto to : kAllStages) {
            allowed += checkTransition(from, to).ok() ? 1 : 0;
        }
    }
    EXPECT_EQ(allowed, 3 + 3 + 4 + 3 + 3 + 3 + 2 + 1);
}

TEST(VisitStageFlow, NoStageMayStayWhereItIs) {
    for (const auto stage : kAllStages) {
        EXPECT_FALSE(checkTransition(stage, stage).ok()) << toString(stage);
    }
}

TEST(VisitStageFlow, LeavingAClosedVisitSaysItIsClosed) {
    const Status status = checkTransition(S::Exited, S::Observing);
    ASSERT_FALSE(status.ok());
    EXPECT_NE(status.error().message.find("closed"), std::string::npos) << status.error().message;
    const Status open = checkTransition(S::Waiting, S::Exited);
    ASSERT_FALSE(open.ok());
    EXPECT_EQ(open.error().message.find("closed"), std::string::npos) << open.error().message;
}

// --- names and finality ------------------------------------------------------------------

TEST(VisitStageNames, KnownNames) {
    const std::map<Stage, std::string> names{
        {S::CheckedIn, "checked_in"},  {S::Waiting, "waiting"},
        {S::Called, "called"},         {S::Registered, "registered"},
        {S::Vaccinated, "vaccinated"}, {S::Observing, "observing"},
        {S::Exited, "exited"},         {S::Deferred, "deferred"},
        {S::LeftEarly, "left_early"},  {S::AdverseReaction, "adverse_reaction"},
    };
    for (const auto& [stage, name] : names) {
        EXPECT_EQ(toString(stage), name);
    }
}

TEST(VisitStageNames, RoundTrip) {
    std::set<std::string> seen;
    for (const auto stage : kAllStages) {
        const std::string name(toString(stage));
        EXPECT_TRUE(seen.insert(name).second) << "duplicate " << name;
        const auto parsed = stageFromString(name);
        ASSERT_TRUE(parsed.has_value()) << name;
        EXPECT_EQ(*parsed, stage);
    }
}

TEST(VisitStageNames, RejectsUnknownNames) {
    EXPECT_FALSE(stageFromString("").has_value());
    EXPECT_FALSE(stageFromString("Waiting").has_value());
    EXPECT_FALSE(stageFromString("checked-in").has_value());
    EXPECT_FALSE(stageFromString("waiting ").has_value());
    EXPECT_FALSE(stageFromString("done").has_value());
}

TEST(VisitStageNames, IsFinal) {
    const std::set<Stage> finals{S::Exited, S::LeftEarly};
    for (const auto stage : kAllStages) {
        EXPECT_EQ(isFinal(stage), finals.count(stage) > 0) << toString(stage);
        // A final stage has no way out; every other stage has one.
        EXPECT_EQ(isFinal(stage), expectedFlow().at(stage).empty()) << toString(stage);
    }
}

// --- replayStages ------------------------------------------------------------------------

TEST(ReplayStages, HappyPathEndsExited) {
    const auto result = replayStages({S::CheckedIn, S::Waiting, S::Called, S::Registered,
                                      S::Vaccinated, S::Observing, S::Exited});
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(*result, S::Exited);
}

TEST(ReplayStages, CheckInAloneStaysCheckedIn) {
    const auto result = replayStages({S::CheckedIn});
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(*result, S::CheckedIn);
}

TEST(ReplayStages, PathWithDetoursEndsWhereItStops) {
    const auto result =
        replayStages({S::CheckedIn, S::Waiting, S::Called, S::Waiting, S::Called, S::Registered,
                      S::Vaccinated, S::AdverseReaction, S::Observing, S::AdverseReaction});
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(*result, S::AdverseReaction);
}

TEST(ReplayStages, EmptyListIsAnError) {
    const auto result = replayStages({});
    ASSERT_FALSE(result.ok());
    EXPECT_FALSE(result.error().message.empty());
}

TEST(ReplayStages, MustStartWithCheckIn) {
    const auto result = replayStages({S::Waiting, S::Called});
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message.find("check-in"), std::string::npos) << result.error().message;
}

TEST(ReplayStages, IllegalStepNamesItsEventNumber) {
    // Event 1 is the check-in; event 4 jumps from called to vaccinated.
    const auto result = replayStages({S::CheckedIn, S::Waiting, S::Called, S::Vaccinated});
    ASSERT_FALSE(result.ok());
    const std::string& message = result.error().message;
    EXPECT_NE(message.find("event 4"), std::string::npos) << message;
    EXPECT_NE(message.find("called"), std::string::npos) << message;
    EXPECT_NE(message.find("vaccinated"), std::string::npos) << message;
}

TEST(ReplayStages, SecondCheckInIsEventTwo) {
    const auto result = replayStages({S::CheckedIn, S::CheckedIn});
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message.find("event 2"), std::string::npos) << result.error().message;
}

TEST(ReplayStages, ADeferredVisitCanBeReinstated) {
    const auto result = replayStages({S::CheckedIn, S::Deferred, S::Waiting, S::Called});
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(*result, S::Called);
}

TEST(ReplayStages, NothingAfterAFinalStage) {
    const auto result = replayStages({S::CheckedIn, S::LeftEarly, S::Waiting});
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message.find("event 3"), std::string::npos) << result.error().message;
}

}  // namespace
