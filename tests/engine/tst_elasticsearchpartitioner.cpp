#include "routing/elasticsearchpartitioner.h"
#include "routing/murmurhash.h"
#include "routing/partitioner.h"

#include <QTest>

#include <limits>
#include <set>

using namespace partlab;

namespace {
std::string_view view(const QByteArray &b)
{
    return std::string_view(b.constData(), std::size_t(b.size()));
}

PartitionerOptions options(int shards, int routingNumShards = 0, int routingPartitionSize = 1, const QString &id = {})
{
    PartitionerOptions o;
    o.partitions = shards;
    o.routingNumShards = routingNumShards;
    o.routingPartitionSize = routingPartitionSize;
    o.documentId = id;
    return o;
}
} // namespace

/** Elasticsearch's document routing against the values Elasticsearch's own tests publish. */
class TestElasticsearchPartitioner : public QObject
{
    Q_OBJECT

private slots:
    void hash_data()
    {
        QTest::addColumn<QByteArray>("routing");
        QTest::addColumn<uint>("expected");
        // elastic/elasticsearch server/src/test/java/org/elasticsearch/cluster/routing/operation/
        // hash/murmur3/Murmur3HashFunctionTests.java (commit 67bed573), testKnownValues:
        // Murmur3HashFunction.hash(String) over the UTF-16LE code units, seed 0.
        QTest::newRow("hell") << QByteArray("hell") << 0x5a0cb7c3U;
        QTest::newRow("hello") << QByteArray("hello") << 0xd7c31989U;
        QTest::newRow("hello w") << QByteArray("hello w") << 0x22ab2984U;
        QTest::newRow("hello wo") << QByteArray("hello wo") << 0xdf0ca123U;
        QTest::newRow("hello wor") << QByteArray("hello wor") << 0xe7744d61U;
        QTest::newRow("dog") << QByteArray("The quick brown fox jumps over the lazy dog") << 0xe07db09cU;
        QTest::newRow("cog") << QByteArray("The quick brown fox jumps over the lazy cog") << 0x4e63d2adU;
    }

    void hash()
    {
        QFETCH(QByteArray, routing);
        QFETCH(uint, expected);
        QCOMPARE(quint32(ElasticsearchPartitioner::hash(RoutingKey::text(view(routing)))), quint32(expected));
    }

    void nonAsciiIsUtf16()
    {
        // Java Strings are UTF-16: "é" is the code unit 0x00E9, an emoji a surrogate pair
        // (U+1F600 = D83D DE00); each unit is hashed low byte first.
        const struct
        {
            QByteArray utf8;
            QByteArray utf16le;
        } cases[] = {
            {QByteArray("\xc3\xa9"), QByteArray::fromHex("e900")},
            {QByteArray("Z\xc3\xbcrich"), QByteArray::fromHex("5a00fc007200690063006800")},
            {QByteArray("\xe6\x9d\xb1\xe4\xba\xac"), QByteArray::fromHex("7167ac4e")}, // 東京
            {QByteArray("\xf0\x9f\x98\x80"), QByteArray::fromHex("3dd800de")},
        };
        for (const auto &c : cases) {
            QCOMPARE(ElasticsearchPartitioner::hash(RoutingKey::text(view(c.utf8))), murmur3x86_32(view(c.utf16le), 0));
        }
        // Integer keys route by their decimal text, as an Elasticsearch _routing string.
        QCOMPARE(ElasticsearchPartitioner::hash(RoutingKey::int64(-42)), ElasticsearchPartitioner::hash(RoutingKey::text("-42")));
    }

    void defaultRoutingNumShards()
    {
        // elastic/elasticsearch server/src/test/java/org/elasticsearch/cluster/metadata/
        // MetadataCreateIndexServiceTests.java, testCalculateNumRoutingShards.
        QCOMPARE(ElasticsearchPartitioner::defaultRoutingNumShards(1), 1024);
        QCOMPARE(ElasticsearchPartitioner::defaultRoutingNumShards(2), 1024);
        QCOMPARE(ElasticsearchPartitioner::defaultRoutingNumShards(3), 768);
        QCOMPARE(ElasticsearchPartitioner::defaultRoutingNumShards(9), 576);
        QCOMPARE(ElasticsearchPartitioner::defaultRoutingNumShards(512), 1024);
        QCOMPARE(ElasticsearchPartitioner::defaultRoutingNumShards(1024), 2048);
        QCOMPARE(ElasticsearchPartitioner::defaultRoutingNumShards(5), 640);
    }

    void bwc_data()
    {
        QTest::addColumn<QByteArray>("routing");
        QTest::addColumn<int>("shard");
        // elastic/elasticsearch server/src/test/java/org/elasticsearch/cluster/routing/
        // IndexRoutingTests.java (commit ed0c1192), testBWC: 8 shards built with IndexMetadata's
        // builder, whose routing_num_shards is the shard count (8).
        QTest::newRow("sEERfFzPSI") << QByteArray("sEERfFzPSI") << 1;
        QTest::newRow("cNRiIrjzYd") << QByteArray("cNRiIrjzYd") << 7;
        QTest::newRow("BgfLBXUyWT") << QByteArray("BgfLBXUyWT") << 5;
        QTest::newRow("cnepjZhQnb") << QByteArray("cnepjZhQnb") << 3;
        QTest::newRow("OKCmuYkeCK") << QByteArray("OKCmuYkeCK") << 6;
        QTest::newRow("OutXGRQUja") << QByteArray("OutXGRQUja") << 5;
        QTest::newRow("yCdyocKWou") << QByteArray("yCdyocKWou") << 1;
        QTest::newRow("KXuNWWNgVj") << QByteArray("KXuNWWNgVj") << 2;
        QTest::newRow("DGJOYrpESx") << QByteArray("DGJOYrpESx") << 4;
        QTest::newRow("upLDybdTGs") << QByteArray("upLDybdTGs") << 5;
        QTest::newRow("hswhrppvDH") << QByteArray("hswhrppvDH") << 0;
        QTest::newRow("tFyVdQauWR") << QByteArray("tFyVdQauWR") << 6;
        QTest::newRow("FYQRIBcNqz") << QByteArray("FYQRIBcNqz") << 0;
        QTest::newRow("EBzEDAPODe") << QByteArray("EBzEDAPODe") << 2;
        QTest::newRow("PeGJjomyik") << QByteArray("PeGJjomyik") << 3;
        QTest::newRow("kblouyFUbu") << QByteArray("kblouyFUbu") << 7;
        QTest::newRow("bGEIEBLATe") << QByteArray("bGEIEBLATe") << 6;
        QTest::newRow("QrklDfvEJU") << QByteArray("QrklDfvEJU") << 6;
        QTest::newRow("nbZWPWJsIM") << QByteArray("nbZWPWJsIM") << 0;
        QTest::newRow("AITyyoyLLs") << QByteArray("AITyyoyLLs") << 4;
    }

    void bwc()
    {
        QFETCH(QByteArray, routing);
        QFETCH(int, shard);
        QString error;
        const auto p = createPartitioner(QStringLiteral("elasticsearch"), options(8, 8), &error);
        QVERIFY2(p, qPrintable(error));
        QCOMPARE(p->partition(RoutingKey::text(view(routing))), shard);
        const RouteExplanation e = p->explain(RoutingKey::text(view(routing)));
        QCOMPARE(e.partition, shard);
        QCOMPARE(e.step, qint64(shard)); // routing_factor 1
        QCOMPARE(e.extra, (QStringList{QStringLiteral("8"), QStringLiteral("1"), QStringLiteral("0")}));
    }

    void partitioned_data()
    {
        QTest::addColumn<int>("shards");
        QTest::addColumn<int>("routingNumShards");
        QTest::addColumn<int>("partitionSize");
        QTest::addColumn<QString>("routing");
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("shard");
        // IndexRoutingTests.java (commit ed0c1192), testPartitionedIndexShrunk: 4 shards,
        // routing_num_shards 8, routing_partition_size 3.
        const std::pair<const char *, int> shrunk[] = {
            {"a_0", 1}, {"a_1", 2}, {"a_2", 2}, {"a_3", 2}, {"a_4", 1}, {"a_5", 2},
            {"b_0", 0}, {"b_1", 0}, {"b_2", 0}, {"b_3", 0}, {"b_4", 3}, {"b_5", 3},
            {"c_0", 1}, {"c_1", 1}, {"c_2", 0}, {"c_3", 0}, {"c_4", 0}, {"c_5", 1},
            {"d_0", 2}, {"d_1", 2}, {"d_2", 3}, {"d_3", 3}, {"d_4", 3}, {"d_5", 3},
        };
        for (const auto &[id, shard] : shrunk)
            QTest::newRow(qPrintable(QStringLiteral("shrunk/%1").arg(QLatin1String(id))))
                << 4 << 8 << 3 << QString(QLatin1Char(id[0])) << QString::fromLatin1(id) << shard;
        // testPartitionedIndexBWC: 6 shards (routing_num_shards 6), routing_partition_size 2.
        const std::pair<const char *, int> bwc[] = {
            {"a_0", 3}, {"a_1", 2}, {"a_2", 2}, {"a_3", 3}, {"b_0", 5}, {"b_1", 0}, {"b_2", 0}, {"b_3", 0},
            {"c_0", 4}, {"c_1", 4}, {"c_2", 3}, {"c_3", 4}, {"d_0", 3}, {"d_1", 4}, {"d_2", 4}, {"d_3", 4},
        };
        for (const auto &[id, shard] : bwc)
            QTest::newRow(qPrintable(QStringLiteral("bwc/%1").arg(QLatin1String(id))))
                << 6 << 6 << 2 << QString(QLatin1Char(id[0])) << QString::fromLatin1(id) << shard;
    }

    void partitioned()
    {
        QFETCH(int, shards);
        QFETCH(int, routingNumShards);
        QFETCH(int, partitionSize);
        QFETCH(QString, routing);
        QFETCH(QString, id);
        QFETCH(int, shard);
        QString error;
        const auto p = createPartitioner(QStringLiteral("elasticsearch"), options(shards, routingNumShards, partitionSize, id), &error);
        QVERIFY2(p, qPrintable(error));
        const QByteArray r = routing.toUtf8();
        QCOMPARE(p->partition(RoutingKey::text(view(r))), shard);
        // The same document through shardFor(routing, _id), with the _id given per document.
        const ElasticsearchPartitioner perDocument(options(shards, routingNumShards, partitionSize, QStringLiteral("unused")));
        const QByteArray i = id.toUtf8();
        QCOMPARE(perDocument.shardFor(RoutingKey::text(view(r)), RoutingKey::text(view(i))), shard);
    }

    void floorModOfNegativeHashes()
    {
        // hash("hello") = 0xd7c31989 is negative as a Java int: floorMod, not %, keeps the
        // routing shard in range. -675866231 mod 1024 = 393 (C++'s % would give -631).
        const qint32 h = ElasticsearchPartitioner::hash(RoutingKey::text("hello"));
        QCOMPARE(h, qint32(0xd7c31989U));
        QVERIFY(h < 0);
        QString error;
        const auto p = createPartitioner(QStringLiteral("elasticsearch"), options(8), &error);
        QVERIFY2(p, qPrintable(error));
        const RouteExplanation e = p->explain(RoutingKey::text("hello"));
        QCOMPARE(e.step, qint64(((qint64(h) % 1024) + 1024) % 1024));
        QCOMPARE(e.partition, int(e.step / 128));
        QCOMPARE(e.extra, (QStringList{QStringLiteral("1024"), QStringLiteral("128"), QStringLiteral("0")}));
    }

    void offsetWrapsLikeJavaInt()
    {
        // hash + partitionOffset is a Java int: Integer.MAX_VALUE + 2 wraps to -2147483647, and
        // floorMod(-2147483647, 6) = 5, where the unwrapped 2147483649 % 6 would be 3. (With a
        // power-of-two routing_num_shards the two agree, so 6 shows the difference.)
        QCOMPARE(ElasticsearchPartitioner::routingShardOf(std::numeric_limits<qint32>::max(), 2, 6), 5);
        QCOMPARE(ElasticsearchPartitioner::routingShardOf(std::numeric_limits<qint32>::max(), 0, 6), 1);
        QCOMPARE(ElasticsearchPartitioner::routingShardOf(std::numeric_limits<qint32>::min(), 0, 6), 4);
        QCOMPARE(ElasticsearchPartitioner::routingShardOf(-1, 0, 6), 5);
        // The offset comes from the _id: floorMod(hash(_id), routing_partition_size).
        const ElasticsearchPartitioner p(options(4, 8, 3, QStringLiteral("a_1")));
        const qint32 idHash = ElasticsearchPartitioner::hash(RoutingKey::text("a_1"));
        QCOMPARE(p.partitionOffset(), int(((qint64(idHash) % 3) + 3) % 3));
    }

    void routingPartitionSpreadsOneRouting()
    {
        // With routing_num_shards = number_of_shards, one routing value with many _ids lands on
        // exactly routing_partition_size shards (IndexRoutingTests.testPartitionedIndex).
        for (int size = 2; size < 5; ++size) {
            std::set<int> shards;
            for (int i = 0; i < 300; ++i) {
                const ElasticsearchPartitioner p(options(5, 5, size, QStringLiteral("doc-%1").arg(i)));
                shards.insert(p.partition(RoutingKey::text("tenant-7")));
            }
            QCOMPARE(int(shards.size()), size);
        }
        // With the default routing_num_shards (640 for 5 shards, a factor of 128) the offset
        // moves a routing value by fewer than routing_partition_size routing shards, which
        // almost always stay inside one shard: the setting has next to no effect, as
        // elastic/elasticsearch#48863 reports for 7.0 and later. Over 200 routing values, at most
        // a few straddle a shard boundary.
        int spread = 0;
        for (int r = 0; r < 200; ++r) {
            const std::string routing = "tenant-" + std::to_string(r);
            std::set<int> shards;
            for (int i = 0; i < 50; ++i) {
                const ElasticsearchPartitioner p(options(5, 0, 3, QStringLiteral("doc-%1").arg(i)));
                shards.insert(p.partition(RoutingKey::text(routing)));
            }
            QVERIFY(shards.size() <= 2);
            spread += shards.size() > 1 ? 1 : 0;
        }
        QVERIFY2(spread <= 12, qPrintable(QString::number(spread)));
    }

    void splitKeepsRoutingShards()
    {
        // _split 5 -> 10 keeps routing_num_shards 640: each new shard draws from one old shard.
        const ElasticsearchPartitioner five(options(5));
        QCOMPARE(five.routingNumShards(), 640);
        const auto ten = five.withPartitions(10);
        QCOMPARE(ten->unitCount(), 640);
        for (int i = 0; i < 5000; ++i) {
            const std::string key = "doc" + std::to_string(i);
            QCOMPARE(ten->partition(RoutingKey::text(key)) / 2, five.partition(RoutingKey::text(key)));
        }
        // A count that does not divide 640 is a reindex: the new index has its own default.
        const auto seven = five.withPartitions(7);
        QCOMPARE(seven->unitCount(), 896);
    }

    void invalidOptions()
    {
        QString error;
        QVERIFY(!createPartitioner(QStringLiteral("elasticsearch"), options(1025), &error));
        QVERIFY2(error.contains(QLatin1String("at most 1024 shards")), qPrintable(error));
        QVERIFY(!createPartitioner(QStringLiteral("elasticsearch"), options(3, 8), &error));
        QVERIFY2(error.contains(QLatin1String("must be a multiple of the number of shards (3)")), qPrintable(error));
        QVERIFY(!createPartitioner(QStringLiteral("elasticsearch"), options(4, 8, 8, QStringLiteral("x")), &error));
        QVERIFY2(error.contains(QLatin1String("routing_partition_size")), qPrintable(error));
        QVERIFY(!createPartitioner(QStringLiteral("elasticsearch"), options(4, 8, 3), &error));
        QVERIFY2(error.contains(QLatin1String("--doc-id")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestElasticsearchPartitioner)
#include "tst_elasticsearchpartitioner.moc"
