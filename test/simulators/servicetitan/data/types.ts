/** A stored record, already in the official response shape. */
export type Rec = Record<string, unknown> & { id: number };

/** An invoice line as stored (the `InvoiceItemResponse` shape). */
export type ItemRec = Rec & {
  total: string | null;
  taxable: boolean;
  type: string;
  modifiedOn: string;
  createdOn: string;
};

/** An invoice as stored (the `InvoiceResponse` shape; `modifiedOn` may be null, as the spec allows). */
export type InvoiceRec = Rec & {
  modifiedOn: string | null;
  createdOn: string;
  syncStatus: string | null;
  active: boolean;
  items: ItemRec[] | null;
};

/** An AP bill as stored (the `ApBillResponse` shape); inventory bills are a view of procurement bills. */
export type BillRec = Rec & {
  modifiedOn: string | null;
  createdOn: string | null;
  syncStatus: string | null;
  billType: string | null;
};

/** A vendor as stored: the `VendorResponse` shape plus external data per application guid. */
export type VendorRec = Rec & { modifiedOn: string; external: Record<string, Record<string, string>> };

/** One tenant's company. */
export interface TenantData {
  tenantId: string;
  name: string;
  businessUnits: Rec[];
  taxZones: Rec[];
  glAccounts: Rec[];
  customers: Rec[];
  locations: Rec[];
  vendors: VendorRec[];
  /** `TenantSettings.V2.TagTypeResponse` records. */
  tagTypes: Rec[];
  /** `Crm.V2.Customers.CustomerContactWithModifiedOnAndCustomerIdResponse` records. */
  customerContacts: Rec[];
  jobs: Rec[];
  invoices: InvoiceRec[];
  apBills: BillRec[];
}

/** Renders integer cents as a decimal string (`-1234.5` cents → `"-12.35"` style, always two decimals). */
export function cents(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(Math.round(value));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** ISO timestamp of epoch milliseconds. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
