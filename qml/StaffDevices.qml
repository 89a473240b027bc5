import QtQuick
import QtQuick.Layouts
import VaxKiosk

// Each device's state in words, with what to do about it.
GridLayout {
    id: page
    required property StatusBoard status
    readonly property real mm: Theme.mm
    columns: 2
    rowSpacing: 2 * mm
    columnSpacing: 4 * mm

    readonly property var rows: [
        { key: "network", title: qsTr("Network"),
          state: status.networkOnline ? "ok" : status.networkState === "offline" ? "missing"
               : status.networkState === "none" ? "off" : "degraded",
          text: status.networkState === "none" ? qsTr("no records service configured")
                                               : status.networkMessage },
        { key: "outbox", title: qsTr("Records to upload"),
          state: status.outboxRefused > 0 ? "degraded" : "ok",
          text: qsTr("%1 waiting, %2 refused").arg(status.outboxPending).arg(status.outboxRefused) },
        { key: "trust", title: qsTr("Trust list age"),
          state: status.trustAgeHours < 0 ? "missing" : status.trustAgeHours > 24 * 7 ? "degraded" : "ok",
          text: status.trustAgeHours < 0 ? qsTr("none") : qsTr("%n hours", "", status.trustAgeHours) },
        { key: "printer", title: qsTr("Printer"), state: status.printerState, text: status.printerMessage },
        { key: "thermometer", title: qsTr("Thermometer"), state: status.thermometerState, text: status.thermometerMessage },
        { key: "camera", title: qsTr("Camera"), state: status.cameraState, text: status.cameraMessage },
        { key: "clock", title: qsTr("Clock"), state: status.clockSynced ? "ok" : "degraded", text: status.clockMessage }
    ]

    Repeater {
        model: page.rows
        delegate: Text {
            required property var modelData
            required property int index
            Layout.row: index
            Layout.column: 0
            font.pixelSize: Theme.px(6)
            font.bold: true
            color: Theme.ink
            text: (modelData.state === "ok" ? "✓ " : modelData.state === "missing" ? "✕ "
                   : modelData.state === "off" ? "– " : "! ") + modelData.title
        }
    }
    Repeater {
        model: page.rows
        delegate: Text {
            required property var modelData
            required property int index
            objectName: "device_" + modelData.key
            Layout.row: index
            Layout.column: 1
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.px(5.5)
            color: modelData.state === "ok" || modelData.state === "off" ? Theme.inkSoft : Theme.bad
            text: modelData.text.length > 0 ? modelData.text : modelData.state
        }
    }
    // The rows at the top, the room to spare below them (a tall page spread them apart).
    Item {
        Layout.row: page.rows.length
        Layout.column: 0
        Layout.columnSpan: 2
        Layout.fillHeight: true
    }
}
