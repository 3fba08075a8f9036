import { randomFillSync } from 'node:crypto';

/** Random bytes for this many ids are drawn at once, as `crypto.randomUUID` does. */
const IDS_PER_FILL = 128;
const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');
/** Where each of the 16 bytes' two hex digits go in `xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`. */
const DIGIT_OFFSETS = [
  0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34,
];
const DASH = 0x2d;

const entropy = Buffer.alloc(16 * IDS_PER_FILL);
let nextByte = entropy.length;
const text = Buffer.alloc(36, DASH);

/**
 * @internal A random UUID v4, as `crypto.randomUUID()` makes one (from the
 * same CSPRNG, drawn in batches), written as one flat string. Node's builds
 * the text from 20 pieces: V8 keeps them as a rope of about 600 bytes,
 * flattened again the first time the id is read (a header, a log line, the
 * envelope). This one allocates the 36 characters only.
 */
export function randomRequestId(): string {
  if (nextByte === entropy.length) {
    randomFillSync(entropy);
    nextByte = 0;
  }
  // The version (4) and the RFC 9562 variant (10xx) take their bits first.
  entropy[nextByte + 6] = (entropy[nextByte + 6] & 0x0f) | 0x40;
  entropy[nextByte + 8] = (entropy[nextByte + 8] & 0x3f) | 0x80;
  for (let i = 0; i < 16; i++) {
    const byte = entropy[nextByte + i];
    const at = DIGIT_OFFSETS[i];
    text[at] = HEX_DIGITS[byte >> 4];
    text[at + 1] = HEX_DIGITS[byte & 0x0f];
  }
  nextByte += 16;
  return text.toString('latin1', 0, 36);
}
