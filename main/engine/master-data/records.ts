/** Full party records as master-data alignment reads and writes them (mapped fields, change times, links). */
import type { PartyFields } from '../alignment/fields';

/** A ServiceTitan vendor with its mapped fields and the Visma supplier number stored in its external data. */
export interface StVendorRecord {
  id: string;
  fields: PartyFields;
  modifiedOn: string;
  /** The supplier number under the connector's application GUID, when present. */
  linkedSupplier?: string | undefined;
}

/** A ServiceTitan customer with its mapped fields, type and tags. */
export interface StCustomerRecord {
  id: string;
  fields: PartyFields;
  type: string;
  /** Tag type ids on the customer. */
  tagTypeIds: string[];
  modifiedOn: string;
}

/** A ServiceTitan tag type. */
export interface StTagType {
  id: string;
  name: string;
  active: boolean;
}

/** A Visma supplier or customer with its mapped fields. */
export interface VismaPartyRecord {
  number: string;
  fields: PartyFields;
  modifiedOn?: string | undefined;
  vatZoneId?: string | undefined;
}

/** What creating a Visma customer from alignment takes. */
export interface NewVismaCustomer {
  fields: PartyFields;
  vatZoneId?: string | undefined;
  customerClassId?: string | undefined;
}
