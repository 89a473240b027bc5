// vaxctl: the kiosk's libraries from a shell, for scripts, tests and support.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/CliContext.h"
#include "cli/Commands.h"

int main(int argc, char** argv) {
    using namespace vax::cli;
    Paths paths = Paths::defaults();
    int status = kExitOk;

    CLI::App app{"vaxctl - VaxKiosk command line"};
    app.require_subcommand(1);
    app.fallthrough();  // --db and --config may stand after the subcommand too
    app.add_option("--db", paths.db, "SQLite database (default $VAXKIOSK_DB)");
    app.add_option("--config", paths.config, "Kiosk TOML file (default $VAXKIOSK_CONFIG)");

    addCheckInCommand(app, paths, status);
    addOverrideCommand(app, paths, status);
    addQueueCommands(app, paths, status);
    addReportCommand(app, paths, status);
    addScanCommand(app, paths, status);
    addKeysCommands(app, paths, status);
    addVisitCommand(app, paths, status);
    addDemoMediaCommand(app, status);
    addTicketCommands(app, paths, status);
    addStationCommands(app, paths, status);
    addPrintCommand(app, status);
    addReprintCommand(app, paths, status);
    addDevicesCommands(app, paths, status);
    addNetworkCommands(app, paths, status);
    addStaffCommands(app, paths, status);
    addSiteCommands(app, paths, status);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "vaxctl: " << e.what() << " (see vaxctl --help)\n";
        return kExitBadInput;
    } catch (const std::exception& e) {
        std::cerr << "vaxctl: " << e.what() << "\n";
        return kExitFailure;
    }
    return status;
}
