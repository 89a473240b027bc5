// The station, observation and exit commands: bind a dose, scan out, record a reaction.
#include <memory>

#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "core/Payload.h"
#include "crypto/CodeSigner.h"
#include "crypto/TrustList.h"
#include "devices/ClockStatus.h"

namespace vax::cli {

namespace {

struct StationOptions {
    std::string slip;
    std::string code;
    std::string station = "station-1";
    std::string print;
    std::string profile;  // default: the config's printer_profile
    std::string at;
    std::int64_t visit = 0;
    std::string category;
    std::string action;
    std::string outcome;
    std::string staff;
    int extendMinutes = 30;
};

// The verified body of a signed code of the expected kind, or an exit-2 message.
template <class Body>
Result<Body> verifiedBody(const KioskConfig& config, const std::string& text, const char* what) {
    auto trust = loadTrust(config);
    if (!trust) {
        return trust.error();
    }
    auto verified = trust->verify(text, config.site.id);
    if (!verified) {
        return Error{std::string(what) + " refused: " + verified.error().message};
    }
    if (const auto* body = std::get_if<Body>(&verified->body)) {
        return *body;
    }
    return Error{std::string("this is not a ") + what};
}

int bind(const StationOptions& o, const Paths& paths) {
    const auto at = atOrNow(o.at);
    if (!at) {
        return fail(kExitBadInput, "--at must be 'YYYY-MM-DD HH:MM'");
    }
    auto config = loadConfigOrReport(paths);
    if (!config) {
        return kExitFailure;
    }
    auto slip = verifiedBody<QueueSlip>(*config, o.slip, "queue slip");
    if (!slip) {
        return fail(kExitBadInput, slip.error().message);
    }
    const ClassifiedPayload code = classifyPayload(o.code, config->scanning.rules, at->date);
    auto pack = identifyPack(code, config->policy);
    if (!pack) {
        return fail(kExitBadInput, "vaccine code refused: " + pack.error().message);
    }
    auto keys = SiteKeys::load(config->site.keyFile);
    if (!keys) {
        return fail(kExitFailure, keys.error().message);
    }
    auto signer = CodeSigner::create(*keys, config->site.id);
    if (!signer) {
        return fail(kExitFailure, signer.error().message);
    }
    auto journal = openJournalOrReport(paths);
    if (!journal) {
        return kExitFailure;
    }
    const BindRequest request{slip->visitId,
                              slip->person,
                              *pack,
                              o.station,
                              at->unixMs,
                              at->date.iso(),
                              config->policy.observationMinutes,
                              &config->policy};
    auto bound =
        journal->bindDose(request, [&](const DoseTicket& ticket) { return signer->sign(ticket); });
    if (!bound) {
        nlohmann::json earlier = nlohmann::json::array();
        for (const auto& e : bound.error().earlier) {
            earlier.push_back(
                {{"visit", e.visitId}, {"at_ms", e.vaccinatedAtMs}, {"station", e.station}});
        }
        printJson(
            {{"bound", false}, {"reason", bound.error().message}, {"earlier_bindings", earlier}});
        return fail(kExitBadInput, "binding refused: " + bound.error().message);
    }
    nlohmann::json out{{"bound", true},
                       {"visit", bound->visitId},
                       {"person", slip->maskedId},
                       {"product", pack->product->code},
                       {"lot", pack->lot},
                       {"trace_code", pack->traceCode},
                       {"dose_number", bound->doseNumber},
                       {"observation_ends_at_ms", bound->observationEndsAtMs},
                       {"ticket", bound->ticket}};
    const std::string printer = o.print.empty() ? config->devices.printer : o.print;
    if (!printer.empty()) {
        DoseTicketView view{config->site.name,
                            slip->maskedId,
                            pack->product->name,
                            pack->lot,
                            bound->doseNumber,
                            o.station,
                            localTimeText(at->unixMs),
                            localTimeText(bound->observationEndsAtMs),
                            bound->ticket,
                            false,
                            config->policy.observationMinutes};
        addPrintOutcome(
            out,
            printTicket(printer, o.profile.empty() ? config->devices.printerProfile : o.profile,
                        "dose-" + std::to_string(bound->visitId), doseTicketDocument(view)));
    }
    printJson(out);
    return kExitOk;
}

std::string_view verdictName(ExitVerdict v) {
    switch (v) {
        case ExitVerdict::MayLeave:
            return "may_leave";
        case ExitVerdict::MinutesLeft:
            return "minutes_left";
        case ExitVerdict::ClockSkew:
            return "clock_skew";
    }
    return "minutes_left";
}

int exitScan(const StationOptions& o, const Paths& paths) {
    const auto at = atOrNow(o.at);
    if (!at) {
        return fail(kExitBadInput, "--at must be 'YYYY-MM-DD HH:MM'");
    }
    auto config = loadConfigOrReport(paths);
    if (!config) {
        return kExitFailure;
    }
    auto ticket = verifiedBody<DoseTicket>(*config, o.code, "dose ticket");
    if (!ticket) {
        printJson({{"verdict", "not_valid"}, {"reason", ticket.error().message}});
        return fail(kExitBadInput, ticket.error().message);
    }
    auto journal = openJournalOrReport(paths);
    if (!journal) {
        return kExitFailure;
    }
    auto scan = journal->exitScan(ticket->visitId, ticket->traceCode, at->unixMs);
    if (!scan) {
        printJson({{"verdict", "not_valid"}, {"reason", scan.error().message}});
        return fail(kExitBadInput, scan.error().message);
    }
    const ClockStatus clock = readClockStatus();
    printJson({{"verdict", verdictName(scan->decision.verdict)},
               {"minutes_left", scan->decision.minutesLeft},
               {"visit", scan->visitId},
               {"already_left", scan->alreadyLeft},
               {"observation_ends_at_ms", scan->observationEndsAtMs},
               {"clock",
                {{"synchronized", clock.synchronized},
                 {"last_sync_ms",
                  clock.lastSyncMs ? nlohmann::json(*clock.lastSyncMs) : nlohmann::json()},
                 {"message", clock.message}}}});
    return kExitOk;
}

int reaction(const StationOptions& o, const Paths& paths) {
    ReactionRecord r;
    if (!reactionCategoryFromString(o.category, r.category)) {
        return fail(kExitBadInput,
                    "--category must be one of angioedema, allergic_rash, "
                    "acute_laryngeal_oedema, febrile_convulsion, local_infection, myocarditis, "
                    "allergic_purpura, fainting, other");
    }
    const auto at = atOrNow(o.at);
    if (!at || o.extendMinutes < 0 || o.extendMinutes > 24 * 60) {
        return fail(kExitBadInput, "--at must be 'YYYY-MM-DD HH:MM', --extend 0..1440 minutes");
    }
    auto journal = openJournalOrReport(paths);
    if (!journal) {
        return kExitFailure;
    }
    r.visitId = o.visit;
    r.onsetAtMs = at->unixMs;
    r.action = o.action;
    r.outcome = o.outcome;
    r.staff = o.staff;
    r.atMs = at->unixMs;
    r.extendMinutes = o.extendMinutes;
    auto state = journal->recordReaction(r);
    if (!state) {
        return fail(kExitBadInput, state.error().message);
    }
    printJson(toJson(*state));
    return kExitOk;
}

int observation(const Paths& paths) {
    auto journal = openJournalOrReport(paths);
    if (!journal) {
        return kExitFailure;
    }
    const LocalTime at = now();
    auto list = journal->observationList(at.unixMs);
    if (!list) {
        return fail(kExitFailure, list.error().message);
    }
    nlohmann::json out = nlohmann::json::array();
    for (const auto& o : *list) {
        const std::int64_t left = (o.observationEndsAtMs - at.unixMs + 59'999) / 60'000;
        out.push_back({{"visit", o.visitId},
                       {"person", o.maskedId},
                       {"minutes_left", std::max<std::int64_t>(left, 0)},
                       {"reaction", o.reaction},
                       {"overdue", o.overdue}});
    }
    printJson({{"in_observation", out}});
    return kExitOk;
}

}  // namespace

void addStationCommands(CLI::App& app, const Paths& paths, int& status) {
    auto o = std::make_shared<StationOptions>();
    CLI::App* station = app.add_subcommand("station", "Vaccination station");
    station->require_subcommand(1);
    CLI::App* b = station->add_subcommand("bind", "Bind a dose: queue slip + vaccine pack code");
    b->add_option("--slip", o->slip, "The scanned queue slip, VK1:...")->required();
    b->add_option("--code", o->code, "The scanned vaccine pack code")->required();
    b->add_option("--station", o->station, "This station's name (default station-1)");
    b->add_option("--print", o->print,
                  "Print the ticket: file:DEV, tcp://HOST:9100, cups:Q, png:DIR, pdf:DIR");
    b->add_option("--profile", o->profile, "Printer profile (default generic-80-native-qr)");
    b->add_option("--at", o->at, "Local time 'YYYY-MM-DD HH:MM' (default now)");
    b->callback([o, &paths, &status] { status = bind(*o, paths); });

    CLI::App* e = app.add_subcommand("exit", "Observation exit scan of a dose ticket");
    e->add_option("ticket", o->code, "The scanned dose ticket, VK1:...")->required();
    e->add_option("--at", o->at, "Local time 'YYYY-MM-DD HH:MM' (default now)");
    e->callback([o, &paths, &status] { status = exitScan(*o, paths); });

    CLI::App* r = app.add_subcommand("reaction", "Record an adverse reaction in observation");
    r->add_option("visit", o->visit, "Visit number")->required();
    r->add_option("--category", o->category, "angioedema, allergic_rash, ...")->required();
    r->add_option("--action", o->action, "Action taken")->required();
    r->add_option("--outcome", o->outcome, "Outcome")->required();
    r->add_option("--staff", o->staff, "Staff member's id")->required();
    r->add_option("--extend", o->extendMinutes, "Observe at least this long more (30)");
    r->add_option("--at", o->at, "Local time 'YYYY-MM-DD HH:MM' (default now)");
    r->callback([o, &paths, &status] { status = reaction(*o, paths); });

    app.add_subcommand("observation", "Who is in observation, minutes left, overdue")
        ->callback([&paths, &status] { status = observation(paths); });
}

}  // namespace vax::cli
