// partlab-cli route: the partition of each key, exactly as the real system computes it.
#include "command.h"
#include "routing/partitionerargs.h"

#include "redis/slotverifier.h"
#include "routing/crc16.h"
#include "routing/keyencoding.h"
#include "routing/keyformat.h"
#include "routing/partitioner.h"
#include "runtime/statedump.h"

#include <QByteArrayView>

#include <charconv>
#include <cstdio>
#include <string>

namespace partlab::cli {

namespace {

const QString kCommand = QStringLiteral("route");

/** Longest key line accepted from stdin; beyond it the input is surely not a key list. */
constexpr std::size_t kMaxLineBytes = std::size_t(16) << 20;

/**
 * Buffered stdout for millions of short lines: one fwrite per 256 KiB instead of one per key,
 * and numbers written with std::to_chars (no locale, no QString per key).
 */
class OutputBuffer
{
public:
    OutputBuffer() { m_data.reserve(kFlushAt + 4096); }
    ~OutputBuffer() { flush(); }

    void append(std::string_view text)
    {
        m_data.append(text);
        if (m_data.size() >= kFlushAt)
            flush();
    }
    void append(char c) { m_data.push_back(c); }
    template<typename Integer>
    void appendNumber(Integer value)
    {
        char digits[24];
        const auto result = std::to_chars(digits, digits + sizeof digits, value);
        m_data.append(digits, std::size_t(result.ptr - digits));
    }
    void flush()
    {
        if (!m_data.empty())
            std::fwrite(m_data.data(), 1, m_data.size(), stdout);
        m_data.clear();
        std::fflush(stdout);
    }

private:
    static constexpr std::size_t kFlushAt = 256 * 1024;
    std::string m_data;
};

/** Routes one key and writes its row: key, [hash,] partition[, step]. */
class Router
{
public:
    Router(const Partitioner &partitioner, bool explain, OutputBuffer &out, SlotVerifier *verifier = nullptr)
        : m_partitioner(partitioner), m_explain(explain), m_hasStep(!partitioner.stepName().isEmpty()),
          m_extraColumns(partitioner.explainColumns()), m_out(out), m_verifier(verifier)
    {
    }

    /** --verify: the error of the last failed check ("HOST:PORT: ..."). */
    QString verifyError() const { return m_verifyError; }

    /** --verify: checks the queued keys, prints a line per mismatch; false on a network failure. */
    bool flushVerify()
    {
        if (!m_verifier->flush(&m_verifyError))
            return false;
        printMismatches();
        return true;
    }

    void header()
    {
        if (!m_explain || m_verifier)
            return;
        m_out.append("key\thash\tpartition");
        if (m_hasStep) {
            m_out.append('\t');
            m_out.append(m_partitioner.stepName().toStdString());
        }
        for (const QString &column : m_extraColumns) {
            m_out.append('\t');
            m_out.append(column.toStdString());
        }
        m_out.append('\n');
    }

    bool route(std::string_view keyText, const RoutingKey &key)
    {
        if (m_verifier) { // --verify: only mismatches are printed, as key, partlab slot, server slot
            KeyScratch scratch;
            const std::string_view bytes = encodeKey(key, IntegerEncoding::DecimalText, scratch);
            if (!m_verifier->add(bytes, redisKeySlot(bytes), &m_verifyError))
                return false;
            printMismatches();
            return true;
        }
        appendEscapedKey(m_out, keyText);
        m_out.append('\t');
        if (!m_explain) {
            m_out.appendNumber(m_partitioner.partition(key));
            m_out.append('\n');
            return true;
        }
        const RouteExplanation e = m_partitioner.explain(key);
        if (!e.hashText.isEmpty())
            m_out.append(e.hashText.toStdString());
        else
            m_out.appendNumber(e.hash);
        m_out.append('\t');
        m_out.appendNumber(e.partition);
        if (m_hasStep) {
            m_out.append('\t');
            m_out.appendNumber(e.step);
        }
        for (const QString &value : e.extra) {
            m_out.append('\t');
            m_out.append(value.toStdString());
        }
        m_out.append('\n');
        return true;
    }

private:
    void printMismatches()
    {
        for (const SlotMismatch &m : m_verifier->takeMismatches()) {
            appendEscapedKey(m_out, m.key);
            m_out.append('\t');
            m_out.appendNumber(m.partlabSlot);
            m_out.append('\t');
            m_out.appendNumber(m.serverSlot);
            m_out.append('\n');
        }
    }

    const Partitioner &m_partitioner;
    bool m_explain;
    bool m_hasStep;
    QStringList m_extraColumns;
    OutputBuffer &m_out;
    SlotVerifier *m_verifier;
    QString m_verifyError;
};

/**
 * Streams keys from stdin, one per line, in constant memory: an empty line is the empty key,
 * a CR before the newline is dropped (CRLF files), and the final newline adds no key.
 * Returns the exit code.
 */
int routeStdin(Router &router, KeyFormat format, OutputBuffer &out)
{
    std::string carry; // a line split across two reads
    std::string storage;
    std::vector<char> buffer(std::size_t(1) << 20);
    qint64 lineNumber = 0;
    QString error;
    bool verifyFailed = false;

    const auto handleLine = [&](std::string_view line) -> bool {
        ++lineNumber;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (format == KeyFormat::Text && !QByteArrayView(line.data(), qsizetype(line.size())).isValidUtf8()) {
            error = QStringLiteral("the key is not valid UTF-8 (give --key-format hex for raw bytes)");
            return false;
        }
        RoutingKey key;
        if (!parseKey(line, format, storage, key, &error))
            return false;
        if (!router.route(line, key)) {
            verifyFailed = true;
            return false;
        }
        return true;
    };
    const auto fail = [&]() {
        out.flush();
        if (verifyFailed) {
            printErr(QStringLiteral("partlab-cli %1: --verify: %2\n").arg(kCommand, router.verifyError()));
            return int(ExitFailure);
        }
        printErr(QStringLiteral("partlab-cli %1: stdin line %2: %3\n").arg(kCommand).arg(lineNumber).arg(error));
        return int(ExitUsage);
    };

    for (;;) {
        const std::size_t got = std::fread(buffer.data(), 1, buffer.size(), stdin);
        if (got == 0)
            break;
        std::string_view chunk(buffer.data(), got);
        while (!chunk.empty()) {
            const std::size_t newline = chunk.find('\n');
            if (newline == std::string_view::npos) {
                if (carry.size() + chunk.size() > kMaxLineBytes) {
                    ++lineNumber;
                    error = QStringLiteral("a key longer than %1 bytes").arg(kMaxLineBytes);
                    return fail();
                }
                carry.append(chunk);
                break;
            }
            bool ok;
            if (carry.empty()) {
                ok = handleLine(chunk.substr(0, newline));
            } else {
                carry.append(chunk.substr(0, newline));
                ok = handleLine(carry);
                carry.clear();
            }
            if (!ok)
                return fail();
            chunk.remove_prefix(newline + 1);
        }
    }
    if (std::ferror(stdin)) {
        out.flush();
        printErr(QStringLiteral("partlab-cli %1: cannot read stdin\n").arg(kCommand));
        return ExitFailure;
    }
    if (!carry.empty() && !handleLine(carry)) // a last line without a newline is still a key
        return fail();
    return ExitOk;
}

int runRoute(const QStringList &arguments)
{
    QCommandLineParser parser;
    addPartitionerOptions(parser);
    parser.addOptions({
        {QStringLiteral("key-format"),
         QStringLiteral("How keys are written: text (UTF-8, default), hex (the exact bytes), i32 / i64 (Java Integer / "
                        "Long), u64 (unsigned 64-bit)."),
         QStringLiteral("F")},
        {QStringLiteral("explain"),
         QStringLiteral("Print a header and the columns key, hash, partition and the intermediate steps (redis: slot; "
                        "flink: key_group; elasticsearch: routing_shard, routing_num_shards, routing_factor, "
                        "partition_offset; hazelcast: the serialized bytes in hex).")},
        {QStringLiteral("verify"),
         QStringLiteral("redis only: ask the cluster node HOST:PORT for every key's slot (CLUSTER KEYSLOT, pipelined) and "
                        "print only the keys where Partlab differs (key, Partlab's slot, the server's), then a summary."),
         QStringLiteral("HOST:PORT")},
    });
    parser.addPositionalArgument(QStringLiteral("KEY"), QStringLiteral("Keys to route; without any, one key per line from stdin."),
                                 QStringLiteral("[KEY...]"));
    if (const auto exit = parseArguments(parser, kCommand,
                                         QStringLiteral("Prints key<TAB>partition for each key, as the real system routes it."),
                                         arguments, true))
        return *exit;

    if (!parser.isSet(QStringLiteral("partitioner")))
        return usageError(kCommand, QStringLiteral("--partitioner NAME is required (one of: %1)")
                                        .arg(partitionerNames().join(QStringLiteral(", "))));
    const QString name = parser.value(QStringLiteral("partitioner"));
    if (const QString problem = partitionerOptionError(name); !problem.isEmpty())
        return usageError(kCommand, problem);
    PartitionerOptions options;
    QString error = readPartitionerOptions(parser, name, options);
    if (!error.isEmpty())
        return usageError(kCommand, error);
    KeyFormat format = KeyFormat::Text;
    if (parser.isSet(QStringLiteral("key-format"))) {
        const auto f = keyFormatFromName(parser.value(QStringLiteral("key-format")));
        if (!f)
            return usageError(kCommand, QStringLiteral("--key-format: unknown format '%1' (choose one of: %2)")
                                            .arg(parser.value(QStringLiteral("key-format")), keyFormatNames().join(QStringLiteral(", "))));
        format = *f;
    }
    const auto partitioner = createPartitioner(name, options, &error);
    if (!partitioner)
        return usageError(kCommand, error);
    std::unique_ptr<SlotVerifier> verifier;
    if (parser.isSet(QStringLiteral("verify"))) {
        if (name != QLatin1String("redis"))
            return usageError(kCommand, QStringLiteral("--verify checks Redis Cluster slots: use it with --partitioner redis"));
        if (parser.isSet(QStringLiteral("explain")))
            return usageError(kCommand, QStringLiteral("--verify and --explain exclude each other"));
        const auto node = RedisAddress::parse(parser.value(QStringLiteral("verify")), &error);
        if (!node)
            return usageError(kCommand, QStringLiteral("--verify: %1").arg(error));
        verifier = SlotVerifier::connect(*node, &error);
        if (!verifier) {
            printErr(QStringLiteral("partlab-cli %1: --verify: %2\n").arg(kCommand, error));
            return ExitFailure;
        }
    }

    // Keys given as arguments are all checked before anything is printed.
    const QStringList positional = parser.positionalArguments();
    std::vector<QByteArray> keys;
    keys.reserve(std::size_t(positional.size()));
    for (const QString &arg : positional) {
        keys.push_back(arg.toUtf8());
        std::string storage;
        RoutingKey key;
        if (!parseKey(std::string_view(keys.back().constData(), std::size_t(keys.back().size())), format, storage, key, &error))
            return usageError(kCommand, error);
    }

    OutputBuffer out;
    Router router(*partitioner, parser.isSet(QStringLiteral("explain")), out, verifier.get());
    router.header();
    int exit = ExitOk;
    if (keys.empty()) {
        exit = routeStdin(router, format, out);
    } else {
        std::string storage;
        for (const QByteArray &k : keys) {
            const std::string_view text(k.constData(), std::size_t(k.size()));
            RoutingKey key;
            parseKey(text, format, storage, key, nullptr);
            if (!router.route(text, key)) {
                exit = ExitFailure;
                out.flush();
                printErr(QStringLiteral("partlab-cli %1: --verify: %2\n").arg(kCommand, router.verifyError()));
                break;
            }
        }
    }
    if (exit != ExitOk || !verifier)
        return exit;
    if (!router.flushVerify()) {
        out.flush();
        printErr(QStringLiteral("partlab-cli %1: --verify: %2\n").arg(kCommand, router.verifyError()));
        return ExitFailure;
    }
    out.flush();
    printOut(QStringLiteral("verified %1 keys against %2 (CLUSTER KEYSLOT): %3 mismatches\n")
                 .arg(verifier->checked()).arg(parser.value(QStringLiteral("verify"))).arg(verifier->mismatchCount()));
    return verifier->mismatchCount() == 0 ? ExitOk : ExitFailure;
}

} // namespace

PARTLAB_CLI_COMMAND("route", "Print the partition of each key, exactly as a real system routes it", runRoute);

} // namespace partlab::cli
