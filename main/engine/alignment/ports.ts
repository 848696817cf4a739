/** What master-data alignment needs from each API (richer than the document ports: full records, writes, ETags). */
import type { StBusinessUnitInfo, StTaxZoneInfo, VBranch, VSegment } from '../master-data/types';
import type { PartyFields } from './fields';
import type { AlignVatCode } from './tax-drift';

/** A ServiceTitan vendor with its mapped fields and the Visma supplier number stored in its external data. */
export interface AlignVendor {
  id: string;
  fields: PartyFields;
  modifiedOn: string;
  /** The supplier number under the connector's application GUID, when present. */
  linkedSupplier?: string | undefined;
}

/** A Visma supplier or customer with its mapped fields. */
export interface AlignVismaParty {
  number: string;
  fields: PartyFields;
  modifiedOn?: string | undefined;
  vatZoneId?: string | undefined;
}

/** A ServiceTitan customer as alignment reads it. */
export interface AlignStCustomer {
  id: string;
  fields: PartyFields;
  type: string;
  /** Tag type ids on the customer. */
  tagTypeIds: string[];
  modifiedOn: string;
}

/** A ServiceTitan tag type. */
export interface AlignTagType {
  id: string;
  name: string;
  active: boolean;
}

/** What creating a Visma customer takes. */
export interface NewVismaCustomer {
  fields: PartyFields;
  vatZoneId?: string | undefined;
  customerClassId?: string | undefined;
}

/** ServiceTitan reads and writes of alignment. */
export interface AlignStPort {
  /** Every vendor, active or not, with the connector's external data. */
  vendors(): Promise<AlignVendor[]>;
  /** Creates a vendor carrying the supplier number in its external data; returns the new id. */
  createVendor(fields: PartyFields, supplierNumber: string): Promise<string>;
  /** Writes changed fields to a vendor (the full address when any part of it changed). */
  updateVendor(id: string, changes: Partial<PartyFields>, current: PartyFields): Promise<void>;
  /** Stores the supplier number in the vendor's external data (patch mode Merge: other applications' keys stay). */
  linkVendor(id: string, supplierNumber: string): Promise<void>;
  /** Customers, all or those modified on or after `since`. */
  customers(since?: string): Promise<AlignStCustomer[]>;
  /** Customers by id (active or not). */
  customersByIds(ids: string[]): Promise<AlignStCustomer[]>;
  /** Primary e-mail per customer id (bulk: 50 customers per call; see `primaryEmails`). */
  customerEmails(customerIds: string[]): Promise<Map<string, string>>;
  /** Ids of customers whose contacts changed on or after `since` (a contact change does not touch the customer). */
  customersWithChangedContacts(since: string): Promise<string[]>;
  /** Tag types, active or not. */
  tagTypes(): Promise<AlignTagType[]>;
  /** The tax zone of the customer's first active location. */
  customerTaxZone(customerId: string): Promise<string | undefined>;
  taxZones(): Promise<StTaxZoneInfo[]>;
  businessUnits(): Promise<StBusinessUnitInfo[]>;
}

/** Visma reads and writes of alignment. */
export interface AlignVismaPort {
  suppliers(): Promise<AlignVismaParty[]>;
  /** Creates a supplier; returns its number. */
  createSupplier(fields: PartyFields, vatZoneId?: string): Promise<string>;
  /**
   * Updates a supplier with `If-Match`: `change` gets the fresh supplier and returns the fields to write (null:
   * nothing); on 412 the supplier is re-read and `change` applied again. Returns false when nothing was written.
   */
  updateSupplier(
    number: string,
    change: (current: AlignVismaParty) => Partial<PartyFields> | null,
  ): Promise<boolean>;
  customers(): Promise<AlignVismaParty[]>;
  createCustomer(customer: NewVismaCustomer): Promise<string>;
  updateCustomer(number: string, changes: Partial<PartyFields>): Promise<void>;
  vatCodes(): Promise<AlignVatCode[]>;
  vatZones(): Promise<{ id: string; description: string }[]>;
  segments(): Promise<VSegment[]>;
  branches(): Promise<VBranch[]>;
}

/** Both sides. */
export interface AlignmentPorts {
  st: AlignStPort;
  visma: AlignVismaPort;
}
