#include "workload/boundedsource.h"

#include <QTest>

#include <atomic>
#include <string>
#include <vector>

using namespace partlab;

namespace {

/** Messages "k0", "k1", ... with values 0, 1, ...; an error after @p failAfter of them if set. */
class CountingSource final : public MessageSource
{
public:
    explicit CountingSource(quint64 total, qint64 expected = -1, quint64 failAfter = ~quint64(0))
        : m_total(total), m_expected(expected), m_failAfter(failAfter)
    {
    }

    Status next(SourceMessage &out) override
    {
        if (m_next == m_failAfter) {
            m_error = QStringLiteral("broken at %1").arg(m_next);
            return Status::Error;
        }
        if (m_next == m_total)
            return Status::End;
        m_key = "k" + std::to_string(m_next);
        out.key = m_key;
        out.value = double(m_next++);
        return Status::Message;
    }

    qint64 expectedMessages() const override { return m_expected; }
    QString location() const override { return QStringLiteral("message %1").arg(m_next); }

private:
    quint64 m_total;
    qint64 m_expected;
    quint64 m_failAfter;
    quint64 m_next = 0;
    std::string m_key;
};

quint64 drain(MessageSource &source, MessageSource::Status *last = nullptr)
{
    SourceMessage m;
    quint64 n = 0;
    MessageSource::Status s;
    while ((s = source.next(m)) == MessageSource::Status::Message)
        ++n;
    if (last)
        *last = s;
    return n;
}

} // namespace

/** BoundedSource: the limit, the cancel flag, the count, the progress callback and what it passes through. */
class TestBoundedSource : public QObject
{
    Q_OBJECT

private slots:
    void endsAtTheLimit()
    {
        BoundedSource source(std::make_unique<CountingSource>(100, 100), 30, nullptr);
        QCOMPARE(source.expectedMessages(), 30);
        QCOMPARE(drain(source), quint64(30));
        QCOMPARE(source.count(), quint64(30));
        QCOMPARE(source.fraction(), 1.0);
        SourceMessage m;
        QCOMPARE(source.next(m), MessageSource::Status::End); // and stays ended
    }

    void endsWithAShortSource()
    {
        BoundedSource source(std::make_unique<CountingSource>(10, 10), 1000, nullptr);
        QCOMPARE(source.expectedMessages(), 10);
        QCOMPARE(drain(source), quint64(10));
        QCOMPARE(source.fraction(), 1.0);
        BoundedSource unknown(std::make_unique<CountingSource>(10), 40, nullptr);
        QCOMPARE(unknown.expectedMessages(), -1);
        QCOMPARE(drain(unknown), quint64(10));
        QCOMPARE(unknown.fraction(), 0.25); // of the limit: the inner source knows no total
    }

    void stopsWhenCancelled()
    {
        std::atomic<bool> cancel{false};
        BoundedSource source(std::make_unique<CountingSource>(1000), 1000, &cancel);
        SourceMessage m;
        for (int i = 0; i < 5; ++i)
            QCOMPARE(source.next(m), MessageSource::Status::Message);
        QVERIFY(!source.cancelled());
        cancel = true;
        QVERIFY(source.cancelled());
        QCOMPARE(source.next(m), MessageSource::Status::End);
        QCOMPARE(source.count(), quint64(5));
    }

    void reportsProgress()
    {
        BoundedSource source(std::make_unique<CountingSource>(100, 100), 100, nullptr);
        std::vector<double> seen;
        source.setProgress([&seen](double f) { seen.push_back(f); }, 25);
        QCOMPARE(drain(source), quint64(100));
        QCOMPARE(seen, (std::vector<double>{0.25, 0.5, 0.75, 1.0}));
    }

    void passesMessagesAndErrorsThrough()
    {
        BoundedSource source(std::make_unique<CountingSource>(100, -1, 3), 50, nullptr);
        SourceMessage m;
        QCOMPARE(source.next(m), MessageSource::Status::Message);
        QCOMPARE(QByteArray(m.key.data(), qsizetype(m.key.size())), QByteArray("k0"));
        QCOMPARE(m.value, 0.0);
        MessageSource::Status last;
        QCOMPARE(drain(source, &last), quint64(2));
        QCOMPARE(last, MessageSource::Status::Error);
        QCOMPARE(source.errorString(), QStringLiteral("broken at 3"));
        QCOMPARE(source.location(), QStringLiteral("message 3"));
        QCOMPARE(source.count(), quint64(3));
    }
};

QTEST_APPLESS_MAIN(TestBoundedSource)
#include "tst_boundedsource.moc"
