// vaxupstream: the reference upstream server for tests and the demo (docs/upstream-api.md).
#include <pthread.h>
#include <signal.h>
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>

#include "tools/vaxupstream/UpstreamServer.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitBadInput = 2;

bool isLoopback(const std::string& host) {
    return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

/// Writes the port through a temporary file and a rename, so a script polling for the file
/// never reads it half written.
bool writePortFile(const std::filesystem::path& path, int port) {
    const std::filesystem::path temporary = path.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << port << "\n";
        if (!out.flush()) {
            return false;
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    return !ec;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace vax::upstream;
    UpstreamOptions options;
    std::filesystem::path portFile;
    int latencyMs = 0;

    CLI::App app{"vaxupstream - reference upstream server (health codes, FHIR R4, events)"};
    app.add_option("--db", options.database, "SQLite file for codes and records")->required();
    app.add_option("--host", options.host, "Address to bind")->capture_default_str();
    app.add_option("--port", options.port, "Port to bind, 0 for an ephemeral one")
        ->capture_default_str()
        ->check(CLI::Range(0, 65535));
    auto* cert = app.add_option("--tls-cert", options.tlsCert, "PEM certificate (HTTPS)")
                     ->check(CLI::ExistingFile);
    auto* key =
        app.add_option("--tls-key", options.tlsKey, "PEM private key")->check(CLI::ExistingFile);
    cert->needs(key);
    key->needs(cert);
    app.add_option("--seed", options.seedFile, "JSON file {\"codes\": [...]} of health codes")
        ->check(CLI::ExistingFile);
    app.add_option("--port-file", portFile, "Write the bound port to this file");
    app.add_option("--latency-ms", latencyMs, "Delay every API request by this much")
        ->check(CLI::Range(0, 600000));

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "vaxupstream: " << e.what() << " (see vaxupstream --help)\n";
        return kExitBadInput;
    }

    if (!isLoopback(options.host)) {
        std::cerr << "vaxupstream: warning: binding to " << options.host
                  << " exposes a test server with open admin endpoints and no authentication"
                     " beyond this machine\n";
    }

    // Block the stop signals before any thread exists, so every thread inherits the mask and
    // only sigwait() below sees them: the shutdown then runs on the main thread, not inside
    // a signal handler.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    std::string error;
    auto server = UpstreamServer::create(options, error);
    if (!server) {
        std::cerr << "vaxupstream: " << error << "\n";
        return kExitFailure;
    }
    Faults faults;
    faults.latencyMs = latencyMs;
    server->setFaults(faults);
    if (!server->start(&error)) {
        std::cerr << "vaxupstream: " << error << "\n";
        return kExitFailure;
    }
    if (!portFile.empty() && !writePortFile(portFile, server->port())) {
        std::cerr << "vaxupstream: cannot write " << portFile.string() << "\n";
        server->stop();
        return kExitFailure;
    }
    std::cout << "vaxupstream: listening on " << server->baseUrl() << std::endl;

    int signal = 0;
    sigwait(&stopSignals, &signal);
    std::cout << "vaxupstream: stopping (signal " << signal << ")" << std::endl;
    server->stop();
    return kExitOk;
}
