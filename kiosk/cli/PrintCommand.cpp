// vaxctl print --test: a test ticket through the whole printing path.
#include <memory>

#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "ops/StationDesk.h"

namespace vax::cli {

namespace {

struct PrintOptions {
    bool test = false;
    std::string to;
    std::string profile = "generic-80-native-qr";
};

int run(const PrintOptions& o) {
    if (!o.test) {
        return fail(kExitBadInput, "only --test is supported: tickets print from their commands");
    }
    const LocalTime at = now();
    nlohmann::json out{{"to", o.to}, {"profile", o.profile}};
    addPrintOutcome(
        out, printTicket(o.to, o.profile, "test-" + std::to_string(at.unixMs),
                         testTicketDocument(o.profile, localTimeText(at.unixMs), "VK1:TEST")));
    printJson(out);
    return out["printed"] ? kExitOk : kExitFailure;
}

struct ReprintOptions {
    std::int64_t visit = 0;
    std::string to;
    std::string profile = "generic-80-native-qr";
};

// The dose ticket again, from the record: the same signed text and ticket id, marked reprint.
int reprint(const ReprintOptions& o, const Paths& paths) {
    auto config = loadConfigOrReport(paths);
    if (!config) {
        return kExitFailure;
    }
    auto journal = openJournalOrReport(paths);
    if (!journal) {
        return kExitFailure;
    }
    auto view = reprintView(*config, *journal, o.visit);
    if (!view) {
        return fail(kExitBadInput, view.error().message);
    }
    nlohmann::json out{{"visit", o.visit}, {"reprint", true}, {"ticket", view->qrText}};
    addPrintOutcome(out, printTicket(o.to, o.profile, "dose-" + std::to_string(o.visit),
                                     doseTicketDocument(*view)));
    printJson(out);
    return out["printed"] ? kExitOk : kExitFailure;
}

}  // namespace

void addReprintCommand(CLI::App& app, const Paths& paths, int& status) {
    auto o = std::make_shared<ReprintOptions>();
    CLI::App* cmd = app.add_subcommand("reprint", "Print a visit's dose ticket again (REPRINT)");
    cmd->add_option("visit", o->visit, "Visit number")->required();
    cmd->add_option("--to", o->to, "file:DEV, tcp://HOST:9100, cups:QUEUE, png:DIR, pdf:DIR")
        ->required();
    cmd->add_option("--profile", o->profile, "Printer profile (default generic-80-native-qr)");
    cmd->callback([o, &paths, &status] { status = reprint(*o, paths); });
}

void addPrintCommand(CLI::App& app, int& status) {
    auto o = std::make_shared<PrintOptions>();
    CLI::App* cmd = app.add_subcommand("print", "Printer check");
    cmd->add_flag("--test", o->test, "Print a test ticket");
    cmd->add_option("--to", o->to, "file:DEV, tcp://HOST:9100, cups:QUEUE, png:DIR, pdf:DIR")
        ->required();
    cmd->add_option("--profile", o->profile, "Printer profile (default generic-80-native-qr)");
    cmd->callback([o, &status] { status = run(*o); });
}

}  // namespace vax::cli
