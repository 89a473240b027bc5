import QtQuick
import VaxKiosk

// What the camera sees, with the band that says "reading" while a code is in view: people
// hold the slip or ticket still until the screen reacts.
Rectangle {
    id: preview
    required property CameraFeed camera
    property string idleText: qsTr("Camera")
    readonly property real mm: Theme.mm

    color: Theme.ink
    radius: 2 * mm
    implicitHeight: width * 9 / 16 + 2 * mm

    Image {
        id: picture
        objectName: "cameraPreview"
        anchors.fill: parent
        anchors.margins: 1 * preview.mm
        fillMode: Image.PreserveAspectFit
        cache: false
        source: "image://vaxcamera/" + preview.camera.frameNumber
    }

    // Each code in view outlined where it is, so people see what the camera sees.
    Canvas {
        id: outlines
        objectName: "codeOutlines"
        // The painted picture inside the letterbox.
        x: picture.x + (picture.width - picture.paintedWidth) / 2
        y: picture.y + (picture.height - picture.paintedHeight) / 2
        width: picture.paintedWidth
        height: picture.paintedHeight
        onPaint: {
            const ctx = getContext("2d")
            ctx.clearRect(0, 0, width, height)
            ctx.lineWidth = Math.max(3, 0.8 * preview.mm)
            ctx.strokeStyle = Theme.ok
            const all = preview.camera.codeOutlines
            for (let i = 0; i < all.length; ++i) {
                const c = all[i]
                ctx.beginPath()
                ctx.moveTo(c[0] * width, c[1] * height)
                for (let k = 2; k < 8; k += 2)
                    ctx.lineTo(c[k] * width, c[k + 1] * height)
                ctx.closePath()
                ctx.stroke()
            }
        }
        Connections {
            target: preview.camera
            function onCodesInViewChanged() { outlines.requestPaint() }
        }
    }

    // "Read": a thick green frame for a moment (with the band's words, not colour alone).
    Rectangle {
        id: readFrame
        objectName: "readFrame"
        anchors.fill: parent
        color: "transparent"
        radius: preview.radius
        border.width: Math.round(2.5 * preview.mm)
        border.color: Theme.ok
        visible: readTimer.running
        Timer { id: readTimer; interval: 700 }
        Connections {
            target: preview.camera
            function onCodeRead() { readTimer.restart() }
        }
    }
    Rectangle {
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: Math.max(16 * preview.mm, band.implicitHeight + 4 * preview.mm)
        color: readTimer.running || preview.camera.codesInView > 0 ? Theme.ok : Theme.cameraBand
        radius: 2 * preview.mm
        Text {
            id: band
            objectName: "cameraBand"
            anchors.centerIn: parent
            width: parent.width - 4 * preview.mm
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            color: Theme.onDark
            font.pixelSize: Theme.px(6)
            text: readTimer.running ? qsTr("✓ Read") : preview.camera.codesInView > 0
                                    ? qsTr("Reading the code…") : preview.idleText
        }
    }
}
