/**
 * binary-parser 2.x ships its types for the CommonJS entry only: its `exports` map sends `import`
 * to a `.mjs` file with no `.d.mts` beside it, so under NodeNext TypeScript sees no types (TS7016).
 * This declares the small part of its API the capture readers use.
 */
declare module 'binary-parser' {
  export class Parser {
    constructor();
    endianness(endianness: 'little' | 'big'): this;
    uint16(varName: string): this;
    uint32(varName: string): this;
    int32(varName: string): this;
    parse(buffer: Uint8Array): unknown;
  }
}
