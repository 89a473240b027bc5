#include <memory>

#include "cli/Commands.h"
#include "cli/JsonOutput.h"

namespace vax::cli {

namespace {

struct QueueOptions {
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

int status(const QueueOptions& o, const Paths& paths) {
    const auto day = dayOf(o.date);
    if (!day) {
        return fail(kExitBadInput, "--date must be YYYY-MM-DD");
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

    CLI::App* st = queue->add_subcommand("status", "Counts per stage and who waits where");
    st->add_option("--date", o->date, "Day, YYYY-MM-DD (default today)");
    st->callback([o, &paths, &exitStatus] { exitStatus = status(*o, paths); });

    CLI::App* cl = queue->add_subcommand("call", "Call the next people to a desk");
    cl->add_option("--desk", o->desk, "Desk letter (default A)");
    cl->add_option("--count", o->count, "How many to call (default 1)");
    cl->add_option("--at", o->at, "Local time 'YYYY-MM-DD HH:MM' (default now)");
    cl->callback([o, &paths, &exitStatus] { exitStatus = call(*o, paths); });

    CLI::App* adv = queue->add_subcommand("advance", "Move a visit to its next stage");
    adv->add_option("visit", o->visit, "Visit number")->required();
    adv->add_option("stage", o->stage, "Stage to move to")->required();
    adv->add_option("--at", o->at, "Local time 'YYYY-MM-DD HH:MM' (default now)");
    adv->callback([o, &paths, &exitStatus] { exitStatus = advance(*o, paths); });
}

}  // namespace vax::cli
