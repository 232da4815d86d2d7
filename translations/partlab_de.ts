<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Partitioner</name>
    <message>
        <source>GigaSpaces XAP: safeAbs(hashCode) % N (Java String.hashCode)</source>
        <translation>GigaSpaces XAP: safeAbs(hashCode) % N (Java String.hashCode)</translation>
    </message>
    <message>
        <source>Kafka default partitioner: (murmur2(key bytes) &amp; 0x7fffffff) % N</source>
        <translation>Kafka-Standardpartitionierer: (murmur2(Schlüsselbytes) &amp; 0x7fffffff) % N</translation>
    </message>
    <message>
        <source>Redis Cluster: crc16(hash tag or key) &amp; 0x3FFF slots, ranges as redis-cli --cluster create deals them</source>
        <translation>Redis Cluster: crc16(Hash-Tag oder Schlüssel) &amp; 0x3FFF Slots, Bereiche wie von redis-cli --cluster create verteilt</translation>
    </message>
    <message>
        <source>Flink: key group = murmurHash(hashCode) % maxParallelism, operator = keyGroup * N / maxParallelism</source>
        <translation>Flink: Schlüsselgruppe = murmurHash(hashCode) % maxParallelism, Operator = keyGroup * N / maxParallelism</translation>
    </message>
    <message>
        <source>Jump consistent hash (Lamping &amp; Veach) of the 64-bit key (FNV-1a 64 for text)</source>
        <translation>Jump Consistent Hash (Lamping &amp; Veach) des 64-Bit-Schlüssels (FNV-1a 64 für Text)</translation>
    </message>
    <message>
        <source>Rendezvous hashing: the node with the highest fmix64 weight wins</source>
        <translation>Rendezvous-Hashing: der Knoten mit dem höchsten fmix64-Gewicht gewinnt</translation>
    </message>
    <message>
        <source>Consistent-hash ring with --vnodes virtual nodes per partition (seeded)</source>
        <translation>Consistent-Hash-Ring mit --vnodes virtuellen Knoten je Partition (mit Startwert)</translation>
    </message>
    <message>
        <source>Cassandra Murmur3Partitioner token, N nodes with evenly spaced tokens</source>
        <translation>Cassandra-Murmur3Partitioner-Token, N Knoten mit gleichmäßig verteilten Tokens</translation>
    </message>
    <message>
        <source>Wallaroo: MD5 of the key as a 128-bit number, N equal intervals</source>
        <translation>Wallaroo: MD5 des Schlüssels als 128-Bit-Zahl, N gleich große Intervalle</translation>
    </message>
</context>
<context>
    <name>SessionConfig</name>
    <message>
        <source>Choose a CSV trace file.</source>
        <translation>Wählen Sie eine CSV-Trace-Datei.</translation>
    </message>
    <message>
        <source>The trace file %1 does not exist.</source>
        <translation>Die Trace-Datei %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Choose the CSV column that holds the partition key.</source>
        <translation>Wählen Sie die CSV-Spalte mit dem Partitionsschlüssel.</translation>
    </message>
    <message>
        <source>The vwap computation needs a volume column.</source>
        <translation>Die Berechnung vwap braucht eine Volumenspalte.</translation>
    </message>
    <message>
        <source>The scenario cannot run: %1</source>
        <translation>Das Szenario kann nicht laufen: %1</translation>
    </message>
    <message>
        <source>The message rate must be a positive number.</source>
        <translation>Die Nachrichtenrate muss eine positive Zahl sein.</translation>
    </message>
    <message>
        <source>The runtime cannot start: %1</source>
        <translation>Die Laufzeitumgebung kann nicht starten: %1</translation>
    </message>
    <message>
        <source>Unknown partitioner %1.</source>
        <translation>Unbekannter Partitionierer %1.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 has no header row.</source>
        <translation>%1 hat keine Kopfzeile.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>--lang: no translation for &apos;%1&apos; (choose %2)</source>
        <translation>--lang: keine Übersetzung für „%1“ (wählen Sie %2)</translation>
    </message>
    <message>
        <source>Partlab: watch partitioned state routing live.</source>
        <translation>Partlab: partitioniertes Zustandsrouting live beobachten.</translation>
    </message>
    <message>
        <source>Scenario: builtin:stocks, builtin:words, builtin:orders or a JSON file.</source>
        <translation>Szenario: builtin:stocks, builtin:words, builtin:orders oder eine JSON-Datei.</translation>
    </message>
    <message>
        <source>Read messages from a CSV trace with a header row.</source>
        <translation>Nachrichten aus einem CSV-Trace mit Kopfzeile lesen.</translation>
    </message>
    <message>
        <source>CSV column with the partition key (default: guessed from the header).</source>
        <translation>CSV-Spalte mit dem Partitionsschlüssel (Standard: aus der Kopfzeile erraten).</translation>
    </message>
    <message>
        <source>Number of state partitions (1-1024).</source>
        <translation>Anzahl der Zustandspartitionen (1–1024).</translation>
    </message>
    <message>
        <source>Partitioner: %1.</source>
        <translation>Partitionierer: %1.</translation>
    </message>
    <message>
        <source>Start at once and stop after this many seconds.</source>
        <translation>Sofort starten und nach so vielen Sekunden stoppen.</translation>
    </message>
    <message>
        <source>Quit when the run is over (with --run-for).</source>
        <translation>Nach dem Lauf beenden (mit --run-for).</translation>
    </message>
    <message>
        <source>Save an image of the main window when the run is over (or once shown).</source>
        <translation>Ein Bild des Hauptfensters speichern, wenn der Lauf vorbei ist (oder sobald es angezeigt wird).</translation>
    </message>
    <message>
        <source>User interface language: %1 (default: the system&apos;s).</source>
        <translation>Sprache der Oberfläche: %1 (Standard: die des Systems).</translation>
    </message>
    <message>
        <source>--scenario and --trace exclude each other</source>
        <translation>--scenario und --trace schließen sich gegenseitig aus</translation>
    </message>
    <message>
        <source>--scenario: %1</source>
        <translation>--scenario: %1</translation>
    </message>
    <message>
        <source>--trace: %1 is not a readable CSV file with a header row</source>
        <translation>--trace: %1 ist keine lesbare CSV-Datei mit Kopfzeile</translation>
    </message>
    <message>
        <source>--key: %1 has no column &apos;%2&apos;</source>
        <translation>--key: %1 hat keine Spalte „%2“</translation>
    </message>
    <message>
        <source>--key applies to --trace only</source>
        <translation>--key gilt nur zusammen mit --trace</translation>
    </message>
    <message>
        <source>--partitioner: unknown partitioner &apos;%1&apos; (choose %2)</source>
        <translation>--partitioner: unbekannter Partitionierer „%1“ (wählen Sie %2)</translation>
    </message>
    <message>
        <source>--partitions: expected a whole number from 1 to %1</source>
        <translation>--partitions: erwartet wird eine ganze Zahl von 1 bis %1</translation>
    </message>
    <message>
        <source>--run-for: expected a number of seconds greater than 0</source>
        <translation>--run-for: erwartet wird eine Sekundenzahl größer als 0</translation>
    </message>
    <message>
        <source>--quit needs --run-for</source>
        <translation>--quit braucht --run-for</translation>
    </message>
    <message>
        <source>--screenshot: cannot write %1</source>
        <translation>--screenshot: %1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>partlab::ConfigurationPanel</name>
    <message>
        <source>last value</source>
        <translation>letzter Wert</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>sum</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>VWAP (volume-weighted average price)</source>
        <translation>VWAP (volumengewichteter Durchschnittspreis)</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>&amp;Scenario</source>
        <translation>&amp;Szenario</translation>
    </message>
    <message>
        <source>CSV &amp;trace</source>
        <translation>CSV-&amp;Trace</translation>
    </message>
    <message>
        <source>Generate messages with a built-in or file scenario</source>
        <translation>Nachrichten mit einem eingebauten Szenario oder einer Szenariodatei erzeugen</translation>
    </message>
    <message>
        <source>Read messages from a CSV file with a header row</source>
        <translation>Nachrichten aus einer CSV-Datei mit Kopfzeile lesen</translation>
    </message>
    <message>
        <source>Stock ticks (built-in)</source>
        <translation>Aktienkurse (eingebaut)</translation>
    </message>
    <message>
        <source>Word counts (built-in)</source>
        <translation>Wortzählung (eingebaut)</translation>
    </message>
    <message>
        <source>Orders by customer (built-in)</source>
        <translation>Bestellungen nach Kunde (eingebaut)</translation>
    </message>
    <message>
        <source>stocks: ticks keyed by symbol (Zipf); words: word counts (Zipf); orders: order amounts keyed by customer (uniform)</source>
        <translation>Aktien: Kurse nach Symbol (Zipf); Wörter: Wortzählung (Zipf); Bestellungen: Beträge nach Kunde (gleichverteilt)</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <source>Open a scenario JSON file</source>
        <translation>Eine Szenario-JSON-Datei öffnen</translation>
    </message>
    <message>
        <source>trace.csv</source>
        <translation>trace.csv</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>The key extractor: the column whose value is the partition key</source>
        <translation>Der Schlüsselextraktor: die Spalte, deren Wert der Partitionsschlüssel ist</translation>
    </message>
    <message>
        <source>Key column:</source>
        <translation>Schlüsselspalte:</translation>
    </message>
    <message>
        <source>Value column:</source>
        <translation>Wertspalte:</translation>
    </message>
    <message>
        <source>Volume column:</source>
        <translation>Volumenspalte:</translation>
    </message>
    <message>
        <source> msg/s</source>
        <translation> Nachr./s</translation>
    </message>
    <message>
        <source>max</source>
        <translation>max.</translation>
    </message>
    <message>
        <source>As fast as the runtime can apply them</source>
        <translation>So schnell, wie die Laufzeitumgebung sie anwenden kann</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>Rate:</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>No limit: run until the source ends or Stop</source>
        <translation>Keine Grenze: laufen, bis die Quelle endet oder Stopp gedrückt wird</translation>
    </message>
    <message>
        <source>Messages:</source>
        <translation>Nachrichten:</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>uniform</source>
        <translation>gleichverteilt</translation>
    </message>
    <message>
        <source>Zipf</source>
        <translation>Zipf</translation>
    </message>
    <message>
        <source>hot key</source>
        <translation>heißer Schlüssel</translation>
    </message>
    <message>
        <source>How often each key appears: all alike, Zipf (a few keys dominate), or one hot key</source>
        <translation>Wie oft jeder Schlüssel vorkommt: alle gleich, Zipf (wenige Schlüssel dominieren) oder ein heißer Schlüssel</translation>
    </message>
    <message>
        <source>Distribution:</source>
        <translation>Verteilung:</translation>
    </message>
    <message>
        <source>P(rank r) ~ 1 / r^s: 0.8 is mild, 1.1 is natural language, 2 is extreme</source>
        <translation>P(Rang r) ~ 1 / r^s: 0,8 ist mild, 1,1 entspricht natürlicher Sprache, 2 ist extrem</translation>
    </message>
    <message>
        <source>Zipf exponent:</source>
        <translation>Zipf-Exponent:</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Share of all messages that carry the hot key; the rest are spread evenly</source>
        <translation>Anteil aller Nachrichten mit dem heißen Schlüssel; der Rest ist gleichmäßig verteilt</translation>
    </message>
    <message>
        <source>Hot-key share:</source>
        <translation>Anteil heißer Schlüssel:</translation>
    </message>
    <message>
        <source>Number of distinct keys the scenario draws from</source>
        <translation>Anzahl verschiedener Schlüssel, aus denen das Szenario zieht</translation>
    </message>
    <message>
        <source>Key count:</source>
        <translation>Anzahl Schlüssel:</translation>
    </message>
    <message>
        <source>Same seed, same messages: runs can be repeated exactly</source>
        <translation>Gleicher Startwert, gleiche Nachrichten: Läufe lassen sich exakt wiederholen</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Startwert:</translation>
    </message>
    <message>
        <source>State runtime</source>
        <translation>Zustandslaufzeit</translation>
    </message>
    <message>
        <source>partitioned</source>
        <translation>partitioniert</translation>
    </message>
    <message>
        <source>naive (one state, one lock)</source>
        <translation>naiv (ein Zustand, eine Sperre)</translation>
    </message>
    <message>
        <source>Partitioned: each partition has one owner worker, partitions run in parallel.
Naive: one state object behind one lock, one computation at a time.</source>
        <translation>Partitioniert: jede Partition gehört genau einem Worker, Partitionen laufen parallel.
Naiv: ein Zustandsobjekt hinter einer Sperre, immer nur eine Berechnung.</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Modus:</translation>
    </message>
    <message>
        <source>Partitioner:</source>
        <translation>Partitionierer:</translation>
    </message>
    <message>
        <source>Number of state partitions N (can be changed while running)</source>
        <translation>Anzahl der Zustandspartitionen N (auch während des Laufs änderbar)</translation>
    </message>
    <message>
        <source>Partitions:</source>
        <translation>Partitionen:</translation>
    </message>
    <message numerus="yes">
        <source>auto (%n core(s))</source>
        <translation>
            <numerusform>automatisch (%n Kern)</numerusform>
            <numerusform>automatisch (%n Kerne)</numerusform>
        </translation>
    </message>
    <message>
        <source>Worker threads W; partition p is owned by worker p mod W</source>
        <translation>Worker-Threads W; Partition p gehört Worker p mod W</translation>
    </message>
    <message>
        <source>Workers:</source>
        <translation>Worker:</translation>
    </message>
    <message>
        <source>The state computation apply(message, state) run for every message</source>
        <translation>Die Zustandsberechnung apply(Nachricht, Zustand), die für jede Nachricht läuft</translation>
    </message>
    <message>
        <source>Computation:</source>
        <translation>Berechnung:</translation>
    </message>
    <message>
        <source>Record applied order (FIFO view)</source>
        <translation>Anwendungsreihenfolge aufzeichnen (FIFO-Ansicht)</translation>
    </message>
    <message>
        <source>Keeps the last messages of each partition for the FIFO view; costs a little throughput</source>
        <translation>Behält die letzten Nachrichten jeder Partition für die FIFO-Ansicht; kostet etwas Durchsatz</translation>
    </message>
    <message>
        <source>A trace brings its own keys</source>
        <translation>Ein Trace bringt seine eigenen Schlüssel mit</translation>
    </message>
    <message>
        <source>Stop the run to change this</source>
        <translation>Stoppen Sie den Lauf, um dies zu ändern</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <source>The scenario cannot be loaded:
%1</source>
        <translation>Das Szenario kann nicht geladen werden:
%1</translation>
    </message>
    <message>
        <source>Choose a CSV file.</source>
        <translation>Wählen Sie eine CSV-Datei.</translation>
    </message>
    <message>
        <source>(none: each message counts 1)</source>
        <translation>(keine: jede Nachricht zählt 1)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Open Scenario</source>
        <translation>Szenario öffnen</translation>
    </message>
    <message>
        <source>Scenario files (*.json);;All files (*)</source>
        <translation>Szenariodateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open CSV Trace</source>
        <translation>CSV-Trace öffnen</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>partlab::ConsoleAnswer</name>
    <message>
        <source>Updated the entry with id %1 on partition %2.</source>
        <translation>Eintrag mit der ID %1 auf Partition %2 aktualisiert.</translation>
    </message>
    <message>
        <source>Written to partition %2 (id %1).</source>
        <translation>In Partition %2 geschrieben (ID %1).</translation>
    </message>
    <message>
        <source>Took %1</source>
        <translation>Entnommen: %1</translation>
    </message>
    <message>
        <source>Found %1</source>
        <translation>Gefunden: %1</translation>
    </message>
    <message>
        <source>Nothing matched before the timeout.</source>
        <translation>Bis zum Timeout passte nichts.</translation>
    </message>
    <message>
        <source>No entry matches.</source>
        <translation>Kein Eintrag passt.</translation>
    </message>
    <message numerus="yes">
        <source>Took %n entry(s):</source>
        <translation>
            <numerusform>%n Eintrag entnommen:</numerusform>
            <numerusform>%n Einträge entnommen:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Found %n entry(s):</source>
        <translation>
            <numerusform>%n Eintrag gefunden:</numerusform>
            <numerusform>%n Einträge gefunden:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  … and %n more</source>
        <translation>
            <numerusform>  … und %n weiterer</numerusform>
            <numerusform>  … und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Count: %1</source>
        <translation>Anzahl: %1</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n entry(s).</source>
        <translation>
            <numerusform>%n Eintrag entfernt.</numerusform>
            <numerusform>%n Einträge entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed %1 entries from partition %2 only: clean is not partition-aware.</source>
        <translation>%1 Einträge nur aus Partition %2 entfernt: clean kennt keine Partitionen.</translation>
    </message>
    <message>
        <source>partition %1: %2 entries (%3)</source>
        <translation>Partition %1: %2 Einträge (%3)</translation>
    </message>
    <message>
        <source>Written %1, failed %2.</source>
        <translation>%1 geschrieben, %2 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>no partition touched</source>
        <translation>keine Partition berührt</translation>
    </message>
    <message>
        <source>nothing was sent to the space</source>
        <translation>nichts wurde an den Space gesendet</translation>
    </message>
    <message>
        <source>broadcast to all %1 partitions</source>
        <translation>Broadcast an alle %1 Partitionen</translation>
    </message>
    <message>
        <source>routed to partition %1</source>
        <translation>an Partition %1 geroutet</translation>
    </message>
    <message>
        <source>sent to partitions %1</source>
        <translation>an die Partitionen %1 gesendet</translation>
    </message>
</context>
<context>
    <name>partlab::ConsoleCommand</name>
    <message>
        <source>Type an operation, for example: read Order customerId=c1</source>
        <translation>Geben Sie eine Operation ein, zum Beispiel: read Order customerId=c1</translation>
    </message>
    <message>
        <source>LIMIT does not apply to count(*).</source>
        <translation>LIMIT gilt nicht für count(*).</translation>
    </message>
    <message>
        <source>After FROM %1 expected WHERE, ORDER BY or LIMIT, not &apos;%2&apos;.</source>
        <translation>Nach FROM %1 wird WHERE, ORDER BY oder LIMIT erwartet, nicht „%2“.</translation>
    </message>
    <message>
        <source>WHERE needs a condition, for example: where amount &gt; 100</source>
        <translation>WHERE braucht eine Bedingung, zum Beispiel: where amount &gt; 100</translation>
    </message>
    <message>
        <source>A quote is not closed.</source>
        <translation>Ein Anführungszeichen ist nicht geschlossen.</translation>
    </message>
    <message>
        <source>Start with an operation, for example: read Order customerId=c1</source>
        <translation>Beginnen Sie mit einer Operation, zum Beispiel: read Order customerId=c1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an operation. Use write, update, read, take, readMultiple, takeMultiple, readById, takeById, count, clear, stats, clean or an SQL query (select * from Order where …).</source>
        <translation>„%1“ ist keine Operation. Verwenden Sie write, update, read, take, readMultiple, takeMultiple, readById, takeById, count, clear, stats, clean oder eine SQL-Abfrage (select * from Order where …).</translation>
    </message>
    <message>
        <source>%1 takes no arguments.</source>
        <translation>%1 hat keine Argumente.</translation>
    </message>
    <message>
        <source>Which entry type? For example: %1 Order …</source>
        <translation>Welcher Eintragstyp? Zum Beispiel: %1 Order …</translation>
    </message>
    <message>
        <source>The space has no type &apos;%1&apos; (it has %2).</source>
        <translation>Der Space hat keinen Typ „%1“ (er hat %2).</translation>
    </message>
    <message>
        <source>%1 takes property values (name=value), not a WHERE condition.</source>
        <translation>%1 erwartet Eigenschaftswerte (name=wert), keine WHERE-Bedingung.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid %2 for %3.</source>
        <translation>„%1“ ist kein gültiger Wert vom Typ %2 für %3.</translation>
    </message>
    <message>
        <source>Did not understand &apos;%1&apos;: write properties as name=value, or a condition after WHERE.</source>
        <translation>„%1“ nicht verstanden: Eigenschaften als name=wert schreiben oder eine Bedingung nach WHERE.</translation>
    </message>
    <message>
        <source>max must be a whole number of at least 1.</source>
        <translation>max muss eine ganze Zahl ab 1 sein.</translation>
    </message>
    <message>
        <source>Type %1 has no property &apos;%2&apos; (it has %3).</source>
        <translation>Typ %1 hat keine Eigenschaft „%2“ (er hat %3).</translation>
    </message>
    <message>
        <source>%1 takes the id and optionally routing=value, not other properties.</source>
        <translation>%1 erwartet die ID und optional routing=wert, keine anderen Eigenschaften.</translation>
    </message>
    <message>
        <source>%1 needs the id, for example: %1 %2 o1</source>
        <translation>%1 braucht die ID, zum Beispiel: %1 %2 o1</translation>
    </message>
    <message>
        <source>%1 needs property values, for example: %1 Order orderId=o1 customerId=c1 amount=10</source>
        <translation>%1 braucht Eigenschaftswerte, zum Beispiel: %1 Order orderId=o1 customerId=c1 amount=10</translation>
    </message>
    <message>
        <source>Give either property values or a WHERE condition, not both.</source>
        <translation>Geben Sie entweder Eigenschaftswerte oder eine WHERE-Bedingung an, nicht beides.</translation>
    </message>
    <message>
        <source>timeout is in milliseconds: a whole number from 0 to 60000.</source>
        <translation>timeout ist in Millisekunden: eine ganze Zahl von 0 bis 60000.</translation>
    </message>
</context>
<context>
    <name>partlab::FifoOrderModel</name>
    <message>
        <source>out of order</source>
        <translation>außer der Reihe</translation>
    </message>
    <message>
        <source>in order</source>
        <translation>in Reihenfolge</translation>
    </message>
    <message>
        <source>Applied #</source>
        <translation>Angewendet #</translation>
    </message>
    <message>
        <source>Produced #</source>
        <translation>Erzeugt #</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>Partition</translation>
    </message>
    <message>
        <source>FIFO</source>
        <translation>FIFO</translation>
    </message>
    <message>
        <source>Position in the order the messages were applied (in this view)</source>
        <translation>Position in der Reihenfolge, in der die Nachrichten angewendet wurden (in dieser Ansicht)</translation>
    </message>
    <message>
        <source>Position in the order the producer sent the messages (whole run)</source>
        <translation>Position in der Reihenfolge, in der der Erzeuger die Nachrichten gesendet hat (ganzer Lauf)</translation>
    </message>
    <message>
        <source>Out of order: applied after a message that was produced later</source>
        <translation>Außer der Reihe: nach einer später erzeugten Nachricht angewendet</translation>
    </message>
</context>
<context>
    <name>partlab::FifoView</name>
    <message>
        <source>Follow the run</source>
        <translation>Dem Lauf folgen</translation>
    </message>
    <message>
        <source>One partition</source>
        <translation>Eine Partition</translation>
    </message>
    <message>
        <source>One key</source>
        <translation>Ein Schlüssel</translation>
    </message>
    <message>
        <source>All partitions, merged</source>
        <translation>Alle Partitionen, zusammengeführt</translation>
    </message>
    <message>
        <source>FIFO holds per partition; merging partitions by apply time shows where it does not</source>
        <translation>FIFO gilt je Partition; das Zusammenführen nach Anwendungszeit zeigt, wo es nicht gilt</translation>
    </message>
    <message>
        <source>partition </source>
        <translation>Partition </translation>
    </message>
    <message>
        <source>key, e.g. AAPL</source>
        <translation>Schlüssel, z. B. AAPL</translation>
    </message>
    <message>
        <source>applied order</source>
        <translation>Anwendungsreihenfolge</translation>
    </message>
    <message>
        <source>produced #</source>
        <translation>erzeugt #</translation>
    </message>
    <message>
        <source>in order</source>
        <translation>in Reihenfolge</translation>
    </message>
    <message>
        <source>out of order</source>
        <translation>außer der Reihe</translation>
    </message>
    <message>
        <source>The FIFO hook is off: enable &quot;Record applied order&quot; and start a run.</source>
        <translation>Die FIFO-Aufzeichnung ist aus: „Anwendungsreihenfolge aufzeichnen“ einschalten und einen Lauf starten.</translation>
    </message>
    <message>
        <source>Type a key to see its messages.</source>
        <translation>Geben Sie einen Schlüssel ein, um seine Nachrichten zu sehen.</translation>
    </message>
    <message>
        <source>No messages recorded yet.</source>
        <translation>Noch keine Nachrichten aufgezeichnet.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s), all applied in the order they were produced (FIFO holds).</source>
        <translation>
            <numerusform>%n Nachricht, in Erzeugungsreihenfolge angewendet (FIFO gilt).</numerusform>
            <numerusform>%n Nachrichten, alle in Erzeugungsreihenfolge angewendet (FIFO gilt).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n message(s) applied after a message produced later: FIFO holds only within a partition.</source>
        <translation>
            <numerusform>%1 von %n Nachricht nach einer später erzeugten angewendet: FIFO gilt nur innerhalb einer Partition.</numerusform>
            <numerusform>%1 von %n Nachrichten nach einer später erzeugten angewendet: FIFO gilt nur innerhalb einer Partition.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>partlab::LatencyChartView</name>
    <message>
        <source>time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <source>latency (µs)</source>
        <translation>Latenz (µs)</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>p99.9</source>
        <translation>p99,9</translation>
    </message>
</context>
<context>
    <name>partlab::LiveViews</name>
    <message>
        <source>messages/s</source>
        <translation>Nachrichten/s</translation>
    </message>
    <message>
        <source>queue depth</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Messages per second applied by each partition, and messages waiting for it.
Red: a hot partition (more than 1.5x the mean). Click a bar to inspect its keys.</source>
        <translation>Pro Sekunde angewendete Nachrichten je Partition und die auf sie wartenden Nachrichten.
Rot: eine heiße Partition (mehr als das 1,5-Fache des Mittels). Klicken Sie auf einen Balken, um ihre Schlüssel zu sehen.</translation>
    </message>
    <message>
        <source>Distinct keys each partition owns. Click a bar to inspect them.</source>
        <translation>Verschiedene Schlüssel je Partition. Klicken Sie auf einen Balken, um sie zu sehen.</translation>
    </message>
    <message>
        <source>Load per partition</source>
        <translation>Last je Partition</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>Latency percentiles (since start)</source>
        <translation>Latenz-Perzentile (seit Start)</translation>
    </message>
    <message>
        <source>Skew</source>
        <translation>Schieflage</translation>
    </message>
    <message>
        <source>Keys per partition</source>
        <translation>Schlüssel je Partition</translation>
    </message>
    <message numerus="yes">
        <source>%n hot partition(s)</source>
        <translation>
            <numerusform>%n heiße Partition</numerusform>
            <numerusform>%n heiße Partitionen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 msg/s</source>
        <translation>%1 Nachr./s</translation>
    </message>
    <message>
        <source>Partlab charts</source>
        <translation>Partlab-Diagramme</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>Nachrichten</translation>
    </message>
</context>
<context>
    <name>partlab::MainWindow</name>
    <message>
        <source>Partlab</source>
        <translation>Partlab</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Start a new run with the current configuration, or resume (F5)</source>
        <translation>Einen neuen Lauf mit der aktuellen Konfiguration starten oder fortsetzen (F5)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Pause or resume the run; everything sent so far is applied first (Space)</source>
        <translation>Lauf anhalten oder fortsetzen; alles bisher Gesendete wird zuerst angewendet (Leertaste)</translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation>&amp;Einzelschritt</translation>
    </message>
    <message>
        <source>Apply one more message while paused (F10)</source>
        <translation>Im angehaltenen Zustand eine weitere Nachricht anwenden (F10)</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>St&amp;oppen</translation>
    </message>
    <message>
        <source>Stop the run; its charts and state stay visible (Shift+F5)</source>
        <translation>Lauf beenden; Diagramme und Zustand bleiben sichtbar (Umschalt+F5)</translation>
    </message>
    <message>
        <source>Open &amp;Scenario…</source>
        <translation>&amp;Szenario öffnen…</translation>
    </message>
    <message>
        <source>Open CSV &amp;Trace…</source>
        <translation>CSV-&amp;Trace öffnen…</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>State inspector</source>
        <translation>Zustandsinspektor</translation>
    </message>
    <message>
        <source>FIFO order</source>
        <translation>FIFO-Reihenfolge</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Charts as &amp;PNG…</source>
        <translation>Diagramme als &amp;PNG…</translation>
    </message>
    <message>
        <source>Export Charts</source>
        <translation>Diagramme exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Charts as P&amp;DF…</source>
        <translation>Diagramme als P&amp;DF…</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>Metrics over time as &amp;CSV…</source>
        <translation>Metriken über die Zeit als &amp;CSV…</translation>
    </message>
    <message>
        <source>Export Metrics</source>
        <translation>Metriken exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Per-partition &amp;table as CSV…</source>
        <translation>&amp;Tabelle je Partition als CSV…</translation>
    </message>
    <message>
        <source>Export Partition Table</source>
        <translation>Partitionstabelle exportieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Lauf</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englisch (English)</translation>
    </message>
    <message>
        <source>German (Deutsch)</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Partlab</source>
        <translation>&amp;Über Partlab</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Messages applied to the state so far</source>
        <translation>Bisher auf den Zustand angewendete Nachrichten</translation>
    </message>
    <message>
        <source>Messages applied per second over the last half second</source>
        <translation>Angewendete Nachrichten pro Sekunde in der letzten halben Sekunde</translation>
    </message>
    <message>
        <source>Cannot start</source>
        <translation>Start nicht möglich</translation>
    </message>
    <message>
        <source>Partlab – %1</source>
        <translation>Partlab – %1</translation>
    </message>
    <message>
        <source>Run failed</source>
        <translation>Lauf fehlgeschlagen</translation>
    </message>
    <message>
        <source>The run stopped with an error:
%1</source>
        <translation>Der Lauf wurde mit einem Fehler beendet:
%1</translation>
    </message>
    <message>
        <source>%1: %2 messages applied</source>
        <translation>%1: %2 Nachrichten angewendet</translation>
    </message>
    <message>
        <source>N %1→%2</source>
        <translation>N %1→%2</translation>
    </message>
    <message>
        <source>Repartitioned %1 → %2 at message %3: %4 keys moved (%5 bytes), intake paused %6 ms</source>
        <translation>Neu partitioniert %1 → %2 bei Nachricht %3: %4 Schlüssel verschoben (%5 Bytes), Annahme %6 ms angehalten</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Applied: %1</source>
        <translation>Angewendet: %1</translation>
    </message>
    <message>
        <source>Throughput: %1 msg/s</source>
        <translation>Durchsatz: %1 Nachr./s</translation>
    </message>
    <message>
        <source>Partitions: %1</source>
        <translation>Partitionen: %1</translation>
    </message>
    <message>
        <source>Partitions: %1 (next run: %2)</source>
        <translation>Partitionen: %1 (nächster Lauf: %2)</translation>
    </message>
    <message>
        <source>Open Scenario</source>
        <translation>Szenario öffnen</translation>
    </message>
    <message>
        <source>Scenario files (*.json);;All files (*)</source>
        <translation>Szenariodateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open CSV Trace</source>
        <translation>CSV-Trace öffnen</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open Recent</source>
        <translation>Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>%1 no longer exists.</source>
        <translation>%1 existiert nicht mehr.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>%1 could not be written.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language changes the next time Partlab starts.</source>
        <translation>Die Sprache ändert sich beim nächsten Start von Partlab.</translation>
    </message>
    <message>
        <source>About Partlab</source>
        <translation>Über Partlab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Partlab %1&lt;/h3&gt;&lt;p&gt;A simulator and visualizer of partitioned state routing: watch a key extractor and a partitioner spread messages over state partitions, and what skew, partition counts and FIFO order do.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Partlab %1&lt;/h3&gt;&lt;p&gt;Ein Simulator und Visualisierer für partitioniertes Zustandsrouting: Sehen Sie, wie ein Schlüsselextraktor und ein Partitionierer Nachrichten auf Zustandspartitionen verteilen und was Schieflage, Partitionsanzahl und FIFO-Reihenfolge bewirken.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The partition count was not changed: %1</source>
        <translation>Die Partitionsanzahl wurde nicht geändert: %1</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Query console</source>
        <translation>Abfragekonsole</translation>
    </message>
    <message>
        <source>Space &amp;view</source>
        <translation>Space-&amp;Ansicht</translation>
    </message>
</context>
<context>
    <name>partlab::PartitionBarsView</name>
    <message>
        <source>partition</source>
        <translation>Partition</translation>
    </message>
    <message>
        <source>With more than %1 partitions, show a window of them or group neighbours</source>
        <translation>Bei mehr als %1 Partitionen einen Ausschnitt zeigen oder Nachbarn gruppieren</translation>
    </message>
    <message>
        <source>Scroll through the partitions (or use the mouse wheel on the chart)</source>
        <translation>Durch die Partitionen blättern (oder das Mausrad über dem Diagramm benutzen)</translation>
    </message>
    <message>
        <source>Scroll</source>
        <translation>Blättern</translation>
    </message>
    <message>
        <source>Group (busiest per bar)</source>
        <translation>Gruppieren (stärkste je Balken)</translation>
    </message>
    <message>
        <source>%1 per bar</source>
        <translation>%1 je Balken</translation>
    </message>
    <message>
        <source>%1–%2 of %3</source>
        <translation>%1–%2 von %3</translation>
    </message>
</context>
<context>
    <name>partlab::QueryConsole</name>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Results appear here. Each operation shows the partitions it touched: one when the query fixes the routing value, all when it is broadcast.</source>
        <translation>Ergebnisse erscheinen hier. Jede Operation zeigt die berührten Partitionen: eine, wenn die Abfrage den Routing-Wert festlegt, alle bei einem Broadcast.</translation>
    </message>
    <message>
        <source>Partitions the last operation touched: blue = routed, orange = broadcast</source>
        <translation>Von der letzten Operation berührte Partitionen: blau = geroutet, orange = Broadcast</translation>
    </message>
    <message>
        <source>No operation yet</source>
        <translation>Noch keine Operation</translation>
    </message>
    <message>
        <source>e.g. read Order customerId=c1 · select * from Order where amount &gt; 500 (Up/Down: history)</source>
        <translation>z. B. read Order customerId=c1 · select * from Order where amount &gt; 500 (Auf/Ab: Verlauf)</translation>
    </message>
    <message>
        <source>&lt;p&gt;One operation per line:&lt;/p&gt;&lt;pre&gt;write Order orderId=o1 customerId=c1 amount=12.5 status=new
read Order customerId=c1
take Order customerId=c1 timeout=100
readMultiple Order max=5 where amount &amp;gt; 100 ORDER BY amount
readById Order o1 routing=c1
count Order where status = &apos;new&apos;
clear Customer name=&apos;Customer 7&apos;
select * from Order where amount &amp;gt; 500 limit 5
select count(*) from Order where customerId = &apos;c1&apos;
stats&lt;/pre&gt;&lt;p&gt;A line starting with { is run as a space script line.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Eine Operation pro Zeile:&lt;/p&gt;&lt;pre&gt;write Order orderId=o1 customerId=c1 amount=12.5 status=new
read Order customerId=c1
take Order customerId=c1 timeout=100
readMultiple Order max=5 where amount &amp;gt; 100 ORDER BY amount
readById Order o1 routing=c1
count Order where status = &apos;new&apos;
clear Customer name=&apos;Customer 7&apos;
select * from Order where amount &amp;gt; 500 limit 5
select count(*) from Order where customerId = &apos;c1&apos;
stats&lt;/pre&gt;&lt;p&gt;Eine Zeile, die mit { beginnt, wird als Space-Skriptzeile ausgeführt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Write an order</source>
        <translation>Bestellung schreiben</translation>
    </message>
    <message>
        <source>Orders of c1 (routed)</source>
        <translation>Bestellungen von c1 (geroutet)</translation>
    </message>
    <message>
        <source>SQL by amount (broadcast)</source>
        <translation>SQL nach Betrag (Broadcast)</translation>
    </message>
    <message>
        <source>Count customers in EU</source>
        <translation>Kunden in EU zählen</translation>
    </message>
    <message>
        <source>Blocking take of c1</source>
        <translation>Blockierendes take von c1</translation>
    </message>
    <message>
        <source>Entries per partition</source>
        <translation>Einträge pro Partition</translation>
    </message>
    <message>
        <source>Examples:</source>
        <translation>Beispiele:</translation>
    </message>
    <message>
        <source>— A new space: %1 partitions. The console now works on it. —</source>
        <translation>— Ein neuer Space: %1 Partitionen. Die Konsole arbeitet jetzt darauf. —</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>läuft …</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>nicht gesendet</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
</context>
<context>
    <name>partlab::SimulationSession</name>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>The runtime cannot start: %1</source>
        <translation>Die Laufzeitumgebung kann nicht starten: %1</translation>
    </message>
    <message>
        <source>The message source cannot be opened: %1</source>
        <translation>Die Nachrichtenquelle kann nicht geöffnet werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Repartitioning to %n partition(s)…</source>
        <translation>
            <numerusform>Neu partitionieren auf %n Partition…</numerusform>
            <numerusform>Neu partitionieren auf %n Partitionen…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>partlab::SkewGaugeView</name>
    <message>
        <source>Skew = messages of the busiest partition / mean messages per partition.
1 means perfectly even; N means one partition does all the work.</source>
        <translation>Schieflage = Nachrichten der stärksten Partition / mittlere Nachrichten je Partition.
1 heißt vollkommen gleichmäßig; N heißt, eine Partition macht die ganze Arbeit.</translation>
    </message>
    <message>
        <source>skew (busiest / mean)</source>
        <translation>Schieflage (Maximum / Mittel)</translation>
    </message>
    <message>
        <source>busiest: partition %1 (%2%)</source>
        <translation>stärkste: Partition %1 (%2 %)</translation>
    </message>
</context>
<context>
    <name>partlab::SpaceControls</name>
    <message>
        <source>Start load</source>
        <translation>Last starten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Partitions of the space (a new run starts on an empty space)</source>
        <translation>Partitionen des Space (ein neuer Lauf beginnt auf einem leeren Space)</translation>
    </message>
    <message>
        <source>How the proxy maps a routing value to a partition</source>
        <translation>Wie der Proxy einen Routing-Wert einer Partition zuordnet</translation>
    </message>
    <message>
        <source>Client threads sending operations at the same time</source>
        <translation>Client-Threads, die gleichzeitig Operationen senden</translation>
    </message>
    <message>
        <source>max</source>
        <translation>max</translation>
    </message>
    <message>
        <source> ops/s</source>
        <translation> Ops/s</translation>
    </message>
    <message>
        <source>Operations per second over all clients; max = as fast as the space allows</source>
        <translation>Operationen pro Sekunde über alle Clients; max = so schnell, wie der Space erlaubt</translation>
    </message>
    <message>
        <source>until stopped</source>
        <translation>bis zum Stopp</translation>
    </message>
    <message>
        <source>Operations over all clients before the run ends by itself</source>
        <translation>Operationen über alle Clients, bis der Lauf von selbst endet</translation>
    </message>
    <message>
        <source>uniform</source>
        <translation>gleichverteilt</translation>
    </message>
    <message>
        <source>Zipf</source>
        <translation>Zipf</translation>
    </message>
    <message>
        <source>hot key</source>
        <translation>Hot Key</translation>
    </message>
    <message>
        <source>How often each customer is picked (Zipf exponent 1, hot key: half of all operations)</source>
        <translation>Wie oft jeder Kunde gewählt wird (Zipf-Exponent 1, Hot Key: die Hälfte aller Operationen)</translation>
    </message>
    <message>
        <source>Share of queries that name a customer; the others (an amount band, a name) are broadcast</source>
        <translation>Anteil der Abfragen, die einen Kunden nennen; die anderen (Betragsband, Name) werden per Broadcast gesendet</translation>
    </message>
    <message>
        <source>Operation weights: write, writeMultiple, update, read, take, readMultiple, count, clear, blockingTake, e.g. write=40,read=30,take=10</source>
        <translation>Gewichte der Operationen: write, writeMultiple, update, read, take, readMultiple, count, clear, blockingTake, z. B. write=40,read=30,take=10</translation>
    </message>
    <message>
        <source>The routing property of Customer entries; changing it restarts a running workload</source>
        <translation>Die Routing-Eigenschaft der Customer-Einträge; eine Änderung startet eine laufende Last neu</translation>
    </message>
    <message>
        <source>Start the workload on a new, empty space</source>
        <translation>Die Last auf einem neuen, leeren Space starten</translation>
    </message>
    <message>
        <source>&amp;Partitions:</source>
        <translation>&amp;Partitionen:</translation>
    </message>
    <message>
        <source>Partitioner:</source>
        <translation>Partitionierer:</translation>
    </message>
    <message>
        <source>&amp;Clients:</source>
        <translation>&amp;Clients:</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>Rate:</translation>
    </message>
    <message>
        <source>Operations:</source>
        <translation>Operationen:</translation>
    </message>
    <message>
        <source>Customers:</source>
        <translation>Kunden:</translation>
    </message>
    <message>
        <source>Keyed share:</source>
        <translation>Anteil mit Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Mix:</source>
        <translation>&amp;Mix:</translation>
    </message>
    <message>
        <source>customerId (id property)</source>
        <translation>customerId (ID-Eigenschaft)</translation>
    </message>
    <message>
        <source>orderId (id property)</source>
        <translation>orderId (ID-Eigenschaft)</translation>
    </message>
    <message>
        <source>The mix is not valid: %1</source>
        <translation>Der Mix ist ungültig: %1</translation>
    </message>
    <message>
        <source>The routing property of Order entries; customerId puts a customer&apos;s orders on its partition. Changing it restarts a running workload</source>
        <translation>Die Routing-Eigenschaft der Order-Einträge; customerId legt die Bestellungen eines Kunden auf seine Partition. Eine Änderung startet eine laufende Last neu</translation>
    </message>
    <message>
        <source>Customer routing:</source>
        <translation>Customer-Routing:</translation>
    </message>
    <message>
        <source>&amp;Order routing:</source>
        <translation>&amp;Order-Routing:</translation>
    </message>
    <message>
        <source>customerId (explicit)</source>
        <translation>customerId (explizit)</translation>
    </message>
</context>
<context>
    <name>partlab::SpaceRunCharts</name>
    <message>
        <source>Entries per partition</source>
        <translation>Einträge pro Partition</translation>
    </message>
    <message>
        <source>Operations/s per partition</source>
        <translation>Operationen/s pro Partition</translation>
    </message>
    <message>
        <source>Latency per operation (µs)</source>
        <translation>Latenz pro Operation (µs)</translation>
    </message>
    <message>
        <source>Broadcast share over time</source>
        <translation>Broadcast-Anteil über die Zeit</translation>
    </message>
    <message>
        <source>entries</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>partition</source>
        <translation>Partition</translation>
    </message>
    <message>
        <source>routed</source>
        <translation>geroutet</translation>
    </message>
    <message>
        <source>broadcast</source>
        <translation>Broadcast</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>% broadcast</source>
        <translation>% Broadcast</translation>
    </message>
    <message>
        <source>No operations yet.</source>
        <translation>Noch keine Operationen.</translation>
    </message>
    <message>
        <source>%1 operations in %2 s · %3 ops/s · %4% broadcast · %5 entries (written %6, removed %7) · %8 blocking timeouts</source>
        <translation>%1 Operationen in %2 s · %3 Ops/s · %4 % Broadcast · %5 Einträge (%6 geschrieben, %7 entfernt) · %8 blockierende Timeouts</translation>
    </message>
    <message>
        <source>previous: %1</source>
        <translation>vorher: %1</translation>
    </message>
    <message>
        <source>this run</source>
        <translation>dieser Lauf</translation>
    </message>
    <message>
        <source>previous run</source>
        <translation>vorheriger Lauf</translation>
    </message>
    <message>
        <source>time since start (s)</source>
        <translation>Zeit seit Start (s)</translation>
    </message>
    <message>
        <source>Previous run (paler bars, grey line): %1</source>
        <translation>Vorheriger Lauf (blassere Balken, graue Linie): %1</translation>
    </message>
</context>
<context>
    <name>partlab::SpaceView</name>
    <message>
        <source>One operation per tick, sampled from all clients: blue = routed to one partition, orange = broadcast to every partition</source>
        <translation>Eine Operation pro Takt, aus allen Clients gezogen: blau = an eine Partition geroutet, orange = Broadcast an alle Partitionen</translation>
    </message>
    <message>
        <source>No operation yet</source>
        <translation>Noch keine Operation</translation>
    </message>
    <message>
        <source>Current run: %1</source>
        <translation>Aktueller Lauf: %1</translation>
    </message>
    <message>
        <source>Touched:</source>
        <translation>Berührt:</translation>
    </message>
    <message>
        <source>Next run: %1</source>
        <translation>Nächster Lauf: %1</translation>
    </message>
    <message>
        <source>Order routed by %1, Customer by %2 · %3 partitions, %4 clients</source>
        <translation>Order geroutet nach %1, Customer nach %2 · %3 Partitionen, %4 Clients</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>Start nicht möglich: %1</translation>
    </message>
    <message>
        <source>Finished. Conservation holds: the space holds %1 entries = %2 written − %3 removed.</source>
        <translation>Beendet. Die Erhaltung gilt: der Space hält %1 Einträge = %2 geschrieben − %3 entfernt.</translation>
    </message>
    <message>
        <source>Finished, but the entries do not add up: %1 (did the console change the space during the run?)</source>
        <translation>Beendet, aber die Einträge gehen nicht auf: %1 (hat die Konsole den Space während des Laufs geändert?)</translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s) were refused by the space; the first: %1</source>
        <translation>
            <numerusform>%n Operation wurde vom Space abgelehnt; die erste: %1</numerusform>
            <numerusform>%n Operationen wurden vom Space abgelehnt; die erste: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>broadcast to all %1</source>
        <translation>Broadcast an alle %1</translation>
    </message>
    <message>
        <source>routed to partition %1</source>
        <translation>an Partition %1 geroutet</translation>
    </message>
    <message numerus="yes">
        <source>routed to %n partition(s)</source>
        <translation>
            <numerusform>an %n Partition geroutet</numerusform>
            <numerusform>an %n Partitionen geroutet</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2 (client %3): %4</source>
        <translation>%1 %2 (Client %3): %4</translation>
    </message>
    <message>
        <source>Routing changed: the workload restarted on a new space. The previous run stays in the charts, paler, for comparison.</source>
        <translation>Routing geändert: die Last startete neu auf einem neuen Space. Der vorherige Lauf bleibt blasser zum Vergleich in den Diagrammen.</translation>
    </message>
</context>
<context>
    <name>partlab::StateInspector</name>
    <message>
        <source>Filter keys (wildcards * and ?)</source>
        <translation>Schlüssel filtern (Platzhalter * und ?)</translation>
    </message>
    <message>
        <source>all partitions</source>
        <translation>alle Partitionen</translation>
    </message>
    <message>
        <source>partition </source>
        <translation>Partition </translation>
    </message>
    <message>
        <source>Show only the keys of one partition (click a bar in the load chart to pick it)</source>
        <translation>Nur die Schlüssel einer Partition zeigen (Balken im Lastdiagramm anklicken)</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n Schlüssel</numerusform>
            <numerusform>%n Schlüssel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n key(s)</source>
        <translation>
            <numerusform>%1 von %n Schlüssel</numerusform>
            <numerusform>%1 von %n Schlüsseln</numerusform>
        </translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation>aktualisiert %1</translation>
    </message>
</context>
<context>
    <name>partlab::StateTableModel</name>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>Partition</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>The partition key the key extractor took from the messages</source>
        <translation>Der Partitionsschlüssel, den der Schlüsselextraktor den Nachrichten entnommen hat</translation>
    </message>
    <message>
        <source>The key&apos;s state as the state computation left it</source>
        <translation>Der Zustand des Schlüssels, wie ihn die Zustandsberechnung hinterlassen hat</translation>
    </message>
    <message>
        <source>The state partition that owns the key</source>
        <translation>Die Zustandspartition, der der Schlüssel gehört</translation>
    </message>
    <message>
        <source>Messages applied to this key</source>
        <translation>Auf diesen Schlüssel angewendete Nachrichten</translation>
    </message>
</context>
<context>
    <name>partlab::ThroughputView</name>
    <message>
        <source>messages/s</source>
        <translation>Nachrichten/s</translation>
    </message>
    <message>
        <source>time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
</context>
</TS>
