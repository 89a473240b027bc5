#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "config/KioskConfig.h"
#include "core/Policy.h"
#include "site/SiteClient.h"
#include "site/SiteReplay.h"
#include "store/Sqlite.h"

namespace vax {

/// What a push of the journal to the site did.
struct SiteSyncResult {
    int stored = 0;                ///< entries new to the site
    int duplicates = 0;            ///< entries it held already (a push cut and started again)
    int conflicts = 0;             ///< alarms the new entries raised
    std::int64_t replayedSeq = 0;  ///< the newest entry the site now holds from this device
    std::int64_t journalSeq = 0;   ///< the newest entry of this journal
};

/// The site server as a device's flows use it. The journal is written first and stays the
/// record; the site is asked only what the whole site decides (numbers, codes) and is fed the
/// journal afterwards. One link a worker thread: it holds one connection.
class SiteLink {
public:
    /// The link `[site_server]` names; nullptr when none is configured (a device alone). An
    /// error when the password file cannot be read.
    static Result<std::unique_ptr<SiteLink>> open(const KioskConfig& config);

    SiteLink(SiteClient client, Policy catalogue)
        : m_client(std::move(client)), m_catalogue(std::move(catalogue)) {}

    SiteClient& client() { return m_client; }
    const SiteDevice& device() const { return m_client.device(); }

    /// Runs `work(PgConnection&)` on the open connection. When the site cannot be reached or
    /// the connection drops, the error comes back and the client waits before trying again.
    template <class Work>
    auto with(Work&& work) -> decltype(work(std::declval<PgConnection&>())) {
        auto conn = m_client.connection();
        if (!conn) {
            return conn.error();
        }
        auto result = work(**conn);
        if (!result) {
            m_client.failed(result.error());
        }
        return result;
    }

    /// Sends what the site does not hold of the journal in `journalDb`, oldest first, in
    /// pushes of up to `chunk` entries, each one transaction.
    Result<SiteSyncResult, PgError> sync(Database& journalDb, std::int64_t nowMs, int chunk = 2000);

private:
    SiteClient m_client;
    Policy m_catalogue;  ///< for the doses a pack holds, which a replayed binding claims
};

}  // namespace vax
