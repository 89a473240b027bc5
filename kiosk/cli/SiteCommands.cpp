// vaxctl site init | status | sync | conflicts: the site server from the command line.
#include <memory>

#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "ops/SiteLink.h"
#include "ops/SiteNumbers.h"
#include "site/SiteClient.h"
#include "site/SiteReplay.h"
#include "site/SiteSchema.h"

namespace vax::cli {

namespace {

using nlohmann::json;

struct InitOptions {
    std::string url;
    std::string sslmode = "prefer";
    std::string deviceRole = "vaxdevice";
};

// `site init` runs with the owner's rights, usually over the server's local socket: its URL
// is given on the command line; otherwise the config's [site_server].
Result<PgSettings> initSettings(const InitOptions& o, const Paths& paths) {
    if (!o.url.empty()) {
        PgSettings s;
        s.uri = o.url;
        s.sslmode = o.sslmode;
        s.connectTimeoutMs = 5000;
        s.applicationName = "vaxctl site init";
        return s;
    }
    auto config = loadKioskConfig(paths.config);
    if (!config) {
        return config.error();
    }
    if (config->siteServer.url.empty()) {
        return Error{paths.config.string() + " has no [site_server]: give --url"};
    }
    return siteSettingsFrom(config->siteServer);
}

int init(const InitOptions& o, const Paths& paths) {
    auto settings = initSettings(o, paths);
    if (!settings) {
        return fail(kExitFailure, settings.error().message);
    }
    auto conn = PgConnection::connect(*settings);
    if (!conn) {
        return fail(kExitFailure, conn.error().message);
    }
    auto before = migrateSiteSchema(*conn, o.deviceRole);
    if (!before && before.error().sqlstate == "42501") {
        return fail(kExitFailure, before.error().message +
                                      ": site init needs the database owner's rights (give"
                                      " --url as the owner, e.g. over the server's socket)");
    }
    if (!before) {
        return fail(kExitFailure, before.error().message);
    }
    printJson({{"schema_version_before", *before},
               {"schema_version", siteSchemaVersion()},
               {"device_role", o.deviceRole.empty() ? json() : json(o.deviceRole)}});
    return kExitOk;
}

int status(const Paths& paths) {
    auto config = loadConfigOrReport(paths);
    if (!config) {
        return kExitFailure;
    }
    if (config->siteServer.url.empty()) {
        printJson({{"configured", false}, {"reachable", false}});
        return kExitOk;
    }
    auto settings = siteSettingsFrom(config->siteServer);
    if (!settings) {
        return fail(kExitFailure, settings.error().message);
    }
    SiteClient client(*settings, siteDeviceFrom(*config));
    json out{{"configured", true}, {"device", client.device().deviceId}};
    auto conn = client.connection();
    if (!conn) {
        out["reachable"] = false;
        out["error"] = conn.error().message;
        printJson(out);
        return kExitFailure;
    }
    out["reachable"] = true;
    out["schema_version"] = siteSchemaVersion();
    SiteReplay replay(**conn, client.device());
    auto devices = replay.devices();
    if (!devices) {
        return fail(kExitFailure, devices.error().message);
    }
    json list = json::array();
    for (const DeviceLag& d : *devices) {
        list.push_back({{"device", d.deviceId},
                        {"role", d.role},
                        {"last_seen_ms", d.lastSeenMs},
                        {"journal_seq", d.journalSeq},
                        {"replayed_seq", d.replayedSeq},
                        {"behind", d.behind()}});
    }
    out["devices"] = list;
    auto conflicts =
        (*conn)->exec("SELECT count(*) FROM conflicts WHERE site_id = $1 AND resolved_ms IS NULL",
                      pgParams(client.device().siteId));
    if (!conflicts) {
        return fail(kExitFailure, conflicts.error().message);
    }
    out["open_conflicts"] = conflicts->int64(0, 0);
    printJson(out);
    return kExitOk;
}

// The config and its site link, or why not (printed; nullopt then).
struct SiteCommandContext {
    KioskConfig config;
    std::unique_ptr<SiteLink> link;
};

std::optional<SiteCommandContext> openSiteOrReport(const Paths& paths) {
    auto config = loadConfigOrReport(paths);
    if (!config) {
        return std::nullopt;
    }
    auto link = SiteLink::open(*config);
    if (!link) {
        fail(kExitFailure, link.error().message);
        return std::nullopt;
    }
    if (!*link) {
        fail(kExitFailure, paths.config.string() + " has no [site_server]");
        return std::nullopt;
    }
    return SiteCommandContext{std::move(*config), std::move(*link)};
}

int sync(const Paths& paths) {
    auto site = openSiteOrReport(paths);
    if (!site) {
        return kExitFailure;
    }
    const KioskConfig& config = site->config;
    SiteLink& link = *site->link;
    auto journal = openJournalOrReport(paths);
    if (!journal) {
        return kExitFailure;
    }
    const LocalTime at = now();
    auto pushed = link.sync(journal->database(), at.unixMs);
    if (!pushed) {
        return fail(kExitFailure, "site sync: " + pushed.error().message);
    }
    json out{{"device", link.device().deviceId},  {"stored", pushed->stored},
             {"duplicates", pushed->duplicates},  {"conflicts", pushed->conflicts},
             {"journal_seq", pushed->journalSeq}, {"replayed_seq", pushed->replayedSeq}};
    if (config.site.role == Role::Entry) {
        // An entry kiosk leaves with its numbers for the next outage, as its pump does.
        auto topped = topUpOfflineNumbers(link, journal->database(), at.date.iso(), {'A', 'B'},
                                          config.siteServer.offlineNumbers, at.unixMs);
        if (!topped) {
            return fail(kExitFailure, "site sync: offline numbers: " + topped.error().message);
        }
        out["offline_numbers_reserved"] = *topped;
    }
    printJson(out);
    return kExitOk;
}

int conflicts(const Paths& paths) {
    auto site = openSiteOrReport(paths);
    if (!site) {
        return kExitFailure;
    }
    SiteLink& link = *site->link;
    auto open = link.with(
        [&](PgConnection& conn) { return SiteReplay(conn, link.device()).openConflicts(); });
    if (!open) {
        return fail(kExitFailure, "site conflicts: " + open.error().message);
    }
    json list = json::array();
    for (const SiteConflict& c : *open) {
        list.push_back({{"id", c.id},
                        {"kind", c.kind},
                        {"subject", c.subject},
                        {"found_ms", c.foundAtMs},
                        {"detail", json::parse(c.detail, nullptr, false)}});
    }
    printJson({{"open", list.size()}, {"conflicts", list}});
    return kExitOk;
}

}  // namespace

void addSiteCommands(CLI::App& app, const Paths& paths, int& status) {
    CLI::App* site = app.add_subcommand("site", "The site server (PostgreSQL)");
    site->require_subcommand(1);

    auto initOptions = std::make_shared<InitOptions>();
    CLI::App* initCmd = site->add_subcommand(
        "init", "Create or migrate the site schema and grant the device role its rights");
    initCmd->add_option("--url", initOptions->url,
                        "libpq URI with the owner's rights (default: the config's url)");
    initCmd->add_option("--sslmode", initOptions->sslmode, "libpq sslmode with --url")
        ->capture_default_str();
    initCmd
        ->add_option("--device-role", initOptions->deviceRole,
                     "Existing role the devices log in as; \"\" grants nothing")
        ->capture_default_str();
    initCmd->callback([initOptions, &paths, &status] { status = init(*initOptions, paths); });

    site->add_subcommand("status", "Reachable, schema, each device's upload lag, conflicts")
        ->callback([&paths, &status] { status = cli::status(paths); });
    site->add_subcommand("sync", "Push the journal entries the site server does not hold yet")
        ->callback([&paths, &status] { status = sync(paths); });
    site->add_subcommand("conflicts",
                         "The site's open alarms: a code or a number given twice offline")
        ->callback([&paths, &status] { status = conflicts(paths); });
}

}  // namespace vax::cli
