#include "net/OutboxDrain.h"

namespace vax {

DrainSummary drainOutbox(OutboxQueue& queue, RecordUploader& uploader, DrainOptions options) {
    DrainSummary summary;
    const auto start = std::chrono::steady_clock::now();
    auto finish = [&] {
        summary.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - start);
        return summary;
    };
    for (int batches = 0; options.maxBatches == 0 || batches < options.maxBatches; ++batches) {
        auto pending = queue.pending(options.batchSize);
        if (!pending) {
            summary.storeError = pending.error().message;
            return finish();
        }
        if (pending->empty()) {
            return finish();
        }
        // Runs of one kind, in order: a run is one request. An unusable record ends a run and
        // is set aside in its place, so one bad row never holds up the rows behind it.
        std::size_t begin = 0;
        while (begin < pending->size()) {
            if (const UploadRecord& first = (*pending)[begin]; !first.unusable.empty()) {
                if (auto st = queue.refused(first.outboxId, first.unusable); !st) {
                    summary.storeError = st.error().message;
                    return finish();
                }
                ++summary.refused;
                ++begin;
                continue;
            }
            std::size_t end = begin + 1;
            while (end < pending->size() && (*pending)[end].kind == (*pending)[begin].kind &&
                   (*pending)[end].unusable.empty()) {
                ++end;
            }
            const std::vector<UploadRecord> run(pending->begin() + std::ptrdiff_t(begin),
                                                pending->begin() + std::ptrdiff_t(end));
            ++summary.requests;
            auto results = uploader.upload(run);
            if (!results) {
                std::vector<std::int64_t> ids;
                for (const UploadRecord& r : run) {
                    ids.push_back(r.outboxId);
                }
                if (auto st = queue.failed(ids, results.error().message); !st) {
                    summary.storeError = st.error().message;
                }
                summary.stoppedBy = results.error();
                return finish();
            }
            std::vector<std::int64_t> delivered;
            for (const RecordResult& r : *results) {
                if (r.delivered) {
                    delivered.push_back(r.outboxId);
                    summary.duplicates += r.duplicate ? 1 : 0;
                } else if (auto st = queue.refused(r.outboxId, r.reason); !st) {
                    summary.storeError = st.error().message;
                    return finish();
                } else {
                    ++summary.refused;
                }
            }
            if (auto st = queue.delivered(delivered); !st) {
                summary.storeError = st.error().message;
                return finish();
            }
            summary.delivered += std::int64_t(delivered.size());
            begin = end;
        }
    }
    return finish();
}

}  // namespace vax
