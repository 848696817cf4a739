import type { Rec, VendorRec } from './data/types';
import { project } from './spec';
import type { StSpecs } from './spec';

/** Application guid used for external data that came without one (fixtures). */
export const DEFAULT_APPLICATION_GUID = '00000000-0000-0000-0000-000000000000';

type ExternalPatch = {
  patchMode?: string | null;
  applicationGuid: string;
  externalData: { key: string; value: string | null }[];
};

/** The `VendorResponse` for a stored vendor: external data only of the asking application (none without a guid). */
export function vendorView(specs: StSpecs, vendor: VendorRec, applicationGuid?: string): Rec {
  const view = project(vendor, specs.properties('inventory-v2', 'Inventory.V2.VendorResponse'));
  const pairs = applicationGuid ? (vendor.external[applicationGuid.toLowerCase()] ?? {}) : {};
  view.externalData = Object.entries(pairs).map(([key, value]) => ({ key, value }));
  return view as Rec;
}

function contact(body: Record<string, unknown>, current?: Record<string, unknown>): Record<string, string> {
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const pick = (k: string) => text(body[k]) ?? text(current?.[k]) ?? '';
  return {
    firstName: pick('firstName'),
    lastName: pick('lastName'),
    phone: pick('phone'),
    email: pick('email'),
    fax: pick('fax'),
  };
}

function applyExternal(
  external: VendorRec['external'],
  patch: ExternalPatch | undefined | null,
): VendorRec['external'] {
  if (!patch) return external;
  const guid = patch.applicationGuid.toLowerCase();
  const merge = patch.patchMode === 'Merge';
  const next: Record<string, string> = merge ? { ...(external[guid] ?? {}) } : {};
  for (const { key, value } of patch.externalData) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return { ...external, [guid]: next };
}

/** A stored vendor from a `CreateVendorRequest`. */
export function vendorFromCreate(id: number, body: Record<string, unknown>, now: string): VendorRec {
  const external = applyExternal({}, body.externalData as ExternalPatch | null | undefined);
  return {
    id,
    name: String(body.name),
    active: Boolean(body.active),
    isTruckReplenishment: Boolean(body.isTruckReplenishment),
    isMobileCreationRestricted: Boolean(body.restrictedMobileCreation),
    memo: typeof body.memo === 'string' ? body.memo : '',
    deliveryOption: typeof body.deliveryOption === 'string' ? body.deliveryOption : 'Manual',
    defaultTaxRate: Number(body.taxRate),
    contactInfo: contact(body),
    address: { ...(body.address as Record<string, unknown>) },
    createdOn: now,
    modifiedOn: now,
    customFields: [],
    external,
  };
}

/** Applies an `UpdateVendorRequest`: only given fields change; external data replaces or merges by `patchMode`. */
export function applyVendorUpdate(vendor: VendorRec, body: Record<string, unknown>, now: string): VendorRec {
  const next: VendorRec = { ...vendor, modifiedOn: now };
  for (const key of ['name', 'active', 'memo', 'deliveryOption', 'isTruckReplenishment'] as const) {
    if (body[key] !== undefined) next[key] = body[key];
  }
  if (body.taxRate !== undefined) next.defaultTaxRate = body.taxRate;
  if (body.restrictedMobileCreation !== undefined)
    next.isMobileCreationRestricted = body.restrictedMobileCreation;
  if (body.address !== undefined) next.address = { ...(body.address as Record<string, unknown>) };
  if (['firstName', 'lastName', 'phone', 'email', 'fax'].some((k) => body[k] !== undefined)) {
    next.contactInfo = contact(body, vendor.contactInfo as Record<string, unknown>);
  }
  next.external = applyExternal(vendor.external, body.externalData as ExternalPatch | undefined);
  return next;
}
