/** The schema DSL: everything a CSTA type module needs to declare ASN.1 types. */
export type {
  AnyCodec,
  Codec,
  Infer,
  RawElement,
  UnknownComponent,
  SequenceCodec,
  ChoiceCodec,
  SequenceOfCodec,
  ExplicitCodec,
  EnumeratedCodec,
  BitStringCodec,
  OpenTypeCodec,
  PrimitiveCodec,
  FieldSpec,
  AlternativeSpec,
} from './codec.js';
export { optional } from './codec.js';
export {
  INTEGER,
  BOOLEAN,
  NULL,
  OCTET_STRING,
  IA5String,
  PrintableString,
  VisibleString,
  NumericString,
  GraphicString,
  GeneralizedTime,
  UTCTime,
  UTF8String,
  OBJECT_IDENTIFIER,
  BIT_STRING,
  ANY,
  characterString,
  enumerated,
  namedInteger,
  bitString,
  openType,
} from './primitives.js';
export { sequence, sequenceOf, choice, implicit, explicit, applicationImplicit, applicationExplicit } from './constructed.js';
export type { UnknownAlternative } from './constructed.js';
