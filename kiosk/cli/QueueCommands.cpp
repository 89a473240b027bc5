#include <memory>

#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "ops/SiteLink.h"
#include "site/SiteQueue.h"

namespace vax::cli {

namespace {

struct QueueOptions {
    std::string number;  ///< recall / skip: "A007"
    std::string date;
    std::string desk = "A";
    int count = 1;
    std::int64_t visit = 0;
    std::string stage;
    std::string at;
};

std::optional<std::string> dayOf(const std::string& date) {
    if (date.empty()) {
        return now().date.iso();
    }
    const auto parsed = CivilDate::parseIso(date);
    return parsed ? std::optional(parsed->iso()) : std::nullopt;
}

// The site's queue as its call screens show it: per desk who is called, how many wait.
int siteStatus(const KioskConfig& config, const std::string& day) {
    auto link = SiteLink::open(config);
    if (!link) {
        return fail(kExitFailure, link.error().message);
    }
    auto board = (*link)->with([&](PgConnection& conn) {
        return SiteQueue(conn, (*link)->device()).board(day, {'A', 'B'});
    });
    if (!board) {
        return fail(kExitFailure, "site server: " + board.error().message);
    }
    nlohmann::json desks = nlohmann::json::object();
    for (const DeskBoard& d : board->desks) {
        nlohmann::json called = nlohmann::json::array();
        for (const CalledNumber& c : d.called) {
            called.push_back({{"queue_number", c.number.label()},
                              {"state", std::string(toString(c.state))},
                              {"calls", c.calls}});
        }
        nlohmann::json skipped = nlohmann::json::array();
        for (const QueueNumber& n : d.skipped) {
            skipped.push_back(n.label());
        }
        desks[std::string(1, d.desk)] = {
            {"waiting", d.waiting}, {"called", called}, {"skipped", skipped}};
    }
    printJson({{"scope", "site"}, {"date", day}, {"desks", desks}});
    return kExitOk;
}

int status(const QueueOptions& o, const Paths& paths) {
    const auto day = dayOf(o.date);
    if (!day) {
        return fail(kExitBadInput, "--date must be YYYY-MM-DD");
    }
    auto config = loadConfigOrReport(paths);
    if (!config) {
        return kExitFailure;
    }
    if (!config->siteServer.url.empty()) {
        return siteStatus(*config, *day);
    }
    auto journal = openJournalOrReport(paths);
    if (!journal) {
        return kExitFailure;
    }
    auto queue = journal->visits().queueStatus(*day);
    if (!queue) {
        return fail(kExitFailure, queue.error().message);
    }
    nlohmann::json stages = nlohmann::json::object();
    for (int s = 0; s < kStageCount; ++s) {
        stages[std::string(toString(Stage(s)))] = queue->byStage[std::size_t(s)];
    }
    nlohmann::json desks = nlohmann::json::object();
    for (const auto& load : queue->waitingByDesk) {
        desks[std::string(1, load.desk)] = load.waiting;
    }
    nlohmann::json next = nlohmann::json::array();
    for (const auto& entry : queue->nextUp) {
        next.push_back({{"visit", entry.visitId}, {"queue_number", entry.number.label()}});
    }
    printJson({{"date", *day}, {"stages", stages}, {"waiting_by_desk", desks}, {"next", next}});
    return kExitOk;
}

// The site's numbers are called at the site: two consoles calling at once never call the same
// person, and the call screens hear of it.
int siteCall(const KioskConfig& config, const QueueOptions& o, const LocalTime& at) {
    auto link = SiteLink::open(config);
    if (!link) {
        return fail(kExitFailure, link.error().message);
    }
    auto called = (*link)->with([&](PgConnection& conn) {
        return SiteQueue(conn, (*link)->device())
            .callNext(at.date.iso(), o.desk[0], o.count, at.unixMs);
    });
    if (!called) {
        return fail(kExitFailure,
                    "site server: " + called.error().message +
                        " (numbers are called at the site; try again when it is back)");
    }
    nlohmann::json out = nlohmann::json::array();
    for (const CalledNumber& c : *called) {
        out.push_back(
            {{"queue_number", c.number.label()}, {"person", c.maskedId}, {"calls", c.calls}});
    }
    printJson({{"scope", "site"}, {"desk", o.desk}, {"called", out}});
    return kExitOk;
}

// Recall (重呼) or skip (过号) a number the site called.
int siteMark(const QueueOptions& o, const Paths& paths, bool recall) {
    const auto at = atOrNow(o.at);
    if (!at) {
        return fail(kExitBadInput, "--at must be 'YYYY-MM-DD HH:MM'");
    }
    const auto number = QueueNumber::parse(o.number);
    if (!number) {
        return fail(kExitBadInput, "a queue number is a desk letter and digits, e.g. A007");
    }
    auto config = loadConfigOrReport(paths);
    if (!config) {
        return kExitFailure;
    }
    auto link = SiteLink::open(*config);
    if (!link) {
        return fail(kExitFailure, link.error().message);
    }
    if (!*link) {
        return fail(kExitFailure, "recall and skip are the site server's: no [site_server]");
    }
    auto marked = (*link)->with([&](PgConnection& conn) {
        SiteQueue queue(conn, (*link)->device());
        return recall ? queue.recall(at->date.iso(), *number, at->unixMs)
                      : queue.skip(at->date.iso(), *number, at->unixMs);
    });
    if (!marked) {
        return fail(marked.error().sqlstate.empty() ? kExitFailure : kExitBadInput,
                    "site server: " + marked.error().message);
    }
    printJson({{"queue_number", marked->number.label()},
               {"state", std::string(toString(marked->state))},
               {"calls", marked->calls}});
    return kExitOk;
}

int call(const QueueOptions& o, const Paths& paths) {
    const auto at = atOrNow(o.at);
    if (!at) {
        return fail(kExitBadInput, "--at must be 'YYYY-MM-DD HH:MM'");
    }
    if (o.desk.size() != 1 || o.desk[0] < 'A' || o.desk[0] > 'Z') {
        return fail(kExitBadInput, "--desk must be one letter, e.g. A");
    }
    if (o.count < 1 || o.count > 100) {
        return fail(kExitBadInput, "--count must be between 1 and 100");
    }
    auto config = loadConfigOrReport(paths);
    if (!config) {
        return kExitFailure;
    }
    if (!config->siteServer.url.empty()) {
        return siteCall(*config, o, *at);
    }
    auto journal = openJournalOrReport(paths);
    if (!journal) {
        return kExitFailure;
    }
    auto called = journal->visits().callNext(at->date.iso(), o.desk[0], o.count, at->unixMs);
    if (!called) {
        return fail(kExitFailure, called.error().message);
    }
    nlohmann::json out = nlohmann::json::array();
    for (const auto& state : *called) {
        out.push_back(toJson(state));
    }
    printJson({{"desk", o.desk}, {"called", out}});
    return kExitOk;
}

int advance(const QueueOptions& o, const Paths& paths) {
    const auto at = atOrNow(o.at);
    if (!at) {
        return fail(kExitBadInput, "--at must be 'YYYY-MM-DD HH:MM'");
    }
    const auto stage = stageFromString(o.stage);
    if (!stage) {
        return fail(kExitBadInput, "unknown stage '" + o.stage +
                                       "': registered, vaccinated, observing, exited, "
                                       "deferred, left_early, adverse_reaction, waiting");
    }
    auto journal = openJournalOrReport(paths);
    if (!journal) {
        return kExitFailure;
    }
    auto state = journal->visits().advance(o.visit, *stage, at->unixMs);
    if (!state) {
        // The journal refuses what the flow does not allow: the request was bad input.
        return fail(kExitBadInput, state.error().message);
    }
    printJson(toJson(*state));
    return kExitOk;
}

}  // namespace

void addQueueCommands(CLI::App& app, const Paths& paths, int& exitStatus) {
    auto o = std::make_shared<QueueOptions>();
    CLI::App* queue = app.add_subcommand("queue", "Queue status, calling, moving visits on");
    queue->require_subcommand(1);

    CLI::App* st = queue->add_subcommand(
        "status", "Counts per stage and who waits where (the site's desks with a [site_server])");
    st->add_option("--date", o->date, "Day, YYYY-MM-DD (default today)");
    st->callback([o, &paths, &exitStatus] { exitStatus = status(*o, paths); });

    CLI::App* cl = queue->add_subcommand(
        "call", "Call the next people to a desk (at the site server when there is one)");
    cl->add_option("--desk", o->desk, "Desk letter (default A)");
    cl->add_option("--count", o->count, "How many to call (default 1)");
    cl->add_option("--at", o->at, "Local time 'YYYY-MM-DD HH:MM' (default now)");
    cl->callback([o, &paths, &exitStatus] { exitStatus = call(*o, paths); });

    for (const bool recall : {true, false}) {
        CLI::App* mark =
            queue->add_subcommand(recall ? "recall" : "skip",
                                  recall ? "Call a called or missed number again (site server)"
                                         : "Mark a called number as missed (site server)");
        mark->add_option("number", o->number, "Queue number, e.g. A007")->required();
        mark->add_option("--at", o->at, "Local time 'YYYY-MM-DD HH:MM' (default now)");
        mark->callback(
            [o, &paths, &exitStatus, recall] { exitStatus = siteMark(*o, paths, recall); });
    }

    CLI::App* adv = queue->add_subcommand("advance", "Move a visit to its next stage");
    adv->add_option("visit", o->visit, "Visit number")->required();
    adv->add_option("stage", o->stage, "Stage to move to")->required();
    adv->add_option("--at", o->at, "Local time 'YYYY-MM-DD HH:MM' (default now)");
    adv->callback([o, &paths, &exitStatus] { exitStatus = advance(*o, paths); });
}

}  // namespace vax::cli
