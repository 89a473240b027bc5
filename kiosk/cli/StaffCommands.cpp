// vaxctl staff: who may open the staff console, and the PIN hashes for the config.
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <iostream>

#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "ops/StaffAccess.h"

namespace vax::cli {

namespace {

// One line from stdin, not echoed on a terminal: a PIN must never sit in argv, the shell's
// history or the scrollback.
std::optional<std::string> readSecretLine() {
    const bool terminal = ::isatty(STDIN_FILENO) == 1;
    termios saved{};
    if (terminal && ::tcgetattr(STDIN_FILENO, &saved) == 0) {
        std::cerr << "PIN (4 to 8 digits): " << std::flush;
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::string line;
    const bool got = bool(std::getline(std::cin, line));
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::cerr << "\n";
    }
    if (!got) {
        return std::nullopt;
    }
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    return line;
}

int hashPinCommand() {
    auto pin = readSecretLine();
    if (!pin) {
        return fail(kExitBadInput, "no PIN on standard input (one line, 4 to 8 digits)");
    }
    const Status format = checkPinFormat(*pin);
    auto hash = format ? hashPin(*pin) : Result<std::string>(format.error());
    std::fill(pin->begin(), pin->end(), '\0');
    if (!format) {
        return fail(kExitBadInput, format.error().message);
    }
    if (!hash) {
        return fail(kExitFailure, hash.error().message);
    }
    printJson({{"pin_hash", *hash}});
    return kExitOk;
}

int list(const Paths& paths) {
    auto config = loadConfigOrReport(paths);
    if (!config) {
        return kExitFailure;
    }
    nlohmann::json staff = nlohmann::json::array();
    for (const StaffMember& m : config->staff) {
        staff.push_back({{"id", m.id}, {"name", m.name}});  // never the hash
    }
    printJson({{"staff", staff}});
    return kExitOk;
}

}  // namespace

void addStaffCommands(CLI::App& app, const Paths& paths, int& status) {
    CLI::App* staff = app.add_subcommand("staff", "Staff console access");
    staff->require_subcommand(1);
    staff->add_subcommand("hash-pin", "Hash a PIN read from standard input for [[staff]] pin_hash")
        ->callback([&status] { status = hashPinCommand(); });
    staff->add_subcommand("list", "The staff members of the config (ids and names)")
        ->callback([&paths, &status] { status = list(paths); });
}

}  // namespace vax::cli
