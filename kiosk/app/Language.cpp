#include "Language.h"

#include <QCoreApplication>
#include <QQmlEngine>

namespace vax::app {

Language::Language(QObject* parent) : QObject(parent) {
    install();
}

void Language::setCode(const QString& code) {
    if (code == m_code || (code != QLatin1String("zh") && code != QLatin1String("en"))) {
        return;
    }
    m_code = code;
    install();
    Q_EMIT codeChanged();
}

void Language::toggle() {
    setCode(m_code == QLatin1String("zh") ? QStringLiteral("en") : QStringLiteral("zh"));
}

void Language::install() {
    QCoreApplication::removeTranslator(&m_translator);
    const QString file = m_code == QLatin1String("zh") ? QStringLiteral("vaxkiosk_zh_CN")
                                                       : QStringLiteral("vaxkiosk_en");
    // The .qm files are compiled into the binary (qt_add_translations).
    if (m_translator.load(file, QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(&m_translator);
    } else {
        qWarning("vaxkiosk: translation %s missing", qPrintable(file));
    }
    if (m_engine) {
        m_engine->retranslate();
    }
}

}  // namespace vax::app
