#include "cli/JsonOutput.h"

#include <iostream>

namespace vax::cli {

nlohmann::json toJson(const Decision& decision) {
    nlohmann::json reasons = nlohmann::json::array();
    for (const auto& reason : decision.reasons) {
        reasons.push_back({{"code", toString(reason.code)},
                           {"outcome", toString(reason.outcome)},
                           {"detail", reason.detail},
                           {"en", reason.en},
                           {"zh", reason.zh}});
    }
    nlohmann::json out{{"outcome", toString(decision.outcome)},
                       {"reasons", reasons},
                       {"age", decision.age},
                       {"fever", decision.fever}};
    out["campaign_step"] =
        decision.campaignStepId ? nlohmann::json(*decision.campaignStepId) : nlohmann::json();
    return out;
}

nlohmann::json toJson(const VisitState& state) {
    nlohmann::json out{{"visit", state.visitId},
                       {"stage", toString(state.stage)},
                       {"decision", toString(state.decision)},
                       {"journal_seq", state.lastEventSeq}};
    out["queue_number"] =
        state.queueNumber ? nlohmann::json(state.queueNumber->label()) : nlohmann::json();
    return out;
}

void printJson(const nlohmann::json& value) {
    std::cout << value.dump() << "\n";
}

}  // namespace vax::cli
