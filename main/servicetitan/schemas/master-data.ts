import { z } from 'zod';
import { ExternalDataPair, Id, NamedRef, Timestamp } from './common';

/** A vendor (`Inventory.V2.VendorResponse`). */
export const Vendor = z.looseObject({
  id: Id,
  name: z.string(),
  active: z.boolean(),
  memo: z.string().nullish(),
  deliveryOption: z.string().nullish(),
  defaultTaxRate: z.number(),
  contactInfo: z.looseObject({
    firstName: z.string().nullish(),
    lastName: z.string().nullish(),
    phone: z.string().nullish(),
    email: z.string().nullish(),
    fax: z.string().nullish(),
  }),
  address: z.looseObject({
    street: z.string().nullish(),
    unit: z.string().nullish(),
    city: z.string().nullish(),
    state: z.string().nullish(),
    zip: z.string().nullish(),
    country: z.string().nullish(),
  }),
  createdOn: Timestamp,
  modifiedOn: Timestamp,
  externalData: z.array(ExternalDataPair),
});
export type Vendor = z.infer<typeof Vendor>;

const VendorAddressRequest = z.object({
  street: z.string(),
  unit: z.string(),
  city: z.string(),
  state: z.string(),
  zip: z.string(),
  country: z.string(),
});

/** Body of a vendor create (`Inventory.V2.CreateVendorRequest`). */
export const CreateVendorRequest = z.object({
  name: z.string().min(1, 'A vendor needs a name.'),
  active: z.boolean(),
  memo: z.string().nullish(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  phone: z.string().nullish(),
  email: z.string().nullish(),
  fax: z.string().nullish(),
  isTruckReplenishment: z.boolean(),
  taxRate: z.number(),
  restrictedMobileCreation: z.boolean(),
  paymentTermId: z.number().int().nullish(),
  address: VendorAddressRequest,
  externalData: z
    .object({
      applicationGuid: z.string(),
      externalData: z.array(z.object({ key: z.string(), value: z.string() })),
    })
    .nullish(),
});
export type CreateVendorRequest = z.infer<typeof CreateVendorRequest>;

/** Body of a vendor update (`Inventory.V2.UpdateVendorRequest`): every field optional; `externalData` patches by mode. */
export const UpdateVendorRequest = z.object({
  name: z.string().min(1).optional(),
  active: z.boolean().optional(),
  memo: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  fax: z.string().optional(),
  isTruckReplenishment: z.boolean().optional(),
  taxRate: z.number().optional(),
  restrictedMobileCreation: z.boolean().optional(),
  paymentTermId: z.number().int().optional(),
  address: VendorAddressRequest.optional(),
  externalData: z
    .object({
      patchMode: z.enum(['Replace', 'Merge']).nullish(),
      applicationGuid: z.string(),
      externalData: z.array(z.object({ key: z.string(), value: z.string().nullable() })),
    })
    .optional(),
});
export type UpdateVendorRequest = z.infer<typeof UpdateVendorRequest>;

/** A tax zone and its rates (`Accounting.V2.TaxZoneResponse`). Rates are fractions (0.25 = 25 %). */
export const TaxZone = z.looseObject({
  id: Id,
  name: z.string().nullish(),
  isTaxRateSeparated: z.boolean(),
  isMultipleTaxZone: z.boolean(),
  rates: z.array(
    z.looseObject({
      id: Id.nullish(),
      taxName: z.string().nullish(),
      taxBaseType: z.array(z.string()),
      taxRate: z.number(),
      salesTaxItem: z.string().nullish(),
    }),
  ),
  active: z.boolean(),
  createdOn: Timestamp,
  modifiedOn: Timestamp,
});
export type TaxZone = z.infer<typeof TaxZone>;

/** A business unit (`TenantSettings.V2.BusinessUnitResponse`). */
export const BusinessUnit = z.looseObject({
  id: Id,
  name: z.string(),
  officialName: z.string().nullish(),
  active: z.boolean(),
  currency: z.string().nullish(),
  trade: NamedRef.nullish(),
  division: NamedRef.nullish(),
  createdOn: Timestamp,
  modifiedOn: Timestamp,
});
export type BusinessUnit = z.infer<typeof BusinessUnit>;

/** A GL account of ServiceTitan's chart (`Accounting.V2.GlAccountExtendedResponse`). */
export const GlAccount = z.looseObject({
  id: Id,
  name: z.string().nullish(),
  number: z.string().nullish(),
  description: z.string().nullish(),
  type: z.string().nullish(),
  subtype: z.string().nullish(),
  active: z.boolean(),
  source: z.string(),
  defaultAccountType: z.string().nullish(),
  createdOn: Timestamp,
  modifiedOn: Timestamp,
});
export type GlAccount = z.infer<typeof GlAccount>;

const CrmAddress = z.looseObject({
  street: z.string(),
  unit: z.string().nullish(),
  city: z.string(),
  state: z.string(),
  zip: z.string(),
  country: z.string(),
});

/** A customer (`Crm.V2.Customers.CustomerResponse`). */
export const Customer = z.looseObject({
  id: Id,
  name: z.string(),
  type: z.enum(['Residential', 'Commercial']),
  active: z.boolean(),
  address: CrmAddress,
  taxExempt: z.boolean(),
  balance: z.number(),
  createdOn: Timestamp,
  modifiedOn: Timestamp,
  mergedToId: Id.nullish(),
  /** Tag types on the customer (names come from `tagTypes`). */
  tagTypeIds: z.array(Id).nullish(),
  externalData: z.array(ExternalDataPair),
});
export type Customer = z.infer<typeof Customer>;

/** A service location of a customer (`Crm.V2.Locations.LocationResponse`). */
export const Location = z.looseObject({
  id: Id,
  customerId: Id,
  name: z.string(),
  active: z.boolean(),
  address: CrmAddress,
  taxZoneId: Id.nullish(),
  taxExempt: z.boolean(),
  createdOn: Timestamp,
  modifiedOn: Timestamp,
});
export type Location = z.infer<typeof Location>;

/** A job (`Jpm.V2.JobResponse`): links an invoice to its project. */
export const Job = z.looseObject({
  id: Id,
  jobNumber: z.string(),
  projectId: Id.nullish(),
  customerId: Id,
  locationId: Id,
  businessUnitId: Id,
  jobStatus: z.string(),
  invoiceId: Id,
  createdOn: Timestamp,
  modifiedOn: Timestamp,
});
export type Job = z.infer<typeof Job>;
