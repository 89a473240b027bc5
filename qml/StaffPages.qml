import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import VaxKiosk

// What a signed-in staff member can do, one page at a time, chosen on the left (on a
// portrait screen: in rows of tabs along the top).
GridLayout {
    id: pages
    required property KioskApp kiosk
    readonly property StaffConsole staff: kiosk.staff
    readonly property real mm: Theme.mm
    property string current: "review"
    // A staff console (no station screen of its own) binds doses in its Station page.
    readonly property bool bindsHere: kiosk.role === "console" && kiosk.station !== null
    readonly property bool portrait: pages.height > pages.width
    columns: portrait ? 1 : 2
    rowSpacing: 3 * mm
    columnSpacing: 4 * mm

    // The outcome of the last action, on every page: what happened, or why not.
    readonly property string actionText: {
        const a = pages.staff.lastAction
        if (!a || a.action === undefined)
            return ""
        if (!a.ok)
            return qsTr("✕ Not done: %1").arg(a.message)
        const printNote = a.printed === false ? " " + qsTr("Printer problem: %1").arg(a.printError) : ""
        switch (a.action) {
        case "decide":
            return (a.proceed ? qsTr("✓ Visit %1 queued as %2.").arg(a.visit).arg(a.queueNumber)
                              : qsTr("✓ Visit %1 deferred.").arg(a.visit)) + printNote
        case "call":
            return a.numbers.length > 0 ? qsTr("✓ Desk %1 calls: %2").arg(a.desk).arg(a.numbers.join("  "))
                                        : qsTr("Nobody is waiting for desk %1.").arg(a.desk)
        case "reprint": return qsTr("✓ Ticket of visit %1 reprinted.").arg(a.visit) + printNote
        case "reaction": return qsTr("✓ Reaction recorded for visit %1; observation extended.").arg(a.visit)
        default: return "✓"
        }
    }

    GridLayout {
        objectName: "staffTabs"
        // A layout fills by default: this column keeps its width, the page takes the rest.
        // Portrait: three tabs a row across the top, the page under them.
        Layout.fillWidth: pages.portrait
        Layout.preferredWidth: pages.portrait ? -1 : Math.round(58 * pages.mm)
        Layout.fillHeight: !pages.portrait
        columns: pages.portrait ? 3 : 1
        rowSpacing: 2 * pages.mm
        columnSpacing: 2 * pages.mm
        Repeater {
            model: [
                { key: "review", title: qsTr("Decisions") },
                { key: "manualId", title: qsTr("Type an ID") },
                { key: "queue", title: qsTr("Call next") },
                { key: "care", title: qsTr("Reprint / reaction") },
                { key: "figures", title: qsTr("Today") },
                { key: "devices", title: qsTr("Devices") },
                { key: "station", title: qsTr("Station") }
            ]
            BigButton {
                required property var modelData
                objectName: "staffTab_" + modelData.key
                // Typed IDs go to an entry kiosk's check; a staff console binds doses itself.
                visible: modelData.key === "manualId" ? pages.kiosk.flow !== null
                         : modelData.key === "station" ? pages.bindsHere
                         : true
                Layout.fillWidth: true
                // Equal tabs in a row, whatever their words.
                Layout.preferredWidth: pages.portrait ? 1 : -1
                // Taller when large text wraps the words onto two lines.
                implicitHeight: Math.max(Math.round(17 * pages.mm), contentItem.implicitHeight + 3 * pages.mm)
                font.pixelSize: Theme.px(6)
                tone: pages.current === modelData.key ? Theme.staffBand : Theme.neutral
                text: (pages.current === modelData.key ? "▶ " : "") + modelData.title
                onClicked: {
                    pages.current = modelData.key
                    if (modelData.key === "review")
                        pages.staff.refreshReviews()
                    else if (modelData.key === "figures")
                        pages.staff.refreshFigures()
                }
            }
        }
        Item { visible: !pages.portrait; Layout.fillHeight: true }
    }

    ColumnLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        spacing: 2 * pages.mm

        // The outcome of the last action: a fixed bar, so pages do not jump when it changes.
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: Math.round(13 * pages.mm)
            radius: 2 * pages.mm
            color: pages.actionText === "" ? "transparent" : Theme.background
            border.width: pages.actionText === "" ? 0 : 1
            border.color: pages.staff.lastAction.ok ? Theme.ok : Theme.bad
            Text {
                objectName: "staffActionResult"
                anchors { fill: parent; leftMargin: 2 * pages.mm; rightMargin: 2 * pages.mm }
                verticalAlignment: Text.AlignVCenter
                elide: Text.ElideRight
                font.pixelSize: Theme.px(6)
                font.bold: true
                color: pages.staff.lastAction.ok ? Theme.ok : Theme.bad
                text: pages.actionText
            }
        }
        Loader {
            Layout.fillWidth: true
            Layout.fillHeight: true
            // The page fills what is left; its own implicit size must not feed back.
            Layout.preferredWidth: 0
            Layout.preferredHeight: 0
            sourceComponent: {
                switch (pages.current) {
                case "manualId": return manualId
                case "queue": return queue
                case "care": return care
                case "figures": return figures
                case "devices": return devices
                case "station": return station
                default: return review
                }
            }
        }
    }

    Component { id: review; StaffReviews { staff: pages.staff } }
    Component { id: manualId; StaffManualId { staff: pages.staff; flow: pages.kiosk.flow } }
    Component { id: queue; StaffQueue { staff: pages.staff } }
    Component { id: care; StaffCare { staff: pages.staff } }
    Component { id: figures; StaffFigures { staff: pages.staff } }
    Component { id: devices; StaffDevices { status: pages.kiosk.status } }
    Component {
        id: station
        Item {
            StationRole {
                anchors.fill: parent
                flow: pages.kiosk.station
                camera: pages.kiosk.camera
            }
            // Codes reach the binding only while this page is open; scanning is staff work,
            // so it keeps the session from timing out.
            Connections {
                target: pages.kiosk.camera
                function onNewCode(text) {
                    pages.staff.noteActivity()
                    pages.kiosk.station.acceptCode(text)
                }
            }
        }
    }
}
