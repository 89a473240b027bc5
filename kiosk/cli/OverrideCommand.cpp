#include <memory>

#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "ops/CheckIns.h"

namespace vax::cli {

namespace {

struct OverrideOptions {
    std::int64_t visit = 0;
    std::string outcome;
    std::string staff;
    std::string reason;
};

int run(const OverrideOptions& o, const Paths& paths) {
    Outcome outcome = Outcome::Proceed;
    if (o.outcome == "defer") {
        outcome = Outcome::Defer;
    } else if (o.outcome != "proceed") {
        return fail(kExitBadInput, "--outcome must be proceed or defer");
    }
    if (o.staff.empty() || o.reason.empty()) {
        return fail(kExitBadInput, "--staff and --reason are required for an override");
    }
    auto config = loadConfigOrReport(paths);
    if (!config) {
        return kExitFailure;
    }
    auto keys = SiteKeys::load(config->site.keyFile);
    if (!keys) {
        return fail(kExitFailure, keys.error().message);
    }
    auto journal = openJournalOrReport(paths);
    if (!journal) {
        return kExitFailure;
    }
    auto site = SiteLink::open(*config);
    if (!site) {
        return fail(kExitFailure, site.error().message);
    }
    const LocalTime at = now();
    Override decision;
    decision.visitId = o.visit;
    decision.outcome = outcome;
    decision.staff = o.staff;
    decision.reason = o.reason;
    decision.atMs = at.unixMs;
    auto state = overrideVisit(*journal, decision, at.date.iso(), site->get());
    if (!state) {
        return fail(kExitBadInput, state.error().message);
    }
    auto out = toJson(*state);
    if (state->queueNumber) {
        auto person = journal->visits().personOf(o.visit);
        auto slip = person ? issueSlip(*config, *keys, *state, *person, at.unixMs)
                           : Result<std::string>(person.error());
        out["slip"] = slip ? nlohmann::json(*slip) : nlohmann::json();
        if (!slip) {
            out["slip_error"] = slip.error().message;
        }
    }
    printJson(out);
    return kExitOk;
}

}  // namespace

void addOverrideCommand(CLI::App& app, const Paths& paths, int& status) {
    auto o = std::make_shared<OverrideOptions>();
    CLI::App* cmd =
        app.add_subcommand("override", "Staff decision on a visit awaiting review (audited)");
    cmd->add_option("visit", o->visit, "Visit number")->required();
    cmd->add_option("--outcome", o->outcome, "proceed or defer")->required();
    cmd->add_option("--staff", o->staff, "Staff member's id")->required();
    cmd->add_option("--reason", o->reason, "Why")->required();
    cmd->callback([o, &paths, &status] { status = run(*o, paths); });
}

}  // namespace vax::cli
