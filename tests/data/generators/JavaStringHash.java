// Prints "hex<TAB>hashCode" for every hex-encoded byte string read from stdin, as a JVM computes
// new String(bytes, UTF_8).hashCode(). Used once to produce tests/data/java_string_hash.tsv:
//   python3 gen_random_bytes.py | java JavaStringHash.java > ../java_string_hash.tsv
import java.io.*;
import java.nio.charset.StandardCharsets;

public class JavaStringHash {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String line;
        while ((line = in.readLine()) != null) {
            byte[] bytes = new byte[line.length() / 2];
            for (int i = 0; i < bytes.length; i++)
                bytes[i] = (byte) Integer.parseInt(line.substring(2 * i, 2 * i + 2), 16);
            System.out.println(line + "\t" + new String(bytes, StandardCharsets.UTF_8).hashCode());
        }
    }
}
