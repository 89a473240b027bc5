#include "cli/JsonOutput.h"

#include <iostream>

#include "store/JsonText.h"

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

nlohmann::json measurementJson(const TemperatureMeasurement& m) {
    auto optional = [](const std::optional<double>& v) {
        return v ? nlohmann::json(*v) : nlohmann::json();
    };
    return nlohmann::json{{"result", toString(m.outcome)},
                          {"body_c", optional(m.bodyC)},
                          {"raw_object_c", optional(m.rawObjectC)},
                          {"ambient_c", optional(m.ambientC)},
                          {"offset_c", m.offsetC},
                          {"ambient_correction_c", m.ambientCorrectionC},
                          {"samples_taken", m.samplesTaken},
                          {"samples_used", m.samplesUsed},
                          {"spread_c", m.spreadC},
                          {"elapsed_ms", m.elapsed.count()},
                          {"detail", m.detail}};
}

void addPrintOutcome(nlohmann::json& out, const PrintOutcome& outcome) {
    out["printed"] = outcome.printed;
    if (!outcome.printed) {
        out["print_error"] = outcome.error;
    } else if (!outcome.warnings.empty()) {
        out["print_warnings"] = outcome.warnings;
    }
}

void printJson(const nlohmann::json& value) {
    std::cout << dumpJson(value) << "\n";
}

}  // namespace vax::cli
