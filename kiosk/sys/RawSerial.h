#pragma once

#include <termios.h>

#include <optional>

namespace vax {

/// The termios speed constant for `baud`, or nullopt for a rate the system does not name.
inline std::optional<speed_t> termiosSpeed(unsigned baud) {
    // clang-format off
    switch (baud) {
        case 1200: return B1200;
        case 2400: return B2400;
        case 4800: return B4800;
        case 9600: return B9600;
        case 19200: return B19200;
        case 38400: return B38400;
        case 57600: return B57600;
        case 115200: return B115200;
        case 230400: return B230400;
        case 460800: return B460800;
        case 921600: return B921600;
        default: return std::nullopt;
    }
    // clang-format on
}

/// Puts the tty `fd` in raw 8N1 mode at `speed`, no flow control, reads returning as soon as
/// one byte is there, and drops input that came before (the line discipline cooked it).
/// Shared by the serial scanner and the serial thermometer. False with errno set on failure.
inline bool configureRaw8N1(int fd, speed_t speed) {
    termios tio{};
    if (::tcgetattr(fd, &tio) != 0) {
        return false;
    }
    ::cfmakeraw(&tio);
    tio.c_cflag &= ~tcflag_t(CSIZE | PARENB | CSTOPB | CRTSCTS);
    tio.c_cflag |= CS8 | CREAD | CLOCAL;
    tio.c_iflag &= ~tcflag_t(IXON | IXOFF | IXANY);
    // A break or a framing error (plugging in, wrong baud) would otherwise read as NUL.
    tio.c_iflag |= IGNBRK | IGNPAR;
    tio.c_cc[VMIN] = 1;
    tio.c_cc[VTIME] = 0;
    if (::cfsetispeed(&tio, speed) != 0 || ::cfsetospeed(&tio, speed) != 0 ||
        ::tcsetattr(fd, TCSANOW, &tio) != 0) {
        return false;
    }
    ::tcflush(fd, TCIFLUSH);
    return true;
}

}  // namespace vax
