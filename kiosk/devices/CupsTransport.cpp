#include "devices/CupsTransport.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <vector>

#include "devices/FdIo.h"
#include "sys/UniqueFd.h"

extern char** environ;

namespace vax {

namespace {

using Clock = std::chrono::steady_clock;

// Writing to a pipe whose reader has exited raises SIGPIPE, which would end the kiosk. A
// library must not change the process's signal handling, so SIGPIPE is blocked in this
// thread while we write, and one raised meanwhile is taken off the pending set.
class SigPipeBlock {
public:
    SigPipeBlock() {
        sigemptyset(&m_set);
        sigaddset(&m_set, SIGPIPE);
        sigset_t pending;
        sigpending(&pending);
        m_wasPending = sigismember(&pending, SIGPIPE) == 1;
        pthread_sigmask(SIG_BLOCK, &m_set, &m_old);
    }
    ~SigPipeBlock() {
        if (!m_wasPending) {
            sigset_t pending;
            sigpending(&pending);
            if (sigismember(&pending, SIGPIPE) == 1) {
                const timespec now{0, 0};
                sigtimedwait(&m_set, nullptr, &now);
            }
        }
        pthread_sigmask(SIG_SETMASK, &m_old, nullptr);
    }
    SigPipeBlock(const SigPipeBlock&) = delete;
    SigPipeBlock& operator=(const SigPipeBlock&) = delete;

private:
    sigset_t m_set;
    sigset_t m_old;
    bool m_wasPending = false;
};

class SpawnActions {
public:
    SpawnActions() { posix_spawn_file_actions_init(&m_actions); }
    ~SpawnActions() { posix_spawn_file_actions_destroy(&m_actions); }
    SpawnActions(const SpawnActions&) = delete;
    SpawnActions& operator=(const SpawnActions&) = delete;
    posix_spawn_file_actions_t* get() { return &m_actions; }

private:
    posix_spawn_file_actions_t m_actions;
};

struct Pipe {
    UniqueFd read;
    UniqueFd write;
};

Result<Pipe> makePipe() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        return Error{"pipe: " + fdio::errorText(errno)};
    }
    return Pipe{UniqueFd(fds[0]), UniqueFd(fds[1])};
}

// lp's first output line, shortened, for error messages.
std::string firstLine(const std::string& output) {
    std::string line = output.substr(0, output.find('\n'));
    if (line.size() > 200) {
        line.resize(200);
    }
    return line;
}

}  // namespace

CupsTransport::CupsTransport(std::string uri, std::string queue, PrinterTransportOptions options)
    : m_uri(std::move(uri)), m_queue(std::move(queue)), m_options(std::move(options)) {}

Result<std::optional<PrinterStatus>> CupsTransport::queryStatus() {
    return std::optional<PrinterStatus>{};
}

Status CupsTransport::send(std::string_view jobName, std::span<const std::uint8_t> data) {
    Result<Pipe> input = makePipe();
    Result<Pipe> output = makePipe();
    if (!input || !output) {
        return Error{"cannot run lp: " + (!input ? input.error() : output.error()).message};
    }
    SpawnActions actions;
    posix_spawn_file_actions_adddup2(actions.get(), input->read.get(), STDIN_FILENO);
    posix_spawn_file_actions_adddup2(actions.get(), output->write.get(), STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(actions.get(), output->write.get(), STDERR_FILENO);

    std::string title(jobName.empty() ? "ticket" : jobName);
    std::vector<std::string> args{m_options.lpCommand, "-d", m_queue, "-o", "raw", "-t", title};
    std::vector<char*> argv;
    for (std::string& a : args) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);

    pid_t pid = -1;
    const int spawned = ::posix_spawnp(&pid, m_options.lpCommand.c_str(), actions.get(), nullptr,
                                       argv.data(), environ);
    if (spawned != 0) {
        return Error{"cannot run '" + m_options.lpCommand + "' for CUPS queue " + m_queue + ": " +
                     fdio::errorText(spawned) +
                     (spawned == ENOENT ? " (install cups-client)" : "")};
    }
    input->read.reset();
    output->write.reset();

    // Feed stdin and collect lp's messages together, so neither side can block the other.
    std::string messages;
    std::string failure;
    std::size_t sent = 0;
    const Clock::time_point deadline = Clock::now() + m_options.ioTimeout;
    {
        const SigPipeBlock noSigPipe;
        ::fcntl(input->write.get(), F_SETFL, O_NONBLOCK);
        if (data.empty()) {
            input->write.reset();
        }
        while (output->read || input->write) {
            std::array<pollfd, 2> fds{};
            nfds_t count = 0;
            pollfd* out = nullptr;
            pollfd* in = nullptr;
            if (output->read) {
                out = &fds[count++];
                *out = {output->read.get(), POLLIN, 0};
            }
            if (input->write) {
                in = &fds[count++];
                *in = {input->write.get(), POLLOUT, 0};
            }
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
            if (left.count() <= 0) {
                failure = "lp did not finish within " +
                          std::to_string(m_options.ioTimeout.count()) + " ms";
                ::kill(pid, SIGKILL);
                break;
            }
            if (::poll(fds.data(), count, int(left.count())) < 0) {
                if (errno == EINTR) {
                    continue;
                }
                failure = "poll: " + fdio::errorText(errno);
                ::kill(pid, SIGKILL);
                break;
            }
            if (in != nullptr && in->revents != 0) {
                const ssize_t n =
                    ::write(input->write.get(), data.data() + sent, data.size() - sent);
                if (n > 0) {
                    sent += std::size_t(n);
                } else if (n < 0 && errno != EAGAIN && errno != EINTR) {
                    input->write.reset();  // lp exited or closed its input; judged below
                }
                if (sent == data.size()) {
                    input->write.reset();  // end of file for lp
                }
            }
            if (out != nullptr && out->revents != 0) {
                std::array<char, 512> buffer{};
                const ssize_t n = ::read(output->read.get(), buffer.data(), buffer.size());
                if (n > 0) {
                    messages.append(buffer.data(), std::size_t(n));
                } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
                    output->read.reset();
                }
            }
        }
    }
    input->write.reset();

    int wstatus = 0;
    while (::waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
    }
    if (!failure.empty()) {
        return Error{"CUPS queue " + m_queue + ": " + failure};
    }
    if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) {
        const std::string code = WIFEXITED(wstatus)
                                     ? "exit status " + std::to_string(WEXITSTATUS(wstatus))
                                     : "killed by signal " + std::to_string(WTERMSIG(wstatus));
        return Error{"lp failed for CUPS queue " + m_queue + " (" + code +
                     "): " + firstLine(messages)};
    }
    if (sent != data.size()) {
        return Error{"CUPS queue " + m_queue + ": lp took " + std::to_string(sent) + " of " +
                     std::to_string(data.size()) + " bytes"};
    }
    return okStatus();
}

}  // namespace vax
