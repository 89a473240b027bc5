#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Queue.h"
#include "site/Pg.h"

namespace vax {

/// This device as the site server knows it.
struct SiteDevice {
    std::string siteId;
    std::string deviceId;
    std::string role;  ///< "entry", "station", "exit", "console", "board", "callboard"
};

/// An entry kiosk asks the site for a queue number.
struct NumberRequest {
    std::string day;         ///< local date, YYYY-MM-DD
    std::string personHash;  ///< the keyed hash of the ID number, hex
    std::string maskedId;
    std::vector<Desk> desks{'A', 'B'};  ///< registration desks open today
    std::int64_t atMs = 0;
    std::optional<int> age;    ///< for the site's report (age bands); never the birth date
    std::string campaignStep;  ///< empty: none
};

/// The number the site gave.
struct IssuedNumber {
    QueueNumber number;
    /// The person already held an open visit of the day (from any kiosk): its number came
    /// back instead of a new one.
    bool returned = false;
    std::string issuedBy;  ///< the device that first gave the number
    int peopleAhead = 0;   ///< waiting or called before this number at its desk
};

/// Where a number's call stands on the site.
enum class CallState {
    Waiting,
    Called,
    Recalled,
    Skipped,
    Registered,
    Vaccinated,
    Left,
    Cancelled
};

std::string_view toString(CallState state);
std::optional<CallState> callStateFromString(std::string_view text);

/// A number as the call screens and consoles see it.
struct CalledNumber {
    QueueNumber number;
    std::string maskedId;
    CallState state = CallState::Called;
    std::int64_t calledAtMs = 0;
    int calls = 0;  ///< 1 for the first call, more after recalls
};

/// One desk on the call screen.
struct DeskBoard {
    Desk desk = 'A';
    std::vector<CalledNumber> called;  ///< called or recalled, not yet registered, in order
    int waiting = 0;
    std::vector<QueueNumber> skipped;
};

/// Numbers set aside for one device to give while it cannot reach the site.
struct NumberBlock {
    std::string day;
    Desk desk = 'A';
    int first = 0;
    int last = 0;
};

/// What a call screen shows.
struct CallBoard {
    std::string day;
    std::vector<DeskBoard> desks;
};

/// The channel the site server notifies calls on (payload: site, day, desk, kind).
inline constexpr std::string_view kCallsChannel = "vax_calls";

/// The site's queue: numbers per day and desk, calls, recalls and skips, over one
/// connection. Each call is one transaction; two devices asking at once get different
/// numbers and call different people.
class SiteQueue {
public:
    SiteQueue(PgConnection& conn, SiteDevice device) : m_conn(conn), m_device(std::move(device)) {}

    /// The person's open number of the day, or the next number at the desk with the fewest
    /// waiting. Never the same number twice, whatever number of kiosks ask at once.
    Result<IssuedNumber, PgError> issue(const NumberRequest& request);
    /// Calls the next `count` waiting numbers of `desk` (notifying the call screens).
    Result<std::vector<CalledNumber>, PgError> callNext(const std::string& day, Desk desk,
                                                        int count, std::int64_t atMs);
    /// Calls a called or skipped number again (重呼).
    Result<CalledNumber, PgError> recall(const std::string& day, QueueNumber number,
                                         std::int64_t atMs);
    /// Marks a called number as not present (过号); a recall brings it back.
    Result<CalledNumber, PgError> skip(const std::string& day, QueueNumber number,
                                       std::int64_t atMs);
    /// Moves a number on once its person reached the desk, the station or the exit.
    Result<Unit, PgError> advance(const std::string& day, QueueNumber number, CallState to,
                                  std::int64_t atMs);
    /// Takes the next `size` numbers of the day at `desk` for this device alone: no kiosk and
    /// no other block will give them.
    Result<NumberBlock, PgError> reserveBlock(const std::string& day, Desk desk, int size,
                                              std::int64_t atMs);
    /// The call screen's state for the day, desks in `desks` order.
    Result<CallBoard, PgError> board(const std::string& day, const std::vector<Desk>& desks);

private:
    Result<CalledNumber, PgError> changeCall(const std::string& day, QueueNumber number,
                                             CallState to, std::string_view from,
                                             std::int64_t atMs);
    Result<Unit, PgError> notifyCall(const std::string& day, Desk desk, std::string_view kind);

    PgConnection& m_conn;
    SiteDevice m_device;
};

}  // namespace vax
