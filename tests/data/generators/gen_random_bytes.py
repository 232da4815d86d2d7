# Random byte strings biased towards UTF-8 edge cases (lead bytes, continuation bytes, encoded
# surrogates, truncated sequences), hex-encoded one per line. Deterministic (seeded).
import random
random.seed(20261125)
special = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed,
           0xee, 0xef, 0xf0, 0xf4, 0xf5, 0xff]
for n in range(400):
    length = random.randint(0, 12)
    out = bytearray()
    for _ in range(length):
        out.append(random.choice(special) if random.random() < 0.7 else random.randint(0, 255))
    print(out.hex())
