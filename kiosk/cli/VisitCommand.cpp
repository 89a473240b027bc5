#include <memory>

#include "cli/Commands.h"
#include "cli/JsonOutput.h"

namespace vax::cli {

namespace {

int show(std::int64_t visitId, const Paths& paths) {
    auto journal = openJournalOrReport(paths);
    if (!journal) {
        return kExitFailure;
    }
    auto state = journal->visits().visit(visitId);
    if (!state) {
        return fail(kExitBadInput, state.error().message);
    }
    auto events = journal->visits().events(visitId);
    auto replayed = journal->visits().replayedStage(visitId);
    if (!events || !replayed) {
        return fail(kExitFailure, !events ? events.error().message : replayed.error().message);
    }
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : *events) {
        list.push_back({{"seq", e.seq},
                        {"at_ms", e.atMs},
                        {"kind", e.kind},
                        {"stage", toString(e.stage)},
                        {"data", nlohmann::json::parse(e.data, nullptr, false)}});
    }
    auto measured = journal->measurements().measurementsOf(visitId);
    if (!measured) {
        return fail(kExitFailure, measured.error().message);
    }
    nlohmann::json measurements = nlohmann::json::array();
    for (const auto& m : *measured) {
        auto one = measurementJson(m.record.measurement);
        one["id"] = m.id;
        one["at_ms"] = m.record.atMs;
        one["sensor"] = m.record.sensorId;
        one["emissivity"] = m.record.emissivity ? nlohmann::json(*m.record.emissivity) : nullptr;
        one["attempt"] = m.record.attempt;
        one["recheck"] = m.record.recheck;
        measurements.push_back(one);
    }
    auto out = toJson(*state);
    out["events"] = list;
    out["temperature_measurements"] = measurements;
    out["replayed_stage"] = toString(*replayed);
    printJson(out);
    return kExitOk;
}

}  // namespace

void addVisitCommand(CLI::App& app, const Paths& paths, int& status) {
    auto visit = std::make_shared<std::int64_t>(0);
    CLI::App* cmd = app.add_subcommand("visit", "A visit's state and its journal");
    cmd->add_option("visit", *visit, "Visit number")->required();
    cmd->callback([visit, &paths, &status] { status = show(*visit, paths); });
}

}  // namespace vax::cli
