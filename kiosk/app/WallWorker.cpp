#include "WallWorker.h"

#include "LocalClock.h"
#include "SlotGuard.h"
#include "core/CallText.h"
#include "ops/SiteLink.h"
#include "site/CallBoardFeed.h"
#include "site/SiteBoard.h"

namespace vax::app {

namespace {

// Each wait for a notification is this long at most, so stop() ends the thread promptly.
constexpr int kListenSliceMs = 250;

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

QString label(const QueueNumber& n) {
    return qs(n.label());
}

CallDeskView viewOf(const DeskBoard& desk) {
    std::vector<QueueNumber> called;
    CallDeskView view;
    view.desk = QString(QLatin1Char(desk.desk));
    for (const CalledNumber& c : desk.called) {
        called.push_back(c.number);
        if (c.state == CallState::Recalled) {
            view.recalled.push_back(label(c.number));
        }
    }
    const CallSentence sentence = callSentence(desk.desk, called);
    view.called = qs(calledRanges(called, "、"));
    view.sentenceZh = qs(sentence.zh);
    view.sentenceEn = qs(sentence.en);
    view.spokenZh = qs(sentence.spokenZh);
    view.waiting = desk.waiting;
    view.skipped = qs(calledRanges(desk.skipped, "、"));
    return view;
}

}  // namespace

WallWorker::WallWorker(KioskConfig config, int boardPollMs)
    : m_config(std::move(config)), m_boardPollMs(boardPollMs) {}

WallWorker::~WallWorker() = default;

void WallWorker::start() {
    m_timer = new QTimer(this);
    WallSnapshot failed;
    auto settings = siteSettingsFrom(m_config.siteServer);
    if (!settings) {
        failed.error = qs(settings.error().message);
        Q_EMIT snapshot(failed);
        return;
    }
    if (m_config.site.role == Role::Callboard) {
        m_calls = std::make_unique<CallBoardFeed>(*settings, siteDeviceFrom(m_config),
                                                  std::vector<Desk>{'A', 'B'},
                                                  [] { return localNow().date.iso(); });
        // Back to back: each read waits for a notification at most one slice.
        m_timer->setInterval(0);
        connect(m_timer, &QTimer::timeout, this, &WallWorker::readCalls);
    } else {
        m_link = std::make_unique<SiteLink>(SiteClient(*settings, siteDeviceFrom(m_config)),
                                            m_config.policy);
        m_timer->setInterval(m_boardPollMs);
        connect(m_timer, &QTimer::timeout, this, &WallWorker::readBoard);
        readBoard();
    }
    m_timer->start();
}

void WallWorker::readCalls() {
    if (m_stopped) {
        m_timer->stop();
        return;
    }
    runGuarded(
        "readCalls",
        [&] {
            auto next = m_calls->next(kListenSliceMs);
            const qint64 now = localNow().unixMs;
            if (!next) {
                // Offline: say so once, then wait a connect timeout's worth between tries.
                if (m_wasOnline || m_timer->interval() == 0) {
                    Q_EMIT snapshot({false, qs(next.error().message), now, {}, {}});
                }
                m_wasOnline = false;
                m_timer->setInterval(2000);
                return;
            }
            m_timer->setInterval(0);
            if (!*next) {
                return;  // nothing changed
            }
            m_wasOnline = true;
            WallSnapshot shot{true, {}, now, {}, {}};
            for (const DeskBoard& desk : (*next)->desks) {
                shot.desks.push_back(viewOf(desk));
            }
            Q_EMIT snapshot(shot);
        },
        [&](const QString& why) {
            Q_EMIT snapshot({false, why, localNow().unixMs, {}, {}});
        });
}

void WallWorker::readBoard() {
    if (m_stopped) {
        m_timer->stop();
        return;
    }
    runGuarded(
        "readBoard",
        [&] {
            const LocalMoment now = localNow();
            auto people = m_link->with([&](PgConnection& conn) {
                return SiteBoard(conn, m_link->device()).inObservation(now.date.iso(), now.unixMs);
            });
            WallSnapshot shot{bool(people), {}, now.unixMs, {}, {}};
            if (!people) {
                shot.error = qs(people.error().message);
            } else {
                for (const BoardEntry& e : *people) {
                    shot.people.push_back({label(e.number), qs(e.maskedId), qs(e.station),
                                           e.observationEndsAtMs, e.reaction, e.overdue,
                                           e.confirmed});
                }
            }
            Q_EMIT snapshot(shot);
        },
        [&](const QString& why) {
            Q_EMIT snapshot({false, why, localNow().unixMs, {}, {}});
        });
}

}  // namespace vax::app
