#include "trace/inflatedstream.h"
#include "trace/traceinput.h"
#include "tracetesthelpers.h"

#include <QTest>

#include <random>
#include <thread>
#include <vector>

using namespace partlab;
using namespace partlab::testing;

/** Gzip input: transparent, by magic bytes, multi-member, and loud about damage. */
class TestTraceInput : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QByteArray readWhole(TraceInput &input, QString *error)
    {
        QByteArray all;
        char buf[4096];
        for (;;) {
            const qint64 n = input.read(buf, sizeof buf);
            if (n < 0) {
                *error = input.errorString();
                break;
            }
            if (n == 0)
                break;
            all.append(buf, qsizetype(n));
        }
        return all;
    }

    static QByteArray sampleCsv(int rows)
    {
        QByteArray csv = "k,v\n";
        for (int i = 0; i < rows; ++i)
            csv += "key" + QByteArray::number(i % 101) + "," + QByteArray::number(i) + "\n";
        return csv;
    }

private slots:
    void gzipReadsLikeThePlainFile()
    {
        const QByteArray csv = sampleCsv(300000);
        // The name says .csv, not .gz: compression is recognised by its magic bytes.
        const QString path = writeFile(m_dir, QStringLiteral("renamed.csv"), gzip(csv));
        TraceInput input;
        QString error;
        QVERIFY(input.open(path, &error));
        QVERIFY(input.isCompressed());
        QCOMPARE(readWhole(input, &error), csv);
        QVERIFY(error.isEmpty());
        QCOMPARE(input.fileBytesRead(), input.fileSize());

        const ReadResult r = readAll(path, optionsFor(TraceFormat::Csv, QStringLiteral("k"), QStringLiteral("v")));
        QVERIFY2(!r.failed, qPrintable(r.error));
        QCOMPARE(r.messages.size(), std::size_t(300000));
        QCOMPARE(r.messages.back().value, 299999.0);
    }

    void concatenatedMembers()
    {
        const QByteArray a = sampleCsv(1000), b = "key7,5\nkey8,6\n";
        const QString path = writeFile(m_dir, QStringLiteral("two.csv.gz"), gzip(a) + gzip(b));
        TraceInput input;
        QString error;
        QVERIFY(input.open(path, &error));
        QCOMPARE(readWhole(input, &error), a + b);
        QVERIFY(error.isEmpty());
    }

    void damageIsAnError_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        const QByteArray gz = gzip(sampleCsv(20000));
        QTest::newRow("truncated") << gz.left(gz.size() / 2) << QStringLiteral("truncated gzip data");
        QTest::newRow("no trailer") << gz.left(gz.size() - 4) << QStringLiteral("truncated gzip data");
        QByteArray flipped = gz;
        flipped[flipped.size() / 2] = char(flipped[flipped.size() / 2] ^ 0x55);
        QTest::newRow("corrupt") << flipped << QStringLiteral("corrupt gzip data");
        QTest::newRow("magic only") << QByteArray("\x1f\x8b") << QStringLiteral("truncated gzip data");
        QTest::newRow("garbage after") << gz + "garbage!" << QStringLiteral("corrupt gzip data");
    }

    void damageIsAnError()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        const QString path = writeFile(m_dir, QStringLiteral("damaged.csv.gz"), bytes);
        TraceOptions o = optionsFor(TraceFormat::Csv, QStringLiteral("k"), QStringLiteral("v"));
        o.onError = ErrorPolicy::Skip; // damage is never skippable: the rest of the file is lost
        const ReadResult r = readAll(path, o);
        if (!r.opened) {
            QVERIFY2(r.openError.startsWith(path + QStringLiteral(": ")) && r.openError.contains(reason), qPrintable(r.openError));
            return;
        }
        QVERIFY2(r.failed, "a damaged gzip file must not look like a shorter trace");
        QVERIFY2(r.error.startsWith(path + QStringLiteral(": ")) && r.error.contains(reason), qPrintable(r.error));
    }

    /** The shared inflater: any offset reads the decompressed bytes, in any order, from several threads. */
    void inflatedStreamReadsAnyOffset()
    {
        const QByteArray csv = sampleCsv(30000);
        const QString path = writeFile(m_dir, QStringLiteral("shared.csv.gz"), gzip(csv.left(csv.size() / 3)) + gzip(csv.mid(csv.size() / 3)));
        QString error;
        // Blocks of 1000 bytes, a window of 5 of them: a reader far ahead pulls the inflater.
        const auto stream = InflatedStream::start(path, &error, 5000, 1000);
        QVERIFY2(stream, qPrintable(error));
        std::vector<std::thread> readers;
        std::vector<QString> problems(3);
        for (int t = 0; t < 3; ++t) {
            readers.emplace_back([&, t] {
                std::mt19937 random{quint32(t)};
                for (int i = 0; i < 300; ++i) {
                    const qint64 offset = qint64(random() % quint32(csv.size()));
                    char buf[1500];
                    QString e;
                    const qint64 n = stream->read(offset, buf, sizeof buf, &e);
                    if (n <= 0 || QByteArray(buf, qsizetype(n)) != csv.mid(offset, n)) {
                        problems[std::size_t(t)] = QStringLiteral("offset %1: %2 bytes %3").arg(offset).arg(n).arg(e);
                        return;
                    }
                }
            });
        }
        for (std::thread &r : readers)
            r.join();
        for (const QString &p : problems)
            QVERIFY2(p.isEmpty(), qPrintable(p));
        QCOMPARE(stream->clamp(csv.size() + 12345), qint64(csv.size()));
        char c = 0;
        QCOMPARE(stream->read(csv.size(), &c, 1, &error), qint64(0)); // the end
        QVERIFY(stream->compressedAt(csv.size() - 1) > 0);
        QVERIFY(stream->compressedAt(csv.size() - 1) <= stream->fileSize());
    }

    /** Released bytes are freed, the pinned header stays, and the inflater keeps within its window. */
    void inflatedStreamMemoryIsBounded()
    {
        const QByteArray csv = sampleCsv(40000); // about 500 KB
        const QString path = writeFile(m_dir, QStringLiteral("bounded.csv.gz"), gzip(csv));
        QString error;
        const auto stream = InflatedStream::start(path, &error, 8000, 1000);
        QVERIFY2(stream, qPrintable(error));
        QCOMPARE(stream->bytesHeld(), qint64(0)); // nothing is inflated before the first read
        stream->pin(4); // "k,v\n"
        qint64 peak = 0;
        char buf[700];
        for (qint64 offset = 0; offset < csv.size();) {
            const qint64 n = stream->read(offset, buf, sizeof buf, &error);
            QVERIFY2(n > 0, qPrintable(error));
            QCOMPARE(QByteArray(buf, qsizetype(n)), csv.mid(offset, n));
            offset += n;
            stream->release(offset);
            peak = qMax(peak, stream->bytesHeld());
        }
        // The window (8 blocks) plus the block being read, the pinned first one and one the inflater finishes.
        QVERIFY2(peak <= 11000, qPrintable(QString::number(peak)));
        QCOMPARE(stream->read(0, buf, 4, &error), qint64(4)); // the pinned header
        QCOMPARE(QByteArray(buf, 4), QByteArray("k,v\n"));
        QCOMPARE(stream->read(5000, buf, 4, &error), qint64(-1)); // released
        QVERIFY(error.contains(QStringLiteral("released")));
    }

    /**
     * A reader that follows the shared inflater seeks through it while the stream holds the
     * offset (no inflating from the start), releases what it has read when asked, and falls back
     * to its own decoder for an offset the stream let go.
     */
    void followerSeeksThroughTheStream()
    {
        const QByteArray csv = sampleCsv(40000);
        const QString path = writeFile(m_dir, QStringLiteral("follow.csv.gz"), gzip(csv));
        QString error;
        const auto stream = InflatedStream::start(path, &error, 8000, 1000);
        QVERIFY2(stream, qPrintable(error));
        TraceInput owner;
        QVERIFY2(owner.open(path, &error), qPrintable(error));
        owner.follow(stream);
        char buf[3000];
        // A parallel phase read and released up to 200 000; the owner goes on from there.
        QCOMPARE(stream->read(199000, buf, 1000, &error), qint64(1000));
        stream->release(199999);
        QVERIFY(owner.seek(200000, &error));
        QCOMPARE(owner.decoderRestarts(), 0);
        qint64 at = 200000;
        for (int i = 0; i < 50; ++i) {
            const qint64 n = owner.read(buf, sizeof buf);
            QVERIFY2(n > 0, qPrintable(owner.errorString()));
            QCOMPARE(QByteArray(buf, qsizetype(n)), csv.mid(at, n));
            at += n;
            owner.releaseBelow(at - 1); // as TraceSource does: the next record may start at `at`
        }
        // Progress comes from the block holding the last byte read, which the release keeps.
        QVERIFY(owner.fileBytesRead() > 0 && owner.fileBytesRead() <= owner.fileSize());
        QVERIFY2(stream->bytesHeld() <= 11000, qPrintable(QString::number(stream->bytesHeld()))); // the owner released as it read
        QVERIFY(!stream->holds(1000));
        // An offset the stream no longer holds: the own decoder inflates its way there.
        QVERIFY(owner.seek(1000, &error));
        QCOMPARE(owner.decoderRestarts(), 1);
        QCOMPARE(owner.read(buf, 100), qint64(100));
        QCOMPARE(QByteArray(buf, 100), csv.mid(1000, 100));
        // And forward again through the stream, where it still holds the bytes.
        QVERIFY(stream->holds(at));
        QVERIFY(owner.seek(at, &error));
        QCOMPARE(owner.decoderRestarts(), 1);
        QCOMPARE(QByteArray(buf, qsizetype(owner.read(buf, 100))), csv.mid(at, 100));
        QCOMPARE(QByteArray(buf, qsizetype(owner.read(buf, 100))), csv.mid(at + 100, 100));
    }

    /** Damage reaches the reader at the offset where it is, in TraceInput's words. */
    void inflatedStreamReportsDamage()
    {
        const QByteArray gz = gzip(sampleCsv(20000));
        const QString path = writeFile(m_dir, QStringLiteral("cut.csv.gz"), gz.left(gz.size() / 2));
        QString error;
        const auto stream = InflatedStream::start(path, &error, 4000, 1000);
        QVERIFY2(stream, qPrintable(error));
        char buf[1000];
        qint64 offset = 0, n = 0;
        while ((n = stream->read(offset, buf, sizeof buf, &error)) > 0)
            offset += n;
        QCOMPARE(n, qint64(-1));
        QVERIFY2(error.startsWith(path + QStringLiteral(": truncated gzip data")), qPrintable(error));
        QVERIFY(offset > 0); // what came before the damage was read
        QVERIFY(!InflatedStream::start(m_dir.filePath(QStringLiteral("nope.gz")), &error));
        QVERIFY(error.contains(QStringLiteral("cannot open")));
    }

    void missingFile()
    {
        TraceInput input;
        QString error;
        QVERIFY(!input.open(m_dir.filePath(QStringLiteral("nope.csv")), &error));
        QVERIFY(error.contains(QStringLiteral("cannot open")));
    }
};

QTEST_APPLESS_MAIN(TestTraceInput)
#include "tst_traceinput.moc"
