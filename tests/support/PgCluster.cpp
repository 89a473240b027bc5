#include "support/PgCluster.h"

#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace vax::test {

namespace fs = std::filesystem;

namespace {

std::string g_whyUnavailable;
bool g_installed = false;

void runHere(const std::string& command) {
    if (std::system(command.c_str()) != 0) {
        throw std::runtime_error("command failed: " + command);
    }
}

int freeLoopbackPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
        port = ntohs(addr.sin_port);
    }
    ::close(fd);
    return port;
}

fs::path serverBinaries() {
    for (const char* dir : {"/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin"}) {
        if (fs::exists(fs::path(dir) / "initdb") && fs::exists(fs::path(dir) / "pg_ctl")) {
            return dir;
        }
    }
    return {};
}

struct Owner {
    std::unique_ptr<PgCluster> cluster;
};

}  // namespace

PgCluster* PgCluster::shared() {
    static Owner owner = [] {
        Owner o;
        const fs::path bin = serverBinaries();
        if (bin.empty()) {
            g_whyUnavailable =
                "PostgreSQL server binaries not found (apt-get install postgresql-15)";
            return o;
        }
        g_installed = true;
        std::unique_ptr<PgCluster> c(new PgCluster);
        c->m_bin = bin;
        c->m_asPostgres = ::geteuid() == 0;
        char pattern[] = "/tmp/vaxpg-XXXXXX";
        if (::mkdtemp(pattern) == nullptr) {
            g_whyUnavailable = "cannot make a temp folder for PostgreSQL";
            return o;
        }
        c->m_dir = pattern;
        try {
            if (c->m_asPostgres) {
                if (::getpwnam("postgres") == nullptr) {
                    throw std::runtime_error("running as root and there is no postgres user");
                }
                runHere("chown postgres:postgres " + c->m_dir.string());
            }
            c->run(c->m_bin.string() + "/initdb -D " + (c->m_dir / "data").string() +
                   " -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >" +
                   (c->m_dir / "initdb.log").string() + " 2>&1");
            c->m_port = freeLoopbackPort();
            std::ofstream conf(c->m_dir / "data" / "postgresql.conf", std::ios::app);
            // fsync off: the tests' server may die (pg_ctl -m immediate) but its machine
            // does not, so what the kernel holds survives. synchronous_commit stays on: an
            // asynchronous commit would be lost by exactly that kill.
            conf << "listen_addresses = '127.0.0.1'\nport = " << c->m_port
                 << "\nunix_socket_directories = '" << c->m_dir.string()
                 << "'\nfsync = off\nfull_page_writes = off\n"
                    "max_connections = 200\n";
            conf.close();
            c->start();
        } catch (const std::exception& e) {
            g_whyUnavailable = std::string("PostgreSQL test cluster did not start: ") + e.what();
            return o;
        }
        o.cluster = std::move(c);
        return o;
    }();
    return owner.cluster.get();
}

bool PgCluster::installed() {
    shared();
    return g_installed;
}

const std::string& PgCluster::whyUnavailable() {
    return g_whyUnavailable;
}

PgCluster::~PgCluster() {
    try {
        run(m_bin.string() + "/pg_ctl -D " + (m_dir / "data").string() +
            " -m immediate stop >/dev/null 2>&1 || true");
    } catch (...) {
    }
    std::error_code ignored;
    fs::remove_all(m_dir, ignored);
}

void PgCluster::run(const std::string& command) const {
    const std::string line =
        m_asPostgres ? "runuser -u postgres -- sh -c '" + command + "'" : command;
    if (std::system(line.c_str()) != 0) {
        throw std::runtime_error("command failed: " + command);
    }
}

std::string PgCluster::uri(const std::string& database, const std::string& user) const {
    return "postgresql://" + user + "@127.0.0.1:" + std::to_string(m_port) + "/" + database;
}

std::string PgCluster::createDatabase(const std::string& prefix) {
    const std::string name =
        prefix + "_" + std::to_string(::getpid()) + "_" + std::to_string(++m_databases);
    psql("postgres", "CREATE DATABASE " + name);
    return name;
}

void PgCluster::psql(const std::string& database, const std::string& sql) const {
    const fs::path file = m_dir / ("psql-" + std::to_string(m_databases) + ".sql");
    std::ofstream(file) << sql << "\n";
    if (m_asPostgres) {
        runHere("chown postgres " + file.string());
    }
    run(m_bin.string() + "/psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p " +
        std::to_string(m_port) + " -U postgres -d " + database + " -f " + file.string() +
        " >/dev/null");
}

void PgCluster::killImmediately() {
    run(m_bin.string() + "/pg_ctl -D " + (m_dir / "data").string() +
        " -m immediate stop >/dev/null 2>&1");
}

void PgCluster::start() {
    run(m_bin.string() + "/pg_ctl -D " + (m_dir / "data").string() + " -l " +
        (m_dir / "server.log").string() + " -w -t 30 start >/dev/null 2>&1");
}

void PgCluster::reload() {
    run(m_bin.string() + "/pg_ctl -D " + (m_dir / "data").string() + " -m fast -w restart -l " +
        (m_dir / "server.log").string() + " >/dev/null 2>&1");
}

void PgCluster::enableTls(const fs::path& cert, const fs::path& key) {
    const fs::path data = m_dir / "data";
    fs::copy_file(cert, data / "server.crt", fs::copy_options::overwrite_existing);
    fs::copy_file(key, data / "server.key", fs::copy_options::overwrite_existing);
    fs::permissions(data / "server.key", fs::perms::owner_read | fs::perms::owner_write);
    if (m_asPostgres) {
        runHere("chown postgres " + (data / "server.crt").string() + " " +
                (data / "server.key").string());
    }
    std::ofstream(data / "postgresql.conf", std::ios::app)
        << "ssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\n";
    reload();
}

void PgCluster::requirePasswords() {
    const fs::path data = m_dir / "data";
    std::ofstream(data / "pg_hba.conf", std::ios::trunc)
        << "local all all trust\n"
           "host all postgres 127.0.0.1/32 trust\n"
           "host all all 127.0.0.1/32 scram-sha-256\n";
    if (m_asPostgres) {
        runHere("chown postgres " + (data / "pg_hba.conf").string());
    }
    reload();
}

}  // namespace vax::test
