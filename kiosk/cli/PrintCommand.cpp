// vaxctl print --test: a test ticket through the whole printing path.
#include <memory>

#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "cli/Printing.h"

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
    printTicket(o.to, o.profile, "test-" + std::to_string(at.unixMs),
                testTicketDocument(o.profile, localTimeText(at.unixMs), "VK1:TEST"), out);
    printJson(out);
    return out["printed"] ? kExitOk : kExitFailure;
}

}  // namespace

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
