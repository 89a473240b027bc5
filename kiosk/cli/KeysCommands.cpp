#include <fstream>
#include <iostream>
#include <memory>
#include "cli/Commands.h"
#include "cli/JsonOutput.h"

#include "crypto/SiteKeys.h"
#include "crypto/TrustList.h"

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

int rotate(const Paths& paths) {
    auto config = loadConfigOrReport(paths);
    if (!config) {
        return kExitFailure;
    }
    auto keys = SiteKeys::load(config->site.keyFile);
    if (!keys) {
        return fail(kExitFailure, keys.error().message);
    }
    keys->rotateSigning();
    if (auto st = keys->replace(config->site.keyFile); !st) {
        return fail(kExitFailure, st.error().message);
    }
    printJson({{"key_file", config->site.keyFile.string()},
               {"signing_key", keys->signing->id},
               {"previous_key", keys->previousSigning ? nlohmann::json(keys->previousSigning->id)
                                                      : nlohmann::json()}});
    return kExitOk;
}

int exportPublic(const std::string& out, const Paths& paths) {
    auto config = loadConfigOrReport(paths);
    if (!config) {
        return kExitFailure;
    }
    auto keys = SiteKeys::load(config->site.keyFile);
    if (!keys) {
        return fail(kExitFailure, keys.error().message);
    }
    const std::string text = TrustList::fromSiteKeys(*keys, config->site.id).serialize();
    if (out.empty()) {
        std::cout << text;
        return kExitOk;
    }
    std::ofstream file(out);
    if (!(file << text) || !file.flush()) {
        return fail(kExitFailure, "cannot write " + out);
    }
    return kExitOk;
}

}  // namespace

void addKeysCommands(CLI::App& app, const Paths& paths, int& status) {
    CLI::App* keys = app.add_subcommand("keys", "The site's secret keys");
    keys->require_subcommand(1);
    keys->add_subcommand("init", "Create the site key file named in the config (mode 0600)")
        ->callback([&paths, &status] { status = init(paths); });
    keys->add_subcommand("rotate", "New signing key; the current one stays trusted as the previous")
        ->callback([&paths, &status] { status = rotate(paths); });
    auto out = std::make_shared<std::string>();
    CLI::App* exp =
        keys->add_subcommand("export-public", "Trust list for exit and station devices");
    exp->add_option("--out", *out, "File to write (default: stdout)");
    exp->callback([out, &paths, &status] { status = exportPublic(*out, paths); });
}

}  // namespace vax::cli
