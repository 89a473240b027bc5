#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>
#include <QTranslator>

class QQmlEngine;

namespace vax::app {

/// The screens' language: Chinese by default, English on request. Switching reloads the
/// translation and retranslates every qsTr() on screen at once.
class Language : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The application creates the language switch")
    Q_PROPERTY(QString code READ code WRITE setCode NOTIFY codeChanged)

public:
    explicit Language(QObject* parent = nullptr);

    /// The engine whose texts are retranslated; set before the first switch.
    void setEngine(QQmlEngine* engine) { m_engine = engine; }

    /// "zh" or "en".
    QString code() const { return m_code; }
    /// Switches to "zh" or "en"; anything else is ignored.
    void setCode(const QString& code);
    /// Switches between Chinese and English.
    Q_INVOKABLE void toggle();
    /// Back to the default (Chinese), as for the next person.
    Q_INVOKABLE void reset() { setCode(QStringLiteral("zh")); }

Q_SIGNALS:
    void codeChanged();

private:
    void install();

    QQmlEngine* m_engine = nullptr;
    QTranslator m_translator;
    QString m_code = QStringLiteral("zh");
};

}  // namespace vax::app
