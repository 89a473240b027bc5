#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "store/SiteKeys.h"

namespace vax::cli {

namespace {

int init(const Paths& paths) {
    auto config = loadConfigOrReport(paths);
    if (!config) {
        return kExitFailure;
    }
    const auto& path = config->site.keyFile;
    if (std::filesystem::exists(path)) {
        return fail(kExitBadInput,
                    "site key file " + path.string() + " exists already; it is never overwritten");
    }
    if (auto st = SiteKeys::generate().saveNew(path); !st) {
        return fail(kExitFailure, st.error().message);
    }
    printJson({{"key_file", path.string()}, {"created", true}});
    return kExitOk;
}

}  // namespace

void addKeysCommands(CLI::App& app, const Paths& paths, int& status) {
    CLI::App* keys = app.add_subcommand("keys", "The site's secret keys");
    keys->require_subcommand(1);
    keys->add_subcommand("init", "Create the site key file named in the config (mode 0600)")
        ->callback([&paths, &status] { status = init(paths); });
}

}  // namespace vax::cli
