#pragma once

#include <QtQml/qqmlregistration.h>
#include <QDateTime>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QVariantList>

#include "WallTypes.h"

namespace vax::app {

/// What a wall screen (call screen or observation board) shows: the last snapshot its
/// worker read from the site server, on the UI thread. A call screen with a voice speaks
/// each new call once (espeak-ng), one sentence after the other.
class WallScreen : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The application creates the wall screen")
    Q_PROPERTY(bool online READ online NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
    Q_PROPERTY(QDateTime updated READ updated NOTIFY changed)
    Q_PROPERTY(QVariantList desks READ desks NOTIFY changed)
    Q_PROPERTY(QVariantList people READ people NOTIFY changed)
    Q_PROPERTY(int overdueCount READ overdueCount NOTIFY changed)
    Q_PROPERTY(int reactionCount READ reactionCount NOTIFY changed)

public:
    /// `voice` empty: silent; else the espeak-ng voice ("cmn") of spoken calls.
    explicit WallScreen(QString voice, QObject* parent = nullptr);

    bool online() const { return m_shot.online; }
    QString error() const { return m_shot.error; }
    QDateTime updated() const;
    QVariantList desks() const;
    QVariantList people() const;
    int overdueCount() const;
    int reactionCount() const;
    /// The last 50 sentences announced (tests see them; the voice may be absent).
    const QStringList& spoken() const { return m_spoken; }

public Q_SLOTS:
    void apply(const vax::app::WallSnapshot& shot);

Q_SIGNALS:
    void changed();
    /// A new call to speak (also without a voice: tests and logs see it).
    void announced(const QString& sentence);

private:
    void speakNext();

    QString m_voice;
    WallSnapshot m_shot;
    QProcess m_speaker;
    QStringList m_queue;
    QStringList m_spoken;
};

}  // namespace vax::app
