#include "site/SiteBindings.h"

#include <optional>

namespace vax {

namespace {

constexpr int kClaimAttempts = 8;

}  // namespace

Result<std::vector<SiteEarlierBinding>, PgError> SiteBindings::usesOf(
    const std::string& traceCode) {
    auto rows = m_conn.exec(
        "SELECT device_id, station, bound_ms, masked_id, desk, number FROM bindings"
        " WHERE site_id = $1 AND trace_code = $2 ORDER BY use_number",
        pgParams(m_device.siteId, traceCode));
    if (!rows) {
        return rows.error();
    }
    std::vector<SiteEarlierBinding> uses;
    for (int row = 0; row < rows->rows(); ++row) {
        uses.push_back({std::string(rows->text(row, 0)), std::string(rows->text(row, 1)),
                        rows->int64(row, 2), std::string(rows->text(row, 3)),
                        QueueNumber{rows->text(row, 4)[0], int(rows->int64(row, 5))}});
    }
    return uses;
}

Result<CodeClaim, PgError> SiteBindings::claim(const CodeClaimRequest& r) {
    // Claims of one code wait for each other (a lock on the code, not on the table), so eight
    // stations sharing a multi-dose pack take turns instead of retrying; the constraint, not
    // the lock, is what keeps a pack from giving more doses than it holds.
    std::optional<PgTransaction> tx;
    if (!m_conn.inTransaction()) {
        auto begun = PgTransaction::begin(m_conn);
        if (!begun) {
            return begun.error();
        }
        tx.emplace(std::move(*begun));
    }
    auto locked = m_conn.exec("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
                              pgParams(m_device.siteId + "\n" + r.traceCode));
    if (!locked) {
        return locked.error();
    }
    auto claimed = claimLocked(r);
    if (claimed && tx) {
        if (auto st = tx->commit(); !st) {
            return st.error();
        }
    }
    return claimed;
}

Result<CodeClaim, PgError> SiteBindings::claimLocked(const CodeClaimRequest& r) {
    const std::string& site = m_device.siteId;
    const std::string desk(1, r.number.desk);
    for (int attempt = 1;; ++attempt) {
        CodeClaim claim;
        // A retried claim of the same visit gets its use back instead of a second one.
        auto mine = m_conn.exec(
            "SELECT use_number, doses_in_pack FROM bindings WHERE site_id = $1 AND"
            " trace_code = $2 AND day = $3 AND desk = $4 AND number = $5",
            pgParams(site, r.traceCode, r.day, desk, r.number.number));
        if (!mine) {
            return mine.error();
        }
        if (mine->rows() > 0) {
            claim.granted = true;
            claim.again = true;
            claim.useNumber = int(mine->int64(0, 0));
            claim.dosesInPack = int(mine->int64(0, 1));
            return claim;
        }
        auto used = m_conn.exec(
            "SELECT coalesce(max(use_number), 0), coalesce(min(doses_in_pack), $3)"
            " FROM bindings WHERE site_id = $1 AND trace_code = $2",
            pgParams(site, r.traceCode, r.dosesInPack));
        if (!used) {
            return used.error();
        }
        claim.useNumber = int(used->int64(0, 0)) + 1;
        claim.dosesInPack = int(used->int64(0, 1));
        auto inserted = withSavepoint(m_conn, [&] {
            return m_conn.exec(
                "INSERT INTO bindings (site_id, trace_code, use_number, doses_in_pack, day, desk,"
                " number, masked_id, person_hash, product_code, dose_number, device_id, station,"
                " bound_ms, observation_ends_ms, confirmed, age, campaign_step)"
                " SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,"
                " coalesce($17::smallint, q.age), coalesce(nullif($18, ''), q.campaign_step)"
                " FROM (SELECT 1) one LEFT JOIN queue_entries q ON q.site_id = $1 AND q.day = $5"
                " AND q.desk = $6 AND q.number = $7"
                " ON CONFLICT (site_id, trace_code, use_number) DO NOTHING RETURNING use_number",
                pgParams(site, r.traceCode, claim.useNumber, claim.dosesInPack, r.day, desk,
                         r.number.number, r.maskedId, r.personHash, r.productCode, r.doseNumber,
                         m_device.deviceId, r.station, r.atMs, r.observationEndsAtMs, r.confirmed,
                         r.age, r.campaignStep));
        });
        const bool full = !inserted && inserted.error().sqlstate == "23514";
        if (!inserted && !full) {
            // The same visit claimed at this moment by a second station (retry: it is ours).
            if (inserted.error().sqlstate == "23505" && attempt < kClaimAttempts) {
                continue;
            }
            return inserted.error();
        }
        if (!full && inserted->rows() == 0) {
            // Another station took this use first: try the next one, the CHECK stops us at
            // the pack's count.
            if (attempt < kClaimAttempts) {
                continue;
            }
            return PgError{"site server: trace code claim did not settle"};
        }
        if (full) {
            auto earlier = usesOf(r.traceCode);
            if (!earlier) {
                return earlier.error();
            }
            claim.granted = false;
            claim.useNumber = 0;
            claim.earlier = std::move(*earlier);
            return claim;
        }
        claim.granted = true;
        // The number's person was vaccinated: off the call screens.
        (void)m_conn.exec(
            "UPDATE queue_entries SET state = 'vaccinated', updated_ms = $5 WHERE site_id = $1"
            " AND day = $2 AND desk = $3 AND number = $4 AND state <> 'vaccinated'",
            pgParams(site, r.day, desk, r.number.number, r.atMs));
        return claim;
    }
}

}  // namespace vax
