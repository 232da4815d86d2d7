<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Advisor</name>
    <message>
        <source>no count in %1..%2 reaches skew %3; the lowest is %4 at %5 partitions.</source>
        <translation>keine Anzahl in %1..%2 erreicht die Schieflage %3; die niedrigste ist %4 bei %5 Partitionen.</translation>
    </message>
    <message>
        <source> There are only %1 distinct keys: with more partitions than keys some stay empty.</source>
        <translation> Es gibt nur %1 verschiedene Schlüssel: bei mehr Partitionen als Schlüsseln bleiben einige leer.</translation>
    </message>
    <message>
        <source> The keys are uneven in weight; a partitioner that spreads them differently, or a wider range, may do better.</source>
        <translation> Die Schlüssel sind ungleich gewichtet; ein Partitionierer, der sie anders verteilt, oder ein breiterer Bereich kann besser abschneiden.</translation>
    </message>
    <message>
        <source>%1 partitions is the smallest count whose busiest partition carries at most %2x the mean load (skew %3, busiest %4 of all messages, %5x speed-up on %6 workers)</source>
        <translation>%1 Partitionen ist die kleinste Anzahl, deren meistbelastete Partition höchstens das %2-Fache der mittleren Last trägt (Schieflage %3, meistbelastete %4 aller Nachrichten, %5-fache Beschleunigung auf %6 Workern)</translation>
    </message>
    <message>
        <source> Key &apos;%1&apos; alone carries %2 of the messages, so from %3 partitions on one partition always holds more than the target: more partitions won&apos;t help. Salt that key (split it into key#0..key#k and merge the partial results) or route by a property with more distinct values.</source>
        <translation> Der Schlüssel &apos;%1&apos; allein trägt %2 der Nachrichten, daher hält ab %3 Partitionen immer eine Partition mehr als das Ziel: mehr Partitionen helfen nicht. Salzen Sie diesen Schlüssel (in key#0..key#k aufteilen und die Teilergebnisse zusammenführen) oder routen Sie nach einer Eigenschaft mit mehr verschiedenen Werten.</translation>
    </message>
</context>
<context>
    <name>CsvProbe</name>
    <message>
        <source>%1:1: the file has no header row</source>
        <translation>%1:1: Die Datei hat keine Kopfzeile</translation>
    </message>
    <message>
        <source>%1:1: the header row is not text (binary data or not UTF-8): %2</source>
        <translation>%1:1: Die Kopfzeile ist kein Text (Binärdaten oder kein UTF-8): %2</translation>
    </message>
</context>
<context>
    <name>FileOpener</name>
    <message>
        <source>Open Scenario</source>
        <translation>Szenario öffnen</translation>
    </message>
    <message>
        <source>Open CSV Trace</source>
        <translation>CSV-Trace öffnen</translation>
    </message>
    <message>
        <source>Open Trace</source>
        <translation>Trace öffnen</translation>
    </message>
    <message>
        <source>Scenario files (*.json);;All files (*)</source>
        <translation>Szenariodateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Traces (*.csv *.jsonl *.ndjson *.json *.kv *.tsv *.txt *.text *.words *.md *.gz);;All files (*)</source>
        <translation>Traces (*.csv *.jsonl *.ndjson *.json *.kv *.tsv *.txt *.text *.words *.md *.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The scenario cannot be loaded:
%1</source>
        <translation>Das Szenario kann nicht geladen werden:
%1</translation>
    </message>
    <message>
        <source>The trace cannot be opened:
%1</source>
        <translation>Der Trace kann nicht geöffnet werden:
%1</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>%1%</source>
        <extracomment>A percentage; German puts a (narrow) space before the sign.</extracomment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 M msg/s</source>
        <translation>%1 M Nachr./s</translation>
    </message>
    <message>
        <source>%1 k msg/s</source>
        <translation>%1 k Nachr./s</translation>
    </message>
    <message>
        <source>%1 msg/s</source>
        <translation>%1 Nachr./s</translation>
    </message>
</context>
<context>
    <name>HotKeyAdvice</name>
    <message>
        <source>Salt the key: route &apos;%1#0&apos; .. &apos;%1#k&apos; to k partitions and merge their partial states (works for count, sum, min, max; vwap keeps sum(price*volume) and sum(volume)).</source>
        <translation>Den Schlüssel salzen: &apos;%1#0&apos; .. &apos;%1#k&apos; auf k Partitionen verteilen und ihre Teilzustände zusammenführen (geht für count, sum, min, max; vwap führt sum(Preis*Volumen) und sum(Volumen)).</translation>
    </message>
    <message>
        <source>Or route by a property with more distinct values, if the computation allows it.</source>
        <translation>Oder nach einer Eigenschaft mit mehr verschiedenen Werten routen, wenn die Berechnung es erlaubt.</translation>
    </message>
    <message>
        <source>Key &apos;%1&apos; alone carries %2 of all messages, more than an average partition&apos;s %3: more partitions won&apos;t help, because one key is always applied on one partition.</source>
        <translation>Schlüssel &apos;%1&apos; allein trägt %2 aller Nachrichten, mehr als eine durchschnittliche Partition mit %3: mehr Partitionen helfen nicht, denn ein Schlüssel wird immer auf einer einzigen Partition angewendet.</translation>
    </message>
    <message>
        <source>Key &apos;%1&apos; gives %2 of partition %3&apos;s load; the other keys of that partition wait behind it. A partitioner or partition count that puts fewer keys next to it spreads the rest.</source>
        <translation>Schlüssel &apos;%1&apos; liefert %2 der Last von Partition %3; die anderen Schlüssel dieser Partition warten dahinter. Ein Partitionierer oder eine Partitionsanzahl, die weniger Schlüssel neben ihn legt, verteilt den Rest.</translation>
    </message>
    <message>
        <source>No single key dominates: the hottest, &apos;%1&apos;, gives %2 of all messages. Uneven partitions come from how keys fall, so another partition count or partitioner can even them out (try partlab-cli sweep).</source>
        <translation>Kein einzelner Schlüssel dominiert: der heißeste, &apos;%1&apos;, liefert %2 aller Nachrichten. Ungleiche Partitionen entstehen daraus, wie die Schlüssel fallen; eine andere Partitionsanzahl oder ein anderer Partitionierer kann sie ausgleichen (partlab-cli sweep probieren).</translation>
    </message>
</context>
<context>
    <name>Lesson</name>
    <message>
        <source>One state object vs partitioned state</source>
        <translation>Ein Zustandsobjekt vs. partitionierter Zustand</translation>
    </message>
    <message>
        <source>Why splitting state into partitions lets state computations run in parallel.</source>
        <translation>Warum die Aufteilung des Zustands in Partitionen Zustandsberechnungen parallel laufen lässt.</translation>
    </message>
    <message>
        <source>One state object, one computation at a time</source>
        <translation>Ein Zustandsobjekt, eine Berechnung zur Zeit</translation>
    </message>
    <message>
        <source>If all of the application state lives in one state object, only one state computation at a time may touch it. Here two workers share one dictionary of customer totals behind one lock: every order waits for the lock.</source>
        <translation>Liegt der gesamte Anwendungszustand in einem Zustandsobjekt, darf nur eine Zustandsberechnung zur Zeit darauf zugreifen. Hier teilen sich zwei Worker ein Wörterbuch der Kundensummen hinter einer Sperre: jede Bestellung wartet auf die Sperre.</translation>
    </message>
    <message>
        <source>Throughput, and how both workers wait on the same lock.</source>
        <translation>Der Durchsatz, und wie beide Worker auf dieselbe Sperre warten.</translation>
    </message>
    <message>
        <source>naive mode: %1 orders in %2 s = %3</source>
        <translation>naiver Modus: %1 Bestellungen in %2 s = %3</translation>
    </message>
    <message>
        <source>Partitioned state</source>
        <translation>Partitionierter Zustand</translation>
    </message>
    <message>
        <source>A customer&apos;s total does not depend on any other customer, so the state can be split: one state partition per group of customers, each owned by one worker. Different partitions are updated in parallel, with no lock.</source>
        <translation>Die Summe eines Kunden hängt von keinem anderen Kunden ab, also lässt sich der Zustand aufteilen: eine Zustandspartition pro Kundengruppe, jede im Besitz eines Workers. Verschiedene Partitionen werden parallel aktualisiert, ohne Sperre.</translation>
    </message>
    <message>
        <source>Throughput against the naive run, and the identical final state.</source>
        <translation>Der Durchsatz im Vergleich zum naiven Lauf, und der identische Endzustand.</translation>
    </message>
    <message>
        <source>naive: %1   partitioned: %2   ratio %3x</source>
        <translation>naiv: %1   partitioniert: %2   Verhältnis %3x</translation>
    </message>
    <message>
        <source>Same final state (checksum %1): partitioning changes who computes, not what.</source>
        <translation>Gleicher Endzustand (Prüfsumme %1): Partitionierung ändert, wer rechnet, nicht was.</translation>
    </message>
    <message>
        <source>The final states differ: this is a bug, please report it.</source>
        <translation>Die Endzustände unterscheiden sich: das ist ein Fehler, bitte melden Sie ihn.</translation>
    </message>
    <message>
        <source>Parallelism needs partitions and cores</source>
        <translation>Parallelität braucht Partitionen und Kerne</translation>
    </message>
    <message>
        <source>With one partition only one worker has anything to do, however many workers there are. With more partitions than workers, every worker owns some.</source>
        <translation>Mit einer Partition hat nur ein Worker etwas zu tun, egal wie viele Worker es gibt. Mit mehr Partitionen als Workern besitzt jeder Worker einige.</translation>
    </message>
    <message>
        <source>The busy time per partition and per worker.</source>
        <translation>Die Belegungszeit pro Partition und pro Worker.</translation>
    </message>
    <message>
        <source>1 partition: %1   8 partitions: %2 (2 workers each)</source>
        <translation>1 Partition: %1   8 Partitionen: %2 (je 2 Worker)</translation>
    </message>
    <message>
        <source>The key extractor and partition keys</source>
        <translation>Der Schlüsselextraktor und Partitionsschlüssel</translation>
    </message>
    <message>
        <source>How a message finds its state partition, and what a poor partition key does.</source>
        <translation>Wie eine Nachricht ihre Zustandspartition findet, und was ein schlechter Partitionsschlüssel bewirkt.</translation>
    </message>
    <message>
        <source>From message to partition</source>
        <translation>Von der Nachricht zur Partition</translation>
    </message>
    <message>
        <source>Each stock tick carries a symbol, a price and a volume. The key extractor returns the symbol: that is the partition key. The partitioner (here XAP&apos;s rule) turns it into a partition: safeAbs(hashCode(symbol)) % 4.</source>
        <translation>Jeder Börsenkurs trägt ein Symbol, einen Preis und ein Volumen. Der Schlüsselextraktor liefert das Symbol: das ist der Partitionsschlüssel. Der Partitionierer (hier die XAP-Regel) macht daraus eine Partition: safeAbs(hashCode(symbol)) % 4.</translation>
    </message>
    <message>
        <source>Step through single messages and follow each to its partition.</source>
        <translation>Gehen Sie einzelne Nachrichten durch und verfolgen Sie jede bis zu ihrer Partition.</translation>
    </message>
    <message>
        <source>tick %1 @ %2 x %3  -&gt;  key %1  -&gt;  hashCode %4  -&gt;  partition %5</source>
        <translation>Kurs %1 @ %2 x %3  -&gt;  Schlüssel %1  -&gt;  hashCode %4  -&gt;  Partition %5</translation>
    </message>
    <message>
        <source>Same key, same partition, always</source>
        <translation>Gleicher Schlüssel, gleiche Partition, immer</translation>
    </message>
    <message>
        <source>Every tick of one symbol goes to the same partition, so that symbol&apos;s state is updated by one worker, in order, and needs no lock. Partitions differ in load because symbols differ in popularity.</source>
        <translation>Jeder Kurs eines Symbols geht an dieselbe Partition, daher wird der Zustand dieses Symbols von einem Worker aktualisiert, in Reihenfolge und ohne Sperre. Die Partitionen sind unterschiedlich belastet, weil Symbole unterschiedlich beliebt sind.</translation>
    </message>
    <message>
        <source>Messages and keys per partition; click a bar to see its symbols.</source>
        <translation>Nachrichten und Schlüssel pro Partition; klicken Sie auf einen Balken, um seine Symbole zu sehen.</translation>
    </message>
    <message>
        <source>partition %1: %2 ticks, %3 symbols</source>
        <translation>Partition %1: %2 Kurse, %3 Symbole</translation>
    </message>
    <message>
        <source>AAPL: all %1 ticks applied on partition %2</source>
        <translation>AAPL: alle %1 Kurse auf Partition %2 angewendet</translation>
    </message>
    <message>
        <source>skew (busiest / mean): %1</source>
        <translation>Schieflage (meistbelastete / Mittel): %1</translation>
    </message>
    <message>
        <source>A poor key extractor</source>
        <translation>Ein schlechter Schlüsselextraktor</translation>
    </message>
    <message>
        <source>Suppose the key extractor returned the exchange (&apos;NYSE&apos;) instead of the symbol. Every message then has the same partition key: one partition does all the work, the others idle, and the skew equals the partition count.</source>
        <translation>Angenommen, der Schlüsselextraktor lieferte die Börse (&apos;NYSE&apos;) statt des Symbols. Dann hat jede Nachricht denselben Partitionsschlüssel: eine Partition macht die ganze Arbeit, die anderen sind untätig, und die Schieflage ist gleich der Partitionsanzahl.</translation>
    </message>
    <message>
        <source>One bar full, the others empty.</source>
        <translation>Ein Balken voll, die anderen leer.</translation>
    </message>
    <message>
        <source>skew with the exchange as key: %1 (the maximum for %2 partitions)</source>
        <translation>Schieflage mit der Börse als Schlüssel: %1 (das Maximum für %2 Partitionen)</translation>
    </message>
    <message>
        <source> (%1 of %2 %3s change owner)</source>
        <translation> (%1 von %2 %3s wechseln den Besitzer)</translation>
    </message>
    <message>
        <source>Changing the partition count</source>
        <translation>Die Partitionsanzahl ändern</translation>
    </message>
    <message>
        <source>Modulo hashing vs consistent hashing vs slots: how many keys move when N changes.</source>
        <translation>Modulo-Hashing vs. konsistentes Hashing vs. Slots: wie viele Schlüssel sich bewegen, wenn sich N ändert.</translation>
    </message>
    <message>
        <source>Modulo: almost everything moves</source>
        <translation>Modulo: fast alles bewegt sich</translation>
    </message>
    <message>
        <source>With hash % N, going from 8 to 9 partitions changes the partition of about 8 keys in 9: their state must move.</source>
        <translation>Mit hash % N ändert der Wechsel von 8 auf 9 Partitionen die Partition von etwa 8 von 9 Schlüsseln: ihr Zustand muss umziehen.</translation>
    </message>
    <message>
        <source>The rebalance preview before applying the new count.</source>
        <translation>Die Vorschau der Umverteilung, bevor die neue Anzahl angewendet wird.</translation>
    </message>
    <message>
        <source>Consistent hashing: only the new partition&apos;s share moves</source>
        <translation>Konsistentes Hashing: nur der Anteil der neuen Partition bewegt sich</translation>
    </message>
    <message>
        <source>Jump hash, rendezvous hashing and a hash ring move only the keys the new partition takes over: about 1 in 9.</source>
        <translation>Jump Hash, Rendezvous-Hashing und ein Hash-Ring verschieben nur die Schlüssel, die die neue Partition übernimmt: etwa 1 von 9.</translation>
    </message>
    <message>
        <source>Keys moved against the minimum.</source>
        <translation>Verschobene Schlüssel im Vergleich zum Minimum.</translation>
    </message>
    <message>
        <source>Slots and key groups: move whole units</source>
        <translation>Slots und Schlüsselgruppen: ganze Einheiten bewegen</translation>
    </message>
    <message>
        <source>Redis Cluster hashes keys to 16384 slots and Flink to key groups; nodes own ranges of them. Resizing moves whole slots or key groups, never single keys, so a key&apos;s unit never changes. Here the new owners are the contiguous ranges a fresh cluster of 9 would get, which shifts many ranges; an incremental rebalance could move fewer.</source>
        <translation>Redis Cluster bildet Schlüssel auf 16384 Slots ab und Flink auf Schlüsselgruppen; Knoten besitzen Bereiche davon. Eine Größenänderung verschiebt ganze Slots oder Schlüsselgruppen, nie einzelne Schlüssel, daher ändert sich die Einheit eines Schlüssels nie. Hier sind die neuen Besitzer die zusammenhängenden Bereiche, die ein frischer Cluster aus 9 Knoten bekäme, was viele Bereiche verschiebt; eine inkrementelle Umverteilung könnte weniger bewegen.</translation>
    </message>
    <message>
        <source>Units that change owner.</source>
        <translation>Einheiten, die den Besitzer wechseln.</translation>
    </message>
    <message>
        <source>Resizing live</source>
        <translation>Größenänderung im laufenden Betrieb</translation>
    </message>
    <message>
        <source>Partlab can change N while messages flow: it pauses intake, moves the state of every moved key to its new owner and resumes. Nothing is lost or applied twice: the final state equals a run without resizing.</source>
        <translation>Partlab kann N ändern, während Nachrichten fließen: es hält die Annahme an, verschiebt den Zustand jedes verschobenen Schlüssels zu seinem neuen Besitzer und macht weiter. Nichts geht verloren oder wird doppelt angewendet: der Endzustand gleicht einem Lauf ohne Größenänderung.</translation>
    </message>
    <message>
        <source>Change the partition count while it runs and watch the pause.</source>
        <translation>Ändern Sie die Partitionsanzahl während des Laufs und beobachten Sie die Pause.</translation>
    </message>
    <message>
        <source>after %1 messages: 8 -&gt; 12 partitions, %2 keys moved, paused %3 ms</source>
        <translation>nach %1 Nachrichten: 8 -&gt; 12 Partitionen, %2 Schlüssel verschoben, %3 ms pausiert</translation>
    </message>
    <message>
        <source>final state identical to the run without resizing</source>
        <translation>Endzustand identisch mit dem Lauf ohne Größenänderung</translation>
    </message>
    <message>
        <source>the final states differ: this is a bug, please report it</source>
        <translation>die Endzustände unterscheiden sich: das ist ein Fehler, bitte melden Sie ihn</translation>
    </message>
    <message>
        <source>all %1 partitions (broadcast)</source>
        <translation>alle %1 Partitionen (Broadcast)</translation>
    </message>
    <message>
        <source>partition %1 only (routed)</source>
        <translation>nur Partition %1 (geroutet)</translation>
    </message>
    <message>
        <source>partitions %1</source>
        <translation>Partitionen %1</translation>
    </message>
    <message>
        <source>%1 %2: refused: %3</source>
        <translation>%1 %2: abgelehnt: %3</translation>
    </message>
    <message>
        <source>defineType %1: routed by &apos;%2&apos; (rule: %3)</source>
        <translation>defineType %1: geroutet nach &apos;%2&apos; (Regel: %3)</translation>
    </message>
    <message>
        <source>count %1</source>
        <translation>Anzahl %1</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>no entry</source>
        <translation>kein Eintrag</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 Eintrag</translation>
    </message>
    <message>
        <source>nothing arrived before the timeout</source>
        <translation>vor Ablauf der Wartezeit kam nichts an</translation>
    </message>
    <message>
        <source>%1 %2 %3 -&gt; %4</source>
        <translation>%1 %2 %3 -&gt; %4</translation>
    </message>
    <message>
        <source>The routing property and XAP&apos;s implicit rules</source>
        <translation>Die Routing-Eigenschaft und die impliziten Regeln von XAP</translation>
    </message>
    <message>
        <source>Which property decides an entry&apos;s partition, and what happens when it is missing.</source>
        <translation>Welche Eigenschaft die Partition eines Eintrags bestimmt, und was passiert, wenn sie fehlt.</translation>
    </message>
    <message>
        <source>An explicit routing property</source>
        <translation>Eine explizite Routing-Eigenschaft</translation>
    </message>
    <message>
        <source>The proxy routes each entry by the hash code of its routing property: partition = safeAbs(value.hashCode()) % N. Order declares customerId as its routing property explicitly.</source>
        <translation>Der Proxy routet jeden Eintrag nach dem Hashcode seiner Routing-Eigenschaft: Partition = safeAbs(value.hashCode()) % N. Order deklariert customerId ausdrücklich als Routing-Eigenschaft.</translation>
    </message>
    <message>
        <source>The rule each defineType reports.</source>
        <translation>Die Regel, die jedes defineType meldet.</translation>
    </message>
    <message>
        <source>Implicit rules</source>
        <translation>Implizite Regeln</translation>
    </message>
    <message>
        <source>Without an explicit routing property XAP takes the id property; without an id, the first indexed property in alphabetical order; without indexes, the first property in alphabetical order. Implicit routing is legal but confusing: declare it.</source>
        <translation>Ohne explizite Routing-Eigenschaft nimmt XAP die ID-Eigenschaft; ohne ID die erste indizierte Eigenschaft in alphabetischer Reihenfolge; ohne Indizes die erste Eigenschaft in alphabetischer Reihenfolge. Implizites Routing ist erlaubt, aber verwirrend: deklarieren Sie es.</translation>
    </message>
    <message>
        <source>id, first-indexed and first-property in the results.</source>
        <translation>ID, erste indizierte und erste Eigenschaft in den Ergebnissen.</translation>
    </message>
    <message>
        <source>A null routing value is an error</source>
        <translation>Ein leerer Routing-Wert ist ein Fehler</translation>
    </message>
    <message>
        <source>An order without a customerId has no partition: the proxy refuses to write it and says which type and property are missing. Nothing is written.</source>
        <translation>Eine Bestellung ohne customerId hat keine Partition: der Proxy weigert sich, sie zu schreiben, und nennt den fehlenden Typ und die Eigenschaft. Nichts wird geschrieben.</translation>
    </message>
    <message>
        <source>The error, and the count that stays at 1.</source>
        <translation>Der Fehler, und die Anzahl, die bei 1 bleibt.</translation>
    </message>
    <message>
        <source>Routed vs broadcast queries</source>
        <translation>Geroutete vs. gesendete Abfragen</translation>
    </message>
    <message>
        <source>Queries that fix the routing value go to one partition; the others go to all.</source>
        <translation>Abfragen, die den Routing-Wert festlegen, gehen an eine Partition; die anderen an alle.</translation>
    </message>
    <message>
        <source>Routed and broadcast reads</source>
        <translation>Geroutete und gesendete Lesezugriffe</translation>
    </message>
    <message>
        <source>A query that fixes customerId is sent only to that customer&apos;s partition. A query on amount does not say where the entries are, so the proxy broadcasts it and merges the answers.</source>
        <translation>Eine Abfrage, die customerId festlegt, geht nur an die Partition dieses Kunden. Eine Abfrage auf amount sagt nicht, wo die Einträge liegen, daher sendet der Proxy sie an alle und führt die Antworten zusammen.</translation>
    </message>
    <message>
        <source>One partition lit for the first query, all of them for the second.</source>
        <translation>Eine Partition leuchtet bei der ersten Abfrage, alle bei der zweiten.</translation>
    </message>
    <message>
        <source>count and clear</source>
        <translation>count und clear</translation>
    </message>
    <message>
        <source>count and clear follow the same rule: routed when the template holds the routing value, broadcast otherwise.</source>
        <translation>count und clear folgen derselben Regel: geroutet, wenn die Vorlage den Routing-Wert enthält, sonst an alle gesendet.</translation>
    </message>
    <message>
        <source>Which partitions each count and clear touched.</source>
        <translation>Welche Partitionen jedes count und clear berührt hat.</translation>
    </message>
    <message>
        <source>Blocking operations need a routing value</source>
        <translation>Blockierende Operationen brauchen einen Routing-Wert</translation>
    </message>
    <message>
        <source>A take that waits for a match (timeout &gt; 0) cannot be broadcast: XAP refuses it without a routing value. With one, it waits on that partition until a match arrives or time runs out.</source>
        <translation>Ein take, das auf einen Treffer wartet (Timeout &gt; 0), kann nicht an alle gesendet werden: XAP lehnt es ohne Routing-Wert ab. Mit einem wartet es auf dieser Partition, bis ein Treffer kommt oder die Zeit abläuft.</translation>
    </message>
    <message>
        <source>The refusal, then the routed wait that times out.</source>
        <translation>Die Ablehnung, dann das geroutete Warten bis zum Timeout.</translation>
    </message>
    <message>
        <source>FIFO only per partition</source>
        <translation>FIFO nur pro Partition</translation>
    </message>
    <message>
        <source>Why a FIFO type keeps write order inside a partition but not across them.</source>
        <translation>Warum ein FIFO-Typ die Schreibreihenfolge innerhalb einer Partition hält, aber nicht über Partitionen hinweg.</translation>
    </message>
    <message>
        <source>Write order within one partition</source>
        <translation>Schreibreihenfolge innerhalb einer Partition</translation>
    </message>
    <message>
        <source>Job is a FIFO type routed by its queue. Reading one queue goes to one partition, and the jobs come back in the order they were written.</source>
        <translation>Job ist ein FIFO-Typ, geroutet nach seiner Warteschlange. Das Lesen einer Warteschlange geht an eine Partition, und die Jobs kommen in der Reihenfolge zurück, in der sie geschrieben wurden.</translation>
    </message>
    <message>
        <source>seq rising in the result.</source>
        <translation>seq steigt im Ergebnis.</translation>
    </message>
    <message>
        <source>A broadcast read is not globally FIFO</source>
        <translation>Ein gesendetes Lesen ist nicht global FIFO</translation>
    </message>
    <message>
        <source>Reading every job is a broadcast: each partition answers in its own write order and the proxy merges the answers partition by partition. Jobs written later can come first: FIFO inversions.</source>
        <translation>Alle Jobs zu lesen ist ein Broadcast: jede Partition antwortet in ihrer eigenen Schreibreihenfolge, und der Proxy führt die Antworten Partition für Partition zusammen. Später geschriebene Jobs können zuerst kommen: FIFO-Umkehrungen.</translation>
    </message>
    <message>
        <source>The inversions counted below and the proxy&apos;s FIFO note.</source>
        <translation>Die unten gezählten Umkehrungen und der FIFO-Hinweis des Proxys.</translation>
    </message>
    <message>
        <source>merged order of seq: %1</source>
        <translation>zusammengeführte Reihenfolge von seq: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n FIFO inversion(s) across partitions</source>
        <translation>
            <numerusform>%n FIFO-Umkehrung über Partitionen hinweg</numerusform>
            <numerusform>%n FIFO-Umkehrungen über Partitionen hinweg</numerusform>
        </translation>
    </message>
    <message>
        <source>Co-locating related data</source>
        <translation>Zusammengehörige Daten zusammenlegen</translation>
    </message>
    <message>
        <source>Routing a customer and its orders by the same value keeps them on one partition.</source>
        <translation>Einen Kunden und seine Bestellungen nach demselben Wert zu routen, hält sie auf einer Partition.</translation>
    </message>
    <message>
        <source>Customer and orders together</source>
        <translation>Kunde und Bestellungen zusammen</translation>
    </message>
    <message>
        <source>Customer is routed by its id, customerId; Order is routed by customerId too. A customer&apos;s orders live on the customer&apos;s partition, so one routed query finds them all.</source>
        <translation>Customer wird nach seiner ID customerId geroutet; Order ebenfalls nach customerId. Die Bestellungen eines Kunden liegen auf der Partition des Kunden, daher findet eine geroutete Abfrage sie alle.</translation>
    </message>
    <message>
        <source>The same single partition for the customer and for its orders.</source>
        <translation>Dieselbe einzelne Partition für den Kunden und für seine Bestellungen.</translation>
    </message>
    <message>
        <source>Without co-location</source>
        <translation>Ohne Zusammenlegung</translation>
    </message>
    <message>
        <source>If Order keeps its implicit routing (its id, orderId), a customer&apos;s orders scatter over the partitions. Finding them needs a broadcast, and a transaction over a customer and its orders would span partitions.</source>
        <translation>Behält Order ihr implizites Routing (ihre ID orderId), verstreuen sich die Bestellungen eines Kunden über die Partitionen. Sie zu finden erfordert einen Broadcast, und eine Transaktion über einen Kunden und seine Bestellungen würde Partitionen überspannen.</translation>
    </message>
    <message>
        <source>The order query now touches every partition.</source>
        <translation>Die Bestellabfrage berührt jetzt jede Partition.</translation>
    </message>
    <message>
        <source>%1: %2 -&gt; %3 partitions moves %4 of 20000 keys (the new partition&apos;s fair share: %5)%6</source>
        <translation>%1: %2 -&gt; %3 Partitionen verschiebt %4 von 20000 Schlüsseln (der faire Anteil der neuen Partition: %5)%6</translation>
    </message>
    <message>
        <source>%1: routing_num_shards %2, routing_partition_size %3</source>
        <translation>%1: routing_num_shards %2, routing_partition_size %3</translation>
    </message>
    <message>
        <source>documents per shard: %1</source>
        <translation>Dokumente je Shard: %1</translation>
    </message>
    <message>
        <source>the fullest shard holds %1 of %2 documents: skew %3 (1 = even, %4 = all on one)</source>
        <translation>der vollste Shard hält %1 von %2 Dokumenten: Schieflage %3 (1 = gleichmäßig, %4 = alle auf einem)</translation>
    </message>
    <message>
        <source>Elasticsearch custom routing and the hot shard</source>
        <translation>Eigenes Routing in Elasticsearch und der heiße Shard</translation>
    </message>
    <message>
        <source>Routing by tenant keeps a tenant together, and makes its shard as big as the tenant.</source>
        <translation>Routing nach Mandant hält einen Mandanten zusammen und macht seinen Shard so groß wie den Mandanten.</translation>
    </message>
    <message>
        <source>One tenant, one shard</source>
        <translation>Ein Mandant, ein Shard</translation>
    </message>
    <message>
        <source>With ?routing=tenant every document of a tenant goes to shard floorMod(murmur3(tenant), routing_num_shards) / routing_factor, so a search for one tenant asks one shard. But tenants are not equal: here 200 tenants own Zipf-shaped shares of 60,000 documents on 6 shards, and the biggest tenant alone is a sixth of them.</source>
        <translation>Mit ?routing=Mandant geht jedes Dokument eines Mandanten auf den Shard floorMod(murmur3(Mandant), routing_num_shards) / routing_factor, also fragt eine Suche nach einem Mandanten nur einen Shard. Aber Mandanten sind nicht gleich groß: Hier besitzen 200 Mandanten Zipf-verteilte Anteile an 60.000 Dokumenten auf 6 Shards, und der größte Mandant allein hat ein Sechstel davon.</translation>
    </message>
    <message>
        <source>The load per partition: one partition carries the biggest customer.</source>
        <translation>Die Last je Partition: eine Partition trägt den größten Kunden.</translation>
    </message>
    <message>
        <source>routing by tenant</source>
        <translation>Routing nach Mandant</translation>
    </message>
    <message>
        <source>routing_partition_size spreads a tenant</source>
        <translation>routing_partition_size verteilt einen Mandanten</translation>
    </message>
    <message>
        <source>index.routing_partition_size = 3 adds floorMod(murmur3(_id), 3) to the tenant&apos;s hash: a tenant&apos;s documents spread over 3 consecutive routing shards, and a tenant search asks 3 shards instead of 6. Here routing_num_shards is set to the shard count (6), so 3 routing shards are 3 shards.</source>
        <translation>index.routing_partition_size = 3 addiert floorMod(murmur3(_id), 3) zum Hash des Mandanten: Die Dokumente eines Mandanten verteilen sich auf 3 aufeinanderfolgende Routing-Shards, und eine Suche nach dem Mandanten fragt 3 Shards statt 6. Hier ist routing_num_shards auf die Zahl der Shards (6) gesetzt, also sind 3 Routing-Shards 3 Shards.</translation>
    </message>
    <message>
        <source>The fullest shard shrinks.</source>
        <translation>Der vollste Shard schrumpft.</translation>
    </message>
    <message>
        <source>spread over 3 shards</source>
        <translation>verteilt auf 3 Shards</translation>
    </message>
    <message>
        <source>The default routing_num_shards undoes it</source>
        <translation>Das voreingestellte routing_num_shards macht es zunichte</translation>
    </message>
    <message>
        <source>Since 7.0 an index gets routing_num_shards = 6 x 2^7 = 768 by default, so that it can be split later. The routing factor is 128 routing shards per shard, and an offset of at most 2 crosses into the next shard only for a tenant whose hash lands in the last 2 routing shards of its shard: nearly every tenant stays on one shard and the hot shard is back (elastic/elasticsearch#48863). Set index.number_of_routing_shards to the shard count when you use routing_partition_size.</source>
        <translation>Seit 7.0 bekommt ein Index standardmäßig routing_num_shards = 6 x 2^7 = 768, damit er sich später teilen lässt. Der Routing-Faktor ist dann 128 Routing-Shards je Shard, und ein Versatz von höchstens 2 reicht nur für einen Mandanten in den nächsten Shard, dessen Hash in den letzten 2 Routing-Shards seines Shards landet: Fast jeder Mandant bleibt auf einem Shard, und der heiße Shard ist zurück (elastic/elasticsearch#48863). Setzen Sie index.number_of_routing_shards auf die Zahl der Shards, wenn Sie routing_partition_size verwenden.</translation>
    </message>
    <message>
        <source>The skew back near the first step&apos;s.</source>
        <translation>Die Schieflage wieder nahe der des ersten Schritts.</translation>
    </message>
    <message>
        <source>default routing_num_shards</source>
        <translation>voreingestelltes routing_num_shards</translation>
    </message>
    <message>
        <source>%1 on %2 consumers: %3, utilisation of the busiest consumer %4, mean wait %5 us, p99 %6 us</source>
        <translation>%1 auf %2 Konsumenten: %3, Auslastung des meistbelasteten Konsumenten %4, mittlere Wartezeit %5 µs, p99 %6 µs</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>stabil</translation>
    </message>
    <message>
        <source>NOT stable</source>
        <translation>NICHT stabil</translation>
    </message>
    <message>
        <source>Capacity: lag, waiting and saturation</source>
        <translation>Kapazität: Rückstand, Wartezeit und Sättigung</translation>
    </message>
    <message>
        <source>How close to saturation a cluster may run, and when more consumers stop helping.</source>
        <translation>Wie nah an der Sättigung ein Cluster laufen darf und wann mehr Konsumenten nicht mehr helfen.</translation>
    </message>
    <message>
        <source>The saturation rate</source>
        <translation>Die Sättigungsrate</translation>
    </message>
    <message>
        <source>8 partitions of stock ticks go to 4 consumers, one thread each; a tick costs 200 us on average. The busiest consumer decides how many ticks per second the cluster can take: beyond that its lag grows without end.</source>
        <translation>8 Partitionen mit Aktienkursen gehen an 4 Konsumenten mit je einem Thread; ein Kurs kostet im Mittel 200 µs. Der meistbelastete Konsument entscheidet, wie viele Kurse pro Sekunde der Cluster verkraftet: darüber wächst sein Rückstand ohne Ende.</translation>
    </message>
    <message>
        <source>The Capacity tab: 4 consumers, exponential 200 us, Predict; then raise the rate.</source>
        <translation>Der Reiter Kapazität: 4 Konsumenten, exponentiell 200 µs, Vorhersagen; dann die Rate erhöhen.</translation>
    </message>
    <message>
        <source>saturation rate: %1 (4 consumers could do 20 k msg/s if the load were even)</source>
        <translation>Sättigungsrate: %1 (4 Konsumenten schafften 20 k Nachr./s, wäre die Last gleichmäßig)</translation>
    </message>
    <message>
        <source>Waiting grows like 1 / (1 - utilisation)</source>
        <translation>Die Wartezeit wächst wie 1 / (1 - Auslastung)</translation>
    </message>
    <message>
        <source>Below saturation the lag stays bounded, but not small: a queue with random arrivals and service waits about utilisation / (1 - utilisation) service times. At half the saturation rate messages barely wait; at 90 % they wait many times longer. Plan for a utilisation well below 100 %.</source>
        <translation>Unterhalb der Sättigung bleibt der Rückstand beschränkt, aber nicht klein: Eine Warteschlange mit zufälligen Ankünften und Bedienzeiten wartet etwa Auslastung / (1 - Auslastung) Bedienzeiten. Bei halber Sättigungsrate warten Nachrichten kaum, bei 90 % ein Vielfaches davon. Planen Sie eine Auslastung deutlich unter 100 %.</translation>
    </message>
    <message>
        <source>The p99 as the rate slider approaches the saturation rate.</source>
        <translation>Das p99, während sich der Raten-Regler der Sättigungsrate nähert.</translation>
    </message>
    <message>
        <source>A hot key pins its partition</source>
        <translation>Ein heißer Schlüssel bindet seine Partition</translation>
    </message>
    <message>
        <source>When one ticker carries 40 % of the ticks, its partition gets 40 % of the work and only one thread may serve it, in order. Its partition saturates below 1 / (0.4 x 200 us) = 12.5 k msg/s (it holds other tickers too), and once a consumer serves nothing else, more consumers do not help: salt the key or route by another property.</source>
        <translation>Trägt ein Kürzel 40 % der Kurse, bekommt seine Partition 40 % der Arbeit, und nur ein Thread darf sie bedienen, der Reihe nach. Seine Partition ist unter 1 / (0,4 x 200 µs) = 12,5 k Nachr./s gesättigt (sie hält auch andere Kürzel), und sobald ein Konsument nichts anderes bedient, helfen mehr Konsumenten nicht: Salzen Sie den Schlüssel oder routen Sie nach einer anderen Eigenschaft.</translation>
    </message>
    <message>
        <source>The heat map: the saturation rate stops growing with the consumers.</source>
        <translation>Die Heatmap: Die Sättigungsrate wächst nicht mehr mit den Konsumenten.</translation>
    </message>
    <message>
        <source>%1 consumers: saturation rate %2%3</source>
        <translation>%1 Konsumenten: Sättigungsrate %2%3</translation>
    </message>
    <message>
        <source> (partition %1, key %2, saturates first)</source>
        <translation> (Partition %1, Schlüssel %2, ist zuerst gesättigt)</translation>
    </message>
</context>
<context>
    <name>Options</name>
    <message>
        <source>--%1 must be a whole number between %2 and %3 (got &apos;%4&apos;)</source>
        <translation>--%1 muss eine ganze Zahl von %2 bis %3 sein (angegeben: &apos;%4&apos;)</translation>
    </message>
    <message>
        <source>--%1 must be a number between %2 and %3 (got &apos;%4&apos;)</source>
        <translation>--%1 muss eine Zahl von %2 bis %3 sein (angegeben: &apos;%4&apos;)</translation>
    </message>
    <message>
        <source>Partitioner: %1.</source>
        <translation>Partitionierer: %1.</translation>
    </message>
    <message>
        <source>Partitioner: %1 (default %2).</source>
        <translation>Partitionierer: %1 (Standard: %2).</translation>
    </message>
    <message>
        <source>Number of partitions N (1-%1, default %2; hazelcast %3, Hazelcast&apos;s own).</source>
        <translation>Anzahl der Partitionen N (1–%1, Standard %2; hazelcast %3 wie Hazelcast selbst).</translation>
    </message>
    <message>
        <source>Number of partitions N (1-%1).</source>
        <translation>Anzahl der Partitionen N (1–%1).</translation>
    </message>
</context>
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
    <message>
        <source>Hazelcast: hashToIndex(murmur3(serialized key, seed 0x01000193), N); 271 partitions by default</source>
        <translation>Hazelcast: hashToIndex(murmur3(serialisierter Schlüssel, Seed 0x01000193), N); standardmäßig 271 Partitionen</translation>
    </message>
    <message>
        <source>Elasticsearch: floorMod(murmur3(UTF-16 routing) + offset, routing_num_shards) / routing_factor</source>
        <translation>Elasticsearch: floorMod(murmur3(UTF-16-Routing) + Versatz, routing_num_shards) / routing_factor</translation>
    </message>
    <message>
        <source>--partitioner: unknown partitioner &apos;%1&apos; (choose %2)</source>
        <translation>--partitioner: unbekannter Partitionierer „%1“ (wählen Sie %2)</translation>
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
        <source>--key: %1 has no column &apos;%2&apos;</source>
        <translation>--key: %1 hat keine Spalte „%2“</translation>
    </message>
    <message>
        <source>--key applies to --trace only</source>
        <translation>--key gilt nur zusammen mit --trace</translation>
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
    <message>
        <source>With --run-for: print what refreshing the window cost (GUI thread CPU, tick times).</source>
        <translation>Mit --run-for: ausgeben, was das Auffrischen des Fensters gekostet hat (CPU des GUI-Threads, Tick-Zeiten).</translation>
    </message>
    <message>
        <source>--measure-refresh needs --run-for</source>
        <translation>--measure-refresh braucht --run-for</translation>
    </message>
    <message>
        <source>--trace: %1</source>
        <translation>--trace: %1</translation>
    </message>
    <message>
        <source>With --run-for: pause the run after SECONDS; --measure-refresh then measures the paused window only.</source>
        <translation>Mit --run-for: den Lauf nach SEKUNDEN anhalten; --measure-refresh misst dann nur das angehaltene Fenster.</translation>
    </message>
    <message>
        <source>--pause-after: expected a number of seconds below --run-for&apos;s</source>
        <translation>--pause-after: erwartet eine Anzahl Sekunden unter der von --run-for</translation>
    </message>
</context>
<context>
    <name>partlab::AbComparisonView</name>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation>Abbrec&amp;hen</translation>
    </message>
    <message>
        <source>Messages each side runs (the same ones, from the configured scenario or trace)</source>
        <translation>Nachrichten pro Seite (dieselben, aus dem konfigurierten Szenario oder Trace)</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:%1&quot;&gt;%2&lt;/b&gt;</source>
        <translation>&lt;b style=&quot;color:%1&quot;&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>partitioned</source>
        <translation>partitioniert</translation>
    </message>
    <message>
        <source>naive (one lock)</source>
        <translation>naiv (eine Sperre)</translation>
    </message>
    <message>
        <source>partition</source>
        <translation>Partition</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Same messages for both: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Dieselben Nachrichten für beide: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Cannot compare: %1</source>
        <translation>Vergleich nicht möglich: %1</translation>
    </message>
    <message>
        <source>Running A, then B, on the same %1 messages…</source>
        <translation>Erst A, dann B, mit denselben %1 Nachrichten…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The comparison failed: %1</source>
        <translation>Der Vergleich ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1, N=%2, %3 workers, %4</source>
        <translation>%1, N=%2, %3 Worker, %4</translation>
    </message>
    <message>
        <source>Skew (busiest / mean)</source>
        <translation>Schieflage (Maximum / Mittel)</translation>
    </message>
    <message>
        <source>Busiest partition&apos;s share (%)</source>
        <translation>Anteil der meistbelasteten Partition (%)</translation>
    </message>
    <message>
        <source>Throughput (messages/s)</source>
        <translation>Durchsatz (Nachrichten/s)</translation>
    </message>
    <message>
        <source>Latency p50 (µs)</source>
        <translation>Latenz p50 (µs)</translation>
    </message>
    <message>
        <source>Latency p99 (µs)</source>
        <translation>Latenz p99 (µs)</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Messgröße</translation>
    </message>
    <message>
        <source>A: %1</source>
        <translation>A: %1</translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation>B: %1</translation>
    </message>
    <message>
        <source>B against A</source>
        <translation>B gegenüber A</translation>
    </message>
    <message>
        <source>Final state</source>
        <translation>Endzustand</translation>
    </message>
    <message>
        <source>identical</source>
        <translation>identisch</translation>
    </message>
    <message>
        <source>differs</source>
        <translation>verschieden</translation>
    </message>
    <message>
        <source>%1 messages each.</source>
        <translation>Je %1 Nachrichten.</translation>
    </message>
    <message>
        <source>B is better in: %1.</source>
        <translation>B ist besser bei: %1.</translation>
    </message>
    <message>
        <source>B is worse in: %1.</source>
        <translation>B ist schlechter bei: %1.</translation>
    </message>
    <message>
        <source>No difference larger than %1.</source>
        <translation>Kein Unterschied größer als %1.</translation>
    </message>
</context>
<context>
    <name>partlab::AdvisorView</name>
    <message>
        <source>&amp;Analyse</source>
        <translation>&amp;Analysieren</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>The partitioners to compare</source>
        <translation>Die zu vergleichenden Partitionierer</translation>
    </message>
    <message>
        <source>Workers for the expected speed-up (partition p runs on worker p mod W)</source>
        <translation>Worker für die erwartete Beschleunigung (Partition p läuft auf Worker p mod W)</translation>
    </message>
    <message>
        <source>The busiest partition may carry this many times the mean load; the recommendation is the smallest N that stays at or below it</source>
        <translation>Die meistbelastete Partition darf so viel mal die mittlere Last tragen; empfohlen wird das kleinste N, das darunter bleibt</translation>
    </message>
    <message>
        <source>Press Analyse: the keys of the configured scenario or trace are routed with every chosen partitioner for every N in the range.</source>
        <translation>Analysieren drücken: Die Schlüssel des konfigurierten Szenarios oder Traces werden mit jedem gewählten Partitionierer für jedes N im Bereich geroutet.</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>Partitionen</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Target skew</source>
        <translation>Ziel-Schieflage</translation>
    </message>
    <message>
        <source>Partitioners</source>
        <translation>Partitionierer</translation>
    </message>
    <message>
        <source>partitions (N)</source>
        <translation>Partitionen (N)</translation>
    </message>
    <message>
        <source>skew (busiest / mean)</source>
        <translation>Schieflage (Max. / Mittel)</translation>
    </message>
    <message>
        <source>keys moved from N−1 (%)</source>
        <translation>verschoben ab N−1 (%)</translation>
    </message>
    <message>
        <source>Keys of: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Schlüssel aus: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Choose at least one partitioner.</source>
        <translation>Wählen Sie mindestens einen Partitionierer.</translation>
    </message>
    <message>
        <source>Counting the keys of %1, then routing them…</source>
        <translation>Zähle die Schlüssel von %1, dann werden sie geroutet…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The analysis failed: %1</source>
        <translation>Die Analyse ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>N=%1: %2</source>
        <translation>N=%1: %2</translation>
    </message>
    <message>
        <source>target %1</source>
        <translation>Ziel %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 messages, %2 distinct keys; target skew %3, %4 workers.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 Nachrichten, %2 verschiedene Schlüssel; Ziel-Schieflage %3, %4 Worker.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>recommended N = %1</source>
        <translation>empfohlen: N = %1</translation>
    </message>
    <message>
        <source>no N in the range reaches the target</source>
        <translation>kein N im Bereich erreicht das Ziel</translation>
    </message>
    <message>
        <source>Colours as in the list of partitioners</source>
        <translation>Farben wie in der Liste der Partitionierer</translation>
    </message>
</context>
<context>
    <name>partlab::CapacityView</name>
    <message>
        <source>&amp;Predict</source>
        <translation>&amp;Vorhersagen</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source> msg/s</source>
        <translation> Nachr./s</translation>
    </message>
    <message>
        <source>Arrivals per second (Poisson)</source>
        <translation>Ankünfte pro Sekunde (Poisson)</translation>
    </message>
    <message>
        <source>Consumers sharing the partitions (a Kafka consumer group, Flink subtasks, Redis nodes)</source>
        <translation>Konsumenten, die sich die Partitionen teilen (eine Kafka-Consumer-Gruppe, Flink-Subtasks, Redis-Knoten)</translation>
    </message>
    <message>
        <source>Threads per consumer; each partition is served by one thread at a time, in order</source>
        <translation>Threads je Konsument; jede Partition wird von einem Thread zur Zeit bedient, der Reihe nach</translation>
    </message>
    <message>
        <source>range</source>
        <translation>range</translation>
    </message>
    <message>
        <source>round-robin</source>
        <translation>round-robin</translation>
    </message>
    <message>
        <source>sticky</source>
        <translation>sticky</translation>
    </message>
    <message>
        <source>p mod C</source>
        <translation>p mod C</translation>
    </message>
    <message>
        <source>How partitions are dealt to consumers; for one topic and a fresh group round-robin, sticky and p mod C coincide</source>
        <translation>Wie Partitionen an Konsumenten verteilt werden; für ein Topic und eine neue Gruppe stimmen round-robin, sticky und p mod C überein</translation>
    </message>
    <message>
        <source>fixed</source>
        <translation>fest</translation>
    </message>
    <message>
        <source>exponential</source>
        <translation>exponentiell</translation>
    </message>
    <message>
        <source>log-normal</source>
        <translation>log-normal</translation>
    </message>
    <message>
        <source> µs</source>
        <translation> µs</translation>
    </message>
    <message>
        <source>Mean time one message takes a thread</source>
        <translation>Mittlere Zeit, die eine Nachricht einen Thread kostet</translation>
    </message>
    <message>
        <source>99th percentile of the service time (log-normal only)</source>
        <translation>99. Perzentil der Bedienzeit (nur log-normal)</translation>
    </message>
    <message>
        <source>Messages to simulate (virtual time; millions per second of real time)</source>
        <translation>Zu simulierende Nachrichten (virtuelle Zeit; Millionen pro Sekunde echter Zeit)</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Consumers</source>
        <translation>Konsumenten</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Bedienzeit</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>partition</source>
        <translation>Partition</translation>
    </message>
    <message>
        <source>lag (messages)</source>
        <translation>Rückstand (Nachrichten)</translation>
    </message>
    <message>
        <source>Play the lag over virtual time</source>
        <translation>Den Rückstand über die virtuelle Zeit abspielen</translation>
    </message>
    <message>
        <source>Saturation rate for each N and C at the chosen threads and service time: brighter is more</source>
        <translation>Sättigungsrate für jedes N und C bei den gewählten Threads und der Bedienzeit: heller ist mehr</translation>
    </message>
    <message>
        <source>Press Predict: the keys of the configured scenario or trace are routed with the configured partitioner to N partitions, dealt to the consumers, and served in virtual time.</source>
        <translation>Vorhersagen drücken: Die Schlüssel des konfigurierten Szenarios oder Traces werden mit dem konfigurierten Partitionierer auf N Partitionen geroutet, an die Konsumenten verteilt und in virtueller Zeit bedient.</translation>
    </message>
    <message>
        <source>Weighing the keys of %1, then simulating…</source>
        <translation>Gewichte die Schlüssel von %1, dann Simulation…</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 keys, %2 partitions (%3), %4 consumer(s) × %5 thread(s); %6 over %7 s of virtual time.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 Schlüssel, %2 Partitionen (%3), %4 Konsument(en) × %5 Thread(s); %6 über %7 s virtuelle Zeit.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Stable&lt;/b&gt; at this rate</source>
        <translation>&lt;p&gt;&lt;b&gt;Stabil&lt;/b&gt; bei dieser Rate</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Not stable&lt;/b&gt;: the lag keeps growing (%1 messages waiting at the end)</source>
        <translation>&lt;p&gt;&lt;b&gt;Nicht stabil&lt;/b&gt;: Der Rückstand wächst weiter (%1 Nachrichten warten am Ende)</translation>
    </message>
    <message>
        <source>; latency p50 %1 µs, p99 %2 µs (wait in queue: mean %3 µs).&lt;/p&gt;</source>
        <translation>; Latenz p50 %1 µs, p99 %2 µs (Wartezeit in der Schlange: Mittel %3 µs).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Saturation rate: %1 (the busiest partition or consumer at 100 %).</source>
        <translation>&lt;p&gt;Sättigungsrate: %1 (die meistbelastete Partition oder der meistbelastete Konsument bei 100 %).</translation>
    </message>
    <message>
        <source> &lt;b&gt;Partition %1 saturates at %2 whatever the consumers and threads&lt;/b&gt;: its key “%3” alone carries %4 of the messages. Salt the key or route by another property.</source>
        <translation> &lt;b&gt;Partition %1 ist bei %2 gesättigt, gleich wie viele Konsumenten und Threads&lt;/b&gt;: Ihr Schlüssel „%3“ allein trägt %4 der Nachrichten. Salzen Sie den Schlüssel oder routen Sie nach einer anderen Eigenschaft.</translation>
    </message>
    <message>
        <source> Consumer %1 saturates first: more consumers or threads raise it.</source>
        <translation> Konsument %1 ist zuerst gesättigt: Mehr Konsumenten oder Threads heben die Rate.</translation>
    </message>
    <message>
        <source>t = %1 of %2 s</source>
        <translation>t = %1 von %2 s</translation>
    </message>
    <message>
        <source>consumers</source>
        <translation>Konsumenten</translation>
    </message>
    <message>
        <source>partitions</source>
        <translation>Partitionen</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>kein Ziel</translation>
    </message>
    <message>
        <source>p99 target: name the fewest consumers, then partitions, of the heat map whose run at this rate stays stable with a p99 at or below it (each cell simulated with 100,000 messages)</source>
        <translation>p99-Ziel: nennt die wenigsten Konsumenten, dann Partitionen der Heatmap, deren Lauf bei dieser Rate stabil bleibt und ein p99 höchstens so groß hat (jede Zelle mit 100.000 Nachrichten simuliert)</translation>
    </message>
    <message>
        <source>p99 target</source>
        <translation>p99-Ziel</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Recommendation&lt;/b&gt;: %1 consumer(s) and %2 partitions keep the p99 at %3 µs (target %4 µs) at %5.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Empfehlung&lt;/b&gt;: %1 Konsument(en) und %2 Partitionen halten das p99 bei %3 µs (Ziel %4 µs) bei %5.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Recommendation&lt;/b&gt;: no N up to 128 and C up to 32 keeps the p99 under %1 µs at %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Empfehlung&lt;/b&gt;: Kein N bis 128 und C bis 32 hält das p99 unter %1 µs bei %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Flink ranges</source>
        <translation>Flink-Bereiche</translation>
    </message>
</context>
<context>
    <name>partlab::ClusterLoadModel</name>
    <message>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Slots</source>
        <translation>Slots</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Predicted share</source>
        <translation>Vorhergesagter Anteil</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Gemessen</translation>
    </message>
    <message>
        <source>Measured share</source>
        <translation>Gemessener Anteil</translation>
    </message>
</context>
<context>
    <name>partlab::ClusterLoadView</name>
    <message>
        <source>Predicted by Partlab</source>
        <translation>Von Partlab vorhergesagt</translation>
    </message>
    <message>
        <source>Measured on the cluster</source>
        <translation>Im Cluster gemessen</translation>
    </message>
    <message>
        <source>share of the load (%)</source>
        <translation>Anteil an der Last (%)</translation>
    </message>
    <message>
        <source>updates</source>
        <translation>Updates</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>updates/s</source>
        <translation>Updates/s</translation>
    </message>
    <message>
        <source>calls/s</source>
        <translation>Aufrufe/s</translation>
    </message>
    <message>
        <source>Measured (totals since start: nothing running)</source>
        <translation>Gemessen (Summen seit dem Start: nichts läuft)</translation>
    </message>
    <message>
        <source>Measured (state updates/s)</source>
        <translation>Gemessen (Zustands-Updates/s)</translation>
    </message>
    <message>
        <source>Measured (commands/s)</source>
        <translation>Gemessen (Befehle/s)</translation>
    </message>
    <message>
        <source>Cannot read the cluster:</source>
        <translation>Der Cluster kann nicht gelesen werden:</translation>
    </message>
    <message>
        <source>Not connected to a Redis Cluster.</source>
        <translation>Nicht mit einem Redis Cluster verbunden.</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) unreachable: their load is unknown (see the table).</source>
        <translation>
            <numerusform>%n Knoten nicht erreichbar: seine Last ist unbekannt (siehe Tabelle).</numerusform>
            <numerusform>%n Knoten nicht erreichbar: ihre Last ist unbekannt (siehe Tabelle).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Per-node load of the real cluster (INFO commandstats) beside Partlab&apos;s prediction for %n node(s).</source>
        <translation>
            <numerusform>Last pro Knoten im echten Cluster (INFO commandstats) neben Partlabs Vorhersage für %n Knoten.</numerusform>
            <numerusform>Last pro Knoten im echten Cluster (INFO commandstats) neben Partlabs Vorhersage für %n Knoten.</numerusform>
        </translation>
    </message>
    <message>
        <source>master (by first slot; addresses in the table)</source>
        <translation>Master (nach erstem Slot; Adressen in der Tabelle)</translation>
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
        <source>A trace brings its own keys</source>
        <translation>Ein Trace bringt seine eigenen Schlüssel mit</translation>
    </message>
    <message>
        <source>Stop the run to change this</source>
        <translation>Stoppen Sie den Lauf, um dies zu ändern</translation>
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
        <source>(choose the key column)</source>
        <translation>(Schlüsselspalte wählen)</translation>
    </message>
    <message>
        <source>Choose the key column: no column name looks like a key (symbol, key, id, customer, user, …).</source>
        <translation>Schlüsselspalte wählen: Kein Spaltenname sieht nach einem Schlüssel aus (symbol, key, id, customer, user, …).</translation>
    </message>
    <message>
        <source>Record applied order</source>
        <translation>Reihenfolge aufzeichnen</translation>
    </message>
    <message>
        <source>Keeps the last messages of each partition for the FIFO order view; costs a little throughput</source>
        <translation>Behält die letzten Nachrichten jeder Partition für die Ansicht FIFO-Reihenfolge; kostet etwas Durchsatz</translation>
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
    <message>
        <source>partition %1: %2, %3 examined, %4 matched</source>
        <translation>Partition %1: %2, %3 geprüft, %4 Treffer</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more partition(s)</source>
        <translation>
            <numerusform>… und %n weitere Partition</numerusform>
            <numerusform>… und %n weitere Partitionen</numerusform>
        </translation>
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
        <source>timeout is in milliseconds: a whole number from 0 to 60000.</source>
        <translation>timeout ist in Millisekunden: eine ganze Zahl von 0 bis 60000.</translation>
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
    <name>partlab::HotKeysModel</name>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
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
        <source>Of partition</source>
        <translation>Der Partition</translation>
    </message>
    <message>
        <source>Of all</source>
        <translation>Aller</translation>
    </message>
    <message>
        <source>Key %1 gives %2 of partition %3&apos;s load (%4 of all messages)</source>
        <translation>Schlüssel %1 liefert %2 der Last von Partition %3 (%4 aller Nachrichten)</translation>
    </message>
</context>
<context>
    <name>partlab::HotKeysView</name>
    <message>
        <source>Start a run: the hottest keys of every partition appear here, refreshed twice a second.</source>
        <translation>Starten Sie einen Lauf: Hier erscheinen die heißesten Schlüssel jeder Partition, zweimal pro Sekunde aktualisiert.</translation>
    </message>
    <message>
        <source>No messages yet.</source>
        <translation>Noch keine Nachrichten.</translation>
    </message>
    <message>
        <source>Key %1 gives %2 of partition %3&apos;s load (%4 of all messages).</source>
        <translation>Schlüssel %1 liefert %2 der Last von Partition %3 (%4 aller Nachrichten).</translation>
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
    <message>
        <source>Latency percentiles since the start of the run, in µs (log scale), against the run&apos;s time in s</source>
        <translation>Latenz-Perzentile seit dem Start des Laufs in µs (logarithmisch) über der Laufzeit in s</translation>
    </message>
</context>
<context>
    <name>partlab::LessonsView</name>
    <message>
        <source>◀ &amp;Back</source>
        <translation>◀ &amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation>&amp;Weiter ▶</translation>
    </message>
    <message>
        <source>&amp;Load this step</source>
        <translation>Diesen Schritt &amp;laden</translation>
    </message>
    <message>
        <source>Step &amp;mode</source>
        <translation>Schritt&amp;modus</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Put this step&apos;s configuration (scenario, partitioner, partitions, workers, mode, computation, rate) into the configuration dock; press Start to watch it live</source>
        <translation>Die Konfiguration dieses Schritts (Szenario, Partitionierer, Partitionen, Worker, Modus, Berechnung, Rate) in das Konfigurationsfenster übernehmen; mit Starten live ansehen</translation>
    </message>
    <message>
        <source>Load this step, start it paused and follow single messages with F10 (Step)</source>
        <translation>Diesen Schritt laden, angehalten starten und einzelnen Nachrichten mit F10 (Schritt) folgen</translation>
    </message>
    <message>
        <source>Run this step on the engine in the background and show what it observed</source>
        <translation>Diesen Schritt im Hintergrund auf der Engine laufen lassen und zeigen, was er beobachtet hat</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lektionen</translation>
    </message>
    <message>
        <source>This step works on the partitioned space, not on the state runtime: use the space views for it.</source>
        <translation>Dieser Schritt arbeitet auf dem partitionierten Space, nicht auf der Zustands-Laufzeit: Nutzen Sie dafür die Space-Ansichten.</translation>
    </message>
    <message>
        <source>The step&apos;s scenario cannot be loaded: %1</source>
        <translation>Das Szenario des Schritts kann nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Schritt %1 von %2: %3</translation>
    </message>
    <message>
        <source>No lesson chosen</source>
        <translation>Keine Lektion gewählt</translation>
    </message>
    <message>
        <source>&lt;b&gt;Watch:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Beobachten:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Running on the engine…</source>
        <translation>Läuft auf der Engine…</translation>
    </message>
    <message>
        <source>The step could not run: %1</source>
        <translation>Der Schritt konnte nicht laufen: %1</translation>
    </message>
    <message>
        <source>Press %1 to let the engine run this step; its observations appear here.</source>
        <translation>„%1“ drücken, um diesen Schritt auf der Engine laufen zu lassen; seine Beobachtungen erscheinen hier.</translation>
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
        <source>Partlab charts</source>
        <translation>Partlab-Diagramme</translation>
    </message>
    <message>
        <source>messages/s over the last %1 s</source>
        <translation>Nachrichten/s in den letzten %1 s</translation>
    </message>
    <message>
        <source>messages since the last resize</source>
        <translation>Nachrichten seit der letzten Größenänderung</translation>
    </message>
    <message>
        <source>messages since the start</source>
        <translation>Nachrichten seit dem Start</translation>
    </message>
    <message>
        <source>Load per partition: %1</source>
        <translation>Last je Partition: %1</translation>
    </message>
    <message>
        <source>Skew of the load chart</source>
        <translation>Schiefe des Lastdiagramms</translation>
    </message>
    <message>
        <source>Busiest / mean of the load chart&apos;s values: %1</source>
        <translation>Größter Wert / Mittelwert des Lastdiagramms: %1</translation>
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
        <source>N %1→%2: %3 keys moved, paused %4 ms</source>
        <translation>N %1→%2: %3 Schlüssel verschoben, %4 ms angehalten</translation>
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
    <message>
        <source>Connect to Redis &amp;Cluster…</source>
        <translation>Mit Redis-&amp;Cluster verbinden…</translation>
    </message>
    <message>
        <source>Sample a real Redis Cluster&apos;s per-node load and show it beside this run&apos;s prediction</source>
        <translation>Die Last pro Knoten eines echten Redis Clusters messen und neben der Vorhersage dieses Laufs zeigen</translation>
    </message>
    <message>
        <source>Redis Cluster</source>
        <translation>Redis Cluster</translation>
    </message>
    <message>
        <source>Partitioner redis with %1 partitions: partition i is the cluster&apos;s master i. Start a run to compare.</source>
        <translation>Partitionierer redis mit %1 Partitionen: Partition i ist Master i des Clusters. Starten Sie einen Lauf zum Vergleich.</translation>
    </message>
    <message>
        <source>&amp;Workspace</source>
        <translation>&amp;Arbeitsbereich</translation>
    </message>
    <message>
        <source>&amp;Teach</source>
        <translation>&amp;Unterrichten</translation>
    </message>
    <message>
        <source>Live charts, the message path and the lessons, in large type</source>
        <translation>Live-Diagramme, Nachrichtenweg und Lektionen in großer Schrift</translation>
    </message>
    <message>
        <source>T&amp;une</source>
        <translation>&amp;Abstimmen</translation>
    </message>
    <message>
        <source>The advisor, hot keys, the A/B comparison and the rebalance preview</source>
        <translation>Berater, heiße Schlüssel, A/B-Vergleich und Vorschau der Umverteilung</translation>
    </message>
    <message>
        <source>&amp;Replay</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <source>The trace player, FIFO order and the state inspector</source>
        <translation>Trace-Player, FIFO-Reihenfolge und Zustandsinspektor</translation>
    </message>
    <message>
        <source>Re&amp;set Layout</source>
        <translation>Anordnung &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Every dock back in its place, zoom 100 %</source>
        <translation>Jedes Dock an seinen Platz, Zoom 100 %</translation>
    </message>
    <message>
        <source>&amp;Zoom</source>
        <translation>&amp;Zoom</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>Zoom %1</source>
        <translation>Zoom %1</translation>
    </message>
</context>
<context>
    <name>partlab::MessageFlowView</name>
    <message>
        <source>Step mode: pause the run and press F10 (Step) to send one message; it is shown as the engine routed it.</source>
        <translation>Schrittmodus: Lauf anhalten und F10 (Schritt) drücken, um eine Nachricht zu senden; sie wird so gezeigt, wie die Engine sie geroutet hat.</translation>
    </message>
    <message>
        <source>token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>ring position</source>
        <translation>Ringposition</translation>
    </message>
    <message>
        <source>64-bit key</source>
        <translation>64-Bit-Schlüssel</translation>
    </message>
    <message>
        <source>Step mode: pause the run (Space) and press F10 (Step).
Each step sends one message, and this view follows it from the key extractor through the partitioner into its partition.</source>
        <translation>Schrittmodus: Lauf anhalten (Leertaste) und F10 (Schritt) drücken.
Jeder Schritt sendet eine Nachricht, und diese Ansicht folgt ihr vom Schlüsselextraktor über den Partitionierer in ihre Partition.</translation>
    </message>
    <message>
        <source>Message #%1</source>
        <translation>Nachricht Nr. %1</translation>
    </message>
    <message>
        <source>key: %1</source>
        <translation>Schlüssel: %1</translation>
    </message>
    <message>
        <source>value %1, volume %2</source>
        <translation>Wert %1, Volumen %2</translation>
    </message>
    <message>
        <source>Key extractor</source>
        <translation>Schlüsselextraktor</translation>
    </message>
    <message>
        <source>partition key:</source>
        <translation>Partitionsschlüssel:</translation>
    </message>
    <message>
        <source>waiting…</source>
        <translation>wartet…</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>slot</source>
        <translation>Slot</translation>
    </message>
    <message>
        <source>key group</source>
        <translation>Schlüsselgruppe</translation>
    </message>
    <message>
        <source>→ partition %1 of %2</source>
        <translation>→ Partition %1 von %2</translation>
    </message>
    <message>
        <source>Partitioner: %1</source>
        <translation>Partitionierer: %1</translation>
    </message>
    <message>
        <source>State partitions %1–%2 of %3</source>
        <translation>Zustandspartitionen %1–%2 von %3</translation>
    </message>
    <message>
        <source>State partitions</source>
        <translation>Zustandspartitionen</translation>
    </message>
    <message>
        <source>“%1” is applied on partition %2: every message with this key goes there, in order.</source>
        <translation>„%1“ wird auf Partition %2 angewendet: Jede Nachricht mit diesem Schlüssel landet dort, in Reihenfolge.</translation>
    </message>
    <message>
        <source>murmur3 of the serialized key</source>
        <translation>murmur3 des serialisierten Schlüssels</translation>
    </message>
    <message>
        <source>murmur3 of the UTF-16 routing</source>
        <translation>murmur3 des UTF-16-Routings</translation>
    </message>
    <message>
        <source>routing shard</source>
        <translation>Routing-Shard</translation>
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
    <name>partlab::RebalancePreview</name>
    <message>
        <source>Preview every partition change while a run is active</source>
        <translation>Jede Änderung der Partitionsanzahl während eines Laufs vorher anzeigen</translation>
    </message>
    <message>
        <source>Rebalance preview</source>
        <translation>Vorschau der Umverteilung</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>The workers did not hand over a copy of the state in time.</source>
        <translation>Die Worker haben nicht rechtzeitig eine Kopie des Zustands übergeben.</translation>
    </message>
    <message>
        <source>%1 cannot have %2 partitions%3</source>
        <translation>%1 kann keine %2 Partitionen haben%3</translation>
    </message>
    <message>
        <source>Repartition the running simulation from %1 to %2 partitions?</source>
        <translation>Die laufende Simulation von %1 auf %2 Partitionen umpartitionieren?</translation>
    </message>
    <message>
        <source>Counting how many keys of the current state each partitioner would move…</source>
        <translation>Zähle, wie viele Schlüssel des aktuellen Zustands jeder Partitionierer verschieben würde…</translation>
    </message>
    <message>
        <source>No run to preview.</source>
        <translation>Kein Lauf für eine Vorschau.</translation>
    </message>
    <message>
        <source>Partitioner</source>
        <translation>Partitionierer</translation>
    </message>
    <message>
        <source>Keys moved</source>
        <translation>Verschobene Schlüssel</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Slots / key groups moved</source>
        <translation>Verschobene Slots / Schlüsselgruppen</translation>
    </message>
    <message>
        <source>%1 (this run)</source>
        <translation>%1 (dieser Lauf)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>The state holds %1 keys. Each moved key&apos;s state is copied to its new owner while intake is paused; a perfectly even partitioner is expected to move %2 of them (the share the added or removed partitions hold).</source>
        <translation>Der Zustand umfasst %1 Schlüssel. Der Zustand jedes verschobenen Schlüssels wird bei angehaltener Annahme zu seinem neuen Besitzer kopiert; ein vollkommen gleichmäßiger Partitionierer verschiebt erwartungsgemäß %2 davon (den Anteil der hinzugefügten oder entfernten Partitionen).</translation>
    </message>
</context>
<context>
    <name>partlab::RedisClusterPanel</name>
    <message>
        <source>&amp;Match this cluster</source>
        <translation>An diesen Cluster &amp;anpassen</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>Run the simulation with the redis partitioner and one partition per master, so each partition&apos;s load predicts one node&apos;s</source>
        <translation>Die Simulation mit dem Partitionierer redis und einer Partition pro Master ausführen, sodass die Last jeder Partition die eines Knotens vorhersagt</translation>
    </message>
    <message>
        <source>Not connected. File ▸ Connect to Redis Cluster… samples a real cluster&apos;s per-node load (INFO commandstats) and shows it beside Partlab&apos;s prediction.</source>
        <translation>Nicht verbunden. Datei ▸ Mit Redis-Cluster verbinden… misst die Last pro Knoten eines echten Clusters (INFO commandstats) und zeigt sie neben der Vorhersage von Partlab.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Connected to %1: %n master(s).</source>
        <translation>
            <numerusform>Verbunden mit %1: %n Master.</numerusform>
            <numerusform>Verbunden mit %1: %n Master.</numerusform>
        </translation>
    </message>
    <message>
        <source>Predicted: this run&apos;s messages per partition (redis, N = %1).</source>
        <translation>Vorhersage: die Nachrichten dieses Laufs pro Partition (redis, N = %1).</translation>
    </message>
    <message>
        <source>Start a run to see Partlab&apos;s prediction.</source>
        <translation>Starten Sie einen Lauf, um die Vorhersage von Partlab zu sehen.</translation>
    </message>
    <message>
        <source>This run uses %1 with %2 partitions, which does not model this cluster: use redis with %3 partitions to compare.</source>
        <translation>Dieser Lauf verwendet %1 mit %2 Partitionen, was diesen Cluster nicht abbildet: verwenden Sie redis mit %3 Partitionen zum Vergleich.</translation>
    </message>
</context>
<context>
    <name>partlab::RedisConnectDialog</name>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Connect to Redis Cluster</source>
        <translation>Mit Redis Cluster verbinden</translation>
    </message>
    <message>
        <source>HOST:PORT of any node</source>
        <translation>HOST:PORT eines beliebigen Knotens</translation>
    </message>
    <message>
        <source>Any node of the cluster: Partlab reads the slot map from it and then talks to every master.</source>
        <translation>Ein beliebiger Knoten des Clusters: Partlab liest dort die Slot-Verteilung und spricht dann mit jedem Master.</translation>
    </message>
    <message>
        <source>Start a local cluster with %1, or enter a node of your own cluster.</source>
        <translation>Starten Sie einen lokalen Cluster mit %1 oder geben Sie einen Knoten Ihres eigenen Clusters an.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>&amp;Node:</source>
        <translation>&amp;Knoten:</translation>
    </message>
    <message>
        <source>Not an address: type HOST:PORT, e.g. 127.0.0.1:7000.</source>
        <translation>Keine Adresse: Geben Sie HOST:PORT ein, z. B. 127.0.0.1:7000.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message numerus="yes">
        <source>Connected: Redis %1, %n master(s) serve all 16384 slots.</source>
        <translation>
            <numerusform>Verbunden: Redis %1, %n Master bedient alle 16384 Slots.</numerusform>
            <numerusform>Verbunden: Redis %1, %n Master bedienen alle 16384 Slots.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected to Redis %1, but %2 slots are not served: the cluster is not ok.</source>
        <translation>Mit Redis %1 verbunden, aber %2 Slots werden nicht bedient: der Cluster ist nicht in Ordnung.</translation>
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
    <message>
        <source>A run is active: stop it first.</source>
        <translation>Ein Lauf ist aktiv: Stoppen Sie ihn zuerst.</translation>
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
        <source>busiest: partition %1 (%2)</source>
        <translation>am stärksten belastet: Partition %1 (%2)</translation>
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
        <source>The routing property of Order entries; customerId puts a customer&apos;s orders on its partition. Changing it restarts a running workload</source>
        <translation>Die Routing-Eigenschaft der Order-Einträge; customerId legt die Bestellungen eines Kunden auf seine Partition. Eine Änderung startet eine laufende Last neu</translation>
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
        <source>Customer routing:</source>
        <translation>Customer-Routing:</translation>
    </message>
    <message>
        <source>&amp;Order routing:</source>
        <translation>&amp;Order-Routing:</translation>
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
        <source>customerId (explicit)</source>
        <translation>customerId (explizit)</translation>
    </message>
    <message>
        <source>The mix is not valid: %1</source>
        <translation>Der Mix ist ungültig: %1</translation>
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
        <source>previous: %1</source>
        <translation>vorher: %1</translation>
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
        <source>% broadcast</source>
        <translation>% Broadcast</translation>
    </message>
    <message>
        <source>No operations yet.</source>
        <translation>Noch keine Operationen.</translation>
    </message>
    <message>
        <source>Previous run (paler bars, grey line): %1</source>
        <translation>Vorheriger Lauf (blassere Balken, graue Linie): %1</translation>
    </message>
    <message>
        <source>%1 operations in %2 s · %3 ops/s · %4 broadcast · %5 entries (written %6, removed %7) · %8 blocking timeouts</source>
        <translation>%1 Operationen in %2 s · %3 Ops/s · %4 Broadcast · %5 Einträge (%6 geschrieben, %7 entfernt) · %8 blockierende Timeouts</translation>
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
        <source>Routing changed: the workload restarted on a new space. The previous run stays in the charts, paler, for comparison.</source>
        <translation>Routing geändert: die Last startete neu auf einem neuen Space. Der vorherige Lauf bleibt blasser zum Vergleich in den Diagrammen.</translation>
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
    <name>partlab::TeachingViews</name>
    <message>
        <source>Advisor</source>
        <translation>Berater</translation>
    </message>
    <message>
        <source>A/B</source>
        <translation>A/B</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lektionen</translation>
    </message>
    <message>
        <source>Hot keys</source>
        <translation>Heiße Schlüssel</translation>
    </message>
    <message>
        <source>Trace player</source>
        <translation>Trace-Player</translation>
    </message>
    <message>
        <source>Message path</source>
        <translation>Nachrichtenweg</translation>
    </message>
    <message>
        <source>&amp;Advisor</source>
        <translation>&amp;Berater</translation>
    </message>
    <message>
        <source>A/&amp;B comparison</source>
        <translation>A/&amp;B-Vergleich</translation>
    </message>
    <message>
        <source>Show or hide the %1 tab</source>
        <translation>Den Tab %1 zeigen oder verbergen</translation>
    </message>
    <message>
        <source>The lesson step&apos;s configuration is loaded: press Start (F5) to run it.</source>
        <translation>Die Konfiguration des Lektionsschritts ist geladen: Starten (F5) drücken, um ihn laufen zu lassen.</translation>
    </message>
    <message>
        <source>Step mode: press F10 to send one message, Space to let them flow.</source>
        <translation>Schrittmodus: F10 sendet eine Nachricht, die Leertaste lässt sie fließen.</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <source>&amp;Capacity</source>
        <translation>&amp;Kapazität</translation>
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
<context>
    <name>partlab::TracePlayer</name>
    <message>
        <source>&amp;Open Trace…</source>
        <translation>Trace ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>No trace open.</source>
        <translation>Kein Trace geöffnet.</translation>
    </message>
    <message>
        <source>Open a trace (csv, jsonl, kv or words, optionally .gz) and index it for seeking</source>
        <translation>Einen Trace öffnen (csv, jsonl, kv oder words, auch .gz) und für das Springen indizieren</translation>
    </message>
    <message>
        <source>Indexing… %p%</source>
        <translation>Indiziere… %p%</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Play the trace through the configured runtime</source>
        <translation>Den Trace durch die konfigurierte Laufzeit abspielen</translation>
    </message>
    <message>
        <source>Pause; everything sent so far is applied first</source>
        <translation>Anhalten; alles bisher Gesendete wird zuerst angewendet</translation>
    </message>
    <message>
        <source>Send one message (step mode)</source>
        <translation>Eine Nachricht senden (Schrittmodus)</translation>
    </message>
    <message>
        <source>Playback speed: the recorded gaps between messages divided by this factor (far right: as fast as possible)</source>
        <translation>Abspielgeschwindigkeit: die aufgezeichneten Abstände zwischen Nachrichten geteilt durch diesen Faktor (ganz rechts: so schnell wie möglich)</translation>
    </message>
    <message>
        <source>Position in the trace: drag to jump (a new run starts there)</source>
        <translation>Position im Trace: ziehen zum Springen (dort beginnt ein neuer Lauf)</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>%1 (%2): indexing…</source>
        <translation>%1 (%2): wird indiziert…</translation>
    </message>
    <message>
        <source>%1: indexing cancelled.</source>
        <translation>%1: Indizierung abgebrochen.</translation>
    </message>
    <message>
        <source>Cannot play: %1</source>
        <translation>Abspielen nicht möglich: %1</translation>
    </message>
    <message>
        <source>%1 (%2): %3 messages</source>
        <translation>%1 (%2): %3 Nachrichten</translation>
    </message>
    <message>
        <source>, %1 s recorded</source>
        <translation>, %1 s aufgezeichnet</translation>
    </message>
    <message>
        <source>, no timestamps (1x = %1 msg/s)</source>
        <translation>, keine Zeitstempel (1x = %1 Nachr./s)</translation>
    </message>
    <message>
        <source>max</source>
        <translation>max.</translation>
    </message>
    <message>
        <source>%1x</source>
        <translation>%1x</translation>
    </message>
    <message>
        <source>%1: no column name looks like a key (symbol, key, id, customer, user, …): open it in the configuration dock and choose the key column</source>
        <translation>%1: Kein Spaltenname sieht nach einem Schlüssel aus (symbol, key, id, customer, user, …): Öffnen Sie die Datei im Konfigurationsfenster und wählen Sie die Schlüsselspalte</translation>
    </message>
    <message>
        <source>%1 of %2 sent</source>
        <translation>%1 von %2 gesendet</translation>
    </message>
</context>
</TS>
