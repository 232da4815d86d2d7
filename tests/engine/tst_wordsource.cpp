#include "tracetesthelpers.h"

#include <QMap>
#include <QRegularExpression>
#include <QTest>

using namespace partlab;
using namespace partlab::testing;

/** Plain text as a trace: words, lowercased, checked against an independent count. */
class TestWordSource : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    /** The reference: QRegularExpression's Unicode classes and QString::toLower. */
    static QMap<QString, int> independentCount(const QByteArray &text)
    {
        QMap<QString, int> counts;
        static const QRegularExpression word(QStringLiteral("[\\p{L}\\p{N}]+"));
        auto it = word.globalMatch(QString::fromUtf8(text));
        while (it.hasNext())
            ++counts[it.next().captured().toLower()];
        return counts;
    }

private slots:
    void countsMatchAnIndependentCount()
    {
        QByteArray text = "The partitioner maps the key; THE key maps to a partition.\r\n"
                          "Caf\xC3\xA9 CAF\xC3\x89 na\xC3\xAFve \xC3\x9C" "ber-routing, 42 apples & 7\xC2\xBD pears!\n"
                          "\n"
                          "\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1 \xE6\x9D\xB1\xE4\xBA\xAC x_y\tz\xE2\x80\x94w 2026-01-01";
        for (int i = 0; i < 20000; ++i) // enough text to cross several buffer refills
            text += "\nline " + QByteArray::number(i % 97) + " of the partitioned text, word" + QByteArray::number(i % 13);
        const ReadResult r = readAll(writeFile(m_dir, QStringLiteral("t.txt"), text), optionsFor(TraceFormat::Words));
        QVERIFY2(r.opened && !r.failed, qPrintable(r.openError + r.error));
        QMap<QString, int> counts;
        for (const ReadMessage &m : r.messages) {
            QCOMPARE(m.value, 1.0);
            ++counts[QString::fromStdString(m.key)];
        }
        const QMap<QString, int> expected = independentCount(text);
        QCOMPARE(counts.size(), expected.size());
        QCOMPARE(counts, expected);
        QCOMPARE(counts.value(QStringLiteral("the")), 3 + 20000);
        QCOMPARE(counts.value(QStringLiteral("caf\u00e9")), 2);
        QCOMPARE(counts.value(QStringLiteral("\u00fcber")), 1);
        QCOMPARE(r.messages.front().line, 1);
        QCOMPARE(r.messages.back().line, 4 + 20000);
    }

    void invalidUtf8IsABadLine()
    {
        const QString path = writeFile(m_dir, QStringLiteral("bad.txt"), "good words\nbad \xff byte\nmore words\n");
        TraceOptions o = optionsFor(TraceFormat::Words);
        ReadResult r = readAll(path, o);
        QVERIFY(r.failed);
        QCOMPARE(r.error, path + QStringLiteral(":2: not valid UTF-8"));
        o.onError = ErrorPolicy::Skip;
        r = readAll(path, o);
        QVERIFY(!r.failed);
        QCOMPARE(r.messages.size(), std::size_t(4));
        QCOMPARE(r.skippedLines, std::vector<qint64>{2});
    }
};

QTEST_APPLESS_MAIN(TestWordSource)
#include "tst_wordsource.moc"
