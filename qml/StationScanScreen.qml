import QtQuick
import QtQuick.Layouts
import VaxKiosk

// The station before the dose is recorded: two steps, the person's queue slip and the
// vaccine pack, each marked waiting, checking or read (with a mark and a word, not colour
// alone). Only the masked ID of the slip is shown.
Item {
    id: page
    required property StationFlow flow
    required property CameraFeed camera
    readonly property real mm: Theme.mm

    // Camera and actions on the left of the steps on a landscape screen; on a portrait one the
    // camera on top, the steps under it and the actions at the bottom.
    readonly property bool portrait: page.height > page.width
    readonly property real sideWidth: page.portrait ? page.width : page.width * 0.42

    // One step: its number (✓ once read), its name and what was read.
    component StepCard: Rectangle {
        id: card
        property string number
        property string title
        property string stepState: "none"
        property alias detail: detailText.text
        property string detailName
        readonly property bool isRead: card.stepState === "read"
        readonly property real mm: Theme.mm

        implicitHeight: Math.max(row.implicitHeight + 6 * card.mm, 28 * card.mm)
        radius: 3 * card.mm
        color: Theme.background
        border.width: Math.round((card.isRead ? 1 : 0.5) * card.mm)
        border.color: card.isRead ? Theme.ok : Theme.inkFaint

        RowLayout {
            id: row
            anchors { fill: parent; margins: 3 * card.mm }
            spacing: 4 * card.mm

            Rectangle {
                Layout.alignment: Qt.AlignVCenter
                implicitWidth: Math.round(16 * card.mm)
                implicitHeight: implicitWidth
                radius: width / 2
                color: card.isRead ? Theme.ok : Theme.neutral
                Text {
                    anchors.centerIn: parent
                    color: Theme.onDark
                    font.pixelSize: Theme.px(9)
                    font.bold: true
                    text: card.isRead ? "✓" : card.number
                }
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 1 * card.mm
                Text {
                    Layout.fillWidth: true
                    text: card.title
                    color: Theme.ink
                    font.pixelSize: Theme.px(8)
                    font.bold: true
                    wrapMode: Text.WordWrap
                }
                Text {
                    id: detailText
                    objectName: card.detailName
                    Layout.fillWidth: true
                    color: card.stepState === "none" ? Theme.inkFaint : Theme.inkSoft
                    font.pixelSize: Theme.px(7)
                    wrapMode: Text.WordWrap
                }
            }
        }
    }

    function slipDetail() {
        switch (page.flow.slipState) {
        case "checking": return qsTr("Checking…")
        case "read": return qsTr("%1   ID %2").arg(page.flow.queueNumber).arg(page.flow.maskedId)
        default: return qsTr("Waiting for the slip")
        }
    }
    function packDetail() {
        switch (page.flow.packState) {
        case "checking": return qsTr("Checking…")
        case "read": {
            let text = page.flow.product
            if (page.flow.lot !== "")
                text += "\n" + qsTr("Lot %1").arg(page.flow.lot)
            if (page.flow.expiry !== "")
                text += "   " + qsTr("Expires %1").arg(page.flow.expiry)
            return text
        }
        default: return qsTr("Waiting for the vaccine code")
        }
    }
    function title() {
        if (!page.flow.ready)
            return page.flow.setupError !== "" ? qsTr("This station cannot record doses: call the technician")
                                               : qsTr("Starting…")
        if (page.flow.state === StationFlow.Binding)
            return qsTr("Recording the dose…")
        if (page.flow.slipState === "read")
            return qsTr("Now scan the vaccine pack")
        if (page.flow.packState === "read")
            return qsTr("Now scan the person's queue slip")
        return qsTr("Scan the person's queue slip")
    }
    function problemText() {
        switch (page.flow.scanProblem) {
        case "not_station_code": return qsTr("That is not a queue slip or a vaccine code.")
        case "dose_ticket": return qsTr("That is a dose ticket. Scan the person's queue slip.")
        case "slip_already_read": return qsTr("A slip is already read. Scan the vaccine pack, or start over.")
        case "already_bound": return qsTr("This dose is already recorded. Tap “Next person” first.")
        default: return ""
        }
    }

    GridLayout {
        anchors.fill: parent
        columns: page.portrait ? 1 : 2
        rowSpacing: 4 * page.mm
        columnSpacing: 8 * page.mm

        CameraPreview {
            Layout.row: 0
            Layout.column: 0
            Layout.preferredWidth: page.sideWidth
            Layout.maximumWidth: page.sideWidth
            Layout.preferredHeight: implicitHeight
            Layout.alignment: Qt.AlignTop
            camera: page.camera
            idleText: qsTr("Hold the code under the camera")
        }

        ColumnLayout {
            Layout.row: page.portrait ? 2 : 1
            Layout.column: 0
            Layout.preferredWidth: page.sideWidth
            Layout.maximumWidth: page.sideWidth
            Layout.fillHeight: !page.portrait
            spacing: 4 * page.mm

            Item { Layout.fillHeight: true }
            Text {
                objectName: "reprintState"
                Layout.fillWidth: true
                visible: page.flow.reprintState !== ""
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.px(6)
                color: page.flow.reprintState === "failed" ? Theme.bad : Theme.inkSoft
                text: {
                    switch (page.flow.reprintState) {
                    case "printing": return qsTr("Reprinting the last ticket…")
                    case "printed": return qsTr("✓ The last ticket was printed again.")
                    case "failed": return qsTr("✗ Reprint failed: %1").arg(page.flow.reprintError)
                    default: return ""
                    }
                }
            }
            RowLayout {
                Layout.fillHeight: false
                Layout.fillWidth: true
                spacing: 4 * page.mm
                BigButton {
                    objectName: "startOverButton"
                    Layout.fillWidth: true
                    visible: page.flow.slipState !== "none" || page.flow.packState !== "none"
                    tone: Theme.neutral
                    font.pixelSize: Theme.px(8)
                    text: qsTr("Start over")
                    onClicked: page.flow.nextPerson()
                }
                BigButton {
                    objectName: "reprintButton"
                    Layout.fillWidth: true
                    visible: page.flow.canReprint
                    enabled: page.flow.reprintState !== "printing"
                    font.pixelSize: Theme.px(8)
                    text: qsTr("Reprint last ticket")
                    onClicked: page.flow.reprintLast()
                }
            }
        }

        ColumnLayout {
            Layout.row: page.portrait ? 1 : 0
            Layout.column: page.portrait ? 0 : 1
            Layout.rowSpan: page.portrait ? 1 : 2
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 5 * page.mm

            ScreenTitle {
                objectName: "stationTitle"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                font.pixelSize: Theme.px(11)
                color: page.flow.ready || page.flow.setupError === "" ? Theme.ink : Theme.bad
                text: page.title()
            }
            StepCard {
                objectName: "slipStep"
                Layout.fillWidth: true
                number: "1"
                title: qsTr("Queue slip")
                stepState: page.flow.slipState
                detailName: "slipDetail"
                detail: page.slipDetail()
            }
            StepCard {
                objectName: "packStep"
                Layout.fillWidth: true
                number: "2"
                title: qsTr("Vaccine pack code")
                stepState: page.flow.packState
                detailName: "packDetail"
                detail: page.packDetail()
            }
            // A scan of the wrong kind for this step: a mark, a sentence and a colour.
            Rectangle {
                Layout.fillWidth: true
                visible: page.flow.scanProblem !== ""
                implicitHeight: problem.implicitHeight + 6 * page.mm
                radius: 2 * page.mm
                color: Theme.warn
                Text {
                    id: problem
                    objectName: "scanProblem"
                    anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: 3 * page.mm }
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.px(7)
                    font.bold: true
                    color: Theme.highContrast ? Theme.onDark : Theme.ink
                    text: "⚠ " + page.problemText()
                }
            }
            Item { Layout.fillHeight: true }
            Text {
                objectName: "stationHint"
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.px(6)
                color: Theme.inkSoft
                text: qsTr("Slip first, then the vaccine pack: the dose is recorded and its ticket printed as soon as both are read.")
            }
        }
    }
}
