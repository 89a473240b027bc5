#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "core/Result.h"
#include "net/HttpClient.h"
#include "net/UploadRecord.h"

namespace vax {

/// Where and how records go upstream.
struct UploaderOptions {
    std::string baseUrl;  ///< the records service, e.g. "https://records.example"
    TlsOptions tls;
    std::chrono::milliseconds connectTimeout{2000};
    /// A batch of a few hundred records takes longer than an interactive call.
    std::chrono::milliseconds totalTimeout{15000};
};

/// What became of one record.
struct RecordResult {
    std::int64_t outboxId = 0;
    bool delivered = false;  ///< stored upstream (or already there); false: refused for good
    bool duplicate = false;  ///< the upstream had it already (an earlier attempt got through)
    std::string reason;      ///< why it was refused
};

/// Sends records to the upstream: immunizations as FHIR transaction Bundles, other events to
/// the events API. Delivery is at least once; the upstream dedupes by each record's key, so
/// a batch is resent safely. Not thread-safe: one uploader per worker.
class RecordUploader {
public:
    RecordUploader(UploaderOptions options, UploadContext context);

    /// Sends one batch of records of one kind, in order. Every record gets a result; a record
    /// the upstream refuses (400, 413, 422) is found by halving the batch and is refused alone,
    /// the others are delivered. An error (network, 5xx, a malformed answer, or a refusal of
    /// the kiosk itself such as 401/403/404) means nothing is known: the batch stays pending.
    Result<std::vector<RecordResult>, HttpError> upload(const std::vector<UploadRecord>& batch);

    /// Aborts a transfer in progress (from another thread), e.g. at shutdown.
    void cancel() { m_client.cancel(); }

private:
    Result<std::vector<RecordResult>, HttpError> send(const std::vector<UploadRecord>& batch);
    Result<std::vector<RecordResult>, HttpError> parse(const std::vector<UploadRecord>& batch,
                                                       const HttpResponse& response) const;

    UploaderOptions m_options;
    UploadContext m_context;
    HttpClient m_client;
};

}  // namespace vax
