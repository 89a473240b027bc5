#include "WallScreen.h"

#include <QSet>

namespace vax::app {

WallScreen::WallScreen(QString voice, QObject* parent)
    : QObject(parent), m_voice(std::move(voice)) {
    connect(&m_speaker, &QProcess::finished, this, &WallScreen::speakNext);
    connect(&m_speaker, &QProcess::errorOccurred, this, [this](QProcess::ProcessError) {
        if (m_speaker.state() == QProcess::NotRunning) {
            speakNext();
        }
    });
}

QDateTime WallScreen::updated() const {
    return m_shot.readAtMs > 0 ? QDateTime::fromMSecsSinceEpoch(m_shot.readAtMs) : QDateTime();
}

QVariantList WallScreen::desks() const {
    QVariantList out;
    for (const CallDeskView& d : m_shot.desks) {
        out.push_back(QVariant::fromValue(d));
    }
    return out;
}

QVariantList WallScreen::people() const {
    QVariantList out;
    for (const BoardPersonView& p : m_shot.people) {
        out.push_back(QVariant::fromValue(p));
    }
    return out;
}

int WallScreen::overdueCount() const {
    return int(std::count_if(m_shot.people.begin(), m_shot.people.end(),
                             [](const BoardPersonView& p) { return p.overdue; }));
}

int WallScreen::reactionCount() const {
    return int(std::count_if(m_shot.people.begin(), m_shot.people.end(),
                             [](const BoardPersonView& p) { return p.reaction; }));
}

void WallScreen::apply(const WallSnapshot& shot) {
    // An offline read keeps what was shown, marked as not current: the hall still sees the
    // last calls rather than an empty screen.
    WallSnapshot next = shot;
    if (!shot.online) {
        next.desks = m_shot.desks;
        next.people = m_shot.people;
        next.readAtMs = m_shot.readAtMs;
    }
    if (shot.online) {
        // A desk speaks when its called numbers or recalls changed since the last read.
        for (const CallDeskView& desk : shot.desks) {
            const auto before =
                std::find_if(m_shot.desks.begin(), m_shot.desks.end(),
                             [&](const CallDeskView& d) { return d.desk == desk.desk; });
            const bool isNew = before == m_shot.desks.end() ? !desk.called.isEmpty()
                                                            : (before->called != desk.called ||
                                                               before->recalled != desk.recalled) &&
                                                                  !desk.called.isEmpty();
            if (isNew) {
                // The last calls only: a call screen runs all day.
                if (m_spoken.size() >= 50) {
                    m_spoken.removeFirst();
                }
                m_spoken.push_back(desk.sentenceZh);
                Q_EMIT announced(desk.sentenceZh);
                if (!m_voice.isEmpty()) {
                    m_queue.push_back(desk.spokenZh);
                }
            }
        }
    }
    m_shot = std::move(next);
    Q_EMIT changed();
    if (m_speaker.state() == QProcess::NotRunning) {
        speakNext();
    }
}

void WallScreen::speakNext() {
    if (m_queue.isEmpty() || m_voice.isEmpty()) {
        return;
    }
    const QString sentence = m_queue.takeFirst();
    m_speaker.start(QStringLiteral("espeak-ng"), {QStringLiteral("-v"), m_voice, sentence});
}

}  // namespace vax::app
