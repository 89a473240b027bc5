import QtQuick
import QtQuick.Layouts
import VaxKiosk

// The staff status strip: network, uploads, the site server (when there is one), printer, thermometer, camera, clock and the age
// of the trust list. Each item is a mark (✓ ! ✕ –), a name and a word, so it reads without
// colour; the colour only repeats what the mark says.
Rectangle {
    id: strip
    required property StatusBoard status

    // One line where it fits, more on a narrow screen.
    implicitHeight: items.implicitHeight + Math.round(4 * Theme.mm)
    color: Theme.staffSurface

    // One item: tone is "ok", "warn", "bad" or "off" (not configured, not known yet).
    component StatusItem: RowLayout {
        id: item
        property string name
        property string word
        property string tone: "off"
        spacing: Math.round(1.5 * Theme.mm)

        Rectangle {
            implicitWidth: Math.round(6 * Theme.mm)
            implicitHeight: implicitWidth
            radius: width / 2
            color: item.tone === "ok" ? Theme.ok
                 : item.tone === "warn" ? Theme.warn
                 : item.tone === "bad" ? Theme.bad : Theme.disabled
            Text {
                anchors.centerIn: parent
                font.pixelSize: Math.round(4 * Theme.mm)
                font.bold: true
                color: item.tone === "warn" ? Theme.ink : Theme.onDark
                text: item.tone === "ok" ? "✓" : item.tone === "warn" ? "!"
                    : item.tone === "bad" ? "✕" : "–"
            }
        }
        Text {
            font.pixelSize: Theme.px(3.6)
            color: Theme.inkSoft
            text: item.name
        }
        Text {
            font.pixelSize: Theme.px(3.6)
            font.bold: true
            color: Theme.ink
            text: item.word
        }
    }

    function deviceTone(state) {
        switch (state) {
        case "ok": return "ok"
        case "degraded": case "paper_low": return "warn"
        case "missing": return "bad"
        default: return "off"
        }
    }

    function deviceWord(state) {
        switch (state) {
        case "ok": return qsTr("OK")
        case "paper_low": return qsTr("Paper low")
        case "degraded": return qsTr("Check")
        case "missing": return qsTr("Not working")
        case "none": return qsTr("None")
        default: return qsTr("Not known yet")
        }
    }

    Flow {
        id: items
        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; leftMargin: 3 * Theme.mm; rightMargin: 3 * Theme.mm }
        spacing: Math.round(4 * Theme.mm)

        StatusItem {
            objectName: "statusNetwork"
            name: qsTr("Network")
            tone: {
                switch (strip.status.networkState) {
                case "online": return "ok"
                case "offline": return "bad"
                default: return "off"
                }
            }
            word: {
                switch (strip.status.networkState) {
                case "online": return qsTr("Online")
                case "offline": return qsTr("Offline")
                case "none": return qsTr("Not set up")
                default: return qsTr("Not known yet")
                }
            }
        }
        StatusItem {
            objectName: "statusOutbox"
            name: qsTr("Uploads")
            tone: strip.status.outboxRefused > 0 ? "bad"
                : strip.status.outboxPending > 0 && !strip.status.networkOnline ? "warn" : "ok"
            // Refused records wait for staff; those still waiting are counted beside them.
            word: strip.status.outboxRefused > 0 && strip.status.outboxPending > 0
                  ? qsTr("%1 refused, %2 waiting").arg(strip.status.outboxRefused)
                                                  .arg(strip.status.outboxPending)
                : strip.status.outboxRefused > 0 ? qsTr("%1 refused").arg(strip.status.outboxRefused)
                : strip.status.outboxPending > 0 ? qsTr("%1 waiting").arg(strip.status.outboxPending)
                : qsTr("All sent")
        }
        StatusItem {
            objectName: "statusSite"
            visible: strip.status.siteState !== "none"
            name: qsTr("Site server")
            // An open alarm (a code or a number given twice) is for staff to act on.
            tone: strip.status.siteConflicts > 0 ? "bad"
                : strip.status.siteState === "online" ? (strip.status.siteBehind > 0 ? "warn" : "ok")
                : strip.status.siteState === "offline" ? "warn" : "off"
            word: strip.status.siteConflicts > 0 ? qsTr("%1 alarm(s)").arg(strip.status.siteConflicts)
                : strip.status.siteState === "online"
                  ? (strip.status.siteBehind > 0 ? qsTr("%1 to send").arg(strip.status.siteBehind)
                                                 : qsTr("Online"))
                : strip.status.siteState === "offline" ? qsTr("Offline: working alone")
                : qsTr("Not known yet")
        }
        StatusItem {
            objectName: "statusPrinter"
            name: qsTr("Printer")
            tone: strip.deviceTone(strip.status.printerState)
            word: strip.deviceWord(strip.status.printerState)
        }
        StatusItem {
            objectName: "statusThermometer"
            name: qsTr("Thermometer")
            tone: strip.deviceTone(strip.status.thermometerState)
            word: strip.deviceWord(strip.status.thermometerState)
        }
        StatusItem {
            objectName: "statusCamera"
            name: qsTr("Camera")
            tone: strip.deviceTone(strip.status.cameraState)
            word: strip.deviceWord(strip.status.cameraState)
        }
        StatusItem {
            objectName: "statusClock"
            name: qsTr("Clock")
            tone: strip.status.clockSynced ? "ok" : "warn"
            word: strip.status.clockSynced ? qsTr("Synced") : qsTr("Not synced")
        }
        StatusItem {
            objectName: "statusTrust"
            name: qsTr("Trust list")
            // Older than a week: the site should have fetched fresh keys by now.
            tone: strip.status.trustAgeHours < 0 ? "off"
                : strip.status.trustAgeHours > 168 ? "warn" : "ok"
            word: strip.status.trustAgeHours < 0 ? qsTr("None")
                : strip.status.trustAgeHours < 48 ? qsTr("%1 h old").arg(strip.status.trustAgeHours)
                : qsTr("%1 days old").arg(Math.floor(strip.status.trustAgeHours / 24))
        }
    }
}
