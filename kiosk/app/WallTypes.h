#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace vax::app {

// Values the wall screens' worker passes to the UI thread: queue numbers and masked IDs
// only, never an ID number.

/// One desk on the call screen (叫号屏).
struct CallDeskView {
    Q_GADGET
    Q_PROPERTY(QString desk MEMBER desk)
    Q_PROPERTY(QString called MEMBER called)
    Q_PROPERTY(QString sentenceZh MEMBER sentenceZh)
    Q_PROPERTY(QString sentenceEn MEMBER sentenceEn)
    Q_PROPERTY(int waiting MEMBER waiting)
    Q_PROPERTY(QStringList recalled MEMBER recalled)
    Q_PROPERTY(QString skipped MEMBER skipped)

public:
    QString desk;        ///< "A"
    QString called;      ///< "A001–A010", the numbers called now
    QString sentenceZh;  ///< "请 A001–A010 到 A 登记台"
    QString sentenceEn;
    QString spokenZh;  ///< for the speech synthesizer
    int waiting = 0;
    QStringList recalled;  ///< called again (重呼): shown highlighted
    QString skipped;       ///< "A004、A006" (过号)
    bool operator==(const CallDeskView&) const = default;
};

/// One person on the observation board (留观屏).
struct BoardPersonView {
    Q_GADGET
    Q_PROPERTY(QString number MEMBER number)
    Q_PROPERTY(QString maskedId MEMBER maskedId)
    Q_PROPERTY(QString station MEMBER station)
    Q_PROPERTY(qint64 endsAtMs MEMBER endsAtMs)
    Q_PROPERTY(bool reaction MEMBER reaction)
    Q_PROPERTY(bool overdue MEMBER overdue)
    Q_PROPERTY(bool confirmed MEMBER confirmed)

public:
    QString number;  ///< "A007"
    QString maskedId;
    QString station;
    qint64 endsAtMs = 0;  ///< the countdown runs to it on the screen
    bool reaction = false;
    bool overdue = false;
    bool confirmed = true;  ///< false: bound offline, not yet checked by the site
};

/// What a wall screen shows, as read from the site server.
struct WallSnapshot {
    bool online = false;
    QString error;  ///< why not online (English, for the technician)
    qint64 readAtMs = 0;
    QList<CallDeskView> desks;      ///< callboard
    QList<BoardPersonView> people;  ///< board
};

}  // namespace vax::app

Q_DECLARE_METATYPE(vax::app::CallDeskView)
Q_DECLARE_METATYPE(vax::app::BoardPersonView)
Q_DECLARE_METATYPE(vax::app::WallSnapshot)
