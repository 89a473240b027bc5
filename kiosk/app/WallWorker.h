#pragma once

#include <QObject>
#include <QTimer>
#include <atomic>
#include <memory>

#include "WallTypes.h"
#include "config/KioskConfig.h"

namespace vax {
class CallBoardFeed;
class SiteLink;
}  // namespace vax

namespace vax::app {

/// Reads what a wall screen shows from the site server, on its own thread. The call screen
/// LISTENs for calls (CallBoardFeed: a call reaches it within a second, and it reads the
/// board again after every reconnect); the observation board reads the site's board every
/// `boardPollMs` (its countdowns run on the screen between reads).
class WallWorker : public QObject {
    Q_OBJECT

public:
    explicit WallWorker(KioskConfig config, int boardPollMs = 5000);
    ~WallWorker() override;

    /// Lets a wait in progress end and no new one start; any thread, before the thread quits.
    void stop() { m_stopped = true; }

public Q_SLOTS:
    /// Starts reading (on the worker's thread).
    void start();

Q_SIGNALS:
    void snapshot(const vax::app::WallSnapshot& snapshot);

private:
    void readCalls();
    void readBoard();

    KioskConfig m_config;
    int m_boardPollMs;
    std::unique_ptr<CallBoardFeed> m_calls;
    std::unique_ptr<SiteLink> m_link;
    QTimer* m_timer = nullptr;
    std::atomic<bool> m_stopped{false};
    bool m_wasOnline = false;
};

}  // namespace vax::app
