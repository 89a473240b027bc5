#pragma once

#include <filesystem>
#include <memory>
#include <string>

namespace vax::test {

/// A throwaway PostgreSQL 15 cluster on loopback for the tests of one process: initdb into a
/// temp folder, pg_ctl start on a free port (as the postgres user when run as root, since
/// initdb refuses root). Stopped and removed at exit.
class PgCluster {
public:
    /// The process's cluster, started on first use; nullptr (and `whyUnavailable()` says
    /// why) when PostgreSQL's server binaries are not installed or it would not start.
    static PgCluster* shared();
    static const std::string& whyUnavailable();
    /// PostgreSQL's server binaries are there: a cluster that does not start is a failure,
    /// not a reason to skip.
    static bool installed();

    ~PgCluster();
    PgCluster(const PgCluster&) = delete;
    PgCluster& operator=(const PgCluster&) = delete;

    int port() const { return m_port; }
    /// "postgresql://USER@127.0.0.1:PORT/DB".
    std::string uri(const std::string& database, const std::string& user = "postgres") const;
    /// A new empty database owned by the superuser; its name is unique in this process.
    std::string createDatabase(const std::string& prefix = "site");
    /// Runs SQL as the superuser with psql; throws on failure.
    void psql(const std::string& database, const std::string& sql) const;

    /// pg_ctl stop -m immediate: the server dies as in a power cut, connections drop.
    void killImmediately();
    /// Starts it again on the same port and data; waits until it accepts connections.
    void start();
    /// Turns TLS on with this key pair (restarts the server).
    void enableTls(const std::filesystem::path& cert, const std::filesystem::path& key);

    /// Host connections need a password (scram-sha-256) instead of trust, for roles but the
    /// superuser; restarts the server's configuration.
    void requirePasswords();

private:
    PgCluster() = default;
    void run(const std::string& command) const;
    void reload();

    std::filesystem::path m_dir;
    std::filesystem::path m_bin;
    int m_port = 0;
    int m_databases = 0;
    bool m_asPostgres = false;
};

}  // namespace vax::test
