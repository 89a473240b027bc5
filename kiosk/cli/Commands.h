#pragma once

#include <CLI/CLI.hpp>

#include "cli/CliContext.h"
#include "ops/Slips.h"
#include "ops/TicketPrinting.h"

namespace vax::cli {

// Each adds its subcommand to `app`; when it runs, its exit status lands in `status`.
// `paths` is filled by the global options before any callback runs.
void addCheckInCommand(CLI::App& app, const Paths& paths, int& status);
void addOverrideCommand(CLI::App& app, const Paths& paths, int& status);
void addQueueCommands(CLI::App& app, const Paths& paths, int& status);
void addReportCommand(CLI::App& app, const Paths& paths, int& status);
void addScanCommand(CLI::App& app, const Paths& paths, int& status);
void addKeysCommands(CLI::App& app, const Paths& paths, int& status);
void addVisitCommand(CLI::App& app, const Paths& paths, int& status);
void addDemoMediaCommand(CLI::App& app, int& status);
void addTicketCommands(CLI::App& app, const Paths& paths, int& status);
void addStationCommands(CLI::App& app, const Paths& paths, int& status);
void addPrintCommand(CLI::App& app, int& status);
void addReprintCommand(CLI::App& app, const Paths& paths, int& status);
void addDevicesCommands(CLI::App& app, const Paths& paths, int& status);
void addNetworkCommands(CLI::App& app, const Paths& paths, int& status);
void addStaffCommands(CLI::App& app, const Paths& paths, int& status);
void addSiteCommands(CLI::App& app, const Paths& paths, int& status);

}  // namespace vax::cli
