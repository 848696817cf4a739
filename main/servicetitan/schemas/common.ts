import { z } from 'zod';

/** A plain decimal string such as `"1234.50"` or `"-12.5"` (for callers that need one; documents are not held to it). */
export const DecimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'is not a decimal amount');

/**
 * A money or quantity value on an invoice or bill, exactly as ServiceTitan sends it. The spec types these as any
 * string, so `"1e3"`, `""` or `" 12.50 "` are valid answers: the client passes them on and the engine decides.
 */
export const AmountText = z.string();

/** An optional amount (ServiceTitan sends `null` when a document has none). */
export const Amount = AmountText.nullish();

/** A timestamp in ISO 8601 form. */
export const Timestamp = z.string().min(1);

/** A record id. */
export const Id = z.number().int();

/** `{ id, name }` reference to another record. */
export const NamedRef = z.looseObject({ id: Id, name: z.string().nullish() });
export type NamedRef = z.infer<typeof NamedRef>;

/** A postal address on invoices and bills. */
export const Address = z.looseObject({
  street: z.string().nullish(),
  unit: z.string().nullish(),
  city: z.string().nullish(),
  state: z.string().nullish(),
  zip: z.string().nullish(),
  country: z.string().nullish(),
});
export type Address = z.infer<typeof Address>;

/** A GL account reference on a line. */
export const GlAccountRef = z.looseObject({
  id: Id,
  name: z.string().nullish(),
  number: z.string().nullish(),
  type: z.string().nullish(),
  detailType: z.string().nullish(),
});
export type GlAccountRef = z.infer<typeof GlAccountRef>;

/** `{ key, value }` external data pair. */
export const ExternalDataPair = z.looseObject({ key: z.string(), value: z.string() });

/** The envelope of a `page`/`pageSize`/`hasMore` list, records left unread (each is read on its own). */
export const PaginatedEnvelope = z.looseObject({
  page: z.number().int(),
  pageSize: z.number().int(),
  hasMore: z.boolean(),
  totalCount: z.number().int().nullish(),
  data: z.array(z.unknown()),
});

/** The envelope of an export feed, records left unread. */
export const ExportEnvelope = z.looseObject({
  hasMore: z.boolean(),
  continueFrom: z.string(),
  data: z.array(z.unknown()),
});

/** The envelope of a `page`/`pageSize`/`hasMore` list. */
export function paginated<T extends z.ZodType>(item: T) {
  return z.looseObject({
    page: z.number().int(),
    pageSize: z.number().int(),
    hasMore: z.boolean(),
    totalCount: z.number().int().nullish(),
    data: z.array(item),
  });
}

/** The envelope of an export feed (`from` / `continueFrom`). */
export function exported<T extends z.ZodType>(item: T) {
  return z.looseObject({ hasMore: z.boolean(), continueFrom: z.string(), data: z.array(item) });
}

/** `{ id }` answer of a create or update. */
export const ModificationResponse = z.looseObject({ id: Id });
