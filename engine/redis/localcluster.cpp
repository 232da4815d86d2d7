#include "localcluster.h"

#include "clustertopology.h"
#include "redisconnection.h"
#include "redisinfo.h"
#include "runtime/stateruntime.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <cerrno>
#include <fcntl.h>
#include <spawn.h>
#include <cstring>
#include <unistd.h>

#include <chrono>
#include <random>
#include <thread>

namespace partlab {

namespace {

void sleepMs(int ms)
{
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

bool portFree(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    // As redis-server binds: a port whose old connections linger in TIME_WAIT is free to it.
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(quint16(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0;
    ::close(fd);
    return ok;
}

bool processGone(qint64 pid)
{
    if (::kill(pid_t(pid), 0) != 0)
        return true;
    // A zombie (exited, not yet reaped by its parent) counts as gone.
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray s = stat.readAll();
    const qsizetype close = s.lastIndexOf(')');
    return close > 0 && s.size() > close + 2 && s.at(close + 2) == 'Z';
}

/** SIGTERM, up to 5 s for a clean exit, then SIGKILL. */
void terminatePid(qint64 pid)
{
    if (pid <= 0 || processGone(pid))
        return;
    ::kill(pid_t(pid), SIGTERM);
    for (int i = 0; i < 100 && !processGone(pid); ++i)
        sleepMs(50);
    if (!processGone(pid)) {
        ::kill(pid_t(pid), SIGKILL);
        for (int i = 0; i < 100 && !processGone(pid); ++i)
            sleepMs(20);
    }
}

QString program(const char *name)
{
    return QStandardPaths::findExecutable(QLatin1String(name));
}

} // namespace

LocalCluster::LocalCluster(const LocalClusterOptions &options) : m_options(options)
{
}

LocalCluster::~LocalCluster()
{
    if (!m_released)
        stop();
}

QString LocalCluster::seed() const
{
    return m_nodes.empty() ? QString() : m_nodes.front().address.toString();
}

bool LocalCluster::isRedisServer(qint64 pid)
{
    if (pid <= 0 || processGone(pid))
        return false;
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    return cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains("redis-server");
}

std::vector<int> LocalCluster::pickFreePorts(int count, QString *error)
{
    std::mt19937 random(quint32(::getpid()) ^ quint32(steadyNowNs()));
    std::uniform_int_distribution<int> pick(20000, 29999);
    std::vector<int> ports;
    for (int attempt = 0; attempt < 1000 && int(ports.size()) < count; ++attempt) {
        const int p = pick(random);
        if (std::find(ports.begin(), ports.end(), p) == ports.end() && portFree(p) && portFree(p + 10000))
            ports.push_back(p);
    }
    if (int(ports.size()) < count) {
        *error = QStringLiteral("no %1 free port pairs (p, p+10000) on 127.0.0.1 between 20000 and 39999").arg(count);
        return {};
    }
    return ports;
}

bool LocalCluster::portsFree(int base, int count)
{
    for (int p = base; p < base + count; ++p) {
        if (p < 1 || p + 10000 > 65535 || !portFree(p) || !portFree(p + 10000))
            return false;
    }
    return true;
}

bool LocalCluster::start(QString *error)
{
    const QString server = program("redis-server");
    if (server.isEmpty() || program("redis-cli").isEmpty()) {
        *error = QStringLiteral("redis-server or redis-cli not found in PATH (Debian: apt-get install redis-server redis-tools)");
        return false;
    }
    if (m_options.nodes < 1 || m_options.nodes > 100) {
        *error = QStringLiteral("--nodes must be between 1 and 100 (got %1)").arg(m_options.nodes);
        return false;
    }
    if (!QDir().mkpath(m_options.dir)) {
        *error = QStringLiteral("%1: cannot create the directory").arg(m_options.dir);
        return false;
    }
    QString ignored;
    for (const LocalClusterNode &n : readState(m_options.dir, &ignored)) {
        if (isRedisServer(n.pid)) {
            *error = QStringLiteral("%1 already has a running cluster (node %2, pid %3); stop it with partlab-cli cluster down --dir %1")
                         .arg(m_options.dir, n.address.toString()).arg(n.pid);
            return false;
        }
    }
    std::vector<int> ports;
    if (m_options.basePort == 0) {
        ports = pickFreePorts(m_options.nodes, error);
        if (ports.empty())
            return false;
    } else {
        for (int i = 0; i < m_options.nodes; ++i) {
            const int p = m_options.basePort + i;
            if (p > 55535 || !portFree(p) || !portFree(p + 10000)) {
                *error = QStringLiteral("port %1 or its cluster bus port %2 on 127.0.0.1 is in use or out of range (choose another --base-port)")
                             .arg(p).arg(p + 10000);
                return false;
            }
            ports.push_back(p);
        }
    }
    const qint64 deadline = steadyNowNs() + qint64(m_options.startTimeoutMs) * 1'000'000;
    bool ok = true;
    for (int port : ports) {
        if (!(ok = startNode(port, error)))
            break;
    }
    ok = ok && writeState(error);
    for (std::size_t i = 0; ok && i < m_nodes.size(); ++i)
        ok = waitForPing(m_nodes[i], deadline, error);
    ok = ok && createCluster(error) && waitForClusterOk(deadline, error);
    if (!ok)
        stop();
    return ok;
}

bool LocalCluster::startNode(int port, QString *error)
{
    LocalClusterNode node;
    node.address.host = "127.0.0.1";
    node.address.port = port;
    node.dir = QDir(m_options.dir).absoluteFilePath(QStringLiteral("node-%1").arg(port));
    QDir(node.dir).removeRecursively(); // a stale nodes.conf would make it rejoin an old cluster
    if (!QDir().mkpath(node.dir)) {
        *error = QStringLiteral("%1: cannot create the directory").arg(node.dir);
        return false;
    }
    QFile conf(QDir(node.dir).filePath(QStringLiteral("redis.conf")));
    if (!conf.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("%1: cannot write: %2").arg(conf.fileName(), conf.errorString());
        return false;
    }
    conf.write(QStringLiteral("port %1\nbind 127.0.0.1\nprotected-mode yes\ncluster-enabled yes\n"
                              "cluster-config-file nodes.conf\ncluster-node-timeout %2\nappendonly no\nsave \"\"\n"
                              "daemonize no\ndir \"%3\"\nlogfile \"%3/redis.log\"\ncluster-require-full-coverage %4\n")
                   .arg(port).arg(m_options.nodeTimeoutMs).arg(node.dir)
                   .arg(m_options.requireFullCoverage ? QStringLiteral("yes") : QStringLiteral("no")).toUtf8());
    conf.close();
    // Both modes use posix_spawn (clone + exec, nothing runs in between): safe in a
    // multi-threaded test and under ThreadSanitizer. The server's standard streams never are
    // the caller's: stdin is /dev/null, stdout and stderr go to the node's own stdout.log, and
    // every other descriptor is closed, so a caller that reads our output to EOF (`cluster up |
    // cat`, a CI log, subprocess.run(capture_output=True)) is not kept waiting by a server that
    // holds its pipe open for as long as the cluster lives.
    QList<QByteArray> args;
    if (!m_options.detached) {
        // setpriv --pdeathsig makes the kernel kill the server if the test process dies, so a
        // crashed test leaves nothing behind.
        const QString setpriv = program("setpriv");
        if (!setpriv.isEmpty())
            args << QFile::encodeName(setpriv) << QByteArrayLiteral("--pdeathsig") << QByteArrayLiteral("KILL") << QByteArrayLiteral("--");
    }
    args << QFile::encodeName(program("redis-server")) << QFile::encodeName(conf.fileName());
    std::vector<char *> argv;
    for (QByteArray &a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    const QByteArray workDir = QFile::encodeName(node.dir);
    const QByteArray streamLog = QFile::encodeName(QDir(node.dir).filePath(QStringLiteral("stdout.log")));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, streamLog.constData(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    posix_spawn_file_actions_addclosefrom_np(&actions, STDERR_FILENO + 1);
    posix_spawn_file_actions_addchdir_np(&actions, workDir.constData());
    // Default signal dispositions and an empty mask whatever the caller set (a CLI that ignores
    // SIGPIPE or blocks SIGTERM must not pass that on); detached servers get a session of their
    // own, so a Ctrl-C in the terminal that ran `cluster up` does not reach them.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t all;
    sigset_t none;
    sigfillset(&all);
    sigemptyset(&none);
    posix_spawnattr_setsigdefault(&attributes, &all);
    posix_spawnattr_setsigmask(&attributes, &none);
    short flags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK;
    if (m_options.detached)
        flags |= POSIX_SPAWN_SETSID;
    posix_spawnattr_setflags(&attributes, flags);
    pid_t pid = 0;
    const int rc = ::posix_spawn(&pid, argv[0], &actions, &attributes, argv.data(), environ);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        *error = QStringLiteral("cannot start redis-server for port %1: %2").arg(port).arg(QString::fromLocal8Bit(std::strerror(rc)));
        return false;
    }
    node.pid = pid;
    m_nodes.push_back(node);
    return true;
}

QString LocalCluster::logTail(const LocalClusterNode &node) const
{
    QFile log(QDir(node.dir).filePath(QStringLiteral("redis.log")));
    if (!log.open(QIODevice::ReadOnly))
        return QStringLiteral("no log");
    const QList<QByteArray> lines = log.readAll().trimmed().split('\n');
    return lines.isEmpty() ? QStringLiteral("empty log") : QString::fromUtf8(lines.last()).trimmed();
}

bool LocalCluster::waitForPing(const LocalClusterNode &node, qint64 deadlineNs, QString *error)
{
    for (;;) {
        QString why;
        if (auto c = RedisConnection::connect(node.address, &why, 200, 1000)) {
            if (c->command({"PING"}).text == "PONG")
                return true;
        }
        if (processGone(node.pid)) {
            *error = QStringLiteral("node %1 (pid %2) exited at start: %3").arg(node.address.toString()).arg(node.pid).arg(logTail(node));
            return false;
        }
        if (steadyNowNs() > deadlineNs) {
            *error = QStringLiteral("node %1 did not answer PING in time: %2").arg(node.address.toString(), why);
            return false;
        }
        sleepMs(20);
    }
}

bool LocalCluster::createCluster(QString *error)
{
    QStringList arguments{QStringLiteral("--cluster"), QStringLiteral("create")};
    for (const LocalClusterNode &n : m_nodes)
        arguments << n.address.toString();
    arguments << QStringLiteral("--cluster-replicas") << QStringLiteral("0") << QStringLiteral("--cluster-yes");
    QProcess cli;
    cli.setProcessChannelMode(QProcess::MergedChannels);
    cli.start(program("redis-cli"), arguments);
    if (!cli.waitForStarted(5000) || !cli.waitForFinished(60000)) {
        cli.kill();
        cli.waitForFinished(2000);
        *error = QStringLiteral("redis-cli --cluster create did not finish within 60 s");
        return false;
    }
    if (cli.exitStatus() != QProcess::NormalExit || cli.exitCode() != 0) {
        const QList<QByteArray> lines = cli.readAll().trimmed().split('\n');
        *error = QStringLiteral("redis-cli --cluster create failed: %1").arg(QString::fromUtf8(lines.last()).trimmed());
        return false;
    }
    return true;
}

bool LocalCluster::waitForClusterOk(qint64 deadlineNs, QString *error)
{
    for (const LocalClusterNode &n : m_nodes) {
        QString last;
        for (;;) {
            bool ok = false;
            if (auto c = RedisConnection::connect(n.address, &last, 500, 2000)) {
                const RedisReply info = c->command({"CLUSTER", "INFO"});
                ClusterTopology topology;
                ok = RedisInfo::parse(info.text)["cluster_state"] == "ok" && topology.fetch(*c, &last)
                     && int(topology.masters().size()) == int(m_nodes.size()) && topology.uncoveredSlots() == 0;
                if (!ok && last.isEmpty())
                    last = QStringLiteral("cluster_state is not ok yet");
            }
            if (ok)
                break;
            if (steadyNowNs() > deadlineNs) {
                *error = QStringLiteral("node %1 did not reach cluster_state:ok in time (%2)").arg(n.address.toString(), last);
                return false;
            }
            sleepMs(50);
        }
    }
    return true;
}

bool LocalCluster::writeState(QString *error) const
{
    QJsonArray list;
    for (const LocalClusterNode &n : m_nodes) {
        list.append(QJsonObject{{QStringLiteral("host"), QString::fromStdString(n.address.host)},
                                {QStringLiteral("port"), n.address.port},
                                {QStringLiteral("pid"), double(n.pid)},
                                {QStringLiteral("dir"), n.dir}});
    }
    QSaveFile file(QDir(m_options.dir).filePath(stateFileName()));
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(QJsonObject{{QStringLiteral("nodes"), list}}).toJson()) < 0 || !file.commit()) {
        *error = QStringLiteral("%1: cannot write: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

std::vector<LocalClusterNode> LocalCluster::readState(const QString &dir, QString *error)
{
    QFile file(QDir(dir).filePath(stateFileName()));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: no cluster started here (no %2)").arg(dir, stateFileName());
        return {};
    }
    std::vector<LocalClusterNode> nodes;
    const QJsonArray list = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("nodes")).toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        LocalClusterNode n;
        n.address.host = o.value(QStringLiteral("host")).toString().toStdString();
        n.address.port = o.value(QStringLiteral("port")).toInt();
        n.pid = qint64(o.value(QStringLiteral("pid")).toDouble());
        n.dir = o.value(QStringLiteral("dir")).toString();
        nodes.push_back(n);
    }
    if (nodes.empty())
        *error = QStringLiteral("%1: %2 lists no node").arg(dir, stateFileName());
    return nodes;
}

bool LocalCluster::stopFromDir(const QString &dir, int *stopped, QString *error)
{
    const std::vector<LocalClusterNode> nodes = readState(dir, error);
    if (nodes.empty())
        return false;
    int count = 0;
    for (const LocalClusterNode &n : nodes) {
        if (isRedisServer(n.pid)) { // a pid reused by another program is left alone
            terminatePid(n.pid);
            ++count;
        }
        // Only directories this tool made (node-PORT under DIR) are removed.
        if (QFileInfo(n.dir).fileName().startsWith(QLatin1String("node-")) && QFileInfo(n.dir).absolutePath() == QDir(dir).absolutePath())
            QDir(n.dir).removeRecursively();
    }
    QFile::remove(QDir(dir).filePath(stateFileName()));
    if (stopped)
        *stopped = count;
    return true;
}

void LocalCluster::stop()
{
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        if (!m_options.detached) {
            ::kill(pid_t(m_nodes[i].pid), SIGTERM);
            if (!reapChild(m_nodes[i].pid, 5000)) {
                ::kill(pid_t(m_nodes[i].pid), SIGKILL);
                reapChild(m_nodes[i].pid, 2000);
            }
        } else if (isRedisServer(m_nodes[i].pid)) {
            terminatePid(m_nodes[i].pid);
        }
        QDir(m_nodes[i].dir).removeRecursively();
    }
    if (!m_nodes.empty())
        QFile::remove(QDir(m_options.dir).filePath(stateFileName()));
    m_nodes.clear();
}

bool LocalCluster::reapChild(qint64 pid, int timeoutMs)
{
    for (int waited = 0; waited <= timeoutMs; waited += 10) {
        int status = 0;
        const pid_t r = ::waitpid(pid_t(pid), &status, WNOHANG);
        if (r == pid_t(pid) || (r < 0 && errno == ECHILD))
            return true;
        sleepMs(10);
    }
    return false;
}

bool LocalCluster::killNode(int index)
{
    if (index < 0 || index >= int(m_nodes.size()))
        return false;
    const qint64 pid = m_nodes[std::size_t(index)].pid;
    ::kill(pid_t(pid), SIGKILL);
    if (!m_options.detached)
        return reapChild(pid, 5000);
    for (int i = 0; i < 100 && !processGone(pid); ++i)
        sleepMs(20);
    return processGone(pid);
}

} // namespace partlab
