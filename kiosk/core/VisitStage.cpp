#include "core/VisitStage.h"

#include <array>
#include <string>

namespace vax {

namespace {

constexpr std::array<std::string_view, kStageCount> kNames{
    "checked_in", "waiting", "called",   "registered", "vaccinated",
    "observing",  "exited",  "deferred", "left_early", "adverse_reaction",
};

bool allowed(Stage from, Stage to) {
    using S = Stage;
    switch (from) {
        case S::CheckedIn:
            // Left early: walked away while awaiting staff review.
            return to == S::Waiting || to == S::Deferred || to == S::LeftEarly;
        case S::Waiting:
            return to == S::Called || to == S::Deferred || to == S::LeftEarly;
        case S::Called:
            // Back to waiting when the person did not come to the desk.
            return to == S::Registered || to == S::Waiting || to == S::Deferred ||
                   to == S::LeftEarly;
        case S::Registered:
            return to == S::Vaccinated || to == S::Deferred || to == S::LeftEarly;
        case S::Vaccinated:
            return to == S::Observing || to == S::AdverseReaction || to == S::LeftEarly;
        case S::Observing:
            return to == S::Exited || to == S::AdverseReaction || to == S::LeftEarly;
        case S::AdverseReaction:
            // Back to (extended) observation, or discharged or transferred by the doctor.
            return to == S::Observing || to == S::Exited;
        case S::Deferred:
            // Reinstated by a staff override, e.g. a normal temperature after a rest.
            return to == S::Waiting;
        case S::Exited:
        case S::LeftEarly:
            return false;
    }
    return false;
}

}  // namespace

std::string_view toString(Stage stage) {
    return kNames[std::size_t(stage)];
}

std::optional<Stage> stageFromString(std::string_view text) {
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (kNames[i] == text) {
            return Stage(i);
        }
    }
    return std::nullopt;
}

bool isFinal(Stage stage) {
    return stage == Stage::Exited || stage == Stage::LeftEarly;
}

Status checkTransition(Stage from, Stage to) {
    if (allowed(from, to)) {
        return okStatus();
    }
    std::string message = "a visit cannot go from ";
    message += toString(from);
    message += " to ";
    message += toString(to);
    message += isFinal(from) ? " (the visit is closed)" : "";
    return Error{message};
}

Result<Stage> replayStages(const std::vector<Stage>& stages) {
    if (stages.empty() || stages.front() != Stage::CheckedIn) {
        return Error{"a visit's journal must start with its check-in"};
    }
    Stage current = Stage::CheckedIn;
    for (std::size_t i = 1; i < stages.size(); ++i) {
        if (auto step = checkTransition(current, stages[i]); !step) {
            return Error{"event " + std::to_string(i + 1) + ": " + step.error().message};
        }
        current = stages[i];
    }
    return current;
}

}  // namespace vax
