#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Result.h"
#include "net/RecordUploader.h"

namespace vax {

/// The outbox as the drain sees it (the store implements it over its outbox table).
class OutboxQueue {
public:
    virtual ~OutboxQueue() = default;
    /// The oldest pending records, in upload order, including those the queue could not make
    /// into records (UploadRecord::unusable set), in their place.
    virtual Result<std::vector<UploadRecord>> pending(int limit) = 0;
    virtual Status delivered(const std::vector<std::int64_t>& ids) = 0;
    /// A failed attempt: the records stay pending, in place.
    virtual Status failed(const std::vector<std::int64_t>& ids, const std::string& error) = 0;
    /// Refused for good: kept aside with the reason, never dropped.
    virtual Status refused(std::int64_t id, const std::string& reason) = 0;
};

struct DrainOptions {
    int batchSize = 250;  ///< records per request
    int maxBatches = 0;   ///< 0: until the queue is empty or an error stops it
};

/// What one drain did.
struct DrainSummary {
    std::int64_t delivered = 0;
    std::int64_t duplicates = 0;  ///< of delivered: the upstream had them already
    std::int64_t refused = 0;     ///< by the upstream, or unusable records set aside
    int requests = 0;
    std::optional<HttpError> stoppedBy;     ///< the error that left records pending
    std::optional<std::string> storeError;  ///< the outbox itself failed
    std::chrono::milliseconds elapsed{0};
};

/// Sends pending records oldest first until the queue is empty. Records go in runs of one
/// kind in upload order, so every visit's records arrive in the order they were written.
/// The first failed request stops the drain (what follows would overtake it); refused
/// records, and unusable ones when the drain reaches them, are set aside and the drain goes
/// on.
DrainSummary drainOutbox(OutboxQueue& queue, RecordUploader& uploader, DrainOptions options = {});

}  // namespace vax
