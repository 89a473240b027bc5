// The station, observation and exit commands: bind a dose, scan out, record a reaction.
#include <memory>

#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "devices/ClockStatus.h"
#include "ops/SiteLink.h"
#include "ops/StationDesk.h"
#include "site/SiteBoard.h"

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

int bind(const StationOptions& o, const Paths& paths) {
    const auto at = atOrNow(o.at);
    if (!at) {
        return fail(kExitBadInput, "--at must be 'YYYY-MM-DD HH:MM'");
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
    auto bound = bindAtStation(*config, *keys, *journal, o.slip, o.code, o.station,
                               SiteTime{at->unixMs, at->date});
    if (!bound) {
        const StationRefusal& refusal = bound.error();
        if (refusal.kind == StationRefusal::Kind::Setup) {
            return fail(kExitFailure, refusal.message);
        }
        if (refusal.kind == StationRefusal::Kind::Binding) {
            nlohmann::json earlier = nlohmann::json::array();
            for (const auto& e : refusal.earlier) {
                earlier.push_back(
                    {{"visit", e.visitId}, {"at_ms", e.vaccinatedAtMs}, {"station", e.station}});
            }
            printJson(
                {{"bound", false}, {"reason", refusal.reason}, {"earlier_bindings", earlier}});
        }
        return fail(kExitBadInput, refusal.message);
    }
    const StationBinding& b = *bound;
    nlohmann::json out{{"bound", true},
                       {"visit", b.bound.visitId},
                       {"person", b.maskedId},
                       {"product", b.pack.product->code},
                       {"lot", b.pack.lot},
                       {"trace_code", b.pack.traceCode},
                       {"dose_number", b.bound.doseNumber},
                       {"observation_ends_at_ms", b.bound.observationEndsAtMs},
                       {"ticket", b.bound.ticket}};
    const std::string printer = o.print.empty() ? config->devices.printer : o.print;
    if (!printer.empty()) {
        addPrintOutcome(
            out,
            printTicket(printer, o.profile.empty() ? config->devices.printerProfile : o.profile,
                        "dose-" + std::to_string(b.bound.visitId), doseTicketDocument(b.ticket)));
    }
    printJson(out);
    return kExitOk;
}

std::string_view verdictName(ExitCheck::Verdict v) {
    switch (v) {
        case ExitCheck::Verdict::MayLeave:
            return "may_leave";
        case ExitCheck::Verdict::MinutesLeft:
            return "minutes_left";
        case ExitCheck::Verdict::ClockSkew:
            return "clock_skew";
        case ExitCheck::Verdict::NotValid:
            break;
    }
    return "not_valid";
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
    auto journal = openJournalOrReport(paths);
    if (!journal) {
        return kExitFailure;
    }
    const ExitCheck check = checkExit(*config, *journal, o.code, at->unixMs);
    if (check.verdict == ExitCheck::Verdict::NotValid) {
        printJson({{"verdict", "not_valid"}, {"reason", check.reason}});
        return fail(kExitBadInput, check.reason);
    }
    const ClockStatus clock = readClockStatus();
    printJson({{"verdict", verdictName(check.verdict)},
               {"minutes_left", check.minutesLeft},
               {"visit", check.visitId},
               {"already_left", check.alreadyLeft},
               {"observation_ends_at_ms", check.observationEndsAtMs},
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
    auto state = journal->reactions().recordReaction(r);
    if (!state) {
        return fail(kExitBadInput, state.error().message);
    }
    printJson(toJson(*state));
    return kExitOk;
}

// At a site with a server, everyone from every station; the device's own journal otherwise.
int siteObservation(const KioskConfig& config) {
    auto link = SiteLink::open(config);
    if (!link) {
        return fail(kExitFailure, link.error().message);
    }
    const LocalTime at = now();
    auto board = (*link)->with([&](PgConnection& conn) {
        return SiteBoard(conn, (*link)->device()).inObservation(at.date.iso(), at.unixMs);
    });
    if (!board) {
        return fail(kExitFailure, "site server: " + board.error().message);
    }
    nlohmann::json out = nlohmann::json::array();
    for (const BoardEntry& e : *board) {
        out.push_back({{"queue_number", e.number.label()},
                       {"person", e.maskedId},
                       {"station", e.station},
                       {"minutes_left", e.minutesLeft(at.unixMs)},
                       {"reaction", e.reaction},
                       {"overdue", e.overdue},
                       {"confirmed", e.confirmed}});
    }
    printJson({{"scope", "site"}, {"in_observation", out}});
    return kExitOk;
}

int observation(const Paths& paths) {
    auto config = loadConfigOrReport(paths);
    if (!config) {
        return kExitFailure;
    }
    if (!config->siteServer.url.empty()) {
        return siteObservation(*config);
    }
    auto journal = openJournalOrReport(paths);
    if (!journal) {
        return kExitFailure;
    }
    const LocalTime at = now();
    auto list = journal->observation().observationList(at.unixMs);
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

    app.add_subcommand("observation",
                       "Who is in observation, minutes left, overdue (the whole site's when a"
                       " [site_server] is configured)")
        ->callback([&paths, &status] { status = observation(paths); });
}

}  // namespace vax::cli
