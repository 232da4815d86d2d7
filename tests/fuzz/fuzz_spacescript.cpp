// Fuzz target: the space script runner (engine/space/scriptrunner). Each input is a script; its
// lines run one by one against a fresh small space (3 partitions, three types, a few entries, a
// subscription). Invariants beyond "no crash":
//  - every non-blank line gets exactly one answer: one JSON object on one line, with its line
//    number, a boolean "ok" and an error exactly when it failed; a blank line gets none;
//  - a failed operation leaves the space as it was (every entry of every type, and the types);
//  - an operation that only reads leaves the space as it was, a take removes what it returns and
//    a clear what it counts;
//  - SpaceScriptRunner::run() over the whole input answers once per non-blank line.
// Lines asking for a blocking wait over 5 ms are not run (the fuzzer would spend its time waiting).
#include "space/scriptrunner.h"
#include "space/spacejson.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdlib>

namespace {

using namespace partlab;

void check(bool condition)
{
    if (!condition)
        std::abort();
}

const char *const kPrelude[] = {
    R"({"op":"defineType","type":"Order","properties":{"orderId":"string","customerId":"string","amount":"double","qty":"int","paid":"bool"},"id":"orderId","routing":"customerId","indexed":["amount"],"fifo":true})",
    R"({"op":"defineType","type":"Event","properties":{"eventId":"string","kind":"string","n":"long"},"id":"eventId","autoGenerateId":true})",
    R"({"op":"defineType","type":"Customer","properties":{"customerId":"string","name":"string"},"id":"customerId"})",
    // Plain writes, not writeMultiple: a batch over several partitions starts and joins pool
    // threads, which is slow under ASan and would cost most of the fuzzer's time in the prelude.
    R"({"op":"write","type":"Order","entry":{"orderId":"o1","customerId":"c1","amount":12.5,"qty":1}})",
    R"({"op":"write","type":"Order","entry":{"orderId":"o2","customerId":"c2","amount":3,"qty":2,"paid":true}})",
    R"({"op":"write","type":"Order","entry":{"orderId":"o3","customerId":"c1","amount":40}})",
    R"({"op":"write","type":"Event","entry":{"kind":"login","n":1}})",
    R"({"op":"write","type":"Customer","entry":{"customerId":"c1","name":"Ann"}})",
    R"({"op":"subscribe","type":"Order","template":{"customerId":"c1"}})",
};

/** A folder with a small CSV for "load" (relative names resolve against it). */
const QString &scriptFolder()
{
    static QTemporaryDir dir;
    static const bool written = [] {
        QFile f(dir.filePath(QStringLiteral("customers.csv")));
        return f.open(QIODevice::WriteOnly) && f.write("customerId,name\nc7,Gus\nc8,Hal\n") > 0;
    }();
    Q_UNUSED(written);
    static const QString path = dir.path();
    return path;
}

/** Every entry of every type, as sorted JSON lines, plus the type names: what "as it was" means. */
QStringList contents(SpaceProxy &proxy)
{
    QStringList out = proxy.typeNames();
    for (const QString &name : proxy.typeNames()) {
        const ReadResult r = proxy.readMultiple(SpaceQuery::all(*proxy.type(name)));
        check(r.ok);
        QStringList entries;
        for (const Entry &e : r.entries)
            entries << QString::fromUtf8(QJsonDocument(SpaceJson::entryToJson(e)).toJson(QJsonDocument::Compact));
        entries.sort();
        for (const QString &e : entries)
            out << name + QLatin1Char(' ') + e;
    }
    return out;
}

qint64 entryCount(const QStringList &contents)
{
    return std::count_if(contents.begin(), contents.end(), [](const QString &s) { return s.contains(QLatin1Char(' ')); });
}

std::unique_ptr<SpaceProxy> freshSpace(SpaceScriptRunner *&runner, std::unique_ptr<SpaceScriptRunner> &holder)
{
    auto proxy = SpaceProxy::create(3);
    holder = std::make_unique<SpaceScriptRunner>(*proxy, scriptFolder());
    runner = holder.get();
    qint64 n = 0;
    for (const char *line : kPrelude) {
        const QJsonObject answer = QJsonDocument::fromJson(runner->runLine(--n, QByteArray(line))).object();
        check(answer.value(QStringLiteral("ok")).toBool());
    }
    return proxy;
}

bool waitsTooLong(const QByteArray &line)
{
    if (!line.contains("timeout_ms"))
        return false;
    const QJsonValue timeout = QJsonDocument::fromJson(line).object().value(QStringLiteral("timeout_ms"));
    return timeout.toDouble() > 5;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const QList<QByteArray> lines = input.split('\n');
    if (lines.size() > 64)
        return 0;
    for (const QByteArray &line : lines) {
        if (waitsTooLong(line))
            return 0;
    }

    SpaceScriptRunner *runner = nullptr;
    std::unique_ptr<SpaceScriptRunner> holder;
    {
        auto proxy = freshSpace(runner, holder);
        qint64 lineNumber = 0;
        QStringList after = contents(*proxy);
        for (const QByteArray &line : lines) {
            ++lineNumber;
            const QStringList before = after; // nothing runs between two lines
            const QByteArray answerText = runner->runLine(lineNumber, line);
            after = contents(*proxy);
            if (line.trimmed().isEmpty()) {
                check(answerText.isEmpty());
                check(after == before);
                continue;
            }
            check(!answerText.isEmpty() && !answerText.contains('\n'));
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(answerText, &parseError);
            check(parseError.error == QJsonParseError::NoError && document.isObject());
            const QJsonObject answer = document.object();
            check(answer.value(QStringLiteral("line")).toInteger() == lineNumber);
            check(answer.value(QStringLiteral("ok")).isBool());
            const bool ok = answer.value(QStringLiteral("ok")).toBool();
            check(ok == answer.value(QStringLiteral("error")).isNull());
            check(ok || !answer.value(QStringLiteral("error")).toString().isEmpty());
            if (!ok) {
                check(after == before); // a failed operation leaves the space as it was
                continue;
            }
            const QString op = answer.value(QStringLiteral("op")).toString();
            const QJsonObject result = answer.value(QStringLiteral("result")).toObject();
            static const QStringList readOnly = {QStringLiteral("defineType"), QStringLiteral("read"), QStringLiteral("readMultiple"),
                                                 QStringLiteral("readById"), QStringLiteral("count"), QStringLiteral("subscribe"),
                                                 QStringLiteral("unsubscribe"), QStringLiteral("snapshot"), QStringLiteral("stats")};
            if (readOnly.contains(op) && op != QLatin1String("defineType")) {
                check(after == before);
            } else if (op == QLatin1String("defineType")) {
                check(entryCount(after) == entryCount(before));
            } else if (op == QLatin1String("take") || op == QLatin1String("takeById")) {
                check(entryCount(after) == entryCount(before) - (result.value(QStringLiteral("entry")).isObject() ? 1 : 0));
            } else if (op == QLatin1String("takeMultiple")) {
                check(entryCount(after) == entryCount(before) - result.value(QStringLiteral("count")).toInteger());
            } else if (op == QLatin1String("clear")) {
                check(entryCount(after) == entryCount(before) - result.value(QStringLiteral("count")).toInteger());
            }
        }
        holder.reset(); // unsubscribes before the proxy goes
    }

    // The streaming entry point: one answer per non-blank line (an empty space is enough here).
    auto proxy = SpaceProxy::create(3);
    holder = std::make_unique<SpaceScriptRunner>(*proxy, scriptFolder());
    runner = holder.get();
    QBuffer buffer;
    buffer.setData(input);
    buffer.open(QIODevice::ReadOnly);
    qsizetype answers = 0;
    runner->run(buffer, [&answers](const QByteArray &answer) {
        check(!answer.contains('\n'));
        ++answers;
    });
    const qsizetype expected = std::count_if(lines.begin(), lines.end(), [](const QByteArray &l) { return !l.trimmed().isEmpty(); });
    check(answers == expected);
    holder.reset();
    return 0;
}
