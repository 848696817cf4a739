/** Master data of both sides as the engine caches it (small, API-independent shapes). */

/** A Visma GL account. */
export interface VAccount {
  accountCD: string;
  description: string;
  type: string;
  active: boolean;
  taxCategory?: string;
  /** `AR` or `AP` on a control account (receivables, payables): only that module posts to it. */
  controlAccountModule?: string;
}

/** A Visma VAT code. `rate` is a percent string ("25"). */
export interface VVatCode {
  vatId: string;
  description: string;
  rate: string;
  /** `Output` (sales) or `Input` (purchases) when Visma says so. */
  direction?: 'Output' | 'Input';
  exempt: boolean;
  /** VAT zones the code is allowed in (empty: unknown, no check). */
  zones: string[];
  /** Last day the code may be used (`yyyy-MM-dd`); absent means no end. */
  notValidAfter?: string;
  /** The accounts its VAT posts to: payable (sales documents) and claimable (purchase documents). */
  payableAccount?: string;
  claimableAccount?: string;
}

/** A Visma VAT category: the VAT codes an account of that category allows. */
export interface VVatCategory {
  id: string;
  active: boolean;
  vatIds: string[];
}

/** A Visma VAT zone. */
export interface VVatZone {
  id: string;
  description: string;
}

/** A segment of the subaccount dimension with its values. */
export interface VSegment {
  segmentId: number;
  description: string;
  values: { valueId: string; description: string; active: boolean }[];
}

/** A Visma branch. */
export interface VBranch {
  number: string;
  name: string;
}

/** A Visma financial period and whether each ledger closed it. */
export interface VPeriod {
  period: string;
  closedInCustomerLedger: boolean;
  closedInSupplierLedger: boolean;
  /** First and last day (`yyyy-MM-dd`) as Visma defines them: financial years need not start in January. */
  startDate?: string;
  endDate?: string;
  /** A year-end adjustment period (no days of its own): never chosen for a document by its date. */
  adjustment?: boolean;
}

/** A Visma customer or supplier. */
export interface VParty {
  number: string;
  name: string;
  active: boolean;
  vatZoneId?: string;
}

/** A Visma project. */
export interface VProject {
  projectID: string;
  description: string;
  active: boolean;
}

/** A ServiceTitan tax zone; rates are percent strings (labour and material differ in zones with separate rates). */
export interface StTaxZoneInfo {
  id: string;
  name: string;
  laborRate: string;
  materialRate: string;
  active: boolean;
}

/** A ServiceTitan business unit. */
export interface StBusinessUnitInfo {
  id: string;
  name: string;
  active: boolean;
}

/** A ServiceTitan customer (what creating a Visma customer needs). */
export interface StCustomerInfo {
  id: string;
  name: string;
  type?: string;
  /** Tag type ids (for `customerTagSegment`). */
  tagTypeIds?: string[];
  active: boolean;
  street?: string;
  city?: string;
  zip?: string;
  country?: string;
}

/** A ServiceTitan vendor. */
export interface StVendorInfo {
  id: string;
  name: string;
  active: boolean;
  street?: string;
  city?: string;
  zip?: string;
  country?: string;
  email?: string;
  phone?: string;
}

/** Everything resolution and validation read, keyed for lookup. */
export interface MasterData {
  accounts: Map<string, VAccount>;
  vatCodes: Map<string, VVatCode>;
  vatCategories: Map<string, VVatCategory>;
  vatZones: Map<string, VVatZone>;
  segments: VSegment[];
  branches: Map<string, VBranch>;
  periods: Map<string, VPeriod>;
  customers: Map<string, VParty>;
  suppliers: Map<string, VParty>;
  projects: Map<string, VProject>;
  stTaxZones: Map<string, StTaxZoneInfo>;
  stBusinessUnits: Map<string, StBusinessUnitInfo>;
  stCustomers: Map<string, StCustomerInfo>;
}

/** An empty master-data set (tests and first runs). */
export function emptyMasterData(): MasterData {
  return {
    accounts: new Map(),
    vatCodes: new Map(),
    vatCategories: new Map(),
    vatZones: new Map(),
    segments: [],
    branches: new Map(),
    periods: new Map(),
    customers: new Map(),
    suppliers: new Map(),
    projects: new Map(),
    stTaxZones: new Map(),
    stBusinessUnits: new Map(),
    stCustomers: new Map(),
  };
}
