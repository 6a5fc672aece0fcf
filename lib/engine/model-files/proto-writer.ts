/**
 * Writing protobuf messages, as much as rewriting an ONNX file needs: fields are appended as parts (slices of the
 * original bytes, mostly) and joined once at the end, so a 100 MB initializer three messages deep is copied once.
 */

export class ProtoWriter {
  private parts: Uint8Array[] = [];
  length = 0;

  private push(part: Uint8Array) {
    this.parts.push(part);
    this.length += part.length;
  }

  private varint(value: number) {
    // Arithmetic, not bit operations: lengths pass 2^31. (Nothing written here is negative.)
    const out: number[] = [];
    let v = value;
    while (v >= 0x80) {
      out.push((v % 128) | 0x80);
      v = Math.floor(v / 128);
    }
    out.push(v);
    this.push(Uint8Array.from(out));
  }

  /** A field copied as it was: its key and payload, from the original bytes. */
  raw(bytes: Uint8Array) {
    this.push(bytes);
    return this;
  }

  int(field: number, value: number) {
    this.varint(field * 8);
    this.varint(value);
    return this;
  }

  bytes(field: number, payload: Uint8Array) {
    this.varint(field * 8 + 2);
    this.varint(payload.length);
    this.push(payload);
    return this;
  }

  string(field: number, value: string) {
    return this.bytes(field, new TextEncoder().encode(value));
  }

  /** A nested message, whose parts are taken over without joining them first. */
  message(field: number, inner: ProtoWriter) {
    this.varint(field * 8 + 2);
    this.varint(inner.length);
    for (const part of inner.parts) this.push(part);
    return this;
  }

  finish(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}

export interface RawField {
  n: number;
  /** The whole field, key included. */
  start: number;
  end: number;
  /** A length-delimited field's payload. */
  body: [number, number] | null;
}

/** The fields of the message in bytes[start, end), in order, with where each lies. */
export function splitFields(bytes: Uint8Array, start: number, end: number): RawField[] {
  const fields: RawField[] = [];
  let pos = start;
  const varint = () => {
    let result = 0;
    let shift = 1;
    for (;;) {
      const b = bytes[pos++]!;
      result += (b & 0x7f) * shift;
      if (b < 0x80) return result;
      shift *= 128;
    }
  };
  while (pos < end) {
    const at = pos;
    const key = varint();
    const wire = key % 8;
    let body: [number, number] | null = null;
    if (wire === 0) varint();
    else if (wire === 2) {
      const length = varint();
      body = [pos, pos + length];
      pos += length;
    } else if (wire === 5) pos += 4;
    else if (wire === 1) pos += 8;
    else throw new Error(`not an ONNX file (wire type ${wire} at byte ${at})`);
    fields.push({ n: Math.floor(key / 8), start: at, end: pos, body });
  }
  return fields;
}
